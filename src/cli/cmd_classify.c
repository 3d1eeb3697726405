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
                                          "type",
                                          "delta_unidirectionality",
                                          "delta_closedness",
                                          "unidirectionality_without",
                                          "unidirectionality_with",
                                          "closedness_without",
                                          "closedness_with",
                                          "system_unidirectionality_without",
                                          "system_unidirectionality_with",
                                          "system_closedness_without",
                                          "system_closedness_with",
                                          "agreement",
                                          "members",
                                          "explanation"};

static json_t *class_json(const hs_mechanism_class *c) {
    json_t *o = json_object(), *members = json_array();
    for (size_t i = 0; i < c->member_count; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "id", json_string(c->member_ids[i]));
        json_object_set_new(m, "role", json_string(hs_role_name(c->member_roles[i])));
        json_array_append_new(members, m);
    }
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "label", hs_json_string_or_null(c->label));
    json_object_set_new(o, "members", members);
    json_object_set_new(o, "type", hs_json_string_or_null(hs_mechanism_type_name(c->type)));
    json_object_set_new(o, "delta_unidirectionality", hs_json_number(c->delta_unidirectionality));
    json_object_set_new(o, "delta_closedness", hs_json_number(c->delta_closedness));
    json_object_set_new(o, "unidirectionality_without", hs_json_number(c->unidirectionality_without));
    json_object_set_new(o, "unidirectionality_with", hs_json_number(c->unidirectionality_with));
    json_object_set_new(o, "closedness_without", hs_json_number(c->closedness_without));
    json_object_set_new(o, "closedness_with", hs_json_number(c->closedness_with));
    json_object_set_new(o, "system_unidirectionality_without", hs_json_number(c->system_unidirectionality_without));
    json_object_set_new(o, "system_unidirectionality_with", hs_json_number(c->system_unidirectionality_with));
    json_object_set_new(o, "system_closedness_without", hs_json_number(c->system_closedness_without));
    json_object_set_new(o, "system_closedness_with", hs_json_number(c->system_closedness_with));
    json_object_set_new(o, "explanation", json_string(c->explanation));
    json_object_set_new(o, "agreement", hs_json_number(c->agreement));
    return o;
}

static hs_error print_json(const hs_cli_args *args, const hs_classify_options *o, const hs_classification *c) {
    json_t *root = json_object(), *list = json_array(), *thresholds = json_object(), *sens = json_object();
    json_object_set_new(root, "year", hs_cli_given(args, "year") ? json_integer(args->year) : json_null());
    json_object_set_new(root, "hub", hs_json_string_or_null(hs_classification_hub(c)));
    json_object_set_new(thresholds, "unidirectionality", json_real(o->threshold_unidirectionality));
    json_object_set_new(thresholds, "closedness", json_real(o->threshold_closedness));
    json_object_set_new(root, "thresholds", thresholds);
    json_object_set_new(sens, "draws", json_integer((json_int_t)o->sensitivity));
    json_object_set_new(sens, "seed", json_integer((json_int_t)o->seed));
    json_object_set_new(sens, "spread", json_real(o->spread));
    json_object_set_new(root, "sensitivity", sens);
    for (size_t k = 0; k < hs_classification_count(c); k++)
        json_array_append_new(list, class_json(hs_classification_get(c, k)));
    json_object_set_new(root, "mechanisms", list);
    hs_error err = hs_cli_print_json(root);
    json_decref(root);
    return err;
}

