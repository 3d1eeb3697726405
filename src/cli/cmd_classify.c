/* hubspoke classify: each minilateral mechanism in the paper's typology. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "hubspoke/classify.h"

static const char *const csv_columns[] = {"year",
                                          "hub",
                                          "id",
                                          "label",
                                          "size",
                                          "size_class",
                                          "outside_members",
                                          "exceeds_one_outside_partner",
                                          "type",
                                          "verdict",
                                          "agreement",
                                          "alternatives",
                                          "cell",
                                          "system_delta_unidirectionality",
                                          "system_delta_closedness",
                                          "system_unidirectionality_without",
                                          "system_unidirectionality_with",
                                          "system_closedness_without",
                                          "system_closedness_with",
                                          "type_lines",
                                          "cell_lines",
                                          "agreement_lines",
                                          "delta_unidirectionality",
                                          "delta_closedness",
                                          "unidirectionality_without",
                                          "unidirectionality_with",
                                          "closedness_without",
                                          "closedness_with",
                                          "members",
                                          "explanation"};

/* The numbers of one mechanism in the CSV's order, from "system_delta_unidirectionality". */
static void system_numbers(const hs_mechanism_class *c, double out[6]) {
    const double x[6] = {c->system_delta_unidirectionality,   c->system_delta_closedness,
                         c->system_unidirectionality_without, c->system_unidirectionality_with,
                         c->system_closedness_without,        c->system_closedness_with};
    memcpy(out, x, sizeof x);
}

static void lines_numbers(const hs_mechanism_class *c, double out[6]) {
    const double x[6] = {c->delta_unidirectionality,   c->delta_closedness, c->unidirectionality_without,
                         c->unidirectionality_with,    c->closedness_without, c->closedness_with};
    memcpy(out, x, sizeof x);
}

static const char *const system_keys[6] = {"system_delta_unidirectionality",   "system_delta_closedness",
                                           "system_unidirectionality_without", "system_unidirectionality_with",
                                           "system_closedness_without",        "system_closedness_with"};
static const char *const lines_keys[6] = {"delta_unidirectionality",   "delta_closedness", "unidirectionality_without",
                                          "unidirectionality_with",    "closedness_without", "closedness_with"};

static json_t *class_json(const hs_mechanism_class *c) {
    json_t *o = json_object(), *members = json_array(), *alternatives = json_array();
    for (size_t i = 0; i < c->member_count; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "id", json_string(c->member_ids[i]));
        json_object_set_new(m, "role", json_string(hs_role_name(c->member_roles[i])));
        json_array_append_new(members, m);
    }
    for (size_t i = 0; i < c->alternative_count; i++) {
        json_t *a = json_object();
        json_object_set_new(a, "type", json_string(hs_mechanism_type_name(c->alternative_types[i])));
        json_object_set_new(a, "share", json_real(c->alternative_shares[i]));
        json_array_append_new(alternatives, a);
    }
    int typed = c->type != HS_MECHANISM_UNCLASSIFIED;
    double numbers[6];
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "label", hs_json_string_or_null(c->label));
    json_object_set_new(o, "members", members);
    json_object_set_new(o, "size", json_integer((json_int_t)c->member_count));
    json_object_set_new(o, "size_class", hs_json_string_or_null(hs_size_class_name(c->size_class)));
    json_object_set_new(o, "outside_members", json_integer((json_int_t)c->outside_members));
    json_object_set_new(o, "exceeds_one_outside_partner", json_boolean(c->exceeds_one_outside_partner));
    json_object_set_new(o, "type", hs_json_string_or_null(hs_mechanism_type_name(c->type)));
    json_object_set_new(o, "verdict", hs_json_string_or_null(hs_mechanism_type_name(c->verdict)));
    json_object_set_new(o, "agreement", hs_json_number(c->agreement));
    json_object_set_new(o, "alternatives", alternatives);
    json_object_set_new(o, "cell", typed ? hs_json_string_or_null(hs_mechanism_type_name(c->cell)) : json_null());
    system_numbers(c, numbers);
    for (int i = 0; i < 6; i++) json_object_set_new(o, system_keys[i], hs_json_number(numbers[i]));
    json_object_set_new(o, "type_lines", hs_json_string_or_null(hs_mechanism_type_name(c->type_lines)));
    json_object_set_new(o, "cell_lines", typed ? hs_json_string_or_null(hs_mechanism_type_name(c->cell_lines)) : json_null());
    json_object_set_new(o, "agreement_lines", hs_json_number(c->agreement_lines));
    lines_numbers(c, numbers);
    for (int i = 0; i < 6; i++) json_object_set_new(o, lines_keys[i], hs_json_number(numbers[i]));
    json_object_set_new(o, "explanation", json_string(c->explanation));
    return o;
}

