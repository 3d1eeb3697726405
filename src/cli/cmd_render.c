/* hubspoke render: the figure of one year. Also the option parsing that
 * evolve (cmd_evolve.c) shares: both are thin over hs_render_file. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hubspoke/render.h"

static const char render_help[] =
    "NAME\n"
    "    hubspoke render - draw an alliance system with Graphviz\n"
    "\n"
    "SYNOPSIS\n"
    "    hubspoke render FILE [--year Y] [--hub ID] [--engine neato|fdp|dot|circo]\n"
    "                    [--focus ID,ID,...] [--mechanism ID] [--title TEXT] -o OUT\n"
    "\n"
    "DESCRIPTION\n"
    "    Draws the system of FILE in year Y (every element of the file when --year is\n"
    "    absent): roles as node styles, tie kinds as line styles, mechanisms as shaded\n"
    "    surfaces joining their members, a legend, and a caption with the year and the\n"
    "    indices K, U and C (docs/metrics.md). The encoding is in docs/render.md.\n"
    "    OUT's extension gives the format: .svg, .png, .pdf, or .gv/.dot for the styled\n"
    "    DOT itself, with its positions (any Graphviz program redraws it as it is).\n"
    "    Graphviz runs in the hubspoke-dot helper (docs/dot-helper.md). OUT is written\n"
    "    whole or not at all.\n"
    "\n"
    "OPTIONS\n"
    "    --year Y          draw year Y: elements with since <= Y < until\n"
    "    --hub ID          take state ID as the hub instead of inferring it\n"
    "    --engine E        Graphviz layout: neato (default), fdp, dot or circo\n"
    "    --focus IDS       draw only these states, and the mechanisms all of whose\n"
    "                      members are among them\n"
    "    --mechanism ID    draw only the members of mechanism ID (as --focus)\n"
    "    --title TEXT      the figure's title (default: the graph's name and year)\n"
    "    -o, --output OUT  the file to write\n"
    HS_CLI_LOAD_OPTIONS_HELP
    "    --help            show this help\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, nothing to draw, or the helper failed, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke render graphs/asia-pacific.gv --year 2023 -o asia-2023.svg\n"
    "    hubspoke render graphs/asia-pacific.gv --year 1960 --engine circo -o asia-1960.pdf\n";

#define MAX_PANELS 64

int hs_cli_figure_run(const hs_command *cmd, int evolve, int argc, char **argv) {
    static const struct option options[] = {{"year", required_argument, NULL, 'y'},
                                            {"years", required_argument, NULL, 'Y'},
                                            {"hub", required_argument, NULL, 'H'},
                                            {"engine", required_argument, NULL, 'e'},
                                            {"focus", required_argument, NULL, 'f'},
                                            {"mechanism", required_argument, NULL, 'm'},
                                            {"ghosts", no_argument, NULL, 'g'},
                                            {"title", required_argument, NULL, 't'},
                                            {"output", required_argument, NULL, 'o'},
                                            {"help", no_argument, NULL, 'h'},
                                            HS_CLI_LOAD_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    hs_render_options ro;
    hs_render_options_init(&ro);
    int years[MAX_PANELS];
    size_t nyears = 0;
    char **focus = NULL;
    char *years_text = NULL, *focus_text = NULL;
    const char *out = NULL;
    int rc = -1;
    opterr = 0;
    optind = 1;
    int c, li = -1;
    while (rc < 0 && (c = getopt_long(argc, argv, ":ho:", options, &li)) != -1) {
        const char *opt = argv[optind - 1];
        /* --year is render's, --years and --ghosts are evolve's. */
        if ((c == 'y' && evolve) || ((c == 'Y' || c == 'g') && !evolve)) {
            rc = hs_cli_usage_error(cmd->name, "unknown option '--%s'", options[li].name);
            break;
        }
        switch (c) {
        case 'y':
            if (!hs_cli_parse_year(optarg, &years[0]))
                rc = hs_cli_usage_error(cmd->name, "--year '%s' is not a year in [%d, %d]", optarg, HS_YEAR_FIRST,
                                        HS_YEAR_LAST);
            nyears = 1;
            break;
        case 'Y': {
            free(years_text);
            years_text = strdup(optarg);
            char **items = NULL;
            long n = years_text ? hs_cli_split_list(years_text, &items) : -2;
            if (n > MAX_PANELS) n = -1;
            if (n < 0) {
                free(items);
                rc = hs_cli_usage_error(cmd->name, "--years '%s' is not a list of at most %d years Y1,Y2,...", optarg,
                                        MAX_PANELS);
                break;
            }
            for (long i = 0; i < n && rc < 0; i++) {
                if (!hs_cli_parse_year(items[i], &years[i]))
                    rc = hs_cli_usage_error(cmd->name, "--years: '%s' is not a year in [%d, %d]", items[i],
                                            HS_YEAR_FIRST, HS_YEAR_LAST);
            }
            nyears = (size_t)n;
            free(items);
            break;
        }
        case 'H':
            if (!optarg[0]) rc = hs_cli_usage_error(cmd->name, "--hub needs a state id");
            ro.hub = optarg;
            break;
        case 'e':
            if (!hs_render_engine_known(optarg))
                rc = hs_cli_usage_error(cmd->name, "--engine '%s' is not one of neato, fdp, dot, circo", optarg);
            ro.engine = optarg;
            break;
        case 'f': {
            free(focus_text);
            focus_text = strdup(optarg);
            free(focus);
            focus = NULL;
            long n = focus_text ? hs_cli_split_list(focus_text, &focus) : -2;
            if (n < 0) rc = hs_cli_usage_error(cmd->name, "--focus needs state ids separated by commas");
            ro.focus = (const char *const *)focus;
            ro.focus_count = n < 0 ? 0 : (size_t)n;
            break;
        }
        case 'm':
            if (!optarg[0]) rc = hs_cli_usage_error(cmd->name, "--mechanism needs a mechanism id");
            ro.mechanism = optarg;
            break;
        case 'g':
            ro.ghosts = 1;
            break;
        case 't':
            ro.title = optarg;
            break;
        case 'o':
            if (!optarg[0]) rc = hs_cli_usage_error(cmd->name, "-o needs a file name");
            out = optarg;
            break;
        case 'h':
            rc = hs_cli_help(cmd);
            break;
        case ':':
            rc = hs_cli_usage_error(cmd->name, "option '%s' needs a value", opt);
            break;
        case HS_OPT_MAX_STATES:
        case HS_OPT_MAX_TIES:
        case HS_OPT_TIMEOUT:
            if (hs_cli_load_option(cmd->name, c, optarg) >= 0) rc = HS_EXIT_USAGE;
            break;
        default:
            rc = hs_cli_usage_error(cmd->name, "unknown option '%s'", opt);
        }
    }
    if (rc < 0 && ro.focus && ro.mechanism) rc = hs_cli_usage_error(cmd->name, "--focus and --mechanism exclude each other");
    if (rc < 0 && optind >= argc) rc = hs_cli_usage_error(cmd->name, "missing FILE");
    if (rc < 0 && optind + 1 < argc) rc = hs_cli_usage_error(cmd->name, "unexpected argument '%s'", argv[optind + 1]);
    if (rc < 0 && evolve && nyears == 0) rc = hs_cli_usage_error(cmd->name, "missing --years Y1,Y2,...");
    if (rc < 0 && !out) rc = hs_cli_usage_error(cmd->name, "missing -o OUT");
    if (rc < 0 && hs_render_format_from_path(out) == HS_RENDER_UNKNOWN)
        rc = hs_cli_usage_error(cmd->name, "'%s': the extension names no format (.svg, .png, .pdf, .gv)", out);
    if (rc < 0) rc = hs_cli_check_output(cmd->name, out, (const char *const *)&argv[optind], 1);
    if (rc < 0) {
        hs_model *model = NULL;
        hs_cli_locate_helper();
        hs_error err = hs_model_read_file(argv[optind], HS_FORMAT_UNKNOWN, NULL, &model);
        if (!err) err = hs_render_file(model, years, nyears, &ro, out);
        rc = err ? hs_cli_fail(err) : HS_EXIT_OK;
        hs_model_destroy(model);
    }
    free(years_text);
    free(focus_text);
    free(focus);
    return rc;
}

static int run_render(int argc, char **argv) { return hs_cli_figure_run(&hs_cmd_render, 0, argc, argv); }

const hs_command hs_cmd_render = {"render", "draw the system of one year (svg, png, pdf, styled DOT)", run_render,
                                  render_help};
