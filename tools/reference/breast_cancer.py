"""data/breast-cancer.csv (and breast-cancer-worst.csv, its ten worst_ columns)
and breast-cancer.txt: a real data set (the Breast
Cancer Wisconsin (Diagnostic) data, scikit-learn's bundled copy, 569 samples
of 30 features) and what the chapters should find on it: the largest safe
learning rate, the standardising means and scales, the lesson's loop on the
raw and on the standardised features, and scikit-learn's Newton solver on a
subset of columns whose classes overlap."""

import os
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import average_precision_score

from . import common

LOAD = "load_breast_cancer()"
LR_STD = 0.1          # the lesson's learning rate, on standardised features
EPOCHS_STD = 500      # chapter 3's default
LR_RAW = 3e-5         # above 2 / L, yet the loop ends below its start
EPOCHS_RAW = 3000
NEWTON_CG = "LogisticRegression(C=1e10, solver='newton-cg', tol=1e-8, max_iter=1000)"
SEPARATED = "LogisticRegression(C=1e10, solver='newton-cg', tol=1e-8, max_iter=1000)"
WORST = list(range(20, 30))   # the ten "worst" columns: their classes overlap


def column_names(data):
    """'mean radius' -> 'mean_radius': names a shell and a plot take as they are."""
    return [name.replace(" ", "_") for name in data.feature_names]


def write_data(path, names, X, y):
    """Numbers as Python repr(): the shortest text that reads back exactly."""
    rows = [",".join(names + ["malignant"])]
    rows += [",".join([repr(float(v)) for v in x] + [str(int(label))]) for x, label in zip(X, y)]
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def lam_max(X):
    """Largest eigenvalue of Xb.T @ Xb with Xb = [X, 1] (the bias is a weight too)."""
    Xb = np.column_stack([X, np.ones(len(X))])
    return np.linalg.eigvalsh(Xb.T @ Xb).max()


def put_gd(ref, prefix, X, y, lr, epochs):
    w, b, losses = common.fit_gd(X, y, lr, epochs)
    ref.put(f"{prefix}_lr", lr)
    ref.put(f"{prefix}_epochs", epochs)
    ref.put(f"{prefix}_w", w)
    ref.put(f"{prefix}_b", b)
    for k in sorted({0, 1, 10, 100, epochs - 1}):
        ref.put(f"{prefix}_loss_{k}", losses[k])
    ref.put(f"{prefix}_max_loss", max(losses))
    ref.put(f"{prefix}_epochs_above_start", sum(loss > losses[0] for loss in losses))
    ref.put(f"{prefix}_accuracy", np.mean(common.predict(X, w, b) == y))
    return w, b


def generate(data_dir):
    data = load_breast_cancer()
    X, y = data.data, 1 - data.target   # 1 = malignant: the class a screening looks for
    names = column_names(data)
    write_data(os.path.join(data_dir, "breast-cancer.csv"), names, X, y)
    # the ten worst_ columns alone, for Newton's method beside scikit-learn's
    write_data(os.path.join(data_dir, "breast-cancer-worst.csv"), names[20:30], X[:, WORST], y)
    scaler = common.call("StandardScaler()").fit(X)
    Xs = scaler.transform(X)
    n = len(y)
    ref = common.Reference(
        "breast-cancer.txt", "breast_cancer", "the lesson's code and scikit-learn on data/breast-cancer.csv",
        f"data = {LOAD}; X = data.data; y = 1 - data.target   (1 = malignant, 0 = benign)\n"
        "mean, scale = StandardScaler().fit(X): mean_, scale_ (population deviation, dividing by n)\n"
        "Xs = (X - mean) / scale\n\n"
        "lam_max_raw = largest eigenvalue of Xb.T @ Xb, Xb = [X, 1] (np.linalg.eigvalsh); lam_max_std: of [Xs, 1]\n"
        "lr_max_raw = 2 / L with L = lam_max_raw / (4 n): gradient descent from anywhere is stable\n"
        "    below it (L bounds the curvature of the mean cross-entropy); lr_max_std: the same for Xs\n\n"
        f"std_*: w, b, losses = fit_gd(Xs, y, lr={LR_STD}, n_epochs={EPOCHS_STD}); loss_K = losses[K]\n"
        "    max_loss = max(losses); epochs_above_start = how many losses exceed losses[0]\n"
        "    accuracy = np.mean(predict(Xs, w, b) == y)\n"
        "    average_precision = average_precision_score(y, sigmoid(Xs @ w + b))\n"
        f"raw_*: the same on the raw X with lr={LR_RAW}, n_epochs={EPOCHS_RAW}: the loss rises for a\n"
        "    while, then falls below its start\n\n"
        f"separated_score = {SEPARATED}.fit(Xs, y).score(Xs, y): 1, all 30 standardised features\n"
        "    separate the classes (the unpenalised optimum is at infinity)\n"
        f"worst_*: {NEWTON_CG}.fit(Xs[:, 20:30], y)\n"
        "    (the ten 'worst_' columns, 21 to 30 of the file: the classes overlap, the optimum is finite)\n"
        "    worst_coef, worst_intercept, worst_score, worst_n_iter\n\n"
        + common.lesson_source())
    ref.put("n", n)
    ref.put("d", X.shape[1])
    ref.put("mean", scaler.mean_)
    ref.put("scale", scaler.scale_)
    ref.blank()
    for suffix, features in (("raw", X), ("std", Xs)):
        lam = lam_max(features)
        ref.put(f"lam_max_{suffix}", lam)
        ref.put(f"lr_max_{suffix}", 2 / (lam / (4 * n)))
    ref.blank()
    w, b = put_gd(ref, "std", Xs, y, LR_STD, EPOCHS_STD)
    ref.put("std_average_precision", average_precision_score(y, common.sigmoid(Xs @ w + b)))
    ref.blank()
    put_gd(ref, "raw", X, y, LR_RAW, EPOCHS_RAW)
    ref.blank()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # the separated fit runs towards infinity
        ref.put("separated_score", common.call(SEPARATED).fit(Xs, y).score(Xs, y))
    model = common.call(NEWTON_CG).fit(Xs[:, WORST], y)
    ref.put("worst_coef", model.coef_[0])
    ref.put("worst_intercept", model.intercept_[0])
    ref.put("worst_score", model.score(Xs[:, WORST], y))
    ref.put("worst_n_iter", model.n_iter_[0])
    ref.write(data_dir)
