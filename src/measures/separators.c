/* All minimum-size vertex separators, correct on igraph 0.10.2; see
 * measures.h and docs/measures-algorithms.md.
 *
 * igraph 0.10.2 offers two routes, both unusable: igraph_minimum_size_
 * separators returns non-separators, sets of mixed sizes and every
 * (n-1)-subset of a complete graph (igraph issue #2521; the underlying
 * igraph_all_st_mincuts was fixed in 0.10.11), and filtering
 * igraph_all_minimal_st_separators by size enumerates every minimal
 * separator first, exponentially many on sparse graphs (a random
 * 3-regular graph on 50 vertices takes minutes).
 *
 * Kanevsky (1993) instead: with kappa the vertex connectivity and X any
 * kappa vertices, a minimum separator S is either X itself or, for some
 * x in X \ S and some y cut off from x, a minimum (x, y)-separator. For
 * each such pair with local connectivity kappa, the minimum (x, y)-
 * separators are read off one maximum flow (Picard & Queyranne 1980): on
 * the split graph (v -> v_in -> v_out) the flow is kappa vertex-disjoint
 * paths, every minimum separator takes exactly one vertex from each, and
 * a choice j_1..j_kappa is a separator iff the residual closure of the
 * chosen path prefixes stays within them. Closures grow along a path, so
 * the feasible choices form a lattice enumerated without dead ends. */
#include <stdlib.h>

#include "core/internal.h"
#include "hubspoke/measures.h"

/* ---- a set of kappa-tuples, for the duplicates found from many (x, y) --- */

typedef struct {
    igraph_integer_t k, count;
    igraph_vector_int_t items; /* count * k vertex ids, each tuple ascending */
    igraph_vector_int_t table; /* open addressing: tuple index or -1 */
} tuple_set;

static void tuple_set_destroy(tuple_set *s) {
    igraph_vector_int_destroy(&s->items);
    igraph_vector_int_destroy(&s->table);
}

static igraph_error_t tuple_set_init(tuple_set *s, igraph_integer_t k) {
    s->k = k;
    s->count = 0;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&s->items, 0);
    IGRAPH_CHECK(igraph_vector_int_init(&s->table, 64));
    igraph_vector_int_fill(&s->table, -1);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static uint64_t tuple_hash(const igraph_integer_t *t, igraph_integer_t k) {
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15);
    for (igraph_integer_t i = 0; i < k; i++) {
        h ^= (uint64_t)t[i] + UINT64_C(0x9E3779B97F4A7C15) + (h << 6) + (h >> 2);
        h *= UINT64_C(0xBF58476D1CE4E5B9);
    }
    return h ^ (h >> 31);
}

static igraph_bool_t tuple_equal(const tuple_set *s, igraph_integer_t at, const igraph_integer_t *t) {
    for (igraph_integer_t i = 0; i < s->k; i++) {
        if (VECTOR(s->items)[at * s->k + i] != t[i]) return false;
    }
    return true;
}

static void tuple_set_place(tuple_set *s, igraph_integer_t at) {
    uint64_t mask = (uint64_t)igraph_vector_int_size(&s->table) - 1;
    uint64_t h = tuple_hash(VECTOR(s->items) + at * s->k, s->k) & mask;
    while (VECTOR(s->table)[h] >= 0) h = (h + 1) & mask;
    VECTOR(s->table)[h] = at;
}

/* Adds the ascending tuple t unless present. */
static igraph_error_t tuple_set_add(tuple_set *s, const igraph_integer_t *t) {
    uint64_t mask = (uint64_t)igraph_vector_int_size(&s->table) - 1;
    for (uint64_t h = tuple_hash(t, s->k) & mask; VECTOR(s->table)[h] >= 0; h = (h + 1) & mask) {
        if (tuple_equal(s, VECTOR(s->table)[h], t)) return IGRAPH_SUCCESS;
    }
    for (igraph_integer_t i = 0; i < s->k; i++) IGRAPH_CHECK(igraph_vector_int_push_back(&s->items, t[i]));
    s->count++;
    if (2 * s->count > igraph_vector_int_size(&s->table)) {
        IGRAPH_CHECK(igraph_vector_int_resize(&s->table, 2 * igraph_vector_int_size(&s->table)));
        igraph_vector_int_fill(&s->table, -1);
        for (igraph_integer_t at = 0; at < s->count; at++) tuple_set_place(s, at);
    } else {
        tuple_set_place(s, s->count - 1);
    }
    return IGRAPH_SUCCESS;
}

