/*
 * rouge_bootstrap.c: ROUGE-1.5.5's averages and confidence intervals.
 *
 * Resample s (0 .. r-1) reseeds Perl's drand48 with x = (s << 16) + 0x330E
 * and draws n indices floor(drand48() * n), x' = (0x5DEECE66D x + 0xB) mod
 * 2^48. With -t 0 a sample is the mean of the drawn R, P and F (summed in
 * draw order); with -t 1 it sums the drawn counts and turns them into R, P
 * and F. The printed average is the mean of the r samples summed in
 * ascending order, and the interval interpolates the sorted samples at
 * delta = r (100 - cf) / 200 from each end, out-of-range indices reading as
 * 0 and negative ones counting from the end, as Perl arrays do.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rouge/rouge_int.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One resample; out gets the sample's three values. */
static void resample(const double (*vals)[3], size_t n, long seed, const rouge_options *o,
                     double out[3])
{
    uint64_t x = ((uint64_t)(uint32_t)seed << 16) + 0x330E;
    const uint64_t mask = (1ULL << 48) - 1;
    double s[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        x = (0x5DEECE66DULL * x + 0xB) & mask;
        size_t idx = (size_t)((double)x * (1.0 / 281474976710656.0) * (double)n); /* x / 2^48, exact */
        for (int k = 0; k < 3; k++)
            s[k] = i ? s[k] + vals[idx][k] : vals[idx][k];
    }
    if (o->counting != 1) {
        for (int k = 0; k < 3; k++)
            out[k] = n ? s[k] / (double)n : 0;
        return;
    }
    double r = s[0] > 0 ? s[2] / s[0] : 0;
    double p = s[1] > 0 ? s[2] / s[1] : 0;
    double den = (1 - o->alpha) * p + o->alpha * r;
    out[0] = r, out[1] = p;
    out[2] = den > 0 ? (r * p) / den : 0;
}

static double at(const double *a, size_t n, long i)
{
    if (i < 0)
        i += (long)n;
    return i >= 0 && (size_t)i < n ? a[i] : 0;
}

/* Mean and interval of one sorted sample column. */
static void summarise(double *a, size_t r, const rouge_options *o, double *mean, double *lo,
                      double *hi)
{
    qsort(a, r, sizeof *a, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < r; i++)
        sum += a[i];
    *mean = sum / (double)r;
    double delta = (double)r * ((100 - o->confidence) / 2.0) / 100.0;
    long ua = (long)((double)r - delta - 1), la = (long)delta;
    double rho = (double)r - delta - 1 - (double)ua;
    *lo = at(a, r, la) + (at(a, r, la + 1) - at(a, r, la)) * rho;
    *hi = at(a, r, ua) + (at(a, r, ua + 1) - at(a, r, ua)) * rho;
}

void rouge_bootstrap(const double (*vals)[3], size_t n, const rouge_options *o,
                     rouge_average *out)
{
    memset(out, 0, sizeof *out);
    out->instances = n;
    for (size_t i = 0; i < n; i++) {
        out->model_count += vals[i][0];
        out->peer_count += vals[i][1];
        out->hit += vals[i][2];
    }
    if (o->counting == 2 || o->resamples < 1)
        return;
    size_t r = (size_t)o->resamples;
    double *col = malloc(3 * r * sizeof *col);
    if (!col)
        return;
    for (size_t s = 0; s < r; s++) {
        double v[3];
        resample(vals, n, (long)s, o, v);
        for (int k = 0; k < 3; k++)
            col[k * r + s] = v[k];
    }
    summarise(col, r, o, &out->r, &out->r_lo, &out->r_hi);
    summarise(col + r, r, o, &out->p, &out->p_lo, &out->p_hi);
    summarise(col + 2 * r, r, o, &out->f, &out->f_lo, &out->f_hi);
    free(col);
}
