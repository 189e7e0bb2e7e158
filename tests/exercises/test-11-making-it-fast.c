/* Tests for exercise 11: fused_epoch.
 *
 * The reference is the epoch as chapter 3 computes it, in passes over X with
 * arrays of n numbers: z and p for every row, then the loss, then p - y, db
 * and X^T (p - y). fused_epoch must agree with it closely on data of several
 * shapes, and then to the last bit: fusing the loops changes which loop does
 * the arithmetic, not the arithmetic. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercises.h"
#include "harness.h"

#define MAX_N 64
#define MAX_D 6

typedef struct {
    size_t n, d;
    double X[MAX_N * MAX_D], y[MAX_N], w[MAX_D], b;
} Problem;

static Problem make_problem(size_t n, size_t d, double scale) {
    Problem pr = {.n = n, .d = d, .b = -0.2 * scale};
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) pr.X[i * d + j] = sin(1.3 * (double)i + 0.7 * (double)j + 0.1) * 2.0;
        pr.y[i] = (i * 5 + 1) % 3 == 0 ? 1.0 : 0.0;
    }
    for (size_t j = 0; j < d; j++) pr.w[j] = scale * (0.6 - 0.35 * (double)j);
    return pr;
}

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    return exp(z) / (1.0 + exp(z));
}

/* The three passes: p = sigma(X w + b); the loss; e = p - y, db, X^T e. */
static double two_pass(const Problem *pr, double *dw, double *db) {
    size_t n = pr->n, d = pr->d;
    double p[MAX_N], e[MAX_N], loss = 0.0;
    for (size_t i = 0; i < n; i++) {
        double z = 0.0;
        for (size_t j = 0; j < d; j++) z += pr->X[i * d + j] * pr->w[j];
        p[i] = sigma(z + pr->b);
    }
    for (size_t i = 0; i < n; i++) {
        double q = p[i] < 1e-15 ? 1e-15 : p[i] > 1.0 - 1e-15 ? 1.0 - 1e-15
                                                             : p[i];
        loss += -(pr->y[i] * log(q) + (1.0 - pr->y[i]) * log(1.0 - q));
    }
    *db = 0.0;
    for (size_t i = 0; i < n; i++) {
        e[i] = p[i] - pr->y[i];
        *db += e[i];
    }
    for (size_t j = 0; j < d; j++) {
        dw[j] = 0.0;
        for (size_t i = 0; i < n; i++) dw[j] += pr->X[i * d + j] * e[i];
        dw[j] /= (double)n;
    }
    *db /= (double)n;
    return loss / (double)n;
}

/* What a wrong number usually means, from how it is wrong. */
static const char *diagnose(double got, double want, size_t n, const char *generic) {
    if (isnan(got) || isinf(got)) return "It is not a finite number: clip p to [1e-15, 1 - 1e-15] before the log, "
                                         "and check that no array is read past its end.";
    if (got == 0.0 && want != 0.0) return "It is 0: is it still the stub? Add every row's term, then divide by n.";
    if (fabs(got) > 1e250) return "Set every sum to 0 before the loop over the rows (*db and each dw[j], as the "
                                  "loss): += adds to whatever the array held.";
    if (fabs(want) > 1e-9 && fabs(got + want) < 1e-9) return "It has the wrong sign: the error is p - y, not y - p.";
    if (n > 1 && fabs(want) > 1e-9 && fabs(got - (double)n * want) < 1e-9 * (double)n) {
        return "It is n times too big: divide the sum by n at the end.";
    }
    return generic;
}

