/* Tests for exercise 06: newton_system and newton_step.
 *
 * The gradient is checked against central finite differences of the loss
 * and the Hessian against finite differences of the gradient (both computed
 * here), on data of several sizes and of 1 to 4 features. The step is
 * checked against the test's own step, solved by Gaussian elimination (a
 * different method from Cholesky), and Newton's method built from your step
 * must reach the minimum in a few iterations. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define MAX_N 80
#define MAX_D 4
#define MAX_K (MAX_D + 1)   // parameters: the weights and the bias

typedef struct {
    size_t n, d;
    double X[MAX_N * MAX_D];   // (n, d)
    double y[MAX_N];           // (n)
} Data;

/* Two overlapping classes of d features, so the minimum is finite. */
static Data make_data(size_t n, size_t d) {
    Data D = {.n = n, .d = d};
    for (size_t i = 0; i < n; i++) {
        double z = 1.2 * sin(4.1 * (double)i) - 0.2;
        for (size_t j = 0; j < d; j++) {
            double x = (2.0 - 0.3 * (double)j) * sin((1.37 + 0.45 * (double)j) * (double)i + 0.5 + (double)j) + 0.3 * (double)j;
            D.X[i * d + j] = x;
            z += (j % 2 ? -0.7 : 1.0) * x;
        }
        D.y[i] = z > 0 ? 1.0 : 0.0;
    }
    return D;
}

/* z_i = theta . x~_i */
static double score(const Data *D, size_t i, const double *theta) {
    double z = theta[D->d];
    for (size_t j = 0; j < D->d; j++) z += theta[j] * D->X[i * D->d + j];
    return z;
}

static double oracle_loss(const Data *D, const double *theta) {
    double sum = 0.0;
    for (size_t i = 0; i < D->n; i++) {
        double p = 1.0 / (1.0 + exp(-score(D, i, theta)));
        sum += -(D->y[i] * log(p) + (1 - D->y[i]) * log(1 - p));
    }
    return sum / (double)D->n;
}

/* The gradient as the test computes it: g (d + 1). */
static void oracle_gradient(const Data *D, const double *theta, double *g) {
    size_t d = D->d;
    for (size_t r = 0; r <= d; r++) g[r] = 0.0;
    for (size_t i = 0; i < D->n; i++) {
        double e = 1.0 / (1.0 + exp(-score(D, i, theta))) - D->y[i];
        for (size_t r = 0; r <= d; r++) g[r] += e * (r < d ? D->X[i * d + r] : 1.0) / (double)D->n;
    }
}

/* The test's Newton step: H from differences of the gradient (accurate to
 * ~1e-10), then H delta = g by Gaussian elimination with partial pivoting. */
