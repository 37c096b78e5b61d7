/*
 * ilp.c: concept coverage solved exactly as an integer linear program
 * (Gillick and Favre 2009), with GLPK.
 *
 * The objective is the one select/coverage.c climbs greedily: the total
 * weight of the bigram concepts covered (each once) plus the small modular
 * term from the method's sentence scores, under the word, byte and sentence
 * budgets, with the same exclusions (fragments, off-topic articles, at most
 * one sentence of each near-duplicate group):
 *
 *   max  sum_j w_j c_j + sum_i s_i x_i
 *   s.t. sum_i words_i x_i <= words left   (and bytes, sentences)
 *        c_j <= sum_{i uses j} x_i         (a concept counts once covered)
 *        sum_{i in group g} x_i <= 1
 *        x_i in {0,1},  0 <= c_j <= 1      (c_j is integral at the optimum)
 *
 * To keep solves fast, only the ILP_MAX_SENTENCES best sentences by the
 * greedy ratio (plus every sentence the greedy chose) and only concepts of
 * positive weight go in; the branch and bound stops after ILP_MAX_NODES
 * nodes or ILP_TIME_LIMIT_MS. The greedy solution is computed first and
 * kept unless the solver returns a strictly better one, so the result is
 * never worse than coverage's on this objective, and any solver failure
 * (including a GLPK error, caught by its error hook) falls back to it.
 */
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "select/concepts.h"
#include "select/select.h"

#define ILP_MAX_SENTENCES 150   /* candidates given to the solver */
#define ILP_MAX_NODES 2000      /* branch-and-bound nodes before taking the incumbent */
#define ILP_TIME_LIMIT_MS 2000  /* safety net; the node cap normally stops first */

/* The problem's variables: x columns 1..ns (sentences), c columns
 * ns+1..ns+nc (concepts). */
typedef struct ilp_vars {
    uint32_t *sent;          /* candidate sentences */
    size_t ns;
    uint32_t *concept;       /* concepts of positive weight used by a candidate */
    size_t nc;
    uint32_t *col;           /* per concept id: its column, 0 if not in the problem */
    int lead_fixed;          /* sent[0] is the lead coverage opened with: it stays in */
} ilp_vars;


/* Sentences that may be chosen alone, best ILP_MAX_SENTENCES by the greedy
 * ratio on an empty summary, plus the greedy's own choices. */
static int pick_sentences(const precis_cluster *c, const represent *r, const method *m, const concepts *k,
                          const unsigned char *none, double scale, const double *scores, const budget *b,
                          const uint32_t *greedy, size_t ng, arena *a, ilp_vars *v)
{
    ranked *rk = arena_alloc(a, (c->nsents + 1) * sizeof *rk);
    unsigned char *in = arena_calloc(a, c->nsents + 1, 1);
    v->sent = arena_alloc(a, (c->nsents + 1) * sizeof *v->sent);
    if (!rk || !in || !v->sent)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < c->nsents; i++) {
        const sentence *s = &c->sents[i];
        double value = concepts_gain(k, none, i) + scale * scores[i];
        if (value > 0 && concepts_candidate(c, r, m, i) && budget_fits(b, s->words, sentence_bytes(c, s)))
            rk[n++] = (ranked){value / pow(s->words ? s->words : 1, CONCEPTS_COST_EXP), (uint32_t)i};
    }
    ranked_sort(rk, n);
    v->ns = 0;
    /* A brief without a query opens with a story's lead (coverage's
     * best_lead, its first choice): the exact solution keeps it, or the
     * reader meets the middle of a story first. */
    v->lead_fixed = !r->has_query && ng > 0 && article_lead(c, c->sents[greedy[0]].article) == greedy[0] &&
                    concepts_candidate(c, r, m, greedy[0]);
    for (size_t j = 0; j < ng; j++)
        if (!in[greedy[j]] && concepts_candidate(c, r, m, greedy[j])) {
            in[greedy[j]] = 1;
            v->sent[v->ns++] = greedy[j];
        }
    for (size_t j = 0; j < n && v->ns < ILP_MAX_SENTENCES; j++)
        if (!in[rk[j].index]) {
            in[rk[j].index] = 1;
            v->sent[v->ns++] = rk[j].index;
        }
    return 0;
}

static int pick_concepts(const concepts *k, arena *a, ilp_vars *v)
{
    v->col = arena_calloc(a, k->count + 1, sizeof *v->col);
    v->concept = arena_alloc(a, (k->count + 1) * sizeof *v->concept);
    if (!v->col || !v->concept)
        return -1;
    v->nc = 0;
    for (size_t j = 0; j < v->ns; j++)
        for (uint32_t t = 0; t < k->n[v->sent[j]]; t++) {
            uint32_t id = k->ids[v->sent[j]][t];
            if (k->weight[id] > 0 && !v->col[id]) {
                v->concept[v->nc++] = id;
                v->col[id] = (uint32_t)(v->ns + v->nc);
            }
        }
    return 0;
}

