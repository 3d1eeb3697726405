/* hubspoke compare: the indices and measures across years or files. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/diag.h"
#include "cli/period.h"
#include "cli/plot.h"

typedef struct row_ext {
    hs_cli_row row;
    const char *file;
    char *period;
    char *started, *ended; /* ids separated by spaces */
    char *note;            /* why the row is empty (the hub is not active that year), or NULL */
} row_ext;

typedef struct options {
    const hs_cli_args *args;
    hs_cli_measures ms;
    int years_mode;
    const int *years;
    size_t nyears;
    const char *plot;
    int quiet;
    char **files;
    size_t nfiles;
} options;

#define MAX_ROWS 100000

static int parse_args(const hs_cli_args *args, options *o) {
    memset(o, 0, sizeof *o);
    o->args = args;
    o->years_mode = hs_cli_given(args, "years");
    o->years = args->years.years;
    o->nyears = args->years.count;
    o->plot = args->plot;
    o->quiet = args->quiet;
    o->files = args->operands;
    o->nfiles = args->noperands;
    if (o->plot && !hs_plot_format_ok(o->plot))
        return hs_cli_usage_error("compare", "--plot '%s': the name must end in .svg, .png or .pdf", o->plot);
    if (o->years_mode && o->nfiles > 1)
        return hs_cli_usage_error("compare", "--years compares the years of one FILE, not %zu files", o->nfiles);
    if (o->years_mode && hs_cli_given(args, "year"))
        return hs_cli_usage_error("compare", "--year and --years exclude each other");
    int same = hs_cli_check_output("compare", o->plot, (const char *const *)o->files, (int)o->nfiles);
    if (same >= 0) return same;
    return hs_cli_measures_from_args("compare", args, &o->ms);
}

/* The view of one row: --hub, --focus, the codebook, and the year. */
static void row_view_options(const options *o, const hs_codebook *cb, int has_year, int year, hs_view_options *vo) {
    hs_cli_view_options(o->args, cb, vo);
    vo->has_year = has_year;
    vo->year = year;
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
static void progress_step(progress *p, size_t done, size_t total, const char *what) {
    if (!p->on || seconds_since(&p->start) < 1.0) return;
    fprintf(stderr, "\rhubspoke compare: %zu/%zu (%s)\033[K", done, total, what);
    p->shown = 1;
}

static void progress_end(progress *p) {
    if (p->shown) fputs("\r\033[K", stderr);
}

/* ---- rows --------------------------------------------------------------------- */

/* Append id to a space-separated list. */
static int append_id(char **list, const char *id) {
    size_t len = *list ? strlen(*list) : 0;
    char *p = realloc(*list, len + strlen(id) + 2);
    if (!p) return 0;
    if (len) p[len++] = ' ';
    strcpy(p + len, id);
    *list = p;
    return 1;
}

/* Is mechanism id active in view v? */
static int has_mechanism(const hs_view *v, const char *id) {
    const hs_model *m = hs_view_model(v);
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (strcmp(hs_vertex_id(m, hs_view_mechanism_vertex(v, k)), id) == 0) return 1;
    }
    return 0;
}

/* Mechanisms in `to` and not in `from` (started) or the reverse (ended). */
static hs_error mechanism_changes(const hs_view *from, const hs_view *to, char **list) {
    for (size_t k = 0; k < hs_view_mechanism_count(to); k++) {
        const char *id = hs_vertex_id(hs_view_model(to), hs_view_mechanism_vertex(to, k));
        if (!has_mechanism(from, id) && !append_id(list, id)) return HS_ENOMEM;
    }
    return HS_OK;
}

/* Is mechanism id active in view v? */
static int has_mechanism(const hs_view *v, const char *id);

/* With --focus, is mechanism `id` part of the subsystem in `year`? */
static hs_error in_focus(const hs_model *m, const options *o, const hs_codebook *cb, int year, const char *id, int *in) {
    *in = 1;
    if (!o->args->focus.count) return HS_OK;
    hs_view_options vo;
    row_view_options(o, cb, 1, year, &vo);
    hs_view *v = NULL;
    hs_error err = hs_view_new(m, &vo, &v);
    *in = !err && has_mechanism(v, id);
    hs_view_destroy(v);
    return err;
}

