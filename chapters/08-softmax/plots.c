/* Chapter 8, the plots: the decision regions of the softmax model and the
 * loss curve of its gradient descent. */
#include "plots.h"

#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "regions.h"

void plots_regions(const Plotter *pl, const Softmax *m, const Dataset *ds, size_t epochs) {
    if (ds->d != 2) printf("(The data have %zu features, not 2, so there is no plane to draw the regions in.)\n", ds->d);
    if (ds->d != 2 || !plot_drawn(pl)) return;   // LR_PLOT=none: no grid to compute
    RegionsBox box = regions_box(&ds->X, REGIONS_MARGIN);
    Matrix grid = regions_grid(&box, REGIONS_STEPS);
    double *cls = vec_new(grid.rows);
    softmax_predict(m, &grid, cls);
    Plot p;
    plot_begin(&p, "chapter-08-regions");
    plot_title(&p, "Softmax regression: the class of the largest score (%zu epochs)", epochs);
    // the borders as exact lines z_a = z_b: the raster's edges are steps
    size_t borders = regions_add_borders(&p, "borders", m->W.data, m->b, m->k, &box);
    regions_draw(&p, &grid, cls, ds, m->k, borders > 0 ? "$borders with lines lt 7 lw 1.5 notitle" : NULL);
    chapter_show(pl, &p);
    free(cls);
    mat_free(&grid);
}

/* Gradient descent's loss beside Newton's last: the minimum, if there is one. */
void plots_loss(const Plotter *pl, const double *losses, size_t epochs, double lr, double last, int minimum) {
    Plot p;
    plot_begin(&p, "chapter-08-loss");
    plot_data_begin(&p, "loss");
    for (size_t e = 0; e < epochs; e++) plot_data_row(&p, 2, (double[]){(double)e, losses[e]});
    plot_data_end(&p);
    plot_title(&p, "Softmax regression: gradient descent (lr = %g) %s", lr, minimum ? "nears the minimum" : "(no minimum)");
    plot_cmd(&p, "set xlabel 'epoch'");
    plot_cmd(&p, "set ylabel 'categorical cross-entropy'");
    plot_cmd(&p, "set key top right; set yrange [0:*]");
    plot_cmd(&p, "plot $loss using 1:2 with lines lt 1 title 'loss, gradient descent', "
                 "%.17g with lines lt 2 dt 2 title '%s, %.4f'",
             last, minimum ? "the minimum (Newton)" : "where Newton stopped", last);
    chapter_show(pl, &p);
}
