/* The union layout: where every state, label and mechanism sits, in every
 * panel (docs/render.md, "One layout for all panels").
 *
 * Graphviz (in the hubspoke-dot helper) lays out the states of the union of
 * the panels once. hubspoke then spreads and untangles them, fits them to the
 * panel the figure's width leaves, and places the labels drawn beside states
 * and the mechanisms' boxes itself, clear of the states and of each other. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io_internal.h"
#include "render/render_internal.h"

#define CLEAR_MAX 300     /* states: past this, lines are not untangled (quadratic) */
#define SPREAD_MAX 1.6    /* the most the layout is scaled up to spread tied states */
#define FIT_ROUNDS 8
#define S_ENOUGH 0.6      /* a panel at this share of its natural size still reads well: the
                           * natural layout leaves 5.5 F between tied states */
#define S_EXPAND 1.5      /* the layout is scaled up at most this much to fill a wide panel */
#define H_MAX 648.0       /* 9 in: the tallest figure a journal page takes */

int rd_vertex_active(const hs_view *v, size_t i) {
    if (!v) return 0; /* an empty panel (the hub not active) */
    if (hs_vertex_type_of(hs_view_model(v), i) == HS_VERTEX_STATE) return hs_view_state_of_vertex(v, i) >= 0;
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (hs_view_mechanism_vertex(v, k) == i) return 1;
    }
    return 0;
}

int rd_shared_members(const hs_view *v, size_t a, size_t b) {
    int n = 0;
    const size_t *ma = hs_view_mechanism_members(v, a), *mb = hs_view_mechanism_members(v, b);
    for (size_t i = 0; i < hs_view_mechanism_member_count(v, a); i++) {
        for (size_t j = 0; j < hs_view_mechanism_member_count(v, b); j++) n += ma[i] == mb[j];
    }
    return n;
}

/* The text drawn for state vertex i, or NULL for none. */
const char *rd_state_label(const rd_figure *f, size_t i) {
    switch (f->opt->labels) {
    case HS_LABELS_NONE:
        return NULL;
    case HS_LABELS_NAME:
        return hs_vertex_label(f->m, i) ? hs_vertex_label(f->m, i) : hs_vertex_id(f->m, i);
    default:
        return hs_vertex_id(f->m, i);
    }
}

int rd_state_label_shown(const rd_figure *f, size_t i) { return rd_state_label(f, i) != NULL; }

static int is_state(const rd_figure *f, size_t i) {
    return f->in_union[i] && hs_vertex_type_of(f->m, i) == HS_VERTEX_STATE;
}

double rd_stack_height(const rd_figure *f, const rd_stack *s) { return (double)s->count * f->k.mech_h; }

/* ---- the union's pairs and Graphviz's layout ----------------------------------------- */

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
static hs_error union_pairs(const rd_figure *f, size_t **pairs, size_t *npairs) {
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

/* The layout is made for circles of the size an id needs, whatever the
 * labels, so that the states sit at the same distances in every variant of
 * a figure. Mechanisms are placed afterwards, among their members, so that
 * several of them over the same states do not push the states into a line. */
static double layout_d(const rd_figure *f) { return 3.2 * f->k.font; }

static hs_error layout_dot(const rd_figure *f, const size_t *pairs, size_t npairs, hs_buf *b) {
    double d = layout_d(f) / 72.0;
    hs_error err = hs_buf_printf(b,
                                 "graph layout {\n"
                                 "  graph [overlap=false, splines=false, sep=\"+%.1f\", start=7, nodesep=0.6, ranksep=1.0];\n"
                                 "  node [shape=circle, fixedsize=true, width=%.3f, height=%.3f, label=\"\"];\n",
                                 0.9 * f->k.font, d, d);
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (is_state(f, i)) err = hs_buf_printf(b, "  v%zu;\n", i);
    }
    for (size_t k = 0; !err && k < npairs; k++)
        err = hs_buf_printf(b, "  v%zu -- v%zu [len=%.3f];\n", pairs[2 * k], pairs[2 * k + 1], 2.9 * d);
    return err ? err : hs_buf_puts(b, "}\n");
}

static hs_error read_layout(rd_figure *f, const char *json, size_t len) {
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
        if (is_state(f, i) && isnan(f->x[i]))
            return hs_error_set(HS_EHELPER, "%s: the layout from the DOT helper has no position for '%s'", f->file,
                                hs_vertex_id(f->m, i));
    }
    return HS_OK;
}

/* ---- geometry ------------------------------------------------------------------------ */

/* Distance from (px, py) to the segment a-b, and where along it (0..1). */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by, double *t) {
    double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
    *t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
    if (*t < 0) *t = 0;
    if (*t > 1) *t = 1;
    double qx = ax + *t * dx - px, qy = ay + *t * dy - py;
    return sqrt(qx * qx + qy * qy);
}

/* Does the segment a-b cross the box of half-size (hw, hh) around (cx, cy)?
 * (Liang-Barsky clipping.) */
