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
 *
 * The draws depend only on s and n, so every metric of a peer is
 * resampled in one pass (rouge_bootstrap_sets): a quarter of the random
 * numbers with four metrics, and the same sums in the same order.
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

/* One resample for nsets triples at once: the n draws are shared, and each
 * column is still summed in draw order. vals holds 3 * nsets values per
 * instance; out gets 3 * nsets sample values. */
static void resample(const double *vals, size_t n, size_t nsets, long seed,
                     const rouge_options *o, double *out)
{
    uint64_t x = ((uint64_t)(uint32_t)seed << 16) + 0x330E;
    const uint64_t mask = (1ULL << 48) - 1;
    const size_t w = 3 * nsets;
    double s[3 * ROUGE_MAX_METRICS] = {0};
    for (size_t i = 0; i < n; i++) {
        x = (0x5DEECE66DULL * x + 0xB) & mask;
        size_t idx = (size_t)((double)x * (1.0 / 281474976710656.0) * (double)n); /* x / 2^48, exact */
        const double *v = vals + idx * w;
        if (i == 0) {
            memcpy(s, v, w * sizeof *s); /* the first value itself, as the script starts */
            continue;
        }
        for (size_t k = 0; k < w; k += 3) {
            s[k] += v[k];
            s[k + 1] += v[k + 1];
            s[k + 2] += v[k + 2];
        }
    }
    for (size_t k = 0; k < nsets; k++) {
        const double *t = s + 3 * k;
        double *d = out + 3 * k;
        if (o->counting != 1) {
            for (int c = 0; c < 3; c++)
                d[c] = n ? t[c] / (double)n : 0;
            continue;
        }
        double r = t[0] > 0 ? t[2] / t[0] : 0;
        double p = t[1] > 0 ? t[2] / t[1] : 0;
        double den = (1 - o->alpha) * p + o->alpha * r;
        d[0] = r, d[1] = p;
        d[2] = den > 0 ? (r * p) / den : 0;
    }
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

void rouge_bootstrap_sets(const double *vals, size_t n, size_t nsets, const rouge_options *o,
                          rouge_average *out)
{
    const size_t w = 3 * nsets;
    for (size_t k = 0; k < nsets; k++) {
        rouge_average *a = &out[k];
        memset(a, 0, sizeof *a);
        a->instances = n;
        for (size_t i = 0; i < n; i++) {
            a->model_count += vals[i * w + 3 * k];
            a->peer_count += vals[i * w + 3 * k + 1];
            a->hit += vals[i * w + 3 * k + 2];
        }
    }
    if (o->counting == 2 || o->resamples < 1 || nsets == 0 || nsets > ROUGE_MAX_METRICS)
        return;
    size_t r = (size_t)o->resamples;
    double *col = malloc(w * r * sizeof *col);
    if (!col)
        return;
    double v[3 * ROUGE_MAX_METRICS];
    for (size_t s = 0; s < r; s++) {
        resample(vals, n, nsets, (long)s, o, v);
        for (size_t k = 0; k < w; k++)
            col[k * r + s] = v[k];
    }
    for (size_t k = 0; k < nsets; k++) {
        rouge_average *a = &out[k];
        double *c = col + 3 * k * r;
        summarise(c, r, o, &a->r, &a->r_lo, &a->r_hi);
        summarise(c + r, r, o, &a->p, &a->p_lo, &a->p_hi);
        summarise(c + 2 * r, r, o, &a->f, &a->f_lo, &a->f_hi);
    }
    free(col);
}

void rouge_bootstrap(const double (*vals)[3], size_t n, const rouge_options *o,
                     rouge_average *out)
{
    rouge_bootstrap_sets(&vals[0][0], n, 1, o, out);
}
