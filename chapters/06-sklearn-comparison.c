/* Chapter 6: our answer against scikit-learn's, and Newton's method.
 *
 * The lesson ends by comparing its 500 epochs of gradient descent with
 * scikit-learn's LogisticRegression(C=1e10), and they differ a lot. This
 * chapter shows why (gradient descent has not converged), measures how far
 * each answer is from the minimum (its gradient norm), runs gradient descent
 * much longer, and then reaches the minimum in a handful of steps with
 * Newton's method. scikit-learn's stored values are in
 * data/reference/sklearn-classification.txt.
 *
 *     make chapter-06 && ./chapter-06 [--data FILE.csv] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "logreg.h"
#include "metrics.h"

#include "06-sklearn-comparison/study.h"

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

static void study_init(Study *st, const CourseRun *o) {
    st->n_gd = st->n_answers = 0;
    st->losses = vec_new(o->gd.epochs);
    logreg_init(&st->newton, 2);
}

static void study_free(Study *st) {
    for (size_t k = 0; k < st->n_answers; k++) logreg_free(&st->answers[k].m);
    logreg_free(&st->newton);
    free(st->losses);
}

/* Step 1: gradient descent from w = 0, b = 0 for --epochs epochs, with an
 * answer at each snapshot on the way (the lesson's NumPy runs were made as
 * long) and at the end: one run, continued from snapshot to snapshot.
 * Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
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
        st->answers[st->n_answers++] = make_answer(name, until, &m, ds);
        status = chapter_fit_status(fit, o->gd.lr, NULL);
    }
    st->n_gd = st->n_answers;
    logreg_free(&m);
    return status;
}

/* scikit-learn's stored coefficients as an Answer (measured by our code). */
static Answer sklearn_answer(const Reference *ref, const Dataset *ds) {
    LogReg m;
    logreg_init(&m, 2);
    m.w[0] = ref_value(ref, "coef", 0);
    m.w[1] = ref_value(ref, "coef", 1);
    m.b = ref_value(ref, "intercept", 0);
    Answer a = make_answer("scikit-learn", 0, &m, ds);
    logreg_free(&m);
    return a;
}

/* ---- the plot ------------------------------------------------------------- */

/* Every STRIDE-th epoch after the first EVERY_EPOCH goes into the plot. */
#define PLOT_EVERY_EPOCH 200
#define PLOT_STRIDE 100

/* L - L* on a log scale: gradient descent against epochs, Newton against iterations. */
static void plot_convergence(const Plotter *pl, const Study *st, const CourseRun *o) {
    const double *losses = st->losses;
    const LogRegNewtonIter *trace = st->trace;
    const LogRegNewtonResult *res = &st->res;
    size_t epochs = o->gd.epochs;
    double lr = o->gd.lr, best_loss = st->answers[st->n_answers - 1].loss;
    double sk_gap = o->lesson ? st->answers[st->n_gd].loss - best_loss : NAN;
    double gd500_gap = st->answers[0].loss - best_loss;
    Plot p;
    plot_begin(&p, "chapter-06-convergence");
    plot_data_begin(&p, "gd");
    for (size_t e = 0; e < epochs; e++) {
        if (e >= PLOT_EVERY_EPOCH && e % PLOT_STRIDE != 0) continue;
        double gap = losses[e] - best_loss;
        plot_data_row(&p, 2, (double[]){(double)e, gap > 0 ? gap : NAN});   // <= 0: below rounding
    }
    plot_data_end(&p);
    plot_data_begin(&p, "newton");
    for (size_t k = 0; k <= res->iterations; k++) {
        double gap = trace[k].loss - best_loss;
        plot_data_row(&p, 2, (double[]){(double)k, gap > 0 ? gap : NAN});
    }
    plot_data_end(&p);
    double ulp = best_loss * 2.220446049250313e-16;   // the spacing of doubles near L*
    plot_cmd(&p, "set multiplot layout 1,2 title 'Loss above the minimum, L - L*: "
                 "gradient descent against Newton'");
    plot_cmd(&p, "set logscale y");
    plot_cmd(&p, "set format y '10^{%%L}'");
    plot_cmd(&p, "set yrange [1e-18:1]");
    plot_cmd(&p, "set ylabel 'L - L*'");
    plot_cmd(&p, "set key opaque box center right");
    plot_cmd(&p, "set arrow 1 from graph 0, first %.10g to graph 1, first %.10g nohead dt 3 lc rgb '#888888'",
             ulp, ulp);
    plot_cmd(&p, "set label 1 'one ulp of L*' at graph 0.6, first %.10g offset 0,-0.7 tc rgb '#666666'",
             ulp);
    plot_cmd(&p, "set label 2 'the lesson stops here, 500 epochs' at 500, first %.10g point pt 7 ps 1 lc rgb '#0072B2' "
                 "offset 1.2,0",
             gd500_gap);
    plot_cmd(&p, "set title 'gradient descent, lr %g'", lr);
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set xtics 0, %g", (double)epochs / 4);
    plot_cmd(&p, "plot $gd using 1:2 with lines lt 1 title 'gradient descent', "
                 "%.10g with lines lt 2 dt 2 title 'scikit-learn''s answer'",
             sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset label 2");
    plot_cmd(&p, "unset label 1");   // the key sits there; the left panel names the line
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "set title 'Newton''s method'");
    plot_cmd(&p, "set xlabel 'iteration'");
    plot_cmd(&p, "set xtics 1");
    plot_cmd(&p, "set xrange [0:%zu]", res->iterations);
    plot_cmd(&p, "plot $newton using 1:2 with linespoints lt 3 pt 7 ps 1 title 'Newton', "
                 "%.10g with lines lt 2 dt 2 title 'scikit-learn''s answer'",
             sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset multiplot");
    chapter_show(pl, &p);
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
    if (logreg_fit_newton(&st->newton, &ds->X, ds->y, &par, st->trace, &st->res, &err) != 0) {
        return chapter_error(CHAPTER_TRAINING_FAILED, "%s", err.msg);
    }
    // [end newton]
    st->answers[st->n_answers++] = make_answer("Newton", 0, &st->newton, ds);
    return CHAPTER_DONE;
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 100000)};
    o.gd.min_epochs = SNAPSHOTS[0];   // at least the lesson's 500
    o.gd.epochs_what = "length of the long gradient-descent run";
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 6: our weights against scikit-learn's, and Newton's method.",
               NULL, 0);
    course_need_features(&o.data, &ds, 2, "this chapter's tables show two weights");
    Reference gd_ref, sk_ref;
    chapter_load_reference(&gd_ref, "gd-classification.txt");
    chapter_load_reference(&sk_ref, "sklearn-classification.txt");
    char about[256];
    printf("Chapter 6: our answer against scikit-learn's, on %s\n(%zu samples, %zu features)\n\n",
           course_describe(&o.data, about, sizeof about), ds.n, ds.d);

    Study st;
    study_init(&st, &o);
    int status = run_gd(&st, &ds, &o);
    if (status == CHAPTER_DONE) status = run_newton(&st, &ds, &sk_ref, o.lesson);
    if (status == CHAPTER_DONE) {
        study_report(&st, &ds, &gd_ref, &sk_ref, o.lesson, o.gd.lr);
        plot_convergence(&pl, &st, &o);
    }

    study_free(&st);
    ref_free(&sk_ref);
    ref_free(&gd_ref);
    dataset_free(&ds);
    return status;
}
