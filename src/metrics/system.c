/* System measures: hub coordination, unidirectionality, closedness and the
 * cut sets of the security graph (docs/metrics.md, "System"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_internal.h"

/* ---- hub coordination ---------------------------------------------------------- */

/* Freeman (1979): sum of (max - c_i) over its largest possible value, reached by a star. */
static double freeman(const igraph_vector_t *c, double star_max) {
    igraph_integer_t n = igraph_vector_size(c);
    if (n < 3 || !(star_max > 0.0)) return NAN;
    double max = igraph_vector_max(c), sum = 0.0;
    for (igraph_integer_t i = 0; i < n; i++) sum += max - VECTOR(*c)[i];
    return sum / star_max;
}

/* Share of ally pairs that are connected, but no longer once the hub is gone. */
static hs_error hub_only_pairs(const hs_view *v, double *res) {
    const igraph_t *s = hs_view_security_graph(v);
    long h = hs_view_hub(v);
    igraph_integer_t n = igraph_vcount(s), allies = 0;
    for (igraph_integer_t i = 0; i < n; i++) allies += hs_view_state_role(v, (size_t)i) == HS_ROLE_ALLY;
    *res = NAN;
    if (h < 0 || allies < 2) return HS_OK;
    igraph_vector_int_t with, without;
    igraph_t cut;
    HS_IGRAPH(igraph_vector_int_init(&with, 0), "hub-only pairs");
    igraph_error_t e = igraph_vector_int_init(&without, 0);
    if (!e) e = igraph_connected_components(s, &with, NULL, NULL, IGRAPH_WEAK);
    /* Remove the hub's edges rather than the hub, so that indices stay put. */
    if (!e) e = igraph_copy(&cut, s);
    if (!e) {
        igraph_vector_int_t inc;
        e = igraph_vector_int_init(&inc, 0);
        if (!e) e = igraph_incident(&cut, &inc, (igraph_integer_t)h, IGRAPH_ALL);
        if (!e) e = igraph_delete_edges(&cut, igraph_ess_vector(&inc));
        igraph_vector_int_destroy(&inc);
        if (!e) e = igraph_connected_components(&cut, &without, NULL, NULL, IGRAPH_WEAK);
        igraph_destroy(&cut);
    }
    double only = 0.0;
    for (igraph_integer_t a = 0; !e && a < n; a++) {
        if (hs_view_state_role(v, (size_t)a) != HS_ROLE_ALLY) continue;
        for (igraph_integer_t b = a + 1; b < n; b++) {
            if (hs_view_state_role(v, (size_t)b) != HS_ROLE_ALLY) continue;
            only += VECTOR(with)[a] == VECTOR(with)[b] && VECTOR(without)[a] != VECTOR(without)[b];
        }
    }
    igraph_vector_int_destroy(&with);
    igraph_vector_int_destroy(&without);
    if (e) return hs_from_igraph(e, "hub-only pairs");
    *res = only / ((double)allies * (double)(allies - 1) / 2.0);
    return HS_OK;
}

hs_error hs_coordination_compute(const hs_view *v, const igraph_vector_t *betweenness, hs_coordination *res) {
    const igraph_t *s = hs_view_security_graph(v);
    double n = (double)igraph_vcount(s);
    long h = hs_view_hub(v);
    igraph_vector_t c;
    igraph_matrix_t broker;
    hs_error err;
    HS_IGRAPH(igraph_vector_init(&c, 0), "coordination");
    if ((err = hs_state_degree(v, &c))) goto done;
    res->degree_centralization = freeman(&c, (n - 1) * (n - 2));
    if (!betweenness && (err = hs_state_betweenness(v, &c))) goto done;
    res->betweenness_centralization = freeman(betweenness ? betweenness : &c, (n - 1) * (n - 1) * (n - 2) / 2.0);
    res->hub_articulation_point = -1;
    if (h >= 0) {
        igraph_vector_int_t ap;
        igraph_error_t e = igraph_vector_int_init(&ap, 0);
        if (!e) e = igraph_articulation_points(s, &ap);
        if (!e) res->hub_articulation_point = igraph_vector_int_contains(&ap, (igraph_integer_t)h);
        igraph_vector_int_destroy(&ap);
        if ((err = hs_from_igraph(e, "articulation points"))) goto done;
    }
    if ((err = hub_only_pairs(v, &res->hub_only_ally_pairs))) goto done;
    hs_coordination_weights(v, &res->hub_tie_weight, &res->coordinated_ally_weight, &res->bare_ally_weight);
    res->hub_brokered_closure =
        hs_share(res->coordinated_ally_weight, res->coordinated_ally_weight + res->bare_ally_weight);
    for (int r = 0; r < HS_BROKER_ROLES; r++) res->hub_brokerage[r] = NAN;
    if (h >= 0) {
        if (igraph_matrix_init(&broker, 0, 0)) {
            err = hs_error_set(HS_ENOMEM, "out of memory");
            goto done;
        }
        err = hs_state_brokerage(v, &broker);
        for (int r = 0; !err && r < HS_BROKER_ROLES; r++) res->hub_brokerage[r] = MATRIX(broker, h, r);
        igraph_matrix_destroy(&broker);
    }
done:
    igraph_vector_destroy(&c);
    return err;
}

