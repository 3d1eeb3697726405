/* Helpers shared by the measures (not installed). */
#ifndef HS_MEASURES_INTERNAL_H
#define HS_MEASURES_INTERNAL_H

#include <igraph.h>
#include <math.h>

#include "hubspoke/error.h"
#include "hubspoke/measures.h"

/* Checks a per-edge value vector (weights, capacities, lengths): NULL is
 * accepted; otherwise it needs one finite, non-negative value per edge.
 * `func` and `what` name the caller and the argument in the message. */
hs_error hs_mi_check_edge_values(const igraph_t *g, const igraph_vector_t *values,
                                 const char *func, const char *what);

/* Checks that a vertex-set indicator has one entry per vertex. */
hs_error hs_mi_check_vertex_set(const igraph_t *g, const igraph_vector_bool_t *in_set,
                                const char *func);

/* The value of edge e in `values`, 1 when values is NULL. */
static inline double hs_mi_edge_value(const igraph_vector_t *values, igraph_integer_t e) {
    return values ? VECTOR(*values)[e] : 1.0;
}

/* The draws of a null model of the E-I index, summed as they come: values
 * within 1e-12 of the observed one count as equal, so that summing the same
 * weights in another order cannot flip a comparison. */
typedef struct hs_mi_tally {
    double sum;
    igraph_integer_t defined, as_closed;
} hs_mi_tally;

static inline void hs_mi_tally_add(hs_mi_tally *t, double x, double observed) {
    if (isnan(x)) return;
    t->defined++;
    t->sum += x;
    if (x <= observed + 1e-12) t->as_closed++;
}

/* expected, p_closed and permutations of res from the tally; res->ei set. */
static inline void hs_mi_tally_finish(const hs_mi_tally *t, hs_ei_test *res) {
    res->permutations = t->defined;
    res->expected = t->defined > 0 ? t->sum / (double)t->defined : NAN;
    res->p_closed =
        t->defined > 0 && !isnan(res->ei) ? (1.0 + (double)t->as_closed) / (1.0 + (double)t->defined) : NAN;
}

#endif
