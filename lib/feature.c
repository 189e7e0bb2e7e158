#include "feature.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- polynomial features --------------------------------------------------- */

size_t feature_poly_count(size_t d, size_t degree) {
    // C(d + D, D) = prod_{k=1..D} (d + k) / k; each partial product is a
    // binomial coefficient C(d + k, k), so every division is exact.
    size_t c = 1;
    for (size_t k = 1; k <= degree; k++) c = c * (d + k) / k;
    return c - 1;
}

// [snippet poly-row]
void feature_poly_row(const double *x, size_t d, size_t degree, double *out) {
    // start[j]: where the terms of the previous degree that begin with x_j
    // (their first index is >= j) start in out. A degree-k term is x_j times
    // a degree-(k-1) term whose indices are all >= j, so each degree is a
    // block x_j * out[start[j] .. end) for j = 0, 1, ..., d-1.
    size_t *start = lr_malloc(d * sizeof *start);
    size_t col = 0;
    for (size_t j = 0; j < d; j++) {
        start[j] = col;
        out[col++] = x[j];   // degree 1: the features
    }
    size_t end = col;   // one past the previous degree
    for (size_t k = 2; k <= degree; k++) {
        for (size_t j = 0; j < d; j++) {
            size_t from = start[j];
            start[j] = col;
            for (size_t t = from; t < end; t++) out[col++] = out[t] * x[j];
        }
        end = col;
    }
    free(start);
}
// [end poly-row]

Matrix feature_poly(const Matrix *X, size_t degree) {
    Matrix P = mat_new(X->rows, feature_poly_count(X->cols, degree));
    for (size_t i = 0; i < X->rows; i++) feature_poly_row(mat_row(X, i), X->cols, degree, mat_row(&P, i));
    return P;
}

void feature_poly_powers(size_t d, size_t degree, unsigned *powers) {
    // The same blocks as feature_poly_row, adding 1 to exponent j instead
    // of multiplying by x_j.
    size_t count = feature_poly_count(d, degree);
    memset(powers, 0, count * d * sizeof *powers);
    size_t *start = lr_malloc(d * sizeof *start);
    size_t col = 0;
    for (size_t j = 0; j < d; j++) {
        start[j] = col;
        powers[col++ * d + j] = 1;
    }
    size_t end = col;
    for (size_t k = 2; k <= degree; k++) {
        for (size_t j = 0; j < d; j++) {
            size_t from = start[j];
            start[j] = col;
            for (size_t t = from; t < end; t++, col++) {
                memcpy(&powers[col * d], &powers[t * d], d * sizeof *powers);
                powers[col * d + j]++;
            }
        }
        end = col;
    }
    free(start);
}

const char *feature_poly_name(size_t d, size_t degree, size_t k, const char *const *names,
                              char *buf, size_t size) {
    size_t count = feature_poly_count(d, degree);
    unsigned *powers = lr_malloc(count * d * sizeof *powers);
    feature_poly_powers(d, degree, powers);
    size_t len = 0;
    buf[0] = '\0';
    for (size_t j = 0; j < d && k < count; j++) {
        unsigned e = powers[k * d + j];
        if (e == 0 || len >= size) continue;
        int w = e == 1 ? snprintf(buf + len, size - len, "%s%s", len > 0 ? " " : "", names[j])
                       : snprintf(buf + len, size - len, "%s%s^%u", len > 0 ? " " : "", names[j], e);
        len += w > 0 ? (size_t)w : 0;
    }
    free(powers);
    return buf;
}

/* ---- standardisation --------------------------------------------------------- */

/* Past this size a column's sum or squared deviations could overflow, and
 * below SCALER_TINY its squared deviations underflow to 0: its statistics are
 * measured on the column divided by a power of 2 (exact). */
#define SCALER_HUGE 0x1p500
#define SCALER_TINY 0x1p-500

/* Per column, 1, or when the largest |x_ij| is above SCALER_HUGE (or, not 0,
 * below SCALER_TINY) a power of 2 at least half of it (2^1024, the power
 * above, is not a double). */
static void column_units(const Matrix *X, double *unit) {
    for (size_t j = 0; j < X->cols; j++) unit[j] = 0.0;
    for (size_t i = 0; i < X->rows; i++) {
        for (size_t j = 0; j < X->cols; j++) unit[j] = fmax(unit[j], fabs(*mat_at(X, i, j)));
    }
    for (size_t j = 0; j < X->cols; j++) {
        int e;
        frexp(unit[j], &e);
        int rescale = unit[j] > SCALER_HUGE || (unit[j] > 0.0 && unit[j] < SCALER_TINY);
        unit[j] = rescale ? ldexp(1.0, e - 1) : 1.0;   // then |x / unit| < 2
    }
}

void feature_scaler_fit(Scaler *s, const Matrix *X) {
    size_t n = X->rows, d = X->cols;
    s->d = d;
    s->mean = vec_new(d);
    s->scale = vec_new(d);
    double *unit = vec_new(d);
    column_units(X, unit);
    // in units of unit_j: mean_j = (1/n) sum_i x_ij;  scale_j = sqrt((1/n) sum_i (x_ij - mean_j)^2)
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) s->mean[j] += *mat_at(X, i, j) / unit[j];
    }
    for (size_t j = 0; j < d; j++) s->mean[j] /= (double)n;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) {
            double dev = *mat_at(X, i, j) / unit[j] - s->mean[j];
            s->scale[j] += dev * dev;
        }
    }
    // A column is constant when its variance is within the rounding error of
    // computing it: var <= n eps var + (n eps mean)^2 (scikit-learn's test,
    // after Chan, Golub and LeVeque). It is shifted, not divided by ~0.
    for (size_t j = 0; j < d; j++) {
        double var = s->scale[j] / (double)n, eps = DBL_EPSILON, bound = (double)n * eps * s->mean[j];
        s->scale[j] = var <= (double)n * eps * var + bound * bound ? 1.0 : sqrt(var) * unit[j];
        s->mean[j] *= unit[j];
    }
    free(unit);
}

void feature_scaler_apply(const Scaler *s, Matrix *X) {
    for (size_t i = 0; i < X->rows; i++) {
        double *x_i = mat_row(X, i);
        for (size_t j = 0; j < s->d; j++) {
            double z = (x_i[j] - s->mean[j]) / s->scale[j];
            // x - mean overflows only for values near the largest double: divide first
            x_i[j] = isfinite(z) ? z : x_i[j] / s->scale[j] - s->mean[j] / s->scale[j];
        }
    }
}

void feature_scaler_free(Scaler *s) {
    free(s->mean);
    free(s->scale);
    *s = (Scaler){0, NULL, NULL};
}
