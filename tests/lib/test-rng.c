/* Tests for lib/rng: NumPy's legacy RandomState rebuilt in C.
 *
 * Two sources of truth: the test vectors of docs/dev/rng-spec.md (typed in
 * below) and the streams tools/make-reference.py stored from NumPy 1.24.2 in
 * data/reference/rng-seed0.txt and rng-seed42.txt (1000 raw words, uniforms
 * and normals per seed, bounded integers, a shuffle, a permutation and a mix
 * of calls). Every value must match exactly: the generator is integer
 * arithmetic plus a few correctly rounded operations, so there is nothing to
 * forgive. (Normals also call the C library's log; NumPy calls the same one.)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "reference.h"
#include "rng.h"

#define EXACT 0.0          // tolerance: bit for bit
#define STREAM_CHUNKS 10   // 1000-value streams are stored as KEY.0 .. KEY.9
#define N_SEEDS 2
static const unsigned SEEDS[N_SEEDS] = {0, 42};   // the seeds stored in data/reference/rng-seedSEED.txt

/* ---- the spec's vectors ---------------------------------------------------- */

static void test_spec_words(void) {
    static const double want[] = {1608637542, 3421126067, 4083286876, 787846414, 3143890026};
    Rng rng;
    rng_seed(&rng, 42);
    for (int k = 0; k < 5; k++) {
        EXPECT_NEAR(rng_next_u32(&rng), want[k], EXACT, harness_fmt("seed 42, word %d", k),
                    "MT19937 seeded with 42: check the seeding recurrence "
                    "1812433253 * (x ^ (x >> 30)) + k, the twist and the tempering.");
    }
}

static void test_spec_doubles(void) {
    static const double uniform[] = {0.3745401188473625, 0.9507143064099162, 0.7319939418114051};
    static const double normal[] = {0.4967141530112327, -0.13826430117118466, 0.6476885381006925,
                                    1.5230298564080254};
    Rng rng;
    rng_seed(&rng, 42);
    for (int k = 0; k < 3; k++) {
        EXPECT_NEAR(rng_uniform(&rng), uniform[k], EXACT, harness_fmt("seed 42, uniform %d", k),
                    "random_sample = ((a >> 5) * 2^26 + (b >> 6)) / 2^53 from two words a, b.");
    }
    rng_seed(&rng, 42);
    for (int k = 0; k < 4; k++) {
        EXPECT_NEAR(rng_normal_std(&rng), normal[k], EXACT, harness_fmt("seed 42, normal %d", k),
                    "Polar method: return f * x2 first and keep f * x1 for the next call.");
    }
}

static void test_spec_integers(void) {
    static const unsigned want_randint[] = {0, 1, 0, 1, 1, 2, 0, 2};
    static const size_t want_shuffle[] = {8, 1, 5, 0, 7, 2, 9, 4, 3, 6};
    Rng rng;
    rng_seed(&rng, 0);
    for (int k = 0; k < 8; k++) {
        EXPECT_NEAR(rng_randint(&rng, 3), want_randint[k], EXACT, harness_fmt("seed 0, randint(3) %d", k),
                    "randint(3) = interval(2): mask 3, redraw while the masked word is > 2.");
    }
    size_t a[10];
    for (size_t i = 0; i < 10; i++) a[i] = i;
    rng_seed(&rng, 42);
    rng_shuffle_index(&rng, a, 10);
    for (int k = 0; k < 10; k++) {
        EXPECT_NEAR((double)a[k], (double)want_shuffle[k], EXACT, harness_fmt("seed 42, shuffle(0..9)[%d]", k),
                    "Fisher-Yates from the end: for i = n-1 down to 1, swap a[i] and a[interval(i)].");
    }
}

/* The usage example in lib/rng.h, with the outputs it promises. */
static void test_header_example(void) {
    Rng rng;
    rng_seed(&rng, 42);
    char got[256];
    double u1 = rng_uniform(&rng), u2 = rng_uniform(&rng), g1 = rng_normal_std(&rng);
    unsigned r = rng_randint(&rng, 10);
    double g2 = rng_normal_std(&rng);
    snprintf(got, sizeof got, "%.17g %.17g %.17g %u %.17g", u1, u2, g1, r, g2);
    const char *want = "0.37454011884736249 0.95071430640991617 0.64768853810069249 6 1.5230298564080254";
    EXPECT_TRUE(strcmp(got, want) == 0,
                harness_fmt("the example in lib/rng.h prints '%s', the comment says '%s'", got, want));
}

/* ---- the stored NumPy streams ----------------------------------------------- */

static double draw_word(Rng *rng) { return rng_next_u32(rng); }
static double draw_uniform(Rng *rng) { return rng_uniform(rng); }
static double draw_normal(Rng *rng) { return rng_normal_std(rng); }
static double draw_randint3(Rng *rng) { return rng_randint(rng, 3); }
static double draw_randint1000(Rng *rng) { return rng_randint(rng, 1000); }

