/*
 * eval.c: the evaluation loop. One pass over the data: each cluster is
 * built once, every method summarizes it, and each method's summary goes
 * to that method's own ROUGE scorer; peers are scored after the data, once
 * their topics' references are known.
 */
#include "eval/eval.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/error.h"
#include "io/io.h"
#include "model/cluster.h"
#include "text/shown.h"

/* "precis: MESSAGE" on standard error for a line the run skips: the
 * message names the file, whose bytes may be anything, so it is shown as
 * text output shows it. */
static void warn_skipped(const char *message, const char *tail)
{
    buf b = BUF_INIT;
    if (buf_puts(&b, "precis: ") == 0 && shown_message(&b, message) == 0 && buf_puts(&b, tail) == 0 &&
        buf_putc(&b, '\n') == 0)
        fwrite(b.data, 1, b.len, stderr);
    buf_free(&b);
}

#define EVAL_MAX_REFS 16

typedef struct topic {
    char *id;
    char **refs;
    char assessor[EVAL_MAX_REFS];   /* the letter of each reference's author, or 0 */
    size_t nrefs;
    uint64_t peer_seen[(EVAL_MAX_ROWS + 63) / 64]; /* rows that have scored a peer summary of it */
} topic;

typedef struct runner {
    const eval_config *cfg;
    eval_table *table;
    rouge_scorer *scorer[EVAL_MAX_ROWS];
    precis_engine *engine;
    topic *topics;
    size_t ntopics, topics_cap;
} runner;

/* Processor time, not wall time: the speed column means "on one core", and
 * on a shared machine the wall clock also counts the other tenants. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int is_eval_only(const char *m)
{
    return !strcmp(m, EVAL_ORACLE) || !strcmp(m, EVAL_FIRST3);
}

/* One CSV field: as it is, or quoted with its quotes doubled when it holds
 * a comma, a quote or a line break (RFC 4180), since cluster ids and peer
 * system names come from the data and may. */
