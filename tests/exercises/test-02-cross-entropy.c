/* Tests for exercise 02: bce_one and bce_mean. */
#include <math.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12

/* why, or what a loss log10(e) times too small means. */
static const char *why_log(double got, double want, const char *why) {
    return fabs(got - want / log(10.0)) < 1e-12 ? "That is the logarithm in base 10: log10(x) = log(x) / 2.3026. "
                                                  "The loss uses the natural logarithm, log() of <math.h>."
                                                : why;
}

static void test_one(void) {
    double got = bce_one(1, 0.9);
    EXPECT_NEAR(got, -log(0.9), TOL, "bce_one(y=1, p=0.9)",
                why_log(got, -log(0.9), "With y = 1 only the first term counts: L = -log(p)."));
    got = bce_one(0, 0.9);
    EXPECT_NEAR(got, -log(0.1), TOL, "bce_one(y=0, p=0.9)",
                why_log(got, -log(0.1), "With y = 0 only the second term counts: L = -log(1 - p)."));
    got = bce_one(1, 0.5);
    EXPECT_NEAR(got, log(2.0), TOL, "bce_one(y=1, p=0.5)",
                why_log(got, log(2.0), "A coin-flip guess costs log 2 = 0.693 whatever the label."));
}

static void test_sign(void) {
    EXPECT_TRUE(bce_one(1, 0.3) > 0, "bce_one(1, 0.3) must be positive: log p < 0, so L = -log p > 0. "
                                     "Did you forget the minus sign?");
}

static void test_clipping(void) {
    double cap = -log(1e-15), got = bce_one(1, 0.0);
    EXPECT_NEAR(got, cap, 1e-9, "bce_one(y=1, p=0)",
                got < 0 ? "The loss came out negative: put a minus sign in front of the whole sum."
                        : "log(0) is -infinity: clip p to at least 1e-15 first, giving -log(1e-15) = 34.54.");
    // Clipping 1 - p instead of p gives -log(1e-15) = 34.53878, not 34.53958:
    // in doubles 1 - (1 - 1e-15) is 9.992e-16.
    got = bce_one(0, 1.0);
    EXPECT_NEAR(got, -log(1.0 - (1.0 - 1e-15)), 1e-9, "bce_one(y=0, p=1)",
                !isfinite(got)           ? "log(1 - 1) is -infinity: clip p to at most 1 - 1e-15 first."
                : fabs(got - cap) < 1e-9 ? "Clip p itself (to at most 1 - 1e-15), then compute 1 - p. In doubles "
                                           "1 - (1 - 1e-15) is 9.992e-16, not 1e-15, so the loss is 34.53958; "
                                           "clipping 1 - p instead gives 34.53878."
                                         : "Clip p to at most 1 - 1e-15 first, then L = -log(1 - p).");
    EXPECT_NEAR(bce_one(0, 0.0), -log(1.0 - 1e-15), TOL, "bce_one(y=0, p=0)",
                "A right and certain answer costs (almost) nothing; if you got NaN, 0 * log(0) slipped through: clip p.");
}

static void test_mean(void) {
    // 7 predictions, and an 8th that a loop i <= n would add in.
    const double y[] = {1, 0, 1, 1, 0, 0, 1, 1};
    const double p[] = {0.8, 0.3, 0.6, 0.99, 0.01, 0.45, 0.2, 0.5};
    double want = 0.0;
    for (int i = 0; i < 7; i++) want += -(y[i] * log(p[i]) + (1 - y[i]) * log(1 - p[i]));
    double eight = (want + log(2.0)) / 7;
    want /= 7;
    double got = bce_mean(y, p, 7);
    EXPECT_NEAR(got, want, TOL, "bce_mean of 7 predictions",
                fabs(got - 7 * want) < 1e-9 ? "That is 7 times too big: divide the sum by n."
                : fabs(got - eight) < 1e-12 ? "That adds 8 losses, not 7: the loop must stop before i = n (i < n, "
                                              "not i <= n)."
                                            : harness_why_zero(got, want, "The mean is the sum of the 7 losses divided by n = 7."));
    got = bce_mean(y, p, 2);
    want = (-log(0.8) - log(0.7)) / 2;
    double three = (-log(0.8) - log(0.7) - log(0.6)) / 2;   // i <= n: one value too many
    EXPECT_NEAR(got, want, TOL, "bce_mean of the first 2",
                fabs(got - three) < 1e-12 ? "That adds 3 losses, not 2: the loop must stop before i = n (i < n, "
                                            "not i <= n)."
                                          : harness_why_zero(got, want, "Use only the first n values, and divide by n."));
}

int main(void) {
    static const HarnessTest tests[] = {
        {"bce_one picks -log p or -log(1-p) by the label", test_one},
        {"the loss is positive", test_sign},
        {"p = 0 and p = 1 give finite losses (clipping)", test_clipping},
        {"bce_mean averages over n", test_mean},
    };
    return harness_run("Exercise 02: cross-entropy", tests, sizeof tests / sizeof tests[0]);
}
