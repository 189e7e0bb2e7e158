/* Chapter 4: the decision boundary.
 *
 * Trains the chapter-3 model (500 epochs of gradient descent, lr 0.1), then
 * shows where it draws the line between the classes: prints the boundary
 * p = 1/2 as x2 = m x1 + c, shows how the threshold moves it, and plots
 * P(y = 1) over the plane with the line and the points on top. Once
 * exercise 04 is written, the model is trained with your exercises 01-03,
 * and the boundary and the predictions come from your boundary_line and
 * predict_threshold, beside NumPy's.
 *
 *     make chapter-04 && ./chapter-04 [--data FILE.csv] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "exercises.h"
#include "logreg.h"
#include "metrics.h"
#include "regions.h"
#include "yours.h"

/* The thresholds the chapter compares; the middle one is the default. */
static const double THRESHOLDS[] = {0.25, 0.5, 0.75};
enum { N_THRESHOLDS = sizeof THRESHOLDS / sizeof THRESHOLDS[0] };

/* The model the chapter shows: the library's, or yours (yours = 1: trained
 * with your exercises 01-03, its line from your boundary_line and its
 * predictions from your predict_threshold). */
typedef struct {
    LogReg m;
    int yours;
} Shown;

/* The line p = t of the model, and what kind of line it is. */
static LogRegBoundary line_of(const Shown *s, double t, double *slope, double *c) {
    if (!s->yours) return logreg_boundary_2d(&s->m, t, slope, c);
    int kind = boundary_line(s->m.w, s->m.b, t, slope, c);   // BOUNDARY_LINE, _VERTICAL or _NONE
    if (kind == BOUNDARY_LINE) return LOGREG_LINE;
    return kind == BOUNDARY_VERTICAL ? LOGREG_VERTICAL : LOGREG_NO_LINE;
}

/* pred_i = 1 if p_i >= t, else 0. */
static void predict_at(const Shown *s, const Dataset *ds, double t, double *pred) {
    if (s->yours) predict_threshold(ds->X.data, ds->n, ds->d, s->m.w, s->m.b, t, pred);
    else logreg_predict(&s->m, &ds->X, t, pred);
}

/* Prints the line where p = 1/2, beside NumPy's (t and lib as in yours_row:
 * t is NULL for the library's run). */
static void print_boundary(const CourseRun *o, const Shown *s, const Shown *lib, YoursTally *t,
                           const Reference *ref) {
    const LogReg *m = &s->m;
    yours_header(t, o->lesson ? "NumPy reference" : NULL);
    yours_row(t, "w[0]", m->w[0], chapter_reference(o->lesson, ref, "w", 0), lib->m.w[0]);
    yours_row(t, "w[1]", m->w[1], chapter_reference(o->lesson, ref, "w", 1), lib->m.w[1]);
    yours_row(t, "b", m->b, chapter_reference(o->lesson, ref, "b", 0), lib->m.b);

    double slope, intercept, lib_slope, lib_intercept;
    LogRegBoundary kind = line_of(s, 0.5, &slope, &intercept);
    LogRegBoundary lib_kind = line_of(lib, 0.5, &lib_slope, &lib_intercept);
    if (t != NULL) yours_count(t, "the kind of line", kind, lib_kind);
    printf("\nThe boundary is where p = 1/2, that is where w1 x1 + w2 x2 + b = 0.\n");
    if (kind == LOGREG_LINE) {
        printf("Solved for x2: x2 = m x1 + c with m = -w1/w2 and c = -b/w2:\n");
        yours_row(t, "slope", slope, chapter_reference(o->lesson, ref, "slope", 0), lib_slope);
        yours_row(t, "intercept", intercept, chapter_reference(o->lesson, ref, "intercept", 0), lib_intercept);
        printf("\n    boundary: x2 = %.4f·x1 %c %.4f\n", slope, intercept < 0 ? '-' : '+', fabs(intercept));
        printf("    above the line (w2 %s 0) the model says y = %d, below it y = %d\n",
               m->w[1] > 0 ? ">" : "<", m->w[1] > 0, m->w[1] < 0);
    } else if (kind == LOGREG_VERTICAL) {
        printf("w2 = 0, so x2 drops out: the boundary is the vertical line x1 = %.4f\n", intercept);
    } else {
        printf("w = 0: p = sigma(b) = %.4f everywhere, so there is no boundary line\n", 1 / (1 + exp(-m->b)));
    }
}

/* With your code (t not NULL), counts the numbers of threshold th in t:
 * the line's c, how many points are called y = 1, and the accuracy, each
 * against NumPy's, or the library's model lib when there is no reference. */
