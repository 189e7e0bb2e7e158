/* Chapter 11: making the epoch fast.
 *
 * Times one epoch of gradient descent (the loss and its gradient over all
 * the data) written six ways, in one run and on the same data: two passes
 * over X as chapter 3 teaches it, one fused pass (the library's), four rows
 * at a time, vector exp and log on blocks of rows (SLEEF, when installed and
 * the processor has AVX2 or AVX-512), two threads (OpenMP), and all of these
 * together, with vector sums (the compiler's, for AVX-512 or AVX2). Measures how
 * fast this machine reads memory, and so the least time an epoch can take,
 * checks that the fast epochs give the same numbers, and plots time per
 * epoch against n on log-log axes. Once exercise 11 is written, your
 * fused_epoch is timed beside them as "yours", and checked against the
 * two-pass epoch to the last bit.
 *
 *     make chapter-11 && ./chapter-11 [--max-n N] [--rounds R]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "activation.h"
#include "chapter.h"
#include "epoch.h"
#include "exercises.h"
#include "logreg.h"
#include "rng.h"
#include "simd.h"
#include "yours.h"

#define N_SIZES 4
#define N_DIMS 2
#define N_VARIANTS (EPOCH_VARIANTS + 1)   // the library's, then yours (exercise 11)
#define YOURS EPOCH_VARIANTS
static const size_t SIZES[N_SIZES] = {300, 10000, 100000, 1000000};
static const size_t DIMS[N_DIMS] = {2, 20};

typedef struct {
    size_t max_n;    // --max-n: the largest n timed
    size_t rounds;   // --rounds: interleaved rounds; each time is their median
} Options;

static Options parse_options(int argc, char **argv) {
    Options o = {.max_n = 1000000, .rounds = 5};
    ChapterOption opts[] = {
        {"--max-n", "N", "the largest number of rows timed, of 300, 1e4, 1e5, 1e6 (default 1e6)", OPT_COUNT,
         &o.max_n, 300, 1e6, 0},
        {"--rounds", "R", "rounds of timing; each time is their median (default 5)", OPT_COUNT, &o.rounds, 1, 63, 0},
    };
    chapter_parse(argc, argv, "Chapter 11: one epoch of gradient descent, made fast, timed six ways.", opts, 2);
    return o;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The lesson's kind of data at any size: x_ij ~ N(0, 1), and y_i drawn as
 * 1 with probability sigma(x_i . w_true) for a fixed w_true. */
static void make_data(size_t n, size_t d, Matrix *X, double **y) {
    Rng rng;
    rng_seed(&rng, 42);
    *X = mat_new(n, d);
    *y = vec_new(n);
    for (size_t i = 0; i < n; i++) {
        double z = 0.0;
        for (size_t j = 0; j < d; j++) {
            double x = rng_normal_std(&rng);
            *mat_at(X, i, j) = x;
            z += x * (j % 2 ? -1.0 : 1.0) / sqrt((double)d);
        }
        (*y)[i] = rng_uniform(&rng) < act_sigmoid(2.0 * z);
    }
}

/* The read floor: seconds per byte to read an array of len doubles, as
 * large as the largest X, once, on one core, with four sums side by side (so
 * the additions keep up with memory). No epoch can be faster than reading X. */
static double read_seconds_per_byte(size_t len, size_t rounds) {
    double *a = lr_malloc(len * sizeof *a), best = INFINITY, sink = 0.0;
    for (size_t k = 0; k < len; k++) a[k] = (double)(k % 7);
    for (size_t r = 0; r < rounds; r++) {
        double t0 = now(), s[4] = {0.0, 0.0, 0.0, 0.0};
        for (size_t k = 0; k + 4 <= len; k += 4) {   // s_q = sum of every fourth number
            for (int q = 0; q < 4; q++) s[q] += a[k + q];
        }
        double t = now() - t0;
        sink += s[0] + s[1] + s[2] + s[3];
        if (t < best) best = t;
    }
    free(a);
    if (sink < 0) printf(" ");   // uses the sums, so the reads cannot be skipped
    return best / (8.0 * (double)len);
}

/* Shown in the tables: run, or skipped with a reason (yours, when not run, is
 * not shown at all). */
static int shown(const EpochVariant *v) { return v->fn != NULL || v->why != NULL; }

// [snippet yours]
/* Your fused_epoch (exercise 11) as one of the epochs. */
static double yours_epoch(const LogReg *m, const Matrix *X, const double *y, double *dw, double *db) {
    return fused_epoch(X->data, y, X->rows, X->cols, m->w, m->b, dw, db);
}
// [end yours]

/* The last epoch: yours, once exercise 11 is written (one call on two rows
 * says whether fused_epoch still calls TODO()); otherwise not shown. */
static void add_yours(EpochVariant *v) {
    v[YOURS] = (EpochVariant){"yours", NULL, NULL, 0.0};
    if (!yours_begin()) return;
    double X[4] = {1.0, -1.0, 0.5, 2.0}, y[2] = {1.0, 0.0}, w[2] = {0.1, -0.2}, dw[2], db;
    fused_epoch(X, y, 2, 2, w, 0.0, dw, &db);
    if (yours_end(11, "times the library's epochs only")) v[YOURS].fn = yours_epoch;
}

