/* Chapter 5: L2 regularisation.
 *
 * Adds the penalty (lambda / 2n) ||w||^2 to the loss and trains by gradient
 * descent (lr 0.1, 1000 epochs, the lesson's settings). With no option it
 * sweeps lambda over 0, 0.01, 0.1, 1, 10, 100 and prints how the weights,
 * the loss and the accuracy change, beside the lesson's NumPy loop; with
 * --lambda L it trains one model and prints it in full. Plots the weights and
 * the loss against lambda.
 *
 *     make chapter-05 && ./chapter-05 [--lambda L] [--data FILE.csv] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "logreg.h"
#include "metrics.h"

/* The lesson's sweep, as stored in data/reference/l2-classification.txt. */
static const double LAMBDAS[] = {0, 0.01, 0.1, 1, 10, 100};
enum { N_LAMBDAS = sizeof LAMBDAS / sizeof LAMBDAS[0] };
/* The plots run lambda from 10^PLOT_LOG_MIN to 10^PLOT_LOG_MAX, PLOT_PER_DECADE per decade. */
#define PLOT_LOG_MIN (-2)
#define PLOT_LOG_MAX 3
#define PLOT_PER_DECADE 10

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

/* The reference value KEY_lam_L[index], or NAN when there is none to compare. */
static double ref_at(const Options *o, const Reference *ref, const char *key, double lambda, size_t index) {
    if (!o->run.lesson) return NAN;
    char name[64];
    snprintf(name, sizeof name, "%s_lam_%g", key, lambda);
    return ref_value(ref, name, index);
}

/* The largest |ours - NumPy| over everything the sweep table shows. */
static double worst_difference(const Options *o, const Reference *ref, const Fit *f) {
    double ours[] = {f->m.w[0], f->m.w[1], f->m.b, f->w_norm, f->loss, f->accuracy};
    double theirs[] = {ref_at(o, ref, "w", f->lambda, 0), ref_at(o, ref, "w", f->lambda, 1),
                       ref_at(o, ref, "b", f->lambda, 0), ref_at(o, ref, "wnorm", f->lambda, 0),
                       ref_at(o, ref, "loss", f->lambda, 0), ref_at(o, ref, "accuracy", f->lambda, 0)};
    double worst = 0.0;
    for (int k = 0; k < 6; k++) worst = fmax(worst, fabs(ours[k] - theirs[k]));   // fmax drops NaN
    return isnan(theirs[0]) ? NAN : worst;
}

static void print_sweep(const Options *o, const Reference *ref, const Fit *fits, const Dataset *ds) {
    printf("%-8s %15s %15s %15s %15s %9s %10s\n", "lambda", "w[0]", "w[1]", "||w||", "loss", "accuracy",
           o->run.lesson ? "vs NumPy" : "");
    int any_diverged = 0;
    for (int k = 0; k < N_LAMBDAS; k++) {
        const Fit *f = &fits[k];
        if (f->train.status != TRAIN_OK) {   // no numbers to show: say so in its row
            printf("%-8g %15s   (diverged: see the message below)\n", f->lambda, "");
            any_diverged = 1;
            continue;
        }
        char diff[16] = "";
        if (o->run.lesson && ds->d == 2) snprintf(diff, sizeof diff, "%10.1e", worst_difference(o, ref, f));
        char w1[32] = "-";   // a file of one feature has no w[1]
        if (ds->d > 1) snprintf(w1, sizeof w1, "%15.12f", f->m.w[1]);
        printf("%-8g %15.12f %15s %15.12f %15.12f %9.6f %10s\n", f->lambda, f->m.w[0], w1, f->w_norm, f->loss,
               f->accuracy, diff);
    }
    if (o->run.lesson) {
        printf("(the last column: the largest difference from NumPy's w, b, ||w||, loss and accuracy)\n");
    }
    if (any_diverged) return;
    const Fit *first = &fits[0], *last = &fits[N_LAMBDAS - 1];
    printf("\nFrom lambda = %g to %g, ||w|| shrinks from %.3f to %.3f and the loss (penalty\n"
           "included) rises from %.4f to %.4f; the training accuracy goes from %.4f to %.4f.\n",
           first->lambda, last->lambda, first->w_norm, last->w_norm, first->loss, last->loss,
           first->accuracy, last->accuracy);
}

