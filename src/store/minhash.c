/*
 * minhash.c: signatures and LSH band keys; see minhash.h.
 *
 * The K hash functions share one 64-bit mix of the shingle hash, then each
 * applies its own multiply-add with fixed odd constants (a universal
 * family, cheap enough for every shingle of every article), so a signature is the same on every machine and in every
 * release that keeps these seeds: band keys are stored in databases.
 */
#include "store/minhash.h"

#include "store/features.h"

static uint64_t seed_of(unsigned i)
{
    return mix64(0x9e3779b97f4a7c15ull * (i + 1));
}

void minhash_init(minhash *m)
{
    for (unsigned i = 0; i < MINHASH_K; i++) {
        m->sig[i] = UINT32_MAX;
        m->a[i] = seed_of(i) | 1;
        m->b[i] = seed_of(i + MINHASH_K);
    }
}

void minhash_add(minhash *m, uint64_t shingle)
{
    uint64_t x = mix64(shingle);
    for (unsigned i = 0; i < MINHASH_K; i++) {
        uint32_t h = (uint32_t)((m->a[i] * x + m->b[i]) >> 32);
        if (h < m->sig[i])
            m->sig[i] = h;
    }
}

void minhash_bands(const uint32_t sig[MINHASH_K], int64_t keys[MINHASH_BANDS])
{
    for (unsigned b = 0; b < MINHASH_BANDS; b++) {
        uint64_t h = mix64(0x51ed270b27a3c7f1ull + b);
        for (unsigned r = 0; r < MINHASH_ROWS; r++)
            h = mix64(h ^ sig[b * MINHASH_ROWS + r]);
        keys[b] = (int64_t)h;
    }
}

double minhash_similarity(const uint32_t *a, const uint32_t *b)
{
    unsigned same = 0;
    for (unsigned i = 0; i < MINHASH_K; i++)
        same += a[i] == b[i];
    return (double)same / MINHASH_K;
}
