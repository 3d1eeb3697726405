/* Unit tests of include/hubspoke/measures.h.
 *
 * Expected values are worked out by hand in the comments, or come from
 * naive reference implementations written here straight from the
 * published definitions (all pairs, all subsets), never from the library. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hubspoke/error.h"
#include "hubspoke/measures.h"
#include "measures/prng.h"
#include "assert_close.h"

/* ---- helpers ------------------------------------------------------------------- */

#define assert_ok(call) assert_int_equal((call), HS_OK)

static void make(igraph_t *g, igraph_integer_t n, igraph_bool_t directed, const int *edges, int nedges) {
    igraph_vector_int_t v;
    assert_int_equal(igraph_vector_int_init(&v, 2 * nedges), IGRAPH_SUCCESS);
    for (int i = 0; i < 2 * nedges; i++) VECTOR(v)[i] = edges[i];
    assert_int_equal(igraph_create(g, &v, n, directed), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&v);
}

#define MAKE(g, n, directed, ...)                                               \
    do {                                                                        \
        static const int edges_[] = {__VA_ARGS__};                              \
        make((g), (n), (directed), edges_, (int)(sizeof edges_ / sizeof edges_[0] / 2)); \
    } while (0)

static void set_of(igraph_vector_bool_t *s, igraph_integer_t n, const int *members, int count) {
    assert_int_equal(igraph_vector_bool_init(s, n), IGRAPH_SUCCESS);
    for (int i = 0; i < count; i++) VECTOR(*s)[members[i]] = true;
}

#define SET(s, n, ...)                                                          \
    do {                                                                        \
        static const int members_[] = {__VA_ARGS__};                            \
        set_of((s), (n), members_, (int)(sizeof members_ / sizeof members_[0])); \
    } while (0)

static void vec_of(igraph_vector_t *v, const double *x, int count) {
    assert_int_equal(igraph_vector_init(v, count), IGRAPH_SUCCESS);
    for (int i = 0; i < count; i++) VECTOR(*v)[i] = x[i];
}

#define VEC(v, ...)                                                             \
    do {                                                                        \
        static const double x_[] = {__VA_ARGS__};                               \
        vec_of((v), x_, (int)(sizeof x_ / sizeof x_[0]));                       \
    } while (0)

/* A random graph on n vertices with arc/edge probability p, from a seeded
 * generator; with `noise`, a few loops and repeated edges are added, which
 * every measure here must ignore. */
static void random_graph(igraph_t *g, hs_prng *rng, int n, double p, igraph_bool_t directed,
                         bool noise, bool adj[][64]) {
    igraph_vector_int_t e;
    assert_int_equal(igraph_vector_int_init(&e, 0), IGRAPH_SUCCESS);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            adj[i][j] = false;
        }
    }
    for (int i = 0; i < n; i++) {
        for (int j = directed ? 0 : i + 1; j < n; j++) {
            if (i == j) continue;
            if ((double)(hs_prng_next(rng) >> 11) * 0x1.0p-53 < p) {
                adj[i][j] = true;
                if (!directed) adj[j][i] = true;
                igraph_vector_int_push_back(&e, i);
                igraph_vector_int_push_back(&e, j);
                if (noise && hs_prng_below(rng, 8) == 0) {
                    igraph_vector_int_push_back(&e, i);
                    igraph_vector_int_push_back(&e, j);
                }
            }
        }
        if (noise && hs_prng_below(rng, 6) == 0) {
            igraph_vector_int_push_back(&e, i);
            igraph_vector_int_push_back(&e, i);
        }
    }
    assert_int_equal(igraph_create(g, &e, n, directed), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&e);
}

/* ---- Krackhardt ------------------------------------------------------------------ */

static void assert_same_or_nan(double actual, double expected) {
    if (isnan(expected)) assert_true(isnan(actual));
    else assert_close(actual, expected);
}

static void check_krackhardt(const igraph_t *g, double con, double hier, double eff, double lub) {
    hs_krackhardt k;
    assert_ok(hs_krackhardt_compute(g, &k));
    assert_same_or_nan(k.connectedness, con);
    assert_same_or_nan(k.hierarchy, hier);
    assert_same_or_nan(k.efficiency, eff);
    assert_same_or_nan(k.lub, lub);
}

static void test_krackhardt_out_star(void **state) {
    (void)state;
    igraph_t g;
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 0, 2, 0, 3, 0, 4);
    check_krackhardt(&g, 1, 1, 1, 1);
    igraph_destroy(&g);
    /* A loop and a repeated arc change nothing. */
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 0, 2, 0, 3, 0, 4, 0, 0, 0, 1, 3, 3);
    check_krackhardt(&g, 1, 1, 1, 1);
    igraph_destroy(&g);
}

static void test_krackhardt_out_tree_depth3(void **state) {
    (void)state;
    igraph_t g;
    /* 0 -> {1, 2}, 1 -> {3, 4}, 2 -> 5, 3 -> 6. Every pair's common
     * superiors form a chain (e.g. {4, 6}: {1, 0}, least 1). */
    MAKE(&g, 7, IGRAPH_DIRECTED, 0, 1, 0, 2, 1, 3, 1, 4, 2, 5, 3, 6);
    check_krackhardt(&g, 1, 1, 1, 1);
    igraph_destroy(&g);
}

static void test_krackhardt_cycle(void **state) {
    (void)state;
    igraph_t g;
    /* Directed C4: all 6 pairs mutually reachable, so hierarchy 0.
     * sna: efficiency = 1 - (edgec - reqedge)/maxv with comsz = 4,
     * reqedge = 3, maxv = 4*3 - 3 = 9, edgec = 4: 1 - 1/9 = 8/9.
     * Every pair's upper bounds are all 4 vertices, each of which is
     * reached by the others: lub 1. */
    MAKE(&g, 4, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 3, 3, 0);
    check_krackhardt(&g, 1, 0, 8.0 / 9, 1);
    igraph_destroy(&g);
}

static void test_krackhardt_two_components(void **state) {
    (void)state;
    igraph_t g;
    /* {0 -> 1, 0 -> 2} and {3 -> 4}: connectedness (3 + 1) / C(5,2) =
     * 0.4; efficiency: reqedge 2 + 1 = 3 = edgec, so 1; lub only counts
     * the component of size 3 (max (3-1)(3-2)/2 = 1, no violation). */
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 0, 2, 3, 4);
    check_krackhardt(&g, 0.4, 1, 1, 1);
    igraph_destroy(&g);
    /* An isolated vertex 5 adds 5 pairs, none connected: 4/15. */
    MAKE(&g, 6, IGRAPH_DIRECTED, 0, 1, 0, 2, 3, 4);
    check_krackhardt(&g, 4.0 / 15, 1, 1, 1);
    igraph_destroy(&g);
}

