/* activation: the functions that turn a score z into a probability. */
#ifndef LR_ACTIVATION_H
#define LR_ACTIVATION_H

#include <stddef.h>

/* sigma(z) = 1 / (1 + e^-z), exact and finite for every double z:
 * act_sigmoid(-1e308) == 0, act_sigmoid(1e308) == 1, never NaN for a number. */
double act_sigmoid(double z);

/* sigma'(z) = sigma(z) (1 - sigma(z)): the slope of the sigmoid at z. */
double act_sigmoid_derivative(double z);

/* p_i = sigma(z_i) for i < n. z and p may be the same array. */
void act_sigmoid_vec(const double *z, double *p, size_t n);

#endif
