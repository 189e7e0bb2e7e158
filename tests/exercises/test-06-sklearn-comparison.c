/* Tests for exercise 06: newton_system and newton_step.
 *
 * The gradient is checked against central finite differences of the loss
 * and the Hessian against finite differences of the gradient (both computed
 * here), on data of several sizes. The step is checked against the test's own
 * step, solved by Cramer's rule (a different method from Cholesky), and
 * Newton's method built from your step must reach the minimum in a few
 * iterations. */
#include <math.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define MAX_N 80

typedef struct {
    size_t n;
    double X[MAX_N * 2];   // (n, 2)
    double y[MAX_N];       // (n)
} Data;

/* Two overlapping classes, so the minimum is finite. */
static Data make_data(size_t n) {
    Data D = {.n = n};
    for (size_t i = 0; i < n; i++) {
        D.X[2 * i] = 2.0 * sin(1.37 * (double)i + 0.5);
        D.X[2 * i + 1] = 1.5 * cos(0.91 * (double)i) + 0.3;
        D.y[i] = D.X[2 * i] - 0.7 * D.X[2 * i + 1] + 1.2 * sin(4.1 * (double)i) > 0.2 ? 1.0 : 0.0;
    }
    return D;
}

static double oracle_loss(const Data *D, const double *theta) {
    double sum = 0.0;
    for (size_t i = 0; i < D->n; i++) {
        double p = 1.0 / (1.0 + exp(-(theta[0] * D->X[2 * i] + theta[1] * D->X[2 * i + 1] + theta[2])));
        sum += -(D->y[i] * log(p) + (1 - D->y[i]) * log(1 - p));
    }
    return sum / (double)D->n;
}

/* The gradient as the test computes it. */
static void oracle_gradient(const Data *D, const double *theta, double *g) {
    g[0] = g[1] = g[2] = 0.0;
    for (size_t i = 0; i < D->n; i++) {
        const double x[3] = {D->X[2 * i], D->X[2 * i + 1], 1.0};
        double e = 1.0 / (1.0 + exp(-(theta[0] * x[0] + theta[1] * x[1] + theta[2]))) - D->y[i];
        for (int r = 0; r < 3; r++) g[r] += e * x[r] / (double)D->n;
    }
}

static double det3(const double *A) {
    return A[0] * (A[4] * A[8] - A[5] * A[7]) - A[1] * (A[3] * A[8] - A[5] * A[6]) + A[2] * (A[3] * A[7] - A[4] * A[6]);
}

/* The test's Newton step by Cramer's rule: delta_r = det(H with column r replaced by g) / det(H). */
static void oracle_step(const Data *D, const double *theta, double *next) {
    const double h = 1e-6;
    double H[9], g[3], up[3], down[3];
    oracle_gradient(D, theta, g);
    for (int c = 0; c < 3; c++) {   // H by differences of the gradient: accurate to ~1e-10
        double t[3] = {theta[0], theta[1], theta[2]};
        t[c] += h;
        oracle_gradient(D, t, up);
        t[c] -= 2 * h;
        oracle_gradient(D, t, down);
        for (int r = 0; r < 3; r++) H[3 * r + c] = (up[r] - down[r]) / (2 * h);
    }
    double det = det3(H);
    for (int r = 0; r < 3; r++) {
        double A[9];
        memcpy(A, H, sizeof A);
        for (int k = 0; k < 3; k++) A[3 * k + r] = g[k];
        next[r] = theta[r] - det3(A) / det;
    }
}

/* What a wrong entry of g or H usually means, from how it is wrong. */
static const char *diagnose(double got, double want, size_t n, int is_g, const char *generic) {
    if (n > 1 && fabs(want) > 1e-6 && fabs(got - (double)n * want) < 1e-6 * (double)n) {
        return "It is n times too big: g and H are means over the n samples, so divide each sum by n.";
    }
    if (is_g && fabs(want) > 1e-6 && fabs(got + want) < 1e-6) return "It has the wrong sign: the error is p_i - y_i.";
    return harness_why_zero(got, want, generic);
}

