/*
 * stem.c: thin wrappers over libstemmer and the embedded stopword list.
 */
#include "text/stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "core/embedded.h"

struct stemmer {
    struct sb_stemmer *sb;
};

stemmer *stemmer_new(void)
{
    stemmer *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    s->sb = sb_stemmer_new("english", "UTF_8");
    if (!s->sb) {
        free(s);
        return NULL;
    }
    return s;
}

void stemmer_free(stemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    free(s);
}

const char *stemmer_stem(stemmer *s, const char *word, size_t len, size_t *out_len)
{
    const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
    if (!r) {
        *out_len = len;
        return word;
    }
    *out_len = (size_t)sb_stemmer_length(s->sb);
    return (const char *)r;
}

int stopwords_load(strmap *set)
{
    size_t len;
    const char *p = (const char *)precis_embedded("data/stopwords.txt", &len);
    if (!p)
        return -1;
    const char *end = p + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        size_t n = (size_t)(line_end - p);
        if (n && p[0] != '#' && strmap_intern(set, p, n) == STRMAP_NONE)
            return -1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}
