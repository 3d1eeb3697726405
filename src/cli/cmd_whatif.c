/* hubspoke whatif: the indices before and after imagined changes of the
 * system, for one scenario given on the command line or a file of them, in
 * one year or a panel of years. The measures and their changes come from the
 * library (hs_whatif_table), the types from hs_classification_new; this file
 * reads the scenarios and writes the rows. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"

enum { TABLE_LONG = 0, TABLE_WIDE = 1 };

/* The options that spell edits, on the command line and in a scenario file. */
static const hs_opt edit_options[] = {
    {.type = HS_OPT_EDIT,
     .name = "drop-tie",
     .value_name = "A-B",
     .help = "drop every tie between states A and B active in the year, of any kind; B may be a mechanism: A "
             "leaves it",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_DROP_TIE},
    {.type = HS_OPT_EDIT,
     .name = "drop-state",
     .value_name = "ID",
     .help = "drop a state with all its ties and memberships",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_DROP_STATE},
    {.type = HS_OPT_EDIT,
     .name = "drop-mechanism",
     .value_name = "ID",
     .help = "drop a mechanism (its co-membership ties)",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_DROP_MECHANISM},
    {.type = HS_OPT_EDIT,
     .name = "add-tie",
     .value_name = "A-B:KIND",
     .help = "add a tie of KIND (treaty, access, intelligence, technology, exercise, partnership, dialogue) at the "
             "codebook's depth",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_ADD_TIE},
    {.type = HS_OPT_EDIT,
     .name = "add-member",
     .value_name = "ID:MECH",
     .help = "make state ID a member of mechanism MECH; a mechanism not active in the year is brought forward into "
             "it, with no members but those the edits add",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_ADD_MEMBER},
    {.type = HS_OPT_EDIT,
     .name = "add-mechanism",
     .value_name = "ID:KIND[:SCOPE]",
     .help = "add a new mechanism ID of KIND (and scope issue or broad; default issue), with no members until "
             "--add-member gives it some",
     .offset = offsetof(hs_cli_args, edits),
     .tag = HS_EDIT_ADD_MECHANISM},
    HS_OPT_LAST};

static const char *edit_option(int type) {
    for (const hs_opt *o = edit_options; o->type != HS_OPT_END; o++) {
        if (o->tag == type) return o->name;
    }
    return "edit";
}

/* ---- scenarios ------------------------------------------------------------------- */

typedef struct scenario {
    char *name;             /* owned */
    const hs_cli_edit *raw; /* the edits as written */
    size_t nraw;
    int line;            /* its line in the scenarios file; 0: the command line */
    hs_view_edit *edits; /* resolved against the model */
    char **keep;         /* the strings the resolved edits point to (2 per edit) */
    hs_model *model;     /* the model with the mechanisms it adds, or NULL */
} scenario;

typedef struct scenarios {
    scenario *items;
    size_t count;
    const char *file; /* --scenarios, or NULL */
    /* what a file's scenarios point into: its words and parsed edits */
    char **words;
    size_t nwords;
    hs_cli_args *parsed;
    size_t nparsed;
} scenarios;

static void scenarios_free(scenarios *s) {
    for (size_t i = 0; i < s->count; i++) {
        free(s->items[i].name);
        free(s->items[i].edits);
        for (size_t k = 0; s->items[i].keep && k < 2 * s->items[i].nraw; k++) free(s->items[i].keep[k]);
        free(s->items[i].keep);
        hs_model_destroy(s->items[i].model);
    }
    free(s->items);
    for (size_t i = 0; i < s->nwords; i++) free(s->words[i]);
    free(s->words);
    for (size_t i = 0; i < s->nparsed; i++) hs_cli_args_free(&s->parsed[i]);
    free(s->parsed);
}

