/* Tests for lib/dataset (the CSV reader and writer) and lib/reference. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dataset.h"
#include "harness.h"
#include "reference.h"

static char dir[64];

/* Writes text to DIR/name and returns the path (a static buffer). */
static const char *write_file(const char *name, const char *text) {
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_good_file(void) {
    const char *path = write_file("good.csv", "\xEF\xBB\xBFx1,x2,y\r\n1.5,-2,0\r\n\r\n3e-2, 4 ,1\r\n0,0,1\r\n");
    Dataset ds;
    LrError err = {""};
    int rc = dataset_read_csv(&ds, path, &err);
    EXPECT_TRUE(rc == 0, harness_fmt("a BOM, CRLF and a blank line are accepted, got: %s", err.msg));
    if (rc != 0) return;
    EXPECT_NEAR((double)ds.n, 3, 0, "rows", "three data rows");
    EXPECT_NEAR((double)ds.d, 2, 0, "features", "two features, then the label");
    EXPECT_NEAR(*mat_at(&ds.X, 1, 0), 0.03, 0, "X[1][0]", "3e-2");
    EXPECT_NEAR(*mat_at(&ds.X, 1, 1), 4, 0, "X[1][1]", "spaces around a number are fine");
    EXPECT_NEAR(ds.y[1], 1, 0, "y[1]", "the last column is the label");
    EXPECT_TRUE(strcmp(ds.names[0], "x1") == 0, "the BOM is not part of the first name");
    EXPECT_TRUE(dataset_check_labels(&ds, 2, path, &err) == 0, "labels 0 and 1 both occur");
    dataset_free(&ds);
}

/* A table of numbers: the last column may be any number; errors as for data. */
static void test_table(void) {
    const char *path = write_file("table.csv", "threshold,precision,recall\n0.25,0.5,1\n0.75,1,0.5\n");
    Matrix M;
    LrError err = {""};
    int rc = dataset_read_table(&M, path, &err);
    EXPECT_TRUE(rc == 0 && M.rows == 2 && M.cols == 3,
                harness_fmt("a 2 x 3 table reads into a 2 x 3 matrix, got rc %d: %s", rc, err.msg));
    if (rc == 0) EXPECT_NEAR(*mat_at(&M, 1, 2), 0.5, 0, "M[1][2]", "the last column is a number like the others");
    mat_free(&M);
    Dataset ds;
    EXPECT_TRUE(dataset_read_csv(&ds, path, &err) != 0, "as a data set the same file is refused: a label 0.5");
    path = write_file("bad-table.csv", "a,b\n1,x\n");
    char want[512];
    snprintf(want, sizeof want, "%s/bad-table.csv:2:3: expected a number, got 'x'", dir);
    rc = dataset_read_table(&M, path, &err);
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, want) == 0 && M.data == NULL,
                harness_fmt("a bad cell gives the data reader's message, got '%s'", rc != 0 ? err.msg : "(no error)"));
}

/* Each bad file gives exactly this message (with DIR/ in front of the name). */
static void expect_error(const char *name, const char *text, const char *message) {
    const char *path = write_file(name, text);
    Dataset ds;
    LrError err = {""};
    char want[512];
    snprintf(want, sizeof want, "%s/%s", dir, message);
    int read = dataset_read_csv(&ds, path, &err);
    int rc = read == 0 ? dataset_check_labels(&ds, 2, path, &err) : read;
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, want) == 0,
                harness_fmt("%s: expected the error '%s', got '%s'", name, want, rc != 0 ? err.msg : "(no error)"));
    if (read == 0) dataset_free(&ds);
}

