/* Minimum edge cuts between vertices and a set; see measures.h.
 *
 * Dinic's algorithm run locally from each source, with the whole set as the
 * sink: breadth-first search stops at the level where it first meets the
 * set, so a source whose ties lead straight into the set costs about its
 * own degree. The cut returned is the one nearest the source: the edges
 * leaving what the source can still reach in the residual network. Scratch
 * arrays are reset only where a search touched them, so many sources cost
 * what their neighbourhoods cost, not |V| + |E| each. */
#include <math.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/measures.h"
#include "measures/measures_internal.h"

typedef struct flow_state {
    const igraph_t *g;
    const igraph_vector_t *capacity;
    const igraph_vector_bool_t *sink;
    igraph_inclist_t inc;
    double *flow;              /* per edge, in the direction FROM -> TO */
    igraph_integer_t *level;   /* -1 unseen */
    igraph_integer_t *next;    /* Dinic's current-edge pointer */
    igraph_vector_int_t seen;  /* vertices with level >= 0, to reset */
    igraph_vector_int_t used;  /* edges with flow, to reset */
    igraph_vector_int_t queue;
    double eps;
} flow_state;

static double residual(const flow_state *st, igraph_integer_t e, igraph_integer_t from) {
    double c = hs_mi_edge_value(st->capacity, e);
    return from == IGRAPH_FROM(st->g, e) ? c - st->flow[e] : c + st->flow[e];
}

static void reset_levels(flow_state *st) {
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&st->seen); i++) {
        igraph_integer_t v = VECTOR(st->seen)[i];
        st->level[v] = -1;
        st->next[v] = 0;
    }
    igraph_vector_int_clear(&st->seen);
}

/* Levels from the source; returns the level at which the sink set was met, or -1. */
static igraph_error_t bfs(flow_state *st, igraph_integer_t source, igraph_integer_t *sink_level) {
    reset_levels(st);
    igraph_vector_int_clear(&st->queue);
    st->level[source] = 0;
    IGRAPH_CHECK(igraph_vector_int_push_back(&st->seen, source));
    IGRAPH_CHECK(igraph_vector_int_push_back(&st->queue, source));
    *sink_level = -1;
    for (igraph_integer_t head = 0; head < igraph_vector_int_size(&st->queue); head++) {
        igraph_integer_t u = VECTOR(st->queue)[head];
        if (*sink_level >= 0 && st->level[u] >= *sink_level) break;
        igraph_vector_int_t *edges = igraph_inclist_get(&st->inc, u);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(edges); k++) {
            igraph_integer_t e = VECTOR(*edges)[k], w = IGRAPH_OTHER(st->g, e, u);
            if (st->level[w] >= 0 || w == u || residual(st, e, u) <= st->eps) continue;
            st->level[w] = st->level[u] + 1;
            IGRAPH_CHECK(igraph_vector_int_push_back(&st->seen, w));
            if (VECTOR(*st->sink)[w]) {
                if (*sink_level < 0) *sink_level = st->level[w];
            } else {
                IGRAPH_CHECK(igraph_vector_int_push_back(&st->queue, w));
            }
        }
    }
    return IGRAPH_SUCCESS;
}

/* One augmenting path along the level graph; returns the flow pushed (0: none). */
static igraph_error_t augment(flow_state *st, igraph_integer_t u, double limit, igraph_integer_t sink_level,
                              double *pushed) {
    *pushed = 0.0;
    if (VECTOR(*st->sink)[u]) {
        *pushed = limit;
        return IGRAPH_SUCCESS;
    }
    if (st->level[u] >= sink_level) return IGRAPH_SUCCESS;
    igraph_vector_int_t *edges = igraph_inclist_get(&st->inc, u);
    for (; st->next[u] < igraph_vector_int_size(edges); st->next[u]++) {
        igraph_integer_t e = VECTOR(*edges)[st->next[u]], w = IGRAPH_OTHER(st->g, e, u);
        double r = residual(st, e, u);
        if (w == u || st->level[w] != st->level[u] + 1 || r <= st->eps) continue;
        double d;
        IGRAPH_CHECK(augment(st, w, fmin(limit, r), sink_level, &d));
        if (d > 0.0) {
            if (st->flow[e] == 0.0) IGRAPH_CHECK(igraph_vector_int_push_back(&st->used, e));
            st->flow[e] += u == IGRAPH_FROM(st->g, e) ? d : -d;
            *pushed = d;
            return IGRAPH_SUCCESS;
        }
    }
    return IGRAPH_SUCCESS;
}

