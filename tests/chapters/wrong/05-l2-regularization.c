/* A deliberately wrong exercise 05 for make test: the answer key's, with the
 * bias penalised too (theta[d] counted as a weight). Chapter 05 linked with
 * it must print the line where its numbers first differ from NumPy's, and
 * exit with status 4. */
#define l2_penalty right_l2_penalty
#define l2_penalty_gradient right_l2_penalty_gradient
#include "../../../solutions/05-l2-regularization.c"
#undef l2_penalty
#undef l2_penalty_gradient

double l2_penalty(const double *theta, size_t d, size_t n, double lambda) {
    return right_l2_penalty(theta, d + 1, n, lambda);   // the mistake: d + 1 values, b among them
}

void l2_penalty_gradient(const double *theta, size_t d, size_t n, double lambda, double *grad) {
    right_l2_penalty_gradient(theta, d, n, lambda, grad);
    grad[d] = lambda / (double)n * theta[d];   // the mistake: the bias has no penalty
}
