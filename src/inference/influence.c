/* Each instrument's part in the values of a year: the jackknife (docs/metrics.md, "Influence"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "inference/inference_internal.h"

void hs_influence_destroy(hs_influence *res) {
    free(res->items);
    memset(res, 0, sizeof *res);
}

hs_error hs_influence_compute(const hs_view *v, hs_influence *res) {
    memset(res, 0, sizeof *res);
    hs_view_parts p;
    hs_error err = hs_view_parts_init(&p, v);
    if (err) return err;
    double total[PART_COUNT] = {0};
    for (size_t k = 0; k < p.count; k++)
        for (int q = 0; q < PART_COUNT; q++) total[q] += p.part[k][q];
    hs_stats_of(total, p.has_hub, res->value);
    res->items = hs_calloc(p.count + 1, sizeof *res->items);
    if (!res->items) {
        hs_view_parts_destroy(&p);
        return HS_ENOMEM;
    }
    res->count = p.count;
    for (size_t k = 0; k < p.count; k++) {
        hs_instrument *in = &res->items[k];
        const hs_tie *t = &hs_view_ties(v)[p.first_tie[k]];
        in->mechanism = t->mechanism;
        in->source = t->source;
        in->source_back = t->mechanism ? -1 : t->source_back;
        in->a = t->a;
        in->b = t->b;
        in->mutual = t->mutual;
        in->kind = (hs_kind)t->kind;
        double without[PART_COUNT], stat[HS_BOOT_STAT_COUNT];
        for (int q = 0; q < PART_COUNT; q++) without[q] = total[q] - p.part[k][q];
        hs_stats_of(without, p.has_hub, stat);
        /* Decision D1: change = with - without. */
        for (int s = 0; s < HS_BOOT_STAT_COUNT; s++) in->change[s] = res->value[s] - stat[s];
    }
    hs_view_parts_destroy(&p);
    return HS_OK;
}

/* Does x come before y: larger |change| first, NaN last. */
static int before(const hs_instrument *x, const hs_instrument *y, hs_boot_stat stat) {
    double p = fabs(x->change[stat]), q = fabs(y->change[stat]);
    if (isnan(p) || isnan(q)) return !isnan(p) && isnan(q);
    return p > q;
}

void hs_influence_sort(hs_influence *res, hs_boot_stat stat) {
    /* Insertion sort: stable (ties keep view order) and a year has a few
     * hundred instruments at most in the data sets at hand. */
    for (size_t i = 1; i < res->count; i++) {
        hs_instrument x = res->items[i];
        size_t j = i;
        for (; j > 0 && before(&x, &res->items[j - 1], stat); j--) res->items[j] = res->items[j - 1];
        res->items[j] = x;
    }
}

void hs_instrument_describe(const hs_view *v, const hs_instrument *in, char *buf, size_t size) {
    const hs_model *m = hs_view_model(v);
    if (in->mechanism) {
        snprintf(buf, size, "mechanism %s", hs_vertex_id(m, (size_t)in->source));
        return;
    }
    snprintf(buf, size, "%s%s%s %s", hs_view_state_id(v, in->a), in->mutual ? "--" : "->", hs_view_state_id(v, in->b),
             hs_kind_name(in->kind));
}
