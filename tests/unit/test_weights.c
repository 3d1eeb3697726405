#define _POSIX_C_SOURCE 200809L
/* Direction and weight from data (docs/schema.md "Direction", docs/metrics.md
 * "Depth and amount", "Which states count"): one relation measures the same
 * however the file writes it, `depends` and `amount`, closeness within [0, 1],
 * the state sets, state spells, and the one-line errors for bad values. Every
 * expectation is computed by hand in the comment above it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hubspoke/metrics.h"
#include "assert_close.h"

#define HEAD(dir)                                                                       \
    "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" \
    "<key id=\"k\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n"             \
    "<key id=\"w\" for=\"all\" attr.name=\"weight\" attr.type=\"double\"/>\n"           \
    "<key id=\"a\" for=\"all\" attr.name=\"amount\" attr.type=\"double\"/>\n"           \
    "<key id=\"d\" for=\"edge\" attr.name=\"depends\" attr.type=\"string\"/>\n"         \
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"            \
    "<key id=\"sp\" for=\"node\" attr.name=\"spells\" attr.type=\"string\"/>\n"         \
    "<key id=\"si\" for=\"all\" attr.name=\"since\" attr.type=\"int\"/>\n"              \
    "<key id=\"h\" for=\"graph\" attr.name=\"hub\" attr.type=\"string\"/>\n"            \
    "<graph edgedefault=\"" dir "\"><data key=\"h\">H</data>\n"
#define TAIL "</graph></graphml>\n"
#define E(a, b, kind) "<edge source=\"" a "\" target=\"" b "\"><data key=\"k\">" kind "</data></edge>\n"
#define EX(a, b, kind, extra) "<edge source=\"" a "\" target=\"" b "\"><data key=\"k\">" kind "</data>" extra "</edge>\n"
#define N(id) "<node id=\"" id "\"/>\n"

static hs_model *model_of(const char *text) {
    hs_model *m = NULL;
    if (hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m) != HS_OK)
        fail_msg("refused: %s", hs_error_last());
    return m;
}

static hs_view *view_with(const hs_model *m, const hs_view_options *o) {
    hs_view *v = NULL;
    if (hs_view_new(m, o, &v) != HS_OK) fail_msg("view refused: %s", hs_error_last());
    return v;
}

static hs_indices indices(const hs_view *v) {
    hs_indices i;
    assert_int_equal(hs_indices_compute(v, &i), HS_OK);
    return i;
}

static long state(const hs_view *v, const char *id) {
    for (size_t s = 0; s < hs_view_state_count(v); s++)
        if (strcmp(hs_view_state_id(v, s), id) == 0) return (long)s;
    return -1;
}

/* The example: a hub H with allies J and K and a mutual intelligence
 * tie between J and K, written once in an undirected file and as two arcs in a
 * digraph. Both give K = 0 (the allies' one tie is bare: in no mechanism with
 * the hub), U = 2 / (2 + 5/7 + 5/7) = 7/12 (intelligence 5/7 in the codebook
 * at equal intervals) and C = 1, three ties, and the same S and closeness.
 * Before the two arcs were one tie, the digraph counted the J-K dependence
 * twice over. */
static void one_meaning_two_writings(void **st) {
    (void)st;
    hs_model *mu = model_of(HEAD("undirected") E("H", "J", "treaty") E("H", "K", "treaty") E("J", "K", "intelligence") TAIL);
    hs_model *md = model_of(HEAD("directed") E("J", "H", "treaty") E("K", "H", "treaty") E("J", "K", "intelligence")
                                E("K", "J", "intelligence") TAIL);
    hs_view *vu = view_with(mu, NULL), *vd = view_with(md, NULL);
    hs_indices iu = indices(vu), id = indices(vd);
    assert_close(iu.coordination, 0.0);
    assert_close(id.coordination, 0.0);
    assert_close(iu.unidirectionality, 7.0 / 12.0);
    assert_close(id.unidirectionality, 7.0 / 12.0);
    assert_close(iu.closedness, 1.0);
    assert_close(id.closedness, 1.0);
    assert_int_equal(hs_view_tie_count(vu), 3);
    assert_int_equal(hs_view_tie_count(vd), 3);
    /* The paired tie remembers both arcs. */
    const hs_tie *t = &hs_view_ties(vd)[2];
    assert_true(t->mutual);
    assert_int_equal(t->source, 2);
    assert_int_equal(t->source_back, 3);
    igraph_vector_t cu, cd;
    igraph_vector_init(&cu, 0);
    igraph_vector_init(&cd, 0);
    assert_int_equal(hs_state_closeness(vu, &cu), HS_OK);
    assert_int_equal(hs_state_closeness(vd, &cd), HS_OK);
    const char *ids[] = {"H", "J", "K"};
    for (int s = 0; s < 3; s++) assert_close(VECTOR(cu)[state(vu, ids[s])], VECTOR(cd)[state(vd, ids[s])]);
    igraph_vector_destroy(&cu);
    igraph_vector_destroy(&cd);
    hs_view_destroy(vu);
    hs_view_destroy(vd);
    hs_model_destroy(mu);
    hs_model_destroy(md);
}

