/* A deliberately wrong exercise 02 for make test: the answer key's, with the
 * mean loss summed over the samples but not divided by n. Chapter 02 linked
 * with it must print the line where its numbers first differ from NumPy's,
 * and exit with status 4. */
#define bce_mean right_bce_mean
#include "../../../solutions/02-cross-entropy.c"
#undef bce_mean

double bce_mean(const double *y, const double *p, size_t n) {
    return right_bce_mean(y, p, n) * (double)n;
}
