/* Tests for exercise 03: gradient and gd_step.
 *
 * The gradient is checked against central finite differences of the loss,
 * (L(w + h e_j) - L(w - h e_j)) / 2h, on data of several shapes, so a
 * hard-coded d = 2 or n = 300 fails. */
#include <math.h>
#include <stdlib.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-7   // finite differences are accurate to about h^2 = 1e-10 here
#define MAX_N 40
#define MAX_D 5

/* A small data set of n rows and d features, filled by a fixed formula. The
 * entry just past the end of X and of y holds NaN: a loop that reads one
 * entry too far (X[i * d + j + 1]) gets NaN, and the tests say so. */
typedef struct {
    size_t n, d;
    double X[MAX_N * MAX_D + 1];   // (n, d), then NaN
    double y[MAX_N + 1];           // (n), then NaN
    double w[MAX_D];               // (d)
    double b;
} Problem;

static Problem make_problem(size_t n, size_t d) {
    Problem pr = {.n = n, .d = d, .b = 0.3};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) pr.X[i * d + j] = sin(1.7 * (double)i + 0.9 * (double)j) * 2.0;
        pr.y[i] = (i * 7 + 3) % 5 < 2 ? 1.0 : 0.0;
    }
    pr.X[n * d] = NAN;
    pr.y[n] = NAN;
    for (size_t j = 0; j < d; j++) pr.w[j] = 0.5 - 0.4 * (double)j;
    return pr;
}

/* The mean cross-entropy at (w, b): the function whose slope we check. */
static double loss(const Problem *pr, const double *w, double b) {
    double sum = 0.0;
    for (size_t i = 0; i < pr->n; i++) {
        double z = b;
        for (size_t j = 0; j < pr->d; j++) z += pr->X[i * pr->d + j] * w[j];
        double p = 1.0 / (1.0 + exp(-z));
        sum += -(pr->y[i] * log(p) + (1 - pr->y[i]) * log(1 - p));
    }
    return sum / (double)pr->n;
}

#define NAN_WHY "It is NaN: is something read past the end of an array, or divided by zero?"
#define FAR_WHY "Off by far more than rounding: the same mistake as in the tests above, which say what it is."

/* What a wrong partial derivative usually means, from how it is wrong. */
static const char *diagnose(double got, double want, size_t n, const char *generic) {
    if (fabs(want) > 1e-6 && fabs(got + want) < 1e-6) return "It has the wrong sign: the error is p - y, not y - p.";
    if (n > 1 && fabs(want) > 1e-6 && fabs(got - (double)n * want) < 1e-6 * (double)n) {
        return "It is n times too big: divide the sum by n.";
    }
    if (isnan(got)) return NAN_WHY;
    return harness_why_zero(got, want, generic);
}

