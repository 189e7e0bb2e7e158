#include "chapter.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diagnose.h"
#include "yours.h"

static const char *program = "chapter";
static int warned_scale = 0;                    // 1 once chapter_load has warned about a large feature
static int no_safe_lr = 0;                      // 1 when that warning said no learning rate is safe
static const ChapterOption *lr_option = NULL;   // the program's --lr, if it has one
static int failing = 0;                         // the exit status a reported failure chose, or 0
static double safe_lr = NAN;                    // the largest learning rate the training data allow (2 / L), or NAN
static double chosen_lr = CHAPTER_DEFAULT_LR;   // --lr as given
static double penalty_lr = INFINITY;            // the largest learning rate the L2 penalty alone allows (2n / lambda)
static double penalty_lambda = 0.0;             // that penalty's lambda
static int offer_standardize = 0;               // 1 when the chapter takes --standardize and it was not given

/* ---- stdout and stderr ----------------------------------------------------- */

/* At exit: every result must have reached stdout. A full disk (> /dev/full)
 * gets one line and exit status 1 (unless a failure was already reported:
 * its status stands). A pipe whose reader has gone (./chapter-03 | head -1)
 * was read as far as wanted: the chapter ends quietly, as other tools do. */
static void check_stdout(void) {
    // (errno tells why only when this flush failed: an earlier failed write
    // left its error flag, and errno has been set by other calls since)
    int flushed = fflush(stdout) == 0, error = flushed ? 0 : errno;
    int failed = !flushed || ferror(stdout);
    struct pollfd out = {.fd = STDOUT_FILENO, .events = POLLOUT};   // a pipe with no reader polls POLLERR
    int reader_gone = failed && poll(&out, 1, 0) == 1 && (out.revents & POLLERR);
    if (fclose(stdout) != 0 && !failed) failed = 1, error = errno;
    if (!failed) return;
    if (error == EPIPE || reader_gone) _exit(failing);
    fprintf(stderr, "%s: cannot write the results to stdout: %s\n", program,
            error != 0 ? strerror(error) : "a write failed");
    _exit(failing != 0 ? failing : 1);
}

/* A program started with stdout closed (./chapter-03 >&-) would write its
 * results into the first file it opens, which takes descriptor 1; say so and
 * stop. A closed stderr is pointed at /dev/null for the same reason. */
static void check_standard_streams(void) {
    if (fcntl(STDERR_FILENO, F_GETFD) == -1) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd != -1 && fd != STDERR_FILENO) close(fd);
    }
    if (fcntl(STDOUT_FILENO, F_GETFD) == -1) {
        fprintf(stderr, "%s: stdout is closed: there is nowhere to print the results\n", program);
        exit(1);
    }
    atexit(check_stdout);
}

/* ---- progress of a long run ------------------------------------------------ */

static double run_start = 0, run_shown = 0;   // when the current run began, and was last shown (0: not yet)

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* lib/train's progress function, set when stderr is a terminal: nothing for
 * a run shorter than CHAPTER_PROGRESS_AFTER seconds; after that, at most
 * once a second, one line rewritten in place with the epoch, the time so
 * far and the time to go (elapsed (total - done) / done), ended by a line
 * saying how long the run took. */
static void show_progress(size_t done, size_t total) {
    double t = now_seconds();
    if (done == 0 && total > 0) {   // a run begins
        run_start = t;
        run_shown = 0;
    } else if (done >= total) {   // it ended
        if (run_shown > 0) fprintf(stderr, "\r%s: %zu epochs in %.0f s%30s\n", program, total, t - run_start, "");
        run_shown = 0;
    } else if (t - run_start >= CHAPTER_PROGRESS_AFTER && t - run_shown >= 1.0) {
        run_shown = t;
        double elapsed = t - run_start;
        fprintf(stderr, "\r%s: epoch %zu of %zu (%.0f%%), %.0f s so far, about %.0f s to go (Ctrl-C stops) ", program,
                done, total, 100.0 * (double)done / (double)total, elapsed,
                elapsed * (double)(total - done) / (double)done);
    }
}

