/** @file
 * Figures of alliance systems, one panel per year.
 *
 * hubspoke writes a styled DOT figure itself at its final size (roles as
 * node styles, tie kinds as edge styles, mechanisms as boxes joined to their
 * members or as surfaces, a legend, a caption per panel with the year and
 * the indices K, U, C of metrics.h) and hands it to
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
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The format of a figure. */
typedef enum hs_render_format {
    HS_RENDER_UNKNOWN = 0, /**< no format */
    HS_RENDER_SVG,         /**< SVG */
    HS_RENDER_PNG,         /**< PNG */
    HS_RENDER_PDF,         /**< PDF */
    HS_RENDER_DOT          /**< the styled, positioned DOT itself */
} hs_render_format;

/** The format an output name's extension implies (.svg, .png, .pdf, .gv,
 * .dot; case-insensitive), else ::HS_RENDER_UNKNOWN. */
HS_API hs_render_format hs_render_format_from_path(const char *path);

/** State labels (docs/render.md, "Labels"). */
typedef enum hs_render_labels {
    HS_LABELS_ID = 0, /**< the id inside the circle, beside it when it does not fit */
    HS_LABELS_NAME,   /**< the file's `label` (the state's name, else its id) beside the circle */
    HS_LABELS_NONE    /**< no state label (names stay in the SVG's tooltips) */
} hs_render_labels;

/** How mechanisms are drawn (docs/render.md, "Mechanisms"). */
typedef enum hs_render_mechanisms {
    HS_MECHANISMS_AUTO = 0, /**< surfaces, unless two mechanisms drawn in one panel share two or more members */
    HS_MECHANISMS_NODES,    /**< boxes joined to their members (two-mode); the same members share a stack */
    HS_MECHANISMS_SURFACES  /**< shaded surfaces over their members */
} hs_render_mechanisms;

/** How to draw. Fill with hs_render_options_init(), then set fields. */
typedef struct hs_render_options {
    const char *hub;                /**< NULL: inferred per year (docs/schema.md, "Roles") */
    const hs_codebook *codebook;    /**< NULL: the built-in codebook (for K, U, C) */
    const char *engine;             /**< the union's layout: "neato" (NULL), "fdp", "dot", "circo" */
    const char *const *focus;       /**< state ids to draw, or NULL for every state */
    size_t focus_count;             /**< the number of ids in focus */
    const char *mechanism;          /**< draw this mechanism's members only, or NULL */
    int ghosts;                     /**< 1: inactive states, ties and mechanisms drawn faint */
    const char *title;              /**< NULL: the graph's name and the years; "": no title */
    /** The figure's width in points (1 in = 72 pt), from ::HS_RENDER_WIDTH_MIN
     * to ::HS_RENDER_WIDTH_MAX: the SVG and PDF are that wide and every text
     * is set at its stated size at that width. 0: as wide as the panels need
     * at their natural size. */
    double width;
    double font_size;               /**< points at the figure's size; 0: ::HS_RENDER_FONT_SIZE */
    hs_render_labels labels;        /**< how states are labelled */
    hs_render_mechanisms mechanisms;/**< how mechanisms are drawn */
    int greyscale;                  /**< 1: every colour as the grey of its luminance */
    size_t rows;                    /**< the panels' grid: rows (0, with cols 0: chosen to fit) */
    size_t cols;                    /**< the panels' grid: columns */
    double dpi;                     /**< a PNG's resolution, 36 to 1200; 0: ::HS_RENDER_DPI */
    /** Lay the states out on the union of these years' systems as well as of
     * the panels' (NULL: the panels' only), so that figures of different
     * years drawn with the same list share one layout. */
    const int *layout_years;
    size_t layout_year_count;       /**< the number of years in layout_years */
} hs_render_options;

#define HS_RENDER_FONT_SIZE 9.0     /**< the default type size, points */
#define HS_RENDER_FONT_MIN 4.0      /**< the smallest font_size accepted */
#define HS_RENDER_FONT_MAX 36.0     /**< the largest font_size accepted */
#define HS_RENDER_DPI 192.0         /**< a PNG's default resolution */
#define HS_RENDER_WIDTH_MIN 144.0   /**< 2 in: narrower figures are refused */
#define HS_RENDER_WIDTH_MAX 14400.0 /**< 200 in */

/** The defaults: every state, neato, no ghosts, the default title, the
 * natural width, ::HS_RENDER_FONT_SIZE, ids, mechanisms ::HS_MECHANISMS_AUTO,
 * colour, the grid chosen to fit. */
HS_API void hs_render_options_init(hs_render_options *options);

/** A physical length: a number and a unit, "6.5in", "16.5cm", "165mm",
 * "468pt" (no space; the unit is required), into *points. ::HS_EARG with a
 * message naming `text` when it is not one; *points is then unchanged. */
HS_API hs_error hs_render_parse_length(const char *text, double *points);

/** A grid "RxC", R rows by C columns, each from 1 to 64 (e.g. "3x1").
 * ::HS_EARG otherwise. */
HS_API hs_error hs_render_parse_grid(const char *text, size_t *rows, size_t *cols);

/** "id", "name" or "none" into *labels; ::HS_EARG for any other text. */
HS_API hs_error hs_render_parse_labels(const char *text, hs_render_labels *labels);

/** "auto", "nodes" or "surfaces" into *mechanisms; ::HS_EARG for any other text. */
HS_API hs_error hs_render_parse_mechanisms(const char *text, hs_render_mechanisms *mechanisms);

/** The colour mechanism vertex `vertex` of `model` has in every figure drawn
 * from that file, derived from its id and its years (docs/render.md,
 * "Colours"): "#rrggbb" into colour, and into *pattern (may be NULL) its
 * line pattern, 0 solid, 1 dashed, 2 dotted, the second channel once the
 * palette's colours are taken. `greyscale` as the option. ::HS_EARG when the
 * vertex is not a mechanism. */
HS_API hs_error hs_render_mechanism_colour(const hs_model *model, size_t vertex, int greyscale, char colour[8],
                                           int *pattern);

/** Is `engine` one the union may be laid out with (neato, fdp, dot, circo)? */
HS_API int hs_render_engine_known(const char *engine);

/** Draw `model` in the years years[0 .. year_count-1], one panel each, in the
 * grid of the options (by default as many to a row, at most four in even
 * rows, as the width leaves room for). year_count = 0 draws one panel of the
 * whole file, whatever its dates. On success *out holds the bytes of the
 * figure in `format` (NUL-terminated; the caller frees it with free()) and
 * *out_len their number.
 * Errors: ::HS_EARG for an unknown engine, a focus or mechanism id that
 * names no state or mechanism, an option out of range (width, font size, a
 * grid with fewer cells than panels), a width too narrow for the panels at
 * the type size; ::HS_EINPUT when a panel's year has nothing active among
 * the states drawn; ::HS_EHELPER when the helper cannot run or crashes. */
HS_API hs_error hs_render_figure(const hs_model *model, const int *years, size_t year_count,
                          const hs_render_options *options, hs_render_format format, char **out,
                          size_t *out_len);

/** hs_render_figure written to `path` in the format its extension names,
 * atomically: on any failure no file (and no temporary file) is left. */
HS_API hs_error hs_render_file(const hs_model *model, const int *years, size_t year_count,
                        const hs_render_options *options, const char *path);

#ifdef __cplusplus
}
#endif

#endif
