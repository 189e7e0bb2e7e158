/* yours: the learner's own functions (exercises/) running the chapters.
 *
 * Every chapter program is linked with exercises/. It runs the library's
 * code (lib/) for the reference column, and the learner's functions for the
 * column "yours", unless the exercise is not written yet:
 *
 *   - a shipped stub calls TODO() (exercises.h), which lands in yours_todo;
 *   - an exercise that does not compile is replaced at build time by its
 *     stand-in, the shipped stub whose TODO() calls yours_not_compiled;
 *   - --lib (chapter_parse) turns the learner's code off for one run.
 *
 * A function the learner has started (its TODO() line deleted) is used,
 * finished or not: the numbers beside the reference say how far it is.
 *
 *     YoursTally t;
 *     if (yours_begin()) {                       // not --lib
 *         ... run the learner's functions ...
 *         mine = yours_end(3, "trains with lib/logreg.c");
 *     }
 *     yours_tally_init(&t, 3, "NumPy");
 *     yours_compare(&t, "w[0]", w_yours[0], ref_w0);   // label yours reference |diff|
 *     return yours_verdict(&t, "w = (0.342249, 3.170892)");   // 0, or YOURS_DIFFER
 *
 * Like lib/chapter, these functions print: the learner reads them.
 */
#ifndef LR_YOURS_H
#define LR_YOURS_H

#include <stddef.h>

/* Two numbers are the same when |yours - reference| <= YOURS_TOL * max(1, |reference|):
 * far above the rounding of a different summation order (the solutions differ from the
 * library and NumPy by at most 4e-13, over 3,000 epochs on raw data), below a gradient
 * kept in float (5e-10 in chapter 03), which make check EX=03 also refuses. */
#define YOURS_TOL 1e-10

/* The exit status of a chapter whose run used the learner's code and found
 * numbers that differ from the reference beyond YOURS_TOL. */
#define YOURS_DIFFER 4

/* TODO() in a stub calls this with the stub's file and function: the
 * function is not written yet. The exercise is the number the file's name
 * starts with (exercises/03-gradient-descent.c: 03), so a new exercise needs
 * no table here. */
void yours_todo(const char *file, const char *function);

/* The stand-in of an exercise that does not compile calls this: the shipped
 * stub, tests/stubs/NN-name.c, built with -Dyours_todo=yours_not_compiled
 * (the Makefile's rule for build/MODE/yours/). */
void yours_not_compiled(const char *file, const char *function);

/* Set by chapter_parse for --lib: the learner's code is not run. */
void yours_set_lib_only(int lib_only);

/* Forgets the stubs met so far. Returns 0 when --lib was given (then the
 * chapter runs the library only), else 1: run the learner's code now. */
int yours_begin(void);

/* 1 when every function of the learner's run since yours_begin is written
 * (none called TODO() or a stand-in), without printing: for a chapter that
 * must decide before it can say so (yours_end then says it). */
int yours_done(void);

/* After running the learner's code for exercise nn: 1 when every function it
 * called is written. Otherwise prints two lines, such as
 *   exercise 03 is not done yet (gradient still calls TODO()),
 *     so this run trains with lib/logreg.c; make check EX=03 to start it
 * where uses is "trains with lib/logreg.c", and returns 0. When exercise nn
 * is written but an earlier one the chapter also runs is not, the lines name
 * that one ("chapter 04 runs your exercise 01 too, and it is not done yet
 * (sigmoid still calls TODO()), ..."). */
int yours_end(int nn, const char *uses);

/* The running comparison of the learner's numbers with a reference. */
typedef struct {
    int nn;               // the exercise whose functions produced the numbers
    const char *ref;      // whose the reference numbers are: "NumPy", "SciPy", "lib/", ...
    double largest;       // the largest |yours - reference| so far
    size_t rows;          // numbers compared
    char first[48];       // label of the first number beyond YOURS_TOL ("" : none yet)
    double first_yours;   // that number, the learner's
    double first_ref;     // and the reference's
} YoursTally;

/* Starts a comparison of exercise nn's numbers with ref's. */
void yours_tally_init(YoursTally *t, int nn, const char *ref);

/* Prints "label  yours  reference  |diff|" (in the columns of
 * chapter_compare) and counts the row in t. */
void yours_compare(YoursTally *t, const char *label, double yours, double ref);

