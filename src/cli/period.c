/* The measures of one period as a row of named values (period.h). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/period.h"

static const char *const names[HS_M_COUNT] = {
    "states", "allies", "partners", "mechanisms", "ties",
    "degree_centralization", "betweenness_centralization", "hub_articulation_point",
    "hub_only_ally_pairs", "hub_tie_weight", "coordinated_ally_weight", "bare_ally_weight",
    "hub_brokered_closure", "hub_brokerage_coordinator", "hub_brokerage_itinerant", "hub_brokerage_gatekeeper",
    "hub_brokerage_representative", "hub_brokerage_liaison",
    "reciprocity", "krackhardt_connectedness", "krackhardt_hierarchy", "krackhardt_efficiency", "krackhardt_lub",
    "flow_hierarchy", "hub_dependence_share", "ei_index", "ei_expected", "ei_p_closed", "ei_permutations",
    "conductance", "partners_tied_in", "vertex_connectivity"};

/* The default columns: the counts, and per index the measures it rests on
 * that stay cheap over many years (no permutation test, no separators). */
static const int default_set[] = {HS_M_STATES,
                                  HS_M_ALLIES,
                                  HS_M_PARTNERS,
                                  HS_M_MECHANISMS,
                                  HS_M_TIES,
                                  HS_M_DEGREE_CENTRALIZATION,
                                  HS_M_BETWEENNESS_CENTRALIZATION,
                                  HS_M_HUB_BROKERED_CLOSURE,
                                  HS_M_RECIPROCITY,
                                  HS_M_KRACKHARDT_HIERARCHY,
                                  HS_M_FLOW_HIERARCHY,
                                  HS_M_EI_INDEX,
                                  HS_M_CONDUCTANCE,
                                  HS_M_PARTNERS_TIED_IN};

const char *hs_cli_measure_name(int m) { return names[m]; }

int hs_cli_measure_kind(int m) {
    if (m == HS_M_HUB_ARTICULATION_POINT) return 2;
    if (m <= HS_M_TIES || m == HS_M_EI_PERMUTATIONS || m == HS_M_PARTNERS_TIED_IN || m == HS_M_VERTEX_CONNECTIVITY ||
        (m >= HS_M_HUB_BROKERAGE_FIRST && m < HS_M_HUB_BROKERAGE_FIRST + HS_BROKER_ROLES))
        return 1;
    return 0;
}

static void add(hs_cli_measures *ms, int m) {
    for (int i = 0; i < ms->count; i++) {
        if (ms->list[i] == m) return;
    }
    ms->list[ms->count++] = m;
}

void hs_cli_measures_default(hs_cli_measures *ms) {
    ms->count = 0;
    for (size_t i = 0; i < sizeof default_set / sizeof *default_set; i++) add(ms, default_set[i]);
}

int hs_cli_measures_from_args(const char *command, const hs_cli_args *args, hs_cli_measures *ms) {
    hs_cli_measures_default(ms);
    if (args->measures.count) ms->count = 0;
    for (size_t i = 0; i < args->measures.count; i++) {
        const char *name = args->measures.items[i];
        if (strcmp(name, "default") == 0) {
            for (size_t k = 0; k < sizeof default_set / sizeof *default_set; k++) add(ms, default_set[k]);
            continue;
        }
        if (strcmp(name, "all") == 0) {
            for (int m = 0; m < HS_M_COUNT; m++) add(ms, m);
            continue;
        }
        int found = -1;
        for (int m = 0; m < HS_M_COUNT && found < 0; m++) {
            if (strcmp(name, names[m]) == 0) found = m;
        }
        if (found < 0)
            return hs_cli_usage_error(command, "--measures: '%s' is not a measure (docs/compare.md lists them)", name);
        add(ms, found);
    }
    ms->seed = hs_cli_given(args, "seed") ? args->seed : 1;
    if (hs_cli_given(args, "permutations")) ms->permutations = (long long)args->permutations;
    else ms->permutations = hs_cli_measures_need_test(ms) ? 1000 : 0;
    return -1;
}

static int chosen(const hs_cli_measures *ms, int first, int last) {
    for (int i = 0; i < ms->count; i++) {
        if (ms->list[i] >= first && ms->list[i] <= last) return 1;
    }
    return 0;
}

int hs_cli_measures_need_test(const hs_cli_measures *ms) { return chosen(ms, HS_M_EI_EXPECTED, HS_M_EI_PERMUTATIONS); }

/* Each group of measures is computed only when one of its columns is chosen:
 * over many years the cost is in the groups, not in the columns. */
