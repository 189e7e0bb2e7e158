"""generators.txt and generators/*.csv: scikit-learn's make_classification,
make_moons and make_blobs for a range of arguments, to check the C
generators call by call."""

import inspect
import os

from . import common

# key (also the CSV's name, generators/KEY.csv) -> the call
CALLS = {
    "classification_a": common.CLASSIFICATION,
    "classification_b": "make_classification(n_samples=300, n_features=2, n_redundant=0, n_informative=2, random_state=0, n_clusters_per_class=1)",
    "classification_c": "make_classification(n_samples=101, n_features=2, n_redundant=0, n_informative=2, random_state=7, n_clusters_per_class=1)",
    "classification_d": common.CLASSIFICATION3,
    "classification_e": "make_classification(n_samples=250, n_features=2, n_redundant=0, n_informative=2, n_clusters_per_class=1, n_classes=3, random_state=3)",
    "classification_f": "make_classification(n_samples=300, n_features=4, n_redundant=1, n_informative=2, n_repeated=1, random_state=5, n_clusters_per_class=1)",
    "classification_g": "make_classification(n_samples=300, n_features=2, n_redundant=0, n_informative=2, random_state=11, n_clusters_per_class=2, class_sep=0.5, flip_y=0.05)",
    "moons_a": common.MOONS,
    "moons_b": "make_moons(n_samples=300, noise=0.2, random_state=0)",
    "moons_c": "make_moons(n_samples=101, noise=0.05, random_state=3)",
    "moons_d": "make_moons(n_samples=300, noise=0.3, random_state=9)",
    "blobs_a": "make_blobs(n_samples=300, centers=3, n_features=2, random_state=42)",
    "blobs_b": "make_blobs(n_samples=150, centers=4, n_features=2, cluster_std=0.5, random_state=8)",
}

# the arguments written for each kind, in this order (defaults filled in)
PARAMETERS = {
    "classification": ["n_samples", "n_features", "n_informative", "n_redundant", "n_repeated", "n_classes",
                       "n_clusters_per_class", "flip_y", "class_sep", "random_state"],
    "moons": ["n_samples", "noise", "random_state"],
    "blobs": ["n_samples", "centers", "n_features", "cluster_std", "random_state"],
}


def arguments(source):
    """The call's arguments with the function's defaults filled in."""
    function = common.NAMES[source.split("(")[0]]
    return eval(source, {"__builtins__": {}}, {function.__name__: inspect.signature(function).bind})


def generate(data_dir):
    ref = common.Reference(
        "generators.txt", "generators", "scikit-learn data generator calls and their outputs",
        "Each entry KEY names the file data/reference/generators/KEY.csv (header x1..xd,y; features\n"
        "written '%.17g', the label an integer) and lists the call's arguments, defaults filled in:\n"
        + "".join(f"  {kind}_*: {' '.join(names)}\n" for kind, names in PARAMETERS.items())
        + "(make_classification: weights=None, hypercube=True, shift=0.0, scale=1.0, shuffle=True;\n"
        "make_moons: shuffle=True; make_blobs: center_box=(-10.0, 10.0), shuffle=True.)\n"
        "The calls:\n" + "".join(f"  {key}: X, y = {source}\n" for key, source in CALLS.items()))
    ref.put("n_calls", len(CALLS))
    for key, source in CALLS.items():
        X, y = common.call(source)
        common.write_csv(os.path.join(data_dir, "reference", "generators", key + ".csv"),
                         common.feature_header(X.shape[1]), X, y)
        bound = arguments(source)
        bound.apply_defaults()
        ref.put(key, [bound.arguments[name] for name in PARAMETERS[key.split("_")[0]]])
    ref.write(data_dir)
