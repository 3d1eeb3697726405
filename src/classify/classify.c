/* The typology of minilateral mechanisms: each mechanism's size, and the
 * change it makes to unidirectionality (U) and closedness (C), judged against
 * the changes the system's own relations make, in two pictures: the system
 * as it stands and the hub's lines around the mechanism. Definitions, the
 * reasons for every default and the uncertainty scheme: docs/typology.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "codebook/codebook_internal.h"
#include "core/internal.h"
#include "hubspoke/classify.h"
#include "measures/prng.h"
#include "metrics/metrics_internal.h"
#include "view/view_internal.h"

#define TOL HS_CLASSIFY_TOLERANCE
/* The outcomes a draw can give: every type but ambiguous and unclassified. */
#define DRAWN_TYPES HS_MECHANISM_AMBIGUOUS

const char *hs_mechanism_type_name(hs_mechanism_type type) {
    switch (type) {
    case HS_MECHANISM_HUB_AND_SPOKES: return "hub-and-spokes";
    case HS_MECHANISM_INTEGRATIVE: return "integrative";
    case HS_MECHANISM_EXPANSIVE: return "expansive";
    case HS_MECHANISM_LOOSE_MULTILATERAL: return "loose-multilateral";
    case HS_MECHANISM_BILATERAL: return "bilateral";
    case HS_MECHANISM_MULTILATERAL: return "multilateral";
    case HS_MECHANISM_AMBIGUOUS: return "ambiguous";
    default: return NULL;
    }
}

const char *hs_size_class_name(hs_size_class c) {
    switch (c) {
    case HS_SIZE_BILATERAL: return "bilateral";
    case HS_SIZE_MINILATERAL: return "minilateral";
    case HS_SIZE_MULTILATERAL: return "multilateral";
    default: return NULL;
    }
}

void hs_classify_options_init(hs_classify_options *o) {
    *o = (hs_classify_options){.mechanism = NULL,
                               .critical_mass = 4,
                               .reference_quantile = 0.5,
                               .threshold_unidirectionality = NAN,
                               .threshold_closedness = NAN,
                               .sensitivity = 0,
                               .seed = 1,
                               .spread = 0.25,
                               .recode = 0.1,
                               .quantile_low = 0.25,
                               .quantile_high = 0.75,
                               .threshold_sweep = 2.0,
                               .ambiguous_below = 0.8};
}

/* ---- sums of the indices over a set of ties ---------------------------------------- */

/* What U and C are made of. The counts are exact, so that a difference of
 * sums that should be empty is recognised as empty whatever its rounding. */
typedef struct sums {
    double to_hub, to_system; /* depth of the allies' dependence arcs: to the hub; to the hub or allies */
    double internal, external; /* shares of the ties inside the system and across its boundary */
    long arcs, touching;       /* the number of those arcs, and of those ties */
} sums;

static void sums_add(sums *s, const sums *x, int sign) {
    s->to_hub += sign * x->to_hub;
    s->to_system += sign * x->to_system;
    s->internal += sign * x->internal;
    s->external += sign * x->external;
    s->arcs += sign * x->arcs;
    s->touching += sign * x->touching;
}

/* A tie's part in U and C: the arcs and boundary the indices use. */
static void add_tie(const hs_view *v, const hs_tie *t, sums *s) {
    size_t from[2];
    int hub[2];
    double w[2];
    int n = hs_tie_dependence_arcs(v, t, from, hub, w);
    for (int k = 0; k < n; k++) {
        s->to_system += w[k];
        if (hub[k]) s->to_hub += w[k];
        s->arcs++;
    }
    int boundary = hs_tie_boundary(v, t);
    if (boundary > 0) s->internal += t->share;
    else if (boundary < 0) s->external += t->share;
    if (boundary) s->touching++;
}

/* U of a picture: NaN without an ally in it; 1 when its allies have no
 * dependence at all (nothing has moved off the hub). */
static double u_of(const sums *s, int allies) {
    if (!allies) return NAN;
    return s->arcs > 0 && s->to_system > 0.0 ? s->to_hub / s->to_system : 1.0;
}

/* C of a picture: 1 when no tie touches the system (nothing crosses). */
static double c_of(const sums *s) {
    return s->touching > 0 && s->internal + s->external > 0.0 ? s->internal / (s->internal + s->external) : 1.0;
}

/* ---- relations and their changes ----------------------------------------------------- */

/* A relation: a bilateral tie that is not a line, or a mechanism of two or
 * more members (its ties that are not lines). */
typedef struct relation {
    sums contrib;
    long mech;          /* view mechanism index, or -1 for a bilateral tie */
    size_t a, b;        /* a bilateral relation's states */
    int has_ally;       /* at least one member is an ally: it has lines around it */
    /* The pictures without and with it, and the changes (with - without). */
    double u[2][2], c[2][2], du[2], dc[2];
} relation;

/* One view, analysed: every relation's changes in both pictures and the
 * reference magnitudes. */
