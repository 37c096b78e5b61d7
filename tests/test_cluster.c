/*
 * test_cluster.c: `precis cluster`, the batch story clusterer. The same
 * articles clustered by one process and by the map / sort / reduce / merge
 * pipeline split into 2 and 4 parts (plain `split`, `sort` and `awk`, and
 * GNU parallel when it is installed) give byte-identical output; stories
 * come out right on a made-up corpus; bad input is reported with its file
 * and line.
 *
 * The corpus: six stories of invented words (each story its own
 * vocabulary and names, over shared English filler), dated so that some
 * windows overlap and one story comes back three weeks later; plus an
 * HTML page, articles without id, url or date. When the Multi-News
 * validation set is beside the repository (../shared), 60 of its clusters
 * are added, so the identity is also checked on real news.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>

#include "helpers.h"

#define STORIES 6
#define PER_STORY 7

static char dir[64];
static char bin[PATH_MAX];

static void setup(void)
{
    strcpy(dir, "/tmp/precis-cluster-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_not_null(realpath(precis_bin(), bin), "no precis binary at %s", precis_bin());
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(cluster, .init = setup, .fini = teardown, .timeout = 300);

/* ---- the corpus -------------------------------------------------------- */

static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static void pseudo_word(char *out, int capital)
{
    static const char *syl[] = {"ka", "lo", "mi", "ret", "sun", "da", "vor", "pel", "zi", "tan", "bru", "nes"};
    out[0] = '\0';
    for (int k = 0, n = 2 + (int)rnd(2); k < n; k++)
        strcat(out, syl[rnd(12)]);
    if (capital)
        out[0] = (char)(out[0] - 'a' + 'A');
}

static const char *filler[] = {"the", "officials", "said", "on", "Monday", "that", "a", "new", "report", "was",
                               "expected", "in", "city", "after", "week", "of", "talks", "with", "people", "and"};

/* An article of story s: sentences mixing the story's words, its names and
 * filler. Returns the text (static buffer). */
static const char *story_text(char vocab[][16], char names[][16], int nsent)
{
    static char text[8192];
    text[0] = '\0';
    for (int i = 0; i < nsent; i++) {
        char sent[512] = "";
        for (int w = 0; w < 11; w++) {
            uint32_t r = rnd(10);
            const char *word = r < 4 ? vocab[rnd(15)] : r < 5 ? names[rnd(3)] : filler[rnd(20)];
            strcat(sent, w ? " " : "");
            strcat(sent, word);
        }
        sent[0] = (char)(sent[0] >= 'a' && sent[0] <= 'z' ? sent[0] - 'a' + 'A' : sent[0]);
        strcat(text, sent);
        strcat(text, ". ");
    }
    return text;
}

static void put_article(FILE *f, const char *id, const char *url, const char *date, const char *title,
                        const char *key, const char *body)
{
    json_t *o = json_object();
    if (id)
        json_object_set_new(o, "id", json_string(id));
    if (url)
        json_object_set_new(o, "url", json_string(url));
    if (date)
        json_object_set_new(o, "published", json_string(date));
    if (title)
        json_object_set_new(o, "title", json_string(title));
    json_object_set_new(o, key, json_string(body));
    char *s = json_dumps(o, JSON_COMPACT);
    fprintf(f, "%s\n", s);
    free(s);
    json_decref(o);
}

/* Up to n Multi-News validation clusters as dated articles "mnC#k". */
static void add_multinews(FILE *f, int n)
{
    FILE *in = popen("zstd -dc ../../shared/data/multinews/val.jsonl.zst 2>/dev/null | head -n 60", "r");
    if (!in)
        return;
    char *line = NULL;
    size_t cap = 0;
    for (int c = 0; c < n && getline(&line, &cap, in) > 0; c++) {
        json_t *o = json_loads(line, 0, NULL), *docs = json_object_get(o, "docs");
        for (size_t k = 0; k < json_array_size(docs); k++) {
            char id[64], date[32];
            snprintf(id, sizeof id, "mn%d#%zu", c, k);
            snprintf(date, sizeof date, "2017-02-%02dT%02d:00:00Z", 1 + c % 20, (int)(k % 24));
            const char *text = json_string_value(json_array_get(docs, k));
            if (text && *text)
                put_article(f, id, NULL, date, NULL, "text", text);
        }
        json_decref(o);
    }
    free(line);
    pclose(in);
}

