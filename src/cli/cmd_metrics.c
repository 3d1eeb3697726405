/* hubspoke metrics: hub coordination, unidirectionality and closedness. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hubspoke/metrics.h"

typedef struct report {
    hs_indices idx;
    hs_coordination co;
    hs_unidirectionality un;
    hs_closedness cl;
    hs_cutsets cs;
    igraph_vector_t degree, strength, betweenness, closeness, eigenvector, constraint, hub_dependence;
    igraph_matrix_t brokerage;
    int ready;
} report;

static void report_destroy(report *r) {
    if (!r->ready) return;
    hs_closedness_destroy(&r->cl);
    hs_cutsets_destroy(&r->cs);
    igraph_vector_destroy(&r->degree);
    igraph_vector_destroy(&r->strength);
    igraph_vector_destroy(&r->betweenness);
    igraph_vector_destroy(&r->closeness);
    igraph_vector_destroy(&r->eigenvector);
    igraph_vector_destroy(&r->constraint);
    igraph_vector_destroy(&r->hub_dependence);
    igraph_matrix_destroy(&r->brokerage);
}

static hs_error report_compute(const hs_view *v, igraph_integer_t permutations, uint64_t seed, report *r) {
    memset(r, 0, sizeof *r);
    hs_error err = hs_closedness_init(&r->cl);
    if (err) return err;
    if ((err = hs_cutsets_init(&r->cs))) {
        hs_closedness_destroy(&r->cl);
        return err;
    }
    igraph_vector_init(&r->degree, 0);
    igraph_vector_init(&r->strength, 0);
    igraph_vector_init(&r->betweenness, 0);
    igraph_vector_init(&r->closeness, 0);
    igraph_vector_init(&r->eigenvector, 0);
    igraph_vector_init(&r->constraint, 0);
    igraph_vector_init(&r->hub_dependence, 0);
    igraph_matrix_init(&r->brokerage, 0, 0);
    r->ready = 1;
    if ((err = hs_state_degree(v, &r->degree)) || (err = hs_state_strength(v, &r->strength)) ||
        (err = hs_state_path_centralities(v, &r->betweenness, &r->closeness)) ||
        (err = hs_state_eigenvector(v, &r->eigenvector)) || (err = hs_state_constraint(v, &r->constraint)) ||
        (err = hs_state_hub_dependence(v, &r->hub_dependence)) ||
        (err = hs_state_brokerage(v, &r->brokerage)) || (err = hs_indices_compute(v, &r->idx)) ||
        (err = hs_coordination_compute(v, &r->betweenness, &r->co)) || (err = hs_unidirectionality_compute(v, &r->un)) ||
        (err = hs_closedness_compute(v, permutations, seed, &r->cl)) || (err = hs_cutsets_compute(v, &r->cs)))
        return err;
    return HS_OK;
}

/* ---- the measures as (name, value) rows: one list feeds JSON, CSV and text ---- */

typedef enum { V_NUMBER, V_COUNT, V_BOOL, V_IDS, V_PAIRS, V_SETS, V_CUTS } value_kind;

typedef struct system_row {
    const char *name;
    value_kind kind;
    double number;
    const igraph_vector_int_t *ids;
    const igraph_vector_int_list_t *sets;
} system_row;

#define NUM(n, x) ((system_row){(n), V_NUMBER, (x), NULL, NULL})
#define CNT(n, x) ((system_row){(n), V_COUNT, (double)(x), NULL, NULL})

