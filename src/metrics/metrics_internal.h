/* Shared pieces of the metrics modules (not installed). */
#ifndef HS_METRICS_INTERNAL_H
#define HS_METRICS_INTERNAL_H

#include "core/internal.h"
#include "hubspoke/inference.h"
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

/* ---- the registry and the measure context (registry.c, context.c) --------------------- */

/* The per-state vectors a context computes. */
typedef enum hs_state_vector {
    HS_STATE_DEGREE,
    HS_STATE_STRENGTH,
    HS_STATE_BETWEENNESS,
    HS_STATE_CLOSENESS,
    HS_STATE_EIGENVECTOR,
    HS_STATE_CONSTRAINT,
    HS_STATE_HUB_DEPENDENCE,
    HS_STATE_VECTORS
} hs_state_vector;

/* The measures of one view, each group computed on first use and kept for
 * the other measures that need it (context.c). */
typedef struct hs_measure_context {
    const hs_view *view;
    igraph_integer_t permutations; /* of the E-I tests: 0 when no selected measure needs it */
    uint64_t seed;
    hs_bootstrap_options bootstrap; /* of the intervals (docs/metrics.md, "Intervals") */
    /* What the change measures compare with. In a panel of years: the model,
     * the options of the views (for the focus) and the year after which
     * changes count (has_after 0: no year, no changes). In a panel of models:
     * the previous model's view, NULL for the first. */
    int models;
    const hs_view_options *base;
    int has_after, after;
    const hs_view *previous;
    /* the groups, valid when their bit of `done` is set */
    unsigned done;
    hs_indices indices;
    hs_coordination coordination;
    hs_unidirectionality unidirectionality;
    hs_closedness closedness;
    hs_cutsets cutsets;
    igraph_vector_t state[HS_STATE_VECTORS];
    igraph_matrix_t brokerage;
    hs_ei_test ei_degree;                   /* the degree-preserving null */
    hs_interval interval[HS_BOOT_STAT_COUNT]; /* the bootstrap intervals */
} hs_measure_context;

void hs_context_init(hs_measure_context *c, const hs_view *view);
void hs_context_destroy(hs_measure_context *c);
hs_error hs_context_indices(hs_measure_context *c, const hs_indices **out);
hs_error hs_context_coordination(hs_measure_context *c, const hs_coordination **out);
hs_error hs_context_unidirectionality(hs_measure_context *c, const hs_unidirectionality **out);
hs_error hs_context_closedness(hs_measure_context *c, const hs_closedness **out);
hs_error hs_context_cutsets(hs_measure_context *c, const hs_cutsets **out);
hs_error hs_context_state_vector(hs_measure_context *c, hs_state_vector which, const igraph_vector_t **out);
hs_error hs_context_brokerage(hs_measure_context *c, const igraph_matrix_t **out);
/* The degree-preserving null of the E-I index, c->permutations draws. */
hs_error hs_context_ei_degree(hs_measure_context *c, const hs_ei_test **out);
/* The bootstrap intervals of the resampled values (inference.h). */
hs_error hs_context_intervals(hs_measure_context *c, const hs_interval **out);
/* The mechanisms that started (or ended) since the previous row, as the JSON
 * text of an array of ids (*text the caller's); NULL without a previous row. */
hs_error hs_context_changes(hs_measure_context *c, int started, char **text);

/* A value a measure computes: a number, or the text of a list. */
typedef struct hs_cell {
    double number;
    char *text; /* owned: the table takes it */
} hs_cell;

/* A row of the registry: the public description and the function that
 * computes it, for one view (system) or for each of its states (state). */
typedef struct hs_measure_def {
    hs_measure pub;
    hs_error (*system)(hs_measure_context *c, hs_cell *value);
    hs_error (*state)(hs_measure_context *c, double *values);
} hs_measure_def;
const hs_measure_def *hs_measure_def_get(size_t i);

/* JSON of the ids of states: every id (size 0), or the ids in groups of
 * `size` (pairs: 2) as arrays. NULL when out of memory. */
struct json_t;
struct json_t *hs_json_id_groups(const hs_view *view, const igraph_vector_int_t *states, int size);
/* The compact text of a JSON value, which is released: *text the caller's. */
hs_error hs_json_take_text(struct json_t *value, char **text);

/* ---- tables (table.c): the producers' side ---------------------------------------------- */

hs_error hs_table_alloc(hs_table **out);
hs_error hs_table_add_column(hs_table *t, const char *name, hs_value_type type, long measure);
hs_error hs_table_add_row(hs_table *t, size_t *row);
void hs_table_set_number(hs_table *t, size_t row, size_t col, double x);
hs_error hs_table_set_text(hs_table *t, size_t row, size_t col, const char *text);
/* Store text (malloc'd, may be NULL) in a text or list cell; the table owns it. */
void hs_table_take_text(hs_table *t, size_t row, size_t col, char *text);

#endif
