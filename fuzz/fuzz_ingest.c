/*
 * fuzz_ingest.c: libFuzzer target for the `precis ingest` input path: one
 * JSON Lines article (src/store/jsonl_article.c), its date
 * (precis_parse_date, src/store/date.c), and precis_store_add into a story
 * database (text or HTML body, features, story assignment, SQLite).
 *
 * Build with `make fuzz` (build/fuzz/fuzz_ingest); corpus in
 * fuzz/corpus/ingest/.
 *
 * Each input is split into lines; every line is parsed, added and the
 * batch flushed into one database per input, in a memory file system
 * path under /dev/shm when there is one (else /tmp). Checks: failures have
 * a message and a status in range; the stories listed afterwards hold no
 * more articles than were added, and each has a non-empty headline.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "precis.h"
#include "store/store.h"

typedef struct tally {
    size_t articles, stories;
} tally;

static int count_story(const precis_story *s, void *ctx)
{
    tally *t = ctx;
    if (!s->headline || s->narticles == 0 || !s->articles)
        __builtin_trap();
    t->articles += s->narticles;
    t->stories++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "%s/precis-fuzz-%d.db", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
             (int)getpid());
    unlink(path);
    precis_store_options o;
    precis_store_options_init(&o);
    o.batch = 4;
    o.default_time = 1730000000;
    precis_store *db;
    precis_error err;
    if (precis_store_open(path, &o, &db, &err) != PRECIS_OK)
        abort();
    size_t start = 0, added = 0;
    long lineno = 0;
    while (start < size) {
        const uint8_t *nl = memchr(data + start, '\n', size - start);
        size_t end = nl ? (size_t)(nl - data) : size;
        lineno++;
        precis_article_in a;
        json_t *root = NULL;
        precis_status st = store_parse_jsonl((const char *)data + start, end - start, "fuzz", lineno, &a, &root, &err);
        if (st == PRECIS_OK) {
            long long when;
            if (a.published)
                (void)precis_parse_date(a.published, &when);
            st = precis_store_add(db, &a, &err);
            if (st == PRECIS_OK)
                added++;
            else
                check_failure(st, &err);
        } else {
            check_failure(st, &err);
        }
        json_decref(root);
        start = end + 1;
    }
    precis_status st = precis_store_flush(db, &err);
    if (st != PRECIS_OK)
        check_failure(st, &err);
    tally t = {0, 0};
    st = precis_store_stories(db, 0, count_story, &t, &err);
    if (st != PRECIS_OK)
        check_failure(st, &err);
    if (t.articles > added)
        __builtin_trap();
    precis_store_close(db);
    unlink(path);
    char side[80];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    return 0;
}
