/* Chapter 12: more than one machine. Data-parallel logistic regression.
 *
 * Every process holds a shard of the rows, computes sums over its own rows,
 * and an all-reduce (Open MPI's MPI_Allreduce) adds the P sums, so that every
 * process takes the same step. Trains the lesson's model by gradient descent
 * and by Newton's method this way, prints the weights beside the
 * one-process answer, counts and times the communication, and predicts with
 * a cost model what the same fit would cost on 8 to 512 machines. Once
 * exercise 12 is written, your shard_bounds cuts the rows into shards and
 * gradient descent runs on your shard_sums and global_gradient.
 *
 *     make chapter-12 && ./chapter-12                  # one process
 *     mpirun -np 2 ./chapter-12                        # two processes (add --allow-run-as-root as root)
 *     mpirun -np 4 --oversubscribe ./chapter-12 --rows 1000000 --features 20 --method gd --epochs 20
 *     ./chapter-12 --checkpoint run.ckpt --every 100   # kill it, run it again: it resumes
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chapter.h"
#include "checkpoint.h"
#include "comm.h"
#include "course.h"
#include "exercises.h"
#include "linalg.h"
#include "logreg.h"
#include "shard.h"
#include "train.h"

#include "12-many-machines/cost-model.h"
#include "12-many-machines/mine.h"
#include "12-many-machines/newton.h"
#include "12-many-machines/shards.h"

typedef struct {
    CourseData data;          // the lesson's data set unless options change it
    size_t rows, features;    // --rows N: the synthetic set of lib/shard instead (0: not)
    double lr;                // learning rate of gradient descent
    size_t epochs;            // gradient-descent epochs
    const char *method;       // "both", "gd" or "newton"
    const char *checkpoint;   // --checkpoint FILE ("" : none)
    size_t every;             // write the checkpoint every this many epochs
    int lesson;               // 1: the lesson's data and settings (compare with NumPy too)
} Options;

static int want(const Options *o, const char *method) {
    return strcmp(o->method, "both") == 0 || strcmp(o->method, method) == 0;
}

static Options parse_options(int argc, char **argv, ChapterOption *opts) {
    Options o = {.data = course_defaults(COURSE_CLASSIFICATION), .features = 20, .lr = 0.1, .epochs = 500, .method = "both", .checkpoint = "", .every = 100};
    size_t n = course_options(&o.data, opts);
    opts[n++] = (ChapterOption){"--rows", "N", "train on N synthetic rows, each process making its own "
                                               "(default: the lesson's data)",
                                OPT_COUNT, &o.rows, 1, 1e9, 0};
    opts[n++] = (ChapterOption){"--features", "D", "features of the --rows data (default 20)", OPT_COUNT,
                                &o.features, 1, 1000, 0};
    opts[n++] = (ChapterOption){"--lr", "RATE", "learning rate (default 0.1)", OPT_REAL, &o.lr, 1e-12, 1e6, 0};
    opts[n++] = (ChapterOption){"--epochs", "N", "gradient-descent epochs (default 500)", OPT_COUNT, &o.epochs,
                                1, 1e7, 0};
    opts[n++] = (ChapterOption){"--method", "NAME", "both, gd or newton (default both)", OPT_TEXT, &o.method,
                                0, 0, 0};
    opts[n++] = (ChapterOption){"--checkpoint", "FILE", "save gradient descent's weights there, and resume "
                                                        "from it when it exists",
                                OPT_TEXT, &o.checkpoint, 0, 0, 0};
    opts[n++] = (ChapterOption){"--every", "K", "epochs between checkpoints (default 100)", OPT_COUNT, &o.every,
                                1, 1e7, 0};
    chapter_parse(argc, argv, "Chapter 12: data-parallel logistic regression on Open MPI.", opts, n);
    if (!want(&o, "gd") && !want(&o, "newton")) chapter_fail("--method: expected both, gd or newton, got '%s' (see ./chapter-12 --help)", o.method);
    if (o.checkpoint[0] != '\0' && !want(&o, "gd")) {
        chapter_fail("--checkpoint saves gradient descent's progress: use it with --method gd or both");
    }
    if (o.rows > 0 && o.data.data[0] != '\0') chapter_fail("--rows and --data: choose one data set");
    if (o.rows > 0 && o.data.standardize) {
        chapter_fail("--rows makes features of mean 0 and deviation 1 already: --standardize is for --data");
    }
    o.lesson = o.rows == 0 && course_is_lesson(&o.data) && o.lr == 0.1 && o.epochs == 500;
    return o;
}

/* ---- gradient descent, one all-reduce per epoch ------------------------------ */

/* The checkpoint's options line: what must be equal for a run to resume it.
 * The learning rate is written in the fewest digits that read back to it. */