/* ---- unidirectionality ----------------------------------------------------------- */

hs_error hs_unidirectionality_compute(const hs_view *v, hs_unidirectionality *res) {
    res->reciprocity = res->flow_hierarchy = NAN;
    res->krackhardt = (hs_krackhardt){NAN, NAN, NAN, NAN};
    double to_hub, to_system;
    hs_dependence_weights(v, &to_hub, &to_system);
    res->hub_dependence_share = hs_share(to_hub, to_system);
    if (hs_view_hub(v) < 0) return HS_OK;

    /* The system's dependence digraph: hub and allies only. Partners are
     * strategically autonomous; level 1 of the paper is hub <-> allies. */
    igraph_vector_bool_t system;
    igraph_vector_t w;
    igraph_vector_int_t arcs;
    igraph_t sys, authority;
    igraph_error_t e = IGRAPH_SUCCESS;
    HS_IGRAPH(igraph_vector_bool_init(&system, 0), "system digraph");
    hs_error err = hs_system_mask(v, &system);
    if (!err) err = hs_view_dependence_graph(v, &system, &sys, &w);
    igraph_vector_bool_destroy(&system);
    if (err) return err;
    igraph_vector_destroy(&w); /* the measures below count arcs, not depth */
    if (igraph_ecount(&sys) > 0) {
        igraph_real_t r;
        e = igraph_reciprocity(&sys, &r, /*ignore_loops=*/1, IGRAPH_RECIPROCITY_DEFAULT);
        if (!e) res->reciprocity = r;
    }
    if (!e && !(err = hs_flow_hierarchy(&sys, &res->flow_hierarchy))) {
        /* Krackhardt's arcs run from superior to subordinate: the reverse of dependence. */
        e = igraph_vector_int_init(&arcs, 0);
        if (!e) e = igraph_get_edgelist(&sys, &arcs, 0);
        for (igraph_integer_t i = 0; !e && i + 1 < igraph_vector_int_size(&arcs); i += 2)
            igraph_vector_int_swap_elements(&arcs, i, i + 1);
        if (!e) e = igraph_create(&authority, &arcs, igraph_vcount(&sys), IGRAPH_DIRECTED);
        igraph_vector_int_destroy(&arcs);
        if (!e) {
            err = hs_krackhardt_compute(&authority, &res->krackhardt);
            igraph_destroy(&authority);
        }
    }
    igraph_destroy(&sys);
    return err ? err : hs_from_igraph(e, "unidirectionality");
}

/* ---- closedness -------------------------------------------------------------------- */

hs_error hs_closedness_init(hs_closedness *res) {
    res->ei = (hs_ei_test){NAN, NAN, NAN, 0};
    res->conductance = NAN;
    res->partners_tied_in = 0;
    igraph_error_t e = igraph_vector_int_init(&res->partners, 0);
    if (!e && (e = igraph_vector_init(&res->cut_values, 0))) igraph_vector_int_destroy(&res->partners);
    if (!e && (e = igraph_vector_int_list_init(&res->cut_ties, 0))) {
        igraph_vector_int_destroy(&res->partners);
        igraph_vector_destroy(&res->cut_values);
    }
    return hs_from_igraph(e, "closedness");
}

void hs_closedness_destroy(hs_closedness *res) {
    igraph_vector_int_destroy(&res->partners);
    igraph_vector_destroy(&res->cut_values);
    igraph_vector_int_list_destroy(&res->cut_ties);
}