static int seg_hits_box(double ax, double ay, double bx, double by, double cx, double cy, double hw, double hh) {
    double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
    double p[4] = {-dx, dx, -dy, dy}, q[4] = {ax - (cx - hw), (cx + hw) - ax, ay - (cy - hh), (cy + hh) - ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) return 0;
        } else {
            double r = q[i] / p[i];
            if (p[i] < 0) {
                if (r > t1) return 0;
                if (r > t0) t0 = r;
            } else {
                if (r < t0) return 0;
                if (r < t1) t1 = r;
            }
        }
    }
    return 1;
}

static int box_hits_circle(double cx, double cy, double hw, double hh, double px, double py, double r) {
    double ex = fmax(fabs(px - cx) - hw, 0), ey = fmax(fabs(py - cy) - hh, 0);
    return ex * ex + ey * ey < r * r;
}

static int boxes_overlap(double ax, double ay, double ahw, double ahh, double bx, double by, double bhw, double bhh) {
    return fabs(ax - bx) < ahw + bhw && fabs(ay - by) < ahh + bhh;
}

/* The circle drawn for a state: the same for every state (its size never
 * depends on its label), smaller when no id is written inside. */
static double state_r(const rd_figure *f) { return f->k.state_d / 2; }

/* ---- spreading and untangling the states ------------------------------------------------ */

/* Room between tied states for the parallel lines of several kinds of tie:
 * neato's overlap removal packs a small union tightly, so the layout is
 * scaled up until tied states are spread_gap apart, edge to edge, by at
 * most SPREAD_MAX (a dense union would otherwise become very large). */
static void spread(rd_figure *f, const size_t *pairs, size_t npairs) {
    double factor = 1, d0 = layout_d(f);
    for (size_t k = 0; k < npairs; k++) {
        size_t a = pairs[2 * k], b = pairs[2 * k + 1];
        double d = hypot(f->x[a] - f->x[b], f->y[a] - f->y[b]);
        double want = d0 + f->k.spread_gap;
        if (d > 0 && want / d > factor) factor = want / d;
    }
    if (factor > SPREAD_MAX) factor = SPREAD_MAX;
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        f->x[i] *= factor;
        f->y[i] *= factor;
    }
}

/* Straight lines that run through a state they do not join read as ties of
 * that state: move such states off the line, a little at a time, keeping
 * states apart. Quadratic per round, so left out past CLEAR_MAX states,
 * where a figure is too dense to read line by line anyway. */
