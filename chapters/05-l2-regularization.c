/* Chapter 5: L2 regularisation.
 *
 * Adds the penalty (lambda / 2n) ||w||^2 to the loss and trains by gradient
 * descent (lr 0.1, 1000 epochs, the lesson's settings). With no option it
 * sweeps lambda over 0, 0.01, 0.1, 1, 10, 100 and prints how the weights,
 * the loss and the accuracy change, beside the lesson's NumPy loop; with
 * --lambda L it trains one model and prints it in full. Plots the weights and
 * the loss against lambda. Once exercise 05 is written, every fit trains
 * with your l2_penalty and l2_penalty_gradient (in the lesson's loop with
 * your exercises 01-03) and the table and the plots show your numbers.
 *
 *     make chapter-05 && ./chapter-05 [--lambda L] [--data FILE.csv] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "exercises.h"
#include "logreg.h"
#include "metrics.h"
#include "stepsize.h"
#include "yours.h"

#include "05-l2-regularization/sweep.h"

/* The lesson's sweep, as stored in data/reference/l2-classification.txt. */
static const double LAMBDAS[] = {0, 0.01, 0.1, 1, 10, 100};
enum { N_LAMBDAS = sizeof LAMBDAS / sizeof LAMBDAS[0] };

typedef struct {
    CourseRun run;   // the data set, --lr and --epochs; run.lesson: compare with NumPy
    double lambda;   // L2 strength for a single run (--lambda)
    int single;      // 1: train one model with lambda; 0: the sweep
} Options;

/* One trained model and what the chapter reports about it. */
typedef struct {
    double lambda;
    LogReg m;
    double loss;         // the objective before the last update: mean BCE + penalty
    double bce;          // its data part, the mean BCE, at the final weights
    double penalty;      // its penalty part (lambda / 2n) ||w||^2, at the final weights
    double w_norm;       // ||w||
    double accuracy;     // on the training data, threshold 1/2
    TrainResult train;   // how gradient descent ended
} Fit;

/* Trains from w = 0, b = 0 with the given lambda. The caller frees f->m. */
static Fit fit(const Dataset *ds, const Options *o, double lambda) {
    Fit f = {.lambda = lambda};
    // [snippet train]
    logreg_init(&f.m, ds->d);
    LogRegParams par = {.lr = o->run.gd.lr, .epochs = o->run.gd.epochs, .lambda = lambda};
    double *losses = vec_new(o->run.gd.epochs);
    f.train = logreg_fit_gd(&f.m, &ds->X, ds->y, &par, losses);
    f.loss = losses[o->run.gd.epochs - 1];   // as the lesson records it: before the last update
    f.bce = logreg_loss(&f.m, &ds->X, ds->y, 0.0);
    f.penalty = lambda / (2.0 * (double)ds->n) * vec_dot(f.m.w, f.m.w, ds->d);
    f.w_norm = vec_norm(f.m.w, ds->d);
    // [end train]
    double *pred = vec_new(ds->n);
    logreg_predict(&f.m, &ds->X, 0.5, pred);
    f.accuracy = metrics_accuracy(pred, ds->y, ds->n);
    free(pred);
    free(losses);
    return f;
}

/* The same fit with your functions: the lesson's loop (lib/yours-train.c)
 * with your l2_penalty and l2_penalty_gradient and your exercises 01-03;
 * the loss parts and the accuracy from your sigmoid, bce_mean and
 * l2_penalty. The caller frees f->m. */
static Fit fit_yours(const Dataset *ds, const Options *o, double lambda) {
    Fit f = {.lambda = lambda};
    size_t n = ds->n, d = ds->d, epochs = o->run.gd.epochs;
    double *losses = vec_new(epochs), *p = vec_new(n), *theta = vec_new(d + 1);
    logreg_init(&f.m, d);
    yours_fit_gd(ds->X.data, ds->y, n, d, o->run.gd.lr, epochs, lambda, f.m.w, &f.m.b, losses);
    f.train = (TrainResult){.status = TRAIN_OK, .epochs = epochs};   // the library's fit watched for divergence
    f.loss = losses[epochs - 1];
    yours_predict_proba(ds->X.data, n, d, f.m.w, f.m.b, p);   // p_i = sigmoid(x_i . w + b)
    f.bce = bce_mean(ds->y, p, n);
    for (size_t j = 0; j < d; j++) theta[j] = f.m.w[j];   // theta = (w, b)
    theta[d] = f.m.b;
    f.penalty = l2_penalty(theta, d, n, lambda);
    f.w_norm = vec_norm(f.m.w, d);
    for (size_t i = 0; i < n; i++) p[i] = p[i] >= 0.5 ? 1.0 : 0.0;   // pred_i = 1 if p_i >= 1/2
    f.accuracy = metrics_accuracy(p, ds->y, n);
    free(losses);
    free(p);
    free(theta);
    return f;
}

