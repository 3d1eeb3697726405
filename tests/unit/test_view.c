/* Unit tests of views (the system active in one year: states, roles, ties,
 * graphs) and of the codebook. Models are read from GraphML in memory; the
 * repository's DOT example is used too when the DOT helper is available. */
#define _POSIX_C_SOURCE 200809L
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

#include "hubspoke/codebook.h"
#include "hubspoke/model.h"
#include "hubspoke/view.h"

#include "graphml_fixture.h"
#include "graphml_spec.h"

/* Shorthands for bodies. */
#define NODE(id) "<node id=\"" id "\"/>\n"
#define NODE1(id, k, v) "<node id=\"" id "\"><data key=\"" k "\">" v "</data></node>\n"
#define MECH(id, kind, scope) \
    "<node id=\"" id "\"><data key=\"type\">mechanism</data><data key=\"kind\">" kind "</data>" \
    "<data key=\"scope\">" scope "</data></node>\n"
#define EDGE(a, b) "<edge source=\"" a "\" target=\"" b "\"/>\n"
#define TIE(a, b, kind) "<edge source=\"" a "\" target=\"" b "\"><data key=\"kind\">" kind "</data></edge>\n"
#define HUB(id) "<data key=\"hub\">" id "</data>\n"

/* Every model (and view) a test makes is tracked, so that a failing assertion,
 * which leaves the test function early, leaks nothing: the teardown releases
 * what is left, and valgrind reports only the library's own leaks. */
static hs_model *tracked_models[128];
static size_t ntracked_models;
static hs_model *track_model(hs_model *x) {
    if (x && ntracked_models < 128) tracked_models[ntracked_models++] = x;
    return x;
}
static void release_model(hs_model *x) {
    for (size_t i = 0; i < ntracked_models; i++) {
        if (tracked_models[i] == x) {
            tracked_models[i] = tracked_models[--ntracked_models];
            break;
        }
    }
    hs_model_destroy(x);
}
static hs_view *tracked_views[128];
static size_t ntracked_views;
static hs_view *track_view(hs_view *x) {
    if (x && ntracked_views < 128) tracked_views[ntracked_views++] = x;
    return x;
}
static void release_view(hs_view *x) {
    for (size_t i = 0; i < ntracked_views; i++) {
        if (tracked_views[i] == x) {
            tracked_views[i] = tracked_views[--ntracked_views];
            break;
        }
    }
    hs_view_destroy(x);
}
static int release_all(void **state) {
    (void)state;
    while (ntracked_views > 0) release_view(tracked_views[ntracked_views - 1]);
    while (ntracked_models > 0) release_model(tracked_models[ntracked_models - 1]);
    return 0;
}

static hs_model *gml(const char *text) {
    hs_model *m = NULL;
    hs_error err = hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "x.graphml", &m);
    if (err != HS_OK) fail_msg("unexpected refusal: %s", hs_error_last());
    return track_model(m);
}

/* A view of the model in `year` (0 = no year) with an optional --hub. These
 * tests look at every listed state, tied or not (HS_STATES_LISTED). */
static hs_view *view_of(const hs_model *m, int year, const char *hub) {
    hs_view_options o;
    hs_view_options_init(&o);
    o.state_set = HS_STATES_LISTED;
    o.has_year = year != 0;
    o.year = year;
    o.hub = hub;
    hs_view *v = NULL;
    hs_error err = hs_view_new(m, &o, &v);
    if (err != HS_OK) fail_msg("view refused: %s", hs_error_last());
    assert_non_null(v);
    return track_view(v);
}

static void view_refused(const hs_model *m, int year, const char *hub, hs_error code, const char *expected) {
    hs_view_options o;
    hs_view_options_init(&o);
    o.state_set = HS_STATES_LISTED;
    o.has_year = year != 0;
    o.year = year;
    o.hub = hub;
    hs_view *v = NULL;
    hs_error_clear();
    hs_error err = hs_view_new(m, &o, &v);
    if (err == HS_OK) {
        release_view(v);
        fail_msg("view accepted; expected: %s", expected);
    }
    assert_int_equal(err, code);
    assert_null(v);
    assert_string_equal(hs_error_last(), expected);
}

/* State index of id in the view, -1 when it is not an active state. */
static long state(const hs_view *v, const char *id) {
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        if (strcmp(hs_view_state_id(v, s), id) == 0) return (long)s;
    }
    return -1;
}

static hs_role role(const hs_view *v, const char *id) {
    long s = state(v, id);
    if (s < 0) fail_msg("'%s' is not an active state", id);
    return hs_view_state_role(v, (size_t)s);
}

static const char *hub_id(const hs_view *v) {
    long h = hs_view_hub(v);
    return h < 0 ? NULL : hs_view_state_id(v, (size_t)h);
}

/* The roles of all states as "ID:role ID:role ...", in state order. */
static void roles_string(const hs_view *v, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    for (size_t s = 0; s < hs_view_state_count(v) && n < size; s++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s:%s", s ? " " : "", hs_view_state_id(v, s),
                              hs_role_name(hs_view_state_role(v, s)));
}

static void assert_roles(const hs_view *v, const char *expected) {
    char buf[1024];
    roles_string(v, buf, sizeof buf);
    assert_string_equal(buf, expected);
}

/* The active edges as "FROM-TO ..." (model ids), in order. */
static void assert_edges(const hs_view *v, const char *expected) {
    const hs_model *m = hs_view_model(v);
    char buf[1024];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < hs_view_edge_count(v); k++) {
        size_t e = hs_view_edges(v)[k];
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s-%s", k ? " " : "", hs_vertex_id(m, hs_edge_from(m, e)),
                              hs_vertex_id(m, hs_edge_to(m, e)));
    }
    assert_string_equal(buf, expected);
}

