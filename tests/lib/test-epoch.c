/* Tests for lib/epoch (make bench's epochs) and lib/simd: every variant
 * against chapter 3's two-pass epoch, the fused and 4-rows ones to the
 * last bit, the vector, threaded and together ones within their bounds. */
#include <math.h>
#include <stdlib.h>

#include "epoch.h"
#include "harness.h"
#include "rng.h"
#include "simd.h"

/* n rows of d normal features, labels from a noisy rule, a model near it. */
static void make(size_t n, size_t d, Matrix *X, double **y, LogReg *m) {
    Rng rng;
    rng_seed(&rng, 11);
    *X = mat_new(n, d);
    *y = vec_new(n);
    logreg_init(m, d);
    for (size_t j = 0; j < d; j++) m->w[j] = rng_normal(&rng, 0.0, 2.0);
    m->b = 0.3;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < d; j++) *mat_at(X, i, j) = rng_normal_std(&rng);
        (*y)[i] = rng_uniform(&rng) < 0.5;
    }
}

static void test_variants(void) {
    EpochVariant v[EPOCH_VARIANTS];
    epoch_variants(v);
    // sizes that leave a remainder for 4-rows (n mod 4) and for the blocks;
    // d = 13 and 21 leave one for together's 8 lanes; the last n is large
    // enough for together's two threads
    size_t sizes[][2] = {{1, 1}, {7, 3}, {300, 2}, {1001, 20}, {EPOCH_BLOCK * 3 + 5, 5}, {517, 13}, {EPOCH_THREADS_MIN + 7, 21}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        Matrix X;
        double *y;
        LogReg m;
        make(sizes[s][0], sizes[s][1], &X, &y, &m);
        for (int k = 1; k < EPOCH_VARIANTS; k++) {
            if (v[k].fn == NULL) continue;
            double diff = epoch_difference(v[k].fn, epoch_two_pass, &m, &X, y);
            EXPECT_TRUE(diff <= v[k].bound,
                        harness_fmt("%s epoch at n = %zu, d = %zu: relative difference %.3g from two-pass, "
                                    "at most %.3g (0: the same bits)",
                                    v[k].name, sizes[s][0], sizes[s][1], diff, v[k].bound));
        }
        logreg_free(&m);
        mat_free(&X);
        free(y);
    }
}

/* simd_exp and simd_log within 1 ulp-ish (2e-16 relative) of exp and log,
 * over the arguments the epoch gives them: e^-|z| for z in [-40, 0] and
 * log p for p in (0, 1]; and a remainder shorter than a vector. */
static void test_simd(void) {
    enum { N = 1003 };
    double in[N], out[N], worst_exp = 0.0, worst_log = 0.0;
    for (int k = 0; k < N; k++) in[k] = -40.0 * k / (N - 1);
    simd_exp(in, out, N);
    for (int k = 0; k < N; k++) worst_exp = fmax(worst_exp, fabs(out[k] - exp(in[k])) / exp(in[k]));
    for (int k = 0; k < N; k++) in[k] = (k + 1.0) / N;
    simd_log(in, out, N);
    for (int k = 0; k < N - 1; k++) worst_log = fmax(worst_log, fabs(out[k] - log(in[k])) / fabs(log(in[k])));
    EXPECT_TRUE(out[N - 1] == 0.0, "simd_log(1) is 0");
    EXPECT_TRUE(worst_exp <= 2.3e-16, harness_fmt("simd_exp: relative error %.3g from exp, at most 2.3e-16 (%s)",
                                                  worst_exp, simd_level() ? simd_level() : simd_missing()));
    EXPECT_TRUE(worst_log <= 2.3e-16, harness_fmt("simd_log: relative error %.3g from log, at most 2.3e-16 (%s)",
                                                  worst_log, simd_level() ? simd_level() : simd_missing()));
}

int main(void) {
    HarnessTest tests[] = {
        {"every epoch variant matches the two-pass epoch within its bound", test_variants},
        {"simd_exp and simd_log agree with exp and log", test_simd},
    };
    return harness_run("lib: epoch", tests, sizeof tests / sizeof tests[0]);
}
