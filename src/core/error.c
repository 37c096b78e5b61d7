/*
 * error.c: status strings and precis_error formatting.
 */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *precis_status_string(precis_status code)
{
    switch (code) {
    case PRECIS_OK: return "ok";
    case PRECIS_ERR_NOMEM: return "out of memory";
    case PRECIS_ERR_IO: return "input/output error";
    case PRECIS_ERR_UTF8: return "invalid UTF-8";
    case PRECIS_ERR_BINARY: return "binary data";
    case PRECIS_ERR_EMPTY: return "no text";
    case PRECIS_ERR_TOO_LARGE: return "input too large";
    case PRECIS_ERR_JSON: return "malformed JSON";
    case PRECIS_ERR_USAGE: return "invalid usage";
    case PRECIS_ERR_FORMAT: return "unexpected format";
    case PRECIS_ERR_INTERNAL: return "internal error";
    }
    return "unknown error";
}

precis_status error_set(precis_error *err, precis_status code, const char *where, long line,
                        const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void error_locate(precis_error *err, const char *where, long line)
{
    if (!err)
        return;
    if (where)
        snprintf(err->where, sizeof err->where, "%s", where);
    if (line)
        err->line = line;
}

char *precis_error_format(const precis_error *err, char *out, size_t cap)
{
    if (!cap)
        return out;
    if (!err) {
        snprintf(out, cap, "unknown error");
        return out;
    }
    const char *msg = err->message[0] ? err->message : precis_status_string(err->code);
    if (err->where[0] && err->line > 0)
        snprintf(out, cap, "%s:%ld: %s", err->where, err->line, msg);
    else if (err->where[0])
        snprintf(out, cap, "%s: %s", err->where, msg);
    else
        snprintf(out, cap, "%s", msg);
    return out;
}