/* The constraint matrix in GLPK's 1-based triplets. */
typedef struct triplets {
    int *row, *col;
    double *val;
    int n;
} triplets;

static void put(triplets *t, int row, int col, double val)
{
    t->n++;
    t->row[t->n] = row;
    t->col[t->n] = col;
    t->val[t->n] = val;
}

/* One budget row: sum_i size_i x_i <= room. */
static void add_budget_row(glp_prob *p, triplets *t, const precis_cluster *c, const ilp_vars *v, int what,
                           double room)
{
    int row = glp_add_rows(p, 1);
    glp_set_row_bnds(p, row, GLP_UP, 0, room);
    for (size_t j = 0; j < v->ns; j++) {
        const sentence *s = &c->sents[v->sent[j]];
        double size = what == 0 ? s->words : what == 1 ? (double)sentence_bytes(c, s) : 1;
        put(t, row, (int)j + 1, size);
    }
}

/* Rows c_j - sum_{i uses j} x_i <= 0. */
static void add_concept_rows(glp_prob *p, triplets *t, const concepts *k, const ilp_vars *v)
{
    if (v->nc == 0)
        return;
    int first = glp_add_rows(p, (int)v->nc);
    for (size_t j = 0; j < v->nc; j++) {
        glp_set_row_bnds(p, first + (int)j, GLP_UP, 0, 0);
        put(t, first + (int)j, (int)(v->ns + j + 1), 1);
    }
    for (size_t j = 0; j < v->ns; j++)
        for (uint32_t q = 0; q < k->n[v->sent[j]]; q++) {
            uint32_t col = v->col[k->ids[v->sent[j]][q]];
            if (col)
                put(t, first + (int)(col - v->ns - 1), (int)j + 1, -1);
        }
}

/* Rows sum_{i in g} x_i <= 1 for each near-duplicate group with two or more candidates. */
static int add_group_rows(glp_prob *p, triplets *t, const precis_cluster *c, const represent *r,
                          const ilp_vars *v, arena *a)
{
    uint32_t *count = arena_calloc(a, c->nsents + 1, sizeof *count);
    int *row = arena_calloc(a, c->nsents + 1, sizeof *row);
    if (!count || !row)
        return -1;
    for (size_t j = 0; j < v->ns; j++)
        count[r->group[v->sent[j]]]++;
    for (size_t j = 0; j < v->ns; j++) {
        uint32_t g = r->group[v->sent[j]];
        if (count[g] < 2)
            continue;
        if (!row[g]) {
            row[g] = glp_add_rows(p, 1);
            glp_set_row_bnds(p, row[g], GLP_UP, 0, 1);
        }
        put(t, row[g], (int)j + 1, 1);
    }
    return 0;
}

static void add_columns(glp_prob *p, const concepts *k, const ilp_vars *v, double scale, const double *scores)
{
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_cols(p, (int)(v->ns + v->nc));
    for (size_t j = 0; j < v->ns; j++) {
        glp_set_col_kind(p, (int)j + 1, GLP_BV);
        glp_set_obj_coef(p, (int)j + 1, scale * scores[v->sent[j]]);
    }
    if (v->lead_fixed)
        glp_set_col_bnds(p, 1, GLP_FX, 1, 1);
    for (size_t j = 0; j < v->nc; j++) {
        int col = (int)(v->ns + j + 1);
        glp_set_col_bnds(p, col, GLP_DB, 0, 1);
        glp_set_obj_coef(p, col, k->weight[v->concept[j]]);
    }
}

static size_t room(size_t max, size_t used)
{
    return max > used ? max - used : 0;
}

static int build_problem(glp_prob *p, const precis_cluster *c, const represent *r, const concepts *k,
                         const ilp_vars *v, double scale, const double *scores, const budget *b, arena *a)
{
    size_t cells = v->nc + 3 * v->ns + v->ns;
    for (size_t j = 0; j < v->ns; j++)
        cells += k->n[v->sent[j]];
    triplets t = {arena_alloc(a, (cells + 1) * sizeof(int)), arena_alloc(a, (cells + 1) * sizeof(int)),
                  arena_alloc(a, (cells + 1) * sizeof(double)), 0};
    if (!t.row || !t.col || !t.val)
        return -1;
    add_columns(p, k, v, scale, scores);
    if (b->max_words)
        add_budget_row(p, &t, c, v, 0, (double)room(b->max_words, b->words));
    if (b->max_bytes)
        add_budget_row(p, &t, c, v, 1, (double)room(b->max_bytes, b->bytes));
    if (b->max_sentences)
        add_budget_row(p, &t, c, v, 2, (double)room(b->max_sentences, b->sentences));
    add_concept_rows(p, &t, k, v);
    if (add_group_rows(p, &t, c, r, v, a) != 0)
        return -1;
    glp_load_matrix(p, t.n, t.row, t.col, t.val);
    return 0;
}

/* Stop the branch and bound after ILP_MAX_NODES nodes (deterministic,
 * unlike the time limit); the incumbent, if any, is kept. */
