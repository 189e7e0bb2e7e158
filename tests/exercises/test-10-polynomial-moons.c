/* Tests for exercise 10: poly_count and poly_expand.
 *
 * The features are distinct primes (2, 3, 5, ...), so every product has its
 * own value and a column in the wrong place is named in the message. The
 * expected order is listed here independently: the index lists
 * j1 <= ... <= jk of each degree, in dictionary order. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define MAX_D 5
#define MAX_COLS 400
#define SENTINEL -12345.0

static const double PRIMES[MAX_D] = {2, 3, 5, 7, 11};

/* The next index list after idx (j1 <= ... <= jk < d), or 0 after the last. */
static int next_indices(size_t *idx, size_t k, size_t d) {
    size_t m = k;
    while (m > 0 && idx[m - 1] == d - 1) m--;
    if (m == 0) return 0;
    idx[m - 1]++;
    for (size_t t = m; t < k; t++) idx[t] = idx[m - 1];
    return 1;
}

/* The expected columns, and a name for each ("x0^2 x1"). Returns the count. */
static size_t expected(size_t d, size_t degree, double *want, char names[][48]) {
    size_t col = 0;
    for (size_t k = 1; k <= degree; k++) {
        size_t idx[16] = {0};
        do {
            unsigned power[MAX_D] = {0};
            want[col] = 1;
            for (size_t t = 0; t < k; t++) {
                want[col] *= PRIMES[idx[t]];
                power[idx[t]]++;
            }
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

static void check_expansion(size_t d, size_t degree) {
    static double want[MAX_COLS], out[MAX_COLS + 1];
    static char names[MAX_COLS][48];
    size_t count = expected(d, degree, want, names);
    for (size_t k = 0; k <= count; k++) out[k] = SENTINEL;
    size_t written = poly_expand(PRIMES, d, degree, out);
    EXPECT_NEAR((double)written, (double)count, 0, harness_fmt("poly_expand's return value for d = %zu, degree %zu", d, degree),
                "return the number of columns written: every product of degree 1 to degree.");
    size_t shown = 0;
    for (size_t k = 0; k < count && shown < 2; k++) {
        if (out[k] == want[k]) continue;
        shown++;
        char why[256];
        snprintf(why, sizeof why, "column %zu should be %s. The order is degree by degree; within a degree, "
                 "dictionary order of (j1 <= j2 <= ...): x0^2, x0 x1, x0 x2, x1^2, ...", k, names[k]);
        EXPECT_NEAR(out[k], want[k], 0, harness_fmt("column %zu of x = (2, 3, 5, ...) with d = %zu, degree %zu",
                                                    k, d, degree), why);
    }
    EXPECT_NEAR(out[count], SENTINEL, 0, harness_fmt("out[%zu], one past the last column", count),
                "poly_expand wrote past the end: there are exactly poly_count(d, degree) columns.");
}

static void test_count(void) {
    // The last two: 21! and 30! overflow 64 bits, C(21, 10) and C(30, 15) do not.
    const size_t cases[][3] = {{2, 1, 2}, {2, 2, 5}, {2, 3, 9}, {2, 8, 44}, {3, 2, 9}, {1, 6, 6}, {4, 3, 34},
                               {5, 4, 125}, {11, 10, 352715}, {15, 15, 155117519}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        EXPECT_NEAR((double)poly_count(cases[c][0], cases[c][1]), (double)cases[c][2], 0,
                    harness_fmt("poly_count(%zu, %zu)", cases[c][0], cases[c][1]),
                    "C(d + D, D) - 1: compute it as a product, c = c * (d + k) / k for k = 1..D, "
                    "which stays a whole number at every step (factorials overflow).");
    }
}

static void test_degree_2(void) {
    // x = (2, 3): x0, x1, x0^2, x0 x1, x1^2 = 2, 3, 4, 6, 9
    double out[6] = {SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL, SENTINEL};
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

int main(void) {
    static const HarnessTest tests[] = {
        {"poly_count is C(d + D, D) - 1", test_count},
        {"(2, 3) to degree 2 is 2, 3, 4, 6, 9", test_degree_2},
        {"two features to degree 3 and 8, as the moons chapter uses", test_moons_degrees},
        {"other numbers of features (1, 3, 4, 5) and degrees", test_other_shapes},
    };
    return harness_run("Exercise 10: polynomial features", tests, sizeof tests / sizeof tests[0]);
}
