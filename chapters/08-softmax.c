/* Chapter 8: softmax regression.
 *
 * One model for all K classes: a score z_c = w_c . x + b_c per class, turned
 * into probabilities by the softmax, trained on the categorical
 * cross-entropy. On the three-class data of chapter 7 it
 *   1. runs the lesson-style gradient descent (lr 0.1, 1000 epochs, from
 *      W = 0, b = 0) and prints the loss, weights, accuracy and confusion
 *      matrix beside NumPy's;
 *   2. fits to convergence by Newton's method and compares the probabilities
 *      (and the centred weights) with scikit-learn's multinomial
 *      LogisticRegression(C=1e10);
 *   3. sets both beside one-vs-rest from chapter 7 on the same data.
 * Plots the decision regions and the loss curve (08-softmax/plots.c). Once
 * exercise 08 is written, step 1 trains with your train_softmax (your
 * cce_gradient and cce_loss inside), predicts with your softmax and
 * predict_by_argmax, and prints your numbers beside NumPy's.
 *
 *     make chapter-08 && ./chapter-08 [--data FILE.csv] [--classes K] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "metrics.h"
#include "multiclass.h"
#include "exercises.h"
#include "yours.h"

#include "08-softmax/plots.h"

/* The table head: what the reference column holds. */
static void print_head(const CourseRun *o, const char *what, const char *reference) {
    chapter_compare_head(what, o->lesson ? reference : NULL);
}

/* The weights, row c of W then the biases, under a label prefix. t and lib
 * as in yours_row: NULL for the library's run, else the tally of yours (m)
 * and the library's run (lib, the reference when the options differ). */
static void print_weights(const CourseRun *o, const Softmax *m, const Softmax *lib, YoursTally *t,
                          const char *prefix, const char *w_key, const char *b_key, const Reference *ref) {
    for (size_t c = 0; c < m->k; c++) {
        char label[64], key[64];
        snprintf(key, sizeof key, "%s%zu", w_key, c);
        for (size_t j = 0; j < m->d; j++) {
            snprintf(label, sizeof label, "%sW_%zu[%zu]", prefix, c, j);
            yours_row(t, label, *mat_at(&m->W, c, j), chapter_reference(o->lesson, ref, key, j),
                      *mat_at(&lib->W, c, j));
        }
    }
    for (size_t c = 0; c < m->k; c++) {
        char label[64];
        snprintf(label, sizeof label, "%sb[%zu]", prefix, c);
        yours_row(t, label, m->b[c], chapter_reference(o->lesson, ref, b_key, c), lib->b[c]);
    }
}

/* What the gradient descent of step 1 gave: the library's, or yours. */
typedef struct {
    Softmax m;         // W (K, d) and b (K), from W = 0, b = 0
    double *losses;    // (epochs) losses[e]: the loss before update e
    double *pred;      // (n) the class of the largest probability
    double accuracy;   // the share of pred equal to y
    size_t *counts;    // (K * K) the confusion matrix, row = true class
} GdRun;

static void gd_run_init(GdRun *r, size_t n, size_t k, size_t d, size_t epochs) {
    softmax_init(&r->m, k, d);
    r->losses = vec_new(epochs);
    r->pred = vec_new(n);
    r->accuracy = 0.0;
    r->counts = lr_calloc(k * k, sizeof *r->counts);
}

static void gd_run_free(GdRun *r) {
    free(r->counts);
    free(r->pred);
    free(r->losses);
    softmax_free(&r->m);
}

/* The accuracy and confusion matrix of r->pred. */
static void gd_run_score(GdRun *r, const Dataset *ds) {
    r->accuracy = metrics_accuracy(r->pred, ds->y, ds->n);
    metrics_confusion_matrix(ds->y, r->pred, ds->n, r->m.k, r->counts);
}

// [snippet yours]
/* Step 1 with your functions: train_softmax (exercise 08, which runs your
 * cce_gradient and cce_loss), then every sample's K probabilities from your
 * softmax and its class from your predict_by_argmax (exercise 07). */
