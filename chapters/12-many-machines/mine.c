/* Chapter 12, your code: exercise 12's shard_bounds decides which rows each
 * process holds, and your shard_sums and global_gradient train on them. */
#include "mine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercises.h"

int mine_ready(void) {
    double X[4] = {1.0, -1.0, 0.5, 2.0}, y[2] = {1.0, 0.0}, w[2] = {0.1, -0.2}, partial[4], dw[2];
    size_t lo, hi;
    shard_bounds(2, 1, 0, &lo, &hi);
    shard_sums(X, y, 2, 0, 2, w, 0.0, partial);
    global_gradient(partial, 2, dw);
    return yours_done();
}

void mine_check_bounds(YoursTally *t, size_t n, size_t P) {
    size_t expect = 0;   // where shard r must start: where shard r - 1 ended
    for (size_t r = 0; r < P; r++) {
        size_t lo = 0, hi = 0;
        shard_bounds(n, P, r, &lo, &hi);
        char label[96];
        snprintf(label, sizeof label, "the first row of shard %zu of %zu", r, P);
        yours_count_exact(t, label, (double)lo, (double)expect);
        expect = hi;
    }
    char label[96];
    snprintf(label, sizeof label, "the end of shard %zu of %zu", P - 1, P);
    yours_count_exact(t, label, (double)expect, (double)n);
}

// [snippet yours]
void mine_fit_gd(LogReg *m, const Shard *sh, size_t epochs, double lr, Comm *c) {
    size_t d = m->d, rows = sh->X.rows;
    double *partial = vec_new(d + 2), *dw = vec_new(d);
    for (size_t epoch = 0; epoch < epochs; epoch++) {
        shard_sums(sh->X.data, sh->y, d, 0, rows, m->w, m->b, partial);   // your sums over my rows
        comm_sum(c, partial, d + 2);                                      // now over every row
        double db = global_gradient(partial, d, dw);                      // your gradient from them
        // w <- w - lr dw,  b <- b - lr db: the same step on every process
        for (size_t j = 0; j < d; j++) m->w[j] -= lr * dw[j];
        m->b -= lr * db;
    }
    free(dw);
    free(partial);
}
// [end yours]

int mine_verdict(YoursTally *t, const LogReg *mine, const Reference *ref, const LogReg *lib, size_t P) {
    for (size_t j = 0; j < mine->d; j++) {
        char label[32];
        snprintf(label, sizeof label, "w[%zu]", j);
        yours_count(t, label, mine->w[j], ref != NULL ? ref_value(ref, "w", j) : lib->w[j]);
    }
    yours_count(t, "b", mine->b, ref != NULL ? ref_value(ref, "b", 0) : lib->b);
    char summary[160];
    if (mine->d == 2) {
        snprintf(summary, sizeof summary, "w = (%.6f, %.6f), b = %.6f", mine->w[0], mine->w[1], mine->b);
    } else {
        snprintf(summary, sizeof summary, "||w|| = %.6f, b = %.6f", vec_norm(mine->w, mine->d), mine->b);
    }
    size_t used = strlen(summary);
    snprintf(summary + used, sizeof summary - used, " on %zu process%s", P, P == 1 ? "" : "es");
    return yours_verdict(t, summary);
}
