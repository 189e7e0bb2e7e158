/* Chapter 12, Newton's method on the shards, and its diagnosis. */
#include "newton.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linalg.h"
#include "shard.h"

/* A rise of the loss smaller than this (relative) is rounding, not a rise:
 * the same slack as lib/logreg.c's Newton's method. */
#define NEWTON_LOSS_SLACK 1e-12

/* The gradient, loss and Hessian sums at m over every row: one all-reduce of
 * d + 3 + (d + 1)(d + 2)/2 numbers. */
static void newton_sums(const LogReg *m, const Shard *sh, Comm *c, double *buf) {
    size_t d = m->d;
    shard_grad_sums(m, &sh->X, sh->y, 0, sh->X.rows, buf);
    shard_hess_sums(m, &sh->X, 0, sh->X.rows, buf + SHARD_GRAD_LEN(d));
    comm_sum(c, buf, SHARD_GRAD_LEN(d) + SHARD_HESS_LEN(d));
}

// [snippet newton]
int sharded_newton(LogReg *m, const Shard *sh, Comm *c, ShardNewton *out, LrError *err) {
    size_t d = m->d, k = d + 1, iter = 0;
    double *buf = vec_new(SHARD_GRAD_LEN(d) + SHARD_HESS_LEN(d));   // the sums of newton_sums
    double *H = vec_new(k * k), *g = vec_new(k), *delta = vec_new(k);
    *out = (ShardNewton){.w0 = vec_new(d), .sep = DIAG_FINITE};
    newton_sums(m, sh, c, buf);
    double loss = shard_loss(buf, d, 0.0, m->w);
    g[d] = shard_gradient(buf, d, 0.0, m->w, g);
    double g_norm = vec_norm(g, k), g0_norm = g_norm;
    int status = 0;
    while (g_norm > LOGREG_NEWTON_TOL * g0_norm && iter < LOGREG_NEWTON_MAX_ITER) {
        shard_hessian(buf + SHARD_GRAD_LEN(d), d, sh->n, 0.0, H);
        memcpy(delta, g, k * sizeof *delta);
        if (linalg_solve_spd(H, delta, k, err) != 0) {
            status = -1;
            break;
        }
        memcpy(out->w0, m->w, d * sizeof *out->w0);
        double t = 1.0, new_loss = loss;
        out->b0 = m->b;
        for (int halvings = 0; halvings <= LOGREG_NEWTON_MAX_HALVINGS; halvings++, t /= 2.0) {
            // (w, b) <- (w0, b0) - t delta, with t = 1, 1/2, 1/4, ... until the loss does not rise
            for (size_t j = 0; j < d; j++) m->w[j] = out->w0[j] - t * delta[j];
            m->b = out->b0 - t * delta[d];
            newton_sums(m, sh, c, buf);
            new_loss = shard_loss(buf, d, 0.0, m->w);
            if (new_loss <= loss + NEWTON_LOSS_SLACK * fabs(loss)) break;
        }
        out->last = t * vec_norm(delta, k);   // how far this step moved (w, b)
        out->longest = fmax(out->longest, out->last);
        loss = new_loss;
        g[d] = shard_gradient(buf, d, 0.0, m->w, g);
        g_norm = vec_norm(g, k);
        iter++;
    }
    out->res = (LogRegNewtonResult){iter, g_norm <= LOGREG_NEWTON_TOL * g0_norm, loss, g_norm};
    free(delta);
    free(g);
    free(H);
    free(buf);
    return status;
}
// [end newton]

void sharded_diagnose(const LogReg *m, const Shard *sh, Comm *c, ShardNewton *out) {
    size_t rows = sh->X.rows, P = c->size;
    double *dm = vec_new(rows + 1), *largest = vec_new(P), counts[2];
    // dm_i = +-(dw . x_i + db): how the last step moved sample i's margin (+ for y_i = 1)
    for (size_t i = 0; i < rows; i++) {
        double dz = m->b - out->b0;
        for (size_t j = 0; j < m->d; j++) dz += (m->w[j] - out->w0[j]) * *mat_at(&sh->X, i, j);
        dm[i] = sh->y[i] == 1.0 ? dz : -dz;
        largest[c->rank] = fmax(largest[c->rank], fabs(dm[i]));
    }
    comm_sum(c, largest, P);   // each process's largest in its own place: now every process has all P
    double most = 0.0;
    for (size_t r = 0; r < P; r++) most = fmax(most, largest[r]);
    DiagMargins mine = diag_count_margins(dm, rows, most);
    counts[0] = (double)mine.pushed;
    counts[1] = (double)mine.against;
    comm_sum(c, counts, 2);   // over every process's samples
    out->moved = (DiagMargins){sh->n, (size_t)counts[0], (size_t)counts[1]};
    out->sep = diag_separation(out->longest, out->last, out->moved);
    free(largest);
    free(dm);
}

void sharded_newton_free(ShardNewton *out) { free(out->w0); }
