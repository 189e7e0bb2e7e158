/* Tests for lib/stepsize: the largest eigenvalue by power iteration against
 * matrices whose eigenvalues are known and against NumPy's eigvalsh on the
 * breast cancer data (data/reference/breast-cancer.txt), and the promise
 * the bound makes: below 2 / L gradient descent never raises the loss. */
#include <math.h>
#include <stdio.h>

#include "dataset.h"
#include "feature.h"
#include "harness.h"
#include "logreg.h"
#include "reference.h"
#include "stepsize.h"

/* Power iteration stops at a relative change of 1e-10; the estimate's own
 * error is about the square of the eigenvector's, far smaller. */
#define TOL_REL 1e-9

/* X = [a e_1; b e_2] stacked so that X~ = [X, 1] has orthogonal columns:
 * rows (a, 0), (-a, 0), (0, c), (0, -c). X~^T X~ = diag(2a^2, 2c^2, 4). */
static void test_known_eigenvalues(void) {
    static const double cases[][2] = {{3.0, 1.0}, {0.5, 0.25}, {1.0, 1e3}, {1.0, 1.0}};
    for (size_t k = 0; k < 4; k++) {
        double a = cases[k][0], c = cases[k][1];
        Matrix X = mat_new(4, 2);
        *mat_at(&X, 0, 0) = a;
        *mat_at(&X, 1, 0) = -a;
        *mat_at(&X, 2, 1) = c;
        *mat_at(&X, 3, 1) = -c;
        double want = fmax(fmax(2 * a * a, 2 * c * c), 4.0);
        size_t iter = 0;
        double got = stepsize_lam_max(&X, STEPSIZE_TOL, &iter);
        EXPECT_NEAR(got / want, 1.0, TOL_REL, harness_fmt("lambda_max of diag(%g, %g, 4)", 2 * a * a, 2 * c * c),
                    "power iteration must find the largest of the three");
        EXPECT_TRUE(iter < STEPSIZE_MAX_ITER, harness_fmt("it converged (%zu steps)", iter));
        mat_free(&X);
    }
}

/* Two equal eigenvalues on top, a third just below: slow convergence, still right. */
static void test_close_eigenvalues(void) {
    Matrix X = mat_new(6, 2);
    double rows[6][2] = {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}, {0.99, 0}, {-0.99, 0}};
    for (size_t i = 0; i < 6; i++) *mat_at(&X, i, 0) = rows[i][0], *mat_at(&X, i, 1) = rows[i][1];
    // the columns of X~ are orthogonal: X~^T X~ = diag(4 + 2 * 0.99^2, 4, 6) = diag(5.9602, 4, 6)
    size_t iter = 0;
    EXPECT_NEAR(stepsize_lam_max(&X, STEPSIZE_TOL, &iter) / 6.0, 1.0, TOL_REL, "lambda_max of diag(5.9602, 4, 6)",
                "the largest, 6, and the next, 5.9602, are close: the iteration must still tell them apart");
    EXPECT_TRUE(iter < STEPSIZE_MAX_ITER, harness_fmt("it converged (%zu steps)", iter));
    mat_free(&X);
}

/* Reads data/breast-cancer.csv and its reference, or fails the test. */
static int load_breast_cancer(Dataset *ds, Reference *ref) {
    char path[4096];
    LrError err = {""};
    if (dataset_read_csv(ds, lr_data_path("breast-cancer.csv", path, sizeof path), &err) != 0) {
        EXPECT_TRUE(0, harness_fmt("cannot read the data: %s", err.msg));
        return -1;
    }
    if (ref_load(ref, lr_data_path("reference/breast-cancer.txt", path, sizeof path), &err) != 0) {
        EXPECT_TRUE(0, harness_fmt("cannot read the reference: %s", err.msg));
        dataset_free(ds);
        return -1;
    }
    return 0;
}

