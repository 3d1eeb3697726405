#define _POSIX_C_SOURCE 200809L
/* The registry of measures and the tables of results (metrics.h, table.h),
 * through the public API only, as a binding would use them: the registry's
 * shape, the selection rules, hand-computed values, a panel equal to its
 * years one by one, the null-without-hub rule, the mechanisms started and
 * ended, the change after - before, and what-if scenarios that add a
 * mechanism or bring one forward. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hubspoke/hubspoke.h"
#include "graphml_spec.h"
#include "assert_close.h"

static hs_model *model_of(const char *graphml_text) {
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(graphml_text, strlen(graphml_text), HS_FORMAT_GRAPHML, "t.graphml", &m),
                     HS_OK);
    return m;
}

static hs_model *model_of_spec(const char *spec) {
    char *text = graphml(spec);
    hs_model *m = model_of(text);
    free(text);
    return m;
}

static size_t col(const hs_table *t, const char *name) {
    long c = hs_table_find_column(t, name);
    if (c < 0) fail_msg("no column '%s'", name);
    return (size_t)c;
}

/* ---- the registry ------------------------------------------------------------------ */

static void registry_shape(void **state) {
    (void)state;
    size_t n = hs_measure_count();
    assert_true(n >= 50);
    int seen_state = 0;
    for (size_t i = 0; i < n; i++) {
        const hs_measure *m = hs_measure_get(i);
        assert_non_null(m);
        assert_int_equal(hs_measure_find(m->name), (long)i); /* names are unique */
        assert_true(m->name[0] && m->group[0] && m->unit[0] && m->description[0]);
        assert_true(m->kind == HS_MEASURE_SYSTEM || m->kind == HS_MEASURE_STATE);
        assert_true(m->type >= HS_VALUE_REAL && m->type <= HS_VALUE_LIST);
        assert_int_equal(m->flags & ~0x1fu, 0);
        /* System measures first, then the states': the order of a full table. */
        if (m->kind == HS_MEASURE_STATE) seen_state = 1;
        else assert_false(seen_state);
        /* State measures are numbers; a change is a list. */
        if (m->kind == HS_MEASURE_STATE) assert_true(m->type == HS_VALUE_REAL || m->type == HS_VALUE_INTEGER);
        if (m->flags & HS_MEASURE_CHANGE) assert_int_equal(m->type, HS_VALUE_LIST);
    }
    assert_null(hs_measure_get(n));
    assert_int_equal(hs_measure_find("kuc"), -1);
    assert_int_equal(hs_measure_find(NULL), -1);
    assert_string_equal(hs_measure_get(0)->name, "coordination");
    assert_string_equal(hs_value_type_name(HS_VALUE_LIST), "list");
}

/* ---- one view: keys and hand-computed values ------------------------------------- */

/* H with allies A, B (treaties), A-B intelligence 5/7, partner P. */
#define SMALL "H A treaty\nH B treaty\nA B intelligence\nP H partnership\n"