static void check_close(size_t n, size_t d, double scale) {
    Problem pr = make_problem(n, d, scale);
    double dw[MAX_D + 1], want_dw[MAX_D], db = HARNESS_UNSET, want_db;
    for (size_t j = 0; j < d; j++) dw[j] = HARNESS_UNSET;   // every entry must be set, then summed
    dw[d] = 12345.0;                                        // must stay: dw has d entries
    double loss = fused_epoch(pr.X, pr.y, n, d, pr.w, pr.b, dw, &db);
    double want = two_pass(&pr, want_dw, &want_db);
    char shape[64];
    snprintf(shape, sizeof shape, "n = %zu, d = %zu", n, d);
    EXPECT_NEAR(loss, want, 1e-12, harness_fmt("loss with %s", shape),
                diagnose(loss, want, n, "The loss is the mean of -(y log q + (1 - y) log(1 - q)), q the clipped p."));
    EXPECT_NEAR(db, want_db, 1e-12, harness_fmt("db with %s", shape),
                diagnose(db, want_db, n, "db is the mean of p_i - y_i; did z include the bias b?"));
    for (size_t j = 0; j < d; j++) {
        EXPECT_NEAR(dw[j], want_dw[j], 1e-12, harness_fmt("dw[%zu] with %s", j, shape),
                    diagnose(dw[j], want_dw[j], n, "dw_j is (1/n) sum_i (p_i - y_i) x_ij; is x_ij read as "
                                                   "X[i * d + j], with this d?"));
    }
    EXPECT_NEAR(dw[d], 12345.0, 0.0, harness_fmt("dw[%zu], one past the end", d),
                "fused_epoch wrote past the d entries of dw: loop j from 0 to d - 1.");
}

static void test_lesson_shape(void) { check_close(30, 2, 1.0); }

static void test_other_shapes(void) {
    check_close(7, 3, 1.0);
    check_close(64, 6, 0.5);
    check_close(1, 1, 1.0);
}

/* Weights so large that some p are 0 or 1 to double precision and wrong. */
static void test_confident(void) { check_close(40, 2, 60.0); }

/* The same bits: the whole point of fusing is that nothing else changes. */
static void check_bits(size_t n, size_t d, double scale) {
    Problem pr = make_problem(n, d, scale);
    double dw[MAX_D], want_dw[MAX_D], db, want_db;
    double loss = fused_epoch(pr.X, pr.y, n, d, pr.w, pr.b, dw, &db);
    double want = two_pass(&pr, want_dw, &want_db);
    int close = fabs(loss - want) <= 1e-12 && fabs(db - want_db) <= 1e-12;
    for (size_t j = 0; j < d; j++) close &= fabs(dw[j] - want_dw[j]) <= 1e-12;
    const char *why = close ? "Close, but not the same bits: the order of the arithmetic differs from the passes'. "
                              "Sum z from 0.0 and add b last; use the two forms of sigma; clip only the log's "
                              "argument (e = p - y uses p itself); add each row's terms in row order and divide "
                              "by n once, at the end."
                            : "Not even close yet: make the tests above pass first.";
    EXPECT_NEAR(loss, want, 0.0, harness_fmt("loss bits with n = %zu, d = %zu", n, d), why);
    EXPECT_NEAR(db, want_db, 0.0, harness_fmt("db bits with n = %zu, d = %zu", n, d), why);
    int same = memcmp(dw, want_dw, d * sizeof dw[0]) == 0;
    char what[96];
    snprintf(what, sizeof what, "dw with n = %zu, d = %zu differs from the passes' X^T (p - y) / n", n, d);
    EXPECT_TRUE(same, harness_fmt("%s. %s", what, why));
}

static void test_bits(void) {
    check_bits(30, 2, 1.0);
    check_bits(61, 5, 1.5);
    check_bits(40, 2, 60.0);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"fused_epoch matches the passes (30 x 2)", test_lesson_shape},
        {"fused_epoch works for other shapes (7 x 3, 64 x 6, 1 x 1)", test_other_shapes},
        {"fused_epoch clips confident wrong answers (|z| near 100)", test_confident},
        {"fused_epoch gives the passes' numbers to the last bit", test_bits},
    };
    return harness_run("Exercise 11: making it fast", tests, sizeof tests / sizeof tests[0]);
}
