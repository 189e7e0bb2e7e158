#include "linalg.h"

#include <math.h>

// [snippet cholesky]
int linalg_cholesky(double *A, size_t n, LrError *err) {
    // Column by column, for j = 0 .. n-1:
    //   l_jj = sqrt(a_jj - sum_{k<j} l_jk^2)
    //   l_ij = (a_ij - sum_{k<j} l_ik l_jk) / l_jj      for i > j
    for (size_t j = 0; j < n; j++) {
        double a_jj = A[j * n + j], pivot = a_jj;
        for (size_t k = 0; k < j; k++) pivot -= A[j * n + k] * A[j * n + k];
        if (!(pivot > 0.0 && pivot > LINALG_PIVOT_TOL * a_jj)) {   // false for NaN too
            return lr_fail(err, "matrix is not positive definite: pivot %zu is %g (diagonal %g)",
                           j, pivot, a_jj);
        }
        double l_jj = sqrt(pivot);
        A[j * n + j] = l_jj;
        for (size_t i = j + 1; i < n; i++) {
            double a_ij = A[i * n + j];
            for (size_t k = 0; k < j; k++) a_ij -= A[i * n + k] * A[j * n + k];
            A[i * n + j] = a_ij / l_jj;
            A[j * n + i] = 0.0;   // the upper triangle of L is zero
        }
    }
    return 0;
}
// [end cholesky]

void linalg_cholesky_solve(const double *L, double *x, size_t n) {
    // L u = r: u_i = (r_i - sum_{k<i} l_ik u_k) / l_ii, top to bottom
    for (size_t i = 0; i < n; i++) {
        double u_i = x[i];
        for (size_t k = 0; k < i; k++) u_i -= L[i * n + k] * x[k];
        x[i] = u_i / L[i * n + i];
    }
    // L^T x = u: x_i = (u_i - sum_{k>i} l_ki x_k) / l_ii, bottom to top
    for (size_t i = n; i-- > 0;) {
        double x_i = x[i];
        for (size_t k = i + 1; k < n; k++) x_i -= L[k * n + i] * x[k];
        x[i] = x_i / L[i * n + i];
    }
}

int linalg_solve_spd(double *A, double *x, size_t n, LrError *err) {
    if (linalg_cholesky(A, n, err) != 0) return -1;
    linalg_cholesky_solve(A, x, n);
    return 0;
}

void linalg_pin(double *A, double *r, size_t n, size_t i) {
    for (size_t t = 0; t < n; t++) A[i * n + t] = A[t * n + i] = 0.0;
    A[i * n + i] = 1.0;
    r[i] = 0.0;
}
