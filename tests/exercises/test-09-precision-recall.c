/* Tests for exercise 09: precision_at, recall_at and best_f1_threshold.
 *
 * Small hand-made cases first (each explains what it catches), then data
 * of many sizes checked against counts made here, so a solution that only
 * works on 300 sorted samples fails. */
#include <math.h>
#include <stdio.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12   // precision and recall are ratios of counts: exact up to rounding
#define MAX_N 64

/* 8 samples, not sorted by score. Sorted: 0.95 y1, 0.8 y0, 0.7 y1, 0.6 y1,
 * 0.55 y0, 0.4 y1, 0.3 y0, 0.1 y0. */
static const double P8[8] = {0.3, 0.95, 0.6, 0.1, 0.8, 0.4, 0.7, 0.55};
static const double Y8[8] = {0, 1, 1, 0, 0, 1, 1, 0};

/* Precision (or recall) as the test computes it, with p_i >= t as positive, or
 * with p_i > t when strict: the usual slip, named when it is what came back. */
static double ratio_here(const double *p, const double *y, size_t n, double t, int strict, int recall) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < n; i++) {
        int positive = strict ? p[i] > t : p[i] >= t;
        tp += positive && y[i] == 1;
        fp += positive && y[i] == 0;
        fn += !positive && y[i] == 1;
    }
    if (recall) return tp + fn == 0 ? 1.0 : tp / (tp + fn);
    return tp + fp == 0 ? 1.0 : tp / (tp + fp);
}

#define WHOLE "0 is what dividing two whole numbers gives: 3 / 4 is 0 in size_t or int. Turn the counts into " \
              "doubles before you divide."

/* What a NaN (0/0) from precision_at or recall_at means here: the count it
 * divides by is 0 where it should not be, or the convention is missing. */
static const char *why_nan(const double *p, const double *y, size_t n, double t, int recall) {
    static char why[400];
    size_t count = 0;   // tp + fn (the positive samples), or tp + fp (the samples with p_i >= t)
    for (size_t i = 0; i < n; i++) count += recall ? y[i] == 1 : p[i] >= t;
    const char *sum = recall ? "tp + fn" : "tp + fp", *ratio = recall ? "recall" : "precision";
    if (count == 0) {
        snprintf(why, sizeof why, "NaN is 0/0: %s is 0 here, and then %s is 1 by convention, not 0/0.", sum, ratio);
    } else {
        snprintf(why, sizeof why, "NaN is 0/0: your %s came out 0, but here it is %zu (%s). Count over all n samples, "
                                  "i = 0 to n - 1, with p_i >= t as positive; and when %s is 0, %s is 1 by convention, "
                                  "not 0/0.",
                 sum, count, recall ? "the samples with y_i = 1" : "the samples with p_i >= t, the one at p_i = t too",
                 sum, ratio);
    }
    return why;
}

static const char *why_ratio(double got, const double *p, const double *y, size_t n, double t, int recall,
                             const char *generic) {
    if (isnan(got)) return why_nan(p, y, n, t, recall);
    double right = ratio_here(p, y, n, t, 0, recall), strict = ratio_here(p, y, n, t, 1, recall);
    // Where two mistakes give the same number here, the 8 samples at t = 0.6 tell them apart: whole-number
    // division gives 0 (3/4), p_i > t gives 2/3 (or 2/4), a loop that skips the last sample the right 3/4.
    double probe = recall ? recall_at(P8, Y8, 8, 0.6) : precision_at(P8, Y8, 8, 0.6);
    int whole = probe == 0.0, strict_rule = probe == ratio_here(P8, Y8, 8, 0.6, 1, recall);
    if (got == 0.0 && right > 0.0 && right < 1.0 && (whole || strict != 0.0)) return WHOLE;
    if (got == strict && strict != right && strict_rule) {
        return "That is what p_i > t gives: a sample whose score equals the threshold is predicted positive "
               "(p_i >= t, greater than or EQUAL).";
    }
    return generic;
}

/* 1 if precision_at and recall_at are right on the 8 samples at a few thresholds. */
static int ratios_work(void);

