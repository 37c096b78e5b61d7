/*
 * duc_proxies: stand-ins, made from DUC 2006, for two of issue 4's targets
 * that have no data here (bench/proxies.sh runs them).
 *
 *   zstd -dc test.jsonl.zst | build/bench/duc_proxies fulltext > ft.jsonl
 *   zstd -dc test.jsonl.zst | build/bench/duc_proxies fulltext 5 > ft5.jsonl
 *   zstd -dc test.jsonl.zst | build/bench/duc_proxies first 10 > f10.jsonl
 *
 * fulltext: for each topic, three clusters of 2 to 10 of its articles,
 * whole and untruncated, drawn without replacement by a fixed-seed
 * generator (the same file on every machine): the shape of the "full-text
 * news clusters" target; with a number, only the drawn clusters of at most
 * that many articles (the same draws). first N: each topic's first N articles, the
 * shape of DUC 2004's 10-article clusters. Either way the cluster keeps
 * the topic's four references and drops its query, so the summaries are
 * generic; the references were written for the query, which makes every
 * score lower than on the real sets, so compare methods side by side.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRAWS_PER_TOPIC 3

static uint64_t rng = 0x2006D0C5EEDull;

/* xorshift64*: small, fixed, and the same everywhere. */
static uint32_t next_random(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545F4914F6CDD1Dull) >> 32);
}

static int emit(json_t *topic, const char *id, const size_t *pick, size_t n)
{
    json_t *docs = json_object_get(topic, "docs"), *out = json_object(), *chosen = json_array();
    for (size_t k = 0; k < n; k++)
        json_array_append(chosen, json_array_get(docs, pick[k]));
    json_object_set_new(out, "id", json_string(id));
    json_object_set_new(out, "docs", chosen);
    json_object_set(out, "refs", json_object_get(topic, "refs"));
    int rc = json_dumpf(out, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(out);
    return rc;
}

/* Clusters of more than max_articles articles are drawn but not written. */
static int fulltext(json_t *topic, const char *id, size_t max_articles)
{
    size_t ndocs = json_array_size(json_object_get(topic, "docs"));
    size_t order[64];
    if (ndocs < 2 || ndocs > 64)
        return 0;
    for (int d = 0; d < DRAWS_PER_TOPIC; d++) {
        size_t want = 2 + next_random() % 9;
        if (want > ndocs)
            want = ndocs;
        for (size_t k = 0; k < ndocs; k++)
            order[k] = k;
        for (size_t k = 0; k < want; k++) {   /* partial Fisher-Yates */
            size_t j = k + next_random() % (ndocs - k);
            size_t t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        char name[256];
        snprintf(name, sizeof name, "%s-%d", id, d);
        if (want <= max_articles && emit(topic, name, order, want) != 0)
            return -1;
    }
    return 0;
}

static int first(json_t *topic, const char *id, size_t n)
{
    size_t ndocs = json_array_size(json_object_get(topic, "docs")), pick[64];
    if (n > ndocs)
        n = ndocs;
    if (n > 64)
        n = 64;
    for (size_t k = 0; k < n; k++)
        pick[k] = k;
    return emit(topic, id, pick, n);
}

int main(int argc, char **argv)
{
    int is_first = argc == 3 && !strcmp(argv[1], "first");
    int is_fulltext = (argc == 2 || argc == 3) && !strcmp(argv[1], "fulltext");
    if (!is_fulltext && !is_first) {
        fprintf(stderr, "usage: duc_proxies fulltext [MAX_ARTICLES] | first N   (DUC 2006 JSON Lines on stdin)\n");
        return 2;
    }
    size_t n = argc == 3 ? strtoul(argv[2], NULL, 10) : SIZE_MAX;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        lineno++;
        json_error_t err;
        json_t *topic = json_loadb(line, (size_t)len, 0, &err);
        const char *id = json_string_value(json_object_get(topic, "id"));
        if (!topic || !id || !json_is_array(json_object_get(topic, "docs"))) {
            fprintf(stderr, "duc_proxies: line %zu: not a DUC topic (%s)\n", lineno, topic ? "fields" : err.text);
            json_decref(topic);
            free(line);
            return 1;
        }
        int rc = is_first ? first(topic, id, n) : fulltext(topic, id, n);
        json_decref(topic);
        if (rc != 0) {
            fprintf(stderr, "duc_proxies: write failed\n");
            free(line);
            return 1;
        }
    }
    free(line);
    return 0;
}
