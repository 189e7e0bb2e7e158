/* matrix: a row-major matrix of doubles and the few vector operations the
 * models need. Vectors are plain `double *` with a length beside them.
 *
 *     Matrix X = mat_new(300, 2);      // zeroed
 *     *mat_at(&X, 4, 1) = 2.5;         // row 4, column 1
 *     mat_free(&X);                    // X is empty again
 */
#ifndef LR_MATRIX_H
#define LR_MATRIX_H

#include <stddef.h>

typedef struct {
    size_t rows;    // number of rows (samples)
    size_t cols;    // number of columns (features)
    double *data;   // (rows * cols) values; element (i, j) is data[i * cols + j]
} Matrix;

/* A zeroed rows x cols matrix. The caller frees it with mat_free. */
Matrix mat_new(size_t rows, size_t cols);

/* Frees the storage and leaves m empty (0 x 0, data NULL). */
void mat_free(Matrix *m);

/* 1 when column j of m holds the same value in every row. */
int mat_col_constant(const Matrix *m, size_t j);

/* Pointer to element (i, j). */
static inline double *mat_at(const Matrix *m, size_t i, size_t j) {
    return &m->data[i * m->cols + j];
}

/* Pointer to row i: the feature vector x_i, of length m->cols. */
static inline double *mat_row(const Matrix *m, size_t i) {
    return &m->data[i * m->cols];
}

/* A zeroed vector of n doubles, freed with free(). */
double *vec_new(size_t n);

/* sum_j a_j b_j, added in the order j = 0, 1, ... (inline: the epochs call
 * it once per row, and for d = 2 the call would cost as much as the sum). */
static inline double vec_dot(const double *a, const double *b, size_t n) {
    double sum = 0.0;
    for (size_t j = 0; j < n; j++) sum += a[j] * b[j];
    return sum;
}

/* sqrt(sum_j a_j^2), summed as NumPy sums it; scaled by max_j |a_j| when the
 * squares would underflow or overflow (a gradient of 1e-200 has a length). */
double vec_norm(const double *a, size_t n);

/* out = X w + b: X is (n, d), w is (d), out is (n). */
void mat_vec_bias(const Matrix *X, const double *w, double b, double *out);

/* out = X^T v: X is (n, d), v is (n), out is (d). */
void mat_t_vec(const Matrix *X, const double *v, double *out);

#endif
