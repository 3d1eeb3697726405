/* Bootstrap intervals over the instruments of a year (docs/metrics.md, "Intervals"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "inference/inference_internal.h"

void hs_bootstrap_options_init(hs_bootstrap_options *o) {
    o->draws = 1000;
    o->seed = 1;
    o->level = 0.95;
}

hs_error hs_bootstrap_options_check(const hs_bootstrap_options *o) {
    if (!o) return hs_error_set(HS_EARG, "bootstrap: no options");
    if (o->draws < 1) return hs_error_set(HS_EARG, "bootstrap: %lld draws (need at least 1)", o->draws);
    if (o->draws > 100000000) return hs_error_set(HS_EARG, "bootstrap: %lld draws (at most 100000000)", o->draws);
    if (!(o->level > 0.0 && o->level < 1.0))
        return hs_error_set(HS_EARG, "bootstrap: level %g is not in (0, 1)", o->level);
    return HS_OK;
}

hs_error hs_bootstrap_view(const hs_view *v, const hs_bootstrap_options *o, hs_interval *res) {
    hs_bootstrap_options defaults;
    hs_bootstrap_options_init(&defaults);
    if (!o) o = &defaults;
    hs_error err = hs_bootstrap_options_check(o);
    if (err) return err;
    hs_view_parts p;
    if ((err = hs_view_parts_init(&p, v))) return err;
    double total[PART_COUNT] = {0}, estimate[HS_BOOT_STAT_COUNT];
    for (size_t k = 0; k < p.count; k++)
        for (int q = 0; q < PART_COUNT; q++) total[q] += p.part[k][q];
    hs_stats_of(total, p.has_hub, estimate);
    double *draws = hs_malloc((size_t)o->draws * HS_BOOT_STAT_COUNT * sizeof *draws);
    if (!draws) {
        hs_view_parts_destroy(&p);
        return HS_ENOMEM;
    }
    hs_prng rng;
    hs_prng_seed(&rng, o->seed);
    for (long long d = 0; d < o->draws; d++) {
        /* As many instruments as the year has, drawn with replacement. */
        double sum[PART_COUNT] = {0}, stat[HS_BOOT_STAT_COUNT];
        for (size_t i = 0; i < p.count; i++) {
            const double *q = p.part[hs_prng_below(&rng, p.count)];
            for (int j = 0; j < PART_COUNT; j++) sum[j] += q[j];
        }
        hs_stats_of(sum, p.has_hub, stat);
        for (int s = 0; s < HS_BOOT_STAT_COUNT; s++) draws[(size_t)s * (size_t)o->draws + (size_t)d] = stat[s];
    }
    for (int s = 0; s < HS_BOOT_STAT_COUNT; s++)
        hs_interval_of(estimate[s], draws + (size_t)s * (size_t)o->draws, o->draws, o->level, &res[s]);
    free(draws);
    hs_view_parts_destroy(&p);
    return HS_OK;
}
