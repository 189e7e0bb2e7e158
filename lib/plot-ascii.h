/* plot-ascii: a plot's gnuplot script, as the dumb terminal (ASCII art in a
 * terminal, LR_PLOT=dumb) should get it; used by lib/plot.c only.
 *
 * The dumb terminal prints gnuplot's enhanced-text markup as it is, draws a
 * numbered point type as a letter and squeezes a plot beside a long key; so
 * every string of the script goes plain (plot_plain_text in plot.h: e^{-z}
 * is e^-z), a point type becomes the nearest ASCII mark, a key too wide goes
 * below the plot, and the y labels go above their axes. Data blocks pass as
 * they are. SVG, PNG and windows get the script unchanged.
 */
#ifndef LR_PLOT_ASCII_H
#define LR_PLOT_ASCII_H

#include <stdio.h>

/* Writes the script body[0 .. end) for the dumb terminal whose "set terminal
 * dumb size C,R" line is terminal, with the commands last just before its
 * key and its last plot command. */
void plot_ascii_script(FILE *g, const char *terminal, const char *body, const char *end, const char *last);

/* The number of characters (UTF-8 code points) in text[0..n). */
size_t plot_chars_in(const char *text, size_t n);

#endif