static igraph_error_t cut_from(flow_state *st, igraph_integer_t source, double *value, igraph_vector_int_t *cut) {
    igraph_integer_t sink_level;
    for (;;) {
        IGRAPH_CHECK(bfs(st, source, &sink_level));
        if (sink_level < 0) break;
        double d;
        do {
            IGRAPH_CHECK(augment(st, source, INFINITY, sink_level, &d));
        } while (d > 0.0);
    }
    /* The last search reached exactly the source side of the cut. */
    igraph_vector_int_clear(cut);
    *value = 0.0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&st->seen); i++) {
        igraph_integer_t u = VECTOR(st->seen)[i];
        igraph_vector_int_t *edges = igraph_inclist_get(&st->inc, u);
        for (igraph_integer_t k = 0; k < igraph_vector_int_size(edges); k++) {
            igraph_integer_t e = VECTOR(*edges)[k], w = IGRAPH_OTHER(st->g, e, u);
            if (st->level[w] >= 0) continue;
            IGRAPH_CHECK(igraph_vector_int_push_back(cut, e));
            *value += hs_mi_edge_value(st->capacity, e);
        }
    }
    igraph_vector_int_sort(cut);
    reset_levels(st);
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&st->used); i++) st->flow[VECTOR(st->used)[i]] = 0.0;
    igraph_vector_int_clear(&st->used);
    return IGRAPH_SUCCESS;
}

static void flow_state_destroy(flow_state *st) {
    igraph_inclist_destroy(&st->inc);
    igraph_free(st->flow);
    igraph_free(st->level);
    igraph_free(st->next);
    igraph_vector_int_destroy(&st->seen);
    igraph_vector_int_destroy(&st->used);
    igraph_vector_int_destroy(&st->queue);
}

static igraph_error_t set_min_cuts(const igraph_t *g, const igraph_vector_t *capacity,
                                   const igraph_vector_bool_t *in_set, const igraph_vector_int_t *sources,
                                   igraph_vector_t *values, igraph_vector_int_list_t *cuts) {
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), k = igraph_vector_int_size(sources);
    flow_state st;
    memset(&st, 0, sizeof st);
    st.g = g;
    st.capacity = capacity;
    st.sink = in_set;
    double max_cap = 0.0;
    for (igraph_integer_t e = 0; e < m; e++) max_cap = fmax(max_cap, hs_mi_edge_value(capacity, e));
    /* Residuals below this are saturation up to rounding, not capacity. */
    st.eps = 1e-12 * (max_cap > 0.0 ? max_cap : 1.0);
    IGRAPH_CHECK(igraph_inclist_init(g, &st.inc, IGRAPH_ALL, IGRAPH_LOOPS_ONCE));
    IGRAPH_FINALLY(igraph_inclist_destroy, &st.inc);
    st.flow = IGRAPH_CALLOC(m > 0 ? m : 1, double);
    IGRAPH_CHECK_OOM(st.flow, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.flow);
    st.level = IGRAPH_CALLOC(n > 0 ? n : 1, igraph_integer_t);
    IGRAPH_CHECK_OOM(st.level, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.level);
    st.next = IGRAPH_CALLOC(n > 0 ? n : 1, igraph_integer_t);
    IGRAPH_CHECK_OOM(st.next, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.next);
    for (igraph_integer_t v = 0; v < n; v++) st.level[v] = -1;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&st.seen, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&st.used, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&st.queue, 0);
    IGRAPH_CHECK(igraph_vector_resize(values, k));
    IGRAPH_CHECK(igraph_vector_int_list_resize(cuts, k));
    for (igraph_integer_t i = 0; i < k; i++) {
        IGRAPH_CHECK(cut_from(&st, VECTOR(*sources)[i], &VECTOR(*values)[i], igraph_vector_int_list_get_ptr(cuts, i)));
    }
    IGRAPH_FINALLY_CLEAN(7);
    flow_state_destroy(&st);
    return IGRAPH_SUCCESS;
}