static int system_rows(const hs_view *v, const report *r, system_row *rows) {
    int n = 0;
    rows[n++] = CNT("states", hs_view_state_count(v));
    int allies = 0, partners = 0;
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        allies += hs_view_state_role(v, s) == HS_ROLE_ALLY;
        partners += hs_view_state_role(v, s) == HS_ROLE_PARTNER;
    }
    rows[n++] = CNT("allies", allies);
    rows[n++] = CNT("partners", partners);
    rows[n++] = CNT("mechanisms", hs_view_mechanism_count(v));
    rows[n++] = CNT("ties", hs_view_tie_count(v));
    rows[n++] = NUM("degree_centralization", r->co.degree_centralization);
    rows[n++] = NUM("betweenness_centralization", r->co.betweenness_centralization);
    rows[n++] = (system_row){"hub_articulation_point", V_BOOL, (double)r->co.hub_articulation_point, NULL, NULL};
    rows[n++] = NUM("hub_only_ally_pairs", r->co.hub_only_ally_pairs);
    rows[n++] = NUM("hub_tie_weight", hs_view_hub(v) >= 0 ? r->co.hub_tie_weight : NAN);
    rows[n++] = NUM("coordinated_ally_weight", hs_view_hub(v) >= 0 ? r->co.coordinated_ally_weight : NAN);
    rows[n++] = NUM("bare_ally_weight", hs_view_hub(v) >= 0 ? r->co.bare_ally_weight : NAN);
    rows[n++] = NUM("hub_brokered_closure", r->co.hub_brokered_closure);
    static const char *const hub_broker[HS_BROKER_ROLES] = {"hub_brokerage_coordinator", "hub_brokerage_itinerant",
                                                            "hub_brokerage_gatekeeper", "hub_brokerage_representative",
                                                            "hub_brokerage_liaison"};
    for (int b = 0; b < HS_BROKER_ROLES; b++) rows[n++] = CNT(hub_broker[b], r->co.hub_brokerage[b]);
    rows[n++] = NUM("reciprocity", r->un.reciprocity);
    rows[n++] = NUM("krackhardt_connectedness", r->un.krackhardt.connectedness);
    rows[n++] = NUM("krackhardt_hierarchy", r->un.krackhardt.hierarchy);
    rows[n++] = NUM("krackhardt_efficiency", r->un.krackhardt.efficiency);
    rows[n++] = NUM("krackhardt_lub", r->un.krackhardt.lub);
    rows[n++] = NUM("flow_hierarchy", r->un.flow_hierarchy);
    rows[n++] = NUM("hub_dependence_share", r->un.hub_dependence_share);
    rows[n++] = NUM("ei_index", r->cl.ei.ei);
    rows[n++] = NUM("ei_expected", r->cl.ei.expected);
    rows[n++] = NUM("ei_p_closed", r->cl.ei.p_closed);
    rows[n++] = CNT("ei_permutations", r->cl.ei.permutations);
    rows[n++] = NUM("conductance", r->cl.conductance);
    rows[n++] = CNT("partners_tied_in", hs_view_hub(v) >= 0 ? (double)r->cl.partners_tied_in : NAN);
    rows[n++] = (system_row){"partner_cuts", V_CUTS, 0, NULL, NULL};
    rows[n++] = (system_row){"articulation_points", V_IDS, 0, &r->cs.articulation_points, NULL};
    rows[n++] = (system_row){"bridges", V_PAIRS, 0, &r->cs.bridges, NULL};
    rows[n++] = CNT("vertex_connectivity", r->cs.vertex_connectivity);
    rows[n++] = (system_row){"minimum_separators", V_SETS, 0, NULL, &r->cs.separators};
    return n;
}
#define MAX_SYSTEM_ROWS 48

typedef struct state_col {
    const char *name;
    const igraph_vector_t *vec;
    int broker; /* column of the brokerage matrix, or -1 */
} state_col;

static const state_col *state_cols(const report *r) {
    static state_col cols[13];
    state_col c[13] = {{"degree", &r->degree, -1},           {"strength", &r->strength, -1},
                       {"betweenness", &r->betweenness, -1}, {"closeness", &r->closeness, -1},
                       {"eigenvector", &r->eigenvector, -1}, {"constraint", &r->constraint, -1},
                       {"hub_dependence", &r->hub_dependence, -1},
                       {"brokerage_coordinator", NULL, 0},   {"brokerage_itinerant", NULL, 1},
                       {"brokerage_gatekeeper", NULL, 2},    {"brokerage_representative", NULL, 3},
                       {"brokerage_liaison", NULL, 4},       {NULL, NULL, -1}};
    memcpy(cols, c, sizeof c);
    return cols;
}

