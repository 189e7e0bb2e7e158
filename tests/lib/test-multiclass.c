/* Tests for lib/multiclass, act_softmax (lib/activation) and the categorical
 * cross-entropy (lib/loss).
 *
 * Independent checks only: the softmax against a long-double formula, the
 * gradient against central differences of the loss, K = 2 softmax against
 * binary logistic regression from lib/logreg, the converged fit against its
 * own optimality condition and against a start from elsewhere. */
#include <math.h>
#include <stdlib.h>

#include "activation.h"
#include "harness.h"
#include "logreg.h"
#include "loss.h"
#include "metrics.h"
#include "multiclass.h"

#define TOL 1e-12

/* ---- act_softmax --------------------------------------------------------- */

static void test_softmax_values(void) {
    const double z[4] = {0.5, -1.25, 3.0, 2.0};
    double p[4];
    act_softmax(z, p, 4);
    long double sum = 0;
    for (int c = 0; c < 4; c++) sum += expl((long double)z[c]);
    for (int c = 0; c < 4; c++) {
        double want = (double)(expl((long double)z[c]) / sum);
        EXPECT_NEAR(p[c], want, 4 * 1.1e-16 * want, harness_fmt("act_softmax(z)[%d]", c),
                    "e^z_c / sum_j e^z_j, to a few units in the last place");
    }
    double in_place[3] = {1.0, 2.0, 3.0}, apart[3];
    act_softmax(in_place, apart, 3);
    act_softmax(in_place, in_place, 3);
    for (int c = 0; c < 3; c++) {
        EXPECT_NEAR(in_place[c], apart[c], 0.0, harness_fmt("in place, p[%d]", c), "z and p may be the same array");
    }
    double one = 7.0;
    act_softmax(&one, &one, 1);
    EXPECT_NEAR(one, 1.0, 0.0, "softmax of one score", "a single class gets probability 1");
}

static void test_softmax_extremes(void) {
    double z[2] = {1e4, -1e4}, p[2];
    act_softmax(z, p, 2);
    EXPECT_NEAR(p[0], 1.0, 0.0, "softmax(1e4, -1e4)[0]", "e^1e4 overflows: subtract the max first");
    EXPECT_NEAR(p[1], 0.0, 0.0, "softmax(1e4, -1e4)[1]", "e^-2e4 underflows harmlessly to 0");
    double same[3] = {-1e4, -1e4, -1e4};
    act_softmax(same, p, 2);
    EXPECT_NEAR(p[0], 0.5, 0.0, "softmax(-1e4, -1e4)[0]", "all e^z underflow to 0 without the shift: 0/0");
    double big[3] = {1e4, 1e4, 1e4}, q[3];
    act_softmax(big, q, 3);
    EXPECT_NEAR(q[2], 1.0 / 3.0, 1e-16, "softmax(1e4, 1e4, 1e4)[2]", "inf/inf without the shift");
    // The max must start from the first score: all scores below any sentinel.
    double low[2] = {-1e300, -1e300 + 1e285};
    act_softmax(low, p, 2);
    EXPECT_TRUE(isfinite(p[0]) && isfinite(p[1]) && fabs(p[0] + p[1] - 1.0) < 1e-15,
                "softmax of scores near -1e300 must be finite and sum to 1");
}

static void test_softmax_shift_and_sigmoid(void) {
    // Eighths plus 512 are exact in binary, so z - max(z) is the same bits
    // for z and z + 512, and so must be the probabilities.
    const double z[3] = {0.375, -2.0, 1.125};
    double shifted[3], p[3], q[3];
    for (int c = 0; c < 3; c++) shifted[c] = z[c] + 512.0;
    act_softmax(z, p, 3);
    act_softmax(shifted, q, 3);
    for (int c = 0; c < 3; c++) {
        EXPECT_NEAR(q[c], p[c], 0.0, harness_fmt("softmax(z + 512)[%d]", c), "a shared shift changes nothing");
    }
    for (double d = -30; d <= 30; d += 2.5) {
        double two[2] = {0.7, 0.7 + d}, r[2];
        act_softmax(two, r, 2);
        EXPECT_NEAR(r[1], act_sigmoid(d), 1e-15 * fmax(1.0, act_sigmoid(d)) + 1e-300,
                    harness_fmt("softmax(a, a + %g)[1]", d), "with K = 2, p_1 = sigma(z_1 - z_0)");
    }
}

