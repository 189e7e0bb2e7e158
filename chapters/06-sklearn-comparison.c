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

/* Gradient descent is reported after these many epochs (and after --epochs). */
static const size_t SNAPSHOTS[] = {500, 5000, 50000};
enum { N_SNAPSHOTS = sizeof SNAPSHOTS / sizeof SNAPSHOTS[0], MAX_ANSWERS = N_SNAPSHOTS + 3 };
/* scikit-learn's C; its penalty (1/2)||w||^2 + C sum BCE is ours with lambda = 1/C. */
#define SKLEARN_C 1e10

typedef struct {
    CourseData data;    // the data set: the lesson's, generated, unless options change it
    double lr;          // learning rate of gradient descent
    size_t epochs;      // length of the long gradient-descent run
    int lesson;         // 1 when data, lr and epochs are the lesson's: compare with the references
} Options;

/* One answer to "which w and b minimise the loss?" and how good it is. */
typedef struct {
    char name[24];      // "GD-500", "scikit-learn", "Newton"
    size_t epochs;      // for gradient descent: after how many epochs (else 0)
    LogReg m;           // its weights
    double loss;        // the mean BCE at those weights
    double grad_norm;   // ||(dw, db)|| there: 0 exactly at the minimum
    double accuracy;    // training accuracy, threshold 1/2
} Answer;

static Options parse_options(int argc, char **argv, ChapterOption *opts) {
    Options o = {.data = course_defaults(COURSE_CLASSIFICATION), .lr = 0.1, .epochs = 100000};
    size_t n = course_options(&o.data, opts);
    opts[n++] = (ChapterOption){"--lr", "RATE", "learning rate of gradient descent (default 0.1)", OPT_REAL, &o.lr,
                                1e-12, 1e6, 0};
    opts[n++] = (ChapterOption){"--epochs", "N", "length of the long gradient-descent run (default 100000)",
                                OPT_COUNT, &o.epochs, 500, 1e7, 0};
    chapter_parse(argc, argv, "Chapter 6: our weights against scikit-learn's, and Newton's method.", opts, n);
    o.lesson = course_is_lesson(&o.data) && o.lr == 0.1 && o.epochs == 100000;
    return o;
}

/* Fills in the loss, gradient norm and accuracy of a's weights. */
static void measure(Answer *a, const Dataset *ds) {
    a->loss = logreg_loss(&a->m, &ds->X, ds->y, 0.0);
    a->grad_norm = logreg_grad_norm(&a->m, &ds->X, ds->y, 0.0);
    double *pred = vec_new(ds->n);
    logreg_predict(&a->m, &ds->X, 0.5, pred);
    a->accuracy = metrics_accuracy(pred, ds->y, ds->n);
    free(pred);
}

static Answer copy_answer(const char *name, size_t epochs, const LogReg *m, const Dataset *ds) {
    Answer a = {.epochs = epochs};
    snprintf(a.name, sizeof a.name, "%s", name);
    logreg_init(&a.m, m->d);
    for (size_t j = 0; j < m->d; j++) a.m.w[j] = m->w[j];
    a.m.b = m->b;
    measure(&a, ds);
    return a;
}

/* Gradient descent from w = 0, b = 0 for each snapshot length below
 * o->epochs and for o->epochs itself, as the lesson's NumPy runs were made;
 * losses (o->epochs) gets the loss before every update of the longest run.
 * Returns the number of answers written. *status is CHAPTER_DONE, or
 * CHAPTER_TRAINING_FAILED (after saying why) when a run failed. */
static size_t run_gd(const Dataset *ds, const Options *o, Answer *answers, double *losses, int *status) {
    *status = CHAPTER_DONE;
    size_t count = 0;
    for (int k = 0; k <= N_SNAPSHOTS; k++) {
        size_t epochs = k < N_SNAPSHOTS ? SNAPSHOTS[k] : o->epochs;
        if (k < N_SNAPSHOTS && epochs >= o->epochs) continue;
        LogReg m;
        logreg_init(&m, ds->d);
        LogRegParams par = {.lr = o->lr, .epochs = epochs, .lambda = 0.0};
        TrainResult fit = logreg_fit_gd(&m, &ds->X, ds->y, &par, k == N_SNAPSHOTS ? losses : NULL);
        char name[24];
        snprintf(name, sizeof name, "GD-%zu", epochs);
        answers[count++] = copy_answer(name, epochs, &m, ds);
        logreg_free(&m);
        if (*status == CHAPTER_DONE) *status = chapter_fit_status(fit, o->lr, NULL);
    }
    return count;
}

