#include "multiclass.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "activation.h"
#include "linalg.h"
#include "loss.h"

/* ---- labels, predictions and how good they are --------------------------- */

// [snippet vs-rest-labels]
void multiclass_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c) {
    // y_c[i] = 1 if sample i is of class c, else 0
    for (size_t i = 0; i < n; i++) y_c[i] = y[i] == (double)c ? 1.0 : 0.0;
}
// [end vs-rest-labels]

// [snippet argmax]
size_t multiclass_argmax(const double *p, size_t k) {
    // Strictly greater, so the first of equal values keeps the lead.
    size_t best = 0;
    for (size_t c = 1; c < k; c++) {
        if (p[c] > p[best]) best = c;
    }
    return best;
}
// [end argmax]

void multiclass_predict(const Matrix *P, double *pred) {
    for (size_t i = 0; i < P->rows; i++) pred[i] = (double)multiclass_argmax(mat_row(P, i), P->cols);
}

/* ---- one-vs-rest --------------------------------------------------------- */

void ovr_init(Ovr *m, size_t k, size_t d) {
    m->k = k;
    m->d = d;
    m->models = lr_malloc(k * sizeof *m->models);
    for (size_t c = 0; c < k; c++) logreg_init(&m->models[c], d);
}

void ovr_free(Ovr *m) {
    for (size_t c = 0; c < m->k && m->models != NULL; c++) logreg_free(&m->models[c]);
    free(m->models);
    *m = (Ovr){0, 0, NULL};
}

// [snippet ovr-fit]
TrainResult ovr_fit_gd(Ovr *m, const Matrix *X, const double *y, const LogRegParams *par, Matrix *losses) {
    double *y_c = vec_new(X->rows);   // (n) 1 for class c, 0 for the rest
    TrainResult fit = {TRAIN_OK, 0, NAN, NAN, NAN};
    for (size_t c = 0; c < m->k && fit.status == TRAIN_OK; c++) {
        multiclass_vs_rest_labels(y, X->rows, c, y_c);
        fit = logreg_fit_gd(&m->models[c], X, y_c, par, losses != NULL ? mat_row(losses, c) : NULL);
    }
    free(y_c);
    return fit;
}
// [end ovr-fit]

// [snippet ovr-predict]
void ovr_predict_proba(const Ovr *m, const Matrix *X, Matrix *P) {
    double *p_c = vec_new(X->rows);   // (n) model c's probabilities
    for (size_t c = 0; c < m->k; c++) {
        logreg_predict_proba(&m->models[c], X, p_c);
        for (size_t i = 0; i < X->rows; i++) *mat_at(P, i, c) = p_c[i];
    }
    free(p_c);
}

void ovr_predict(const Ovr *m, const Matrix *X, double *pred) {
    Matrix P = mat_new(X->rows, m->k);
    ovr_predict_proba(m, X, &P);
    multiclass_predict(&P, pred);   // the most confident of the K models wins
    mat_free(&P);
}
// [end ovr-predict]

/* ---- softmax regression -------------------------------------------------- */

void softmax_init(Softmax *m, size_t k, size_t d) {
    m->k = k;
    m->d = d;
    m->W = mat_new(k, d);
    m->b = vec_new(k);
}

void softmax_free(Softmax *m) {
    mat_free(&m->W);
    free(m->b);
    *m = (Softmax){0, 0, {0, 0, NULL}, NULL};
}

// [snippet softmax-proba]
void softmax_predict_proba(const Softmax *m, const Matrix *X, Matrix *P) {
    for (size_t i = 0; i < X->rows; i++) {
        const double *x_i = mat_row(X, i);
        double *z_i = mat_row(P, i);   // the K scores, then (in place) the K probabilities
        for (size_t c = 0; c < m->k; c++) z_i[c] = vec_dot(mat_row(&m->W, c), x_i, m->d) + m->b[c];
        act_softmax(z_i, z_i, m->k);
    }
}
// [end softmax-proba]

