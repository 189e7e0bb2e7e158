/* Exercise 07: one-vs-rest, the labels of each binary problem and the
 * prediction by the largest probability.
 *
 * Fill in the three functions, then run   make check EX=07
 * Stuck?                                   make hint EX=07
 *
 * One-vs-rest turns a problem of K classes (labels 0, 1, ..., K-1) into K
 * binary problems. Binary problem c asks "is this sample of class c?", so
 * its labels are 1 for class c and 0 for every other class. Each binary
 * model gives a probability p_c; the prediction is the class whose model
 * is most sure.
 */
#include <stddef.h>

#include "exercises.h"

/* The labels of binary problem c ("class c against the rest"):
 *
 *     y_c[i] = 1   if y[i] == c
 *     y_c[i] = 0   otherwise            for i = 0 .. n-1
 *
 * y holds n class labels (whole numbers stored as doubles). */
void one_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c) {
    (void)y;
    (void)c;
    for (size_t i = 0; i < n; i++) y_c[i] = 0.0;  // TODO: 1 where y[i] == c
}

/* The index of the largest of the k numbers p[0], ..., p[k-1]:
 *
 *     argmax_c p[c]
 *
 * On a tie, return the smallest of the tied indices (NumPy's np.argmax does
 * the same). k >= 1. Do not assume the numbers are positive: the same
 * function must work on scores such as {-3, -1, -2} (answer: 1). */
size_t argmax(const double *p, size_t k) {
    (void)p;
    (void)k;
    return 0;  // TODO: the index of the largest p[c]
}

/* One-vs-rest prediction for n samples:
 *
 *     pred[i] = argmax_c P[i][c]        for i = 0 .. n-1
 *
 * P holds n rows of k probabilities, row after row: P[i][c] is P[i * k + c]
 * (column c came from binary model c). Write each class into pred[i] as a
 * double. */
void predict_by_argmax(const double *P, size_t n, size_t k, double *pred) {
    (void)P;
    (void)k;
    for (size_t i = 0; i < n; i++) pred[i] = 0.0;  // TODO: argmax of row i
}
