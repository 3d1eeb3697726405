/* Betweenness and closeness from one shortest-path search per vertex; see
 * measures.h.
 *
 * igraph 0.10.2 runs a full set of Dijkstra searches for betweenness and
 * another for closeness; both need exactly the same searches (Brandes 2001),
 * and those searches are nearly all of hubspoke's time on large systems, so
 * one pass computes both. Path lengths are compared as igraph compares them
 * (igraph_cmp_epsilon, relative 1e-10), so that the results are igraph's. */
#include <float.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/measures.h"
#include "measures/measures_internal.h"

/* igraph_cmp_epsilon's rule with IGRAPH_SHORTEST_PATH_EPSILON. */
#define PATH_EPSILON 1e-10
static int cmp_length(double a, double b) {
    if (a == b) return 0;
    double diff = a - b, abs_diff = fabs(diff), sum = fabs(a) + fabs(b);
    int equal = (a == 0 || b == 0 || sum < DBL_MIN) ? abs_diff < PATH_EPSILON * DBL_MIN
                : !isfinite(sum)                     ? abs_diff < PATH_EPSILON * fabs(a)
                                                     : abs_diff / sum < PATH_EPSILON;
    return equal ? 0 : diff < 0 ? -1 : 1;
}

/* Vertex indices in the search's arrays: 32 bits halve their memory, which
 * on large systems is a good part of hubspoke's peak. */
typedef int32_t vid;

typedef struct heap_item {
    double dist;
    vid v;
} heap_item;

/* A binary min-heap with lazy deletion: stale entries are skipped when popped. */
static void heap_push(heap_item *h, vid *n, heap_item x) {
    vid i = (*n)++;
    while (i > 0 && h[(i - 1) / 2].dist > x.dist) {
        h[i] = h[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h[i] = x;
}

static heap_item heap_pop(heap_item *h, vid *n) {
    heap_item top = h[0], last = h[--(*n)];
    vid i = 0;
    for (;;) {
        vid c = 2 * i + 1;
        if (c >= *n) break;
        if (c + 1 < *n && h[c + 1].dist < h[c].dist) c++;
        if (h[c].dist >= last.dist) break;
        h[i] = h[c];
        i = c;
    }
    if (*n > 0) h[i] = last;
    return top;
}

typedef struct path_state {
    /* Compressed adjacency: the neighbours of v and the lengths of the ties
     * to them are nbr[off[v] .. off[v+1]) and len[...]. Flat arrays rather
     * than igraph's incidence lists: this loop is most of hubspoke's time. */
    vid *off, *nbr;
    double *len;
    double *dist, *sigma, *delta;
    vid *order; /* vertices in the order their distance became final */
    vid *npred; /* predecessors of w: nbr-slots pred[off[w] .. off[w] + npred[w]) */
    vid *pred;
    heap_item *heap; /* grows as needed: lazy deletion can hold an entry per improvement */
    vid heap_cap;
    unsigned char *done;
} path_state;

/* Dijkstra from s counting shortest paths (sigma) and recording each
 * vertex's predecessors; returns how many vertices it finalised (s
 * included) and the sum of their distances. */
static int heap_grow(path_state *st, vid nheap) {
    if (nheap < st->heap_cap) return 1;
    vid cap = st->heap_cap > INT32_MAX / 2 ? INT32_MAX : 2 * st->heap_cap;
    heap_item *h = IGRAPH_REALLOC(st->heap, (size_t)cap, heap_item);
    if (!h || cap <= nheap) return 0;
    st->heap = h;
    st->heap_cap = cap;
    return 1;
}

/* Returns -1 when the heap cannot grow (out of memory). */
static vid search(path_state *st, vid s, double *sum) {
    vid nheap = 0, nordered = 0;
    st->dist[s] = 0.0;
    st->sigma[s] = 1.0;
    heap_push(st->heap, &nheap, (heap_item){0.0, s});
    *sum = 0.0;
    while (nheap > 0) {
        heap_item top = heap_pop(st->heap, &nheap);
        vid v = top.v;
        if (st->done[v] || top.dist != st->dist[v]) continue;
        st->done[v] = 1;
        st->order[nordered++] = v;
        *sum += st->dist[v];
        for (vid k = st->off[v]; k < st->off[v + 1]; k++) {
            vid w = st->nbr[k];
            if (st->done[w]) continue;
            double alt = st->dist[v] + st->len[k];
            int c = st->sigma[w] == 0.0 ? -1 : cmp_length(alt, st->dist[w]);
            if (c < 0) {
                st->dist[w] = alt;
                st->sigma[w] = st->sigma[v];
                st->pred[st->off[w]] = v;
                st->npred[w] = 1;
                if (!heap_grow(st, nheap)) return -1;
                heap_push(st->heap, &nheap, (heap_item){alt, w});
            } else if (c == 0) {
                st->sigma[w] += st->sigma[v];
                st->pred[st->off[w] + st->npred[w]++] = v;
            }
        }
    }
    return nordered;
}

/* Brandes' dependency accumulation, in reverse order of finality. */
static void accumulate(path_state *st, vid s, vid nordered, double *bc) {
    for (vid i = nordered - 1; i >= 0; i--) {
        vid w = st->order[i];
        double share = (1.0 + st->delta[w]) / st->sigma[w];
        for (vid k = 0; k < st->npred[w]; k++) {
            vid v = st->pred[st->off[w] + k];
            st->delta[v] += st->sigma[v] * share;
        }
        if (w != s) bc[w] += st->delta[w];
    }
}

static void reset(path_state *st, vid nordered) {
    for (vid i = 0; i < nordered; i++) {
        vid v = st->order[i];
        st->dist[v] = st->sigma[v] = st->delta[v] = 0.0;
        st->npred[v] = 0;
        st->done[v] = 0;
    }
}

/* Loops lie on no shortest path and are left out. A vertex can have at most
 * one predecessor per slot, so pred shares the adjacency's layout. */
static igraph_error_t build_adjacency(const igraph_t *g, const igraph_vector_t *lengths, path_state *st) {
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    if (n >= INT32_MAX || 2 * m >= INT32_MAX) IGRAPH_ERROR("path centralities: graph too large", IGRAPH_EINVAL);
    st->off = IGRAPH_CALLOC(n + 1, vid);
    st->nbr = IGRAPH_CALLOC(2 * m + 1, vid);
    st->pred = IGRAPH_CALLOC(2 * m + 1, vid);
    st->len = IGRAPH_CALLOC(2 * m + 1, double);
    if (!st->off || !st->nbr || !st->pred || !st->len) IGRAPH_ERROR("path centralities", IGRAPH_ENOMEM);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        if (a == b) continue;
        st->off[a + 1]++;
        st->off[b + 1]++;
    }
    for (igraph_integer_t v = 0; v < n; v++) st->off[v + 1] += st->off[v];
    vid *fill = IGRAPH_CALLOC(n + 1, vid);
    if (!fill) IGRAPH_ERROR("path centralities", IGRAPH_ENOMEM);
    memcpy(fill, st->off, (size_t)(n + 1) * sizeof *fill);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        if (a == b) continue;
        double l = hs_mi_edge_value(lengths, e);
        st->nbr[fill[a]] = (vid)b;
        st->len[fill[a]++] = l;
        st->nbr[fill[b]] = (vid)a;
        st->len[fill[b]++] = l;
    }
    igraph_free(fill);
    return IGRAPH_SUCCESS;
}