/* ---- categorical cross-entropy ------------------------------------------- */

static void test_cce(void) {
    const double P[6] = {0.7, 0.2, 0.1,
                         0.25, 0.25, 0.5};
    const double y[2] = {0, 2};
    EXPECT_NEAR(loss_cce_one(P, 0), -log(0.7), TOL, "loss_cce_one(row 0, class 0)", "-log p of the true class");
    EXPECT_NEAR(loss_cce(P, y, 2, 3), (-log(0.7) - log(0.5)) / 2, TOL, "loss_cce of 2 rows", "the mean over rows");
    const double certain[2] = {0.0, 1.0};
    EXPECT_NEAR(loss_cce_one(certain, 0), -log(LOSS_EPS), TOL, "loss_cce_one with p = 0", "clipped to -log(1e-15)");
    EXPECT_NEAR(loss_cce_one(certain, 1), 0.0, 0.0, "loss_cce_one with p = 1", "log 1 = 0: no upper clip needed");
}

/* ---- a small K-class problem --------------------------------------------- */

/* n samples of d features, labels 0..k-1: a class-dependent offset plus a
 * larger wobble, so the classes overlap (no line separates them) for the
 * shapes used here (checked with scikit-learn: accuracy 0.54 to 0.76). */
static void make_problem(size_t n, size_t d, size_t k, Matrix *X, double *y) {
    *X = mat_new(n, d);
    for (size_t i = 0; i < n; i++) {
        y[i] = (double)((i * 5 + i / 3) % k);
        for (size_t j = 0; j < d; j++) {
            *mat_at(X, i, j) = 1.5 * sin(1.7 * (double)(i * (j + 1)) + 0.4) + cos((double)(j + 1) * y[i]);
        }
    }
}

static void set_weights(Softmax *m) {
    for (size_t c = 0; c < m->k; c++) {
        for (size_t j = 0; j < m->d; j++) *mat_at(&m->W, c, j) = 0.3 * sin((double)(3 * c + j));
        m->b[c] = 0.2 * cos((double)c);
    }
}

static void test_gradient(void) {
    Matrix X;
    double y[13];
    make_problem(13, 3, 4, &X, y);
    Softmax m;
    softmax_init(&m, 4, 3);
    set_weights(&m);
    Matrix dW = mat_new(4, 3);
    double db[4];
    softmax_gradient(&m, &X, y, &dW, db);
    const double h = 1e-6;
    for (size_t t = 0; t < 12; t++) {
        double saved = m.W.data[t];
        m.W.data[t] = saved + h;
        double up = softmax_loss(&m, &X, y);
        m.W.data[t] = saved - h;
        double down = softmax_loss(&m, &X, y);
        m.W.data[t] = saved;
        EXPECT_NEAR(dW.data[t], (up - down) / (2 * h), 1e-9, harness_fmt("dW[%zu][%zu]", t / 3, t % 3),
                    "(P - Y)^T X / n");
    }
    for (size_t c = 0; c < 4; c++) {
        double saved = m.b[c];
        m.b[c] = saved + h;
        double up = softmax_loss(&m, &X, y);
        m.b[c] = saved - h;
        double down = softmax_loss(&m, &X, y);
        m.b[c] = saved;
        EXPECT_NEAR(db[c], (up - down) / (2 * h), 1e-9, harness_fmt("db[%zu]", c), "mean(P - Y)");
    }
    mat_free(&dW);
    softmax_free(&m);
    mat_free(&X);
}

/* K = 2 softmax is logistic regression on v = w_1 - w_0: each GD step moves
 * v by twice the binary gradient, so softmax at lr equals logreg at 2 lr. */
