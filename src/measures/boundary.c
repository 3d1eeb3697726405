/* Measures of a vertex set's boundary: the E-I index, its permutation
 * test, and conductance; see measures.h. */
#include <math.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/measures.h"
#include "measures/measures_internal.h"
#include "measures/prng.h"

/* E-I from an edge list and a membership flag per vertex (0/1). Both the
 * observed value and every permutation go through here. */
static double ei_of(igraph_integer_t m, const igraph_integer_t *from, const igraph_integer_t *to,
                    const igraph_vector_t *weights, const unsigned char *member) {
    double external = 0, internal = 0;
    for (igraph_integer_t e = 0; e < m; e++) {
        int ends = member[from[e]] + member[to[e]];
        if (ends == 1) external += hs_mi_edge_value(weights, e);
        else if (ends == 2) internal += hs_mi_edge_value(weights, e);
    }
    return external + internal > 0 ? (external - internal) / (external + internal) : NAN;
}

typedef struct {
    igraph_vector_int_t edges;  /* from0, to0, from1, to1, ... */
    igraph_integer_t m;
    unsigned char *member;
} ei_input;

static void ei_input_destroy(ei_input *in) {
    igraph_vector_int_destroy(&in->edges);
    igraph_free(in->member);
}

/* Splits the endpoint pairs into two arrays so ei_of reads them linearly. */
static igraph_error_t ei_input_init(ei_input *in, const igraph_t *g, const igraph_vector_bool_t *in_set) {
    igraph_integer_t n = igraph_vcount(g);
    in->m = igraph_ecount(g);
    IGRAPH_CHECK(igraph_vector_int_init(&in->edges, 2 * in->m));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &in->edges);
    for (igraph_integer_t e = 0; e < in->m; e++) {
        VECTOR(in->edges)[e] = IGRAPH_FROM(g, e);
        VECTOR(in->edges)[in->m + e] = IGRAPH_TO(g, e);
    }
    in->member = IGRAPH_CALLOC(n > 0 ? n : 1, unsigned char);
    IGRAPH_CHECK_OOM(in->member, "E-I index: membership");
    for (igraph_integer_t v = 0; v < n; v++) in->member[v] = VECTOR(*in_set)[v] ? 1 : 0;
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static double ei_input_value(const ei_input *in, const igraph_vector_t *weights) {
    const igraph_integer_t *e = VECTOR(in->edges);
    return ei_of(in->m, e, e + in->m, weights, in->member);
}

static hs_error check_set_args(const igraph_t *g, const igraph_vector_bool_t *in_set,
                               const igraph_vector_t *weights, const void *out, const char *func) {
    if (!g || !out) return hs_error_set(HS_EARG, "%s: NULL argument", func);
    hs_error err = hs_mi_check_vertex_set(g, in_set, func);
    if (err != HS_OK) return err;
    return hs_mi_check_edge_values(g, weights, func, "weight");
}

static igraph_error_t ei_index(const igraph_t *g, const igraph_vector_bool_t *in_set,
                               const igraph_vector_t *weights, double *ei) {
    ei_input in;
    IGRAPH_CHECK(ei_input_init(&in, g, in_set));
    *ei = ei_input_value(&in, weights);
    ei_input_destroy(&in);
    return IGRAPH_SUCCESS;
}

hs_error hs_ei_index(const igraph_t *g, const igraph_vector_bool_t *in_set,
                     const igraph_vector_t *weights, double *ei) {
    hs_error err = check_set_args(g, in_set, weights, ei, "E-I index");
    if (err != HS_OK) return err;
    HS_IGRAPH(ei_index(g, in_set, weights, ei), "E-I index");
    return HS_OK;
}

static igraph_error_t ei_test(const igraph_t *g, const igraph_vector_bool_t *in_set,
                              const igraph_vector_t *weights, igraph_integer_t permutations,
                              uint64_t seed, hs_ei_test *res) {
    igraph_integer_t n = igraph_vcount(g), k = 0;
    igraph_vector_int_t perm;
    ei_input in;
    hs_prng rng;

    IGRAPH_CHECK(ei_input_init(&in, g, in_set));
    IGRAPH_FINALLY(ei_input_destroy, &in);
    IGRAPH_CHECK(igraph_vector_int_init_range(&perm, 0, n));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &perm);
    for (igraph_integer_t v = 0; v < n; v++) k += in.member[v];

    res->ei = ei_input_value(&in, weights);
    hs_prng_seed(&rng, seed);
    hs_mi_tally tally = {0, 0, 0};
    for (igraph_integer_t t = 0; t < permutations; t++) {
        /* A partial Fisher-Yates shuffle: the first k entries are a uniform
         * random k-subset whatever order the array was left in. */
        for (igraph_integer_t i = 0; i < k; i++) {
            igraph_integer_t j = i + (igraph_integer_t)hs_prng_below(&rng, (uint64_t)(n - i));
            igraph_integer_t tmp = VECTOR(perm)[i];
            VECTOR(perm)[i] = VECTOR(perm)[j];
            VECTOR(perm)[j] = tmp;
        }
        memset(in.member, 0, (size_t)n);
        for (igraph_integer_t i = 0; i < k; i++) in.member[VECTOR(perm)[i]] = 1;
        hs_mi_tally_add(&tally, ei_input_value(&in, weights), res->ei);
    }
    hs_mi_tally_finish(&tally, res);

    igraph_vector_int_destroy(&perm);
    ei_input_destroy(&in);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

hs_error hs_ei_permutation_test(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                const igraph_vector_t *weights, igraph_integer_t permutations,
                                uint64_t seed, hs_ei_test *res) {
    hs_error err = check_set_args(g, in_set, weights, res, "E-I permutation test");
    if (err != HS_OK) return err;
    if (permutations < 0) {
        return hs_error_set(HS_EARG, "E-I permutation test: %" IGRAPH_PRId " permutations", permutations);
    }
    HS_IGRAPH(ei_test(g, in_set, weights, permutations, seed, res), "E-I permutation test");
    return HS_OK;
}

hs_error hs_conductance(const igraph_t *g, const igraph_vector_bool_t *in_set,
                        const igraph_vector_t *weights, double *phi) {
    hs_error err = check_set_args(g, in_set, weights, phi, "conductance");
    if (err != HS_OK) return err;
    /* NetworkX's volume() uses out-degrees in a digraph; an undirected
     * edge adds to the degree of both ends, a loop twice to its vertex. */
    igraph_bool_t directed = igraph_is_directed(g);
    double cut = 0, vol_in = 0, vol_out = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        double w = hs_mi_edge_value(weights, e);
        igraph_bool_t from_in = VECTOR(*in_set)[IGRAPH_FROM(g, e)];
        igraph_bool_t to_in = VECTOR(*in_set)[IGRAPH_TO(g, e)];
        if (from_in != to_in) cut += w;
        *(from_in ? &vol_in : &vol_out) += w;
        if (!directed) *(to_in ? &vol_in : &vol_out) += w;
    }
    double vol = vol_in < vol_out ? vol_in : vol_out;
    *phi = vol > 0 ? cut / vol : NAN;
    return HS_OK;
}
