#include "harness.h"

#include <CUnit/CUnit.h>
#include <CUnit/TestRun.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shortest %g form of x that reads back as x: 0.2, not 0.20000000000000001. */
static const char *shortest(char *buf, size_t size, double x) {
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, x);
        if (!isfinite(x) || strtod(buf, NULL) == x) break;
    }
    return buf;
}

/* 1 when x is a float's value with digits to spare in a double
 * (0.10000000149011612 is 0.1f; 0.5 is too short to tell). */
static int is_float(double x) {
    char buf[32];
    return isfinite(x) && x != 0.0 && fabs(x) < 3e38 && (double)(float)x == x &&
           strlen(shortest(buf, sizeof buf, x)) > 12;
}

/* 1 when got looks computed in float where want was not: a float's value,
 * or right to about 7 digits only (a different order of a double sum is
 * right to 15; a float keeps 7). */
static int float_like(double got, double want, double tol) {
    double diff = fabs(got - want), size = fabs(want);
    if (!isfinite(got) || !isfinite(want) || diff <= tol) return 0;
    if (is_float(got) && !is_float(want)) return 1;
    return tol > 0 && diff > 1e-10 * size && diff <= 1e-6 * size;
}

/* harness_near's check; guess is 0 when the caller's why names the mistake. */
static int near(double got, double want, double tol, const char *what, const char *why, int guess,
                const char *file, int line) {
    int ok = isfinite(got) ? fabs(got - want) <= tol : got == want;
    char msg[1024], w[32], g[32];
    shortest(w, sizeof w, want);
    shortest(g, sizeof g, got);
    if (got == HARNESS_UNSET && want != HARNESS_UNSET) {
        snprintf(msg, sizeof msg, "%s still holds the number the test put there before the call (expected %s): "
                                  "it was only added to, with +=, and never set to 0 first, or it was never written.\n%s",
                 what, w, why);
    } else if (guess && !ok && isfinite(got) && fabs(got) > 1e250 && fabs(want) < 1e100) {
        // (a sum started from the test's marker stays about as huge, and finite;
        // an infinity comes from an overflow, and a function that returns
        // nothing may hand back any number: there it is only a guess)
        snprintf(msg, sizeof msg, "%s: expected %s, got %s, a number as huge as the one the test put there before the "
                                  "call: if it is a sum, it was added to, with +=, without being set to 0 first.\n%s",
                 what, w, g, why);
    } else if (guess && !ok && float_like(got, want, tol)) {
        snprintf(msg, sizeof msg, "%s: expected %s, got %s (tolerance %g).\nThat is a float's value, "
                                  "or right to about 7 digits only, as a float keeps: compute in double (every variable, every sum).\n%s",
                 what, w, g, tol, why);
    } else {
        snprintf(msg, sizeof msg, "%s: expected %s, got %s (tolerance %g).\n%s", what, w, g, tol, why);
    }
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, (unsigned)line, msg, file, "", CU_FALSE);
    return ok;
}

int harness_near(double got, double want, double tol, const char *what, const char *why,
                 const char *file, int line) {
    return near(got, want, tol, what, why, 1, file, line);
}

int harness_near_known(double got, double want, double tol, const char *what, const char *why,
                       const char *file, int line) {
    return near(got, want, tol, what, why, 0, file, line);
}

int harness_true(int cond, const char *why, const char *file, int line) {
    CU_assertImplementation(cond ? CU_TRUE : CU_FALSE, (unsigned)line, why, file, "", CU_FALSE);
    return cond;
}

const char *harness_why_zero(double got, double want, const char *why) {
    if (got != 0.0 || want == 0.0 || !isfinite(want)) return why;
    return "Exactly 0: if you wrote 1 / n or 1 / (2 * n), that is 0 in C, because n is a whole number "
           "(size_t) and whole numbers divide to a whole number. Write 1.0 / n, or divide by (double)n.";
}

int harness_failures(void) { return (int)CU_get_number_of_failures(); }

