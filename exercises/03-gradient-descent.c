/* Exercise 03: the gradient of the cross-entropy, and one descent step.
 *
 * Fill in the two functions, then run   make check EX=03
 * Stuck?                                 make hint EX=03
 *
 * You may call sigmoid() from exercise 01: make check EX=03 links the answer
 * key's, so these tests judge only this file, and ./chapter-03 runs yours.
 * Or write sigma(z) here as a small static function with a name of its own
 * (say sigma), in the stable form of exercise 01.
 */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

/* The gradient of the mean cross-entropy
 *
 *     L(w, b) = (1/n) sum_i -( y_i log p_i + (1 - y_i) log(1 - p_i) ),
 *     p_i = sigma(x_i . w + b)
 *
 * which works out to
 *
 *     dL/dw_j = (1/n) sum_i (p_i - y_i) x_ij     (that is X^T (p - y) / n)
 *     dL/db   = (1/n) sum_i (p_i - y_i)
 *
 * X holds n rows of d features, row after row: x_ij is X[i * d + j].
 * y holds the n labels, w the d weights. Write dL/dw into dw[0..d-1] and
 * return dL/db. */
double gradient(const double *X, const double *y, size_t n, size_t d,
                const double *w, double b, double *dw) {
    TODO();   // the stub's marker: delete this line when you write gradient
    (void)X;
    (void)y;
    (void)n;
    (void)w;
    (void)b;
    for (size_t j = 0; j < d; j++) dw[j] = 0.0;   // TODO: dw = X^T (p - y) / n
    return 0.0;                                   // TODO: return mean(p - y)
}

/* One step downhill, scaled by the learning rate lr:
 *
 *     w_j <- w_j - lr * dw_j   for every j < d
 *     b   <- b   - lr * db
 */
void gd_step(double *w, double *b, const double *dw, double db, size_t d, double lr) {
    TODO();   // the stub's marker: delete this line when you write gd_step
    (void)w;
    (void)b;
    (void)dw;
    (void)db;
    (void)d;
    (void)lr;
    // TODO: update w and *b
}
