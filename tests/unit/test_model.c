/* Unit tests of the model: GraphML and DOT readers, the schema attributes and
 * their accessors, attributes the schema does not know (kept and written back),
 * and every refusal with its exact message (docs/schema.md).
 *
 * GraphML is read from memory; DOT needs the hubspoke-dot helper, which ctest
 * names in HUBSPOKE_DOT_HELPER: the DOT cases skip when it is unset. */
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

#include "hubspoke/model.h"
#include "io/io_internal.h"
#include "model/model_internal.h"

/* ---- fixtures ------------------------------------------------------------------ */
#include "graphml_fixture.h"

/* Expected messages share these tails. */
#define EDGE_KINDS "(expected treaty, access, intelligence, technology, exercise, partnership, dialogue or member)"
#define MECH_KINDS "(expected treaty, access, intelligence, technology, exercise, partnership or dialogue)"

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
static int release_all(void **state) {
    (void)state;
    while (ntracked_models > 0) release_model(tracked_models[ntracked_models - 1]);
    return 0;
}

static hs_model *gml(const char *text) {
    hs_model *m = NULL;
    hs_error err = hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "x.graphml", &m);
    if (err != HS_OK) fail_msg("unexpected refusal: %s", hs_error_last());
    assert_non_null(m);
    return track_model(m);
}

/* The read fails with HS_EINPUT, this exact message, and no model. */
static void gml_refused_len(const char *text, size_t len, const char *expected) {
    hs_model *m = NULL;
    hs_error_clear();
    hs_error err = hs_model_read_memory(text, len, HS_FORMAT_GRAPHML, "x.graphml", &m);
    if (err == HS_OK) {
        release_model(m);
        fail_msg("accepted; expected refusal: %s", expected);
    }
    assert_int_equal(err, HS_EINPUT);
    assert_null(m);
    assert_string_equal(hs_error_last(), expected);
}
static void gml_refused(const char *text, const char *expected) { gml_refused_len(text, strlen(text), expected); }

static int dot_helper_available(void) {
    const char *h = getenv("HUBSPOKE_DOT_HELPER");
    if (h && h[0] && access(h, X_OK) == 0) return 1;
    print_message("skipped: HUBSPOKE_DOT_HELPER is unset or not executable; DOT cases need the helper\n");
    return 0;
}

static hs_model *dot(const char *text) {
    hs_model *m = NULL;
    hs_error err = hs_model_read_memory(text, strlen(text), HS_FORMAT_DOT, "x.gv", &m);
    if (err != HS_OK) fail_msg("unexpected refusal: %s", hs_error_last());
    assert_non_null(m);
    return track_model(m);
}

static void dot_refused(const char *text, const char *expected) {
    hs_model *m = NULL;
    hs_error_clear();
    hs_error err = hs_model_read_memory(text, strlen(text), HS_FORMAT_DOT, "x.gv", &m);
    if (err == HS_OK) {
        release_model(m);
        fail_msg("accepted; expected refusal: %s", expected);
    }
    assert_int_equal(err, HS_EINPUT);
    assert_null(m);
    assert_string_equal(hs_error_last(), expected);
}

static long find(const hs_model *m, const char *id) {
    long i = hs_model_find(m, id);
    if (i < 0) fail_msg("no vertex '%s'", id);
    return i;
}

/* Index of the edge from -> to (ids), -1 if none. */
static long find_edge(const hs_model *m, const char *from, const char *to) {
    for (size_t i = 0; i < hs_model_edge_count(m); i++) {
        if (strcmp(hs_vertex_id(m, hs_edge_from(m, i)), from) == 0 && strcmp(hs_vertex_id(m, hs_edge_to(m, i)), to) == 0)
            return (long)i;
    }
    return -1;
}

/* The value of extra attribute `name` of an element, NULL if absent. */
static const char *extra(const hs_model *m, hs_domain d, size_t i, const char *name) {
    const hs_extras *x = d == HS_DOMAIN_NODE ? &m->v[i].extras : d == HS_DOMAIN_EDGE ? &m->e[i].extras : &m->graph_extras;
    for (int k = 0; k < x->count; k++) {
        if (strcmp(m->extra_keys[d][x->items[k].key].name, name) == 0) return x->items[k].value;
    }
    return NULL;
}

static void assert_str_or_null(const char *got, const char *want) {
    if (!want) {
        if (got) fail_msg("expected NULL, got '%s'", got);
        return;
    }
    if (!got) fail_msg("expected '%s', got NULL", want);
    assert_string_equal(got, want);
}

static void assert_weight(double got, double want) {
    if (isnan(want)) {
        if (!isnan(got)) fail_msg("expected no weight (NaN), got %g", got);
    } else {
        assert_true(got == want);
    }
}

static void assert_extras_equal(const hs_model *a, const hs_model *b, hs_domain d, size_t ia, size_t ib) {
    const hs_extras *xa = d == HS_DOMAIN_NODE ? &a->v[ia].extras : d == HS_DOMAIN_EDGE ? &a->e[ia].extras : &a->graph_extras;
    const hs_extras *xb = d == HS_DOMAIN_NODE ? &b->v[ib].extras : d == HS_DOMAIN_EDGE ? &b->e[ib].extras : &b->graph_extras;
    assert_int_equal(xa->count, xb->count);
    for (int k = 0; k < xa->count; k++) {
        const char *name = a->extra_keys[d][xa->items[k].key].name;
        const char *vb = extra(b, d, ib, name);
        if (!vb) fail_msg("extra attribute '%s' lost", name);
        assert_string_equal(xa->items[k].value, vb);
    }
}

