/* check-output: compare numbers a chapter printed with stored reference values.
 *
 *   check-output OUTPUT REFERENCE SPEC...
 *
 * OUTPUT is what the chapter printed; REFERENCE a file in data/reference/.
 * Each SPEC is LABEL[#COL]=KEY[.INDEX]:TOL and means: find the first line of
 * OUTPUT whose first word is LABEL, take its COL-th number after the label
 * (default 1), and check that it is within TOL of value INDEX (default 0) of
 * KEY in REFERENCE. A LABEL may contain '=' (t=0.25): the key begins after
 * the last one. Keys may contain dots (loss_lam_0.01): KEY.INDEX is value
 * INDEX of KEY when KEY has that many values, else the whole text is the key
 * (write w_lam_0.1.0 for value 0 of w_lam_0.1). A TOL ending in r is
 * relative: 1e-6r means within 1e-6 * |reference|. A LABEL must start exactly
 * one line of OUTPUT: when it starts two, the spec fails and names both lines,
 * since the check could not tell which one was meant. Prints one line per
 * spec and exits 1 if any fails.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reference.h"

typedef struct {
    char label[128];
    int col;
    char key[128];
    size_t index;
    char whole[128];   // KEY[.INDEX] as written: a key may itself contain a dot (lam_0.01)
    double tol;
    int relative;   // 1: tol is relative to |reference| (TOL written as 1e-6r)
} Spec;

static int parse_spec(const char *text, Spec *s) {
    char copy[512];
    snprintf(copy, sizeof copy, "%s", text);
    char *eq = strrchr(copy, '='), *colon = strrchr(copy, ':');   // a label may hold '=' (t=0.25), a key never
    if (eq == NULL || colon == NULL || colon < eq) return -1;
    *eq = *colon = '\0';
    s->tol = atof(colon + 1);
    s->relative = colon[1] != '\0' && colon[strlen(colon + 1)] == 'r';
    char *hash = strchr(copy, '#');
    s->col = hash != NULL ? atoi(hash + 1) : 1;
    if (hash != NULL) *hash = '\0';
    snprintf(s->label, sizeof s->label, "%.127s", copy);
    snprintf(s->whole, sizeof s->whole, "%.127s", eq + 1);
    char *dot = strrchr(eq + 1, '.');
    s->index = 0;
    if (dot != NULL && strspn(dot + 1, "0123456789") == strlen(dot + 1) && dot[1] != '\0') {
        s->index = (size_t)atoi(dot + 1);
        *dot = '\0';
    }
    snprintf(s->key, sizeof s->key, "%.127s", eq + 1);
    return s->col >= 1 ? 0 : -1;
}

/* The col-th number after label on the line that starts with label.
 * Returns 0 when found, -1 when no line starts with label or that line has no
 * col-th number, -2 when label starts more than one line; *first and *second
 * are the line numbers of the first two lines it starts (0 when none). */
static int find_printed(const char *path, const Spec *s, double *out, int *first, int *second) {
    *first = *second = 0;
    FILE *f = fopen(path, "r");
    if (f == NULL) return -1;
    char line[4096];
    int found = -1;
    for (int number = 1; fgets(line, sizeof line, f) != NULL; number++) {
        char *save = NULL, *word = strtok_r(line, " \t\n", &save);
        if (word == NULL || strcmp(word, s->label) != 0) continue;
        if (*first != 0) {
            *second = number;
            found = -2;
            break;
        }
        *first = number;
        for (int c = 1; (word = strtok_r(NULL, " \t\n", &save)) != NULL; c++) {
            if (c == s->col) {
                char *end;
                *out = strtod(word, &end);
                found = *end == '\0' || *end == '%' ? 0 : -1;
                break;
            }
        }
    }
    fclose(f);
    return found;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: check-output OUTPUT REFERENCE LABEL[#COL]=KEY[.INDEX]:TOL ...\n");
        return 2;
    }
    Reference ref;
    LrError err;
    if (ref_load(&ref, argv[2], &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    int failures = 0;
    for (int a = 3; a < argc; a++) {
        Spec s;
        double got = NAN, want;
        if (parse_spec(argv[a], &s) != 0) {
            printf("FAIL %s: cannot read this spec\n", argv[a]);
            failures++;
            continue;
        }
        const RefEntry *split = ref_get(&ref, s.key);
        if ((split == NULL || s.index >= split->n) && ref_get(&ref, s.whole) != NULL) {   // loss_lam_0.01
            snprintf(s.key, sizeof s.key, "%s", s.whole);
            s.index = 0;
        }
        want = ref_value(&ref, s.key, s.index);
        int first = 0, second = 0, where = find_printed(argv[1], &s, &got, &first, &second);
        int printed = where == 0;
        double allowed = s.relative ? s.tol * fabs(want) : s.tol;
        int ok = printed && !isnan(want) && fabs(got - want) <= allowed;
        failures += !ok;
        if (where == -2) printf("FAIL %-14s '%s' starts lines %d and %d: a label must start one line only\n", s.label, s.label, first, second);
        else if (!printed) printf("FAIL %-14s not printed (no line starting with '%s' with %d numbers)\n", s.label, s.label, s.col);
        else if (isnan(want)) printf("FAIL %-14s reference has no %s[%zu]\n", s.label, s.key, s.index);
        else printf("%s %-14s %.15g vs %s[%zu] = %.15g, |diff| %.1e (tolerance %g%s)\n", ok ? "ok  " : "FAIL",
                    s.label, got, s.key, s.index, want, fabs(got - want), s.tol, s.relative ? " relative" : "");
    }
    ref_free(&ref);
    return failures == 0 ? 0 : 1;
}
