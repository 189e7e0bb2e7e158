#include "logreg.h"

#include <math.h>
#include <stdlib.h>

#include "activation.h"
#include "hessian.h"
#include "linalg.h"
#include "loss.h"
#include "util.h"

/* Rows taken together by logreg_sums: each step goes through all of them
 * before the next step starts. */
#define LOGREG_BLOCK 64

/* A function copied into every call (GCC and Clang), so that a call with a
 * constant argument is compiled for that constant. */
#ifdef __GNUC__
#define COPIED_INTO_CALLS __attribute__((always_inline))
#else
#define COPIED_INTO_CALLS
#endif

void logreg_init(LogReg *m, size_t d) {
    m->d = d;
    m->w = vec_new(d);
    m->b = 0.0;
}

void logreg_free(LogReg *m) {
    free(m->w);
    *m = (LogReg){0, NULL, 0.0};
}

void logreg_copy(LogReg *m, const LogReg *src) {
    logreg_init(m, src->d);
    for (size_t j = 0; j < src->d; j++) m->w[j] = src->w[j];
    m->b = src->b;
}

void logreg_predict_proba(const LogReg *m, const Matrix *X, double *p) {
    // p_i = sigma(w . x_i + b)
    mat_vec_bias(X, m->w, m->b, p);
    act_sigmoid_vec(p, p, X->rows);
}

void logreg_predict(const LogReg *m, const Matrix *X, double threshold, double *pred) {
    logreg_predict_proba(m, X, pred);
    for (size_t i = 0; i < X->rows; i++) pred[i] = pred[i] >= threshold ? 1.0 : 0.0;
}

/* The cross-entropy of one sample, -(y log p + (1 - y) log(1 - p)), p
 * clipped as loss_bce_one does. For y = 0 or 1 one of the two logs is
 * multiplied by 0, so only the other is computed: the same bits, one log. */
static inline double bce_term(double y, double p) {
    p = loss_clip(p);
    if (y != 0.0 && y != 1.0) return loss_bce_one(y, p);
    return -log(y == 1.0 ? p : 1.0 - p);
}

// [snippet gradient]
/* logreg_sums on one block of nb rows (x0: its first row, y0: its labels),
 * one step at a time over the whole block: the scores, their sigmoids,
 * their losses, then the sums in row order. The loops that call exp or log
 * do nothing else, so the processor works on several rows' calls at once,
 * and the loop of sums has no call, so its sums stay in registers. Leaves
 * the rows' p_r in p (LOGREG_BLOCK). */
COPIED_INTO_CALLS static inline void sums_block(const LogReg *m, const double *x0, const double *y0, size_t nb, size_t d,
                                                LogRegSums *s, double *p) {
    double loss = s->loss, gb = s->gb, t[LOGREG_BLOCK];
    double *restrict gw = s->gw;                                                  // only gw is written, so x_r and w stay in registers
    for (size_t r = 0; r < nb; r++) p[r] = vec_dot(x0 + r * d, m->w, d) + m->b;   // z_r = w . x_r + b
    for (size_t r = 0; r < nb; r++) p[r] = act_sigmoid_select(p[r]);              // p_r = sigma(z_r)
    for (size_t r = 0; r < nb; r++) t[r] = bce_term(y0[r], p[r]);                 // BCE(y_r, p_r)
    for (size_t r = 0; r < nb; r++) {                                             // loss += BCE,  gb += e_r,  gw += e_r x_r  (e_r = p_r - y_r)
        const double *x_r = x0 + r * d;
        double e_r = p[r] - y0[r];
        loss += t[r];
        gb += e_r;
        for (size_t j = 0; j < d; j++) gw[j] += x_r[j] * e_r;
    }
    s->loss = loss;
    s->gb = gb;
}

void logreg_sums(const LogReg *m, const Matrix *X, const double *y, size_t lo, size_t hi,
                 LogRegSums *s) {
    // One pass over rows lo .. hi-1, adding to the sums in s:
    //   z_i = w . x_i + b,  p_i = sigma(z_i),  e_i = p_i - y_i
    //   loss += BCE(y_i, p_i),  gb += e_i,  gw += e_i x_i
    // LOGREG_BLOCK rows at a time (sums_block): every sum still adds its
    // terms in row order, so the bits are those of one row at a time. For
    // the lesson's d = 2 the block is compiled once more with d a constant,
    // which leaves no loop over j at all.
    size_t d = X->cols;
    double p[LOGREG_BLOCK];
    for (size_t i0 = lo; i0 < hi; i0 += LOGREG_BLOCK) {
        size_t nb = hi - i0 < LOGREG_BLOCK ? hi - i0 : LOGREG_BLOCK;
        if (d == 2) sums_block(m, mat_row(X, i0), y + i0, nb, 2, s, p);
        else sums_block(m, mat_row(X, i0), y + i0, nb, d, s, p);
    }
}