/* scikit-learn's stored coefficients as an Answer (measured by our code). */
static Answer sklearn_answer(const Reference *ref, const Dataset *ds) {
    LogReg m;
    logreg_init(&m, 2);
    m.w[0] = ref_value(ref, "coef", 0);
    m.w[1] = ref_value(ref, "coef", 1);
    m.b = ref_value(ref, "intercept", 0);
    Answer a = copy_answer("scikit-learn", 0, &m, ds);
    logreg_free(&m);
    return a;
}

/* ---- printing ------------------------------------------------------------- */

static void print_lesson_comparison(const Answer *gd500, const Answer *sk,
                                    const Reference *gd_ref) {
    printf("The lesson's comparison: our 500 epochs of gradient descent, the lesson's NumPy\n"
           "run of the same loop, and scikit-learn's LogisticRegression(C=1e10):\n\n");
    printf("%-10s %16s %16s %9s %16s\n", "", "GD, 500 epochs", "NumPy, 500", "|diff|", "scikit-learn");
    const char *labels[] = {"w[0]", "w[1]", "b", "accuracy"};
    const char *keys[] = {"w", "w", "b", "accuracy"};
    double ours[] = {gd500->m.w[0], gd500->m.w[1], gd500->m.b, gd500->accuracy};
    double theirs[] = {sk->m.w[0], sk->m.w[1], sk->m.b, sk->accuracy};
    for (int k = 0; k < 4; k++) {
        double numpy = ref_value(gd_ref, keys[k], k == 1 ? 1 : 0);
        printf("%-10s %16.12f %16.12f %9.1e %16.12f\n", labels[k], ours[k], numpy, fabs(ours[k] - numpy), theirs[k]);
    }
    printf("\nSame loop, same numbers: ours and NumPy's agree to the last bits. But both are\n"
           "far from scikit-learn's: w[0] is %.2f, not %.2f. Is one of them wrong?\n\n",
           gd500->m.w[0], sk->m.w[0]);
}

/* The answers table: weights, distance to the optimum in loss and in (w, b), gradient norm. */
static void print_answers(const Answer *answers, size_t n_answers, const Answer *best) {
    printf("At a minimum of the loss its gradient is zero, so the gradient's length says how\n"
           "far from converged an answer is. Every answer, measured against Newton's (below):\n\n");
    printf("%-12s %12s %12s %13s %8s %8s %8s\n", "answer", "w[0]", "w[1]", "b", "L - L*", "||grad||",
           "distance");
    for (size_t k = 0; k < n_answers; k++) {
        const Answer *a = &answers[k];
        double dist = hypot(hypot(a->m.w[0] - best->m.w[0], a->m.w[1] - best->m.w[1]), a->m.b - best->m.b);
        printf("%-12s %12.9f %12.9f %13.9f %8.1e %8.1e %8.1e\n", a->name, a->m.w[0], a->m.w[1], a->m.b,
               a->loss - best->loss, a->grad_norm, dist);
    }
    printf("(L* = %.15f is the loss at Newton's answer; distance is ||(w, b) - (w*, b*)||.)\n\n", best->loss);
}

/* 1 when Newton "converged" with steps that stayed long: quadratic
 * convergence ends with tiny steps, so steps that stay long while the
 * gradient vanishes mean (w, b) is running off to infinity (separable classes). */
static int runs_off(const LogRegNewtonIter *trace, const LogRegNewtonResult *res) {
    double largest_step = 0.0;
    for (size_t k = 1; k <= res->iterations; k++) largest_step = fmax(largest_step, trace[k].step_norm);
    return res->converged && res->iterations > 0 && trace[res->iterations].step_norm > 1e-3 * largest_step;
}

