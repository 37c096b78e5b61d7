/*
 * stem: English stemming with Snowball's libstemmer ("english", i.e.
 * Porter2), and the stopword list shipped in data/stopwords.txt.
 */
#ifndef PRECIS_STEM_H
#define PRECIS_STEM_H

#include <stddef.h>

#include "core/strmap.h"

typedef struct stemmer stemmer;

stemmer *stemmer_new(void);
void stemmer_free(stemmer *s);
/* Stem a normalised word; the result is valid until the next call. */
const char *stemmer_stem(stemmer *s, const char *word, size_t len, size_t *out_len);

/* Load the embedded stopword list into set (keys are the words). 0 or -1. */
int stopwords_load(strmap *set);

#endif
