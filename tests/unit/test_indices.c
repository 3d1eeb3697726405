#define _POSIX_C_SOURCE 200809L
/* The three indices K, U, C: the five properties the metrics issue requires,
 * with hand-computed values (docs/metrics.md, "Indices"). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/metrics.h"
#include "graphml_spec.h"
#include "assert_close.h"

static hs_indices indices_of(const char *spec) {
    char *text = graphml(spec);
    hs_model *m = NULL;
    hs_view *v = NULL;
    hs_indices idx = {NAN, NAN, NAN};
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    assert_int_equal(hs_view_new(m, NULL, &v), HS_OK);
    assert_int_equal(hs_indices_compute(v, &idx), HS_OK);
    hs_view_destroy(v);
    hs_model_destroy(m);
    free(text);
    return idx;
}

#define STAR "H A treaty\nH B treaty\nH C treaty\n"

/* 1. A pure hub-and-spokes star of treaties: U = C = 1; no cooperation among
 * allies to coordinate, so K is undefined. */
static void star_is_all_ones(void **state) {
    (void)state;
    hs_indices i = indices_of(STAR);
    assert_true(isnan(i.coordination));
    assert_close(i.unidirectionality, 1.0);
    assert_close(i.closedness, 1.0);
}

/* 2. Deep ally-ally ties lower U strictly and leave C = 1.
 * U = 3 / (3 + 5/7 + 5/7): each ally depends on H with 1; A and B on each other
 * with intelligence's 5/7. */
static void ally_ties_lower_u_keep_c(void **state) {
    (void)state;
    hs_indices i = indices_of(STAR "A B intelligence\n");
    assert_close(i.unidirectionality, 21.0 / 31.0);
    assert_true(i.unidirectionality < 1.0);
    assert_close(i.closedness, 1.0);
    /* Deeper still (a treaty between allies) lowers U further. */
    hs_indices j = indices_of(STAR "A B intelligence\nA C treaty\n");
    assert_true(j.unidirectionality < i.unidirectionality);
    assert_close(j.closedness, 1.0);
}

/* 3. An outside partner tied to the hub and allies lowers C and leaves U (and K) as they were.
 * C = 3 internal ties / (3 + 2 boundary ties). */
static void partner_lowers_c_keeps_u(void **state) {
    (void)state;
    hs_indices base = indices_of(STAR "A B intelligence\n");
    hs_indices i = indices_of(STAR "A B intelligence\nP H partnership\nP A exercise\n");
    assert_close(i.closedness, 4.0 / 6.0);
    assert_true(i.closedness < base.closedness);
    assert_close(i.unidirectionality, base.unidirectionality);
    assert_close(i.coordination, base.coordination);
    /* A second partner weakens closedness further ("one outside partner"). */
    hs_indices j = indices_of(STAR "A B intelligence\nP H partnership\nP A exercise\nQ H partnership\n");
    assert_true(j.closedness < i.closedness);
}

/* 4. The same ally-ally tie inside a mechanism with the hub gives a higher K
 * than as a bare bilateral tie (TISA kept running while GSOMIA stalled).
 * Bare: K = 0 (the only ally-ally cooperation is bare). In the mechanism: all
 * of it is coordinated, K = 1. Both: TISA's A-B tie (5/7 shared by two, 5/14)
 * against the bare one (5/7): K = (5/14) / (5/14 + 5/7) = 1/3. */
static void hub_mechanism_raises_k(void **state) {
    (void)state;
    hs_indices bare = indices_of(STAR "A B intelligence\n");
    hs_indices coordinated = indices_of(STAR "@TISA intelligence issue H A B\n");
    assert_close(bare.coordination, 0.0);
    assert_close(coordinated.coordination, 1.0);
    hs_indices both = indices_of(STAR "A B intelligence\n@TISA intelligence issue H A B\n");
    assert_close(both.coordination, 1.0 / 3.0);
    /* A mechanism of allies without the hub is as bare as a bilateral tie. */
    hs_indices without_hub = indices_of(STAR "@M intelligence issue A B\n");
    assert_close(without_hub.coordination, bare.coordination);
}

/* 5a. Monotone in tie weights: deeper bare ally ties never raise U or K; a
 * deeper hub tie never lowers U and leaves K alone; C does not depend on depth. */
