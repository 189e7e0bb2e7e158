/* fuzz-csv: libFuzzer feeds the CSV reader arbitrary bytes.
 *
 *     make fuzz                     # FUZZ_SECONDS=60 by default
 *
 * Besides "no crash, no leak, no undefined behaviour" (AddressSanitizer and
 * UBSan watch every run), each input checks what the reader promises:
 *   - a refused file gets one non-empty line naming the file, no control
 *     characters in it;
 *   - an accepted file has finite features, whole-number labels, and a name
 *     for every column; written out and read back, it is the same to the bit;
 *   - the label and scale checks either pass or say why, in one line.
 * A broken promise aborts, and libFuzzer saves the input that did it.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"

#define NAME "fuzz.csv"

/* Stops the run (libFuzzer keeps the input) with what went wrong. */
static void broken(const char *what, const char *detail) {
    fprintf(stderr, "fuzz-csv: %s: %s\n", what, detail);
    abort();
}

static void check_message(const LrError *err) {
    if (strncmp(err->msg, NAME, strlen(NAME)) != 0) broken("message does not name the file", err->msg);
    for (const char *c = err->msg; *c != '\0'; c++) {
        if ((unsigned char)*c < 0x20) broken("control character in a message", err->msg);
    }
}

static void check_accepted(const Dataset *ds) {
    if (ds->n == 0 || ds->d == 0 || ds->line == NULL) broken("accepted an empty data set", "");
    for (size_t k = 0; k < ds->n * ds->d; k++) {
        if (!isfinite(ds->X.data[k])) broken("accepted a non-finite feature", "");
    }
    for (size_t i = 0; i < ds->n; i++) {
        if (ds->y[i] != floor(ds->y[i])) broken("accepted a fractional label", "");
    }
    for (size_t j = 0; j <= ds->d; j++) {
        if (ds->names[j] == NULL || ds->names[j][0] == '\0') broken("accepted an unnamed column", "");
    }
}

/* Writes ds to memory, reads it back, and compares every value and name. */
static void check_round_trip(const Dataset *ds) {
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (out == NULL || dataset_write_stream(ds, out) != 0) broken("write failed", "");
    fclose(out);
    FILE *in = fmemopen(text, len, "r");
    Dataset back;
    LrError err;
    if (in == NULL) broken("fmemopen failed", "");
    if (dataset_read_stream(&back, in, NAME, &err) != 0) broken("what was written does not read back", err.msg);
    fclose(in);
    if (back.n != ds->n || back.d != ds->d) broken("round trip changed the shape", "");
    if (memcmp(back.X.data, ds->X.data, ds->n * ds->d * sizeof(double)) != 0) broken("round trip changed X", "");
    for (size_t i = 0; i < ds->n; i++) {
        if (back.y[i] != ds->y[i]) broken("round trip changed a label", "");
    }
    for (size_t j = 0; j <= ds->d; j++) {
        if (strcmp(back.names[j], ds->names[j]) != 0) broken("round trip changed a name", ds->names[j]);
    }
    dataset_free(&back);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;   // fmemopen needs at least one byte; the empty file is in the table
    FILE *f = fmemopen((void *)data, size, "r");
    if (f == NULL) return 0;
    Dataset ds;
    LrError err = {""};
    if (dataset_read_stream(&ds, f, NAME, &err) != 0) {
        check_message(&err);
    } else {
        check_accepted(&ds);
        check_round_trip(&ds);
        for (int k = 2; k <= 3; k++) {
            if (dataset_check_labels(&ds, k, NAME, &err) != 0) check_message(&err);
        }
        if (dataset_check_scale(&ds, NAME, 0.1, &err) != 0) check_message(&err);
        dataset_free(&ds);
    }
    fclose(f);
    return 0;
}
