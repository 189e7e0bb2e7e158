/* Exercise 10: polynomial feature expansion.
 *
 * Fill in the two functions, then run   make check EX=10
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

#include "exercises.h"

/* The number of products above for d features and degree D >= 1:
 *
 *     C(d + D, D) - 1 = (d + D)! / (d! D!) - 1
 *
 * (the monomials of degree 0..D, minus the constant 1). d = 2, D = 3 gives 9. */
size_t poly_count(size_t d, size_t degree) {
    (void)degree;
    return d;  // TODO: C(d + degree, degree) - 1
}

/* Writes the poly_count(d, degree) products of x (d values) into out, in the
 * order above, and returns how many it wrote. */
size_t poly_expand(const double *x, size_t d, size_t degree, double *out) {
    (void)degree;
    for (size_t j = 0; j < d; j++) out[j] = x[j];  // degree 1 only
    return d;                                      // TODO: degrees 2 .. degree
}
