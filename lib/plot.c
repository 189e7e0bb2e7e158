#include "plot.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "plot-ascii.h"

#ifndef LR_ROOT
#define LR_ROOT "."
#endif

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

/* ---- running gnuplot ----------------------------------------------------- */

/* Makes an empty temporary file for gnuplot's stderr and writes its path
 * into path, or "" when none could be made (stderr is then left alone).
 * Returns its lib/cleanup slot (removed on Ctrl-C). */
static int make_err_file(char *path, size_t size) {
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || *dir == '\0' || strchr(dir, '\'') != NULL || lr_has_control(dir) || strlen(dir) > 400) dir = "/tmp";
    snprintf(path, size, "%s/lr-gnuplot-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd == -1) {
        path[0] = '\0';
        return -1;
    }
    close(fd);
    return cleanup_add_file(path);
}

/* The shell command that runs gnuplot with args, its stderr to err_file. */
static void gnuplot_command(char *cmd, size_t size, const char *args, const char *err_file) {
    if (err_file[0] == '\0') snprintf(cmd, size, "gnuplot%s", args);
    else snprintf(cmd, size, "gnuplot%s 2>'%s'", args, err_file);
}

/* gnuplot reads the script from the pipe as the file /dev/stdin: it reads a
 * file in large blocks, but its own standard input one byte per system call
 * (a figure's script holds up to 2 MB of data). Its errors then begin with
 * the file's name, which collect_errors leaves out: "line 12: ...". */
#define SCRIPT_FILE "/dev/stdin"
#define SCRIPT_NAME "\"" SCRIPT_FILE "\" "

/* The arguments that make gnuplot read its script from the pipe (just ""
 * where this system has no /dev/stdin: gnuplot then reads the pipe itself). */
static const char *script_args(int persist) {
    struct stat st;
    int have = lstat(SCRIPT_FILE, &st) == 0;
    if (persist) return have ? " -persist " SCRIPT_FILE : " -persist";
    return have ? " " SCRIPT_FILE : "";
}

/* Reads what gnuplot wrote on stderr into last: its last non-blank line,
 * control characters made spaces (gnuplot's error is its last line). When
 * pass_on, the whole text goes on to our stderr (warnings of a good run).
 * Removes the file. */
static void collect_errors(const char *err_file, char *last, size_t size, int pass_on) {
    last[0] = '\0';
    if (err_file[0] == '\0') return;
    FILE *f = fopen(err_file, "r");
    char *line = NULL;
    size_t cap = 0;
    while (f != NULL && getline(&line, &cap, f) != -1) {
        if (pass_on) fputs(line, stderr);
        char *text = line;
        while (*text == ' ' || *text == '\t') text++;
        if (strncmp(text, SCRIPT_NAME, strlen(SCRIPT_NAME)) == 0) text += strlen(SCRIPT_NAME);
        for (char *c = text; *c != '\0'; c++)
            if ((unsigned char)*c < 0x20) *c = ' ';
        size_t len = strlen(text);
        while (len > 0 && text[len - 1] == ' ') text[--len] = '\0';
        if (len > 0) snprintf(last, size, "%s", text);
    }
    free(line);
    if (f != NULL) fclose(f);
    remove(err_file);
}

/* How a gnuplot run ended, from pclose's status. */
typedef enum { GNUPLOT_OK,
               GNUPLOT_FAILED,
               GNUPLOT_KILLED } GnuplotEnd;

/* Puts into why, in a few words, what went wrong with a gnuplot that ended
 * with this status ("exited with status 1"); leaves why alone when nothing
 * did. A killed gnuplot said nothing itself: its stderr holds at most the
 * shell's "Killed", which is not worth repeating. */
