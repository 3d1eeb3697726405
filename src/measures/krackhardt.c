/* Krackhardt's (1994) four hierarchy dimensions; see measures.h.
 *
 * Reachability is taken on the condensation (one node per strong
 * component): vertices of one strong component reach exactly the same
 * vertices, so pairs can be counted per pair of components, weighted by
 * their sizes. Each component keeps a bitset of its ancestors (itself
 * included), indexed by its position in a topological order of its weak
 * component, so a bitset only spans its own weak component. */
#include <math.h>
#include <stdint.h>

#include "core/internal.h"
#include "hubspoke/measures.h"

typedef uint64_t word_t;
#define WORD_BITS 64

static double pairs(double k) { return k * (k - 1) / 2; }

/* The condensation as compressed arc lists, in a topological order that
 * lists each weak component's strong components as one contiguous block. */
typedef struct {
    igraph_integer_t ncomp;
    igraph_vector_int_t size;       /* vertices per strong component */
    igraph_vector_int_t child_start, child; /* arcs, by tail component */
    igraph_vector_int_t order;      /* components, topological, grouped by block */
    igraph_vector_int_t block_of;   /* weak component of each strong component */
    igraph_vector_int_t block_start;/* first index in `order` of each block, +1 sentinel */
    igraph_vector_int_t pos;        /* index of each component within its block */
} condensation;

static void condensation_destroy(condensation *c) {
    igraph_vector_int_destroy(&c->size);
    igraph_vector_int_destroy(&c->child_start);
    igraph_vector_int_destroy(&c->child);
    igraph_vector_int_destroy(&c->order);
    igraph_vector_int_destroy(&c->block_of);
    igraph_vector_int_destroy(&c->block_start);
    igraph_vector_int_destroy(&c->pos);
}

