#define _POSIX_C_SOURCE 200809L
/* The typology (docs/typology.md) on small graphs with hand-computed changes
 * and reference magnitudes: the size outcomes, each cell of the 2x2, the
 * reference rule and a type that responds to the network around the
 * mechanism, the lines a treaty mechanism makes (no NaN), the tolerance at a
 * threshold, the outside members, the explanation, and the redraws
 * (uncapped depths, recoded codes, the ambiguity level). */
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

static hs_model *model_of(const char *spec) {
    char *text = graphml(spec);
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m), HS_OK);
    free(text);
    return m;
}

/* Classify one mechanism of spec. The caller destroys the classification,
 * then the model (ids point into it). */
static hs_classification *classify_one(hs_model *m, const char *id, hs_classify_options o) {
    o.mechanism = id;
    hs_classification *c = NULL;
    if (hs_classification_new(m, NULL, &o, &c) != HS_OK) fail_msg("%s", hs_error_last());
    assert_int_equal(hs_classification_count(c), 1);
    return c;
}

static hs_classify_options defaults(void) {
    hs_classify_options o;
    hs_classify_options_init(&o);
    return o;
}

static hs_classify_options fixed(double tu, double tc) {
    hs_classify_options o = defaults();
    o.threshold_unidirectionality = tu;
    o.threshold_closedness = tc;
    return o;
}

/* No number an explanation prints is ever NaN. */
static void assert_no_nan(const hs_mechanism_class *k) {
    assert_null(strstr(k->explanation, "nan"));
    assert_null(strstr(k->explanation, "NaN"));
}

#define LINES "H A treaty\nH B treaty\n"

/* ---- the reference rule, and a type that responds to the network ------------------------ */

/* G3: the lines H-A, H-B, a partnership H-P and M, intelligence (5/7) among
 * H, A and B, shared by two co-members (5/14 a pair, half a relation).
 * System: the allies' arcs to H 2 + 5/7, to H or each other 2 + 10/7:
 * U = 19/24; without M, U = 1: a change of -5/24. C: inside the lines 2 and
 * M's 3 halves, across H-P 1: 7/9; without M 2/3 (+1/9); without H-P 1
 * (-2/9). References: U {5/24}: M's fall weakens it; C the median of
 * {1/9, 2/9}; M raises C. Integrative.
 * On the lines around M (those of A and B) the same U; H-P has no ally and no
 * lines around it, so the lines' references are M's own. */
static void reference_rule(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "H P partnership\n@M intelligence issue H A B");
    hs_classification *c = classify_one(m, "M", defaults());
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->system_unidirectionality_with, 19.0 / 24.0);
    assert_close(k->system_unidirectionality_without, 1.0);
    assert_close(k->system_delta_unidirectionality, -5.0 / 24.0);
    assert_close(k->system_closedness_with, 7.0 / 9.0);
    assert_close(k->system_closedness_without, 2.0 / 3.0);
    assert_close(k->system_delta_closedness, 1.0 / 9.0);
    size_t n;
    assert_close(hs_classification_reference(c, HS_PICTURE_SYSTEM, 1, &n), 5.0 / 24.0);
    assert_int_equal(n, 1);
    assert_close(hs_classification_reference(c, HS_PICTURE_SYSTEM, 0, &n), (1.0 / 9.0 + 2.0 / 9.0) / 2.0);
    assert_int_equal(n, 2);
    assert_int_equal(k->cell, HS_MECHANISM_INTEGRATIVE);
    assert_int_equal(k->type, HS_MECHANISM_INTEGRATIVE);
    assert_close(k->unidirectionality_without, 1.0);
    assert_close(k->unidirectionality_with, 19.0 / 24.0);
    assert_close(k->delta_unidirectionality, -5.0 / 24.0);
    assert_close(k->closedness_without, 1.0);
    assert_close(k->closedness_with, 1.0);
    assert_close(k->delta_closedness, 0.0);
    assert_close(hs_classification_reference(c, HS_PICTURE_LINES, 1, &n), 5.0 / 24.0);
    assert_int_equal(n, 1);
    assert_true(isnan(hs_classification_reference(c, HS_PICTURE_LINES, 0, &n)));
    assert_int_equal(n, 0);
    assert_int_equal(k->type_lines, HS_MECHANISM_INTEGRATIVE);
    assert_int_equal(k->size_class, HS_SIZE_MINILATERAL);
    assert_int_equal(k->outside_members, 0);
    assert_false(k->exceeds_one_outside_partner);
    assert_true(isnan(k->agreement));
    assert_int_equal(k->verdict, HS_MECHANISM_INTEGRATIVE);
    assert_no_nan(k);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* G2: the same mechanism in a network with one more relation, a bare exercise
 * tie between the allies A and C (3/7 each way) and C's line. System: U =
 * 26/37; without M 7/9 (M: -25/333); without A-C 26/31 (-156/1147). The
 * median of the two falls is above M's: unidirectionality kept. C = 11/13;
 * without M 4/5 (+3/65), without A-C 9/11 (+4/143), without H-P 1 (-2/13):
 * kept. On the lines, A-C moves U by -3/10 around A and C, against M's -5/24:
 * kept there too. The same mechanism, coded the same way, is integrative in
 * G3 and hub-and-spokes here: its type responds to the network around it. */
