/* Exercise 10: polynomial feature expansion.
 *
 * Fill in the three functions, then run  make check EX=10
 * Stuck?                                 make hint EX=10
 *
 * A sample x = (x_0, ..., x_{d-1}) is expanded into every product of its
 * features of degree 1 up to D, each product once:
 *
 *     x_{j1} x_{j2} ... x_{jk}   with   j1 <= j2 <= ... <= jk,   1 <= k <= D
 *
 * in scikit-learn's order (PolynomialFeatures(D, include_bias=False)):
 * all of degree 1, then all of degree 2, and so on; within one degree, in
 * dictionary order of the index list (j1, ..., jk). For d = 2, D = 3:
 *
 *     x0, x1,  x0^2, x0 x1, x1^2,  x0^3, x0^2 x1, x0 x1^2, x1^3
 *
 * and for d = 3, D = 2:
 *
 *     x0, x1, x2,  x0^2, x0 x1, x0 x2, x1^2, x1 x2, x2^2
 */
#include <stddef.h>
#include <stdlib.h>   // malloc and free, for fit_polynomial

#include "exercises.h"

/* The number of products above for d features and degree D >= 1:
 *
 *     C(d + D, D) - 1 = (d + D)! / (d! D!) - 1
 *
 * (the monomials of degree 0..D, minus the constant 1). d = 2, D = 3 gives 9. */
size_t poly_count(size_t d, size_t degree) {
    TODO();   // the stub's marker: delete this line when you write poly_count
    (void)degree;
    return d;   // TODO: C(d + degree, degree) - 1
}

/* Writes the poly_count(d, degree) products of x (d values) into out, in the
 * order above, and returns how many it wrote. The tests compare every
 * product with scikit-learn's to the last bit, so the order of the
 * multiplications must match too: a product of degree k whose smallest
 * index is j is x_j times one of degree k - 1 (all indices >= j), so
 * x0 x1 x1 is x0 * (x1 * x1), not (x0 * x1) * x1. */
size_t poly_expand(const double *x, size_t d, size_t degree, double *out) {
    TODO();   // the stub's marker: delete this line when you write poly_expand
    (void)degree;
    for (size_t j = 0; j < d; j++) out[j] = x[j];   // degree 1 only
    return d;                                       // TODO: degrees 2 .. degree
}

/* Logistic regression on polynomial features, the lesson's fix for the moons:
 *
 *     P = the expansion of every row of X      (n rows of m = poly_count(d, degree))
 *     w = 0 (m weights), b = 0
 *     repeat epochs times:  dw, db = gradient(P, y, w, b);  gd_step(w, b, dw, db, lr)
 *
 * X holds n rows of d features (x_ij is X[i * d + j]); row i of P is
 * poly_expand of row i of X. gradient and gd_step are yours from exercise
 * 03 (make check EX=10 links the answer key's). malloc P and dw, and free
 * them before you return. */
void fit_polynomial(const double *X, const double *y, size_t n, size_t d, size_t degree,
                    double lr, size_t epochs, double *w, double *b) {
    TODO();   // the stub's marker: delete this line when you write fit_polynomial
    (void)X;
    (void)y;
    (void)n;
    (void)lr;
    (void)epochs;
    for (size_t j = 0; j < d; j++) w[j] = 0.0;   // TODO: expand, then train poly_count(d, degree) weights
    (void)degree;
    *b = 0.0;
}
