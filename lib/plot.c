#include "plot.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- finding out what we have ------------------------------------------- */

static int parse_output(const char *value, PlotOutput *out) {
    static const char *names[] = {"auto", "window", "png", "svg", "dumb", "none"};
    for (int k = 0; k < 6; k++) {
        if (strcmp(value, names[k]) == 0) {
            *out = (PlotOutput)k;
            return 0;
        }
    }
    return -1;
}

/* Asks gnuplot which terminals it has; sets have_gnuplot and the terminals. */
static void probe_gnuplot(Plotter *pl) {
    FILE *f = popen("gnuplot -e \"set print '-'; print GPVAL_TERMINALS\" 2>/dev/null", "r");
    if (f == NULL) return;
    char terms[4096] = "";
    size_t got = fread(terms, 1, sizeof terms - 1, f);
    terms[got] = '\0';
    int status = pclose(f);
    pl->have_gnuplot = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && got > 0;
    strcpy(pl->png_terminal, strstr(terms, "pngcairo") != NULL ? "pngcairo" : "png");
    static const char *windows[] = {" qt ", " wxt ", " x11 "};
    char padded[4100];
    snprintf(padded, sizeof padded, " %s ", terms);
    for (char *c = padded; *c != '\0'; c++) if (*c == '\n') *c = ' ';
    for (int k = 0; k < 3; k++) {
        if (strstr(padded, windows[k]) != NULL) {
            snprintf(pl->window_terminal, sizeof pl->window_terminal, "%.*s",
                     (int)strlen(windows[k]) - 2, windows[k] + 1);
            break;
        }
    }
}

static int have_display(void) {
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x != NULL && *x != '\0') || (w != NULL && *w != '\0');
}

int plot_init(Plotter *pl, LrError *err) {
    *pl = (Plotter){.output = PLOT_AUTO};
    const char *mode = getenv("LR_PLOT");
    if (mode != NULL && *mode != '\0' && parse_output(mode, &pl->output) != 0) {
        return lr_fail(err, "LR_PLOT=%s: expected one of auto, window, png, svg, dumb, none", mode);
    }
    const char *dir = getenv("LR_PLOT_DIR");
    snprintf(pl->dir, sizeof pl->dir, "%s", dir != NULL && *dir != '\0' ? dir : "out");
    signal(SIGPIPE, SIG_IGN);
    if (pl->output == PLOT_NONE) return 0;
    probe_gnuplot(pl);
    if (pl->output == PLOT_AUTO) {
        if (have_display() && pl->window_terminal[0] != '\0') {
            pl->output = PLOT_WINDOW;
        } else {
            pl->output = PLOT_PNG;
            pl->ascii_too = isatty(STDOUT_FILENO);
        }
    }
    return 0;
}

/* ---- building the script ------------------------------------------------ */

static void append(Plot *p, const char *text, size_t n) {
    if (p->len + n + 1 > p->cap) {
        while (p->len + n + 1 > p->cap) p->cap = p->cap == 0 ? 4096 : 2 * p->cap;
        p->script = lr_realloc(p->script, p->cap);
    }
    memcpy(p->script + p->len, text, n);
    p->len += n;
    p->script[p->len] = '\0';
}

static void appendf(Plot *p, const char *fmt, va_list ap) {
    char small[512];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < (int)sizeof small) {
        append(p, small, (size_t)n);
    } else {
        char *big = lr_malloc((size_t)n + 1);
        vsnprintf(big, (size_t)n + 1, fmt, copy);
        append(p, big, (size_t)n);
        free(big);
    }
    va_end(copy);
}

/* The look every plot shares: Okabe-Ito colours (safe for colour-blind
 * readers), a light grid, the key in a box. */
static const char *STYLE =
    "set encoding utf8\n"
    "set linetype 1 lc rgb '#0072B2' lw 2 pt 7 ps 0.6\n"
    "set linetype 2 lc rgb '#D55E00' lw 2 pt 5 ps 0.6\n"
    "set linetype 3 lc rgb '#009E73' lw 2 pt 9 ps 0.7\n"
    "set linetype 4 lc rgb '#CC79A7' lw 2 pt 11 ps 0.7\n"
    "set linetype 5 lc rgb '#E69F00' lw 2\n"
    "set linetype 6 lc rgb '#56B4E9' lw 2\n"
    "set linetype 7 lc rgb '#000000' lw 1\n"
    "set grid lc rgb '#dddddd' lw 1\n"
    "set key box opaque Left reverse\n";

void plot_begin(Plot *p, const char *name) {
    *p = (Plot){0};
    snprintf(p->name, sizeof p->name, "%s", name);
    append(p, STYLE, strlen(STYLE));
}

void plot_cmd(Plot *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    appendf(p, fmt, ap);
    va_end(ap);
    append(p, "\n", 1);
}

void plot_data_begin(Plot *p, const char *block) {
    plot_cmd(p, "$%s << EOD", block);
}

void plot_data_row(Plot *p, size_t n, const double *values) {
    char cell[32];
    for (size_t k = 0; k < n; k++) {
        int len = snprintf(cell, sizeof cell, k > 0 ? " %.10g" : "%.10g", values[k]);
        append(p, cell, (size_t)len);
    }
    append(p, "\n", 1);
}

void plot_data_blank(Plot *p) {
    append(p, "\n", 1);
}

void plot_data_end(Plot *p) {
    plot_cmd(p, "EOD");
}

