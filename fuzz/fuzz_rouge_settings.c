/*
 * fuzz_rouge_settings.c: libFuzzer target for ROUGE's XML settings parser
 * and the -z file-list parser (src/rouge/rouge_settings.c, rouge_evalset.c).
 *
 * Build and run (from the repository root, after `make`):
 *
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *       -Iinclude -Isrc fuzz/fuzz_rouge_settings.c src/rouge/rouge_*.c src/core/[a-z]*.c \
 *       build/gen/embedded_data.c -lm -o build/fuzz_rouge_settings
 *   mkdir -p build/corpus-settings && cp ../shared/rouge-vectors/inputs/edge/settings.xml build/corpus-settings/
 *   build/fuzz_rouge_settings -max_total_time=120 build/corpus-settings
 *
 * Every input must either parse or fail with a message; a parsed set is
 * also turned into leave-one-out form, to exercise those paths.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rouge/rouge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rouge_evalset set;
    precis_error err;
    if (rouge_settings_parse("fuzz.xml", (const char *)data, size, &set, &err) == PRECIS_OK) {
        rouge_evalset loo;
        if (rouge_evalset_leave_one_out(&set, &loo, &err) == PRECIS_OK)
            rouge_evalset_free(&loo);
        rouge_evalset_free(&set);
    } else if (!err.message[0]) {
        __builtin_trap(); /* a failure must say why */
    }
    if (rouge_filelist_parse("fuzz.lst", (const char *)data, size, ROUGE_FMT_SPL, "X", &set,
                             &err) == PRECIS_OK)
        rouge_evalset_free(&set);
    return 0;
}
