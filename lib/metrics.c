#include "metrics.h"

#include <math.h>
#include <stdlib.h>

size_t metrics_correct(const double *pred, const double *y, size_t n) {
    size_t correct = 0;
    for (size_t i = 0; i < n; i++) correct += pred[i] == y[i];
    return correct;
}

double metrics_accuracy(const double *pred, const double *y, size_t n) {
    return n == 0 ? 0.0 : (double)metrics_correct(pred, y, n) / (double)n;
}

/* ---- precision, recall, F1 at one threshold ------------------------------- */

Confusion metrics_confusion(const double *p, const double *y, size_t n, double threshold) {
    Confusion c = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        int predicted = p[i] >= threshold, actual = y[i] == 1.0;
        if (predicted) {
            if (actual) c.tp++;
            else c.fp++;
        } else {
            if (actual) c.fn++;
            else c.tn++;
        }
    }
    return c;
}

// [snippet precision-recall]
double metrics_precision(Confusion c) {
    // P = tp / (tp + fp); no positive predictions means no false alarms: 1
    if (c.tp + c.fp == 0) return 1.0;
    return (double)c.tp / (double)(c.tp + c.fp);
}

double metrics_recall(Confusion c) {
    // R = tp / (tp + fn); no positive samples means nothing was missed: 1
    if (c.tp + c.fn == 0) return 1.0;
    return (double)c.tp / (double)(c.tp + c.fn);
}

double metrics_f1(Confusion c) {
    // F1 = 2 P R / (P + R)
    double P = metrics_precision(c), R = metrics_recall(c);
    return P + R == 0.0 ? 0.0 : 2.0 * P * R / (P + R);
}
// [end precision-recall]

/* ---- the precision-recall curve -------------------------------------------- */

typedef struct {
    double p;   // the score
    int y;      // the label, 0 or 1
} Scored;

/* qsort order: highest score first. */
static int by_score_descending(const void *a, const void *b) {
    double pa = ((const Scored *)a)->p, pb = ((const Scored *)b)->p;
    return (pa < pb) - (pa > pb);
}

static void curve_alloc(PrCurve *c, size_t n) {
    c->n = n;
    c->threshold = lr_malloc(n * sizeof *c->threshold);
    c->counts = lr_malloc(n * sizeof *c->counts);
    c->precision = lr_malloc(n * sizeof *c->precision);
    c->recall = lr_malloc(n * sizeof *c->recall);
    c->f1 = lr_malloc(n * sizeof *c->f1);
}

/* Copies the samples into s, checking them. Returns 0 or -1 with a message. */
static int collect(Scored *s, const double *p, const double *y, size_t n, LrError *err) {
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(p[i])) return lr_fail(err, "score %zu is %g; scores must be finite numbers", i, p[i]);
        if (y[i] != 0.0 && y[i] != 1.0) return lr_fail(err, "label %zu is %g; labels must be 0 or 1", i, y[i]);
        s[i] = (Scored){p[i], y[i] == 1.0};
    }
    return 0;
}

// [snippet pr-curve]
int metrics_pr_curve(PrCurve *c, const double *p, const double *y, size_t n, LrError *err) {
    *c = (PrCurve){0};
    if (n == 0) return lr_fail(err, "a precision-recall curve needs at least one sample");
    Scored *s = lr_malloc(n * sizeof *s);
    if (collect(s, p, y, n, err) != 0) {
        free(s);
        return -1;
    }
    qsort(s, n, sizeof *s, by_score_descending);   // O(n log n), once
    size_t positives = 0, distinct = 0;
    for (size_t i = 0; i < n; i++) {
        positives += (size_t)s[i].y;
        distinct += i + 1 == n || s[i + 1].p != s[i].p;
    }
    curve_alloc(c, distinct);
    // Lower the threshold one distinct score at a time: every sample with
    // that score turns positive. Points are filled from the end, so that the
    // thresholds come out ascending.
    size_t tp = 0, fp = 0, k = distinct;
    for (size_t i = 0; i < n; i++) {
        if (s[i].y) tp++;
        else fp++;
        if (i + 1 < n && s[i + 1].p == s[i].p) continue;   // same score: same point
        k--;
        Confusion conf = {tp, fp, positives - tp, n - positives - fp};
        c->threshold[k] = s[i].p;
        c->counts[k] = conf;
        c->precision[k] = metrics_precision(conf);
        c->recall[k] = metrics_recall(conf);
        c->f1[k] = metrics_f1(conf);
    }
    free(s);
    return 0;
}
// [end pr-curve]

void metrics_pr_curve_free(PrCurve *c) {
    free(c->threshold);
    free(c->counts);
    free(c->precision);
    free(c->recall);
    free(c->f1);
    *c = (PrCurve){0};
}

size_t metrics_pr_best_f1(const PrCurve *c) {
    size_t best = 0;
    for (size_t k = 1; k < c->n; k++) {
        if (c->f1[k] > c->f1[best]) best = k;
    }
    return best;
}

// [snippet average-precision]
double metrics_average_precision(const PrCurve *c) {
    // AP = sum_k (R_k - R_{k+1}) P_k, with R_n = 0 past the highest threshold
    double ap = 0.0;
    for (size_t k = 0; k < c->n; k++) {
        double next_recall = k + 1 < c->n ? c->recall[k + 1] : 0.0;
        ap += (c->recall[k] - next_recall) * c->precision[k];
    }
    return ap;
}
// [end average-precision]

/* ---- more than two classes ------------------------------------------------ */

// [snippet confusion]
void metrics_confusion_matrix(const double *y, const double *pred, size_t n, size_t k, size_t *counts) {
    // counts[t][c] = #{i : y_i = t and pred_i = c}
    for (size_t t = 0; t < k * k; t++) counts[t] = 0;
    for (size_t i = 0; i < n; i++) counts[(size_t)y[i] * k + (size_t)pred[i]]++;
}

void metrics_class_precision_recall(const size_t *counts, size_t k, double *precision, double *recall) {
    for (size_t c = 0; c < k; c++) {
        size_t predicted_c = 0, true_c = 0;   // column c's sum, row c's sum
        for (size_t t = 0; t < k; t++) {
            predicted_c += counts[t * k + c];
            true_c += counts[c * k + t];
        }
        size_t hits = counts[c * k + c];
        precision[c] = predicted_c == 0 ? 0.0 : (double)hits / (double)predicted_c;
        recall[c] = true_c == 0 ? 0.0 : (double)hits / (double)true_c;
    }
}
// [end confusion]
