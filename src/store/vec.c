/*
 * vec.c: sparse weighted vectors sorted by key (term vectors, centroids,
 * name sets) and their blob form in the database: 12 bytes per entry,
 * the key as 8 little-endian bytes, the weight as a 4-byte float, also
 * little-endian, so a database moves between machines.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

#define ENTRY_BYTES 12

size_t wvec_decode(const void *blob, size_t bytes, wterm *out, size_t cap)
{
    const unsigned char *p = blob;
    size_t n = bytes / ENTRY_BYTES;
    if (n > cap)
        n = cap;
    for (size_t i = 0; i < n; i++, p += ENTRY_BYTES) {
        uint64_t k = 0;
        uint32_t w = 0;
        for (int b = 0; b < 8; b++)
            k |= (uint64_t)p[b] << (8 * b);
        for (int b = 0; b < 4; b++)
            w |= (uint32_t)p[8 + b] << (8 * b);
        out[i].key = k;
        memcpy(&out[i].w, &w, sizeof w);
        if (!isfinite(out[i].w))
            out[i].w = 0;
    }
    /* A damaged blob must not break the sorted-order invariant. */
    for (size_t i = 1; i < n; i++)
        if (out[i].key <= out[i - 1].key)
            return i;
    return n;
}

size_t wvec_encode(const wterm *v, size_t n, unsigned char *out)
{
    for (size_t i = 0; i < n; i++, out += ENTRY_BYTES) {
        uint32_t w;
        memcpy(&w, &v[i].w, sizeof w);
        for (int b = 0; b < 8; b++)
            out[b] = (unsigned char)(v[i].key >> (8 * b));
        for (int b = 0; b < 4; b++)
            out[8 + b] = (unsigned char)(w >> (8 * b));
    }
    return n * ENTRY_BYTES;
}

double wvec_dot(const wterm *a, size_t na, const wterm *b, size_t nb)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].key < b[j].key)
            i++;
        else if (a[i].key > b[j].key)
            j++;
        else
            s += (double)a[i++].w * b[j++].w;
    }
    return s;
}

double wvec_norm(const wterm *a, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)a[i].w * a[i].w;
    return sqrt(s);
}

static int by_weight_desc(const void *x, const void *y)
{
    const wterm *a = x, *b = y;
    if (a->w != b->w)
        return a->w > b->w ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

static int by_key(const void *x, const void *y)
{
    const wterm *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

size_t wvec_top(const wterm *v, size_t n, size_t k, wterm *out)
{
    if (out != v && n)
        memmove(out, v, n * sizeof *v);
    if (n > k) {
        qsort(out, n, sizeof *out, by_weight_desc);
        n = k;
    }
    qsort(out, n, sizeof *out, by_key);
    return n;
}

size_t wvec_merge(const wterm *a, size_t na, const wterm *b, size_t nb, size_t keep, wterm *out)
{
    /* out must hold na + nb entries. */
    size_t i = 0, j = 0, n = 0;
    while (i < na || j < nb) {
        if (j >= nb || (i < na && a[i].key < b[j].key)) {
            out[n++] = a[i++];
        } else if (i >= na || b[j].key < a[i].key) {
            out[n++] = b[j++];
        } else {
            out[n] = a[i++];
            out[n++].w += b[j++].w;
        }
    }
    return wvec_top(out, n, keep, out);
}
