/* hubspoke report: one self-contained HTML file of a period (docs/report.md),
 * thin over hs_report_file. */
#include <stddef.h>

#include "cli/cli.h"

static int run(const hs_cli_args *args) {
    const hs_cli_years *y = &args->years;
    if (!y->count) return hs_cli_usage_error("report", "missing --years A:B");
    /* A period: consecutive years, in order. */
    for (size_t i = 1; i < y->count; i++) {
        if (y->years[i] != y->years[i - 1] + 1)
            return hs_cli_usage_error("report", "--years names a period A:B of consecutive years, not a list");
    }
    if (!args->output) return hs_cli_usage_error("report", "missing -o OUT");
    int rc = hs_cli_check_output("report", args->output, (const char *const *)args->operands, 1);
    if (rc >= 0) return rc;
    hs_render_options ro;
    hs_cli_render_options(args, &ro);
    hs_report_options o;
    hs_report_options_init(&o);
    o.hub = args->hub;
    o.focus = (const char *const *)args->focus.items;
    o.focus_count = args->focus.count;
    o.title = args->title;
    if (hs_cli_given(args, "sensitivity")) o.sensitivity = (size_t)args->sensitivity;
    if (hs_cli_given(args, "seed")) o.seed = (uint64_t)args->seed;
    if (hs_cli_given(args, "bootstrap")) o.bootstrap = (long long)args->bootstrap;
    if (hs_cli_given(args, "level")) o.level = args->level;
    o.render = &ro;
    hs_model *model = NULL;
    hs_codebook *cb = NULL;
    hs_error err = hs_cli_open_model(args, &model, &cb);
    o.codebook = cb;
    if (!err) err = hs_report_file(model, y->years[0], y->years[y->count - 1], &o, args->output);
    hs_codebook_destroy(cb);
    hs_model_destroy(model);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const hs_opt options[] = {
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "A:B",
     .help = "the period, from year A to year B",
     .offset = offsetof(hs_cli_args, years),
     .max = HS_REPORT_MAX_YEARS},
    HS_OPT_INCLUDE(hs_opts_view),
    {.type = HS_OPT_COUNT,
     .name = "sensitivity",
     .value_name = "N",
     .help = "codebook redraws per year for the agreement of each mechanism's type (default 200; 0: none)",
     .offset = offsetof(hs_cli_args, sensitivity),
     .max = 100000ULL},
    {.type = HS_OPT_COUNT,
     .name = "bootstrap",
     .value_name = "N",
     .help = "bootstrap draws per year for the intervals of K, U and C, drawn as bands on the timeline and given "
             "beside each year's values (default 1000, as metrics; 0: none; docs/metrics.md, \"Intervals\")",
     .offset = offsetof(hs_cli_args, bootstrap),
     .max = 100000000ULL},
    HS_OPT_INCLUDE(hs_opts_level),
    {.type = HS_OPT_COUNT,
     .name = "seed",
     .value_name = "S",
     .help = "seed of the redraws and of the bootstrap (default 1)",
     .offset = offsetof(hs_cli_args, seed),
     .max = 9007199254740991ULL},
    {.type = HS_OPT_TEXT,
     .name = "title",
     .value_name = "TEXT",
     .help = "the page's title (default: the graph's name and the years)",
     .offset = offsetof(hs_cli_args, title)},
    HS_OPT_INCLUDE(hs_opts_figure),
    HS_OPT_INCLUDE(hs_opts_output),
    HS_OPT_INCLUDE(hs_opts_limits),
    HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_report = {
    "report",
    "an interactive HTML report of a period: network, timeline, types, tables",
    "FILE --years A:B -o OUT.html [OPTIONS]",
    "    One self-contained HTML file (inline SVG, style and script; nothing loaded from\n"
    "    elsewhere) with a year slider and a play button. For the year chosen: the network\n"
    "    on one layout shared by every year (as `evolve` draws it), the timeline of K, U\n"
    "    and C with the year marked and their bootstrap intervals as bands (as `metrics\n"
    "    --bootstrap N`), the classification of the year's mechanisms with the reasons\n"
    "    (as `classify --sensitivity N`), and the sortable table of the states' measures\n"
    "    (as `metrics --year`). It works from the keyboard; without scripts, or printed,\n"
    "    it shows every year one after another. See docs/report.md.\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 1 bad input or the helper failed, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke report graphs/asia-pacific.gv --years 1951:2025 -o asia-pacific.html\n"
    "    hubspoke report graphs/asia-pacific.gv --years 1990:2025 --focus USA,JPN,KOR -o ujr.html\n",
    operands,
    1,
    1,
    run};
