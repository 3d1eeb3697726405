/* The report of a period as one self-contained HTML file (report.h,
 * docs/report.md).
 *
 * The network of every year is one panel of a single figure drawn by the
 * figures' code (render.h) on the union layout of the whole period, so that
 * every year's network sits on the same layout; the figure's SVG is cut
 * into its panels, each year's section holding its own. The timeline is
 * drawn once, as a symbol each year uses, adding its marker. Every year's section is in
 * the page: the script shows one at a time; without it all are shown. */
#define _POSIX_C_SOURCE 200809L
#include "hubspoke/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/classify.h"
#include "hubspoke/metrics.h"
#include "hubspoke/view.h"
#include "io/io_internal.h"
#include "render/render_internal.h"

void hs_report_options_init(hs_report_options *o) {
    memset(o, 0, sizeof *o);
    o->sensitivity = HS_REPORT_SENSITIVITY;
    o->seed = 1;
    o->bootstrap = HS_REPORT_BOOTSTRAP;
    o->level = 0.95;
}

/* ---- HTML text ------------------------------------------------------------------------- */

static hs_error put_esc(hs_buf *b, const char *s) {
    for (; *s; s++) {
        const char *rep = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : NULL;
        if (rep ? hs_buf_puts(b, rep) : hs_buf_append(b, s, 1)) return HS_ENOMEM;
    }
    return HS_OK;
}

/* A number as the text output prints it (4 decimals, "n/a" undefined). */
static hs_error put_num(hs_buf *b, double x, int decimals) {
    return isfinite(x) ? hs_buf_printf(b, "%.*f", decimals, x) : hs_buf_puts(b, "n/a");
}

/* A table cell with a number: shown rounded, sorted and checked by its
 * exact value (data-v, as JSON prints it: 15 significant digits; empty when
 * undefined). */
static hs_error put_num_cell(hs_buf *b, double x, int decimals) {
    hs_error err = isfinite(x) ? hs_buf_printf(b, "<td class=\"n\" data-v=\"%.15g\">", x) : hs_buf_puts(b, "<td class=\"n\" data-v=\"\">");
    if (!err) err = put_num(b, x, decimals);
    return err ? err : hs_buf_puts(b, "</td>");
}

/* ---- one year's numbers ---------------------------------------------------------------- */

typedef struct year_data {
    int year;
    int drawn;                  /* something active: a panel of the figure */
    size_t panel;               /* its panel */
    hs_view *view;
    /* `metrics --year`'s tables for the year (metrics.h): K, U and C (with a
     * bootstrap, their intervals), and the states' measures, one row per
     * state of the view in its order. */
    hs_table *system, *states;
    hs_classification *cls;
} year_data;

static void year_free(year_data *y) {
    hs_table_destroy(y->system);
    hs_table_destroy(y->states);
    hs_classification_destroy(y->cls);
    hs_view_destroy(y->view);
}

/* The system measures a year shows, and with a bootstrap their intervals'
 * bounds (registry names, docs/metrics.md). */
static const char *const index_names[3] = {"coordination", "unidirectionality", "closedness"};
static const char *const bound_names[3][2] = {{"coordination_lo", "coordination_hi"},
                                              {"unidirectionality_lo", "unidirectionality_hi"},
                                              {"closedness_lo", "closedness_hi"}};

/* The states' table: its columns are state measures of the registry (what
 * `metrics --year` prints, docs/metrics.md), each with a short heading. */
static const struct {
    const char *key, *head;
} state_columns[] = {{"degree", "degree"},
                     {"strength", "strength"},
                     {"betweenness", "betweenness"},
                     {"closeness", "closeness"},
                     {"eigenvector", "eigenvector"},
                     {"constraint", "constraint"},
                     {"hub_dependence", "hub dep."},
                     {"brokerage_coordinator", "coord."},
                     {"brokerage_itinerant", "itin."},
                     {"brokerage_gatekeeper", "gatek."},
                     {"brokerage_representative", "repr."},
                     {"brokerage_liaison", "liais."}};
#define STATE_COLUMNS (sizeof state_columns / sizeof *state_columns)

/* A year's value of a measure in its system table (NaN: none). */
static double system_value(const year_data *y, const char *name) {
    long c = hs_table_find_column(y->system, name);
    return c >= 0 && hs_table_row_count(y->system) ? hs_table_number(y->system, 0, (size_t)c) : NAN;
}

/* The year's view, its measures as `metrics --year` computes them (the
 * same code and, for the intervals, the same seed every year) and its
 * mechanisms' classification (classify.h). */
static hs_error year_compute(const hs_model *m, const hs_report_options *o, year_data *y) {
    hs_view_options vo;
    hs_view_options_init(&vo);
    vo.has_year = 1;
    vo.year = y->year;
    vo.hub = o->hub;
    vo.codebook = o->codebook;
    vo.focus = o->focus;
    vo.focus_count = o->focus_count;
    hs_error err = hs_view_new(m, &vo, &y->view);
    if (err) return err;
    y->drawn = hs_view_edge_count(y->view) > 0;
    const char *measures[3 + 6 + STATE_COLUMNS];
    size_t nm = 0;
    for (size_t k = 0; k < 3; k++) measures[nm++] = index_names[k];
    for (size_t k = 0; o->bootstrap > 0 && k < 3; k++) {
        measures[nm++] = bound_names[k][0];
        measures[nm++] = bound_names[k][1];
    }
    for (size_t c = 0; c < STATE_COLUMNS; c++) measures[nm++] = state_columns[c].key;
    hs_metrics_options mo;
    hs_metrics_options_init(&mo);
    mo.measures = measures;
    mo.measure_count = nm;
    mo.seed = o->seed;
    if (o->bootstrap > 0) {
        mo.bootstrap = (size_t)o->bootstrap;
        mo.level = o->level;
    }
    err = hs_metrics_table(m, &vo, NULL, 0, &mo, &y->system, &y->states);
    /* One row per state of the view, in its order, is what the table
     * promises; the states' rows below rely on it. */
    if (!err && hs_table_row_count(y->states) != hs_view_state_count(y->view))
        err = hs_error_set(HS_EINTERNAL, "%d: the states' table has %zu rows for %zu states", y->year,
                           hs_table_row_count(y->states), hs_view_state_count(y->view));
    if (!err) {
        hs_classify_options co;
        hs_classify_options_init(&co);
        co.sensitivity = o->sensitivity;
        co.seed = o->seed;
        err = hs_classification_new(m, &vo, &co, &y->cls);
    }
    return err;
}