/* Reciprocal arcs with different depths: J -> K 0.8, K -> J 0.3 (one kind) are
 * one mutual tie of weight max = 0.8 in S, whose arcs keep 0.8 and 0.3 in D:
 * U = 2 / (2 + 0.8 + 0.3). Two arcs the same way are two instruments, and an
 * arc of another kind is not paired: four ties in all. */
static void reciprocal_arcs_keep_their_weights(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD("directed") E("J", "H", "treaty") E("K", "H", "treaty")
                               EX("J", "K", "access", "<data key=\"w\">0.8</data>")
                                   EX("K", "J", "access", "<data key=\"w\">0.3</data>") TAIL);
    hs_view *v = view_with(m, NULL);
    assert_int_equal(hs_view_tie_count(v), 3);
    const hs_tie *t = &hs_view_ties(v)[2];
    assert_close(t->weight, 0.8);
    assert_close(t->arc[0], 0.8);
    assert_close(t->arc[1], 0.3);
    assert_close(indices(v).unidirectionality, 2.0 / 3.1);
    assert_close(indices(v).coordination, 0.0); /* the allies' tie is bare */
    assert_close(igraph_vector_sum(hs_view_security_weights(v)), 2.8); /* S: 1 + 1 + the larger arc 0.8 */
    hs_view_destroy(v);
    hs_model_destroy(m);

    m = model_of(HEAD("directed") E("J", "H", "treaty") E("K", "H", "treaty") E("J", "K", "access") E("J", "K", "access")
                     E("K", "J", "dialogue") TAIL);
    v = view_with(m, NULL);
    assert_int_equal(hs_view_tie_count(v), 5);
    /* D: J->K 6/7 + 6/7, K->J 1/7: U = 2 / (2 + 13/7) = 14/27 */
    assert_close(indices(v).unidirectionality, 14.0 / 27.0);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

/* `depends` in an undirected file: J depends on A through an access
 * agreement, one way (A not an ally); A -- J mutual otherwise. In a digraph,
 * depends=mutual makes one arc a mutual instrument. */