static void clear_lines(rd_figure *f, const size_t *pairs, size_t npairs, double r) {
    size_t n = 0;
    for (size_t c = 0; c < f->nv; c++) n += is_state(f, c);
    if (n > CLEAR_MAX) return;
    /* Tied states keep room for the line between them to be seen: 1.6 F
     * edge to edge; others 0.7 F. */
    unsigned char *tied = calloc(f->nv ? f->nv * f->nv : 1, 1);
    for (size_t k = 0; tied && k < npairs; k++) tied[pairs[2 * k] * f->nv + pairs[2 * k + 1]] = 1;
    double g = 0.7 * f->k.font, gt = 1.6 * f->k.font;
    for (int round = 0; round < 60; round++) {
        int moved = 0;
        for (size_t c = 0; c < f->nv; c++) {
            if (!is_state(f, c)) continue;
            for (size_t k = 0; k < npairs; k++) {
                size_t a = pairs[2 * k], b = pairs[2 * k + 1];
                if (a == c || b == c) continue;
                double t, d = seg_dist(f->x[c], f->y[c], f->x[a], f->y[a], f->x[b], f->y[b], &t);
                double clear = r + g;
                if (d >= clear || t <= 0 || t >= 1) continue;
                /* Away from the line, perpendicular to it. */
                double nx = -(f->y[b] - f->y[a]), ny = f->x[b] - f->x[a], nl = sqrt(nx * nx + ny * ny);
                if (nl == 0) continue;
                double side = (f->x[c] - f->x[a]) * nx + (f->y[c] - f->y[a]) * ny >= 0 ? 1 : -1;
                double step = fmin(clear - d + 1, g);
                f->x[c] += side * step * nx / nl;
                f->y[c] += side * step * ny / nl;
                moved = 1;
            }
            for (size_t o = c + 1; o < f->nv; o++) {
                if (!is_state(f, o)) continue;
                double dx = f->x[o] - f->x[c], dy = f->y[o] - f->y[c], d = sqrt(dx * dx + dy * dy);
                double apart = 2 * r + (tied && tied[c * f->nv + o] ? gt : g);
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
    free(tied);
}

/* ---- labels beside states ---------------------------------------------------------------- */

/* How much more widening the union costs than making it taller, when
 * labels and mechanisms look for a place: at a stated width the width is
 * what is scarce. */
static double wide_weight(const rd_figure *f) { return f->opt->width > 0 ? 3 : 1; }

static double label_hh(const rd_figure *f) { return 0.62 * f->k.font; }

/* Is a box of half-size (hw, hh) at (x, y) clear of every state but `self`,
 * every label placed (label_out set) but self's, every stack placed
 * (placed[s]) and, when `lines`, every line of the union? */
static int box_free(const rd_figure *f, const size_t *pairs, size_t npairs, size_t self, long self_stack, double x,
                    double y, double hw, double hh, int lines, const unsigned char *placed) {
    /* The hub's ring lies 4 points outside its circle (Graphviz's
     * doublecircle), whatever the type size. */
    double r = state_r(f) + 4 + 0.3 * f->k.font, pad = 0.3 * f->k.font;
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        if (i != self && box_hits_circle(x, y, hw, hh, f->x[i], f->y[i], r)) return 0;
        if (i != self && f->label_out[i] && boxes_overlap(x, y, hw + pad, hh, f->lx[i], f->ly[i], f->lw[i] / 2, label_hh(f)))
            return 0;
    }
    for (size_t s = 0; placed && s < f->nstacks; s++) {
        if ((long)s == self_stack || !placed[s]) continue;
        const rd_stack *st = &f->stacks[s];
        if (boxes_overlap(x, y, hw + pad, hh + pad, st->x, st->y, st->w / 2, rd_stack_height(f, st) / 2)) return 0;
    }
    /* A label box beside its own state is outside the circle: the state's
     * own lines count too. */
    for (size_t k = 0; lines && k < npairs; k++) {
        size_t a = pairs[2 * k], b = pairs[2 * k + 1];
        if (seg_hits_box(f->x[a], f->y[a], f->x[b], f->y[b], x, y, hw + 1, hh + 1)) return 0;
    }
    return 1;
}

/* A label outside its circle: of the places around it (below, above,
 * right, left, the diagonals; further out when those are taken) clear of
 * states, other labels and stacks, the nearest that crosses no line and
 * widens the union least. Labels are placed in the union, so that a label
 * stays where it is from panel to panel. */
static void place_labels(rd_figure *f, const size_t *pairs, size_t npairs) {
    double F = f->k.font, hh = label_hh(f), r = state_r(f), g = 0.25 * F;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < f->nv; i++) {
        f->label_out[i] = 0;
        if (!is_state(f, i)) continue;
        x0 = fmin(x0, f->x[i] - r), x1 = fmax(x1, f->x[i] + r), y0 = fmin(y0, f->y[i] - r), y1 = fmax(y1, f->y[i] + r);
    }
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        const char *text = rd_state_label(f, i);
        if (!text) continue;
        double w = rd_text_width(text, F, 0);
        /* An id that fits in the circle is written inside it. */
        if (f->opt->labels == HS_LABELS_ID && w <= 0.84 * f->k.state_d) continue;
        double hw = w / 2 + 0.15 * F, best = INFINITY;
        f->lx[i] = f->x[i], f->ly[i] = f->y[i] - (r + g + hh);
        for (double extra = 0; extra <= 4 * F && extra < best; extra += F) {
            double d = r + g + extra;
            const double cand[8][2] = {{0, -(d + hh)}, {0, d + hh},       {d + hw, 0},  {-(d + hw), 0},
                                       {0.72 * d + hw, -(0.72 * d + hh)}, {-(0.72 * d + hw), -(0.72 * d + hh)},
                                       {0.72 * d + hw, 0.72 * d + hh},    {-(0.72 * d + hw), 0.72 * d + hh}};
            for (int c = 0; c < 8; c++) {
                double x = f->x[i] + cand[c][0], y = f->y[i] + cand[c][1];
                double grow = wide_weight(f) * (fmax(x1, x + hw) - fmin(x0, x - hw) - (x1 - x0)) + fmax(y1, y + hh) -
                              fmin(y0, y - hh) - (y1 - y0);
                double cost = extra + 0.5 * grow + 0.01 * c;
                if (cost >= best || !box_free(f, pairs, npairs, i, -1, x, y, hw, hh, 0, NULL)) continue;
                if (!box_free(f, pairs, npairs, i, -1, x, y, hw, hh, 1, NULL)) cost += 3 * F;
                if (cost < best) best = cost, f->lx[i] = x, f->ly[i] = y;
            }
        }
        f->lw[i] = w;
        f->label_out[i] = 1;
    }
}

/* ---- mechanisms: stacks and their places ------------------------------------------------- */

