/* Chapter 4: the decision boundary.
 *
 * Trains the chapter-3 model (500 epochs of gradient descent, lr 0.1), then
 * shows where it draws the line between the classes: prints the boundary
 * p = 1/2 as x2 = m x1 + c, shows how the threshold moves it, and plots
 * P(y = 1) over the plane with the line and the points on top.
 *
 *     make chapter-04 && ./chapter-04 [--data FILE.csv] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "logreg.h"
#include "metrics.h"
#include "regions.h"

/* The thresholds the chapter compares; the middle one is the default. */
static const double THRESHOLDS[] = {0.25, 0.5, 0.75};
enum { N_THRESHOLDS = sizeof THRESHOLDS / sizeof THRESHOLDS[0] };

/* Prints the line where p = 1/2, beside NumPy's. */
static void print_boundary(const CourseRun *o, const LogReg *m, const Reference *ref) {
    printf("%-14s %20s %20s %10s\n", "", "ours", o->lesson ? "NumPy reference" : "", o->lesson ? "|diff|" : "");
    chapter_compare("w[0]", m->w[0], chapter_reference(o->lesson, ref, "w", 0));
    chapter_compare("w[1]", m->w[1], chapter_reference(o->lesson, ref, "w", 1));
    chapter_compare("b", m->b, chapter_reference(o->lesson, ref, "b", 0));

    double slope, intercept;
    LogRegBoundary kind = logreg_boundary_2d(m, 0.5, &slope, &intercept);
    printf("\nThe boundary is where p = 1/2, that is where w1 x1 + w2 x2 + b = 0.\n");
    if (kind == LOGREG_LINE) {
        printf("Solved for x2: x2 = m x1 + c with m = -w1/w2 and c = -b/w2:\n");
        chapter_compare("slope", slope, chapter_reference(o->lesson, ref, "slope", 0));
        chapter_compare("intercept", intercept, chapter_reference(o->lesson, ref, "intercept", 0));
        printf("\n    boundary: x2 = %.4f·x1 %c %.4f\n", slope, intercept < 0 ? '-' : '+', fabs(intercept));
        printf("    above the line (w2 %s 0) the model says y = %d, below it y = %d\n",
               m->w[1] > 0 ? ">" : "<", m->w[1] > 0, m->w[1] < 0);
    } else if (kind == LOGREG_VERTICAL) {
        printf("w2 = 0, so x2 drops out: the boundary is the vertical line x1 = %.4f\n", intercept);
    } else {
        printf("w = 0: p = sigma(b) = %.4f everywhere, so there is no boundary line\n", 1 / (1 + exp(-m->b)));
    }
}

/* For each threshold t: the line w.x + b = log(t/(1-t)), how many points it
 * calls y = 1 and the accuracy, beside NumPy's. */
static void print_thresholds(const CourseRun *o, const LogReg *m, const Dataset *ds, const Reference *ref) {
    printf("\nA threshold t other than 1/2 moves the line parallel to itself: p >= t\n"
           "where w1 x1 + w2 x2 + b >= log(t/(1-t)).\n\n");
    double slope0, c0;   // a vertical boundary has no intercept: the column is where it crosses x1
    int vertical = logreg_boundary_2d(m, 0.5, &slope0, &c0) == LOGREG_VERTICAL;
    printf("%-10s %12s %16s %16s %12s %10s %10s\n", "threshold", "log(t/(1-t))",
           vertical ? "line at x1 =" : "intercept c", o->lesson ? "NumPy's c" : "", "predicted 1", "accuracy",
           o->lesson ? "NumPy's" : "");
    double *pred = vec_new(ds->n);
    for (int k = 0; k < N_THRESHOLDS; k++) {
        double t = THRESHOLDS[k], slope, c;
        logreg_boundary_2d(m, t, &slope, &c);
        // [snippet threshold]
        logreg_predict(m, &ds->X, t, pred);   // pred_i = 1 if p_i >= t
        double positives = 0;
        for (size_t i = 0; i < ds->n; i++) positives += pred[i];
        double accuracy = metrics_accuracy(pred, ds->y, ds->n);
        // [end threshold]
        char key_c[32], key_acc[32], ref_c[24] = "", ref_acc[24] = "";
        snprintf(key_c, sizeof key_c, "intercept_t_%g", t);
        snprintf(key_acc, sizeof key_acc, "accuracy_t_%g", t);
        if (o->lesson) {
            snprintf(ref_c, sizeof ref_c, "%16.12f", ref_value(ref, key_c, 0));
            snprintf(ref_acc, sizeof ref_acc, "%10.6f", ref_value(ref, key_acc, 0));
        }
        char ours_c[24] = "         no line";   // w = 0: p is the same everywhere
        if (!isnan(c)) snprintf(ours_c, sizeof ours_c, "%16.12f", c);
        printf("%-10g %12.6f %16s %16s %12.0f %10.6f %10s\n", t, log(t / (1 - t)), ours_c, ref_c, positives,
               accuracy, ref_acc);
    }
    free(pred);
}

/* Datablock $NAME: the line where p = t, clipped to the box (two points). */
static void add_line(Plot *p, const char *name, const LogReg *m, double t, const RegionsBox *box) {
    double slope, c;
    LogRegBoundary kind = logreg_boundary_2d(m, t, &slope, &c);
    plot_data_begin(p, name);
    if (kind == LOGREG_LINE) {
        plot_data_row(p, 2, (double[]){box->x1_min, slope * box->x1_min + c});
        plot_data_row(p, 2, (double[]){box->x1_max, slope * box->x1_max + c});
    } else if (kind == LOGREG_VERTICAL) {
        plot_data_row(p, 2, (double[]){c, box->x2_min});
        plot_data_row(p, 2, (double[]){c, box->x2_max});
    } else {
        plot_data_row(p, 2, (double[]){NAN, NAN});   // no line: gnuplot skips it
    }
    plot_data_end(p);
}