/* The members of the active mechanism with this id as "A B C"; NULL if absent. */
static void assert_members(const hs_view *v, const char *mech, const char *expected) {
    const hs_model *m = hs_view_model(v);
    for (size_t k = 0; k < hs_view_mechanism_count(v); k++) {
        if (strcmp(hs_vertex_id(m, hs_view_mechanism_vertex(v, k)), mech) != 0) continue;
        if (!expected) fail_msg("mechanism '%s' is active", mech);
        char buf[512];
        size_t n = 0;
        buf[0] = '\0';
        const size_t *mem = hs_view_mechanism_members(v, k);
        for (size_t q = 0; q < hs_view_mechanism_member_count(v, k); q++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", q ? " " : "", hs_view_state_id(v, mem[q]));
        assert_string_equal(buf, expected);
        return;
    }
    if (expected) fail_msg("mechanism '%s' is not active", mech);
}

/* The ties as "A>B kind weight" (dependence a on b) or "A=B kind weight"
 * (mutual), with "/share" after a co-membership tie's weight and "!" after a
 * line's. */
static void tie_string(const hs_view *v, const hs_tie *t, char *buf, size_t size) {
    int n = snprintf(buf, size, "%s%c%s %s %g", hs_view_state_id(v, t->a), t->mutual ? '=' : '>',
                     hs_view_state_id(v, t->b), hs_kind_name(t->kind), t->weight);
    if (t->mechanism) n += snprintf(buf + n, size - (size_t)n, "/%g", t->share);
    else assert_true(t->share == 1.0);
    if (t->line) snprintf(buf + n, size - (size_t)n, "!");
}

static void assert_ties(const hs_view *v, const char *const *expected, size_t n) {
    char buf[256];
    if (hs_view_tie_count(v) != n) {
        for (size_t i = 0; i < hs_view_tie_count(v); i++) {
            tie_string(v, &hs_view_ties(v)[i], buf, sizeof buf);
            print_message("  tie %zu: %s\n", i, buf);
        }
        fail_msg("%zu ties, expected %zu", hs_view_tie_count(v), n);
    }
    for (size_t i = 0; i < n; i++) {
        tie_string(v, &hs_view_ties(v)[i], buf, sizeof buf);
        assert_string_equal(buf, expected[i]);
    }
}

/* Weight of the edge a-b of a view graph (state ids), NaN when absent. */
static double graph_weight(const hs_view *v, const igraph_t *g, const igraph_vector_t *w, const char *a, const char *b) {
    igraph_integer_t eid;
    long sa = state(v, a), sb = state(v, b);
    assert_true(sa >= 0 && sb >= 0);
    igraph_get_eid(g, &eid, (igraph_integer_t)sa, (igraph_integer_t)sb, igraph_is_directed(g), 0);
    return eid < 0 ? NAN : VECTOR(*w)[eid];
}

static void assert_near(double got, double want) {
    if (!(fabs(got - want) < 1e-12)) fail_msg("got %.17g, expected %.17g", got, want);
}

/* ---- slicing by year --------------------------------------------------------------------- */

static const char slicing[] =
    GU(NODE("A")
       "<node id=\"B\"><data key=\"since\">2000</data><data key=\"until\">2010</data></node>\n"
       NODE("C")
       "<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"kind\">intelligence</data>"
       "<data key=\"since\">2005</data><data key=\"until\">2008</data></node>\n"
       "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data key=\"since\">1990</data></edge>\n"
       "<edge source=\"A\" target=\"C\"><data key=\"kind\">access</data><data key=\"until\">2000</data></edge>\n"
       EDGE("A", "M")
       EDGE("B", "M")
       "<edge source=\"C\" target=\"M\"><data key=\"since\">2006</data></edge>\n");

static void test_slice_by_year(void **st) {
    (void)st;
    hs_model *m = gml(slicing);
    long vm = hs_model_find(m, "M"), vb = hs_model_find(m, "B");

    hs_view *v = view_of(m, 1995, NULL);
    assert_int_equal(hs_view_has_year(v), 1);
    assert_int_equal(hs_view_year(v), 1995);
    assert_int_equal(hs_view_state_count(v), 2); /* A, C */
    assert_int_equal(state(v, "B"), -1);
    assert_int_equal(hs_view_state_of_vertex(v, (size_t)vb), -1);
    assert_int_equal(hs_view_state_of_vertex(v, (size_t)vm), -1);
    assert_int_equal(hs_view_mechanism_count(v), 0);
    assert_edges(v, "A-C"); /* A-B: B not yet active; members: M not yet active */
    release_view(v);

    v = view_of(m, 2000, NULL);
    assert_int_equal(hs_view_state_count(v), 3);
    assert_int_equal(hs_view_state_vertex(v, (size_t)state(v, "B")), (size_t)vb);
    assert_int_equal(hs_view_state_of_vertex(v, (size_t)vb), state(v, "B"));
    assert_edges(v, "A-B"); /* A-C ended: until 2000 is the first year without it */
    assert_int_equal(hs_view_mechanism_count(v), 0);
    release_view(v);

    v = view_of(m, 2005, NULL);
    assert_int_equal(hs_view_mechanism_count(v), 1);
    assert_int_equal(hs_view_mechanism_vertex(v, 0), (size_t)vm);
    assert_members(v, "M", "A B");
    assert_edges(v, "A-B A-M B-M");
    release_view(v);

    v = view_of(m, 2007, NULL);
    assert_members(v, "M", "A B C");
    release_view(v);

    v = view_of(m, 2008, NULL);
    assert_members(v, "M", NULL);
    assert_edges(v, "A-B");
    release_view(v);

    v = view_of(m, 2010, NULL);
    assert_int_equal(state(v, "B"), -1);
    assert_edges(v, "");
    assert_int_equal(hs_view_tie_count(v), 0);
    release_view(v);

    /* No year: everything, whatever its dates. */
    v = view_of(m, 0, NULL);
    assert_int_equal(hs_view_has_year(v), 0);
    assert_int_equal(hs_view_state_count(v), 3);
    assert_members(v, "M", "A B C");
    assert_edges(v, "A-B A-C A-M B-M C-M");
    release_view(v);

    /* Leaving a mechanism out. */
    hs_view_options o;
    hs_view_options_init(&o);
    o.exclude_mechanism = vm;
    assert_int_equal(hs_view_new(m, &o, &v), HS_OK);
    track_view(v);
    assert_int_equal(hs_view_mechanism_count(v), 0);
    assert_edges(v, "A-B A-C");
    assert_int_equal(hs_view_tie_count(v), 2);
    release_view(v);
    release_model(m);
}

/* A member leaves when its state does; a member edge's own span counts too. */
static void test_members_over_time(void **st) {
    (void)st;
    hs_model *m = gml(GU("<node id=\"A\"><data key=\"until\">2020</data></node>\n" NODE("B") NODE("C")
                         MECH("M", "dialogue", "issue")
                         EDGE("A", "M") EDGE("B", "M")
                         "<edge source=\"C\" target=\"M\"><data key=\"since\">2015</data>"
                         "<data key=\"until\">2018</data></edge>\n"
                         EDGE("B", "M")));
    hs_view *v = view_of(m, 2014, NULL);
    assert_members(v, "M", "A B"); /* B twice in the file, once as a member */
    assert_int_equal(hs_view_tie_count(v), 1);
    release_view(v);
    v = view_of(m, 2016, NULL);
    assert_members(v, "M", "A B C");
    assert_int_equal(hs_view_tie_count(v), 3);
    release_view(v);
    v = view_of(m, 2020, NULL);
    assert_members(v, "M", "B");
    assert_int_equal(hs_view_tie_count(v), 0);
    release_view(v);
    release_model(m);
}

/* ---- the hub --------------------------------------------------------------------------- */

static void test_hub_sources(void **st) {
    (void)st;
    /* Graph attribute, and --hub over it. */
    hs_model *m = gml(GU(HUB("B") NODE("A") NODE("B") NODE("C") TIE("A", "C", "treaty") TIE("A", "B", "treaty")
                         TIE("C", "B", "access")));
    hs_view *v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_GRAPH);
    assert_string_equal(hs_hub_source_name(HS_HUB_GRAPH), "graph");
    assert_roles(v, "A:ally B:hub C:partner");
    release_view(v);
    v = view_of(m, 0, "C");
    assert_string_equal(hub_id(v), "C");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_OPTION);
    assert_roles(v, "A:ally B:partner C:hub");
    release_view(v);
    release_model(m);

    /* The single state with role=hub, over treaty counts. */
    m = gml(GU(NODE("A") NODE1("B", "role", "hub") NODE("C") TIE("A", "C", "treaty") TIE("A", "B", "partnership")));
    v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_ROLE);
    assert_roles(v, "A:partner B:hub C:other");
    release_view(v);
    release_model(m);

    /* Most active treaty ties. */
    m = gml(GU(NODE("A") NODE("B") NODE("C") NODE("D") TIE("A", "B", "treaty") TIE("C", "B", "treaty")
               TIE("A", "D", "access") TIE("A", "D", "access") TIE("A", "D", "access")));
    v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_TREATIES);
    assert_roles(v, "A:ally B:hub C:ally D:partner");
    release_view(v);
    release_model(m);

    /* A tie in treaty counts: the first state in file order wins, whatever the edge's order. */
    m = gml(GU(NODE("B") NODE("A") TIE("A", "B", "treaty")));
    v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_roles(v, "B:hub A:ally");
    release_view(v);
    release_model(m);
    m = gml(GU(TIE("Y", "X", "treaty") TIE("Z", "X", "treaty") TIE("Z", "Y", "treaty")));
    v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "Y"); /* all have 2; Y is the first vertex */
    release_view(v);
    release_model(m);

    /* Treaty counts per year: the hub moves with them. */
    m = gml(GU(NODE("A") NODE("B") NODE("C")
               "<edge source=\"A\" target=\"C\"><data key=\"kind\">treaty</data><data key=\"until\">2000</data></edge>\n"
               "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data key=\"until\">2000</data></edge>\n"
               "<edge source=\"C\" target=\"B\"><data key=\"kind\">treaty</data></edge>\n"));
    v = view_of(m, 1990, NULL);
    assert_string_equal(hub_id(v), "A");
    release_view(v);
    v = view_of(m, 2000, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_roles(v, "A:other B:hub C:ally");
    release_view(v);
    release_model(m);

    /* A role=hub state not active in the year does not count. */
    m = gml(GU("<node id=\"A\"><data key=\"role\">hub</data><data key=\"until\">1990</data></node>\n"
               NODE("B") NODE("C") TIE("B", "C", "treaty")));
    v = view_of(m, 1995, NULL);
    assert_string_equal(hub_id(v), "B");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_TREATIES);
    release_view(v);
    v = view_of(m, 1985, NULL);
    assert_string_equal(hub_id(v), "A");
    assert_int_equal(hs_view_hub_source(v), HS_HUB_ROLE);
    release_view(v);
    release_model(m);
}