/* ---- Kanevsky's enumeration ---------------------------------------------- */

/* The split graph: vertex v becomes v_in = 2v -> v_out = 2v + 1 with
 * capacity 1, edge {u, w} the arcs u_out -> w_in and w_out -> u_in with
 * capacity n (more than kappa, so never in a minimum cut). Arcs come in
 * pairs, a and a ^ 1 reverse to each other; the reverse starts at 0. */
typedef struct {
    igraph_integer_t n, kappa;
    igraph_vector_int_t head, cap, res;  /* per arc */
    igraph_vector_int_t start, arcs;     /* arcs by tail node */
    igraph_vector_int_t parent;          /* arc reaching each node in a search */
    /* The kappa flow paths: the inner vertices of path i are
     * path_vertex[path_start[i] .. path_start[i+1]). */
    igraph_vector_int_t path_start, path_vertex;
    igraph_vector_int_t path_of, position; /* per split node: path, or -1 */
    /* need[(path_start[i] + j) * kappa + p]: the least choice on path p
     * once path i is cut at its j-th vertex; base[p]: forced by x alone. */
    igraph_vector_int_t need, base, far;
    igraph_vector_int_t mark, queue;
    igraph_integer_t stamp;
    igraph_vector_int_t choice, low, tuple;
    tuple_set found;
} kanevsky;

#define TAIL(k, a) VECTOR((k)->head)[(a) ^ 1]

static void kanevsky_destroy(kanevsky *k) {
    igraph_vector_int_destroy(&k->head);
    igraph_vector_int_destroy(&k->cap);
    igraph_vector_int_destroy(&k->res);
    igraph_vector_int_destroy(&k->start);
    igraph_vector_int_destroy(&k->arcs);
    igraph_vector_int_destroy(&k->parent);
    igraph_vector_int_destroy(&k->path_start);
    igraph_vector_int_destroy(&k->path_vertex);
    igraph_vector_int_destroy(&k->path_of);
    igraph_vector_int_destroy(&k->position);
    igraph_vector_int_destroy(&k->need);
    igraph_vector_int_destroy(&k->base);
    igraph_vector_int_destroy(&k->far);
    igraph_vector_int_destroy(&k->mark);
    igraph_vector_int_destroy(&k->queue);
    igraph_vector_int_destroy(&k->choice);
    igraph_vector_int_destroy(&k->low);
    igraph_vector_int_destroy(&k->tuple);
    tuple_set_destroy(&k->found);
}

static igraph_error_t kanevsky_init(kanevsky *k, const igraph_t *g) {
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    igraph_integer_t narcs = 2 * (n + 2 * m);

    k->n = n;
    k->kappa = 0;
    k->stamp = 0;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->head, narcs);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->cap, narcs);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->res, narcs);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->start, 2 * n + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->arcs, narcs);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->parent, 2 * n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->path_start, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->path_vertex, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->path_of, 2 * n);
    igraph_vector_int_fill(&k->path_of, -1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->position, 2 * n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->need, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->base, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->far, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->mark, 2 * n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->queue, 0);
    /* Searches hold each node at most once and never grow it further. */
    IGRAPH_CHECK(igraph_vector_int_reserve(&k->queue, 2 * n + 1));
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->choice, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->low, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&k->tuple, 0);
    IGRAPH_CHECK(tuple_set_init(&k->found, 0));

    igraph_integer_t a = 0;
#define ADD_ARC(from, to, c)                                      \
    do {                                                          \
        VECTOR(k->head)[a] = (to);                                \
        VECTOR(k->cap)[a++] = (c);                                \
        VECTOR(k->head)[a] = (from);                              \
        VECTOR(k->cap)[a++] = 0;                                  \
    } while (0)
    for (igraph_integer_t v = 0; v < n; v++) ADD_ARC(2 * v, 2 * v + 1, 1);
    for (igraph_integer_t e = 0; e < m; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), w = IGRAPH_TO(g, e);
        ADD_ARC(2 * u + 1, 2 * w, n);
        ADD_ARC(2 * w + 1, 2 * u, n);
    }