/* The ties as a multigraph weighted by their shares of a relation: the E-I
 * index counts relations, not pairs. On success *shares is initialised. */
static hs_error tie_multigraph(const hs_view *v, igraph_t *g, igraph_vector_t *shares) {
    igraph_vector_int_t edges;
    size_t m = hs_view_tie_count(v);
    HS_IGRAPH(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m)), "tie graph");
    igraph_error_t e = igraph_vector_init(shares, (igraph_integer_t)m);
    if (e) {
        igraph_vector_int_destroy(&edges);
        return hs_from_igraph(e, "tie graph");
    }
    for (size_t i = 0; i < m; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)hs_view_ties(v)[i].a;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)hs_view_ties(v)[i].b;
        VECTOR(*shares)[i] = hs_view_ties(v)[i].share;
    }
    e = igraph_create(g, &edges, (igraph_integer_t)hs_view_state_count(v), IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (e) igraph_vector_destroy(shares);
    return hs_from_igraph(e, "tie graph");
}

hs_error hs_closedness_compute(const hs_view *v, igraph_integer_t permutations, uint64_t seed, hs_closedness *res) {
    const igraph_t *s = hs_view_security_graph(v);
    igraph_vector_bool_t system;
    igraph_t ties;
    igraph_vector_t shares;
    HS_IGRAPH(igraph_vector_bool_init(&system, 0), "closedness");
    hs_error err = hs_system_mask(v, &system);
    igraph_vector_int_clear(&res->partners);
    igraph_vector_clear(&res->cut_values);
    igraph_vector_int_list_clear(&res->cut_ties);
    res->partners_tied_in = 0;
    if (err || hs_view_hub(v) < 0) goto done;
    if ((err = tie_multigraph(v, &ties, &shares))) goto done;
    if (permutations > 0) {
        err = hs_ei_permutation_test(&ties, &system, &shares, permutations, seed, &res->ei);
    } else {
        res->ei = (hs_ei_test){NAN, NAN, NAN, 0};
        err = hs_ei_index(&ties, &system, &shares, &res->ei.ei);
    }
    igraph_destroy(&ties);
    igraph_vector_destroy(&shares);
    if (err || (err = hs_conductance(s, &system, hs_view_security_weights(v), &res->conductance))) goto done;
    for (size_t p = 0; p < hs_view_state_count(v) && !err; p++) {
        if (hs_view_state_role(v, p) == HS_ROLE_PARTNER && igraph_vector_int_push_back(&res->partners, (igraph_integer_t)p))
            err = hs_error_set(HS_ENOMEM, "out of memory");
    }
    if (err || (err = hs_set_min_cuts(s, hs_view_security_weights(v), &system, &res->partners, &res->cut_values,
                                      &res->cut_ties)))
        goto done;
    /* Edge ids become state pairs, and a partner is "tied in" when its cut
     * includes a tie of its own into the system. */
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&res->partners); i++) {
        igraph_integer_t p = VECTOR(res->partners)[i];
        igraph_vector_int_t *cut = igraph_vector_int_list_get_ptr(&res->cut_ties, i);
        igraph_integer_t k = igraph_vector_int_size(cut);
        if (igraph_vector_int_resize(cut, 2 * k)) {
            err = hs_error_set(HS_ENOMEM, "out of memory");
            goto done;
        }
        int tied = 0;
        for (igraph_integer_t j = k - 1; j >= 0; j--) {
            igraph_integer_t a = IGRAPH_FROM(s, VECTOR(*cut)[j]), b = IGRAPH_TO(s, VECTOR(*cut)[j]);
            tied |= (a == p && VECTOR(system)[b]) || (b == p && VECTOR(system)[a]);
            VECTOR(*cut)[2 * j] = a < b ? a : b;
            VECTOR(*cut)[2 * j + 1] = a < b ? b : a;
        }
        res->partners_tied_in += tied;
    }
done:
    igraph_vector_bool_destroy(&system);
    return err;
}

const char *hs_ei_null_name(hs_ei_null null) { return null == HS_NULL_DEGREE ? "degree" : "label"; }

int hs_ei_null_parse(const char *name) {
    if (!name) return -1;
    if (strcmp(name, "label") == 0) return HS_NULL_LABEL;
    if (strcmp(name, "degree") == 0) return HS_NULL_DEGREE;
    return -1;
}

