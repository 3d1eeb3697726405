/** @file
 * Figures of alliance systems, one panel per year.
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

/** How to draw. Fill with hs_render_options_init(), then set fields. */
typedef struct hs_render_options {
    const char *hub;                /**< NULL: inferred per year (docs/schema.md, "Roles") */
    const hs_codebook *codebook;    /**< NULL: the built-in codebook (for K, U, C) */
    const char *engine;             /**< the union's layout: "neato" (NULL), "fdp", "dot", "circo" */
    const char *const *focus;       /**< state ids to draw, or NULL for every state */
    size_t focus_count;             /**< the number of ids in focus */
    const char *mechanism;          /**< draw this mechanism's members only, or NULL */
    int ghosts;                     /**< 1: inactive states, ties and mechanisms drawn faint */
    const char *title;              /**< NULL: the graph's name and the years */
} hs_render_options;

/** The defaults: every state, neato, no ghosts, the default title. */
HS_API void hs_render_options_init(hs_render_options *options);

/** Is `engine` one the union may be laid out with (neato, fdp, dot, circo)? */
HS_API int hs_render_engine_known(const char *engine);

/** Draw `model` in the years years[0 .. year_count-1], one panel each, side by
 * side, at most four to a row in even rows. year_count = 0 draws one panel of the whole file,
 * whatever its dates. On success *out holds the bytes of the figure in
 * `format` (NUL-terminated; the caller frees it with free()) and *out_len their number.
 * Errors: HS_EARG for an unknown engine, a focus or mechanism id that names
 * no state or mechanism, HS_EINPUT when a panel's year has nothing active
 * among the states drawn, HS_EHELPER when the helper cannot run or crashes. */
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
