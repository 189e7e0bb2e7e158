/* Tests for lib/plot's script building (drawing is tested by
 * tests/plot-pipe/run.sh with fake gnuplots).
 *
 * printf spells a NaN "nan", a word gnuplot takes for an undefined
 * variable: plot_cmd must hand gnuplot its own NaN instead, and leave every
 * other word that holds those letters alone. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "plot.h"

/* The last line of the plot's script (without its newline), in a static buffer. */
static const char *last_line(const Plot *p) {
    static char line[256];
    size_t end = p->len > 0 ? p->len - 1 : 0;
    size_t start = end;
    while (start > 0 && p->script[start - 1] != '\n') start--;
    size_t n = end - start < sizeof line - 1 ? end - start : sizeof line - 1;
    memcpy(line, p->script + start, n);
    line[n] = '\0';
    return line;
}

static void test_nan_spelled_for_gnuplot(void) {
    Plot p;
    plot_begin(&p, "test-plot");
    plot_cmd(&p, "plot %g with lines, %g, %g", NAN, -NAN, 1.5);
    const char *got = last_line(&p);
    EXPECT_TRUE(strstr(got, "nan") == NULL && strstr(got, "plot NaN with lines") != NULL,
                harness_fmt("a NaN formatted with %%g must reach gnuplot as NaN, got '%s'", got));
    plot_free(&p);
}

static void test_other_words_kept(void) {
    Plot p;
    plot_begin(&p, "test-plot");
    plot_cmd(&p, "plot $nan using 1:2 title 'banana', nanx, x_nan");
    const char *got = last_line(&p);
    EXPECT_TRUE(strcmp(got, "plot $nan using 1:2 title 'banana', nanx, x_nan") == 0,
                harness_fmt("only the word nan may change: '$nan', 'banana', 'nanx' and 'x_nan' stay, got '%s'", got));
    plot_free(&p);
}

/* The lines of the title in a 'set title "..."' line, joined by '|'. */
static const char *title_lines(const char *line) {
    static char out[512];
    size_t n = 0;
    const char *at = strchr(line, '"');
    for (at = at != NULL ? at + 1 : line; *at != '\0' && n + 1 < sizeof out; at++) {
        if (at[0] == '"') break;
        if (at[0] == '\\' && at[1] == 'n') {
            out[n++] = '|';
            at++;
        } else if (at[0] == '\\' && at[1] != '\0') {
            out[n++] = *++at;
        } else {
            out[n++] = *at;
        }
    }
    out[n] = '\0';
    return out;
}

static void test_title_short_kept(void) {
    Plot p;
    plot_begin(&p, "test-plot");
    plot_title(&p, "Newton's method, lr %g", 0.5);
    const char *got = last_line(&p);
    EXPECT_TRUE(strcmp(got, "set title \"Newton's method, lr 0.5\"") == 0,
                harness_fmt("a title of %d characters or fewer is one line, got '%s'", PLOT_TITLE_CHARS, got));
    plot_free(&p);
}

static void test_title_wrapped(void) {
    // 88 characters, with a two-byte σ: two lines at most 48 long, as even as
    // the spaces allow (46 + 41 would also fit, 40 + 47 is more even)
    const char *title = "The predicted probabilities σ(z) of each class, and where the threshold cuts them \"now\"";
    Plot p;
    plot_begin(&p, "test-plot");
    plot_title(&p, "%s", title);
    const char *got = title_lines(last_line(&p));
    EXPECT_TRUE(strcmp(got, "The predicted probabilities σ(z) of each|class, and where the threshold cuts them \"now\"") == 0,
                harness_fmt("a long title must break at spaces into as few lines as %d characters allow (counting σ "
                            "as one), the longest as short as it can be, with its quotes escaped, got '%s'",
                            PLOT_TITLE_CHARS, got));
    plot_free(&p);
}