static void print_csv(FILE *out, const hs_cli_args *args, const hs_classification *c) {
    size_t ncol = sizeof csv_columns / sizeof *csv_columns;
    for (size_t i = 0; i < ncol; i++) fprintf(out, "%s%s", i ? "," : "", csv_columns[i]);
    fputs("\r\n", out);
    for (size_t k = 0; k < hs_classification_count(c); k++) {
        const hs_mechanism_class *m = hs_classification_get(c, k);
        if (hs_cli_given(args, "year")) fprintf(out, "%d", args->year);
        fputc(',', out);
        hs_cli_csv_field(out, hs_classification_hub(c) ? hs_classification_hub(c) : "");
        fputc(',', out);
        hs_cli_csv_field(out, m->id);
        fputc(',', out);
        hs_cli_csv_field(out, m->label ? m->label : "");
        fputc(',', out);
        fputs(hs_mechanism_type_name(m->type) ? hs_mechanism_type_name(m->type) : "", out);
        const double numbers[] = {m->delta_unidirectionality,
                                  m->delta_closedness,
                                  m->unidirectionality_without,
                                  m->unidirectionality_with,
                                  m->closedness_without,
                                  m->closedness_with,
                                  m->system_unidirectionality_without,
                                  m->system_unidirectionality_with,
                                  m->system_closedness_without,
                                  m->system_closedness_with,
                                  m->agreement};
        for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
            fputc(',', out);
            hs_cli_csv_number(out, numbers[i]);
        }
        fputc(',', out);
        /* Ids and role names hold no CSV specials unless an id does: quote the whole list then. */
        size_t len = 1;
        for (size_t i = 0; i < m->member_count; i++) len += strlen(m->member_ids[i]) + 16;
        char *members = malloc(len);
        if (members) {
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

/* A change, with its sign: "+0.0500", "-0.3750", or n/a. */
static void print_signed(FILE *out, double x) {
    if (isfinite(x))
        fprintf(out, "%+.4f", x);
    else
        fputs("n/a", out);
}

static void print_change(FILE *out, const char *title, double without, double with) {
    fputs(title, out);
    hs_cli_text_number(out, without);
    fputs(" -> ", out);
    hs_cli_text_number(out, with);
}

static void print_text(FILE *out, const hs_cli_args *args, const hs_classify_options *o, const hs_classification *c) {
    fprintf(out, "%s", args->operands[0]);
    if (hs_cli_given(args, "year"))
        fprintf(out, ", year %d", args->year);
    else
        fputs(", all years", out);
    fprintf(out, ", hub %s\n", hs_classification_hub(c) ? hs_classification_hub(c) : "none");
    fprintf(out, "thresholds: unidirectionality %.4g, closedness %.4g", o->threshold_unidirectionality,
            o->threshold_closedness);
    if (o->sensitivity)
        fprintf(out, "; %zu codebook redraws (spread %.4g, seed %llu)", o->sensitivity, o->spread,
                (unsigned long long)o->seed);
    fputc('\n', out);
    if (hs_classification_count(c) == 0) fputs("\nno mechanism is active\n", out);
    for (size_t k = 0; k < hs_classification_count(c); k++) {
        const hs_mechanism_class *m = hs_classification_get(c, k);
        const char *type = hs_mechanism_type_name(m->type);
        fprintf(out, "\n%s%s%s\n  type               %s", m->id, m->label ? "  " : "", m->label ? m->label : "",
                type ? type : "none (outside the typology)");
        if (!isnan(m->agreement)) fprintf(out, "  (agreement %.3f)", m->agreement);
        fputs("\n  members           ", out);
        for (size_t i = 0; i < m->member_count; i++)
            fprintf(out, " %s (%s)", m->member_ids[i], hs_role_name(m->member_roles[i]));
        print_change(out, "\n  unidirectionality  ", m->unidirectionality_without, m->unidirectionality_with);
        fputs("  change ", out);
        print_signed(out, m->delta_unidirectionality);
        print_change(out, "\n  closedness         ", m->closedness_without, m->closedness_with);
        fputs("  change ", out);
        print_signed(out, m->delta_closedness);
        print_change(out, "\n  in the system      U ", m->system_unidirectionality_without,
                     m->system_unidirectionality_with);
        print_change(out, ", C ", m->system_closedness_without, m->system_closedness_with);
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
            if (args->format == HS_OUT_CSV)
                print_csv(stdout, args, c);
            else
                print_text(stdout, args, &o, c);
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
    {.type = HS_OPT_ID,
     .name = "mechanism",
     .value_name = "ID",
     .help = "classify only this mechanism (it must be active)",
     .offset = offsetof(hs_cli_args, mechanism)},
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_REAL,
     .name = "threshold-u",
     .value_name = "X",
     .help = "fall of U that weakens unidirectionality (default 0.1)",
     .offset = offsetof(hs_cli_args, threshold_u),
     .min_real = 1e-9,
     .max_real = 1.0},
    {.type = HS_OPT_REAL,
     .name = "threshold-c",
     .value_name = "X",
     .help = "fall of C that weakens closedness (default 0.1)",
     .offset = offsetof(hs_cli_args, threshold_c),
     .min_real = 1e-9,
     .max_real = 1.0},
    {.type = HS_OPT_COUNT,
     .name = "sensitivity",
     .value_name = "N",
     .help = "redraw the codebook's depths N times and report, per mechanism, the share of draws giving the same type "
             "(agreement); default 0 (no redraws)",
     .offset = offsetof(hs_cli_args, sensitivity),
     .max = 10000000ULL},
    {.type = HS_OPT_REAL,
     .name = "spread",
     .value_name = "X",
     .help = "each redrawn depth is the codebook's times a factor drawn log-uniformly in [1/(1+X), 1+X], capped at 1 "
             "(default 0.25)",
     .offset = offsetof(hs_cli_args, spread),
     .min_real = 0.0,
     .max_real = 10.0},
    {.type = HS_OPT_COUNT,
     .name = "seed",
     .value_name = "S",
     .help = "seed of the redraws (default 1); the same seed gives the same agreement on every machine",
     .offset = offsetof(hs_cli_args, seed),
     .max = 9007199254740991ULL},
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_classify = {
    "classify",
    "place each minilateral mechanism in the paper's typology",
    "FILE [OPTIONS]",
    "    For each mechanism active in year Y (every mechanism of FILE when --year is\n"
    "    absent), or the one --mechanism names: its members with their roles, how much\n"
    "    it weakens unidirectionality (U) and closedness (C) of the system around its\n"
    "    members and the hub -- the change of each index (with - without; a fall is\n"
    "    negative) when the mechanism's own ties\n"
    "    are added to the hub-and-spokes lines there (the hub's treaties with its\n"
    "    allied members) -- its type in the 2x2 of Li (2024), section 3.2, and an\n"
    "    explanation naming the members and ties responsible:\n"
    "\n"
    "                               closedness kept    closedness weakened\n"
    "      unidirectionality kept   hub-and-spokes     expansive\n"
    "      unidirectionality weak   integrative        loose-multilateral\n"
    "\n"
    "    A property is weakened when its index falls by at least the threshold.\n"
    "    A mechanism with no member in the system (hub or ally), or in a year without\n"
    "    a hub, has no type (null). Definitions: docs/typology.md.\n",
    options,
    "OUTPUT\n"
    "    json: {\"year\", \"hub\", \"thresholds\", \"sensitivity\", \"mechanisms\": [{\"id\",\n"
    "    \"label\", \"members\": [{\"id\", \"role\"}], \"type\", \"delta_unidirectionality\",\n"
    "    \"delta_closedness\", \"unidirectionality_without\", \"unidirectionality_with\",\n"
    "    \"closedness_without\", \"closedness_with\", \"system_unidirectionality_without\",\n"
    "    \"system_unidirectionality_with\", \"system_closedness_without\",\n"
    "    \"system_closedness_with\", \"explanation\", \"agreement\"}]};\n"
    "    csv: one row per mechanism with the same names as columns (members as\n"
    "    ID:role separated by ';').\n"
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