static void csv_field(FILE *f, const char *s)
{
    if (!s[strcspn(s, ",\"\r\n")]) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* Score one summary against a topic's references under `row`, once, or
 * once per left-out reference with jackknifing. `own` is the assessor
 * letter of a human peer, whose own reference is never used. */
static precis_status score_summary(runner *ru, size_t row, const topic *t, const char *summary, char own,
                                   precis_error *err)
{
    const eval_config *cfg = ru->cfg;
    const char *refs[EVAL_MAX_REFS];
    rouge_score scores[ROUGE_MAX_METRICS];
    int jack = cfg->jackknife && t->nrefs >= 2;
    for (size_t out = 0; out < (jack ? t->nrefs : 1); out++) {
        size_t n = 0;
        for (size_t r = 0; r < t->nrefs; r++)
            if (!(jack && r == out) && !(own && t->assessor[r] == own))
                refs[n++] = t->refs[r];
        /* A human is scored only where its own summary is the one left out. */
        if (own && jack && t->assessor[out] != own)
            continue;
        if (n == 0)
            continue;
        char id[300];
        snprintf(id, sizeof id, "%s.%zu", t->id, out);
        precis_status st = rouge_scorer_add(ru->scorer[row], id, summary, refs, n, scores, err);
        if (st != PRECIS_OK)
            return st;
        if (cfg->csv) {
            csv_field(cfg->csv, ru->table->rows[row].name);
            fputc(',', cfg->csv);
            csv_field(cfg->csv, id);
            for (size_t k = 0; k < ru->table->nmetrics; k++)
                fprintf(cfg->csv, ",%.5f,%.5f,%.5f", scores[k].r, scores[k].p, scores[k].f);
            fputc('\n', cfg->csv);
        }
    }
    return PRECIS_OK;
}

static precis_status summarize_with(runner *ru, size_t row, precis_cluster *c, const topic *t, char **text,
                                    precis_error *err)
{
    const char *name = ru->table->rows[row].name;
    if (!strcmp(name, EVAL_FIRST3))
        return eval_first3(c, text, err);
    if (!strcmp(name, EVAL_ORACLE))
        return eval_oracle(c, ru->scorer[row], (const char *const *)t->refs, t->nrefs,
                           ru->cfg->summary_words ? ru->cfg->summary_words : ru->cfg->words, text,
                           err);
    precis_options o;
    precis_options_init(&o);
    o.method = name;
    o.max_words = ru->cfg->summary_words ? ru->cfg->summary_words : ru->cfg->words;
    precis_summary *s;
    precis_status st = precis_summarize(c, &o, &s, err);
    if (st == PRECIS_ERR_EMPTY) {
        /* No story text (page notices only): scored as an empty summary,
         * like a cluster of empty articles, so it stays in the average. */
        *text = strdup("");
        return *text ? PRECIS_OK : error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    }
    if (st != PRECIS_OK)
        return st;
    size_t len;
    st = precis_render(s, PRECIS_FORMAT_TEXT, text, &len, err);
    precis_summary_free(s);
    return st;
}

static precis_status keep_topic(runner *ru, json_t *root, const char *id, topic **out, precis_error *err)
{
    if (ru->ntopics == ru->topics_cap) {
        size_t cap = ru->topics_cap ? ru->topics_cap * 2 : 256;
        topic *p = realloc(ru->topics, cap * sizeof *p);
        if (!p)
            return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
        ru->topics = p;
        ru->topics_cap = cap;
    }
    topic *t = &ru->topics[ru->ntopics];
    memset(t, 0, sizeof *t);
    json_t *refs = json_object_get(root, "refs"), *ref_ids = json_object_get(root, "ref_ids");
    size_t n = json_array_size(refs);
    if (n > EVAL_MAX_REFS)
        n = EVAL_MAX_REFS;
    t->id = strdup(id);
    t->refs = calloc(n + 1, sizeof *t->refs);
    if (!t->id || !t->refs)
        return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t r = 0; r < n; r++) {
        const char *s = json_string_value(json_array_get(refs, r));
        const char *rid = json_string_value(json_array_get(ref_ids, r));
        t->refs[t->nrefs] = strdup(s ? s : "");
        t->assessor[t->nrefs] = rid && *rid ? rid[strlen(rid) - 1] : 0;
        t->nrefs++;
    }
    ru->ntopics++;
    *out = t;
    return PRECIS_OK;
}

/* One data line: build the cluster, run every method, score. */
static precis_status run_line(runner *ru, const char *line, size_t len, long lineno, const char *where,
                              precis_error *err)
{
    double t0 = now();
    precis_cluster *c;
    char *id;
    precis_status st = jsonl_cluster(ru->engine, line, len, lineno, where, &c, &id, err);
    if (st == PRECIS_ERR_EMPTY) {
        /* Nothing but page furniture: every method scores an empty summary,
         * rather than the cluster silently leaving the average. */
        c = NULL;
        json_t *j = json_loadb(line, len, 0, NULL);
        const char *jid = json_string_value(json_object_get(j, "id"));
        id = strdup(jid ? jid : "?");
        json_decref(j);
        if (!id)
            return error_set(err, PRECIS_ERR_NOMEM, NULL, 0, "out of memory");
        st = PRECIS_OK;
    }
    if (st != PRECIS_OK)
        return st;
    if (c && ru->cfg->ignore_query)
        c->query = NULL;
    double build = now() - t0;
    json_t *root = json_loadb(line, len, 0, NULL);
    topic *t = NULL;
    st = root ? keep_topic(ru, root, id, &t, err) : error_set(err, PRECIS_ERR_JSON, where, lineno, "bad JSON");
    json_decref(root);
    if (st == PRECIS_OK && t->nrefs == 0)
        st = error_set(err, PRECIS_ERR_JSON, where, lineno, "cluster '%s' has no \"refs\"", id);
    for (size_t m = 0; st == PRECIS_OK && m < ru->cfg->nmethods; m++) {
        eval_row *row = &ru->table->rows[m];
        double t1 = now();
        char *text = NULL;
        st = c ? summarize_with(ru, m, c, t, &text, err) : ((text = strdup("")) ? PRECIS_OK : PRECIS_ERR_NOMEM);
        row->seconds += build + (now() - t1);
        if (st == PRECIS_OK)
            st = score_summary(ru, m, t, text, 0, err);
        free(text);
        row->clusters++;
    }
    if (st != PRECIS_OK)
        error_locate(err, where, lineno);
    precis_cluster_free(c);
    free(id);
    return st;
}

