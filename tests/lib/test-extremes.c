/* Tests at the numeric extremes: the activations and losses at the edges of
 * double, and gradient descent with learning rates far too large, which must
 * be stopped and reported, never turned into a NaN result. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "activation.h"
#include "dataset.h"
#include "harness.h"
#include "logreg.h"
#include "loss.h"
#include "multiclass.h"
#include "reference.h"
#include "train.h"

/* ---- activations and losses ------------------------------------------------ */

static void test_sigmoid_edges(void) {
    const double zs[] = {-INFINITY, -DBL_MAX, -1e308, -745.2, -1e3, 1e3, 710, 1e308, DBL_MAX, INFINITY};
    for (size_t k = 0; k < sizeof zs / sizeof zs[0]; k++) {
        double want = zs[k] < 0 ? 0.0 : 1.0;
        EXPECT_NEAR(act_sigmoid(zs[k]), want, 0.0, harness_fmt("act_sigmoid(%g)", zs[k]),
                    "exactly 0 or 1 far out, never NaN: e^-z overflowed, use the symmetric form for z < 0");
        EXPECT_NEAR(act_sigmoid_derivative(zs[k]), 0.0, 1e-300, harness_fmt("act_sigmoid_derivative(%g)", zs[k]),
                    "the curve is flat far out: 0 or a tiny number, never NaN");
    }
    EXPECT_NEAR(act_sigmoid(DBL_TRUE_MIN), 0.5, 0.0, "act_sigmoid(smallest subnormal)", "1/2 at 0 and next to it");
    double z[3] = {-1e308, 0.0, 1e308}, p[3];
    act_sigmoid_vec(z, p, 3);
    EXPECT_TRUE(p[0] == 0.0 && p[1] == 0.5 && p[2] == 1.0, "the vector form agrees at -1e308, 0, 1e308");
}

static void test_bce_edges(void) {
    const double ps[] = {0.0, 1.0, DBL_TRUE_MIN, 1.0 - DBL_EPSILON / 2};
    for (size_t k = 0; k < sizeof ps / sizeof ps[0]; k++) {
        for (int y = 0; y <= 1; y++) {
            double l = loss_bce_one(y, ps[k]);
            EXPECT_TRUE(isfinite(l) && l >= 0, harness_fmt("loss_bce_one(%d, %g) = %g must be finite and >= 0: "
                                                           "clip p to [1e-15, 1 - 1e-15] before the log",
                                                           y, ps[k], l));
        }
    }
    EXPECT_NEAR(loss_bce_one(1, 0), -log(LOSS_EPS), 1e-12, "loss_bce_one(1, 0)", "the largest loss, -log(1e-15)");
    EXPECT_NEAR(loss_bce_one(0, 1), -log(LOSS_EPS), 1e-3, "loss_bce_one(0, 1)", "the mirror case, about 34.5");
    const double y[] = {1, 0}, p[] = {0, 1};
    EXPECT_TRUE(isfinite(loss_bce(y, p, 2)), "the mean over two worst-case samples is finite");
}