/* Krackhardt's (1994) four ideal-type violations, one axiom at a time. */
static void test_krackhardt_violations(void **state) {
    (void)state;
    igraph_t g;
    /* Hierarchy: the star 0 -> {1, 2, 3} plus 1 -> 0. Reachable pairs:
     * {0,1} mutual; {0,2}, {0,3}, {1,2}, {1,3} one-way: hierarchy 4/5
     * (sna: 1 - dyadic.nonnull reciprocity = 1 - 1/5). Efficiency
     * 1 - (4 - 3)/9 = 8/9. {2,3} has upper bounds {0, 1}, which reach each
     * other, so a least one exists: lub 1. */
    MAKE(&g, 4, IGRAPH_DIRECTED, 0, 1, 0, 2, 0, 3, 1, 0);
    check_krackhardt(&g, 1, 0.8, 8.0 / 9, 1);
    igraph_destroy(&g);

    /* Efficiency: the tree 0 -> {1, 2}, 1 -> 3 plus the redundant 0 -> 3. */
    MAKE(&g, 4, IGRAPH_DIRECTED, 0, 1, 0, 2, 1, 3, 0, 3);
    check_krackhardt(&g, 1, 1, 8.0 / 9, 1);
    igraph_destroy(&g);

    /* LUB: two bosses a=0, b=1 sharing y=3: 0 -> {2, 3}, 1 -> {3, 4}.
     * Pairs without any common superior: {0,1}, {2,4}, {0,4}, {1,2}; all
     * others have one ({2,3}: 0, {3,4}: 1) or are comparable. 4 violations
     * of at most (5-1)(5-2)/2 = 6: lub 1/3. 4 arcs = N - 1: efficiency 1. */
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 2, 0, 3, 1, 3, 1, 4);
    check_krackhardt(&g, 1, 1, 1, 1.0 / 3);
    igraph_destroy(&g);

    /* Connectedness: two separate out-trees, see two_components. */

    /* Common superiors with a top but no bottom: r=0 -> p=1, q=2; p and q
     * both -> i=3, j=4. {i, j} has upper bounds {r, p, q}; p and q are
     * incomparable, so no least one: 1 violation of 6, lub 5/6. (sna's C
     * code accepts r, which reaches both, and would give 1.) Efficiency:
     * 6 arcs, 4 needed, at most 16 spare: 1 - 2/16. */
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 0, 2, 1, 3, 1, 4, 2, 3, 2, 4);
    check_krackhardt(&g, 1, 1, 7.0 / 8, 5.0 / 6);
    igraph_destroy(&g);

    /* In-star 1, 2, 3 -> 0: no two leaves share a superior; 3 violations
     * of (4-1)(4-2)/2 = 3: lub 0. */
    MAKE(&g, 4, IGRAPH_DIRECTED, 1, 0, 2, 0, 3, 0);
    check_krackhardt(&g, 1, 1, 1, 0);
    igraph_destroy(&g);
}

static void test_krackhardt_undefined(void **state) {
    (void)state;
    igraph_t g;
    hs_krackhardt k;
    MAKE(&g, 1, IGRAPH_DIRECTED, 0, 0);
    assert_ok(hs_krackhardt_compute(&g, &k));
    assert_true(isnan(k.connectedness) && isnan(k.hierarchy) && isnan(k.efficiency) && isnan(k.lub));
    igraph_destroy(&g);
    assert_int_equal(igraph_empty(&g, 0, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
    assert_ok(hs_krackhardt_compute(&g, &k));
    assert_true(isnan(k.connectedness));
    igraph_destroy(&g);
    /* Three isolates: nothing reaches anything. */
    assert_int_equal(igraph_empty(&g, 3, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
    assert_ok(hs_krackhardt_compute(&g, &k));
    assert_close(k.connectedness, 0);
    assert_true(isnan(k.hierarchy) && isnan(k.efficiency) && isnan(k.lub));
    igraph_destroy(&g);
    /* A single arc: lub needs a component of 3. */
    MAKE(&g, 2, IGRAPH_DIRECTED, 0, 1);
    check_krackhardt(&g, 1, 1, 1, NAN);
    igraph_destroy(&g);
}

static void test_krackhardt_errors(void **state) {
    (void)state;
    igraph_t g;
    hs_krackhardt k;
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2);
    assert_int_equal(hs_krackhardt_compute(&g, &k), HS_EARG);
    assert_non_null(strstr(hs_error_last(), "directed"));
    igraph_destroy(&g);
}

/* The definitions in measures.h, evaluated over all pairs and triples. */
static void naive_krackhardt(int n, bool adj[][64], hs_krackhardt *k) {
    static bool reach[64][64], weak[64][64];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            reach[i][j] = i == j || adj[i][j];
            weak[i][j] = i == j || adj[i][j] || adj[j][i];
        }
    }
    for (int m = 0; m < n; m++) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                reach[i][j] = reach[i][j] || (reach[i][m] && reach[m][j]);
                weak[i][j] = weak[i][j] || (weak[i][m] && weak[m][j]);
            }
        }
    }
    double joined = 0, mutual = 0, oneway = 0, arcs = 0, needed = 0, spare = 0, viol = 0, maxviol = 0;
    for (int i = 0; i < n; i++) {
        int size = 0;
        bool first = true;
        for (int j = 0; j < n; j++) {
            if (weak[i][j]) size++;
            if (weak[i][j] && j < i) first = false;
            if (adj[i][j]) arcs++;
        }
        if (first) {
            needed += size - 1;
            spare += (size - 1.0) * (size - 1.0);
            if (size >= 3) maxviol += (size - 1.0) * (size - 2.0) / 2;
        }
        for (int j = i + 1; j < n; j++) {
            if (weak[i][j]) joined++;
            if (reach[i][j] && reach[j][i]) mutual++;
            else if (reach[i][j] || reach[j][i]) oneway++;
            if (!weak[i][j] || size < 3) continue;
            bool has_lub = false;
            for (int l = 0; l < n && !has_lub; l++) {
                if (!(reach[l][i] && reach[l][j])) continue;
                bool least = true;
                for (int u = 0; u < n; u++) {
                    if (reach[u][i] && reach[u][j] && !reach[u][l]) least = false;
                }
                has_lub = least;
            }
            if (!has_lub) viol++;
        }
    }
    k->connectedness = n < 2 ? NAN : joined / (n * (n - 1.0) / 2);
    k->hierarchy = mutual + oneway > 0 ? oneway / (mutual + oneway) : NAN;
    k->efficiency = spare > 0 ? 1 - (arcs - needed) / spare : NAN;
    k->lub = maxviol > 0 ? 1 - viol / maxviol : NAN;
    if (n < 2) k->hierarchy = k->efficiency = k->lub = NAN;
}

