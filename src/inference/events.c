/* The change of K, U and C across each start and end of a mechanism
 * (docs/metrics.md, "Events"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "inference/inference_internal.h"

void hs_events_destroy(hs_events *res) {
    free(res->items);
    memset(res, 0, sizeof *res);
}

/* One year of the range: its instruments, where they are in the pool, and
 * whether the hub exists. */
typedef struct year_parts {
    hs_view_parts p;
    size_t *pool; /* pool index of each instrument */
    size_t *mechanisms; /* the model vertices of its active mechanisms */
    size_t nmechanisms;
} year_parts;

static void years_free(year_parts *y, size_t n) {
    for (size_t i = 0; y && i < n; i++) {
        hs_view_parts_destroy(&y[i].p);
        free(y[i].pool);
        free(y[i].mechanisms);
    }
    free(y);
}

static int year_has_mechanism(const year_parts *y, size_t vertex) {
    for (size_t k = 0; k < y->nmechanisms; k++)
        if (y->mechanisms[k] == vertex) return 1;
    return 0;
}

/* K, U, C of a year with each instrument counted count[pool] times (NULL: once). */
static void year_indices(const year_parts *y, const unsigned *count, double out[3]) {
    double sum[PART_COUNT] = {0}, stat[HS_BOOT_STAT_COUNT];
    for (size_t k = 0; k < y->p.count; k++) {
        double c = count ? (double)count[y->pool[k]] : 1.0;
        if (c == 0.0) continue;
        for (int q = 0; q < PART_COUNT; q++) sum[q] += c * y->p.part[k][q];
    }
    hs_stats_of(sum, y->p.has_hub, stat);
    out[0] = stat[HS_BOOT_COORDINATION];
    out[1] = stat[HS_BOOT_UNIDIRECTIONALITY];
    out[2] = stat[HS_BOOT_CLOSEDNESS];
}

/* Mean over the defined years of [from, to) of index i, cut to the range. */
static double mean_of(const double (*value)[3], int first, int last, int from, int to, int i, int *years) {
    double sum = 0;
    int n = 0;
    for (int y = from < first ? first : from; y < to && y <= last; y++) {
        double x = value[y - first][i];
        if (isnan(x)) continue;
        sum += x;
        n++;
    }
    if (years) *years = n;
    return n ? sum / n : NAN;
}

static hs_error push_event(hs_events *res, size_t *cap, size_t mech, int start, int year) {
    if (res->count == *cap) {
        size_t c = *cap ? 2 * *cap : 16;
        hs_event *p = hs_realloc(res->items, c * sizeof *p);
        if (!p) return HS_ENOMEM;
        res->items = p;
        *cap = c;
    }
    hs_event *e = &res->items[res->count++];
    memset(e, 0, sizeof *e);
    e->mechanism = mech;
    e->start = start;
    e->year = year;
    return HS_OK;
}

static int by_year(const void *x, const void *y) {
    const hs_event *a = x, *b = y;
    if (a->year != b->year) return a->year < b->year ? -1 : 1;
    if (a->mechanism != b->mechanism) return a->mechanism < b->mechanism ? -1 : 1;
    return b->start - a->start;
}

