"""The course's data sets: data/classification.csv, classification3.csv,
moons.csv and moons-test.csv (header x1,x2,y)."""

import os

from . import common

FILES = {
    "classification.csv": common.CLASSIFICATION,
    "classification3.csv": common.CLASSIFICATION3,
    "moons.csv": common.MOONS,
    "moons-test.csv": common.MOONS_TEST,
}


def generate(data_dir):
    for name, source in FILES.items():
        X, y = common.call(source)
        common.write_csv(os.path.join(data_dir, name), common.feature_header(X.shape[1]), X, y)
