/* Chapter 12, the cost model: what a fit costs on P machines. */
#include "cost-model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "linalg.h"
#include "logreg.h"
#include "plot.h"
#include "shard.h"

/* The communication figures the cost model assumes for a cluster, stated
 * here because they were not measured: a 10 Gb/s Ethernet (1.25 GB/s), a
 * tree all-reduce with one 30 us hop per level (log2 P levels), and a ring
 * all-reduce that sends and receives about twice the vector per machine. */
#define NET_ALPHA_HOP 30e-6
#define NET_BETA (2.0 / 1.25e9)
/* Rounds (all-reduces) to fit, assumed for the table: gradient descent needs
 * thousands of epochs, Newton's method about ten steps. */
#define MODEL_GD_ROUNDS 2000
#define MODEL_NEWTON_ROUNDS 10
/* A machine's memory for its shard, to mark the table's impossible cells. */
#define MODEL_MEMORY_BYTES 256e9

/* "12.3 ms": seconds in a unit a reader takes in at a glance. */
const char *cost_human_time(double s, char *buf, size_t size) {
    static const struct {
        double scale;
        const char *unit;
    } UNITS[] = {
        {86400, "days"}, {3600, "h"}, {60, "min"}, {1, "s"}, {1e-3, "ms"}, {1e-6, "us"}};
    size_t u = 0;
    while (u + 1 < sizeof UNITS / sizeof UNITS[0] && s < UNITS[u].scale) u++;
    snprintf(buf, size, "%.3g %s", s / UNITS[u].scale, UNITS[u].unit);
    return buf;
}

/* This process's CPU time: unlike the wall clock, it does not count the time
 * other jobs on a busy machine take from it. */
static double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Measures the compute speed on a block of synthetic rows. */
ComputeRate cost_measure_compute(void) {
    // 2.6 MB: more than a core's own caches hold. Both sums do far more
    // arithmetic than reading, so a larger block measures the same rates
    // (65536 rows, 10 MB: the same to 5%) and costs every run 50 ms more
    enum { ROWS = 16384,
           D = 20,
           MADE = 4096,
           REPS = 3 };
    Matrix X = mat_new(ROWS, D);
    double *y = vec_new(ROWS), s[SHARD_GRAD_LEN(D)], *h = vec_new(SHARD_HESS_LEN(D));
    // MADE rows, copied to fill the block: making each row (a log and a cos
    // per value) would take longer than the sums it is made to time
    shard_make_rows(&X, y, 0, MADE, 1);
    for (size_t i = MADE; i < ROWS; i += MADE) {
        memcpy(mat_row(&X, i), X.data, MADE * D * sizeof(double));
        memcpy(y + i, y, MADE * sizeof(double));
    }
    LogReg m;
    logreg_init(&m, D);
    double best_g = INFINITY, best_h = INFINITY;   // the fastest of REPS: the least disturbed by cache misses
    for (int r = 0; r < REPS; r++) {
        double t0 = cpu_now();
        shard_grad_sums(&m, &X, y, 0, ROWS, s);
        double t1 = cpu_now();
        shard_hess_sums(&m, &X, 0, ROWS, h);
        double t2 = cpu_now();
        best_g = fmin(best_g, t1 - t0);
        best_h = fmin(best_h, t2 - t1);
    }
    logreg_free(&m);
    free(h);
    free(y);
    mat_free(&X);
    return (ComputeRate){best_g / (ROWS * D), best_h / (ROWS * SHARD_HESS_LEN(D))};
}

// [snippet model]
/* t = rounds (alpha + beta bytes) + compute / P, for one fit on P machines of
 * n rows and d features; alpha = NET_ALPHA_HOP log2 P (no network for P = 1). */
double cost_model_time(int newton, double n, double d, double P, ComputeRate r) {
    double entries = (d + 1) * (d + 2) / 2;   // the Hessian's lower triangle
    double rounds = newton ? MODEL_NEWTON_ROUNDS : MODEL_GD_ROUNDS;
    double bytes = 8 * (d + 3 + (newton ? entries : 0));
    double alpha = P > 1 ? NET_ALPHA_HOP * ceil(log2(P)) : 0, beta = P > 1 ? NET_BETA : 0;
    double compute = n * (d * r.grad + (newton ? entries * r.hess : 0));    // all rows, one machine
    double solve = newton ? (d + 1) * (d + 1) * (d + 1) / 3 * r.hess : 0;   // Cholesky, on every machine
    return rounds * (alpha + beta * bytes + compute / P + solve);
}
// [end model]