static int size_cmp(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The union's members of mechanism vertex v, sorted, into buf; their number. */
static size_t members_of(const rd_figure *f, size_t v, size_t *buf) {
    size_t n = 0;
    for (size_t e = 0; e < f->ne; e++) {
        if (f->edge_in_union[e] && hs_edge_kind(f->m, e) == HS_KIND_MEMBER && hs_edge_to(f->m, e) == v) {
            size_t s = hs_edge_from(f->m, e);
            int dup = 0;
            for (size_t j = 0; j < n; j++) dup |= buf[j] == s;
            if (!dup) buf[n++] = s;
        }
    }
    qsort(buf, n, sizeof *buf, size_cmp);
    return n;
}

static int mech_order(const rd_figure *f, size_t a, size_t b) {
    /* Within a stack: earliest first, then in file order. */
    int sa = hs_vertex_since(f->m, a), sb = hs_vertex_since(f->m, b);
    if (sa != sb) return sa < sb ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Stacks: drawn as nodes, mechanisms with the same members in the union
 * share one; as surfaces, each is its own. */
static hs_error make_stacks(rd_figure *f) {
    const hs_model *m = f->m;
    size_t nmech = 0;
    for (size_t i = 0; i < f->nv; i++) nmech += f->in_union[i] && f->drawn[i] && hs_vertex_type_of(m, i) == HS_VERTEX_MECHANISM;
    f->stacks = hs_calloc(nmech ? nmech : 1, sizeof *f->stacks);
    size_t *a = hs_malloc((f->nv ? f->nv : 1) * sizeof *a), *b = hs_malloc((f->nv ? f->nv : 1) * sizeof *b);
    hs_error err = f->stacks && a && b ? HS_OK : HS_ENOMEM;
    for (size_t i = 0; !err && i < f->nv; i++) {
        f->stack_of[i] = -1;
        if (!f->in_union[i] || !f->drawn[i] || hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM) continue;
        size_t na = members_of(f, i, a);
        long found = -1;
        for (size_t s = 0; f->nodes && found < 0 && s < f->nstacks; s++) {
            size_t nb = members_of(f, f->stacks[s].mech[0], b);
            if (na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0)) found = (long)s;
        }
        if (found < 0) {
            found = (long)f->nstacks++;
            f->stacks[found].mech = hs_malloc(nmech * sizeof *f->stacks[found].mech);
            if (!f->stacks[found].mech) {
                err = HS_ENOMEM;
                break;
            }
        }
        rd_stack *st = &f->stacks[found];
        /* Insertion in stack order. */
        size_t at = st->count;
        while (at > 0 && mech_order(f, i, st->mech[at - 1]) < 0) {
            st->mech[at] = st->mech[at - 1];
            at--;
        }
        st->mech[at] = i;
        st->count++;
        f->stack_of[i] = found;
        double w = rd_text_width(hs_vertex_id(m, i), f->k.font, 0) + 1.0 * f->k.font;
        if (w > st->w) st->w = w;
    }
    /* The legend shows a stack when some panel draws a frame: two of its
     * mechanisms active at once. */
    for (size_t p = 0; !err && p < f->npanels; p++) {
        for (size_t s = 0; s < f->nstacks; s++) {
            size_t active = 0;
            for (size_t r = 0; r < f->stacks[s].count; r++) active += rd_vertex_active(f->panels[p].view, f->stacks[s].mech[r]);
            if (active > 1) f->any_stack = 1;
        }
    }
    free(a);
    free(b);
    return err;
}

/* The union's extent so far: states and their labels, then each stack as
 * it is placed. */
typedef struct box {
    double x0, y0, x1, y1;
} box;

static double grow_cost(const rd_figure *f, const box *e, double x, double y, double hw, double hh) {
    double x0 = fmin(e->x0, x - hw), y0 = fmin(e->y0, y - hh), x1 = fmax(e->x1, x + hw), y1 = fmax(e->y1, y + hh);
    return wide_weight(f) * ((x1 - x0) - (e->x1 - e->x0)) + (y1 - y0) - (e->y1 - e->y0);
}

/* Each stack near the centre of its members, clear of states, labels and
 * other stacks: of the free places on a widening spiral around that centre,
 * the one that keeps it closest while widening the union least (a stack
 * that sticks out makes every panel larger) and, if it can, crossing no
 * line. The stack's boxes then take their rows. */
static void place_stacks(rd_figure *f, const size_t *pairs, size_t npairs) {
    const hs_model *m = f->m;
    double F = f->k.font;
    unsigned char *placed = calloc(f->nstacks ? f->nstacks : 1, 1);
    box e = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        double r = state_r(f);
        e.x0 = fmin(e.x0, f->x[i] - r), e.x1 = fmax(e.x1, f->x[i] + r);
        e.y0 = fmin(e.y0, f->y[i] - r), e.y1 = fmax(e.y1, f->y[i] + r);
        if (f->label_out[i]) {
            e.x0 = fmin(e.x0, f->lx[i] - f->lw[i] / 2), e.x1 = fmax(e.x1, f->lx[i] + f->lw[i] / 2);
            e.y0 = fmin(e.y0, f->ly[i] - label_hh(f)), e.y1 = fmax(e.y1, f->ly[i] + label_hh(f));
        }
    }
    for (size_t s = 0; s < f->nstacks; s++) {
        rd_stack *st = &f->stacks[s];
        double cx = 0, cy = 0;
        int n = 0;
        for (size_t k = 0; k < f->ne; k++) {
            if (!f->edge_in_union[k] || hs_edge_kind(m, k) != HS_KIND_MEMBER || hs_edge_to(m, k) != st->mech[0]) continue;
            cx += f->x[hs_edge_from(m, k)];
            cy += f->y[hs_edge_from(m, k)];
            n++;
        }
        if (n) cx /= n, cy /= n;
        double hw = st->w / 2, hh = rd_stack_height(f, st) / 2, best = INFINITY;
        st->x = cx, st->y = cy;
        for (double d = 0; d <= 30 * F; d += 0.6 * F) {
            int dirs = d == 0 ? 1 : 24;
            if (d > best) break; /* no farther place can cost less */
            for (int k = 0; k < dirs; k++) {
                double a = 6.283185307179586 * k / dirs + 1.5707963267948966;
                double x = cx + d * cos(a), y = cy + d * sin(a);
                double cost = d + 0.5 * grow_cost(f, &e, x, y, hw, hh);
                if (cost >= best || !box_free(f, pairs, npairs, (size_t)-1, (long)s, x, y, hw, hh, 0, placed)) continue;
                if (!box_free(f, pairs, npairs, (size_t)-1, (long)s, x, y, hw, hh, 1, placed)) cost += 12 * F;
                if (cost < best) best = cost, st->x = x, st->y = y;
            }
        }
        if (placed) placed[s] = 1;
        e.x0 = fmin(e.x0, st->x - hw), e.x1 = fmax(e.x1, st->x + hw);
        e.y0 = fmin(e.y0, st->y - hh), e.y1 = fmax(e.y1, st->y + hh);
        for (size_t r = 0; r < st->count; r++) {
            f->x[st->mech[r]] = st->x;
            f->y[st->mech[r]] = st->y + hh - ((double)r + 0.5) * f->k.mech_h;
        }
    }
    free(placed);
}

