#include "epoch.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* ---- all together ---------------------------------------------------------- */

/* The compiler makes three copies of each function marked EPOCH_CLONES: for
 * AVX-512, for AVX2 and for any x86-64 processor; the program runs the one
 * this processor supports (chosen once, when it starts). In the copies, the
 * loops marked `omp simd` (iterations independent of each other) and the
 * sums in vector lanes below work on 8 or 4 numbers per instruction. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define EPOCH_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define EPOCH_CLONES
#endif

#if defined(__GNUC__) || defined(__clang__)
typedef double V8 __attribute__((vector_size(64)));
typedef double V4 __attribute__((vector_size(32)));

/* sum_j a_j b_j in lanes: lane q of acc8 sums the terms j = q, q + 8, ...,
 * acc4 the next 4 terms; then the lanes, then the last d mod 4 terms. */
static inline double dot_lanes(const double *a, const double *b, size_t d) {
    V8 acc8 = {0}, a8, b8;
    V4 acc4 = {0}, a4, b4;
    size_t j = 0;
    for (; j + 8 <= d; j += 8) {
        memcpy(&a8, a + j, sizeof a8);
        memcpy(&b8, b + j, sizeof b8);
        acc8 += a8 * b8;
    }
    if (j + 4 <= d) {
        memcpy(&a4, a + j, sizeof a4);
        memcpy(&b4, b + j, sizeof b4);
        acc4 = a4 * b4;
        j += 4;
    }
    acc4 += (V4){acc8[0], acc8[1], acc8[2], acc8[3]} + (V4){acc8[4], acc8[5], acc8[6], acc8[7]};
    double sum = (acc4[0] + acc4[2]) + (acc4[1] + acc4[3]);
    for (; j < d; j++) sum += a[j] * b[j];
    return sum;
}

/* sum_j a_j in 8 lanes, the same way. */
static inline double sum_lanes(const double *a, size_t d) {
    V8 acc = {0}, a8;
    size_t j = 0;
    for (; j + 8 <= d; j += 8) {
        memcpy(&a8, a + j, sizeof a8);
        acc += a8;
    }
    double sum = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
    for (; j < d; j++) sum += a[j];
    return sum;
}

/* gw_j += e_0 x0_j + e_1 x1_j + e_2 x2_j + e_3 x3_j, rows x0 .. x3 one after
 * another (x1 = x0 + d, ...): 8 columns at a time, then 4, then one. */
static inline void add_rows4(double *restrict gw, const double *x0, size_t d, const double *e) {
    const double *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
    size_t j = 0;
    for (; j + 8 <= d; j += 8) {
        V8 g, a0, a1, a2, a3;
        memcpy(&g, gw + j, sizeof g);
        memcpy(&a0, x0 + j, sizeof g);
        memcpy(&a1, x1 + j, sizeof g);
        memcpy(&a2, x2 + j, sizeof g);
        memcpy(&a3, x3 + j, sizeof g);
        g += (a0 * e[0] + a1 * e[1]) + (a2 * e[2] + a3 * e[3]);
        memcpy(gw + j, &g, sizeof g);
    }
    for (; j + 4 <= d; j += 4) {
        V4 g, a0, a1, a2, a3;
        memcpy(&g, gw + j, sizeof g);
        memcpy(&a0, x0 + j, sizeof g);
        memcpy(&a1, x1 + j, sizeof g);
        memcpy(&a2, x2 + j, sizeof g);
        memcpy(&a3, x3 + j, sizeof g);
        g += (a0 * e[0] + a1 * e[1]) + (a2 * e[2] + a3 * e[3]);
        memcpy(gw + j, &g, sizeof g);
    }
    for (; j < d; j++) gw[j] += (x0[j] * e[0] + x1[j] * e[1]) + (x2[j] * e[2] + x3[j] * e[3]);
}
#else   // without vector types: one sum at a time
static double dot_lanes(const double *a, const double *b, size_t d) {
    return vec_dot(a, b, d);
}

static double sum_lanes(const double *a, size_t d) {
    double sum = 0.0;
    for (size_t j = 0; j < d; j++) sum += a[j];
    return sum;
}

