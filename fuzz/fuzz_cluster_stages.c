/*
 * fuzz_cluster_stages.c: libFuzzer target for the text that passes between
 * the stages of `precis cluster` (src/cluster/): a record line as --reduce
 * reads it (batch_rec_parse) and a reducer output line as --merge reads it
 * (batch_merge_line). Those lines cross processes and machines, so they
 * may arrive truncated or damaged.
 *
 * Build with `make fuzz` (build/fuzz/fuzz_cluster_stages); corpus in
 * fuzz/corpus/cluster_stages/.
 *
 * Each input line is tried as both. Checks: a failure has a message and
 * a status in range; a record that parses writes back as a line that
 * parses again to an identical record (batch_rec_cmp == 0); the merge
 * writes its stories without failing and counts no more articles than
 * node and link lines could have named.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/batch.h"
#include "core/buf.h"
#include "harness.h"
#include "precis.h"

static void try_record(const char *line, size_t len)
{
    precis_error err = {0};
    batch_rec r;
    precis_status st = batch_rec_parse(line, len, "fuzz", 1, &r, &err);
    if (st != PRECIS_OK) {
        check_failure(st, &err);
        return;
    }
    buf out = BUF_INIT;
    if (batch_rec_format(&r, &out) != 0)
        __builtin_trap();
    batch_rec again;
    precis_error err2 = {0};
    if (batch_rec_parse(out.data, out.len, "fuzz", 1, &again, &err2) != PRECIS_OK)
        __builtin_trap();
    if (batch_rec_cmp(&r, &again) != 0)
        __builtin_trap();
    batch_rec_free(&again);
    batch_rec_free(&r);
    buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    batch_merge *m = batch_merge_new();
    if (!m)
        return 0;
    const char *p = (const char *)data, *end = p + size;
    size_t lines = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        try_record(p, len);
        precis_error err = {0};
        precis_status st = batch_merge_line(m, p, len, "fuzz", (long)++lines, &err);
        if (st != PRECIS_OK)
            check_failure(st, &err);
        p = nl ? nl + 1 : end;
    }
    FILE *devnull = fopen("/dev/null", "w");
    size_t stories = 0, missing = 0;
    if (devnull && batch_merge_write(m, devnull, &stories, &missing) != 0)
        __builtin_trap();
    if (batch_merge_count(m) > 2 * lines)
        __builtin_trap();
    if (devnull)
        fclose(devnull);
    batch_merge_free(m);
    return 0;
}
