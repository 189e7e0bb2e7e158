/* Tests for exercise 12: shard_bounds, shard_sums and global_gradient.
 *
 * No MPI: the tests play every process in this one program. Each "process"
 * takes its rows with your shard_bounds and sums them with your shard_sums;
 * the test adds the P partial vectors element by element, exactly what
 * MPI_Allreduce with MPI_SUM does; then your global_gradient must give the
 * gradient of the mean cross-entropy over all the rows, computed here
 * directly. Shards of unequal size are the normal case and are tested. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define TOL 1e-12
#define MAX_N 1024
#define MAX_D 4
#define MAX_P 8

typedef struct {
    size_t n, d;
    double X[MAX_N * MAX_D];   // (n, d)
    double y[MAX_N];           // (n)
    double w[MAX_D], b;        // where the gradient is taken
} Data;

static Data make_data(size_t n, size_t d) {
    Data D = {.n = n, .d = d, .b = 0.3};
    for (size_t j = 0; j < d; j++) D.w[j] = 0.7 - 0.45 * (double)j;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) D.X[i * d + j] = 2.0 * sin(1.37 * (double)(i * d + j) + 0.5);
        D.y[i] = sin(3.1 * (double)i) > 0.1 * (double)(i % 3) ? 1.0 : 0.0;
    }
    return D;
}

static double oracle_error(const Data *D, size_t i) {
    double z = D->b;
    for (size_t j = 0; j < D->d; j++) z += D->X[i * D->d + j] * D->w[j];
    return 1.0 / (1.0 + exp(-z)) - D->y[i];
}

/* out (d + 1): the sums of e_i x_i and e_i over rows lo .. hi-1, divided by div. */
static void oracle_sums(const Data *D, size_t lo, size_t hi, double div, double *out) {
    for (size_t j = 0; j <= D->d; j++) out[j] = 0.0;
    for (size_t i = lo; i < hi; i++) {
        double e = oracle_error(D, i);
        for (size_t j = 0; j < D->d; j++) out[j] += e * D->X[i * D->d + j] / div;
        out[D->d] += e / div;
    }
}

/* Checks your shard_bounds for (n, P); writes the shard sizes. Returns 1 if sound. */
static int check_bounds(size_t n, size_t P, size_t *sizes) {
    size_t expect_lo = 0, smallest = n, largest = 0;
    for (size_t r = 0; r < P; r++) {
        size_t lo = 12345, hi = 12345;
        shard_bounds(n, P, r, &lo, &hi);
        if (!EXPECT_TRUE(lo == expect_lo && lo <= hi && hi <= n,
                         harness_fmt("shard_bounds(n = %zu, P = %zu, rank %zu) gave rows %zu .. %zu (lo = %zu, hi = %zu), "
                                     "but the shard before ended at row %zu, so this one must start at lo = %zu. "
                                     "Shards follow each other without a gap or an overlap: a row in two shards "
                                     "is counted twice, a row in none is lost.",
                                     n, P, r, lo, hi == 0 ? 0 : hi - 1, lo, hi, expect_lo, expect_lo))) {
            return 0;
        }
        sizes[r] = hi - lo;
        smallest = sizes[r] < smallest ? sizes[r] : smallest;
        largest = sizes[r] > largest ? sizes[r] : largest;
        expect_lo = hi;
    }
    // shards of n / P rows each, rounded down, lose the n % P rows left over
    char rounded[160] = "";
    if (expect_lo == P * (n / P)) {
        snprintf(rounded, sizeof rounded,
                 ". n / P rounds down in C: %zu shards of n / P = %zu rows leave n %% P = %zu over; give the first "
                 "n %% P shards one row more each",
                 P, n / P, n % P);
    }
    if (!EXPECT_TRUE(expect_lo == n, harness_fmt("with n = %zu and P = %zu the last shard stops before row %zu (hi = %zu): "
                                                 "rows %zu .. %zu belong to no process%s",
                                                 n, P, expect_lo, expect_lo, expect_lo, n - 1, rounded))) {
        return 0;
    }
    return EXPECT_TRUE(largest - smallest <= 1,
                       harness_fmt("with n = %zu and P = %zu your shards have between %zu and %zu rows; they should "
                                   "differ by at most one (n / P = %zu, plus one for n %% P = %zu of them), or the "
                                   "largest shard keeps every other process waiting",
                                   n, P, smallest, largest, n / P,
                                   n % P));
}