static void test_two_classes_is_logreg(void) {
    Matrix X;
    double y[21];
    make_problem(21, 2, 2, &X, y);
    Softmax s;
    softmax_init(&s, 2, 2);
    SoftmaxParams sp = {.lr = 0.15, .epochs = 200};
    double s_losses[200], b_losses[200];
    softmax_fit_gd(&s, &X, y, &sp, s_losses);
    LogReg b;
    logreg_init(&b, 2);
    LogRegParams bp = {.lr = 0.3, .epochs = 200, .lambda = 0.0};
    logreg_fit_gd(&b, &X, y, &bp, b_losses);
    for (size_t j = 0; j < 2; j++) {
        EXPECT_NEAR(*mat_at(&s.W, 1, j) - *mat_at(&s.W, 0, j), b.w[j], 1e-12, harness_fmt("w_1[%zu] - w_0[%zu]", j, j),
                    "K = 2 softmax must train like logistic regression at twice the rate");
    }
    EXPECT_NEAR(s.b[1] - s.b[0], b.b, 1e-12, "b_1 - b_0", "the biases follow the same rule");
    EXPECT_NEAR(s_losses[199], b_losses[199], 1e-12, "loss after 199 steps", "CCE with K = 2 is the BCE");
    EXPECT_NEAR(*mat_at(&s.W, 0, 0) + *mat_at(&s.W, 1, 0), 0.0, 1e-15, "w_0[0] + w_1[0]",
                "the gradients of the K classes sum to 0, so weights from 0 stay centred");
    logreg_free(&b);
    softmax_free(&s);
    mat_free(&X);
}

static void test_newton(void) {
    Matrix X;
    double y[40];
    make_problem(40, 2, 3, &X, y);
    Softmax a, b;
    softmax_init(&a, 3, 2);
    softmax_init(&b, 3, 2);
    set_weights(&b);   // a starts at 0, b elsewhere
    SoftmaxNewtonParams par = {.tol = SOFTMAX_NEWTON_TOL, .max_iter = SOFTMAX_NEWTON_MAX_ITER};
    SoftmaxFitInfo ia, ib;
    LrError err;
    EXPECT_TRUE(softmax_fit_newton(&a, &X, y, &par, &ia, &err) == 0, "Newton succeeds on overlapping classes");
    EXPECT_TRUE(softmax_fit_newton(&b, &X, y, &par, &ib, &err) == 0, "Newton succeeds from another start");
    EXPECT_TRUE(ia.converged && ia.iterations < 20, harness_fmt("Newton converges in a few steps (took %zu)", ia.iterations));
    Matrix dW = mat_new(3, 2);
    double db[3];
    softmax_gradient(&a, &X, y, &dW, db);
    double norm = sqrt(vec_dot(dW.data, dW.data, 6) + vec_dot(db, db, 3));
    EXPECT_NEAR(norm, 0.0, 1e-12, "||gradient|| at the answer", "the minimum is where the gradient vanishes");
    EXPECT_NEAR(ia.grad_norm, norm, 1e-15, "info.grad_norm", "reports the final gradient norm");
    EXPECT_NEAR(ia.loss, softmax_loss(&a, &X, y), 1e-15, "info.loss", "reports the final loss");
    for (size_t t = 0; t < 6; t++) {
        EXPECT_NEAR(a.W.data[t], b.W.data[t], 1e-9, harness_fmt("W[%zu][%zu] from two starts", t / 2, t % 2),
                    "after centring, the minimiser is unique");
    }
    double sum_b = a.b[0] + a.b[1] + a.b[2], sum_w = *mat_at(&a.W, 0, 1) + *mat_at(&a.W, 1, 1) + *mat_at(&a.W, 2, 1);
    EXPECT_NEAR(sum_b, 0.0, 1e-14, "sum of the centred b_c", "softmax_center makes it 0");
    EXPECT_NEAR(sum_w, 0.0, 1e-14, "sum of the centred w_c[1]", "softmax_center makes each column sum to 0");
    // gradient descent from 0 only approaches this loss from above
    Softmax g;
    softmax_init(&g, 3, 2);
    SoftmaxParams gp = {.lr = 0.5, .epochs = 300};
    softmax_fit_gd(&g, &X, y, &gp, NULL);
    EXPECT_TRUE(softmax_loss(&g, &X, y) > ia.loss, "300 steps of gradient descent stay above the minimum");
    softmax_free(&g);
    mat_free(&dW);
    softmax_free(&b);
    softmax_free(&a);
    mat_free(&X);
}

