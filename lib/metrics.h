/* metrics: how good a set of predictions is.
 *
 * Accuracy counts right answers. For a model that outputs a probability p_i,
 * the rest of this module looks at what happens as the threshold t moves:
 * sample i is predicted positive when p_i >= t, and the confusion counts
 * (true/false positives/negatives) give precision, recall and F1. For K
 * classes, a K x K confusion matrix gives each class's precision and recall.
 *
 *     PrCurve c;
 *     LrError err;
 *     if (metrics_pr_curve(&c, p, y, n, &err) != 0) ...   // sorted once
 *     size_t k = metrics_pr_best_f1(&c);      // c.threshold[k], c.f1[k]
 *     double ap = metrics_average_precision(&c);
 *     metrics_pr_curve_free(&c);
 */
#ifndef LR_METRICS_H
#define LR_METRICS_H

#include <stddef.h>

#include "util.h"

/* The fraction of i < n with pred_i == y_i (labels are whole numbers). */
double metrics_accuracy(const double *pred, const double *y, size_t n);

/* The number of i < n with pred_i == y_i. */
size_t metrics_correct(const double *pred, const double *y, size_t n);

/* ---- precision, recall, F1 at one threshold ------------------------------- */

typedef struct {
    size_t tp;   // true positives:  predicted 1, label 1
    size_t fp;   // false positives: predicted 1, label 0 (false alarms)
    size_t fn;   // false negatives: predicted 0, label 1 (misses)
    size_t tn;   // true negatives:  predicted 0, label 0
} Confusion;

/* The counts when sample i is predicted positive exactly when p_i >= threshold.
 * p and y are (n); y_i is 0 or 1 (anything not 1 counts as 0). One pass,
 * O(n): this is also the plain version the fast curve below is tested against. */
Confusion metrics_confusion(const double *p, const double *y, size_t n, double threshold);

/* precision = tp / (tp + fp): of the samples called positive, the fraction
 * that are. When nothing is predicted positive (tp + fp = 0) there are no
 * false alarms, and this returns 1 (the end point of scikit-learn's
 * precision_recall_curve; its precision_score returns 0 there instead, with
 * a warning). */
double metrics_precision(Confusion c);

/* recall = tp / (tp + fn): of the positive samples, the fraction found. When
 * there are no positive samples (tp + fn = 0) nothing was missed, and this
 * returns 1 (as scikit-learn's precision_recall_curve does). */
double metrics_recall(Confusion c);

/* F1 = 2 P R / (P + R), the harmonic mean of precision and recall; 0 when
 * P + R = 0. */
double metrics_f1(Confusion c);

/* ---- the precision-recall curve -------------------------------------------- */

typedef struct {
    size_t n;            // number of points: one per distinct score
    double *threshold;   // (n) the distinct scores p_i, ascending
    Confusion *counts;   // (n) the confusion counts at threshold[k]
    double *precision;   // (n) metrics_precision(counts[k])
    double *recall;      // (n) metrics_recall(counts[k]), falling as k grows
    double *f1;          // (n) metrics_f1(counts[k])
} PrCurve;

/* The curve at every distinct score t = p_i (predict 1 when p >= t), in the
 * same order as scikit-learn's precision_recall_curve (which appends one more
 * point, precision 1 and recall 0, that is not stored here). Sorts the samples
 * once by score, then sweeps down the scores counting as it goes: O(n log n),
 * not a pass over all n samples per threshold.
 * p and y are (n): finite scores, labels 0 or 1. Returns 0, or -1 with a
 * message in err (n = 0, a score that is not finite, a label not 0 or 1)
 * and c left empty. Free with metrics_pr_curve_free. */
int metrics_pr_curve(PrCurve *c, const double *p, const double *y, size_t n, LrError *err);

/* Frees the arrays and leaves c empty. */
void metrics_pr_curve_free(PrCurve *c);

/* The index k of the point with the largest F1; among equal F1, the lowest
 * threshold (the first, as numpy.argmax picks). */
size_t metrics_pr_best_f1(const PrCurve *c);

/* Average precision, scikit-learn's average_precision_score: the precision at
 * each threshold weighted by the recall gained there,
 *   AP = sum_k (R_k - R_{k+1}) P_k,   with R_n = 0,
 * a step-wise area under the curve (no interpolation between points). */
double metrics_average_precision(const PrCurve *c);

/* ---- more than two classes ------------------------------------------------ */

/* The K x K confusion matrix, row-major: counts[t * k + c] is the number of
 * samples of true class t that were predicted as class c. y and pred are (n)
 * labels 0..k-1; counts is (k * k). */
void metrics_confusion_matrix(const double *y, const double *pred, size_t n, size_t k, size_t *counts);

/* Per-class precision and recall from a confusion matrix (k * k, rows = true):
 *   precision_c = counts[c][c] / (column c's sum)   of those predicted c, how many are c
 *   recall_c    = counts[c][c] / (row c's sum)      of those that are c, how many were found
 * A class never predicted (or never present) gets 0, as scikit-learn reports
 * it. precision and recall are (k). */
void metrics_class_precision_recall(const size_t *counts, size_t k, double *precision, double *recall);

#endif