/* The reference value KEY_lam_L[index], or NAN when there is none to compare. */
static double ref_at(const Options *o, const Reference *ref, const char *key, double lambda, size_t index) {
    if (!o->run.lesson) return NAN;
    char name[64];
    snprintf(name, sizeof name, "%s_lam_%g", key, lambda);
    return ref_value(ref, name, index);
}

/* The largest |ours - NumPy| over everything the sweep table shows. With
 * your fits (t not NULL), t counts each number against NumPy's, or against
 * the library's fit lib when there is no NumPy value. */
static double worst_difference(const Options *o, const Reference *ref, const Fit *f, const Fit *lib, YoursTally *t) {
    int two = f->m.d > 1;   // w[1] exists
    double ours[] = {f->m.w[0], two ? f->m.w[1] : NAN, f->m.b, f->w_norm, f->loss, f->accuracy};
    double theirs[] = {ref_at(o, ref, "w", f->lambda, 0), ref_at(o, ref, "w", f->lambda, 1),
                       ref_at(o, ref, "b", f->lambda, 0), ref_at(o, ref, "wnorm", f->lambda, 0),
                       ref_at(o, ref, "loss", f->lambda, 0), ref_at(o, ref, "accuracy", f->lambda, 0)};
    double libs[] = {lib->m.w[0], two ? lib->m.w[1] : NAN, lib->m.b, lib->w_norm, lib->loss, lib->accuracy};
    static const char *const NAMES[] = {"w[0]", "w[1]", "b", "||w||", "loss", "accuracy"};
    double worst = 0.0;
    for (int k = 0; k < 6; k++) {
        if (k == 1 && !two) continue;
        double diff = fabs(ours[k] - theirs[k]);
        if (!(diff <= worst)) worst = diff;   // a NaN of yours is the largest difference
        if (t == NULL) continue;
        char label[48];
        snprintf(label, sizeof label, "%s at lambda = %g", NAMES[k], f->lambda);
        yours_count(t, label, ours[k], isnan(theirs[k]) ? libs[k] : theirs[k]);
    }
    return isnan(theirs[0]) ? NAN : worst;
}

/* The sweep's table: fits (yours when t is not NULL, counted in t), each
 * beside NumPy's; lib holds the library's fits. */
static void print_sweep(const Options *o, const Reference *ref, const Fit *fits, const Fit *lib, YoursTally *t,
                        const Dataset *ds) {
    if (t != NULL) printf("The fits below are yours, with your l2_penalty and l2_penalty_gradient:\n");
    printf("%-6s %12s %12s %12s %12s %9s%s\n", "lambda", "w[0]", "w[1]", "||w||", "loss", "accuracy",
           o->run.lesson ? "  vs NumPy" : "");
    int any_diverged = 0;
    for (int k = 0; k < N_LAMBDAS; k++) {
        const Fit *f = &fits[k];
        if (f->train.status != TRAIN_OK) {   // no numbers to show: say so in its row
            printf("%-6g %12s   (diverged: see the message below)\n", f->lambda, "");
            any_diverged = 1;
            continue;
        }
        char diff[16] = "";   // the vs NumPy column, only beside the lesson's numbers
        double worst = worst_difference(o, ref, f, &lib[k], t);
        if (o->run.lesson) snprintf(diff, sizeof diff, " %9.1e", worst);
        char w1[32] = "-";   // a file of one feature has no w[1]
        if (ds->d > 1) snprintf(w1, sizeof w1, "%12.9f", f->m.w[1]);
        printf("%-6g %12.9f %12s %12.9f %12.9f %9.6f%s\n", f->lambda, f->m.w[0], w1, f->w_norm, f->loss,
               f->accuracy, diff);
    }
    if (ds->d > 2) printf("(w[0] and w[1] are 2 of the %zu weights; ||w|| is the length of all %zu)\n", ds->d, ds->d);
    if (o->run.lesson) {
        printf("(vs NumPy: the largest difference from NumPy's w, b, ||w||, loss and accuracy)\n");
    }
    if (any_diverged) return;
    const Fit *first = &fits[0], *last = &fits[N_LAMBDAS - 1];
    printf("\nFrom lambda = %g to %g, ||w|| shrinks from %.3f to %.3f and the loss (penalty\n"
           "included) rises from %.4f to %.4f; the training accuracy goes\nfrom %.4f to %.4f.\n",
           first->lambda, last->lambda, first->w_norm, last->w_norm, first->loss, last->loss,
           first->accuracy, last->accuracy);
}

