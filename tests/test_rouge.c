/*
 * test_rouge.c: the ROUGE-1.5.5 evaluator against the shared test vectors.
 *
 *  - the stemmer reproduces every row of stem-vectors.tsv;
 *  - `precis rouge` reproduces every expected/NAME.txt byte for byte (run from
 *    the directory the settings file expects: the DUC set from
 *    rouge-vectors/, the edge set from inputs/edge/);
 *  - tokenisation examples from the vectors' README;
 *  - the simple (--peer/--ref), JSON Lines and in-memory paths agree with the
 *    settings-file path, and JSON Lines read plain, zstd or piped agree;
 *    errors name the file and line and start "precis: ".
 *
 * The shared data is PRECIS_SHARED, or ../../shared seen from tests/ (the
 * repository sits beside shared/). The program is PRECIS (default
 * ../build/precis).
 */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "rouge/rouge.h"

static const char *shared_dir(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("PRECIS_SHARED");
    if (!realpath(env && *env ? env : "../../shared", path))
        cr_skip_test("shared test data not found (set PRECIS_SHARED)");
    return path;
}

static const char *precis_bin(void)
{
    static char path[PATH_MAX];
    const char *env = getenv("PRECIS");
    if (!realpath(env && *env ? env : "../build/precis", path))
        cr_skip_test("precis binary not found (set PRECIS)");
    return path;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = BUF_INIT;
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_append(&b, tmp, n);
    fclose(f);
    buf_putc(&b, '\0');
    if (len)
        *len = b.len - 1;
    return b.data;
}

/* Run a shell command; returns its stdout (malloc'd) and exit status. */
static char *run(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p, "popen failed: %s", cmd);
    buf b = BUF_INIT;
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, p)) > 0)
        buf_append(&b, tmp, n);
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    buf_putc(&b, '\0');
    return b.data;
}

/* The flags of config `name` from configs.tsv or edge_extra_configs.tsv. */
static void config_flags(const char *name, char *out, size_t cap)
{
    const char *files[] = {"configs.tsv", "edge_extra_configs.tsv"};
    out[0] = '\0';
    for (int i = 0; i < 2; i++) {
        char path[PATH_MAX + 64];
        snprintf(path, sizeof path, "%s/rouge-vectors/%s", shared_dir(), files[i]);
        char *t = slurp(path, NULL);
        cr_assert_not_null(t, "cannot read %s", path);
        for (char *line = strtok(t, "\n"); line; line = strtok(NULL, "\n")) {
            char *tab = strchr(line, '\t');
            if (tab && (size_t)(tab - line) == strlen(name) && !strncmp(line, name, strlen(name)))
                snprintf(out, cap, "%s", tab + 1);
        }
        free(t);
    }
    cr_assert(out[0], "no config %s", name);
}

static void check_expected(const char *config, bool edge)
{
    char flags[512], dir[PATH_MAX + 64], expected[PATH_MAX + 128], cmd[3 * PATH_MAX + 1024];
    config_flags(config, flags, sizeof flags);
    snprintf(dir, sizeof dir, "%s/rouge-vectors%s", shared_dir(), edge ? "/inputs/edge" : "");
    snprintf(expected, sizeof expected, "%s/rouge-vectors/expected/%s%s.txt", shared_dir(),
             edge ? "edge_" : "", config);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' rouge %s settings.xml 2>/dev/null", dir,
             precis_bin(), flags);
    int status;
    char *got = run(cmd, &status);
    size_t elen;
    char *want = slurp(expected, &elen);
    cr_assert_not_null(want, "cannot read %s", expected);
    cr_assert_eq(status, 0, "%s exited %d", cmd, status);
    size_t glen = strlen(got), i = 0;
    while (i < glen && i < elen && got[i] == want[i])
        i++;
    cr_assert(i == glen && i == elen, "%s: output differs from %s at byte %zu", config, expected, i);
    free(got);
    free(want);
}

