/*
 * boilerplate.c: the key under which a sentence is looked up in the
 * boilerplate table; see boilerplate.h. The table itself lives in the
 * engine (model/engine.c), which loads it once.
 */
#include "clean/boilerplate.h"

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

size_t boilerplate_key(const char *s, size_t len, char *out)
{
    size_t n = 0;
    int gap = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_word_byte(c)) {
            gap = n > 0;
            continue;
        }
        if (gap)
            out[n++] = ' ';
        gap = 0;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[n] = '\0';
    return n;
}