/* ---- the timeline ------------------------------------------------------------------------- */

/* The period's values as named columns, one value per year (NaN: none), so
 * that an interval is two more columns: "NAME.lo" and "NAME.hi" draw a band
 * around NAME's line when a source of intervals provides them. */
typedef struct column {
    const char *name, *label, *colour;
    double *v;
} column;

typedef struct timeline {
    int first, last;
    column *col;
    size_t ncol;
    double level; /* of the bands' intervals; 0: no bands */
} timeline;

#define TL_W 640.0
#define TL_H 190.0
#define TL_LEFT 34.0
#define TL_RIGHT 12.0
#define TL_TOP 24.0
#define TL_BOTTOM 26.0

static double tl_x(const timeline *t, double year) {
    double span = t->last > t->first ? t->last - t->first : 1;
    return TL_LEFT + (year - t->first) / span * (TL_W - TL_LEFT - TL_RIGHT);
}

static double tl_y(double v) { return TL_TOP + (1 - v) * (TL_H - TL_TOP - TL_BOTTOM); }

static const column *find_column(const timeline *t, const char *name, const char *suffix) {
    char want[64];
    snprintf(want, sizeof want, "%s%s", name, suffix);
    for (size_t c = 0; c < t->ncol; c++) {
        if (strcmp(t->col[c].name, want) == 0) return &t->col[c];
    }
    return NULL;
}

/* The chart once, as a symbol each year's timeline uses: axes, a band for
 * every column with an interval, a line for every value column (broken
 * where there is no value), the key. */
static hs_error put_timeline_symbol(hs_buf *b, const timeline *t) {
    hs_error err = hs_buf_printf(b, "<g id=\"hs-timeline\">\n<rect x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\" class=\"plot\"/>\n",
                                 TL_LEFT, TL_TOP, TL_W - TL_LEFT - TL_RIGHT, TL_H - TL_TOP - TL_BOTTOM);
    for (int k = 0; !err && k <= 4; k++) {
        double v = k / 4.0;
        err = hs_buf_printf(b, "<line x1=\"%g\" x2=\"%g\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/><text x=\"%g\" y=\"%.1f\" class=\"ytick\">%g</text>\n",
                            TL_LEFT, TL_W - TL_RIGHT, tl_y(v), tl_y(v), TL_LEFT - 4, tl_y(v) + 3.5, v);
    }
    int step = t->last - t->first > 40 ? 10 : t->last - t->first > 12 ? 5 : 1;
    for (int yr = (t->first + step - 1) / step * step; !err && yr <= t->last; yr += step)
        err = hs_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%g\" y2=\"%g\" class=\"tick\"/><text x=\"%.1f\" y=\"%g\" class=\"xtick\">%d</text>\n",
                            tl_x(t, yr), tl_x(t, yr), TL_H - TL_BOTTOM, TL_H - TL_BOTTOM + 4, tl_x(t, yr), TL_H - 8, yr);
    size_t n = (size_t)(t->last - t->first + 1);
    for (size_t c = 0; !err && c < t->ncol; c++) {
        const column *col = &t->col[c];
        if (strchr(col->name, '.')) continue;
        const column *lo = find_column(t, col->name, ".lo"), *hi = find_column(t, col->name, ".hi");
        /* The band, one for each run of years with an interval (broken where
         * there is none, as the line is): along the upper bounds, back along
         * the lower. */
        for (size_t i0 = 0; lo && hi && !err && i0 < n;) {
            if (!isfinite(lo->v[i0]) || !isfinite(hi->v[i0])) {
                i0++;
                continue;
            }
            size_t i1 = i0;
            while (i1 < n && isfinite(lo->v[i1]) && isfinite(hi->v[i1])) i1++;
            err = hs_buf_printf(b, "<polygon class=\"band\" fill=\"%s\" points=\"", col->colour);
            for (size_t i = i0; !err && i < i1; i++)
                err = hs_buf_printf(b, "%.1f,%.1f ", tl_x(t, t->first + (int)i), tl_y(hi->v[i]));
            for (size_t i = i1; !err && i-- > i0;)
                err = hs_buf_printf(b, "%.1f,%.1f ", tl_x(t, t->first + (int)i), tl_y(lo->v[i]));
            if (!err) err = hs_buf_puts(b, "\"/>\n");
            i0 = i1;
        }
        int open = 0;
        for (size_t i = 0; !err && i <= n; i++) {
            int have = i < n && isfinite(col->v[i]);
            if (have && !open) err = hs_buf_printf(b, "<polyline class=\"series\" stroke=\"%s\" points=\"", col->colour), open = 1;
            if (!err && have) err = hs_buf_printf(b, "%.1f,%.1f ", tl_x(t, t->first + (int)i), tl_y(col->v[i]));
            if (!err && !have && open) err = hs_buf_puts(b, "\"/>\n"), open = 0;
        }
        if (!err)
            err = hs_buf_printf(b, "<line x1=\"%g\" x2=\"%g\" y1=\"12\" y2=\"12\" stroke=\"%s\" class=\"key\"/><text x=\"%g\" y=\"15.5\" class=\"key\">%s</text>\n",
                                TL_LEFT + 4 + 150.0 * (double)c, TL_LEFT + 22 + 150.0 * (double)c, col->colour,
                                TL_LEFT + 26 + 150.0 * (double)c, col->label);
    }
    if (!err && t->level > 0)
        err = hs_buf_printf(b, "<text x=\"%g\" y=\"15.5\" class=\"key band-key\" text-anchor=\"end\">bands: %g%% intervals</text>\n",
                            TL_W - TL_RIGHT, 100 * t->level);
    return err ? err : hs_buf_puts(b, "</g>\n");
}

