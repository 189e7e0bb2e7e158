/* Exercise 07: one-vs-rest, the labels of each binary problem and the
 * prediction by the largest probability.
 *
 * Fill in the four functions, then run    make check EX=07
 * Stuck?                                   make hint EX=07
 *
 * One-vs-rest turns a problem of K classes (labels 0, 1, ..., K-1) into K
 * binary problems. Binary problem c asks "is this sample of class c?", so
 * its labels are 1 for class c and 0 for every other class. Each binary
 * model gives a probability p_c; the prediction is the class whose model
 * is most sure.
 */
#include <stddef.h>
#include <stdlib.h>   // malloc and free, for train_one_vs_rest

#include "exercises.h"

/* The labels of binary problem c ("class c against the rest"):
 *
 *     y_c[i] = 1   if y[i] == c
 *     y_c[i] = 0   otherwise            for i = 0 .. n-1
 *
 * y holds n class labels (whole numbers stored as doubles). */
void one_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c) {
    TODO();   // the stub's marker: delete this line when you write one_vs_rest_labels
    (void)y;
    (void)c;
    for (size_t i = 0; i < n; i++) y_c[i] = 0.0;   // TODO: 1 where y[i] == c
}

/* The index of the largest of the k numbers p[0], ..., p[k-1]:
 *
 *     argmax_c p[c]
 *
 * On a tie, return the smallest of the tied indices (NumPy's np.argmax does
 * the same). k >= 1. Do not assume the numbers are positive: the same
 * function must work on scores such as {-3, -1, -2} (answer: 1). */
size_t argmax(const double *p, size_t k) {
    TODO();   // the stub's marker: delete this line when you write argmax
    (void)p;
    (void)k;
    return 0;   // TODO: the index of the largest p[c]
}

/* One-vs-rest prediction for n samples:
 *
 *     pred[i] = argmax_c P[i][c]        for i = 0 .. n-1
 *
 * P holds n rows of k probabilities, row after row: P[i][c] is P[i * k + c]
 * (column c came from binary model c). Write each class into pred[i] as a
 * double. */
void predict_by_argmax(const double *P, size_t n, size_t k, double *pred) {
    TODO();   // the stub's marker: delete this line when you write predict_by_argmax
    (void)P;
    (void)k;
    for (size_t i = 0; i < n; i++) pred[i] = 0.0;   // TODO: argmax of row i
}

/* One-vs-rest training: k binary logistic regressions, model c trained on
 * the labels of "class c against the rest":
 *
 *     for c = 0 .. k-1:
 *         y_c = one_vs_rest_labels(y, n, c)
 *         w_c = 0, b_c = 0
 *         repeat epochs times:  dw, db = gradient(X, y_c, w_c, b_c);
 *                               gd_step(w_c, b_c, dw, db, lr)
 *
 * gradient and gd_step are yours from exercise 03 (make check EX=07 links the
 * answer key's). W holds k rows of d weights: w_c is W[c * d .. c * d + d-1];
 * b holds the k biases. You need room for y_c (n values) and dw (d values):
 * malloc them, and free them before you return. */
void train_one_vs_rest(const double *X, const double *y, size_t n, size_t d, size_t k,
                       double lr, size_t epochs, double *W, double *b) {
    TODO();   // the stub's marker: delete this line when you write train_one_vs_rest
    (void)X;
    (void)y;
    (void)n;
    (void)lr;
    (void)epochs;
    for (size_t t = 0; t < k * d; t++) W[t] = 0.0;   // TODO: train model c into row c
    for (size_t c = 0; c < k; c++) b[c] = 0.0;
}
