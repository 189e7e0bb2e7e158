/* The chapters' checks on the learner's code before it is trusted: which
 * exercises each chapter runs, whether one of them changed since the program
 * was built, and a plain word when it crashes (lib/yours.h). */
#include <glob.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yours.h"

#ifndef LR_ROOT
#define LR_ROOT "."
#endif

/* The chapters that run more than their own exercise, each row the
 * chapter's number and then the exercises it runs, in order: its own, and
 * those of the lesson's loops it trains with (lib/yours-train.c: sigmoid 01,
 * bce_mean 02, gradient and gd_step 03), ended by 0. A chapter without a row
 * runs its own exercise alone. */
// clang-format off: a table, laid out by hand
static const int USES[][6] = {
    {3, 1, 2, 3, 0},
    {4, 1, 2, 3, 4, 0},
    {5, 1, 2, 3, 5, 0},
    {7, 1, 2, 3, 7, 0},
    {9, 1, 2, 3, 9, 0},
    {10, 1, 2, 3, 10, 0},
};
// clang-format on

const int *yours_uses(int nn) {
    for (size_t k = 0; k < sizeof USES / sizeof USES[0]; k++) {
        if (USES[k][0] == nn) return USES[k] + 1;
    }
    static int own[2];   // {nn, 0}
    own[0] = nn;
    return own;
}

int yours_list_uses(int nn, char *buf, size_t size) {
    int others[sizeof USES[0] / sizeof USES[0][0]], n = 0;
    for (const int *k = yours_uses(nn); *k != 0; k++) {
        if (*k != nn) others[n++] = *k;
    }
    size_t used = 0;
    buf[0] = '\0';
    // "01", "01 and 02", "01, 02 and 03"
    for (int k = 0; k < n && used < size; k++) {
        int w = snprintf(buf + used, size - used, "%s%02d", k == 0 ? "" : k == n - 1 ? " and "
                                                                                     : ", ",
                         others[k]);
        if (w < 0) break;
        used += (size_t)w;
    }
    return n;
}

/* 1 when a was modified after b. */
static int newer(const struct stat *a, const struct stat *b) {
    if (a->st_mtim.tv_sec != b->st_mtim.tv_sec) return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
    return a->st_mtim.tv_nsec > b->st_mtim.tv_nsec;
}

/* 1 when exercise nn's source (LR_ROOT/exercises/NN-*.c) is newer than
 * program; its path from the top folder goes to path. */
static int changed_since(int nn, const struct stat *program, char *path, size_t size) {
    char pattern[4096];
    snprintf(pattern, sizeof pattern, "%s/exercises/%02d-*.c", LR_ROOT, nn);
    glob_t g;
    int changed = 0;
    struct stat source;
    if (glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc > 0 && stat(g.gl_pathv[0], &source) == 0 &&
        newer(&source, program)) {
        const char *name = strrchr(g.gl_pathv[0], '/');
        snprintf(path, size, "exercises/%s", name != NULL ? name + 1 : g.gl_pathv[0]);
        changed = 1;
    }
    globfree(&g);
    return changed;
}

int yours_stale(int nn, char *path, size_t size) {
    // Only the chapter programs make chapter-NN copies to the top folder are
    // built from exercises/ (make test's are built from the stubs).
    char top[4096];
    snprintf(top, sizeof top, "%s/chapter-%02d", LR_ROOT, nn);
    struct stat self, copy;
    if (stat("/proc/self/exe", &self) != 0 || stat(top, &copy) != 0) return 0;
    if (self.st_dev != copy.st_dev || self.st_ino != copy.st_ino) return 0;
    for (const int *k = yours_uses(nn); *k != 0; k++) {
        if (changed_since(*k, &self, path, size)) return 1;
    }
    return 0;
}

/* ---- a crash in the learner's code ----------------------------------------- */

/* The sanitizers catch these signals themselves, with a better report. */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SANITIZED 1
#endif
#endif

#ifndef SANITIZED
static char crash_head[128], crash_tail[256];   // the message around the signal's name, made before any crash

static void on_crash(int sig) {
    const char *what = sig == SIGSEGV  ? "a bad memory access (SIGSEGV)"
                       : sig == SIGBUS ? "a bad memory access (SIGBUS)"
                       : sig == SIGFPE ? "a division by zero in whole numbers (SIGFPE)"
                                       : "an illegal instruction (SIGILL)";
    // write(2) only: the one kind of output that is safe in a signal handler
    if (write(STDERR_FILENO, crash_head, strlen(crash_head)) < 0) _exit(128 + sig);
    if (write(STDERR_FILENO, what, strlen(what)) < 0) _exit(128 + sig);
    if (write(STDERR_FILENO, crash_tail, strlen(crash_tail)) < 0) _exit(128 + sig);
    signal(sig, SIG_DFL);
    raise(sig);   // the default action: the exit status a shell shows as 128 + sig
}
#endif

void yours_watch_crashes(const char *program) {
#ifndef SANITIZED
    snprintf(crash_head, sizeof crash_head, "\n%s: crashed: ", program);
    snprintf(crash_tail, sizeof crash_tail,
             ",\n  most likely in your exercise code; make check shows which test\n"
             "  crashes, and ./%s --lib runs without your code\n",
             program);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_crash;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[k], &sa, NULL);
    }
#else
    (void)program;
#endif
}