/* ---- options ------------------------------------------------------------ */

/* "[1e-12 to 1e+06]" for a number option, "" for text. */
static void range_text(const ChapterOption *o, char *buf, size_t size) {
    if (o->kind == OPT_COUNT) snprintf(buf, size, "; %.0f to %.0f", o->min, o->max);
    else if (o->kind == OPT_REAL) snprintf(buf, size, "; %g to %g", o->min, o->max);
    else buf[0] = '\0';
}

static void print_wrapped(const char *line, size_t len, int newline, size_t hang, size_t whole);

/* Where an option's help starts in --help, and where its continued lines do. */
#define USAGE_HELP_COLUMN 25

/* One option of --help: "  NAME ARG   help; MIN to MAX", wrapped to
 * CHAPTER_COLUMNS with its continued lines under the help's first word, and
 * "MIN to MAX" never broken (tests/bad-input/run.sh reads it there). */
static void usage_option(const char *left, const char *help, const char *range) {
    char line[512];
    snprintf(line, sizeof line, "  %-*s %s%s", USAGE_HELP_COLUMN - 3, left, help, range);
    print_wrapped(line, strlen(line), 1, USAGE_HELP_COLUMN, range[0] != '\0' ? strlen(range) - 2 : 0);
}

static void usage(const char *about, const ChapterOption *opts, size_t n_opts) {
    printf("%s\n\nusage: ./%s [options]\n\noptions:\n", about, program);
    for (size_t k = 0; k < n_opts; k++) {
        char left[64], range[64];
        snprintf(left, sizeof left, "%s%s%s", opts[k].name, opts[k].kind == OPT_FLAG ? "" : " ", opts[k].arg);
        range_text(&opts[k], range, sizeof range);
        usage_option(left, opts[k].help, range);
    }
    usage_option("--lib", "run the library's functions only, not yours from exercises/", "");
    usage_option("--help", "show this help and exit", "");
    printf("\nenvironment: LR_PLOT=auto|window|png|svg|dumb|none\n"
           "             LR_PLOT_DIR=folder (default out)\n");
    printf("exit status: 0 done, 2 a bad option or input file, 3 training diverged,\n"
           "             4 your exercise's numbers differ from the reference\n"
           "             (the line above says where)\n");
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
    failing = CHAPTER_BAD_INPUT;
    exit(CHAPTER_BAD_INPUT);
}