static void test_no_hub(void **st) {
    (void)st;
    hs_model *m = gml(GU(NODE("A") NODE("B") NODE("C") TIE("A", "B", "access") TIE("B", "C", "dialogue")
                         MECH("M", "intelligence", "issue") EDGE("A", "M") EDGE("C", "M")));
    hs_view *v = view_of(m, 0, NULL);
    assert_int_equal(hs_view_hub(v), -1);
    assert_int_equal(hs_view_hub_source(v), HS_HUB_NONE);
    assert_string_equal(hs_hub_source_name(HS_HUB_NONE), "none");
    assert_roles(v, "A:other B:other C:other");
    /* Without a hub no tie is one-way. */
    for (size_t i = 0; i < hs_view_tie_count(v); i++) assert_true(hs_view_ties(v)[i].mutual);
    assert_int_equal(hs_view_tie_count(v), 3);
    release_view(v);
    release_model(m);

    /* An empty graph. */
    m = gml(GU(""));
    v = view_of(m, 2000, NULL);
    assert_int_equal(hs_view_state_count(v), 0);
    assert_int_equal(hs_view_hub(v), -1);
    assert_int_equal(hs_view_tie_count(v), 0);
    assert_int_equal(igraph_vcount(hs_view_security_graph(v)), 0);
    release_view(v);
    release_model(m);
}

static void test_hub_option_errors(void **st) {
    (void)st;
    hs_model *m = gml(GU(NODE("A") "<node id=\"B\"><data key=\"since\">2000</data></node>\n" MECH("M", "dialogue", "issue")
                         TIE("A", "B", "treaty")));
    view_refused(m, 0, "NOPE", HS_EARG, "x.graphml: hub 'NOPE' names no state");
    view_refused(m, 0, "M", HS_EARG, "x.graphml: hub 'M' names no state");
    view_refused(m, 1990, "B", HS_EARG,
                 "x.graphml: hub 'B' is not active in 1990 (it is active 2000 on): that year has no system to measure");
    hs_view *v = view_of(m, 2000, "B");
    assert_string_equal(hub_id(v), "B");
    release_view(v);
    release_model(m);
}

static void test_hub_errors(void **st) {
    (void)st;
    hs_model *m;
    hs_view *v;
    /* The graph attribute naming a state absent in the year is bad input. */
    m = gml(GU(HUB("B") NODE("A") "<node id=\"B\"><data key=\"since\">2000</data></node>\n" TIE("A", "B", "treaty")));
    view_refused(m, 1990, NULL, HS_EINPUT,
                 "x.graphml: graph attribute hub='B' is not active in 1990 (it is active 2000 on): that year has no "
                 "system to measure");
    /* --hub wins over the attribute even then. */
    v = view_of(m, 1990, "A");
    assert_string_equal(hub_id(v), "A");
    release_view(v);
    release_model(m);

    /* Two states with role=hub. */
    m = gml(GU(NODE1("A", "role", "hub") NODE("B") "<node id=\"C\"><data key=\"role\">hub</data>"
               "<data key=\"since\">2000</data></node>\n" TIE("A", "B", "treaty")));
    view_refused(m, 0, NULL, HS_EINPUT, "x.graphml: two states have role=hub: 'A' and 'C'");
    view_refused(m, 2000, NULL, HS_EINPUT, "x.graphml: two states have role=hub: 'A' and 'C'");
    v = view_of(m, 1999, NULL); /* C is not active yet */
    assert_string_equal(hub_id(v), "A");
    release_view(v);
    v = view_of(m, 2000, "B"); /* a chosen hub makes both roles stale */
    assert_string_equal(hub_id(v), "B");
    assert_roles(v, "A:ally B:hub C:other");
    release_view(v);
    release_model(m);
}

/* ---- roles ---------------------------------------------------------------------------------- */

static void test_role_inference(void **st) {
    (void)st;
    hs_model *m = gml(GU(HUB("H")
                         NODE("H") NODE("A1") NODE("A2") NODE("P1") NODE("P2") NODE("P3") NODE("P4")
                         NODE("O1") NODE("O2") NODE("O3")
                         TIE("H", "A1", "treaty")      /* ally */
                         TIE("A2", "H", "treaty")      /* ally, written the other way */
                         TIE("H", "P1", "access")      /* partner: a tie to the hub */
                         TIE("P2", "A1", "dialogue")   /* partner: a tie to an ally */
                         TIE("A2", "P4", "treaty")     /* partner: a treaty with an ally is not an alliance with the hub */
                         TIE("O1", "P1", "treaty")     /* other: tied only to a partner */
                         MECH("M1", "technology", "issue") EDGE("A2", "M1") EDGE("P3", "M1")  /* partner */
                         MECH("M2", "dialogue", "broad") EDGE("P1", "M2") EDGE("O3", "M2")));  /* other */
    hs_view *v = view_of(m, 0, NULL);
    assert_roles(v, "H:hub A1:ally A2:ally P1:partner P2:partner P3:partner P4:partner O1:other O2:other O3:other");
    release_view(v);
    release_model(m);

    /* A multilateral defence treaty with the hub makes allies of its members;
     * one without the hub does not, and other kinds never do. */
    m = gml(GU(HUB("H") NODE("H") NODE("A") NODE("B") NODE("C") NODE("D") NODE("E")
               MECH("NATO", "treaty", "broad") EDGE("H", "NATO") EDGE("A", "NATO") EDGE("B", "NATO")
               MECH("PACT", "treaty", "issue") EDGE("C", "PACT") EDGE("D", "PACT")
               MECH("TALK", "dialogue", "issue") EDGE("H", "TALK") EDGE("E", "TALK")));
    v = view_of(m, 0, NULL);
    assert_roles(v, "H:hub A:ally B:ally C:other D:other E:partner");
    release_view(v);
    release_model(m);

    /* Directed files: the treaty's direction does not matter for alliance. */
    m = gml(GD(HUB("H") TIE("A", "H", "treaty") TIE("H", "B", "treaty") TIE("P", "A", "exercise") NODE("O")));
    v = view_of(m, 0, NULL);
    assert_roles(v, "O:other A:ally H:hub B:ally P:partner");
    release_view(v);
    release_model(m);

    /* Inactive ties make no roles. */
    m = gml(GU(HUB("H") "<edge source=\"H\" target=\"A\"><data key=\"kind\">treaty</data>"
               "<data key=\"since\">2000</data></edge>\n" TIE("A", "P", "access")));
    v = view_of(m, 1999, NULL);
    assert_roles(v, "H:hub A:other P:other");
    release_view(v);
    v = view_of(m, 2000, NULL);
    assert_roles(v, "H:hub A:ally P:partner");
    release_view(v);
    release_model(m);
}

