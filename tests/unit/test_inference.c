#define _POSIX_C_SOURCE 200809L
/* Intervals, influence, events and several hubs (docs/metrics.md,
 * "Inference"), against hand computations and exact enumerations. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/inference.h"
#include "assert_close.h"

#define HEAD                                                                                \
    "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"  \
    "<key id=\"k\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n"                 \
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"                \
    "<key id=\"s\" for=\"all\" attr.name=\"since\" attr.type=\"int\"/>\n"                   \
    "<key id=\"u\" for=\"all\" attr.name=\"until\" attr.type=\"int\"/>\n"                   \
    "<key id=\"h\" for=\"graph\" attr.name=\"hub\" attr.type=\"string\"/>\n"                \
    "<graph edgedefault=\"undirected\">\n"
#define TAIL "</graph></graphml>\n"
#define E(a, b, kind) "<edge source=\"" a "\" target=\"" b "\"><data key=\"k\">" kind "</data></edge>\n"

static hs_model *model_of(const char *text) {
    hs_model *m = NULL;
    if (hs_model_read_memory(text, strlen(text), HS_FORMAT_GRAPHML, "t.graphml", &m) != HS_OK)
        fail_msg("refused: %s", hs_error_last());
    return m;
}

static hs_view *view_of(const hs_model *m, int year, const char *hub) {
    hs_view_options o;
    hs_view_options_init(&o);
    o.has_year = year != 0;
    o.year = year;
    o.hub = hub;
    hs_view *v = NULL;
    if (hs_view_new(m, &o, &v) != HS_OK) fail_msg("view refused: %s", hs_error_last());
    return v;
}

/* H with allies A and B (treaties, depth 1) and an intelligence tie A - B
 * (5/7): three instruments. U = 2 / (2 + 10/7) = 7/12. A draw takes three
 * instruments with replacement: 27 equally likely ordered draws. With c the
 * number of treaties drawn and i the intelligence ties (c + i = 3): U = c /
 * (c + (10/7) i), undefined when c = i = 0 (impossible). So the exact
 * distribution of U is:
 *   i=0: U=1 (8/27), i=1: 7/12 (12/27), i=2: 7/27 (6/27), i=3: 0 (1/27). */
static void bootstrap_exact(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD E("H", "A", "treaty") E("H", "B", "treaty") E("A", "B", "intelligence") TAIL);
    hs_view *v = view_of(m, 0, "H");
    hs_bootstrap_options o;
    hs_bootstrap_options_init(&o);
    o.draws = 200000;
    o.seed = 5;
    hs_interval iv[HS_BOOT_STAT_COUNT];
    assert_int_equal(hs_bootstrap_view(v, &o, iv), HS_OK);
    const double p[4] = {8.0 / 27, 12.0 / 27, 6.0 / 27, 1.0 / 27}, u[4] = {1.0, 7.0 / 12.0, 7.0 / 27.0, 0.0};
    double mean = 0, var = 0;
    for (int k = 0; k < 4; k++) mean += p[k] * u[k];
    for (int k = 0; k < 4; k++) var += p[k] * (u[k] - mean) * (u[k] - mean);
    hs_interval *U = &iv[HS_BOOT_UNIDIRECTIONALITY];
    assert_close(U->estimate, 7.0 / 12.0);
    assert_int_equal(U->defined, o.draws);
    assert_true(fabs(U->se - sqrt(var)) < 0.005);
    /* 2.5% and 97.5% quantiles: P(U = 0) = 1/27 > 2.5%, so lo = 0; P(U = 1) > 2.5%: hi = 1. */
    assert_close(U->lo, 0.0);
    assert_close(U->hi, 1.0);
    /* C = 1 in every draw (no tie leaves the system). K = 0 wherever it is
     * defined (the allies' one tie is bare), and undefined without it: in
     * the 8 of 27 draws of treaties only. */
    assert_close(iv[HS_BOOT_CLOSEDNESS].lo, 1.0);
    assert_close(iv[HS_BOOT_CLOSEDNESS].hi, 1.0);
    assert_close(iv[HS_BOOT_CLOSEDNESS].se, 0.0);
    assert_close(iv[HS_BOOT_COORDINATION].estimate, 0.0);
    assert_close(iv[HS_BOOT_COORDINATION].hi, 0.0);
    assert_true(fabs((double)iv[HS_BOOT_COORDINATION].defined / (double)o.draws - 19.0 / 27.0) < 0.005);
    /* hub_tie_weight = 2 x (treaties drawn)/... : the number of treaties drawn
     * is Binomial(3, 2/3): mean 2, variance 2/3. */
    assert_true(fabs(iv[HS_BOOT_HUB_TIE_WEIGHT].se - sqrt(2.0 / 3.0)) < 0.005);
    /* Reproducible with the seed; another seed, other draws. */
    hs_interval again[HS_BOOT_STAT_COUNT];
    o.draws = 1000;
    assert_int_equal(hs_bootstrap_view(v, &o, iv), HS_OK);
    assert_int_equal(hs_bootstrap_view(v, &o, again), HS_OK);
    assert_true(iv[HS_BOOT_UNIDIRECTIONALITY].se == again[HS_BOOT_UNIDIRECTIONALITY].se);
    o.seed = 6;
    assert_int_equal(hs_bootstrap_view(v, &o, again), HS_OK);
    assert_true(iv[HS_BOOT_UNIDIRECTIONALITY].se != again[HS_BOOT_UNIDIRECTIONALITY].se);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