/* A year's timeline: the symbol, a line at the year and its values. */
static hs_error put_timeline_year(hs_buf *b, const timeline *t, size_t i) {
    double x = tl_x(t, t->first + (int)i);
    hs_error err = hs_buf_printf(b,
                                 "<svg class=\"timeline\" viewBox=\"0 0 %g %g\" width=\"%g\" height=\"%g\" role=\"img\" "
                                 "aria-label=\"K, U and C from %d to %d, %d marked\"><use href=\"#hs-timeline\"/>"
                                 "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%g\" y2=\"%g\" class=\"now\"/>",
                                 TL_W, TL_H, TL_W, TL_H, t->first, t->last, t->first + (int)i, x, x, TL_TOP - 2,
                                 TL_H - TL_BOTTOM);
    for (size_t c = 0; !err && c < t->ncol; c++) {
        if (strchr(t->col[c].name, '.') || !isfinite(t->col[c].v[i])) continue;
        err = hs_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" fill=\"%s\"/>", x, tl_y(t->col[c].v[i]),
                            t->col[c].colour);
    }
    return err ? err : hs_buf_puts(b, "</svg>\n");
}

/* The columns as JSON, for whoever reads the file with a program. */
static hs_error put_timeline_json(hs_buf *b, const timeline *t) {
    size_t n = (size_t)(t->last - t->first + 1);
    hs_error err = hs_buf_printf(b, "<script type=\"application/json\" id=\"hs-data\">{\"first\":%d,\"last\":%d,\"columns\":{",
                                 t->first, t->last);
    for (size_t c = 0; !err && c < t->ncol; c++) {
        err = hs_buf_printf(b, "%s\"%s\":[", c ? "," : "", t->col[c].name);
        for (size_t i = 0; !err && i < n; i++) {
            err = isfinite(t->col[c].v[i]) ? hs_buf_printf(b, "%s%.15g", i ? "," : "", t->col[c].v[i])
                                           : hs_buf_printf(b, "%snull", i ? "," : "");
        }
        if (!err) err = hs_buf_puts(b, "]");
    }
    return err ? err : hs_buf_puts(b, "}}</script>\n");
}

/* ---- tables ----------------------------------------------------------------------------------- */

/* The states' table: the columns of `metrics --year Y` (docs/metrics.md),
 * each header naming its JSON key (data-key) and, as its title, the
 * registry's description of the measure. */
static hs_error put_states(hs_buf *b, const hs_model *m, const year_data *y) {
    hs_error err = hs_buf_puts(b, "<table class=\"states sortable\"><caption>States: the measures of "
                                  "<code>metrics --year</code> (docs/metrics.md)<span class=\"hint\">; press a heading to sort</span></caption>\n"
                                  "<thead><tr><th data-key=\"name\" aria-sort=\"none\"><button type=\"button\">state</button></th>"
                                  "<th data-key=\"role\" aria-sort=\"none\" title=\"role that year (docs/schema.md)\"><button type=\"button\">role</button></th>");
    long col[STATE_COLUMNS];
    int decimals[STATE_COLUMNS];
    for (size_t c = 0; !err && c < STATE_COLUMNS; c++) {
        col[c] = hs_table_find_column(y->states, state_columns[c].key);
        long k = col[c] >= 0 ? hs_table_column_measure(y->states, (size_t)col[c]) : -1;
        const hs_measure *ms = k >= 0 ? hs_measure_get((size_t)k) : NULL;
        if (!ms) return hs_error_set(HS_EINTERNAL, "the states' table has no column %s", state_columns[c].key);
        decimals[c] = ms->type == HS_VALUE_REAL ? 4 : 0; /* as the text output prints them */
        err = hs_buf_printf(b, "<th data-key=\"%s\" aria-sort=\"none\" title=\"", state_columns[c].key);
        if (!err) err = put_esc(b, ms->description);
        if (!err) err = hs_buf_printf(b, "\"><button type=\"button\">%s</button></th>", state_columns[c].head);
    }
    if (!err) err = hs_buf_puts(b, "</tr></thead>\n<tbody>\n");
    const hs_view *v = y->view;
    for (size_t s = 0; !err && s < hs_view_state_count(v); s++) {
        size_t vx = hs_view_state_vertex(v, s);
        const char *name = hs_vertex_label(m, vx);
        err = hs_buf_puts(b, "<tr><th scope=\"row\" data-v=\"");
        if (!err) err = put_esc(b, hs_view_state_id(v, s));
        if (!err) err = hs_buf_puts(b, "\"");
        if (!err && name) {
            err = hs_buf_puts(b, " title=\"");
            if (!err) err = put_esc(b, name);
            if (!err) err = hs_buf_puts(b, "\"");
        }
        if (!err) err = hs_buf_puts(b, ">");
        if (!err) err = put_esc(b, hs_view_state_id(v, s));
        if (!err) err = hs_buf_printf(b, "</th><td data-v=\"%s\">%s</td>", hs_role_name(hs_view_state_role(v, s)),
                                      hs_role_name(hs_view_state_role(v, s)));
        for (size_t c = 0; !err && c < STATE_COLUMNS; c++)
            err = put_num_cell(b, hs_table_number(y->states, s, (size_t)col[c]), decimals[c]);
        if (!err) err = hs_buf_puts(b, "</tr>\n");
    }
    return err ? err : hs_buf_puts(b, "</tbody></table>\n");
}

static const char *type_label(hs_mechanism_type t) {
    const char *n = hs_mechanism_type_name(t);
    return n ? n : "unclassified";
}

/* The classification: the type, members, the changes of U and C that
 * decide it, the agreement over redraws and the explanation in words. */
