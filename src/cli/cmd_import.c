/* hubspoke import: the COW and ATOP alliance datasets as alliance graphs. */
#include <stddef.h>
#include <string.h>

#include "cli/cli.h"
#include "hubspoke/import.h"


static int run(const hs_cli_args *args) {
    hs_import_options o;
    hs_import_options_init(&o);
    const char *dataset = args->operands[0], *in = args->operands[1], *out = args->output;
    if (strcmp(dataset, "cow") == 0) o.dataset = HS_DATASET_COW;
    else if (strcmp(dataset, "atop") == 0) o.dataset = HS_DATASET_ATOP;
    else return hs_cli_usage_error("import", "unknown dataset '%s' (cow or atop)", dataset);
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
    o.states_file = args->states;
    o.hub = args->hub;
    o.ids = args->ids == 1 ? HS_IDS_ISO3 : HS_IDS_COW;
    if (hs_cli_given(args, "since")) o.since = args->since;
    if (hs_cli_given(args, "until")) o.until = args->until;
    if (o.since != HS_SINCE_OPEN && o.until != HS_UNTIL_OPEN && o.since >= o.until)
        return hs_cli_usage_error("import", "--since %d is not before --until %d", o.since, o.until);
    if (!out) return hs_cli_usage_error("import", "-o OUT is required");
    const char *inputs[] = {in, o.states_file};
    int same = hs_cli_check_output("import", out, inputs, 2);
    if (same >= 0) return same;
    hs_format to = hs_format_from_path(out);
    if (to == HS_FORMAT_UNKNOWN)
        return hs_cli_usage_error("import", "cannot tell the format of '%s' from its extension (use .graphml or .gv)",
                                  out);
    hs_model *m = NULL;
    hs_error err = hs_import_file(in, &o, &m);
    if (err) return hs_cli_fail(err);
    err = hs_model_write_file(m, out, to);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const char *const id_schemes[] = {"cow", "iso3", NULL};

static const hs_opt options[] = {
    HS_OPT_INCLUDE(hs_opts_output),
    {.type = HS_OPT_FILE, .name = "states", .value_name = "FILE", .help = "COW's state list (states2016.csv): ids are COW abbreviations (USA, UKG, RUS) and labels the state names; "
     "without it ids are COW<ccode> (COW2) and COW labels come from state_name", .offset = offsetof(hs_cli_args, states)},
    {.type = HS_OPT_IDS, .name = "types", .value_name = "LIST", .help = "keep the alliances with one of these obligations (comma-separated): defense, offense, neutrality, "
     "nonaggression, entente (cow), consultation (atop)", .offset = offsetof(hs_cli_args, types)},
    {.type = HS_OPT_YEAR, .name = "since", .value_name = "Y", .help = "keep the alliances in force in Y or later", .offset = offsetof(hs_cli_args, since)},
    {.type = HS_OPT_YEAR, .name = "until", .value_name = "Y", .help = "keep the alliances in force before Y", .offset = offsetof(hs_cli_args, until)},
    {.type = HS_OPT_ID, .name = "hub", .value_name = "ID", .help = "set the graph's hub (a state id of the output)", .offset = offsetof(hs_cli_args, hub)},
    {.type = HS_OPT_CHOICE, .name = "ids", .value_name = "SCHEME", .help = "cow (default) or iso3: ISO 3166-1 alpha-3 ids where a COW code maps to one unambiguously; other states keep "
     "their COW ids", .offset = offsetof(hs_cli_args, ids), .choices = id_schemes},
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"a dataset (cow or atop)", "FILE.csv", NULL};

const hs_command hs_cmd_import = {
    "import",
    "import the COW or ATOP alliance data",
    "cow|atop FILE.csv -o OUT.graphml|OUT.gv [OPTIONS]",
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
    "    OUT is written to a temporary file and renamed, so a failure never leaves a\n"
    "    partial file.\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke import cow alliance_v4.1_by_member.csv --states states2016.csv -o cow.graphml\n"
    "    hubspoke import atop atop5_1m.csv --types defense,offense --since 1945 -o atop.gv\n",
    operands,
    2,
    2,
    run};