static void bootstrap_options(void **st) {
    (void)st;
    hs_bootstrap_options o;
    hs_bootstrap_options_init(&o);
    assert_int_equal(o.draws, 1000);
    assert_int_equal(o.seed, 1);
    assert_close(o.level, 0.95);
    o.draws = 0;
    assert_int_equal(hs_bootstrap_options_check(&o), HS_EARG);
    assert_string_equal(hs_error_last(), "bootstrap: 0 draws (need at least 1)");
    o.draws = -5;
    assert_int_equal(hs_bootstrap_options_check(&o), HS_EARG);
    assert_string_equal(hs_error_last(), "bootstrap: -5 draws (need at least 1)");
    o.draws = 10;
    o.level = 1.0;
    assert_int_equal(hs_bootstrap_options_check(&o), HS_EARG);
    assert_string_equal(hs_error_last(), "bootstrap: level 1 is not in (0, 1)");
    assert_int_equal(hs_boot_stat_parse("unidirectionality"), HS_BOOT_UNIDIRECTIONALITY);
    assert_int_equal(hs_boot_stat_parse("centrality"), -1);
}

/* Influence, with - without (decision D1), on the system above plus a
 * partner P tied to H by a dialogue (1/7) and a mechanism M = {A, B, H}
 * (unspecified kind and scope: depth 1, three members: each tie 1/2).
 *   U with all: to hub 1 + 1 + 1/2 + 1/2 (M: A->H, B->H) = 3; to system
 *     3 + 5/7 + 5/7 + 1/2 + 1/2 (M: A<->B) = 38/7: U = 21/38
 *   without A-B intelligence: 3 / 4 -> change 21/38 - 3/4
 *   without M: 2 / (2 + 10/7) = 7/12 -> change 21/38 - 7/12
 *   without H-A: 2 / (31/7) = 14/31 -> change 21/38 - 14/31
 *   C with all (shares): internal A-H, B-H, A-B = 3, M 3 x 1/2, external
 *   H-P = 1: 4.5 / 5.5 = 9/11; without H-P: 1 -> change 9/11 - 1. */
static void influence(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD "<node id=\"M\"><data key=\"t\">mechanism</data></node>\n" E("H", "A", "treaty")
                               E("H", "B", "treaty") E("A", "B", "intelligence") E("H", "P", "dialogue")
                                   E("A", "M", "member") E("B", "M", "member") E("H", "M", "member") TAIL);
    hs_view *v = view_of(m, 0, "H");
    hs_influence inf;
    assert_int_equal(hs_influence_compute(v, &inf), HS_OK);
    assert_int_equal(inf.count, 5);
    assert_close(inf.value[HS_BOOT_UNIDIRECTIONALITY], 21.0 / 38.0);
    hs_influence_sort(&inf, HS_BOOT_UNIDIRECTIONALITY);
    char d[128];
    /* Largest |change| of U first: without A-B (-0.1974); without a treaty,
     * e.g. H-A (+0.1010); without M (-0.0307). */
    hs_instrument_describe(v, &inf.items[0], d, sizeof d);
    assert_string_equal(d, "A--B intelligence");
    assert_close(inf.items[0].change[HS_BOOT_UNIDIRECTIONALITY], 21.0 / 38.0 - 3.0 / 4.0);
    hs_instrument_describe(v, &inf.items[1], d, sizeof d);
    assert_string_equal(d, "A->H treaty");
    assert_close(inf.items[1].change[HS_BOOT_UNIDIRECTIONALITY], 21.0 / 38.0 - 14.0 / 31.0);
    hs_instrument_describe(v, &inf.items[3], d, sizeof d);
    assert_string_equal(d, "mechanism M");
    assert_close(inf.items[3].change[HS_BOOT_UNIDIRECTIONALITY], 21.0 / 38.0 - 7.0 / 12.0);
    /* The partner's dialogue does not enter U: change 0, last. */
    hs_instrument_describe(v, &inf.items[4], d, sizeof d);
    assert_string_equal(d, "H--P dialogue");
    assert_close(inf.items[4].change[HS_BOOT_UNIDIRECTIONALITY], 0.0);
    assert_close(inf.items[4].change[HS_BOOT_CLOSEDNESS], 9.0 / 11.0 - 1.0);
    hs_influence_destroy(&inf);
    hs_view_destroy(v);
    hs_model_destroy(m);
}

/* Events: M = {A, B, H} starts in 2000 and ends in 2010 (until 2010); the
 * treaties hold throughout 1990-2020. U is 1 without M and 3/4 with it
 * (arcs A->H 1, B->H 1 and, with M, A->H, B->H, A<->B 1/2 each).
 * Start 2000, window 3: before 1997-1999 U = 1, after 2000-2002 U = 3/4:
 * change 3/4 - 1. End 2010: 1 - 3/4. K is 1 with M (the allies' one tie
 * runs through it) and undefined without it (no cooperation among allies):
 * no year of K before the start, so K's change is undefined. */
