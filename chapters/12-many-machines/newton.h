/* Chapter 12, Newton's method on the shards, and why it found no minimum
 * when there is none (lib/diagnose, as chapter 6). */
#ifndef LR_CHAPTER12_NEWTON_H
#define LR_CHAPTER12_NEWTON_H

#include <stddef.h>

#include "comm.h"
#include "diagnose.h"
#include "logreg.h"
#include "shards.h"

/* How the fit went, and what its last step says about separation. */
typedef struct {
    LogRegNewtonResult res;   // steps, converged, loss, ||grad||
    double longest, last;     // the longest step ||(dw, db)|| and the last one (0: none taken)
    double *w0, b0;           // (d) the weights before the last step
    DiagSeparation sep;       // after sharded_diagnose: DIAG_FINITE, or how the classes separate
    DiagMargins moved;        // how the last step moved the margins of every process's samples
} ShardNewton;

/* Newton's method as lib/logreg's, on every process's rows: each step
 * solves H delta = g with the summed H and g (the same on every process),
 * halving the step while it raises the loss. Returns 0, or -1 with err
 * (the Hessian could not be solved: m holds the last iterate). Free out
 * with sharded_newton_free. */
int sharded_newton(LogReg *m, const Shard *sh, Comm *c, ShardNewton *out, LrError *err);

/* Did the steps shrink, or run off as the classes separate? Fills out->sep
 * and out->moved from the last step, over every process's samples (two
 * all-reduces: the largest change of a margin, then the counts). */
void sharded_diagnose(const LogReg *m, const Shard *sh, Comm *c, ShardNewton *out);

void sharded_newton_free(ShardNewton *out);

#endif
