/* Exercise 06: one step of Newton's method.
 *
 * Fill in the two functions, then run   make check EX=06
 * Stuck?                                 make hint EX=06
 *
 * The model has d features, and its d + 1 parameters come as one vector
 * theta = (w_1, ..., w_d, b). With the bias written as one more feature that
 * is always 1, each sample is x~_i = (x_i1, ..., x_id, 1) and the score is
 * z_i = theta . x~_i. For p_i = sigma(z_i) call sigmoid() from exercise 01, or
 * write a stable sigma of your own here, as exercise 03 says.
 *
 * You may call the Cholesky solver of lib/linalg.h (included below):
 *     int linalg_solve_spd(double *A, double *x, size_t n, LrError *err);
 * It solves A x = r for a symmetric positive definite n x n matrix A
 * (row-major, overwritten); x holds r on entry and the answer on return.
 * It returns 0, or -1 when A cannot be solved.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "exercises.h"
#include "linalg.h"

/* The gradient g and the Hessian H of the mean cross-entropy at theta:
 *
 *     p_i = sigma(theta . x~_i)
 *     g   = (1/n) sum_i (p_i - y_i) x~_i                    (d + 1 numbers)
 *     H   = (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T           ((d + 1) x (d + 1))
 *
 * that is g_r = (1/n) sum_i (p_i - y_i) x~_ir and
 *         H_rc = (1/n) sum_i p_i (1 - p_i) x~_ir x~_ic   for r, c in 0..d.
 * X holds n rows of d features: feature j of sample i (j = 0 .. d-1) is
 * X[i * d + j], so x~_i is those d numbers and then a 1.
 * H is row-major: H_rc is H[(d + 1) r + c]. */
void newton_system(const double *X, const double *y, size_t n, size_t d, const double *theta, double *g, double *H) {
    TODO();   // the stub's marker: delete this line when you write newton_system
    (void)X;
    (void)y;
    (void)n;
    (void)theta;
    for (size_t r = 0; r <= d; r++) g[r] = 0.0;                  // TODO: (1/n) sum_i (p_i - y_i) x~_i
    for (size_t k = 0; k < (d + 1) * (d + 1); k++) H[k] = 0.0;   // TODO: (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T
}

/* One Newton step: solve H delta = g for delta, then
 *
 *     theta <- theta - delta
 *
 * with g and H from newton_system at the current theta (allocate them with
 * malloc: their sizes depend on d, and free them before you return).
 * Return 0; or, when H cannot be solved, return -1 and leave theta as it
 * was. */
int newton_step(const double *X, const double *y, size_t n, size_t d, double *theta) {
    TODO();   // the stub's marker: delete this line when you write newton_step
    (void)X;
    (void)y;
    (void)n;
    (void)d;
    (void)theta;
    return 0;   // TODO: newton_system, solve H delta = g, theta -= delta
}