/* One model f in full (yours when t is not NULL, counted in t) beside
 * NumPy's, or beside the library's fit lib when NumPy has no value. */
static void print_single(const Options *o, const Reference *ref, const Fit *f, const Fit *lib, YoursTally *t,
                         const Dataset *ds) {
    int stored = 0;
    for (int k = 0; k < N_LAMBDAS; k++) stored |= o->run.lesson && f->lambda == LAMBDAS[k];
    Options shown = *o;
    shown.run.lesson = stored;
    if (t != NULL && !stored) t->ref = "lib/";
    if (t != NULL) printf("Trained with your l2_penalty and l2_penalty_gradient:\n\n");
    yours_header(t, stored ? "NumPy reference" : NULL);
    for (size_t j = 0; j < ds->d; j++) {
        char label[32];
        snprintf(label, sizeof label, "w[%zu]", j);
        yours_row(t, label, f->m.w[j], j < 2 ? ref_at(&shown, ref, "w", f->lambda, j) : NAN, lib->m.w[j]);
    }
    yours_row(t, "b", f->m.b, ref_at(&shown, ref, "b", f->lambda, 0), lib->m.b);
    yours_row(t, "||w||", f->w_norm, ref_at(&shown, ref, "wnorm", f->lambda, 0), lib->w_norm);
    yours_row(t, "loss", f->loss, ref_at(&shown, ref, "loss", f->lambda, 0), lib->loss);
    yours_row(t, "accuracy", f->accuracy, ref_at(&shown, ref, "accuracy", f->lambda, 0), lib->accuracy);
    chapter_print("\nLoss at the final weights: %.6f = %.6f (mean BCE) + %.6f (penalty).\n",
                  f->bce + f->penalty, f->bce, f->penalty);
    if (o->run.lesson && !stored) {
        printf("(NumPy's values are stored for lambda = 0, 0.01, 0.1, 1, 10 and 100 only.)\n");
    }
}

/* Fits for lambda = 10^PLOT_LOG_MIN .. 10^PLOT_LOG_MAX into rows (N_SWEEP);
 * by gradient descent with your functions when yours is 1. */
static void run_sweep(const Dataset *ds, const Options *o, int yours, SweepRow *rows) {
    for (int k = 0; k < N_SWEEP; k++) {
        double lambda = pow(10.0, PLOT_LOG_MIN + (double)k / PLOT_PER_DECADE);
        Fit f = yours ? fit_yours(ds, o, lambda) : fit(ds, o, lambda);
        LogReg best;
        logreg_init(&best, ds->d);
        LogRegNewtonParams par = {LOGREG_NEWTON_TOL, LOGREG_NEWTON_MAX_ITER, lambda};
        LogRegNewtonResult res;
        LrError err;
        int ok = logreg_fit_newton(&best, &ds->X, ds->y, &par, NULL, &res, &err) == 0 && res.converged;
        double gd = f.train.status != TRAIN_OK ? NAN : 1.0;   // a diverged fit leaves a gap in the curves
        rows[k] = (SweepRow){{lambda, gd * f.m.w[0], gd * f.m.w[1], gd * f.m.b, gd * f.bce,
                              gd * (f.bce + f.penalty), gd * f.accuracy, ok ? best.w[0] : NAN, ok ? best.w[1] : NAN}};
        logreg_free(&best);
        logreg_free(&f.m);
    }
}

/* Your fits of the same lambdas as lib's (n_fits) into mine. Returns 1
 * when every function they ran is written (then the chapter shows them),
 * else 0 after saying which exercise is not done (mine is then empty). */
static int run_yours(const Options *o, const Dataset *ds, const Fit *lib, Fit *mine, int n_fits) {
    if (!yours_begin()) return 0;              // --lib
    const double theta[3] = {1.0, 2.0, 0.5};   // a fit with lambda = 0 calls neither: ask them once
    double grad[3];
    (void)l2_penalty(theta, 2, 10, 1.0);
    l2_penalty_gradient(theta, 2, 10, 1.0, grad);
    for (int k = 0; k < n_fits; k++) mine[k] = fit_yours(ds, o, lib[k].lambda);
    if (yours_end(5, "trains with lib/logreg.c")) return 1;
    for (int k = 0; k < n_fits; k++) logreg_free(&mine[k].m);
    return 0;
}

/* Step 1: the lesson's sweep of lambda, or one model (--lambda), printed
 * beside NumPy's (yours once exercise 05 is written, and then *yours = 1);
 * the rows that trained are shown even when one diverged. Returns
 * CHAPTER_DONE, CHAPTER_TRAINING_FAILED after saying why, or YOURS_DIFFER. */