/* Parses a number for OPT_REAL or OPT_COUNT and checks its range. */
static double parse_number(const ChapterOption *o, const char *text) {
    char *end, shown[LR_SHOWN_SIZE];
    lr_shown(text, shown, sizeof shown);
    errno = 0;
    double v = strtod(text, &end);
    // decimal only, as in a CSV file: strtod would also take 0x1A
    int syntax = end != text && *end == '\0' && strpbrk(text, "xX") == NULL;
    // 1e999 reads as HUGE_VAL with ERANGE: a number, out of range (said below); "inf" is no number
    if (!syntax || (errno != ERANGE && !isfinite(v))) {
        bad_option("%s: expected a %s, got '%s'", o->name, o->kind == OPT_COUNT ? "whole number" : "number", shown);
    }
    if (o->kind == OPT_COUNT && v != floor(v)) bad_option("%s: expected a whole number, got '%s'", o->name, shown);
    if (v < o->min || v > o->max) {
        if (o->kind == OPT_COUNT) {
            bad_option("%s: %s is out of range, expected %.0f to %.0f", o->name, shown, o->min, o->max);
        }
        bad_option("%s: %s is out of range, expected %g to %g", o->name, shown, o->min, o->max);
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
    char shown[LR_SHOWN_SIZE], *name = lr_strdup(arg);
    name[len] = '\0';   // the option's name, without "=value"
    lr_shown(strncmp(arg, "--", 2) != 0 ? arg : name, shown, sizeof shown);
    free(name);
    if (strncmp(arg, "--", 2) != 0) {
        size_t n = strlen(arg);
        if (n > 4 && strcmp(arg + n - 4, ".csv") == 0) {
            bad_option("unexpected argument '%s'; to train on a file, write --data %s", shown, shown);
        }
        bad_option("unexpected argument '%s'; options start with --", shown);
    }
    for (size_t k = 0; k < n_opts; k++) {   // a misspelt option: one is the start of the other
        size_t known = strlen(opts[k].name);
        if (len > 2 && strncmp(opts[k].name, arg, len < known ? len : known) == 0) {
            bad_option("unknown option '%s'; did you mean %s?", shown, opts[k].name);
        }
    }
    bad_option("unknown option '%s'", shown);
}

void chapter_parse(int argc, char **argv, const char *about, ChapterOption *opts, size_t n_opts) {
    const char *slash = strrchr(argv[0], '/');
    program = slash != NULL ? slash + 1 : argv[0];
    lr_option = find_option(opts, n_opts, "--lr", 4);
    check_standard_streams();
    if (isatty(STDERR_FILENO)) train_set_progress(show_progress);
    int lib_only = 0;
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(about, opts, n_opts);
            exit(0);
        }
        if (strcmp(arg, "--lib") == 0) {
            yours_set_lib_only(lib_only = 1);
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
        ChapterOption *o = find_option(opts, n_opts, arg, len);
        if (o == NULL) unknown_option(opts, n_opts, arg, len);
        if (o->kind == OPT_FLAG) {
            if (eq != NULL) bad_option("%s takes no value", o->name);
            *(int *)o->value = o->given = 1;
            continue;
        }
        const char *value = eq != NULL ? eq + 1 : (a + 1 < argc ? argv[++a] : NULL);
        if (value == NULL) bad_option("%s: needs a value (%s)", o->name, o->arg);
        parse_value(o, value);
        o->given = 1;
    }
    if (lr_option != NULL) chosen_lr = *(const double *)lr_option->value;
    const ChapterOption *standardize = find_option(opts, n_opts, "--standardize", strlen("--standardize"));
    offer_standardize = standardize != NULL && !standardize->given;
    if (!lib_only) yours_watch_crashes(program);
}

/* ---- data, reference, plots --------------------------------------------- */

static void say(const char *fmt, va_list ap) {
    fflush(stdout);
    fprintf(stderr, "%s: ", program);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int chapter_error(int status, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    failing = status;
    return status;
}

void chapter_fail(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    failing = CHAPTER_BAD_INPUT;
    exit(CHAPTER_BAD_INPUT);
}

void chapter_say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
}

/* ---- text that fits the terminal -------------------------------------------- */

/* May a line break at line[k]? At a space ending a word, not beside '='. */
static int breakable(const char *line, size_t k, size_t len) {
    return line[k] == ' ' && k > 0 && line[k - 1] != ' ' && line[k - 1] != '=' && k + 1 < len && line[k + 1] != '=';
}

/* Prints line[0 .. len) and a newline (when newline is 1), wrapped to
 * CHAPTER_COLUMNS: each piece after the first starts after hang spaces. Its
 * last whole characters are never broken apart. */
static void print_wrapped(const char *line, size_t len, int newline, size_t hang, size_t whole) {
    size_t indent = strspn(line, " "), start = 0, pad = 0;   // pad: spaces before the piece at start
    // Break at the last space where pad + (k - start) <= CHAPTER_COLUMNS, else the first one after it.
    while (pad + (len - start) > CHAPTER_COLUMNS) {
        size_t cut = 0;
        for (size_t k = start + 1; k < len && (pad + (k - start) <= CHAPTER_COLUMNS || cut == 0); k++) {
            if (k > indent && k + whole < len && breakable(line, k, len)) cut = k;
        }
        if (cut == 0) break;   // one word to the end: print it whole
        printf("%*s%.*s\n", (int)pad, "", (int)(cut - start), line + start);
        for (start = cut; start < len && line[start] == ' ';) start++;
        pad = hang;
    }
    printf("%*s%.*s%s", (int)pad, "", (int)(len - start), line + start, newline ? "\n" : "");
}

