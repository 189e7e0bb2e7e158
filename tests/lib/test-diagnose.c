/* Tests for lib/diagnose: the columns that make the Hessian singular, and
 * separation read from Newton's last step, on small data sets whose answer
 * is known by construction. */
#include <math.h>
#include <string.h>

#include "diagnose.h"
#include "harness.h"
#include "logreg.h"
#include "multiclass.h"

/* A matrix of n rows and d columns from a table written row by row. */
static Matrix matrix(size_t n, size_t d, const double *rows) {
    Matrix X = mat_new(n, d);
    memcpy(X.data, rows, n * d * sizeof *rows);
    return X;
}

/* diag_columns's verdict and message for X (names may be NULL). */
static int columns(const Matrix *X, char *const *names, char *msg) {
    strcpy(msg, "(not written)");
    return diag_columns(X, names, msg, 512);
}

static void test_independent_columns(void) {
    const double rows[] = {0, 1, 1, 0, 2, 1, 3, 5, 1, 2};
    Matrix X = matrix(5, 2, rows);
    char msg[512];
    EXPECT_TRUE(columns(&X, NULL, msg) == 0, "two varied, unrelated columns and the bias are independent");
    mat_free(&X);
}

static void test_constant_columns(void) {
    // columns 'a' and 'c' hold one value each; 'b' varies
    const double rows[] = {4, 0, -1, 4, 1, -1, 4, 3, -1, 4, 7, -1};
    Matrix X = matrix(4, 3, rows);
    char *names[] = {"a", "b", "c"}, msg[512];
    EXPECT_TRUE(columns(&X, names, msg) == -1, "a constant column is a multiple of the bias column");
    EXPECT_TRUE(strcmp(msg, "columns 'a' and 'c' are constant") == 0,
                harness_fmt("the message names both constant columns: '%s'", msg));
    mat_free(&X);
}

static void test_tiny_columns(void) {
    // 'b' holds values near 1e-200, whose squares underflow; 'a' and 'c' do not
    const double rows[] = {1, 2e-200, 0, 2, -1e-200, 1e-140, 3, 5e-201, 0};
    Matrix X = matrix(3, 3, rows);
    char *names[] = {"a", "b", "c"}, msg[512];
    size_t count = diag_tiny(&X, names, msg, sizeof msg);
    EXPECT_TRUE(count == 1 && strcmp(msg, "column 'b' has only values below 1e-150 in size, whose squares underflow to 0") == 0,
                harness_fmt("one column of values near 1e-200 is named; got %zu: '%s'", count, msg));
    const double big[] = {1, 2e200, 0, 2, -1e200, 1e140, 3, 5e-201, 0};
    Matrix B = matrix(3, 3, big);
    count = diag_huge(&B, names, msg, sizeof msg);
    EXPECT_TRUE(count == 1 && strcmp(msg, "column 'b' has values above 1e150 in size, whose squares overflow") == 0,
                harness_fmt("one column of values near 1e200 is named; got %zu: '%s'", count, msg));
    mat_free(&B);
    mat_free(&X);
}

static void test_many_constant_columns(void) {
    double rows[3 * 6];
    for (size_t i = 0; i < 3; i++) {
        for (size_t j = 0; j < 6; j++) rows[i * 6 + j] = j == 2 ? (double)i : 0.0;
    }
    Matrix X = matrix(3, 6, rows);
    char msg[512];
    EXPECT_TRUE(columns(&X, NULL, msg) == -1, "five zero columns");
    EXPECT_TRUE(strcmp(msg, "columns 'x1', 'x2', 'x4' and 2 more are constant") == 0,
                harness_fmt("three names, then how many more: '%s'", msg));
    mat_free(&X);
}

static void test_collinear_columns(void) {
    // x3 = 2 x1 - x2 + 1; x4 varies on its own
    const double rows[] = {0, 1, 0, 5, 1, 0, 3, 1, 2, 1, 4, 0, 3, 2, 5, 2, 1, 3, 0, 7};
    Matrix X = matrix(5, 4, rows);
    char msg[512];
    EXPECT_TRUE(columns(&X, NULL, msg) == -1, "x3 = 2 x1 - x2 + 1");
    EXPECT_TRUE(strcmp(msg, "column 'x3' is a combination of 'x1' and 'x2' plus a constant (collinear)") == 0,
                harness_fmt("the message names x3 and the columns it combines: '%s'", msg));
    // x2 = 3 x1: no constant involved
    const double rows2[] = {1, 3, 2, 6, 0, 0, 5, 15};
    Matrix Y = matrix(4, 2, rows2);
    EXPECT_TRUE(columns(&Y, NULL, msg) == -1 && strcmp(msg, "column 'x2' is a combination of 'x1' (collinear)") == 0,
                harness_fmt("x2 = 3 x1: '%s'", msg));
    mat_free(&Y);
    mat_free(&X);
}

