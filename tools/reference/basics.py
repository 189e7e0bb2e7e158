"""sigmoid.txt and bce.txt: the values chapters 01 and 02 print, computed
independently: scipy's expit for the sigmoid, the lesson's clipped
binary_cross_entropy for the loss."""

import numpy as np
from scipy.special import expit
import scipy

from . import common

# The scores chapter 01 tabulates, and the (y, p) pairs of chapter 02.
Z = (-1e308, -1000, -40, -5, -1, 0, 1, 5, 40, 1000, 1e308)
PAIRS = ((1, 0.99), (1, 0.9), (1, 0.5), (1, 0.1), (1, 0.0),
         (0, 0.01), (0, 0.5), (0, 0.9), (0, 1.0))


def generate(data_dir):
    z = np.array(Z, dtype=float)
    ref = common.Reference(
        "sigmoid.txt", "basics", "the sigmoid and its slope at the scores chapter 01 prints",
        f"SciPy {scipy.__version__}.\n"
        f"z = np.array({Z})\n"
        "sigmoid = scipy.special.expit(z)\n"
        "sigmoid_derivative = expit(z) * expit(-z)   # = expit(z) * (1 - expit(z)), without the cancellation")
    s = expit(z)
    ref.put("z", z)
    ref.put("sigmoid", s)
    ref.put("sigmoid_derivative", s * expit(-z))
    ref.write(data_dir)

    y = np.array([p[0] for p in PAIRS], dtype=float)
    p = np.array([p[1] for p in PAIRS], dtype=float)
    ref = common.Reference(
        "bce.txt", "basics", "the clipped binary cross-entropy of the pairs chapter 02 prints",
        f"pairs (y, p) = {PAIRS}\n"
        "bce = [binary_cross_entropy(np.array([y]), np.array([p])) for y, p in pairs]\n"
        "mean = binary_cross_entropy(y, p) over all pairs\n\n"
        + common.lesson_source())
    ref.put("y", y)
    ref.put("p", p)
    ref.put("bce", [common.binary_cross_entropy(np.array([yi]), np.array([pi])) for yi, pi in PAIRS])
    ref.put("mean", common.binary_cross_entropy(y, p))
    ref.write(data_dir)
