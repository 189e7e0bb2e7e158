/* reference: values stored by tools/make-reference.py (NumPy, scikit-learn)
 * in data/reference/NAME.txt, to set beside ours.
 *
 * File format: '#' starts a comment line; every other non-blank line is
 * `key value [value ...]`.
 *
 *     Reference ref;
 *     LrError err;
 *     if (ref_load(&ref, "data/reference/gd-classification.txt", &err) != 0) ...
 *     const RefEntry *w = ref_get(&ref, "w");     // w->values[0], w->values[1]
 *     ref_free(&ref);
 */
#ifndef LR_REFERENCE_H
#define LR_REFERENCE_H

#include <stddef.h>

#include "util.h"

typedef struct {
    char *key;        // the first word of the line
    double *values;   // (n) the numbers after it
    size_t n;
} RefEntry;

typedef struct {
    RefEntry *entries;   // (n) in file order
    size_t n;
} Reference;

/* Reads a reference file. Returns 0, or -1 with a message in err (and ref
 * empty). Free with ref_free. */
int ref_load(Reference *ref, const char *path, LrError *err);

/* The entry named key, or NULL. */
const RefEntry *ref_get(const Reference *ref, const char *key);

/* values[index] of the entry named key, or NAN when it is not there. */
double ref_value(const Reference *ref, const char *key, size_t index);

/* Frees everything and leaves ref empty. */
void ref_free(Reference *ref);

#endif
