#include "loss.h"

#include <math.h>

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

// [snippet cce]
double loss_cce_one(const double *p, size_t label) {
    // -sum_c y_c log p_c with y one-hot: only the true class's term is left
    double p_true = p[label] < LOSS_EPS ? LOSS_EPS : p[label];
    return -log(p_true);
}

double loss_cce(const double *P, const double *y, size_t n, size_t k) {
    // L = (1/n) sum_i -log P[i, y_i]
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += loss_cce_one(&P[i * k], (size_t)y[i]);
    return sum / (double)n;
}
// [end cce]
