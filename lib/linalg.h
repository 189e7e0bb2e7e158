/* linalg: solving a small symmetric positive definite system A x = r by
 * Cholesky factorisation, A = L L^T with L lower triangular.
 *
 * Newton's method (lib/logreg, chapter 6) solves H delta = g with the
 * Hessian H of the loss, a (d+1) x (d+1) matrix that is symmetric and
 * positive definite whenever the data have full rank. Cholesky is the
 * natural solver for that: half the work of Gaussian elimination, no
 * pivoting, and it notices when A is not positive definite.
 *
 * Matrices are plain arrays of n * n doubles, row-major: a_ij is A[i * n + j].
 *
 *     double A[4] = {4, 2,
 *                    2, 3};
 *     double x[2] = {2, 1};               // the right-hand side r, overwritten by x
 *     LrError err;
 *     if (linalg_solve_spd(A, x, 2, &err) != 0) ...   // x is now (0.5, 0)
 */
#ifndef LR_LINALG_H
#define LR_LINALG_H

#include <stddef.h>

#include "util.h"

/* A pivot a_jj - sum_k l_jk^2 at or below LINALG_PIVOT_TOL * a_jj means that
 * column j of A is a combination of the columns before it, up to rounding:
 * A is singular to working precision (or not positive definite at all), and
 * a "solution" would be noise. */
#define LINALG_PIVOT_TOL 1e-12

/* Factors A = L L^T in place: on success the lower triangle of A (diagonal
 * included) holds L, and the strict upper triangle is set to 0. Only the
 * lower triangle of A is read. A is (n, n).
 * Returns 0, or -1 with a message in err when A is not (numerically)
 * positive definite: a pivot came out <= LINALG_PIVOT_TOL * a_jj, or NaN.
 * A is then partly overwritten. */
int linalg_cholesky(double *A, size_t n, LrError *err);

/* Solves L L^T x = r given the factor L from linalg_cholesky: forward
 * substitution L u = r, then back substitution L^T x = u. L is (n, n);
 * x holds r on entry and the solution on return, (n). */
void linalg_cholesky_solve(const double *L, double *x, size_t n);

/* Solves A x = r for a symmetric positive definite A: linalg_cholesky then
 * linalg_cholesky_solve. A is (n, n) and is overwritten by its factor; x holds
 * r on entry and the solution on return, (n). Returns 0, or -1 with a message
 * in err (A not positive definite; x is then untouched). */
int linalg_solve_spd(double *A, double *x, size_t n, LrError *err);

/* Pins unknown i of the system A x = r at no change: row and column i of A
 * become those of the identity and r_i = 0, so x_i = 0 and the others are
 * solved without it. Newton's method pins a constant column's weight: its
 * row of the Hessian is a multiple of the bias's, which makes A singular.
 * A is (n, n), r is (n). */
void linalg_pin(double *A, double *r, size_t n, size_t i);

#endif
