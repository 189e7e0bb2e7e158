/* Chapter 10, step 5: the lesson's gradient descent on the polynomial
 * features as they are, which is exercise 10's fit_polynomial. */
#ifndef LR_CHAPTER10_GD_H
#define LR_CHAPTER10_GD_H

#include "dataset.h"
#include "logreg.h"
#include "reference.h"

/* The degree, learning rate and epochs of step 5 (the reference's). */
#define POLY_GD_DEGREE 3
#define POLY_GD_LR 0.1
#define POLY_GD_EPOCHS 1000

/* Trains on train's features expanded to POLY_GD_DEGREE by gradient descent
 * from w = 0, b = 0, by the library and (unless --lib) with your
 * poly_count, poly_expand and fit_polynomial (exercise 10, with your
 * gradient and gd_step of exercise 03), and prints the weights and the
 * accuracies beside NumPy's (lesson = 1) or the library's. The model shown
 * (yours when it ran) goes into m, whose d is 0 when the library's run
 * failed (then nothing is printed but one line). Returns 0, or
 * YOURS_DIFFER when yours differ. Free m with logreg_free. */
int poly_gd(const Dataset *train, const Dataset *test, int lesson, const Reference *ref, LogReg *m);

/* A RegionsProbaFn (lib/regions) for such a model: P(y = 1 | x) of a LogReg
 * on the POLY_GD_DEGREE expansion of x (2 features). */
void poly_gd_proba(const void *model, const Matrix *X, double *p);

#endif