static int train_and_print(const Options *o, const Dataset *ds, const Reference *ref, int *yours) {
    Fit fits[N_LAMBDAS], mine[N_LAMBDAS];
    int n_fits = o->single ? 1 : N_LAMBDAS, first_diverged = -1;
    for (int k = 0; k < n_fits; k++) {
        fits[k] = fit(ds, o, o->single ? o->lambda : LAMBDAS[k]);
        if (first_diverged < 0 && fits[k].train.status != TRAIN_OK) first_diverged = k;
    }
    *yours = first_diverged < 0 && run_yours(o, ds, fits, mine, n_fits);
    YoursTally t;
    yours_tally_init(&t, 5, o->run.lesson ? "NumPy" : "lib/");
    YoursTally *tp = *yours ? &t : NULL;
    const Fit *shown = *yours ? mine : fits;
    if (first_diverged < 0 && o->single) print_single(o, ref, &shown[0], &fits[0], tp, ds);
    if (!o->single) print_sweep(o, ref, shown, fits, tp, ds);
    int status = CHAPTER_DONE;
    if (first_diverged >= 0) {
        char where[64];
        snprintf(where, sizeof where, "at lambda = %g", fits[first_diverged].lambda);
        // the penalty adds lambda / n to the curvature: the safe rate is lower (lib/stepsize)
        chapter_note_safe_lr(stepsize_max_lr(&ds->X, fits[first_diverged].lambda, STEPSIZE_MESSAGE_TOL));
        chapter_note_penalty(fits[first_diverged].lambda, ds->n);
        status = chapter_fit_status(fits[first_diverged].train, o->run.gd.lr, where);
    }
    if (status == CHAPTER_DONE && !o->run.lesson) {
        printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
    }
    if (*yours) {
        char summary[96];
        if (o->single) snprintf(summary, sizeof summary, "||w|| = %.4f at lambda = %g", shown[0].w_norm, shown[0].lambda);
        else snprintf(summary, sizeof summary, "||w|| = %.4f ... %.4f for lambda = %g ... %g", shown[0].w_norm,
                      shown[n_fits - 1].w_norm, shown[0].lambda, shown[n_fits - 1].lambda);
        printf("\n");
        status = yours_verdict(&t, summary);
    }
    for (int k = 0; k < n_fits; k++) logreg_free(&fits[k].m);
    for (int k = 0; *yours && k < n_fits; k++) logreg_free(&mine[k].m);
    return status;
}

/* Step 2: the weights and the loss against lambda, on a finer sweep (with
 * your functions when yours is 1). */
static void plot_sweep(const Plotter *pl, const Options *o, const Dataset *ds, int yours) {
    if (ds->d != 2) {
        printf("(The plots show two weights, so they need a data set of 2 features.)\n");
        return;
    }
    if (!plot_drawn(pl)) return;   // LR_PLOT=none: the finer sweep is for the plots only
    SweepRow rows[N_SWEEP];
    run_sweep(ds, o, yours, rows);
    sweep_plot_weights(pl, rows, o->run.gd.epochs, o->run.gd.lr);
    sweep_plot_loss(pl, rows);
}

int main(int argc, char **argv) {
    Options o = {.run = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 1000)}};
    ChapterOption lambda[] = {{"--lambda", "L", "train one model with L2 strength L >= 0 (default: a sweep of lambda)",
                               OPT_REAL, &o.lambda, 0, 1e6, 0}};
    Plotter pl;
    Dataset ds;
    course_run(&o.run, &pl, &ds, argc, argv, "Chapter 5: L2 regularisation, and what lambda trades off.", lambda, 1);
    o.single = lambda[0].given;
    Reference ref;
    chapter_load_reference(&ref, "l2-classification.txt");
    char about[256];
    chapter_print("Chapter 5: L2 regularisation, on %s\n(%zu samples, %zu features)\n",
                  course_describe(&o.run.data, about, sizeof about), ds.n, ds.d);
    printf("The loss is the mean BCE + (lambda/2n) ||w||^2;\n"
           "gradient descent, learning rate %g, %zu epoch%s\n\n",
           o.run.gd.lr, o.run.gd.epochs, chapter_s(o.run.gd.epochs));

    int yours = 0;
    int status = train_and_print(&o, &ds, &ref, &yours);
    // a sweep goes on past a lambda that diverged: the plots leave a gap there
    if (status == CHAPTER_DONE || status == YOURS_DIFFER || (!o.single && status == CHAPTER_TRAINING_FAILED)) {
        printf("\n");
        plot_sweep(&pl, &o, &ds, yours);
    }

    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.run.data);
    return status;
}