/* Write the corpus to DIR/in.jsonl; ids "sS#k" for story S. */
static void write_corpus(int with_multinews)
{
    char path[128];
    snprintf(path, sizeof path, "%s/in.jsonl", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    rng_state = 0x9e3779b97f4a7c15ull;
    for (int s = 0; s < STORIES; s++) {
        char vocab[15][16], names[3][16];
        for (int i = 0; i < 15; i++)
            pseudo_word(vocab[i], 0);
        for (int i = 0; i < 3; i++)
            pseudo_word(names[i], 1);
        for (int k = 0; k < PER_STORY; k++) {
            char id[32], date[32], title[64];
            snprintf(id, sizeof id, "s%d#%d", s, k);
            /* Stories two days apart (windows overlap), articles 7 hours apart. */
            int hours = s * 48 + k * 7;
            snprintf(date, sizeof date, "2024-03-%02dT%02d:00:00Z", 1 + hours / 24, hours % 24);
            snprintf(title, sizeof title, "%s %s %s", names[0], vocab[0], vocab[1 + k % 5]);
            const char *text = story_text(vocab, names, 8 + (int)rnd(6));
            if (s == 1 && k == 1) { /* an HTML page */
                char html[9000];
                snprintf(html, sizeof html,
                         "<!doctype html><html><head><title>%s</title></head><body><nav><a href=/>Home</a></nav>"
                         "<article><p>%s</p></article></body></html>", title, text);
                put_article(f, id, NULL, date, NULL, "html", html);
            } else if (s == 2 && k == 2) { /* no id: the url names it */
                put_article(f, NULL, "https://example.org/s2-2", date, title, "text", text);
            } else if (s == 3 && k == 3) { /* neither: the text's hash */
                put_article(f, NULL, NULL, date, title, "text", text);
            } else {
                put_article(f, id, NULL, date, title, "text", text);
            }
            if (s == 4 && k == 0) { /* a near-copy of it, from another paper */
                char copy[9000];
                snprintf(copy, sizeof copy, "%sReporting by the wire.", text);
                put_article(f, "s4#copy", NULL, date, NULL, "text", copy);
            }
        }
        if (s == 5) { /* the same story three weeks later: outside the window */
            put_article(f, "s5#late", NULL, "2024-03-31T12:00:00Z", NULL, "text", story_text(vocab, names, 10));
        }
    }
    /* Undated, about story 0's words: stays apart (undated unless --date). */
    put_article(f, "undated", NULL, NULL, "A note", "text", "A short note with no date at all, about nothing.");
    if (with_multinews)
        add_multinews(f, 60);
    fclose(f);
}

/* ---- running ----------------------------------------------------------- */

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char script[4096], cmd[4300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(script, sizeof script, fmt, ap);
    va_end(ap);
    char path[128];
    snprintf(path, sizeof path, "%s/run.sh", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "set -e\ncd %s\nP=%s\n%s\n", dir, bin, script);
    fclose(f);
    snprintf(cmd, sizeof cmd, "sh %s", path);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static char *read_out(const char *name, size_t *len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *s = slurp(path, len);
    cr_assert_not_null(s, "no %s", path);
    return s;
}

static void assert_same(const char *a, const char *b)
{
    size_t na, nb;
    char *x = read_out(a, &na), *y = read_out(b, &nb);
    cr_assert_gt(na, 100, "%s is (nearly) empty", a);
    cr_assert(na == nb && memcmp(x, y, na) == 0, "%s and %s differ", a, b);
    free(x);
    free(y);
}

/* The map / sort / reduce / merge pipeline with plain tools, in `parts`
 * parallel parts: the input cut by `split`, the sorted keys dealt to
 * reducers by a hex digit of the key (so each key group stays whole). */
static void split_pipeline(int parts, const char *out)
{
    int rc = sh("rm -rf p && mkdir p\n"
                "split -n l/%d -d in.jsonl p/in.\n"
                "for f in p/in.*; do \"$P\" cluster --map \"$f\" > \"$f.map\" & done; wait\n"
                "cat p/in.*.map | LC_ALL=C sort > p/sorted\n"
                "awk -F'\\t' -v n=%d '{ h = index(\"0123456789abcdef\", substr($1, 17, 1)) - 1;"
                " print > (\"p/red.\" (h %% n)) }' p/sorted\n"
                "for f in p/red.*; do \"$P\" cluster --reduce \"$f\" > \"$f.out\" & done; wait\n"
                "cat p/red.*.out | \"$P\" cluster -q --merge > %s\n"
                "test $(ls p/red.*.out | wc -l) -eq %d\n",
                parts, parts, out, parts);
    cr_assert_eq(rc, 0, "the %d-part pipeline failed", parts);
}

Test(cluster, split_pipeline_equals_one_process)
{
    write_corpus(1);
    cr_assert_eq(sh("\"$P\" cluster -q in.jsonl > one.jsonl\n"
                    "shuf --random-source=in.jsonl in.jsonl > shuffled.jsonl\n"
                    "\"$P\" cluster -q shuffled.jsonl > shuffled.out\n"
                    "wc -l < in.jsonl > count"),
                 0);
    char *count = read_out("count", NULL);
    cr_log_info("split pipeline: %d articles", atoi(count));
    free(count);
    assert_same("one.jsonl", "shuffled.out");
    split_pipeline(2, "two.jsonl");
    assert_same("one.jsonl", "two.jsonl");
    split_pipeline(4, "four.jsonl");
    assert_same("one.jsonl", "four.jsonl");
}

Test(cluster, gnu_parallel_equals_one_process)
{
    if (system("command -v parallel >/dev/null 2>&1") != 0)
        cr_skip_test("GNU parallel is not installed");
    write_corpus(1);
    int rc = sh("\"$P\" cluster -q in.jsonl > one.jsonl\n"
                "for j in 2 4; do\n"
                "  parallel --will-cite --pipe --block 20k -j $j \"$P\" cluster --map < in.jsonl |\n"
                "    LC_ALL=C sort -t \"$(printf '\\t')\" -k1,1 |\n"
                "    parallel --will-cite --pipe --group-by 1 --colsep '\\t' --block 500k -j $j \"$P\" cluster --reduce |\n"
                "    \"$P\" cluster -q --merge > par$j.jsonl\n"
                "done");
    cr_assert_eq(rc, 0);
    assert_same("one.jsonl", "par2.jsonl");
    assert_same("one.jsonl", "par4.jsonl");
}

/* The output line of an article: its story number, or -1. */
static long story_of(json_t **rows, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(json_string_value(json_object_get(rows[i], "id")), id))
            return (long)json_integer_value(json_object_get(rows[i], "story"));
    return -1;
}

Test(cluster, finds_the_stories)
{
    write_corpus(0);
    cr_assert_eq(sh("\"$P\" cluster in.jsonl > out.jsonl 2> err.txt"), 0);
    size_t len;
    char *out = read_out("out.jsonl", &len), *err = read_out("err.txt", NULL);
    json_t *rows[128];
    size_t n = 0;
    for (char *line = strtok(out, "\n"); line && n < 128; line = strtok(NULL, "\n")) {
        rows[n] = json_loads(line, 0, NULL);
        cr_assert_not_null(rows[n], "not JSON: %s", line);
        n++;
    }
    cr_assert_eq(n, STORIES * PER_STORY + 3, "%zu lines", n);
    cr_assert(strstr(err, "articles in") != NULL, "%s", err);
    /* Ids made when the article has none. */
    cr_assert_geq(story_of(rows, n, "https://example.org/s2-2"), 1);
    long hashed = -1;
    for (size_t i = 0; i < n; i++)
        if (!strncmp(json_string_value(json_object_get(rows[i], "id")), "text:", 5))
            hashed = (long)json_integer_value(json_object_get(rows[i], "story"));
    cr_assert_eq(hashed, story_of(rows, n, "s3#0"));
    cr_assert_eq(story_of(rows, n, "https://example.org/s2-2"), story_of(rows, n, "s2#0"));
    /* Each story whole, and apart from the others. */
    for (int s = 0; s < STORIES; s++) {
        char id[32];
        snprintf(id, sizeof id, "s%d#0", s);
        long first = story_of(rows, n, id);
        for (int k = 1; k < PER_STORY; k++) {
            snprintf(id, sizeof id, "s%d#%d", s, k);
            long st = story_of(rows, n, id);
            if (st >= 0)
                cr_assert_eq(st, first, "%s is in story %ld, s%d#0 in %ld", id, st, s, first);
        }
        for (int t = 0; t < s; t++) {
            snprintf(id, sizeof id, "s%d#0", t);
            cr_assert_neq(story_of(rows, n, id), first, "stories %d and %d merged", t, s);
        }
    }
    cr_assert_eq(story_of(rows, n, "s4#copy"), story_of(rows, n, "s4#0"));
    cr_assert_neq(story_of(rows, n, "s5#late"), story_of(rows, n, "s5#0"), "outside the window, yet joined");
    /* The HTML page: title from <title>, nav dropped. */
    for (size_t i = 0; i < n; i++)
        if (!strcmp(json_string_value(json_object_get(rows[i], "id")), "s1#1"))
            cr_assert(strstr(json_string_value(json_object_get(rows[i], "title")), "Home") == NULL);
    /* Stories are numbered in order of their first article. */
    cr_assert_eq(json_integer_value(json_object_get(rows[0], "story")), 1);
    for (size_t i = 0; i < n; i++)
        json_decref(rows[i]);
    free(out);
    free(err);
}

Test(cluster, bad_articles_are_named_and_skipped)
{
    char path[128];
    snprintf(path, sizeof path, "%s/bad.jsonl", dir);
    FILE *f = fopen(path, "w");
    fputs("{\"id\":\"ok\",\"published\":\"2024-10-31\",\"text\":\"A fine article about the harbour strike.\"}\n"
          "{\"id\":\"broken\",\"text\":\n"
          "{\"id\":\"notext\"}\n"
          "{\"id\":\"baddate\",\"published\":\"yesterday\",\"text\":\"Some text.\"}\n"
          "[1,2]\n",
          f);
    fclose(f);
    cr_assert_eq(sh("\"$P\" cluster bad.jsonl > out.jsonl 2> err.txt || echo $? > rc"), 0);
    char *rc = read_out("rc", NULL), *err = read_out("err.txt", NULL), *out = read_out("out.jsonl", NULL);
    cr_assert_eq(atoi(rc), 1);
    cr_assert(strstr(err, "bad.jsonl:2: malformed JSON"), "%s", err);
    cr_assert(strstr(err, "bad.jsonl:3: expected \"text\" or \"html\""), "%s", err);
    cr_assert(strstr(err, "bad.jsonl:4: unrecognised date"), "%s", err);
    cr_assert(strstr(err, "bad.jsonl:5: expected a JSON object"), "%s", err);
    cr_assert(strstr(out, "\"id\":\"ok\"") && strchr(out, '\n') == out + strlen(out) - 1, "%s", out);
    free(rc);
    free(err);
    free(out);
    /* --strict stops at the first. */
    cr_assert_eq(sh("\"$P\" cluster --strict bad.jsonl > out.jsonl 2> err.txt || echo $? > rc"), 0);
    err = read_out("err.txt", NULL);
    cr_assert(strstr(err, "bad.jsonl:2:") && !strstr(err, "bad.jsonl:3:"), "%s", err);
    free(err);
}

Test(cluster, broken_stage_input_is_refused)
{
    write_corpus(0);
    cr_assert_eq(sh("\"$P\" cluster --map in.jsonl > map.txt\n"
                    "sort -r map.txt > unsorted.txt\n"
                    "printf 'Axyz\\tnot a record\\n' > garbage.txt\n"
                    "printf '{\"same\":[1]}\\nnope\\n' > badmerge.txt\n"
                    "\"$P\" cluster --reduce unsorted.txt > /dev/null 2> e1 || echo $? > r1\n"
                    "\"$P\" cluster --reduce garbage.txt > /dev/null 2> e2 || echo $? > r2\n"
                    "\"$P\" cluster --merge badmerge.txt > /dev/null 2> e3 || echo $? > r3\n"
                    "\"$P\" cluster --map --reduce in.jsonl > /dev/null 2> e4 || echo $? > r4\n"
                    "\"$P\" cluster --window -1 in.jsonl > /dev/null 2> e5 || echo $? > r5\n"),
                 0);
    const char *want[][3] = {{"r1", "1", "input is not sorted by key"},
                             {"r2", "1", "garbage.txt:1: malformed record"},
                             {"r3", "1", "badmerge.txt:1: expected"},
                             {"r4", "2", "separate stages"},
                             {"r5", "2", "--window"}};
    for (int i = 0; i < 5; i++) {
        char *rc = read_out(want[i][0], NULL), ename[4] = {'e', want[i][0][1], 0, 0};
        char *err = read_out(ename, NULL);
        cr_assert_eq(atoi(rc), atoi(want[i][1]), "%s: exit %s", want[i][0], rc);
        cr_assert(strstr(err, want[i][2]), "%s: %s", want[i][0], err);
        free(rc);
        free(err);
    }
    char *e3 = read_out("e3", NULL);
    cr_assert(strstr(e3, "badmerge.txt:2:"), "%s", e3);
    free(e3);
}

/* An input that cannot be read (missing, a directory) is named on stderr
 * and skipped, as precis ingest does: the other inputs give the stories
 * they give alone, and the exit status is 1. --strict stops there. */
Test(cluster, an_unreadable_input_is_named_and_skipped)
{
    write_corpus(0);
    cr_assert_eq(sh("mkdir adir\n"
                    "\"$P\" cluster -q in.jsonl > want.jsonl\n"
                    "\"$P\" cluster -q missing.jsonl in.jsonl adir > got.jsonl 2> e1 || echo $? > r1\n"
                    "\"$P\" cluster --map in.jsonl > want.map\n"
                    "\"$P\" cluster --map in.jsonl missing.jsonl > got.map 2> e2 || echo $? > r2\n"
                    "\"$P\" cluster -q --strict missing.jsonl in.jsonl > o3 2> e3 || echo $? > r3\n"
                    "touch r1 r2 r3"),
                 0);
    assert_same("got.jsonl", "want.jsonl");
    assert_same("got.map", "want.map");
    const char *want[][3] = {{"r1", "e1", "missing.jsonl"}, {"r2", "e2", "missing.jsonl"}, {"r3", "e3", "missing.jsonl"}};
    for (int i = 0; i < 3; i++) {
        char *rc = read_out(want[i][0], NULL), *err = read_out(want[i][1], NULL);
        cr_expect_eq(atoi(rc), 1, "%s: exit %s", want[i][0], rc);
        cr_expect(strstr(err, want[i][2]), "%s: %s", want[i][1], err);
        free(rc);
        free(err);
    }
    char *err = read_out("e1", NULL);
    cr_expect(strstr(err, "adir"), "the directory is not named: %s", err);
    free(err);
    size_t len;
    char *out = read_out("o3", &len);
    cr_expect_eq(len, 0, "--strict went on past the missing input: %s", out);
    free(out);
}

/* Output that cannot be written is exit 3 with its cause, as for the
 * other commands, in every stage, and said once. */
Test(cluster, a_full_disk_says_why)
{
    write_corpus(0);
    cr_assert_eq(sh("\"$P\" cluster --map in.jsonl | LC_ALL=C sort > sorted.txt\n"
                    "\"$P\" cluster --reduce sorted.txt > links.txt\n"
                    "\"$P\" cluster -q in.jsonl > /dev/full 2> e1 || echo $? > r1\n"
                    "\"$P\" cluster --map in.jsonl > /dev/full 2> e2 || echo $? > r2\n"
                    "\"$P\" cluster --reduce sorted.txt > /dev/full 2> e3 || echo $? > r3\n"
                    "\"$P\" cluster -q --merge links.txt > /dev/full 2> e4 || echo $? > r4\n"
                    "head -n 2 in.jsonl > small.jsonl\n"
                    "\"$P\" cluster small.jsonl > /dev/full 2> e5 || echo $? > r5\n"
                    "touch r1 r2 r3 r4 r5"),
                 0);
    /* the fifth, without -q, must not count stories it could not write:
     * its output is small enough to fail only at the last flush */
    for (int i = 0; i < 5; i++) {
        char name[3] = {'r', (char)('1' + i), 0};
        char *rc = read_out(name, NULL);
        name[0] = 'e';
        char *err = read_out(name, NULL);
        cr_expect_eq(atoi(rc), 3, "case %d: exit %s: %s", i + 1, rc, err);
        cr_expect(!strncmp(err, "precis: ", 8) && strstr(err, "No space left"), "case %d: %s", i + 1, err);
        cr_expect(strchr(err, '\n') == err + strlen(err) - 1, "case %d: not one line: %s", i + 1, err);
        free(rc);
        free(err);
    }
}

/* No article at all (standard input empty, an empty file, only bad lines):
 * no output, "0 articles", and no sorting of an array that was never
 * made (UBSan stopped the run at qsort(NULL, 0, ...) before). */
Test(cluster, no_articles_at_all)
{
    cr_assert_eq(sh("printf 'not json\\n\\n[1]\\n' > bad.jsonl\n"
                    ": > empty.jsonl\n"
                    "\"$P\" cluster < /dev/null > o1 2> e1 || echo $? > r1\n"
                    "\"$P\" cluster empty.jsonl > o2 2> e2 || echo $? > r2\n"
                    "\"$P\" cluster bad.jsonl > o3 2> e3 || echo $? > r3\n"
                    "touch r1 r2 r3"),
                 0);
    const char *want[] = {"", "", "1"};
    for (int i = 0; i < 3; i++) {
        char name[3] = {'r', (char)('1' + i), 0};
        char *rc = read_out(name, NULL);
        name[0] = 'e';
        char *err = read_out(name, NULL);
        name[0] = 'o';
        size_t len;
        char *out = read_out(name, &len);
        cr_assert_eq(atoi(rc), atoi(want[i]), "case %d: exit %s: %s", i + 1, rc, err);
        cr_assert(strstr(err, "0 articles in 0 stories"), "case %d: %s", i + 1, err);
        cr_assert_eq(len, 0, "case %d: %s", i + 1, out);
        free(rc);
        free(err);
        free(out);
    }
}

/* Row i's story number, or -1 (rows as read by read_rows). */
static long row_story(json_t **rows, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(json_string_value(json_object_get(rows[i], "id")), id))
            return (long)json_integer_value(json_object_get(rows[i], "story"));
    return -1;
}