static void print_single(const Options *o, const Reference *ref, const Fit *f, const Dataset *ds) {
    int stored = 0;
    for (int k = 0; k < N_LAMBDAS; k++) stored |= o->run.lesson && f->lambda == LAMBDAS[k];
    Options shown = *o;
    shown.run.lesson = stored;
    printf("%-14s %20s %20s %10s\n", "", "ours", stored ? "NumPy reference" : "", stored ? "|diff|" : "");
    for (size_t j = 0; j < ds->d; j++) {
        char label[32];
        snprintf(label, sizeof label, "w[%zu]", j);
        chapter_compare(label, f->m.w[j], j < 2 ? ref_at(&shown, ref, "w", f->lambda, j) : NAN);
    }
    chapter_compare("b", f->m.b, ref_at(&shown, ref, "b", f->lambda, 0));
    chapter_compare("||w||", f->w_norm, ref_at(&shown, ref, "wnorm", f->lambda, 0));
    chapter_compare("loss", f->loss, ref_at(&shown, ref, "loss", f->lambda, 0));
    chapter_compare("accuracy", f->accuracy, ref_at(&shown, ref, "accuracy", f->lambda, 0));
    printf("\nAt the final weights the loss is %.6f = %.6f (mean BCE) + %.6f (penalty).\n",
           f->bce + f->penalty, f->bce, f->penalty);
    if (o->run.lesson && !stored) {
        printf("(NumPy's values are stored for lambda = 0, 0.01, 0.1, 1, 10 and 100 only.)\n");
    }
}

enum { N_SWEEP = (PLOT_LOG_MAX - PLOT_LOG_MIN) * PLOT_PER_DECADE + 1 };

/* The plots' rows, one per lambda: lambda, w[0], w[1], b, mean BCE, loss,
 * accuracy (gradient descent as in the table), then w[0], w[1] at the
 * minimum (Newton's method, chapter 6; NAN if it did not converge). */
typedef struct {
    double row[9];
} SweepRow;