static void type_responds_to_network(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "H C treaty\nA C exercise\nH P partnership\n@M intelligence issue H A B");
    hs_classification *c = classify_one(m, "M", defaults());
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->system_unidirectionality_with, 26.0 / 37.0);
    assert_close(k->system_unidirectionality_without, 7.0 / 9.0);
    assert_close(k->system_delta_unidirectionality, -25.0 / 333.0);
    assert_close(k->system_delta_closedness, 3.0 / 65.0);
    size_t n;
    assert_close(hs_classification_reference(c, HS_PICTURE_SYSTEM, 1, &n), (25.0 / 333.0 + 156.0 / 1147.0) / 2.0);
    assert_int_equal(n, 2);
    assert_close(hs_classification_reference(c, HS_PICTURE_SYSTEM, 0, &n), 3.0 / 65.0);
    assert_int_equal(n, 3);
    assert_close(hs_classification_reference(c, HS_PICTURE_LINES, 1, &n), (5.0 / 24.0 + 3.0 / 10.0) / 2.0);
    assert_int_equal(n, 2);
    assert_int_equal(k->type, HS_MECHANISM_HUB_AND_SPOKES);
    assert_int_equal(k->type_lines, HS_MECHANISM_HUB_AND_SPOKES);
    assert_close(k->delta_unidirectionality, -5.0 / 24.0); /* the lines around M are as in G3 */
    hs_classification_destroy(c);
    /* Another quantile of the same reference: the lower quartile of {25/333,
     * 156/1147} is below M's fall. */
    hs_classify_options o = defaults();
    o.reference_quantile = 0.25;
    c = classify_one(m, "M", o);
    assert_close(hs_classification_reference(c, HS_PICTURE_SYSTEM, 1, NULL),
                 25.0 / 333.0 + 0.25 * (156.0 / 1147.0 - 25.0 / 333.0));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_HUB_AND_SPOKES);
    hs_classification_destroy(c);
    /* A fixed threshold below M's fall: integrative again. */
    c = classify_one(m, "M", fixed(0.07, 0.07));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_INTEGRATIVE);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* ---- the cells, with fixed thresholds on hand-computed changes ------------------------ */

/* Q: a broad dialogue (1/14) of H, A, B and a partner P, a third of a relation
 * per pair (1/42). System: the allies' arcs to H 2 + 2/42, to H or each other
 * 2 + 4/42: U = 43/44 (-1/44); inside the lines 2 and Q's 1, across H-P 1 and
 * Q's 1: C = 3/5, without Q 2/3 (-1/15). On the lines: C 1 -> 3/4. */
