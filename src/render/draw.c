/* The figure as DOT: every panel's states, lines and mechanisms pinned at
 * their union places plus the panel's offset, the captions, the legend and
 * the title, drawn by Graphviz's nop2 engine in the helper. The visual
 * encoding is documented in docs/render.md. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* ---- the visual encoding (docs/render.md) ------------------------------------------ */

typedef struct tie_style {
    const char *legend, *color, *style;
    double penwidth; /* at 11 pt type; lines scale with the type */
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

typedef struct role_style {
    const char *legend, *shape, *style, *fill, *line, *font;
    double penwidth;
} role_style;

/* Fill darkness, outline pattern and the hub's double ring tell the roles
 * apart in greyscale too. */
static const role_style role_styles[HS_ROLE_COUNT] = {
    {"hub", "doublecircle", "filled", "#252525", "#000000", "#ffffff", 1.2},
    {"ally (treaty with the hub)", "circle", "filled", "#9ecae1", "#08306b", "#000000", 2.0},
    {"partner", "circle", "filled,dashed", "#ffffff", "#8c2d04", "#000000", 1.6},
    {"other state", "circle", "filled,dotted", "#ffffff", "#636363", "#525252", 1.2},
};
static const role_style ghost_style = {"not active that year", "circle", "filled,dotted", "#ffffff", "#cccccc", "#bbbbbb", 1.0};

#define GHOST_LINE "#dddddd"
#define STACK_LINE "#333333"
#define SPOKE_GREY "#6b6b6b"

/* A line width given at 11 pt type, at this figure's type. */
static double pen(const rd_figure *f, double at11) { return fmax(0.4, at11 * f->k.font / 11.0); }

/* ---- DOT text ----------------------------------------------------------------------- */

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

/* Lines separated by '\n' as a left-aligned DOT label: each line escaped and
 * ended by \l. */
static hs_error put_lines_label(hs_buf *b, const char *lines) {
    if (hs_buf_puts(b, "\"")) return HS_ENOMEM;
    for (const char *s = lines;; s++) {
        if (*s == '\n' || !*s) {
            if (hs_buf_puts(b, "\\l")) return HS_ENOMEM;
            if (!*s) break;
            continue;
        }
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

/* ` NAME="colour"` (through greyscale when asked). */
static hs_error put_colour_attr(const rd_figure *f, hs_buf *b, const char *name, const char *colour) {
    hs_error err = hs_buf_printf(b, ", %s=\"", name);
    if (!err) err = rd_put_colour(f, b, colour);
    return err ? err : hs_buf_puts(b, "\"");
}

static hs_error put_role_attrs(const rd_figure *f, hs_buf *b, const role_style *r) {
    hs_error err = hs_buf_printf(b, ", shape=%s, style=\"%s\", penwidth=%.2f", r->shape, r->style, pen(f, r->penwidth));
    if (!err) err = put_colour_attr(f, b, "fillcolor", r->fill);
    if (!err) err = put_colour_attr(f, b, "color", r->line);
    if (!err) err = put_colour_attr(f, b, "fontcolor", r->font);
    return err;
}

/* ---- places -------------------------------------------------------------------------- */

void rd_panel_origin(const rd_frame *fr, size_t p, double *ox, double *oy) {
    size_t col = p % fr->cols, row = p / fr->cols;
    *ox = fr->gap + (double)col * (fr->pw + fr->gap);
    *oy = fr->H - fr->title_h - (double)(row + 1) * fr->ph - (double)row * fr->gap;
}

/* Panel coordinates of a union point: the union's extent centred in the
 * panel's drawing area (above the caption). */
static rd_pt place_xy(const rd_figure *f, double ox, double oy, double x, double y) {
    double aw = f->fr.pw - 2 * f->k.margin, ah = f->fr.ph - 2 * f->k.margin - f->k.caption_h;
    double dx = (aw - (f->maxx - f->minx)) / 2, dy = (ah - (f->maxy - f->miny)) / 2;
    return (rd_pt){round(2 * (ox + f->k.margin + dx + x - f->minx)) / 2,
                   round(2 * (oy + f->k.caption_h + f->k.margin + dy + y - f->miny)) / 2};
}

static rd_pt place(const rd_figure *f, double ox, double oy, size_t i) { return place_xy(f, ox, oy, f->x[i], f->y[i]); }

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

/* ---- states ----------------------------------------------------------------------------- */

/* id="pP-K-ID": element ID of kind K (s state, l label, m mechanism) in panel P. */
static hs_error put_id_attr(hs_buf *b, size_t p, char kind, const char *id) {
    hs_buf t = {0};
    hs_error err = hs_buf_printf(&t, "p%zu-%c-%s", p, kind, id);
    if (!err) err = hs_buf_puts(b, "id=");
    if (!err) err = put_quoted(b, t.data);
    hs_buf_free(&t);
    return err;
}

static hs_error put_state(const rd_figure *f, hs_buf *b, size_t p, size_t i, double ox, double oy) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    long s = hs_view_state_of_vertex(v, i);
    hs_role role = s >= 0 ? panel_role(v, i) : HS_ROLE_OTHER;
    const role_style *rs = s >= 0 ? &role_styles[role] : &ghost_style;
    const char *name = hs_vertex_label(m, i) ? hs_vertex_label(m, i) : hs_vertex_id(m, i);
    const char *text = rd_state_label(f, i);
    rd_pt at = place(f, ox, oy, i);
    double d = f->k.state_d / 72.0;
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" [", p, i);
    if (!err) err = put_id_attr(b, p, 's', hs_vertex_id(m, i));
    if (!err) {
        if (s >= 0)
            err = hs_buf_printf(b, ", class=\"state role-%s\"", hs_role_name(role));
        else
            err = hs_buf_puts(b, ", class=\"state ghost\"");
    }
    if (!err) err = put_role_attrs(f, b, rs);
    if (!err) err = hs_buf_printf(b, ", width=%.3f, height=%.3f, tooltip=", d, d);
    hs_buf tip = {0};
    if (!err) err = hs_buf_printf(&tip, "%s: %s", name, s >= 0 ? hs_role_name(role) : "inactive");
    if (!err) err = put_quoted(b, tip.data);
    hs_buf_free(&tip);
    if (!err) err = hs_buf_puts(b, ", label=");
    if (!err) err = put_quoted(b, text && !f->label_out[i] ? text : "");
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", at.x, at.y);
    if (err || !text || !f->label_out[i]) return err;
    /* The label beside the circle. */
    rd_pt l = place_xy(f, ox, oy, f->lx[i], f->ly[i]);
    err = hs_buf_printf(b, "  \"p%zu/l%zu\" [", p, i);
    if (!err) err = put_id_attr(b, p, 'l', hs_vertex_id(m, i));
    if (!err) err = hs_buf_printf(b, ", class=\"label%s\", shape=plaintext, style=filled, fillcolor=\"#ffffffd0\", width=%.3f, height=%.3f, margin=0",
                                  s >= 0 ? "" : " ghost", (f->lw[i] + 2) / 72.0, 1.2 * f->k.font / 72.0);
    if (!err) err = put_colour_attr(f, b, "fontcolor", s >= 0 ? (role == HS_ROLE_OTHER ? "#404040" : "#000000") : "#bbbbbb");
    if (!err) err = hs_buf_puts(b, ", label=");
    if (!err) err = put_quoted(b, text);
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", l.x, l.y);
    return err;
}

/* ---- mechanisms ---------------------------------------------------------------------------- */

static int mech_active(const rd_figure *f, size_t p, size_t i) { return rd_vertex_active(f->panels[p].view, i); }

/* A mechanism's box: square-cornered in a stack, rounded as a surface's
 * label; its outline dashed or dotted when that is its second channel. */
static const char *box_style(const rd_figure *f, int pattern) {
    static const char *const styles[2][3] = {{"rounded,filled", "rounded,filled,dashed", "rounded,filled,dotted"},
                                             {"filled", "filled,dashed", "filled,dotted"}};
    return styles[f->nodes ? 1 : 0][pattern < 0 || pattern > 2 ? 0 : pattern];
}

/* One mechanism's box, in its stack's row. */
static hs_error put_mechanism(const rd_figure *f, hs_buf *b, size_t p, size_t i, double ox, double oy, int active) {
    const hs_model *m = f->m;
    const rd_mstyle *ms = &f->mstyle[i];
    const rd_stack *st = &f->stacks[f->stack_of[i]];
    rd_pt at = place(f, ox, oy, i);
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" [", p, i);
    if (!err) err = put_id_attr(b, p, 'm', hs_vertex_id(m, i));
    if (!err)
        err = hs_buf_printf(b, ", class=\"mechanism%s pattern-%d\", shape=box, style=\"%s\", penwidth=%.2f, "
                               "fontsize=%.2f, width=%.3f, height=%.3f",
                            active ? "" : " ghost", ms->pattern, box_style(f, active ? ms->pattern : 0),
                            pen(f, ms->pattern ? 1.6 : 1.0), f->k.font, st->w / 72.0, f->k.mech_h / 72.0);
    if (!err) err = put_colour_attr(f, b, "fillcolor", active ? ms->fill : "#ffffff");
    if (!err) err = put_colour_attr(f, b, "color", active ? STACK_LINE : GHOST_LINE);
    if (!err) err = put_colour_attr(f, b, "fontcolor", active ? ms->text : "#bbbbbb");
    if (!err) err = hs_buf_puts(b, ", label=");
    if (!err) err = put_quoted(b, hs_vertex_id(m, i));
    if (!err) err = hs_buf_puts(b, ", tooltip=");
    if (!err) err = put_quoted(b, hs_vertex_label(m, i) ? hs_vertex_label(m, i) : hs_vertex_id(m, i));
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", at.x, at.y);
    return err;
}

