/* The typology of minilateral mechanisms: what each mechanism changes in
 * unidirectionality and closedness around its members and the hub.
 * Definitions, thresholds and their grounding: docs/typology.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/classify.h"
#include "metrics/metrics_internal.h"
#include "measures/prng.h"

const char *hs_mechanism_type_name(hs_mechanism_type type) {
    switch (type) {
    case HS_MECHANISM_HUB_AND_SPOKES: return "hub-and-spokes";
    case HS_MECHANISM_INTEGRATIVE: return "integrative";
    case HS_MECHANISM_EXPANSIVE: return "expansive";
    case HS_MECHANISM_LOOSE_MULTILATERAL: return "loose-multilateral";
    default: return NULL;
    }
}

void hs_classify_options_init(hs_classify_options *o) {
    *o = (hs_classify_options){.mechanism = NULL,
                               .threshold_unidirectionality = 0.1,
                               .threshold_closedness = 0.1,
                               .sensitivity = 0,
                               .seed = 1,
                               .spread = 0.25};
}

/* One mechanism's entry: the public record plus the storage it points into. */
typedef struct entry {
    hs_mechanism_class pub;
    size_t k;            /* index among the view's active mechanisms */
    char *explanation;
    const char **member_ids;
    hs_role *member_roles;
} entry;

struct hs_classification {
    const char *hub;     /* points into the caller's model, like every id */
    size_t count;
    entry *entries;
};

/* The sums U and C are made of, over the ties with both ends around the mechanism. */
typedef struct sums {
    double to_hub, to_system; /* allies' dependence depth: to the hub, to the hub or allies */
    double internal, external; /* ties inside the system, ties across its boundary */
} sums;

/* A tie's part in U and in C (the same arcs and boundary as the indices). */
static void add_tie(const hs_view *v, const hs_tie *t, sums *s) {
    size_t from[2];
    int hub[2], n = hs_tie_dependence_arcs(v, t, from, hub);
    for (int k = 0; k < n; k++) {
        s->to_system += t->weight;
        if (hub[k]) s->to_hub += t->weight;
    }
    int boundary = hs_tie_boundary(v, t);
    if (boundary > 0) s->internal += 1.0;
    else if (boundary < 0) s->external += 1.0;
}

/* The four pictures of the ties around a mechanism (both ends in `around`,
 * its members and the hub), each with and without the mechanism's own
 * co-membership ties: the hub-and-spokes skeleton (the hub's bilateral
 * treaties with the allies around it: the "lines") and the system as it is. */
typedef struct pictures {
    sums skeleton_with, skeleton_without, system_with, system_without;
} pictures;

/* A line: the hub's treaty with an ally, bilateral or through another
 * multilateral defence treaty the hub is party to (NATO for the UK). */
static int is_spoke(const hs_view *v, long hub, const hs_tie *t, size_t mech) {
    if (t->kind != HS_KIND_TREATY || (t->mechanism && (size_t)t->source == mech)) return 0;
    return ((long)t->a == hub && hs_view_state_role(v, t->b) == HS_ROLE_ALLY) ||
           ((long)t->b == hub && hs_view_state_role(v, t->a) == HS_ROLE_ALLY);
}

static void around_sums(const hs_view *v, const unsigned char *around, size_t mech, pictures *p) {
    long hub = hs_view_hub(v);
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        if (!around[t->a] || !around[t->b]) continue;
        int own = t->mechanism && (size_t)t->source == mech, spoke = is_spoke(v, hub, t, mech);
        sums *into[4] = {&p->system_with, own ? NULL : &p->system_without, (own || spoke) ? &p->skeleton_with : NULL,
                         spoke ? &p->skeleton_without : NULL};
        for (int k = 0; k < 4; k++)
            if (into[k]) add_tie(v, t, into[k]);
    }
}

/* Around a mechanism with no tie at all nothing crosses the boundary: closed. */
static double closedness_of(const sums *s) {
    return s->internal + s->external > 0.0 ? s->internal / (s->internal + s->external) : 1.0;
}

/* du, dc: the changes with - without (docs/cli.md, "Changes"); a property is
 * weakened when its index falls by at least the threshold. */
static hs_mechanism_type type_of(double du, double dc, const hs_classify_options *o) {
    int weak_u = -du >= o->threshold_unidirectionality, weak_c = -dc >= o->threshold_closedness;
    return weak_u ? (weak_c ? HS_MECHANISM_LOOSE_MULTILATERAL : HS_MECHANISM_INTEGRATIVE)
                  : (weak_c ? HS_MECHANISM_EXPANSIVE : HS_MECHANISM_HUB_AND_SPOKES);
}

