/* Solution 05: the L2 penalty and its gradient. */
#include <stddef.h>

#include "exercises.h"

/* (lambda / 2n) sum_j w_j^2, the bias theta[d] left out */
double l2_penalty(const double *theta, size_t d, size_t n, double lambda) {
    double wTw = 0.0;
    for (size_t j = 0; j < d; j++) wTw += theta[j] * theta[j];
    return lambda / (2.0 * (double)n) * wTw;
}

/* dP/dw_j = (lambda / n) w_j,  dP/db = 0 */
void l2_penalty_gradient(const double *theta, size_t d, size_t n, double lambda, double *grad) {
    for (size_t j = 0; j < d; j++) grad[j] = lambda / (double)n * theta[j];
    grad[d] = 0.0;
}
