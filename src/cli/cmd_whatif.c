/* hubspoke whatif: the indices before and after edits of the system. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/period.h"

static const char help[] =
    "NAME\n"
    "    hubspoke whatif - the indices before and after an imagined change\n"
    "\n"
    "SYNOPSIS\n"
    "    hubspoke whatif FILE --year Y EDIT... [--measures LIST] [--hub ID]\n"
    "                    [--codebook FILE] [--format text|csv|json]\n"
    "\n"
    "DESCRIPTION\n"
    "    Measures the system active in year Y as it is and as it would be after the\n"
    "    edits, applied in order to the view of that year (the file is not changed),\n"
    "    and prints both rows and their differences (after - before). The measures\n"
    "    are those of `compare` (docs/compare.md), defined in docs/metrics.md.\n"
    "\n"
    "EDITS (at least one; each may be repeated)\n"
    "    --drop-tie A-B        drop every tie between states A and B active in Y, of any\n"
    "                          kind; B may be a mechanism: A leaves it\n"
    "    --drop-state ID       drop a state with all its ties and memberships\n"
    "    --drop-mechanism ID   drop a mechanism (its co-membership ties)\n"
    "    --add-tie A-B:KIND    add a tie of KIND (treaty, access, intelligence,\n"
    "                          technology, exercise, partnership, dialogue) at the\n"
    "                          codebook's depth\n"
    "    --add-member ID:MECH  make state ID a member of mechanism MECH\n"
    "    An id that names nothing active in Y is a usage error naming the edit.\n"
    "\n"
    "OPTIONS\n"
    "    --year Y            the year looked at (default: every element of FILE)\n"
    "    --measures LIST     as for compare (default: `default`)\n"
    "    --permutations N    permutations of the E-I test (default 1000 when\n"
    "                        ei_expected or ei_p_closed is chosen, else 0)\n"
    "    --seed S            seed of the permutation test (default 1)\n"
    "    --hub ID            take state ID as the hub\n"
    "    --codebook FILE     depths of the kinds of tie (JSON, docs/codebook.md)\n"
    "    --format FORMAT     text (default), csv or json\n"
    "    --help              show this help\n"
    "\n"
    "OUTPUT\n"
    "    json: {\"year\", \"edits\", \"before\", \"after\", \"difference\"}; before and after\n"
    "    hold `hub`, `coordination`, `unidirectionality`, `closedness` and the measures.\n"
    "    csv: columns measure,before,after,difference, one row per measure.\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, 2 usage error (including an edit naming nothing).\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2020 --drop-tie JPN-KOR\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --drop-tie USA-Quad\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --add-member VNM:Quad\n";

typedef struct raw_edit {
    hs_view_edit_type type;
    const char *text;
} raw_edit;

typedef struct options {
    const char *file, *hub, *codebook;
    int has_year, year, format;
    hs_cli_measures ms;
    int permutations_given;
    raw_edit *raw;
    size_t nraw;
} options;

static int parse_long(const char *text, long lo, long hi, long *out) {
    char *end;
    errno = 0;
    long x = strtol(text, &end, 10);
    if (end == text || *end || errno || x < lo || x > hi) return 0;
    *out = x;
    return 1;
}

static int parse_args(int argc, char **argv, options *o) {
    static const struct option longopts[] = {
        {"drop-tie", required_argument, NULL, 0 + 'a'},       {"drop-state", required_argument, NULL, 1 + 'a'},
        {"drop-mechanism", required_argument, NULL, 2 + 'a'}, {"add-tie", required_argument, NULL, 3 + 'a'},
        {"add-member", required_argument, NULL, 4 + 'a'},     {"year", required_argument, NULL, 'y'},
        {"measures", required_argument, NULL, 'm'},           {"permutations", required_argument, NULL, 'P'},
        {"seed", required_argument, NULL, 'S'},               {"hub", required_argument, NULL, 'H'},
        {"codebook", required_argument, NULL, 'c'},           {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},                     {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    hs_cli_measures_default(&o->ms);
    o->ms.seed = 1;
    if (!(o->raw = malloc((size_t)argc * sizeof *o->raw))) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    opterr = 0;
    optind = 1;
    int c;
    long x;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        if (c >= 'a' && c <= 'a' + 4) {
            if (!optarg[0])
                return hs_cli_usage_error("whatif", "%s needs a value", hs_view_edit_option((hs_view_edit_type)(c - 'a')));
            o->raw[o->nraw++] = (raw_edit){(hs_view_edit_type)(c - 'a'), optarg};
            continue;
        }
        switch (c) {
        case 'y':
            if (!parse_long(optarg, HS_YEAR_FIRST, HS_YEAR_LAST, &x))
                return hs_cli_usage_error("whatif", "--year '%s' is not a year in [%d, %d]", optarg, HS_YEAR_FIRST,
                                          HS_YEAR_LAST);
            o->has_year = 1;
            o->year = (int)x;
            break;
        case 'm': {
            char bad[128];
            if (!hs_cli_measures_parse(optarg, &o->ms, bad, sizeof bad))
                return hs_cli_usage_error("whatif", "--measures: '%s' is not a measure (docs/compare.md lists them)",
                                          bad);
            break;
        }
        case 'P':
            if (!parse_long(optarg, 0, 100000000L, &x))
                return hs_cli_usage_error("whatif", "--permutations '%s' is not valid", optarg);
            o->ms.permutations = x;
            o->permutations_given = 1;
            break;
        case 'S':
            if (!parse_long(optarg, 0, 2147483647L, &x)) return hs_cli_usage_error("whatif", "--seed '%s' is not valid", optarg);
            o->ms.seed = (uint64_t)x;
            break;
        case 'H':
            if (!optarg[0]) return hs_cli_usage_error("whatif", "--hub needs a state id");
            o->hub = optarg;
            break;
        case 'c': o->codebook = optarg; break;
        case 'f':
            if (strcmp(optarg, "text") == 0) o->format = HS_OUT_TEXT;
            else if (strcmp(optarg, "csv") == 0) o->format = HS_OUT_CSV;
            else if (strcmp(optarg, "json") == 0) o->format = HS_OUT_JSON;
            else return hs_cli_usage_error("whatif", "--format '%s' is not one of text, csv, json", optarg);
            break;
        case 'h': return hs_cli_help(&hs_cmd_whatif);
        case ':': return hs_cli_usage_error("whatif", "option '%s' needs a value", argv[optind - 1]);
        default: return hs_cli_usage_error("whatif", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc) return hs_cli_usage_error("whatif", "missing FILE");
    if (optind + 1 < argc) return hs_cli_usage_error("whatif", "unexpected argument '%s'", argv[optind + 1]);
    if (!o->nraw)
        return hs_cli_usage_error("whatif", "no edit: give --drop-tie, --drop-state, --drop-mechanism, --add-tie or "
                                            "--add-member");
    o->file = argv[optind];
    if (!o->permutations_given) o->ms.permutations = hs_cli_measures_need_test(&o->ms) ? 1000 : 0;
    return -1;
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
        const char *opt = hs_view_edit_option(r->type);
        hs_view_edit *e = &edits[i];
        e->type = r->type;
        e->kind = HS_KIND_UNSET;
        char **a = &keep[2 * i], **b = &keep[2 * i + 1];
        switch (r->type) {
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

static hs_error print_json(const options *o, const hs_cli_row *before, const hs_cli_row *after) {
    json_t *root = json_object();
    json_object_set_new(root, "year", o->has_year ? json_integer(o->year) : json_null());
    json_t *edits = json_array();
    for (size_t i = 0; i < o->nraw; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "edit", json_string(hs_view_edit_option(o->raw[i].type) + 2));
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
    hs_error err = hs_cli_print_json(root);
    json_decref(root);
    return err;
}

static void print_csv(FILE *out, const options *o, const hs_cli_row *before, const hs_cli_row *after) {
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
}

static void print_text(FILE *out, const options *o, const hs_cli_row *before, const hs_cli_row *after) {
    fprintf(out, "%s", o->file);
    if (o->has_year) fprintf(out, ", year %d", o->year);
    else fputs(", all elements (no --year)", out);
    fputs("\nedits:", out);
    for (size_t i = 0; i < o->nraw; i++) fprintf(out, " %s %s", hs_view_edit_option(o->raw[i].type), o->raw[i].text);
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
}

/* ---- the command ----------------------------------------------------------------- */