/* New Zealand: an ally until the US suspended ANZUS in 1986, then a partner
 * through its treaty with Australia. */
static const char anzus[] =
    GU(HUB("USA") NODE("USA") NODE("AUS") NODE("NZL")
       "<edge source=\"USA\" target=\"AUS\"><data key=\"kind\">treaty</data><data key=\"since\">1952</data></edge>\n"
       "<edge source=\"USA\" target=\"NZL\"><data key=\"kind\">treaty</data><data key=\"since\">1952</data>"
       "<data key=\"until\">1986</data></edge>\n"
       "<edge source=\"AUS\" target=\"NZL\"><data key=\"kind\">treaty</data><data key=\"since\">1952</data></edge>\n");

static void test_nzl_changes_role(void **st) {
    (void)st;
    hs_model *m = gml(anzus);
    hs_view *v = view_of(m, 1980, NULL);
    assert_int_equal(role(v, "NZL"), HS_ROLE_ALLY);
    release_view(v);
    v = view_of(m, 1985, NULL);
    assert_int_equal(role(v, "NZL"), HS_ROLE_ALLY);
    release_view(v);
    v = view_of(m, 1986, NULL);
    assert_int_equal(role(v, "NZL"), HS_ROLE_PARTNER);
    release_view(v);
    v = view_of(m, 1990, NULL);
    assert_roles(v, "USA:hub AUS:ally NZL:partner");
    release_view(v);
    v = view_of(m, 1950, NULL); /* before any treaty */
    assert_roles(v, "USA:hub AUS:other NZL:other");
    release_view(v);
    release_model(m);

    /* The same in the repository's example, when DOT can be read. */
    const char *src = getenv("HS_SRC"), *helper = getenv("HUBSPOKE_DOT_HELPER");
    if (!src || !helper || !helper[0]) {
        print_message("skipped: graphs/asia-pacific.gv needs HS_SRC and HUBSPOKE_DOT_HELPER\n");
        return;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/graphs/asia-pacific.gv", src);
    m = NULL;
    if (hs_model_read_file(path, HS_FORMAT_UNKNOWN, NULL, &m) != HS_OK) fail_msg("%s", hs_error_last());
    track_model(m);
    v = view_of(m, 1980, NULL);
    assert_int_equal(role(v, "NZL"), HS_ROLE_ALLY);
    assert_string_equal(hub_id(v), "USA");
    release_view(v);
    v = view_of(m, 1990, NULL);
    assert_int_equal(role(v, "NZL"), HS_ROLE_PARTNER);
    assert_int_equal(role(v, "AUS"), HS_ROLE_ALLY);
    release_view(v);
    v = view_of(m, 2023, NULL);
    assert_int_equal(role(v, "IND"), HS_ROLE_PARTNER);
    assert_int_equal(role(v, "VNM"), HS_ROLE_PARTNER);
    assert_int_equal(role(v, "GBR"), HS_ROLE_ALLY);
    assert_members(v, "Quad", "USA JPN AUS IND");
    assert_members(v, "TCOG", NULL);
    release_view(v);
    release_model(m);
}

static void test_explicit_roles(void **st) {
    (void)st;
    hs_model *m = gml(GU(HUB("H")
                         NODE("H")
                         NODE1("A", "role", "partner") /* a treaty ally the file calls a partner */
                         NODE1("B", "role", "other")   /* tied to the hub, but declared other */
                         NODE1("C", "role", "ally")    /* no treaty, declared ally */
                         NODE("D")                     /* tied to C only: a partner through the declared ally */
                         NODE1("E", "role", "partner") /* no tie at all */
                         NODE1("H2", "role", "hub")    /* stale: --hub names H */
                         TIE("H", "A", "treaty") TIE("H", "B", "access") TIE("C", "D", "dialogue")));
    hs_view *v = view_of(m, 0, "H");
    assert_roles(v, "H:hub A:partner B:other C:ally D:partner E:partner H2:other");
    release_view(v);
    release_model(m);

    m = gml(GU(HUB("H")
               NODE1("H", "role", "hub")
               NODE1("A", "role", "partner")
               NODE1("B", "role", "other")
               NODE1("C", "role", "ally")
               NODE("D")
               NODE1("E", "role", "partner")
               TIE("H", "A", "treaty") TIE("H", "B", "access") TIE("C", "D", "dialogue")));
    v = view_of(m, 0, NULL);
    assert_roles(v, "H:hub A:partner B:other C:ally D:partner E:partner");
    release_view(v);
    release_model(m);
}

/* A role=hub that is not the hub (the hub comes from --hub or the graph
 * attribute) is stale: the state's role is inferred as if it had none. */
static void test_stale_hub_role(void **st) {
    (void)st;
    hs_model *m = gml(GU(HUB("USA") NODE("USA") NODE1("GBR", "role", "hub") NODE1("CHN", "role", "hub")
                         NODE1("RUS", "role", "hub")
                         TIE("USA", "GBR", "treaty") TIE("USA", "CHN", "partnership")));
    hs_view *v = view_of(m, 0, NULL);
    assert_string_equal(hub_id(v), "USA");
    assert_int_equal(role(v, "GBR"), HS_ROLE_ALLY);
    assert_int_equal(role(v, "RUS"), HS_ROLE_OTHER);
    /* Tied to the hub by a partnership: a partner, like any state without a role. */
    assert_int_equal(role(v, "CHN"), HS_ROLE_PARTNER);
    release_view(v);
    release_model(m);
}

static void test_stale_hub_role_mechanism(void **st) {
    (void)st;
    /* The same through --hub, with a mechanism. */
    hs_model *m = gml(GU(NODE("A") NODE1("B", "role", "hub") NODE("C") TIE("A", "C", "treaty")
               MECH("M", "dialogue", "broad") EDGE("A", "M") EDGE("B", "M")));
    hs_view *v = view_of(m, 0, "A");
    assert_string_equal(hub_id(v), "A");
    assert_int_equal(role(v, "C"), HS_ROLE_ALLY);
    assert_int_equal(role(v, "B"), HS_ROLE_PARTNER);
    release_view(v);
    release_model(m);
}

/* ---- ties ------------------------------------------------------------------------------------ */

static void test_ties_undirected(void **st) {
    (void)st;
    hs_model *m = gml(GU(HUB("USA") NODE("USA") NODE("JPN") NODE("AUS") NODE("NZL") NODE("IND")
                         TIE("USA", "JPN", "treaty")
                         TIE("AUS", "USA", "treaty")
                         TIE("AUS", "NZL", "treaty")
                         TIE("USA", "IND", "partnership")
                         "<edge source=\"JPN\" target=\"AUS\"><data key=\"kind\">access</data>"
                         "<data key=\"weight\">0.55</data></edge>\n"
                         EDGE("JPN", "IND")
                         TIE("JPN", "JPN", "dialogue")));
    hs_view *v = view_of(m, 0, NULL);
    static const char *const expected[] = {
        "JPN>USA treaty 1!", /* undirected hub-ally treaty: the ally depends on the hub, a line */
        "AUS>USA treaty 1!",
        "AUS=NZL treaty 1", /* a treaty between allies is mutual */
        "USA=IND partnership 0.285714", /* rank 2 of 7 */
        "JPN=AUS access 0.55", /* the file's weight over the codebook */
        "JPN=IND unspecified 1",
    };
    assert_ties(v, expected, 6); /* the self-tie carries nothing */
    const hs_tie *t = hs_view_ties(v);
    assert_int_equal(t[0].source, 0);
    assert_int_equal(t[0].mechanism, 0);
    assert_int_equal(t[0].hub_in_mechanism, 0);
    assert_int_equal(t[5].source, 5);
    /* The self-tie is an active edge all the same. */
    assert_int_equal(hs_view_edge_count(v), 7);
    release_view(v);
    release_model(m);
}

static void test_ties_directed(void **st) {
    (void)st;
    hs_model *m = gml(GD(HUB("USA") NODE("USA") NODE("JPN") NODE("IND")
                         TIE("JPN", "USA", "treaty")
                         TIE("USA", "JPN", "access")
                         TIE("USA", "IND", "technology")
                         MECH("M", "exercise", "issue") EDGE("JPN", "M") EDGE("IND", "M") EDGE("USA", "M")));
    hs_view *v = view_of(m, 0, NULL);
    static const char *const expected[] = {
        "JPN>USA treaty 1!",
        "USA>JPN access 0.857143",
        "USA>IND technology 0.571429",
        "JPN=IND exercise 0.214286/0.5", /* co-membership is mutual, in member order: 3/7 shared by two */
        "JPN=USA exercise 0.214286/0.5",
        "IND=USA exercise 0.214286/0.5",
    };
    assert_ties(v, expected, 6);
    const hs_tie *t = hs_view_ties(v);
    assert_int_equal(t[3].mechanism, 1);
    assert_int_equal(t[3].source, hs_model_find(m, "M"));
    assert_int_equal(t[3].hub_in_mechanism, 1);
    release_view(v);
    release_model(m);
}

static void test_comembership(void **st) {
    (void)st;
    /* Four members: six ties at the codebook's depth, intelligence 5/7 x broad 0.5,
     * each member's relation shared among its three co-members. */
    hs_model *m = gml(GU(NODE("A") NODE("B") NODE("C") NODE("D") MECH("M", "intelligence", "broad")
                         EDGE("A", "M") EDGE("B", "M") EDGE("C", "M") EDGE("D", "M")));
    hs_view *v = view_of(m, 0, NULL);
    assert_near(hs_view_mechanism_weight(v, 0), 5.0 / 14.0);
    assert_members(v, "M", "A B C D");
    assert_int_equal(hs_view_tie_count(v), 6);
    static const char *const pairs[] = {"A=B", "A=C", "A=D", "B=C", "B=D", "C=D"};
    for (size_t i = 0; i < 6; i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        char buf[64];
        snprintf(buf, sizeof buf, "%s%c%s", hs_view_state_id(v, t->a), t->mutual ? '=' : '>', hs_view_state_id(v, t->b));
        assert_string_equal(buf, pairs[i]);
        assert_int_equal(t->kind, HS_KIND_INTELLIGENCE);
        assert_near(t->weight, 5.0 / 14.0 / 3.0);
        assert_near(t->share, 1.0 / 3.0);
        assert_int_equal(t->line, 0);
        assert_int_equal(t->mechanism, 1);
        assert_int_equal(t->source, hs_model_find(m, "M"));
        assert_int_equal(t->hub_in_mechanism, 0); /* no hub */
    }
    release_view(v);
    release_model(m);

    /* A member edge's weight overrides that member's depth (up or down); a pair
     * takes the smaller of its two members' depths, shared by three. */
    m = gml(GU(NODE("A") NODE("B") NODE("C") NODE("D") MECH("M", "intelligence", "broad")
               "<edge source=\"A\" target=\"M\"><data key=\"weight\">0.9</data></edge>\n"
               EDGE("B", "M")
               "<edge source=\"C\" target=\"M\"><data key=\"weight\">0.8</data></edge>\n"
               "<edge source=\"D\" target=\"M\"><data key=\"weight\">0.1</data></edge>\n"));
    v = view_of(m, 0, NULL);
    static const char *const capped[] = {
        "A=B intelligence 0.119048/0.333333", "A=C intelligence 0.266667/0.333333",
        "A=D intelligence 0.0333333/0.333333", "B=C intelligence 0.119048/0.333333",
        "B=D intelligence 0.0333333/0.333333", "C=D intelligence 0.0333333/0.333333",
    };
    assert_ties(v, capped, 6);
    release_view(v);
    release_model(m);

    /* The mechanism's own weight over the codebook; repeated membership keeps the smaller weight. */
    m = gml(GU(NODE("A") NODE("B") NODE("C")
               "<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"kind\">dialogue</data>"
               "<data key=\"weight\">0.6</data></node>\n"
               "<edge source=\"A\" target=\"M\"><data key=\"weight\">0.5</data></edge>\n"
               "<edge source=\"A\" target=\"M\"><data key=\"weight\">0.3</data></edge>\n"
               EDGE("B", "M") EDGE("C", "M")));
    v = view_of(m, 0, NULL);
    assert_near(hs_view_mechanism_weight(v, 0), 0.6);
    static const char *const own[] = {"A=B dialogue 0.15/0.5", "A=C dialogue 0.15/0.5", "B=C dialogue 0.3/0.5"};
    assert_ties(v, own, 3);
    release_view(v);
    release_model(m);

    /* No kind, no scope: untyped depth 1 x issue factor 1; two members share
     * nothing: a bilateral tie. */
    m = gml(GU("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n" EDGE("A", "M") EDGE("B", "M")));
    v = view_of(m, 0, NULL);
    static const char *const bare[] = {"A=B unspecified 1/1"};
    assert_ties(v, bare, 1);
    release_view(v);
    release_model(m);
}

/* A multilateral defence treaty with the hub is a treaty with the hub for each
 * ally: its hub-ally ties are lines (one way, ally -> hub), its ally-ally ties
 * mutual, each a third of a relation among four members; a treaty mechanism
 * without the hub makes no lines. The same in a digraph: membership has no
 * direction of its own. */
static void test_treaty_mechanism_lines(void **st) {
    (void)st;
    static const char *const nato[] = {
        "A>H treaty 0.333333/0.333333!", "B>H treaty 0.333333/0.333333!", "C>H treaty 0.333333/0.333333!",
        "A=B treaty 0.333333/0.333333",  "A=C treaty 0.333333/0.333333",  "B=C treaty 0.333333/0.333333",
        "A=B treaty 0.5/0.5",            "A=P treaty 0.5/0.5",            "B=P treaty 0.5/0.5",
    };
#define NATO_BODY                                                                                            \
    HUB("H") NODE("H") NODE("A") NODE("B") NODE("C") NODE("P") MECH("N", "treaty", "issue") EDGE("H", "N")       \
    EDGE("A", "N") EDGE("B", "N") EDGE("C", "N") MECH("W", "treaty", "issue") EDGE("A", "W") EDGE("B", "W")     \
    EDGE("P", "W")
    const char *const texts[2] = {GU(NATO_BODY), GD(NATO_BODY)};
#undef NATO_BODY
    for (int directed = 0; directed < 2; directed++) {
        hs_model *m = gml(texts[directed]);
        hs_view *v = view_of(m, 0, NULL);
        assert_roles(v, "H:hub A:ally B:ally C:ally P:partner");
        assert_ties(v, nato, 9);
        release_view(v);
        release_model(m);
    }
}

static void test_security_and_dependence_graphs(void **st) {
    (void)st;
    hs_model *m = gml(GU(HUB("H") NODE("H") NODE("A") NODE("B") NODE("P")
                         TIE("H", "A", "treaty") TIE("B", "H", "treaty") TIE("A", "B", "access") TIE("A", "B", "exercise")
                         TIE("P", "A", "dialogue")
                         MECH("M", "dialogue", "broad") EDGE("H", "M") EDGE("A", "M") EDGE("B", "M")));
    hs_view *v = view_of(m, 0, NULL);
    const igraph_t *sg = hs_view_security_graph(v);
    const igraph_vector_t *sw = hs_view_security_weights(v);
    assert_false(igraph_is_directed(sg));
    assert_int_equal(igraph_vcount(sg), 4);
    assert_int_equal(igraph_ecount(sg), 4); /* H-A, H-B, A-B, A-P: parallel ties collapsed */
    assert_int_equal(igraph_vector_size(sw), 4);
    /* M: a broad dialogue, 1/7 x 0.5 = 1/14, shared by two co-members: 1/28 a pair. */
    assert_near(graph_weight(v, sg, sw, "H", "A"), 1.0 + 1.0 / 28);
    assert_near(graph_weight(v, sg, sw, "A", "H"), 1.0 + 1.0 / 28);
    assert_near(graph_weight(v, sg, sw, "H", "B"), 1.0 + 1.0 / 28);
    assert_near(graph_weight(v, sg, sw, "A", "B"), 6.0 / 7 + 3.0 / 7 + 1.0 / 28);
    assert_near(graph_weight(v, sg, sw, "A", "P"), 1.0 / 7);
    assert_true(isnan(graph_weight(v, sg, sw, "H", "P")));

    igraph_t dgraph;
    igraph_vector_t dweights;
    assert_int_equal(hs_view_dependence_graph(v, NULL, &dgraph, &dweights), HS_OK);
    const igraph_t *dg = &dgraph;
    const igraph_vector_t *dw = &dweights;
    assert_true(igraph_is_directed(dg));
    assert_int_equal(igraph_vcount(dg), 4);
    assert_near(graph_weight(v, dg, dw, "A", "H"), 1.0 + 1.0 / 28); /* treaty one way, mechanism both */
    assert_near(graph_weight(v, dg, dw, "H", "A"), 1.0 / 28);
    assert_near(graph_weight(v, dg, dw, "B", "H"), 1.0 + 1.0 / 28);
    assert_near(graph_weight(v, dg, dw, "H", "B"), 1.0 / 28);
    assert_near(graph_weight(v, dg, dw, "A", "B"), 9.0 / 7 + 1.0 / 28);
    assert_near(graph_weight(v, dg, dw, "B", "A"), 9.0 / 7 + 1.0 / 28);
    assert_near(graph_weight(v, dg, dw, "P", "A"), 1.0 / 7);
    assert_near(graph_weight(v, dg, dw, "A", "P"), 1.0 / 7);
    assert_int_equal(igraph_ecount(dg), 8);
    for (size_t i = 0; i < hs_view_tie_count(v); i++) {
        const hs_tie *t = &hs_view_ties(v)[i];
        if (t->mechanism) assert_int_equal(t->hub_in_mechanism, 1);
    }
    igraph_destroy(&dgraph);
    igraph_vector_destroy(&dweights);
    release_view(v);
    release_model(m);
}

/* ---- the codebook ------------------------------------------------------------------------------ */

static char tmpdir[64];

static const char *write_tmp(const char *name, const char *content) {
    static char path[160];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
    return path;
}

static int setup_tmp(void **st) {
    (void)st;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/hs-test-view-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_tmp(void **st) {
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_codebook_defaults(void **st) {
    (void)st;
    hs_codebook *cb = NULL;
    assert_int_equal(hs_codebook_new(&cb), HS_OK);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_TREATY) == 1.0);
    /* The ladder at equal intervals, rank k of 7 at k/7 (docs/codebook.md). */
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_ACCESS), 6.0 / 7);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_INTELLIGENCE), 5.0 / 7);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_TECHNOLOGY), 4.0 / 7);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_EXERCISE), 3.0 / 7);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_PARTNERSHIP), 2.0 / 7);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_DIALOGUE), 1.0 / 7);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_UNSET) == 1.0);
    assert_true(hs_codebook_scope_factor(cb, HS_SCOPE_ISSUE) == 1.0);
    assert_true(hs_codebook_scope_factor(cb, HS_SCOPE_BROAD) == 0.5);
    assert_true(hs_codebook_scope_factor(cb, HS_SCOPE_UNSET) == 1.0);
    assert_near(hs_codebook_mechanism_weight(cb, HS_KIND_DIALOGUE, HS_SCOPE_BROAD), 1.0 / 14);
    assert_near(hs_codebook_mechanism_weight(cb, HS_KIND_TECHNOLOGY, HS_SCOPE_ISSUE), 4.0 / 7);
    assert_near(hs_codebook_mechanism_weight(cb, HS_KIND_UNSET, HS_SCOPE_UNSET), 1.0);
    hs_codebook_destroy(cb);
}

