/* Tests for lib/plot's script building (drawing is tested by
 * tests/plot-pipe/run.sh with fake gnuplots).
 *
 * printf spells a NaN "nan", a word gnuplot takes for an undefined
 * variable: plot_cmd must hand gnuplot its own NaN instead, and leave every
 * other word that holds those letters alone. */
#include <math.h>
#include <string.h>

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

int main(void) {
    static const HarnessTest tests[] = {
        {"plot_cmd writes a NaN as gnuplot's NaN", test_nan_spelled_for_gnuplot},
        {"plot_cmd leaves other words with 'nan' in them alone", test_other_words_kept},
    };
    return harness_run("lib: plot", tests, sizeof tests / sizeof tests[0]);
}
