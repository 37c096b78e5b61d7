/*
 * cmd_eval.c: `precis eval`: every method over a dataset, one ROUGE table.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "eval/eval.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis eval [OPTIONS] DATA.jsonl[.zst]\n"
    "\n"
    "Summarize every cluster of DATA ({\"id\",\"docs\",\"refs\"} per line) with each\n"
    "method and print one table of ROUGE recall, precision and F (x100) with the\n"
    "speed of each method (clusters per second of processor time, building the\n"
    "cluster included, scoring not). Scores follow ROUGE-1.5.5: -n 2 -m -2 4 -u -c 95\n"
    "-r 1000 -f A -p 0.5 -t 0, summaries cut at the word budget (-l).\n"
    "\n"
    "options:\n"
    "  -w, --words N        summary budget in words (default 300)\n"
    "      --summary-words N  budget given to the methods, if not --words (ROUGE\n"
    "                       still cuts at --words; 0 = --words): for studying length\n"
    "  -m, --method LIST    comma-separated methods, each once (default: oracle,\n"
    "                       lead,first3,centroid,lexrank,textrank,default)\n"
    "      --peers FILE     also score {\"id\",\"system\",\"summary\"} lines (e.g. DUC peers)\n"
    "      --jackknife      score against each k-1 subset of the k references and\n"
    "                       average, as NIST did for DUC (humans only against others)\n"
    "      --csv FILE       write per-cluster scores to FILE (- = standard output,\n"
    "                       the table then going to standard error)\n"
    "      --no-query       generic summaries even where a cluster has a \"query\"\n"
    "                       (by default a query, as in DUC, focuses the summary)\n"
    "      --limit N        only the first N clusters (0 = all)\n"
    "      --lcs            add ROUGE-L\n"
    "      --no-stem        ROUGE without stemming (no -m)\n"
    "      --stopwords      ROUGE with stopword removal (-s)\n"
    "  -f, --format FMT     text (default) or md\n"
    "  -h, --help           show this help\n"
    "\n"
    "Ctrl-C stops early and prints the table over the clusters done so far.\n"
    "\n"
    "Exit status: 0 ok, 1 bad input (some clusters or --peers lines could not be\n"
    "used, or DATA has no cluster at all: no table then), 2 usage, 3 internal\n"
    "error or the output could not be written, 130 stopped by Ctrl-C.\n"
    "A --csv FILE is replaced only when the run completes or is stopped.\n";

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void show_progress(void *ctx, size_t done, size_t total)
{
    progress_update(ctx, done, total);
}

/* Split --method's comma-separated list in place into out (at most cap
 * names). An empty name ("lead,,default", a comma at either end), too
 * many names, or a name given twice ("lead,lead": the same row twice, most
 * likely a slip for another method) is a usage error: -1 with a message. */
