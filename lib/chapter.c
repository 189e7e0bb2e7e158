#include "chapter.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *program = "chapter";

/* ---- options ------------------------------------------------------------ */

static void usage(const char *about, const ChapterOption *opts, size_t n_opts) {
    printf("%s\n\nusage: ./%s [options]\n\noptions:\n", about, program);
    for (size_t k = 0; k < n_opts; k++) {
        char left[64];
        snprintf(left, sizeof left, "%s %s", opts[k].name, opts[k].arg);
        printf("  %-22s %s\n", left, opts[k].help);
    }
    printf("  %-22s %s\n", "--help", "show this help and exit");
    printf("\nenvironment: LR_PLOT=auto|window|png|svg|dumb|none, LR_PLOT_DIR=folder (default out)\n");
}

static void bad_option(const char *fmt, const char *a, const char *b) {
    fprintf(stderr, "%s: ", program);
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, " (see ./%s --help)\n", program);
    exit(2);
}

static void parse_value(ChapterOption *o, const char *text) {
    char *end;
    errno = 0;
    if (o->kind == OPT_TEXT) {
        if (*text == '\0') bad_option("%s: expected a value%s", o->name, "");
        *(const char **)o->value = text;
        return;
    }
    if (o->kind == OPT_COUNT) {
        long long v = strtoll(text, &end, 10);
        if (end == text || *end != '\0' || errno == ERANGE) bad_option("%s: expected a whole number, got '%s'", o->name, text);
        if (v < o->min || v > o->max) {
            char range[96];
            snprintf(range, sizeof range, "%s: %s is out of range, expected %.0f to %.0f",
                     o->name, text, o->min, o->max);
            bad_option("%s%s", range, "");
        }
        *(size_t *)o->value = (size_t)v;
        return;
    }
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v)) {
        bad_option("%s: expected a number, got '%s'", o->name, text);
    }
    if (v < o->min || v > o->max) {
        char range[128];
        snprintf(range, sizeof range, "%s: %s is out of range, expected %g to %g", o->name, text, o->min, o->max);
        bad_option("%s%s", range, "");
    }
    *(double *)o->value = v;
}

static ChapterOption *find_option(ChapterOption *opts, size_t n_opts, const char *name, size_t len) {
    for (size_t k = 0; k < n_opts; k++) {
        if (strlen(opts[k].name) == len && strncmp(opts[k].name, name, len) == 0) return &opts[k];
    }
    return NULL;
}

void chapter_parse(int argc, char **argv, const char *about, ChapterOption *opts, size_t n_opts) {
    const char *slash = strrchr(argv[0], '/');
    program = slash != NULL ? slash + 1 : argv[0];
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(about, opts, n_opts);
            exit(0);
        }
        const char *eq = strchr(arg, '=');
        size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        ChapterOption *o = find_option(opts, n_opts, arg, len);
        if (o == NULL) bad_option("unknown option '%s'%s", arg, "");
        const char *value = eq != NULL ? eq + 1 : (a + 1 < argc ? argv[++a] : NULL);
        if (value == NULL) bad_option("%s: needs a value (%s)", o->name, o->arg);
        parse_value(o, value);
        o->given = 1;
    }
}

/* ---- data, reference, plots --------------------------------------------- */

void chapter_load(Dataset *ds, const char *path, int n_classes) {
    LrError err;
    if (dataset_read_csv(ds, path, &err) != 0 || dataset_check_labels(ds, n_classes, path, &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err.msg);
        dataset_free(ds);
        exit(2);
    }
}

void chapter_load_reference(Reference *ref, const char *name) {
    char file[256], path[4096];
    snprintf(file, sizeof file, "reference/%s", name);
    LrError err;
    if (ref_load(ref, lr_data_path(file, path, sizeof path), &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err.msg);
        exit(2);
    }
}

void chapter_plotter(Plotter *pl) {
    LrError err;
    if (plot_init(pl, &err) != 0) {
        fprintf(stderr, "%s: %s\n", program, err.msg);
        exit(2);
    }
    if (pl->output != PLOT_NONE && !pl->have_gnuplot) {
        fprintf(stderr, "%s: gnuplot not found, so no plots this time; the numbers still print. "
                        "Install it with: sudo apt-get install gnuplot\n", program);
    }
}

void chapter_show(const Plotter *pl, Plot *p) {
    LrError err;
    if (plot_show(pl, p, &err) != 0) {
        fflush(stdout);
        fprintf(stderr, "%s: %s\n", program, err.msg);
    } else if (p->saved[0] != '\0') {
        printf("plot: %s\n", p->saved);
    }
}

void chapter_compare(const char *label, double ours, double ref) {
    if (isnan(ref)) {
        printf("%-14s %20.12f\n", label, ours);
    } else {
        printf("%-14s %20.12f %20.12f %10.1e\n", label, ours, ref, fabs(ours - ref));
    }
}