static void check_against_differences(size_t n, size_t d) {
    Problem pr = make_problem(n, d);
    double dw[MAX_D + 1];
    for (size_t j = 0; j < d; j++) dw[j] = HARNESS_UNSET;   // every entry must be written
    dw[d] = 12345.0;                                        // must not be touched: dw has only d entries
    double db = gradient(pr.X, pr.y, n, d, pr.w, pr.b, dw);
    // A write past the end first: it explains whatever else went wrong.
    if (!EXPECT_NEAR(dw[d], 12345.0, 0.0, harness_fmt("dw[%zu], one past the end", d),
                     "gradient wrote past the d entries of dw: loop j from 0 to d - 1.")) return;
    const double h = 1e-5;
    int dw_ok = 1;
    for (size_t j = 0; j < d; j++) {
        double w_plus[MAX_D], w_minus[MAX_D];
        for (size_t k = 0; k < d; k++) w_plus[k] = w_minus[k] = pr.w[k];
        w_plus[j] += h;
        w_minus[j] -= h;
        double numeric = (loss(&pr, w_plus, pr.b) - loss(&pr, w_minus, pr.b)) / (2 * h);
        // the slope with b = 0: what a gradient that forgot the bias computes
        double no_bias = (loss(&pr, w_plus, 0.0) - loss(&pr, w_minus, 0.0)) / (2 * h);
        dw_ok &= EXPECT_NEAR(dw[j], numeric, TOL, harness_fmt("dw[%zu] with n = %zu, d = %zu", j, n, d),
                             fabs(dw[j] - no_bias) <= TOL
                                 ? "It is the slope at b = 0: your scores leave out the bias. z_i = x_i . w + b."
                                 : diagnose(dw[j], numeric, n,
                                            d == 2 ? "dw_j should be (1/n) sum_i (p_i - y_i) x_ij. Is x_ij read as X[i * d + j]?"
                                                   : "dw_j should be (1/n) sum_i (p_i - y_i) x_ij. Is x_ij read as X[i * d + j], "
                                                     "with this d (not 2)?"));
    }
    double numeric_b = (loss(&pr, pr.w, pr.b + h) - loss(&pr, pr.w, pr.b - h)) / (2 * h);
    EXPECT_NEAR(db, numeric_b, TOL, harness_fmt("db with n = %zu, d = %zu", n, d),
                diagnose(db, numeric_b, n,
                         dw_ok ? "db should be (1/n) sum_i (p_i - y_i), the mean error. Did p include the bias b?"
                               : "db should be (1/n) sum_i (p_i - y_i), the mean error; p_i = sigma(x_i . w + b) "
                                 "reads row i of X as dw does, so fix dw above first."));
}

static void test_lesson_shape(void) { check_against_differences(30, 2); }
static void test_other_shapes(void) {
    check_against_differences(7, 3);
    check_against_differences(40, 5);
    check_against_differences(1, 1);
}

/* The gradient to a double's precision: finite differences above allow 1e-7,
 * which a gradient computed in float (7 digits) also meets. The reference is
 * the definition, summed here in long double. */
static void test_double_precision(void) {
    Problem pr = make_problem(40, 5);
    long double want[MAX_D] = {0}, want_b = 0;
    // dw_j = (1/n) sum_i (p_i - y_i) x_ij,  db = (1/n) sum_i (p_i - y_i)
    for (size_t i = 0; i < pr.n; i++) {
        long double z = pr.b;
        for (size_t j = 0; j < pr.d; j++) z += (long double)pr.X[i * pr.d + j] * pr.w[j];
        long double error = 1.0L / (1.0L + expl(-z)) - pr.y[i];
        for (size_t j = 0; j < pr.d; j++) want[j] += error * pr.X[i * pr.d + j];
        want_b += error;
    }
    double dw[MAX_D + 1];
    dw[pr.d] = 12345.0;
    double db = gradient(pr.X, pr.y, pr.n, pr.d, pr.w, pr.b, dw);
    if (!EXPECT_TRUE(dw[pr.d] == 12345.0, "gradient wrote past the end of dw (see the tests above): fix that "
                                          "first, then this test says what is left.")) return;
    for (size_t j = 0; j < pr.d; j++) {
        EXPECT_NEAR(dw[j], (double)(want[j] / 40), 1e-13, harness_fmt("dw[%zu] with n = 40, d = 5, to 1e-13", j),
                    isnan(dw[j])                                  ? NAN_WHY
                    : fabs(dw[j] - (double)(want[j] / 40)) > 1e-6 ? FAR_WHY
                                                                  : "A double keeps about 16 digits; the tests above "
                                                                    "allow 1e-7 only because finite differences are "
                                                                    "that rough.");
    }
    EXPECT_NEAR(db, (double)(want_b / 40), 1e-13, "db with n = 40, d = 5, to 1e-13",
                isnan(db)                                 ? NAN_WHY
                : fabs(db - (double)(want_b / 40)) > 1e-6 ? FAR_WHY
                                                          : "A double keeps about 16 digits: every variable and every "
                                                            "sum in double.");
}

