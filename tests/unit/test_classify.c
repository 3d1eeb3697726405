#define _POSIX_C_SOURCE 200809L
/* The typology: each cell of the 2x2 on a small graph with hand-computed
 * falls of U and C (docs/typology.md), thresholds, the cases outside the
 * typology, explanations and the codebook redraws. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/classify.h"
#include "graphml_spec.h"
#include "assert_close.h"

static hs_classification *classify_spec(const char *spec, const hs_classify_options *o) {
    char *text = graphml(spec);
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    free(text);
    hs_classification *c = NULL;
    hs_error err = hs_classification_new(m, NULL, o, &c);
    hs_model_destroy(m); /* ids point into the model: read only the numbers below */
    if (err) fail_msg("%s", hs_error_last());
    return c;
}

typedef struct expected {
    hs_mechanism_type type;
    double u_without, u_with, c_without, c_with;         /* on the hub-and-spokes lines */
    double su_without, su_with, sc_without, sc_with;     /* in the system as it stands */
} expected;

static void check_one(const char *spec, const hs_classify_options *o, expected e) {
    hs_classification *c = classify_spec(spec, o);
    assert_int_equal(hs_classification_count(c), 1);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->type, e.type);
    assert_close(k->unidirectionality_without, e.u_without);
    assert_close(k->unidirectionality_with, e.u_with);
    assert_close(k->delta_unidirectionality, e.u_with - e.u_without); /* D1: with - without */
    assert_close(k->closedness_without, e.c_without);
    assert_close(k->closedness_with, e.c_with);
    assert_close(k->delta_closedness, e.c_with - e.c_without);
    assert_close(k->system_unidirectionality_without, e.su_without);
    assert_close(k->system_unidirectionality_with, e.su_with);
    assert_close(k->system_closedness_without, e.sc_without);
    assert_close(k->system_closedness_with, e.sc_with);
    assert_true(isnan(k->agreement));
    hs_classification_destroy(c);
}

#define ALLIES "H A treaty\nH B treaty\n"

/* Two allies in a mechanism with the hub, intelligence (0.7): on the lines
 * H-A, H-B, U goes from 2/2 to (2 + 1.4) / (2 + 2.8); no tie leaves the system. */
static void integrative(void **st) {
    (void)st;
    check_one(ALLIES "@M intelligence issue H A B", NULL,
              (expected){HS_MECHANISM_INTEGRATIVE, 1, 3.4 / 4.8, 1, 1, 1, 3.4 / 4.8, 1, 1});
}

/* One ally with the hub: no ally-ally tie, nothing outside. */
static void hub_and_spokes(void **st) {
    (void)st;
    check_one(ALLIES "@M dialogue issue H A", NULL, (expected){HS_MECHANISM_HUB_AND_SPOKES, 1, 1, 1, 1, 1, 1, 1, 1});
}

/* The hub, one ally and a partner, broad dialogue (0.1): U stays 1 (A depends
 * only on H). On the line H-A, C goes from 1/1 to 2/4 (H-A twice inside; H-P
 * and A-P across); with the partnership H-P as well, from 1/2 to 2/5. */
static void expansive(void **st) {
    (void)st;
    check_one(ALLIES "H P partnership\n@M dialogue broad H A P", NULL,
              (expected){HS_MECHANISM_EXPANSIVE, 1, 1, 1, 2.0 / 4.0, 1, 1, 1.0 / 2.0, 2.0 / 5.0});
}

/* The hub, two allies and a partner in intelligence sharing (0.7): U 2/2 ->
 * 3.4/4.8; C on the lines 2/2 -> 5/8, in the system 2/3 -> 5/9. */
static void loose_multilateral(void **st) {
    (void)st;
    check_one(ALLIES "H P partnership\n@M intelligence issue H A B P", NULL,
              (expected){HS_MECHANISM_LOOSE_MULTILATERAL, 1, 3.4 / 4.8, 1, 5.0 / 8.0, 1, 3.4 / 4.8, 2.0 / 3.0,
                         5.0 / 9.0});
}

/* Without the hub, like France-Australia-India: the hub's lines to the
 * allied members still count around it. A-B broad dialogue: U 2/2 -> 2/2.2,
 * a fall of 1/11 (kept); C 2/2 -> 3/5. */