static void path_state_destroy(path_state *st) {
    igraph_free(st->off);
    igraph_free(st->nbr);
    igraph_free(st->pred);
    igraph_free(st->len);
    igraph_free(st->dist);
    igraph_free(st->order);
    igraph_free(st->npred);
    igraph_free(st->heap);
    igraph_free(st->done);
}

static igraph_error_t path_centralities(const igraph_t *g, const igraph_vector_t *lengths, igraph_vector_t *betweenness,
                                        igraph_vector_t *closeness) {
    igraph_integer_t n = igraph_vcount(g);
    if (betweenness) {
        IGRAPH_CHECK(igraph_vector_resize(betweenness, n));
        igraph_vector_null(betweenness);
    }
    if (closeness) {
        IGRAPH_CHECK(igraph_vector_resize(closeness, n));
        igraph_vector_null(closeness);
    }
    if (n <= 1) return IGRAPH_SUCCESS;
    path_state st;
    memset(&st, 0, sizeof st);
    IGRAPH_FINALLY(path_state_destroy, &st);
    IGRAPH_CHECK(build_adjacency(g, lengths, &st));
    st.dist = IGRAPH_CALLOC(3 * n, double);
    st.order = IGRAPH_CALLOC(n, vid);
    st.npred = IGRAPH_CALLOC(n, vid);
    st.heap_cap = (vid)n + 1;
    st.heap = IGRAPH_CALLOC(st.heap_cap, heap_item);
    st.done = IGRAPH_CALLOC(n, unsigned char);
    if (!st.dist || !st.order || !st.npred || !st.heap || !st.done) IGRAPH_ERROR("path centralities", IGRAPH_ENOMEM);
    st.sigma = st.dist + n;
    st.delta = st.dist + 2 * n;

    for (vid s = 0; s < (vid)n; s++) {
        double sum;
        vid reached = search(&st, s, &sum);
        if (reached < 0) IGRAPH_ERROR("path centralities", IGRAPH_ENOMEM);
        if (closeness && reached > 1) {
            /* Wasserman-Faust: ((r-1)/(n-1)) * ((r-1)/sum), r-1 the others reached. */
            double r = (double)(reached - 1);
            VECTOR(*closeness)[s] = (r / (double)(n - 1)) * (r / sum);
        }
        if (betweenness) accumulate(&st, s, reached, VECTOR(*betweenness));
        reset(&st, reached);
    }
    /* Every undirected pair was counted from both of its ends. */
    if (betweenness) igraph_vector_scale(betweenness, 0.5);
    path_state_destroy(&st);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

hs_error hs_path_centralities(const igraph_t *g, const igraph_vector_t *lengths, igraph_vector_t *betweenness,
                              igraph_vector_t *closeness) {
    static const char func[] = "path centralities";
    if (!g) return hs_error_set(HS_EARG, "%s: NULL argument", func);
    if (igraph_is_directed(g)) return hs_error_set(HS_EARG, "%s: the graph must be undirected", func);
    hs_error err = hs_mi_check_edge_values(g, lengths, func, "length");
    if (err != HS_OK) return err;
    for (igraph_integer_t e = 0; lengths && e < igraph_ecount(g); e++) {
        if (VECTOR(*lengths)[e] == 0)
            return hs_error_set(HS_EARG, "%s: length of edge %" IGRAPH_PRId " is 0, not > 0", func, e);
    }
    HS_IGRAPH(path_centralities(g, lengths, betweenness, closeness), func);
    return HS_OK;
}