/* The union's extent: circles, labels beside them and stacks. */
static void extent(rd_figure *f) {
    int first = 1;
    double r = state_r(f) + (f->opt->labels == HS_LABELS_ID ? 0 : 0);
#define GROW(x0, y0, x1, y1)                                                                           \
    do {                                                                                               \
        if (first || (x0) < f->minx) f->minx = (x0);                                                   \
        if (first || (y0) < f->miny) f->miny = (y0);                                                   \
        if (first || (x1) > f->maxx) f->maxx = (x1);                                                   \
        if (first || (y1) > f->maxy) f->maxy = (y1);                                                   \
        first = 0;                                                                                     \
    } while (0)
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        GROW(f->x[i] - r, f->y[i] - r, f->x[i] + r, f->y[i] + r);
        if (f->label_out[i])
            GROW(f->lx[i] - f->lw[i] / 2, f->ly[i] - label_hh(f), f->lx[i] + f->lw[i] / 2, f->ly[i] + label_hh(f));
    }
    for (size_t s = 0; s < f->nstacks; s++) {
        const rd_stack *st = &f->stacks[s];
        double hh = rd_stack_height(f, st) / 2;
        GROW(st->x - st->w / 2, st->y - hh, st->x + st->w / 2, st->y + hh);
    }
#undef GROW
    if (first) f->minx = f->miny = f->maxx = f->maxy = 0;
}

/* The states at `scale` times their natural places, untangled, then labels
 * and stacks placed around them; positions in whole points, so that every
 * panel adds its offset to the same numbers. */
static void arrange(rd_figure *f, const size_t *pairs, size_t npairs, double scale) {
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        f->x[i] = f->nx[i] * scale;
        f->y[i] = f->ny[i] * scale;
    }
    clear_lines(f, pairs, npairs, state_r(f));
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        f->x[i] = round(f->x[i]);
        f->y[i] = round(f->y[i]);
    }
    place_labels(f, pairs, npairs);
    place_stacks(f, pairs, npairs);
    for (size_t i = 0; i < f->nv; i++) {
        if (!f->in_union[i]) continue;
        f->x[i] = round(f->x[i] * 2) / 2;
        f->y[i] = round(f->y[i] * 2) / 2;
        if (is_state(f, i) && f->label_out[i]) f->lx[i] = round(f->lx[i] * 2) / 2, f->ly[i] = round(f->ly[i] * 2) / 2;
    }
    extent(f);
}

/* ---- the grid and the legend's place -------------------------------------------------------- */

#define LEGEND_COL 15.0 /* a legend beside the grid: at most this many F wide */

/* The legend's width when it stands beside the grid. */
static double right_legend_w(const rd_figure *f) {
    double w = 0, h = 0;
    rd_legend_size(f, LEGEND_COL * f->k.font, 1, &w, &h);
    return w;
}

/* The title's lines at width W, and the height they take: a title wider
 * than the figure is wrapped, not shrunk. */
static double title_height(const rd_figure *f, double W) {
    if (!f->title.len) return 0;
    hs_buf lines = {0};
    double widest;
    hs_error err;
    size_t n = rd_wrap(f->title.data, 1.25 * f->k.font * 1.08, W - 2 * f->k.gap, &lines, &widest, &err);
    hs_buf_free(&lines);
    return round(f->k.title_h + (double)(n > 1 ? n - 1 : 0) * 1.5 * f->k.font);
}

/* Everything of frame r that follows from its grid, its legend's place and
 * its panels' size (pw, ph; with a width, W too): the figure's size and the
 * legend's corner. Returns 0 when the legend is wider than the empty cell
 * (it may run below the cell: the figure grows by what does not fit). */