void softmax_predict(const Softmax *m, const Matrix *X, double *pred) {
    Matrix P = mat_new(X->rows, m->k);
    softmax_predict_proba(m, X, &P);
    multiclass_predict(&P, pred);
    mat_free(&P);
}

double softmax_loss(const Softmax *m, const Matrix *X, const double *y) {
    Matrix P = mat_new(X->rows, m->k);
    softmax_predict_proba(m, X, &P);
    double loss = loss_cce(P.data, y, X->rows, m->k);
    mat_free(&P);
    return loss;
}

// [snippet softmax-gradient]
void softmax_gradient(const Softmax *m, const Matrix *X, const double *y, Matrix *dW, double *db) {
    size_t n = X->rows;
    Matrix E = mat_new(n, m->k);   // (n, K) the errors P - Y
    softmax_predict_proba(m, X, &E);
    for (size_t i = 0; i < n; i++) *mat_at(&E, i, (size_t)y[i]) -= 1.0;   // Y is one-hot
    for (size_t c = 0; c < m->k; c++) {
        double *dw_c = mat_row(dW, c);
        for (size_t j = 0; j < m->d; j++) dw_c[j] = 0.0;
        db[c] = 0.0;
    }
    for (size_t i = 0; i < n; i++) {
        const double *x_i = mat_row(X, i);
        for (size_t c = 0; c < m->k; c++) {
            double e_ic = *mat_at(&E, i, c);
            double *dw_c = mat_row(dW, c);
            for (size_t j = 0; j < m->d; j++) dw_c[j] += e_ic * x_i[j];   // dW = E^T X
            db[c] += e_ic;
        }
    }
    for (size_t c = 0; c < m->k; c++) {   // ... / n
        double *dw_c = mat_row(dW, c);
        for (size_t j = 0; j < m->d; j++) dw_c[j] /= (double)n;
        db[c] /= (double)n;
    }
    mat_free(&E);
}
// [end softmax-gradient]

/* 1 when every weight and bias is a finite number. */
static int softmax_finite(const Softmax *m) {
    return train_all_finite(m->W.data, m->k * m->d) && train_all_finite(m->b, m->k);
}

// [snippet softmax-fit-gd]
TrainResult softmax_fit_gd(Softmax *m, const Matrix *X, const double *y, const SoftmaxParams *par,
                           double *losses) {
    Matrix dW = mat_new(m->k, m->d);
    double *db = vec_new(m->k);
    TrainLog log = train_begin(losses, par->epochs);
    for (size_t epoch = 0; epoch < par->epochs; epoch++) {
        // record the loss; stop when it has blown up (lib/train)
        if (!train_record(&log, softmax_loss(m, X, y), softmax_finite(m))) break;
        softmax_gradient(m, X, y, &dW, db);
        // W <- W - lr dW,  b <- b - lr db
        for (size_t t = 0; t < m->k * m->d; t++) m->W.data[t] -= par->lr * dW.data[t];
        for (size_t c = 0; c < m->k; c++) m->b[c] -= par->lr * db[c];
    }
    free(db);
    mat_free(&dW);
    return train_end(&log, softmax_finite(m));
}
// [end softmax-fit-gd]

// [snippet center]
void softmax_center(Softmax *m) {
    // w_c <- w_c - (1/K) sum_k w_k,   b_c <- b_c - (1/K) sum_k b_k
    for (size_t j = 0; j < m->d; j++) {
        double mean = 0.0;
        for (size_t c = 0; c < m->k; c++) mean += *mat_at(&m->W, c, j);
        mean /= (double)m->k;
        for (size_t c = 0; c < m->k; c++) *mat_at(&m->W, c, j) -= mean;
    }
    double mean_b = 0.0;
    for (size_t c = 0; c < m->k; c++) mean_b += m->b[c];
    mean_b /= (double)m->k;
    for (size_t c = 0; c < m->k; c++) m->b[c] -= mean_b;
}
// [end center]

/* ---- the converged fit: Newton's method ---------------------------------- */

/* A fraction of the predicted decrease a line-search step must achieve
 * (Armijo's condition), and how many times the step may be halved. */
#define ARMIJO_C 1e-4
#define MAX_HALVINGS 40

