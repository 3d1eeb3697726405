/* Figures of alliance systems: hubspoke writes the styled DOT, the
 * hubspoke-dot helper lays it out and draws it (docs/render.md).
 *
 * Two helper runs per figure. The first lays out the union of all panels
 * (every state, tie and mechanism active in some panel) with the chosen
 * engine and returns positions as Graphviz JSON (layout.c). The second draws
 * the figure: one copy of the drawn elements per panel, each pinned at its
 * union position plus the panel's offset, rendered with the `nop2` engine
 * and `notranslate` (../shared/reference/PLATFORM-NOTES.md; draw.c).
 * Surfaces are polygons in the graph's `_background` (Graphviz's xdot
 * drawing operations), so that they are drawn under everything else in
 * every output format. */
#define _POSIX_C_SOURCE 200809L
#include "hubspoke/render.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hubspoke/check.h"
#include "io/io_internal.h"
#include "render/render_internal.h"

void hs_render_options_init(hs_render_options *o) {
    memset(o, 0, sizeof *o);
    o->labels = HS_LABELS_ID;
    o->mechanisms = HS_MECHANISMS_AUTO;
}

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

/* ---- option values ------------------------------------------------------------------- */

hs_error hs_render_parse_length(const char *text, double *points) {
    static const struct {
        const char *unit;
        double pt;
    } units[] = {{"in", 72.0}, {"cm", 72.0 / 2.54}, {"mm", 72.0 / 25.4}, {"pt", 1.0}};
    char *end;
    errno = 0;
    double v = text[0] == '-' || text[0] == '+' || text[0] == ' ' ? NAN : strtod(text, &end);
    if (isfinite(v) && !errno && end != text && v > 0) {
        for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
            if (strcmp(end, units[i].unit) == 0) {
                *points = v * units[i].pt;
                return HS_OK;
            }
        }
    }
    return hs_error_set(HS_EARG, "'%s' is not a length: a number and a unit, in, cm, mm or pt (e.g. 6.5in)", text);
}

hs_error hs_render_parse_grid(const char *text, size_t *rows, size_t *cols) {
    unsigned r, c;
    int n = 0;
    if (sscanf(text, "%3u%*[x]%3u%n", &r, &c, &n) == 2 && (size_t)n == strlen(text) && text[0] >= '0' &&
        text[0] <= '9' && r >= 1 && r <= 64 && c >= 1 && c <= 64 && strchr(text, 'x') == strrchr(text, 'x')) {
        const char *x = strchr(text, 'x');
        if (x[1] >= '0' && x[1] <= '9') {
            *rows = r;
            *cols = c;
            return HS_OK;
        }
    }
    return hs_error_set(HS_EARG, "'%s' is not a grid ROWSxCOLUMNS with each from 1 to 64 (e.g. 2x3)", text);
}

/* The index of `text` among n names, or -1. */
static int name_index(const char *text, const char *const *names, int n) {
    for (int i = 0; i < n; i++) {
        if (strcmp(text, names[i]) == 0) return i;
    }
    return -1;
}

hs_error hs_render_parse_labels(const char *text, hs_render_labels *labels) {
    static const char *const names[] = {"id", "name", "none"};
    int i = name_index(text, names, 3);
    if (i < 0) return hs_error_set(HS_EARG, "'%s' is not a kind of label: id, name or none", text);
    *labels = (hs_render_labels)i;
    return HS_OK;
}

hs_error hs_render_parse_mechanisms(const char *text, hs_render_mechanisms *mechanisms) {
    static const char *const names[] = {"auto", "nodes", "surfaces"};
    int i = name_index(text, names, 3);
    if (i < 0) return hs_error_set(HS_EARG, "'%s' is not a way to draw mechanisms: auto, nodes or surfaces", text);
    *mechanisms = (hs_render_mechanisms)i;
    return HS_OK;
}