static double state_value(const report *r, const state_col *c, size_t s) {
    return c->broker >= 0 ? MATRIX(r->brokerage, (igraph_integer_t)s, c->broker) : VECTOR(*c->vec)[s];
}

/* ---- JSON ---------------------------------------------------------------------- */

static json_t *ids_json(const hs_view *v, const igraph_vector_int_t *ids, igraph_integer_t from, igraph_integer_t to) {
    json_t *a = json_array();
    for (igraph_integer_t i = from; i < to; i++)
        json_array_append_new(a, json_string(hs_view_state_id(v, (size_t)VECTOR(*ids)[i])));
    return a;
}

static json_t *pairs_json(const hs_view *v, const igraph_vector_int_t *ids) {
    json_t *a = json_array();
    for (igraph_integer_t i = 0; i + 1 < igraph_vector_int_size(ids); i += 2) json_array_append_new(a, ids_json(v, ids, i, i + 2));
    return a;
}

/* A scalar system measure: a number, a count or a flag (null when undefined). */
static json_t *row_json(const system_row *row) {
    if (row->kind == V_BOOL) return row->number < 0 ? json_null() : json_boolean(row->number > 0);
    if (row->kind == V_COUNT) return isfinite(row->number) ? json_integer((json_int_t)row->number) : json_null();
    return hs_json_number(row->number);
}

static json_t *state_json(const hs_view *v, const report *r, size_t s) {
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(hs_view_state_id(v, s)));
    json_object_set_new(o, "role", json_string(hs_role_name(hs_view_state_role(v, s))));
    for (const state_col *c = state_cols(r); c->name; c++) {
        double x = state_value(r, c, s);
        json_object_set_new(o, c->name,
                            (c->broker >= 0 || strcmp(c->name, "degree") == 0) ? json_integer((json_int_t)x)
                                                                               : hs_json_number(x));
    }
    return o;
}

#define JSON_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* Write a value compactly and free it; 0 on failure. */
static int put_json(FILE *out, json_t *value) {
    int ok = value && json_dumpf(value, out, JSON_FLAGS) == 0;
    json_decref(value);
    return ok;
}

/* A list-valued system measure, one item at a time: a JSON tree of a large
 * system's partner cuts or separators would cost more memory than the
 * measures themselves. */
static int put_list(FILE *out, const hs_view *v, const report *r, const system_row *row) {
    igraph_integer_t n = row->kind == V_IDS     ? igraph_vector_int_size(row->ids)
                         : row->kind == V_PAIRS ? igraph_vector_int_size(row->ids) / 2
                         : row->kind == V_SETS  ? igraph_vector_int_list_size(row->sets)
                                                : igraph_vector_int_size(&r->cl.partners);
    int ok = fputc('[', out) != EOF;
    for (igraph_integer_t i = 0; ok && i < n; i++) {
        ok = fputs(i ? (row->kind == V_IDS ? ", " : ",\n      ") : (row->kind == V_IDS ? "" : "\n      "), out) >= 0;
        json_t *item;
        if (row->kind == V_IDS) {
            item = json_string(hs_view_state_id(v, (size_t)VECTOR(*row->ids)[i]));
        } else if (row->kind == V_PAIRS) {
            item = ids_json(v, row->ids, 2 * i, 2 * i + 2);
        } else if (row->kind == V_SETS) {
            const igraph_vector_int_t *set = igraph_vector_int_list_get_ptr(row->sets, i);
            item = ids_json(v, set, 0, igraph_vector_int_size(set));
        } else {
            item = json_object();
            json_object_set_new(item, "partner", json_string(hs_view_state_id(v, (size_t)VECTOR(r->cl.partners)[i])));
            json_object_set_new(item, "value", hs_json_number(VECTOR(r->cl.cut_values)[i]));
            json_object_set_new(item, "ties", pairs_json(v, igraph_vector_int_list_get_ptr(&r->cl.cut_ties, i)));
        }
        ok = ok && put_json(out, item);
    }
    return ok && fputs(n && row->kind != V_IDS ? "\n    ]" : "]", out) >= 0;
}