static void test_krackhardt_random_vs_naive(void **state) {
    (void)state;
    static bool adj[64][64];
    static const double density[] = {0.02, 0.05, 0.1, 0.2, 0.35, 0.6};
    hs_prng rng;
    hs_prng_seed(&rng, 1994);
    for (int t = 0; t < 240; t++) {
        int n = t < 200 ? 1 + (int)hs_prng_below(&rng, 14) : 40 + (int)hs_prng_below(&rng, 24);
        double p = density[hs_prng_below(&rng, 6)];
        if (t >= 200) p = p / 4;
        igraph_t g;
        hs_krackhardt got, want;
        random_graph(&g, &rng, n, p, IGRAPH_DIRECTED, t % 3 == 0, adj);
        assert_ok(hs_krackhardt_compute(&g, &got));
        naive_krackhardt(n, adj, &want);
        assert_same_or_nan(got.connectedness, want.connectedness);
        assert_same_or_nan(got.hierarchy, want.hierarchy);
        assert_same_or_nan(got.efficiency, want.efficiency);
        assert_same_or_nan(got.lub, want.lub);
        igraph_destroy(&g);
    }
}

/* ---- brokerage ------------------------------------------------------------------- */

static void check_roles(const igraph_matrix_t *r, igraph_integer_t v, double co, double it, double ga,
                        double re, double li) {
    assert_close(MATRIX(*r, v, HS_BROKER_COORDINATOR), co);
    assert_close(MATRIX(*r, v, HS_BROKER_ITINERANT), it);
    assert_close(MATRIX(*r, v, HS_BROKER_GATEKEEPER), ga);
    assert_close(MATRIX(*r, v, HS_BROKER_REPRESENTATIVE), re);
    assert_close(MATRIX(*r, v, HS_BROKER_LIAISON), li);
}

static void test_brokerage_path_roles(void **state) {
    (void)state;
    /* a=0 -> b=1 -> c=2, groups (g(a), g(b), g(c)). */
    static const int groups[5][3] = {{0, 0, 0}, {0, 1, 0}, {0, 1, 1}, {0, 0, 1}, {0, 1, 2}};
    igraph_t g;
    igraph_matrix_t r;
    igraph_vector_int_t grp;
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2);
    assert_int_equal(igraph_matrix_init(&r, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&grp, 3), IGRAPH_SUCCESS);
    for (int role = 0; role < HS_BROKER_ROLES; role++) {
        for (int v = 0; v < 3; v++) VECTOR(grp)[v] = groups[role][v];
        assert_ok(hs_brokerage(&g, &grp, &r));
        assert_int_equal(igraph_matrix_nrow(&r), 3);
        assert_int_equal(igraph_matrix_ncol(&r), HS_BROKER_ROLES);
        for (int k = 0; k < HS_BROKER_ROLES; k++) {
            assert_close(MATRIX(r, 1, k), k == role ? 1 : 0);
            assert_close(MATRIX(r, 0, k), 0);
            assert_close(MATRIX(r, 2, k), 0);
        }
    }
    /* Labels are compared, not used as indices. */
    VECTOR(grp)[0] = -7;
    VECTOR(grp)[1] = 1000000;
    VECTOR(grp)[2] = -7;
    assert_ok(hs_brokerage(&g, &grp, &r));
    check_roles(&r, 1, 0, 1, 0, 0, 0);
    igraph_vector_int_destroy(&grp);
    igraph_matrix_destroy(&r);
    igraph_destroy(&g);
}

static void test_brokerage_undirected_star(void **state) {
    (void)state;
    igraph_t g;
    igraph_matrix_t r;
    igraph_vector_int_t grp;
    /* Centre 0 and leaves 1, 2 in group A; leaves 3, 4, 5 in group B. The
     * 20 ordered leaf pairs (a, c) all pass through 0 unclosed:
     *   a, c in A: 2 ordered pairs, coordinator;
     *   a, c in B: 3*2 = 6, itinerant (g(a) = g(c) != g(0));
     *   a in B, c in A: 3*2 = 6, gatekeeper (g(0) = g(c) != g(a));
     *   a in A, c in B: 2*3 = 6, representative. */
    MAKE(&g, 6, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5);
    assert_int_equal(igraph_matrix_init(&r, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&grp, 6), IGRAPH_SUCCESS);
    VECTOR(grp)[3] = VECTOR(grp)[4] = VECTOR(grp)[5] = 1;
    assert_ok(hs_brokerage(&g, &grp, &r));
    check_roles(&r, 0, 2, 6, 6, 6, 0);
    for (int v = 1; v < 6; v++) check_roles(&r, v, 0, 0, 0, 0, 0);
    /* Centre in a third group, leaves 1, 2 in A and 3 in B (star on 4):
     * {1,2} both ways itinerant (2); the 4 ordered pairs mixing A and B
     * are liaison. */
    igraph_destroy(&g);
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3);
    assert_int_equal(igraph_vector_int_resize(&grp, 4), IGRAPH_SUCCESS);
    VECTOR(grp)[0] = 2;
    VECTOR(grp)[1] = VECTOR(grp)[2] = 0;
    VECTOR(grp)[3] = 1;
    assert_ok(hs_brokerage(&g, &grp, &r));
    check_roles(&r, 0, 0, 2, 0, 0, 4);
    igraph_vector_int_destroy(&grp);
    igraph_matrix_destroy(&r);
    igraph_destroy(&g);
}

static void test_brokerage_closed(void **state) {
    (void)state;
    igraph_t g;
    igraph_matrix_t r;
    igraph_vector_int_t grp;
    assert_int_equal(igraph_matrix_init(&r, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&grp, 3), IGRAPH_SUCCESS);
    VECTOR(grp)[1] = 1;
    /* 0 -> 1 -> 2 is closed by 0 -> 2; no other two-path exists. */
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, 0, 2);
    assert_ok(hs_brokerage(&g, &grp, &r));
    assert_close(igraph_matrix_sum(&r), 0);
    igraph_destroy(&g);
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 0, 2);
    assert_ok(hs_brokerage(&g, &grp, &r));
    assert_close(igraph_matrix_sum(&r), 0);
    igraph_destroy(&g);
    /* Mutual 0 <-> 1 and 1 -> 2: only 0 -> 1 -> 2 counts (a != c), once
     * even with a repeated arc and a loop on the broker. */
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 0, 1, 2, 1, 2, 1, 1);
    assert_ok(hs_brokerage(&g, &grp, &r));
    check_roles(&r, 1, 0, 1, 0, 0, 0);
    VECTOR(grp)[1] = 0;
    assert_ok(hs_brokerage(&g, &grp, &r));
    check_roles(&r, 1, 1, 0, 0, 0, 0);
    assert_close(igraph_matrix_sum(&r), 1);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&grp);
    igraph_matrix_destroy(&r);
}

