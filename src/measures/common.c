/* Argument checks shared by the measures. */
#include <math.h>

#include "core/internal.h"
#include "measures/measures_internal.h"

hs_error hs_mi_check_edge_values(const igraph_t *g, const igraph_vector_t *values,
                                 const char *func, const char *what) {
    if (!values) return HS_OK;
    igraph_integer_t m = igraph_ecount(g);
    if (igraph_vector_size(values) != m) {
        return hs_error_set(HS_EARG, "%s: %s has %" IGRAPH_PRId " entries for %" IGRAPH_PRId " edges",
                            func, what, igraph_vector_size(values), m);
    }
    for (igraph_integer_t e = 0; e < m; e++) {
        double x = VECTOR(*values)[e];
        if (!isfinite(x) || x < 0) {
            return hs_error_set(HS_EARG, "%s: %s of edge %" IGRAPH_PRId " is %g, not a finite value >= 0",
                                func, what, e, x);
        }
    }
    return HS_OK;
}

hs_error hs_mi_check_vertex_set(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                const char *func) {
    if (!in_set) return hs_error_set(HS_EARG, "%s: no vertex set given", func);
    if (igraph_vector_bool_size(in_set) != igraph_vcount(g)) {
        return hs_error_set(HS_EARG, "%s: vertex set has %" IGRAPH_PRId " entries for %" IGRAPH_PRId " vertices",
                            func, igraph_vector_bool_size(in_set), igraph_vcount(g));
    }
    return HS_OK;
}