static void one_view(void **state) {
    (void)state;
    hs_model *m = model_of_spec(SMALL);
    hs_table *sys = NULL, *st = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, NULL, &sys, &st), HS_OK);
    assert_int_equal(hs_table_row_count(sys), 1);
    assert_string_equal(hs_table_column_name(sys, 0), "year");
    assert_string_equal(hs_table_column_name(sys, 1), "hub");
    assert_int_equal(hs_table_column_measure(sys, 1), -1);
    assert_true(isnan(hs_table_number(sys, 0, 0))); /* no year: missing */
    assert_string_equal(hs_table_text(sys, 0, 1), "H");
    /* K = 0 (the one ally-ally tie is bare); U = 2 / (2 + 5/7 + 5/7); C = 3 / (3 + 1). */
    assert_close(hs_table_number(sys, 0, col(sys, "coordination")), 0.0);
    assert_close(hs_table_number(sys, 0, col(sys, "unidirectionality")), 7.0 / 12.0);
    assert_close(hs_table_number(sys, 0, col(sys, "closedness")), 0.75);
    assert_close(hs_table_number(sys, 0, col(sys, "allies")), 2);
    assert_close(hs_table_number(sys, 0, col(sys, "partners")), 1);
    assert_close(hs_table_number(sys, 0, col(sys, "ties")), 4);
    assert_close(hs_table_number(sys, 0, col(sys, "hub_articulation_point")), 1); /* P hangs on H */
    assert_int_equal(hs_table_column_type(sys, col(sys, "hub_articulation_point")), HS_VALUE_FLAG);
    /* Lists are JSON arrays of ids. */
    assert_string_equal(hs_table_text(sys, 0, col(sys, "articulation_points")), "[\"H\"]");
    assert_string_equal(hs_table_text(sys, 0, col(sys, "bridges")), "[[\"H\",\"P\"]]");
    assert_null(hs_table_numbers(sys, col(sys, "bridges")));
    assert_true(hs_table_find_column(sys, "mechanisms_started") < 0); /* changes only when named */
    /* The states table: year, name, role, then every state measure. */
    assert_int_equal(hs_table_row_count(st), 4);
    assert_string_equal(hs_table_column_name(st, 1), "name");
    assert_string_equal(hs_table_column_name(st, 2), "role");
    assert_string_equal(hs_table_column_name(st, 3), "degree");
    size_t deg = col(st, "degree");
    const double *degree = hs_table_numbers(st, deg);
    for (size_t r = 0; r < 4; r++) {
        const char *name = hs_table_text(st, r, 1);
        double want = strcmp(name, "H") == 0 ? 3 : strcmp(name, "P") == 0 ? 1 : 2;
        assert_close(degree[r], want);
        assert_close(hs_table_number(st, r, deg), want);
        if (strcmp(name, "P") == 0) assert_string_equal(hs_table_text(st, r, 2), "partner");
    }
    /* The same numbers as the struct API. */
    hs_view *v = NULL;
    hs_indices idx;
    assert_int_equal(hs_view_new(m, NULL, &v), HS_OK);
    assert_int_equal(hs_indices_compute(v, &idx), HS_OK);
    assert_true(idx.closedness == hs_table_number(sys, 0, col(sys, "closedness")));
    hs_view_destroy(v);
    hs_table_destroy(sys);
    hs_table_destroy(st);
    hs_model_destroy(m);
}

/* ---- selection ---------------------------------------------------------------------- */

static void selection(void **state) {
    (void)state;
    hs_model *m = model_of_spec(SMALL);
    hs_metrics_options o;
    hs_metrics_options_init(&o);
    const char *names[] = {"ties", "degree", "default", "ties"};
    o.measures = names;
    o.measure_count = 4;
    hs_table *sys = NULL, *st = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, &o, &sys, &st), HS_OK);
    /* System: ties first, then the default set without the repeat; states: degree only. */
    assert_string_equal(hs_table_column_name(sys, 2), "ties");
    size_t expect = 2 + 1;
    for (size_t i = 0; i < hs_measure_count(); i++) {
        const hs_measure *mm = hs_measure_get(i);
        if ((mm->flags & HS_MEASURE_DEFAULT) && strcmp(mm->name, "ties") != 0) {
            assert_string_equal(hs_table_column_name(sys, expect), mm->name);
            expect++;
        }
    }
    assert_int_equal(hs_table_column_count(sys), expect);
    assert_int_equal(hs_table_column_count(st), 4);
    hs_table_destroy(sys);
    hs_table_destroy(st);
    /* "all": every measure but the lists and the changes; the states table gets all of its kind. */
    const char *all[] = {"all"};
    o.measures = all;
    o.measure_count = 1;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, &o, &sys, NULL), HS_OK);
    for (size_t c = 2; c < hs_table_column_count(sys); c++) {
        const hs_measure *mm = hs_measure_get((size_t)hs_table_column_measure(sys, c));
        assert_int_not_equal(mm->type, HS_VALUE_LIST);
        assert_false(mm->flags & HS_MEASURE_CHANGE);
    }
    hs_table_destroy(sys);
    const char *bad[] = {"kuc"};
    o.measures = bad;
    sys = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, &o, &sys, NULL), HS_EARG);
    assert_string_equal(hs_error_last(), "'kuc' is not a measure");
    assert_null(sys);
    hs_model_destroy(m);
}

