#include "activation.h"

#include <math.h>

// [snippet sigmoid]
double act_sigmoid(double z) {
    // sigma(z) = 1 / (1 + e^-z). For z < 0, e^-z can overflow to infinity
    // (z = -1000 gives e^1000), so there we use the equal form
    // e^z / (1 + e^z), whose e^z only underflows harmlessly to 0.
    if (z >= 0) {
        return 1.0 / (1.0 + exp(-z));
    }
    double e = exp(z);
    return e / (1.0 + e);
}
// [end sigmoid]

// [snippet sigmoid-derivative]
double act_sigmoid_derivative(double z) {
    // sigma'(z) = sigma(z) (1 - sigma(z))
    double s = act_sigmoid(z);
    return s * (1.0 - s);
}
// [end sigmoid-derivative]

void act_sigmoid_vec(const double *z, double *p, size_t n) {
    for (size_t i = 0; i < n; i++) p[i] = act_sigmoid(z[i]);
}
