/* Tests for exercise 07: one_vs_rest_labels, argmax, predict_by_argmax and
 * train_one_vs_rest (checked against the lesson's loop written out below).
 *
 * Shapes other than the course's (K = 3, n = 300) too, so a hard-coded
 * number of classes or samples fails; a value after the end of each output
 * array must stay untouched. */
#include <math.h>
#include <stdio.h>

#include "exercises.h"
#include "harness.h"

#define CANARY 12345.0   // written one past the end of an output; must survive

static void check_labels(const double *y, size_t n, size_t c) {
    double y_c[32];
    for (size_t i = 0; i < n; i++) y_c[i] = HARNESS_UNSET;   // every label must be written
    y_c[n] = CANARY;
    one_vs_rest_labels(y, n, c, y_c);
    if (!EXPECT_NEAR(y_c[n], CANARY, 0.0, harness_fmt("y_c[%zu], one past the end", n),
                     "one_vs_rest_labels wrote past the n labels: loop i from 0 to n - 1")) return;
    for (size_t i = 0; i < n; i++) {
        double want = y[i] == (double)c ? 1.0 : 0.0;
        EXPECT_NEAR(y_c[i], want, 0.0, harness_fmt("y_%zu[%zu] (sample of class %g)", c, i, y[i]),
                    want == 1.0 ? "a sample of class c is a positive (1) in problem c"
                                : "a sample of any other class is a negative (0) in problem c");
    }
}

static void test_labels_three_classes(void) {
    const double y[9] = {0, 1, 2, 2, 1, 0, 0, 2, 1};
    for (size_t c = 0; c < 3; c++) check_labels(y, 9, c);
}

static void test_labels_other_shapes(void) {
    const double y[12] = {4, 0, 3, 1, 2, 4, 4, 0, 1, 3, 2, 0};
    for (size_t c = 0; c < 5; c++) check_labels(y, 12, c);   // K = 5
    check_labels(y, 1, 4);                                   // a single sample
    check_labels(y, 12, 7);                                  // a class nobody has: all 0
}

/* 1 if the learner's argmax is right on a few rows (ties, negatives, k = 1). */
static int argmax_works(void) {
    const double a[3] = {0.1, 0.7, 0.2}, b[4] = {0.2, 0.4, 0.1, 0.4}, c[3] = {-3.0, -1.0, -2.0}, d[1] = {0.4};
    const double e[5] = {0.1, 0.2, 0.05, 0.3, 0.35};
    return argmax(a, 3) == 1 && argmax(b, 4) == 1 && argmax(c, 3) == 1 && argmax(d, 1) == 0 && argmax(e, 5) == 4;
}

/* predict_by_argmax is built on argmax: when both are wrong, this is said once. */
#define ARGMAX_FIRST "predict_by_argmax calls argmax on each row, and your argmax fails the tests above: " \
                     "fix argmax first, then this test says what is left."

static void test_argmax(void) {
    const double middle[3] = {0.1, 0.7, 0.2}, last[5] = {0.1, 0.2, 0.05, 0.3, 0.35};
    EXPECT_NEAR((double)argmax(middle, 3), 1.0, 0.0, "argmax(0.1, 0.7, 0.2)", "the largest is at index 1");
    EXPECT_NEAR((double)argmax(last, 5), 4.0, 0.0, "argmax of 5 values, largest last",
                "look at all k values: is the loop bound k (not k - 1, not 3)?");
    const double one[1] = {0.4};
    EXPECT_NEAR((double)argmax(one, 1), 0.0, 0.0, "argmax of a single value", "with k = 1 the answer is 0");
}

static void test_argmax_ties_and_negatives(void) {
    const double tie[4] = {0.2, 0.4, 0.1, 0.4};
    EXPECT_NEAR((double)argmax(tie, 4), 1.0, 0.0, "argmax(0.2, 0.4, 0.1, 0.4)",
                "on a tie the FIRST index wins: replace the best only when strictly larger (>, not >=)");
    const double all_equal[3] = {0.5, 0.5, 0.5};
    EXPECT_NEAR((double)argmax(all_equal, 3), 0.0, 0.0, "argmax(0.5, 0.5, 0.5)", "all tied: index 0");
    const double scores[3] = {-3.0, -1.0, -2.0};
    EXPECT_NEAR((double)argmax(scores, 3), 1.0, 0.0, "argmax(-3, -1, -2)",
                "the best so far must start as p[0], not as 0: every score here is below 0");
}