static void checkpoint_key(const Options *o, const Shard *sh, size_t d, char *buf, size_t size) {
    char about[200], lr[32];
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(lr, sizeof lr, "%.*g", digits, o->lr);
        if (strtod(lr, NULL) == o->lr) break;
    }
    snprintf(buf, size, "gd rows=%zu d=%zu lr=%s data=%s", sh->n, d, lr,
             o->rows > 0 ? "synthetic" : course_describe(&o->data, about, sizeof about));
}

/* Restores the weights from --checkpoint when it exists; returns the epoch to start from. */
static size_t resume(const Options *o, const char *key, LogReg *m) {
    size_t start = 0;
    LrError err;
    int got = checkpoint_read(o->checkpoint, key, &start, m, &err);
    if (got < 0) chapter_fail("%s", err.msg);
    if (got == 0 && start > o->epochs) {
        chapter_fail("%s: the checkpoint is at epoch %zu, past --epochs %zu", o->checkpoint, start, o->epochs);
    }
    if (got == 0) printf("Resuming from %s at epoch %zu.\n", o->checkpoint, start);
    if (got == 0 && start == o->epochs) {
        printf("That is --epochs already: nothing is left to train, and the loss below is the\n"
               "  saved weights' own (a larger --epochs trains on).\n");
    }
    return start;
}

static void save(const Options *o, const char *key, size_t epoch, const LogReg *m, const Comm *c) {
    LrError err;
    if (c->rank == 0 && checkpoint_write(o->checkpoint, key, epoch, m, &err) != 0) chapter_fail("%s", err.msg);
}

// [snippet gd]
/* Gradient descent from m on the rows of every process: per epoch, one
 * all-reduce of the d + 3 sums (gradient, bias, loss, rows). */
static TrainResult fit_gd(LogReg *m, const Shard *sh, const Options *o, Comm *c) {
    size_t d = m->d;
    double *s = vec_new(SHARD_GRAD_LEN(d)), *dw = vec_new(d);   // (d + 3) the sums, (d) the gradient
    char key[512];
    checkpoint_key(o, sh, d, key, sizeof key);
    size_t start = o->checkpoint[0] != '\0' ? resume(o, key, m) : 0;
    TrainLog log = train_begin(NULL, o->epochs - start);
    if (start == o->epochs) {   // resumed at the end: no epoch records a loss, so record the weights' own
        shard_grad_sums(m, &sh->X, sh->y, 0, sh->X.rows, s);
        comm_sum(c, s, SHARD_GRAD_LEN(d));
        train_record(&log, shard_loss(s, d, 0.0, m->w), train_all_finite(m->w, d) && isfinite(m->b));
    }
    for (size_t epoch = start; epoch < o->epochs; epoch++) {
        shard_grad_sums(m, &sh->X, sh->y, 0, sh->X.rows, s);   // over my rows
        comm_sum(c, s, SHARD_GRAD_LEN(d));                     // now over every row, on every process
        if (!train_record(&log, shard_loss(s, d, 0.0, m->w), train_all_finite(m->w, d) && isfinite(m->b))) break;
        double db = shard_gradient(s, d, 0.0, m->w, dw);
        // w <- w - lr dw,  b <- b - lr db: the same step on every process
        for (size_t j = 0; j < d; j++) m->w[j] -= o->lr * dw[j];
        m->b -= o->lr * db;
        if (o->checkpoint[0] != '\0' && ((epoch + 1) % o->every == 0 || epoch + 1 == o->epochs)) {
            save(o, key, epoch + 1, m, c);
        }
    }
    free(dw);
    free(s);
    return train_end(&log, train_all_finite(m->w, d) && isfinite(m->b));
}
// [end gd]

/* ---- reporting ------------------------------------------------------------------ */

static void print_cost(const char *what, const FitCost *fc, size_t per_epoch_rounds) {
    char t1[32], t2[32];
    printf("%s: %zu all-reduces, %zu bytes each way per process;\n  %s in all, %s of it in the all-reduce (%.0f%%)\n",
           what, fc->rounds, fc->bytes, cost_human_time(fc->seconds, t1, sizeof t1),
           cost_human_time(fc->reduce_s, t2, sizeof t2), fc->seconds > 0 ? 100.0 * fc->reduce_s / fc->seconds : 0.0);
    if (per_epoch_rounds > 0 && fc->rounds > 0) {
        printf("time per epoch: %s, of which all-reduce %s\n",
               cost_human_time(fc->seconds / (double)fc->rounds, t1, sizeof t1),
               cost_human_time(fc->reduce_s / (double)fc->rounds, t2, sizeof t2));
    }
}

/* Prints m (yours, or the library's on all processes) beside other (the
 * one-process answer, or the library's all-process one: whose), the weights
 * named w[j] and b (or coef[j] and intercept for Newton's, as in chapter 6). */