#undef ADD_ARC
    for (a = 0; a < narcs; a++) VECTOR(k->start)[TAIL(k, a) + 1]++;
    for (igraph_integer_t u = 0; u < 2 * n; u++) VECTOR(k->start)[u + 1] += VECTOR(k->start)[u];
    IGRAPH_CHECK(igraph_vector_int_update(&k->parent, &k->start)); /* as fill pointers */
    for (a = 0; a < narcs; a++) VECTOR(k->arcs)[VECTOR(k->parent)[TAIL(k, a)]++] = a;

    IGRAPH_FINALLY_CLEAN(18); /* the caller owns k from here */
    return IGRAPH_SUCCESS;
}

/* Unit augmenting paths found by breadth-first search (Edmonds & Karp
 * 1972) until `limit` units flow; returns the flow reached. Each search
 * is O(n + m), and a pair needs at most kappa + 1 of them. */
static igraph_integer_t max_flow_upto(kanevsky *k, igraph_integer_t source, igraph_integer_t sink,
                                      igraph_integer_t limit) {
    igraph_integer_t flow = 0;
    igraph_vector_int_update(&k->res, &k->cap); /* same size: cannot fail */
    while (flow < limit) {
        k->stamp++;
        igraph_vector_int_clear(&k->queue);
        igraph_vector_int_push_back(&k->queue, source); /* reserved */
        VECTOR(k->mark)[source] = k->stamp;
        for (igraph_integer_t head = 0; head < igraph_vector_int_size(&k->queue) &&
                                        VECTOR(k->mark)[sink] != k->stamp; head++) {
            igraph_integer_t u = VECTOR(k->queue)[head];
            for (igraph_integer_t i = VECTOR(k->start)[u]; i < VECTOR(k->start)[u + 1]; i++) {
                igraph_integer_t a = VECTOR(k->arcs)[i], w = VECTOR(k->head)[a];
                if (VECTOR(k->res)[a] > 0 && VECTOR(k->mark)[w] != k->stamp) {
                    VECTOR(k->mark)[w] = k->stamp;
                    VECTOR(k->parent)[w] = a;
                    igraph_vector_int_push_back(&k->queue, w);
                }
            }
        }
        if (VECTOR(k->mark)[sink] != k->stamp) break;
        for (igraph_integer_t w = sink; w != source;) {
            igraph_integer_t a = VECTOR(k->parent)[w];
            VECTOR(k->res)[a]--;
            VECTOR(k->res)[a ^ 1]++;
            w = TAIL(k, a);
        }
        flow++;
    }
    return flow;
}

/* Sizes what depends on the connectivity once it is known. */
static igraph_error_t kanevsky_set_kappa(kanevsky *k, igraph_integer_t kappa) {
    k->kappa = kappa;
    k->found.k = kappa;
    IGRAPH_CHECK(igraph_vector_int_resize(&k->path_start, kappa + 1));
    IGRAPH_CHECK(igraph_vector_int_resize(&k->base, kappa));
    IGRAPH_CHECK(igraph_vector_int_resize(&k->far, kappa));
    IGRAPH_CHECK(igraph_vector_int_resize(&k->choice, kappa));
    IGRAPH_CHECK(igraph_vector_int_resize(&k->low, kappa));
    IGRAPH_CHECK(igraph_vector_int_resize(&k->tuple, kappa));
    return IGRAPH_SUCCESS;
}

/* Vertex connectivity by Esfahanian & Hakimi (1984), with O(n + d^2)
 * flows for a vertex v of minimum degree d instead of the O(n^2) of
 * igraph 0.10.2's igraph_vertex_connectivity: a minimum separator either
 * misses v, and then cuts v from a non-neighbour, or contains v, and then
 * cuts two of v's neighbours from each other. */
static igraph_integer_t vertex_connectivity(kanevsky *k, const igraph_adjlist_t *adj) {
    igraph_integer_t v = 0;
    for (igraph_integer_t u = 1; u < k->n; u++) {
        if (igraph_vector_int_size(igraph_adjlist_get(adj, u)) < igraph_vector_int_size(igraph_adjlist_get(adj, v))) v = u;
    }
    igraph_vector_int_t *nv = igraph_adjlist_get(adj, v);
    igraph_integer_t d = igraph_vector_int_size(nv), kappa = d;
    for (igraph_integer_t w = 0; w < k->n; w++) {
        if (w == v || igraph_vector_int_binsearch2(nv, w)) continue;
        kappa = max_flow_upto(k, 2 * v + 1, 2 * w, kappa);
    }
    for (igraph_integer_t i = 0; i < d; i++) {
        igraph_integer_t x = VECTOR(*nv)[i];
        for (igraph_integer_t j = i + 1; j < d; j++) {
            igraph_integer_t y = VECTOR(*nv)[j];
            if (igraph_vector_int_binsearch2(igraph_adjlist_get(adj, x), y)) continue;
            kappa = max_flow_upto(k, 2 * x + 1, 2 * y, kappa);
        }
    }
    return kappa;
}

