/* Chapter 10: pictures of a model's P(y = 1) over the plane of the moons. */
#ifndef LR_CHAPTER10_PLANE_H
#define LR_CHAPTER10_PLANE_H

#include "chapter.h"
#include "dataset.h"
#include "polyreg.h"
#include "regions.h"

/* The model's P(y = 1) over the plane around ds, its p = 0.5 boundary and
 * the samples, in the picture NAME. */
void plot_surface(const Plotter *pl, const char *name, const char *title, RegionsProbaFn proba, const void *model,
                  const Dataset *ds);

/* Two boundaries of the same degree, without (loose) and with (tight) the
 * L2 penalty lambda, over the penalised model's probabilities. */
void plot_overfit(const Plotter *pl, const PolyModel *loose, const PolyModel *tight, double lambda,
                  const Dataset *train, const Dataset *test);

#endif