static hs_error check_options(const hs_render_options *o, size_t npanels) {
    if (o->width != 0 && !(o->width >= HS_RENDER_WIDTH_MIN && o->width <= HS_RENDER_WIDTH_MAX))
        return hs_error_set(HS_EARG, "a figure's width must be from %g pt (2in) to %g pt (200in), not %g pt",
                            HS_RENDER_WIDTH_MIN, HS_RENDER_WIDTH_MAX, o->width);
    if (o->font_size != 0 && !(o->font_size >= HS_RENDER_FONT_MIN && o->font_size <= HS_RENDER_FONT_MAX))
        return hs_error_set(HS_EARG, "the font size must be from %g to %g pt, not %g", HS_RENDER_FONT_MIN,
                            HS_RENDER_FONT_MAX, o->font_size);
    if (o->dpi != 0 && !(o->dpi >= 36 && o->dpi <= 1200))
        return hs_error_set(HS_EARG, "the resolution must be from 36 to 1200 dpi, not %g", o->dpi);
    if ((unsigned)o->labels > HS_LABELS_NONE) return hs_error_set(HS_EARG, "unknown kind of label %d", (int)o->labels);
    if ((unsigned)o->mechanisms > HS_MECHANISMS_SURFACES)
        return hs_error_set(HS_EARG, "unknown way to draw mechanisms %d", (int)o->mechanisms);
    if ((o->rows == 0) != (o->cols == 0) || o->rows > 64 || o->cols > 64)
        return hs_error_set(HS_EARG, "a grid needs from 1 to 64 rows and columns, not %zux%zu", o->rows, o->cols);
    if (o->rows && o->rows * o->cols < npanels)
        return hs_error_set(HS_EARG, "a grid of %zux%zu has room for %zu panels, not %zu", o->rows, o->cols,
                            o->rows * o->cols, npanels);
    if (o->rows && (o->rows - 1) * o->cols >= npanels)
        return hs_error_set(HS_EARG, "a grid of %zux%zu leaves its last row empty with %zu panels", o->rows, o->cols,
                            npanels);
    return HS_OK;
}

/* Every length of the figure from the type size (render_internal.h). */
static void metrics_init(rd_figure *f) {
    double F = f->opt->font_size > 0 ? f->opt->font_size : HS_RENDER_FONT_SIZE;
    rd_metrics *k = &f->k;
    k->font = F;
    /* An id of three capitals fits in 3.2 F; without an id inside, a state
     * is a smaller disc that its label sits beside. */
    k->state_d = f->opt->labels == HS_LABELS_ID ? 3.2 * F : 1.8 * F;
    k->mech_h = 1.75 * F;
    k->hull_pad = 2.4 * F;
    k->hull_step = 0.6 * F;
    k->margin = f->nodes ? 1.3 * F : 0.5 * F + (k->hull_pad - k->state_d / 2) + k->hull_step * f->maxrank;
    if (k->margin < 1.3 * F) k->margin = 1.3 * F;
    k->gap = round(1.2 * F); /* panels at whole points: the same place in each is the same number */
    k->title_h = round(2.6 * F);
    k->caption_h = round(3.0 * F);
    k->row = 1.55 * F;
    k->spread_gap = 5.5 * F;
}

/* ---- selection ------------------------------------------------------------------ */

/* The states to draw: --focus, the members of --mechanism, or all. The
 * panels' views get them as their focus (view.h), so that each panel holds
 * the subsystem `metrics --focus` measures: the states drawn and the
 * mechanisms all of whose members active that year are among them. */
static hs_error select_elements(rd_figure *f) {
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
static int edge_drawn(const rd_figure *f, size_t e) {
    return f->drawn[hs_edge_from(f->m, e)] && f->drawn[hs_edge_to(f->m, e)];
}

/* The panels' views, then the layout years' (those only widen the union). */
static hs_error make_panels(rd_figure *f) {
    const hs_render_options *o = f->opt;
    for (size_t p = 0; p < f->nviews; p++) {
        int is_panel = p < f->npanels;
        int year = is_panel ? (f->years ? f->years[p] : 0) : o->layout_years[p - f->npanels];
        /* A year the file's hub (or the chosen one) is not active in has no
         * system to draw: an empty panel says so, the others are drawn. */
        if (is_panel && f->years && !hs_check_hub_active(f->m, o->hub, year, NULL, 0)) {
            f->panels[p].view = NULL;
            f->panels[p].indices.coordination = f->panels[p].indices.unidirectionality =
                f->panels[p].indices.closedness = NAN;
            continue;
        }
        hs_view_options vo;
        hs_view_options_init(&vo);
        vo.has_year = !is_panel || f->years != NULL;
        vo.year = year;
        vo.hub = o->hub;
        vo.codebook = o->codebook;
        vo.focus = f->focus;
        vo.focus_count = f->focus_count;
        vo.state_set = HS_STATES_LISTED; /* a drawing shows every state the file lists */
        hs_error err = hs_view_new(f->m, &vo, &f->panels[p].view);
        if (err == HS_EARG && !is_panel) { /* e.g. a --hub not active in a layout year: it adds nothing */
            hs_error_clear();
            f->panels[p].view = NULL;
            continue;
        }
        if (!err && is_panel) err = hs_indices_compute(f->panels[p].view, &f->panels[p].indices);
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
            if (!f->drawn[i] || !rd_vertex_active(v, i)) continue;
            f->in_union[i] = 1;
            if (is_panel) f->in_panels[i] = 1;
        }
    }
    int any_state = 0;
    for (size_t i = 0; i < f->nv && !any_state; i++)
        any_state = f->in_panels[i] && hs_vertex_type_of(f->m, i) == HS_VERTEX_STATE;
    size_t inactive = 0;
    for (size_t p = 0; f->years && p < f->npanels; p++) inactive += !f->panels[p].view;
    /* Panels that are all empty for the hub's dates are drawn, captions and
     * all; a figure whose drawn states are active in no panel is refused. */
    if (!any_state && inactive < f->npanels)
        return hs_error_set(HS_EINPUT, "%s: nothing to draw: none of the states drawn is active in %s", f->file,
                            f->years ? (f->npanels == 1 ? "that year" : "those years") : "the file");
    return HS_OK;
}