/* ||(dW, db)||: the length of the full gradient. */
static double gradient_norm(const Softmax *m, const Matrix *X, const double *y, Matrix *dW, double *db) {
    softmax_gradient(m, X, y, dW, db);
    return sqrt(vec_dot(dW->data, dW->data, m->k * m->d) + vec_dot(db, db, m->k));
}

/* The gradient g and Hessian H of the loss in theta = (w_c, b_c) for the
 * classes c < K-1, with x~_i = (x_i, 1) so that the bias is one more weight:
 *   g_(c)     = (1/n) sum_i (P_ic - Y_ic) x~_i                     (d+1 values)
 *   H_(a)(c)  = (1/n) sum_i P_ia ([a = c] - P_ic) x~_i x~_i^T      ((d+1) x (d+1) block)
 * theta index of (class c, feature j) is c (d+1) + j; j = d is the bias.
 * g is (q), H is (q, q) with q = (K-1)(d+1). */
static void newton_system(const Softmax *m, const Matrix *X, const double *y, double *g, double *H) {
    size_t n = X->rows, k1 = m->k - 1, d1 = m->d + 1, q = k1 * d1;
    double *p_i = vec_new(m->k);
    double *xt = vec_new(d1);   // x~_i
    memset(g, 0, q * sizeof *g);
    memset(H, 0, q * q * sizeof *H);
    Matrix row = {1, m->d, NULL};
    for (size_t i = 0; i < n; i++) {
        row.data = mat_row(X, i);
        Matrix P_i = {1, m->k, p_i};
        softmax_predict_proba(m, &row, &P_i);
        memcpy(xt, row.data, m->d * sizeof *xt);
        xt[m->d] = 1.0;
        for (size_t a = 0; a < k1; a++) {
            double e_ia = p_i[a] - (y[i] == (double)a ? 1.0 : 0.0);
            for (size_t j = 0; j < d1; j++) g[a * d1 + j] += e_ia * xt[j];
            for (size_t c = 0; c < k1; c++) {
                double s = p_i[a] * ((a == c ? 1.0 : 0.0) - p_i[c]);
                for (size_t j = 0; j < d1; j++) {
                    double *H_row = &H[(a * d1 + j) * q + c * d1];
                    for (size_t l = 0; l < d1; l++) H_row[l] += s * xt[j] * xt[l];
                }
            }
        }
    }
    for (size_t t = 0; t < q; t++) g[t] /= (double)n;
    for (size_t t = 0; t < q * q; t++) H[t] /= (double)n;
    free(xt);
    free(p_i);
}

/* theta <- theta - t s on the classes c < K-1 of `to`, starting from `from`. */
static void take_step(const Softmax *from, Softmax *to, const double *s, double t) {
    size_t d1 = from->d + 1;
    for (size_t c = 0; c + 1 < from->k; c++) {
        for (size_t j = 0; j < from->d; j++) {
            *mat_at(&to->W, c, j) = *mat_at(&from->W, c, j) - t * s[c * d1 + j];
        }
        to->b[c] = from->b[c] - t * s[c * d1 + from->d];
    }
}

/* Shifts every class by -(w_{K-1}, b_{K-1}), so that class K-1 is zero. */
static void zero_last_class(Softmax *m) {
    size_t last = m->k - 1;
    for (size_t c = 0; c < m->k; c++) {
        for (size_t j = 0; j < m->d; j++) *mat_at(&m->W, c, j) -= *mat_at(&m->W, last, j);
    }
    for (size_t j = 0; j < m->d; j++) *mat_at(&m->W, last, j) = 0.0;
    double b_last = m->b[last];
    for (size_t c = 0; c < m->k; c++) m->b[c] -= b_last;
}

/* Backtracking line search along -s from m: halves the step t until the
 * loss falls by at least ARMIJO_C t g.s (with room for rounding in the loss
 * itself), then moves m there. loss is the loss at m, updated to the new one,
 * and *t_taken the step taken. Returns 0, or -1 when no step lowers the loss
 * (m unchanged). */
