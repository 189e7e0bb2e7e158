/* dataset: a table of samples (features X and labels y), read from and
 * written to CSV files.
 *
 * CSV format: a header row of column names, then one row per sample, every
 * cell a finite decimal number, the last column the label (a whole number).
 * Blank lines are skipped; CRLF line ends, a UTF-8 byte-order mark and
 * double quotes around a column name ("x1") are accepted. A line may be up
 * to DATASET_MAX_LINE bytes long. Errors name the place, with columns counted in bytes from 1:
 * "data.csv:14:7: expected a number, got 'abc'". Every message is one line:
 * control characters from the file are shown as \xNN.
 * docs/appendix-errors.md lists every message with its cause.
 */
#ifndef LR_DATASET_H
#define LR_DATASET_H

#include <stddef.h>
#include <stdio.h>

#include "matrix.h"
#include "util.h"

typedef struct {
    Matrix X;       // (n, d) features, one row per sample
    double *y;      // (n) labels, whole numbers
    size_t n;       // number of samples
    size_t d;       // number of features
    char **names;   // (d + 1) column names from the header; the last is the label's
    size_t *line;   // (n) the file line each sample was read from, or NULL
                    // (a data set that was not read from a file)
} Dataset;

/* How many bytes of column names dataset_check_scale's warning lists
 * (then "and N more"). */
#define DATASET_SCALE_NAMES 400

/* The longest line the reader takes (16 MB): far more than any CSV of
 * numbers needs, and a stop for a file with no line ends (/dev/zero). */
#define DATASET_MAX_LINE (16 << 20)

/* Reads path into ds. Returns 0, or -1 with a one-line message in err (and ds
 * left empty). The caller frees a read dataset with dataset_free. */
int dataset_read_csv(Dataset *ds, const char *path, LrError *err);

/* The same from an open stream (a pipe, or fmemopen for tests and fuzzing);
 * name stands for the file in messages. Does not close f. */
int dataset_read_stream(Dataset *ds, FILE *f, const char *name, LrError *err);

/* Reads a table of numbers in the same format, whose last column is a number
 * like the others (not a label), into M: one row per data row, one column
 * per column of the file; the header's names are dropped. Returns 0, or -1
 * with a one-line message in err (and M empty). Free M with mat_free. */
int dataset_read_table(Matrix *M, const char *path, LrError *err);

/* Writes ds to path (header, then %.17g numbers, so values survive exactly).
 * A regular file (or one a symbolic link points to; the link stays) is
 * written under a temporary name of its own beside it and renamed, so it is
 * whole or untouched; a pipe or device (/dev/stdout) is written directly.
 * Returns 0, or -1 with a message in err. */
int dataset_write_csv(const Dataset *ds, const char *path, LrError *err);

/* Writes ds as CSV to an open stream, in the same format. Returns 0, or -1
 * when the stream reports an error. */
int dataset_write_stream(const Dataset *ds, FILE *f);

/* Checks that every label is one of 0 .. n_classes-1 and that each of them
 * occurs, and that there are more samples than features. path is used in the
 * message only (with the sample's line when ds->line is set). Returns 0, or
 * -1 with a message in err. */
int dataset_check_labels(const Dataset *ds, int n_classes, const char *path, LrError *err);

/* Checks only that every label is one of 0 .. n_classes-1 (a held-out set
 * may lack a class). Returns 0, or -1 with a message in err. */
int dataset_check_label_range(const Dataset *ds, int n_classes, const char *path, LrError *err);

/* Looks for the columns too large for gradient descent at learning rate lr:
 * column j alone makes any lr above 8 / mean_i(x_ij^2) unsafe
 * (stepsize_column_max_lr). Returns 0 when there is none, else -1 with a
 * one-line warning in warning that names every one of them (as many as fit
 * in DATASET_SCALE_NAMES bytes, then how many more) and suggests
 * standardising. The data are still usable: the caller decides whether to
 * go on. */
int dataset_check_scale(const Dataset *ds, const char *path, double lr, LrError *warning);

/* Frees everything and leaves ds empty. */
void dataset_free(Dataset *ds);

#endif