static const char *row_published(json_t **rows, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(json_string_value(json_object_get(rows[i], "id")), id)) {
            json_t *p = json_object_get(rows[i], "published");
            return json_is_null(p) ? "null" : json_string_value(p);
        }
    return "missing";
}

/* 1970-01-01T00:00:00Z is Unix time 0, which also stood for "undated": such
 * an article was printed as undated (null) and joined undated copies of
 * itself. Now it keeps its date, joins a copy dated the next day, and the
 * undated copies make a story of their own. The stages agree, and records
 * written before "time" (with "t", 0 = undated) still read. */
Test(cluster, the_first_second_of_1970_is_a_date)
{
    rng_state = 0x1970;
    char vocab[15][16], names[3][16];
    for (int w = 0; w < 15; w++)
        pseudo_word(vocab[w], 0);
    for (int w = 0; w < 3; w++)
        pseudo_word(names[w], 1);
    char text[9000];
    snprintf(text, sizeof text, "%s", story_text(vocab, names, 8));
    char path[128], copy[9100];
    snprintf(path, sizeof path, "%s/in.jsonl", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    put_article(f, "epoch", NULL, "1970-01-01T00:00:00Z", NULL, "text", text);
    snprintf(copy, sizeof copy, "%s More.", text);
    put_article(f, "next-day", NULL, "1970-01-02", NULL, "text", copy);
    put_article(f, "undated", NULL, NULL, NULL, "text", text);
    snprintf(copy, sizeof copy, "%s Again.", text);
    put_article(f, "undated-2", NULL, NULL, NULL, "text", copy);
    fclose(f);
    cr_assert_eq(sh("\"$P\" cluster -q in.jsonl > one.jsonl\n"
                    "\"$P\" cluster --map in.jsonl | LC_ALL=C sort | \"$P\" cluster --reduce |"
                    " \"$P\" cluster -q --merge > staged.jsonl\n"
                    "grep -v 'epoch\\|next-day' in.jsonl > undated.jsonl\n"
                    "\"$P\" cluster -q undated.jsonl > undated.out\n"
                    "\"$P\" cluster --map undated.jsonl | sed 's/\"time\":null/\"t\":0/; s/\"time\":/\"t\":/' |"
                    " LC_ALL=C sort > legacy.map\n"
                    "\"$P\" cluster --reduce legacy.map | sed 's/\"time\":null/\"t\":0/' > legacy.red\n"
                    "grep -q '\"t\":0,' legacy.map && grep -q '\"t\":0,' legacy.red\n"
                    "\"$P\" cluster -q --merge legacy.red > legacy.out"),
                 0);
    size_t len;
    char *out = read_out("one.jsonl", &len);
    json_t *rows[8];
    size_t n = 0;
    for (char *line = strtok(out, "\n"); line && n < 8; line = strtok(NULL, "\n"))
        cr_assert_not_null(rows[n++] = json_loads(line, 0, NULL), "not JSON: %s", line);
    cr_assert_eq(n, 4);
    cr_assert_str_eq(row_published(rows, n, "epoch"), "1970-01-01T00:00:00Z");
    cr_assert_str_eq(row_published(rows, n, "undated"), "null");
    cr_assert_eq(row_story(rows, n, "epoch"), row_story(rows, n, "next-day"));
    cr_assert_eq(row_story(rows, n, "undated"), row_story(rows, n, "undated-2"));
    cr_assert_neq(row_story(rows, n, "epoch"), row_story(rows, n, "undated"), "an undated copy joined a dated one");
    for (size_t i = 0; i < n; i++)
        json_decref(rows[i]);
    free(out);
    assert_same("one.jsonl", "staged.jsonl");
    char *legacy = read_out("legacy.out", NULL), *now = read_out("undated.out", NULL);
    cr_assert_str_eq(legacy, now, "records with \"t\" read differently");
    cr_assert(strstr(now, "\"published\":null"), "%s", now);
    free(legacy);
    free(now);
}
