"""gd-classification.txt: the lesson's gradient descent (lr 0.1) on the
course data, after 500 epochs and, to show where it is heading, after 5000,
50000 and 100000."""

import numpy as np

from . import common

LR = 0.1
EPOCHS = 500
LONG_RUNS = (5000, 50000, 100000)


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION)
    ref = common.Reference(
        "gd-classification.txt", "gd", "the lesson's gradient descent on data/classification.csv",
        f"X, y = {common.CLASSIFICATION}\n"
        f"w, b, losses = fit_gd(X, y, lr={LR}, n_epochs={EPOCHS})   # and n_epochs = "
        + ", ".join(map(str, LONG_RUNS)) + "\n\n" + common.lesson_source() + "\n"
        "loss_K = losses[K] (before update K); final_loss = binary_cross_entropy(y, sigmoid(X @ w + b))\n"
        "accuracy = np.mean(predict(X, w, b) == y); n_correct = np.sum(predict(X, w, b) == y)\n"
        "w_N, b_N, loss_N: the same after N epochs; loss_N = BCE at (w_N, b_N), after the last update")
    w, b, losses = common.fit_gd(X, y, LR, EPOCHS)
    correct = common.predict(X, w, b) == y
    ref.put("lr", LR)
    ref.put("epochs", EPOCHS)
    ref.put("w", w)
    ref.put("b", b)
    for k in (0, 1, 10, 100, EPOCHS - 1):
        ref.put(f"loss_{k}", losses[k])
    ref.put("final_loss", common.binary_cross_entropy(y, common.sigmoid(X @ w + b)))
    ref.put("accuracy", np.mean(correct))
    ref.put("n_correct", np.sum(correct))
    for epochs in LONG_RUNS:
        w, b, _ = common.fit_gd(X, y, LR, epochs)
        ref.blank()
        ref.put(f"w_{epochs}", w)
        ref.put(f"b_{epochs}", b)
        ref.put(f"loss_{epochs}", common.binary_cross_entropy(y, common.sigmoid(X @ w + b)))
    ref.write(data_dir)