/* Mechanisms of the model that started (since) or ended (until) in (after,
 * year], and, with a focus, belong to the subsystem the year they started or
 * the year before they ended. */
static hs_error started_ended(const hs_model *m, const options *o, const hs_codebook *cb, int after, int year,
                              row_ext *r) {
    hs_error err = HS_OK;
    for (size_t i = 0; !err && i < hs_model_vertex_count(m); i++) {
        if (hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM) continue;
        int since = hs_vertex_since(m, i), until = hs_vertex_until(m, i), in;
        const char *id = hs_vertex_id(m, i);
        if (since != HS_SINCE_OPEN && since > after && since <= year && !(err = in_focus(m, o, cb, since, id, &in)) &&
            in && !append_id(&r->started, id))
            err = HS_ENOMEM;
        if (!err && until != HS_UNTIL_OPEN && until > after && until <= year &&
            !(err = in_focus(m, o, cb, until - 1, id, &in)) && in && !append_id(&r->ended, id))
            err = HS_ENOMEM;
    }
    return err;
}


/* A year the hub (--hub, else the graph attribute) is not active in: a row
 * with empty values and a note that says so, not a failure of the range. */
static hs_error empty_row(const char *reason, int year, row_ext *r) {
    r->row.has_year = 1;
    r->row.year = year;
    for (int k = 0; k < 3; k++) r->row.index[k] = NAN;
    for (int k = 0; k < HS_M_COUNT; k++) r->row.value[k] = NAN;
    return asprintf(&r->note, "%s: no system to measure", reason) < 0 ? hs_error_set(HS_ENOMEM, "out of memory") : HS_OK;
}

static hs_error compare_years(const options *o, const hs_codebook *cb, row_ext *rows, progress *pg) {
    hs_model *m = NULL;
    hs_error err = hs_cli_read_checked(o->files[0], HS_FORMAT_UNKNOWN, o->quiet, o->args->strict, &m);
    for (size_t i = 0; !err && i < o->nyears; i++) {
        hs_view_options vo;
        row_view_options(o, cb, 1, o->years[i], &vo);
        hs_view *v = NULL;
        rows[i].file = o->files[0];
        char reason[512];
        if (!hs_check_hub_active(m, o->args->hub, o->years[i], reason, sizeof reason))
            err = empty_row(reason, o->years[i], &rows[i]);
        else if (!(err = hs_view_new(m, &vo, &v))) err = hs_cli_row_compute(v, &o->ms, &rows[i].row);
        hs_view_destroy(v);
        if (!err) err = started_ended(m, o, cb, i ? o->years[i - 1] : o->years[i] - 1, o->years[i], &rows[i]);
        char what[32];
        snprintf(what, sizeof what, "year %d", o->years[i]);
        progress_step(pg, i + 1, o->nyears, what);
    }
    hs_model_destroy(m);
    return err;
}

static hs_error compare_files(const options *o, const hs_codebook *cb, row_ext *rows, progress *pg) {
    hs_model *prev_m = NULL;
    hs_view *prev_v = NULL;
    hs_error err = HS_OK;
    for (size_t i = 0; !err && i < o->nfiles; i++) {
        hs_model *m = NULL;
        hs_view *v = NULL;
        rows[i].file = o->files[i];
        if (!(err = hs_cli_read_checked(o->files[i], HS_FORMAT_UNKNOWN, o->quiet, o->args->strict, &m))) {
            const char *period = hs_model_period(m);
            if (!period) {
                const char *slash = strrchr(o->files[i], '/');
                period = slash ? slash + 1 : o->files[i];
            }
            if (!(rows[i].period = strdup(period))) err = HS_ENOMEM;
        }
        hs_view_options vo;
        row_view_options(o, cb, hs_cli_given(o->args, "year"), o->args->year, &vo);
        if (!err && !(err = hs_view_new(m, &vo, &v))) err = hs_cli_row_compute(v, &o->ms, &rows[i].row);
        if (!err && prev_v && !(err = mechanism_changes(prev_v, v, &rows[i].started)))
            err = mechanism_changes(v, prev_v, &rows[i].ended);
        hs_view_destroy(prev_v);
        hs_model_destroy(prev_m);
        prev_v = v;
        prev_m = m;
        progress_step(pg, i + 1, o->nfiles, o->files[i]);
    }
    hs_view_destroy(prev_v);
    hs_model_destroy(prev_m);
    return err;
}

