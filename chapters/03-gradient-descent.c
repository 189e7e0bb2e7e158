/* Chapter 3: training logistic regression by gradient descent.
 *
 * Trains on the lesson's data set (make_classification, 300 samples, 2
 * features) for 500 epochs at learning rate 0.1, starting from w = 0, b = 0,
 * and prints the loss, weights and accuracy beside the values the lesson's
 * NumPy code gets. Plots the data and the loss curve. Once exercise 03 is
 * written, it trains with your gradient and gd_step (and your sigmoid and
 * bce_mean for the loss curve) and prints your numbers beside NumPy's.
 *
 *     make chapter-03 && ./chapter-03 [--lr RATE] [--epochs N] [--seed N] [--data FILE.csv]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "exercises.h"
#include "logreg.h"
#include "metrics.h"
#include "yours.h"

/* Prints the run's numbers beside NumPy's: the loss at a few epochs (and the
 * last one), w, b, accuracy. t is NULL for the library's run; for yours
 * (m, losses) it counts the comparison with NumPy's, or with the library's
 * run (lib, lib_losses) when the options are not the lesson's. */
static void print_results(const CourseRun *o, const LogReg *m, const double *losses, double accuracy,
                          const LogReg *lib, const double *lib_losses, double lib_accuracy, YoursTally *t,
                          const Reference *ref) {
    static const size_t EPOCHS[] = {0, 1, 10, 100, 499};
    yours_header(t, o->lesson ? "NumPy reference" : NULL);
    for (int k = 0; k < 5; k++) {
        size_t e = EPOCHS[k];
        if (e >= o->gd.epochs) break;
        char label[32], key[32];
        snprintf(label, sizeof label, "loss[%zu]", e);
        snprintf(key, sizeof key, "loss_%zu", e);
        yours_row(t, label, losses[e], o->lesson ? ref_value(ref, key, 0) : NAN, lib_losses[e]);
    }
    size_t last = o->gd.epochs - 1;
    int listed = 0;   // the last epoch is one of those above
    for (int k = 0; k < 5; k++) listed |= EPOCHS[k] == last;
    if (!listed) {   // the last epoch, when the list above missed it
        char label[32];
        snprintf(label, sizeof label, "loss[%zu]", o->gd.epochs - 1);
        yours_row(t, label, losses[o->gd.epochs - 1], NAN, lib_losses[o->gd.epochs - 1]);
    }
    for (size_t j = 0; j < m->d; j++) {
        char label[32];
        snprintf(label, sizeof label, "w[%zu]", j);
        yours_row(t, label, m->w[j], o->lesson ? ref_value(ref, "w", j) : NAN, lib->w[j]);
    }
    yours_row(t, "b", m->b, o->lesson ? ref_value(ref, "b", 0) : NAN, lib->b);
    yours_row(t, "accuracy", accuracy, o->lesson ? ref_value(ref, "accuracy", 0) : NAN, lib_accuracy);
    printf("\n(loss[e] is the loss before update e, as the lesson records it;\n"
           "w and b are after the last update.)\n");
}

static void plot_data(const Plotter *pl, const Dataset *ds) {
    if (ds->d > 2) printf("(The data have %zu features; the scatter plot shows the first two.)\n", ds->d);
    if (!plot_drawn(pl)) return;   // LR_PLOT=none: no script of n rows to write and throw away
    Plot p;
    plot_begin(&p, "chapter-03-data");
    for (int cls = 0; cls <= 1; cls++) {
        plot_data_begin(&p, cls == 0 ? "class0" : "class1");
        // (x1, x2); with one feature, (x1, y): each class on its own line
        for (size_t i = 0; i < ds->n; i++) {
            const double *x_i = mat_row(&ds->X, i);
            if (ds->y[i] == cls) plot_data_row(&p, 2, (double[]){x_i[0], ds->d > 1 ? x_i[1] : ds->y[i]});
        }
        plot_data_end(&p);
    }
    plot_title(&p, "The training data: %zu samples, two classes", ds->n);
    plot_cmd(&p, "set xlabel '%s' noenhanced", ds->names[0]);   // a name's _ is no subscript
    plot_cmd(&p, "set ylabel '%s' noenhanced", ds->d > 1 ? ds->names[1] : "the label y (one feature only)");
    plot_cmd(&p, "set key outside right top");
    plot_cmd(&p, "set offsets graph 0.03, graph 0.03, graph 0.03, graph 0.03");
    plot_cmd(&p, "plot $class0 using 1:2 with points lt 1 title 'y = 0', "
                 "$class1 using 1:2 with points lt 2 title 'y = 1'");
    chapter_show(pl, &p);
}

