/* multiclass: classification into K > 2 classes, two ways.
 *
 * One-vs-rest (OvR): K binary logistic regressions from lib/logreg; model c
 * learns "class c" (label 1) against "any other class" (label 0), and a
 * sample gets the class whose model gives it the largest probability.
 *
 * Softmax regression: one model with a score per class,
 *
 *     z_ic = w_c . x_i + b_c,     P_ic = e^(z_ic) / sum_c' e^(z_ic'),
 *
 * trained on the mean categorical cross-entropy L = (1/n) sum_i -log P_i,y_i,
 * by gradient descent (the lesson's way) or to convergence by Newton's method.
 *
 * Labels are doubles holding whole numbers 0 .. K-1, as lib/dataset reads them.
 *
 *     Softmax m;
 *     softmax_init(&m, 3, X.cols);                  // W = 0, b = 0
 *     SoftmaxParams par = {.lr = 0.1, .epochs = 1000};
 *     softmax_fit_gd(&m, &X, y, &par, losses);      // losses: (epochs) or NULL
 *     softmax_predict(&m, &X, pred);                // pred: (n) classes
 *     softmax_free(&m);
 */
#ifndef LR_MULTICLASS_H
#define LR_MULTICLASS_H

#include <stddef.h>

#include "logreg.h"
#include "diagnose.h"
#include "matrix.h"
#include "util.h"

/* ---- labels and predictions (how good they are: lib/metrics) ------------- */

/* The labels of the binary problem "class c against the rest":
 * y_c[i] = 1 if y[i] == c, else 0. y and y_c are (n). */
void multiclass_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c);

/* The index of the largest of p[0..k-1]. Ties go to the first (smallest)
 * index, as NumPy's argmax does. k >= 1. */
size_t multiclass_argmax(const double *p, size_t k);

/* pred_i = argmax_c P_ic for every row of P (n, K); pred is (n). */
void multiclass_predict(const Matrix *P, double *pred);

/* ---- one-vs-rest --------------------------------------------------------- */

typedef struct {
    size_t k;         // number of classes K
    size_t d;         // number of features
    LogReg *models;   // (K) models[c] scores class c (1) against the rest (0)
} Ovr;

/* K binary models of d features, all with w = 0, b = 0. Free with ovr_free. */
void ovr_init(Ovr *m, size_t k, size_t d);

/* Frees the models and leaves m empty. */
void ovr_free(Ovr *m);

/* Trains each model c by logreg_fit_gd on the labels "y == c", from its
 * current weights. X is (n, d), y is (n). losses is NULL or (K, par->epochs):
 * row c receives model c's loss curve. Stops at the first model whose
 * training diverged and returns its result (else the last model's). */
TrainResult ovr_fit_gd(Ovr *m, const Matrix *X, const double *y, const LogRegParams *par, Matrix *losses);

/* P_ic = model c's probability that x_i is of class c. X is (n, d), P is
 * (n, K). The K models were trained apart, so a row need not sum to 1. */
void ovr_predict_proba(const Ovr *m, const Matrix *X, Matrix *P);

/* pred_i = the class whose model is most sure: argmax_c P_ic. pred is (n). */
void ovr_predict(const Ovr *m, const Matrix *X, double *pred);

/* ---- softmax regression -------------------------------------------------- */

typedef struct {
    size_t k;    // number of classes K
    size_t d;    // number of features
    Matrix W;    // (K, d) row c holds w_c, the weights of class c
    double *b;   // (K) b_c, the bias of class c
} Softmax;

typedef struct {
    double lr;       // learning rate
    size_t epochs;   // number of full-batch gradient steps
} SoftmaxParams;

/* A model of k classes and d features with W = 0, b = 0 (every class equally
 * likely). Free with softmax_free. */
void softmax_init(Softmax *m, size_t k, size_t d);

/* Frees W and b and leaves m empty. */
void softmax_free(Softmax *m);

