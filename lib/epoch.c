#include "epoch.h"

#include <math.h>
#include <stdlib.h>

#include "activation.h"
#include "loss.h"
#include "simd.h"

// [snippet two-pass]
/* Chapter 3's epoch: p = sigma(X w + b), the loss; then p again, X^T (p - y). */
double epoch_two_pass(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    size_t n = X->rows;
    double *p = vec_new(n);
    logreg_predict_proba(m, X, p);   // pass 1 over X
    double loss = loss_bce(y, p, n);
    double *e = vec_new(n);
    logreg_predict_proba(m, X, e);   // pass 2: the gradient recomputes p
    *db = 0.0;
    for (size_t i = 0; i < n; i++) {
        e[i] -= y[i];
        *db += e[i];
    }
    *db /= (double)n;
    mat_t_vec(X, e, dw);   // pass 3: dw = X^T (p - y) / n
    for (size_t j = 0; j < m->d; j++) dw[j] /= (double)n;
    free(e);
    free(p);
    return loss;
}
// [end two-pass]

/* The library's epoch: one pass, each row's p computed once. */
double epoch_fused(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    return logreg_loss_grad(m, X, y, 0.0, dw, db);
}

/* BCE of one row, as the library computes it: labels are 0 or 1 here. */
static double bce_row(double y, double p) {
    p = loss_clip(p);
    return -log(y == 1.0 ? p : 1.0 - p);
}

// [snippet rows4]
/* Four rows at a time: four dot products side by side, so the processor
 * works on four independent chains of additions instead of waiting for one.
 * Each sum still adds its terms in the same order: the same bits. */
double epoch_rows4(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    size_t n = X->rows, d = X->cols, i = 0;
    double loss = 0.0, gb = 0.0;
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;
    for (; i + 4 <= n; i += 4) {
        const double *x0 = mat_row(X, i), *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
        double z0 = 0.0, z1 = 0.0, z2 = 0.0, z3 = 0.0;
        for (size_t j = 0; j < d; j++) {   // z_r = w . x_r, four rows at once
            z0 += x0[j] * m->w[j];
            z1 += x1[j] * m->w[j];
            z2 += x2[j] * m->w[j];
            z3 += x3[j] * m->w[j];
        }
        double p[4] = {act_sigmoid_select(z0 + m->b), act_sigmoid_select(z1 + m->b), act_sigmoid_select(z2 + m->b),
                       act_sigmoid_select(z3 + m->b)};
        double e[4];
        for (int r = 0; r < 4; r++) {   // in row order, as one row at a time would
            e[r] = p[r] - y[i + r];
            loss += bce_row(y[i + r], p[r]);
            gb += e[r];
        }
        for (size_t j = 0; j < d; j++) dw[j] = (((dw[j] + x0[j] * e[0]) + x1[j] * e[1]) + x2[j] * e[2]) + x3[j] * e[3];
    }
    LogRegSums tail = {loss, gb, dw};   // the last n mod 4 rows, one at a time
    logreg_sums(m, X, y, i, n, &tail);
    return logreg_sums_finish(m, n, 0.0, &tail, db);
}
// [end rows4]

// [snippet vector]
/* Blocks of rows: z for the whole block, then e^-|z| for the whole block in
 * one call, then log for the whole block: simd_exp and simd_log work on 4 or
 * 8 numbers per instruction. Their results can differ from exp and log in
 * the last bit, so this epoch is close to the others, not identical. */