/* All two-paths enumerated one by one. */
static void test_brokerage_random_vs_naive(void **state) {
    (void)state;
    static bool adj[64][64];
    hs_prng rng;
    hs_prng_seed(&rng, 1989);
    for (int t = 0; t < 40; t++) {
        int n = 2 + (int)hs_prng_below(&rng, 60);
        igraph_bool_t directed = t % 2 == 0;
        double p = (t % 5 + 1) * 0.06;
        igraph_t g;
        igraph_matrix_t r;
        igraph_vector_int_t grp;
        double want[64][HS_BROKER_ROLES] = {{0}};
        random_graph(&g, &rng, n, p, directed, t % 3 == 0, adj);
        assert_int_equal(igraph_vector_int_init(&grp, n), IGRAPH_SUCCESS);
        for (int v = 0; v < n; v++) VECTOR(grp)[v] = (igraph_integer_t)hs_prng_below(&rng, 1 + t % 4);
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    if (a == b || b == c || a == c || !adj[a][b] || !adj[b][c] || adj[a][c]) continue;
                    igraph_integer_t ga = VECTOR(grp)[a], gb = VECTOR(grp)[b], gc = VECTOR(grp)[c];
                    int role = ga == gb && gb == gc ? HS_BROKER_COORDINATOR
                               : ga == gc           ? HS_BROKER_ITINERANT
                               : gb == gc           ? HS_BROKER_GATEKEEPER
                               : ga == gb           ? HS_BROKER_REPRESENTATIVE
                                                    : HS_BROKER_LIAISON;
                    want[b][role]++;
                }
            }
        }
        assert_int_equal(igraph_matrix_init(&r, 0, 0), IGRAPH_SUCCESS);
        assert_ok(hs_brokerage(&g, &grp, &r));
        for (int b = 0; b < n; b++) {
            for (int k = 0; k < HS_BROKER_ROLES; k++) assert_close(MATRIX(r, b, k), want[b][k]);
        }
        igraph_matrix_destroy(&r);
        igraph_vector_int_destroy(&grp);
        igraph_destroy(&g);
    }
}

static void test_brokerage_errors(void **state) {
    (void)state;
    igraph_t g;
    igraph_matrix_t r;
    igraph_vector_int_t grp;
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2);
    assert_int_equal(igraph_matrix_init(&r, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init(&grp, 2), IGRAPH_SUCCESS);
    assert_int_equal(hs_brokerage(&g, &grp, &r), HS_EARG);
    igraph_vector_int_destroy(&grp);
    igraph_matrix_destroy(&r);
    igraph_destroy(&g);
}

/* ---- E-I index, permutation test, conductance -------------------------------------- */

static void test_ei_index(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_bool_t s;
    igraph_vector_t w;
    double ei;
    /* e0 0-1, e1 1-2 inside S = {0,1,2}; e2 2-3, e3 0-4 leave it; e4 4-5,
     * e5 3-5 are outside. Unweighted: (2 - 2) / 4 = 0. Weighted
     * (1, 2, 3, 0.5, 10, 7): I = 3, E = 3.5, (3.5 - 3) / 6.5 = 1/13. */
    MAKE(&g, 6, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, 0, 4, 4, 5, 3, 5);
    SET(&s, 6, 0, 1, 2);
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_close(ei, 0);
    VEC(&w, 1, 2, 3, 0.5, 10, 7);
    assert_ok(hs_ei_index(&g, &s, &w, &ei));
    assert_close(ei, 1.0 / 13);
    igraph_vector_destroy(&w);
    /* {5}: both its edges leave it. */
    igraph_vector_bool_null(&s);
    VECTOR(s)[5] = true;
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_close(ei, 1);
    /* Empty set: E + I = 0. */
    igraph_vector_bool_null(&s);
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_true(isnan(ei));
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);

    /* A repeated 2-3 is a second tie (E = 3, I = 2: 1/5); a loop on a
     * member is internal (E = 2, I = 3: -1/5); an isolated member: NaN. */
    MAKE(&g, 7, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, 0, 4, 4, 5, 3, 5, 2, 3);
    SET(&s, 7, 0, 1, 2);
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_close(ei, 1.0 / 5);
    igraph_destroy(&g);
    MAKE(&g, 7, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3, 0, 4, 4, 5, 3, 5, 0, 0);
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_close(ei, -1.0 / 5);
    igraph_vector_bool_null(&s);
    VECTOR(s)[6] = true;
    assert_ok(hs_ei_index(&g, &s, NULL, &ei));
    assert_true(isnan(ei));
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);
}

static void test_ei_errors(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_bool_t s;
    igraph_vector_t w;
    double ei;
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2);
    SET(&s, 2, 0);
    assert_int_equal(hs_ei_index(&g, &s, NULL, &ei), HS_EARG);
    igraph_vector_bool_destroy(&s);
    SET(&s, 3, 0);
    VEC(&w, 1, -1);
    assert_int_equal(hs_ei_index(&g, &s, &w, &ei), HS_EARG);
    assert_non_null(strstr(hs_error_last(), "weight"));
    VECTOR(w)[1] = NAN;
    assert_int_equal(hs_ei_index(&g, &s, &w, &ei), HS_EARG);
    igraph_vector_destroy(&w);
    VEC(&w, 1);
    assert_int_equal(hs_conductance(&g, &s, &w, &ei), HS_EARG);
    igraph_vector_destroy(&w);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);
}