static hs_error put_mechanisms(hs_buf *b, const year_data *y, size_t sensitivity) {
    size_t n = hs_classification_count(y->cls);
    if (n == 0) return hs_buf_puts(b, "<p class=\"none\">No mechanism is active.</p>\n");
    hs_error err = hs_buf_printf(b, "<table class=\"mechanisms sortable\"><caption>Mechanisms: their type in the paper's "
                                    "typology (docs/typology.md)%s</caption>\n<thead><tr>"
                                    "<th data-key=\"id\" aria-sort=\"none\"><button type=\"button\">mechanism</button></th>"
                                    "<th data-key=\"type\" aria-sort=\"none\"><button type=\"button\">type</button></th>"
                                    "<th data-key=\"members\">members</th>"
                                    "<th data-key=\"delta_unidirectionality\" aria-sort=\"none\"><button type=\"button\">U: without, with (change)</button></th>"
                                    "<th data-key=\"delta_closedness\" aria-sort=\"none\"><button type=\"button\">C: without, with (change)</button></th>"
                                    "<th data-key=\"agreement\" aria-sort=\"none\"><button type=\"button\">agreement</button></th>"
                                    "<th data-key=\"explanation\">why</th></tr></thead>\n<tbody>\n",
                                 sensitivity ? "; agreement: the share of codebook redraws that give the same type" : "");
    for (size_t k = 0; !err && k < n; k++) {
        const hs_mechanism_class *c = hs_classification_get(y->cls, k);
        err = hs_buf_puts(b, "<tr><th scope=\"row\" data-v=\"");
        if (!err) err = put_esc(b, c->id);
        if (!err) err = hs_buf_puts(b, "\">");
        if (!err) err = put_esc(b, c->id);
        if (!err && c->label) {
            err = hs_buf_puts(b, "<br><span class=\"name\">");
            if (!err) err = put_esc(b, c->label);
            if (!err) err = hs_buf_puts(b, "</span>");
        }
        if (!err)
            err = hs_buf_printf(b, "</th><td data-v=\"%s\" class=\"type type-%s\">%s</td><td>", type_label(c->type),
                                type_label(c->type), type_label(c->type));
        for (size_t i = 0; !err && i < c->member_count; i++) {
            if (i) err = hs_buf_puts(b, ", ");
            if (!err) err = put_esc(b, c->member_ids[i]);
            if (!err) err = hs_buf_printf(b, " <span class=\"role\">(%s)</span>", hs_role_name(c->member_roles[i]));
        }
        /* The change as D1 (docs/typology.md) signs it: with the mechanism
         * less without it, a weakening negative. */
        const double trio[2][3] = {
            {c->unidirectionality_without, c->unidirectionality_with, c->unidirectionality_with - c->unidirectionality_without},
            {c->closedness_without, c->closedness_with, c->closedness_with - c->closedness_without}};
        for (int q = 0; !err && q < 2; q++) {
            err = isfinite(trio[q][2]) ? hs_buf_printf(b, "</td><td class=\"n\" data-v=\"%.15g\">", trio[q][2])
                                       : hs_buf_puts(b, "</td><td class=\"n\" data-v=\"\">");
            if (!err) err = put_num(b, trio[q][0], 3);
            if (!err) err = hs_buf_puts(b, ", ");
            if (!err) err = put_num(b, trio[q][1], 3);
            if (!err) err = isfinite(trio[q][2]) ? hs_buf_printf(b, " (%+.3f)", trio[q][2]) : HS_OK;
        }
        if (!err) err = hs_buf_puts(b, "</td>");
        if (!err) err = isfinite(c->agreement) ? put_num_cell(b, c->agreement, 2) : hs_buf_puts(b, "<td class=\"n\" data-v=\"\">n/a</td>");
        if (!err) err = hs_buf_puts(b, "<td class=\"why\">");
        if (!err && c->explanation) err = put_esc(b, c->explanation);
        if (!err) err = hs_buf_puts(b, "</td></tr>\n");
    }
    return err ? err : hs_buf_puts(b, "</tbody></table>\n");
}

/* ---- the page ------------------------------------------------------------------------------------ */

