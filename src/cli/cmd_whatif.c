/* hubspoke whatif: the indices before and after edits of the system. */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"
#include "cli/period.h"
#include "hubspoke/classify.h"

/* The option that spells each edit type. */
static const char *edit_option(hs_view_edit_type type) {
    static const char *const options[] = {"--drop-tie", "--drop-state", "--drop-mechanism", "--add-tie", "--add-member"};
    return options[type];
}

typedef hs_cli_edit raw_edit;

typedef struct options {
    const hs_cli_args *args;
    hs_cli_measures ms;
    const char *file;
    const raw_edit *raw;
    size_t nraw;
} options;

static int parse_args(const hs_cli_args *args, options *o) {
    memset(o, 0, sizeof *o);
    o->args = args;
    o->file = args->operands[0];
    o->raw = args->edits.items;
    o->nraw = args->edits.count;
    if (!o->nraw)
        return hs_cli_usage_error("whatif", "no edit: give --drop-tie, --drop-state, --drop-mechanism, --add-tie or "
                                            "--add-member");
    return hs_cli_measures_from_args("whatif", args, &o->ms);
}

/* Split text at the separator `sep` into two ids the model knows; ids may
 * themselves hold the separator, so every split is tried. Falls back to the
 * first separator, so that the view names the unknown id. */
static int split_ids(const hs_model *m, const char *text, char sep, char **a, char **b) {
    const char *first = strchr(text, sep), *at = NULL;
    if (!first || first == text || !first[1]) return 0;
    for (const char *p = first; p && !at; p = strchr(p + 1, sep)) {
        char *left = strndup(text, (size_t)(p - text));
        if (left && hs_model_find(m, left) >= 0 && hs_model_find(m, p + 1) >= 0) at = p;
        free(left);
    }
    if (!at) at = first;
    *a = strndup(text, (size_t)(at - text));
    *b = strdup(at + 1);
    return *a && *b;
}

/* The raw edits as view edits; the strings are kept in `keep` (2 per edit). */
static int resolve_edits(const options *o, const hs_model *m, hs_view_edit *edits, char **keep) {
    for (size_t i = 0; i < o->nraw; i++) {
        const raw_edit *r = &o->raw[i];
        const char *opt = edit_option((hs_view_edit_type)r->type);
        hs_view_edit *e = &edits[i];
        e->type = (hs_view_edit_type)r->type;
        e->kind = HS_KIND_UNSET;
        char **a = &keep[2 * i], **b = &keep[2 * i + 1];
        switch ((hs_view_edit_type)r->type) {
        case HS_EDIT_DROP_STATE:
        case HS_EDIT_DROP_MECHANISM:
            e->a = r->text;
            break;
        case HS_EDIT_DROP_TIE:
            if (!split_ids(m, r->text, '-', a, b))
                return hs_cli_usage_error("whatif", "%s '%s': expected two ids joined by '-' (A-B)", opt, r->text);
            break;
        case HS_EDIT_ADD_TIE: {
            const char *colon = strrchr(r->text, ':');
            if (!colon) return hs_cli_usage_error("whatif", "%s '%s': expected A-B:KIND", opt, r->text);
            e->kind = hs_kind_parse(colon + 1);
            if (e->kind < 0 || e->kind >= HS_KIND_MEMBER)
                return hs_cli_usage_error("whatif",
                                          "%s '%s': '%s' is not a kind of tie (treaty, access, intelligence, "
                                          "technology, exercise, partnership, dialogue)",
                                          opt, r->text, colon + 1);
            char *pair = strndup(r->text, (size_t)(colon - r->text));
            int ok = pair && split_ids(m, pair, '-', a, b);
            free(pair);
            if (!ok) return hs_cli_usage_error("whatif", "%s '%s': expected A-B:KIND", opt, r->text);
            break;
        }
        case HS_EDIT_ADD_MEMBER:
            if (!split_ids(m, r->text, ':', a, b))
                return hs_cli_usage_error("whatif", "%s '%s': expected STATE:MECHANISM", opt, r->text);
            break;
        }
        if (*a) e->a = *a;
        if (*b) e->b = *b;
    }
    return -1;
}

/* ---- the typology before and after ------------------------------------------------- */

typedef struct mech_types {
    size_t n;
    const char **id; /* owned by the classifications */
    const char **before, **after; /* type names, "unclassified", or NULL: not active */
} mech_types;

static const char *type_name(const hs_mechanism_class *c) {
    const char *name = hs_mechanism_type_name(c->type);
    return name ? name : "unclassified";
}

