/* Chapter 6: our answer against scikit-learn's, and Newton's method.
 *
 * The lesson ends by comparing its 500 epochs of gradient descent with
 * scikit-learn's LogisticRegression(C=1e10), and they differ a lot. This
 * chapter shows why (gradient descent has not converged), measures how far
 * each answer is from the minimum (its gradient norm), runs gradient descent
 * much longer, and then reaches the minimum in a handful of steps with
 * Newton's method, for any number of features. When there is no minimum it
 * says why (lib/diagnose): a collinear column (exit 3), or classes that
 * separate, completely or in part; a constant column's weight stays 0. Once exercise 06 is
 * written, it runs your newton_step to the minimum beside NumPy's steps.
 * scikit-learn's stored values are in data/reference/sklearn-classification.txt.
 *
 *     make chapter-06 && ./chapter-06 [--data FILE.csv] [--lr RATE] [--epochs N] [--lib]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "course.h"
#include "diagnose.h"
#include "logreg.h"
#include "metrics.h"

#include "06-sklearn-comparison/study.h"

/* Without --epochs, the long run does at most about this many multiply-adds
 * (epochs x samples x (features + 1)): all 100,000 epochs on the lesson's
 * data (9e7) and on 569 x 30 (1.8e9), fewer on larger data (952 at 1e5 x 20,
 * a few seconds instead of ten minutes). */
#define GD_WORK 2e9

/* Gradient descent is reported after these many epochs (and after --epochs). */
static const size_t SNAPSHOTS[] = {500, 5000, 50000};
enum { N_SNAPSHOTS = sizeof SNAPSHOTS / sizeof SNAPSHOTS[0] };

/* Fills in the loss, gradient norm and accuracy of a's weights. */
static void measure(Answer *a, const Dataset *ds) {
    a->loss = logreg_loss(&a->m, &ds->X, ds->y, 0.0);
    a->grad_norm = logreg_grad_norm(&a->m, &ds->X, ds->y, 0.0);
    double *pred = vec_new(ds->n);
    logreg_predict(&a->m, &ds->X, 0.5, pred);
    a->accuracy = metrics_accuracy(pred, ds->y, ds->n);
    free(pred);
}

static Answer make_answer(const char *name, size_t epochs, const LogReg *m, const Dataset *ds) {
    Answer a = {.epochs = epochs};
    snprintf(a.name, sizeof a.name, "%s", name);
    logreg_copy(&a.m, m);
    measure(&a, ds);
    return a;
}

static void study_init(Study *st, const CourseRun *o, size_t d) {
    st->n_gd = st->n_answers = 0;
    st->losses = vec_new(o->gd.epochs);
    logreg_init(&st->newton, d);
    st->res = (LogRegNewtonResult){0, 0, NAN, NAN};
    st->singular = 0;
    st->sep = DIAG_FINITE;
    st->yours = NULL;
    st->yours_ran = 0;
}

static void study_free(Study *st) {
    for (size_t k = 0; k < st->n_answers; k++) logreg_free(&st->answers[k].m);
    logreg_free(&st->newton);
    free(st->losses);
    free(st->yours);
}

/* Step 1: gradient descent from w = 0, b = 0 for --epochs epochs, with an
 * answer at each snapshot on the way (the lesson's NumPy runs were made as
 * long) and at the end: one run, continued from snapshot to snapshot.
 * Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why (the
 * answers before it diverged are kept). */
static int run_gd(Study *st, const Dataset *ds, const CourseRun *o) {
    LogReg m;
    logreg_init(&m, ds->d);
    size_t done = 0;   // epochs run so far
    int status = CHAPTER_DONE;
    for (int k = 0; k <= N_SNAPSHOTS && status == CHAPTER_DONE; k++) {
        size_t until = k < N_SNAPSHOTS ? SNAPSHOTS[k] : o->gd.epochs;
        if (k < N_SNAPSHOTS && until >= o->gd.epochs) continue;
        LogRegParams par = {.lr = o->gd.lr, .epochs = until - done, .lambda = 0.0};
        TrainResult fit = logreg_fit_gd(&m, &ds->X, ds->y, &par, &st->losses[done]);
        fit.epochs += done;   // counted from w = 0
        done = until;
        char name[24];
        snprintf(name, sizeof name, "GD-%zu", until);
        status = chapter_fit_status(fit, o->gd.lr, NULL);
        if (status == CHAPTER_DONE) st->answers[st->n_answers++] = make_answer(name, until, &m, ds);
    }
    st->n_gd = st->n_answers;
    logreg_free(&m);
    return status;
}