/* P_ic = softmax(z_i)_c with z_ic = w_c . x_i + b_c. X is (n, d), P is (n, K);
 * each row of P sums to 1. */
void softmax_predict_proba(const Softmax *m, const Matrix *X, Matrix *P);

/* pred_i = argmax_c P_ic (the class with the largest score). pred is (n). */
void softmax_predict(const Softmax *m, const Matrix *X, double *pred);

/* The mean categorical cross-entropy (1/n) sum_i -log P_i,y_i, P clipped
 * below at LOSS_EPS. X is (n, d), y is (n). */
double softmax_loss(const Softmax *m, const Matrix *X, const double *y);

/* The gradient of softmax_loss, with Y the one-hot labels (n, K):
 *   dW = (P - Y)^T X / n   (K, d),     db = (1/n) sum_i (P_i - Y_i)   (K).
 * dW must be a K x d matrix; db holds K values. */
void softmax_gradient(const Softmax *m, const Matrix *X, const double *y, Matrix *dW, double *db);

/* Runs par->epochs steps of gradient descent, W <- W - lr dW, b <- b - lr db,
 * from the current weights, stopping early when training diverges (the watch
 * of lib/train); the result says how it ended. losses is NULL or
 * (par->epochs): losses[e] is the loss before update e (the lesson's order),
 * NAN for the epochs an early stop skipped. */
TrainResult softmax_fit_gd(Softmax *m, const Matrix *X, const double *y, const SoftmaxParams *par,
                           double *losses);

/* Adding the same vector to every w_c (or the same number to every b_c) adds
 * the same amount to every score and changes no probability: the weights of
 * softmax regression are defined only up to such a shift. This picks the
 * shift that makes sum_c w_c = 0 and sum_c b_c = 0 (the one scikit-learn's
 * tiny penalty picks), without changing any prediction. */
void softmax_center(Softmax *m);

/* Tuning of the converged fit. */
typedef struct {
    double tol;        // stop when ||gradient|| <= tol * ||gradient at the start||
    size_t max_iter;   // give up after this many Newton steps
} SoftmaxNewtonParams;

#define SOFTMAX_NEWTON_TOL 1e-12
#define SOFTMAX_NEWTON_MAX_ITER 100

/* What the converged fit did. */
typedef struct {
    size_t iterations;          // Newton steps taken
    double grad_norm;           // ||(dW, db)|| at the end
    double loss;                // softmax_loss at the end
    int converged;              // 1 if the tolerance was met, 0 if max_iter ran out
    double longest_step;        // the longest step t ||s|| taken
    double last_step;           // the last one (0: none)
    DiagMargins moved;          // how the last step moved the samples' margins
    DiagSeparation separated;   // what the steps say (lib/diagnose): DIAG_FINITE is a minimum
} SoftmaxFitInfo;

/* Minimises softmax_loss (no penalty) by Newton's method with a backtracking
 * line search, from the current weights, then centres them (softmax_center).
 * Class K-1 is held at w = 0, b = 0 during the steps, which removes the
 * shift and leaves a Hessian of size (K-1)(d+1) that is positive definite
 * unless the classes can be separated; each step is solved by lib/linalg's
 * Cholesky. Returns 0 (also when max_iter ran out: see info->converged),
 * or -1 with a message in err when a step cannot be solved (the weights are
 * then those of the last good step).
 * When the classes separate, completely or in part (lib/diagnose), there
 * is no minimum: the loss keeps falling as the weights grow, and so does the
 * gradient. The fit then stops where the gradient is tiny (or fails on a
 * Hessian that has become singular), with weights that depend on tol;
 * info->separated says so. A constant or collinear column makes the Hessian
 * singular from the start: diag_columns names it. */
int softmax_fit_newton(Softmax *m, const Matrix *X, const double *y, const SoftmaxNewtonParams *par,
                       SoftmaxFitInfo *info, LrError *err);

#endif
