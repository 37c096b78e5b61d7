/*
 * cmd_compare.c: `precis compare`, the cross-source view of one story.
 *
 *   precis compare [OPTIONS] FILE... | DIR | -
 *   precis compare --jsonl [FILE]          one cluster per line in, one out
 *   precis compare --db FILE --story ID    one story of a database (precis ingest)
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/buf.h"
#include "io/io.h"
#include "precis.h"
#include "util.h"

static const char usage_text[] =
    "usage: precis compare [OPTIONS] FILE... | DIR | -\n"
    "       precis compare --jsonl [OPTIONS] [FILE.jsonl[.zst] | -]\n"
    "       precis compare --db FILE --story ID [OPTIONS]\n"
    "\n"
    "Show how the articles of one story relate: the text each pair shares and\n"
    "which passages are the same wire copy, facts by how many articles carry\n"
    "them, quantities the articles give differently, and direct quotations with\n"
    "their speakers. With --jsonl, each input line is a cluster and each output\n"
    "line its report as JSON (--format text or html needs one cluster); blank\n"
    "lines (empty or only white space) are skipped.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT    text (default), json or html (one self-contained page)\n"
    "  -o, --output FILE   write to FILE instead of standard output (- = standard\n"
    "                      output)\n"
    "      --jsonl         read JSON Lines clusters\n"
    "      --strict        stop at the first bad article or cluster (default: report, skip)\n"
    "      --db FILE       with --story: a story database (precis ingest)\n"
    "      --story ID      compare the articles of story ID of --db (see precis stories)\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit status: 0 ok, 1 bad input, 2 usage, 3 internal error or the output could\n"
    "not be written. An -o FILE is replaced only by a complete report: of every\n"
    "article, or with exit 1 of the articles left after the unusable ones.\n";

typedef struct settings {
    precis_compare_format format;
    const char *output;
    int jsonl, strict;
    int format_set;           /* -f given */
    const char *db, *story;   /* --db/--story */
} settings;

static int parse_format(const char *s, precis_compare_format *out)
{
    if (!strcmp(s, "text"))
        *out = PRECIS_COMPARE_TEXT;
    else if (!strcmp(s, "json"))
        *out = PRECIS_COMPARE_JSON;
    else if (!strcmp(s, "html"))
        *out = PRECIS_COMPARE_HTML;
    else
        return -1;
    return 0;
}

static precis_status write_report(precis_cluster *c, precis_compare_format format, FILE *out,
                                  precis_error *err)
{
    char *text;
    size_t len;
    precis_status st = precis_compare(c, format, &text, &len, err);
    if (st != PRECIS_OK)
        return st;
    /* A write error is not bad input: finish_stdout (or out_file_close
     * for -o) reports it once at the end, exit 3, as for every command. */
    out_write(text, len, out);
    free(text);
    return PRECIS_OK;
}

/* The report in the chosen format (files, --story). */
static precis_status write_chosen_report(precis_cluster *c, FILE *out, void *ctx, precis_error *err)
{
    const settings *s = ctx;
    return write_report(c, s->format, out, err);
}

static precis_status write_jsonl_report(precis_cluster *c, FILE *out, void *ctx, precis_error *err)
{
    (void)ctx;
    return write_report(c, PRECIS_COMPARE_JSON, out, err);
}

/* -1 to go on, or the exit code to stop with (0 after --help). */
static int parse_args(int argc, char **argv, settings *s)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"jsonl", no_argument, NULL, 'J'},        {"strict", no_argument, NULL, 'S'},
        {"db", required_argument, NULL, 'D'},     {"story", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
        switch (opt) {
        case 'f':
            if (parse_format(optarg, &s->format) != 0) {
                errorf("precis: unknown format '%s' (text, json or html)\n", optarg);
                return EXIT_USAGE;
            }
            s->format_set = 1;
            break;
        case 'o': s->output = strcmp(optarg, "-") ? optarg : NULL; break; /* "-": standard output */
        case 'J': s->jsonl = 1; break;
        case 'S': s->strict = 1; break;
        case 'D': s->db = optarg; break;
        case 'T': s->story = optarg; break;
        case 'h': return print_help(usage_text);
        default: fputs(usage_text, stderr); return EXIT_USAGE;
        }
    }
    /* --jsonl writes JSON whatever the default format; one asked for
     * by name that is not JSON is refused, not quietly replaced. */
    if (s->jsonl && s->format_set && s->format != PRECIS_COMPARE_JSON) {
        errorf("precis: --jsonl writes one JSON report per cluster; --format %s cannot go with it\n",
                s->format == PRECIS_COMPARE_HTML ? "html" : "text");
        return EXIT_USAGE;
    }
    if ((s->db || s->story) && (!s->db || !s->story || s->jsonl || optind < argc)) {
        errorf("precis: --db and --story go together, without --jsonl or files\n");
        return EXIT_USAGE;
    }
    if (s->jsonl && argc - optind > 1) {
        errorf("precis: --jsonl takes one input file\n");
        return EXIT_USAGE;
    }
    return -1;
}

int cmd_compare(int argc, char **argv)
{
    settings s;
    memset(&s, 0, sizeof s);
    int rc = parse_args(argc, argv, &s);
    if (rc >= 0)
        return rc;
    FILE *out = stdout;
    out_file file = {0};
    if (s.output) {
        if (out_file_open(&file, s.output) != 0)
            return EXIT_INTERNAL; /* an output error, like a write that fails */
        out = file.f;
    }
    precis_engine *eng;
    precis_error err = {0};
    precis_status st = precis_engine_new(&eng, &err);
    if (st != PRECIS_OK) {
        print_error(&err);
        rc = exit_code_for(st);
    } else {
        rc = s.db      ? run_story_cluster(eng, s.db, s.story, out, write_chosen_report, &s)
             : s.jsonl ? run_jsonl_clusters(eng, optind < argc ? argv[optind] : "-", s.strict, out, "compare",
                                                   write_jsonl_report, NULL)
                       : run_file_cluster(eng, argc - optind, argv + optind, s.strict, out, write_chosen_report, &s);
        precis_engine_free(eng);
    }
    if (s.output) {
        /* A report with a line per cluster is worth keeping when some
         * lines could not be used (each says so), and so is the report of
         * the articles that could be used when another was left out (said
         * on stderr): exit 1 with something written. Otherwise FILE is only
         * replaced by a whole report. */
        int keep = rc == EXIT_OK || (rc == EXIT_INPUT && (s.jsonl || ftell(out) > 0));
        /* A write that failed is said by out_file_close, which never puts
         * such a file in place (--jsonl stops there with exit 3). */
        keep |= ferror(out) != 0;
        if (out_file_close(&file, keep) != 0 && keep)
            rc = EXIT_INTERNAL;
        return rc;
    }
    return finish_stdout(rc);
}