/* Two disjoint K8 on 0..7 and 8..15. */
static void two_cliques(igraph_t *g) {
    igraph_vector_int_t e;
    assert_int_equal(igraph_vector_int_init(&e, 0), IGRAPH_SUCCESS);
    for (int base = 0; base < 16; base += 8) {
        for (int i = 0; i < 8; i++) {
            for (int j = i + 1; j < 8; j++) {
                igraph_vector_int_push_back(&e, base + i);
                igraph_vector_int_push_back(&e, base + j);
            }
        }
    }
    assert_int_equal(igraph_create(g, &e, 16, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&e);
}

static void test_ei_permutation(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_bool_t s;
    hs_ei_test a, b, c;
    two_cliques(&g);
    SET(&s, 16, 0, 1, 2, 3, 4, 5, 6, 7);
    /* One clique is perfectly closed (EI = -1); a random 8-subset is that
     * closed only if it is one of the 2 cliques, 2 / C(16,8) = 1/6435. */
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 999, 42, &a));
    assert_close(a.ei, -1);
    assert_int_equal(a.permutations, 999);
    assert_true(a.p_closed > 0 && a.p_closed < 0.01);
    assert_true(a.expected > -0.9);
    /* The same seed gives the same result, bit for bit. */
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 999, 42, &b));
    assert_memory_equal(&a, &b, sizeof a);
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 999, 43, &c));
    assert_true(c.expected != a.expected);

    /* An open set: every p is in (0, 1]. */
    igraph_vector_bool_null(&s);
    VECTOR(s)[0] = VECTOR(s)[8] = VECTOR(s)[9] = true;
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 200, 7, &a));
    assert_true(a.p_closed > 0 && a.p_closed <= 1);
    assert_true(a.p_closed > 0.05);

    /* No permutation: nothing to compare with. */
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 0, 7, &a));
    assert_int_equal(a.permutations, 0);
    assert_true(isnan(a.expected) && isnan(a.p_closed));
    assert_int_equal(hs_ei_permutation_test(&g, &s, NULL, -1, 7, &a), HS_EARG);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);

    /* In K1,3 every single vertex has only external edges, so every
     * permutation of S = {leaf} gives EI = 1 = observed: p_closed = 1. */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3);
    SET(&s, 4, 1);
    assert_ok(hs_ei_permutation_test(&g, &s, NULL, 50, 1, &a));
    assert_close(a.ei, 1);
    assert_close(a.expected, 1);
    assert_close(a.p_closed, 1);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);
}

static void test_conductance(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_bool_t s;
    igraph_vector_t w;
    double phi;
    /* Path 0-1-2-3, weights 1, 2, 3, S = {0, 1}: cut = 2 (edge 1-2),
     * vol(S) = 1 + (1 + 2) = 4, vol(T) = (2 + 3) + 3 = 8: 2/4. Unweighted:
     * cut 1, vol(S) = 3 = vol(T): 1/3. */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3);
    SET(&s, 4, 0, 1);
    VEC(&w, 1, 2, 3);
    assert_ok(hs_conductance(&g, &s, &w, &phi));
    assert_close(phi, 0.5);
    assert_ok(hs_conductance(&g, &s, NULL, &phi));
    assert_close(phi, 1.0 / 3);
    /* S = everything: vol(T) = 0. */
    igraph_vector_bool_fill(&s, true);
    assert_ok(hs_conductance(&g, &s, &w, &phi));
    assert_true(isnan(phi));
    igraph_vector_destroy(&w);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);

    /* A loop adds twice to its vertex's degree (NetworkX): edges 0-1,
     * 1-2, loop 0-0, S = {0}: cut 1, vol(S) = 1 + 2 = 3, vol(T) = 2 + 1. */
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 0, 0);
    SET(&s, 3, 0);
    assert_ok(hs_conductance(&g, &s, NULL, &phi));
    assert_close(phi, 1.0 / 3);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);

    /* Directed 3-cycle, S = {0}: the cut counts 0 -> 1 and 2 -> 0 (2);
     * volumes are out-degrees: vol(S) = 1, vol(T) = 2: phi = 2. */
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 0);
    SET(&s, 3, 0);
    assert_ok(hs_conductance(&g, &s, NULL, &phi));
    assert_close(phi, 2);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);
}

/* ---- set minimum cut --------------------------------------------------------------- */

static void assert_edges(const igraph_vector_int_t *got, const int *want, int count) {
    assert_int_equal(igraph_vector_int_size(got), count);
    for (int i = 0; i < count; i++) assert_int_equal(VECTOR(*got)[i], want[i]);
}

static void test_set_min_cut(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_bool_t s;
    igraph_vector_t cap;
    igraph_vector_int_t cut;
    double value;
    /* e0 0-1 (5), e1 0-2 (1), e2 1-2 (1), e3 1-3 (2), e4 2-3 (4),
     * e5 3-4 (10), e6 2-5 (1), e7 4-5 (100, inside S); 6 isolated.
     * S = {4, 5}, v = 0. The v sides and their cuts: {0} 6, {0,1} 4,
     * {0,2} 11, {0,1,2} 7, {0,1,3} 16, {0,2,3} 19, {0,1,2,3} 11, ...:
     * minimum 4, edges e1, e2, e3. */
    MAKE(&g, 7, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 1, 2, 1, 3, 2, 3, 3, 4, 2, 5, 4, 5);
    SET(&s, 7, 4, 5);
    VEC(&cap, 5, 1, 1, 2, 4, 10, 1, 100);
    assert_int_equal(igraph_vector_int_init(&cut, 0), IGRAPH_SUCCESS);
    assert_ok(hs_set_min_cut(&g, &cap, &s, 0, &value, &cut));
    assert_close(value, 4);
    assert_edges(&cut, (const int[]){1, 2, 3}, 3);
    /* Unit capacities: {0} and {0,1,2,3} both cut 2 edges; the cut
     * nearest v is returned, e0 and e1. */
    assert_ok(hs_set_min_cut(&g, NULL, &s, 0, &value, &cut));
    assert_close(value, 2);
    assert_edges(&cut, (const int[]){0, 1}, 2);
    /* From 3 with capacities: e5 + e6 = 11 beats {3}'s 16... the v side
     * {3}: e3 + e4 + e5 = 16; {0,1,2,3}: e5 + e6 = 11; {1,3}: e0 e2 e4 e5
     * = 20; {2,3}: e1 e2 e3 e5 e6 = 15; {0,1,3}: 16; {1,2,3}: e0 e1 e5 e6
     * = 17; {0,2,3}: 19: minimum 11, e5 and e6. */
    assert_ok(hs_set_min_cut(&g, &cap, &s, 3, &value, &cut));
    assert_close(value, 11);
    assert_edges(&cut, (const int[]){5, 6}, 2);
    /* No path from 6 to S. */
    assert_ok(hs_set_min_cut(&g, &cap, &s, 6, &value, &cut));
    assert_close(value, 0);
    assert_int_equal(igraph_vector_int_size(&cut), 0);
    /* Misuse. */
    assert_int_equal(hs_set_min_cut(&g, &cap, &s, 4, &value, &cut), HS_EARG);
    assert_int_equal(hs_set_min_cut(&g, &cap, &s, 7, &value, &cut), HS_EARG);
    igraph_vector_bool_null(&s);
    assert_int_equal(hs_set_min_cut(&g, &cap, &s, 0, &value, &cut), HS_EARG);
    igraph_destroy(&g);
    MAKE(&g, 2, IGRAPH_DIRECTED, 0, 1);
    igraph_vector_bool_destroy(&s);
    SET(&s, 2, 1);
    assert_int_equal(hs_set_min_cut(&g, NULL, &s, 0, &value, &cut), HS_EARG);
    igraph_vector_bool_destroy(&s);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&cut);
    igraph_vector_destroy(&cap);
}

