/* Chapter 10: polynomial features make a linear model bend.
 *
 * On the two moons (make_moons, 300 samples, noise 0.2) a straight line
 * cannot separate the classes: the lesson's gradient descent gets about 86%.
 * Expanding (x1, x2) into every product up to degree D, standardising the
 * new columns, and fitting the same logistic regression (to its optimum, by
 * Newton's method) gives a curved boundary. A degree sweep prints training
 * and held-out accuracy beside scikit-learn's, without a penalty
 * (lambda = 1e-10, C = 1e10) and with L2 (lambda = 1, C = 1). Last, the
 * lesson's gradient descent on the raw degree-3 columns: once exercise 10
 * is written, with your poly_expand and fit_polynomial, beside NumPy's.
 *
 *     make chapter-10 && ./chapter-10 [--degree D] [--lambda L] [--seed N] [--noise SD]
 *                                    [--data FILE.csv] [--test FILE.csv]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "course.h"
#include "feature.h"
#include "logreg.h"
#include "metrics.h"
#include "polyreg.h"
#include "regions.h"

#include "10-polynomial-moons/gd.h"
#include "10-polynomial-moons/plane.h"
#include "10-polynomial-moons/scaling.h"

#define MAX_DEGREE 8       // the sweep's highest degree (scikit-learn's reference goes to 8)
#define NO_PENALTY 1e-10   // lambda = 1 / C for scikit-learn's C = 1e10: "no" regularisation
#define HELD_OUT 0.25      // the part of --data held out when there is no --test (train_test_split's default)

typedef struct {
    CourseRun run;       // the training set: make_moons(300, noise=0.2, random_state=42) unless changed
    CourseData test;     // the held-out set: the same with random_state=1, or --test FILE.csv
    CourseSplit split;   // with --data and no --test: a quarter of its rows held out
    char about[256];     // what the training data are, for messages
    size_t degree;       // the degree whose boundary is drawn
    double lambda;       // the L2 strength of the regularised fits
    int lesson;          // 1 when data and test are the lesson's: compare with scikit-learn
} Options;

/* The command line, the plotter and both data sets (the held-out set made
 * like the training set, or a quarter of --data drawn at random), or exits 2. */
static void start(Options *o, Plotter *pl, Dataset *train, Dataset *test, int argc, char **argv) {
    *o = (Options){.run = {.data = course_defaults(COURSE_MOONS)}, .test = course_defaults(COURSE_MOONS), .degree = 3, .lambda = 1.0};
    o->test.seed = 1;
    o->split = (CourseSplit){.fraction = HELD_OUT, .test = &o->test.data, .seed = &o->test.seed, .into = test};
    o->run.data.split = &o->split;
    o->run.data.features = 2;   // checked before any warning or note
    o->run.data.features_why = "this chapter draws the plane";
    ChapterOption extra[] = {
        {"--test", "FILE.csv", "held-out CSV file instead of the generated one", OPT_TEXT, &o->test.data, 0, 0, 0},
        {"--test-seed", "N", "random_state of the held-out set, made or split from --data (default 1)", OPT_COUNT,
         &o->test.seed, 0,
         4294967295.0, 0},
        {"--degree", "D", "the degree whose boundary is drawn (default 3)", OPT_COUNT, &o->degree, 1, MAX_DEGREE, 0},
        {"--lambda", "L", "L2 strength of the regularised fits (default 1, scikit-learn's C = 1)", OPT_REAL,
         &o->lambda, 1e-10, 1e6, 0},
    };
    course_run(&o->run, pl, train, argc, argv, "Chapter 10: polynomial features on the two moons.", extra, 4);
    if (extra[0].given && extra[1].given) {   // --test-seed would be ignored
        dataset_free(train);
        course_free(&o->run.data);
        chapter_fail("--test and --test-seed: --test-seed makes the held-out set, and --test reads yours instead; "
                     "leave out one of them");
    }
    o->test.samples = o->run.data.samples;   // the held-out set is made like the training set
    o->test.noise = o->run.data.noise;
    o->lesson = o->run.lesson && !extra[0].given && !extra[1].given;
    course_describe(&o->run.data, o->about, sizeof o->about);
    if (!o->split.done) course_load_held_out(&o->run.data, &o->test, test);
}

/* The heading: the training set and the held-out set, and how it was made. */
static void print_heading(const Options *o, const Dataset *train, const Dataset *test) {
    char held_out[256];
    chapter_print("Chapter 10: polynomial features on %s (%zu samples),\n", o->about, train->n);
    if (!o->split.done) {
        chapter_print("held out: %s (%zu samples)\n\n", course_describe(&o->test, held_out, sizeof held_out), test->n);
        return;
    }
    printf("held out: %zu of its %zu rows, drawn at random as scikit-learn's\n"
           "train_test_split(test_size=%g, random_state=%zu) draws them\n"
           "(--test-seed N draws others; --test FILE.csv reads a held-out file)\n\n",
           test->n, train->n + test->n, HELD_OUT, o->test.seed);
}

