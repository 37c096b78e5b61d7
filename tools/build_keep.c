/*
 * build_keep: build the table of how often each word of a news article
 * reaches a human summary of it, which the learned scorer reads as a prior
 * on how summary-worthy a sentence's words are.
 *
 *   zstd -dc ../shared/data/multinews/train.jsonl.zst | build/tools/build_keep 50 15 -1 \
 *       | zstd -19 > data/keep.tsv.zst          (this is `make keep`)
 *
 *   build_keep MIN_OCC [HOLDOUT PARITY]: stems seen at least MIN_OCC times;
 *   with HOLDOUT, the clusters train_scorer --holdout HOLDOUT holds out are
 *   not counted, and with PARITY 0 or 1 only the even or odd others are.
 *   The shipped table counts every training cluster train_scorer may fit
 *   on (PARITY -1); `make train` fits the trees with one counted on the
 *   even clusters only, beside the other tables (train_scorer --keep-train).
 *
 * Reads JSON Lines clusters {"docs":[...],"refs":[...]} on stdin. For every
 * word occurrence in a cluster's articles it counts whether the cluster's
 * first reference uses the same term. Page furniture ("advertisement",
 * "photo", "click") and wire boilerplate almost never reach a summary;
 * the words of events (killed, charged, announced) often do. The counts are
 * what carries over between stories: which particular names are kept is a
 * matter of the story, which the cluster-level features see.
 *
 * Terms are the library's own (tokenizer + Snowball stemmer), so the table
 * matches what precis looks up. Writes "#rate HITS OCCURRENCES" (the rate
 * over all words) then "stem<TAB>occurrences<TAB>hits" for every stem seen
 * at least MIN_OCC times, sorted by stem for a stable file.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "text/token.h"

typedef struct counts {
    uint64_t *occ, *hit;
    uint32_t *in_ref;        /* cluster number + 1 whose reference holds the term */
    size_t cap;
} counts;

static int by_key(const void *a, const void *b, void *m)
{
    const strmap *map = m;
    return strcmp(strmap_key(map, *(const uint32_t *)a), strmap_key(map, *(const uint32_t *)b));
}

static int ensure(counts *k, uint32_t id)
{
    if (id < k->cap)
        return 0;
    size_t cap = k->cap ? k->cap : 1 << 16;
    while (cap <= id)
        cap *= 2;
    uint64_t *occ = realloc(k->occ, cap * sizeof *occ), *hit = occ ? realloc(k->hit, cap * sizeof *hit) : NULL;
    if (occ)
        k->occ = occ;
    if (hit)
        k->hit = hit;
    uint32_t *in_ref = hit ? realloc(k->in_ref, cap * sizeof *in_ref) : NULL;
    if (!in_ref)
        return -1;
    k->in_ref = in_ref;
    memset(k->occ + k->cap, 0, (cap - k->cap) * sizeof *k->occ);
    memset(k->hit + k->cap, 0, (cap - k->cap) * sizeof *k->hit);
    memset(k->in_ref + k->cap, 0, (cap - k->cap) * sizeof *k->in_ref);
    k->cap = cap;
    return 0;
}

/* With occ_total NULL, mark the terms of s (a reference) with mark; else
 * count each word of s (an article) and whether the mark is on its term.
 * -1 when out of memory. */
static int each_term(precis_engine *e, counts *k, json_t *s, buf *scratch, uint32_t mark, uint64_t *occ_total,
                     uint64_t *hit_total)
{
    const char *text = json_string_value(s);
    if (!text)
        return 0;
    size_t len = json_string_length(s), pos = 0;
    token t;
    while (token_next(text, len, &pos, &t, scratch)) {
        uint32_t id = engine_term(e, t.norm, t.norm_len);
        if (id == STRMAP_NONE || ensure(k, id) != 0)
            return -1;
        if (occ_total == NULL) {
            k->in_ref[id] = mark;       /* the reference: mark its terms */
            continue;
        }
        k->occ[id]++;
        ++*occ_total;
        if (k->in_ref[id] == mark) {
            k->hit[id]++;
            ++*hit_total;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    unsigned min_occ = argc > 1 ? (unsigned)atoi(argv[1]) : 50;
    /* the clusters train_scorer fits on: line i (from 0) is held out when
     * i % HOLDOUT == 0, and with PARITY 0 or 1 only i % 2 == PARITY count */
    long holdout = argc > 3 ? atol(argv[2]) : 0, parity = argc > 3 ? atol(argv[3]) : -1;
    unsigned long index = 0;
    precis_engine *e;
    precis_error err;
    if (precis_engine_new(&e, &err) != PRECIS_OK) {
        fprintf(stderr, "build_keep: %s\n", err.message);
        return 1;
    }
    counts k = {0};
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t n;
    uint32_t clusters = 0;
    uint64_t occ_total = 0, hit_total = 0;
    buf scratch = BUF_INIT;
    while ((n = getline(&line, &line_cap, stdin)) > 0) {
        unsigned long i0 = index++;
        if (holdout > 0 && (i0 % (unsigned long)holdout == 0 || (parity >= 0 && (long)(i0 % 2) != parity)))
            continue;
        json_error_t jerr;
        json_t *root = json_loadb(line, (size_t)n, 0, &jerr);
        json_t *refs = root ? json_object_get(root, "refs") : NULL;
        json_t *docs = root ? json_object_get(root, "docs") : NULL;
        if (!json_is_array(refs) || !json_array_size(refs) || !json_is_array(docs)) {
            json_decref(root);
            continue;
        }
        uint32_t mark = ++clusters;
        if (each_term(e, &k, json_array_get(refs, 0), &scratch, mark, NULL, NULL) != 0)
            goto oom;
        size_t i;
        json_t *d;
        json_array_foreach(docs, i, d)
            if (each_term(e, &k, d, &scratch, mark, &occ_total, &hit_total) != 0)
                goto oom;
        json_decref(root);
    }
    uint32_t *order = malloc((e->terms.count + 1) * sizeof *order);
    if (!order)
        goto oom;
    size_t kept = 0;
    for (uint32_t id = 0; id < e->terms.count; id++)
        if (id < k.cap && k.occ[id] >= min_occ)
            order[kept++] = id;
    qsort_r(order, kept, sizeof *order, by_key, &e->terms);
    printf("#rate %llu %llu\n", (unsigned long long)hit_total, (unsigned long long)occ_total);
    for (size_t j = 0; j < kept; j++)
        printf("%s\t%llu\t%llu\n", strmap_key(&e->terms, order[j]), (unsigned long long)k.occ[order[j]],
               (unsigned long long)k.hit[order[j]]);
    fprintf(stderr, "build_keep: %u clusters, %llu words, %zu terms kept (>= %u occurrences)\n", clusters,
            (unsigned long long)occ_total, kept, min_occ);
    free(order);
    free(k.occ);
    free(k.hit);
    free(k.in_ref);
    free(line);
    buf_free(&scratch);
    precis_engine_free(e);
    return 0;
oom:
    fprintf(stderr, "build_keep: out of memory\n");
    return 1;
}
