/* The measure context of one view (metrics_internal.h): each group of
 * measures is computed the first time a measure of the registry asks for it,
 * and kept for the others, so that a selection costs the groups it touches. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_internal.h"

enum {
    DONE_INDICES = 1u << 0,
    DONE_COORDINATION = 1u << 1,
    DONE_UNIDIRECTIONALITY = 1u << 2,
    DONE_CLOSEDNESS = 1u << 3,
    DONE_CUTSETS = 1u << 4,
    DONE_BROKERAGE = 1u << 5,
    DONE_STATE = 1u << 6, /* then one bit per hs_state_vector */
    DONE_EI_DEGREE = DONE_STATE << HS_STATE_VECTORS,
    DONE_INTERVALS = DONE_EI_DEGREE << 1
};
_Static_assert(DONE_INTERVALS < (1u << 16), "the done bits run into the initialised bits");

/* Bits of the igraph objects that were initialised, so that destroy frees
 * only those. */
enum { HAS_CLOSEDNESS = 1u << 0, HAS_CUTSETS = 1u << 1, HAS_BROKERAGE = 1u << 2, HAS_STATE = 1u << 3 };

void hs_context_init(hs_measure_context *c, const hs_view *view) {
    memset(c, 0, sizeof *c);
    c->view = view;
    c->seed = 1;
    hs_bootstrap_options_init(&c->bootstrap);
}

/* The igraph objects a context holds are initialised when first needed; a
 * bit per object in the high half of `done` records it. */
#define INITIALISED(bit) ((bit) << 16)

void hs_context_destroy(hs_measure_context *c) {
    if (c->done & INITIALISED(HAS_CLOSEDNESS)) hs_closedness_destroy(&c->closedness);
    if (c->done & INITIALISED(HAS_CUTSETS)) hs_cutsets_destroy(&c->cutsets);
    if (c->done & INITIALISED(HAS_BROKERAGE)) igraph_matrix_destroy(&c->brokerage);
    for (int k = 0; k < HS_STATE_VECTORS; k++) {
        if (c->done & INITIALISED(HAS_STATE << k)) igraph_vector_destroy(&c->state[k]);
    }
    c->done = 0;
}

hs_error hs_context_indices(hs_measure_context *c, const hs_indices **out) {
    if (!(c->done & DONE_INDICES)) {
        hs_error err = hs_indices_compute(c->view, &c->indices);
        if (err) return err;
        c->done |= DONE_INDICES;
    }
    *out = &c->indices;
    return HS_OK;
}

hs_error hs_context_state_vector(hs_measure_context *c, hs_state_vector which, const igraph_vector_t **out) {
    unsigned done = DONE_STATE << which, init = INITIALISED(HAS_STATE << which);
    if (!(c->done & done)) {
        if (!(c->done & init)) {
            HS_IGRAPH(igraph_vector_init(&c->state[which], 0), "state measures");
            c->done |= init;
        }
        igraph_vector_t *v = &c->state[which];
        hs_error err;
        switch (which) {
        case HS_STATE_DEGREE: err = hs_state_degree(c->view, v); break;
        case HS_STATE_STRENGTH: err = hs_state_strength(c->view, v); break;
        case HS_STATE_BETWEENNESS:
        case HS_STATE_CLOSENESS: {
            /* Both from one shortest-path search per state. */
            unsigned other = which == HS_STATE_BETWEENNESS ? HS_STATE_CLOSENESS : HS_STATE_BETWEENNESS;
            if (!(c->done & INITIALISED(HAS_STATE << other))) {
                HS_IGRAPH(igraph_vector_init(&c->state[other], 0), "state measures");
                c->done |= INITIALISED(HAS_STATE << other);
            }
            err = hs_state_path_centralities(c->view, &c->state[HS_STATE_BETWEENNESS], &c->state[HS_STATE_CLOSENESS]);
            if (!err) c->done |= DONE_STATE << other;
            break;
        }
        case HS_STATE_EIGENVECTOR: err = hs_state_eigenvector(c->view, v); break;
        case HS_STATE_CONSTRAINT: err = hs_state_constraint(c->view, v); break;
        case HS_STATE_HUB_DEPENDENCE: err = hs_state_hub_dependence(c->view, v); break;
        default: return hs_error_set(HS_EINTERNAL, "unknown state vector %d", (int)which);
        }
        if (err) return err;
        c->done |= done;
    }
    *out = &c->state[which];
    return HS_OK;
}

