/* simd: exp and log over arrays, 4 or 8 numbers per instruction.
 *
 * With SLEEF (Debian's libsleef-dev; the Makefile finds it and builds with
 * LR_HAVE_SLEEF) on an x86-64 processor with AVX-512 or AVX2, chosen when
 * the program runs; without them, simd_level() is NULL, simd_missing() says
 * why, and simd_exp and simd_log fall back to exp and log one at a time.
 * SLEEF's functions are within 1 ulp of the exact result, like glibc's, but
 * not always the same bits as glibc's.
 */
#ifndef LR_SIMD_H
#define LR_SIMD_H

#include <stddef.h>

/* "AVX-512 (SLEEF)" or "AVX2 (SLEEF)", or NULL when there is no vector path. */
const char *simd_level(void);

/* Why there is no vector path, e.g. "SLEEF was not found when this was
 * built (Debian: sudo apt-get install libsleef-dev)"; "" when there is one. */
const char *simd_missing(void);

/* out_k = e^(in_k) and out_k = log(in_k) for k < n; in and out may be the
 * same array. */
void simd_exp(const double *in, double *out, size_t n);
void simd_log(const double *in, double *out, size_t n);

#endif
