/* The shared groups of options: one definition of each option that several
 * commands take, so that it is spelled, checked and documented the same in
 * all of them (cli.h, opt.h). */
#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"

const hs_opt hs_opts_view[] = {{.type = HS_OPT_ID,
                                .name = "hub",
                                .value_name = "ID",
                                .help = "take state ID as the hub instead of inferring it (docs/schema.md, \"Roles\")",
                                .offset = offsetof(hs_cli_args, hub)},
                               {.type = HS_OPT_IDS,
                                .name = "focus",
                                .value_name = "IDS",
                                .help = "a subsystem: only these states (ids separated by commas) and the mechanisms "
                                        "all of whose members are among them",
                                .offset = offsetof(hs_cli_args, focus)},
                               {.type = HS_OPT_FILE,
                                .name = "codebook",
                                .value_name = "FILE",
                                .help = "depths of the kinds of tie (JSON, docs/codebook.md)",
                                .offset = offsetof(hs_cli_args, codebook)},
                               HS_OPT_LAST};

const hs_opt hs_opts_year[] = {{.type = HS_OPT_YEAR,
                                .name = "year",
                                .value_name = "Y",
                                .help = "look at year Y: the elements with since <= Y < until (default: every element "
                                        "of the file, whatever its dates)",
                                .offset = offsetof(hs_cli_args, year)},
                               HS_OPT_LAST};

/* The timeout is bounded so that the deadline's arithmetic cannot wrap. */
const hs_opt hs_opts_limits[] = {
    {.type = HS_OPT_COUNT,
     .name = "max-states",
     .value_name = "N",
     .help = "refuse a file of more than N states and mechanisms (default 1000000; 0 = no limit)",
     .offset = offsetof(hs_cli_args, max_states),
     .max = SIZE_MAX},
    {.type = HS_OPT_COUNT,
     .name = "max-ties",
     .value_name = "N",
     .help = "refuse a file of more than N ties and memberships (default 10000000; 0 = no limit)",
     .offset = offsetof(hs_cli_args, max_ties),
     .max = SIZE_MAX},
    {.type = HS_OPT_COUNT,
     .name = "timeout",
     .value_name = "SECONDS",
     .help = "stop the DOT helper after SECONDS (default 60; 0 = no limit)",
     .offset = offsetof(hs_cli_args, timeout),
     .max = 1000000000ULL},
    HS_OPT_LAST};

const hs_opt hs_opts_measures[] = {
    {.type = HS_OPT_IDS,
     .name = "measures",
     .value_name = "LIST",
     .help = "the system measures, by name (docs/metrics.md), separated by commas; `default` and `all` name sets "
             "(docs/compare.md, \"Measures\")",
     .offset = offsetof(hs_cli_args, measures)},
    HS_OPT_LAST};

const hs_opt hs_opts_permutations[] = {
    {.type = HS_OPT_COUNT,
     .name = "permutations",
     .value_name = "N",
     .help =
         "permutations of the E-I test, for ei_expected and ei_p_closed (default 1000 when they are computed; 0 = no "
         "test)",
     .offset = offsetof(hs_cli_args, permutations),
     .max = 100000000ULL},
    {.type = HS_OPT_COUNT,
     .name = "seed",
     .value_name = "S",
     .help = "seed of the permutation test (default 1); the same seed gives the same p-value on every machine",
     .offset = offsetof(hs_cli_args, seed),
     .max = 9007199254740991ULL},
    HS_OPT_LAST};

static const char *const format_names[] = {"text", "json", "csv", NULL};
static const char *const format_names_json[] = {"text", "json", NULL};

const hs_opt hs_opts_format[] = {{.type = HS_OPT_CHOICE,
                                  .name = "format",
                                  .value_name = "FORMAT",
                                  .help = "text (default), json or csv (RFC 4180)",
                                  .offset = offsetof(hs_cli_args, format),
                                  .choices = format_names},
                                 HS_OPT_LAST};

const hs_opt hs_opts_format_json[] = {{.type = HS_OPT_CHOICE,
                                       .name = "format",
                                       .value_name = "FORMAT",
                                       .help = "text (default) or json",
                                       .offset = offsetof(hs_cli_args, format),
                                       .choices = format_names_json},
                                      HS_OPT_LAST};

const hs_opt hs_opts_output[] = {{.type = HS_OPT_FILE,
                                  .name = "output",
                                  .alias = 'o',
                                  .value_name = "OUT",
                                  .help = "the file to write; written whole or not at all",
                                  .offset = offsetof(hs_cli_args, output)},
                                 HS_OPT_LAST};

const hs_opt hs_opts_checks[] = {
    {.type = HS_OPT_FLAG,
     .name = "quiet",
     .alias = 'q',
     .help = "print no warnings (nor progress) on standard error",
     .offset = offsetof(hs_cli_args, quiet)},
    {.type = HS_OPT_FLAG,
     .name = "strict",
     .help = "make the checks' warnings errors: stop at a file that has any (docs/schema.md, \"Checks\")",
     .offset = offsetof(hs_cli_args, strict)},
    HS_OPT_LAST};

const hs_opt hs_opts_help[] = {{.type = HS_OPT_HELP, .name = "help", .alias = 'h', .help = "show this help"},
                               HS_OPT_LAST};

const char *const hs_engine_names[] = {"neato", "fdp", "dot", "circo", NULL};
