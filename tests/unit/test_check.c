/* Unit tests of the diagnostics (check.h): the list, every error collected
 * with its code and line, the cap, and each warning check with its exact
 * message, on mistaken and hostile inputs (docs/schema.md, "Checks").
 *
 * GraphML is read from memory; the DOT cases need the hubspoke-dot helper
 * (HUBSPOKE_DOT_HELPER, set by ctest) and skip without it. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four above first. */
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check_internal.h"
#include "core/internal.h"
#include "hubspoke/check.h"
#include "hubspoke/model.h"

#include "graphml_fixture.h"

/* Everything a test makes is released by the teardown, so that a failing
 * assertion leaks nothing. */
static hs_diagnostics *lists[64];
static size_t nlists;
static char *texts[64];
static size_t ntexts;

static hs_diagnostics *new_list(void) {
    hs_diagnostics *d = NULL;
    assert_int_equal(hs_diagnostics_new(&d), HS_OK);
    if (nlists < 64) lists[nlists++] = d;
    return d;
}

static char *keep_text(char *s) {
    if (ntexts < 64) texts[ntexts++] = s;
    return s;
}

static int release_all(void **state) {
    (void)state;
    while (nlists) hs_diagnostics_destroy(lists[--nlists]);
    while (ntexts) free(texts[--ntexts]);
    return 0;
}

/* Every diagnostic, sorted, one per line: "E code text" or "W code text". */
static const char *listing(hs_diagnostics *d) {
    hs_diagnostics_sort(d);
    size_t size = 1;
    char line[4096];
    for (size_t i = 0; i < hs_diagnostics_count(d); i++)
        size += hs_diagnostic_format(hs_diagnostics_get(d, i), NULL, 0) + 64;
    char *out = keep_text(calloc(1, size)), *p = out;
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        hs_diagnostic_format(g, line, sizeof line);
        p += sprintf(p, "%c %s %s\n", g->severity == HS_SEVERITY_ERROR ? 'E' : 'W', g->code, line);
    }
    return out;
}

/* Read text with every check; the read must end with `want`. */
static hs_diagnostics *check_text(const char *text, hs_format format, const char *name, hs_error want) {
    hs_diagnostics *d = new_list();
    hs_model *m = NULL;
    hs_error err = hs_check_read_memory(text, strlen(text), format, name, d, &m);
    if (err != want) fail_msg("read ended with %d (%s), expected %d", err, hs_error_last(), want);
    if (want == HS_OK)
        assert_non_null(m);
    else
        assert_null(m);
    hs_model_destroy(m);
    return d;
}

static hs_diagnostics *check_gml(const char *text, hs_error want) {
    return check_text(text, HS_FORMAT_GRAPHML, "x.graphml", want);
}

static int dot_helper_available(void) {
    const char *h = getenv("HUBSPOKE_DOT_HELPER");
    return h && h[0] && access(h, X_OK) == 0;
}

/* ---- the list -------------------------------------------------------------------- */

static void test_list(void **state) {
    (void)state;
    hs_diagnostics *d = new_list();
    assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_WARNING, "w1", "f.gv", 9, "node 'A'", "late %d", 1), HS_OK);
    assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_ERROR, "e1", "f.gv", 0, NULL, "no line"), HS_OK);
    assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_ERROR, "e2", "f.gv", 3, "edge 'A -- B'", "two\nlines"), HS_OK);
    assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_WARNING, "w2", "f.gv", 2, NULL, "early"), HS_OK);
    assert_int_equal(hs_diagnostics_count(d), 4);
    assert_int_equal(hs_diagnostics_error_count(d), 2);
    assert_int_equal(hs_diagnostics_warning_count(d), 2);
    /* Errors first, by line, lines unknown last; a reason stays one line. */
    assert_string_equal(listing(d),
                        "E e2 f.gv:3: edge 'A -- B': two lines\n"
                        "E e1 f.gv: no line\n"
                        "W w2 f.gv:2: early\n"
                        "W w1 f.gv:9: node 'A': late 1\n");
    char small[8];
    assert_int_equal(hs_diagnostic_format(hs_diagnostics_get(d, 0), small, sizeof small),
                     strlen("f.gv:3: edge 'A -- B': two lines"));
    assert_string_equal(small, "f.gv:3:");
    hs_diagnostics_promote_warnings(d);
    assert_int_equal(hs_diagnostics_error_count(d), 4);
    assert_int_equal(hs_diagnostics_warning_count(d), 0);
    assert_string_equal(listing(d),
                        "E w2 f.gv:2: early\n"
                        "E e2 f.gv:3: edge 'A -- B': two lines\n"
                        "E w1 f.gv:9: node 'A': late 1\n"
                        "E e1 f.gv: no line\n");
    hs_diagnostics_clear(d);
    assert_int_equal(hs_diagnostics_count(d), 0);
    assert_int_equal(hs_diagnostics_error_count(d), 0);
    assert_null(hs_diagnostics_get(d, 0));
}

static void test_cap(void **state) {
    (void)state;
    hs_diagnostics *d = new_list();
    for (int i = 0; i < HS_DIAGNOSTICS_CAP; i++)
        assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_ERROR, "e", "f.gv", i + 1, NULL, "e%d", i), HS_OK);
    for (int i = 0; i < 3 * HS_DIAGNOSTICS_CAP; i++)
        assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_WARNING, "w", "f.gv", i + 1, NULL, "w%d", i), HS_OK);
    /* The error past the cap stops the reader; warnings past it are counted. */
    assert_int_equal(hs_diagnostics_add(d, HS_SEVERITY_ERROR, "e", "f.gv", 1, NULL, "one more"), HS_EINPUT);
    assert_string_equal(hs_error_last(), "f.gv: more than 100 errors; stopped (the first 100 are listed)");
    assert_int_equal(hs_diagnostics_count(d), 2 * HS_DIAGNOSTICS_CAP);
    assert_int_equal(hs_diagnostics_error_count(d), HS_DIAGNOSTICS_CAP + 1);
    assert_int_equal(hs_diagnostics_warning_count(d), 3 * HS_DIAGNOSTICS_CAP);
}

