/** @file
 * The measures of an alliance system and its three indices.
 *
 * Two ways in. The registry (hs_measure_count(), hs_measure_get()) lists
 * every measure hubspoke prints, with its name, kind, group, type, unit and
 * description, and hs_metrics_table() computes any selection of them for one
 * year, a panel of years, or several models, as an ::hs_table: this is how
 * the CLI and the Python and R packages get every number they print, so that
 * they print the same ones. The functions after the registry compute the
 * measures of one view into structs and igraph vectors, for C programs that
 * want the parts.
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
#include "hubspoke/table.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the registry of measures ------------------------------------------------------ */

/** Whether a measure describes the system or each state. */
typedef enum hs_measure_kind {
    HS_MEASURE_SYSTEM = 0, /**< one value per view (year): a column of the system table */
    HS_MEASURE_STATE       /**< one value per state of a view: a column of the states table */
} hs_measure_kind;

/** In hs_measure.flags: one of the default columns of `compare` (docs/compare.md). */
#define HS_MEASURE_DEFAULT 0x1u
/** In hs_measure.flags: missing (NaN) in a view without a hub. */
#define HS_MEASURE_NEEDS_HUB 0x2u
/** In hs_measure.flags: a result of the E-I permutation test, which runs only
 * when such a measure is selected (hs_metrics_options.permutations). */
#define HS_MEASURE_PERMUTATION 0x4u
/** In hs_measure.flags: a change since the previous row of a panel (the
 * mechanisms started and ended); not in a table of one view. */
#define HS_MEASURE_CHANGE 0x8u
/** In hs_measure.flags: a bound of a bootstrap interval over the year's
 * instruments, computed when selected (hs_metrics_options.bootstrap;
 * docs/metrics.md, "Intervals"). */
#define HS_MEASURE_BOOTSTRAP 0x10u

/** A measure as the registry describes it. The full definition, formula and
 * source of each is in docs/metrics.md, under the same name. */
typedef struct hs_measure {
    const char *name;        /**< the column name and JSON key, e.g. "degree_centralization" */
    hs_measure_kind kind;    /**< system or state */
    const char *group;       /**< "indices", "counts", "coordination", "unidirectionality",
                                  "closedness", "cut sets", "events", "centrality", "brokerage" */
    hs_value_type type;      /**< the type of its column */
    const char *unit;        /**< what a value counts or measures, in words ("share of depth", "states") */
    const char *description; /**< one line */
    unsigned flags;          /**< HS_MEASURE_DEFAULT, HS_MEASURE_NEEDS_HUB, ... */
} hs_measure;

/** The number of measures in the registry. */
HS_API size_t hs_measure_count(void);
/** Measure i (i < hs_measure_count()), in the registry's order, which is the
 * order of the columns of a full table. Static: valid for the whole run. */
HS_API const hs_measure *hs_measure_get(size_t i);
/** The registry index of the measure with this name, or -1. */
HS_API long hs_measure_find(const char *name);

/** What to compute. Fill with hs_metrics_options_init(), then set fields. */
typedef struct hs_metrics_options {
    const char *const *measures; /**< the columns, by name, in order, repeats dropped: the names of system
                                      measures make the system table's columns, those of state measures the
                                      states table's; "default" names the default set (system measures) and
                                      "all" every measure but the lists and the changes. A table none of whose
                                      measures is named gets all of its kind but the changes. NULL: all */
    size_t measure_count;        /**< the number of names in measures */
    size_t permutations;         /**< of the E-I test, when one of its results is selected (default 1000) */
    uint64_t seed;               /**< of the E-I tests and the bootstrap (default 1): the same seed, the same
                                      p-values and intervals everywhere */
    size_t bootstrap;            /**< draws of the bootstrap, when an interval is selected (default 1000;
                                      at least 1) */
    double level;                /**< of the bootstrap intervals, in (0, 1) (default 0.95) */
    /** Called after each view of a panel with the number done and the total
     * (NULL: none); for a progress display. */
    void (*progress)(void *data, size_t done, size_t total);
    void *progress_data;         /**< passed to progress */
} hs_metrics_options;

/** The defaults: every measure, 1000 permutations, seed 1, 1000 bootstrap
 * draws at level 0.95, no progress. */
HS_API void hs_metrics_options_init(hs_metrics_options *options);

