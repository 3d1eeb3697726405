/* hubspoke: how certain the indices are, and what moves them.
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
 * Definitions, the method and its limits: docs/metrics.md, "Inference".
 * Every draw comes from a xoshiro256** generator seeded with the caller's
 * seed, so a seed gives the same numbers on every machine.
 */
#ifndef HUBSPOKE_INFERENCE_H
#define HUBSPOKE_INFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "hubspoke/error.h"
#include "hubspoke/metrics.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The values an instrument-level bootstrap covers: the three indices and the
 * system measures that are sums over ties (docs/metrics.md, "Intervals").
 * Structural measures (centralizations, Krackhardt's, conductance) are not
 * resampled: dropping a third of the instruments in each draw would bias them. */
typedef enum hs_boot_stat {
    HS_BOOT_COORDINATION = 0,     /* K */
    HS_BOOT_UNIDIRECTIONALITY,    /* U = hub_dependence_share */
    HS_BOOT_CLOSEDNESS,           /* C */
    HS_BOOT_HUB_BROKERED_CLOSURE,
    HS_BOOT_EI_INDEX,
    HS_BOOT_HUB_TIE_WEIGHT,
    HS_BOOT_COORDINATED_ALLY_WEIGHT,
    HS_BOOT_BARE_ALLY_WEIGHT,
    HS_BOOT_STAT_COUNT
} hs_boot_stat;
/* The measure's name in docs/metrics.md ("coordination", "ei_index", ...). */
const char *hs_boot_stat_name(hs_boot_stat stat);
/* The stat of a measure name, or -1. */
int hs_boot_stat_parse(const char *name);

typedef struct hs_bootstrap_options {
    long long draws; /* > 0; default 1000 */
    uint64_t seed;   /* default 1 */
    double level;    /* of the interval, in (0, 1); default 0.95 */
} hs_bootstrap_options;
/* The defaults above. */
void hs_bootstrap_options_init(hs_bootstrap_options *options);
/* HS_EARG with a one-line message naming the bad field ("bootstrap: 0 draws
 * (need at least 1)"), else HS_OK. */
hs_error hs_bootstrap_options_check(const hs_bootstrap_options *options);

/* A value with its percentile bootstrap interval. */
typedef struct hs_interval {
    double estimate;   /* on the data; NaN when undefined */
    double lo, hi;     /* the (1 - level)/2 and (1 + level)/2 quantiles of the draws
                          (linear interpolation, R's type 7); NaN without a defined draw */
    double se;         /* standard deviation of the defined draws */
    long long defined; /* draws in which the value was defined */
} hs_interval;

/* Bootstrap intervals of every hs_boot_stat of the view: res[HS_BOOT_STAT_COUNT]. */
hs_error hs_bootstrap_view(const hs_view *view, const hs_bootstrap_options *options, hs_interval *res);

/* ---- influence -------------------------------------------------------------------- */

/* One instrument of a view: a bilateral tie (two reciprocal arcs are one) or a
 * mechanism. */
typedef struct hs_instrument {
    int mechanism;       /* 1: a mechanism, 0: a bilateral tie */
    long source;         /* model edge index (tie) or model vertex index (mechanism) */
    long source_back;    /* the reverse arc's model edge of a paired tie, else -1 */
    size_t a, b;         /* a tie's states (when !mutual, a depends on b); unused for a mechanism */
    int mutual;          /* a tie's direction, as hs_tie */
    hs_kind kind;
    double change[HS_BOOT_STAT_COUNT]; /* with - without: the value minus the value without it
                                          (NaN when either is undefined) */
} hs_instrument;

typedef struct hs_influence {
    hs_instrument *items; /* one per instrument of the view, in view order */
    size_t count;
    double value[HS_BOOT_STAT_COUNT]; /* the values with every instrument */
} hs_influence;

/* The jackknife of the view's instruments. res must be destroyed with
 * hs_influence_destroy, also after a failure. */
hs_error hs_influence_compute(const hs_view *view, hs_influence *res);
void hs_influence_destroy(hs_influence *res);
/* Order res->items by |change[stat]|, largest first (NaN last; ties keep view order). */
void hs_influence_sort(hs_influence *res, hs_boot_stat stat);
/* "USA--JPN treaty" / "JPN->USA access" / "mechanism TISA" into buf. */
void hs_instrument_describe(const hs_view *view, const hs_instrument *in, char *buf, size_t size);

/* ---- events ------------------------------------------------------------------------- */

/* A mechanism starting (its since) or ending (its until) inside a range of
 * years, and the change of K, U and C across it: mean over the years
 * [year, year + window) minus mean over [year - window, year), both cut to
 * the range, undefined years left out. */
typedef struct hs_event {
    size_t mechanism; /* model vertex index */
    int start;        /* 1: since, 0: until (the first year no longer active) */
    int year;
    int years_before, years_after; /* defined years of K averaged on each side (ditto U, C below) */
    hs_interval change[3];         /* K, U, C: after - before, with a bootstrap interval */
    size_t others;                 /* other starts and ends inside the window: confounders */
} hs_event;

typedef struct hs_events {
    hs_event *items; /* by year, then file order */
    size_t count;
    int window;
} hs_events;

/* Events of the mechanisms of `model` whose since or until lies in
 * (first, last], the views built with `base` (its year fields ignored).
 * The interval resamples the instruments of the whole model once per draw,
 * so that the years before and after share each draw. window >= 1.
 * res must be destroyed with hs_events_destroy, also after a failure. */
hs_error hs_events_compute(const hs_model *model, const hs_view_options *base, int first, int last, int window,
                           const hs_bootstrap_options *options, hs_events *res);
void hs_events_destroy(hs_events *res);
/* The documented default window, in years (docs/metrics.md, "Events"). */
#define HS_EVENTS_WINDOW 3

/* ---- several hubs ------------------------------------------------------------------- */

typedef struct hs_hub_system {
    char *hub;                       /* the hub's id */
    hs_indices indices;
    hs_interval interval[3];         /* K, U, C (estimate only when no bootstrap was asked) */
    char **allies, **partners;       /* ids, in state order */
    size_t nallies, npartners;
} hs_hub_system;

typedef struct hs_hub_systems {
    hs_hub_system *systems;
    size_t count;
    char **shared_partners; /* partners of two or more of the systems */
    size_t nshared_partners;
    char **shared_allies;   /* allies of two or more */
    size_t nshared_allies;
    char **crossing;        /* allies of one system that are partners of another */
    size_t ncrossing;
} hs_hub_systems;

/* The system around each hub in the view options' year (hubs: state ids,
 * at least one, no repeats). options may be NULL: no intervals. res must be
 * destroyed with hs_hub_systems_destroy, also after a failure. */
hs_error hs_hub_systems_compute(const hs_model *model, const hs_view_options *base, const char *const *hubs,
                                size_t nhubs, const hs_bootstrap_options *options, hs_hub_systems *res);
void hs_hub_systems_destroy(hs_hub_systems *res);

#ifdef __cplusplus
}
#endif
#endif