/* The rows of stack s active in panel p: first and last, and how many. */
static size_t stack_active(const rd_figure *f, size_t p, const rd_stack *st, size_t *first, size_t *last) {
    size_t n = 0;
    for (size_t r = 0; r < st->count; r++) {
        if (!mech_active(f, p, st->mech[r])) continue;
        if (!n) *first = r;
        *last = r;
        n++;
    }
    return n;
}

/* A frame around the active rows of a stack of two or more: its spokes
 * leave from it. */
static hs_error put_stack_frame(const rd_figure *f, hs_buf *b, size_t p, size_t s, double ox, double oy) {
    const rd_stack *st = &f->stacks[s];
    size_t first = 0, last = 0;
    if (stack_active(f, p, st, &first, &last) < 2) return HS_OK;
    double top = f->y[st->mech[first]] + f->k.mech_h / 2, bottom = f->y[st->mech[last]] - f->k.mech_h / 2;
    double pad = 0.22 * f->k.font;
    rd_pt at = place_xy(f, ox, oy, st->x, (top + bottom) / 2);
    hs_error err = hs_buf_printf(b,
                                 "  \"p%zu/k%zu\" [id=\"p%zu-k-%zu\", class=\"stack\", shape=box, style=filled, "
                                 "fillcolor=white, penwidth=%.2f, label=\"\", width=%.3f, height=%.3f",
                                 p, s, p, s, pen(f, 1.0), (st->w + 2 * pad) / 72.0, (top - bottom + 2 * pad) / 72.0);
    if (!err) err = put_colour_attr(f, b, "color", STACK_LINE);
    if (!err) err = hs_buf_printf(b, ", pos=\"%.1f,%.1f\"];\n", at.x, at.y);
    return err;
}

/* ---- lines -------------------------------------------------------------------------------- */

static int kind_slot(hs_kind kind) { return kind == HS_KIND_UNSET ? HS_KIND_COUNT : (int)kind; }

static int edge_drawn(const rd_figure *f, size_t e) {
    return f->drawn[hs_edge_from(f->m, e)] && f->drawn[hs_edge_to(f->m, e)];
}

/* One line for tie e, standing for `count` ties of its kind between its two
 * ends. */
