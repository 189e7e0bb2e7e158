/* metrics: how good a set of predictions is. */
#ifndef LR_METRICS_H
#define LR_METRICS_H

#include <stddef.h>

/* The fraction of i < n with pred_i == y_i (labels are whole numbers). */
double metrics_accuracy(const double *pred, const double *y, size_t n);

/* The number of i < n with pred_i == y_i. */
size_t metrics_correct(const double *pred, const double *y, size_t n);

#endif
