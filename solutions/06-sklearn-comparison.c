/* Solution 06: one step of Newton's method. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "exercises.h"
#include "linalg.h"

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* g = (1/n) sum_i (p_i - y_i) x~_i,  H = (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T,  x~_i = (x_i1, ..., x_id, 1) */
void newton_system(const double *X, const double *y, size_t n, size_t d, const double *theta, double *g, double *H) {
    size_t k = d + 1;   // parameters: d weights and the bias
    for (size_t r = 0; r < k; r++) g[r] = 0.0;
    for (size_t m = 0; m < k * k; m++) H[m] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *x_i = &X[i * d];
        double z = theta[d];
        for (size_t j = 0; j < d; j++) z += theta[j] * x_i[j];
        double p_i = sigma(z), s_i = p_i * (1.0 - p_i);
        for (size_t r = 0; r < k; r++) {
            double x_r = r < d ? x_i[r] : 1.0;
            g[r] += (p_i - y[i]) * x_r;
            for (size_t c = 0; c < k; c++) H[k * r + c] += s_i * x_r * (c < d ? x_i[c] : 1.0);
        }
    }
    for (size_t r = 0; r < k; r++) g[r] /= (double)n;
    for (size_t m = 0; m < k * k; m++) H[m] /= (double)n;
}

/* theta <- theta - H^-1 g */
int newton_step(const double *X, const double *y, size_t n, size_t d, double *theta) {
    size_t k = d + 1;
    double *delta = malloc(k * sizeof *delta), *H = malloc(k * k * sizeof *H);
    if (delta == NULL || H == NULL) {
        free(delta);
        free(H);
        return -1;
    }
    newton_system(X, y, n, d, theta, delta, H);   // delta holds g until it is solved for
    LrError err;
    int status = linalg_solve_spd(H, delta, k, &err) != 0 ? -1 : 0;
    for (size_t r = 0; r < k && status == 0; r++) theta[r] -= delta[r];
    free(H);
    free(delta);
    return status;
}