#define DUC(name) Test(rouge_expected, name, .timeout = 120) { check_expected(#name, false); }
#define EDGE(name) Test(rouge_expected, edge_##name, .timeout = 60) { check_expected(#name, true); }

DUC(duc_standard)
DUC(nostem)
DUC(stopwords)
DUC(bytes)
DUC(rougeL_W)
DUC(avg_best)
DUC(nolimit_n4)
EDGE(duc_standard)
EDGE(nostem)
EDGE(stopwords)
EDGE(bytes)
EDGE(rougeL_W)
EDGE(avg_best)
EDGE(nolimit_n4)
EDGE(l10)
EDGE(b60)
EDGE(b60_rougeW)
EDGE(t1)
EDGE(t2)

Test(rouge_expected, stderr_warnings_match, .timeout = 60)
{
    char dir[PATH_MAX + 64], cmd[3 * PATH_MAX + 1024], expected[PATH_MAX + 128], flags[512];
    config_flags("l10", flags, sizeof flags);
    snprintf(dir, sizeof dir, "%s/rouge-vectors/inputs/edge", shared_dir());
    snprintf(expected, sizeof expected, "%s/rouge-vectors/expected/edge_l10.stderr", shared_dir());
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' rouge %s settings.xml 2>&1 >/dev/null", dir,
             precis_bin(), flags);
    int status;
    char *got = run(cmd, &status);
    char *want = slurp(expected, NULL);
    cr_assert_str_eq(got, want);
    free(got);
    free(want);
}

/* ---- Stemmer ------------------------------------------------------------------ */

static rouge_scorer *scorer(bool stem, bool stop)
{
    rouge_options o;
    rouge_options_init(&o);
    o.max_n = 2;
    o.stem = stem;
    o.stopwords = stop;
    rouge_scorer *sc;
    precis_error err;
    cr_assert_eq(rouge_scorer_new(&o, &sc, &err), PRECIS_OK, "%s", err.message);
    return sc;
}

Test(rouge_stem, reproduces_every_stem_vector)
{
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/rouge-vectors/stem-vectors.tsv", shared_dir());
    char *t = slurp(path, NULL);
    cr_assert_not_null(t);
    rouge_scorer *sc = scorer(true, false);
    size_t rows = 0, bad = 0;
    char out[512];
    char *save = NULL;
    strtok_r(t, "\n", &save); /* header */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        cr_assert(tab1 && tab2, "bad row %s", line);
        size_t len, want = (size_t)(tab2 - tab1 - 1);
        const char *s = rouge_stem_token(sc, line, (size_t)(tab1 - line), out, sizeof out, &len);
        if (!s || len != want || memcmp(s, tab1 + 1, len)) {
            if (bad++ < 10)
                cr_log_error("%.*s: got %.*s want %.*s", (int)(tab1 - line), line, (int)len,
                             s ? s : "", (int)want, tab1 + 1);
        }
        rows++;
    }
    cr_assert_eq(rows, 10977, "rows %zu", rows);
    cr_assert_eq(bad, 0, "%zu of %zu rows differ", bad, rows);
    rouge_scorer_free(sc);
    free(t);
}

Test(rouge_stem, modified_step4)
{
    char out[64];
    cr_assert_eq(rouge_porter("agreement", 9, out, sizeof out), 6);
    cr_assert_str_eq(out, "agreem");
    rouge_porter("departmental", 12, out, sizeof out);
    cr_assert_str_eq(out, "depart");
    rouge_porter("yelling", 7, out, sizeof out);
    cr_assert_str_eq(out, "yell");
}

/* ---- Tokens ------------------------------------------------------------------ */

static void tokens_are(rouge_scorer *sc, const char *text, const char *want)
{
    char *got;
    precis_error err;
    cr_assert_eq(rouge_tokens_string(sc, text, &got, &err), PRECIS_OK);
    cr_assert_str_eq(got, want, "tokens of \"%s\"", text);
    free(got);
}

