/* Tests for exercise 10: poly_count, poly_expand and fit_polynomial (checked
 * against the lesson's loop on the expanded columns, written out below).
 *
 * The features are distinct primes (2, 3, 5, ...) first, so every product has
 * its own value and a column in the wrong place is named in the message. The
 * expected order is listed here independently: the index lists
 * j1 <= ... <= jk of each degree, in dictionary order. Then non-integer
 * features, where the order of the multiplications shows in the last bit:
 * every product must be scikit-learn's to the bit. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define MAX_D 5
#define MAX_COLS 400
#define SENTINEL -12345.0

static const double PRIMES[MAX_D] = {2, 3, 5, 7, 11};
static const double REALS[MAX_D] = {0.7071067811865476, -1.2345678901234567, 2.718281828459045, 0.3333333333333333,
                                    -0.5772156649015329};

/* The next index list after idx (j1 <= ... <= jk < d), or 0 after the last. */
static int next_indices(size_t *idx, size_t k, size_t d) {
    size_t m = k;
    while (m > 0 && idx[m - 1] == d - 1) m--;
    if (m == 0) return 0;
    idx[m - 1]++;
    for (size_t t = m; t < k; t++) idx[t] = idx[m - 1];
    return 1;
}

/* The expected columns of x, and a name for each ("x0^2 x1"). Returns the
 * count. scikit-learn makes each product of degree k as a product of degree
 * k - 1 times x_j1, so x_j1 x_j2 ... x_jk is ((x_jk x_jk-1) ...) x_j1:
 * multiplied from the last index down. */
static size_t expected(const double *x, size_t d, size_t degree, double *want, char names[][48]) {
    size_t col = 0;
    for (size_t k = 1; k <= degree; k++) {
        size_t idx[16] = {0};
        do {
            unsigned power[MAX_D] = {0};
            want[col] = x[idx[k - 1]];
            for (size_t t = k - 1; t-- > 0;) want[col] *= x[idx[t]];
            for (size_t t = 0; t < k; t++) power[idx[t]]++;
            size_t len = 0;
            names[col][0] = '\0';
            for (size_t j = 0; j < d; j++) {
                if (power[j] == 0) continue;
                len += (size_t)snprintf(names[col] + len, 48 - len, power[j] == 1 ? "%sx%zu" : "%sx%zu^%u",
                                        len > 0 ? " " : "", j, power[j]);
            }
            col++;
        } while (next_indices(idx, k, d));
    }
    return col;
}

/* Runs poly_expand on x; returns the number of expected columns, or 0 when
 * it wrote past the end (reported). */
static size_t expand(const double *x, size_t d, size_t degree, double *want, double *out, char names[][48]) {
    size_t count = expected(x, d, degree, want, names);
    for (size_t k = 0; k < count; k++) out[k] = HARNESS_UNSET;   // every column must be written
    out[count] = SENTINEL;
    size_t written = poly_expand(x, d, degree, out);
    if (!EXPECT_NEAR(out[count], SENTINEL, 0, harness_fmt("out[%zu], one past the last column", count),
                     "poly_expand wrote past the end: there are exactly poly_count(d, degree) columns.")) return 0;
    EXPECT_NEAR((double)written, (double)count, 0, harness_fmt("poly_expand's return value for d = %zu, degree %zu", d, degree),
                "return the number of columns written: every product of degree 1 to degree.");
    return count;
}

static void check_expansion(size_t d, size_t degree) {
    static double want[MAX_COLS], out[MAX_COLS + 1];
    static char names[MAX_COLS][48];
    size_t count = expand(PRIMES, d, degree, want, out, names);
    size_t shown = 0;
    for (size_t k = 0; k < count && shown < 2; k++) {
        if (out[k] == want[k]) continue;
        shown++;
        char why[256];
        snprintf(why, sizeof why, "column %zu should be %s. The order is degree by degree; within a degree, "
                                  "dictionary order of (j1 <= j2 <= ...): x0^2, x0 x1, x0 x2, x1^2, ...",
                 k, names[k]);
        EXPECT_NEAR(out[k], want[k], 0, harness_fmt("column %zu of x = (2, 3, 5, ...) with d = %zu, degree %zu", k, d, degree), why);
    }
}

