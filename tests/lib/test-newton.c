/* Tests for the chapter 4 and 6 parts of lib/logreg: the decision boundary,
 * the Hessian and Newton's method.
 *
 * The Hessian is checked against central differences of logreg_gradient; the
 * answer of Newton's method against a long gradient-descent run, which is an
 * independent route to the same minimum. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "activation.h"
#include "harness.h"
#include "hessian.h"
#include "logreg.h"

#define TOL 1e-12

/* n rows of d features, by a fixed formula; labels overlap, so the optimum is finite. */
static void make_data(Matrix *X, double *y, size_t n, size_t d) {
    *X = mat_new(n, d);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) *mat_at(X, i, j) = 1.5 * sin(1.3 * (double)i + 2.1 * (double)j) + 0.2 * (double)j;
        y[i] = (i * 7 + 3) % 5 < 2 ? 1.0 : 0.0;
        if (mat_at(X, i, 0)[0] > 1.0) y[i] = 1.0;   // some signal in feature 0
    }
}

/* ---- decision boundary ---------------------------------------------------- */

static void test_boundary(void) {
    LogReg m;
    logreg_init(&m, 2);
    m.w[0] = 2.0;
    m.w[1] = -4.0;
    m.b = 1.0;
    double slope, c;
    EXPECT_TRUE(logreg_boundary_2d(&m, 0.5, &slope, &c) == LOGREG_LINE, "w2 != 0 gives an ordinary line");
    EXPECT_NEAR(slope, 0.5, TOL, "slope of 2 x1 - 4 x2 + 1 = 0", "-w1 / w2");
    EXPECT_NEAR(c, 0.25, TOL, "intercept of 2 x1 - 4 x2 + 1 = 0", "-b / w2");
    // Every point on the line for t = 0.8 has p = 0.8.
    logreg_boundary_2d(&m, 0.8, &slope, &c);
    for (double x1 = -3; x1 <= 3; x1 += 1.5) {
        double x2 = slope * x1 + c;
        double p = 1.0 / (1.0 + exp(-(m.w[0] * x1 + m.w[1] * x2 + m.b)));
        EXPECT_NEAR(p, 0.8, TOL, harness_fmt("p on the t = 0.8 line at x1 = %g", x1), "w.x + b = log(t / (1 - t))");
    }
    m.w[1] = 0.0;
    EXPECT_TRUE(logreg_boundary_2d(&m, 0.5, &slope, &c) == LOGREG_VERTICAL, "w2 = 0 gives a vertical line");
    EXPECT_TRUE(isinf(slope) && slope > 0, "a vertical line's slope is +INFINITY");
    EXPECT_NEAR(c, -0.5, TOL, "x1 of the vertical line 2 x1 + 1 = 0", "-b / w1");
    m.w[0] = 0.0;
    EXPECT_TRUE(logreg_boundary_2d(&m, 0.5, &slope, &c) == LOGREG_NO_LINE && isnan(slope) && isnan(c),
                "w = 0: no boundary, slope and intercept NAN");
    logreg_free(&m);
}

/* ---- Hessian -------------------------------------------------------------- */

/* Column k of H is the change of the gradient (dw, db) when parameter k moves. */
static void test_hessian(void) {
    Matrix X;
    double y[11];
    make_data(&X, y, 11, 3);
    LogReg m;
    logreg_init(&m, 3);
    m.w[0] = 0.4;
    m.w[1] = -0.9;
    m.w[2] = 0.3;
    m.b = 0.2;
    const double lambda = 0.7, h = 1e-5;
    double H[16], up[4], down[4];
    logreg_hessian(&m, &X, lambda, H);
    for (size_t k = 0; k < 4; k++) {
        double *theta = k < 3 ? &m.w[k] : &m.b, saved = *theta;
        *theta = saved + h;
        up[3] = logreg_gradient(&m, &X, y, lambda, up);
        *theta = saved - h;
        down[3] = logreg_gradient(&m, &X, y, lambda, down);
        *theta = saved;
        for (size_t r = 0; r < 4; r++) {
            EXPECT_NEAR(H[r * 4 + k], (up[r] - down[r]) / (2 * h), 1e-9, harness_fmt("H[%zu][%zu]", r, k),
                        "(1/n) sum_i s_i x~_i x~_i^T + (lambda/n) I on the weights, bias last");
        }
    }
    EXPECT_NEAR(H[1 * 4 + 2], H[2 * 4 + 1], 0.0, "H[1][2] - H[2][1]", "H is symmetric");
    logreg_free(&m);
    mat_free(&X);
}