static void test_distance(void **state) {
    (void)state;
    assert_int_equal(hs_osa_distance("until", "untill", 0, 2), 1);
    assert_int_equal(hs_osa_distance("weight", "wieght", 0, 2), 1); /* a swap is one edit */
    assert_int_equal(hs_osa_distance("weight", "wheight", 0, 2), 1);
    assert_int_equal(hs_osa_distance("since", "sinse", 0, 2), 1);
    assert_int_equal(hs_osa_distance("since", "size", 0, 2), 2);
    assert_int_equal(hs_osa_distance("since", "size", 0, 1), 2); /* max + 1: more than max */
    assert_int_equal(hs_osa_distance("kind", "Kind", 1, 0), 0);
    assert_int_equal(hs_osa_distance("kind", "Kind", 0, 1), 1);
    assert_int_equal(hs_osa_distance("scope", "scpoe", 0, 2), 1);
    assert_int_equal(hs_osa_distance("ca", "abc", 0, 3), 3); /* OSA: no edit of a swapped pair */
    assert_int_equal(hs_osa_distance("abc", "abcdef", 0, 1), 2);
    assert_int_equal(hs_osa_distance("", "", 0, 1), 0);
    /* Long strings are compared in linear time, up to one edit. */
    char a[2001], b[2001];
    memset(a, 'x', 2000);
    a[2000] = '\0';
    memcpy(b, a, sizeof a);
    b[1000] = 'y';
    assert_int_equal(hs_osa_distance(a, b, 0, 1), 1);
    b[1001] = 'y';
    assert_int_equal(hs_osa_distance(a, b, 0, 1), 2);
    b[1000] = b[1001] = 'x';
    b[1500] = 'Z';
    a[1500] = 'z';
    assert_int_equal(hs_osa_distance(a, b, 1, 1), 0);
}

/* ---- errors: all of them, with codes and lines ---------------------------------------- */

static void test_errors_collected(void **state) {
    (void)state;
    hs_diagnostics *d =
        check_gml(GU("<node id=\"A\"><data key=\"role\">king</data></node>\n" /* 17 */
                     "<node id=\"B\"><data key=\"since\">1990</data><data key=\"until\">1980</data></node>\n"
                     "<edge source=\"A\" target=\"B\"><data key=\"weight\">2</data></edge>\n" /* 19 */
                     "<edge source=\"A\" target=\"B\"><data key=\"kind\">alliance</data>"
                     "<data key=\"since\">nineteen</data></edge>\n"                         /* 20 */
                     "<node id=\"A\"/>\n"                                                   /* 21 */
                     "<edge source=\"A\" target=\"B\"><data key=\"zz\">1</data></edge>\n"), /* 22 */
                  HS_EINPUT);
    assert_string_equal(
        listing(d),
        "E unknown-value x.graphml:17: node 'A': unknown role 'king' (expected hub, ally, partner or other)\n"
        "E reversed-span x.graphml:18: node 'B': since 1990 > until 1980\n"
        "E weight-out-of-range x.graphml:19: edge 'A -- B': weight 2 is out of range (0, 1]\n"
        "E unknown-value x.graphml:20: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, "
        "intelligence, technology, exercise, partnership, dialogue or member)\n"
        "E bad-year x.graphml:20: edge 'A -- B': since 'nineteen' is not an integer year\n"
        "E duplicate-id x.graphml:21: duplicate id 'A' (first at line 17)\n"
        "E bad-data x.graphml:22: <data> refers to undeclared key 'zz'\n");
    /* Callers that read only the last error get the first and a count. */
    assert_string_equal(hs_error_last(),
                        "x.graphml:17: node 'A': unknown role 'king' (expected hub, ally, partner or "
                        "other) (and 6 more errors)");
    /* The plain reader still stops at the first, with the same message. */
    hs_model *m = NULL;
    const char *text = GU("<node id=\"A\"><data key=\"role\">king</data></node>\n<node id=\"A\"/>\n");
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "x.graphml", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(),
                        "x.graphml:17: node 'A': unknown role 'king' (expected hub, ally, partner or other)");
}

static void test_errors_then_fatal(void **state) {
    (void)state;
    /* A value error, then XML that ends the reading: both are listed. */
    hs_diagnostics *d = check_gml(GML_HEAD("undirected") "<node id=\"A\"><data key=\"weight\">x</data></node>\n"
                                                         "<node id=\"B\"></nod>\n",
                                  HS_EINPUT);
    assert_string_equal(listing(d),
                        "E bad-weight x.graphml:17: node 'A': weight 'x' is not a number\n"
                        "E unreadable x.graphml:18: XML error: Opening and ending tag mismatch: node line "
                        "18 and nod\n");
    d = check_gml(GU("<node id=\"A\"><data key=\"weight\">x</data></node>\n<edge source=\"A\"/>\n"), HS_EINPUT);
    assert_string_equal(listing(d),
                        "E bad-weight x.graphml:17: node 'A': weight 'x' is not a number\n"
                        "E unreadable x.graphml:18: <edge> without a target\n");
}

static void test_error_cap_stops_reading(void **state) {
    (void)state;
    /* 150 bad weights: 100 listed, and reading stops at the 101st. */
    size_t size = 200 * 80 + 2048;
    char *body = keep_text(calloc(1, size)), *p = body;
    p += sprintf(p, "%s", GML_HEAD("undirected"));
    for (int i = 0; i < 150; i++) p += sprintf(p, "<node id=\"n%d\"><data key=\"weight\">9</data></node>\n", i);
    sprintf(p, "%s", GML_TAIL);
    hs_diagnostics *d = check_gml(body, HS_EINPUT);
    assert_int_equal(hs_diagnostics_count(d), HS_DIAGNOSTICS_CAP);
    assert_int_equal(hs_diagnostics_error_count(d), HS_DIAGNOSTICS_CAP + 1);
    assert_string_equal(hs_error_last(),
                        "x.graphml:17: node 'n0': weight 9 is out of range (0, 1] (and 100 more errors)");
    hs_diagnostics_sort(d);
    const hs_diagnostic *last = hs_diagnostics_get(d, HS_DIAGNOSTICS_CAP - 1);
    assert_int_equal(last->line, 17 + HS_DIAGNOSTICS_CAP - 1);
}

/* ---- warnings: one fixture per check ----------------------------------------------------- */

#define KEY(id, dom) "<key id=\"" id "\" for=\"" dom "\" attr.name=\"" id "\" attr.type=\"string\"/>\n"

