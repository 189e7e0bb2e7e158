/* Chapter 6, step 4: the convergence plot, L - L* on a log scale. */
#include "study.h"

#include <math.h>
#include <stdio.h>

#include "plot.h"

/* Every STRIDE-th epoch after the first EVERY_EPOCH goes into the plot. */
#define PLOT_EVERY_EPOCH 200
#define PLOT_STRIDE 100

/* The datablocks: L - L* of gradient descent's losses ($gd, by epoch) and of
 * Newton's iterates ($newton, by iteration); gaps <= 0 are below rounding. */
static void plot_gaps(Plot *p, const Study *st, size_t epochs, double best_loss) {
    plot_data_begin(p, "gd");
    for (size_t e = 0; e < epochs; e++) {
        if (e >= PLOT_EVERY_EPOCH && e % PLOT_STRIDE != 0) continue;
        double gap = st->losses[e] - best_loss;
        plot_data_row(p, 2, (double[]){(double)e, gap > 0 ? gap : NAN});
    }
    plot_data_end(p);
    plot_data_begin(p, "newton");
    for (size_t k = 0; k <= st->res.iterations; k++) {
        double gap = st->trace[k].loss - best_loss;
        plot_data_row(p, 2, (double[]){(double)k, gap > 0 ? gap : NAN});
    }
    plot_data_end(p);
}

/* L - L* on a log scale: gradient descent against epochs, Newton against iterations. */
void study_plot(const Plotter *pl, const Study *st, int lesson, double lr, size_t epochs) {
    if (study_separated(st)) {
        printf("(No convergence plot: with no minimum there is no L* to measure from.)\n\n");
        return;
    }
    const LogRegNewtonResult *res = &st->res;
    double best_loss = st->answers[st->n_answers - 1].loss;
    double sk_gap = lesson ? st->answers[st->n_gd].loss - best_loss : NAN;
    double gd500_gap = st->answers[0].loss - best_loss;
    Plot p;
    plot_begin(&p, "chapter-06-convergence");
    plot_gaps(&p, st, epochs, best_loss);
    double ulp = best_loss * 2.220446049250313e-16;   // the spacing of doubles near L*
    // two narrow panels: no keys, each line named by its panel's title or a label beside it
    plot_cmd(&p, "set multiplot layout 1,2 title \"Loss above the minimum, L - L*:\\n"
                 "gradient descent against Newton\"");
    plot_cmd(&p, "set logscale y");
    plot_cmd(&p, "set format y '10^{%%L}'");
    plot_cmd(&p, "set yrange [1e-20:1]");
    plot_cmd(&p, "set ytics 1e-16, 1e4");
    plot_cmd(&p, "set ylabel 'L - L*'");
    plot_cmd(&p, "unset key");
    plot_cmd(&p, "set arrow 1 from graph 0, first %.10g to graph 1, first %.10g nohead dt 3 lc rgb '#888888'",
             ulp, ulp);
    plot_cmd(&p, "set label 1 'one ulp of L*' at graph 0.97, first %.10g right offset 0,-0.8 tc rgb '#666666'",
             ulp);
    if (sk_gap > 0) {
        plot_cmd(&p, "set label 3 'scikit-learn' at graph 0.97, first %.10g right offset 0,0.8 tc rgb '#D55E00'",
                 sk_gap);
    }
    plot_cmd(&p, "set label 2 '500 epochs' at 500, first %.10g point pt 7 ps 1 lc rgb '#0072B2' "
                 "offset 1,0.2",
             gd500_gap);
    plot_title(&p, "gradient descent, lr %g", lr);
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set xtics 0, %g", (double)epochs / 2);
    plot_cmd(&p, "set format x '%%.0s%%c'");   // 50k, 100k
    plot_cmd(&p, "plot $gd using 1:2 with lines lt 1 notitle, %.10g with lines lt 2 dt 2 notitle", sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset label 2");
    plot_cmd(&p, "unset ylabel");
    plot_title(&p, "Newton's method");
    plot_cmd(&p, "set xlabel 'iteration'");
    plot_cmd(&p, "set xtics 0, %d", res->iterations > 8 ? 4 : 2);
    plot_cmd(&p, "set format x '%%g'");
    plot_cmd(&p, "set xrange [0:%zu]", res->iterations);
    plot_cmd(&p, "plot $newton using 1:2 with linespoints lt 3 pt 7 ps 1 notitle, %.10g with lines lt 2 dt 2 notitle",
             sk_gap > 0 ? sk_gap : NAN);
    plot_cmd(&p, "unset multiplot");
    chapter_show(pl, &p);
}