void plot_free(Plot *p) {
    free(p->script);
    p->script = NULL;
    p->len = p->cap = 0;
}

/* ---- drawing ------------------------------------------------------------ */

/* mkdir -p for the output folder. */
static int make_dir(const char *dir, LrError *err) {
    char path[1024];
    snprintf(path, sizeof path, "%s", dir);
    for (char *c = path + 1; ; c++) {
        if (*c == '/' || *c == '\0') {
            char saved = *c;
            *c = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                return lr_fail(err, "%s: cannot create folder for plots: %s", path, strerror(errno));
            }
            *c = saved;
            if (saved == '\0') break;
        }
    }
    return 0;
}

/* The terminal line for an output, e.g. "set terminal svg ...". */
static void terminal_line(const Plotter *pl, PlotOutput out, char *line, size_t size) {
    switch (out) {
    case PLOT_SVG:
        snprintf(line, size, "set terminal svg size 800,520 dynamic enhanced font 'Sans,12' background '#ffffff'");
        break;
    case PLOT_DUMB:
        snprintf(line, size, "set terminal dumb size 100,30");
        break;
    case PLOT_WINDOW:
        snprintf(line, size, "set terminal %s enhanced font 'Sans,11'", pl->window_terminal);
        break;
    default:
        snprintf(line, size, "set terminal %s size 900,600 enhanced font 'Sans,11' background '#ffffff'",
                 pl->png_terminal);
        break;
    }
}

/* Runs gnuplot on the script; output (if any) goes to file. Returns gnuplot's
 * exit status, or -1 when it could not be run. */
static int run_gnuplot(const char *terminal, const char *file, const Plot *p, int persist) {
    fflush(stdout);
    FILE *g = popen(persist ? "gnuplot -persist" : "gnuplot", "w");
    if (g == NULL) return -1;
    fprintf(g, "%s\n", terminal);
    if (file != NULL) fprintf(g, "set output '%s'\n", file);
    fwrite(p->script, 1, p->len, g);
    if (file != NULL) fprintf(g, "unset output\n");
    int status = pclose(g);
    if (status == -1 || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

/* Writes the re-drawable script NAME.gp: terminal and output first. */
static int save_script(const Plotter *pl, const Plot *p, const char *ext, LrError *err) {
    char path[1200], tmp[1210], terminal[200];
    snprintf(path, sizeof path, "%s/%s.gp", pl->dir, p->name);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    terminal_line(pl, strcmp(ext, "svg") == 0 ? PLOT_SVG : PLOT_PNG, terminal, sizeof terminal);
    FILE *f = fopen(tmp, "w");
    if (f == NULL) return lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    fprintf(f, "# %s: draw again with   gnuplot %s\n%s\nset output '%s/%s.%s'\n",
            p->name, path, terminal, pl->dir, p->name, ext);
    fwrite(p->script, 1, p->len, f);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        remove(tmp);
        return lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    }
    return 0;
}

/* Draws into NAME.EXT under a temporary name, renamed on success. */
static int draw_file(const Plotter *pl, Plot *p, PlotOutput out, LrError *err) {
    const char *ext = out == PLOT_SVG ? "svg" : "png";
    char path[1200], tmp[1210], terminal[200];
    snprintf(path, sizeof path, "%s/%s.%s", pl->dir, p->name, ext);
    snprintf(tmp, sizeof tmp, "%s/.%s.%s.tmp", pl->dir, p->name, ext);
    terminal_line(pl, out, terminal, sizeof terminal);
    int status = run_gnuplot(terminal, tmp, p, 0);
    struct stat st;
    if (status != 0 || stat(tmp, &st) != 0 || st.st_size == 0) {
        remove(tmp);
        return lr_fail(err, "plot %s: gnuplot failed (%s %d); its script is %s/%s.gp",
                       p->name, status == -1 ? "could not run, status" : "exit status", status,
                       pl->dir, p->name);
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        return lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    }
    snprintf(p->saved, sizeof p->saved, "%s", path);
    return 0;
}

static int draw_on_screen(const Plotter *pl, const Plot *p, PlotOutput out, LrError *err) {
    char terminal[200];
    terminal_line(pl, out, terminal, sizeof terminal);
    int status = run_gnuplot(terminal, NULL, p, out == PLOT_WINDOW);
    if (status != 0) {
        return lr_fail(err, "plot %s: gnuplot failed (exit status %d); its script is %s/%s.gp",
                       p->name, status, pl->dir, p->name);
    }
    return 0;
}

int plot_show(const Plotter *pl, Plot *p, LrError *err) {
    p->saved[0] = '\0';
    int status = 0;
    if (pl->output != PLOT_NONE && pl->have_gnuplot) {
        status = make_dir(pl->dir, err);
        if (status == 0) status = save_script(pl, p, pl->output == PLOT_SVG ? "svg" : "png", err);
        if (status == 0 && (pl->output == PLOT_PNG || pl->output == PLOT_SVG)) {
            status = draw_file(pl, p, pl->output, err);
        }
        if (status == 0 && (pl->output == PLOT_DUMB || pl->output == PLOT_WINDOW)) {
            status = draw_on_screen(pl, p, pl->output, err);
        }
        if (status == 0 && pl->ascii_too) status = draw_on_screen(pl, p, PLOT_DUMB, err);
    }
    plot_free(p);
    return status;
}