/* A scenario's name unless given: its edits as written on a command line. */
static char *edits_text(const hs_cli_edit *raw, size_t n) {
    char *text = NULL;
    size_t len = 0;
    FILE *b = open_memstream(&text, &len);
    if (!b) return NULL;
    for (size_t i = 0; i < n; i++) fprintf(b, "%s--%s %s", i ? " " : "", edit_option(raw[i].type), raw[i].text);
    return fclose(b) == 0 ? text : NULL;
}

static int add_scenario(scenarios *s, const char *name, const hs_cli_edit *raw, size_t n, int line) {
    scenario *p = realloc(s->items, (s->count + 1) * sizeof *p);
    if (!p) return 0;
    s->items = p;
    scenario *sc = &s->items[s->count];
    memset(sc, 0, sizeof *sc);
    sc->raw = raw;
    sc->nraw = n;
    sc->line = line;
    sc->name = name ? strdup(name) : edits_text(raw, n);
    if (!sc->name) return 0;
    s->count++;
    return 1;
}

/* The words of a line: blanks separate them, double quotes group, and inside
 * quotes a backslash escapes the next character. Returns the count, or -1
 * (with the reason) for an unclosed quote or no memory; on -1 nothing is left
 * allocated and *words is NULL. */
static long split_words(const char *line, char ***words, const char **why) {
    size_t cap = 8, n = 0;
    char **w = malloc(cap * sizeof *w);
    const char *p = line;
    *why = "out of memory";
    while (w) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) {
            *words = w;
            return (long)n;
        }
        if (n == cap) {
            char **grown = realloc(w, (cap *= 2) * sizeof *w);
            if (!grown) break;
            w = grown;
        }
        char *word = malloc(strlen(p) + 1), *q = word;
        if (!word) break;
        w[n++] = word;
        int quoted = 0;
        for (; *p && (quoted || !isspace((unsigned char)*p)); p++) {
            if (*p == '"')
                quoted = !quoted;
            else if (quoted && *p == '\\' && p[1])
                *q++ = *++p;
            else
                *q++ = *p;
        }
        *q = '\0';
        if (quoted) {
            *why = "a quote is not closed";
            break;
        }
    }
    for (size_t i = 0; w && i < n; i++) free(w[i]);
    free(w);
    *words = NULL;
    return -1;
}

/* --scenarios FILE: one scenario a line, [NAME] EDIT..., edits written as on
 * the command line; blank lines and lines starting with # are skipped.
 * Returns -1, or the exit status of an error, reported. */
static int read_scenarios(const char *path, scenarios *s) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) return hs_cli_fail(hs_error_set(HS_EIO, "%s: cannot open: %s", path, strerror(errno)));
    char *line = NULL;
    size_t cap = 0;
    int number = 0, rc = -1;
    while (rc < 0 && getline(&line, &cap, f) >= 0) {
        number++;
        char **words = NULL;
        const char *why = NULL;
        long n = split_words(line, &words, &why);
        long moved = 0; /* words[0..moved) now belong to s->words */
        for (; moved < n; moved++) {
            char **p = realloc(s->words, (s->nwords + 1) * sizeof *p);
            if (!p) break;
            s->words = p;
            s->words[s->nwords++] = words[moved];
        }
        if (n >= 0 && moved < n) {
            for (long i = moved; i < n; i++) free(words[i]);
            n = -1, why = "out of memory";
        }
        if (n < 0) {
            free(words);
            rc = hs_cli_fail(hs_error_set(HS_EINPUT, "%s:%d: %s", path, number, why));
            break;
        }
        if (n == 0 || words[0][0] == '#') {
            free(words);
            continue;
        }
        hs_cli_args *parsed = realloc(s->parsed, (s->nparsed + 1) * sizeof *parsed);
        if (!parsed) {
            free(words);
            rc = hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
            break;
        }
        s->parsed = parsed;
        hs_cli_args *a = &s->parsed[s->nparsed++];
        memset(a, 0, sizeof *a);
        int named = words[0][0] != '-';
        char msg[512];
        if (hs_opt_parse_words(edit_options, (int)(n - named), words + named, a, msg, sizeof msg))
            rc = hs_cli_fail(hs_error_set(HS_EINPUT, "%s:%d: %s", path, number, msg));
        else if (a->noperands)
            rc = hs_cli_fail(hs_error_set(HS_EINPUT, "%s:%d: '%s' is not an edit (--drop-tie, --add-member, ...)", path,
                                          number, a->operands[0]));
        else if (!a->edits.count)
            rc = hs_cli_fail(hs_error_set(HS_EINPUT, "%s:%d: scenario '%s' has no edit", path, number, words[0]));
        else if (!add_scenario(s, named ? words[0] : NULL, a->edits.items, a->edits.count, number))
            rc = hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
        free(words);
    }
    free(line);
    if (rc < 0 && ferror(f)) rc = hs_cli_fail(hs_error_set(HS_EIO, "%s: cannot read: %s", path, strerror(errno)));
    if (f != stdin) fclose(f);
    if (rc < 0 && !s->count) rc = hs_cli_fail(hs_error_set(HS_EINPUT, "%s: no scenario", path));
    return rc;
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