static void test_softmax_edges(void) {
    const double cases[][3] = {{1e4, -1e4, 0}, {-1e4, -1e4, -1e4}, {1e4, 1e4, -1e4}, {-DBL_MAX, DBL_MAX, 0}, {1e308, 1e308, 1e308}};
    const double want[][3] = {{1, 0, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0.5, 0.5, 0}, {0, 1, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        double p[3];
        act_softmax(cases[k], p, 3);
        double sum = p[0] + p[1] + p[2];
        for (int c = 0; c < 3; c++) {
            EXPECT_NEAR(p[c], want[k][c], 1e-15, harness_fmt("act_softmax({%g, %g, %g})[%d]", cases[k][0], cases[k][1], cases[k][2], c),
                        "finite and right: subtract the largest score before exp");
        }
        EXPECT_NEAR(sum, 1.0, 1e-15, harness_fmt("sum of act_softmax({%g, %g, %g})", cases[k][0], cases[k][1], cases[k][2]),
                    "probabilities sum to 1");
    }
    double one[1] = {-1e308}, p1[1];
    act_softmax(one, p1, 1);
    EXPECT_NEAR(p1[0], 1.0, 0.0, "act_softmax of one score", "a single class has probability 1");
    const double P[] = {0.0, 1.0};
    EXPECT_TRUE(isfinite(loss_cce_one(P, 0)), "loss_cce_one with p = 0 for the true class is finite (clipped)");
}

/* ---- gradient descent that blows up ------------------------------------------------------ */

/* A small two-class data set, optionally scaled: 8 samples of 2 features.
 * The classes overlap (no line separates them), so the loss has a finite
 * minimum and a step that is too large overshoots it. */
static Matrix toy_X(double scale) {
    static const double x[8][2] = {{-2, -1}, {-1.5, 0.5}, {-1, -2}, {0.5, -1}, {1, 1.5}, {2, 0.5}, {-0.5, 1}, {1.5, 2}};
    Matrix X = mat_new(8, 2);
    for (size_t i = 0; i < 8; i++) {
        for (size_t j = 0; j < 2; j++) *mat_at(&X, i, j) = scale * x[i][j];
    }
    return X;
}
static const double TOY_Y[8] = {0, 0, 0, 1, 1, 1, 1, 0};

static void test_gd_good_rate(void) {
    Matrix X = toy_X(1.0);
    LogReg m;
    logreg_init(&m, 2);
    double losses[300];
    TrainResult fit = logreg_fit_gd(&m, &X, TOY_Y, &(LogRegParams){.lr = 0.5, .epochs = 300}, losses);
    EXPECT_TRUE(fit.status == TRAIN_OK, harness_fmt("lr 0.5 trains normally, got status %d", fit.status));
    EXPECT_NEAR((double)fit.epochs, 300, 0, "epochs run", "every epoch runs when nothing goes wrong");
    EXPECT_NEAR(fit.start_loss, log(2.0), 1e-15, "start_loss", "from w = 0, b = 0 the loss is log 2");
    EXPECT_NEAR(fit.last_loss, losses[299], 0, "last_loss", "the loss before the last update");
    logreg_free(&m);
    mat_free(&X);
}

static void test_gd_diverges(void) {
    Matrix X = toy_X(1.0);
    LogReg m;
    logreg_init(&m, 2);
    double losses[500];
    TrainResult fit = logreg_fit_gd(&m, &X, TOY_Y, &(LogRegParams){.lr = 1e6, .epochs = 500}, losses);
    EXPECT_TRUE(fit.status == TRAIN_DIVERGED, harness_fmt("lr 1e6 is detected as diverging, got status %d", fit.status));
    EXPECT_TRUE(fit.epochs == 500, harness_fmt("every epoch runs: a loss above its start may still come down "
                                               "(it ran %zu)",
                                               fit.epochs));
    EXPECT_TRUE(fit.last_loss > fit.start_loss && fit.last_loss == losses[499],
                "the last loss is above the start: that is what diverging means");
    EXPECT_TRUE(fit.peak_loss >= fit.last_loss, "the peak is the largest loss of the run");
    EXPECT_TRUE(isfinite(m.w[0]) && isfinite(m.w[1]) && isfinite(m.b), "the weights are still numbers");
    logreg_free(&m);
    mat_free(&X);
}

static void test_gd_overflows(void) {
    Matrix X = toy_X(1e300);   // finite features, but w . x overflows after one step
    LogReg m;
    logreg_init(&m, 2);
    TrainResult fit = logreg_fit_gd(&m, &X, TOY_Y, &(LogRegParams){.lr = 1e6, .epochs = 100}, NULL);
    EXPECT_TRUE(fit.status == TRAIN_NOT_FINITE || fit.status == TRAIN_DIVERGED,
                harness_fmt("features of 1e300 with lr 1e6 stop training, got status %d", fit.status));
    EXPECT_TRUE(fit.epochs < 100, harness_fmt("it stops early (ran %zu epochs)", fit.epochs));
    logreg_free(&m);
    mat_free(&X);
}

static void test_watch(void) {
    EXPECT_TRUE(train_watch(2.0, 1) == TRAIN_OK, "a finite loss, however high, does not stop the run");
    EXPECT_TRUE(train_watch(NAN, 1) == TRAIN_NOT_FINITE, "a NaN loss stops at once");
    EXPECT_TRUE(train_watch(INFINITY, 1) == TRAIN_NOT_FINITE, "an infinite loss stops at once");
    EXPECT_TRUE(train_watch(1.0, 0) == TRAIN_NOT_FINITE, "an infinite weight stops at once");
    EXPECT_TRUE(train_verdict(1.0, 2.0) == TRAIN_DIVERGED, "a run that ends above its start diverged");
    EXPECT_TRUE(train_verdict(1.0, 0.5) == TRAIN_OK, "a run that ends below its start did not");
    EXPECT_TRUE(train_verdict(log(2.0), log(2.0)) == TRAIN_OK, "nor one that ends where it started");
}

/* The bookkeeping: losses recorded in order, a loss that rises and falls
 * again run to the end, the epochs after a stop filled with NAN, and a loss
 * that stays at its start (a constant feature) never taken for divergence. */
static void test_train_log(void) {
    double losses[30];
    TrainLog run = train_begin(losses, 30);
    size_t steps = 0;
    for (size_t e = 0; e < 30; e++) {   // up from 1 to 20 for 25 epochs, then down to 0.5
        if (!train_record(&run, e == 0 ? 1.0 : e < 25 ? 20.0
                                                      : 0.5,
                          1)) break;
        steps++;
    }
    TrainResult fit = train_end(&run, 1);
    EXPECT_TRUE(fit.status == TRAIN_OK && fit.epochs == 30 && steps == 30,
                harness_fmt("a loss above its start for 24 epochs that then falls below it runs all 30 "
                            "(status %d after %zu epochs)",
                            fit.status, fit.epochs));
    EXPECT_TRUE(losses[0] == 1.0 && losses[24] == 20.0 && losses[29] == 0.5, "losses[e] holds the loss before update e");
    EXPECT_TRUE(fit.start_loss == 1.0 && fit.last_loss == 0.5 && fit.peak_loss == 20.0,
                "the result keeps the first, the last and the largest loss");
    run = train_begin(losses, 30);
    for (size_t e = 0; e < 30 && train_record(&run, e == 0 ? 1.0 : 2.0, 1); e++) continue;
    fit = train_end(&run, 1);
    EXPECT_TRUE(fit.status == TRAIN_DIVERGED && fit.epochs == 30, "a loss that ends above its start diverged, "
                                                                  "after every epoch");
    run = train_begin(losses, 30);
    for (size_t e = 0; e < 30 && train_record(&run, e < 7 ? 1.0 : NAN, 1); e++) continue;
    fit = train_end(&run, 1);
    EXPECT_TRUE(fit.status == TRAIN_NOT_FINITE && fit.epochs == 7 && isnan(losses[29]),
                harness_fmt("a NaN loss stops the run at once, NAN after it (status %d after %zu)", fit.status,
                            fit.epochs));
    run = train_begin(NULL, 100);
    for (size_t e = 0; e < 100 && train_record(&run, log(2.0), 1); e++) continue;
    fit = train_end(&run, 1);
    EXPECT_TRUE(fit.status == TRAIN_OK && fit.epochs == 100, "a loss that stays at log 2 runs every epoch");
    run = train_begin(NULL, 5);
    for (size_t e = 0; e < 5 && train_record(&run, 0.5, 1); e++) continue;
    EXPECT_TRUE(train_end(&run, 0).status == TRAIN_NOT_FINITE, "weights that overflow in the last update are caught");
}

/* The run the old rule stopped (20 epochs above the start): raw breast
 * cancer at lr 3e-5, above the safe 4.8e-6. The loss climbs to 6.7 and
 * stays above its start for 163 epochs, then falls to 0.20, as in the
 * lesson's NumPy loop (data/reference/breast-cancer.txt, raw_*). */
static void test_rise_then_fall(void) {
    char path[4096];
    LrError err = {""};
    Dataset ds;
    Reference ref;
    if (dataset_read_csv(&ds, lr_data_path("breast-cancer.csv", path, sizeof path), &err) != 0 || ref_load(&ref, lr_data_path("reference/breast-cancer.txt", path, sizeof path), &err) != 0) {
        EXPECT_TRUE(0, harness_fmt("cannot read the breast cancer data or reference: %s", err.msg));
        return;
    }
    LogReg m;
    logreg_init(&m, ds.d);
    size_t epochs = (size_t)ref_value(&ref, "raw_epochs", 0);
    double *losses = vec_new(epochs);
    TrainResult fit = logreg_fit_gd(&m, &ds.X, ds.y, &(LogRegParams){.lr = ref_value(&ref, "raw_lr", 0), .epochs = epochs}, losses);
    EXPECT_TRUE(fit.status == TRAIN_OK && fit.epochs == epochs,
                harness_fmt("lr 3e-5 runs all %zu epochs (status %d after %zu)", epochs, fit.status, fit.epochs));
    EXPECT_NEAR(fit.peak_loss, ref_value(&ref, "raw_max_loss", 0), 1e-9, "the highest loss", "NumPy's max(losses)");
    EXPECT_NEAR(losses[epochs - 1], ref_value(&ref, "raw_loss_2999", 0), 1e-9, "the last loss", "NumPy's losses[-1]");
    double worst = fabs(m.b - ref_value(&ref, "raw_b", 0));
    for (size_t j = 0; j < ds.d; j++) worst = fmax(worst, fabs(m.w[j] - ref_value(&ref, "raw_w", j)));
    EXPECT_TRUE(worst < 1e-9, harness_fmt("w and b equal NumPy's to 1e-9 (largest difference %.3g)", worst));
    free(losses);
    logreg_free(&m);
    ref_free(&ref);
    dataset_free(&ds);
}

static void test_softmax_diverges(void) {
    Matrix X = toy_X(1.0);
    const double y[8] = {0, 0, 1, 1, 2, 2, 1, 0};
    Softmax m;
    softmax_init(&m, 3, 2);
    TrainResult fit = softmax_fit_gd(&m, &X, y, &(SoftmaxParams){.lr = 1e6, .epochs = 400}, NULL);
    EXPECT_TRUE(fit.status == TRAIN_DIVERGED && fit.last_loss > fit.start_loss,
                harness_fmt("softmax regression with lr 1e6 ends above its start: diverged (status %d after %zu "
                            "epochs)",
                            fit.status, fit.epochs));
    softmax_free(&m);
    softmax_init(&m, 3, 2);
    fit = softmax_fit_gd(&m, &X, y, &(SoftmaxParams){.lr = 0.1, .epochs = 400}, NULL);
    EXPECT_TRUE(fit.status == TRAIN_OK && fit.epochs == 400, "and with lr 0.1 it runs every epoch");
    softmax_free(&m);
    mat_free(&X);
}

/* ---- progress of a long run ------------------------------------------------------------------ */

static size_t progress_calls, progress_done[8], progress_total;

static void count_progress(size_t done, size_t total) {
    if (progress_calls < 8) progress_done[progress_calls] = done;
    progress_calls++;
    progress_total = total;
}

/* The progress function (a chapter's, on a terminal) hears of every run:
 * at epoch 0, every TRAIN_PROGRESS_EVERY epochs, and at the end. */
static void test_progress(void) {
    Matrix X = toy_X(1.0);
    LogReg m;
    logreg_init(&m, 2);
    train_set_progress(count_progress);
    logreg_fit_gd(&m, &X, TOY_Y, &(LogRegParams){.lr = 0.5, .epochs = 200}, NULL);
    train_set_progress(NULL);
    EXPECT_TRUE(progress_calls == 5 && progress_done[0] == 0 && progress_done[1] == 64 && progress_done[2] == 128 &&
                    progress_done[3] == 192 && progress_done[4] == 200 && progress_total == 200,
                harness_fmt("200 epochs report 0, 64, 128, 192 and 200 of 200; got %zu calls, the last %zu of %zu",
                            progress_calls, progress_calls == 0 ? 0 : progress_done[progress_calls < 8 ? progress_calls - 1 : 7],
                            progress_total));
    progress_calls = 0;
    logreg_fit_gd(&m, &X, TOY_Y, &(LogRegParams){.lr = 0.5, .epochs = 200}, NULL);
    EXPECT_TRUE(progress_calls == 0, "with no progress function set, nothing is called");
    logreg_free(&m);
    mat_free(&X);
}

/* ---- the feature-scale warning ------------------------------------------------------------- */

/* Column j alone makes any lr above 8 / mean(x_j^2) unsafe: the toy's
 * columns times 50 have mean(x^2) = 1.875 * 2500 and 1.71875 * 2500, so
 * they allow up to 8 / 4687.5 = 0.0017067 and 8 / 4296.875 = 0.0018618. */
static void test_scale_warning(void) {
    Dataset ds = {.X = toy_X(50.0), .n = 8, .d = 2};
    LrError err = {""};
    EXPECT_TRUE(dataset_check_scale(&ds, "toy.csv", 0.0017, &err) == 0,
                harness_fmt("lr 0.0017 is safe on both columns, got the warning '%s'", err.msg));
    int rc = dataset_check_scale(&ds, "toy.csv", 0.1, &err);
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, "toy.csv: at --lr 0.1, 2 of 2 columns are too large for gradient descent: "
                                           "1, 2 (the largest alone allows --lr up to 0.0017); standardise the "
                                           "features: (x - mean) / standard deviation") == 0,
                harness_fmt("lr 0.1 on columns of +-100 names both, got '%s'", rc != 0 ? err.msg : ""));
    rc = dataset_check_scale(&ds, "toy.csv", 0.0018, &err);
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, "toy.csv: at --lr 0.0018, column 1 is too large for gradient descent "
                                           "(it allows --lr up to 0.0017); standardise the features: "
                                           "(x - mean) / standard deviation") == 0,
                harness_fmt("lr 0.0018 is unsafe on column 1 only (not a fixed size threshold), got '%s'",
                            rc != 0 ? err.msg : ""));
    for (size_t i = 0; i < 8; i++) *mat_at(&ds.X, i, 0) /= 50.0;   // column 1 now about 1
    rc = dataset_check_scale(&ds, "toy.csv", 0.1, &err);
    EXPECT_TRUE(rc != 0 && strstr(err.msg, "at --lr 0.1, column 2 is too large") != NULL,
                harness_fmt("only the large column is named, got '%s'", rc != 0 ? err.msg : ""));
    mat_free(&ds.X);
}

