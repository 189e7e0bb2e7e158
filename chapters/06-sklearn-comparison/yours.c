/* Chapter 6, step 5: your Newton's method (exercise 06), beside NumPy's
 * iterates for the lesson's data or the library's answer for others. */
#include "study.h"

#include <stdio.h>
#include <stdlib.h>

#include "exercises.h"
#include "diagnose.h"
#include "yours.h"

// [snippet yours]
/* Your Newton's method: `steps` calls of your newton_step (exercise 06) from
 * theta = (w_1, ..., w_d, b) = 0; theta after step k goes to
 * thetas[(d + 1) (k - 1) ..]. Returns the steps taken (fewer when a step
 * could not solve H). */
static size_t newton_yours(const Dataset *ds, size_t steps, double *thetas) {
    size_t k = ds->d + 1;
    double *theta = vec_new(k);
    size_t taken = 0;
    while (taken < steps && newton_step(ds->X.data, ds->y, ds->n, ds->d, theta) == 0) {
        for (size_t r = 0; r < k; r++) thetas[k * taken + r] = theta[r];
        taken++;
    }
    free(theta);
    return taken;
}
// [end yours]

/* "w[j]" for a weight, "b" for the bias (r == d). */
static void param_name(char *buf, size_t size, size_t r, size_t d) {
    if (r < d) snprintf(buf, size, "w[%zu]", r);
    else snprintf(buf, size, "b");
}

/* Compares your iterates with NumPy's newton_K (the lesson: every step it
 * stored, the last one printed) or your last with the library's answer. */
static void compare(YoursTally *t, const double *thetas, size_t ran, const Study *st, const Reference *sk_ref,
                    int lesson) {
    size_t d = st->newton.d, k = d + 1;
    yours_header(t, lesson ? "NumPy reference" : NULL);
    for (size_t s = 1; s <= ran; s++) {
        char key[32];
        snprintf(key, sizeof key, "newton_%zu", s);
        int stored = lesson && ref_get(sk_ref, key) != NULL;
        if (!stored && s < ran) continue;   // only the last has the library's value beside it
        for (size_t r = 0; r < k; r++) {
            char name[24], label[48];
            param_name(name, sizeof name, r, d);
            snprintf(label, sizeof label, "step%zu.%s", s, name);
            double lib = r < d ? st->newton.w[r] : st->newton.b;
            double ref = stored ? ref_value(sk_ref, key, r) : lib;
            if (s == ran) yours_compare(t, label, thetas[k * (s - 1) + r], ref);
            else yours_count(t, label, thetas[k * (s - 1) + r], ref);
        }
    }
    yours_count(t, "the number of steps", (double)ran, (double)st->res.iterations);
}

/* "w = (1.001261, 4.183311), b = -0.885867 after 8 steps" (d = 2), or
 * with ||w|| for other d. */
static void summarize(char *buf, size_t size, const double *last, size_t d, size_t ran) {
    if (d == 2) snprintf(buf, size, "w = (%.6f, %.6f), b = %.6f after %zu steps", last[0], last[1], last[2], ran);
    else snprintf(buf, size, "||w|| = %.6f, b = %.6f after %zu steps", vec_norm(last, d), last[d], ran);
}

void study_yours_run(Study *st, const Dataset *ds, int lesson) {
    size_t steps = st->res.iterations, k = ds->d + 1;
    st->yours = NULL;
    st->yours_ran = 0;
    if (!yours_begin()) return;                              // --lib
    if (study_separated(st) || !st->res.converged) return;   // no minimum to compare with
    char which[512];
    if (diag_constant(&ds->X, ds->names, which, sizeof which) > 0) return;   // H is singular: study_yours says so
    double *thetas = vec_new(k * (steps + 1));
    st->yours_ran = newton_yours(ds, steps, thetas);
    if (yours_end(6, "uses lib/logreg.c")) {
        st->yours = thetas;
        printf("Gradient descent and Newton's method by lib/logreg.c, as in every run; then\n"
               "your newton_step (exercise 06) runs Newton's method again, at the end, beside\n"
               "%s.\n\n",
               lesson ? "NumPy's steps" : "the library's answer");
    } else {
        free(thetas);
        printf("\n");
    }
}

int study_yours(const Study *st, const Dataset *ds, const Reference *sk_ref, int lesson) {
    size_t k = ds->d + 1;
    if (!yours_begin()) return 0;
    if (study_separated(st) || !st->res.converged) return 0;   // no minimum to compare with
    char which[512];
    if (diag_constant(&ds->X, ds->names, which, sizeof which) > 0) {   // H is singular: yours says -1, as it should
        if (yours_end(6, "uses lib/logreg.c")) {
            printf("Your newton_step is not run on these data: %s, so H is\n"
                   "singular, and newton_step returns -1, as it should (the library keeps\n"
                   "that weight at 0 and solves for the others).\n\n",
                   which);
        }
        return 0;
    }
    if (st->yours == NULL) return 0;   // exercise 06 not done: said at the top
    size_t ran = st->yours_ran;
    double *zero = vec_new(k);
    printf("Your Newton's method: your newton_step %zu times from theta = 0:\n\n", st->res.iterations);
    YoursTally t;
    yours_tally_init(&t, 6, lesson ? "NumPy" : "lib/");
    compare(&t, st->yours, ran, st, sk_ref, lesson);
    char summary[128];
    summarize(summary, sizeof summary, ran > 0 ? &st->yours[k * (ran - 1)] : zero, ds->d, ran);
    printf("\n");
    int status = yours_verdict(&t, summary);
    printf("\n");
    free(zero);
    return status;
}