static void test_hand_case(void) {
    // t = 0.6: predicted positive 0.95, 0.8, 0.7, 0.6: tp = 3, fp = 1, fn = 1
    double got = precision_at(P8, Y8, 8, 0.6);
    int whole = got == 0.0 && precision_at(P8, Y8, 8, 0.9) == 1.0;   // 3/4 gave 0 but 1/1 gave 1
    EXPECT_NEAR(got, 0.75, TOL, "precision_at(t = 0.6) on the 8 samples",
                whole ? WHOLE
                      : "tp = 3 (0.95, 0.7, 0.6), fp = 1 (0.8): 3/4. The sample with p = 0.6 counts as "
                        "positive: the rule is p_i >= t, not p_i > t.");
    got = recall_at(P8, Y8, 8, 0.6);
    EXPECT_NEAR(got, 0.75, TOL, "recall_at(t = 0.6) on the 8 samples",
                why_ratio(got, P8, Y8, 8, 0.6, 1, "tp = 3 of the 4 positive samples (0.4 is missed): 3/4. "
                                                  "Did you divide by tp + fn?"));
    got = precision_at(P8, Y8, 8, 0.55);
    EXPECT_NEAR(got, 3.0 / 5, TOL, "precision_at(t = 0.55)",
                why_ratio(got, P8, Y8, 8, 0.55, 0, "5 predicted positive (0.95 0.8 0.7 0.6 0.55), 3 of them are: 3/5."));
    EXPECT_NEAR(recall_at(P8, Y8, 8, 0.35), 1.0, TOL, "recall_at(t = 0.35)",
                "every positive sample has p >= 0.35: recall 1.");
    got = precision_at(P8, Y8, 8, 0.0);
    EXPECT_NEAR(got, 0.5, TOL, "precision_at(t = 0)",
                why_ratio(got, P8, Y8, 8, 0.0, 0, "everything predicted positive: precision is the share of "
                                                  "positives, 4/8."));
}

static void test_conventions(void) {
    EXPECT_NEAR(precision_at(P8, Y8, 8, 0.99), 1.0, 0, "precision_at(t = 0.99), nothing predicted positive",
                "tp + fp = 0: no false alarms, so the convention is precision = 1 (not 0, not NaN from 0/0).");
    EXPECT_NEAR(recall_at(P8, Y8, 8, 0.99), 0.0, 0, "recall_at(t = 0.99)", "no positive found: 0 of 4.");
    const double y0[4] = {0, 0, 0, 0}, p4[4] = {0.2, 0.9, 0.4, 0.6};
    EXPECT_NEAR(recall_at(p4, y0, 4, 0.5), 1.0, 0, "recall_at with no positive samples",
                "tp + fn = 0: nothing was missed, so the convention is recall = 1 (not 0/0 = NaN).");
    EXPECT_NEAR(precision_at(p4, y0, 4, 0.5), 0.0, 0, "precision_at with only false alarms", "0 of 2.");
}

static int ratios_work(void) {
    static const double t[] = {0.0, 0.35, 0.55, 0.6, 0.99};
    for (int k = 0; k < 5; k++) {
        if (precision_at(P8, Y8, 8, t[k]) != ratio_here(P8, Y8, 8, t[k], 0, 0)) return 0;
        if (recall_at(P8, Y8, 8, t[k]) != ratio_here(P8, Y8, 8, t[k], 0, 1)) return 0;
    }
    return 1;
}

/* best_f1_threshold needs precision and recall: when both are wrong, say it once. */
#define RATIOS_FIRST "Your precision_at or recall_at fails the tests above, and the best F1 is made of them: " \
                     "fix those first, then this test says what is left."

static void test_best_hand_case(void) {
    // F1 = 2 tp / (2 tp + fp + fn) at each score: 0.95: 2/5, 0.8: 1/3, 0.7: 4/7,
    // 0.6: 3/4, 0.55: 2/3, 0.4: 4/5, 0.3: 8/11, 0.1: 2/3
    double f1 = -1;
    double t = best_f1_threshold(P8, Y8, 8, &f1);
    if ((t != 0.4 || fabs(f1 - 0.8) > TOL) && !ratios_work()) {
        EXPECT_TRUE(0, RATIOS_FIRST);
        return;
    }
    EXPECT_NEAR(t, 0.4, 0, "best_f1_threshold on the 8 samples",
                "at t = 0.4: P = 4/6, R = 1, F1 = 4/5, the largest. Did you try every p_i as the "
                "threshold (the samples are not sorted)?");
    EXPECT_NEAR(f1, 0.8, TOL, "*best_f1 on the 8 samples", "F1 = 2 P R / (P + R) = 2 (2/3) / (5/3) = 4/5.");
}