static int frame_finish(const rd_figure *f, rd_frame *r) {
    const rd_metrics *k = &f->k;
    double F = k->font, lw = 0, lh = 0;
    r->title_h = title_height(f, f->opt->width > 0 ? f->opt->width : INFINITY);
    r->gap = k->gap;
    if (r->legend_where == RD_LEGEND_RIGHT) {
        r->lcols = 1;
        if (rd_legend_size(f, LEGEND_COL * F, 1, &lw, &lh)) return 0;
        r->lw = lw;
    } else if (r->legend_where == RD_LEGEND_BELOW) {
        double inner = (f->opt->width > 0 ? f->opt->width : r->W) - 2 * k->gap;
        size_t lc = (size_t)fmax(1, floor(inner / (13 * F)));
        if (lc > 4) lc = 4;
        r->lcols = lc;
        r->lw = inner;
        if (rd_legend_size(f, (inner - (double)(lc - 1) * F) / (double)lc, lc, &lw, &lh)) return 0;
    } else {
        double inner = r->pw - 2 * F;
        size_t lc = inner > 22 * F ? 2 : 1;
        r->lcols = lc;
        r->lw = inner;
        if (rd_legend_size(f, (inner - (double)(lc - 1) * F) / (double)lc, lc, &lw, &lh)) return 0;
        if (lw > inner + 0.5) return 0;
    }
    /* Whole points, so that every panel's corner is too. */
    lw = ceil(lw), lh = ceil(lh);
    r->lh = lh;
    if (r->legend_where == RD_LEGEND_RIGHT) r->lw = lw;
    double grid_h = (double)r->rows * r->ph + (double)(r->rows - 1) * k->gap;
    if (f->opt->width > 0)
        r->W = f->opt->width;
    else
        r->W = k->gap + (double)r->cols * (r->pw + k->gap) + (r->legend_where == RD_LEGEND_RIGHT ? r->lw + k->gap : 0);
    r->H = r->title_h + grid_h + k->gap;
    /* A legend in the empty cell may run below it: the figure grows by what
     * does not fit the cell (still less than a legend below the grid). */
    if (r->legend_where == RD_LEGEND_CELL) r->H += fmax(0, ceil(lh) - (r->ph - 2 * F));
    if (r->legend_where == RD_LEGEND_RIGHT) {
        r->H = fmax(r->H, r->title_h + lh + k->gap);
        r->lx = r->W - r->lw - k->gap;
        r->ly = r->H - r->title_h;
    } else if (r->legend_where == RD_LEGEND_BELOW) {
        r->H += lh + k->gap;
        r->lx = k->gap;
        r->ly = lh + k->gap;
    } else {
        size_t cell = r->rows * r->cols - 1;
        r->lx = k->gap + (double)(cell % r->cols) * (r->pw + k->gap) + F;
        r->ly = r->H - r->title_h - (double)(cell / r->cols) * (r->ph + k->gap) - F;
    }
    return 1;
}

/* The union's natural extent: its states alone (sw x sh) and what labels
 * and stacks add around them (ow x oh), which does not shrink with the
 * layout; and the least scale that keeps tied states apart (floor). */
typedef struct natural {
    double sw, sh, ow, oh, floor;
} natural;

static double fit_scale(const rd_figure *f, const natural *nat, double pw) {
    return (pw - 2 * f->k.margin - nat->ow) / nat->sw;
}

/* A candidate frame: rows x cols with the legend `where`, its panels holding
 * the union at *scale times its natural size. 0 when it does not fit. */
static int frame_for(const rd_figure *f, size_t rows, size_t cols, int where, const natural *nat, double *scale,
                     rd_frame *fr) {
    const rd_metrics *k = &f->k;
    double W = f->opt->width, chrome_h = 2 * k->margin + k->caption_h;
    rd_frame r = {0};
    r.cols = cols;
    r.rows = rows;
    r.legend_where = where;
    if (W > 0) {
        double beside = where == RD_LEGEND_RIGHT ? right_legend_w(f) + k->gap : 0;
        r.pw = floor((W - k->gap - (double)cols * k->gap - beside) / (double)cols);
        double s = fit_scale(f, nat, r.pw);
        if (s < nat->floor || r.pw < rd_caption_width(f) + 0.4 * k->font) return 0;
        *scale = s > S_EXPAND ? S_EXPAND : s;
    } else {
        *scale = 1;
        r.pw = ceil(fmax(nat->sw + nat->ow + 2 * k->margin, 10 * k->font));
    }
    r.ph = ceil(nat->sh * *scale + nat->oh + chrome_h);
    if (!frame_finish(f, &r)) return 0;
    /* Taller than a page: the union drawn smaller, if some scale at which
     * tied states stay apart brings the figure within the page (the largest
     * such, by bisection); else as it is, and the ranking decides. */
    if (W > 0 && r.H > H_MAX) {
        rd_frame t = r;
        t.ph = ceil(nat->sh * nat->floor + nat->oh + chrome_h);
        if (nat->floor < *scale && frame_finish(f, &t) && t.H <= H_MAX) {
            double lo = nat->floor, hi = *scale;
            for (int round = 0; round < FIT_ROUNDS; round++) {
                double mid = (lo + hi) / 2;
                t.ph = ceil(nat->sh * mid + nat->oh + chrome_h);
                if (frame_finish(f, &t) && t.H <= H_MAX)
                    lo = mid;
                else
                    hi = mid;
            }
            t.ph = ceil(nat->sh * lo + nat->oh + chrome_h);
            frame_finish(f, &t);
            r = t;
            *scale = lo;
        }
    }
    *fr = r;
    return 1;
}

