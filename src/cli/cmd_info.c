/* hubspoke info: what a file holds, seen in one year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

typedef struct year_range {
    int first, last, any;
} year_range;

static void cover(year_range *r, int since, int until) {
    if (since != HS_SINCE_OPEN) {
        if (!r->any || since < r->first) r->first = since;
        if (!r->any || since > r->last) r->last = since;
        r->any = 1;
    }
    if (until != HS_UNTIL_OPEN) {
        /* until is exclusive: the last year an element is active is until - 1. */
        if (!r->any || until - 1 < r->first) r->first = until - 1;
        if (!r->any || until - 1 > r->last) r->last = until - 1;
        r->any = 1;
    }
}

static year_range years_covered(const hs_model *m) {
    year_range r = {0, 0, 0};
    for (size_t i = 0; i < hs_model_vertex_count(m); i++) cover(&r, hs_vertex_since(m, i), hs_vertex_until(m, i));
    for (size_t i = 0; i < hs_model_edge_count(m); i++) cover(&r, hs_edge_since(m, i), hs_edge_until(m, i));
    return r;
}

/* Active ties by kind, member edges included; index HS_KIND_COUNT = unspecified. */
static void count_kinds(const hs_view *v, size_t counts[HS_KIND_COUNT + 1]) {
    const hs_model *m = hs_view_model(v);
    memset(counts, 0, (HS_KIND_COUNT + 1) * sizeof *counts);
    for (size_t k = 0; k < hs_view_edge_count(v); k++) {
        hs_kind kind = hs_edge_kind(m, hs_view_edges(v)[k]);
        counts[kind == HS_KIND_UNSET ? HS_KIND_COUNT : kind]++;
    }
}

static json_t *span_json(int since, int until) {
    json_t *o = json_object();
    json_object_set_new(o, "since", since == HS_SINCE_OPEN ? json_null() : json_integer(since));
    json_object_set_new(o, "until", until == HS_UNTIL_OPEN ? json_null() : json_integer(until));
    return o;
}

static json_t *info_json(const hs_view *v) {
    const hs_model *m = hs_view_model(v);
    json_t *root = json_object();
    json_object_set_new(root, "period", hs_json_string_or_null(hs_model_period(m)));
    json_object_set_new(root, "version", hs_json_string_or_null(hs_model_graph_attr(m, "version")));
    json_object_set_new(root, "directed", json_boolean(hs_model_directed(m)));
    json_object_set_new(root, "year", hs_view_has_year(v) ? json_integer(hs_view_year(v)) : json_null());
    year_range yr = years_covered(m);
    json_t *years = yr.any ? json_object() : json_null();
    if (yr.any) {
        json_object_set_new(years, "first", json_integer(yr.first));
        json_object_set_new(years, "last", json_integer(yr.last));
    }
    json_object_set_new(root, "years", years);
    long hub = hs_view_hub(v);
    json_object_set_new(root, "hub", hub >= 0 ? json_string(hs_view_state_id(v, (size_t)hub)) : json_null());
    json_object_set_new(root, "hub_source",
                        hub >= 0 ? json_string(hs_hub_source_name(hs_view_hub_source(v))) : json_null());
    json_t *states = json_object();
    for (int r = 0; r < HS_ROLE_COUNT; r++) {
        json_t *list = json_array();
        for (size_t s = 0; s < hs_view_state_count(v); s++) {
            if (hs_view_state_role(v, s) == (hs_role)r)
                json_array_append_new(list, json_string(hs_view_state_id(v, s)));
        }
        json_object_set_new(states, hs_role_name((hs_role)r), list);
    }
    json_object_set_new(root, "states", states);
    json_t *mechs = json_array();
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        size_t mv = hs_view_mechanism_vertex(v, k);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(hs_vertex_id(m, mv)));
        json_object_set_new(o, "label", hs_json_string_or_null(hs_vertex_label(m, mv)));
        hs_kind kind = hs_vertex_kind(m, mv);
        hs_scope scope = hs_vertex_scope(m, mv);
        json_object_set_new(o, "kind", kind == HS_KIND_UNSET ? json_null() : json_string(hs_kind_name(kind)));
        json_object_set_new(o, "scope", scope == HS_SCOPE_UNSET ? json_null() : json_string(hs_scope_name(scope)));
        json_object_set_new(o, "issue", hs_json_string_or_null(hs_vertex_issue(m, mv)));
        json_object_set_new(o, "weight", hs_json_number(hs_view_mechanism_weight(v, k)));
        json_t *span = span_json(hs_vertex_since(m, mv), hs_vertex_until(m, mv));
        json_object_update(o, span);
        json_decref(span);
        json_t *members = json_array();
        const size_t *mem = hs_view_mechanism_members(v, k);
        for (size_t q = 0; q < hs_view_mechanism_member_count(v, k); q++)
            json_array_append_new(members, json_string(hs_view_state_id(v, mem[q])));
        json_object_set_new(o, "members", members);
        json_array_append_new(mechs, o);
    }
    json_object_set_new(root, "mechanisms", mechs);
    size_t counts[HS_KIND_COUNT + 1], total = 0;
    count_kinds(v, counts);
    json_t *ties = json_object();
    for (int k = 0; k <= HS_KIND_COUNT; k++) {
        json_object_set_new(ties, hs_kind_name(k == HS_KIND_COUNT ? HS_KIND_UNSET : (hs_kind)k),
                            json_integer((json_int_t)counts[k]));
        total += counts[k];
    }
    json_object_set_new(root, "ties", ties);
    json_t *n = json_object();
    json_object_set_new(n, "states", json_integer((json_int_t)hs_view_state_count(v)));
    json_object_set_new(n, "mechanisms", json_integer((json_int_t)hs_view_mechanism_count(v)));
    json_object_set_new(n, "ties", json_integer((json_int_t)total));
    json_object_set_new(root, "counts", n);
    return root;
}