/* Separable classes have no minimum: the loss goes to 0 as the weights grow
 * without end, and the gradient with it. Newton must stop (an error, the
 * step limit, or a gradient that has become tiny) with finite weights. */
static void test_newton_separable(void) {
    Matrix X = mat_new(6, 1);
    double y[6] = {0, 0, 1, 1, 2, 2};
    for (size_t i = 0; i < 6; i++) X.data[i] = 3.0 * (double)(i / 2) + 0.1 * (double)(i % 2);
    Softmax m;
    softmax_init(&m, 3, 1);
    SoftmaxNewtonParams par = {.tol = SOFTMAX_NEWTON_TOL, .max_iter = 60};
    SoftmaxFitInfo info;
    LrError err;
    int status = softmax_fit_newton(&m, &X, y, &par, &info, &err);
    EXPECT_TRUE(status != 0 || !info.converged || info.loss < 1e-6,
                harness_fmt("separable classes: an error, 'not converged', or a loss near 0 (got %g)", info.loss));
    int finite = 1;
    for (size_t t = 0; t < 3; t++) finite &= isfinite(m.W.data[t]) && isfinite(m.b[t]);
    EXPECT_TRUE(finite, "the weights stay finite numbers");
    softmax_free(&m);
    mat_free(&X);
}

/* ---- labels, argmax, confusion ------------------------------------------- */

static void test_labels_argmax(void) {
    const double y[5] = {2, 0, 1, 2, 3}, want[5] = {1, 0, 0, 1, 0};
    double y_c[5];
    multiclass_vs_rest_labels(y, 5, 2, y_c);
    for (int i = 0; i < 5; i++) EXPECT_NEAR(y_c[i], want[i], 0.0, harness_fmt("y_2[%d]", i), "1 for class 2 only");
    const double tie[3] = {0.2, 0.4, 0.4}, last[4] = {0.1, 0.1, 0.1, 0.9}, first[2] = {0.5, 0.5};
    EXPECT_NEAR((double)multiclass_argmax(tie, 3), 1.0, 0.0, "argmax(0.2, 0.4, 0.4)", "a tie goes to the first");
    EXPECT_NEAR((double)multiclass_argmax(last, 4), 3.0, 0.0, "argmax(.., 0.9)", "the last can win");
    EXPECT_NEAR((double)multiclass_argmax(first, 2), 0.0, 0.0, "argmax(0.5, 0.5)", "a tie goes to the first");
}

static void test_confusion(void) {
    // true  0 0 0 1 1 2 2 2 2
    // pred  0 1 0 1 1 0 2 2 1   class 2 ... and nobody predicts class 3
    const double y[9] = {0, 0, 0, 1, 1, 2, 2, 2, 2}, pred[9] = {0, 1, 0, 1, 1, 0, 2, 2, 1};
    size_t counts[16];
    metrics_confusion_matrix(y, pred, 9, 4, counts);
    const size_t want[16] = {2, 1, 0, 0,
                             0, 2, 0, 0,
                             1, 1, 2, 0,
                             0, 0, 0, 0};
    int same = 1;
    for (int t = 0; t < 16; t++) same &= counts[t] == want[t];
    EXPECT_TRUE(same, "confusion counts: rows are the true class, columns the predicted class");
    double precision[4], recall[4];
    metrics_class_precision_recall(counts, 4, precision, recall);
    EXPECT_NEAR(precision[0], 2.0 / 3.0, TOL, "precision of class 0", "2 of the 3 predicted 0 are 0");
    EXPECT_NEAR(recall[0], 2.0 / 3.0, TOL, "recall of class 0", "2 of the 3 true 0 were found");
    EXPECT_NEAR(precision[1], 2.0 / 4.0, TOL, "precision of class 1", "2 of the 4 predicted 1 are 1");
    EXPECT_NEAR(recall[2], 2.0 / 4.0, TOL, "recall of class 2", "2 of the 4 true 2 were found");
    EXPECT_NEAR(precision[2], 1.0, TOL, "precision of class 2", "both predicted 2 are 2");
    EXPECT_NEAR(precision[3], 0.0, 0.0, "precision of a class never predicted", "0, not 0/0 = NaN");
    EXPECT_NEAR(recall[3], 0.0, 0.0, "recall of a class never present", "0, not 0/0 = NaN");
}

