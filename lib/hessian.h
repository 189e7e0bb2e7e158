/* hessian: the sum behind Newton's method (chapters 6 and 11),
 *   H = (1/n) sum_i s_i x~_i x~_i^T + (lambda / n) diag(1, .., 1, 0),
 * with x~_i = (x_i, 1), computed fast: rows in blocks, the lower half in
 * small tiles whose sums stay in registers while a block's rows go by.
 *
 * Each entry is still the sum of its terms (s_i x~_ir) x~_ic in row order,
 * so the result is logreg_hessian's, bit for bit; only the order in which
 * the entries are worked on changes.
 *
 *     hessian_sum(&X, s, lambda, H);   // s (n): s_i = p_i (1 - p_i); H (d + 1, d + 1)
 *
 * or, to add rows as another pass over the data reaches them (Newton's
 * method does, so that each row is read from memory once per step):
 *
 *     HessianSums h;
 *     hessian_begin(&h, d);
 *     hessian_add_rows(&h, &X, s, lo, hi);   // as many times as needed, rows in order
 *     hessian_finish(&h, n, lambda, H);
 *     hessian_free(&h);
 */
#ifndef LR_HESSIAN_H
#define LR_HESSIAN_H

#include "matrix.h"

/* Rows taken into a block at a time: a block's rows and their scaled copies
 * (2 x 64 rows of d + 1 numbers) stay in the processor's fastest cache. */
#define HESSIAN_BLOCK 64
/* A tile: HESSIAN_TILE_R rows by HESSIAN_TILE_C columns of H, 32 sums, as
 * many as fit in half the vector registers of an AVX2 processor (with
 * AVX-512, 2 HESSIAN_TILE_R rows: lib/hessian.c). */
#define HESSIAN_TILE_R 4
#define HESSIAN_TILE_C 8

/* The sums so far, and a block of rows laid out for the tiles. */
typedef struct {
    size_t d, k;     // features; k = d + 1 unknowns, the bias last
    size_t width;    // k rounded up to a whole number of tiles' columns
    size_t height;   // k rounded up to a whole number of tiles' rows
    double *xt;      // (HESSIAN_BLOCK, width) a block's rows x~_i = (x_i, 1), zeros after
    double *sxt;     // (HESSIAN_BLOCK, width) the same rows scaled, s_i x~_i
    double *sum;     // (height, width) sum_i (s_i x~_ir) x~_ic so far; the lower half is used
} HessianSums;

/* Sums for d features, all 0. Free with hessian_free. */
void hessian_begin(HessianSums *h, size_t d);

/* Sets the sums back to 0, to start again. */
void hessian_zero(HessianSums *h);

/* Adds rows lo .. hi-1 of X, with weights s (hi - lo; s[0] is row lo's):
 *   sum_rc += (s_i x~_ir) x~_ic  for c <= r. */
void hessian_add_rows(HessianSums *h, const Matrix *X, const double *s, size_t lo, size_t hi);

/* H (d + 1, d + 1), row-major, from the sums over all n rows:
 * H_rc = H_cr = sum_rc / n, plus lambda / n on the weights' diagonal. */
void hessian_finish(const HessianSums *h, size_t n, double lambda, double *H);

void hessian_free(HessianSums *h);

/* H (d + 1, d + 1) from X (n, d) and the rows' weights s (n), in one call:
 * logreg_hessian's H, to the same bits, in less time. */
void hessian_sum(const Matrix *X, const double *s, double lambda, double *H);

#endif
