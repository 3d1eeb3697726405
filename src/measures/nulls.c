/* A degree-preserving null model of the E-I index: the boundary held fixed,
 * the ties rewired by double edge swaps (measures.h, docs/measures-algorithms.md). */
#include <math.h>
#include <stdlib.h>

#include "core/internal.h"
#include "hubspoke/measures.h"
#include "measures/measures_internal.h"
#include "measures/prng.h"

/* A tie's part in the boundary: 2 inside, 1 across, 0 outside. */
static inline int ends_in(const unsigned char *member, igraph_integer_t u, igraph_integer_t v) {
    return member[u] + member[v];
}

static inline double ei_of(double internal, double external) {
    return internal + external > 0 ? (external - internal) / (external + internal) : NAN;
}

hs_error hs_ei_degree_test(const igraph_t *g, const igraph_vector_bool_t *in_set, igraph_integer_t draws,
                           uint64_t seed, hs_ei_test *res) {
    if (!g || !res) return hs_error_set(HS_EARG, "E-I degree-preserving test: NULL argument");
    hs_error err = hs_mi_check_vertex_set(g, in_set, "E-I degree-preserving test");
    if (err) return err;
    if (draws < 0) return hs_error_set(HS_EARG, "E-I degree-preserving test: %" IGRAPH_PRId " draws", draws);
    igraph_integer_t n = igraph_vcount(g), m = 0;
    igraph_integer_t *u = hs_malloc((size_t)(2 * igraph_ecount(g) + 2) * sizeof *u);
    unsigned char *member = hs_calloc((size_t)n + 1, 1);
    if (!u || !member) {
        free(u);
        free(member);
        return HS_ENOMEM;
    }
    for (igraph_integer_t v = 0; v < n; v++) member[v] = VECTOR(*in_set)[v] ? 1 : 0;
    /* Loops are no relation and take no part: the model is the loop-free
     * multigraphs with the observed degrees. */
    double internal = 0, external = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        if (a == b) continue;
        u[2 * m] = a;
        u[2 * m + 1] = b;
        int k = ends_in(member, a, b);
        internal += k == 2;
        external += k == 1;
        m++;
    }
    res->ei = ei_of(internal, external);
    hs_prng rng;
    hs_prng_seed(&rng, seed);
    /* One proposal: two distinct ties and one of the two ways to exchange
     * their ends, refused (the chain stays) when it would make a loop. The
     * proposal is symmetric, so the chain's stationary distribution is
     * uniform over the stub-labelled loop-free multigraphs with these
     * degrees (Fosdick et al. 2018). */
    const igraph_integer_t burn_in = HS_EI_SWAP_BURN_IN * m, spacing = HS_EI_SWAP_SPACING * m;
    hs_mi_tally tally = {0, 0, 0};
    for (igraph_integer_t t = 0; t < draws; t++) {
        igraph_integer_t steps = m < 2 ? 0 : (t == 0 ? burn_in : spacing);
        for (igraph_integer_t s = 0; s < steps; s++) {
            igraph_integer_t e1 = (igraph_integer_t)hs_prng_below(&rng, (uint64_t)m);
            igraph_integer_t e2 = (igraph_integer_t)hs_prng_below(&rng, (uint64_t)(m - 1));
            if (e2 >= e1) e2++;
            int flip = (int)hs_prng_below(&rng, 2);
            igraph_integer_t a = u[2 * e1], b = u[2 * e1 + 1];
            igraph_integer_t c = u[2 * e2 + flip], d = u[2 * e2 + 1 - flip];
            /* (a, b), (c, d) -> (a, d), (c, b) */
            if (a == d || c == b) continue;
            int before = ends_in(member, a, b), before2 = ends_in(member, c, d);
            int after = ends_in(member, a, d), after2 = ends_in(member, c, b);
            internal += (after == 2) + (after2 == 2) - (before == 2) - (before2 == 2);
            external += (after == 1) + (after2 == 1) - (before == 1) - (before2 == 1);
            u[2 * e1 + 1] = d;
            u[2 * e2] = c;
            u[2 * e2 + 1] = b;
        }
        hs_mi_tally_add(&tally, ei_of(internal, external), res->ei);
    }
    hs_mi_tally_finish(&tally, res);
    free(u);
    free(member);
    return HS_OK;
}