static hs_error check_arguments(const igraph_t *g, const igraph_vector_t *capacity, const igraph_vector_bool_t *in_set,
                                const igraph_vector_int_t *sources) {
    static const char func[] = "set minimum cut";
    if (!g || !sources) return hs_error_set(HS_EARG, "%s: NULL argument", func);
    if (igraph_is_directed(g)) return hs_error_set(HS_EARG, "%s: the graph must be undirected", func);
    hs_error err = hs_mi_check_vertex_set(g, in_set, func);
    if (err == HS_OK) err = hs_mi_check_edge_values(g, capacity, func, "capacity");
    if (err != HS_OK) return err;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(sources); i++) {
        igraph_integer_t v = VECTOR(*sources)[i];
        if (v < 0 || v >= igraph_vcount(g))
            return hs_error_set(HS_EARG, "%s: vertex %" IGRAPH_PRId " out of range", func, v);
        if (VECTOR(*in_set)[v]) return hs_error_set(HS_EARG, "%s: vertex %" IGRAPH_PRId " is in the set", func, v);
    }
    igraph_bool_t any = false;
    for (igraph_integer_t u = 0; u < igraph_vcount(g) && !any; u++) any = VECTOR(*in_set)[u];
    if (!any) return hs_error_set(HS_EARG, "%s: the set is empty", func);
    return HS_OK;
}

hs_error hs_set_min_cuts(const igraph_t *g, const igraph_vector_t *capacity, const igraph_vector_bool_t *in_set,
                         const igraph_vector_int_t *sources, igraph_vector_t *values,
                         igraph_vector_int_list_t *cut_edges) {
    if (!values || !cut_edges) return hs_error_set(HS_EARG, "set minimum cut: NULL argument");
    hs_error err = check_arguments(g, capacity, in_set, sources);
    if (err) return err;
    HS_IGRAPH(set_min_cuts(g, capacity, in_set, sources, values, cut_edges), "set minimum cut");
    return HS_OK;
}

hs_error hs_set_min_cut(const igraph_t *g, const igraph_vector_t *capacity,
                        const igraph_vector_bool_t *in_set, igraph_integer_t v,
                        double *value, igraph_vector_int_t *cut_edges) {
    if (!value || !cut_edges) return hs_error_set(HS_EARG, "set minimum cut: NULL argument");
    igraph_vector_int_t one;
    igraph_vector_t values;
    igraph_vector_int_list_t cuts;
    HS_IGRAPH(igraph_vector_int_init(&one, 1), "set minimum cut");
    VECTOR(one)[0] = v;
    hs_error err = HS_OK;
    if (igraph_vector_init(&values, 0)) err = hs_error_set(HS_ENOMEM, "out of memory");
    if (!err && igraph_vector_int_list_init(&cuts, 0)) {
        igraph_vector_destroy(&values);
        err = hs_error_set(HS_ENOMEM, "out of memory");
    }
    if (!err) {
        err = hs_set_min_cuts(g, capacity, in_set, &one, &values, &cuts);
        if (!err) {
            *value = VECTOR(values)[0];
            if (igraph_vector_int_update(cut_edges, igraph_vector_int_list_get_ptr(&cuts, 0)))
                err = hs_error_set(HS_ENOMEM, "out of memory");
        }
        igraph_vector_destroy(&values);
        igraph_vector_int_list_destroy(&cuts);
    }
    igraph_vector_int_destroy(&one);
    return err;
}