/* ID:KIND[:SCOPE] of --add-mechanism: the kind (and scope) are the last words. */
static int split_mechanism(const char *text, hs_view_edit *e, char **id) {
    const char *last = strrchr(text, ':');
    if (!last || last == text) return 0;
    hs_scope scope = hs_scope_parse(last + 1);
    const char *kind_at = last;
    if (scope != HS_SCOPE_UNSET) {
        const char *prev = last;
        while (prev > text && prev[-1] != ':') prev--;
        if (prev == text) return 0;
        kind_at = prev - 1;
    }
    char *kind = strndup(kind_at + 1, (size_t)((scope != HS_SCOPE_UNSET ? last : text + strlen(text)) - kind_at - 1));
    e->kind = kind ? hs_kind_parse(kind) : HS_KIND_UNSET;
    free(kind);
    e->scope = scope;
    *id = strndup(text, (size_t)(kind_at - text));
    return *id && e->kind >= 0 && e->kind < HS_KIND_MEMBER;
}

/* The written edits as view edits; the strings are kept in sc->keep. A bad
 * value is reported as a usage error (the command line) or bad input (a
 * scenario file, naming its line). Returns -1, or the exit status. */
static int resolve_edits(const scenarios *all, scenario *sc, const hs_model *m) {
    sc->edits = calloc(sc->nraw ? sc->nraw : 1, sizeof *sc->edits);
    sc->keep = calloc(2 * sc->nraw + 1, sizeof *sc->keep);
    if (!sc->edits || !sc->keep) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    for (size_t i = 0; i < sc->nraw; i++) {
        const hs_cli_edit *r = &sc->raw[i];
        const char *opt = edit_option(r->type), *expected = NULL;
        char why[256];
        hs_view_edit *e = &sc->edits[i];
        *e = (hs_view_edit){(hs_view_edit_type)r->type, r->text, NULL, HS_KIND_UNSET, HS_SCOPE_UNSET};
        char **a = &sc->keep[2 * i], **b = &sc->keep[2 * i + 1];
        switch ((hs_view_edit_type)r->type) {
        case HS_EDIT_DROP_STATE:
        case HS_EDIT_DROP_MECHANISM: break;
        case HS_EDIT_DROP_TIE:
            if (!split_ids(m, r->text, '-', a, b)) expected = "expected two ids joined by '-' (A-B)";
            break;
        case HS_EDIT_ADD_TIE: {
            const char *colon = strrchr(r->text, ':');
            e->kind = colon ? hs_kind_parse(colon + 1) : HS_KIND_UNSET;
            char *pair = colon ? strndup(r->text, (size_t)(colon - r->text)) : NULL;
            if (!colon || !pair || !split_ids(m, pair, '-', a, b))
                expected = "expected A-B:KIND";
            else if (e->kind < 0 || e->kind >= HS_KIND_MEMBER) {
                snprintf(why, sizeof why,
                         "'%s' is not a kind of tie (treaty, access, intelligence, technology, exercise, partnership, "
                         "dialogue)",
                         colon + 1);
                expected = why;
            }
            free(pair);
            break;
        }
        case HS_EDIT_ADD_MEMBER:
            if (!split_ids(m, r->text, ':', a, b)) expected = "expected STATE:MECHANISM";
            break;
        case HS_EDIT_ADD_MECHANISM:
            if (!split_mechanism(r->text, e, a))
                expected = "expected ID:KIND or ID:KIND:SCOPE (a kind of tie; issue or broad)";
            break;
        }
        if (expected) {
            if (!sc->line) return hs_cli_usage_error("whatif", "--%s '%s': %s", opt, r->text, expected);
            return hs_cli_fail(
                hs_error_set(HS_EINPUT, "%s:%d: --%s '%s': %s", all->file, sc->line, opt, r->text, expected));
        }
        if (*a) e->a = *a;
        if (*b) e->b = *b;
    }
    return -1;
}