const char *harness_fmt(const char *fmt, ...) {
    static char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

/* The explanation part of a failure message (after the first line). */
static const char *why_of(const char *message) {
    const char *newline = strchr(message, '\n');
    return newline != NULL ? newline + 1 : message;
}

/* 1 if an earlier failure of the same test carried the same explanation. */
static int seen_before(CU_pFailureRecord first, CU_pFailureRecord f) {
    for (CU_pFailureRecord g = first; g != f; g = g->pNext) {
        if (g->pTest == f->pTest && strcmp(why_of(g->strCondition), why_of(f->strCondition)) == 0) return 1;
    }
    return 0;
}

/* The explanations printed so far in this suite: a later test with the same
 * one prints its first line (what it expected) and "explained above", so
 * that one mistake does not fill the screen with the same paragraph. */
#define HARNESS_SHOWN_MAX 64
static char *shown[HARNESS_SHOWN_MAX];
static int n_shown;

static int shown_before(const char *why) {
    for (int k = 0; k < n_shown; k++) {
        if (strcmp(shown[k], why) == 0) return 1;
    }
    if (n_shown < HARNESS_SHOWN_MAX && (shown[n_shown] = malloc(strlen(why) + 1)) != NULL) {
        strcpy(shown[n_shown++], why);
    }
    return 0;
}

static void print_failure(CU_pFailureRecord f) {
    const char *why = why_of(f->strCondition);
    int again = why != f->strCondition && shown_before(why);
    printf("        ");
    for (const char *c = f->strCondition; *c != '\0' && !(again && c == why); c++) {
        putchar(*c);
        if (*c == '\n') printf("        ");
    }
    if (again) printf("(the same mistake as explained above)");
    printf("\n        (%s:%u)\n", f->strFileName, f->uiLineNumber);
}

/* Prints a test as passed or failed, as soon as it has run (so that a crash
 * in a later test does not hide it). Of its failed checks, the first with
 * each different explanation is shown; the repeats are counted. first is
 * the test's first failure record; the test's records follow it in a row. */
static void on_test_complete(const CU_pTest test, const CU_pSuite suite, const CU_pFailureRecord first) {
    (void)suite;
    int failures = 0, hidden = 0;
    for (CU_pFailureRecord f = first; f != NULL && f->pTest == test; f = f->pNext) {
        if (failures++ == 0) printf("  FAIL  %s\n", test->pName);
        if (seen_before(first, f)) {
            hidden++;
        } else {
            print_failure(f);
        }
    }
    if (failures == 0) printf("  ok    %s\n", test->pName);
    if (hidden > 0) printf("        ... and %d more failed check%s like these\n", hidden, hidden == 1 ? "" : "s");
    fflush(stdout);
}

/* Writes "running NAME" (before each test) or "PASSED TOTAL" (at the end) to
 * the file $HARNESS_RESULT, so that check.sh can tell a finished suite from
 * one that stopped, and name the test it stopped in. */
static void write_result(const char *line) {
    const char *path = getenv("HARNESS_RESULT");
    FILE *f = path != NULL ? fopen(path, "w") : NULL;
    if (f == NULL) return;
    fprintf(f, "%s\n", line);
    fclose(f);
}

static void on_test_start(const CU_pTest test, const CU_pSuite suite) {
    (void)suite;
    char line[600];
    snprintf(line, sizeof line, "running %s", test->pName != NULL ? test->pName : "?");
    write_result(line);
}

int harness_run(const char *suite, const HarnessTest *tests, size_t n_tests) {
    if (CU_initialize_registry() != CUE_SUCCESS) return 2;
    CU_pSuite s = CU_add_suite(suite, NULL, NULL);
    for (size_t t = 0; s != NULL && t < n_tests; t++) CU_add_test(s, tests[t].name, tests[t].run);
    if (s == NULL || CU_get_error() != CUE_SUCCESS) {
        fprintf(stderr, "%s: cannot set up CUnit: %s\n", suite, CU_get_error_msg());
        CU_cleanup_registry();
        return 2;
    }
    printf("%s\n", suite);
    fflush(stdout);
    CU_set_test_start_handler(on_test_start);
    CU_set_test_complete_handler(on_test_complete);
    CU_run_all_tests();
    unsigned failed = CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    for (int k = 0; k < n_shown; k++) free(shown[k]);
    n_shown = 0;
    char line[64];
    snprintf(line, sizeof line, "%u %u", run - failed, run);
    write_result(line);
    return failed == 0 ? 0 : 1;
}
