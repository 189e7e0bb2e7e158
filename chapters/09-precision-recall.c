/* Chapter 9: precision, recall, and choosing the threshold.
 *
 * Trains chapter 3's model (500 epochs of gradient descent, lr 0.1, on the
 * lesson's data), then moves the threshold t over every distinct predicted
 * probability: at each, the samples with p >= t are called positive. Prints
 * the confusion counts at t = 0.5, precision, recall and F1 at t = 0.1 ...
 * 0.9, the threshold with the best F1 and the average precision, each beside
 * scikit-learn's. Plots the precision-recall curve and the three scores
 * against the threshold. Once exercise 09 is written, the grid, the curve
 * and the best threshold come from your precision_at, recall_at and
 * best_f1_threshold (on the scores of your exercises 01-03's model), beside
 * scikit-learn's, and the plots draw your curve.
 *
 *     make chapter-09 && ./chapter-09 [--lr RATE] [--epochs N] [--seed N] [--data FILE.csv]
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

#include "09-precision-recall/plots.h"

/* ---- printing ---------------------------------------------------------------- */

static void print_confusion(const char *title, Confusion c) {
    char row1[32], row0[32];
    snprintf(row1, sizeof row1, "actual 1 (%zu)", c.tp + c.fn);
    snprintf(row0, sizeof row0, "actual 0 (%zu)", c.fp + c.tn);
    printf("%s\n", title);
    printf("    %-18s %-13s %s\n", "", "predicted 1", "predicted 0");
    printf("    %-18s tp = %-8zu fn = %zu\n", row1, c.tp, c.fn);
    printf("    %-18s fp = %-8zu tn = %zu\n", row0, c.fp, c.tn);
    printf("    precision = tp / (tp + fp) = %.4f,  recall = tp / (tp + fn) = %.4f,\n"
           "    F1 = 2 P R / (P + R) = %.4f\n\n",
           metrics_precision(c), metrics_recall(c), metrics_f1(c));
}