static const char css[] =
    ":root{--ink:#1a1a1a;--muted:#555;--rule:#d0d0d0;--accent:#1b6ca8}\n"
    "*{box-sizing:border-box}\n"
    "body{font:15px/1.45 Helvetica,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1400px;padding:0 16px 48px}\n"
    "h1{font-size:1.5em;margin:18px 0 4px}h2{font-size:1.3em;margin:8px 0}h3{font-size:1.05em;margin:18px 0 6px}\n"
    ".meta{color:var(--muted);margin:0 0 10px}\n"
    ".controls{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--rule);padding:8px 0;"
    "display:flex;gap:10px;align-items:center;flex-wrap:wrap}\n"
    ".controls button{font:inherit;padding:3px 10px;border:1px solid #888;border-radius:4px;background:#f6f6f6;cursor:pointer}\n"
    ".controls input[type=range]{flex:1;min-width:180px}\n"
    ".controls output{font-weight:bold;font-size:1.2em;min-width:3.5em}\n"
    ":focus-visible{outline:3px solid #f0a000;outline-offset:2px}\n"
    ".no-js .controls{display:none}\n"
    ".layout{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:20px;align-items:start}\n"
    "aside.key{position:sticky;top:64px;max-height:calc(100vh - 72px);overflow:auto}\n"
    "aside.key h2{font-size:1em;margin:10px 0 0}\n"
    "@media (max-width:900px){.layout{grid-template-columns:1fr}aside.key{position:static;max-height:none}}\n"
    ".js section.year:not(.current){display:none}\n"
    "section.year{border-top:2px solid var(--rule);padding-top:6px}\n"
    ".panels{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}\n"
    "svg.net,svg.legend{max-width:100%;height:auto}\n"
    "svg.timeline{max-width:100%;height:auto}\n"
    ".indices{font-size:1.1em;margin:4px 0}.indices b{margin-right:4px}\n"
    "table{border-collapse:collapse;margin:4px 0 12px;font-size:13px}\n"
    "caption{text-align:left;color:var(--muted);padding:2px 0}\n"
    "th,td{border-bottom:1px solid var(--rule);padding:3px 7px;text-align:left;vertical-align:top}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "thead th{background:#f3f3f3;white-space:nowrap}\n"
    "thead th button{font:inherit;font-weight:bold;border:0;background:none;padding:0;cursor:pointer;color:inherit}\n"
    ".no-js thead th button{cursor:default}.no-js .hint{display:none}\n"
    "th[aria-sort=ascending] button::after{content:' \\25B2'}th[aria-sort=descending] button::after{content:' \\25BC'}\n"
    ".name,.role{color:var(--muted);font-weight:normal}\n"
    "td.why{max-width:34em;font-size:12px}\n"
    /* The chart's symbol: styled where it is defined, not where it is used. */
    "#hs-timeline .plot{fill:#fff;stroke:#999}#hs-timeline .grid{stroke:#e4e4e4}#hs-timeline .tick{stroke:#999}\n"
    "#hs-timeline text{font:11px Helvetica,Arial,sans-serif;fill:#444}#hs-timeline .ytick{text-anchor:end}"
    "#hs-timeline .xtick{text-anchor:middle}\n"
    "#hs-timeline .series{fill:none;stroke-width:2}#hs-timeline .band{opacity:.18;stroke:none}#hs-timeline line.key{stroke-width:3}\n"
    ".timeline .now{stroke:#000;stroke-width:1.5;stroke-dasharray:4 3}\n"
    "@media print{.controls{display:none}.js section.year{display:block!important}section.year{break-before:page}"
    ".layout{display:block}aside.key{position:static;max-height:none;break-before:page}}\n";

/* Show one year at a time: the slider, previous and next, play; the year in
 * the address (#1990) so that a view can be linked; sortable tables. Plain
 * DOM, no library, nothing fetched. */
static const char script[] =
    "(function(){'use strict';\n"
    "var d=document;d.documentElement.className='js';\n"
    "var secs=[].slice.call(d.querySelectorAll('section.year'));if(!secs.length)return;\n"
    "var slider=d.getElementById('year'),out=d.getElementById('year-out'),play=d.getElementById('play'),timer=null;\n"
    "var first=+secs[0].dataset.year;\n"
    "function show(y,keepHash){y=Math.max(first,Math.min(+secs[secs.length-1].dataset.year,y));\n"
    " secs.forEach(function(s){var on=+s.dataset.year===y;s.classList.toggle('current',on);s.setAttribute('aria-hidden',on?'false':'true');});\n"
    " slider.value=y;out.value=y;out.textContent=y;\n"
    " if(!keepHash&&history.replaceState)history.replaceState(null,'','#'+y);}\n"
    "function current(){return +slider.value;}\n"
    "function stop(){if(timer){clearInterval(timer);timer=null;}play.textContent='Play';play.setAttribute('aria-pressed','false');}\n"
    "function start(){if(current()>=+slider.max)show(first);timer=setInterval(function(){\n"
    " if(current()>=+slider.max){stop();return;}show(current()+1);},900);\n"
    " play.textContent='Pause';play.setAttribute('aria-pressed','true');}\n"
    "slider.addEventListener('input',function(){stop();show(+slider.value);});\n"
    "play.addEventListener('click',function(){timer?stop():start();});\n"
    "d.getElementById('prev').addEventListener('click',function(){stop();show(current()-1);});\n"
    "d.getElementById('next').addEventListener('click',function(){stop();show(current()+1);});\n"
    "d.addEventListener('keydown',function(e){if(e.target.tagName==='INPUT'||e.altKey||e.ctrlKey||e.metaKey)return;\n"
    " if(e.key==='ArrowLeft'){stop();show(current()-1);e.preventDefault();}\n"
    " else if(e.key==='ArrowRight'){stop();show(current()+1);e.preventDefault();}});\n"
    "window.addEventListener('hashchange',function(){var y=parseInt(location.hash.slice(1),10);if(y)show(y,true);});\n"
    "var h=parseInt(location.hash.slice(1),10);show(h||first,!h);\n"
    "d.querySelectorAll('table.sortable thead th button').forEach(function(btn){btn.addEventListener('click',function(){\n"
    " var th=btn.parentNode,table=th.closest('table'),col=[].indexOf.call(th.parentNode.children,th),body=table.tBodies[0];\n"
    " var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';\n"
    " [].forEach.call(th.parentNode.children,function(o){if(o.hasAttribute('aria-sort'))o.setAttribute('aria-sort','none');});\n"
    " th.setAttribute('aria-sort',dir);\n"
    " var rows=[].slice.call(body.rows).map(function(r,i){var c=r.cells[col],v=c.dataset.v;\n"
    "  var num=v!==''&&v!==undefined&&!isNaN(+v);return{r:r,i:i,num:num,v:num?+v:(v===undefined?c.textContent:v)};});\n"
    " var k=dir==='ascending'?1:-1;\n"
    " rows.sort(function(a,b){if(a.v===''&&b.v!=='')return 1;if(b.v===''&&a.v!=='')return -1;\n"
    "  var c=a.num&&b.num?a.v-b.v:String(a.v).localeCompare(String(b.v));return c?k*c:a.i-b.i;});\n"
    " rows.forEach(function(x){body.appendChild(x.r);});});});\n"
    "})();\n";

/* ---- the network: the figure cut into its panels --------------------------------------------- */

/* The figure's drawing, cut up: what each panel holds and what the legend
 * holds, as SVG elements in the coordinates of Graphviz's drawing group,
 * which translates them by (tx, ty). Every year's network is then an SVG of
 * its own, light to draw and with ids unique in the page. */
typedef struct cut_figure {
    hs_buf *panel;   /* npanels */
    size_t npanels;
    hs_buf legend;
    double tx, ty;
} cut_figure;

static void cut_free(cut_figure *c) {
    for (size_t p = 0; c->panel && p < c->npanels; p++) hs_buf_free(&c->panel[p]);
    free(c->panel);
    hs_buf_free(&c->legend);
}

/* Where the element whose <title> is `title` belongs: a panel, the legend
 * (-2), or nowhere (-1: the title, the corners). Titles are the names
 * draw.c gives: pN/vI, pN/kS, pN/lI and edges "pN/... -> pN/...",
 * cluster_pN, caption/N, legend/.... */
static long owner_of(const char *title) {
    char *end;
    if (strncmp(title, "legend/", 7) == 0) return -2;
    if (strncmp(title, "cluster_p", 9) == 0) return strtol(title + 9, &end, 10);
    if (strncmp(title, "caption/", 8) == 0) return strtol(title + 8, &end, 10);
    if (title[0] == 'p' && title[1] >= '0' && title[1] <= '9') {
        long n = strtol(title + 1, &end, 10);
        if (*end == '/') return n;
    }
    return -1;
}

/* The end of the element that starts at s (a <g> with everything nested in
 * it, or one self-closing element), or NULL. */
static const char *element_end(const char *s) {
    if (strncmp(s, "<g", 2) != 0 || (s[2] != ' ' && s[2] != '>')) {
        const char *e = strstr(s, "/>");
        const char *gt = strchr(s, '>');
        if (e && gt && e + 1 == gt) return gt + 1;
        const char *close = gt ? strstr(gt, "</") : NULL; /* <title>...</title> */
        return close ? strchr(close, '>') + 1 : NULL;
    }
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (p[0] == '<' && p[1] == 'g' && (p[2] == ' ' || p[2] == '>')) depth++;
        else if (strncmp(p, "</g>", 4) == 0 && --depth == 0) return p + 4;
    }
    return NULL;
}

