/* chapter: what every chapter program does the same way: read its options,
 * load its data set, show its plots, print ours beside the reference.
 *
 * Unlike the rest of lib/, these functions talk to the user: they print on
 * stdout and stderr. Exit statuses, the same in every chapter:
 *   0  done (also when a plot failed: the numbers were printed, and the
 *      plot's problem was reported in one line on stderr)
 *   2  the user's input: a bad option, a bad or missing file (one line on
 *      stderr, naming the file, line and column where there is one)
 *   3  training failed: gradient descent diverged, or Newton's method
 *      could not go on (one line saying what happened and what to try)
 * Every message starts with the program's name, taken from argv[0] by
 * chapter_parse. docs/appendix-errors.md lists every message.
 */
#ifndef LR_CHAPTER_H
#define LR_CHAPTER_H

#include <stddef.h>

#include "dataset.h"
#include "plot.h"
#include "reference.h"
#include "train.h"
#include "util.h"

/* The exit statuses above. */
enum { CHAPTER_DONE = 0,
       CHAPTER_BAD_INPUT = 2,
       CHAPTER_TRAINING_FAILED = 3 };

typedef enum {
    OPT_TEXT,    // value is const char **: a file name or word
    OPT_REAL,    // value is double *: a finite number in [min, max]
    OPT_COUNT,   // value is size_t *: a whole number in [min, max] (1e3 is fine)
    OPT_FLAG,    // value is int *: set to 1 when the option is given; it takes no value
} OptionKind;

typedef struct {
    const char *name;   // "--lr"
    const char *arg;    // what --help shows after the name, e.g. "RATE"
    const char *help;   // one line for --help
    OptionKind kind;
    void *value;       // where the parsed value goes (see OptionKind)
    double min, max;   // allowed range for OPT_REAL and OPT_COUNT
    int given;         // set to 1 when the option was on the command line
} ChapterOption;

/* A run of gradient descent longer than this many seconds shows its
 * progress on stderr, when stderr is a terminal (see chapter_parse). */
#define CHAPTER_PROGRESS_AFTER 2.0

/* Parses "--name value" pairs (and "--name=value", and "--name" alone for
 * an OPT_FLAG) into opts. Prints the
 * usage (with each number's allowed range) and exits 0 for --help; prints
 * one line and exits 2 for anything it does not understand. about is the
 * first line of --help. When stderr is a terminal, long runs of gradient
 * descent then show their progress there (CHAPTER_PROGRESS_AFTER). */
void chapter_parse(int argc, char **argv, const char *about, ChapterOption *opts, size_t n_opts);

/* Reads a CSV file whose labels must be 0..n_classes-1, or exits 2 with the
 * reader's message. */
void chapter_load(Dataset *ds, const char *path, int n_classes);

/* The learning rate of a chapter without --lr (chapter 10's straight line). */
#define CHAPTER_DEFAULT_LR 0.1

/* Warns (one line on stderr, and goes on) when columns of ds, read from
 * path, are so large that the chapter's --lr is unsafe on them, naming
 * every one (dataset_check_scale), and then offers --standardize when the
 * chapter has it. */
void chapter_check_scale(const Dataset *ds, const char *path);

/* The failure path. Each prints one line, "PROGRAM: MESSAGE", on stderr
 * (after what stdout holds so far), with PROGRAM from argv[0].
 * chapter_error returns status, for `return chapter_error(3, ...)` from a
 * step that has freed what it made; chapter_fail exits 2, for a user's
 * mistake found before anything needs freeing; chapter_say only prints. */
int chapter_error(int status, const char *fmt, ...) LR_PRINTF(2, 3);
void chapter_fail(const char *fmt, ...) LR_PRINTF(1, 2);
void chapter_say(const char *fmt, ...) LR_PRINTF(1, 2);

/* "s" unless n is 1: printf("%zu epoch%s", n, chapter_s(n)). */
const char *chapter_s(size_t n);

/* The widest line a chapter prints: what a terminal shows, and what the
 * notes' pages show of a program's output without scrolling. */
