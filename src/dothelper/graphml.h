/* DOT graph (cgraph) to hubspoke's GraphML form; see docs/dot-helper.md. */
#ifndef HS_DOTHELPER_GRAPHML_H
#define HS_DOTHELPER_GRAPHML_H

#include <cgraph.h>

#include "text.h"

/* Appends root graph g as a complete GraphML document to out. Returns 0, or
 * -1 with the reason (without the file name) appended to err; out then holds
 * a partial document that must not be written. */
int hs_dot_to_graphml(Agraph_t *g, buf_t *out, buf_t *err);

/* A subgraph whose name starts with "cluster": a mechanism (rule 4). */
int hs_dot_is_cluster(Agraph_t *sg);

#endif