static long find_id(const mech_types *t, const char *id) {
    for (size_t i = 0; i < t->n; i++) {
        if (strcmp(t->id[i], id) == 0) return (long)i;
    }
    return -1;
}

/* Every mechanism active before or after, before's first, in file order. */
static hs_error pair_types(const hs_classification *before, const hs_classification *after, mech_types *t) {
    size_t cap = hs_classification_count(before) + hs_classification_count(after) + 1;
    t->id = calloc(cap, sizeof *t->id);
    t->before = calloc(cap, sizeof *t->before);
    t->after = calloc(cap, sizeof *t->after);
    if (!t->id || !t->before || !t->after) return hs_error_set(HS_ENOMEM, "out of memory");
    for (size_t k = 0; k < hs_classification_count(before); k++) {
        const hs_mechanism_class *c = hs_classification_get(before, k);
        t->id[t->n] = c->id;
        t->before[t->n++] = type_name(c);
    }
    for (size_t k = 0; k < hs_classification_count(after); k++) {
        const hs_mechanism_class *c = hs_classification_get(after, k);
        long i = find_id(t, c->id);
        if (i < 0) {
            i = (long)t->n++;
            t->id[i] = c->id;
        }
        t->after[i] = type_name(c);
    }
    return HS_OK;
}

static int type_changed(const mech_types *t, size_t i) {
    return !t->before[i] || !t->after[i] || strcmp(t->before[i], t->after[i]) != 0;
}

static void mech_types_free(mech_types *t) {
    free(t->id);
    free(t->before);
    free(t->after);
}

/* ---- output ---------------------------------------------------------------------- */

static const char *const index_names[3] = {"coordination", "unidirectionality", "closedness"};

/* Column j of a row: the three indices, then the measures. */
static int ncolumns(const options *o) { return 3 + o->ms.count; }
static const char *column_name(const options *o, int j) {
    return j < 3 ? index_names[j] : hs_cli_measure_name(o->ms.list[j - 3]);
}
static int column_measure(const options *o, int j) { return j < 3 ? -1 : o->ms.list[j - 3]; }
static double column_value(const options *o, const hs_cli_row *r, int j) {
    return j < 3 ? r->index[j] : r->value[o->ms.list[j - 3]];
}

static json_t *value_json(int m, double x) { return m < 0 ? hs_json_number(x) : hs_cli_measure_json(m, x); }

static json_t *row_json(const options *o, const hs_cli_row *r) {
    json_t *obj = json_object();
    json_object_set_new(obj, "hub", hs_json_string_or_null(r->hub));
    for (int j = 0; j < ncolumns(o); j++)
        json_object_set_new(obj, column_name(o, j), value_json(column_measure(o, j), column_value(o, r, j)));
    return obj;
}

/* after - before; NaN when either is undefined or the measure is a flag. */
static double difference(const options *o, const hs_cli_row *before, const hs_cli_row *after, int j) {
    int m = column_measure(o, j);
    if (m >= 0 && hs_cli_measure_kind(m) == 2) return NAN;
    return column_value(o, after, j) - column_value(o, before, j);
}

static hs_error print_json(const options *o, const hs_cli_row *before, const hs_cli_row *after, const mech_types *t) {
    json_t *root = json_object();
    json_object_set_new(root, "year", hs_cli_given(o->args, "year") ? json_integer(o->args->year) : json_null());
    json_t *edits = json_array();
    for (size_t i = 0; i < o->nraw; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "edit", json_string(edit_option((hs_view_edit_type)o->raw[i].type) + 2));
        json_object_set_new(e, "value", json_string(o->raw[i].text));
        json_array_append_new(edits, e);
    }
    json_object_set_new(root, "edits", edits);
    json_object_set_new(root, "before", row_json(o, before));
    json_object_set_new(root, "after", row_json(o, after));
    json_t *diff = json_object();
    for (int j = 0; j < ncolumns(o); j++)
        json_object_set_new(diff, column_name(o, j), value_json(column_measure(o, j), difference(o, before, after, j)));
    json_object_set_new(root, "difference", diff);
    json_t *mechs = json_array();
    for (size_t i = 0; i < t->n; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "id", json_string(t->id[i]));
        json_object_set_new(m, "before", hs_json_string_or_null(t->before[i]));
        json_object_set_new(m, "after", hs_json_string_or_null(t->after[i]));
        json_object_set_new(m, "changed", json_boolean(type_changed(t, i)));
        json_array_append_new(mechs, m);
    }
    json_object_set_new(root, "mechanisms", mechs);
    hs_error err = hs_cli_print_json(root);
    json_decref(root);
    return err;
}

