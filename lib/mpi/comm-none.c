/* comm-none: chapter 12 built without Open MPI (no mpicc here, or for
 * valgrind): always one process. */
#include <stdio.h>
#include <stdlib.h>

#include "comm.h"

Comm comm_start(int *argc, char ***argv, const char *program) {
    (void)argc;
    (void)argv;
    const char *size = getenv("OMPI_COMM_WORLD_SIZE");
    if (size != NULL && atoi(size) > 1) {   // each process would train alone on all the rows
        fprintf(stderr, "%s: this build has no Open MPI, so under mpirun every process would train alone; "
                        "install it (sudo apt-get install libopenmpi-dev openmpi-bin) and run make chapter-12 again\n",
                program);
        exit(2);
    }
    return comm_single();
}

void comm_stop(Comm *c) {
    *c = comm_single();
}

int comm_have_mpi(void) {
    return 0;
}
