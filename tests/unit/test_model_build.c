/* Unit tests of the model-building API (model.h, "Building a model") and of
 * the importer's library entry points (import.h): a model built in code holds
 * what was set, refuses every bad value with the readers' own message, writes
 * and reads back unchanged; hs_import_file on the synthetic COW file gives the
 * hand-counted elements. */
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

#include "hubspoke/import.h"
#include "hubspoke/model.h"

/* Models a test makes are released by the teardown even when an assertion
 * leaves the test early. */
static hs_model *tracked[16];
static size_t ntracked;
static hs_model *track(hs_model *m) {
    if (m && ntracked < 16) tracked[ntracked++] = m;
    return m;
}
static int release_all(void **state) {
    (void)state;
    while (ntracked) hs_model_destroy(tracked[--ntracked]);
    return 0;
}

#define OK(call)                                                                       \
    do {                                                                               \
        hs_error e_ = (call);                                                          \
        if (e_ != HS_OK) fail_msg("%s failed: %s", #call, hs_error_last());            \
    } while (0)

/* The call fails with `code` and exactly this message. */
#define REFUSED(call, code, message)                                                   \
    do {                                                                               \
        hs_error_clear();                                                              \
        hs_error e_ = (call);                                                          \
        assert_int_equal(e_, (code));                                                  \
        assert_string_equal(hs_error_last(), (message));                               \
    } while (0)

static hs_model *new_model(int directed) {
    hs_model *m = NULL;
    OK(hs_model_new(directed, "built", &m));
    assert_non_null(m);
    return track(m);
}

/* USA, JPN, AUS and the Quad mechanism (2017-) with USA and JPN as members,
 * a USA-JPN treaty 1951-, and an access tie with an extra attribute. */
static hs_model *quad(void) {
    hs_model *m = new_model(0);
    size_t usa, jpn, aus, q, e;
    OK(hs_model_append_vertex(m, "USA", 0, &usa));
    OK(hs_model_append_vertex(m, "JPN", 0, &jpn));
    OK(hs_model_append_vertex(m, "AUS", 0, &aus));
    OK(hs_model_append_vertex(m, "Quad", 0, &q));
    OK(hs_vertex_set_attr(m, usa, "label", "United States"));
    OK(hs_vertex_set_type(m, q, HS_VERTEX_MECHANISM));
    OK(hs_vertex_set_kind(m, q, HS_KIND_DIALOGUE));
    OK(hs_vertex_set_scope(m, q, HS_SCOPE_BROAD));
    OK(hs_vertex_set_span(m, q, 2017, HS_UNTIL_OPEN));
    OK(hs_vertex_set_attr(m, q, "weight", "0.4"));
    OK(hs_model_append_edge(m, jpn, usa, 0, &e));
    OK(hs_edge_set_kind(m, e, HS_KIND_TREATY));
    OK(hs_edge_set_span(m, e, 1951, HS_UNTIL_OPEN));
    OK(hs_edge_set_attr(m, e, "source", "Treaty of San Francisco"));
    OK(hs_edge_set_attr(m, e, "atopid", "3260"));
    OK(hs_model_append_edge(m, aus, usa, 0, &e));
    OK(hs_edge_set_kind(m, e, HS_KIND_ACCESS));
    OK(hs_edge_set_span(m, e, 2011, 2030));
    /* Member edges: one with its kind set, one untyped (a tie to a mechanism
     * is a membership, as in files). */
    OK(hs_model_append_edge(m, usa, q, 0, &e));
    OK(hs_edge_set_kind(m, e, HS_KIND_MEMBER));
    OK(hs_model_append_edge(m, q, jpn, 0, NULL));
    OK(hs_model_set_graph_attr(m, "hub", "USA"));
    OK(hs_model_set_graph_attr(m, "period", "2020"));
    OK(hs_model_check(m));
    return m;
}

static void test_build(void **state) {
    (void)state;
    hs_model *m = quad();
    assert_int_equal(hs_model_vertex_count(m), 4);
    assert_int_equal(hs_model_edge_count(m), 4);
    assert_int_equal(hs_model_directed(m), 0);
    assert_string_equal(hs_model_file(m), "built");
    assert_string_equal(hs_model_hub(m), "USA");
    assert_string_equal(hs_model_period(m), "2020");
    long q = hs_model_find(m, "Quad");
    assert_int_equal(q, 3);
    assert_int_equal(hs_vertex_type_of(m, 3), HS_VERTEX_MECHANISM);
    assert_int_equal(hs_vertex_kind(m, 3), HS_KIND_DIALOGUE);
    assert_int_equal(hs_vertex_scope(m, 3), HS_SCOPE_BROAD);
    assert_int_equal(hs_vertex_since(m, 3), 2017);
    assert_int_equal(hs_vertex_until(m, 3), HS_UNTIL_OPEN);
    assert_true(hs_vertex_weight(m, 3) == 0.4);
    assert_string_equal(hs_vertex_label(m, 0), "United States");
    assert_null(hs_vertex_label(m, 1));
    assert_int_equal(hs_vertex_type_of(m, 1), HS_VERTEX_STATE);
    /* Edge 0: JPN - USA treaty from 1951. */
    assert_int_equal(hs_edge_from(m, 0), 1);
    assert_int_equal(hs_edge_to(m, 0), 0);
    assert_int_equal(hs_edge_kind(m, 0), HS_KIND_TREATY);
    assert_int_equal(hs_edge_since(m, 0), 1951);
    assert_int_equal(hs_edge_until(m, 0), HS_UNTIL_OPEN);
    assert_string_equal(hs_edge_source(m, 0), "Treaty of San Francisco");
    assert_int_equal(hs_edge_until(m, 1), 2030);
    /* The check turned the untyped Quad - JPN edge into JPN's membership,
     * written state first. */
    assert_int_equal(hs_edge_kind(m, 3), HS_KIND_MEMBER);
    assert_int_equal(hs_edge_from(m, 3), 1);
    assert_int_equal(hs_edge_to(m, 3), 3);
}

/* Written by hs_model_write_file and read back: the same model, extras included. */
static void test_write_read_back(void **state) {
    (void)state;
    hs_model *m = quad();
    char dir[] = "/tmp/hs-build-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *ext[] = {"graphml", "gv"};
    for (int k = 0; k < 2; k++) {
        if (k == 1 && !getenv("HUBSPOKE_DOT_HELPER")) {
            print_message("DOT read-back skipped: HUBSPOKE_DOT_HELPER is unset\n");
            continue;
        }
        char path[64];
        snprintf(path, sizeof path, "%s/quad.%s", dir, ext[k]);
        OK(hs_model_write_file(m, path, HS_FORMAT_UNKNOWN));
        hs_model *r = NULL;
        hs_error err = hs_model_read_file(path, HS_FORMAT_UNKNOWN, NULL, &r);
        unlink(path);
        if (err) fail_msg("read back: %s", hs_error_last());
        track(r);
        assert_int_equal(hs_model_vertex_count(r), 4);
        assert_int_equal(hs_model_edge_count(r), 4);
        for (size_t i = 0; i < 4; i++) {
            assert_string_equal(hs_vertex_id(r, i), hs_vertex_id(m, i));
            assert_int_equal(hs_vertex_type_of(r, i), hs_vertex_type_of(m, i));
            assert_int_equal(hs_vertex_since(r, i), hs_vertex_since(m, i));
            assert_int_equal(hs_edge_kind(r, i), hs_edge_kind(m, i));
            assert_int_equal(hs_edge_since(r, i), hs_edge_since(m, i));
            assert_int_equal(hs_edge_until(r, i), hs_edge_until(m, i));
        }
        assert_string_equal(hs_model_hub(r), "USA");
        assert_true(hs_vertex_weight(r, 3) == 0.4);
    }
    /* The extra attribute is in the GraphML text under its own name. */
    char path[64], buf[8192];
    snprintf(path, sizeof path, "%s/quad.graphml", dir);
    OK(hs_model_write_file(m, path, HS_FORMAT_UNKNOWN));
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    unlink(path);
    rmdir(dir);
    assert_non_null(strstr(buf, "attr.name=\"atopid\""));
    assert_non_null(strstr(buf, ">3260</data>"));
}

/* Each setter refuses what the readers refuse, with their message; the line
 * given names the source row. */
static void test_refusals(void **state) {
    (void)state;
    hs_model *m = new_model(0);
    size_t a, b, q, e;
    OK(hs_model_append_vertex(m, "A", 3, &a));
    OK(hs_model_append_vertex(m, "B", 0, &b));
    OK(hs_model_append_vertex(m, "Q", 7, &q));
    REFUSED(hs_model_append_vertex(m, "A", 9, NULL), HS_EINPUT, "built:9: duplicate id 'A' (first at line 3)");
    REFUSED(hs_model_append_vertex(m, "", 0, NULL), HS_EARG, "built: a vertex needs a non-empty id");
    REFUSED(hs_model_append_edge(m, a, 5, 0, NULL), HS_EARG,
            "built: edge 0 -> 5 names a vertex the model does not have (3 vertices)");
    OK(hs_model_append_edge(m, a, b, 12, &e));
    REFUSED(hs_edge_set_attr(m, e, "kind", "alliance"), HS_EINPUT,
            "built:12: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, intelligence, technology, "
            "exercise, partnership, dialogue or member)");
    REFUSED(hs_edge_set_kind(m, e, (hs_kind)42), HS_EINPUT,
            "built:12: edge 'A -- B': unknown kind 'unspecified' (expected treaty, access, intelligence, technology, "
            "exercise, partnership, dialogue or member)");
    REFUSED(hs_edge_set_span(m, e, 12000, HS_UNTIL_OPEN), HS_EINPUT,
            "built:12: edge 'A -- B': since 12000 is out of range [-9999, 9999]");
    REFUSED(hs_edge_set_attr(m, e, "weight", "1.5"), HS_EINPUT, "built:12: edge 'A -- B': weight 1.5 is out of range (0, 1]");
    REFUSED(hs_vertex_set_attr(m, a, "since", "1950s"), HS_EINPUT, "built:3: node 'A': since '1950s' is not an integer year");
    REFUSED(hs_vertex_set_attr(m, a, "role", "king"), HS_EINPUT,
            "built:3: node 'A': unknown role 'king' (expected hub, ally, partner or other)");
    REFUSED(hs_vertex_set_kind(m, q, HS_KIND_MEMBER), HS_EINPUT,
            "built:7: node 'Q': unknown kind 'member' (expected treaty, access, intelligence, technology, exercise, "
            "partnership or dialogue)");
    REFUSED(hs_vertex_set_type(m, a, (hs_vertex_type)5), HS_EARG, "built: unknown vertex type 5");
    REFUSED(hs_vertex_set_attr(m, 99, "label", "x"), HS_EARG, "built: no vertex 99");
    REFUSED(hs_edge_set_attr(m, 99, "label", "x"), HS_EARG, "built: no edge 99");
    /* A refused value left the element as it was. */
    assert_int_equal(hs_edge_kind(m, e), HS_KIND_UNSET);
    assert_int_equal(hs_vertex_kind(m, q), HS_KIND_UNSET);
    assert_int_equal(hs_vertex_role(m, a), HS_ROLE_UNSET);
    assert_int_equal(hs_edge_since(m, e), HS_SINCE_OPEN);
    /* Whole-model checks run in hs_model_check. */
    OK(hs_edge_set_span(m, e, 2000, 1990));
    REFUSED(hs_model_check(m), HS_EINPUT, "built:12: edge 'A -- B': since 2000 > until 1990");
}

static void test_check_refusals(void **state) {
    (void)state;
    hs_model *m = new_model(1);
    size_t a, q, e;
    OK(hs_model_append_vertex(m, "A", 0, &a));
    OK(hs_model_append_vertex(m, "Q", 0, &q));
    OK(hs_vertex_set_kind(m, a, HS_KIND_TREATY));
    REFUSED(hs_model_check(m), HS_EINPUT, "built: node 'A': attribute 'kind' applies to mechanisms only (set type=mechanism)");
    m = new_model(1);
    OK(hs_model_append_vertex(m, "A", 0, &a));
    OK(hs_model_append_vertex(m, "B", 0, &q));
    OK(hs_model_append_edge(m, a, q, 0, &e));
    OK(hs_edge_set_kind(m, e, HS_KIND_MEMBER));
    REFUSED(hs_model_check(m), HS_EINPUT,
            "built: edge 'A -> B': a member edge must end at a mechanism, and 'B' is not one (type=mechanism)");
    m = new_model(1);
    OK(hs_model_append_vertex(m, "A", 0, &a));
    OK(hs_model_set_graph_attr(m, "hub", "Z"));
    REFUSED(hs_model_check(m), HS_EINPUT, "built: graph attribute hub='Z' names no node");
}

/* hs_import_file on tests/data/import/cow.csv (see tests/cli/cli_import.sh for
 * the element-by-element expectations): 7 states + 2 mechanisms; 5 ties + 8
 * memberships. */
static void test_import_counts(void **state) {
    (void)state;
    const char *src = getenv("HS_TESTDATA");
    if (!src) {
        print_message("skipped: HS_TESTDATA is unset\n");
        skip();
    }
    char path[4096], states[4096];
    snprintf(path, sizeof path, "%s/import/cow.csv", src);
    snprintf(states, sizeof states, "%s/import/states.csv", src);
    hs_import_options o;
    hs_import_options_init(&o);
    o.states_file = states;
    hs_model *m = NULL;
    OK(hs_import_file(path, &o, &m));
    track(m);
    assert_int_equal(hs_model_vertex_count(m), 9);
    assert_int_equal(hs_model_edge_count(m), 13);
    size_t mech = 0, member = 0;
    for (size_t i = 0; i < hs_model_vertex_count(m); i++) mech += hs_vertex_type_of(m, i) == HS_VERTEX_MECHANISM;
    for (size_t i = 0; i < hs_model_edge_count(m); i++) member += hs_edge_kind(m, i) == HS_KIND_MEMBER;
    assert_int_equal(mech, 2);
    assert_int_equal(member, 8);
    /* A refused file leaves *out NULL. */
    hs_model *bad = (hs_model *)1;
    o.dataset = HS_DATASET_ATOP;
    char want[4200];
    snprintf(want, sizeof want, "%s:1: no column 'atopid': not an ATOP member-level file (docs/import.md)", path);
    REFUSED(hs_import_file(path, &o, &bad), HS_EINPUT, want);
    assert_null(bad);
}

static void test_tables(void **state) {
    (void)state;
    assert_string_equal(hs_cow_iso3(2), "USA");
    assert_string_equal(hs_cow_iso3(200), "GBR");
    assert_string_equal(hs_cow_iso3(305), "AUT"); /* COW's AUS is Austria */
    assert_string_equal(hs_cow_iso3(900), "AUS"); /* ... and Australia is AUL */
    assert_string_equal(hs_cow_iso3(732), "KOR");
    assert_string_equal(hs_cow_iso3(990), "WSM");
    assert_null(hs_cow_iso3(365)); /* Russia and the USSR */
    assert_null(hs_cow_iso3(255));
    assert_null(hs_cow_iso3(260));
    assert_null(hs_cow_iso3(345));
    assert_null(hs_cow_iso3(1));
    assert_null(hs_cow_iso3(0));
    assert_int_equal(hs_obligation_parse("defense"), HS_OBLIG_DEFENSE);
    assert_int_equal(hs_obligation_parse("consultation"), HS_OBLIG_CONSULTATION);
    assert_int_equal(hs_obligation_parse("defence"), 0);
    assert_int_equal(hs_dataset_obligations(HS_DATASET_COW),
                     HS_OBLIG_DEFENSE | HS_OBLIG_NEUTRALITY | HS_OBLIG_NONAGGRESSION | HS_OBLIG_ENTENTE);
    assert_int_equal(hs_dataset_obligations(HS_DATASET_ATOP), HS_OBLIG_DEFENSE | HS_OBLIG_OFFENSE |
                                                                  HS_OBLIG_NEUTRALITY | HS_OBLIG_NONAGGRESSION |
                                                                  HS_OBLIG_CONSULTATION);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_build, release_all),
        cmocka_unit_test_teardown(test_write_read_back, release_all),
        cmocka_unit_test_teardown(test_refusals, release_all),
        cmocka_unit_test_teardown(test_check_refusals, release_all),
        cmocka_unit_test_teardown(test_import_counts, release_all),
        cmocka_unit_test_teardown(test_tables, release_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
