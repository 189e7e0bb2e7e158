/* Tests for lib/linalg: Cholesky factorisation and the SPD solver.
 *
 * The systems are built backwards: pick x, compute r = A x, and check that
 * the solver gives x back. A = B^T B + n I is symmetric positive definite for
 * any B, and well conditioned, so the answer is good to about 1e-14. */
#include <math.h>
#include <string.h>

#include "harness.h"
#include "linalg.h"

#define TOL 1e-12
#define MAX_N 7

/* A = B^T B + n I with B_ij = sin(i + 2j + 1), and x_j = j - 1.5. */
static void make_system(size_t n, double *A, double *x_true, double *r) {
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double sum = i == j ? (double)n : 0.0;
            for (size_t k = 0; k < n; k++) sum += sin((double)(k + 2 * i + 1)) * sin((double)(k + 2 * j + 1));
            A[i * n + j] = sum;
        }
        x_true[i] = (double)i - 1.5;
    }
    for (size_t i = 0; i < n; i++) {
        r[i] = 0.0;
        for (size_t j = 0; j < n; j++) r[i] += A[i * n + j] * x_true[j];
    }
}

static void test_known_2x2(void) {
    // 4 x + 2 y = 2, 2 x + 3 y = 1  =>  x = 1/2, y = 0; L = [[2, 0], [1, sqrt 2]]
    double A[4] = {4, 2, 2, 3}, x[2] = {2, 1};
    LrError err;
    EXPECT_TRUE(linalg_solve_spd(A, x, 2, &err) == 0, "a positive definite 2 x 2 system is solved");
    EXPECT_NEAR(x[0], 0.5, TOL, "x", "4x + 2y = 2, 2x + 3y = 1 has x = 1/2");
    EXPECT_NEAR(x[1], 0.0, TOL, "y", "4x + 2y = 2, 2x + 3y = 1 has y = 0");
    EXPECT_NEAR(A[0], 2.0, TOL, "l_00", "sqrt(4)");
    EXPECT_NEAR(A[2], 1.0, TOL, "l_10", "2 / l_00");
    EXPECT_NEAR(A[3], sqrt(2.0), TOL, "l_11", "sqrt(3 - 1^2)");
    EXPECT_NEAR(A[1], 0.0, 0.0, "l_01", "the upper triangle of L is zero");
}

static void test_sizes(void) {
    for (size_t n = 1; n <= MAX_N; n++) {
        double A[MAX_N * MAX_N], A0[MAX_N * MAX_N], x_true[MAX_N], x[MAX_N];
        make_system(n, A, x_true, x);
        memcpy(A0, A, sizeof A);
        LrError err;
        EXPECT_TRUE(linalg_solve_spd(A, x, n, &err) == 0, harness_fmt("the %zu x %zu system is solved", n, n));
        double worst = 0.0;
        for (size_t i = 0; i < n; i++) worst = fmax(worst, fabs(x[i] - x_true[i]));
        EXPECT_NEAR(worst, 0.0, TOL, harness_fmt("largest error in x for n = %zu", n),
                    "forward then back substitution must give back the x that made r");
        // L L^T must rebuild A.
        double rebuilt = 0.0;
        for (size_t i = 0; i < n; i++) {
            for (size_t j = 0; j < n; j++) {
                double sum = 0.0;
                for (size_t k = 0; k < n; k++) sum += A[i * n + k] * A[j * n + k];
                rebuilt = fmax(rebuilt, fabs(sum - A0[i * n + j]));
            }
        }
        EXPECT_NEAR(rebuilt, 0.0, 1e-12 * (double)n * (double)n, harness_fmt("max |L L^T - A| for n = %zu", n),
                    "the factor must reproduce A");
    }
}

static void test_not_positive_definite(void) {
    LrError err = {""};
    double indefinite[4] = {1, 2, 2, 1};   // eigenvalues 3 and -1
    EXPECT_TRUE(linalg_cholesky(indefinite, 2, &err) == -1, "[[1, 2], [2, 1]] is refused: an eigenvalue is -1");
    EXPECT_TRUE(strstr(err.msg, "not positive definite") != NULL, harness_fmt("the message says why: '%s'", err.msg));
    double singular[9] = {1, 2, 3, 2, 4, 6, 3, 6, 9};   // rank 1: every row a multiple of the first
    EXPECT_TRUE(linalg_cholesky(singular, 3, &err) == -1, "a rank-1 3 x 3 matrix is refused");
    double nearly[4] = {1, 1, 1, 1 + 1e-15};   // singular up to rounding
    EXPECT_TRUE(linalg_cholesky(nearly, 2, &err) == -1, "[[1, 1], [1, 1 + 1e-15]] is singular to working precision");
    double zero[1] = {0};
    EXPECT_TRUE(linalg_cholesky(zero, 1, &err) == -1, "the 1 x 1 matrix 0 is refused");
    double nan[1] = {NAN};
    EXPECT_TRUE(linalg_cholesky(nan, 1, &err) == -1, "a NaN on the diagonal is refused");
    double x[2] = {7, 8}, again[4] = {1, 2, 2, 1};
    EXPECT_TRUE(linalg_solve_spd(again, x, 2, &err) == -1 && x[0] == 7 && x[1] == 8,
                "linalg_solve_spd fails without touching x");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"a 2 x 2 system with a known factor and answer", test_known_2x2},
        {"systems of size 1 to 7 are solved to 1e-12", test_sizes},
        {"indefinite, singular and NaN matrices are refused", test_not_positive_definite},
    };
    return harness_run("lib: linalg", tests, sizeof tests / sizeof tests[0]);
}