static int line_search(Softmax *m, Softmax *trial, const Matrix *X, const double *y,
                       const double *s, double gs, double *loss, double *t_taken) {
    double slack = 4 * DBL_EPSILON * fabs(*loss), t = 1.0;
    memcpy(trial->W.data, m->W.data, m->k * m->d * sizeof(double));
    memcpy(trial->b, m->b, m->k * sizeof(double));
    for (int halvings = 0; halvings <= MAX_HALVINGS; halvings++, t /= 2) {
        take_step(m, trial, s, t);
        double trial_loss = softmax_loss(trial, X, y);
        if (trial_loss <= *loss - ARMIJO_C * t * gs + slack) {
            memcpy(m->W.data, trial->W.data, m->k * m->d * sizeof(double));
            memcpy(m->b, trial->b, m->k * sizeof(double));
            *loss = trial_loss;
            *t_taken = t;
            return 0;
        }
    }
    return -1;
}

/* How the step -t s moved each sample's margin (lib/diagnose): the score
 * of class c < K-1 changed by -t (s_c . x~_i), class K-1's not at all. */
static DiagMargins step_margins(const Softmax *m, const Matrix *X, const double *y, const double *s, double t) {
    size_t n = X->rows, k = m->k, d1 = m->d + 1;
    double *dz = vec_new(n * k);   // (n, K) the change of every score
    for (size_t i = 0; i < n; i++) {
        for (size_t c = 0; c + 1 < k; c++) {
            dz[i * k + c] = -t * (vec_dot(mat_row(X, i), &s[c * d1], m->d) + s[c * d1 + m->d]);
        }
    }
    DiagMargins moved = diag_margins(dz, y, n, k);
    free(dz);
    return moved;
}

// [snippet newton]
int softmax_fit_newton(Softmax *m, const Matrix *X, const double *y, const SoftmaxNewtonParams *par,
                       SoftmaxFitInfo *info, LrError *err) {
    size_t q = (m->k - 1) * (m->d + 1);   // unknowns: (w_c, b_c) for c < K-1
    double *g = vec_new(q), *H = vec_new(q * q), *s = vec_new(q), *db = vec_new(m->k);
    Matrix dW = mat_new(m->k, m->d);
    Softmax trial;
    softmax_init(&trial, m->k, m->d);
    int status = 0;
    zero_last_class(m);
    double norm = gradient_norm(m, X, y, &dW, db), target = par->tol * norm;
    *info = (SoftmaxFitInfo){.grad_norm = norm, .loss = softmax_loss(m, X, y), .converged = norm <= target};
    while (!info->converged && info->iterations < par->max_iter) {
        // theta <- theta - t H^-1 g, t from the line search (1 near the optimum)
        newton_system(m, X, y, g, H);
        // a constant column's weights stay put (the biases do their work): without them H is singular
        for (size_t j = 0; j < m->d; j++) {
            for (size_t c = 0; mat_col_constant(X, j) && c + 1 < m->k; c++) linalg_pin(H, g, q, c * (m->d + 1) + j);
        }
        memcpy(s, g, q * sizeof *s);
        LrError why;
        if (linalg_solve_spd(H, s, q, &why) != 0) {   // s = H^-1 g
            status = lr_fail(err, "Newton step %zu: the Hessian is singular (%s)", info->iterations + 1, why.msg);
            break;
        }
        double t;
        if (line_search(m, &trial, X, y, s, vec_dot(g, s, q), &info->loss, &t) != 0) break;
        info->last_step = t * vec_norm(s, q);
        info->longest_step = fmax(info->longest_step, info->last_step);
        info->moved = step_margins(m, X, y, s, t);   // did it push samples apart? (lib/diagnose)
        info->iterations++;
        info->grad_norm = gradient_norm(m, X, y, &dW, db);
        info->converged = info->grad_norm <= target;
    }
    info->separated = diag_separation(info->longest_step, info->last_step, info->moved);
    softmax_center(m);
    softmax_free(&trial);
    mat_free(&dW);
    free(db);
    free(s);
    free(H);
    free(g);
    return status;
}
// [end newton]