/* Same graph: attributes, vertices (matched by id), edges (in order), extras. */
static void assert_models_equal(const hs_model *a, const hs_model *b, int with_extras) {
    assert_int_equal(hs_model_directed(a), hs_model_directed(b));
    assert_str_or_null(hs_model_hub(a), hs_model_hub(b));
    assert_str_or_null(hs_model_period(a), hs_model_period(b));
    assert_int_equal(hs_model_vertex_count(a), hs_model_vertex_count(b));
    assert_int_equal(hs_model_edge_count(a), hs_model_edge_count(b));
    if (with_extras) assert_extras_equal(a, b, HS_DOMAIN_GRAPH, 0, 0);
    for (size_t i = 0; i < hs_model_vertex_count(a); i++) {
        long j = hs_model_find(b, hs_vertex_id(a, i));
        if (j < 0) fail_msg("vertex '%s' missing", hs_vertex_id(a, i));
        size_t k = (size_t)j;
        assert_str_or_null(hs_vertex_label(b, k), hs_vertex_label(a, i));
        assert_int_equal(hs_vertex_type_of(b, k), hs_vertex_type_of(a, i));
        assert_int_equal(hs_vertex_role(b, k), hs_vertex_role(a, i));
        assert_int_equal(hs_vertex_since(b, k), hs_vertex_since(a, i));
        assert_int_equal(hs_vertex_until(b, k), hs_vertex_until(a, i));
        assert_int_equal(hs_vertex_kind(b, k), hs_vertex_kind(a, i));
        assert_int_equal(hs_vertex_scope(b, k), hs_vertex_scope(a, i));
        assert_str_or_null(hs_vertex_issue(b, k), hs_vertex_issue(a, i));
        assert_weight(hs_vertex_weight(b, k), hs_vertex_weight(a, i));
        if (with_extras) assert_extras_equal(a, b, HS_DOMAIN_NODE, i, k);
    }
    for (size_t i = 0; i < hs_model_edge_count(a); i++) {
        assert_string_equal(hs_vertex_id(b, hs_edge_from(b, i)), hs_vertex_id(a, hs_edge_from(a, i)));
        assert_string_equal(hs_vertex_id(b, hs_edge_to(b, i)), hs_vertex_id(a, hs_edge_to(a, i)));
        assert_int_equal(hs_edge_kind(b, i), hs_edge_kind(a, i));
        assert_weight(hs_edge_weight(b, i), hs_edge_weight(a, i));
        assert_int_equal(hs_edge_since(b, i), hs_edge_since(a, i));
        assert_int_equal(hs_edge_until(b, i), hs_edge_until(a, i));
        assert_str_or_null(hs_edge_source(b, i), hs_edge_source(a, i));
        assert_str_or_null(hs_edge_label(b, i), hs_edge_label(a, i));
        if (with_extras) assert_extras_equal(a, b, HS_DOMAIN_EDGE, i, i);
    }
}

/* A fresh temporary directory per test that needs files. */
static char tmpdir[64];
static void make_tmpdir(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/hs-test-model-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
}
static void remove_tmpdir(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    assert_int_equal(system(cmd), 0);
}

