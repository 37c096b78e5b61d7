/*
 * build_bgdf: build the background document-frequency table that the
 * summarizer's TF-IDF weights come from.
 *
 *   zstd -dc ../shared/data/multinews/train.jsonl.zst | build/tools/build_bgdf 3 \
 *       | zstd -19 > data/bgdf.tsv.zst          (this is `make bgdf`)
 *
 * Reads JSON Lines clusters {"docs":[...]} on stdin; every doc counts once.
 * Terms are the library's own (tokenizer + Snowball stemmer), so the table
 * matches what precis looks up. Writes "#docs N" then "stem<TAB>df" for
 * every stem in at least MIN_DF documents, sorted by stem for a stable file.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/engine.h"
#include "text/token.h"

static int by_key(const void *a, const void *b, void *m)
{
    const strmap *map = m;
    return strcmp(strmap_key(map, *(const uint32_t *)a), strmap_key(map, *(const uint32_t *)b));
}

int main(int argc, char **argv)
{
    unsigned min_df = argc > 1 ? (unsigned)atoi(argv[1]) : 3;
    precis_engine *e;
    precis_error err;
    if (precis_engine_new(&e, &err) != PRECIS_OK) {
        fprintf(stderr, "build_bgdf: %s\n", err.message);
        return 1;
    }
    /* Count into a table of our own: the engine's df is the table in use. */
    size_t cap = 1 << 20;
    uint32_t *df = calloc(cap, sizeof *df), *last = calloc(cap, sizeof *last);
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t n;
    uint32_t docs = 0;
    buf scratch = BUF_INIT;
    while ((n = getline(&line, &line_cap, stdin)) > 0) {
        json_error_t jerr;
        json_t *root = json_loadb(line, (size_t)n, 0, &jerr);
        json_t *arr = root ? json_object_get(root, "docs") : NULL;
        size_t i;
        json_t *d;
        json_array_foreach(arr, i, d) {
            const char *text = json_string_value(d);
            if (!text || !*text)
                continue;
            docs++;
            size_t len = json_string_length(d), pos = 0;
            token t;
            while (token_next(text, len, &pos, &t, &scratch)) {
                uint32_t id = engine_term(e, t.norm, t.norm_len);
                if (id == STRMAP_NONE)
                    return 1;
                while (id >= cap) {
                    df = realloc(df, 2 * cap * sizeof *df);
                    last = realloc(last, 2 * cap * sizeof *last);
                    memset(df + cap, 0, cap * sizeof *df);
                    memset(last + cap, 0, cap * sizeof *last);
                    cap *= 2;
                }
                if (last[id] != docs) {
                    last[id] = docs;
                    df[id]++;
                }
            }
        }
        json_decref(root);
    }
    uint32_t *order = malloc(e->terms.count * sizeof *order);
    size_t kept = 0;
    for (uint32_t id = 0; id < e->terms.count; id++)
        if (id < cap && df[id] >= min_df)
            order[kept++] = id;
    qsort_r(order, kept, sizeof *order, by_key, &e->terms);
    printf("#docs %u\n", docs);
    for (size_t k = 0; k < kept; k++)
        printf("%s\t%u\n", strmap_key(&e->terms, order[k]), df[order[k]]);
    fprintf(stderr, "build_bgdf: %u documents, %zu terms kept (df >= %u)\n", docs, kept, min_df);
    free(order);
    free(df);
    free(last);
    free(line);
    buf_free(&scratch);
    precis_engine_free(e);
    return 0;
}