/* ---- minimum-size separators ------------------------------------------------------- */

typedef uint32_t vset; /* bit i = vertex i; n <= 16 */

static bool connected_without(int n, bool adj[][64], vset removed) {
    vset seen = 0, todo = 0;
    int start = -1;
    for (int v = 0; v < n && start < 0; v++) {
        if (!(removed >> v & 1)) start = v;
    }
    if (start < 0) return true;
    seen = todo = (vset)1 << start;
    while (todo) {
        int v = __builtin_ctz(todo);
        todo &= todo - 1;
        for (int u = 0; u < n; u++) {
            if (adj[v][u] && !(removed >> u & 1) && !(seen >> u & 1)) {
                seen |= (vset)1 << u;
                todo |= (vset)1 << u;
            }
        }
    }
    return (seen | removed) == ((vset)1 << n) - 1;
}

/* All sets of the minimum size whose removal leaves >= 2 vertices in more
 * than one component; nothing for n <= 1, disconnected or complete graphs.
 * Returns how many, stored in increasing numeric order in out[]. */
static int brute_force_separators(int n, bool adj[][64], vset *out) {
    if (n <= 1 || !connected_without(n, adj, 0)) return 0;
    for (int k = 1; k <= n - 2; k++) {
        int count = 0;
        for (vset x = 0; x < ((vset)1 << n); x++) {
            if (__builtin_popcount(x) == k && !connected_without(n, adj, x)) out[count++] = x;
        }
        if (count > 0) return count;
    }
    return 0;
}

static vset as_vset(const igraph_vector_int_t *s) {
    vset x = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(s); i++) x |= (vset)1 << VECTOR(*s)[i];
    return x;
}

/* Checks the list's form (sets ascending, list lexicographic without
 * duplicates) and that it holds exactly the brute-force separators. */
static int separator_size_seen[17];

static void check_separators(const igraph_t *g, int n, bool adj[][64]) {
    static vset want[1 << 16];
    igraph_vector_int_list_t list;
    assert_int_equal(igraph_vector_int_list_init(&list, 0), IGRAPH_SUCCESS);
    assert_ok(hs_minimum_size_separators(g, &list));
    int count = brute_force_separators(n, adj, want);
    separator_size_seen[count > 0 ? __builtin_popcount(want[0]) : 0]++;
    igraph_integer_t got = igraph_vector_int_list_size(&list);
    assert_int_equal(got, count);
    for (igraph_integer_t i = 0; i < got; i++) {
        igraph_vector_int_t *s = igraph_vector_int_list_get_ptr(&list, i);
        for (igraph_integer_t j = 1; j < igraph_vector_int_size(s); j++) {
            assert_true(VECTOR(*s)[j - 1] < VECTOR(*s)[j]);
        }
        if (i > 0) {
            assert_true(igraph_vector_int_lex_cmp(igraph_vector_int_list_get_ptr(&list, i - 1), s) < 0);
        }
        bool found = false;
        for (int j = 0; j < count && !found; j++) found = want[j] == as_vset(s);
        assert_true(found);
    }
    igraph_vector_int_list_destroy(&list);
}

static void test_separators_random_vs_brute_force(void **state) {
    (void)state;
    static bool adj[64][64];
    static const double density[] = {0.15, 0.3, 0.45, 0.6, 0.75, 0.9};
    hs_prng rng;
    hs_prng_seed(&rng, 2521);
    memset(separator_size_seen, 0, sizeof separator_size_seen);
    for (int t = 0; t < 360; t++) {
        /* 300 graphs on up to 11 vertices, then 60 on 12 to 16. */
        int n = t < 300 ? 1 + (int)hs_prng_below(&rng, 11) : 12 + (int)hs_prng_below(&rng, 5);
        igraph_t g;
        random_graph(&g, &rng, n, density[t % 6], t % 7 == 0, t % 4 == 0, adj);
        if (t % 7 == 0) {
            /* A digraph stands for its underlying undirected graph. */
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) adj[i][j] = adj[i][j] || adj[j][i];
            }
        }
        check_separators(&g, n, adj);
        igraph_destroy(&g);
    }
    /* Every connectivity from 1 up should have been exercised. */
    print_message("graphs by connectivity (0 = none to find):");
    for (int k = 0; k <= 16; k++) {
        if (separator_size_seen[k]) print_message(" %d:%d", k, separator_size_seen[k]);
    }
    print_message("\n");
    for (int k = 1; k <= 5; k++) assert_true(separator_size_seen[k] > 0);
}

static void adjacency_of(const igraph_t *g, bool adj[][64]) {
    int n = (int)igraph_vcount(g);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) adj[i][j] = false;
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        int a = (int)IGRAPH_FROM(g, e), b = (int)IGRAPH_TO(g, e);
        if (a != b) adj[a][b] = adj[b][a] = true;
    }
}

static igraph_integer_t count_separators(const igraph_t *g) {
    igraph_vector_int_list_t list;
    assert_int_equal(igraph_vector_int_list_init(&list, 0), IGRAPH_SUCCESS);
    assert_ok(hs_minimum_size_separators(g, &list));
    igraph_integer_t count = igraph_vector_int_list_size(&list);
    igraph_vector_int_list_destroy(&list);
    return count;
}