static hs_role panel_role(const hs_view *v, size_t i) {
    hs_role role = hs_view_state_role(v, (size_t)hs_view_state_of_vertex(v, i));
    return role < 0 || role >= HS_ROLE_COUNT ? HS_ROLE_OTHER : role;
}

/* What the panels show, for the legend, and how mechanisms are drawn. */
static hs_error survey(rd_figure *f) {
    const hs_model *m = f->m;
    int crowded = 0;
    unsigned char *on = hs_calloc(f->ne ? f->ne : 1, 1);
    if (!on) return HS_ENOMEM;
    for (size_t p = 0; p < f->nviews; p++) {
        const hs_view *v = f->panels[p].view;
        if (!v) continue;
        /* Two mechanisms drawn in one panel over two or more of the same
         * states: their surfaces would overlap there. */
        size_t nm = hs_view_mechanism_count(v);
        for (size_t a = 0; a < nm; a++) {
            if (!f->drawn[hs_view_mechanism_vertex(v, a)]) continue;
            int rank = 0;
            for (size_t b = 0; b < a; b++)
                rank += f->drawn[hs_view_mechanism_vertex(v, b)] && rd_shared_members(v, a, b) >= 2;
            crowded |= rank > 0;
            if (rank > f->maxrank) f->maxrank = rank;
        }
        if (p >= f->npanels) continue;
        for (size_t i = 0; i < f->nv; i++) {
            if (!f->drawn[i] || !f->in_union[i]) continue;
            int active = rd_vertex_active(v, i);
            if (!active) {
                f->any_ghost |= f->opt->ghosts;
                continue;
            }
            if (hs_vertex_type_of(m, i) == HS_VERTEX_STATE)
                f->present_role[panel_role(v, i)] = 1;
            else
                f->any_mechanism = 1;
        }
        memset(on, 0, f->ne ? f->ne : 1);
        for (size_t k = 0; k < hs_view_edge_count(v); k++) {
            size_t e = hs_view_edges(v)[k];
            if (!edge_drawn(f, e) || hs_edge_kind(m, e) == HS_KIND_MEMBER) continue;
            on[e] = 1;
            hs_kind kind = hs_edge_kind(m, e);
            f->present_kind[kind == HS_KIND_UNSET ? HS_KIND_COUNT : (int)kind] = 1;
            f->any_arrow |= hs_model_directed(m);
        }
        /* A ghost tie is drawn unless an active tie of its kind joins the
         * same two states. */
        for (size_t e = 0; f->opt->ghosts && e < f->ne; e++) {
            if (!f->edge_in_union[e] || on[e] || hs_edge_kind(m, e) == HS_KIND_MEMBER) continue;
            int covered = 0;
            for (size_t o = 0; o < f->ne && !covered; o++) {
                if (!on[o] || hs_edge_kind(m, o) != hs_edge_kind(m, e)) continue;
                size_t a = hs_edge_from(m, e), b = hs_edge_to(m, e), c = hs_edge_from(m, o), d = hs_edge_to(m, o);
                covered = (a == c && b == d) || (!hs_model_directed(m) && a == d && b == c);
            }
            f->any_ghost |= !covered;
        }
    }
    free(on);
    switch (f->opt->mechanisms) {
    case HS_MECHANISMS_NODES:
        f->nodes = 1;
        break;
    case HS_MECHANISMS_SURFACES:
        f->nodes = 0;
        break;
    default:
        f->nodes = crowded;
    }
    return HS_OK;
}

/* ---- entry points -------------------------------------------------------------- */