/* Non-integer features: every product to the last bit, as scikit-learn has it. */
static void check_bits(size_t d, size_t degree) {
    static double want[MAX_COLS], out[MAX_COLS + 1];
    static char names[MAX_COLS][48];
    size_t count = expand(REALS, d, degree, want, out, names);
    for (size_t k = 0; k < count; k++) {
        if (out[k] == want[k]) continue;
        int last_bits = fabs(out[k] - want[k]) <= 1e-13 * fabs(want[k]);
        char why[400];
        snprintf(why, sizeof why, last_bits ? "column %zu (%s) differs from scikit-learn's in the last bits: the order of the multiplications "
                                              "matters. scikit-learn makes a product of degree k as a product of degree k - 1 (of indices >= j) "
                                              "times x_j, so x0 x1 x1 is (x1 * x1) * x0, not (x0 * x1) * x1."
                                            : "column %zu should be %s (see the test with x = (2, 3, 5, ...) above).",
                 k, names[k]);
        EXPECT_NEAR(out[k], want[k], 0, harness_fmt("column %zu of x = (0.7071..., -1.2345..., ...) with d = %zu, "
                                                    "degree %zu",
                                                    k, d, degree),
                    why);
        return;
    }
}

static void test_count(void) {
    // The last two: 21! and 30! overflow 64 bits, C(21, 10) and C(30, 15) do not.
    const size_t cases[][3] = {{2, 1, 2}, {2, 2, 5}, {2, 3, 9}, {2, 8, 44}, {3, 2, 9}, {1, 6, 6}, {4, 3, 34}, {5, 4, 125}, {11, 10, 352715}, {15, 15, 155117519}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        EXPECT_NEAR((double)poly_count(cases[c][0], cases[c][1]), (double)cases[c][2], 0,
                    harness_fmt("poly_count(%zu, %zu)", cases[c][0], cases[c][1]),
                    "C(d + D, D) - 1: compute it as a product, c = c * (d + k) / k for k = 1..D, "
                    "which stays a whole number at every step (factorials overflow).");
    }
}

static void test_degree_2(void) {
    // x = (2, 3): x0, x1, x0^2, x0 x1, x1^2 = 2, 3, 4, 6, 9
    double out[6] = {HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, HARNESS_UNSET, SENTINEL};
    poly_expand(PRIMES, 2, 2, out);
    const char *what[5] = {"x0", "x1", "x0^2", "x0 x1", "x1^2"};
    const double want[5] = {2, 3, 4, 6, 9};
    for (size_t k = 0; k < 5; k++) {
        char why[128];
        snprintf(why, sizeof why, "the columns are x0, x1, x0^2, x0 x1, x1^2; column %zu is %s.", k, what[k]);
        EXPECT_NEAR(out[k], want[k], 0, harness_fmt("column %zu of (2, 3) to degree 2", k), why);
    }
}

static void test_moons_degrees(void) {
    check_expansion(2, 3);
    check_expansion(2, 8);
}

static void test_other_shapes(void) {
    check_expansion(3, 2);
    check_expansion(3, 4);
    check_expansion(5, 3);
    check_expansion(1, 6);
    check_expansion(4, 1);
}

static void test_bits(void) {
    check_bits(2, 8);
    check_bits(3, 6);
    check_bits(4, 6);
    check_bits(5, 5);
}

/* ---- fit_polynomial ------------------------------------------------------------ */

#define FIT_N 12
#define FIT_TOL 1e-12   // the same arithmetic in another order: far below any mistake

/* The expansion of (x0, x1) to degree 2 or 3, written out, each product made
 * as scikit-learn makes it (a degree-2 product times one feature). */
static size_t expand_two(const double *x, size_t degree, double *out) {
    double a = x[0], b = x[1];
    const double cols[9] = {a, b, a * a, a * b, b * b, (a * a) * a, (a * b) * a, (b * b) * a, (b * b) * b};
    size_t m = degree == 2 ? 5 : 9;
    for (size_t k = 0; k < m; k++) out[k] = cols[k];
    return m;
}

