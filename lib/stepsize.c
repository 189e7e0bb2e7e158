#include "stepsize.h"

#include <math.h>
#include <stdlib.h>

/* Xv = X~ v with X~ = [X, 1]: X is (n, d), v is (d + 1), Xv is (n). */
static void times_x(const Matrix *X, const double *v, double *Xv) {
    mat_vec_bias(X, v, v[X->cols], Xv);
}

/* out = X~^T u: u is (n), out is (d + 1); the last entry is sum_i u_i. */
static void times_xt(const Matrix *X, const double *u, double *out) {
    mat_t_vec(X, u, out);
    double sum = 0.0;
    for (size_t i = 0; i < X->rows; i++) sum += u[i];
    out[X->cols] = sum;
}

// [snippet power-iteration]
double stepsize_lam_max(const Matrix *X, size_t *iterations) {
    size_t n = X->rows, k = X->cols + 1;
    double *v = vec_new(k);    // (d + 1) the current guess of the top eigenvector, ||v|| = 1
    double *Av = vec_new(k);   // (d + 1) X~^T X~ v
    double *Xv = vec_new(n);   // (n) X~ v
    // start from each column's length: large columns lead the top eigenvector
    for (size_t i = 0; i < n; i++) {
        const double *x_i = mat_row(X, i);
        for (size_t j = 0; j < X->cols; j++) v[j] += x_i[j] * x_i[j];
    }
    v[k - 1] = (double)n;
    double lam = 0.0, change = INFINITY, norm = vec_norm(v, k);
    size_t iter = 0;
    while (norm > 0.0 && iter < STEPSIZE_MAX_ITER) {
        for (size_t j = 0; j < k; j++) v[j] /= norm;
        // lam = v^T (X~^T X~) v = ||X~ v||^2, the Rayleigh quotient of the unit vector v
        times_x(X, v, Xv);
        double previous_change = change;
        change = vec_dot(Xv, Xv, n) - lam;
        lam += change;
        times_xt(X, Xv, Av);
        for (size_t j = 0; j < k; j++) v[j] = Av[j];
        norm = vec_norm(v, k);
        iter++;
        // the estimate rises geometrically, by a factor rho a step: what is left to
        // come is change * rho / (1 - rho), with rho = change / previous change
        double rho = iter > 2 ? fmin(fabs(change / previous_change), 0.999) : 0.5;
        if (fabs(change) * rho / (1.0 - rho) <= STEPSIZE_TOL * lam) break;
    }
    free(Xv);
    free(Av);
    free(v);
    if (iterations != NULL) *iterations = iter;
    return lam;
}
// [end power-iteration]

double stepsize_curvature(const Matrix *X, double lambda) {
    double n = (double)X->rows;
    // L = lambda_max(X~^T X~) / (4n) + lambda / n
    return stepsize_lam_max(X, NULL) / (4.0 * n) + lambda / n;
}

double stepsize_max_lr(const Matrix *X, double lambda) {
    return 2.0 / stepsize_curvature(X, lambda);
}

double stepsize_column_max_lr(const Matrix *X, size_t j) {
    // (X~^T X~)_jj / (4n) = mean_i(x_ij^2) / 4 <= L, so 2 / L <= 8 / mean_i(x_ij^2)
    double sum = 0.0;
    for (size_t i = 0; i < X->rows; i++) sum += *mat_at(X, i, j) * *mat_at(X, i, j);
    return sum > 0.0 ? 8.0 * (double)X->rows / sum : INFINITY;
}
