/* Exercise 05: the L2 penalty and its gradient.
 *
 * Fill in the two functions, then run   make check EX=05
 * Stuck?                                 make hint EX=05
 *
 * With L2 regularisation the loss is
 *
 *     L(w, b) = mean BCE + (lambda / 2n) * sum_j w_j^2
 *
 * and training adds the gradient of the second term to the gradient of the
 * first (exercise 03). Here you write that second term and its gradient.
 * The parameters come as one vector theta of d + 1 numbers: the d weights
 * theta[0..d-1] = w_1 .. w_d, then the bias theta[d] = b.
 */
#include <stddef.h>

#include "exercises.h"

/* The penalty
 *
 *     P(theta) = (lambda / (2 n)) * (w_1^2 + w_2^2 + ... + w_d^2)
 *
 * n is the number of samples (the loss is a mean over n, so the penalty is
 * divided by n too). The bias theta[d] is not part of the sum. */
double l2_penalty(const double *theta, size_t d, size_t n, double lambda) {
    TODO();   // the stub's marker: delete this line when you write l2_penalty
    (void)theta;
    (void)d;
    (void)n;
    (void)lambda;
    return 0.0;   // TODO: (lambda / 2n) sum_j w_j^2
}

/* The gradient of P, written into grad[0..d]:
 *
 *     dP/dw_j = (lambda / n) * w_j      for j = 0 .. d-1
 *     dP/db   = 0                       (grad[d]: b is not in P)
 */
void l2_penalty_gradient(const double *theta, size_t d, size_t n, double lambda, double *grad) {
    TODO();   // the stub's marker: delete this line when you write l2_penalty_gradient
    (void)theta;
    (void)n;
    (void)lambda;
    for (size_t j = 0; j <= d; j++) grad[j] = 0.0;   // TODO: (lambda / n) w_j, and 0 for the bias
}
