/* Solution 07: one-vs-rest labels and the prediction by argmax. */
#include <stddef.h>

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