/* ---- output ------------------------------------------------------------------- */

static const char *const index_names[3] = {"coordination", "unidirectionality", "closedness"};

static json_t *id_list_json(const char *list) {
    json_t *a = json_array();
    if (!list) return a;
    char *copy = strdup(list), *save = NULL;
    for (char *t = copy ? strtok_r(copy, " ", &save) : NULL; t; t = strtok_r(NULL, " ", &save))
        json_array_append_new(a, json_string(t));
    free(copy);
    return a;
}

static hs_error print_json(const options *o, const row_ext *rows, size_t n) {
    json_t *root = json_array();
    for (size_t i = 0; i < n; i++) {
        const hs_cli_row *r = &rows[i].row;
        json_t *obj = json_object();
        if (!o->years_mode) {
            json_object_set_new(obj, "file", json_string(rows[i].file));
            json_object_set_new(obj, "period", json_string(rows[i].period));
        }
        json_object_set_new(obj, "year", r->has_year ? json_integer(r->year) : json_null());
        json_object_set_new(obj, "hub", hs_json_string_or_null(r->hub));
        for (int k = 0; k < 3; k++) json_object_set_new(obj, index_names[k], hs_json_number(r->index[k]));
        for (int k = 0; k < o->ms.count; k++)
            json_object_set_new(obj, hs_cli_measure_name(o->ms.list[k]),
                                hs_cli_measure_json(o->ms.list[k], r->value[o->ms.list[k]]));
        json_object_set_new(obj, "mechanisms_started", id_list_json(rows[i].started));
        json_object_set_new(obj, "mechanisms_ended", id_list_json(rows[i].ended));
        json_object_set_new(obj, "note", hs_json_string_or_null(rows[i].note));
        json_array_append_new(root, obj);
    }
    hs_error err = hs_cli_print_json(root);
    json_decref(root);
    return err;
}

static void print_csv(FILE *out, const options *o, const row_ext *rows, size_t n) {
    fputs(o->years_mode ? "year,hub" : "file,period,year,hub", out);
    for (int k = 0; k < 3; k++) fprintf(out, ",%s", index_names[k]);
    for (int k = 0; k < o->ms.count; k++) fprintf(out, ",%s", hs_cli_measure_name(o->ms.list[k]));
    fputs(",mechanisms_started,mechanisms_ended,note\r\n", out);
    for (size_t i = 0; i < n; i++) {
        const hs_cli_row *r = &rows[i].row;
        if (!o->years_mode) {
            hs_cli_csv_field(out, rows[i].file);
            fputc(',', out);
            hs_cli_csv_field(out, rows[i].period);
            fputc(',', out);
        }
        if (r->has_year) fprintf(out, "%d", r->year);
        fputc(',', out);
        if (r->hub) hs_cli_csv_field(out, r->hub);
        for (int k = 0; k < 3; k++) {
            fputc(',', out);
            hs_cli_csv_number(out, r->index[k]);
        }
        for (int k = 0; k < o->ms.count; k++) {
            fputc(',', out);
            hs_cli_measure_csv(out, o->ms.list[k], r->value[o->ms.list[k]]);
        }
        fputc(',', out);
        hs_cli_csv_field(out, rows[i].started ? rows[i].started : "");
        fputc(',', out);
        hs_cli_csv_field(out, rows[i].ended ? rows[i].ended : "");
        fputc(',', out);
        hs_cli_csv_field(out, rows[i].note ? rows[i].note : "");
        fputs("\r\n", out);
    }
}

static int width_of(const char *name) { return strlen(name) > 7 ? (int)strlen(name) : 7; }

