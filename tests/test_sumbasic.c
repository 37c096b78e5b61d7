/*
 * test_sumbasic.c: the SumBasic baseline (select/sumbasic.c). On a story
 * small enough to work out by hand it takes the sentence of highest mean
 * word probability, then prefers new words over the ones it has used
 * (their probabilities squared) where a fixed ranking would not; and on a
 * real article given twice, the squaring alone (the method has no cosine
 * filter) keeps it from printing any sentence twice.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>

#include "helpers.h"
#include "seeds.h"

/* Content words: flood x3, river x2, town x2, mayor x2, and praises,
 * rescue, crews once each: 12 in all. Mean probabilities: 10/48, 9/48 and
 * 5/48. Once the first is taken, flood, river and town are squared, and
 * the second falls to (1/16 + 1/36 + 1/36 + 1/6) / 4 = 0.071, under the
 * third's unchanged 5/48 = 0.104. */
static const char story[] = "Flood flood river town. Flood river town mayor. Mayor praises rescue crews.\n";

static json_t *summarize_json(const char *path, int words)
{
    char args[512];
    snprintf(args, sizeof args, "summarize %s --method sumbasic --words %d --format json", path, words);
    run_result r = run_precis(args);
    cr_assert_eq(r.status, 0, "exit %d: %s", r.status, r.err);
    json_error_t jerr;
    json_t *root = json_loads(r.out, 0, &jerr);
    cr_assert_not_null(root, "%s: %s", jerr.text, r.out);
    run_free(&r);
    return root;
}

static const char *write_story(void)
{
    static char path[] = "/tmp/precis-sumbasic-XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, story, sizeof story - 1), (ssize_t)(sizeof story - 1));
    close(fd);
    return path;
}

static json_t *sentences_of(json_t *root)
{
    json_t *s = json_object_get(root, "sentences");
    cr_assert(json_is_array(s));
    return s;
}

Test(sumbasic, prefers_words_it_has_not_used)
{
    const char *path = write_story();
    json_t *root = summarize_json(path, 8);
    json_t *s = sentences_of(root);
    cr_assert_eq(json_array_size(s), 2);
    json_t *first = json_array_get(s, 0), *second = json_array_get(s, 1);
    cr_assert_str_eq(json_string_value(json_object_get(first, "text")), "Flood flood river town.");
    cr_assert_str_eq(json_string_value(json_object_get(second, "text")), "Mayor praises rescue crews.");
    /* The scores printed are the ratings before any squaring. */
    cr_assert(fabs(json_number_value(json_object_get(first, "score")) - 10.0 / 48) < 1e-5);
    cr_assert(fabs(json_number_value(json_object_get(second, "score")) - 5.0 / 48) < 1e-5);
    json_decref(root);

    root = summarize_json(path, 4);
    s = sentences_of(root);
    cr_assert_eq(json_array_size(s), 1, "four words hold only the first choice");
    cr_assert_str_eq(json_string_value(json_object_get(json_array_get(s, 0), "text")), "Flood flood river town.");
    json_decref(root);

    root = summarize_json(path, 12);
    cr_assert_eq(json_array_size(sentences_of(root)), 3, "room for all three: all three");
    json_decref(root);
    unlink(path);
}

Test(sumbasic, never_prints_a_sentence_twice_from_a_doubled_article)
{
    char dir[] = "/tmp/precis-sumbasic-dir-XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp %s/000_679d28d13e5d8f6f.txt %s/a.txt && cp %s/a.txt %s/b.txt", SEEDS_DIR, dir, dir, dir);
    cr_assert_eq(system(cmd), 0);
    json_t *root = summarize_json(dir, 200);
    json_t *s = sentences_of(root);
    size_t n = json_array_size(s);
    cr_assert_geq(n, 5, "200 words of a long article: %zu sentences", n);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            cr_assert_str_neq(json_string_value(json_object_get(json_array_get(s, i), "text")),
                              json_string_value(json_object_get(json_array_get(s, j), "text")));
    json_decref(root);
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    cr_assert_eq(system(cmd), 0);
}
