/* comm: the one collective operation data-parallel training needs, an
 * all-reduce that adds a vector across P processes and gives every process
 * the total, behind a small interface, so that the training code does not
 * know whether it runs on Open MPI, in one process, or in a test.
 *
 *     Comm c = comm_single();                 // one process: the sum is the vector itself
 *     double s[3] = {1, 2, 3};
 *     comm_sum(&c, s, 3);                     // s unchanged; c.calls == 1, c.bytes == 24
 *
 * lib/mpi/comm-mpi.c makes a Comm on Open MPI (MPI_Allreduce with MPI_SUM);
 * lib/mpi/comm-none.c stands in for it in a build without Open MPI.
 * comm_sum counts every call and its bytes, and times it, so a program can
 * report what its training cost in communication.
 */
#ifndef LR_COMM_H
#define LR_COMM_H

#include <stddef.h>

typedef struct Comm Comm;

struct Comm {
    size_t rank;          // this process: 0 .. size-1
    size_t size;          // P, the number of processes
    const char *engine;   // what carries the all-reduce: "Open MPI", or "one process, no MPI started"
    /* Replaces buf (n) by the element-wise sum of every process's buf. Every
     * process must call it, with the same n, in the same order. */
    void (*allreduce)(Comm *c, double *buf, size_t n);
    void *impl;       // the implementation's own state (NULL for one process)
    size_t calls;     // comm_sum calls so far
    size_t bytes;     // bytes summed so far (8 per double per call)
    double seconds;   // wall time spent inside comm_sum so far
};

/* A communicator of one process (rank 0, size 1): the all-reduce does nothing. */
Comm comm_single(void);

/* The all-reduce: buf (n) becomes the sum over all processes of their buf.
 * Counts the call and its bytes and adds its time to c->seconds. */
void comm_sum(Comm *c, double *buf, size_t n);

/* Sets calls, bytes and seconds back to 0. */
void comm_reset_counts(Comm *c);

/* Seconds on a monotonic clock, for timing. */
double comm_now(void);

/* The all-reduce's cost on this machine, t(bytes) = alpha + beta * bytes,
 * measured by comm_measure. */
typedef struct {
    double alpha;   // seconds per all-reduce of (almost) nothing: the latency
    double beta;    // seconds per byte summed: the inverse bandwidth
} CommCost;

/* Times comm_sum on 1 double and on COMM_MEASURE_BIG doubles, reps times
 * each (the median, taken on rank 0 and shared with every rank), and fits
 * alpha and beta through the two points. Every process must call it. The
 * counters are left as they were. */
#define COMM_MEASURE_BIG 16384
CommCost comm_measure(Comm *c, size_t reps);

/* ---- starting and stopping: lib/mpi/comm-mpi.c or lib/mpi/comm-none.c ---- */

/* The communicator of this run, made first thing in main. Started by mpirun
 * (Open MPI sets OMPI_COMM_WORLD_SIZE), it is every process of the run on
 * Open MPI; started alone, it is comm_single(), without starting Open MPI.
 * On Open MPI, processes other than rank 0 print nothing (stdout and stderr
 * go to /dev/null: rank 0 reports for all), and a process stopped by
 * mpirun because another one died says so in one line on stderr and exits
 * with status 4. program names the program in messages. */
Comm comm_start(int *argc, char ***argv, const char *program);

/* Ends the run's communication (MPI_Finalize); c is then one process. */
void comm_stop(Comm *c);

/* 1 when the program was built with Open MPI, 0 when with comm-none.c. */
int comm_have_mpi(void);

#endif
