#include "logreg.h"

#include <stdlib.h>

#include "activation.h"
#include "loss.h"
#include "util.h"

void logreg_init(LogReg *m, size_t d) {
    m->d = d;
    m->w = vec_new(d);
    m->b = 0.0;
}

void logreg_free(LogReg *m) {
    free(m->w);
    *m = (LogReg){0, NULL, 0.0};
}

void logreg_predict_proba(const LogReg *m, const Matrix *X, double *p) {
    // p_i = sigma(w . x_i + b)
    mat_vec_bias(X, m->w, m->b, p);
    act_sigmoid_vec(p, p, X->rows);
}

void logreg_predict(const LogReg *m, const Matrix *X, double threshold, double *pred) {
    logreg_predict_proba(m, X, pred);
    for (size_t i = 0; i < X->rows; i++) pred[i] = pred[i] >= threshold ? 1.0 : 0.0;
}

double logreg_loss(const LogReg *m, const Matrix *X, const double *y, double lambda) {
    size_t n = X->rows;
    double *p = vec_new(n);
    logreg_predict_proba(m, X, p);
    // L = mean BCE + (lambda / 2n) ||w||^2
    double loss = loss_bce(y, p, n);
    if (lambda != 0.0) loss += lambda / (2.0 * (double)n) * vec_dot(m->w, m->w, m->d);
    free(p);
    return loss;
}

// [snippet gradient]
double logreg_gradient(const LogReg *m, const Matrix *X, const double *y,
                       double lambda, double *dw) {
    size_t n = X->rows;
    double *error = vec_new(n);   // (n) p_i - y_i
    logreg_predict_proba(m, X, error);
    double db = 0.0;
    for (size_t i = 0; i < n; i++) {
        error[i] -= y[i];
        db += error[i];
    }
    db /= (double)n;              // db = (1/n) sum_i (p_i - y_i)
    mat_t_vec(X, error, dw);      // dw = (1/n) X^T (p - y) + (lambda/n) w
    for (size_t j = 0; j < m->d; j++) {
        dw[j] = dw[j] / (double)n + lambda / (double)n * m->w[j];
    }
    free(error);
    return db;
}
// [end gradient]

// [snippet fit-gd]
void logreg_fit_gd(LogReg *m, const Matrix *X, const double *y,
                   const LogRegParams *par, double *losses) {
    double *dw = vec_new(m->d);
    for (size_t epoch = 0; epoch < par->epochs; epoch++) {
        if (losses != NULL) losses[epoch] = logreg_loss(m, X, y, par->lambda);
        double db = logreg_gradient(m, X, y, par->lambda, dw);
        // w <- w - lr dw,  b <- b - lr db
        for (size_t j = 0; j < m->d; j++) m->w[j] -= par->lr * dw[j];
        m->b -= par->lr * db;
    }
    free(dw);
}
// [end fit-gd]
