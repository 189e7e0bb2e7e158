/* A deliberately wrong exercise 04 for make test: the answer key's, with a
 * boundary_line that forgets the threshold (it always solves w . x + b = 0,
 * the line p = 1/2). Chapter 04 linked with it must print the line where
 * its numbers first differ from NumPy's, and exit with status 4. */
#define boundary_line right_boundary_line
#include "../../../solutions/04-decision-boundary.c"
#undef boundary_line

int boundary_line(const double *w, double b, double threshold, double *slope, double *intercept) {
    (void)threshold;   // the mistake: log(t / (1 - t)) belongs on the right-hand side
    return right_boundary_line(w, b, 0.5, slope, intercept);
}
