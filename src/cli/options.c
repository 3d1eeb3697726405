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

/* In the order of the view.h enums they index. */
static const char *const state_set_names[] = {"tied", "listed", NULL};
static const char *const weight_names[] = {"depth", "amount", NULL};
static const char *const path_weight_names[] = {"depth", "amount", "hops", NULL};

const hs_opt hs_opts_state_set[] = {
    {.type = HS_OPT_CHOICE,
     .name = "state-set",
     .value_name = "SET",
     .help = "the states the year holds: tied (the states with a tie, and the hub) or listed (every state of the file "
             "active in the year); default tied, for info listed (docs/metrics.md, \"Which states count\")",
     .offset = offsetof(hs_cli_args, state_set),
     .choices = state_set_names},
    HS_OPT_LAST};

const hs_opt hs_opts_weights[] = {
    {.type = HS_OPT_CHOICE,
     .name = "weight",
     .value_name = "W",
     .help = "what a tie weighs in S, D and the indices: depth (default) or amount, the ties' ratio-scale `amount` "
             "(docs/metrics.md, \"Depth and amount\")",
     .offset = offsetof(hs_cli_args, weight),
     .choices = weight_names},
    {.type = HS_OPT_CHOICE,
     .name = "path-weight",
     .value_name = "W",
     .help = "the path lengths of betweenness and closeness: depth (1 / the deepest tie of a pair; default), amount or "
             "hops",
     .offset = offsetof(hs_cli_args, path_weight),
     .choices = path_weight_names},
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
     .help = "permutations of the E-I label test and draws of its degree-preserving null (ei_expected, ei_p_closed, "
             "ei_degree_expected, ei_degree_p_closed; default 1000 when they are computed; 0 = no test)",
     .offset = offsetof(hs_cli_args, permutations),
     .max = 100000000ULL},
    {.type = HS_OPT_COUNT,
     .name = "seed",
     .value_name = "S",
     .help = "seed of the E-I tests and the bootstrap (default 1); the same seed gives the same p-values and "
             "intervals on every machine",
     .offset = offsetof(hs_cli_args, seed),
     .max = 9007199254740991ULL},
    HS_OPT_LAST};

const hs_opt hs_opts_level[] = {{.type = HS_OPT_REAL,
                                  .name = "level",
                                  .value_name = "L",
                                  .help = "the intervals' level (default 0.95)",
                                  .offset = offsetof(hs_cli_args, level),
                                  .min_real = 0.01,
                                  .max_real = 0.999},
                                 HS_OPT_LAST};

const hs_opt hs_opts_bootstrap[] = {
    {.type = HS_OPT_COUNT,
     .name = "bootstrap",
     .value_name = "N",
     .help = "draws of the bootstrap over the year's instruments, for the intervals of K, U, C and the sums over "
             "ties (default 1000; at least 1; docs/metrics.md, \"Intervals\")",
     .offset = offsetof(hs_cli_args, bootstrap),
     .max = 100000000ULL},
    HS_OPT_INCLUDE(hs_opts_level),
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
