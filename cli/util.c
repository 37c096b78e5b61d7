/*
 * util.c: shared CLI helpers; see util.h.
 */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"

void print_error(const precis_error *err)
{
    char msg[1200];
    fprintf(stderr, "precis: %s\n", precis_error_format(err, msg, sizeof msg));
}

int exit_code_for(precis_status st)
{
    switch (st) {
    case PRECIS_OK: return EXIT_OK;
    case PRECIS_ERR_USAGE: return EXIT_USAGE;
    case PRECIS_ERR_NOMEM:
    case PRECIS_ERR_INTERNAL: return EXIT_INTERNAL;
    default: return EXIT_INPUT;
    }
}

int parse_size(const char *opt, const char *arg, size_t *out)
{
    char *end;
    errno = 0;
    if (!arg || !*arg || *arg == '-') {
        fprintf(stderr, "precis: %s needs a non-negative number\n", opt);
        return -1;
    }
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || *end) {
        fprintf(stderr, "precis: %s: '%s' is not a number\n", opt, arg);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(progress *p, const char *label)
{
    p->enabled = isatty(STDERR_FILENO);
    p->started = p->last = now();
    p->label = label;
}

void progress_update(progress *p, size_t done, size_t total)
{
    if (!p->enabled)
        return;
    double t = now();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    double rate = done / (t - p->started + 1e-9);
    if (total) {
        int width = 30, fill = (int)(width * (double)done / total);
        fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu  %.0f/s ", p->label, fill, "##############################",
                width - fill, "", done, total, rate);
    } else {
        fprintf(stderr, "\r%s %zu  %.0f/s ", p->label, done, rate);
    }
    fflush(stderr);
}

void progress_end(progress *p)
{
    if (p->enabled)
        fprintf(stderr, "\r\033[K");
}