static void hub_not_a_member(void **st) {
    (void)st;
    check_one(ALLIES "H P partnership\n@M dialogue broad A B P", NULL,
              (expected){HS_MECHANISM_EXPANSIVE, 1, 2.0 / 2.2, 1, 3.0 / 5.0, 1, 2.0 / 2.2, 2.0 / 3.0, 3.0 / 6.0});
}

/* Ties beside the lines (an ally-ally treaty, a deep access tie with the hub)
 * change the system picture, not the type: a mechanism is judged by what it
 * adds to the lines. */
static void background_left_out(void **st) {
    (void)st;
    check_one(ALLIES "H A access\nA B technology\n@M intelligence issue H A B", NULL,
              (expected){HS_MECHANISM_INTEGRATIVE, 1, 3.4 / 4.8, 1, 1, 2.8 / 4.0, 4.2 / 6.8, 1, 1});
}

/* An ally through a multilateral defence treaty with the hub (NATO) has its
 * line through that treaty: the mechanism below adds to H-A (bilateral) and
 * H-B (through N, depth 0.5) exactly as to two bilateral treaties. */
static void treaty_mechanism_lines(void **st) {
    (void)st;
    hs_classify_options o;
    hs_classify_options_init(&o);
    o.mechanism = "M";
    check_one("H A treaty\n@N treaty broad H B\n@M intelligence issue H A B", &o,
              (expected){HS_MECHANISM_INTEGRATIVE, 1, 2.9 / 4.3, 1, 1, 1, 2.9 / 4.3, 1, 1});
}

/* The same falls judged against other thresholds: U falls by 1/12, C by 3/8. */
static void thresholds(void **st) {
    (void)st;
    const char *spec = ALLIES "H P partnership\n@M dialogue broad H A B P";
    expected e = {HS_MECHANISM_EXPANSIVE, 1, 2.2 / 2.4, 1, 5.0 / 8.0, 1, 2.2 / 2.4, 2.0 / 3.0, 5.0 / 9.0};
    check_one(spec, NULL, e); /* defaults 0.1 and 0.1 */
    hs_classify_options o;
    hs_classify_options_init(&o);
    o.threshold_unidirectionality = 0.08;
    e.type = HS_MECHANISM_LOOSE_MULTILATERAL;
    check_one(spec, &o, e);
    o.threshold_closedness = 0.4;
    e.type = HS_MECHANISM_INTEGRATIVE;
    check_one(spec, &o, e);
    o.threshold_unidirectionality = 1.0 - 2.2 / 2.4; /* a fall equal to the threshold weakens */
    check_one(spec, &o, e);
    o.threshold_unidirectionality = 0.09;
    e.type = HS_MECHANISM_HUB_AND_SPOKES;
    check_one(spec, &o, e);
    o.threshold_closedness = 0.0;
    hs_classification *c = NULL;
    char *text = graphml(spec);
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_EARG);
    assert_null(c);
    hs_model_destroy(m);
    free(text);
}

/* Partners only, and a year without a hub: no type. */
static void outside_the_typology(void **st) {
    (void)st;
    hs_classification *c = classify_spec("H A treaty\nH P partnership\nP Q partnership\n@M dialogue issue P Q", NULL);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->type, HS_MECHANISM_UNCLASSIFIED);
    assert_null(hs_mechanism_type_name(k->type));
    assert_true(isnan(k->delta_unidirectionality) && isnan(k->delta_closedness));
    assert_non_null(strstr(k->explanation, "lies outside the system"));
    hs_classification_destroy(c);

    static const char no_hub[] =
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
        "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>"
        "<graph edgedefault=\"undirected\"><node id=\"A\"/><node id=\"B\"/>"
        "<node id=\"M\"><data key=\"t\">mechanism</data></node>"
        "<edge source=\"A\" target=\"B\"><data key=\"k\">dialogue</data></edge>"
        "<edge source=\"A\" target=\"M\"/><edge source=\"B\" target=\"M\"/></graph></graphml>";
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(no_hub, strlen(no_hub), HS_FORMAT_GRAPHML, "n.graphml", &m), HS_OK);
    assert_int_equal(hs_classification_new(m, NULL, NULL, &c), HS_OK);
    assert_null(hs_classification_hub(c));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_UNCLASSIFIED);
    assert_non_null(strstr(hs_classification_get(c, 0)->explanation, "no hub"));
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* Members with roles, the explanation naming members, ties and numbers, and
 * the choice of one mechanism. */
