/* Chapter 9: precision, recall, and choosing the threshold.
 *
 * Trains chapter 3's model (500 epochs of gradient descent, lr 0.1, on the
 * lesson's data), then moves the threshold t over every distinct predicted
 * probability: at each, the samples with p >= t are called positive. Prints
 * the confusion counts at t = 0.5, precision, recall and F1 at t = 0.1 ...
 * 0.9, the threshold with the best F1 and the average precision, each beside
 * scikit-learn's. Plots the precision-recall curve and the three scores
 * against the threshold.
 *
 *     make chapter-09 && ./chapter-09 [--lr RATE] [--epochs N] [--seed N] [--data FILE.csv]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "logreg.h"
#include "metrics.h"

/* ---- printing ---------------------------------------------------------------- */

static void print_confusion(const char *title, Confusion c) {
    char row1[32], row0[32];
    snprintf(row1, sizeof row1, "actual 1 (%zu)", c.tp + c.fn);
    snprintf(row0, sizeof row0, "actual 0 (%zu)", c.fp + c.tn);
    printf("%s\n", title);
    printf("    %-18s %-13s %s\n", "", "predicted 1", "predicted 0");
    printf("    %-18s tp = %-8zu fn = %zu\n", row1, c.tp, c.fn);
    printf("    %-18s fp = %-8zu tn = %zu\n", row0, c.fp, c.tn);
    printf("    precision = tp / (tp + fp) = %.4f,  recall = tp / (tp + fn) = %.4f,  F1 = %.4f\n\n",
           metrics_precision(c), metrics_recall(c), metrics_f1(c));
}

/* One row per threshold 0.1 ... 0.9: precision, recall, F1, each beside
 * scikit-learn's (when the options are the lesson's). */
static void print_grid(const double *p, const double *y, size_t n, const Reference *ref, int lesson) {
    printf("Precision, recall and F1 at nine thresholds%s:\n", lesson ? " (ours, then scikit-learn's)" : "");
    int w = lesson ? 23 : 12;   // a column holds ours and the reference, or ours alone
    printf("%-9s     %-*s %-*s %s\n", "threshold", w, "precision", w, "recall", "F1");
    for (int k = 1; k <= 9; k++) {
        double t = k / 10.0;
        Confusion c = metrics_confusion(p, y, n, t);
        double ours[3] = {metrics_precision(c), metrics_recall(c), metrics_f1(c)};
        static const char *names[3] = {"precision", "recall", "f1"};
        printf("%-9.1f", t);
        for (int m = 0; m < 3; m++) {
            char key[32];
            snprintf(key, sizeof key, "%s_at_%.1f", names[m], t);
            if (lesson) printf("    %9.6f %9.6f", ours[m], ref_value(ref, key, 0));
            else printf("    %9.6f", ours[m]);
        }
        printf("\n");
    }
    printf("\n");
}

/* The curve's size, the best-F1 point and the average precision beside
 * scikit-learn's, and the largest difference along the whole curve. */
static void print_summary(const PrCurve *c, size_t best, const Reference *ref, const Matrix *rc, int lesson) {
    printf("%-14s %20s %20s %10s\n", "", "ours", lesson ? "scikit-learn" : "", lesson ? "|diff|" : "");
    chapter_compare("thresholds", (double)c->n, lesson ? ref_value(ref, "n_thresholds", 0) : NAN);
    chapter_compare("best_threshold", c->threshold[best], lesson ? ref_value(ref, "best_threshold", 0) : NAN);
    chapter_compare("best_F1", c->f1[best], lesson ? ref_value(ref, "best_f1", 0) : NAN);
    chapter_compare("best_precision", c->precision[best], lesson ? ref_value(ref, "best_precision", 0) : NAN);
    chapter_compare("best_recall", c->recall[best], lesson ? ref_value(ref, "best_recall", 0) : NAN);
    chapter_compare("avg_precision", metrics_average_precision(c), lesson ? ref_value(ref, "average_precision", 0) : NAN);
    if (!lesson) return;
    double worst = c->n == rc->rows ? 0.0 : INFINITY;
    for (size_t k = 0; k < c->n && k < rc->rows; k++) {   // rc's columns: threshold, precision, recall
        worst = fmax(worst, fabs(c->threshold[k] - *mat_at(rc, k, 0)));
        worst = fmax(worst, fabs(c->precision[k] - *mat_at(rc, k, 1)));
        worst = fmax(worst, fabs(c->recall[k] - *mat_at(rc, k, 2)));
    }
    printf("curve_max_diff %.1e   (largest |ours - scikit-learn's| over all %zu points: threshold, precision, recall)\n",
           worst, rc->rows);
}

/* ---- plots -------------------------------------------------------------------- */

