/* Figures of alliance systems: hubspoke writes the styled DOT, the
 * hubspoke-dot helper lays it out and draws it (docs/render.md).
 *
 * Two helper runs per figure. The first lays out the union of all panels
 * (every state, tie and mechanism active in some panel) with the chosen
 * engine and returns positions as Graphviz JSON. The second draws the figure:
 * one copy of the drawn elements per panel, each pinned at its union
 * position plus the panel's offset, rendered with the `nop2` engine and
 * `notranslate` (../shared/reference/PLATFORM-NOTES.md). Mechanism surfaces
 * are polygons in the graph's `_background` (Graphviz's xdot drawing
 * operations), so that they are drawn under everything else in every output
 * format. */
#define _POSIX_C_SOURCE 200809L
#include "hubspoke/render.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hubspoke/check.h"
#include "hubspoke/metrics.h"
#include "hubspoke/view.h"
#include "io/io_internal.h"

/* ---- geometry (points, Graphviz's y axis pointing up) -------------------------- */

#define STATE_SIZE 0.62     /* inches: a state's circle, when its id is short */
#define MECH_HEIGHT 0.30    /* inches: a mechanism's label box */
#define PANEL_MARGIN 34.0   /* room for the surfaces around the outermost states */
#define CAPTION_HEIGHT 40.0
#define PANEL_GAP 18.0
#define TITLE_HEIGHT 44.0
#define LEGEND_WIDTH 210.0
#define LEGEND_ROW 21.0
#define PANELS_PER_ROW 4
#define HULL_PAD 27.0       /* a surface's distance from its members' centres */
#define HULL_STEP 7.0       /* more for each earlier surface over the same states */

/* ---- the visual encoding (docs/render.md) -------------------------------------- */

typedef struct tie_style {
    const char *legend, *color, *style;
    double penwidth;
} tie_style;

/* Indexed by hs_kind; the last is an untyped tie. Each differs from the
 * others in line pattern or width, not only in colour, so that it survives
 * greyscale printing; "a:invis:a" draws a double line. */
static const tie_style tie_styles[HS_KIND_COUNT + 1] = {
    [HS_KIND_TREATY] = {"treaty (mutual defence)", "#000000", "solid", 3.6},
    [HS_KIND_ACCESS] = {"access (forces, bases)", "#08519c:invis:#08519c", "solid", 1.3},
    [HS_KIND_INTELLIGENCE] = {"intelligence sharing", "#a50f15", "dashed", 2.2},
    [HS_KIND_TECHNOLOGY] = {"defence technology", "#006d2c", "dotted", 2.8},
    [HS_KIND_EXERCISE] = {"joint exercises", "#54278f:invis:#54278f", "dashed", 1.2},
    [HS_KIND_PARTNERSHIP] = {"security partnership", "#525252", "solid", 1.6},
    [HS_KIND_DIALOGUE] = {"dialogue", "#636363", "dotted", 1.7},
    [HS_KIND_MEMBER] = {"member of a mechanism", "#808080", "solid", 0.8},
    [HS_KIND_COUNT] = {"untyped tie", "#a0a0a0", "solid", 0.7},
};

static const char *const role_legend[HS_ROLE_COUNT] = {"hub", "ally (treaty with the hub)", "partner",
                                                         "other state"};

/* Node attributes of each role: fill darkness, outline pattern and the hub's
 * double ring tell them apart in greyscale. */
static const char *const role_attrs[HS_ROLE_COUNT] = {
    "shape=doublecircle, style=filled, fillcolor=\"#252525\", color=\"#000000\", fontcolor=white, penwidth=1.2",
    "shape=circle, style=filled, fillcolor=\"#9ecae1\", color=\"#08306b\", penwidth=2",
    "shape=circle, style=\"filled,dashed\", fillcolor=white, color=\"#8c2d04\", penwidth=1.6",
    "shape=circle, style=\"filled,dotted\", fillcolor=white, color=\"#636363\", fontcolor=\"#525252\", penwidth=1.2",
};

static const char ghost_node_attrs[] =
    "shape=circle, style=\"filled,dotted\", fillcolor=white, color=\"#cccccc\", fontcolor=\"#bbbbbb\"";
static const char ghost_edge_attrs[] = "color=\"#dddddd\", style=solid, penwidth=1";

/* Surfaces: ColorBrewer Set2, light enough for labels to stay legible where
 * two overlap. */
static const char *const palette[] = {"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3",
                                      "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"};
#define NPALETTE (sizeof palette / sizeof *palette)

/* ---- the figure ------------------------------------------------------------------ */

typedef struct panel {
    hs_view *view; /* NULL: the hub is not active in the panel's year (an empty panel) */
    hs_indices indices;
} panel;

typedef struct figure {
    const hs_model *m;
    const hs_render_options *opt;
    const char *file;
    size_t nv, ne;
    unsigned char *drawn;   /* per vertex: a state or mechanism of the figure */
    unsigned char *in_union;/* per vertex: active in some panel */
    unsigned char *edge_in_union;
    long *color;            /* per mechanism vertex: palette index */
    const char **focus;     /* ids of the states drawn, NULL for all */
    size_t focus_count;
    double *x, *y;          /* union layout, per vertex, points */
    double minx, miny, maxx, maxy;
    const int *years;
    size_t npanels;
    panel *panels;
    unsigned char present_role[HS_ROLE_COUNT];
    unsigned char present_kind[HS_KIND_COUNT + 1];
    int any_mechanism, any_ghost, any_arrow;
} figure;

void hs_render_options_init(hs_render_options *o) { *o = (hs_render_options){NULL, NULL, NULL, NULL, 0, NULL, 0, NULL}; }

int hs_render_engine_known(const char *engine) {
    static const char *const engines[] = {"neato", "fdp", "dot", "circo"};
    for (size_t i = 0; i < sizeof engines / sizeof *engines; i++) {
        if (strcmp(engine, engines[i]) == 0) return 1;
    }
    return 0;
}

hs_render_format hs_render_format_from_path(const char *path) {
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) return HS_RENDER_UNKNOWN;
    static const struct {
        const char *ext;
        hs_render_format f;
    } exts[] = {{".svg", HS_RENDER_SVG}, {".png", HS_RENDER_PNG}, {".pdf", HS_RENDER_PDF},
                {".gv", HS_RENDER_DOT},  {".dot", HS_RENDER_DOT}};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        if (strcasecmp(dot, exts[i].ext) == 0) return exts[i].f;
    }
    return HS_RENDER_UNKNOWN;
}

static int kind_slot(hs_kind kind) { return kind == HS_KIND_UNSET ? HS_KIND_COUNT : (int)kind; }

/* ---- DOT text ------------------------------------------------------------------- */

/* A DOT quoted string; backslashes are doubled so that Graphviz's label
 * escapes (\N, \n) never apply to a name. */
static hs_error put_quoted(hs_buf *b, const char *s) {
    if (hs_buf_puts(b, "\"")) return HS_ENOMEM;
    for (; *s; s++) {
        if ((*s == '"' || *s == '\\') && hs_buf_puts(b, "\\")) return HS_ENOMEM;
        if (hs_buf_append(b, s, 1)) return HS_ENOMEM;
    }
    return hs_buf_puts(b, "\"");
}

/* Text inside an HTML-like label. */
static hs_error put_html(hs_buf *b, const char *s) {
    for (; *s; s++) {
        const char *rep = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '"' ? "&quot;" : NULL;
        if (rep ? hs_buf_puts(b, rep) : hs_buf_append(b, s, 1)) return HS_ENOMEM;
    }
    return HS_OK;
}