// [snippet penalty]
double logreg_sums_finish(const LogReg *m, size_t n, double lambda, LogRegSums *s, double *db) {
    // L = loss / n + (lambda / 2n) ||w||^2
    // dw = gw / n + (lambda / n) w (in place of gw),  db = gb / n
    double loss = s->loss / (double)n;
    if (lambda != 0.0) loss += lambda / (2.0 * (double)n) * vec_dot(m->w, m->w, m->d);
    for (size_t j = 0; j < m->d; j++) {
        s->gw[j] = s->gw[j] / (double)n + lambda / (double)n * m->w[j];
    }
    *db = s->gb / (double)n;
    return loss;
}

double logreg_loss_grad(const LogReg *m, const Matrix *X, const double *y, double lambda,
                        double *dw, double *db) {
    LogRegSums s = {0.0, 0.0, dw};
    for (size_t j = 0; j < m->d; j++) dw[j] = 0.0;
    logreg_sums(m, X, y, 0, X->rows, &s);
    return logreg_sums_finish(m, X->rows, lambda, &s, db);
}
// [end penalty]
// [end gradient]

double logreg_gradient(const LogReg *m, const Matrix *X, const double *y,
                       double lambda, double *dw) {
    double db;
    logreg_loss_grad(m, X, y, lambda, dw, &db);
    return db;
}

double logreg_loss(const LogReg *m, const Matrix *X, const double *y, double lambda) {
    // L = (1/n) sum_i BCE(y_i, sigma(w . x_i + b)) + (lambda / 2n) ||w||^2
    size_t n = X->rows;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        sum += bce_term(y[i], act_sigmoid_select(vec_dot(mat_row(X, i), m->w, X->cols) + m->b));
    }
    double loss = sum / (double)n;
    if (lambda != 0.0) loss += lambda / (2.0 * (double)n) * vec_dot(m->w, m->w, m->d);
    return loss;
}

/* 1 when b and every w_j are finite numbers. */
static int weights_finite(const LogReg *m) {
    return train_all_finite(m->w, m->d) && isfinite(m->b);
}

// [snippet fit-gd]
TrainResult logreg_fit_gd(LogReg *m, const Matrix *X, const double *y,
                          const LogRegParams *par, double *losses) {
    double *dw = vec_new(m->d);
    TrainLog log = train_begin(losses, par->epochs);
    for (size_t epoch = 0; epoch < par->epochs; epoch++) {
        // one fused pass: the loss and the gradient at the current weights;
        // record the loss, and stop when it has blown up (lib/train)
        double db, loss = logreg_loss_grad(m, X, y, par->lambda, dw, &db);
        if (!train_record(&log, loss, weights_finite(m))) break;
        // w <- w - lr dw,  b <- b - lr db
        int moved = 0;
        for (size_t j = 0; j < m->d; j++) {
            double w = m->w[j] - par->lr * dw[j];
            moved |= w != m->w[j];
            m->w[j] = w;
        }
        double b = m->b - par->lr * db;
        moved |= b != m->b;
        m->b = b;
        // a step that moved nothing: every epoch left would repeat it to the
        // last bit (the same w and b, the same gradient), so they need not run
        if (!moved) {
            train_repeat(&log, loss);
            break;
        }
    }
    free(dw);
    return train_end(&log, weights_finite(m));
}
// [end fit-gd]

/* ---- the decision boundary ------------------------------------------------ */

