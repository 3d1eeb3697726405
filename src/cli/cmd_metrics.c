/* hubspoke metrics: hub coordination, unidirectionality and closedness, for
 * one year (a report: text or JSON) or a panel of years (tables). Every
 * number comes from the library's tables (hs_metrics_table); this file only
 * writes them. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { TABLE_STATES = 0, TABLE_SYSTEM = 1 };

/* The columns of a report's system table that are its indices. */
static const char *const index_names[] = {"coordination", "unidirectionality", "closedness"};
#define NINDICES 3

static int is_index(const char *name) {
    for (int k = 0; k < NINDICES; k++) {
        if (strcmp(name, index_names[k]) == 0) return 1;
    }
    return 0;
}

/* ---- JSON: written as it is read, one value at a time, never built whole ----------- */

#define JSON_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* Write a value compactly and free it; 0 on failure. */
static int put_json(FILE *out, json_t *value) {
    int ok = value && json_dumpf(value, out, JSON_FLAGS) == 0;
    json_decref(value);
    return ok;
}

/* A list-valued measure: ids on one line, other items (pairs, sets, cuts) one
 * per line, so that a large system's separators read as a list. */
static int put_list(FILE *out, json_t *list) {
    if (!json_is_array(list)) return put_json(out, list);
    size_t n = json_array_size(list);
    int ids = n && json_is_string(json_array_get(list, 0));
    int ok = fputc('[', out) != EOF;
    for (size_t i = 0; ok && i < n; i++) {
        ok = fputs(i ? (ids ? ", " : ",\n      ") : (ids ? "" : "\n      "), out) >= 0 &&
             put_json(out, json_incref(json_array_get(list, i)));
    }
    json_decref(list);
    return ok && fputs(n && !ids ? "\n    ]" : "]", out) >= 0;
}

/* {"year", "hub", "indices": {...}, "system": {...}, "states": [...]} */
static hs_error print_report_json(const hs_table *sys, const hs_table *st) {
    FILE *out = stdout;
    int ok = fputs("{\n  \"year\": ", out) >= 0 && put_json(out, hs_cli_cell_json(sys, 0, 0)) &&
             fputs(",\n  \"hub\": ", out) >= 0 && put_json(out, hs_cli_cell_json(sys, 0, 1)) &&
             fputs(",\n  \"indices\": {", out) >= 0;
    for (int k = 0; ok && k < NINDICES; k++) {
        long col = hs_table_find_column(sys, index_names[k]);
        ok = fprintf(out, "%s\"%s\": ", k ? ", " : "", index_names[k]) >= 0 &&
             put_json(out, col >= 0 ? hs_cli_cell_json(sys, 0, (size_t)col) : json_null());
    }
    ok = ok && fputs("},\n  \"system\": {", out) >= 0;
    int first = 1;
    for (size_t c = 2; ok && c < hs_table_column_count(sys); c++) {
        const char *name = hs_table_column_name(sys, c);
        if (is_index(name)) continue;
        ok = fprintf(out, "%s\n    \"%s\": ", first ? "" : ",", name) >= 0;
        first = 0;
        json_t *value = hs_cli_cell_json(sys, 0, c);
        ok = ok && (hs_table_column_type(sys, c) == HS_VALUE_LIST ? put_list(out, value) : put_json(out, value));
    }
    ok = ok && fputs("\n  },\n  \"states\": [", out) >= 0;
    /* A state's object: name, role and the measures (the year is the report's). */
    for (size_t r = 0; ok && r < hs_table_row_count(st); r++)
        ok = fputs(r ? ",\n    " : "\n    ", out) >= 0 && put_json(out, hs_cli_row_json(st, r, NULL, 1));
    ok = ok && fputs(hs_table_row_count(st) ? "\n  ]\n}\n" : "]\n}\n", out) >= 0 && fflush(out) == 0;
    return ok ? HS_OK : hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
}

/* ---- text ------------------------------------------------------------------------ */

static void report_text(FILE *out, const char *file, const hs_table *sys, const hs_table *st) {
    const char *hub = hs_table_text(sys, 0, 1);
    double year = hs_table_number(sys, 0, 0);
    fprintf(out, "%s", file);
    if (isfinite(year))
        fprintf(out, ", year %d", (int)year);
    else
        fputs(", all elements (no --year)", out);
    fprintf(out, ", hub %s\n\n", hub ? hub : "none");
    fputs("Indices (0..1, docs/metrics.md)\n", out);
    static const char *const labels[] = {
        "coordination       K = ", "unidirectionality  U = ", "closedness         C = "};
    for (int k = 0; k < NINDICES; k++) {
        long col = hs_table_find_column(sys, index_names[k]);
        fprintf(out, "%s  %s", k ? "\n" : "", labels[k]);
        hs_cli_text_number(out, col >= 0 ? hs_table_number(sys, 0, (size_t)col) : NAN);
    }
    fputs("\n\nSystem\n", out);
    for (size_t c = 2; c < hs_table_column_count(sys); c++) {
        if (is_index(hs_table_column_name(sys, c))) continue;
        fprintf(out, "  %-30s ", hs_table_column_name(sys, c));
        hs_cli_cell_text(out, sys, 0, c, 0);
        fputc('\n', out);
    }
    fputs("\nStates\n", out);
    hs_cli_table_text(out, st, 1);
}