/* lib/hessian's blocked, tiled sum gives logreg_hessian's bits: for d from 1
 * to past two tiles (33) and n across the block size (63, 64, 65, 200), each
 * entry still adds its terms in row order. Rows added in two calls (0..k,
 * then k..n, as Newton's pass does) give the same bits too. */
static void test_hessian_blocked(void) {
    static const size_t ds[] = {1, 2, 3, 7, 8, 20, 33}, ns[] = {1, 63, 64, 65, 200};
    for (size_t a = 0; a < sizeof ds / sizeof ds[0]; a++) {
        for (size_t b = 0; b < sizeof ns / sizeof ns[0]; b++) {
            size_t d = ds[a], n = ns[b], k = d + 1, split = n / 3, differ = 0, differ_split = 0;
            Matrix X;
            double *y = vec_new(n), *s = vec_new(n), *want = vec_new(k * k), *got = vec_new(k * k), *two = vec_new(k * k);
            make_data(&X, y, n, d);
            LogReg m;
            logreg_init(&m, d);
            for (size_t j = 0; j < d; j++) m.w[j] = 0.3 * sin((double)j + 1.0);
            m.b = -0.2;
            for (size_t i = 0; i < n; i++) {   // s_i = p_i (1 - p_i), as logreg_hessian computes it
                double p = act_sigmoid_select(vec_dot(mat_row(&X, i), m.w, d) + m.b);
                s[i] = p * (1.0 - p);
            }
            logreg_hessian(&m, &X, 0.7, want);
            hessian_sum(&X, s, 0.7, got);
            HessianSums h;
            hessian_begin(&h, d);
            hessian_add_rows(&h, &X, s, 0, split);
            hessian_add_rows(&h, &X, &s[split], split, n);
            hessian_finish(&h, n, 0.7, two);
            hessian_free(&h);
            for (size_t e = 0; e < k * k; e++) {
                differ += memcmp(&got[e], &want[e], sizeof(double)) != 0;
                differ_split += memcmp(&two[e], &want[e], sizeof(double)) != 0;
            }
            EXPECT_TRUE(differ == 0 && differ_split == 0,
                        harness_fmt("n = %zu, d = %zu: hessian_sum differs from logreg_hessian in %zu of %zu entries, "
                                    "in two calls in %zu (each entry must add the same terms in the same order)",
                                    n, d, differ, k * k, differ_split));
            logreg_free(&m);
            mat_free(&X);
            free(y), free(s), free(want), free(got), free(two);
        }
    }
}

/* ---- Newton's method ------------------------------------------------------ */