static void print_newton(const LogRegNewtonIter *trace, const LogRegNewtonResult *res) {
    printf("Newton's method (IRLS) from w = 0, b = 0: each step solves H delta = g for the\n"
           "3 x 3 Hessian H = X~^T S X~ / n (X~ is X with a column of ones for the bias,\n"
           "S = diag(p_i (1 - p_i))), and moves (w, b) by -delta:\n\n");
    printf("%-9s %20s %14s %14s\n", "iteration", "loss", "||grad||", "||step||");
    for (size_t k = 0; k <= res->iterations; k++) {
        char step[24] = "-";
        if (k > 0) snprintf(step, sizeof step, "%14.3e", trace[k].step_norm);
        printf("%-9zu %20.15f %14.3e %14s%s\n", k, trace[k].loss, trace[k].grad_norm, step,
               k > 0 && trace[k].step_scale < 1 ? " (step halved)" : "");
    }
    if (runs_off(trace, res)) {
        printf("WARNING: the gradient vanished but the steps did not shrink: the classes can be\n"
               "separated by a line, so the loss has no minimum and w grows without end (an L2\n"
               "penalty, chapter 5, gives it one). These weights are not an answer.\n\n");
    } else if (res->converged) {
        printf("converged after %zu iterations: ||grad|| <= %g x ||grad at the start||\n\n", res->iterations,
               LOGREG_NEWTON_TOL);
    } else {
        printf("WARNING: not converged after %zu iterations (||grad|| = %.3e)\n\n", res->iterations, res->grad_norm);
    }
}

/* Newton's coefficients beside scikit-learn's stored ones, with the relative difference. */
static void print_against_sklearn(const Answer *newton, const Reference *sk_ref) {
    printf("Newton beside scikit-learn's stored answer:\n\n");
    printf("%-10s %18s %18s %10s %10s\n", "", "Newton", "scikit-learn", "|diff|", "relative");
    const char *labels[] = {"coef[0]", "coef[1]", "intercept"};
    double ours[] = {newton->m.w[0], newton->m.w[1], newton->m.b};
    double worst = 0.0;
    for (int k = 0; k < 3; k++) {
        double sk = ref_value(sk_ref, k < 2 ? "coef" : "intercept", k < 2 ? (size_t)k : 0);
        double rel = fabs(ours[k] - sk) / fabs(sk);
        worst = fmax(worst, rel);
        printf("%-10s %18.12f %18.12f %10.1e %10.1e\n", labels[k], ours[k], sk, fabs(ours[k] - sk), rel);
    }
    printf("\nThey agree to a relative %.0e: %d significant digits.\n\n", worst, (int)floor(-log10(worst)));
}

static void print_against_long_gd(const Answer *newton, const Reference *gd_ref, size_t epochs) {
    char w_key[32], b_key[32];
    snprintf(w_key, sizeof w_key, "w_%zu", epochs);
    snprintf(b_key, sizeof b_key, "b_%zu", epochs);
    double diff = fmax(fmax(fabs(newton->m.w[0] - ref_value(gd_ref, w_key, 0)),
                            fabs(newton->m.w[1] - ref_value(gd_ref, w_key, 1))),
                       fabs(newton->m.b - ref_value(gd_ref, b_key, 0)));
    printf("Newton beside %zu epochs of the lesson's NumPy gradient descent, a slow but\n"
           "independent road to the same minimum: largest difference %.1e.\n\n", epochs, diff);
}

/* Says whether one more epoch would move the last gradient-descent answer. */
static void print_stalled(const Answer *last, const Dataset *ds, double lr) {
    LogReg m;
    logreg_init(&m, last->m.d);
    for (size_t j = 0; j < m.d; j++) m.w[j] = last->m.w[j];
    m.b = last->m.b;
    LogRegParams par = {.lr = lr, .epochs = 1, .lambda = 0.0};
    logreg_fit_gd(&m, &ds->X, ds->y, &par, NULL);
    int moved = m.b != last->m.b;
    for (size_t j = 0; j < m.d; j++) moved |= m.w[j] != last->m.w[j];
    if (!moved) {
        printf("After %zu epochs gradient descent has stopped: one more epoch leaves w and b\n"
               "unchanged to the last bit. Each step lr x gradient is now smaller than half\n"
               "the spacing of doubles near w, so w - lr x gradient rounds back to w.\n\n", last->epochs);
    }
    logreg_free(&m);
}

