/* regions: a picture of a classifier's decision regions in the plane.
 *
 * Every point of a fine grid is coloured by the class predicted there (a
 * light tint of the class's colour), the samples go on top in the full
 * colour and a shape of their own, and the key names both. The colours are
 * the Okabe-Ito ones lib/plot gives linetypes 1..6, so class c is drawn with
 * linetype c + 1 everywhere, and readers with colour-blindness can tell them
 * apart.
 *
 *     Matrix grid = regions_grid(&ds.X, REGIONS_STEPS);  // points around the data
 *     double *cls = vec_new(grid.rows);
 *     softmax_predict(&m, &grid, cls);                   // any classifier
 *     Plot p;
 *     plot_begin(&p, "chapter-08-regions");
 *     plot_cmd(&p, "set title 'Softmax regression: decision regions'");
 *     regions_draw(&p, &grid, cls, &ds, 3, NULL);
 *     chapter_show(&pl, &p);
 *     free(cls);
 *     mat_free(&grid);
 */
#ifndef LR_REGIONS_H
#define LR_REGIONS_H

#include <stddef.h>

#include "dataset.h"
#include "matrix.h"
#include "plot.h"

/* The most classes regions_draw has colours for. */
#define REGIONS_MAX_CLASSES 6

/* Grid points along each axis: enough for smooth borders at screen size. */
#define REGIONS_STEPS 160

/* A steps x steps grid of points (x1, x2) that covers the first two
 * features of X with a margin of 1 on every side (the lesson's plot range),
 * row by row: point (r, s) is row r * steps + s, with x2 fixed along a row.
 * Returns a (steps * steps, 2) matrix the caller frees with mat_free.
 * X has at least 2 columns; steps >= 2. */
Matrix regions_grid(const Matrix *X, size_t steps);

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
