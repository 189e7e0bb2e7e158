"""ovr-classification3.txt: one-vs-rest on the three-class data, three binary
models of the lesson's gradient descent (lr 0.1, 1000 epochs), predicting the
class of the highest probability."""

import numpy as np

from . import common

LR = 0.1
EPOCHS = 1000
K = 3


def confusion(y, pred, k=K):
    """k x k counts, rows = true class, columns = predicted class."""
    counts = np.zeros((k, k), dtype=int)
    np.add.at(counts, (y, pred), 1)
    return counts


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION3)
    ref = common.Reference(
        "ovr-classification3.txt", "ovr", "one-vs-rest on data/classification3.csv",
        f"X, y = {common.CLASSIFICATION3}\n"
        f"for k in range({K}):\n"
        f"    w_k, b_k, losses_k = fit_gd(X, (y == k).astype(int), lr={LR}, n_epochs={EPOCHS})\n"
        "pred = np.argmax([sigmoid(X @ w_k + b_k) for k], axis=0)   (the first maximum wins)\n\n"
        + common.lesson_source() + "\n"
        f"final_loss_k = losses_k[{EPOCHS - 1}]; accuracy = np.mean(pred == y)\n"
        "confusion: 3 x 3 counts, row-major, rows = true class, columns = predicted class\n"
        "precision_k = confusion[k, k] / confusion[:, k].sum(); recall_k = confusion[k, k] / confusion[k, :].sum()")
    ref.put("lr", LR)
    ref.put("epochs", EPOCHS)
    probabilities = []
    for k in range(K):
        w, b, losses = common.fit_gd(X, (y == k).astype(int), LR, EPOCHS)
        probabilities.append(common.sigmoid(X @ w + b))
        ref.put(f"w_{k}", w)
        ref.put(f"b_{k}", b)
        ref.put(f"final_loss_{k}", losses[-1])
    pred = np.argmax(probabilities, axis=0)
    counts = confusion(y, pred)
    ref.blank()
    ref.put("accuracy", np.mean(pred == y))
    ref.put("confusion", counts)
    ref.put("precision", np.diag(counts) / counts.sum(axis=0))
    ref.put("recall", np.diag(counts) / counts.sum(axis=1))
    ref.write(data_dir)
