/* Tests for exercise 01: sigmoid and sigmoid_derivative. */
#include <fenv.h>
#include <math.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12

/* sigma(z) in long double: the value the tests expect. */
static double sigma_ld(double z) { return (double)(1.0L / (1.0L + expl(-(long double)z))); }

/* 1 if the learner's sigmoid is right at a few points, far ones included. */
static int sigmoid_works(void) {
    static const double z[] = {-1000, -3, -0.5, 0, 0.5, 3, 1000};
    for (int k = 0; k < 7; k++) {
        double s = sigmoid(z[k]);
        if (!(fabs(s - sigma_ld(z[k])) <= TOL)) return 0;
    }
    return 1;
}

static void test_zero(void) {
    EXPECT_NEAR(sigmoid(0.0), 0.5, TOL, "sigmoid(0)",
                "sigma(0) = 1 / (1 + e^0) = 1/2 exactly. Check the formula 1 / (1 + exp(-z)).");
}

static void test_known_values(void) {
    // sigma(z) for z = -3 .. 3, from 1 / (1 + e^-z) in long double
    static const double z[] = {-3, -1, -0.5, 0.5, 1, 3};
    for (int k = 0; k < 6; k++) {
        double want = sigma_ld(z[k]);
        EXPECT_NEAR(sigmoid(z[k]), want, TOL, harness_fmt("sigmoid(%g)", z[k]),
                    "Use 1 / (1 + exp(-z)); mind the minus sign in the exponent.");
    }
}

static void test_symmetry(void) {
    for (double z = -30; z <= 30; z += 0.75) {
        EXPECT_NEAR(sigmoid(z) + sigmoid(-z), 1.0, TOL, harness_fmt("sigmoid(%g) + sigmoid(%g)", z, -z),
                    "The sigmoid is symmetric: sigma(-z) = 1 - sigma(z).");
    }
}

static void test_extremes(void) {
    EXPECT_NEAR(sigmoid(-1000), 0.0, TOL, "sigmoid(-1000)",
                "exp(1000) overflows a double. For z < 0 compute e^z / (1 + e^z) instead.");
    double big = sigmoid(1000);
    EXPECT_NEAR(big, 1.0, TOL, "sigmoid(1000)",
                isnan(big) ? "e^z / (1 + e^z) is inf/inf = NaN at z = 1000: use 1 / (1 + e^-z) for z >= 0."
                           : "Large scores mean probabilities near 1. Check the sign inside exp: it is exp(-z).");
    EXPECT_NEAR(sigmoid(-1e308), 0.0, TOL, "sigmoid(-1e308)", "Must be 0, not NaN, even at the largest doubles.");
    EXPECT_NEAR(sigmoid(1e308), 1.0, TOL, "sigmoid(1e308)", "Must be 1, not NaN, even at the largest doubles.");
}

/* exp(1000) is too large for a double: it "overflows" to infinity, and the
 * processor raises its overflow flag. 1 / (1 + inf) happens to be 0, the right
 * answer, so only the flag shows that the formula computed an infinity. The
 * answer itself must be right too (returning 0.0 never overflows). */
static void test_no_overflow(void) {
    static const double z[] = {-1000, 1000, -1e308, 1e308, -710, 710};
    for (int k = 0; k < 6; k++) {
        feclearexcept(FE_OVERFLOW | FE_INVALID);
        double s = sigmoid(z[k]);
        int overflow = fetestexcept(FE_OVERFLOW), invalid = fetestexcept(FE_INVALID);
        if (!overflow && !invalid && !isnan(s)) {
            EXPECT_NEAR(s, z[k] < 0 ? 0.0 : 1.0, TOL, harness_fmt("sigmoid(%g)", z[k]),
                        "Nothing overflowed, but the answer is wrong: far below 0 sigma is 0, far above 1.");
            continue;
        }
        EXPECT_TRUE(0,
                    harness_fmt("sigmoid(%g) computed %s on the way (the result was %g).\nexp(x) overflows for "
                                "x > 709: 1 / (1 + exp(-z)) does so for z < -709, e^z / (1 + e^z) for z > 709. "
                                "Use each form only on the side where its exp stays small.",
                                z[k], invalid ? "a NaN" : "an infinity", s));
    }
}

