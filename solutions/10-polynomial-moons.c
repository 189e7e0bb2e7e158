/* Solution 10: polynomial feature expansion in scikit-learn's order.
 *
 * A degree-k product is x_j times a degree-(k-1) product whose indices are
 * all >= j. So each degree is built from the one before, in d blocks: for
 * j = 0, 1, ..., d-1, x_j times every product of the previous degree that
 * starts at index j or later. start[j] remembers where those begin. */
#include <stddef.h>
#include <stdlib.h>

#include "exercises.h"

/* C(d + D, D) - 1; every partial product is a binomial coefficient, so each
 * division is exact. */
size_t poly_count(size_t d, size_t degree) {
    size_t c = 1;
    for (size_t k = 1; k <= degree; k++) c = c * (d + k) / k;
    return c - 1;
}

size_t poly_expand(const double *x, size_t d, size_t degree, double *out) {
    size_t *start = malloc(d * sizeof *start);   // (d) first previous-degree product starting at x_j
    if (start == NULL) return 0;                 // out of memory: nothing written
    size_t col = 0;
    for (size_t j = 0; j < d; j++) {
        start[j] = col;
        out[col++] = x[j];
    }
    size_t end = col;   // one past the last product of the previous degree
    for (size_t k = 2; k <= degree; k++) {
        for (size_t j = 0; j < d; j++) {
            size_t from = start[j];
            start[j] = col;
            for (size_t t = from; t < end; t++) out[col++] = out[t] * x[j];
        }
        end = col;
    }
    free(start);
    return col;
}

/* Expand every row, then the gradient descent of exercise 03 on the new
 * columns. */
void fit_polynomial(const double *X, const double *y, size_t n, size_t d, size_t degree,
                    double lr, size_t epochs, double *w, double *b) {
    size_t m = poly_count(d, degree);
    double *P = malloc(n * m * sizeof *P);   // (n, m) the expanded rows
    double *dw = malloc(m * sizeof *dw);     // (m)
    if (P == NULL || dw == NULL) abort();    // out of memory: stop loudly
    for (size_t i = 0; i < n; i++) poly_expand(&X[i * d], d, degree, &P[i * m]);
    for (size_t j = 0; j < m; j++) w[j] = 0.0;
    *b = 0.0;
    for (size_t e = 0; e < epochs; e++) {
        double db = gradient(P, y, n, m, w, *b, dw);
        gd_step(w, b, dw, db, m, lr);
    }
    free(P);
    free(dw);
}
