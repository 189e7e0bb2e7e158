/* Tests for exercise 05: l2_penalty and l2_penalty_gradient.
 *
 * The penalty is checked against a direct sum, and the gradient against
 * central finite differences of the test's own penalty,
 * (P(theta + h e_j) - P(theta - h e_j)) / 2h, for several d, n and lambda.
 * Then the learner's gradient, added to the cross-entropy's, trains a model
 * whose weights must shrink as lambda grows. */
#include <math.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-9   // finite differences of a quadratic are exact up to rounding, ~1e-10 here
#define MAX_D 6

/* The penalty as the test computes it: the oracle. */
static double penalty(const double *theta, size_t d, size_t n, double lambda) {
    double sum = 0.0;
    for (size_t j = 0; j < d; j++) sum += theta[j] * theta[j];
    return lambda * sum / (2.0 * (double)n);
}

static void fill_theta(double *theta, size_t d) {
    for (size_t j = 0; j <= d; j++) theta[j] = 1.3 * cos(2.1 * (double)j + 0.4) - 0.2;
}

/* 1 if l2_penalty is right for whole-number weights, w = (3, 4), b = 100,
 * n = 10, lambda = 2: as it is with a sum kept in an int (9 + 16 loses
 * nothing), and not with 1 / (2 * n), which is 0. */
static int whole_weights_right(void) {
    const double theta[3] = {3.0, 4.0, 100.0};
    return fabs(l2_penalty(theta, 2, 10, 2.0) - 2.5) <= 1e-13;
}

static void check_penalty(size_t d, size_t n, double lambda) {
    double theta[MAX_D + 1];
    fill_theta(theta, d);
    double got = l2_penalty(theta, d, n, lambda), want = penalty(theta, d, n, lambda);
    double times_n = want * 2.0 * (double)n * (double)n / 2.0;   // lambda / 2 * n * sum: times n, not over n
    int whole = 0;                                               // the sum kept in an int: each term cut to a whole number
    for (size_t j = 0; j < d; j++) whole += (int)(theta[j] * theta[j]);
    double in_int = lambda * (double)whole / (2.0 * (double)n);
    EXPECT_NEAR(got, want, 1e-13, harness_fmt("l2_penalty with d = %zu, n = %zu, lambda = %g", d, n, lambda),
                n > 1 && fabs(got - times_n) <= 1e-9 * fabs(times_n)
                    ? "That is n^2 times too big: lambda / 2 * n is (lambda / 2) * n in C, a product. Write "
                      "lambda / (2.0 * n)."
                : fabs(got - in_int) <= 1e-13 && fabs(want - in_int) > 1e-13 && whole_weights_right()
                    ? "The sum was kept in a whole number (int): each w_j^2 lost its fraction as it was added. "
                      "Declare the sum double."
                    : harness_why_zero(got, want, "P = (lambda / (2 n)) * sum of w_j^2 over the d weights: divide "
                                                  "by 2n (not by 2, n or d), and leave the bias theta[d] out."));
}

static void test_penalty(void) {
    check_penalty(2, 300, 0.01);
    check_penalty(2, 300, 10.0);
    check_penalty(5, 7, 3.0);
    check_penalty(1, 1, 1.0);
    const double theta[3] = {3.0, 4.0, 100.0};                                                   // ||w||^2 = 25; the bias 100 must not count
    double got = l2_penalty(theta, 2, 10, 2.0), with_bias = 2.0 / 20.0 * (9 + 16 + 100 * 100);   // 1002.5
    const double no_bias[3] = {3.0, 4.0, 0.0};
    int bias_counts = l2_penalty(no_bias, 2, 10, 2.0) != got;   // the same w with b = 0 gives another penalty
    EXPECT_NEAR(got, 2.5, 1e-13, "l2_penalty of w = (3, 4), b = 100, n = 10, lambda = 2",
                fabs(got - with_bias) < 1e-9 ? "(2 / 20) * (9 + 16) = 2.5; 1002.5 is what the bias adds "
                                               "(2 / 20 * 100^2): leave theta[d] out, loop j from 0 to d - 1."
                : bias_counts                ? harness_why_zero(got, 2.5, "(2 / 20) * (9 + 16) = 2.5, with the bias theta[2] = 100 left out "
                                                                                         "(with it the penalty would be 1002.5).")
                                             : harness_why_zero(got, 2.5, "(2 / 20) * (9 + 16) = 2.5. The bias is left out (your "
                                                                                         "penalty is the same with b = 0), so the formula is what "
                                                                                         "is wrong: lambda / (2 n) times the sum of w_j^2."));
    EXPECT_NEAR(l2_penalty(theta, 2, 10, 0.0), 0.0, 0.0, "l2_penalty with lambda = 0", "no penalty at all");
}

