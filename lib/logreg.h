/* logreg: binary logistic regression, p(y = 1 | x) = sigma(w . x + b),
 * trained by batch gradient descent on the mean cross-entropy
 * (plus an optional L2 penalty on w).
 *
 *     LogReg m;
 *     logreg_init(&m, X.cols);                     // w = 0, b = 0
 *     LogRegParams par = {.lr = 0.1, .epochs = 500};
 *     double *losses = vec_new(par.epochs);        // or NULL
 *     logreg_fit_gd(&m, &X, y, &par, losses);
 *     logreg_free(&m);
 */
#ifndef LR_LOGREG_H
#define LR_LOGREG_H

#include <stddef.h>

#include "matrix.h"

typedef struct {
    size_t d;   // number of features
    double *w;  // (d) weights, one per feature
    double b;   // bias (intercept)
} LogReg;

typedef struct {
    double lr;      // learning rate: the step size of each update
    size_t epochs;  // number of full-batch gradient steps
    double lambda;  // L2 strength; 0 means none. The bias is never penalised.
} LogRegParams;

/* A model of d features with w = 0 and b = 0. Free with logreg_free. */
void logreg_init(LogReg *m, size_t d);

/* Frees w and leaves m empty. */
void logreg_free(LogReg *m);

/* p_i = sigma(w . x_i + b): X is (n, d), p is (n). */
void logreg_predict_proba(const LogReg *m, const Matrix *X, double *p);

/* pred_i = 1 if p_i >= threshold else 0: X is (n, d), pred is (n). */
void logreg_predict(const LogReg *m, const Matrix *X, double threshold, double *pred);

/* The training objective at the current weights:
 * mean BCE + (lambda / 2n) ||w||^2. X is (n, d), y is (n). */
double logreg_loss(const LogReg *m, const Matrix *X, const double *y, double lambda);

/* The gradient of logreg_loss:
 *   dw = X^T (p - y) / n + (lambda / n) w,   db = mean(p - y).
 * X is (n, d), y is (n), dw is (d). Returns db. */
double logreg_gradient(const LogReg *m, const Matrix *X, const double *y,
                       double lambda, double *dw);

/* Runs par->epochs steps of batch gradient descent from the current weights.
 * If losses is not NULL it must hold par->epochs values: losses[e] is the
 * objective before update e (the lesson's order). */
void logreg_fit_gd(LogReg *m, const Matrix *X, const double *y,
                   const LogRegParams *par, double *losses);

#endif