static void test_attribute_warnings(void **state) {
    (void)state;
    hs_diagnostics *d = check_gml(GML_HEAD("undirected") /* the keys come after the head's: line numbers move */
                                  "<node id=\"A\"/><node id=\"B\"/><node id=\"C\"/>\n" /* 17 */
                                  "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data "
                                  "key=\"color\">red</data></edge>\n" GML_TAIL,
                                  HS_OK);
    assert_string_equal(listing(d), ""); /* color is Graphviz's: no warning */

    const char *text = "<?xml version=\"1.0\"?>\n"
                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                       KEY("kind", "edge") KEY("untill", "edge") KEY("Kind", "edge") KEY("type", "edge")
                       KEY("scope", "edge") KEY("hight", "node") KEY("height", "node") KEY("since", "graph")
                       KEY("hub", "node") KEY("SINCE", "node") KEY("wieght", "edge") KEY("xlabel", "node")
                       "<graph edgedefault=\"undirected\"><data key=\"since\">1950</data>\n"                       /* 15 */
                       "<node id=\"A\"><data key=\"height\">2</data><data key=\"xlabel\">x</data></node>\n"         /* 16 */
                       "<node id=\"B\"><data key=\"hub\">yes</data><data key=\"SINCE\">1990</data></node>\n"        /* 17 */
                       "<node id=\"C\"><data key=\"hight\">2</data></node>\n"                                     /* 18 */
                       "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data key=\"untill\">1980</data>"
                       "<data key=\"wieght\">0.5</data></edge>\n"                                                  /* 19 */
                       "<edge source=\"A\" target=\"C\"><data key=\"kind\">treaty</data><data key=\"untill\">1980</data>"
                       "<data key=\"scope\">broad</data></edge>\n"                                                 /* 20 */
                       "<edge source=\"B\" target=\"C\"><data key=\"Kind\">treaty</data></edge>\n"                 /* 21 */
                       "<edge source=\"B\" target=\"C\"><data key=\"type\">treaty</data><data key=\"untill\"></data>"
                       "<data key=\"kind\">access</data></edge>\n"                                                 /* 22 */
                       "</graph></graphml>\n";
    d = check_gml(text, HS_OK);
    assert_string_equal(
        listing(d),
        "W misplaced-attribute x.graphml:17: node 'B': node attribute 'hub' is not in the schema (did you mean "
        "'role'?): it is kept as an extra attribute and has no effect\n"
        "W attribute-case x.graphml:17: node 'B': attribute 'SINCE' is not 'since' (names are case-sensitive): it "
        "is kept as an extra attribute and has no effect\n"
        "W unknown-attribute x.graphml:18: node 'C': unknown attribute 'hight' (did you mean 'weight'?): it is kept "
        "as an extra attribute and has no effect\n"
        "W unknown-attribute x.graphml:19: edge 'A -- B': unknown attribute 'untill' (did you mean 'until'?): it is "
        "kept as an extra attribute and has no effect (and 1 more edge)\n"
        "W unknown-attribute x.graphml:19: edge 'A -- B': unknown attribute 'wieght' (did you mean 'weight'?): it "
        "is kept as an extra attribute and has no effect\n"
        "W misplaced-attribute x.graphml:20: edge 'A -- C': 'scope' applies to mechanisms, not to an edge: it is "
        "kept as an extra attribute and has no effect\n"
        "W attribute-case x.graphml:21: edge 'B -- C': attribute 'Kind' is not 'kind' (names are case-sensitive): "
        "it is kept as an extra attribute and has no effect\n"
        "W untyped-tie x.graphml:21: edge 'B -- C': no kind: it counts as 'unspecified', with the codebook's depth "
        "for it (1.0 by default, as deep as a treaty), while 3 other ties of the file have a kind\n"
        "W misplaced-attribute x.graphml:22: edge 'B -- C': edge attribute 'type' is not in the schema (did you "
        "mean 'kind'?): it is kept as an extra attribute and has no effect\n"
        "W misplaced-attribute x.graphml: graph: 'since' applies to states, ties and mechanisms, not to a graph: it "
        "is kept as an extra attribute and has no effect\n");
}

/* A small system around a body: USA and its allies, labelled. */
#define SYSTEM(body)                                                                              \
    GU("<node id=\"USA\"><data key=\"label\">United States</data></node>\n"              /* 17 */ \
       "<node id=\"HUN\"><data key=\"label\">Hungary</data></node>\n"                    /* 18 */ \
       "<node id=\"AUT\"/><node id=\"IND\"/><node id=\"Japan\"/>\n"                      /* 19 */ \
       "<edge source=\"USA\" target=\"AUT\"><data key=\"kind\">treaty</data></edge>\n"   /* 20 */ \
       "<edge source=\"USA\" target=\"IND\"><data key=\"kind\">treaty</data></edge>\n"   /* 21 */ \
       "<edge source=\"USA\" target=\"Japan\"><data key=\"kind\">treaty</data></edge>\n" /* 22 */ \
       "<edge source=\"HUN\" target=\"Japan\"><data key=\"kind\">access</data></edge>\n" /* 23 */ \
       "<edge source=\"IND\" target=\"AUT\"><data key=\"kind\">dialogue</data></edge>\n" /* 24 */ body)