/* Our long runs against NumPy's (only the snapshots NumPy stored). */
static void print_gd_check(const Answer *answers, size_t n_gd, const Reference *gd_ref) {
    double worst = 0.0;
    for (size_t k = 1; k < n_gd; k++) {
        char w_key[32], b_key[32], loss_key[32];
        snprintf(w_key, sizeof w_key, "w_%zu", answers[k].epochs);
        snprintf(b_key, sizeof b_key, "b_%zu", answers[k].epochs);
        snprintf(loss_key, sizeof loss_key, "loss_%zu", answers[k].epochs);
        worst = fmax(worst, fabs(answers[k].m.w[0] - ref_value(gd_ref, w_key, 0)));
        worst = fmax(worst, fabs(answers[k].m.w[1] - ref_value(gd_ref, w_key, 1)));
        worst = fmax(worst, fabs(answers[k].m.b - ref_value(gd_ref, b_key, 0)));
        worst = fmax(worst, fabs(answers[k].loss - ref_value(gd_ref, loss_key, 0)));
    }
    printf("Our long gradient-descent runs agree with the lesson's NumPy loop run as long:\n"
           "largest difference in w, b and the loss %.1e.\n\n", worst);
}

static void print_conclusion(const Answer *sk, const Answer *newton, const Reference *sk_ref, size_t n,
                             double penalty_shift) {
    double dist = hypot(hypot(sk->m.w[0] - newton->m.w[0], sk->m.w[1] - newton->m.w[1]), sk->m.b - newton->m.b);
    printf("So scikit-learn's answer is itself a measurement, with an error. Its gradient norm,\n"
           "as we compute it and as NumPy does from the stored coefficients:\n\n");
    printf("%-10s %20.12e %20.12e\n\n", "||grad||", sk->grad_norm, ref_value(sk_ref, "grad_norm", 0));
    printf("It lies %.1e from the minimum. Its L-BFGS solver minimises the summed loss, and\n"
           "stopped after %.0f iterations, once every component of that gradient was below\n"
           "tol = 1e-4, which is %.1e for our mean loss. Near a minimum the loss is flat:\n"
           "L - L* is only %.1e while the weights are still off in the 7th digit.\n",
           dist, ref_value(sk_ref, "n_iter", 0), 1e-4 / (double)n, sk->loss - newton->loss);
    printf("Its C = 1e10 adds the penalty (1/2C)||w||^2 to that sum, our lambda = 1/C = 1e-10:\n"
           "Newton with that penalty moves the answer by only %.1e, so the penalty is not the gap.\n\n",
           penalty_shift);
}

/* ---- the plot ------------------------------------------------------------- */

/* Every STRIDE-th epoch after the first EVERY_EPOCH goes into the plot. */
#define PLOT_EVERY_EPOCH 200
#define PLOT_STRIDE 100

/* L - L* on a log scale: gradient descent against epochs, Newton against iterations. */
static void plot_convergence(const Plotter *pl, const double *losses, size_t epochs, double lr,
                             const LogRegNewtonIter *trace,
                             const LogRegNewtonResult *res, double best_loss, double sk_gap, double gd500_gap) {
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
                 "offset 1.2,0", gd500_gap);
    plot_cmd(&p, "set title 'gradient descent, lr %g'", lr);
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set xtics 0, %g", (double)epochs / 4);
    plot_cmd(&p, "plot $gd using 1:2 with lines lt 1 title 'gradient descent', "
                 "%.10g with lines lt 2 dt 2 title 'scikit-learn''s answer'", sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset label 2");
    plot_cmd(&p, "unset label 1");   // the key sits there; the left panel names the line
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "set title 'Newton''s method'");
    plot_cmd(&p, "set xlabel 'iteration'");
    plot_cmd(&p, "set xtics 1");
    plot_cmd(&p, "set xrange [0:%zu]", res->iterations);
    plot_cmd(&p, "plot $newton using 1:2 with linespoints lt 3 pt 7 ps 1 title 'Newton', "
                 "%.10g with lines lt 2 dt 2 title 'scikit-learn''s answer'", sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset multiplot");
    chapter_show(pl, &p);
}

/* ---- main ----------------------------------------------------------------- */

