/* Chapter 12: more than one machine. Data-parallel logistic regression.
 *
 * Every process holds a shard of the rows, computes sums over its own rows,
 * and an all-reduce (Open MPI's MPI_Allreduce) adds the P sums, so that every
 * process takes the same step. Trains the lesson's model by gradient descent
 * and by Newton's method this way, prints the weights beside the
 * one-process answer, counts and times the communication, and predicts with
 * a cost model what the same fit would cost on 8 to 512 machines.
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
#include "linalg.h"
#include "logreg.h"
#include "shard.h"
#include "train.h"

#include "12-many-machines/cost-model.h"
#include "12-many-machines/shards.h"

/* A rise of the loss smaller than this (relative) is rounding, not a rise:
 * the same slack as lib/logreg.c's Newton's method. */
#define NEWTON_LOSS_SLACK 1e-12
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
    if (!want(&o, "gd") && !want(&o, "newton")) chapter_fail("--method: expected both, gd or newton");
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

/* ---- Newton's method, one all-reduce per step ----------------------------------- */

/* The gradient, loss and Hessian sums at m over every row: one all-reduce of
 * d + 3 + (d + 1)(d + 2)/2 numbers. */
static void newton_sums(const LogReg *m, const Shard *sh, Comm *c, double *buf) {
    size_t d = m->d;
    shard_grad_sums(m, &sh->X, sh->y, 0, sh->X.rows, buf);
    shard_hess_sums(m, &sh->X, 0, sh->X.rows, buf + SHARD_GRAD_LEN(d));
    comm_sum(c, buf, SHARD_GRAD_LEN(d) + SHARD_HESS_LEN(d));
}

// [snippet newton]
/* Newton's method as lib/logreg's, on every process's rows: each step
 * solves H delta = g with the summed H and g (the same on every process),
 * halving the step while it raises the loss. Returns 0, or -1 with err. */
static int fit_newton(LogReg *m, const Shard *sh, Comm *c, LogRegNewtonResult *res, LrError *err) {
    size_t d = m->d, k = d + 1, iter = 0;
    double *buf = vec_new(SHARD_GRAD_LEN(d) + SHARD_HESS_LEN(d));   // the sums of newton_sums
    double *H = vec_new(k * k), *g = vec_new(k), *delta = vec_new(k), *w0 = vec_new(d);
    newton_sums(m, sh, c, buf);
    double loss = shard_loss(buf, d, 0.0, m->w);
    g[d] = shard_gradient(buf, d, 0.0, m->w, g);
    double g_norm = vec_norm(g, k), g0_norm = g_norm;
    int status = 0;
    while (g_norm > LOGREG_NEWTON_TOL * g0_norm && iter < LOGREG_NEWTON_MAX_ITER) {
        shard_hessian(buf + SHARD_GRAD_LEN(d), d, sh->n, 0.0, H);
        memcpy(delta, g, k * sizeof *delta);
        if (linalg_solve_spd(H, delta, k, err) != 0) {
            status = -1;
            break;
        }
        memcpy(w0, m->w, d * sizeof *w0);
        double b0 = m->b, t = 1.0, new_loss = loss;
        for (int halvings = 0; halvings <= LOGREG_NEWTON_MAX_HALVINGS; halvings++, t /= 2.0) {
            // (w, b) <- (w0, b0) - t delta, with t = 1, 1/2, 1/4, ... until the loss does not rise
            for (size_t j = 0; j < d; j++) m->w[j] = w0[j] - t * delta[j];
            m->b = b0 - t * delta[d];
            newton_sums(m, sh, c, buf);
            new_loss = shard_loss(buf, d, 0.0, m->w);
            if (new_loss <= loss + NEWTON_LOSS_SLACK * fabs(loss)) break;
        }
        loss = new_loss;
        g[d] = shard_gradient(buf, d, 0.0, m->w, g);
        g_norm = vec_norm(g, k);
        iter++;
    }
    *res = (LogRegNewtonResult){iter, g_norm <= LOGREG_NEWTON_TOL * g0_norm, loss, g_norm};
    free(w0);
    free(delta);
    free(g);
    free(H);
    free(buf);
    return status;
}
// [end newton]

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

/* Prints m beside the one-process answer, the weights named w[j] and b
 * (or coef[j] and intercept for Newton's answer, as in chapter 6). */
