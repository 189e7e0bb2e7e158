#include "simd.h"

#include <math.h>
#include <string.h>

#if defined(LR_HAVE_SLEEF) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SIMD_X86 1

/* SLEEF's functions take and return vector registers; GCC and clang's vector
 * types stand in for the intrinsics' __m256d and __m512d. */
typedef double V4 __attribute__((vector_size(32)));
typedef double V8 __attribute__((vector_size(64)));
#define AVX2 __attribute__((target("avx2,fma")))
#define AVX512 __attribute__((target("avx512f")))
AVX2 V4 Sleef_expd4_u10avx2(V4);
AVX2 V4 Sleef_logd4_u10avx2(V4);
AVX512 V8 Sleef_expd8_u10avx512f(V8);
AVX512 V8 Sleef_logd8_u10avx512f(V8);

/* One function per width and operation: whole vectors, then the rest one
 * at a time. */
#define SIMD_MAP(NAME, TARGET, V, FN, SCALAR)                          \
    TARGET static void NAME(const double *in, double *out, size_t n) { \
        size_t k = 0, w = sizeof(V) / sizeof(double);                  \
        for (; k + w <= n; k += w) {                                   \
            V v;                                                       \
            memcpy(&v, in + k, sizeof v);                              \
            v = FN(v);                                                 \
            memcpy(out + k, &v, sizeof v);                             \
        }                                                              \
        for (; k < n; k++) out[k] = SCALAR(in[k]);                     \
    }
SIMD_MAP(exp4, AVX2, V4, Sleef_expd4_u10avx2, exp)
SIMD_MAP(log4, AVX2, V4, Sleef_logd4_u10avx2, log)
SIMD_MAP(exp8, AVX512, V8, Sleef_expd8_u10avx512f, exp)
SIMD_MAP(log8, AVX512, V8, Sleef_logd8_u10avx512f, log)

/* 8 for AVX-512, 4 for AVX2, 0 for neither: asked of the processor once. */
static int width(void) {
    static int w = -1;
    if (w < 0) {
        __builtin_cpu_init();
        w = __builtin_cpu_supports("avx512f") ? 8 : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 4
                                                                                                                    : 0;
    }
    return w;
}
#else
#define SIMD_X86 0
static int width(void) { return 0; }
#endif

const char *simd_level(void) {
    switch (width()) {
    case 8: return "AVX-512 (SLEEF), 8 numbers per instruction";
    case 4: return "AVX2 (SLEEF), 4 numbers per instruction";
    default: return NULL;
    }
}

const char *simd_missing(void) {
    if (width() > 0) return "";
#if !defined(LR_HAVE_SLEEF)
    return "SLEEF was not found when this was built (Debian: sudo apt-get install libsleef-dev), so no vector row";
#elif !SIMD_X86
    return "this is not an x86-64 processor, and only its AVX2 and AVX-512 paths are built, so no vector row";
#else
    return "this processor has neither AVX2 nor AVX-512, so no vector row";
#endif
}

void simd_exp(const double *in, double *out, size_t n) {
#if SIMD_X86
    if (width() > 0) {
        (width() == 8 ? exp8 : exp4)(in, out, n);
        return;
    }
#endif
    for (size_t k = 0; k < n; k++) out[k] = exp(in[k]);
}

void simd_log(const double *in, double *out, size_t n) {
#if SIMD_X86
    if (width() > 0) {
        (width() == 8 ? log8 : log4)(in, out, n);
        return;
    }
#endif
    for (size_t k = 0; k < n; k++) out[k] = log(in[k]);
}
