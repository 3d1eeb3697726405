/* The registry of measures: every number hubspoke prints, one row each, in
 * the order of a full table's columns (metrics.h). A row names the measure,
 * its kind, group, type, unit and one-line description, and points at the
 * function that computes it from a view. Those functions take what they need
 * from the view's measure context (context.c), which computes each group of
 * measures once, on first use: selecting one coordination measure costs the
 * coordination group, and the next one nothing more.
 *
 * Adding a measure is a row here, its function, and its entry in
 * docs/metrics.md (docs/HACKING.md, "Adding a measure"). */
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "metrics/metrics_internal.h"

/* ---- the measures' functions -------------------------------------------------------- */

/* Each takes its group from the context or returns its error. */
#define NEED(group, var)                                  \
    const hs_##group *var;                                \
    do {                                                  \
        hs_error need_err_ = hs_context_##group(c, &var); \
        if (need_err_) return need_err_;                  \
    } while (0)

/* A measure that is a field of its group's struct. */
#define FIELD(name, group, value)                             \
    static hs_error name(hs_measure_context *c, hs_cell *v) { \
        NEED(group, x);                                       \
        v->number = (value);                                  \
        return HS_OK;                                         \
    }

/* Indices */
FIELD(coordination, indices, x->coordination)
FIELD(unidirectionality, indices, x->unidirectionality)
FIELD(closedness, indices, x->closedness)

/* Counts */
static size_t count_role(const hs_view *view, hs_role role) {
    size_t n = 0;
    for (size_t s = 0; s < hs_view_state_count(view); s++) n += hs_view_state_role(view, s) == role;
    return n;
}
static hs_error states(hs_measure_context *c, hs_cell *v) {
    v->number = (double)hs_view_state_count(c->view);
    return HS_OK;
}
static hs_error allies(hs_measure_context *c, hs_cell *v) {
    v->number = (double)count_role(c->view, HS_ROLE_ALLY);
    return HS_OK;
}
static hs_error partners(hs_measure_context *c, hs_cell *v) {
    v->number = (double)count_role(c->view, HS_ROLE_PARTNER);
    return HS_OK;
}
static hs_error mechanisms(hs_measure_context *c, hs_cell *v) {
    v->number = (double)hs_view_mechanism_count(c->view);
    return HS_OK;
}
static hs_error ties(hs_measure_context *c, hs_cell *v) {
    v->number = (double)hs_view_tie_count(c->view);
    return HS_OK;
}

/* Hub coordination */
FIELD(degree_centralization, coordination, x->degree_centralization)
FIELD(betweenness_centralization, coordination, x->betweenness_centralization)
FIELD(hub_articulation_point, coordination, x->hub_articulation_point < 0 ? NAN : x->hub_articulation_point)
FIELD(hub_only_ally_pairs, coordination, x->hub_only_ally_pairs)
FIELD(hub_tie_weight, coordination, x->hub_tie_weight)
FIELD(coordinated_ally_weight, coordination, x->coordinated_ally_weight)
FIELD(bare_ally_weight, coordination, x->bare_ally_weight)
FIELD(hub_brokered_closure, coordination, x->hub_brokered_closure)
static hs_error hub_brokerage(hs_measure_context *c, hs_cell *v, hs_broker_role role) {
    NEED(coordination, x);
    v->number = x->hub_brokerage[role];
    return HS_OK;
}
static hs_error hub_brokerage_coordinator(hs_measure_context *c, hs_cell *v) {
    return hub_brokerage(c, v, HS_BROKER_COORDINATOR);
}
static hs_error hub_brokerage_itinerant(hs_measure_context *c, hs_cell *v) {
    return hub_brokerage(c, v, HS_BROKER_ITINERANT);
}
static hs_error hub_brokerage_gatekeeper(hs_measure_context *c, hs_cell *v) {
    return hub_brokerage(c, v, HS_BROKER_GATEKEEPER);
}
static hs_error hub_brokerage_representative(hs_measure_context *c, hs_cell *v) {
    return hub_brokerage(c, v, HS_BROKER_REPRESENTATIVE);
}
static hs_error hub_brokerage_liaison(hs_measure_context *c, hs_cell *v) {
    return hub_brokerage(c, v, HS_BROKER_LIAISON);
}

