"""boundary-classification.txt: the decision boundary of the lesson's model
(500 epochs of gradient descent, lr 0.1) on the course data, at the default
threshold 0.5 and at two others, with what each threshold predicts."""

import numpy as np

from . import common

LR = 0.1
EPOCHS = 500
THRESHOLDS = (0.25, 0.5, 0.75)


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION)
    ref = common.Reference(
        "boundary-classification.txt", "boundary",
        "the decision boundary of the lesson's model on data/classification.csv",
        f"X, y = {common.CLASSIFICATION}\n"
        f"w, b, losses = fit_gd(X, y, lr={LR}, n_epochs={EPOCHS})\n\n"
        + common.lesson_source() + "\n"
        "The line where sigmoid(w . x + b) = t is w[0] x1 + w[1] x2 + b = log(t / (1 - t)), so\n"
        "x2 = slope * x1 + intercept with slope = -w[0] / w[1], intercept = (log(t / (1 - t)) - b) / w[1].\n"
        "slope, intercept: for t = 0.5 (where log(t / (1 - t)) = 0)\n"
        "Per threshold T in " + ", ".join(map(str, THRESHOLDS)) + ": intercept_t_T as above,\n"
        "positives_t_T = np.sum(predict(X, w, b, T)), accuracy_t_T = np.mean(predict(X, w, b, T) == y)")
    w, b, _ = common.fit_gd(X, y, LR, EPOCHS)
    ref.put("w", w)
    ref.put("b", b)
    ref.put("slope", -w[0] / w[1])
    ref.put("intercept", -b / w[1])
    for t in THRESHOLDS:
        pred = common.predict(X, w, b, t)
        ref.blank()
        ref.put(f"intercept_t_{t:g}", (np.log(t / (1 - t)) - b) / w[1])
        ref.put(f"positives_t_{t:g}", np.sum(pred))
        ref.put(f"accuracy_t_{t:g}", np.mean(pred == y))
    ref.write(data_dir)
