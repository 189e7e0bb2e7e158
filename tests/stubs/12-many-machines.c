/* Exercise 12: one gradient from many shards.
 *
 * Fill in the three functions, then run   make check EX=12
 * Stuck?                                   make hint EX=12
 *
 * P processes share the n rows of a data set: each holds one shard of
 * consecutive rows. In every epoch each process sums over its own rows, an
 * all-reduce adds the P vectors element by element and gives every process
 * the total, and each process turns that total into the same gradient:
 *
 *     shard_bounds(n, P, rank, &lo, &hi);                 // my rows
 *     shard_sums(X, y, d, lo, hi, w, b, partial);         // my sums
 *     all-reduce: total = partial of rank 0 + ... + partial of rank P-1
 *     db = global_gradient(total, d, dw);                 // the same on every process
 *
 * The tests need no MPI: they play all P processes in one program and add
 * the partials themselves. For sigma(z), call sigmoid() from exercise 01
 * (make check EX=12 links the answer key's), or write a static function
 * with a name of its own, as exercise 03 says.
 */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

/* Split rows 0 .. n-1 into P shards of consecutive rows, as equal as they
 * can be: sizes n / P or n / P + 1 (the first n % P shards take one row
 * more, say). Shard `rank` is rows lo .. hi-1; when P > n, some shards are
 * empty (lo == hi). */
void shard_bounds(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi) {
    TODO();   // the stub's marker: delete this line when you write shard_bounds
    (void)P;
    (void)rank;
    *lo = 0;   // TODO: where shard `rank` starts
    *hi = n;   // TODO: one past its last row
}

/* This process's share of the gradient, over rows lo .. hi-1 only:
 *
 *     partial[j]     = sum_i (p_i - y_i) x_ij    for j < d
 *     partial[d]     = sum_i (p_i - y_i)
 *     partial[d + 1] = hi - lo                   (how many rows were summed)
 *
 * with p_i = sigma(x_i . w + b). Sums, not means: the all-reduce will add
 * these vectors from every process. X holds the n rows of d features,
 * x_ij is X[i * d + j]; y holds the n labels. */
void shard_sums(const double *X, const double *y, size_t d, size_t lo, size_t hi,
                const double *w, double b, double *partial) {
    TODO();   // the stub's marker: delete this line when you write shard_sums
    (void)X;
    (void)y;
    (void)lo;
    (void)hi;
    (void)w;
    (void)b;
    for (size_t j = 0; j < d + 2; j++) partial[j] = 0.0;   // TODO: the sums over rows lo .. hi-1
}

/* total is the sum of every process's partial: total[j] sums (p_i - y_i) x_ij
 * over all the rows, total[d] sums p_i - y_i, total[d + 1] counts the rows.
 * The gradient of the mean cross-entropy over all of them is
 *
 *     dL/dw_j = total[j] / n,    dL/db = total[d] / n,    n = total[d + 1].
 *
 * Write dL/dw into dw[0..d-1] and return dL/db. */
double global_gradient(const double *total, size_t d, double *dw) {
    TODO();   // the stub's marker: delete this line when you write global_gradient
    (void)total;
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;   // TODO: dL/dw_j
    return 0.0;                                   // TODO: dL/db
}
