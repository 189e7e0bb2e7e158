#include "cleanup.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

static char files[CLEANUP_FILES][CLEANUP_PATH];     // the paths to remove
static volatile sig_atomic_t used[CLEANUP_FILES];   // 1: files[k] holds a path to remove
static volatile sig_atomic_t child;                 // a process group to kill, or 0
static int installed;                               // 1 once the handlers are in place

static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};

/* Only async-signal-safe calls here: unlink, kill, signal, raise. */
static void on_signal(int sig) {
    for (int k = 0; k < CLEANUP_FILES; k++) {
        if (used[k]) unlink(files[k]);
    }
    if (child > 0) kill(-(pid_t)child, SIGTERM);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install(void) {
    installed = 1;
    for (size_t k = 0; k < sizeof SIGNALS / sizeof SIGNALS[0]; k++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        if (sigaction(SIGNALS[k], NULL, &old) == 0 && old.sa_handler != SIG_IGN) sigaction(SIGNALS[k], &sa, NULL);
    }
}

int cleanup_add_file(const char *path) {
    if (!installed) install();
    if (strlen(path) >= CLEANUP_PATH) return -1;
    for (int k = 0; k < CLEANUP_FILES; k++) {
        if (!used[k]) {
            strcpy(files[k], path);
            used[k] = 1;   // set last: the handler never sees half a path
            return k;
        }
    }
    return -1;
}

void cleanup_forget_file(int slot) {
    if (slot >= 0 && slot < CLEANUP_FILES) used[slot] = 0;
}

void cleanup_set_child(pid_t pgid) {
    if (!installed) install();
    child = pgid;
}