/* ---- selection ------------------------------------------------------------------ */

/* The states to draw: --focus, the members of --mechanism, or all. The
 * panels' views get them as their focus (view.h), so that each panel holds
 * the subsystem `metrics --focus` measures: the states drawn and the
 * mechanisms all of whose members active that year are among them. */
static hs_error select_elements(figure *f) {
    const hs_model *m = f->m;
    const hs_render_options *o = f->opt;
    int everyone = !o->focus && !o->mechanism;
    for (size_t i = 0; i < f->nv; i++) f->drawn[i] = everyone || hs_vertex_type_of(m, i) == HS_VERTEX_MECHANISM;
    if (everyone) return HS_OK;
    f->focus = hs_calloc(f->nv ? f->nv : 1, sizeof *f->focus);
    if (!f->focus) return HS_ENOMEM;
    for (size_t k = 0; o->focus && k < o->focus_count; k++) {
        long v = hs_model_find(m, o->focus[k]);
        if (v < 0 || hs_vertex_type_of(m, (size_t)v) != HS_VERTEX_STATE)
            return hs_error_set(HS_EARG, "%s: focus '%s' names no state", f->file, o->focus[k]);
        f->drawn[v] = 1;
    }
    if (o->mechanism) {
        long v = hs_model_find(m, o->mechanism);
        if (v < 0 || hs_vertex_type_of(m, (size_t)v) != HS_VERTEX_MECHANISM)
            return hs_error_set(HS_EARG, "%s: '%s' names no mechanism", f->file, o->mechanism);
        for (size_t e = 0; e < f->ne; e++) {
            if (hs_edge_kind(m, e) == HS_KIND_MEMBER && hs_edge_to(m, e) == (size_t)v) f->drawn[hs_edge_from(m, e)] = 1;
        }
    }
    for (size_t i = 0; i < f->nv; i++) {
        if (f->drawn[i] && hs_vertex_type_of(m, i) == HS_VERTEX_STATE) f->focus[f->focus_count++] = hs_vertex_id(m, i);
    }
    return HS_OK;
}

/* Is model edge e drawn in a panel whose view it is active in? Member edges
 * go to drawn mechanisms; every other tie needs both states drawn. */
static int edge_drawn(const figure *f, size_t e) {
    return f->drawn[hs_edge_from(f->m, e)] && f->drawn[hs_edge_to(f->m, e)];
}

static int vertex_active(const hs_view *v, size_t i) {
    if (hs_vertex_type_of(hs_view_model(v), i) == HS_VERTEX_STATE) return hs_view_state_of_vertex(v, i) >= 0;
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (hs_view_mechanism_vertex(v, k) == i) return 1;
    }
    return 0;
}

static hs_error make_panels(figure *f) {
    size_t n = f->npanels;
    for (size_t p = 0; p < n; p++) {
        /* A year the file's hub (or the chosen one) is not active in has no
         * system to draw: an empty panel says so, the others are drawn. */
        if (f->years && !hs_check_hub_active(f->m, f->opt->hub, f->years[p], NULL, 0)) {
            f->panels[p].indices.coordination = f->panels[p].indices.unidirectionality =
                f->panels[p].indices.closedness = NAN;
            continue;
        }
        hs_view_options vo;
        hs_view_options_init(&vo);
        vo.has_year = f->years != NULL;
        vo.year = f->years ? f->years[p] : 0;
        vo.hub = f->opt->hub;
        vo.codebook = f->opt->codebook;
        vo.focus = f->focus;
        vo.focus_count = f->focus_count;
        hs_error err = hs_view_new(f->m, &vo, &f->panels[p].view);
        if (!err) err = hs_indices_compute(f->panels[p].view, &f->panels[p].indices);
        if (err) return err;
        const hs_view *v = f->panels[p].view;
        for (size_t k = 0; k < hs_view_edge_count(v); k++) {
            size_t e = hs_view_edges(v)[k];
            if (!edge_drawn(f, e)) continue;
            f->edge_in_union[e] = 1;
            f->in_union[hs_edge_from(f->m, e)] = f->in_union[hs_edge_to(f->m, e)] = 1;
        }
        /* A year without ties among the states drawn shows them alone: the
         * "points" of "points, lines, surfaces". */
        for (size_t i = 0; i < f->nv; i++) {
            if (f->drawn[i] && vertex_active(v, i)) f->in_union[i] = 1;
        }
    }
    int any_state = 0;
    for (size_t i = 0; i < f->nv && !any_state; i++) any_state = f->in_union[i] && hs_vertex_type_of(f->m, i) == HS_VERTEX_STATE;
    size_t inactive = 0;
    for (size_t p = 0; f->years && p < n; p++) inactive += !f->panels[p].view;
    /* Panels that are all empty for the hub's dates are drawn, captions and
     * all; a figure whose drawn states are active in no panel is refused. */
    if (!any_state && inactive < n)
        return hs_error_set(HS_EINPUT, "%s: nothing to draw: none of the states drawn is active in %s", f->file,
                            f->years ? (n == 1 ? "that year" : "those years") : "the file");
    /* Colours in file order among the mechanisms some panel draws. */
    long next = 0;
    for (size_t i = 0; i < f->nv; i++) {
        f->color[i] = -1;
        if (f->in_union[i] && hs_vertex_type_of(f->m, i) == HS_VERTEX_MECHANISM) f->color[i] = next++ % (long)NPALETTE;
    }
    return HS_OK;
}

/* ---- the union layout ------------------------------------------------------------ */

static double mech_width(const hs_model *m, size_t i) {
    return 0.18 + 0.085 * (double)strlen(hs_vertex_id(m, i)); /* inches at 10 pt */
}

/* A state's diameter in inches: wide enough for its id at 11 pt, so that a
 * long id (any schema-valid file may use names) stays inside its circle. */
static double state_size(const hs_model *m, size_t i) {
    return fmax(STATE_SIZE, 0.2 + 0.095 * (double)strlen(hs_vertex_id(m, i)));
}

static double state_r(const hs_model *m, size_t i) { return state_size(m, i) * 36.0; }

static int pair_cmp(const void *a, const void *b) {
    const size_t *p = a, *q = b;
    if (p[0] != q[0]) return p[0] < q[0] ? -1 : 1;
    return p[1] < q[1] ? -1 : p[1] > q[1];
}

static hs_error push_pair(size_t **p, size_t *n, size_t *cap, size_t x, size_t y) {
    if (x == y) return HS_OK;
    if (*n == *cap) {
        size_t *q = hs_realloc(*p, *cap * 4 * sizeof *q);
        if (!q) return HS_ENOMEM;
        *p = q;
        *cap *= 2;
    }
    (*p)[2 * *n] = x < y ? x : y;
    (*p)[2 * *n + 1] = x < y ? y : x;
    (*n)++;
    return HS_OK;
}

/* Pairs of states that a tie or a shared mechanism joins in some panel, each
 * once (lower vertex first, sorted): parallel ties would otherwise pull their
 * states closer than single ones. */
