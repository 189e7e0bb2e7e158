#include "yours.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chapter.h"

/* Exercise numbers are two digits, taken from the file a TODO() is in. */
#define EXERCISE_SLOTS 100

/* What the learner's code did since yours_begin. Program state, not library
 * state: a stub reports through a call with no context to pass it in. */
static struct {
    int lib_only;                       // --lib: never run the learner's code
    const char *stub[EXERCISE_SLOTS];   // per exercise, the first of its functions met that still calls TODO() (NULL: none)
    const char *not_compiled;           // the first stand-in met: its exercise does not compile (NULL: none)
    int not_compiled_nn;                // and its exercise
} seen;

int yours_exercise_of(const char *file) {
    const char *name = strrchr(file, '/');
    name = name != NULL ? name + 1 : file;
    int digits = isdigit((unsigned char)name[0]) && isdigit((unsigned char)name[1]) && name[2] == '-';
    return digits ? (name[0] - '0') * 10 + (name[1] - '0') : 0;
}

void yours_todo(const char *file, const char *function) {
    int nn = yours_exercise_of(file);
    if (seen.stub[nn] == NULL) seen.stub[nn] = function;
}

void yours_not_compiled(const char *file, const char *function) {
    if (seen.not_compiled != NULL) return;
    seen.not_compiled = function;
    seen.not_compiled_nn = yours_exercise_of(file);
}

void yours_set_lib_only(int lib_only) { seen.lib_only = lib_only; }

int yours_begin(void) {
    for (int nn = 0; nn < EXERCISE_SLOTS; nn++) seen.stub[nn] = NULL;
    seen.not_compiled = NULL;
    return !seen.lib_only;
}

int yours_done(void) {
    if (seen.not_compiled != NULL) return 0;
    for (int nn = 0; nn < EXERCISE_SLOTS; nn++) {
        if (seen.stub[nn] != NULL) return 0;
    }
    return 1;
}

int yours_end(int nn, const char *uses) {
    fflush(stdout);
    char path[512];
    if (yours_stale(nn, path, sizeof path)) {
        chapter_print("%s changed since this program was built:\n  run make chapter-%02d (this run %s)\n", path,
                      nn, uses);
        return 0;
    }
    if (seen.not_compiled != NULL) {
        int m = seen.not_compiled_nn;
        chapter_print("exercise %02d does not compile, so this run %s;\n"
                      "  make check EX=%02d shows the compiler's message\n",
                      m, uses, m);
        return 0;
    }
    int m = seen.stub[nn] != NULL ? nn : 0;   // the chapter's own exercise first, then the earliest
    for (int k = 1; k < EXERCISE_SLOTS && m == 0; k++) {
        if (seen.stub[k] != NULL) m = k;
    }
    if (m == 0 && seen.stub[0] == NULL) return 1;
    if (m == 0) m = nn;   // a TODO() outside the known functions: a learner's own helper
    const char *f = seen.stub[m] != NULL ? seen.stub[m] : seen.stub[0];
    if (m == nn) {
        // "  so this run USES; make check EX=NN to start it" on one line when it fits, else the command on its own
        int fits = strlen("  so this run ; make check EX=NN to start it") + strlen(uses) <= CHAPTER_COLUMNS;
        chapter_print("exercise %02d is not done yet (%s still calls TODO()),\n"
                      "  so this run %s;%smake check EX=%02d to start it\n",
                      nn, f, uses, fits ? " " : "\n  ", nn);
    } else {
        chapter_print("chapter %02d runs your exercise %02d too, and it is not done yet\n"
                      "  (%s still calls TODO()), so this run %s;\n"
                      "  make check EX=%02d to start it\n",
                      nn, m, f, uses, m);
    }
    return 0;
}

/* ---- yours beside the reference ------------------------------------------ */

void yours_tally_init(YoursTally *t, int nn, const char *ref) {
    *t = (YoursTally){.nn = nn, .ref = ref, .largest = 0.0, .rows = 0, .first = ""};
}

