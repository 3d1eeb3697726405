/** @file
 * A view: the alliance system active in one year.
 *
 * A view takes the elements of a model active in a year (all of them when no
 * year is given), resolves every state's role (docs/schema.md, "Roles"),
 * turns each mechanism into co-membership ties among its members ("from lines
 * to surfaces"), weighs every tie with the codebook, and builds the two
 * igraph graphs the measures run on:
 *  - the security graph: undirected, one edge per pair of states with any
 *    tie, weight = the sum of their ties' depths; kept by the view;
 *  - the dependence graph: directed, an arc a -> b when a depends on b
 *    (docs/schema.md, "Direction"), weight = the sum of the depths; made on
 *    request, for all states or a subset.
 * Vertices of the security graph are the view's states, 0 .. state_count-1.
 */
#ifndef HUBSPOKE_VIEW_H
#define HUBSPOKE_VIEW_H

#include <igraph.h>
#include <stddef.h>

#include "hubspoke/codebook.h"
#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The alliance system active in one year of a model (opaque). Created by
 * hs_view_new(), freed by hs_view_destroy(). A view keeps a pointer to its
 * model, which must outlive it (the codebook is needed only by hs_view_new()). */
typedef struct hs_view hs_view;

/** The kinds of what-if edit (docs/compare.md, "whatif"). */
typedef enum hs_view_edit_type {
    HS_EDIT_DROP_TIE = 0,   /**< every active edge between state a and b, any kind and direction;
                                 b a mechanism: a's membership of it (a leaves it) */
    HS_EDIT_DROP_STATE,     /**< state a, with its edges and memberships */
    HS_EDIT_DROP_MECHANISM, /**< mechanism a, with its memberships */
    HS_EDIT_ADD_TIE,        /**< a new edge a -- b (a -> b in a digraph) of `kind`, depth from the codebook */
    HS_EDIT_ADD_MEMBER,     /**< state a becomes a member of mechanism b; a mechanism not active in the year is
                                 brought forward into it, with no members but those the edits give it */
    HS_EDIT_ADD_MECHANISM   /**< a new mechanism a of `kind` and `scope`, active with no members until
                                 ::HS_EDIT_ADD_MEMBER edits give it some: hs_scenario_model() adds it to a
                                 copy of the model, and hs_view_new() only checks that the model has it */
} hs_view_edit_type;

/** A what-if edit of the system, applied when a view is built; the model is
 * never changed. Ids are the file's. */
typedef struct hs_view_edit {
    hs_view_edit_type type; /**< what the edit does */
    const char *a;          /**< the first element's id */
    const char *b;          /**< the second element's id; NULL for the drops of one element */
    hs_kind kind;           /**< ::HS_EDIT_ADD_TIE, ::HS_EDIT_ADD_MECHANISM: any kind but member */
    hs_scope scope;         /**< ::HS_EDIT_ADD_MECHANISM: its scope (::HS_SCOPE_UNSET: issue-specific) */
} hs_view_edit;

/** Which states a view holds (docs/metrics.md, "Which states count"). */
typedef enum hs_state_set {
    HS_STATES_TIED = 0, /**< the states with at least one active tie, and the hub (the default) */
    HS_STATES_LISTED    /**< every state active in the year, tied or not */
} hs_state_set;

/** What a tie weighs in the security graph, the dependence digraph and the
 * indices (docs/metrics.md, "Depth and amount"). */
typedef enum hs_weight_source {
    HS_WEIGHT_DEPTH = 0, /**< the file's `weight`, else the codebook's depth (the default) */
    HS_WEIGHT_AMOUNT     /**< the file's ratio-scale `amount`; every active tie must have one */
} hs_weight_source;

/** The length of a security tie in the path measures (betweenness, closeness). */
typedef enum hs_path_weight {
    HS_PATH_DEPTH = 0, /**< 1 / the depth of the pair's deepest tie, so >= 1 (the default) */
    HS_PATH_AMOUNT,    /**< the largest amount of a tie in the view / the pair's largest amount, so >= 1 */
    HS_PATH_HOPS       /**< 1 for every pair: unweighted paths */
} hs_path_weight;

/** "tied" or "listed". Static string. */
HS_API const char *hs_state_set_name(hs_state_set set);
/** "depth" or "amount". Static string. */
HS_API const char *hs_weight_source_name(hs_weight_source weight);
/** "depth", "amount" or "hops". Static string. */
HS_API const char *hs_path_weight_name(hs_path_weight weight);
/** The state set a name spells, or -1. */
HS_API int hs_state_set_parse(const char *name);
/** The weight source a name spells, or -1. */
HS_API int hs_weight_source_parse(const char *name);
/** The path weight a name spells, or -1. */
HS_API int hs_path_weight_parse(const char *name);

