/* Chapter 5: the finer sweep of lambda its plots are drawn from, and the
 * plots (sweep.c). */
#ifndef LR_CHAPTER05_SWEEP_H
#define LR_CHAPTER05_SWEEP_H

#include <stddef.h>

#include "plot.h"

/* The plots run lambda from 10^PLOT_LOG_MIN to 10^PLOT_LOG_MAX, PLOT_PER_DECADE per decade. */
#define PLOT_LOG_MIN (-2)
#define PLOT_LOG_MAX 3
#define PLOT_PER_DECADE 10
enum { N_SWEEP = (PLOT_LOG_MAX - PLOT_LOG_MIN) * PLOT_PER_DECADE + 1 };

/* The plots' rows, one per lambda: lambda, w[0], w[1], b, mean BCE, loss,
 * accuracy (gradient descent as in the table), then w[0], w[1] at the
 * minimum (Newton's method, chapter 6; NAN if it did not converge). */
typedef struct {
    double row[9];
} SweepRow;

/* w_1, w_2 and b after gradient descent of epochs at rate lr, and the
 * weights at the minimum, against lambda (rows: N_SWEEP). */
void sweep_plot_weights(const Plotter *pl, const SweepRow *rows, size_t epochs, double lr);

/* The loss, the mean BCE and the training accuracy against lambda. */
void sweep_plot_loss(const Plotter *pl, const SweepRow *rows);

#endif
