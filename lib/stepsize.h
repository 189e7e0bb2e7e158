/* stepsize: the largest learning rate gradient descent can take on a data
 * set, computed from the data before training.
 *
 * The mean cross-entropy of logistic regression (plus the L2 penalty
 * (lambda / 2n) ||w||^2) is a convex function of the d + 1 parameters (w, b)
 * whose curvature is bounded: its Hessian
 *     H = (1/n) X~^T S X~ + (lambda / n) I,   X~ = [X, 1] (n, d + 1),
 *     S = diag(p_i (1 - p_i)),  p_i (1 - p_i) <= 1/4,
 * is never larger than
 *     L = lambda_max(X~^T X~) / (4n) + lambda / n.
 * Gradient descent with a step eta < 2 / L lowers the loss at every epoch,
 * from any start (the descent lemma); a larger step may still work (the loss
 * rises for a while, then falls) but nothing promises it. lambda_max is found
 * by power iteration: v <- A v / ||A v||, A = X~^T X~. With up to
 * STEPSIZE_GRAM_MAX columns A is formed once (one pass over the rows) and
 * each step costs (d + 1)^2; with more, each step is a product with X and
 * one with X^T, and A is never formed.
 *
 *     double lr_max = stepsize_max_lr(&ds.X, 0.0, STEPSIZE_TOL);   // 4.8e-06 on raw breast cancer
 */
#ifndef LR_STEPSIZE_H
#define LR_STEPSIZE_H

#include <stddef.h>

#include "matrix.h"

/* Power iteration stops when what the estimate still has to rise, judged
 * from how fast its last steps shrank, is below tol (relative), or after
 * STEPSIZE_MAX_ITER steps (two top eigenvalues within 1 % of each other
 * take about 1500 at STEPSIZE_TOL). STEPSIZE_TOL is for comparing with
 * NumPy; a message that shows two digits needs only STEPSIZE_MESSAGE_TOL,
 * which on 10^6 rows of two similar features takes a tenth of the steps. */
#define STEPSIZE_TOL 1e-10
#define STEPSIZE_MESSAGE_TOL 1e-4
#define STEPSIZE_MAX_ITER 3000
/* Up to this many columns of X~ the iteration works on X~^T X~. */
#define STEPSIZE_GRAM_MAX 64

/* The largest eigenvalue of X~^T X~ with X~ = [X, 1]: X is (n, d), n >= 1,
 * to tol (relative; STEPSIZE_TOL or STEPSIZE_MESSAGE_TOL). *iterations (if
 * not NULL) gets the number of power-iteration steps. */
double stepsize_lam_max(const Matrix *X, double tol, size_t *iterations);

/* L = lambda_max(X~^T X~) / (4n) + lambda / n: the most the loss can curve.
 * X is (n, d); lambda >= 0 is the L2 strength (0: none); tol as above. */
double stepsize_curvature(const Matrix *X, double lambda, double tol);

/* 2 / L: gradient descent is stable for every learning rate below it. */
double stepsize_max_lr(const Matrix *X, double lambda, double tol);

/* The largest learning rate column j alone allows, 8 / mean_i(x_ij^2):
 * lambda_max(X~^T X~) is at least the diagonal entry sum_i x_ij^2, so a
 * learning rate above this is unsafe whatever the other columns hold.
 * INFINITY for a column of zeros. X is (n, d), j < d. */
double stepsize_column_max_lr(const Matrix *X, size_t j);

#endif
