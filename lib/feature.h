/* feature: new columns from old ones, so that a linear model can draw a
 * curved boundary. (Not "features.h": the C library has a header of that
 * name, and -Ilib would put this one in its place.)
 *
 * Polynomial expansion: every product of the d features of degree 1 to D,
 * x_{j1} x_{j2} ... x_{jk} with j1 <= j2 <= ... <= jk and 1 <= k <= D, in the
 * column order of scikit-learn's PolynomialFeatures(D, include_bias=False):
 * degree by degree, and within a degree in dictionary order of (j1, ..., jk).
 * For d = 2 and D = 3:
 *
 *     x1, x2, x1^2, x1 x2, x2^2, x1^3, x1^2 x2, x1 x2^2, x2^3
 *
 * Standardisation: each column shifted by its mean and divided by its
 * standard deviation, both measured on the training data only, then applied
 * unchanged to any other data (scikit-learn's StandardScaler).
 *
 *     Matrix P = feature_poly(&X, 3);           // (n, 9)
 *     Scaler sc;
 *     feature_scaler_fit(&sc, &P);               // means and deviations of P
 *     feature_scaler_apply(&sc, &P);             // now mean 0, deviation 1
 *     feature_scaler_apply(&sc, &P_test);        // the same shift and scale
 *     feature_scaler_free(&sc);
 *     mat_free(&P);
 */
#ifndef LR_FEATURE_H
#define LR_FEATURE_H

#include <stddef.h>

#include "matrix.h"

/* ---- polynomial features --------------------------------------------------- */

/* The number of columns of the expansion of d features to degree D (no
 * constant column): C(d + D, D) - 1. d = 2: D = 2 gives 5, D = 3 gives 9. */
size_t feature_poly_count(size_t d, size_t degree);

/* The expansion of one sample: x is (d), out is (feature_poly_count(d, degree)).
 * degree >= 1. */
void feature_poly_row(const double *x, size_t d, size_t degree, double *out);

/* The expansion of every row of X (n, d): a new (n, feature_poly_count(d,
 * degree)) matrix the caller frees with mat_free. */
Matrix feature_poly(const Matrix *X, size_t degree);

/* The exponents of each column (scikit-learn's powers_): column k is
 * prod_j x_j^powers[k * d + j]. powers is (feature_poly_count(d, degree), d). */
void feature_poly_powers(size_t d, size_t degree, unsigned *powers);

/* The name of column k, built from names (d) of the features, e.g.
 * "x1^2 x2", into buf (size bytes). Returns buf. */
const char *feature_poly_name(size_t d, size_t degree, size_t k, const char *const *names,
                              char *buf, size_t size);

/* ---- standardisation --------------------------------------------------------- */

typedef struct {
    size_t d;        // number of columns
    double *mean;    // (d) column means of the training data
    double *scale;   // (d) column standard deviations (population: divide by n), 1 for a constant
                     // column (one whose variance is within rounding of 0, as scikit-learn decides)
} Scaler;

/* Measures the mean and standard deviation of each column of X (n, d), n >= 1.
 * Free with feature_scaler_free. */
void feature_scaler_fit(Scaler *s, const Matrix *X);

/* x_ij <- (x_ij - mean_j) / scale_j for every row of X (n, s->d), in place. */
void feature_scaler_apply(const Scaler *s, Matrix *X);

/* Frees the arrays and leaves s empty. */
void feature_scaler_free(Scaler *s);

#endif
