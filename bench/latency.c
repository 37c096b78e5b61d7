/*
 * latency: time to summarize one cluster of 10 full-length articles, the
 * interactive case (a reader opens a story). The engine is made once, as
 * a long-running program would; each run builds the cluster from the raw
 * text and summarizes it, so cleaning, splitting and stemming are counted.
 *
 *   build/bench/latency ../shared/data/duc2006/test.jsonl.zst [runs]
 *
 * Takes the first 10 articles of each of the first 10 DUC 2006 topics and
 * prints the median and 90th percentile over all runs, in milliseconds.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "io/io.h"
#include "precis.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: latency DUC.jsonl.zst [runs-per-topic]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 50;
    precis_error err = {0};
    precis_engine *eng;
    line_reader *r;
    if (precis_engine_new(&eng, &err) != PRECIS_OK || line_reader_open(argv[1], &r, &err) != PRECIS_OK) {
        fprintf(stderr, "latency: %s\n", err.message);
        return 1;
    }
    buf line = BUF_INIT;
    double *times = malloc(sizeof *times * (size_t)runs * 10);
    size_t nt = 0, words = 0;
    for (int topic = 0; topic < 10 && line_reader_next(r, &line, &err) == 1; topic++) {
        json_t *root = json_loadb(line.data, line.len, 0, NULL);
        json_t *docs = json_object_get(root, "docs");
        for (int k = 0; k < runs; k++) {
            double t0 = now_ms();
            precis_cluster *c;
            precis_cluster_new(eng, "bench", &c, &err);
            for (size_t d = 0; d < 10 && d < json_array_size(docs); d++) {
                json_t *doc = json_array_get(docs, d);
                precis_cluster_add(c, NULL, json_string_value(doc), json_string_length(doc), &err);
                if (k == 0 && topic == 0)
                    for (const char *p = json_string_value(doc); *p; p++)
                        words += (*p == ' ');
            }
            precis_options o;
            precis_options_init(&o);
            o.max_words = 250;
            precis_summary *s;
            if (precis_summarize(c, &o, &s, &err) != PRECIS_OK) {
                fprintf(stderr, "latency: %s\n", err.message);
                return 1;
            }
            times[nt++] = now_ms() - t0;
            precis_summary_free(s);
            precis_cluster_free(c);
        }
        json_decref(root);
    }
    qsort(times, nt, sizeof *times, cmp_double);
    printf("clusters of 10 articles (first topic: ~%zu words): %zu runs, median %.2f ms, p90 %.2f ms\n", words,
           nt, times[nt / 2], times[nt * 9 / 10]);
    free(times);
    buf_free(&line);
    line_reader_close(r);
    precis_engine_free(eng);
    return 0;
}