static void test_codebook_file(void **st) {
    (void)st;
    const char *path = write_tmp("cb.json", "{\n  \"comment\": \"a lighter reading of treaties\",\n"
                                            "  \"ties\": {\"treaty\": 0.9, \"dialogue\": 0.5, \"unspecified\": 0.25},\n"
                                            "  \"scopes\": {\"broad\": 0.2}\n}\n");
    hs_codebook *cb = NULL;
    if (hs_codebook_read_file(path, &cb) != HS_OK) fail_msg("%s", hs_error_last());
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_TREATY) == 0.9);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_DIALOGUE) == 0.5);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_UNSET) == 0.25);
    assert_near(hs_codebook_tie_weight(cb, HS_KIND_ACCESS), 6.0 / 7); /* untouched */
    assert_true(hs_codebook_scope_factor(cb, HS_SCOPE_BROAD) == 0.2);
    assert_true(hs_codebook_scope_factor(cb, HS_SCOPE_ISSUE) == 1.0);
    assert_near(hs_codebook_mechanism_weight(cb, HS_KIND_DIALOGUE, HS_SCOPE_BROAD), 0.1);

    /* A view weighs its ties with it. */
    hs_model *m = gml(GU(TIE("A", "B", "treaty") TIE("B", "C", "access") EDGE("C", "D")
                         MECH("M", "dialogue", "broad") EDGE("A", "M") EDGE("C", "M")));
    hs_view_options o;
    hs_view_options_init(&o);
    o.codebook = cb;
    hs_view *v = NULL;
    assert_int_equal(hs_view_new(m, &o, &v), HS_OK);
    track_view(v);
    static const char *const expected[] = {"B>A treaty 0.9!", "B=C access 0.857143", "C=D unspecified 0.25",
                                           "A=C dialogue 0.1/1"};
    assert_ties(v, expected, 4);
    release_view(v);
    release_model(m);
    hs_codebook_destroy(cb);

    /* An empty object is the built-in codebook. */
    path = write_tmp("empty.json", "{}");
    assert_int_equal(hs_codebook_read_file(path, &cb), HS_OK);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_TREATY) == 1.0);
    hs_codebook_destroy(cb);
}