void cost_print_model(ComputeRate r) {
    static const double PS[] = {1, 8, 64, 512}, NS[] = {1e6, 1e7, 1e8, 1e9}, DS[] = {20, 1000};
    printf("\nPredicted time to fit, t = rounds (alpha + beta bytes) + compute / P\n");
    printf("(assumed network: alpha = %.0f us per tree level, log2 P levels;\n"
           " beta = %.2g ns per byte; %d rounds of gradient descent, %d of Newton;\n"
           " compute measured here: %.2g ns per row and feature,\n"
           " %.2g ns per row and Hessian entry; '-': the shard is over %.0f GB)\n",
           NET_ALPHA_HOP * 1e6, NET_BETA * 1e9, MODEL_GD_ROUNDS, MODEL_NEWTON_ROUNDS, r.grad * 1e9, r.hess * 1e9,
           MODEL_MEMORY_BYTES / 1e9);
    printf("%-8s %6s %7s", "method", "d", "n");
    for (int p = 0; p < 4; p++) printf(" %11s", p == 0 ? "P = 1" : (p == 1 ? "P = 8" : (p == 2 ? "P = 64" : "P = 512")));
    printf("\n");
    for (int newton = 0; newton <= 1; newton++) {
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 4; i++) {
                printf("%-8s %6.0f %7.0e", newton ? "Newton" : "GD", DS[k], NS[i]);
                for (int p = 0; p < 4; p++) {
                    char t[32];
                    int fits = NS[i] * DS[k] * 8 / PS[p] <= MODEL_MEMORY_BYTES;
                    printf(" %11s", fits ? cost_human_time(cost_model_time(newton, NS[i], DS[k], PS[p], r), t, sizeof t) : "-");
                }
                printf("\n");
            }
        }
    }
}

/* The model against this run: one epoch of gradient descent at this P, with
 * alpha and beta as measured here. */
void cost_print_check(const CommCost *here, size_t n, size_t cols, const FitCost *gd, size_t P, ComputeRate r) {
    double d = (double)cols, bytes = 8 * (d + 3);
    double predicted = here->alpha + here->beta * bytes + (double)n * d * r.grad / (double)P;
    char t1[32], t2[32], t3[32];
    printf("\nThis machine, %zu processes: one all-reduce costs alpha = %s\n"
           "  plus beta = %.3g ns per byte (measured, medians)\n",
           P, cost_human_time(here->alpha, t1, sizeof t1), here->beta * 1e9);
    if (gd->rounds > 0) {
        printf("one epoch of gradient descent: model %s, measured %s\n", cost_human_time(predicted, t2, sizeof t2),
               cost_human_time(gd->seconds / (double)gd->rounds, t3, sizeof t3));
    }
}

/* Predicted time against P: d = 20 on 1e6 rows, where gradient descent's
 * rounds stop it from getting faster, and d = 1000 on 1e9 rows, where the
 * Hessian makes Newton's steps nearly as costly as gradient descent's epochs. */
void cost_plot_model(const Plotter *pl, ComputeRate r) {
    Plot p;
    plot_begin(&p, "chapter-12-cost-model");
    plot_data_begin(&p, "model");
    for (double P = 1; P <= 512; P *= 2) {
        plot_data_row(&p, 5, (double[]){P, cost_model_time(0, 1e6, 20, P, r), cost_model_time(1, 1e6, 20, P, r), cost_model_time(0, 1e9, 1000, P, r), cost_model_time(1, 1e9, 1000, P, r)});
    }
    plot_data_end(&p);
    plot_title(&p, "Predicted time to fit on P machines");
    plot_cmd(&p, "set xlabel 'P, machines'");
    plot_cmd(&p, "set ylabel 'seconds'");
    plot_cmd(&p, "set logscale xy");
    plot_cmd(&p, "set key left bottom");
    plot_cmd(&p, "plot $model using 1:2 with linespoints lt 1 title 'GD, n = 1e6, d = 20', "
                 "$model using 1:3 with linespoints lt 2 title 'Newton, n = 1e6, d = 20', "
                 "$model using 1:4 with linespoints lt 3 title 'GD, n = 1e9, d = 1000', "
                 "$model using 1:5 with linespoints lt 4 title 'Newton, n = 1e9, d = 1000'");
    chapter_show(pl, &p);
}