static void test_tie(void) {
    // Sorted: 0.9 y1, 0.7 y0, 0.5 y0, 0.2 y1. F1 is 2/3 at t = 0.9 (P = 1, R = 1/2)
    // and at t = 0.2 (P = 1/2, R = 1), lower in between.
    const double p[4] = {0.5, 0.2, 0.9, 0.7}, y[4] = {0, 1, 1, 0};
    double f1 = -1;
    double t = best_f1_threshold(p, y, 4, &f1);
    EXPECT_NEAR(f1, 2.0 / 3, TOL, "*best_f1 with a tie", "F1 = 2/3 at both t = 0.9 and t = 0.2.");
    if ((t != 0.2 || fabs(f1 - 2.0 / 3) > TOL) && !ratios_work()) {
        EXPECT_TRUE(0, RATIOS_FIRST);
        return;
    }
    EXPECT_NEAR(t, 0.2, 0, "best_f1_threshold with a tie",
                "t = 0.9 and t = 0.2 both give F1 = 2/3: return the lower one, 0.2.");
    // The same tie with the higher threshold first: replacing the best only
    // when strictly larger would keep 0.9.
    const double p2[4] = {0.9, 0.6, 0.4, 0.2}, y2[4] = {1, 0, 0, 1};
    t = best_f1_threshold(p2, y2, 4, &f1);
    EXPECT_NEAR(f1, 2.0 / 3, TOL, "*best_f1 of scores 0.9, 0.6, 0.4, 0.2 (labels 1, 0, 0, 1)",
                "F1 = 2/3 at both t = 0.9 and t = 0.2.");
    EXPECT_NEAR(t, 0.2, 0, "best_f1_threshold of scores 0.9, 0.6, 0.4, 0.2 (labels 1, 0, 0, 1)",
                "t = 0.9 and t = 0.2 both give F1 = 2/3, and 0.9 came first: on an equal F1, replace the best "
                "when the new threshold is lower (f1 == best && p[i] < best_t).");
}

/* A data set of n samples with distinct scores and a known pattern of labels. */
static void make_data(size_t n, unsigned seed, double *p, double *y) {
    unsigned s = seed;
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        p[i] = ((double)((i * 37 + seed) % (n * 4 + 1)) + 0.5) / (double)(n * 4 + 2);
        y[i] = ((s >> 16) % 100) < 25 + 60 * p[i];
    }
}

static double f1_here(const double *p, const double *y, size_t n, double t) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < n; i++) {
        tp += p[i] >= t && y[i] == 1;
        fp += p[i] >= t && y[i] == 0;
        fn += p[i] < t && y[i] == 1;
    }
    return tp == 0 ? 0.0 : 2 * tp / (2 * tp + fp + fn);
}

static void test_other_sizes(void) {
    static const size_t sizes[] = {1, 2, 5, 17, 40, MAX_N};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        double p[MAX_N] = {0}, y[MAX_N] = {0};
        make_data(n, (unsigned)(7 * k + 3), p, y);
        double t = p[n / 2], tp = 0, fp = 0, fn = 0;
        for (size_t i = 0; i < n; i++) {
            tp += p[i] >= t && y[i] == 1;
            fp += p[i] >= t && y[i] == 0;
            fn += p[i] < t && y[i] == 1;
        }
        double got = precision_at(p, y, n, t);
        EXPECT_NEAR(got, tp / (tp + fp), TOL, harness_fmt("precision_at with n = %zu", n),
                    why_ratio(got, p, y, n, t, 0, "count over all n samples (not a fixed 300), p_i >= t is positive."));
        got = recall_at(p, y, n, t);
        EXPECT_NEAR(got, tp + fn == 0 ? 1.0 : tp / (tp + fn), TOL, harness_fmt("recall_at with n = %zu", n),
                    why_ratio(got, p, y, n, t, 1, "tp / (tp + fn) over all n samples."));
        double want_f1 = -1, want_t = 0;
        for (size_t i = 0; i < n; i++) {
            double f = f1_here(p, y, n, p[i]);
            if (f > want_f1 + 1e-12 || (fabs(f - want_f1) <= 1e-12 && p[i] < want_t)) {
                want_f1 = f;
                want_t = p[i];
            }
        }
        double got_f1 = -1;
        double got_t = best_f1_threshold(p, y, n, &got_f1);
        if ((got_t != want_t || fabs(got_f1 - want_f1) > TOL) && !ratios_work()) {
            EXPECT_TRUE(0, RATIOS_FIRST);
            continue;
        }
        EXPECT_NEAR(got_f1, want_f1, TOL, harness_fmt("*best_f1 with n = %zu", n),
                    "the largest 2 P R / (P + R) over the thresholds t = p_i.");
        EXPECT_NEAR(got_t, want_t, 0, harness_fmt("best_f1_threshold with n = %zu", n),
                    "the score p_i at which F1 is largest.");
    }
}

int main(void) {
    static const HarnessTest tests[] = {
        {"precision and recall on 8 hand-checked samples", test_hand_case},
        {"precision 1 when nothing is predicted positive; recall 1 with no positives", test_conventions},
        {"the best-F1 threshold of the 8 samples", test_best_hand_case},
        {"a tie for the best F1 goes to the lower threshold", test_tie},
        {"other sizes (1 to 64 samples) against counts made here", test_other_sizes},
    };
    return harness_run("Exercise 09: precision and recall", tests, sizeof tests / sizeof tests[0]);
}
