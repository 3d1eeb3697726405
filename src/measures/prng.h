/* A small seeded PRNG for reproducible permutation tests (not installed).
 *
 * igraph's RNG is global and its default generator changed between
 * releases; results that must be identical across runs, platforms and
 * igraph versions for a given seed use this instead: xoshiro256**
 * (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators") seeded by splitmix64 (Steele, Lea & Flood 2014). */
#ifndef HS_MEASURES_PRNG_H
#define HS_MEASURES_PRNG_H

#include <stdint.h>

typedef struct {
    uint64_t s[4];
} hs_prng;

static inline uint64_t hs_prng_splitmix64(uint64_t *x) {
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* splitmix64 never yields four zero words, the one state xoshiro must avoid. */
static inline void hs_prng_seed(hs_prng *r, uint64_t seed) {
    for (int i = 0; i < 4; i++) r->s[i] = hs_prng_splitmix64(&seed);
}

static inline uint64_t hs_prng_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t hs_prng_next(hs_prng *r) {
    uint64_t *s = r->s;
    uint64_t result = hs_prng_rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = hs_prng_rotl(s[3], 45);
    return result;
}

/* Uniform in [0, bound), bound > 0. Rejecting the low 2^64 mod bound values
 * removes the modulo bias; the threshold is computed in 64-bit unsigned
 * arithmetic so every platform draws the same sequence. */
static inline uint64_t hs_prng_below(hs_prng *r, uint64_t bound) {
    uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        uint64_t x = hs_prng_next(r);
        if (x >= threshold) return x % bound;
    }
}

#endif
