#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lr_fail(LrError *err, const char *fmt, ...) {
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static void out_of_memory(size_t size, const char *file, int line) {
    fprintf(stderr, "%s:%d: out of memory (asked for %zu bytes)\n", file, line, size);
    exit(1);
}

void *lr_malloc_at(size_t size, const char *file, int line) {
    void *p = malloc(size > 0 ? size : 1);
    if (p == NULL) out_of_memory(size, file, line);
    return p;
}

void *lr_calloc_at(size_t count, size_t size, const char *file, int line) {
    void *p = calloc(count > 0 ? count : 1, size > 0 ? size : 1);
    if (p == NULL) out_of_memory(count * size, file, line);
    return p;
}

void *lr_realloc_at(void *ptr, size_t size, const char *file, int line) {
    void *p = realloc(ptr, size > 0 ? size : 1);
    if (p == NULL) out_of_memory(size, file, line);
    return p;
}

char *lr_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *copy = lr_malloc(n);
    memcpy(copy, s, n);
    return copy;
}

const char *lr_shown(const char *s, char *buf, size_t size) {
    size_t n = strlen(s), k = 0;
    for (size_t i = 0; i < n && i < LR_SHOWN && k + 5 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) k += (size_t)snprintf(buf + k, size - k, "\\x%02x", c);
        else buf[k++] = (char)c;
    }
    buf[k] = '\0';
    if (n > LR_SHOWN) snprintf(buf + k, size - k, "... (%zu bytes)", n);
    return buf;
}

int lr_has_control(const char *s) {
    for (; *s != '\0'; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f) return 1;
    }
    return 0;
}

#ifndef LR_ROOT
#define LR_ROOT "."
#endif

const char *lr_data_path(const char *name, char *buf, size_t size) {
    snprintf(buf, size, "data/%s", name);
    if (access(buf, R_OK) == 0) return buf;
    snprintf(buf, size, "%s/data/%s", LR_ROOT, name);
    if (access(buf, R_OK) == 0) return buf;
    snprintf(buf, size, "data/%s", name); /* missing: let the reader say so */
    return buf;
}