/* The text of the element's <title>, with Graphviz's escapes of '-' and
 * '>' undone, into buf. */
static void title_of(const char *s, const char *end, char *buf, size_t size) {
    buf[0] = '\0';
    const char *t = strstr(s, "<title>");
    if (!t || t > end) return;
    t += 7;
    size_t k = 0;
    while (*t && *t != '<' && k + 1 < size) {
        if (strncmp(t, "&#45;", 5) == 0) buf[k++] = '-', t += 5;
        else if (strncmp(t, "&gt;", 4) == 0) buf[k++] = '>', t += 4;
        else buf[k++] = *t++;
    }
    buf[k] = '\0';
}

static hs_error cut_drawing(const char *svg, const rd_frame *fr, size_t npanels, cut_figure *c) {
    const char *g = strstr(svg, "<g id=\"graph0\"");
    const char *tr = g ? strstr(g, "translate(") : NULL;
    const char *end = g ? strstr(g, "</svg>") : NULL;
    if (!g || !tr || !end || sscanf(tr, "translate(%lf %lf)", &c->tx, &c->ty) != 2)
        return hs_error_set(HS_EHELPER, "the figure from the DOT helper is not the SVG expected");
    c->npanels = npanels;
    c->panel = hs_calloc(npanels ? npanels : 1, sizeof *c->panel);
    if (!c->panel) return HS_ENOMEM;
    const char *p = strchr(g, '>') + 1;
    int first_polygon = 1;
    hs_error err = HS_OK;
    while (!err && p && p < end) {
        while (*p == '\n' || *p == ' ') p++;
        if (strncmp(p, "</g>", 4) == 0) break; /* graph0's end */
        if (strncmp(p, "<!--", 4) == 0) {
            const char *ce = strstr(p, "-->");
            p = ce ? ce + 3 : NULL;
            continue;
        }
        const char *e = element_end(p);
        if (!e) break;
        long owner = -1;
        if (strncmp(p, "<polygon", 8) == 0) {
            /* The white ground (the first), then the surfaces: each in the
             * panel its first point lies in. */
            const char *pts = strstr(p, "points=\"");
            double x, y;
            if (!first_polygon && pts && pts < e && sscanf(pts + 8, "%lf,%lf", &x, &y) == 2) {
                for (size_t k = 0; k < npanels && owner < 0; k++) {
                    double ox, oy;
                    rd_panel_origin(fr, k, &ox, &oy);
                    if (x >= ox && x <= ox + fr->pw && -y >= oy && -y <= oy + fr->ph) owner = (long)k;
                }
            }
            first_polygon = 0;
        } else if (strncmp(p, "<g", 2) == 0) {
            char title[256];
            title_of(p, e, title, sizeof title);
            owner = owner_of(title);
        }
        if (owner >= 0 && (size_t)owner < npanels) err = hs_buf_append(&c->panel[owner], p, (size_t)(e - p));
        else if (owner == -2) err = hs_buf_append(&c->legend, p, (size_t)(e - p));
        if (!err && (owner >= 0 || owner == -2)) err = hs_buf_puts(owner == -2 ? &c->legend : &c->panel[owner], "\n");
        p = e;
    }
    return err;
}

/* A part of the figure, [x, x+w] x [y, y+h] in Graphviz's points, as an
 * SVG of its own holding `content`, shown at its size in points. */
static hs_error put_part(hs_buf *b, const char *cls, const cut_figure *c, double x, double y, double w, double h,
                         const hs_buf *content, const char *label) {
    hs_error err = hs_buf_printf(b,
                                 "<svg class=\"%s\" viewBox=\"%.2f %.2f %.2f %.2f\" width=\"%.0f\" height=\"%.0f\" "
                                 "role=\"img\" aria-label=\"",
                                 cls, x + c->tx, c->ty - (y + h), w, h, w * 4 / 3, h * 4 / 3);
    if (!err) err = put_esc(b, label);
    if (!err) err = hs_buf_printf(b, "\"><g transform=\"translate(%g %g)\">\n", c->tx, c->ty);
    if (!err && content->data) err = hs_buf_append(b, content->data, content->len);
    return err ? err : hs_buf_puts(b, "</g></svg>\n");
}

/* Is mechanism vertex mv active in view v? */
static int has_mechanism(const hs_view *v, size_t mv) {
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (hs_view_mechanism_vertex(v, k) == mv) return 1;
    }
    return 0;
}

/* The mechanisms active in `now` and not in `before` (what started), as
 * "ID (name), ..."; returns how many. */
static size_t put_changes(hs_buf *b, const hs_model *m, const hs_view *now, const hs_view *before, hs_error *err) {
    size_t n = 0;
    for (size_t k = 0; !*err && k < hs_view_mechanism_count(now); k++) {
        size_t mv = hs_view_mechanism_vertex(now, k);
        if (has_mechanism(before, mv)) continue;
        *err = hs_buf_puts(b, n ? ", " : "");
        if (!*err) *err = put_esc(b, hs_vertex_id(m, mv));
        if (!*err && hs_vertex_label(m, mv)) {
            *err = hs_buf_puts(b, " (");
            if (!*err) *err = put_esc(b, hs_vertex_label(m, mv));
            if (!*err) *err = hs_buf_puts(b, ")");
        }
        n++;
    }
    return n;
}

/* What changed in the mechanisms since the year before: the reader's cue
 * to a jump in the timeline. */
