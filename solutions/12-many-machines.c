/* Solution 12: one gradient from many shards. */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* sizes n / P, and one more for the first n % P shards */
void shard_bounds(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi) {
    size_t base = n / P, extra = n % P;
    *lo = rank * base + (rank < extra ? rank : extra);   // the shards before, each with its extra row
    *hi = *lo + base + (rank < extra ? 1 : 0);
}

/* partial = (sum_i e_i x_i, sum_i e_i, hi - lo) over rows lo .. hi-1, e_i = p_i - y_i */
void shard_sums(const double *X, const double *y, size_t d, size_t lo, size_t hi,
                const double *w, double b, double *partial) {
    for (size_t j = 0; j < d + 2; j++) partial[j] = 0.0;
    for (size_t i = lo; i < hi; i++) {
        const double *x_i = &X[i * d];
        double z = b;
        for (size_t j = 0; j < d; j++) z += x_i[j] * w[j];
        double e = sigma(z) - y[i];
        for (size_t j = 0; j < d; j++) partial[j] += e * x_i[j];
        partial[d] += e;
    }
    partial[d + 1] = (double)(hi - lo);
}

/* dw = total[0..d-1] / n,  db = total[d] / n,  n = total[d + 1]: one division, after the sum */
double global_gradient(const double *total, size_t d, double *dw) {
    double n = total[d + 1];
    for (size_t j = 0; j < d; j++) dw[j] = total[j] / n;
    return total[d] / n;
}