Test(rouge_tokens, readme_examples)
{
    rouge_scorer *sc = scorer(false, false);
    tokens_are(sc, "Two-thirds", "two thirds");
    tokens_are(sc, "$8.26", "8 26");
    tokens_are(sc, "1,200", "1 200");
    tokens_are(sc, "tribe's", "tribe s");
    tokens_are(sc, "Chr\xe9tien", "chr tien");
    tokens_are(sc, "caf\xc3\xa9", "caf");
    tokens_are(sc, "1990s", "1990s");
    tokens_are(sc, "  -- a\r\nB\n\n\tc ", "a b c");
    rouge_scorer_free(sc);
}

Test(rouge_tokens, stopwords_and_stems)
{
    rouge_scorer *sc = scorer(true, true);
    tokens_are(sc, "The mice were running", "mouse run");
    rouge_scorer_free(sc);
    sc = scorer(true, false);
    tokens_are(sc, "was were best better comics", "was be well well comic_strip");
    rouge_scorer_free(sc);
}

/* ---- In memory, simple and JSONL modes ------------------------------------------- */

static const char *PEER = "The cat sat on the mat.\nIt was happy.\n";
static const char *REF1 = "A cat was sitting on the mat.\n";
static const char *REF2 = "The cat is happy on a mat.\nThe dog is not.\n";

Test(rouge_api, in_memory_pairs)
{
    rouge_options o;
    rouge_options_init(&o);
    o.max_n = 2;
    o.stem = true;
    o.skip = true;
    o.skip_distance = 4;
    o.skip_unigrams = true;
    rouge_scorer *sc;
    precis_error err;
    cr_assert_eq(rouge_scorer_new(&o, &sc, &err), PRECIS_OK);
    const rouge_metric *m;
    size_t nm = rouge_scorer_metrics(sc, &m);
    cr_assert_eq(nm, 4);
    cr_assert_str_eq(m[3].name, "ROUGE-SU4");
    const char *refs[] = {REF1, REF2};
    rouge_score s[4];
    cr_assert_eq(rouge_scorer_add(sc, "1", PEER, refs, 2, s, &err), PRECIS_OK);
    /* peer: the cat sat on the mat it wa happi (9); refs: a cat wa sit on the mat (7) +
     * the cat is happi on a mat the dog is not (11) */
    cr_assert_float_eq(s[0].model_count, 18, 1e-9);
    cr_assert_float_eq(s[0].peer_count, 18, 1e-9);
    cr_assert_eq(rouge_scorer_add(sc, "2", REF1, refs + 1, 1, NULL, &err), PRECIS_OK);
    cr_assert_eq(rouge_scorer_count(sc), 2);
    rouge_average a;
    cr_assert_eq(rouge_scorer_average(sc, 0, &a, &err), PRECIS_OK);
    cr_assert(a.r > 0 && a.r <= 1 && a.r_lo <= a.r && a.r <= a.r_hi);
    rouge_scorer_free(sc);
}

static char tmpdir[PATH_MAX];

static void write_file(const char *name, const char *text)
{
    char path[PATH_MAX * 2];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_tmp(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/precis-rouge-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    write_file("peer.txt", PEER);
    write_file("r1.txt", REF1);
    write_file("r2.txt", REF2);
    write_file("settings.xml",
               "<ROUGE_EVAL version=\"1.5.5\">\n<EVAL ID=\"peer.txt\">\n"
               "<PEER-ROOT>.</PEER-ROOT><MODEL-ROOT>.</MODEL-ROOT>\n"
               "<INPUT-FORMAT TYPE=\"SPL\"></INPUT-FORMAT>\n"
               "<PEERS><P ID=\"peer\">peer.txt</P></PEERS>\n"
               "<MODELS><M ID=\"A\">r1.txt</M><M ID=\"B\">r2.txt</M></MODELS>\n</EVAL>\n"
               "</ROUGE_EVAL>\n");
    write_file("in.jsonl",
               "{\"id\": \"peer.txt\", \"summary\": \"The cat sat on the mat.\\nIt was happy.\\n\", "
               "\"refs\": [\"A cat was sitting on the mat.\\n\", "
               "\"The cat is happy on a mat.\\nThe dog is not.\\n\"]}\n");
    write_file("bad.xml", "<ROUGE_EVAL>\n<EVAL ID=\"x\">\n</EVALS>\n</ROUGE_EVAL>\n");
}

static void clean_tmp(void)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        cr_log_warn("could not remove %s", tmpdir);
}