static void test_separators_families(void **state) {
    (void)state;
    static bool adj[64][64];
    igraph_t g;
    /* C_n: every pair of non-adjacent vertices, n(n-3)/2. */
    for (int n = 4; n <= 12; n++) {
        assert_int_equal(igraph_ring(&g, n, IGRAPH_UNDIRECTED, false, true), IGRAPH_SUCCESS);
        assert_int_equal(count_separators(&g), n * (n - 3) / 2);
        adjacency_of(&g, adj);
        check_separators(&g, n, adj);
        igraph_destroy(&g);
    }
    /* K_n: nothing disconnects it. */
    for (int n = 0; n <= 7; n++) {
        assert_int_equal(igraph_full(&g, n, IGRAPH_UNDIRECTED, false), IGRAPH_SUCCESS);
        assert_int_equal(count_separators(&g), 0);
        igraph_destroy(&g);
    }
    /* K_{3,4}: only the side of 3 ({0,1,2}); removing 3 vertices from both
     * sides leaves a connected complete bipartite graph. K_{3,3}: both. */
    assert_int_equal(igraph_full_bipartite(&g, NULL, 3, 4, IGRAPH_UNDIRECTED, IGRAPH_ALL), IGRAPH_SUCCESS);
    {
        igraph_vector_int_list_t list;
        assert_int_equal(igraph_vector_int_list_init(&list, 0), IGRAPH_SUCCESS);
        assert_ok(hs_minimum_size_separators(&g, &list));
        assert_int_equal(igraph_vector_int_list_size(&list), 1);
        assert_int_equal(as_vset(igraph_vector_int_list_get_ptr(&list, 0)), 0x7);
        igraph_vector_int_list_destroy(&list);
    }
    adjacency_of(&g, adj);
    check_separators(&g, 7, adj);
    igraph_destroy(&g);
    assert_int_equal(igraph_full_bipartite(&g, NULL, 3, 3, IGRAPH_UNDIRECTED, IGRAPH_ALL), IGRAPH_SUCCESS);
    assert_int_equal(count_separators(&g), 2);
    igraph_destroy(&g);
    /* Petersen: 3-connected; its minimum separators are the 10 vertex
     * neighbourhoods. */
    assert_int_equal(igraph_famous(&g, "Petersen"), IGRAPH_SUCCESS);
    {
        igraph_vector_int_list_t list;
        igraph_vector_int_t nb;
        assert_int_equal(igraph_vector_int_list_init(&list, 0), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vector_int_init(&nb, 0), IGRAPH_SUCCESS);
        assert_ok(hs_minimum_size_separators(&g, &list));
        assert_int_equal(igraph_vector_int_list_size(&list), 10);
        for (igraph_integer_t v = 0; v < 10; v++) {
            assert_int_equal(igraph_neighbors(&g, &nb, v, IGRAPH_ALL), IGRAPH_SUCCESS);
            bool found = false;
            for (igraph_integer_t i = 0; i < 10; i++) {
                found = found || as_vset(igraph_vector_int_list_get_ptr(&list, i)) == as_vset(&nb);
            }
            assert_true(found);
        }
        igraph_vector_int_destroy(&nb);
        igraph_vector_int_list_destroy(&list);
    }
    adjacency_of(&g, adj);
    check_separators(&g, 10, adj);
    igraph_destroy(&g);
    /* Connectivity 1: the articulation points of a path, each alone. */
    assert_int_equal(igraph_ring(&g, 5, IGRAPH_UNDIRECTED, false, false), IGRAPH_SUCCESS);
    {
        igraph_vector_int_list_t list;
        assert_int_equal(igraph_vector_int_list_init(&list, 0), IGRAPH_SUCCESS);
        assert_ok(hs_minimum_size_separators(&g, &list));
        assert_int_equal(igraph_vector_int_list_size(&list), 3);
        for (int i = 0; i < 3; i++) {
            assert_int_equal(as_vset(igraph_vector_int_list_get_ptr(&list, i)), (vset)1 << (i + 1));
        }
        igraph_vector_int_list_destroy(&list);
    }
    igraph_destroy(&g);
    /* Already disconnected: nothing to report. */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 2, 3);
    assert_int_equal(count_separators(&g), 0);
    igraph_destroy(&g);
}

/* ---- flow hierarchy ---------------------------------------------------------------- */

static void test_flow_hierarchy(void **state) {
    (void)state;
    igraph_t g;
    double h;
    MAKE(&g, 4, IGRAPH_DIRECTED, 0, 1, 1, 2, 0, 2, 2, 3);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_close(h, 1);
    igraph_destroy(&g);
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 0);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_close(h, 0);
    igraph_destroy(&g);
    /* Cycle 0 -> 1 -> 2 -> 0 plus the tail 2 -> 3 -> 4: 3 of 5 arcs on a
     * cycle, h = 0.4; a loop on 4 is a cycle of its own: 1 - 4/6. */
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_close(h, 0.4);
    igraph_destroy(&g);
    MAKE(&g, 5, IGRAPH_DIRECTED, 0, 1, 1, 2, 2, 0, 2, 3, 3, 4, 4, 4);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_close(h, 1.0 / 3);
    igraph_destroy(&g);
    /* Repeated arcs each count: 0 => 1 twice, 1 -> 0, 1 -> 2: 3 of 4. */
    MAKE(&g, 3, IGRAPH_DIRECTED, 0, 1, 0, 1, 1, 0, 1, 2);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_close(h, 0.25);
    igraph_destroy(&g);
    assert_int_equal(igraph_empty(&g, 3, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
    assert_ok(hs_flow_hierarchy(&g, &h));
    assert_true(isnan(h));
    igraph_destroy(&g);
    MAKE(&g, 2, IGRAPH_UNDIRECTED, 0, 1);
    assert_int_equal(hs_flow_hierarchy(&g, &h), HS_EARG);
    igraph_destroy(&g);
}

/* ---- closeness and eigenvector centrality ------------------------------------------ */

static void check_vector(const igraph_vector_t *v, const double *want, int count) {
    assert_int_equal(igraph_vector_size(v), count);
    for (int i = 0; i < count; i++) assert_close(VECTOR(*v)[i], want[i]);
}

#define CHECK_VECTOR(v, ...)                                                    \
    do {                                                                        \
        const double want_[] = {__VA_ARGS__};                            \
        check_vector((v), want_, (int)(sizeof want_ / sizeof want_[0]));        \
    } while (0)

static void test_closeness(void **state) {
    (void)state;
    igraph_t g;
    igraph_vector_t res, len;
    assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
    /* P4: end 3/(1+2+3), inner 3/(1+1+2). */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3);
    assert_ok(hs_closeness(&g, NULL, &res));
    CHECK_VECTOR(&res, 0.5, 0.75, 0.75, 0.5);
    /* Lengths 1, 2, 3: sums 10, 8, 8, 14. */
    VEC(&len, 1, 2, 3);
    assert_ok(hs_closeness(&g, &len, &res));
    CHECK_VECTOR(&res, 0.3, 3.0 / 8, 3.0 / 8, 3.0 / 14);
    igraph_vector_destroy(&len);
    igraph_destroy(&g);
    /* Star K1,3: centre 3/3, leaf 3/(1+2+2). */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3);
    assert_ok(hs_closeness(&g, NULL, &res));
    CHECK_VECTOR(&res, 1, 0.6, 0.6, 0.6);
    igraph_destroy(&g);
    /* P3 plus an isolate, n = 4: an end reaches r-1 = 2 at distance sum 3,
     * (2/3)(2/3); the middle (2/3)(2/2); the isolate 0. */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2);
    assert_ok(hs_closeness(&g, NULL, &res));
    CHECK_VECTOR(&res, 4.0 / 9, 2.0 / 3, 4.0 / 9, 0);
    igraph_destroy(&g);
    /* Parallel edges of lengths 5 and 1: the shorter counts. Vertex 0:
     * distances 1 and 1 + 2, sum 4: (2/2)(2/4); 1: 1, 2: 2/3; 2: 2, 3: 2/5. */
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 0, 1, 1, 2);
    VEC(&len, 5, 1, 2);
    assert_ok(hs_closeness(&g, &len, &res));
    CHECK_VECTOR(&res, 0.5, 2.0 / 3, 0.4);
    /* igraph 0.10.2 refuses zero lengths; so does hubspoke, explicitly. */
    VECTOR(len)[2] = 0;
    assert_int_equal(hs_closeness(&g, &len, &res), HS_EARG);
    assert_non_null(strstr(hs_error_last(), "length"));
    igraph_vector_destroy(&len);
    igraph_destroy(&g);
    MAKE(&g, 1, IGRAPH_UNDIRECTED, 0, 0);
    assert_ok(hs_closeness(&g, NULL, &res));
    CHECK_VECTOR(&res, 0);
    igraph_destroy(&g);
    MAKE(&g, 2, IGRAPH_DIRECTED, 0, 1);
    assert_int_equal(hs_closeness(&g, NULL, &res), HS_EARG);
    igraph_destroy(&g);
    igraph_vector_destroy(&res);
}

