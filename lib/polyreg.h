/* polyreg: logistic regression on polynomial features, the way chapter 10
 * (and scikit-learn's pipeline of PolynomialFeatures, StandardScaler and
 * LogisticRegression) builds it: expand (x1, x2) into every product up to
 * degree D (lib/feature), standardise each new column with the training
 * set's mean and deviation, and fit lib/logreg's model to its optimum by
 * Newton's method.
 *
 *     PolyModel pm;
 *     polyreg_fit(&pm, &train, 3, 1.0);           // degree 3, lambda 1
 *     double acc = polyreg_accuracy(&pm, &test);
 *     polyreg_free(&pm);
 */
#ifndef LR_POLYREG_H
#define LR_POLYREG_H

#include <stddef.h>

#include "dataset.h"
#include "feature.h"
#include "logreg.h"
#include "matrix.h"

typedef struct {
    size_t degree;               // D: products of up to D features
    Scaler scaler;               // fitted on the training set's expanded columns
    LogReg m;                    // weights on the standardised columns
    LogRegNewtonResult result;   // how Newton's method ended
    int ok;                      // 0 when Newton stopped on a Hessian it could not invert
} PolyModel;

/* Fits the model of the given degree and L2 strength to ds (2 features), by
 * Newton's method from w = 0, b = 0. Free with polyreg_free. */
void polyreg_fit(PolyModel *pm, const Dataset *ds, size_t degree, double lambda);

/* p_i = P(y = 1 | x_i) for the rows of X (n, 2); p is (n). */
void polyreg_proba(const PolyModel *pm, const Matrix *X, double *p);

/* The same as a RegionsProbaFn (lib/regions), for pictures of the plane. */
void polyreg_proba_fn(const void *pm, const Matrix *X, double *p);

/* The fraction of ds predicted right at threshold 1/2. */
double polyreg_accuracy(const PolyModel *pm, const Dataset *ds);

/* The largest |w_j|: how hard the model leans on its columns. */
double polyreg_max_weight(const PolyModel *pm);

/* Frees the scaler and the weights. */
void polyreg_free(PolyModel *pm);

#endif
