/* hubspoke compare: the indices and measures across years or files. The
 * rows are the library's system table (hs_metrics_table for the years of one
 * file, hs_metrics_table_models for several files); this file writes them and
 * draws the chart. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/diag.h"
#include "cli/plot.h"

#define MAX_ROWS 100000

/* The columns: the indices first, the chosen measures, then the mechanisms
 * started and ended. */
static const char *const index_names[] = {"coordination", "unidirectionality", "closedness"};
enum { NINDICES = 3, FIRST_MEASURE = 2 + NINDICES };

static const char **column_names(const hs_cli_args *args, size_t *count) {
    static const char *const defaults[] = {"default"};
    const char *const *chosen = args->measures.count ? (const char *const *)args->measures.items : defaults;
    size_t nchosen = args->measures.count ? args->measures.count : 1;
    const char **names = malloc((3 * NINDICES + nchosen + 2) * sizeof *names);
    if (!names) return NULL;
    size_t n = 0;
    for (int k = 0; k < NINDICES; k++) names[n++] = index_names[k];
    for (size_t i = 0; i < nchosen; i++) names[n++] = chosen[i];
    /* --bootstrap: the indices' intervals (docs/metrics.md, "Intervals"). */
    static const char *const bounds[] = {"coordination_lo",      "coordination_hi", "unidirectionality_lo",
                                         "unidirectionality_hi", "closedness_lo",   "closedness_hi"};
    for (int k = 0; hs_cli_given(args, "bootstrap") && k < 2 * NINDICES; k++) names[n++] = bounds[k];
    names[n++] = "mechanisms_started";
    names[n++] = "mechanisms_ended";
    *count = n;
    return names;
}

/* ---- progress ------------------------------------------------------------------- */

typedef struct progress {
    int on, shown;
    struct timespec start;
} progress;

static double seconds_since(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + 1e-9 * (double)(now.tv_nsec - t->tv_nsec);
}

/* Only on a terminal and only once the run has lasted a second: quick runs
 * and redirected runs stay silent. */
static void progress_step(void *data, size_t done, size_t total) {
    progress *p = data;
    if (!p->on || seconds_since(&p->start) < 1.0) return;
    fprintf(stderr, "\rhubspoke compare: %zu/%zu\033[K", done, total);
    p->shown = 1;
}

static void progress_end(progress *p) {
    if (p->shown) fputs("\r\033[K", stderr);
}

/* ---- rows --------------------------------------------------------------------- */

/* The rows of each file: the file as named and its period (the graph
 * attribute, else the name without its directory). */
typedef struct files {
    hs_model **models;
    const char **keys; /* file, period per row */
} files;

static hs_error read_files(const hs_cli_args *args, files *f) {
    size_t n = args->noperands;
    f->models = calloc(n, sizeof *f->models);
    f->keys = calloc(2 * n, sizeof *f->keys);
    if (!f->models || !f->keys) return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *file = args->operands[i];
        hs_error err = hs_cli_read_checked(file, HS_FORMAT_UNKNOWN, args->quiet, args->strict, &f->models[i]);
        if (err) return err;
        const char *period = hs_model_period(f->models[i]), *slash = strrchr(file, '/');
        f->keys[2 * i] = file;
        f->keys[2 * i + 1] = period ? period : slash ? slash + 1 : file;
    }
    return HS_OK;
}

static void files_free(files *f, size_t n) {
    for (size_t i = 0; f->models && i < n; i++) hs_model_destroy(f->models[i]);
    free(f->models);
    free(f->keys);
}

/* The ids of a mechanisms_started or _ended cell, joined by spaces (the
 * text's "+A B -C"); NULL when there are none. */
static char *joined_ids(const hs_table *t, size_t row, size_t col) {
    const char *text = hs_table_text(t, row, col);
    json_t *list = text ? json_loads(text, 0, NULL) : NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *b = json_array_size(list) ? open_memstream(&out, &len) : NULL;
    for (size_t i = 0; b && i < json_array_size(list); i++)
        fprintf(b, "%s%s", i ? " " : "", json_string_value(json_array_get(list, i)));
    if (b) fclose(b);
    json_decref(list);
    return out;
}

/* ---- output ------------------------------------------------------------------- */

