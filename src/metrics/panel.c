/* Tables of measures (metrics.h): a selection of the registry computed for
 * each view of a panel, one year or model after another. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/check.h"
#include "metrics/metrics_internal.h"

void hs_metrics_options_init(hs_metrics_options *o) {
    *o = (hs_metrics_options){.permutations = 1000, .seed = 1, .bootstrap = 1000, .level = 0.95};
}

/* The registry rows a table's selection names, in order, repeats dropped. */
typedef struct selection {
    size_t *index;
    size_t count;
} selection;

static void add(selection *s, size_t i) {
    for (size_t k = 0; k < s->count; k++) {
        if (s->index[k] == i) return;
    }
    s->index[s->count++] = i;
}

/* The columns of both tables, indexed by hs_measure_kind; *needs_test when a
 * result of the E-I permutation test is among them. */
static hs_error select_measures(const hs_metrics_options *o, selection sel[2], int *needs_test) {
    size_t n = hs_measure_count();
    *needs_test = 0;
    for (int k = 0; k < 2; k++) {
        sel[k].count = 0;
        if (!(sel[k].index = hs_malloc(n * sizeof *sel[k].index))) return HS_ENOMEM;
    }
    for (size_t k = 0; o->measures && k < o->measure_count; k++) {
        const char *name = o->measures[k];
        int all = name && strcmp(name, "all") == 0, def = name && strcmp(name, "default") == 0;
        for (size_t i = 0; (all || def) && i < n; i++) {
            const hs_measure *m = hs_measure_get(i);
            if (def ? (m->flags & HS_MEASURE_DEFAULT) != 0
                    : m->type != HS_VALUE_LIST && !(m->flags & HS_MEASURE_CHANGE))
                add(&sel[m->kind], i);
        }
        if (all || def) continue;
        long i = hs_measure_find(name);
        if (i < 0) return hs_error_set(HS_EARG, "'%s' is not a measure", name ? name : "(null)");
        add(&sel[hs_measure_get((size_t)i)->kind], (size_t)i);
    }
    /* A table none of whose measures is named gets all of its kind but the changes. */
    int empty[2] = {sel[0].count == 0, sel[1].count == 0};
    for (size_t i = 0; i < n; i++) {
        const hs_measure *m = hs_measure_get(i);
        if (empty[m->kind] && !(m->flags & HS_MEASURE_CHANGE)) add(&sel[m->kind], i);
    }
    for (int k = 0; k < 2; k++) {
        for (size_t j = 0; j < sel[k].count; j++)
            *needs_test |= (hs_measure_get(sel[k].index[j])->flags & HS_MEASURE_PERMUTATION) != 0;
    }
    return HS_OK;
}

/* A table and its columns: year and hub, or year, name and role, then the
 * selected measures. */
static hs_error new_table(hs_measure_kind kind, const selection *s, hs_table **out) {
    hs_error err = hs_table_alloc(out);
    hs_table *t = *out;
    if (!err) err = hs_table_add_column(t, "year", HS_VALUE_INTEGER, -1);
    if (!err && kind == HS_MEASURE_SYSTEM) err = hs_table_add_column(t, "hub", HS_VALUE_TEXT, -1);
    if (!err && kind == HS_MEASURE_STATE && !(err = hs_table_add_column(t, "name", HS_VALUE_TEXT, -1)))
        err = hs_table_add_column(t, "role", HS_VALUE_TEXT, -1);
    for (size_t k = 0; !err && k < s->count; k++) {
        const hs_measure *m = hs_measure_get(s->index[k]);
        err = hs_table_add_column(t, m->name, m->type, (long)s->index[k]);
    }
    return err;
}

/* A measure is missing without a hub when its registry row says so: the one
 * place that rule is applied. */
static int missing_here(const hs_measure *m, const hs_view *v) {
    return (m->flags & HS_MEASURE_NEEDS_HUB) && hs_view_hub(v) < 0;
}

