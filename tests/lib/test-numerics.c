/* Tests for lib/activation, lib/loss, lib/matrix and lib/logreg. */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "activation.h"
#include "harness.h"
#include "logreg.h"
#include "loss.h"
#include "matrix.h"

#define TOL 1e-12

static void test_sigmoid(void) {
    for (double z = -35; z <= 35; z += 0.5) {
        double want = (double)(1.0L / (1.0L + expl(-(long double)z)));
        EXPECT_NEAR(act_sigmoid(z), want, 1e-16 + 1e-15 * want, harness_fmt("act_sigmoid(%g)", z),
                    "both branches must equal 1 / (1 + e^-z)");
    }
    int same = 1;
    for (double z = -750; z <= 750; z += 0.37) same &= act_sigmoid_select(z) == act_sigmoid(z);
    EXPECT_TRUE(same && act_sigmoid_select(-0.0) == act_sigmoid(-0.0) && act_sigmoid_select(1e308) == 1.0,
                "act_sigmoid_select gives act_sigmoid's bits from -750 to 750 (the library's epoch relies on it)");
    EXPECT_NEAR(act_sigmoid(-1e308), 0.0, 0.0, "act_sigmoid(-1e308)", "exactly 0, never NaN");
    EXPECT_NEAR(act_sigmoid(1e308), 1.0, 0.0, "act_sigmoid(1e308)", "exactly 1, never NaN");
    EXPECT_NEAR(act_sigmoid_derivative(0), 0.25, 0.0, "act_sigmoid_derivative(0)", "sigma(1 - sigma) at 0");
    EXPECT_NEAR(act_sigmoid_derivative(-1e308), 0.0, 0.0, "act_sigmoid_derivative(-1e308)", "flat far out");
}

static void test_bce(void) {
    EXPECT_NEAR(loss_bce_one(1, 0), -log(LOSS_EPS), 1e-12, "loss_bce_one(1, 0)", "clipped to -log(1e-15)");
    EXPECT_TRUE(isfinite(loss_bce_one(0, 1)), "loss_bce_one(0, 1) must be finite");
    EXPECT_NEAR(loss_bce_one(0, 0), -log1p(-LOSS_EPS), 1e-15, "loss_bce_one(0, 0)", "no 0 * log 0 = NaN");
    const double y[] = {1, 0, 1}, p[] = {0.9, 0.2, 0.5};
    double want = (-log(0.9) - log(0.8) - log(0.5)) / 3;
    EXPECT_NEAR(loss_bce(y, p, 3), want, TOL, "loss_bce of 3", "the mean of the three losses");
}

static void test_matrix(void) {
    Matrix X = mat_new(3, 2);
    for (size_t k = 0; k < 6; k++) X.data[k] = (double)(k + 1);   // [[1,2],[3,4],[5,6]]
    double w[2] = {1, -1}, out[3], v[3] = {1, 0, 2}, t[2];
    mat_vec_bias(&X, w, 0.5, out);
    EXPECT_NEAR(out[2], 5 - 6 + 0.5, 0.0, "(X w + b)[2]", "row 2 is (5, 6)");
    mat_t_vec(&X, v, t);
    EXPECT_NEAR(t[0], 1 + 10, 0.0, "(X^T v)[0]", "column 0 is (1, 3, 5)");
    EXPECT_NEAR(t[1], 2 + 12, 0.0, "(X^T v)[1]", "column 1 is (2, 4, 6)");
    EXPECT_NEAR(vec_norm(w, 2), sqrt(2.0), 0.0, "||(1, -1)||", "sqrt 2");
    double tiny[2] = {3e-200, -4e-200}, huge[2] = {3e200, 4e200}, odd[3] = {0.1, 0.7, 1e-3};
    EXPECT_NEAR(vec_norm(tiny, 2), 5e-200, 1e-215, "||(3e-200, -4e-200)||", "its squares underflow; it is still 5e-200");
    EXPECT_NEAR(vec_norm(huge, 2), 5e200, 1e185, "||(3e200, 4e200)||", "its squares overflow; it is still 5e200");
    EXPECT_NEAR(vec_norm(odd, 3), sqrt(0.1 * 0.1 + 0.7 * 0.7 + 1e-3 * 1e-3), 0.0, "||(0.1, 0.7, 1e-3)||",
                "in the usual range, sqrt of the sum of squares to the bit (as NumPy)");
    mat_free(&X);
    EXPECT_TRUE(X.data == NULL && X.rows == 0, "mat_free leaves the matrix empty");
}