static void print_ids(const hs_view *v, const char *title, hs_role role) {
    size_t n = 0;
    for (size_t s = 0; s < hs_view_state_count(v); s++) n += hs_view_state_role(v, s) == role;
    printf("  %-10s %zu", title, n);
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        if (hs_view_state_role(v, s) == role) printf(" %s", hs_view_state_id(v, s));
    }
    putchar('\n');
}

static void print_span(int since, int until) {
    if (since == HS_SINCE_OPEN && until == HS_UNTIL_OPEN) return;
    printf(", ");
    if (since != HS_SINCE_OPEN) printf("%d", since);
    printf("-");
    if (until != HS_UNTIL_OPEN) printf("%d", until - 1);
}

static void info_text(const hs_view *v) {
    const hs_model *m = hs_view_model(v);
    year_range yr = years_covered(m);
    printf("file        %s (%s)\n", hs_model_file(m), hs_model_directed(m) ? "directed" : "undirected");
    if (hs_model_period(m)) printf("period      %s\n", hs_model_period(m));
    if (hs_model_graph_attr(m, "version")) printf("version     %s%s%s%s\n", hs_model_graph_attr(m, "version"), hs_model_graph_attr(m, "date") ? " (" : "", hs_model_graph_attr(m, "date") ? hs_model_graph_attr(m, "date") : "", hs_model_graph_attr(m, "date") ? ")" : "");
    if (yr.any) printf("years       %d-%d covered\n", yr.first, yr.last);
    if (hs_view_has_year(v))
        printf("year        %d\n", hs_view_year(v));
    else
        printf("year        all elements, whatever their dates (no --year)\n");
    long hub = hs_view_hub(v);
    if (hub >= 0)
        printf("hub         %s (from %s)\n", hs_view_state_id(v, (size_t)hub),
               hs_hub_source_name(hs_view_hub_source(v)));
    else
        printf("hub         none (no --hub, hub attribute, role=hub or treaty tie)\n");
    printf("states      %zu\n", hs_view_state_count(v));
    print_ids(v, "hub", HS_ROLE_HUB);
    print_ids(v, "allies", HS_ROLE_ALLY);
    print_ids(v, "partners", HS_ROLE_PARTNER);
    print_ids(v, "other", HS_ROLE_OTHER);
    printf("mechanisms  %zu\n", hs_view_mechanism_count(v));
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        size_t mv = hs_view_mechanism_vertex(v, k);
        printf("  %-10s %s, %s", hs_vertex_id(m, mv), hs_kind_name(hs_vertex_kind(m, mv)),
               hs_scope_name(hs_vertex_scope(m, mv)));
        print_span(hs_vertex_since(m, mv), hs_vertex_until(m, mv));
        printf(":");
        const size_t *mem = hs_view_mechanism_members(v, k);
        for (size_t q = 0; q < hs_view_mechanism_member_count(v, k); q++) printf(" %s", hs_view_state_id(v, mem[q]));
        putchar('\n');
    }
    size_t counts[HS_KIND_COUNT + 1], total = 0;
    count_kinds(v, counts);
    for (int k = 0; k <= HS_KIND_COUNT; k++) total += counts[k];
    printf("ties        %zu\n", total);
    for (int k = 0; k <= HS_KIND_COUNT; k++) {
        if (counts[k])
            printf("  %-10s %zu\n", hs_kind_name(k == HS_KIND_COUNT ? HS_KIND_UNSET : (hs_kind)k), counts[k]);
    }
}

static int run(const hs_cli_args *args) {
    hs_model *m;
    hs_codebook *cb;
    hs_view *v;
    hs_error err = hs_cli_open_view(args, &m, &cb, &v);
    if (err) return hs_cli_fail(err);
    if (args->format == HS_OUT_JSON) {
        json_t *root = info_json(v);
        err = root ? hs_cli_print_json(root) : hs_error_set(HS_ENOMEM, "out of memory");
        json_decref(root);
    } else {
        info_text(v);
        if (fflush(stdout) != 0) err = hs_error_set(HS_EIO, "<stdout>: cannot write");
    }
    hs_view_destroy(v);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const hs_opt options[] = {HS_OPT_INCLUDE(hs_opts_year),        HS_OPT_INCLUDE(hs_opts_view), HS_OPT_INCLUDE(hs_opts_state_set),
                                 HS_OPT_INCLUDE(hs_opts_format_json), HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
                                 HS_OPT_INCLUDE(hs_opts_help),        HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_info = {"info",
                                "describe a file: states by role, mechanisms, ties, years",
                                "FILE [OPTIONS]",
                                "    Reads FILE (DOT or GraphML; '-' for standard input) and reports, for the year Y\n"
                                "    (or for every element of the file, whatever its dates, when --year is absent):\n"
                                "    the hub and how it was found, the states by role (hub, ally, partner, other),\n"
                                "    the active mechanisms with their members, the number of active ties of each\n"
                                "    kind, and the years the file covers. Roles are inferred as docs/schema.md\n"
                                "    (\"Roles\") describes unless a state's `role` attribute sets it.\n",
                                options,
                                "OUTPUT\n"
                                "    json: the keys are listed in docs/cli.md (\"info --format json\").\n"
                                "\n"
                                "EXIT STATUS\n"
                                "    0 success, 1 bad input, 2 usage error.\n"
                                "\n"
                                "EXAMPLES\n"
                                "    hubspoke info graphs/asia-pacific.gv\n"
                                "    hubspoke info graphs/asia-pacific.graphml --year 1990 --format json\n",
                                operands,
                                1,
                                1,
                                run};