/* Every unsafe column is named, up to DATASET_SCALE_NAMES bytes of names,
 * then how many more there are. */
static void test_scale_warning_many(void) {
    enum { D = 60 };
    Dataset ds = {.X = mat_new(4, D), .n = 4, .d = D, .names = lr_calloc(D + 1, sizeof(char *))};
    for (size_t j = 0; j <= D; j++) {
        char name[32];
        snprintf(name, sizeof name, "a_long_column_name_%02zu", j);
        ds.names[j] = lr_strdup(name);
        for (size_t i = 0; i < 4 && j < D; i++) *mat_at(&ds.X, i, j) = j % 2 == 0 ? 10.0 * (double)(i + 1) : 0.5;
    }
    LrError err = {""};
    int rc = dataset_check_scale(&ds, "wide.csv", 0.1, &err);
    EXPECT_TRUE(rc != 0 && strstr(err.msg, "30 of 60 columns are too large") != NULL &&
                    strstr(err.msg, "'a_long_column_name_00', 'a_long_column_name_02', ") != NULL &&
                    strstr(err.msg, "'a_long_column_name_01'") == NULL && strstr(err.msg, " more (the largest") != NULL,
                harness_fmt("the 30 even columns of 10..40 are named, the odd ones of 0.5 not, and the list is cut "
                            "with how many more; got '%s'",
                            rc != 0 ? err.msg : ""));
    dataset_free(&ds);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"train_record and train_end keep the losses and stop a diverging run", test_train_log},
        {"a loss that rises for 163 epochs, then falls, is not stopped (raw breast cancer, lr 3e-5)",
         test_rise_then_fall},
        {"sigmoid is exactly 0 or 1, never NaN, out to +-1e308 and infinity", test_sigmoid_edges},
        {"BCE is finite at p = 0 and p = 1", test_bce_edges},
        {"softmax of scores +-1e4 (and +-DBL_MAX) is finite and sums to 1", test_softmax_edges},
        {"gradient descent with a good rate runs every epoch", test_gd_good_rate},
        {"gradient descent with lr 1e6 is stopped as diverging", test_gd_diverges},
        {"gradient descent that overflows is stopped", test_gd_overflows},
        {"train_watch stops on inf and NaN; train_verdict judges the end of a run", test_watch},
        {"softmax gradient descent is stopped as diverging", test_softmax_diverges},
        {"a long run reports its progress to the function a chapter sets", test_progress},
        {"a column that makes the learning rate unsafe draws a warning naming it", test_scale_warning},
        {"the warning names every unsafe column, then how many more", test_scale_warning_many},
    };
    return harness_run("lib: numbers at the extremes", tests, sizeof tests / sizeof tests[0]);
}
