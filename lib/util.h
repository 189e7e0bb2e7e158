/* util: checked allocation and the error message type every module returns.
 *
 * The library never prints: a function that can fail returns -1 and writes
 * one line into an LrError the caller passed; the program decides what to do
 * with it (usually: print it on stderr and exit 2). Running out of memory is
 * the one exception: lr_malloc prints where it happened and exits.
 */
#ifndef LR_UTIL_H
#define LR_UTIL_H

#include <stddef.h>

#define LR_PRINTF(fmt_index, first_arg) \
    __attribute__((format(printf, fmt_index, first_arg)))

/* One line describing what went wrong, e.g. "data.csv:14:7: expected a number". */
typedef struct {
    char msg[512];
} LrError;

/* Formats a message into err (if err is not NULL). Always returns -1, so that
 * `return lr_fail(err, "...")` reads as "fail with this message". */
int lr_fail(LrError *err, const char *fmt, ...) LR_PRINTF(2, 3);

/* malloc/calloc that never return NULL: on failure they print the caller's
 * file:line on stderr and exit(1). lr_calloc zeroes the memory. The caller
 * frees with free(). */
#define lr_malloc(size) lr_malloc_at((size), __FILE__, __LINE__)
#define lr_calloc(count, size) lr_calloc_at((count), (size), __FILE__, __LINE__)
#define lr_realloc(ptr, size) lr_realloc_at((ptr), (size), __FILE__, __LINE__)
void *lr_malloc_at(size_t size, const char *file, int line);
void *lr_calloc_at(size_t count, size_t size, const char *file, int line);
void *lr_realloc_at(void *ptr, size_t size, const char *file, int line);

/* A copy of s in memory from lr_malloc; the caller frees it. */
char *lr_strdup(const char *s);

/* How much of a user's text (a file name, an option's value) a message
 * shows, and the buffer lr_shown needs for it. */
#define LR_SHOWN 100
#define LR_SHOWN_SIZE (LR_SHOWN * 4 + 32)

/* s as a one-line message may show it: control characters (newline, ESC, ...)
 * written as \xNN, so that the message stays one line and sends nothing to
 * the terminal, and cut after LR_SHOWN bytes with "... (N bytes)". Writes
 * into buf (size bytes, LR_SHOWN_SIZE is enough) and returns buf. */
const char *lr_shown(const char *s, char *buf, size_t size);

/* 1 when s holds a control character (bytes 0x01-0x1f and 0x7f). */
int lr_has_control(const char *s);

/* Path of a file shipped under data/: "data/NAME" when run from the
 * repository root, else the same file in the repository the program was built
 * in. Writes it into buf (size bytes) and returns buf. */
const char *lr_data_path(const char *name, char *buf, size_t size);

#endif
