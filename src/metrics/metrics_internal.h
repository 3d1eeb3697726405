/* Shared pieces of the metrics modules (not installed). */
#ifndef HS_METRICS_INTERNAL_H
#define HS_METRICS_INTERNAL_H

#include "core/internal.h"
#include "hubspoke/metrics.h"

static inline int hs_in_system(const hs_view *v, size_t s) {
    hs_role r = hs_view_state_role(v, s);
    return r == HS_ROLE_HUB || r == HS_ROLE_ALLY;
}

/* res[s] = 1 for the hub and the allies. res must be initialised. */
hs_error hs_system_mask(const hs_view *view, igraph_vector_bool_t *res);

/* A tie's part in K: 1 a hub-ally tie, 2 an ally-ally tie in a mechanism the
 * hub belongs to, 3 any other ally-ally tie, 0 none. */
int hs_tie_coordination(const hs_view *view, const hs_tie *t);
/* Depth of hub-ally ties, and of ally-ally ties with and without the hub's
 * coordination (inside a mechanism the hub belongs to, or not). */
void hs_coordination_weights(const hs_view *view, double *hub, double *coordinated, double *bare);
/* Depth of the allies' dependence arcs to the hub, and to the hub or other allies. */
void hs_dependence_weights(const hs_view *view, double *to_hub, double *to_system);
/* The arcs of tie t that count in U: those that leave an ally for the hub or
 * another ally (a mutual tie has two candidates). from[i] is the ally,
 * to_hub[i] whether the arc goes to the hub and weight[i] its weight in D;
 * returns how many (0, 1 or 2). */
int hs_tie_dependence_arcs(const hs_view *view, const hs_tie *t, size_t from[2], int to_hub[2], double weight[2]);
/* A tie's part in C: 1 inside the system, -1 across its boundary, 0 outside it. */
int hs_tie_boundary(const hs_view *view, const hs_tie *t);
/* part / whole, NaN for a whole of 0. */
double hs_share(double part, double whole);

#endif