/* The gradient (with L2) matches central differences of logreg_loss. */
static void test_gradient(void) {
    Matrix X = mat_new(9, 3);
    double y[9];
    for (size_t i = 0; i < 9; i++) {
        for (size_t j = 0; j < 3; j++) *mat_at(&X, i, j) = cos(1.3 * (double)i + (double)j);
        y[i] = i % 3 == 0;
    }
    LogReg m;
    logreg_init(&m, 3);
    m.w[0] = 0.2;
    m.w[1] = -0.7;
    m.w[2] = 1.1;
    m.b = -0.3;
    const double lambda = 0.8, h = 1e-6;
    double dw[3];
    double db = logreg_gradient(&m, &X, y, lambda, dw);
    for (size_t j = 0; j < 3; j++) {
        double saved = m.w[j];
        m.w[j] = saved + h;
        double up = logreg_loss(&m, &X, y, lambda);
        m.w[j] = saved - h;
        double down = logreg_loss(&m, &X, y, lambda);
        m.w[j] = saved;
        EXPECT_NEAR(dw[j], (up - down) / (2 * h), 1e-8, harness_fmt("dw[%zu]", j), "X^T(p-y)/n + lambda w/n");
    }
    m.b += h;
    double up = logreg_loss(&m, &X, y, lambda);
    m.b -= 2 * h;
    double down = logreg_loss(&m, &X, y, lambda);
    EXPECT_NEAR(db, (up - down) / (2 * h), 1e-8, "db", "mean(p - y); the bias is not penalised");
    logreg_free(&m);
    mat_free(&X);
}

/* The epoch as chapter 3 first writes it, in passes over X: z = X w + b,
 * p = sigma(z), the mean BCE; then p again, X^T (p - y) / n and mean(p - y). */
static double two_pass_epoch(const LogReg *m, const Matrix *X, const double *y, double lambda,
                             double *dw, double *db) {
    size_t n = X->rows;
    double *p = vec_new(n);
    logreg_predict_proba(m, X, p);
    double loss = loss_bce(y, p, n);
    if (lambda != 0.0) loss += lambda / (2.0 * (double)n) * vec_dot(m->w, m->w, m->d);
    *db = 0.0;
    for (size_t i = 0; i < n; i++) {
        p[i] -= y[i];
        *db += p[i];
    }
    *db /= (double)n;
    mat_t_vec(X, p, dw);
    for (size_t j = 0; j < m->d; j++) dw[j] = dw[j] / (double)n + lambda / (double)n * m->w[j];
    free(p);
    return loss;
}

/* The fused one-pass epoch gives the two-pass epoch's numbers to the last
 * bit (so every stored reference still holds), and summing rows 0..k and
 * then k..n gives the same bits as 0..n (what a shard of the data does). */
static void test_fused_epoch(void) {
    enum { N = 101,
           D = 5 };
    Matrix X = mat_new(N, D);
    double y[N];
    for (size_t i = 0; i < N; i++) {
        for (size_t j = 0; j < D; j++) *mat_at(&X, i, j) = 3.0 * sin(0.37 * (double)(i * D + j) + 0.1);
        y[i] = (i * 7) % 3 == 0;
    }
    LogReg m;
    logreg_init(&m, D);
    for (size_t j = 0; j < D; j++) m.w[j] = 0.9 * cos((double)j) - 0.2;
    m.b = 0.31;
    for (int with_l2 = 0; with_l2 < 2; with_l2++) {
        double lambda = with_l2 ? 2.5 : 0.0, dw[D], want_dw[D], db, want_db;
        double loss = logreg_loss_grad(&m, &X, y, lambda, dw, &db);
        double want = two_pass_epoch(&m, &X, y, lambda, want_dw, &want_db);
        const char *l2 = with_l2 ? " (lambda 2.5)" : "";
        EXPECT_NEAR(loss, want, 0.0, harness_fmt("fused loss%s", l2), "the same terms in the same order");
        EXPECT_NEAR(logreg_loss(&m, &X, y, lambda), want, 0.0, harness_fmt("logreg_loss%s", l2), "as the fused pass");
        EXPECT_NEAR(db, want_db, 0.0, harness_fmt("fused db%s", l2), "sum of p_i - y_i, in row order");
        for (size_t j = 0; j < D; j++) {
            EXPECT_NEAR(dw[j], want_dw[j], 0.0, harness_fmt("fused dw[%zu]%s", j, l2),
                        "each gw_j sums e_i x_ij in row order, as X^T (p - y) does");
        }
    }
    double gw[D] = {0}, whole_gw[D] = {0};
    LogRegSums split = {0.0, 0.0, gw}, whole = {0.0, 0.0, whole_gw};
    logreg_sums(&m, &X, y, 0, 40, &split);
    logreg_sums(&m, &X, y, 40, N, &split);
    logreg_sums(&m, &X, y, 0, N, &whole);
    EXPECT_NEAR(split.loss, whole.loss, 0.0, "loss sum of rows 0..40 then 40..101", "as one call over 0..101");
    EXPECT_NEAR(split.gb, whole.gb, 0.0, "bias sum of rows 0..40 then 40..101", "as one call over 0..101");
    EXPECT_NEAR(gw[D - 1], whole_gw[D - 1], 0.0, "gw[4] of rows 0..40 then 40..101", "as one call over 0..101");
    logreg_free(&m);
    mat_free(&X);
}

