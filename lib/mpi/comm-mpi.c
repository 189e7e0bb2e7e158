/* comm-mpi: lib/comm's all-reduce on Open MPI. Built only into chapter 12,
 * with mpicc (the Makefile's chapter-12 rule); everything else in lib/ needs
 * no MPI. */
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "comm.h"

/* The one line a process prints when mpirun stops it, and where it goes
 * (stderr, kept open even after rank > 0 has silenced stderr). A signal
 * handler can reach nothing else, so these two are file-level state. */
static char stop_line[512];
static char program_name[64];
static int stop_fd = 2;

static void on_sigterm(int sig) {
    (void)sig;   // write() and _exit() are async-signal-safe; printf is not
    ssize_t unused = write(stop_fd, stop_line, strlen(stop_line));
    (void)unused;
    _exit(4);
}

static void mpi_allreduce(Comm *c, double *buf, size_t n) {
    // buf_j <- sum over processes of buf_j
    int rc = MPI_Allreduce(MPI_IN_PLACE, buf, (int)n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (rc != MPI_SUCCESS) {
        char why[MPI_MAX_ERROR_STRING];
        int len = 0;
        MPI_Error_string(rc, why, &len);
        dprintf(stop_fd, "%s: the all-reduce failed on process %zu (%s): another process of this run has "
                         "probably died; run again with the same options to resume from --checkpoint\n",
                program_name, c->rank, why);
        MPI_Abort(MPI_COMM_WORLD, 4);
    }
}

/* Ranks other than 0 keep quiet: rank 0 reports for the run. */
static void silence(void) {
    stop_fd = dup(2);
    if (freopen("/dev/null", "w", stdout) == NULL || freopen("/dev/null", "w", stderr) == NULL) stop_fd = 2;
}

Comm comm_start(int *argc, char ***argv, const char *program) {
    if (getenv("OMPI_COMM_WORLD_SIZE") == NULL) return comm_single();   // not started by mpirun
    MPI_Init(argc, argv);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    snprintf(program_name, sizeof program_name, "%s", program);
    snprintf(stop_line, sizeof stop_line, "%s: stopped by mpirun: another process of this run died (or the run "
                                          "was interrupted), so the all-reduce cannot finish; run again with the same options to resume "
                                          "from --checkpoint\n",
             program);
    signal(SIGTERM, on_sigterm);
    if (rank > 0) silence();
    return (Comm){.rank = (size_t)rank, .size = (size_t)size, .engine = "Open MPI", .allreduce = mpi_allreduce};
}

void comm_stop(Comm *c) {
    int started = 0;
    MPI_Initialized(&started);
    if (started) MPI_Finalize();
    *c = comm_single();
}

int comm_have_mpi(void) {
    return 1;
}