static void test_bounds(void) {
    static const size_t NS[] = {1, 2, 7, 10, 12, 300, 1001}, PS[] = {1, 2, 3, 4, 7, 8};
    size_t sizes[MAX_P];
    for (size_t a = 0; a < sizeof NS / sizeof NS[0]; a++) {
        for (size_t k = 0; k < sizeof PS / sizeof PS[0]; k++) {
            if (!check_bounds(NS[a], PS[k], sizes)) return;   // one message is enough
        }
    }
}

static void test_bounds_more_processes_than_rows(void) {
    size_t sizes[MAX_P];
    if (check_bounds(3, 5, sizes)) {
        size_t empty = 0;
        for (size_t r = 0; r < 5; r++) empty += sizes[r] == 0;
        EXPECT_TRUE(empty == 2, harness_fmt("3 rows for 5 processes: 3 shards of one row and 2 empty ones; you made "
                                            "%zu empty",
                                            empty));
    }
}

static void test_sums(void) {
    Data D = make_data(10, 3);
    double partial[MAX_D + 3], sums[MAX_D + 1], means[MAX_D + 1];
    partial[D.d + 2] = 12345.0;
    shard_sums(D.X, D.y, D.d, 4, 7, D.w, D.b, partial);
    oracle_sums(&D, 4, 7, 1.0, sums);
    oracle_sums(&D, 4, 7, 3.0, means);
    for (size_t j = 0; j <= D.d; j++) {
        if (fabs(partial[j] - means[j]) < TOL && fabs(sums[j]) > 1e-3) {
            EXPECT_TRUE(0, harness_fmt("partial[%zu] over rows 4 .. 6 is %.6g, the shard's mean; its sum is %.6g. "
                                       "Send sums: means of shards of different sizes cannot be added",
                                       j, partial[j],
                                       sums[j]));
            return;
        }
        EXPECT_NEAR(partial[j], sums[j], TOL, harness_fmt("partial[%zu] over rows 4 .. 6", j),
                    j < D.d ? "sum over i = lo .. hi-1 of (p_i - y_i) x_ij: only this shard's rows, x_ij at X[i * d + j]"
                            : "partial[d] is the sum of p_i - y_i over the shard's rows");
    }
    EXPECT_NEAR(partial[D.d + 1], 3.0, 0.0, "partial[d + 1] for rows 4 .. 6",
                "the row count hi - lo travels with the sums, so that the total count is added up too");
    EXPECT_TRUE(partial[D.d + 2] == 12345.0, "shard_sums wrote past partial[d + 1]: partial has d + 2 entries");
}

/* An empty shard sends zeros; then the same partial is reused for rows 0 .. 1. */
static void test_sums_empty(void) {
    Data D = make_data(6, 2);
    double partial[MAX_D + 2], sums[MAX_D + 1];
    for (size_t j = 0; j < D.d + 2; j++) partial[j] = 99.0;
    shard_sums(D.X, D.y, D.d, 6, 6, D.w, D.b, partial);
    for (size_t j = 0; j < D.d + 2; j++) {
        EXPECT_NEAR(partial[j], 0.0, 0.0, harness_fmt("partial[%zu] of an empty shard (lo = hi = 6)", j),
                    "a process with no rows sends zeros, so that it adds nothing (start every sum at 0)");
    }
    shard_sums(D.X, D.y, D.d, 0, 2, D.w, D.b, partial);
    oracle_sums(&D, 0, 2, 1.0, sums);
    for (size_t j = 0; j <= D.d; j++) {
        EXPECT_NEAR(partial[j], sums[j], TOL, harness_fmt("partial[%zu] over rows 0 .. 1, after an empty shard", j),
                    "each call starts its sums from 0 and adds (p_i - y_i) x_ij over its own rows only");
    }
    EXPECT_NEAR(partial[D.d + 1], 2.0, 0.0, "partial[d + 1] for rows 0 .. 1", "the row count is hi - lo");
}

static void test_global(void) {
    const double total[5] = {2.5, -4.0, 1.0, 0.75, 10.0};   // d = 3: sums, then the bias sum, then n = 10
    double dw[3];
    double db = global_gradient(total, 3, dw);
    const double want[3] = {0.25, -0.4, 0.1};
    for (size_t j = 0; j < 3; j++) {
        EXPECT_NEAR(dw[j], want[j], TOL, harness_fmt("dw[%zu] from total = (2.5, -4, 1, 0.75, 10)", j),
                    "dw_j = total[j] / n, where n = total[d + 1] is the number of rows of all the shards together");
    }
    EXPECT_NEAR(db, 0.075, TOL, "db from total = (2.5, -4, 1, 0.75, 10)", "db = total[d] / total[d + 1]");
}

