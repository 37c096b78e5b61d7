/*
 * whitespace.c: see whitespace.h.
 */
#include "text/whitespace.h"

#include <stdint.h>
#include <string.h>

#include "text/entity.h"

size_t ws_collapse(const char *s, size_t start, size_t end, char *out)
{
    size_t n = 0, i = start;
    int pending_space = 0;
    while (i < end) {
        size_t w = ws_len(s, i, end);
        uint32_t cp = 0;
        size_t ref = !w && s[i] == '&' ? entity_len(s, i, end, &cp) : 0;
        if (w) {
            pending_space = n > 0;
            i += w;
            continue;
        }
        if (pending_space) {
            if (out)
                out[n] = ' ';
            n++;
            pending_space = 0;
        }
        if (ref) {     /* never longer than the reference it replaces */
            char code[4];
            size_t len = entity_encode(cp, code);
            if (out)
                memcpy(out + n, code, len);
            n += len;
            i += ref;
            continue;
        }
        if (out)
            out[n] = s[i];
        n++;
        i++;
    }
    return n;
}

int ws_append(buf *b, const char *s, size_t len)
{
    if (buf_reserve(b, len) != 0)
        return -1;
    b->len += ws_collapse(s, 0, len, b->data + b->len);
    b->data[b->len] = '\0';
    return 0;
}

int ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char *ascii_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && ascii_space(*s)) {
        s++;
        n--;
    }
    while (n && ascii_space(s[n - 1]))
        n--;
    *len = n;
    return s;
}
