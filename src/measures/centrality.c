/* Closeness and eigenvector centrality with NetworkX's conventions; see
 * measures.h. Closeness is computed in paths.c with betweenness. */
#include <math.h>

#include "core/internal.h"
#include "hubspoke/measures.h"
#include "measures/measures_internal.h"

hs_error hs_closeness(const igraph_t *g, const igraph_vector_t *lengths, igraph_vector_t *res) {
    if (!res) return hs_error_set(HS_EARG, "closeness: NULL argument");
    return hs_path_centralities(g, lengths, NULL, res);
}

/* Components whose leading eigenvalues differ by less than this share the
 * top eigenspace. */
#define EIGEN_TIE 1e-10
/* Any fixed seed: igraph perturbs its ARPACK start vector with its RNG. */
#define EIGEN_SEED 1989

/* One component's leading eigenpair: its eigenvalue, and its unit-length
 * non-negative Perron vector written to perron[] at the component's
 * vertices. */
static igraph_error_t component_eigenpair(igraph_integer_t size, const igraph_vector_int_t *edges,
                                          const igraph_vector_t *weights, const igraph_integer_t *vertex,
                                          igraph_vector_t *perron, double *lambda) {
    igraph_t sub;
    igraph_vector_t vec;
    igraph_arpack_options_t options;

    IGRAPH_CHECK(igraph_create(&sub, edges, size, IGRAPH_UNDIRECTED));
    IGRAPH_FINALLY(igraph_destroy, &sub);
    IGRAPH_VECTOR_INIT_FINALLY(&vec, size);
    igraph_arpack_options_init(&options);
    IGRAPH_CHECK(igraph_eigenvector_centrality(&sub, &vec, lambda, false, false, weights, &options));
    double norm = 0;
    for (igraph_integer_t i = 0; i < size; i++) norm += VECTOR(vec)[i] * VECTOR(vec)[i];
    norm = sqrt(norm);
    for (igraph_integer_t i = 0; i < size; i++) {
        VECTOR(*perron)[vertex[i]] = norm > 0 ? fabs(VECTOR(vec)[i]) / norm : 0;
    }
    igraph_vector_destroy(&vec);
    igraph_destroy(&sub);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

static void restore_rng(igraph_rng_t *saved) { igraph_rng_set_default(saved); }

/* A private seeded RNG makes the result bit-for-bit repeatable and leaves
 * the caller's igraph RNG stream untouched. igraph_rng_set_default()
 * copies the struct (which points to the generator's state), so the
 * caller's default is saved by value. */
static igraph_error_t eigenvector(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *res);
static igraph_error_t eigenvector_seeded(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *res) {
    igraph_rng_t rng;
    IGRAPH_CHECK(igraph_rng_init(&rng, &igraph_rngtype_pcg32));
    IGRAPH_FINALLY(igraph_rng_destroy, &rng);
    IGRAPH_CHECK(igraph_rng_seed(&rng, EIGEN_SEED));
    igraph_rng_t saved = *igraph_rng_default();
    igraph_rng_set_default(&rng);
    IGRAPH_FINALLY(restore_rng, &saved);
    IGRAPH_CHECK(eigenvector(g, weights, res));
    restore_rng(&saved);
    igraph_rng_destroy(&rng);
    IGRAPH_FINALLY_CLEAN(2);
    return IGRAPH_SUCCESS;
}

/* `weights`, if given, are all positive, so components are those of the
 * weighted adjacency matrix. */
static igraph_error_t eigenvector_positive(const igraph_t *g, const igraph_vector_t *weights,
                                           igraph_vector_t *res) {
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), ncomp;
    igraph_vector_int_t memb, csize, vstart, vlist, local, estart, elist, edges;
    igraph_vector_t lambda, perron, w;

    IGRAPH_CHECK(igraph_vector_resize(res, n));
    igraph_vector_null(res);
    if (m == 0) return IGRAPH_SUCCESS;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&memb, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&csize, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &memb, &csize, &ncomp, IGRAPH_WEAK));
    {
        /* One component with edges and no loops (the rest isolated states)
         * has a unique leading eigenvector: igraph computes it on g itself,
         * without the per-component copies below, whose memory is the
         * largest part of a large system's. */
        igraph_integer_t with_edges = 0, loops = 0;
        igraph_vector_int_t seen;
        IGRAPH_VECTOR_INT_INIT_FINALLY(&seen, ncomp);
        for (igraph_integer_t e = 0; e < m; e++) {
            igraph_integer_t c = VECTOR(memb)[IGRAPH_FROM(g, e)];
            with_edges += !VECTOR(seen)[c];
            VECTOR(seen)[c] = 1;
            loops += IGRAPH_FROM(g, e) == IGRAPH_TO(g, e);
        }
        igraph_vector_int_destroy(&seen);
        IGRAPH_FINALLY_CLEAN(1);
        if (with_edges == 1 && loops == 0) {
            igraph_arpack_options_t options;
            igraph_real_t value;
            igraph_arpack_options_init(&options);
            IGRAPH_CHECK(igraph_eigenvector_centrality(g, res, &value, false, true, weights, &options));
            for (igraph_integer_t v = 0; v < n; v++) VECTOR(*res)[v] = fabs(VECTOR(*res)[v]);
            igraph_vector_int_destroy(&csize);
            igraph_vector_int_destroy(&memb);
            IGRAPH_FINALLY_CLEAN(2);
            return IGRAPH_SUCCESS;
        }
    }

    /* Vertices and edges bucketed by component (counting sort), with each
     * vertex's index inside its component. */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&vstart, ncomp + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&vlist, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&local, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&estart, ncomp + 1);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&elist, m);
    for (igraph_integer_t v = 0; v < n; v++) VECTOR(vstart)[VECTOR(memb)[v] + 1]++;
    for (igraph_integer_t e = 0; e < m; e++) VECTOR(estart)[VECTOR(memb)[IGRAPH_FROM(g, e)] + 1]++;
    for (igraph_integer_t c = 0; c < ncomp; c++) {
        VECTOR(vstart)[c + 1] += VECTOR(vstart)[c];
        VECTOR(estart)[c + 1] += VECTOR(estart)[c];
    }
    {
        igraph_vector_int_t fill;
        IGRAPH_CHECK(igraph_vector_int_init_copy(&fill, &vstart));
        IGRAPH_FINALLY(igraph_vector_int_destroy, &fill);
        for (igraph_integer_t v = 0; v < n; v++) {
            igraph_integer_t c = VECTOR(memb)[v];
            VECTOR(local)[v] = VECTOR(fill)[c] - VECTOR(vstart)[c];
            VECTOR(vlist)[VECTOR(fill)[c]++] = v;
        }
        IGRAPH_CHECK(igraph_vector_int_update(&fill, &estart));
        for (igraph_integer_t e = 0; e < m; e++) {
            VECTOR(elist)[VECTOR(fill)[VECTOR(memb)[IGRAPH_FROM(g, e)]]++] = e;
        }
        igraph_vector_int_destroy(&fill);
        IGRAPH_FINALLY_CLEAN(1);
    }

    IGRAPH_VECTOR_INIT_FINALLY(&lambda, ncomp);
    IGRAPH_VECTOR_INIT_FINALLY(&perron, n);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&w, 0);


    for (igraph_integer_t c = 0; c < ncomp; c++) {
        igraph_integer_t e0 = VECTOR(estart)[c], e1 = VECTOR(estart)[c + 1];
        if (e0 == e1) continue;
        IGRAPH_CHECK(igraph_vector_int_resize(&edges, 2 * (e1 - e0)));
        IGRAPH_CHECK(igraph_vector_resize(&w, e1 - e0));
        for (igraph_integer_t i = e0; i < e1; i++) {
            igraph_integer_t e = VECTOR(elist)[i];
            igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
            VECTOR(edges)[2 * (i - e0)] = VECTOR(local)[a];
            VECTOR(edges)[2 * (i - e0) + 1] = VECTOR(local)[b];
            /* igraph puts twice a loop's weight on the diagonal, NetworkX once. */
            VECTOR(w)[i - e0] = hs_mi_edge_value(weights, e) * (a == b ? 0.5 : 1.0);
        }
        IGRAPH_CHECK(component_eigenpair(VECTOR(csize)[c], &edges, &w,
                                         VECTOR(vlist) + VECTOR(vstart)[c], &perron,
                                         &VECTOR(lambda)[c]));
    }

    /* The limit of power iteration from the all-ones vector: its
     * projection on the top eigenspace, spanned by the Perron vectors of
     * the components that reach the largest eigenvalue. */
    double top = igraph_vector_max(&lambda), largest = 0;
    if (top > 0) {
        for (igraph_integer_t c = 0; c < ncomp; c++) {
            if (VECTOR(lambda)[c] < top * (1 - EIGEN_TIE)) continue;
            igraph_integer_t v0 = VECTOR(vstart)[c], v1 = VECTOR(vstart)[c + 1];
            double weight = 0;
            for (igraph_integer_t i = v0; i < v1; i++) weight += VECTOR(perron)[VECTOR(vlist)[i]];
            for (igraph_integer_t i = v0; i < v1; i++) {
                igraph_integer_t v = VECTOR(vlist)[i];
                VECTOR(*res)[v] = weight * VECTOR(perron)[v];
                if (VECTOR(*res)[v] > largest) largest = VECTOR(*res)[v];
            }
        }
        if (largest > 0) igraph_vector_scale(res, 1 / largest);
    }

    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&edges);
    igraph_vector_destroy(&perron);
    igraph_vector_destroy(&lambda);
    igraph_vector_int_destroy(&elist);
    igraph_vector_int_destroy(&estart);
    igraph_vector_int_destroy(&local);
    igraph_vector_int_destroy(&vlist);
    igraph_vector_int_destroy(&vstart);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&memb);
    IGRAPH_FINALLY_CLEAN(11);
    return IGRAPH_SUCCESS;
}

