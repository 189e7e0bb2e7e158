/* Chapter 7: more than two classes, one-vs-rest.
 *
 * Trains K binary logistic regressions on three-class data (make_classification
 * with n_classes=3, 300 samples, 2 features), model c for "class c against
 * the rest", each by the lesson's gradient descent (lr 0.1, 1000 epochs), and
 * predicts the class whose model gives the largest probability. Prints each
 * model's weights, the confusion matrix, per-class precision and recall and
 * the accuracy beside the lesson-style NumPy values, and shows why the K
 * probabilities do not add up to 1. Plots the decision regions and where
 * the models disagree. Once exercise 07 is written, it trains with your
 * train_one_vs_rest (and so your gradient and gd_step), predicts with your
 * sigmoid and predict_by_argmax, and prints your numbers beside NumPy's.
 *
 *     make chapter-07 && ./chapter-07 [--data FILE.csv] [--classes K] [--lr RATE] [--epochs N]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "course.h"
#include "metrics.h"
#include "multiclass.h"
#include "exercises.h"
#include "regions.h"
#include "yours.h"

/* What the chapter computes, by the library or with your functions. */
typedef struct {
    Ovr m;             // the K binary models
    double *loss;      // (K) model c's loss before its last update
    Matrix P;          // (n, K) P_ic: model c's p(class c | x_i)
    double *pred;      // (n) the class of the largest P_ic
    size_t *counts;    // (K * K) the confusion matrix, row = true class
    double accuracy;   // the share of pred equal to y
} Trained;

static void trained_init(Trained *t, size_t n, size_t k, size_t d) {
    ovr_init(&t->m, k, d);
    t->loss = vec_new(k);
    t->P = mat_new(n, k);
    t->pred = vec_new(n);
    t->counts = lr_calloc(k * k, sizeof *t->counts);
    t->accuracy = 0.0;
}

static void trained_free(Trained *t) {
    free(t->counts);
    free(t->pred);
    mat_free(&t->P);
    free(t->loss);
    ovr_free(&t->m);
}

/* Each binary model's weights, bias and final loss beside NumPy's: the
 * library's run (tally NULL) or yours, t, counted in tally against NumPy's
 * or, when the options are not the lesson's, the library's run lib. */
static void print_models(const CourseRun *o, const Trained *t, const Trained *lib, YoursTally *tally,
                         const Reference *ref) {
    const Ovr *m = &t->m;
    yours_header(tally, o->lesson ? "NumPy reference" : NULL);
    for (size_t c = 0; c < m->k; c++) {
        printf("model %zu: class %zu (y = 1) against the rest (y = 0)\n", c, c);
        char label[64], key[64];
        snprintf(key, sizeof key, "w_%zu", c);
        for (size_t j = 0; j < m->d; j++) {
            snprintf(label, sizeof label, "w_%zu[%zu]", c, j);
            yours_row(tally, label, m->models[c].w[j], chapter_reference(o->lesson, ref, key, j),
                      lib->m.models[c].w[j]);
        }
        snprintf(label, sizeof label, "b_%zu", c);
        yours_row(tally, label, m->models[c].b, chapter_reference(o->lesson, ref, label, 0), lib->m.models[c].b);
        snprintf(label, sizeof label, "loss_%zu[%zu]", c, o->gd.epochs - 1);
        snprintf(key, sizeof key, "final_loss_%zu", c);
        yours_row(tally, label, t->loss[c], chapter_reference(o->lesson, ref, key, 0), lib->loss[c]);
    }
}

/* How far the K probabilities of a sample are from adding up to 1, and how
 * many samples no model, or more than one model, claims (p >= 1/2). */
static void print_probability_sums(const Matrix *P) {
    double lo = INFINITY, hi = -INFINITY;
    size_t unclaimed = 0, contested = 0;
    for (size_t i = 0; i < P->rows; i++) {
        double sum = 0.0;
        size_t claims = 0;
        for (size_t c = 0; c < P->cols; c++) {
            sum += *mat_at(P, i, c);
            claims += *mat_at(P, i, c) >= 0.5;
        }
        lo = fmin(lo, sum);
        hi = fmax(hi, sum);
        unclaimed += claims == 0;
        contested += claims > 1;
    }
    printf("\nThe K probabilities of a sample come from K separate models, so they\n"
           "need not add up to 1: their sum p_0 + ... + p_%zu ranges from %.4f to %.4f\n"
           "over the %zu samples. Of these, %zu %s claimed by no model (every p_c < 0.5)\n"
           "and %zu by two or more (p_c >= 0.5); the argmax gives each of them one class.\n",
           P->cols - 1, lo, hi, P->rows, unclaimed, unclaimed == 1 ? "is" : "are", contested);
}