/* Adds the residual closure of `from` to the current stamp's visited set
 * and raises far[p] to the furthest position reached on each path p. */
static void closure(kanevsky *k, igraph_integer_t from, igraph_integer_t sink) {
    if (VECTOR(k->mark)[from] == k->stamp) return;
    igraph_vector_int_clear(&k->queue);
    igraph_vector_int_push_back(&k->queue, from); /* reserved */
    VECTOR(k->mark)[from] = k->stamp;
    for (igraph_integer_t head = 0; head < igraph_vector_int_size(&k->queue); head++) {
        igraph_integer_t u = VECTOR(k->queue)[head];
        if (u == sink) {
            /* The sink sits past the end of every path. */
            for (igraph_integer_t p = 0; p < k->kappa; p++) {
                igraph_integer_t len = VECTOR(k->path_start)[p + 1] - VECTOR(k->path_start)[p];
                VECTOR(k->far)[p] = 2 * len + 1;
            }
        } else if (VECTOR(k->path_of)[u] >= 0) {
            igraph_integer_t p = VECTOR(k->path_of)[u];
            if (VECTOR(k->position)[u] > VECTOR(k->far)[p]) VECTOR(k->far)[p] = VECTOR(k->position)[u];
        }
        for (igraph_integer_t i = VECTOR(k->start)[u]; i < VECTOR(k->start)[u + 1]; i++) {
            igraph_integer_t a = VECTOR(k->arcs)[i], w = VECTOR(k->head)[a];
            if (VECTOR(k->res)[a] > 0 && VECTOR(k->mark)[w] != k->stamp) {
                VECTOR(k->mark)[w] = k->stamp;
                igraph_vector_int_push_back(&k->queue, w);
            }
        }
    }
}

/* Path positions: the source is 0, the j-th inner vertex's in and out
 * nodes 2j+1 and 2j+2, the sink 2 len + 1. Cutting path p at j keeps
 * positions <= 2j+1 on the source side, so reaching position f forces
 * a cut at j >= f/2. */
static igraph_integer_t least_cut(igraph_integer_t f) { return f <= 0 ? 0 : f / 2; }

#define NEED(k, p, j, q) VECTOR((k)->need)[(VECTOR((k)->path_start)[(p)] + (j)) * (k)->kappa + (q)]
#define PATH_LEN(k, p) (VECTOR((k)->path_start)[(p) + 1] - VECTOR((k)->path_start)[(p)])

/* Flow paths and the need table after a maximum flow of kappa from
 * source x_out to sink y_in. */