/* ---- the null-without-hub rule, and the permutation test on demand --------------- */

static void without_hub(void **state) {
    (void)state;
    /* No treaty, no hub attribute: no hub. */
    static const char text[] =
        "<graphml><key id=\"k\" for=\"edge\" attr.name=\"kind\"/><graph edgedefault=\"undirected\">"
        "<edge source=\"A\" target=\"B\"><data key=\"k\">dialogue</data></edge>"
        "<edge source=\"B\" target=\"C\"><data key=\"k\">exercise</data></edge></graph></graphml>";
    hs_model *m = model_of(text);
    hs_table *sys = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, NULL, &sys, NULL), HS_OK);
    assert_null(hs_table_text(sys, 0, 1));
    for (size_t c = 2; c < hs_table_column_count(sys); c++) {
        const hs_measure *mm = hs_measure_get((size_t)hs_table_column_measure(sys, c));
        if (mm->flags & HS_MEASURE_NEEDS_HUB) assert_true(isnan(hs_table_number(sys, 0, c)));
    }
    /* The struct API gives the raw sum (0); the table applies the rule. */
    hs_view *v = NULL;
    hs_coordination co;
    assert_int_equal(hs_view_new(m, NULL, &v), HS_OK);
    assert_int_equal(hs_coordination_compute(v, NULL, &co), HS_OK);
    assert_true(co.hub_tie_weight == 0.0);
    assert_true(isnan(hs_table_number(sys, 0, col(sys, "hub_tie_weight"))));
    hs_view_destroy(v);
    hs_table_destroy(sys);
    hs_model_destroy(m);

    m = model_of_spec(SMALL);
    hs_metrics_options o;
    hs_metrics_options_init(&o);
    const char *test[] = {"ei_p_closed", "ei_permutations"};
    o.measures = test;
    o.measure_count = 2;
    o.permutations = 50;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, &o, &sys, NULL), HS_OK);
    assert_true(hs_table_number(sys, 0, col(sys, "ei_permutations")) > 0);
    assert_true(isfinite(hs_table_number(sys, 0, col(sys, "ei_p_closed"))));
    hs_table_destroy(sys);
    o.permutations = 0;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, &o, &sys, NULL), HS_OK);
    assert_true(isnan(hs_table_number(sys, 0, col(sys, "ei_p_closed"))));
    hs_table_destroy(sys);
    hs_model_destroy(m);
}

/* ---- panels -------------------------------------------------------------------------- */

/* H-A treaty from 1990; H-B treaty 1995-2010; mechanism M (A, B, H) 2000-2010. */
static const char dated[] =
    "<graphml><key id=\"k\" for=\"edge\" attr.name=\"kind\"/><key id=\"s\" for=\"all\" attr.name=\"since\"/>"
    "<key id=\"u\" for=\"all\" attr.name=\"until\"/><key id=\"t\" for=\"node\" attr.name=\"type\"/>"
    "<key id=\"mk\" for=\"node\" attr.name=\"kind\"/><key id=\"h\" for=\"graph\" attr.name=\"hub\"/>"
    "<graph edgedefault=\"undirected\"><data key=\"h\">H</data>"
    "<node id=\"H\"/><node id=\"A\"/><node id=\"B\"/>"
    "<node id=\"M\"><data key=\"t\">mechanism</data><data key=\"mk\">dialogue</data>"
    "<data key=\"s\">2000</data><data key=\"u\">2010</data></node>"
    "<edge source=\"H\" target=\"A\"><data key=\"k\">treaty</data><data key=\"s\">1990</data></edge>"
    "<edge source=\"H\" target=\"B\"><data key=\"k\">treaty</data><data key=\"s\">1995</data>"
    "<data key=\"u\">2010</data></edge>"
    "<edge source=\"A\" target=\"M\"><data key=\"k\">member</data></edge>"
    "<edge source=\"B\" target=\"M\"><data key=\"k\">member</data></edge>"
    "<edge source=\"H\" target=\"M\"><data key=\"k\">member</data></edge></graph></graphml>";