static void print_text(FILE *out, const hs_table *t, const files *f) {
    /* A year without the hub has a note, in the last column when there is one. */
    long note = hs_table_find_column(t, "note");
    size_t n = hs_table_row_count(t), ncols = hs_table_column_count(t) - (note >= 0);
    int label_w = 6, hub_w = 4;
    for (size_t i = 0; i < n; i++) {
        const char *hub = hs_table_text(t, i, 1);
        if (f && (int)strlen(f->keys[2 * i + 1]) > label_w) label_w = (int)strlen(f->keys[2 * i + 1]);
        if (hub && (int)strlen(hub) > hub_w) hub_w = (int)strlen(hub);
    }
    fprintf(out, "%-*s %-*s %6s %6s %6s", label_w, f ? "period" : "year", hub_w, "hub", "K", "U", "C");
    for (size_t c = FIRST_MEASURE; c + 2 < ncols; c++) {
        const char *name = hs_table_column_name(t, c);
        fprintf(out, " %*s", strlen(name) > 7 ? (int)strlen(name) : 7, name);
    }
    fputs("  started / ended\n", out);
    for (size_t i = 0; i < n; i++) {
        const char *hub = hs_table_text(t, i, 1);
        if (f)
            fprintf(out, "%-*s", label_w, f->keys[2 * i + 1]);
        else
            fprintf(out, "%-*d", label_w, (int)hs_table_number(t, i, 0));
        fprintf(out, " %-*s", hub_w, hub ? hub : "none");
        for (size_t c = 2; c < FIRST_MEASURE; c++) {
            double x = hs_table_number(t, i, c);
            if (isfinite(x))
                fprintf(out, " %6.3f", x);
            else
                fprintf(out, " %6s", "n/a");
        }
        for (size_t c = FIRST_MEASURE; c + 2 < ncols; c++) {
            const char *name = hs_table_column_name(t, c);
            fputc(' ', out);
            hs_cli_cell_text(out, t, i, c, strlen(name) > 7 ? (int)strlen(name) : 7);
        }
        char *started = joined_ids(t, i, ncols - 2), *ended = joined_ids(t, i, ncols - 1);
        if (started || ended)
            fprintf(out, "  %s%s%s%s", started ? "+" : "", started ? started : "", ended ? (started ? " -" : "-") : "",
                    ended ? ended : "");
        free(started);
        free(ended);
        if (note >= 0 && hs_table_text(t, i, (size_t)note)) fprintf(out, "  (%s)", hs_table_text(t, i, (size_t)note));
        fputc('\n', out);
    }
}

/* ---- the chart ------------------------------------------------------------------ */

/* The range a series is defined on (docs/metrics.md), so that the axis shows
 * where its values sit within it: the E-I indices -1 to 1, shares and
 * probabilities 0 to 1; other measures (depths, pairs) their values' range. */
static void series_range(const char *name, hs_plot_series *s) {
    long m = hs_measure_find(name);
    const char *unit = m >= 0 ? hs_measure_get((size_t)m)->unit : "";
    s->unit = m >= 0 ? unit : NULL;
    s->lo = s->hi = NAN;
    if (s->count) return;
    if (strcmp(name, "ei_index") == 0 || strcmp(name, "ei_expected") == 0 || strcmp(name, "ei_degree_expected") == 0) {
        s->lo = -1, s->hi = 1;
    } else if (strncmp(unit, "share", 5) == 0 || strcmp(unit, "probability") == 0 || strcmp(unit, "index") == 0) {
        s->lo = 0, s->hi = 1;
    }
}