static void print_csv(FILE *out, const options *o, const hs_cli_row *before, const hs_cli_row *after,
                      const mech_types *t) {
    fputs("measure,before,after,difference\r\n", out);
    fputs("hub,", out);
    hs_cli_csv_field(out, before->hub ? before->hub : "");
    fputc(',', out);
    hs_cli_csv_field(out, after->hub ? after->hub : "");
    fputs(",\r\n", out);
    for (int j = 0; j < ncolumns(o); j++) {
        int m = column_measure(o, j);
        double x[3] = {column_value(o, before, j), column_value(o, after, j), difference(o, before, after, j)};
        fputs(column_name(o, j), out);
        for (int k = 0; k < 3; k++) {
            fputc(',', out);
            if (m >= 0) hs_cli_measure_csv(out, m, x[k]);
            else hs_cli_csv_number(out, x[k]);
        }
        fputs("\r\n", out);
    }
    for (size_t i = 0; i < t->n; i++) {
        fputs("type:", out);
        hs_cli_csv_field(out, t->id[i]);
        fprintf(out, ",%s,%s,%s\r\n", t->before[i] ? t->before[i] : "", t->after[i] ? t->after[i] : "",
                type_changed(t, i) ? "changed" : "");
    }
}

static void print_text(FILE *out, const options *o, const hs_cli_row *before, const hs_cli_row *after,
                       const mech_types *t) {
    fprintf(out, "%s", o->file);
    if (hs_cli_given(o->args, "year")) fprintf(out, ", year %d", o->args->year);
    else fputs(", all elements (no --year)", out);
    fputs("\nedits:", out);
    for (size_t i = 0; i < o->nraw; i++) fprintf(out, " %s %s", edit_option((hs_view_edit_type)o->raw[i].type), o->raw[i].text);
    fprintf(out, "\n\n  %-30s %10s %10s %11s\n", "measure", "before", "after", "difference");
    fprintf(out, "  %-30s %10s %10s\n", "hub", before->hub ? before->hub : "none", after->hub ? after->hub : "none");
    for (int j = 0; j < ncolumns(o); j++) {
        int m = column_measure(o, j);
        double d = difference(o, before, after, j);
        fprintf(out, "  %-30s ", column_name(o, j));
        hs_cli_measure_text(out, m < 0 ? HS_M_EI_INDEX : m, column_value(o, before, j), 10);
        fputc(' ', out);
        hs_cli_measure_text(out, m < 0 ? HS_M_EI_INDEX : m, column_value(o, after, j), 10);
        if (!isfinite(d)) fprintf(out, " %11s", "n/a");
        else if (m >= 0 && hs_cli_measure_kind(m) == 1) fprintf(out, " %+11lld", (long long)d);
        else fprintf(out, " %+11.4f", d);
        fputc('\n', out);
    }
    fprintf(out, "\n  %-30s %-19s %s\n", "mechanism (docs/typology.md)", "before", "after");
    for (size_t i = 0; i < t->n; i++)
        fprintf(out, "  %-30s %-19s %s%s\n", t->id[i], t->before[i] ? t->before[i] : "(not active)",
                t->after[i] ? t->after[i] : "(not active)", type_changed(t, i) ? "  (changed)" : "");
}

/* ---- the command ----------------------------------------------------------------- */

