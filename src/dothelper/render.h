/* Layout and drawing with Graphviz's gvc for `hubspoke-dot render`; see
 * docs/dot-helper.md. */
#ifndef HS_DOTHELPER_RENDER_H
#define HS_DOTHELPER_RENDER_H

#include <cgraph.h>

#include "text.h"

/* Is `format` one render writes (svg, png, pdf, json, dot)? */
int hs_dot_format_known(const char *format);
/* Is `engine` one of the layout engines render accepts? */
int hs_dot_engine_known(const char *engine);

/* Lays g out with `engine` and appends the drawing in `format` to out.
 * Returns 0, or -1 with a reason appended to err when one is known (else
 * Graphviz reported it through agerr). */
int hs_dot_render(Agraph_t *g, const char *engine, const char *format, buf_t *out, buf_t *err);

#endif