/** The model the edits of a scenario apply to: a copy of `model` with a
 * mechanism vertex (open span, the edit's kind and scope) for each
 * ::HS_EDIT_ADD_MECHANISM edit, or NULL in *out when there is none (use
 * `model` itself). An added mechanism whose id the model has already is
 * ::HS_EARG. On success a non-NULL *out is the caller's: free it with
 * hs_model_destroy(). */
HS_API hs_error hs_scenario_model(const hs_model *model, const hs_view_edit *edits, size_t edit_count,
                                  hs_model **out);

/** How to build a view. Fill with hs_view_options_init(), then set fields. */
typedef struct hs_view_options {
    int has_year;                /**< 1: look at `year`; 0: every element, whatever its dates */
    int year;                    /**< the year, when has_year */
    const char *hub;             /**< the hub's id; NULL: the hub is inferred (docs/schema.md, "Roles") */
    const hs_codebook *codebook; /**< NULL: the built-in codebook */
    long exclude_mechanism;      /**< model vertex index of a mechanism to leave out, or -1 */
    const char *const *focus;    /**< a subsystem: only these state ids count (NULL: all states);
                                      a mechanism keeps its members among them */
    size_t focus_count;          /**< the number of ids in focus */
    /** Edits applied in order; each must name elements active in the year
     * (after the edits before it), else hs_view_new() fails with ::HS_EARG
     * naming the edit by its number and type. Not copied: they must outlive
     * the call. */
    const hs_view_edit *edits;
    size_t edit_count;           /**< the number of edits */
    hs_state_set state_set;      /**< the states the view holds; default ::HS_STATES_TIED */
    hs_weight_source weight;     /**< what ties weigh; default ::HS_WEIGHT_DEPTH */
    hs_path_weight path_weight;  /**< the lengths of the path measures; default ::HS_PATH_DEPTH */
} hs_view_options;

/** The defaults: the whole file, the inferred hub, the built-in codebook, no
 * focus, no edits, the tied states, depth weights and depth path lengths. */
HS_API void hs_view_options_init(hs_view_options *options);

/** One security tie between two states: one instrument (a treaty, an
 * agreement, a mechanism's co-membership of two members). Co-membership of a
 * mechanism of n members gives one tie per pair of its members, each carrying
 * 1/(n-1) of a relation: a member's one relation to the mechanism is shared
 * among its co-members (docs/metrics.md, "Membership without size
 * inflation"). In a digraph two reciprocal arcs of one kind are one mutual
 * tie (docs/schema.md, "Direction"). */
typedef struct hs_tie {
    size_t a;                       /**< a state index; when !mutual, a depends on b */
    size_t b;                       /**< the other state index */
    double weight;                  /**< the tie's weight in S and in K (docs/metrics.md): its depth
                                         (the file's weight, else the codebook's) or, with
                                         ::HS_WEIGHT_AMOUNT, its amount; for co-membership
                                         multiplied by its share 1/(n-1); for two reciprocal
                                         arcs the larger of the two */
    double arc[2];                  /**< the weight of the dependence a -> b, and (mutual) of b -> a */
    long source;                    /**< model edge index of a bilateral tie (>= the model's
                                         edge count: added by an edit), or model vertex
                                         index of the mechanism of a co-membership tie */
    long source_back;               /**< the reverse arc's model edge index when two reciprocal
                                         arcs make this tie, else -1 */
    signed char kind;               /**< ::hs_kind: the edge's, or the mechanism's */
    unsigned char mechanism;        /**< 1: co-membership (source is a mechanism) */
    unsigned char mutual;           /**< both depend on each other */
    unsigned char hub_in_mechanism; /**< co-membership in a mechanism the hub belongs to */
    unsigned char line;             /**< a treaty between the hub and an ally: bilateral, or
                                         through a treaty mechanism the hub belongs to */
    double share;                   /**< of one relation: 1 bilateral, 1/(n-1) co-membership */
} hs_tie;