/* Whether the mechanism is part of the system's typology at all. */
static int classifiable(const hs_view *v, size_t k) {
    if (hs_view_hub(v) < 0) return 0;
    const size_t *members = hs_view_mechanism_members(v, k);
    for (size_t i = 0; i < hs_view_mechanism_member_count(v, k); i++)
        if (hs_in_system(v, members[i])) return 1;
    return 0;
}

/* Measure mechanism k of v: U and C around it with and without it, and its type. */
static void measure(const hs_view *v, size_t k, unsigned char *around, const hs_classify_options *o,
                    hs_mechanism_class *res) {
    if (!classifiable(v, k)) {
        res->type = HS_MECHANISM_UNCLASSIFIED;
        res->unidirectionality_with = res->unidirectionality_without = res->delta_unidirectionality = NAN;
        res->closedness_with = res->closedness_without = res->delta_closedness = NAN;
        res->system_unidirectionality_with = res->system_unidirectionality_without = NAN;
        res->system_closedness_with = res->system_closedness_without = NAN;
        return;
    }
    size_t n = hs_view_state_count(v), hub = (size_t)hs_view_hub(v);
    memset(around, 0, n);
    around[hub] = 1;
    const size_t *members = hs_view_mechanism_members(v, k);
    for (size_t i = 0; i < hs_view_mechanism_member_count(v, k); i++) around[members[i]] = 1;
    pictures p;
    around_sums(v, around, hs_view_mechanism_vertex(v, k), &p);
    res->unidirectionality_with = hs_share(p.skeleton_with.to_hub, p.skeleton_with.to_system);
    res->unidirectionality_without = hs_share(p.skeleton_without.to_hub, p.skeleton_without.to_system);
    res->delta_unidirectionality = res->unidirectionality_with - res->unidirectionality_without;
    res->closedness_with = closedness_of(&p.skeleton_with);
    res->closedness_without = closedness_of(&p.skeleton_without);
    res->delta_closedness = res->closedness_with - res->closedness_without;
    res->system_unidirectionality_with = hs_share(p.system_with.to_hub, p.system_with.to_system);
    res->system_unidirectionality_without = hs_share(p.system_without.to_hub, p.system_without.to_system);
    res->system_closedness_with = closedness_of(&p.system_with);
    res->system_closedness_without = closedness_of(&p.system_without);
    res->type = type_of(res->delta_unidirectionality, res->delta_closedness, o);
}

/* ---- explanation ------------------------------------------------------------------ */

static const char *name_of(const hs_view *v, size_t s) {
    const hs_model *m = hs_view_model(v);
    size_t vx = hs_view_state_vertex(v, s);
    const char *label = hs_vertex_label(m, vx);
    return label && label[0] ? label : hs_vertex_id(m, vx);
}

/* "A", "A and B", "A, B and C". */
static hs_error append_list(hs_buf *b, const hs_view *v, const size_t *states, size_t count) {
    hs_error err = HS_OK;
    for (size_t i = 0; i < count && !err; i++) {
        const char *sep = i == 0 ? "" : i + 1 == count ? " and " : ", ";
        err = hs_buf_printf(b, "%s%s", sep, name_of(v, states[i]));
    }
    return err;
}

