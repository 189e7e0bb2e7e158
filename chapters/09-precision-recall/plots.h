/* Chapter 9: its plots (plots.c). */
#ifndef LR_CHAPTER09_PLOTS_H
#define LR_CHAPTER09_PLOTS_H

#include <stddef.h>

#include "dataset.h"
#include "metrics.h"
#include "plot.h"

/* The three plots of scores p (ds->n) and their curve c, best its best-F1
 * point (none when best is c->n). */
void pr_plots(const Plotter *pl, const double *p, const PrCurve *c, size_t best, const Dataset *ds);

#endif
