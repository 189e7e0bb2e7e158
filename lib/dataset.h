/* dataset: a table of samples (features X and labels y), read from and
 * written to CSV files.
 *
 * CSV format: a header row of column names, then one row per sample, every
 * cell a finite decimal number, the last column the label (a whole number).
 * Blank lines are skipped; CRLF line ends and a UTF-8 byte-order mark are
 * accepted. Errors name the place: "data.csv:14:7: expected a number, got 'abc'".
 */
#ifndef LR_DATASET_H
#define LR_DATASET_H

#include <stddef.h>

#include "matrix.h"
#include "util.h"

typedef struct {
    Matrix X;       // (n, d) features, one row per sample
    double *y;      // (n) labels, whole numbers
    size_t n;       // number of samples
    size_t d;       // number of features
    char **names;   // (d + 1) column names from the header; the last is the label's
} Dataset;

/* Reads path into ds. Returns 0, or -1 with a one-line message in err (and ds
 * left empty). The caller frees a read dataset with dataset_free. */
int dataset_read_csv(Dataset *ds, const char *path, LrError *err);

/* Writes ds to path (header, then %.17g numbers, so values survive exactly).
 * Writes to a temporary file and renames it, so path is whole or untouched.
 * Returns 0, or -1 with a message in err. */
int dataset_write_csv(const Dataset *ds, const char *path, LrError *err);

/* Checks that every label is one of 0 .. n_classes-1 and that each of them
 * occurs, and that there are more samples than features. path is used in the
 * message only. Returns 0, or -1 with a message in err. */
int dataset_check_labels(const Dataset *ds, int n_classes, const char *path, LrError *err);

/* Frees everything and leaves ds empty. */
void dataset_free(Dataset *ds);

#endif