static char *in_tmp(const char *args, int *status)
{
    char cmd[3 * PATH_MAX];
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' rouge %s", tmpdir, precis_bin(), args);
    return run(cmd, status);
}

#define FLAGS "-n 2 -m -2 4 -u -c 95 -r 100 -f A -p 0.5 -t 0 -d -l 250"

Test(rouge_cli, simple_and_jsonl_match_settings, .init = make_tmp, .fini = clean_tmp)
{
    int s1, s2, s3;
    char *xml = in_tmp(FLAGS " -a settings.xml", &s1);
    char *simple = in_tmp(FLAGS " --peer peer.txt --ref r1.txt --ref r2.txt", &s2);
    char *jsonl = in_tmp(FLAGS " --jsonl in.jsonl", &s3);
    cr_assert_eq(s1, 0);
    cr_assert_eq(s2, 0);
    cr_assert_eq(s3, 0);
    cr_assert(strstr(xml, "peer ROUGE-SU4 Eval peer.txt.peer R:"), "%s", xml);
    cr_assert_str_eq(simple, xml);
    cr_assert_str_eq(jsonl, xml);
    free(xml), free(simple), free(jsonl);
}

Test(rouge_cli, lsum_and_leave_one_out, .init = make_tmp, .fini = clean_tmp)
{
    int st;
    char *out = in_tmp("-n 1 --lsum -d --jsonl in.jsonl --leave-one-out 2>/dev/null", &st);
    cr_assert_eq(st, 0);
    cr_assert(strstr(out, "peer ROUGE-Lsum Average_R:"), "%s", out);
    cr_assert(strstr(out, "A ROUGE-1 Eval peer.txt-A.A R:"), "%s", out);
    cr_assert(strstr(out, "B ROUGE-1 Eval peer.txt-B.B R:"), "%s", out);
    cr_assert(strstr(out, "peer ROUGE-1 Eval peer.txt-A.peer R:"), "%s", out);
    free(out);
}

/* The README's settings-file examples run as printed (from a directory
 * holding their settings.xml): the leave-one-out one once lacked -a and
 * stopped at "give a system ID to evaluate". */
Test(rouge_cli, readme_settings_examples_run, .init = make_tmp, .fini = clean_tmp)
{
    char *readme = slurp("../README.md", NULL);
    cr_assert_not_null(readme);
    int found = 0;
    for (char *line = strtok(readme, "\n"); line; line = strtok(NULL, "\n")) {
        char *cmd = strstr(line, "    precis rouge ");
        char *xml = cmd ? strstr(cmd, " settings.xml") : NULL;
        if (cmd != line || !xml)
            continue;
        xml[strlen(" settings.xml")] = '\0'; /* drop the comment after it */
        char args[512];
        snprintf(args, sizeof args, "%s 2>&1", cmd + strlen("    precis rouge "));
        int st;
        char *out = in_tmp(args, &st);
        cr_assert_eq(st, 0, "README example `precis rouge %s`: exit %d: %s", args, st, out);
        cr_assert(strstr(out, "ROUGE-1 Average_R:"), "%s", out);
        free(out);
        found++;
    }
    cr_assert_geq(found, 2, "the README's settings.xml examples are not where this test looks");
    free(readme);
}

