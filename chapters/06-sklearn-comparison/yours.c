/* Chapter 6, step 5: your Newton's method (exercise 06), beside NumPy's
 * iterates for the lesson's data or the library's answer for others. */
#include "study.h"

#include <stdio.h>

#include "exercises.h"
#include "yours.h"

// [snippet yours]
/* Your Newton's method: `steps` calls of your newton_step (exercise 06) from
 * theta = (w1, w2, b) = 0; theta after step k goes to thetas[3 (k - 1) ..].
 * Returns the steps taken (fewer when a step could not solve H). */
static size_t newton_yours(const Dataset *ds, size_t steps, double *thetas) {
    double theta[3] = {0.0, 0.0, 0.0};
    for (size_t k = 1; k <= steps; k++) {
        if (newton_step(ds->X.data, ds->y, ds->n, theta) != 0) return k - 1;
        for (int r = 0; r < 3; r++) thetas[3 * (k - 1) + r] = theta[r];
    }
    return steps;
}
// [end yours]

/* Compares your iterates with NumPy's newton_K (the lesson: every step it
 * stored, the last one printed) or your last with the library's answer. */
static void compare(YoursTally *t, const double *thetas, size_t ran, const Study *st, const Reference *sk_ref,
                    int lesson) {
    static const char *const NAMES[3] = {"w[0]", "w[1]", "b"};
    const double lib[3] = {st->newton.w[0], st->newton.w[1], st->newton.b};
    yours_header(t, lesson ? "NumPy reference" : NULL);
    for (size_t k = 1; k <= ran; k++) {
        char key[32];
        snprintf(key, sizeof key, "newton_%zu", k);
        int stored = lesson && ref_get(sk_ref, key) != NULL;
        if (!stored && k < ran) continue;   // only the last has the library's value beside it
        for (int r = 0; r < 3; r++) {
            char label[48];
            snprintf(label, sizeof label, "step%zu.%s", k, NAMES[r]);
            double ref = stored ? ref_value(sk_ref, key, (size_t)r) : lib[r];
            if (k == ran) yours_compare(t, label, thetas[3 * (k - 1) + r], ref);
            else yours_count(t, label, thetas[3 * (k - 1) + r], ref);
        }
    }
    yours_count(t, "the number of steps", (double)ran, (double)st->res.iterations);
}

int study_yours(const Study *st, const Dataset *ds, const Reference *sk_ref, int lesson) {
    size_t steps = st->res.iterations;
    if (!yours_begin()) return 0;
    if (ds->d != 2) {
        printf("(Your newton_step, exercise 06, takes 2 features; these data have %zu, so this\n"
               "run shows the library's Newton steps only.)\n\n",
               ds->d);
        return 0;
    }
    if (study_separated(st) || !st->res.converged) return 0;   // no minimum to compare with
    double thetas[3 * LOGREG_NEWTON_MAX_ITER];
    size_t ran = newton_yours(ds, steps, thetas);
    if (!yours_end(6, "shows the library's Newton steps only")) return 0;
    printf("Your Newton's method: your newton_step %zu times from theta = 0:\n\n", steps);
    YoursTally t;
    yours_tally_init(&t, 6, lesson ? "NumPy" : "lib/");
    compare(&t, thetas, ran, st, sk_ref, lesson);
    char summary[128];
    const double *last = ran > 0 ? &thetas[3 * (ran - 1)] : (const double[]){0.0, 0.0, 0.0};
    snprintf(summary, sizeof summary, "w = (%.6f, %.6f), b = %.6f after %zu steps", last[0], last[1], last[2], ran);
    printf("\n");
    int status = yours_verdict(&t, summary);
    printf("\n");
    return status;
}