static void print_weights(const LogReg *m, const char *mine, const LogReg *one, const char *whose, int newton) {
    printf("%-14s %20s %20s %10s\n", "", mine, one != NULL ? whose : "", one != NULL ? "|diff|" : "");
    for (size_t j = 0; j < m->d; j++) {
        char label[32];
        snprintf(label, sizeof label, newton ? "coef[%zu]" : "w[%zu]", j);
        chapter_compare(label, m->w[j], one != NULL ? one->w[j] : NAN);
    }
    chapter_compare(newton ? "intercept" : "b", m->b, one != NULL ? one->b : NAN);
}

/* For the lesson's run: the largest |difference| from NumPy's or scikit-learn's stored weights. */
static void print_reference(const LogReg *m, const Reference *ref, const char *who, const char *key_w,
                            const char *key_b) {
    double worst = fabs(m->b - ref_value(ref, key_b, 0));
    char w[512] = "";
    for (size_t j = 0; j < m->d; j++) {
        size_t used = strlen(w);
        snprintf(w + used, sizeof w - used, "%s%.12f", j > 0 ? ", " : "", ref_value(ref, key_w, j));
        worst = fmax(worst, fabs(m->w[j] - ref_value(ref, key_w, j)));
    }
    chapter_print("%s: w = (%s)\n  and b = %.12f; largest |diff| from ours %.1e\n", who, w, ref_value(ref, key_b, 0),
                  worst);
}

static FitCost cost_since(const Comm *c, double start) {
    return (FitCost){c->calls, c->bytes, comm_now() - start, c->seconds};
}

/* Gradient descent on every process (and with your code when t is not
 * NULL: then *verdict is 0 or YOURS_DIFFER), beside the one-process answer.
 * Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int run_gd(const Options *o, const Shard *sh, Comm *c, const Reference *ref, FitCost *fc, YoursTally *t,
                  int *verdict) {
    LogReg m, one, mine;
    logreg_init(&m, sh->X.cols);
    comm_reset_counts(c);
    double start = comm_now();
    TrainResult fit = fit_gd(&m, sh, o, c);
    *fc = cost_since(c, start);
    if (fit.status != TRAIN_OK) {
        logreg_free(&m);
        return chapter_fit_status(fit, o->lr, NULL);
    }
    int have_one = c->rank == 0 && sh->all.n > 0;
    if (have_one) {   // the same fit in this one process, by lib/logreg
        logreg_init(&one, m.d);
        LogRegParams par = {.lr = o->lr, .epochs = o->epochs};
        logreg_fit_gd(&one, &sh->all.X, sh->all.y, &par, NULL);
    }
    printf("\nGradient descent, %zu epoch%s at lr %g: loss %.12f\n", o->epochs, chapter_s(o->epochs), o->lr,
           fit.last_loss);
    if (t != NULL) {   // yours, from w = 0, beside the one-process answer (or the library's on all processes)
        logreg_init(&mine, m.d);
        mine_fit_gd(&mine, sh, o->epochs, o->lr, c);
        chapter_print("Trained on the shards of your shard_bounds with your shard_sums and\n"
                      "  global_gradient:\n");
        print_weights(&mine, "yours", have_one ? &one : &m, have_one ? "one process" : "lib/, all processes", 0);
    } else {
        print_weights(&m, "all processes", have_one ? &one : NULL, "one process", 0);
    }
    if (o->lesson) print_reference(&m, ref, "NumPy (the lesson)", "w", "b");
    print_cost("communication", fc, 1);
    if (t != NULL) {
        printf("\n");
        *verdict = mine_verdict(t, &mine, o->lesson ? ref : NULL, &m, c->size);
        logreg_free(&mine);
    }
    if (have_one) logreg_free(&one);
    logreg_free(&m);
    return CHAPTER_DONE;
}

/* After Newton's method stopped on a singular Hessian: CHAPTER_DONE when the
 * classes separate (the chapter says so in its words), else
 * CHAPTER_TRAINING_FAILED after one line (naming the constant or collinear
 * columns where this process holds every row). The same on every process. */
static int newton_singular(const Shard *sh, int separated, const LrError *err) {
    if (separated) return CHAPTER_DONE;
    if (sh->all.n > 0) return chapter_singular_status(&sh->all, 0, err);
    return chapter_error(CHAPTER_TRAINING_FAILED, "Newton's method stopped: %s", err->msg);
}