// [snippet boundary]
LogRegBoundary logreg_boundary_2d(const LogReg *m, double threshold, double *slope, double *intercept) {
    // p = t  <=>  w1 x1 + w2 x2 + b = log(t / (1 - t))  <=>  w1 x1 + w2 x2 = level
    double w1 = m->w[0], w2 = m->w[1];
    double level = log(threshold / (1.0 - threshold)) - m->b;
    if (w2 != 0.0) {   // solve for x2
        *slope = -w1 / w2;
        *intercept = level / w2;
        return LOGREG_LINE;
    }
    if (w1 != 0.0) {   // no x2 in the equation: a vertical line at x1 = level / w1
        *slope = INFINITY;
        *intercept = level / w1;
        return LOGREG_VERTICAL;
    }
    *slope = *intercept = NAN;   // w = 0: p = sigma(b) everywhere
    return LOGREG_NO_LINE;
}
// [end boundary]

/* ---- Newton's method ------------------------------------------------------ */

/* Differences in the loss below this (relative) are rounding, not a rise:
 * near the optimum a Newton step changes the loss by less than one ulp. */
#define NEWTON_LOSS_SLACK 1e-12

double logreg_grad_norm(const LogReg *m, const Matrix *X, const double *y, double lambda) {
    double *g = vec_new(m->d + 1);   // (d + 1) the gradient (dw, db)
    g[m->d] = logreg_gradient(m, X, y, lambda, g);
    double norm = vec_norm(g, m->d + 1);
    free(g);
    return norm;
}

// [snippet hessian]
void logreg_hessian(const LogReg *m, const Matrix *X, double lambda, double *H) {
    size_t n = X->rows, d = m->d, k = d + 1;   // k unknowns: w_1 .. w_d, then b
    for (size_t a = 0; a < k * k; a++) H[a] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *x_i = mat_row(X, i);
        double p_i = act_sigmoid_select(vec_dot(x_i, m->w, d) + m->b);
        double s_i = p_i * (1.0 - p_i);   // the sigmoid's slope at z_i
        // H += s_i x~_i x~_i^T with x~_i = (x_i, 1); the lower half only:
        // row r gains (s_i x_r) x_c for c <= r, a loop over c the compiler vectorises
        for (size_t r = 0; r < d; r++) {
            double sx_r = s_i * x_i[r], *H_r = &H[r * k];
            for (size_t c = 0; c <= r; c++) H_r[c] += sx_r * x_i[c];
        }
        double *H_b = &H[d * k];   // the bias's row: x~ ends in 1
        for (size_t c = 0; c < d; c++) H_b[c] += s_i * x_i[c];
        H_b[d] += s_i;
    }
    for (size_t r = 0; r < k; r++) {   // divide by n, mirror, add the penalty
        for (size_t c = 0; c <= r; c++) {
            H[r * k + c] /= (double)n;
            H[c * k + r] = H[r * k + c];
        }
        if (r < d) H[r * k + r] += lambda / (double)n;
    }
}
// [end hessian]

/* Newton's one pass over the data, at the current weights: returns the
 * loss and writes the gradient g = (dw, db) (d + 1), as logreg_loss_grad
 * does, to the same bits; and the Hessian's sums h there (lib/hessian), a
 * block of rows at a time while the rows are in the cache, from the same
 * p_i: s_i = p_i (1 - p_i). So each row is read from memory once a step. */
static double newton_pass(const LogReg *m, const Matrix *X, const double *y, double lambda, double *g,
                          HessianSums *h) {
    size_t n = X->rows, d = X->cols;
    double p[LOGREG_BLOCK], s[LOGREG_BLOCK];   // the block's p_i and s_i
    LogRegSums sums = {0.0, 0.0, g};
    for (size_t j = 0; j < d; j++) g[j] = 0.0;
    hessian_zero(h);
    for (size_t lo = 0; lo < n; lo += LOGREG_BLOCK) {
        size_t nb = n - lo < LOGREG_BLOCK ? n - lo : LOGREG_BLOCK;
        // logreg_sums' block (loss += BCE(y_i, p_i), gb += e_i, gw += e_i x_i), keeping p_i
        sums_block(m, mat_row(X, lo), y + lo, nb, d, &sums, p);
        for (size_t r = 0; r < nb; r++) s[r] = p[r] * (1.0 - p[r]);
        hessian_add_rows(h, X, s, lo, lo + nb);   // the same rows: sum += s_i x~_i x~_i^T
    }
    return logreg_sums_finish(m, n, lambda, &sums, &g[d]);
}

