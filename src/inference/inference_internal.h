/* Shared parts of the inference module (not installed). */
#ifndef HS_INFERENCE_INTERNAL_H
#define HS_INFERENCE_INTERNAL_H

#include "hubspoke/inference.h"
#include "measures/prng.h"

/* The sums over ties the resampled values are made of (docs/metrics.md):
 * K's three weights, U's two, C's two counts. */
enum { PART_HUB, PART_COORDINATED, PART_BARE, PART_TO_HUB, PART_TO_SYSTEM, PART_INTERNAL, PART_EXTERNAL, PART_COUNT };

/* The instruments of a view: a key per instrument (model edge index of a
 * bilateral tie, or -1 - model vertex index of a mechanism), its first tie,
 * and its parts. tie_instrument[i] is tie i's instrument. */
typedef struct hs_view_parts {
    size_t count;
    long *key;
    size_t *first_tie;
    double (*part)[PART_COUNT];
    size_t *tie_instrument;
    int has_hub;
} hs_view_parts;

hs_error hs_view_parts_init(hs_view_parts *p, const hs_view *view);
void hs_view_parts_destroy(hs_view_parts *p);

/* The values of every hs_boot_stat from summed parts. */
void hs_stats_of(const double sum[PART_COUNT], int has_hub, double out[HS_BOOT_STAT_COUNT]);

/* The interval of `n` draws (NaN = undefined, reordered in place) at `level`. */
void hs_interval_of(double estimate, double *draws, long long n, double level, hs_interval *res);

#endif
