/* harness: a thin layer over CUnit for tests a learner reads.
 *
 * A failed check records one sentence: what was checked, what was expected,
 * what came back, and what that usually means:
 *
 *     EXPECT_NEAR(sigmoid(-1000), 0.0, TOL, "sigmoid(-1000)",
 *                 "exp(1000) overflowed: use e^z / (1 + e^z) when z < 0");
 *
 * prints, when it fails,
 *
 *     sigmoid(-1000): expected 0, got nan (tolerance 1e-12).
 *     exp(1000) overflowed: use e^z / (1 + e^z) when z < 0
 *
 * harness_run runs a suite, prints every test with its failures, and returns
 * the exit status: 0 when all passed, 1 otherwise. As its last act it writes
 * "PASSED TOTAL" to the file named by the environment variable HARNESS_RESULT
 * (read by scripts/check.sh: a suite that never gets there did not finish;
 * until then the file says "running NAME", the test it is in).
 *
 * Outputs the code under test must write are filled with HARNESS_UNSET before
 * the call: a check that finds it says the value "was never written" instead
 * of showing it as if it had been computed.
 */
#ifndef LR_HARNESS_H
#define LR_HARNESS_H

#include <stddef.h>

typedef struct {
    const char *name;   // a sentence: "sigmoid(0) is exactly 1/2"
    void (*run)(void);
} HarnessTest;

/* What a test puts in an output before the call (no computation gives it). */
#define HARNESS_UNSET (-6.125e300)

#define EXPECT_NEAR(got, want, tol, what, why) \
    harness_near((got), (want), (tol), (what), (why), __FILE__, __LINE__)
/* The same, when the test has found what the mistake is and why says it: no
 * guess of the harness's (a float, a sum never set to 0) is added to it. */
#define EXPECT_NEAR_KNOWN(got, want, tol, what, why) \
    harness_near_known((got), (want), (tol), (what), (why), __FILE__, __LINE__)
#define EXPECT_TRUE(cond, why) harness_true((cond), (why), __FILE__, __LINE__)

/* Checks |got - want| <= tol (and that got is a number). Returns 1 if it holds. */
int harness_near(double got, double want, double tol, const char *what, const char *why,
                 const char *file, int line);

/* harness_near without the guesses, for EXPECT_NEAR_KNOWN. */
int harness_near_known(double got, double want, double tol, const char *what, const char *why,
                       const char *file, int line);

/* Checks cond; why is the whole message shown when it fails. Returns cond. */
int harness_true(int cond, const char *why, const char *file, int line);

/* why, or when got is exactly 0 and want is not, what integer division does
 * (1 / n is 0 in C for a whole number n): for results that divide by n. */
const char *harness_why_zero(double got, double want, const char *why);

/* The number of failed checks so far in this suite: a test whose result
 * follows from an earlier function's can say so when it is not 0. */
int harness_failures(void);

/* Like printf into a static buffer of the harness, for building a `what`
 * that names the arguments ("sigmoid(%g)"). Valid until the next call. */
const char *harness_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Runs the tests as one CUnit suite; returns the exit status for main. */
int harness_run(const char *suite, const HarnessTest *tests, size_t n_tests);

#endif