#define COORDINATED "@T intelligence issue H A C\n"
static void monotone_in_weights(void **state) {
    (void)state;
    hs_indices prev = {0};
    for (int step = 1; step <= 10; step++) {
        char spec[512];
        snprintf(spec, sizeof spec, STAR COORDINATED "A B intelligence %g\nP H partnership\n", step / 10.0);
        hs_indices i = indices_of(spec);
        if (step > 1) {
            assert_true(i.unidirectionality < prev.unidirectionality);
            assert_true(i.coordination < prev.coordination);
            assert_close(i.closedness, prev.closedness);
        }
        prev = i;
    }
    for (int step = 1; step <= 10; step++) {
        char spec[512];
        snprintf(spec, sizeof spec,
                 "H A treaty %g\nH B treaty\nH C treaty\n" COORDINATED "A B intelligence\nP H partnership\n",
                 step / 10.0);
        hs_indices i = indices_of(spec);
        if (step > 1) {
            assert_true(i.unidirectionality > prev.unidirectionality);
            assert_close(i.coordination, prev.coordination);
            assert_close(i.closedness, prev.closedness);
        }
        prev = i;
    }
    /* A partner's tie depth changes none of the three. */
    hs_indices a = indices_of(STAR "A B intelligence\nP H partnership 0.1\n");
    hs_indices b = indices_of(STAR "A B intelligence\nP H partnership 0.9\n");
    assert_close(a.unidirectionality, b.unidirectionality);
    assert_close(a.coordination, b.coordination);
    assert_close(a.closedness, b.closedness);
}

/* 5b. Unchanged by relabelling the states and reordering the file. */
static void invariant_under_relabelling(void **state) {
    (void)state;
    hs_indices a = indices_of(STAR "A B intelligence\n@Q dialogue broad H A P\nP B exercise\nC P access\n");
    /* H stays the hub (graph attribute); A->X, B->Y, C->Z, P->W, in another order. */
    hs_indices b = indices_of("Z W access\nY W exercise\n@Q dialogue broad W X H\nX Y intelligence\n"
                              "H Z treaty\nH Y treaty\nH X treaty\n");
    assert_close(a.coordination, b.coordination);
    assert_close(a.unidirectionality, b.unidirectionality);
    assert_close(a.closedness, b.closedness);
}

/* 5c. Identical whether the graph came from DOT or GraphML. */
static void dot_equals_graphml(void **state) {
    (void)state;
    if (!getenv("HUBSPOKE_DOT_HELPER")) skip();
    const char *dot = "graph { hub=H; H -- A [kind=treaty]; H -- B [kind=treaty]; H -- C [kind=treaty];\n"
                      "  A -- B [kind=intelligence]; P -- H [kind=partnership];\n"
                      "  subgraph cluster_Q { kind=dialogue; scope=broad; H; A; P; } }\n";
    hs_model *m = NULL;
    hs_view *v = NULL;
    hs_indices d;
    assert_int_equal(hs_model_read_memory(dot, strlen(dot), HS_FORMAT_DOT, "t.gv", &m), HS_OK);
    assert_int_equal(hs_view_new(m, NULL, &v), HS_OK);
    assert_int_equal(hs_indices_compute(v, &d), HS_OK);
    hs_view_destroy(v);
    hs_model_destroy(m);
    hs_indices g = indices_of(STAR "A B intelligence\nP H partnership\n@Q dialogue broad H A P\n");
    assert_close(d.coordination, g.coordination);
    assert_close(d.unidirectionality, g.unidirectionality);
    assert_close(d.closedness, g.closedness);
}

/* Undefined cases are NaN (printed null), never a crash. */
static void undefined_cases(void **state) {
    (void)state;
    /* A hub without ties (a self-tie carries no relation): nothing to measure. */
    hs_indices lone = indices_of("H H treaty\nA B partnership\n");
    assert_true(isnan(lone.coordination) && isnan(lone.unidirectionality) && isnan(lone.closedness));
    /* A hub with a partner and no allies: no K or U; all its ties cross the boundary, C = 0. */
    hs_indices no_allies = indices_of("H P partnership\n");
    assert_true(isnan(no_allies.coordination) && isnan(no_allies.unidirectionality));
    assert_close(no_allies.closedness, 0.0);
}

