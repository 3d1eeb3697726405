/* hubspoke: figures of alliance systems, one panel per year.
 *
 * hubspoke writes a styled DOT figure itself (roles as node styles, tie kinds
 * as edge styles, mechanisms as shaded surfaces, a legend, a caption per
 * panel with the year and the indices K, U, C of metrics.h) and hands it to
 * the hubspoke-dot helper, which lays it out and draws it with Graphviz
 * (docs/dot-helper.md): libhubspoke never links Graphviz. The visual encoding
 * is documented in docs/render.md.
 *
 * Every panel shares one layout: the union of the panels is laid out once,
 * and each panel pins its states to those positions.
 */
#ifndef HUBSPOKE_RENDER_H
#define HUBSPOKE_RENDER_H

#include <stddef.h>

#include "hubspoke/codebook.h"
#include "hubspoke/error.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hs_render_format {
    HS_RENDER_UNKNOWN = 0,
    HS_RENDER_SVG,
    HS_RENDER_PNG,
    HS_RENDER_PDF,
    HS_RENDER_DOT /* the styled, positioned DOT itself */
} hs_render_format;

/* The format an output name's extension implies (.svg, .png, .pdf, .gv,
 * .dot; case-insensitive), else HS_RENDER_UNKNOWN. */
hs_render_format hs_render_format_from_path(const char *path);

/* State labels: the id inside the circle (outside when it does not fit), the
 * file's `label` (the state's name, else its id) beside the circle, or none. */
typedef enum hs_render_labels { HS_LABELS_ID = 0, HS_LABELS_NAME, HS_LABELS_NONE } hs_render_labels;

/* How mechanisms are drawn (docs/render.md, "Mechanisms"): as small nodes
 * joined to their members (a two-mode drawing; mechanisms with the same
 * members share one stack), as shaded surfaces over their members, or
 * `auto`: surfaces unless two mechanisms drawn in one panel share two or more
 * members, where surfaces overlap and can no longer be told apart. */
typedef enum hs_render_mechanisms {
    HS_MECHANISMS_AUTO = 0,
    HS_MECHANISMS_NODES,
    HS_MECHANISMS_SURFACES
} hs_render_mechanisms;

typedef struct hs_render_options {
    const char *hub;                /* NULL: inferred per year (docs/schema.md, "Roles") */
    const hs_codebook *codebook;    /* NULL: the built-in codebook (for K, U, C) */
    const char *engine;             /* the union's layout: "neato" (NULL), "fdp", "dot", "circo" */
    const char *const *focus;       /* state ids to draw, or NULL for every state */
    size_t focus_count;
    const char *mechanism;          /* draw this mechanism's members only, or NULL */
    int ghosts;                     /* 1: inactive states, ties and mechanisms drawn faint */
    const char *title;              /* NULL: the graph's name and the years; "": no title */
    /* The figure's width in points (1 in = 72 pt): the SVG and PDF are that
     * wide and every text is set at its stated size at that width. 0: as
     * wide as the panels need at their natural size. */
    double width;
    double font_size;               /* points at the figure's size; 0: HS_RENDER_FONT_SIZE */
    hs_render_labels labels;
    hs_render_mechanisms mechanisms;
    int greyscale;                  /* 1: every colour as its grey (same luminance) */
    size_t rows, cols;              /* the panels' grid; 0, 0: chosen to fit (at most four to a row) */
    double dpi;                     /* PNG resolution; 0: HS_RENDER_DPI */
    /* Lay the states out on the union of these years' systems as well as of
     * the panels' (NULL: the panels' only), so that figures of different
     * years drawn with the same list share one layout. */
    const int *layout_years;
    size_t layout_year_count;
} hs_render_options;

#define HS_RENDER_FONT_SIZE 9.0     /* points */
#define HS_RENDER_FONT_MIN 4.0      /* smallest font_size accepted */
#define HS_RENDER_FONT_MAX 36.0
#define HS_RENDER_DPI 192.0
#define HS_RENDER_WIDTH_MIN 144.0   /* 2 in: narrower figures are refused */
#define HS_RENDER_WIDTH_MAX 14400.0 /* 200 in */

/* Every state, neato, no ghosts, default title, natural width, 9 pt, ids,
 * mechanisms `auto`, colour, grid chosen to fit. */
hs_render_options hs_render_options_default(void);

/* A physical length: a number and a unit, "6.5in", "16.5cm", "165mm",
 * "468pt" (no space; the unit is required). *points receives it in points.
 * HS_EARG with a message naming `text` when it is not one. */
hs_error hs_render_parse_length(const char *text, double *points);

/* A grid "RxC" (rows x columns, each 1..64, e.g. "3x1"). HS_EARG otherwise. */
hs_error hs_render_parse_grid(const char *text, size_t *rows, size_t *cols);

/* "id", "name", "none" -> *labels; "auto", "nodes", "surfaces" -> *mechanisms.
 * HS_EARG for any other name. */
hs_error hs_render_parse_labels(const char *text, hs_render_labels *labels);
hs_error hs_render_parse_mechanisms(const char *text, hs_render_mechanisms *mechanisms);

/* The colour of mechanism vertex `vertex` of `model` in every figure of that
 * file: "#rrggbb" into buf (8 bytes), and its line pattern (0 solid, 1 dashed,
 * 2 dotted: the second channel once the palette's colours are taken). Derived
 * from the mechanism's id (docs/render.md, "Colours"); `greyscale` as the
 * option. HS_EARG when the vertex is not a mechanism. */
hs_error hs_render_mechanism_colour(const hs_model *model, size_t vertex, int greyscale, char buf[8],
                                    int *pattern);

/* Is `engine` one the union may be laid out with (neato, fdp, dot, circo)? */
int hs_render_engine_known(const char *engine);

/* Draw `model` in the years years[0 .. year_count-1], one panel each, in the
 * grid of the options (by default at most four to a row in even rows, fewer
 * when the width leaves the panels too little room). year_count = 0 draws
 * one panel of the whole file, whatever its dates. On success *out holds the bytes of the figure in
 * `format` (NUL-terminated; caller frees) and *out_len their number.
 * Errors: HS_EARG for an unknown engine, a focus or mechanism id that names
 * no state or mechanism, an option out of range (width, font size, a grid
 * with fewer cells than panels), HS_EINPUT when a panel's year has nothing active
 * among the states drawn, HS_EHELPER when the helper cannot run or crashes. */
hs_error hs_render_figure(const hs_model *model, const int *years, size_t year_count,
                          const hs_render_options *options, hs_render_format format, char **out,
                          size_t *out_len);

/* hs_render_figure written to `path` in the format its extension names,
 * atomically: on any failure no file (and no temporary file) is left. */
hs_error hs_render_file(const hs_model *model, const int *years, size_t year_count,
                        const hs_render_options *options, const char *path);

#ifdef __cplusplus
}
#endif

#endif