/* ---- one-vs-rest --------------------------------------------------------- */

static void test_ovr(void) {
    Matrix X;
    double y[24];
    make_problem(24, 2, 3, &X, y);
    Ovr m;
    ovr_init(&m, 3, 2);
    LogRegParams par = {.lr = 0.2, .epochs = 50, .lambda = 0.0};
    Matrix losses = mat_new(3, 50);
    ovr_fit_gd(&m, &X, y, &par, &losses);
    Matrix P = mat_new(24, 3);
    ovr_predict_proba(&m, &X, &P);
    double pred[24], y_c[24], p_c[24], ovr_loss[50];
    ovr_predict(&m, &X, pred);
    for (size_t c = 0; c < 3; c++) {
        // model c must be exactly logreg trained on "class c against the rest"
        for (size_t i = 0; i < 24; i++) y_c[i] = y[i] == (double)c;
        LogReg b;
        logreg_init(&b, 2);
        logreg_fit_gd(&b, &X, y_c, &par, ovr_loss);
        EXPECT_NEAR(m.models[c].w[1], b.w[1], 0.0, harness_fmt("model %zu: w[1]", c), "logreg on the vs-rest labels");
        EXPECT_NEAR(m.models[c].b, b.b, 0.0, harness_fmt("model %zu: b", c), "logreg on the vs-rest labels");
        EXPECT_NEAR(*mat_at(&losses, c, 49), ovr_loss[49], 0.0, harness_fmt("model %zu: loss[49]", c),
                    "row c of losses is model c's curve");
        logreg_predict_proba(&b, &X, p_c);
        EXPECT_NEAR(*mat_at(&P, 5, c), p_c[5], 0.0, harness_fmt("P[5][%zu]", c), "column c is model c's p");
        logreg_free(&b);
    }
    int argmax_ok = 1;
    for (size_t i = 0; i < 24; i++) argmax_ok &= pred[i] == (double)multiclass_argmax(mat_row(&P, i), 3);
    EXPECT_TRUE(argmax_ok, "ovr_predict picks the most confident model");
    mat_free(&P);
    mat_free(&losses);
    ovr_free(&m);
    EXPECT_TRUE(m.models == NULL && m.k == 0, "ovr_free leaves the model empty");
    mat_free(&X);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"act_softmax equals e^z / sum e^z, also in place", test_softmax_values},
        {"act_softmax is finite for scores of +-1e4 and beyond", test_softmax_extremes},
        {"act_softmax ignores a shared shift; K = 2 gives the sigmoid", test_softmax_shift_and_sigmoid},
        {"loss_cce: -log p of the true class, clipped, averaged", test_cce},
        {"softmax_gradient matches finite differences", test_gradient},
        {"K = 2 softmax trains like logistic regression", test_two_classes_is_logreg},
        {"softmax_fit_newton reaches the unique centred minimum", test_newton},
        {"softmax_fit_newton stops on separable classes", test_newton_separable},
        {"vs-rest labels and argmax ties", test_labels_argmax},
        {"confusion matrix, precision and recall", test_confusion},
        {"one-vs-rest is K logistic regressions", test_ovr},
    };
    return harness_run("lib: multiclass", tests, sizeof tests / sizeof tests[0]);
}