/* Unidirectionality */
FIELD(reciprocity, unidirectionality, x->reciprocity)
FIELD(krackhardt_connectedness, unidirectionality, x->krackhardt.connectedness)
FIELD(krackhardt_hierarchy, unidirectionality, x->krackhardt.hierarchy)
FIELD(krackhardt_efficiency, unidirectionality, x->krackhardt.efficiency)
FIELD(krackhardt_lub, unidirectionality, x->krackhardt.lub)
FIELD(flow_hierarchy, unidirectionality, x->flow_hierarchy)
FIELD(hub_dependence_share, unidirectionality, x->hub_dependence_share)

/* Closedness */
FIELD(ei_index, closedness, x->ei.ei)
FIELD(ei_expected, closedness, x->ei.expected)
FIELD(ei_p_closed, closedness, x->ei.p_closed)
FIELD(ei_permutations, closedness, (double)x->ei.permutations)
FIELD(conductance, closedness, x->conductance)
FIELD(partners_tied_in, closedness, (double)x->partners_tied_in)
static hs_error partner_cuts(hs_measure_context *c, hs_cell *v) {
    NEED(closedness, x);
    json_t *list = json_array();
    for (igraph_integer_t i = 0; list && i < igraph_vector_int_size(&x->partners); i++) {
        json_t *cut = json_object();
        json_object_set_new(cut, "partner", json_string(hs_view_state_id(c->view, (size_t)VECTOR(x->partners)[i])));
        double value = VECTOR(x->cut_values)[i];
        json_object_set_new(cut, "value", isfinite(value) ? json_real(value) : json_null());
        json_object_set_new(cut, "ties",
                            hs_json_id_groups(c->view, igraph_vector_int_list_get_ptr(&x->cut_ties, i), 2));
        json_array_append_new(list, cut);
    }
    return hs_json_take_text(list, &v->text);
}

/* Nulls for closedness: the degree-preserving null (docs/metrics.md). */
typedef hs_ei_test hs_ei_degree; /* the group's type, for NEED */
FIELD(ei_degree_expected, ei_degree, x->expected)
FIELD(ei_degree_p_closed, ei_degree, x->p_closed)
FIELD(ei_degree_draws, ei_degree, (double)x->permutations)

/* Intervals: the bootstrap over the year's instruments (inference.h). */
static hs_error interval_of(hs_measure_context *c, hs_cell *v, hs_boot_stat stat, int bound) {
    const hs_interval *x;
    hs_error err = hs_context_intervals(c, &x);
    if (err) return err;
    v->number = bound < 0 ? x[stat].lo : bound > 0 ? x[stat].hi : x[stat].se;
    return HS_OK;
}
#define INTERVAL(stat, STAT)                                                                      \
    static hs_error stat##_lo(hs_measure_context *c, hs_cell *v) { return interval_of(c, v, STAT, -1); } \
    static hs_error stat##_hi(hs_measure_context *c, hs_cell *v) { return interval_of(c, v, STAT, 1); }  \
    static hs_error stat##_se(hs_measure_context *c, hs_cell *v) { return interval_of(c, v, STAT, 0); }
INTERVAL(coordination, HS_BOOT_COORDINATION)
INTERVAL(unidirectionality, HS_BOOT_UNIDIRECTIONALITY)
INTERVAL(closedness, HS_BOOT_CLOSEDNESS)
INTERVAL(hub_brokered_closure, HS_BOOT_HUB_BROKERED_CLOSURE)
INTERVAL(ei_index, HS_BOOT_EI_INDEX)
INTERVAL(hub_tie_weight, HS_BOOT_HUB_TIE_WEIGHT)
INTERVAL(coordinated_ally_weight, HS_BOOT_COORDINATED_ALLY_WEIGHT)
INTERVAL(bare_ally_weight, HS_BOOT_BARE_ALLY_WEIGHT)

