#include "shard.h"

#include <math.h>

#include "activation.h"
#include "loss.h"

void shard_range(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi) {
    size_t base = n / P, extra = n % P;   // the first `extra` shards get base + 1 rows
    *lo = rank * base + (rank < extra ? rank : extra);
    *hi = *lo + base + (rank < extra ? 1 : 0);
}

// [snippet grad-sums]
void shard_grad_sums(const LogReg *m, const Matrix *X, const double *y, size_t lo, size_t hi, double *s) {
    size_t d = m->d;
    for (size_t j = 0; j < SHARD_GRAD_LEN(d); j++) s[j] = 0.0;
    // s_j += e_i x_ij,  s_d += e_i,  s_{d+1} += bce(y_i, p_i),  e_i = p_i - y_i
    for (size_t i = lo; i < hi; i++) {
        const double *x_i = mat_row(X, i);
        double p_i = act_sigmoid(vec_dot(m->w, x_i, d) + m->b);
        double e_i = p_i - y[i];
        for (size_t j = 0; j < d; j++) s[j] += e_i * x_i[j];
        s[d] += e_i;
        s[d + 1] += loss_bce_one(y[i], p_i);
    }
    s[d + 2] = (double)(hi - lo);
}
// [end grad-sums]

// [snippet gradient]
double shard_gradient(const double *s, size_t d, double lambda, const double *w, double *dw) {
    double n = s[d + 2];   // the row count, added up over every shard like the sums
    // dw_j = s_j / n + (lambda / n) w_j,   db = s_d / n
    for (size_t j = 0; j < d; j++) dw[j] = s[j] / n + lambda / n * w[j];
    return s[d] / n;
}
// [end gradient]

double shard_loss(const double *s, size_t d, double lambda, const double *w) {
    double n = s[d + 2];
    // L = (1/n) sum_i bce_i + (lambda / 2n) ||w||^2
    double loss = s[d + 1] / n;
    if (lambda != 0.0) loss += lambda / (2.0 * n) * vec_dot(w, w, d);
    return loss;
}

void shard_hess_sums(const LogReg *m, const Matrix *X, size_t lo, size_t hi, double *h) {
    size_t d = m->d;
    for (size_t a = 0; a < SHARD_HESS_LEN(d); a++) h[a] = 0.0;
    // h_rc += s_i x~_ir x~_ic for c <= r, with x~_i = (x_i, 1) and s_i = p_i (1 - p_i)
    for (size_t i = lo; i < hi; i++) {
        const double *x_i = mat_row(X, i);
        double p_i = act_sigmoid(vec_dot(m->w, x_i, d) + m->b);
        double s_i = p_i * (1.0 - p_i);
        double *h_r = h;   // the start of row r of the packed lower triangle
        for (size_t r = 0; r <= d; r++, h_r += r) {
            double sx_r = s_i * (r < d ? x_i[r] : 1.0);
            for (size_t c = 0; c < r && c < d; c++) h_r[c] += sx_r * x_i[c];
            if (r == d) h_r[d] += sx_r;     // the bias column: x~_id = 1
            else h_r[r] += sx_r * x_i[r];   // the diagonal
        }
    }
}

void shard_hessian(const double *h, size_t d, size_t n, double lambda, double *H) {
    size_t k = d + 1;
    // H_rc = H_cr = h_rc / n, plus lambda / n on the diagonal of the weights
    for (size_t r = 0; r < k; r++) {
        for (size_t c = 0; c <= r; c++) {
            H[r * k + c] = H[c * k + r] = h[r * (r + 1) / 2 + c] / (double)n;
        }
        if (r < d) H[r * k + r] += lambda / (double)n;
    }
}

/* ---- a synthetic data set, row by row -------------------------------------- */

/* splitmix64 (Steele, Lea and Flood, 2014): a different, well-mixed 64-bit
 * word for every input, so that number k of the data set needs no state. */
static uint64_t mix64(uint64_t z) {
    z += 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A uniform number in (0, 1) from 53 bits of word k of the stream seed. */
static double uniform_at(uint64_t seed, uint64_t k) {
    return ((double)(mix64(mix64(seed) ^ k) >> 11) + 0.5) / 9007199254740992.0;
}

void shard_make_rows(Matrix *X, double *y, size_t lo, size_t hi, uint64_t seed) {
    size_t d = X->cols;
    for (size_t i = lo; i < hi; i++) {
        double *x_i = mat_row(X, i - lo), z = 0.5;
        uint64_t k = (uint64_t)i * (2 * d + 1);   // the 2d + 1 words of row i
        for (size_t j = 0; j < d; j++, k += 2) {
            // x_ij = sqrt(-2 log u) cos(2 pi v): Box and Muller's normal from two uniforms
            x_i[j] = sqrt(-2.0 * log(uniform_at(seed, k))) * cos(6.283185307179586 * uniform_at(seed, k + 1));
            z += (j % 2 == 0 ? 2.0 : -2.0) / (double)(j + 1) * x_i[j];
        }
        y[i - lo] = uniform_at(seed, k) < act_sigmoid(z) ? 1.0 : 0.0;
    }
}
