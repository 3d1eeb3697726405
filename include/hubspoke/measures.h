/** @file
 * Network measures that igraph does not have, or gets wrong.
 *
 * Every function returns HS_OK or an hs_error code with a one-line message
 * (hs_error_last()). Arguments come first, outputs last; output vectors,
 * matrices and lists must be initialised by the caller and are resized here.
 * A value that is undefined for the given input is NaN, as documented per
 * function; callers write NaN as JSON null.
 *
 * Definitions, sources, complexity and the igraph 0.10.2 workarounds are
 * collected in docs/measures-algorithms.md.
 */
#ifndef HUBSPOKE_MEASURES_H
#define HUBSPOKE_MEASURES_H

#include <igraph.h>
#include <stdint.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Krackhardt's hierarchy dimensions.
 *
 * Krackhardt, D. (1994). Graph theoretical dimensions of informal
 * organizations. In K. M. Carley & M. J. Prietula (Eds.), Computational
 * Organization Theory (pp. 89-111). Hillsdale, NJ: Lawrence Erlbaum.
 *
 * `authority` must be directed; an arc u -> v means u is v's superior. Loops
 * and repeated arcs are ignored. An out-tree (an out-star, a chain of
 * command) scores 1 on all four. Let N be the number of
 * vertices, N_i the vertex count of weak component i, and R the
 * reachability relation (u R v iff a directed path leads from u to v;
 * every vertex reaches itself). The definitions are those of R's sna
 * package (connectedness, hierarchy(measure = "krackhardt"), efficiency,
 * lubness; sna 2.x, R/gli.R and src/gli.c):
 *
 *   connectedness = sum_i N_i (N_i - 1) / 2  /  (N (N - 1) / 2)
 *       the share of unordered pairs joined by a semipath.
 *   hierarchy     = A / (A + M), where over unordered pairs {u, v}, u != v,
 *       M counts pairs with u R v and v R u, A pairs with exactly one of the
 *       two (sna: 1 - grecip(reachability, "dyadic.nonnull")).
 *   efficiency    = 1 - (|E| - sum_i (N_i - 1)) / sum_i (N_i - 1)^2
 *       with |E| the number of distinct non-loop arcs: the share of the
 *       arcs a weak component could hold beyond a spanning tree that are
 *       absent (sna's denominator sum_i (N_i (N_i - 1) - (N_i - 1))).
 *   lub           = 1 - V / sum_i (N_i - 1)(N_i - 2) / 2, summed over weak
 *       components with N_i >= 3 only, where V counts unordered pairs
 *       {u, v} in such a component without a least upper bound. An upper
 *       bound of u and v is a w with w R u and w R v; a least upper bound
 *       is an upper bound l such that every upper bound w has w R l.
 *
 * Differences from sna, deliberately:
 *   - lub: sna's documentation states the definition above, but its C code
 *     (lubness_con_R) accepts an upper bound that reaches every other upper
 *     bound (a greatest one). The two differ when the common superiors of a
 *     pair have a top but no bottom (r -> p, r -> q, p and q both -> i and
 *     j: Krackhardt and hubspoke count {i, j} as a violation, sna's code
 *     does not) or the reverse; sna's code can even give negative values.
 *     hubspoke follows the published definition.
 *   - connectedness of a graph with N < 2 is NaN here; sna returns 1.
 * Undefined cases, NaN: every field when N < 2; hierarchy when no vertex
 * reaches another; efficiency when there are no arcs (every component a
 * single vertex); lub when no weak component has 3 or more vertices.
 *
 * Errors: HS_EARG if `authority` is undirected.
 * Complexity: with C strong components and c_w of them in weak component w,
 * O(|V| + |E| + |E| C/64) to build ancestor bitsets and
 * O(sum_w c_w^3 / 64) for the pairs; memory O(sum_w c_w^2 / 8) bytes. */
typedef struct hs_krackhardt {
    double connectedness; /**< the share of unordered pairs joined by a semipath */
    double hierarchy;     /**< the share of reachable pairs reachable one way only */
    double efficiency;    /**< the share of redundant arcs a weak component could hold that are absent */
    double lub;           /**< the share of pairs with a least upper bound */
} hs_krackhardt;

/** Krackhardt's four dimensions of `authority` (see ::hs_krackhardt). */
HS_API hs_error hs_krackhardt_compute(const igraph_t *authority, hs_krackhardt *res);

/** The brokerage roles of Gould and Fernandez (1989), columns of
 * hs_brokerage()'s matrix. */
typedef enum hs_broker_role {
    HS_BROKER_COORDINATOR,    /**< g(a) = g(b) = g(c) */
    HS_BROKER_ITINERANT,      /**< g(a) = g(c) != g(b) */
    HS_BROKER_GATEKEEPER,     /**< g(b) = g(c) != g(a) */
    HS_BROKER_REPRESENTATIVE, /**< g(a) = g(b) != g(c) */
    HS_BROKER_LIAISON,        /**< g(a), g(b), g(c) all different */
    HS_BROKER_ROLES           /**< the number of roles */
} hs_broker_role;

/** Gould-Fernandez brokerage.
 *
 * Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: A formal
 * approach to brokerage in transaction networks. Sociological Methodology,
 * 19, 89-126.
 *
 * group[v] is any integer label of v's group (length = vertex count).
 * res becomes an n x HS_BROKER_ROLES matrix: res[b][role] counts the
 * two-paths a -> b -> c with a != c and no arc a -> c in which b brokers:
 *   coordinator     g(a) = g(b) = g(c)
 *   itinerant       g(a) = g(c) != g(b)
 *   gatekeeper      g(b) = g(c) != g(a)
 *   representative  g(a) = g(b) != g(c)
 *   liaison         g(a), g(b), g(c) all different.
 * Loops and repeated arcs are ignored. An undirected graph is read as the
 * symmetric digraph, so an open undirected two-path a - b - c counts twice
 * for b (a -> b -> c and c -> b -> a), as statnet's sna::brokerage does
 * (its raw.nli; sna orders the columns w_I, w_O, b_IO, b_OI, b_O, that is
 * coordinator, itinerant, representative, gatekeeper, liaison).
 * Errors: HS_EARG if group has the wrong length.
 * Complexity: O(|V| log |V| + sum_b sum_{a in in(b)} min(d+(a), d+(b) log d+(a)))
 * time, O(|V| + |E|) memory; the pairs around a hub are never enumerated. */
HS_API hs_error hs_brokerage(const igraph_t *g, const igraph_vector_int_t *group, igraph_matrix_t *res);

/** E-I index.
 *
 * Krackhardt, D., & Stern, R. N. (1988). Informal networks and
 * organizational crises: An experimental simulation. Social Psychology
 * Quarterly, 51(2), 123-140.
 *
 * EI = (E - I) / (E + I) for the vertex set S = {v : in_set[v]}, where E is
 * the total weight of edges with exactly one end in S and I the total
 * weight of edges with both ends in S (a loop on a member counts as
 * internal); edges outside S are ignored. Every edge counts, so parallel
 * edges are separate ties. weights: one non-negative finite value per
 * edge, or NULL for 1 each. Edge directions are ignored.
 * -1 is a closed bloc, +1 a set whose ties all leave it.
 * Undefined (NaN): E + I = 0.
 * Errors: HS_EARG on a wrong-length in_set or weights, or a negative or
 * non-finite weight. Complexity: O(|V| + |E|). */
HS_API hs_error hs_ei_index(const igraph_t *g, const igraph_vector_bool_t *in_set,
                     const igraph_vector_t *weights, double *ei);

/** Permutation test of the E-I index: membership in S is shuffled uniformly
 * over all vertices, keeping |S| (a partial Fisher-Yates shuffle driven by
 * xoshiro256** seeded through splitmix64 from `seed`, so the result is the
 * same on every run and platform for the same seed), and EI is recomputed
 * `permutations` times.
 *   ei           observed EI (NaN when undefined)
 *   expected     mean permuted EI over the permutations where it is defined
 *                (NaN if none)
 *   p_closed     (1 + #{permuted EI <= observed EI}) / (1 + #{defined ones}), the
 *                one-sided probability of a boundary at least as closed by
 *                chance; values within 1e-12 count as equal. NaN when the
 *                observed EI is undefined or no permutation is defined.
 *   permutations number of permutations where EI was defined (the
 *                denominator above), at most the number requested.
 * Errors: as hs_ei_index, and HS_EARG if permutations < 0.
 * Complexity: O(permutations * (|V| + |E|)). */
typedef struct hs_ei_test {
    double ei;                     /**< observed EI */
    double expected;               /**< mean permuted EI */
    double p_closed;               /**< one-sided probability of a boundary at least as closed by chance */
    igraph_integer_t permutations; /**< permutations where EI was defined */
} hs_ei_test;

/** Run the permutation test of the E-I index (see ::hs_ei_test). */
HS_API hs_error hs_ei_permutation_test(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                const igraph_vector_t *weights, igraph_integer_t permutations,
                                uint64_t seed, hs_ei_test *res);

/** Degree-preserving null of the E-I index: the vertex set S held fixed, the
 * edges rewired so that every vertex keeps its degree. The model is the
 * uniform distribution over stub-labelled loop-free multigraphs with the
 * degrees of g (Fosdick, Larremore, Nishimura & Ugander 2018, "Configuring
 * random graph models with fixed degree sequences", SIAM Review 60(2)),
 * sampled by the double edge swap Markov chain: a proposal picks two distinct
 * edges uniformly and one of the two ways to exchange their ends, and is
 * refused (the chain stays where it is) when it would make a loop. The chain
 * starts at g, runs ::HS_EI_SWAP_BURN_IN * m proposals before the first draw
 * and ::HS_EI_SWAP_SPACING * m between draws (m non-loop edges), with
 * xoshiro256** seeded from `seed` (as the permutation test). weights: one
 * non-negative finite value per edge, or NULL for 1 each; a swap keeps each
 * edge's weight with it (edge (a, b, w1) and (c, d, w2) become (a, d, w1) and
 * (c, b, w2)), so E and I add the weights as hs_ei_index() does. Directions
 * are ignored, loops left out The chain starts from the edges in a
 * canonical order (ends sorted, then by weight), so the result does not
 * depend on the order of g's edges.
 * Results as ::hs_ei_test: expected is the mean EI over the draws where EI
 * is defined, p_closed = (1 + the number of draws with EI <= observed) /
 * (1 + the number of draws with a defined EI), permutations that number. With fewer than two edges no
 * swap exists: every draw is g itself.
 * Errors: HS_EARG for a wrong-length in_set or weights, a negative or
 * non-finite weight, or draws < 0.
 * Complexity: O(|V| + |E| + (HS_EI_SWAP_BURN_IN + draws * HS_EI_SWAP_SPACING) * |E|). */
HS_API hs_error hs_ei_degree_test(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                  const igraph_vector_t *weights, igraph_integer_t draws, uint64_t seed,
                                  hs_ei_test *res);
/** Proposals before the degree null's first draw, per edge. */
#define HS_EI_SWAP_BURN_IN 20
/** Proposals between two draws of the degree null, per edge. */
#define HS_EI_SWAP_SPACING 2

/** Conductance.
 *
 * phi(S) = cut(S, T) / min(vol(S), vol(T)), T the complement of S, exactly
 * as NetworkX conductance(G, S, weight=...) (Kannan, Vempala & Vetta 2004,
 * "On clusterings: good, bad and spectral", J. ACM 51(3)):
 *   cut(S, T) total weight of edges with one end in S and one in T (in a
 *             digraph the arcs S -> T and T -> S);
 *   vol(X)    sum of the weighted degrees of X: undirected, a loop counts
 *             twice; directed, out-degrees (NetworkX's volume()).
 * weights: one non-negative finite value per edge, or NULL for 1 each.
 * Undefined (NaN): min(vol(S), vol(T)) = 0 (NetworkX raises
 * ZeroDivisionError). Errors: as hs_ei_index. Complexity: O(|V| + |E|). */
HS_API hs_error hs_conductance(const igraph_t *g, const igraph_vector_bool_t *in_set,
                        const igraph_vector_t *weights, double *phi);

/** Minimum cut between a vertex and a set.
 *
 * The minimum total capacity of edges whose removal leaves no path between
 * vertex v and any vertex of S = {u : in_set[u]}, S taken as one terminal
 * (Ford & Fulkerson 1956 max-flow/min-cut; edges inside S are never cut,
 * loops are dropped).
 * g must be undirected; capacity: one non-negative finite value per edge,
 * or NULL for 1 each. *value receives the cut capacity; cut_edges the edge
 * ids of g in the cut, ascending. When several minimum cuts exist, the
 * one nearest v is returned: its v side is the set of vertices v can still
 * reach in the residual network of a maximum flow, the same for every
 * maximum flow. If v has no path to S: value 0, no edges.
 * Errors: HS_EARG if g is directed, S is empty, v is out of range or in S,
 * or in_set/capacity are malformed.
 * Complexity: Dinic's algorithm searched outward from v, stopping at the
 * depth where it first meets S: a vertex whose ties lead straight into S
 * costs O(its degree); in general O(|V|^2 |E|) for the part of the graph a
 * search explores. */
HS_API hs_error hs_set_min_cut(const igraph_t *g, const igraph_vector_t *capacity,
                        const igraph_vector_bool_t *in_set, igraph_integer_t v,
                        double *value, igraph_vector_int_t *cut_edges);

/** hs_set_min_cut for each vertex of `sources`: values[i] and the list
 * entry i of cut_edges. Scratch space is shared and reset only where a
 * search went, so k sources cost what their neighbourhoods cost. */
HS_API hs_error hs_set_min_cuts(const igraph_t *g, const igraph_vector_t *capacity,
                         const igraph_vector_bool_t *in_set, const igraph_vector_int_t *sources,
                         igraph_vector_t *values, igraph_vector_int_list_t *cut_edges);

/** Minimum-size vertex separators.
 *
 * All vertex sets of minimum size whose removal disconnects g (edge
 * directions, loops and repeated edges are ignored). igraph 0.10.2's
 * igraph_minimum_size_separators is wrong (igraph issue #2521, fixed in
 * 0.10.11) and is not used. Conventions:
 *   - |V| <= 1 or a complete graph: no separators (nothing disconnects it);
 *   - a disconnected graph: vertex connectivity 0, no separators (callers
 *     report "already disconnected");
 *   - connectivity 1: exactly the articulation points, each as {v};
 *   - connectivity k >= 2: Kanevsky's (1993) algorithm, "Finding all
 *     minimum-size separating vertex sets in a graph", Networks 23(6), on
 *     unit-capacity flows (connectivity itself by Esfahanian & Hakimi
 *     1984).
 * Each separator is sorted ascending; the list is sorted lexicographically
 * and has no duplicates.
 * Complexity: connectivity <= 1 is O(|V| + |E|). Otherwise, with d the
 * minimum degree: O((|V| + d^2) k) breadth-first searches for k, then
 * k |V| vertex pairs at O(k (|V| + |E|)) each, plus time proportional to
 * the separators found per pair (a separator can be found once for every
 * vertex it cuts off). E.g. 0.01 s for a random 3-regular graph on 200
 * vertices, 2 s for G(200, 0.3) (k = 39), 26 s for the 498,500 separators
 * of C_1000. */
HS_API hs_error hs_minimum_size_separators(const igraph_t *g, igraph_vector_int_list_t *separators);

/** Flow hierarchy.
 *
 * Luo, J., & Magee, C. L. (2011). Detecting evolving patterns of
 * self-organizing networks by flow hierarchy measurement. Complexity,
 * 16(6), 53-61.
 *
 * h = 1 - (arcs with both ends in one strongly connected component, loops
 * included) / (all arcs): the share of arcs on no directed cycle, as
 * NetworkX flow_hierarchy(G) (unweighted; repeated arcs each count).
 * Undefined (NaN): no arcs. Errors: HS_EARG if g is undirected.
 * Complexity: O(|V| + |E|). */
HS_API hs_error hs_flow_hierarchy(const igraph_t *g, double *h);

/** Centralities with NetworkX's conventions.
 *
 * Closeness of an undirected graph with Wasserman & Faust's correction for
 * disconnected graphs (Wasserman & Faust 1994, Social Network Analysis,
 * eq. 5.5), as NetworkX closeness_centrality(G, distance=...,
 * wf_improved=True):
 *   C(u) = ((r - 1) / (n - 1)) * ((r - 1) / sum of distances from u to the
 *          r - 1 other vertices it reaches)
 * with n the vertex count; 0 when u reaches no other vertex, and 0 when
 * n = 1. lengths: one positive finite length per edge (a distance, not a
 * tie strength), or NULL for 1 each; parallel edges: the shortest counts.
 * Errors: HS_EARG if g is directed or lengths are malformed; a zero length
 * is refused, as igraph 0.10.2's closeness refuses it (NetworkX accepts it).
 * Complexity: O(|V| (|E| + |V|) log |V|). */
HS_API hs_error hs_closeness(const igraph_t *g, const igraph_vector_t *lengths, igraph_vector_t *res);

/** Betweenness (Freeman 1977; Brandes 2001, "A faster algorithm for
 * betweenness centrality", J. Math. Sociol. 25(2)) and the closeness of
 * hs_closeness together, from one Dijkstra search per vertex: igraph runs
 * separate searches for each. Undirected graph; betweenness is raw (each
 * unordered pair counted once), as igraph_betweenness and NetworkX's
 * normalized=False give it. Path lengths equal within igraph's relative
 * tolerance (1e-10) count as equal, as in igraph. Either output may be NULL.
 * Errors and complexity as hs_closeness. */
HS_API hs_error hs_path_centralities(const igraph_t *g, const igraph_vector_t *lengths, igraph_vector_t *betweenness,
                              igraph_vector_t *closeness);

/** Eigenvector centrality of an undirected graph (Bonacich 1972, "Factoring
 * and weighting approaches to status scores and clique identification",
 * J. Math. Sociol. 2(1)), scaled so that the largest score is 1. weights:
 * one non-negative finite value per edge, or NULL for 1 each; parallel
 * edges add up, a loop adds its weight once to the diagonal (NetworkX's
 * convention; igraph counts it twice).
 * The leading eigenvector is unique only for a connected graph. On a
 * disconnected graph igraph 0.10.2 runs ARPACK on the whole graph from
 * the start vector "degree + uniform noise in [-1e-4, 1e-4]" drawn from
 * igraph's global RNG: components whose leading eigenvalue is below the
 * largest get (near) zero, and the split between components that share
 * the largest eigenvalue follows that random start vector and ARPACK's
 * convergence, so it changes from run to run (on K_{1,4} + K_3 one seed
 * gives the star 0 and K_3 1, others the star's centre 1 and K_3 2/3).
 * hubspoke instead computes each component's leading
 * eigenvalue lambda_C and unit Perron vector v_C separately (igraph on the
 * component, with a private fixed-seed RNG) and returns, scaled to max 1,
 *   x = sum over components C with lambda_C = lambda_max of (1'v_C) v_C,
 * 0 elsewhere: the limit of NetworkX's power iteration from the all-ones
 * vector (eigenvalues within a relative 1e-10 count as equal). All 0 when
 * there are no edges (or all weights are 0).
 * Errors: HS_EARG if g is directed or weights are malformed.
 * Complexity: one ARPACK run per component with edges, O(|E|) per
 * iteration. */
HS_API hs_error hs_eigenvector(const igraph_t *g, const igraph_vector_t *weights, igraph_vector_t *res);

#ifdef __cplusplus
}
#endif
#endif