static void members_and_explanation(void **st) {
    (void)st;
    char *text = graphml(ALLIES "H P partnership\n@N intelligence issue H A B\n@M dialogue broad H A P");
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    free(text);
    hs_classify_options o;
    hs_classify_options_init(&o);
    o.mechanism = "M";
    hs_classification *c = NULL;
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_OK);
    assert_string_equal(hs_classification_hub(c), "H");
    assert_int_equal(hs_classification_count(c), 1);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_string_equal(k->id, "M");
    assert_int_equal(k->member_count, 3);
    const char *ids[] = {"H", "A", "P"};
    const hs_role roles[] = {HS_ROLE_HUB, HS_ROLE_ALLY, HS_ROLE_PARTNER};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(k->member_ids[i], ids[i]);
        assert_int_equal(k->member_roles[i], roles[i]);
    }
    assert_int_equal(k->type, HS_MECHANISM_EXPANSIVE);
    assert_non_null(strstr(k->explanation, "The ties of P (partner) to H and A (2 ties) cross the system boundary"));
    assert_non_null(strstr(k->explanation, "(dialogue, broad, depth 0.10)"));
    assert_non_null(strstr(k->explanation, "closedness goes from C = 1.000 to 0.500 (a fall of 0.500, threshold 0.100)"));
    assert_non_null(strstr(k->explanation, "U goes from 1.000 to 1.000 and C from 0.667 to 0.500"));
    assert_non_null(strstr(k->explanation, "closedness weakened"));
    assert_non_null(strstr(k->explanation, "unidirectionality kept"));
    hs_classification_destroy(c);

    o.mechanism = "N";
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_OK);
    k = hs_classification_get(c, 0);
    assert_non_null(strstr(k->explanation, "It ties the allies A and B to each other (depth 0.70 per pair), under the "
                                           "hub's coordination"));
    assert_non_null(strstr(k->explanation, "unidirectionality weakened"));
    hs_classification_destroy(c);

    o.mechanism = "X";
    c = NULL;
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_EARG);
    assert_null(c);
    assert_non_null(strstr(hs_error_last(), "no mechanism 'X'"));
    o.mechanism = "A"; /* a state */
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_EARG);
    hs_model_destroy(m);
}

/* Redraws: depths given in the file are not redrawn, so a graph weighed
 * entirely by the file agrees with itself in every draw; a fall of U near the
 * threshold (a broad dialogue of the hub and two allies: 0.1 / 1.2 = 0.083)
 * flips in some draws and not in others, the same way for one seed. */
static void sensitivity(void **st) {
    (void)st;
    hs_classify_options o;
    hs_classify_options_init(&o);
    o.sensitivity = 400;
    hs_classification *c =
        classify_spec("H A treaty 1\nH B treaty 1\nH P partnership 0.3\n@M dialogue broad w=0.1 H A B P", &o);
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_EXPANSIVE);
    assert_close(hs_classification_get(c, 0)->agreement, 1.0);
    hs_classification_destroy(c);

    const char *spec = ALLIES "@M dialogue broad H A B";
    c = classify_spec(spec, &o);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->delta_unidirectionality, 2.2 / 2.4 - 1.0);
    assert_int_equal(k->type, HS_MECHANISM_HUB_AND_SPOKES);
    double a1 = k->agreement;
    assert_true(a1 > 0.5 && a1 < 0.95);
    hs_classification_destroy(c);
    c = classify_spec(spec, &o);
    assert_close(hs_classification_get(c, 0)->agreement, a1);
    hs_classification_destroy(c);
    o.seed = 2;
    c = classify_spec(spec, &o);
    double a2 = hs_classification_get(c, 0)->agreement;
    assert_true(a2 > 0.5 && a2 < 0.95);
    hs_classification_destroy(c);
    /* No spread: every draw is the codebook itself. */
    o.spread = 0.0;
    c = classify_spec(spec, &o);
    assert_close(hs_classification_get(c, 0)->agreement, 1.0);
    hs_classification_destroy(c);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(integrative),       cmocka_unit_test(hub_and_spokes),
        cmocka_unit_test(expansive),         cmocka_unit_test(loose_multilateral),
        cmocka_unit_test(hub_not_a_member),  cmocka_unit_test(background_left_out),
        cmocka_unit_test(treaty_mechanism_lines), cmocka_unit_test(thresholds),
        cmocka_unit_test(outside_the_typology), cmocka_unit_test(members_and_explanation),
        cmocka_unit_test(sensitivity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
