#include "polyreg.h"

#include <math.h>
#include <stdlib.h>

#include "metrics.h"

/* The columns the model sees: the expansion of X (n, 2), standardised. */
static Matrix poly_columns(const PolyModel *pm, const Matrix *X) {
    Matrix P = feature_poly(X, pm->degree);
    feature_scaler_apply(&pm->scaler, &P);
    return P;
}

// [snippet poly-fit]
void polyreg_fit(PolyModel *pm, const Dataset *ds, size_t degree, double lambda) {
    pm->degree = degree;
    Matrix P = feature_poly(&ds->X, degree);   // (n, C(2 + D, D) - 1)
    feature_scaler_fit(&pm->scaler, &P);       // mean and deviation of the TRAINING columns
    feature_scaler_apply(&pm->scaler, &P);
    logreg_init(&pm->m, P.cols);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = lambda};
    LrError err;
    pm->ok = logreg_fit_newton(&pm->m, &P, ds->y, &par, NULL, &pm->result, &err) == 0;
    mat_free(&P);
}
// [end poly-fit]

void polyreg_proba(const PolyModel *pm, const Matrix *X, double *p) {
    Matrix P = poly_columns(pm, X);
    logreg_predict_proba(&pm->m, &P, p);
    mat_free(&P);
}

void polyreg_proba_fn(const void *pm, const Matrix *X, double *p) {
    polyreg_proba(pm, X, p);
}

double polyreg_accuracy(const PolyModel *pm, const Dataset *ds) {
    double *p = vec_new(ds->n);
    polyreg_proba(pm, &ds->X, p);
    for (size_t i = 0; i < ds->n; i++) p[i] = p[i] >= 0.5;
    double acc = metrics_accuracy(p, ds->y, ds->n);
    free(p);
    return acc;
}

double polyreg_max_weight(const PolyModel *pm) {
    double big = 0;
    for (size_t j = 0; j < pm->m.d; j++) big = fmax(big, fabs(pm->m.w[j]));
    return big;
}

void polyreg_free(PolyModel *pm) {
    feature_scaler_free(&pm->scaler);
    logreg_free(&pm->m);
}