/* Fits for lambda = 10^PLOT_LOG_MIN .. 10^PLOT_LOG_MAX into rows (N_SWEEP). */
static void run_sweep(const Dataset *ds, const Options *o, SweepRow *rows) {
    for (int k = 0; k < N_SWEEP; k++) {
        double lambda = pow(10.0, PLOT_LOG_MIN + (double)k / PLOT_PER_DECADE);
        Fit f = fit(ds, o, lambda);
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

static void add_sweep(Plot *p, const SweepRow *rows) {
    plot_data_begin(p, "sweep");
    for (int k = 0; k < N_SWEEP; k++) plot_data_row(p, 9, rows[k].row);
    plot_data_end(p);
}

static void plot_weights(const Plotter *pl, const SweepRow *rows, const Options *o) {
    Plot p;
    plot_begin(&p, "chapter-05-weights");
    add_sweep(&p, rows);
    plot_cmd(&p, "set title 'L2 regularisation shrinks the weights (%zu epochs of gradient descent, lr %g)'",
             o->run.gd.epochs, o->run.gd.lr);
    plot_cmd(&p, "set xlabel 'λ' ");
    plot_cmd(&p, "set ylabel 'weight'");
    plot_cmd(&p, "set logscale x");
    plot_cmd(&p, "set format x '10^{%%L}'");
    plot_cmd(&p, "set key opaque box top right");
    plot_cmd(&p, "plot $sweep using 1:2 with linespoints lt 1 pi 5 title 'w_1 after %zu epochs', "
                 "$sweep using 1:3 with linespoints lt 2 pi 5 title 'w_2 after %zu epochs', "
                 "$sweep using 1:4 with linespoints lt 3 pi 5 title 'b after %zu epochs', "
                 "$sweep using 1:8 with lines lt 1 dt 2 title 'w_1 at the minimum (Newton)', "
                 "$sweep using 1:9 with lines lt 2 dt 2 title 'w_2 at the minimum (Newton)'",
             o->run.gd.epochs, o->run.gd.epochs, o->run.gd.epochs);
    chapter_show(pl, &p);
}

static void plot_loss(const Plotter *pl, const SweepRow *rows) {
    Plot p;
    plot_begin(&p, "chapter-05-loss");
    add_sweep(&p, rows);
    plot_cmd(&p, "set title 'What λ trades: a worse fit for smaller weights'");
    plot_cmd(&p, "set xlabel 'λ'");
    plot_cmd(&p, "set ylabel 'loss'");
    plot_cmd(&p, "set y2label 'training accuracy'");
    plot_cmd(&p, "set logscale x");
    plot_cmd(&p, "set format x '10^{%%L}'");
    plot_cmd(&p, "set ytics nomirror");
    plot_cmd(&p, "set y2tics");
    plot_cmd(&p, "set y2range [0.5:1]");
    plot_cmd(&p, "set key opaque box center left");
    plot_cmd(&p, "plot $sweep using 1:6 with lines lt 2 title 'loss: mean BCE + (λ/2n) ||w||^2', "
                 "$sweep using 1:5 with lines lt 1 title 'mean BCE alone (the fit to the data)', "
                 "$sweep using 1:7 axes x1y2 with steps lt 3 title 'training accuracy (right axis)'");
    chapter_show(pl, &p);
}

/* Step 1: the lesson's sweep of lambda, or one model (--lambda), printed
 * beside NumPy's; the rows that trained are shown even when one diverged.
 * Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int train_and_print(const Options *o, const Dataset *ds, const Reference *ref) {
    Fit fits[N_LAMBDAS];
    int n_fits = o->single ? 1 : N_LAMBDAS, first_diverged = -1;
    for (int k = 0; k < n_fits; k++) {
        fits[k] = fit(ds, o, o->single ? o->lambda : LAMBDAS[k]);
        if (first_diverged < 0 && fits[k].train.status != TRAIN_OK) first_diverged = k;
    }
    if (first_diverged < 0 && o->single) print_single(o, ref, &fits[0], ds);
    if (!o->single) print_sweep(o, ref, fits, ds);
    int status = CHAPTER_DONE;
    if (first_diverged >= 0) {
        char where[64];
        snprintf(where, sizeof where, "at lambda = %g", fits[first_diverged].lambda);
        status = chapter_fit_status(fits[first_diverged].train, o->run.gd.lr, where);
    }
    for (int k = 0; k < n_fits; k++) logreg_free(&fits[k].m);
    return status;
}

/* Step 2: the weights and the loss against lambda, on a finer sweep. */
static void plot_sweep(const Plotter *pl, const Options *o, const Dataset *ds) {
    if (ds->d != 2) {
        printf("(The plots show two weights, so they need a data set of 2 features.)\n");
        return;
    }
    SweepRow rows[N_SWEEP];
    run_sweep(ds, o, rows);
    plot_weights(pl, rows, o);
    plot_loss(pl, rows);
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
    printf("Chapter 5: L2 regularisation, on %s\n(%zu samples, %zu features)\n",
           course_describe(&o.run.data, about, sizeof about), ds.n, ds.d);
    printf("The loss is the mean BCE + (lambda/2n) ||w||^2; gradient descent, learning rate %g, %zu epoch%s\n\n",
           o.run.gd.lr, o.run.gd.epochs, chapter_s(o.run.gd.epochs));

    int status = train_and_print(&o, &ds, &ref);
    if (status == CHAPTER_DONE) {
        if (!o.run.lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
        printf("\n");
        plot_sweep(&pl, &o, &ds);
    }

    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.run.data);
    return status;
}
