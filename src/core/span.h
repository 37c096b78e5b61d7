/*
 * span: a byte range [start, end) of an article's text. Offsets are 32-bit
 * because an article is capped well below 4 GiB (PRECIS_MAX_ARTICLE_BYTES).
 */
#ifndef PRECIS_SPAN_H
#define PRECIS_SPAN_H

#include <stdint.h>

typedef struct span {
    uint32_t start, end;
} span;

#endif