static hs_error union_pairs(const figure *f, size_t **pairs, size_t *npairs) {
    const hs_model *m = f->m;
    size_t n = 0, cap = 16, nmem = 0;
    size_t *p = hs_malloc(cap * 2 * sizeof *p), *mem = hs_malloc((f->ne ? f->ne : 1) * 2 * sizeof *mem);
    hs_error err = p && mem ? HS_OK : HS_ENOMEM;
    for (size_t e = 0; !err && e < f->ne; e++) {
        if (!f->edge_in_union[e]) continue;
        if (hs_edge_kind(m, e) == HS_KIND_MEMBER) {
            mem[2 * nmem] = hs_edge_to(m, e);
            mem[2 * nmem + 1] = hs_edge_from(m, e);
            nmem++;
        } else {
            err = push_pair(&p, &n, &cap, hs_edge_from(m, e), hs_edge_to(m, e));
        }
    }
    /* Co-members: memberships sorted by mechanism, every pair in a run. */
    if (!err) qsort(mem, nmem, 2 * sizeof *mem, pair_cmp);
    for (size_t a = 0; !err && a < nmem; a++) {
        for (size_t b = a + 1; !err && b < nmem && mem[2 * b] == mem[2 * a]; b++)
            err = push_pair(&p, &n, &cap, mem[2 * a + 1], mem[2 * b + 1]);
    }
    free(mem);
    if (err) {
        free(p);
        return err;
    }
    qsort(p, n, 2 * sizeof *p, pair_cmp);
    size_t u = 0;
    for (size_t k = 0; k < n; k++) {
        if (u && p[2 * k] == p[2 * (u - 1)] && p[2 * k + 1] == p[2 * (u - 1) + 1]) continue;
        p[2 * u] = p[2 * k];
        p[2 * u + 1] = p[2 * k + 1];
        u++;
    }
    *pairs = p;
    *npairs = u;
    return HS_OK;
}

/* The states alone: mechanisms are placed afterwards, among their members
 * (place_mechanisms), so that several mechanisms over the same states do not
 * fight over the middle of them and push the states into a line. */
static hs_error layout_dot(const figure *f, const size_t *pairs, size_t npairs, hs_buf *b) {
    const hs_model *m = f->m;
    hs_error err = hs_buf_printf(b,
                                 "graph layout {\n"
                                 "  graph [overlap=false, splines=false, sep=\"+10\", start=7, nodesep=0.6, ranksep=1.0];\n"
                                 "  node [shape=circle, fixedsize=true, width=%.2f, height=%.2f, label=\"\"];\n",
                                 STATE_SIZE, STATE_SIZE);
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (f->in_union[i] && hs_vertex_type_of(m, i) == HS_VERTEX_STATE)
            err = hs_buf_printf(b, "  v%zu [width=%.2f, height=%.2f];\n", i, state_size(m, i), state_size(m, i));
    }
    for (size_t k = 0; !err && k < npairs; k++) err = hs_buf_printf(b, "  v%zu -- v%zu [len=1.8];\n", pairs[2 * k], pairs[2 * k + 1]);
    return err ? err : hs_buf_puts(b, "}\n");
}

static hs_error read_layout(figure *f, const char *json, size_t len) {
    json_error_t jerr;
    json_t *root = json_loadb(json, len, 0, &jerr);
    if (!root) return hs_error_set(HS_EHELPER, "%s: the layout from the DOT helper is not JSON: %s", f->file, jerr.text);
    for (size_t i = 0; i < f->nv; i++) f->x[i] = f->y[i] = NAN;
    json_t *objects = json_object_get(root, "objects");
    size_t k;
    json_t *o;
    json_array_foreach(objects, k, o) {
        const char *name = json_string_value(json_object_get(o, "name"));
        const char *pos = json_string_value(json_object_get(o, "pos"));
        char *end;
        if (!name || !pos || name[0] != 'v') continue;
        unsigned long i = strtoul(name + 1, &end, 10);
        double x, y;
        if (*end || i >= f->nv || sscanf(pos, "%lf,%lf", &x, &y) != 2) continue;
        f->x[i] = x;
        f->y[i] = y;
    }
    json_decref(root);
    for (size_t i = 0; i < f->nv; i++) {
        if (f->in_union[i] && hs_vertex_type_of(f->m, i) == HS_VERTEX_STATE && isnan(f->x[i]))
            return hs_error_set(HS_EHELPER, "%s: the layout from the DOT helper has no position for '%s'", f->file,
                                hs_vertex_id(f->m, i));
    }
    return HS_OK;
}


/* Distance from (px, py) to the segment a-b, and where along it (0..1). */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by, double *t) {
    double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    *t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
    if (*t < 0) *t = 0;
    if (*t > 1) *t = 1;
    double qx = ax + *t * dx - px, qy = ay + *t * dy - py;
    return sqrt(qx * qx + qy * qy);
}

/* Straight lines that run through a state they do not join read as ties of
 * that state: move such states off the line, a little at a time, keeping
 * states apart. Quadratic per round, so left out past CLEAR_MAX states,
 * where a figure is too dense to read line by line anyway. */
#define CLEAR_MAX 300
static void clear_lines(figure *f, const size_t *pairs, size_t npairs) {
    size_t n = 0;
    for (size_t c = 0; c < f->nv; c++) n += f->in_union[c] && hs_vertex_type_of(f->m, c) == HS_VERTEX_STATE;
    if (n > CLEAR_MAX) return;
    for (int round = 0; round < 60; round++) {
        int moved = 0;
        for (size_t c = 0; c < f->nv; c++) {
            if (!f->in_union[c] || hs_vertex_type_of(f->m, c) != HS_VERTEX_STATE) continue;
            for (size_t k = 0; k < npairs; k++) {
                size_t a = pairs[2 * k], b = pairs[2 * k + 1];
                if (a == c || b == c) continue;
                double t, d = seg_dist(f->x[c], f->y[c], f->x[a], f->y[a], f->x[b], f->y[b], &t);
                double clear = state_r(f->m, c) + 8;
                if (d >= clear || t <= 0 || t >= 1) continue;
                /* Away from the line, perpendicular to it. */
                double nx = -(f->y[b] - f->y[a]), ny = f->x[b] - f->x[a], nl = sqrt(nx * nx + ny * ny);
                if (nl == 0) continue;
                double side = (f->x[c] - f->x[a]) * nx + (f->y[c] - f->y[a]) * ny >= 0 ? 1 : -1;
                double step = fmin(clear - d + 1, 6);
                f->x[c] += side * step * nx / nl;
                f->y[c] += side * step * ny / nl;
                moved = 1;
            }
            for (size_t o = c + 1; o < f->nv; o++) {
                if (!f->in_union[o] || hs_vertex_type_of(f->m, o) != HS_VERTEX_STATE) continue;
                double dx = f->x[o] - f->x[c], dy = f->y[o] - f->y[c], d = sqrt(dx * dx + dy * dy);
                double apart = state_r(f->m, c) + state_r(f->m, o) + 8;
                if (d >= apart) continue;
                if (d == 0) dx = 1, dy = 0, d = 1;
                double step = (apart - d) / 2 + 0.5;
                f->x[o] += step * dx / d;
                f->y[o] += step * dy / d;
                f->x[c] -= step * dx / d;
                f->y[c] -= step * dy / d;
                moved = 1;
            }
        }
        if (!moved) break;
    }
}

/* Room between tied states for the parallel lines of several kinds of tie:
 * neato's overlap removal packs a small union tightly, so the layout is
 * scaled up until tied states are SPREAD_GAP apart, edge to edge, by at most
 * SPREAD_MAX (a dense union would otherwise become a very large figure). */
