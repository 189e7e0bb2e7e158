/* exercises.h: the functions you write, one section per exercise.
 *
 * Each is stubbed in exercises/NN-name.c (it compiles, and returns a wrong
 * value until you fill it in); `make check EX=NN` tests it. The answer key in
 * solutions/NN-name.c has the same signatures.
 *
 * Your functions run the chapters: ./chapter-03 trains with your gradient and
 * gd_step (and your sigmoid and loss), and prints your numbers beside NumPy's.
 * An exercise may call the functions of the others (exercise 03 may call your
 * sigmoid): in `make check EX=NN` those come from the answer key, so each
 * exercise is tested on its own; in the chapters they are yours.
 */
#ifndef LR_EXERCISES_H
#define LR_EXERCISES_H

#include <stddef.h>

/* TODO(): the marker in a stub as shipped. A chapter that meets it knows the
 * function is not written yet: it runs the library's version instead and
 * says so in one line. Delete the TODO() line when you start writing the
 * function; from then on the chapters run your code. */
void yours_todo(const char *file, const char *function);
#define TODO() yours_todo(__FILE__, __func__)

/* ---- 01 sigmoid ---------------------------------------------------------- */

/* sigma(z) = 1 / (1 + e^-z), finite and never NaN for any double z. */
double sigmoid(double z);

/* sigma'(z) = sigma(z) (1 - sigma(z)). */
double sigmoid_derivative(double z);

/* ---- 02 cross-entropy ---------------------------------------------------- */

/* -(y log p + (1 - y) log(1 - p)) with p clipped to [1e-15, 1 - 1e-15]. */
double bce_one(double y, double p);

/* The mean of bce_one(y_i, p_i) over i < n. y and p are (n). */
double bce_mean(const double *y, const double *p, size_t n);

/* ---- 03 gradient-descent ------------------------------------------------- */

/* The gradient of the mean cross-entropy of p_i = sigma(x_i . w + b):
 *   dw = X^T (p - y) / n    (d values),   db = mean(p - y)   (returned).
 * X is (n, d) row-major: x_i starts at X[i * d]. y is (n), w is (d), dw is (d). */
double gradient(const double *X, const double *y, size_t n, size_t d,
                const double *w, double b, double *dw);

/* One step of gradient descent: w <- w - lr dw, b <- b - lr db.
 * w and dw are (d); b points to the bias. */
void gd_step(double *w, double *b, const double *dw, double db, size_t d, double lr);

/* ---- 04 decision-boundary ------------------------------------------------ */

/* pred_i = 1 if sigma(x_i . w + b) >= threshold, else 0.
 * X is (n, d) row-major, w is (d), pred is (n). */
void predict_threshold(const double *X, size_t n, size_t d, const double *w, double b,
                       double threshold, double *pred);

/* What boundary_line found (its return value). */
enum {
    BOUNDARY_LINE = 0,       // x2 = slope * x1 + intercept
    BOUNDARY_VERTICAL = 1,   // w2 = 0: the line x1 = intercept; slope is INFINITY
    BOUNDARY_NONE = 2,       // w1 = w2 = 0: no line; slope and intercept are NAN
};

/* For d = 2 features, the line where sigma(w . x + b) = threshold, that is
 * w1 x1 + w2 x2 + b = log(threshold / (1 - threshold)). w is (2) and
 * 0 < threshold < 1. Returns one of the BOUNDARY_ values. */
int boundary_line(const double *w, double b, double threshold, double *slope, double *intercept);

/* ---- 05 l2-regularization ------------------------------------------------ */

/* theta holds the parameters as one vector: the d weights, then the bias b,
 * (d + 1) values. n is the number of samples, lambda >= 0. */

/* The L2 penalty added to the mean cross-entropy: (lambda / 2n) sum_j w_j^2.
 * The bias theta[d] is not penalised. */
double l2_penalty(const double *theta, size_t d, size_t n, double lambda);

/* Its gradient with respect to theta, written into grad (d + 1):
 * (lambda / n) w_j for each weight, and 0 for the bias. */
void l2_penalty_gradient(const double *theta, size_t d, size_t n, double lambda, double *grad);

/* ---- 06 sklearn-comparison ----------------------------------------------- */

/* For d features and theta = (w_1, ..., w_d, b), the gradient g (d + 1) and
 * the Hessian H ((d + 1) x (d + 1), row-major) of the mean cross-entropy.
 * X is (n, d). */
void newton_system(const double *X, const double *y, size_t n, size_t d, const double *theta, double *g, double *H);

/* One Newton step: theta <- theta - H^-1 g, theta (d + 1). Returns 0, or -1
 * (theta untouched) when H cannot be solved. */
int newton_step(const double *X, const double *y, size_t n, size_t d, double *theta);

/* ---- 07 one-vs-rest ------------------------------------------------------ */

/* y_c[i] = 1 if y[i] == c, else 0, for i < n: the labels of "class c against
 * the rest". y and y_c are (n). */
void one_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c);

/* The index of the largest of p[0..k-1]; on a tie the smallest such index. */
size_t argmax(const double *p, size_t k);

/* pred[i] = argmax of row i of P, for i < n. P is (n, k) row-major. */
void predict_by_argmax(const double *P, size_t n, size_t k, double *pred);

