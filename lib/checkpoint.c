#include "checkpoint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECKPOINT_MAGIC "logreg-checkpoint 1"

static int write_body(FILE *f, const char *options, size_t epoch, const LogReg *m) {
    fprintf(f, "%s\noptions %s\nepoch %zu\nw", CHECKPOINT_MAGIC, options, epoch);
    for (size_t j = 0; j < m->d; j++) fprintf(f, " %a", m->w[j]);
    fprintf(f, "\nb %a\n", m->b);
    // flushed and on the disk before the rename makes it the checkpoint
    return fflush(f) == 0 && fsync(fileno(f)) == 0 ? 0 : -1;
}

// [snippet write]
int checkpoint_write(const char *path, const char *options, size_t epoch, const LogReg *m, LrError *err) {
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (f == NULL) return lr_fail(err, "%s: cannot write: %s", tmp, strerror(errno));
    int ok = write_body(f, options, epoch, m) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {   // rename replaces path whole, or not at all
        int why = errno;
        remove(tmp);
        return lr_fail(err, "%s: cannot write the checkpoint: %s", path, strerror(why));
    }
    return 0;
}
// [end write]

/* Reads the next line of f into buf without its newline; 0 at the end. */
static int next_line(FILE *f, char *buf, size_t size, size_t *line) {
    if (fgets(buf, (int)size, f) == NULL) return 0;
    buf[strcspn(buf, "\n")] = '\0';
    (*line)++;
    return 1;
}

/* Parses count numbers written by %a after "key " in text. */
static int parse_values(const char *text, const char *key, double *out, size_t count) {
    size_t k = strlen(key);
    if (strncmp(text, key, k) != 0 || text[k] != ' ') return -1;
    const char *s = text + k;
    for (size_t j = 0; j < count; j++) {
        char *end;
        out[j] = strtod(s, &end);
        if (end == s) return -1;
        s = end;
    }
    return *s == '\0' ? 0 : -1;
}

static int read_body(FILE *f, const char *path, const char *options, size_t *epoch, LogReg *m, LrError *err) {
    char buf[65536];
    size_t line = 0;
    if (!next_line(f, buf, sizeof buf, &line) || strcmp(buf, CHECKPOINT_MAGIC) != 0) {
        return lr_fail(err, "%s:1: not a checkpoint (expected '%s'); give --checkpoint a new file name",
                       path, CHECKPOINT_MAGIC);
    }
    if (!next_line(f, buf, sizeof buf, &line) || strncmp(buf, "options ", 8) != 0 || strcmp(buf + 8, options) != 0) {
        return lr_fail(err, "%s:2: written by a run with other options (%s), not (%s); run with those, "
                            "or delete the file to start again",
                       path, strncmp(buf, "options ", 8) == 0 ? buf + 8 : "?",
                       options);
    }
    double e = 0.0, b = 0.0;
    double *w = vec_new(m->d);
    int bad = !next_line(f, buf, sizeof buf, &line) || sscanf(buf, "epoch %lf", &e) != 1 || e < 0 ||
              !next_line(f, buf, sizeof buf, &line) || parse_values(buf, "w", w, m->d) != 0 ||
              !next_line(f, buf, sizeof buf, &line) || parse_values(buf, "b", &b, 1) != 0;
    if (!bad) {
        for (size_t j = 0; j < m->d; j++) m->w[j] = w[j];
        m->b = b;
        *epoch = (size_t)e;
    }
    free(w);
    return bad ? lr_fail(err, "%s:%zu: a damaged checkpoint (expected epoch, w with %zu numbers, b); delete it "
                              "to start again",
                         path, line, m->d)
               : 0;
}

int checkpoint_read(const char *path, const char *options, size_t *epoch, LogReg *m, LrError *err) {
    FILE *f = fopen(path, "r");
    if (f == NULL && errno == ENOENT) return 1;
    if (f == NULL) return lr_fail(err, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return lr_fail(err, "%s: is a directory; give --checkpoint a file name (a new one starts the run afresh)",
                       path);
    }
    int status = read_body(f, path, options, epoch, m, err);
    fclose(f);
    return status;
}