/* Gradient descent on separable-ish data lowers the loss every epoch. */
static void test_fit(void) {
    Matrix X = mat_new(20, 1);
    double y[20], losses[50];
    for (size_t i = 0; i < 20; i++) {
        X.data[i] = (double)i - 9.5 + (i % 4 == 0 ? 3 : 0);
        y[i] = i >= 10;
    }
    LogReg m;
    logreg_init(&m, 1);
    LogRegParams par = {.lr = 0.1, .epochs = 50};
    logreg_fit_gd(&m, &X, y, &par, losses);
    EXPECT_NEAR(losses[0], log(2.0), 1e-15, "loss before any step", "w = 0, b = 0 gives p = 1/2: log 2");
    int falling = 1;
    for (int e = 1; e < 50; e++) falling &= losses[e] < losses[e - 1];
    EXPECT_TRUE(falling, "the loss falls at every epoch for a small learning rate");
    EXPECT_TRUE(m.w[0] > 0, "the weight is positive: larger x means class 1");
    // The verdict: a loss that ends in its last bits above the start is
    // rounding, not divergence; one that ends 1% above it is.
    EXPECT_TRUE(train_verdict(0.5, 0.5 * (1 + 4e-16)) == TRAIN_OK,
                "a loss 4e-16 above its start (rounding) is not taken for divergence");
    EXPECT_TRUE(train_verdict(0.5, 0.505) == TRAIN_DIVERGED, "a loss that ends 1% above its start diverged");
    logreg_free(&m);
    mat_free(&X);
}

/* A run that stands still stops early with the bits of running every epoch:
 * the weights, the loss of each epoch and the result, beside the same loop
 * written out in full here. On these data (two labels flipped, so there is a
 * minimum) the weights stop moving after some 600 of the 2000 epochs. */
static void test_fit_stands_still(void) {
    enum { N = 20,
           EPOCHS = 2000 };
    Matrix X = mat_new(N, 1);
    double y[N], losses[EPOCHS], by_hand[EPOCHS], dw[1], db = 0.0, lr = 0.4;
    for (size_t i = 0; i < N; i++) {
        X.data[i] = (double)i - 9.5 + (i % 4 == 0 ? 3 : 0);
        y[i] = i >= 10;
    }
    y[3] = 1;
    y[14] = 0;
    LogReg m, full;
    logreg_init(&m, 1);
    logreg_init(&full, 1);
    size_t still = 0;   // the first epoch whose step moved nothing (0: none)
    // every epoch: the loss before the step, then w <- w - lr dw, b <- b - lr db
    for (size_t e = 0; e < EPOCHS; e++) {
        by_hand[e] = logreg_loss_grad(&full, &X, y, 0.0, dw, &db);
        double w = full.w[0] - lr * dw[0], b = full.b - lr * db;
        if (still == 0 && w == full.w[0] && b == full.b) still = e + 1;
        full.w[0] = w;
        full.b = b;
    }
    TrainResult fit = logreg_fit_gd(&m, &X, y, &(LogRegParams){.lr = lr, .epochs = EPOCHS}, losses);
    EXPECT_TRUE(still > 0 && still < EPOCHS, "the weights stand still before the last epoch (this test's premise)");
    EXPECT_TRUE(m.w[0] == full.w[0] && m.b == full.b, "w and b: the bits of every epoch run");
    EXPECT_TRUE(memcmp(losses, by_hand, sizeof losses) == 0, "the loss of every epoch, those not run too");
    EXPECT_TRUE(fit.epochs == EPOCHS && fit.status == TRAIN_OK, "the result counts every epoch asked for");
    EXPECT_TRUE(fit.last_loss == by_hand[EPOCHS - 1] && fit.start_loss == by_hand[0], "first and last losses");
    logreg_free(&full);
    logreg_free(&m);
    mat_free(&X);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"act_sigmoid is exact and finite everywhere", test_sigmoid},
        {"loss_bce clips and averages", test_bce},
        {"matrix products and norms", test_matrix},
        {"logreg_gradient matches finite differences, with L2", test_gradient},
        {"the fused epoch gives the two-pass epoch's bits", test_fused_epoch},
        {"logreg_fit_gd lowers the loss", test_fit},
        {"logreg_fit_gd stops where it stands still, with the bits of every epoch", test_fit_stands_still},
    };
    return harness_run("lib: numerics", tests, sizeof tests / sizeof tests[0]);
}
