/* Solution 06: one step of Newton's method. */
#include <math.h>
#include <stddef.h>

#include "exercises.h"
#include "linalg.h"

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* g = (1/n) sum_i (p_i - y_i) x~_i,  H = (1/n) sum_i p_i (1 - p_i) x~_i x~_i^T,  x~_i = (x_i1, x_i2, 1) */
void newton_system(const double *X, const double *y, size_t n, const double *theta, double *g, double *H) {
    for (int r = 0; r < 3; r++) g[r] = 0.0;
    for (int k = 0; k < 9; k++) H[k] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double x_i[3] = {X[2 * i], X[2 * i + 1], 1.0};
        double p_i = sigma(theta[0] * x_i[0] + theta[1] * x_i[1] + theta[2]);
        double s_i = p_i * (1.0 - p_i);
        for (int r = 0; r < 3; r++) {
            g[r] += (p_i - y[i]) * x_i[r];
            for (int c = 0; c < 3; c++) H[3 * r + c] += s_i * x_i[r] * x_i[c];
        }
    }
    for (int r = 0; r < 3; r++) g[r] /= (double)n;
    for (int k = 0; k < 9; k++) H[k] /= (double)n;
}

/* theta <- theta - H^-1 g */
int newton_step(const double *X, const double *y, size_t n, double *theta) {
    double delta[3], H[9];
    newton_system(X, y, n, theta, delta, H);   // delta holds g until it is solved for
    LrError err;
    if (linalg_solve_spd(H, delta, 3, &err) != 0) return -1;
    for (int r = 0; r < 3; r++) theta[r] -= delta[r];
    return 0;
}
