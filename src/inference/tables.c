/* Influence, events and several hubs as tables of results (table.h), so
 * that the CLI and the packages write them as they write the measures. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inference/inference_internal.h"
#include "metrics/metrics_internal.h"

/* Columns by name and type, added in order; stops at the first failure. */
static hs_error add_columns(hs_table *t, const char *const *names, const hs_value_type *types, size_t n) {
    hs_error err = HS_OK;
    for (size_t i = 0; !err && i < n; i++) err = hs_table_add_column(t, names[i], types[i], -1);
    return err;
}

static double view_year(const hs_view *v) { return hs_view_has_year(v) ? (double)hs_view_year(v) : NAN; }

hs_error hs_influence_table(const hs_view *v, hs_boot_stat sort_by, hs_table **out) {
    *out = NULL;
    if ((unsigned)sort_by >= HS_BOOT_STAT_COUNT) return hs_error_set(HS_EARG, "influence: unknown value %d", (int)sort_by);
    hs_influence inf;
    hs_error err = hs_influence_compute(v, &inf);
    hs_table *t = NULL;
    if (!err) err = hs_table_alloc(&t);
    static const char *const keys[] = {"year", "instrument", "type", "kind"};
    static const hs_value_type key_types[] = {HS_VALUE_INTEGER, HS_VALUE_TEXT, HS_VALUE_TEXT, HS_VALUE_TEXT};
    if (!err) err = add_columns(t, keys, key_types, 4);
    for (int s = 0; !err && s < HS_BOOT_STAT_COUNT; s++) {
        char name[64];
        snprintf(name, sizeof name, "%s_change", hs_boot_stat_name((hs_boot_stat)s));
        err = hs_table_add_column(t, name, HS_VALUE_REAL, -1);
    }
    if (!err) hs_influence_sort(&inf, sort_by);
    for (size_t k = 0; !err && k < inf.count; k++) {
        const hs_instrument *in = &inf.items[k];
        size_t row;
        char text[256];
        if ((err = hs_table_add_row(t, &row))) break;
        hs_table_set_number(t, row, 0, view_year(v));
        hs_instrument_describe(v, in, text, sizeof text);
        if ((err = hs_table_set_text(t, row, 1, text)) ||
            (err = hs_table_set_text(t, row, 2, in->mechanism ? "mechanism" : "tie")) ||
            (err = hs_table_set_text(t, row, 3, hs_kind_name(in->kind))))
            break;
        for (int s = 0; s < HS_BOOT_STAT_COUNT; s++) hs_table_set_number(t, row, 4 + (size_t)s, in->change[s]);
    }
    hs_influence_destroy(&inf);
    if (err) {
        hs_table_destroy(t);
        return err;
    }
    *out = t;
    return HS_OK;
}

static const char *const index_names[3] = {"coordination", "unidirectionality", "closedness"};

hs_error hs_events_table(const hs_model *m, const hs_view_options *base, int first, int last, int window,
                         const hs_bootstrap_options *o, hs_table **out) {
    *out = NULL;
    hs_events ev;
    hs_error err = hs_events_compute(m, base, first, last, window, o, &ev);
    hs_table *t = NULL;
    if (!err) err = hs_table_alloc(&t);
    static const char *const keys[] = {"year", "mechanism", "event", "years_before", "years_after", "others"};
    static const hs_value_type key_types[] = {HS_VALUE_INTEGER, HS_VALUE_TEXT,    HS_VALUE_TEXT,
                                              HS_VALUE_INTEGER, HS_VALUE_INTEGER, HS_VALUE_INTEGER};
    if (!err) err = add_columns(t, keys, key_types, 6);
    for (int i = 0; !err && i < 3; i++) {
        static const char *const ends[] = {"_change", "_change_lo", "_change_hi"};
        for (int e = 0; !err && e < 3; e++) {
            char name[64];
            snprintf(name, sizeof name, "%s%s", index_names[i], ends[e]);
            err = hs_table_add_column(t, name, HS_VALUE_REAL, -1);
        }
    }
    for (size_t k = 0; !err && k < ev.count; k++) {
        const hs_event *e = &ev.items[k];
        size_t row;
        if ((err = hs_table_add_row(t, &row))) break;
        hs_table_set_number(t, row, 0, e->year);
        if ((err = hs_table_set_text(t, row, 1, hs_vertex_id(m, e->mechanism))) ||
            (err = hs_table_set_text(t, row, 2, e->start ? "start" : "end")))
            break;
        hs_table_set_number(t, row, 3, e->years_before);
        hs_table_set_number(t, row, 4, e->years_after);
        hs_table_set_number(t, row, 5, (double)e->others);
        for (int i = 0; i < 3; i++) {
            hs_table_set_number(t, row, 6 + 3 * (size_t)i, e->change[i].estimate);
            hs_table_set_number(t, row, 7 + 3 * (size_t)i, e->change[i].lo);
            hs_table_set_number(t, row, 8 + 3 * (size_t)i, e->change[i].hi);
        }
    }
    hs_events_destroy(&ev);
    if (err) {
        hs_table_destroy(t);
        return err;
    }
    *out = t;
    return HS_OK;
}