static igraph_error_t condensation_init(condensation *c, const igraph_t *g,
                                        const igraph_adjlist_t *out,
                                        const igraph_vector_int_t *weak, igraph_integer_t nweak) {
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t scc, indeg, queue;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->size, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->child_start, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->child, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->order, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->block_of, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->block_start, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&c->pos, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&scc, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &scc, &c->size, &c->ncomp, IGRAPH_STRONG));
    igraph_integer_t nc = c->ncomp;

    IGRAPH_CHECK(igraph_vector_int_resize(&c->block_of, nc));
    IGRAPH_CHECK(igraph_vector_int_resize(&c->child_start, nc + 1));
    igraph_vector_int_null(&c->child_start);
    for (igraph_integer_t u = 0; u < n; u++) {
        igraph_integer_t cu = VECTOR(scc)[u];
        VECTOR(c->block_of)[cu] = VECTOR(*weak)[u];
        igraph_vector_int_t *nb = igraph_adjlist_get(out, u);
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
            if (VECTOR(scc)[VECTOR(*nb)[j]] != cu) VECTOR(c->child_start)[cu + 1]++;
        }
    }
    for (igraph_integer_t k = 0; k < nc; k++) {
        VECTOR(c->child_start)[k + 1] += VECTOR(c->child_start)[k];
    }
    /* Parallel condensation arcs are kept: OR-ing a bitset twice is harmless
     * and cheaper than removing them. */
    IGRAPH_CHECK(igraph_vector_int_resize(&c->child, VECTOR(c->child_start)[nc]));
    IGRAPH_VECTOR_INT_INIT_FINALLY(&indeg, nc);
    {
        igraph_vector_int_t fill;
        IGRAPH_CHECK(igraph_vector_int_init_copy(&fill, &c->child_start));
        IGRAPH_FINALLY(igraph_vector_int_destroy, &fill);
        for (igraph_integer_t u = 0; u < n; u++) {
            igraph_integer_t cu = VECTOR(scc)[u];
            igraph_vector_int_t *nb = igraph_adjlist_get(out, u);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
                igraph_integer_t cv = VECTOR(scc)[VECTOR(*nb)[j]];
                if (cv == cu) continue;
                VECTOR(c->child)[VECTOR(fill)[cu]++] = cv;
                VECTOR(indeg)[cv]++;
            }
        }
        igraph_vector_int_destroy(&fill);
        IGRAPH_FINALLY_CLEAN(1);
    }

    /* Kahn's algorithm, then a stable counting sort by weak component: the
     * restriction of a topological order to a block stays topological. */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&queue, 0);
    IGRAPH_CHECK(igraph_vector_int_reserve(&queue, nc));
    for (igraph_integer_t k = 0; k < nc; k++) {
        if (VECTOR(indeg)[k] == 0) IGRAPH_CHECK(igraph_vector_int_push_back(&queue, k));
    }
    for (igraph_integer_t head = 0; head < igraph_vector_int_size(&queue); head++) {
        igraph_integer_t k = VECTOR(queue)[head];
        for (igraph_integer_t j = VECTOR(c->child_start)[k]; j < VECTOR(c->child_start)[k + 1]; j++) {
            igraph_integer_t d = VECTOR(c->child)[j];
            if (--VECTOR(indeg)[d] == 0) IGRAPH_CHECK(igraph_vector_int_push_back(&queue, d));
        }
    }
    IGRAPH_CHECK(igraph_vector_int_resize(&c->block_start, nweak + 1));
    igraph_vector_int_null(&c->block_start);
    for (igraph_integer_t k = 0; k < nc; k++) VECTOR(c->block_start)[VECTOR(c->block_of)[k] + 1]++;
    for (igraph_integer_t w = 0; w < nweak; w++) {
        VECTOR(c->block_start)[w + 1] += VECTOR(c->block_start)[w];
    }
    IGRAPH_CHECK(igraph_vector_int_resize(&c->order, nc));
    IGRAPH_CHECK(igraph_vector_int_resize(&c->pos, nc));
    {
        igraph_vector_int_t fill;
        IGRAPH_CHECK(igraph_vector_int_init_copy(&fill, &c->block_start));
        IGRAPH_FINALLY(igraph_vector_int_destroy, &fill);
        for (igraph_integer_t i = 0; i < nc; i++) {
            igraph_integer_t k = VECTOR(queue)[i];
            igraph_integer_t w = VECTOR(c->block_of)[k];
            igraph_integer_t at = VECTOR(fill)[w]++;
            VECTOR(c->order)[at] = k;
            VECTOR(c->pos)[k] = at - VECTOR(c->block_start)[w];
        }
        igraph_vector_int_destroy(&fill);
        IGRAPH_FINALLY_CLEAN(1);
    }

    igraph_vector_int_destroy(&queue);
    igraph_vector_int_destroy(&indeg);
    igraph_vector_int_destroy(&scc);
    IGRAPH_FINALLY_CLEAN(3 + 7); /* the caller owns c from here */
    return IGRAPH_SUCCESS;
}

static igraph_integer_t block_words(const condensation *c, igraph_integer_t w) {
    igraph_integer_t k = VECTOR(c->block_start)[w + 1] - VECTOR(c->block_start)[w];
    return (k + WORD_BITS - 1) / WORD_BITS;
}