/* ---- the command ----------------------------------------------------------------- */

/* The names --measures gives; the three indices always head the system table. */
static const char **selection(const hs_cli_args *args, size_t *count) {
    const char **names = malloc((NINDICES + args->measures.count + 1) * sizeof *names);
    if (!names) return NULL;
    *count = 0;
    if (!args->measures.count) return names; /* every measure */
    for (int k = 0; k < NINDICES; k++) names[(*count)++] = index_names[k];
    for (size_t i = 0; i < args->measures.count; i++) names[(*count)++] = args->measures.items[i];
    return names;
}

/* ---- --influence and --hubs: tables of the inference module (inference.h) ----- */

static int run_inference(const hs_cli_args *args) {
    hs_model *m = NULL;
    hs_codebook *cb = NULL;
    hs_table *t = NULL;
    hs_view *v = NULL;
    hs_error err = hs_cli_open_model(args, &m, &cb);
    hs_view_options vo;
    if (!err) hs_cli_view_options(args, cb, &vo);
    char title[512];
    if (!err && hs_cli_given(args, "influence")) {
        /* Largest first: which instrument moves the chosen value most when removed. */
        if (!(err = hs_view_new(m, &vo, &v))) err = hs_influence_table(v, (hs_boot_stat)args->influence, &t);
        char when[32] = ", all elements";
        if (vo.has_year) snprintf(when, sizeof when, ", year %d", vo.year);
        snprintf(title, sizeof title, "%s%s: each instrument's part in %s (with - without), largest first",
                 hs_model_file(m), when, hs_boot_stat_name((hs_boot_stat)args->influence));
    } else if (!err) {
        hs_bootstrap_options bo;
        hs_cli_bootstrap_options(args, &bo);
        err = hs_hub_systems_table(m, &vo, (const char *const *)args->hubs.items, args->hubs.count, &bo, &t);
        snprintf(title, sizeof title, "%s%s: the systems around %zu hubs (intervals: %lld bootstrap draws)",
                 hs_model_file(m), vo.has_year ? "" : ", all elements", args->hubs.count, bo.draws);
    }
    if (!err) err = hs_cli_print_table(args, t, title, 1);
    hs_table_destroy(t);
    hs_view_destroy(v);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static int run(const hs_cli_args *args) {
    int panel = hs_cli_given(args, "years");
    if (panel && hs_cli_given(args, "year"))
        return hs_cli_usage_error("metrics", "--year and --years exclude each other");
    int rc = hs_cli_check_bootstrap(args);
    if (rc >= 0) return rc;
    if (hs_cli_given(args, "influence") && hs_cli_given(args, "hubs"))
        return hs_cli_usage_error("metrics", "--influence and --hubs exclude each other");
    if ((hs_cli_given(args, "influence") || hs_cli_given(args, "hubs")) && (panel || hs_cli_given(args, "hub")))
        return hs_cli_usage_error("metrics", "--%s looks at one year (--year), not --years or --hub",
                                  hs_cli_given(args, "influence") ? "influence" : "hubs");
    if (hs_cli_given(args, "influence") || hs_cli_given(args, "hubs")) return run_inference(args);
    for (size_t i = 0; i < args->measures.count; i++) {
        const char *name = args->measures.items[i];
        if (strcmp(name, "default") && strcmp(name, "all") && hs_measure_find(name) < 0)
            return hs_cli_usage_error("metrics", "--measures: '%s' is not a measure (hubspoke measures lists them)",
                                      name);
    }
    int report = !panel && args->format != HS_OUT_CSV, want_system = report || args->table == TABLE_SYSTEM;
    int want_states = report || args->table == TABLE_STATES;
    hs_metrics_options mo;
    hs_cli_metrics_options(args, &mo);
    const char **names = selection(args, &mo.measure_count);
    if (!names) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    mo.measures = mo.measure_count ? names : NULL;
    hs_model *m = NULL;
    hs_codebook *cb = NULL;
    hs_table *sys = NULL, *st = NULL;
    hs_error err = hs_cli_open_model(args, &m, &cb);
    if (!err) {
        hs_view_options vo;
        hs_cli_view_options(args, cb, &vo);
        err = hs_metrics_table(m, &vo, args->years.years, args->years.count, &mo, want_system ? &sys : NULL,
                               want_states ? &st : NULL);
    }
    if (!err) {
        const hs_table *chosen = args->table == TABLE_SYSTEM ? sys : st;
        if (report && args->format == HS_OUT_JSON) {
            err = print_report_json(sys, st);
        } else if (args->format == HS_OUT_JSON) {
            err = hs_cli_table_json(chosen, NULL);
        } else {
            if (args->format == HS_OUT_CSV)
                hs_cli_table_csv(stdout, chosen, NULL);
            else if (report)
                report_text(stdout, hs_model_file(m), sys, st);
            else
                hs_cli_table_text(stdout, chosen, 0);
            if (fflush(stdout) != 0) err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    free(names);
    hs_table_destroy(sys);
    hs_table_destroy(st);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const char *const tables[] = {"states", "system", NULL};
/* In the order of hs_boot_stat. */
static const char *const influence_values[] = {"coordination",   "unidirectionality",       "closedness",
                                               "hub_brokered_closure", "ei_index", "hub_tie_weight",
                                               "coordinated_ally_weight", "bare_ally_weight", NULL};

static const hs_opt options[] = {
    HS_OPT_INCLUDE(hs_opts_year),
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "LIST",
     .help = "a panel: these years, one table for all (years and ranges A:B[:STEP] separated by commas); the "
             "output is the table --table names, in every format",
     .offset = offsetof(hs_cli_args, years),
     .max = 100000},
    HS_OPT_INCLUDE(hs_opts_view), HS_OPT_INCLUDE(hs_opts_state_set), HS_OPT_INCLUDE(hs_opts_weights),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_CHOICE,
     .name = "table",
     .value_name = "TABLE",
     .help = "for csv and panels: states (default; one row per state and year) or system (one row per year)",
     .offset = offsetof(hs_cli_args, table),
     .choices = tables},
    HS_OPT_INCLUDE(hs_opts_measures),
    HS_OPT_INCLUDE(hs_opts_permutations),
    HS_OPT_INCLUDE(hs_opts_bootstrap),
    {.type = HS_OPT_CHOICE,
     .name = "influence",
     .value_name = "VALUE",
     .help = "instead of the measures: each instrument's part in VALUE (coordination, unidirectionality, closedness, "
             "...), the value with it minus without it, largest first (docs/metrics.md, \"Influence\")",
     .offset = offsetof(hs_cli_args, influence),
     .choices = influence_values},
    {.type = HS_OPT_IDS,
     .name = "hubs",
     .value_name = "IDS",
     .help = "instead of the measures: the systems around each of these hubs in the year, with intervals, and the "
             "partners and allies they share (docs/metrics.md, \"Several hubs\")",
     .offset = offsetof(hs_cli_args, hubs)},
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_metrics = {
    "metrics",
    "measure hub coordination, unidirectionality and closedness",
    "FILE [OPTIONS]",
    "    Computes, for the alliance system active in year Y (every element of FILE when\n"
    "    --year is absent), the three indices in [0, 1] -- coordination K,\n"
    "    unidirectionality U, closedness C -- the system measures they rest on, and\n"
    "    per-state centralities. Every number is defined in docs/metrics.md with its\n"
    "    formula and source. A measure that is undefined for the input (no hub, no\n"
    "    allies, no ties) is printed as null (JSON), empty (CSV) or n/a (text).\n"
    "    With --years, the same for each year of a panel: the file is read once and\n"
    "    the output is one table (--table), one row per state and year or per year.\n"
    "    --measures chooses the columns: names of system measures for the system\n"
    "    table, of state measures for the states table (`hubspoke measures` lists\n"
    "    them); a table none of whose measures is named has them all.\n",
    options,
    "OUTPUT\n"
    "    json, one year: {\"year\", \"hub\", \"indices\": {\"coordination\",\n"
    "    \"unidirectionality\", \"closedness\"}, \"system\": {...}, \"states\": [{\"name\",\n"
    "    \"role\", ...}]}; with --years: an array of one object per row of the table.\n"
    "    csv: the table --table names, with a header row; list-valued cells hold a\n"
    "    JSON array (docs/cli.md, \"Values in the outputs\"). The keys are the names\n"
    "    docs/metrics.md lists, and the same names head the CSV columns.\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke metrics graphs/asia-pacific.gv --year 2023\n"
    "    hubspoke metrics graphs/asia-pacific.gv --year 1995 --format json\n"
    "    hubspoke metrics graphs/asia-pacific.graphml --format csv > states.csv\n"
    "    hubspoke metrics graphs/asia-pacific.gv --years 1951:2025 --table states --format csv > panel.csv\n"
    "    hubspoke metrics graphs/asia-pacific.gv --years 1951:2025 --table system --measures default --format csv\n"
    "    hubspoke metrics graphs/asia-pacific.gv --year 2016 --influence unidirectionality\n"
    "    hubspoke metrics atop.graphml --year 1960 --hubs USA,COW365 --bootstrap 1000 --format json\n",
    operands,
    1,
    1,
    run};