/** The measures of `model` seen through `view_options` (NULL: the defaults),
 * in each of the years years[0 .. year_count-1] (a panel; the view's
 * has_year and year are replaced by each), or in the view as it is when
 * year_count is 0, as two tables; pass NULL for a table not wanted.
 *
 * The system table has the key columns `year` and `hub`, then the selected
 * system measures, one row per year. The states table has `year`, `name` and
 * `role`, then the selected state measures, one row per state of each year,
 * in state order. A measure marked ::HS_MEASURE_NEEDS_HUB is missing in a
 * year without a hub. A year of a panel in which the hub (the view options',
 * else the graph attribute `hub`) is not active is a row of missing values,
 * and the system table of a panel that has such a year ends with a column
 * `note` that says why (hs_check_hub_active()). A change measure (mechanisms_started, mechanisms_ended)
 * compares each year with the previous row's (for the first row: with the
 * year before it); with a focus, only the mechanisms in the subsystem count.
 *
 * The model is read once and each view measured on its own; within a view,
 * each group of measures is computed once for both tables and only if a
 * selected measure needs it, so a panel costs what its years cost.
 * Errors: ::HS_EARG for an unknown measure name, and those of hs_view_new().
 * On success the tables are the caller's: free them with hs_table_destroy(). */
HS_API hs_error hs_metrics_table(const hs_model *model, const hs_view_options *view_options, const int *years,
                                 size_t year_count, const hs_metrics_options *options, hs_table **system,
                                 hs_table **states);

/** The same over several models (one file per period), each seen through
 * `view_options`: one row (or block of rows) per model, in order. A change
 * measure compares each model's view with the previous model's (no change
 * for the first). On success the tables are the caller's. */
HS_API hs_error hs_metrics_table_models(const hs_model *const *models, size_t model_count,
                                        const hs_view_options *view_options, const hs_metrics_options *options,
                                        hs_table **system, hs_table **states);

/** A what-if scenario: a name and the edits that make it (view.h). */
typedef struct hs_scenario {
    const char *name;          /**< how the rows name it (the `scenario` column) */
    const hs_view_edit *edits; /**< applied in order to each view (not copied) */
    size_t edit_count;         /**< the number of edits */
} hs_scenario;

/** The system measures of each scenario in each year, before and after its
 * edits, and the change: three system tables with the same rows, one per
 * scenario and year (the scenarios in order, each with its years in order),
 * and the same columns: `year`, `scenario`, `hub`, then the selected system
 * measures (state measures in options are ignored). `before` is the system
 * as the file has it (the same row for every scenario of a year), `after`
 * with the scenario's edits applied to the view of that year (mechanisms it
 * adds to a copy of the model: hs_scenario_model()), and `change` =
 * hs_table_difference(before, after): after - before, a fall negative.
 * Years and view options as hs_metrics_table(); pass NULL for a table not
 * wanted. Errors: those of hs_metrics_table(), hs_scenario_model() and
 * hs_view_new() (an edit naming nothing active: ::HS_EARG). On success the
 * tables are the caller's: free them with hs_table_destroy(). */
HS_API hs_error hs_whatif_table(const hs_model *model, const hs_view_options *view_options, const int *years,
                                size_t year_count, const hs_scenario *scenarios, size_t scenario_count,
                                const hs_metrics_options *options, hs_table **before, hs_table **after,
                                hs_table **change);

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

/** The null models of the system boundary's E-I index (docs/metrics.md,
 * "Nulls for closedness"). */
typedef enum hs_ei_null {
    HS_NULL_LABEL = 0, /**< system membership shuffled over the view's states, keeping the system's
                            size (the permutation test of ::hs_closedness) */
    HS_NULL_DEGREE     /**< the system held fixed and the ties rewired so that every state keeps its
                            number of ties (hs_ei_degree_test()) */
} hs_ei_null;
/** "label" or "degree". Static string. */
HS_API const char *hs_ei_null_name(hs_ei_null null);
/** The null a name spells, or -1. */
HS_API int hs_ei_null_parse(const char *name);
/** Test the system boundary's E-I index, on the view's ties counted once
 * each, against a null model: `draws` permutations or draws, seeded. Without
 * a hub every field is NaN (and permutations 0). */
HS_API hs_error hs_ei_null_test(const hs_view *view, hs_ei_null null, igraph_integer_t draws, uint64_t seed,
                                hs_ei_test *res);

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