static GnuplotEnd describe_status(int status, char *why, size_t size) {
    if (status == -1) {
        snprintf(why, size, "could not be run (%s)", strerror(errno));
        return GNUPLOT_KILLED;
    }
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
    if (code > 128 && code < 128 + 65) sig = code - 128;   // the shell's report of a killed child
    if (sig != 0) {
        snprintf(why, size, "was killed by signal %d (%s)", sig, strsignal(sig));
        return GNUPLOT_KILLED;
    }
    if (code == 127) snprintf(why, size, "was not found (exit status 127)");
    else if (code != 0) snprintf(why, size, "exited with status %d", code);
    return code != 0 ? GNUPLOT_FAILED : GNUPLOT_OK;
}

/* Sets have_gnuplot, and the PNG and window terminals from gnuplot's list
 * of terminals. */
static void choose_terminals(Plotter *pl, const char *terms) {
    pl->have_gnuplot = 1;
    strcpy(pl->png_terminal, strstr(terms, "pngcairo") != NULL ? "pngcairo" : "png");
    static const char *windows[] = {" qt ", " wxt ", " x11 "};
    char padded[4100];
    snprintf(padded, sizeof padded, " %s ", terms);
    for (char *c = padded; *c != '\0'; c++)
        if (*c == '\n') *c = ' ';
    for (int k = 0; k < 3; k++) {
        if (strstr(padded, windows[k]) != NULL) {
            snprintf(pl->window_terminal, sizeof pl->window_terminal, "%.*s",
                     (int)strlen(windows[k]) - 2, windows[k] + 1);
            break;
        }
    }
}

/* Asks gnuplot which terminals it has (or takes LR_GNUPLOT_TERMINALS, its
 * answer given beforehand); sets have_gnuplot and the terminals, or problem
 * (and gnuplot_missing) when it does not answer. */
static void probe_gnuplot(Plotter *pl) {
    const char *given = getenv("LR_GNUPLOT_TERMINALS");
    if (given != NULL && *given != '\0') {
        choose_terminals(pl, given);
        return;
    }
    char err_file[512], cmd[700], said[200], why[160];
    int slot = make_err_file(err_file, sizeof err_file);
    gnuplot_command(cmd, sizeof cmd, " -e \"set print '-'; print GPVAL_TERMINALS\"", err_file);
    fflush(stdout);
    FILE *f = popen(cmd, "r");
    char terms[4096] = "";
    size_t got = 0;
    int status = -1;
    if (f != NULL) {
        got = fread(terms, 1, sizeof terms - 1, f);
        status = pclose(f);
    }
    terms[got] = '\0';
    collect_errors(err_file, said, sizeof said, 0);
    cleanup_forget_file(slot);
    GnuplotEnd end = describe_status(status, why, sizeof why);
    if (end == GNUPLOT_KILLED) said[0] = '\0';
    if (end != GNUPLOT_OK) {
        pl->gnuplot_missing = WIFEXITED(status) && WEXITSTATUS(status) == 127;
        if (pl->gnuplot_missing) snprintf(pl->problem, sizeof pl->problem, "gnuplot not found");
        else snprintf(pl->problem, sizeof pl->problem, "gnuplot did not start properly: it %.100s%s%.100s",
                      why, said[0] != '\0' ? ": " : "", said);
        return;
    }
    if (got == 0) {
        snprintf(pl->problem, sizeof pl->problem, "gnuplot did not start properly: it gave no list of terminals");
        return;
    }
    choose_terminals(pl, terms);
}

/* The ASCII plot's size: a column less than the terminal is wide (40 to 120
 * columns), and about a third as many rows. When stdout is not a terminal
 * (| less, a file), COLUMNS says how wide, or 80: 79 x 25. */
static void ascii_size(Plotter *pl) {
    // the terminal's width; else COLUMNS, when set (as shells set it); else 80:
    // one column less, 40 to 121, and 3 rows for every 10 columns
    struct winsize ws;
    long cols = 80;
    const char *env = getenv("COLUMNS");
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) cols = ws.ws_col;
    else if (env != NULL && *env != '\0') cols = strtol(env, NULL, 10);
    cols = cols < 41 ? 41 : cols > 121 ? 121
                                       : cols;
    pl->ascii_cols = (int)cols - 1;
    pl->ascii_rows = pl->ascii_cols * 3 / 10 + 2;
}