static hs_error put_started_ended(hs_buf *b, const hs_model *m, const year_data *y, const year_data *prev) {
    if (!prev) return HS_OK;
    hs_buf started = {0}, ended = {0};
    hs_error err = HS_OK;
    size_t ns = put_changes(&started, m, y->view, prev->view, &err);
    size_t ne = put_changes(&ended, m, prev->view, y->view, &err);
    if (!err && (ns || ne)) {
        err = hs_buf_puts(b, "<p class=\"changes\">");
        if (!err && ns) err = hs_buf_printf(b, "Started: %s.%s", started.data, ne ? " " : "");
        if (!err && ne) err = hs_buf_printf(b, "Ended: %s.", ended.data);
        if (!err) err = hs_buf_puts(b, "</p>\n");
    }
    hs_buf_free(&started);
    hs_buf_free(&ended);
    return err;
}

/* level: the intervals' level, 0 without a bootstrap. */
static hs_error put_year(hs_buf *b, const hs_model *m, const timeline *t, size_t i, const year_data *y,
                         const year_data *prev, const rd_frame *fr, const cut_figure *cut, size_t sensitivity,
                         double level) {
    const hs_view *v = y->view;
    long hub = hs_view_hub(v);
    hs_error err = hs_buf_printf(b, "<section class=\"year\" id=\"y%d\" data-year=\"%d\" aria-label=\"%d\">\n<h2>%d</h2>\n",
                                 y->year, y->year, y->year, y->year);
    if (!err) err = hs_buf_printf(b, "<p class=\"indices\" data-year=\"%d\">", y->year);
    static const char *const letter[3] = {"K", "U", "C"};
    for (int k = 0; !err && k < 3; k++) {
        const char *name = index_names[k];
        double val = system_value(y, name);
        err = isfinite(val) ? hs_buf_printf(b, "<span class=\"index\" data-key=\"%s\" data-v=\"%.15g\" title=\"%s\"><b>%s</b>%.4f",
                                            name, val, name, letter[k], val)
                            : hs_buf_printf(b, "<span class=\"index\" data-key=\"%s\" data-v=\"\" title=\"%s\"><b>%s</b>n/a",
                                            name, name, letter[k]);
        /* Its interval, as `metrics` prints NAME_lo and NAME_hi. */
        if (!err && level > 0) {
            double lo = system_value(y, bound_names[k][0]), hi = system_value(y, bound_names[k][1]);
            if (isfinite(lo) && isfinite(hi))
                err = hs_buf_printf(b, " <span class=\"interval\" data-lo=\"%.15g\" data-hi=\"%.15g\" title=\"%g%% bootstrap interval\">[%.4f, %.4f]</span>",
                                    lo, hi, 100 * level, lo, hi);
            else
                err = hs_buf_printf(b, " <span class=\"interval\" data-lo=\"\" data-hi=\"\" title=\"%g%% bootstrap interval\">[n/a]</span>", 100 * level);
        }
        if (!err) err = hs_buf_puts(b, "</span> &#160; ");
    }
    if (!err) {
        err = hs_buf_puts(b, "<span class=\"hub\">hub ");
        if (!err) err = put_esc(b, hub >= 0 ? hs_view_state_id(v, (size_t)hub) : "none");
        if (!err) err = hs_buf_puts(b, "</span></p>\n<div class=\"panels\">\n");
    }
    if (!err && y->drawn) {
        double ox, oy;
        rd_panel_origin(fr, y->panel, &ox, &oy);
        char label[96];
        snprintf(label, sizeof label, "The network in %d", y->year);
        err = put_part(b, "net", cut, ox, oy, fr->pw, fr->ph, &cut->panel[y->panel], label);
    } else if (!err) {
        err = hs_buf_printf(b, "<p class=\"none\">No tie or mechanism is active in %d.</p>\n", y->year);
    }
    if (!err) err = put_timeline_year(b, t, i);
    if (!err) err = hs_buf_puts(b, "</div>\n<h3>Mechanisms</h3>\n");
    if (!err) err = put_started_ended(b, m, y, prev);
    if (!err) err = put_mechanisms(b, y, sensitivity);
    if (!err) err = hs_buf_puts(b, "<h3>States</h3>\n");
    if (!err) err = put_states(b, m, y);
    (void)m;
    return err ? err : hs_buf_puts(b, "</section>\n");
}

