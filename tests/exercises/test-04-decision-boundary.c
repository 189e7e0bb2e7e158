/* Tests for exercise 04: predict_threshold and boundary_line.
 *
 * Predictions are compared with the test's own computation on data of
 * several shapes; the boundary is checked by putting points on the returned
 * line and computing p there, which must equal the threshold. */
#include <math.h>
#include <stdio.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12
#define MAX_N 40
#define MAX_D 5

static double p_of(const double *x, const double *w, size_t d, double b) {
    double z = b;
    for (size_t j = 0; j < d; j++) z += x[j] * w[j];
    return 1.0 / (1.0 + exp(-z));
}

static void check_predictions(size_t n, size_t d, double threshold) {
    double X[MAX_N * MAX_D], w[MAX_D], pred[MAX_N + 1];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) X[i * d + j] = 2.5 * sin(0.7 * (double)i + 1.9 * (double)j + 0.3);
    }
    for (size_t j = 0; j < d; j++) w[j] = 1.2 - 0.5 * (double)j;
    const double b = -0.4;
    for (size_t i = 0; i < n; i++) pred[i] = HARNESS_UNSET;   // every entry must be written
    pred[n] = 12345.0;                                        // must not be touched
    predict_threshold(X, n, d, w, b, threshold, pred);
    if (!EXPECT_NEAR(pred[n], 12345.0, 0.0, harness_fmt("pred[%zu], one past the end", n),
                     "predict_threshold wrote past the n entries of pred: loop i from 0 to n - 1.")) return;
    size_t wrong = 0, first = n;
    for (size_t i = 0; i < n; i++) {
        double want = p_of(&X[i * d], w, d, b) >= threshold ? 1.0 : 0.0;
        if (pred[i] != want) {
            wrong++;
            if (first == n) first = i;
        }
    }
    if (wrong == 0) return;
    double p_first = p_of(&X[first * d], w, d, b);
    if (pred[first] == HARNESS_UNSET) {
        EXPECT_TRUE(0, harness_fmt("with n = %zu, d = %zu, threshold %g: %zu of %zu predictions are wrong; the first, "
                                   "pred[%zu], was never written (p = %.4g there). Write pred[i] for every i from 0 "
                                   "to n - 1.",
                                   n, d, threshold, wrong, n, first, p_first));
        return;
    }
    EXPECT_TRUE(0, harness_fmt("with n = %zu, d = %zu, threshold %g: %zu of %zu predictions are wrong (the first is "
                               "sample %zu: p = %.4g, you gave %g). pred_i is 1 when sigma(x_i . w + b) >= threshold, "
                               "else 0; x_ij is X[i * d + j] and the bias b is part of the score.",
                               n, d, threshold, wrong, n, first, p_first, pred[first]));
}

static void test_predict_half(void) { check_predictions(30, 2, 0.5); }

static void test_predict_other_thresholds(void) {
    check_predictions(30, 2, 0.2);
    check_predictions(30, 2, 0.9);
}

static void test_predict_other_shapes(void) {
    check_predictions(7, 3, 0.5);
    check_predictions(40, 5, 0.35);
    check_predictions(1, 1, 0.5);
}

static void test_predict_tie(void) {
    // x . w + b = 0 exactly, so p = 1/2: at threshold 1/2 that is a 1 (p >= t).
    const double X[2] = {1.0, 2.0}, w[2] = {2.0, -1.0};
    double pred[1] = {-1.0};
    predict_threshold(X, 1, 2, w, 0.0, 0.5, pred);
    EXPECT_NEAR(pred[0], 1.0, 0.0, "prediction where p is exactly 1/2, threshold 1/2",
                "The rule is p >= threshold, so a tie counts as class 1 (use >=, not >).");
}

static void test_line(void) {
    const double w[2] = {2.0, -4.0};
    double slope = 0, c = 0;
    int kind = boundary_line(w, 1.0, 0.5, &slope, &c);
    EXPECT_TRUE(kind == BOUNDARY_LINE, harness_fmt("w2 = -4 is not 0, so the answer is BOUNDARY_LINE (0); you returned %d", kind));
    EXPECT_NEAR(slope, 0.5, TOL, "slope of 2 x1 - 4 x2 + 1 = 0", "slope = -w1 / w2 = -2 / -4.");
    EXPECT_NEAR(c, 0.25, TOL, "intercept of 2 x1 - 4 x2 + 1 = 0",
                "At threshold 1/2, intercept = -b / w2 = -1 / -4. Mind both signs.");
}

