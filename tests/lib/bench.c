/* bench: how fast the library is, beside the lesson's NumPy loop and
 * scikit-learn, measured in the same run (make bench).
 *
 *     bench JSON-FILE        every measurement: "key value" lines, and the same as JSON
 *     bench --fit FILE.csv   read FILE.csv and fit it by Newton's method (timed as a
 *                            whole process against liblinear-train)
 *
 * Each figure is the median of ROUNDS rounds; in each round every contender
 * runs in turn (ours, then NumPy's through scripts/bench.py, a helper process
 * that answers one command a line), so a busy moment of the machine slows
 * them alike. An epoch's round is itself the median of short timed pieces
 * (about a millisecond each, both sides alike): on a shared machine the
 * scheduler takes the core away every few milliseconds, and a piece that
 * lost it counts once, as one slow piece, instead of slowing the whole
 * round. The one-thread epochs and NumPy's helper run on one and the same
 * core, in turn (Linux, two cores or more): the scheduler cannot move ours
 * between rounds, and a core that the machine's host slows at times slows
 * both sides alike (pinned to a core each, one side's figure came out
 * 1.5 times slower in some runs, whichever side had the second core). Python, NumPy,
 * scikit-learn and liblinear-tools are optional: without them their lines
 * are left out. Nothing here passes or fails.
 */
#ifdef __linux__
#define _GNU_SOURCE   // sched_setaffinity
#include <sched.h>
#endif
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dataset.h"
#include "epoch.h"
#include "logreg.h"
#include "rng.h"

#define ROUNDS 5
/* Newton's fit is one timed run a round (tens of milliseconds): more rounds. */
#define NEWTON_ROUNDS 9
/* An epoch's timed piece: about PIECE_WORK multiply-adds of ours (n d per
 * epoch; at least one epoch), and PIECES_MIN to PIECES_MAX pieces a round,
 * about ROUND_WORK multiply-adds in all. */
#define PIECE_WORK 100000
#define ROUND_WORK 2000000
#define PIECES_MIN 3
#define PIECES_MAX 21
#define MAX_KEYS 64

extern char **environ;

static struct {
    char key[MAX_KEYS][64];
    double value[MAX_KEYS];
    int n;
} results;

