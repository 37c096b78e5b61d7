/*
 * features: what the story clusterer knows about one article.
 *
 *  - terms: the article's top terms by TF-IDF (log tf times the background
 *    idf of the engine), unit length, keyed by a 64-bit hash of the stem so
 *    keys mean the same thing in every process and every database;
 *  - names: capitalized words that do not start a sentence ("Valencia",
 *    "Sanchez"), by count, keyed by a hash of the normalised word;
 *  - a MinHash signature over word 3-shingles, whose bands are the LSH
 *    keys that find near-duplicates (see minhash.h);
 *  - a 128-bit hash of the text with white space collapsed, the identity
 *    of an article for de-duplication.
 *
 * Vectors are sorted by key so that dot products and merges are linear.
 */
#ifndef PRECIS_STORE_FEATURES_H
#define PRECIS_STORE_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "model/engine.h"
#include "store/minhash.h"

#define FEAT_TERMS 40      /* terms kept per article */
#define FEAT_NAMES 12      /* names kept per article */

typedef struct wterm {
    uint64_t key;
    float w;
} wterm;

typedef struct features {
    wterm terms[FEAT_TERMS];
    size_t nterms;
    wterm names[FEAT_NAMES];
    size_t nnames;
    uint32_t sig[MINHASH_K];
    uint8_t hash[16];
} features;

/* Features of an article from its title and body (valid UTF-8). Returns 0,
 * or -1 when memory runs out. `scratch` is reused between calls. */
int features_compute(precis_engine *eng, const char *title, size_t title_len, const char *text,
                     size_t len, features *f);

/* 128-bit hash of text with white space runs collapsed and the ends trimmed. */
void features_text_hash(const char *text, size_t len, uint8_t out[16]);

/* 64-bit mixing of a value with a seed (splitmix64 finaliser). */
static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

/* 64-bit hash of bytes with a seed. */
uint64_t store_hash(const void *data, size_t len, uint64_t seed);

#endif