/* ---- the sweep ------------------------------------------------------------------ */

typedef struct {
    double train, test;   // accuracies
    double max_weight;    // largest |w_j|
    int converged;        // Newton's method met its tolerance
} SweepRow;

/* Fits every degree 1..MAX_DEGREE with the given lambda. */
static void sweep(const Dataset *train, const Dataset *test, double lambda, SweepRow *rows) {
    for (size_t d = 1; d <= MAX_DEGREE; d++) {
        PolyModel pm;
        polyreg_fit(&pm, train, d, lambda);
        rows[d - 1] = (SweepRow){polyreg_accuracy(&pm, train), polyreg_accuracy(&pm, test), polyreg_max_weight(&pm),
                                 pm.ok && pm.result.converged};
        polyreg_free(&pm);
    }
}

static void print_sweep(const char *title, const char *suffix, const SweepRow *rows, const Reference *ref,
                        int lesson) {
    printf("%s\n", title);
    printf("%-9s %7s  %7s %7s  %7s %7s  %11s\n", "degree", "columns", "train", lesson ? "sklearn" : "",
           "test", lesson ? "sklearn" : "", "largest |w|");
    for (size_t d = 1; d <= MAX_DEGREE; d++) {
        const SweepRow *r = &rows[d - 1];
        char label[32], key[64], ref_train[16] = "", ref_test[16] = "";
        snprintf(label, sizeof label, "deg_%zu%s", d, suffix);
        if (lesson) {
            snprintf(key, sizeof key, "train_acc_deg_%zu%s", d, suffix);
            snprintf(ref_train, sizeof ref_train, "%7.4f", ref_value(ref, key, 0));
            snprintf(key, sizeof key, "test_acc_deg_%zu%s", d, suffix);
            snprintf(ref_test, sizeof ref_test, "%7.4f", ref_value(ref, key, 0));
        }
        printf("%-9s %7zu  %7.4f %7s  %7.4f %7s  %11.3g%s\n", label, feature_poly_count(2, d), r->train,
               ref_train, r->test, ref_test, r->max_weight, r->converged ? "" : " (not converged)");
    }
}

/* Training and held-out accuracy against the degree, with and without L2. */
static void plot_sweep(const Plotter *pl, const SweepRow *loose, const SweepRow *tight, double lambda) {
    Plot p;
    plot_begin(&p, "chapter-10-sweep");
    plot_data_begin(&p, "acc");
    for (size_t d = 1; d <= MAX_DEGREE; d++) {
        const SweepRow *l = &loose[d - 1], *t = &tight[d - 1];
        plot_data_row(&p, 5, (double[]){(double)d, l->train, l->test, t->train, t->test});
    }
    plot_data_end(&p);
    plot_title(&p, "Accuracy against the degree: the held-out set shows when more degrees stop helping");
    plot_cmd(&p, "set xlabel 'polynomial degree D'");
    plot_cmd(&p, "set ylabel 'accuracy'");
    plot_cmd(&p, "set xrange [0.7:%g]", MAX_DEGREE + 0.3);
    plot_cmd(&p, "set xtics 1");
    plot_cmd(&p, "set yrange [0.8:1.01]");
    plot_key_below(&p, 4);   // inside, the key covers the L2 curves
    plot_cmd(&p, "plot $acc using 1:2 with linespoints lt 2 dt 2 pt 4 ps 1.3 title 'no penalty, training', "
                 "$acc using 1:3 with linespoints lt 2 pt 5 ps 1.3 title 'no penalty, held-out', "
                 "$acc using 1:4 with linespoints lt 1 dt 2 pt 6 ps 1.3 title 'L2 (λ = %g), training', "
                 "$acc using 1:5 with linespoints lt 1 pt 7 ps 1.3 title 'L2 (λ = %g), held-out'",
             lambda, lambda);
    chapter_show(pl, &p);
}

/* ---- the printout ------------------------------------------------------------------ */