static void test_similar_ids(void **state) {
    (void)state;
    /* HNU: a swap in a code; Japna: one in a name; usa: case only. */
    hs_diagnostics *d =
        check_gml(SYSTEM("<edge source=\"USA\" target=\"HNU\"><data key=\"kind\">treaty</data></edge>\n"
                         "<edge source=\"USA\" target=\"Japna\"><data key=\"kind\">access</data></edge>\n"
                         "<edge source=\"HUN\" target=\"usa\"><data key=\"kind\">access</data></edge>\n"),
                  HS_OK);
    assert_string_equal(
        listing(d),
        "W similar-id x.graphml:25: node 'HNU': 'HNU' occurs only here and is one letter from 'HUN' (labelled, 2 "
        "edges): a typo adds a state of its own (did you mean 'HUN'?)\n"
        "W similar-id x.graphml:26: node 'Japna': 'Japna' occurs only here and is one letter from 'Japan' (2 "
        "edges): a typo adds a state of its own (did you mean 'Japan'?)\n"
        "W similar-id x.graphml:27: node 'usa': 'usa' occurs only here and is one letter from 'USA' (labelled, 5 "
        "edges): a typo adds a state of its own (did you mean 'USA'?)\n");
    /* Not typos: AUS beside AUT (codes one letter apart are mostly both
     * real), IDN beside IND (real codes, swapped), numbered ids, a letter
     * put in front of a name, names of three letters, an id used twice. */
    d = check_gml(SYSTEM("<edge source=\"USA\" target=\"AUS\"><data key=\"kind\">treaty</data></edge>\n"
                         "<edge source=\"USA\" target=\"IDN\"><data key=\"kind\">treaty</data></edge>\n"
                         "<node id=\"n1\"><data key=\"label\">one</data></node><node id=\"n2\"/>\n"
                         "<edge source=\"n1\" target=\"n2\"/><edge source=\"n1\" target=\"USA\"/>\n"
                         "<edge source=\"USA\" target=\"XJapan\"><data key=\"kind\">access</data></edge>\n"
                         "<edge source=\"USA\" target=\"HNUU\"><data key=\"kind\">access</data></edge>\n"
                         "<edge source=\"HUN\" target=\"Japn\"><data key=\"kind\">access</data></edge>\n"
                         "<edge source=\"USA\" target=\"Japn\"><data key=\"kind\">access</data></edge>\n"),
                  HS_OK);
    assert_string_equal(listing(d),
                        "W untyped-tie x.graphml:28: edge 'n1 -- n2': no kind: it counts as 'unspecified', "
                        "with the codebook's depth for it (1.0 by default, as deep as a treaty), while 11 "
                        "other ties of the file have a kind\n"
                        "W untyped-tie x.graphml:28: edge 'n1 -- USA': no kind: it counts as 'unspecified', "
                        "with the codebook's depth for it (1.0 by default, as deep as a treaty), while 11 "
                        "other ties of the file have a kind\n");
}

static void test_direction(void **state) {
    (void)state;
    /* In a digraph USA -> JPN says the hub depends on Japan; AUS has its
     * arc both ways (a mutual pact); KOR -> USA is the schema's direction. */
    hs_diagnostics *d = check_gml(GD("<edge source=\"USA\" target=\"JPN\"><data key=\"kind\">treaty</data></edge>\n"
                                     "<edge source=\"KOR\" target=\"USA\"><data key=\"kind\">treaty</data></edge>\n"
                                     "<edge source=\"USA\" target=\"AUS\"><data key=\"kind\">treaty</data></edge>\n"
                                     "<edge source=\"AUS\" target=\"USA\"><data key=\"kind\">treaty</data></edge>\n"
                                     "<edge source=\"USA\" target=\"PHL\"><data key=\"kind\">treaty</data>"
                                     "<data key=\"until\">1990</data></edge>\n"
                                     "<edge source=\"PHL\" target=\"USA\"><data key=\"kind\">treaty</data>"
                                     "<data key=\"since\">1990</data></edge>\n"
                                     "<edge source=\"USA\" target=\"JPN\"><data key=\"kind\">access</data></edge>\n"),
                                  HS_OK);
    assert_string_equal(
        listing(d),
        "W treaty-direction x.graphml:17: edge 'USA -> JPN': treaty arc from the hub: in a digraph 'a -> b' means a "
        "depends on b, so this says 'USA' depends on 'JPN'; the ally's dependence is 'JPN -> USA' (docs/schema.md, "
        "\"Direction\")\n"
        "W treaty-direction x.graphml:21: edge 'USA -> PHL': treaty arc from the hub: in a digraph 'a -> b' means a "
        "depends on b, so this says 'USA' depends on 'PHL'; the ally's dependence is 'PHL -> USA' (docs/schema.md, "
        "\"Direction\")\n");
    /* The same arcs in an undirected file are read as the schema says: no warning. */
    d = check_gml(GU("<edge source=\"USA\" target=\"JPN\"><data key=\"kind\">treaty</data></edge>\n"), HS_OK);
    assert_string_equal(listing(d), "");
}

static void test_spans_and_mechanisms(void **state) {
    (void)state;
    hs_diagnostics *d =
        check_gml(GU("<node id=\"SUN\"><data key=\"until\">1992</data></node>\n" /* 17 */
                     "<node id=\"RUS\"><data key=\"since\">1992</data></node><node id=\"POL\"/><node id=\"CSK\"><data "
                     "key=\"until\">1993</data></node>\n"
                     "<edge source=\"SUN\" target=\"POL\"><data key=\"kind\">treaty</data><data "
                     "key=\"since\">1995</data></edge>\n"                                               /* 19 */
                     "<edge source=\"SUN\" target=\"RUS\"><data key=\"kind\">dialogue</data></edge>\n"  /* 20 */
                     "<node id=\"Q\"><data key=\"type\">mechanism</data></node>\n"                      /* 21 */
                     "<node id=\"One\"><data key=\"type\">mechanism</data></node>\n"                    /* 22 */
                     "<node id=\"Apart\"><data key=\"type\">mechanism</data></node>\n"                  /* 23 */
                     "<node id=\"Fine\"><data key=\"type\">mechanism</data></node>\n"                   /* 24 */
                     "<edge source=\"POL\" target=\"One\"/><edge source=\"POL\" target=\"One\"/>\n"     /* 25 */
                     "<edge source=\"SUN\" target=\"Apart\"/><edge source=\"RUS\" target=\"Apart\"/>\n" /* 26 */
                     "<edge source=\"POL\" target=\"Fine\"><data key=\"until\">1960</data></edge>\n"    /* 27 */
                     "<edge source=\"CSK\" target=\"Fine\"><data key=\"since\">1950</data></edge>\n"    /* 28 */
                     "<edge source=\"CSK\" target=\"Q\"><data key=\"since\">1993</data></edge>\n"),     /* 29 */
                  HS_OK);
    assert_string_equal(
        listing(d),
        "W never-active x.graphml:19: edge 'SUN -- POL': never active: its years (1995 on) lie outside those of "
        "'SUN' (until 1991), so it counts in no year\n"
        "W never-active x.graphml:20: edge 'SUN -- RUS': never active: 'SUN' (until 1991) and 'RUS' (1992 on) are "
        "never active in the same year within its years (every year), so it counts in no year\n"
        "W mechanism-without-pair x.graphml:21: mechanism 'Q': one member only ('CSK'): a mechanism ties its members "
        "to each other, so it adds no tie\n"
        "W mechanism-without-pair x.graphml:22: mechanism 'One': one member only ('POL'): a mechanism ties its "
        "members to each other, so it adds no tie\n"
        "W mechanism-without-pair x.graphml:23: mechanism 'Apart': no two of its 2 members are ever active in it in "
        "the same year: it adds no tie\n"
        "W never-active x.graphml:29: edge 'CSK -- Q': never active: its years (1993 on) lie outside those of 'CSK' "
        "(until 1992), so it counts in no year\n");
    d = check_gml(GU("<node id=\"M\"><data key=\"type\">mechanism</data></node>\n"), HS_OK);
    assert_string_equal(listing(d),
                        "W mechanism-without-pair x.graphml:17: mechanism 'M': no state is a member: it "
                        "adds no tie (members are joined to it by kind=member edges)\n");
    /* A mechanism without a kind among typed ones; one with its own weight is left alone. */
    d = check_gml(GU("<node id=\"Q\"><data key=\"type\">mechanism</data><data key=\"kind\">dialogue</data></node>\n"
                     "<node id=\"T\"><data key=\"type\">mechanism</data></node>\n"
                     "<node id=\"W\"><data key=\"type\">mechanism</data><data key=\"weight\">0.3</data></node>\n"
                     "<edge source=\"A\" target=\"Q\"/><edge source=\"B\" target=\"Q\"/>"
                     "<edge source=\"A\" target=\"T\"/><edge source=\"B\" target=\"T\"/>"
                     "<edge source=\"A\" target=\"W\"/><edge source=\"B\" target=\"W\"/>\n"),
                  HS_OK);
    assert_string_equal(listing(d),
                        "W untyped-mechanism x.graphml:18: mechanism 'T': no kind: its co-membership ties "
                        "count as 'unspecified', with the codebook's depth for it (1.0 by default, as deep "
                        "as a treaty), while 1 other mechanism of the file has a kind\n");
}