hs_error hs_report_html(const hs_model *model, int first, int last, const hs_report_options *options, char **out,
                        size_t *out_len) {
    hs_report_options def;
    hs_report_options_init(&def);
    const hs_report_options *o = options ? options : &def;
    if (first > last || first < HS_YEAR_FIRST || last > HS_YEAR_LAST)
        return hs_error_set(HS_EARG, "a report needs a period FIRST:LAST with FIRST <= LAST in [%d, %d], not %d:%d",
                            HS_YEAR_FIRST, HS_YEAR_LAST, first, last);
    if ((long)last - first + 1 > HS_REPORT_MAX_YEARS)
        return hs_error_set(HS_EARG, "a report covers at most %d years, not %d:%d", HS_REPORT_MAX_YEARS, first, last);
    if (o->bootstrap < 0 || (o->bootstrap > 0 && !(o->level > 0 && o->level < 1)))
        return hs_error_set(HS_EARG, "a report's bootstrap needs 0 or more draws and a level in (0, 1), not %lld draws at %g",
                            o->bootstrap, o->level);
    size_t n = (size_t)(last - first + 1);
    year_data *yd = hs_calloc(n, sizeof *yd);
    int *years = hs_calloc(n, sizeof *years);
    /* K, U, C; with a bootstrap, then the bounds of each (NAME.lo, NAME.hi). */
    column cols[9] = {{"coordination", "K coordination", "#1b6ca8", NULL},
                      {"unidirectionality", "U unidirectionality", "#d1495b", NULL},
                      {"closedness", "C closedness", "#2e933c", NULL},
                      {"coordination.lo", NULL, NULL, NULL},
                      {"unidirectionality.lo", NULL, NULL, NULL},
                      {"closedness.lo", NULL, NULL, NULL},
                      {"coordination.hi", NULL, NULL, NULL},
                      {"unidirectionality.hi", NULL, NULL, NULL},
                      {"closedness.hi", NULL, NULL, NULL}};
    size_t ncols = o->bootstrap > 0 ? 9 : 3;
    hs_error err = yd && years ? HS_OK : HS_ENOMEM;
    for (size_t c = 0; !err && c < ncols; c++)
        if (!(cols[c].v = hs_calloc(n, sizeof(double)))) err = HS_ENOMEM;
    size_t npanels = 0;
    for (size_t i = 0; !err && i < n; i++) {
        yd[i].year = first + (int)i;
        err = year_compute(model, o, &yd[i]);
        if (err) break;
        for (size_t k = 0; k < 3; k++) {
            cols[k].v[i] = system_value(&yd[i], index_names[k]);
            if (ncols > 3) {
                cols[3 + k].v[i] = system_value(&yd[i], bound_names[k][0]);
                cols[6 + k].v[i] = system_value(&yd[i], bound_names[k][1]);
            }
        }
        if (yd[i].drawn) {
            yd[i].panel = npanels;
            years[npanels++] = yd[i].year;
        }
    }
    /* The network: one figure, a panel per year with something to draw,
     * laid out on the union of them all, without a title. */
    char *svg = NULL;
    size_t svg_len = 0;
    rd_frame fr;
    memset(&fr, 0, sizeof fr);
    hs_render_options ro;
    if (o->render)
        ro = *o->render;
    else
        hs_render_options_init(&ro);
    ro.hub = o->hub;
    ro.codebook = o->codebook;
    ro.focus = o->focus;
    ro.focus_count = o->focus_count;
    ro.mechanism = NULL;
    ro.title = "";
    ro.rows = ro.cols = 0;
    if (!err && npanels) err = rd_render(model, years, npanels, &ro, HS_RENDER_SVG, &svg, &svg_len, &fr);

    hs_buf b = {0};
    cut_figure cut;
    memset(&cut, 0, sizeof cut);
    if (!err && svg) err = cut_drawing(svg, &fr, npanels, &cut);
    free(svg);
    timeline t = {first, last, cols, ncols, o->bootstrap > 0 ? o->level : 0};
    const char *name = hs_model_name(model) ? hs_model_name(model) : hs_model_file(model);
    if (!err) err = hs_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n"
                                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    hs_buf title = {0};
    if (!err) err = o->title ? hs_buf_puts(&title, o->title) : hs_buf_printf(&title, "%s, %d to %d", name, first, last);
    if (!err) err = put_esc(&b, title.data);
    if (!err) err = hs_buf_printf(&b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", css);
    if (!err) err = put_esc(&b, title.data);
    hs_buf_free(&title);
    if (!err) err = hs_buf_puts(&b, "</h1>\n<p class=\"meta\">");
    if (!err) err = put_esc(&b, hs_model_file(model));
    if (!err && o->focus_count) {
        err = hs_buf_puts(&b, "; the subsystem of ");
        for (size_t k = 0; !err && k < o->focus_count; k++) {
            if (k) err = hs_buf_puts(&b, ", ");
            if (!err) err = put_esc(&b, o->focus[k]);
        }
    }
    if (!err)
        err = hs_buf_printf(&b, "; made by hubspoke %s. K, U and C: docs/metrics.md; types: docs/typology.md.</p>\n"
                                "<noscript><p>Scripts are off: every year is shown below, one after another.</p></noscript>\n"
                                "<div class=\"controls\" role=\"group\" aria-label=\"Year\">\n"
                                "<button type=\"button\" id=\"play\" aria-pressed=\"false\">Play</button>\n"
                                "<button type=\"button\" id=\"prev\" aria-label=\"Previous year\">&#8592;</button>\n"
                                "<input type=\"range\" id=\"year\" min=\"%d\" max=\"%d\" step=\"1\" value=\"%d\" aria-label=\"Year\">\n"
                                "<button type=\"button\" id=\"next\" aria-label=\"Next year\">&#8594;</button>\n"
                                "<output id=\"year-out\" for=\"year\" aria-live=\"polite\">%d</output>\n</div>\n</header>\n",
                            hs_version(), first, last, first, first);
    /* The chart once, hidden: every year's timeline uses it. */
    if (!err) err = hs_buf_puts(&b, "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" focusable=\"false\"><defs>\n");
    if (!err) err = put_timeline_symbol(&b, &t);
    if (!err) err = hs_buf_puts(&b, "</defs></svg>\n<div class=\"layout\">\n<main>\n");
    for (size_t i = 0; !err && i < n; i++)
        err = put_year(&b, model, &t, i, &yd[i], i ? &yd[i - 1] : NULL, &fr, &cut, o->sensitivity,
                       o->bootstrap > 0 ? o->level : 0);
    if (!err) err = hs_buf_puts(&b, "</main>\n");
    /* The key beside the years, in view while they change. */
    if (!err && npanels) {
        err = hs_buf_puts(&b, "<aside class=\"key\" aria-label=\"Key to the network\">\n<h2>Key</h2>\n");
        if (!err) err = put_part(&b, "legend", &cut, fr.lx - fr.gap / 2, fr.ly - fr.lh - fr.gap / 2, fr.lw + fr.gap,
                                 fr.lh + fr.gap, &cut.legend, "Key to the network: states, ties and mechanisms");
        if (!err) err = hs_buf_puts(&b, "</aside>\n");
    }
    if (!err) err = hs_buf_puts(&b, "</div>\n");
    if (!err) err = put_timeline_json(&b, &t);
    if (!err) err = hs_buf_printf(&b, "<script>\n%s</script>\n</body>\n</html>\n", script);
    cut_free(&cut);
    for (size_t i = 0; yd && i < n; i++) year_free(&yd[i]);
    free(yd);
    free(years);
    for (size_t c = 0; c < ncols; c++) free(cols[c].v);
    if (err) {
        hs_buf_free(&b);
        return err;
    }
    *out = b.data;
    *out_len = b.len;
    return HS_OK;
}

hs_error hs_report_file(const hs_model *model, int first, int last, const hs_report_options *options, const char *path) {
    char *data = NULL;
    size_t len = 0;
    hs_error err = hs_report_html(model, first, last, options, &data, &len);
    if (!err) err = hs_file_write_atomic(path, data, len);
    free(data);
    return err;
}
