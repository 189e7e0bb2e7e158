/* Exercise 01: the sigmoid and its slope.
 *
 * Fill in the two functions, then run   make check EX=01
 * Stuck?                                 make hint EX=01
 */
#include <math.h>

#include "exercises.h"

/* sigma(z) = 1 / (1 + e^-z)
 *
 * It must give the right answer for every z, even z = -1000 or -1e308,
 * where e^-z is far too large for a double (e^710 is already infinity),
 * and never compute an infinity or a NaN on the way. */
double sigmoid(double z) {
    TODO();   // the stub's marker: delete this line when you write sigmoid
    (void)z;
    return 0.0;   // TODO: compute sigma(z)
}

/* sigma'(z) = sigma(z) * (1 - sigma(z)): the slope of the sigmoid at z.
 *
 * It must keep its digits far out too: sigma'(40) = 4.2e-18, although
 * sigma(40) rounds to exactly 1, so that 1 - sigma(40) is 0. */
double sigmoid_derivative(double z) {
    TODO();   // the stub's marker: delete this line when you write sigmoid_derivative
    (void)z;
    return 0.0;   // TODO: compute sigma'(z) (you may call sigmoid)
}