static void softmax_yours(const CourseRun *o, const Dataset *ds, GdRun *r) {
    size_t n = ds->n, d = ds->d, k = r->m.k;
    train_softmax(ds->X.data, ds->y, n, d, k, o->gd.lr, o->gd.epochs, r->m.W.data, r->m.b, r->losses);
    double *P = vec_new(n * k), *z = vec_new(k);
    for (size_t i = 0; i < n; i++) {
        // z_c = w_c . x_i + b_c, then row i of P = softmax(z)
        for (size_t c = 0; c < k; c++) z[c] = vec_dot(mat_row(&r->m.W, c), mat_row(&ds->X, i), d) + r->m.b[c];
        softmax(z, &P[i * k], k);
    }
    predict_by_argmax(P, n, k, r->pred);   // pred_i = argmax_c P_ic
    gd_run_score(r, ds);
    free(z);
    free(P);
}
// [end yours]

/* 1. The lesson's gradient descent, beside NumPy: the library's run lib, or
 * yours r (t: the tally of yours, NULL for the library's run). */
static void print_gd(const CourseRun *o, const GdRun *r, const GdRun *lib, YoursTally *t, const Reference *ref) {
    static const size_t EPOCHS[] = {0, 1, 10, 100, 999};
    const Softmax *m = &r->m;
    printf("1. Gradient descent: learning rate %g, %zu epoch%s, from W = 0, b = 0\n\n", o->gd.lr, o->gd.epochs,
           chapter_s(o->gd.epochs));
    if (t != NULL) printf("Your train_softmax, cce_gradient and cce_loss trained it; your softmax and\n"
                          "predict_by_argmax predicted the classes:\n\n");
    yours_header(t, o->lesson ? "NumPy reference" : NULL);
    size_t printed = 0;   // 1 + the last epoch printed
    for (int e = 0; e < 5; e++) {
        size_t epoch = EPOCHS[e] == 999 ? o->gd.epochs - 1 : EPOCHS[e];   // 999: the last epoch
        if (epoch >= o->gd.epochs || epoch < printed) continue;
        printed = epoch + 1;
        char label[32], key[32];
        snprintf(label, sizeof label, "loss[%zu]", epoch);
        snprintf(key, sizeof key, "gd_loss_%zu", epoch);
        yours_row(t, label, r->losses[epoch], chapter_reference(o->lesson, ref, key, 0), lib->losses[epoch]);
    }
    print_weights(o, m, &lib->m, t, "", "gd_W_", "gd_b", ref);
    yours_row(t, "accuracy", r->accuracy, chapter_reference(o->lesson, ref, "gd_accuracy", 0), lib->accuracy);
    for (size_t u = 0; t != NULL && u < m->k * m->k; u++) {   // the confusion matrix counts too
        char label[64];
        snprintf(label, sizeof label, "confusion[%zu][%zu]", u / m->k, u % m->k);
        yours_count(t, label, (double)r->counts[u],
                    o->lesson ? ref_value(ref, "gd_confusion", u) : (double)lib->counts[u]);
    }
    chapter_print_confusion(r->counts, m->k, o->lesson, ref, "gd_confusion");
    double sum_b = 0.0;
    for (size_t c = 0; c < m->k; c++) sum_b += m->b[c];
    printf("\nb_0 + ... + b_%zu = %.1e: the K gradients add up to 0 at every step, so\n"
           "weights that start at 0 stay centred (the same holds for every column of W).\n\n",
           m->k - 1, sum_b);
}

