/* Chapter 12, the shards: which rows each process holds. */
#include "shards.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shard.h"

/* Rows lo .. hi-1 of n for process rank of P, as bounds gives them when they
 * lie in 0 .. n, else as shard_range does. */
static void rows_of(ShardBounds *bounds, size_t n, size_t P, size_t rank, size_t *lo, size_t *hi) {
    *lo = *hi = 0;
    bounds(n, P, rank, lo, hi);
    if (!(*lo <= *hi && *hi <= n)) shard_range(n, P, rank, lo, hi);
}

// [snippet load]
/* Makes or reads the data, and keeps this process's rows. */
void shards_load(CourseData *cd, size_t rows, size_t d, const Comm *c, ShardBounds *bounds, Shard *sh) {
    sh->all = (Dataset){0};   // only rank 0 keeps every row
    if (rows > 0) {           // every process makes its own rows, and only those
        sh->n = rows;
        rows_of(bounds, rows, c->size, c->rank, &sh->lo, &sh->hi);
        sh->X = mat_new(sh->hi - sh->lo, d);
        sh->y = vec_new(sh->hi - sh->lo);
        shard_make_rows(&sh->X, sh->y, sh->lo, sh->hi, cd->seed);
        return;
    }
    Dataset ds;                // the lesson's generator and the CSV reader go through every row
    cd->quiet = c->rank > 0;   // one process says what --standardize did, or warns about the scale
    course_load(cd, &ds);
    course_free(cd);   // the scaler of --standardize: every row is scaled already
    sh->n = ds.n;
    rows_of(bounds, ds.n, c->size, c->rank, &sh->lo, &sh->hi);
    sh->X = mat_new(sh->hi - sh->lo, ds.d);
    sh->y = vec_new(sh->hi - sh->lo);
    memcpy(sh->X.data, mat_row(&ds.X, sh->lo), (sh->hi - sh->lo) * ds.d * sizeof(double));
    memcpy(sh->y, ds.y + sh->lo, (sh->hi - sh->lo) * sizeof(double));
    if (c->rank == 0) sh->all = ds;   // kept for the one-process answer
    else dataset_free(&ds);
}
// [end load]

/* Frees what shards_load allocated. */
void shards_free(Shard *sh) {
    mat_free(&sh->X);
    free(sh->y);
    if (sh->all.n > 0) dataset_free(&sh->all);
}

/* "300 rows in 2 shards of 150, 150 rows" */
void shards_print(const Shard *sh, const Comm *c, ShardBounds *bounds) {
    printf("%zu rows in %zu shard%s of", sh->n, c->size, c->size == 1 ? "" : "s");
    for (size_t r = 0; r < c->size && r < 8; r++) {
        size_t lo, hi;
        rows_of(bounds, sh->n, c->size, r, &lo, &hi);
        printf("%s %zu", r == 0 ? "" : ",", hi - lo);
    }
    printf("%s rows\n", c->size > 8 ? ", ..." : "");
}
