/* hubspoke render and evolve: the figure of one year, and of several years
 * side by side on one layout. */
#include <stddef.h>

#include "cli/cli.h"
#include "hubspoke/render.h"

#define MAX_PANELS 64

/* render and evolve: both thin over hs_render_file. */
static int figure_run(const hs_cli_args *args, int evolve) {
    const char *name = evolve ? "evolve" : "render";
    if (args->focus.count && args->mechanism)
        return hs_cli_usage_error(name, "--focus and --mechanism exclude each other");
    if (evolve && !args->years.count) return hs_cli_usage_error(name, "missing --years Y1,Y2,...");
    if (!args->output) return hs_cli_usage_error(name, "missing -o OUT");
    if (hs_render_format_from_path(args->output) == HS_RENDER_UNKNOWN)
        return hs_cli_usage_error(name, "'%s': the extension names no format (.svg, .png, .pdf, .gv)", args->output);
    int rc = hs_cli_check_output(name, args->output, (const char *const *)args->operands, 1);
    if (rc >= 0) return rc;
    hs_render_options ro;
    hs_render_options_init(&ro);
    ro.hub = args->hub;
    ro.engine = hs_engine_names[args->engine];
    ro.focus = (const char *const *)args->focus.items;
    ro.focus_count = args->focus.count;
    ro.mechanism = args->mechanism;
    ro.ghosts = args->ghosts;
    ro.title = args->title;
    int year = args->year;
    const int *years = evolve ? args->years.years : &year;
    size_t nyears = evolve ? args->years.count : hs_cli_given(args, "year") ? 1 : 0;
    hs_model *model = NULL;
    hs_codebook *cb = NULL;
    hs_error err = hs_cli_open_model(args, &model, &cb);
    ro.codebook = cb;
    if (!err) err = hs_render_file(model, years, nyears, &ro, args->output);
    hs_codebook_destroy(cb);
    hs_model_destroy(model);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static int run_render(const hs_cli_args *args) { return figure_run(args, 0); }
static int run_evolve(const hs_cli_args *args) { return figure_run(args, 1); }

static const hs_opt drawing[] = {{.type = HS_OPT_CHOICE,
                                  .name = "engine",
                                  .value_name = "E",
                                  .help = "layout of the union of the panels: neato (default), fdp, dot or circo",
                                  .offset = offsetof(hs_cli_args, engine),
                                  .choices = hs_engine_names},
                                 {.type = HS_OPT_ID,
                                  .name = "mechanism",
                                  .value_name = "ID",
                                  .help = "draw only the members of mechanism ID (as --focus)",
                                  .offset = offsetof(hs_cli_args, mechanism)},
                                 {.type = HS_OPT_TEXT,
                                  .name = "title",
                                  .value_name = "TEXT",
                                  .help = "the figure's title (default: the graph's name and the years)",
                                  .offset = offsetof(hs_cli_args, title)},
                                 HS_OPT_LAST};

static const hs_opt render_options[] = {HS_OPT_INCLUDE(hs_opts_year),
                                        HS_OPT_INCLUDE(hs_opts_view),
                                        HS_OPT_INCLUDE(drawing),
                                        HS_OPT_INCLUDE(hs_opts_output),
                                        HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
                                        HS_OPT_INCLUDE(hs_opts_help),
                                        HS_OPT_LAST};

static const hs_opt evolve_options[] = {
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "LIST",
     .help = "the panels' years, in the order drawn: years and ranges A:B[:STEP] separated by commas (at most 64)",
     .offset = offsetof(hs_cli_args, years),
     .max = MAX_PANELS},
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(drawing),
    {.type = HS_OPT_FLAG,
     .name = "ghosts",
     .help = "draw inactive states, ties and mechanisms faintly",
     .offset = offsetof(hs_cli_args, ghosts)},
    HS_OPT_INCLUDE(hs_opts_output),
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_render = {
    "render",
    "draw the system of one year (svg, png, pdf, styled DOT)",
    "FILE -o OUT [OPTIONS]",
    "    Draws the system of FILE in year Y (every element of the file when --year is\n"
    "    absent): roles as node styles, tie kinds as line styles, mechanisms as shaded\n"
    "    surfaces joining their members, a legend, and a caption with the year and the\n"
    "    indices K, U and C (docs/metrics.md). The encoding is in docs/render.md.\n"
    "    OUT's extension gives the format: .svg, .png, .pdf, or .gv/.dot for the styled\n"
    "    DOT itself, with its positions (any Graphviz program redraws it as it is).\n"
    "    Graphviz runs in the hubspoke-dot helper (docs/dot-helper.md). OUT is written\n"
    "    whole or not at all.\n",
    render_options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input, nothing to draw, or the helper failed, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke render graphs/asia-pacific.gv --year 2023 -o asia-2023.svg\n"
    "    hubspoke render graphs/asia-pacific.gv --year 1960 --engine circo -o asia-1960.pdf\n",
    operands,
    1,
    1,
    run_render};

const hs_command hs_cmd_evolve = {
    "evolve",
    "draw several years side by side on one layout",
    "FILE --years LIST -o OUT [OPTIONS]",
    "    One figure with one panel per year, at most four to a row (small multiples), each\n"
    "    drawn as `hubspoke render` draws one year and captioned with the year and the\n"
    "    indices K, U and C. One layout is computed for the union of all the panels\n"
    "    and every state sits at the same place in every panel. Elements not active\n"
    "    in a panel's year are left out, or drawn as faint ghosts with --ghosts.\n"
    "    OUT is .svg, .png, .pdf, or .gv/.dot (the styled DOT); see docs/render.md.\n",
    evolve_options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input, nothing to draw in a year, or the helper failed,\n"
    "    2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 1953,1999,2014,2016,2019,2023 \\\n"
    "        --focus USA,JPN,KOR -o us-japan-rok.svg\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 1950:1990:10 -o asia-decades.svg\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 2007,2009,2017,2021 --mechanism Quad -o quad.pdf\n",
    operands,
    1,
    1,
    run_evolve};
