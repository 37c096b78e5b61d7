/*
 * schema.c: opening a story database: refusing files that are not ours,
 * creating the schema in a fresh file, the connection settings (WAL,
 * busy timeout) and the prepared statements of ingest.
 *
 * A precis database is recognised three ways before anything is written:
 * the SQLite header, PRAGMA application_id (STORE_APP_ID) and the schema
 * version, both in PRAGMA user_version and in the meta table. Any other
 * SQLite file, a newer schema, or a corrupt file is a clear error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/error.h"
#include "store/store.h"

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;\n"
    "CREATE TABLE story(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  first INTEGER NOT NULL,\n"          /* date of its first article, Unix seconds */
    "  last INTEGER NOT NULL,\n"           /* date of its last article */
    "  n INTEGER NOT NULL,\n"              /* articles */
    "  headline TEXT NOT NULL,\n"
    "  hterms BLOB NOT NULL,\n"            /* term vector of the headline's article */
    "  centroid BLOB NOT NULL,\n"          /* (term key, weight) sorted by key */
    "  names BLOB NOT NULL);\n"
    "CREATE INDEX story_last ON story(last);\n"
    "CREATE TABLE article(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  ext_id TEXT,\n"
    "  url TEXT,\n"
    "  hash BLOB NOT NULL,\n"              /* 128-bit hash of the text */
    "  source TEXT,\n"
    "  title TEXT NOT NULL,\n"
    "  byline TEXT,\n"
    "  published INTEGER NOT NULL,\n"
    "  story INTEGER NOT NULL REFERENCES story(id),\n"
    "  dup_of INTEGER,\n"                  /* the article it is a near-copy of */
    "  sig BLOB NOT NULL);\n"              /* MinHash signature */
    /* The text apart, appended in id order, keeps the article table small
     * and hot in the cache for the lookups of ingest. */
    "CREATE TABLE article_text(id INTEGER PRIMARY KEY, text TEXT NOT NULL);\n"
    "CREATE UNIQUE INDEX article_hash ON article(hash);\n"
    "CREATE UNIQUE INDEX article_url ON article(url) WHERE url IS NOT NULL;\n"
    "CREATE INDEX article_story ON article(story, published);\n"
    "CREATE TABLE story_term(term INTEGER NOT NULL, story INTEGER NOT NULL,\n"
    "  PRIMARY KEY(term, story)) WITHOUT ROWID;\n"
    "CREATE TABLE lsh(band INTEGER NOT NULL, article INTEGER NOT NULL,\n"
    "  PRIMARY KEY(band, article)) WITHOUT ROWID;\n";

static const char *const stmt_sql[SQL_COUNT] = {
    [SQL_BEGIN] = "BEGIN IMMEDIATE",
    [SQL_COMMIT] = "COMMIT",
    [SQL_ROLLBACK] = "ROLLBACK",
    [SQL_FIND_HASH] = "SELECT id FROM article WHERE hash = ?1",
    [SQL_FIND_URL] = "SELECT id FROM article WHERE url = ?1",
    [SQL_INSERT_ARTICLE] =
        "INSERT INTO article(ext_id, url, hash, source, title, byline, published, story, dup_of, sig)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [SQL_INSERT_TEXT] = "INSERT INTO article_text(id, text) VALUES(?1, ?2)",
    [SQL_INSERT_LSH] = "INSERT OR IGNORE INTO lsh(band, article) VALUES(?1, ?2)",
    [SQL_LSH_LOOKUP] = "SELECT article FROM lsh WHERE band = ?1 ORDER BY article DESC LIMIT 4",
    [SQL_ARTICLE_SIG] = "SELECT story, published, sig FROM article WHERE id = ?1",
    [SQL_POSTINGS] = "SELECT story FROM story_term WHERE term = ?1 ORDER BY story DESC LIMIT ?2",
    [SQL_STORY_GET] = "SELECT first, last, n, centroid, names, hterms FROM story WHERE id = ?1",
    [SQL_STORY_INSERT] =
        "INSERT INTO story(first, last, n, headline, hterms, centroid, names) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [SQL_STORY_UPDATE] =
        "UPDATE story SET first = ?1, last = ?2, n = ?3, headline = coalesce(?4, headline),"
        " hterms = coalesce(?5, hterms), centroid = ?6, names = ?7 WHERE id = ?8",
    [SQL_TERM_INSERT] = "INSERT OR IGNORE INTO story_term(term, story) VALUES(?1, ?2)",
    [SQL_TERM_DELETE] = "DELETE FROM story_term WHERE term = ?1 AND story = ?2",
};

