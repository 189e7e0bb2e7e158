/* Exercise 06: one step of Newton's method.
 *
 * Fill in the two functions, then run   make check EX=06
 * Stuck?                                 make hint EX=06
 *
 * The model has d = 2 features, and its three parameters come as one vector
 * theta = (w1, w2, b). With the bias written as a third feature that is
 * always 1, each sample is x~_i = (x_i1, x_i2, 1) and the score is
 * z_i = theta . x~_i. As in exercise 03, compute sigma(z) here yourself.
 *
 * You may call the Cholesky solver of lib/linalg.h (included below):
 *     int linalg_solve_spd(double *A, double *x, size_t n, LrError *err);
 * It solves A x = r for a symmetric positive definite n x n matrix A
 * (row-major, overwritten); x holds r on entry and the answer on return.
 * It returns 0, or -1 when A cannot be solved.
 */
#include <math.h>
#include <stddef.h>

#include "exercises.h"
#include "linalg.h"

/* The gradient g and the Hessian H of the mean cross-entropy at theta:
 *
 *     p_i = sigma(theta . x~_i)
 *     g   = (1/n) sum_i (p_i - y_i) x~_i                    (3 numbers)
 *     H   = (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T           (3 x 3)
 *
 * that is g_r = (1/n) sum_i (p_i - y_i) x~_ir and
 *         H_rc = (1/n) sum_i p_i (1 - p_i) x~_ir x~_ic   for r, c in 0..2.
 * X holds n rows of 2 features: x_i1 is X[2 i], x_i2 is X[2 i + 1].
 * H is row-major: H_rc is H[3 r + c]. */
void newton_system(const double *X, const double *y, size_t n, const double *theta, double *g, double *H) {
    TODO();   // the stub's marker: delete this line when you write newton_system
    (void)X;
    (void)y;
    (void)n;
    (void)theta;
    for (int r = 0; r < 3; r++) g[r] = 0.0;   // TODO: (1/n) sum_i (p_i - y_i) x~_i
    for (int k = 0; k < 9; k++) H[k] = 0.0;   // TODO: (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T
}

/* One Newton step: solve H delta = g for delta, then
 *
 *     theta <- theta - delta
 *
 * with g and H from newton_system at the current theta. Return 0; or, when
 * H cannot be solved, return -1 and leave theta as it was. */
int newton_step(const double *X, const double *y, size_t n, double *theta) {
    TODO();   // the stub's marker: delete this line when you write newton_step
    (void)X;
    (void)y;
    (void)n;
    (void)theta;
    return 0;   // TODO: newton_system, solve H delta = g, theta -= delta
}