static void expansive(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "H P partnership\n@Q dialogue broad H A B P");
    hs_classification *c = classify_one(m, "Q", fixed(0.05, 0.05));
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->system_delta_unidirectionality, -1.0 / 44.0);
    assert_close(k->system_closedness_with, 3.0 / 5.0);
    assert_close(k->system_delta_closedness, -1.0 / 15.0);
    assert_close(k->delta_unidirectionality, -1.0 / 44.0);
    assert_close(k->closedness_with, 3.0 / 4.0);
    assert_close(k->delta_closedness, -1.0 / 4.0);
    assert_int_equal(k->type, HS_MECHANISM_EXPANSIVE);
    assert_int_equal(k->type_lines, HS_MECHANISM_EXPANSIVE);
    assert_int_equal(k->size_class, HS_SIZE_MINILATERAL);
    assert_int_equal(k->outside_members, 1);
    assert_false(k->exceeds_one_outside_partner);
    assert_non_null(strstr(k->explanation, "1 outside member, P (partner), ties the system to states outside it"));
    assert_non_null(strstr(k->explanation, "against the fixed threshold 0.05"));
    assert_no_nan(k);
    hs_classification_destroy(c);
    /* Thresholds between the two falls of C: expansive on the lines only. */
    c = classify_one(m, "Q", fixed(0.05, 0.1));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_HUB_AND_SPOKES);
    assert_int_equal(hs_classification_get(c, 0)->type_lines, HS_MECHANISM_EXPANSIVE);
    hs_classification_destroy(c);
    /* Below the fall of U: loose multilateral cooperation. */
    c = classify_one(m, "Q", fixed(0.02, 0.05));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_LOOSE_MULTILATERAL);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* F: an exercise (3/7) among two allies and two outside members, without the
 * hub (like the FPDA), a third of a relation per pair (1/7). U: the allies'
 * arcs to H 2, to H or each other 2 + 2/7: 7/8 (-1/8). C: inside 2 + 1/3
 * (A-B), across 4/3 (A and B with P and Q; P-Q counts for neither): 7/11
 * (-4/11). Both weakened; two outside members break the one-partner
 * regularity. */
static void loose_multilateral_two_outside(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@F exercise issue A B P Q");
    hs_classification *c = classify_one(m, "F", fixed(0.1, 0.1));
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->system_unidirectionality_with, 7.0 / 8.0);
    assert_close(k->system_closedness_with, 7.0 / 11.0);
    assert_close(k->delta_unidirectionality, -1.0 / 8.0);
    assert_close(k->delta_closedness, -4.0 / 11.0);
    assert_int_equal(k->type, HS_MECHANISM_LOOSE_MULTILATERAL);
    assert_int_equal(k->outside_members, 2);
    assert_true(k->exceeds_one_outside_partner);
    assert_non_null(strstr(k->explanation, "more than the one outside partner the paper's expansive type holds"));
    assert_non_null(strstr(k->explanation, "to each other without the hub"));
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* ---- size --------------------------------------------------------------------------------- */

/* NATO coded as one mechanism and nothing else: its hub-ally ties are the
 * allies' lines (a quarter of a relation each, one way), its six ally-ally
 * pairs the rest. U with it 1/4: each ally's arcs, 1/4 to H and 3/4 to the
 * others; without its non-line ties 1: a change of -3/4 = -(k-1)/k. Beyond the
 * critical mass of 4: multilateral, the counter-model; no NaN anywhere. With a
 * critical mass of 5 it is a minilateral and its cell, integrative, is its
 * type. Coded with bilateral treaties as well, it is the same outcome. */