/* The report is written as it is read, never built whole. */
static hs_error print_report_json(const hs_view *v, const report *r) {
    FILE *out = stdout;
    long hub = hs_view_hub(v);
    int ok = fputs("{\n  \"year\": ", out) >= 0 &&
             put_json(out, hs_view_has_year(v) ? json_integer(hs_view_year(v)) : json_null()) &&
             fputs(",\n  \"hub\": ", out) >= 0 &&
             put_json(out, hub >= 0 ? json_string(hs_view_state_id(v, (size_t)hub)) : json_null()) &&
             fputs(",\n  \"indices\": {\"coordination\": ", out) >= 0 && put_json(out, hs_json_number(r->idx.coordination)) &&
             fputs(", \"unidirectionality\": ", out) >= 0 && put_json(out, hs_json_number(r->idx.unidirectionality)) &&
             fputs(", \"closedness\": ", out) >= 0 && put_json(out, hs_json_number(r->idx.closedness)) &&
             fputs("},\n  \"system\": {", out) >= 0;
    system_row rows[MAX_SYSTEM_ROWS];
    int n = system_rows(v, r, rows);
    for (int i = 0; ok && i < n; i++) {
        ok = fprintf(out, "%s\n    \"%s\": ", i ? "," : "", rows[i].name) >= 0;
        if (!ok) break;
        if (rows[i].kind == V_NUMBER || rows[i].kind == V_COUNT || rows[i].kind == V_BOOL)
            ok = put_json(out, row_json(&rows[i]));
        else
            ok = put_list(out, v, r, &rows[i]);
    }
    ok = ok && fputs("\n  },\n  \"states\": [", out) >= 0;
    for (size_t s = 0; ok && s < hs_view_state_count(v); s++) {
        ok = fputs(s ? ",\n    " : "\n    ", out) >= 0 && put_json(out, state_json(v, r, s));
    }
    ok = ok && fputs(hs_view_state_count(v) ? "\n  ]\n}\n" : "]\n}\n", out) >= 0 && fflush(out) == 0;
    return ok ? HS_OK : hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
}

/* ---- CSV (RFC 4180) -------------------------------------------------------------- */

static void csv_row_value(FILE *out, const hs_view *v, const report *r, const system_row *row) {
    char *text = NULL;
    size_t len = 0;
    FILE *b;
    switch (row->kind) {
    case V_NUMBER: hs_cli_csv_number(out, row->number); return;
    case V_COUNT:
        if (isfinite(row->number)) fprintf(out, "%lld", (long long)row->number);
        return;
    case V_BOOL: fputs(row->number < 0 ? "" : row->number > 0 ? "true" : "false", out); return;
    default: break;
    }
    if (!(b = open_memstream(&text, &len))) return;
    switch (row->kind) {
    case V_IDS:
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(row->ids); i++)
            fprintf(b, "%s%s", i ? " " : "", hs_view_state_id(v, (size_t)VECTOR(*row->ids)[i]));
        break;
    case V_PAIRS:
        for (igraph_integer_t i = 0; i + 1 < igraph_vector_int_size(row->ids); i += 2)
            fprintf(b, "%s%s-%s", i ? " " : "", hs_view_state_id(v, (size_t)VECTOR(*row->ids)[i]),
                          hs_view_state_id(v, (size_t)VECTOR(*row->ids)[i + 1]));
        break;
    case V_SETS:
        for (igraph_integer_t i = 0; i < igraph_vector_int_list_size(row->sets); i++) {
            const igraph_vector_int_t *set = igraph_vector_int_list_get_ptr(row->sets, i);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(set); j++)
                fprintf(b, "%s%s", j ? " " : i ? ";" : "", hs_view_state_id(v, (size_t)VECTOR(*set)[j]));
        }
        break;
    default:
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&r->cl.partners); i++) {
            char num[40];
            snprintf(num, sizeof num, "%.15g", VECTOR(r->cl.cut_values)[i]);
            fprintf(b, "%s%s=%s", i ? ";" : "", hs_view_state_id(v, (size_t)VECTOR(r->cl.partners)[i]), num);
        }
        break;
    }
    fclose(b);
    hs_cli_csv_field(out, text ? text : "");
    free(text);
}

