#define _POSIX_C_SOURCE 200809L
/* The degree-preserving null of the E-I index against its exact distribution:
 * on small graphs every stub-labelled loop-free multigraph with the observed
 * degrees is enumerated (every perfect matching of the stubs that pairs no
 * two stubs of one vertex, each equally likely under the model), and the
 * sampler's mean and p must agree with the exact ones within four standard
 * errors. Also: the label permutation test on the same graphs against its own
 * exact distribution (all subsets of the system's size), the view-level
 * function and its argument checks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/metrics.h"

typedef struct exact {
    double sum, sum2, count, closed; /* over the null's graphs: EI, EI^2, graphs, EI <= observed */
    double observed;
} exact;

/* Pair the stubs of `owner` (n stubs) in every way, no two of one vertex. */
static void match(const int *owner, int *used, int n, const unsigned char *member, int internal, int external,
                  exact *x) {
    int i = 0;
    while (i < n && used[i]) i++;
    if (i == n) {
        double ei = (double)(external - internal) / (double)(external + internal);
        if (external + internal == 0) return;
        x->sum += ei;
        x->sum2 += ei * ei;
        x->count += 1;
        x->closed += ei <= x->observed + 1e-12;
        return;
    }
    used[i] = 1;
    for (int j = i + 1; j < n; j++) {
        if (used[j] || owner[j] == owner[i]) continue;
        used[j] = 1;
        int k = member[owner[i]] + member[owner[j]];
        match(owner, used, n, member, internal + (k == 2), external + (k == 1), x);
        used[j] = 0;
    }
    used[i] = 0;
}

static igraph_t graph_of(int n, const int *edges, int m) {
    igraph_vector_int_t e;
    igraph_vector_int_init(&e, 2 * m);
    for (int i = 0; i < 2 * m; i++) VECTOR(e)[i] = edges[i];
    igraph_t g;
    igraph_create(&g, &e, n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&e);
    return g;
}

/* Exact mean and p of the degree null, and the sampler's, for one graph. */
static void check_degree_null(int n, const int *edges, int m, const unsigned char *member) {
    int owner[64], used[64] = {0};
    int internal = 0, external = 0;
    for (int i = 0; i < m; i++) {
        owner[2 * i] = edges[2 * i];
        owner[2 * i + 1] = edges[2 * i + 1];
        int k = member[edges[2 * i]] + member[edges[2 * i + 1]];
        internal += k == 2;
        external += k == 1;
    }
    exact x = {0, 0, 0, 0, (double)(external - internal) / (double)(external + internal)};
    match(owner, used, 2 * m, member, 0, 0, &x);
    double mean = x.sum / x.count, sd = sqrt(x.sum2 / x.count - mean * mean), p = x.closed / x.count;

    igraph_t g = graph_of(n, edges, m);
    igraph_vector_bool_t in;
    igraph_vector_bool_init(&in, n);
    for (int v = 0; v < n; v++) VECTOR(in)[v] = member[v];
    hs_ei_test r;
    const igraph_integer_t draws = 200000;
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, draws, 7, &r), HS_OK);
    assert_int_equal(r.permutations, draws);
    assert_true(fabs(r.ei - x.observed) < 1e-12);
    /* Draws 2m proposals apart are nearly independent (docs/measures-algorithms.md). */
    double se_mean = sd / sqrt((double)draws), se_p = sqrt(p * (1 - p) / (double)draws);
    if (fabs(r.expected - mean) > 4 * se_mean + 1e-12 || fabs(r.p_closed - p) > 4 * se_p + 2.0 / (double)draws)
        fail_msg("degree null: sampled mean %.5f p %.5f, exact mean %.5f p %.5f over %.0f graphs", r.expected,
                 r.p_closed, mean, p, x.count);
    /* Reproducible: the same seed, the same answer. */
    hs_ei_test again;
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, draws, 7, &again), HS_OK);
    assert_true(again.expected == r.expected && again.p_closed == r.p_closed);
    igraph_vector_bool_destroy(&in);
    igraph_destroy(&g);
}

/* A hub (0) with allies 1, 2, a partner 3 tied to the hub and an ally, and
 * an outsider 4 tied to the partner: 2 internal ties, 2 across, 1 outside
 * (observed EI 0). 10 stubs: 945 matchings, fewer without loops. */
static void exact_small_system(void **st) {
    (void)st;
    const int edges[] = {0, 1, 0, 2, 0, 3, 2, 3, 3, 4};
    const unsigned char member[] = {1, 1, 1, 0, 0};
    check_degree_null(5, edges, 5, member);
}

/* Parallel ties (a treaty and an access agreement between the same two
 * states) and a high-degree hub: 7 ties, 14 stubs (135135 matchings). */
static void exact_multigraph_hub(void **st) {
    (void)st;
    const int edges[] = {0, 1, 0, 1, 0, 2, 0, 3, 0, 4, 1, 2, 3, 4};
    const unsigned char member[] = {1, 1, 1, 0, 0};
    check_degree_null(5, edges, 7, member);
}

