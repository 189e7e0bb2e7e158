#include "chapter.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *program = "chapter";
static int warned_scale = 0;   // 1 once chapter_load has warned about a large feature

/* ---- options ------------------------------------------------------------ */

/* "[1e-12 to 1e+06]" for a number option, "" for text. */
static void range_text(const ChapterOption *o, char *buf, size_t size) {
    if (o->kind == OPT_COUNT) snprintf(buf, size, "; %.0f to %.0f", o->min, o->max);
    else if (o->kind == OPT_REAL) snprintf(buf, size, "; %g to %g", o->min, o->max);
    else buf[0] = '\0';
}

static void usage(const char *about, const ChapterOption *opts, size_t n_opts) {
    printf("%s\n\nusage: ./%s [options]\n\noptions:\n", about, program);
    for (size_t k = 0; k < n_opts; k++) {
        char left[64], range[64];
        snprintf(left, sizeof left, "%s %s", opts[k].name, opts[k].arg);
        range_text(&opts[k], range, sizeof range);
        printf("  %-22s %s%s\n", left, opts[k].help, range);
    }
    printf("  %-22s %s\n", "--help", "show this help and exit");
    printf("\nenvironment: LR_PLOT=auto|window|png|svg|dumb|none, LR_PLOT_DIR=folder (default out)\n");
    printf("exit status: 0 done, 2 a bad option or input file, 3 training diverged\n");
}

/* Prints "chapter-NN: MESSAGE (see ./chapter-NN --help)" and exits 2. */
static void bad_option(const char *fmt, ...) LR_PRINTF(1, 2);
static void bad_option(const char *fmt, ...) {
    fflush(stdout);
    fprintf(stderr, "%s: ", program);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see ./%s --help)\n", program);
    exit(2);
}

/* Parses a number for OPT_REAL or OPT_COUNT and checks its range. */
static double parse_number(const ChapterOption *o, const char *text) {
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(v)) {
        bad_option("%s: expected a %s, got '%s'", o->name, o->kind == OPT_COUNT ? "whole number" : "number", text);
    }
    if (o->kind == OPT_COUNT && v != floor(v)) bad_option("%s: expected a whole number, got '%s'", o->name, text);
    if (v < o->min || v > o->max) {
        if (o->kind == OPT_COUNT) {
            bad_option("%s: %s is out of range, expected %.0f to %.0f", o->name, text, o->min, o->max);
        }
        bad_option("%s: %s is out of range, expected %g to %g", o->name, text, o->min, o->max);
    }
    return v;
}

static void parse_value(ChapterOption *o, const char *text) {
    if (o->kind == OPT_TEXT) {
        if (*text == '\0') bad_option("%s: expected a value (%s), got nothing", o->name, o->arg);
        *(const char **)o->value = text;
    } else if (o->kind == OPT_COUNT) {
        *(size_t *)o->value = (size_t)parse_number(o, text);
    } else {
        *(double *)o->value = parse_number(o, text);
    }
}

static ChapterOption *find_option(ChapterOption *opts, size_t n_opts, const char *name, size_t len) {
    for (size_t k = 0; k < n_opts; k++) {
        if (strlen(opts[k].name) == len && strncmp(opts[k].name, name, len) == 0) return &opts[k];
    }
    return NULL;
}

/* Says what is wrong with an argument that is not an option, and exits 2. */
static void unknown_option(const ChapterOption *opts, size_t n_opts, const char *arg, size_t len) {
    if (strncmp(arg, "--", 2) != 0) {
        size_t n = strlen(arg);
        if (n > 4 && strcmp(arg + n - 4, ".csv") == 0) {
            bad_option("unexpected argument '%s'; to train on a file, write --data %s", arg, arg);
        }
        bad_option("unexpected argument '%s'; options start with --", arg);
    }
    for (size_t k = 0; k < n_opts; k++) {   // a misspelt option: one is the start of the other
        size_t known = strlen(opts[k].name);
        if (len > 2 && strncmp(opts[k].name, arg, len < known ? len : known) == 0) {
            bad_option("unknown option '%.*s'; did you mean %s?", (int)len, arg, opts[k].name);
        }
    }
    bad_option("unknown option '%.*s'", (int)len, arg);
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
        if (o == NULL) unknown_option(opts, n_opts, arg, len);
        const char *value = eq != NULL ? eq + 1 : (a + 1 < argc ? argv[++a] : NULL);
        if (value == NULL) bad_option("%s: needs a value (%s)", o->name, o->arg);
        parse_value(o, value);
        o->given = 1;
    }
}

/* ---- data, reference, plots --------------------------------------------- */

void chapter_fail(const char *message) {
    fflush(stdout);
    fprintf(stderr, "%s: %s\n", program, message);
    exit(2);
}

void chapter_load(Dataset *ds, const char *path, int n_classes) {
    LrError err;
    if (dataset_read_csv(ds, path, &err) != 0 || dataset_check_labels(ds, n_classes, path, &err) != 0) {
        fflush(stdout);
        fprintf(stderr, "%s: %s\n", program, err.msg);
        dataset_free(ds);
        exit(2);
    }
    if (dataset_check_scale(ds, path, &err) != 0) {
        fprintf(stderr, "%s: warning: %s\n", program, err.msg);
        warned_scale = 1;
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
        fprintf(stderr, "%s: %s, so no plots this time; the numbers still print.%s\n", program, pl->problem,
                pl->gnuplot_missing ? " Install it with: sudo apt-get install gnuplot" : "");
    }
    if (pl->notice[0] != '\0') fprintf(stderr, "%s: %s\n", program, pl->notice);
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

void chapter_check_fit(LogRegFit fit, double lr) {
    if (fit.status == LOGREG_OK) return;
    fflush(stdout);
    char what[200];
    if (fit.status == LOGREG_NOT_FINITE) {
        snprintf(what, sizeof what, "after %zu epochs the loss is %g and the weights overflowed",
                 fit.epochs, fit.last_loss);
    } else {
        snprintf(what, sizeof what, "the loss rose from %.4g to %.4g and stayed above its start for %d epochs "
                 "in a row, so training stopped after %zu epochs",
                 fit.start_loss, fit.last_loss, LOGREG_DIVERGE_EPOCHS, fit.epochs);
    }
    if (warned_scale) {   // the likely cause was named in the warning above
        fprintf(stderr, "%s: training diverged: %s. Standardise the large feature named above "
                        "(or try a much smaller --lr than %g)\n", program, what, lr);
    } else {
        fprintf(stderr, "%s: training diverged: %s. The learning rate %g is too large for this data: "
                        "try a smaller --lr, e.g. %g (divide by 10 until the loss falls)\n",
                program, what, lr, lr / 10);
    }
    exit(3);
}

void chapter_compare(const char *label, double ours, double ref) {
    if (isnan(ref)) {
        printf("%-14s %20.12f\n", label, ours);
    } else {
        printf("%-14s %20.12f %20.12f %10.1e\n", label, ours, ref, fabs(ours - ref));
    }
}

double chapter_reference(int lesson, const Reference *ref, const char *key, size_t index) {
    return lesson ? ref_value(ref, key, index) : NAN;
}
