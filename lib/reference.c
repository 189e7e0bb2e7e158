#include "reference.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses "key v1 v2 ..." into e. Returns 0, or -1 with a message. */
static int parse_entry(char *line, RefEntry *e, const char *path, size_t lineno, LrError *err) {
    char *save = NULL;
    char *key = strtok_r(line, " \t\r\n", &save);
    e->key = lr_strdup(key);
    e->values = NULL;
    e->n = 0;
    for (char *tok = strtok_r(NULL, " \t\r\n", &save); tok != NULL; tok = strtok_r(NULL, " \t\r\n", &save)) {
        char *end;
        errno = 0;
        double v = strtod(tok, &end);
        if (*end != '\0' || errno == ERANGE) {
            return lr_fail(err, "%s:%zu: expected a number after '%s', got '%.40s'", path, lineno, key, tok);
        }
        e->values = lr_realloc(e->values, (e->n + 1) * sizeof(double));
        e->values[e->n++] = v;
    }
    return 0;
}

static int is_blank_or_comment(const char *line) {
    line += strspn(line, " \t\r\n");
    return *line == '\0' || *line == '#';
}

int ref_load(Reference *ref, const char *path, LrError *err) {
    *ref = (Reference){0};
    FILE *f = fopen(path, "r");
    if (f == NULL) return lr_fail(err, "%s: cannot open reference file: %s", path, strerror(errno));
    char *line = NULL;
    size_t size = 0, lineno = 0;
    int status = 0;
    while (status == 0 && getline(&line, &size, f) != -1) {
        lineno++;
        if (is_blank_or_comment(line)) continue;
        ref->entries = lr_realloc(ref->entries, (ref->n + 1) * sizeof(RefEntry));
        status = parse_entry(line, &ref->entries[ref->n++], path, lineno, err);
    }
    free(line);
    fclose(f);
    if (status != 0) ref_free(ref);
    return status;
}

const RefEntry *ref_get(const Reference *ref, const char *key) {
    for (size_t k = 0; k < ref->n; k++) {
        if (strcmp(ref->entries[k].key, key) == 0) return &ref->entries[k];
    }
    return NULL;
}

double ref_value(const Reference *ref, const char *key, size_t index) {
    const RefEntry *e = ref_get(ref, key);
    return e != NULL && index < e->n ? e->values[index] : NAN;
}

void ref_free(Reference *ref) {
    for (size_t k = 0; k < ref->n; k++) {
        free(ref->entries[k].key);
        free(ref->entries[k].values);
    }
    free(ref->entries);
    *ref = (Reference){0};
}