static hs_error put_tie(const rd_figure *f, hs_buf *b, size_t p, size_t e, int active, size_t count) {
    const hs_model *m = f->m;
    hs_kind kind = hs_edge_kind(m, e);
    size_t from = hs_edge_from(m, e), to = hs_edge_to(m, e);
    const tie_style *st = &tie_styles[kind_slot(kind)];
    hs_error err = hs_buf_printf(b, "  \"p%zu/v%zu\" -> \"p%zu/v%zu\" [id=\"p%zu-e%zu\", class=\"tie %skind-%s\"", p,
                                 from, p, to, p, e, active ? "" : "ghost ",
                                 kind == HS_KIND_UNSET ? "unspecified" : hs_kind_name(kind));
    if (!err && !active) {
        err = put_colour_attr(f, b, "color", GHOST_LINE);
        if (!err) err = hs_buf_printf(b, ", style=solid, penwidth=%.2f", pen(f, 1.0));
    } else if (!err) {
        err = put_colour_attr(f, b, "color", st->color);
        if (!err) err = hs_buf_printf(b, ", style=%s, penwidth=%.2f", st->style, pen(f, st->penwidth));
    }
    int arrow = active && hs_model_directed(m);
    if (!err) err = hs_buf_printf(b, ", dir=%s, tooltip=", arrow ? "forward" : "none");
    hs_buf tip = {0};
    if (!err)
        err = hs_buf_printf(&tip, "%s %s %s: %s%s", hs_vertex_id(m, from), hs_model_directed(m) ? "->" : "--",
                            hs_vertex_id(m, to), kind == HS_KIND_UNSET ? "untyped" : hs_kind_name(kind),
                            active ? "" : " (not active)");
    if (!err && count > 1) err = hs_buf_printf(&tip, ", %zu ties", count);
    if (!err) err = put_quoted(b, tip.data);
    hs_buf_free(&tip);
    if (!err) err = hs_buf_puts(b, "];\n");
    return err;
}

typedef struct line {
    size_t a, b, e; /* ends (a < b unless directed), model edge */
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

/* The panel's ties: every active tie, and with ghosts every tie of the union
 * inactive in this panel whose ends are drawn. Ties of one kind between the
 * same two states are one line (several access agreements read as
 * "access"; the tooltip counts them), and a ghost is left out where an
 * active tie of its kind is drawn. */
static hs_error put_ties(const rd_figure *f, hs_buf *b, size_t p) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    int directed = hs_model_directed(m);
    unsigned char *on = hs_calloc(f->ne ? f->ne : 1, 1);
    line *ls = hs_malloc((f->ne ? f->ne : 1) * sizeof *ls);
    hs_error err = on && ls ? HS_OK : HS_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; !err && k < hs_view_edge_count(v); k++) {
        size_t e = hs_view_edges(v)[k];
        if (!edge_drawn(f, e) || hs_edge_kind(m, e) == HS_KIND_MEMBER) continue;
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
        err = put_tie(f, b, p, ls[i].e, !ls[i].ghost, ls[i].ghost ? 1 : active);
        i = j;
    }
    free(on);
    free(ls);
    return err;
}

/* The spokes of stack s in panel p: one per member state from the stack's
 * frame (two or more active rows: grey) or from its one active box (in the
 * mechanism's colour and pattern), each ending in a dot at the member. Its
 * class names every mechanism (of-vI, I its index in the file) whose active
 * membership it stands for. */
static hs_error put_spokes(const rd_figure *f, hs_buf *b, size_t p, size_t s) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    const rd_stack *st = &f->stacks[s];
    size_t first = 0, last = 0, nact = stack_active(f, p, st, &first, &last);
    if (!nact) return HS_OK;
    size_t *seen = hs_calloc(f->nv ? f->nv : 1, sizeof *seen); /* per state: 1 + its spoke's first edge */
    hs_buf *cls = hs_calloc(f->nv ? f->nv : 1, sizeof *cls);
    hs_error err = seen && cls ? HS_OK : HS_ENOMEM;
    for (size_t k = 0; !err && k < hs_view_edge_count(v); k++) {
        size_t e = hs_view_edges(v)[k];
        if (hs_edge_kind(m, e) != HS_KIND_MEMBER || !edge_drawn(f, e)) continue;
        size_t mech = hs_edge_to(m, e), state = hs_edge_from(m, e);
        if (f->stack_of[mech] != (long)s) continue;
        if (!seen[state]) seen[state] = e + 1;
        err = hs_buf_printf(&cls[state], " of-v%zu", mech);
    }
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (!seen[i]) continue;
        size_t e = seen[i] - 1, only = st->mech[first];
        const rd_mstyle *ms = &f->mstyle[only];
        if (nact > 1)
            err = hs_buf_printf(b, "  \"p%zu/k%zu\" -> \"p%zu/v%zu\" [", p, s, p, i);
        else
            err = hs_buf_printf(b, "  \"p%zu/v%zu\" -> \"p%zu/v%zu\" [", p, only, p, i);
        if (!err)
            err = hs_buf_printf(b, "id=\"p%zu-e%zu\", class=\"member kind-member%s\", style=%s, penwidth=%.2f, "
                                   "dir=forward, arrowhead=dot, arrowsize=%.2f",
                                p, e, cls[i].data, nact > 1 ? "solid" : rd_pattern_style(ms->pattern),
                                pen(f, nact > 1 ? 0.9 : 1.3), 0.35 * f->k.font / 11.0 * 1.6);
        char lc[8];
        rd_line_colour(ms->fill, lc);
        if (!err) err = put_colour_attr(f, b, "color", nact > 1 ? SPOKE_GREY : lc);
        if (!err) err = hs_buf_printf(b, ", tooltip=\"member\"];\n");
    }
    for (size_t i = 0; cls && i < f->nv; i++) hs_buf_free(&cls[i]);
    free(cls);
    free(seen);
    return err;
}

/* ---- surfaces ------------------------------------------------------------------------------- */