static igraph_error_t prepare_pair(kanevsky *k, igraph_integer_t source, igraph_integer_t sink) {
    /* Every node but the source carries at most one unit, and nothing
     * flows into the source or out of the sink, so following flow arcs
     * from the source traces the kappa paths. */
    igraph_vector_int_clear(&k->path_vertex);
    igraph_integer_t p = 0;
    for (igraph_integer_t i = VECTOR(k->start)[source]; i < VECTOR(k->start)[source + 1]; i++) {
        igraph_integer_t a = VECTOR(k->arcs)[i];
        if (VECTOR(k->res)[a] >= VECTOR(k->cap)[a]) continue; /* no flow */
        if (p == k->kappa) IGRAPH_ERROR("Separators: flow exceeds connectivity", IGRAPH_FAILURE);
        VECTOR(k->path_start)[p] = igraph_vector_int_size(&k->path_vertex);
        igraph_integer_t node = VECTOR(k->head)[a], j = 0;
        while (node != sink) {
            /* node is v_in of an inner vertex v, whose v_out follows. */
            igraph_integer_t v = node / 2, next = -1;
            IGRAPH_CHECK(igraph_vector_int_push_back(&k->path_vertex, v));
            VECTOR(k->path_of)[2 * v] = VECTOR(k->path_of)[2 * v + 1] = p;
            VECTOR(k->position)[2 * v] = 2 * j + 1;
            VECTOR(k->position)[2 * v + 1] = 2 * j + 2;
            for (igraph_integer_t x = VECTOR(k->start)[2 * v + 1]; x < VECTOR(k->start)[2 * v + 2]; x++) {
                igraph_integer_t b = VECTOR(k->arcs)[x];
                if (VECTOR(k->res)[b] < VECTOR(k->cap)[b]) next = VECTOR(k->head)[b];
            }
            if (next < 0 || node % 2 != 0) IGRAPH_ERROR("Separators: broken flow path", IGRAPH_FAILURE);
            node = next;
            j++;
        }
        p++;
    }
    if (p != k->kappa) IGRAPH_ERROR("Separators: flow below connectivity", IGRAPH_FAILURE);
    VECTOR(k->path_start)[p] = igraph_vector_int_size(&k->path_vertex);

    IGRAPH_CHECK(igraph_vector_int_resize(&k->need, igraph_vector_int_size(&k->path_vertex) * k->kappa));
    k->stamp++;
    igraph_vector_int_fill(&k->far, 0);
    closure(k, source, sink);
    for (igraph_integer_t q = 0; q < k->kappa; q++) VECTOR(k->base)[q] = least_cut(VECTOR(k->far)[q]);
    /* A closure only grows along a path, so each path needs one sweep. */
    for (p = 0; p < k->kappa; p++) {
        k->stamp++;
        igraph_vector_int_fill(&k->far, 0);
        for (igraph_integer_t j = 0; j < PATH_LEN(k, p); j++) {
            closure(k, 2 * VECTOR(k->path_vertex)[VECTOR(k->path_start)[p] + j], sink);
            for (igraph_integer_t q = 0; q < k->kappa; q++) NEED(k, p, j, q) = least_cut(VECTOR(k->far)[q]);
        }
    }
    return IGRAPH_SUCCESS;
}

static void clear_pair(kanevsky *k) {
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&k->path_vertex); i++) {
        igraph_integer_t v = VECTOR(k->path_vertex)[i];
        VECTOR(k->path_of)[2 * v] = VECTOR(k->path_of)[2 * v + 1] = -1;
    }
}

/* With paths 0..r cut at choice[0..r], can the others be cut? The least
 * cuts they are forced to form a monotone fixpoint; the choice extends
 * iff that fixpoint fits on every path and forces nothing back onto the
 * paths already cut. */
static igraph_bool_t extendable(kanevsky *k, igraph_integer_t r) {
    igraph_integer_t kappa = k->kappa;
    igraph_integer_t *choice = VECTOR(k->choice), *low = VECTOR(k->low);
    for (igraph_integer_t q = 0; q < kappa; q++) {
        low[q] = q <= r ? choice[q] : VECTOR(k->base)[q];
        for (igraph_integer_t p = 0; p <= r; p++) {
            if (NEED(k, p, choice[p], q) > low[q]) {
                if (q <= r) return false;
                low[q] = NEED(k, p, choice[p], q);
            }
        }
    }
    for (igraph_bool_t changed = true; changed;) {
        changed = false;
        for (igraph_integer_t p = r + 1; p < kappa; p++) {
            if (low[p] >= PATH_LEN(k, p)) return false;
            for (igraph_integer_t q = 0; q < kappa; q++) {
                igraph_integer_t want = NEED(k, p, low[p], q);
                if (want <= low[q]) continue;
                if (q <= r) return false;
                low[q] = want;
                changed = true;
            }
        }
    }
    for (igraph_integer_t p = r + 1; p < kappa; p++) {
        if (low[p] >= PATH_LEN(k, p)) return false;
    }
    return true;
}

static int compare_int(const void *a, const void *b) {
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return (x > y) - (x < y);
}

/* Records the separator held in k->tuple. */
static igraph_error_t record(kanevsky *k) {
    qsort(VECTOR(k->tuple), (size_t)k->kappa, sizeof(igraph_integer_t), compare_int);
    return tuple_set_add(&k->found, VECTOR(k->tuple));
}

