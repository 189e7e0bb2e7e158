/* Chapter 12, the shards: which rows each process holds. */
#ifndef LR_CHAPTER12_SHARDS_H
#define LR_CHAPTER12_SHARDS_H

#include <stddef.h>

#include "comm.h"
#include "course.h"
#include "dataset.h"
#include "linalg.h"

/* This process's rows: its shard of the data set. */
typedef struct {
    size_t n;        // rows over all processes
    size_t lo, hi;   // this shard is global rows lo .. hi-1
    Matrix X;        // (hi - lo, d) its rows
    double *y;       // (hi - lo) its labels
    Dataset all;     // rank 0, when the whole set was loaded: every row, for the one-process answer
} Shard;

/* Which rows process rank of P holds: rows lo .. hi-1 of n (lib/shard's
 * shard_range, or your shard_bounds of exercise 12). */
typedef void ShardBounds(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi);

/* Makes `rows` synthetic rows of d features (lib/shard), each process only
 * its own, or, when rows is 0, makes or reads cd's data set and keeps this
 * process's rows of it, the rows that bounds gives it (shard_range's when
 * bounds gives rows outside 0 .. n-1); exits 2 on bad data. */
void shards_load(CourseData *cd, size_t rows, size_t d, const Comm *c, ShardBounds *bounds, Shard *sh);
void shards_free(Shard *sh);
void shards_print(const Shard *sh, const Comm *c, ShardBounds *bounds);

#endif