/* Cut sets */
static hs_error articulation_points(hs_measure_context *c, hs_cell *v) {
    NEED(cutsets, x);
    return hs_json_take_text(hs_json_id_groups(c->view, &x->articulation_points, 0), &v->text);
}
static hs_error bridges(hs_measure_context *c, hs_cell *v) {
    NEED(cutsets, x);
    return hs_json_take_text(hs_json_id_groups(c->view, &x->bridges, 2), &v->text);
}
FIELD(vertex_connectivity, cutsets, (double)x->vertex_connectivity)
static hs_error minimum_separators(hs_measure_context *c, hs_cell *v) {
    NEED(cutsets, x);
    json_t *list = json_array();
    for (igraph_integer_t i = 0; list && i < igraph_vector_int_list_size(&x->separators); i++)
        json_array_append_new(list, hs_json_id_groups(c->view, igraph_vector_int_list_get_ptr(&x->separators, i), 0));
    return hs_json_take_text(list, &v->text);
}

/* Events */
static hs_error mechanisms_started(hs_measure_context *c, hs_cell *v) { return hs_context_changes(c, 1, &v->text); }
static hs_error mechanisms_ended(hs_measure_context *c, hs_cell *v) { return hs_context_changes(c, 0, &v->text); }

/* Per state: the vectors of the context. */
static hs_error state_vector(hs_measure_context *c, double *values, hs_state_vector which) {
    const igraph_vector_t *x;
    hs_error err = hs_context_state_vector(c, which, &x);
    for (size_t s = 0; !err && s < hs_view_state_count(c->view); s++) values[s] = VECTOR(*x)[s];
    return err;
}
static hs_error state_degree(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_DEGREE); }
static hs_error state_strength(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_STRENGTH); }
static hs_error state_betweenness(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_BETWEENNESS); }
static hs_error state_closeness(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_CLOSENESS); }
static hs_error state_eigenvector(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_EIGENVECTOR); }
static hs_error state_constraint(hs_measure_context *c, double *v) { return state_vector(c, v, HS_STATE_CONSTRAINT); }
static hs_error state_hub_dependence(hs_measure_context *c, double *v) {
    return state_vector(c, v, HS_STATE_HUB_DEPENDENCE);
}

static hs_error state_brokerage(hs_measure_context *c, double *values, hs_broker_role role) {
    const igraph_matrix_t *x;
    hs_error err = hs_context_brokerage(c, &x);
    for (size_t s = 0; !err && s < hs_view_state_count(c->view); s++) values[s] = MATRIX(*x, (igraph_integer_t)s, role);
    return err;
}
static hs_error brokerage_coordinator(hs_measure_context *c, double *v) {
    return state_brokerage(c, v, HS_BROKER_COORDINATOR);
}
static hs_error brokerage_itinerant(hs_measure_context *c, double *v) {
    return state_brokerage(c, v, HS_BROKER_ITINERANT);
}
static hs_error brokerage_gatekeeper(hs_measure_context *c, double *v) {
    return state_brokerage(c, v, HS_BROKER_GATEKEEPER);
}
static hs_error brokerage_representative(hs_measure_context *c, double *v) {
    return state_brokerage(c, v, HS_BROKER_REPRESENTATIVE);
}
static hs_error brokerage_liaison(hs_measure_context *c, double *v) { return state_brokerage(c, v, HS_BROKER_LIAISON); }

/* ---- the registry --------------------------------------------------------------------- */

