/* The systems around several hubs in one year, and the states they share
 * (docs/metrics.md, "Several hubs"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "inference/inference_internal.h"

static void ids_free(char **ids, size_t n) {
    for (size_t i = 0; ids && i < n; i++) free(ids[i]);
    free(ids);
}

void hs_hub_systems_destroy(hs_hub_systems *res) {
    for (size_t i = 0; res->systems && i < res->count; i++) {
        hs_hub_system *s = &res->systems[i];
        free(s->hub);
        ids_free(s->allies, s->nallies);
        ids_free(s->partners, s->npartners);
    }
    free(res->systems);
    ids_free(res->shared_partners, res->nshared_partners);
    ids_free(res->shared_allies, res->nshared_allies);
    ids_free(res->crossing, res->ncrossing);
    memset(res, 0, sizeof *res);
}

static hs_error push_id(char ***ids, size_t *n, const char *id) {
    char **p = hs_realloc(*ids, (*n + 1) * sizeof *p);
    if (!p) return HS_ENOMEM;
    *ids = p;
    if (!(p[*n] = hs_strdup(id))) return HS_ENOMEM;
    (*n)++;
    return HS_OK;
}

static int holds(char *const *ids, size_t n, const char *id) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], id) == 0) return 1;
    return 0;
}

hs_error hs_hub_systems_compute(const hs_model *m, const hs_view_options *base, const char *const *hubs, size_t nhubs,
                                const hs_bootstrap_options *o, hs_hub_systems *res) {
    memset(res, 0, sizeof *res);
    if (!m || !base || !hubs || !nhubs) return hs_error_set(HS_EARG, "several hubs: no hub given");
    for (size_t i = 0; i < nhubs; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(hubs[i], hubs[j]) == 0) return hs_error_set(HS_EARG, "several hubs: '%s' is given twice", hubs[i]);
    hs_error err = o ? hs_bootstrap_options_check(o) : HS_OK;
    if (err) return err;
    if (!(res->systems = hs_calloc(nhubs, sizeof *res->systems))) return HS_ENOMEM;
    res->count = nhubs;
    for (size_t h = 0; h < nhubs && !err; h++) {
        hs_hub_system *s = &res->systems[h];
        hs_view_options vo = *base;
        vo.hub = hubs[h];
        hs_view *v = NULL;
        if (!(s->hub = hs_strdup(hubs[h]))) err = HS_ENOMEM;
        if (err || (err = hs_view_new(m, &vo, &v))) break;
        err = hs_indices_compute(v, &s->indices);
        double est[3] = {s->indices.coordination, s->indices.unidirectionality, s->indices.closedness};
        for (int i = 0; i < 3; i++) s->interval[i] = (hs_interval){est[i], NAN, NAN, NAN, 0};
        if (!err && o) {
            hs_interval all[HS_BOOT_STAT_COUNT];
            if (!(err = hs_bootstrap_view(v, o, all)))
                for (int i = 0; i < 3; i++) s->interval[i] = all[i];
        }
        for (size_t st = 0; st < hs_view_state_count(v) && !err; st++) {
            hs_role r = hs_view_state_role(v, st);
            if (r == HS_ROLE_ALLY) err = push_id(&s->allies, &s->nallies, hs_view_state_id(v, st));
            else if (r == HS_ROLE_PARTNER) err = push_id(&s->partners, &s->npartners, hs_view_state_id(v, st));
        }
        hs_view_destroy(v);
    }
    /* What the systems share, in the order of the first system that has it. */
    for (size_t h = 0; h < nhubs && !err; h++) {
        const hs_hub_system *s = &res->systems[h];
        for (size_t k = 0; k < s->npartners + s->nallies && !err; k++) {
            int ally = k >= s->npartners;
            const char *id = ally ? s->allies[k - s->npartners] : s->partners[k];
            int partner_elsewhere = 0, ally_elsewhere = 0;
            for (size_t g = 0; g < nhubs; g++) {
                if (g == h) continue;
                partner_elsewhere |= holds(res->systems[g].partners, res->systems[g].npartners, id);
                ally_elsewhere |= holds(res->systems[g].allies, res->systems[g].nallies, id);
            }
            if (!ally && partner_elsewhere && !holds(res->shared_partners, res->nshared_partners, id))
                err = push_id(&res->shared_partners, &res->nshared_partners, id);
            if (!err && ally && ally_elsewhere && !holds(res->shared_allies, res->nshared_allies, id))
                err = push_id(&res->shared_allies, &res->nshared_allies, id);
            if (!err && ally && partner_elsewhere && !holds(res->crossing, res->ncrossing, id))
                err = push_id(&res->crossing, &res->ncrossing, id);
        }
    }
    if (err) hs_hub_systems_destroy(res);
    return err;
}
