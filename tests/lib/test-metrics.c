/* Tests for lib/metrics: confusion counts, precision, recall, F1, the
 * precision-recall curve, its best-F1 point and average precision.
 *
 * The fast curve (one sort, one sweep) is checked point by point against
 * metrics_confusion evaluated afresh at every threshold, the plain O(n) per
 * threshold version, on data with many tied scores. */
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "harness.h"
#include "metrics.h"

#define TOL 1e-15

static void test_confusion(void) {
    const double p[] = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2};
    const double y[] = {1, 0, 1, 1, 0, 1, 0};
    Confusion c = metrics_confusion(p, y, 7, 0.6);   // p >= 0.6 is positive: samples 0..3
    EXPECT_NEAR((double)c.tp, 3, 0, "tp at 0.6", "samples 0, 2, 3: predicted 1, label 1");
    EXPECT_NEAR((double)c.fp, 1, 0, "fp at 0.6", "sample 1: predicted 1, label 0");
    EXPECT_NEAR((double)c.fn, 1, 0, "fn at 0.6", "sample 5: predicted 0, label 1");
    EXPECT_NEAR((double)c.tn, 2, 0, "tn at 0.6", "samples 4 and 6");
    EXPECT_NEAR(metrics_precision(c), 0.75, TOL, "precision at 0.6", "tp / (tp + fp) = 3/4");
    EXPECT_NEAR(metrics_recall(c), 0.75, TOL, "recall at 0.6", "tp / (tp + fn) = 3/4");
    EXPECT_NEAR(metrics_f1(c), 0.75, TOL, "F1 at 0.6", "equal P and R: F1 = P");
    c = metrics_confusion(p, y, 7, 0.8);   // exactly 0.8 counts as positive
    EXPECT_NEAR((double)c.tp + (double)c.fp, 2, 0, "predicted positives at 0.8", "p >= t, not p > t");
    EXPECT_NEAR(metrics_f1(c), 2 * 0.5 * 0.25 / 0.75, TOL, "F1 at 0.8", "P = 1/2, R = 1/4");
}

static void test_edge_cases(void) {
    Confusion none = {0, 0, 3, 5};   // nothing predicted positive
    EXPECT_NEAR(metrics_precision(none), 1.0, 0, "precision with nothing predicted positive",
                "no positive predictions means no false alarms: defined as 1");
    EXPECT_NEAR(metrics_recall(none), 0.0, 0, "recall with nothing predicted positive", "0 of 3 found");
    EXPECT_NEAR(metrics_f1(none), 0.0, 0, "F1 with nothing predicted positive", "2 P R / (P + R) with R = 0");
    Confusion no_pos = {0, 4, 0, 1};   // no positive samples at all
    EXPECT_NEAR(metrics_recall(no_pos), 1.0, 0, "recall with no positive samples", "nothing missed: 1");
    EXPECT_NEAR(metrics_precision(no_pos), 0.0, 0, "precision with only false alarms", "0 / 4");
    EXPECT_NEAR(metrics_f1(no_pos), 0.0, 0, "F1 with P = 0, R = 1", "2 * 0 * 1 / 1 = 0");
    Confusion zero = {0, 0, 0, 0};
    EXPECT_NEAR(metrics_f1(zero), 1.0, 0, "F1 with nothing to find and nothing claimed", "P = R = 1");
}

/* The example in scikit-learn's precision_recall_curve documentation. */
static void test_small_curve(void) {
    const double y[] = {0, 0, 1, 1}, p[] = {0.1, 0.4, 0.35, 0.8};
    PrCurve c;
    LrError err;
    int rc = metrics_pr_curve(&c, p, y, 4, &err);
    EXPECT_TRUE(rc == 0 && c.n == 4, "four distinct scores give four points");
    if (rc != 0 || c.n != 4) return;
    const double t[] = {0.1, 0.35, 0.4, 0.8}, P[] = {0.5, 2.0 / 3, 0.5, 1}, R[] = {1, 1, 0.5, 0.5};
    for (size_t k = 0; k < 4; k++) {
        EXPECT_NEAR(c.threshold[k], t[k], 0, harness_fmt("threshold[%zu]", k), "the scores, ascending");
        EXPECT_NEAR(c.precision[k], P[k], TOL, harness_fmt("precision[%zu]", k), "as scikit-learn documents");
        EXPECT_NEAR(c.recall[k], R[k], TOL, harness_fmt("recall[%zu]", k), "as scikit-learn documents");
    }
    // AP = (1 - 1) 0.5 + (1 - 0.5) 2/3 + (0.5 - 0.5) 0.5 + (0.5 - 0) 1 = 5/6
    EXPECT_NEAR(metrics_average_precision(&c), 5.0 / 6, TOL, "average precision", "scikit-learn's docs: 0.83");
    EXPECT_NEAR((double)metrics_pr_best_f1(&c), 1, 0, "best-F1 index", "P = 2/3, R = 1 at 0.35: F1 = 0.8");
    metrics_pr_curve_free(&c);
    EXPECT_TRUE(c.n == 0 && c.threshold == NULL, "metrics_pr_curve_free leaves the curve empty");
}

