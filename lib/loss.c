#include "loss.h"

#include <math.h>

double loss_clip(double p) {
    if (p < LOSS_EPS) return LOSS_EPS;
    if (p > 1.0 - LOSS_EPS) return 1.0 - LOSS_EPS;
    return p;
}

// [snippet bce]
double loss_bce_one(double y, double p) {
    // L(y, p) = -(y log p + (1 - y) log(1 - p)), p clipped away from 0 and 1
    p = loss_clip(p);
    return -(y * log(p) + (1.0 - y) * log(1.0 - p));
}

double loss_bce(const double *y, const double *p, size_t n) {
    // L = (1/n) sum_i L(y_i, p_i)
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += loss_bce_one(y[i], p[i]);
    return sum / (double)n;
}
// [end bce]