/* Write the model to DIR/name, read it back, compare, return the reread model. */
static hs_model *round_trip(const hs_model *m, const char *name, int with_extras) {
    char path[160];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    hs_error err = hs_model_write_file(m, path, HS_FORMAT_UNKNOWN);
    if (err) fail_msg("write %s: %s", path, hs_error_last());
    hs_model *back = NULL;
    err = hs_model_read_file(path, HS_FORMAT_UNKNOWN, NULL, &back);
    if (err) fail_msg("reread %s: %s", path, hs_error_last());
    track_model(back);
    assert_models_equal(m, back, with_extras);
    return back;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    assert_non_null(buf);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* ---- names, formats ---------------------------------------------------------------- */

static void test_enum_names(void **state) {
    (void)state;
    assert_int_equal(hs_kind_parse("treaty"), HS_KIND_TREATY);
    assert_int_equal(hs_kind_parse("member"), HS_KIND_MEMBER);
    assert_int_equal(hs_kind_parse("alliance"), HS_KIND_UNSET);
    assert_int_equal(hs_kind_parse("Treaty"), HS_KIND_UNSET);
    assert_string_equal(hs_kind_name(HS_KIND_DIALOGUE), "dialogue");
    assert_string_equal(hs_kind_name(HS_KIND_UNSET), "unspecified");
    assert_int_equal(hs_role_parse("partner"), HS_ROLE_PARTNER);
    assert_int_equal(hs_role_parse("spoke"), HS_ROLE_UNSET);
    assert_string_equal(hs_role_name(HS_ROLE_UNSET), "unset");
    assert_int_equal(hs_scope_parse("broad"), HS_SCOPE_BROAD);
    assert_int_equal(hs_scope_parse("narrow"), HS_SCOPE_UNSET);
    assert_string_equal(hs_scope_name(HS_SCOPE_UNSET), "unspecified");
    assert_int_equal(hs_format_from_path("a/b.GV"), HS_FORMAT_DOT);
    assert_int_equal(hs_format_from_path("a.dot"), HS_FORMAT_DOT);
    assert_int_equal(hs_format_from_path("a.GraphML"), HS_FORMAT_GRAPHML);
    assert_int_equal(hs_format_from_path("a.xml"), HS_FORMAT_GRAPHML);
    assert_int_equal(hs_format_from_path("a.txt"), HS_FORMAT_UNKNOWN);
    assert_int_equal(hs_format_from_path("dir.gv/file"), HS_FORMAT_UNKNOWN);
    assert_int_equal(hs_format_sniff("  \n<graphml/>", 12), HS_FORMAT_GRAPHML);
    assert_int_equal(hs_format_sniff("\xEF\xBB\xBF<?xml", 8), HS_FORMAT_GRAPHML);
    assert_int_equal(hs_format_sniff("graph {}", 8), HS_FORMAT_DOT);
}

/* ---- GraphML: the schema ---------------------------------------------------------------- */

static void test_schema_attributes(void **state) {
    (void)state;
    hs_model *m = gml(GU("<data key=\"hub\">USA</data>\n"
                         "<data key=\"period\">1949-2024</data>\n"
                         "<node id=\"USA\"><data key=\"label\">United States</data><data key=\"role\">hub</data>"
                         "<data key=\"since\">1776</data></node>\n"
                         "<node id=\"JPN\"><data key=\"type\">state</data><data key=\"role\">ally</data>"
                         "<data key=\"until\"> 2100 </data></node>\n"
                         "<node id=\"Q\"><data key=\"type\">mechanism</data><data key=\"label\">Quad</data>"
                         "<data key=\"kind\">dialogue</data><data key=\"scope\">broad</data>"
                         "<data key=\"issue\">vaccines, cyber</data><data key=\"weight\">0.25</data>"
                         "<data key=\"since\">2017</data><data key=\"until\">2030</data></node>\n"
                         "<node id=\"OLD\"><data key=\"since\">-500</data><data key=\"until\">-499</data>"
                         "<data key=\"role\">other</data></node>\n"
                         "<edge id=\"e1\" source=\"USA\" target=\"JPN\"><data key=\"kind\">treaty</data>"
                         "<data key=\"weight\">0.9</data><data key=\"since\">1952</data><data key=\"until\">2100</data>"
                         "<data key=\"source\">Treaty 1951</data><data key=\"label\">US-Japan</data></edge>\n"
                         "<edge source=\"USA\" target=\"Q\"><data key=\"kind\">member</data><data key=\"weight\">1</data></edge>\n"
                         "<edge source=\"JPN\" target=\"Q\"/>\n"
                         "<edge source=\"JPN\" target=\"USA\"><data key=\"kind\">access</data></edge>\n"));
    assert_string_equal(hs_model_file(m), "x.graphml");
    assert_int_equal(hs_model_format(m), HS_FORMAT_GRAPHML);
    assert_false(hs_model_directed(m));
    assert_string_equal(hs_model_name(m), "g");
    assert_string_equal(hs_model_hub(m), "USA");
    assert_string_equal(hs_model_period(m), "1949-2024");
    assert_int_equal(hs_model_vertex_count(m), 4);
    assert_int_equal(hs_model_edge_count(m), 4);
    assert_int_equal(hs_model_find(m, "nope"), -1);

    size_t usa = (size_t)find(m, "USA"), jpn = (size_t)find(m, "JPN"), q = (size_t)find(m, "Q"),
           old = (size_t)find(m, "OLD");
    assert_int_equal(usa, 0);
    assert_string_equal(hs_vertex_id(m, usa), "USA");
    assert_string_equal(hs_vertex_label(m, usa), "United States");
    assert_int_equal(hs_vertex_type_of(m, usa), HS_VERTEX_STATE);
    assert_int_equal(hs_vertex_role(m, usa), HS_ROLE_HUB);
    assert_int_equal(hs_vertex_since(m, usa), 1776);
    assert_int_equal(hs_vertex_until(m, usa), HS_UNTIL_OPEN);
    assert_int_equal(hs_vertex_kind(m, usa), HS_KIND_UNSET);
    assert_int_equal(hs_vertex_scope(m, usa), HS_SCOPE_UNSET);
    assert_null(hs_vertex_issue(m, usa));
    assert_true(isnan(hs_vertex_weight(m, usa)));

    assert_null(hs_vertex_label(m, jpn));
    assert_int_equal(hs_vertex_type_of(m, jpn), HS_VERTEX_STATE);
    assert_int_equal(hs_vertex_role(m, jpn), HS_ROLE_ALLY);
    assert_int_equal(hs_vertex_since(m, jpn), HS_SINCE_OPEN);
    assert_int_equal(hs_vertex_until(m, jpn), 2100);

    assert_string_equal(hs_vertex_label(m, q), "Quad");
    assert_int_equal(hs_vertex_type_of(m, q), HS_VERTEX_MECHANISM);
    assert_int_equal(hs_vertex_role(m, q), HS_ROLE_UNSET);
    assert_int_equal(hs_vertex_kind(m, q), HS_KIND_DIALOGUE);
    assert_int_equal(hs_vertex_scope(m, q), HS_SCOPE_BROAD);
    assert_string_equal(hs_vertex_issue(m, q), "vaccines, cyber");
    assert_true(hs_vertex_weight(m, q) == 0.25);
    assert_int_equal(hs_vertex_since(m, q), 2017);
    assert_int_equal(hs_vertex_until(m, q), 2030);

    assert_int_equal(hs_vertex_since(m, old), -500);
    assert_int_equal(hs_vertex_until(m, old), -499);
    assert_int_equal(hs_vertex_role(m, old), HS_ROLE_OTHER);

    assert_int_equal(hs_edge_from(m, 0), usa);
    assert_int_equal(hs_edge_to(m, 0), jpn);
    assert_int_equal(hs_edge_kind(m, 0), HS_KIND_TREATY);
    assert_true(hs_edge_weight(m, 0) == 0.9);
    assert_int_equal(hs_edge_since(m, 0), 1952);
    assert_int_equal(hs_edge_until(m, 0), 2100);
    assert_string_equal(hs_edge_source(m, 0), "Treaty 1951");
    assert_string_equal(hs_edge_label(m, 0), "US-Japan");
    assert_string_equal(m->e[0].id, "e1");

    assert_int_equal(hs_edge_kind(m, 1), HS_KIND_MEMBER);
    assert_true(hs_edge_weight(m, 1) == 1.0);
    assert_int_equal(hs_edge_since(m, 1), HS_SINCE_OPEN);
    assert_int_equal(hs_edge_until(m, 1), HS_UNTIL_OPEN);
    assert_null(hs_edge_source(m, 1));
    assert_null(hs_edge_label(m, 1));
    /* An untyped edge to a mechanism is a member edge. */
    assert_int_equal(hs_edge_kind(m, 2), HS_KIND_MEMBER);
    assert_true(isnan(hs_edge_weight(m, 2)));
    assert_int_equal(hs_edge_kind(m, 3), HS_KIND_ACCESS);
    /* Written as in the file: JPN first. */
    assert_int_equal(hs_edge_from(m, 3), jpn);
    release_model(m);
}

static void test_untyped_plain_graph(void **state) {
    (void)state;
    /* Any plain GraphML file loads: no keys, GraphML's default direction. */
    const char *text = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                       "<graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/></graph></graphml>\n";
    hs_model *m = gml(text);
    assert_true(hs_model_directed(m));
    assert_null(hs_model_name(m));
    assert_null(hs_model_hub(m));
    assert_int_equal(hs_edge_kind(m, 0), HS_KIND_UNSET);
    assert_true(isnan(hs_edge_weight(m, 0)));
    release_model(m);
}

static void test_graphml_defaults(void **state) {
    (void)state;
    const char *text =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"k\" for=\"edge\" attr.name=\"kind\"><default>dialogue</default></key>\n"
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>0.5</default></key>\n"
        "<key id=\"s\" for=\"all\" attr.name=\"since\" attr.type=\"int\"><default>1990</default></key>\n"
        "<key id=\"r\" for=\"node\" attr.name=\"role\"><default>partner</default></key>\n"
        "<key id=\"c\" for=\"node\" attr.name=\"color\"><default>grey</default></key>\n"
        "<graph edgedefault=\"undirected\">\n"
        "<node id=\"A\"><data key=\"r\">hub</data><data key=\"s\">1950</data></node>\n"
        "<node id=\"B\"><data key=\"c\">red</data></node>\n"
        "<edge source=\"A\" target=\"B\"/>\n"
        "<edge source=\"A\" target=\"B\"><data key=\"k\">treaty</data><data key=\"w\">1</data></edge>\n"
        "</graph></graphml>\n";
    hs_model *m = gml(text);
    size_t a = (size_t)find(m, "A"), b = (size_t)find(m, "B");
    assert_int_equal(hs_vertex_role(m, a), HS_ROLE_HUB);
    assert_int_equal(hs_vertex_since(m, a), 1950);
    assert_int_equal(hs_vertex_role(m, b), HS_ROLE_PARTNER);
    assert_int_equal(hs_vertex_since(m, b), 1990);
    assert_string_equal(extra(m, HS_DOMAIN_NODE, a, "color"), "grey");
    assert_string_equal(extra(m, HS_DOMAIN_NODE, b, "color"), "red");
    assert_int_equal(hs_edge_kind(m, 0), HS_KIND_DIALOGUE);
    assert_true(hs_edge_weight(m, 0) == 0.5);
    assert_int_equal(hs_edge_since(m, 0), 1990);
    assert_int_equal(hs_edge_kind(m, 1), HS_KIND_TREATY);
    assert_true(hs_edge_weight(m, 1) == 1.0);
    release_model(m);

    /* A default is checked like a value: the error names the element using it. */
    gml_refused("<?xml version=\"1.0\"?>\n"
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                "<key id=\"k\" for=\"edge\" attr.name=\"kind\"><default>alliance</default></key>\n"
                "<graph edgedefault=\"undirected\">\n"
                "<edge source=\"A\" target=\"B\"/>\n"
                "</graph></graphml>\n",
                "x.graphml:5: edge 'A -- B': unknown kind 'alliance' " EDGE_KINDS);
}

static void test_unknown_attributes_written_back(void **state) {
    (void)state;
    const char *text =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
        "<key id=\"kind\" for=\"edge\" attr.name=\"kind\"/>\n"
        "<key id=\"gc\" for=\"graph\" attr.name=\"bgcolor\"/>\n"
        "<key id=\"nc\" for=\"node\" attr.name=\"color\"/>\n"
        "<key id=\"np\" for=\"node\" attr.name=\"population\" attr.type=\"long\"/>\n"
        "<key id=\"ng\" for=\"node\" attr.name=\"nodegraphics\"/>\n"
        "<key id=\"ec\" for=\"edge\" attr.name=\"color\"/>\n"
        "<key id=\"ek\" for=\"edge\" attr.name=\"note\"/>\n"
        "<graph id=\"G\" edgedefault=\"directed\">\n"
        "<data key=\"gc\">white</data>\n"
        "<node id=\"A\"><data key=\"nc\">red</data><data key=\"np\">125000000</data>"
        "<data key=\"ng\"><y:ShapeNode><y:Fill color=\"#FF0000\"/></y:ShapeNode></data></node>\n"
        "<node id=\"B\"><data key=\"nc\">a &amp; b &lt;c&gt; \"q\"&#10;line two</data></node>\n"
        "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data key=\"ec\">blue</data>"
        "<data key=\"ek\">tab&#9;here</data></edge>\n"
        "</graph></graphml>\n";
    hs_model *m = gml(text);
    size_t a = (size_t)find(m, "A"), b = (size_t)find(m, "B");
    assert_string_equal(extra(m, HS_DOMAIN_GRAPH, 0, "bgcolor"), "white");
    assert_string_equal(extra(m, HS_DOMAIN_NODE, a, "color"), "red");
    assert_string_equal(extra(m, HS_DOMAIN_NODE, a, "population"), "125000000");
    assert_non_null(strstr(extra(m, HS_DOMAIN_NODE, a, "nodegraphics"), "y:Fill"));
    assert_string_equal(extra(m, HS_DOMAIN_NODE, b, "color"), "a & b <c> \"q\"\nline two");
    assert_null(extra(m, HS_DOMAIN_NODE, b, "population"));
    assert_string_equal(extra(m, HS_DOMAIN_EDGE, 0, "color"), "blue");
    assert_string_equal(extra(m, HS_DOMAIN_EDGE, 0, "note"), "tab\there");

    make_tmpdir();
    hs_model *g1 = round_trip(m, "one.graphml", 1);
    /* The GraphML type of an extra survives. */
    const hs_extra_key *k = &g1->extra_keys[HS_DOMAIN_NODE][g1->v[find(g1, "A")].extras.items[1].key];
    assert_string_equal(k->name, "population");
    assert_string_equal(k->graphml_type, "long");
    /* GraphML -> GraphML is a fixed point after one pass. */
    hs_model *g2 = round_trip(g1, "two.graphml", 1);
    release_model(g2);
    g2 = round_trip(g1, "three.graphml", 1);
    char p2[160], p3[160];
    snprintf(p2, sizeof p2, "%s/two.graphml", tmpdir);
    snprintf(p3, sizeof p3, "%s/three.graphml", tmpdir);
    size_t n2, n3;
    char *t2 = slurp(p2, &n2), *t3 = slurp(p3, &n3);
    assert_int_equal(n2, n3);
    assert_memory_equal(t2, t3, n2);
    free(t2);
    free(t3);
    release_model(g2);
    release_model(g1);

    if (dot_helper_available()) {
        /* Through DOT: every extra comes back as text (the yEd XML as its markup). */
        hs_model *d = round_trip(m, "one.gv", 1);
        assert_string_equal(extra(d, HS_DOMAIN_NODE, (size_t)find(d, "B"), "color"), "a & b <c> \"q\"\nline two");
        hs_model *g = round_trip(d, "back.graphml", 1);
        release_model(g);
        release_model(d);
    }
    remove_tmpdir();
    release_model(m);
}

/* An empty <data/> is an empty value: absent for a schema attribute, "" for
 * an extra. (The allocator is first filled with freed 256-byte blocks of 'X',
 * so that a buffer left unterminated shows up as garbage even without
 * valgrind or ASan.) */
static void test_empty_data_elements(void **state) {
    (void)state;
    for (int round = 0; round < 2; round++) {
        void *blocks[16];
        for (int i = 0; i < 16; i++) {
            blocks[i] = malloc(256);
            assert_non_null(blocks[i]);
            memset(blocks[i], 'X', 256);
        }
        for (int i = 0; i < 16; i++) free(blocks[i]);
        hs_model *m = gml(GU("<node id=\"A\"><data key=\"color\"/><data key=\"role\"></data></node>\n"
                             "<edge source=\"A\" target=\"B\"><data key=\"kind\"/><data key=\"color\"></data></edge>\n"));
        assert_int_equal(hs_vertex_role(m, 0), HS_ROLE_UNSET);
        assert_string_equal(extra(m, HS_DOMAIN_NODE, 0, "color"), "");
        assert_int_equal(hs_edge_kind(m, 0), HS_KIND_UNSET);
        assert_string_equal(extra(m, HS_DOMAIN_EDGE, 0, "color"), "");
        release_model(m);
    }
}

static void test_nested_graphs_flattened(void **state) {
    (void)state;
    const char *text = GD("<node id=\"A\"/>\n"
                          "<node id=\"G1\">\n"
                          "  <graph id=\"G1:\" edgedefault=\"directed\">\n"
                          "    <node id=\"B\"/>\n"
                          "    <node id=\"G2\"><graph id=\"G2:\"><node id=\"C\"/>"
                          "<edge source=\"C\" target=\"A\"><data key=\"kind\">treaty</data></edge></graph></node>\n"
                          "    <edge source=\"B\" target=\"C\"/>\n"
                          "  </graph>\n"
                          "</node>\n"
                          "<edge source=\"A\" target=\"B\"/>\n");
    hs_model *m = gml(text);
    assert_int_equal(hs_model_vertex_count(m), 5);
    const char *ids[] = {"A", "G1", "B", "G2", "C"};
    for (size_t i = 0; i < 5; i++) assert_string_equal(hs_vertex_id(m, i), ids[i]);
    assert_int_equal(hs_model_edge_count(m), 3);
    assert_true(find_edge(m, "C", "A") >= 0);
    assert_int_equal(hs_edge_kind(m, (size_t)find_edge(m, "C", "A")), HS_KIND_TREATY);
    assert_true(find_edge(m, "B", "C") >= 0);
    assert_true(find_edge(m, "A", "B") >= 0);
    release_model(m);

    /* A duplicate id inside a nested graph is still a duplicate. */
    gml_refused(GD("<node id=\"A\"/>\n"
                   "<node id=\"G1\"><graph>\n"
                   "<node id=\"A\"/>\n"
                   "</graph></node>\n"),
                "x.graphml:19: duplicate id 'A' (first at line 17)");
}

static void test_implicit_nodes(void **state) {
    (void)state;
    hs_model *m = gml(GU("<node id=\"A\"/>\n"
                         "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data></edge>\n"
                         "<edge source=\"C\" target=\"B\"/>\n"
                         "<node id=\"D\"/>\n"));
    assert_int_equal(hs_model_vertex_count(m), 4);
    /* Declared nodes first (nodes are read before edges), then implicit ones in edge order. */
    assert_string_equal(hs_vertex_id(m, 0), "A");
    assert_string_equal(hs_vertex_id(m, 1), "D");
    assert_string_equal(hs_vertex_id(m, 2), "B");
    assert_string_equal(hs_vertex_id(m, 3), "C");
    assert_int_equal(hs_vertex_type_of(m, 2), HS_VERTEX_STATE);
    assert_int_equal(hs_vertex_role(m, 2), HS_ROLE_UNSET);
    assert_int_equal(m->v[2].line, 18);
    assert_int_equal(hs_model_edge_count(m), 2);
    release_model(m);
}

static void test_member_edges(void **state) {
    (void)state;
    /* Undirected: a member edge written mechanism-first is normalised to
     * state -> mechanism, typed or not. */
    hs_model *m = gml(GU("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"
                         "<edge source=\"M\" target=\"A\"><data key=\"kind\">member</data></edge>\n"
                         "<edge source=\"M\" target=\"B\"/>\n"
                         "<edge source=\"C\" target=\"M\"/>\n"));
    size_t mm = (size_t)find(m, "M");
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(hs_edge_kind(m, i), HS_KIND_MEMBER);
        assert_int_equal(hs_edge_to(m, i), mm);
        assert_int_equal(hs_vertex_type_of(m, hs_edge_from(m, i)), HS_VERTEX_STATE);
    }
    assert_string_equal(hs_vertex_id(m, hs_edge_from(m, 0)), "A");
    assert_string_equal(hs_vertex_id(m, hs_edge_from(m, 1)), "B");
    assert_string_equal(hs_vertex_id(m, hs_edge_from(m, 2)), "C");
    release_model(m);

    /* Directed: state -> mechanism, untyped, is membership too. */
    m = gml(GD("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"
               "<edge source=\"A\" target=\"M\"/>\n"));
    assert_int_equal(hs_edge_kind(m, 0), HS_KIND_MEMBER);
    release_model(m);
}