static int have_display(void) {
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x != NULL && *x != '\0') || (w != NULL && *w != '\0');
}

int plot_init(Plotter *pl, LrError *err) {
    *pl = (Plotter){.output = PLOT_AUTO};
    const char *mode = getenv("LR_PLOT");
    char shown[LR_SHOWN_SIZE];
    if (mode != NULL && *mode != '\0' && parse_output(mode, &pl->output) != 0) {
        return lr_fail(err, "LR_PLOT=%s: expected one of auto, window, png, svg, dumb, none",
                       lr_shown(mode, shown, sizeof shown));
    }
    // gnuplot reads the folder inside '...' on a script line: a quote would end
    // the name, a newline the line (and what follows would run as a command)
    const char *dir = getenv("LR_PLOT_DIR");
    if (dir != NULL && strchr(dir, '\'') != NULL) {
        return lr_fail(err, "LR_PLOT_DIR=%s: a folder name with a single quote (') cannot be passed to gnuplot",
                       lr_shown(dir, shown, sizeof shown));
    }
    if (dir != NULL && lr_has_control(dir)) {
        return lr_fail(err, "LR_PLOT_DIR=%s: a folder name with a control character cannot be passed to gnuplot",
                       lr_shown(dir, shown, sizeof shown));
    }
    if (dir != NULL && strlen(dir) >= sizeof pl->dir - 200) {
        return lr_fail(err, "LR_PLOT_DIR: a folder name of %zu characters is too long", strlen(dir));
    }
    if (dir != NULL && *dir != '\0') {
        snprintf(pl->dir, sizeof pl->dir, "%s", dir);
    } else {
        // out/ of the repository: here when run from its top folder, else where it was built
        snprintf(pl->dir, sizeof pl->dir, "%s", access("data/reference", F_OK) == 0 ? "out" : LR_ROOT "/out");
    }
    signal(SIGPIPE, SIG_IGN);
    ascii_size(pl);
    if (pl->output == PLOT_NONE) return 0;
    probe_gnuplot(pl);
    if (pl->output == PLOT_WINDOW && pl->have_gnuplot && (!have_display() || pl->window_terminal[0] == '\0')) {
        snprintf(pl->notice, sizeof pl->notice, "LR_PLOT=window: %s, so the plots go to PNG files in %.120s instead",
                 !have_display() ? "there is no display (DISPLAY is not set)"
                                 : "this gnuplot has no window terminal (install gnuplot-qt)",
                 pl->dir);
        pl->output = PLOT_PNG;
    }
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

/* In ASCII art, point type 7 is drawn as the letter G (5 E, 6 F): use plain marks, and
 * no key box (its corners collide with the samples). Sent after STYLE. */
static const char *DUMB_STYLE =
    "set linetype 1 pt 'o'\n"
    "set linetype 2 pt 'x'\n"
    "set linetype 3 pt '+'\n"
    "set linetype 4 pt '#'\n"
    "set linetype 5 pt 'v'\n"
    "set linetype 6 pt '^'\n"
    "set linetype 7 pt '~'\n"
    "set key nobox noopaque\n";

/* ... and, just before the plot command, what must win over the chapter's
 * own settings: a colour box is a column of '|' without colours, and the
 * bottom margin goes back to gnuplot's (plot_key_below's is for its key:
 * a key inside the frame covers the characters of the data, so the key
 * goes outside, where write_dumb_key puts it). */
static const char *DUMB_LAST =
    "unset colorbox\n"
    "set bmargin\n";

/* The comment plot_key_below leaves in a script: the rows of its key. */
#define KEY_ROWS "# key rows under the plot: "

/* The script for the dumb terminal: the shared look, its ASCII-art variant,
 * then the chapter's script (lib/plot-ascii.h) with DUMB_LAST before its key
 * and its plot command. */
static void write_dumb_script(FILE *g, const char *terminal, const Plot *p) {
    fputs(STYLE, g);
    fputs(DUMB_STYLE, g);
    plot_ascii_script(g, terminal, p->script + strlen(STYLE), p->script + p->len, DUMB_LAST);
}

void plot_begin(Plot *p, const char *name) {
    *p = (Plot){0};
    snprintf(p->name, sizeof p->name, "%s", name);
    append(p, STYLE, strlen(STYLE));
}

/* printf writes a NaN as "nan", which gnuplot reads as an undefined
 * variable: in a command, the word nan becomes gnuplot's NaN. */
static void spell_nan(char *text, size_t len) {
    for (size_t i = 0; i + 3 <= len; i++) {
        int starts = i == 0 || !(isalnum((unsigned char)text[i - 1]) || text[i - 1] == '_' || text[i - 1] == '$');
        int ends = i + 3 == len || !(isalnum((unsigned char)text[i + 3]) || text[i + 3] == '_');
        if (starts && ends && strncmp(text + i, "nan", 3) == 0) memcpy(text + i, "NaN", 3);
    }
}

void plot_key_below(Plot *p, size_t entries) {
    size_t rows = (entries + PLOT_KEY_COLUMNS - 1) / PLOT_KEY_COLUMNS;
    // (with "horizontal maxcols" gnuplot 5.4 stacks 4 entries in one column)
    plot_cmd(p, "set key below center vertical maxrows %zu nobox samplen 2", rows);
    // room under the plot for the tick labels, the x label and the key, which would otherwise overlap the label
    plot_cmd(p, "set bmargin %zu", rows + 4);
    plot_cmd(p, KEY_ROWS "%zu (lib/plot makes the SVG taller by them)", rows);
}

void plot_cmd(Plot *p, const char *fmt, ...) {
    size_t start = p->len;
    va_list ap;
    va_start(ap, fmt);
    appendf(p, fmt, ap);
    va_end(ap);
    spell_nan(p->script + start, p->len - start);
    append(p, "\n", 1);
}

/* Appends text[0..n) to p inside a gnuplot "..." string: \ and " escaped. */
static void append_quoted(Plot *p, const char *text, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\\' || text[i] == '"') append(p, "\\", 1);
        append(p, text + i, 1);
    }
}