static topic *find_topic(const runner *ru, const char *peer_id)
{
    size_t n = strlen(peer_id);
    for (size_t i = 0; i < ru->ntopics; i++) {
        const char *tid = ru->topics[i].id;
        if (!strncmp(tid, peer_id, n) && strlen(tid) <= n + 1)
            return &ru->topics[i];
    }
    return NULL;
}

static size_t peer_row(runner *ru, const char *system, precis_error *err)
{
    eval_table *tb = ru->table;
    char name[64];
    snprintf(name, sizeof name, "peer %s", system);
    for (size_t i = ru->cfg->nmethods; i < tb->nrows; i++)
        if (!strcmp(tb->rows[i].name, name))
            return i;
    if (tb->nrows == EVAL_MAX_ROWS)
        return (size_t)-1;
    eval_row *row = &tb->rows[tb->nrows];
    memset(row, 0, sizeof *row);
    snprintf(row->name, sizeof row->name, "%s", name);
    row->is_peer = true;
    if (rouge_scorer_new(&ru->cfg->rouge, &ru->scorer[tb->nrows], err) != PRECIS_OK)
        return (size_t)-1;
    return tb->nrows++;
}

static precis_status run_peers(runner *ru, precis_error *err)
{
    line_reader *r;
    precis_status st = line_reader_open(ru->cfg->peers_path, &r, err);
    if (st != PRECIS_OK)
        return st;
    buf line = BUF_INIT;
    int rc;
    while (st == PRECIS_OK && (rc = line_reader_next(r, &line, err)) == 1) {
        if (line_is_blank(line.data, line.len))
            continue;
        json_error_t jerr;
        json_t *p = json_loadb(line.data, line.len, 0, &jerr);
        const char *id = json_string_value(json_object_get(p, "id"));
        const char *system = json_string_value(json_object_get(p, "system"));
        const char *summary = json_string_value(json_object_get(p, "summary"));
        /* A line that cannot be used is named and skipped, as a data line
         * is: failing here, after every cluster was summarized, had lost
         * the whole table. */
        const char *bad = !id || !system || !summary ? "expected {\"id\", \"system\", \"summary\"}" : NULL;
        topic *t = bad ? NULL : find_topic(ru, id);
        size_t row = t ? peer_row(ru, system, err) : 0;
        if (t && row == (size_t)-1) {
            st = error_set(err, PRECIS_ERR_TOO_LARGE, line_reader_name(r), line_reader_lineno(r),
                           "more than %d rows in the table", EVAL_MAX_ROWS);
        } else if (t && (t->peer_seen[row / 64] >> (row % 64) & 1)) {
            /* Scored again, it would count as one more cluster. */
            bad = "a second summary by this system of this cluster";
        } else if (t) {
            t->peer_seen[row / 64] |= (uint64_t)1 << (row % 64);
            /* Humans (one-letter systems) are the references' authors. */
            char own = strlen(system) == 1 && system[0] >= 'A' && system[0] <= 'Z' ? system[0] : 0;
            st = score_summary(ru, row, t, summary, own, err);
            ru->table->rows[row].clusters++;
        }
        if (bad) {
            precis_error lerr = {0};
            char msg[1200];
            error_set(&lerr, PRECIS_ERR_JSON, line_reader_name(r), line_reader_lineno(r), "%s", bad);
            warn_skipped(precis_error_format(&lerr, msg, sizeof msg), " (skipped)");
            ru->table->peers_skipped++;
        }
        json_decref(p);
    }
    if (st == PRECIS_OK && rc < 0)
        st = err->code;
    buf_free(&line);
    line_reader_close(r);
    return st;
}