static void count_threshold(YoursTally *t, const CourseRun *o, const Shown *lib, const Dataset *ds, double th,
                            double c, double positives, double accuracy, const Reference *ref) {
    char key_c[32], key_pos[32], key_acc[32];
    snprintf(key_c, sizeof key_c, "intercept_t_%g", th);
    snprintf(key_pos, sizeof key_pos, "positives_t_%g", th);
    snprintf(key_acc, sizeof key_acc, "accuracy_t_%g", th);
    double lib_slope, lib_c, lib_positives = 0, *lib_pred = vec_new(ds->n);
    line_of(lib, th, &lib_slope, &lib_c);
    predict_at(lib, ds, th, lib_pred);
    for (size_t i = 0; i < ds->n; i++) lib_positives += lib_pred[i];
    double lib_accuracy = metrics_accuracy(lib_pred, ds->y, ds->n);
    free(lib_pred);
    char label[3][40];   // what the verdict calls them
    snprintf(label[0], sizeof label[0], "c (t = %g)", th);
    snprintf(label[1], sizeof label[1], "predicted 1 (t = %g)", th);
    snprintf(label[2], sizeof label[2], "accuracy (t = %g)", th);
    yours_count(t, label[0], c, o->lesson ? ref_value(ref, key_c, 0) : lib_c);
    yours_count(t, label[1], positives, o->lesson ? ref_value(ref, key_pos, 0) : lib_positives);
    yours_count(t, label[2], accuracy, o->lesson ? ref_value(ref, key_acc, 0) : lib_accuracy);
}

/* The lines p = t: for each threshold, log(t/(1-t)) and the intercept c[k]
 * (or the column x1 = c[k] of a vertical line), beside NumPy's. */
static void print_lines(const CourseRun *o, const Shown *s, const double *c, const Reference *ref) {
    double slope0, c0;   // a vertical boundary has no intercept: the column is where it crosses x1
    int vertical = line_of(s, 0.5, &slope0, &c0) == LOGREG_VERTICAL;
    const char *c_title = vertical ? (s->yours ? "yours: x1 =" : "line at x1 =") : (s->yours ? "your c" : "intercept c");
    printf("%-10s %12s %16s %16s\n", "threshold", "log(t/(1-t))", c_title, o->lesson ? "NumPy's c" : "");
    for (int k = 0; k < N_THRESHOLDS; k++) {
        double t = THRESHOLDS[k];
        char key[32], theirs[24] = "", ours[24] = "         no line";   // w = 0: p is the same everywhere
        snprintf(key, sizeof key, "intercept_t_%g", t);
        if (o->lesson) snprintf(theirs, sizeof theirs, "%16.12f", ref_value(ref, key, 0));
        if (!isnan(c[k])) snprintf(ours, sizeof ours, "%16.12f", c[k]);
        printf("%-10g %12.6f %16s %16s\n", t, log(t / (1 - t)), ours, theirs);
    }
}

/* The predictions at each threshold: how many points are called y = 1, and
 * the accuracy, beside NumPy's. Rows are labelled t=0.25 (the table above
 * has the row 0.25). */
static void print_predictions(const CourseRun *o, const double *positives, const double *accuracy,
                              const Reference *ref) {
    printf("\nPredicting y = 1 where p >= t:\n%-10s %12s %10s %10s\n", "", "predicted 1", "accuracy",
           o->lesson ? "NumPy's" : "");
    for (int k = 0; k < N_THRESHOLDS; k++) {
        char label[16], key[32], theirs[24] = "";
        snprintf(label, sizeof label, "t=%g", THRESHOLDS[k]);
        snprintf(key, sizeof key, "accuracy_t_%g", THRESHOLDS[k]);
        if (o->lesson) snprintf(theirs, sizeof theirs, "%10.6f", ref_value(ref, key, 0));
        printf("%-10s %12.0f %10.6f %10s\n", label, positives[k], accuracy[k], theirs);
    }
}

/* For each threshold t: the line w.x + b = log(t/(1-t)), how many points it
 * calls y = 1 and the accuracy, beside NumPy's; with your code (tally not
 * NULL) counted in tally. */
