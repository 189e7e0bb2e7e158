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

/* G = X~^T X~, (d + 1, d + 1) row-major, in one pass over the rows. */
static double *gram(const Matrix *X) {
    size_t d = X->cols, k = d + 1;
    double *G = vec_new(k * k);
    for (size_t i = 0; i < X->rows; i++) {
        const double *x_i = mat_row(X, i);
        // G += x~_i x~_i^T with x~_i = (x_i, 1); the lower triangle only
        for (size_t r = 0; r < k; r++) {
            double x_r = r < d ? x_i[r] : 1.0;
            for (size_t c = 0; c <= r; c++) G[r * k + c] += x_r * (c < d ? x_i[c] : 1.0);
        }
    }
    for (size_t r = 0; r < k; r++) {
        for (size_t c = 0; c < r; c++) G[c * k + r] = G[r * k + c];
    }
    return G;
}

/* The product the iteration needs: lam = v^T A v and Av = A v for the unit
 * vector v, A = X~^T X~. With G (small d) it costs (d + 1)^2, not a pass
 * over the n rows; Xv is (n) scratch for the pass. */
static double times_a(const Matrix *X, const double *G, const double *v, double *Xv, double *Av) {
    size_t k = X->cols + 1;
    if (G == NULL) {
        times_x(X, v, Xv);
        times_xt(X, Xv, Av);
        return vec_dot(Xv, Xv, X->rows);   // ||X~ v||^2
    }
    for (size_t r = 0; r < k; r++) Av[r] = vec_dot(&G[r * k], v, k);
    return vec_dot(v, Av, k);
}

// [snippet power-iteration]
double stepsize_lam_max(const Matrix *X, double tol, size_t *iterations) {
    size_t n = X->rows, k = X->cols + 1;
    double *G = k <= STEPSIZE_GRAM_MAX ? gram(X) : NULL;   // (k, k) X~^T X~, or NULL: work on X
    double *v = vec_new(k);                                // (k) the guess of the top eigenvector
    double *Av = vec_new(k);                               // (k) X~^T X~ v
    double *Xv = G == NULL ? vec_new(n) : NULL;            // (n) X~ v
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
        // lam = v^T (X~^T X~) v, the Rayleigh quotient of the unit vector v; v <- A v
        double previous_change = change;
        change = times_a(X, G, v, Xv, Av) - lam;
        lam += change;
        for (size_t j = 0; j < k; j++) v[j] = Av[j];
        norm = vec_norm(v, k);
        iter++;
        // the estimate rises geometrically, by a factor rho a step: what is left to
        // come is change * rho / (1 - rho), with rho = change / previous change
        double rho = iter > 2 ? fmin(fabs(change / previous_change), 0.999) : 0.5;
        if (fabs(change) * rho / (1.0 - rho) <= tol * lam) break;
    }
    free(Xv);
    free(Av);
    free(v);
    free(G);
    if (iterations != NULL) *iterations = iter;
    return lam;
}
// [end power-iteration]

double stepsize_curvature(const Matrix *X, double lambda, double tol) {
    double n = (double)X->rows;
    // L = lambda_max(X~^T X~) / (4n) + lambda / n
    return stepsize_lam_max(X, tol, NULL) / (4.0 * n) + lambda / n;
}

double stepsize_max_lr(const Matrix *X, double lambda, double tol) {
    return 2.0 / stepsize_curvature(X, lambda, tol);
}

double stepsize_column_max_lr(const Matrix *X, size_t j) {
    // (X~^T X~)_jj / (4n) = mean_i(x_ij^2) / 4 <= L, so 2 / L <= 8 / mean_i(x_ij^2)
    double sum = 0.0;
    for (size_t i = 0; i < X->rows; i++) sum += *mat_at(X, i, j) * *mat_at(X, i, j);
    return sum > 0.0 ? 8.0 * (double)X->rows / sum : INFINITY;
}