#define SPREAD_GAP 60.0
#define SPREAD_MAX 1.6
static void spread(figure *f, const size_t *pairs, size_t npairs) {
    double factor = 1;
    for (size_t k = 0; k < npairs; k++) {
        size_t a = pairs[2 * k], b = pairs[2 * k + 1];
        double d = hypot(f->x[a] - f->x[b], f->y[a] - f->y[b]);
        double want = state_r(f->m, a) + state_r(f->m, b) + SPREAD_GAP;
        if (d > 0 && want / d > factor) factor = want / d;
    }
    if (factor > SPREAD_MAX) factor = SPREAD_MAX;
    for (size_t i = 0; i < f->nv; i++) {
        if (!f->in_union[i] || hs_vertex_type_of(f->m, i) != HS_VERTEX_STATE) continue;
        f->x[i] *= factor;
        f->y[i] *= factor;
    }
}

/* Does a label box of half-size (hw, hh) at (x, y) overlap a state, an
 * already placed label, or (when `lines`) one of the union's lines? */
static int label_blocked(const figure *f, const size_t *pairs, size_t npairs, size_t self, double x, double y,
                         double hw, double hh, int lines) {
    for (size_t i = 0; i < f->nv; i++) {
        if (!f->in_union[i] || i == self || isnan(f->x[i])) continue;
        double dx = fabs(x - f->x[i]), dy = fabs(y - f->y[i]);
        if (hs_vertex_type_of(f->m, i) == HS_VERTEX_STATE) {
            double ex = fmax(dx - hw, 0), ey = fmax(dy - hh, 0);
            double r = state_r(f->m, i) + 5;
            if (ex * ex + ey * ey < r * r) return 1;
        } else {
            double ow = mech_width(f->m, i) * 36.0, oh = MECH_HEIGHT * 36.0;
            if (dx < hw + ow + 6 && dy < hh + oh + 6) return 1;
        }
    }
    for (size_t k = 0; lines && k < npairs; k++) {
        size_t a = pairs[2 * k], b = pairs[2 * k + 1];
        double t;
        if (seg_dist(x, y, f->x[a], f->y[a], f->x[b], f->y[b], &t) < hh + 3) return 1;
    }
    return 0;
}

/* Each mechanism's label near the centre of its members, on the first free
 * spot of a widening spiral around it: free of states and other labels, and
 * of lines when possible. */
static void place_mechanisms(figure *f, const size_t *pairs, size_t npairs) {
    const hs_model *m = f->m;
    for (size_t i = 0; i < f->nv; i++) {
        if (!f->in_union[i] || hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM) continue;
        double cx = 0, cy = 0;
        int n = 0;
        for (size_t e = 0; e < f->ne; e++) {
            if (!f->edge_in_union[e] || hs_edge_kind(m, e) != HS_KIND_MEMBER || hs_edge_to(m, e) != i) continue;
            cx += f->x[hs_edge_from(m, e)];
            cy += f->y[hs_edge_from(m, e)];
            n++;
        }
        if (n) cx /= n, cy /= n;
        double hw = mech_width(m, i) * 36.0, hh = MECH_HEIGHT * 36.0;
        int placed = 0;
        for (int lines = 1; lines >= 0 && !placed; lines--) {
            for (int d = 0; d <= 240 && !placed; d += 6) {
                int dirs = d == 0 ? 1 : 24;
                for (int k = 0; k < dirs && !placed; k++) {
                    double a = 6.283185307179586 * k / dirs + 1.5707963267948966;
                    double x = cx + d * cos(a), y = cy + d * sin(a);
                    if (!label_blocked(f, pairs, npairs, i, x, y, hw, hh, lines)) {
                        f->x[i] = x;
                        f->y[i] = y;
                        placed = 1;
                    }
                }
            }
        }
        if (!placed) {
            f->x[i] = cx;
            f->y[i] = cy;
        }
    }
    /* Whole points: every panel adds its offset to the same integers, so
     * that the printed positions are identical, not merely close. */
    int first = 1;
    for (size_t i = 0; i < f->nv; i++) {
        if (!f->in_union[i]) continue;
        f->x[i] = round(f->x[i]);
        f->y[i] = round(f->y[i]);
        int mech = hs_vertex_type_of(m, i) == HS_VERTEX_MECHANISM;
        double rx = mech ? mech_width(m, i) * 36.0 : state_r(m, i), ry = mech ? MECH_HEIGHT * 36.0 : state_r(m, i);
        if (first || f->x[i] - rx < f->minx) f->minx = f->x[i] - rx;
        if (first || f->x[i] + rx > f->maxx) f->maxx = f->x[i] + rx;
        if (first || f->y[i] - ry < f->miny) f->miny = f->y[i] - ry;
        if (first || f->y[i] + ry > f->maxy) f->maxy = f->y[i] + ry;
        first = 0;
    }
}

/* ---- surfaces -------------------------------------------------------------------- */

typedef struct pt {
    double x, y;
} pt;

static int pt_cmp(const void *a, const void *b) {
    const pt *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

static double cross(pt o, pt a, pt b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

/* Andrew's monotone chain; hull receives up to n + 1 points, counter-clockwise. */
static size_t convex_hull(pt *p, size_t n, pt *hull) {
    qsort(p, n, sizeof *p, pt_cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
        hull[k++] = p[i];
    }
    for (size_t i = n - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
        hull[k++] = p[i];
    }
    return k > 1 ? k - 1 : k;
}

#define HULL_SIDES 16

/* One mechanism's surface in panel coordinates: the convex hull of circles
 * `pad` wider than its members and its label box. */
static hs_error put_surface(hs_buf *bg, const pt *centres, const double *radius, size_t n, double pad,
                            const char *color) {
    size_t np = n * HULL_SIDES;
    pt *p = hs_malloc(np * sizeof *p), *hull = hs_malloc((np + 1) * sizeof *hull);
    hs_error err = p && hull ? HS_OK : HS_ENOMEM;
    for (size_t i = 0; !err && i < n; i++) {
        for (int s = 0; s < HULL_SIDES; s++) {
            double a = 6.283185307179586 * s / HULL_SIDES;
            double r = pad + radius[i];
            p[i * HULL_SIDES + (size_t)s] = (pt){centres[i].x + r * cos(a), centres[i].y + r * sin(a)};
        }
    }
    size_t h = err ? 0 : convex_hull(p, np, hull);
    if (!err) err = hs_buf_printf(bg, "C 9 -%s40 c 9 -%sb0 P %zu", color, color, h);
    for (size_t i = 0; !err && i < h; i++) err = hs_buf_printf(bg, " %.1f %.1f", hull[i].x, hull[i].y);
    if (!err) err = hs_buf_puts(bg, " ");
    free(p);
    free(hull);
    return err;
}

/* ---- the figure DOT ---------------------------------------------------------------- */

typedef struct frame {
    double pw, ph;       /* one panel */
    double W, H;         /* the whole figure */
    size_t cols, rows;
} frame;

static void panel_origin(const frame *fr, size_t p, double *ox, double *oy) {
    size_t col = p % fr->cols, row = p / fr->cols;
    *ox = PANEL_GAP + (double)col * (fr->pw + PANEL_GAP);
    *oy = fr->H - TITLE_HEIGHT - (double)(row + 1) * fr->ph - (double)row * PANEL_GAP;
}

static pt place(const figure *f, double ox, double oy, size_t i) {
    return (pt){ox + PANEL_MARGIN + f->x[i] - f->minx, oy + CAPTION_HEIGHT + PANEL_MARGIN + f->y[i] - f->miny};
}

static void fmt_index(char *buf, size_t size, double x) {
    if (isfinite(x))
        snprintf(buf, size, "%.2f", x);
    else
        snprintf(buf, size, "n/a");
}

/* The role of active state vertex i in view v, "other" if unresolved. */
static hs_role panel_role(const hs_view *v, size_t i) {
    hs_role role = hs_view_state_role(v, (size_t)hs_view_state_of_vertex(v, i));
    return role < 0 || role >= HS_ROLE_COUNT ? HS_ROLE_OTHER : role;
}

static hs_error put_state(const figure *f, hs_buf *b, size_t p, size_t i, pt at) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    long s = hs_view_state_of_vertex(v, i);
    hs_role role = s >= 0 ? panel_role(v, i) : HS_ROLE_OTHER;
    const char *label = hs_vertex_label(m, i);
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" [id=", p, i);
    hs_buf id = {0};
    if (!err) err = hs_buf_printf(&id, "p%zu-s-%s", p, hs_vertex_id(m, i));
    if (!err) err = put_quoted(b, id.data);
    hs_buf_free(&id);
    if (err) return err;
    if (s >= 0) {
        err = hs_buf_printf(b, ", class=\"state role-%s\", %s, tooltip=", hs_role_name(role), role_attrs[role]);
    } else {
        err = hs_buf_printf(b, ", class=\"state ghost\", %s, tooltip=", ghost_node_attrs);
    }
    hs_buf tip = {0};
    if (!err) err = hs_buf_printf(&tip, "%s: %s", label ? label : hs_vertex_id(m, i), s >= 0 ? hs_role_name(role) : "inactive");
    if (!err) err = put_quoted(b, tip.data);
    hs_buf_free(&tip);
    if (!err) err = hs_buf_puts(b, ", label=");
    if (!err) err = put_quoted(b, hs_vertex_id(m, i));
    if (!err && state_size(m, i) > STATE_SIZE)
        err = hs_buf_printf(b, ", width=%.2f, height=%.2f", state_size(m, i), state_size(m, i));
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", at.x, at.y);
    return err;
}