static int pt_cmp(const void *a, const void *b) {
    const rd_pt *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

static double cross(rd_pt o, rd_pt a, rd_pt b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

/* Andrew's monotone chain; hull receives up to n + 1 points, counter-clockwise. */
static size_t convex_hull(rd_pt *p, size_t n, rd_pt *hull) {
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

/* A surface: the convex hull of circles `pad` wider than `radius` around
 * the centres, filled with `fill` ("#rrggbbaa") and outlined in `line`,
 * dashed when `dashed`, as Graphviz xdot drawing operations. */
static hs_error put_surface(const rd_figure *f, hs_buf *bg, const rd_pt *centres, const double *radius, size_t n,
                            double pad, const char *fill, const char *outline, int dashed) {
    size_t np = n * HULL_SIDES;
    rd_pt *p = hs_malloc(np * sizeof *p), *hull = hs_malloc((np + 1) * sizeof *hull);
    hs_error err = p && hull ? HS_OK : HS_ENOMEM;
    for (size_t i = 0; !err && i < n; i++) {
        for (int s = 0; s < HULL_SIDES; s++) {
            double a = 6.283185307179586 * s / HULL_SIDES;
            double r = pad + radius[i];
            p[i * HULL_SIDES + (size_t)s] = (rd_pt){centres[i].x + r * cos(a), centres[i].y + r * sin(a)};
        }
    }
    size_t h = err ? 0 : convex_hull(p, np, hull);
    hs_buf c = {0};
    if (!err) err = rd_put_colour(f, &c, fill);
    if (!err) err = hs_buf_printf(bg, "C %zu -%s ", c.len, c.data);
    c.len = 0;
    if (!err) err = rd_put_colour(f, &c, outline);
    if (!err) err = hs_buf_printf(bg, "c %zu -%s %s", c.len, c.data, dashed ? "S 6 -dashed " : "S 5 -solid ");
    hs_buf_free(&c);
    if (!err) err = hs_buf_printf(bg, "P %zu", h);
    for (size_t i = 0; !err && i < h; i++) err = hs_buf_printf(bg, " %.1f %.1f", hull[i].x, hull[i].y);
    if (!err) err = hs_buf_puts(bg, " ");
    free(p);
    free(hull);
    return err;
}

/* Surfaces of panel p. Drawn as surfaces: one per mechanism in its colour,
 * the widest first, so that one nested in another over the same states is
 * drawn on top of it and each keeps a visible edge. Drawn as nodes: a faint
 * grey surface under the members of each stack, so that the surface the
 * paper speaks of stays visible while the boxes name the mechanisms. */
static hs_error put_surfaces(const rd_figure *f, hs_buf *bg, size_t p, double ox, double oy) {
    const hs_view *v = f->panels[p].view;
    const rd_metrics *k = &f->k;
    size_t nm = hs_view_mechanism_count(v);
    int *rank = hs_calloc(nm ? nm : 1, sizeof *rank);
    rd_pt *centres = hs_malloc((hs_view_state_count(v) + 1) * sizeof *centres);
    double *radius = hs_malloc((hs_view_state_count(v) + 1) * sizeof *radius);
    hs_error err = rank && centres && radius ? HS_OK : HS_ENOMEM;
    int maxrank = 0;
    for (size_t a = 0; !err && a < nm; a++) {
        size_t mv = hs_view_mechanism_vertex(v, a);
        if (!f->drawn[mv]) continue;
        if (f->nodes) { /* one surface per stack: its first active mechanism */
            for (size_t b = 0; b < a; b++) {
                size_t bv = hs_view_mechanism_vertex(v, b);
                if (f->drawn[bv] && f->stack_of[bv] == f->stack_of[mv]) rank[a] = -1;
            }
            continue;
        }
        for (size_t b = 0; b < a; b++) {
            if (f->drawn[hs_view_mechanism_vertex(v, b)] && rd_shared_members(v, b, a) >= 2) rank[a]++;
        }
        if (rank[a] > maxrank) maxrank = rank[a];
    }
    for (int r = maxrank; !err && r >= 0; r--) {
        for (size_t a = 0; !err && a < nm; a++) {
            size_t mv = hs_view_mechanism_vertex(v, a);
            if (!f->drawn[mv] || rank[a] != r) continue;
            size_t n = 0;
            for (size_t q = 0; q < hs_view_mechanism_member_count(v, a); q++) {
                size_t sv = hs_view_state_vertex(v, hs_view_mechanism_members(v, a)[q]);
                radius[n] = k->state_d / 2;
                centres[n++] = place(f, ox, oy, sv);
            }
            const rd_stack *st = &f->stacks[f->stack_of[mv]];
            if (f->nodes) {
                if (n < 2) continue;
                err = put_surface(f, bg, centres, radius, n, 0.9 * k->font, "#0000000a", "#00000000", 0);
            } else {
                radius[n] = fmax(st->w / 2, k->state_d / 2);
                centres[n++] = place(f, ox, oy, mv);
                const rd_mstyle *ms = &f->mstyle[mv];
                char fill[10], outline[10];
                snprintf(fill, sizeof fill, "%s40", ms->fill);
                snprintf(outline, sizeof outline, "%sc0", ms->fill);
                err = put_surface(f, bg, centres, radius, n, k->hull_pad - k->state_d / 2 + k->hull_step * r, fill, outline,
                                  ms->pattern != 0);
            }
        }
    }
    free(rank);
    free(centres);
    free(radius);
    return err;
}

/* ---- a panel ---------------------------------------------------------------------------------- */

/* The widest a caption's line of indices can be ("K 0.00   U 0.00   C 0.00":
 * a space, a no-break space and a space apart). */
double rd_caption_width(const rd_figure *f) { return rd_text_width("K 0.00   U 0.00   C 0.00", f->k.font, 0); }

/* A panel of a year the hub is not active in: its frame (kept by the
 * invisible box of its text, as Graphviz draws no empty cluster), the
 * reason in its middle, and a caption of the year. */
static hs_error put_empty_panel(const rd_figure *f, size_t p, hs_buf *b) {
    double ox, oy;
    rd_panel_origin(&f->fr, p, &ox, &oy);
    const char *hub = f->opt->hub ? f->opt->hub : hs_model_hub(f->m);
    long h = hub ? hs_model_find(f->m, hub) : -1;
    int since = h >= 0 ? hs_vertex_since(f->m, (size_t)h) : HS_SINCE_OPEN;
    int until = h >= 0 ? hs_vertex_until(f->m, (size_t)h) : HS_UNTIL_OPEN;
    double mid = oy + f->k.caption_h + (f->fr.ph - f->k.caption_h) / 2;
    hs_error err = hs_buf_printf(b,
                                 "  subgraph \"cluster_p%zu\" {\n    graph [id=\"panel-%zu\", class=\"panel empty year-%d\", "
                                 "bb=\"%.1f,%.1f,%.1f,%.1f\", label=\"\", penwidth=%.2f, bgcolor=transparent",
                                 p, p, f->years[p], ox, oy, ox + f->fr.pw, oy + f->fr.ph, pen(f, 0.8));
    if (!err) err = put_colour_attr(f, b, "color", "#c8c8c8");
    if (!err)
        err = hs_buf_printf(b,
                            "];\n    \"p%zu/empty\" [id=\"p%zu-empty\", class=\"empty-reason\", shape=plaintext, "
                            "width=%.3f, height=%.3f, pos=\"%.1f,%.1f\"",
                            p, p, (f->fr.pw - 8) / 72.0, 3 * f->k.font / 72.0, ox + f->fr.pw / 2, mid);
    if (!err) err = put_colour_attr(f, b, "fontcolor", "#636363");
    if (!err) err = hs_buf_puts(b, ", label=<the hub ");
    if (!err) err = put_html(b, hub ? hub : "");
    if (!err && since != HS_SINCE_OPEN && until != HS_UNTIL_OPEN)
        err = hs_buf_printf(b, " is<br/>active %d-%d", since, until - 1);
    else if (!err && since != HS_SINCE_OPEN)
        err = hs_buf_printf(b, " is<br/>active from %d", since);
    else if (!err)
        err = hs_buf_printf(b, " is<br/>active until %d", until - 1);
    if (!err) err = hs_buf_puts(b, ">];\n  }\n");
    if (!err)
        err = hs_buf_printf(b,
                            "  \"caption/%zu\" [id=\"caption-%zu\", class=\"caption\", shape=plaintext, width=%.3f, "
                            "height=%.3f, pos=\"%.1f,%.1f\", fontsize=%.2f, label=<<font point-size=\"%.2f\"><b>%d</b>"
                            "</font><br/>no system>];\n",
                            p, p, f->fr.pw / 72.0, f->k.caption_h / 72.0, ox + f->fr.pw / 2,
                            oy + f->k.caption_h / 2 + 0.2 * f->k.font, f->k.font, 1.15 * f->k.font, f->years[p]);
    return err;
}

static hs_error put_panel(const rd_figure *f, size_t p, hs_buf *b, hs_buf *bg) {
    const hs_model *m = f->m;
    const hs_view *v = f->panels[p].view;
    if (!v) return put_empty_panel(f, p, b);
    double ox, oy;
    rd_panel_origin(&f->fr, p, &ox, &oy);
    hs_error err = put_surfaces(f, bg, p, ox, oy);
    if (err) return err;
    err = hs_buf_printf(b, "  subgraph \"cluster_p%zu\" {\n    graph [id=\"panel-%zu\", class=\"panel", p, p);
    if (!err && f->years) err = hs_buf_printf(b, " year-%d", f->years[p]);
    if (!err)
        err = hs_buf_printf(b, "\", bb=\"%.1f,%.1f,%.1f,%.1f\", label=\"\", penwidth=%.2f, bgcolor=transparent", ox, oy,
                            ox + f->fr.pw, oy + f->fr.ph, pen(f, 0.8));
    if (!err) err = put_colour_attr(f, b, "color", "#c8c8c8");
    if (!err) err = hs_buf_puts(b, "];\n");
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (!f->in_union[i] || !f->drawn[i] || hs_vertex_type_of(m, i) != HS_VERTEX_STATE) continue;
        if (!rd_vertex_active(v, i) && !f->opt->ghosts) continue;
        err = put_state(f, b, p, i, ox, oy);
    }
    /* Stack frames before the boxes they hold. */
    for (size_t s = 0; !err && s < f->nstacks; s++) err = put_stack_frame(f, b, p, s, ox, oy);
    for (size_t s = 0; !err && s < f->nstacks; s++) {
        for (size_t r = 0; !err && r < f->stacks[s].count; r++) {
            size_t i = f->stacks[s].mech[r];
            int active = rd_vertex_active(v, i);
            if (!active && !f->opt->ghosts) continue;
            err = put_mechanism(f, b, p, i, ox, oy, active);
        }
    }
    if (!err) err = hs_buf_puts(b, "  }\n");
    if (!err) err = put_ties(f, b, p);
    for (size_t s = 0; !err && s < f->nstacks; s++) err = put_spokes(f, b, p, s);
    if (err) return err;

    /* The caption: the year and the system's three indices that year. */
    char k[16], u[16], c[16];
    fmt_index(k, sizeof k, f->panels[p].indices.coordination);
    fmt_index(u, sizeof u, f->panels[p].indices.unidirectionality);
    fmt_index(c, sizeof c, f->panels[p].indices.closedness);
    err = hs_buf_printf(b,
                        "  \"caption/%zu\" [id=\"caption-%zu\", class=\"caption\", shape=plaintext, width=%.3f, "
                        "height=%.3f, pos=\"%.1f,%.1f\", fontsize=%.2f, label=<<font point-size=\"%.2f\"><b>",
                        p, p, f->fr.pw / 72.0, f->k.caption_h / 72.0, ox + f->fr.pw / 2,
                        oy + f->k.caption_h / 2 + 0.2 * f->k.font, f->k.font, 1.15 * f->k.font);
    if (!err) err = f->years ? hs_buf_printf(b, "%d", f->years[p]) : hs_buf_puts(b, "all years");
    if (!err) err = hs_buf_printf(b, "</b></font><br/>K %s &#160; U %s &#160; C %s>];\n", k, u, c);
    return err;
}

/* ---- the legend ------------------------------------------------------------------------------- */

enum { LG_HEAD, LG_ROLE, LG_GHOST, LG_KIND, LG_ARROW, LG_SPOKE, LG_STACK, LG_SHADE, LG_SURFACE, LG_MECH };

typedef struct lg_entry {
    int type;
    size_t which;      /* role, kind or mechanism vertex */
    hs_buf lines;      /* the text, wrapped */
    size_t nlines;
    double textw, h;
} lg_entry;

typedef struct legend {
    lg_entry *e;
    size_t n;
    double swatch;     /* the swatch column's width */
    double colw;       /* one column: swatch and text */
} legend;

static void legend_free(legend *lg) {
    for (size_t i = 0; lg->e && i < lg->n; i++) hs_buf_free(&lg->e[i].lines);
    free(lg->e);
    lg->e = NULL;
    lg->n = 0;
}

static hs_error lg_add(legend *lg, const rd_figure *f, int type, size_t which, const char *text, double textmax) {
    lg_entry *e = &lg->e[lg->n++];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->which = which;
    double F = f->k.font;
    hs_error err = HS_OK;
    if (type == LG_HEAD) {
        err = hs_buf_puts(&e->lines, text);
        e->nlines = 1;
        e->textw = rd_text_width(text, F, 1);
        e->h = (lg->n > 1 ? 0.7 * F : 0) + 1.5 * F;
        return err;
    }
    e->nlines = rd_wrap(text, F, textmax, &e->lines, &e->textw, &err);
    if (e->nlines == 0) e->nlines = 1;
    e->h = fmax(f->k.row, (double)e->nlines * 1.2 * F + 0.4 * F);
    return err;
}

/* Drawn as nodes, does some panel shade a mechanism's members (as
 * put_surfaces does: two or more members)? */
static int any_shade(const rd_figure *f) {
    for (size_t p = 0; p < f->npanels; p++) {
        const hs_view *v = f->panels[p].view;
        if (!v) continue; /* an empty panel */
        for (size_t a = 0; a < hs_view_mechanism_count(v); a++) {
            if (f->drawn[hs_view_mechanism_vertex(v, a)] && hs_view_mechanism_member_count(v, a) >= 2) return 1;
        }
    }
    return 0;
}

/* The entries: headings, then every role, tie kind and mechanism drawn,
 * with their text wrapped to `col_width` less the swatches. */
static hs_error legend_build(const rd_figure *f, double col_width, legend *lg) {
    const hs_model *m = f->m;
    double F = f->k.font;
    size_t cap = 16 + HS_ROLE_COUNT + HS_KIND_COUNT + f->nv;
    lg->e = hs_calloc(cap, sizeof *lg->e);
    if (!lg->e) return HS_ENOMEM;
    lg->swatch = 3.0 * F;
    lg->colw = col_width;
    /* Text is wrapped short of the room it has: the renderer's font may
     * set it a little wider than Helvetica's widths say. */
    double textmax = 0.94 * fmax(col_width - lg->swatch, 6 * F);
    hs_error err = lg_add(lg, f, LG_HEAD, 0, "States", textmax);
    for (int r = 0; !err && r < HS_ROLE_COUNT; r++) {
        if (f->present_role[r]) err = lg_add(lg, f, LG_ROLE, (size_t)r, role_styles[r].legend, textmax);
    }
    if (!err && f->any_ghost) err = lg_add(lg, f, LG_GHOST, 0, ghost_style.legend, textmax);
    int any_kind = 0;
    for (int k = 0; k <= HS_KIND_COUNT; k++) any_kind |= k != HS_KIND_MEMBER && f->present_kind[k];
    if (!err && (any_kind || f->any_arrow)) err = lg_add(lg, f, LG_HEAD, 0, "Ties", textmax);
    for (int k = 0; !err && k <= HS_KIND_COUNT; k++) {
        if (f->present_kind[k] && k != HS_KIND_MEMBER) err = lg_add(lg, f, LG_KIND, (size_t)k, tie_styles[k].legend, textmax);
    }
    if (!err && f->any_arrow) err = lg_add(lg, f, LG_ARROW, 0, "depends on (arrow head)", textmax);
    if (!err && f->any_mechanism) {
        err = lg_add(lg, f, LG_HEAD, 0, "Mechanisms", textmax);
        if (!err && f->nodes) err = lg_add(lg, f, LG_SPOKE, 0, "joins its members", textmax);
        if (!err && f->nodes && f->any_stack) err = lg_add(lg, f, LG_STACK, 0, "stacked: the same members", textmax);
        if (!err && f->nodes && any_shade(f))
            err = lg_add(lg, f, LG_SHADE, 0, "shaded: a mechanism's members", textmax);
        if (!err && !f->nodes) err = lg_add(lg, f, LG_SURFACE, 0, "its surface, over its members", textmax);
        for (size_t i = 0; !err && i < f->nv; i++) {
            if (hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM || !f->in_panels[i] || !f->drawn[i]) continue;
            hs_buf t = {0};
            /* "AUKUS", not "AUKUS: AUKUS", when the name is the id. */
            const char *label = hs_vertex_label(m, i);
            err = label && strcmp(label, hs_vertex_id(m, i)) != 0
                      ? hs_buf_printf(&t, "%s: %s", hs_vertex_id(m, i), label)
                      : hs_buf_puts(&t, hs_vertex_id(m, i));
            if (!err) err = lg_add(lg, f, LG_MECH, i, t.data, textmax);
            hs_buf_free(&t);
        }
    }
    return err;
}

/* Entries in `cols` columns, in order, each column about as tall as the
 * others: col[i] receives entry i's column, *h the tallest column. */
static void legend_flow(const legend *lg, size_t cols, size_t *col, double *h) {
    double total = 0;
    for (size_t i = 0; i < lg->n; i++) total += lg->e[i].h;
    double target = total / (double)cols, acc = 0, tallest = 0;
    size_t c = 0;
    for (size_t i = 0; i < lg->n; i++) {
        /* A new column starts when this one is full, never after a heading. */
        if (c + 1 < cols && acc > 0 && acc + lg->e[i].h / 2 > target && !(i > 0 && lg->e[i - 1].type == LG_HEAD)) {
            c++;
            acc = 0;
        }
        col[i] = c;
        acc += lg->e[i].h;
        if (acc > tallest) tallest = acc;
    }
    *h = tallest;
}

hs_error rd_legend_size(const rd_figure *f, double col_width, size_t cols, double *w, double *h) {
    legend lg = {0};
    hs_error err = legend_build(f, col_width, &lg);
    size_t *col = err ? NULL : hs_calloc(lg.n ? lg.n : 1, sizeof *col);
    if (!err && !col) err = HS_ENOMEM;
    if (!err) {
        legend_flow(&lg, cols, col, h);
        double widest = 0;
        for (size_t i = 0; i < lg.n; i++)
            widest = fmax(widest, (lg.e[i].type == LG_HEAD ? 0 : lg.swatch) + lg.e[i].textw / 0.94);
        *w = cols > 1 ? (double)cols * col_width + (double)(cols - 1) * f->k.font : fmin(widest + 0.3 * f->k.font, col_width);
    }
    free(col);
    legend_free(&lg);
    return err;
}

/* An entry's text, its lines' left edge at x and its top at ytop, in a
 * node as wide as the room it has, so that it starts at x whatever width
 * the renderer's font gives it. */
static hs_error put_text(const rd_figure *f, hs_buf *b, const char *name, double x, double ytop, const lg_entry *e,
                         double room, int bold) {
    double F = f->k.font, h = (double)e->nlines * 1.2 * F, w = bold ? e->textw + 1 : fmax(room, e->textw + 2);
    hs_error err = hs_buf_printf(b,
                                 "  \"%s\" [class=\"legend-text\", shape=plaintext, fixedsize=true, margin=0, width=%.3f, "
                                 "height=%.3f, pos=\"%.1f,%.1f\", fontsize=%.2f, label=",
                                 name, w / 72.0, h / 72.0, x + w / 2, ytop - h / 2, F);
    if (!err && bold) {
        err = hs_buf_puts(b, "<<b>");
        if (!err) err = put_html(b, e->lines.data);
        if (!err) err = hs_buf_puts(b, "</b>>");
    } else if (!err) {
        err = put_lines_label(b, e->lines.data);
    }
    if (!err) err = hs_buf_puts(b, "];\n");
    return err;
}

static hs_error put_swatch_line(const rd_figure *f, hs_buf *b, const char *name, const char *id, const char *cls,
                                double x0, double y, double w, const char *colour, const char *style, double penw,
                                const char *extra) {
    hs_error err = hs_buf_printf(b,
                                 "  \"%s/a\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                                 "  \"%s/b\" [shape=point, width=0.01, style=invis, pos=\"%.1f,%.1f\"];\n"
                                 "  \"%s/a\" -> \"%s/b\" [id=\"%s\", class=\"%s\", style=%s, penwidth=%.2f%s",
                                 name, x0, y, name, x0 + w, y, name, name, id, cls, style, penw, extra);
    if (!err) err = put_colour_attr(f, b, "color", colour);
    return err ? err : hs_buf_puts(b, "];\n");
}

static hs_error put_entry(const rd_figure *f, hs_buf *b, const legend *lg, size_t k, double x0, double ytop) {
    const lg_entry *e = &lg->e[k];
    double F = f->k.font, sw = lg->swatch - 0.6 * F;
    double tx = x0 + lg->swatch, room = x0 + lg->colw - tx;
    double line_y = ytop - 0.6 * F - 0.1 * F; /* the first line's middle */
    char name[48];
    snprintf(name, sizeof name, "legend/%zu", k);
    char tname[56];
    snprintf(tname, sizeof tname, "legend/%zu/t", k);
    hs_error err = HS_OK;
    switch (e->type) {
    case LG_HEAD:
        return put_text(f, b, tname, x0, ytop - (k ? 0.7 * F : 0), e, lg->colw, 1);
    case LG_ROLE:
    case LG_GHOST: {
        const role_style *rs = e->type == LG_ROLE ? &role_styles[e->which] : &ghost_style;
        const char *rn = e->type == LG_ROLE ? hs_role_name((hs_role)e->which) : "ghost";
        err = hs_buf_printf(b, "  \"%s\" [id=\"legend-%s%s\", class=\"legend %s%s\"", name,
                            e->type == LG_ROLE ? "role-" : "", rn, e->type == LG_ROLE ? "role-" : "", rn);
        if (!err) err = put_role_attrs(f, b, rs);
        if (!err)
            err = hs_buf_printf(b, ", fixedsize=true, width=%.3f, height=%.3f, label=\"\", pos=\"%.1f,%.1f\"];\n",
                                1.3 * F / 72.0, 1.3 * F / 72.0, x0 + 1.0 * F, line_y);
        break;
    }
    case LG_KIND: {
        const tie_style *st = &tie_styles[e->which];
        const char *kn = e->which == HS_KIND_COUNT ? "unspecified" : hs_kind_name((hs_kind)e->which);
        char id[48], cls[64];
        snprintf(id, sizeof id, "legend-kind-%s", kn);
        snprintf(cls, sizeof cls, "legend kind-%s", kn);
        err = put_swatch_line(f, b, name, id, cls, x0, line_y, fmin(sw, 2.4 * F), st->color, st->style,
                              pen(f, st->penwidth), ", dir=none");
        break;
    }
    case LG_ARROW:
        err = put_swatch_line(f, b, name, "legend-arrow", "legend", x0, line_y, fmin(sw, 2.4 * F), "#000000", "solid",
                              pen(f, 1.0), ", arrowsize=0.6");
        break;
    case LG_SPOKE: {
        char extra[64];
        snprintf(extra, sizeof extra, ", arrowhead=dot, arrowsize=%.2f", 0.35 * F / 11.0 * 1.6);
        err = put_swatch_line(f, b, name, "legend-member", "legend member", x0, line_y, fmin(sw, 2.4 * F), SPOKE_GREY,
                              "solid", pen(f, 0.9), extra);
        break;
    }
    case LG_SHADE: {
        /* The panels' own shade (put_surfaces), once and twice over. */
        double bw = fmin(sw, 2.4 * F);
        for (int layer = 0; !err && layer < 2; layer++) {
            err = hs_buf_printf(b, "  \"%s/%d\" [id=\"legend-shade-%d\", class=\"legend\", shape=box, "
                                   "style=\"rounded,filled\", label=\"\", penwidth=0, fixedsize=true, width=%.3f, "
                                   "height=%.3f, pos=\"%.1f,%.1f\"",
                                name, layer, layer, (layer ? 0.55 : 1.0) * bw / 72.0, 0.9 * F / 72.0,
                                x0 + (layer ? 0.725 : 0.5) * bw, line_y);
            if (!err) err = put_colour_attr(f, b, "fillcolor", "#0000000a");
            if (!err) err = put_colour_attr(f, b, "color", "#00000000");
            if (!err) err = hs_buf_puts(b, "];\n");
        }
        break;
    }
    case LG_STACK:
    case LG_SURFACE: {
        double bw = fmin(sw, 2.4 * F);
        err = hs_buf_printf(b, "  \"%s\" [id=\"legend-%s\", class=\"legend\", shape=box, style=\"%s\", label=\"\", "
                               "penwidth=%.2f, fixedsize=true, width=%.3f, height=%.3f, pos=\"%.1f,%.1f\"",
                            name, e->type == LG_STACK ? "stack" : "surface", e->type == LG_STACK ? "filled" : "rounded,filled",
                            pen(f, 1.0), bw / 72.0, 0.9 * F / 72.0, x0 + bw / 2, line_y);
        if (!err) err = put_colour_attr(f, b, "fillcolor", e->type == LG_STACK ? "#ffffff" : "#d9d9d9");
        if (!err) err = put_colour_attr(f, b, "color", e->type == LG_STACK ? STACK_LINE : "#969696");
        if (!err) err = hs_buf_puts(b, "];\n");
        break;
    }
    case LG_MECH: {
        /* A chip in the mechanism's colour and outline; its id and name beside it. */
        size_t i = e->which;
        const rd_mstyle *ms = &f->mstyle[i];
        double bw = fmin(sw, 2.4 * F);
        hs_buf id = {0};
        err = hs_buf_printf(&id, "legend-m-%s", hs_vertex_id(f->m, i));
        if (!err) err = hs_buf_printf(b, "  \"%s\" [id=", name);
        if (!err) err = put_quoted(b, id.data);
        hs_buf_free(&id);
        if (!err)
            err = hs_buf_printf(b, ", class=\"legend mechanism pattern-%d\", shape=box, style=\"%s\", label=\"\", "
                                   "penwidth=%.2f, fixedsize=true, width=%.3f, height=%.3f, pos=\"%.1f,%.1f\"",
                                ms->pattern, box_style(f, ms->pattern), pen(f, ms->pattern ? 1.6 : 1.0), bw / 72.0,
                                1.1 * F / 72.0, x0 + bw / 2, line_y);
        if (!err) err = put_colour_attr(f, b, "fillcolor", ms->fill);
        if (!err) err = put_colour_attr(f, b, "color", STACK_LINE);
        if (!err) err = hs_buf_puts(b, "];\n");
        break;
    }
    }
    if (!err) err = put_text(f, b, tname, tx, ytop - 0.1 * F, e, room, 0);
    return err;
}

static hs_error put_legend(const rd_figure *f, hs_buf *b) {
    const rd_frame *fr = &f->fr;
    size_t cols = fr->lcols ? fr->lcols : 1;
    double F = f->k.font, colw = cols > 1 ? (fr->lw - (double)(cols - 1) * F) / (double)cols : fmax(fr->lw, 6 * F);
    legend lg = {0};
    hs_error err = legend_build(f, colw, &lg);
    size_t *col = err ? NULL : hs_calloc(lg.n ? lg.n : 1, sizeof *col);
    if (!err && !col) err = HS_ENOMEM;
    double h = 0;
    if (!err) legend_flow(&lg, cols, col, &h);
    double ytop = fr->ly;
    size_t c = (size_t)-1;
    double y = 0;
    for (size_t i = 0; !err && i < lg.n; i++) {
        if (col[i] != c) {
            c = col[i];
            y = ytop;
        }
        double x = fr->lx + (double)c * (colw + F);
        /* A heading at the top of a column needs no space above it. */
        if (lg.e[i].type == LG_HEAD && y == ytop && i > 0) y += 0.7 * F;
        err = put_entry(f, b, &lg, i, x, y);
        y -= lg.e[i].h;
    }
    free(col);
    legend_free(&lg);
    return err;
}

/* ---- the figure ------------------------------------------------------------------------------------ */

hs_error rd_figure_dot(rd_figure *f, double dpi, hs_buf *out) {
    const rd_frame *fr = &f->fr;
    hs_buf body = {0}, bg = {0};
    hs_error err = HS_OK;
    for (size_t p = 0; !err && p < f->npanels; p++) err = put_panel(f, p, &body, &bg);
    /* A figure of empty panels only (the hub's dates) has nothing to explain. */
    int explain = f->any_mechanism;
    for (int r = 0; r < HS_ROLE_COUNT; r++) explain |= f->present_role[r];
    if (!err && explain) err = put_legend(f, &body);
    if (!err)
        err = hs_buf_printf(out,
                            /* nodesep: the gap between parallel lines of
                             * different kinds (neato spaces them by it). */
                            "digraph figure {\n"
                            "  graph [layout=nop2, notranslate=true, outputorder=edgesfirst, nodesep=%.3f, "
                            "fontname=\"" RD_FONT "\", pad=0, bb=\"0,0,%.2f,%.2f\"",
                            0.09 * f->k.font / 11.0, fr->W, fr->H);
    if (!err && dpi > 0) err = hs_buf_printf(out, ", dpi=%g", dpi);
    if (!err) err = put_colour_attr(f, out, "bgcolor", "#ffffff");
    if (!err) err = hs_buf_puts(out, ", _background=");
    if (!err) err = put_quoted(out, bg.data ? bg.data : "");
    if (!err)
        err = hs_buf_printf(out, "];\n  node [fontname=\"" RD_FONT "\", fontsize=%.2f, fixedsize=true];\n  edge [arrowsize=%.2f];\n",
                            f->k.font, 0.7 * f->k.font / 11.0 * 1.3);
    /* The title, wrapped to the figure's width. */
    if (!err && f->title.len) {
        hs_buf lines = {0};
        double widest;
        size_t n = rd_wrap(f->title.data, 1.25 * f->k.font * 1.08, f->opt->width > 0 ? fr->W - 2 * f->k.gap : INFINITY,
                           &lines, &widest, &err);
        (void)n;
        if (!err)
            err = hs_buf_printf(out,
                                "  \"title\" [id=\"title\", class=\"title\", shape=plaintext, width=%.3f, height=%.3f, "
                                "pos=\"%.1f,%.1f\", fontsize=%.2f, label=<<b>",
                                (fr->W - 2 * f->k.gap) / 72.0, (fr->title_h - 0.4 * f->k.font) / 72.0, fr->W / 2,
                                fr->H - fr->title_h / 2, 1.25 * f->k.font);
        for (const char *p = lines.data; !err && p && *p;) {
            size_t len = strcspn(p, "\n");
            hs_buf one = {0};
            err = hs_buf_append(&one, p, len);
            if (!err) err = put_html(out, one.data);
            hs_buf_free(&one);
            p += len;
            if (*p == '\n') {
                p++;
                if (!err) err = hs_buf_puts(out, "<br/>");
            }
        }
        if (!err) err = hs_buf_puts(out, "</b>>];\n");
        hs_buf_free(&lines);
    }
    /* Two invisible corners: nop2 bounds the drawing by what it holds,
     * and the figure is to be exactly W x H. */
    if (!err)
        err = hs_buf_printf(out,
                            "  \"corner/0\" [shape=point, style=invis, width=0.01, height=0.01, pos=\"0.36,0.36\"];\n"
                            "  \"corner/1\" [shape=point, style=invis, width=0.01, height=0.01, pos=\"%.2f,%.2f\"];\n",
                            fr->W - 0.36, fr->H - 0.36);
    if (!err) err = hs_buf_append(out, body.data ? body.data : "", body.len);
    if (!err) err = hs_buf_puts(out, "}\n");
    hs_buf_free(&body);
    hs_buf_free(&bg);
    return err;
}
