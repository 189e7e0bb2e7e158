/* Solution 02: binary cross-entropy. */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

/* L(y, p) = -(y log p + (1 - y) log(1 - p)), p clipped to [eps, 1 - eps] */
double bce_one(double y, double p) {
    const double eps = 1e-15;
    if (p < eps) p = eps;
    if (p > 1.0 - eps) p = 1.0 - eps;
    return -(y * log(p) + (1.0 - y) * log(1.0 - p));
}

/* (1/n) sum_i L(y_i, p_i) */
double bce_mean(const double *y, const double *p, size_t n) {
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += bce_one(y[i], p[i]);
    return sum / (double)n;
}
