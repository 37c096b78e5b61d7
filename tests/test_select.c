/*
 * test_select.c: the exact (ilp) and submodular selectors on real clusters,
 * the bundled seeds and the first DUC 2006 topics (../../shared, or
 * $PRECIS_SHARED): no budget (words, bytes, sentences, or all three) is
 * ever exceeded; no near-duplicate group, fragment or off-topic article is
 * chosen; and the ILP's objective is never below the greedy coverage
 * selector's, and above it somewhere; GLPK prints nothing.
 */
#include <criterion/criterion.h>
#include <jansson.h>

#include "helpers.h"
#include "seeds.h"
#include "model/cluster.h"
#include "model/represent.h"
#include "precis.h"
#include "score/method.h"
#include "select/concepts.h"
#include "select/select.h"

#define DUC_TOPICS 3
#define NCLUSTERS (1 + DUC_TOPICS)

static const char *const new_methods[] = {"ilp", "submodular"};
static precis_engine *engine;
static precis_cluster *clusters[NCLUSTERS];

static void add_article(precis_cluster *c, const char *id, const char *text, size_t len)
{
    precis_error err;
    cr_assert_eq(precis_cluster_add(c, id, text, len, &err), PRECIS_OK, "%s", err.message);
}

static precis_cluster *json_cluster(const char *line)
{
    json_t *root = json_loads(line, 0, NULL);
    cr_assert_not_null(root);
    precis_cluster *c;
    precis_error err;
    cr_assert_eq(precis_cluster_new(engine, json_string_value(json_object_get(root, "id")), &c, &err), PRECIS_OK);
    size_t i;
    json_t *doc;
    json_array_foreach(json_object_get(root, "docs"), i, doc) {
        char id[24];
        snprintf(id, sizeof id, "%zu", i);
        add_article(c, id, json_string_value(doc), json_string_length(doc));
    }
    json_decref(root);
    return c;
}

/* The first DUC_TOPICS topics of DUC 2006 (25 full-length articles each). */
static void load_duc(precis_cluster **out)
{
    const char *shared = getenv("PRECIS_SHARED");
    char cmd[512];
    snprintf(cmd, sizeof cmd, "zstd -dc %s/data/duc2006/test.jsonl.zst 2>/dev/null | head -n %d",
             shared && *shared ? shared : "../../shared", DUC_TOPICS);
    FILE *in = popen(cmd, "r");
    cr_assert_not_null(in);
    char *line = NULL;
    size_t cap = 0, n = 0;
    while (n < DUC_TOPICS && getline(&line, &cap, in) > 0)
        out[n++] = json_cluster(line);
    free(line);
    pclose(in);
    cr_assert_eq(n, DUC_TOPICS, "DUC 2006 not found (../../shared or PRECIS_SHARED)");
}

static void setup(void)
{
    precis_error err;
    cr_assert_eq(precis_engine_new(&engine, &err), PRECIS_OK, "%s", err.message);
    clusters[0] = seeds_cluster(engine, SEEDS_COUNT);
    load_duc(&clusters[1]);
}

static void teardown(void)
{
    for (int i = 0; i < NCLUSTERS; i++)
        precis_cluster_free(clusters[i]);
    precis_engine_free(engine);
}

static size_t words_in(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        int space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        n += !space && !in;
        in = !space;
    }
    return n;
}

/* Summarize with one budget and check the rendered text against it. */
static void check_budget(precis_cluster *c, const char *m, size_t words, size_t bytes, size_t sentences)
{
    precis_options o;
    precis_options_init(&o);
    o.method = m;
    o.max_words = words;
    o.max_bytes = bytes;
    o.max_sentences = sentences;
    precis_summary *s;
    precis_error err;
    cr_assert_eq(precis_summarize(c, &o, &s, &err), PRECIS_OK, "%s", err.message);
    char *text;
    size_t len;
    cr_assert_eq(precis_render(s, PRECIS_FORMAT_TEXT, &text, &len, NULL), PRECIS_OK);
    const char *id = precis_cluster_id(c);
    if (words)
        cr_assert_leq(words_in(text, len), words, "%s on %s: %zu words > %zu", m, id, words_in(text, len), words);
    if (bytes)
        cr_assert_leq(len, bytes, "%s on %s: %zu bytes > %zu", m, id, len, bytes);
    if (sentences)
        cr_assert_leq(precis_summary_count(s), sentences, "%s on %s: too many sentences", m, id);
    cr_assert_geq(precis_summary_count(s), 1, "%s on %s chose nothing (%zu/%zu/%zu)", m, id, words, bytes,
                  sentences);
    free(text);
    precis_summary_free(s);
}

