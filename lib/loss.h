/* loss: how wrong a predicted probability is. */
#ifndef LR_LOSS_H
#define LR_LOSS_H

#include <stddef.h>

/* Probabilities are clipped to [LOSS_EPS, 1 - LOSS_EPS] before the log, so a
 * confident wrong answer costs -log(1e-15) = 34.5 instead of infinity. */
#define LOSS_EPS 1e-15

/* Clips p to [LOSS_EPS, 1 - LOSS_EPS]. */
double loss_clip(double p);

/* The cross-entropy of one prediction: -(y log p + (1 - y) log(1 - p)),
 * with p clipped. y is 0 or 1, p in [0, 1]. */
double loss_bce_one(double y, double p);

/* Mean binary cross-entropy over n samples: y and p are (n). */
double loss_bce(const double *y, const double *p, size_t n);

#endif
