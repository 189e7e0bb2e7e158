#include "hessian.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* On x86-64 the tiles are compiled twice, for AVX2 (4 numbers per
 * instruction, 16 vector registers) and for any x86-64 (2 numbers, 16
 * registers), and the processor's own is chosen when the program starts.
 * Both add the same products in the same order: the same bits. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define FOR_EACH_PROCESSOR __attribute__((target_clones("avx2", "default")))
#else
#define FOR_EACH_PROCESSOR
#endif

static size_t round_up(size_t a, size_t b) {
    return (a + b - 1) / b * b;
}

void hessian_begin(HessianSums *h, size_t d) {
    // the height in rows of 8, for the AVX-512 tiles (a whole number of 4-row tiles too)
    *h = (HessianSums){d, d + 1, round_up(d + 1, HESSIAN_TILE_C), round_up(d + 1, 2 * HESSIAN_TILE_R), NULL, NULL, NULL};
    h->xt = lr_calloc(HESSIAN_BLOCK * h->width, sizeof(double));   // zeros: the padding stays 0
    h->sxt = lr_calloc(HESSIAN_BLOCK * h->width, sizeof(double));
    h->sum = lr_calloc(h->height * h->width, sizeof(double));
}

void hessian_zero(HessianSums *h) {
    for (size_t a = 0; a < h->height * h->width; a++) h->sum[a] = 0.0;
}

void hessian_free(HessianSums *h) {
    free(h->xt);
    free(h->sxt);
    free(h->sum);
    *h = (HessianSums){0, 0, 0, 0, NULL, NULL, NULL};
}

/* Copies rows lo .. lo + nb - 1 of X into the block, as x~_i and s_i x~_i
 * (s holds those rows' weights, row lo's first). */
static void take_block(HessianSums *h, const Matrix *X, const double *s, size_t lo, size_t nb) {
    for (size_t i = 0; i < nb; i++) {
        const double *x_i = mat_row(X, lo + i);
        double s_i = s[i], *xt = &h->xt[i * h->width], *sxt = &h->sxt[i * h->width];
        for (size_t c = 0; c < h->d; c++) {   // x~_ic = x_ic,  (s x~)_ic = s_i x_ic
            xt[c] = x_i[c];
            sxt[c] = s_i * x_i[c];
        }
        xt[h->d] = 1.0;   // the bias's column: x~_id = 1, and s_i * 1 = s_i exactly
        sxt[h->d] = s_i;
    }
}

/* Four numbers side by side, one vector register of AVX2 (GCC's and
 * Clang's vector extension: a + b and s * a work on all four at once), read
 * and written where a double may be (aligned to 8 bytes). */
typedef double Vec4 __attribute__((vector_size(4 * sizeof(double)), aligned(sizeof(double))));
_Static_assert(HESSIAN_TILE_C == 8, "a tile's row of sums is two vectors of 4");

// [snippet hessian-tile]
/* One tile of sums, rows r0 .. r0 + 3 and columns c0 .. c0 + 7, over the
 * block's nb rows: its 32 sums, 8 vectors of 4, are loaded once, kept in
 * registers while the rows go by, and stored once. */
