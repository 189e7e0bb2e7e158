/* activation: the functions that turn a score z into a probability. */
#ifndef LR_ACTIVATION_H
#define LR_ACTIVATION_H

#include <math.h>
#include <stddef.h>

/* sigma(z) = 1 / (1 + e^-z), exact and finite for every double z:
 * act_sigmoid(-1e308) == 0, act_sigmoid(1e308) == 1, never NaN for a number. */
double act_sigmoid(double z);

/* sigma'(z) = sigma(z) (1 - sigma(z)): the slope of the sigmoid at z. */
double act_sigmoid_derivative(double z);

/* p_i = sigma(z_i) for i < n. z and p may be the same array. */
void act_sigmoid_vec(const double *z, double *p, size_t n);

/* The softmax of k scores: p_c = e^(z_c) / sum_c' e^(z_c') for c < k.
 * Every p_c is in [0, 1] and they sum to 1. Computed from z_c - max_c' z_c', so
 * it is finite for any finite scores (z = {1e4, -1e4} gives {1, 0}, not NaN).
 * z is (k), p is (k); they may be the same array. k >= 1. */
void act_softmax(const double *z, double *p, size_t k);

/* sigma(z) to the same bits as act_sigmoid, choosing between its two forms
 * without a branch (a branch is mispredicted on every other row of mixed
 * data): e = e^-|z| never overflows, and sigma(z) = 1 / (1 + e) for z >= 0,
 * e / (1 + e) below. Inline, for the loops over every row. */
static inline double act_sigmoid_select(double z) {
    double e = exp(-fabs(z));
    return (z >= 0 ? 1.0 : e) / (1.0 + e);
}

#endif
