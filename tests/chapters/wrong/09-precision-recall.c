/* A deliberately wrong exercise 09 for make test: the answer key's, with a
 * precision_at that calls a sample positive only when p_i > t (not >= t), so
 * a sample whose score is the threshold is left out. Chapter 09 linked with
 * it must print the line where its numbers first differ from
 * scikit-learn's, and exit with status 4. */
#define precision_at right_precision_at
#include "../../../solutions/09-precision-recall.c"
#undef precision_at

double precision_at(const double *p, const double *y, size_t n, double threshold) {
    size_t tp = 0, fp = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] > threshold) {   // the mistake: >= is what the lesson asks
            tp += y[i] == 1.0;
            fp += y[i] != 1.0;
        }
    }
    return tp + fp == 0 ? 1.0 : (double)tp / (double)(tp + fp);
}