static void depends_sets_direction(void **st) {
    (void)st;
    /* H, J, K allies; J-K access depends=J: arc J->K only. U = 2 / (2 + 6/7) = 0.7. */
    hs_model *m = model_of(HEAD("undirected") E("H", "J", "treaty") E("H", "K", "treaty")
                               EX("K", "J", "access", "<data key=\"d\">J</data>") TAIL);
    hs_view *v = view_with(m, NULL);
    const hs_tie *t = &hs_view_ties(v)[2];
    assert_false(t->mutual);
    assert_string_equal(hs_view_state_id(v, t->a), "J");
    assert_close(indices(v).unidirectionality, 0.7);
    hs_view_destroy(v);
    hs_model_destroy(m);
    /* A treaty with the hub that the file says is mutual: H -> J too, so
     * reciprocity of the system digraph is 2/3 (arcs J->H, H->J, K->H). */
    m = model_of(HEAD("undirected") EX("H", "J", "treaty", "<data key=\"d\">mutual</data>") E("H", "K", "treaty") TAIL);
    v = view_with(m, NULL);
    hs_unidirectionality u;
    assert_int_equal(hs_unidirectionality_compute(v, &u), HS_OK);
    assert_close(u.reciprocity, 2.0 / 3.0);
    hs_view_destroy(v);
    hs_model_destroy(m);
    /* Digraph: J -> K depends=mutual is the same as two arcs. */
    m = model_of(HEAD("directed") E("J", "H", "treaty") E("K", "H", "treaty")
                     EX("J", "K", "intelligence", "<data key=\"d\">mutual</data>") TAIL);
    v = view_with(m, NULL);
    assert_close(indices(v).unidirectionality, 7.0 / 12.0);
    assert_close(indices(v).coordination, 0.0);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

/* Closeness stays in [0, 1]: H and A share a treaty, an access and an
 * intelligence agreement (summed depth 1 + 6/7 + 5/7 = 18/7; a path length
 * of 7/18 gave closeness above 1 before). The deepest tie sets the length:
 * 1/1. H - B by dialogue only: 1/(1/7) = 7. Closeness of H: (2/2) * 2 / (1 +
 * 7) = 1/4. */
static void closeness_in_range(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD("undirected") E("H", "A", "treaty") E("H", "A", "access") E("H", "A", "intelligence")
                               E("H", "B", "dialogue") TAIL);
    hs_view *v = view_with(m, NULL);
    igraph_vector_t c;
    igraph_vector_init(&c, 0);
    assert_int_equal(hs_state_closeness(v, &c), HS_OK);
    assert_close(VECTOR(c)[state(v, "H")], 2.0 / 8.0);
    /* A reaches H (1) and B (8): 2 / 9. */
    assert_close(VECTOR(c)[state(v, "A")], 2.0 / 9.0);
    for (long s = 0; s < 3; s++) assert_true(VECTOR(c)[s] >= 0.0 && VECTOR(c)[s] <= 1.0);
    /* Strength keeps the sum of depths. */
    assert_int_equal(hs_state_strength(v, &c), HS_OK);
    assert_close(VECTOR(c)[state(v, "H")], 19.0 / 7.0);
    /* Hops: every length 1, closeness of H = 1. */
    hs_view_destroy(v);
    hs_view_options o;
    hs_view_options_init(&o);
    o.path_weight = HS_PATH_HOPS;
    v = view_with(m, &o);
    assert_int_equal(hs_state_closeness(v, &c), HS_OK);
    assert_close(VECTOR(c)[state(v, "H")], 1.0);
    igraph_vector_destroy(&c);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

/* Amounts: ratio-scale weights (troops stationed). J depends on H with 50000
 * and 1000 (two instruments), K on H with 20000, J and K on each other with
 * 500 (mutual): U = 71000 / (71000 + 1000). Paths: the largest amount (50000)
 * has length 1; H - K 50000/20000 = 2.5. */
#define AMOUNTS                                                                                              \
    HEAD("undirected") EX("H", "J", "treaty", "<data key=\"a\">50000</data>")                               \
    EX("H", "J", "access", "<data key=\"a\">1000</data><data key=\"d\">J</data>")                            \
    EX("H", "K", "treaty", "<data key=\"a\">20000</data>") EX("J", "K", "access", "<data key=\"a\">500</data>") TAIL

static void amounts_as_weights(void **st) {
    (void)st;
    hs_model *m = model_of(AMOUNTS);
    hs_view_options o;
    hs_view_options_init(&o);
    o.weight = HS_WEIGHT_AMOUNT;
    o.path_weight = HS_PATH_AMOUNT;
    hs_view *v = view_with(m, &o);
    assert_int_equal(hs_view_weight_source(v), HS_WEIGHT_AMOUNT);
    assert_close(indices(v).unidirectionality, 71000.0 / 72000.0);
    /* K = 0 / (0 + 500): the allies' one tie is bare */
    assert_close(indices(v).coordination, 0.0);
    const igraph_t *g = hs_view_security_graph(v);
    const igraph_vector_t *len = hs_view_security_lengths(v);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        const char *x = hs_view_state_id(v, (size_t)a), *y = hs_view_state_id(v, (size_t)b);
        if (!strcmp(x, "H") && !strcmp(y, "J")) assert_close(VECTOR(*len)[e], 1.0);
        if (!strcmp(x, "H") && !strcmp(y, "K")) assert_close(VECTOR(*len)[e], 2.5);
        if (!strcmp(x, "J") && !strcmp(y, "K")) assert_close(VECTOR(*len)[e], 100.0);
    }
    hs_view_destroy(v);
    /* Depth as usual, the amounts ignored: U = (1 + 6/7 + 1) / (20/7 + 2 * 6/7) = 20/32. */
    v = view_with(m, NULL);
    assert_close(indices(v).unidirectionality, 20.0 / 32.0);
    hs_view_destroy(v);
    hs_model_destroy(m);
    /* A tie without an amount is an error naming it. */
    m = model_of(HEAD("undirected") EX("H", "J", "treaty", "<data key=\"a\">5</data>") E("H", "K", "treaty") TAIL);
    hs_view *none = NULL;
    assert_int_equal(hs_view_new(m, &o, &none), HS_EINPUT);
    assert_null(none);
    assert_string_equal(hs_error_last(), "t.graphml: edge 'H -- K' has no amount: weighing ties by amount needs one on every "
                                         "tie active in the year (docs/schema.md)");
    hs_model_destroy(m);
}