/* The label test against all C(5, 3) = 10 subsets of three states. */
static void exact_label_null(void **st) {
    (void)st;
    const int edges[] = {0, 1, 0, 2, 0, 3, 2, 3, 3, 4};
    igraph_t g = graph_of(5, edges, 5);
    igraph_vector_bool_t in;
    igraph_vector_bool_init(&in, 5);
    VECTOR(in)[0] = VECTOR(in)[1] = VECTOR(in)[2] = 1;
    double sum = 0, closed = 0;
    int count = 0;
    for (int mask = 0; mask < 32; mask++) {
        if (__builtin_popcount((unsigned)mask) != 3) continue;
        int internal = 0, external = 0;
        for (int i = 0; i < 5; i++) {
            int k = ((mask >> edges[2 * i]) & 1) + ((mask >> edges[2 * i + 1]) & 1);
            internal += k == 2;
            external += k == 1;
        }
        double ei = (double)(external - internal) / (external + internal);
        sum += ei;
        closed += ei <= 0.0 + 1e-12;
        count++;
    }
    hs_ei_test r;
    assert_int_equal(hs_ei_permutation_test(&g, &in, NULL, 100000, 3, &r), HS_OK);
    assert_true(fabs(r.expected - sum / count) < 0.01);
    assert_true(fabs(r.p_closed - closed / count) < 0.01);
    igraph_vector_bool_destroy(&in);
    igraph_destroy(&g);
}

/* Weighted ties keep their weights when rewired (hubspoke passes shares of a
 * relation). Ties 0-1 (weight 1) and 2-3 (weight 0.5), the set {0, 1, 2}:
 * observed EI (0.5 - 1) / 1.5 = -1/3. The chain is uniform over the six
 * weighted configurations (three matchings of the four stubs, two ways to
 * give them the weights): EI is -1/3 in three and +1/3 in the other three,
 * so the mean is 0 and p 1/2. Unweighted every configuration has one tie in
 * and one across (EI 0, p 1): the weights are what the answer turns on. */
static void weighted_ties(void **st) {
    (void)st;
    const int edges[] = {0, 1, 2, 3};
    igraph_t g = graph_of(4, edges, 2);
    igraph_vector_bool_t in;
    igraph_vector_bool_init(&in, 4);
    VECTOR(in)[0] = VECTOR(in)[1] = VECTOR(in)[2] = 1;
    igraph_vector_t w;
    igraph_vector_init(&w, 2);
    VECTOR(w)[0] = 1.0;
    VECTOR(w)[1] = 0.5;
    hs_ei_test r;
    assert_int_equal(hs_ei_degree_test(&g, &in, &w, 200000, 5, &r), HS_OK);
    assert_true(fabs(r.ei + 1.0 / 3.0) < 1e-12);
    if (fabs(r.expected) > 0.01 || fabs(r.p_closed - 0.5) > 0.01)
        fail_msg("weighted degree null: mean %.4f p %.4f, exact 0 and 0.5", r.expected, r.p_closed);
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, 1000, 5, &r), HS_OK);
    assert_true(r.ei == 0.0 && r.expected == 0.0 && r.p_closed == 1.0);
    /* Equal weights are the unweighted test, draw for draw. */
    VECTOR(w)[1] = 1.0;
    hs_ei_test same;
    assert_int_equal(hs_ei_degree_test(&g, &in, &w, 1000, 5, &same), HS_OK);
    assert_true(same.expected == r.expected && same.p_closed == r.p_closed);
    VECTOR(w)[1] = -1.0;
    assert_int_equal(hs_ei_degree_test(&g, &in, &w, 10, 1, &r), HS_EARG);
    igraph_vector_resize(&w, 1);
    assert_int_equal(hs_ei_degree_test(&g, &in, &w, 10, 1, &r), HS_EARG);
    igraph_vector_destroy(&w);
    igraph_vector_bool_destroy(&in);
    igraph_destroy(&g);
}

/* Fewer than two ties: no swap exists, every draw is the graph itself. */
static void degenerate(void **st) {
    (void)st;
    const int edges[] = {0, 1};
    igraph_t g = graph_of(3, edges, 1);
    igraph_vector_bool_t in;
    igraph_vector_bool_init(&in, 3);
    VECTOR(in)[0] = 1;
    hs_ei_test r;
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, 10, 1, &r), HS_OK);
    assert_true(r.ei == 1.0 && r.expected == 1.0 && r.p_closed == 1.0 && r.permutations == 10);
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, -1, 1, &r), HS_EARG);
    assert_string_equal(hs_error_last(), "E-I degree-preserving test: -1 draws");
    igraph_vector_bool_resize(&in, 2);
    assert_int_equal(hs_ei_degree_test(&g, &in, NULL, 10, 1, &r), HS_EARG);
    igraph_vector_bool_destroy(&in);
    igraph_destroy(&g);
    assert_int_equal(hs_ei_null_parse("degree"), HS_NULL_DEGREE);
    assert_int_equal(hs_ei_null_parse("label"), HS_NULL_LABEL);
    assert_int_equal(hs_ei_null_parse("config"), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_small_system),
        cmocka_unit_test(exact_multigraph_hub),
        cmocka_unit_test(weighted_ties),
        cmocka_unit_test(exact_label_null),
        cmocka_unit_test(degenerate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