/* The view's row of the system table. */
static hs_error system_row(hs_table *t, const selection *s, hs_measure_context *c) {
    const hs_view *v = c->view;
    size_t row;
    hs_error err = hs_table_add_row(t, &row);
    if (err) return err;
    hs_table_set_number(t, row, 0, hs_view_has_year(v) ? hs_view_year(v) : NAN);
    long hub = hs_view_hub(v);
    if (hub >= 0 && (err = hs_table_set_text(t, row, 1, hs_view_state_id(v, (size_t)hub)))) return err;
    for (size_t k = 0; !err && k < s->count; k++) {
        const hs_measure_def *d = hs_measure_def_get(s->index[k]);
        hs_cell cell = {NAN, NULL};
        if (!missing_here(&d->pub, v)) err = d->system(c, &cell);
        if (d->pub.type == HS_VALUE_LIST || d->pub.type == HS_VALUE_TEXT)
            hs_table_take_text(t, row, 2 + k, cell.text);
        else
            hs_table_set_number(t, row, 2 + k, cell.number);
    }
    return err;
}

/* The view's rows of the states table, one per state. */
static hs_error state_rows(hs_table *t, const selection *s, hs_measure_context *c) {
    const hs_view *v = c->view;
    size_t n = hs_view_state_count(v), row;
    double year = hs_view_has_year(v) ? hs_view_year(v) : NAN;
    double *values = hs_malloc((n ? n : 1) * (s->count ? s->count : 1) * sizeof *values);
    if (!values) return HS_ENOMEM;
    hs_error err = HS_OK;
    for (size_t k = 0; !err && k < s->count; k++) {
        const hs_measure_def *d = hs_measure_def_get(s->index[k]);
        double *column = values + k * n;
        if (missing_here(&d->pub, v)) {
            for (size_t i = 0; i < n; i++) column[i] = NAN;
        } else {
            err = d->state(c, column);
        }
    }
    for (size_t i = 0; !err && i < n; i++) {
        if ((err = hs_table_add_row(t, &row))) break;
        hs_table_set_number(t, row, 0, year);
        if ((err = hs_table_set_text(t, row, 1, hs_view_state_id(v, i))) ||
            (err = hs_table_set_text(t, row, 2, hs_role_name(hs_view_state_role(v, i)))))
            break;
        for (size_t k = 0; k < s->count; k++) hs_table_set_number(t, row, 3 + k, values[k * n + i]);
    }
    free(values);
    return err;
}

/* What the producers share: the selections, the wanted tables, the test. */
typedef struct panel {
    selection sel[2];
    hs_table *table[2]; /* by hs_measure_kind; NULL: not wanted */
    const hs_metrics_options *options;
    int needs_test;
    hs_bootstrap_options bootstrap;
} panel;

/* The bootstrap's options as the metrics options give them; checked only
 * when an interval is selected (a bad count for an unused bootstrap is no error). */
static hs_error bootstrap_options(const hs_metrics_options *o, const selection sel[2], hs_bootstrap_options *b) {
    hs_bootstrap_options_init(b);
    b->draws = (long long)o->bootstrap;
    b->seed = o->seed;
    b->level = o->level;
    for (int k = 0; k < 2; k++)
        for (size_t j = 0; j < sel[k].count; j++)
            if (hs_measure_get(sel[k].index[j])->flags & HS_MEASURE_BOOTSTRAP) return hs_bootstrap_options_check(b);
    return HS_OK;
}

static hs_error panel_start(panel *p, const hs_metrics_options *o, hs_table **system, hs_table **states) {
    memset(p, 0, sizeof *p);
    p->options = o;
    hs_error err = select_measures(o, p->sel, &p->needs_test);
    if (!err) err = bootstrap_options(o, p->sel, &p->bootstrap);
    if (!err && system) err = new_table(HS_MEASURE_SYSTEM, &p->sel[HS_MEASURE_SYSTEM], &p->table[HS_MEASURE_SYSTEM]);
    if (!err && states) err = new_table(HS_MEASURE_STATE, &p->sel[HS_MEASURE_STATE], &p->table[HS_MEASURE_STATE]);
    return err;
}

/* One view into the wanted tables; the context is made here, its
 * comparison with the previous row set by the caller in `c`. */
static hs_error panel_view(panel *p, hs_measure_context *c) {
    c->permutations = p->needs_test ? (igraph_integer_t)p->options->permutations : 0;
    c->seed = p->options->seed;
    c->bootstrap = p->bootstrap;
    hs_error err = HS_OK;
    if (p->table[HS_MEASURE_SYSTEM]) err = system_row(p->table[HS_MEASURE_SYSTEM], &p->sel[HS_MEASURE_SYSTEM], c);
    if (!err && p->table[HS_MEASURE_STATE]) err = state_rows(p->table[HS_MEASURE_STATE], &p->sel[HS_MEASURE_STATE], c);
    return err;
}

