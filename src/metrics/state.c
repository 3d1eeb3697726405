/* Per-state measures on the security graph (docs/metrics.md, "Per state"). */
#include "metrics/metrics_internal.h"

hs_error hs_state_degree(const hs_view *v, igraph_vector_t *res) {
    igraph_vector_int_t d;
    HS_IGRAPH(igraph_vector_int_init(&d, 0), "degree");
    igraph_error_t e = igraph_degree(hs_view_security_graph(v), &d, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
    if (!e) e = igraph_vector_resize(res, igraph_vector_int_size(&d));
    for (igraph_integer_t i = 0; !e && i < igraph_vector_int_size(&d); i++) VECTOR(*res)[i] = (double)VECTOR(d)[i];
    igraph_vector_int_destroy(&d);
    return hs_from_igraph(e, "degree");
}

hs_error hs_state_strength(const hs_view *v, igraph_vector_t *res) {
    HS_IGRAPH(igraph_strength(hs_view_security_graph(v), res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS,
                              hs_view_security_weights(v)),
              "strength");
    return HS_OK;
}

/* Path measures need lengths: a deeper tie is a shorter path; the view gives
 * them (docs/metrics.md, "Depth and amount"). */
hs_error hs_state_path_centralities(const hs_view *v, igraph_vector_t *betweenness, igraph_vector_t *closeness) {
    return hs_path_centralities(hs_view_security_graph(v), hs_view_security_lengths(v), betweenness, closeness);
}

hs_error hs_state_betweenness(const hs_view *v, igraph_vector_t *res) { return hs_state_path_centralities(v, res, NULL); }

hs_error hs_state_closeness(const hs_view *v, igraph_vector_t *res) { return hs_state_path_centralities(v, NULL, res); }

hs_error hs_state_eigenvector(const hs_view *v, igraph_vector_t *res) {
    return hs_eigenvector(hs_view_security_graph(v), hs_view_security_weights(v), res);
}

hs_error hs_state_constraint(const hs_view *v, igraph_vector_t *res) {
    HS_IGRAPH(igraph_constraint(hs_view_security_graph(v), res, igraph_vss_all(), hs_view_security_weights(v)),
              "constraint");
    return HS_OK;
}

hs_error hs_state_brokerage(const hs_view *v, igraph_matrix_t *res) {
    igraph_vector_int_t group;
    size_t n = hs_view_state_count(v);
    HS_IGRAPH(igraph_vector_int_init(&group, (igraph_integer_t)n), "brokerage");
    for (size_t s = 0; s < n; s++) VECTOR(group)[s] = hs_view_state_role(v, s);
    hs_error err = hs_brokerage(hs_view_security_graph(v), &group, res);
    igraph_vector_int_destroy(&group);
    return err;
}

hs_error hs_state_hub_dependence(const hs_view *v, igraph_vector_t *res) {
    size_t n = hs_view_state_count(v);
    igraph_vector_t to_system;
    HS_IGRAPH(igraph_vector_resize(res, (igraph_integer_t)n), "hub dependence");
    HS_IGRAPH(igraph_vector_init(&to_system, (igraph_integer_t)n), "hub dependence");
    igraph_vector_null(res);
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        size_t from[2];
        int hub[2];
        double w[2];
        int arcs = hs_tie_dependence_arcs(v, t, from, hub, w);
        for (int k = 0; k < arcs; k++) {
            VECTOR(to_system)[from[k]] += w[k];
            if (hub[k]) VECTOR(*res)[from[k]] += w[k];
        }
    }
    for (size_t s = 0; s < n; s++) VECTOR(*res)[s] = hs_share(VECTOR(*res)[s], VECTOR(to_system)[s]);
    igraph_vector_destroy(&to_system);
    return HS_OK;
}