/* A candidate arrangement and how it ranks. */
typedef struct candidate {
    rd_frame fr;
    double s;          /* the scale its panels give the union, estimated */
    int ok;            /* within a page's height */
    size_t order;      /* the order tried: more columns first */
} candidate;

/* Better first: within a page's height; then, of those whose panels keep
 * enough of their natural size, the most panels to a row; then the most
 * room; out of a page's height, the lowest. */
static int candidate_cmp(const void *x, const void *y) {
    const candidate *a = x, *b = y;
    if (a->ok != b->ok) return a->ok ? -1 : 1;
    if (!a->ok && a->fr.H != b->fr.H) return a->fr.H < b->fr.H ? -1 : 1;
    int ea = a->s >= S_ENOUGH, eb = b->s >= S_ENOUGH;
    if (ea != eb) return ea ? -1 : 1;
    if (!ea && fabs(a->s - b->s) > 0.02 * fmax(a->s, b->s)) return a->s > b->s ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The arrangements to try, best first (*n of them): the user's grid, else
 * as many panels to a row (at most four, rows as even as can be) as keep
 * each near its natural size, else those that give the panels the most
 * room within a page's height; the legend beside the grid, in a cell the
 * panels leave empty, or below it. At the natural size, one: the legend
 * beside the grid. */
static hs_error rank_frames(const rd_figure *f, const natural *nat, candidate **out, size_t *n) {
    size_t np = f->npanels, maxcols = np < 4 ? np : 4, k = 0;
    double W = f->opt->width;
    candidate *c = hs_calloc(3 * (maxcols + 1), sizeof *c);
    if (!c) return HS_ENOMEM;
    for (size_t cols0 = maxcols; cols0 >= 1; cols0--) {
        size_t rows, cols;
        if (f->opt->rows) {
            rows = f->opt->rows, cols = f->opt->cols;
        } else {
            rows = (np + cols0 - 1) / cols0;
            cols = (np + rows - 1) / rows;
            if (cols != cols0) continue;
        }
        /* The legend in an empty cell before below the grid: no hole in it. */
        static const int wheres[] = {RD_LEGEND_RIGHT, RD_LEGEND_CELL, RD_LEGEND_BELOW};
        for (size_t w = 0; w < sizeof wheres / sizeof *wheres; w++) {
            int where = wheres[w];
            if (where == RD_LEGEND_CELL && rows * cols == np) continue;
            if (W <= 0 && where != RD_LEGEND_RIGHT) continue;
            if (!frame_for(f, rows, cols, where, nat, &c[k].s, &c[k].fr)) continue;
            c[k].ok = c[k].fr.H <= H_MAX;
            c[k].order = k;
            k++;
        }
        if (f->opt->rows || W <= 0) break;
    }
    qsort(c, k, sizeof *c, candidate_cmp);
    *out = c;
    *n = k;
    return HS_OK;
}

/* Fit the union to frame fr's panels: the largest scale, from `hi` down to
 * the floor, at which it fits (half the margin may be taken: it is room
 * for surfaces' edges), found by bisection, as labels and stacks move when
 * the states come closer and the union's width is not proportional to the
 * scale. The scale drawn in *used. 0 when it does not fit even at the floor. */
static int fit(rd_figure *f, const size_t *pairs, size_t npairs, const natural *nat, double hi, double *used) {
    double cw = f->fr.pw - 2 * f->k.margin + (f->nodes ? 0.5 * f->k.margin : 0), lo = nat->floor;
    *used = hi;
    arrange(f, pairs, npairs, hi);
    if (f->maxx - f->minx <= cw) return 1;
    if (hi <= lo) return 0;
    arrange(f, pairs, npairs, lo);
    if (f->maxx - f->minx > cw) return 0;
    for (int round = 0; round < FIT_ROUNDS; round++) {
        double mid = (lo + hi) / 2;
        arrange(f, pairs, npairs, mid);
        if (f->maxx - f->minx > cw)
            hi = mid;
        else
            lo = mid;
    }
    arrange(f, pairs, npairs, lo);
    *used = lo;
    return 1;
}

/* The frame that the union as arranged gives: the panels' height follows
 * it; a legend that no longer fits its cell goes below the grid. */
static void frame_from_union(rd_figure *f) {
    f->fr.ph = ceil((f->maxy - f->miny) + 2 * f->k.margin + f->k.caption_h);
    if (!frame_finish(f, &f->fr)) {
        f->fr.legend_where = RD_LEGEND_BELOW;
        frame_finish(f, &f->fr);
    }
}

/* A fitted figure taller than a page: the union drawn smaller, down to the
 * floor, at the largest scale (by bisection) that brings the figure within
 * the page. The frames were ranked on an estimate made before the labels
 * and mechanisms were placed again around the states, which they may
 * overrun; drawn as it was when even the floor does not bring it within. */
static void fit_page(rd_figure *f, const size_t *pairs, size_t npairs, const natural *nat, double s) {
    if (f->fr.H <= H_MAX || s <= nat->floor) return;
    rd_frame was = f->fr;
    arrange(f, pairs, npairs, nat->floor);
    frame_from_union(f);
    if (f->fr.H > H_MAX) { /* no scale helps: back to the fitted one */
        f->fr = was;
        arrange(f, pairs, npairs, s);
        frame_from_union(f);
        return;
    }
    double lo = nat->floor, hi = s;
    for (int round = 0; round < FIT_ROUNDS; round++) {
        double mid = (lo + hi) / 2;
        f->fr = was;
        arrange(f, pairs, npairs, mid);
        frame_from_union(f);
        if (f->fr.H <= H_MAX)
            lo = mid;
        else
            hi = mid;
    }
    f->fr = was;
    arrange(f, pairs, npairs, lo);
    frame_from_union(f);
}

/* ---- entry ------------------------------------------------------------------------------- */

hs_error rd_layout(rd_figure *f, const char *engine) {
    hs_buf dot = {0};
    char *json = NULL;
    size_t json_len = 0, *pairs = NULL, npairs = 0;
    hs_error err = union_pairs(f, &pairs, &npairs);
    if (!err) err = layout_dot(f, pairs, npairs, &dot);
    if (!err) {
        const char *const args[] = {"render", "--format", "json", "--engine", engine, "--name", f->file, "-", NULL};
        err = hs_dot_helper_run(args, dot.data, dot.len, f->file, "Graphviz's layout", &json, &json_len);
    }
    if (!err) err = read_layout(f, json, json_len);
    free(json);
    hs_buf_free(&dot);
    if (!err) err = make_stacks(f);
    if (err) {
        free(pairs);
        return err;
    }
    spread(f, pairs, npairs);
    clear_lines(f, pairs, npairs, layout_d(f) / 2);
    for (size_t i = 0; i < f->nv; i++) f->nx[i] = f->x[i], f->ny[i] = f->y[i];
    /* The natural extent, then the frame that width leaves, then the layout
     * scaled to it: what the scale changes (labels and stacks find other
     * places, states are pushed apart) is fitted again a few times. */
    arrange(f, pairs, npairs, 1);
    natural nat = {0};
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < f->nv; i++) {
        if (!is_state(f, i)) continue;
        x0 = fmin(x0, f->nx[i]), x1 = fmax(x1, f->nx[i]), y0 = fmin(y0, f->ny[i]), y1 = fmax(y1, f->ny[i]);
    }
    nat.sw = fmax(x1 - x0, 1);
    nat.sh = fmax(y1 - y0, 0);
    nat.ow = fmax(f->maxx - f->minx - nat.sw, 0);
    nat.oh = fmax(f->maxy - f->miny - nat.sh, 0);
    /* The floor: where the closest tied states would touch. Below it the
     * untangling pushes them apart again (to 1.6 F for tied states), so the
     * union is let shrink to half of it; whether it then fits the panel is
     * what decides. */
    for (size_t k = 0; k < npairs; k++) {
        double d = hypot(f->nx[pairs[2 * k]] - f->nx[pairs[2 * k + 1]], f->ny[pairs[2 * k]] - f->ny[pairs[2 * k + 1]]);
        if (d > 0) nat.floor = fmax(nat.floor, (f->k.state_d + 0.8 * f->k.font) / d);
    }
    nat.floor /= 2;
    candidate *c = NULL;
    size_t nc = 0;
    err = rank_frames(f, &nat, &c, &nc);
    int done = 0;
    double used = 0;
    for (size_t k = 0; !err && k < nc && !done; k++) {
        f->fr = c[k].fr;
        if (f->opt->width <= 0) {
            done = 1; /* the natural size: as arranged */
        } else if (fit(f, pairs, npairs, &nat, c[k].s, &used)) {
            frame_from_union(f);
            fit_page(f, pairs, npairs, &nat, used);
            done = 1;
        }
    }
    free(c);
    if (!err && !done) {
        if (f->opt->rows)
            err = hs_error_set(HS_EARG, "%s: in a figure %g pt wide, %zu panels to a row leave too little room for "
                                        "this system at %g pt type: make it wider, the type smaller or the rows longer",
                               f->file, f->opt->width, f->opt->cols, f->k.font);
        else
            err = hs_error_set(HS_EARG, "%s: a figure %g pt wide leaves too little room for this system at %g pt type: "
                                        "make it wider or the type smaller",
                               f->file, f->opt->width, f->k.font);
    }
    free(pairs);
    return err;
}