static void test_eigenvector(void **state) {
    (void)state;
    const double phi = (1 + sqrt(5.0)) / 2;
    igraph_t g;
    igraph_vector_t res, w;
    assert_int_equal(igraph_vector_init(&res, 0), IGRAPH_SUCCESS);
    /* P4: lambda = phi, vector (1, phi, phi, 1). */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 3);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 1 / phi, 1, 1, 1 / phi);
    /* Weight 0 on the middle edge splits it into two K2 of equal
     * eigenvalue 1; each gets (1'v) v = (1, 1). */
    VEC(&w, 1, 0, 1);
    assert_ok(hs_eigenvector(&g, &w, &res));
    CHECK_VECTOR(&res, 1, 1, 1, 1);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    /* Star K1,3: lambda = sqrt 3, vector (sqrt 3, 1, 1, 1). */
    MAKE(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 1, 1 / sqrt(3.0), 1 / sqrt(3.0), 1 / sqrt(3.0));
    igraph_destroy(&g);
    /* K1,3 plus K2 and an isolate: sqrt 3 > 1, so the K2 gets 0. */
    MAKE(&g, 7, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3, 4, 5);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 1, 1 / sqrt(3.0), 1 / sqrt(3.0), 1 / sqrt(3.0), 0, 0, 0);
    igraph_destroy(&g);
    /* K1,4 and K3 share lambda = 2. K1,4: v = (2,1,1,1,1)/sqrt 8, 1'v =
     * 6/sqrt 8, (1'v) v = (1.5, .75, .75, .75, .75); K3: (1, 1, 1).
     * Scaled by 1.5. */
    MAKE(&g, 8, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3, 0, 4, 5, 6, 6, 7, 5, 7);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 1, 0.5, 0.5, 0.5, 0.5, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    /* Bit-for-bit repeatable, and igraph's own RNG stream is untouched. */
    {
        igraph_vector_t again;
        assert_int_equal(igraph_vector_init(&again, 0), IGRAPH_SUCCESS);
        igraph_rng_seed(igraph_rng_default(), 5);
        igraph_real_t before = RNG_UNIF01();
        igraph_rng_seed(igraph_rng_default(), 5);
        assert_ok(hs_eigenvector(&g, NULL, &again));
        assert_true(RNG_UNIF01() == before);
        assert_memory_equal(VECTOR(res), VECTOR(again), 8 * sizeof(double));
        igraph_vector_destroy(&again);
    }
    igraph_destroy(&g);
    /* Weighted path 0 -1- 1 -2- 2: lambda = sqrt 5, vector (1, sqrt 5, 2). */
    MAKE(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2);
    VEC(&w, 1, 2);
    assert_ok(hs_eigenvector(&g, &w, &res));
    CHECK_VECTOR(&res, 1 / sqrt(5.0), 1, 2 / sqrt(5.0));
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    /* A loop puts its weight once on the diagonal: [[1,1],[1,0]] has
     * lambda = phi and vector (phi, 1). (Twice would give 1 + sqrt 2.) */
    MAKE(&g, 2, IGRAPH_UNDIRECTED, 0, 1, 0, 0);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 1, 1 / phi);
    igraph_destroy(&g);
    /* No edges: all 0. */
    assert_int_equal(igraph_empty(&g, 3, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    assert_ok(hs_eigenvector(&g, NULL, &res));
    CHECK_VECTOR(&res, 0, 0, 0);
    igraph_destroy(&g);
    MAKE(&g, 2, IGRAPH_UNDIRECTED, 0, 1);
    VEC(&w, 0);
    assert_ok(hs_eigenvector(&g, &w, &res));
    CHECK_VECTOR(&res, 0, 0);
    VECTOR(w)[0] = -1;
    assert_int_equal(hs_eigenvector(&g, &w, &res), HS_EARG);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    MAKE(&g, 2, IGRAPH_DIRECTED, 0, 1);
    assert_int_equal(hs_eigenvector(&g, NULL, &res), HS_EARG);
    igraph_destroy(&g);
    igraph_vector_destroy(&res);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_krackhardt_out_star),
        cmocka_unit_test(test_krackhardt_out_tree_depth3),
        cmocka_unit_test(test_krackhardt_cycle),
        cmocka_unit_test(test_krackhardt_two_components),
        cmocka_unit_test(test_krackhardt_violations),
        cmocka_unit_test(test_krackhardt_undefined),
        cmocka_unit_test(test_krackhardt_errors),
        cmocka_unit_test(test_krackhardt_random_vs_naive),
        cmocka_unit_test(test_brokerage_path_roles),
        cmocka_unit_test(test_brokerage_undirected_star),
        cmocka_unit_test(test_brokerage_closed),
        cmocka_unit_test(test_brokerage_random_vs_naive),
        cmocka_unit_test(test_brokerage_errors),
        cmocka_unit_test(test_ei_index),
        cmocka_unit_test(test_ei_errors),
        cmocka_unit_test(test_ei_permutation),
        cmocka_unit_test(test_conductance),
        cmocka_unit_test(test_set_min_cut),
        cmocka_unit_test(test_separators_random_vs_brute_force),
        cmocka_unit_test(test_separators_families),
        cmocka_unit_test(test_flow_hierarchy),
        cmocka_unit_test(test_closeness),
        cmocka_unit_test(test_eigenvector),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