static void report_csv_states(FILE *out, const hs_view *v, const report *r) {
    fputs("year,name,role", out);
    for (const state_col *c = state_cols(r); c->name; c++) fprintf(out, ",%s", c->name);
    fputs("\r\n", out);
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        if (hs_view_has_year(v)) fprintf(out, "%d", hs_view_year(v));
        fputc(',', out);
        hs_cli_csv_field(out, hs_view_state_id(v, s));
        fprintf(out, ",%s", hs_role_name(hs_view_state_role(v, s)));
        for (const state_col *c = state_cols(r); c->name; c++) {
            fputc(',', out);
            hs_cli_csv_number(out, state_value(r, c, s));
        }
        fputs("\r\n", out);
    }
}

static void report_csv_system(FILE *out, const hs_view *v, const report *r) {
    system_row rows[MAX_SYSTEM_ROWS];
    int n = system_rows(v, r, rows);
    fputs("year,hub,coordination,unidirectionality,closedness", out);
    for (int i = 0; i < n; i++) fprintf(out, ",%s", rows[i].name);
    fputs("\r\n", out);
    if (hs_view_has_year(v)) fprintf(out, "%d", hs_view_year(v));
    fputc(',', out);
    if (hs_view_hub(v) >= 0) hs_cli_csv_field(out, hs_view_state_id(v, (size_t)hs_view_hub(v)));
    double idx[3] = {r->idx.coordination, r->idx.unidirectionality, r->idx.closedness};
    for (int i = 0; i < 3; i++) {
        fputc(',', out);
        hs_cli_csv_number(out, idx[i]);
    }
    for (int i = 0; i < n; i++) {
        fputc(',', out);
        csv_row_value(out, v, r, &rows[i]);
    }
    fputs("\r\n", out);
}

/* ---- text ------------------------------------------------------------------------ */

