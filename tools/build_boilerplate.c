/*
 * build_boilerplate: list the sentences that turn up in many unrelated
 * news clusters, which are page widgets and notices, not story
 * (clean/boilerplate.h).
 *
 *   build/tools/build_boilerplate 20 ../shared/data/multinews/train.jsonl.zst \
 *       | zstd -19 > data/boilerplate.tsv.zst        (this is `make boilerplate`)
 *
 * Every cluster is built with the library exactly as `precis summarize`
 * builds it, so the sentences are the ones the summarizer will look up.
 * A sentence counts once per cluster however many of its articles carry
 * it. Writes a '#' line saying what was counted, then "key<TAB>clusters"
 * for every key found in at least MIN clusters, sorted by key for a
 * stable file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/boilerplate.h"
#include "core/buf.h"
#include "core/strmap.h"
#include "io/io.h"
#include "model/cluster.h"
#include "model/engine.h"

/* Shorter keys are too common to mean anything ("he said"). */
#define MIN_KEY 20

typedef struct tally {
    strmap keys;
    uint32_t *clusters, *last;   /* per key: clusters holding it, last cluster (index + 1) */
    size_t cap;
} tally;

static void count_key(tally *t, const char *key, size_t n, uint32_t cluster)
{
    uint32_t id = strmap_intern(&t->keys, key, n);
    if (id == STRMAP_NONE) {
        fprintf(stderr, "build_boilerplate: out of memory\n");
        exit(1);
    }
    if (id >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1 << 16;
        while (cap <= id)
            cap *= 2;
        t->clusters = realloc(t->clusters, cap * sizeof *t->clusters);
        t->last = realloc(t->last, cap * sizeof *t->last);
        if (!t->clusters || !t->last) {
            fprintf(stderr, "build_boilerplate: out of memory\n");
            exit(1);
        }
        memset(t->clusters + t->cap, 0, (cap - t->cap) * sizeof *t->clusters);
        memset(t->last + t->cap, 0, (cap - t->cap) * sizeof *t->last);
        t->cap = cap;
    }
    if (t->last[id] != cluster + 1) {
        t->last[id] = cluster + 1;
        t->clusters[id]++;
    }
}

static void count_cluster(tally *t, const precis_cluster *c, uint32_t index)
{
    char key[BOILERPLATE_MAX_BYTES + 1];
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        size_t len = s->end - s->start;
        if (len > BOILERPLATE_MAX_BYTES)
            continue;
        size_t n = boilerplate_key(c->articles[s->article].text + s->start, len, key);
        if (n >= MIN_KEY)
            count_key(t, key, n, index);
    }
}

static int by_key(const void *a, const void *b, void *m)
{
    const strmap *map = m;
    return strcmp(strmap_key(map, *(const uint32_t *)a), strmap_key(map, *(const uint32_t *)b));
}

int main(int argc, char **argv)
{
    if (argc != 3 || atoi(argv[1]) < 2) {
        fprintf(stderr, "usage: build_boilerplate MIN TRAIN.jsonl[.zst] > boilerplate.tsv\n");
        return 2;
    }
    unsigned min = (unsigned)atoi(argv[1]);
    precis_engine *eng;
    precis_error err;
    line_reader *lr;
    if (precis_engine_new(&eng, &err) != PRECIS_OK || line_reader_open(argv[2], &lr, &err) != PRECIS_OK) {
        fprintf(stderr, "build_boilerplate: %s\n", err.message);
        return 1;
    }
    tally t = {0};
    strmap_init(&t.keys);
    buf line = BUF_INIT;
    uint32_t clusters = 0;
    int rc;
    while ((rc = line_reader_next(lr, &line, &err)) == 1) {
        precis_cluster *c;
        char *id;
        if (jsonl_cluster(eng, line.data, line.len, line_reader_lineno(lr), argv[2], &c, &id, &err) != PRECIS_OK)
            continue; /* an empty or broken cluster holds no sentences to count */
        count_cluster(&t, c, clusters++);
        precis_cluster_free(c);
        free(id);
    }
    if (rc < 0) {
        fprintf(stderr, "build_boilerplate: %s\n", err.message);
        return 1;
    }
    uint32_t *order = malloc((t.keys.count + 1) * sizeof *order);
    size_t kept = 0;
    if (!order)
        return 1;
    for (uint32_t k = 0; k < t.keys.count; k++)
        if (t.clusters[k] >= min)
            order[kept++] = k;
    qsort_r(order, kept, sizeof *order, by_key, &t.keys);
    printf("# sentences in at least %u of %u clusters (tools/build_boilerplate.c)\n", min, clusters);
    for (size_t k = 0; k < kept; k++)
        printf("%s\t%u\n", strmap_key(&t.keys, order[k]), t.clusters[order[k]]);
    fprintf(stderr, "build_boilerplate: %u clusters, %zu keys, %zu in at least %u\n", clusters,
            (size_t)t.keys.count, kept, min);
    free(order);
    free(t.clusters);
    free(t.last);
    strmap_free(&t.keys);
    buf_free(&line);
    line_reader_close(lr);
    precis_engine_free(eng);
    return 0;
}