/* ---- GraphML: refusals ----------------------------------------------------------------- */

static void test_refuse_values(void **state) {
    (void)state;
    /* The example of the contract, line for line. */
    gml_refused("<?xml version=\"1.0\"?>\n"
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                "<key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
                "<graph edgedefault=\"undirected\">\n"
                "<node id=\"A\"/>\n"
                "<node id=\"B\"/>\n"
                "<edge source=\"A\" target=\"B\"><data key=\"k\">alliance</data></edge>\n"
                "</graph>\n"
                "</graphml>\n",
                "x.graphml:7: edge 'A -- B': unknown kind 'alliance' " EDGE_KINDS);
    gml_refused(GD("<node id=\"A\"/>\n<edge source=\"A\" target=\"B\"><data key=\"kind\">Treaty</data></edge>\n"),
                "x.graphml:18: edge 'A -> B': unknown kind 'Treaty' " EDGE_KINDS);
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"kind\">alliance</data></node>\n"),
                "x.graphml:17: mechanism 'M': unknown kind 'alliance' " MECH_KINDS);
    /* member is an edge kind, not a mechanism kind. */
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"kind\">member</data></node>\n"),
                "x.graphml:17: mechanism 'M': unknown kind 'member' " MECH_KINDS);
    gml_refused(GU("<node id=\"A\"/>\n<node id=\"B\"><data key=\"role\">spoke</data></node>\n"),
                "x.graphml:18: node 'B': unknown role 'spoke' (expected hub, ally, partner or other)");
    gml_refused(GU("<node id=\"A\"><data key=\"type\">country</data></node>\n"),
                "x.graphml:17: node 'A': unknown type 'country' (expected state or mechanism)");
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"scope\">wide</data></node>\n"),
                "x.graphml:17: mechanism 'M': unknown scope 'wide' (expected issue or broad)");
}