static void test_ties(void **state) {
    (void)state;
    hs_diagnostics *d =
        check_gml(GU("<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data "
                     "key=\"since\">1950</data></edge>\n" /* 17 */
                     "<edge source=\"B\" target=\"A\"><data key=\"kind\">treaty</data><data "
                     "key=\"since\">1960</data></edge>\n" /* 18 */
                     "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data><data "
                     "key=\"until\">1950</data></edge>\n" /* 19 */
                     "<edge source=\"A\" target=\"C\"><data key=\"kind\">access</data><data "
                     "key=\"source\">SOFA</data></edge>\n"
                     "<edge source=\"A\" target=\"C\"><data key=\"kind\">access</data><data "
                     "key=\"source\">ACSA</data></edge>\n"
                     "<edge source=\"A\" target=\"C\"><data key=\"kind\">access</data><data key=\"source\">SOFA</data>"
                     "<data key=\"since\">2000</data></edge>\n"                                      /* 22 */
                     "<edge source=\"C\" target=\"C\"><data key=\"kind\">dialogue</data></edge>\n"), /* 23 */
                  HS_OK);
    assert_string_equal(
        listing(d),
        "W duplicate-tie x.graphml:18: edge 'B -- A': a second treaty tie between the same states as the one at line "
        "17 (1950 on), in overlapping years and with no source to tell them apart: both count, so the pair's depth "
        "is their sum\n"
        "W duplicate-tie x.graphml:22: edge 'A -- C': a second access tie between the same states as the one at line "
        "20 (every year), in overlapping years and with the same source: both count, so the pair's depth is their "
        "sum\n"
        "W self-tie x.graphml:23: edge 'C -- C': a tie of 'C' with itself carries no relation and counts nowhere\n");
}

/* A second <data> for one key on one element: the last counts (the first
 * is reported lost); the graph's between nodes too; the same value again and
 * a label are not. */
static void test_redefined_graphml(void **state) {
    (void)state;
    hs_diagnostics *d =
        check_gml(GU("<data key=\"hub\">A</data>\n"                                                           /* 17 */
                     "<node id=\"A\"><data key=\"since\">1945</data><data key=\"since\">1945</data></node>\n" /* 18 */
                     "<node id=\"B\"><data key=\"label\">B</data><data key=\"label\">Bee</data></node>\n"     /* 19 */
                     "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data>\n"                     /* 20 */
                     "<data key=\"kind\">dialogue</data></edge>\n"                                            /* 21 */
                     "<edge source=\"A\" target=\"C\"><data key=\"kind\">treaty</data></edge>\n"              /* 22 */
                     "<data key=\"hub\">C</data>\n"),                                                         /* 23 */
                  HS_OK);
    assert_string_equal(listing(d),
                        "W redefined-attribute x.graphml:21: edge 'A -- B': kind is set twice, to 'treaty' and then "
                        "to 'dialogue': only the last value counts, so 'treaty' is lost; set it once\n"
                        "W redefined-attribute x.graphml:23: graph: hub is set twice, to 'A' and then to 'C': only "
                        "the last value counts, so 'A' is lost; set it once\n");
}

static void test_hub(void **state) {
    (void)state;
    hs_diagnostics *d = check_gml(GU("<data key=\"hub\">USA</data><node id=\"USA\"/>\n"
                                     "<edge source=\"A\" target=\"B\"><data key=\"kind\">treaty</data></edge>\n"),
                                  HS_OK);
    assert_string_equal(listing(d),
                        "W hub-without-ties x.graphml: graph: the hub 'USA' has no tie at all: it has no "
                        "allies and every index is empty\n");
    /* A hub that names no vertex is an error, with the id it likely means. */
    d = check_gml(GU("<data key=\"hub\">usa</data><edge source=\"USA\" target=\"B\"/>\n"), HS_EINPUT);
    assert_string_equal(listing(d),
                        "E unknown-hub x.graphml: graph attribute hub='usa' names no node (did you mean "
                        "'USA'?)\n");
    d = check_gml(GU("<data key=\"hub\">USB</data><edge source=\"USA\" target=\"B\"/>\n"), HS_EINPUT);
    assert_string_equal(listing(d),
                        "E unknown-hub x.graphml: graph attribute hub='USB' names no node (did you mean "
                        "'USA'?)\n");
    d = check_gml(GU("<data key=\"hub\">USA</data>\n"
                     "<edge source=\"USA\" target=\"B\"><data key=\"kind\">access</data></edge>\n"),
                  HS_OK);
    assert_string_equal(listing(d),
                        "W hub-without-ties x.graphml: graph: the hub 'USA' has no treaty: without one it has "
                        "no allies (docs/schema.md, \"Roles\"), so the system is the hub alone\n");
    /* A treaty mechanism the hub belongs to makes allies. */
    d = check_gml(GU("<data key=\"hub\">USA</data>\n<node id=\"NATO\"><data key=\"type\">mechanism</data>"
                     "<data key=\"kind\">treaty</data></node>\n"
                     "<edge source=\"USA\" target=\"NATO\"/><edge source=\"GBR\" target=\"NATO\"/>\n"),
                  HS_OK);
    assert_string_equal(listing(d), "");
    d = check_gml(GU("<node id=\"SUN\"><data key=\"role\">hub</data><data key=\"until\">1992</data></node>\n"
                     "<node id=\"RUS\"><data key=\"role\">hub</data><data key=\"since\">1991</data></node>\n"
                     "<node id=\"USA\"><data key=\"role\">hub</data><data key=\"since\">2000</data>"
                     "<data key=\"until\">2001</data></node>\n"
                     "<edge source=\"SUN\" target=\"POL\"/><edge source=\"RUS\" target=\"POL\"/>"
                     "<edge source=\"USA\" target=\"POL\"/>\n"),
                  HS_OK);
    assert_string_equal(listing(d),
                        "W two-hubs x.graphml:18: node 'RUS': role=hub, as 'SUN' has, in overlapping years: "
                        "those years have two hubs and cannot be measured (set the graph attribute hub)\n"
                        "W two-hubs x.graphml:19: node 'USA': role=hub, as 'RUS' has, in overlapping years: "
                        "those years have two hubs and cannot be measured (set the graph attribute hub)\n");
}