/* Hierarchy and LUB from the ancestor bitsets. */
static igraph_error_t reach_scores(const condensation *c, const igraph_vector_int_t *weak_size,
                                   double *hierarchy, double *lub) {
    igraph_integer_t nc = c->ncomp, nweak = igraph_vector_int_size(weak_size);
    igraph_vector_int_t offset, anc_count;

    /* Row offsets of each component's bitset in one allocation. */
    IGRAPH_VECTOR_INT_INIT_FINALLY(&offset, nc + 1);
    for (igraph_integer_t i = 0; i < nc; i++) {
        igraph_integer_t k = VECTOR(c->order)[i];
        igraph_integer_t words = block_words(c, VECTOR(c->block_of)[k]);
        if (VECTOR(offset)[i] > IGRAPH_INTEGER_MAX - words) {
            IGRAPH_ERROR("Krackhardt: reachability bitsets too large", IGRAPH_EOVERFLOW);
        }
        VECTOR(offset)[i + 1] = VECTOR(offset)[i] + words;
    }
    igraph_integer_t total = VECTOR(offset)[nc];
    if ((uint64_t)total > SIZE_MAX / sizeof(word_t)) {
        IGRAPH_ERROR("Krackhardt: reachability bitsets too large", IGRAPH_EOVERFLOW);
    }
    word_t *bits = IGRAPH_CALLOC(total > 0 ? total : 1, word_t);
    IGRAPH_CHECK_OOM(bits, "Krackhardt: reachability bitsets");
    IGRAPH_FINALLY(igraph_free, bits);

#define ROW(k) (bits + VECTOR(offset)[VECTOR(c->block_start)[VECTOR(c->block_of)[k]] + VECTOR(c->pos)[k]])

    /* In topological order every parent has pushed its ancestors into a
     * component before the component pushes its own onward. */
    for (igraph_integer_t i = 0; i < nc; i++) {
        igraph_integer_t k = VECTOR(c->order)[i];
        igraph_integer_t words = block_words(c, VECTOR(c->block_of)[k]);
        word_t *row = ROW(k);
        igraph_integer_t p = VECTOR(c->pos)[k];
        row[p / WORD_BITS] |= (word_t)1 << (p % WORD_BITS);
        for (igraph_integer_t j = VECTOR(c->child_start)[k]; j < VECTOR(c->child_start)[k + 1]; j++) {
            word_t *to = ROW(VECTOR(c->child)[j]);
            for (igraph_integer_t x = 0; x < words; x++) to[x] |= row[x];
        }
    }

    /* Mutual pairs lie inside a strong component; asymmetric pairs join a
     * component to each proper ancestor. */
    double mutual = 0, asymmetric = 0;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&anc_count, nc);
    for (igraph_integer_t k = 0; k < nc; k++) {
        igraph_integer_t w = VECTOR(c->block_of)[k];
        igraph_integer_t first = VECTOR(c->block_start)[w];
        igraph_integer_t words = block_words(c, w);
        const word_t *row = ROW(k);
        double above = 0;
        igraph_integer_t count = 0;
        for (igraph_integer_t x = 0; x < words; x++) {
            word_t wd = row[x];
            count += __builtin_popcountll(wd);
            while (wd) {
                igraph_integer_t p = x * WORD_BITS + __builtin_ctzll(wd);
                wd &= wd - 1;
                igraph_integer_t a = VECTOR(c->order)[first + p];
                if (a != k) above += (double)VECTOR(c->size)[a];
            }
        }
        VECTOR(anc_count)[k] = count;
        double s = (double)VECTOR(c->size)[k];
        mutual += pairs(s);
        asymmetric += s * above;
    }
    *hierarchy = mutual + asymmetric > 0 ? asymmetric / (mutual + asymmetric) : NAN;

    /* A pair of components (a before b in the block's topological order)
     * has a least upper bound iff its common ancestors U equal the
     * ancestors of one component. The last member of U in topological
     * order has no descendant in U, so it is the only candidate: the LUB
     * exists iff that member's ancestor count equals |U|. Vertex pairs
     * inside one strong component always have one (the component). */
    /* When a has fewer ancestors than its bitset has words (trees, sparse
     * DAGs), testing them one by one in b's bitset is cheaper than
     * intersecting the words. */
    double violations = 0, max_violations = 0;
    igraph_vector_int_t anc;
    IGRAPH_VECTOR_INT_INIT_FINALLY(&anc, 0);
    for (igraph_integer_t w = 0; w < nweak; w++) {
        double nw = (double)VECTOR(*weak_size)[w];
        if (nw < 3) continue;
        max_violations += (nw - 1) * (nw - 2) / 2;
        igraph_integer_t first = VECTOR(c->block_start)[w];
        igraph_integer_t kw = VECTOR(c->block_start)[w + 1] - first;
        for (igraph_integer_t pa = 0; pa < kw; pa++) {
            igraph_integer_t a = VECTOR(c->order)[first + pa];
            const word_t *ra = ROW(a);
            igraph_integer_t last_word = pa / WORD_BITS;
            igraph_bool_t listed = VECTOR(anc_count)[a] <= last_word + 1;
            if (listed) {
                igraph_vector_int_clear(&anc);
                for (igraph_integer_t x = 0; x <= last_word; x++) {
                    for (word_t wd = ra[x]; wd; wd &= wd - 1) {
                        IGRAPH_CHECK(igraph_vector_int_push_back(&anc, x * WORD_BITS + __builtin_ctzll(wd)));
                    }
                }
            }
            for (igraph_integer_t pb = pa + 1; pb < kw; pb++) {
                igraph_integer_t b = VECTOR(c->order)[first + pb];
                const word_t *rb = ROW(b);
                if (rb[last_word] >> (pa % WORD_BITS) & 1) continue; /* a reaches b */
                igraph_integer_t common = 0, top = -1;
                if (listed) {
                    for (igraph_integer_t i = 0; i < igraph_vector_int_size(&anc); i++) {
                        igraph_integer_t x = VECTOR(anc)[i];
                        if (rb[x / WORD_BITS] >> (x % WORD_BITS) & 1) {
                            common++;
                            top = x;
                        }
                    }
                } else {
                    for (igraph_integer_t x = 0; x <= last_word; x++) {
                        word_t wd = ra[x] & rb[x];
                        if (wd) {
                            common += __builtin_popcountll(wd);
                            top = x * WORD_BITS + (WORD_BITS - 1 - __builtin_clzll(wd));
                        }
                    }
                }
                if (common == 0 || VECTOR(anc_count)[VECTOR(c->order)[first + top]] != common) {
                    violations += (double)VECTOR(c->size)[a] * (double)VECTOR(c->size)[b];
                }
            }
        }
    }
    igraph_vector_int_destroy(&anc);
    IGRAPH_FINALLY_CLEAN(1);
