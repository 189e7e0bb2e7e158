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
    // sigma'(z) = sigma(z) (1 - sigma(z)) = sigma(z) sigma(-z). The second form
    // is symmetric in z and exact: for z = 40, 1 - sigma(40) rounds to 0,
    // while sigma(-40) = 4.2e-18 is computed to full precision.
    return act_sigmoid(z) * act_sigmoid(-z);
}
// [end sigmoid-derivative]

void act_sigmoid_vec(const double *z, double *p, size_t n) {
    for (size_t i = 0; i < n; i++) p[i] = act_sigmoid(z[i]);
}

// [snippet softmax]
void act_softmax(const double *z, double *p, size_t k) {
    // p_c = e^(z_c) / sum_c' e^(z_c'). Subtracting m = max_c' z_c' from every
    // score changes nothing (the factor e^-m cancels), but then every
    // exponent is <= 0, so e^(z_c - m) never overflows, and the largest term
    // is e^0 = 1, so the sum is at least 1 and never 0. The max starts from
    // the first score, not from a guessed "very small" number.
    double m = z[0];
    for (size_t c = 1; c < k; c++) {
        if (z[c] > m) m = z[c];
    }
    double sum = 0.0;
    for (size_t c = 0; c < k; c++) {
        p[c] = exp(z[c] - m);
        sum += p[c];
    }
    for (size_t c = 0; c < k; c++) p[c] /= sum;
}
// [end softmax]
