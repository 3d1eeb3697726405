/* The hubspoke command table and dispatch, shared by main() (src/main.c) and
 * the option-parsing fuzz harness (tests/fuzz/fuzz_cli.c), so that every
 * command in the table is fuzzed. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const hs_command *const commands[] = {&hs_cmd_info,   &hs_cmd_convert, &hs_cmd_metrics, &hs_cmd_classify,
                                             &hs_cmd_render, &hs_cmd_evolve,  &hs_cmd_compare, &hs_cmd_whatif,
                                             &hs_cmd_import, &hs_cmd_check,   &hs_cmd_export,  &hs_cmd_measures,
                                             &hs_cmd_report};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static void print_help(FILE *out) {
    fputs(
        "NAME\n"
        "    hubspoke - measure alliance systems as networks\n"
        "\n"
        "SYNOPSIS\n"
        "    hubspoke COMMAND [OPTIONS] FILE...\n"
        "    hubspoke COMMAND --help\n"
        "    hubspoke --help | --version\n"
        "\n"
        "DESCRIPTION\n"
        "    hubspoke reads alliance systems (states, ties with kinds and years, minilateral\n"
        "    mechanisms) from DOT or GraphML files written in the hubspoke schema\n"
        "    (docs/schema.md) and measures hub coordination, unidirectionality and\n"
        "    closedness (docs/metrics.md). Any plain DOT or GraphML file loads too.\n"
        "\n"
        "COMMANDS\n",
        out);
    for (size_t i = 0; i < NCOMMANDS; i++) fprintf(out, "    %-10s %s\n", commands[i]->name, commands[i]->summary);
    fputs(
        "\n"
        "FILES\n"
        "    A file's format follows its extension: .gv or .dot is DOT, .graphml or .xml is\n"
        "    GraphML; otherwise, and for '-' (standard input), the content decides. DOT is\n"
        "    parsed by the helper program hubspoke-dot (README, \"Licensing\"), found through\n"
        "    the HUBSPOKE_DOT_HELPER environment variable, next to hubspoke, or in the\n"
        "    installed libexec directory.\n"
        "\n"
        "EXIT STATUS\n"
        "    0  success\n"
        "    1  bad input (a file that cannot be read, parsed or checked) or a runtime failure\n"
        "    2  usage error (unknown command or option, missing or invalid argument)\n"
        "\n"
        "    Errors are one line on standard error: \"hubspoke: FILE:LINE: reason\", or\n"
        "    \"hubspoke: FILE: element: reason\" where no line is known.\n"
        "\n"
        "EXAMPLES\n"
        "    hubspoke info graphs/asia-pacific.gv --year 2014\n"
        "    hubspoke convert graphs/asia-pacific.gv asia.graphml\n"
        "    hubspoke metrics graphs/asia-pacific.gv --year 2023 --format json\n"
        "    hubspoke evolve graphs/asia-pacific.gv --years 1953,1999,2014,2023 --focus USA,JPN,KOR -o us-jpn-kor.svg\n"
        "    hubspoke compare graphs/asia-pacific.gv --years 1951:2025 --format csv --plot kuc.svg\n"
        "    hubspoke report graphs/asia-pacific.gv --years 1951:2025 -o report.html\n"
        "    hubspoke whatif graphs/asia-pacific.gv --year 2020 --drop-tie JPN-KOR\n"
        "    hubspoke import cow alliance_v4.1_by_member.csv --states states2016.csv -o cow.graphml\n",
        out);
}

int hs_cli_main(int argc, char **argv) {
    hs_init();
    hs_cli_set_reported(0);
    /* The limits are process-wide: each command line starts from the defaults. */
    hs_set_load_limits(HS_DEFAULT_MAX_STATES, HS_DEFAULT_MAX_TIES);
    hs_dot_helper_set_timeout(HS_DEFAULT_HELPER_TIMEOUT);
    if (argc < 2) {
        fputs("usage: hubspoke COMMAND [OPTIONS] FILE...  (hubspoke --help for more)\n", stderr);
        return HS_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        if (argc > 2 && strcmp(argv[1], "help") == 0) {
            for (size_t i = 0; i < NCOMMANDS; i++) {
                if (strcmp(argv[2], commands[i]->name) == 0) {
                    hs_cli_print_help(stdout, commands[i]);
                    return fflush(stdout) == 0 ? HS_EXIT_OK : HS_EXIT_FAILURE;
                }
            }
            return hs_cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        }
        print_help(stdout);
        return HS_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("hubspoke %s\n", hs_version());
        return HS_EXIT_OK;
    }
    const hs_command *cmd = NULL;
    for (size_t i = 0; i < NCOMMANDS && !cmd; i++) {
        if (strcmp(argv[1], commands[i]->name) == 0) cmd = commands[i];
    }
    if (!cmd) {
        if (argv[1][0] == '-') return hs_cli_usage_error(NULL, "unknown option '%s'", argv[1]);
        return hs_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
    }
    hs_cli_args args;
    int rc = hs_cli_parse(cmd, argc - 1, argv + 1, &args);
    if (rc < 0) {
        if (hs_cli_given(&args, "max-states") || hs_cli_given(&args, "max-ties"))
            hs_set_load_limits(hs_cli_given(&args, "max-states") ? (size_t)args.max_states : HS_DEFAULT_MAX_STATES,
                               hs_cli_given(&args, "max-ties") ? (size_t)args.max_ties : HS_DEFAULT_MAX_TIES);
        if (hs_cli_given(&args, "timeout")) hs_dot_helper_set_timeout((unsigned)args.timeout);
        hs_cli_locate_helper();
        rc = cmd->run(&args);
    }
    hs_cli_args_free(&args);
    return rc;
}
