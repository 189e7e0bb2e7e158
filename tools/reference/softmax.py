"""softmax-classification3.txt: softmax regression on the three-class data,
(a) by plain gradient descent in NumPy, (b) by scikit-learn's multinomial
LogisticRegression (practically unregularised)."""

import inspect

import numpy as np

from . import common
from .ovr import confusion

LR = 0.1
EPOCHS = 1000
SKLEARN = "LogisticRegression(C=1e10, max_iter=10000, multi_class='multinomial')"


def softmax(Z):
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def categorical_cross_entropy(Y, P):
    return -np.mean(np.sum(Y * np.log(np.clip(P, 1e-15, 1)), axis=1))


def fit_softmax_gd(X, y, k, lr=0.1, n_epochs=1000):
    """Returns W (k x d), b (k), losses (losses[e] taken before update e)."""
    n, d = X.shape
    Y = np.eye(k)[y]
    W = np.zeros((k, d))
    b = np.zeros(k)
    losses = []
    for epoch in range(n_epochs):
        P = softmax(X @ W.T + b)
        losses.append(categorical_cross_entropy(Y, P))
        W -= lr * ((P - Y).T @ X / n)
        b -= lr * np.mean(P - Y, axis=0)
    return W, b, losses


def cce_gradient(X, y, W, b):
    """Gradient of the mean CCE at (W, b): (P - Y).T @ X / n beside mean(P - Y, axis=0)."""
    Y = np.eye(W.shape[0])[y]
    G = softmax(X @ W.T + b) - Y
    return np.column_stack([G.T @ X / len(y), np.mean(G, axis=0)])


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION3)
    k = 3
    ref = common.Reference(
        "softmax-classification3.txt", "softmax", "softmax regression on data/classification3.csv",
        f"X, y = {common.CLASSIFICATION3}\n\n"
        f"(a) gd_*: W, b, losses = fit_softmax_gd(X, y, {k}, lr={LR}, n_epochs={EPOCHS})\n\n"
        + "".join(inspect.getsource(f) for f in (softmax, categorical_cross_entropy, fit_softmax_gd)) + "\n"
        "gd_W_j = W[j]; gd_loss_K = losses[K]; pred = np.argmax(X @ W.T + b, axis=1) (the first maximum wins)\n"
        "gd_confusion: 3 x 3 counts, row-major, rows = true class, columns = predicted class\n\n"
        f"(b) sk_*: model = {SKLEARN}.fit(X, y)\n"
        "sk_coef_j = model.coef_[j]; sk_intercept = model.intercept_; sk_n_iter = model.n_iter_[0]\n"
        "sk_coef_centered_j = (coef_ - coef_.mean(axis=0))[j]; sk_intercept_centered = intercept_ - intercept_.mean()\n"
        "   (softmax is unchanged by adding one vector to every class; centering removes that freedom)\n"
        "sk_accuracy = model.score(X, y); sk_proba_i = model.predict_proba(X[i:i+1])[0]\n"
        "sk_loss = categorical_cross_entropy(Y, softmax(X @ coef_.T + intercept_))\n"
        "sk_grad_norm = np.linalg.norm(g), g = [(P - Y).T @ X / n, mean(P - Y, axis=0)] at the answer")
    W, b, losses = fit_softmax_gd(X, y, k, LR, EPOCHS)
    pred = np.argmax(X @ W.T + b, axis=1)
    ref.put("lr", LR)
    ref.put("epochs", EPOCHS)
    for j in range(k):
        ref.put(f"gd_W_{j}", W[j])
    ref.put("gd_b", b)
    for e in (0, 1, 10, 100, EPOCHS - 1):
        ref.put(f"gd_loss_{e}", losses[e])
    ref.put("gd_accuracy", np.mean(pred == y))
    ref.put("gd_confusion", confusion(y, pred, k))

    model = common.call(SKLEARN).fit(X, y)
    coef, intercept = model.coef_, model.intercept_
    ref.blank()
    for j in range(k):
        ref.put(f"sk_coef_{j}", coef[j])
    ref.put("sk_intercept", intercept)
    ref.put("sk_n_iter", model.n_iter_[0])
    for j in range(k):
        ref.put(f"sk_coef_centered_{j}", (coef - coef.mean(axis=0))[j])
    ref.put("sk_intercept_centered", intercept - intercept.mean())
    ref.put("sk_accuracy", model.score(X, y))
    for i, row in enumerate(model.predict_proba(X[:5])):
        ref.put(f"sk_proba_{i}", row)
    ref.put("sk_loss", categorical_cross_entropy(np.eye(k)[y], softmax(X @ coef.T + intercept)))
    ref.put("sk_grad_norm", np.linalg.norm(cce_gradient(X, y, coef, intercept)))
    ref.write(data_dir)