static void test_predict(void) {
    // 4 samples, 3 models; row sums are not 1 (one-vs-rest's never are)
    const double P[4 * 3] = {0.9, 0.3, 0.1,
                             0.2, 0.1, 0.6,
                             0.4, 0.8, 0.7,
                             0.1, 0.2, 0.2};
    const double want[4] = {0, 2, 1, 1};
    double pred[5] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, CANARY};
    predict_by_argmax(P, 4, 3, pred);
    if (!EXPECT_NEAR(pred[4], CANARY, 0.0, "pred[4], one past the end", "write only n predictions")) return;
    int right = 1;
    for (size_t i = 0; i < 4; i++) right = right && pred[i] == want[i];
    if (!right && !argmax_works()) {
        EXPECT_TRUE(0, ARGMAX_FIRST);
        return;
    }
    for (size_t i = 0; i < 4; i++) {
        EXPECT_NEAR(pred[i], want[i], 0.0, harness_fmt("pred[%zu]", i),
                    "pred[i] is the argmax of row i, which starts at P[i * k]");
    }
}

static void test_predict_other_shapes(void) {
    // 3 samples, 5 classes: a row is 5 numbers long
    const double P[3 * 5] = {0.1, 0.1, 0.1, 0.1, 0.9,
                             0.3, 0.2, 0.1, 0.0, 0.0,
                             0.0, 0.1, 0.6, 0.6, 0.2};
    const double want[3] = {4, 0, 2};
    double pred[3] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET};
    predict_by_argmax(P, 3, 5, pred);
    int right = pred[0] == want[0] && pred[1] == want[1] && pred[2] == want[2];
    if (!right && !argmax_works()) {
        EXPECT_TRUE(0, ARGMAX_FIRST);
        return;
    }
    for (size_t i = 0; i < 3; i++) {
        EXPECT_NEAR(pred[i], want[i], 0.0, harness_fmt("pred[%zu] with k = 5", i),
                    "row i starts at P[i * k] with k = 5 here; ties go to the first index");
    }
    const double two[2 * 2] = {0.3, 0.8, 0.6, 0.1};
    pred[0] = pred[1] = HARNESS_UNSET;
    predict_by_argmax(two, 2, 2, pred);
    EXPECT_NEAR(pred[0], 1.0, 0.0, "pred[0] with k = 2", "rows of 2: (0.3, 0.8) gives class 1");
    EXPECT_NEAR(pred[1], 0.0, 0.0, "pred[1] with k = 2", "rows of 2: (0.6, 0.1) gives class 0");
}

/* ---- train_one_vs_rest ----------------------------------------------------- */

#define MAX_N 16
#define MAX_D 3
#define MAX_K 4
#define TRAIN_TOL 1e-12   // the same arithmetic in another order: far below any mistake

/* The mistakes a trainer can make, so that a wrong W can be named. */
typedef struct {
    int raw_labels;     // trains model c on y itself instead of "y == c"
    int carry_over;     // model c starts where model c-1 ended, not from 0
    int carry_bias;     // the same for the bias alone (w_c starts from 0)
    int extra_epochs;   // epochs + extra_epochs steps (-1 or +1)
    int transposed;     // writes w_c[j] to W[j * k + c] instead of W[c * d + j]
} Mistake;

/* The lesson's one-vs-rest training written out, optionally with a mistake. */
static void lesson_ovr(const double *X, const double *y, size_t n, size_t d, size_t k, double lr, size_t epochs,
                       Mistake m, double *W, double *b) {
    double w[MAX_D] = {0}, bias = 0.0;
    for (size_t c = 0; c < k; c++) {
        if (!m.carry_over) {
            for (size_t j = 0; j < d; j++) w[j] = 0.0;
            if (!m.carry_bias) bias = 0.0;
        }
        for (size_t e = 0; e < epochs + (size_t)m.extra_epochs; e++) {
            // dw = X^T (p - y_c) / n,  db = mean(p - y_c),  then one step
            double dw[MAX_D] = {0}, db = 0.0;
            for (size_t i = 0; i < n; i++) {
                double z = bias;
                for (size_t j = 0; j < d; j++) z += X[i * d + j] * w[j];
                double p = z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
                double label = m.raw_labels ? y[i] : (y[i] == (double)c ? 1.0 : 0.0);
                for (size_t j = 0; j < d; j++) dw[j] += (p - label) * X[i * d + j];
                db += p - label;
            }
            for (size_t j = 0; j < d; j++) w[j] -= lr * dw[j] / (double)n;
            bias -= lr * db / (double)n;
        }
        for (size_t j = 0; j < d; j++) W[m.transposed ? j * k + c : c * d + j] = w[j];
        b[c] = bias;
    }
}

