/* A deliberately wrong exercise 11 for make test: the answer key's, with db
 * left as the sum of p_i - y_i (the division by n forgotten). Chapter 11
 * linked with it must print the line where its numbers first differ from
 * the two-pass epoch's (db, for d = 2), and exit with status 4. */
#define fused_epoch right_fused_epoch
#include "../../../solutions/11-making-it-fast.c"
#undef fused_epoch

double fused_epoch(const double *X, const double *y, size_t n, size_t d, const double *w, double b, double *dw,
                   double *db) {
    double loss = right_fused_epoch(X, y, n, d, w, b, dw, db);
    *db *= (double)n;   // the mistake: the sum, not the mean
    return loss;
}
