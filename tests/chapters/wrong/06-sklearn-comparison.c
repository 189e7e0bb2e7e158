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

void newton_system(const double *X, const double *y, size_t n, const double *theta, double *g, double *H) {
    right_newton_system(X, y, n, theta, g, H);
    for (int k = 0; k < 9; k++) H[k] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double x_i[3] = {X[2 * i], X[2 * i + 1], 1.0};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) H[3 * r + c] += x_i[r] * x_i[c] / (double)n;
        }
    }
}

int newton_step(const double *X, const double *y, size_t n, double *theta) {
    double delta[3], H[9];
    newton_system(X, y, n, theta, delta, H);
    LrError err;
    if (linalg_solve_spd(H, delta, 3, &err) != 0) return -1;
    for (int r = 0; r < 3; r++) theta[r] -= delta[r];
    return 0;
}
