/* A deliberately wrong exercise 08 for make test: the answer key's, with a
 * train_softmax that never updates the biases (b <- b - lr db forgotten).
 * Chapter 08 linked with it must print the line where its numbers first
 * differ from NumPy's, and exit with status 4. That line is at loss[10], not
 * loss[1]: the three classes are balanced, so db is 0 at the first step. */
#define train_softmax right_train_softmax
#include "../../../solutions/08-softmax.c"
#undef train_softmax

void train_softmax(const double *X, const double *y, size_t n, size_t d, size_t k, double lr, size_t epochs,
                   double *W, double *b, double *losses) {
    double *dW = malloc(k * d * sizeof *dW), *db = malloc(k * sizeof *db), *P = malloc(n * k * sizeof *P);
    if (dW == NULL || db == NULL || P == NULL) abort();
    for (size_t t = 0; t < k * d; t++) W[t] = 0.0;
    for (size_t c = 0; c < k; c++) b[c] = 0.0;
    for (size_t e = 0; e < epochs; e++) {
        // P_i = softmax(W x_i + b), then the loss before the update
        for (size_t i = 0; i < n; i++) {
            for (size_t c = 0; c < k; c++) {
                P[i * k + c] = b[c];
                for (size_t j = 0; j < d; j++) P[i * k + c] += W[c * d + j] * X[i * d + j];
            }
            softmax(&P[i * k], &P[i * k], k);
        }
        if (losses != NULL) losses[e] = cce_loss(P, y, n, k);
        cce_gradient(X, y, n, d, k, W, b, dW, db);
        // W <- W - lr dW, and the mistake: b is never updated
        for (size_t t = 0; t < k * d; t++) W[t] -= lr * dW[t];
    }
    free(dW);
    free(db);
    free(P);
}