static void test_refuse_years(void **state) {
    (void)state;
    gml_refused(GU("<node id=\"A\"><data key=\"since\">2000</data><data key=\"until\">1990</data></node>\n"),
                "x.graphml:17: node 'A': since 2000 > until 1990");
    gml_refused(GU("<node id=\"A\"/>\n<edge source=\"A\" target=\"B\"><data key=\"since\">2000</data>"
                   "<data key=\"until\">1990</data></edge>\n"),
                "x.graphml:18: edge 'A -- B': since 2000 > until 1990");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"since\">2000</data><data key=\"until\">2000</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': since 2000 = until 2000: the span is empty "
                "(until is the first year no longer active)");
    gml_refused(GU("<node id=\"A\"><data key=\"since\">19x0</data></node>\n"),
                "x.graphml:17: node 'A': since '19x0' is not an integer year");
    gml_refused(GU("<node id=\"A\"><data key=\"until\">1990.0</data></node>\n"),
                "x.graphml:17: node 'A': until '1990.0' is not an integer year");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"since\">1e3</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': since '1e3' is not an integer year");
    gml_refused(GU("<node id=\"A\"><data key=\"since\">10000</data></node>\n"),
                "x.graphml:17: node 'A': since 10000 is out of range [-9999, 9999]");
    gml_refused(GU("<node id=\"A\"><data key=\"until\">-10000</data></node>\n"),
                "x.graphml:17: node 'A': until -10000 is out of range [-9999, 9999]");
    gml_refused(GU("<node id=\"A\"><data key=\"since\">99999999999999999999999</data></node>\n"),
                "x.graphml:17: node 'A': since '99999999999999999999999' is not an integer year");
    /* The bounds themselves are fine. */
    hs_model *m = gml(GU("<node id=\"A\"><data key=\"since\">-9999</data><data key=\"until\">9999</data></node>\n"));
    assert_int_equal(hs_vertex_since(m, 0), -9999);
    assert_int_equal(hs_vertex_until(m, 0), 9999);
    release_model(m);
}

