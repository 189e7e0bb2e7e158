/* Chapter 10, step 5: the lesson's gradient descent on the polynomial
 * features as they are (not standardised), the loop of exercise 10's
 * fit_polynomial, by the library and with your functions. */
#include "gd.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "exercises.h"
#include "feature.h"
#include "metrics.h"
#include "yours.h"

/* One run of step 5: the model and what it scores. */
typedef struct {
    LogReg m;           // w on the expanded columns, and b
    double loss;        // the loss before the last update
    double train_acc;   // accuracies at threshold 1/2
    double test_acc;
} PolyGd;

/* The share of ds that m predicts right on the columns P of ds. */
static double accuracy_on(const LogReg *m, const Matrix *P, const Dataset *ds) {
    double *pred = vec_new(ds->n);
    logreg_predict(m, P, 0.5, pred);
    double acc = metrics_accuracy(pred, ds->y, ds->n);
    free(pred);
    return acc;
}

/* The library's run. Returns 0, or -1 after one line when it failed. */
static int fit_lib(const Dataset *train, const Dataset *test, PolyGd *r) {
    Matrix P = feature_poly(&train->X, POLY_GD_DEGREE), Q = feature_poly(&test->X, POLY_GD_DEGREE);
    logreg_init(&r->m, P.cols);
    LogRegParams par = {.lr = POLY_GD_LR, .epochs = POLY_GD_EPOCHS, .lambda = 0.0};
    double *losses = vec_new(POLY_GD_EPOCHS);
    TrainResult fit = logreg_fit_gd(&r->m, &P, train->y, &par, losses);
    r->loss = losses[POLY_GD_EPOCHS - 1];
    r->train_acc = accuracy_on(&r->m, &P, train);
    r->test_acc = accuracy_on(&r->m, &Q, test);
    if (fit.status != TRAIN_OK) {
        printf("5. Gradient descent on the raw degree-%d columns at lr %g %s on these data:\n"
               "   the columns are too large for that learning rate (step 4 shows why);\n"
               "   nothing to compare.\n\n",
               POLY_GD_DEGREE, POLY_GD_LR, fit.status == TRAIN_DIVERGED ? "diverged" : "overflowed");
    }
    free(losses);
    mat_free(&Q);
    mat_free(&P);
    return fit.status == TRAIN_OK ? 0 : -1;
}

/* Every row of ds expanded by your poly_expand into P (n, m), m the
 * library's count (your poly_count agreed with it). */
static Matrix expand_yours(const Dataset *ds, size_t m) {
    Matrix P = mat_new(ds->n, m);
    for (size_t i = 0; i < ds->n; i++) poly_expand(mat_row(&ds->X, i), ds->d, POLY_GD_DEGREE, mat_row(&P, i));
    return P;
}

/* The share of ds that w, b predict right with your sigmoid on the columns P. */
static double accuracy_yours(const LogReg *m, const Matrix *P, const Dataset *ds) {
    double *p = vec_new(ds->n);
    yours_predict_proba(P->data, ds->n, P->cols, m->w, m->b, p);
    for (size_t i = 0; i < ds->n; i++) p[i] = p[i] >= 0.5 ? 1.0 : 0.0;   // pred_i = [p_i >= 1/2]
    double acc = metrics_accuracy(p, ds->y, ds->n);
    free(p);
    return acc;
}

// [snippet yours]
/* Step 5 with your functions: fit_polynomial (exercise 10, which runs your
 * poly_expand, gradient and gd_step), then the loss before the last update
 * (a run of one epoch fewer, your sigmoid and bce_mean) and the accuracies
 * on your expansion of both sets. P gets your expansion of train. */
static void fit_yours(const Dataset *train, const Dataset *test, PolyGd *r, Matrix *P) {
    size_t m = r->m.d;
    *P = expand_yours(train, m);
    double *p = vec_new(train->n);
    fit_polynomial(train->X.data, train->y, train->n, train->d, POLY_GD_DEGREE, POLY_GD_LR, POLY_GD_EPOCHS - 1,
                   r->m.w, &r->m.b);
    yours_predict_proba(P->data, train->n, m, r->m.w, r->m.b, p);
    r->loss = bce_mean(train->y, p, train->n);
    fit_polynomial(train->X.data, train->y, train->n, train->d, POLY_GD_DEGREE, POLY_GD_LR, POLY_GD_EPOCHS,
                   r->m.w, &r->m.b);
    Matrix Q = expand_yours(test, m);
    r->train_acc = accuracy_yours(&r->m, P, train);
    r->test_acc = accuracy_yours(&r->m, &Q, test);
    mat_free(&Q);
    free(p);
}
// [end yours]

/* The table: r (the library's run when t is NULL, else yours, counted in t)
 * beside NumPy's or the library's lib. */
