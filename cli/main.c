/*
 * main.c: the precis program. Dispatches to one sub-command per file
 * (cmd_*.c); see `precis --help` and man/precis.1.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "precis.h"
#include "util.h"

static const command commands[] = {
    {"summarize", "summarize a cluster of articles", cmd_summarize},
    {"rouge", "score summaries with ROUGE (ROUGE-1.5.5 compatible)", cmd_rouge},
    {"eval", "run summarization methods over a dataset and tabulate ROUGE", cmd_eval},
    {"compare", "the cross-source view: overlap, facts by support, discrepancies, quotes", cmd_compare},
    {"ingest", "store articles in a story database, grouped into stories", cmd_ingest},
    {"stories", "list the stories of a database", cmd_stories},
    {"cluster", "group a batch of articles into stories, no database (map/reduce stages)", cmd_cluster},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: precis COMMAND [OPTIONS] [ARGS]\n\n"
                 "Faithful multi-document summaries of news stories.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`precis COMMAND --help` describes a command; `man precis` has the rest.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return finish_stdout(EXIT_OK);
    }
    if (!strcmp(name, "--version")) {
        printf("precis %s\n", PRECIS_VERSION);
        return finish_stdout(EXIT_OK);
    }
    /* A command's argv[0] is what getopt_long names in its own messages
     * ("X: unrecognized option '--x'"): make it "precis", with which every
     * other message begins. No command reads its own name from there. */
    char prog[] = "precis";
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name)) {
            argv[1] = prog;
            return commands[i].run(argc - 1, argv + 1);
        }
    errorf("precis: unknown command '%s'\n", name);
    usage(stderr);
    return EXIT_USAGE;
}