static void panel_equals_years(void **state) {
    (void)state;
    hs_model *m = model_of(dated);
    const int years[] = {1999, 2000, 2005, 2010};
    hs_table *sys = NULL, *st = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, years, 4, NULL, &sys, &st), HS_OK);
    assert_int_equal(hs_table_row_count(sys), 4);
    size_t state_row = 0;
    for (size_t y = 0; y < 4; y++) {
        hs_view_options vo;
        hs_view_options_init(&vo);
        vo.has_year = 1;
        vo.year = years[y];
        hs_table *one = NULL, *one_st = NULL;
        assert_int_equal(hs_metrics_table(m, &vo, NULL, 0, NULL, &one, &one_st), HS_OK);
        assert_close(hs_table_number(sys, y, 0), years[y]);
        for (size_t c = 0; c < hs_table_column_count(one); c++) {
            const char *a = hs_table_text(one, 0, c), *b = hs_table_text(sys, y, c);
            double x = hs_table_number(one, 0, c), z = hs_table_number(sys, y, c);
            assert_true((isnan(x) && isnan(z)) || x == z); /* the same double, not nearly */
            if (a || b) assert_string_equal(a, b);
        }
        for (size_t r = 0; r < hs_table_row_count(one_st); r++, state_row++) {
            assert_string_equal(hs_table_text(one_st, r, 1), hs_table_text(st, state_row, 1));
            for (size_t c = 3; c < hs_table_column_count(one_st); c++) {
                double x = hs_table_number(one_st, r, c), z = hs_table_number(st, state_row, c);
                assert_true((isnan(x) && isnan(z)) || x == z);
            }
        }
        hs_table_destroy(one);
        hs_table_destroy(one_st);
    }
    assert_int_equal(hs_table_row_count(st), state_row);
    hs_table_destroy(sys);
    hs_table_destroy(st);

    /* The mechanisms started and ended since the previous row (the first: since the year before). */
    hs_metrics_options o;
    hs_metrics_options_init(&o);
    const char *names[] = {"mechanisms", "mechanisms_started", "mechanisms_ended"};
    o.measures = names;
    o.measure_count = 3;
    assert_int_equal(hs_metrics_table(m, NULL, years, 4, &o, &sys, NULL), HS_OK);
    const char *started[] = {"[]", "[\"M\"]", "[]", "[]"}, *ended[] = {"[]", "[]", "[]", "[\"M\"]"};
    for (size_t y = 0; y < 4; y++) {
        assert_string_equal(hs_table_text(sys, y, col(sys, "mechanisms_started")), started[y]);
        assert_string_equal(hs_table_text(sys, y, col(sys, "mechanisms_ended")), ended[y]);
    }
    hs_table_destroy(sys);

    /* Over models: against the previous model's view; none for the first. */
    hs_model *star = model_of_spec("H A treaty\n");
    const hs_model *models[] = {star, m};
    assert_int_equal(hs_metrics_table_models(models, 2, NULL, &o, &sys, NULL), HS_OK);
    assert_string_equal(hs_table_text(sys, 0, col(sys, "mechanisms_started")), "[]");
    assert_string_equal(hs_table_text(sys, 1, col(sys, "mechanisms_started")), "[\"M\"]");
    assert_string_equal(hs_table_text(sys, 1, col(sys, "mechanisms_ended")), "[]");
    hs_table_destroy(sys);
    hs_model_destroy(star);
    hs_model_destroy(m);
}

