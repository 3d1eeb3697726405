/* The measures of one period as a row of named values: what compare prints
 * per year or file and whatif before and after an edit. The names are those
 * of `metrics` (docs/metrics.md) and the values come from the same library
 * functions, so a row equals `metrics --year` for that year. */
#ifndef HS_CLI_PERIOD_H
#define HS_CLI_PERIOD_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"

/* The scalar system measures a row can hold, in metrics' order. */
enum {
    HS_M_STATES, HS_M_ALLIES, HS_M_PARTNERS, HS_M_MECHANISMS, HS_M_TIES,
    HS_M_DEGREE_CENTRALIZATION, HS_M_BETWEENNESS_CENTRALIZATION, HS_M_HUB_ARTICULATION_POINT,
    HS_M_HUB_ONLY_ALLY_PAIRS, HS_M_HUB_TIE_WEIGHT, HS_M_COORDINATED_ALLY_WEIGHT, HS_M_BARE_ALLY_WEIGHT,
    HS_M_HUB_BROKERED_CLOSURE, HS_M_HUB_BROKERAGE_FIRST,
    HS_M_RECIPROCITY = HS_M_HUB_BROKERAGE_FIRST + HS_BROKER_ROLES, HS_M_KRACKHARDT_CONNECTEDNESS,
    HS_M_KRACKHARDT_HIERARCHY, HS_M_KRACKHARDT_EFFICIENCY, HS_M_KRACKHARDT_LUB, HS_M_FLOW_HIERARCHY,
    HS_M_HUB_DEPENDENCE_SHARE, HS_M_EI_INDEX, HS_M_EI_EXPECTED, HS_M_EI_P_CLOSED, HS_M_EI_PERMUTATIONS,
    HS_M_CONDUCTANCE, HS_M_PARTNERS_TIED_IN, HS_M_VERTEX_CONNECTIVITY,
    HS_M_COUNT
};

const char *hs_cli_measure_name(int m);
/* 1: a count (printed as an integer), 2: a flag (true/false/null), 0: a number. */
int hs_cli_measure_kind(int m);

/* The measures chosen for the columns, in column order. */
typedef struct hs_cli_measures {
    int list[HS_M_COUNT];
    int count;
    long long permutations; /* of the E-I test; 0: no test */
    uint64_t seed;
} hs_cli_measures;

/* The default set (docs/compare.md, "Columns"). */
void hs_cli_measures_default(hs_cli_measures *ms);

/* Does the set hold one of the E-I test's results (ei_expected, ei_p_closed, ei_permutations)? */
int hs_cli_measures_need_test(const hs_cli_measures *ms);

/* The measures and the permutation test the arguments choose (--measures,
 * --permutations, --seed): -1, or the exit status of a usage error. */
int hs_cli_measures_from_args(const char *command, const hs_cli_args *args, hs_cli_measures *ms);

typedef struct hs_cli_row {
    int has_year, year;
    char *hub;                   /* NULL without a hub */
    double index[3];             /* K, U, C */
    double value[HS_M_COUNT];    /* by measure; only the chosen ones are computed */
} hs_cli_row;

/* Compute the chosen measures of the view. row->hub is the caller's to free. */
hs_error hs_cli_row_compute(const hs_view *view, const hs_cli_measures *ms, hs_cli_row *row);
void hs_cli_row_destroy(hs_cli_row *row);

/* The value of column `m` as JSON (null when undefined). */
json_t *hs_cli_measure_json(int m, double value);
/* The value of column `m` as a CSV cell (RFC 4180: nothing to quote). */
void hs_cli_measure_csv(FILE *out, int m, double value);
/* "%.4f", an integer, true/false, or n/a. */
void hs_cli_measure_text(FILE *out, int m, double value, int width);

#endif