static const char *title_line_end(const char *line, size_t width);

/* The number of lines text takes when wrapped at width characters. */
static size_t title_lines(const char *text, size_t width) {
    size_t lines = 0;
    for (const char *line = text; *line != '\0'; lines++) {
        line = title_line_end(line, width);
        while (*line == ' ') line++;
    }
    return lines;
}

/* The next space after at where a title may break: not inside brackets,
 * so that a formula such as "1/(1 + e^{-z})" stays on one line. NULL if none. */
static const char *next_break(const char *at) {
    int depth = 0;
    for (; *at != '\0'; at++) {
        if (*at == '(' || *at == '[' || *at == '{') depth++;
        else if ((*at == ')' || *at == ']' || *at == '}') && depth > 0) depth--;
        else if (*at == ' ' && depth == 0) return at;
    }
    return NULL;
}

/* The end of the first line of a title that starts at line: after the most
 * words that fit in width characters, or after one word that alone does not. */
static const char *title_line_end(const char *line, size_t width) {
    const char *end = line + strlen(line);
    if (plot_chars_in(line, (size_t)(end - line)) <= width) return end;
    const char *cut = NULL;
    for (const char *at = next_break(line); at != NULL; at = next_break(at + 1)) {
        if (plot_chars_in(line, (size_t)(at - line)) > width) break;
        cut = at;
    }
    if (cut == NULL) cut = next_break(line);   // a word longer than a line stays whole
    return cut != NULL ? cut : end;
}

