/* loss: how wrong a predicted probability is. */
#ifndef LR_LOSS_H
#define LR_LOSS_H

#include <stddef.h>

/* Probabilities are clipped to [LOSS_EPS, 1 - LOSS_EPS] before the log, so a
 * confident wrong answer costs -log(1e-15) = 34.5 instead of infinity. */
#define LOSS_EPS 1e-15

/* Clips p to [LOSS_EPS, 1 - LOSS_EPS] (inline: the epochs call it once a row). */
// [snippet clip]
static inline double loss_clip(double p) {
    if (p < LOSS_EPS) return LOSS_EPS;
    if (p > 1.0 - LOSS_EPS) return 1.0 - LOSS_EPS;
    return p;
}
// [end clip]

/* The cross-entropy of one prediction: -(y log p + (1 - y) log(1 - p)),
 * with p clipped. y is 0 or 1, p in [0, 1]. */
double loss_bce_one(double y, double p);

/* Mean binary cross-entropy over n samples: y and p are (n). */
double loss_bce(const double *y, const double *p, size_t n);

/* The categorical cross-entropy of one sample whose class is label:
 * -log p_label, the probability it gave the true class. p_label is clipped
 * from below at LOSS_EPS only (p = 1 costs log 1 = 0, nothing to guard).
 * p is (k) probabilities, label is 0..k-1. */
double loss_cce_one(const double *p, size_t label);

/* Mean categorical cross-entropy over n samples:
 * (1/n) sum_i -log P[i, y_i]. P is (n, k) row-major, row i the k class
 * probabilities of sample i; y is (n) labels 0..k-1. */
double loss_cce(const double *P, const double *y, size_t n, size_t k);

#endif
