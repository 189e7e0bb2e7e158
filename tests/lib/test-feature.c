/* Tests for lib/feature: polynomial expansion in scikit-learn's column order,
 * and standardisation.
 *
 * The expansion (built block by block) is checked against a plain oracle that
 * lists the index tuples j1 <= ... <= jk of each degree in dictionary order,
 * as itertools.combinations_with_replacement does in scikit-learn. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "feature.h"
#include "harness.h"

#define TOL 1e-12

static void test_count(void) {
    const size_t cases[][3] = {{2, 1, 2}, {2, 2, 5}, {2, 3, 9}, {2, 8, 44}, {3, 2, 9}, {1, 5, 5}, {4, 3, 34}, {5, 4, 125}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        EXPECT_NEAR((double)feature_poly_count(cases[c][0], cases[c][1]), (double)cases[c][2], 0,
                    harness_fmt("feature_poly_count(%zu, %zu)", cases[c][0], cases[c][1]),
                    "C(d + D, D) - 1: every monomial of degree 1..D");
    }
}

static void test_order_two_features(void) {
    // x1 = 2, x2 = 3: x1, x2, x1^2, x1 x2, x2^2, x1^3, x1^2 x2, x1 x2^2, x2^3
    const double x[2] = {2, 3}, want[9] = {2, 3, 4, 6, 9, 8, 12, 18, 27};
    double out[10];
    out[9] = -1;
    feature_poly_row(x, 2, 3, out);
    for (size_t k = 0; k < 9; k++) {
        EXPECT_NEAR(out[k], want[k], 0, harness_fmt("column %zu of (2, 3) to degree 3", k),
                    "scikit-learn's order: degree by degree, x1 before x2");
    }
    EXPECT_NEAR(out[9], -1, 0, "one past the last column", "nothing written past the 9 columns");
    const char *names[] = {"x1", "x2"};
    char buf[64];
    feature_poly_name(2, 3, 6, names, buf, sizeof buf); /* before the message shows buf */
    EXPECT_TRUE(strcmp(buf, "x1^2 x2") == 0,
                harness_fmt("column 6 is named 'x1^2 x2', got '%s'", buf));
    feature_poly_name(2, 3, 1, names, buf, sizeof buf); /* before the message shows buf */
    EXPECT_TRUE(strcmp(buf, "x2") == 0,
                harness_fmt("column 1 is named 'x2', got '%s'", buf));
}

/* Oracle: the next tuple j1 <= ... <= jk (dictionary order) after idx, or 0 at the end. */
static int next_tuple(size_t *idx, size_t k, size_t d) {
    size_t m = k;
    while (m > 0 && idx[m - 1] == d - 1) m--;
    if (m == 0) return 0;
    idx[m - 1]++;
    for (size_t t = m; t < k; t++) idx[t] = idx[m - 1];
    return 1;
}

static void check_against_oracle(size_t d, size_t degree) {
    double x[6];
    for (size_t j = 0; j < d; j++) x[j] = 0.7 + 0.45 * (double)j - 0.2 * (double)(j % 2);
    size_t count = feature_poly_count(d, degree);
    double *out = malloc(count * sizeof *out);
    unsigned *powers = malloc(count * d * sizeof *powers);
    feature_poly_row(x, d, degree, out);
    feature_poly_powers(d, degree, powers);
    size_t col = 0, bad = 0;
    for (size_t k = 1; k <= degree; k++) {
        size_t idx[8] = {0};
        do {
            double want = 1;
            unsigned want_pow[6] = {0};
            for (size_t t = 0; t < k; t++) {
                want *= x[idx[t]];
                want_pow[idx[t]]++;
            }
            if (col < count) {
                bad += fabs(out[col] - want) > TOL * fabs(want);
                bad += memcmp(&powers[col * d], want_pow, d * sizeof *powers) != 0;
            }
            col++;
        } while (next_tuple(idx, k, d));
    }
    EXPECT_NEAR((double)col, (double)count, 0, harness_fmt("columns for d = %zu, degree %zu", d, degree),
                "the oracle and feature_poly_count agree on the number of monomials");
    EXPECT_NEAR((double)bad, 0, 0, harness_fmt("columns out of order for d = %zu, degree %zu", d, degree),
                "each column (and its exponents) must be the oracle's monomial, in dictionary order");
    free(out);
    free(powers);
}