static precis_status setup(runner *ru, precis_error *err)
{
    eval_table *tb = ru->table;
    const eval_config *cfg = ru->cfg;
    if (cfg->nmethods > EVAL_MAX_ROWS / 2)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "too many methods");
    for (size_t m = 0; m < cfg->nmethods; m++) {
        if (!is_eval_only(cfg->methods[m]) && !precis_method_description(cfg->methods[m]))
            return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "unknown method '%s'", cfg->methods[m]);
        snprintf(tb->rows[m].name, sizeof tb->rows[m].name, "%s", cfg->methods[m]);
        precis_status st = rouge_scorer_new(&cfg->rouge, &ru->scorer[m], err);
        if (st != PRECIS_OK)
            return st;
        tb->nrows++;
    }
    const rouge_metric *metrics;
    tb->nmetrics = rouge_scorer_metrics(ru->scorer[0], &metrics);
    memcpy(tb->metrics, metrics, tb->nmetrics * sizeof *metrics);
    return precis_engine_new(&ru->engine, err);
}

static precis_status run_data(runner *ru, precis_error *err)
{
    const eval_config *cfg = ru->cfg;
    line_reader *r;
    precis_status st = line_reader_open(cfg->data_path, &r, err);
    if (st != PRECIS_OK)
        return st;
    buf line = BUF_INIT;
    int rc;
    precis_error lerr = {0};
    while ((rc = line_reader_next(r, &line, err)) == 1 || rc == -2) {
        if (rc == -2) {
            char msg[1200];
            warn_skipped(precis_error_format(err, msg, sizeof msg), "");
            ru->table->clusters_read++;
            ru->table->clusters_skipped++;
            continue;
        }
        if (cfg->stop && *cfg->stop) {
            ru->table->interrupted = true;
            break;
        }
        if (line_is_blank(line.data, line.len))
            continue;
        ru->table->clusters_read++;
        st = run_line(ru, line.data, line.len, line_reader_lineno(r), line_reader_name(r), &lerr);
        if (st == PRECIS_ERR_NOMEM) {
            *err = lerr;
            break;
        }
        if (st != PRECIS_OK) {
            char msg[1200];
            warn_skipped(precis_error_format(&lerr, msg, sizeof msg), " (skipped)");
            ru->table->clusters_skipped++;
            st = PRECIS_OK;
        }
        if (cfg->progress)
            cfg->progress(cfg->progress_ctx, ru->table->clusters_read, 0);
        if (cfg->limit && (long)ru->table->clusters_read >= cfg->limit)
            break;
    }
    if (rc == -1)
        st = err->code;
    /* A table of zeros over no cluster would read as a real score: an
     * empty (or all blank) dataset is an error, not a result. */
    else if (st == PRECIS_OK && !ru->table->clusters_read && !ru->table->interrupted)
        st = error_set(err, PRECIS_ERR_EMPTY, line_reader_name(r), 0, "no clusters: the dataset is empty");
    buf_free(&line);
    line_reader_close(r);
    return st;
}

