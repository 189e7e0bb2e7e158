/* split: train_test_split's division of a data set (see split.h). */
#include "split.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

size_t split_held_out_count(size_t n, double fraction) {
    return (size_t)ceil(fraction * (double)n);
}

/* A data set of the rows idx[0 .. n-1] of ds, in that order, with ds's
 * names. */
static Dataset pick(const Dataset *ds, const size_t *idx, size_t n) {
    Dataset out = {.X = mat_new(n, ds->d), .y = lr_malloc(n * sizeof(double)), .n = n, .d = ds->d};
    if (ds->line != NULL) out.line = lr_malloc(n * sizeof(size_t));
    // out row i = ds row idx[i]
    for (size_t i = 0; i < n; i++) {
        memcpy(mat_at(&out.X, i, 0), mat_at(&ds->X, idx[i], 0), ds->d * sizeof(double));
        out.y[i] = ds->y[idx[i]];
        if (ds->line != NULL) out.line[i] = ds->line[idx[i]];
    }
    if (ds->names != NULL) {
        out.names = lr_malloc((ds->d + 1) * sizeof(char *));
        for (size_t j = 0; j <= ds->d; j++) out.names[j] = lr_strdup(ds->names[j]);
    }
    return out;
}

void split_rows(Dataset *ds, Dataset *held, double fraction, uint32_t seed) {
    size_t n = ds->n, n_held = split_held_out_count(n, fraction);
    size_t *perm = lr_malloc(n * sizeof(size_t));
    Rng rng;
    rng_seed(&rng, seed);
    rng_permutation(&rng, perm, n);
    *held = pick(ds, perm, n_held);
    Dataset kept = pick(ds, perm + n_held, n - n_held);
    free(perm);
    dataset_free(ds);
    *ds = kept;
}
