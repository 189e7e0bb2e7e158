/* Chapter 12, your code: exercise 12's functions cut the rows into shards
 * and train on them. */
#ifndef LR_CHAPTER12_MINE_H
#define LR_CHAPTER12_MINE_H

#include <stddef.h>

#include "comm.h"
#include "logreg.h"
#include "reference.h"
#include "shards.h"
#include "yours.h"

/* After yours_begin: 1 when exercise 12 is written (its three functions,
 * called once on two rows, no longer call TODO()), else 0. Prints nothing:
 * yours_end(12, ...) says it afterwards. */
int mine_ready(void);

/* Counts in t whether your shard_bounds cuts rows 0 .. n-1 into P shards
 * that follow each other without a gap or an overlap (each lo is the hi of
 * the shard before; the last hi is n). */
void mine_check_bounds(YoursTally *t, size_t n, size_t P);

/* Gradient descent from w = 0, b = 0 on every process's rows with your
 * shard_sums and global_gradient: per epoch, one all-reduce of your d + 2
 * partial sums, then the same step on every process. m is initialised. */
void mine_fit_gd(LogReg *m, const Shard *sh, size_t epochs, double lr, Comm *c);

/* Counts your weights in t against NumPy's stored ones (ref, for the
 * lesson's run) or the library's all-process weights (lib), and prints the
 * verdict (yours_verdict) of the run on P processes: 0 or YOURS_DIFFER. */
int mine_verdict(YoursTally *t, const LogReg *mine, const Reference *ref, const LogReg *lib, size_t P);

#endif