TestSuite(select, .init = setup, .fini = teardown, .timeout = 300);

Test(select, budgets_are_never_exceeded)
{
    static const size_t budgets[][3] = {{25, 0, 0},  {60, 0, 0},   {120, 0, 0}, {250, 0, 0},
                                        {0, 300, 0}, {0, 1200, 0}, {0, 0, 1},   {0, 0, 3},
                                        {90, 500, 2}, {250, 1000, 5}};
    for (size_t m = 0; m < sizeof new_methods / sizeof new_methods[0]; m++)
        for (int k = 0; k < NCLUSTERS; k++)
            for (size_t b = 0; b < sizeof budgets / sizeof budgets[0]; b++)
                check_budget(clusters[k], new_methods[m], budgets[b][0], budgets[b][1], budgets[b][2]);
}

/* Run one method's selector on c under a word budget, into chosen. */
typedef struct selection {
    arena a;
    represent r;
    double *scores;
    uint32_t *chosen;
    size_t n;
    budget b;
} selection;

static void run_select(precis_cluster *c, const char *name, size_t words, selection *s)
{
    const method *m = method_find(name);
    cr_assert_not_null(m, "no method %s", name);
    arena_init(&s->a, 1 << 16);
    s->scores = arena_alloc(&s->a, (c->nsents + 1) * sizeof *s->scores);
    s->chosen = arena_alloc(&s->a, (c->nsents + 1) * sizeof *s->chosen);
    cr_assert(s->scores && s->chosen);
    cr_assert_eq(represent_build(c, &s->a, &s->r), 0);
    cr_assert_eq(represent_query(c, NULL, &s->a, &s->r), 0);
    cr_assert_eq(m->score(c, &s->r, &s->a, s->scores), 0);
    s->b = (budget){words, 0, 0, 0, 0, 0};
    s->n = m->select(c, &s->r, m, s->scores, &s->b, &s->a, s->chosen);
    cr_assert_neq(s->n, (size_t)-1);
}

Test(select, one_sentence_per_group_no_fragments_no_off_topic)
{
    for (size_t m = 0; m < sizeof new_methods / sizeof new_methods[0]; m++)
        for (int k = 0; k < NCLUSTERS; k++)
            for (size_t words = 40; words <= 400; words += 120) {
                selection s;
                run_select(clusters[k], new_methods[m], words, &s);
                cr_assert_geq(s.n, 1);
                cr_assert_leq(s.b.words, words);
                for (size_t i = 0; i < s.n; i++) {
                    const sentence *sent = &clusters[k]->sents[s.chosen[i]];
                    cr_assert(!sentence_is_fragment(sent), "%s chose a fragment", new_methods[m]);
                    cr_assert(!s.r.off_topic[sent->article], "%s chose an off-topic article", new_methods[m]);
                    for (size_t j = 0; j < i; j++)
                        cr_assert_neq(s.r.group[s.chosen[i]], s.r.group[s.chosen[j]],
                                      "%s chose two sentences of one near-duplicate group", new_methods[m]);
                }
                arena_free(&s.a);
            }
}

Test(select, ilp_objective_at_least_the_greedy)
{
    int better = 0;
    for (int k = 0; k < NCLUSTERS; k++)
        for (size_t words = 60; words <= 250; words += 95) {
            selection g, e;
            run_select(clusters[k], "default", words, &g);
            run_select(clusters[k], "ilp", words, &e);
            double vg = concepts_objective(clusters[k], &g.r, g.scores, g.chosen, g.n, &g.a);
            double ve = concepts_objective(clusters[k], &e.r, e.scores, e.chosen, e.n, &e.a);
            cr_assert_geq(vg, 0);
            cr_assert_geq(ve, vg - 1e-9 * vg, "%s at %zu words: ilp %f < greedy %f", precis_cluster_id(clusters[k]),
                          words, ve, vg);
            better += ve > vg * (1 + 1e-9);
            arena_free(&g.a);
            arena_free(&e.a);
        }
    cr_assert_geq(better, 1, "the ILP never improved on the greedy");
}

/* GLPK's own messages never reach the terminal: the program's output is
 * the summary and nothing else. */
Test(select, ilp_prints_nothing_but_the_summary)
{
    run_result r = run_precis("summarize " SEEDS_DIR " --method ilp --words 100");
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_eq(r.err[0], '\0', "stderr: %s", r.err);
    cr_assert_gt(r.out_len, 0);
    cr_assert_null(strstr(r.out, "GLPK"), "%s", r.out);
    run_free(&r);
}