static int split_methods(char *list, const char **out, size_t cap, size_t *n)
{
    *n = 0;
    if (!*list) {
        errorf("precis: --method needs at least one method\n");
        return -1;
    }
    for (char *item = list; item;) {
        char *comma = strchr(item, ',');
        if (comma)
            *comma = '\0';
        if (!*item) {
            errorf("precis: --method: an empty name in the list (names are separated by one comma)\n");
            return -1;
        }
        if (*n == cap) {
            errorf("precis: --method: at most %zu methods\n", cap);
            return -1;
        }
        out[(*n)++] = item;
        item = comma ? comma + 1 : NULL;
    }
    for (size_t i = 1; i < *n; i++)
        for (size_t k = 0; k < i; k++)
            if (!strcmp(out[i], out[k])) {
                errorf("precis: --method: '%s' is named twice\n", out[i]);
                return -1;
            }
    return 0;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"words", required_argument, NULL, 'w'}, {"method", required_argument, NULL, 'm'},
        {"peers", required_argument, NULL, 'P'}, {"jackknife", no_argument, NULL, 'J'},
        {"csv", required_argument, NULL, 'C'},   {"limit", required_argument, NULL, 'L'},
        {"lcs", no_argument, NULL, 'l'},         {"no-stem", no_argument, NULL, 'N'},
        {"stopwords", no_argument, NULL, 's'},   {"format", required_argument, NULL, 'f'},
        {"summary-words", required_argument, NULL, 'S'},
        {"no-query", no_argument, NULL, 'Q'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
    static char default_methods[] = "oracle,lead,first3,centroid,lexrank,textrank,default";
    eval_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.words = 300;
    rouge_options_init(&cfg.rouge);
    cfg.rouge.max_n = 2;
    cfg.rouge.lcs = false;
    cfg.rouge.stem = true;
    cfg.rouge.skip = true;
    cfg.rouge.skip_distance = 4;
    cfg.rouge.skip_unigrams = true;
    char *methods_arg = default_methods;
    const char *csv_path = NULL;
    int markdown = 0, opt;
    size_t limit = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "w:m:f:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'w':
            if (parse_size("--words", optarg, &cfg.words) != 0)
                return EXIT_USAGE;
            if (cfg.words == 0) {
                errorf("precis: --words must be at least 1 (ROUGE cuts the summaries there)\n");
                return EXIT_USAGE;
            }
            break;
        case 'S':
            if (parse_size("--summary-words", optarg, &cfg.summary_words) != 0)
                return EXIT_USAGE;
            break;
        case 'm': methods_arg = optarg; break;
        case 'P': cfg.peers_path = optarg; break;
        case 'J': cfg.jackknife = true; break;
        case 'Q': cfg.ignore_query = true; break;
        case 'C': csv_path = optarg; break;
        case 'L':
            if (parse_size("--limit", optarg, &limit) != 0)
                return EXIT_USAGE;
            break;
        case 'l': cfg.rouge.lcs = true; break;
        case 'N': cfg.rouge.stem = false; break;
        case 's': cfg.rouge.stopwords = true; break;
        case 'f':
            if (strcmp(optarg, "text") && strcmp(optarg, "md")) {
                errorf("precis: unknown format '%s' (text or md)\n", optarg);
                return EXIT_USAGE;
            }
            markdown = !strcmp(optarg, "md");
            break;
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    if (argc - optind != 1) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    cfg.data_path = argv[optind];
    cfg.limit = (long)limit;
    cfg.rouge.max_words = (long)cfg.words;
    const char *methods[EVAL_MAX_ROWS / 2];
    cfg.methods = methods;
    if (split_methods(methods_arg, methods, EVAL_MAX_ROWS / 2, &cfg.nmethods) != 0)
        return EXIT_USAGE;
    out_file csv = {0};
    /* --csv - is standard output, as "-" is for every file name; the
     * table moves to stderr so that what is piped on is only the CSV. */
    FILE *table_out = stdout;
    if (csv_path && !strcmp(csv_path, "-")) {
        cfg.csv = stdout;
        table_out = stderr;
    } else if (csv_path) {
        if (out_file_open(&csv, csv_path) != 0)
            return EXIT_INTERNAL; /* an output error, like a write that fails */
        cfg.csv = csv.f;
    }
    if (cfg.csv)
        fprintf(cfg.csv, "method,instance");
    progress prog;
    progress_start(&prog, "eval");
    cfg.progress = show_progress;
    cfg.progress_ctx = &prog;
    cfg.stop = &interrupted;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);

    eval_table *table = calloc(1, sizeof *table);
    precis_error err = {0};
    if (cfg.csv) {
        /* Header names come from the metric list, known once a scorer exists. */
        rouge_scorer *sc;
        if (rouge_scorer_new(&cfg.rouge, &sc, &err) == PRECIS_OK) {
            const rouge_metric *m;
            size_t nm = rouge_scorer_metrics(sc, &m);
            for (size_t k = 0; k < nm; k++)
                fprintf(cfg.csv, ",%s_R,%s_P,%s_F", m[k].name, m[k].name, m[k].name);
            rouge_scorer_free(sc);
        }
        fputc('\n', cfg.csv);
    }
    precis_status st = table ? eval_run(&cfg, table, &err) : PRECIS_ERR_NOMEM;
    progress_end(&prog);
    /* A run that failed leaves an older CSV as it was; one stopped by
     * Ctrl-C keeps the rows of the clusters it scored, like its table. */
    int csv_failed = out_file_close(&csv, st == PRECIS_OK) != 0;
    if (st != PRECIS_OK) {
        print_error(&err);
        free(table);
        return exit_code_for(st);
    }
    eval_table_print(table, markdown, table_out);
    /* 130: the shell's code for "stopped by SIGINT", after the partial table. */
    int rc = table->interrupted ? 130 : csv_failed ? EXIT_INTERNAL : table->clusters_skipped || table->peers_skipped ? EXIT_INPUT : EXIT_OK;
    free(table);
    return finish_stdout(rc);
}
