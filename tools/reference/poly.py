"""poly-moons.txt: polynomial features on the moons data: the expansion and
scaling of one row, then a degree sweep of scikit-learn pipelines (train on
moons.csv, test on moons-test.csv), and the lesson's linear model for contrast."""

import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning

from . import common

DEGREES = range(1, 9)
PIPELINE = ("make_pipeline(PolynomialFeatures({d}, include_bias=False), StandardScaler(), "
            "LogisticRegression({model}))")
UNREGULARISED = "C=1e10, max_iter=100000"
MODERATE = "C=1.0"
LR = 0.1
EPOCHS = 1000


def generate(data_dir):
    X, y = common.call(common.MOONS)
    X_test, y_test = common.call(common.MOONS_TEST)
    poly3 = common.call("PolynomialFeatures(3, include_bias=False)").fit(X)
    F3 = poly3.transform(X)
    scaler = common.call("StandardScaler()").fit(F3)
    ref = common.Reference(
        "poly-moons.txt", "poly", "polynomial features and logistic regression on data/moons.csv",
        f"X, y = {common.MOONS}              (data/moons.csv)\n"
        f"X_test, y_test = {common.MOONS_TEST}   (data/moons-test.csv)\n\n"
        "features_degD_row0 = PolynomialFeatures(D, include_bias=False).fit_transform(X)[0], D = 2, 3\n"
        f"    degree-3 columns: {' '.join(poly3.get_feature_names_out(['x1', 'x2']))}\n"
        "    (scikit-learn builds each degree-D column as a degree D-1 column times one feature:\n"
        "    x1^2 = x1*x1, x1^3 = (x1^2)*x1, x1^2 x2 = (x1 x2)*x1, x1 x2^2 = (x2^2)*x1, x2^3 = (x2^2)*x2)\n"
        "mean_deg3, std_deg3 = StandardScaler().fit(those degree-3 features of all of X): mean_, scale_\n"
        "    (scale_ is the population standard deviation, dividing by n)\n\n"
        "For D = 1..8:\n"
        f"    model = {PIPELINE.format(d='D', model=UNREGULARISED)}.fit(X, y)\n"
        "    train_acc_deg_D = model.score(X, y); test_acc_deg_D = model.score(X_test, y_test)\n"
        "    n_iter_deg_D = model[-1].n_iter_[0]; max_abs_coef_deg_D = np.max(np.abs(model[-1].coef_))\n"
        "    converged_deg_D: 0 when the fit raised scikit-learn's ConvergenceWarning, else 1\n"
        f"    the *_C1 keys: the same with LogisticRegression({MODERATE})\n"
        "Caution: from degree 5 on, C=1e10 has (nearly) separated the training set: the coefficients\n"
        "run to 1e4 and more and the optimum lies at infinity, so those fits are wherever L-BFGS\n"
        "stopped; another optimiser gives other coefficients and test accuracies. The C=1.0 fits\n"
        "have a unique optimum.\n\n"
        f"gd_linear_*: w, b, losses = fit_gd(X, y, lr={LR}, n_epochs={EPOCHS}) on the raw features (no scaling)\n"
        "    gd_linear_train_acc = np.mean(predict(X, w, b) == y); gd_linear_test_acc likewise on X_test\n"
        f"gd_poly3_*: the same loop, w, b, losses = fit_gd(F3, y, lr={LR}, n_epochs={EPOCHS}), on the degree-3\n"
        "    features as they are, F3 = PolynomialFeatures(3, include_bias=False).fit_transform(X)\n"
        "    (exercise 10's fit_polynomial); gd_poly3_loss_999 = losses[-1]; the accuracies likewise on\n"
        "    F3 and on the same features of X_test\n\n"
        + common.lesson_source())
    ref.put("features_deg2_row0", common.call("PolynomialFeatures(2, include_bias=False)").fit_transform(X)[0])
    ref.put("features_deg3_row0", F3[0])
    ref.put("mean_deg3", scaler.mean_)
    ref.put("std_deg3", scaler.scale_)
    for d in DEGREES:
        ref.blank()
        for suffix, model in (("", UNREGULARISED), ("_C1", MODERATE)):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                pipeline = common.call(PIPELINE.format(d=d, model=model)).fit(X, y)
            ref.put(f"train_acc_deg_{d}{suffix}", pipeline.score(X, y))
            ref.put(f"test_acc_deg_{d}{suffix}", pipeline.score(X_test, y_test))
            ref.put(f"n_iter_deg_{d}{suffix}", pipeline[-1].n_iter_[0])
            ref.put(f"max_abs_coef_deg_{d}{suffix}", np.max(np.abs(pipeline[-1].coef_)))
            ref.put(f"converged_deg_{d}{suffix}", int(not any(w.category is ConvergenceWarning for w in caught)))
    w, b, _ = common.fit_gd(X, y, LR, EPOCHS)
    ref.blank()
    ref.put("gd_linear_w", w)
    ref.put("gd_linear_b", b)
    ref.put("gd_linear_train_acc", np.mean(common.predict(X, w, b) == y))
    ref.put("gd_linear_test_acc", np.mean(common.predict(X_test, w, b) == y_test))
    F3_test = poly3.transform(X_test)
    w3, b3, losses3 = common.fit_gd(F3, y, LR, EPOCHS)
    ref.blank()
    ref.put("gd_poly3_w", w3)
    ref.put("gd_poly3_b", b3)
    ref.put("gd_poly3_loss_999", losses3[-1])
    ref.put("gd_poly3_train_acc", np.mean(common.predict(F3, w3, b3) == y))
    ref.put("gd_poly3_test_acc", np.mean(common.predict(F3_test, w3, b3) == y_test))
    ref.write(data_dir)