static hs_error panel_finish(panel *p, hs_error err, hs_table **system, hs_table **states) {
    for (int k = 0; k < 2; k++) free(p->sel[k].index);
    if (err) {
        hs_table_destroy(p->table[0]);
        hs_table_destroy(p->table[1]);
        return err;
    }
    if (system) *system = p->table[HS_MEASURE_SYSTEM];
    if (states) *states = p->table[HS_MEASURE_STATE];
    return HS_OK;
}

/* A year of a panel in which the hub (the view's, else the graph attribute)
 * is not active has no system: a row of missing values whose note says why,
 * not a failure of the whole panel (the USSR's bloc after 1991). */
static hs_error hubless_row(panel *p, int year, const char *reason) {
    hs_table *t = p->table[HS_MEASURE_SYSTEM];
    size_t row, note = 2 + p->sel[HS_MEASURE_SYSTEM].count;
    if (!t) return HS_OK;
    hs_error err = hs_table_add_row(t, &row);
    if (!err) {
        hs_table_set_number(t, row, 0, year);
        char text[600];
        snprintf(text, sizeof text, "%s: no system to measure", reason);
        err = hs_table_set_text(t, row, note, text);
    }
    return err;
}

hs_error hs_metrics_table(const hs_model *model, const hs_view_options *view_options, const int *years,
                          size_t year_count, const hs_metrics_options *options, hs_table **system, hs_table **states) {
    if (!model || (year_count && !years)) return hs_error_set(HS_EARG, "hs_metrics_table: a NULL argument");
    hs_metrics_options defaults;
    hs_metrics_options_init(&defaults);
    hs_view_options base;
    if (view_options)
        base = *view_options;
    else
        hs_view_options_init(&base);
    panel p;
    hs_error err = panel_start(&p, options ? options : &defaults, system, states);
    /* A panel with such a year: its system table ends with the rows' notes. */
    int hubless = 0;
    for (size_t i = 0; i < year_count && !hubless; i++) hubless = !hs_check_hub_active(model, base.hub, years[i], NULL, 0);
    if (!err && hubless && p.table[HS_MEASURE_SYSTEM])
        err = hs_table_add_column(p.table[HS_MEASURE_SYSTEM], "note", HS_VALUE_TEXT, -1);
    for (size_t i = 0; !err && i < (year_count ? year_count : 1); i++) {
        hs_view_options vo = base;
        if (year_count) {
            vo.has_year = 1;
            vo.year = years[i];
        }
        char reason[512];
        if (year_count && !hs_check_hub_active(model, base.hub, years[i], reason, sizeof reason)) {
            err = hubless_row(&p, years[i], reason);
            if (!err && p.options->progress) p.options->progress(p.options->progress_data, i + 1, year_count);
            continue;
        }
        hs_view *v = NULL;
        if ((err = hs_view_new(model, &vo, &v))) break;
        hs_measure_context c;
        hs_context_init(&c, v);
        c.base = &base;
        c.has_after = vo.has_year;
        c.after = i ? years[i - 1] : vo.year - 1;
        err = panel_view(&p, &c);
        hs_context_destroy(&c);
        hs_view_destroy(v);
        if (!err && p.options->progress)
            p.options->progress(p.options->progress_data, i + 1, year_count ? year_count : 1);
    }
    return panel_finish(&p, err, system, states);
}

hs_error hs_metrics_table_models(const hs_model *const *models, size_t model_count, const hs_view_options *view_options,
                                 const hs_metrics_options *options, hs_table **system, hs_table **states) {
    if (model_count && !models) return hs_error_set(HS_EARG, "hs_metrics_table_models: a NULL argument");
    hs_metrics_options defaults;
    hs_metrics_options_init(&defaults);
    panel p;
    hs_view *previous = NULL;
    hs_error err = panel_start(&p, options ? options : &defaults, system, states);
    for (size_t i = 0; !err && i < model_count; i++) {
        hs_view *v = NULL;
        if ((err = hs_view_new(models[i], view_options, &v))) break;
        hs_measure_context c;
        hs_context_init(&c, v);
        c.models = 1;
        c.previous = previous;
        err = panel_view(&p, &c);
        hs_context_destroy(&c);
        hs_view_destroy(previous);
        previous = v;
        if (!err && p.options->progress) p.options->progress(p.options->progress_data, i + 1, model_count);
    }
    hs_view_destroy(previous);
    return panel_finish(&p, err, system, states);
}