static void test_other_shapes(void) {
    check_against_oracle(2, 8);
    check_against_oracle(3, 4);
    check_against_oracle(4, 3);
    check_against_oracle(1, 5);
    check_against_oracle(5, 1);
    check_against_oracle(6, 2);
}

static void test_matrix(void) {
    Matrix X = mat_new(3, 2);
    for (size_t k = 0; k < 6; k++) X.data[k] = (double)k - 2.5;
    Matrix P = feature_poly(&X, 2);
    EXPECT_NEAR((double)P.cols, 5, 0, "columns of a degree-2 expansion of 2 features", "x1 x2 x1^2 x1x2 x2^2");
    double row[5];
    int same = 1;
    for (size_t i = 0; i < 3; i++) {
        feature_poly_row(mat_row(&X, i), 2, 2, row);
        same &= memcmp(row, mat_row(&P, i), sizeof row) == 0;
    }
    EXPECT_TRUE(same, "feature_poly expands every row as feature_poly_row does");
    mat_free(&P);
    mat_free(&X);
}

static void test_scaler(void) {
    // Columns: (1, 2, 3, 6) mean 3 std sqrt(3.5); constant 5; (0, 0, 0, 4) mean 1 std sqrt(3).
    Matrix X = mat_new(4, 3);
    const double v[12] = {1, 5, 0, 2, 5, 0, 3, 5, 0, 6, 5, 4};
    memcpy(X.data, v, sizeof v);
    Scaler s;
    feature_scaler_fit(&s, &X);
    EXPECT_NEAR(s.mean[0], 3, TOL, "mean of column 0", "(1 + 2 + 3 + 6) / 4");
    EXPECT_NEAR(s.scale[0], sqrt(3.5), TOL, "scale of column 0", "population deviation: divide by n = 4, not n - 1");
    EXPECT_NEAR(s.scale[1], 1, 0, "scale of a constant column", "1, so the column is shifted to 0, not divided by 0");
    EXPECT_NEAR(s.scale[2], sqrt(3.0), TOL, "scale of column 2", "deviations -1, -1, -1, 3");
    feature_scaler_apply(&s, &X);
    double sum = 0, sq = 0;
    for (size_t i = 0; i < 4; i++) {
        sum += *mat_at(&X, i, 0);
        sq += *mat_at(&X, i, 0) * *mat_at(&X, i, 0);
    }
    EXPECT_NEAR(sum / 4, 0, TOL, "mean of a standardised column", "0 after the shift");
    EXPECT_NEAR(sq / 4, 1, TOL, "variance of a standardised column", "1 after the scale");
    EXPECT_NEAR(*mat_at(&X, 2, 1), 0, 0, "constant column after scaling", "5 - 5 = 0");
    Matrix T = mat_new(1, 3);   // new data: the training mean and scale, not its own
    T.data[0] = 3 + sqrt(3.5);
    T.data[1] = 7;
    T.data[2] = 1;
    feature_scaler_apply(&s, &T);
    EXPECT_NEAR(T.data[0], 1, TOL, "test value one training deviation above the mean", "(x - mean) / scale = 1");
    EXPECT_NEAR(T.data[1], 2, TOL, "test value in the constant column", "(7 - 5) / 1");
    EXPECT_NEAR(T.data[2], 0, TOL, "test value at the training mean", "0");
    feature_scaler_free(&s);
    EXPECT_TRUE(s.mean == NULL && s.d == 0, "feature_scaler_free leaves the scaler empty");
    mat_free(&T);
    mat_free(&X);
}

/* 0.1 added 569 times and divided by 569 is not 0.1: the variance of a
 * column of 0.1s comes out about 1e-34, not 0. Divided by its square root,
 * the column would become +-1 noise; like StandardScaler (whose transform of
 * this column gives -9.4e-16 in every row), it must be treated as constant. */
static void test_scaler_near_constant(void) {
    enum { N = 569 };
    Matrix X = mat_new(N, 2);
    for (size_t i = 0; i < N; i++) {
        *mat_at(&X, i, 0) = 0.1;
        *mat_at(&X, i, 1) = (double)i;
    }
    Scaler s;
    feature_scaler_fit(&s, &X);
    EXPECT_NEAR(s.scale[0], 1, 0, "scale of a column of 569 x 0.1",
                "1: a variance within rounding of 0 (n eps var + (n eps mean)^2) is a constant column");
    EXPECT_NEAR(s.scale[1], 164.25589792, 1e-8, "scale of 0 .. 568", "sqrt((569^2 - 1) / 12), scikit-learn's scale_");
    feature_scaler_apply(&s, &X);
    double largest = 0;
    for (size_t i = 0; i < N; i++) largest = fmax(largest, fabs(*mat_at(&X, i, 0)));
    EXPECT_TRUE(largest < 1e-15, harness_fmt("the constant column becomes 0 to rounding, got values up to %g", largest));
    feature_scaler_free(&s);
    mat_free(&X);
}