/* Per-class precision and recall of counts, beside NumPy's (tally and lib
 * as in print_models). */
static void print_precision_recall(const CourseRun *o, const size_t *counts, const size_t *lib_counts, size_t k,
                                   YoursTally *tally, const Reference *ref) {
    double *precision = vec_new(k), *recall = vec_new(k), *lib_precision = vec_new(k), *lib_recall = vec_new(k);
    metrics_class_precision_recall(counts, k, precision, recall);
    metrics_class_precision_recall(lib_counts, k, lib_precision, lib_recall);
    printf("\n");
    for (size_t c = 0; c < k; c++) {
        char label[64];
        snprintf(label, sizeof label, "precision_%zu", c);
        yours_row(tally, label, precision[c], chapter_reference(o->lesson, ref, "precision", c), lib_precision[c]);
        snprintf(label, sizeof label, "recall_%zu", c);
        yours_row(tally, label, recall[c], chapter_reference(o->lesson, ref, "recall", c), lib_recall[c]);
    }
    free(lib_recall);
    free(lib_precision);
    free(recall);
    free(precision);
}

/* Each model's own boundary p_c = 1/2, that is w_c . x + b_c = 0, or
 * x2 = -(w_c0 x1 + b_c) / w_c1: a dashed line in the class's colour. */
static void boundary_lines(const Ovr *m, char *lines, size_t size) {
    lines[0] = '\0';
    for (size_t c = 0; c < m->k; c++) {
        const LogReg *mc = &m->models[c];
        char line[200];
        snprintf(line, sizeof line, "%s-(%.10g*x + %.10g)/%.10g with lines lt %zu dt 2 title 'p_%zu = 0.5'",
                 c > 0 ? ", " : "", mc->w[0], mc->b, mc->w[1], c + 1, c);
        strncat(lines, line, size - strlen(lines) - 1);
    }
}

/* The decision regions: the class of the most confident model. */
static void plot_regions(const Plotter *pl, const Ovr *m, const Dataset *ds, const Matrix *grid,
                         const RegionsBox *box) {
    double *cls = vec_new(grid->rows);
    ovr_predict(m, grid, cls);
    char lines[1200];
    boundary_lines(m, lines, sizeof lines);
    Plot p;
    plot_begin(&p, "chapter-07-regions");
    plot_title(&p, "One-vs-rest: the class of the most confident model");
    // the borders of the regions as exact lines z_a = z_b (the sigmoid keeps the order of the z_c)
    double W[2 * REGIONS_MAX_CLASSES], bias[REGIONS_MAX_CLASSES];
    for (size_t c = 0; c < m->k && c < REGIONS_MAX_CLASSES; c++) {
        W[2 * c] = m->models[c].w[0], W[2 * c + 1] = m->models[c].w[1], bias[c] = m->models[c].b;
    }
    if (regions_add_borders(&p, "borders", W, bias, m->k, box) > 0) {
        strncat(lines, ", $borders with lines lt 7 lw 1.5 notitle", sizeof lines - strlen(lines) - 1);
    }
    regions_draw(&p, grid, cls, ds, m->k, lines);
    chapter_show(pl, &p);
    free(cls);
}

/* How many of the K models claim each point of the plane (p_c >= 1/2):
 * none, exactly one, or two and more. */