static int run(int argc, char **argv) {
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0) {
        free(o.raw);
        return rc;
    }
    hs_cli_locate_helper();
    hs_model *m = NULL;
    hs_codebook *cb = NULL;
    hs_view *v = NULL;
    hs_cli_row before = {0}, after = {0};
    hs_view_edit *edits = calloc(o.nraw, sizeof *edits);
    char **keep = calloc(2 * o.nraw, sizeof *keep);
    hs_error err = edits && keep ? HS_OK : hs_error_set(HS_ENOMEM, "out of memory");
    if (!err) err = hs_model_read_file(&m, o.file, HS_FORMAT_UNKNOWN, NULL);
    if (!err) err = o.codebook ? hs_codebook_read_file(&cb, o.codebook) : hs_codebook_new(&cb);
    rc = -1;
    if (!err) rc = resolve_edits(&o, m, edits, keep);
    if (!err && rc < 0) {
        hs_view_options vo = hs_view_options_default();
        vo.has_year = o.has_year;
        vo.year = o.year;
        vo.hub = o.hub;
        vo.codebook = cb;
        if (!(err = hs_view_new(&v, m, &vo))) err = hs_cli_row_compute(v, &o.ms, &before);
        hs_view_destroy(v);
        v = NULL;
        vo.edits = edits;
        vo.edit_count = o.nraw;
        if (!err && !(err = hs_view_new(&v, m, &vo))) err = hs_cli_row_compute(v, &o.ms, &after);
        hs_view_destroy(v);
    }
    if (!err && rc < 0) {
        if (o.format == HS_OUT_JSON) {
            err = print_json(&o, &before, &after);
        } else {
            if (o.format == HS_OUT_CSV) print_csv(stdout, &o, &before, &after);
            else print_text(stdout, &o, &before, &after);
            if (fflush(stdout) != 0 || ferror(stdout))
                err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    hs_cli_row_destroy(&before);
    hs_cli_row_destroy(&after);
    for (size_t i = 0; keep && i < 2 * o.nraw; i++) free(keep[i]);
    free(keep);
    free(edits);
    free(o.raw);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    if (rc >= 0) return rc;
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

const hs_command hs_cmd_whatif = {"whatif", "the indices before and after dropping or adding ties, states, members",
                                  run, help};