hs_error hs_context_brokerage(hs_measure_context *c, const igraph_matrix_t **out) {
    if (!(c->done & DONE_BROKERAGE)) {
        if (!(c->done & INITIALISED(HAS_BROKERAGE))) {
            HS_IGRAPH(igraph_matrix_init(&c->brokerage, 0, 0), "brokerage");
            c->done |= INITIALISED(HAS_BROKERAGE);
        }
        hs_error err = hs_state_brokerage(c->view, &c->brokerage);
        if (err) return err;
        c->done |= DONE_BROKERAGE;
    }
    *out = &c->brokerage;
    return HS_OK;
}

hs_error hs_context_coordination(hs_measure_context *c, const hs_coordination **out) {
    if (!(c->done & DONE_COORDINATION)) {
        /* The betweenness, when a state measure has already computed it. */
        const igraph_vector_t *betweenness =
            c->done & (DONE_STATE << HS_STATE_BETWEENNESS) ? &c->state[HS_STATE_BETWEENNESS] : NULL;
        hs_error err = hs_coordination_compute(c->view, betweenness, &c->coordination);
        if (err) return err;
        c->done |= DONE_COORDINATION;
    }
    *out = &c->coordination;
    return HS_OK;
}

hs_error hs_context_unidirectionality(hs_measure_context *c, const hs_unidirectionality **out) {
    if (!(c->done & DONE_UNIDIRECTIONALITY)) {
        hs_error err = hs_unidirectionality_compute(c->view, &c->unidirectionality);
        if (err) return err;
        c->done |= DONE_UNIDIRECTIONALITY;
    }
    *out = &c->unidirectionality;
    return HS_OK;
}

hs_error hs_context_closedness(hs_measure_context *c, const hs_closedness **out) {
    if (!(c->done & DONE_CLOSEDNESS)) {
        if (!(c->done & INITIALISED(HAS_CLOSEDNESS))) {
            hs_error err = hs_closedness_init(&c->closedness);
            if (err) return err;
            c->done |= INITIALISED(HAS_CLOSEDNESS);
        }
        hs_error err = hs_closedness_compute(c->view, c->permutations, c->seed, &c->closedness);
        if (err) return err;
        c->done |= DONE_CLOSEDNESS;
    }
    *out = &c->closedness;
    return HS_OK;
}

hs_error hs_context_cutsets(hs_measure_context *c, const hs_cutsets **out) {
    if (!(c->done & DONE_CUTSETS)) {
        if (!(c->done & INITIALISED(HAS_CUTSETS))) {
            hs_error err = hs_cutsets_init(&c->cutsets);
            if (err) return err;
            c->done |= INITIALISED(HAS_CUTSETS);
        }
        hs_error err = hs_cutsets_compute(c->view, &c->cutsets);
        if (err) return err;
        c->done |= DONE_CUTSETS;
    }
    *out = &c->cutsets;
    return HS_OK;
}

hs_error hs_context_ei_degree(hs_measure_context *c, const hs_ei_test **out) {
    if (!(c->done & DONE_EI_DEGREE)) {
        hs_error err = hs_ei_null_test(c->view, HS_NULL_DEGREE, c->permutations, c->seed, &c->ei_degree);
        if (err) return err;
        c->done |= DONE_EI_DEGREE;
    }
    *out = &c->ei_degree;
    return HS_OK;
}

hs_error hs_context_intervals(hs_measure_context *c, const hs_interval **out) {
    if (!(c->done & DONE_INTERVALS)) {
        c->bootstrap.seed = c->seed;
        hs_error err = hs_bootstrap_view(c->view, &c->bootstrap, c->interval);
        if (err) return err;
        c->done |= DONE_INTERVALS;
    }
    *out = c->interval;
    return HS_OK;
}