static void test_zero_weights(void) {
    // With w = 0 and b = 0 every p_i = 1/2, so db = 1/2 - mean(y).
    Problem pr = make_problem(10, 2);
    double w[2] = {0, 0}, dw[3] = {HARNESS_UNSET, HARNESS_UNSET, 12345.0}, mean_y = 0;
    for (int i = 0; i < 10; i++) mean_y += pr.y[i] / 10;
    double db = gradient(pr.X, pr.y, 10, 2, w, 0.0, dw);
    if (!EXPECT_TRUE(dw[2] == 12345.0, "gradient wrote past the end of dw (see the tests above): fix that "
                                       "first, then this test says what is left.")) return;
    EXPECT_NEAR(db, 0.5 - mean_y, 1e-12, "db at w = 0, b = 0",
                diagnose(db, 0.5 - mean_y, 10, "At w = 0, b = 0 every p_i is sigma(0) = 1/2, so db = 1/2 - mean(y)."));
}

static void test_step(void) {
    double w[3] = {1.0, -2.0, 0.5}, b = 0.25;
    const double dw[3] = {0.5, -1.0, 2.0};
    gd_step(w, &b, dw, -0.5, 3, 0.1);
    EXPECT_NEAR(w[0], 0.95, 1e-12, "w[0] after the step", "w_j <- w_j - lr * dw_j: step against the gradient.");
    EXPECT_NEAR(w[1], -1.9, 1e-12, "w[1] after the step", "w_j <- w_j - lr * dw_j for every j.");
    EXPECT_NEAR(w[2], 0.3, 1e-12, "w[2] after the step",
                w[2] == 0.5 ? "All d = 3 weights must move, not just 2."
                            : "w_j <- w_j - lr * dw_j for every j: step against the gradient.");
    EXPECT_NEAR(b, 0.3, 1e-12, "b after the step", "b <- b - lr * db; write through the pointer: *b -= ...");
}

static void test_descent_lowers_loss(void) {
    // 200 steps of your gradient and step must bring the loss down.
    Problem pr = make_problem(30, 2);
    int failed_before = harness_failures();   // a gradient test above failed: this follows from it
    double before = loss(&pr, pr.w, pr.b), dw[3] = {0, 0, 12345.0};
    for (int step = 0; step < 200; step++) {
        double db = gradient(pr.X, pr.y, 30, 2, pr.w, pr.b, dw);
        if (!EXPECT_TRUE(dw[2] == 12345.0, "gradient wrote past the end of dw (see the tests above): fix that "
                                           "first, then this test says what is left.")) return;
        gd_step(pr.w, &pr.b, dw, db, 2, 0.5);
    }
    double after = loss(&pr, pr.w, pr.b);
    const char *fix = failed_before > 0 ? "Fix the tests above first: this one runs your gradient and gd_step."
                                        : "Check both functions: the step goes against the gradient.";
    EXPECT_TRUE(after < before - 0.01,
                isnan(after) ? harness_fmt("200 steps of gradient descent should lower the loss, but it became NaN. %s",
                                           fix)
                             : harness_fmt("200 steps of gradient descent should lower the loss, but it went from %.6g "
                                           "to %.6g. %s",
                                           before, after, fix));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"gradient matches finite differences (30 x 2)", test_lesson_shape},
        {"gradient works for other shapes (7 x 3, 40 x 5, 1 x 1)", test_other_shapes},
        {"gradient to a double's precision (40 x 5)", test_double_precision},
        {"db at w = 0 is 1/2 - mean(y)", test_zero_weights},
        {"gd_step moves every weight and the bias", test_step},
        {"gradient descent lowers the loss", test_descent_lowers_loss},
    };
    return harness_run("Exercise 03: gradient descent", tests, sizeof tests / sizeof tests[0]);
}