/* hub_dependence, U for one ally: A leans on H (treaty 1 + access 6/7 + the
 * mechanism's 1/14: a dialogue's 1/7 shared between two co-members) and on B
 * (intelligence 5/7 + 1/14), B on H (1 + 1/14) and on A (5/7 + 1/14); the
 * partner's tie with A counts for neither, H and P have none. Their pooled
 * share is U. */
static void hub_dependence_per_ally(void **state) {
    (void)state;
    char *text = graphml("H A treaty\nH A access\nH B treaty\nA B intelligence\nA P partnership\n"
                         "@M dialogue issue H A B\n");
    hs_model *m = NULL;
    hs_view *v = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    assert_int_equal(hs_view_new(m, NULL, &v), HS_OK);
    igraph_vector_t dep;
    igraph_vector_init(&dep, 0);
    assert_int_equal(hs_state_hub_dependence(v, &dep), HS_OK);
    const char *ids[] = {"H", "A", "B", "P"};
    double want[] = {NAN, 27.0 / 38.0, 15.0 / 26.0, NAN};
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        for (int k = 0; k < 4; k++) {
            if (strcmp(hs_view_state_id(v, s), ids[k]) != 0) continue;
            if (isnan(want[k])) assert_true(isnan(VECTOR(dep)[s]));
            else assert_close(VECTOR(dep)[s], want[k]);
        }
    }
    hs_indices idx;
    assert_int_equal(hs_indices_compute(v, &idx), HS_OK);
    assert_close(idx.unidirectionality, (27.0 + 15.0) / (38.0 + 26.0));
    igraph_vector_destroy(&dep);
    hs_view_destroy(v);
    hs_model_destroy(m);
    free(text);
}

/* Membership without size inflation (docs/metrics.md): whatever the number of
 * members, a member's ties from a mechanism add up to one relation of its
 * depth, so the allies' dependence it moves off the hub stays below that
 * depth. The hub and k allies (one treaty each) in a mechanism of depth 5/7:
 * U = (1 + d/k) / (1 + d), never below 1 / (1 + d); C counts the mechanism's
 * ties by their shares, so one partner is one relation across whatever the
 * size: with k allies and a partner, the k+2 members share each relation by
 * k+1, the C(k+1, 2) pairs inside the system add k/2, the partner's k+1 ties
 * across add 1: C = (k + k/2) / (k + k/2 + 1). */
static void membership_without_inflation(void **state) {
    (void)state;
    const double d = 5.0 / 7.0;
    double prev = 1.0;
    for (int k = 2; k <= 8; k++) {
        char spec[1024] = "", members[256] = "H";
        for (int a = 0; a < k; a++) {
            char line[64];
            snprintf(line, sizeof line, "H A%d treaty\n", a);
            strcat(spec, line);
            snprintf(line, sizeof line, " A%d", a);
            strcat(members, line);
        }
        char with_m[1400];
        snprintf(with_m, sizeof with_m, "%s@M intelligence issue %s\n", spec, members);
        hs_indices i = indices_of(with_m);
        assert_close(i.unidirectionality, (1.0 + d / k) / (1.0 + d));
        assert_true(i.unidirectionality > 1.0 / (1.0 + d));
        assert_true(i.unidirectionality < prev);
        assert_close(i.closedness, 1.0);
        prev = i.unidirectionality;
        snprintf(with_m, sizeof with_m, "%s@M intelligence issue %s P\n", spec, members);
        i = indices_of(with_m);
        assert_close(i.closedness, (k + k / 2.0) / (k + k / 2.0 + 1.0));
    }
    /* Two members are a bilateral tie: the same indices either way. */
    hs_indices a = indices_of(STAR "@M intelligence issue A B\n");
    hs_indices b = indices_of(STAR "A B intelligence\n");
    assert_close(a.unidirectionality, b.unidirectionality);
    assert_close(a.closedness, b.closedness);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(star_is_all_ones),         cmocka_unit_test(ally_ties_lower_u_keep_c),
        cmocka_unit_test(partner_lowers_c_keeps_u), cmocka_unit_test(hub_mechanism_raises_k),
        cmocka_unit_test(monotone_in_weights),      cmocka_unit_test(invariant_under_relabelling),
        cmocka_unit_test(dot_equals_graphml),       cmocka_unit_test(undefined_cases),
        cmocka_unit_test(hub_dependence_per_ally),  cmocka_unit_test(membership_without_inflation),
    };
    return cmocka_run_group_tests_name("indices", tests, NULL, NULL);
}
