/* Tests for lib/chapter's chapter_print: text wrapped to CHAPTER_COLUMNS at
 * spaces, continued lines indented two spaces further than the line they
 * continue, never broken beside '=', a word longer than a line kept whole.
 * What it prints is caught in a temporary file in place of stdout. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chapter.h"
#include "harness.h"

/* What chapter_print("%s", text) prints, into out (size bytes). */
static const char *printed(const char *text, char *out, size_t size) {
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    FILE *tmp = tmpfile();
    out[0] = '\0';
    if (saved == -1 || tmp == NULL) return out;
    dup2(fileno(tmp), STDOUT_FILENO);
    chapter_print("%s", text);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    rewind(tmp);
    size_t got = fread(out, 1, size - 1, tmp);
    out[got] = '\0';
    fclose(tmp);
    return out;
}

static void expect_printed(const char *text, const char *want, const char *why) {
    char got[1024];
    printed(text, got, sizeof got);
    EXPECT_TRUE(strcmp(got, want) == 0, harness_fmt("chapter_print: %s\nexpected:\n%sgot:\n%s", why, want, got));
}

static void test_short_lines_unchanged(void) {
    expect_printed("w[0]  0.342\n\nb  -0.116\n", "w[0]  0.342\n\nb  -0.116\n", "lines within 80 columns are as given");
    expect_printed("no newline", "no newline", "text without a final newline gets none");
    char eighty[96];
    snprintf(eighty, sizeof eighty, "x %078d\n", 0);   // 80 columns, with a space it could break at
    expect_printed(eighty, eighty, "a line of exactly 80 characters is not broken");
}

static void test_heading_wraps(void) {
    expect_printed("Chapter 3: gradient descent on make_classification(n_samples=300, n_features=2, n_redundant=0, "
                   "n_informative=2, random_state=42, n_clusters_per_class=1)\n(300 samples, 2 features)\n",
                   "Chapter 3: gradient descent on make_classification(n_samples=300, n_features=2,\n"
                   "  n_redundant=0, n_informative=2, random_state=42, n_clusters_per_class=1)\n"
                   "(300 samples, 2 features)\n",
                   "the heading breaks at the last space within 80 columns, the rest indented by 2");
}

static void test_indented_line_keeps_its_indent(void) {
    expect_printed("    an indented line that is long enough to need a second line when it is printed out here\n",
                   "    an indented line that is long enough to need a second line when it is\n"
                   "      printed out here\n",
                   "a line indented by 4 goes on indented by 6");
}

static void test_never_beside_equals(void) {
    // Without the rule the break would fall after "b =" (column 80).
    expect_printed("your code reproduces the lesson's NumPy numbers: w = (0.342249, 3.170892), b = -0.116219\n",
                   "your code reproduces the lesson's NumPy numbers: w = (0.342249, 3.170892),\n"
                   "  b = -0.116219\n",
                   "\"b = -0.116219\" is not split at its '='");
}

static void test_long_word_whole(void) {
    char path[160], want[200];
    memset(path, 'a', 100);
    path[100] = '\0';
    char text[200];
    snprintf(text, sizeof text, "data: %s (300 rows)\n", path);
    snprintf(want, sizeof want, "data:\n  %s\n  (300 rows)\n", path);
    expect_printed(text, want, "a 100-character word is printed whole, on a line of its own");
}

int main(void) {
    static const HarnessTest tests[] = {
        {"lines within 80 columns are printed as given", test_short_lines_unchanged},
        {"a chapter's heading wraps at a space, the rest indented", test_heading_wraps},
        {"a continued line keeps its indentation, plus 2", test_indented_line_keeps_its_indent},
        {"a line never breaks beside '='", test_never_beside_equals},
        {"a word longer than a line is printed whole", test_long_word_whole},
    };
    return harness_run("chapter_print", tests, sizeof tests / sizeof tests[0]);
}
