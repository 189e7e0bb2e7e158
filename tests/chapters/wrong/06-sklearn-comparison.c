/* A deliberately wrong exercise 06 for make test: the answer key's, with a
 * Hessian that forgets the weights p_i (1 - p_i), H = X~^T X~ / n (a Newton
 * step of least squares). Its steps are four times too long at the start, so
 * chapter 06 linked with it must print the line where its numbers first
 * differ from NumPy's, and exit with status 4. */
#define newton_system right_newton_system
#define newton_step right_newton_step
#include "../../../solutions/06-sklearn-comparison.c"
#undef newton_system
#undef newton_step

void newton_system(const double *X, const double *y, size_t n, size_t d, const double *theta, double *g, double *H) {
    size_t k = d + 1;
    right_newton_system(X, y, n, d, theta, g, H);
    for (size_t m = 0; m < k * k; m++) H[m] = 0.0;
    for (size_t i = 0; i < n; i++) {   // the mistake: H = (1/n) sum_i x~_i x~_i^T, without p_i (1 - p_i)
        for (size_t r = 0; r < k; r++) {
            for (size_t c = 0; c < k; c++) H[k * r + c] += (r < d ? X[i * d + r] : 1.0) * (c < d ? X[i * d + c] : 1.0) / (double)n;
        }
    }
}

/* The answer key's step, on the Hessian above. */
int newton_step(const double *X, const double *y, size_t n, size_t d, double *theta) {
    size_t k = d + 1;
    double *delta = malloc(k * sizeof *delta), *H = malloc(k * k * sizeof *H);
    newton_system(X, y, n, d, theta, delta, H);
    LrError err;
    int status = linalg_solve_spd(H, delta, k, &err) != 0 ? -1 : 0;
    for (size_t r = 0; r < k && status == 0; r++) theta[r] -= delta[r];
    free(H);
    free(delta);
    return status;
}
