/* hubspoke metrics (in progress). */
#include "cli/cli.h"
static int run(int argc, char **argv) { (void)argc; (void)argv; return 1; }
const hs_command hs_cmd_metrics = {"metrics", "measure hub coordination, unidirectionality, closedness", run, "metrics\n"};
