/* diagnose: why Newton's method found no minimum of the cross-entropy.
 *
 * Newton's method (binary: lib/logreg, chapter 6; softmax: lib/multiclass,
 * chapter 8) can fail to give an answer for two reasons, which need
 * different advice:
 *
 *   - the columns: with X~ = (X, 1), the Hessian X~^T S X~ / n is singular
 *     at every point when a column of X is constant or a combination of
 *     others (collinear): no step can be solved. diag_columns names them.
 *   - separation: a direction in which every sample's margin (its own
 *     class's score minus the others') grows or stays, and some grow. Along
 *     it the loss keeps falling while ||w|| grows without bound, so there is
 *     no minimum. Complete when every sample's margin grows (a hyperplane
 *     separates the classes, the loss tends to 0); partial when only some
 *     do (the loss tends to a positive limit). Newton's steps then stay
 *     long instead of shrinking; diag_margins and diag_separation read the
 *     last step.
 *
 *     char msg[256];
 *     if (diag_columns(&X, names, msg, sizeof msg) != 0) ... // "column 'x2' is constant"
 *     DiagMargins mg = diag_margins(dz, y, n, 1);           // dz: the step's change of each score
 *     DiagSeparation s = diag_separation(longest, last, mg);
 *     diag_describe(s, mg, msg, sizeof msg);                 // the plain sentences
 *
 * Prints nothing.
 */
#ifndef LR_DIAGNOSE_H
#define LR_DIAGNOSE_H

#include <stddef.h>

#include "matrix.h"

/* A column whose part outside the span of the columns before it is at most
 * DIAG_RANK_TOL of its length depends on them: the Hessian's Cholesky pivot
 * for it (lib/linalg, relative LINALG_PIVOT_TOL = DIAG_RANK_TOL^2) fails. */
#define DIAG_RANK_TOL 1e-6

/* A margin the step changed by at most DIAG_MARGIN_TOL times the largest
 * change counts as unchanged (rounding, or a part still converging). */
#define DIAG_MARGIN_TOL 1e-6

/* Newton's steps have stopped shrinking when the last is longer than
 * DIAG_RUNOFF times the longest: near a finite minimum the last steps are
 * many orders of magnitude shorter (quadratic convergence). */
#define DIAG_RUNOFF 1e-3

/* Finds the columns of X~ = (1, x_1 .. x_d) that depend on the columns
 * before them, the bias column first, by Gram-Schmidt. Returns 0 when they
 * are independent; otherwise -1 and one line in msg (size bytes) naming
 * them: the constant columns (up to three names and how many more) and the
 * first collinear one with the columns it combines, e.g.
 *   "column 'x3' is constant; column 'x4' is a combination of 'x1' and 'x2'
 *    (collinear)"
 * names is NULL (then columns are named x1 .. xd) or holds d names.
 * X is (n, d). */
int diag_columns(const Matrix *X, char *const *names, char *msg, size_t size);

/* diag_columns without the columns that are exactly constant: Newton's
 * method (lib/logreg, lib/multiclass) leaves their weights where they are
 * (lib/linalg's linalg_pin), so only the others can make it fail. */
int diag_collinear(const Matrix *X, char *const *names, char *msg, size_t size);

/* Counts the columns of X that hold one value in every row and, when there
 * are any, names them in msg: "columns 'a', 'b', 'c' and 2 more are
 * constant" (otherwise msg is ""). names as for diag_columns. */
size_t diag_constant(const Matrix *X, char *const *names, char *msg, size_t size);

/* Counts the columns of X whose values are all so small (0 < max_i |x_ij| <
 * DIAG_TINY) that their squares underflow to 0, and names them in msg as
 * diag_constant does: such a column adds nothing to the Hessian, which is
 * then singular, and looks collinear with anything. */
#define DIAG_TINY 1e-150   // (the message spells it 1e-150)
size_t diag_tiny(const Matrix *X, char *const *names, char *msg, size_t size);

/* The same for columns with a value above DIAG_HUGE in size, whose squares
 * overflow to infinity: "column 'x2' has values above 1e150 in size, ...". */
#define DIAG_HUGE 1e150   // (the message spells it 1e150)
size_t diag_huge(const Matrix *X, char *const *names, char *msg, size_t size);

/* How a step moved the samples' margins. */
typedef struct {
    size_t n;         // samples
    size_t pushed;    // whose margin grew: moved further onto their own class's side
    size_t against;   // whose margin shrank
} DiagMargins;

/* Counts, for scores that changed by dz, the samples whose margin grew and
 * shrank by more than DIAG_MARGIN_TOL times the largest change. The margin
 * of sample i is its own class's score minus the largest other score; its
 * change is min over c != y_i of dz_i,y_i - dz_i,c. k = 1 is the binary
 * model: dz_i is the change of the score of class 1 (class 0's is 0), and
 * the margin's change is dz_i for y_i = 1, -dz_i for y_i = 0.
 * dz is (n, k), y (n) holds classes 0 .. max(k, 2) - 1. */
DiagMargins diag_margins(const double *dz, const double *y, size_t n, size_t k);

/* The count of diag_margins from the margins' changes dm (n) themselves,
 * against a given largest |change|: for samples spread over processes
 * (chapter 12), where the largest is taken over every process's samples. */
DiagMargins diag_count_margins(const double *dm, size_t n, double largest);

typedef enum {
    DIAG_FINITE,     // the steps shrank: a minimum (or no sign of separation)
    DIAG_PARTIAL,    // the steps stayed long, pushing some samples, none back
    DIAG_COMPLETE,   // the steps stayed long, pushing every sample
    DIAG_RUNNING,    // the steps stayed long, but pushed samples both ways
} DiagSeparation;

/* What Newton's run says about separation, from its longest step, its last
 * step (0 when it took none) and the margins the last step moved. */
DiagSeparation diag_separation(double longest_step, double last_step, DiagMargins last);

/* The plain words for s, in lines of at most 80 characters each ending in
 * '\n', into buf (size bytes); "" for DIAG_FINITE. */
void diag_describe(DiagSeparation s, DiagMargins mg, char *buf, size_t size);

#endif
