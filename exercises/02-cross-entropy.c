/* Exercise 02: binary cross-entropy.
 *
 * Fill in the two functions, then run   make check EX=02
 * Stuck?                                 make hint EX=02
 */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

/* The loss of one prediction:
 *
 *     L(y, p) = -( y log(p) + (1 - y) log(1 - p) )
 *
 * y is the true label (0 or 1), p the predicted probability that y = 1.
 * First clip p into [1e-15, 1 - 1e-15], so that p = 0 or p = 1 gives a large
 * but finite loss instead of infinity or NaN. */
double bce_one(double y, double p) {
    TODO();   // the stub's marker: delete this line when you write bce_one
    (void)y;
    (void)p;
    return 0.0;   // TODO: clip p, then compute L(y, p)
}

/* The mean loss over n predictions: (1/n) * sum_i L(y_i, p_i).
 * y and p are arrays of n values. */
double bce_mean(const double *y, const double *p, size_t n) {
    TODO();   // the stub's marker: delete this line when you write bce_mean
    (void)y;
    (void)p;
    (void)n;
    return 0.0;   // TODO: average bce_one over the n pairs
}
