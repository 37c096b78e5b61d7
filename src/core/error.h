/*
 * error: filling a precis_error. Every library function that fails says
 * where (file, line) and what, so the CLI can print `precis: FILE:LINE: ...`.
 */
#ifndef PRECIS_ERROR_H
#define PRECIS_ERROR_H

#include "precis.h"

/* Set err (if non-NULL) and return code, so callers can `return error_set(...)`. */
precis_status error_set(precis_error *err, precis_status code, const char *where, long line,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Add or replace the location of an error raised below the caller. */
void error_locate(precis_error *err, const char *where, long line);

#endif