/* ---- DOT: lines from the helper, subgraphs that declare nothing --------------------- */

static void test_dot(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    /* The mistakes of issue 16 in one file, each reported at its line. */
    const char *soviet =
        "graph soviet {\n"                                       /* 1 */
        "  hub=SUN;\n"                                           /* 2 */
        "  SUN [label=\"Soviet Union\", until=1992];\n"          /* 3 */
        "  POL [label=Poland]; HUN [label=Hungary];\n"           /* 4 */
        "  SUN -- POL [kind=treaty, since=1955, untill=1980];\n" /* 5 */
        "  SUN -- HUN [Kind=treaty, since=1955];\n"              /* 6 */
        "  SUN -- HNU [kind=treaty, since=1955];\n"              /* 7 */
        "  subgraph Quad { USA; JPN; AUS; IND; }\n"              /* 8 */
        "  subgraph WTO { label=\"Warsaw Pact\"; since=1955;\n"  /* 9 */
        "    SUN; POL; HUN; }\n"                                 /* 10 */
        "  subgraph layout { rank=same; POL; HUN; }\n"           /* 11 */
        "  subgraph { SUN; POL; }\n"                             /* 12 */
        "}\n";
    hs_diagnostics *d = check_text(soviet, HS_FORMAT_DOT, "soviet.gv", HS_OK);
    assert_string_equal(
        listing(d),
        "W unknown-attribute soviet.gv:5: edge 'SUN -- POL': unknown attribute 'untill' (did you mean 'until'?): it "
        "is kept as an extra attribute and has no effect\n"
        "W attribute-case soviet.gv:6: edge 'SUN -- HUN': attribute 'Kind' is not 'kind' (names are case-sensitive): "
        "it is kept as an extra attribute and has no effect\n"
        "W untyped-tie soviet.gv:6: edge 'SUN -- HUN': no kind: it counts as 'unspecified', with the codebook's "
        "depth for it (1.0 by default, as deep as a treaty), while 2 other ties of the file have a kind\n"
        "W similar-id soviet.gv:7: node 'HNU': 'HNU' occurs only here and is one letter from 'HUN' (labelled, 1 "
        "edge): a typo adds a state of its own (did you mean 'HUN'?)\n"
        "W subgraph-not-cluster soviet.gv:8: subgraph 'Quad': groups 4 states but declares no mechanism: only a "
        "subgraph named 'cluster_Quad' does (docs/schema.md, \"Mechanisms in DOT\")\n"
        "W subgraph-not-cluster soviet.gv:9: subgraph 'WTO': sets label,since and groups 3 states but declares no "
        "mechanism: only a subgraph named 'cluster_WTO' does (docs/schema.md, \"Mechanisms in DOT\")\n");
    /* Errors of a DOT file are all listed, at their lines. */
    d = check_text("graph g {\n A -- B [kind=alliance];\n\n C [role=king];\n D -- E [since=2000, until=1990];\n}\n",
                   HS_FORMAT_DOT, "x.gv", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E unknown-value x.gv:2: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, "
                        "intelligence, technology, exercise, partnership, dialogue or member)\n"
                        "E unknown-value x.gv:4: node 'C': unknown role 'king' (expected hub, ally, partner or other)\n"
                        "E reversed-span x.gv:5: edge 'D -- E': since 2000 > until 1990\n");
    /* A file with errors still gets the warnings about names and statements
     * (the others need a model without errors: no duplicate-tie here). */
    d = check_text(
        "graph g {\n A -- B [kind=alliance];\n A -- C [kind=treaty, untill=1990];\n"
        " A -- C [kind=treaty];\n A [since=1950]; A [since=1960];\n}\n",
        HS_FORMAT_DOT, "x.gv", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E unknown-value x.gv:2: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, "
                        "intelligence, technology, exercise, partnership, dialogue or member)\n"
                        "W unknown-attribute x.gv:3: edge 'A -- C': unknown attribute 'untill' (did you mean "
                        "'until'?): it is kept as an extra attribute and has no effect\n"
                        "W redefined-attribute x.gv:5: node 'A': since is set twice, to '1950' and then to '1960': "
                        "only the last value counts, so '1950' is lost; set it once\n");
    /* A syntax error is the one error there is. */
    d = check_text("graph g {\n A -- B [kind=treaty\n}\n", HS_FORMAT_DOT, "x.gv", HS_EINPUT);
    assert_string_equal(listing(d), "E unreadable x.gv:3: syntax error near '}'\n");
    /* A value set again to another (DOT keeps the last): on a node, on the
     * one edge of a strict graph, on a cluster, on the graph. The same value
     * again, a default that a statement overrides, a nested cluster's copy
     * of its parent's values, a subgraph that is not a cluster, a label or an
     * attribute outside the schema: no. */
    d = check_text(
        "strict graph g {\n"                                                   /* 1 */
        "  HUN [label=Hungary, since=1945, color=red];\n"                      /* 2 */
        "  POL [label=Poland];\n"                                              /* 3 */
        "  HUN [since=1949, color=blue, label=Magyarorszag];\n"                /* 4 */
        "  POL [label=Poland];\n"                                              /* 5 */
        "  HUN -- POL [kind=treaty, since=1955];\n"                            /* 6 */
        "  POL -- HUN [kind=dialogue, since=1955];\n"                          /* 7 */
        "  node [since=1950]; CSK [label=Czechoslovakia]; CSK [since=1960];\n" /* 8 */
        "  subgraph cluster_WTO { since=1955; HUN; POL; CSK;\n"                /* 9 */
        "    subgraph cluster_in { since=1956; HUN; POL; } }\n"                /* 10 */
        "  subgraph cluster_WTO { since=1956; }\n"                             /* 11 */
        "  subgraph other { since=1955; } subgraph other { since=1956; }\n"    /* 12 */
        "  hub=HUN; hub=POL;\n"                                                /* 13 */
        "}\n",
        HS_FORMAT_DOT, "r.gv", HS_OK);
    assert_string_equal(listing(d),
                        "W redefined-attribute r.gv:4: node 'HUN': since is set twice, to '1945' and then to "
                        "'1949': only the last value counts, so '1945' is lost; set it once\n"
                        "W redefined-attribute r.gv:7: edge 'HUN -- POL': kind is set twice, to 'treaty' and then to "
                        "'dialogue': only the last value counts, so 'treaty' is lost; set it once\n"
                        "W redefined-attribute r.gv:11: mechanism 'WTO': since is set twice, to '1955' and then to "
                        "'1956': only the last value counts, so '1955' is lost; set it once\n"
                        "W redefined-attribute r.gv:13: graph: hub is set twice, to 'HUN' and then to 'POL': only the "
                        "last value counts, so 'HUN' is lost; set it once\n"
                        "W hub-without-ties r.gv: graph: the hub 'POL' has no treaty: without one it has no allies "
                        "(docs/schema.md, \"Roles\"), so the system is the hub alone\n");
}