precis_status eval_run(const eval_config *cfg, eval_table *out, precis_error *err)
{
    memset(out, 0, sizeof *out);
    runner ru = {cfg, out, {0}, NULL, NULL, 0, 0};
    precis_status st = setup(&ru, err);
    if (st == PRECIS_OK)
        st = run_data(&ru, err);
    if (st == PRECIS_OK && cfg->peers_path && !out->interrupted)
        st = run_peers(&ru, err);
    for (size_t row = 0; st == PRECIS_OK && row < out->nrows; row++)
        for (size_t k = 0; k < out->nmetrics && rouge_scorer_count(ru.scorer[row]); k++)
            st = rouge_scorer_average(ru.scorer[row], k, &out->rows[row].avg[k], err);
    for (size_t row = 0; row < EVAL_MAX_ROWS; row++)
        rouge_scorer_free(ru.scorer[row]);
    for (size_t i = 0; i < ru.ntopics; i++) {
        for (size_t r = 0; r < ru.topics[i].nrefs; r++)
            free(ru.topics[i].refs[r]);
        free(ru.topics[i].refs);
        free(ru.topics[i].id);
    }
    free(ru.topics);
    precis_engine_free(ru.engine);
    return st;
}

/* A row's name as the text formats show names (text/shown.h): a peer
 * system's name comes from the data, and a control character in it would
 * reach the terminal, a newline split the row. In Markdown a '|' is
 * escaped, or it would end the cell. */
static void print_name(const char *name, bool md, FILE *out)
{
    buf b = BUF_INIT;
    if (shown_append(&b, name, strlen(name)) != 0) {
        fputs("?", out); /* out of memory */
        buf_free(&b);
        return;
    }
    if (md) {
        fputs("| ", out);
        for (size_t i = 0; i < b.len; i++) {
            if (b.data[i] == '|')
                fputc('\\', out);
            fputc(b.data[i], out);
        }
        fputs(" |", out);
    } else {
        fprintf(out, "%-12.*s", (int)b.len, b.data ? b.data : "");
    }
    buf_free(&b);
}

void eval_table_print(const eval_table *t, bool md, FILE *out)
{
    if (md) {
        fprintf(out, "| method | clusters | clusters/s |");
        for (size_t k = 0; k < t->nmetrics; k++)
            fprintf(out, " %s R | %s P | %s F |", t->metrics[k].name, t->metrics[k].name, t->metrics[k].name);
        fprintf(out, "\n|---|---:|---:|");
        for (size_t k = 0; k < t->nmetrics; k++)
            fprintf(out, "---:|---:|---:|");
        fputc('\n', out);
    } else {
        fprintf(out, "%-12s %8s %10s", "method", "clusters", "clusters/s");
        for (size_t k = 0; k < t->nmetrics; k++)
            fprintf(out, "  %-23s", t->metrics[k].name);
        fprintf(out, "\n%-12s %8s %10s", "", "", "");
        for (size_t k = 0; k < t->nmetrics; k++)
            fprintf(out, "  %-7s %-7s %-7s", "R", "P", "F");
        fputc('\n', out);
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const eval_row *r = &t->rows[i];
        char speed[32] = "-";
        if (!r->is_peer && r->seconds > 0)
            snprintf(speed, sizeof speed, "%.0f", r->clusters / r->seconds);
        print_name(r->name, md, out);
        if (md)
            fprintf(out, " %zu | %s |", r->clusters, speed);
        else
            fprintf(out, " %8zu %10s", r->clusters, speed);
        for (size_t k = 0; k < t->nmetrics; k++) {
            const rouge_average *a = &r->avg[k];
            if (md)
                fprintf(out, " %.2f | %.2f | %.2f |", 100 * a->r, 100 * a->p, 100 * a->f);
            else
                fprintf(out, "  %-7.2f %-7.2f %-7.2f", 100 * a->r, 100 * a->p, 100 * a->f);
        }
        fputc('\n', out);
    }
    if (t->interrupted)
        fprintf(out, "(interrupted: partial results over %zu clusters)\n", t->clusters_read);
    if (t->clusters_skipped)
        fprintf(out, "(%zu of %zu clusters skipped, see messages above)\n", t->clusters_skipped,
                t->clusters_read);
    if (t->peers_skipped)
        fprintf(out, "(%zu peer line%s skipped, see messages above)\n", t->peers_skipped,
                t->peers_skipped == 1 ? "" : "s");
}