static void plot_claims(const Plotter *pl, const Ovr *m, const Dataset *ds, const Matrix *grid) {
    Matrix P = mat_new(grid->rows, m->k);
    ovr_predict_proba(m, grid, &P);
    double *claims = vec_new(grid->rows);
    for (size_t t = 0; t < grid->rows; t++) {
        for (size_t c = 0; c < m->k; c++) claims[t] += *mat_at(&P, t, c) >= 0.5;
        claims[t] = fmin(claims[t], 2.0);
    }
    static const unsigned fill[3] = {0xF9DFA8, 0xFFFFFF, 0xC8C8C8};   // orange tint, white, grey
    static const char *const titles[3] = {"no model", "one model", "two or more"};
    char lines[1024];
    boundary_lines(m, lines, sizeof lines);
    Plot p;
    plot_begin(&p, "chapter-07-claims");
    plot_title(&p, "One-vs-rest: how many models say \"mine\" (p_c ≥ 0.5)");
    regions_draw_values(&p, grid, claims, 3, fill, titles, ds, m->k, lines);
    chapter_show(pl, &p);
    free(claims);
    mat_free(&P);
}

/* Step 1: the K models by gradient descent from w = 0, b = 0, and their
 * predictions, by the library. Returns CHAPTER_DONE, or
 * CHAPTER_TRAINING_FAILED after saying why. */
static int train(Trained *t, const Dataset *ds, const CourseRun *o) {
    size_t k = o->data.classes;
    // [snippet train]
    LogRegParams par = {.lr = o->gd.lr, .epochs = o->gd.epochs, .lambda = 0.0};
    Matrix losses = mat_new(k, o->gd.epochs);   // row c: model c's loss curve
    TrainResult fit = ovr_fit_gd(&t->m, &ds->X, ds->y, &par, &losses);

    ovr_predict_proba(&t->m, &ds->X, &t->P);
    multiclass_predict(&t->P, t->pred);   // the class of the largest P_ic
    metrics_confusion_matrix(ds->y, t->pred, ds->n, k, t->counts);
    // [end train]
    for (size_t c = 0; c < k; c++) t->loss[c] = *mat_at(&losses, c, o->gd.epochs - 1);
    t->accuracy = metrics_accuracy(t->pred, ds->y, ds->n);
    mat_free(&losses);
    return chapter_fit_status(fit, o->gd.lr, NULL);
}

// [snippet yours]
/* Step 1 with your functions: train_one_vs_rest (exercise 07, which runs
 * your gradient and gd_step), P from your sigmoid, the classes from your
 * predict_by_argmax. Each model's last loss (before its last update, as the
 * lesson records it) comes from a run of one epoch fewer and your
 * one_vs_rest_labels and bce_mean. */
static void train_yours(Trained *t, const Dataset *ds, const CourseRun *o) {
    size_t n = ds->n, d = ds->d, k = t->m.k;
    double *W = vec_new(k * d), *b = vec_new(k), *y_c = vec_new(n), *p = vec_new(n);
    train_one_vs_rest(ds->X.data, ds->y, n, d, k, o->gd.lr, o->gd.epochs - 1, W, b);
    for (size_t c = 0; c < k; c++) {
        one_vs_rest_labels(ds->y, n, c, y_c);
        yours_predict_proba(ds->X.data, n, d, &W[c * d], b[c], p);
        t->loss[c] = bce_mean(y_c, p, n);
    }
    train_one_vs_rest(ds->X.data, ds->y, n, d, k, o->gd.lr, o->gd.epochs, W, b);
    for (size_t c = 0; c < k; c++) {
        for (size_t j = 0; j < d; j++) t->m.models[c].w[j] = W[c * d + j];
        t->m.models[c].b = b[c];
        yours_predict_proba(ds->X.data, n, d, &W[c * d], b[c], p);   // column c of P
        for (size_t i = 0; i < n; i++) *mat_at(&t->P, i, c) = p[i];
    }
    predict_by_argmax(t->P.data, n, k, t->pred);
    metrics_confusion_matrix(ds->y, t->pred, n, k, t->counts);
    t->accuracy = metrics_accuracy(t->pred, ds->y, n);
    free(W);
    free(b);
    free(y_c);
    free(p);
}
// [end yours]

/* Step 2: the models, the probabilities, the confusion matrix and the
 * scores of t (the library's run lib, or yours), beside NumPy's. Returns 0,
 * or YOURS_DIFFER when yours differ. */