/* The lesson's gradient descent on the m columns of P (n, m), from w = 0, b = 0. */
static void lesson_fit(const double *P, const double *y, size_t n, size_t m, double lr, size_t epochs, double *w,
                       double *b) {
    for (size_t j = 0; j < m; j++) w[j] = 0.0;
    *b = 0.0;
    for (size_t e = 0; e < epochs; e++) {
        // dw = P^T (p - y) / n,  db = mean(p - y)
        double dw[9] = {0}, db = 0.0;
        for (size_t i = 0; i < n; i++) {
            double z = *b;
            for (size_t j = 0; j < m; j++) z += P[i * m + j] * w[j];
            double err = (z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z))) - y[i];
            for (size_t j = 0; j < m; j++) dw[j] += err * P[i * m + j];
            db += err;
        }
        for (size_t j = 0; j < m; j++) w[j] -= lr * dw[j] / (double)n;
        *b -= lr * db / (double)n;
    }
}

static void check_fit(size_t degree, double lr, size_t epochs) {
    double X[FIT_N * 2], y[FIT_N], P[FIT_N * 9], w[10], b = 999.0, want_w[9], want_b, lin_w[9], lin_b;
    for (size_t i = 0; i < FIT_N; i++) {
        X[2 * i] = 1.5 * cos(0.9 * (double)i);
        X[2 * i + 1] = sin(1.7 * (double)i) - 0.2;
        y[i] = X[2 * i] * X[2 * i] + X[2 * i + 1] > 0.6 ? 1.0 : 0.0;
    }
    size_t m = 0;
    for (size_t i = 0; i < FIT_N; i++) m = expand_two(&X[2 * i], degree, &P[i * (degree == 2 ? 5 : 9)]);
    for (size_t j = 0; j < m; j++) w[j] = 999.0;   // what the caller's memory held: must not matter
    w[m] = SENTINEL;
    fit_polynomial(X, y, FIT_N, 2, degree, lr, epochs, w, &b);
    lesson_fit(P, y, FIT_N, m, lr, epochs, want_w, &want_b);
    lesson_fit(X, y, FIT_N, 2, lr, epochs, lin_w, &lin_b);   // the mistake of training on X itself
    const char *why = "fit_polynomial is the lesson's loop on the expanded rows: P = poly_expand of each row, w = 0, "
                      "b = 0, then `epochs` steps of gradient and gd_step on (P, y)";
    int rest_zero = 1;   // w[d] .. w[m - 1] still 0: trained on d columns only
    for (size_t j = 2; j < m; j++) rest_zero = rest_zero && w[j] == 0.0 && want_w[j] != 0.0;
    char only_d[200];
    snprintf(only_d, sizeof only_d, "only the first d weights moved: train on all m columns of P. w[2] to w[%zu] "
                                    "are still 0; P has m = poly_count(d, degree) = %zu columns, not d = 2: give m "
                                    "to gradient and gd_step",
             m - 1, m);
    if (fabs(w[0] - lin_w[0]) <= FIT_TOL && fabs(w[1] - lin_w[1]) <= FIT_TOL) {
        why = "the weights are those of the plain features: train on the expanded rows P (n rows of "
              "poly_count(d, degree) columns), not on X";
    } else if (rest_zero) {
        why = only_d;
    } else if (w[0] == 999.0 || w[m - 1] == 999.0) {
        why = "some weights kept what they held before the call: set all poly_count(d, degree) weights to 0 first";
    }
    for (size_t j = 0; j < m; j++) {
        EXPECT_NEAR(w[j], want_w[j], FIT_TOL, harness_fmt("w[%zu] (degree %zu, %zu epochs)", j, degree, epochs), why);
    }
    EXPECT_NEAR(b, want_b, FIT_TOL, harness_fmt("b (degree %zu, %zu epochs)", degree, epochs), why);
    EXPECT_NEAR(w[m], SENTINEL, 0.0, harness_fmt("w[%zu], one past the end", m),
                "w holds poly_count(d, degree) weights: write only those");
}

static void test_fit(void) {
    check_fit(2, 0.5, 30);
    check_fit(3, 0.1, 20);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"poly_count is C(d + D, D) - 1", test_count},
        {"(2, 3) to degree 2 is 2, 3, 4, 6, 9", test_degree_2},
        {"two features to degree 3 and 8, as the moons chapter uses", test_moons_degrees},
        {"other numbers of features (1, 3, 4, 5) and degrees", test_other_shapes},
        {"non-integer features: every product equals scikit-learn's to the last bit", test_bits},
        {"fit_polynomial trains on the expanded rows as the lesson does (degrees 2 and 3)", test_fit},
    };
    return harness_run("Exercise 10: polynomial features", tests, sizeof tests / sizeof tests[0]);
}
