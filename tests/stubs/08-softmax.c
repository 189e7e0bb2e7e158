/* Exercise 08: softmax regression, the three pieces: the softmax of a row of
 * scores, the categorical cross-entropy and its gradient; then the lesson's
 * training loop that uses them.
 *
 * Fill in the four functions, then run    make check EX=08
 * Stuck?                                   make hint EX=08
 *
 * Softmax regression has, for each of the k classes, a weight vector w_c
 * (d numbers) and a bias b_c. A sample x gets one score per class,
 * z_c = w_c . x + b_c, and the softmax turns the k scores into k
 * probabilities that add up to 1.
 *
 * cce_gradient may call your softmax below, and train_softmax your
 * cce_gradient and cce_loss.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>   // malloc and free, for cce_gradient's k scores

#include "exercises.h"

/* The softmax of k scores z[0..k-1]:
 *
 *     p_c = e^(z_c) / sum_c' e^(z_c')           for c = 0 .. k-1
 *
 * e^(z_c) overflows to infinity for z_c > 709 and underflows to 0 below
 * -745, which would give inf/inf or 0/0 = NaN. Subtract the largest score
 * m = max_c' z_c' first (start m from z[0]):
 *
 *     p_c = e^(z_c - m) / sum_c' e^(z_c' - m)   (the same numbers: e^-m cancels)
 *
 * Now every exponent is <= 0 and the largest term is e^0 = 1. k >= 1. */
void softmax(const double *z, double *p, size_t k) {
    TODO();   // the stub's marker: delete this line when you write softmax
    (void)z;
    for (size_t c = 0; c < k; c++) p[c] = 0.0;   // TODO: p_c = e^(z_c - m) / sum
}

/* The mean categorical cross-entropy of n predictions:
 *
 *     L = -(1/n) sum_i log P[i][y_i]
 *
 * P holds n rows of k probabilities, row after row: P[i][c] is P[i * k + c].
 * y holds the n true classes (whole numbers 0 .. k-1, stored as doubles), so
 * only the probability of the true class counts. Clip that probability from
 * below at 1e-15 before the log, so that p = 0 costs -log(1e-15) = 34.5
 * instead of infinity. */
double cce_loss(const double *P, const double *y, size_t n, size_t k) {
    TODO();   // the stub's marker: delete this line when you write cce_loss
    (void)P;
    (void)y;
    (void)n;
    (void)k;
    return 0.0;   // TODO: -(1/n) sum_i log max(P[i][y_i], 1e-15)
}

/* The gradient of L(W, b) = cce_loss of P_i = softmax(z_i), where
 *
 *     z_ic = sum_j W[c][j] x_ij + b_c
 *
 * With Y[i][c] = 1 if y_i == c else 0 (one-hot), it works out to
 *
 *     dL/dW[c][j] = (1/n) sum_i (P[i][c] - Y[i][c]) x_ij     that is (P - Y)^T X / n
 *     dL/db[c]    = (1/n) sum_i (P[i][c] - Y[i][c])
 *
 * X holds n rows of d features (x_ij is X[i * d + j]); y the n classes;
 * W holds k rows of d weights (W[c][j] is W[c * d + j]); b the k biases.
 * Write dL/dW into dW (k * d values, same layout as W) and dL/db into
 * db (k values). */
void cce_gradient(const double *X, const double *y, size_t n, size_t d, size_t k,
                  const double *W, const double *b, double *dW, double *db) {
    TODO();   // the stub's marker: delete this line when you write cce_gradient
    (void)X;
    (void)y;
    (void)n;
    (void)W;
    (void)b;
    for (size_t t = 0; t < k * d; t++) dW[t] = 0.0;   // TODO: (P - Y)^T X / n
    for (size_t c = 0; c < k; c++) db[c] = 0.0;       // TODO: mean(P - Y)
}

/* Softmax regression trained by gradient descent, the lesson's loop:
 *
 *     W = 0, b = 0                       (k * d and k values)
 *     repeat epochs times:
 *         losses[e] = cce_loss of P = softmax(W x_i + b)   (if losses is not NULL)
 *         dW, db = cce_gradient(...)
 *         W <- W - lr dW,   b <- b - lr db
 *
 * The loss is recorded before update e, as the lesson's NumPy code does, so
 * losses[0] is the loss of W = 0: log k. */
void train_softmax(const double *X, const double *y, size_t n, size_t d, size_t k,
                   double lr, size_t epochs, double *W, double *b, double *losses) {
    TODO();   // the stub's marker: delete this line when you write train_softmax
    (void)X;
    (void)y;
    (void)n;
    (void)lr;
    for (size_t t = 0; t < k * d; t++) W[t] = 0.0;   // TODO: train, epoch by epoch
    for (size_t c = 0; c < k; c++) b[c] = 0.0;
    for (size_t e = 0; losses != NULL && e < epochs; e++) losses[e] = 0.0;
}