static void test_title_long_word_whole(void) {
    char word[PLOT_TITLE_CHARS + 12];
    memset(word, 'w', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    Plot p;
    plot_begin(&p, "test-plot");
    plot_title(&p, "\nA %s b", word);
    char want[sizeof word + 8];
    snprintf(want, sizeof want, "A|%s|b", word);
    const char *got = title_lines(last_line(&p));
    EXPECT_TRUE(strcmp(got, want) == 0,
                harness_fmt("a word longer than a line stays whole on a line of its own, and a newline in the text "
                            "is a space, got '%s'",
                            got));
    plot_free(&p);
}

static void test_title_formula_whole(void) {
    // 50 characters: two lines, broken at a space outside the parentheses
    Plot p;
    plot_begin(&p, "test-plot");
    plot_title(&p, "The sigmoid σ(z) = 1 / (1 + e^{-z}) and its slope");
    const char *got = title_lines(last_line(&p));
    EXPECT_TRUE(strcmp(got, "The sigmoid σ(z) = 1 /|(1 + e^{-z}) and its slope") == 0,
                harness_fmt("a title breaks only at a space outside brackets, so that a formula stays on one line, "
                            "got '%s'",
                            got));
    plot_free(&p);
}

/* plot_plain_text gives in for the dumb terminal as want. */
static void expect_plain(const char *in, const char *want) {
    char out[128];
    size_t len = plot_plain_text(in, strlen(in), out);
    EXPECT_TRUE(strcmp(out, want) == 0 && len == strlen(want),
                harness_fmt("the ASCII plot shows '%s' as '%s', expected '%s'", in, out, want));
}

static void test_plain_text(void) {
    expect_plain("1/(1 + e^{-z})", "1/(1 + e^-z)");
    expect_plain("10^{%L}", "10^%L");
    expect_plain("x_{i j} and x_{i_{k}}", "x_(i j) and x_(i_k)");
    expect_plain("{/Symbol s}(z) and {/:Bold bold}", "s(z) and bold");
    expect_plain("a@^2_i", "a^2_i");
    expect_plain("w_1, ||w||^2, p_c >= 0.5, 'x'", "w_1, ||w||^2, p_c >= 0.5, 'x'");
    expect_plain("{unclosed", "unclosed");
    expect_plain("e^{", "e^");
    expect_plain("e^{a b", "e^a b");
    expect_plain("-z", "-z");
}

/* ASCII plots fit the terminal, or 80 columns (or COLUMNS) when stdout is
 * not a terminal, as under make test. */
static int init_on_pipe(Plotter *pl, LrError *err) {   // plot_init with stdout a pipe
    int saved = dup(STDOUT_FILENO), fds[2];
    if (saved < 0 || pipe(fds) != 0) return -1;
    fflush(stdout);
    dup2(fds[1], STDOUT_FILENO);
    int rc = plot_init(pl, err);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(fds[0]);
    close(fds[1]);
    return rc;
}

static void test_ascii_size(void) {
    Plotter pl;
    LrError err;
    setenv("LR_PLOT", "none", 1);
    unsetenv("COLUMNS");
    int rc = init_on_pipe(&pl, &err);
    EXPECT_TRUE(rc == 0 && pl.ascii_cols == 79 && pl.ascii_rows == 25,
                harness_fmt("not a terminal: 79 x 25, got %d x %d", pl.ascii_cols, pl.ascii_rows));
    setenv("COLUMNS", "60", 1);
    rc = init_on_pipe(&pl, &err);
    EXPECT_TRUE(rc == 0 && pl.ascii_cols == 59, harness_fmt("COLUMNS=60: 59 columns, got %d", pl.ascii_cols));
    setenv("COLUMNS", "5000", 1);
    rc = init_on_pipe(&pl, &err);
    EXPECT_TRUE(rc == 0 && pl.ascii_cols == 120, harness_fmt("COLUMNS=5000: at most 120, got %d", pl.ascii_cols));
    unsetenv("COLUMNS");
}

/* LR_GNUPLOT_TERMINALS is gnuplot's list of terminals given beforehand:
 * plot_init takes its terminals from it and asks no gnuplot (none is on
 * PATH here, so asking would find none, as the last check shows). */
static void test_terminals_given(void) {
    Plotter pl;
    LrError err;
    char path[4096];
    snprintf(path, sizeof path, "%s", getenv("PATH") != NULL ? getenv("PATH") : "/usr/bin:/bin");
    setenv("PATH", "/nonexistent", 1);
    setenv("LR_PLOT", "png", 1);
    setenv("LR_GNUPLOT_TERMINALS", "dumb png pngcairo svg wxt x11", 1);
    int rc = plot_init(&pl, &err);
    EXPECT_TRUE(rc == 0 && pl.have_gnuplot && strcmp(pl.png_terminal, "pngcairo") == 0 &&
                    strcmp(pl.window_terminal, "wxt") == 0,
                harness_fmt("given pngcairo and wxt: expected gnuplot found, pngcairo, wxt; got %d, '%s', '%s'",
                            pl.have_gnuplot, pl.png_terminal, pl.window_terminal));
    setenv("LR_GNUPLOT_TERMINALS", "dumb png svg", 1);
    rc = plot_init(&pl, &err);
    EXPECT_TRUE(rc == 0 && pl.have_gnuplot && strcmp(pl.png_terminal, "png") == 0 && pl.window_terminal[0] == '\0',
                harness_fmt("given png only: expected png and no window terminal, got '%s', '%s'", pl.png_terminal,
                            pl.window_terminal));
    unsetenv("LR_GNUPLOT_TERMINALS");
    rc = plot_init(&pl, &err);
    EXPECT_TRUE(rc == 0 && !pl.have_gnuplot && pl.gnuplot_missing,
                "not given: gnuplot is asked, and there is none on this PATH");
    setenv("PATH", path, 1);
    setenv("LR_PLOT", "none", 1);
}

/* plot_drawn says whether plot_show draws: never with LR_PLOT=none or
 * without gnuplot, so that a chapter may skip what only a figure needs. */
static void test_drawn(void) {
    static const PlotOutput OUTPUTS[] = {PLOT_WINDOW, PLOT_PNG, PLOT_SVG, PLOT_DUMB, PLOT_NONE};
    for (size_t k = 0; k < sizeof OUTPUTS / sizeof OUTPUTS[0]; k++) {
        for (int gnuplot = 0; gnuplot <= 1; gnuplot++) {
            Plotter pl = {.output = OUTPUTS[k], .have_gnuplot = gnuplot};
            int want = gnuplot && OUTPUTS[k] != PLOT_NONE;
            EXPECT_TRUE(plot_drawn(&pl) == want, harness_fmt("output %d, have_gnuplot %d: plot_drawn should be %d",
                                                             (int)OUTPUTS[k], gnuplot, want));
        }
    }
}

int main(void) {
    static const HarnessTest tests[] = {
        {"plot_cmd writes a NaN as gnuplot's NaN", test_nan_spelled_for_gnuplot},
        {"plot_cmd leaves other words with 'nan' in them alone", test_other_words_kept},
        {"plot_title keeps a short title on one line", test_title_short_kept},
        {"plot_title wraps a long title at spaces", test_title_wrapped},
        {"plot_title keeps a word longer than a line whole", test_title_long_word_whole},
        {"plot_title keeps a formula in brackets on one line", test_title_formula_whole},
        {"plot_plain_text: the ASCII plot's text without markup", test_plain_text},
        {"ASCII plots: 79 columns when stdout is not a terminal, or COLUMNS", test_ascii_size},
        {"plot_drawn: only when LR_PLOT draws somewhere and gnuplot answered", test_drawn},
        {"LR_GNUPLOT_TERMINALS: the terminals given, no gnuplot asked", test_terminals_given},
    };
    return harness_run("lib: plot", tests, sizeof tests / sizeof tests[0]);
}
