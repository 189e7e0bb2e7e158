#!/usr/bin/env python3
"""bench.py: the NumPy and scikit-learn side of `make bench`.

Run by the bench program (tests/lib/bench.c) as a helper that answers one
command per line on stdin, so that its timings interleave with the C ones,
round by round, in the same run:

    data PATH N D     load X (N x D) then y (N), float64, from the raw file PATH
    epoch REPS PIECES seconds per epoch of the lesson's NumPy loop body: PIECES timed
                      pieces of REPS epochs each, the median piece (as the C side does)
    lbfgs             seconds for LogisticRegression(C=1e10, solver='lbfgs') to fit
                      (wall, then this process's CPU seconds, all its threads), then
                      its gradient norm at the answer (of the mean loss)
    quit

Each answer is one line. Prints "ready" first, or "missing: WHAT" and exits
when NumPy (or, for lbfgs, scikit-learn) is not installed.
"""
import sys
import time

try:
    import numpy as np
except ImportError:
    print("missing: numpy", flush=True)
    sys.exit(0)
try:
    from sklearn.linear_model import LogisticRegression
except ImportError:
    LogisticRegression = None


def sigmoid(z):
    # the lesson's sigmoid
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


def binary_cross_entropy(y, p):
    # the lesson's loss
    eps = 1e-15
    p = np.clip(p, eps, 1 - eps)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def epoch(X, y, w, b):
    # one iteration of the lesson's gradient-descent loop, without the update
    n = X.shape[0]
    z = X @ w + b
    p = sigmoid(z)
    loss = binary_cross_entropy(y, p)
    error = p - y
    dw = (1 / n) * X.T @ error
    db = (1 / n) * np.sum(error)
    return loss, dw, db


def main():
    print("ready" + ("" if LogisticRegression else " (no scikit-learn)"), flush=True)
    X = y = None
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] == "data":
            n, d = int(words[2]), int(words[3])
            raw = np.fromfile(words[1], dtype=np.float64)
            X, y = raw[: n * d].reshape(n, d), raw[n * d : n * d + n].copy()
            print("ok", flush=True)
        elif words[0] == "epoch":
            reps, pieces = int(words[1]), int(words[2])
            w = np.full(X.shape[1], 0.1)
            times = []
            for _ in range(pieces):
                start = time.perf_counter()
                for _ in range(reps):
                    epoch(X, y, w, 0.1)
                times.append((time.perf_counter() - start) / reps)
            print(sorted(times)[pieces // 2], flush=True)
        elif words[0] == "lbfgs":
            if LogisticRegression is None:
                print("nan nan nan", flush=True)
                continue
            model = LogisticRegression(C=1e10, solver="lbfgs", max_iter=10000)
            start, cpu_start = time.perf_counter(), time.process_time()
            model.fit(X, y)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            p = 1 / (1 + np.exp(-(X @ model.coef_[0] + model.intercept_[0])))
            g = np.append(X.T @ (p - y), np.sum(p - y)) / X.shape[0]
            print(seconds, cpu, np.linalg.norm(g), flush=True)


main()