/* n scores on a grid of 0.05 (many ties) with labels that mostly follow them. */
static void make_tied(double *p, double *y, size_t n) {
    unsigned long state = 12345;
    for (size_t i = 0; i < n; i++) {
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        double u = (double)(state >> 11) / 9007199254740992.0;   // uniform in [0, 1)
        p[i] = round(u * 20) / 20;
        state = state * 6364136223846793005UL + 1442695040888963407UL;
        double v = (double)(state >> 11) / 9007199254740992.0;
        y[i] = v < 0.15 + 0.7 * u;
    }
}

static void test_curve_against_plain(void) {
    enum { N = 500 };
    double p[N], y[N];
    make_tied(p, y, N);
    PrCurve c;
    LrError err;
    if (!EXPECT_TRUE(metrics_pr_curve(&c, p, y, N, &err) == 0, "a curve for 500 tied scores")) return;
    EXPECT_TRUE(c.n > 10 && c.n <= 21, harness_fmt("scores on a 0.05 grid give at most 21 points, got %zu", c.n));
    size_t positives = 0;
    for (size_t i = 0; i < N; i++) positives += y[i] == 1;
    double ap_plain = 0;   // AP = (1/#positives) sum over positive i of the precision at p_i
    for (size_t i = 0; i < N; i++) {
        if (y[i] == 1) ap_plain += metrics_precision(metrics_confusion(p, y, N, p[i])) / (double)positives;
    }
    size_t best = 0;
    for (size_t k = 0; k < c.n; k++) {
        Confusion want = metrics_confusion(p, y, N, c.threshold[k]);
        Confusion got = c.counts[k];
        EXPECT_TRUE(got.tp == want.tp && got.fp == want.fp && got.fn == want.fn && got.tn == want.tn,
                    harness_fmt("counts at threshold %g: sweep (%zu, %zu, %zu, %zu), plain (%zu, %zu, %zu, %zu)",
                                c.threshold[k], got.tp, got.fp, got.fn, got.tn, want.tp, want.fp, want.fn, want.tn));
        EXPECT_NEAR(c.f1[k], metrics_f1(want), 0, harness_fmt("F1 at %g", c.threshold[k]), "the same counts");
        if (k > 0) EXPECT_TRUE(c.threshold[k] > c.threshold[k - 1], "thresholds strictly ascending");
        if (metrics_f1(want) > metrics_f1(metrics_confusion(p, y, N, c.threshold[best]))) best = k;
    }
    EXPECT_NEAR((double)metrics_pr_best_f1(&c), (double)best, 0, "best-F1 index", "the first point with the largest F1");
    EXPECT_NEAR(metrics_average_precision(&c), ap_plain, 1e-13, "average precision",
                "sum_k (R_k - R_{k+1}) P_k equals the mean precision at each positive's score");
    metrics_pr_curve_free(&c);
}

static void test_bad_input(void) {
    PrCurve c;
    LrError err;
    const double p[] = {0.5, NAN}, y[] = {1, 0}, y2[] = {1, 2}, p2[] = {0.5, 0.6};
    EXPECT_TRUE(metrics_pr_curve(&c, p, y, 0, &err) == -1, "no samples is an error");
    EXPECT_TRUE(metrics_pr_curve(&c, p, y, 2, &err) == -1 && c.threshold == NULL, "a NaN score is an error");
    EXPECT_TRUE(metrics_pr_curve(&c, p2, y2, 2, &err) == -1 && c.n == 0, "a label 2 is an error");
}

/* 300000 distinct scores: a pass per threshold would be 9e10 steps (minutes);
 * one sort is a fraction of a second even under the sanitizers. */
static void test_large(void) {
    enum { N = 300000 };
    double *p = malloc(N * sizeof *p), *y = malloc(N * sizeof *y);
    for (size_t i = 0; i < N; i++) {
        p[i] = (double)((i * 7919) % N) / N;
        y[i] = (i * 7919) % N >= N / 3;
    }
    PrCurve c;
    LrError err;
    clock_t start = clock();
    int rc = metrics_pr_curve(&c, p, y, N, &err);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    EXPECT_TRUE(rc == 0 && c.n == N, "300000 distinct scores give 300000 points");
    EXPECT_TRUE(seconds < 5, harness_fmt("the curve took %.1f s: it should sort once, not scan per threshold", seconds));
    if (rc == 0) {
        size_t k = metrics_pr_best_f1(&c);
        EXPECT_NEAR(c.f1[k], 1.0, 0, "best F1 on perfectly ranked data", "at threshold 1/3 all are right");
        EXPECT_NEAR(metrics_average_precision(&c), 1.0, 1e-10, "AP on perfectly ranked data",
                    "1, up to the rounding of 200000 added steps of 1/200000");
        metrics_pr_curve_free(&c);
    }
    free(p);
    free(y);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"confusion counts, precision, recall and F1 at a threshold", test_confusion},
        {"precision, recall and F1 when a count is zero", test_edge_cases},
        {"the curve of scikit-learn's documented example", test_small_curve},
        {"the sorted sweep agrees with a fresh count at every threshold", test_curve_against_plain},
        {"bad scores and labels are reported", test_bad_input},
        {"300000 samples in well under a second", test_large},
    };
    return harness_run("lib: metrics", tests, sizeof tests / sizeof tests[0]);
}
