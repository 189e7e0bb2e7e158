#include "dataset.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- reading ------------------------------------------------------------ */

/* What the reader has so far: values in row-major order, grown by doubling. */
typedef struct {
    const char *path;
    size_t line;       // current line number, 1-based
    size_t cols;       // columns per row, from the header
    double *values;    // (rows * cols) parsed numbers
    size_t rows;
    size_t capacity;   // rows that fit in values
} Reader;

static void strip_line_end(char *line) {
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
}

static int count_cells(const char *line) {
    int cells = 1;
    for (const char *c = line; *c != '\0'; c++) cells += *c == ',';
    return cells;
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) s[--len] = '\0';
    return s;
}

/* Parses one cell that must be a finite number. col is 1-based for messages. */
static int parse_cell(const Reader *r, char *cell, size_t col, double *out, LrError *err) {
    char *text = trim(cell);
    if (*text == '\0') {
        return lr_fail(err, "%s:%zu:%zu: empty cell, expected a number", r->path, r->line, col);
    }
    errno = 0;
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end != '\0') {
        return lr_fail(err, "%s:%zu:%zu: expected a number, got '%.40s'", r->path, r->line, col, text);
    }
    if (isnan(v) || isinf(v) || (errno == ERANGE && fabs(v) > 1.0)) {
        return lr_fail(err, "%s:%zu:%zu: '%.40s' is not a finite number", r->path, r->line, col, text);
    }
    *out = v;
    return 0;
}

/* Splits the header into column names. */
static int read_header(Reader *r, char *line, Dataset *ds, LrError *err) {
    if (strncmp(line, "\xEF\xBB\xBF", 3) == 0) memmove(line, line + 3, strlen(line + 3) + 1);
    if (*trim(line) == '\0') {
        return lr_fail(err, "%s:1: empty first line, expected a header like x1,x2,y", r->path);
    }
    int cols = count_cells(line);
    if (cols < 2) {
        return lr_fail(err, "%s:1: need at least 2 columns (features, then the label), got 1", r->path);
    }
    r->cols = (size_t)cols;
    ds->names = lr_calloc(r->cols, sizeof(char *));
    ds->d = r->cols - 1;
    char *cell = line;
    for (size_t j = 0; j < r->cols; j++) {
        char *comma = strchr(cell, ',');
        if (comma != NULL) *comma = '\0';
        char *name = trim(cell), *end;
        strtod(name, &end);
        if (*name != '\0' && *end == '\0') {
            return lr_fail(err, "%s:1: the first row must be a header of column names, got the number '%.40s'",
                           r->path, name);
        }
        ds->names[j] = lr_strdup(name);
        cell = comma + 1;
    }
    return 0;
}

/* Parses one data row and appends it. */
static int read_row(Reader *r, char *line, LrError *err) {
    int cells = count_cells(line);
    if ((size_t)cells != r->cols) {
        const char *hint = line[strlen(line) - 1] == ',' ? " (a trailing comma?)" : "";
        return lr_fail(err, "%s:%zu: expected %zu columns like the header, got %d%s",
                       r->path, r->line, r->cols, cells, hint);
    }
    if (r->rows == r->capacity) {
        r->capacity = r->capacity == 0 ? 64 : 2 * r->capacity;
        r->values = lr_realloc(r->values, r->capacity * r->cols * sizeof(double));
    }
    double *row = &r->values[r->rows * r->cols];
    char *cell = line;
    for (size_t j = 0; j < r->cols; j++) {
        char *comma = strchr(cell, ',');
        if (comma != NULL) *comma = '\0';
        if (parse_cell(r, cell, (size_t)(cell - line) + 1, &row[j], err) != 0) return -1;
        cell = comma + 1;
    }
    double label = row[r->cols - 1];
    if (label != floor(label)) {
        return lr_fail(err, "%s:%zu: the label (last column) must be a whole number, got %g",
                       r->path, r->line, label);
    }
    r->rows++;
    return 0;
}

/* Moves the parsed rows into ds: features into X, the last column into y. */
static void fill_dataset(const Reader *r, Dataset *ds) {
    ds->n = r->rows;
    ds->d = r->cols - 1;
    ds->X = mat_new(ds->n, ds->d);
    ds->y = vec_new(ds->n);
    for (size_t i = 0; i < ds->n; i++) {
        const double *row = &r->values[i * r->cols];
        memcpy(mat_row(&ds->X, i), row, ds->d * sizeof(double));
        ds->y[i] = row[ds->d];
    }
}