void precis_store_options_init(precis_store_options *o)
{
    memset(o, 0, sizeof *o);
    o->busy_timeout_ms = 30000;
    o->batch = 256;
    o->window_days = 3;
    o->threshold = 0.20;
    o->default_time = PRECIS_STORE_NOW;
}

/* Map a SQLite failure to a precis error: a file that is not a database
 * or is damaged is a format error, the rest are I/O errors. */
precis_status store_sql_error(precis_store *s, const char *what, precis_error *err)
{
    int code = sqlite3_extended_errcode(s->db) & 0xff;
    const char *msg = sqlite3_errmsg(s->db);
    s->db_failed = 1;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        return error_set(err, PRECIS_ERR_FORMAT, s->path, 0, "damaged or not a precis database (%s): %s", what,
                         msg);
    if (code == SQLITE_NOMEM)
        return error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory (%s)", what);
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return error_set(err, PRECIS_ERR_IO, s->path, 0, "database is busy (%s): another writer held it too long",
                         what);
    return error_set(err, PRECIS_ERR_IO, s->path, 0, "%s: %s", what, msg);
}

int store_db_failed(const precis_store *s)
{
    return s->db_failed;
}

static int exec(precis_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* The single integer a PRAGMA or query returns, or -1 on error. */
static int query_int(precis_store *s, const char *sql, long long *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* The first 16 bytes of an existing, non-empty file must be SQLite's. */
static precis_status check_header(const char *path, int readonly, int *exists, precis_error *err)
{
    struct stat sb;
    *exists = 0;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT && !readonly)
            return PRECIS_OK;
        return error_set(err, PRECIS_ERR_IO, path, 0, "cannot open database: %s", strerror(errno));
    }
    if (!S_ISREG(sb.st_mode))
        return error_set(err, PRECIS_ERR_FORMAT, path, 0, "not a precis database: not a regular file");
    if (sb.st_size == 0)
        return readonly ? error_set(err, PRECIS_ERR_FORMAT, path, 0, "empty file: no articles ingested yet")
                        : PRECIS_OK;
    *exists = 1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(err, PRECIS_ERR_IO, path, 0, "cannot open database: %s", strerror(errno));
    char head[16];
    size_t got = fread(head, 1, sizeof head, f);
    fclose(f);
    if (got < sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return error_set(err, PRECIS_ERR_FORMAT, path, 0, "not a precis database (not an SQLite file)");
    return PRECIS_OK;
}

static precis_status create_schema(precis_store *s, precis_error *err)
{
    if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
        return store_sql_error(s, "creating the schema", err);
    /* Another process may have created it while we waited for the lock. */
    long long app = 0, objects = 0;
    if (query_int(s, "PRAGMA application_id", &app) != 0 ||
        query_int(s, "SELECT count(*) FROM sqlite_master", &objects) != 0) {
        precis_status st = store_sql_error(s, "reading the schema", err);
        exec(s, "ROLLBACK");
        return st;
    }
    if (app == 0 && objects == 0) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "PRAGMA application_id = %d; PRAGMA user_version = %d;"
                 "INSERT INTO meta VALUES('schema_version', %d), ('created', %lld);",
                 STORE_APP_ID, STORE_SCHEMA_VERSION, STORE_SCHEMA_VERSION, (long long)time(NULL));
        if (exec(s, schema_sql) != SQLITE_OK || exec(s, sql) != SQLITE_OK) {
            precis_status st = store_sql_error(s, "creating the schema", err);
            exec(s, "ROLLBACK");
            return st;
        }
    }
    if (exec(s, "COMMIT") != SQLITE_OK) {
        precis_status st = store_sql_error(s, "creating the schema", err);
        exec(s, "ROLLBACK");
        return st;
    }
    return PRECIS_OK;
}