/* 2. The converged fit (when there is one: lib/diagnose), beside scikit-learn. */
static void print_converged(const CourseRun *o, const Softmax *m, const SoftmaxFitInfo *info,
                            const Matrix *X, double accuracy, const Reference *ref) {
    int minimum = info->converged && info->separated == DIAG_FINITE;
    printf("2. %s: Newton's method, %zu steps, gradient norm %.1e%s\n", minimum ? "The converged fit" : "No minimum",
           info->iterations, info->grad_norm, info->converged ? "" : " (NOT converged)");
    char words[1024];
    diag_describe(info->separated, info->moved, words, sizeof words);
    printf("%s", words);
    if (o->lesson) {
        printf("   (scikit-learn stopped at gradient norm %.1e, after %.0f L-BFGS iterations)\n",
               ref_value(ref, "sk_grad_norm", 0), ref_value(ref, "sk_n_iter", 0));
    }
    printf("\nProbabilities of the first samples: these are what the model means, so they\n"
           "are what we compare.\n");
    print_head(o, "", "scikit-learn");
    Matrix first = {X->rows < 5 ? X->rows : 5, X->cols, X->data};
    Matrix P = mat_new(first.rows, m->k);
    softmax_predict_proba(m, &first, &P);
    for (size_t i = 0; i < first.rows; i++) {
        char label[64], key[32];
        snprintf(key, sizeof key, "sk_proba_%zu", i);
        for (size_t c = 0; c < m->k; c++) {
            snprintf(label, sizeof label, "P[%zu][%zu]", i, c);
            chapter_compare(label, *mat_at(&P, i, c), chapter_reference(o->lesson, ref, key, c));
        }
    }
    mat_free(&P);
    printf("\nWeights, centred (sum over classes 0): adding one vector to every w_c changes\n"
           "no probability, so only centred weights can be compared.%s\n",
           o->lesson ? " They agree only as\nfar as scikit-learn converged." : "");
    print_head(o, "", "scikit-learn");
    print_weights(o, m, m, NULL, "conv_", "sk_coef_centered_", "sk_intercept_centered", ref);
    chapter_compare("conv_loss", info->loss, chapter_reference(o->lesson, ref, "sk_loss", 0));
    chapter_compare("conv_accuracy", accuracy, chapter_reference(o->lesson, ref, "sk_accuracy", 0));
    printf("\n");
}

/* 3. One-vs-rest (chapter 7) on the same data and settings. */
static void print_versus_ovr(const CourseRun *o, const Dataset *ds, const double *pred_gd,
                             double accuracy_gd, double accuracy_conv, const Reference *ovr_ref) {
    Ovr ovr;
    ovr_init(&ovr, o->data.classes, ds->d);
    LogRegParams par = {.lr = o->gd.lr, .epochs = o->gd.epochs, .lambda = 0.0};
    if (ovr_fit_gd(&ovr, &ds->X, ds->y, &par, NULL).status != TRAIN_OK) {
        printf("3. One-vs-rest with the same learning rate diverged, so there is nothing to compare.\n\n");
        ovr_free(&ovr);
        return;
    }
    double *pred_ovr = vec_new(ds->n);
    ovr_predict(&ovr, &ds->X, pred_ovr);
    double accuracy_ovr = metrics_accuracy(pred_ovr, ds->y, ds->n);
    size_t disagree = ds->n - metrics_correct(pred_ovr, pred_gd, ds->n);
    printf("3. Against one-vs-rest (chapter 7), same data, learning rate and epochs\n\n");
    print_head(o, "", "OvR reference");
    chapter_compare("ovr_accuracy", accuracy_ovr, chapter_reference(o->lesson, ovr_ref, "accuracy", 0));
    printf("\ntraining accuracy: one-vs-rest %.4f, softmax by gradient descent %.4f,\n"
           "softmax by Newton %.4f\n",
           accuracy_ovr, accuracy_gd, accuracy_conv);
    printf("One-vs-rest and softmax (gradient descent) predict different classes\n"
           "for %zu of %zu samples.\n",
           disagree, ds->n);
    printf("Softmax gives K probabilities that add up to 1 by construction;\none-vs-rest's do not (chapter 7).\n\n");
    free(pred_ovr);
    ovr_free(&ovr);
}

/* What the chapter computes. */
typedef struct {
    GdRun lib;             // the lesson's fit, gradient descent, by the library
    GdRun yours;           // the same with your functions
    const GdRun *gd;       // the one shown: yours when it ran, else the library's
    int mine;              // 1 when your functions ran
    Softmax best;          // the converged fit: Newton's method
    SoftmaxFitInfo info;   // how Newton's method ended
} Fits;

/* Step 1: the lesson's gradient descent from W = 0, b = 0, by the library
 * and (unless --lib) with your functions, printed beside NumPy. Returns
 * CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. Free f with
 * fits_free either way. */