/* ---- changes and what-if scenarios ---------------------------------------------- */

static void difference_sign(void **state) {
    (void)state;
    hs_model *m = model_of(dated);
    const int before_years[] = {2005}, after_years[] = {2010};
    hs_table *a = NULL, *b = NULL, *d = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, before_years, 1, NULL, &b, NULL), HS_OK);
    assert_int_equal(hs_metrics_table(m, NULL, after_years, 1, NULL, &a, NULL), HS_OK);
    assert_int_equal(hs_table_difference(b, a, &d), HS_OK);
    /* 2005: allies A, B; 2010: B's treaty and M have ended: one ally. after - before = -1. */
    assert_close(hs_table_number(d, 0, col(d, "allies")), -1);
    assert_close(hs_table_number(d, 0, col(d, "mechanisms")), -1);
    assert_close(hs_table_number(d, 0, 0), 2010); /* keys from after */
    assert_true(isnan(hs_table_number(d, 0, col(d, "hub_articulation_point")))); /* flags: no difference */
    assert_null(hs_table_text(d, 0, col(d, "bridges")));
    hs_table_destroy(d);
    /* Different shapes are refused. */
    hs_table *st = NULL;
    assert_int_equal(hs_metrics_table(m, NULL, NULL, 0, NULL, NULL, &st), HS_OK);
    d = NULL;
    assert_int_equal(hs_table_difference(b, st, &d), HS_EARG);
    assert_null(d);
    hs_table_destroy(st);
    hs_table_destroy(a);
    hs_table_destroy(b);
    hs_model_destroy(m);
}

