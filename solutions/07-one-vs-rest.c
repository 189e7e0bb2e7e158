/* Solution 07: one-vs-rest labels and the prediction by argmax. */
#include <stddef.h>
#include <stdlib.h>

#include "exercises.h"

/* y_c[i] = 1 if y[i] == c else 0 */
void one_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c) {
    for (size_t i = 0; i < n; i++) y_c[i] = y[i] == (double)c ? 1.0 : 0.0;
}

/* The first index of the largest value: start from p[0] (not from 0, which
 * would be wrong for negative scores) and move on only when strictly larger. */
size_t argmax(const double *p, size_t k) {
    size_t best = 0;
    for (size_t c = 1; c < k; c++) {
        if (p[c] > p[best]) best = c;
    }
    return best;
}

/* pred[i] = argmax of row i, which starts at P[i * k] */
void predict_by_argmax(const double *P, size_t n, size_t k, double *pred) {
    for (size_t i = 0; i < n; i++) pred[i] = (double)argmax(&P[i * k], k);
}

/* K binary models, model c on the labels "y == c", each from w = 0, b = 0 by
 * gradient descent with exercise 03's gradient and gd_step. */
void train_one_vs_rest(const double *X, const double *y, size_t n, size_t d, size_t k,
                       double lr, size_t epochs, double *W, double *b) {
    double *y_c = malloc(n * sizeof *y_c);    // (n) labels of problem c
    double *dw = malloc(d * sizeof *dw);      // (d) gradient of model c
    if (y_c == NULL || dw == NULL) abort();   // out of memory: stop loudly
    for (size_t c = 0; c < k; c++) {
        double *w_c = &W[c * d];
        one_vs_rest_labels(y, n, c, y_c);
        for (size_t j = 0; j < d; j++) w_c[j] = 0.0;
        b[c] = 0.0;
        for (size_t e = 0; e < epochs; e++) {
            double db = gradient(X, y_c, n, d, w_c, b[c], dw);
            gd_step(w_c, &b[c], dw, db, d, lr);
        }
    }
    free(y_c);
    free(dw);
}
