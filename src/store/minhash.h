/*
 * minhash: near-duplicate detection with MinHash and LSH banding.
 *
 * A signature holds, for each of K hash functions, the least hash of the
 * article's shingles; two articles agree in one position with probability
 * equal to the Jaccard similarity of their shingle sets. The K positions
 * are cut into B bands of R rows; each band hashes to one 64-bit key, and
 * the keys go into an indexed table, so articles sharing any band are
 * found by B index lookups. With B = 8 and R = 4 a pair at Jaccard 0.5 is
 * found with probability 0.40, at 0.7 with 0.87 and at 0.8 with 0.98,
 * and the estimate from the full signature then confirms it.
 */
#ifndef PRECIS_STORE_MINHASH_H
#define PRECIS_STORE_MINHASH_H

#include <stddef.h>
#include <stdint.h>

#define MINHASH_K 32
#define MINHASH_BANDS 8
#define MINHASH_ROWS (MINHASH_K / MINHASH_BANDS)

/* A signature being built: the K hash functions are h_i(x) = high 32 bits
 * of a_i * mix(x) + b_i, with fixed a_i, b_i. */
typedef struct minhash {
    uint32_t sig[MINHASH_K];
    uint64_t a[MINHASH_K], b[MINHASH_K];
} minhash;

/* Start a signature (all positions at the maximum). */
void minhash_init(minhash *m);
/* Account for one shingle, given as a 64-bit hash. */
void minhash_add(minhash *m, uint64_t shingle);
/* The band keys of a signature. */
void minhash_bands(const uint32_t sig[MINHASH_K], int64_t keys[MINHASH_BANDS]);
/* Estimated Jaccard similarity: the share of equal positions. */
double minhash_similarity(const uint32_t *a, const uint32_t *b);

#endif