/* Counts one number of the tally: the same when within tol of ref. */
static void count(YoursTally *t, const char *label, double yours, double ref, double tol) {
    double diff = fabs(yours - ref);
    int same = yours == ref || diff <= tol;   // == : equal infinities
    if (yours == ref) diff = 0.0;
    t->rows++;
    if (!(diff <= t->largest)) t->largest = diff;   // a NaN difference is the largest
    if (!same && t->first[0] == '\0') {
        snprintf(t->first, sizeof t->first, "%s", label);
        t->first_yours = yours;
        t->first_ref = ref;
    }
}

void yours_count(YoursTally *t, const char *label, double yours, double ref) {
    count(t, label, yours, ref, YOURS_TOL * fmax(1.0, fabs(ref)));
}

void yours_count_relative(YoursTally *t, const char *label, double yours, double ref) {
    count(t, label, yours, ref, YOURS_TOL * fabs(ref));
}

void yours_count_exact(YoursTally *t, const char *label, double yours, double ref) {
    count(t, label, yours, ref, 0.0);
}

void yours_compare(YoursTally *t, const char *label, double yours, double ref) {
    yours_count(t, label, yours, ref);
    printf("%-14s %20.12f %20.12f %10.1e\n", label, yours, ref, yours == ref ? 0.0 : fabs(yours - ref));
}

void yours_header(const YoursTally *t, const char *ref) {
    if (t == NULL) {
        chapter_compare_head("", ref);
    } else {
        printf("%-14s %20s %20s %10s\n", "", "yours", strcmp(t->ref, "lib/") == 0 ? "lib/ (ours)" : ref, "|diff|");
    }
}

void yours_row(YoursTally *t, const char *label, double value, double ref, double lib) {
    if (t == NULL) {
        if (isnan(ref)) printf("%-14s %20.12f\n", label, value);
        else printf("%-14s %20.12f %20.12f %10.1e\n", label, value, ref, fabs(value - ref));
        return;
    }
    yours_compare(t, label, value, isnan(ref) ? lib : ref);
}

/* "NumPy's", or "the library's" for lib/. */
static const char *whose(const YoursTally *t, char *buf, size_t size) {
    if (strcmp(t->ref, "lib/") == 0) snprintf(buf, size, "the library's");
    else snprintf(buf, size, "%s's", t->ref);
    return buf;
}

/* The fewest significant digits, from 9, that print a and b differently. */
static int distinct_digits(double a, double b) {
    char sa[40], sb[40];
    int digits = 9;
    for (; digits < 17; digits++) {
        snprintf(sa, sizeof sa, "%.*g", digits, a);
        snprintf(sb, sizeof sb, "%.*g", digits, b);
        if (strcmp(sa, sb) != 0) break;
    }
    return digits;
}

int yours_verdict(const YoursTally *t, const char *summary) {
    char ref[64];
    if (t->first[0] == '\0') {
        if (strcmp(t->ref, "lib/") == 0) chapter_print("your code reproduces the library's numbers:\n");
        else chapter_print("your code reproduces the lesson's %s numbers:\n", t->ref);
        chapter_print("  yours: %s\n  (largest difference %.0e)\n", summary, t->largest);
        return 0;
    }
    whose(t, ref, sizeof ref);
    char others[64], also[160] = "";
    int n = yours_list_uses(t->nn, others, sizeof others);
    if (n > 0) {
        snprintf(also, sizeof also, ";\n  this chapter also runs your exercise%s %s\n  (make check shows which pass)",
                 n > 1 ? "s" : "", others);
    }
    int digits = distinct_digits(t->first_yours, t->first_ref);
    char yours[40], theirs[40];   // (NaN spelt NaN: printf may write -nan)
    snprintf(yours, sizeof yours, isnan(t->first_yours) ? "NaN" : "%.*g", digits, t->first_yours);
    snprintf(theirs, sizeof theirs, isnan(t->first_ref) ? "NaN" : "%.*g", digits, t->first_ref);
    // one clause a line, so that no command is broken across lines
    chapter_print("your numbers first differ from %s at %s:\n  yours %s, %s %s;\n"
                  "  make check EX=%02d tests your functions one by one%s\n",
                  ref, t->first, yours, ref, theirs, t->nn, also);
    return YOURS_DIFFER;
}