/* Moves (w, b) from (w0, b0) to (w0, b0) - t delta with t = 1, or 1/2, 1/4, ...
 * when the full step raises the loss. delta is (d + 1); *loss is the loss at
 * (w0, b0) on entry and at the new point on return, and g (d + 1) the
 * gradient there and h the Hessian's sums there, from the same pass.
 * Returns t. */
static double newton_move(LogReg *m, const Matrix *X, const double *y, double lambda,
                          const double *w0, double b0, const double *delta, double *loss, double *g,
                          HessianSums *h) {
    double t = 1.0, new_loss = *loss;
    for (int halvings = 0; halvings <= LOGREG_NEWTON_MAX_HALVINGS; halvings++) {
        for (size_t j = 0; j < m->d; j++) m->w[j] = w0[j] - t * delta[j];
        m->b = b0 - t * delta[m->d];
        new_loss = newton_pass(m, X, y, lambda, g, h);
        if (new_loss <= *loss + NEWTON_LOSS_SLACK * fabs(*loss)) break;
        if (halvings < LOGREG_NEWTON_MAX_HALVINGS) t /= 2.0;
    }
    *loss = new_loss;
    return t;
}

/* How the step -t delta moved each sample's margin (lib/diagnose): the
 * score z_i changed by -t (delta_w . x_i + delta_b). delta is (d + 1). */
static DiagMargins step_margins(const Matrix *X, const double *y, const double *delta, double t) {
    size_t n = X->rows, d = X->cols;
    double *dz = vec_new(n);   // (n) the change of each score
    for (size_t i = 0; i < n; i++) dz[i] = -t * (vec_dot(mat_row(X, i), delta, d) + delta[d]);
    DiagMargins moved = diag_margins(dz, y, n, 1);
    free(dz);
    return moved;
}

// [snippet newton]
int logreg_fit_newton(LogReg *m, const Matrix *X, const double *y, const LogRegNewtonParams *par,
                      LogRegNewtonIter *trace, LogRegNewtonResult *res, LrError *err) {
    size_t d = m->d, k = d + 1;
    double *g = vec_new(k);       // (d + 1) gradient (dw, db), then the step H^-1 g
    double *g_new = vec_new(k);   // (d + 1) the gradient after the step
    double *H = vec_new(k * k);   // (d + 1, d + 1) Hessian, then its Cholesky factor
    double *w0 = vec_new(d);      // (d) the weights before the step
    HessianSums h;                // the Hessian's sums at the weights of the last pass
    hessian_begin(&h, d);
    int status = 0;
    double loss = newton_pass(m, X, y, par->lambda, g, &h);
    double g_norm = vec_norm(g, k), g0_norm = g_norm;
    if (trace != NULL) trace[0] = (LogRegNewtonIter){loss, g_norm, 0.0, 0.0, vec_norm(m->w, d), {0, 0, 0}};
    size_t iter = 0;
    while (g_norm > par->tol * g0_norm && iter < par->max_iter) {
        // Solve H delta = g, then (w, b) <- (w, b) - delta
        hessian_finish(&h, X->rows, par->lambda, H);   // H from the last pass (logreg_hessian's bits)
        // a constant column's weight stays put (the bias does its work): without it H is singular
        for (size_t j = 0; j < d; j++) {
            if (mat_col_constant(X, j)) linalg_pin(H, g, k, j);
        }
        LrError why;
        if (linalg_solve_spd(H, g, k, &why) != 0) {
            status = lr_fail(err, "Newton step %zu: the Hessian is singular (%s)", iter + 1, why.msg);
            break;
        }
        for (size_t j = 0; j < d; j++) w0[j] = m->w[j];
        double t = newton_move(m, X, y, par->lambda, w0, m->b, g, &loss, g_new, &h);
        double step_norm = t * vec_norm(g, k);
        DiagMargins moved = trace != NULL ? step_margins(X, y, g, t) : (DiagMargins){0, 0, 0};
        iter++;
        for (size_t j = 0; j < k; j++) g[j] = g_new[j];
        g_norm = vec_norm(g, k);
        if (trace != NULL) trace[iter] = (LogRegNewtonIter){loss, g_norm, step_norm, t, vec_norm(m->w, d), moved};
    }
    *res = (LogRegNewtonResult){iter, g_norm <= par->tol * g0_norm, loss, g_norm};
    hessian_free(&h);
    free(w0);
    free(H);
    free(g_new);
    free(g);
    return status;
}
// [end newton]
