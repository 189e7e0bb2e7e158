/* Chapter 5's plots of the finer sweep of lambda: the weights, and the loss
 * with the accuracy, against lambda. */
#include "sweep.h"

#include "chapter.h"

static void add_sweep(Plot *p, const SweepRow *rows) {
    plot_data_begin(p, "sweep");
    for (int k = 0; k < N_SWEEP; k++) plot_data_row(p, 9, rows[k].row);
    plot_data_end(p);
}

void sweep_plot_weights(const Plotter *pl, const SweepRow *rows, size_t epochs, double lr) {
    Plot p;
    plot_begin(&p, "chapter-05-weights");
    add_sweep(&p, rows);
    plot_title(&p, "L2 regularisation shrinks the weights (%zu epochs of gradient descent, lr %g)",
               epochs, lr);
    plot_cmd(&p, "set xlabel 'λ' ");
    plot_cmd(&p, "set ylabel 'weight'");
    plot_cmd(&p, "set logscale x");
    plot_cmd(&p, "set format x '10^{%%L}'");
    plot_key_below(&p, 5);   // inside, the key covers the weights at small λ
    plot_cmd(&p, "plot $sweep using 1:2 with linespoints lt 1 pi 5 title 'w_1 (%zu epochs)', "
                 "$sweep using 1:3 with linespoints lt 2 pi 5 title 'w_2 (%zu epochs)', "
                 "$sweep using 1:4 with linespoints lt 3 pi 5 title 'b (%zu epochs)', "
                 "$sweep using 1:8 with lines lt 1 dt 2 title 'w_1 at the minimum', "
                 "$sweep using 1:9 with lines lt 2 dt 2 title 'w_2 at the minimum'",
             epochs, epochs, epochs);
    chapter_show(pl, &p);
}

void sweep_plot_loss(const Plotter *pl, const SweepRow *rows) {
    Plot p;
    plot_begin(&p, "chapter-05-loss");
    add_sweep(&p, rows);
    plot_title(&p, "What λ trades: a worse fit for smaller weights");
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
