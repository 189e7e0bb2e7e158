/* Tests for exercise 07: one_vs_rest_labels, argmax and predict_by_argmax.
 *
 * Shapes other than the course's (K = 3, n = 300) too, so a hard-coded
 * number of classes or samples fails; a value after the end of each output
 * array must stay untouched. */
#include <math.h>

#include "exercises.h"
#include "harness.h"

#define CANARY 12345.0   // written one past the end of an output; must survive

static void check_labels(const double *y, size_t n, size_t c) {
    double y_c[32];
    for (size_t i = 0; i < n; i++) y_c[i] = HARNESS_UNSET;   // every label must be written
    y_c[n] = CANARY;
    one_vs_rest_labels(y, n, c, y_c);
    if (!EXPECT_NEAR(y_c[n], CANARY, 0.0, harness_fmt("y_c[%zu], one past the end", n),
                     "one_vs_rest_labels wrote past the n labels: loop i from 0 to n - 1")) return;
    for (size_t i = 0; i < n; i++) {
        double want = y[i] == (double)c ? 1.0 : 0.0;
        EXPECT_NEAR(y_c[i], want, 0.0, harness_fmt("y_%zu[%zu] (sample of class %g)", c, i, y[i]),
                    want == 1.0 ? "a sample of class c is a positive (1) in problem c"
                                : "a sample of any other class is a negative (0) in problem c");
    }
}

static void test_labels_three_classes(void) {
    const double y[9] = {0, 1, 2, 2, 1, 0, 0, 2, 1};
    for (size_t c = 0; c < 3; c++) check_labels(y, 9, c);
}

static void test_labels_other_shapes(void) {
    const double y[12] = {4, 0, 3, 1, 2, 4, 4, 0, 1, 3, 2, 0};
    for (size_t c = 0; c < 5; c++) check_labels(y, 12, c);   // K = 5
    check_labels(y, 1, 4);                                  // a single sample
    check_labels(y, 12, 7);                                 // a class nobody has: all 0
}

/* 1 if the learner's argmax is right on a few rows (ties, negatives, k = 1). */
static int argmax_works(void) {
    const double a[3] = {0.1, 0.7, 0.2}, b[4] = {0.2, 0.4, 0.1, 0.4}, c[3] = {-3.0, -1.0, -2.0}, d[1] = {0.4};
    const double e[5] = {0.1, 0.2, 0.05, 0.3, 0.35};
    return argmax(a, 3) == 1 && argmax(b, 4) == 1 && argmax(c, 3) == 1 && argmax(d, 1) == 0 && argmax(e, 5) == 4;
}

/* predict_by_argmax is built on argmax: when both are wrong, this is said once. */
#define ARGMAX_FIRST "predict_by_argmax calls argmax on each row, and your argmax fails the tests above: " \
                     "fix argmax first, then this test says what is left."

static void test_argmax(void) {
    const double middle[3] = {0.1, 0.7, 0.2}, last[5] = {0.1, 0.2, 0.05, 0.3, 0.35};
    EXPECT_NEAR((double)argmax(middle, 3), 1.0, 0.0, "argmax(0.1, 0.7, 0.2)", "the largest is at index 1");
    EXPECT_NEAR((double)argmax(last, 5), 4.0, 0.0, "argmax of 5 values, largest last",
                "look at all k values: is the loop bound k (not k - 1, not 3)?");
    const double one[1] = {0.4};
    EXPECT_NEAR((double)argmax(one, 1), 0.0, 0.0, "argmax of a single value", "with k = 1 the answer is 0");
}

static void test_argmax_ties_and_negatives(void) {
    const double tie[4] = {0.2, 0.4, 0.1, 0.4};
    EXPECT_NEAR((double)argmax(tie, 4), 1.0, 0.0, "argmax(0.2, 0.4, 0.1, 0.4)",
                "on a tie the FIRST index wins: replace the best only when strictly larger (>, not >=)");
    const double all_equal[3] = {0.5, 0.5, 0.5};
    EXPECT_NEAR((double)argmax(all_equal, 3), 0.0, 0.0, "argmax(0.5, 0.5, 0.5)", "all tied: index 0");
    const double scores[3] = {-3.0, -1.0, -2.0};
    EXPECT_NEAR((double)argmax(scores, 3), 1.0, 0.0, "argmax(-3, -1, -2)",
                "the best so far must start as p[0], not as 0: every score here is below 0");
}

static void test_predict(void) {
    // 4 samples, 3 models; row sums are not 1 (one-vs-rest's never are)
    const double P[4 * 3] = {0.9, 0.3, 0.1,
                             0.2, 0.1, 0.6,
                             0.4, 0.8, 0.7,
                             0.1, 0.2, 0.2};
    const double want[4] = {0, 2, 1, 1};
    double pred[5] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, CANARY};
    predict_by_argmax(P, 4, 3, pred);
    if (!EXPECT_NEAR(pred[4], CANARY, 0.0, "pred[4], one past the end", "write only n predictions")) return;
    int right = 1;
    for (size_t i = 0; i < 4; i++) right = right && pred[i] == want[i];
    if (!right && !argmax_works()) {
        EXPECT_TRUE(0, ARGMAX_FIRST);
        return;
    }
    for (size_t i = 0; i < 4; i++) {
        EXPECT_NEAR(pred[i], want[i], 0.0, harness_fmt("pred[%zu]", i),
                    "pred[i] is the argmax of row i, which starts at P[i * k]");
    }
}

static void test_predict_other_shapes(void) {
    // 3 samples, 5 classes: a row is 5 numbers long
    const double P[3 * 5] = {0.1, 0.1, 0.1, 0.1, 0.9,
                             0.3, 0.2, 0.1, 0.0, 0.0,
                             0.0, 0.1, 0.6, 0.6, 0.2};
    const double want[3] = {4, 0, 2};
    double pred[3] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET};
    predict_by_argmax(P, 3, 5, pred);
    int right = pred[0] == want[0] && pred[1] == want[1] && pred[2] == want[2];
    if (!right && !argmax_works()) {
        EXPECT_TRUE(0, ARGMAX_FIRST);
        return;
    }
    for (size_t i = 0; i < 3; i++) {
        EXPECT_NEAR(pred[i], want[i], 0.0, harness_fmt("pred[%zu] with k = 5", i),
                    "row i starts at P[i * k] with k = 5 here; ties go to the first index");
    }
    const double two[2 * 2] = {0.3, 0.8, 0.6, 0.1};
    pred[0] = pred[1] = HARNESS_UNSET;
    predict_by_argmax(two, 2, 2, pred);
    EXPECT_NEAR(pred[0], 1.0, 0.0, "pred[0] with k = 2", "rows of 2: (0.3, 0.8) gives class 1");
    EXPECT_NEAR(pred[1], 0.0, 0.0, "pred[1] with k = 2", "rows of 2: (0.6, 0.1) gives class 0");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"one_vs_rest_labels with 3 classes", test_labels_three_classes},
        {"one_vs_rest_labels with 5 classes, 1 sample, an absent class", test_labels_other_shapes},
        {"argmax finds the largest", test_argmax},
        {"argmax: ties go to the first, negative scores work", test_argmax_ties_and_negatives},
        {"predict_by_argmax, 4 samples of 3 classes", test_predict},
        {"predict_by_argmax with 5 and 2 classes", test_predict_other_shapes},
    };
    return harness_run("Exercise 07: one-vs-rest", tests, sizeof tests / sizeof tests[0]);
}