static void figure_free(rd_figure *f) {
    for (size_t p = 0; f->panels && p < f->nviews; p++) hs_view_destroy(f->panels[p].view);
    for (size_t s = 0; f->stacks && s < f->nstacks; s++) free(f->stacks[s].mech);
    free(f->stacks);
    free(f->panels);
    free(f->drawn);
    free(f->in_union);
    free(f->in_panels);
    free(f->edge_in_union);
    free(f->mstyle);
    free(f->focus);
    free(f->x);
    free(f->y);
    free(f->nx);
    free(f->ny);
    free(f->label_out);
    free(f->lx);
    free(f->ly);
    free(f->lw);
    free(f->stack_of);
    hs_buf_free(&f->title);
}

/* Everything of the figure up to its DOT: selection, views, layout. */
static hs_error figure_build(rd_figure *f, const hs_model *model, const int *years, size_t year_count,
                             const hs_render_options *o) {
    const char *engine = o->engine ? o->engine : "neato";
    if (!hs_render_engine_known(engine))
        return hs_error_set(HS_EARG, "unknown layout engine '%s' (neato, fdp, dot or circo)", engine);
    f->m = model;
    f->opt = o;
    f->file = hs_model_file(model);
    f->nv = hs_model_vertex_count(model);
    f->ne = hs_model_edge_count(model);
    f->years = year_count ? years : NULL;
    f->npanels = year_count ? year_count : 1;
    f->nviews = f->npanels + (o->layout_years ? o->layout_year_count : 0);
    hs_error err = check_options(o, f->npanels);
    if (err) return err;
    size_t nv = f->nv ? f->nv : 1, ne = f->ne ? f->ne : 1;
    f->drawn = hs_calloc(nv, 1);
    f->in_union = hs_calloc(nv, 1);
    f->in_panels = hs_calloc(nv, 1);
    f->edge_in_union = hs_calloc(ne, 1);
    f->mstyle = hs_calloc(nv, sizeof *f->mstyle);
    f->x = hs_calloc(nv, sizeof *f->x);
    f->y = hs_calloc(nv, sizeof *f->y);
    f->nx = hs_calloc(nv, sizeof *f->nx);
    f->ny = hs_calloc(nv, sizeof *f->ny);
    f->label_out = hs_calloc(nv, 1);
    f->lx = hs_calloc(nv, sizeof *f->lx);
    f->ly = hs_calloc(nv, sizeof *f->ly);
    f->lw = hs_calloc(nv, sizeof *f->lw);
    f->stack_of = hs_calloc(nv, sizeof *f->stack_of);
    f->panels = hs_calloc(f->nviews, sizeof *f->panels);
    err = f->drawn && f->in_union && f->in_panels && f->edge_in_union && f->mstyle && f->x && f->y && f->nx && f->ny &&
                  f->label_out && f->lx && f->ly && f->lw && f->stack_of && f->panels
              ? HS_OK
              : HS_ENOMEM;
    if (!err) err = select_elements(f);
    if (!err) err = make_panels(f);
    if (!err) err = survey(f);
    /* The title: the option's, else the graph's name and the years. */
    if (!err && o->title) {
        err = hs_buf_puts(&f->title, o->title);
    } else if (!err) {
        const char *name = hs_model_name(f->m) ? hs_model_name(f->m) : f->file;
        if (!f->years)
            err = hs_buf_printf(&f->title, "%s, all years", name);
        else if (f->npanels == 1)
            err = hs_buf_printf(&f->title, "%s, %d", name, f->years[0]);
        else
            err = hs_buf_printf(&f->title, "%s, %d to %d", name, f->years[0], f->years[f->npanels - 1]);
    }
    if (!err) err = rd_mechanism_styles(f);
    if (!err) {
        metrics_init(f);
        err = rd_layout(f, engine);
    }
    return err;
}

hs_error rd_render(const hs_model *model, const int *years, size_t year_count, const hs_render_options *options,
                   hs_render_format format, char **out, size_t *out_len, rd_frame *frame) {
    hs_render_options def;
    hs_render_options_init(&def);
    const hs_render_options *o = options ? options : &def;
    if (format == HS_RENDER_UNKNOWN) return hs_error_set(HS_EARG, "no output format");
    rd_figure f;
    memset(&f, 0, sizeof f);
    hs_buf dot = {0};
    hs_error err = figure_build(&f, model, years, year_count, o);
    if (!err) err = rd_figure_dot(&f, format == HS_RENDER_PNG ? (o->dpi > 0 ? o->dpi : HS_RENDER_DPI) : 0, &dot);
    if (!err && frame) *frame = f.fr;
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

hs_error hs_render_figure(const hs_model *model, const int *years, size_t year_count, const hs_render_options *options,
                          hs_render_format format, char **out, size_t *out_len) {
    return rd_render(model, years, year_count, options, format, out, out_len, NULL);
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
