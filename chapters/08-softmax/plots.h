/* Chapter 8: its two plots (plots.c), the decision regions of the softmax
 * model and the loss curve of its gradient descent. */
#ifndef LR_CHAPTER08_PLOTS_H
#define LR_CHAPTER08_PLOTS_H

#include <stddef.h>

#include "dataset.h"
#include "multiclass.h"
#include "plot.h"

/* The plane coloured by m's class (the largest score), the exact borders
 * z_a = z_b over it, and the samples of ds; for 2 features only (with
 * others it says so on stdout). epochs is for the title. */
void plots_regions(const Plotter *pl, const Softmax *m, const Dataset *ds, size_t epochs);

/* Gradient descent's loss, losses (epochs of them, at learning rate lr),
 * beside last, Newton's final loss: the minimum when minimum is 1, else
 * where Newton stopped. */
void plots_loss(const Plotter *pl, const double *losses, size_t epochs, double lr, double last, int minimum);

#endif