/* The curve as a staircase in recall: between recall R_{k+1} and R_k the
 * precision is P_k, so the shaded area is exactly the average precision. */
static void plot_pr(const Plotter *pl, const PrCurve *c, size_t best, const Confusion *at_half, double base_rate) {
    Plot p;
    plot_begin(&p, "chapter-09-pr");
    plot_data_begin(&p, "stairs");
    plot_data_row(&p, 2, (double[]){0.0, c->precision[c->n - 1]});
    for (size_t k = c->n; k-- > 0;) {
        plot_data_row(&p, 2, (double[]){c->recall[k], c->precision[k]});
        if (k > 0) plot_data_row(&p, 2, (double[]){c->recall[k], c->precision[k - 1]});
    }
    plot_data_end(&p);
    plot_data_begin(&p, "best");
    plot_data_row(&p, 2, (double[]){c->recall[best], c->precision[best]});
    plot_data_end(&p);
    plot_data_begin(&p, "half");
    plot_data_row(&p, 2, (double[]){metrics_recall(*at_half), metrics_precision(*at_half)});
    plot_data_end(&p);
    plot_cmd(&p, "set title 'Precision against recall as the threshold falls from 1 to 0 (area = average precision %.4f)'",
             metrics_average_precision(c));
    plot_cmd(&p, "set xlabel 'recall = tp / (tp + fn): the share of positives found'");
    plot_cmd(&p, "set ylabel 'precision = tp / (tp + fp): the share of alarms that are right'");
    plot_cmd(&p, "set xrange [0:1.02]");
    plot_cmd(&p, "set yrange [0:1.05]");
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "plot $stairs using 1:2 with filledcurves y1=0 fc rgb '#0072B2' fs transparent solid 0.15 noborder "
                 "title 'area: average precision', "
                 "$stairs using 1:2 with lines lt 1 title 'precision-recall curve', "
                 "%g with lines lt 7 dt 2 title 'no skill: the share of positives (%.2f)', "
                 "$half using 1:2 with points lt 3 pt 9 ps 2.2 title 'threshold 0.5', "
                 "$best using 1:2 with points lt 2 pt 7 ps 2.2 title sprintf('best F1 %.3f at threshold %.3f')",
             base_rate, base_rate, c->f1[best], c->threshold[best]);
    chapter_show(pl, &p);
}

/* What the counts are: the scores of each class as a histogram, with the
 * threshold drawn across. Right of it is "predicted 1". */
static void plot_scores(const Plotter *pl, const double *p, const double *y, size_t n, double t_best) {
    enum { BINS = 20 };
    double count[2][BINS] = {{0}};
    for (size_t i = 0; i < n; i++) {
        int bin = (int)(p[i] * BINS);
        count[y[i] == 1.0][bin < BINS ? bin : BINS - 1] += 1;
    }
    Plot pt;
    plot_begin(&pt, "chapter-09-scores");
    plot_data_begin(&pt, "hist");
    for (int b = 0; b < BINS; b++) plot_data_row(&pt, 3, (double[]){(b + 0.5) / BINS, count[0][b], count[1][b]});
    plot_data_end(&pt);
    plot_cmd(&pt, "set title 'The predicted probabilities of each class, and where the threshold cuts them'");
    plot_cmd(&pt, "set xlabel 'predicted probability p = P(y = 1 | x)'");
    plot_cmd(&pt, "set ylabel 'number of samples'");
    plot_cmd(&pt, "set xrange [0:1]");
    double tallest = 0;
    for (int b = 0; b < BINS; b++) tallest = fmax(tallest, fmax(count[0][b], count[1][b]));
    plot_cmd(&pt, "set yrange [0:%g]", ceil(tallest * 1.3));   // room for the key above the bars
    plot_cmd(&pt, "set key top center");
    plot_cmd(&pt, "set style fill transparent solid 0.45 border");
    plot_cmd(&pt, "set boxwidth %g absolute", 1.0 / BINS);
    plot_cmd(&pt, "set arrow from 0.5, graph 0 to 0.5, graph 1 nohead lt 7 dt 3");
    plot_cmd(&pt, "set arrow from %.17g, graph 0 to %.17g, graph 1 nohead lt 7 dt 2", t_best, t_best);
    plot_cmd(&pt, "set label 'predicted 0  <-' at %.17g, graph 0.55 right offset -1, 0", t_best);
    plot_cmd(&pt, "set label '->  predicted 1' at %.17g, graph 0.55 left offset 1, 0", t_best);
    plot_cmd(&pt, "plot $hist using 1:2 with boxes lt 1 title 'y = 0: right of the line they are false positives', "
                  "$hist using 1:3 with boxes lt 2 title 'y = 1: left of the line they are false negatives', "
                  "1/0 with lines lt 7 dt 2 title sprintf('best-F1 threshold %%.3f', %.17g), "
                  "1/0 with lines lt 7 dt 3 title 'threshold 0.5'",
             t_best);
    chapter_show(pl, &pt);
}

