/* plot: figures drawn by gnuplot, fed through a pipe.
 *
 * A Plot is a gnuplot script built in memory: data go in as datablocks
 * ($name << EOD ... EOD), then the commands that draw them. plot_show sends
 * it to gnuplot and leaves the script beside the image (out/NAME.gp), so it
 * can be re-drawn or changed with plain `gnuplot out/NAME.gp`.
 *
 * Where plots go is chosen by the environment variable LR_PLOT:
 *   auto    (default) a window when there is a display and gnuplot has a
 *           window terminal; otherwise a PNG in out/ and, when stdout is a
 *           terminal, an ASCII drawing in it
 *   window, png, svg, dumb (ASCII art on stdout), none: forced
 * and LR_PLOT_DIR moves the files (default: out). At start a program asks
 * gnuplot which terminals it has (a gnuplot of its own, before the first
 * plot); LR_GNUPLOT_TERMINALS, when set, is taken as gnuplot's answer
 * instead (what gnuplot -e "set print '-'; print GPVAL_TERMINALS" prints):
 * make test asks once and gives it to the chapter tests' runs.
 *
 * When gnuplot is missing, fails or dies, the program goes on: plot_show
 * returns a one-line message (with gnuplot's own last error line) for the
 * program to print, and writes no half-drawn image. gnuplot's stderr is kept
 * in a temporary file for that; on success, anything it said (warnings) is
 * passed on to stderr.
 *
 *     Plotter pl;                       // once per program
 *     if (plot_init(&pl, &err) != 0) ...
 *     Plot p;
 *     plot_begin(&p, "chapter-03-loss");
 *     plot_data_begin(&p, "loss");
 *     for (...) plot_data_row(&p, 2, (double[]){epoch, loss});
 *     plot_data_end(&p);
 *     plot_cmd(&p, "plot $loss using 1:2 with lines title 'loss'");
 *     plot_show(&pl, &p, &err);         // frees the script either way
 */
#ifndef LR_PLOT_H
#define LR_PLOT_H

#include <stddef.h>

#include "util.h"

typedef enum { PLOT_AUTO,
               PLOT_WINDOW,
               PLOT_PNG,
               PLOT_SVG,
               PLOT_DUMB,
               PLOT_NONE } PlotOutput;

typedef struct {
    PlotOutput output;          // where plots go (never PLOT_AUTO after plot_init)
    int ascii_too;              // also draw each plot as ASCII art on stdout
    int have_gnuplot;           // gnuplot was found and answered
    int gnuplot_missing;        // 1: no gnuplot command at all (install it)
    char problem[256];          // when have_gnuplot is 0: why, e.g. "gnuplot not found"
    char notice[256];           // a change of plan to tell the user once, e.g. no window: PNG instead
    char dir[1024];             // folder for images and scripts (LR_PLOT_DIR or "out")
    char png_terminal[16];      // "pngcairo" when gnuplot has it, else "png"
    char window_terminal[16];   // "qt", "wxt" or "x11"; empty when none
    int ascii_cols;             // size of ASCII plots (LR_PLOT=dumb): columns
    int ascii_rows;             // ... and rows
} Plotter;

typedef struct {
    char name[128];     // file stem, e.g. "chapter-03-loss"
    char *script;       // the gnuplot script so far, without a terminal line
    size_t len;         // bytes used in script
    size_t cap;         // bytes allocated for script
    char saved[1200];   // after plot_show: the image file written, or "" (window, ASCII, none)
} Plot;

/* Reads LR_PLOT and LR_PLOT_DIR and looks for gnuplot (have_gnuplot, or
 * problem saying what is wrong). Returns 0, or -1 with a message when LR_PLOT
 * has an unknown value or LR_PLOT_DIR cannot be handed to gnuplot. Ignores
 * SIGPIPE for the whole program, so that a gnuplot that dies mid-plot gives
 * an error, not a crash. */
int plot_init(Plotter *pl, LrError *err);

/* Starts an empty plot that will be saved as NAME.png / NAME.svg / NAME.gp. */
void plot_begin(Plot *p, const char *name);

/* Appends one line of gnuplot commands (printf-style, no newline needed). */
void plot_cmd(Plot *p, const char *fmt, ...) LR_PRINTF(2, 3);

/* Enhanced-text markup (what gnuplot typesets in SVG, PNG and windows) as
 * plain text, for the dumb terminal, which would print the markup as it
 * is: a group after ^ or _ loses its braces when it is one word
 * ("e^{-z}" becomes e^-z, "10^{%L}" 10^%L), else they become parentheses
 * ("x_{i j}": x_(i j)); a font change "{/Symbol a}" leaves its text; other
 * braces and @ go. Writes into out (room for n + 1 bytes: the text never
 * grows) and returns the plain text's length. */
size_t plot_plain_text(const char *text, size_t n, char *out);

/* The longest line of a title plot_title writes, in characters: a 600-unit
 * SVG with 17-unit lettering holds about 55 of them across its plot. */
#define PLOT_TITLE_CHARS 48

/* Sets the plot's title (printf-style, plain text: no gnuplot quoting),
 * broken at spaces into as few lines as PLOT_TITLE_CHARS characters allow,
 * made as even as the spaces allow, so that a long title is wrapped rather
 * than cut off at the figure's edge. A word longer than a line stays whole. */
void plot_title(Plot *p, const char *fmt, ...) LR_PRINTF(2, 3);

/* The most columns plot_key_below arranges the key in: two entries of a
 * dozen letters and their samples fill the width of an SVG. */
#define PLOT_KEY_COLUMNS 2

/* Puts the key under the plot, centred, in at most PLOT_KEY_COLUMNS
 * columns, for a plot whose data fill the frame (a key inside would cover
 * them); entries is the number of titled elements. The SVG grows by the
 * key's rows, so that the plot keeps its size. */
void plot_key_below(Plot *p, size_t entries);

/* A datablock: plot_data_begin(p, "pts") then rows, then plot_data_end. A
 * row of n numbers is one line; plot_data_blank adds the empty line that
 * separates scans of a surface (splot) or blocks (index). */
void plot_data_begin(Plot *p, const char *block);
void plot_data_row(Plot *p, size_t n, const double *values);
void plot_data_blank(Plot *p);
void plot_data_end(Plot *p);

/* Draws the plot where pl says, writes the .gp script, and frees the script.
 * Image files are written whole or not at all (drawn under a temporary name,
 * renamed when gnuplot succeeds). Returns 0, or -1 with a one-line message
 * when gnuplot failed (exit status and its last error line), was killed,
 * stopped reading, or drew nothing, or a file could not be written. Without
 * gnuplot (or with LR_PLOT=none) it does nothing and returns 0. */
int plot_show(const Plotter *pl, Plot *p, LrError *err);

/* 1 when plot_show draws (LR_PLOT is not none and gnuplot answered), else 0:
 * then a figure would be thrown away, so a chapter skips the work only a
 * figure needs (a grid of probabilities, a finer sweep of fits). */
int plot_drawn(const Plotter *pl);

/* Frees the script without drawing. */
void plot_free(Plot *p);

#endif
