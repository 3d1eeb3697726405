/* hubspoke export: a graph as the CSV tables of an edge list (edgelist.h). */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"

static int run(const hs_cli_args *args) {
    const char *table = args->operands[0], *in = args->operands[1];
    if (strcmp(table, "edges") != 0) return hs_cli_usage_error("export", "unknown table '%s' (edges)", table);
    if (!args->output) return hs_cli_usage_error("export", "-o EDGES.csv is required");
    hs_edgelist_files files = {args->output, args->nodes, args->members, args->graph_table};
    const char *outs[] = {files.edges, files.nodes, files.mechanisms, files.graph};
    for (int i = 0; i < 4; i++) {
        if (!outs[i]) continue;
        if (strcmp(outs[i], "-") == 0) return hs_cli_usage_error("export", "the tables are files: '-' cannot name one");
        int same = hs_cli_check_output("export", outs[i], &in, 1);
        if (same >= 0) return same;
    }
    hs_model *m = NULL;
    hs_error err = hs_cli_read_checked(in, HS_FORMAT_UNKNOWN, args->quiet, args->strict, &m);
    if (err) return hs_cli_fail(err);
    hs_diagnostics *d = NULL;
    if (!(err = hs_diagnostics_new(&d))) err = hs_edgelist_write(m, &files, d);
    if (!err) hs_cli_print_diagnostics(d, files.edges, args->quiet);
    hs_diagnostics_destroy(d);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const hs_opt options[] = {
    {.type = HS_OPT_FILE,
     .name = "output",
     .alias = 'o',
     .value_name = "EDGES.csv",
     .help = "the ties' table (memberships too, as kind=member rows, without --mechanisms)",
     .offset = offsetof(hs_cli_args, output)},
    {.type = HS_OPT_FILE,
     .name = "nodes",
     .value_name = "NODES.csv",
     .help = "the vertices' table: ids and the attributes of states and mechanisms",
     .offset = offsetof(hs_cli_args, nodes)},
    {.type = HS_OPT_FILE,
     .name = "mechanisms",
     .value_name = "MEMBERS.csv",
     .help = "the memberships' table: mechanism, state and the member edges' attributes",
     .offset = offsetof(hs_cli_args, members)},
    {.type = HS_OPT_FILE,
     .name = "graph",
     .value_name = "GRAPH.csv",
     .help = "the graph's table: directed, name, hub, period and other graph attributes",
     .offset = offsetof(hs_cli_args, graph_table)},
    HS_OPT_INCLUDE(hs_opts_limits),
    HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"a table (edges)", "FILE", NULL};

const hs_command hs_cmd_export = {
    "export",
    "write a graph as CSV tables (an edge list)",
    "edges FILE -o EDGES.csv [--nodes NODES.csv] [--mechanisms MEMBERS.csv] [--graph GRAPH.csv] [OPTIONS]",
    "    Writes FILE (DOT or GraphML) as the CSV tables that 'hubspoke import edges'\n"
    "    reads, with the same columns, so that the one command undoes the other: the\n"
    "    ties (source, target, kind, since, until, weight, citation, label, and every\n"
    "    other attribute as a column of its own), and with the options the vertices,\n"
    "    the memberships of mechanisms and the graph's own attributes. What a table\n"
    "    that was not asked for would have held is left out, with a warning for each\n"
    "    thing left out (--quiet hides them). Each table is written to a temporary file\n"
    "    and renamed. The columns: docs/import.md (\"Edge lists\").\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input (FILE, or an attribute whose name is a column of its\n"
    "    table) or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke export edges graphs/asia-pacific.gv -o edges.csv --nodes nodes.csv \\\n"
    "        --mechanisms members.csv --graph graph.csv\n"
    "    hubspoke import edges edges.csv --nodes nodes.csv --mechanisms members.csv \\\n"
    "        --graph graph.csv -o asia-pacific.graphml\n",
    operands,
    2,
    2,
    run};
