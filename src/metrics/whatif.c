/* What-if scenarios (metrics.h): the system table of each scenario's edits
 * beside the table as the file has it, year by year, and their difference. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_internal.h"

/* The columns of `src` (year, hub, measures) with `scenario` after `year`. */
static hs_error scenario_columns(hs_table *dst, const hs_table *src) {
    hs_error err = HS_OK;
    for (size_t c = 0; !err && c < hs_table_column_count(src); c++) {
        err = hs_table_add_column(dst, hs_table_column_name(src, c), hs_table_column_type(src, c),
                                  hs_table_column_measure(src, c));
        if (!err && c == 0) err = hs_table_add_column(dst, "scenario", HS_VALUE_TEXT, -1);
    }
    return err;
}

/* Row `row` of src, as a row of dst for `scenario`. */
static hs_error append_row(hs_table *dst, const hs_table *src, size_t row, const char *scenario) {
    size_t r;
    hs_error err = hs_table_add_row(dst, &r);
    for (size_t c = 0; !err && c < hs_table_column_count(src); c++) {
        size_t d = c ? c + 1 : 0;
        hs_value_type type = hs_table_column_type(src, c);
        if (type == HS_VALUE_TEXT || type == HS_VALUE_LIST)
            err = hs_table_set_text(dst, r, d, hs_table_text(src, row, c));
        else
            hs_table_set_number(dst, r, d, hs_table_number(src, row, c));
    }
    if (!err) err = hs_table_set_text(dst, r, 1, scenario);
    return err;
}

hs_error hs_whatif_table(const hs_model *model, const hs_view_options *view_options, const int *years,
                         size_t year_count, const hs_scenario *scenarios, size_t scenario_count,
                         const hs_metrics_options *options, hs_table **before, hs_table **after, hs_table **change) {
    if (!model || (scenario_count && !scenarios) || (year_count && !years))
        return hs_error_set(HS_EARG, "hs_whatif_table: a NULL argument");
    hs_view_options base;
    if (view_options)
        base = *view_options;
    else
        hs_view_options_init(&base);
    base.edits = NULL;
    base.edit_count = 0;
    hs_table *as_is = NULL, *out[2] = {NULL, NULL}, *diff = NULL;
    hs_error err = hs_metrics_table(model, &base, years, year_count, options, &as_is, NULL);
    for (int k = 0; !err && k < 2; k++) {
        if (!(err = hs_table_alloc(&out[k]))) err = scenario_columns(out[k], as_is);
    }
    for (size_t s = 0; !err && s < scenario_count; s++) {
        const hs_scenario *sc = &scenarios[s];
        const char *name = sc->name ? sc->name : "";
        hs_model *derived = NULL;
        hs_table *edited = NULL;
        hs_view_options vo = base;
        vo.edits = sc->edits;
        vo.edit_count = sc->edit_count;
        if (!(err = hs_scenario_model(model, sc->edits, sc->edit_count, &derived)))
            err = hs_metrics_table(derived ? derived : model, &vo, years, year_count, options, &edited, NULL);
        for (size_t r = 0; !err && r < hs_table_row_count(as_is); r++) {
            if (!(err = append_row(out[0], as_is, r, name))) err = append_row(out[1], edited, r, name);
        }
        hs_table_destroy(edited);
        hs_model_destroy(derived);
        if (err && scenario_count > 1) {
            /* Name the scenario: the edit's message alone does not say which. */
            char reason[768];
            snprintf(reason, sizeof reason, "%s", hs_error_last());
            err = hs_error_set(err, "scenario '%s': %s", name, reason);
        }
    }
    if (!err && change) err = hs_table_difference(out[0], out[1], &diff);
    hs_table_destroy(as_is);
    if (err) {
        hs_table_destroy(out[0]);
        hs_table_destroy(out[1]);
        return err;
    }
    if (before)
        *before = out[0];
    else
        hs_table_destroy(out[0]);
    if (after)
        *after = out[1];
    else
        hs_table_destroy(out[1]);
    if (change) *change = diff;
    return HS_OK;
}
