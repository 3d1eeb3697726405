/* hubspoke render and evolve: the figure of one year, and of several years
 * side by side on one layout. */
#include <stddef.h>

#include "cli/cli.h"
#include "hubspoke/render.h"

#define MAX_PANELS 64

void hs_cli_render_options(const hs_cli_args *args, hs_render_options *ro) {
    hs_render_options_init(ro);
    ro->hub = args->hub;
    ro->engine = hs_engine_names[args->engine];
    ro->focus = (const char *const *)args->focus.items;
    ro->focus_count = args->focus.count;
    ro->mechanism = args->mechanism;
    ro->ghosts = args->ghosts;
    ro->title = args->title;
    ro->width = args->width;
    ro->font_size = args->font_size;
    ro->labels = (hs_render_labels)args->labels;
    ro->mechanisms = (hs_render_mechanisms)args->mechanisms;
    ro->greyscale = args->greyscale;
    ro->rows = args->grid.rows;
    ro->cols = args->grid.cols;
    ro->dpi = args->dpi;
    ro->layout_years = args->layout_years.years;
    ro->layout_year_count = args->layout_years.count;
}

/* render and evolve: both thin over hs_render_file. */
static int figure_run(const hs_cli_args *args, int evolve) {
    const char *name = evolve ? "evolve" : "render";
    if (args->focus.count && args->mechanism)
        return hs_cli_usage_error(name, "--focus and --mechanism exclude each other");
    if (evolve && !args->years.count) return hs_cli_usage_error(name, "missing --years Y1,Y2,...");
    if (!args->output) return hs_cli_usage_error(name, "missing -o OUT");
    if (hs_render_format_from_path(args->output) == HS_RENDER_UNKNOWN)
        return hs_cli_usage_error(name, "'%s': the extension names no format (.svg, .png, .pdf, .gv)", args->output);
    int year = args->year;
    const int *years = evolve ? args->years.years : &year;
    size_t nyears = evolve ? args->years.count : hs_cli_given(args, "year") ? 1 : 0;
    size_t npanels = nyears ? nyears : 1;
    if (args->grid.rows && args->grid.rows * args->grid.cols < npanels)
        return hs_cli_usage_error(name, "--grid %zux%zu has room for %zu panels, not %zu", args->grid.rows,
                                  args->grid.cols, args->grid.rows * args->grid.cols, npanels);
    if (args->grid.rows && (args->grid.rows - 1) * args->grid.cols >= npanels)
        return hs_cli_usage_error(name, "--grid %zux%zu leaves its last row empty with %zu panels", args->grid.rows,
                                  args->grid.cols, npanels);
    int rc = hs_cli_check_output(name, args->output, (const char *const *)args->operands, 1);
    if (rc >= 0) return rc;
    hs_render_options ro;
    hs_cli_render_options(args, &ro);
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

static const char *const label_names[] = {"id", "name", "none", NULL};
static const char *const mechanism_names[] = {"auto", "nodes", "surfaces", NULL};

/* How a figure is drawn: render, evolve and report (docs/render.md, "Options"). */
const hs_opt hs_opts_figure[] = {
    {.type = HS_OPT_LENGTH,
     .name = "width",
     .value_name = "LENGTH",
     .help = "the figure's width, e.g. 6.5in, 16.5cm, 165mm, 468pt (default: as wide as the panels need); every text "
             "keeps its size at that width",
     .offset = offsetof(hs_cli_args, width),
     .min_real = HS_RENDER_WIDTH_MIN,
     .max_real = HS_RENDER_WIDTH_MAX},
    {.type = HS_OPT_REAL,
     .name = "font-size",
     .value_name = "PT",
     .help = "the type size in points at the figure's size (default 9); no text is smaller",
     .offset = offsetof(hs_cli_args, font_size),
     .min_real = HS_RENDER_FONT_MIN,
     .max_real = HS_RENDER_FONT_MAX},
    {.type = HS_OPT_CHOICE,
     .name = "labels",
     .value_name = "WHAT",
     .help = "states labelled by id (default), name (the file's label) or none",
     .offset = offsetof(hs_cli_args, labels),
     .choices = label_names},
    {.type = HS_OPT_CHOICE,
     .name = "mechanisms",
     .value_name = "HOW",
     .help = "mechanisms as nodes joined to their members, as surfaces over them, or auto (default: surfaces unless "
             "two in a panel share two members)",
     .offset = offsetof(hs_cli_args, mechanisms),
     .choices = mechanism_names},
    {.type = HS_OPT_FLAG,
     .name = "greyscale",
     .help = "every colour as the grey of its luminance",
     .offset = offsetof(hs_cli_args, greyscale)},
    {.type = HS_OPT_CHOICE,
     .name = "engine",
     .value_name = "E",
     .help = "layout of the union of the panels: neato (default), fdp, dot or circo",
     .offset = offsetof(hs_cli_args, engine),
     .choices = hs_engine_names},
    HS_OPT_LAST};

/* What render and evolve add: the grid, a PNG's resolution, the layout's
 * years, one mechanism, the title. */
static const hs_opt drawing[] = {
    {.type = HS_OPT_GRID,
     .name = "grid",
     .value_name = "RxC",
     .help =
         "the panels in R rows of C columns (default: as many to a row, at most four, as the width leaves room for)",
     .offset = offsetof(hs_cli_args, grid)},
    {.type = HS_OPT_REAL,
     .name = "dpi",
     .value_name = "N",
     .help = "a PNG's resolution (default 192)",
     .offset = offsetof(hs_cli_args, dpi),
     .min_real = 36,
     .max_real = 1200},
    {.type = HS_OPT_YEARS,
     .name = "layout-years",
     .value_name = "LIST",
     .help = "lay the states out on these years too (e.g. 1951:2025), so that figures drawn apart share one layout",
     .offset = offsetof(hs_cli_args, layout_years),
     .max = HS_REPORT_MAX_YEARS},
    {.type = HS_OPT_ID,
     .name = "mechanism",
     .value_name = "ID",
     .help = "draw only the members of mechanism ID (as --focus)",
     .offset = offsetof(hs_cli_args, mechanism)},
    {.type = HS_OPT_TEXT,
     .name = "title",
     .value_name = "TEXT",
     .help = "the figure's title (default: the graph's name and the years; \"\" for none)",
     .offset = offsetof(hs_cli_args, title)},
    HS_OPT_LAST};

static const hs_opt render_options[] = {HS_OPT_INCLUDE(hs_opts_year),   HS_OPT_INCLUDE(hs_opts_view),
                                        HS_OPT_INCLUDE(hs_opts_figure), HS_OPT_INCLUDE(drawing),
                                        HS_OPT_INCLUDE(hs_opts_output), HS_OPT_INCLUDE(hs_opts_limits),
                                        HS_OPT_INCLUDE(hs_opts_checks), HS_OPT_INCLUDE(hs_opts_help),
                                        HS_OPT_LAST};

static const hs_opt evolve_options[] = {
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "LIST",
     .help = "the panels' years, in the order drawn: years and ranges A:B[:STEP] separated by commas (at most 64)",
     .offset = offsetof(hs_cli_args, years),
     .max = MAX_PANELS},
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(hs_opts_figure),
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
    "    absent): roles as node styles, tie kinds as line styles, mechanisms as boxes\n"
    "    joined to their members or as surfaces, a legend naming each mechanism, and a\n"
    "    caption with the year and the indices K, U and C (docs/metrics.md), at a stated\n"
    "    width and type size if asked. The encoding is in docs/render.md.\n"
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
    "    hubspoke render graphs/asia-pacific.gv --year 1960 --engine circo -o asia-1960.pdf\n"
    "    hubspoke render graphs/asia-pacific.gv --year 2025 --width 3.5in --font-size 7 -o asia-2025.pdf\n",
    operands,
    1,
    1,
    run_render};

const hs_command hs_cmd_evolve = {
    "evolve",
    "draw several years side by side on one layout",
    "FILE --years LIST -o OUT [OPTIONS]",
    "    One figure with one panel per year in a grid (small multiples), each\n"
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
    "    hubspoke evolve graphs/asia-pacific.gv --years 2007,2009,2017,2021 --mechanism Quad -o quad.pdf\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 1960,1990,2025 --width 7in --font-size 8 \\\n"
    "        --labels name --greyscale -o asia-print.pdf\n",
    operands,
    1,
    1,
    run_evolve};
