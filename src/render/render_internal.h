/* Internals of the figures (render.h): shared by the selection and entry
 * points (render.c), the union layout (layout.c), the figure's DOT (draw.c),
 * colours and text metrics (style.c) and the report (report.c). */
#ifndef HS_RENDER_INTERNAL_H
#define HS_RENDER_INTERNAL_H

#include <stddef.h>

#include "core/internal.h"
#include "hubspoke/metrics.h"
#include "hubspoke/render.h"
#include "hubspoke/view.h"

/* The figures' typeface: Helvetica or a font with its widths (Arial,
 * Liberation Sans, Nimbus Sans), as the SVG's font-family and as the family
 * Graphviz's pango measures and draws with. Graphviz maps the PostScript
 * name "Helvetica" alone to a font that may have other widths. */
#define RD_FONT "Helvetica,Arial,sans-serif"

/* Points, Graphviz's y axis pointing up. */
typedef struct rd_pt {
    double x, y;
} rd_pt;

/* Every length of the figure, derived from the font size F so that a figure
 * drawn at F is the same picture at any F, only larger or smaller
 * (docs/render.md, "Size and text"). */
typedef struct rd_metrics {
    double font;        /* F: every text but the title and the years */
    double state_d;     /* a state's circle */
    double mech_h;      /* a mechanism's box */
    double margin;      /* room around the outermost states */
    double caption_h;   /* the year and K, U, C under each panel */
    double gap;         /* between panels */
    double title_h;
    double row;         /* one line of the legend */
    double hull_pad, hull_step;
    double spread_gap;  /* tied states at least this far apart, edge to edge */
    double len;         /* the layout's spring length */
} rd_metrics;

typedef struct rd_mstyle {
    char fill[8], text[8]; /* "#rrggbb" */
    int pattern;           /* 0 solid, 1 dashed, 2 dotted */
} rd_mstyle;

/* Mechanisms whose members are the same in the union share a stack: one box
 * per mechanism, one above the other, and one set of spokes. Drawn as
 * surfaces, every mechanism is a stack of its own. */
typedef struct rd_stack {
    size_t *mech;       /* mechanism vertices, top to bottom */
    size_t count;
    double x, y;        /* the stack's centre */
    double w;           /* its boxes' width */
} rd_stack;

typedef struct rd_panel {
    hs_view *view;
    hs_indices indices;
} rd_panel;

typedef struct rd_frame {
    double gap;         /* between panels and around the grid */
    double pw, ph;      /* one panel */
    double W, H;        /* the figure */
    double title_h;
    size_t cols, rows;
    int legend_where;   /* RD_LEGEND_RIGHT, _BELOW or _CELL */
    double lx, ly, lw;  /* the legend's top left corner and width */
    double lh;          /* its height */
    size_t lcols;       /* its columns */
} rd_frame;
enum { RD_LEGEND_RIGHT = 0, RD_LEGEND_BELOW, RD_LEGEND_CELL };

typedef struct rd_figure {
    const hs_model *m;
    const hs_render_options *opt;
    const char *file;
    size_t nv, ne;
    rd_metrics k;
    unsigned char *drawn;         /* per vertex: a state or mechanism of the figure */
    unsigned char *in_union;      /* per vertex: active in some panel or layout year */
    unsigned char *edge_in_union;
    unsigned char *in_panels;     /* per vertex: active in some panel drawn */
    rd_mstyle *mstyle;            /* per mechanism vertex */
    const char **focus;           /* ids of the states drawn, NULL for all */
    size_t focus_count;
    double *x, *y;                /* the union layout, per vertex */
    double *nx, *ny;              /* the states' natural layout, before fitting */
    unsigned char *label_out;     /* per state: its label beside the circle */
    double *lx, *ly, *lw;         /* that label's centre and width */
    long *stack_of;               /* per mechanism vertex: its stack, or -1 */
    rd_stack *stacks;
    size_t nstacks;
    int nodes;                    /* 1: mechanisms as nodes, 0: as surfaces */
    int maxrank;                  /* surfaces: the most nested inside one another */
    double minx, miny, maxx, maxy;/* the union's extent */
    const int *years;             /* the panels' years, NULL: one panel of every year */
    size_t npanels;
    rd_panel *panels;             /* npanels drawn, then the layout years' */
    size_t nviews;
    unsigned char present_role[HS_ROLE_COUNT];
    unsigned char present_kind[HS_KIND_COUNT + 1];
    int any_mechanism, any_ghost, any_arrow, any_stack;
    rd_frame fr;
    hs_buf title;                 /* the title ("" for none) */
} rd_figure;

/* style.c */
double rd_text_width(const char *s, double size, int bold);
size_t rd_wrap(const char *text, double size, double max_width, hs_buf *out, double *widest, hs_error *err);
double rd_luminance(const char *hex);
const char *rd_text_on(double luminance);
void rd_line_colour(const char *hex, char out[8]);
hs_error rd_put_colour(const rd_figure *f, hs_buf *b, const char *colour);
hs_error rd_mechanism_styles(rd_figure *f);
const char *rd_pattern_style(int pattern);

/* layout.c */
hs_error rd_layout(rd_figure *f, const char *engine);
int rd_vertex_active(const hs_view *v, size_t i);
/* How many members mechanisms a and b (view indices) of v share. */
int rd_shared_members(const hs_view *v, size_t a, size_t b);
int rd_state_label_shown(const rd_figure *f, size_t i);
const char *rd_state_label(const rd_figure *f, size_t i);
double rd_stack_height(const rd_figure *f, const rd_stack *s);

/* render.c: a figure's drawing in `format` and its frame, for the report. */
hs_error rd_render(const hs_model *model, const int *years, size_t year_count, const hs_render_options *options,
                   hs_render_format format, char **out, size_t *out_len, rd_frame *frame);

/* draw.c */
/* Panel p's lower left corner in Graphviz's points (y up). */
void rd_panel_origin(const rd_frame *fr, size_t p, double *ox, double *oy);
/* The legend's size with its entries in `cols` columns `col_width` wide. */
hs_error rd_legend_size(const rd_figure *f, double col_width, size_t cols, double *w, double *h);
/* The widest line of indices a panel's caption has. */
double rd_caption_width(const rd_figure *f);
/* The figure as DOT for the nop2 engine; dpi > 0 sets a PNG's resolution. */
hs_error rd_figure_dot(rd_figure *f, double dpi, hs_buf *out);

#endif
