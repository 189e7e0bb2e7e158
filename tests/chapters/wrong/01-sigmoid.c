/* A deliberately wrong exercise 01 for make test: the answer key's sigmoid,
 * with the slope written as sigma(z) (1 - sigma(z)), the textbook form. For
 * large z, 1 - sigma(z) rounds to 0, so sigma'(40) comes out 0 instead of
 * 4.2e-18. Chapter 01 linked with it must print the line where its numbers
 * first differ from SciPy's, and exit with status 4. */
#define sigmoid_derivative right_sigmoid_derivative
#include "../../../solutions/01-sigmoid.c"
#undef sigmoid_derivative

double sigmoid_derivative(double z) {
    double s = sigmoid(z);
    return s * (1.0 - s);
}