static void multilateral_treaty_makes_lines(void **st) {
    (void)st;
    hs_model *m = model_of("@NATO treaty issue H A B C D");
    hs_classification *c = classify_one(m, "NATO", defaults());
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->member_count, 5);
    assert_int_equal(k->size_class, HS_SIZE_MULTILATERAL);
    assert_int_equal(k->type, HS_MECHANISM_MULTILATERAL);
    assert_int_equal(k->type_lines, HS_MECHANISM_MULTILATERAL);
    assert_int_equal(k->cell, HS_MECHANISM_INTEGRATIVE);
    assert_close(k->system_unidirectionality_with, 0.25);
    assert_close(k->system_unidirectionality_without, 1.0);
    assert_close(k->unidirectionality_with, 0.25);
    assert_close(k->unidirectionality_without, 1.0);
    assert_close(k->delta_unidirectionality, -0.75);
    assert_close(k->delta_closedness, 0.0);
    assert_non_null(strstr(k->explanation, "beyond the critical mass of 4: not a minilateral but a multilateral "
                                           "alliance, the counter-model (NATO, the Rio Pact, SEATO, the Warsaw Pact)"));
    assert_non_null(strstr(k->explanation, "It ties the allies A, B, C and D to each other under the hub's coordination"));
    assert_no_nan(k);
    hs_classification_destroy(c);
    hs_classify_options o = defaults();
    o.critical_mass = 5;
    c = classify_one(m, "NATO", o);
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_INTEGRATIVE);
    assert_non_null(strstr(hs_classification_get(c, 0)->explanation, "within the critical mass of 5: a minilateral"));
    hs_classification_destroy(c);
    hs_model_destroy(m);
    /* With the bilateral treaties too: lines 1 + 1/4 per ally; U with it
     * (5/4) / (5/4 + 3/4) = 5/8. */
    m = model_of("H A treaty\nH B treaty\nH C treaty\nH D treaty\n@NATO treaty issue H A B C D");
    c = classify_one(m, "NATO", defaults());
    k = hs_classification_get(c, 0);
    assert_int_equal(k->type, HS_MECHANISM_MULTILATERAL);
    assert_int_equal(k->cell, HS_MECHANISM_INTEGRATIVE);
    assert_close(k->system_unidirectionality_with, 5.0 / 8.0);
    assert_close(k->delta_unidirectionality, 5.0 / 8.0 - 1.0);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* Two members: a line, not a minilateral, whatever it does. */
static void bilateral(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@M intelligence issue A B");
    hs_classification *c = classify_one(m, "M", defaults());
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->size_class, HS_SIZE_BILATERAL);
    assert_int_equal(k->type, HS_MECHANISM_BILATERAL);
    assert_int_equal(k->cell, HS_MECHANISM_INTEGRATIVE); /* the only relation moving U */
    assert_close(k->system_unidirectionality_with, 2.0 / (2.0 + 10.0 / 7.0));
    assert_non_null(strstr(k->explanation, "With two members it is a bilateral line, not a minilateral."));
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* Outside the typology: no member in the system, no hub, one member. */
static void outside_the_typology(void **st) {
    (void)st;
    hs_model *m = model_of("H A treaty\nH P partnership\nP Q partnership\n@M dialogue issue P Q\n@S dialogue issue A");
    hs_classification *c = NULL;
    hs_classify_options o = defaults();
    o.sensitivity = 20;
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_OK);
    assert_int_equal(hs_classification_count(c), 2);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->type, HS_MECHANISM_UNCLASSIFIED);
    assert_null(hs_mechanism_type_name(k->type));
    assert_true(isnan(k->delta_unidirectionality) && isnan(k->system_delta_closedness));
    assert_true(isnan(k->agreement));
    assert_non_null(strstr(k->explanation, "lies outside the system"));
    k = hs_classification_get(c, 1);
    assert_int_equal(k->type, HS_MECHANISM_UNCLASSIFIED);
    assert_int_equal(k->size_class, HS_SIZE_NONE);
    assert_non_null(strstr(k->explanation, "fewer than two active members"));
    hs_classification_destroy(c);
    hs_model_destroy(m);

    static const char no_hub[] =
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
        "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>"
        "<graph edgedefault=\"undirected\"><node id=\"A\"/><node id=\"B\"/>"
        "<node id=\"M\"><data key=\"t\">mechanism</data></node>"
        "<edge source=\"A\" target=\"B\"><data key=\"k\">dialogue</data></edge>"
        "<edge source=\"A\" target=\"M\"/><edge source=\"B\" target=\"M\"/></graph></graphml>";
    assert_int_equal(hs_model_read_memory(no_hub, strlen(no_hub), HS_FORMAT_GRAPHML, "n.graphml", &m), HS_OK);
    assert_int_equal(hs_classification_new(m, NULL, NULL, &c), HS_OK);
    assert_null(hs_classification_hub(c));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_UNCLASSIFIED);
    assert_non_null(strstr(hs_classification_get(c, 0)->explanation, "no hub"));
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* A mechanism of the hub and partners: no ally, so U is undefined in both
 * pictures (null) and cannot be weakened; its C falls. */