hs_error hs_ei_null_test(const hs_view *v, hs_ei_null null, igraph_integer_t draws, uint64_t seed, hs_ei_test *res) {
    *res = (hs_ei_test){NAN, NAN, NAN, 0};
    if (null != HS_NULL_LABEL && null != HS_NULL_DEGREE)
        return hs_error_set(HS_EARG, "E-I null: unknown null model %d", (int)null);
    if (hs_view_hub(v) < 0) return HS_OK;
    igraph_vector_bool_t system;
    igraph_t ties;
    igraph_vector_t shares;
    HS_IGRAPH(igraph_vector_bool_init(&system, 0), "E-I null");
    hs_error err = hs_system_mask(v, &system);
    if (!err && !(err = tie_multigraph(v, &ties, &shares))) {
        /* Both nulls count each tie by its share of a relation, as C does. */
        err = null == HS_NULL_LABEL ? hs_ei_permutation_test(&ties, &system, &shares, draws, seed, res)
                                    : hs_ei_degree_test(&ties, &system, &shares, draws, seed, res);
        igraph_destroy(&ties);
        igraph_vector_destroy(&shares);
    }
    igraph_vector_bool_destroy(&system);
    return err;
}

/* ---- cut sets ------------------------------------------------------------------------- */

hs_error hs_cutsets_init(hs_cutsets *res) {
    res->vertex_connectivity = 0;
    igraph_error_t e = igraph_vector_int_init(&res->articulation_points, 0);
    if (!e && (e = igraph_vector_int_init(&res->bridges, 0))) igraph_vector_int_destroy(&res->articulation_points);
    if (!e && (e = igraph_vector_int_list_init(&res->separators, 0))) {
        igraph_vector_int_destroy(&res->articulation_points);
        igraph_vector_int_destroy(&res->bridges);
    }
    return hs_from_igraph(e, "cut sets");
}

void hs_cutsets_destroy(hs_cutsets *res) {
    igraph_vector_int_destroy(&res->articulation_points);
    igraph_vector_int_destroy(&res->bridges);
    igraph_vector_int_list_destroy(&res->separators);
}

hs_error hs_cutsets_compute(const hs_view *v, hs_cutsets *res) {
    const igraph_t *s = hs_view_security_graph(v);
    igraph_vector_int_t eids;
    HS_IGRAPH(igraph_articulation_points(s, &res->articulation_points), "articulation points");
    igraph_vector_int_sort(&res->articulation_points);
    HS_IGRAPH(igraph_vector_int_init(&eids, 0), "bridges");
    igraph_error_t e = igraph_bridges(s, &eids);
    if (!e) igraph_vector_int_sort(&eids);
    if (!e) e = igraph_vector_int_resize(&res->bridges, 2 * igraph_vector_int_size(&eids));
    for (igraph_integer_t i = 0; !e && i < igraph_vector_int_size(&eids); i++) {
        igraph_integer_t a = IGRAPH_FROM(s, VECTOR(eids)[i]), b = IGRAPH_TO(s, VECTOR(eids)[i]);
        VECTOR(res->bridges)[2 * i] = a < b ? a : b;
        VECTOR(res->bridges)[2 * i + 1] = a < b ? b : a;
    }
    igraph_vector_int_destroy(&eids);
    if (e) return hs_from_igraph(e, "bridges");
    hs_error err = hs_minimum_size_separators(s, &res->separators);
    if (err) return err;
    /* The connectivity follows from the separators (S is simple): their size;
     * without any, 0 for a disconnected graph and n - 1 for a complete one.
     * igraph_vertex_connectivity would redo the flows, slowly (22 s on a dense
     * 200-vertex graph in 0.10.2). */
    igraph_integer_t n = igraph_vcount(s);
    igraph_bool_t connected = 0;
    if (n > 1) HS_IGRAPH(igraph_is_connected(s, &connected, IGRAPH_WEAK), "vertex connectivity");
    if (igraph_vector_int_list_size(&res->separators) > 0)
        res->vertex_connectivity = igraph_vector_int_size(igraph_vector_int_list_get_ptr(&res->separators, 0));
    else
        res->vertex_connectivity = connected ? n - 1 : 0;
    return HS_OK;
}