/* Trains k binary models, model c on the labels of "class c against the
 * rest", each from w = 0, b = 0 by `epochs` steps of gradient descent at
 * learning rate lr (gradient and gd_step of exercise 03).
 * X is (n, d), y is (n) classes 0..k-1, W is (k, d): row c holds w_c; b is (k). */
void train_one_vs_rest(const double *X, const double *y, size_t n, size_t d, size_t k,
                       double lr, size_t epochs, double *W, double *b);

/* ---- 08 softmax ---------------------------------------------------------- */

/* p_c = e^(z_c) / sum_c' e^(z_c'), computed from z_c - max_c' z_c' so that it is
 * finite for any finite scores. z and p are (k), k >= 1. */
void softmax(const double *z, double *p, size_t k);

/* -(1/n) sum_i log max(P[i][y_i], 1e-15). P is (n, k) row-major, y is (n)
 * classes 0..k-1. */
double cce_loss(const double *P, const double *y, size_t n, size_t k);

/* The gradient of the mean CCE of P_i = softmax(W x_i + b):
 *   dW = (P - Y)^T X / n   (k, d),   db = mean(P - Y)   (k).
 * X is (n, d), y is (n), W and dW are (k, d), b and db are (k). */
void cce_gradient(const double *X, const double *y, size_t n, size_t d, size_t k,
                  const double *W, const double *b, double *dW, double *db);

/* Softmax regression by gradient descent from W = 0, b = 0: `epochs` steps
 * of W <- W - lr dW, b <- b - lr db (dW, db from cce_gradient). losses is
 * NULL or (epochs): losses[e] = cce_loss before update e.
 * X is (n, d), y is (n), W is (k, d), b is (k). */
void train_softmax(const double *X, const double *y, size_t n, size_t d, size_t k,
                   double lr, size_t epochs, double *W, double *b, double *losses);

/* ---- 09 precision-recall ------------------------------------------------- */

/* At threshold t sample i is predicted positive when p_i >= t. p and y are (n),
 * y_i is 0 or 1. */

/* tp / (tp + fp); 1 when nothing is predicted positive. */
double precision_at(const double *p, const double *y, size_t n, double threshold);

/* tp / (tp + fn); 1 when there are no positive samples. */
double recall_at(const double *p, const double *y, size_t n, double threshold);

/* The score p_i that, used as the threshold, gives the largest
 * F1 = 2 P R / (P + R) (the lowest such score on a tie); writes that F1 to
 * *best_f1. */
double best_f1_threshold(const double *p, const double *y, size_t n, double *best_f1);

/* ---- 10 polynomial-moons ------------------------------------------------- */

/* C(d + degree, degree) - 1: the number of products of 1 to degree features. */
size_t poly_count(size_t d, size_t degree);

/* Every product x_{j1} ... x_{jk}, j1 <= ... <= jk, k = 1 .. degree, in
 * scikit-learn's PolynomialFeatures(degree, include_bias=False) order, from
 * x (d) into out (poly_count(d, degree)). Returns the number written. */
size_t poly_expand(const double *x, size_t d, size_t degree, double *out);

/* ---- 11 making-it-fast --------------------------------------------------- */

/* One epoch in one pass over X: the mean cross-entropy (returned) and its
 * gradient, dw = X^T (p - y) / n (d values) and *db = mean(p - y), with
 * p_i = sigma(x_i . w + b), to the same bits as computing p, then the loss,
 * then the gradient in separate passes. X is (n, d) row-major, y is (n)
 * labels 0 or 1, w and dw are (d). Allocates nothing. */
double fused_epoch(const double *X, const double *y, size_t n, size_t d, const double *w, double b,
                   double *dw, double *db);

/* ---- 12 many-machines ---------------------------------------------------- */

/* Shard rank (0 .. P-1) of rows 0 .. n-1 for P processes: rows lo .. hi-1.
 * The P shards are contiguous, cover every row exactly once, in order, and
 * their sizes differ by at most one row. */
void shard_bounds(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi);

/* What one process sends to the all-reduce, over rows lo .. hi-1 only, with
 * p_i = sigma(x_i . w + b): partial[j] = sum_i (p_i - y_i) x_ij for j < d,
 * partial[d] = sum_i (p_i - y_i), partial[d + 1] = hi - lo. X is (n, d)
 * row-major, y is (n), w is (d), partial is (d + 2). */
void shard_sums(const double *X, const double *y, size_t d, size_t lo, size_t hi,
                const double *w, double b, double *partial);

/* The gradient of the mean cross-entropy over every row, from total, the
 * element-wise sum of every process's partial (d + 2): writes dL/dw into
 * dw (d) and returns dL/db. */
double global_gradient(const double *total, size_t d, double *dw);

/* Logistic regression on the polynomial features: expands every row of X
 * (n, d) with poly_expand, then trains w (poly_count(d, degree) weights) and
 * *b from 0 by `epochs` steps of gradient descent at learning rate lr
 * (gradient and gd_step of exercise 03). y is (n). */
void fit_polynomial(const double *X, const double *y, size_t n, size_t d, size_t degree,
                    double lr, size_t epochs, double *w, double *b);

#endif