static void whatif_scenarios(void **state) {
    (void)state;
    hs_model *m = model_of(dated);
    /* 1. A new mechanism N (exercise, issue) of H, A and B: three co-membership ties. */
    hs_view_edit add[] = {{HS_EDIT_ADD_MECHANISM, "N", NULL, HS_KIND_EXERCISE, HS_SCOPE_ISSUE},
                          {HS_EDIT_ADD_MEMBER, "H", "N", HS_KIND_UNSET, HS_SCOPE_UNSET},
                          {HS_EDIT_ADD_MEMBER, "A", "N", HS_KIND_UNSET, HS_SCOPE_UNSET},
                          {HS_EDIT_ADD_MEMBER, "B", "N", HS_KIND_UNSET, HS_SCOPE_UNSET}};
    /* 2. M brought forward into 1998 with A and B only (its file members H, A, B start with it in 2000). */
    hs_view_edit early[] = {{HS_EDIT_ADD_MEMBER, "A", "M", HS_KIND_UNSET, HS_SCOPE_UNSET},
                            {HS_EDIT_ADD_MEMBER, "B", "M", HS_KIND_UNSET, HS_SCOPE_UNSET}};
    hs_scenario scenarios[] = {{"new", add, 4}, {"early", early, 2}};
    const int years[] = {1998, 2005};
    hs_metrics_options o;
    hs_metrics_options_init(&o);
    const char *names[] = {"mechanisms", "ties", "coordination"};
    o.measures = names;
    o.measure_count = 3;
    hs_table *before = NULL, *after = NULL, *change = NULL;
    hs_error err = hs_whatif_table(m, NULL, years, 2, scenarios, 1, &o, &before, &after, &change);
    if (err) fail_msg("%s", hs_error_last());
    assert_int_equal(hs_table_row_count(after), 2);
    assert_string_equal(hs_table_column_name(after, 1), "scenario");
    assert_string_equal(hs_table_text(after, 0, 1), "new");
    size_t mech = col(after, "mechanisms"), ties = col(after, "ties");
    /* 1998: H-A and H-B treaties, no mechanism; 2005: also M (3 ties). */
    assert_close(hs_table_number(before, 0, ties), 2);
    assert_close(hs_table_number(before, 1, ties), 5);
    assert_close(hs_table_number(after, 0, mech), 1); /* N added */
    assert_close(hs_table_number(after, 0, ties), 5);
    assert_close(hs_table_number(change, 1, ties), 3);
    assert_close(hs_table_number(change, 1, mech), 1);
    hs_table_destroy(before);
    hs_table_destroy(after);
    hs_table_destroy(change);
    /* Both scenarios in 1998: rows scenario by scenario. */
    err = hs_whatif_table(m, NULL, years, 1, scenarios, 2, &o, &before, &after, &change);
    if (err) fail_msg("%s", hs_error_last());
    assert_int_equal(hs_table_row_count(after), 2);
    assert_string_equal(hs_table_text(after, 1, 1), "early");
    assert_close(hs_table_number(after, 1, mech), 1); /* M brought into 1998 */
    assert_close(hs_table_number(change, 1, ties), 1); /* A-B only, not its file member H */
    hs_table_destroy(before);
    hs_table_destroy(after);
    hs_table_destroy(change);
    /* In 2005 M is active with A a member already: the edit names nothing new. */
    err = hs_whatif_table(m, NULL, years + 1, 1, scenarios + 1, 1, &o, &before, &after, &change);
    assert_int_equal(err, HS_EARG);
    assert_string_equal(hs_error_last(), "t.graphml: edit 1 (add member): 'A' is already a member of 'M'");
    /* The scenario model is a copy with N; the original is untouched. */
    hs_model *derived = NULL;
    assert_int_equal(hs_scenario_model(m, add, 4, &derived), HS_OK);
    assert_non_null(derived);
    assert_true(hs_model_find(derived, "N") >= 0);
    assert_int_equal(hs_model_find(m, "N"), -1);
    assert_int_equal(hs_model_vertex_count(derived), hs_model_vertex_count(m) + 1);
    hs_model_destroy(derived);
    assert_int_equal(hs_scenario_model(m, early, 2, &derived), HS_OK);
    assert_null(derived); /* nothing to add */
    hs_view_edit again[] = {{HS_EDIT_ADD_MECHANISM, "M", NULL, HS_KIND_EXERCISE, HS_SCOPE_UNSET}};
    assert_int_equal(hs_scenario_model(m, again, 1, &derived), HS_EARG);
    assert_string_equal(hs_error_last(), "t.graphml: edit 1 (add mechanism): 'M' exists already");
    hs_model_destroy(m);
}

static void model_copy(void **state) {
    (void)state;
    hs_model *m = model_of(dated), *c = NULL;
    assert_int_equal(hs_model_copy(m, &c), HS_OK);
    assert_int_equal(hs_model_vertex_count(c), hs_model_vertex_count(m));
    assert_int_equal(hs_model_edge_count(c), hs_model_edge_count(m));
    assert_string_equal(hs_model_hub(c), "H");
    assert_int_equal(hs_model_find(c, "M"), hs_model_find(m, "M"));
    assert_int_equal(hs_vertex_since(c, (size_t)hs_model_find(c, "M")), 2000);
    assert_ptr_not_equal(hs_vertex_id(c, 0), hs_vertex_id(m, 0));
    hs_model_destroy(m); /* the copy stands alone */
    hs_table *sys = NULL;
    const int y[] = {2005};
    assert_int_equal(hs_metrics_table(c, NULL, y, 1, NULL, &sys, NULL), HS_OK);
    assert_close(hs_table_number(sys, 0, col(sys, "mechanisms")), 1);
    hs_table_destroy(sys);
    hs_model_destroy(c);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(registry_shape),   cmocka_unit_test(one_view),       cmocka_unit_test(selection),
        cmocka_unit_test(without_hub),      cmocka_unit_test(panel_equals_years), cmocka_unit_test(difference_sign),
        cmocka_unit_test(whatif_scenarios), cmocka_unit_test(model_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
