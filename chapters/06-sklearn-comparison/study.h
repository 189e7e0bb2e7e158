/* Chapter 6: the answers the chapter compares, and its steps in this folder:
 * the report (report.c), the convergence plot (plot.c) and your Newton's
 * method (yours.c). */
#ifndef LR_CHAPTER06_STUDY_H
#define LR_CHAPTER06_STUDY_H

#include <stddef.h>

#include "chapter.h"
#include "dataset.h"
#include "diagnose.h"
#include "logreg.h"
#include "reference.h"

/* Gradient descent's answers (3 snapshots and the end), scikit-learn's, Newton's. */
#define MAX_ANSWERS 6

/* One answer to "which w and b minimise the loss?" and how good it is. */
typedef struct {
    char name[24];      // "GD-500", "scikit-learn", "Newton"
    size_t epochs;      // for gradient descent: after how many epochs (else 0)
    LogReg m;           // its weights
    double loss;        // the mean BCE at those weights
    double grad_norm;   // ||(dw, db)|| there: 0 exactly at the minimum
    double accuracy;    // training accuracy, threshold 1/2
} Answer;

/* Everything the chapter computes, for the printout and the plot. */
typedef struct {
    Answer answers[MAX_ANSWERS];                          // gradient descent's, scikit-learn's (lesson only), Newton's
    size_t n_gd, n_answers;                               // how many of gradient descent's, of all
    double *losses;                                       // (--epochs) the loss before every update of gradient descent
    LogReg newton;                                        // Newton's answer
    LogRegNewtonIter trace[LOGREG_NEWTON_MAX_ITER + 1];   // one row per Newton iterate
    LogRegNewtonResult res;                               // how Newton's method ended
    int singular;                                         // 1: Newton stopped on a singular Hessian
    int gd_diverged;                                      // 1: gradient descent diverged (its later answers left out)
    DiagSeparation sep;                                   // what Newton's steps say about separation
    double *yours;                                        // (yours_ran x (d + 1)) your Newton iterates, or NULL
    size_t yours_ran;                                     // how many steps your newton_step took
} Study;

/* 1 when Newton's method ran off towards infinity (the classes separated):
 * its weights are then no answer, and there is no minimum to measure from. */
int study_separated(const Study *st);

/* Step 4: prints every answer beside the others and, when lesson is 1,
 * beside NumPy's and scikit-learn's stored values (gd_ref, sk_ref). lr is
 * gradient descent's learning rate. */
void study_report(const Study *st, const Dataset *ds, const Reference *gd_ref, const Reference *sk_ref,
                  int lesson, double lr);

/* Step 5: L - L* against epochs and iterations (not drawn when separated). */
void study_plot(const Plotter *pl, const Study *st, int lesson, double lr, size_t epochs);

/* Step 3, before the report: runs your Newton's method (exercise 06) from
 * theta = 0 for as many steps as the library's took, into st->yours, and
 * says whose code this run uses, at the top, as every chapter does: the
 * library's for gradient descent always, and for Newton's method until
 * exercise 06 is written. Runs nothing with --lib, on separated classes or
 * on a constant column (study_yours says why). */
void study_yours_run(Study *st, const Dataset *ds, int lesson);

/* Step 6: your Newton's iterates beside NumPy's (the lesson) or the
 * library's answer, with the verdict; or why they were not run on a
 * constant column. Returns 0 or YOURS_DIFFER. */
int study_yours(const Study *st, const Dataset *ds, const Reference *sk_ref, int lesson);

#endif
