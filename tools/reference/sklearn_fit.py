"""sklearn-classification.txt: scikit-learn's LogisticRegression (lbfgs, C=1e10,
practically unregularised) on the course data, at its default tolerance and
at a tight one, with the mean-BCE gradient norm at each answer; and Newton's
method (IRLS) in NumPy from zero, which reaches the optimum scikit-learn
approximates."""

import numpy as np

from . import common

DEFAULT = "LogisticRegression(C=1e10)"
TIGHT = "LogisticRegression(C=1e10, tol=1e-12, max_iter=100000)"


def bce_gradient(X, y, w, b):
    """Gradient (dw, db) of the mean unregularised BCE at (w, b), as one vector."""
    error = common.sigmoid(X @ w + b) - y
    return np.append(X.T @ error / len(y), np.mean(error))


def newton(X, y, steps=8):
    """Newton's method on the mean BCE from w = 0, b = 0; the iterates (w, b)."""
    Xb = np.column_stack([X, np.ones(len(y))])
    theta = np.zeros(Xb.shape[1])
    iterates = []
    for _ in range(steps):
        p = common.sigmoid(Xb @ theta)
        gradient = Xb.T @ (p - y) / len(y)
        hessian = (Xb.T * (p * (1 - p))) @ Xb / len(y)
        theta = theta - np.linalg.solve(hessian, gradient)
        iterates.append(theta)
    return iterates


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION)
    ref = common.Reference(
        "sklearn-classification.txt", "sklearn_fit", "scikit-learn's logistic regression on data/classification.csv",
        f"X, y = {common.CLASSIFICATION}\n"
        f"model = {DEFAULT}.fit(X, y)         # coef, intercept, score, n_iter, loss, grad_norm\n"
        f"tight = {TIGHT}.fit(X, y)   # the *_tight keys\n"
        "coef = model.coef_[0]; intercept = model.intercept_[0]; score = model.score(X, y); n_iter = model.n_iter_[0]\n"
        "loss = binary_cross_entropy(y, sigmoid(X @ coef + intercept))   (the lesson's BCE, eps 1e-15)\n"
        "grad_norm = np.linalg.norm(g), g = (X.T @ e / n, np.mean(e)), e = sigmoid(X @ coef + intercept) - y\n"
        "   (the gradient of the mean BCE without the penalty, at scikit-learn's answer)\n"
        "scikit-learn minimises sum(BCE) + |w|^2 / (2 C); its L-BFGS-B also stops when the relative\n"
        "decrease of that objective falls below scipy's ftol (2.2e-9), which tol does not change:\n"
        "that is why the tight fit stops where the default one does.\n\n"
        "newton_K (w1 w2 b): Newton's method on the mean BCE from w = 0, b = 0, after K steps;\n"
        "each step solves H d = g with g = Xb.T @ (p - y) / n, H = Xb.T @ diag(p (1 - p)) @ Xb / n,\n"
        "Xb = [X, 1], and subtracts d. newton_grad_norm: norm of g at the last iterate.")
    for suffix, source in (("", DEFAULT), ("_tight", TIGHT)):
        model = common.call(source).fit(X, y)
        w, b = model.coef_[0], model.intercept_[0]
        ref.put(f"coef{suffix}", w)
        ref.put(f"intercept{suffix}", b)
        ref.put(f"score{suffix}", model.score(X, y))
        ref.put(f"n_iter{suffix}", model.n_iter_[0])
        ref.put(f"loss{suffix}", common.binary_cross_entropy(y, common.sigmoid(X @ w + b)))
        ref.put(f"grad_norm{suffix}", np.linalg.norm(bce_gradient(X, y, w, b)))
        ref.blank()
    iterates = newton(X, y)
    for k, theta in enumerate(iterates, start=1):
        ref.put(f"newton_{k}", theta)
    w, b = iterates[-1][:2], iterates[-1][2]
    ref.put("newton_loss", common.binary_cross_entropy(y, common.sigmoid(X @ w + b)))
    ref.put("newton_grad_norm", np.linalg.norm(bce_gradient(X, y, w, b)))
    ref.write(data_dir)
