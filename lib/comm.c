#include "comm.h"

#include <stdlib.h>
#include <time.h>

#include "matrix.h"

static void single_allreduce(Comm *c, double *buf, size_t n) {
    (void)c;   // one process: its vector is already the sum
    (void)buf;
    (void)n;
}

Comm comm_single(void) {
    return (Comm){.rank = 0, .size = 1, .engine = "one process, no MPI started", .allreduce = single_allreduce};
}

double comm_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void comm_sum(Comm *c, double *buf, size_t n) {
    double start = comm_now();
    c->allreduce(c, buf, n);
    c->seconds += comm_now() - start;
    c->calls++;
    c->bytes += n * sizeof(double);
}

void comm_reset_counts(Comm *c) {
    c->calls = c->bytes = 0;
    c->seconds = 0.0;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median time of reps all-reduces of n doubles, on this process. */
static double median_time(Comm *c, double *buf, size_t n, double *times, size_t reps) {
    for (size_t r = 0; r < reps; r++) {
        double start = comm_now();
        c->allreduce(c, buf, n);
        times[r] = comm_now() - start;
    }
    qsort(times, reps, sizeof *times, compare_doubles);
    return times[reps / 2];
}

CommCost comm_measure(Comm *c, size_t reps) {
    double *buf = vec_new(COMM_MEASURE_BIG), *times = vec_new(reps);
    c->allreduce(c, buf, 1);   // a first call sets up the connections: not timed
    double t_small = median_time(c, buf, 1, times, reps);
    double t_big = median_time(c, buf, COMM_MEASURE_BIG, times, reps);
    // alpha = t(8 bytes) - 8 beta,  beta = (t(big) - t(8)) / (big bytes - 8)
    double fit[2] = {0.0, 0.0};
    if (c->rank == 0) {
        fit[1] = (t_big - t_small) / (double)((COMM_MEASURE_BIG - 1) * sizeof(double));
        if (fit[1] < 0.0) fit[1] = 0.0;
        fit[0] = t_small - fit[1] * (double)sizeof(double);
    }
    c->allreduce(c, fit, 2);   // every rank gets rank 0's figures
    free(times);
    free(buf);
    return (CommCost){fit[0], fit[1]};
}
