/*
 * cmd_rouge.c: `precis rouge`, a ROUGE-1.5.5 compatible evaluator.
 *
 *   precis rouge [ROUGE flags] settings.xml [systemID]   as ROUGE-1.5.5.pl
 *   precis rouge [flags] -z SPL filelist [systemID]      ROUGE's -z file list
 *   precis rouge [flags] --peer FILE|DIR --ref FILE|DIR [--ref ...]
 *   precis rouge [flags] --jsonl FILE                    {"id","summary","refs":[...]}
 *
 * The short flags are ROUGE's and print exactly what the script prints on
 * stdout; warnings go to stderr as the script writes them. Everything is
 * parsed here; the work is in src/rouge/.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "commands.h"
#include "core/buf.h"
#include "core/error.h"
#include "io/io.h"
#include "precis.h"
#include "rouge/rouge.h"
#include "util.h"

typedef struct args {
    rouge_options o;
    bool all, details, loo, help;
    const char *zformat;     /* -z */
    const char *jsonl;
    const char *peer;
    const char *peer_id;
    const char **refs;
    size_t nrefs;
    rouge_format format;     /* for --peer/--ref and --jsonl */
    const char *pos[2];
    size_t npos;
} args;

static const char USAGE[] =
    "usage: precis rouge [OPTIONS] SETTINGS.xml [SYSTEM-ID]\n"
    "       precis rouge [OPTIONS] -z SPL|SEE|ISI FILE-LIST [SYSTEM-ID]\n"
    "       precis rouge [OPTIONS] --peer FILE|DIR --ref FILE|DIR [--ref FILE|DIR ...]\n"
    "       precis rouge [OPTIONS] --jsonl FILE\n"
    "\n"
    "ROUGE evaluation that prints exactly what ROUGE-1.5.5.pl prints.\n"
    "\n"
    "ROUGE-1.5.5 options (long forms in brackets):\n"
    "  -n N          ROUGE-1 .. ROUGE-N                      [--ngram N]\n"
    "  -x            do not compute ROUGE-L                  [--no-lcs]\n"
    "  -w W          ROUGE-W with weight W, e.g. 1.2         [--lcs-weight W]\n"
    "  -2 D          skip-bigrams, at most D words apart; D < 0: no limit [--skip D]\n"
    "  -u            count unigrams with skip-bigrams (ROUGE-SU) [--with-unigrams]\n"
    "  -U            ROUGE-S and then ROUGE-SU\n"
    "  -m            Porter stemmer with WordNet exceptions  [--stem]\n"
    "  -s            remove SMART stopwords                  [--stopwords]\n"
    "  -l N          only the first N words                  [--words N]\n"
    "  -b N          only the first N bytes                  [--bytes N]\n"
    "  -f A|B        pool all models (A) or use the best one (B) [--pool avg|best]\n"
    "  -p ALPHA      F-measure weight, 0..1 (default 0.5)    [--alpha ALPHA]\n"
    "  -c CF         confidence level in percent (default 95) [--confidence CF]\n"
    "  -r R          bootstrap resamples (default 1000)      [--resamples R]\n"
    "  -t 0|1|2      average per unit, over the corpus, or print raw counts\n"
    "                                                        [--units unit|corpus|counts]\n"
    "  -a            evaluate all peers                      [--all]\n"
    "  -d            print per-evaluation scores             [--details]\n"
    "  -z FORMAT     the file is a list of \"peer model...\" lines in FORMAT\n"
    "  -e DIR        ROUGE data directory (accepted; the data is built in)\n"
    "  -v            accepted and ignored\n"
    "\n"
    "precis options:\n"
    "  --peer FILE|DIR    the summary to score; a directory is matched to the\n"
    "                     reference directories by file name\n"
    "                     (a summary no --ref holds, or a --jsonl record with\n"
    "                     no refs, is left out of the scores: exit 1)\n"
    "  --ref FILE|DIR     a reference summary (or directory); repeat for more\n"
    "  --peer-id NAME     the peer's name in the output (default \"peer\")\n"
    "  --jsonl FILE       JSON Lines, plain or zstd (- = standard input):\n"
    "                     {\"id\": ..., \"summary\": \"...\", \"refs\": [\"...\"]};\n"
    "                     a line that is not such a record is named and skipped\n"
    "                     (exit 1)\n"
    "  --format SPL|SEE|ISI  layout of --peer/--ref files (default SPL)\n"
    "  --lsum             add ROUGE-Lsum (union LCS over newline-split sentences,\n"
    "                     always cut correctly under -b)\n"
    "  --leave-one-out    score each reference against the others, and the peers\n"
    "                     against every set of all-but-one references\n"
    "  -h, --help         this help\n"
    "\n"
    "Summaries are read as raw bytes, one sentence per line. Paths in a settings\n"
    "file are relative to the current directory, as with ROUGE-1.5.5.\n"
    "\n"
    "Exit status: 0 ok, 1 bad input, 2 usage, 3 internal error or the output could\n"
    "not be written.\n";