Test(rouge_cli, errors_name_file_and_line, .init = make_tmp, .fini = clean_tmp)
{
    int st;
    char *out = in_tmp("-a bad.xml 2>&1", &st);
    cr_assert_eq(st, 1);
    cr_assert(strstr(out, "bad.xml:3:"), "%s", out);
    free(out);
    out = in_tmp("-a missing.xml 2>&1", &st);
    cr_assert_eq(st, 1);
    cr_assert(strstr(out, "missing.xml"), "%s", out);
    free(out);
    out = in_tmp("-q -a settings.xml 2>&1", &st);
    cr_assert_eq(st, 2);
    free(out);
    out = in_tmp("-l 10 -b 10 -a settings.xml 2>&1", &st);
    cr_assert_eq(st, 2);
    free(out);
    /* strtod reads these; as a weight, inf gave -nan scores */
    static const char *const not_finite[] = {"-w inf", "-w nan", "-p nan", "-c nan"};
    for (size_t k = 0; k < sizeof not_finite / sizeof *not_finite; k++) {
        char args[64];
        snprintf(args, sizeof args, "%s -a settings.xml 2>&1", not_finite[k]);
        out = in_tmp(args, &st);
        cr_assert_eq(st, 2, "%s: exit %d: %s", not_finite[k], st, out);
        free(out);
    }
    /* all digits, more than a long holds: too large, not "not a whole
     * number >= 0", as summarize --words says (cli/util.c) */
    static const char *const huge[] = {"-l", "-b", "-r", "-2"};
    for (size_t k = 0; k < sizeof huge / sizeof *huge; k++) {
        char args[96];
        snprintf(args, sizeof args, "%s 99999999999999999999 -a settings.xml 2>&1", huge[k]);
        out = in_tmp(args, &st);
        cr_assert_eq(st, 2, "%s: exit %d: %s", huge[k], st, out);
        cr_assert(strstr(out, "is too large (at most ") && !strstr(out, "whole number"), "%s: %s", huge[k], out);
        free(out);
    }
    out = in_tmp("--help", &st);
    cr_assert_eq(st, 0);
    cr_assert(strstr(out, "--leave-one-out"));
    free(out);
    /* a wrong path is refused at the limit, not read until memory runs out */
    out = in_tmp("--peer /dev/zero --ref settings.xml 2>&1", &st);
    cr_assert_eq(st, 1);
    cr_assert(strstr(out, "/dev/zero") && strstr(out, "limit"), "%s", out);
    free(out);
}

/* Errors, usage errors and warnings start "precis: " as every other
 * command's do (and as the man page shows), not "precis rouge: ". */
Test(rouge_cli, messages_begin_with_precis, .init = make_tmp, .fini = clean_tmp)
{
    char cmd[3 * PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "mkdir '%s/peers' '%s/refs_a' '%s/refs_b'", tmpdir, tmpdir, tmpdir);
    cr_assert_eq(system(cmd), 0);
    write_file("peers/x.txt", PEER);
    write_file("refs_a/x.txt", REF1);
    const struct {
        const char *args, *what;
        int status;
    } runs[] = {
        {"-a bad.xml 2>&1", "bad.xml:3:", 1},
        {"--jsonl missing.jsonl 2>&1", "missing.jsonl", 1},
        {"--bogus 2>&1", "--bogus", 2},
        {"--peer peers --ref refs_a --ref refs_b 2>&1 >/dev/null", "refs_b/x.txt", 0},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        int st;
        char *out = in_tmp(runs[i].args, &st);
        cr_expect_eq(st, runs[i].status, "%s: exit %d", runs[i].args, st);
        cr_expect(!strncmp(out, "precis: ", 8) && strstr(out, runs[i].what), "%s: %s", runs[i].args, out);
        cr_expect(!strstr(out, "precis rouge:"), "%s: %s", runs[i].args, out);
        free(out);
    }
}

/* --jsonl is read a line at a time like the other JSON Lines readers:
 * zstd-compressed or on standard input it scores the same bytes, blank
 * lines (spaces, tabs, "\r\n") are still skipped, and an error still
 * names the line counting them. */