static hs_error put_mechanism(const figure *f, hs_buf *b, size_t p, size_t i, pt at, int active) {
    const hs_model *m = f->m;
    const char *col = palette[f->color[i]];
    hs_buf id = {0};
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" [id=", p, i);
    if (!err) err = hs_buf_printf(&id, "p%zu-m-%s", p, hs_vertex_id(m, i));
    if (!err) err = put_quoted(b, id.data);
    hs_buf_free(&id);
    if (!err) err = hs_buf_printf(b,
                                  ", class=\"mechanism%s\", shape=box, style=\"rounded,filled\", fillcolor=\"%s\", "
                                  "color=\"%s\", fontcolor=\"%s\", fontsize=10, width=%.3f, height=%.2f, label=",
                                  active ? "" : " ghost", active ? col : "#ffffff",
                                  active ? "#404040" : "#dddddd", active ? "#000000" : "#bbbbbb", mech_width(m, i),
                                  MECH_HEIGHT);
    if (!err) err = put_quoted(b, hs_vertex_id(m, i));
    if (!err) err = hs_buf_puts(b, ", tooltip=");
    if (!err) err = put_quoted(b, hs_vertex_label(m, i) ? hs_vertex_label(m, i) : hs_vertex_id(m, i));
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", at.x, at.y);
    return err;
}

/* One line for model edge e, standing for `count` ties of its kind between
 * its two ends. */
static hs_error put_edge(const figure *f, hs_buf *b, size_t p, size_t e, int active, size_t count) {
    const hs_model *m = f->m;
    hs_kind kind = hs_edge_kind(m, e);
    int member = kind == HS_KIND_MEMBER;
    size_t from = hs_edge_from(m, e), to = hs_edge_to(m, e);
    /* Membership runs from the mechanism, so that its spokes leave the label. */
    size_t tail = member ? to : from, head = member ? from : to;
    const tie_style *st = &tie_styles[kind_slot(kind)];
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" -> \"p%zu/v%zu\" [id=\"p%zu-e%zu\", class=\"%s %skind-%s\", ", p,
                                 tail, p, head, p, e, member ? "member" : "tie", active ? "" : "ghost ",
                                 member ? "member" : kind == HS_KIND_UNSET ? "unspecified" : hs_kind_name(kind));
    if (err) return err;
    if (!active)
        err = hs_buf_puts(b, ghost_edge_attrs);
    else if (member)
        err = hs_buf_printf(b, "color=\"%sd0\", style=solid, penwidth=%.1f", palette[f->color[to]], st->penwidth);
    else
        err = hs_buf_printf(b, "color=\"%s\", style=%s, penwidth=%.1f", st->color, st->style, st->penwidth);
    int arrow = active && !member && hs_model_directed(m);
    if (!err) err = hs_buf_printf(b, ", dir=%s, tooltip=", arrow ? "forward" : "none");
    hs_buf tip = {0};
    if (!err)
        err = hs_buf_printf(&tip, "%s %s %s: %s%s", hs_vertex_id(m, from), hs_model_directed(m) ? "->" : "--",
                            hs_vertex_id(m, to), member ? "member" : kind == HS_KIND_UNSET ? "untyped" : hs_kind_name(kind),
                            active ? "" : " (not active)");
    if (!err && count > 1) err = hs_buf_printf(&tip, ", %zu ties", count);
    if (!err) err = put_quoted(b, tip.data);
    hs_buf_free(&tip);
    if (!err) err = hs_buf_puts(b, "];\n");
    return err;
}

typedef struct line {
    size_t a, b, e;   /* ends (a < b unless directed), model edge */
    int kind, ghost;
} line;

static int line_cmp(const void *x, const void *y) {
    const line *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    if (p->kind != q->kind) return p->kind < q->kind ? -1 : 1;
    if (p->ghost != q->ghost) return p->ghost - q->ghost;
    return p->e < q->e ? -1 : p->e > q->e;
}

/* The panel's lines: every active tie and membership, and with --ghosts
 * every tie of the union inactive in this panel whose ends are drawn. Ties of
 * one kind between the same two states are one line (several access
 * agreements read as "access"; the tooltip counts them), and a ghost is
 * left out where an active tie of its kind is drawn. */
static hs_error put_lines(figure *f, hs_buf *b, size_t p) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    int directed = hs_model_directed(m);
    unsigned char *on = hs_calloc(f->ne ? f->ne : 1, 1);
    line *ls = hs_malloc((f->ne ? f->ne : 1) * sizeof *ls);
    hs_error err = on && ls ? HS_OK : HS_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; !err && k < hs_view_edge_count(v); k++) {
        size_t e = hs_view_edges(v)[k];
        if (!edge_drawn(f, e)) continue;
        on[e] = 1;
        size_t x = hs_edge_from(m, e), y = hs_edge_to(m, e);
        int swap = !directed && y < x;
        ls[n++] = (line){swap ? y : x, swap ? x : y, e, kind_slot(hs_edge_kind(m, e)), 0};
    }
    for (size_t e = 0; !err && f->opt->ghosts && e < f->ne; e++) {
        if (!f->edge_in_union[e] || on[e] || hs_edge_kind(m, e) == HS_KIND_MEMBER) continue;
        size_t x = hs_edge_from(m, e), y = hs_edge_to(m, e);
        if (!f->in_union[x] || !f->in_union[y]) continue;
        int swap = !directed && y < x;
        ls[n++] = (line){swap ? y : x, swap ? x : y, e, kind_slot(hs_edge_kind(m, e)), 1};
    }
    if (!err) qsort(ls, n, sizeof *ls, line_cmp);
    for (size_t i = 0; !err && i < n;) {
        size_t j = i + 1, active = !ls[i].ghost;
        while (j < n && ls[j].a == ls[i].a && ls[j].b == ls[i].b && ls[j].kind == ls[i].kind) active += !ls[j++].ghost;
        if (ls[i].ghost) {
            f->any_ghost = 1;
        } else if (ls[i].kind != HS_KIND_MEMBER) {
            f->present_kind[ls[i].kind] = 1;
            f->any_arrow |= directed;
        }
        err = put_edge(f, b, p, ls[i].e, !ls[i].ghost, ls[i].ghost ? 1 : active);
        i = j;
    }
    free(on);
    free(ls);
    return err;
}

