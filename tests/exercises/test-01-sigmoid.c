/* Tests for exercise 01: sigmoid and sigmoid_derivative. */
#include <math.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12

static void test_zero(void) {
    EXPECT_NEAR(sigmoid(0.0), 0.5, TOL, "sigmoid(0)",
                "sigma(0) = 1 / (1 + e^0) = 1/2 exactly. Check the formula 1 / (1 + exp(-z)).");
}

static void test_known_values(void) {
    // sigma(z) for z = -3 .. 3, from 1 / (1 + e^-z) in long double
    static const double z[] = {-3, -1, -0.5, 0.5, 1, 3};
    for (int k = 0; k < 6; k++) {
        double want = (double)(1.0L / (1.0L + expl(-(long double)z[k])));
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
    EXPECT_NEAR(sigmoid(1000), 1.0, TOL, "sigmoid(1000)",
                "For large z the answer is 1; e^z / (1 + e^z) is inf/inf = NaN there, so use 1 / (1 + e^-z) for z >= 0.");
    EXPECT_NEAR(sigmoid(-1e308), 0.0, TOL, "sigmoid(-1e308)", "Must be 0, not NaN, even at the largest doubles.");
    EXPECT_NEAR(sigmoid(1e308), 1.0, TOL, "sigmoid(1e308)", "Must be 1, not NaN, even at the largest doubles.");
}

static void test_derivative(void) {
    EXPECT_NEAR(sigmoid_derivative(0.0), 0.25, TOL, "sigmoid_derivative(0)",
                "sigma'(0) = sigma(0)(1 - sigma(0)) = 0.5 * 0.5 = 0.25.");
    // The slope must match a central finite difference (sigma(z+h) - sigma(z-h)) / 2h.
    const double h = 1e-5;
    for (double z = -6; z <= 6; z += 1.5) {
        double numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        EXPECT_NEAR(sigmoid_derivative(z), numeric, 1e-9, harness_fmt("sigmoid_derivative(%g)", z),
                    "The slope should match the finite difference (sigma(z+h) - sigma(z-h)) / 2h; "
                    "the formula is sigma(z) * (1 - sigma(z)).");
    }
    EXPECT_NEAR(sigmoid_derivative(-1000), 0.0, TOL, "sigmoid_derivative(-1000)",
                "Far from 0 the sigmoid is flat, so the slope is 0 (and never NaN).");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"sigmoid(0) is exactly 1/2", test_zero},
        {"sigmoid matches 1 / (1 + e^-z) at a few points", test_known_values},
        {"sigmoid(-z) = 1 - sigmoid(z)", test_symmetry},
        {"sigmoid is finite at +-1000 and +-1e308", test_extremes},
        {"sigmoid_derivative is sigma(1 - sigma)", test_derivative},
    };
    return harness_run("Exercise 01: sigmoid", tests, sizeof tests / sizeof tests[0]);
}
