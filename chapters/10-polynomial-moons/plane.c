/* Chapter 10: pictures of a model's P(y = 1) over the plane of the moons:
 * a pale palette for the probability, the p = 0.5 boundary traced by
 * gnuplot, and the samples on top. */
#include "plane.h"

#define PLANE_MARGIN 0.5   // the pictures show the data with this margin

/* Axes, a pale blue-white-orange palette for P(y = 1) (the class colours
 * of lib/plot, lightened so the points stay visible), the plane's range, and
 * the key of `entries` entries under the plot. */
static void set_plane(Plot *p, const Dataset *ds, const RegionsBox *box, size_t entries) {
    regions_set_axes(p, ds, box);
    plot_cmd(p, "set palette defined (0 '#99C7E0', 0.5 '#FFFFFF', 1 '#EEBF99')");
    plot_cmd(p, "set cbrange [0:1]");
    plot_cmd(p, "set cblabel 'P(y = 1)'");
    plot_key_below(p, entries);
}

#define POINTS "$class0 using 1:2 with points lt 1 ps 0.7 title 'y = 0', " \
               "$class1 using 1:2 with points lt 2 ps 0.7 title 'y = 1'"

void plot_surface(const Plotter *pl, const char *name, const char *title, RegionsProbaFn proba, const void *model,
                  const Dataset *ds) {
    if (!plot_drawn(pl)) return;   // LR_PLOT=none: no picture, so no grid of probabilities
    RegionsBox box = regions_box(&ds->X, PLANE_MARGIN);
    Plot p;
    plot_begin(&p, name);
    regions_add_probability(&p, "surface", proba, model, &box);
    regions_add_samples(&p, ds, 2);
    regions_add_contour(&p, "surface", "boundary");
    set_plane(&p, ds, &box, 3);
    plot_title(&p, "%s", title);
    plot_cmd(&p, "plot $surface using 1:2:3 with image notitle, "
                 "$boundary using 1:2 with lines lt 7 lw 2 title 'boundary: p = 0.5', " POINTS);
    chapter_show(pl, &p);
}

void plot_overfit(const Plotter *pl, const PolyModel *loose, const PolyModel *tight, double lambda,
                  const Dataset *train, const Dataset *test) {
    RegionsBox box = regions_box(&train->X, PLANE_MARGIN);
    Plot p;
    plot_begin(&p, "chapter-10-overfit");
    regions_add_probability(&p, "loose", polyreg_proba_fn, loose, &box);
    regions_add_probability(&p, "tight", polyreg_proba_fn, tight, &box);
    regions_add_samples(&p, train, 2);
    regions_add_contour(&p, "loose", "loose_line");
    regions_add_contour(&p, "tight", "tight_line");
    set_plane(&p, train, &box, 4);
    plot_title(&p, "Degree %zu: without a penalty the boundary wanders where there are no points; L2 keeps it smooth",
               loose->degree);
    plot_cmd(&p, "plot $tight using 1:2:3 with image notitle, "
                 "$loose_line using 1:2 with lines lt 7 lw 2 dt 2 "
                 "title 'no penalty: %.2f, %.2f', "
                 "$tight_line using 1:2 with lines lt 7 lw 3 "
                 "title 'L2 (λ = %g): %.2f, %.2f', " POINTS,
             polyreg_accuracy(loose, train), polyreg_accuracy(loose, test), lambda, polyreg_accuracy(tight, train),
             polyreg_accuracy(tight, test));
    chapter_show(pl, &p);
}