static void test_newton_reaches_optimum(void) {
    Matrix X;
    double y[40];
    make_data(&X, y, 40, 2);
    for (int with_l2 = 0; with_l2 <= 1; with_l2++) {
        double lambda = with_l2 ? 2.0 : 0.0;
        LogReg newton, gd;
        logreg_init(&newton, 2);
        logreg_init(&gd, 2);
        LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = lambda};
        LogRegNewtonIter trace[LOGREG_NEWTON_MAX_ITER + 1];
        LogRegNewtonResult res;
        LrError err;
        EXPECT_TRUE(logreg_fit_newton(&newton, &X, y, &par, trace, &res, &err) == 0, "Newton runs without error");
        EXPECT_TRUE(res.converged && res.iterations <= 10,
                    harness_fmt("Newton converges in a few steps (took %zu, converged %d)", res.iterations, res.converged));
        EXPECT_NEAR(res.grad_norm, 0.0, 1e-12, "gradient norm at Newton's answer", "the minimum is where the gradient is 0");
        EXPECT_NEAR(trace[0].loss, log(2.0) + 0.0, 1e-15, "loss at the start w = 0, b = 0", "log 2");
        EXPECT_NEAR(trace[res.iterations].grad_norm, res.grad_norm, 0.0, "the last trace row", "is the answer");
        int falling = 1, full_steps = 1;
        for (size_t k = 1; k <= res.iterations; k++) {
            falling &= trace[k].loss <= trace[k - 1].loss;
            full_steps &= trace[k].step_scale == 1.0;
        }
        EXPECT_TRUE(falling, "the loss never rises along Newton's iterates");
        EXPECT_TRUE(full_steps, "every step is a full Newton step on this data");
        // Quadratic convergence: once small, the gradient norm is about squared each step.
        size_t k = res.iterations;
        EXPECT_TRUE(k >= 2 && trace[k - 1].grad_norm < 10 * trace[k - 2].grad_norm * trace[k - 2].grad_norm,
                    harness_fmt("the last steps converge quadratically: %.3g after %.3g", trace[k - 1].grad_norm,
                                trace[k - 2].grad_norm));
        // Gradient descent, run long enough, reaches the same point.
        LogRegParams gd_par = {.lr = 1.0, .epochs = 20000, .lambda = lambda};
        logreg_fit_gd(&gd, &X, y, &gd_par, NULL);
        for (size_t j = 0; j < 2; j++) {
            EXPECT_NEAR(newton.w[j], gd.w[j], 1e-9, harness_fmt("w[%zu], Newton vs 20000 GD steps (lambda %g)", j, lambda),
                        "two methods, one minimum");
        }
        EXPECT_NEAR(newton.b, gd.b, 1e-9, harness_fmt("b, Newton vs 20000 GD steps (lambda %g)", lambda),
                    "two methods, one minimum");
        logreg_free(&newton);
        logreg_free(&gd);
    }
    mat_free(&X);
}

static void test_newton_iteration_cap(void) {
    Matrix X;
    double y[40];
    make_data(&X, y, 40, 2);
    LogReg m;
    logreg_init(&m, 2);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = 2, .lambda = 0.0};
    LogRegNewtonResult res;
    LrError err;
    EXPECT_TRUE(logreg_fit_newton(&m, &X, y, &par, NULL, &res, &err) == 0 && res.iterations == 2 && !res.converged,
                "with max_iter = 2 Newton stops after 2 steps and says it did not converge");
    logreg_free(&m);
    mat_free(&X);
}

static void test_newton_singular(void) {
    Matrix X;
    double y[40];
    make_data(&X, y, 40, 2);
    for (size_t i = 0; i < 40; i++) *mat_at(&X, i, 1) = 2.0 * *mat_at(&X, i, 0);   // x2 = 2 x1
    LogReg m;
    logreg_init(&m, 2);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
    LogRegNewtonResult res;
    LrError err = {""};
    EXPECT_TRUE(logreg_fit_newton(&m, &X, y, &par, NULL, &res, &err) == -1,
                "two proportional features make the Hessian singular: Newton reports an error");
    EXPECT_TRUE(strstr(err.msg, "singular") != NULL, harness_fmt("the message says so: '%s'", err.msg));
    // With an L2 penalty the same problem has a unique answer again.
    par.lambda = 1.0;
    logreg_free(&m);
    logreg_init(&m, 2);
    EXPECT_TRUE(logreg_fit_newton(&m, &X, y, &par, NULL, &res, &err) == 0 && res.converged,
                "lambda > 0 makes the Hessian positive definite");
    EXPECT_NEAR(m.w[1], 2.0 * m.w[0], 1e-9, "w2 with x2 = 2 x1 and L2", "the penalty splits the weight as 1 : 2");
    logreg_free(&m);
    mat_free(&X);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"logreg_boundary_2d: ordinary, vertical and no line", test_boundary},
        {"logreg_hessian matches differences of the gradient", test_hessian},
        {"hessian_sum, in blocks and tiles, gives logreg_hessian's bits", test_hessian_blocked},
        {"logreg_fit_newton reaches the minimum, quadratically", test_newton_reaches_optimum},
        {"logreg_fit_newton stops at max_iter and says so", test_newton_iteration_cap},
        {"logreg_fit_newton reports a singular Hessian", test_newton_singular},
    };
    return harness_run("lib: Newton's method and the boundary", tests, sizeof tests / sizeof tests[0]);
}
