/* checkpoint: a model's weights and the epoch it reached, saved so that a
 * run that was killed can go on from there and end exactly where an
 * uninterrupted run ends.
 *
 *     checkpoint_write("run.ckpt", "gd n=300 d=2 lr=0.1", 200, &m, &err);
 *     ...killed, restarted...
 *     size_t epoch = 0;
 *     int got = checkpoint_read("run.ckpt", "gd n=300 d=2 lr=0.1", &epoch, &m, &err);
 *     // 1: no file, start from 0;  0: m and epoch restored;  -1: err says why
 *
 * The file is text, the numbers in C's hexadecimal floating point (%a), which
 * reads back to the same bits:
 *
 *     logreg-checkpoint 1
 *     options gd n=300 d=2 lr=0.1
 *     epoch 200
 *     w 0x1.1f9f6d4c2a3b1p+0 -0x1.0a2b3c4d5e6f7p-3
 *     b 0x1.8p-4
 *
 * Written atomically: into FILE.tmp, flushed to the disk, then renamed over
 * FILE, so FILE is always a whole checkpoint, the old one or the new one,
 * never half of one, whenever the program is killed.
 */
#ifndef LR_CHECKPOINT_H
#define LR_CHECKPOINT_H

#include <stddef.h>

#include "logreg.h"
#include "util.h"

/* Saves epoch and m (w and b) with the run's options (one line of text
 * that says what run this is; a restart must give the same). Returns 0,
 * or -1 with a message in err (FILE is then untouched). */
int checkpoint_write(const char *path, const char *options, size_t epoch, const LogReg *m, LrError *err);

/* Restores *epoch and m (whose d must match the file's) from path. Returns
 * 1 when path does not exist (nothing to resume), 0 when restored, or -1
 * with a message in err naming the file and line when it cannot be read,
 * is not a checkpoint, or was written by a run with other options. */
int checkpoint_read(const char *path, const char *options, size_t *epoch, LogReg *m, LrError *err);

#endif