typedef struct analysis {
    size_t nrel;
    relation *rel;
    long *mech_relation; /* view mechanism index -> relation index, -1 below two members */
    double ref_u[2], ref_c[2];
    size_t nref_u[2], nref_c[2];
} analysis;

static void analysis_free(analysis *a) {
    free(a->rel);
    free(a->mech_relation);
    memset(a, 0, sizeof *a);
}

static int cmp_double(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* The q-quantile of n values (sorted in place) by linear interpolation
 * between order statistics (Hyndman and Fan 1996, definition 7); NaN for none. */
static double quantile(double *x, size_t n, double q) {
    if (n == 0) return NAN;
    qsort(x, n, sizeof *x, cmp_double);
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    if (lo + 1 >= n) return x[n - 1];
    return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

/* The reference magnitude of the changes d[0..n) that exist and are not zero
 * (with on_lines, of relations with lines around them); *count how many. */
static double reference(const analysis *an, int picture, int of_u, double q, double *scratch, size_t *count) {
    size_t n = 0;
    for (size_t r = 0; r < an->nrel; r++) {
        const relation *rel = &an->rel[r];
        double d = of_u ? rel->du[picture] : rel->dc[picture];
        if (picture == HS_PICTURE_LINES && !rel->has_ally) continue;
        if (!isnan(d) && fabs(d) > TOL) scratch[n++] = fabs(d);
    }
    *count = n;
    return quantile(scratch, n, q);
}

static hs_error analyse(const hs_view *v, double q, analysis *an) {
    size_t ns = hs_view_state_count(v), nm = hs_view_mechanism_count(v), nt = hs_view_tie_count(v);
    size_t nv = hs_model_vertex_count(hs_view_model(v));
    long hub = hs_view_hub(v);
    memset(an, 0, sizeof *an);
    long *mech_of_vertex = hs_malloc((nv + 1) * sizeof *mech_of_vertex);
    sums *lines = hs_calloc(ns + 1, sizeof *lines);
    an->rel = hs_calloc(nt + nm + 1, sizeof *an->rel);
    an->mech_relation = hs_malloc((nm + 1) * sizeof *an->mech_relation);
    double *scratch = hs_malloc((nt + nm + 1) * sizeof *scratch);
    if (!mech_of_vertex || !lines || !an->rel || !an->mech_relation || !scratch) {
        free(mech_of_vertex);
        free(lines);
        free(scratch);
        analysis_free(an);
        return HS_ENOMEM;
    }
    int any_ally = 0;
    for (size_t s = 0; s < ns; s++) any_ally |= hs_view_state_role(v, s) == HS_ROLE_ALLY;
    for (size_t i = 0; i < nv; i++) mech_of_vertex[i] = -1;
    for (size_t k = 0; k < nm; k++) {
        mech_of_vertex[hs_view_mechanism_vertex(v, k)] = (long)k;
        an->mech_relation[k] = -1;
        size_t count = hs_view_mechanism_member_count(v, k);
        if (count < 2) continue;
        relation *rel = &an->rel[an->nrel];
        rel->mech = (long)k;
        const size_t *members = hs_view_mechanism_members(v, k);
        for (size_t i = 0; i < count; i++) rel->has_ally |= hs_view_state_role(v, members[i]) == HS_ROLE_ALLY;
        an->mech_relation[k] = (long)an->nrel++;
    }
    sums total = {0};
    for (size_t i = 0; i < nt; i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        add_tie(v, t, &total);
        if (t->line) { /* the frame: never a relation */
            add_tie(v, t, &lines[(long)t->a == hub ? t->b : t->a]);
            continue;
        }
        relation *rel;
        if (t->mechanism) {
            rel = &an->rel[an->mech_relation[mech_of_vertex[t->source]]];
        } else {
            rel = &an->rel[an->nrel++];
            rel->mech = -1;
            rel->a = t->a;
            rel->b = t->b;
            rel->has_ally = hs_view_state_role(v, t->a) == HS_ROLE_ALLY || hs_view_state_role(v, t->b) == HS_ROLE_ALLY;
        }
        add_tie(v, t, &rel->contrib);
    }
    for (size_t r = 0; r < an->nrel; r++) {
        relation *rel = &an->rel[r];
        /* The lines around it: those of its allied members, each once. */
        sums around = {0};
        if (rel->mech >= 0) {
            const size_t *members = hs_view_mechanism_members(v, (size_t)rel->mech);
            for (size_t i = 0; i < hs_view_mechanism_member_count(v, (size_t)rel->mech); i++)
                sums_add(&around, &lines[members[i]], 1);
        } else {
            sums_add(&around, &lines[rel->a], 1);
            if (rel->b != rel->a) sums_add(&around, &lines[rel->b], 1);
        }
        sums pic[2][2]; /* [picture][without, with] */
        pic[HS_PICTURE_SYSTEM][1] = total;
        pic[HS_PICTURE_SYSTEM][0] = total;
        sums_add(&pic[HS_PICTURE_SYSTEM][0], &rel->contrib, -1);
        pic[HS_PICTURE_LINES][0] = around;
        pic[HS_PICTURE_LINES][1] = around;
        sums_add(&pic[HS_PICTURE_LINES][1], &rel->contrib, 1);
        for (int p = 0; p < 2; p++) {
            int allies = p == HS_PICTURE_SYSTEM ? any_ally : rel->has_ally;
            for (int w = 0; w < 2; w++) {
                rel->u[p][w] = u_of(&pic[p][w], allies);
                rel->c[p][w] = hub >= 0 ? c_of(&pic[p][w]) : NAN;
            }
            rel->du[p] = rel->u[p][1] - rel->u[p][0];
            rel->dc[p] = rel->c[p][1] - rel->c[p][0];
        }
    }
    for (int p = 0; p < 2; p++) {
        an->ref_u[p] = reference(an, p, 1, q, scratch, &an->nref_u[p]);
        an->ref_c[p] = reference(an, p, 0, q, scratch, &an->nref_c[p]);
    }
    free(mech_of_vertex);
    free(lines);
    free(scratch);
    return HS_OK;
}

/* ---- verdicts ------------------------------------------------------------------------ */

/* A fall at least as large as the threshold (a fixed one, else the reference). */
static int weakened(double change, double reference_magnitude, double fixed) {
    double threshold = isnan(fixed) ? reference_magnitude : fixed;
    if (isnan(change) || isnan(threshold) || change >= -TOL) return 0;
    return -change >= threshold - TOL;
}

static hs_mechanism_type cell_of(int weak_u, int weak_c) {
    return weak_u ? (weak_c ? HS_MECHANISM_LOOSE_MULTILATERAL : HS_MECHANISM_INTEGRATIVE)
                  : (weak_c ? HS_MECHANISM_EXPANSIVE : HS_MECHANISM_HUB_AND_SPOKES);
}

static hs_size_class size_class_of(size_t members, size_t critical_mass) {
    return members < 2 ? HS_SIZE_NONE
           : members == 2 ? HS_SIZE_BILATERAL
           : members <= critical_mass ? HS_SIZE_MINILATERAL
                                      : HS_SIZE_MULTILATERAL;
}

static hs_mechanism_type type_of(hs_size_class size, hs_mechanism_type cell) {
    return size == HS_SIZE_BILATERAL ? HS_MECHANISM_BILATERAL
           : size == HS_SIZE_MULTILATERAL ? HS_MECHANISM_MULTILATERAL
                                          : cell;
}

/* Whether mechanism k is part of the system's typology at all. */
static int classifiable(const hs_view *v, size_t k) {
    if (hs_view_hub(v) < 0 || hs_view_mechanism_member_count(v, k) < 2) return 0;
    const size_t *members = hs_view_mechanism_members(v, k);
    for (size_t i = 0; i < hs_view_mechanism_member_count(v, k); i++)
        if (hs_in_system(v, members[i])) return 1;
    return 0;
}

/* The cell and type of mechanism k in one picture. */
static void judge(const hs_view *v, const analysis *an, size_t k, int picture, const hs_classify_options *o,
                  double fixed_u, double fixed_c, hs_mechanism_type *cell, hs_mechanism_type *type) {
    if (!classifiable(v, k)) {
        *cell = *type = HS_MECHANISM_UNCLASSIFIED;
        return;
    }
    const relation *rel = &an->rel[an->mech_relation[k]];
    *cell = cell_of(weakened(rel->du[picture], an->ref_u[picture], fixed_u),
                    weakened(rel->dc[picture], an->ref_c[picture], fixed_c));
    *type = type_of(size_class_of(hs_view_mechanism_member_count(v, k), o->critical_mass), *cell);
}

/* ---- the classification's storage ------------------------------------------------------ */

typedef struct entry {
    hs_mechanism_class pub;
    size_t k;            /* index among the view's active mechanisms */
    char *explanation;
    const char **member_ids;
    hs_role *member_roles;
    size_t counts[DRAWN_TYPES], counts_lines[DRAWN_TYPES]; /* draws per type */
    hs_mechanism_type alt_types[DRAWN_TYPES];
    double alt_shares[DRAWN_TYPES];
} entry;

struct hs_classification {
    const char *hub;     /* points into the caller's model, like every id */
    size_t count;
    entry *entries;
    double ref_u[2], ref_c[2];
    size_t nref_u[2], nref_c[2];
};

static void fill_numbers(const hs_view *v, const analysis *an, const hs_classify_options *o, entry *e) {
    hs_mechanism_class *c = &e->pub;
    double *out[2][6] = {{&c->system_unidirectionality_without, &c->system_unidirectionality_with,
                          &c->system_closedness_without, &c->system_closedness_with,
                          &c->system_delta_unidirectionality, &c->system_delta_closedness},
                         {&c->unidirectionality_without, &c->unidirectionality_with, &c->closedness_without,
                          &c->closedness_with, &c->delta_unidirectionality, &c->delta_closedness}};
    int ok = classifiable(v, e->k);
    const relation *rel = ok ? &an->rel[an->mech_relation[e->k]] : NULL;
    for (int p = 0; p < 2; p++) {
        *out[p][0] = ok ? rel->u[p][0] : NAN;
        *out[p][1] = ok ? rel->u[p][1] : NAN;
        *out[p][2] = ok ? rel->c[p][0] : NAN;
        *out[p][3] = ok ? rel->c[p][1] : NAN;
        *out[p][4] = ok ? rel->du[p] : NAN;
        *out[p][5] = ok ? rel->dc[p] : NAN;
    }
    judge(v, an, e->k, HS_PICTURE_SYSTEM, o, o->threshold_unidirectionality, o->threshold_closedness, &c->cell,
          &c->type);
    judge(v, an, e->k, HS_PICTURE_LINES, o, o->threshold_unidirectionality, o->threshold_closedness,
          &c->cell_lines, &c->type_lines);
    c->verdict = c->type;
    c->agreement = c->agreement_lines = NAN;
}

static hs_error fill_entry(const hs_view *v, const analysis *an, size_t k, const hs_classify_options *o, entry *e) {
    const hs_model *m = hs_view_model(v);
    size_t vx = hs_view_mechanism_vertex(v, k), count = hs_view_mechanism_member_count(v, k);
    const size_t *members = hs_view_mechanism_members(v, k);
    e->k = k;
    e->pub.vertex = vx;
    e->pub.id = hs_vertex_id(m, vx);
    e->pub.label = hs_vertex_label(m, vx);
    e->pub.member_count = count;
    e->member_ids = hs_calloc(count + 1, sizeof *e->member_ids);
    e->member_roles = hs_calloc(count + 1, sizeof *e->member_roles);
    if (!e->member_ids || !e->member_roles) return HS_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        e->member_ids[i] = hs_vertex_id(m, hs_view_state_vertex(v, members[i]));
        e->member_roles[i] = hs_view_state_role(v, members[i]);
        e->pub.outside_members += !hs_in_system(v, members[i]);
    }
    e->pub.member_ids = e->member_ids;
    e->pub.member_roles = e->member_roles;
    e->pub.size_class = size_class_of(count, o->critical_mass);
    e->pub.exceeds_one_outside_partner = e->pub.outside_members > 1;
    e->pub.alternative_types = e->alt_types;
    e->pub.alternative_shares = e->alt_shares;
    fill_numbers(v, an, o, e);
    return HS_OK;
}

/* ---- sensitivity ------------------------------------------------------------------------- */

static double uniform01(hs_prng *r) { return (double)(hs_prng_next(r) >> 11) * 0x1.0p-53; }

/* A factor drawn log-uniformly in [1/f, f]. */
static double log_uniform(hs_prng *r, double f) {
    double l = log(f);
    return exp(-l + 2.0 * l * uniform01(r));
}

/* The codebook ladder's neighbours: access .. dialogue, treaty excluded. */
static int recodable(int kind) { return kind >= HS_KIND_ACCESS && kind <= HS_KIND_DIALOGUE; }

static int neighbour(hs_prng *r, int kind) {
    if (kind == HS_KIND_ACCESS) return kind + 1;
    if (kind == HS_KIND_DIALOGUE) return kind - 1;
    return uniform01(r) < 0.5 ? kind - 1 : kind + 1;
}

/* One draw: depths uncapped, kinds and scopes recoded, thresholds swept. */
static void draw(hs_codebook *cb, const hs_codebook *base, const hs_model *m, hs_prng *r, const hs_classify_options *o,
                 signed char *edge_kind, signed char *vertex_kind, signed char *vertex_scope, double *q,
                 double *fixed_u, double *fixed_c) {
    for (int k = HS_KIND_UNSET; k < HS_KIND_COUNT; k++) {
        if (k == HS_KIND_MEMBER) continue;
        hs_codebook_redraw_tie_weight(cb, (hs_kind)k,
                                      hs_codebook_tie_weight(base, (hs_kind)k) * log_uniform(r, 1.0 + o->spread));
    }
    for (int s = 0; s < HS_SCOPE_COUNT; s++)
        hs_codebook_redraw_scope_factor(cb, (hs_scope)s,
                                        hs_codebook_scope_factor(base, (hs_scope)s) * log_uniform(r, 1.0 + o->spread));
    for (size_t i = 0; i < hs_model_edge_count(m); i++) {
        int kind = hs_edge_kind(m, i);
        edge_kind[i] = (signed char)(recodable(kind) && uniform01(r) < o->recode ? neighbour(r, kind) : kind);
    }
    for (size_t i = 0; i < hs_model_vertex_count(m); i++) {
        int kind = hs_vertex_kind(m, i), scope = hs_vertex_scope(m, i);
        vertex_kind[i] = (signed char)kind;
        vertex_scope[i] = (signed char)scope;
        if (hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM) continue;
        if (recodable(kind) && uniform01(r) < o->recode) vertex_kind[i] = (signed char)neighbour(r, kind);
        if (uniform01(r) < o->recode) vertex_scope[i] = scope == HS_SCOPE_BROAD ? HS_SCOPE_ISSUE : HS_SCOPE_BROAD;
    }
    *q = o->quantile_low + (o->quantile_high - o->quantile_low) * uniform01(r);
    *fixed_u = isnan(o->threshold_unidirectionality) ? NAN
                                                      : o->threshold_unidirectionality * log_uniform(r, o->threshold_sweep);
    *fixed_c = isnan(o->threshold_closedness) ? NAN : o->threshold_closedness * log_uniform(r, o->threshold_sweep);
}

/* Shares of the draws per type, largest first (ties in the types' order). */
static void summarise(entry *e, size_t draws, double ambiguous_below) {
    hs_mechanism_class *c = &e->pub;
    c->agreement = (double)e->counts[c->type] / (double)draws;
    c->agreement_lines = (double)e->counts_lines[c->type_lines] / (double)draws;
    c->verdict = c->agreement >= ambiguous_below - TOL ? c->type : HS_MECHANISM_AMBIGUOUS;
    c->alternative_count = 0;
    for (int t = 0; t < DRAWN_TYPES; t++) {
        if (!e->counts[t]) continue;
        size_t at = c->alternative_count++;
        while (at > 0 && e->counts[e->alt_types[at - 1]] < e->counts[t]) {
            e->alt_types[at] = e->alt_types[at - 1];
            e->alt_shares[at] = e->alt_shares[at - 1];
            at--;
        }
        e->alt_types[at] = (hs_mechanism_type)t;
        e->alt_shares[at] = (double)e->counts[t] / (double)draws;
    }
}

static hs_error sensitivity(hs_classification *c, const hs_model *model, const hs_view_options *vo,
                            const hs_codebook *base, const hs_classify_options *o) {
    size_t ne = hs_model_edge_count(model), nv = hs_model_vertex_count(model);
    hs_codebook *cb = NULL;
    signed char *codes = hs_malloc(ne + 2 * nv + 1);
    hs_error err = codes ? hs_codebook_copy(base, &cb) : HS_ENOMEM;
    hs_view_recode recode = {codes, codes + ne, codes + ne + nv};
    hs_prng r;
    hs_prng_seed(&r, o->seed);
    hs_view_options draw_options = *vo;
    draw_options.codebook = cb;
    for (size_t d = 0; d < o->sensitivity && !err; d++) {
        hs_view *v = NULL;
        analysis an;
        double q, fixed_u, fixed_c;
        draw(cb, base, model, &r, o, codes, codes + ne, codes + ne + nv, &q, &fixed_u, &fixed_c);
        if ((err = hs_view_new_recoded(model, &draw_options, &recode, &v))) break;
        if ((err = analyse(v, q, &an))) {
            hs_view_destroy(v);
            break;
        }
        for (size_t i = 0; i < c->count; i++) {
            entry *e = &c->entries[i];
            hs_mechanism_type cell, type;
            judge(v, &an, e->k, HS_PICTURE_SYSTEM, o, fixed_u, fixed_c, &cell, &type);
            if (type < DRAWN_TYPES) e->counts[type]++;
            judge(v, &an, e->k, HS_PICTURE_LINES, o, fixed_u, fixed_c, &cell, &type);
            if (type < DRAWN_TYPES) e->counts_lines[type]++;
        }
        analysis_free(&an);
        hs_view_destroy(v);
    }
    for (size_t i = 0; i < c->count && !err; i++)
        if (c->entries[i].pub.type < DRAWN_TYPES) summarise(&c->entries[i], o->sensitivity, o->ambiguous_below);
    hs_codebook_destroy(cb);
    free(codes);
    return err;
}

/* ---- explanation ------------------------------------------------------------------------ */

static const char *name_of(const hs_view *v, size_t s) {
    const hs_model *m = hs_view_model(v);
    size_t vx = hs_view_state_vertex(v, s);
    const char *label = hs_vertex_label(m, vx);
    return label && label[0] ? label : hs_vertex_id(m, vx);
}

/* "A", "A and B", "A, B and C", each with its role when with_roles. */
static hs_error append_list(hs_buf *b, const hs_view *v, const size_t *states, size_t count, int with_roles) {
    hs_error err = HS_OK;
    for (size_t i = 0; i < count && !err; i++) {
        const char *sep = i == 0 ? "" : i + 1 == count ? " and " : ", ";
        err = hs_buf_printf(b, "%s%s", sep, name_of(v, states[i]));
        if (!err && with_roles) err = hs_buf_printf(b, " (%s)", hs_role_name(hs_view_state_role(v, states[i])));
    }
    return err;
}

/* A number for words, never "nan": an index to four decimals, or a change
 * or magnitude to three significant digits (signed when `sign`). */
enum { AS_INDEX, AS_MAGNITUDE, AS_CHANGE };
static void words(char *out, size_t size, int as, double x) {
    if (isnan(x)) snprintf(out, size, "n/a");
    else if (as == AS_INDEX) snprintf(out, size, "%.4f", x);
    else if (as == AS_CHANGE) snprintf(out, size, "%+.3g", x);
    else snprintf(out, size, "%.3g", x);
}

/* "U changes by -0.0123 (from 0.600 to 0.588) against a reference of 0.0100,
 * the median change of the 12 relations that move it: weakened". */
static hs_error explain_change(hs_buf *b, const char *index, double without, double with, double change,
                               double ref, size_t nref, double fixed, double q, int weak) {
    char ch[32], w0[32], w1[32], r[32];
    words(ch, sizeof ch, AS_CHANGE, change);
    words(w0, sizeof w0, AS_INDEX, without);
    words(w1, sizeof w1, AS_INDEX, with);
    if (isnan(change))
        return hs_buf_printf(b, "%s: no ally is in this picture, so no dependence can move off the hub: kept", index);
    hs_error err = hs_buf_printf(b, "%s changes by %s (from %s to %s) ", index, ch, w0, w1);
    if (err) return err;
    if (!isnan(fixed)) {
        words(r, sizeof r, AS_MAGNITUDE, fixed);
        err = hs_buf_printf(b, "against the fixed threshold %s", r);
    } else if (nref == 0) {
        err = hs_buf_puts(b, "and no relation changes it, so there is no reference");
    } else {
        words(r, sizeof r, AS_MAGNITUDE, ref);
        if (q == 0.5)
            err = hs_buf_printf(b, "against a reference of %s, the median change of the %zu relation%s that move%s it",
                                r, nref, nref == 1 ? "" : "s", nref == 1 ? "s" : "");
        else
            err = hs_buf_printf(b, "against a reference of %s, the %g-quantile of the changes of the %zu relation%s "
                                   "that move%s it", r, q, nref, nref == 1 ? "" : "s", nref == 1 ? "s" : "");
    }
    if (!err) err = hs_buf_printf(b, ": %s", weak ? "weakened" : "kept");
    return err;
}

static hs_error explain(const hs_view *v, const hs_classification *c, const entry *e, const hs_classify_options *o,
                        char **out) {
    const hs_model *m = hs_view_model(v);
    const hs_mechanism_class *k = &e->pub;
    size_t mech = hs_view_mechanism_vertex(v, e->k), count = k->member_count;
    const size_t *members = hs_view_mechanism_members(v, e->k);
    long hub = hs_view_hub(v);
    size_t *allies = hs_calloc(count + 1, sizeof *allies), *outside = hs_calloc(count + 1, sizeof *outside);
    hs_buf b = {0};
    hs_error err = HS_OK;
    char depth[32];
    if (!allies || !outside) {
        err = HS_ENOMEM;
        goto done;
    }
    size_t na = 0, no = 0, has_hub = 0;
    for (size_t i = 0; i < count; i++) {
        hs_role r = hs_view_state_role(v, members[i]);
        if ((long)members[i] == hub) has_hub = 1;
        else if (r == HS_ROLE_ALLY) allies[na++] = members[i];
        else outside[no++] = members[i];
    }
    words(depth, sizeof depth, AS_MAGNITUDE, hs_view_mechanism_weight(v, e->k));
    err = hs_buf_printf(&b, "%s joins ", hs_vertex_id(m, mech));
    if (!err) err = append_list(&b, v, members, count, 1);
    if (!err)
        err = hs_buf_printf(&b, " (%s, %s, depth %s, shared among its members). ", hs_kind_name(hs_vertex_kind(m, mech)),
                            hs_vertex_scope(m, mech) == HS_SCOPE_BROAD ? "broad" : "issue-specific", depth);
    if (err) goto done;
    if (count < 2) {
        err = hs_buf_puts(&b, "With fewer than two active members it ties nobody and has no type.");
        goto done;
    }
    if (k->type == HS_MECHANISM_UNCLASSIFIED) {
        err = hs_buf_puts(&b, hub < 0 ? "There is no hub in this year, so there is no hub-and-spokes system to "
                                        "classify it in."
                                      : "None of its members is the hub or an ally: it lies outside the system "
                                        "and the typology does not apply.");
        goto done;
    }
    /* Size. */
    if (k->size_class == HS_SIZE_BILATERAL)
        err = hs_buf_puts(&b, "With two members it is a bilateral line, not a minilateral. ");
    else if (k->size_class == HS_SIZE_MULTILATERAL)
        err = hs_buf_printf(&b, "With %zu members it is beyond the critical mass of %zu: not a minilateral but a "
                                "multilateral alliance, the counter-model (NATO, the Rio Pact, SEATO, the Warsaw Pact) "
                                "the paper sets minilaterals against. ", count, o->critical_mass);
    else
        err = hs_buf_printf(&b, "With %zu members it is within the critical mass of %zu: a minilateral. ", count,
                            o->critical_mass);
    if (err) goto done;
    /* Whom it ties. */
    if (na >= 2) {
        err = hs_buf_puts(&b, "It ties the allies ");
        if (!err) err = append_list(&b, v, allies, na, 0);
        if (!err) err = hs_buf_puts(&b, has_hub ? " to each other under the hub's coordination" : " to each other without the hub");
    } else {
        err = hs_buf_printf(&b, "It ties no two allies to each other (%s)",
                            na == 1 ? "it has one ally member" : "it has no ally member");
    }
    if (!err && no > 0) {
        err = hs_buf_printf(&b, "; %zu outside member%s, ", no, no == 1 ? "" : "s");
        if (!err) err = append_list(&b, v, outside, no, 1);
        if (!err) err = hs_buf_printf(&b, ", tie%s the system to states outside it", no == 1 ? "s" : "");
        if (!err && no > 1)
            err = hs_buf_puts(&b, ": more than the one outside partner the paper's expansive type holds (section 3.2)");
    } else if (!err) {
        err = hs_buf_puts(&b, "; all its members are the hub or allies");
    }
    if (!err) err = hs_buf_puts(&b, ". In the system as it stands, ");
    if (!err)
        err = explain_change(&b, "U", k->system_unidirectionality_without, k->system_unidirectionality_with,
                             k->system_delta_unidirectionality, c->ref_u[HS_PICTURE_SYSTEM],
                             c->nref_u[HS_PICTURE_SYSTEM], o->threshold_unidirectionality, o->reference_quantile,
                             k->cell == HS_MECHANISM_INTEGRATIVE || k->cell == HS_MECHANISM_LOOSE_MULTILATERAL);
    if (!err) err = hs_buf_puts(&b, "; ");
    if (!err)
        err = explain_change(&b, "C", k->system_closedness_without, k->system_closedness_with,
                             k->system_delta_closedness, c->ref_c[HS_PICTURE_SYSTEM], c->nref_c[HS_PICTURE_SYSTEM],
                             o->threshold_closedness, o->reference_quantile,
                             k->cell == HS_MECHANISM_EXPANSIVE || k->cell == HS_MECHANISM_LOOSE_MULTILATERAL);
    if (!err)
        err = hs_buf_printf(&b, ": %s%s. On the hub's lines around it, ", hs_mechanism_type_name(k->cell),
                            k->size_class == HS_SIZE_MINILATERAL ? "" : " in effect");
    if (!err)
        err = explain_change(&b, "U", k->unidirectionality_without, k->unidirectionality_with,
                             k->delta_unidirectionality, c->ref_u[HS_PICTURE_LINES], c->nref_u[HS_PICTURE_LINES],
                             o->threshold_unidirectionality, o->reference_quantile,
                             k->cell_lines == HS_MECHANISM_INTEGRATIVE ||
                                 k->cell_lines == HS_MECHANISM_LOOSE_MULTILATERAL);
    if (!err) err = hs_buf_puts(&b, "; ");
    if (!err)
        err = explain_change(&b, "C", k->closedness_without, k->closedness_with, k->delta_closedness,
                             c->ref_c[HS_PICTURE_LINES], c->nref_c[HS_PICTURE_LINES], o->threshold_closedness,
                             o->reference_quantile,
                             k->cell_lines == HS_MECHANISM_EXPANSIVE || k->cell_lines == HS_MECHANISM_LOOSE_MULTILATERAL);
    if (!err)
        err = hs_buf_printf(&b, ": %s. Type: %s", hs_mechanism_type_name(k->cell_lines), hs_mechanism_type_name(k->type));
    if (!err && !isnan(k->agreement)) {
        err = hs_buf_printf(&b, "; in %zu redraws of depths, codes and threshold: ", o->sensitivity);
        for (size_t i = 0; i < k->alternative_count && !err; i++)
            err = hs_buf_printf(&b, "%s%s %.3f", i ? ", " : "", hs_mechanism_type_name(k->alternative_types[i]),
                                k->alternative_shares[i]);
        if (!err)
            err = k->verdict == HS_MECHANISM_AMBIGUOUS
                      ? hs_buf_printf(&b, ": ambiguous (agreement %.3f, below %.3g)", k->agreement, o->ambiguous_below)
                      : hs_buf_printf(&b, " (agreement %.3f)", k->agreement);
    }
    if (!err) err = hs_buf_puts(&b, ".");
done:
    free(allies);
    free(outside);
    if (err) {
        hs_buf_free(&b);
        return err;
    }
    *out = b.data;
    return HS_OK;
}

/* ---- the classification ------------------------------------------------------------------ */

static int fixed_ok(double t) { return isnan(t) || (t > 0.0 && t <= 1.0); }

static hs_error check_options(const hs_classify_options *o) {
    if (!fixed_ok(o->threshold_unidirectionality) || !fixed_ok(o->threshold_closedness))
        return hs_error_set(HS_EARG, "classify: thresholds must be in (0, 1]");
    if (o->critical_mass < 3) return hs_error_set(HS_EARG, "classify: the critical mass must be at least 3");
    if (!(o->reference_quantile > 0.0 && o->reference_quantile < 1.0) ||
        !(o->quantile_low > 0.0 && o->quantile_low <= o->quantile_high && o->quantile_high < 1.0))
        return hs_error_set(HS_EARG, "classify: reference quantiles must be in (0, 1), the range low to high");
    if (!(o->spread >= 0.0 && o->spread <= 10.0)) return hs_error_set(HS_EARG, "classify: spread must be in [0, 10]");
    if (!(o->threshold_sweep >= 1.0 && o->threshold_sweep <= 10.0))
        return hs_error_set(HS_EARG, "classify: the threshold sweep must be in [1, 10]");
    if (!(o->recode >= 0.0 && o->recode <= 1.0))
        return hs_error_set(HS_EARG, "classify: the recode probability must be in [0, 1]");
    if (!(o->ambiguous_below >= 0.0 && o->ambiguous_below <= 1.0))
        return hs_error_set(HS_EARG, "classify: the ambiguity level must be in [0, 1]");
    return HS_OK;
}

static hs_error no_such_mechanism(const hs_model *model, const hs_view *v, const char *id) {
    long vx = hs_model_find(model, id);
    if (vx < 0 || hs_vertex_type_of(model, (size_t)vx) != HS_VERTEX_MECHANISM)
        return hs_error_set(HS_EARG, "no mechanism '%s' in %s", id, hs_model_file(model));
    if (hs_view_has_year(v)) return hs_error_set(HS_EARG, "mechanism '%s' is not active in %d", id, hs_view_year(v));
    return hs_error_set(HS_EARG, "mechanism '%s' has no active member", id);
}

hs_error hs_classification_new(const hs_model *model, const hs_view_options *vo, const hs_classify_options *options,
                               hs_classification **out) {
    hs_classify_options o;
    if (options) o = *options;
    else hs_classify_options_init(&o);
    hs_error err = check_options(&o);
    if (err) return err;
    hs_view_options base_vo;
    if (vo) base_vo = *vo;
    else hs_view_options_init(&base_vo);
    hs_codebook *builtin = NULL;
    hs_view *v = NULL;
    analysis an = {0};
    hs_classification *c = hs_calloc(1, sizeof *c);
    if (!c) return HS_ENOMEM;
    if (!base_vo.codebook) {
        if ((err = hs_codebook_new(&builtin))) goto fail;
        base_vo.codebook = builtin;
    }
    if ((err = hs_view_new(model, &base_vo, &v)) || (err = analyse(v, o.reference_quantile, &an))) goto fail;
    for (int p = 0; p < 2; p++) {
        c->ref_u[p] = an.ref_u[p];
        c->ref_c[p] = an.ref_c[p];
        c->nref_u[p] = an.nref_u[p];
        c->nref_c[p] = an.nref_c[p];
    }
    size_t nm = hs_view_mechanism_count(v);
    c->entries = hs_calloc(nm + 1, sizeof *c->entries);
    if (!c->entries) {
        err = HS_ENOMEM;
        goto fail;
    }
    long hub = hs_view_hub(v);
    c->hub = hub >= 0 ? hs_vertex_id(model, hs_view_state_vertex(v, (size_t)hub)) : NULL;
    for (size_t k = 0; k < nm; k++) {
        if (o.mechanism && strcmp(o.mechanism, hs_vertex_id(model, hs_view_mechanism_vertex(v, k))) != 0) continue;
        if ((err = fill_entry(v, &an, k, &o, &c->entries[c->count++]))) goto fail;
    }
    if (o.mechanism && c->count == 0) {
        err = no_such_mechanism(model, v, o.mechanism);
        goto fail;
    }
    if (o.sensitivity > 0 && (err = sensitivity(c, model, &base_vo, base_vo.codebook, &o))) goto fail;
    for (size_t i = 0; i < c->count; i++) {
        if ((err = explain(v, c, &c->entries[i], &o, &c->entries[i].explanation))) goto fail;
        c->entries[i].pub.explanation = c->entries[i].explanation;
    }
    analysis_free(&an);
    hs_view_destroy(v);
    hs_codebook_destroy(builtin);
    *out = c;
    return HS_OK;
fail:
    analysis_free(&an);
    hs_view_destroy(v);
    hs_codebook_destroy(builtin);
    hs_classification_destroy(c);
    return err;
}

void hs_classification_destroy(hs_classification *c) {
    if (!c) return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->entries[i].explanation);
        free(c->entries[i].member_ids);
        free(c->entries[i].member_roles);
    }
    free(c->entries);
    free(c);
}

const char *hs_classification_hub(const hs_classification *c) { return c->hub; }
size_t hs_classification_count(const hs_classification *c) { return c->count; }
const hs_mechanism_class *hs_classification_get(const hs_classification *c, size_t k) {
    return k < c->count ? &c->entries[k].pub : NULL;
}

double hs_classification_reference(const hs_classification *c, hs_picture picture, int unidirectionality,
                                   size_t *relations) {
    int p = picture == HS_PICTURE_LINES ? HS_PICTURE_LINES : HS_PICTURE_SYSTEM;
    if (relations) *relations = unidirectionality ? c->nref_u[p] : c->nref_c[p];
    return unidirectionality ? c->ref_u[p] : c->ref_c[p];
}