/* Counts your epoch's loss and gradient in t against the two-pass epoch's,
 * to the last bit. */
static void tally_yours(YoursTally *t, const LogReg *m, const Matrix *X, const double *y) {
    size_t d = X->cols;
    double *dw = vec_new(d), *dw2 = vec_new(d), db, db2;
    double loss = yours_epoch(m, X, y, dw, &db), loss2 = epoch_two_pass(m, X, y, dw2, &db2);
    char label[80];
    snprintf(label, sizeof label, "the loss (d = %zu)", d);
    yours_count_exact(t, label, loss, loss2);
    for (size_t j = 0; j < d; j++) {
        snprintf(label, sizeof label, "dw[%zu] (d = %zu)", j, d);
        yours_count_exact(t, label, dw[j], dw2[j]);
    }
    snprintf(label, sizeof label, "db (d = %zu)", d);
    yours_count_exact(t, label, db, db2);
    free(dw2);
    free(dw);
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Seconds per epoch of each variant on (X, y) into secs (NAN for a missing
 * one): in each round every variant runs in turn, enough epochs to take a
 * measurable time, so a busy moment of the machine slows all of them alike;
 * each time is the median of the rounds. */
static void time_epochs(const EpochVariant *v, const LogReg *m, const Matrix *X, const double *y, size_t rounds,
                        double *secs) {
    size_t reps = 1 + 200000 / (X->rows * X->cols);   // about 0.2 M row-features a timing
    double t[N_VARIANTS][64], db, *dw = vec_new(X->cols);
    for (size_t r = 0; r < rounds; r++) {
        for (int k = 0; k < N_VARIANTS; k++) {   // every variant in turn, in each round
            if (v[k].fn == NULL) continue;
            double t0 = now();
            for (size_t e = 0; e < reps; e++) v[k].fn(m, X, y, dw, &db);
            t[k][r] = (now() - t0) / (double)reps;
        }
    }
    for (int k = 0; k < N_VARIANTS; k++) {
        if (v[k].fn != NULL) qsort(t[k], rounds, sizeof t[k][0], by_value);
        secs[k] = v[k].fn != NULL ? t[k][rounds / 2] : NAN;
    }
    free(dw);
}

/* Checks that the fast epochs give the two-pass epoch's numbers: the
 * one-row-at-a-time ones (and yours) to the bit, the vector and threaded
 * ones within a bound (see the notes). t counts yours (NULL: not run). */
static void check_all(const EpochVariant *v, const LogReg *m, const Matrix *X, const double *y, YoursTally *t) {
    for (int r = 1; r < N_VARIANTS; r++) {
        if (v[r].fn == NULL) continue;
        double diff = epoch_difference(v[r].fn, epoch_two_pass, m, X, y);
        if (v[r].bound == 0.0) {
            printf("check %-9s %s\n", v[r].name, diff == 0.0 ? "identical to two-pass, bit for bit" : "DIFFERS from two-pass: a bug");
        } else {
            printf("check %-9s %.2g relative to two-pass, %s %g\n", v[r].name, diff,
                   diff <= v[r].bound ? "within" : "OUTSIDE the bound", v[r].bound);
        }
    }
    if (t != NULL) tally_yours(t, m, X, y);
    printf("\n");
}

/* A time in microseconds, in a column 10 wide (to 10 s an epoch). */
static void print_us(double seconds) { printf(" %8.1f", 1e6 * seconds); }

/* Times every variant at every n <= max_n for d features; secs[k][v] is
 * variant v at SIZES[k] (NAN when missing). Prints a table, with the floor;
 * t counts your epoch's numbers (NULL: not run). */
static size_t time_all(const Options *o, const EpochVariant *v, size_t d, double spb, double secs[][N_VARIANTS],
                       YoursTally *t) {
    Matrix X;
    double *y;
    size_t n_sizes = 0;
    while (n_sizes < N_SIZES && SIZES[n_sizes] <= o->max_n) n_sizes++;
    make_data(SIZES[n_sizes - 1], d, &X, &y);
    LogReg m;
    logreg_init(&m, d);
    for (size_t j = 0; j < d; j++) m.w[j] = 0.3 * (j % 2 ? -1.0 : 1.0);   // a model part of the way there
    m.b = 0.1;
    printf("d = %zu: time per epoch in microseconds (median of %zu rounds)\n%7s", d, o->rounds, "n");
    for (int k = 0; k < N_VARIANTS; k++) {
        if (shown(&v[k])) printf(" %8s", v[k].name);
    }
    printf(" %8s\n", "floor");   // the read floor
    for (size_t k = 0; k < n_sizes; k++) {
        Matrix V = {SIZES[k], d, X.data};   // the first n rows
        time_epochs(v, &m, &V, y, o->rounds, secs[k]);
        printf("%7zu", SIZES[k]);
        for (int r = 0; r < N_VARIANTS; r++) {
            if (v[r].fn != NULL) print_us(secs[k][r]);
            else if (shown(&v[r])) printf(" %8s", "-");
        }
        print_us(spb * 8.0 * (double)(SIZES[k] * d));
        printf("\n");
    }
    check_all(v, &m, &X, y, t);
    logreg_free(&m);
    mat_free(&X);
    free(y);
    return n_sizes;
}

/* Time per epoch against n, log-log, each variant a line, the floor dashed. */
static void plot_times(const Plotter *pl, const EpochVariant *v, size_t d, size_t n_sizes,
                       double secs[][N_VARIANTS], double spb) {
    Plot p;
    char name[64];
    snprintf(name, sizeof name, "chapter-11-time-d%zu", d);
    plot_begin(&p, name);
    plot_data_begin(&p, "t");
    for (size_t k = 0; k < n_sizes; k++) {
        double row[N_VARIANTS + 2] = {(double)SIZES[k], 1e6 * spb * 8.0 * (double)(SIZES[k] * d)};
        for (int r = 0; r < N_VARIANTS; r++) row[r + 2] = 1e6 * secs[k][r];
        plot_data_row(&p, N_VARIANTS + 2, row);
    }
    plot_data_end(&p);
    plot_title(&p, "One epoch, d = %zu: time against n, and the least time reading X allows", d);
    plot_cmd(&p, "set logscale xy");
    plot_cmd(&p, "set xrange [150:2e6]");
    plot_cmd(&p, "set xlabel 'n (rows)'");
    plot_cmd(&p, "set ylabel 'microseconds per epoch'");
    size_t entries = 1;   // the read floor, and each variant that ran
    for (int r = 0; r < N_VARIANTS; r++) entries += v[r].fn != NULL;
    plot_key_below(&p, entries);   // inside, the key covers the small-n points
    plot_cmd(&p, "set datafile missing NaN");
    char cmd[1024];
    int len = snprintf(cmd, sizeof cmd, "plot $t using 1:2 with lines dt 2 lw 2 lc 'black' title 'read floor'");
    for (int r = 0; r < N_VARIANTS; r++) {
        if (v[r].fn == NULL) continue;
        len += snprintf(cmd + len, sizeof cmd - (size_t)len, ", $t using 1:%d with linespoints lt %d title '%s'", r + 3,
                        r + 1, v[r].name);
    }
    plot_cmd(&p, "%s", cmd);
    chapter_show(pl, &p);
}

/* At the largest n: each variant's speed-up over two-pass, and how close it
 * comes to the read floor (the floor's time over its time: 1 is the best). */
static void print_summary(const EpochVariant *v, size_t d, size_t n, const double *secs, double spb) {
    double floor = spb * 8.0 * (double)(n * d);
    printf("d = %zu, n = %zu:\n", d, n);
    for (int r = 0; r < N_VARIANTS; r++) {
        if (!shown(&v[r])) continue;
        if (v[r].fn == NULL) {
            printf("  %-9s  skipped: %s\n", v[r].name, v[r].why);
            continue;
        }
        printf("  %-9s  %6.2fx the speed of two-pass, %5.1f%% of the read floor's speed\n", v[r].name,
               secs[0] / secs[r], 100.0 * floor / secs[r]);
    }
}

int main(int argc, char **argv) {
    Options o = parse_options(argc, argv);
    Plotter pl;
    chapter_plotter(&pl);
    EpochVariant v[N_VARIANTS];
    epoch_variants(v);
    printf("Chapter 11: one epoch of gradient descent (the loss and its gradient), six ways\n");
    add_yours(v);
    YoursTally t;
    yours_tally_init(&t, 11, "lib/");
    YoursTally *mine = v[YOURS].fn != NULL ? &t : NULL;
    printf("vector exp and log: %s\n", simd_level() != NULL ? simd_level() : simd_missing());
    double spb = read_seconds_per_byte(DIMS[N_DIMS - 1] * (o.max_n < 100000 ? 100000 : o.max_n), o.rounds);
    printf("reading memory, one core: %.3f ns per byte; the read floor is the time\n"
           "to read X once at that speed\n\n",
           1e9 * spb);
    double secs[N_DIMS][N_SIZES][N_VARIANTS];
    size_t n_sizes = 0;
    for (int k = 0; k < N_DIMS; k++) n_sizes = time_all(&o, v, DIMS[k], spb, secs[k], mine);
    for (int k = 0; k < N_DIMS; k++) print_summary(v, DIMS[k], SIZES[n_sizes - 1], secs[k][n_sizes - 1], spb);
    printf("\n(Times vary from run to run, and more on a busy machine; the ratios, measured\n"
           "in the same run, less.)\n\n");
    int status = mine != NULL ? yours_verdict(mine, "fused_epoch's loss and gradient are the two-pass epoch's, "
                                                    "bit for bit, for d = 2 and d = 20")
                              : 0;
    if (mine != NULL) printf("\n");
    for (int k = 0; k < N_DIMS; k++) plot_times(&pl, v, DIMS[k], n_sizes, secs[k], spb);
    return status;
}
