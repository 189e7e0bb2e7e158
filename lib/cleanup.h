/* cleanup: what a program stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP
 * must not leave behind: half-written temporary files, and a gnuplot still
 * drawing an image no one will look at.
 *
 * Modules that make a temporary file register it for as long as it exists;
 * a module that starts a helper process registers its process group. The
 * first registration installs the signal handlers (a signal the program
 * ignores, as under nohup, stays ignored). On a signal the handler removes
 * the files, kills the process group, and lets the signal end the program as
 * it would have (exit status 128 + signal in the shell).
 *
 *     int slot = cleanup_add_file(tmp);   // -1 when the table is full
 *     ... write tmp, rename it ...
 *     cleanup_forget_file(slot);
 *
 * The one module of lib/ with state of its own: a signal handler has no
 * other way to know what to clean up.
 */
#ifndef LR_CLEANUP_H
#define LR_CLEANUP_H

#include <sys/types.h>

/* How many temporary files can be registered at once, and their longest path. */
#define CLEANUP_FILES 8
#define CLEANUP_PATH 1400

/* Registers path for removal on a signal. Returns a slot for
 * cleanup_forget_file, or -1 when the path is too long or the table full
 * (the file is then not removed on a signal). */
int cleanup_add_file(const char *path);

/* The file of slot is gone or kept on purpose: no longer remove it. slot -1 is ignored. */
void cleanup_forget_file(int slot);

/* On a signal, send SIGTERM to process group pgid (a child started with
 * setpgid(0, 0)); 0 forgets it. */
void cleanup_set_child(pid_t pgid);

#endif
