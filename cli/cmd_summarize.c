/* cmd_summarize.c: placeholder until the command lands. */
#include <stdio.h>
#include "commands.h"
int cmd_summarize(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "precis: summarize is not built yet\n");
    return EXIT_INTERNAL;
}
