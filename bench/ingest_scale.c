/*
 * ingest_scale.c: the cost of ingesting an article as the story database
 * grows.
 *
 *   ingest_scale DB TRAIN.jsonl.zst TOTAL [STEP] > curve.csv
 *
 * Replays the Multi-News training clusters as a stream of articles into
 * DB (through the public store API, exactly what `precis ingest` calls),
 * pass after pass until TOTAL articles have gone in. Dates are shifted so
 * the stream looks like news: pass p starts 90 days after pass p-1, and
 * within a pass cluster i is dated i/800 days after the pass start (about
 * 2,000 articles a day), with every article of a cluster on the same day.
 * Articles of later passes carry a pass marker in their text and URL, so
 * they are new articles, not duplicates.
 *
 * Every STEP articles (default 10000) it commits and prints a CSV line:
 * articles offered, articles stored (the training set repeats some
 * documents: those are skipped as duplicates), seconds for the last STEP, microseconds per
 * article, articles per second, CPU microseconds per article (user +
 * system of this process: what the article costs when the machine is
 * shared), database size in MB. Wall-clock time on one core, including JSON parsing, features, SQLite and fsync-free WAL
 * commits (synchronous=NORMAL).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "io/io.h"
#include "precis.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double file_mb(const char *db)
{
    char wal[1024];
    struct stat sb;
    double mb = 0;
    if (stat(db, &sb) == 0)
        mb += sb.st_size / 1048576.0;
    snprintf(wal, sizeof wal, "%s-wal", db);
    if (stat(wal, &sb) == 0)
        mb += sb.st_size / 1048576.0;
    return mb;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: ingest_scale DB TRAIN.jsonl.zst TOTAL [STEP]\n");
        return 2;
    }
    const char *db = argv[1], *train = argv[2];
    size_t total = strtoull(argv[3], NULL, 10), step = argc > 4 ? strtoull(argv[4], NULL, 10) : 10000;
    precis_store *s;
    precis_error err = {0};
    precis_store_options o;
    precis_store_options_init(&o);
    if (precis_store_open(db, &o, &s, &err) != PRECIS_OK) {
        fprintf(stderr, "ingest_scale: %s\n", err.message);
        return 1;
    }
    const long long base = 1483228800; /* 2017-01-01 */
    printf("articles,stored,seconds,us_per_article,articles_per_s,cpu_us_per_article,db_mb\n");
    size_t done = 0;
    double t0 = now(), start = t0, c0 = cpu_now();
    buf line = BUF_INIT, text = BUF_INIT;
    for (int pass = 0; done < total; pass++) {
        line_reader *r;
        if (line_reader_open(train, &r, &err) != PRECIS_OK) {
            fprintf(stderr, "ingest_scale: %s\n", err.message);
            return 1;
        }
        long cluster = 0;
        while (done < total && line_reader_next(r, &line, &err) == 1) {
            json_t *root = json_loadb(line.data, line.len, 0, NULL);
            json_t *docs = json_object_get(root, "docs");
            if (!docs)
                docs = json_object_get(root, "document");
            char date[32], id[64], url[96];
            snprintf(date, sizeof date, "%lld", base + pass * 90LL * 86400 + (cluster / 800) * 86400 + 3600);
            size_t i;
            json_t *d;
            json_array_foreach(docs, i, d) {
                const char *t = json_string_value(d);
                if (!t || strspn(t, " \t\r\n") == strlen(t))
                    continue;
                buf_clear(&text);
                if (pass)
                    buf_printf(&text, "(Replay %d.) ", pass);
                buf_append(&text, t, strlen(t));
                snprintf(id, sizeof id, "p%d-c%ld-%zu", pass, cluster, i);
                snprintf(url, sizeof url, "https://replay.example/%d/%ld/%zu", pass, cluster, i);
                precis_article_in a;
                memset(&a, 0, sizeof a);
                a.id = id;
                a.url = url;
                a.published = date;
                a.body = text.data;
                a.len = text.len;
                a.where = train;
                precis_status st = precis_store_add(s, &a, &err);
                if (st != PRECIS_OK && st != PRECIS_ERR_EMPTY && st != PRECIS_ERR_UTF8) {
                    fprintf(stderr, "ingest_scale: %s\n", err.message);
                    return 1;
                }
                if (st != PRECIS_OK)
                    continue;
                if (++done % step == 0) {
                    if (precis_store_flush(s, &err) != PRECIS_OK) {
                        fprintf(stderr, "ingest_scale: %s\n", err.message);
                        return 1;
                    }
                    double t = now();
                    precis_store_stats ss;
                    precis_store_get_stats(s, &ss);
                    double c = cpu_now();
                    printf("%zu,%zu,%.3f,%.1f,%.0f,%.1f,%.1f\n", done, ss.added, t - t0, (t - t0) * 1e6 / step,
                           step / (t - t0), (c - c0) * 1e6 / step, file_mb(db));
                    fflush(stdout);
                    t0 = t;
                    c0 = c;
                }
                if (done >= total)
                    break;
            }
            json_decref(root);
            cluster++;
        }
        line_reader_close(r);
    }
    precis_store_flush(s, &err);
    precis_store_stats st;
    precis_store_get_stats(s, &st);
    fprintf(stderr, "ingest_scale: %zu articles in %.1f s (%zu duplicates, %zu near-copies, %zu stories)\n", st.added,
            now() - start, st.duplicates, st.near_duplicates, st.new_stories);
    precis_store_close(s);
    buf_free(&line);
    buf_free(&text);
    return 0;
}