static void test_derivative(void) {
    if (!sigmoid_works()) {
        // A derivative built on a wrong sigmoid is wrong too: say so once.
        static const double z[] = {-1000, -3, -0.5, 0, 1.5};
        int right = 1;
        for (int k = 0; k < 5; k++) {
            double s = sigma_ld(z[k]);
            right = right && fabs(sigmoid_derivative(z[k]) - s * (1 - s)) <= TOL;
        }
        EXPECT_TRUE(right, "sigmoid_derivative is sigma(z) (1 - sigma(z)), built on your sigmoid, which fails "
                           "the tests above: fix sigmoid first, then this test says what is left.");
        return;
    }
    if (sigmoid_derivative(0.0) == 0.0 && sigmoid_derivative(1.5) == 0.0 && sigmoid_derivative(-2.0) == 0.0) {
        EXPECT_TRUE(0, "sigmoid_derivative returns exactly 0 everywhere. Not written yet? Or s * 1 - s, which is "
                       "(s * 1) - s = 0 in C, where * comes before -. The slope is sigmoid(z) * sigmoid(-z).");
        return;
    }
    EXPECT_NEAR(sigmoid_derivative(0.0), 0.25, TOL, "sigmoid_derivative(0)",
                "sigma'(0) = sigma(0)(1 - sigma(0)) = 0.5 * 0.5 = 0.25.");
    // sigma'(z) = sigma(z)(1 - sigma(z)), computed here in long double.
    for (double z = -6; z <= 6; z += 1.5) {
        long double s = 1.0L / (1.0L + expl(-(long double)z));
        EXPECT_NEAR(sigmoid_derivative(z), (double)(s * (1 - s)), TOL, harness_fmt("sigmoid_derivative(%g)", z),
                    "The slope is sigma(z) * (1 - sigma(z)) = sigma(z) * sigma(-z): multiply sigmoid(z) by sigmoid(-z).");
    }
    // It is the slope: a central finite difference (sigma(z+h) - sigma(z-h)) / 2h agrees.
    const double h = 1e-5, z = 0.7;
    double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
    EXPECT_NEAR(sigmoid_derivative(z), numeric, 1e-9, "sigmoid_derivative(0.7) against (sigmoid(z+h) - sigmoid(z-h)) / 2h",
                "Your derivative and your sigmoid disagree: is the slope of your own sigmoid what you return?");
    EXPECT_NEAR(sigmoid_derivative(-1000), 0.0, TOL, "sigmoid_derivative(-1000)",
                "Far from 0 the sigmoid is flat, so the slope is 0 (and never NaN).");
    // The tail: sigma'(40) = e^-40 / (1 + e^-40)^2 = 4.2e-18, to 9 digits.
    long double e = expl(-40.0L);
    double tail = (double)(e / ((1 + e) * (1 + e)));
    EXPECT_NEAR(sigmoid_derivative(40), tail, 1e-9 * tail, "sigmoid_derivative(40)",
                "sigma(40) rounds to exactly 1, so 1 - sigma(40) is 0 and s * (1 - s) loses the whole slope. "
                "1 - sigma(z) = sigma(-z): write sigmoid(z) * sigmoid(-z), and the small factor keeps its "
                "digits (chapter 01 compares your slope with SciPy's out there).");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"sigmoid(0) is exactly 1/2", test_zero},
        {"sigmoid matches 1 / (1 + e^-z) at a few points", test_known_values},
        {"sigmoid(-z) = 1 - sigmoid(z)", test_symmetry},
        {"sigmoid is finite at +-1000 and +-1e308", test_extremes},
        {"sigmoid never overflows on the way to its answer", test_no_overflow},
        {"sigmoid_derivative is sigma(z) sigma(-z), out to z = 40", test_derivative},
    };
    return harness_run("Exercise 01: sigmoid", tests, sizeof tests / sizeof tests[0]);
}
