/* Tests for lib/regions: the borders between the decision regions of a
 * linear classifier, found as exact segments.
 *
 * Each segment is checked against its definition (on the line z_a = z_b, a
 * and b tied for the top score, inside the box), and a dense scan of the
 * box's edges and of lines across it checks that every change of the
 * predicted class happens on some segment. */
#include <math.h>
#include <stddef.h>

#include "harness.h"
#include "regions.h"

#define TOL 1e-12

static const RegionsBox BOX = {-3, 3, -2, 4};

/* argmax_c W[c] . x + bias[c] */
static size_t predict(const double *W, const double *bias, size_t k, double x, double y) {
    size_t best = 0;
    for (size_t c = 1; c < k; c++) {
        if (W[2 * c] * x + W[2 * c + 1] * y + bias[c] > W[2 * best] * x + W[2 * best + 1] * y + bias[best]) best = c;
    }
    return best;
}

/* The two largest scores at (x, y) are equal, to rounding: a border point. */
static int on_a_border(const double *W, const double *bias, size_t k, double x, double y) {
    double top = -INFINITY, second = -INFINITY;
    for (size_t c = 0; c < k; c++) {
        double z = W[2 * c] * x + W[2 * c + 1] * y + bias[c];
        if (z > top) second = top, top = z;
        else if (z > second) second = z;
    }
    return top - second <= TOL * (1 + fabs(top));
}

static void expect_segments_valid(const double *W, const double *bias, size_t k, const double *seg, size_t n) {
    for (size_t s = 0; s < 2 * n; s++) {
        double x = seg[2 * s], y = seg[2 * s + 1];
        EXPECT_TRUE(x >= BOX.x1_min - TOL && x <= BOX.x1_max + TOL && y >= BOX.x2_min - TOL && y <= BOX.x2_max + TOL,
                    "every end of a border segment lies inside the box");
        EXPECT_TRUE(on_a_border(W, bias, k, x, y),
                    "every end of a border segment is a point where the two top scores tie");
    }
    for (size_t s = 0; s < n; s++) {   // the middle too: the segment does not cut through a third region
        double x = (seg[4 * s] + seg[4 * s + 2]) / 2, y = (seg[4 * s + 1] + seg[4 * s + 3]) / 2;
        EXPECT_TRUE(on_a_border(W, bias, k, x, y), "the middle of a border segment is a tie of the two top scores");
    }
}

/* Distance from (x, y) to the nearest segment. */
static double distance_to_segments(const double *seg, size_t n, double x, double y) {
    double best = INFINITY;
    for (size_t s = 0; s < n; s++) {
        const double *q = seg + 4 * s;
        double dx = q[2] - q[0], dy = q[3] - q[1], len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? fmax(0, fmin(1, ((x - q[0]) * dx + (y - q[1]) * dy) / len2)) : 0;
        best = fmin(best, hypot(x - q[0] - t * dx, y - q[1] - t * dy));
    }
    return best;
}

/* Walks horizontal lines across the box in small steps: wherever the
 * predicted class changes, a segment must pass within one step. */
static void expect_changes_covered(const double *W, const double *bias, size_t k, const double *seg, size_t n) {
    const int steps = 600;
    double hx = (BOX.x1_max - BOX.x1_min) / steps;
    size_t changes = 0, covered = 0;
    for (int r = 0; r <= 60; r++) {
        double y = BOX.x2_min + (BOX.x2_max - BOX.x2_min) * r / 60;
        size_t prev = predict(W, bias, k, BOX.x1_min, y);
        for (int s = 1; s <= steps; s++) {
            double x = BOX.x1_min + hx * s;
            size_t now = predict(W, bias, k, x, y);
            if (now != prev) {
                changes++;
                covered += distance_to_segments(seg, n, x - hx / 2, y) <= hx;
            }
            prev = now;
        }
    }
    EXPECT_TRUE(changes > 0, "the scan crosses at least one border (the test's own classifier has several regions)");
    EXPECT_NEAR((double)covered, (double)changes, 0, "class changes along the scan that lie on a border segment",
                "every change of the predicted class must lie on one of the segments");
}

static void test_three_classes_meet(void) {
    // three classes whose borders meet at (0, 1), inside the box
    const double W[] = {1, 0, -1, 0, 0, 1}, bias[] = {0, 0, -1};
    double seg[4 * REGIONS_MAX_BORDERS];
    size_t n = regions_borders(W, bias, 3, &BOX, seg);
    EXPECT_NEAR((double)n, 3, 0, "border segments of three regions meeting inside the box", "one per pair of classes");
    expect_segments_valid(W, bias, 3, seg, n);
    expect_changes_covered(W, bias, 3, seg, n);
}

static void test_hidden_pair(void) {
    // classes 0 and 2 never touch: class 1 lies between them everywhere
    const double W[] = {1, 0, 0, 0, -1, 0}, bias[] = {-1, 0, -1};
    double seg[4 * REGIONS_MAX_BORDERS];
    size_t n = regions_borders(W, bias, 3, &BOX, seg);
    EXPECT_NEAR((double)n, 2, 0, "border segments when class 1 separates 0 from 2",
                "x1 = 1 and x1 = -1; the line where 0 and 2 tie (x1 = 0) lies inside class 1's region");
    expect_segments_valid(W, bias, 3, seg, n);
    expect_changes_covered(W, bias, 3, seg, n);
}

static void test_outside_and_parallel(void) {
    const double W[] = {1, 0, 1, 0}, bias[] = {0, 1};   // equal weights: class 1 wins everywhere
    double seg[4 * REGIONS_MAX_BORDERS];
    EXPECT_NEAR((double)regions_borders(W, bias, 2, &BOX, seg), 0, 0, "borders of two parallel score planes",
                "z_1 - z_0 = 1 everywhere: no border");
    const double W2[] = {1, 0, 0, 0}, bias2[] = {-10, 0};   // the border x1 = 10 is outside the box
    EXPECT_NEAR((double)regions_borders(W2, bias2, 2, &BOX, seg), 0, 0, "a border outside the box",
                "x1 = 10 is right of the box, which ends at x1 = 3");
}

static void test_many_classes(void) {
    // six classes with scores from fixed, unremarkable weights
    const double W[] = {0.3, -1.2, 1.1, 0.4, -0.7, 0.9, -1.3, -0.2, 0.2, 1.4, 0.9, -0.8};
    const double bias[] = {0.1, -0.3, 0.5, 0.0, -0.6, 0.2};
    double seg[4 * REGIONS_MAX_BORDERS];
    size_t n = regions_borders(W, bias, 6, &BOX, seg);
    EXPECT_TRUE(n >= 5, "six regions in the box have at least five borders");
    expect_segments_valid(W, bias, 6, seg, n);
    expect_changes_covered(W, bias, 6, seg, n);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"three regions meeting inside the box: three segments", test_three_classes_meet},
        {"two classes that never touch share no border", test_hidden_pair},
        {"parallel score planes, and a border outside the box", test_outside_and_parallel},
        {"six classes: every change of class lies on a segment", test_many_classes},
    };
    return harness_run("lib: regions", tests, sizeof tests / sizeof tests[0]);
}