static void check_gradient(size_t d, size_t n, double lambda) {
    double theta[MAX_D + 1], grad[MAX_D + 2];
    fill_theta(theta, d);
    grad[d + 1] = 12345.0;                                     // must not be touched: grad has d + 1 entries
    for (size_t j = 0; j <= d; j++) grad[j] = HARNESS_UNSET;   // every entry must be written
    l2_penalty_gradient(theta, d, n, lambda, grad);
    if (!EXPECT_NEAR(grad[d + 1], 12345.0, 0.0, harness_fmt("grad[%zu], one past the end", d + 1),
                     "l2_penalty_gradient wrote past the d + 1 entries of grad.")) return;
    const double h = 1e-5;
    for (size_t j = 0; j <= d; j++) {
        double saved = theta[j];
        theta[j] = saved + h;
        double up = penalty(theta, d, n, lambda);
        theta[j] = saved - h;
        double down = penalty(theta, d, n, lambda);
        theta[j] = saved;
        double want = (up - down) / (2 * h);
        int times_n = fabs(want) > 1e-12 && fabs(grad[j] - (double)n * want) < 1e-6 * fabs((double)n * want);
        EXPECT_NEAR(grad[j], want, TOL,
                    harness_fmt("grad[%zu] with d = %zu, n = %zu, lambda = %g%s", j, d, n, lambda,
                                j == d ? " (the bias)" : ""),
                    j == d    ? "The bias is not penalised, so its gradient is exactly 0."
                    : times_n ? "That is n times too big: the penalty is (lambda / 2n) ||w||^2, so its gradient "
                                "is (lambda / n) w_j. Divide by n."
                    : fabs(want) > 1e-12 && fabs(grad[j] + want) < 1e-9 * fabs(want)
                        ? "It has the wrong sign: the penalty grows with w_j^2, so its gradient (lambda / n) w_j "
                          "has the sign of w_j. No minus sign."
                    : fabs(want) > 1e-12 && fabs(grad[j] - 2 * want) < 1e-9 * fabs(want)
                        ? "That is twice the right value: the 2 of the square cancels the 1/2 of lambda / 2n."
                        : harness_why_zero(grad[j], want, "dP/dw_j = (lambda / n) * w_j: the 2 of the square "
                                                          "cancels the 1/2."));
    }
}

static void test_gradient(void) {
    check_gradient(2, 300, 0.01);
    check_gradient(2, 300, 10.0);
}

static void test_gradient_other_shapes(void) {
    check_gradient(5, 7, 3.0);
    check_gradient(1, 1, 1.0);
    check_gradient(6, 1000, 100.0);
}

/* Gradient descent on a small problem with the learner's penalty gradient
 * added: the larger lambda, the smaller ||w||. */
static double trained_norm(double lambda) {
    enum { N = 24,
           D = 2 };
    double X[N * D], y[N], theta[D + 1] = {0, 0, 0}, pen[D + 1] = {0, 0, 0};
    for (size_t i = 0; i < N; i++) {
        X[i * D] = sin(1.1 * (double)i) * 2.0;
        X[i * D + 1] = cos(0.7 * (double)i) * 2.0;
        y[i] = X[i * D] + 0.5 * X[i * D + 1] + 0.8 * sin(3.3 * (double)i) > 0 ? 1.0 : 0.0;
    }
    for (int step = 0; step < 3000; step++) {
        double g[D + 1] = {0, 0, 0};
        for (size_t i = 0; i < N; i++) {
            double p = 1.0 / (1.0 + exp(-(X[i * D] * theta[0] + X[i * D + 1] * theta[1] + theta[2])));
            g[0] += (p - y[i]) * X[i * D] / N;
            g[1] += (p - y[i]) * X[i * D + 1] / N;
            g[2] += (p - y[i]) / N;
        }
        l2_penalty_gradient(theta, D, N, lambda, pen);
        for (size_t j = 0; j <= D; j++) theta[j] -= 0.5 * (g[j] + pen[j]);
    }
    return hypot(theta[0], theta[1]);
}

static void test_shrinks(void) {
    double none = trained_norm(0.0), some = trained_norm(5.0), lots = trained_norm(50.0);
    EXPECT_TRUE(none > some && some > lots && lots > 0,
                harness_fmt("trained with your gradient, ||w|| should fall as lambda grows; it was %.4g, %.4g, %.4g "
                            "for lambda = 0, 5, 50. The penalty's gradient must point along w, with a plus sign.",
                            none, some, lots));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"l2_penalty is (lambda / 2n) ||w||^2, bias left out", test_penalty},
        {"l2_penalty_gradient matches finite differences (d = 2)", test_gradient},
        {"l2_penalty_gradient for other shapes (d = 5, 1, 6)", test_gradient_other_shapes},
        {"training with the penalty shrinks the weights", test_shrinks},
    };
    return harness_run("Exercise 05: L2 regularization", tests, sizeof tests / sizeof tests[0]);
}