/* ---- the typology before and after ------------------------------------------------- */

typedef struct mech_types {
    size_t n;
    char **id;                    /* owned */
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
        if (!(t->id[t->n] = strdup(c->id))) return hs_error_set(HS_ENOMEM, "out of memory");
        t->before[t->n++] = type_name(c);
    }
    for (size_t k = 0; k < hs_classification_count(after); k++) {
        const hs_mechanism_class *c = hs_classification_get(after, k);
        long i = find_id(t, c->id);
        if (i < 0) {
            if (!(t->id[t->n] = strdup(c->id))) return hs_error_set(HS_ENOMEM, "out of memory");
            i = (long)t->n++;
        }
        t->after[i] = type_name(c);
    }
    return HS_OK;
}

static int type_changed(const mech_types *t, size_t i) {
    return !t->before[i] || !t->after[i] || strcmp(t->before[i], t->after[i]) != 0;
}

static void mech_types_free(mech_types *t) {
    for (size_t i = 0; t->id && i < t->n; i++) free(t->id[i]);
    free(t->id);
    free(t->before);
    free(t->after);
    memset(t, 0, sizeof *t);
}

/* ---- output ---------------------------------------------------------------------- */

/* What the writers need: the three tables (rows: scenario-major, then
 * years), the scenarios, and the types of each row. */
typedef struct result {
    const hs_cli_args *args;
    const scenarios *sc;
    size_t nyears;
    hs_table *before, *after, *change;
    mech_types *types; /* per row */
} result;

enum { COL_YEAR = 0, COL_HUB = 2, COL_FIRST_MEASURE = 3 };

static const scenario *scenario_of(const result *r, size_t row) { return &r->sc->items[row / r->nyears]; }

static json_t *row_json(const result *r, size_t row) {
    json_t *o = json_object(), *edits = json_array(), *mechs = json_array();
    const scenario *sc = scenario_of(r, row);
    json_object_set_new(o, "year", hs_cli_cell_json(r->after, row, COL_YEAR));
    json_object_set_new(o, "scenario", json_string(sc->name));
    for (size_t i = 0; i < sc->nraw; i++) {
        json_t *e = json_object();
        json_object_set_new(e, "edit", json_string(edit_option(sc->raw[i].type)));
        json_object_set_new(e, "value", json_string(sc->raw[i].text));
        json_array_append_new(edits, e);
    }
    json_object_set_new(o, "edits", edits);
    json_object_set_new(o, "before", hs_cli_row_json(r->before, row, NULL, COL_HUB));
    json_object_set_new(o, "after", hs_cli_row_json(r->after, row, NULL, COL_HUB));
    json_object_set_new(o, "difference", hs_cli_row_json(r->change, row, NULL, COL_FIRST_MEASURE));
    const mech_types *t = &r->types[row];
    for (size_t i = 0; i < t->n; i++) {
        json_t *m = json_object();
        json_object_set_new(m, "id", json_string(t->id[i]));
        json_object_set_new(m, "before", hs_json_string_or_null(t->before[i]));
        json_object_set_new(m, "after", hs_json_string_or_null(t->after[i]));
        json_object_set_new(m, "changed", json_boolean(type_changed(t, i)));
        json_array_append_new(mechs, m);
    }
    json_object_set_new(o, "mechanisms", mechs);
    return o;
}