static int report(const Trained *t, const Trained *lib, int mine, const Dataset *ds, const CourseRun *o,
                  const Reference *ref) {
    size_t k = o->data.classes;
    YoursTally tally;
    yours_tally_init(&tally, 7, o->lesson ? "NumPy" : "lib/");
    YoursTally *tp = mine ? &tally : NULL;
    if (mine) printf("Your train_one_vs_rest trained the models; your sigmoid and predict_by_argmax\n"
                     "predicted the classes:\n\n");
    print_models(o, t, lib, tp, ref);
    print_probability_sums(&t->P);
    for (size_t u = 0; mine && u < k * k; u++) {   // the confusion matrix counts too
        char label[64];
        snprintf(label, sizeof label, "confusion[%zu][%zu]", u / k, u % k);
        yours_count(tp, label, (double)t->counts[u], o->lesson ? ref_value(ref, "confusion", u) : (double)lib->counts[u]);
    }
    chapter_print_confusion(t->counts, k, o->lesson, ref, "confusion");
    print_precision_recall(o, t->counts, lib->counts, k, tp, ref);
    printf("\n");
    yours_row(tp, "accuracy", t->accuracy, chapter_reference(o->lesson, ref, "accuracy", 0), lib->accuracy);
    printf("\nTraining accuracy: %.4f (%zu of %zu correct)\n", t->accuracy, metrics_correct(t->pred, ds->y, ds->n),
           ds->n);
    if (!o->lesson) printf("(Options differ from the lesson's, so there is no NumPy reference to compare.)\n");
    int status = 0;
    if (mine) {
        char summary[96];
        snprintf(summary, sizeof summary, "%zu models, accuracy %.4f", k, t->accuracy);
        status = yours_verdict(&tally, summary);
    }
    printf("\n");
    return status;
}

/* Step 3: the decision regions and the claims, in the plane. */
static void plot_plane(const Plotter *pl, const Ovr *m, const Dataset *ds) {
    if (ds->d != 2) {
        printf("(The data have %zu features, not 2, so there is no plane to draw the regions in.)\n", ds->d);
        return;
    }
    if (!plot_drawn(pl)) return;   // LR_PLOT=none: no grid to compute
    RegionsBox box = regions_box(&ds->X, REGIONS_MARGIN);
    Matrix grid = regions_grid(&box, REGIONS_STEPS);
    plot_regions(pl, m, ds, &grid, &box);
    plot_claims(pl, m, ds, &grid);
    mat_free(&grid);
}

int main(int argc, char **argv) {
    CourseRun o = {.data = course_defaults(COURSE_CLASSIFICATION3), .gd = course_gd(0.1, 1000)};
    o.gd.epochs_what = "gradient steps for each binary model";
    Plotter pl;
    Dataset ds;
    course_run(&o, &pl, &ds, argc, argv, "Chapter 7: one-vs-rest, K binary logistic regressions for K classes.",
               NULL, 0);
    Reference ref;
    chapter_load_reference(&ref, "ovr-classification3.txt");
    char about[256];
    chapter_print("Chapter 7: one-vs-rest on %s\n(%zu samples, %zu features, %zu classes)\n",
                  course_describe(&o.data, about, sizeof about), ds.n, ds.d, o.data.classes);
    printf("%zu binary models, each trained by gradient descent from w = 0, b = 0:\n"
           "learning rate %g, %zu epoch%s\n\n",
           o.data.classes, o.gd.lr, o.gd.epochs, chapter_s(o.gd.epochs));

    Trained lib, yours;
    trained_init(&lib, ds.n, o.data.classes, ds.d);
    trained_init(&yours, ds.n, o.data.classes, ds.d);
    int status = train(&lib, &ds, &o);
    int mine = status == CHAPTER_DONE && yours_begin();
    if (mine) {
        train_yours(&yours, &ds, &o);
        mine = yours_end(7, "trains with lib/multiclass.c");
    }
    if (status == CHAPTER_DONE) {   // print no numbers from a run that blew up
        const Trained *t = mine ? &yours : &lib;
        status = report(t, &lib, mine, &ds, &o, &ref);
        plot_plane(&pl, &t->m, &ds);
    }

    trained_free(&yours);
    trained_free(&lib);
    ref_free(&ref);
    dataset_free(&ds);
    course_free(&o.data);
    return status;
}