static json_t *reference_json(const hs_classification *c, hs_picture p) {
    json_t *o = json_object(), *n = json_object();
    size_t nu, nc;
    double u = hs_classification_reference(c, p, 1, &nu), cl = hs_classification_reference(c, p, 0, &nc);
    json_object_set_new(o, "unidirectionality", hs_json_number(u));
    json_object_set_new(o, "closedness", hs_json_number(cl));
    json_object_set_new(n, "unidirectionality", json_integer((json_int_t)nu));
    json_object_set_new(n, "closedness", json_integer((json_int_t)nc));
    json_object_set_new(o, "relations", n);
    return o;
}

static hs_error print_json(const hs_cli_args *args, const hs_classify_options *o,
                           const hs_classification *c) {
    json_t *root = json_object(), *list = json_array(), *thresholds = json_object(), *sens = json_object(),
           *ref = json_object(), *range = json_array();
    int fixed = !isnan(o->threshold_unidirectionality) || !isnan(o->threshold_closedness);
    json_object_set_new(root, "year", hs_cli_given(args, "year") ? json_integer(args->year) : json_null());
    json_object_set_new(root, "hub", hs_json_string_or_null(hs_classification_hub(c)));
    json_object_set_new(root, "critical_mass", json_integer((json_int_t)o->critical_mass));
    json_object_set_new(thresholds, "rule", json_string(fixed ? "fixed" : "reference"));
    json_object_set_new(thresholds, "quantile", json_real(o->reference_quantile));
    json_object_set_new(thresholds, "unidirectionality", hs_json_number(o->threshold_unidirectionality));
    json_object_set_new(thresholds, "closedness", hs_json_number(o->threshold_closedness));
    json_object_set_new(thresholds, "tolerance", json_real(HS_CLASSIFY_TOLERANCE));
    json_object_set_new(root, "thresholds", thresholds);
    json_object_set_new(ref, "system", reference_json(c, HS_PICTURE_SYSTEM));
    json_object_set_new(ref, "lines", reference_json(c, HS_PICTURE_LINES));
    json_object_set_new(root, "reference", ref);
    json_object_set_new(sens, "draws", json_integer((json_int_t)o->sensitivity));
    json_object_set_new(sens, "seed", json_integer((json_int_t)o->seed));
    json_object_set_new(sens, "spread", json_real(o->spread));
    json_object_set_new(sens, "recode", json_real(o->recode));
    json_array_append_new(range, json_real(o->quantile_low));
    json_array_append_new(range, json_real(o->quantile_high));
    json_object_set_new(sens, "quantile_range", range);
    json_object_set_new(sens, "ambiguous_below", json_real(o->ambiguous_below));
    json_object_set_new(root, "sensitivity", sens);
    for (size_t k = 0; k < hs_classification_count(c); k++)
        json_array_append_new(list, class_json(hs_classification_get(c, k)));
    json_object_set_new(root, "mechanisms", list);
    hs_error err = hs_cli_print_json(root);
    json_decref(root);
    return err;
}

static void csv_name(FILE *out, const char *name) {
    fputc(',', out);
    if (name) fputs(name, out);
}

/* Members as "A:role;B:role": ids may hold CSV specials, so the whole list
 * goes through the quoting. */