static void test_refuse_weights(void **state) {
    (void)state;
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">0</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight 0 is out of range (0, 1]");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">1.5</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight 1.5 is out of range (0, 1]");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">-0.5</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight -0.5 is out of range (0, 1]");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">abc</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight 'abc' is not a number");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">nan</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight 'nan' is not a number");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"weight\">0.5x</data></edge>\n"),
                "x.graphml:17: edge 'A -- B': weight '0.5x' is not a number");
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"weight\">2</data></node>\n"),
                "x.graphml:17: mechanism 'M': weight 2 is out of range (0, 1]");
}

static void test_refuse_structure(void **state) {
    (void)state;
    gml_refused(GU("<node id=\"A\"/>\n<node id=\"B\"/>\n"
                   "<edge source=\"A\" target=\"B\"><data key=\"kind\">member</data></edge>\n"),
                "x.graphml:19: edge 'A -- B': a member edge must end at a mechanism, and 'B' is not one "
                "(type=mechanism)");
    gml_refused(GD("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"
                   "<node id=\"N\"><data key=\"type\">mechanism</data></node>\n"
                   "<edge source=\"M\" target=\"N\"><data key=\"kind\">member</data></edge>\n"),
                "x.graphml:19: edge 'M -> N': a member edge must start at a state, and 'M' is a mechanism");
    /* Untyped between two mechanisms: membership, and still wrong. */
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"
                   "<node id=\"N\"><data key=\"type\">mechanism</data></node>\n"
                   "<edge source=\"M\" target=\"N\"/>\n"),
                "x.graphml:19: edge 'M -- N': a member edge must start at a state, and 'M' is a mechanism");
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"
                   "<edge source=\"A\" target=\"M\"><data key=\"kind\">treaty</data></edge>\n"),
                "x.graphml:18: edge 'A -- M': a tie of kind treaty cannot involve mechanism 'M' (use kind=member for membership)");
    gml_refused(GU("<node id=\"A\"><data key=\"kind\">treaty</data></node>\n"),
                "x.graphml:17: node 'A': attribute 'kind' applies to mechanisms only (set type=mechanism)");
    gml_refused(GU("<node id=\"A\"><data key=\"scope\">broad</data></node>\n"),
                "x.graphml:17: node 'A': attribute 'scope' applies to mechanisms only (set type=mechanism)");
    gml_refused(GU("<node id=\"A\"><data key=\"issue\">trade</data></node>\n"),
                "x.graphml:17: node 'A': attribute 'issue' applies to mechanisms only (set type=mechanism)");
    gml_refused(GU("<node id=\"A\"><data key=\"weight\">0.5</data></node>\n"),
                "x.graphml:17: node 'A': attribute 'weight' applies to mechanisms only (set type=mechanism)");
    gml_refused(GU("<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"role\">ally</data></node>\n"),
                "x.graphml:17: mechanism 'M': a mechanism has no role (role=ally)");
    gml_refused(GU("<node id=\"A\"/>\n<node id=\"B\"/>\n<node id=\"A\"/>\n"),
                "x.graphml:19: duplicate id 'A' (first at line 17)");
    gml_refused(GU("<data key=\"hub\">ZZZ</data>\n<node id=\"A\"/>\n"),
                "x.graphml: graph attribute hub='ZZZ' names no node");
    gml_refused(GU("<data key=\"hub\">M</data>\n<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"),
                "x.graphml: graph attribute hub='M' names a mechanism, not a state");
    gml_refused(GU("<edge source=\"A\"/>\n"), "x.graphml:17: <edge> without a target");
    gml_refused(GU("<node/>\n"), "x.graphml:17: <node> without an id");
}

/* The first XML error is the one to report, at its line: libxml2 goes on after
 * it and records follow-on errors (here "Premature end of data" at line 7). */
static void test_refuse_xml_syntax(void **state) {
    (void)state;
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\" x=\"1\" x=\"2\"/>\n</graph>\n</graphml>\n",
                "x.graphml:4: XML error: Attribute x redefined");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph/>\n</graphml>\n<x/>\n",
                "x.graphml:5: XML error: Extra content at the end of the document");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n",
                "x.graphml:5: XML error: Opening and ending tag mismatch: node line 4 and graph");
}

