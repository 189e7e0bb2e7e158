/* rng: NumPy's legacy random number generator (numpy.random.RandomState),
 * rebuilt in C so that the same seed gives the same numbers as in Python.
 *
 * The generator is the 32-bit Mersenne Twister MT19937 (Matsumoto and
 * Nishimura, 1998) seeded from one integer the way NumPy seeds it; on top of it
 * sit NumPy's legacy recipes for doubles, Gaussians (the polar method with a
 * cached second value), bounded integers (masked rejection) and shuffling
 * (Fisher-Yates from the end). Every function here draws exactly the words
 * NumPy 1.24's RandomState draws for the same call, in the same order.
 * See docs/dev/rng-spec.md and docs/appendix-random.md.
 *
 * The state is a plain struct the caller owns; nothing is global, so two
 * generators never disturb each other.
 *
 *     Rng rng;
 *     rng_seed(&rng, 42);                       // np.random.RandomState(42)
 *     printf("%.17g\n", rng_uniform(&rng));     // 0.37454011884736249
 *     printf("%.17g\n", rng_uniform(&rng));     // 0.95071430640991617
 *     printf("%.17g\n", rng_normal_std(&rng));  // 0.64768853810069249
 *     printf("%u\n", rng_randint(&rng, 10));    // 6
 *     printf("%.17g\n", rng_normal_std(&rng));  // 1.5230298564080254
 *
 * which in Python (printing with repr, the shortest exact form) is
 *
 *     r = np.random.RandomState(42)
 *     r.random_sample()    # 0.3745401188473625
 *     r.random_sample()    # 0.9507143064099162
 *     r.standard_normal()  # 0.6476885381006925
 *     r.randint(10)        # 6
 *     r.standard_normal()  # 1.5230298564080254: the pair's cached second value
 */
#ifndef LR_RNG_H
#define LR_RNG_H

#include <stddef.h>
#include <stdint.h>

#define RNG_MT_N 624   // words in the Mersenne Twister state

typedef struct {
    uint32_t mt[RNG_MT_N];   // (624) MT19937 state words
    int index;               // next word of mt to hand out; RNG_MT_N means "refill first"
    int has_gauss;           // 1 when gauss holds a normal value not yet returned
    double gauss;            // the second value of the last polar-method pair
} Rng;

/* Seeds rng exactly as np.random.RandomState(seed) does (any seed
 * 0 <= seed < 2^32) and clears the cached Gaussian. */
void rng_seed(Rng *rng, uint32_t seed);

/* The next raw 32-bit word of MT19937 (tempered), 0 .. 2^32-1. */
uint32_t rng_next_u32(Rng *rng);

/* A double uniform on [0, 1) with 53 random bits, from two words:
 * NumPy's random_sample() (also rand(), random(), uniform() with defaults). */
double rng_uniform(Rng *rng);

/* low + (high - low) * rng_uniform(): NumPy's uniform(low, high). */
double rng_uniform_range(Rng *rng, double low, double high);

/* A standard normal value (mean 0, variance 1) by the legacy polar method:
 * NumPy's standard_normal(). Each accepted pair gives two values; the second
 * is kept in rng->gauss and returned by the next call. */
double rng_normal_std(Rng *rng);

/* loc + scale * rng_normal_std(): NumPy's normal(loc, scale). */
double rng_normal(Rng *rng, double loc, double scale);

/* A whole number uniform on 0 .. max (inclusive) by masked rejection:
 * NumPy's random_interval(max). Draws no word when max is 0. */
uint32_t rng_interval(Rng *rng, uint32_t max);

/* A whole number uniform on 0 .. n-1: NumPy's randint(n). n must be >= 1. */
uint32_t rng_randint(Rng *rng, uint32_t n);

/* Shuffles a (n) in place like NumPy's shuffle() of a 1-D array: for
 * i = n-1 down to 1, swap a[i] with a[rng_interval(i)].
 * n must be at most 2^32 (NumPy draws 64-bit words beyond that). */
void rng_shuffle_index(Rng *rng, size_t *a, size_t n);

/* Fills out (n) with a random permutation of 0 .. n-1: NumPy's
 * permutation(n), i.e. shuffle(arange(n)). n must be at most 2^32. */
void rng_permutation(Rng *rng, size_t *out, size_t n);

#endif