FOR_EACH_PROCESSOR static void add_tile(HessianSums *h, size_t nb, size_t r0, size_t c0) {
    Vec4 *sum = (Vec4 *)&h->sum[r0 * h->width + c0], acc[HESSIAN_TILE_R][2];
    size_t stride = h->width / 4;   // one row of sums, in vectors
#pragma GCC unroll 4
    for (int u = 0; u < HESSIAN_TILE_R; u++) acc[u][0] = sum[u * stride], acc[u][1] = sum[u * stride + 1];
    // sum_rc += (s_i x~_ir) x~_ic for i in the block, in order
    for (size_t i = 0; i < nb; i++) {
        const double *sx = &h->sxt[i * h->width + r0];
        const Vec4 *x = (const Vec4 *)&h->xt[i * h->width + c0];
        Vec4 x_lo = x[0], x_hi = x[1];
#pragma GCC unroll 4
        for (int u = 0; u < HESSIAN_TILE_R; u++) {
            acc[u][0] += sx[u] * x_lo;
            acc[u][1] += sx[u] * x_hi;
        }
    }
#pragma GCC unroll 4
    for (int u = 0; u < HESSIAN_TILE_R; u++) sum[u * stride] = acc[u][0], sum[u * stride + 1] = acc[u][1];
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HAVE_TILE8 1
/* Eight numbers side by side: one vector register of AVX-512. */
typedef double Vec8 __attribute__((vector_size(8 * sizeof(double)), aligned(sizeof(double))));

/* add_tile for a processor with AVX-512 (8 numbers per instruction, 32
 * vector registers): a tile of 8 rows by 8 columns, one register per row of
 * sums, so each row of the block costs 8 multiplications and 8 additions
 * for 64 sums instead of 16 and 16. The same products in the same order. */
__attribute__((target("avx512f"))) static void add_tile8(HessianSums *h, size_t nb, size_t r0, size_t c0) {
    Vec8 *sum = (Vec8 *)&h->sum[r0 * h->width + c0], acc[2 * HESSIAN_TILE_R];
    size_t stride = h->width / 8;   // one row of sums, in vectors
#pragma GCC unroll 8
    for (int u = 0; u < 2 * HESSIAN_TILE_R; u++) acc[u] = sum[u * stride];
    // sum_rc += (s_i x~_ir) x~_ic for i in the block, in order
    for (size_t i = 0; i < nb; i++) {
        const double *sx = &h->sxt[i * h->width + r0];
        Vec8 x = *(const Vec8 *)&h->xt[i * h->width + c0];
#pragma GCC unroll 8
        for (int u = 0; u < 2 * HESSIAN_TILE_R; u++) acc[u] += sx[u] * x;
    }
#pragma GCC unroll 8
    for (int u = 0; u < 2 * HESSIAN_TILE_R; u++) sum[u * stride] = acc[u];
}
#endif

/* Adds the block's nb rows to every tile that holds a part of the lower
 * half (a tile whose first column is at most its last row). */
static void add_block(HessianSums *h, size_t nb) {
#ifdef HAVE_TILE8
    if (__builtin_cpu_supports("avx512f")) {
        for (size_t r0 = 0; r0 < h->k; r0 += 2 * HESSIAN_TILE_R) {
            for (size_t c0 = 0; c0 <= r0 && c0 < h->k; c0 += HESSIAN_TILE_C) add_tile8(h, nb, r0, c0);
        }
        return;
    }
#endif
    for (size_t r0 = 0; r0 < h->k; r0 += HESSIAN_TILE_R) {
        for (size_t c0 = 0; c0 < r0 + HESSIAN_TILE_R && c0 < h->k; c0 += HESSIAN_TILE_C) add_tile(h, nb, r0, c0);
    }
}
// [end hessian-tile]

void hessian_add_rows(HessianSums *h, const Matrix *X, const double *s, size_t lo, size_t hi) {
    for (size_t b = lo; b < hi; b += HESSIAN_BLOCK) {   // a block of rows at a time
        size_t nb = hi - b < HESSIAN_BLOCK ? hi - b : HESSIAN_BLOCK;
        take_block(h, X, &s[b - lo], b, nb);
        add_block(h, nb);
    }
}

void hessian_finish(const HessianSums *h, size_t n, double lambda, double *H) {
    size_t k = h->k;
    for (size_t r = 0; r < k; r++) {   // H_rc = H_cr = sum_rc / n, plus lambda / n on the weights' diagonal
        for (size_t c = 0; c <= r; c++) {
            H[r * k + c] = h->sum[r * h->width + c] / (double)n;
            H[c * k + r] = H[r * k + c];
        }
        if (r < h->d) H[r * k + r] += lambda / (double)n;
    }
}

void hessian_sum(const Matrix *X, const double *s, double lambda, double *H) {
    HessianSums h;
    hessian_begin(&h, X->cols);
    hessian_add_rows(&h, X, s, 0, X->rows);
    hessian_finish(&h, X->rows, lambda, H);
    hessian_free(&h);
}
