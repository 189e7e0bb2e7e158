/* Solution 09: precision and recall at a threshold, and the best-F1 threshold.
 *
 * best_f1_threshold tries each of the n scores and counts afresh each time:
 * n passes of n, O(n^2), plenty for a few thousand samples. lib/metrics.c
 * (metrics_pr_curve) sorts once instead, O(n log n), for any n. */
#include <stddef.h>

#include "exercises.h"

/* The confusion counts at threshold t: sample i is positive when p_i >= t. */
static void count(const double *p, const double *y, size_t n, double t,
                  size_t *tp, size_t *fp, size_t *fn) {
    *tp = *fp = *fn = 0;
    for (size_t i = 0; i < n; i++) {
        int predicted = p[i] >= t, actual = y[i] == 1.0;
        *tp += predicted && actual;
        *fp += predicted && !actual;
        *fn += !predicted && actual;
    }
}

/* precision = tp / (tp + fp), 1 when nothing is predicted positive */
double precision_at(const double *p, const double *y, size_t n, double threshold) {
    size_t tp, fp, fn;
    count(p, y, n, threshold, &tp, &fp, &fn);
    return tp + fp == 0 ? 1.0 : (double)tp / (double)(tp + fp);
}

/* recall = tp / (tp + fn), 1 when there are no positive samples */
double recall_at(const double *p, const double *y, size_t n, double threshold) {
    size_t tp, fp, fn;
    count(p, y, n, threshold, &tp, &fp, &fn);
    return tp + fn == 0 ? 1.0 : (double)tp / (double)(tp + fn);
}

/* argmax over t in {p_i} of F1 = 2 P R / (P + R); the lowest t among ties */
double best_f1_threshold(const double *p, const double *y, size_t n, double *best_f1) {
    double best_t = 0.5;
    *best_f1 = -1.0;
    for (size_t i = 0; i < n; i++) {
        double P = precision_at(p, y, n, p[i]), R = recall_at(p, y, n, p[i]);
        double f1 = P + R == 0.0 ? 0.0 : 2.0 * P * R / (P + R);
        if (f1 > *best_f1 || (f1 == *best_f1 && p[i] < best_t)) {
            *best_f1 = f1;
            best_t = p[i];
        }
    }
    if (n == 0) *best_f1 = 0.0;
    return best_t;
}
