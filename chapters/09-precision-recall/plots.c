/* Chapter 9's plots: the scores of each class, the precision-recall curve,
 * and the three scores against the threshold. */
#include <math.h>

#include "chapter.h"
#include "plots.h"

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
    plot_title(&p, "Precision against recall as the threshold falls from 1 to 0 (area: average precision %.4f)",
               metrics_average_precision(c));
    plot_cmd(&p, "set xlabel 'recall = tp / (tp + fn)'");
    plot_cmd(&p, "set ylabel 'precision = tp / (tp + fp)'");
    plot_cmd(&p, "set xrange [0:1.02]");
    plot_cmd(&p, "set yrange [0:1.05]");
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "plot $stairs using 1:2 with filledcurves y1=0 fc rgb '#0072B2' fs transparent solid 0.15 noborder "
                 "title 'area', "
                 "$stairs using 1:2 with lines lt 1 title 'the curve', "
                 "%g with lines lt 7 dt 2 title 'no skill: %.2f', "
                 "$half using 1:2 with points lt 3 pt 9 ps 2.2 title 'threshold 0.5', "
                 "$best using 1:2 with points lt 2 pt 7 ps 2.2 title sprintf('best F1 %.3f, t = %.3f')",
             base_rate, base_rate, c->f1[best], c->threshold[best]);
    chapter_show(pl, &p);
}

/* What the counts are: the scores of each class as a histogram, with the
 * threshold drawn across. Right of it is "predicted 1". The y axis is
 * logarithmic, so that the bins of 1 to 3 samples near the threshold (the
 * mistakes, the point of the picture) show beside bins of a hundred; each
 * bar is a rectangle from 0.5 up to its count (a log axis has no 0), and
 * empty bins are left out. */
static void plot_scores(const Plotter *pl, const double *p, const double *y, size_t n, double t_best) {
    enum { BINS = 20 };
    double count[2][BINS] = {{0}};
    for (size_t i = 0; i < n; i++) {
        int bin = (int)(p[i] * BINS);
        count[y[i] == 1.0][bin < BINS ? bin : BINS - 1] += 1;
    }
    Plot pt;
    plot_begin(&pt, "chapter-09-scores");
    plot_data_begin(&pt, "hist");   // bin from, bin to, samples of class 0, of class 1
    for (int b = 0; b < BINS; b++) {
        plot_data_row(&pt, 4, (double[]){(double)b / BINS, (b + 1.0) / BINS, count[0][b], count[1][b]});
    }
    plot_data_end(&pt);
    double tallest = 0;
    for (int b = 0; b < BINS; b++) tallest = fmax(tallest, fmax(count[0][b], count[1][b]));
    double top = fmax(10.0, tallest * 1.5);
    // the two thresholds as lines of data, not arrows: each gets its own
    // line type, so in ASCII art (LR_PLOT=dumb) its own character, as in its key
    plot_data_begin(&pt, "best");   // t, samples: the threshold from the bottom to the top
    plot_data_row(&pt, 2, (double[]){t_best, 0.5});
    plot_data_row(&pt, 2, (double[]){t_best, top});
    plot_data_end(&pt);
    plot_data_begin(&pt, "half");
    plot_data_row(&pt, 2, (double[]){0.5, 0.5});
    plot_data_row(&pt, 2, (double[]){0.5, top});
    plot_data_end(&pt);
    plot_title(&pt, "The scores of each class, and the threshold");
    plot_cmd(&pt, "set xlabel 'predicted probability p = P(y = 1 | x)'");
    plot_cmd(&pt, "set ylabel 'samples (log scale)'");
    plot_cmd(&pt, "set xrange [0:1]");
    plot_cmd(&pt, "set logscale y");
    plot_cmd(&pt, "set yrange [0.5:%g]", top);
    plot_cmd(&pt, "set style fill transparent solid 0.45 border");
    plot_key_below(&pt, 4);
    plot_cmd(&pt, "set label 'predicted 0 <-' at %.17g, graph 0.93 right offset -0.5, 0", t_best);
    plot_cmd(&pt, "set label '-> predicted 1' at %.17g, graph 0.93 left offset 0.5, 0", t_best);
    // boxxyerror: x, y, x from, x to, y from, y to; an empty bin's NaN leaves it out
    plot_cmd(&pt, "plot $hist using (($1 + $2) / 2):($3 > 0 ? $3 : NaN):1:2:(0.5):3 with boxxyerror lt 1 "
                  "title 'y = 0', "
                  "$hist using (($1 + $2) / 2):($4 > 0 ? $4 : NaN):1:2:(0.5):4 with boxxyerror lt 2 "
                  "title 'y = 1', "
                  "$best with lines lt 7 dt 2 title sprintf('best F1 at %%.3f', %.17g), "
                  "$half with lines lt 5 lc rgb '#000000' lw 1 dt 3 title 'threshold 0.5'",
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
    plot_data_begin(&p, "best");   // the best-F1 threshold from the bottom to the top, drawn in its key's character
    plot_data_row(&p, 2, (double[]){c->threshold[best], 0.0});
    plot_data_row(&p, 2, (double[]){c->threshold[best], 1.05});
    plot_data_end(&p);
    plot_title(&p, "Moving the threshold trades recall for precision; F1 is best at %.3f", c->threshold[best]);
    plot_cmd(&p, "set xlabel 'threshold t (predict 1 when p >= t)'");
    plot_cmd(&p, "set ylabel 'score'");
    plot_cmd(&p, "set xrange [0:1]");
    plot_cmd(&p, "set yrange [0:1.05]");
    plot_cmd(&p, "set key bottom left");
    plot_cmd(&p, "plot $scores using 1:2 with fsteps lt 1 title 'precision', "
                 "$scores using 1:3 with fsteps lt 2 title 'recall', "
                 "$scores using 1:4 with fsteps lt 3 title 'F1', "
                 "$best with lines lt 7 dt 2 title 'best-F1 threshold'");
    chapter_show(pl, &p);
}

/* The three plots of scores p and their curve c. */
void pr_plots(const Plotter *pl, const double *p, const PrCurve *c, size_t best, const Dataset *ds) {
    if (best == c->n) return;   // your best threshold is none of the scores: nothing to mark
    Confusion at_half = metrics_confusion(p, ds->y, ds->n, 0.5);
    double base_rate = (double)(at_half.tp + at_half.fn) / (double)ds->n;
    plot_scores(pl, p, ds->y, ds->n, c->threshold[best]);
    plot_pr(pl, c, best, &at_half, base_rate);
    plot_threshold(pl, c, best);
}