static void print_text(FILE *out, const options *o, const row_ext *rows, size_t n) {
    int label_w = 6, hub_w = 4;
    for (size_t i = 0; i < n; i++) {
        if (!o->years_mode && (int)strlen(rows[i].period) > label_w) label_w = (int)strlen(rows[i].period);
        if (rows[i].row.hub && (int)strlen(rows[i].row.hub) > hub_w) hub_w = (int)strlen(rows[i].row.hub);
    }
    fprintf(out, "%-*s %-*s %6s %6s %6s", label_w, o->years_mode ? "year" : "period", hub_w, "hub", "K", "U", "C");
    for (int k = 0; k < o->ms.count; k++) fprintf(out, " %*s", width_of(hs_cli_measure_name(o->ms.list[k])), hs_cli_measure_name(o->ms.list[k]));
    fputs("  started / ended\n", out);
    for (size_t i = 0; i < n; i++) {
        const hs_cli_row *r = &rows[i].row;
        if (o->years_mode) fprintf(out, "%-*d", label_w, r->year);
        else fprintf(out, "%-*s", label_w, rows[i].period);
        fprintf(out, " %-*s", hub_w, r->hub ? r->hub : "none");
        for (int k = 0; k < 3; k++) {
            if (isfinite(r->index[k])) fprintf(out, " %6.3f", r->index[k]);
            else fprintf(out, " %6s", "n/a");
        }
        for (int k = 0; k < o->ms.count; k++) {
            fputc(' ', out);
            hs_cli_measure_text(out, o->ms.list[k], r->value[o->ms.list[k]], width_of(hs_cli_measure_name(o->ms.list[k])));
        }
        if (rows[i].started || rows[i].ended)
            fprintf(out, "  %s%s%s", rows[i].started ? "+" : "", rows[i].started ? rows[i].started : "",
                    rows[i].ended ? (rows[i].started ? " -" : "-") : "");
        if (rows[i].ended) fputs(rows[i].ended, out);
        if (rows[i].note) fprintf(out, "  (%s)", rows[i].note);
        fputc('\n', out);
    }
}

/* ---- the chart ------------------------------------------------------------------ */

static hs_error plot(const options *o, const row_ext *rows, size_t n) {
    static const char *const titles[3] = {"K coordination", "U unidirectionality", "C closedness"};
    size_t nseries = 3 + (hs_cli_given(o->args, "measures") ? (size_t)o->ms.count : 0);
    double *x = malloc((n + 1) * sizeof *x), *y = malloc((nseries * n + 1) * sizeof *y);
    hs_plot_series *series = malloc(nseries * sizeof *series);
    hs_plot_mark *marks = calloc(n + 1, sizeof *marks);
    const char **tics = malloc((n + 1) * sizeof *tics);
    char **labels = calloc(n + 1, sizeof *labels);
    hs_error err = x && y && series && marks && tics && labels ? HS_OK : HS_ENOMEM;
    size_t nmarks = 0;
    for (size_t s = 0; !err && s < nseries; s++) {
        int m = s < 3 ? -1 : o->ms.list[s - 3];
        series[s].title = s < 3 ? titles[s] : hs_cli_measure_name(m);
        series[s].count = s >= 3 && hs_cli_measure_kind(m) == 1;
        series[s].y = y + s * n;
        for (size_t i = 0; i < n; i++) y[s * n + i] = s < 3 ? rows[i].row.index[s] : rows[i].row.value[m];
    }
    for (size_t i = 0; !err && i < n; i++) {
        x[i] = o->years_mode ? rows[i].row.year : (double)(i + 1);
        tics[i] = rows[i].period;
        /* A mechanism is marked at the first row at or after its start (files:
         * the first file it is active in). */
        if (rows[i].started) {
            marks[nmarks].x = x[i];
            if (o->years_mode ? asprintf(&labels[nmarks], "%s %d", rows[i].started, rows[i].row.year) < 0
                              : !(labels[nmarks] = strdup(rows[i].started)))
                err = HS_ENOMEM;
            marks[nmarks].label = labels[nmarks];
            nmarks++;
        }
    }
    if (!err) {
        char title[256];
        const char *base = strrchr(o->files[0], '/') ? strrchr(o->files[0], '/') + 1 : o->files[0];
        int len = o->years_mode ? snprintf(title, sizeof title, "%s, %d-%d", base, rows[0].row.year, rows[n - 1].row.year)
                                : snprintf(title, sizeof title, "%zu files", n);
        for (size_t k = 0; k < o->args->focus.count && len > 0 && (size_t)len < sizeof title; k++)
            len += snprintf(title + len, sizeof title - (size_t)len, "%s%s", k ? ", " : "; subsystem ",
                            o->args->focus.items[k]);
        hs_plot p = {title, o->years_mode ? "year" : "period", n, x, o->years_mode ? NULL : tics, nseries, series,
                     nmarks, marks};
        err = hs_plot_write(o->plot, &p);
    }
    for (size_t i = 0; labels && i < nmarks; i++) free(labels[i]);
    free(labels);
    free(tics);
    free(marks);
    free(series);
    free(y);
    free(x);
    return err;
}