/* ---- files that are right give nothing ------------------------------------------------- */

static void test_clean_dataset(void **state) {
    (void)state;
    const char *src = getenv("HS_SRC");
    if (!src) {
        skip();
        return;
    }
    static const char *const files[] = {"graphs/asia-pacific.graphml", "graphs/us-japan-rok.graphml",
                                        "graphs/asia-pacific.gv", "graphs/us-japan-rok.gv"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (strstr(files[i], ".gv") && !dot_helper_available()) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", src, files[i]);
        hs_diagnostics *d = new_list();
        hs_model *m = NULL;
        assert_int_equal(hs_check_read_file(path, HS_FORMAT_UNKNOWN, files[i], d, &m), HS_OK);
        hs_model_destroy(m);
        assert_string_equal(listing(d), "");
    }
}

/* ---- hostile inputs ---------------------------------------------------------------------- */

static void test_hostile(void **state) {
    (void)state;
    /* Ids of 100,000 letters one letter apart: left out of the comparison,
     * in linear time. An attribute name with a line end and one of 5,000
     * letters: each message stays one line. */
    size_t n = 100000, size = 2 * n + 8192;
    char *text = keep_text(calloc(1, size)), *p = text;
    p += sprintf(p,
                 "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                 "<key id=\"a\" for=\"edge\" attr.name=\"unt&#10;il\"/>\n<key id=\"b\" for=\"edge\" attr.name=\"");
    memset(p, 'w', 5000);
    p += 5000;
    p += sprintf(p,
                 "\"/>\n<key id=\"c\" for=\"edge\" attr.name=\"Until\"/>\n<graph edgedefault=\"undirected\">\n"
                 "<node id=\"");
    memset(p, 'x', n);
    p += n;
    p += sprintf(p, "\"/>\n<edge source=\"");
    memset(p, 'x', n - 1);
    p += n - 1;
    p += sprintf(p,
                 "y\" target=\"B\"><data key=\"a\">1</data><data key=\"b\">1</data><data key=\"c\">1990</data>"
                 "</edge>\n<edge source=\"B\" target=\"C\"/></graph></graphml>\n");
    hs_diagnostics *d = check_gml(text, HS_OK);
    hs_diagnostics_sort(d);
    assert_int_equal(hs_diagnostics_count(d), 2);
    const hs_diagnostic *g = hs_diagnostics_get(d, 0);
    assert_string_equal(g->code, "unknown-attribute");
    assert_null(strchr(g->reason, '\n'));
    assert_non_null(strstr(g->reason, "unknown attribute 'unt il' (did you mean 'until'?)"));
    assert_string_equal(hs_diagnostics_get(d, 1)->code, "attribute-case");

    /* 2,000 mechanisms of one member: 100 warnings kept, all counted. */
    size = 2000 * 160 + 4096;
    text = keep_text(calloc(1, size));
    p = text + sprintf(text, "%s", GML_HEAD("undirected"));
    for (int i = 0; i < 2000; i++)
        p += sprintf(p,
                     "<node id=\"M%d\"><data key=\"type\">mechanism</data></node><edge source=\"S\" target=\"M%d\"/>\n",
                     i, i);
    sprintf(p, "%s", GML_TAIL);
    d = check_gml(text, HS_OK);
    assert_int_equal(hs_diagnostics_count(d), HS_DIAGNOSTICS_CAP);
    assert_int_equal(hs_diagnostics_warning_count(d), 2000);
    assert_int_equal(hs_diagnostics_error_count(d), 0);

    /* A key default gives every edge the misspelt attribute: counted once. */
    d = check_gml(
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"u\" for=\"edge\" attr.name=\"untill\"><default>1980</default></key>\n"
        "<graph edgedefault=\"undirected\">\n<edge source=\"A\" target=\"B\"/>\n<edge source=\"B\" target=\"C\"/>\n"
        "<edge source=\"C\" target=\"A\"/>\n</graph></graphml>\n",
        HS_OK);
    assert_string_equal(listing(d),
                        "W unknown-attribute x.graphml:5: edge 'A -- B': unknown attribute 'untill' (did you "
                        "mean 'until'?): it is kept as an extra attribute and has no effect (and 2 more "
                        "edges)\n");
}

/* ---- building a model ------------------------------------------------------------------------ */