/* A zero weight removes the edge from the adjacency matrix; it must not
 * join two components whose eigenvectors are otherwise independent. */
static igraph_error_t eigenvector(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *res) {
    igraph_vector_int_t zero;
    igraph_vector_t positive;
    igraph_t kept;

    if (!weights || igraph_ecount(g) == 0 || igraph_vector_min(weights) > 0) {
        return eigenvector_positive(g, weights, res);
    }
    IGRAPH_VECTOR_INT_INIT_FINALLY(&zero, 0);
    IGRAPH_VECTOR_INIT_FINALLY(&positive, 0);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        if (VECTOR(*weights)[e] > 0) {
            IGRAPH_CHECK(igraph_vector_push_back(&positive, VECTOR(*weights)[e]));
        } else {
            IGRAPH_CHECK(igraph_vector_int_push_back(&zero, e));
        }
    }
    IGRAPH_CHECK(igraph_copy(&kept, g));
    IGRAPH_FINALLY(igraph_destroy, &kept);
    /* igraph_delete_edges keeps the remaining edges in their order, which
     * `positive` follows. */
    IGRAPH_CHECK(igraph_delete_edges(&kept, igraph_ess_vector(&zero)));
    IGRAPH_CHECK(eigenvector_positive(&kept, &positive, res));
    igraph_destroy(&kept);
    igraph_vector_destroy(&positive);
    igraph_vector_int_destroy(&zero);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

hs_error hs_eigenvector(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *res) {
    if (!g || !res) return hs_error_set(HS_EARG, "eigenvector centrality: NULL argument");
    if (igraph_is_directed(g)) {
        return hs_error_set(HS_EARG, "eigenvector centrality: the graph must be undirected");
    }
    hs_error err = hs_mi_check_edge_values(g, weights, "eigenvector centrality", "weight");
    if (err != HS_OK) return err;
    HS_IGRAPH(eigenvector_seeded(g, weights, res), "eigenvector centrality");
    return HS_OK;
}
