/* split: a data set divided into a training part and a held-out part the
 * way scikit-learn's train_test_split(X, y, test_size=f, random_state=seed)
 * divides it (ShuffleSplit: the first ceil(f n) rows of
 * RandomState(seed).permutation(n) are held out, the rest train, both in the
 * permutation's order).
 *
 *     Dataset test;
 *     split_rows(&ds, &test, 0.25, 1);   // ds keeps 75% of its rows
 */
#ifndef LR_SPLIT_H
#define LR_SPLIT_H

#include <stdint.h>

#include "dataset.h"

/* How many of n rows a fraction f holds out: ceil(f n), as scikit-learn. */
size_t split_held_out_count(size_t n, double fraction);

/* Moves ceil(fraction n) rows of ds, drawn with seed, into held (which it
 * fills, names and file lines copied); ds keeps the others. Needs
 * 0 < ceil(fraction n) < ds->n. */
void split_rows(Dataset *ds, Dataset *held, double fraction, uint32_t seed);

#endif