static hs_error explain(const hs_view *v, size_t k, const hs_mechanism_class *c, const hs_classify_options *o,
                        char **out) {
    const hs_model *m = hs_view_model(v);
    size_t mech = hs_view_mechanism_vertex(v, k), count = hs_view_mechanism_member_count(v, k);
    const size_t *members = hs_view_mechanism_members(v, k);
    long hub = hs_view_hub(v);
    size_t *allies = hs_calloc(count + 1, sizeof *allies), *outside = hs_calloc(count + 1, sizeof *outside);
    hs_buf b = {0};
    hs_error err = HS_OK;
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
    err = hs_buf_printf(&b, "%s joins ", hs_vertex_id(m, mech));
    if (!err) err = append_list(&b, v, members, count);
    if (!err) err = hs_buf_printf(&b, " (%s, %s, depth %.2f). ", hs_kind_name(hs_vertex_kind(m, mech)),
                                  hs_vertex_scope(m, mech) == HS_SCOPE_BROAD ? "broad" : "issue-specific",
                                  hs_view_mechanism_weight(v, k));
    if (err) goto done;
    if (c->type == HS_MECHANISM_UNCLASSIFIED) {
        err = hs_buf_puts(&b, hub < 0 ? "There is no hub in this year, so there is no hub-and-spokes system to "
                                        "classify it in."
                                      : "None of its members is the hub or an ally: it lies outside the system "
                                        "and the typology does not apply.");
        goto done;
    }
    const char *hub_name = name_of(v, (size_t)hub);
    /* Unidirectionality. */
    if (na >= 2) {
        err = hs_buf_puts(&b, "It ties the allies ");
        if (!err) err = append_list(&b, v, allies, na);
        if (!err) err = hs_buf_printf(&b, " to each other (depth %.2f per pair)%s", hs_view_mechanism_weight(v, k),
                                      has_hub ? ", under the hub's coordination" : ", without the hub");
    } else {
        err = hs_buf_printf(&b, "It adds no tie between two allies%s",
                            na == 1 ? " (it has one ally member)" : " (it has no ally member)");
    }
    if (err) goto done;
    if (isnan(c->delta_unidirectionality))
        err = hs_buf_puts(&b, "; with no ally among its members, unidirectionality is kept. ");
    else
        err = hs_buf_printf(&b,
                            "; added to the hub-and-spokes lines around it (the hub's treaties with its allied "
                            "members), it moves the allies' dependence off %s: U goes from %.3f to %.3f (a fall of "
                            "%.3f, threshold %.3f): unidirectionality %s. ",
                            hub_name, c->unidirectionality_without, c->unidirectionality_with,
                            c->unidirectionality_without - c->unidirectionality_with, o->threshold_unidirectionality,
                            -c->delta_unidirectionality >= o->threshold_unidirectionality ? "weakened" : "kept");
    if (err) goto done;
    /* Closedness. */
    if (no > 0) {
        err = hs_buf_puts(&b, "The ties of ");
        for (size_t i = 0; i < no && !err; i++) {
            const char *sep = i == 0 ? "" : i + 1 == no ? " and " : ", ";
            err = hs_buf_printf(&b, "%s%s (%s)", sep, name_of(v, outside[i]),
                                hs_role_name(hs_view_state_role(v, outside[i])));
        }
        size_t inside = na + has_hub, *sys = allies;
        if (!err && has_hub) { /* the hub first */
            memmove(sys + 1, sys, na * sizeof *sys);
            sys[0] = (size_t)hub;
        }
        if (!err) err = hs_buf_puts(&b, " to ");
        if (!err) err = append_list(&b, v, sys, inside);
        if (!err)
            err = hs_buf_printf(&b, " (%zu tie%s) cross the system boundary", no * inside, no * inside == 1 ? "" : "s");
        if (!err && no > 1)
            err = hs_buf_printf(&b, ": %zu outside members, where the paper's expansive type holds one", no);
    } else {
        err = hs_buf_puts(&b, "All its members are the hub or its allies, so no tie it adds crosses the system "
                              "boundary");
    }
    if (!err)
        err = hs_buf_printf(&b, "; on those lines closedness goes from C = %.3f to %.3f (a fall of %.3f, threshold "
                                "%.3f): closedness %s. In the system as it stands around its members (every tie "
                                "among them), U goes from %.3f to %.3f and C from %.3f to %.3f. Type: %s.",
                            c->closedness_without, c->closedness_with, c->closedness_without - c->closedness_with,
                            o->threshold_closedness,
                            -c->delta_closedness >= o->threshold_closedness ? "weakened" : "kept",
                            c->system_unidirectionality_without, c->system_unidirectionality_with,
                            c->system_closedness_without, c->system_closedness_with,
                            hs_mechanism_type_name(c->type));
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

/* ---- sensitivity ------------------------------------------------------------------- */

/* A factor drawn log-uniformly in [1/(1+spread), 1+spread]. */
static double draw_factor(hs_prng *r, double spread) {
    double u = (double)(hs_prng_next(r) >> 11) * 0x1.0p-53; /* uniform in [0, 1) */
    double l = log1p(spread);
    return exp(-l + 2.0 * l * u);
}

static double clamp_depth(double w) { return w > 1.0 ? 1.0 : w; }

static hs_error redraw(hs_codebook *cb, const hs_codebook *base, hs_prng *r, double spread) {
    hs_error err = HS_OK;
    for (int k = HS_KIND_UNSET; k < HS_KIND_COUNT && !err; k++) {
        if (k == HS_KIND_MEMBER) continue;
        err = hs_codebook_set_tie_weight(cb, (hs_kind)k,
                                         clamp_depth(hs_codebook_tie_weight(base, (hs_kind)k) * draw_factor(r, spread)));
    }
    for (int s = 0; s < HS_SCOPE_COUNT && !err; s++)
        err = hs_codebook_set_scope_factor(
            cb, (hs_scope)s, clamp_depth(hs_codebook_scope_factor(base, (hs_scope)s) * draw_factor(r, spread)));
    return err;
}

static hs_error sensitivity(hs_classification *c, const hs_model *model, const hs_view_options *vo,
                            const hs_codebook *base, const hs_classify_options *o, size_t n_states) {
    hs_codebook *cb = NULL;
    unsigned char *around = hs_malloc(n_states + 1);
    size_t *agree = hs_calloc(c->count + 1, sizeof *agree);
    hs_error err = (around && agree) ? hs_codebook_copy(base, &cb) : HS_ENOMEM;
    hs_prng r;
    hs_prng_seed(&r, o->seed);
    hs_view_options draw_options = *vo;
    draw_options.codebook = cb;
    for (size_t d = 0; d < o->sensitivity && !err; d++) {
        hs_view *v = NULL;
        if ((err = redraw(cb, base, &r, o->spread)) || (err = hs_view_new(model, &draw_options, &v))) break;
        for (size_t i = 0; i < c->count; i++) {
            hs_mechanism_class drawn;
            measure(v, c->entries[i].k, around, o, &drawn);
            agree[i] += drawn.type == c->entries[i].pub.type;
        }
        hs_view_destroy(v);
    }
    for (size_t i = 0; i < c->count && !err; i++)
        c->entries[i].pub.agreement = (double)agree[i] / (double)o->sensitivity;
    hs_codebook_destroy(cb);
    free(around);
    free(agree);
    return err;
}

/* ---- the classification ------------------------------------------------------------ */

static hs_error check_options(const hs_classify_options *o) {
    if (!(o->threshold_unidirectionality > 0.0 && o->threshold_unidirectionality <= 1.0) ||
        !(o->threshold_closedness > 0.0 && o->threshold_closedness <= 1.0))
        return hs_error_set(HS_EARG, "classify: thresholds must be in (0, 1]");
    if (!(o->spread >= 0.0 && o->spread <= 10.0))
        return hs_error_set(HS_EARG, "classify: spread must be in [0, 10]");
    return HS_OK;
}

static hs_error fill_entry(const hs_view *v, size_t k, unsigned char *around, const hs_classify_options *o,
                           entry *e) {
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
    }
    e->pub.member_ids = e->member_ids;
    e->pub.member_roles = e->member_roles;
    e->pub.agreement = NAN;
    measure(v, k, around, o, &e->pub);
    hs_error err = explain(v, k, &e->pub, o, &e->explanation);
    e->pub.explanation = e->explanation;
    return err;
}

