/* The three indices K, U and C, straight from the view's ties.
 * Definitions and their grounding in the paper: docs/metrics.md, "Indices". */
#include <math.h>

#include "metrics/metrics_internal.h"

hs_error hs_system_mask(const hs_view *v, igraph_vector_bool_t *res) {
    size_t n = hs_view_state_count(v);
    HS_IGRAPH(igraph_vector_bool_resize(res, (igraph_integer_t)n), "system set");
    for (size_t s = 0; s < n; s++) VECTOR(*res)[s] = hs_in_system(v, s);
    return HS_OK;
}

int hs_tie_coordination(const hs_view *v, const hs_tie *t) {
    long h = hs_view_hub(v);
    hs_role ra = hs_view_state_role(v, t->a), rb = hs_view_state_role(v, t->b);
    if ((ra == HS_ROLE_ALLY && (long)t->b == h) || (rb == HS_ROLE_ALLY && (long)t->a == h)) return 1;
    if (ra == HS_ROLE_ALLY && rb == HS_ROLE_ALLY) return t->hub_in_mechanism ? 2 : 3;
    return 0;
}

void hs_coordination_weights(const hs_view *v, double *hub, double *coordinated, double *bare) {
    *hub = *coordinated = *bare = 0.0;
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        switch (hs_tie_coordination(v, t)) {
        case 1: *hub += t->weight; break;
        case 2: *coordinated += t->weight; break;
        case 3: *bare += t->weight; break;
        default: break;
        }
    }
}

int hs_tie_dependence_arcs(const hs_view *v, const hs_tie *t, size_t from[2], int to_hub[2], double weight[2]) {
    long h = hs_view_hub(v);
    int n = 0;
    for (int dir = 0; dir < 1 + t->mutual; dir++) {
        size_t a = dir ? t->b : t->a, b = dir ? t->a : t->b;
        if (hs_view_state_role(v, a) != HS_ROLE_ALLY) continue;
        if ((long)b != h && hs_view_state_role(v, b) != HS_ROLE_ALLY) continue;
        from[n] = a;
        weight[n] = t->arc[dir];
        to_hub[n++] = (long)b == h;
    }
    return n;
}

int hs_tie_boundary(const hs_view *v, const hs_tie *t) {
    int ia = hs_in_system(v, t->a), ib = hs_in_system(v, t->b);
    return ia && ib ? 1 : ia != ib ? -1 : 0;
}

void hs_dependence_weights(const hs_view *v, double *to_hub, double *to_system) {
    *to_hub = *to_system = 0.0;
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        size_t from[2];
        int hub[2];
        double w[2];
        int n = hs_tie_dependence_arcs(v, t, from, hub, w);
        for (int k = 0; k < n; k++) {
            *to_system += w[k];
            if (hub[k]) *to_hub += w[k];
        }
    }
}

/* Ties inside the system and across its boundary, each counted by its share
 * of a relation (docs/metrics.md, "Membership without size inflation"). */
static void boundary_counts(const hs_view *v, double *internal, double *external) {
    *internal = *external = 0.0;
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        int b = hs_tie_boundary(v, t);
        if (b > 0) *internal += t->share;
        else if (b < 0) *external += t->share;
    }
}

double hs_share(double part, double whole) { return whole > 0.0 ? part / whole : NAN; }

hs_error hs_indices_compute(const hs_view *v, hs_indices *res) {
    double hub, coordinated, bare, to_hub, to_system, internal, external;
    hs_coordination_weights(v, &hub, &coordinated, &bare);
    hs_dependence_weights(v, &to_hub, &to_system);
    boundary_counts(v, &internal, &external);
    /* The hub's part in the allies' cooperation with each other: its own ties
     * with them are the spokes, measured by U, and do not enter. */
    (void)hub;
    res->coordination = hs_share(coordinated, coordinated + bare);
    res->unidirectionality = hs_share(to_hub, to_system);
    /* (1 - EI) / 2 of the E-I index in ties: the share of the system's ties that stay inside. */
    res->closedness = hs_view_hub(v) >= 0 ? hs_share(internal, internal + external) : NAN;
    return HS_OK;
}

