/* A deliberately wrong exercise 03 for make test: the answer key's, with a
 * gradient twice too large (a forgotten 1/2, a sum counted twice). Chapter 03
 * linked with it must print the line where its numbers first differ from
 * NumPy's, and exit with status 4. */
#define gradient right_gradient
#include "../../../solutions/03-gradient-descent.c"
#undef gradient

double gradient(const double *X, const double *y, size_t n, size_t d, const double *w, double b, double *dw) {
    double db = right_gradient(X, y, n, d, w, b, dw);
    for (size_t j = 0; j < d; j++) dw[j] *= 2.0;
    return 2.0 * db;
}
