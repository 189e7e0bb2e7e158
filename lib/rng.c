/* rng: NumPy's legacy RandomState (MT19937 and the legacy distributions).
 *
 * Sources followed: M. Matsumoto and T. Nishimura, "Mersenne Twister: a
 * 623-dimensionally equidistributed uniform pseudo-random number generator"
 * (ACM TOMACS, 1998), and NumPy 1.24's numpy/random/src (mt19937, legacy
 * distributions). Every formula here must stay free of fused multiply-add
 * (the Makefile compiles with -ffp-contract=off): a single rounding
 * difference in the polar method can flip an accept/reject decision and shift
 * the whole stream after it.
 */
#include "rng.h"

#include <assert.h>
#include <math.h>

/* ---- MT19937 ------------------------------------------------------------ */

#define MT_M 397                  // the twist reads the word 397 places ahead
#define MT_MATRIX_A 0x9908b0dfU   // the twist matrix's last row
#define MT_UPPER 0x80000000U      // the top bit of a word
#define MT_LOWER 0x7fffffffU      // the 31 bits below it

// [snippet seed]
void rng_seed(Rng *rng, uint32_t seed) {
    // mt[0] = seed
    // mt[k] = 1812433253 * (mt[k-1] XOR (mt[k-1] >> 30)) + k   (mod 2^32)
    rng->mt[0] = seed;
    for (uint32_t k = 1; k < RNG_MT_N; k++) {
        uint32_t prev = rng->mt[k - 1];
        rng->mt[k] = 1812433253U * (prev ^ (prev >> 30)) + k;
    }
    rng->index = RNG_MT_N;   // the first draw refills the whole state
    rng->has_gauss = 0;
    rng->gauss = 0.0;
}
// [end seed]

// [snippet twist]
/* Replaces all 624 words by the next 624 (the "twist"). For k = 0..623,
 * indices mod 624:
 *   y     = top bit of mt[k] | low 31 bits of mt[k+1]
 *   mt[k] = mt[k+397] XOR (y >> 1) XOR (y odd ? 0x9908b0df : 0)  */
static void mt_refill(Rng *rng) {
    uint32_t *mt = rng->mt;
    for (int k = 0; k < RNG_MT_N; k++) {
        uint32_t y = (mt[k] & MT_UPPER) | (mt[(k + 1) % RNG_MT_N] & MT_LOWER);
        uint32_t odd = (y & 1U) ? MT_MATRIX_A : 0U;
        mt[k] = mt[(k + MT_M) % RNG_MT_N] ^ (y >> 1) ^ odd;
    }
    rng->index = 0;
}

uint32_t rng_next_u32(Rng *rng) {
    if (rng->index >= RNG_MT_N) mt_refill(rng);
    uint32_t y = rng->mt[rng->index++];
    // Tempering: spreads the state's bits so that every output bit is well mixed.
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}
// [end twist]

/* ---- doubles ------------------------------------------------------------ */

// [snippet uniform]
double rng_uniform(Rng *rng) {
    // u = (a * 2^26 + b) / 2^53 with a the top 27 bits of one word and b the
    // top 26 bits of the next: 53 random bits, every double k / 2^53 equally likely.
    uint32_t a = rng_next_u32(rng) >> 5;
    uint32_t b = rng_next_u32(rng) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}
// [end uniform]

double rng_uniform_range(Rng *rng, double low, double high) {
    return low + (high - low) * rng_uniform(rng);
}

/* ---- the Gaussian -------------------------------------------------------- */

// [snippet polar]
double rng_normal_std(Rng *rng) {
    if (rng->has_gauss) {   // the second value of the last pair
        rng->has_gauss = 0;
        double cached = rng->gauss;
        rng->gauss = 0.0;
        return cached;
    }
    // Marsaglia's polar method: a point (x1, x2) uniform in the unit disc,
    // r2 = x1^2 + x2^2, gives two independent normals
    //   x1 * f  and  x2 * f,   f = sqrt(-2 ln(r2) / r2).
    double x1, x2, r2;
    do {
        x1 = 2.0 * rng_uniform(rng) - 1.0;
        x2 = 2.0 * rng_uniform(rng) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);   // outside the disc, or the centre: try again
    double f = sqrt(-2.0 * log(r2) / r2);
    rng->gauss = f * x1;   // kept for the next call
    rng->has_gauss = 1;
    return f * x2;
}
// [end polar]

double rng_normal(Rng *rng, double loc, double scale) {
    return loc + scale * rng_normal_std(rng);
}

/* ---- whole numbers and shuffling ------------------------------------------ */

// [snippet interval]
uint32_t rng_interval(Rng *rng, uint32_t max) {
    if (max == 0) return 0;   // only one value: NumPy draws nothing
    // mask = the smallest 2^k - 1 >= max; draw k-bit numbers until one is <= max.
    // (Each try succeeds with probability > 1/2, and no value is favoured.)
    uint32_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    uint32_t v;
    do {
        v = rng_next_u32(rng) & mask;
    } while (v > max);
    return v;
}
// [end interval]

uint32_t rng_randint(Rng *rng, uint32_t n) {
    assert(n >= 1 && "rng_randint needs n >= 1");
    return rng_interval(rng, n - 1);
}

// [snippet shuffle]
void rng_shuffle_index(Rng *rng, size_t *a, size_t n) {
    assert((uint64_t)n <= (uint64_t)UINT32_MAX + 1 && "rng_shuffle_index: at most 2^32 items");
    // Fisher-Yates from the end: a[i] is swapped with a uniformly chosen
    // a[j], 0 <= j <= i, so each of the n! orders is equally likely.
    for (size_t i = n > 0 ? n - 1 : 0; i >= 1; i--) {
        size_t j = rng_interval(rng, (uint32_t)i);
        size_t tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }
}
// [end shuffle]

void rng_permutation(Rng *rng, size_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = i;
    rng_shuffle_index(rng, out, n);
}