static int read_lines(Reader *r, FILE *f, Dataset *ds, LrError *err) {
    char *line = NULL;
    size_t size = 0;
    int status = 0;
    while (status == 0 && getline(&line, &size, f) != -1) {
        r->line++;
        strip_line_end(line);
        if (r->line == 1) {
            status = read_header(r, line, ds, err);
        } else if (*trim(line) != '\0') {
            status = read_row(r, line, err);
        }
    }
    if (status == 0 && ferror(f)) status = lr_fail(err, "%s: read error: %s", r->path, strerror(errno));
    if (status == 0 && r->line == 0) status = lr_fail(err, "%s: empty file, expected a header like x1,x2,y", r->path);
    if (status == 0 && r->rows == 0) status = lr_fail(err, "%s: no data rows after the header", r->path);
    free(line);
    return status;
}

int dataset_read_csv(Dataset *ds, const char *path, LrError *err) {
    *ds = (Dataset){0};
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        return lr_fail(err, "%s: is a directory, expected a CSV file", path);
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) return lr_fail(err, "%s: cannot open: %s", path, strerror(errno));
    Reader r = {.path = path};
    int status = read_lines(&r, f, ds, err);
    fclose(f);
    if (status == 0) {
        fill_dataset(&r, ds);
    } else {
        dataset_free(ds);
    }
    free(r.values);
    return status;
}

/* ---- writing ------------------------------------------------------------ */

static void write_rows(const Dataset *ds, FILE *f) {
    for (size_t j = 0; j <= ds->d; j++) {
        const char *name = ds->names != NULL ? ds->names[j] : NULL;
        if (name != NULL) fprintf(f, "%s%s", j > 0 ? "," : "", name);
        else if (j < ds->d) fprintf(f, "%sx%zu", j > 0 ? "," : "", j + 1);
        else fprintf(f, ",y");
    }
    fputc('\n', f);
    for (size_t i = 0; i < ds->n; i++) {
        for (size_t j = 0; j < ds->d; j++) fprintf(f, "%.17g,", *mat_at(&ds->X, i, j));
        fprintf(f, "%.0f\n", ds->y[i]);
    }
}

int dataset_write_csv(const Dataset *ds, const char *path, LrError *err) {
    size_t len = strlen(path) + 8;
    char *tmp = lr_malloc(len);
    snprintf(tmp, len, "%s.tmp", path);
    int status = 0;
    FILE *f = fopen(tmp, "w");
    if (f == NULL) {
        status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
    } else {
        write_rows(ds, f);
        int bad = ferror(f);
        if (fclose(f) != 0 || bad) status = lr_fail(err, "%s: write failed: %s", path, strerror(errno));
        else if (rename(tmp, path) != 0) status = lr_fail(err, "%s: cannot write: %s", path, strerror(errno));
        if (status != 0) remove(tmp);
    }
    free(tmp);
    return status;
}

/* ---- checking and freeing ----------------------------------------------- */

int dataset_check_labels(const Dataset *ds, int n_classes, const char *path, LrError *err) {
    size_t *count = lr_calloc((size_t)n_classes, sizeof(size_t));
    int status = 0;
    for (size_t i = 0; i < ds->n && status == 0; i++) {
        double label = ds->y[i];
        if (label < 0 || label >= n_classes) {
            status = lr_fail(err, "%s: sample %zu has label %g; this chapter needs labels 0..%d",
                             path, i + 1, label, n_classes - 1);
        } else {
            count[(int)label]++;
        }
    }
    for (int k = 0; k < n_classes && status == 0; k++) {
        if (count[k] == 0) status = lr_fail(err, "%s: no sample has label %d; every class must occur", path, k);
    }
    if (status == 0 && ds->n <= ds->d) {
        status = lr_fail(err, "%s: %zu rows but %zu features: need more rows than features", path, ds->n, ds->d);
    }
    free(count);
    return status;
}

void dataset_free(Dataset *ds) {
    if (ds->names != NULL) {
        for (size_t j = 0; j <= ds->d; j++) free(ds->names[j]);
    }
    free(ds->names);
    mat_free(&ds->X);
    free(ds->y);
    *ds = (Dataset){0};
}