/* How far scikit-learn's tiny penalty, lambda = 1/C, moves the minimum:
 * ||(w, b) with the penalty - (w, b) without||, or NAN if that fit failed. */
static double penalty_shift(const Dataset *ds, const LogReg *newton) {
    LogReg with_c;
    logreg_init(&with_c, ds->d);
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 1.0 / SKLEARN_C};
    LogRegNewtonResult res;
    LrError err;
    int ok = logreg_fit_newton(&with_c, &ds->X, ds->y, &par, NULL, &res, &err) == 0 && res.converged;
    double shift = hypot(hypot(with_c.w[0] - newton->w[0], with_c.w[1] - newton->w[1]), with_c.b - newton->b);
    logreg_free(&with_c);
    return ok ? shift : NAN;
}

int main(int argc, char **argv) {
    ChapterOption opts[COURSE_MAX_OPTIONS + 4];
    Options o = parse_options(argc, argv, opts);
    Plotter pl;
    chapter_plotter(&pl);
    Dataset ds;
    course_load(&o.data, &ds);
    char about[256];
    course_describe(&o.data, about, sizeof about);
    if (ds.d != 2) {
        dataset_free(&ds);
        chapter_fail("%s has %zu features; this chapter's tables show two weights, so it needs 2", about, ds.d);
    }
    Reference gd_ref, sk_ref;
    chapter_load_reference(&gd_ref, "gd-classification.txt");
    chapter_load_reference(&sk_ref, "sklearn-classification.txt");
    printf("Chapter 6: our answer against scikit-learn's, on %s\n(%zu samples, %zu features)\n\n",
           about, ds.n, ds.d);

    Answer answers[MAX_ANSWERS];
    double *losses = vec_new(o.epochs);
    int status;
    size_t n_gd = run_gd(&ds, &o, answers, losses, &status), n_answers = n_gd;
    if (o.lesson) answers[n_answers++] = sklearn_answer(&sk_ref, &ds);
    LogReg newton;
    logreg_init(&newton, ds.d);
    if (status != CHAPTER_DONE) goto cleanup;

    // [snippet newton]
    LogRegNewtonParams par = {.tol = LOGREG_NEWTON_TOL, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
    LogRegNewtonIter trace[LOGREG_NEWTON_MAX_ITER + 1];   // one row per iterate
    LogRegNewtonResult res;
    LrError err;
    if (logreg_fit_newton(&newton, &ds.X, ds.y, &par, trace, &res, &err) != 0) {
        status = chapter_error(CHAPTER_TRAINING_FAILED, "%s", err.msg);
        goto cleanup;
    }
    // [end newton]
    answers[n_answers++] = copy_answer("Newton", 0, &newton, &ds);
    const Answer *best = &answers[n_answers - 1], *sk = &answers[n_gd];

    if (runs_off(trace, &res)) {
        printf("WARNING: these classes can be separated by a line, so the loss has no minimum and\n"
               "the table below compares answers that are all still on their way to infinity.\n"
               "(Newton's iterations below show it.)\n\n");
    }
    if (o.lesson) print_lesson_comparison(&answers[0], sk, &gd_ref);
    print_answers(answers, n_answers, best);
    print_stalled(&answers[n_gd - 1], &ds, o.lr);
    if (o.lesson) print_gd_check(answers, n_gd, &gd_ref);
    print_newton(trace, &res);
    if (o.lesson) {
        print_against_sklearn(best, &sk_ref);
        print_against_long_gd(best, &gd_ref, o.epochs);
        print_conclusion(sk, best, &sk_ref, ds.n, penalty_shift(&ds, &newton));
    } else {
        printf("(Options differ from the lesson's, so there are no stored NumPy or scikit-learn values to compare.)\n\n");
    }
    plot_convergence(&pl, losses, o.epochs, o.lr, trace, &res, best->loss,
                     o.lesson ? sk->loss - best->loss : NAN, answers[0].loss - best->loss);

cleanup:
    for (size_t k = 0; k < n_answers; k++) logreg_free(&answers[k].m);
    logreg_free(&newton);
    free(losses);
    ref_free(&sk_ref);
    ref_free(&gd_ref);
    dataset_free(&ds);
    return status;
}
