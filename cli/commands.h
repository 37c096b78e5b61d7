/*
 * commands: the sub-commands of the precis program. Each cmd_*.c parses its
 * own options, calls the library and prints; main.c only dispatches.
 *
 * Exit codes: 0 success, 1 bad input (some input could not be used),
 * 2 usage error, 3 internal or resource error.
 */
#ifndef PRECIS_CLI_COMMANDS_H
#define PRECIS_CLI_COMMANDS_H

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

typedef struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command;

int cmd_summarize(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_cluster(int argc, char **argv);

#endif
