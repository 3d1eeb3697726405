#define _POSIX_C_SOURCE 200809L
/* ATOP's provisions, the optional mapping to direction and depth, and COW
 * state spells (docs/import.md), on the synthetic file
 * tests/data/import/atop-provisions.csv written in ATOP 4.01's columns:
 *   3220 USA-JPN 1951-1959: only the US promises defense, asymm 1, base 3
 *   3240 USA-ROK 1953-: both promise defense, asymm 1, base 3
 *   3180 USA-UKG-FRN 1949-: integrated command (intcom 1)
 *   3300 RUS-POL-HUN 1955-1990: HUN promises no defense; milcon 3
 *   3400 USA-UKG 1960-1969: non-aggression and consultation, milaid 3
 *   3500 USA-FRN 1980-1989: consultation, no provision coded
 * and tests/data/import/states.csv, where Japan is outside the system from
 * 1945-09-02 to 1952-04-28 (spells 1816:1946 and 1952:). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/import.h"
#include "hubspoke/metrics.h"
#include "model/model_internal.h"
#include "assert_close.h"

static char *data_path(const char *name) {
    const char *dir = getenv("HS_TESTDATA");
    static char buf[4096];
    snprintf(buf, sizeof buf, "%s/import/%s", dir ? dir : "tests/data", name);
    return buf;
}

static hs_model *import(unsigned mapping, int states, hs_import_notes *notes) {
    hs_import_options o;
    hs_import_options_init(&o);
    o.dataset = HS_DATASET_ATOP;
    o.mapping = mapping;
    char states_file[4096];
    snprintf(states_file, sizeof states_file, "%s", data_path("states.csv"));
    if (states) o.states_file = states_file;
    hs_model *m = NULL;
    if (hs_import_file_notes(data_path("atop-provisions.csv"), &o, notes, &m) != HS_OK)
        fail_msg("refused: %s", hs_error_last());
    return m;
}

/* The value of extra attribute `name` of an edge or vertex, or NULL. */
static const char *extra(const hs_model *m, int vertex, size_t i, const char *name) {
    const hs_extras *x = vertex ? &m->v[i].extras : &m->e[i].extras;
    int domain = vertex ? HS_DOMAIN_NODE : HS_DOMAIN_EDGE;
    for (int k = 0; k < x->count; k++)
        if (strcmp(m->extra_keys[domain][x->items[k].key].name, name) == 0) return x->items[k].value;
    return NULL;
}

/* The edge whose `atopid` is id. */
static size_t edge_of(const hs_model *m, const char *id) {
    for (size_t e = 0; e < hs_model_edge_count(m); e++) {
        const char *a = extra(m, 0, e, "atopid");
        if (a && strcmp(a, id) == 0) return e;
    }
    fail_msg("no tie of atopid %s", id);
    return 0;
}

static void provisions_kept(void **st) {
    (void)st;
    hs_model *m = import(0, 1, NULL);
    size_t e = edge_of(m, "3220");
    assert_string_equal(extra(m, 0, e, "asymm"), "1");
    assert_string_equal(extra(m, 0, e, "base"), "3");
    assert_string_equal(extra(m, 0, e, "contrib"), "1");
    assert_string_equal(extra(m, 0, e, "milinst"), "2");
    assert_string_equal(extra(m, 0, e, "military_support_by"), "USA");
    /* No mapping: no direction, no weight. */
    assert_int_equal(hs_edge_depends(m, e), HS_DEPENDS_UNSET);
    assert_true(isnan(hs_edge_weight(m, e)));
    e = edge_of(m, "3240");
    assert_string_equal(extra(m, 0, e, "military_support_by"), "USA COW732");
    e = edge_of(m, "3400");
    assert_string_equal(extra(m, 0, e, "milaid"), "3");
    assert_string_equal(extra(m, 0, e, "milinst"), "1");
    assert_string_equal(extra(m, 0, e, "military_support_by"), "");
    e = edge_of(m, "3500");
    assert_null(extra(m, 0, e, "milinst"));
    assert_null(extra(m, 0, e, "base"));
    long nato = hs_model_find(m, "atop_3180");
    assert_true(nato >= 0);
    assert_string_equal(extra(m, 1, (size_t)nato, "intcom"), "1");
    assert_string_equal(extra(m, 1, (size_t)nato, "milinst"), "2");
    hs_model_destroy(m);
}