/* ---- the command ----------------------------------------------------------------- */

static int run(const hs_cli_args *args) {
    options o;
    int rc = parse_args(args, &o);
    if (rc >= 0) return rc;
    size_t n = o.years_mode ? o.nyears : o.nfiles;
    row_ext *rows = calloc(n, sizeof *rows);
    hs_codebook *cb = NULL;
    hs_error err = rows ? HS_OK : hs_error_set(HS_ENOMEM, "out of memory");
    if (!err) err = args->codebook ? hs_codebook_read_file(args->codebook, &cb) : hs_codebook_new(&cb);
    progress pg = {!o.quiet && isatty(STDERR_FILENO), 0, {0, 0}};
    clock_gettime(CLOCK_MONOTONIC, &pg.start);
    if (!err) err = o.years_mode ? compare_years(&o, cb, rows, &pg) : compare_files(&o, cb, rows, &pg);
    progress_end(&pg);
    if (!err && o.plot) err = plot(&o, rows, n);
    if (!err) {
        if (args->format == HS_OUT_JSON) {
            err = print_json(&o, rows, n);
        } else {
            if (args->format == HS_OUT_CSV) print_csv(stdout, &o, rows, n);
            else print_text(stdout, &o, rows, n);
            if (fflush(stdout) != 0 || ferror(stdout))
                err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    for (size_t i = 0; rows && i < n; i++) {
        hs_cli_row_destroy(&rows[i].row);
        free(rows[i].period);
        free(rows[i].started);
        free(rows[i].ended);
        free(rows[i].note);
    }
    free(rows);
    hs_codebook_destroy(cb);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}


static const hs_opt options_table[] = {
    {.type = HS_OPT_YEARS, .name = "years", .value_name = "LIST", .help = "the years of FILE, one row each: years and ranges A:B[:STEP] separated by commas (1951:2025, 1950:2020:10, "
     "1990,2014,2023)", .offset = offsetof(hs_cli_args, years), .max = MAX_ROWS},
    {.type = HS_OPT_YEAR, .name = "year", .value_name = "Y", .help = "with files: look at year Y of each file (default: all of it)", .offset = offsetof(hs_cli_args, year)},
    HS_OPT_INCLUDE(hs_opts_measures),
    HS_OPT_INCLUDE(hs_opts_permutations),
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_FILE, .name = "plot", .value_name = "OUT", .help = "also draw K, U, C (and the measures --measures names) over the rows into OUT.svg, OUT.png or OUT.pdf, with "
     "gnuplot, marking the years mechanisms started", .offset = offsetof(hs_cli_args, plot)},
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
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
    "    `mechanisms_started`, `mechanisms_ended` (ids separated by spaces).\n"
    "    json: an array of objects with the same keys. A value undefined for the row\n"
    "    is empty (CSV), null (JSON) or n/a (text).\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input or gnuplot failed, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1951:2025 --format csv\n"
    "    hubspoke compare graphs/asia-pacific.gv --years 1990,2000,2010,2020 --plot kuc.svg\n"
    "    hubspoke compare periods/*.gv --format json\n",
    operands,
    1,
    0,
    run};
