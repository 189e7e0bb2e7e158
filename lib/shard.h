/* shard: data-parallel training pieces that need no network. Each of P
 * processes holds a contiguous block of rows, a shard; it computes sums over
 * its own rows only, and an all-reduce (lib/comm) adds the P sums, after
 * which every process holds the same global sums and takes the same step.
 *
 *     size_t lo, hi;
 *     shard_range(n, P, rank, &lo, &hi);        // my rows: lo .. hi-1
 *     double s[SHARD_GRAD_LEN(d)];              // (d + 3) sums, see below
 *     shard_grad_sums(&m, &X, y, 0, X.rows, s); // over my rows
 *     comm_sum(&comm, s, SHARD_GRAD_LEN(d));    // now over every row
 *     double db = shard_gradient(s, d, lambda, m.w, dw);
 *
 * Sums, never means: a mean over a shard of 3 rows and one over a shard of
 * 4 rows cannot be added or averaged into the mean over 7 rows, but their
 * sums and counts can.
 */
#ifndef LR_SHARD_H
#define LR_SHARD_H

#include <stddef.h>
#include <stdint.h>

#include "logreg.h"
#include "matrix.h"

/* Splits rows 0 .. n-1 into P contiguous shards whose sizes differ by at most
 * one (the first n mod P shards get the extra row); shard rank (0 .. P-1) is
 * rows lo .. hi-1. When P > n some shards are empty (lo == hi). */
void shard_range(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi);

/* The length of the sums shard_grad_sums writes for d features:
 * d gradient sums, the bias sum, the loss sum and the row count. */
#define SHARD_GRAD_LEN(d) ((d) + 3)

/* Over rows lo .. hi-1 of X (n, d) and y (n), in one pass, with
 * p_i = sigma(w . x_i + b) and e_i = p_i - y_i:
 *   s[j]     = sum_i e_i x_ij          j < d
 *   s[d]     = sum_i e_i
 *   s[d + 1] = sum_i bce(y_i, p_i)     (p clipped as in lib/loss)
 *   s[d + 2] = hi - lo                 the number of rows
 * s is (SHARD_GRAD_LEN(d)). */
void shard_grad_sums(const LogReg *m, const Matrix *X, const double *y, size_t lo, size_t hi, double *s);

/* From sums added over every shard (s as above, over all n rows):
 *   dw_j = s[j] / n + (lambda / n) w_j,   db = s[d] / n  (returned),
 * the gradient of logreg_loss. w and dw are (d). */
double shard_gradient(const double *s, size_t d, double lambda, const double *w, double *dw);

/* The objective logreg_loss from the same sums: s[d + 1] / n + (lambda / 2n) ||w||^2. */
double shard_loss(const double *s, size_t d, double lambda, const double *w);

/* The length of the Hessian sums for d features: the lower triangle of the
 * (d + 1) x (d + 1) matrix, row by row. */
#define SHARD_HESS_LEN(d) (((d) + 1) * ((d) + 2) / 2)

/* Over rows lo .. hi-1, with x~_i = (x_i, 1) and s_i = p_i (1 - p_i):
 *   h[r (r + 1) / 2 + c] = sum_i s_i x~_ir x~_ic     for c <= r <= d.
 * h is (SHARD_HESS_LEN(d)). */
void shard_hess_sums(const LogReg *m, const Matrix *X, size_t lo, size_t hi, double *h);

/* The full Hessian of logreg_loss (as logreg_hessian) from sums over all n
 * rows: H = h / n + (lambda / n) diag(1, .., 1, 0), mirrored. H is (d + 1, d + 1). */
void shard_hessian(const double *h, size_t d, size_t n, double lambda, double *H);

/* A data set too large to make in one place: rows lo .. hi-1 of a synthetic
 * set of d features, each row made from (seed, its global index i) alone,
 * so that every process can make its own rows and only those, and the rows
 * are the same whichever process makes them:
 *   x_ij ~ N(0, 1),   y_i = 1 with probability sigma(x_i . w* + 0.5),
 *   w*_j = (-1)^j 2 / (j + 1).
 * X is (hi - lo, d) and y is (hi - lo), allocated by the caller. */
void shard_make_rows(Matrix *X, double *y, size_t lo, size_t hi, uint64_t seed);

#endif