static void test_breast_cancer(void) {
    Dataset ds;
    Reference ref;
    if (load_breast_cancer(&ds, &ref) != 0) return;
    size_t iter = 0;
    EXPECT_NEAR(stepsize_lam_max(&ds.X, STEPSIZE_TOL, &iter) / ref_value(&ref, "lam_max_raw", 0), 1.0, TOL_REL,
                "lambda_max of the raw breast cancer data / NumPy's", "eigvalsh of [X, 1]^T [X, 1]");
    double lr_max = stepsize_max_lr(&ds.X, 0.0, STEPSIZE_TOL);
    EXPECT_NEAR(lr_max / ref_value(&ref, "lr_max_raw", 0), 1.0, TOL_REL, "2 / L on the raw data / NumPy's",
                "L = lambda_max / (4n)");
    printf("        raw: the largest safe learning rate is %.4g (NumPy %.4g; %zu power iterations)\n", lr_max,
           ref_value(&ref, "lr_max_raw", 0), iter);
    Scaler sc;
    feature_scaler_fit(&sc, &ds.X);
    for (size_t j = 0; j < ds.d; j++) {
        EXPECT_NEAR(sc.mean[j] / ref_value(&ref, "mean", j), 1.0, 1e-14, harness_fmt("mean of column %zu", j + 1),
                    "StandardScaler's mean_");
        EXPECT_NEAR(sc.scale[j] / ref_value(&ref, "scale", j), 1.0, 1e-13, harness_fmt("scale of column %zu", j + 1),
                    "StandardScaler's scale_: the deviation dividing by n, not n - 1");
    }
    feature_scaler_apply(&sc, &ds.X);
    double lr_std = 8.0 * (double)ds.n / stepsize_lam_max(&ds.X, STEPSIZE_TOL, &iter);
    EXPECT_NEAR(lr_std / ref_value(&ref, "lr_max_std", 0), 1.0, TOL_REL, "2 / L on the standardised data / NumPy's",
                "standardising moves the bound from 4.8e-6 to 0.6");
    printf("        standardised: %.4g (NumPy %.4g; %zu power iterations)\n", lr_std, ref_value(&ref, "lr_max_std", 0),
           iter);
    feature_scaler_free(&sc);
    ref_free(&ref);
    dataset_free(&ds);
}

/* The bound's promise: just below 2 / L every epoch lowers the loss; and
 * the penalty adds lambda / n to L. */
static void test_bound_keeps_descent(void) {
    Dataset ds;
    Reference ref;
    if (load_breast_cancer(&ds, &ref) != 0) return;
    for (int with_l2 = 0; with_l2 <= 1; with_l2++) {
        double lambda = with_l2 ? 1e6 : 0.0;
        double L = stepsize_curvature(&ds.X, lambda, STEPSIZE_TOL);
        EXPECT_NEAR(L - stepsize_curvature(&ds.X, 0.0, STEPSIZE_TOL), lambda / (double)ds.n, 1e-9 * L,
                    "L with lambda minus L without", "the penalty's curvature is lambda / n");
        LogReg m;
        logreg_init(&m, ds.d);
        LogRegParams par = {.lr = 0.99 * 2.0 / L, .epochs = 300, .lambda = lambda};
        double losses[300];
        logreg_fit_gd(&m, &ds.X, ds.y, &par, losses);
        size_t rises = 0;
        for (size_t e = 1; e < par.epochs; e++) rises += losses[e] > losses[e - 1];
        EXPECT_TRUE(rises == 0 && losses[par.epochs - 1] < losses[0],
                    harness_fmt("at 0.99 * 2/L = %.3g (lambda %g) the loss never rises; it rose %zu times",
                                par.lr, lambda, rises));
        logreg_free(&m);
    }
    ref_free(&ref);
    dataset_free(&ds);
}

/* Each column's own bound is at least the whole data's, and for the raw
 * breast cancer data the area columns set it. */
static void test_column_bound(void) {
    Dataset ds;
    Reference ref;
    if (load_breast_cancer(&ds, &ref) != 0) return;
    double lr_max = stepsize_max_lr(&ds.X, 0.0, STEPSIZE_TOL), tightest = INFINITY;
    size_t tightest_j = 0;
    for (size_t j = 0; j < ds.d; j++) {
        double col = stepsize_column_max_lr(&ds.X, j);
        EXPECT_TRUE(col >= lr_max, harness_fmt("column %zu allows %.3g, not less than the data's %.3g", j + 1, col,
                                               lr_max));
        if (col < tightest) tightest = col, tightest_j = j;
    }
    EXPECT_TRUE(tightest_j == 23, harness_fmt("worst_area (column 24) sets the tightest column bound, got column %zu",
                                              tightest_j + 1));
    Matrix Z = mat_new(3, 1);
    EXPECT_TRUE(isinf(stepsize_column_max_lr(&Z, 0)), "a column of zeros allows any learning rate");
    mat_free(&Z);
    ref_free(&ref);
    dataset_free(&ds);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"stepsize_lam_max: eigenvalues known in advance", test_known_eigenvalues},
        {"stepsize_lam_max: two close eigenvalues", test_close_eigenvalues},
        {"breast cancer: lambda_max, 2/L and StandardScaler beside NumPy's", test_breast_cancer},
        {"below 2/L gradient descent never raises the loss", test_bound_keeps_descent},
        {"stepsize_column_max_lr: each column's own bound", test_column_bound},
    };
    return harness_run("lib: the largest safe learning rate", tests, sizeof tests / sizeof tests[0]);
}
