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

typedef struct swap_edge {
    igraph_integer_t a, b;
    double w;
} swap_edge;

static int swap_edge_cmp(const void *x, const void *y) {
    const swap_edge *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    return p->w < q->w ? -1 : p->w > q->w;
}

/* Sort the m edges (u[2i], u[2i+1], w[i]) canonically; on no memory leave
 * them as they are (the chain is as valid, only not order-free). */
static void edge_order(igraph_integer_t *u, double *w, igraph_integer_t m) {
    swap_edge *e = hs_malloc((size_t)(m + 1) * sizeof *e);
    if (!e) return;
    for (igraph_integer_t i = 0; i < m; i++) {
        igraph_integer_t a = u[2 * i], b = u[2 * i + 1];
        e[i] = (swap_edge){a < b ? a : b, a < b ? b : a, w[i]};
    }
    qsort(e, (size_t)m, sizeof *e, swap_edge_cmp);
    for (igraph_integer_t i = 0; i < m; i++) {
        u[2 * i] = e[i].a;
        u[2 * i + 1] = e[i].b;
        w[i] = e[i].w;
    }
    free(e);
}

hs_error hs_ei_degree_test(const igraph_t *g, const igraph_vector_bool_t *in_set, const igraph_vector_t *weights,
                           igraph_integer_t draws, uint64_t seed, hs_ei_test *res) {
    if (!g || !res) return hs_error_set(HS_EARG, "E-I degree-preserving test: NULL argument");
    hs_error err = hs_mi_check_vertex_set(g, in_set, "E-I degree-preserving test");
    if (err) return err;
    if (draws < 0) return hs_error_set(HS_EARG, "E-I degree-preserving test: %" IGRAPH_PRId " draws", draws);
    if (weights) {
        if (igraph_vector_size(weights) != igraph_ecount(g))
            return hs_error_set(HS_EARG, "E-I degree-preserving test: %" IGRAPH_PRId " weights for %" IGRAPH_PRId " edges",
                                igraph_vector_size(weights), igraph_ecount(g));
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
            double x = VECTOR(*weights)[e];
            if (!isfinite(x) || x < 0)
                return hs_error_set(HS_EARG, "E-I degree-preserving test: edge %" IGRAPH_PRId " has weight %g", e, x);
        }
    }
    igraph_integer_t n = igraph_vcount(g), m = 0;
    igraph_integer_t *u = hs_malloc((size_t)(2 * igraph_ecount(g) + 2) * sizeof *u);
    double *wt = hs_malloc((size_t)(igraph_ecount(g) + 1) * sizeof *wt);
    unsigned char *member = hs_calloc((size_t)n + 1, 1);
    if (!u || !wt || !member) {
        free(u);
        free(wt);
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
        wt[m] = weights ? VECTOR(*weights)[e] : 1.0;
        int k = ends_in(member, a, b);
        internal += (k == 2) * wt[m];
        external += (k == 1) * wt[m];
        m++;
    }
    res->ei = ei_of(internal, external);
    /* The chain starts from the ties in a canonical order (ends as lo, hi,
     * then by weight), so that the draws depend on the ties and the seed,
     * not on the order a file happens to list them in. */
    edge_order(u, wt, m);
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
            /* (a, b), (c, d) -> (a, d), (c, b): each tie keeps its weight. */
            if (a == d || c == b) continue;
            int before = ends_in(member, a, b), before2 = ends_in(member, c, d);
            int after = ends_in(member, a, d), after2 = ends_in(member, c, b);
            double w1 = wt[e1], w2 = wt[e2];
            internal += w1 * ((after == 2) - (before == 2)) + w2 * ((after2 == 2) - (before2 == 2));
            external += w1 * ((after == 1) - (before == 1)) + w2 * ((after2 == 1) - (before2 == 1));
            u[2 * e1 + 1] = d;
            u[2 * e2] = c;
            u[2 * e2 + 1] = b;
        }
        hs_mi_tally_add(&tally, ei_of(internal, external), res->ei);
    }
    hs_mi_tally_finish(&tally, res);
    free(u);
    free(wt);
    free(member);
    return HS_OK;
}
