/* Solution 03: the gradient of the cross-entropy, and one descent step. */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* dw = X^T (p - y) / n,  db = mean(p - y),  p_i = sigma(x_i . w + b) */
double gradient(const double *X, const double *y, size_t n, size_t d,
                const double *w, double b, double *dw) {
    double db = 0.0;
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *x_i = &X[i * d];
        double z = b;
        for (size_t j = 0; j < d; j++) z += x_i[j] * w[j];
        double error = sigma(z) - y[i];   // p_i - y_i
        for (size_t j = 0; j < d; j++) dw[j] += error * x_i[j];
        db += error;
    }
    for (size_t j = 0; j < d; j++) dw[j] /= (double)n;
    return db / (double)n;
}

/* w <- w - lr dw,  b <- b - lr db */
void gd_step(double *w, double *b, const double *dw, double db, size_t d, double lr) {
    for (size_t j = 0; j < d; j++) w[j] -= lr * dw[j];
    *b -= lr * db;
}
