"""Shared helpers for the reference modules.

- the course's data set calls, and `call()`, which evaluates a call written
  as Python source, so the text in a file header is exactly what ran;
- the lesson's NumPy code (sigmoid, binary cross-entropy, the training loop);
- the writers: reference files (`Reference`) and CSV files (`write_csv`).
"""

import inspect
import os
import re

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_classification, make_moons
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

CLASSIFICATION = ("make_classification(n_samples=300, n_features=2, n_redundant=0, "
                  "n_informative=2, random_state=42, n_clusters_per_class=1)")
CLASSIFICATION3 = ("make_classification(n_samples=300, n_features=2, n_redundant=0, "
                   "n_informative=2, n_clusters_per_class=1, n_classes=3, random_state=42)")
MOONS = "make_moons(n_samples=300, noise=0.2, random_state=42)"
MOONS_TEST = "make_moons(n_samples=300, noise=0.2, random_state=1)"

NAMES = {f.__name__: f for f in (make_blobs, make_classification, make_moons, LogisticRegression,
                                   make_pipeline, PolynomialFeatures, StandardScaler)}


def call(source):
    """Evaluates one scikit-learn call written as Python source text."""
    return eval(source, {"__builtins__": {}}, NAMES)


# ---- the lesson's code ---------------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))  # clip for numerical stability


def binary_cross_entropy(y, p):
    eps = 1e-15  # avoid log(0)
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def fit_gd(X, y, lr=0.1, n_epochs=1000, lam=0.0):
    """LogisticRegressionScratch.fit of the lesson, or LogisticRegressionL2.fit
    when lam != 0. Returns w, b, losses (losses[k] is taken before update k)."""
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for epoch in range(n_epochs):
        z = X @ w + b
        p = sigmoid(z)
        loss = binary_cross_entropy(y, p)
        if lam:
            loss = loss + (lam / (2 * n)) * np.sum(w ** 2)
        losses.append(loss)
        error = p - y
        dw = (1 / n) * X.T @ error
        if lam:
            dw = dw + (lam / n) * w
        db = (1 / n) * np.sum(error)
        w -= lr * dw
        b -= lr * db
    return w, b, losses


def predict(X, w, b, threshold=0.5):
    return (sigmoid(X @ w + b) >= threshold).astype(int)


def lesson_source():
    """The lesson's code above, as it ran, for file headers."""
    return "".join(inspect.getsource(f) for f in (sigmoid, binary_cross_entropy, fit_gd, predict))


# ---- writers --------------------------------------------------------------

def _flatten(value):
    """Numbers in row-major order; a list keeps each item's own type (int or float)."""
    if isinstance(value, (list, tuple)):
        return [v for item in value for v in _flatten(item)]
    return list(np.ravel(value))


def _number(v):
    if isinstance(v, (bool, int, np.bool_, np.integer)):
        return str(int(v))
    return repr(float(v))


class Reference:
    """A data/reference/NAME.txt file: '#' header lines, then `key value ...`."""

    KEY = re.compile(r"^[A-Za-z0-9_.]+$")

    def __init__(self, name, module, about, calls):
        self.name = name
        self.lines = [
            f"# data/reference/{name}: {about}",
            f"# Written by tools/make-reference.py, module {module} "
            f"(tools/reference/{module}.py). Do not edit; rerun the script.",
            f"# NumPy {np.__version__}, scikit-learn {sklearn.__version__}.",
            "# Floats are Python repr() (they read back exactly); integers are integers.",
        ]
        self.keys = set()
        self.comment("")
        self.comment(calls)

    def comment(self, text):
        """Adds comment lines (text may span lines; a blank line gives '#')."""
        for line in text.rstrip("\n").split("\n"):
            self.lines.append(("# " + line).rstrip())

    def blank(self):
        self.lines.append("")

    def put(self, key, *values):
        """One entry; values may be numbers, lists or arrays (flattened, row-major)."""
        flat = _flatten(list(values))
        assert self.KEY.match(key) and key not in self.keys, key
        assert 1 <= len(flat) <= 100, (key, len(flat))
        self.keys.add(key)
        self.lines.append(" ".join([key] + [_number(v) for v in flat]))

    def put_split(self, key, values, per_line=100):
        """A long vector as key.0, key.1, ... of per_line values each."""
        flat = _flatten(values)
        for k in range(0, len(flat), per_line):
            self.put(f"{key}.{k // per_line}", flat[k:k + per_line])

    def write(self, data_dir):
        path = os.path.join(data_dir, "reference", self.name)
        _write_lines(path, self.lines)


def write_csv(path, header, X, y=None):
    """Features as '%.17g', then the label (if y is given) as an integer."""
    rows = [",".join(header)]
    for k, row in enumerate(np.atleast_2d(X)):
        cells = ["%.17g" % v for v in row]
        if y is not None:
            cells.append(str(int(y[k])))
        rows.append(",".join(cells))
    _write_lines(path, rows)


def feature_header(d):
    return [f"x{j + 1}" for j in range(d)] + ["y"]


def _write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
