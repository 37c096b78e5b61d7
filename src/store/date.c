/*
 * date.c: the dates news comes with, as Unix seconds (UTC).
 *
 *   2024-10-31                      ISO 8601 date (midnight UTC)
 *   2024-10-31T08:15:00Z            date-time, "T" or a space, seconds and
 *   2024-10-31 08:15:00.123+02:00   fractions optional, Z or an offset
 *   Thu, 31 Oct 2024 08:15:00 GMT   RFC 2822 (the weekday is optional; EST,
 *                                   PDT and the other named zones too)
 *   1730362500                      Unix seconds
 *
 * No locale and no timezone database: computed with the proleptic
 * Gregorian calendar, so results are the same everywhere.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "precis.h"

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static int days_in_month(long long y, unsigned m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dm[m - 1];
}

/* Read exactly n digits. */
static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

/* hh:mm[:ss[.fff]] */
static int parse_time(const char **p, int *h, int *mi, int *se)
{
    *se = 0;
    if (digits(p, 2, h) || **p != ':')
        return -1;
    (*p)++;
    if (digits(p, 2, mi))
        return -1;
    if (**p == ':') {
        (*p)++;
        if (digits(p, 2, se))
            return -1;
        if (**p == '.' || **p == ',') {
            (*p)++;
            if (!isdigit((unsigned char)**p))
                return -1;
            while (isdigit((unsigned char)**p))
                (*p)++;
        }
    }
    return *h > 23 || *mi > 59 || *se > 60 ? -1 : 0;
}

/* Z, GMT, UTC, +hh:mm, +hhmm, +hh; seconds east of UTC in *off. */
static int parse_zone(const char **p, long long *off)
{
    *off = 0;
    while (**p == ' ')
        (*p)++;
    if (**p == 'Z' || **p == 'z') {
        (*p)++;
        return 0;
    }
    if (!strncasecmp(*p, "GMT", 3) || !strncasecmp(*p, "UTC", 3)) {
        *p += 3;
        if (**p != '+' && **p != '-')
            return 0;
    }
    /* RFC 2822's obsolete zone names (section 4.3), which RSS feeds still
     * write ("Thu, 31 Oct 2024 04:15:00 EDT"). */
    static const struct {
        char name[4];
        int hours;
    } named[] = {{"UT", 0},  {"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5},
                 {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t n = strlen(named[i].name);
        if (!strncasecmp(*p, named[i].name, n) && !isalpha((unsigned char)(*p)[n])) {
            *p += n;
            *off = named[i].hours * 3600LL;
            return 0;
        }
    }
    if (**p != '+' && **p != '-')
        return 0; /* no zone: UTC */
    int sign = **p == '-' ? -1 : 1;
    (*p)++;
    int h, m = 0;
    if (digits(p, 2, &h))
        return -1;
    if (**p == ':')
        (*p)++;
    if (isdigit((unsigned char)**p) && digits(p, 2, &m))
        return -1;
    if (h > 23 || m > 59)
        return -1;
    *off = sign * (h * 3600LL + m * 60LL);
    return 0;
}

static int finish(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return *p ? -1 : 0;
}

static int parse_iso(const char *p, long long *out)
{
    int y, m, d, h = 0, mi = 0, se = 0;
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &m) || *p++ != '-' || digits(&p, 2, &d))
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, (unsigned)m))
        return -1;
    long long off = 0;
    if ((*p == 'T' || *p == 't' || *p == ' ') && isdigit((unsigned char)p[1])) {
        p++;
        if (parse_time(&p, &h, &mi, &se) || parse_zone(&p, &off))
            return -1;
    }
    if (finish(p))
        return -1;
    *out = days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 + h * 3600LL + mi * 60LL + se - off;
    return 0;
}

static int parse_rfc2822(const char *p, long long *out)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (isalpha((unsigned char)*p)) { /* weekday */
        while (isalpha((unsigned char)*p))
            p++;
        if (*p == ',')
            p++;
        while (*p == ' ')
            p++;
    }
    int d = 0, nd = 0;
    while (isdigit((unsigned char)*p) && nd < 2) {
        d = d * 10 + (*p++ - '0');
        nd++;
    }
    if (!nd || *p++ != ' ')
        return -1;
    int m = 0;
    for (int i = 0; i < 12; i++)
        if (!strncasecmp(p, months[i], 3))
            m = i + 1;
    if (!m)
        return -1;
    while (isalpha((unsigned char)*p))
        p++;
    if (*p++ != ' ')
        return -1;
    int y;
    if (digits(&p, 4, &y))
        return -1;
    if (d < 1 || d > days_in_month(y, (unsigned)m))
        return -1;
    int h = 0, mi = 0, se = 0;
    long long off = 0;
    while (*p == ' ')
        p++;
    if (isdigit((unsigned char)*p) && (parse_time(&p, &h, &mi, &se) || parse_zone(&p, &off)))
        return -1;
    if (finish(p))
        return -1;
    *out = days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 + h * 3600LL + mi * 60LL + se - off;
    return 0;
}

int precis_parse_date(const char *s, long long *out)
{
    if (!s)
        return -1;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return -1;
    size_t k = 0;
    while (k < n && isdigit((unsigned char)s[k]))
        k++;
    if (k == n && n <= 12) { /* Unix seconds */
        long long v = 0;
        for (size_t i = 0; i < n; i++)
            v = v * 10 + (s[i] - '0');
        *out = v;
        return 0;
    }
    if (k == 4 && s[4] == '-')
        return parse_iso(s, out);
    return parse_rfc2822(s, out);
}