static void add_rows4(double *restrict gw, const double *x0, size_t d, const double *e) {
    const double *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
    for (size_t j = 0; j < d; j++) gw[j] += (x0[j] * e[0] + x1[j] * e[1]) + (x2[j] * e[2] + x3[j] * e[3]);
}
#endif

// [snippet together]
/* Rows lo .. lo + nb - 1 (nb <= EPOCH_BLOCK), added to s: the scores, then
 * e^-|z| and the logs for the whole block (lib/simd), then the sums. */
EPOCH_CLONES static void together_block(const LogReg *m, const Matrix *X, const double *y, size_t lo, size_t nb,
                                        LogRegSums *s) {
    size_t d = X->cols;
    const double *w = m->w;
    double z[EPOCH_BLOCK], t[EPOCH_BLOCK], e[EPOCH_BLOCK];
    if (nb == 0) return;
    double *restrict gw = s->gw;
    for (size_t r = 0; r < nb; r++) {   // z_r = w . x_r + b, t_r = -|z_r|
        const double *x_r = mat_row(X, lo + r);
        z[r] = dot_lanes(x_r, w, d) + m->b;
        t[r] = -fabs(z[r]);
    }
    simd_exp(t, t, nb);   // t_r = e^-|z_r|
#pragma omp simd
    for (size_t r = 0; r < nb; r++) {   // p_r = sigma(z_r) clipped, e_r = p_r - y_r; t_r = p_r or 1 - p_r
        double p = (z[r] >= 0 ? 1.0 : t[r]) / (1.0 + t[r]);
        double pc = p < LOSS_EPS ? LOSS_EPS : p;   // loss_clip(p)
        pc = pc > 1.0 - LOSS_EPS ? 1.0 - LOSS_EPS : pc;
        e[r] = p - y[lo + r];
        t[r] = y[lo + r] == 1.0 ? pc : 1.0 - pc;
    }
    simd_log(t, t, nb);   // t_r = log p_r or log(1 - p_r)
    size_t r = 0;
    for (; r + 4 <= nb; r += 4) add_rows4(gw, mat_row(X, lo + r), d, &e[r]);   // gw += e_r x_r + ... + e_r+3 x_r+3
    for (; r < nb; r++) {                                                      // gw += e_r x_r for the last nb mod 4 rows
        const double *x_r = mat_row(X, lo + r);
#pragma omp simd
        for (size_t j = 0; j < d; j++) gw[j] += x_r[j] * e[r];
    }
    s->loss -= sum_lanes(t, nb);   // loss -= sum_r t_r
    s->gb += sum_lanes(e, nb);     // gb += sum_r e_r
}

/* Everything at once: two threads, each summing its half of the rows in
 * blocks, with vector exp and log and vector sums. Below EPOCH_THREADS_MIN
 * rows one thread does it all: waking the second costs more than it saves. */
double epoch_together(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    size_t n = X->rows, d = X->cols;
    double *half_gw = vec_new(d);   // the second half's weight gradient
    LogRegSums half[2] = {{0.0, 0.0, dw}, {0.0, 0.0, half_gw}};
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;
#pragma omp parallel for num_threads(2) if (n >= EPOCH_THREADS_MIN)
    for (int k = 0; k < 2; k++) {
        size_t hi = k == 0 ? n / 2 : n;
        for (size_t lo = k == 0 ? 0 : n / 2; lo < hi; lo += EPOCH_BLOCK) {
            together_block(m, X, y, lo, hi - lo < EPOCH_BLOCK ? hi - lo : EPOCH_BLOCK, &half[k]);
        }
    }
    half[0].loss += half[1].loss;   // the two halves' sums, added
    half[0].gb += half[1].gb;
    for (size_t j = 0; j < d; j++) dw[j] += half_gw[j];
    free(half_gw);
    return logreg_sums_finish(m, n, 0.0, &half[0], db);
}
// [end together]

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
    v[5] = (EpochVariant){"together", epoch_together, "", 1e-12};
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