/* The header fields and the schema, read in one transaction: another
 * process creating the database commits all of them at once, and reading
 * them one by one could see its tables but not yet its application_id. */
static precis_status read_header(precis_store *s, long long *app, long long *version, long long *objects,
                                 precis_error *err)
{
    if (exec(s, "BEGIN") != SQLITE_OK)
        return store_sql_error(s, "reading the schema", err);
    if (query_int(s, "SELECT count(*) FROM sqlite_master", objects) != 0 ||
        query_int(s, "PRAGMA application_id", app) != 0 || query_int(s, "PRAGMA user_version", version) != 0) {
        /* SQLite's message first: ROLLBACK replaces it with "not an error". */
        precis_status st = store_sql_error(s, "reading the schema", err);
        exec(s, "ROLLBACK");
        return st;
    }
    exec(s, "COMMIT");
    return PRECIS_OK;
}

static precis_status check_schema(precis_store *s, precis_error *err)
{
    long long app = 0, version = 0, objects = 0;
    precis_status st = read_header(s, &app, &version, &objects, err);
    if (st != PRECIS_OK)
        return st;
    if (app == 0 && objects == 0) {
        if (s->opts.readonly)
            return error_set(err, PRECIS_ERR_FORMAT, s->path, 0, "empty database: no articles ingested yet");
        st = create_schema(s, err);
        if (st == PRECIS_OK)
            st = read_header(s, &app, &version, &objects, err);
        if (st != PRECIS_OK)
            return st;
    }
    if (app != STORE_APP_ID)
        return error_set(err, PRECIS_ERR_FORMAT, s->path, 0,
                         "not a precis database (SQLite application_id %#llx, expected %#x)",
                         (unsigned long long)(unsigned)app, STORE_APP_ID);
    if (version > STORE_SCHEMA_VERSION)
        return error_set(err, PRECIS_ERR_FORMAT, s->path, 0,
                         "database schema %lld is newer than this precis understands (%d): upgrade precis",
                         version, STORE_SCHEMA_VERSION);
    long long meta = 0;
    if (version != STORE_SCHEMA_VERSION ||
        query_int(s, "SELECT value FROM meta WHERE key = 'schema_version'", &meta) != 0 ||
        meta != STORE_SCHEMA_VERSION)
        return error_set(err, PRECIS_ERR_FORMAT, s->path, 0,
                         "damaged precis database: schema version %lld/%lld, expected %d", version, meta,
                         STORE_SCHEMA_VERSION);
    return PRECIS_OK;
}

/* A writer killed in the middle of a change leaves work for the next
 * connection: a hot rollback journal (killed while a new file was being
 * switched to WAL) or a WAL index to rebuild. A read-only connection cannot
 * do it and fails ("attempt to write a readonly database"); SQLite does it
 * on a read-write one, as the next `precis ingest` would, so a reader opens
 * one for that first. */
static precis_status settle_interrupted_write(precis_store *s, precis_error *err)
{
    sqlite3 *rw = NULL;
    int rc = sqlite3_open_v2(s->path, &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(rw, s->opts.busy_timeout_ms > 0 ? s->opts.busy_timeout_ms : 0);
        rc = sqlite3_exec(rw, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    }
    sqlite3_close(rw);
    if (rc != SQLITE_OK)
        return error_set(err, PRECIS_ERR_IO, s->path, 0,
                         "a writer stopped in the middle of a change, and putting it right needs write access: "
                         "run precis ingest on the database, or copy it where it can be written");
    return PRECIS_OK;
}

/* The settings of a reading connection. */
static void configure_reader(precis_store *s)
{
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, s->opts.busy_timeout_ms > 0 ? s->opts.busy_timeout_ms : 0);
    exec(s, "PRAGMA cache_size = -32768; PRAGMA query_only = 1; PRAGMA mmap_size = 4294967296;");
}

