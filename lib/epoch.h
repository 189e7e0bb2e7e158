/* epoch: one epoch of gradient descent, the loss and its gradient over all
 * the data, written five ways, from the way chapter 3 teaches it to the
 * fastest this machine allows (make bench times them).
 *
 * Every variant computes, for a model m on X (n, d) and labels y (0 or 1),
 *   loss = (1/n) sum_i BCE(y_i, p_i),  dw = X^T (p - y) / n,  db = mean(p - y),
 * p_i = sigma(w . x_i + b), without L2. two-pass, fused and rows4 give the
 * same bits; vector and threads differ in the last bits (vector exp and log,
 * and another order of addition).
 *
 *     EpochVariant v[EPOCH_VARIANTS];
 *     epoch_variants(v);
 *     if (v[3].fn != NULL) loss = v[3].fn(&m, &X, y, dw, &db);
 */
#ifndef LR_EPOCH_H
#define LR_EPOCH_H

#include "logreg.h"
#include "matrix.h"

/* One way to compute an epoch: returns the loss, writes dw (d) and *db. */
typedef double EpochFn(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

#define EPOCH_VARIANTS 6

typedef struct {
    const char *name;   // "two-pass", "fused", "4-rows", "vector", "2-threads"
    EpochFn *fn;        // NULL when this machine or build cannot run it
    const char *why;    // then: why not, in one sentence
    double bound;       // how far (relative) its results may be from two-pass: 0 means the same bits
} EpochVariant;

/* The five variants, in that order. */
void epoch_variants(EpochVariant v[EPOCH_VARIANTS]);

/* Chapter 3's epoch: p = sigma(X w + b) and the loss; then p again and
 * X^T (p - y): three passes over X, two n-vectors allocated. */
double epoch_two_pass(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* The library's epoch (logreg_loss_grad): one pass, each row's p once. */
double epoch_fused(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* One pass, four rows at a time: four independent sums side by side. */
double epoch_rows4(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* Blocks of EPOCH_BLOCK rows, with exp and log on a whole block at once
 * through lib/simd (as one row at a time without SLEEF). */
#define EPOCH_BLOCK 256
double epoch_vector(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* Two threads (OpenMP), each summing half the rows with logreg_sums. Needs
 * a build with -fopenmp (epoch_variants says when it is missing). */
double epoch_threads(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* All of them together: two threads, each going through its half of the
 * rows in blocks, with vector exp and log (lib/simd) and vector sums (the
 * compiler's, for AVX-512 or AVX2 when the processor has them). One thread
 * below EPOCH_THREADS_MIN rows, or without OpenMP. */
#define EPOCH_THREADS_MIN 20000
double epoch_together(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db);

/* The largest relative difference between two epochs' results: of the
 * losses, and of the gradients (dw, db) as vectors. 0 means the same bits. */
double epoch_difference(EpochFn *a, EpochFn *b, const LogReg *m, const Matrix *X, const double *y);

#endif