static hs_error print_json(const result *r, int one) {
    size_t n = hs_table_row_count(r->after);
    json_t *root = one ? row_json(r, 0) : json_array();
    for (size_t row = 0; !one && root && row < n; row++) json_array_append_new(root, row_json(r, row));
    hs_error err = root ? hs_cli_print_json(root) : hs_error_set(HS_ENOMEM, "out of memory");
    json_decref(root);
    return err;
}

/* The year and scenario cells that start every CSV row. */
static void csv_keys(FILE *out, const result *r, size_t row) {
    hs_cli_cell_csv(out, r->after, row, COL_YEAR);
    fputc(',', out);
    hs_cli_csv_field(out, scenario_of(r, row)->name);
}

/* Long: year,scenario,measure,before,after,difference; a row per measure,
 * then a row type:ID per mechanism. */
static void print_csv_long(FILE *out, const result *r) {
    fputs("year,scenario,measure,before,after,difference\r\n", out);
    for (size_t row = 0; row < hs_table_row_count(r->after); row++) {
        csv_keys(out, r, row);
        fputs(",hub,", out);
        hs_cli_cell_csv(out, r->before, row, COL_HUB);
        fputc(',', out);
        hs_cli_cell_csv(out, r->after, row, COL_HUB);
        fputs(",\r\n", out);
        for (size_t c = COL_FIRST_MEASURE; c < hs_table_column_count(r->after); c++) {
            csv_keys(out, r, row);
            fprintf(out, ",%s,", hs_table_column_name(r->after, c));
            hs_cli_cell_csv(out, r->before, row, c);
            fputc(',', out);
            hs_cli_cell_csv(out, r->after, row, c);
            fputc(',', out);
            hs_cli_cell_csv(out, r->change, row, c);
            fputs("\r\n", out);
        }
        const mech_types *t = &r->types[row];
        for (size_t i = 0; i < t->n; i++) {
            csv_keys(out, r, row);
            fputc(',', out);
            char *cell = NULL;
            if (asprintf(&cell, "type:%s", t->id[i]) >= 0) hs_cli_csv_field(out, cell);
            free(cell);
            fprintf(out, ",%s,%s,%s\r\n", t->before[i] ? t->before[i] : "", t->after[i] ? t->after[i] : "",
                    type_changed(t, i) ? "changed" : "");
        }
    }
}

/* Wide: one row per scenario and year, the measures as NAME_before,
 * NAME_after, NAME_difference. */
static void print_csv_wide(FILE *out, const result *r) {
    size_t ncols = hs_table_column_count(r->after);
    fputs("year,scenario,hub_before,hub_after", out);
    for (size_t c = COL_FIRST_MEASURE; c < ncols; c++) {
        const char *name = hs_table_column_name(r->after, c);
        fprintf(out, ",%s_before,%s_after,%s_difference", name, name, name);
    }
    fputs("\r\n", out);
    for (size_t row = 0; row < hs_table_row_count(r->after); row++) {
        csv_keys(out, r, row);
        fputc(',', out);
        hs_cli_cell_csv(out, r->before, row, COL_HUB);
        fputc(',', out);
        hs_cli_cell_csv(out, r->after, row, COL_HUB);
        for (size_t c = COL_FIRST_MEASURE; c < ncols; c++) {
            const hs_table *t[3] = {r->before, r->after, r->change};
            for (int k = 0; k < 3; k++) {
                fputc(',', out);
                hs_cli_cell_csv(out, t[k], row, c);
            }
        }
        fputs("\r\n", out);
    }
}