static void print_run(const PolyGd *r, const PolyGd *lib, YoursTally *t, int lesson, const Reference *ref) {
    yours_header(t, lesson ? "NumPy reference" : NULL);
    for (size_t j = 0; j < r->m.d; j++) {
        char label[32];
        snprintf(label, sizeof label, "poly_w[%zu]", j);
        yours_row(t, label, r->m.w[j], lesson ? ref_value(ref, "gd_poly3_w", j) : NAN, lib->m.w[j]);
    }
    yours_row(t, "poly_b", r->m.b, lesson ? ref_value(ref, "gd_poly3_b", 0) : NAN, lib->m.b);
    char label[32];
    snprintf(label, sizeof label, "poly_loss[%d]", POLY_GD_EPOCHS - 1);
    yours_row(t, label, r->loss, lesson ? ref_value(ref, "gd_poly3_loss_999", 0) : NAN, lib->loss);
    yours_row(t, "poly_train_acc", r->train_acc, lesson ? ref_value(ref, "gd_poly3_train_acc", 0) : NAN,
              lib->train_acc);
    yours_row(t, "poly_test_acc", r->test_acc, lesson ? ref_value(ref, "gd_poly3_test_acc", 0) : NAN,
              lib->test_acc);
    printf("\n");
}

/* Your run, when exercise 10 is written: its numbers counted in t against
 * NumPy's (lesson) or the library's lib. Returns 0 when it did not run (the
 * line saying why is printed), 1 when it ran, 2 when it ran but your
 * poly_count disagreed, so fit_polynomial was not called. */
static int run_yours(const Dataset *train, const Dataset *test, const PolyGd *lib, YoursTally *t, PolyGd *r) {
    size_t m = lib->m.d, count = poly_count(train->d, POLY_GD_DEGREE);
    Matrix P = {0, 0, NULL};
    if (count == m) fit_yours(train, test, r, &P);
    if (!yours_end(10, "trains with lib/feature.c and lib/logreg.c")) {
        mat_free(&P);
        return 0;
    }
    yours_count(t, "poly_count(2, 3)", (double)count, (double)m);
    Matrix L = feature_poly(&train->X, POLY_GD_DEGREE);             // the library's: scikit-learn's to the bit (step 2)
    const char *const *names = (const char *const *)train->names;   // the header's, x1 and x2 for the moons
    for (size_t k = 0; P.data != NULL && k < L.rows * m; k++) {
        char label[128], name[96];
        feature_poly_name(2, POLY_GD_DEGREE, k % m, names, name, sizeof name);
        snprintf(label, sizeof label, "%s of sample %zu", name, k / m);
        yours_count(t, label, P.data[k], L.data[k]);
    }
    mat_free(&L);
    mat_free(&P);
    if (count == m) return 1;
    printf("Your poly_count(2, %d) is %zu, not %zu, so fit_polynomial did not run.\n", POLY_GD_DEGREE, count, m);
    return 2;
}

int poly_gd(const Dataset *train, const Dataset *test, int lesson, const Reference *ref, LogReg *m) {
    PolyGd lib, yours = {.loss = 0.0, .train_acc = 0.0, .test_acc = 0.0};
    *m = (LogReg){0, NULL, 0.0};
    if (fit_lib(train, test, &lib) != 0) {
        logreg_free(&lib.m);
        return 0;
    }
    printf("5. The lesson's gradient descent on the degree-%d columns as they are:\n"
           "   lr %g, %d epochs from w = 0, b = 0 (exercise 10's fit_polynomial)\n\n",
           POLY_GD_DEGREE, POLY_GD_LR, POLY_GD_EPOCHS);
    YoursTally t;
    yours_tally_init(&t, 10, lesson ? "NumPy" : "lib/");
    logreg_init(&yours.m, lib.m.d);
    int ran = yours_begin() ? run_yours(train, test, &lib, &t, &yours) : 0;
    if (ran == 1) printf("Your poly_expand and fit_polynomial (with your gradient and gd_step) trained it:\n\n");
    if (ran != 2) print_run(ran ? &yours : &lib, &lib, ran ? &t : NULL, lesson, ref);
    int status = 0;
    if (ran) {
        char summary[128];
        snprintf(summary, sizeof summary, "b = %.6f, held-out accuracy %.4f", yours.m.b, yours.test_acc);
        status = yours_verdict(&t, summary);
        printf("\n");
    }
    *m = ran == 1 ? yours.m : lib.m;   // the model shown: yours when it trained
    logreg_free(ran == 1 ? &lib.m : &yours.m);
    return status;
}

void poly_gd_proba(const void *model, const Matrix *X, double *p) {
    Matrix P = feature_poly(X, POLY_GD_DEGREE);
    logreg_predict_proba(model, &P, p);
    mat_free(&P);
}
