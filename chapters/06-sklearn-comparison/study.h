/* Chapter 6: the answers the chapter compares, and its report (step 3). */
#ifndef LR_CHAPTER06_STUDY_H
#define LR_CHAPTER06_STUDY_H

#include <stddef.h>

#include "dataset.h"
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
} Study;

/* Step 3: prints every answer beside the others and, when lesson is 1,
 * beside NumPy's and scikit-learn's stored values (gd_ref, sk_ref). lr is
 * gradient descent's learning rate. */
void study_report(const Study *st, const Dataset *ds, const Reference *gd_ref, const Reference *sk_ref,
                  int lesson, double lr);

#endif