/* Newton's method on every process, beside the one-process answer, and what
 * its steps say when there is no minimum (lib/diagnose). Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int run_newton(const Options *o, const Shard *sh, Comm *c, const Reference *sk_ref, FitCost *fc) {
    LogReg m, one;
    logreg_init(&m, sh->X.cols);
    comm_reset_counts(c);
    double start = comm_now();
    ShardNewton fit;
    LrError err;
    int singular = sharded_newton(&m, sh, c, &fit, &err) != 0;
    *fc = cost_since(c, start);
    sharded_diagnose(&m, sh, c, &fit);   // did the steps shrink, or run off as the classes separate?
    int status = singular ? newton_singular(sh, fit.sep == DIAG_COMPLETE || fit.sep == DIAG_PARTIAL, &err) : 0;
    int have_one = status == CHAPTER_DONE && c->rank == 0 && sh->all.n > 0;
    if (have_one) {
        LogRegNewtonResult res_one;
        logreg_init(&one, m.d);
        LogRegNewtonParams par = {LOGREG_NEWTON_TOL, LOGREG_NEWTON_MAX_ITER, 0.0};
        if (logreg_fit_newton(&one, &sh->all.X, sh->all.y, &par, NULL, &res_one, &err) != 0) logreg_free(&one);
        have_one = one.w != NULL;
    }
    const LogRegNewtonResult *res = &fit.res;
    if (status == CHAPTER_DONE && fit.sep != DIAG_FINITE) {   // no minimum: say why, not "converged"
        char words[1024];
        diag_describe(fit.sep, fit.moved, words, sizeof words);
        chapter_print("\nNewton's method, stopped after %zu steps: loss %.12f, ||grad|| %.1e\n%s", res->iterations,
                      res->loss, res->grad_norm, words);
    } else if (status == CHAPTER_DONE) {
        chapter_print("\nNewton's method, %s after %zu steps: loss %.12f, ||grad|| %.1e\n",
                      res->converged ? "converged" : "not converged", res->iterations, res->loss, res->grad_norm);
    }
    if (status == CHAPTER_DONE) {
        print_weights(&m, "all processes", have_one ? &one : NULL, "one process", 1);
        if (o->lesson) print_reference(&m, sk_ref, "scikit-learn (C = 1e10)", "coef", "intercept");
        print_cost("communication", fc, 0);
    }
    if (have_one) logreg_free(&one);
    sharded_newton_free(&fit);
    logreg_free(&m);
    return status;
}

/* ---- main ------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    Comm c = comm_start(&argc, &argv, "chapter-12");
    ChapterOption opts[COURSE_MAX_OPTIONS + 7];
    Options o = parse_options(argc, argv, opts);
    Plotter pl;
    chapter_plotter(&pl);
    int lib_only = !yours_begin();
    int yours = !lib_only && mine_ready();   // then your shard_bounds says which rows each process holds
    Shard sh;
    shards_load(&o.data, o.rows, o.features, &c, yours ? shard_bounds : shard_range, &sh);
    Reference gd_ref, sk_ref;
    chapter_load_reference(&gd_ref, "gd-classification.txt");
    chapter_load_reference(&sk_ref, "sklearn-classification.txt");

    char about[256];
    chapter_print("Chapter 12: data-parallel logistic regression on %s\n",
                  o.rows > 0 ? "synthetic rows (lib/shard)" : course_describe(&o.data, about, sizeof about));
    printf("%zu process%s (%s%s); ", c.size, c.size == 1 ? "" : "es", c.engine,
           comm_have_mpi() ? "" : ": built without Open MPI");
    shards_print(&sh, &c, yours ? shard_bounds : shard_range);
    if (!lib_only) yours = yours_end(12, "trains with lib/shard.c");
    YoursTally t;
    yours_tally_init(&t, 12, o.lesson ? "NumPy" : "lib/");
    if (yours) mine_check_bounds(&t, sh.n, c.size);

    FitCost gd = {0}, newton = {0};
    int verdict = 0;   // YOURS_DIFFER when your numbers differ
    int status = want(&o, "gd") ? run_gd(&o, &sh, &c, &gd_ref, &gd, yours ? &t : NULL, &verdict) : CHAPTER_DONE;
    if (status == CHAPTER_DONE && want(&o, "newton")) status = run_newton(&o, &sh, &c, &sk_ref, &newton);
    CommCost here = c.size > 1 && status == CHAPTER_DONE ? comm_measure(&c, 50) : (CommCost){0, 0};
    if (c.rank == 0 && status == CHAPTER_DONE) {
        ComputeRate rate = cost_measure_compute();
        if (c.size > 1) cost_print_check(&here, sh.n, sh.X.cols, &gd, c.size, rate);
        else printf("\n(One process: its all-reduces above only copy its own sums, so they\nmeasure no network. Run it under mpirun -np 2 to measure alpha and beta.)\n");
        cost_print_model(rate);
        if (!o.lesson) printf("\n(Options differ from the lesson's: no NumPy or scikit-learn values to compare.)\n");
        printf("\n");
        cost_plot_model(&pl, rate);
    }
    if (status == CHAPTER_DONE) status = verdict;
    ref_free(&sk_ref);
    ref_free(&gd_ref);
    shards_free(&sh);
    comm_stop(&c);
    return status;
}
