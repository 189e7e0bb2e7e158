/* A deliberately wrong exercise 07 for make test: the answer key's, with the
 * classes counted from 1 in training, so model c learns class c + 1 against
 * the rest (and the last model learns nothing). Chapter 07 linked with it
 * must print the line where its numbers first differ from NumPy's, and exit
 * with status 4. */
#include <stdlib.h>

#define train_one_vs_rest right_train_one_vs_rest
#include "../../../solutions/07-one-vs-rest.c"
#undef train_one_vs_rest

void train_one_vs_rest(const double *X, const double *y, size_t n, size_t d, size_t k,
                       double lr, size_t epochs, double *W, double *b) {
    double *shifted = malloc(n * sizeof *shifted);   // (n) y - 1: class c + 1 is read as c
    if (shifted == NULL) abort();
    for (size_t i = 0; i < n; i++) shifted[i] = y[i] - 1.0;
    right_train_one_vs_rest(X, shifted, n, d, k, lr, epochs, W, b);
    free(shifted);
}