hs_error hs_cli_row_compute(const hs_view *v, const hs_cli_measures *ms, hs_cli_row *row) {
    memset(row, 0, sizeof *row);
    for (int m = 0; m < HS_M_COUNT; m++) row->value[m] = NAN;
    row->has_year = hs_view_has_year(v);
    row->year = hs_view_year(v);
    long hub = hs_view_hub(v);
    if (hub >= 0 && !(row->hub = strdup(hs_view_state_id(v, (size_t)hub)))) return HS_ENOMEM;
    hs_indices idx;
    hs_error err = hs_indices_compute(v, &idx);
    if (err) return err;
    row->index[0] = idx.coordination;
    row->index[1] = idx.unidirectionality;
    row->index[2] = idx.closedness;
    double *val = row->value;
    size_t allies = 0, partners = 0;
    for (size_t s = 0; s < hs_view_state_count(v); s++) {
        allies += hs_view_state_role(v, s) == HS_ROLE_ALLY;
        partners += hs_view_state_role(v, s) == HS_ROLE_PARTNER;
    }
    val[HS_M_STATES] = (double)hs_view_state_count(v);
    val[HS_M_ALLIES] = (double)allies;
    val[HS_M_PARTNERS] = (double)partners;
    val[HS_M_MECHANISMS] = (double)hs_view_mechanism_count(v);
    val[HS_M_TIES] = (double)hs_view_tie_count(v);
    if (chosen(ms, HS_M_DEGREE_CENTRALIZATION, HS_M_HUB_BROKERAGE_FIRST + HS_BROKER_ROLES - 1)) {
        hs_coordination co;
        if ((err = hs_coordination_compute(v, NULL, &co))) return err;
        val[HS_M_DEGREE_CENTRALIZATION] = co.degree_centralization;
        val[HS_M_BETWEENNESS_CENTRALIZATION] = co.betweenness_centralization;
        val[HS_M_HUB_ARTICULATION_POINT] = co.hub_articulation_point;
        val[HS_M_HUB_ONLY_ALLY_PAIRS] = co.hub_only_ally_pairs;
        /* As metrics prints them: null without a hub. */
        val[HS_M_HUB_TIE_WEIGHT] = hub >= 0 ? co.hub_tie_weight : NAN;
        val[HS_M_COORDINATED_ALLY_WEIGHT] = hub >= 0 ? co.coordinated_ally_weight : NAN;
        val[HS_M_BARE_ALLY_WEIGHT] = hub >= 0 ? co.bare_ally_weight : NAN;
        val[HS_M_HUB_BROKERED_CLOSURE] = co.hub_brokered_closure;
        for (int b = 0; b < HS_BROKER_ROLES; b++) val[HS_M_HUB_BROKERAGE_FIRST + b] = co.hub_brokerage[b];
    }
    if (chosen(ms, HS_M_RECIPROCITY, HS_M_HUB_DEPENDENCE_SHARE)) {
        hs_unidirectionality un;
        if ((err = hs_unidirectionality_compute(v, &un))) return err;
        val[HS_M_RECIPROCITY] = un.reciprocity;
        val[HS_M_KRACKHARDT_CONNECTEDNESS] = un.krackhardt.connectedness;
        val[HS_M_KRACKHARDT_HIERARCHY] = un.krackhardt.hierarchy;
        val[HS_M_KRACKHARDT_EFFICIENCY] = un.krackhardt.efficiency;
        val[HS_M_KRACKHARDT_LUB] = un.krackhardt.lub;
        val[HS_M_FLOW_HIERARCHY] = un.flow_hierarchy;
        val[HS_M_HUB_DEPENDENCE_SHARE] = un.hub_dependence_share;
    }
    if (chosen(ms, HS_M_EI_INDEX, HS_M_PARTNERS_TIED_IN)) {
        hs_closedness cl;
        if ((err = hs_closedness_init(&cl))) return err;
        err = hs_closedness_compute(v, (igraph_integer_t)ms->permutations, ms->seed, &cl);
        if (!err) {
            val[HS_M_EI_INDEX] = cl.ei.ei;
            val[HS_M_EI_EXPECTED] = cl.ei.expected;
            val[HS_M_EI_P_CLOSED] = cl.ei.p_closed;
            val[HS_M_EI_PERMUTATIONS] = (double)cl.ei.permutations;
            val[HS_M_CONDUCTANCE] = cl.conductance;
            val[HS_M_PARTNERS_TIED_IN] = hub >= 0 ? (double)cl.partners_tied_in : NAN;
        }
        hs_closedness_destroy(&cl);
        if (err) return err;
    }
    if (chosen(ms, HS_M_VERTEX_CONNECTIVITY, HS_M_VERTEX_CONNECTIVITY)) {
        hs_cutsets cs;
        if ((err = hs_cutsets_init(&cs))) return err;
        err = hs_cutsets_compute(v, &cs);
        val[HS_M_VERTEX_CONNECTIVITY] = (double)cs.vertex_connectivity;
        hs_cutsets_destroy(&cs);
        if (err) return err;
    }
    return HS_OK;
}

void hs_cli_row_destroy(hs_cli_row *row) {
    free(row->hub);
    row->hub = NULL;
}

json_t *hs_cli_measure_json(int m, double x) {
    int kind = hs_cli_measure_kind(m);
    if (kind == 2) return x < 0 || !isfinite(x) ? json_null() : json_boolean(x > 0);
    if (kind == 1) return isfinite(x) ? json_integer((json_int_t)x) : json_null();
    return hs_json_number(x);
}

void hs_cli_measure_csv(FILE *out, int m, double x) {
    int kind = hs_cli_measure_kind(m);
    if (!isfinite(x) || (kind == 2 && x < 0)) return;
    if (kind == 2) fputs(x > 0 ? "true" : "false", out);
    else if (kind == 1) fprintf(out, "%lld", (long long)x);
    else hs_cli_csv_number(out, x);
}

void hs_cli_measure_text(FILE *out, int m, double x, int width) {
    int kind = hs_cli_measure_kind(m);
    if (!isfinite(x) || (kind == 2 && x < 0)) fprintf(out, "%*s", width, "n/a");
    else if (kind == 2) fprintf(out, "%*s", width, x > 0 ? "true" : "false");
    else if (kind == 1) fprintf(out, "%*lld", width, (long long)x);
    else fprintf(out, "%*.4f", width, x);
}