static void print_weights(const LogReg *m, const LogReg *one, int newton) {
    printf("%-14s %20s %20s %10s\n", "", "all processes", one != NULL ? "one process" : "", one != NULL ? "|diff|" : "");
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

/* Gradient descent on every process, beside the one-process answer. Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int run_gd(const Options *o, const Shard *sh, Comm *c, const Reference *ref, FitCost *fc) {
    LogReg m, one;
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
    print_weights(&m, have_one ? &one : NULL, 0);
    if (o->lesson) print_reference(&m, ref, "NumPy (the lesson)", "w", "b");
    print_cost("communication", fc, 1);
    if (have_one) logreg_free(&one);
    logreg_free(&m);
    return CHAPTER_DONE;
}

/* Newton's method on every process, beside the one-process answer. Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int run_newton(const Options *o, const Shard *sh, Comm *c, const Reference *sk_ref, FitCost *fc) {
    LogReg m, one;
    logreg_init(&m, sh->X.cols);
    comm_reset_counts(c);
    double start = comm_now();
    LogRegNewtonResult res, res_one;
    LrError err;
    if (fit_newton(&m, sh, c, &res, &err) != 0) {
        logreg_free(&m);
        return chapter_error(CHAPTER_TRAINING_FAILED, "Newton's method stopped: %s", err.msg);
    }
    *fc = cost_since(c, start);
    int have_one = c->rank == 0 && sh->all.n > 0;
    if (have_one) {
        logreg_init(&one, m.d);
        LogRegNewtonParams par = {LOGREG_NEWTON_TOL, LOGREG_NEWTON_MAX_ITER, 0.0};
        if (logreg_fit_newton(&one, &sh->all.X, sh->all.y, &par, NULL, &res_one, &err) != 0) have_one = 0;
    }
    chapter_print("\nNewton's method, %s after %zu steps: loss %.12f, ||grad|| %.1e\n",
                  res.converged ? "converged" : "not converged", res.iterations, res.loss, res.grad_norm);
    print_weights(&m, have_one ? &one : NULL, 1);
    if (o->lesson) print_reference(&m, sk_ref, "scikit-learn (C = 1e10)", "coef", "intercept");
    print_cost("communication", fc, 0);
    if (have_one) logreg_free(&one);
    logreg_free(&m);
    return CHAPTER_DONE;
}

/* ---- main ------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    Comm c = comm_start(&argc, &argv, "chapter-12");
    ChapterOption opts[COURSE_MAX_OPTIONS + 7];
    Options o = parse_options(argc, argv, opts);
    Plotter pl;
    chapter_plotter(&pl);
    Shard sh;
    shards_load(&o.data, o.rows, o.features, &c, &sh);
    Reference gd_ref, sk_ref;
    chapter_load_reference(&gd_ref, "gd-classification.txt");
    chapter_load_reference(&sk_ref, "sklearn-classification.txt");

    char about[256];
    chapter_print("Chapter 12: data-parallel logistic regression on %s\n",
                  o.rows > 0 ? "synthetic rows (lib/shard)" : course_describe(&o.data, about, sizeof about));
    printf("%zu process%s (%s%s); ", c.size, c.size == 1 ? "" : "es", c.engine,
           comm_have_mpi() ? "" : ": built without Open MPI");
    shards_print(&sh, &c);

    FitCost gd = {0}, newton = {0};
    int status = want(&o, "gd") ? run_gd(&o, &sh, &c, &gd_ref, &gd) : CHAPTER_DONE;
    if (status == CHAPTER_DONE && want(&o, "newton")) status = run_newton(&o, &sh, &c, &sk_ref, &newton);
    CommCost here = c.size > 1 && status == CHAPTER_DONE ? comm_measure(&c, 50) : (CommCost){0, 0};
    if (c.rank == 0 && status == CHAPTER_DONE) {
        ComputeRate rate = cost_measure_compute();
        if (c.size > 1) cost_print_check(&here, sh.n, sh.X.cols, &gd, c.size, rate);
        else printf("\n(One process: no all-reduce to measure. Run it under mpirun -np 2\nto measure alpha and beta.)\n");
        cost_print_model(rate);
        if (!o.lesson) printf("\n(Options differ from the lesson's: no NumPy or scikit-learn values to compare.)\n");
        printf("\n");
        cost_plot_model(&pl, rate);
    }
    ref_free(&sk_ref);
    ref_free(&gd_ref);
    shards_free(&sh);
    comm_stop(&c);
    return status;
}
