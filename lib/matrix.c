#include "matrix.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "util.h"

Matrix mat_new(size_t rows, size_t cols) {
    Matrix m = {rows, cols, lr_calloc(rows * cols, sizeof(double))};
    return m;
}

int mat_col_constant(const Matrix *m, size_t j) {
    for (size_t i = 1; i < m->rows; i++) {
        if (m->data[i * m->cols + j] != m->data[j]) return 0;
    }
    return 1;
}

void mat_free(Matrix *m) {
    free(m->data);
    *m = (Matrix){0, 0, NULL};
}

double *vec_new(size_t n) {
    return lr_calloc(n, sizeof(double));
}

double vec_norm(const double *a, size_t n) {
    double sum = vec_dot(a, a, n);   // ||a|| = sqrt(sum_i a_i^2), as NumPy's norm does it
    if (sum >= 0x1p-900 && sum <= DBL_MAX) return sqrt(sum);
    // The squares underflowed (every |a_i| below about 1e-135) or overflowed:
    // ||a|| = m sqrt(sum_i (a_i / m)^2), with m = max_i |a_i|.
    double m = 0.0;
    for (size_t i = 0; i < n; i++) m = fmax(m, fabs(a[i]));
    if (m == 0.0 || !isfinite(m)) return sqrt(sum);   // 0, or an inf or NaN that is there
    double scaled = 0.0;
    for (size_t i = 0; i < n; i++) scaled += (a[i] / m) * (a[i] / m);
    return m * sqrt(scaled);
}

void mat_vec_bias(const Matrix *X, const double *w, double b, double *out) {
    // out_i = x_i . w + b
    for (size_t i = 0; i < X->rows; i++) {
        out[i] = vec_dot(mat_row(X, i), w, X->cols) + b;
    }
}

void mat_t_vec(const Matrix *X, const double *v, double *out) {
    // out_j = sum_i X_ij v_i
    for (size_t j = 0; j < X->cols; j++) out[j] = 0.0;
    for (size_t i = 0; i < X->rows; i++) {
        const double *x_i = mat_row(X, i);
        for (size_t j = 0; j < X->cols; j++) out[j] += x_i[j] * v[i];
    }
}