double epoch_vector(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    size_t n = X->rows, d = X->cols;
    double loss = 0.0, gb = 0.0, z[EPOCH_BLOCK], t[EPOCH_BLOCK], p[EPOCH_BLOCK];
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;
    for (size_t lo = 0; lo < n; lo += EPOCH_BLOCK) {
        size_t nb = n - lo < EPOCH_BLOCK ? n - lo : EPOCH_BLOCK;
        for (size_t r = 0; r < nb; r++) {   // z_r = w . x_r + b, t_r = -|z_r|
            z[r] = vec_dot(mat_row(X, lo + r), m->w, d) + m->b;
            t[r] = -fabs(z[r]);
        }
        simd_exp(t, t, nb);                                   // t_r = e^-|z_r|
        for (size_t r = 0; r < nb; r++) {                     // sigma(z) = 1 / (1 + t) or t / (1 + t); the log's argument
            p[r] = (z[r] >= 0 ? 1.0 : t[r]) / (1.0 + t[r]);   // act_sigmoid_select's formula
            double pc = loss_clip(p[r]);
            t[r] = y[lo + r] == 1.0 ? pc : 1.0 - pc;
        }
        simd_log(t, t, nb);                 // t_r = log p_r or log(1 - p_r)
        for (size_t r = 0; r < nb; r++) {   // loss -= t_r, gb += e_r, dw += e_r x_r
            const double *x_r = mat_row(X, lo + r);
            double e_r = p[r] - y[lo + r];
            loss -= t[r];
            gb += e_r;
            for (size_t j = 0; j < d; j++) dw[j] += x_r[j] * e_r;
        }
    }
    LogRegSums s = {loss, gb, dw};
    return logreg_sums_finish(m, n, 0.0, &s, db);
}
// [end vector]

#ifdef _OPENMP
// [snippet threads]
/* Two threads, each summing half of the rows with the library's fused pass
 * (logreg_sums works on any range of rows); then the halves are added. The
 * sums are added in another order, so the last bits can differ. */
double epoch_threads(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    size_t n = X->rows, d = X->cols;
    double *half_gw = vec_new(d);   // the second half's weight gradient
    LogRegSums half[2] = {{0.0, 0.0, dw}, {0.0, 0.0, half_gw}};
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;
#pragma omp parallel for num_threads(2)
    for (int t = 0; t < 2; t++) logreg_sums(m, X, y, t == 0 ? 0 : n / 2, t == 0 ? n / 2 : n, &half[t]);
    half[0].loss += half[1].loss;   // the two halves' sums, added
    half[0].gb += half[1].gb;
    for (size_t j = 0; j < d; j++) dw[j] += half_gw[j];
    free(half_gw);
    return logreg_sums_finish(m, n, 0.0, &half[0], db);
}
// [end threads]
#endif

void epoch_variants(EpochVariant v[EPOCH_VARIANTS]) {
    v[0] = (EpochVariant){"two-pass", epoch_two_pass, "", 0.0};
    v[1] = (EpochVariant){"fused", epoch_fused, "", 0.0};
    v[2] = (EpochVariant){"4-rows", epoch_rows4, "", 0.0};
    v[3] = (EpochVariant){"vector", simd_level() != NULL ? epoch_vector : NULL, simd_missing(), 1e-15};
#ifdef _OPENMP
    v[4] = (EpochVariant){"2-threads", epoch_threads, "", 1e-12};
#else
    v[4] = (EpochVariant){"2-threads", NULL, "built without OpenMP (-fopenmp), so no threads", 1e-12};
#endif
}

double epoch_difference(EpochFn *a, EpochFn *b, const LogReg *m, const Matrix *X, const double *y) {
    size_t d = X->cols;
    double *dw_a = vec_new(d), *dw_b = vec_new(d), db_a, db_b;
    double loss_a = a(m, X, y, dw_a, &db_a), loss_b = b(m, X, y, dw_b, &db_b);
    // max(|La - Lb| / |Lb|, ||g_a - g_b|| / ||g_b||) with g = (dw, db)
    double num = (db_a - db_b) * (db_a - db_b), den = db_b * db_b;
    for (size_t j = 0; j < d; j++) {
        num += (dw_a[j] - dw_b[j]) * (dw_a[j] - dw_b[j]);
        den += dw_b[j] * dw_b[j];
    }
    free(dw_a);
    free(dw_b);
    double loss_diff = loss_a == loss_b ? 0.0 : fabs(loss_a - loss_b) / fabs(loss_b);
    return fmax(loss_diff, num == 0.0 ? 0.0 : sqrt(num / den));
}