hs_error hs_classification_new(const hs_model *model, const hs_view_options *vo,
                     const hs_classify_options *options, hs_classification **out) {
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
    unsigned char *around = NULL;
    hs_classification *c = hs_calloc(1, sizeof *c);
    if (!c) return HS_ENOMEM;
    if (!base_vo.codebook) {
        if ((err = hs_codebook_new(&builtin))) goto fail;
        base_vo.codebook = builtin;
    }
    if ((err = hs_view_new(model, &base_vo, &v))) goto fail;
    size_t n = hs_view_state_count(v), nm = hs_view_mechanism_count(v);
    around = hs_malloc(n + 1);
    c->entries = hs_calloc(nm + 1, sizeof *c->entries);
    if (!around || !c->entries) {
        err = HS_ENOMEM;
        goto fail;
    }
    long hub = hs_view_hub(v);
    c->hub = hub >= 0 ? hs_vertex_id(model, hs_view_state_vertex(v, (size_t)hub)) : NULL;
    for (size_t k = 0; k < nm; k++) {
        if (o.mechanism && strcmp(o.mechanism, hs_vertex_id(model, hs_view_mechanism_vertex(v, k))) != 0) continue;
        if ((err = fill_entry(v, k, around, &o, &c->entries[c->count++]))) goto fail;
    }
    if (o.mechanism && c->count == 0) {
        long vx = hs_model_find(model, o.mechanism);
        if (vx < 0 || hs_vertex_type_of(model, (size_t)vx) != HS_VERTEX_MECHANISM)
            err = hs_error_set(HS_EARG, "no mechanism '%s' in %s", o.mechanism, hs_model_file(model));
        else if (hs_view_has_year(v))
            err = hs_error_set(HS_EARG, "mechanism '%s' is not active in %d", o.mechanism, hs_view_year(v));
        else
            err = hs_error_set(HS_EARG, "mechanism '%s' has no active member", o.mechanism);
        goto fail;
    }
    if (o.sensitivity > 0 && (err = sensitivity(c, model, &base_vo, base_vo.codebook, &o, n))) goto fail;
    hs_view_destroy(v);
    hs_codebook_destroy(builtin);
    free(around);
    *out = c;
    return HS_OK;
fail:
    hs_view_destroy(v);
    hs_codebook_destroy(builtin);
    free(around);
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
