/* A deliberately wrong exercise 12 for make test: the answer key's, with a
 * shard_sums that sends its shard's means instead of its sums (and still
 * the count), so that global_gradient divides by n twice and every step is
 * n times too short. Chapter 12 linked with it, even as one process, must
 * print the line where its numbers first differ from NumPy's (w[0]), and
 * exit with status 4. */
#define shard_sums right_shard_sums
#include "../../../solutions/12-many-machines.c"
#undef shard_sums

void shard_sums(const double *X, const double *y, size_t d, size_t lo, size_t hi, const double *w, double b,
                double *partial) {
    right_shard_sums(X, y, d, lo, hi, w, b, partial);
    for (size_t j = 0; j <= d && hi > lo; j++) partial[j] /= (double)(hi - lo);   // the mistake: means, not sums
}
