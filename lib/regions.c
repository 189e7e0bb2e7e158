#include "regions.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe-Ito, in lib/plot's linetype order 1..6. */
static const unsigned COLOURS[REGIONS_MAX_CLASSES] = {
    0x0072B2,
    0xD55E00,
    0x009E73,
    0xCC79A7,
    0xE69F00,
    0x56B4E9,
};

/* How much of the colour a region's tint keeps (the rest is white): light
 * enough that the samples on top stand out. */
#define TINT 0.28

static unsigned tint(unsigned rgb) {
    unsigned out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF);
        out |= (unsigned)lround(255.0 - (255.0 - c) * TINT) << shift;
    }
    return out;
}

RegionsBox regions_box(const Matrix *X, double margin) {
    RegionsBox box = {INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (size_t i = 0; i < X->rows; i++) {
        const double *x_i = mat_row(X, i);
        box.x1_min = fmin(box.x1_min, x_i[0]);
        box.x1_max = fmax(box.x1_max, x_i[0]);
        box.x2_min = fmin(box.x2_min, x_i[1]);
        box.x2_max = fmax(box.x2_max, x_i[1]);
    }
    return (RegionsBox){box.x1_min - margin, box.x1_max + margin, box.x2_min - margin, box.x2_max + margin};
}

// [snippet grid]
Matrix regions_grid(const RegionsBox *box, size_t steps) {
    Matrix grid = mat_new(steps * steps, 2);
    // x_rs = (x1_min + s (x1_max - x1_min) / (steps - 1),  x2_min + r (x2_max - x2_min) / (steps - 1))
    for (size_t r = 0; r < steps; r++) {
        for (size_t s = 0; s < steps; s++) {
            double *x = mat_row(&grid, r * steps + s);
            x[0] = box->x1_min + (box->x1_max - box->x1_min) * (double)s / (double)(steps - 1);
            x[1] = box->x2_min + (box->x2_max - box->x2_min) * (double)r / (double)(steps - 1);
        }
    }
    return grid;
}
// [end grid]

void regions_add_grid(Plot *p, const char *name, const Matrix *grid, const double *value) {
    plot_data_begin(p, name);
    for (size_t t = 0; t < grid->rows; t++) {
        const double *g = mat_row(grid, t);
        if (t > 0 && g[1] != mat_row(grid, t - 1)[1]) plot_data_blank(p);   // a new row of the grid
        plot_data_row(p, 3, (double[]){g[0], g[1], value[t]});
    }
    plot_data_end(p);
}

void regions_add_samples(Plot *p, const Dataset *ds, size_t k) {
    for (size_t c = 0; c < k; c++) {
        char block[32];
        snprintf(block, sizeof block, "class%zu", c);
        plot_data_begin(p, block);
        for (size_t i = 0; i < ds->n; i++) {
            if (ds->y[i] == (double)c) plot_data_row(p, 2, mat_row(&ds->X, i));
        }
        plot_data_end(p);
    }
}

void regions_set_axes(Plot *p, const Dataset *ds, const RegionsBox *box) {
    plot_cmd(p, "set xlabel '%s' noenhanced", ds->names[0]);   // a name's _ is no subscript
    plot_cmd(p, "set ylabel '%s' noenhanced", ds->names[1]);
    plot_cmd(p, "set xrange [%.10g:%.10g]", box->x1_min, box->x1_max);
    plot_cmd(p, "set yrange [%.10g:%.10g]", box->x2_min, box->x2_max);
    plot_cmd(p, "set size ratio -1");
}

void regions_logreg_proba(const void *model, const Matrix *X, double *p) {
    logreg_predict_proba(model, X, p);
}

// [snippet probability]
void regions_add_probability(Plot *p, const char *name, RegionsProbaFn proba, const void *model,
                             const RegionsBox *box) {
    Matrix grid = regions_grid(box, REGIONS_STEPS);   // (steps^2, 2) points over the box
    double *prob = vec_new(grid.rows);
    proba(model, &grid, prob);   // the model's P(y = 1) at each
    regions_add_grid(p, name, &grid, prob);
    free(prob);
    mat_free(&grid);
}
// [end probability]

void regions_add_contour(Plot *p, const char *surface, const char *boundary) {
    plot_cmd(p, "set contour base");
    plot_cmd(p, "set cntrparam levels discrete 0.5");
    plot_cmd(p, "unset surface");
    plot_cmd(p, "set table $%s", boundary);
    plot_cmd(p, "splot $%s using 1:2:3", surface);
    plot_cmd(p, "unset table");
    plot_cmd(p, "unset contour");
    plot_cmd(p, "set surface");
}

/* Cuts [*lo, *hi] to the t where alpha + beta t >= 0. */
static void clip(double alpha, double beta, double *lo, double *hi) {
    if (beta > 0) *lo = fmax(*lo, -alpha / beta);
    else if (beta < 0) *hi = fmin(*hi, -alpha / beta);
    else if (alpha < 0) *hi = -INFINITY;   // the whole line is outside
}

/* The border of classes a and b: the line g . x + h = 0, g = W[a] - W[b],
 * h = bias[a] - bias[b], written x(t) = x0 + t u with x0 its point nearest
 * the origin and u along it; then every condition that keeps x(t) on the
 * border (inside the box, z_a - z_c >= 0 for every other c) is linear in t
 * and cuts an interval. Returns 1 and the segment when one is left. */
static int border(const double *W, const double *bias, size_t k, size_t a, size_t b, const RegionsBox *box,
                  double *seg) {
    double g0 = W[2 * a] - W[2 * b], g1 = W[2 * a + 1] - W[2 * b + 1], h = bias[a] - bias[b];
    double gg = g0 * g0 + g1 * g1;
    if (!(gg > 0)) return 0;   // parallel score planes: z_a - z_b never changes sign
    double x0 = -h * g0 / gg, y0 = -h * g1 / gg, u0 = -g1, u1 = g0;
    double lo = -INFINITY, hi = INFINITY;
    clip(x0 - box->x1_min, u0, &lo, &hi);
    clip(box->x1_max - x0, -u0, &lo, &hi);
    clip(y0 - box->x2_min, u1, &lo, &hi);
    clip(box->x2_max - y0, -u1, &lo, &hi);
    for (size_t c = 0; c < k; c++) {
        if (c == a || c == b) continue;
        // z_a(x(t)) - z_c(x(t)) = (W[a] - W[c]) . (x0 + t u) + bias[a] - bias[c]
        double d0 = W[2 * a] - W[2 * c], d1 = W[2 * a + 1] - W[2 * c + 1];
        clip(d0 * x0 + d1 * y0 + bias[a] - bias[c], d0 * u0 + d1 * u1, &lo, &hi);
    }
    if (!(lo < hi)) return 0;
    seg[0] = x0 + lo * u0, seg[1] = y0 + lo * u1, seg[2] = x0 + hi * u0, seg[3] = y0 + hi * u1;
    return 1;
}

size_t regions_borders(const double *W, const double *bias, size_t k, const RegionsBox *box, double *seg) {
    size_t n = 0;
    for (size_t a = 0; a < k; a++) {
        for (size_t b = a + 1; b < k; b++) n += (size_t)border(W, bias, k, a, b, box, seg + 4 * n);
    }
    return n;
}

size_t regions_add_borders(Plot *p, const char *name, const double *W, const double *bias, size_t k,
                           const RegionsBox *box) {
    double seg[4 * REGIONS_MAX_BORDERS];
    size_t n = regions_borders(W, bias, k, box, seg);
    if (n == 0) return 0;   // no block: gnuplot warns about a block with no points
    plot_data_begin(p, name);
    for (size_t s = 0; s < n; s++) {
        plot_data_row(p, 2, seg + 4 * s);
        plot_data_row(p, 2, seg + 4 * s + 2);
        plot_data_blank(p);
    }
    plot_data_end(p);
    return n;
}

/* How many elements of a plot command's list have a title of their own. */
static size_t extra_titles(const char *extra) {
    size_t n = 0;
    for (const char *at = strstr(extra, " title "); at != NULL; at = strstr(at + 1, " title ")) n++;
    return n;
}

void regions_draw_values(Plot *p, const Matrix *grid, const double *grid_value, size_t n_values,
                         const unsigned *fill, const char *const *titles, const Dataset *ds,
                         size_t k, const char *extra) {
    regions_add_grid(p, "regions", grid, grid_value);
    regions_add_samples(p, ds, k);
    const double *first = mat_row(grid, 0), *last = mat_row(grid, grid->rows - 1);
    regions_set_axes(p, ds, &(RegionsBox){first[0], last[0], first[1], last[1]});
    // the key goes under the plot: the regions fill the frame, and a key inside would cover them
    plot_key_below(p, n_values + k + (extra != NULL ? extra_titles(extra) : 0));
    plot_cmd(p, "unset colorbox");
    plot_cmd(p, "set cbrange [0:%zu]", n_values - 1);
    // value v's colour sits exactly at palette position v
    char palette[512] = "set palette defined (";
    for (size_t v = 0; v < n_values; v++) {
        char entry[48];
        snprintf(entry, sizeof entry, "%s%zu '#%06X'", v > 0 ? ", " : "", v, fill[v]);
        strncat(palette, entry, sizeof palette - strlen(palette) - 1);
    }
    plot_cmd(p, "%s)", palette);
    plot_cmd(p, "plot $regions using 1:2:3 with image notitle, \\");
    for (size_t v = 0; v < n_values; v++) {
        plot_cmd(p, "  keyentry with boxes fill solid 1.0 border lc rgb '#999999' lc rgb '#%06X' "
                    "title '%s', \\",
                 fill[v], titles[v]);
    }
    for (size_t c = 0; c < k; c++) {
        plot_cmd(p, "  $class%zu using 1:2 with points lt %zu title 'class %zu'%s", c, c + 1, c,
                 c + 1 < k || extra != NULL ? ", \\" : "");
    }
    if (extra != NULL) plot_cmd(p, "  %s", extra);
}

void regions_draw(Plot *p, const Matrix *grid, const double *grid_class, const Dataset *ds,
                  size_t k, const char *extra) {
    unsigned fill[REGIONS_MAX_CLASSES];
    char names[REGIONS_MAX_CLASSES][32];
    const char *titles[REGIONS_MAX_CLASSES];
    for (size_t c = 0; c < k; c++) {
        fill[c] = tint(COLOURS[c]);
        snprintf(names[c], sizeof names[c], "predicted %zu", c);
        titles[c] = names[c];
    }
    regions_draw_values(p, grid, grid_class, k, fill, titles, ds, k, extra);
}