/* Loads data/reference/rng-seedSEED.txt; a failed check if it is not there. */
static int load(Reference *ref, unsigned seed) {
    char name[64], path[512];
    LrError err = {""};
    snprintf(name, sizeof name, "reference/rng-seed%u.txt", seed);
    int rc = ref_load(ref, lr_data_path(name, path, sizeof path), &err);
    EXPECT_TRUE(rc == 0, harness_fmt("cannot read the NumPy reference values: %s "
                                     "(tools/make-reference.py writes them)",
                                     err.msg));
    return rc;
}

/* Compares one stored stream, the key or KEY.0 .. KEY.9, with draws from a
 * fresh generator. Prints the number of values compared. */
static void check_stream(unsigned seed, const char *key, double (*draw)(Rng *), const char *why) {
    Reference ref;
    if (load(&ref, seed) != 0) return;
    Rng rng;
    rng_seed(&rng, seed);
    size_t compared = 0, wrong = 0;
    int split = ref_get(&ref, key) == NULL;
    for (int chunk = 0; chunk < (split ? STREAM_CHUNKS : 1); chunk++) {
        char name[64];
        if (split) snprintf(name, sizeof name, "%s.%d", key, chunk);
        else snprintf(name, sizeof name, "%s", key);
        const RefEntry *e = ref_get(&ref, name);
        EXPECT_TRUE(e != NULL && e->n > 0, harness_fmt("rng-seed%u.txt has no values for '%s'", seed, name));
        for (size_t k = 0; e != NULL && k < e->n; k++, compared++) {
            double got = draw(&rng);
            if (got != e->values[k]) {
                wrong++;
                EXPECT_NEAR(got, e->values[k], EXACT, harness_fmt("seed %u, %s value %zu", seed, key, compared), why);
            }
        }
    }
    printf("        seed %2u %-12s %4zu values compared, %zu differ\n", seed, key, compared, wrong);
    ref_free(&ref);
}

static void test_stored_words(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        check_stream(seed, "words", draw_word,
                     "Raw MT19937 words (randint(0, 2**32, dtype=uint32)). The first 624 come "
                     "from the first twist, later ones test the refill.");
    }
}

static void test_stored_uniform(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        check_stream(seed, "uniform", draw_uniform, "random_sample(): 53-bit doubles from two words each.");
    }
}

static void test_stored_normal(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        check_stream(seed, "normal", draw_normal,
                     "standard_normal(): a wrong value here but right uniforms means the polar "
                     "method (or its cached second value) is off. One rejected pair too many or too "
                     "few shifts every value after it.");
    }
}

static void test_stored_randint(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        check_stream(seed, "randint3", draw_randint3, "randint(3): masked rejection with mask 3.");
        check_stream(seed, "randint1000", draw_randint1000,
                     "randint(1000): mask 1023; values above 999 are redrawn, not wrapped.");
    }
}

/* shuffle10 (shuffle of 0..9) and permutation50 (permutation(50)). */
static void test_stored_shuffles(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        Reference ref;
        if (load(&ref, seed) != 0) return;
        const RefEntry *sh = ref_get(&ref, "shuffle10"), *perm = ref_get(&ref, "permutation50");
        EXPECT_TRUE(sh != NULL && sh->n == 10 && perm != NULL && perm->n == 50,
                    harness_fmt("rng-seed%u.txt needs shuffle10 (10 values) and permutation50 (50 values)", seed));
        if (sh == NULL || sh->n != 10 || perm == NULL || perm->n != 50) {
            ref_free(&ref);
            return;
        }
        size_t a[50];
        Rng rng;
        rng_seed(&rng, seed);
        for (size_t i = 0; i < 10; i++) a[i] = i;
        rng_shuffle_index(&rng, a, 10);
        for (size_t k = 0; k < 10; k++) {
            EXPECT_NEAR((double)a[k], sh->values[k], EXACT, harness_fmt("seed %u, shuffle(0..9)[%zu]", seed, k),
                        "for i = n-1 down to 1: swap a[i] and a[interval(i)].");
        }
        rng_seed(&rng, seed);
        rng_permutation(&rng, a, 50);
        for (size_t k = 0; k < 50; k++) {
            EXPECT_NEAR((double)a[k], perm->values[k], EXACT, harness_fmt("seed %u, permutation(50)[%zu]", seed, k),
                        "permutation(n) is the shuffle of 0 .. n-1.");
        }
        ref_free(&ref);
    }
}

/* mixed: normal(), random_sample(), normal(), normal(), randint(7) on one
 * generator: the uniform draw in between must not clear the cached Gaussian. */