static void codebook_refused(const char *content, const char *expected_reason) {
    const char *path = write_tmp("bad.json", content);
    char expected[512];
    snprintf(expected, sizeof expected, "%s%s", path, expected_reason);
    hs_codebook *cb = NULL;
    hs_error_clear();
    hs_error err = hs_codebook_read_file(path, &cb);
    if (err == HS_OK) {
        hs_codebook_destroy(cb);
        fail_msg("codebook accepted: %s", content);
    }
    assert_int_equal(err, HS_EINPUT);
    assert_null(cb);
    assert_string_equal(hs_error_last(), expected);
}

static void test_codebook_refusals(void **st) {
    (void)st;
    codebook_refused("{\"ties\": {\"alliance\": 0.5}}",
                     ": ties.alliance: unknown kind (expected treaty, access, intelligence, technology, exercise, "
                     "partnership, dialogue or unspecified)");
    codebook_refused("{\"ties\": {\"member\": 0.5}}",
                     ": ties.member: unknown kind (expected treaty, access, intelligence, technology, exercise, "
                     "partnership, dialogue or unspecified)");
    codebook_refused("{\"ties\": {\"treaty\": 0}}", ": ties.treaty: 0 is out of range (0, 1]");
    codebook_refused("{\"ties\": {\"treaty\": 2}}", ": ties.treaty: 2 is out of range (0, 1]");
    codebook_refused("{\"ties\": {\"access\": -0.5}}", ": ties.access: -0.5 is out of range (0, 1]");
    codebook_refused("{\"ties\": {\"access\": \"0.5\"}}", ": ties.access: expected a number in (0, 1]");
    codebook_refused("{\"scopes\": {\"wide\": 0.5}}", ": scopes.wide: unknown scope (expected issue or broad)");
    codebook_refused("{\"scopes\": {\"broad\": 0.0}}", ": scopes.broad: 0 is out of range (0, 1]");
    codebook_refused("{\"scopes\": {\"issue\": 1.5}}", ": scopes.issue: 1.5 is out of range (0, 1]");
    codebook_refused("not json", ":1: '[' or '{' expected near 'not'");
    codebook_refused("{\"ties\": {\"treaty\": 0.5,}}", ":1: string or '}' expected near '}'");
    codebook_refused("[0.5]", ": a codebook is a JSON object with \"ties\" and \"scopes\"");
    codebook_refused("{\"tie\": {}}", ": unknown key 'tie' (expected ties, scopes or comment)");
    codebook_refused("{\"ties\": [1]}", ": 'ties' must be an object");
    codebook_refused("{\"scopes\": 0.5}", ": 'scopes' must be an object");
    /* A value just above 1 is named as written, not rounded to "1". */
    codebook_refused("{\"ties\": {\"treaty\": 1.0000001}}", ": ties.treaty: 1.0000001 is out of range (0, 1]");
}