static void print_text(FILE *out, const result *r) {
    for (size_t row = 0; row < hs_table_row_count(r->after); row++) {
        const scenario *sc = scenario_of(r, row);
        double year = hs_table_number(r->after, row, COL_YEAR);
        fprintf(out, "%s%s", row ? "\n" : "", r->args->operands[0]);
        if (isfinite(year))
            fprintf(out, ", year %d", (int)year);
        else
            fputs(", all elements (no --year)", out);
        if (r->sc->file) fprintf(out, "\nscenario: %s", sc->name);
        fputs("\nedits:", out);
        for (size_t i = 0; i < sc->nraw; i++) fprintf(out, " --%s %s", edit_option(sc->raw[i].type), sc->raw[i].text);
        const char *hub_before = hs_table_text(r->before, row, COL_HUB),
                   *hub_after = hs_table_text(r->after, row, COL_HUB);
        fprintf(out, "\n\n  %-30s %10s %10s %11s\n", "measure", "before", "after", "difference");
        fprintf(out, "  %-30s %10s %10s\n", "hub", hub_before ? hub_before : "none", hub_after ? hub_after : "none");
        for (size_t c = COL_FIRST_MEASURE; c < hs_table_column_count(r->after); c++) {
            double d = hs_table_number(r->change, row, c);
            fprintf(out, "  %-30s ", hs_table_column_name(r->after, c));
            hs_cli_cell_text(out, r->before, row, c, 10);
            fputc(' ', out);
            hs_cli_cell_text(out, r->after, row, c, 10);
            if (!isfinite(d))
                fprintf(out, " %11s", "n/a");
            else if (hs_table_column_type(r->change, c) == HS_VALUE_INTEGER)
                fprintf(out, " %+11lld", (long long)d);
            else
                fprintf(out, " %+11.4f", d);
            fputc('\n', out);
        }
        const mech_types *t = &r->types[row];
        fprintf(out, "\n  %-30s %-19s %s\n", "mechanism (docs/typology.md)", "before", "after");
        for (size_t i = 0; i < t->n; i++)
            fprintf(out, "  %-30s %-19s %s%s\n", t->id[i], t->before[i] ? t->before[i] : "(not active)",
                    t->after[i] ? t->after[i] : "(not active)", type_changed(t, i) ? "  (changed)" : "");
    }
}

/* ---- the command ----------------------------------------------------------------- */

static const char *const index_names[] = {"coordination", "unidirectionality", "closedness"};

/* The types of every row: the mechanisms of the view as it is and with the
 * scenario's edits, classified. */
static hs_error classify_rows(const hs_model *m, const hs_codebook *cb, const result *r) {
    const hs_cli_args *args = r->args;
    hs_classify_options co;
    hs_classify_options_init(&co);
    hs_error err = HS_OK;
    for (size_t y = 0; !err && y < r->nyears; y++) {
        hs_view_options vo;
        hs_cli_view_options(args, cb, &vo);
        if (args->years.count) {
            vo.has_year = 1;
            vo.year = args->years.years[y];
        }
        hs_classification *before = NULL;
        err = hs_classification_new(m, &vo, &co, &before);
        for (size_t s = 0; !err && s < r->sc->count; s++) {
            const scenario *sc = &r->sc->items[s];
            hs_view_options edited = vo;
            edited.edits = sc->edits;
            edited.edit_count = sc->nraw;
            hs_classification *after = NULL;
            if (!(err = hs_classification_new(sc->model ? sc->model : m, &edited, &co, &after)))
                err = pair_types(before, after, &r->types[s * r->nyears + y]);
            hs_classification_destroy(after);
        }
        hs_classification_destroy(before);
    }
    return err;
}