static void csv_members(FILE *out, const hs_mechanism_class *m) {
    size_t len = 1;
    for (size_t i = 0; i < m->member_count; i++) len += strlen(m->member_ids[i]) + 16;
    char *members = malloc(len);
    fputc(',', out);
    if (!members) return;
    members[0] = '\0';
    for (size_t i = 0; i < m->member_count; i++) {
        strcat(members, i ? ";" : "");
        strcat(members, m->member_ids[i]);
        strcat(members, ":");
        strcat(members, hs_role_name(m->member_roles[i]));
    }
    hs_cli_csv_field(out, members);
    free(members);
}

/* Alternatives as "type:share;type:share" (no CSV specials in either). */
static void csv_alternatives(FILE *out, const hs_mechanism_class *m) {
    fputc(',', out);
    for (size_t i = 0; i < m->alternative_count; i++) {
        fprintf(out, "%s%s:", i ? ";" : "", hs_mechanism_type_name(m->alternative_types[i]));
        hs_cli_csv_number(out, m->alternative_shares[i]);
    }
}

static void print_csv(FILE *out, const hs_cli_args *args, const hs_classification *c) {
    size_t ncol = sizeof csv_columns / sizeof *csv_columns;
    for (size_t i = 0; i < ncol; i++) fprintf(out, "%s%s", i ? "," : "", csv_columns[i]);
    fputs("\r\n", out);
    for (size_t k = 0; k < hs_classification_count(c); k++) {
        const hs_mechanism_class *m = hs_classification_get(c, k);
        int typed = m->type != HS_MECHANISM_UNCLASSIFIED;
        double numbers[6];
        if (hs_cli_given(args, "year")) fprintf(out, "%d", args->year);
        fputc(',', out);
        hs_cli_csv_field(out, hs_classification_hub(c) ? hs_classification_hub(c) : "");
        fputc(',', out);
        hs_cli_csv_field(out, m->id);
        fputc(',', out);
        hs_cli_csv_field(out, m->label ? m->label : "");
        fprintf(out, ",%zu", m->member_count);
        csv_name(out, hs_size_class_name(m->size_class));
        fprintf(out, ",%zu,%s", m->outside_members, m->exceeds_one_outside_partner ? "true" : "false");
        csv_name(out, hs_mechanism_type_name(m->type));
        csv_name(out, hs_mechanism_type_name(m->verdict));
        fputc(',', out);
        hs_cli_csv_number(out, m->agreement);
        csv_alternatives(out, m);
        csv_name(out, typed ? hs_mechanism_type_name(m->cell) : NULL);
        system_numbers(m, numbers);
        for (int i = 0; i < 6; i++) {
            fputc(',', out);
            hs_cli_csv_number(out, numbers[i]);
        }
        csv_name(out, hs_mechanism_type_name(m->type_lines));
        csv_name(out, typed ? hs_mechanism_type_name(m->cell_lines) : NULL);
        fputc(',', out);
        hs_cli_csv_number(out, m->agreement_lines);
        lines_numbers(m, numbers);
        for (int i = 0; i < 6; i++) {
            fputc(',', out);
            hs_cli_csv_number(out, numbers[i]);
        }
        csv_members(out, m);
        fputc(',', out);
        hs_cli_csv_field(out, m->explanation);
        fputs("\r\n", out);
    }
}

/* Wrap plain words at 80 columns under a 4-space indent. */
static void print_wrapped(FILE *out, const char *text) {
    const int width = 76;
    int col = 0;
    fputs("    ", out);
    while (*text) {
        size_t word = strcspn(text, " ");
        if (col > 0 && col + 1 + (int)word > width) {
            fputs("\n    ", out);
            col = 0;
        } else if (col > 0) {
            fputc(' ', out);
            col++;
        }
        fwrite(text, 1, word, out);
        col += (int)word;
        text += word;
        while (*text == ' ') text++;
    }
    fputc('\n', out);
}

static void print_change(FILE *out, const char *title, double without, double with, double change) {
    fputs(title, out);
    hs_cli_text_number(out, without);
    fputs(" -> ", out);
    hs_cli_text_number(out, with);
    fputs("  change ", out);
    if (isfinite(change)) fprintf(out, "%+.4g", change);
    else fputs("n/a", out);
}