/* ---- what-if edits ---------------------------------------------------------------- */

#define EDIT_MODEL                                                                                          \
    GU(HUB("H") NODE("H") NODE("A") NODE("B") NODE("P") NODE1("X", "since", "2050")                          \
           MECH("M", "intelligence", "issue") TIE("H", "A", "treaty") TIE("H", "B", "treaty")                \
               TIE("A", "B", "intelligence") TIE("B", "A", "partnership") TIE("H", "P", "partnership")      \
                   EDGE("H", "M") EDGE("A", "M") EDGE("B", "M"))

static hs_view *edited(const hs_model *m, const hs_view_edit *edits, size_t n) {
    hs_view_options o;
    hs_view_options_init(&o);
    o.has_year = 1;
    o.year = 2020;
    o.edits = edits;
    o.edit_count = n;
    hs_view *v = NULL;
    hs_error err = hs_view_new(m, &o, &v);
    if (err != HS_OK) fail_msg("view refused: %s", hs_error_last());
    return track_view(v);
}

static void edit_refused(const hs_model *m, hs_view_edit edit, const char *expected) {
    hs_view_options o;
    hs_view_options_init(&o);
    o.has_year = 1;
    o.year = 2020;
    o.edits = &edit;
    o.edit_count = 1;
    hs_view *v = NULL;
    hs_error_clear();
    hs_error err = hs_view_new(m, &o, &v);
    if (err == HS_OK) {
        release_view(v);
        fail_msg("edit accepted; expected: %s", expected);
    }
    assert_int_equal(err, HS_EARG);
    assert_string_equal(hs_error_last(), expected);
}