/** How the hub was found. */
typedef enum hs_hub_source {
    HS_HUB_NONE = 0, /**< no hub: no option, attribute, role or treaty */
    HS_HUB_OPTION,   /**< the caller's hub (::hs_view_options.hub) */
    HS_HUB_GRAPH,    /**< the graph attribute `hub` */
    HS_HUB_ROLE,     /**< the one active state with role=hub */
    HS_HUB_TREATIES  /**< the state with the most active treaty ties */
} hs_hub_source;
/** "none", "option", "graph", "role" or "treaties". Static string. */
HS_API const char *hs_hub_source_name(hs_hub_source source);

/** Build the view of `model` that `options` describe (NULL: the defaults).
 * Errors: ::HS_EARG for a hub, focus id or edit that names nothing active,
 * ::HS_EINPUT for a file whose hub attribute names nothing active. On
 * success *out is the caller's: free it with hs_view_destroy(). */
HS_API hs_error hs_view_new(const hs_model *model, const hs_view_options *options, hs_view **out);
/** Free a view (NULL is allowed). */
HS_API void hs_view_destroy(hs_view *view);

/** The model the view was built from. */
HS_API const hs_model *hs_view_model(const hs_view *view);
/** 1 when the view looks at one year, 0 for the whole file. */
HS_API int hs_view_has_year(const hs_view *view);
/** The year looked at (meaningful when hs_view_has_year()). */
HS_API int hs_view_year(const hs_view *view);

/** The number of active states (the vertices of the security graph). */
HS_API size_t hs_view_state_count(const hs_view *view);
/** The model vertex index of a state. */
HS_API size_t hs_view_state_vertex(const hs_view *view, size_t state);
/** A state's id, owned by the model. */
HS_API const char *hs_view_state_id(const hs_view *view, size_t state);
/** A state's role in the view's year. */
HS_API hs_role hs_view_state_role(const hs_view *view, size_t state);
/** The state index of a model vertex, -1 if it is not an active state. */
HS_API long hs_view_state_of_vertex(const hs_view *view, size_t vertex);
/** The hub's state index, -1 when there is none. */
HS_API long hs_view_hub(const hs_view *view);
/** How the hub was found. */
HS_API hs_hub_source hs_view_hub_source(const hs_view *view);

/** The number of active mechanisms. */
HS_API size_t hs_view_mechanism_count(const hs_view *view);
/** The model vertex index of active mechanism k. */
HS_API size_t hs_view_mechanism_vertex(const hs_view *view, size_t k);
/** The co-membership depth of mechanism k (its weight, else the codebook's). */
HS_API double hs_view_mechanism_weight(const hs_view *view, size_t k);
/** The number of active members of mechanism k. */
HS_API size_t hs_view_mechanism_member_count(const hs_view *view, size_t k);
/** The state indices of mechanism k's active members; owned by the view. */
HS_API const size_t *hs_view_mechanism_members(const hs_view *view, size_t k);

/** The number of active edges, member edges included. */
HS_API size_t hs_view_edge_count(const hs_view *view);
/** The active edges as model edge indices, owned by the view. An index >=
 * hs_model_edge_count() is an edge an edit added: ask the view, not the
 * model, for its kind. */
HS_API const size_t *hs_view_edges(const hs_view *view);
/** The kind of an edge of hs_view_edges(). */
HS_API hs_kind hs_view_edge_kind(const hs_view *view, size_t edge);

/** The number of security ties. */
HS_API size_t hs_view_tie_count(const hs_view *view);
/** The security ties, owned by the view. */
HS_API const hs_tie *hs_view_ties(const hs_view *view);

/** The security graph (undirected, one edge per pair of tied states), owned
 * by the view. */
HS_API const igraph_t *hs_view_security_graph(const hs_view *view);
/** The security graph's edge weights (the summed tie weights), owned by the view. */
HS_API const igraph_vector_t *hs_view_security_weights(const hs_view *view);
/** The length of each security edge for the path measures (::hs_path_weight),
 * at least 1; owned by the view. */
HS_API const igraph_vector_t *hs_view_security_lengths(const hs_view *view);
/** The state set the view was built with. */
HS_API hs_state_set hs_view_state_set(const hs_view *view);
/** What the view's ties weigh. */
HS_API hs_weight_source hs_view_weight_source(const hs_view *view);
/** The dependence graph on the states with keep[s] true (NULL: all), numbered
 * in state order. `graph` and `weights` are initialised by the call; the
 * caller destroys them. */
HS_API hs_error hs_view_dependence_graph(const hs_view *view, const igraph_vector_bool_t *keep, igraph_t *graph,
                                         igraph_vector_t *weights);

#ifdef __cplusplus
}
#endif
#endif