static int shared_members(const hs_view *v, size_t a, size_t b) {
    int n = 0;
    const size_t *ma = hs_view_mechanism_members(v, a), *mb = hs_view_mechanism_members(v, b);
    for (size_t i = 0; i < hs_view_mechanism_member_count(v, a); i++) {
        for (size_t j = 0; j < hs_view_mechanism_member_count(v, b); j++) n += ma[i] == mb[j];
    }
    return n;
}

/* A panel of a year the hub is not active in: its frame (kept by the
 * invisible box of its text, as Graphviz draws no empty cluster), the
 * reason in its middle, and a caption of the year. */
static hs_error put_empty_panel(const figure *f, const frame *fr, size_t p, hs_buf *b) {
    double ox, oy;
    panel_origin(fr, p, &ox, &oy);
    const char *hub = f->opt->hub ? f->opt->hub : hs_model_hub(f->m);
    long h = hs_model_find(f->m, hub);
    int since = h >= 0 ? hs_vertex_since(f->m, (size_t)h) : HS_SINCE_OPEN;
    int until = h >= 0 ? hs_vertex_until(f->m, (size_t)h) : HS_UNTIL_OPEN;
    double mid = oy + CAPTION_HEIGHT + (fr->ph - CAPTION_HEIGHT) / 2;
    hs_error err = hs_buf_printf(b, "  subgraph \"cluster_p%zu\" {\n    graph [id=\"panel-%zu\", class=\"panel empty "
                                    "year-%d\", bb=\"%.1f,%.1f,%.1f,%.1f\", label=\"\", color=\"#c8c8c8\", penwidth=0.8, "
                                    "bgcolor=transparent];\n    \"p%zu/empty\" [id=\"p%zu-empty\", class=\"empty-reason\", "
                                    "shape=plaintext, width=%.2f, height=0.5, fontcolor=\"#636363\", pos=\"%.1f,%.1f\", "
                                    "label=<the hub ",
                                 p, p, f->years[p], ox, oy, ox + fr->pw, oy + fr->ph, p, p, (fr->pw - 8) / 72.0,
                                 ox + fr->pw / 2, mid);
    if (!err) err = put_html(b, hub);
    if (!err && since != HS_SINCE_OPEN && until != HS_UNTIL_OPEN)
        err = hs_buf_printf(b, " is<br/>active %d-%d", since, until - 1);
    else if (!err && since != HS_SINCE_OPEN)
        err = hs_buf_printf(b, " is<br/>active from %d", since);
    else if (!err)
        err = hs_buf_printf(b, " is<br/>active until %d", until - 1);
    if (!err) err = hs_buf_puts(b, ">];\n  }\n");
    if (!err)
        err = hs_buf_printf(b, "  \"caption/%zu\" [id=\"caption-%zu\", class=\"caption\", shape=plaintext, width=%.2f, "
                               "height=%.2f, pos=\"%.1f,%.1f\", label=<<font point-size=\"15\"><b>%d</b></font><br/>"
                               "no system>];\n",
                            p, p, fr->pw / 72.0, CAPTION_HEIGHT / 72.0, ox + fr->pw / 2, oy + CAPTION_HEIGHT / 2 + 2,
                            f->years[p]);
    return err;
}

static hs_error put_panel(figure *f, const frame *fr, size_t p, hs_buf *b, hs_buf *bg) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    if (!v) return put_empty_panel(f, fr, p, b);
    double ox, oy;
    panel_origin(fr, p, &ox, &oy);
    hs_error err = HS_OK;
    /* Surfaces, the widest first, so that a surface nested in another over
     * the same states is drawn on top of it. */
    size_t nm = hs_view_mechanism_count(v);
    int *rank = hs_calloc(nm ? nm : 1, sizeof *rank);
    pt *centres = hs_malloc((hs_view_state_count(v) + 1) * sizeof *centres);
    double *radius = hs_malloc((hs_view_state_count(v) + 1) * sizeof *radius);
    if (!rank || !centres || !radius) err = HS_ENOMEM;
    int maxrank = 0;
    for (size_t k = 0; !err && k < nm; k++) {
        if (!f->drawn[hs_view_mechanism_vertex(v, k)]) continue;
        for (size_t j = 0; j < k; j++) {
            if (f->drawn[hs_view_mechanism_vertex(v, j)] && shared_members(v, j, k) >= 2) rank[k]++;
        }
        if (rank[k] > maxrank) maxrank = rank[k];
    }
    for (int r = maxrank; !err && r >= 0; r--) {
        for (size_t k = 0; !err && k < nm; k++) {
            size_t mv = hs_view_mechanism_vertex(v, k);
            if (!f->drawn[mv] || rank[k] != r) continue;
            size_t n = 0;
            for (size_t q = 0; q < hs_view_mechanism_member_count(v, k); q++) {
                size_t sv = hs_view_state_vertex(v, hs_view_mechanism_members(v, k)[q]);
                radius[n] = state_r(m, sv);
                centres[n++] = place(f, ox, oy, sv);
            }
            radius[n] = fmax(mech_width(m, mv) * 36.0, STATE_SIZE * 36.0);
            centres[n++] = place(f, ox, oy, mv);
            err = put_surface(bg, centres, radius, n, HULL_PAD - STATE_SIZE * 36.0 + HULL_STEP * r, palette[f->color[mv]]);
        }
    }
    free(rank);
    free(centres);
    free(radius);
    if (err) return err;

    err = hs_buf_printf(b, "  subgraph \"cluster_p%zu\" {\n    graph [id=\"panel-%zu\", class=\"panel", p, p);
    if (!err && f->years) err = hs_buf_printf(b, " year-%d", f->years[p]);
    if (!err)
        err = hs_buf_printf(b, "\", bb=\"%.1f,%.1f,%.1f,%.1f\", label=\"\", color=\"#c8c8c8\", penwidth=0.8, "
                               "bgcolor=transparent];\n",
                            ox, oy, ox + fr->pw, oy + fr->ph);
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (!f->in_union[i] || !f->drawn[i]) continue;
        int active = vertex_active(v, i);
        if (!active && !f->opt->ghosts) continue;
        f->any_ghost |= !active;
        if (hs_vertex_type_of(m, i) == HS_VERTEX_STATE) {
            if (active) f->present_role[panel_role(v, i)] = 1;
            err = put_state(f, b, p, i, place(f, ox, oy, i));
        } else {
            f->any_mechanism |= active;
            err = put_mechanism(f, b, p, i, place(f, ox, oy, i), active);
        }
    }
    if (!err) err = hs_buf_puts(b, "  }\n");
    err = put_lines(f, b, p);
    if (err) return err;

    /* The caption: the year and the system's three indices that year. */
    char k[16], u[16], c[16];
    fmt_index(k, sizeof k, f->panels[p].indices.coordination);
    fmt_index(u, sizeof u, f->panels[p].indices.unidirectionality);
    fmt_index(c, sizeof c, f->panels[p].indices.closedness);
    err = hs_buf_printf(b, "  \"caption/%zu\" [id=\"caption-%zu\", class=\"caption\", shape=plaintext, width=%.2f, "
                           "height=%.2f, pos=\"%.1f,%.1f\", label=<<font point-size=\"15\"><b>",
                        p, p, fr->pw / 72.0, CAPTION_HEIGHT / 72.0, ox + fr->pw / 2, oy + CAPTION_HEIGHT / 2 + 2);
    if (!err) err = f->years ? hs_buf_printf(b, "%d", f->years[p]) : hs_buf_puts(b, "all years");
    if (!err) err = hs_buf_printf(b, "</b></font><br/>K %s &#160; U %s &#160; C %s>];\n", k, u, c);
    return err;
}