void chapter_print(const char *fmt, ...) {
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int size = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = lr_malloc((size_t)(size > 0 ? size : 0) + 1);
    vsnprintf(text, (size_t)(size > 0 ? size : 0) + 1, fmt, again);
    va_end(again);
    for (const char *line = text; *line != '\0';) {
        const char *end = strchr(line, '\n');
        size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
        print_wrapped(line, len, end != NULL, strspn(line, " ") + 2, 0);   // continued 2 further in
        line += len + (end != NULL);
    }
    free(text);
}

void chapter_load(Dataset *ds, const char *path, int n_classes) {
    LrError err;
    if (dataset_read_csv(ds, path, &err) != 0 || dataset_check_labels(ds, n_classes, path, &err) != 0) {
        dataset_free(ds);
        chapter_fail("%s", err.msg);
    }
}

/* The warning's "(it allows --lr up to R)" offers a rate: left out when the
 * chapter has no --lr (chapter 10) or R is below the smallest --lr accepts
 * (values near 1e150), so that only --standardize is offered. */
static void drop_unusable_rate(char *msg) {
    static const char offer[] = "allows --lr up to ";
    char *up = strstr(msg, offer);
    if (up == NULL) return;
    double rate = strtod(up + strlen(offer), NULL);
    if (lr_option != NULL && rate >= lr_option->min) return;
    char *open = up, *close = strchr(up, ')');
    while (open > msg && *open != '(') open--;
    if (*open != '(' || close == NULL) return;
    if (open > msg && open[-1] == ' ') open--;
    memmove(open, close + 1, strlen(close + 1) + 1);
}

void chapter_check_scale(const Dataset *ds, const char *path) {
    LrError err;
    if (dataset_check_scale(ds, path, chosen_lr, &err) != 0) {
        drop_unusable_rate(err.msg);
        // a chapter without --lr (chapter 10) trains at its own rate: no option to name
        char *at = lr_option == NULL ? strstr(err.msg, "at --lr ") : NULL;
        if (at != NULL) memmove(at + 3, at + 5, strlen(at + 5) + 1);   // "at --lr 0.1" -> "at lr 0.1"
        chapter_say("warning: %s%s", err.msg, offer_standardize ? " (--standardize)" : "");
        warned_scale = 1;
        no_safe_lr = strstr(err.msg, "no learning rate is safe") != NULL;
    }
    char which[512], shown[LR_SHOWN_SIZE];
    if (diag_tiny(&ds->X, ds->names, which, sizeof which) > 0) {   // too small, the other way round
        chapter_say("warning: %s: %s, so training barely moves their weights; rescale them to sizes near 1%s",
                    lr_shown(path, shown, sizeof shown), which, offer_standardize ? " (--standardize)" : "");
        warned_scale = 1;
    }
}

const char *chapter_s(size_t n) {
    return n == 1 ? "" : "s";
}

/* The path of data/reference/NAME. */
static const char *reference_path(const char *name, char *path, size_t size) {
    char file[256];
    snprintf(file, sizeof file, "reference/%s", name);
    return lr_data_path(file, path, size);
}

void chapter_load_reference(Reference *ref, const char *name) {
    char path[4096];
    LrError err;
    if (ref_load(ref, reference_path(name, path, sizeof path), &err) != 0) chapter_fail("%s", err.msg);
}

