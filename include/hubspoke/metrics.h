/** @file
 * The measures of an alliance system and its three indices.
 *
 * Every function takes a view (view.h) and fills caller-initialised outputs;
 * definitions, formulas and sources are in docs/metrics.md. States are the
 * view's state indices. A value undefined for the input (a hub-based measure
 * without a hub, a share of nothing) is NaN, printed as null.
 */
#ifndef HUBSPOKE_METRICS_H
#define HUBSPOKE_METRICS_H

#include <igraph.h>
#include <stdint.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/measures.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- per state, on the security graph ---------------------------------------- */

/** Each state's number of tied states (binary degree of the security graph). */
HS_API hs_error hs_state_degree(const hs_view *view, igraph_vector_t *res);
/** Each state's summed depth of ties (weighted degree). */
HS_API hs_error hs_state_strength(const hs_view *view, igraph_vector_t *res);
/** Raw (unnormalised) betweenness, tie length = 1 / depth. */
HS_API hs_error hs_state_betweenness(const hs_view *view, igraph_vector_t *res);
/** Wasserman-Faust closeness, tie length = 1 / depth. */
HS_API hs_error hs_state_closeness(const hs_view *view, igraph_vector_t *res);
/** Both of the above from one shortest-path search per state (either may be
 * NULL): what to call when both are wanted. */
HS_API hs_error hs_state_path_centralities(const hs_view *view, igraph_vector_t *betweenness,
                                           igraph_vector_t *closeness);
/** Eigenvector centrality, maximum 1. */
HS_API hs_error hs_state_eigenvector(const hs_view *view, igraph_vector_t *res);
/** Burt's constraint; NaN for a state without ties. */
HS_API hs_error hs_state_constraint(const hs_view *view, igraph_vector_t *res);
/** An ally's one-way dependence: the depth of its dependence arcs to the hub
 * over those to the hub or any ally (U for one ally); NaN for the others. */
HS_API hs_error hs_state_hub_dependence(const hs_view *view, igraph_vector_t *res);
/** Gould-Fernandez brokerage with roles as groups: a state_count x
 * ::HS_BROKER_ROLES matrix. */
HS_API hs_error hs_state_brokerage(const hs_view *view, igraph_matrix_t *res);

/* ---- the three indices, each in [0, 1] (docs/metrics.md, "Indices") ---------- */

/** The three indices of a view. */
typedef struct hs_indices {
    double coordination;      /**< K */
    double unidirectionality; /**< U */
    double closedness;        /**< C */
} hs_indices;

/** The three indices alone: linear in the number of ties, for callers that
 * compare many views (a mechanism's own contribution, periods). */
HS_API hs_error hs_indices_compute(const hs_view *view, hs_indices *res);

/* ---- hub coordination ------------------------------------------------------------ */

/** The measures of hub coordination (docs/metrics.md, "Coordination"). */
typedef struct hs_coordination {
    double degree_centralization;      /**< Freeman, binary degree */
    double betweenness_centralization; /**< Freeman, raw weighted betweenness */
    int hub_articulation_point;        /**< 1, 0, or -1 without a hub */
    double hub_only_ally_pairs;        /**< share of ally pairs only the hub connects */
    double hub_tie_weight;             /**< depth of hub-ally ties */
    double coordinated_ally_weight;    /**< ally-ally depth inside mechanisms with the hub */
    double bare_ally_weight;           /**< other ally-ally depth */
    double hub_brokered_closure;       /**< coordinated / (coordinated + bare) */
    double hub_brokerage[HS_BROKER_ROLES]; /**< the hub's brokerage counts by role (NaN without a hub) */
} hs_coordination;
/** Compute the measures of hub coordination. `betweenness`: the states' betweenness when the caller already has it
 * (hs_state_betweenness), so that it is not computed twice; else NULL. */
HS_API hs_error hs_coordination_compute(const hs_view *view, const igraph_vector_t *betweenness,
                                        hs_coordination *res);

/* ---- unidirectionality, on the system's dependence digraph ---------------------- */

/** The measures of unidirectionality (docs/metrics.md, "Unidirectionality"). */
typedef struct hs_unidirectionality {
    double reciprocity;          /**< arc reciprocity of the system's dependence digraph */
    hs_krackhardt krackhardt;    /**< on the authority digraph: the dependence arcs reversed */
    double flow_hierarchy;       /**< of the system's dependence digraph */
    double hub_dependence_share; /**< = U */
} hs_unidirectionality;
/** Compute the measures of unidirectionality. */
HS_API hs_error hs_unidirectionality_compute(const hs_view *view, hs_unidirectionality *res);

/* ---- closedness ------------------------------------------------------------------- */

/** The measures of closedness (docs/metrics.md, "Closedness"). Holds igraph
 * vectors: hs_closedness_init() before use, hs_closedness_destroy() after. */
typedef struct hs_closedness {
    hs_ei_test ei;                      /**< E-I index of the system boundary, counted in ties */
    double conductance;                 /**< of the system set in the security graph */
    igraph_integer_t partners_tied_in;  /**< partners whose minimum cut holds a tie of their own into the system */
    igraph_vector_int_t partners;       /**< partner states, in state order */
    igraph_vector_t cut_values;         /**< minimum cut separating each partner from the system */
    igraph_vector_int_list_t cut_ties;  /**< per partner: the cut as state pairs a0 b0 a1 b1 ... */
} hs_closedness;
/** Initialise an ::hs_closedness (empty vectors, NaN values). */
HS_API hs_error hs_closedness_init(hs_closedness *res);
/** Free the vectors of an ::hs_closedness. */
HS_API void hs_closedness_destroy(hs_closedness *res);
/** Compute the measures of closedness into an initialised `res`.
 * `permutations` = 0 skips the permutation test (p_closed and expected NaN). */
HS_API hs_error hs_closedness_compute(const hs_view *view, igraph_integer_t permutations, uint64_t seed,
                                      hs_closedness *res);

/* ---- cut sets of the security graph ---------------------------------------------- */

/** The cut sets of the security graph. Holds igraph vectors:
 * hs_cutsets_init() before use, hs_cutsets_destroy() after. */
typedef struct hs_cutsets {
    igraph_vector_int_t articulation_points; /**< states, ascending */
    igraph_vector_int_t bridges;             /**< state pairs a0 b0 a1 b1 ..., a < b */
    igraph_integer_t vertex_connectivity;    /**< the minimum number of states whose removal disconnects the graph */
    igraph_vector_int_list_t separators;     /**< every minimum-size vertex separator */
} hs_cutsets;
/** Initialise an ::hs_cutsets (empty). */
HS_API hs_error hs_cutsets_init(hs_cutsets *res);
/** Free the vectors of an ::hs_cutsets. */
HS_API void hs_cutsets_destroy(hs_cutsets *res);
/** Compute the cut sets into an initialised `res`. */
HS_API hs_error hs_cutsets_compute(const hs_view *view, hs_cutsets *res);

#ifdef __cplusplus
}
#endif
#endif