static int run(const hs_cli_args *args) {
    options o;
    int rc = parse_args(args, &o);
    if (rc >= 0) return rc;
    hs_model *m = NULL;
    hs_codebook *cb = NULL;
    hs_view *v = NULL;
    hs_cli_row before = {0}, after = {0};
    hs_classification *class_before = NULL, *class_after = NULL;
    mech_types types = {0};
    hs_view_edit *edits = calloc(o.nraw, sizeof *edits);
    char **keep = calloc(2 * o.nraw, sizeof *keep);
    hs_error err = edits && keep ? HS_OK : hs_error_set(HS_ENOMEM, "out of memory");
    if (!err) err = hs_cli_read_checked(o.file, HS_FORMAT_UNKNOWN, args->quiet, args->strict, &m);
    if (!err) err = args->codebook ? hs_codebook_read_file(args->codebook, &cb) : hs_codebook_new(&cb);
    rc = -1;
    if (!err) rc = resolve_edits(&o, m, edits, keep);
    if (!err && rc < 0) {
        hs_view_options vo;
        hs_cli_view_options(args, cb, &vo);
        hs_classify_options co;
        hs_classify_options_init(&co);
        if (!(err = hs_view_new(m, &vo, &v))) err = hs_cli_row_compute(v, &o.ms, &before);
        hs_view_destroy(v);
        v = NULL;
        if (!err) err = hs_classification_new(m, &vo, &co, &class_before);
        vo.edits = edits;
        vo.edit_count = o.nraw;
        if (!err && !(err = hs_view_new(m, &vo, &v))) err = hs_cli_row_compute(v, &o.ms, &after);
        hs_view_destroy(v);
        if (!err) err = hs_classification_new(m, &vo, &co, &class_after);
        if (!err) err = pair_types(class_before, class_after, &types);
    }
    if (!err && rc < 0) {
        if (args->format == HS_OUT_JSON) {
            err = print_json(&o, &before, &after, &types);
        } else {
            if (args->format == HS_OUT_CSV) print_csv(stdout, &o, &before, &after, &types);
            else print_text(stdout, &o, &before, &after, &types);
            if (fflush(stdout) != 0 || ferror(stdout))
                err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    mech_types_free(&types);
    hs_classification_destroy(class_before);
    hs_classification_destroy(class_after);
    hs_cli_row_destroy(&before);
    hs_cli_row_destroy(&after);
    for (size_t i = 0; keep && i < 2 * o.nraw; i++) free(keep[i]);
    free(keep);
    free(edits);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    if (rc >= 0) return rc;
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}


static const hs_opt options_table[] = {
    {.type = HS_OPT_EDIT, .name = "drop-tie", .value_name = "A-B", .help = "drop every tie between states A and B active in Y, of any kind; B may be a mechanism: A leaves it", .offset = offsetof(hs_cli_args, edits), .tag = HS_EDIT_DROP_TIE},
    {.type = HS_OPT_EDIT, .name = "drop-state", .value_name = "ID", .help = "drop a state with all its ties and memberships", .offset = offsetof(hs_cli_args, edits), .tag = HS_EDIT_DROP_STATE},
    {.type = HS_OPT_EDIT, .name = "drop-mechanism", .value_name = "ID", .help = "drop a mechanism (its co-membership ties)", .offset = offsetof(hs_cli_args, edits), .tag = HS_EDIT_DROP_MECHANISM},
    {.type = HS_OPT_EDIT, .name = "add-tie", .value_name = "A-B:KIND", .help = "add a tie of KIND (treaty, access, intelligence, technology, exercise, partnership, dialogue) at the "
     "codebook's depth", .offset = offsetof(hs_cli_args, edits), .tag = HS_EDIT_ADD_TIE},
    {.type = HS_OPT_EDIT, .name = "add-member", .value_name = "ID:MECH", .help = "make state ID a member of mechanism MECH", .offset = offsetof(hs_cli_args, edits), .tag = HS_EDIT_ADD_MEMBER},
    HS_OPT_INCLUDE(hs_opts_year),
    HS_OPT_INCLUDE(hs_opts_view),
    HS_OPT_INCLUDE(hs_opts_measures),
    HS_OPT_INCLUDE(hs_opts_permutations),
    HS_OPT_INCLUDE(hs_opts_format),
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_whatif = {
    "whatif",
    "the indices before and after dropping or adding ties, states, members",
    "FILE EDIT... [OPTIONS]",
    "    Measures the system active in year Y (every element of FILE without --year)\n"
    "    as it is and as it would be after the edits, applied in order to the view of\n"
    "    that year (the file is not changed), and prints both rows and their\n"
    "    differences (after - before), and the type of each mechanism in the paper's\n"
    "    typology before and after (docs/typology.md). The measures are those of\n"
    "    `compare` (docs/compare.md), defined in docs/metrics.md. The EDITS are the\n"
    "    options --drop-tie, --drop-state, --drop-mechanism, --add-tie and\n"
    "    --add-member: at least one, each repeatable. An id that names nothing\n"
    "    active in Y is a usage error naming the edit.\n",
    options_table,
    "OUTPUT\n"
    "    json: {\"year\", \"edits\", \"before\", \"after\", \"difference\", \"mechanisms\"};\n"
    "    before and after hold `hub`, `coordination`, `unidirectionality`, `closedness`\n"
    "    and the measures; mechanisms: {\"id\", \"before\", \"after\", \"changed\"}, the types.\n"
    "    csv: columns measure,before,after,difference, one row per measure, then one\n"
    "    row type:ID per mechanism (difference: changed or empty).\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, 2 usage error (including an edit naming nothing).\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2020 --drop-tie JPN-KOR\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --drop-tie USA-Quad\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --add-member VNM:Quad\n",
    operands,
    1,
    1,
    run};
