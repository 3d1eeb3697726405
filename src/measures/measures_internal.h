/* Helpers shared by the measures (not installed). */
#ifndef HS_MEASURES_INTERNAL_H
#define HS_MEASURES_INTERNAL_H

#include <igraph.h>

#include "hubspoke/error.h"

/* Checks a per-edge value vector (weights, capacities, lengths): NULL is
 * accepted; otherwise it needs one finite, non-negative value per edge.
 * `func` and `what` name the caller and the argument in the message. */
hs_error hs_mi_check_edge_values(const igraph_t *g, const igraph_vector_t *values,
                                 const char *func, const char *what);

/* Checks that a vertex-set indicator has one entry per vertex. */
hs_error hs_mi_check_vertex_set(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                const char *func);

/* The value of edge e in `values`, 1 when values is NULL. */
static inline double hs_mi_edge_value(const igraph_vector_t *values, igraph_integer_t e) {
    return values ? VECTOR(*values)[e] : 1.0;
}

#endif