static void test_built_model(void **state) {
    (void)state;
    hs_model *m = NULL;
    assert_int_equal(hs_model_new(0, "edges.csv", &m), HS_OK);
    hs_diagnostics *d = new_list();
    hs_check_collect(m, d);
    size_t a, b, e;
    assert_int_equal(hs_model_append_vertex(m, "A", 2, &a), HS_OK);
    assert_int_equal(hs_model_append_vertex(m, "B", 3, &b), HS_OK);
    assert_int_equal(hs_model_append_edge(m, a, b, 4, &e), HS_OK);
    /* Collected: the setters go on, leaving the refused value as it was. */
    assert_int_equal(hs_edge_set_attr(m, e, "kind", "alliance"), HS_OK);
    assert_int_equal(hs_edge_set_attr(m, e, "weight", "2"), HS_OK);
    assert_int_equal(hs_edge_set_attr(m, e, "untill", "1980"), HS_OK);
    assert_int_equal(hs_model_append_vertex(m, "A", 5, NULL), HS_OK);
    assert_int_equal(hs_check_built_model(m, d), HS_EINPUT);
    assert_string_equal(listing(d),
                        "E unknown-value edges.csv:4: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, "
                        "intelligence, technology, exercise, partnership, dialogue or member)\n"
                        "E weight-out-of-range edges.csv:4: edge 'A -- B': weight 2 is out of range (0, 1]\n"
                        "E duplicate-id edges.csv:5: duplicate id 'A' (first at line 2)\n");
    hs_model_destroy(m);

    /* Without errors: the warnings. */
    assert_int_equal(hs_model_new(0, "edges.csv", &m), HS_OK);
    d = new_list();
    hs_check_collect(m, d);
    assert_int_equal(hs_model_append_vertex(m, "A", 2, &a), HS_OK);
    assert_int_equal(hs_model_append_edge(m, a, a, 2, &e), HS_OK);
    assert_int_equal(hs_check_built_model(m, d), HS_OK);
    assert_string_equal(listing(d),
                        "W self-tie edges.csv:2: edge 'A -- A': a tie of 'A' with itself carries no relation "
                        "and counts nowhere\n");
    hs_model_destroy(m);
}

/* ---- files in another format ------------------------------------------------------ */

static void test_foreign_formats(void **state) {
    (void)state;
    if (!dot_helper_available()) {
        skip();
        return;
    }
    /* What DOT's parser would call a syntax error is named for what it is. */
    hs_diagnostics *d = check_text("source,target,kind\nUSA,JPN,treaty\n", HS_FORMAT_UNKNOWN, "ties.txt", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E foreign-format ties.txt: looks like CSV, not DOT or GraphML (the formats hubspoke "
                        "reads)\n");
    d = check_text("from\tto\nA\tB\n", HS_FORMAT_UNKNOWN, "ties", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E foreign-format ties: looks like CSV, not DOT or GraphML (the formats hubspoke "
                        "reads)\n");
    d = check_text("{\"nodes\": [], \"links\": []}\n", HS_FORMAT_UNKNOWN, "g", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E foreign-format g: looks like JSON, not DOT or GraphML (the formats hubspoke "
                        "reads)\n");
    d = check_text("graph [\n  node [ id 1 label \"A\" ]\n]\n", HS_FORMAT_UNKNOWN, "g", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E foreign-format g: looks like GML, not DOT or GraphML (the formats hubspoke "
                        "reads)\n");
    d = check_text("Creator \"igraph\"\ngraph\n[\n]\n", HS_FORMAT_UNKNOWN, "g", HS_EINPUT);
    assert_string_equal(listing(d),
                        "E foreign-format g: looks like GML, not DOT or GraphML (the formats hubspoke "
                        "reads)\n");
    /* A DOT file with a mistake stays a DOT file with a mistake. */
    d = check_text("graph g {\n A -- B [kind=treaty, since=1950\n}\n", HS_FORMAT_UNKNOWN, "g.gv", HS_EINPUT);
    assert_string_equal(listing(d), "E unreadable g.gv:3: syntax error near '}'\n");
    d = check_text("digraph {\n a, b -> c\n", HS_FORMAT_UNKNOWN, "g", HS_EINPUT);
    assert_string_equal(listing(d), "E unreadable g:3: syntax error\n");
}

static void test_hub_active(void **state) {
    (void)state;
    hs_model *m = NULL;
    const char *text =
        GU("<data key=\"hub\">SUN</data><node id=\"SUN\"><data key=\"since\">1922</data>"
           "<data key=\"until\">1992</data></node><node id=\"USA\"/>\n");
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "x.graphml", &m), HS_OK);
    char reason[128] = "";
    assert_int_equal(hs_check_hub_active(m, NULL, 1991, reason, sizeof reason), 1);
    assert_string_equal(reason, "");
    assert_int_equal(hs_check_hub_active(m, NULL, 1992, reason, sizeof reason), 0);
    assert_string_equal(reason, "the hub 'SUN' is active 1922-1991, not in 1992");
    assert_int_equal(hs_check_hub_active(m, NULL, 1921, NULL, 0), 0);
    assert_int_equal(hs_check_hub_active(m, "USA", 1992, NULL, 0), 1);
    assert_int_equal(hs_check_hub_active(m, "SUN", 2000, reason, sizeof reason), 0);
    assert_string_equal(reason, "the hub 'SUN' is active 1922-1991, not in 2000");
    assert_int_equal(hs_check_hub_active(m, "nobody", 2000, NULL, 0), 1); /* the view names that error */
    hs_model_destroy(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_list, release_all),
        cmocka_unit_test_teardown(test_cap, release_all),
        cmocka_unit_test_teardown(test_distance, release_all),
        cmocka_unit_test_teardown(test_errors_collected, release_all),
        cmocka_unit_test_teardown(test_errors_then_fatal, release_all),
        cmocka_unit_test_teardown(test_error_cap_stops_reading, release_all),
        cmocka_unit_test_teardown(test_attribute_warnings, release_all),
        cmocka_unit_test_teardown(test_similar_ids, release_all),
        cmocka_unit_test_teardown(test_direction, release_all),
        cmocka_unit_test_teardown(test_spans_and_mechanisms, release_all),
        cmocka_unit_test_teardown(test_ties, release_all),
        cmocka_unit_test_teardown(test_redefined_graphml, release_all),
        cmocka_unit_test_teardown(test_hub, release_all),
        cmocka_unit_test_teardown(test_dot, release_all),
        cmocka_unit_test_teardown(test_clean_dataset, release_all),
        cmocka_unit_test_teardown(test_hostile, release_all),
        cmocka_unit_test_teardown(test_built_model, release_all),
        cmocka_unit_test_teardown(test_foreign_formats, release_all),
        cmocka_unit_test_teardown(test_hub_active, release_all),
    };
    hs_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
