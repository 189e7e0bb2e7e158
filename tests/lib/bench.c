/* bench: how fast the toolbox is, in numbers (make bench). Nothing here
 * passes or fails: it prints timings, measured with the monotonic clock,
 * best of a few runs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dataset.h"
#include "logreg.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* A data set of n rows and d features with labels from a fixed rule. */
static void make_data(Matrix *X, double *y, size_t n, size_t d) {
    *X = mat_new(n, d);
    for (size_t i = 0; i < n; i++) {
        double score = 0.0;
        for (size_t j = 0; j < d; j++) {
            double v = sin(0.7 * (double)(i * d + j)) * 2.0;
            *mat_at(X, i, j) = v;
            score += (j % 2 ? -1.0 : 1.0) * v;
        }
        y[i] = score > 0.1;
    }
}

/* Gradient descent: epochs per second and sample-features per second. */
static void bench_gd(size_t n, size_t d, size_t epochs) {
    Matrix X;
    double *y = vec_new(n);
    make_data(&X, y, n, d);
    double best = INFINITY;
    for (int run = 0; run < 3; run++) {
        LogReg m;
        logreg_init(&m, d);
        LogRegParams par = {.lr = 0.1, .epochs = epochs};
        double t0 = now();
        logreg_fit_gd(&m, &X, y, &par, NULL);
        double t = now() - t0;
        if (t < best) best = t;
        logreg_free(&m);
    }
    printf("gradient descent  %7zu x %-3zu  %6zu epochs  %8.3f s  %10.0f epochs/s  %6.0f M sample-features/s\n",
           n, d, epochs, best, (double)epochs / best, (double)(n * d * epochs) / best / 1e6);
    mat_free(&X);
    free(y);
}

/* Reading a CSV file of n rows and 2 features. */
static void bench_csv(size_t n) {
    char path[] = "/tmp/lr-bench-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (f == NULL) {
        printf("csv: cannot make a temporary file\n");
        return;
    }
    fprintf(f, "x1,x2,y\n");
    for (size_t i = 0; i < n; i++) fprintf(f, "%.17g,%.17g,%zu\n", sin((double)i), cos((double)i), i % 2);
    fclose(f);
    Dataset ds;
    LrError err;
    double t0 = now();
    int rc = dataset_read_csv(&ds, path, &err);
    double t = now() - t0;
    if (rc == 0) {
        printf("csv read          %7zu rows        %8.3f s  %10.0f rows/s\n", n, t, (double)n / t);
        dataset_free(&ds);
    } else {
        printf("csv read failed: %s\n", err.msg);
    }
    remove(path);
}

int main(void) {
    printf("make bench: best of 3 runs (gradient descent), one run (CSV)\n");
    bench_gd(300, 2, 500);      // chapter 03: the lesson's training run
    bench_gd(300, 2, 100000);   // chapter 06's long run
    bench_gd(100000, 10, 20);
    bench_csv(1000000);
    return 0;
}