static void check_system(size_t n, const double *theta) {
    Data D = make_data(n);
    double g[4], H[10];
    for (int k = 0; k < 3; k++) g[k] = HARNESS_UNSET;   // every entry must be written
    for (int k = 0; k < 9; k++) H[k] = HARNESS_UNSET;
    g[3] = H[9] = 12345.0;
    newton_system(D.X, D.y, n, theta, g, H);
    if (!EXPECT_TRUE(g[3] == 12345.0 && H[9] == 12345.0,
                     "newton_system wrote past g[2] or H[8]: g has 3 entries, H has 9.")) return;
    const double h = 1e-5;
    const char *names[3] = {"w1", "w2", "b"};
    for (int r = 0; r < 3; r++) {
        double t[3] = {theta[0], theta[1], theta[2]};
        t[r] += h;
        double up = oracle_loss(&D, t);
        t[r] -= 2 * h;
        double down = oracle_loss(&D, t);
        double want = (up - down) / (2 * h);
        EXPECT_NEAR(g[r], want, 1e-8, harness_fmt("g[%d] (dL/d%s) with n = %zu", r, names[r], n),
                    diagnose(g[r], want, n, 1, "g = (1/n) sum_i (p_i - y_i) x~_i with x~_i = (x_i1, x_i2, 1): the bias "
                                               "row uses the 1."));
    }
    for (int c = 0; c < 3; c++) {
        double t[3] = {theta[0], theta[1], theta[2]}, up[3], down[3];
        t[c] += h;
        oracle_gradient(&D, t, up);
        t[c] -= 2 * h;
        oracle_gradient(&D, t, down);
        for (int r = 0; r < 3; r++) {
            double want = (up[r] - down[r]) / (2 * h);
            EXPECT_NEAR(H[3 * r + c], want, 1e-8, harness_fmt("H[%d][%d] with n = %zu", r, c, n),
                        diagnose(H[3 * r + c], want, n, 0,
                                 "H_rc = (1/n) sum_i p_i (1 - p_i) x~_ir x~_ic, stored at H[3 r + c]. The weight is "
                                 "p_i (1 - p_i) (not p_i - y_i), and row/column 2 belongs to the bias (x~_i2 = 1)."));
        }
    }
}

static void test_system(void) {
    const double theta[3] = {0.8, -1.1, 0.3};
    check_system(30, theta);
}

static void test_system_other_sizes(void) {
    const double zero[3] = {0, 0, 0}, far[3] = {2.5, 1.5, -2.0};
    check_system(1, zero);
    check_system(7, far);
    check_system(MAX_N, far);
}

static void test_step(void) {
    Data D = make_data(40);
    double theta[3] = {0.5, -0.4, 0.1}, want[3];
    oracle_step(&D, theta, want);
    int status = newton_step(D.X, D.y, D.n, theta);
    EXPECT_TRUE(status == 0, harness_fmt("newton_step should return 0 when H can be solved; it returned %d", status));
    const char *names[3] = {"w1", "w2", "b"};
    for (int r = 0; r < 3; r++) {
        EXPECT_NEAR(theta[r], want[r], 1e-7, harness_fmt("%s after one step from (0.5, -0.4, 0.1)", names[r]),
                    "theta <- theta - delta where H delta = g. Check the sign (minus), and that you solve "
                    "H delta = g rather than multiplying by H.");
    }
}

static void test_converges(void) {
    Data D = make_data(MAX_N);
    double theta[3] = {0, 0, 0}, g[3];
    int steps = 0;
    for (; steps < 12; steps++) {
        oracle_gradient(&D, theta, g);
        if (sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]) < 1e-12) break;
        if (newton_step(D.X, D.y, D.n, theta) != 0) break;
    }
    oracle_gradient(&D, theta, g);
    double norm = sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    EXPECT_NEAR(norm, 0.0, 1e-12, harness_fmt("||gradient|| after %d of your Newton steps from 0", steps),
                "Newton's method converges quadratically: from w = 0 it should reach the minimum "
                "(gradient about 1e-16) in under 10 steps.");
}

static void test_singular(void) {
    Data D = make_data(20);
    for (size_t i = 0; i < D.n; i++) D.X[2 * i + 1] = -3.0 * D.X[2 * i];   // x2 = -3 x1: H is singular
    double theta[3] = {0.25, 0.5, 0.75};
    int status = newton_step(D.X, D.y, D.n, theta);
    EXPECT_TRUE(status == -1, harness_fmt("with x2 = -3 x1 the Hessian is singular, so newton_step should return -1; "
                                          "it returned %d. Pass on what the solver says.",
                                          status));
    EXPECT_TRUE(theta[0] == 0.25 && theta[1] == 0.5 && theta[2] == 0.75,
                "when the step fails, theta must be left as it was");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"newton_system: gradient and Hessian match finite differences (n = 30)", test_system},
        {"newton_system for other sizes and points (n = 1, 7, 80)", test_system_other_sizes},
        {"newton_step moves theta by -H^-1 g", test_step},
        {"repeated steps reach the minimum", test_converges},
        {"a singular Hessian returns -1 and leaves theta alone", test_singular},
    };
    return harness_run("Exercise 06: a Newton step", tests, sizeof tests / sizeof tests[0]);
}
