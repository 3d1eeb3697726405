/* hubspoke: alliance systems measured as networks. A thin layer over
 * libhubspoke; the commands are in src/cli/ (dispatch.c holds the table). */
#include "cli/cli.h"

int main(int argc, char **argv) { return hs_cli_main(argc, argv); }