static igraph_error_t enumerate(kanevsky *k, igraph_integer_t r) {
    if (r == k->kappa) {
        for (igraph_integer_t p = 0; p < k->kappa; p++) {
            VECTOR(k->tuple)[p] = VECTOR(k->path_vertex)[VECTOR(k->path_start)[p] + VECTOR(k->choice)[p]];
        }
        return record(k);
    }
    for (igraph_integer_t j = VECTOR(k->base)[r]; j < PATH_LEN(k, r); j++) {
        VECTOR(k->choice)[r] = j;
        if (extendable(k, r)) IGRAPH_CHECK(enumerate(k, r + 1));
    }
    return IGRAPH_SUCCESS;
}

/* Is the graph disconnected once `removed` (marked with the current
 * stamp) is taken out? */
static igraph_bool_t separates(kanevsky *k, const igraph_adjlist_t *adj) {
    igraph_integer_t start = -1, seen = 0, removed = 0;
    for (igraph_integer_t v = 0; v < k->n; v++) {
        if (VECTOR(k->mark)[v] == k->stamp) removed++;
        else if (start < 0) start = v;
    }
    k->stamp++;
    igraph_vector_int_clear(&k->queue);
    igraph_vector_int_push_back(&k->queue, start); /* reserved: 2n */
    VECTOR(k->mark)[start] = k->stamp;
    for (igraph_integer_t head = 0; head < igraph_vector_int_size(&k->queue); head++) {
        igraph_vector_int_t *nb = igraph_adjlist_get(adj, VECTOR(k->queue)[head]);
        seen++;
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(nb); i++) {
            igraph_integer_t w = VECTOR(*nb)[i];
            /* Removed vertices carry the previous stamp. */
            if (VECTOR(k->mark)[w] != k->stamp && VECTOR(k->mark)[w] != k->stamp - 1) {
                VECTOR(k->mark)[w] = k->stamp;
                igraph_vector_int_push_back(&k->queue, w);
            }
        }
    }
    return seen + removed < k->n;
}

static igraph_error_t kanevsky_run(kanevsky *k, const igraph_adjlist_t *adj) {
    igraph_integer_t n = k->n, kappa = k->kappa;
    igraph_vector_int_t degree, order, x_set;

    /* X: the kappa vertices of highest degree (any kappa would do). */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
    for (igraph_integer_t v = 0; v < n; v++) VECTOR(degree)[v] = -igraph_vector_int_size(igraph_adjlist_get(adj, v));
    IGRAPH_CHECK(igraph_vector_int_qsort_ind(&degree, &order, IGRAPH_ASCENDING));
    IGRAPH_CHECK(igraph_vector_int_init_copy(&x_set, &order));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &x_set);
    IGRAPH_CHECK(igraph_vector_int_resize(&x_set, kappa));

    k->stamp++;
    for (igraph_integer_t i = 0; i < kappa; i++) VECTOR(k->mark)[VECTOR(x_set)[i]] = k->stamp;
    if (separates(k, adj)) {
        for (igraph_integer_t i = 0; i < kappa; i++) VECTOR(k->tuple)[i] = VECTOR(x_set)[i];
        IGRAPH_CHECK(record(k));
    }

    for (igraph_integer_t i = 0; i < kappa; i++) {
        igraph_integer_t x = VECTOR(x_set)[i];
        igraph_vector_int_t *nx = igraph_adjlist_get(adj, x);
        k->stamp++;
        igraph_integer_t neighbours = k->stamp;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(nx); j++) VECTOR(k->mark)[VECTOR(*nx)[j]] = neighbours;
        /* Closing x's and y's own arcs keeps flow from entering the
         * source or leaving the sink; neither vertex is in an (x, y)-cut
         * anyway. Arc 2v is v_in -> v_out. */
        VECTOR(k->cap)[2 * x] = 0;
        for (igraph_integer_t y = 0; y < n; y++) {
            if (y == x || VECTOR(k->mark)[y] == neighbours) continue;
            VECTOR(k->cap)[2 * y] = 0;
            igraph_integer_t flow = max_flow_upto(k, 2 * x + 1, 2 * y, kappa + 1);
            if (flow <= kappa) {
                IGRAPH_CHECK(prepare_pair(k, 2 * x + 1, 2 * y));
                IGRAPH_CHECK(enumerate(k, 0));
                clear_pair(k);
            }
            VECTOR(k->cap)[2 * y] = 1;
            /* The searches took new stamps; mark x's neighbours again. */
            k->stamp++;
            neighbours = k->stamp;
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(nx); j++) {
                VECTOR(k->mark)[VECTOR(*nx)[j]] = neighbours;
            }
        }
        VECTOR(k->cap)[2 * x] = 1;
    }

    igraph_vector_int_destroy(&x_set);
    igraph_vector_int_destroy(&order);
    igraph_vector_int_destroy(&degree);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