Test(rouge_cli, jsonl_streams_plain_zstd_and_stdin, .init = make_tmp, .fini = clean_tmp)
{
    char cmd[3 * PATH_MAX];
    size_t len;
    snprintf(cmd, sizeof cmd, "%s/in.jsonl", tmpdir);
    char *in = slurp(cmd, &len);
    cr_assert_not_null(in);
    char *spaced = malloc(len + 32);
    snprintf(spaced, len + 32, "\n \t\r\n%s\r\n\n", in);
    write_file("spaced.jsonl", spaced);
    free(spaced);
    free(in);
    snprintf(cmd, sizeof cmd, "zstd -q -f '%s/in.jsonl' -o '%s/in.jsonl.zst'", tmpdir, tmpdir);
    cr_assert_eq(system(cmd), 0, "zstd failed");
    int s1, s2, s3, s4;
    char *plain = in_tmp(FLAGS " --jsonl in.jsonl", &s1);
    char *zst = in_tmp(FLAGS " --jsonl in.jsonl.zst", &s2);
    char *piped = in_tmp(FLAGS " --jsonl - < in.jsonl.zst", &s3);
    char *blanks = in_tmp(FLAGS " --jsonl spaced.jsonl", &s4);
    cr_assert_eq(s1, 0);
    cr_expect_eq(s2, 0, "%s", zst);
    cr_expect_eq(s3, 0, "%s", piped);
    cr_expect_eq(s4, 0, "%s", blanks);
    cr_assert(strstr(plain, "peer ROUGE-SU4 Eval peer.txt.peer R:"), "%s", plain);
    cr_expect_str_eq(zst, plain);
    cr_expect_str_eq(piped, plain);
    cr_expect_str_eq(blanks, plain);
    free(plain), free(zst), free(piped), free(blanks);
    write_file("bad.jsonl", "\n  \n{\"id\": \"a\", \"summary\": \"x\", \"refs\": [\"x\"]}\n{\"id\": 1,\n");
    char *out = in_tmp("--jsonl bad.jsonl 2>&1", &s1);
    cr_expect_eq(s1, 1);
    cr_expect(strstr(out, "precis: bad.jsonl:4: "), "%s", out);
    free(out);
}

/* --jsonl skips a line it cannot use, as summarize --jsonl and eval do:
 * named on stderr ("malformed JSON" for one that is not JSON), left out,
 * the other records scored exactly as without it, exit 1. */
Test(rouge_cli, jsonl_skips_a_bad_line_and_scores_the_rest, .init = make_tmp, .fini = clean_tmp)
{
    char cmd[3 * PATH_MAX];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && { echo broken; cat in.jsonl; echo '{\"id\": \"x\", \"summary\": \"a\", \"refs\": [1]}'; "
             "echo '[1, 2]'; } > mixed.jsonl",
             tmpdir);
    cr_assert_eq(system(cmd), 0);
    int s1, s2, s3;
    char *good = in_tmp(FLAGS " --jsonl in.jsonl", &s1);
    char *out = in_tmp(FLAGS " --jsonl mixed.jsonl 2>/dev/null", &s2);
    char *err = in_tmp(FLAGS " --jsonl mixed.jsonl 2>&1 >/dev/null", &s3);
    cr_expect_eq(s1, 0);
    cr_expect_eq(s2, 1, "%s", err);
    cr_expect_str_eq(out, good);
    cr_expect(strstr(err, "precis: mixed.jsonl:1: malformed JSON"), "%s", err);
    cr_expect(strstr(err, "precis: mixed.jsonl:3: refs[0] is not a string (skipped)"), "%s", err);
    cr_expect(strstr(err, "precis: mixed.jsonl:4: expected {"), "%s", err);
    cr_expect(strstr(err, "3 lines skipped"), "%s", err);
    free(good), free(out), free(err);
}

/* A peer with no reference at all is not a zero: --peer DIR leaves it out
 * of the scores (the output is that of the others alone), names it, and
 * exits 1; so does --jsonl for a record with "refs": []. */
