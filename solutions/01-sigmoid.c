/* Solution 01: the sigmoid and its slope. */
#include <math.h>

#include "exercises.h"

/* sigma(z) = 1 / (1 + e^-z). For z < 0, e^-z may overflow, so there we use
 * the equal form e^z / (1 + e^z), where e^z can only underflow to 0. */
double sigmoid(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* sigma'(z) = sigma(z) (1 - sigma(z)) = sigma(z) sigma(-z). The second form
 * keeps its digits for large z: 1 - sigma(40) rounds to 0, while sigma(-40)
 * = 4.2e-18 is computed to full precision. */
double sigmoid_derivative(double z) {
    return sigmoid(z) * sigmoid(-z);
}