static hs_error put_text(hs_buf *b, const char *name, double x, double y, const char *text, int size, int bold) {
    hs_error err = hs_buf_printf(b, "  \"%s\" [class=\"legend-text\", shape=plaintext, fixedsize=true, width=%.2f, "
                                    "height=0.25, pos=\"%.1f,%.1f\", fontsize=%d, fontname=\"%s\", label=",
                                 name, (LEGEND_WIDTH - 36) / 72.0, x + (LEGEND_WIDTH - 36) / 2, y, size,
                                 bold ? "Helvetica-Bold" : "Helvetica");
    if (!err) {
        hs_buf t = {0};
        err = hs_buf_printf(&t, "%s\\l", text);
        /* put_quoted would double the \l that left-aligns the text. */
        if (!err) err = hs_buf_printf(b, "\"%s\"];\n", t.data);
        hs_buf_free(&t);
    }
    return err;
}

static hs_error put_legend(const figure *f, hs_buf *b, double x0, double ytop) {
    double y = ytop - 12;
    hs_error err = put_text(b, "legend/roles", x0, y, "States", 12, 1);
    for (int r = 0; !err && r < HS_ROLE_COUNT; r++) {
        if (!f->present_role[r]) continue;
        y -= LEGEND_ROW;
        err = hs_buf_printf(b, "  \"legend/role/%d\" [id=\"legend-role-%s\", class=\"legend role-%s\", %s, "
                               "fixedsize=true, width=0.24, height=0.24, label=\"\", pos=\"%.1f,%.1f\"];\n",
                            r, hs_role_name((hs_role)r), hs_role_name((hs_role)r), role_attrs[r], x0 + 14, y);
        char name[32];
        snprintf(name, sizeof name, "legend/role/%d/t", r);
        if (!err) err = put_text(b, name, x0 + 34, y, role_legend[r], 11, 0);
    }
    if (!err && f->any_ghost) {
        y -= LEGEND_ROW;
        err = hs_buf_printf(b, "  \"legend/ghost\" [id=\"legend-ghost\", class=\"legend ghost\", %s, fixedsize=true, "
                               "width=0.24, height=0.24, label=\"\", pos=\"%.1f,%.1f\"];\n",
                            ghost_node_attrs, x0 + 14, y);
        if (!err) err = put_text(b, "legend/ghost/t", x0 + 34, y, "not active that year", 11, 0);
    }
    y -= LEGEND_ROW * 1.4;
    if (!err) err = put_text(b, "legend/ties", x0, y, "Ties", 12, 1);
    for (int k = 0; !err && k <= HS_KIND_COUNT; k++) {
        if (!f->present_kind[k] || k == HS_KIND_MEMBER) continue;
        y -= LEGEND_ROW;
        const tie_style *st = &tie_styles[k];
        const char *name = k == HS_KIND_COUNT ? "unspecified" : hs_kind_name((hs_kind)k);
        err = hs_buf_printf(b,
                            "  \"legend/kind/%d/a\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                            "  \"legend/kind/%d/b\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                            "  \"legend/kind/%d/a\" -> \"legend/kind/%d/b\" [id=\"legend-kind-%s\", "
                            "class=\"legend kind-%s\", color=\"%s\", style=%s, penwidth=%.1f, dir=none];\n",
                            k, x0 + 2, y, k, x0 + 28, y, k, k, name, name, st->color, st->style, st->penwidth);
        char tname[32];
        snprintf(tname, sizeof tname, "legend/kind/%d/t", k);
        if (!err) err = put_text(b, tname, x0 + 34, y, st->legend, 11, 0);
    }
    if (!err && f->any_arrow) {
        y -= LEGEND_ROW;
        err = hs_buf_printf(b,
                            "  \"legend/arrow/a\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                            "  \"legend/arrow/b\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                            "  \"legend/arrow/a\" -> \"legend/arrow/b\" [id=\"legend-arrow\", class=\"legend\", "
                            "color=\"#000000\", penwidth=1];\n",
                            x0 + 2, y, x0 + 28, y);
        if (!err) err = put_text(b, "legend/arrow/t", x0 + 34, y, "depends on (arrow head)", 11, 0);
    }
    if (!err && f->any_mechanism) {
        y -= LEGEND_ROW * 1.4;
        err = put_text(b, "legend/mechanisms", x0, y, "Mechanisms", 12, 1);
        y -= LEGEND_ROW + 4;
        if (!err)
            err = hs_buf_printf(b, "  \"legend/mechanism\" [id=\"legend-mechanism\", class=\"legend mechanism\", "
                                   "shape=box, style=\"rounded,filled\", fillcolor=\"%s\", color=\"#404040\", "
                                   "fixedsize=true, width=0.4, height=0.26, fontsize=9, label=\"ID\", "
                                   "pos=\"%.1f,%.1f\"];\n",
                                palette[0], x0 + 14, y);
        if (!err) err = put_text(b, "legend/mechanism/t", x0 + 34, y + 6, "mechanism, its surface", 10, 0);
        if (!err) err = put_text(b, "legend/mechanism/t2", x0 + 34, y - 7, "shaded over its members", 10, 0);
    }
    return err;
}

static size_t legend_rows(const figure *f) {
    size_t n = 4; /* headings and spacing */
    for (int r = 0; r < HS_ROLE_COUNT; r++) n += f->present_role[r];
    for (int k = 0; k <= HS_KIND_COUNT; k++) n += f->present_kind[k];
    return n + 5;
}