static void test_refuse_documents(void **state) {
    (void)state;
    gml_refused("", "x.graphml: empty file: no graph");
    gml_refused(" \n\t\r\n  ", "x.graphml: empty file: no graph");
    gml_refused_len("<graphml>\0</graphml>", 20, "x.graphml: binary file (NUL byte at offset 9)");
    gml_refused("<?xml version=\"1.0\"?>\n<gexf>\n<graph/>\n</gexf>\n",
                "x.graphml:2: root element is <gexf>, not <graphml>");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph/>\n<graph/>\n</graphml>\n",
                "x.graphml:4: more than one graph; hubspoke reads one graph per file");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"k\" for=\"node\"/>\n</graphml>\n",
                "x.graphml: no <graph> element");
    gml_refused(GU("<node id=\"A\"><data key=\"zz\">1</data></node>\n"),
                "x.graphml:17: <data> refers to undeclared key 'zz'");
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"type\">state</data></edge>\n"),
                "x.graphml:17: key 'type' is not declared for <edge> elements");
    /* An internal entity declared in a DTD is refused where it is used. */
    gml_refused("<?xml version=\"1.0\"?>\n"
                "<!DOCTYPE graphml [<!ENTITY foo \"bar\">]>\n"
                "<graphml>\n"
                "<key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                "<graph>\n"
                "<node id=\"a\"><data key=\"l\">x &foo; y</data></node>\n"
                "</graph>\n"
                "</graphml>\n",
                "x.graphml:6: entity reference '&foo;' is not supported");
    /* An undeclared one is an XML error. */
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph>\n<node id=\"&foo;\"/>\n</graph>\n</graphml>\n",
                "x.graphml:4: XML error: Entity 'foo' not defined");
    gml_refused(GU("<node id=\"A\"/>\n<hyperedge><endpoint node=\"A\"/></hyperedge>\n"),
                "x.graphml:18: hyperedges are not supported");
    /* A schema attribute holding markup (yEd style) is refused, not flattened. */
    gml_refused(GU("<edge source=\"A\" target=\"B\"><data key=\"kind\"><b>treaty</b></data></edge>\n"),
                "x.graphml:17: edge 'A -- B': attribute 'kind' holds XML markup, not text");
    gml_refused(GU("<data key=\"hub\"><b>A</b></data>\n<node id=\"A\"/>\n"),
                "x.graphml: graph attribute 'hub' holds XML markup, not text");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"both\"/>\n</graphml>\n",
                "x.graphml:3: edgedefault 'both' is neither directed nor undirected");
    gml_refused("<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"k\" for=\"node\"/>\n<key id=\"k\" for=\"edge\"/>\n"
                "<graph/>\n</graphml>\n",
                "x.graphml:4: duplicate key id 'k'");
}

/* ---- DOT ------------------------------------------------------------------------------------ */

/* Any graph attribute by name: the schema's hub and period, and an extra one
 * (a dataset's version, docs/schema.md) as the file gave it. */
static void test_graph_attr(void **state) {
    (void)state;
    hs_model *m = gml(GU("<data key=\"hub\">USA</data>\n"
                         "<data key=\"period\">1949-2025</data>\n"
                         "<data key=\"color\">2.0.0</data>\n"
                         "<node id=\"USA\"/>\n"));
    assert_string_equal(hs_model_graph_attr(m, "hub"), "USA");
    assert_string_equal(hs_model_graph_attr(m, "period"), "1949-2025");
    assert_string_equal(hs_model_graph_attr(m, "color"), "2.0.0");
    assert_null(hs_model_graph_attr(m, "version"));
    assert_null(hs_model_graph_attr(m, "label"));
}

static void test_dot_schema(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    hs_model *m = dot("digraph asia { hub=USA; period=\"1949-2024\";\n"
                      "  USA [label=\"United States\", role=hub, since=1776];\n"
                      "  JPN -> USA [kind=treaty, weight=0.9, since=1952, until=2100, source=\"Treaty\", label=\"US-JP\"];\n"
                      "  M [type=mechanism, kind=intelligence, scope=issue, issue=\"NK\", weight=0.5];\n"
                      "  JPN -> M;\n"
                      "}\n");
    assert_int_equal(hs_model_format(m), HS_FORMAT_DOT);
    assert_true(hs_model_directed(m));
    assert_string_equal(hs_model_name(m), "asia");
    assert_string_equal(hs_model_hub(m), "USA");
    assert_string_equal(hs_model_period(m), "1949-2024");
    size_t usa = (size_t)find(m, "USA"), jpn = (size_t)find(m, "JPN"), mm = (size_t)find(m, "M");
    assert_string_equal(hs_vertex_label(m, usa), "United States");
    /* Graphviz's "\N" default label is no label. */
    assert_null(hs_vertex_label(m, jpn));
    assert_int_equal(hs_vertex_role(m, usa), HS_ROLE_HUB);
    assert_int_equal(hs_vertex_since(m, usa), 1776);
    assert_int_equal(hs_vertex_role(m, jpn), HS_ROLE_UNSET);
    assert_int_equal(hs_vertex_type_of(m, mm), HS_VERTEX_MECHANISM);
    assert_int_equal(hs_vertex_kind(m, mm), HS_KIND_INTELLIGENCE);
    assert_int_equal(hs_vertex_scope(m, mm), HS_SCOPE_ISSUE);
    assert_string_equal(hs_vertex_issue(m, mm), "NK");
    assert_true(hs_vertex_weight(m, mm) == 0.5);
    long e = find_edge(m, "JPN", "USA");
    assert_true(e >= 0);
    assert_int_equal(hs_edge_kind(m, (size_t)e), HS_KIND_TREATY);
    assert_true(hs_edge_weight(m, (size_t)e) == 0.9);
    assert_int_equal(hs_edge_since(m, (size_t)e), 1952);
    assert_int_equal(hs_edge_until(m, (size_t)e), 2100);
    assert_string_equal(hs_edge_source(m, (size_t)e), "Treaty");
    assert_string_equal(hs_edge_label(m, (size_t)e), "US-JP");
    e = find_edge(m, "JPN", "M");
    assert_true(e >= 0);
    assert_int_equal(hs_edge_kind(m, (size_t)e), HS_KIND_MEMBER);
    release_model(m);
}

static void test_dot_cluster_is_mechanism(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    hs_model *d = dot("graph g {\n"
                      "  A; B; C;\n"
                      "  subgraph cluster_X { label=\"X mech\"; since=2017; kind=dialogue; scope=broad; A; B; C; }\n"
                      "}\n");
    hs_model *g = gml(GU("<node id=\"A\"/>\n<node id=\"B\"/>\n<node id=\"C\"/>\n"
                         "<node id=\"X\"><data key=\"type\">mechanism</data><data key=\"label\">X mech</data>"
                         "<data key=\"since\">2017</data><data key=\"kind\">dialogue</data>"
                         "<data key=\"scope\">broad</data></node>\n"
                         "<edge source=\"A\" target=\"X\"><data key=\"kind\">member</data></edge>\n"
                         "<edge source=\"B\" target=\"X\"><data key=\"kind\">member</data></edge>\n"
                         "<edge source=\"C\" target=\"X\"><data key=\"kind\">member</data></edge>\n"));
    assert_int_equal(hs_model_vertex_count(d), 4);
    assert_int_equal(hs_model_edge_count(d), 3);
    size_t x = (size_t)find(d, "X");
    assert_int_equal(hs_vertex_type_of(d, x), HS_VERTEX_MECHANISM);
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(hs_edge_kind(d, i), HS_KIND_MEMBER);
        assert_int_equal(hs_edge_to(d, i), x);
    }
    assert_models_equal(g, d, 1);
    assert_models_equal(d, g, 1);
    release_model(g);
    release_model(d);

    /* Nodes first named inside the cluster, in a digraph, with a tie beside it. */
    d = dot("digraph g {\n"
            "  subgraph cluster_Q { kind=dialogue; U; J; }\n"
            "  J -> U [kind=treaty];\n"
            "}\n");
    size_t q = (size_t)find(d, "Q");
    assert_int_equal(hs_vertex_type_of(d, q), HS_VERTEX_MECHANISM);
    assert_int_equal(hs_vertex_kind(d, q), HS_KIND_DIALOGUE);
    assert_true(find_edge(d, "U", "Q") >= 0);
    assert_true(find_edge(d, "J", "Q") >= 0);
    assert_int_equal(hs_edge_kind(d, (size_t)find_edge(d, "J", "U")), HS_KIND_TREATY);
    release_model(d);
}