static void test_stored_mixed(void) {
    for (int s = 0; s < N_SEEDS; s++) {
        unsigned seed = SEEDS[s];
        Reference ref;
        if (load(&ref, seed) != 0) return;
        const RefEntry *e = ref_get(&ref, "mixed");
        EXPECT_TRUE(e != NULL && e->n == 5, harness_fmt("rng-seed%u.txt needs 'mixed' with 5 values", seed));
        if (e != NULL && e->n == 5) {
            Rng rng;
            rng_seed(&rng, seed);
            double got[5];
            got[0] = rng_normal(&rng, 0.0, 1.0);
            got[1] = rng_uniform(&rng);
            got[2] = rng_normal(&rng, 0.0, 1.0);
            got[3] = rng_normal(&rng, 0.0, 1.0);
            got[4] = rng_randint(&rng, 7);
            static const char *what[] = {"normal()", "random_sample()", "normal() (the cached value)",
                                         "normal()", "randint(7)"};
            for (int k = 0; k < 5; k++) {
                EXPECT_NEAR(got[k], e->values[k], EXACT, harness_fmt("seed %u, mixed call %d: %s", seed, k, what[k]),
                            "A uniform draw between two normals leaves the cached Gaussian in place; "
                            "the next normal returns it without drawing.");
            }
        }
        ref_free(&ref);
    }
}

/* ---- properties NumPy relies on ----------------------------------------------- */

static void test_reseed_clears_cache(void) {
    Rng rng;
    rng_seed(&rng, 42);
    double first = rng_normal_std(&rng);   // leaves a Gaussian cached
    rng_seed(&rng, 42);
    EXPECT_NEAR(rng_normal_std(&rng), first, EXACT, "normal after re-seeding with 42",
                "rng_seed must clear has_gauss, as RandomState.seed() does; otherwise the old "
                "cached value comes out first.");
}

static void test_interval_zero_draws_nothing(void) {
    Rng a, b;
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    EXPECT_NEAR(rng_interval(&a, 0), 0, EXACT, "interval(0)", "The only value in 0..0 is 0.");
    EXPECT_NEAR(rng_randint(&a, 1), 0, EXACT, "randint(1)", "The only value in 0..0 is 0.");
    EXPECT_NEAR(rng_next_u32(&a), rng_next_u32(&b), EXACT, "the word after interval(0) and randint(1)",
                "NumPy draws nothing for a range of one value; a draw here shifts every later number.");
    EXPECT_NEAR(rng_interval(&a, UINT32_MAX), rng_next_u32(&b), EXACT, "interval(2^32 - 1)",
                "With max = 2^32 - 1 the mask is all ones and every word is accepted as it is.");
}

static void test_uniform_range(void) {
    Rng a, b;
    rng_seed(&a, 3);
    rng_seed(&b, 3);
    for (int k = 0; k < 20; k++) {
        double u = rng_uniform(&b);
        EXPECT_NEAR(rng_uniform_range(&a, -10.0, 10.0), -10.0 + 20.0 * u, EXACT,
                    harness_fmt("uniform(-10, 10) number %d", k), "uniform(low, high) = low + (high - low) * u.");
    }
    rng_seed(&a, 3);
    rng_seed(&b, 3);
    for (int k = 0; k < 20; k++) {
        double g = rng_normal_std(&b);
        EXPECT_NEAR(rng_normal(&a, 5.0, 0.5), 5.0 + 0.5 * g, EXACT, harness_fmt("normal(5, 0.5) number %d", k),
                    "normal(loc, scale) = loc + scale * standard_normal.");
    }
}

int main(void) {
    static const HarnessTest tests[] = {
        {"seed 42 gives the spec's first five MT19937 words", test_spec_words},
        {"seed 42 gives the spec's uniforms and normals", test_spec_doubles},
        {"randint(3) with seed 0 and shuffle(0..9) with seed 42 match the spec", test_spec_integers},
        {"the usage example in rng.h prints what it says", test_header_example},
        {"1000 raw words match NumPy for seeds 0 and 42", test_stored_words},
        {"1000 uniforms match NumPy's random_sample for seeds 0 and 42", test_stored_uniform},
        {"1000 normals match NumPy's standard_normal for seeds 0 and 42", test_stored_normal},
        {"randint(3) and randint(1000) match NumPy", test_stored_randint},
        {"shuffle and permutation match NumPy", test_stored_shuffles},
        {"normal, uniform, normal, normal, randint match NumPy on one generator", test_stored_mixed},
        {"re-seeding clears the cached Gaussian", test_reseed_clears_cache},
        {"a range of one value draws nothing", test_interval_zero_draws_nothing},
        {"uniform(low, high) and normal(loc, scale) are affine maps of the standard draws", test_uniform_range},
    };
    return harness_run("lib/rng", tests, sizeof tests / sizeof tests[0]);
}
