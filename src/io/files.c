/*
 * files.c: whole files, standard input and directories.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/error.h"
#include "io/io.h"

/* "for one article", "for a summary": what the limit is for, in the message */
static precis_status too_large(const char *path, long long size, size_t max, const char *what,
                               precis_error *err)
{
    if (size >= 0)
        return error_set(err, PRECIS_ERR_TOO_LARGE, path, 0,
                         "file of %lld bytes is larger than the limit of %zu MiB %s", size, max >> 20, what);
    return error_set(err, PRECIS_ERR_TOO_LARGE, path, 0, "file is larger than the limit of %zu MiB %s", max >> 20,
                     what);
}

static precis_status read_stream(FILE *f, const char *path, size_t max, const char *what, buf *out,
                                 precis_error *err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + n > max)
            return too_large(path, -1, max, what, err);
        if (buf_append(out, chunk, n) != 0)
            return error_set(err, PRECIS_ERR_NOMEM, path, 0, "out of memory reading the file");
    }
    if (ferror(f))
        return error_set(err, PRECIS_ERR_IO, path, 0, "read error: %s", strerror(errno));
    return PRECIS_OK;
}

precis_status io_read_file_max(const char *path, size_t max, const char *what, buf *out, precis_error *err)
{
    buf_clear(out);
    if (!strcmp(path, "-"))
        return read_stream(stdin, "-", max, what, out, err);
    struct stat st;
    if (stat(path, &st) != 0)
        return error_set(err, PRECIS_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return error_set(err, PRECIS_ERR_IO, path, 0, "is a directory");
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > max)
        return too_large(path, (long long)st.st_size, max, what, err);
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(err, PRECIS_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    precis_status rc = read_stream(f, path, max, what, out, err);
    fclose(f);
    return rc;
}

precis_status io_read_file(const char *path, buf *out, precis_error *err)
{
    return io_read_file_max(path, IO_MAX_FILE_BYTES, "for one article", out, err);
}

int io_is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void io_free_paths(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

/* Names a directory of articles also holds for people, not as articles:
 * its README (the bundled example's directory has one), licence and the
 * like, whatever their extension. */
static const char *const notes_names[] = {"readme", "license", "licence", "copying", "authors", "changelog",
                                          NULL};

int io_is_notes_file(const char *name)
{
    for (size_t k = 0; notes_names[k]; k++) {
        size_t n = strlen(notes_names[k]);
        if (!strncasecmp(name, notes_names[k], n) && (name[n] == '\0' || name[n] == '.'))
            return 1;
    }
    return 0;
}

precis_status io_list_dir(const char *dir, char ***paths, size_t *count, size_t *notes, precis_error *err)
{
    *paths = NULL;
    *count = 0;
    if (notes)
        *notes = 0;
    DIR *d = opendir(dir);
    if (!d)
        return error_set(err, PRECIS_ERR_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    char **list = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    size_t dlen = strlen(dir);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (io_is_notes_file(e->d_name)) {
            if (notes)
                ++*notes;
            continue;
        }
        char *full = malloc(dlen + strlen(e->d_name) + 2);
        if (!full)
            break;
        sprintf(full, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
            free(full);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(list, cap * sizeof *grown);
            if (!grown) {
                free(full);
                break;
            }
            list = grown;
        }
        list[n++] = full;
    }
    closedir(d);
    if (e != NULL) {
        io_free_paths(list, n);
        return error_set(err, PRECIS_ERR_NOMEM, dir, 0, "out of memory listing the directory");
    }
    if (n == 0) {
        free(list);
        return error_set(err, PRECIS_ERR_EMPTY, dir, 0, "directory holds no article files");
    }
    qsort(list, n, sizeof *list, by_name);
    *paths = list;
    *count = n;
    return PRECIS_OK;
}