/* scikit-learn's stored coefficients as an Answer (measured by our code). */
static Answer sklearn_answer(const Reference *ref, const Dataset *ds) {
    LogReg m;
    logreg_init(&m, ds->d);
    for (size_t j = 0; j < ds->d; j++) m.w[j] = ref_value(ref, "coef", j);
    m.b = ref_value(ref, "intercept", 0);
    Answer a = make_answer("scikit-learn", 0, &m, ds);
    logreg_free(&m);
    return a;
}

/* ---- main ----------------------------------------------------------------- */

/* Step 2: scikit-learn's stored answer (for the lesson's data), then
 * Newton's method from w = 0, b = 0. Returns CHAPTER_DONE, or
 * CHAPTER_TRAINING_FAILED after saying why. */
static int run_newton(Study *st, const Dataset *ds, const Reference *sk_ref, int lesson) {
    if (lesson) st->answers[st->n_answers++] = sklearn_answer(sk_ref, ds);
    // [snippet newton]
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
    LrError err;
    st->singular = logreg_fit_newton(&st->newton, &ds->X, ds->y, &par, st->trace, &st->res, &err) != 0;
    // did the steps shrink, or run off as the classes separate? (lib/diagnose)
    double longest = 0.0, last = st->trace[st->res.iterations].step_norm;
    for (size_t k = 1; k <= st->res.iterations; k++) longest = fmax(longest, st->trace[k].step_norm);
    st->sep = diag_separation(longest, last, st->trace[st->res.iterations].moved);
    // [end newton]
    if (st->singular && chapter_singular_status(ds, study_separated(st), &err) != CHAPTER_DONE) {
        return CHAPTER_TRAINING_FAILED;
    }
    chapter_note_constant(ds);
    st->answers[st->n_answers++] = make_answer("Newton", 0, &st->newton, ds);
    return CHAPTER_DONE;
}

/* --epochs not given: the long run cut to GD_WORK (at least the lesson's
 * 500 epochs), said on stdout when it is cut. */
static void fit_epochs_to_data(CourseRun *o, const Dataset *ds) {
    for (size_t k = 0; k < sizeof o->opts / sizeof o->opts[0] && o->opts[k].name != NULL; k++) {
        if (strcmp(o->opts[k].name, "--epochs") == 0 && o->opts[k].given) return;
    }
    size_t epochs = course_gd_within(&o->gd, ds->n, ds->d, GD_WORK);
    if (epochs == o->gd.epochs) return;
    printf("The long gradient-descent run: %zu epochs, not %zu, so that it takes\n"
           "seconds on data this large; --epochs N sets its length.\n\n",
           epochs, o->gd.epochs);
    o->gd.epochs = epochs;
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 100000)};
    o.gd.min_epochs = SNAPSHOTS[0];   // at least the lesson's 500
    o.gd.epochs_what = "the long gradient-descent run, fewer on large data";
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 6: our weights against scikit-learn's, and Newton's method.",
               NULL, 0);
    Reference gd_ref, sk_ref;
    chapter_load_reference(&gd_ref, "gd-classification.txt");
    chapter_load_reference(&sk_ref, "sklearn-classification.txt");
    char about[256];
    chapter_print("Chapter 6: our answer against scikit-learn's, on %s\n(%zu samples, %zu features)\n\n",
                  course_describe(&o.data, about, sizeof about), ds.n, ds.d);

    fit_epochs_to_data(&o, &ds);
    Study st;
    study_init(&st, &o, ds.d);
    // Newton's method needs no learning rate: it runs even when gradient descent diverged
    int gd_status = run_gd(&st, &ds, &o), status = run_newton(&st, &ds, &sk_ref, o.lesson);
    st.gd_diverged = gd_status != CHAPTER_DONE;
    if (st.gd_diverged && !(isfinite(st.res.loss) && isfinite(st.res.grad_norm))) status = gd_status;   // past any scale
    if (status == CHAPTER_DONE) {
        study_yours_run(&st, &ds, o.lesson);
        study_report(&st, &ds, &gd_ref, &sk_ref, o.lesson, o.gd.lr);
        if (gd_status == CHAPTER_DONE) study_plot(&pl, &st, o.lesson, o.gd.lr, o.gd.epochs);
        status = study_yours(&st, &ds, &sk_ref, o.lesson);
    }
    if (status == CHAPTER_DONE) status = gd_status;   // exit 3 when gradient descent diverged

    study_free(&st);
    ref_free(&sk_ref);
    ref_free(&gd_ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
