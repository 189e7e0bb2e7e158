/* regions: a picture of a classifier's decision regions in the plane.
 *
 * Every point of a fine grid is coloured by the class predicted there (a
 * light tint of the class's colour), the samples go on top in the full
 * colour and a shape of their own, and the key names both. The colours are
 * the Okabe-Ito ones lib/plot gives linetypes 1..6, so class c is drawn with
 * linetype c + 1 everywhere, and readers with colour-blindness can tell them
 * apart.
 *
 *     RegionsBox box = regions_box(&ds.X, REGIONS_MARGIN);
 *     Matrix grid = regions_grid(&box, REGIONS_STEPS);   // points around the data
 *     double *cls = vec_new(grid.rows);
 *     softmax_predict(&m, &grid, cls);                   // any classifier
 *     Plot p;
 *     plot_begin(&p, "chapter-08-regions");
 *     plot_title(&p, "Softmax regression: decision regions");
 *     regions_draw(&p, &grid, cls, &ds, 3, NULL);
 *     chapter_show(&pl, &p);
 *     free(cls);
 *     mat_free(&grid);
 */
#ifndef LR_REGIONS_H
#define LR_REGIONS_H

#include <stddef.h>

#include "dataset.h"
#include "logreg.h"
#include "matrix.h"
#include "plot.h"

/* ---- the plane: the box, the grid, the samples --------------------------- */

/* The most classes regions_draw has colours for. */
#define REGIONS_MAX_CLASSES 6

/* Grid points along each axis: enough for smooth borders at screen size. */
#define REGIONS_STEPS 160

/* The margin around the data of the lesson's plots. */
#define REGIONS_MARGIN 1.0

/* The part of the plane a picture shows. */
typedef struct {
    double x1_min, x1_max, x2_min, x2_max;
} RegionsBox;

/* The smallest box around the first two features of X, widened by margin
 * on every side. X has at least 2 columns. */
RegionsBox regions_box(const Matrix *X, double margin);

/* A steps x steps grid of points (x1, x2) over box, row by row: point
 * (r, s) is row r * steps + s, with x2 fixed along a row (the lesson's
 * meshgrid). Returns a (steps * steps, 2) matrix the caller frees with
 * mat_free. steps >= 2. */
Matrix regions_grid(const RegionsBox *box, size_t steps);

/* Datablock $NAME: one row "x1 x2 value" per grid point, and a blank line
 * after each row of the grid, as gnuplot's image and splot want it. grid is
 * from regions_grid, value (grid->rows) anything measured at its points. */
void regions_add_grid(Plot *p, const char *name, const Matrix *grid, const double *value);

/* Datablocks $class0 .. $class{k-1}: the samples of ds of each class (their
 * first two features). */
void regions_add_samples(Plot *p, const Dataset *ds, size_t k);

/* Axis labels (the first two column names of ds), the box as the plotted
 * range, and equal units on both axes, so that angles are true. */
void regions_set_axes(Plot *p, const Dataset *ds, const RegionsBox *box);

/* ---- a binary model's probability over the plane -------------------------- */

/* Any model of the plane: writes p_i = P(y = 1 | x_i) for the rows of X
 * (n, 2) into p (n). */
typedef void (*RegionsProbaFn)(const void *model, const Matrix *X, double *p);

/* A RegionsProbaFn for a LogReg of 2 features. */
void regions_logreg_proba(const void *model, const Matrix *X, double *p);

/* Datablock $NAME: the model's P(y = 1) at the points of a REGIONS_STEPS x
 * REGIONS_STEPS grid over box, as regions_add_grid writes it. */
void regions_add_probability(Plot *p, const char *name, RegionsProbaFn proba, const void *model,
                             const RegionsBox *box);

/* Datablock $BOUNDARY: the p = 1/2 contour of datablock $SURFACE (from
 * regions_add_probability), traced by gnuplot. */
void regions_add_contour(Plot *p, const char *surface, const char *boundary);

/* ---- decision regions of K classes ------------------------------------------ */

/* The most border segments of k classes: one per pair. */
#define REGIONS_MAX_BORDERS (REGIONS_MAX_CLASSES * (REGIONS_MAX_CLASSES - 1) / 2)

/* The borders between the regions of a linear classifier that predicts
 * argmax_c z_c(x), z_c = W[c] . x + bias[c] (softmax regression, or
 * one-vs-rest, whose sigmoids keep the order of the z_c). The border of
 * classes a and b lies on the straight line z_a = z_b, where both beat every
 * other class: a segment, found exactly rather than read off a raster.
 * W is (k, 2) row by row, 2 <= k <= REGIONS_MAX_CLASSES. Writes each
 * segment inside box as x1, y1, x2, y2 into seg (4 * REGIONS_MAX_BORDERS)
 * and returns how many there are. */
size_t regions_borders(const double *W, const double *bias, size_t k, const RegionsBox *box, double *seg);

/* Datablock $NAME: the segments of regions_borders, each as two rows
 * "x1 x2" and a blank line, for "$NAME with lines". Returns how many; when
 * there are none it adds no datablock (leave "$NAME" out of the plot). */
size_t regions_add_borders(Plot *p, const char *name, const double *W, const double *bias, size_t k,
                           const RegionsBox *box);

/* Adds the regions, the samples of ds and the key to p, and the plot command
 * that draws them. grid is from regions_grid, grid_class (grid->rows) the
 * class predicted at each grid point, k the number of classes (2 to
 * REGIONS_MAX_CLASSES). extra is NULL, or more plot elements for the end of
 * the plot command, comma-separated (e.g. boundary lines). Set the
 * title before calling; axis labels are the first two column names of ds. */
void regions_draw(Plot *p, const Matrix *grid, const double *grid_class, const Dataset *ds,
                  size_t k, const char *extra);

/* The same picture for any labelling of the plane: grid_value (grid->rows)
 * holds whole numbers 0 .. n_values-1, value v is filled with the colour
 * fill[v] (0xRRGGBB) and named titles[v] in the key. The samples of ds
 * (k classes) and extra are drawn on top as in regions_draw. */
void regions_draw_values(Plot *p, const Matrix *grid, const double *grid_value, size_t n_values,
                         const unsigned *fill, const char *const *titles, const Dataset *ds,
                         size_t k, const char *extra);

#endif
