/* hubspoke: a view, the alliance system active in one year.
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
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hs_view hs_view;

/* A what-if edit of the system, applied when a view is built; the model is
 * never changed (docs/compare.md, "whatif"). Ids are the file's. */
typedef enum hs_view_edit_type {
    HS_EDIT_DROP_TIE = 0,   /* every active edge between state a and b, any kind and direction;
                               b a mechanism: a's membership of it (a leaves it) */
    HS_EDIT_DROP_STATE,     /* state a, with its edges and memberships */
    HS_EDIT_DROP_MECHANISM, /* mechanism a, with its memberships */
    HS_EDIT_ADD_TIE,        /* a new edge a -- b (a -> b in a digraph) of `kind`, depth from the codebook */
    HS_EDIT_ADD_MEMBER      /* state a becomes a member of mechanism b */
} hs_view_edit_type;

typedef struct hs_view_edit {
    hs_view_edit_type type;
    const char *a, *b; /* b: NULL for the drops of one element */
    hs_kind kind;      /* HS_EDIT_ADD_TIE: any kind but member */
} hs_view_edit;

/* The option that spells an edit on the command line: "--drop-tie", ... */
const char *hs_view_edit_option(hs_view_edit_type type);

typedef struct hs_view_options {
    int has_year;                /* 0: every element, whatever its dates */
    int year;
    const char *hub;             /* NULL: the hub is inferred */
    const hs_codebook *codebook; /* NULL: the built-in codebook */
    long exclude_mechanism;      /* model vertex index of a mechanism to leave out, or -1 */
    const char *const *focus;    /* a subsystem: only these state ids count (NULL: all states); */
    size_t focus_count;          /* a mechanism keeps its members among them */
    /* Edits applied in order; each must name elements active in the year
     * (after the edits before it), else hs_view_new fails with HS_EARG
     * naming the edit's option. Not copied: they must outlive the call. */
    const hs_view_edit *edits;
    size_t edit_count;
} hs_view_options;

/* Options for the whole file, inferred hub, built-in codebook, no edits. */
hs_view_options hs_view_options_default(void);

/* One security tie between two states. Co-membership of a mechanism of n
 * members gives one tie per pair of its members, each carrying 1/(n-1) of a
 * relation: a member's one relation to the mechanism is shared among its
 * co-members (docs/metrics.md, "Membership without size inflation"). */
typedef struct hs_tie {
    size_t a, b;               /* state indices; when !mutual, a depends on b */
    double weight;             /* depth: the file's weight, else the codebook's;
                                  for co-membership divided by n-1 */
    long source;               /* model edge index of a bilateral tie (>= the model's
                                  edge count: added by an edit), or model vertex
                                  index of the mechanism of a co-membership tie */
    signed char kind;          /* hs_kind: the edge's, or the mechanism's */
    unsigned char mechanism;   /* 1: co-membership (source is a mechanism) */
    unsigned char mutual;      /* both depend on each other */
    unsigned char hub_in_mechanism; /* co-membership in a mechanism the hub belongs to */
    unsigned char line;        /* a treaty between the hub and an ally: bilateral, or
                                  through a treaty mechanism the hub belongs to */
    double share;              /* of one relation: 1 bilateral, 1/(n-1) co-membership */
} hs_tie;

/* How the hub was found. */
typedef enum hs_hub_source {
    HS_HUB_NONE = 0,      /* no hub: no option, attribute, role or treaty */
    HS_HUB_OPTION,        /* the caller's hub (--hub) */
    HS_HUB_GRAPH,         /* the graph attribute `hub` */
    HS_HUB_ROLE,          /* the one active state with role=hub */
    HS_HUB_TREATIES       /* the state with the most active treaty ties */
} hs_hub_source;
const char *hs_hub_source_name(hs_hub_source source);

hs_error hs_view_new(hs_view **out, const hs_model *model, const hs_view_options *options);
void hs_view_destroy(hs_view *view);

const hs_model *hs_view_model(const hs_view *view);
int hs_view_has_year(const hs_view *view);
int hs_view_year(const hs_view *view);

size_t hs_view_state_count(const hs_view *view);
size_t hs_view_state_vertex(const hs_view *view, size_t state); /* model vertex index */
const char *hs_view_state_id(const hs_view *view, size_t state);
hs_role hs_view_state_role(const hs_view *view, size_t state);
long hs_view_state_of_vertex(const hs_view *view, size_t vertex); /* -1 if not an active state */
long hs_view_hub(const hs_view *view); /* state index, -1 when there is none */
hs_hub_source hs_view_hub_source(const hs_view *view);

/* Active mechanisms and their active member states. */
size_t hs_view_mechanism_count(const hs_view *view);
size_t hs_view_mechanism_vertex(const hs_view *view, size_t k);
double hs_view_mechanism_weight(const hs_view *view, size_t k);
size_t hs_view_mechanism_member_count(const hs_view *view, size_t k);
const size_t *hs_view_mechanism_members(const hs_view *view, size_t k); /* state indices */

/* Active bilateral edges (model edge indices), member edges included. An
 * index >= hs_model_edge_count is an edge an edit added: ask the view, not
 * the model, for its kind. */
size_t hs_view_edge_count(const hs_view *view);
const size_t *hs_view_edges(const hs_view *view);
hs_kind hs_view_edge_kind(const hs_view *view, size_t edge);

size_t hs_view_tie_count(const hs_view *view);
const hs_tie *hs_view_ties(const hs_view *view);

/* The graphs, owned by the view. */
const igraph_t *hs_view_security_graph(const hs_view *view);
const igraph_vector_t *hs_view_security_weights(const hs_view *view);
/* The dependence graph on the states with keep[s] true (NULL: all), numbered
 * in state order. graph and weights are initialised by the call; the caller
 * destroys them. */
hs_error hs_view_dependence_graph(const hs_view *view, const igraph_vector_bool_t *keep, igraph_t *graph,
                                  igraph_vector_t *weights);

#ifdef __cplusplus
}
#endif
#endif
