/* The stand-in of an exercise that does not compile.
 *
 * `make chapter-NN` compiles each exercises/NN-name.c into the chapter. When
 * one does not compile, the build compiles this file with -DSTANDIN_FOR=NN in
 * its place: it defines that exercise's functions, each reporting itself
 * through yours_not_compiled, so the chapter still links, runs the library's
 * code and says which exercise does not compile. */
#include <stddef.h>

#include "exercises.h"
#include "yours.h"

/* Without -DSTANDIN_FOR it defines nothing (the lib/ build puts it into liblr.a
 * that way, harmlessly). */
#ifndef STANDIN_FOR
#define STANDIN_FOR 0
#endif

/* Some stand-ins have no output to zero: clang would warn of an unused zero. */
#if defined(__GNUC__)
#define MAYBE_UNUSED __attribute__((unused))
#else
#define MAYBE_UNUSED
#endif

/* Every output is zeroed: a stand-in never computes anything. */
MAYBE_UNUSED static inline void zero(double *v, size_t n) {
    for (size_t t = 0; t < n; t++) v[t] = 0.0;
}

// clang-format off: one stand-in per line, each a copy of the same three steps
#if STANDIN_FOR == 1
double sigmoid(double z) {
    (void)z;
    yours_not_compiled(__func__);
    return 0.0;
}
double sigmoid_derivative(double z) {
    (void)z;
    yours_not_compiled(__func__);
    return 0.0;
}
#elif STANDIN_FOR == 2
double bce_one(double y, double p) {
    (void)y;
    (void)p;
    yours_not_compiled(__func__);
    return 0.0;
}
double bce_mean(const double *y, const double *p, size_t n) {
    (void)y;
    (void)p;
    (void)n;
    yours_not_compiled(__func__);
    return 0.0;
}
#elif STANDIN_FOR == 3
double gradient(const double *X, const double *y, size_t n, size_t d, const double *w, double b, double *dw) {
    (void)X;
    (void)y;
    (void)n;
    (void)w;
    (void)b;
    yours_not_compiled(__func__);
    zero(dw, d);
    return 0.0;
}
void gd_step(double *w, double *b, const double *dw, double db, size_t d, double lr) {
    (void)w;
    (void)b;
    (void)dw;
    (void)db;
    (void)d;
    (void)lr;
    yours_not_compiled(__func__);
}
#elif STANDIN_FOR == 4
void predict_threshold(const double *X, size_t n, size_t d, const double *w, double b, double threshold, double *pred) {
    (void)X;
    (void)d;
    (void)w;
    (void)b;
    (void)threshold;
    yours_not_compiled(__func__);
    zero(pred, n);
}
int boundary_line(const double *w, double b, double threshold, double *slope, double *intercept) {
    (void)w;
    (void)b;
    (void)threshold;
    yours_not_compiled(__func__);
    *slope = *intercept = 0.0;
    return BOUNDARY_NONE;
}
#elif STANDIN_FOR == 5
double l2_penalty(const double *theta, size_t d, size_t n, double lambda) {
    (void)theta;
    (void)d;
    (void)n;
    (void)lambda;
    yours_not_compiled(__func__);
    return 0.0;
}
void l2_penalty_gradient(const double *theta, size_t d, size_t n, double lambda, double *grad) {
    (void)theta;
    (void)n;
    (void)lambda;
    yours_not_compiled(__func__);
    zero(grad, d + 1);
}
#elif STANDIN_FOR == 6
void newton_system(const double *X, const double *y, size_t n, size_t d, const double *theta, double *g, double *H) {
    (void)X;
    (void)y;
    (void)n;
    (void)theta;
    yours_not_compiled(__func__);
    zero(g, d + 1);
    zero(H, (d + 1) * (d + 1));
}
int newton_step(const double *X, const double *y, size_t n, size_t d, double *theta) {
    (void)X;
    (void)y;
    (void)n;
    (void)d;
    (void)theta;
    yours_not_compiled(__func__);
    return -1;
}
#elif STANDIN_FOR == 7
void one_vs_rest_labels(const double *y, size_t n, size_t c, double *y_c) {
    (void)y;
    (void)c;
    yours_not_compiled(__func__);
    zero(y_c, n);
}
size_t argmax(const double *p, size_t k) {
    (void)p;
    (void)k;
    yours_not_compiled(__func__);
    return 0;
}
void predict_by_argmax(const double *P, size_t n, size_t k, double *pred) {
    (void)P;
    (void)k;
    yours_not_compiled(__func__);
    zero(pred, n);
}
void train_one_vs_rest(const double *X, const double *y, size_t n, size_t d, size_t k, double lr, size_t epochs,
                       double *W, double *b) {
    (void)X;
    (void)y;
    (void)n;
    (void)lr;
    (void)epochs;
    yours_not_compiled(__func__);
    zero(W, k * d);
    zero(b, k);
}
#elif STANDIN_FOR == 8
void softmax(const double *z, double *p, size_t k) {
    (void)z;
    yours_not_compiled(__func__);
    zero(p, k);
}
double cce_loss(const double *P, const double *y, size_t n, size_t k) {
    (void)P;
    (void)y;
    (void)n;
    (void)k;
    yours_not_compiled(__func__);
    return 0.0;
}
void cce_gradient(const double *X, const double *y, size_t n, size_t d, size_t k, const double *W, const double *b,
                  double *dW, double *db) {
    (void)X;
    (void)y;
    (void)n;
    (void)W;
    (void)b;
    yours_not_compiled(__func__);
    zero(dW, k * d);
    zero(db, k);
}
void train_softmax(const double *X, const double *y, size_t n, size_t d, size_t k, double lr, size_t epochs,
                   double *W, double *b, double *losses) {
    (void)X;
    (void)y;
    (void)n;
    (void)lr;
    yours_not_compiled(__func__);
    zero(W, k * d);
    zero(b, k);
    if (losses != NULL) zero(losses, epochs);
}
#elif STANDIN_FOR == 9
double precision_at(const double *p, const double *y, size_t n, double threshold) {
    (void)p;
    (void)y;
    (void)n;
    (void)threshold;
    yours_not_compiled(__func__);
    return 0.0;
}
double recall_at(const double *p, const double *y, size_t n, double threshold) {
    (void)p;
    (void)y;
    (void)n;
    (void)threshold;
    yours_not_compiled(__func__);
    return 0.0;
}
double best_f1_threshold(const double *p, const double *y, size_t n, double *best_f1) {
    (void)p;
    (void)y;
    (void)n;
    yours_not_compiled(__func__);
    *best_f1 = 0.0;
    return 0.5;
}
#elif STANDIN_FOR == 10
size_t poly_count(size_t d, size_t degree) {
    (void)degree;
    yours_not_compiled(__func__);
    return d;
}
size_t poly_expand(const double *x, size_t d, size_t degree, double *out) {
    (void)x;
    (void)degree;
    yours_not_compiled(__func__);
    zero(out, d);
    return d;
}
void fit_polynomial(const double *X, const double *y, size_t n, size_t d, size_t degree, double lr, size_t epochs,
                    double *w, double *b) {
    (void)X;
    (void)y;
    (void)n;
    (void)degree;
    (void)lr;
    (void)epochs;
    yours_not_compiled(__func__);
    zero(w, d);
    *b = 0.0;
}
#elif STANDIN_FOR == 11
double fused_epoch(const double *X, const double *y, size_t n, size_t d, const double *w, double b, double *dw,
                   double *db) {
    (void)X;
    (void)y;
    (void)n;
    (void)w;
    (void)b;
    yours_not_compiled(__func__);
    zero(dw, d);
    *db = 0.0;
    return 0.0;
}
#elif STANDIN_FOR == 12
void shard_bounds(size_t n, size_t P, size_t rank, size_t *lo, size_t *hi) {
    (void)P;
    (void)rank;
    yours_not_compiled(__func__);
    *lo = 0;
    *hi = n;
}
void shard_sums(const double *X, const double *y, size_t d, size_t lo, size_t hi, const double *w, double b,
                double *partial) {
    (void)X;
    (void)y;
    (void)lo;
    (void)hi;
    (void)w;
    (void)b;
    yours_not_compiled(__func__);
    zero(partial, d + 2);
}
double global_gradient(const double *total, size_t d, double *dw) {
    (void)total;
    yours_not_compiled(__func__);
    zero(dw, d);
    return 0.0;
}
#endif
// clang-format on