/* Points on the returned line must have p = threshold, for several models. */
static void test_line_has_p_equal_threshold(void) {
    const double models[3][3] = {{0.34, 3.17, -0.12}, {-1.5, 0.8, 2.0}, {0.7, -0.2, 0.0}};   // w1, w2, b
    const double thresholds[3] = {0.5, 0.3, 0.85};
    for (int k = 0; k < 3; k++) {
        for (int t = 0; t < 3; t++) {
            double slope = 0, c = 0;
            boundary_line(models[k], models[k][2], thresholds[t], &slope, &c);
            for (double x1 = -2; x1 <= 2; x1 += 2) {
                double x[2] = {x1, slope * x1 + c};
                EXPECT_NEAR(p_of(x, models[k], 2, models[k][2]), thresholds[t], 1e-12,
                            harness_fmt("p at a point of your line, w = (%g, %g), b = %g, threshold %g, x1 = %g",
                                        models[k][0], models[k][1], models[k][2], thresholds[t], x1),
                            "On the boundary w1 x1 + w2 x2 + b = log(t / (1 - t)). Did you include the "
                            "threshold's log(t / (1 - t)) and the bias b in the intercept?");
            }
        }
    }
}

static void test_vertical(void) {
    const double w[2] = {2.0, 0.0};
    double slope = 0, c = 0;
    int kind = boundary_line(w, 1.0, 0.5, &slope, &c);
    EXPECT_TRUE(kind == BOUNDARY_VERTICAL,
                harness_fmt("w2 = 0: the line 2 x1 + 1 = 0 is vertical, so return BOUNDARY_VERTICAL (1); you returned %d. "
                            "Check w[1] == 0 before dividing by it.",
                            kind));
    EXPECT_TRUE(isinf(slope) && slope > 0, harness_fmt("a vertical line's slope should be INFINITY; you gave %g", slope));
    EXPECT_NEAR(c, -0.5, TOL, "x1 of the vertical line 2 x1 + 1 = 0", "x1 = (log(t / (1 - t)) - b) / w1 = -1 / 2.");
    boundary_line(w, 1.0, 0.75, &slope, &c);
    EXPECT_NEAR(c, (log(3.0) - 1.0) / 2.0, TOL, "x1 of the vertical line where p = 0.75",
                "x1 = (log(t / (1 - t)) - b) / w1 with t = 0.75.");
}

static void test_none(void) {
    const double w[2] = {0.0, 0.0};
    double slope = 0, c = 0;
    int kind = boundary_line(w, 0.3, 0.5, &slope, &c);
    EXPECT_TRUE(kind == BOUNDARY_NONE,
                harness_fmt("w = 0: p = sigma(b) everywhere, so there is no line: return BOUNDARY_NONE (2); you returned %d",
                            kind));
    char got_slope[32] = "NAN, right", got_c[32] = "NAN, right";   // which of the two is wrong
    if (!isnan(slope)) snprintf(got_slope, sizeof got_slope, "%g", slope);
    if (!isnan(c)) snprintf(got_c, sizeof got_c, "%g", c);
    EXPECT_TRUE(isnan(slope) && isnan(c), harness_fmt("with no line, slope and intercept should both be NAN; yours: "
                                                      "slope %s, intercept %s",
                                                      got_slope, got_c));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"predict_threshold at 1/2 (30 x 2)", test_predict_half},
        {"predict_threshold at thresholds 0.2 and 0.9", test_predict_other_thresholds},
        {"predict_threshold for other shapes (7 x 3, 40 x 5, 1 x 1)", test_predict_other_shapes},
        {"a tie p = threshold is class 1", test_predict_tie},
        {"boundary_line of 2 x1 - 4 x2 + 1 = 0", test_line},
        {"points on the line have p = threshold", test_line_has_p_equal_threshold},
        {"w2 = 0 gives a vertical line", test_vertical},
        {"w = 0 gives no line", test_none},
    };
    return harness_run("Exercise 04: decision boundary", tests, sizeof tests / sizeof tests[0]);
}