static hs_error plot(const hs_cli_args *args, const hs_table *t, const files *f) {
    static const char *const titles[3] = {"K coordination", "U unidirectionality", "C closedness"};
    size_t n = hs_table_row_count(t), ncols = hs_table_column_count(t) - (hs_table_find_column(t, "note") >= 0);
    /* The indices, and the numeric measures --measures names (not the default
     * set, which would crowd it). */
    double *x = malloc((n + 1) * sizeof *x);
    hs_plot_series *series = calloc(ncols, sizeof *series);
    hs_plot_mark *marks = calloc(2 * n + 1, sizeof *marks);
    const char **tics = malloc((n + 1) * sizeof *tics);
    char **labels = calloc(2 * n + 1, sizeof *labels);
    hs_error err = x && series && marks && tics && labels ? HS_OK : HS_ENOMEM;
    size_t nmarks = 0, nseries = 0;
    for (size_t col = 2; !err && col + 2 < ncols && (col < FIRST_MEASURE || args->measures.count); col++) {
        if (!hs_table_numbers(t, col)) continue;
        long measure = hs_table_column_measure(t, col);
        if (measure >= 0 && (hs_measure_get((size_t)measure)->flags & HS_MEASURE_BOOTSTRAP)) continue;
        hs_plot_series *s = &series[nseries++];
        s->title = col < FIRST_MEASURE ? titles[col - 2] : hs_table_column_name(t, col);
        s->count = hs_table_column_type(t, col) == HS_VALUE_INTEGER;
        s->y = hs_table_numbers(t, col);
        series_range(hs_table_column_name(t, col), s);
        /* An index with its interval: a band under its line. */
        char bound[64];
        snprintf(bound, sizeof bound, "%s_lo", hs_table_column_name(t, col));
        long lo = hs_table_find_column(t, bound);
        snprintf(bound, sizeof bound, "%s_hi", hs_table_column_name(t, col));
        long hi = hs_table_find_column(t, bound);
        if (lo >= 0 && hi >= 0) {
            s->band_lo = hs_table_numbers(t, (size_t)lo);
            s->band_hi = hs_table_numbers(t, (size_t)hi);
        }
    }
    for (size_t i = 0; !err && i < n; i++) {
        x[i] = f ? (double)(i + 1) : hs_table_number(t, i, 0);
        tics[i] = f ? f->keys[2 * i + 1] : NULL;
        /* A mechanism is marked at the first row at or after its start (files:
         * the first file it is active in), and at the first row at or after
         * its end (the first it is no longer active in). */
        for (int end = 0; end < 2 && !err; end++) {
            char *ids = joined_ids(t, i, ncols - 2 + (size_t)end);
            if (!ids) continue;
            marks[nmarks].x = x[i];
            marks[nmarks].end = end;
            if (f ? asprintf(&labels[nmarks], "%s%s", end ? "end " : "", ids) < 0
                  : asprintf(&labels[nmarks], "%s%s %d", end ? "end " : "", ids, (int)x[i]) < 0) {
                labels[nmarks] = NULL;
                err = HS_ENOMEM;
            }
            free(ids);
            marks[nmarks].label = labels[nmarks];
            nmarks++;
        }
    }
    if (!err) {
        char title[256];
        const char *file = args->operands[0], *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
        int len = f ? snprintf(title, sizeof title, "%zu files", n)
                    : snprintf(title, sizeof title, "%s, %d-%d", base, (int)x[0], (int)x[n - 1]);
        for (size_t k = 0; k < args->focus.count && len > 0 && (size_t)len < sizeof title; k++)
            len += snprintf(title + len, sizeof title - (size_t)len, "%s%s", k ? ", " : "; subsystem ",
                            args->focus.items[k]);
        if (hs_cli_given(args, "bootstrap") && len > 0 && (size_t)len < sizeof title)
            len += snprintf(title + len, sizeof title - (size_t)len, "; bands: %.0f%% bootstrap intervals",
                            100 * (hs_cli_given(args, "level") ? args->level : 0.95));
        hs_plot p = {title,
                     f ? "period" : "year",
                     n,
                     x,
                     f ? tics : NULL,
                     nseries,
                     series,
                     nmarks,
                     marks,
                     args->width,
                     args->font_size,
                     args->dpi,
                     args->greyscale};
        err = hs_plot_write(args->plot, &p);
    }
    for (size_t i = 0; labels && i < nmarks; i++) free(labels[i]);
    free(labels);
    free(tics);
    free(marks);
    free(series);
    free(x);
    return err == HS_ENOMEM ? hs_error_set(HS_ENOMEM, "out of memory") : err;
}

/* ---- --events ------------------------------------------------------------------- */

/* The change of K, U and C across each start and end of a mechanism in the
 * years' span, from the library (hs_events_table), instead of the rows. */
static hs_error print_events(const hs_cli_args *args, const hs_model *m, const hs_view_options *vo) {
    int first = args->years.years[0], last = first;
    for (size_t i = 0; i < args->years.count; i++) {
        if (args->years.years[i] < first) first = args->years.years[i];
        if (args->years.years[i] > last) last = args->years.years[i];
    }
    int window = hs_cli_given(args, "window") ? (int)args->window : HS_EVENTS_WINDOW;
    hs_bootstrap_options bo;
    hs_cli_bootstrap_options(args, &bo);
    hs_table *t = NULL;
    hs_error err = hs_events_table(m, vo, first, last, window, &bo, &t);
    char title[512];
    snprintf(title, sizeof title,
             "%s, %d-%d: the change of K, U and C across each start and end of a mechanism (mean over %d years "
             "after - mean over %d years before; %.0f%% interval, %lld draws)",
             args->operands[0], first, last, window, window, 100 * bo.level, bo.draws);
    if (!err) err = hs_cli_print_table(args, t, title, 0);
    hs_table_destroy(t);
    return err;
}