static void oracle_step(const Data *D, const double *theta, double *next) {
    const double h = 1e-6;
    size_t k = D->d + 1;
    double A[MAX_K][MAX_K + 1], up[MAX_K], down[MAX_K], g[MAX_K];
    oracle_gradient(D, theta, g);
    for (size_t c = 0; c < k; c++) {
        double t[MAX_K];
        memcpy(t, theta, k * sizeof *t);
        t[c] += h;
        oracle_gradient(D, t, up);
        t[c] -= 2 * h;
        oracle_gradient(D, t, down);
        for (size_t r = 0; r < k; r++) A[r][c] = (up[r] - down[r]) / (2 * h);
    }
    for (size_t r = 0; r < k; r++) A[r][k] = g[r];
    for (size_t c = 0; c < k; c++) {   // eliminate column c below the largest pivot
        size_t p = c;
        for (size_t r = c + 1; r < k; r++) p = fabs(A[r][c]) > fabs(A[p][c]) ? r : p;
        for (size_t m = 0; m <= k; m++) {
            double s = A[c][m];
            A[c][m] = A[p][m];
            A[p][m] = s;
        }
        for (size_t r = c + 1; r < k; r++) {
            double f = A[r][c] / A[c][c];
            for (size_t m = c; m <= k; m++) A[r][m] -= f * A[c][m];
        }
    }
    for (size_t r = k; r-- > 0;) {   // back substitution: delta_r = (g'_r - sum_{m > r} A_rm delta_m) / A_rr
        double s = A[r][k];
        for (size_t m = r + 1; m < k; m++) s -= A[r][m] * (theta[m] - next[m]);
        next[r] = theta[r] - s / A[r][r];
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

/* "w1" .. "wd", or "b" for the last parameter (in a buffer of its own,
 * valid until the next call). */
static const char *param(size_t r, size_t d) {
    static char name[24];
    if (r < d) snprintf(name, sizeof name, "w%zu", r + 1);
    else snprintf(name, sizeof name, "b");
    return name;
}

static void check_system(size_t n, size_t d, const double *theta) {
    Data D = make_data(n, d);
    size_t k = d + 1;
    double g[MAX_K + 1], H[MAX_K * MAX_K + 1];
    for (size_t m = 0; m < k; m++) g[m] = HARNESS_UNSET;   // every entry must be written
    for (size_t m = 0; m < k * k; m++) H[m] = HARNESS_UNSET;
    g[k] = H[k * k] = 12345.0;
    newton_system(D.X, D.y, n, d, theta, g, H);
    if (!EXPECT_TRUE(g[k] == 12345.0 && H[k * k] == 12345.0,
                     harness_fmt("newton_system wrote past g[%zu] or H[%zu]: with d = %zu, g has d + 1 = %zu entries "
                                 "and H has %zu.",
                                 d, k * k - 1, d, k, k * k))) {
        return;
    }
    char h_rule[320];   // what H is, for this d
    snprintf(h_rule, sizeof h_rule,
             "H_rc = (1/n) sum_i p_i (1 - p_i) x~_ir x~_ic, stored at H[(d + 1) r + c] = H[%zu r + c]. The weight is "
             "p_i (1 - p_i) (not p_i - y_i), and row and column d = %zu belong to the bias (x~_id = 1).",
             k, d);
    // the gradient with the bias taken as 0 in the score: what a score that
    // leaves out + theta[d] computes (when the bias is not 0 already)
    double t0[MAX_K], no_bias[MAX_K];
    memcpy(t0, theta, k * sizeof *t0);
    t0[d] = 0.0;
    oracle_gradient(&D, t0, no_bias);
    int bias_left_out = theta[d] != 0.0;
    for (size_t r = 0; r < k; r++) bias_left_out = bias_left_out && fabs(g[r] - no_bias[r]) <= 1e-8;
    const char *no_bias_why = "It is the value with the bias at 0: your score leaves out the bias. "
                              "z_i = x_i . w + b, with the bias b = theta[d] (the last parameter).";
    const double h = 1e-5;
    for (size_t r = 0; r < k; r++) {
        double t[MAX_K];
        memcpy(t, theta, k * sizeof *t);
        t[r] += h;
        double up = oracle_loss(&D, t);
        t[r] -= 2 * h;
        double down = oracle_loss(&D, t);
        double want = (up - down) / (2 * h);
        EXPECT_NEAR(g[r], want, 1e-8, harness_fmt("g[%zu] (dL/d%s) with n = %zu, d = %zu", r, param(r, d), n, d),
                    bias_left_out ? no_bias_why
                                  : diagnose(g[r], want, n, 1,
                                             "g = (1/n) sum_i (p_i - y_i) x~_i with x~_i = (x_i1, ..., x_id, 1): "
                                             "the bias row, the last, uses the 1."));
    }
    for (size_t c = 0; c < k; c++) {
        double t[MAX_K], up[MAX_K], down[MAX_K];
        memcpy(t, theta, k * sizeof *t);
        t[c] += h;
        oracle_gradient(&D, t, up);
        t[c] -= 2 * h;
        oracle_gradient(&D, t, down);
        for (size_t r = 0; r < k; r++) {
            double want = (up[r] - down[r]) / (2 * h);
            EXPECT_NEAR(H[k * r + c], want, 1e-8, harness_fmt("H[%zu][%zu] with n = %zu, d = %zu", r, c, n, d),
                        bias_left_out ? no_bias_why : diagnose(H[k * r + c], want, n, 0, h_rule));
        }
    }
}

static void test_system(void) {
    const double theta[3] = {0.8, -1.1, 0.3};
    check_system(30, 2, theta);
}

static void test_system_other_sizes(void) {
    const double zero[MAX_K] = {0}, far[3] = {2.5, 1.5, -2.0}, one[2] = {-0.6, 0.4};
    const double three[4] = {0.3, -0.5, 0.2, 0.1}, four[5] = {-0.4, 0.6, 0.25, -0.3, 0.5};
    check_system(1, 2, zero);
    check_system(7, 2, far);
    check_system(MAX_N, 2, far);
    check_system(13, 1, one);
    check_system(25, 3, three);
    check_system(MAX_N, 4, four);
}

/* One step from theta (d + 1) on n samples of d features, against the test's. */
/* What a newton_step test says while newton_system's tests fail. */
#define AFTER_SYSTEM                                                                                         \
    "Fix newton_system first (its tests above fail): newton_step solves the system it makes. Then, if this " \
    "still fails: theta <- theta - delta where H delta = g."

static void check_step(size_t n, size_t d, const double *start, int failed_before) {
    Data D = make_data(n, d);
    size_t k = d + 1;
    double theta[MAX_K], want[MAX_K];
    memcpy(theta, start, k * sizeof *theta);
    oracle_step(&D, theta, want);
    int status = newton_step(D.X, D.y, D.n, d, theta);
    if (!EXPECT_TRUE(status == 0, harness_fmt("newton_step (d = %zu) should return 0 when H can be solved; it "
                                              "returned %d",
                                              d, status))) {
        return;
    }
    for (size_t r = 0; r < k; r++) {
        EXPECT_NEAR(theta[r], want[r], 1e-7, harness_fmt("%s after one step with d = %zu, n = %zu", param(r, d), d, n),
                    failed_before > 0 ? AFTER_SYSTEM
                                      : "theta <- theta - delta where H delta = g. Check the sign (minus), and that "
                                        "you solve H delta = g rather than multiplying by H.");
    }
}

/* The failed checks of newton_system's tests, which run first. */
static int system_failed;

static void test_step(void) {
    system_failed = harness_failures();
    check_step(40, 2, (const double[]){0.5, -0.4, 0.1}, system_failed);
    check_step(60, 3, (const double[]){0.2, -0.1, 0.3, 0.05}, system_failed);
    check_step(15, 1, (const double[]){-0.2, 0.3}, system_failed);
}

static double norm(const double *g, size_t k) {
    double s = 0.0;
    for (size_t r = 0; r < k; r++) s += g[r] * g[r];
    return sqrt(s);
}

static void check_converges(size_t d, int failed_before) {
    Data D = make_data(MAX_N, d);
    double theta[MAX_K] = {0}, g[MAX_K];
    int steps = 0;
    for (; steps < 12; steps++) {
        oracle_gradient(&D, theta, g);
        if (norm(g, d + 1) < 1e-12) break;
        if (newton_step(D.X, D.y, D.n, d, theta) != 0) break;
    }
    oracle_gradient(&D, theta, g);
    EXPECT_NEAR(norm(g, d + 1), 0.0, 1e-12,
                harness_fmt("||gradient|| after %d of your Newton steps from 0 (d = %zu)", steps, d),
                failed_before > 0 ? AFTER_SYSTEM
                                  : "Newton's method converges quadratically: from theta = 0 it should reach the "
                                    "minimum (gradient about 1e-16) in under 10 steps.");
}

static void test_converges(void) {
    check_converges(2, system_failed);
    check_converges(4, system_failed);
}

static void test_singular(void) {
    Data D = make_data(20, 2);
    for (size_t i = 0; i < D.n; i++) D.X[2 * i + 1] = -3.0 * D.X[2 * i];   // x2 = -3 x1: H is singular
    double theta[3] = {0.25, 0.5, 0.75};
    int status = newton_step(D.X, D.y, D.n, 2, theta);
    EXPECT_TRUE(status == -1, harness_fmt("with x2 = -3 x1 the Hessian is singular, so newton_step should return -1; "
                                          "it returned %d. Pass on what the solver says.",
                                          status));
    EXPECT_TRUE(theta[0] == 0.25 && theta[1] == 0.5 && theta[2] == 0.75,
                "when the step fails, theta must be left as it was");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"newton_system: gradient and Hessian match finite differences (n = 30, d = 2)", test_system},
        {"newton_system for other sizes, features and points (n = 1 to 80, d = 1 to 4)", test_system_other_sizes},
        {"newton_step moves theta by -H^-1 g (d = 1, 2, 3)", test_step},
        {"repeated steps reach the minimum (d = 2 and 4)", test_converges},
        {"a singular Hessian returns -1 and leaves theta alone", test_singular},
    };
    return harness_run("Exercise 06: a Newton step", tests, sizeof tests / sizeof tests[0]);
}