#define SYS    HS_MEASURE_SYSTEM
#define STATE  HS_MEASURE_STATE
#define REAL   HS_VALUE_REAL
#define INT    HS_VALUE_INTEGER
#define FLAG   HS_VALUE_FLAG
#define LIST   HS_VALUE_LIST
#define DEF    HS_MEASURE_DEFAULT
#define HUB    HS_MEASURE_NEEDS_HUB
#define PERM   HS_MEASURE_PERMUTATION
#define CHANGE HS_MEASURE_CHANGE
#define BOOT   HS_MEASURE_BOOTSTRAP
#define ROW(name, kind, group, type, unit, flags, description) \
    { {#name, kind, group, type, unit, description, flags}, name, NULL }
#define STATE_ROW(name, fn, group, type, unit, description) \
    { {#name, STATE, group, type, unit, description, 0}, NULL, fn }

static const hs_measure_def registry[] = {
    ROW(coordination, SYS, "indices", REAL, "share of depth", 0,
        "K: the share of the depth of the allies' ties with each other that runs through mechanisms the hub belongs to"),
    ROW(unidirectionality, SYS, "indices", REAL, "share of depth", 0,
        "U: the share of the allies' security dependence that goes to the hub"),
    ROW(closedness, SYS, "indices", REAL, "share of relations", 0,
        "C: the share of the system's ties, each counted by its share of a relation, that stay inside it, "
        "(1 - ei_index) / 2"),
    ROW(states, SYS, "counts", INT, "states", DEF, "active states"),
    ROW(allies, SYS, "counts", INT, "states", DEF, "active allies of the hub"),
    ROW(partners, SYS, "counts", INT, "states", DEF, "active partners"),
    ROW(mechanisms, SYS, "counts", INT, "mechanisms", DEF, "active mechanisms"),
    ROW(ties, SYS, "counts", INT, "ties", DEF, "ties: bilateral ties plus co-membership pairs, each counted once"),
    ROW(degree_centralization, SYS, "coordination", REAL, "index", DEF,
        "Freeman's degree centralization of the security graph: 1 for a star"),
    ROW(betweenness_centralization, SYS, "coordination", REAL, "index", DEF,
        "Freeman's centralization of the raw betweenness: 1 for a star"),
    ROW(hub_articulation_point, SYS, "coordination", FLAG, "flag", HUB,
        "whether removing the hub disconnects the security graph"),
    ROW(hub_only_ally_pairs, SYS, "coordination", REAL, "share of pairs", HUB,
        "the share of the pairs of allies that only the hub connects"),
    ROW(hub_tie_weight, SYS, "coordination", REAL, "depth", HUB,
        "total depth of the ties between the hub and its allies"),
    ROW(coordinated_ally_weight, SYS, "coordination", REAL, "depth", HUB,
        "total depth of ally-ally co-membership ties in mechanisms the hub belongs to"),
    ROW(bare_ally_weight, SYS, "coordination", REAL, "depth", HUB, "total depth of all other ally-ally ties"),
    ROW(hub_brokered_closure, SYS, "coordination", REAL, "share of depth", DEF,
        "the share of ally-ally depth that runs through mechanisms with the hub (equal to K)"),
    ROW(hub_brokerage_coordinator, SYS, "coordination", INT, "two-paths", HUB,
        "the hub's Gould-Fernandez brokerage as coordinator"),
    ROW(hub_brokerage_itinerant, SYS, "coordination", INT, "two-paths", HUB,
        "the hub's Gould-Fernandez brokerage as itinerant"),
    ROW(hub_brokerage_gatekeeper, SYS, "coordination", INT, "two-paths", HUB,
        "the hub's Gould-Fernandez brokerage as gatekeeper"),
    ROW(hub_brokerage_representative, SYS, "coordination", INT, "two-paths", HUB,
        "the hub's Gould-Fernandez brokerage as representative"),
    ROW(hub_brokerage_liaison, SYS, "coordination", INT, "two-paths", HUB,
        "the hub's Gould-Fernandez brokerage as liaison"),
    ROW(reciprocity, SYS, "unidirectionality", REAL, "share of arcs", DEF,
        "the share of the system's dependence arcs whose reverse also exists"),
    ROW(krackhardt_connectedness, SYS, "unidirectionality", REAL, "share of pairs", 0,
        "Krackhardt's connectedness of the system's authority digraph"),
    ROW(krackhardt_hierarchy, SYS, "unidirectionality", REAL, "share of pairs", DEF,
        "Krackhardt's hierarchy: the share of reachable pairs reachable one way only"),
    ROW(krackhardt_efficiency, SYS, "unidirectionality", REAL, "share of arcs", 0, "Krackhardt's efficiency"),
    ROW(krackhardt_lub, SYS, "unidirectionality", REAL, "share of pairs", 0, "Krackhardt's least-upper-boundedness"),
    ROW(flow_hierarchy, SYS, "unidirectionality", REAL, "share of arcs", DEF,
        "the share of the system's dependence arcs on no directed cycle"),
    ROW(hub_dependence_share, SYS, "unidirectionality", REAL, "share of depth", 0, "U, as a measure of its group"),
    ROW(ei_index, SYS, "closedness", REAL, "index", DEF,
        "the E-I index of the system's boundary, ties counted by their shares of a relation: -1 closed, +1 all lead out"),
    ROW(ei_expected, SYS, "closedness", REAL, "index", PERM,
        "the mean E-I index with system membership shuffled at random"),
    ROW(ei_p_closed, SYS, "closedness", REAL, "probability", PERM,
        "the probability of a boundary at least as closed by chance"),
    ROW(ei_permutations, SYS, "closedness", INT, "shuffles", PERM, "the shuffles in which the E-I index was defined"),
    ROW(ei_degree_expected, SYS, "closedness", REAL, "index", PERM,
        "the mean E-I index with the ties rewired, each state keeping its number of ties"),
    ROW(ei_degree_p_closed, SYS, "closedness", REAL, "probability",
        PERM, "the probability of a boundary at least as closed when the ties are rewired"),
    ROW(ei_degree_draws, SYS, "closedness", INT, "draws", PERM,
        "the rewired systems in which the E-I index was defined"),
    ROW(conductance, SYS, "closedness", REAL, "share of depth", DEF,
        "the conductance of the system in the security graph"),
    ROW(partners_tied_in, SYS, "closedness", INT, "states", DEF | HUB, "partners with at least one tie to the system"),
    ROW(partner_cuts, SYS, "closedness", LIST, "cuts", 0,
        "per partner, the minimum cut separating it from the system: [{\"partner\", \"value\", \"ties\": [[A, B]]}]"),
    ROW(articulation_points, SYS, "cut sets", LIST, "states", 0,
        "states whose removal disconnects the security graph: [ID, ...]"),
    ROW(bridges, SYS, "cut sets", LIST, "ties", 0, "ties whose removal disconnects the security graph: [[A, B], ...]"),
    ROW(vertex_connectivity, SYS, "cut sets", INT, "states", 0,
        "the fewest states whose removal disconnects the security graph"),
    ROW(minimum_separators, SYS, "cut sets", LIST, "sets of states", 0,
        "every smallest set of states whose removal disconnects the security graph: [[ID, ...], ...]"),
    ROW(mechanisms_started, SYS, "events", LIST, "mechanisms", CHANGE,
        "the mechanisms that started since the previous row: [ID, ...]"),
    ROW(mechanisms_ended, SYS, "events", LIST, "mechanisms", CHANGE,
        "the mechanisms that ended since the previous row: [ID, ...]"),
    ROW(coordination_lo, SYS, "intervals", REAL, "share of depth", BOOT,
        "the lower bound of K's bootstrap interval over the year's instruments"),
    ROW(coordination_hi, SYS, "intervals", REAL, "share of depth", BOOT,
        "the upper bound of K's bootstrap interval over the year's instruments"),
    ROW(coordination_se, SYS, "intervals", REAL, "share of depth", BOOT,
        "the standard deviation of K over the bootstrap draws"),
    ROW(unidirectionality_lo, SYS, "intervals", REAL, "share of depth", BOOT,
        "the lower bound of U's bootstrap interval over the year's instruments"),
    ROW(unidirectionality_hi, SYS, "intervals", REAL, "share of depth", BOOT,
        "the upper bound of U's bootstrap interval over the year's instruments"),
    ROW(unidirectionality_se, SYS, "intervals", REAL, "share of depth", BOOT,
        "the standard deviation of U over the bootstrap draws"),
    ROW(closedness_lo, SYS, "intervals", REAL, "share of ties", BOOT,
        "the lower bound of C's bootstrap interval over the year's instruments"),
    ROW(closedness_hi, SYS, "intervals", REAL, "share of ties", BOOT,
        "the upper bound of C's bootstrap interval over the year's instruments"),
    ROW(closedness_se, SYS, "intervals", REAL, "share of ties", BOOT,
        "the standard deviation of C over the bootstrap draws"),
    ROW(hub_brokered_closure_lo, SYS, "intervals", REAL, "share of depth", BOOT,
        "the lower bound of hub_brokered_closure's bootstrap interval over the year's instruments"),
    ROW(hub_brokered_closure_hi, SYS, "intervals", REAL, "share of depth", BOOT,
        "the upper bound of hub_brokered_closure's bootstrap interval over the year's instruments"),
    ROW(hub_brokered_closure_se, SYS, "intervals", REAL, "share of depth", BOOT,
        "the standard deviation of hub_brokered_closure over the bootstrap draws"),
    ROW(ei_index_lo, SYS, "intervals", REAL, "index", BOOT,
        "the lower bound of ei_index's bootstrap interval over the year's instruments"),
    ROW(ei_index_hi, SYS, "intervals", REAL, "index", BOOT,
        "the upper bound of ei_index's bootstrap interval over the year's instruments"),
    ROW(ei_index_se, SYS, "intervals", REAL, "index", BOOT,
        "the standard deviation of ei_index over the bootstrap draws"),
    ROW(hub_tie_weight_lo, SYS, "intervals", REAL, "depth", BOOT,
        "the lower bound of hub_tie_weight's bootstrap interval over the year's instruments"),
    ROW(hub_tie_weight_hi, SYS, "intervals", REAL, "depth", BOOT,
        "the upper bound of hub_tie_weight's bootstrap interval over the year's instruments"),
    ROW(hub_tie_weight_se, SYS, "intervals", REAL, "depth", BOOT,
        "the standard deviation of hub_tie_weight over the bootstrap draws"),
    ROW(coordinated_ally_weight_lo, SYS, "intervals", REAL, "depth", BOOT,
        "the lower bound of coordinated_ally_weight's bootstrap interval over the year's instruments"),
    ROW(coordinated_ally_weight_hi, SYS, "intervals", REAL, "depth", BOOT,
        "the upper bound of coordinated_ally_weight's bootstrap interval over the year's instruments"),
    ROW(coordinated_ally_weight_se, SYS, "intervals", REAL, "depth", BOOT,
        "the standard deviation of coordinated_ally_weight over the bootstrap draws"),
    ROW(bare_ally_weight_lo, SYS, "intervals", REAL, "depth", BOOT,
        "the lower bound of bare_ally_weight's bootstrap interval over the year's instruments"),
    ROW(bare_ally_weight_hi, SYS, "intervals", REAL, "depth", BOOT,
        "the upper bound of bare_ally_weight's bootstrap interval over the year's instruments"),
    ROW(bare_ally_weight_se, SYS, "intervals", REAL, "depth", BOOT,
        "the standard deviation of bare_ally_weight over the bootstrap draws"),
    STATE_ROW(degree, state_degree, "centrality", INT, "states", "the number of states the state is tied to"),
    STATE_ROW(strength, state_strength, "centrality", REAL, "depth", "the sum of the depths of the state's ties"),
    STATE_ROW(betweenness, state_betweenness, "centrality", REAL, "pairs", "raw betweenness, tie length 1 / depth"),
    STATE_ROW(closeness, state_closeness, "centrality", REAL, "index",
              "Wasserman-Faust closeness, tie length 1 / depth"),
    STATE_ROW(eigenvector, state_eigenvector, "centrality", REAL, "index",
              "eigenvector centrality of the security graph, largest 1"),
    STATE_ROW(constraint, state_constraint, "centrality", REAL, "index", "Burt's constraint"),
    STATE_ROW(hub_dependence, state_hub_dependence, "centrality", REAL, "share of depth",
              "an ally's share of its dependence that goes to the hub: U for one ally"),
    STATE_ROW(brokerage_coordinator, brokerage_coordinator, "brokerage", INT, "two-paths",
              "Gould-Fernandez brokerage, roles as groups: coordinator"),
    STATE_ROW(brokerage_itinerant, brokerage_itinerant, "brokerage", INT, "two-paths",
              "Gould-Fernandez brokerage, roles as groups: itinerant"),
    STATE_ROW(brokerage_gatekeeper, brokerage_gatekeeper, "brokerage", INT, "two-paths",
              "Gould-Fernandez brokerage, roles as groups: gatekeeper"),
    STATE_ROW(brokerage_representative, brokerage_representative, "brokerage", INT, "two-paths",
              "Gould-Fernandez brokerage, roles as groups: representative"),
    STATE_ROW(brokerage_liaison, brokerage_liaison, "brokerage", INT, "two-paths",
              "Gould-Fernandez brokerage, roles as groups: liaison"),
};

#define NMEASURES (sizeof registry / sizeof *registry)

size_t hs_measure_count(void) { return NMEASURES; }

const hs_measure *hs_measure_get(size_t i) { return i < NMEASURES ? &registry[i].pub : NULL; }

const hs_measure_def *hs_measure_def_get(size_t i) { return i < NMEASURES ? &registry[i] : NULL; }

long hs_measure_find(const char *name) {
    for (size_t i = 0; name && i < NMEASURES; i++) {
        if (strcmp(registry[i].pub.name, name) == 0) return (long)i;
    }
    return -1;
}
