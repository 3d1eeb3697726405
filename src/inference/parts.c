/* The instruments of a view and their parts in the resampled values. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "inference/inference_internal.h"
#include "metrics/metrics_internal.h"

static const char *const stat_names[HS_BOOT_STAT_COUNT] = {
    "coordination",          "unidirectionality",       "closedness",       "hub_brokered_closure", "ei_index",
    "hub_tie_weight",        "coordinated_ally_weight", "bare_ally_weight"};

const char *hs_boot_stat_name(hs_boot_stat stat) {
    return (unsigned)stat < HS_BOOT_STAT_COUNT ? stat_names[stat] : "unknown";
}

int hs_boot_stat_parse(const char *name) {
    for (int i = 0; name && i < HS_BOOT_STAT_COUNT; i++) {
        if (strcmp(stat_names[i], name) == 0) return i;
    }
    return -1;
}

void hs_stats_of(const double s[PART_COUNT], int has_hub, double out[HS_BOOT_STAT_COUNT]) {
    /* K as hs_indices_compute() has it: the hub's own ties (the spokes) do not enter. */
    out[HS_BOOT_COORDINATION] = hs_share(s[PART_COORDINATED], s[PART_COORDINATED] + s[PART_BARE]);
    out[HS_BOOT_UNIDIRECTIONALITY] = hs_share(s[PART_TO_HUB], s[PART_TO_SYSTEM]);
    double ie = s[PART_INTERNAL] + s[PART_EXTERNAL];
    out[HS_BOOT_CLOSEDNESS] = has_hub ? hs_share(s[PART_INTERNAL], ie) : NAN;
    out[HS_BOOT_HUB_BROKERED_CLOSURE] = hs_share(s[PART_COORDINATED], s[PART_COORDINATED] + s[PART_BARE]);
    out[HS_BOOT_EI_INDEX] = has_hub && ie > 0 ? (s[PART_EXTERNAL] - s[PART_INTERNAL]) / ie : NAN;
    out[HS_BOOT_HUB_TIE_WEIGHT] = s[PART_HUB];
    out[HS_BOOT_COORDINATED_ALLY_WEIGHT] = s[PART_COORDINATED];
    out[HS_BOOT_BARE_ALLY_WEIGHT] = s[PART_BARE];
}

void hs_view_parts_destroy(hs_view_parts *p) {
    free(p->key);
    free(p->first_tie);
    free(p->part);
    free(p->tie_instrument);
    memset(p, 0, sizeof *p);
}

hs_error hs_view_parts_init(hs_view_parts *p, const hs_view *v) {
    memset(p, 0, sizeof *p);
    size_t n = hs_view_tie_count(v), nv = hs_model_vertex_count(hs_view_model(v));
    const hs_tie *ties = hs_view_ties(v);
    long *of_mechanism = hs_malloc((nv + 1) * sizeof *of_mechanism);
    p->key = hs_malloc((n + 1) * sizeof *p->key);
    p->first_tie = hs_malloc((n + 1) * sizeof *p->first_tie);
    p->part = hs_calloc(n + 1, sizeof *p->part);
    p->tie_instrument = hs_malloc((n + 1) * sizeof *p->tie_instrument);
    if (!of_mechanism || !p->key || !p->first_tie || !p->part || !p->tie_instrument) {
        free(of_mechanism);
        hs_view_parts_destroy(p);
        return HS_ENOMEM;
    }
    for (size_t i = 0; i < nv; i++) of_mechanism[i] = -1;
    p->has_hub = hs_view_hub(v) >= 0;
    for (size_t i = 0; i < n; i++) {
        const hs_tie *t = &ties[i];
        size_t k;
        if (t->mechanism && of_mechanism[t->source] >= 0) {
            k = (size_t)of_mechanism[t->source];
        } else {
            k = p->count++;
            p->key[k] = t->mechanism ? -1 - t->source : t->source;
            p->first_tie[k] = i;
            if (t->mechanism) of_mechanism[t->source] = (long)k;
        }
        p->tie_instrument[i] = k;
        double *q = p->part[k];
        switch (hs_tie_coordination(v, t)) {
        case 1: q[PART_HUB] += t->weight; break;
        case 2: q[PART_COORDINATED] += t->weight; break;
        case 3: q[PART_BARE] += t->weight; break;
        default: break;
        }
        size_t from[2];
        int hub[2];
        double w[2];
        int arcs = hs_tie_dependence_arcs(v, t, from, hub, w);
        for (int a = 0; a < arcs; a++) {
            q[PART_TO_SYSTEM] += w[a];
            if (hub[a]) q[PART_TO_HUB] += w[a];
        }
        int b = hs_tie_boundary(v, t);
        /* C counts each tie by its share of a relation. */
        if (b > 0) q[PART_INTERNAL] += t->share;
        else if (b < 0) q[PART_EXTERNAL] += t->share;
    }
    free(of_mechanism);
    return HS_OK;
}

static int by_value(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

void hs_interval_of(double estimate, double *draws, long long n, double level, hs_interval *res) {
    long long d = 0;
    double sum = 0, sum2 = 0;
    for (long long i = 0; i < n; i++) {
        if (isnan(draws[i])) continue;
        draws[d++] = draws[i];
        sum += draws[i];
    }
    res->estimate = estimate;
    res->defined = d;
    res->lo = res->hi = res->se = NAN;
    if (!d) return;
    double mean = sum / (double)d;
    for (long long i = 0; i < d; i++) sum2 += (draws[i] - mean) * (draws[i] - mean);
    res->se = d > 1 ? sqrt(sum2 / (double)(d - 1)) : 0.0;
    qsort(draws, (size_t)d, sizeof *draws, by_value);
    double q[2] = {(1.0 - level) / 2.0, (1.0 + level) / 2.0}, *out[2] = {&res->lo, &res->hi};
    for (int k = 0; k < 2; k++) {
        double h = (double)(d - 1) * q[k];
        long long j = (long long)floor(h);
        *out[k] = j + 1 < d ? draws[j] + (h - (double)j) * (draws[j + 1] - draws[j]) : draws[d - 1];
    }
}