/* Precision, recall and F1 against the threshold. Between two scores t_k and
 * t_{k+1} the predictions are those at t_{k+1}: fsteps draws that. */
static void plot_threshold(const Plotter *pl, const PrCurve *c, size_t best) {
    Plot p;
    plot_begin(&p, "chapter-09-threshold");
    plot_data_begin(&p, "scores");
    plot_data_row(&p, 4, (double[]){0.0, c->precision[0], c->recall[0], c->f1[0]});
    for (size_t k = 0; k < c->n; k++) {
        plot_data_row(&p, 4, (double[]){c->threshold[k], c->precision[k], c->recall[k], c->f1[k]});
    }
    plot_data_row(&p, 4, (double[]){1.0, 1.0, 0.0, 0.0});   // above every score: nothing predicted positive
    plot_data_end(&p);
    plot_cmd(&p, "set title 'Moving the threshold trades recall for precision; F1 is best at %.3f'", c->threshold[best]);
    plot_cmd(&p, "set xlabel 'threshold t (predict 1 when p >= t)'");
    plot_cmd(&p, "set ylabel 'score'");
    plot_cmd(&p, "set xrange [0:1]");
    plot_cmd(&p, "set yrange [0:1.05]");
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "set arrow from %.17g, graph 0 to %.17g, graph 1 nohead lt 7 dt 2", c->threshold[best], c->threshold[best]);
    plot_cmd(&p, "plot $scores using 1:2 with fsteps lt 1 title 'precision', "
                 "$scores using 1:3 with fsteps lt 2 title 'recall', "
                 "$scores using 1:4 with fsteps lt 3 title 'F1', "
                 "1/0 with lines lt 7 dt 2 title 'best-F1 threshold'");
    chapter_show(pl, &p);
}

/* ---- main --------------------------------------------------------------------- */

/* Chapter 3's model, trained by gradient descent from w = 0, b = 0. Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int train(LogReg *m, const Dataset *ds, const CourseRun *o) {
    logreg_init(m, ds->d);
    LogRegParams par = {.lr = o->gd.lr, .epochs = o->gd.epochs, .lambda = 0.0};
    return chapter_fit_status(logreg_fit_gd(m, &ds->X, ds->y, &par, NULL), o->gd.lr, NULL);
}

/* The curve of m's probabilities on ds: printed beside the reference, and
 * plotted. Returns 0, or 2 when the curve cannot be made (a bad label). */
static int evaluate(const Plotter *pl, const LogReg *m, const Dataset *ds, const Reference *ref,
                    const Matrix *rc, int lesson) {
    double *p = vec_new(ds->n);
    logreg_predict_proba(m, &ds->X, p);

    // [snippet curve]
    PrCurve curve;
    LrError err;
    if (metrics_pr_curve(&curve, p, ds->y, ds->n, &err) != 0) {
        free(p);
        return chapter_error(CHAPTER_BAD_INPUT, "%s", err.msg);
    }
    size_t best = metrics_pr_best_f1(&curve);
    // [end curve]

    Confusion at_half = metrics_confusion(p, ds->y, ds->n, 0.5);
    print_confusion("At the usual threshold 0.5:", at_half);
    print_grid(p, ds->y, ds->n, ref, lesson);
    print_summary(&curve, best, ref, rc, lesson);
    char title[128];
    snprintf(title, sizeof title, "\nAt the best-F1 threshold %.4f:", curve.threshold[best]);
    print_confusion(title, curve.counts[best]);
    if (!lesson) printf("(Options differ from the lesson's, so there is no scikit-learn reference to compare.)\n\n");

    double base_rate = (double)(at_half.tp + at_half.fn) / (double)ds->n;
    plot_scores(pl, p, ds->y, ds->n, curve.threshold[best]);
    plot_pr(pl, &curve, best, &at_half, base_rate);
    plot_threshold(pl, &curve, best);

    metrics_pr_curve_free(&curve);
    free(p);
    return 0;
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
    printf("Chapter 9: precision and recall on %s\n(%zu samples)\n", course_describe(&o.data, about, sizeof about),
           ds.n);
    printf("chapter 3's model: %zu epoch%s of gradient descent, learning rate %g\n\n", o.gd.epochs,
           chapter_s(o.gd.epochs), o.gd.lr);
    LogReg m;
    int status = train(&m, &ds, &o);
    if (status == 0) status = evaluate(&pl, &m, &ds, &ref, &rc, o.lesson);

    logreg_free(&m);
    mat_free(&rc);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
