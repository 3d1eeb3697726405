/* hubspoke import: the COW and ATOP alliance datasets and CSV edge lists as
 * alliance graphs. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"
#include "hubspoke/import.h"

/* The options of one kind of input that another was given. */
static int refuse_options(const hs_cli_args *args, const char *dataset, const char *const *names) {
    for (size_t i = 0; names[i]; i++) {
        if (hs_cli_given(args, names[i]))
            return hs_cli_usage_error("import", "--%s does not apply to %s", names[i], dataset);
    }
    return -1;
}

static int write_model(const hs_model *m, const char *out, hs_format to) {
    hs_error err = hs_model_write_file(m, out, to);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

/* import edges: the tables of an edge list, with every check of a file read. */
static int import_edges(const hs_cli_args *args, const char *in, const char *out, hs_format to) {
    static const char *const datasets_only[] = {"states", "types", "since", "until", "ids", "map", NULL};
    int rc = refuse_options(args, "edges", datasets_only);
    if (rc >= 0) return rc;
    hs_edgelist_options o;
    hs_edgelist_options_init(&o);
    o.files = (hs_edgelist_files){in, args->nodes, args->members, args->graph_table};
    if (args->directed) o.directed = 1;
    o.hub = args->hub;
    const char *inputs[] = {in, args->nodes, args->members, args->graph_table};
    int same = hs_cli_check_output("import", out, inputs, 4);
    if (same >= 0) return same;
    hs_diagnostics *d = NULL;
    hs_model *m = NULL;
    hs_error err = hs_diagnostics_new(&d);
    if (!err) err = hs_edgelist_read(&o, d, &m);
    if (!err && args->strict && hs_diagnostics_warning_count(d)) {
        hs_diagnostics_promote_warnings(d);
        err = HS_EINPUT;
    }
    if (d && (!err || hs_diagnostics_error_count(d))) {
        hs_cli_print_diagnostics(d, in, args->quiet);
        if (err) hs_cli_set_reported(1);
    }
    hs_diagnostics_destroy(d);
    rc = err ? hs_cli_fail(err) : write_model(m, out, to);
    hs_model_destroy(m);
    return rc;
}

static int run(const hs_cli_args *args) {
    hs_import_options o;
    hs_import_options_init(&o);
    const char *dataset = args->operands[0], *in = args->operands[1], *out = args->output;
    int edges = strcmp(dataset, "edges") == 0;
    if (strcmp(dataset, "cow") == 0)
        o.dataset = HS_DATASET_COW;
    else if (strcmp(dataset, "atop") == 0)
        o.dataset = HS_DATASET_ATOP;
    else if (!edges)
        return hs_cli_usage_error("import", "unknown dataset '%s' (cow, atop or edges)", dataset);
    if (!out) return hs_cli_usage_error("import", "-o OUT is required");
    hs_format to = hs_format_from_path(out);
    if (to == HS_FORMAT_UNKNOWN)
        return hs_cli_usage_error("import", "cannot tell the format of '%s' from its extension (use .graphml or .gv)",
                                  out);
    if (edges) return import_edges(args, in, out, to);
    static const char *const edges_only[] = {"nodes", "mechanisms", "graph", "directed", NULL};
    int refused = refuse_options(args, dataset, edges_only);
    if (refused >= 0) return refused;
    for (size_t i = 0; i < args->types.count; i++) {
        unsigned bit = hs_obligation_parse(args->types.items[i]);
        if (!bit)
            return hs_cli_usage_error("import",
                                      "--types: unknown obligation '%s' (defense, offense, neutrality, nonaggression, "
                                      "entente or consultation)",
                                      args->types.items[i]);
        if (bit & ~hs_dataset_obligations(o.dataset))
            return hs_cli_usage_error("import", "--types: %s does not code %s", dataset, args->types.items[i]);
        o.types |= bit;
    }
    for (size_t i = 0; i < args->map.count; i++) {
        unsigned bit = hs_atop_mapping_parse(args->map.items[i]);
        if (!bit) return hs_cli_usage_error("import", "--map: unknown mapping '%s' (direction or depth)", args->map.items[i]);
        o.mapping |= bit;
    }
    if (o.mapping && o.dataset != HS_DATASET_ATOP)
        return hs_cli_usage_error("import", "--map needs ATOP's provisions: import atop");
    o.states_file = args->states;
    o.hub = args->hub;
    o.ids = args->ids == 1 ? HS_IDS_ISO3 : HS_IDS_COW;
    if (hs_cli_given(args, "since")) o.since = args->since;
    if (hs_cli_given(args, "until")) o.until = args->until;
    if (o.since != HS_SINCE_OPEN && o.until != HS_UNTIL_OPEN && o.since >= o.until)
        return hs_cli_usage_error("import", "--since %d is not before --until %d", o.since, o.until);
    const char *inputs[] = {in, o.states_file};
    int same = hs_cli_check_output("import", out, inputs, 2);
    if (same >= 0) return same;
    hs_model *m = NULL;
    hs_import_notes notes;
    hs_error err = hs_import_file_notes(in, &o, &notes, &m);
    if (err) return hs_cli_fail(err);
    /* The checks of a file read, on what the dataset became. */
    hs_diagnostics *d = NULL;
    if (!(err = hs_diagnostics_new(&d))) err = hs_check_model(m, d);
    if (!err && args->strict && hs_diagnostics_warning_count(d)) hs_diagnostics_promote_warnings(d);
    if (!err) hs_cli_print_diagnostics(d, in, args->quiet);
    int rc = err ? hs_cli_fail(err) : hs_diagnostics_error_count(d) ? HS_EXIT_FAILURE : write_model(m, out, to);
    hs_diagnostics_destroy(d);
    hs_model_destroy(m);
    if (rc == HS_EXIT_OK) {
        /* What changes which years count is said, never done silently (docs/import.md). */
        if (notes.memberships_outside)
            fprintf(stderr,
                    "hubspoke import: note: %zu membership-years fall outside their states' COW spells (%zu memberships, "
                    "first: %s); they do not count\n",
                    notes.member_years_outside, notes.memberships_outside, notes.first_outside);
        if (notes.states_without_spells)
            fprintf(stderr, "hubspoke import: note: %zu states have no spell in %s; they count in every year\n",
                    notes.states_without_spells, o.states_file);
        if ((o.mapping & HS_MAP_DIRECTION) && notes.asymmetric_multilateral)
            fprintf(stderr,
                    "hubspoke import: note: %zu multilateral alliances have members that promise military support and "
                    "members that do not; their co-membership stays mutual\n",
                    notes.asymmetric_multilateral);
    }
    return rc;
}

static const char *const id_schemes[] = {"cow", "iso3", NULL};

static const hs_opt options[] = {
    HS_OPT_INCLUDE(hs_opts_output),
    {.type = HS_OPT_FILE,
     .name = "states",
     .value_name = "FILE",
     .help = "COW's state list (states2016.csv): ids are COW abbreviations (USA, UKG, RUS) and labels the state names; "
             "without it ids are COW<ccode> (COW2) and COW labels come from state_name",
     .offset = offsetof(hs_cli_args, states)},
    {.type = HS_OPT_IDS,
     .name = "types",
     .value_name = "LIST",
     .help = "keep the alliances with one of these obligations (comma-separated): defense, offense, neutrality, "
             "nonaggression, entente (cow), consultation (atop)",
     .offset = offsetof(hs_cli_args, types)},
    {.type = HS_OPT_YEAR,
     .name = "since",
     .value_name = "Y",
     .help = "keep the alliances in force in Y or later",
     .offset = offsetof(hs_cli_args, since)},
    {.type = HS_OPT_YEAR,
     .name = "until",
     .value_name = "Y",
     .help = "keep the alliances in force before Y",
     .offset = offsetof(hs_cli_args, until)},
    {.type = HS_OPT_ID,
     .name = "hub",
     .value_name = "ID",
     .help = "set the graph's hub (a state id of the output)",
     .offset = offsetof(hs_cli_args, hub)},
    {.type = HS_OPT_IDS,
     .name = "map",
     .value_name = "LIST",
     .help = "atop: turn the provisions into the schema's `depends` (direction: in a bilateral alliance only one side "
             "promises military support) and `weight` (depth: the kind's depth x (1 + Leeds and Anac's milinst) / 3); "
             "without it the provisions are attributes only (docs/import.md)",
     .offset = offsetof(hs_cli_args, map)},
    {.type = HS_OPT_FILE,
     .name = "nodes",
     .value_name = "NODES.csv",
     .help = "edges: the vertices' table (id, label, type, role, since, until, kind, scope, issue, weight, ...)",
     .offset = offsetof(hs_cli_args, nodes)},
    {.type = HS_OPT_FILE,
     .name = "mechanisms",
     .value_name = "MEMBERS.csv",
     .help = "edges: the memberships' table (mechanism, state, since, until, weight, ...)",
     .offset = offsetof(hs_cli_args, members)},
    {.type = HS_OPT_FILE,
     .name = "graph",
     .value_name = "GRAPH.csv",
     .help = "edges: the graph's table (attribute, value: directed, name, hub, period, ...)",
     .offset = offsetof(hs_cli_args, graph_table)},
    {.type = HS_OPT_FLAG,
     .name = "directed",
     .help = "edges: a digraph (a -> b: a depends on b), whatever GRAPH.csv says",
     .offset = offsetof(hs_cli_args, directed)},
    HS_OPT_INCLUDE(hs_opts_checks),
    {.type = HS_OPT_CHOICE,
     .name = "ids",
     .value_name = "SCHEME",
     .help =
         "cow (default) or iso3: ISO 3166-1 alpha-3 ids where a COW code maps to one unambiguously; other states keep "
         "their COW ids",
     .offset = offsetof(hs_cli_args, ids),
     .choices = id_schemes},
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"a dataset (cow, atop or edges)", "FILE.csv", NULL};

const hs_command hs_cmd_import = {
    "import",
    "import the COW or ATOP alliance data, or a CSV edge list",
    "cow|atop FILE.csv -o OUT.graphml|OUT.gv [OPTIONS]\n"
    "edges EDGES.csv [--nodes NODES.csv] [--mechanisms MEMBERS.csv] [--graph GRAPH.csv] -o OUT [OPTIONS]",
    "    Reads the Correlates of War Formal Alliances v4.1 by-member file (cow:\n"
    "    alliance_v4.1_by_member.csv) or an ATOP 4.01 or 5.x member-level file (atop:\n"
    "    atop5_1m.csv ...) and writes the alliance graph in the hubspoke schema\n"
    "    (docs/schema.md), as GraphML or DOT by OUT's extension. An alliance of two\n"
    "    states becomes a tie (one per overlapping pair of their membership spells);\n"
    "    an alliance of three or more becomes a mechanism vertex (cow_ID, atop_ID) with\n"
    "    a member edge per membership spell. Defense and offense obligations make a\n"
    "    treaty, neutrality and non-aggression a partnership, entente and consultation\n"
    "    a dialogue (the deepest obligation wins). The mapping, the columns read and\n"
    "    where to download and how to cite the data: docs/import.md.\n"
    "    edges reads an edge list kept in a spreadsheet: CSV tables whose columns are\n"
    "    named by the schema's attributes (EDGES.csv: source, target, kind, since,\n"
    "    until, weight, citation, label; from/to for source/target; headers in any\n"
    "    case; other columns are kept as attributes), with every check of a file read:\n"
    "    all the errors of all the tables, each with its file and row line, stop it;\n"
    "    warnings go to standard error (--quiet hides them). 'hubspoke export edges'\n"
    "    writes the same tables. docs/import.md (\"Edge lists\").\n"
    "    OUT is written to a temporary file and renamed, so a failure never leaves a\n"
    "    partial file.\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke import cow alliance_v4.1_by_member.csv --states states2016.csv -o cow.graphml\n"
    "    hubspoke import atop atop5_1m.csv --types defense,offense --since 1945 -o atop.gv\n"
    "    hubspoke import edges ties.csv --nodes states.csv --mechanisms members.csv -o system.gv\n"
    "    hubspoke import atop atop4_01m.csv --ids iso3 --map direction,depth -o atop.graphml\n",
    operands,
    2,
    2,
    run};
