/* hubspoke convert: DOT <-> GraphML. */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"

static const char *const formats[] = {"dot", "graphml", NULL};

static hs_format format_of(const hs_cli_args *args, const char *name, int value) {
    if (!hs_cli_given(args, name)) return HS_FORMAT_UNKNOWN;
    return value == 0 ? HS_FORMAT_DOT : HS_FORMAT_GRAPHML;
}

static int run(const hs_cli_args *args) {
    hs_format from = format_of(args, "from", args->from), to = format_of(args, "to", args->to);
    const char *in = args->operands[0], *out = args->operands[1];
    int same = hs_cli_check_output("convert", out, &in, 1);
    if (same >= 0) return same;
    if (to == HS_FORMAT_UNKNOWN && strcmp(out, "-") != 0) {
        to = hs_format_from_path(out);
        if (to == HS_FORMAT_UNKNOWN)
            return hs_cli_usage_error(
                "convert", "cannot tell the format of '%s' from its extension (use .gv, .dot or .graphml, or --to)",
                out);
    }
    if (from == HS_FORMAT_UNKNOWN) from = hs_format_from_path(in);
    hs_model *m = NULL;
    hs_error err = hs_cli_read_checked(in, from, args->quiet, args->strict, &m);
    if (err) return hs_cli_fail(err);
    /* Only an output of '-' without --to gets here: convert means the other format. */
    if (to == HS_FORMAT_UNKNOWN) to = hs_model_format(m) == HS_FORMAT_DOT ? HS_FORMAT_GRAPHML : HS_FORMAT_DOT;
    err = hs_model_write_file(m, out, to);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const hs_opt options[] = {{.type = HS_OPT_CHOICE,
                                  .name = "from",
                                  .value_name = "FORMAT",
                                  .help = "format of IN when its extension does not tell: dot or graphml",
                                  .offset = offsetof(hs_cli_args, from),
                                  .choices = formats},
                                 {.type = HS_OPT_CHOICE,
                                  .name = "to",
                                  .value_name = "FORMAT",
                                  .help = "format of OUT when its extension does not tell: dot or graphml",
                                  .offset = offsetof(hs_cli_args, to),
                                  .choices = formats},
                                 HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
                                 HS_OPT_INCLUDE(hs_opts_help),
                                 HS_OPT_LAST};

static const char *const operands[] = {"IN", "OUT", NULL};

const hs_command hs_cmd_convert = {
    "convert",
    "convert between DOT and GraphML",
    "IN OUT [OPTIONS]",
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
    "    any name): hubspoke never writes to an input.\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke convert graphs/asia-pacific.gv asia.graphml\n"
    "    hubspoke convert asia.graphml - --to dot | dot -Tsvg > asia.svg\n",
    operands,
    2,
    2,
    run};