#define CHAPTER_COLUMNS 80

/* Prints on stdout like printf, each line of the text wrapped at a space to
 * fit CHAPTER_COLUMNS; a continued line starts two spaces further in than
 * the line it continues. A line never breaks beside '=' ("b = -0.116" stays
 * whole), and a word longer than the line (a long file name) is printed
 * whole. Put the breaks you mean in the text; this is the safety net for
 * what varies (names, paths, labels). */
void chapter_print(const char *fmt, ...) LR_PRINTF(1, 2);

/* Loads data/reference/NAME, or exits 2. */
void chapter_load_reference(Reference *ref, const char *name);

/* Loads data/reference/NAME, a CSV table of numbers with a header row
 * (dataset_read_table), or exits 2. Free M with mat_free. */
void chapter_load_table(Matrix *M, const char *name);

/* Sets up plotting from LR_PLOT, or exits 2 on a bad value; says once on
 * stderr how to install gnuplot when it is missing. */
void chapter_plotter(Plotter *pl);

/* Draws p; prints "plot: FILE" for a saved image, or the failure in one line
 * on stderr. A failed plot is not fatal: the numbers were already printed. */
void chapter_show(const Plotter *pl, Plot *p);

/* Notes the largest learning rate the training data allow, 2 / L
 * (lib/stepsize): a divergence message then offers it. course_load notes it
 * for the data it loads; a chapter that changes the features notes it again. */
void chapter_note_safe_lr(double lr_max);

/* Notes the L2 strength lambda of the fit that failed, on n rows: when its
 * penalty alone (curvature lambda / n, safe below 2n / lambda) rules out the
 * learning rate, the divergence message says so, and that --standardize
 * cannot help. */
void chapter_note_penalty(double lambda, size_t n);

/* After gradient descent, the one place a chapter turns its TrainResult
 * into an answer: CHAPTER_DONE when training ran, else CHAPTER_TRAINING_FAILED
 * after one line saying what happened and what to try (a smaller --lr,
 * never below that option's minimum; or to standardise a large feature;
 * each ends "; or --standardize" or names it when the chapter has that
 * option and it was not given).
 * lr is the learning rate that was used; where is NULL or says which run it
 * was, e.g. "at lambda = 100", and follows "training diverged". */
int chapter_fit_status(TrainResult fit, double lr, const char *where);

/* After Newton's method stopped on a singular Hessian (err says where),
 * the one place a chapter says why: CHAPTER_TRAINING_FAILED after one line
 * naming the collinear columns of ds (lib/diagnose: constant columns are
 * no cause, Newton leaves their weights at 0), or, when
 * the columns are independent and separated is 0, err's message; CHAPTER_DONE
 * and nothing printed when separated is 1 (the weights ran off as the
 * classes separate, which the chapter reports in its own words). */
int chapter_singular_status(const Dataset *ds, int separated, const LrError *err);

/* Before Newton's answer: one note on stdout naming the columns of ds that
 * are constant, whose weights Newton's method leaves at 0 (nothing when
 * there are none). */
void chapter_note_constant(const Dataset *ds);

/* Prints "label  ours  reference  |difference|" (or just ours when ref is
 * NAN: the options differ from the lesson's, so there is nothing to compare). */
void chapter_compare(const char *label, double ours, double ref);

/* The head of chapter_compare's table: "what  ours  reference  |diff|", or
 * just "what  ours" when reference is NULL (no empty columns). */
void chapter_compare_head(const char *what, const char *reference);

/* The K x K confusion matrix counts (row-major, row = true class, as
 * metrics_confusion_matrix makes it), and beside each row the reference's
 * values of key when lesson is 1. */
void chapter_print_confusion(const size_t *counts, size_t k, int lesson, const Reference *ref, const char *key);

/* values[index] of key in ref when lesson is 1 (the chapter runs with the
 * lesson's data and settings), else NAN: nothing to compare with. */
double chapter_reference(int lesson, const Reference *ref, const char *key, size_t index);

#endif