Test(rouge_cli, a_summary_without_references_is_left_out, .init = make_tmp, .fini = clean_tmp)
{
    char cmd[3 * PATH_MAX + 64];
    snprintf(cmd, sizeof cmd, "mkdir '%s/peers' '%s/refs_a' '%s/refs_b'", tmpdir, tmpdir, tmpdir);
    cr_assert_eq(system(cmd), 0);
    write_file("peers/peer.txt", PEER);
    write_file("peers/zzz.txt", PEER);
    write_file("refs_a/peer.txt", REF1);
    write_file("refs_b/peer.txt", REF2);
    int st, st_err, st_alone;
    char *out = in_tmp(FLAGS " --peer peers --ref refs_a --ref refs_b 2>/dev/null", &st);
    char *err = in_tmp(FLAGS " --peer peers --ref refs_a --ref refs_b 2>&1 >/dev/null", &st_err);
    char *alone = in_tmp(FLAGS " --peer peer.txt --ref r1.txt --ref r2.txt", &st_alone);
    cr_assert_eq(st, 1);
    cr_assert_eq(st_alone, 0);
    cr_assert_str_eq(out, alone, "the averages count the summary without references");
    cr_assert(strstr(err, "precis: peers/zzz.txt: no reference"), "%s", err);
    free(out), free(err);

    write_file("none.jsonl", "{\"id\": \"zzz\", \"summary\": \"A cat.\\n\", \"refs\": []}\n");
    snprintf(cmd, sizeof cmd, "cd '%s' && cat in.jsonl none.jsonl > both.jsonl", tmpdir);
    cr_assert_eq(system(cmd), 0);
    out = in_tmp(FLAGS " --jsonl both.jsonl 2>/dev/null", &st);
    err = in_tmp(FLAGS " --jsonl both.jsonl 2>&1 >/dev/null", &st_err);
    cr_assert_eq(st, 1);
    cr_assert_str_eq(out, alone);
    cr_assert(strstr(err, "precis: both.jsonl:2: 'zzz' has no reference"), "%s", err);
    free(out), free(err);

    /* and so does a record with no "refs" at all, or "refs": null, which
     * stopped the run with no scores */
    write_file("none.jsonl", "{\"id\": \"zzz\", \"summary\": \"A cat.\\n\"}\n"
                             "{\"id\": \"yyy\", \"summary\": \"A dog.\\n\", \"refs\": null}\n");
    cr_assert_eq(system(cmd), 0);
    out = in_tmp(FLAGS " --jsonl both.jsonl 2>/dev/null", &st);
    err = in_tmp(FLAGS " --jsonl both.jsonl 2>&1 >/dev/null", &st_err);
    cr_expect_eq(st, 1, "exit %d: %s", st, err);
    cr_expect_str_eq(out, alone);
    cr_expect(strstr(err, "precis: both.jsonl:2: 'zzz' has no reference"), "%s", err);
    cr_expect(strstr(err, "precis: both.jsonl:3: 'yyy' has no reference"), "%s", err);
    free(out), free(err), free(alone);
}

/* -f and -t take only the values ROUGE-1.5.5 has. */
Test(rouge_cli, unknown_formula_and_counting_are_usage_errors, .init = make_tmp, .fini = clean_tmp)
{
    const char *bad[] = {"-f C", "-f a", "-t 5", "-t 1.5", "--units=x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char args[128];
        snprintf(args, sizeof args, "-n 1 %s -a settings.xml 2>&1", bad[i]);
        int st;
        char *out = in_tmp(args, &st);
        cr_expect_eq(st, 2, "%s: exit %d", bad[i], st);
        cr_expect(!strncmp(out, "precis: ", 8), "%s: %s", bad[i], out);
        free(out);
    }
    const char *good[] = {"-f A", "-f B", "-t 0", "-t 1", "-t 2"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char args[128];
        snprintf(args, sizeof args, "-n 1 %s -a settings.xml", good[i]);
        int st;
        free(in_tmp(args, &st));
        cr_expect_eq(st, 0, "%s: exit %d", good[i], st);
    }
}
