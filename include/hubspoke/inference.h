/** @file
 * How certain the indices are, and what moves them.
 *
 * - Bootstrap intervals over the instruments of a year (its bilateral ties
 *   and its mechanisms, resampled with replacement, the system's roles held);
 * - influence: each instrument's part in an index (the index with it minus
 *   without it, decision D1), largest first;
 * - events: the change of K, U and C across each start and end of a mechanism
 *   (the mean over the years after minus the mean over the years before),
 *   with a bootstrap interval;
 * - several hubs: the systems around several hubs in one year, and the
 *   states they share.
 *
 * Definitions, the method and its limits: docs/metrics.md, "Inference".
 * Every draw comes from a xoshiro256** generator seeded with the caller's
 * seed, so a seed gives the same numbers on every machine.
 */
#ifndef HUBSPOKE_INFERENCE_H
#define HUBSPOKE_INFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/metrics.h"
#include "hubspoke/table.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The values an instrument-level bootstrap covers: the three indices and the
 * system measures that are sums over ties (docs/metrics.md, "Intervals").
 * Structural measures (centralizations, Krackhardt's, conductance) are not
 * resampled: leaving out a third of the instruments in each draw would bias
 * them. */
typedef enum hs_boot_stat {
    HS_BOOT_COORDINATION = 0,        /**< K */
    HS_BOOT_UNIDIRECTIONALITY,       /**< U, = hub_dependence_share */
    HS_BOOT_CLOSEDNESS,              /**< C */
    HS_BOOT_HUB_BROKERED_CLOSURE,    /**< hub_brokered_closure */
    HS_BOOT_EI_INDEX,                /**< ei_index */
    HS_BOOT_HUB_TIE_WEIGHT,          /**< hub_tie_weight */
    HS_BOOT_COORDINATED_ALLY_WEIGHT, /**< coordinated_ally_weight */
    HS_BOOT_BARE_ALLY_WEIGHT,        /**< bare_ally_weight */
    HS_BOOT_STAT_COUNT               /**< the number of values */
} hs_boot_stat;
/** The value's name in docs/metrics.md ("coordination", "ei_index", ...). Static string. */
HS_API const char *hs_boot_stat_name(hs_boot_stat stat);
/** The value a name spells, or -1. */
HS_API int hs_boot_stat_parse(const char *name);

/** How to bootstrap. Fill with hs_bootstrap_options_init(), then set fields. */
typedef struct hs_bootstrap_options {
    long long draws; /**< the number of draws, at least 1; default 1000 */
    uint64_t seed;   /**< the generator's seed; default 1 */
    double level;    /**< the interval's level, in (0, 1); default 0.95 */
} hs_bootstrap_options;
/** The defaults: 1000 draws, seed 1, level 0.95. */
HS_API void hs_bootstrap_options_init(hs_bootstrap_options *options);
/** ::HS_EARG with a one-line message naming the bad field ("bootstrap: 0
 * draws (need at least 1)"), else ::HS_OK. */
HS_API hs_error hs_bootstrap_options_check(const hs_bootstrap_options *options);

/** A value with its percentile bootstrap interval. */
typedef struct hs_interval {
    double estimate;   /**< the value on the data; NaN when undefined */
    double lo;         /**< the (1 - level)/2 quantile of the defined draws (linear interpolation,
                            R's type 7); NaN without a defined draw */
    double hi;         /**< the (1 + level)/2 quantile */
    double se;         /**< the standard deviation of the defined draws */
    long long defined; /**< the draws in which the value was defined */
} hs_interval;

/** Bootstrap intervals of every ::hs_boot_stat of the view into
 * res[::HS_BOOT_STAT_COUNT] (NULL options: the defaults). */
HS_API hs_error hs_bootstrap_view(const hs_view *view, const hs_bootstrap_options *options, hs_interval *res);

/* ---- influence -------------------------------------------------------------------- */

/** One instrument of a view: a bilateral tie (two reciprocal arcs are one) or
 * a mechanism, with its part in each value. */
typedef struct hs_instrument {
    int mechanism;    /**< 1: a mechanism, 0: a bilateral tie */
    long source;      /**< the model edge index (a tie) or model vertex index (a mechanism) */
    long source_back; /**< the reverse arc's model edge of a paired tie, else -1 */
    size_t a;         /**< a tie's first state (when !mutual, a depends on b); unused for a mechanism */
    size_t b;         /**< a tie's second state */
    int mutual;       /**< a tie's direction, as ::hs_tie */
    hs_kind kind;     /**< the tie's or the mechanism's kind */
    double change[HS_BOOT_STAT_COUNT]; /**< with - without: the value minus the value without this
                                            instrument (NaN when either is undefined) */
} hs_instrument;

/** The jackknife of a view's instruments: hs_influence_compute(), then
 * hs_influence_destroy(). */
typedef struct hs_influence {
    hs_instrument *items;             /**< one per instrument of the view, in view order until sorted */
    size_t count;                     /**< the number of instruments */
    double value[HS_BOOT_STAT_COUNT]; /**< the values with every instrument */
} hs_influence;

/** The part of each instrument of the view in each value, the roles held.
 * `res` must be destroyed with hs_influence_destroy(), also after a failure. */
HS_API hs_error hs_influence_compute(const hs_view *view, hs_influence *res);
/** Free an ::hs_influence. */
HS_API void hs_influence_destroy(hs_influence *res);
/** Order res->items by |change[stat]|, largest first (NaN last; ties keep their order). */
HS_API void hs_influence_sort(hs_influence *res, hs_boot_stat stat);
/** "USA--JPN treaty", "JPN->USA access" or "mechanism TISA" into buf. */
HS_API void hs_instrument_describe(const hs_view *view, const hs_instrument *in, char *buf, size_t size);

/* ---- events ------------------------------------------------------------------------- */

/** A mechanism starting (its since) or ending (its until) inside a range of
 * years, and the change of K, U and C across it: the mean over the years
 * [year, year + window) minus the mean over [year - window, year), both cut
 * to the range, undefined years left out. */
typedef struct hs_event {
    size_t mechanism;  /**< the mechanism's model vertex index */
    int start;         /**< 1: its since, 0: its until (the first year no longer active) */
    int year;          /**< the year of the start or end */
    int years_before;  /**< the years of K averaged before it (each index averages the years where it
                            is defined: U and C may have more or fewer; K has none where the allies
                            have no tie to each other) */
    int years_after;   /**< the years of K averaged after it */
    hs_interval change[3]; /**< K, U, C: after - before, with a bootstrap interval */
    size_t others;     /**< the other starts and ends in (year - window, year + window - 1]: confounders */
} hs_event;

/** The events of a range: hs_events_compute(), then hs_events_destroy(). */
typedef struct hs_events {
    hs_event *items; /**< by year, then model order */
    size_t count;    /**< the number of events */
    int window;      /**< the window, in years */
} hs_events;

/** The events of the mechanisms of `model` whose since or until lies in
 * (first, last], the views built with `base` (its year fields ignored; no
 * edits). The intervals resample the instruments of the whole range once per
 * draw, so that the years before and after share each draw; NULL options: no
 * intervals. window >= 1. `res` must be destroyed with hs_events_destroy(),
 * also after a failure. */
HS_API hs_error hs_events_compute(const hs_model *model, const hs_view_options *base, int first, int last, int window,
                                  const hs_bootstrap_options *options, hs_events *res);
/** Free an ::hs_events. */
HS_API void hs_events_destroy(hs_events *res);
/** The documented default window, in years (docs/metrics.md, "Events"). */
#define HS_EVENTS_WINDOW 3

/* ---- several hubs ------------------------------------------------------------------- */

/** The system around one hub. */
typedef struct hs_hub_system {
    char *hub;               /**< the hub's id */
    hs_indices indices;      /**< K, U, C */
    hs_interval interval[3]; /**< K, U, C with intervals (estimate only when no bootstrap was asked) */
    char **allies;           /**< the allies' ids, in state order */
    char **partners;         /**< the partners' ids, in state order */
    size_t nallies;          /**< the number of allies */
    size_t npartners;        /**< the number of partners */
} hs_hub_system;

/** The systems around several hubs: hs_hub_systems_compute(), then
 * hs_hub_systems_destroy(). */
typedef struct hs_hub_systems {
    hs_hub_system *systems;   /**< one per hub, in the order given */
    size_t count;             /**< the number of hubs */
    char **shared_partners;   /**< partners of two or more of the systems */
    size_t nshared_partners;  /**< their number */
    char **shared_allies;     /**< allies of two or more */
    size_t nshared_allies;    /**< their number */
    char **crossing;          /**< allies of one system that are partners of another */
    size_t ncrossing;         /**< their number */
} hs_hub_systems;

/** The system around each hub in the year of `base` (hubs: state ids, at
 * least one, no repeats; the roles inferred for each). NULL options: no
 * intervals. `res` must be destroyed with hs_hub_systems_destroy(), also
 * after a failure. */
HS_API hs_error hs_hub_systems_compute(const hs_model *model, const hs_view_options *base, const char *const *hubs,
                                       size_t nhubs, const hs_bootstrap_options *options, hs_hub_systems *res);
/** Free an ::hs_hub_systems. */
HS_API void hs_hub_systems_destroy(hs_hub_systems *res);

/* ---- the same as tables of results (table.h), for the CLI and the packages ---------- */

/** The influence of each instrument of the view as a table, largest
 * |change| of `sort_by` first: columns `year`, `instrument` ("USA--JPN
 * treaty", "mechanism TISA"), `type` ("tie" or "mechanism"), `kind`, then
 * `<value>_change` for each ::hs_boot_stat (with - without). On success
 * *out is the caller's: free it with hs_table_destroy(). */
HS_API hs_error hs_influence_table(const hs_view *view, hs_boot_stat sort_by, hs_table **out);

/** The events of hs_events_compute() as a table: columns `year`,
 * `mechanism`, `event` ("start" or "end"), `years_before`, `years_after`,
 * `others`, then for K, U and C `<index>_change` with `<index>_change_lo`
 * and `<index>_change_hi` (empty without options). On success *out is the
 * caller's. */
HS_API hs_error hs_events_table(const hs_model *model, const hs_view_options *base, int first, int last, int window,
                                const hs_bootstrap_options *options, hs_table **out);

/** The systems of hs_hub_systems_compute() as a table, one row per hub:
 * `year`, `hub`, `allies`, `partners` (counts), K, U and C each with `_lo`
 * and `_hi`, and the lists `ally_ids`, `partner_ids`, `shared_partners` (this
 * system's partners that are partners of another), `crossing` (this system's
 * allies that are partners of another) and `shared_allies` (allies of another
 * too). On success *out is the caller's. */
HS_API hs_error hs_hub_systems_table(const hs_model *model, const hs_view_options *base, const char *const *hubs,
                                     size_t nhubs, const hs_bootstrap_options *options, hs_table **out);

#ifdef __cplusplus
}
#endif
#endif
