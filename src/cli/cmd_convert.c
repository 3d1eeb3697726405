/* hubspoke convert: DOT <-> GraphML. */
#define _GNU_SOURCE
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"

static const char help[] =
    "NAME\n"
    "    hubspoke convert - convert an alliance graph between DOT and GraphML\n"
    "\n"
    "SYNOPSIS\n"
    "    hubspoke convert IN OUT [--from dot|graphml] [--to dot|graphml]\n"
    "\n"
    "DESCRIPTION\n"
    "    Reads IN and writes OUT in the format its extension names (.gv or .dot: DOT;\n"
    "    .graphml or .xml: GraphML). '-' is standard input or output: the input's\n"
    "    format is then taken from --from or the content, and the output's from --to,\n"
    "    else it is the other format than the input's. The file is checked against the\n"
    "    schema (docs/schema.md) on the way: a file that `info` refuses is not converted.\n"
    "    Everything in the schema survives a round trip, and attributes the schema does\n"
    "    not know are written back under their own names. DOT clusters are written back\n"
    "    as mechanism nodes with member edges, which load exactly the same.\n"
    "    OUT is written to a temporary file, flushed to disk and renamed, so a failure\n"
    "    or a kill never leaves a partial file. OUT may not be IN (the same file under\n"
    "    any name): hubspoke never writes to an input.\n"
    "\n"
    "OPTIONS\n"
    "    --from FORMAT   format of IN when its extension does not tell (dot or graphml)\n"
    "    --to FORMAT     format of OUT when its extension does not tell (dot or graphml)\n"
    HS_CLI_LOAD_OPTIONS_HELP
    "    --help          show this help\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke convert graphs/asia.gv asia.graphml\n"
    "    hubspoke convert asia.graphml - --to dot | dot -Tsvg > asia.svg\n";

static hs_format parse_format(const char *s) {
    return strcmp(s, "dot") == 0 ? HS_FORMAT_DOT : strcmp(s, "graphml") == 0 ? HS_FORMAT_GRAPHML : HS_FORMAT_UNKNOWN;
}

static int run(int argc, char **argv) {
    static const struct option options[] = {{"from", required_argument, NULL, 'f'},
                                            {"to", required_argument, NULL, 't'},
                                            {"help", no_argument, NULL, 'h'},
                                            HS_CLI_LOAD_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    hs_format from = HS_FORMAT_UNKNOWN, to = HS_FORMAT_UNKNOWN;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        if (c == 'h') return hs_cli_help(&hs_cmd_convert);
        if (c == ':') return hs_cli_usage_error("convert", "option '%s' needs a value", argv[optind - 1]);
        int rc = hs_cli_load_option("convert", c, optarg);
        if (rc >= 0) return rc;
        if (rc == -1) continue;
        if (c != 'f' && c != 't') return hs_cli_usage_error("convert", "unknown option '%s'", argv[optind - 1]);
        hs_format f = parse_format(optarg);
        if (f == HS_FORMAT_UNKNOWN)
            return hs_cli_usage_error("convert", "--%s '%s' is not dot or graphml", c == 'f' ? "from" : "to", optarg);
        *(c == 'f' ? &from : &to) = f;
    }
    if (argc - optind != 2) return hs_cli_usage_error("convert", "expected IN and OUT, got %d argument(s)", argc - optind);
    const char *in = argv[optind], *out = argv[optind + 1];
    int same = hs_cli_check_output("convert", out, &in, 1);
    if (same >= 0) return same;
    if (to == HS_FORMAT_UNKNOWN && strcmp(out, "-") != 0) {
        to = hs_format_from_path(out);
        if (to == HS_FORMAT_UNKNOWN)
            return hs_cli_usage_error("convert", "cannot tell the format of '%s' from its extension (use .gv, .dot or .graphml, or --to)", out);
    }
    if (from == HS_FORMAT_UNKNOWN) from = hs_format_from_path(in);
    hs_cli_locate_helper();
    hs_model *m = NULL;
    hs_error err = hs_model_read_file(in, from, NULL, &m);
    if (err) return hs_cli_fail(err);
    /* Only an output of '-' without --to gets here: convert means the other format. */
    if (to == HS_FORMAT_UNKNOWN) to = hs_model_format(m) == HS_FORMAT_DOT ? HS_FORMAT_GRAPHML : HS_FORMAT_DOT;
    err = hs_model_write_file(m, out, to);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

const hs_command hs_cmd_convert = {"convert", "convert between DOT and GraphML", run, help};