/* 1 when W, b equal the lesson's training with mistake m, to TRAIN_TOL: all
 * k models, or model 0 alone (row 0 of W and b[0]) when models is 1. */
static int trained_like(const double *X, const double *y, size_t n, size_t d, size_t k, double lr, size_t epochs,
                        Mistake m, const double *W, const double *b, size_t models) {
    double W_m[MAX_K * MAX_D], b_m[MAX_K];
    lesson_ovr(X, y, n, d, k, lr, epochs, m, W_m, b_m);
    for (size_t t = 0; t < models * d; t++) {
        if (!(fabs(W[t] - W_m[t]) <= TRAIN_TOL)) return 0;
    }
    for (size_t c = 0; c < models; c++) {
        if (!(fabs(b[c] - b_m[c]) <= TRAIN_TOL)) return 0;
    }
    return 1;
}

/* The mistakes a trainer can make, one at a time. Those that show in model 0
 * come first; the last two show only from model 1 on. */
static const struct {
    Mistake m;
    const char *why;
} KNOWN[] = {
    {{.raw_labels = 1}, "model c was trained on the class numbers y, not on y_c = one_vs_rest_labels(y, n, c, y_c)"},
    {{.extra_epochs = -1}, "one step too few: run exactly `epochs` steps (e = 0 .. epochs - 1)"},
    {{.extra_epochs = 1}, "one step too many: run exactly `epochs` steps (e = 0 .. epochs - 1)"},
    {{.transposed = 1}, "the weights are in the wrong places: w_c is row c of W, W[c * d + j], not W[j * k + c]"},
    {{.carry_over = 1}, "model c started where model c - 1 ended: set w_c = 0 and b_c = 0 before training each model"},
    {{.carry_bias = 1}, "model c's bias started where model c - 1's ended: set b_c = 0 (as well as w_c = 0) before "
                        "training each model"},
};
#define N_KNOWN (sizeof KNOWN / sizeof KNOWN[0])

/* Mistakes a and b at once in *both; 0 when they are two of the same kind. */
static int both_mistakes(Mistake a, Mistake b, Mistake *both) {
    if ((a.extra_epochs && b.extra_epochs) || ((a.carry_over || a.carry_bias) && (b.carry_over || b.carry_bias))) {
        return 0;
    }
    *both = (Mistake){.raw_labels = a.raw_labels || b.raw_labels,
                      .carry_over = a.carry_over || b.carry_over,
                      .carry_bias = a.carry_bias || b.carry_bias,
                      .extra_epochs = a.extra_epochs + b.extra_epochs,
                      .transposed = a.transposed || b.transposed};
    return 1;
}

/* What a W that differs from the lesson's most likely means: one known
 * mistake, two at once (the one model 0 shows named first), or a mistake
 * model 0 alone shows. */
