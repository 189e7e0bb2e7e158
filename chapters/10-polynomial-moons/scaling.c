/* Chapter 10, step 4: what standardising does for gradient descent. The
 * same data expanded to a high degree, with the columns as they are and
 * standardised, trained by gradient descent at a small and a large
 * learning rate: only the standardised columns train at both. */
#include "scaling.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "feature.h"
#include "logreg.h"
#include "metrics.h"

#define SCALING_EPOCHS 1000   // gradient descent epochs in the comparison

/* One run of gradient descent on the columns P: its final loss and accuracy,
 * or, when training stopped (lib/train's watch), how it ended. */
static void gd_run(const char *what, const Matrix *P, const double *y, double lr) {
    LogReg m;
    logreg_init(&m, P->cols);
    LogRegParams par = {.lr = lr, .epochs = SCALING_EPOCHS, .lambda = 0.0};
    double *losses = vec_new(SCALING_EPOCHS);   // losses[e]: the loss before update e
    TrainResult fit = logreg_fit_gd(&m, P, y, &par, losses);
    printf("%-14s %6g   ", what, lr);
    if (fit.status == TRAIN_DIVERGED) {
        printf("diverged: the loss went from %.3f up to %.3g\n", fit.start_loss, fit.last_loss);
    } else if (fit.status == TRAIN_NOT_FINITE) {
        printf("stopped: the weights overflowed after %zu epochs\n", fit.epochs);
    } else {
        double end = logreg_loss(&m, P, y, 0.0);
        double *pred = vec_new(P->rows);
        logreg_predict(&m, P, 0.5, pred);
        printf("%10.4f   %8.4f\n", end, metrics_accuracy(pred, y, P->rows));
        free(pred);
    }
    free(losses);
    logreg_free(&m);
}

void scaling_experiment(const Dataset *ds, size_t degree) {
    Matrix raw = feature_poly(&ds->X, degree), scaled = feature_poly(&ds->X, degree);
    Scaler sc;
    feature_scaler_fit(&sc, &raw);
    feature_scaler_apply(&sc, &scaled);
    double lo = INFINITY, hi = 0;
    for (size_t j = 0; j < sc.d; j++) {
        lo = fmin(lo, sc.scale[j]);
        hi = fmax(hi, sc.scale[j]);
    }
    printf("4. What standardising does for gradient descent: degree %zu (%zu columns),\n"
           "   %d epochs from w = 0. The raw columns' standard deviations run from\n"
           "   %.3g to %.3g; standardised, all are 1.\n\n",
           degree, raw.cols, SCALING_EPOCHS, lo, hi);
    printf("%-14s %6s   %10s   %8s\n", "columns", "lr", "final loss", "train acc");
    gd_run("raw", &raw, ds->y, 0.1);
    gd_run("raw", &raw, ds->y, 10);
    gd_run("standardised", &scaled, ds->y, 0.1);
    gd_run("standardised", &scaled, ds->y, 10);
    printf("\n");
    feature_scaler_free(&sc);
    mat_free(&scaled);
    mat_free(&raw);
}
