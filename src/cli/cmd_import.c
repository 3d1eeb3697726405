/* hubspoke import: the COW and ATOP alliance datasets as alliance graphs. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hubspoke/import.h"

static const char help[] =
    "NAME\n"
    "    hubspoke import - read the COW or ATOP alliance data into an alliance graph\n"
    "\n"
    "SYNOPSIS\n"
    "    hubspoke import cow|atop FILE.csv -o OUT.graphml|OUT.gv [--states STATES.csv]\n"
    "                    [--types LIST] [--since Y] [--until Y] [--hub ID] [--ids cow|iso3]\n"
    "\n"
    "DESCRIPTION\n"
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
    "    partial file.\n"
    "\n"
    "OPTIONS\n"
    "    -o, --output OUT  the file to write (.graphml, .xml, .gv or .dot)\n"
    "    --states FILE     COW's state list (states2016.csv): ids are COW abbreviations\n"
    "                      (USA, UKG, RUS) and labels the state names; without it ids\n"
    "                      are COW<ccode> (COW2) and COW labels come from state_name\n"
    "    --types LIST      keep the alliances with one of these obligations (comma-\n"
    "                      separated): defense, offense, neutrality, nonaggression,\n"
    "                      entente (cow), consultation (atop)\n"
    "    --since Y         keep the alliances in force in Y or later\n"
    "    --until Y         keep the alliances in force before Y\n"
    "    --hub ID          set the graph's hub (a state id of the output)\n"
    "    --ids cow|iso3    iso3: ISO 3166-1 alpha-3 ids where a COW code maps to one\n"
    "                      unambiguously; other states keep their COW ids\n"
    "    --help            show this help\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input or a write failure, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke import cow alliance_v4.1_by_member.csv --states states2016.csv -o cow.graphml\n"
    "    hubspoke import atop atop5_1m.csv --types defense,offense --since 1945 -o atop.gv\n";

/* "defense,offense" -> bits; 0 after printing a usage error. */
static int parse_types(const char *list, unsigned *types) {
    char *copy = strdup(list), *save = NULL;
    if (!copy) return 0;
    *types = 0;
    int ok = 1;
    for (char *t = strtok_r(copy, ",", &save); t && ok; t = strtok_r(NULL, ",", &save)) {
        unsigned bit = hs_obligation_parse(t);
        if (!bit) {
            hs_cli_usage_error("import", "--types: unknown obligation '%s' (defense, offense, neutrality, "
                                         "nonaggression, entente or consultation)", t);
            ok = 0;
        }
        *types |= bit;
    }
    free(copy);
    if (ok && !*types) {
        hs_cli_usage_error("import", "--types needs at least one obligation");
        ok = 0;
    }
    return ok;
}

static int run(int argc, char **argv) {
    static const struct option options[] = {{"output", required_argument, NULL, 'o'},
                                            {"states", required_argument, NULL, 's'},
                                            {"types", required_argument, NULL, 't'},
                                            {"since", required_argument, NULL, 'S'},
                                            {"until", required_argument, NULL, 'U'},
                                            {"hub", required_argument, NULL, 'H'},
                                            {"ids", required_argument, NULL, 'i'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    hs_import_options o;
    hs_import_options_init(&o);
    const char *out = NULL;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":ho:", options, NULL)) != -1) {
        switch (c) {
        case 'h':
            return hs_cli_help(&hs_cmd_import);
        case 'o':
            out = optarg;
            break;
        case 's':
            o.states_file = optarg;
            break;
        case 't':
            if (!parse_types(optarg, &o.types)) return HS_EXIT_USAGE;
            break;
        case 'S':
        case 'U':
            if (!hs_cli_parse_year(optarg, c == 'S' ? &o.since : &o.until))
                return hs_cli_usage_error("import", "--%s '%s' is not a year in [%d, %d]", c == 'S' ? "since" : "until",
                                          optarg, HS_YEAR_FIRST, HS_YEAR_LAST);
            break;
        case 'H':
            if (!optarg[0]) return hs_cli_usage_error("import", "--hub needs a state id");
            o.hub = optarg;
            break;
        case 'i':
            if (strcmp(optarg, "cow") == 0) o.ids = HS_IDS_COW;
            else if (strcmp(optarg, "iso3") == 0) o.ids = HS_IDS_ISO3;
            else return hs_cli_usage_error("import", "--ids '%s' is not cow or iso3", optarg);
            break;
        case ':':
            return hs_cli_usage_error("import", "option '%s' needs a value", argv[optind - 1]);
        default:
            return hs_cli_usage_error("import", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (argc - optind != 2)
        return hs_cli_usage_error("import", "expected a dataset (cow or atop) and FILE.csv, got %d argument(s)",
                                  argc - optind);
    const char *dataset = argv[optind], *in = argv[optind + 1];
    if (strcmp(dataset, "cow") == 0) o.dataset = HS_DATASET_COW;
    else if (strcmp(dataset, "atop") == 0) o.dataset = HS_DATASET_ATOP;
    else return hs_cli_usage_error("import", "unknown dataset '%s' (cow or atop)", dataset);
    if (o.types & ~hs_dataset_obligations(o.dataset))
        return hs_cli_usage_error("import", "--types: %s does not code %s", dataset,
                                  (o.types & ~hs_dataset_obligations(o.dataset)) & HS_OBLIG_OFFENSE ? "offense"
                                  : (o.types & ~hs_dataset_obligations(o.dataset)) & HS_OBLIG_ENTENTE ? "entente"
                                                                                                       : "consultation");
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

const hs_command hs_cmd_import = {"import", "import the COW or ATOP alliance data", run, help};
