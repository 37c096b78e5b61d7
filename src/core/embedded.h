/*
 * embedded: data files compiled into the library by tools/embed.c (the list
 * is EMBED in the Makefile). Text files are NUL-terminated; len excludes it.
 */
#ifndef PRECIS_EMBEDDED_H
#define PRECIS_EMBEDDED_H

#include <stddef.h>

/* The bytes of a data file by its path in the source tree, e.g.
 * "data/stopwords.txt"; NULL (and *len = 0) if it was not embedded. */
const unsigned char *precis_embedded(const char *name, size_t *len);

#endif