static igraph_error_t minimum_separators_kanevsky(const igraph_t *simple, const igraph_adjlist_t *adj,
                                                  igraph_vector_int_list_t *separators) {
    kanevsky k;
    IGRAPH_CHECK(kanevsky_init(&k, simple));
    IGRAPH_FINALLY(kanevsky_destroy, &k);
    igraph_integer_t kappa = vertex_connectivity(&k, adj);
    IGRAPH_CHECK(kanevsky_set_kappa(&k, kappa));
    IGRAPH_CHECK(kanevsky_run(&k, adj));
    for (igraph_integer_t i = 0; i < k.found.count; i++) {
        igraph_vector_int_t *s;
        IGRAPH_CHECK(igraph_vector_int_list_push_back_new(separators, &s));
        IGRAPH_CHECK(igraph_vector_int_resize(s, kappa));
        for (igraph_integer_t j = 0; j < kappa; j++) VECTOR(*s)[j] = VECTOR(k.found.items)[i * kappa + j];
    }
    igraph_vector_int_list_sort(separators, igraph_vector_int_lex_cmp);
    kanevsky_destroy(&k);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

/* The separators of a simple, undirected, connected graph. */
static igraph_error_t separators_of_simple(const igraph_t *simple, igraph_vector_int_list_t *separators) {
    igraph_integer_t n = igraph_vcount(simple);
    if (igraph_ecount(simple) >= n * (n - 1) / 2) return IGRAPH_SUCCESS; /* complete */
    igraph_vector_int_t cut;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&cut, 0);
    IGRAPH_CHECK(igraph_articulation_points(simple, &cut));
    if (igraph_vector_int_size(&cut) > 0) {
        igraph_vector_int_sort(&cut);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&cut); i++) {
            igraph_vector_int_t *one;
            IGRAPH_CHECK(igraph_vector_int_list_push_back_new(separators, &one));
            IGRAPH_CHECK(igraph_vector_int_push_back(one, VECTOR(cut)[i]));
        }
    } else {
        igraph_adjlist_t adj;
        IGRAPH_CHECK(igraph_adjlist_init(simple, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
        IGRAPH_FINALLY(igraph_adjlist_destroy, &adj);
        IGRAPH_CHECK(minimum_separators_kanevsky(simple, &adj, separators));
        igraph_adjlist_destroy(&adj);
        IGRAPH_FINALLY_CLEAN(1);
    }
    igraph_vector_int_destroy(&cut);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t minimum_size_separators(const igraph_t *g, igraph_vector_int_list_t *separators) {
    igraph_integer_t n = igraph_vcount(g);
    igraph_bool_t connected, is_simple;

    igraph_vector_int_list_clear(separators);
    if (n <= 1) return IGRAPH_SUCCESS;
    IGRAPH_CHECK(igraph_is_connected(g, &connected, IGRAPH_WEAK));
    if (!connected) return IGRAPH_SUCCESS;

    /* A simple undirected graph makes "complete" an edge count and keeps
     * directions, loops and repeated edges out of the connectivity; a graph
     * that already is one (hubspoke's security graph) is not copied. */
    IGRAPH_CHECK(igraph_is_simple(g, &is_simple));
    if (is_simple && !igraph_is_directed(g)) return separators_of_simple(g, separators);
    igraph_t simple;
    IGRAPH_CHECK(igraph_copy(&simple, g));
    IGRAPH_FINALLY(igraph_destroy, &simple);
    if (igraph_is_directed(&simple)) {
        IGRAPH_CHECK(igraph_to_undirected(&simple, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL));
    }
    IGRAPH_CHECK(igraph_simplify(&simple, true, true, NULL));
    IGRAPH_CHECK(separators_of_simple(&simple, separators));
    igraph_destroy(&simple);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

hs_error hs_minimum_size_separators(const igraph_t *g, igraph_vector_int_list_t *separators) {
    if (!g || !separators) return hs_error_set(HS_EARG, "minimum size separators: NULL argument");
    HS_IGRAPH(minimum_size_separators(g, separators), "minimum size separators");
    return HS_OK;
}