void plot_title(Plot *p, const char *fmt, ...) {
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    for (char *c = text; *c != '\0'; c++) {
        if (*c == '\n' || *c == '\t') *c = ' ';
    }
    spell_nan(text, strlen(text));
    append(p, "set title \"", 11);
    const char *line = text;
    while (*line == ' ') line++;
    // as many lines as PLOT_TITLE_CHARS needs, but of even lengths: the
    // narrowest width that needs no more lines (no lone last word)
    size_t lines = title_lines(line, PLOT_TITLE_CHARS), width = PLOT_TITLE_CHARS;
    while (width > 1 && title_lines(line, width - 1) <= lines) width--;
    while (*line != '\0') {
        const char *cut = title_line_end(line, width);
        append_quoted(p, line, (size_t)(cut - line));
        while (*cut == ' ') cut++;
        if (*cut != '\0') append(p, "\\n", 2);
        line = cut;
    }
    append(p, "\"\n", 2);
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
    for (char *c = path + 1;; c++) {
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

/* The notes' figures (LR_PLOT=svg) are drawn for the page: SVG_WIDTH units
 * wide, shown at that many pixels on a wide screen and squeezed to 390 on a
 * phone, so SVG_FONT-unit lettering reads at 17 px there and at 11 px here
 * (make docs-check measures both). */
#define SVG_WIDTH 600
#define SVG_FONT 17
#define SVG_HEIGHT 400

/* The value of the last "set NAMErange [lo:hi]" in the script, or 0. */
static int last_range(const char *script, const char *name, double *lo, double *hi) {
    char key[32];
    snprintf(key, sizeof key, "set %srange [", name);
    int found = 0;
    for (const char *at = strstr(script, key); at != NULL; at = strstr(at + 1, key)) {
        if (sscanf(at + strlen(key), "%lf:%lf", lo, hi) == 2) found = 1;
    }
    return found && *hi > *lo;
}

/* The height of one row of a key under the plot, in SVG units. */
#define SVG_KEY_ROW 25

/* The rows of a key that plot_key_below put under the plot, or 0. */
static int key_rows(const char *script) {
    const char *at = strstr(script, KEY_ROWS);
    int rows = 0;
    return at != NULL && sscanf(at + strlen(KEY_ROWS), "%d", &rows) == 1 && rows > 0 ? rows : 0;
}

/* The SVG's height. A plot with equal axes ("set size ratio -1") gets a
 * canvas of its data's shape, so that the plot fills the width; the margins
 * (ticks, labels, title, colour box) are about 130 units across and 100 down;
 * a key under the plot adds its rows. */
static int svg_height(const Plot *p) {
    double x0, x1, y0, y1;
    if (p == NULL || p->script == NULL) return SVG_HEIGHT;
    int below = key_rows(p->script) > 0 ? (key_rows(p->script) + 1) * SVG_KEY_ROW : 0;
    if (strstr(p->script, "set size ratio -1") == NULL || !last_range(p->script, "x", &x0, &x1) ||
        !last_range(p->script, "y", &y0, &y1)) {
        return SVG_HEIGHT + below;
    }
    // height = plot width x (y span / x span) + vertical margins
    double h = (SVG_WIDTH - 130) * (y1 - y0) / (x1 - x0) + 100;
    return (h < 300 ? 300 : h > 900 ? 900
                                    : (int)h) +
           below;
}

/* The terminal line for an output, e.g. "set terminal svg ...". */
static void terminal_line(const Plotter *pl, const Plot *p, PlotOutput out, char *line, size_t size) {
    switch (out) {
    case PLOT_SVG:
        snprintf(line, size, "set terminal svg size %d,%d fixed enhanced font 'Sans,%d' background '#ffffff'",
                 SVG_WIDTH, svg_height(p), SVG_FONT);
        break;
    case PLOT_DUMB:
        snprintf(line, size, "set terminal dumb size %d,%d", pl->ascii_cols, pl->ascii_rows);
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

/* What to say of a gnuplot that exited with status 0 but stopped reading
 * its script or drew nothing (which of the two depends on timing). */
#define EXITED_EARLY "exited without drawing the plot (exit status 0)"

/* popen(cmd, "w"), with the shell and gnuplot in a process group of their
 * own that lib/cleanup stops on Ctrl-C (otherwise an orphaned gnuplot would
 * go on drawing). Returns the stream, or NULL with errno set. */
static FILE *start_gnuplot(const char *cmd, pid_t *pid) {
    int fds[2];
    if (pipe(fds) != 0) return NULL;
    fflush(stdout);
    fflush(stderr);
    *pid = fork();
    if (*pid == 0) {   // the child: the pipe is its stdin
        setpgid(0, 0);
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    if (*pid == -1) {
        close(fds[1]);
        return NULL;
    }
    setpgid(*pid, *pid);   // also here, so that no signal comes before the child's own call
    cleanup_set_child(*pid);
    FILE *g = fdopen(fds[1], "w");
    if (g == NULL) close(fds[1]);   // the child reads end of file and exits
    return g;
}

/* pclose for start_gnuplot: closes the stream, waits for the child and
 * returns its status as waitpid gives it (-1 when it cannot be had). */
static int finish_gnuplot(FILE *g, pid_t pid) {
    if (g != NULL) fclose(g);
    int status;
    while (waitpid(pid, &status, 0) == -1) {
        if (errno != EINTR) {
            status = -1;
            break;
        }
    }
    cleanup_set_child(0);
    return status;
}

/* Runs gnuplot on the script; output (if any) goes to file. Returns 0, or
 * -1 with why (a few words, and gnuplot's last error line) when gnuplot
 * failed, died, or stopped reading before the end of the script. */
static int run_gnuplot(const char *terminal, const char *file, const Plot *p, int persist,
                       char *why, size_t size) {
    char err_file[512], cmd[700], said[200], what[160];
    int slot = make_err_file(err_file, sizeof err_file);
    gnuplot_command(cmd, sizeof cmd, script_args(persist), err_file);
    pid_t pid = -1;
    FILE *g = start_gnuplot(cmd, &pid);
    if (g == NULL) {
        snprintf(why, size, "could not be run (%s)", strerror(errno));
        if (pid > 0) finish_gnuplot(NULL, pid);
        if (err_file[0] != '\0') remove(err_file);
        cleanup_forget_file(slot);
        return -1;
    }
    // SIGPIPE is ignored (plot_init): if gnuplot is gone, these writes fail with EPIPE
    fprintf(g, "%s\n", terminal);
    if (file != NULL) fprintf(g, "set output '%s'\n", file);
    if (strncmp(terminal, "set terminal dumb", 17) == 0 && strncmp(p->script, STYLE, strlen(STYLE)) == 0) {
        write_dumb_script(g, terminal, p);
    } else {
        fwrite(p->script, 1, p->len, g);
    }
    if (file != NULL) fprintf(g, "unset output\n");
    int unread = fflush(g) != 0 || ferror(g);
    int status = finish_gnuplot(g, pid);
    GnuplotEnd end = describe_status(status, what, sizeof what);
    int failed = end != GNUPLOT_OK;
    collect_errors(err_file, said, sizeof said, !failed && !unread);
    cleanup_forget_file(slot);
    if (end == GNUPLOT_KILLED) said[0] = '\0';
    if (!failed && unread) snprintf(what, sizeof what, "%s", EXITED_EARLY);
    if (!failed && !unread) return 0;
    snprintf(why, size, "%s%s%.100s", what, said[0] != '\0' ? ": " : "", said);
    return -1;
}

/* Writes the re-drawable script NAME.gp: terminal and output first. */
static int save_script(const Plotter *pl, const Plot *p, const char *ext, LrError *err) {
    char path[1200], tmp[1210], terminal[200];
    snprintf(path, sizeof path, "%s/%s.gp", pl->dir, p->name);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    terminal_line(pl, p, strcmp(ext, "svg") == 0 ? PLOT_SVG : PLOT_PNG, terminal, sizeof terminal);
    FILE *f = fopen(tmp, "w");
    if (f == NULL) return lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    int slot = cleanup_add_file(tmp);
    fprintf(f, "# %s: draw again with   gnuplot %s\n%s\nset output '%s/%s.%s'\n",
            p->name, path, terminal, pl->dir, p->name, ext);
    fwrite(p->script, 1, p->len, f);
    int bad = ferror(f), status = 0;
    if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
        remove(tmp);
        status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    }
    cleanup_forget_file(slot);
    return status;
}

/* The message for a plot gnuplot could not draw. */
static int plot_failed(const Plotter *pl, const Plot *p, const char *why, LrError *err) {
    return lr_fail(err, "plot %s: gnuplot %s; its script is %s/%s.gp", p->name, why, pl->dir, p->name);
}

/* 1 when the image file at path is complete: a PNG ends with its IEND
 * chunk, an SVG with </svg>. A full disk cuts gnuplot's image short while
 * gnuplot still exits with status 0. */
static int image_complete(const char *path, const char *ext) {
    static const unsigned char IEND[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    unsigned char tail[64];
    FILE *f = fopen(path, "rb");
    if (f == NULL) return 0;
    size_t got = 0;
    if (fseek(f, -(long)sizeof tail, SEEK_END) != 0) rewind(f);   // a file shorter than the tail
    got = fread(tail, 1, sizeof tail, f);
    fclose(f);
    if (strcmp(ext, "png") == 0) return got >= sizeof IEND && memcmp(tail + got - sizeof IEND, IEND, sizeof IEND) == 0;
    while (got > 0 && (tail[got - 1] == '\n' || tail[got - 1] == '\r' || tail[got - 1] == ' ')) got--;
    return got >= 6 && memcmp(tail + got - 6, "</svg>", 6) == 0;
}

/* Draws into NAME.EXT under a temporary name, renamed on success. */
static int draw_file(const Plotter *pl, Plot *p, PlotOutput out, LrError *err) {
    const char *ext = out == PLOT_SVG ? "svg" : "png";
    char path[1200], tmp[1240], terminal[200], why[300];
    snprintf(path, sizeof path, "%s/%s.%s", pl->dir, p->name, ext);
    snprintf(tmp, sizeof tmp, "%s/.%s.%ld.%s.tmp", pl->dir, p->name, (long)getpid(), ext);
    terminal_line(pl, p, out, terminal, sizeof terminal);
    int slot = cleanup_add_file(tmp);
    int status = run_gnuplot(terminal, tmp, p, 0, why, sizeof why);
    struct stat st;
    if (status == 0 && (stat(tmp, &st) != 0 || st.st_size == 0)) {
        snprintf(why, sizeof why, "%s", EXITED_EARLY);
        status = -1;
    } else if (status == 0 && !image_complete(tmp, ext)) {
        snprintf(why, sizeof why, "wrote an incomplete image (%lld bytes; is the disk full?)", (long long)st.st_size);
        status = -1;
    }
    if (status != 0) {
        remove(tmp);
        status = plot_failed(pl, p, why, err);
    } else if (rename(tmp, path) != 0) {
        remove(tmp);
        status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    } else {
        snprintf(p->saved, sizeof p->saved, "%s", path);
    }
    cleanup_forget_file(slot);
    return status;
}

static int draw_on_screen(const Plotter *pl, const Plot *p, PlotOutput out, LrError *err) {
    char terminal[200], why[300];
    terminal_line(pl, p, out, terminal, sizeof terminal);
    if (run_gnuplot(terminal, NULL, p, out == PLOT_WINDOW, why, sizeof why) != 0) {
        return plot_failed(pl, p, why, err);
    }
    return 0;
}

int plot_drawn(const Plotter *pl) {
    return pl->output != PLOT_NONE && pl->have_gnuplot;
}

int plot_show(const Plotter *pl, Plot *p, LrError *err) {
    p->saved[0] = '\0';
    int status = 0;
    if (plot_drawn(pl)) {
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
