/*
 * buf: a growable byte string (malloc-backed), for reading whole files and
 * building output. Always NUL-terminated so it can be handed to C string
 * functions, but the length is authoritative: buffers may contain NULs.
 */
#ifndef PRECIS_BUF_H
#define PRECIS_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
    char *data;
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

/* Each returns 0, or -1 when memory runs out (the buffer is then unchanged). */
int buf_reserve(buf *b, size_t extra);
int buf_append(buf *b, const void *data, size_t len);
int buf_puts(buf *b, const char *s);
int buf_putc(buf *b, char c);
int buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(buf *b, const char *fmt, va_list ap);
void buf_clear(buf *b);
void buf_free(buf *b);

#endif
