/* cmd_rouge.c: placeholder until the command lands. */
#include <stdio.h>
#include "commands.h"
int cmd_rouge(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "precis: rouge is not built yet\n");
    return EXIT_INTERNAL;
}