/* ---- the command ----------------------------------------------------------------- */

static int run(const hs_cli_args *args) {
    int years_mode = hs_cli_given(args, "years");
    size_t nfiles = args->noperands;
    static const char *const chart[] = {"width", "font-size", "greyscale", "dpi"};
    for (size_t k = 0; !args->plot && k < sizeof chart / sizeof *chart; k++) {
        if (hs_cli_given(args, chart[k]))
            return hs_cli_usage_error("compare", "--%s is the chart's: give --plot OUT", chart[k]);
    }
    if (args->plot && !hs_plot_format_ok(args->plot))
        return hs_cli_usage_error("compare", "--plot '%s': the name must end in .svg, .png or .pdf", args->plot);
    if (years_mode && nfiles > 1)
        return hs_cli_usage_error("compare", "--years compares the years of one FILE, not %zu files", nfiles);
    if (years_mode && hs_cli_given(args, "year"))
        return hs_cli_usage_error("compare", "--year and --years exclude each other");
    if ((args->events || hs_cli_given(args, "window")) && !years_mode)
        return hs_cli_usage_error("compare", "--events and --window look at the years of one FILE (--years)");
    if (hs_cli_given(args, "window") && args->window == 0)
        return hs_cli_usage_error("compare", "--window 0: a window needs at least 1 year");
    int brc = hs_cli_check_bootstrap(args);
    if (brc >= 0) return brc;
    int rc = hs_cli_check_output("compare", args->plot, (const char *const *)args->operands, (int)nfiles);
    if (rc < 0) rc = hs_cli_check_measures("compare", args, HS_MEASURE_SYSTEM);
    if (rc >= 0) return rc;
    progress pg = {!args->quiet && isatty(STDERR_FILENO), 0, {0, 0}};
    clock_gettime(CLOCK_MONOTONIC, &pg.start);
    hs_metrics_options mo;
    hs_cli_metrics_options(args, &mo);
    /* As before the registry: the E-I test runs only for its own columns, with
     * 1000 permutations unless --permutations says otherwise. */
    mo.progress = progress_step;
    mo.progress_data = &pg;
    const char **names = column_names(args, &mo.measure_count);
    mo.measures = names;
    files f = {NULL, NULL};
    hs_codebook *cb = NULL;
    hs_model *m = NULL;
    hs_table *t = NULL;
    hs_error err = names ? HS_OK : hs_error_set(HS_ENOMEM, "out of memory");
    if (!err) err = args->codebook ? hs_codebook_read_file(args->codebook, &cb) : hs_codebook_new(&cb);
    hs_view_options vo;
    hs_cli_view_options(args, cb, &vo);
    if (!err && years_mode) {
        if (!(err = hs_cli_read_checked(args->operands[0], HS_FORMAT_UNKNOWN, args->quiet, args->strict, &m)))
            err = hs_metrics_table(m, &vo, args->years.years, args->years.count, &mo, &t, NULL);
    } else if (!err) {
        if (!(err = read_files(args, &f)))
            err = hs_metrics_table_models((const hs_model *const *)f.models, nfiles, &vo, &mo, &t, NULL);
    }
    progress_end(&pg);
    const files *by_file = years_mode ? NULL : &f;
    if (!err && args->plot) err = plot(args, t, by_file);
    if (!err && args->events) {
        err = print_events(args, m, &vo);
    } else if (!err) {
        static const char *const key_names[] = {"file", "period"};
        hs_cli_keys keys = {2, key_names, f.keys};
        if (args->format == HS_OUT_JSON) {
            err = hs_cli_table_json(t, by_file ? &keys : NULL);
        } else {
            if (args->format == HS_OUT_CSV)
                hs_cli_table_csv(stdout, t, by_file ? &keys : NULL);
            else
                print_text(stdout, t, by_file);
            if (fflush(stdout) != 0 || ferror(stdout))
                err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    hs_table_destroy(t);
    files_free(&f, nfiles);
    hs_model_destroy(m);
    hs_codebook_destroy(cb);
    free(names);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

/* The chart's size, type and colours (docs/compare.md, "The chart"). */
static const hs_opt chart_options[] = {
    {.type = HS_OPT_LENGTH,
     .name = "width",
     .value_name = "LENGTH",
     .help = "--plot: the chart's width, e.g. 6.5in, 16.5cm, 468pt (default 10in); its height is 0.56 of it",
     .offset = offsetof(hs_cli_args, width),
     .min_real = HS_RENDER_WIDTH_MIN,
     .max_real = HS_RENDER_WIDTH_MAX},
    {.type = HS_OPT_REAL,
     .name = "font-size",
     .value_name = "PT",
     .help = "--plot: the type size in points at the chart's size (default 10)",
     .offset = offsetof(hs_cli_args, font_size),
     .min_real = HS_RENDER_FONT_MIN,
     .max_real = HS_RENDER_FONT_MAX},
    {.type = HS_OPT_FLAG,
     .name = "greyscale",
     .help = "--plot: greys, each series in its own line pattern",
     .offset = offsetof(hs_cli_args, greyscale)},
    {.type = HS_OPT_REAL,
     .name = "dpi",
     .value_name = "N",
     .help = "--plot: a PNG's resolution (default 192)",
     .offset = offsetof(hs_cli_args, dpi),
     .min_real = 36,
     .max_real = 1200},
    HS_OPT_LAST};

static const hs_opt options_table[] = {
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "LIST",
     .help =
         "the years of FILE, one row each: years and ranges A:B[:STEP] separated by commas (1951:2025, 1950:2020:10, "
         "1990,2014,2023)",
     .offset = offsetof(hs_cli_args, years),
     .max = MAX_ROWS},
    {.type = HS_OPT_YEAR,
     .name = "year",
     .value_name = "Y",
     .help = "with files: look at year Y of each file (default: all of it)",
     .offset = offsetof(hs_cli_args, year)},
    HS_OPT_INCLUDE(hs_opts_measures),
    HS_OPT_INCLUDE(hs_opts_permutations),
    HS_OPT_INCLUDE(hs_opts_bootstrap),
    {.type = HS_OPT_FLAG,
     .name = "events",
     .help = "instead of the rows: for each start and end of a mechanism in the span of --years, the change of K, U "
             "and C across it (mean over the years after - before) with a bootstrap interval (docs/metrics.md, "
             "\"Events\")",
     .offset = offsetof(hs_cli_args, events)},
    {.type = HS_OPT_COUNT,
     .name = "window",
     .value_name = "W",
     .help = "the years averaged on each side of an event (default 3)",
     .offset = offsetof(hs_cli_args, window),
     .max = 1000},
    HS_OPT_INCLUDE(hs_opts_view), HS_OPT_INCLUDE(hs_opts_state_set), HS_OPT_INCLUDE(hs_opts_weights),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_FILE,
     .name = "plot",
     .value_name = "OUT",
     .help =
         "also draw K, U, C (and the measures --measures names) over the rows into OUT.svg, OUT.png or OUT.pdf, with "
         "gnuplot, marking the years mechanisms started and ended; with --bootstrap, the indices' intervals as bands",
     .offset = offsetof(hs_cli_args, plot)},
    HS_OPT_INCLUDE(chart_options),
    HS_OPT_INCLUDE(hs_opts_limits),
    HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_compare = {
    "compare",
    "compare the indices across years or files, with a chart",
    "FILE --years LIST [OPTIONS]\nFILE1 FILE2 ... [--year Y] [OPTIONS]",
    "    With --years, one row per year of FILE: the model is read once and the system\n"
    "    active in each year is measured as `hubspoke metrics --year` measures it.\n"
    "    With several files, one row per file (its period is the graph attribute\n"
    "    `period`, else the file name); DOT and GraphML files may be mixed.\n"
    "    A row holds the year, the hub, the indices K, U and C, the chosen system\n"
    "    measures (docs/metrics.md) and the mechanisms that started or ended since the\n"
    "    row before (docs/compare.md).\n",
    options_table,
    "OUTPUT\n"
    "    csv: RFC 4180, a header row, columns `year` (or `file,period,year`), `hub`,\n"
    "    `coordination`, `unidirectionality`, `closedness`, the measures,\n"
    "    `mechanisms_started`, `mechanisms_ended` (JSON arrays of ids), and `note` when\n"
    "    a year has no system because the hub is not active in it (its row is empty).\n"
    "    json: an array of objects with the same keys. A value undefined for the row\n"
    "    is empty (CSV), null (JSON) or n/a (text).\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input or gnuplot failed, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1951:2025 --format csv\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1990,2000,2010,2020 --plot kuc.svg\n"
    "    hubspoke compare periods/*.gv --format json\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1951:2025 --bootstrap 1000 --plot kuc.svg\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1951:2025 --events\n",
    operands,
    1,
    HS_ANY_NUMBER,
    run};
