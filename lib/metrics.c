#include "metrics.h"

size_t metrics_correct(const double *pred, const double *y, size_t n) {
    size_t correct = 0;
    for (size_t i = 0; i < n; i++) correct += pred[i] == y[i];
    return correct;
}

double metrics_accuracy(const double *pred, const double *y, size_t n) {
    return n == 0 ? 0.0 : (double)metrics_correct(pred, y, n) / (double)n;
}