static void test_margins(void) {
    // binary: dz is the change of the score of class 1
    const double dz[] = {1.0, -2.0, 0.0, 3.0, 1e-9};
    const double y[] = {1, 0, 1, 0, 1};
    DiagMargins mg = diag_margins(dz, y, 5, 1);
    EXPECT_TRUE(mg.n == 5 && mg.pushed == 2 && mg.against == 1,
                harness_fmt("binary: 2 pushed (y = 1 up, y = 0 down), 1 against, 2 unchanged; got %zu and %zu",
                            mg.pushed, mg.against));
    // three classes: margin change = own score's change minus the largest other's
    const double dz3[] = {2, 1, 0, 0, 1, 1, 0, 0, 5};
    const double y3[] = {0, 1, 2};
    mg = diag_margins(dz3, y3, 3, 3);
    EXPECT_TRUE(mg.pushed == 2 && mg.against == 0,
                harness_fmt("3 classes: rows 0 and 2 pushed, row 1 tied; got %zu and %zu", mg.pushed, mg.against));
    // the count against a largest change taken elsewhere (another process's samples)
    const double dm[] = {1e-3, -1e-3, 1e-9};
    mg = diag_count_margins(dm, 3, 1.0);
    EXPECT_TRUE(mg.n == 3 && mg.pushed == 1 && mg.against == 1,
                harness_fmt("largest 1: 1e-3 pushed, -1e-3 against, 1e-9 unchanged; got %zu and %zu", mg.pushed,
                            mg.against));
    mg = diag_count_margins(dm, 3, 1e4);
    EXPECT_TRUE(mg.pushed == 0 && mg.against == 0,
                harness_fmt("largest 1e4: every change of 1e-3 is below 1e-6 of it, unchanged; got %zu and %zu",
                            mg.pushed, mg.against));
}

static void test_separation_verdicts(void) {
    DiagMargins all = {10, 10, 0}, some = {10, 3, 0}, mixed = {10, 3, 2};
    EXPECT_TRUE(diag_separation(1.0, 1e-8, all) == DIAG_FINITE, "steps that shrank: a minimum");
    EXPECT_TRUE(diag_separation(1.0, 0.0, all) == DIAG_FINITE, "no step at all: nothing ran off");
    EXPECT_TRUE(diag_separation(1.5, 1.4, all) == DIAG_COMPLETE, "long steps pushing every sample: complete");
    EXPECT_TRUE(diag_separation(1.5, 1.4, some) == DIAG_PARTIAL, "long steps pushing some, none back: partial");
    EXPECT_TRUE(diag_separation(1.5, 1.4, mixed) == DIAG_RUNNING, "long steps both ways: not converged, no verdict");
    char words[1024];
    diag_describe(DIAG_PARTIAL, some, words, sizeof words);
    EXPECT_TRUE(strstr(words, "3 of the 10 samples") != NULL && strstr(words, "converged") == NULL,
                harness_fmt("partial separation is said plainly, never 'converged': %s", words));
    diag_describe(DIAG_FINITE, all, words, sizeof words);
    EXPECT_TRUE(words[0] == '\0', "nothing to say about a minimum");
}

/* Newton's last step on data with a known answer: its margins say how the
 * classes separate. */
static DiagSeparation newton_verdict(size_t n, const double *rows, const double *y, DiagMargins *last) {
    Matrix X = matrix(n, 2, rows);
    LogReg m;
    logreg_init(&m, 2);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
    LogRegNewtonIter trace[LOGREG_NEWTON_MAX_ITER + 1];
    LogRegNewtonResult res;
    LrError err;
    logreg_fit_newton(&m, &X, y, &par, trace, &res, &err);
    double longest = 0.0;
    for (size_t k = 1; k <= res.iterations; k++) longest = fmax(longest, trace[k].step_norm);
    *last = trace[res.iterations].moved;
    logreg_free(&m);
    mat_free(&X);
    return diag_separation(longest, trace[res.iterations].step_norm, *last);
}