static void events(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD
                           "<node id=\"M\"><data key=\"t\">mechanism</data><data key=\"s\">2000</data>"
                           "<data key=\"u\">2010</data></node>\n" E("H", "A", "treaty") E("H", "B", "treaty")
                               E("A", "M", "member") E("B", "M", "member") E("H", "M", "member") TAIL);
    hs_view_options base;
    hs_view_options_init(&base);
    base.hub = "H";
    hs_bootstrap_options o;
    hs_bootstrap_options_init(&o);
    o.draws = 500;
    hs_events ev;
    assert_int_equal(hs_events_compute(m, &base, 1990, 2020, HS_EVENTS_WINDOW, &o, &ev), HS_OK);
    assert_int_equal(ev.count, 2);
    assert_int_equal(ev.window, 3);
    assert_int_equal(ev.items[0].year, 2000);
    assert_int_equal(ev.items[0].start, 1);
    assert_int_equal(ev.items[0].years_before, 0);
    assert_int_equal(ev.items[0].years_after, 3);
    assert_int_equal(ev.items[0].others, 0);
    assert_close(ev.items[0].change[1].estimate, 3.0 / 4.0 - 1.0);
    assert_true(isnan(ev.items[0].change[0].estimate));
    assert_int_equal(ev.items[1].year, 2010);
    assert_int_equal(ev.items[1].start, 0);
    assert_close(ev.items[1].change[1].estimate, 1.0 - 3.0 / 4.0);
    /* The interval holds the estimate and is seeded. */
    assert_true(ev.items[0].change[1].lo <= ev.items[0].change[1].estimate);
    assert_true(ev.items[0].change[1].hi >= ev.items[0].change[1].estimate);
    /* A draw without either treaty (probability 1/27) leaves U undefined before M. */
    assert_true(ev.items[0].change[1].defined > 440 && ev.items[0].change[1].defined < 500);
    hs_events_destroy(&ev);
    /* A range that starts at 2000: the start is not inside it. Window 12: the
     * end's before-years are cut to the range and the start is a confounder. */
    assert_int_equal(hs_events_compute(m, &base, 2000, 2020, 12, NULL, &ev), HS_OK);
    assert_int_equal(ev.count, 1);
    assert_int_equal(ev.items[0].years_before, 10);
    assert_int_equal(ev.items[0].years_after, 0); /* K is undefined once M has ended */
    assert_true(isnan(ev.items[0].change[1].lo));
    hs_events_destroy(&ev);
    assert_int_equal(hs_events_compute(m, &base, 2000, 2020, 0, NULL, &ev), HS_EARG);
    assert_string_equal(hs_error_last(), "events: a window of 0 years (need at least 1)");
    hs_model_destroy(m);
}

/* Two hubs: U with allies A, B; V with allies C; P is a partner of both
 * (dialogues with A and C); B is U's ally and V's partner (access with V). */
static void several_hubs(void **st) {
    (void)st;
    hs_model *m = model_of(HEAD E("U", "A", "treaty") E("U", "B", "treaty") E("V", "C", "treaty")
                               E("P", "A", "dialogue") E("P", "C", "dialogue") E("V", "B", "access") TAIL);
    hs_view_options base;
    hs_view_options_init(&base);
    const char *hubs[] = {"U", "V"};
    hs_hub_systems hs;
    assert_int_equal(hs_hub_systems_compute(m, &base, hubs, 2, NULL, &hs), HS_OK);
    assert_int_equal(hs.count, 2);
    assert_string_equal(hs.systems[0].hub, "U");
    assert_int_equal(hs.systems[0].nallies, 2);
    assert_int_equal(hs.systems[1].nallies, 1);
    assert_int_equal(hs.nshared_partners, 1);
    assert_string_equal(hs.shared_partners[0], "P");
    assert_int_equal(hs.ncrossing, 1);
    assert_string_equal(hs.crossing[0], "B");
    assert_int_equal(hs.nshared_allies, 0);
    /* U's C: internal U-A, U-B; external P-A, V-B: 2/4. */
    assert_close(hs.systems[0].indices.closedness, 0.5);
    assert_close(hs.systems[0].interval[2].estimate, 0.5);
    hs_hub_systems_destroy(&hs);
    const char *twice[] = {"U", "U"};
    assert_int_equal(hs_hub_systems_compute(m, &base, twice, 2, NULL, &hs), HS_EARG);
    assert_string_equal(hs_error_last(), "several hubs: 'U' is given twice");
    const char *none[] = {"U", "X"};
    assert_int_equal(hs_hub_systems_compute(m, &base, none, 2, NULL, &hs), HS_EARG);
    assert_string_equal(hs_error_last(), "t.graphml: hub 'X' names no state");
    hs_model_destroy(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bootstrap_exact), cmocka_unit_test(bootstrap_options), cmocka_unit_test(influence),
        cmocka_unit_test(events),          cmocka_unit_test(several_hubs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
