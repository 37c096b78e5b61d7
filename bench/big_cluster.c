/*
 * big_cluster: write one very large cluster as a JSON Lines line, for the
 * "Large clusters" benchmark (BENCHMARKS.md) and the limits in README.
 *
 *   build/bench/big_cluster ../shared/data/multinews/train.jsonl.zst 100000 > big.jsonl
 *
 * Takes the articles of the Multi-News training clusters in file order and
 * adds them to one cluster (through the library, so the count is exactly
 * the sentences precis will see) until it holds at least N sentences.
 * Writes {"id":"big-N","docs":[...]} and reports the articles, sentences
 * and bytes on standard error.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "precis.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: big_cluster TRAIN.jsonl[.zst] SENTENCES\n");
        return 2;
    }
    size_t want = strtoul(argv[2], NULL, 10);
    precis_error err;
    precis_engine *eng;
    precis_cluster *c;
    line_reader *r;
    char msg[1200];
    if (precis_engine_new(&eng, &err) != PRECIS_OK || precis_cluster_new(eng, "big", &c, &err) != PRECIS_OK ||
        line_reader_open(argv[1], &r, &err) != PRECIS_OK) {
        fprintf(stderr, "big_cluster: %s\n", precis_error_format(&err, msg, sizeof msg));
        return 1;
    }
    json_t *docs = json_array();
    buf line = BUF_INIT;
    size_t bytes = 0;
    int got;
    while (precis_cluster_sentences(c) < want && (got = line_reader_next(r, &line, &err)) == 1) {
        json_error_t jerr;
        json_t *root = json_loadb(line.data, line.len, 0, &jerr);
        json_t *d = json_object_get(root, "docs");
        size_t i;
        json_t *doc;
        json_array_foreach(d, i, doc) {
            const char *text = json_string_value(doc);
            size_t len = json_string_length(doc);
            if (!text || precis_cluster_add(c, NULL, text, len, &err) != PRECIS_OK)
                continue; /* empty slots and pages with no story text */
            json_array_append(docs, doc);
            bytes += len;
            if (precis_cluster_sentences(c) >= want)
                break;
        }
        json_decref(root);
    }
    fprintf(stderr, "big_cluster: %zu articles, %zu sentences, %zu bytes\n", precis_cluster_articles(c),
            precis_cluster_sentences(c), bytes);
    char id[64];
    snprintf(id, sizeof id, "big-%zu", want);
    json_t *out = json_pack("{s:s, s:o}", "id", id, "docs", docs);
    if (json_dumpf(out, stdout, JSON_COMPACT) != 0 || fputc('\n', stdout) == EOF) {
        fprintf(stderr, "big_cluster: write error\n");
        return 1;
    }
    json_decref(out);
    buf_free(&line);
    line_reader_close(r);
    precis_cluster_free(c);
    precis_engine_free(eng);
    return 0;
}
