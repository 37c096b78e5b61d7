/*
 * harness.h: what several fuzz targets (fuzz/fuzz_*.c) share: the one
 * engine every input uses, the check every reported failure must pass,
 * and the cut of an input into articles at 0xFF bytes.
 *
 * Not a target itself: the Makefile builds fuzz/fuzz_*.c only. Each target
 * that includes it gets its own copy.
 */
#ifndef PRECIS_FUZZ_HARNESS_H
#define PRECIS_FUZZ_HARNESS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

/* Made on first use and kept: loading the engine's data for every input
 * would cost more than the work under test. */
static inline precis_engine *fuzz_engine(void)
{
    static precis_engine *eng;
    precis_error err;
    if (!eng && precis_engine_new(&eng, &err) != PRECIS_OK)
        abort();
    return eng;
}

/* A failure says what went wrong, with a status a caller can act on:
 * PRECIS_ERR_INTERNAL, or anything out of range, is a bug. */
static inline void check_failure(precis_status st, const precis_error *err)
{
    if (st <= PRECIS_OK || st >= PRECIS_ERR_INTERNAL || !err->message[0])
        __builtin_trap();
}

/* The pieces of an input between 0xFF bytes (a byte UTF-8 never holds),
 * so that one input makes several articles. Empty pieces count. */
typedef struct pieces {
    const uint8_t *data;
    size_t size, start;
    int done;
} pieces;

static inline void pieces_init(pieces *p, const uint8_t *data, size_t size)
{
    p->data = data;
    p->size = size;
    p->start = 0;
    p->done = 0;
}

/* The next piece in *text and *len; 0 when there are no more. */
static inline int pieces_next(pieces *p, const char **text, size_t *len)
{
    if (p->done)
        return 0;
    const uint8_t *ff = memchr(p->data + p->start, 0xFF, p->size - p->start);
    size_t end = ff ? (size_t)(ff - p->data) : p->size;
    *text = (const char *)p->data + p->start;
    *len = end - p->start;
    if (ff)
        p->start = end + 1;
    else
        p->done = 1;
    return 1;
}

#endif