static void test_dot_refusals(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    dot_refused("graph g {\n  A -- B [kind=treaty\n}\n", "x.gv:3: syntax error near '}'");
    /* The DOT helper gives each element the line it was written on. */
    dot_refused("graph g {\n  A -- B [kind=alliance];\n}\n", "x.gv:2: edge 'A -- B': unknown kind 'alliance' " EDGE_KINDS);
    dot_refused("graph g {\n\n  A -- B\n    [kind=alliance];\n\n}\n",
                "x.gv:3: edge 'A -- B': unknown kind 'alliance' " EDGE_KINDS);
    dot_refused("graph g { A [role=king]; }", "x.gv:1: node 'A': unknown role 'king' (expected hub, ally, partner or other)");
    dot_refused("graph g { A -- B [weight=1.5]; }", "x.gv:1: edge 'A -- B': weight 1.5 is out of range (0, 1]");
    dot_refused("graph g { A -- B [since=2000, until=2000]; }",
                "x.gv:1: edge 'A -- B': since 2000 = until 2000: the span is empty "
                "(until is the first year no longer active)");
    dot_refused("graph g {\n subgraph cluster_M {\n kind=alliance; A; B; } }",
                "x.gv:2: mechanism 'M': unknown kind 'alliance' " MECH_KINDS);
    dot_refused("graph g { hub=ZZZ; A -- B; }", "x.gv: graph attribute hub='ZZZ' names no node");
    dot_refused("", "x.gv: empty file: no graph");
}

static void test_dot_round_trip(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    /* DOT -> GraphML -> DOT -> GraphML: the same model each time, extras included. */
    hs_model *d = dot("graph \"g 1\" {\n"
                      "  hub=USA; bgcolor=white;\n"
                      "  USA [label=\"United \\\"States\\\"\", color=red];\n"
                      "  USA -- JPN [kind=treaty, since=1952, color=blue, penwidth=2];\n"
                      "  subgraph cluster_Q { kind=dialogue; scope=broad; label=Quad; USA; JPN; IND; }\n"
                      "}\n");
    assert_string_equal(hs_vertex_label(d, (size_t)find(d, "USA")), "United \"States\"");
    assert_string_equal(extra(d, HS_DOMAIN_NODE, (size_t)find(d, "USA"), "color"), "red");
    long e = find_edge(d, "USA", "JPN");
    assert_true(e >= 0);
    assert_string_equal(extra(d, HS_DOMAIN_EDGE, (size_t)e, "color"), "blue");
    assert_string_equal(extra(d, HS_DOMAIN_EDGE, (size_t)e, "penwidth"), "2");
    assert_string_equal(extra(d, HS_DOMAIN_GRAPH, 0, "bgcolor"), "white");
    make_tmpdir();
    hs_model *g1 = round_trip(d, "a.graphml", 1);
    hs_model *d2 = round_trip(g1, "b.gv", 1);
    hs_model *g2 = round_trip(d2, "c.graphml", 1);
    assert_models_equal(d, g2, 1);
    assert_string_equal(hs_model_name(g2), "g 1");
    remove_tmpdir();
    release_model(g2);
    release_model(d2);
    release_model(g1);
    release_model(d);
}

static void test_write_errors(void **state) {
    (void)state;
    hs_model *m = gml(GU("<node id=\"A\"/>\n"));
    assert_int_equal(hs_model_write_file(m, "/tmp/x.txt", HS_FORMAT_UNKNOWN), HS_EARG);
    assert_string_equal(hs_error_last(),
                        "/tmp/x.txt: cannot tell the format from the extension (use .gv, .dot or .graphml)");
    assert_int_equal(hs_model_write_file(m, "/nonexistent-dir/x.graphml", HS_FORMAT_UNKNOWN), HS_EIO);
    assert_string_equal(hs_error_last(), "/nonexistent-dir/x.graphml: cannot create: No such file or directory");
    release_model(m);

    hs_model *r = NULL;
    assert_int_equal(hs_model_read_file("/nonexistent-dir/x.graphml", HS_FORMAT_UNKNOWN, NULL, &r), HS_EINPUT);
    assert_string_equal(hs_error_last(), "/nonexistent-dir/x.graphml: cannot open: No such file or directory");
    assert_int_equal(hs_model_read_file("/tmp", HS_FORMAT_UNKNOWN, "dir", &r), HS_EINPUT);
    assert_string_equal(hs_error_last(), "dir: is a directory");
    assert_null(r);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_enum_names, release_all),
        cmocka_unit_test_teardown(test_schema_attributes, release_all),
        cmocka_unit_test_teardown(test_untyped_plain_graph, release_all),
        cmocka_unit_test_teardown(test_graphml_defaults, release_all),
        cmocka_unit_test_teardown(test_unknown_attributes_written_back, release_all),
        cmocka_unit_test_teardown(test_empty_data_elements, release_all),
        cmocka_unit_test_teardown(test_nested_graphs_flattened, release_all),
        cmocka_unit_test_teardown(test_implicit_nodes, release_all),
        cmocka_unit_test_teardown(test_member_edges, release_all),
        cmocka_unit_test_teardown(test_refuse_values, release_all),
        cmocka_unit_test_teardown(test_refuse_years, release_all),
        cmocka_unit_test_teardown(test_refuse_weights, release_all),
        cmocka_unit_test_teardown(test_refuse_structure, release_all),
        cmocka_unit_test_teardown(test_refuse_xml_syntax, release_all),
        cmocka_unit_test_teardown(test_refuse_documents, release_all),
        cmocka_unit_test_teardown(test_graph_attr, release_all),
        cmocka_unit_test_teardown(test_dot_schema, release_all),
        cmocka_unit_test_teardown(test_dot_cluster_is_mechanism, release_all),
        cmocka_unit_test_teardown(test_dot_refusals, release_all),
        cmocka_unit_test_teardown(test_dot_round_trip, release_all),
        cmocka_unit_test_teardown(test_write_errors, release_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