/* Prints "key value" and keeps it for the JSON copy. */
static void report(const char *key, double value) {
    printf("%-40s %.6g\n", key, value);
    fflush(stdout);
    if (results.n < MAX_KEYS) {
        snprintf(results.key[results.n], sizeof results.key[0], "%s", key);
        results.value[results.n++] = value;
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Seconds of CPU this process has used, all its threads. */
static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int n) {
    qsort(t, (size_t)n, sizeof *t, by_value);
    return t[n / 2];
}

/* ---- the NumPy helper ------------------------------------------------------ */

typedef struct {
    FILE *to, *from;   // its stdin and stdout; NULL when there is no helper
    pid_t pid;
    int sklearn;   // 1 when scikit-learn is there too
} Helper;

/* Starts PYTHON scripts/bench.py; h->to is NULL when that fails or NumPy is
 * missing (why is then written into why). */
static void helper_try(Helper *h, const char *python, char *why, size_t size) {
    int in[2], out[2];
    *h = (Helper){NULL, NULL, -1, 0};
    if (pipe(in) != 0 || pipe(out) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    char *argv[] = {(char *)python, "scripts/bench.py", NULL};
    int rc = posix_spawnp(&h->pid, python, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(in[0]);
    close(out[1]);
    h->to = fdopen(in[1], "w");
    h->from = fdopen(out[0], "r");
    char line[128] = "";
    if (rc != 0 || fgets(line, sizeof line, h->from) == NULL || strncmp(line, "ready", 5) != 0) {
        line[strcspn(line, "\n")] = '\0';
        snprintf(why, size, "%s: %s", python, rc != 0 ? "not found" : line[0] ? line
                                                                              : "failed");
        fclose(h->to);
        fclose(h->from);
        if (rc == 0) waitpid(h->pid, NULL, 0);
        *h = (Helper){NULL, NULL, -1, 0};
        return;
    }
    h->sklearn = strstr(line, "no scikit-learn") == NULL;
}

/* The helper from $PYTHON (default python3) or else Debian's /usr/bin/python3,
 * the first whose NumPy imports. */
static void helper_start(Helper *h) {
    const char *env = getenv("PYTHON"), *pythons[] = {env != NULL && env[0] ? env : "python3", "/usr/bin/python3"};
    char why[2][256];
    for (int k = 0; k < 2; k++) {
        helper_try(h, pythons[k], why[k], sizeof why[k]);
        if (h->to != NULL) {
            printf("(NumPy and scikit-learn figures from %s%s)\n", pythons[k], h->sklearn ? "" : "; no scikit-learn");
            return;
        }
    }
    printf("(no NumPy figures: %s; %s)\n", why[0], why[1]);
}

/* Sends one command and reads the numbers of its answer into v; returns how
 * many, or -1 when there is no helper or it gave no answer. */
static int helper_ask(Helper *h, double *v, int max, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int helper_ask(Helper *h, double *v, int max, const char *fmt, ...) {
    if (h->to == NULL) return -1;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(h->to, fmt, ap);
    va_end(ap);
    fputc('\n', h->to);
    fflush(h->to);
    char line[256];
    if (fgets(line, sizeof line, h->from) == NULL) return -1;
    int k = 0;
    for (char *s = line, *end; k < max; s = end) {
        v[k] = strtod(s, &end);
        if (end == s) break;
        k++;
    }
    return k;
}

static void helper_stop(Helper *h) {
    if (h->to == NULL) return;
    fprintf(h->to, "quit\n");
    fclose(h->to);
    fclose(h->from);
    waitpid(h->pid, NULL, 0);
}

/* ---- cores ----------------------------------------------------------------- */

#ifdef __linux__
static cpu_set_t all_cores;            // this process's cores at the start
static int core_a = -1, core_b = -1;   // the first two of them (-1: fewer than two)

/* Notes the first two cores we may run on, and puts the helper on the first
 * (where our one-thread epochs run: the two take turns, never both at once). */
static void cores_start(const Helper *h) {
    if (sched_getaffinity(0, sizeof all_cores, &all_cores) != 0) return;
    for (int c = 0; c < CPU_SETSIZE && core_b < 0; c++) {
        if (!CPU_ISSET(c, &all_cores)) continue;
        if (core_a < 0) core_a = c;
        else core_b = c;
    }
    if (core_b < 0 || h->to == NULL) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(core_a, &one);
    sched_setaffinity(h->pid, sizeof one, &one);
}

/* 1: this thread on the first core alone (the one-thread epochs); 0: back on
 * every core (before the threaded ones, whose threads inherit it). */
static void cores_pin(int pin) {
    if (core_b < 0) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(core_a, &one);
    sched_setaffinity(0, sizeof one, pin ? &one : &all_cores);
}
#else
static void cores_start(const Helper *h) { (void)h; }
static void cores_pin(int pin) { (void)pin; }
#endif

/* ---- data ------------------------------------------------------------------ */

/* n rows of d standard normal features; y = 1 with probability
 * sigma(2 x . v / sqrt(d)), v = (1, -1, 1, ...): overlapping classes, so the
 * unpenalised fit has a finite minimum. Also written raw (X then y, float64)
 * to path, for the helper. */
static void make_data(size_t n, size_t d, Matrix *X, double **y, const char *path) {
    Rng rng;
    rng_seed(&rng, 7);
    *X = mat_new(n, d);
    *y = vec_new(n);
    for (size_t i = 0; i < n; i++) {
        double z = 0.0;
        for (size_t j = 0; j < d; j++) {
            double x = rng_normal_std(&rng);
            *mat_at(X, i, j) = x;
            z += (j % 2 ? -x : x) * 2.0 / sqrt((double)d);
        }
        (*y)[i] = rng_uniform(&rng) < 1.0 / (1.0 + exp(-z));
    }
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        fwrite(X->data, sizeof(double), n * d, f);
        fwrite(*y, sizeof(double), n, f);
        fclose(f);
    }
}

/* ---- the measurements -------------------------------------------------------- */

/* Seconds per epoch: the median of `pieces` timed pieces of reps epochs of fn. */
static double time_epochs(EpochFn *fn, const LogReg *m, const Matrix *X, const double *y, size_t reps, int pieces) {
    double *dw = vec_new(X->cols), db, t[PIECES_MAX];
    for (int k = 0; k < pieces; k++) {
        double t0 = now();
        for (size_t r = 0; r < reps; r++) fn(m, X, y, dw, &db);
        t[k] = (now() - t0) / (double)reps;
    }
    free(dw);
    return median(t, pieces);
}

/* 1 for the variants that run on two threads. */
static int threaded(const EpochVariant *v) {
    return strcmp(v->name, "2-threads") == 0 || strcmp(v->name, "together") == 0;
}

/* One GD epoch at n x d: the library's (fused), the fastest of lib/epoch's
 * variants, and the lesson's NumPy epoch; keys gd_NxD_*. */
static double bench_epoch(Helper *h, size_t n, size_t d, const char *tmp) {
    Matrix X;
    double *y, t_py[ROUNDS], t_v[EPOCH_VARIANTS][ROUNDS], py;
    make_data(n, d, &X, &y, tmp);
    int have_py = helper_ask(h, &py, 1, "data %s %zu %zu", tmp, n, d) >= 0;   // it answers "ok"
    EpochVariant v[EPOCH_VARIANTS];
    epoch_variants(v);
    LogReg m;
    logreg_init(&m, d);
    for (size_t j = 0; j < d; j++) m.w[j] = 0.1;
    m.b = 0.1;
    // a piece: reps of our epochs, or reps / 8 + 1 of NumPy's (each about 10 times ours at n = 300)
    size_t reps = 1 + PIECE_WORK / (n * d), work = reps * n * d;
    int pieces = work * PIECES_MAX <= ROUND_WORK ? PIECES_MAX : work * PIECES_MIN >= ROUND_WORK ? PIECES_MIN
                                                                                                : (int)(ROUND_WORK / work) | 1;
    for (int k = 1; k < EPOCH_VARIANTS; k++) {   // one epoch each before the rounds: the first touches cold memory
        if (v[k].fn != NULL && !threaded(&v[k])) time_epochs(v[k].fn, &m, &X, y, 1, 1);
    }
    if (have_py) have_py = helper_ask(h, &py, 1, "epoch 1 1") == 1;
    cores_pin(1);
    // The one-thread epochs and NumPy's in rounds of their own, then the threaded ones
    // (2-threads, together): timed after them, the one-thread epoch at 300 x 2 read 5.0 us in
    // two runs of three, against 2.8 us with OMP_NUM_THREADS=1 or before them.
    for (int r = 0; r < ROUNDS; r++) {
        for (int k = 1; k < EPOCH_VARIANTS; k++) {   // fused (the library's) and the faster ones
            if (v[k].fn != NULL && !threaded(&v[k])) t_v[k][r] = time_epochs(v[k].fn, &m, &X, y, reps, pieces);
        }
        if (have_py) have_py = helper_ask(h, &t_py[r], 1, "epoch %zu %d", reps / 8 + 1, pieces) == 1;
    }
    cores_pin(0);
    for (int k = 1; k < EPOCH_VARIANTS; k++) {
        if (v[k].fn != NULL && threaded(&v[k])) time_epochs(v[k].fn, &m, &X, y, 1, 1);
    }
    for (int r = 0; r < ROUNDS; r++) {
        for (int k = 1; k < EPOCH_VARIANTS; k++) {
            if (v[k].fn != NULL && threaded(&v[k])) t_v[k][r] = time_epochs(v[k].fn, &m, &X, y, reps, pieces);
        }
    }
    char key[64];
    double lib = median(t_v[1], ROUNDS), fastest = lib;
    int best = 1;
    for (int k = 2; k < EPOCH_VARIANTS; k++) {
        if (v[k].fn != NULL && median(t_v[k], ROUNDS) < fastest) fastest = median(t_v[k], ROUNDS), best = k;
    }
    snprintf(key, sizeof key, "gd_%zux%zu_lib_us", n, d);
    report(key, 1e6 * lib);
    snprintf(key, sizeof key, "gd_%zux%zu_fastest_us", n, d);
    report(key, 1e6 * fastest);
    printf("%-40s %s\n", "  (fastest variant)", v[best].name);
    if (have_py) {
        double np_t = median(t_py, ROUNDS);
        snprintf(key, sizeof key, "gd_%zux%zu_numpy_us", n, d);
        report(key, 1e6 * np_t);
        snprintf(key, sizeof key, "gd_%zux%zu_numpy_over_lib", n, d);
        report(key, np_t / lib);
        snprintf(key, sizeof key, "gd_%zux%zu_numpy_over_fastest", n, d);
        report(key, np_t / fastest);
    }
    logreg_free(&m);
    mat_free(&X);
    free(y);
    return fastest;
}

/* The read floor: the time to read n x d doubles once, one core. */
static double bench_floor(size_t n, size_t d) {
    size_t len = n * d;
    double *a = lr_malloc(len * sizeof *a), t[ROUNDS], sink = 0.0;
    for (size_t k = 0; k < len; k++) a[k] = (double)(k % 5);
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now(), s[4] = {0, 0, 0, 0};
        for (size_t k = 0; k + 4 <= len; k += 4) {
            for (int q = 0; q < 4; q++) s[q] += a[k + q];
        }
        t[r] = now() - t0;
        sink += s[0] + s[1] + s[2] + s[3];
    }
    free(a);
    char key[64];
    snprintf(key, sizeof key, "gd_%zux%zu_read_floor_us", n, d);
    double floor = median(t, ROUNDS) + (sink < 0 ? 1 : 0);
    report(key, 1e6 * floor);
    return floor;
}

/* Newton's method from w = 0 to a gradient norm <= 1e-10, at n x d, and
 * scikit-learn's lbfgs (C = 1e10: no penalty to speak of) on the same data.
 * A fit is one run of tens of milliseconds, longer than the scheduler lets a
 * program keep a core on a busy machine, so its wall time there counts other
 * programs' turns too: the CPU time of each side's process (all its
 * threads) is given beside it, and their ratio is the steady one. */
static void bench_newton(Helper *h, size_t n, size_t d, const char *tmp) {
    Matrix X;
    double *y, t[NEWTON_ROUNDS], c[NEWTON_ROUNDS], t_py[NEWTON_ROUNDS], c_py[NEWTON_ROUNDS], answer[3] = {NAN, NAN, NAN};
    make_data(n, d, &X, &y, tmp);
    int have_py = h->sklearn && helper_ask(h, answer, 1, "data %s %zu %zu", tmp, n, d) >= 0;
    LogRegNewtonResult res = {0};
    for (int r = 0; r < NEWTON_ROUNDS; r++) {
        LogReg m;
        logreg_init(&m, d);
        LogRegNewtonParams par = {.tol = 1e-12, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
        LrError err;
        double t0 = now(), c0 = cpu_now();
        if (logreg_fit_newton(&m, &X, y, &par, NULL, &res, &err) != 0) printf("newton: %s\n", err.msg);
        t[r] = now() - t0;
        c[r] = cpu_now() - c0;
        logreg_free(&m);
        if (have_py) have_py = helper_ask(h, answer, 3, "lbfgs") == 3;
        t_py[r] = answer[0];
        c_py[r] = answer[1];
    }
    double wall = median(t, NEWTON_ROUNDS), cpu = median(c, NEWTON_ROUNDS);
    char key[64];
    snprintf(key, sizeof key, "newton_%zux%zu_ms", n, d);
    report(key, 1e3 * wall);
    snprintf(key, sizeof key, "newton_%zux%zu_cpu_ms", n, d);
    report(key, 1e3 * cpu);
    snprintf(key, sizeof key, "newton_%zux%zu_grad_norm", n, d);
    report(key, res.grad_norm);
    snprintf(key, sizeof key, "newton_%zux%zu_iterations", n, d);
    report(key, (double)res.iterations);
    if (have_py) {
        double wall_py = median(t_py, NEWTON_ROUNDS), cpu_py = median(c_py, NEWTON_ROUNDS);
        snprintf(key, sizeof key, "sklearn_lbfgs_%zux%zu_ms", n, d);
        report(key, 1e3 * wall_py);
        snprintf(key, sizeof key, "sklearn_lbfgs_%zux%zu_cpu_ms", n, d);
        report(key, 1e3 * cpu_py);
        snprintf(key, sizeof key, "sklearn_lbfgs_%zux%zu_grad_norm", n, d);
        report(key, answer[2]);
        snprintf(key, sizeof key, "sklearn_lbfgs_over_newton_%zux%zu", n, d);
        report(key, wall_py / wall);
        snprintf(key, sizeof key, "sklearn_lbfgs_over_newton_cpu_%zux%zu", n, d);
        report(key, cpu_py / cpu);
    }
    mat_free(&X);
    free(y);
}

/* Writes the data as CSV (%.17g, header x1..xd,y) and in liblinear's sparse
 * format ("label 1:x1 2:x2 ..."). */
static void write_files(size_t n, size_t d, const char *csv, const char *svm, const char *tmp) {
    Matrix X;
    double *y;
    make_data(n, d, &X, &y, tmp);
    FILE *f = fopen(csv, "w"), *g = fopen(svm, "w");
    for (size_t j = 0; f != NULL && j < d; j++) fprintf(f, "x%zu,", j + 1);
    if (f != NULL) fprintf(f, "y\n");
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) {
            if (f != NULL) fprintf(f, "%.17g,", *mat_at(&X, i, j));
            if (g != NULL) fprintf(g, "%s%zu:%.17g", j == 0 ? (y[i] == 1.0 ? "1 " : "0 ") : " ", j + 1, *mat_at(&X, i, j));
        }
        if (f != NULL) fprintf(f, "%g\n", y[i]);
        if (g != NULL) fprintf(g, "\n");
    }
    if (f != NULL) fclose(f);
    if (g != NULL) fclose(g);
    mat_free(&X);
    free(y);
}

/* Seconds for one run of argv as a process (NAN when it did not run or failed). */
static double time_process(char *const argv[]) {
    pid_t pid;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", 1, 0);
    double t0 = now();
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ), status = 0;
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return NAN;
    return now() - t0;
}