/* 1 if path's -wal file holds anything (commits not yet in the file). */
static int wal_has_content(const char *path)
{
    size_t n = strlen(path);
    char *wal = malloc(n + 5);
    if (!wal)
        return 1;
    memcpy(wal, path, n);
    memcpy(wal + n, "-wal", 5);
    struct stat sb;
    int full = stat(wal, &sb) == 0 && sb.st_size > 0;
    free(wal);
    return full;
}

/* path as a file: URI that opens it immutable. '%', '?' and '#' would be
 * read as URI syntax: escaped. An absolute path gets an empty authority
 * ("file:///..."), so one that starts with "//" is not taken for a host. */
static char *immutable_uri(const char *path)
{
    static const char tail[] = "?immutable=1";
    char *uri = malloc(3 * strlen(path) + sizeof "file://" + sizeof tail);
    if (!uri)
        return NULL;
    char *p = uri + sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
    for (const char *c = path; *c; c++) {
        if (*c == '%' || *c == '?' || *c == '#')
            p += sprintf(p, "%%%02X", (unsigned)(unsigned char)*c);
        else
            *p++ = *c;
    }
    memcpy(p, tail, sizeof tail);
    return uri;
}

/* A reader of a WAL database needs the -shm index beside it, and SQLite
 * creates one when there is none. Where the reader cannot create files (a
 * directory it may not write: a database handed over as 0444 in a 0555
 * folder, an archive, a read-only share), every read failed with "attempt
 * to write a readonly database". When the -wal file holds nothing, the
 * database file alone has every commit, and SQLite reads it as immutable:
 * no -shm, no locks. (A writer could only start meanwhile as a user who
 * may write the directory; the reads of a listing or a story are short.)
 * When the -wal holds commits, reading the file alone would miss them, and
 * replaying them needs the -shm (SQLite then says "unable to open database
 * file"): an error that says what to do. */
static precis_status read_without_shm(precis_store *s, int code, precis_error *err)
{
    int wal = wal_has_content(s->path);
    /* Without a -wal to replay, "unable to open" has some other cause. */
    if (code == SQLITE_CANTOPEN && !wal)
        return PRECIS_OK;
    if (wal)
        return error_set(err, PRECIS_ERR_IO, s->path, 0,
                         "commits wait in %s-wal, and reading them needs write access to the directory (for "
                         "SQLite's -shm file): run precis ingest on the database, or copy it with its -wal file "
                         "where it can be written",
                         s->path);
    char *uri = immutable_uri(s->path);
    if (!uri)
        return error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory");
    sqlite3_close(s->db);
    s->db = NULL;
    int rc = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    free(uri);
    if (rc != SQLITE_OK)
        return s->db ? store_sql_error(s, "opening read-only", err)
                     : error_set(err, PRECIS_ERR_NOMEM, s->path, 0, "out of memory opening the database");
    configure_reader(s);
    return PRECIS_OK;
}

/* Before a read-only connection reads: what stops it from reading at all,
 * put right where it can be. Anything else wrong is check_schema's to
 * report. */
static precis_status prepare_to_read(precis_store *s, precis_error *err)
{
    long long objects;
    if (query_int(s, "SELECT count(*) FROM sqlite_master", &objects) == 0)
        return PRECIS_OK;
    int code = sqlite3_extended_errcode(s->db);
    if (code == SQLITE_READONLY_ROLLBACK || code == SQLITE_READONLY_RECOVERY)
        return settle_interrupted_write(s, err);
    if (code == SQLITE_READONLY_DIRECTORY || code == SQLITE_READONLY_CANTINIT || code == SQLITE_CANTOPEN)
        return read_without_shm(s, code, err);
    return PRECIS_OK;
}