/* Co-membership is shared whatever a tie weighs (docs/metrics.md, "Membership
 * without size inflation"): a mechanism M of depth 0.6 and amount 300 with
 * members H, J, K gives each of its three ties 1/2 of a relation: depth 0.3,
 * amount 150, and a path length of 1/0.3 under depth. With the treaties H-J
 * and H-K (amount 100 each), U under amount is (100 + 150 + 100 + 150) /
 * (500 + 150 + 150) = 5/8. */
static void comembership_shared(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD("undirected") "<node id=\"M\"><data key=\"t\">mechanism</data><data key=\"k\">dialogue</data>"
                               "<data key=\"w\">0.6</data><data key=\"a\">300</data></node>\n"
                               EX("H", "J", "treaty", "<data key=\"a\">100</data>") EX("H", "K", "treaty", "<data key=\"a\">100</data>")
                               E("H", "M", "member") E("J", "M", "member") E("K", "M", "member") TAIL);
    hs_view *v = view_with(m, NULL);
    size_t shared = 0;
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        if (!t->mechanism) continue;
        shared++;
        assert_close(t->share, 0.5);
        assert_close(t->weight, 0.3);
    }
    assert_int_equal(shared, 3);
    const igraph_t *g = hs_view_security_graph(v);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        const char *x = hs_view_state_id(v, (size_t)IGRAPH_FROM(g, e)), *y = hs_view_state_id(v, (size_t)IGRAPH_TO(g, e));
        /* H-J: the treaty (length 1) is deeper than the shared 0.3; J-K: only M. */
        double want = (!strcmp(x, "J") && !strcmp(y, "K")) || (!strcmp(x, "K") && !strcmp(y, "J")) ? 1.0 / 0.3 : 1.0;
        assert_close(VECTOR(*hs_view_security_lengths(v))[e], want);
    }
    hs_view_destroy(v);
    hs_view_options o;
    hs_view_options_init(&o);
    o.weight = HS_WEIGHT_AMOUNT;
    v = view_with(m, &o);
    for (size_t i = 0; i < hs_view_tie_count(v); i++)
        if (hs_view_ties(v)[i].mechanism) assert_close(hs_view_ties(v)[i].weight, 150.0);
    assert_close(indices(v).unidirectionality, 5.0 / 8.0);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

static void refused(const char *text, const char *expected) {
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_EINPUT);
    assert_null(m);
    assert_string_equal(hs_error_last(), expected);
}

/* Bad values: one line naming the file, the line and the element. */
static void bad_values(void **st) {
    (void)st;
    refused(HEAD("undirected") EX("H", "J", "treaty", "<data key=\"a\">many</data>") TAIL,
            "t.graphml:12: edge 'H -- J': amount 'many' is not a number");
    refused(HEAD("undirected") EX("H", "J", "treaty", "<data key=\"a\">-3</data>") TAIL,
            "t.graphml:12: edge 'H -- J': amount -3 is not positive");
    refused(HEAD("undirected") EX("H", "J", "treaty", "<data key=\"d\">USA</data>") TAIL,
            "t.graphml:12: edge 'H -- J': depends 'USA' names neither end of the tie ('H', 'J') nor 'mutual'");
    refused(HEAD("directed") EX("J", "H", "treaty", "<data key=\"d\">H</data>") TAIL,
            "t.graphml:12: edge 'J -> H': depends 'H' contradicts the arc, which says that 'J' depends on 'H' "
            "(docs/schema.md)");
    refused(HEAD("undirected") "<node id=\"M\"><data key=\"t\">mechanism</data></node>\n" EX("H", "M", "member",
                                                                                             "<data key=\"d\">H</data>") TAIL,
            "t.graphml:13: edge 'H -- M': attribute 'depends' applies to ties between states, not to membership");
    refused(HEAD("undirected") "<node id=\"J\"><data key=\"sp\">1900:1950 1940:</data></node>\n" TAIL,
            "t.graphml:12: node 'J': spells: '1940:' overlaps or precedes the spell before it");
    refused(HEAD("undirected") "<node id=\"J\"><data key=\"sp\">1900-1950</data></node>\n" TAIL,
            "t.graphml:12: node 'J': spells: '1900-1950' is not SINCE:UNTIL with years in [-9999, 9999]");
    refused(HEAD("undirected") "<node id=\"J\"><data key=\"sp\">1900:1950</data><data key=\"si\">1900</data></node>\n" TAIL,
            "t.graphml:12: node 'J': a state has either spells or since/until, not both");
}