/* Messages start "precis: " like every command's (util.c's print_error). */
static int usage_error(const char *fmt, const char *arg)
{
    fputs("precis: ", stderr);
    errorf(fmt, arg);
    fputs("\nTry 'precis rouge --help'.\n", stderr);
    return EXIT_USAGE;
}

static int report(const precis_error *err)
{
    print_error(err);
    return exit_code_for(err->code);
}

/* ---- Option values ---------------------------------------------------------------- */

static bool to_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno)
        return false;
    *out = v;
    return true;
}

/* A finite number: strtod also reads "inf" and "nan", which no option
 * here means (a ROUGE-W weight of inf printed -nan scores, and a nan
 * passed every range check). */
static bool to_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (!*s || *end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static bool parse_format(const char *s, rouge_format *f)
{
    if (!strcasecmp(s, "SPL"))
        *f = ROUGE_FMT_SPL;
    else if (!strcasecmp(s, "SEE"))
        *f = ROUGE_FMT_SEE;
    else if (!strcasecmp(s, "ISI"))
        *f = ROUGE_FMT_ISI;
    else
        return false;
    return true;
}

static void copy_label(char *dst, const char *src)
{
    snprintf(dst, ROUGE_LABEL_MAX, "%s", src);
}

/* All digits, but more than a long holds: each option's own message
 * ("must be a whole number >= 0, not '99999999999999999999'") would be
 * wrong about it, as other commands' size options say (cli/util.c). */
static bool too_large(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return *s && !*end && errno == ERANGE && v == LONG_MAX;
}

/* Apply one option that takes a value; key is the short letter. */
static int apply_value(args *a, char key, const char *v)
{
    rouge_options *o = &a->o;
    long n;
    double d;
    if (strchr("lbr2", key) && too_large(v)) {
        char fmt[64];
        snprintf(fmt, sizeof fmt, "-%c: '%%s' is too large (at most %ld)", key, LONG_MAX);
        return usage_error(fmt, v);
    }
    switch (key) {
    case 'n':
        if (!to_long(v, &n) || n < 0 || n > 32)
            return usage_error("-n needs a whole number from 0 to 32, not '%s'", v);
        o->max_n = (int)n;
        return 0;
    case 'l':
    case 'b':
        if (!to_long(v, &n) || n < 0)
            return usage_error("a length limit must be a whole number >= 0, not '%s'", v);
        *(key == 'l' ? &o->max_words : &o->max_bytes) = n;
        return 0;
    case 'r':
        if (!to_long(v, &n) || n < 1)
            return usage_error("-r needs a number of resamples >= 1, not '%s'", v);
        o->resamples = n;
        return 0;
    case '2':
        if (!to_long(v, &n))
            return usage_error("-2 needs a whole number, not '%s'", v);
        o->skip = true;
        o->skip_distance = n;
        copy_label(o->skip_label, v);
        return 0;
    case 'c':
        if (!to_double(v, &d) || d < 0 || d > 100)
            return usage_error("-c needs a confidence level from 0 to 100, not '%s'", v);
        o->confidence = d;
        copy_label(o->confidence_label, v);
        return 0;
    case 'p':
        if (!to_double(v, &d) || d < 0 || d > 1)
            return usage_error("-p needs alpha from 0 to 1, not '%s'", v);
        o->alpha = d;
        return 0;
    case 'w':
        if (!to_double(v, &d) || !(d > 0))
            return usage_error("the ROUGE-W weight must be a number > 0, not '%s'", v);
        o->weight = d;
        copy_label(o->weight_label, v);
        return 0;
    case 't': /* ROUGE-1.5.5 reads any other value as 0: refused, not guessed */
        if (!to_long(v, &n) || n < 0 || n > 2)
            return usage_error("-t needs 0, 1 or 2, not '%s'", v);
        o->counting = (int)n;
        return 0;
    case 'f': /* likewise: ROUGE-1.5.5 reads anything but B as A */
        if (strcmp(v, "A") && strcmp(v, "B"))
            return usage_error("-f needs A or B, not '%s'", v);
        o->formula = v[0];
        return 0;
    case 'z':
        a->zformat = v;
        return 0;
    case 'e':
        return 0;
    case '3':
        return usage_error("-3 (Basic Elements) is not supported%s", "");
    }
    return usage_error("unknown option -%s", (char[]){key, 0});
}

static int apply_flag(args *a, char key)
{
    rouge_options *o = &a->o;
    switch (key) {
    case 'a': a->all = true; return 0;
    case 'd': a->details = true; return 0;
    case 'm': o->stem = true; return 0;
    case 's': o->stopwords = true; return 0;
    case 'u': o->skip_unigrams = true; return 0;
    case 'U': o->skip_both = true; return 0;
    case 'x': o->lcs = false; return 0;
    case 'v': return 0;
    case 'h':
    case 'H': a->help = true; return 0;
    case 'M': return usage_error("-M (stem models only) is not supported%s", "");
    }
    return usage_error("unknown option -%s", (char[]){key, 0});
}

static bool takes_value(char c)
{
    return c && strchr("bcefflnprt23wz", c) != NULL;
}

typedef struct longopt {
    const char *name;
    char key;                /* short equivalent, or 0 */
    int kind;                /* 0 flag, 1 value */
} longopt;

static const longopt LONGOPTS[] = {
    {"ngram", 'n', 1},        {"stem", 'm', 0},       {"stopwords", 's', 0},
    {"words", 'l', 1},        {"bytes", 'b', 1},      {"skip", '2', 1},
    {"with-unigrams", 'u', 0}, {"confidence", 'c', 1}, {"resamples", 'r', 1},
    {"alpha", 'p', 1},        {"all", 'a', 0},        {"details", 'd', 0},
    {"lcs-weight", 'w', 1},   {"no-lcs", 'x', 0},     {"data-dir", 'e', 1},
    {"help", 'h', 0},         {"pool", 0, 1},         {"units", 0, 1},
    {"peer", 0, 1},           {"ref", 0, 1},          {"jsonl", 0, 1},
    {"peer-id", 0, 1},        {"format", 0, 1},       {"lsum", 0, 0},
    {"leave-one-out", 0, 0},  {NULL, 0, 0}};

static int apply_long_value(args *a, const char *name, const char *v)
{
    if (!strcmp(name, "pool")) {
        if (strcmp(v, "avg") && strcmp(v, "best"))
            return usage_error("--pool takes avg or best, not '%s'", v);
        a->o.formula = !strcmp(v, "best") ? 'B' : 'A';
    } else if (!strcmp(name, "units")) {
        int t = !strcmp(v, "unit") ? 0 : !strcmp(v, "corpus") ? 1 : !strcmp(v, "counts") ? 2 : -1;
        if (t < 0)
            return usage_error("--units takes unit, corpus or counts, not '%s'", v);
        a->o.counting = t;
    } else if (!strcmp(name, "peer")) {
        a->peer = v;
    } else if (!strcmp(name, "ref")) {
        a->refs[a->nrefs++] = v;
    } else if (!strcmp(name, "jsonl")) {
        a->jsonl = v;
    } else if (!strcmp(name, "peer-id")) {
        a->peer_id = v;
    } else if (!strcmp(name, "format")) {
        if (!parse_format(v, &a->format))
            return usage_error("--format takes SPL, SEE or ISI, not '%s'", v);
    }
    return 0;
}

static int parse_long(args *a, int argc, char **argv, int *i)
{
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t nl = eq ? (size_t)(eq - arg) : strlen(arg);
    for (const longopt *lo = LONGOPTS; lo->name; lo++) {
        if (strlen(lo->name) != nl || strncmp(lo->name, arg, nl))
            continue;
        if (!lo->kind) {
            if (eq)
                return usage_error("--%s takes no value", lo->name);
            if (!strcmp(lo->name, "lsum"))
                a->o.lsum = true;
            else if (!strcmp(lo->name, "leave-one-out"))
                a->loo = true;
            else
                return apply_flag(a, lo->key);
            return 0;
        }
        const char *v = eq ? eq + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!v)
            return usage_error("--%s needs a value", lo->name);
        return lo->key ? apply_value(a, lo->key, v) : apply_long_value(a, lo->name, v);
    }
    return usage_error("unknown option '%s'", argv[*i]);
}