static void test_bad_files(void) {
    expect_error("empty.csv", "", "empty.csv: empty file, expected a header like x1,x2,y");
    expect_error("header.csv", "x1,x2,y\n", "header.csv: no data rows after the header");
    expect_error("ragged.csv", "x1,x2,y\n1,2,0\n1,2\n", "ragged.csv:3: expected 3 columns like the header, got 2");
    expect_error("comma.csv", "x1,x2,y\n1,2,0,\n", "comma.csv:2: expected 3 columns like the header, got 4 (a trailing comma?)");
    expect_error("word.csv", "x1,x2,y\n1,abc,0\n", "word.csv:2:3: expected a number, got 'abc'");
    expect_error("blank.csv", "x1,x2,y\n1,,0\n", "blank.csv:2:3: empty cell, expected a number; fill it in or drop the row");
    expect_error("nan.csv", "x1,x2,y\nnan,1,0\n", "nan.csv:2:1: 'nan' is not a number (a missing value?); fill it in or drop the row");
    expect_error("na.csv", "x1,x2,y\n1,#N/A,0\n", "na.csv:2:3: '#N/A' marks a missing value, expected a number; fill it in or drop the row");
    expect_error("yes.csv", "x1,x2,y\n1,2,yes\n", "yes.csv:2:5: the label (last column) must be a class number 0, 1, ..., got 'yes'");
    expect_error("huge.csv", "x1,x2,y\n1,1e400,0\n", "huge.csv:2:3: '1e400' is too large for a double (at most about 1.8e308)");
    expect_error("label.csv", "x1,x2,y\n1,2,0.5\n", "label.csv:2:5: the label (last column) must be a whole number, got 0.5");
    expect_error("nohead.csv", "1,2,0\n", "nohead.csv:1: the first row must be a header of column names, got the number '1'");
    expect_error("title.csv", "Data, cleaned\nx1,y\n1,0\n",
                 "title.csv:2: expected a row of numbers, got 'x1,y', which looks like a header; "
                 "the header must be the first line (line 1 is 'Data, cleaned'): delete any title above it");
    expect_error("notes.md", "# Notes, in brief\n\nSome text.\n",
                 "notes.md:3: expected a row of numbers, got 'Some text.'; this does not look like a CSV file "
                 "with a header row of column names (line 1 is '# Notes, in brief')");
    expect_error("heading.md", "# Notes\n", "heading.md:1: need at least 2 columns (features, then the label), got 1: "
                                            "'# Notes'; a data file starts with a header row of column names, like x1,x2,y");
    expect_error("quoted.csv", "x1,x2,y\n\"1\",\"a\",0\n", "quoted.csv:2:6: expected a number, got 'a'");
    expect_error("class.csv", "x1,x2,y\n1,2,0\n3,4,2\n", "class.csv:3: label 2 is out of range; this chapter needs labels 0..1 (more than 2 classes? chapters 7 and 8 take them)");
    expect_error("one.csv", "x1,x2,y\n1,2,0\n3,4,0\n5,6,0\n", "one.csv: no sample has label 1; this chapter needs every label 0..1 to occur");
    expect_error("few.csv", "x1,x2,y\n1,2,0\n3,4,1\n", "few.csv: 2 rows but 2 features: need more rows than features");
}

static void test_missing(void) {
    Dataset ds;
    LrError err;
    /* (each read comes first: the message that shows err.msg is worked out
     * before EXPECT_TRUE is called, and C does not order its arguments) */
    int rc = dataset_read_csv(&ds, "no/such/file.csv", &err);
    EXPECT_TRUE(rc != 0 && strcmp(err.msg, "no/such/file.csv: cannot open: No such file or directory") == 0,
                harness_fmt("a missing file is named in the error, got '%s'", err.msg));
    rc = dataset_read_csv(&ds, dir, &err);
    EXPECT_TRUE(rc != 0 && strstr(err.msg, "is a directory") != NULL,
                harness_fmt("a directory is refused, got '%s'", err.msg));
}

static void test_round_trip(void) {
    const char *path = write_file("in.csv", "a,b,label\n0.1,-1e-300,1\n2.5,3,0\n7,8,1\n");
    Dataset ds, back;
    LrError err;
    dataset_read_csv(&ds, path, &err);
    char out[256];
    snprintf(out, sizeof out, "%s/out.csv", dir);
    EXPECT_TRUE(dataset_write_csv(&ds, out, &err) == 0, "writing succeeds");
    EXPECT_TRUE(dataset_read_csv(&back, out, &err) == 0, "what was written reads back");
    EXPECT_TRUE(memcmp(ds.X.data, back.X.data, 6 * sizeof(double)) == 0, "every value survives exactly (%.17g)");
    EXPECT_TRUE(strcmp(back.names[2], "label") == 0, "the header survives");
    dataset_free(&ds);
    dataset_free(&back);
}