static hs_error figure_dot(figure *f, hs_buf *out) {
    frame fr;
    f->minx = floor(f->minx);
    f->miny = floor(f->miny);
    fr.pw = ceil(f->maxx - f->minx) + 2 * PANEL_MARGIN;
    fr.ph = ceil(f->maxy - f->miny) + 2 * PANEL_MARGIN + CAPTION_HEIGHT;
    if (fr.pw < 150) fr.pw = 150;
    /* At most four to a row, the rows as even as they can be (six panels:
     * two rows of three, not four and two). */
    fr.rows = (f->npanels + PANELS_PER_ROW - 1) / PANELS_PER_ROW;
    fr.cols = (f->npanels + fr.rows - 1) / fr.rows;
    double grid_h = (double)fr.rows * fr.ph + (double)(fr.rows - 1) * PANEL_GAP;
    fr.W = PANEL_GAP + (double)fr.cols * (fr.pw + PANEL_GAP) + LEGEND_WIDTH;
    fr.H = TITLE_HEIGHT + grid_h + PANEL_GAP;
    /* The legend's height depends on the roles and kinds the panels show,
     * known once they are written: a first pass finds them. */
    hs_buf body = {0}, bg = {0};
    hs_error err = HS_OK;
    for (size_t p = 0; !err && p < f->npanels; p++) err = put_panel(f, &fr, p, &body, &bg);
    hs_buf_free(&body);
    hs_buf_free(&bg);
    double legend_h = TITLE_HEIGHT + (double)legend_rows(f) * LEGEND_ROW + PANEL_GAP;
    if (legend_h > fr.H) fr.H = legend_h;
    if (!err) err = hs_buf_puts(&bg, "");
    for (size_t p = 0; !err && p < f->npanels; p++) err = put_panel(f, &fr, p, &body, &bg);
    /* A figure of empty panels only (the hub's dates) has nothing to explain. */
    int legend = f->any_mechanism;
    for (int r = 0; r < HS_ROLE_COUNT; r++) legend |= f->present_role[r];
    if (!err && legend) err = put_legend(f, &body, fr.W - LEGEND_WIDTH + 4, fr.H - TITLE_HEIGHT);
    if (!err)
        err = hs_buf_printf(out,
                            /* nodesep: the gap between parallel lines of
                             * different kinds (neato spaces them by it). */
                            "digraph figure {\n"
                            "  graph [layout=nop2, notranslate=true, outputorder=edgesfirst, nodesep=0.09, bgcolor=white, "
                            "fontname=Helvetica, pad=0.1, bb=\"0,0,%.1f,%.1f\", _background=",
                            fr.W, fr.H);
    if (!err) err = put_quoted(out, bg.data);
    if (!err) err = hs_buf_puts(out, "];\n  node [fontname=Helvetica, fontsize=11, fixedsize=true, width=");
    if (!err) err = hs_buf_printf(out, "%.2f, height=%.2f];\n  edge [arrowsize=0.7];\n", STATE_SIZE, STATE_SIZE);
    /* The title. */
    const char *title = f->opt->title;
    hs_buf deftitle = {0};
    if (!err && !title) {
        const char *name = hs_model_name(f->m) ? hs_model_name(f->m) : f->file;
        if (!f->years)
            err = hs_buf_printf(&deftitle, "%s, all years", name);
        else if (f->npanels == 1)
            err = hs_buf_printf(&deftitle, "%s, %d", name, f->years[0]);
        else
            err = hs_buf_printf(&deftitle, "%s, %d to %d", name, f->years[0], f->years[f->npanels - 1]);
        title = deftitle.data;
    }
    if (!err)
        err = hs_buf_printf(out, "  \"title\" [id=\"title\", class=\"title\", shape=plaintext, width=%.2f, height=%.2f, "
                                 "pos=\"%.1f,%.1f\", fontsize=18, fontname=\"Helvetica-Bold\", label=<",
                            (fr.W - 2 * PANEL_GAP) / 72.0, (TITLE_HEIGHT - 8) / 72.0, fr.W / 2, fr.H - TITLE_HEIGHT / 2);
    if (!err) err = put_html(out, title);
    if (!err) err = hs_buf_puts(out, ">];\n");
    hs_buf_free(&deftitle);
    if (!err) err = hs_buf_append(out, body.data, body.len);
    if (!err) err = hs_buf_puts(out, "}\n");
    hs_buf_free(&body);
    hs_buf_free(&bg);
    return err;
}

/* ---- entry points -------------------------------------------------------------- */

static void figure_free(figure *f) {
    for (size_t p = 0; f->panels && p < f->npanels; p++) hs_view_destroy(f->panels[p].view);
    free(f->panels);
    free(f->drawn);
    free(f->in_union);
    free(f->edge_in_union);
    free(f->color);
    free(f->focus);
    free(f->x);
    free(f->y);
}

hs_error hs_render_figure(const hs_model *model, const int *years, size_t year_count, const hs_render_options *options,
                          hs_render_format format, char **out, size_t *out_len) {
    hs_render_options def;
    hs_render_options_init(&def);
    const hs_render_options *o = options ? options : &def;
    const char *engine = o->engine ? o->engine : "neato";
    if (!hs_render_engine_known(engine))
        return hs_error_set(HS_EARG, "unknown layout engine '%s' (neato, fdp, dot or circo)", engine);
    if (format == HS_RENDER_UNKNOWN) return hs_error_set(HS_EARG, "no output format");
    figure f = {0};
    f.m = model;
    f.opt = o;
    f.file = hs_model_file(model);
    f.nv = hs_model_vertex_count(model);
    f.ne = hs_model_edge_count(model);
    f.years = year_count ? years : NULL;
    f.npanels = year_count ? year_count : 1;
    size_t nv = f.nv ? f.nv : 1, ne = f.ne ? f.ne : 1;
    f.drawn = hs_calloc(nv, 1);
    f.in_union = hs_calloc(nv, 1);
    f.edge_in_union = hs_calloc(ne, 1);
    f.color = hs_calloc(nv, sizeof *f.color);
    f.x = hs_calloc(nv, sizeof *f.x);
    f.y = hs_calloc(nv, sizeof *f.y);
    f.panels = hs_calloc(f.npanels, sizeof *f.panels);
    hs_error err = f.drawn && f.in_union && f.edge_in_union && f.color && f.x && f.y && f.panels ? HS_OK : HS_ENOMEM;
    if (!err) err = select_elements(&f);
    if (!err) err = make_panels(&f);
    hs_buf dot = {0};
    char *json = NULL;
    size_t json_len = 0, *pairs = NULL, npairs = 0;
    if (!err) err = union_pairs(&f, &pairs, &npairs);
    if (!err) err = layout_dot(&f, pairs, npairs, &dot);
    if (!err) {
        const char *const args[] = {"render", "--format", "json", "--engine", engine, "--name", f.file, "-", NULL};
        err = hs_dot_helper_run(args, dot.data, dot.len, f.file, "Graphviz's layout", &json, &json_len);
    }
    if (!err) err = read_layout(&f, json, json_len);
    if (!err) {
        spread(&f, pairs, npairs);
        clear_lines(&f, pairs, npairs);
        place_mechanisms(&f, pairs, npairs);
    }
    free(pairs);
    free(json);
    hs_buf_free(&dot);
    if (!err) err = figure_dot(&f, &dot);
    figure_free(&f);
    if (err) {
        hs_buf_free(&dot);
        return err;
    }
    if (format == HS_RENDER_DOT) {
        *out = dot.data;
        *out_len = dot.len;
        return HS_OK;
    }
    const char *fmt = format == HS_RENDER_SVG ? "svg" : format == HS_RENDER_PNG ? "png" : "pdf";
    const char *display = hs_model_file(model);
    const char *const args[] = {"render", "--format", fmt, "--engine", "nop2", "--name", display, "-", NULL};
    err = hs_dot_helper_run(args, dot.data, dot.len, display, "Graphviz's renderer", out, out_len);
    hs_buf_free(&dot);
    return err;
}

hs_error hs_render_file(const hs_model *model, const int *years, size_t year_count, const hs_render_options *options,
                        const char *path) {
    hs_render_format format = hs_render_format_from_path(path);
    if (format == HS_RENDER_UNKNOWN)
        return hs_error_set(HS_EARG, "%s: the extension names no figure format (.svg, .png, .pdf, .gv)", path);
    char *data = NULL;
    size_t len = 0;
    hs_error err = hs_render_figure(model, years, year_count, options, format, &data, &len);
    if (!err) err = hs_file_write_atomic(path, data, len);
    free(data);
    return err;
}