static int parse_short(args *a, int argc, char **argv, int *i)
{
    const char *s = argv[*i] + 1;
    for (; *s; s++) {
        if (!takes_value(*s)) {
            int rc = apply_flag(a, *s);
            if (rc)
                return rc;
            continue;
        }
        const char *v = s[1] ? s + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!v)
            return usage_error("option -%s needs a value", (char[]){*s, 0});
        return apply_value(a, *s, v);
    }
    return 0;
}

static int parse_args(args *a, int argc, char **argv)
{
    bool only_pos = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        int rc = 0;
        if (!only_pos && !strcmp(s, "--"))
            only_pos = true;
        else if (!only_pos && s[0] == '-' && s[1] == '-')
            rc = parse_long(a, argc, argv, &i);
        else if (!only_pos && s[0] == '-' && s[1])
            rc = parse_short(a, argc, argv, &i);
        else if (a->npos < 2)
            a->pos[a->npos++] = s;
        else
            rc = usage_error("unexpected argument '%s'", s);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- Building evaluation sets ------------------------------------------------------ */

/* A settings file or file list is read whole, up to this: the limit
 * keeps a wrong path (/dev/zero) from eating memory. JSON Lines of
 * summaries (Multi-News's training set: 70 MB) are read a line at a time
 * instead, each line within IO_MAX_LINE_BYTES. */
#define ROUGE_MAX_SET_BYTES ((size_t)1 << 30)

static precis_status read_all(const char *path, buf *b, precis_error *err)
{
    precis_status st = io_read_file_max(path, ROUGE_MAX_SET_BYTES, "for an evaluation set", b, err);
    if (st == PRECIS_OK && buf_reserve(b, 1) < 0)
        st = error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
    if (st == PRECIS_OK)
        b->data[b->len] = '\0';
    return st;
}

static void model_id(size_t k, char *out, size_t cap)
{
    if (k < 26)
        snprintf(out, cap, "%c", (char)('A' + k));
    else
        snprintf(out, cap, "R%zu", k + 1);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Regular files of a directory, sorted by name. */
static precis_status list_dir(const char *dir, char ***out, size_t *n, precis_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return error_set(err, PRECIS_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    char **v = NULL;
    size_t k = 0;
    struct dirent *de;
    precis_status st = PRECIS_OK;
    while (!st && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (is_dir(path))
            continue;
        char **nv = realloc(v, (k + 1) * sizeof *nv);
        if (!nv || !(nv[k] = strdup(de->d_name))) {
            v = nv ? nv : v;
            st = error_set(err, PRECIS_ERR_NOMEM, "", 0, "out of memory");
            break;
        }
        v = nv;
        k++;
    }
    closedir(d);
    if (v)
        qsort(v, k, sizeof *v, cmp_name);
    *out = v;
    *n = k;
    return st;
}

static precis_status simple_files(const args *a, rouge_evalset *set, precis_error *err)
{
    const char *pid = a->peer_id ? a->peer_id : "peer";
    precis_status st = rouge_evalset_add(set, a->peer ? base_name(a->peer) : "1", a->format, err);
    if (!st && a->peer)
        st = rouge_evalset_peer(set, pid, a->peer, NULL, 0, err);
    for (size_t k = 0; !st && k < a->nrefs; k++) {
        char mid[32];
        model_id(k, mid, sizeof mid);
        st = rouge_evalset_model(set, mid, a->refs[k], NULL, 0, err);
    }
    return st;
}

static bool is_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* How many --ref directories hold name, warning about each one that does
 * not. With none, the summary is not scored at all (it is not a zero). */
static size_t refs_present(const args *a, const char *name)
{
    char path[4096];
    size_t found = 0;
    for (size_t k = 0; k < a->nrefs; k++) {
        snprintf(path, sizeof path, "%s/%s", a->refs[k], name);
        found += is_file(path);
    }
    for (size_t k = 0; found && k < a->nrefs; k++) {
        snprintf(path, sizeof path, "%s/%s", a->refs[k], name);
        if (!is_file(path))
            errorf("precis: warning: %s: no such reference, skipped\n", path);
    }
    if (!found)
        errorf("precis: %s/%s: no reference in any --ref directory, not scored\n", a->peer, name);
    return found;
}

/* Directories: one EVAL per file name of the peer directory (or of the
 * first reference directory when only references are given). A peer with
 * no reference at all is left out and counted in *left. */
static precis_status simple_dirs(const args *a, rouge_evalset *set, size_t *left, precis_error *err)
{
    const char *pid = a->peer_id ? a->peer_id : "peer";
    const char *lead = a->peer ? a->peer : a->refs[0];
    char **names = NULL;
    size_t n = 0;
    precis_status st = list_dir(lead, &names, &n, err);
    if (!st && !n)
        st = error_set(err, PRECIS_ERR_EMPTY, lead, 0, "no files in directory");
    char path[4096];
    for (size_t i = 0; !st && i < n; i++) {
        if (!refs_present(a, names[i])) { /* only a peer can have none */
            ++*left;
            continue;
        }
        st = rouge_evalset_add(set, names[i], a->format, err);
        if (!st && a->peer) {
            snprintf(path, sizeof path, "%s/%s", a->peer, names[i]);
            st = rouge_evalset_peer(set, pid, path, NULL, 0, err);
        }
        for (size_t k = 0; !st && k < a->nrefs; k++) {
            snprintf(path, sizeof path, "%s/%s", a->refs[k], names[i]);
            if (!is_file(path))
                continue;
            char mid[32];
            model_id(k, mid, sizeof mid);
            st = rouge_evalset_model(set, mid, path, NULL, 0, err);
        }
    }
    if (!st && !set->nevals)
        st = error_set(err, PRECIS_ERR_EMPTY, lead, 0, "none of its summaries has a reference");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return st;
}

/* A {"id","summary","refs"} record is checked whole before any of it goes
 * into the set: a bad line then leaves nothing behind when it is skipped.
 * Its id (a string, or an integer written in idbuf) in *ids. */
static precis_status jsonl_check(const json_t *j, const char *path, long line, char *idbuf, size_t cap,
                                 const char **ids, precis_error *err)
{
    json_t *id = json_object_get(j, "id"), *sum = json_object_get(j, "summary");
    json_t *refs = json_object_get(j, "refs");
    *ids = NULL;
    if (json_is_string(id))
        *ids = json_string_value(id);
    else if (json_is_integer(id))
        snprintf(idbuf, cap, "%lld", (long long)json_integer_value(id)), *ids = idbuf;
    if (!*ids || !json_is_string(sum) || !(json_is_array(refs) || !refs || json_is_null(refs)))
        return error_set(err, PRECIS_ERR_JSON, path, line,
                         "expected {\"id\": ..., \"summary\": \"...\", \"refs\": [\"...\"]}");
    for (size_t k = 0; k < json_array_size(refs); k++)
        if (!json_is_string(json_array_get(refs, k)))
            return error_set(err, PRECIS_ERR_JSON, path, line, "refs[%zu] is not a string", k);
    return PRECIS_OK;
}

/* One {"id","summary","refs"} record. One with no reference ("refs"
 * empty, null or missing) is not scored (and counted in *left): scoring it
 * would put a zero in the average. A line that is not such a record is
 * PRECIS_ERR_JSON, with the set unchanged. */
static precis_status jsonl_line(const args *a, const char *path, long line, const char *s,
                                size_t len, rouge_evalset *set, size_t *left, precis_error *err)
{
    json_error_t je;
    json_t *j = json_loadb(s, len, 0, &je);
    if (!j) /* worded as summarize --jsonl and eval word it */
        return error_set(err, PRECIS_ERR_JSON, path, line, "malformed JSON at column %d: %s", je.column,
                         je.text);
    char idbuf[64];
    const char *ids;
    precis_status st = jsonl_check(j, path, line, idbuf, sizeof idbuf, &ids, err);
    json_t *sum = json_object_get(j, "summary"), *refs = json_object_get(j, "refs");
    if (!st && !json_array_size(refs)) { /* 0 for null too */
        errorf("precis: %s:%ld: '%s' has no reference, not scored\n", path, line, ids);
        ++*left;
        json_decref(j);
        return PRECIS_OK;
    }
    if (!st)
        st = rouge_evalset_add(set, ids, ROUGE_FMT_SPL, err);
    if (!st)
        st = rouge_evalset_peer(set, a->peer_id ? a->peer_id : "peer", NULL,
                                json_string_value(sum), json_string_length(sum), err);
    for (size_t k = 0; !st && k < json_array_size(refs); k++) {
        json_t *r = json_array_get(refs, k);
        char mid[32];
        model_id(k, mid, sizeof mid);
        st = rouge_evalset_model(set, mid, NULL, json_string_value(r), json_string_length(r), err);
    }
    json_decref(j);
    return st;
}

/* --jsonl read a line at a time (plain or zstd, "-" = stdin): only the
 * evaluation set is kept, not the file. A line that cannot be used (not
 * JSON, not a record, too long) is named on stderr, counted in *skipped
 * and left out, as summarize --jsonl and eval do, so one bad line does
 * not cost the scores of the rest; running out of memory or a broken
 * stream stops it. */
typedef struct jsonl_read {
    const args *a;
    rouge_evalset *set;
    precis_error *err;
    precis_status st;
    size_t *left, *skipped;
} jsonl_read;

static void jsonl_skip(jsonl_read *r, const precis_error *err)
{
    char msg[1200];
    errorf("precis: %s (skipped)\n", precis_error_format(err, msg, sizeof msg));
    ++*r->skipped;
}

static int jsonl_read_line(void *ctx, const char *data, size_t len, const char *where, long lineno)
{
    jsonl_read *r = ctx;
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
        i++;
    if (i == len) /* a line of spaces and tabs is blank too, as it was when read whole */
        return 0;
    r->st = jsonl_line(r->a, where, lineno, data, len, r->set, r->left, r->err);
    if (r->st == PRECIS_ERR_JSON) {
        jsonl_skip(r, r->err);
        r->st = PRECIS_OK;
    }
    return r->st != PRECIS_OK;
}

static int jsonl_read_fail(void *ctx, precis_status st, const precis_error *err)
{
    jsonl_read *r = ctx;
    if (st == PRECIS_ERR_TOO_LARGE) { /* the lines after it are still read */
        jsonl_skip(r, err);
        return 0;
    }
    *r->err = *err;
    r->st = st;
    return 1;
}

static precis_status jsonl_set(const args *a, rouge_evalset *set, size_t *left, size_t *skipped,
                               precis_error *err)
{
    jsonl_read r = {a, set, err, PRECIS_OK, left, skipped};
    const line_handler h = {jsonl_read_line, jsonl_read_fail, &r};
    read_lines(a->jsonl, &h);
    if (!r.st && !set->nevals)
        r.st = error_set(err, PRECIS_ERR_EMPTY, a->jsonl, 0,
                         *skipped || *left ? "no usable record with a reference" : "no records");
    return r.st;
}

static precis_status settings_set(const args *a, rouge_evalset *set, precis_error *err)
{
    buf b = BUF_INIT;
    precis_status st = read_all(a->pos[0], &b, err);
    if (!st && a->zformat) {
        rouge_format f;
        if (!parse_format(a->zformat, &f))
            st = error_set(err, PRECIS_ERR_USAGE, "", 0, "-z takes SPL, SEE or ISI, not '%s'",
                           a->zformat);
        else
            st = rouge_filelist_parse(a->pos[0], b.data, b.len, f, a->npos > 1 ? a->pos[1] : "X",
                                      set, err);
    } else if (!st) {
        st = rouge_settings_parse(a->pos[0], b.data, b.len, set, err);
    }
    buf_free(&b);
    return st;
}

/* The evaluation set; *left counts the summaries not scored for want of
 * a reference (--jsonl and --peer/--ref directories only: a settings
 * file is scored as ROUGE-1.5.5 scores it), *skipped the --jsonl lines
 * that could not be used. */
static precis_status build_set(const args *a, rouge_evalset *set, size_t *left, size_t *skipped,
                               precis_error *err)
{
    precis_status st;
    if (a->jsonl)
        st = jsonl_set(a, set, left, skipped, err);
    else if (a->peer || a->nrefs)
        st = (a->peer ? is_dir(a->peer) : is_dir(a->refs[0])) ? simple_dirs(a, set, left, err)
                                                                : simple_files(a, set, err);
    else
        st = settings_set(a, set, err);
    if (!st && (a->jsonl || a->peer || a->nrefs))
        st = rouge_evalset_finish(set, err);
    if (st || !a->loo)
        return st;
    rouge_evalset loo;
    st = rouge_evalset_leave_one_out(set, &loo, err);
    rouge_evalset_free(set);
    if (!st)
        *set = loo;
    return st;
}

/* ---- Command -------------------------------------------------------------------------- */

static int check_mode(const args *a)
{
    bool simple = a->peer || a->nrefs;
    if (a->jsonl && (simple || a->npos))
        return usage_error("--jsonl does not go with --peer/--ref or a settings file%s", "");
    if (simple && a->npos)
        return usage_error("--peer/--ref do not go with a settings file%s", "");
    if (simple && !a->nrefs)
        return usage_error("--peer needs at least one --ref%s", "");
    if (simple && !a->peer && !a->loo)
        return usage_error("--ref without --peer needs --leave-one-out%s", "");
    if (a->jsonl || simple)
        return 0;
    if (!a->npos)
        return usage_error("no settings file given%s", "");
    if (a->npos == 1 && !a->all && !a->zformat)
        return usage_error("give a system ID to evaluate, or -a to evaluate all systems%s", "");
    return 0;
}

int cmd_rouge(int argc, char **argv)
{
    args a;
    memset(&a, 0, sizeof a);
    rouge_options_init(&a.o);
    a.refs = calloc((size_t)argc + 1, sizeof *a.refs);
    if (!a.refs)
        return EXIT_INTERNAL;
    int rc = parse_args(&a, argc, argv);
    if (!rc && a.help) {
        free(a.refs);
        return print_help(USAGE);
    }
    if (!rc)
        rc = check_mode(&a);
    if (rc) {
        free(a.refs);
        return rc;
    }
    precis_error err;
    memset(&err, 0, sizeof err);
    rouge_evalset set;
    memset(&set, 0, sizeof set);
    rouge_scorer *sc = NULL;
    size_t left = 0, skipped = 0;
    precis_status st = rouge_scorer_new(&a.o, &sc, &err);
    if (!st)
        st = build_set(&a, &set, &left, &skipped, &err);
    if (!st) {
        /* ROUGE: one system unless -a; with -z the id is given or "X" */
        const char *only = NULL;
        if (!a.jsonl && !a.peer && !a.nrefs && (!a.all || a.zformat))
            only = a.zformat ? (a.npos > 1 ? a.pos[1] : "X") : a.pos[1];
        st = rouge_report_run(sc, &set, only, a.details, stdout, stderr, &err);
    }
    rouge_evalset_free(&set);
    rouge_scorer_free(sc);
    free(a.refs);
    if (st)
        return report(&err);
    if (left) /* scored, but not everything asked for: bad input */
        errorf("precis: %zu summar%s without a reference left out of the averages\n", left,
                left == 1 ? "y" : "ies");
    if (skipped)
        errorf("precis: %zu line%s skipped (see above), left out of the averages\n", skipped,
                skipped == 1 ? "" : "s");
    return finish_stdout(left || skipped ? EXIT_INPUT : EXIT_OK);
}
