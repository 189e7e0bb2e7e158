/* A deliberately wrong exercise 10 for make test: the answer key's, with a
 * poly_expand that writes the degree-1 columns in the wrong order (x2, x1).
 * Chapter 10 linked with it must print the line where its numbers first
 * differ (column x1 of sample 0), and exit with status 4. */
#define poly_expand right_poly_expand
#include "../../../solutions/10-polynomial-moons.c"
#undef poly_expand

size_t poly_expand(const double *x, size_t d, size_t degree, double *out) {
    size_t m = right_poly_expand(x, d, degree, out);
    for (size_t j = 0; j < d / 2; j++) {   // the mistake: the first d columns reversed
        double t = out[j];
        out[j] = out[d - 1 - j];
        out[d - 1 - j] = t;
    }
    return m;
}