static void print_linear(const LogReg *lin, double train_acc, double test_acc, const Reference *ref, int lesson,
                         int standardised, const Dataset *ds) {
    chapter_print("1. A straight line: the lesson's gradient descent (lr 0.1, 1000 epochs)\n"
                  "   on %s, %s %s\n",
                  ds->names[0], ds->names[1], standardised ? "standardised" : "as they are");
    chapter_compare_head("", lesson ? "NumPy reference" : NULL);
    chapter_compare("w[0]", lin->w[0], lesson ? ref_value(ref, "gd_linear_w", 0) : NAN);
    chapter_compare("w[1]", lin->w[1], lesson ? ref_value(ref, "gd_linear_w", 1) : NAN);
    chapter_compare("b", lin->b, lesson ? ref_value(ref, "gd_linear_b", 0) : NAN);
    chapter_compare("train_acc", train_acc, lesson ? ref_value(ref, "gd_linear_train_acc", 0) : NAN);
    chapter_compare("test_acc", test_acc, lesson ? ref_value(ref, "gd_linear_test_acc", 0) : NAN);
}

/* The first sample expanded to degree 3, and the scaler's mean and
 * deviation of each column, beside scikit-learn's. */
static void print_features(const Dataset *ds, const Reference *ref, int lesson) {
    Matrix P = feature_poly(&ds->X, 3);
    Scaler sc;
    feature_scaler_fit(&sc, &P);
    chapter_print("2. Polynomial features: the first sample (%s = %.4f, %s = %.4f) to\n"
                  "   degree 3, and each column's mean and standard deviation over the training\n"
                  "   set (the scaler's)\n",
                  ds->names[0], *mat_at(&ds->X, 0, 0), ds->names[1], *mat_at(&ds->X, 0, 1));
    // without scikit-learn's columns (not the lesson's data) the header's names get their room
    if (lesson) printf("%-6s %15s %15s %8s %10s %9s  %s\n", "", "value", "scikit-learn", "|diff|", "mean", "std", "column");
    else printf("%-6s %15s %10s %9s  %s\n", "", "value", "mean", "std", "column");
    for (size_t k = 0; k < P.cols; k++) {
        char label[32], name[96];
        snprintf(label, sizeof label, "f3[%zu]", k);
        feature_poly_name(2, 3, k, (const char *const *)ds->names, name, sizeof name);   // the header's names
        double want = lesson ? ref_value(ref, "features_deg3_row0", k) : NAN;
        printf("%-6s %15.12f", label, *mat_at(&P, 0, k));
        if (lesson) printf(" %15.12f %8.1e", want, fabs(*mat_at(&P, 0, k) - want));
        printf(" %10.6f %9.6f  %.*s\n", sc.mean[k], sc.scale[k], lesson ? 10 : 35, name);   // within 80 columns
    }
    if (lesson) {
        double worst = 0;
        for (size_t k = 0; k < P.cols; k++) {
            worst = fmax(worst, fabs(sc.mean[k] - ref_value(ref, "mean_deg3", k)));
            worst = fmax(worst, fabs(sc.scale[k] - ref_value(ref, "std_deg3", k)));
        }
        printf("scaler_max_diff %.1e   (the largest |ours - StandardScaler's|\n"
               "                          over the 9 means and deviations)\n",
               worst);
    }
    printf("\n");
    feature_scaler_free(&sc);
    mat_free(&P);
}

/* ---- main ------------------------------------------------------------------------- */

/* Part 1: the lesson's straight line, its accuracies printed beside NumPy's
 * and its picture. Returns CHAPTER_DONE, or CHAPTER_TRAINING_FAILED (after
 * saying why) when gradient descent failed on the given data. */
static int straight_line(const Plotter *pl, const Options *o, const Dataset *train, const Dataset *test,
                         const Reference *ref) {
    LogReg lin;
    logreg_init(&lin, 2);
    LogRegParams par = {.lr = 0.1, .epochs = 1000, .lambda = 0.0};
    char where[300];
    snprintf(where, sizeof where, "on %s (the straight line)", o->about);
    if (chapter_fit_status(logreg_fit_gd(&lin, &train->X, train->y, &par, NULL), par.lr, where) != CHAPTER_DONE) {
        logreg_free(&lin);
        return CHAPTER_TRAINING_FAILED;
    }
    double *pred = vec_new(train->n > test->n ? train->n : test->n);
    logreg_predict(&lin, &train->X, 0.5, pred);
    double train_acc = metrics_accuracy(pred, train->y, train->n);
    logreg_predict(&lin, &test->X, 0.5, pred);
    double test_acc = metrics_accuracy(pred, test->y, test->n);
    free(pred);
    print_linear(&lin, train_acc, test_acc, ref, o->lesson, o->run.data.standardize, train);
    char heading[160];
    snprintf(heading, sizeof heading, "A straight line cannot follow the moons: training accuracy %.2f", train_acc);
    plot_surface(pl, "chapter-10-linear", heading, regions_logreg_proba, &lin, train);
    printf("\n");
    logreg_free(&lin);
    return 0;
}

