"""l2-classification.txt: the lesson's L2-regularised gradient descent
(LogisticRegressionL2, lr 0.1, 1000 epochs) on the course data, for a sweep
of lambda values."""

import numpy as np

from . import common

LR = 0.1
EPOCHS = 1000
LAMBDAS = (0, 0.01, 0.1, 1, 10, 100)


def generate(data_dir):
    X, y = common.call(common.CLASSIFICATION)
    ref = common.Reference(
        "l2-classification.txt", "l2", "L2-regularised gradient descent on data/classification.csv",
        f"X, y = {common.CLASSIFICATION}\n"
        f"for lam in {LAMBDAS}:\n"
        f"    w, b, losses = fit_gd(X, y, lr={LR}, n_epochs={EPOCHS}, lam=lam)\n\n"
        + common.lesson_source() + "\n"
        "Keys per lambda L (written as in lam_0.01, lam_1): w_lam_L, b_lam_L,\n"
        f"loss_lam_L = losses[{EPOCHS - 1}] (BCE + lam/(2n) * sum(w**2), taken before the last update),\n"
        "wnorm_lam_L = np.linalg.norm(w), accuracy_lam_L = np.mean(predict(X, w, b) == y)")
    ref.put("lr", LR)
    ref.put("epochs", EPOCHS)
    ref.put("lambdas", *LAMBDAS)
    for lam in LAMBDAS:
        w, b, losses = common.fit_gd(X, y, LR, EPOCHS, lam=lam)
        name = "lam_%g" % lam
        ref.blank()
        ref.put(f"w_{name}", w)
        ref.put(f"b_{name}", b)
        ref.put(f"loss_{name}", losses[EPOCHS - 1])
        ref.put(f"wnorm_{name}", np.linalg.norm(w))
        ref.put(f"accuracy_{name}", np.mean(common.predict(X, w, b) == y))
    ref.write(data_dir)
