/* Exercise 09: precision and recall at a threshold, and the threshold with
 * the best F1.
 *
 * Fill in the three functions, then run   make check EX=09
 * Stuck?                                   make hint EX=09
 *
 * In all three, p holds n predicted probabilities and y the n true labels
 * (0 or 1). At a threshold t, sample i is predicted positive when p_i >= t
 * (greater than or EQUAL). The counts that matter:
 *
 *     tp = #{i : p_i >= t and y_i = 1}    true positives
 *     fp = #{i : p_i >= t and y_i = 0}    false positives (false alarms)
 *     fn = #{i : p_i <  t and y_i = 1}    false negatives (misses)
 */
#include <stddef.h>

#include "exercises.h"

/* Precision: of the samples predicted positive, the fraction that are.
 *
 *     precision = tp / (tp + fp)
 *
 * When nothing is predicted positive (tp + fp = 0) there are no false
 * alarms: return 1. */
double precision_at(const double *p, const double *y, size_t n, double threshold) {
    TODO();   // the stub's marker: delete this line when you write precision_at
    (void)p;
    (void)y;
    (void)n;
    (void)threshold;
    return 0.0;   // TODO: count tp and fp, return tp / (tp + fp)
}

/* Recall: of the positive samples, the fraction predicted positive.
 *
 *     recall = tp / (tp + fn)
 *
 * When there are no positive samples (tp + fn = 0) nothing was missed:
 * return 1. */
double recall_at(const double *p, const double *y, size_t n, double threshold) {
    TODO();   // the stub's marker: delete this line when you write recall_at
    (void)p;
    (void)y;
    (void)n;
    (void)threshold;
    return 0.0;   // TODO: count tp and fn, return tp / (tp + fn)
}

/* The threshold with the largest F1 score, the harmonic mean of precision P
 * and recall R at that threshold:
 *
 *     F1 = 2 P R / (P + R)          (0 when P + R = 0)
 *
 * The candidates are the n scores p_i themselves (a threshold between two
 * scores selects the same samples as the next score above it). p is in no
 * particular order. Write the best F1 to *best_f1 and return its threshold;
 * if several thresholds share the best F1, return the lowest of them. */
double best_f1_threshold(const double *p, const double *y, size_t n, double *best_f1) {
    TODO();   // the stub's marker: delete this line when you write best_f1_threshold
    (void)p;
    (void)y;
    (void)n;
    *best_f1 = 0.0;   // TODO: try every p_i as the threshold
    return 0.5;       // TODO: return the threshold with the largest F1
}
