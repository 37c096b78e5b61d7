/* cmd_eval.c: placeholder until the command lands. */
#include <stdio.h>
#include "commands.h"
int cmd_eval(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "precis: eval is not built yet\n");
    return EXIT_INTERNAL;
}