precis_status store_prepare_writes(precis_store *s, precis_error *err)
{
    for (int i = 0; i < SQL_COUNT; i++)
        if (!s->stmt[i] && sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i],
                                              NULL) != SQLITE_OK)
            return store_sql_error(s, "preparing statements", err);
    return PRECIS_OK;
}

/* Switch the file to WAL. Two processes opening a new database at once
 * can meet here: SQLite answers SQLITE_BUSY at once, without its busy
 * handler, when waiting could deadlock (this connection holds a shared
 * lock and wants an exclusive one), so wait and try again ourselves, up
 * to the busy timeout. Returns 1 once the file is in WAL mode. */
static int switch_to_wal(sqlite3 *db, int timeout_ms)
{
    for (int waited = 0;; waited += 10) {
        sqlite3_stmt *jm;
        int wal = 0, rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &jm, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(jm);
            if (rc == SQLITE_ROW) {
                const char *mode = (const char *)sqlite3_column_text(jm, 0);
                wal = mode && !strcmp(mode, "wal");
            }
            sqlite3_finalize(jm);
        }
        if (wal || (rc & 0xFF) != SQLITE_BUSY || waited >= timeout_ms)
            return wal;
        sqlite3_sleep(10);
    }
}

precis_status precis_store_open(const char *path, const precis_store_options *opts, precis_store **out,
                                precis_error *err)
{
    *out = NULL;
    precis_store_options o;
    if (opts)
        o = *opts;
    else
        precis_store_options_init(&o);
    if (o.batch == 0)
        o.batch = 1;
    if (!path || !*path)
        return error_set(err, PRECIS_ERR_USAGE, NULL, 0, "no database path given");
    int exists;
    precis_status st = check_header(path, o.readonly, &exists, err);
    if (st != PRECIS_OK)
        return st;
    precis_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory");
    }
    s->opts = o;
    arena_init(&s->mem, 1 << 16);
    html_doc_init(&s->html);
    int flags = o.readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        st = s->db ? store_sql_error(s, "opening", err)
                   : error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory opening the database");
        precis_store_close(s);
        return st;
    }
    if (o.readonly) {
        configure_reader(s);
        st = prepare_to_read(s, err);
    } else {
        sqlite3_extended_result_codes(s->db, 1);
        sqlite3_busy_timeout(s->db, o.busy_timeout_ms > 0 ? o.busy_timeout_ms : 0);
        /* WAL: readers never block the writer nor see half a batch. NORMAL
         * sync: a committed batch survives a crash of the process; only a
         * power loss can take back the last commits. */
        int wal = switch_to_wal(s->db, o.busy_timeout_ms);
        if (!wal) {
            st = exists ? store_sql_error(s, "switching to WAL mode", err)
                        : error_set(err, PRECIS_ERR_IO, path, 0, "cannot use WAL mode: %s", sqlite3_errmsg(s->db));
            if (sqlite3_errcode(s->db) == SQLITE_OK)
                st = error_set(err, PRECIS_ERR_IO, path, 0, "cannot use WAL mode on this file system");
            precis_store_close(s);
            return st;
        }
        exec(s, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;"
                "PRAGMA mmap_size = 4294967296;");
    }
    if (st == PRECIS_OK)
        st = check_schema(s, err);
    if (st == PRECIS_OK && !o.readonly)
        st = store_prepare_writes(s, err);
    if (st != PRECIS_OK) {
        precis_store_close(s);
        return st;
    }
    *out = s;
    return PRECIS_OK;
}

void precis_store_close(precis_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < SQL_COUNT; i++)
        sqlite3_finalize(s->stmt[i]);
    if (s->db) {
        if (!sqlite3_get_autocommit(s->db))
            exec(s, "ROLLBACK");
        sqlite3_close(s->db);
    }
    precis_engine_free(s->eng);
    free(s->queue);
    arena_free(&s->mem);
    html_doc_free(&s->html);
    buf_free(&s->scratch);
    free(s->path);
    free(s);
}

void precis_store_get_stats(const precis_store *s, precis_store_stats *out)
{
    *out = s->stats;
    out->pending = s->nqueue;
}