/* One cell of test_exact_numbers, of kind i % 6, from 64 random bits. */
static void exact_cell(int i, uint64_t bits, char *cell, size_t size) {
    double mantissa = (double)(bits >> 11) / 9007199254740992.0;   // [0, 1), 53 random bits
    int exp10 = (int)(bits % 70) - 35;
    double v = (i % 2 ? -1 : 1) * mantissa * pow(10.0, exp10);
    switch (i % 6) {
    case 0: snprintf(cell, size, "%.17g", v); break;
    case 1: snprintf(cell, size, " %.6g\t", v); break;
    case 2: snprintf(cell, size, "%.3e", v); break;
    case 3: snprintf(cell, size, "%.0f", v * 1e6); break;
    case 4:   // 19 digits of a point very near halfway between v and the next double
        snprintf(cell, size, "%.18e", v + (nextafter(v, 2 * v) - v) / 2);
        break;
    default:   // a whole number between 2^53 and 10^19: often a tie, rounded to even
        snprintf(cell, size, "%llu", (unsigned long long)(9007199254740992u + bits % 9990992800745259008u));
        break;
    }
}

/* The reader's own parsing of plain decimals gives strtod's bits: doubles
 * of every magnitude (beyond what it handles too, where it leaves them to
 * strtod), written with %.17g, %.6g with blanks, %.3e, as whole numbers,
 * as 19 digits near a halfway point between two doubles, and as whole
 * numbers above 2^53. */
static void test_exact_numbers(void) {
    enum { N = 60000 };
    size_t size = 0;
    char *text = NULL;
    FILE *f = open_memstream(&text, &size);
    double *want = malloc(N * sizeof *want);
    uint64_t state = 88172645463325252u;
    fprintf(f, "x,y\n");
    for (int i = 0; i < N; i++) {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;   // xorshift64
        char cell[64];
        exact_cell(i, state, cell, sizeof cell);
        want[i] = strtod(cell, NULL);
        fprintf(f, "%s,%d\n", cell, i % 2);
    }
    fclose(f);
    FILE *in = fmemopen(text, size, "r");
    Dataset ds;
    LrError err = {""};
    int rc = dataset_read_stream(&ds, in, "numbers.csv", &err);
    fclose(in);
    EXPECT_TRUE(rc == 0, harness_fmt("60000 numbers read: %s", err.msg));
    int bad = 0, first_bad = -1;
    for (int i = 0; rc == 0 && i < N; i++) {
        if (memcmp(mat_at(&ds.X, (size_t)i, 0), &want[i], sizeof want[i]) != 0) {
            bad++;
            if (first_bad < 0) first_bad = i;
        }
    }
    EXPECT_TRUE(bad == 0, harness_fmt("%d of %d numbers differ from strtod's; the first, row %d: read %.17g, "
                                      "strtod gives %.17g",
                                      bad, N, first_bad + 2,
                                      first_bad < 0 ? 0.0 : *mat_at(&ds.X, (size_t)first_bad, 0),
                                      first_bad < 0 ? 0.0 : want[first_bad]));
    if (rc == 0) dataset_free(&ds);
    free(want);
    free(text);
}

static void test_reference(void) {
    const char *path = write_file("ref.txt", "# comment\nw 0.5 -1.25\n\nacc 0.9233\n");
    Reference ref;
    LrError err;
    EXPECT_TRUE(ref_load(&ref, path, &err) == 0, "a reference file loads");
    EXPECT_NEAR(ref_value(&ref, "w", 1), -1.25, 0, "w[1]", "the second value of w");
    EXPECT_NEAR(ref_value(&ref, "acc", 0), 0.9233, 0, "acc", "one value");
    EXPECT_TRUE(ref_get(&ref, "missing") == NULL, "a key that is not there gives NULL");
    ref_free(&ref);
    path = write_file("bad.txt", "w 0.5 x\n");
    int rc = ref_load(&ref, path, &err); /* before the message shows err */
    EXPECT_TRUE(rc != 0 && strstr(err.msg, ":1: expected a number after 'w', got 'x'") != NULL,
                harness_fmt("a bad reference line is reported, got '%s'", err.msg));
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/lr-test-XXXXXX");
    if (mkdtemp(dir) == NULL) return 2;
    static const HarnessTest tests[] = {
        {"a good CSV file reads (BOM, CRLF, blank lines)", test_good_file},
        {"bad CSV files give one exact message each", test_bad_files},
        {"missing files and folders are refused", test_missing},
        {"a table of numbers reads into a matrix", test_table},
        {"write then read gives the same numbers", test_round_trip},
        {"plain decimals read to strtod's bits", test_exact_numbers},
        {"reference files load", test_reference},
    };
    int status = harness_run("lib: dataset and reference", tests, sizeof tests / sizeof tests[0]);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) status = 2;
    return status;
}