static void set_axes(Plot *p, const Dataset *ds, const RegionsBox *box) {
    regions_set_axes(p, ds, box);
    plot_cmd(p, "set clip two");   // draw a line even when both its ends are on the border
}

/* P(y = 1) over the plane as filled bands of 0.1, the line p = 1/2, the points. */
static void plot_probability(const Plotter *pl, const LogReg *m, const Dataset *ds, const RegionsBox *box) {
    Plot p;
    plot_begin(&p, "chapter-04-boundary");
    regions_add_probability(&p, "prob", regions_logreg_proba, m, box);
    regions_add_samples(&p, ds, 2);
    add_line(&p, "line", m, 0.5, box);
    plot_cmd(&p, "set title 'P(y = 1) = σ(w·x + b) over the plane, and the boundary p = 1/2'");
    set_axes(&p, ds, box);
    // A diverging palette (ColorBrewer RdBu, reversed so that blue is y = 0 as
    // in the points), light in the middle, in bands of 0.1.
    plot_cmd(&p, "set palette defined (0 '#67a9cf', 0.5 '#f7f7f7', 1 '#ef8a62')");
    plot_cmd(&p, "set palette maxcolors 10");
    plot_cmd(&p, "set cbrange [0:1]");
    plot_cmd(&p, "set cbtics 0.1");
    plot_cmd(&p, "set cblabel 'P(y = 1)'");
    plot_cmd(&p, "set key opaque box bottom left");
    // Each point twice: filled in its class's colour, then a black outline.
    plot_cmd(&p, "plot $prob using 1:2:3 with image notitle, "
                 "$line using 1:2 with lines lw 3 lc rgb '#000000' title 'boundary p = 1/2', "
                 "$class0 using 1:2 with points pt 7 ps 1.0 lc rgb '#0072B2' title 'y = 0', "
                 "$class0 using 1:2 with points pt 6 ps 1.0 lc rgb '#000000' notitle, "
                 "$class1 using 1:2 with points pt 5 ps 0.9 lc rgb '#D55E00' title 'y = 1', "
                 "$class1 using 1:2 with points pt 4 ps 0.9 lc rgb '#000000' notitle");
    chapter_show(pl, &p);
}

/* The points and the lines p = t for each threshold t, with their accuracy. */
static void plot_thresholds(const Plotter *pl, const LogReg *m, const Dataset *ds, const RegionsBox *box) {
    Plot p;
    plot_begin(&p, "chapter-04-thresholds");
    regions_add_samples(&p, ds, 2);
    double accuracy[N_THRESHOLDS], *pred = vec_new(ds->n);
    for (int k = 0; k < N_THRESHOLDS; k++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", k);
        add_line(&p, name, m, THRESHOLDS[k], box);
        logreg_predict(m, &ds->X, THRESHOLDS[k], pred);
        accuracy[k] = metrics_accuracy(pred, ds->y, ds->n);
    }
    free(pred);
    plot_cmd(&p, "set title 'The threshold t moves the boundary p = t parallel to itself'");
    set_axes(&p, ds, box);
    plot_cmd(&p, "set key opaque box outside right center");
    plot_cmd(&p, "plot $class0 using 1:2 with points lt 1 title 'y = 0', "
                 "$class1 using 1:2 with points lt 2 title 'y = 1', "
                 "$t0 using 1:2 with lines lw 2 dt 2 lc rgb '#009E73' title 't = %g: accuracy %.3f', "
                 "$t1 using 1:2 with lines lw 3 lc rgb '#000000' title 't = %g: accuracy %.3f', "
                 "$t2 using 1:2 with lines lw 2 dt 4 lc rgb '#CC79A7' title 't = %g: accuracy %.3f'",
             THRESHOLDS[0], accuracy[0], THRESHOLDS[1], accuracy[1], THRESHOLDS[2], accuracy[2]);
    chapter_show(pl, &p);
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 500)};
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 4: the decision boundary of logistic regression.", NULL, 0);
    course_need_features(&o.data, &ds, 2, "this chapter draws the plane");
    char about[256];
    course_describe(&o.data, about, sizeof about);
    Reference ref;
    chapter_load_reference(&ref, "boundary-classification.txt");

    printf("Chapter 4: the decision boundary, on %s\n(%zu samples, %zu features)\n", about, ds.n, ds.d);
    printf("the chapter-3 model: %zu epoch%s of gradient descent, learning rate %g\n\n", o.gd.epochs,
           chapter_s(o.gd.epochs), o.gd.lr);

    LogReg m;
    logreg_init(&m, ds.d);
    LogRegParams par = {.lr = o.gd.lr, .epochs = o.gd.epochs, .lambda = 0.0};
    int status = chapter_fit_status(logreg_fit_gd(&m, &ds.X, ds.y, &par, NULL), o.gd.lr, NULL);
    if (status == CHAPTER_DONE) {
        print_boundary(&o, &m, &ref);
        print_thresholds(&o, &m, &ds, &ref);
        if (!o.lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
        printf("\n");
        RegionsBox box = regions_box(&ds.X, REGIONS_MARGIN);
        plot_probability(&pl, &m, &ds, &box);
        plot_thresholds(&pl, &m, &ds, &box);
    }

    logreg_free(&m);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