/* Columns near the largest double: their sum, their squared deviations and
 * x - mean overflow when computed as they are. The statistics are those of
 * the column divided by a power of 2, then scaled back. */
static void test_scaler_huge(void) {
    // column 0: +-1.797e308 alternating (mean 0, std 1.797e308);
    // column 1: 1e200 and 3e200 alternating (mean 2e200, std 1e200)
    enum { N = 6 };
    Matrix X = mat_new(N, 2);
    for (size_t i = 0; i < N; i++) {
        *mat_at(&X, i, 0) = i % 2 ? -DBL_MAX : DBL_MAX;
        *mat_at(&X, i, 1) = i % 2 ? 3e200 : 1e200;
    }
    Scaler s;
    feature_scaler_fit(&s, &X);
    EXPECT_NEAR(s.mean[0], 0, 0, "mean of +-1.797e308", "the sum would overflow to inf; the scaled sum is exactly 0");
    EXPECT_NEAR(s.scale[0] / DBL_MAX, 1, 1e-15, "std of +-1.797e308, over 1.797e308",
                "squared deviations overflow; computed in units of 2^1024 / 2 they do not");
    EXPECT_NEAR(s.mean[1] / 2e200, 1, 1e-15, "mean of 1e200 and 3e200, over 2e200", "2e200");
    EXPECT_NEAR(s.scale[1] / 1e200, 1, 1e-15, "std of 1e200 and 3e200, over 1e200", "(1e200)^2 overflows; 1e200");
    feature_scaler_apply(&s, &X);
    for (size_t i = 0; i < N; i++) {
        EXPECT_NEAR(*mat_at(&X, i, 0), i % 2 ? -1 : 1, 1e-15, "standardised +-1.797e308", "+-1, not NaN");
        EXPECT_NEAR(*mat_at(&X, i, 1), i % 2 ? 1 : -1, 1e-15, "standardised 1e200 / 3e200", "-1 and +1");
    }
    feature_scaler_free(&s);
    mat_free(&X);
}

/* Columns near 1e-200: their squared deviations underflow to 0 when computed
 * as they are, and the column would look constant. */
static void test_scaler_tiny(void) {
    enum { N = 6 };   // 1e-200 and 3e-200 alternating: mean 2e-200, std 1e-200
    Matrix X = mat_new(N, 1);
    for (size_t i = 0; i < N; i++) *mat_at(&X, i, 0) = i % 2 ? 3e-200 : 1e-200;
    Scaler s;
    feature_scaler_fit(&s, &X);
    EXPECT_NEAR(s.mean[0] / 2e-200, 1, 1e-15, "mean of 1e-200 and 3e-200, over 2e-200", "2e-200");
    EXPECT_NEAR(s.scale[0] / 1e-200, 1, 1e-15, "std of 1e-200 and 3e-200, over 1e-200",
                "(1e-200)^2 underflows to 0; computed in units of a power of 2 it does not");
    feature_scaler_apply(&s, &X);
    for (size_t i = 0; i < N; i++) {
        EXPECT_NEAR(*mat_at(&X, i, 0), i % 2 ? 1 : -1, 1e-15, "standardised 1e-200 / 3e-200", "-1 and +1");
    }
    feature_scaler_free(&s);
    mat_free(&X);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"feature_poly_count is C(d + D, D) - 1", test_count},
        {"two features to degree 3 in scikit-learn's order", test_order_two_features},
        {"other shapes match the dictionary-order oracle", test_other_shapes},
        {"feature_poly expands a matrix row by row", test_matrix},
        {"the scaler fits on training data and applies to new data", test_scaler},
        {"a column constant up to rounding is only centred, as StandardScaler does", test_scaler_near_constant},
        {"columns near the largest double are standardised without overflow", test_scaler_huge},
        {"columns near 1e-200 are standardised, not taken for constant", test_scaler_tiny},
    };
    return harness_run("lib: feature", tests, sizeof tests / sizeof tests[0]);
}