/* Plays P processes on D with your functions and the test's all-reduce;
 * checks the gradient against the one over every row. */
static void check_pipeline(size_t n, size_t d, size_t P) {
    Data D = make_data(n, d);
    size_t sizes[MAX_P];
    if (!check_bounds(n, P, sizes)) return;
    double total[MAX_D + 2] = {0}, partial[MAX_D + 2], dw[MAX_D], want[MAX_D + 1], mean_of_means[MAX_D + 1] = {0};
    size_t lo = 0, nonempty = 0;
    for (size_t r = 0; r < P; r++) {   // process r
        shard_sums(D.X, D.y, d, lo, lo + sizes[r], D.w, D.b, partial);
        for (size_t j = 0; j < d + 2; j++) total[j] += partial[j];   // the all-reduce: MPI_SUM, element by element
        if (sizes[r] > 0) {                                          // what averaging the shards' own means would give
            double means[MAX_D + 1];
            oracle_sums(&D, lo, lo + sizes[r], (double)sizes[r], means);
            for (size_t j = 0; j <= d; j++) mean_of_means[j] += means[j];
            nonempty++;
        }
        lo += sizes[r];
    }
    double db = global_gradient(total, d, dw);
    oracle_sums(&D, 0, n, (double)n, want);
    int averaged = fabs(db - mean_of_means[d] / (double)nonempty) < TOL && fabs(db - want[d]) > TOL;
    for (size_t j = 0; j < d; j++) averaged = averaged && fabs(dw[j] - mean_of_means[j] / (double)nonempty) < TOL;
    if (averaged || isnan(db)) {
        EXPECT_TRUE(0, harness_fmt("n = %zu rows on P = %zu processes (shards of %zu .. %zu rows): your gradient is %s. "
                                   "Averaging the shards' means is wrong when shards differ in size: a row of a "
                                   "small shard then weighs more than a row of a large one. Add sums and row counts "
                                   "across the shards, and divide by the total count once, at the end",
                                   n, P, sizes[P - 1], sizes[0],
                                   isnan(db) ? "NaN: an empty shard's mean is 0 / 0" : "the average of the shards' means"));
        return;
    }
    for (size_t j = 0; j < d; j++) {
        EXPECT_NEAR(dw[j], want[j], TOL, harness_fmt("dw[%zu] for n = %zu, d = %zu on P = %zu processes", j, n, d, P),
                    "the gradient from the summed partials must equal the gradient over all n rows at once");
    }
    EXPECT_NEAR(db, want[d], TOL, harness_fmt("db for n = %zu, d = %zu on P = %zu processes", n, d, P),
                "db = (sum of every shard's sum of p_i - y_i) / (sum of every shard's row count)");
}

static void test_equal_shards(void) {
    check_pipeline(12, 2, 3);
}

static void test_unequal_shards(void) {
    check_pipeline(10, 2, 3);
}

static void test_empty_shards(void) {
    check_pipeline(3, 2, 5);
}

static void test_other_sizes(void) {
    check_pipeline(1001, 4, 7);
    check_pipeline(300, 1, 8);
    check_pipeline(1, 3, 1);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"shard_bounds: every row in exactly one shard, in order, sizes within one row", test_bounds},
        {"shard_bounds: more processes than rows leaves some shards empty", test_bounds_more_processes_than_rows},
        {"shard_sums: sums (not means) over rows lo .. hi-1, and the row count", test_sums},
        {"shard_sums: an empty shard sends zeros, and the next call starts again", test_sums_empty},
        {"global_gradient: the totals divided by the total row count", test_global},
        {"3 processes, equal shards of 4 rows: the gradient over all 12 rows", test_equal_shards},
        {"3 processes, shards of 4, 3 and 3 rows: the gradient over all 10 rows", test_unequal_shards},
        {"5 processes for 3 rows: the empty shards change nothing", test_empty_shards},
        {"other sizes: n = 1001 on 7, d = 1 on 8, one row on 1", test_other_sizes},
    };
    return harness_run("Exercise 12: one gradient from many shards", tests, sizeof tests / sizeof tests[0]);
}
