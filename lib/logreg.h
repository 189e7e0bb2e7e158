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

#include "diagnose.h"
#include "matrix.h"
#include "train.h"
#include "util.h"

typedef struct {
    size_t d;    // number of features
    double *w;   // (d) weights, one per feature
    double b;    // bias (intercept)
} LogReg;

typedef struct {
    double lr;       // learning rate: the step size of each update
    size_t epochs;   // number of full-batch gradient steps
    double lambda;   // L2 strength; 0 means none. The bias is never penalised.
} LogRegParams;

/* A model of d features with w = 0 and b = 0. Free with logreg_free. */
void logreg_init(LogReg *m, size_t d);

/* Frees w and leaves m empty. */
void logreg_free(LogReg *m);

/* Makes m a new model with the weights of src. Free with logreg_free. */
void logreg_copy(LogReg *m, const LogReg *src);

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

/* ---- one epoch's arithmetic, fused ----------------------------------------- */

/* Running sums over rows of the data, for the loss and its gradient. */
typedef struct {
    double loss;   // sum_i BCE(y_i, p_i)
    double gb;     // sum_i (p_i - y_i)
    double *gw;    // (d) sum_i (p_i - y_i) x_i; the caller's memory
} LogRegSums;

/* Adds rows lo .. hi-1 of X (y) to s, in one pass and without allocating:
 * each row's p_i is computed once and feeds the loss and the gradient. Start
 * from zeroed sums; calling it on 0..k then k..n gives the same bits as 0..n,
 * and a shard of the data can sum its own rows. */
void logreg_sums(const LogReg *m, const Matrix *X, const double *y, size_t lo, size_t hi,
                 LogRegSums *s);

/* From the sums over all n rows: returns the objective
 * loss / n + (lambda / 2n) ||w||^2, turns s->gw into dw (in place) and
 * writes db, as logreg_gradient computes them. */
double logreg_sums_finish(const LogReg *m, size_t n, double lambda, LogRegSums *s, double *db);

/* logreg_loss and logreg_gradient in one pass over X, to the same bits:
 * returns the loss, writes dw (d) and *db. */
double logreg_loss_grad(const LogReg *m, const Matrix *X, const double *y, double lambda,
                        double *dw, double *db);

/* Runs par->epochs steps of batch gradient descent from the current weights,
 * stopping early when training diverges (the watch of lib/train); the
 * result says how it ended. If losses is not NULL it must hold par->epochs values:
 * losses[e] is the objective before update e (the lesson's order); after an
 * early stop, the epochs that did not run hold NAN. */
TrainResult logreg_fit_gd(LogReg *m, const Matrix *X, const double *y,
                          const LogRegParams *par, double *losses);

/* ---- the decision boundary (chapter 4) ------------------------------------ */

typedef enum {
    LOGREG_LINE,       // the boundary is x2 = slope * x1 + intercept
    LOGREG_VERTICAL,   // w2 = 0: the boundary is x1 = intercept (slope is INFINITY)
    LOGREG_NO_LINE,    // w = 0: p is the same everywhere; slope and intercept are NAN
} LogRegBoundary;

/* For a model of d = 2 features, the line where p = threshold:
 *   w1 x1 + w2 x2 + b = log(t / (1 - t)),  t = threshold in (0, 1)
 * (for t = 1/2 the right side is 0). When w2 != 0 this is
 *   x2 = -(w1 / w2) x1 + (log(t / (1 - t)) - b) / w2.
 * Says which kind of line it is and writes its slope and intercept. */
LogRegBoundary logreg_boundary_2d(const LogReg *m, double threshold, double *slope, double *intercept);

/* ---- Newton's method (chapter 6) ------------------------------------------ */

/* The defaults for LogRegNewtonParams: stop when the gradient norm has
 * fallen below LOGREG_NEWTON_TOL times its value at the start (a relative
 * test, as liblinear's Newton solver does), or after LOGREG_NEWTON_MAX_ITER
 * steps. Newton's method converges quadratically, so 1e-12 costs only one
 * or two steps more than 1e-6 and leaves the answer at machine precision. */
#define LOGREG_NEWTON_TOL 1e-12
#define LOGREG_NEWTON_MAX_ITER 50
/* A step that raises the loss is halved, at most this many times. */
#define LOGREG_NEWTON_MAX_HALVINGS 30

typedef struct {
    double tol;        // stop when ||g|| <= tol * ||g_0|| (g: gradient of logreg_loss)
    size_t max_iter;   // give up after this many Newton steps
    double lambda;     // L2 strength, as in LogRegParams (0: none)
} LogRegNewtonParams;

/* One row of the trace: the state after k Newton steps. */
typedef struct {
    double loss;         // logreg_loss at the iterate
    double grad_norm;    // ||(dw, db)||, the gradient's length there
    double step_norm;    // ||(w, b) - previous (w, b)||: how far step k moved (0 for k = 0)
    double step_scale;   // the fraction of the Newton step taken: 1, or 1/2, 1/4, ... after halving
    double w_norm;       // ||w||, the weights' length (the bias left out)
    DiagMargins moved;   // how step k moved the samples' margins (lib/diagnose; zeros for k = 0)
} LogRegNewtonIter;

typedef struct {
    size_t iterations;   // Newton steps taken
    int converged;       // 1: the tolerance was met; 0: max_iter ran out first
    double loss;         // logreg_loss at the answer
    double grad_norm;    // ||(dw, db)|| at the answer
} LogRegNewtonResult;

/* ||(dw, db)||: the length of logreg_gradient's gradient, all d + 1 parts.
 * Zero exactly at the minimum, so it measures how far from converged a
 * model is. X is (n, d), y is (n). */
double logreg_grad_norm(const LogReg *m, const Matrix *X, const double *y, double lambda);

/* The Hessian of logreg_loss with respect to (w_1 .. w_d, b), with the bias
 * as a last column of ones, x~_i = (x_i, 1):
 *   H = (1/n) sum_i s_i x~_i x~_i^T + (lambda / n) diag(1, .., 1, 0),
 *   s_i = p_i (1 - p_i).
 * X is (n, d); H is (d + 1, d + 1), row-major. */
void logreg_hessian(const LogReg *m, const Matrix *X, double lambda, double *H);

/* Newton's method, also called IRLS (iteratively reweighted least squares):
 * from the current weights, repeat (w, b) <- (w, b) - H^-1 g until the
 * gradient norm test passes or par->max_iter steps are done. A step that
 * would raise the loss is halved until it does not (never needed on data
 * with a finite optimum near the start, but it keeps a bad start from
 * running away).
 * trace, if not NULL, must hold par->max_iter + 1 rows; rows 0 ..
 * res->iterations are filled (row 0 is the start). X is (n, d), y is (n).
 * Returns 0 (res says whether it converged), or -1 with a message in err when
 * the Hessian is not positive definite (a feature constant or collinear:
 * diag_columns says which; or the classes separated and w run off towards
 * infinity: diag_separation on the trace says so); m then holds the last
 * iterate. When a line separates the classes, fully or in part, the
 * gradient also vanishes as w runs off, so "converged" alone does not mean
 * a minimum: ask diag_separation. Prints nothing. */
int logreg_fit_newton(LogReg *m, const Matrix *X, const double *y, const LogRegNewtonParams *par,
                      LogRegNewtonIter *trace, LogRegNewtonResult *res, LrError *err);

#endif