/* Part 3: every degree without and with the penalty, printed and plotted. */
static void degree_sweep(const Plotter *pl, const Options *o, const Dataset *train, const Dataset *test,
                         const Reference *ref) {
    printf("3. The degree sweep: expand to degree D, standardise (fitted on the training\n"
           "   set), fit by Newton's method to the optimum; accuracy on the training and\n"
           "   held-out sets\n\n");
    SweepRow loose[MAX_DEGREE], tight[MAX_DEGREE];
    sweep(train, test, NO_PENALTY, loose);
    sweep(train, test, o->lambda, tight);
    print_sweep("Without a penalty: lambda = 1e-10 (scikit-learn's C = 1e10)", "", loose, ref, o->lesson);
    if (o->lesson) {
        printf("From degree 5 on the training set is (nearly) separable: the optimum is at\n"
               "infinity, the weights grow until the solver stops, and ours and scikit-learn's\n"
               "stop in different places. Compare only degrees 1-4 here.\n");
    }
    char title[128];
    snprintf(title, sizeof title, "\nWith L2: lambda = %g (scikit-learn's C = %g)", o->lambda, 1.0 / o->lambda);
    // the rows are named after scikit-learn's C = 1 only when that is what they are
    print_sweep(title, o->lambda == 1.0 ? "_C1" : "_L2", tight, ref, o->lesson && o->lambda == 1.0);
    if (!o->lesson) printf("(Data differ from the lesson's: no scikit-learn reference to compare with.)\n");
    plot_sweep(pl, loose, tight, o->lambda);
    printf("\n");
}

/* The chosen degree's boundary, and the highest degree without and with L2. */
static void boundaries(const Plotter *pl, const Options *o, const Dataset *train, const Dataset *test) {
    PolyModel chosen;
    polyreg_fit(&chosen, train, o->degree, NO_PENALTY);
    printf("Degree %zu without a penalty: training accuracy %.4f, held-out %.4f\n", o->degree,
           polyreg_accuracy(&chosen, train), polyreg_accuracy(&chosen, test));
    char heading[160];
    snprintf(heading, sizeof heading, "Degree %zu polynomial features: the boundary curves between the moons", o->degree);
    plot_surface(pl, "chapter-10-boundary", heading, polyreg_proba_fn, &chosen, train);
    if (plot_drawn(pl)) {   // the highest degree without and with L2, for their picture only
        PolyModel high_loose, high_tight;
        polyreg_fit(&high_loose, train, MAX_DEGREE, NO_PENALTY);
        polyreg_fit(&high_tight, train, MAX_DEGREE, o->lambda);
        plot_overfit(pl, &high_loose, &high_tight, o->lambda, train, test);
        polyreg_free(&high_loose);
        polyreg_free(&high_tight);
    }
    printf("\n");
    polyreg_free(&chosen);
}

/* Part 5: gradient descent on the raw degree-3 columns (your fit_polynomial
 * once it is written), and the picture of the model it trained. Returns 0,
 * or YOURS_DIFFER. */
static int fit_polynomial_step(const Plotter *pl, const Options *o, const Dataset *train, const Dataset *test,
                               const Reference *ref) {
    LogReg m;
    int status = poly_gd(train, test, o->lesson, ref, &m);
    if (m.d > 0) {
        char heading[160];
        snprintf(heading, sizeof heading, "Gradient descent on the raw degree-%d columns (%d epochs): a curved "
                                          "boundary, not yet the optimum",
                 POLY_GD_DEGREE, POLY_GD_EPOCHS);
        plot_surface(pl, "chapter-10-gd", heading, poly_gd_proba, &m, train);
    }
    logreg_free(&m);
    return status;
}

int main(int argc, char **argv) {
    Options o;
    Plotter pl;
    Dataset train, test;
    start(&o, &pl, &train, &test, argc, argv);
    Reference ref;
    chapter_load_reference(&ref, "poly-moons.txt");

    int status = 0;
    if (train.d != 2 || test.d != 2) {
        status = chapter_error(CHAPTER_BAD_INPUT, "this chapter draws the plane: %s and %s need exactly 2 "
                                                  "features, not %zu and %zu",
                               o.about,
                               o.test.data[0] != '\0' ? o.test.data : "the held-out set", train.d, test.d);
    }
    if (status == 0) {
        print_heading(&o, &train, &test);
        status = straight_line(&pl, &o, &train, &test, &ref);
    }
    if (status == 0) {
        print_features(&train, &ref, o.lesson);
        degree_sweep(&pl, &o, &train, &test, &ref);
        boundaries(&pl, &o, &train, &test);
        scaling_experiment(&train, MAX_DEGREE);
        status = fit_polynomial_step(&pl, &o, &train, &test, &ref);
    }

    ref_free(&ref);
    dataset_free(&test);
    dataset_free(&train);
    course_free(&o.run.data);
    return status;
}