static void mapping_direction_and_depth(void **st) {
    (void)st;
    hs_import_notes notes;
    hs_model *m = import(HS_MAP_DIRECTION | HS_MAP_DEPTH, 1, &notes);
    /* Only the US promises: Japan depends on it. */
    size_t e = edge_of(m, "3220");
    assert_int_equal(hs_edge_depends(m, e), hs_edge_from(m, e) == (size_t)hs_model_find(m, "JPN") ? HS_DEPENDS_FROM
                                                                                                  : HS_DEPENDS_TO);
    /* Treaty (1.0) x (1 + 2) / 3 */
    assert_close(hs_edge_weight(m, e), 1.0);
    /* Both promise: no direction from the data. */
    e = edge_of(m, "3240");
    assert_int_equal(hs_edge_depends(m, e), HS_DEPENDS_UNSET);
    /* Partnership (2/7 in the codebook at equal intervals) x (1 + 1) / 3 = 4/21 */
    assert_close(hs_edge_weight(m, edge_of(m, "3400")), 4.0 / 21.0);
    assert_true(isnan(hs_edge_weight(m, edge_of(m, "3500"))));
    assert_close(hs_vertex_weight(m, (size_t)hs_model_find(m, "atop_3300")), 1.0);
    assert_int_equal(notes.asymmetric_multilateral, 1);
    /* Japan 1951 is outside its COW spells (1816:1946, 1952:); ROK, POL and
     * HUN are not in the synthetic state list. */
    assert_int_equal(notes.memberships_outside, 1);
    assert_int_equal(notes.member_years_outside, 1);
    assert_string_equal(notes.first_outside, "JPN in atopid 3220 (1951)");
    assert_int_equal(notes.states_without_spells, 3);
    /* The US system of 1955 (hub USA): JPN -> USA (depends), ROK -> USA (a
     * treaty with the hub), and co-membership of atop_3180 (a treaty
     * mechanism with the hub, depth 1 x 3/3, three members: each tie 1/2)
     * gives the lines UKG -> USA and FRN -> USA and UKG <-> FRN, 1/2 each:
     * U = (1 + 1 + 1/2 + 1/2) / (3 + 1/2 + 1/2) = 3/4. */
    hs_view_options o;
    hs_view_options_init(&o);
    o.has_year = 1;
    o.year = 1955;
    o.hub = "USA";
    hs_view *v = NULL;
    assert_int_equal(hs_view_new(m, &o, &v), HS_OK);
    hs_indices idx;
    assert_int_equal(hs_indices_compute(v, &idx), HS_OK);
    assert_close(idx.unidirectionality, 3.0 / 4.0);
    hs_view_destroy(v);
    /* 1951: JPN is no state, its treaty does not count. */
    o.year = 1951;
    assert_int_equal(hs_view_new(m, &o, &v), HS_OK);
    for (size_t s = 0; s < hs_view_state_count(v); s++) assert_string_not_equal(hs_view_state_id(v, s), "JPN");
    hs_view_destroy(v);
    hs_model_destroy(m);
}

static void spells_from_states(void **st) {
    (void)st;
    hs_model *m = import(0, 1, NULL);
    size_t frn = (size_t)hs_model_find(m, "FRN");
    /* France: 1816-1942 and 1944-2016; the last spell runs to the list's end: open. */
    assert_int_equal(hs_vertex_spell_count(m, frn), 2);
    int a, b;
    hs_vertex_spell(m, frn, 0, &a, &b);
    assert_int_equal(a, 1816);
    assert_int_equal(b, 1943);
    hs_vertex_spell(m, frn, 1, &a, &b);
    assert_int_equal(a, 1944);
    assert_int_equal(b, HS_UNTIL_OPEN);
    assert_int_equal(hs_vertex_spell_count(m, (size_t)hs_model_find(m, "COW732")), 0);
    hs_model_destroy(m);
    /* Without a states file there are no spells. */
    m = import(0, 0, NULL);
    assert_int_equal(hs_vertex_spell_count(m, (size_t)hs_model_find(m, "COW220")), 0);
    hs_model_destroy(m);
}

static void mapping_needs_atop(void **st) {
    (void)st;
    hs_import_options o;
    hs_import_options_init(&o);
    o.mapping = HS_MAP_DEPTH;
    hs_model *m = NULL;
    assert_int_equal(hs_import_file(data_path("cow.csv"), &o, &m), HS_EARG);
    assert_string_equal(hs_error_last(),
                        "the mapping of provisions to direction and depth needs ATOP's provisions, not COW's");
    assert_int_equal(hs_atop_mapping_parse("direction"), HS_MAP_DIRECTION);
    assert_int_equal(hs_atop_mapping_parse("depth"), HS_MAP_DEPTH);
    assert_int_equal(hs_atop_mapping_parse("weight"), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(provisions_kept),
        cmocka_unit_test(mapping_direction_and_depth),
        cmocka_unit_test(spells_from_states),
        cmocka_unit_test(mapping_needs_atop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