static const char *diagnose_ovr(const double *X, const double *y, size_t n, size_t d, size_t k, double lr,
                                size_t epochs, const double *W, const double *b) {
    static char said[600];   // (the message built here)
    int untouched = 1;
    for (size_t t = 0; t < k * d; t++) untouched = untouched && W[t] == 0.0;
    if (untouched) return "W is still all 0: train each model c (gradient and gd_step, epochs times) into row c";
    for (size_t t = 0; t < N_KNOWN; t++) {
        if (trained_like(X, y, n, d, k, lr, epochs, KNOWN[t].m, W, b, k)) return KNOWN[t].why;
    }
    for (size_t s = 0; s < N_KNOWN; s++) {
        for (size_t t = s + 1; t < N_KNOWN; t++) {
            Mistake m;
            if (both_mistakes(KNOWN[s].m, KNOWN[t].m, &m) && trained_like(X, y, n, d, k, lr, epochs, m, W, b, k)) {
                snprintf(said, sizeof said, "two mistakes at once. Model 0 shows the first: %s. Then: %s",
                         KNOWN[s].why, KNOWN[t].why);
                return said;
            }
        }
    }
    int model_0_right = trained_like(X, y, n, d, k, lr, epochs, (Mistake){0}, W, b, 1);
    for (size_t t = 0; t < N_KNOWN && !model_0_right; t++) {
        if (trained_like(X, y, n, d, k, lr, epochs, KNOWN[t].m, W, b, 1)) {
            snprintf(said, sizeof said, "model 0 (row 0 of W, b[0]) shows this: %s. Fix it first; then this test "
                                        "says what is left in the other models",
                     KNOWN[t].why);
            return said;
        }
    }
    return "W must be the lesson's: for each c, y_c = one_vs_rest_labels, w_c = 0, b_c = 0, then `epochs` steps "
           "of gradient and gd_step on (X, y_c)";
}

static void check_ovr(size_t n, size_t d, size_t k, double lr, size_t epochs) {
    double X[MAX_N * MAX_D], y[MAX_N], W[MAX_K * MAX_D + 1], b[MAX_K + 1], want_W[MAX_K * MAX_D], want_b[MAX_K];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) X[i * d + j] = sin(1.3 * (double)i + 0.7 * (double)j) * (1.0 + (double)j);
        y[i] = (double)((i * 7 + 3) % k);
    }
    for (size_t t = 0; t < k * d; t++) W[t] = 999.0;   // what the caller's memory held: must not matter
    for (size_t c = 0; c < k; c++) b[c] = 999.0;
    W[k * d] = b[k] = CANARY;
    train_one_vs_rest(X, y, n, d, k, lr, epochs, W, b);
    lesson_ovr(X, y, n, d, k, lr, epochs, (Mistake){0}, want_W, want_b);
    const char *why = diagnose_ovr(X, y, n, d, k, lr, epochs, W, b);
    for (size_t c = 0; c < k; c++) {
        for (size_t j = 0; j < d; j++) {
            EXPECT_NEAR(W[c * d + j], want_W[c * d + j], TRAIN_TOL,
                        harness_fmt("W[%zu][%zu] (n = %zu, d = %zu, k = %zu, %zu epoch%s)", c, j, n, d, k, epochs,
                                    epochs == 1 ? "" : "s"),
                        why);
        }
        EXPECT_NEAR(b[c], want_b[c], TRAIN_TOL, harness_fmt("b[%zu] (n = %zu, k = %zu)", c, n, k), why);
    }
    EXPECT_NEAR(W[k * d], CANARY, 0.0, harness_fmt("W[%zu], one past the end", k * d),
                "W holds k * d weights: write only those");
    EXPECT_NEAR(b[k], CANARY, 0.0, harness_fmt("b[%zu], one past the end", k), "b holds k biases: write only those");
}

static void test_train_course(void) { check_ovr(12, 2, 3, 0.5, 40); }

static void test_train_other_shapes(void) {
    check_ovr(16, 3, 4, 0.3, 25);
    check_ovr(5, 1, 2, 1.0, 3);
    check_ovr(9, 2, 3, 0.1, 1);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"one_vs_rest_labels with 3 classes", test_labels_three_classes},
        {"one_vs_rest_labels with 5 classes, 1 sample, an absent class", test_labels_other_shapes},
        {"argmax finds the largest", test_argmax},
        {"argmax: ties go to the first, negative scores work", test_argmax_ties_and_negatives},
        {"predict_by_argmax, 4 samples of 3 classes", test_predict},
        {"predict_by_argmax with 5 and 2 classes", test_predict_other_shapes},
        {"train_one_vs_rest trains 3 models as the lesson does (12 x 2, 40 epochs)", test_train_course},
        {"train_one_vs_rest with 4 classes of 3 features, 2 of 1, a single epoch", test_train_other_shapes},
    };
    return harness_run("Exercise 07: one-vs-rest", tests, sizeof tests / sizeof tests[0]);
}