static void print_thresholds(const CourseRun *o, const Shown *s, const Shown *lib, YoursTally *tally,
                             const Dataset *ds, const Reference *ref) {
    printf("\nA threshold t other than 1/2 moves the line parallel to itself: p >= t\n"
           "where w1 x1 + w2 x2 + b >= log(t/(1-t)).\n\n");
    double c[N_THRESHOLDS], positives[N_THRESHOLDS], accuracy[N_THRESHOLDS];
    double *pred = vec_new(ds->n);
    for (int k = 0; k < N_THRESHOLDS; k++) {
        double t = THRESHOLDS[k], slope;
        line_of(s, t, &slope, &c[k]);
        // [snippet threshold]
        predict_at(s, ds, t, pred);   // pred_i = 1 if p_i >= t
        positives[k] = 0;
        for (size_t i = 0; i < ds->n; i++) positives[k] += pred[i];
        accuracy[k] = metrics_accuracy(pred, ds->y, ds->n);
        // [end threshold]
        if (tally != NULL) count_threshold(tally, o, lib, ds, t, c[k], positives[k], accuracy[k], ref);
    }
    free(pred);
    print_lines(o, s, c, ref);
    print_predictions(o, positives, accuracy, ref);
}

/* Datablock $NAME: the line where p = t, clipped to the box (two points). */
static void add_line(Plot *p, const char *name, const Shown *s, double t, const RegionsBox *box) {
    double slope, c;
    LogRegBoundary kind = line_of(s, t, &slope, &c);
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

/* A RegionsProbaFn with your sigmoid: p_i = sigmoid(x_i . w + b). */
static void your_proba(const void *model, const Matrix *X, double *p) {
    const LogReg *m = model;
    yours_predict_proba(X->data, X->rows, X->cols, m->w, m->b, p);
}

/* P(y = 1) over the plane as filled bands of 0.1, the line p = 1/2, the points. */
static void plot_probability(const Plotter *pl, const Shown *s, const Dataset *ds, const RegionsBox *box) {
    Plot p;
    plot_begin(&p, "chapter-04-boundary");
    regions_add_probability(&p, "prob", s->yours ? your_proba : regions_logreg_proba, &s->m, box);
    regions_add_samples(&p, ds, 2);
    add_line(&p, "line", s, 0.5, box);
    plot_title(&p, "%sP(y = 1) = σ(w·x + b) over the plane, and the boundary p = 1/2",
               s->yours ? "Yours: " : "");
    set_axes(&p, ds, box);
    // A diverging palette (ColorBrewer RdBu, reversed so that blue is y = 0 as
    // in the points), light in the middle, in bands of 0.1.
    plot_cmd(&p, "set palette defined (0 '#67a9cf', 0.5 '#f7f7f7', 1 '#ef8a62')");
    plot_cmd(&p, "set palette maxcolors 10");
    plot_cmd(&p, "set cbrange [0:1]");
    plot_cmd(&p, "set cbtics 0.1");
    plot_cmd(&p, "set cblabel 'P(y = 1)'");
    plot_cmd(&p, "set key opaque box bottom left");
    // Each point twice: a black outline a little larger, then on top the class's
    // own point (linetype 1 or 2, so that ASCII plots draw it as o or x)
    plot_cmd(&p, "plot $prob using 1:2:3 with image notitle, "
                 "$line using 1:2 with lines lw 3 lc rgb '#000000' title 'boundary p = 1/2', "
                 "$class0 using 1:2 with points pt 6 ps 1.15 lc rgb '#000000' notitle, "
                 "$class1 using 1:2 with points pt 4 ps 1.05 lc rgb '#000000' notitle, "
                 "$class0 using 1:2 with points lt 1 ps 1.0 title 'y = 0', "
                 "$class1 using 1:2 with points lt 2 ps 0.9 title 'y = 1'");
    chapter_show(pl, &p);
}

/* The points and the lines p = t for each threshold t, with their accuracy. */
static void plot_thresholds(const Plotter *pl, const Shown *s, const Dataset *ds, const RegionsBox *box) {
    Plot p;
    plot_begin(&p, "chapter-04-thresholds");
    regions_add_samples(&p, ds, 2);
    double accuracy[N_THRESHOLDS], *pred = vec_new(ds->n);
    for (int k = 0; k < N_THRESHOLDS; k++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", k);
        add_line(&p, name, s, THRESHOLDS[k], box);
        predict_at(s, ds, THRESHOLDS[k], pred);
        accuracy[k] = metrics_accuracy(pred, ds->y, ds->n);
    }
    free(pred);
    plot_title(&p, "The threshold t moves the boundary p = t parallel to itself");
    set_axes(&p, ds, box);
    plot_key_below(&p, 5);   // beside the plot, the key would squeeze the equal axes to a third of the width
    plot_cmd(&p, "plot $class0 using 1:2 with points lt 1 title 'y = 0', "
                 "$class1 using 1:2 with points lt 2 title 'y = 1', "
                 "$t0 using 1:2 with lines lw 2 dt 2 lc rgb '#009E73' title 't = %g: %.1f%% right', "
                 "$t1 using 1:2 with lines lw 3 lc rgb '#000000' title 't = %g: %.1f%% right', "
                 "$t2 using 1:2 with lines lw 2 dt 4 lc rgb '#CC79A7' title 't = %g: %.1f%% right'",
             THRESHOLDS[0], 100 * accuracy[0], THRESHOLDS[1], 100 * accuracy[1], THRESHOLDS[2], 100 * accuracy[2]);
    chapter_show(pl, &p);
}

/* Trains m with your exercises 01-03 and tries your exercise 04 once.
 * Returns 1 when every function it ran is written (then the chapter shows
 * your model), else 0 after saying which exercise is not done. */
static int run_yours(LogReg *m, const Dataset *ds, const CourseRun *o) {
    if (!yours_begin()) return 0;   // --lib
    // [snippet yours]
    // your exercises 01-03 train the model; your boundary_line and
    // predict_threshold (exercise 04) draw its line and make its predictions
    yours_fit_gd(ds->X.data, ds->y, ds->n, ds->d, o->gd.lr, o->gd.epochs, 0.0, m->w, &m->b, NULL);
    double slope, c, *pred = vec_new(ds->n);
    (void)boundary_line(m->w, m->b, 0.5, &slope, &c);
    predict_threshold(ds->X.data, ds->n, ds->d, m->w, m->b, 0.5, pred);
    free(pred);
    // [end yours]
    return yours_end(4, "uses lib/logreg.c");
}

/* The boundary and the thresholds of s, beside NumPy's (or the library's
 * model lib when the options are not the lesson's). Returns 0, or
 * YOURS_DIFFER when your numbers differ. */
static int report(const CourseRun *o, const Shown *s, const Shown *lib, const Dataset *ds, const Reference *ref) {
    YoursTally t;
    yours_tally_init(&t, 4, o->lesson ? "NumPy" : "lib/");
    YoursTally *tp = s->yours ? &t : NULL;
    if (s->yours) printf("Trained with your exercises 01-03; the line from your boundary_line,\n"
                         "the predictions from your predict_threshold:\n\n");
    print_boundary(o, s, lib, tp, ref);
    print_thresholds(o, s, lib, tp, ds, ref);
    if (!o->lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
    printf("\n");
    if (!s->yours) return 0;
    double slope, c;
    line_of(s, 0.5, &slope, &c);
    char summary[96];
    snprintf(summary, sizeof summary, "the boundary x2 = %.4f x1 %c %.4f", slope, c < 0 ? '-' : '+', fabs(c));
    int status = yours_verdict(&t, summary);
    printf("\n");
    return status;
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 500)};
    o.data.features = 2;   // checked before any warning or note
    o.data.features_why = "this chapter draws the plane";
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 4: the decision boundary of logistic regression.", NULL, 0);
    char about[256];
    course_describe(&o.data, about, sizeof about);
    Reference ref;
    chapter_load_reference(&ref, "boundary-classification.txt");

    chapter_print("Chapter 4: the decision boundary, on %s\n(%zu samples, %zu features)\n", about, ds.n, ds.d);
    printf("the chapter-3 model: %zu epoch%s of gradient descent, learning rate %g\n\n", o.gd.epochs,
           chapter_s(o.gd.epochs), o.gd.lr);

    Shown lib = {.yours = 0}, mine = {.yours = 1};
    logreg_init(&lib.m, ds.d);
    logreg_init(&mine.m, ds.d);
    LogRegParams par = {.lr = o.gd.lr, .epochs = o.gd.epochs, .lambda = 0.0};
    int status = chapter_fit_status(logreg_fit_gd(&lib.m, &ds.X, ds.y, &par, NULL), o.gd.lr, NULL);
    if (status == CHAPTER_DONE) mine.yours = run_yours(&mine.m, &ds, &o);
    if (status == CHAPTER_DONE) {
        status = report(&o, mine.yours ? &mine : &lib, &lib, &ds, &ref);
        if (plot_drawn(&pl)) {   // LR_PLOT=none: no grid of probabilities to compute
            RegionsBox box = regions_box(&ds.X, REGIONS_MARGIN);
            plot_probability(&pl, mine.yours ? &mine : &lib, &ds, &box);
            plot_thresholds(&pl, mine.yours ? &mine : &lib, &ds, &box);
        }
    }

    logreg_free(&lib.m);
    logreg_free(&mine.m);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