#undef ROW
    *lub = max_violations > 0 ? 1 - violations / max_violations : NAN;

    igraph_vector_int_destroy(&anc_count);
    igraph_free(bits);
    igraph_vector_int_destroy(&offset);
    IGRAPH_FINALLY_CLEAN(3);
    return IGRAPH_SUCCESS;
}

static igraph_error_t krackhardt(const igraph_t *g, hs_krackhardt *res) {
    igraph_integer_t n = igraph_vcount(g), nweak;
    igraph_vector_int_t weak, weak_size;
    igraph_adjlist_t out;
    condensation c;

    res->connectedness = res->hierarchy = res->efficiency = res->lub = NAN;
    if (n < 2) return IGRAPH_SUCCESS;

    IGRAPH_VECTOR_INT_INIT_FINALLY(&weak, 0);
    IGRAPH_VECTOR_INT_INIT_FINALLY(&weak_size, 0);
    IGRAPH_CHECK(igraph_connected_components(g, &weak, &weak_size, &nweak, IGRAPH_WEAK));
    IGRAPH_CHECK(igraph_adjlist_init(g, &out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &out);

    double joined = 0, spanning = 0, spare = 0, arcs = 0;
    for (igraph_integer_t w = 0; w < nweak; w++) {
        double k = (double)VECTOR(weak_size)[w];
        joined += pairs(k);
        spanning += k - 1;
        spare += (k - 1) * (k - 1);
    }
    for (igraph_integer_t u = 0; u < n; u++) arcs += (double)igraph_vector_int_size(igraph_adjlist_get(&out, u));
    res->connectedness = joined / pairs((double)n);
    res->efficiency = spare > 0 ? 1 - (arcs - spanning) / spare : NAN;

    IGRAPH_CHECK(condensation_init(&c, g, &out, &weak, nweak));
    IGRAPH_FINALLY(condensation_destroy, &c);
    IGRAPH_CHECK(reach_scores(&c, &weak_size, &res->hierarchy, &res->lub));

    condensation_destroy(&c);
    igraph_adjlist_destroy(&out);
    igraph_vector_int_destroy(&weak_size);
    igraph_vector_int_destroy(&weak);
    IGRAPH_FINALLY_CLEAN(4);
    return IGRAPH_SUCCESS;
}

hs_error hs_krackhardt_compute(const igraph_t *authority, hs_krackhardt *res) {
    if (!authority || !res) return hs_error_set(HS_EARG, "Krackhardt: NULL argument");
    if (!igraph_is_directed(authority)) {
        return hs_error_set(HS_EARG, "Krackhardt: the authority graph must be directed");
    }
    HS_IGRAPH(krackhardt(authority, res), "Krackhardt");
    return HS_OK;
}
