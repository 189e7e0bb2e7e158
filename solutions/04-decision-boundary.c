/* Solution 04: predicting with a threshold, and the decision boundary. */
#include <math.h>
#include <stddef.h>

#include "exercises.h"

static double sigma(double z) {
    if (z >= 0) return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

/* pred_i = 1 if sigma(x_i . w + b) >= threshold, else 0 */
void predict_threshold(const double *X, size_t n, size_t d, const double *w, double b,
                       double threshold, double *pred) {
    for (size_t i = 0; i < n; i++) {
        const double *x_i = &X[i * d];
        double z = b;
        for (size_t j = 0; j < d; j++) z += x_i[j] * w[j];
        pred[i] = sigma(z) >= threshold ? 1.0 : 0.0;
    }
}

/* w1 x1 + w2 x2 + b = log(t / (1 - t)), solved for x2 (or for x1 when w2 = 0) */
int boundary_line(const double *w, double b, double threshold, double *slope, double *intercept) {
    double level = log(threshold / (1.0 - threshold)) - b;   // w1 x1 + w2 x2 = level
    if (w[1] != 0.0) {
        *slope = -w[0] / w[1];
        *intercept = level / w[1];
        return BOUNDARY_LINE;
    }
    if (w[0] != 0.0) {
        *slope = INFINITY;
        *intercept = level / w[0];
        return BOUNDARY_VERTICAL;
    }
    *slope = *intercept = NAN;
    return BOUNDARY_NONE;
}
