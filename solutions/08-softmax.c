/* Solution 08: softmax, categorical cross-entropy and its gradient. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "exercises.h"

/* p_c = e^(z_c - m) / sum_c' e^(z_c' - m), m = max_c' z_c' */
void softmax(const double *z, double *p, size_t k) {
    double m = z[0];
    for (size_t c = 1; c < k; c++) {
        if (z[c] > m) m = z[c];
    }
    double sum = 0.0;
    for (size_t c = 0; c < k; c++) {
        p[c] = exp(z[c] - m);
        sum += p[c];
    }
    for (size_t c = 0; c < k; c++) p[c] /= sum;
}

/* L = -(1/n) sum_i log max(P[i][y_i], 1e-15) */
double cce_loss(const double *P, const double *y, size_t n, size_t k) {
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double p_true = P[i * k + (size_t)y[i]];
        sum += -log(p_true < 1e-15 ? 1e-15 : p_true);
    }
    return sum / (double)n;
}

/* dW = (P - Y)^T X / n,  db = mean(P - Y),  P_i = softmax(W x_i + b).
 * One sample at a time: its k scores, their softmax, the error P_ic - Y_ic
 * of each class, added into row c of dW (times x_i) and into db_c. */
void cce_gradient(const double *X, const double *y, size_t n, size_t d, size_t k,
                  const double *W, const double *b, double *dW, double *db) {
    double *p_i = malloc(k * sizeof *p_i);   // the k scores, then probabilities, of sample i
    if (p_i == NULL) abort();                // out of memory: stop loudly, never return a wrong gradient
    for (size_t t = 0; t < k * d; t++) dW[t] = 0.0;
    for (size_t c = 0; c < k; c++) db[c] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *x_i = &X[i * d];
        for (size_t c = 0; c < k; c++) {
            p_i[c] = b[c];
            for (size_t j = 0; j < d; j++) p_i[c] += W[c * d + j] * x_i[j];
        }
        softmax(p_i, p_i, k);
        for (size_t c = 0; c < k; c++) {
            double e_ic = p_i[c] - (y[i] == (double)c ? 1.0 : 0.0);   // P_ic - Y_ic
            for (size_t j = 0; j < d; j++) dW[c * d + j] += e_ic * x_i[j];
            db[c] += e_ic;
        }
    }
    for (size_t t = 0; t < k * d; t++) dW[t] /= (double)n;
    for (size_t c = 0; c < k; c++) db[c] /= (double)n;
    free(p_i);
}

/* The lesson's loop: record the loss, take one step against the gradient. */
void train_softmax(const double *X, const double *y, size_t n, size_t d, size_t k,
                   double lr, size_t epochs, double *W, double *b, double *losses) {
    double *dW = malloc(k * d * sizeof *dW);   // (k, d)
    double *db = malloc(k * sizeof *db);       // (k)
    double *P = malloc(n * k * sizeof *P);     // (n, k) probabilities, for the loss
    if (dW == NULL || db == NULL || P == NULL) abort();
    for (size_t t = 0; t < k * d; t++) W[t] = 0.0;
    for (size_t c = 0; c < k; c++) b[c] = 0.0;
    for (size_t e = 0; e < epochs; e++) {
        if (losses != NULL) {
            // P_i = softmax(W x_i + b), then L = cce_loss(P, y)
            for (size_t i = 0; i < n; i++) {
                double *p_i = &P[i * k];
                for (size_t c = 0; c < k; c++) {
                    p_i[c] = b[c];
                    for (size_t j = 0; j < d; j++) p_i[c] += W[c * d + j] * X[i * d + j];
                }
                softmax(p_i, p_i, k);
            }
            losses[e] = cce_loss(P, y, n, k);
        }
        cce_gradient(X, y, n, d, k, W, b, dW, db);
        // W <- W - lr dW,  b <- b - lr db
        for (size_t t = 0; t < k * d; t++) W[t] -= lr * dW[t];
        for (size_t c = 0; c < k; c++) b[c] -= lr * db[c];
    }
    free(dW);
    free(db);
    free(P);
}
