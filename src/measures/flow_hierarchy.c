/* Luo & Magee's flow hierarchy; see measures.h. */
#include <math.h>

#include "core/internal.h"
#include "hubspoke/measures.h"

static igraph_error_t flow_hierarchy(const igraph_t *g, double *h) {
    igraph_integer_t m = igraph_ecount(g);
    igraph_vector_int_t scc;

    *h = NAN;
    if (m == 0) return IGRAPH_SUCCESS;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&scc, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &scc, NULL, NULL, IGRAPH_STRONG));
    /* An arc lies on a directed cycle iff both ends share a strong
     * component; a loop is a cycle by itself. */
    igraph_integer_t cyclic = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        if (VECTOR(scc)[IGRAPH_FROM(g, e)] == VECTOR(scc)[IGRAPH_TO(g, e)]) cyclic++;
    }
    *h = 1.0 - (double)cyclic / (double)m;
    igraph_vector_int_destroy(&scc);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

hs_error hs_flow_hierarchy(const igraph_t *g, double *h) {
    if (!g || !h) return hs_error_set(HS_EARG, "flow hierarchy: NULL argument");
    if (!igraph_is_directed(g)) return hs_error_set(HS_EARG, "flow hierarchy: the graph must be directed");
    HS_IGRAPH(flow_hierarchy(g, h), "flow hierarchy");
    return HS_OK;
}
