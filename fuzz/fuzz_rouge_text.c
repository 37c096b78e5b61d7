/*
 * fuzz_rouge_text.c: libFuzzer target for summary text: reading SPL/SEE/ISI
 * bytes, -l/-b cuts, tokens, stemming, and every metric (src/rouge/).
 *
 * Build and run (from the repository root, after `make`):
 *
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *       -Iinclude -Isrc fuzz/fuzz_rouge_text.c src/rouge/rouge_*.c src/core/[a-z]*.c \
 *       build/gen/embedded_data.c -lm -o build/fuzz_rouge_text
 *   mkdir -p build/corpus-text && cp ../shared/rouge-vectors/inputs/edge/E1/peers/[a-z]* build/corpus-text/
 *   build/fuzz_rouge_text -max_total_time=120 build/corpus-text
 *
 * The first byte picks options (format, limits, stemming, W, skip
 * distance); the rest is split at the first 0xFF byte into a peer and a
 * model. Scores must stay within [0, 1].
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rouge/rouge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    data++, size--;
    rouge_options o;
    rouge_options_init(&o);
    o.max_n = 3;
    o.lsum = true;
    o.stem = sel & 1;
    o.stopwords = sel & 2;
    o.max_words = (sel & 12) == 4 ? 7 : 0;
    o.max_bytes = (sel & 12) == 8 ? 23 : 0;
    o.weight = sel & 16 ? 1.2 : 0;
    o.skip = true;
    o.skip_distance = sel & 32 ? -1 : 4;
    o.skip_unigrams = true;
    o.formula = sel & 64 ? 'B' : 'A';
    rouge_format fmt = (sel >> 6) == 2 ? ROUGE_FMT_SEE : (sel >> 6) == 3 ? ROUGE_FMT_ISI : ROUGE_FMT_SPL;
    const uint8_t *cut = memchr(data, 0xFF, size);
    size_t plen = cut ? (size_t)(cut - data) : size;
    const char *model = cut ? (const char *)cut + 1 : (const char *)data;
    size_t mlen = cut ? size - plen - 1 : size;

    rouge_scorer *sc;
    precis_error err;
    if (rouge_scorer_new(&o, &sc, &err) != PRECIS_OK)
        return 0;
    rouge_doc *p = NULL, *m = NULL;
    if (rouge_doc_new(sc, (const char *)data, plen, fmt, &p, &err) == PRECIS_OK &&
        rouge_doc_new(sc, model, mlen, fmt, &m, &err) == PRECIS_OK) {
        rouge_score s[ROUGE_MAX_METRICS];
        const rouge_doc *models[2] = {m, p};
        if (rouge_score_docs(sc, p, models, 2, s, &err) == PRECIS_OK) {
            const rouge_metric *mt;
            size_t nm = rouge_scorer_metrics(sc, &mt);
            for (size_t i = 0; i < nm; i++)
                if (!(s[i].r >= 0 && s[i].r <= 1 && s[i].p >= 0 && s[i].p <= 1.00001 &&
                      s[i].f >= 0 && s[i].f <= 1))
                    __builtin_trap();
        }
    }
    rouge_doc_free(p);
    rouge_doc_free(m);
    rouge_scorer_free(sc);
    return 0;
}