/* Reading the CSV (in-process), and reading + Newton as a whole process
 * against liblinear-train -s 0 (logistic regression by a Newton method) on
 * the same data in its own format. */
static void bench_files(const char *self, size_t n, size_t d, const char *tmp) {
    char csv[512], svm[512], model[512];
    snprintf(csv, sizeof csv, "%s.csv", tmp);
    snprintf(svm, sizeof svm, "%s.svm", tmp);
    snprintf(model, sizeof model, "%s.model", tmp);
    write_files(n, d, csv, svm, tmp);
    double t_read[ROUNDS], t_fit[ROUNDS], t_ll[ROUNDS];
    int have_ll = 1;
    for (int r = 0; r < ROUNDS; r++) {
        Dataset ds;
        LrError err;
        double t0 = now();
        int rc = dataset_read_csv(&ds, csv, &err);
        t_read[r] = now() - t0;
        if (rc == 0) dataset_free(&ds);
        else printf("csv: %s\n", err.msg);
        t_fit[r] = time_process((char *[]){(char *)self, "--fit", csv, NULL});
        if (have_ll) t_ll[r] = time_process((char *[]){"liblinear-train", "-s", "0", "-q", svm, model, NULL});
        have_ll = have_ll && !isnan(t_ll[r]);
    }
    char key[64];
    snprintf(key, sizeof key, "csv_read_%zux%zu_ms", n, d);
    report(key, 1e3 * median(t_read, ROUNDS));
    snprintf(key, sizeof key, "read_newton_process_%zux%zu_ms", n, d);
    report(key, 1e3 * median(t_fit, ROUNDS));
    if (have_ll) {
        snprintf(key, sizeof key, "liblinear_train_s0_%zux%zu_ms", n, d);
        report(key, 1e3 * median(t_ll, ROUNDS));
        snprintf(key, sizeof key, "liblinear_over_read_newton_%zux%zu", n, d);
        report(key, median(t_ll, ROUNDS) / median(t_fit, ROUNDS));
    } else {
        printf("(no liblinear figures: liblinear-train not found; Debian: liblinear-tools)\n");
    }
    remove(csv);
    remove(svm);
    remove(model);
}