/* ---- JSON of ids -------------------------------------------------------------------- */

json_t *hs_json_id_groups(const hs_view *v, const igraph_vector_int_t *states, int size) {
    json_t *list = json_array(), *group = NULL;
    for (igraph_integer_t i = 0; list && i < igraph_vector_int_size(states); i++) {
        json_t *id = json_string(hs_view_state_id(v, (size_t)VECTOR(*states)[i]));
        if (size <= 0) {
            json_array_append_new(list, id);
            continue;
        }
        if (!group) group = json_array();
        json_array_append_new(group, id);
        if ((int)json_array_size(group) == size) {
            json_array_append_new(list, group);
            group = NULL;
        }
    }
    json_decref(group);
    return list;
}

hs_error hs_json_take_text(json_t *value, char **text) {
    *text = value ? json_dumps(value, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15)) : NULL;
    json_decref(value);
    return *text ? HS_OK : hs_error_set(HS_ENOMEM, "out of memory");
}

/* ---- the mechanisms started and ended ----------------------------------------------- */

static int active_in(const hs_view *v, const char *id) {
    const hs_model *m = hs_view_model(v);
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (strcmp(hs_vertex_id(m, hs_view_mechanism_vertex(v, k)), id) == 0) return 1;
    }
    return 0;
}

/* With a focus, is mechanism `id` part of the subsystem in `year`? */
static hs_error in_focus(const hs_measure_context *c, int year, const char *id, int *in) {
    *in = 1;
    if (!c->base || !c->base->focus_count) return HS_OK;
    hs_view_options o = *c->base;
    o.has_year = 1;
    o.year = year;
    o.edits = NULL;
    o.edit_count = 0;
    hs_view *v = NULL;
    hs_error err = hs_view_new(hs_view_model(c->view), &o, &v);
    *in = !err && active_in(v, id);
    hs_view_destroy(v);
    return err;
}

hs_error hs_context_changes(hs_measure_context *c, int started, char **text) {
    *text = NULL;
    json_t *ids = json_array();
    hs_error err = ids ? HS_OK : HS_ENOMEM;
    if (c->models) {
        /* Active in this model's view and not in the previous one (or the reverse). */
        const hs_view *now = started ? c->view : c->previous, *before = started ? c->previous : c->view;
        const hs_model *m = now ? hs_view_model(now) : NULL;
        for (size_t k = 0; !err && c->previous && k < hs_view_mechanism_count(now); k++) {
            const char *id = hs_vertex_id(m, hs_view_mechanism_vertex(now, k));
            if (!active_in(before, id) && json_array_append_new(ids, json_string(id))) err = HS_ENOMEM;
        }
    } else if (c->has_after && hs_view_has_year(c->view)) {
        /* Mechanisms whose since (started) or until (ended) lies in (after,
         * year], in file order; with a focus, those in the subsystem the year
         * they started or the year before they ended. */
        const hs_model *m = hs_view_model(c->view);
        int year = hs_view_year(c->view);
        for (size_t i = 0; !err && i < hs_model_vertex_count(m); i++) {
            if (hs_vertex_type_of(m, i) != HS_VERTEX_MECHANISM) continue;
            int bound = started ? hs_vertex_since(m, i) : hs_vertex_until(m, i), in;
            if (bound == (started ? HS_SINCE_OPEN : HS_UNTIL_OPEN) || bound <= c->after || bound > year) continue;
            if (!(err = in_focus(c, started ? bound : bound - 1, hs_vertex_id(m, i), &in)) && in &&
                json_array_append_new(ids, json_string(hs_vertex_id(m, i))))
                err = HS_ENOMEM;
        }
    } else {
        json_decref(ids);
        return HS_OK;
    }
    if (err) {
        json_decref(ids);
        return err == HS_ENOMEM ? hs_error_set(HS_ENOMEM, "out of memory") : err;
    }
    return hs_json_take_text(ids, text);
}
