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
    igraph_integer_t *used;    /* edges with flow, to reset */
    igraph_integer_t nused;
    unsigned char *in_used;
    igraph_integer_t *path_v;  /* the augmenting path: vertices and edges */
    igraph_integer_t *path_e;
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

/* One augmenting path along the level graph; returns the flow pushed (0: none).
 * Iterative, with the path on an explicit stack: a path can be as long as
 * the graph, too deep for recursion. */
static void augment(flow_state *st, igraph_integer_t source, igraph_integer_t sink_level, double *pushed) {
    igraph_integer_t top = 0;
    st->path_v[0] = source;
    *pushed = 0.0;
    for (;;) {
        igraph_integer_t u = st->path_v[top];
        if (VECTOR(*st->sink)[u]) break;
        igraph_vector_int_t *edges = igraph_inclist_get(&st->inc, u);
        igraph_integer_t found = -1;
        if (st->level[u] < sink_level) {
            for (; st->next[u] < igraph_vector_int_size(edges); st->next[u]++) {
                igraph_integer_t e = VECTOR(*edges)[st->next[u]], w = IGRAPH_OTHER(st->g, e, u);
                if (w != u && st->level[w] == st->level[u] + 1 && residual(st, e, u) > st->eps) {
                    found = e;
                    break;
                }
            }
        }
        if (found >= 0) {
            st->path_e[top] = found;
            st->path_v[++top] = IGRAPH_OTHER(st->g, found, u);
        } else if (top == 0) {
            return; /* the source is exhausted for this phase */
        } else {
            top--; /* a dead end: step back and skip the edge that led here */
            st->next[st->path_v[top]]++;
        }
    }
    double d = INFINITY;
    for (igraph_integer_t i = 0; i < top; i++) d = fmin(d, residual(st, st->path_e[i], st->path_v[i]));
    for (igraph_integer_t i = 0; i < top; i++) {
        igraph_integer_t e = st->path_e[i];
        if (!st->in_used[e]) {
            st->in_used[e] = 1;
            st->used[st->nused++] = e;
        }
        st->flow[e] += st->path_v[i] == IGRAPH_FROM(st->g, e) ? d : -d;
    }
    *pushed = d;
}

static igraph_error_t cut_from(flow_state *st, igraph_integer_t source, double *value, igraph_vector_int_t *cut) {
    igraph_integer_t sink_level;
    for (;;) {
        IGRAPH_CHECK(bfs(st, source, &sink_level));
        if (sink_level < 0) break;
        double d;
        do augment(st, source, sink_level, &d);
        while (d > 0.0);
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
    for (igraph_integer_t i = 0; i < st->nused; i++) {
        st->flow[st->used[i]] = 0.0;
        st->in_used[st->used[i]] = 0;
    }
    st->nused = 0;
    return IGRAPH_SUCCESS;
}

static void flow_state_destroy(flow_state *st) {
    igraph_inclist_destroy(&st->inc);
    igraph_free(st->flow);
    igraph_free(st->level);
    igraph_free(st->next);
    igraph_free(st->used);
    igraph_free(st->in_used);
    igraph_free(st->path_v);
    igraph_free(st->path_e);
    igraph_vector_int_destroy(&st->seen);
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
    st.used = IGRAPH_CALLOC(m > 0 ? m : 1, igraph_integer_t);
    IGRAPH_CHECK_OOM(st.used, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.used);
    st.in_used = IGRAPH_CALLOC(m > 0 ? m : 1, unsigned char);
    IGRAPH_CHECK_OOM(st.in_used, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.in_used);
    st.path_v = IGRAPH_CALLOC(n + 1, igraph_integer_t);
    IGRAPH_CHECK_OOM(st.path_v, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.path_v);
    st.path_e = IGRAPH_CALLOC(n + 1, igraph_integer_t);
    IGRAPH_CHECK_OOM(st.path_e, "set minimum cuts");
    IGRAPH_FINALLY(igraph_free, st.path_e);
    for (igraph_integer_t v = 0; v < n; v++) st.level[v] = -1;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&st.seen, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&st.queue, 0);
    IGRAPH_CHECK(igraph_vector_resize(values, k));
    IGRAPH_CHECK(igraph_vector_int_list_resize(cuts, k));
    for (igraph_integer_t i = 0; i < k; i++) {
        IGRAPH_CHECK(cut_from(&st, VECTOR(*sources)[i], &VECTOR(*values)[i], igraph_vector_int_list_get_ptr(cuts, i)));
    }
    IGRAPH_FINALLY_CLEAN(10);
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