/* The JSON text of the ids of `ids`: all of them (kind NULL), or those in
 * the systems' list named `kind`. */
static hs_error id_list(char *const *ids, size_t n, const hs_hub_systems *hs, const char *kind, char **text) {
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++) {
        int in = !kind;
        const char *const *pool = NULL;
        size_t npool = 0;
        if (kind && strcmp(kind, "shared_partners") == 0) pool = (const char *const *)hs->shared_partners, npool = hs->nshared_partners;
        if (kind && strcmp(kind, "shared_allies") == 0) pool = (const char *const *)hs->shared_allies, npool = hs->nshared_allies;
        if (kind && strcmp(kind, "crossing") == 0) pool = (const char *const *)hs->crossing, npool = hs->ncrossing;
        for (size_t j = 0; !in && j < npool; j++) in = strcmp(pool[j], ids[i]) == 0;
        if (in) json_array_append_new(list, json_string(ids[i]));
    }
    return hs_json_take_text(list, text);
}

hs_error hs_hub_systems_table(const hs_model *m, const hs_view_options *base, const char *const *hubs, size_t nhubs,
                              const hs_bootstrap_options *o, hs_table **out) {
    *out = NULL;
    hs_hub_systems hs;
    hs_error err = hs_hub_systems_compute(m, base, hubs, nhubs, o, &hs);
    hs_table *t = NULL;
    if (!err) err = hs_table_alloc(&t);
    static const char *const keys[] = {"year", "hub", "allies", "partners"};
    static const hs_value_type key_types[] = {HS_VALUE_INTEGER, HS_VALUE_TEXT, HS_VALUE_INTEGER, HS_VALUE_INTEGER};
    if (!err) err = add_columns(t, keys, key_types, 4);
    for (int i = 0; !err && i < 3; i++) {
        static const char *const ends[] = {"", "_lo", "_hi"};
        for (int e = 0; !err && e < 3; e++) {
            char name[64];
            snprintf(name, sizeof name, "%s%s", index_names[i], ends[e]);
            err = hs_table_add_column(t, name, HS_VALUE_REAL, -1);
        }
    }
    static const char *const lists[] = {"ally_ids", "partner_ids", "shared_partners", "crossing", "shared_allies"};
    static const hs_value_type list_types[] = {HS_VALUE_LIST, HS_VALUE_LIST, HS_VALUE_LIST, HS_VALUE_LIST,
                                               HS_VALUE_LIST};
    if (!err) err = add_columns(t, lists, list_types, 5);
    for (size_t h = 0; !err && h < hs.count; h++) {
        const hs_hub_system *s = &hs.systems[h];
        size_t row;
        if ((err = hs_table_add_row(t, &row))) break;
        hs_table_set_number(t, row, 0, base->has_year ? (double)base->year : NAN);
        if ((err = hs_table_set_text(t, row, 1, s->hub))) break;
        hs_table_set_number(t, row, 2, (double)s->nallies);
        hs_table_set_number(t, row, 3, (double)s->npartners);
        for (int i = 0; i < 3; i++) {
            hs_table_set_number(t, row, 4 + 3 * (size_t)i, s->interval[i].estimate);
            hs_table_set_number(t, row, 5 + 3 * (size_t)i, s->interval[i].lo);
            hs_table_set_number(t, row, 6 + 3 * (size_t)i, s->interval[i].hi);
        }
        char *text[5] = {NULL};
        if (!(err = id_list(s->allies, s->nallies, &hs, NULL, &text[0])) &&
            !(err = id_list(s->partners, s->npartners, &hs, NULL, &text[1])) &&
            !(err = id_list(s->partners, s->npartners, &hs, "shared_partners", &text[2])) &&
            !(err = id_list(s->allies, s->nallies, &hs, "crossing", &text[3])))
            err = id_list(s->allies, s->nallies, &hs, "shared_allies", &text[4]);
        for (int k = 0; k < 5; k++) hs_table_take_text(t, row, 13 + (size_t)k, text[k]);
    }
    hs_hub_systems_destroy(&hs);
    if (err) {
        hs_table_destroy(t);
        return err;
    }
    *out = t;
    return HS_OK;
}