/* F1 = 2 P R / (P + R), 0 when P + R = 0. */
static double f1_of(double precision, double recall) {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

/* One row per threshold 0.1 ... 0.9: precision, recall, F1, each beside
 * scikit-learn's (when the options are the lesson's). t is NULL for the
 * library's run; for yours, precision and recall come from your
 * precision_at and recall_at, and t counts them. */
static void print_grid(const double *p, const double *y, size_t n, const Reference *ref, int lesson, YoursTally *t) {
    printf("Precision, recall and F1 at nine thresholds%s:\n",
           lesson ? (t != NULL ? " (yours, then scikit-learn's)" : " (ours, then scikit-learn's)") : "");
    int w = lesson ? 23 : 12;   // a column holds ours and the reference, or ours alone
    printf("%-9s     %-*s %-*s %s\n", "threshold", w, "precision", w, "recall", "F1");
    for (int k = 1; k <= 9; k++) {
        double th = k / 10.0;
        Confusion c = metrics_confusion(p, y, n, th);
        double lib[3] = {metrics_precision(c), metrics_recall(c), metrics_f1(c)}, ours[3] = {lib[0], lib[1], lib[2]};
        if (t != NULL) {
            ours[0] = precision_at(p, y, n, th);
            ours[1] = recall_at(p, y, n, th);
            ours[2] = f1_of(ours[0], ours[1]);
        }
        static const char *names[3] = {"precision", "recall", "f1"};
        printf("%-9.1f", th);
        for (int m = 0; m < 3; m++) {
            char key[32];
            snprintf(key, sizeof key, "%s_at_%.1f", names[m], th);
            double want = lesson ? ref_value(ref, key, 0) : lib[m];
            if (t != NULL) yours_count(t, key, ours[m], want);
            if (lesson) printf("    %9.6f %9.6f", ours[m], want);
            else printf("    %9.6f", ours[m]);
        }
        printf("\n");
    }
    printf("\n");
}

// [snippet yours]
/* Your exercise 09 along the library's curve: at each of its thresholds
 * (the distinct scores) your precision_at and recall_at, F1 from them; and
 * your best_f1_threshold. Returns the index of your best threshold on the
 * curve (c->n when it is none of the scores). */
static size_t curve_yours(const double *p, const double *y, size_t n, PrCurve *c) {
    for (size_t k = 0; k < c->n; k++) {
        c->precision[k] = precision_at(p, y, n, c->threshold[k]);
        c->recall[k] = recall_at(p, y, n, c->threshold[k]);
        c->f1[k] = f1_of(c->precision[k], c->recall[k]);
    }
    double best_f1;
    double t = best_f1_threshold(p, y, n, &best_f1);
    size_t best = 0;
    while (best < c->n && c->threshold[best] != t) best++;
    return best;
}
// [end yours]

/* The curve's size, the best-F1 point and the average precision beside
 * scikit-learn's, and the largest difference along the whole curve. t is
 * NULL for the library's run; for yours (c, best) it counts each number
 * against scikit-learn's, or the library's (lib, lib_best) when the options
 * are not the lesson's. */
static void print_summary(const PrCurve *c, size_t best, const PrCurve *lib, size_t lib_best, YoursTally *t,
                          const Reference *ref, const Matrix *rc, int lesson) {
    yours_header(t, lesson ? "scikit-learn" : NULL);
    yours_row(t, "thresholds", (double)c->n, lesson ? ref_value(ref, "n_thresholds", 0) : NAN, (double)lib->n);
    double best_t = best < c->n ? c->threshold[best] : NAN;   // NAN: your best threshold is none of the scores
    yours_row(t, "best_threshold", best_t, lesson ? ref_value(ref, "best_threshold", 0) : NAN,
              lib->threshold[lib_best]);
    if (best == c->n) return;
    yours_row(t, "best_F1", c->f1[best], lesson ? ref_value(ref, "best_f1", 0) : NAN, lib->f1[lib_best]);
    yours_row(t, "best_precision", c->precision[best], lesson ? ref_value(ref, "best_precision", 0) : NAN,
              lib->precision[lib_best]);
    yours_row(t, "best_recall", c->recall[best], lesson ? ref_value(ref, "best_recall", 0) : NAN,
              lib->recall[lib_best]);
    yours_row(t, "avg_precision", metrics_average_precision(c),
              lesson ? ref_value(ref, "average_precision", 0) : NAN, metrics_average_precision(lib));
    if (!lesson) return;
    double worst = c->n == rc->rows ? 0.0 : INFINITY;
    for (size_t k = 0; k < c->n && k < rc->rows; k++) {   // rc's columns: threshold, precision, recall
        for (size_t j = 0; j < 3; j++) {                  // a NaN of yours is the largest difference
            double diff = fabs((j == 0 ? c->threshold : j == 1 ? c->precision
                                                               : c->recall)[k] -
                               *mat_at(rc, k, j));
            if (!(diff <= worst)) worst = diff;
        }
    }
    if (t != NULL) yours_count(t, "the curve", worst, 0.0);
    printf("curve_max_diff %.1e   (the largest |%s - scikit-learn's| over all %zu\n"
           "points of the curve: threshold, precision, recall)\n",
           worst, t != NULL ? "yours" : "ours", rc->rows);
}

/* ---- main --------------------------------------------------------------------- */

/* Chapter 3's model, trained by gradient descent from w = 0, b = 0. Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int train(LogReg *m, const Dataset *ds, const CourseRun *o) {
    logreg_init(m, ds->d);
    LogRegParams par = {.lr = o->gd.lr, .epochs = o->gd.epochs, .lambda = 0.0};
    return chapter_fit_status(logreg_fit_gd(m, &ds->X, ds->y, &par, NULL), o->gd.lr, NULL);
}

/* Your run: chapter 3's model trained with your exercises 01-03, its
 * scores p (n) from your sigmoid, and your exercise 09 along its curve
 * (made on p) into mine, your best point into *best. Returns 1 when every
 * function it ran is written, else 0 after saying which exercise is not
 * done (mine is then freed). */
static int run_yours(const Dataset *ds, const CourseRun *o, double *p, PrCurve *mine, size_t *best) {
    if (!yours_begin()) return 0;   // --lib
    LogReg m;
    logreg_init(&m, ds->d);
    yours_fit_gd(ds->X.data, ds->y, ds->n, ds->d, o->gd.lr, o->gd.epochs, 0.0, m.w, &m.b, NULL);
    yours_predict_proba(ds->X.data, ds->n, ds->d, m.w, m.b, p);   // p_i = sigmoid(x_i . w + b)
    logreg_free(&m);
    LrError err;
    int made = metrics_pr_curve(mine, p, ds->y, ds->n, &err) == 0;   // the library's made it: labels are fine
    if (made) *best = curve_yours(p, ds->y, ds->n, mine);
    if (yours_end(9, "uses lib/metrics.c") && made) return 1;
    if (made) metrics_pr_curve_free(mine);
    return 0;
}

/* Prints the confusion counts, the grid and the curve's summary of scores
 * p and their curve c (best: its best-F1 point), beside the reference;
 * with your code (t not NULL) counted in t, against the library's curve
 * (lib, lib_best) when the options are not the lesson's. */
static void print_all(const double *p, const PrCurve *c, size_t best, const PrCurve *lib, size_t lib_best,
                      YoursTally *t, const Dataset *ds, const Reference *ref, const Matrix *rc, int lesson) {
    if (t != NULL) printf("Chapter 3's model trained with your exercises 01-03; the counts from\n"
                          "your precision_at, recall_at and best_f1_threshold:\n\n");
    print_confusion("At the usual threshold 0.5:", metrics_confusion(p, ds->y, ds->n, 0.5));
    print_grid(p, ds->y, ds->n, ref, lesson, t);
    print_summary(c, best, lib, lib_best, t, ref, rc, lesson);
    if (best < c->n) {
        char title[128];
        snprintf(title, sizeof title, "\nAt the best-F1 threshold %.4f:", c->threshold[best]);
        print_confusion(title, c->counts[best]);
    }
    if (!lesson) printf("(Options differ from the lesson's: no scikit-learn reference to compare with.)\n\n");
}

/* The curve of m's probabilities on ds (with your code once exercise 09 is
 * written): printed beside the reference, and plotted. Returns 0, 2 when
 * the curve cannot be made (a bad label), or YOURS_DIFFER. */
static int evaluate(const Plotter *pl, const LogReg *m, const Dataset *ds, const CourseRun *o,
                    const Reference *ref, const Matrix *rc) {
    double *p = vec_new(ds->n), *my_p = vec_new(ds->n);
    logreg_predict_proba(m, &ds->X, p);

    // [snippet curve]
    PrCurve curve;
    LrError err;
    if (metrics_pr_curve(&curve, p, ds->y, ds->n, &err) != 0) {
        free(p);
        free(my_p);
        return chapter_error(CHAPTER_BAD_INPUT, "%s", err.msg);
    }
    size_t best = metrics_pr_best_f1(&curve);
    // [end curve]

    PrCurve mine;
    size_t my_best = 0;
    int yours = run_yours(ds, o, my_p, &mine, &my_best);
    YoursTally t;
    yours_tally_init(&t, 9, o->lesson ? "scikit-learn" : "lib/");
    const double *shown_p = yours ? my_p : p;
    const PrCurve *c = yours ? &mine : &curve;
    size_t b = yours ? my_best : best;
    print_all(shown_p, c, b, &curve, best, yours ? &t : NULL, ds, ref, rc, o->lesson);
    int status = 0;
    if (yours) {
        char summary[64];
        snprintf(summary, sizeof summary, "best F1 %.4f at threshold %.4f", b < c->n ? c->f1[b] : NAN,
                 b < c->n ? c->threshold[b] : NAN);
        status = yours_verdict(&t, summary);
        printf("\n");
    }
    pr_plots(pl, shown_p, c, b, ds);

    metrics_pr_curve_free(&curve);
    if (yours) metrics_pr_curve_free(&mine);
    free(p);
    free(my_p);
    return status;
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION), .gd = course_gd(0.1, 500)};
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 9: precision, recall, F1 and the choice of threshold.", NULL, 0);
    Reference ref;
    chapter_load_reference(&ref, "pr-classification.txt");
    Matrix rc;   // scikit-learn's curve: threshold, precision, recall
    chapter_load_table(&rc, "pr-classification-curve.csv");

    char about[256];
    chapter_print("Chapter 9: precision and recall on %s\n(%zu samples)\n", course_describe(&o.data, about, sizeof about),
                  ds.n);
    printf("chapter 3's model: %zu epoch%s of gradient descent, learning rate %g\n\n", o.gd.epochs,
           chapter_s(o.gd.epochs), o.gd.lr);
    LogReg m;
    int status = train(&m, &ds, &o);
    if (status == 0) status = evaluate(&pl, &m, &ds, &o, &ref, &rc);

    logreg_free(&m);
    mat_free(&rc);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