static void print_reference(FILE *out, const hs_classification *c, hs_picture p, const char *what) {
    size_t nu, nc;
    double u = hs_classification_reference(c, p, 1, &nu), cl = hs_classification_reference(c, p, 0, &nc);
    fprintf(out, "reference (%s): U ", what);
    if (isfinite(u)) fprintf(out, "%.4g (%zu relation%s)", u, nu, nu == 1 ? "" : "s");
    else fputs("n/a (no relation changes U)", out);
    fputs(", C ", out);
    if (isfinite(cl)) fprintf(out, "%.4g (%zu relation%s)", cl, nc, nc == 1 ? "" : "s");
    else fputs("n/a (no relation changes C)", out);
    fputc('\n', out);
}

static void print_text(FILE *out, const hs_cli_args *args, const hs_classify_options *o,
                       const hs_classification *c) {
    fprintf(out, "%s", args->operands[0]);
    if (hs_cli_given(args, "year")) fprintf(out, ", year %d", args->year);
    else fputs(", all years", out);
    fprintf(out, ", hub %s, critical mass %zu\n", hs_classification_hub(c) ? hs_classification_hub(c) : "none",
            o->critical_mass);
    if (!isnan(o->threshold_unidirectionality) || !isnan(o->threshold_closedness)) {
        fputs("thresholds: fixed, unidirectionality ", out);
        hs_cli_text_number(out, o->threshold_unidirectionality);
        fputs(", closedness ", out);
        hs_cli_text_number(out, o->threshold_closedness);
        fputs(" (the reference where none is fixed)\n", out);
    } else {
        fprintf(out, "thresholds: the %g-quantile of the changes the system's relations make\n",
                o->reference_quantile);
    }
    print_reference(out, c, HS_PICTURE_SYSTEM, "system");
    print_reference(out, c, HS_PICTURE_LINES, "lines");
    if (o->sensitivity)
        fprintf(out, "redraws: %zu (spread %.4g, recode %.4g, quantile %.4g to %.4g, seed %llu; ambiguous below %.4g)\n",
                o->sensitivity, o->spread, o->recode, o->quantile_low, o->quantile_high,
                (unsigned long long)o->seed, o->ambiguous_below);
    if (hs_classification_count(c) == 0) fputs("\nno mechanism is active\n", out);
    for (size_t k = 0; k < hs_classification_count(c); k++) {
        const hs_mechanism_class *m = hs_classification_get(c, k);
        const char *type = hs_mechanism_type_name(m->type);
        fprintf(out, "\n%s%s%s\n  type               %s", m->id, m->label ? "  " : "", m->label ? m->label : "",
                type ? type : "none (outside the typology)");
        if (!isnan(m->agreement)) {
            fprintf(out, "  (agreement %.3f", m->agreement);
            for (size_t i = 0; i < m->alternative_count; i++)
                if (m->alternative_types[i] != m->type)
                    fprintf(out, "; %s %.3f", hs_mechanism_type_name(m->alternative_types[i]), m->alternative_shares[i]);
            fputs(m->verdict == HS_MECHANISM_AMBIGUOUS ? "): AMBIGUOUS" : ")", out);
        }
        fprintf(out, "\n  members            %zu (%s)", m->member_count,
                hs_size_class_name(m->size_class) ? hs_size_class_name(m->size_class) : "none");
        for (size_t i = 0; i < m->member_count; i++)
            fprintf(out, " %s (%s)", m->member_ids[i], hs_role_name(m->member_roles[i]));
        fprintf(out, "\n  outside members    %zu%s", m->outside_members,
                m->exceeds_one_outside_partner ? " (more than one outside partner)" : "");
        if (type) {
            fprintf(out, "\n  system             %s", hs_mechanism_type_name(m->cell));
            print_change(out, "\n    U                ", m->system_unidirectionality_without,
                         m->system_unidirectionality_with, m->system_delta_unidirectionality);
            print_change(out, "\n    C                ", m->system_closedness_without, m->system_closedness_with,
                         m->system_delta_closedness);
            fprintf(out, "\n  lines              %s", hs_mechanism_type_name(m->cell_lines));
            if (!isnan(m->agreement_lines)) fprintf(out, "  (type %s, agreement %.3f)", hs_mechanism_type_name(m->type_lines),
                                                    m->agreement_lines);
            print_change(out, "\n    U                ", m->unidirectionality_without, m->unidirectionality_with,
                         m->delta_unidirectionality);
            print_change(out, "\n    C                ", m->closedness_without, m->closedness_with,
                         m->delta_closedness);
        }
        fputc('\n', out);
        print_wrapped(out, m->explanation);
    }
}