static int run(const hs_cli_args *args) {
    if (hs_cli_given(args, "years") && hs_cli_given(args, "year"))
        return hs_cli_usage_error("whatif", "--year and --years exclude each other");
    if (args->scenarios && args->edits.count)
        return hs_cli_usage_error("whatif", "--scenarios and edits on the command line exclude each other");
    if (!args->scenarios && !args->edits.count)
        return hs_cli_usage_error("whatif",
                                  "no edit: give --drop-tie, --drop-state, --drop-mechanism, --add-tie, "
                                  "--add-member, --add-mechanism or --scenarios FILE");
    int rc = hs_cli_check_measures("whatif", args, HS_MEASURE_SYSTEM);
    if (rc >= 0) return rc;
    scenarios sc = {NULL, 0, args->scenarios, NULL, 0, NULL, 0};
    rc = args->scenarios ? read_scenarios(args->scenarios, &sc)
         : add_scenario(&sc, NULL, args->edits.items, args->edits.count, 0)
             ? -1
             : hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    hs_model *m = NULL;
    hs_codebook *cb = NULL;
    result r = {args, &sc, args->years.count ? args->years.count : 1, NULL, NULL, NULL, NULL};
    hs_scenario *list = NULL;
    const char **names = NULL;
    hs_error err = HS_OK;
    if (rc < 0) err = hs_cli_open_model(args, &m, &cb);
    for (size_t s = 0; rc < 0 && !err && s < sc.count; s++) {
        rc = resolve_edits(&sc, &sc.items[s], m);
        if (rc < 0) err = hs_scenario_model(m, sc.items[s].edits, sc.items[s].nraw, &sc.items[s].model);
    }
    if (rc < 0 && !err) {
        list = calloc(sc.count, sizeof *list);
        names = malloc((3 + args->measures.count + 1) * sizeof *names);
        r.types = calloc(sc.count * r.nyears, sizeof *r.types);
        if (!list || !names || !r.types) err = hs_error_set(HS_ENOMEM, "out of memory");
    }
    if (rc < 0 && !err) {
        for (size_t s = 0; s < sc.count; s++)
            list[s] = (hs_scenario){sc.items[s].name, sc.items[s].edits, sc.items[s].nraw};
        /* The indices, then the measures chosen (default: the default set). */
        hs_metrics_options mo;
        hs_cli_metrics_options(args, &mo);
        size_t n = 0;
        for (int k = 0; k < 3; k++) names[n++] = index_names[k];
        for (size_t i = 0; i < args->measures.count; i++) names[n++] = args->measures.items[i];
        if (!args->measures.count) names[n++] = "default";
        mo.measures = names;
        mo.measure_count = n;
        hs_view_options vo;
        hs_cli_view_options(args, cb, &vo);
        err = hs_whatif_table(m, &vo, args->years.years, args->years.count, list, sc.count, &mo, &r.before, &r.after,
                              &r.change);
        if (!err) err = classify_rows(m, cb, &r);
    }
    if (rc < 0 && !err) {
        int one = !args->scenarios && !args->years.count;
        if (args->format == HS_OUT_JSON) {
            err = print_json(&r, one);
        } else {
            if (args->format == HS_OUT_CSV && args->table == TABLE_WIDE)
                print_csv_wide(stdout, &r);
            else if (args->format == HS_OUT_CSV)
                print_csv_long(stdout, &r);
            else
                print_text(stdout, &r);
            if (fflush(stdout) != 0 || ferror(stdout))
                err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
        }
    }
    for (size_t i = 0; r.types && i < sc.count * r.nyears; i++) mech_types_free(&r.types[i]);
    free(r.types);
    hs_table_destroy(r.before);
    hs_table_destroy(r.after);
    hs_table_destroy(r.change);
    free(names);
    free(list);
    scenarios_free(&sc);
    hs_codebook_destroy(cb);
    hs_model_destroy(m);
    if (rc >= 0) return rc;
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const char *const tables[] = {"long", "wide", NULL};

static const hs_opt options_table[] = {
    HS_OPT_INCLUDE(edit_options),
    {.type = HS_OPT_FILE,
     .name = "scenarios",
     .value_name = "FILE",
     .help = "a file of scenarios, one a line: an optional name, then its edits written as on the command line "
             "(docs/compare.md, \"Scenarios\"); '-' is standard input",
     .offset = offsetof(hs_cli_args, scenarios)},
    HS_OPT_INCLUDE(hs_opts_year),
    {.type = HS_OPT_YEARS,
     .name = "years",
     .value_name = "LIST",
     .help = "each scenario in each of these years (years and ranges A:B[:STEP] separated by commas)",
     .offset = offsetof(hs_cli_args, years),
     .max = 100000},
    HS_OPT_INCLUDE(hs_opts_view), HS_OPT_INCLUDE(hs_opts_state_set), HS_OPT_INCLUDE(hs_opts_weights),
    HS_OPT_INCLUDE(hs_opts_measures),
    HS_OPT_INCLUDE(hs_opts_permutations),
    HS_OPT_INCLUDE(hs_opts_format),
    {.type = HS_OPT_CHOICE,
     .name = "table",
     .value_name = "TABLE",
     .help = "for csv: long (default; a row per measure, scenario and year) or wide (one row per scenario and year)",
     .offset = offsetof(hs_cli_args, table),
     .choices = tables},
    HS_OPT_INCLUDE(hs_opts_limits), HS_OPT_INCLUDE(hs_opts_checks),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_whatif = {
    "whatif",
    "the indices before and after dropping or adding ties, states, members, mechanisms",
    "FILE EDIT... [OPTIONS]\nFILE --scenarios FILE [OPTIONS]",
    "    Measures the system active in year Y (every element of FILE without --year;\n"
    "    each year of --years) as it is and as it would be after the edits, applied\n"
    "    in order to the view of that year (the file is not changed), and prints both\n"
    "    and the change (after - before: a fall is negative), and the type of each\n"
    "    mechanism in the paper's typology before and after (docs/typology.md). The\n"
    "    measures are those of `compare` (docs/compare.md), defined in\n"
    "    docs/metrics.md. The EDITS are the options --drop-tie, --drop-state,\n"
    "    --drop-mechanism, --add-tie, --add-member and --add-mechanism: at least one,\n"
    "    each repeatable; they make one scenario. --scenarios reads several, one a\n"
    "    line, and the output has one row (JSON object, wide CSV row, text block) per\n"
    "    scenario and year. An id that names nothing active is a usage error naming\n"
    "    the edit (and, from a file, the scenario).\n",
    options_table,
    "OUTPUT\n"
    "    json: {\"year\", \"scenario\", \"edits\", \"before\", \"after\", \"difference\",\n"
    "    \"mechanisms\"}, an array of them with --scenarios or --years; before and\n"
    "    after hold `hub`, `coordination`, `unidirectionality`, `closedness` and the\n"
    "    measures; mechanisms: {\"id\", \"before\", \"after\", \"changed\"}, the types.\n"
    "    csv (long): columns year,scenario,measure,before,after,difference, one row\n"
    "    per measure, then one row type:ID per mechanism (difference: changed or\n"
    "    empty). csv (wide): year,scenario,hub_before,hub_after, then NAME_before,\n"
    "    NAME_after, NAME_difference per measure.\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input (a bad scenarios file), 2 usage error (including an\n"
    "    edit naming nothing).\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2020 --drop-tie JPN-KOR\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --drop-tie USA-Quad\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2023 --add-member VNM:Quad\n"
    "    hubspoke whatif graphs/asia-pacific.gv --year 2005 --add-member IND:Quad --add-member USA:Quad\n"
    "    hubspoke whatif graphs/asia-pacific.gv --years 2016:2023 --scenarios scenarios.txt --format csv --table "
    "wide\n",
    operands,
    1,
    1,
    run};
