"""pr-classification.txt and pr-classification-curve.csv: precision, recall
and F1 of the lesson's 500-epoch model (see gd-classification.txt) on its
training data, over every threshold and on a grid of thresholds."""

import os

import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve

from . import common

LR = 0.1
EPOCHS = 500
GRID = [k / 10 for k in range(1, 10)]


def f1(precision, recall):
    """2PR / (P + R), 0 where P + R = 0 (elementwise)."""
    total = precision + recall
    return np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)


def at_threshold(y, p, t):
    """Precision, recall, F1 of predicting p >= t; precision 1.0 when nothing is predicted positive."""
    pred = p >= t
    tp = np.sum(pred & (y == 1))
    precision = tp / np.sum(pred) if np.any(pred) else 1.0
    recall = tp / np.sum(y == 1)
    return precision, recall, f1(np.array([precision]), np.array([recall]))[0]


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION)
    w, b, _ = common.fit_gd(X, y, LR, EPOCHS)
    p = common.sigmoid(X @ w + b)
    precision, recall, thresholds = precision_recall_curve(y, p)
    common.write_csv(os.path.join(data_dir, "reference", "pr-classification-curve.csv"),
                     ["threshold", "precision", "recall"],
                     np.column_stack([thresholds, precision[:-1], recall[:-1]]))
    ref = common.Reference(
        "pr-classification.txt", "pr", "precision and recall of the lesson's model on data/classification.csv",
        f"X, y = {common.CLASSIFICATION}\n"
        f"w, b, losses = fit_gd(X, y, lr={LR}, n_epochs={EPOCHS})   (as in gd-classification.txt)\n"
        "p = sigmoid(X @ w + b)\n"
        "precision, recall, thresholds = precision_recall_curve(y, p)\n"
        "    pr-classification-curve.csv holds row i = thresholds[i], precision[i], recall[i]\n"
        "    (thresholds increasing: every distinct value of p; at threshold t the positives are p >= t)\n"
        "    The curve has one more point than thresholds: precision 1, recall 0 with no threshold,\n"
        "    scikit-learn's convention for the empty prediction above every p (final_precision, final_recall).\n"
        "average_precision = average_precision_score(y, p) = sum_i (recall[i] - recall[i+1]) * precision[i]\n"
        "best_*: the threshold of the curve with the highest F1 = 2PR / (P + R) (0 where P + R = 0),\n"
        "    ties to the lowest threshold (np.argmax over increasing thresholds)\n"
        "*_at_T for T = k / 10, k = 1..9: predict p >= T; precision = TP / (TP + FP), defined as 1.0 when\n"
        "    nothing is predicted positive (scikit-learn's zero_division=1), recall = TP / (TP + FN)")
    scores = f1(precision[:-1], recall[:-1])
    best = int(np.argmax(scores))
    ref.put("n_thresholds", len(thresholds))
    ref.put("final_precision", precision[-1])
    ref.put("final_recall", recall[-1])
    ref.put("average_precision", average_precision_score(y, p))
    ref.blank()
    ref.put("best_threshold", thresholds[best])
    ref.put("best_f1", scores[best])
    ref.put("best_precision", precision[best])
    ref.put("best_recall", recall[best])
    ref.blank()
    ref.put("grid_thresholds", GRID)
    rows = [at_threshold(y, p, t) for t in GRID]
    for j, name in enumerate(("precision", "recall", "f1")):
        for t, row in zip(GRID, rows):
            ref.put(f"{name}_at_{t}", row[j])
    ref.write(data_dir)
