/* Gould-Fernandez brokerage counts; see measures.h.
 *
 * Around a hub b with in-degree and out-degree in the thousands the
 * (a, c) pairs number in the millions, so they are never listed. For each
 * in-neighbour a of b, the eligible c are out(b) minus a minus out(a):
 * their count by group follows from b's per-group totals once the few c
 * in out(a) ∩ out(b) are subtracted. */
#include "core/internal.h"
#include "hubspoke/measures.h"

/* Replaces arbitrary group labels by 0..G-1 so that per-group counts can
 * live in an array. */
static igraph_error_t compact_groups(const igraph_vector_int_t *group, igraph_vector_int_t *gid,
                                     igraph_integer_t *ngroups) {
    igraph_vector_int_t labels;
    IGRAPH_CHECK(igraph_vector_int_init_copy(&labels, group));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &labels);
    igraph_vector_int_sort(&labels);
    IGRAPH_CHECK(igraph_vector_int_update(gid, group));
    igraph_integer_t distinct = 0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&labels); i++) {
        if (i == 0 || VECTOR(labels)[i] != VECTOR(labels)[i - 1]) {
            VECTOR(labels)[distinct++] = VECTOR(labels)[i];
        }
    }
    IGRAPH_CHECK(igraph_vector_int_resize(&labels, distinct));
    for (igraph_integer_t v = 0; v < igraph_vector_int_size(gid); v++) {
        igraph_integer_t at;
        igraph_vector_int_binsearch(&labels, VECTOR(*gid)[v], &at);
        VECTOR(*gid)[v] = at;
    }
    *ngroups = distinct;
    igraph_vector_int_destroy(&labels);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t brokerage(const igraph_t *g, const igraph_vector_int_t *group,
                                igraph_matrix_t *res) {
    igraph_integer_t n = igraph_vcount(g), ngroups;
    igraph_adjlist_t out, in;
    igraph_vector_int_t gid, count, mark;

    IGRAPH_CHECK(igraph_matrix_resize(res, n, HS_BROKER_ROLES));
    igraph_matrix_null(res);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&gid, n);
    IGRAPH_CHECK(compact_groups(group, &gid, &ngroups));
    IGRAPH_VECTOR_INT_INIT_FINALLY(&count, ngroups);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&mark, n);
    igraph_vector_int_fill(&mark, -1);
    /* Neighbour lists come sorted, which the binary search below needs. */
    IGRAPH_CHECK(igraph_adjlist_init(g, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &out);
    IGRAPH_CHECK(igraph_adjlist_init(g, &in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &in);

    for (igraph_integer_t b = 0; b < n; b++) {
        igraph_vector_int_t *outb = igraph_adjlist_get(&out, b);
        igraph_vector_int_t *inb = igraph_adjlist_get(&in, b);
        igraph_integer_t db = igraph_vector_int_size(outb);
        if (db == 0 || igraph_vector_int_size(inb) == 0) continue;
        igraph_integer_t gb = VECTOR(gid)[b];
        for (igraph_integer_t j = 0; j < db; j++) {
            igraph_integer_t c = VECTOR(*outb)[j];
            VECTOR(count)[VECTOR(gid)[c]]++;
            VECTOR(mark)[c] = b;
        }
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(inb); i++) {
            igraph_integer_t a = VECTOR(*inb)[i];
            igraph_integer_t ga = VECTOR(gid)[a];
            igraph_vector_int_t *outa = igraph_adjlist_get(&out, a);
            igraph_integer_t da = igraph_vector_int_size(outa);
            /* Eligible c: all, those in b's group, those in a's group. */
            igraph_integer_t all = db, with_b = VECTOR(count)[gb], with_a = VECTOR(count)[ga];
#define DROP(c)                                          \
    do {                                                 \
        igraph_integer_t gc_ = VECTOR(gid)[(c)];         \
        all--;                                           \
        if (gc_ == gb) with_b--;                         \
        else if (gc_ == ga) with_a--;                    \
    } while (0)
            if (VECTOR(mark)[a] == b) DROP(a);
            /* Neither list holds a loop, so a is not in out(a) and b is not
             * in out(b): the intersection never contains a or b. */
            if (da <= db) {
                for (igraph_integer_t j = 0; j < da; j++) {
                    igraph_integer_t c = VECTOR(*outa)[j];
                    if (VECTOR(mark)[c] == b) DROP(c);
                }
            } else {
                for (igraph_integer_t j = 0; j < db; j++) {
                    igraph_integer_t c = VECTOR(*outb)[j];
                    if (igraph_vector_int_binsearch2(outa, c)) DROP(c);
                }
            }
#undef DROP
            if (ga == gb) {
                MATRIX(*res, b, HS_BROKER_COORDINATOR) += (double)with_b;
                MATRIX(*res, b, HS_BROKER_REPRESENTATIVE) += (double)(all - with_b);
            } else {
                MATRIX(*res, b, HS_BROKER_GATEKEEPER) += (double)with_b;
                MATRIX(*res, b, HS_BROKER_ITINERANT) += (double)with_a;
                MATRIX(*res, b, HS_BROKER_LIAISON) += (double)(all - with_b - with_a);
            }
        }
        for (igraph_integer_t j = 0; j < db; j++) VECTOR(count)[VECTOR(gid)[VECTOR(*outb)[j]]]--;
    }

    igraph_adjlist_destroy(&in);
    igraph_adjlist_destroy(&out);
    igraph_vector_int_destroy(&mark);
    igraph_vector_int_destroy(&count);
    igraph_vector_int_destroy(&gid);
    IGRAPH_FINALLY_CLEAN(5);
    return IGRAPH_SUCCESS;
}

hs_error hs_brokerage(const igraph_t *g, const igraph_vector_int_t *group, igraph_matrix_t *res) {
    if (!g || !group || !res) return hs_error_set(HS_EARG, "brokerage: NULL argument");
    if (igraph_vector_int_size(group) != igraph_vcount(g)) {
        return hs_error_set(HS_EARG, "brokerage: group has %" IGRAPH_PRId " entries for %" IGRAPH_PRId " vertices",
                            igraph_vector_int_size(group), igraph_vcount(g));
    }
    HS_IGRAPH(brokerage(g, group, res), "brokerage");
    return HS_OK;
}