void chapter_load_table(Matrix *M, const char *name) {
    char path[4096];
    LrError err;
    if (dataset_read_table(M, reference_path(name, path, sizeof path), &err) != 0) chapter_fail("%s", err.msg);
}

void chapter_plotter(Plotter *pl) {
    LrError err;
    if (plot_init(pl, &err) != 0) chapter_fail("%s", err.msg);
    if (pl->output != PLOT_NONE && !pl->have_gnuplot) {
        chapter_say("%s, so no plots this time; the numbers still print.%s", pl->problem,
                    pl->gnuplot_missing ? " Install it with: sudo apt-get install gnuplot" : "");
    }
    if (pl->notice[0] != '\0') chapter_say("%s", pl->notice);
}

void chapter_show(const Plotter *pl, Plot *p) {
    LrError err;
    if (plot_show(pl, p, &err) != 0) {
        chapter_say("%s", err.msg);
    } else if (p->saved[0] != '\0') {
        printf("plot: %s\n", p->saved);
    }
}

void chapter_note_safe_lr(double lr_max) {
    safe_lr = lr_max;
}

void chapter_note_penalty(double lambda, size_t n) {
    penalty_lambda = lambda;
    // the penalty (lambda / 2n) ||w||^2 curves the loss by lambda / n along every weight: eta < 2n / lambda
    penalty_lr = lambda > 0.0 ? 2.0 * (double)n / lambda : INFINITY;
}

/* x rounded down to two significant digits (4.86e-06 -> 4.8e-06), so that
 * the rate a message offers is below the bound, not rounded up past it. */
static double two_digits_down(double x) {
    double unit = pow(10.0, floor(log10(x)) - 1);
    return floor(x / unit * (1 + 1e-12)) * unit;
}

/* What to try after training failed at learning rate lr: the one place
 * the advice comes from. A smaller --lr is never below the option's minimum,
 * and is not offered by a chapter without --lr; when the largest safe rate
 * of the data is known (chapter_note_safe_lr), that is the one offered. */
static void advice(double lr, char *buf, size_t size) {
    int smaller_lr = lr_option != NULL && lr > lr_option->min;   // there is room below lr
    char or_scale[64] = "";
    if (offer_standardize) snprintf(or_scale, sizeof or_scale, "; or --standardize");
    else if (warned_scale) snprintf(or_scale, sizeof or_scale, "; or standardise the features");
    if (smaller_lr && isfinite(safe_lr) && lr > safe_lr && lr > penalty_lr && safe_lr >= lr_option->min) {
        // no scaling of the features lowers the penalty's curvature lambda / n
        snprintf(buf, size, "The penalty is the cause: at lambda = %g this data allows --lr up to %.2g, and the "
                            "penalty alone no more than %.2g, so --standardize cannot help; use a smaller --lr or --lambda",
                 penalty_lambda, two_digits_down(safe_lr), two_digits_down(penalty_lr));
    } else if (smaller_lr && isfinite(safe_lr) && lr > safe_lr && safe_lr >= lr_option->min) {
        snprintf(buf, size, "The learning rate %g is too large: this data allows --lr up to %.2g%s", lr,
                 two_digits_down(safe_lr), or_scale);
    } else if (warned_scale) {   // the likely cause was named in the warning above
        char lower[64] = "";
        if (smaller_lr && !no_safe_lr) snprintf(lower, sizeof lower, " (or try a much smaller --lr than %g)", lr);
        snprintf(buf, size, "Standardise the features named above%s%s", offer_standardize ? " with --standardize" : "",
                 lower);
    } else if (lr_option == NULL) {
        snprintf(buf, size, "The learning rate %g is too large for these features: standardise them, "
                            "(x - mean) / standard deviation%s",
                 lr, offer_standardize ? ", with --standardize" : "");
    } else if (smaller_lr) {
        snprintf(buf, size, "The learning rate %g is too large for this data: try a smaller --lr, e.g. %g "
                            "(divide by 10 until the loss falls)%s",
                 lr, fmax(lr / 10, lr_option->min), or_scale);
    } else {
        snprintf(buf, size, "The learning rate %g is the smallest --lr allows, so the step is not the cause: "
                            "look for a feature with huge values and standardise it%s",
                 lr, offer_standardize ? " with --standardize" : "");
    }
}

