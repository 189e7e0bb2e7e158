/* Exercise 04: predicting with a threshold, and the decision boundary.
 *
 * Fill in the two functions, then run   make check EX=04
 * Stuck?                                 make hint EX=04
 *
 * You may call sigmoid() from exercise 01: make check EX=04 links the answer
 * key's, so these tests judge only this file, and ./chapter-04 runs yours.
 * Or write sigma(z) here as a small static function with a name of its own
 * (say sigma), in the stable form of exercise 01.
 */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

/* The class each of the n samples is given, at a chosen threshold t:
 *
 *     p_i    = sigma(x_i . w + b)
 *     pred_i = 1   if p_i >= t
 *     pred_i = 0   otherwise
 *
 * X holds n rows of d features, row after row: x_ij is X[i * d + j].
 * w holds the d weights. Write 0.0 or 1.0 into pred[0..n-1]. */
void predict_threshold(const double *X, size_t n, size_t d, const double *w, double b,
                       double threshold, double *pred) {
    TODO();   // the stub's marker: delete this line when you write predict_threshold
    (void)X;
    (void)d;
    (void)w;
    (void)b;
    (void)threshold;
    for (size_t i = 0; i < n; i++) pred[i] = 0.0;   // TODO: 1 where p_i >= threshold
}

/* The boundary of a model with d = 2 features: the line in the (x1, x2)
 * plane where p = t (t = threshold, 0 < t < 1). p = t exactly where
 *
 *     w1 x1 + w2 x2 + b = log(t / (1 - t))          (w1 is w[0], w2 is w[1])
 *
 * (for t = 1/2 the right side is log 1 = 0). Three cases:
 *
 *   w2 != 0: solve for x2. The line is x2 = slope * x1 + intercept with
 *              slope     = -w1 / w2
 *              intercept = (log(t / (1 - t)) - b) / w2
 *            Set *slope and *intercept; return BOUNDARY_LINE.
 *   w2 == 0 but w1 != 0: x2 drops out, so the line is vertical:
 *              x1 = (log(t / (1 - t)) - b) / w1
 *            Set *intercept to that x1 and *slope to INFINITY (from
 *            <math.h>); return BOUNDARY_VERTICAL.
 *   w1 == w2 == 0: p is the same everywhere; there is no line.
 *            Set both to NAN; return BOUNDARY_NONE.
 */
int boundary_line(const double *w, double b, double threshold, double *slope, double *intercept) {
    TODO();   // the stub's marker: delete this line when you write boundary_line
    (void)w;
    (void)b;
    (void)threshold;
    *slope = 0.0;       // TODO: -w1 / w2 (or INFINITY, or NAN)
    *intercept = 0.0;   // TODO: (log(t / (1 - t)) - b) / w2 (or the x1 of a vertical line, or NAN)
    return BOUNDARY_LINE;
}
