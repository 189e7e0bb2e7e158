/* Chapter 3: training logistic regression by gradient descent.
 *
 * Trains on the lesson's data set (make_classification, 300 samples, 2
 * features) for 500 epochs at learning rate 0.1, starting from w = 0, b = 0,
 * and prints the loss, weights and accuracy beside the values the lesson's
 * NumPy code gets. Plots the data and the loss curve.
 *
 *     make chapter-03 && ./chapter-03 [--lr RATE] [--epochs N] [--seed N] [--data FILE.csv]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "logreg.h"
#include "metrics.h"

/* Prints ours beside NumPy's: the loss at a few epochs (and the last one),
 * w, b, accuracy. */
static void print_results(const CourseRun *o, const LogReg *m, const double *losses, double accuracy,
                          const Reference *ref) {
    static const size_t EPOCHS[] = {0, 1, 10, 100, 499};
    printf("%-14s %20s %20s %10s\n", "", "ours", o->lesson ? "NumPy reference" : "", o->lesson ? "|diff|" : "");
    for (int k = 0; k < 5; k++) {
        size_t e = EPOCHS[k];
        if (e >= o->gd.epochs) break;
        char label[32], key[32];
        snprintf(label, sizeof label, "loss[%zu]", e);
        snprintf(key, sizeof key, "loss_%zu", e);
        chapter_compare(label, losses[e], o->lesson ? ref_value(ref, key, 0) : NAN);
    }
    if (!o->lesson && o->gd.epochs - 1 != 499) {   // the last epoch, when the list above missed it
        char label[32];
        snprintf(label, sizeof label, "loss[%zu]", o->gd.epochs - 1);
        chapter_compare(label, losses[o->gd.epochs - 1], NAN);
    }
    for (size_t j = 0; j < m->d; j++) {
        char label[32];
        snprintf(label, sizeof label, "w[%zu]", j);
        chapter_compare(label, m->w[j], o->lesson ? ref_value(ref, "w", j) : NAN);
    }
    chapter_compare("b", m->b, o->lesson ? ref_value(ref, "b", 0) : NAN);
    chapter_compare("accuracy", accuracy, o->lesson ? ref_value(ref, "accuracy", 0) : NAN);
    printf("\n(loss[e] is the loss before update e, as the lesson records it; w and b are after the last update.)\n");
}

static void plot_data(const Plotter *pl, const Dataset *ds) {
    Plot p;
    plot_begin(&p, "chapter-03-data");
    for (int cls = 0; cls <= 1; cls++) {
        plot_data_begin(&p, cls == 0 ? "class0" : "class1");
        for (size_t i = 0; i < ds->n; i++) {
            if (ds->y[i] == cls) plot_data_row(&p, 2, mat_row(&ds->X, i));
        }
        plot_data_end(&p);
    }
    if (ds->d > 2) printf("(The data have %zu features; the scatter plot shows the first two.)\n", ds->d);
    plot_cmd(&p, "set title 'The training data: %zu samples, two classes'", ds->n);
    plot_cmd(&p, "set xlabel '%s'", ds->names[0]);
    plot_cmd(&p, "set ylabel '%s'", ds->d > 1 ? ds->names[1] : "");
    plot_cmd(&p, "set key outside right top");
    plot_cmd(&p, "set offsets graph 0.03, graph 0.03, graph 0.03, graph 0.03");
    plot_cmd(&p, "plot $class0 using 1:2 with points lt 1 title 'y = 0', "
                 "$class1 using 1:2 with points lt 2 title 'y = 1'");
    chapter_show(pl, &p);
}

static void plot_loss(const Plotter *pl, const double *losses, size_t epochs, double lr) {
    Plot p;
    plot_begin(&p, "chapter-03-loss");
    plot_data_begin(&p, "loss");
    for (size_t e = 0; e < epochs; e++) plot_data_row(&p, 2, (double[]){(double)e, losses[e]});
    plot_data_end(&p);
    plot_cmd(&p, "set title 'Training: the mean cross-entropy falls with every epoch (lr = %g)'", lr);
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set ylabel 'BCE loss'");
    plot_cmd(&p, "plot $loss using 1:2 with lines lt 1 title 'loss'");
    chapter_show(pl, &p);
}

/* The trained model's accuracy and numbers, beside NumPy's. */
static void report(const CourseRun *o, const LogReg *m, const Dataset *ds, const double *losses, const Reference *ref) {
    double *pred = vec_new(ds->n);
    logreg_predict(m, &ds->X, 0.5, pred);   // pred_i = 1 if p_i >= 1/2
    double accuracy = metrics_accuracy(pred, ds->y, ds->n);
    print_results(o, m, losses, accuracy, ref);
    printf("\nTraining accuracy: %.4f (%zu of %zu correct)\n", accuracy, metrics_correct(pred, ds->y, ds->n), ds->n);
    if (!o->lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
    printf("\n");
    free(pred);
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 500)};
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 3: logistic regression trained by gradient descent.", NULL, 0);
    Reference ref;
    chapter_load_reference(&ref, "gd-classification.txt");
    char about[256];
    printf("Chapter 3: gradient descent on %s\n(%zu samples, %zu features)\n",
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
    if (status == CHAPTER_DONE) {   // print no numbers from a run that blew up
        report(&o, &m, &ds, losses, &ref);
        plot_data(&pl, &ds);
        plot_loss(&pl, losses, o.gd.epochs, o.gd.lr);
    }

    free(losses);
    logreg_free(&m);
    ref_free(&ref);
    dataset_free(&ds);
    return status;
}