/* bench --fit FILE.csv: read it and fit by Newton's method; exit 0 when it converged. */
static int fit_file(const char *path) {
    Dataset ds;
    LrError err;
    if (dataset_read_csv(&ds, path, &err) != 0) {
        fprintf(stderr, "bench: %s\n", err.msg);
        return 2;
    }
    LogReg m;
    logreg_init(&m, ds.d);
    LogRegNewtonParams par = {.tol = 1e-12, .max_iter = LOGREG_NEWTON_MAX_ITER, .lambda = 0.0};
    LogRegNewtonResult res;
    int rc = logreg_fit_newton(&m, &ds.X, ds.y, &par, NULL, &res, &err);
    printf("%zu iterations, gradient norm %g\n", res.iterations, res.grad_norm);
    logreg_free(&m);
    dataset_free(&ds);
    return rc == 0 && res.converged ? 0 : 1;
}

static void write_json(const char *path) {
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        printf("(cannot write %s)\n", path);
        return;
    }
    fprintf(f, "{\n");
    for (int k = 0; k < results.n; k++) {
        fprintf(f, "  \"%s\": ", results.key[k]);
        if (isfinite(results.value[k])) fprintf(f, "%.6g", results.value[k]);
        else fprintf(f, "null");
        fprintf(f, "%s\n", k + 1 < results.n ? "," : "");
    }
    fprintf(f, "}\n");
    fclose(f);
    printf("(the same as JSON: %s)\n", path);
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--fit") == 0) return fit_file(argv[2]);
    if (argc != 2) {
        fprintf(stderr, "usage: bench JSON-FILE | bench --fit FILE.csv\n");
        return 2;
    }
    char tmp[] = "/tmp/lr-bench-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) return 1;
    close(fd);
    signal(SIGPIPE, SIG_IGN);
    printf("make bench: medians of %d interleaved rounds (%d for Newton; an epoch's round is the median of\n"
           "short timed pieces), measured now on this machine (a busy machine slows everything; the ratios,\n"
           "measured in the same run, are the figures to compare)\n",
           ROUNDS, NEWTON_ROUNDS);
    Helper h;
    helper_start(&h);
    cores_start(&h);
    bench_epoch(&h, 300, 2, tmp);
    bench_epoch(&h, 100000, 20, tmp);
    double fastest = bench_epoch(&h, 1000000, 20, tmp);
    report("gd_1000000x20_fastest_over_floor", fastest / bench_floor(1000000, 20));
    bench_newton(&h, 100000, 20, tmp);
    helper_stop(&h);
    bench_files(argv[0], 100000, 20, tmp);
    remove(tmp);
    write_json(argv[1]);
    return 0;
}