static int run(const hs_cli_args *args) {
    hs_classify_options o;
    hs_classify_options_init(&o);
    o.mechanism = args->mechanism;
    if (hs_cli_given(args, "sensitivity")) o.sensitivity = (size_t)args->sensitivity;
    if (hs_cli_given(args, "seed")) o.seed = (uint64_t)args->seed;
    if (hs_cli_given(args, "threshold-u")) o.threshold_unidirectionality = args->threshold_u;
    if (hs_cli_given(args, "threshold-c")) o.threshold_closedness = args->threshold_c;
    if (hs_cli_given(args, "spread")) o.spread = args->spread;
    if (hs_cli_given(args, "critical-mass")) {
        if (args->critical_mass < 3)
            return hs_cli_usage_error("classify", "--critical-mass %llu: a minilateral has at least 3 members",
                                      args->critical_mass);
        o.critical_mass = (size_t)args->critical_mass;
    }
    if (hs_cli_given(args, "reference-quantile")) o.reference_quantile = args->reference_quantile;
    if (hs_cli_given(args, "recode")) o.recode = args->recode;
    if (hs_cli_given(args, "ambiguous-below")) o.ambiguous_below = args->ambiguous_below;
    hs_model *m;
    hs_codebook *cb;
    hs_error err = hs_cli_open_model(args, &m, &cb);
    if (err) return hs_cli_fail(err);
    hs_view_options vo;
    hs_cli_view_options(args, cb, &vo);
    hs_classification *c = NULL;
    err = hs_classification_new(m, &vo, &o, &c);
    if (!err) {
        if (args->format == HS_OUT_JSON) {
            err = print_json(args, &o, c);
        } else {
            if (args->format == HS_OUT_CSV) print_csv(stdout, args, c);
            else print_text(stdout, args, &o, c);
            if (fflush(stdout) != 0) err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    hs_classification_destroy(c);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}


static const hs_opt options[] = {
    HS_OPT_INCLUDE(hs_opts_year),
    {.type = HS_OPT_ID, .name = "mechanism", .value_name = "ID", .help = "classify only this mechanism (it must be active)", .offset = offsetof(hs_cli_args, mechanism)},
    HS_OPT_INCLUDE(hs_opts_view), HS_OPT_INCLUDE(hs_opts_state_set), HS_OPT_INCLUDE(hs_opts_weights),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_COUNT, .name = "critical-mass", .value_name = "N", .help = "the largest minilateral: more members are multilateral (default 4, from the paper's '3-4 members'; at least 3)", .offset = offsetof(hs_cli_args, critical_mass), .max = 1000000ULL},
    {.type = HS_OPT_REAL, .name = "reference-quantile", .value_name = "Q", .help = "a fall weakens a property when it is at least this quantile of the changes the system's relations make (default 0.5, the median)", .offset = offsetof(hs_cli_args, reference_quantile), .min_real = 0.001, .max_real = 0.999},
    {.type = HS_OPT_REAL, .name = "threshold-u", .value_name = "X", .help = "a fixed fall of U that weakens unidirectionality, in both pictures, instead of the reference (default none)", .offset = offsetof(hs_cli_args, threshold_u), .min_real = 1e-9, .max_real = 1.0},
    {.type = HS_OPT_REAL, .name = "threshold-c", .value_name = "X", .help = "the same for C (default none)", .offset = offsetof(hs_cli_args, threshold_c), .min_real = 1e-9, .max_real = 1.0},
    {.type = HS_OPT_COUNT, .name = "sensitivity", .value_name = "N", .help = "N redraws of the codebook's depths (uncapped), of the kinds and scopes and of the reference quantile (0.25 to 0.75): per mechanism, the agreement, the alternatives with their shares, and the verdict; default 0 (no redraws)", .offset = offsetof(hs_cli_args, sensitivity), .max = 10000000ULL},
    {.type = HS_OPT_REAL, .name = "spread", .value_name = "X", .help = "each redrawn depth is the codebook's times a factor drawn log-uniformly in [1/(1+X), 1+X] (default 0.25)", .offset = offsetof(hs_cli_args, spread), .min_real = 0.0, .max_real = 10.0},
    {.type = HS_OPT_REAL, .name = "recode", .value_name = "P", .help = "in each redraw, recode each kind to a neighbouring kind and each scope to the other with probability P (default 0.1)", .offset = offsetof(hs_cli_args, recode), .min_real = 0.0, .max_real = 1.0},
    {.type = HS_OPT_REAL, .name = "ambiguous-below", .value_name = "A", .help = "a verdict whose agreement is below A is ambiguous (default 0.8)", .offset = offsetof(hs_cli_args, ambiguous_below), .min_real = 0.0, .max_real = 1.0},
    {.type = HS_OPT_COUNT, .name = "seed", .value_name = "S", .help = "seed of the redraws (default 1); the same seed gives the same agreement on every machine", .offset = offsetof(hs_cli_args, seed), .max = 9007199254740991ULL},
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_classify = {
    "classify",
    "place each minilateral mechanism in the paper's typology",
    "FILE [OPTIONS]",
    "    For each mechanism active in year Y (every mechanism of FILE when --year is\n"
    "    absent), or the one --mechanism names: its members with their roles, its\n"
    "    size (two members: bilateral; more than the critical mass: multilateral,\n"
    "    the paper's counter-model), its outside members, and what it changes in\n"
    "    unidirectionality (U) and closedness (C) -- on the system as it stands and\n"
    "    on the hub's lines around it -- judged against the median change the\n"
    "    system's own relations make; its cell in the 2x2 of Li (2024), section 3.2,\n"
    "    and an explanation naming the members and ties responsible:\n"
    "\n"
    "                               closedness kept    closedness weakened\n"
    "      unidirectionality kept   hub-and-spokes     expansive\n"
    "      unidirectionality weak   integrative        loose-multilateral\n"
    "\n"
    "    The type is judged on the system as it stands (type_lines on the lines).\n"
    "    A mechanism with no member in the system (hub or ally), fewer than two\n"
    "    members, or in a year without a hub, has no type (null).\n"
    "    Definitions and the reasons for every default: docs/typology.md.\n",
    options,
    "OUTPUT\n"
    "    json: {\"year\", \"hub\", \"critical_mass\", \"thresholds\", \"reference\",\n"
    "    \"sensitivity\", \"mechanisms\": [{\"id\", \"label\", \"members\": [{\"id\", \"role\"}],\n"
    "    \"size\", \"size_class\", \"outside_members\", \"exceeds_one_outside_partner\",\n"
    "    \"type\", \"verdict\", \"agreement\", \"alternatives\": [{\"type\", \"share\"}], \"cell\",\n"
    "    \"system_delta_unidirectionality\", \"system_delta_closedness\",\n"
    "    \"system_unidirectionality_without\", \"system_unidirectionality_with\",\n"
    "    \"system_closedness_without\", \"system_closedness_with\", \"type_lines\",\n"
    "    \"cell_lines\", \"agreement_lines\", \"delta_unidirectionality\",\n"
    "    \"delta_closedness\", \"unidirectionality_without\", \"unidirectionality_with\",\n"
    "    \"closedness_without\", \"closedness_with\", \"explanation\"}]}; changes are\n"
    "    with minus without (a weakening is negative).\n"
    "    csv: one row per mechanism with the same names as columns (members as\n"
    "    ID:role and alternatives as type:share, separated by ';').\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, 2 usage error (including a --mechanism that is not\n"
    "    active in the year).\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke classify graphs/asia-pacific.gv --year 2023\n"
    "    hubspoke classify graphs/asia-pacific.gv --year 2023 --mechanism Quad --format json\n"
    "    hubspoke classify graphs/asia-pacific.graphml --year 2023 --sensitivity 1000\n",
    operands,
    1,
    1,
    run};