hs_error hs_events_compute(const hs_model *m, const hs_view_options *base, int first, int last, int window,
                           const hs_bootstrap_options *o, hs_events *res) {
    memset(res, 0, sizeof *res);
    if (!m || !base) return hs_error_set(HS_EARG, "events: NULL argument");
    if (first > last) return hs_error_set(HS_EARG, "events: first year %d is after the last, %d", first, last);
    if (window < 1) return hs_error_set(HS_EARG, "events: a window of %d years (need at least 1)", window);
    hs_error err = o ? hs_bootstrap_options_check(o) : HS_OK;
    if (err) return err;
    res->window = window;
    size_t nyears = (size_t)(last - first) + 1, nv = hs_model_vertex_count(m), ne = hs_model_edge_count(m);
    year_parts *years = hs_calloc(nyears, sizeof *years);
    long *pool_of = hs_malloc((ne + nv + 1) * sizeof *pool_of); /* key -> pool index, -1 none */
    double (*value)[3] = hs_malloc(nyears * sizeof *value);
    if (!years || !pool_of || !value) {
        err = HS_ENOMEM;
        goto done;
    }
    /* Edits add edges beyond the model's; their keys do not fit the table and
     * are not in it: an edited view is not an event study. */
    if (base->edit_count) {
        err = hs_error_set(HS_EARG, "events: what-if edits are not supported");
        goto done;
    }
    for (size_t i = 0; i < ne + nv; i++) pool_of[i] = -1;
    size_t npool = 0;
    for (size_t i = 0; i < nyears && !err; i++) {
        hs_view_options vo = *base;
        vo.has_year = 1;
        vo.year = first + (int)i;
        hs_view *v = NULL;
        if ((err = hs_view_new(m, &vo, &v))) break;
        year_parts *y = &years[i];
        err = hs_view_parts_init(&y->p, v);
        y->pool = hs_malloc((y->p.count + 1) * sizeof *y->pool);
        y->nmechanisms = hs_view_mechanism_count(v);
        y->mechanisms = hs_malloc((y->nmechanisms + 1) * sizeof *y->mechanisms);
        if (!err && (!y->pool || !y->mechanisms)) err = HS_ENOMEM;
        for (size_t k = 0; !err && k < y->nmechanisms; k++) y->mechanisms[k] = hs_view_mechanism_vertex(v, k);
        for (size_t k = 0; !err && k < y->p.count; k++) {
            long key = y->p.key[k];
            size_t slot = key >= 0 ? (size_t)key : ne + (size_t)(-1 - key);
            if (pool_of[slot] < 0) pool_of[slot] = (long)npool++;
            y->pool[k] = (size_t)pool_of[slot];
        }
        if (!err) year_indices(y, NULL, value[i]);
        hs_view_destroy(v);
    }
    if (err) goto done;
    /* The starts and ends inside the range, of mechanisms the views hold. */
    size_t cap = 0;
    for (size_t vx = 0; vx < nv && !err; vx++) {
        if (hs_vertex_type_of(m, vx) != HS_VERTEX_MECHANISM) continue;
        int since = hs_vertex_since(m, vx), until = hs_vertex_until(m, vx);
        if (since > first && since <= last && year_has_mechanism(&years[since - first], vx))
            err = push_event(res, &cap, vx, 1, since);
        if (!err && until > first && until <= last && year_has_mechanism(&years[until - 1 - first], vx))
            err = push_event(res, &cap, vx, 0, until);
    }
    if (err) goto done;
    qsort(res->items, res->count, sizeof *res->items, by_year);
    for (size_t k = 0; k < res->count; k++) {
        hs_event *e = &res->items[k];
        for (size_t j = 0; j < res->count; j++)
            e->others += j != k && res->items[j].year > e->year - window && res->items[j].year <= e->year + window - 1;
        for (int i = 0; i < 3; i++) {
            int nb, na;
            double before = mean_of(value, first, last, e->year - window, e->year, i, &nb);
            double after = mean_of(value, first, last, e->year, e->year + window, i, &na);
            if (i == 0) {
                e->years_before = nb;
                e->years_after = na;
            }
            /* Decision D1: change = after - before. */
            e->change[i] = (hs_interval){after - before, NAN, NAN, NAN, 0};
        }
    }
    if (!o || !res->count) goto done;
    /* Each draw resamples the instruments of the whole range at once: the
     * years before and after an event share the draw. */
    {
        long long draws = o->draws;
        unsigned *count = hs_malloc((npool + 1) * sizeof *count);
        double (*drawn)[3] = hs_malloc(nyears * sizeof *drawn);
        double *changes = hs_malloc((size_t)draws * res->count * 3 * sizeof *changes);
        if (!count || !drawn || !changes) {
            free(count);
            free(drawn);
            free(changes);
            err = HS_ENOMEM;
            goto done;
        }
        hs_prng rng;
        hs_prng_seed(&rng, o->seed);
        for (long long d = 0; d < draws; d++) {
            memset(count, 0, (npool + 1) * sizeof *count);
            for (size_t i = 0; i < npool; i++) count[hs_prng_below(&rng, npool)]++;
            for (size_t i = 0; i < nyears; i++) year_indices(&years[i], count, drawn[i]);
            for (size_t k = 0; k < res->count; k++) {
                const hs_event *e = &res->items[k];
                for (int i = 0; i < 3; i++)
                    changes[(k * 3 + (size_t)i) * (size_t)draws + (size_t)d] =
                        mean_of(drawn, first, last, e->year, e->year + window, i, NULL) -
                        mean_of(drawn, first, last, e->year - window, e->year, i, NULL);
            }
        }
        for (size_t k = 0; k < res->count; k++)
            for (int i = 0; i < 3; i++)
                hs_interval_of(res->items[k].change[i].estimate, changes + (k * 3 + (size_t)i) * (size_t)draws, draws,
                               o->level, &res->items[k].change[i]);
        free(count);
        free(drawn);
        free(changes);
    }
done:
    years_free(years, nyears);
    free(pool_of);
    free(value);
    if (err) hs_events_destroy(res);
    return err;
}