static void test_newton_separation(void) {
    const double sep[] = {0, 0, 1, 0, 0, 1, 3, 3, 4, 3, 3, 4}, y_sep[] = {0, 0, 0, 1, 1, 1};
    DiagMargins last;
    DiagSeparation s = newton_verdict(6, sep, y_sep, &last);
    EXPECT_TRUE(s == DIAG_COMPLETE && last.pushed == 6,
                harness_fmt("a line separates all 6 samples: complete (pushed %zu)", last.pushed));
    // x1 = 0 holds both classes; the two samples at x1 > 0 (class 1) can be cut off
    const double part[] = {0, .1, 0, .5, 0, .9, 0, .3, 0, .7, 0, .2, 0, .4, 0, .6, 1, .5, 2, .1};
    const double y_part[] = {0, 1, 0, 1, 1, 0, 0, 1, 1, 1};
    s = newton_verdict(10, part, y_part, &last);
    EXPECT_TRUE(s == DIAG_PARTIAL && last.pushed == 2 && last.against == 0,
                harness_fmt("2 of 10 samples separate: partial (pushed %zu, against %zu)", last.pushed, last.against));
    // overlapping classes: a finite minimum
    const double both[] = {0, 0, 1, 0, 0, 1, 1, 1, 2, 1, 1, 2, 0, 2, 2, 0};
    const double y_both[] = {0, 1, 0, 1, 1, 0, 1, 0};
    EXPECT_TRUE(newton_verdict(8, both, y_both, &last) == DIAG_FINITE, "overlapping classes: a minimum");
}

/* Softmax regression (lib/multiclass) reads its last step the same way:
 * class 0 can be cut off, classes 1 and 2 overlap. */
static void test_softmax_separation(void) {
    const double rows[] = {-5, 0, -5, 1, -6, .5, 0, 0, 1, 1, 0, 1, 1, 0, 0, .5, 1, .5, .5, 0, .5, 1};
    const double y[] = {0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    Matrix X = matrix(11, 2, rows);
    Softmax m;
    softmax_init(&m, 3, 2);
    SoftmaxNewtonParams par = {.tol = SOFTMAX_NEWTON_TOL, .max_iter = SOFTMAX_NEWTON_MAX_ITER};
    SoftmaxFitInfo info;
    LrError err;
    softmax_fit_newton(&m, &X, y, &par, &info, &err);
    EXPECT_TRUE(info.separated == DIAG_PARTIAL && info.moved.pushed == 3 && info.moved.against == 0,
                harness_fmt("3 of 11 samples separate: partial (verdict %d, pushed %zu, against %zu)",
                            (int)info.separated, info.moved.pushed, info.moved.against));
    softmax_free(&m);
    // the same samples relabelled so that no class can be cut off: a minimum
    const double y_mixed[] = {0, 1, 2, 1, 2, 0, 1, 2, 0, 1, 0};
    softmax_init(&m, 3, 2);
    softmax_fit_newton(&m, &X, y_mixed, &par, &info, &err);
    EXPECT_TRUE(info.separated == DIAG_FINITE && info.converged, "mixed classes: Newton converges to a minimum");
    softmax_free(&m);
    mat_free(&X);
}

int main(void) {
    static const HarnessTest tests[] = {
        {"diag_columns: independent columns pass", test_independent_columns},
        {"diag_columns names constant columns", test_constant_columns},
        {"diag_columns lists three names, then how many more", test_many_constant_columns},
        {"diag_tiny and diag_huge name a column whose squares underflow or overflow", test_tiny_columns},
        {"diag_columns names a collinear column and what it combines", test_collinear_columns},
        {"diag_margins counts margins pushed and pulled", test_margins},
        {"diag_separation: finite, complete, partial, running", test_separation_verdicts},
        {"Newton's last step tells complete, partial and no separation apart", test_newton_separation},
        {"softmax's Newton tells partial separation from a minimum", test_softmax_separation},
    };
    return harness_run("lib: why Newton found no minimum", tests, sizeof tests / sizeof tests[0]);
}