static void report_text(FILE *out, const hs_view *v, const report *r) {
    const hs_model *m = hs_view_model(v);
    long hub = hs_view_hub(v);
    fprintf(out, "%s", hs_model_file(m));
    if (hs_view_has_year(v)) fprintf(out, ", year %d", hs_view_year(v));
    else fputs(", all elements (no --year)", out);
    fprintf(out, ", hub %s\n\n", hub >= 0 ? hs_view_state_id(v, (size_t)hub) : "none");
    fputs("Indices (0..1, docs/metrics.md)\n", out);
    fputs("  coordination       K = ", out);
    hs_cli_text_number(out, r->idx.coordination);
    fputs("\n  unidirectionality  U = ", out);
    hs_cli_text_number(out, r->idx.unidirectionality);
    fputs("\n  closedness         C = ", out);
    hs_cli_text_number(out, r->idx.closedness);
    fputs("\n\nSystem\n", out);
    system_row rows[MAX_SYSTEM_ROWS];
    int n = system_rows(v, r, rows);
    for (int i = 0; i < n; i++) {
        fprintf(out, "  %-30s ", rows[i].name);
        if (rows[i].kind == V_NUMBER) hs_cli_text_number(out, rows[i].number);
        else if (rows[i].kind == V_COUNT && !isfinite(rows[i].number)) fputs("n/a", out);
        else csv_row_value(out, v, r, &rows[i]);
        fputc('\n', out);
    }
    fputs("\nStates\n", out);
    fprintf(out, "  %-10s %-8s %6s %9s %12s %9s %11s %10s %10s %s\n", "name", "role", "degree", "strength",
            "betweenness", "closeness", "eigenvector", "constraint", "hub_dep", "brokerage c/i/g/r/l");
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        fprintf(out, "  %-10s %-8s %6.0f %9.4f %12.4f %9.4f %11.4f ", hs_view_state_id(v, s),
                hs_role_name(hs_view_state_role(v, s)), VECTOR(r->degree)[s], VECTOR(r->strength)[s],
                VECTOR(r->betweenness)[s], VECTOR(r->closeness)[s], VECTOR(r->eigenvector)[s]);
        if (isfinite(VECTOR(r->constraint)[s])) fprintf(out, "%10.4f", VECTOR(r->constraint)[s]);
        else fprintf(out, "%10s", "n/a");
        if (isfinite(VECTOR(r->hub_dependence)[s])) fprintf(out, " %10.4f", VECTOR(r->hub_dependence)[s]);
        else fprintf(out, " %10s", "n/a");
        fputc(' ', out);
        for (int b = 0; b < HS_BROKER_ROLES; b++)
            fprintf(out, "%s%.0f", b ? "/" : "", MATRIX(r->brokerage, (igraph_integer_t)s, b));
        fputc('\n', out);
    }
}

/* ---- the command ----------------------------------------------------------------- */

static int run(const hs_cli_args *args) {
    unsigned long long permutations = hs_cli_given(args, "permutations") ? args->permutations : 1000;
    unsigned long long seed = hs_cli_given(args, "seed") ? args->seed : 1;
    int table_system = args->table == 1;
    hs_model *m;
    hs_codebook *cb;
    hs_view *v;
    hs_error err = hs_cli_open_view(args, &m, &cb, &v);
    if (err) return hs_cli_fail(err);
    report r;
    err = report_compute(v, (igraph_integer_t)permutations, (uint64_t)seed, &r);
    if (!err) {
        if (args->format == HS_OUT_JSON) {
            err = print_report_json(v, &r);
        } else {
            if (args->format == HS_OUT_CSV && table_system) report_csv_system(stdout, v, &r);
            else if (args->format == HS_OUT_CSV) report_csv_states(stdout, v, &r);
            else report_text(stdout, v, &r);
            if (fflush(stdout) != 0) err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    report_destroy(&r);
    hs_view_destroy(v);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const char *const tables[] = {"states", "system", NULL};

static const hs_opt options[] = {
    HS_OPT_INCLUDE(hs_opts_year),
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_CHOICE, .name = "table", .value_name = "TABLE", .help = "for csv: states (default; one row per state) or system (one row of system measures and indices)", .offset = offsetof(hs_cli_args, table), .choices = tables},
    HS_OPT_INCLUDE(hs_opts_permutations),
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
    "    allies, no ties) is printed as null (JSON), empty (CSV) or n/a (text).\n",
    options,
    "OUTPUT\n"
    "    json: {\"year\", \"hub\", \"indices\": {\"coordination\", \"unidirectionality\",\n"
    "    \"closedness\"}, \"system\": {...}, \"states\": [{\"name\", \"role\", ...}]}; the keys\n"
    "    are the names docs/metrics.md lists, and the same names head the CSV columns.\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke metrics graphs/asia-pacific.gv --year 2023\n"
    "    hubspoke metrics graphs/asia-pacific.gv --year 1995 --format json\n"
    "    hubspoke metrics graphs/asia-pacific.graphml --format csv > states.csv\n",
    operands,
    1,
    1,
    run};