static void test_edits(void **st) {
    (void)st;
    hs_model *m = gml(EDIT_MODEL);
    /* Unedited: two treaties (ally -> hub), the two A-B edges, H-P, and M's three
     * co-membership ties at 5/7 shared by two. */
    static const char *const plain[] = {"A>H treaty 1!", "B>H treaty 1!", "A=B intelligence 0.714286",
                                        "B=A partnership 0.285714", "H=P partnership 0.285714",
                                        "H=A intelligence 0.357143/0.5", "H=B intelligence 0.357143/0.5",
                                        "A=B intelligence 0.357143/0.5"};
    hs_view *v = edited(m, NULL, 0);
    assert_ties(v, plain, 8);
    assert_roles(v, "H:hub A:ally B:ally P:partner");

    /* Dropping the tie A-B drops both edges, whatever their direction and kind; the co-membership stays. */
    hs_view_edit drop_tie = {HS_EDIT_DROP_TIE, "B", "A", HS_KIND_UNSET, HS_SCOPE_UNSET};
    static const char *const no_ab[] = {"A>H treaty 1!", "B>H treaty 1!", "H=P partnership 0.285714",
                                        "H=A intelligence 0.357143/0.5", "H=B intelligence 0.357143/0.5",
                                        "A=B intelligence 0.357143/0.5"};
    assert_ties(edited(m, &drop_tie, 1), no_ab, 6);

    /* A tie to a mechanism is a membership: dropping it takes the state out of the mechanism only. */
    hs_view_edit leave = {HS_EDIT_DROP_TIE, "H", "M", HS_KIND_UNSET, HS_SCOPE_UNSET};
    v = edited(m, &leave, 1);
    assert_members(v, "M", "A B");
    assert_roles(v, "H:hub A:ally B:ally P:partner");
    /* Two members left: their co-membership is a whole relation. */
    static const char *const left[] = {"A>H treaty 1!", "B>H treaty 1!", "A=B intelligence 0.714286",
                                       "B=A partnership 0.285714", "H=P partnership 0.285714",
                                       "A=B intelligence 0.714286/1"};
    assert_ties(v, left, 6);

    /* Dropping a state takes its edges and memberships along. */
    hs_view_edit drop_b = {HS_EDIT_DROP_STATE, "B", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET};
    v = edited(m, &drop_b, 1);
    assert_roles(v, "H:hub A:ally P:partner");
    assert_members(v, "M", "H A");
    static const char *const no_b[] = {"A>H treaty 1!", "H=P partnership 0.285714", "H=A intelligence 0.714286/1"};
    assert_ties(v, no_b, 3);

    /* Dropping the mechanism leaves the bilateral ties alone. */
    hs_view_edit drop_m = {HS_EDIT_DROP_MECHANISM, "M", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET};
    v = edited(m, &drop_m, 1);
    assert_int_equal(hs_view_mechanism_count(v), 0);
    assert_ties(v, plain, 5);

    /* An added treaty with the hub makes P an ally; its depth is the codebook's. */
    hs_view_edit add_tie = {HS_EDIT_ADD_TIE, "P", "H", HS_KIND_TREATY, HS_SCOPE_UNSET};
    v = edited(m, &add_tie, 1);
    assert_roles(v, "H:hub A:ally B:ally P:ally");
    assert_int_equal(hs_view_tie_count(v), 9);
    char buf[64];
    tie_string(v, &hs_view_ties(v)[5], buf, sizeof buf);
    assert_string_equal(buf, "P>H treaty 1!");
    assert_int_equal(hs_view_ties(v)[5].source, (long)hs_model_edge_count(m));
    assert_int_equal(hs_view_edge_kind(v, (size_t)hs_view_ties(v)[5].source), HS_KIND_TREATY);

    /* A new member is tied to every member at the mechanism's depth. */
    hs_view_edit add_member = {HS_EDIT_ADD_MEMBER, "P", "M", HS_KIND_UNSET, HS_SCOPE_UNSET};
    v = edited(m, &add_member, 1);
    assert_members(v, "M", "H A B P");
    assert_int_equal(hs_view_tie_count(v), 5 + 6);

    /* Edits apply in order: a tie an earlier edit added can be dropped again. */
    hs_view_edit add_then_drop[] = {{HS_EDIT_ADD_TIE, "A", "P", HS_KIND_DIALOGUE, HS_SCOPE_UNSET},
                                    {HS_EDIT_DROP_TIE, "P", "A", HS_KIND_UNSET, HS_SCOPE_UNSET}};
    assert_ties(edited(m, add_then_drop, 2), plain, 8);

    /* Dropping the hub the file names: the hub is inferred again (no treaties left, so none). */
    hs_view_edit drop_h = {HS_EDIT_DROP_STATE, "H", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET};
    v = edited(m, &drop_h, 1);
    assert_int_equal(hs_view_hub(v), -1);

    /* The model is not changed by any of it. */
    assert_ties(edited(m, NULL, 0), plain, 8);

    edit_refused(m, (hs_view_edit){HS_EDIT_DROP_TIE, "A", "Z", HS_KIND_UNSET, HS_SCOPE_UNSET}, "x.graphml: edit 1 (drop tie): 'Z' names no state or mechanism");
    edit_refused(m, (hs_view_edit){HS_EDIT_DROP_TIE, "M", "A", HS_KIND_UNSET, HS_SCOPE_UNSET}, "x.graphml: edit 1 (drop tie): 'M' names no state");
    edit_refused(m, (hs_view_edit){HS_EDIT_DROP_TIE, "A", "P", HS_KIND_UNSET, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (drop tie): no active tie between 'A' and 'P' in that year");
    edit_refused(m, (hs_view_edit){HS_EDIT_DROP_STATE, "M", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (drop state): 'M' names no state");
    edit_refused(m, (hs_view_edit){HS_EDIT_DROP_MECHANISM, "A", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (drop mechanism): 'A' names no mechanism");
    edit_refused(m, (hs_view_edit){HS_EDIT_ADD_TIE, "A", "X", HS_KIND_TREATY, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (add tie): state 'X' is not active in 2020");
    edit_refused(m, (hs_view_edit){HS_EDIT_ADD_TIE, "A", "A", HS_KIND_TREATY, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (add tie): a tie needs two states, not 'A' twice");
    edit_refused(m, (hs_view_edit){HS_EDIT_ADD_TIE, "A", "P", HS_KIND_MEMBER, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (add tie): the kind of a tie must be one of docs/codebook.md's seven kinds");
    edit_refused(m, (hs_view_edit){HS_EDIT_ADD_MEMBER, "A", "M", HS_KIND_UNSET, HS_SCOPE_UNSET},
                 "x.graphml: edit 1 (add member): 'A' is already a member of 'M'");
    hs_view_edit twice[] = {{HS_EDIT_DROP_STATE, "P", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET}, {HS_EDIT_DROP_STATE, "P", NULL, HS_KIND_UNSET, HS_SCOPE_UNSET}};
    hs_view_options o;
    hs_view_options_init(&o);
    o.edits = twice;
    o.edit_count = 2;
    hs_view *w = NULL;
    assert_int_equal(hs_view_new(m, &o, &w), HS_EARG);
    assert_string_equal(hs_error_last(), "x.graphml: edit 2 (drop state): state 'P' is already dropped");
}

/* A subsystem: only the focused states, and only the mechanisms whose active
 * members are all among them; a focus naming no state is a usage error. */
static void test_focus(void **st) {
    (void)st;
    char *text = graphml("H A treaty\nH B treaty\nH P partnership\nA B intelligence\n"
                         "@N dialogue issue H A B\n@M dialogue broad H A P\n");
    hs_model *m = gml(text);
    free(text);
    static const char *const ids[] = {"H", "A", "B"};
    hs_view_options o;
    hs_view_options_init(&o);
    o.focus = ids;
    o.focus_count = 3;
    hs_view *v = NULL;
    assert_int_equal(hs_view_new(m, &o, &v), HS_OK);
    track_view(v);
    assert_int_equal(hs_view_state_count(v), 3);
    assert_true(state(v, "P") < 0);
    assert_int_equal(hs_view_mechanism_count(v), 1); /* N; M has P outside the focus */
    assert_members(v, "N", "H A B");
    assert_members(v, "M", NULL);
    /* H-A, H-B, A-B bilateral plus N's three co-membership ties */
    assert_int_equal(hs_view_tie_count(v), 6);
    assert_string_equal(hub_id(v), "H");
    release_view(v);
    static const char *const bad[] = {"H", "N"};
    o.focus = bad;
    o.focus_count = 2;
    v = NULL;
    assert_int_equal(hs_view_new(m, &o, &v), HS_EARG);
    assert_null(v);
    assert_string_equal(hs_error_last(), "x.graphml: focus 'N' names no state");
    release_model(m);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_slice_by_year, release_all),
        cmocka_unit_test_teardown(test_members_over_time, release_all),
        cmocka_unit_test_teardown(test_hub_sources, release_all),
        cmocka_unit_test_teardown(test_no_hub, release_all),
        cmocka_unit_test_teardown(test_hub_option_errors, release_all),
        cmocka_unit_test_teardown(test_hub_errors, release_all),
        cmocka_unit_test_teardown(test_role_inference, release_all),
        cmocka_unit_test_teardown(test_nzl_changes_role, release_all),
        cmocka_unit_test_teardown(test_explicit_roles, release_all),
        cmocka_unit_test_teardown(test_stale_hub_role, release_all),
        cmocka_unit_test_teardown(test_stale_hub_role_mechanism, release_all),
        cmocka_unit_test_teardown(test_ties_undirected, release_all),
        cmocka_unit_test_teardown(test_ties_directed, release_all),
        cmocka_unit_test_teardown(test_comembership, release_all),
        cmocka_unit_test_teardown(test_treaty_mechanism_lines, release_all),
        cmocka_unit_test_teardown(test_security_and_dependence_graphs, release_all),
        cmocka_unit_test_teardown(test_codebook_defaults, release_all),
        cmocka_unit_test_teardown(test_codebook_file, release_all),
        cmocka_unit_test_teardown(test_codebook_refusals, release_all),
        cmocka_unit_test_teardown(test_edits, release_all),
        cmocka_unit_test_teardown(test_focus, release_all),
    };
    return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