int chapter_fit_status(TrainResult fit, double lr, const char *where) {
    if (fit.status == TRAIN_OK) return CHAPTER_DONE;
    char what[200], todo[256];
    if (fit.status == TRAIN_NOT_FINITE) {
        snprintf(what, sizeof what, "after %zu epoch%s the weights overflowed past the largest double", fit.epochs,
                 fit.epochs == 1 ? "" : "s");
    } else {
        snprintf(what, sizeof what, "after %zu epoch%s the loss is %.4g, above its start %.4g (it rose as high as %.4g)",
                 fit.epochs, fit.epochs == 1 ? "" : "s", fit.last_loss, fit.start_loss, fit.peak_loss);
    }
    advice(lr, todo, sizeof todo);
    return chapter_error(CHAPTER_TRAINING_FAILED, "training diverged%s%s: %s. %s", where != NULL ? " " : "",
                         where != NULL ? where : "", what, todo);
}

void chapter_compare_head(const char *what, const char *reference) {
    if (reference == NULL) printf("%-14s %20s\n", what, "ours");
    else printf("%-14s %20s %20s %10s\n", what, "ours", reference, "|diff|");
}

void chapter_compare(const char *label, double ours, double ref) {
    if (isnan(ref)) {
        printf("%-14s %20.12f\n", label, ours);
    } else {
        printf("%-14s %20.12f %20.12f %10.1e\n", label, ours, ref, fabs(ours - ref));
    }
}

void chapter_print_confusion(const size_t *counts, size_t k, int lesson, const Reference *ref, const char *key) {
    printf("\nconfusion matrix: row = true class, column = predicted class\n%-8s", "");
    for (size_t c = 0; c < k; c++) printf(" %7s%zu", "pred ", c);
    printf("%s\n", lesson ? "   NumPy reference" : "");
    for (size_t t = 0; t < k; t++) {
        printf("true_%-3zu", t);
        for (size_t c = 0; c < k; c++) printf(" %8zu", counts[t * k + c]);
        if (lesson) {
            printf("   reference");
            for (size_t c = 0; c < k; c++) printf(" %4.0f", ref_value(ref, key, t * k + c));
        }
        printf("\n");
    }
}

double chapter_reference(int lesson, const Reference *ref, const char *key, size_t index) {
    return lesson ? ref_value(ref, key, index) : NAN;
}

int chapter_singular_status(const Dataset *ds, int separated, const LrError *err) {
    char why[512];
    if (diag_tiny(&ds->X, ds->names, why, sizeof why) > 0 || diag_huge(&ds->X, ds->names, why, sizeof why) > 0) {
        return chapter_error(CHAPTER_TRAINING_FAILED,
                             "Newton's method: the Hessian is singular because %s; "
                             "rescale such columns to sizes near 1 (as --standardize does) and run again",
                             why);
    }
    if (diag_collinear(&ds->X, ds->names, why, sizeof why) != 0) {
        return chapter_error(CHAPTER_TRAINING_FAILED,
                             "Newton's method: the Hessian is singular because %s; "
                             "drop such columns (or all but one of a collinear group) and run again",
                             why);
    }
    if (separated) return CHAPTER_DONE;
    return chapter_error(CHAPTER_TRAINING_FAILED, "%s, though no column is constant or collinear", err->msg);
}

void chapter_note_constant(const Dataset *ds) {
    char which[512];
    if (diag_constant(&ds->X, ds->names, which, sizeof which) == 0) return;
    printf("Newton's method: %s;\na constant column adds nothing the bias cannot, so its weight stays 0.\n\n",
           which);
}