/* The state sets: X has no tie. Tied (default): 4 states; degree
 * centralization of the star H-A, H-B, H-C is (0 + 2 + 2 + 2) / (3 * 2) = 1.
 * Listed: 5 states, (0 + 2 + 2 + 2 + 3) / (4 * 3) = 0.75. */
static void state_sets(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD("undirected") N("X") E("H", "A", "treaty") E("H", "B", "treaty") E("H", "C", "treaty") TAIL);
    hs_view *v = view_with(m, NULL);
    assert_int_equal(hs_view_state_set(v), HS_STATES_TIED);
    assert_int_equal(hs_view_state_count(v), 4);
    assert_int_equal(state(v, "X"), -1);
    hs_coordination c;
    assert_int_equal(hs_coordination_compute(v, NULL, &c), HS_OK);
    assert_close(c.degree_centralization, 1.0);
    hs_view_destroy(v);
    hs_view_options o;
    hs_view_options_init(&o);
    o.state_set = HS_STATES_LISTED;
    v = view_with(m, &o);
    assert_int_equal(hs_view_state_count(v), 5);
    assert_int_equal(hs_view_state_role(v, (size_t)state(v, "X")), HS_ROLE_OTHER);
    assert_int_equal(hs_coordination_compute(v, NULL, &c), HS_OK);
    assert_close(c.degree_centralization, 0.75);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

/* Spells: J exists 1900-1944 and from 1950 (spells "1900:1945 1950:"), so the
 * treaty H - J (from 1920) does not count in 1947, and J is no state then, in
 * either state set. A GraphML round trip keeps the spells. */
static void spells(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD("undirected") "<node id=\"J\"><data key=\"sp\">1900:1945 1950:</data></node>\n" N("K")
                               EX("H", "J", "treaty", "<data key=\"si\">1920</data>") E("H", "K", "treaty") TAIL);
    for (int listed = 0; listed < 2; listed++) {
        hs_view_options o;
    hs_view_options_init(&o);
        o.state_set = listed ? HS_STATES_LISTED : HS_STATES_TIED;
        o.has_year = 1;
        o.year = 1947;
        hs_view *v = view_with(m, &o);
        assert_int_equal(state(v, "J"), -1);
        assert_int_equal(hs_view_tie_count(v), 1);
        hs_view_destroy(v);
        o.year = 1944;
        v = view_with(m, &o);
        assert_true(state(v, "J") >= 0);
        assert_int_equal(hs_view_tie_count(v), 2);
        hs_view_destroy(v);
    }
    long j = hs_model_find(m, "J");
    assert_int_equal(hs_vertex_spell_count(m, (size_t)j), 2);
    int since, until;
    hs_vertex_spell(m, (size_t)j, 1, &since, &until);
    assert_int_equal(since, 1950);
    assert_int_equal(until, HS_UNTIL_OPEN);
    char path[] = "/tmp/hs_test_weightsXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char file[64];
    snprintf(file, sizeof file, "%s.graphml", path);
    assert_int_equal(hs_model_write_file(m, file, HS_FORMAT_GRAPHML), HS_OK);
    hs_model *back = NULL;
    assert_int_equal(hs_model_read_file(file, HS_FORMAT_UNKNOWN, NULL, &back), HS_OK);
    j = hs_model_find(back, "J");
    assert_int_equal(hs_vertex_spell_count(back, (size_t)j), 2);
    hs_vertex_spell(back, (size_t)j, 0, &since, &until);
    assert_int_equal(since, 1900);
    assert_int_equal(until, 1945);
    unlink(file);
    unlink(path);
    hs_model_destroy(back);
    hs_model_destroy(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_meaning_two_writings), cmocka_unit_test(reciprocal_arcs_keep_their_weights),
        cmocka_unit_test(depends_sets_direction),   cmocka_unit_test(closeness_in_range),
        cmocka_unit_test(amounts_as_weights),
        cmocka_unit_test(comembership_shared),       cmocka_unit_test(bad_values),
        cmocka_unit_test(state_sets),               cmocka_unit_test(spells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
