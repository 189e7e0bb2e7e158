/* The lesson's loops run with the learner's functions (exercises.h), for the
 * chapters. In its own file: it is the one part of liblr.a that calls
 * exercises/, so only a program linked with the exercises pulls it in. */
#include <stdlib.h>

#include "exercises.h"
#include "matrix.h"
#include "yours.h"

// [snippet yours-fit-gd]
void yours_fit_gd(const double *X, const double *y, size_t n, size_t d, double lr, size_t epochs, double lambda,
                  double *w, double *b, double *losses) {
    double *p = vec_new(n), *dw = vec_new(d), *theta = vec_new(d + 1), *penalty = vec_new(d + 1);
    for (size_t e = 0; e < epochs; e++) {
        // p_i = sigma(x_i . w + b): your sigmoid (exercise 01)
        for (size_t i = 0; i < n; i++) p[i] = sigmoid(vec_dot(&X[i * d], w, d) + *b);
        for (size_t j = 0; j < d; j++) theta[j] = w[j];   // theta = (w, b), as exercise 05 takes it
        theta[d] = *b;
        // L = mean BCE (02) + (lambda / 2n) ||w||^2 (05)
        double loss = bce_mean(y, p, n);
        if (lambda != 0.0) loss += l2_penalty(theta, d, n, lambda);
        if (losses != NULL) losses[e] = loss;
        // dw = X^T (p - y) / n (03) + (lambda / n) w (05), then one step (03)
        double db = gradient(X, y, n, d, w, *b, dw);
        if (lambda != 0.0) {
            l2_penalty_gradient(theta, d, n, lambda, penalty);
            for (size_t j = 0; j < d; j++) dw[j] += penalty[j];
            db += penalty[d];
        }
        gd_step(w, b, dw, db, d, lr);
    }
    free(p);
    free(dw);
    free(theta);
    free(penalty);
}
// [end yours-fit-gd]

void yours_predict_proba(const double *X, size_t n, size_t d, const double *w, double b, double *p) {
    // p_i = sigma(x_i . w + b)
    for (size_t i = 0; i < n; i++) p[i] = sigmoid(vec_dot(&X[i * d], w, d) + b);
}