/* The header of a table of yours_row rows: "yours" or "ours" (t == NULL:
 * the library's run), then the reference's title ("NumPy reference"), or
 * "lib/ (ours)" when the learner's numbers are compared with the library's;
 * ref is NULL when there is no reference. */
void yours_header(const YoursTally *t, const char *ref);

/* One row of a chapter's table. t == NULL (the library ran): as
 * chapter_compare(label, value, ref). Otherwise value is the learner's,
 * compared with ref, or with lib (the library's value) when ref is NAN
 * because the options differ from the lesson's. */
void yours_row(YoursTally *t, const char *label, double value, double ref, double lib);

/* Counts one number in t without printing it (for long tables and arrays). */
void yours_count(YoursTally *t, const char *label, double yours, double ref);

/* The same, with the tolerance relative to the reference alone, YOURS_TOL *
 * |reference|: for numbers whose size is the lesson (chapter 01's sigma'(40)
 * = 4.2e-18, which 1 - sigma(40) rounds to 0). */
void yours_count_relative(YoursTally *t, const char *label, double yours, double ref);

/* The same, to the last bit: for numbers the exercise must give exactly
 * (chapter 11's fused epoch against the two-pass epoch). */
void yours_count_exact(YoursTally *t, const char *label, double yours, double ref);

/* Prints the verdict and returns the exit status:
 *   0             your code reproduces the lesson's NumPy numbers:
 *                   yours: SUMMARY
 *                   (largest difference 1e-16)
 *   YOURS_DIFFER  your numbers first differ from NumPy's at w[0]:
 *                   yours 0.684, NumPy's 0.342;
 *                   make check EX=03 tests your functions one by one;
 *                   this chapter also runs your exercises 01 and 02
 *                   (make check shows which pass)
 *               (the last two lines when the chapter runs other exercises)
 * summary names the key numbers, e.g. "w = (0.342249, 3.170892), b = -0.116219".
 * The verdict starts a line of its own, and its lines after the first are
 * indented (chapter_print), so that none is over CHAPTER_COLUMNS; none of
 * them starts with a label of the chapter's tables ("yours:", never "w[0]"). */
int yours_verdict(const YoursTally *t, const char *summary);

/* ---- the lesson's loops with the learner's functions (lib/yours-train.c) --- */

/* Gradient descent as the lesson writes it, from the w and *b given: each
 * epoch p = sigmoid(X w + b) (exercise 01), the loss bce_mean (02) plus
 * l2_penalty (05, only when lambda != 0) into losses[e] (losses may be NULL),
 * then gradient (03) plus l2_penalty_gradient (05), and gd_step (03).
 * X is (n, d), y is (n), w is (d), losses is (epochs). */
void yours_fit_gd(const double *X, const double *y, size_t n, size_t d, double lr, size_t epochs, double lambda,
                  double *w, double *b, double *losses);

/* p_i = sigmoid(x_i . w + b) with the learner's sigmoid. X is (n, d), p is (n). */
void yours_predict_proba(const double *X, size_t n, size_t d, const double *w, double b, double *p);

/* The exercise a source file belongs to: the two digits its name starts with
 * ("tests/stubs/03-gradient-descent.c": 3), or 0. */
int yours_exercise_of(const char *file);

/* ---- checks before the learner's code is trusted (lib/yours-check.c) ------ */

/* The exercises chapter nn runs (its own, and those of the lesson's loops it
 * trains with), in order, ended by 0: a row of the table in
 * lib/yours-check.c, or exercise nn alone for a chapter without a row. */
const int *yours_uses(int nn);

/* The exercises chapter nn runs besides exercise nn, as words ("01", "01
 * and 02", "01, 02 and 03") into buf. Returns how many there are. */
int yours_list_uses(int nn, char *buf, size_t size);

/* 1 when this program is the top folder's chapter-NN (built from
 * exercises/) and the source of an exercise it runs was saved after it was
 * built; that source's path ("exercises/03-gradient-descent.c") goes to path.
 * Its numbers would then be those of code the file no longer holds. */
int yours_stale(int nn, char *path, size_t size);

/* From now on a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL) prints two lines on
 * stderr, saying that it is most likely in the learner's code and what to
 * run, and ends the program with the signal, as before (exit status 128 +
 * sig in a shell). Not in a sanitizer's build, which reports crashes itself. */
void yours_watch_crashes(const char *program);

#endif