static void no_ally_member(void **st) {
    (void)st;
    hs_model *m = model_of("H A treaty\n@M dialogue issue H P Q");
    hs_classification *c = classify_one(m, "M", fixed(0.1, 0.1));
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_true(isnan(k->unidirectionality_with) && isnan(k->delta_unidirectionality));
    assert_int_equal(k->type_lines, HS_MECHANISM_EXPANSIVE);
    assert_non_null(strstr(k->explanation, "no ally is in this picture"));
    assert_no_nan(k);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* ---- the tolerance ------------------------------------------------------------------------ */

/* A dialogue of the file's depth 0.25 among H, A and B: on the lines U goes
 * from 1 to (1 + 0.125) / 1.25 = 0.9 exactly, but 0.9 - 1 in floating point is
 * -0.09999999999999998: a fall equal to the threshold 0.1 counts. */
static void fall_equal_to_threshold(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@M dialogue issue w=0.25 H A B");
    hs_classification *c = classify_one(m, "M", fixed(0.1, 0.1));
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_true(-k->delta_unidirectionality < 0.1); /* rounding alone would miss it */
    assert_close(k->delta_unidirectionality, -0.1);
    assert_int_equal(k->type_lines, HS_MECHANISM_INTEGRATIVE);
    assert_int_equal(k->type, HS_MECHANISM_INTEGRATIVE);
    hs_classification_destroy(c);
    c = classify_one(m, "M", fixed(0.1 + 1e-6, 0.1));
    assert_int_equal(hs_classification_get(c, 0)->type, HS_MECHANISM_HUB_AND_SPOKES);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* ---- options ------------------------------------------------------------------------------- */

static void options_refused(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@M dialogue issue H A B");
    hs_classification *c = NULL;
    hs_classify_options bad[7];
    for (int i = 0; i < 7; i++) hs_classify_options_init(&bad[i]);
    bad[0].threshold_unidirectionality = 0.0;
    bad[1].critical_mass = 2;
    bad[2].reference_quantile = 1.0;
    bad[3].quantile_low = 0.8; /* above high */
    bad[4].recode = 1.5;
    bad[5].ambiguous_below = -0.1;
    bad[6].threshold_sweep = 0.5;
    for (int i = 0; i < 7; i++) {
        assert_int_equal(hs_classification_new(m, NULL, &bad[i], &c), HS_EARG);
        assert_null(c);
    }
    hs_classify_options o = defaults();
    o.mechanism = "X";
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_EARG);
    assert_non_null(strstr(hs_error_last(), "no mechanism 'X'"));
    o.mechanism = "A"; /* a state */
    assert_int_equal(hs_classification_new(m, NULL, &o, &c), HS_EARG);
    hs_model_destroy(m);
}

/* Members with their roles, in file order. */
static void members_and_roles(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "H P partnership\n@N intelligence issue H A B\n@M dialogue broad H A P");
    hs_classification *c = classify_one(m, "M", defaults());
    assert_string_equal(hs_classification_hub(c), "H");
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_string_equal(k->id, "M");
    const char *ids[] = {"H", "A", "P"};
    const hs_role roles[] = {HS_ROLE_HUB, HS_ROLE_ALLY, HS_ROLE_PARTNER};
    for (int i = 0; i < 3; i++) {
        assert_string_equal(k->member_ids[i], ids[i]);
        assert_int_equal(k->member_roles[i], roles[i]);
    }
    assert_non_null(strstr(k->explanation, "M joins H (hub), A (ally) and P (partner) (dialogue, broad, depth 0.0714"));
    assert_non_null(strstr(k->explanation, "It ties no two allies to each other (it has one ally member)"));
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* ---- redraws ------------------------------------------------------------------------------ */

/* Depths are redrawn without a cap: with M's depth the file's (not redrawn)
 * and a fall on the lines exactly at a fixed threshold that is not swept, the
 * verdict depends on the treaty depth alone: weakened when the draw makes it
 * shallower, kept when deeper. Capped at 1, it could only be weakened. */
static void redraws_uncapped(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@M dialogue issue w=0.25 H A B");
    hs_classify_options o = fixed(0.1, 0.1);
    o.sensitivity = 400;
    o.threshold_sweep = 1.0;
    o.recode = 0.0;
    hs_classification *c = classify_one(m, "M", o);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_int_equal(k->type_lines, HS_MECHANISM_INTEGRATIVE);
    assert_true(k->agreement_lines > 0.4 && k->agreement_lines < 0.6);
    assert_int_equal(k->verdict, HS_MECHANISM_AMBIGUOUS);
    assert_int_equal(k->alternative_count, 2);
    assert_close(k->alternative_shares[0] + k->alternative_shares[1], 1.0);
    assert_true(k->alternative_shares[0] >= k->alternative_shares[1]);
    assert_non_null(strstr(k->explanation, ": ambiguous (agreement"));
    hs_classification_destroy(c);
    /* The same seed, the same shares. */
    c = classify_one(m, "M", o);
    double a1 = hs_classification_get(c, 0)->agreement;
    hs_classification_destroy(c);
    c = classify_one(m, "M", o);
    assert_close(hs_classification_get(c, 0)->agreement, a1);
    hs_classification_destroy(c);
    /* No spread: every draw is the codebook itself. */
    o.spread = 0.0;
    c = classify_one(m, "M", o);
    assert_close(hs_classification_get(c, 0)->agreement, 1.0);
    assert_int_equal(hs_classification_get(c, 0)->verdict, HS_MECHANISM_INTEGRATIVE);
    assert_int_equal(hs_classification_get(c, 0)->alternative_count, 1);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

/* Kinds and scopes are recoded: an issue-specific exercise (3/7) among H, A
 * and B falls on the lines by (3/14) / (1 + 3/7) = 0.15 > 0.12; recoded to a
 * neighbour (technology 4/7 or partnership 2/7) and to broad scope (half),
 * its depth is 2/7 or 1/7 and its fall 0.111 or 0.0625: below. Recoding
 * every code in every draw turns every draw to hub-and-spokes; recoding none
 * keeps it. */
static void redraws_recode(void **st) {
    (void)st;
    hs_model *m = model_of(LINES "@M exercise issue H A B");
    hs_classify_options o = fixed(0.12, 0.12);
    o.sensitivity = 50;
    o.threshold_sweep = 1.0;
    o.spread = 0.0;
    o.recode = 1.0;
    hs_classification *c = classify_one(m, "M", o);
    const hs_mechanism_class *k = hs_classification_get(c, 0);
    assert_close(k->delta_unidirectionality, -0.15);
    assert_int_equal(k->type_lines, HS_MECHANISM_INTEGRATIVE);
    assert_close(k->agreement_lines, 0.0);
    assert_close(k->agreement, 0.0);
    assert_int_equal(k->alternative_count, 1);
    assert_int_equal(k->alternative_types[0], HS_MECHANISM_HUB_AND_SPOKES);
    assert_close(k->alternative_shares[0], 1.0);
    hs_classification_destroy(c);
    o.recode = 0.0;
    c = classify_one(m, "M", o);
    assert_close(hs_classification_get(c, 0)->agreement, 1.0);
    hs_classification_destroy(c);
    /* Size outcomes do not move with the codes: a two-member mechanism agrees
     * with itself in every draw. */
    hs_model_destroy(m);
    m = model_of(LINES "@M exercise issue A B");
    o.recode = 1.0;
    c = classify_one(m, "M", o);
    assert_close(hs_classification_get(c, 0)->agreement, 1.0);
    assert_int_equal(hs_classification_get(c, 0)->verdict, HS_MECHANISM_BILATERAL);
    hs_classification_destroy(c);
    hs_model_destroy(m);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_rule),
        cmocka_unit_test(type_responds_to_network),
        cmocka_unit_test(expansive),
        cmocka_unit_test(loose_multilateral_two_outside),
        cmocka_unit_test(multilateral_treaty_makes_lines),
        cmocka_unit_test(bilateral),
        cmocka_unit_test(outside_the_typology),
        cmocka_unit_test(no_ally_member),
        cmocka_unit_test(fall_equal_to_threshold),
        cmocka_unit_test(options_refused),
        cmocka_unit_test(members_and_roles),
        cmocka_unit_test(redraws_uncapped),
        cmocka_unit_test(redraws_recode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