static void plot_loss(const Plotter *pl, const double *losses, size_t epochs, double lr) {
    if (!plot_drawn(pl)) return;
    Plot p;
    plot_begin(&p, "chapter-03-loss");
    plot_data_begin(&p, "loss");
    for (size_t e = 0; e < epochs; e++) plot_data_row(&p, 2, (double[]){(double)e, losses[e]});
    plot_data_end(&p);
    plot_title(&p, "Training: the mean cross-entropy falls with every epoch (lr = %g)", lr);
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set ylabel 'BCE loss'");
    plot_cmd(&p, "plot $loss using 1:2 with lines lt 1 title 'loss'");
    chapter_show(pl, &p);
}

/* pred_i = 1 if p_i >= 1/2, with the library's sigmoid or (yours = 1) yours. */
static double accuracy_of(const LogReg *m, const Dataset *ds, int yours, double *pred) {
    if (yours) {
        yours_predict_proba(ds->X.data, ds->n, ds->d, m->w, m->b, pred);
        for (size_t i = 0; i < ds->n; i++) pred[i] = pred[i] >= 0.5 ? 1.0 : 0.0;
    } else {
        logreg_predict(m, &ds->X, 0.5, pred);
    }
    return metrics_accuracy(pred, ds->y, ds->n);
}

/* The trained model's accuracy and numbers, beside NumPy's: the library's
 * (lib), or yours (mine, when yours is 1). Returns 0, or YOURS_DIFFER. */
static int report(const CourseRun *o, const LogReg *lib, const double *lib_losses, const LogReg *mine,
                  const double *my_losses, int yours, const Dataset *ds, const Reference *ref) {
    double *pred = vec_new(ds->n), *lib_pred = vec_new(ds->n);
    double lib_accuracy = accuracy_of(lib, ds, 0, lib_pred);
    double accuracy = yours ? accuracy_of(mine, ds, 1, pred) : lib_accuracy;
    YoursTally t;
    yours_tally_init(&t, 3, o->lesson ? "NumPy" : "lib/");
    if (yours) printf("Trained with your sigmoid, bce_mean, gradient and gd_step:\n\n");
    print_results(o, yours ? mine : lib, yours ? my_losses : lib_losses, accuracy, lib, lib_losses, lib_accuracy,
                  yours ? &t : NULL, ref);
    printf("\nTraining accuracy: %.4f (%zu of %zu correct)\n", accuracy,
           metrics_correct(yours ? pred : lib_pred, ds->y, ds->n), ds->n);
    if (!o->lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
    int status = 0;
    if (yours) {
        char summary[128];
        snprintf(summary, sizeof summary, "w = (%.6f, %.6f), b = %.6f, accuracy %.4f", mine->w[0],
                 ds->d > 1 ? mine->w[1] : NAN, mine->b, accuracy);
        status = yours_verdict(&t, summary);
    }
    printf("\n");
    free(pred);
    free(lib_pred);
    return status;
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 500)};
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 3: logistic regression trained by gradient descent.", NULL, 0);
    Reference ref;
    chapter_load_reference(&ref, "gd-classification.txt");
    char about[256];
    chapter_print("Chapter 3: gradient descent on %s\n(%zu samples, %zu features)\n",
                  course_describe(&o.data, about, sizeof about), ds.n, ds.d);
    printf("learning rate %g, %zu epoch%s, starting from w = 0, b = 0\n\n", o.gd.lr, o.gd.epochs,
           o.gd.epochs == 1 ? "" : "s");

    // [snippet train]
    LogReg m;
    logreg_init(&m, ds.d);
    LogRegParams par = {.lr = o.gd.lr, .epochs = o.gd.epochs, .lambda = 0.0};
    double *losses = vec_new(o.gd.epochs);
    TrainResult fit = logreg_fit_gd(&m, &ds.X, ds.y, &par, losses);
    int status = chapter_fit_status(fit, o.gd.lr, NULL);   // when the loss blew up: one line, status 3
    // [end train]
    LogReg mine;   // the same training with your functions (lib/yours-train.c)
    logreg_init(&mine, ds.d);
    double *my_losses = vec_new(o.gd.epochs);
    int yours = status == CHAPTER_DONE && yours_begin();
    if (yours) {
        yours_fit_gd(ds.X.data, ds.y, ds.n, ds.d, o.gd.lr, o.gd.epochs, 0.0, mine.w, &mine.b, my_losses);
        yours = yours_end(3, "trains with lib/logreg.c");
    }
    if (status == CHAPTER_DONE) {   // print no numbers from a run that blew up
        status = report(&o, &m, losses, &mine, my_losses, yours, &ds, &ref);
        plot_data(&pl, &ds);
        plot_loss(&pl, yours ? my_losses : losses, o.gd.epochs, o.gd.lr);
    }

    free(losses);
    free(my_losses);
    logreg_free(&m);
    logreg_free(&mine);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