static int train_gd(Fits *f, const Dataset *ds, const CourseRun *o, YoursTally *t, const Reference *ref) {
    size_t k = o->data.classes;
    softmax_init(&f->best, k, ds->d);
    gd_run_init(&f->lib, ds->n, k, ds->d, o->gd.epochs);
    gd_run_init(&f->yours, ds->n, k, ds->d, o->gd.epochs);
    f->gd = &f->lib;
    f->mine = 0;
    // [snippet train]
    Softmax *m = &f->lib.m;   // W = 0 (K x d), b = 0 (K)
    SoftmaxParams par = {.lr = o->gd.lr, .epochs = o->gd.epochs};
    TrainResult fit = softmax_fit_gd(m, &ds->X, ds->y, &par, f->lib.losses);
    if (fit.status != TRAIN_OK) return chapter_fit_status(fit, o->gd.lr, NULL);   // print no numbers
    softmax_predict(m, &ds->X, f->lib.pred);                                      // the class of the largest probability
    // [end train]
    gd_run_score(&f->lib, ds);
    if (yours_begin()) {
        softmax_yours(o, ds, &f->yours);
        f->mine = yours_end(8, "trains with lib/multiclass.c");
    }
    if (f->mine) f->gd = &f->yours;
    yours_tally_init(t, 8, o->lesson ? "NumPy" : "lib/");
    print_gd(o, f->gd, &f->lib, f->mine ? t : NULL, ref);
    return CHAPTER_DONE;
}

/* Step 2: the converged fit beside scikit-learn's, and both beside one-vs-rest.
 * Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED after saying why. */
static int converge(Fits *f, const Dataset *ds, const CourseRun *o, const Reference *ref, const Reference *ovr_ref) {
    // [snippet converge]
    SoftmaxNewtonParams newton = {.tol = SOFTMAX_NEWTON_TOL, .max_iter = SOFTMAX_NEWTON_MAX_ITER};
    LrError err;
    if (softmax_fit_newton(&f->best, &ds->X, ds->y, &newton, &f->info, &err) != 0) {
        // a singular Hessian: collinear columns, or classes that separate (lib/diagnose)
        int separated = f->info.separated == DIAG_COMPLETE || f->info.separated == DIAG_PARTIAL;
        if (chapter_singular_status(ds, separated, &err) != CHAPTER_DONE) return CHAPTER_TRAINING_FAILED;
    }
    // [end converge]
    chapter_note_constant(ds);   // their weights stayed 0
    double *pred_best = vec_new(ds->n);
    softmax_predict(&f->best, &ds->X, pred_best);
    double accuracy_best = metrics_accuracy(pred_best, ds->y, ds->n);
    print_converged(o, &f->best, &f->info, &ds->X, accuracy_best, ref);
    print_versus_ovr(o, ds, f->gd->pred, f->gd->accuracy, accuracy_best, ovr_ref);
    if (!o->lesson) printf("(Options differ from the lesson's, so there is no reference to compare.)\n\n");
    free(pred_best);
    return CHAPTER_DONE;
}

static void fits_free(Fits *f) {
    softmax_free(&f->best);
    gd_run_free(&f->yours);
    gd_run_free(&f->lib);
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION3), .gd = course_gd(0.1, 1000)};
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 8: softmax regression, one model for K classes.", NULL, 0);
    Reference ref, ovr_ref;
    chapter_load_reference(&ref, "softmax-classification3.txt");
    chapter_load_reference(&ovr_ref, "ovr-classification3.txt");
    char about[256];
    chapter_print("Chapter 8: softmax regression on %s\n(%zu samples, %zu features, %zu classes)\n\n",
                  course_describe(&o.data, about, sizeof about), ds.n, ds.d, o.data.classes);

    Fits f;
    YoursTally t;
    int status = train_gd(&f, &ds, &o, &t, &ref);
    if (status == CHAPTER_DONE) status = converge(&f, &ds, &o, &ref, &ovr_ref);
    if (status == CHAPTER_DONE) {
        if (f.mine) {   // your step 1 against NumPy's, in one line
            char summary[96];
            snprintf(summary, sizeof summary, "loss[%zu] = %.6f, accuracy %.4f", o.gd.epochs - 1,
                     f.gd->losses[o.gd.epochs - 1], f.gd->accuracy);
            status = yours_verdict(&t, summary);
            printf("\n");
        }
        plots_regions(&pl, &f.gd->m, &ds, o.gd.epochs);
        plots_loss(&pl, f.gd->losses, o.gd.epochs, o.gd.lr, f.info.loss, f.info.converged && f.info.separated == DIAG_FINITE);
    }

    fits_free(&f);
    ref_free(&ovr_ref);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