static void node_cap(glp_tree *tree, void *info)
{
    (void)info;
    int active, nodes, total;
    if (glp_ios_reason(tree) != GLP_ISELECT)
        return;
    glp_ios_tree_size(tree, &active, &nodes, &total);
    if (total > ILP_MAX_NODES)
        glp_ios_terminate(tree);
}

/* Solve; 1 if p holds an integer feasible solution afterwards. */
static int solve(glp_prob *p)
{
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_ON;
    parm.tm_lim = ILP_TIME_LIMIT_MS;
    parm.cb_func = node_cap;
    int rc = glp_intopt(p, &parm);
    if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_ESTOP)
        return 0;
    int status = glp_mip_status(p);
    return status == GLP_OPT || status == GLP_FEAS;
}

static void on_glpk_error(void *info)
{
    longjmp(*(jmp_buf *)info, 1);
}

/* GLPK writes nothing: not even its error messages (which it prints with
 * terminal output forced on) reach the terminal. */
static int swallow_output(void *info, const char *text)
{
    (void)info;
    (void)text;
    return 1;
}

/* Build, solve and read the ILP into chosen; its size, 0 when the solver
 * gave nothing, (size_t)-1 when out of memory. */
static size_t run_ilp(const precis_cluster *c, const represent *r, const concepts *k, const ilp_vars *v,
                      double scale, const double *scores, const budget *b, arena *a, uint32_t *chosen)
{
    jmp_buf on_error;
    glp_prob *volatile p = NULL;
    volatile size_t n = 0;
    if (setjmp(on_error)) {
        /* GLPK cannot be used after an error until its environment is freed
         * (which also drops both hooks). */
        glp_free_env();
        return 0;
    }
    glp_term_hook(swallow_output, NULL);
    glp_error_hook(on_glpk_error, &on_error);
    glp_term_out(GLP_OFF);
    p = glp_create_prob();
    if (build_problem(p, c, r, k, v, scale, scores, b, a) != 0)
        n = (size_t)-1;
    else if (solve(p))
        for (size_t j = 0; j < v->ns; j++)
            if (glp_mip_col_val(p, (int)j + 1) > 0.5)
                chosen[n++] = v->sent[j];
    glp_delete_prob(p);
    glp_error_hook(NULL, NULL);
    glp_term_hook(NULL, NULL);
    return n;
}

/* The ILP's choice if it is within budget, takes one sentence per group
 * and beats the greedy's objective; else the greedy's (already in chosen). */
static size_t better_of(const precis_cluster *c, const represent *r, const concepts *k, double scale,
                        const double *scores, unsigned char *covered, budget *b, const budget *after_greedy,
                        uint32_t *chosen, size_t ng, const uint32_t *exact, size_t ne)
{
    budget t = *b;
    for (size_t j = 0; j < ne; j++) {
        const sentence *s = &c->sents[exact[j]];
        for (size_t q = 0; q < j; q++)
            if (r->group[exact[q]] == r->group[exact[j]])
                ne = 0;
        if (ne && !budget_fits(&t, s->words, sentence_bytes(c, s)))
            ne = 0;
        if (ne)
            budget_take(&t, s->words, sentence_bytes(c, s));
    }
    double g = concepts_value(k, scale, scores, chosen, ng, covered);
    double e = ne ? concepts_value(k, scale, scores, exact, ne, covered) : -1;
    if (ne == 0 || !(e > g + 1e-9 * fabs(g))) {
        *b = *after_greedy;
        return ng;
    }
    memcpy(chosen, exact, ne * sizeof *chosen);
    *b = t;
    return ne;
}

size_t select_ilp(const precis_cluster *c, const represent *r, const method *m, const double *scores, budget *b,
                  arena *a, uint32_t *chosen)
{
    budget after = *b;
    size_t ng = select_coverage(c, r, m, scores, &after, a, chosen);
    if (ng == (size_t)-1 || (!b->max_words && !b->max_bytes && !b->max_sentences)) {
        *b = after;
        return ng;
    }
    concepts k;
    ilp_vars v;
    if (concepts_build(c, r, a, &k) != 0)
        return (size_t)-1;
    unsigned char *none = arena_calloc(a, k.count + 1, 1);
    uint32_t *exact = arena_alloc(a, (c->nsents + 1) * sizeof *exact);
    if (!none || !exact)
        return (size_t)-1;
    double scale = concepts_score_scale(c, &k, scores);
    if (pick_sentences(c, r, m, &k, none, scale, scores, b, chosen, ng, a, &v) != 0 ||
        pick_concepts(&k, a, &v) != 0)
        return (size_t)-1;
    size_t ne = v.ns ? run_ilp(c, r, &k, &v, scale, scores, b, a, exact) : 0;
    if (ne == (size_t)-1)
        return (size_t)-1;
    return better_of(c, r, &k, scale, scores, none, b, &after, chosen, ng, exact, ne);
}
