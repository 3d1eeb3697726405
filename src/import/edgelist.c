/* CSV edge lists <-> alliance-graph models (edgelist.h; docs/import.md,
 * "Edge lists"). Reading goes through the model builder with the checks
 * collecting, so that a row's mistakes are reported as a file's are. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "check/check_internal.h"
#include "core/internal.h"
#include "hubspoke/edgelist.h"
#include "import/import_internal.h"
#include "io/io_internal.h"
#include "model/model_internal.h"

/* ---- the columns ------------------------------------------------------------------ */

/* A column of a table: its name, the other headers that name it, and the
 * schema attribute it sets (NULL: it places the row, as a tie's ends do). */
typedef struct field {
    const char *name;
    const char *alias[2];
    const char *attr;
} field;

enum { E_SOURCE, E_TARGET, E_ID };
static const field edge_fields[] = {
    {"source", {"from", "tail"}, NULL}, {"target", {"to", "head"}, NULL},     {"id", {NULL, NULL}, NULL},
    {"kind", {NULL, NULL}, "kind"},     {"since", {NULL, NULL}, "since"},     {"until", {NULL, NULL}, "until"},
    {"weight", {NULL, NULL}, "weight"}, {"citation", {NULL, NULL}, "source"}, {"label", {NULL, NULL}, "label"}};

enum { N_ID, N_LABEL, N_TYPE };
static const field node_fields[] = {{"id", {"node", NULL}, NULL},     {"label", {NULL, NULL}, "label"},
                                    {"type", {NULL, NULL}, "type"},   {"role", {NULL, NULL}, "role"},
                                    {"since", {NULL, NULL}, "since"}, {"until", {NULL, NULL}, "until"},
                                    {"kind", {NULL, NULL}, "kind"},   {"scope", {NULL, NULL}, "scope"},
                                    {"issue", {NULL, NULL}, "issue"}, {"weight", {NULL, NULL}, "weight"}};

enum { M_MECHANISM, M_STATE, M_ID };
static const field member_fields[] = {{"mechanism", {NULL, NULL}, NULL},    {"state", {"member", NULL}, NULL},
                                      {"id", {NULL, NULL}, NULL},           {"since", {NULL, NULL}, "since"},
                                      {"until", {NULL, NULL}, "until"},     {"weight", {NULL, NULL}, "weight"},
                                      {"citation", {NULL, NULL}, "source"}, {"label", {NULL, NULL}, "label"}};

#define NFIELDS(t) (sizeof t / sizeof *t)

/* Does a header (blanks around it ignored, any case) name this field? */
static int names_field(const char *header, const field *f) {
    while (isspace((unsigned char)*header)) header++;
    size_t n = strlen(header);
    while (n && isspace((unsigned char)header[n - 1])) n--;
    const char *names[3] = {f->name, f->alias[0], f->alias[1]};
    for (int k = 0; k < 3; k++) {
        if (names[k] && strlen(names[k]) == n && strncasecmp(names[k], header, n) == 0) return 1;
    }
    return 0;
}

static const field *field_named(const field *fields, size_t nfields, const char *name) {
    for (size_t f = 0; f < nfields; f++) {
        if (names_field(name, &fields[f])) return &fields[f];
    }
    return NULL;
}

/* ---- reading ---------------------------------------------------------------------- */

typedef struct table {
    hs_csv csv;
    int loaded;
    long *field_col; /* column of each field, -1 when absent */
    char **extra;    /* per column: the trimmed header of an extra attribute, else NULL */
} table;

static void table_free(table *t) {
    if (t->extra) {
        for (size_t c = 0; c < t->csv.ncols; c++) free(t->extra[c]);
    }
    free(t->extra);
    free(t->field_col);
    if (t->loaded) hs_csv_destroy(&t->csv);
    memset(t, 0, sizeof *t);
}

static char *trimmed(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) n--;
    return hs_strndup(s, n);
}

/* A cell without the blanks around it; NULL when empty (caller frees). */
static hs_error cell_trimmed(const table *t, size_t row, long col, char **out) {
    *out = NULL;
    if (col < 0) return HS_OK;
    char *s = trimmed(hs_csv_cell(&t->csv, row, col));
    if (!s) return HS_ENOMEM;
    if (!s[0]) {
        free(s);
        return HS_OK;
    }
    *out = s;
    return HS_OK;
}

typedef struct reader {
    hs_model *m;
    hs_diagnostics *d;
} reader;

/* A problem of the input that is no value of the schema: recorded, and
 * HS_OK to go on (HS_EINPUT past the cap). */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static hs_error
problem(reader *r, const char *code, const char *file, int line, const char *fmt, ...) {
    char reason[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    return hs_diagnostics_add(r->d, HS_SEVERITY_ERROR, code, file, line, NULL, "%s", reason);
}

/* Read a table and find its columns. A file that cannot be read, or lacks a
 * required column, is an error that ends the reading (HS_EINPUT). */
static hs_error load(reader *r, table *t, const char *path, const field *fields, size_t nfields, const int *required,
                     size_t nrequired, const char *what) {
    hs_error err = hs_csv_read(&t->csv, path, NULL);
    if (err) {
        if (err != HS_EINPUT) return err;
        if ((err = hs_diag_add_last_error(r->d, path, "unreadable"))) return err;
        hs_error_clear(); /* recorded: no fatal error left to add */
        return HS_EINPUT;
    }
    t->loaded = 1;
    const char *file = t->csv.file;
    int line = t->csv.header_line;
    t->field_col = hs_malloc(nfields * sizeof *t->field_col);
    t->extra = hs_calloc(t->csv.ncols ? t->csv.ncols : 1, sizeof *t->extra);
    if (!t->field_col || !t->extra) return HS_ENOMEM;
    for (size_t f = 0; f < nfields; f++) t->field_col[f] = -1;
    int fatal = 0;
    for (size_t c = 0; c < t->csv.ncols; c++) {
        const char *header = t->csv.header[c];
        size_t f = 0;
        while (f < nfields && !names_field(header, &fields[f])) f++;
        if (f < nfields) {
            if (t->field_col[f] >= 0) {
                fatal = 1;
                if ((err = problem(r, "bad-column", file, line, "columns %ld and %zu both name '%s'",
                                   t->field_col[f] + 1, c + 1, fields[f].name)))
                    return err;
            }
            t->field_col[f] = (long)c;
            continue;
        }
        if (!(t->extra[c] = trimmed(header))) return HS_ENOMEM;
        if (!t->extra[c][0]) {
            fatal = 1;
            if ((err = problem(r, "bad-column", file, line, "column %zu has no name", c + 1))) return err;
        }
    }
    for (size_t k = 0; k < nrequired; k++) {
        const field *f = &fields[required[k]];
        if (t->field_col[required[k]] >= 0) continue;
        fatal = 1;
        char aliases[64] = "";
        if (f->alias[0])
            snprintf(aliases, sizeof aliases, " (or %s%s%s)", f->alias[0], f->alias[1] ? ", " : "",
                     f->alias[1] ? f->alias[1] : "");
        if ((err = problem(r, "missing-column", file, line,
                           "no column '%s'%s: %s needs one (docs/import.md, \"Edge lists\")", f->name, aliases, what)))
            return err;
    }
    return fatal ? HS_EINPUT : HS_OK;
}

typedef hs_error (*attr_setter)(hs_model *, size_t, const char *, const char *);

/* Every attribute column of a row: the schema's by its attribute, extras
 * by their headers; empty cells are absent, as in files. */
static hs_error set_row_attrs(const table *t, const field *fields, size_t nfields, size_t row, hs_model *m,
                              attr_setter set, size_t index) {
    hs_error err;
    for (size_t f = 0; f < nfields; f++) {
        long c = t->field_col[f];
        if (!fields[f].attr || c < 0) continue;
        const char *v = hs_csv_cell(&t->csv, row, c);
        if (v[0] && (err = set(m, index, fields[f].attr, v))) return err;
    }
    for (size_t c = 0; c < t->csv.ncols; c++) {
        const char *v = hs_csv_cell(&t->csv, row, (long)c);
        if (t->extra[c] && t->extra[c][0] && v[0] && (err = set(m, index, t->extra[c], v))) return err;
    }
    return HS_OK;
}

/* An id cell a row needs: a missing one is an error of the row. */
static hs_error row_id(reader *r, const table *t, size_t row, long col, const char *column, char **out) {
    hs_error err = cell_trimmed(t, row, col, out);
    if (err || *out) return err;
    return problem(r, "empty-cell", t->csv.file, t->csv.lines[row], "column '%s' is empty", column);
}

static hs_error read_graph_table(reader *r, const char *path, int *directed) {
    static const field graph_fields[] = {{"attribute", {NULL, NULL}, NULL}, {"value", {NULL, NULL}, NULL}};
    static const int required[] = {0, 1};
    table t = {0};
    hs_error err = load(r, &t, path, graph_fields, 2, required, 2, "a graph file");
    for (size_t row = 0; !err && row < t.csv.nrows; row++) {
        int line = t.csv.lines[row];
        char *name = NULL;
        if ((err = row_id(r, &t, row, t.field_col[0], "attribute", &name)) || !name) continue;
        const char *value = hs_csv_cell(&t.csv, row, t.field_col[1]);
        for (size_t q = 0; q < row && !err; q++) {
            char *other = trimmed(hs_csv_cell(&t.csv, q, t.field_col[0]));
            if (!other)
                err = HS_ENOMEM;
            else if (strcmp(other, name) == 0)
                err = problem(r, "duplicate-id", t.csv.file, line, "attribute '%s' again (first at line %d)", name,
                              t.csv.lines[q]);
            free(other);
        }
        if (err) {
            free(name);
            break;
        }
        if (strcmp(name, "directed") == 0) {
            char *v = trimmed(value);
            if (!v)
                err = HS_ENOMEM;
            else if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1"))
                *directed = 1;
            else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0"))
                *directed = 0;
            else
                err = problem(r, "unknown-value", t.csv.file, line, "directed '%s' is not yes or no", v);
            free(v);
        } else if (strcmp(name, "name") == 0) {
            free(r->m->name);
            r->m->name = value[0] ? hs_strdup(value) : NULL;
            if (value[0] && !r->m->name) err = HS_ENOMEM;
        } else if (value[0]) {
            err = hs_model_set_graph_attr(r->m, name, value);
        }
        free(name);
    }
    table_free(&t);
    return err;
}

static hs_error read_nodes(reader *r, const char *path, char **type_given) {
    static const int required[] = {N_ID};
    table t = {0};
    hs_error err = load(r, &t, path, node_fields, NFIELDS(node_fields), required, 1, "a nodes file");
    if (!err) err = hs_model_set_origin(r->m, t.csv.file);
    if (!err && !(*type_given = hs_calloc(t.csv.nrows + 1, 1))) err = HS_ENOMEM;
    long type_col = t.field_col ? t.field_col[N_TYPE] : -1;
    for (size_t row = 0; !err && row < t.csv.nrows; row++) {
        char *id = NULL;
        size_t v, before = r->m->nv;
        if ((err = row_id(r, &t, row, t.field_col[N_ID], "id", &id)) || !id) continue;
        err = hs_model_add_vertex(r->m, id, t.csv.lines[row], &v);
        free(id);
        /* A duplicate id (collected) merges into the first row: its own
         * attributes are not set again. */
        if (err || r->m->nv == before) continue;
        if (type_col >= 0) (*type_given)[v] = hs_csv_cell(&t.csv, row, type_col)[0] != '\0';
        err = set_row_attrs(&t, node_fields, NFIELDS(node_fields), row, r->m, hs_vertex_set_attr, v);
    }
    table_free(&t);
    return err;
}

/* The vertex with this id, created when no row declared it. */
static hs_error vertex(reader *r, const char *id, int line, size_t *index) {
    return hs_model_ensure_vertex(r->m, id, line, index);
}

static hs_error read_edges(reader *r, const char *path, size_t declared) {
    static const int required[] = {E_SOURCE, E_TARGET};
    table t = {0};
    hs_error err = load(r, &t, path, edge_fields, NFIELDS(edge_fields), required, 2, "an edges file");
    if (!err) err = hs_model_set_origin(r->m, t.csv.file);
    for (size_t row = 0; !err && row < t.csv.nrows; row++) {
        int line = t.csv.lines[row];
        char *a = NULL, *b = NULL, *id = NULL;
        size_t from, to, e;
        if (!(err = row_id(r, &t, row, t.field_col[E_SOURCE], "source", &a)) &&
            !(err = row_id(r, &t, row, t.field_col[E_TARGET], "target", &b)) && a && b &&
            !(err = cell_trimmed(&t, row, t.field_col[E_ID], &id)) && !(err = vertex(r, a, line, &from)) &&
            !(err = vertex(r, b, line, &to)) && !(err = hs_model_add_edge(r->m, from, to, id, line, &e)))
            err = set_row_attrs(&t, edge_fields, NFIELDS(edge_fields), row, r->m, hs_edge_set_attr, e);
        /* A member edge's end that no row declared is a mechanism. */
        if (!err && a && b && r->m->e[e].kind == HS_KIND_MEMBER && to >= declared)
            err = hs_vertex_set_type(r->m, to, HS_VERTEX_MECHANISM);
        free(a);
        free(b);
        free(id);
    }
    table_free(&t);
    return err;
}

static hs_error read_members(reader *r, const char *path, size_t declared, const char *type_given) {
    static const int required[] = {M_MECHANISM, M_STATE};
    table t = {0};
    hs_error err = load(r, &t, path, member_fields, NFIELDS(member_fields), required, 2, "a members file");
    if (!err) err = hs_model_set_origin(r->m, t.csv.file);
    for (size_t row = 0; !err && row < t.csv.nrows; row++) {
        int line = t.csv.lines[row];
        char *mech = NULL, *state = NULL, *id = NULL;
        size_t k, s, e;
        if (!(err = row_id(r, &t, row, t.field_col[M_MECHANISM], "mechanism", &mech)) &&
            !(err = row_id(r, &t, row, t.field_col[M_STATE], "state", &state)) && mech && state &&
            !(err = cell_trimmed(&t, row, t.field_col[M_ID], &id)) && !(err = vertex(r, mech, line, &k))) {
            /* Declared with an explicit type: that type stands (and a state
             * there is an error of the member edge). */
            if (k >= declared || !type_given || !type_given[k]) err = hs_vertex_set_type(r->m, k, HS_VERTEX_MECHANISM);
            if (!err && !(err = vertex(r, state, line, &s)) && !(err = hs_model_add_edge(r->m, s, k, id, line, &e)) &&
                !(err = hs_edge_set_kind(r->m, e, HS_KIND_MEMBER)))
                err = set_row_attrs(&t, member_fields, NFIELDS(member_fields), row, r->m, hs_edge_set_attr, e);
        }
        free(mech);
        free(state);
        free(id);
    }
    table_free(&t);
    return err;
}

void hs_edgelist_options_init(hs_edgelist_options *o) {
    memset(o, 0, sizeof *o);
    o->directed = -1;
}

hs_error hs_edgelist_read(const hs_edgelist_options *o, hs_diagnostics *d, hs_model **out) {
    if (!o || !d || !out) return hs_error_set(HS_EARG, "hs_edgelist_read: a NULL argument");
    *out = NULL;
    if (!o->files.edges) return hs_error_set(HS_EARG, "hs_edgelist_read: no edges file");
    hs_error_clear();
    reader r = {NULL, d};
    char *type_given = NULL;
    int directed = o->directed;
    hs_error err = hs_model_new(0, o->files.edges, &r.m);
    if (!err) hs_check_collect(r.m, d);
    if (!err && o->files.graph) {
        int from_file = 0;
        if (!(err = hs_model_set_origin(r.m, o->files.graph)) &&
            !(err = read_graph_table(&r, o->files.graph, &from_file)) && directed < 0)
            directed = from_file;
    }
    if (!err) r.m->directed = directed > 0;
    if (!err && o->files.nodes) err = read_nodes(&r, o->files.nodes, &type_given);
    size_t declared = r.m ? r.m->nv : 0;
    if (!err) err = read_edges(&r, o->files.edges, declared);
    if (!err && o->files.mechanisms) err = read_members(&r, o->files.mechanisms, declared, type_given);
    free(type_given);
    if (!err && o->hub) {
        if (!(err = hs_model_set_origin(r.m, NULL))) err = hs_model_set_graph_attr(r.m, "hub", o->hub);
    }
    if (!err) err = hs_model_set_origin(r.m, NULL);
    if (!err) {
        err = hs_check_built_model(r.m, d);
    } else if (err == HS_EINPUT) {
        /* Reading stopped: a missing column or an unreadable file (recorded
         * already), the error cap, or a load limit (its message left). */
        hs_error added =
            hs_error_last()[0] ? hs_diag_add_last_error(d, r.m ? r.m->file : o->files.edges, "unreadable") : HS_OK;
        err = added ? added : hs_diag_summarise(d);
    }
    if (r.m) r.m->diag = NULL;
    if (err) {
        hs_model_destroy(r.m);
        return err;
    }
    *out = r.m;
    return HS_OK;
}

/* ---- writing ----------------------------------------------------------------------- */

/* RFC 4180: quoted when it holds a separator, a quote or a line end, or
 * starts or ends with a blank (which readers may trim). */
static hs_error put_field(hs_buf *b, const char *s) {
    size_t n = strlen(s);
    int quote =
        strpbrk(s, ",\"\r\n") != NULL || (n && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1])));
    if (!quote) return hs_buf_append(b, s, n);
    hs_error err = hs_buf_puts(b, "\"");
    for (const char *p = s; !err && *p; p++) err = *p == '"' ? hs_buf_puts(b, "\"\"") : hs_buf_append(b, p, 1);
    return err ? err : hs_buf_puts(b, "\"");
}

typedef struct row {
    const char **cells; /* by column; NULL = empty */
    size_t ncols;
    hs_buf *b;
} row;

static hs_error end_row(row *r) {
    hs_error err = HS_OK;
    for (size_t c = 0; c < r->ncols && !err; c++) {
        if (c && (err = hs_buf_puts(r->b, ","))) break;
        if (r->cells[c]) err = put_field(r->b, r->cells[c]);
    }
    if (!err) err = hs_buf_puts(r->b, "\r\n");
    for (size_t c = 0; c < r->ncols; c++) r->cells[c] = NULL;
    return err;
}

/* The schema attributes of an element, as text, into the cells of their columns. */
typedef struct attr_cells {
    const field *fields;
    size_t nfields;
    const char **cells;
    char (*text)[48]; /* storage for numbers, one per field */
} attr_cells;

static hs_error take_attr(void *ctx, const char *name, const char *value, const char *type) {
    (void)type;
    attr_cells *a = ctx;
    for (size_t f = 0; f < a->nfields; f++) {
        if (!a->fields[f].attr || strcmp(a->fields[f].attr, name) != 0) continue;
        /* Numbers are formatted into the callback's own buffer: copy them. */
        if (strlen(value) < sizeof a->text[f]) {
            strcpy(a->text[f], value);
            a->cells[f] = a->text[f];
        } else {
            a->cells[f] = value;
        }
    }
    return HS_OK;
}

/* The extra keys of a domain some element of `which` carries, in key order. */
static int *used_extras(const hs_model *m, hs_domain d, int (*which)(const hs_model *, size_t), size_t *n) {
    int nk = m->extra_key_count[d];
    int *used = hs_calloc((size_t)nk + 1, sizeof *used), *list = hs_malloc(((size_t)nk + 1) * sizeof *list);
    if (!used || !list) {
        free(used);
        free(list);
        return NULL;
    }
    size_t count = d == HS_DOMAIN_NODE ? m->nv : m->ne;
    for (size_t i = 0; i < count; i++) {
        if (which && !which(m, i)) continue;
        const hs_extras *x = d == HS_DOMAIN_NODE ? &m->v[i].extras : &m->e[i].extras;
        for (int j = 0; j < x->count; j++) used[x->items[j].key] |= x->items[j].value[0] != '\0';
    }
    *n = 0;
    for (int k = 0; k < nk; k++) {
        if (used[k]) list[(*n)++] = k;
    }
    free(used);
    return list;
}

static const char *extra_value(const hs_extras *x, int key) {
    for (int j = 0; j < x->count; j++) {
        if (x->items[j].key == key) return x->items[j].value[0] ? x->items[j].value : NULL;
    }
    return NULL;
}

static int is_member_edge(const hs_model *m, size_t i) { return m->e[i].kind == HS_KIND_MEMBER; }
static int is_tie(const hs_model *m, size_t i) { return m->e[i].kind != HS_KIND_MEMBER; }

/* An extra whose header would be read back as a column of the table. */
static hs_error check_extras(const hs_model *m, hs_domain d, const int *keys, size_t n, const field *fields,
                             size_t nfields, const char *file) {
    for (size_t k = 0; k < n; k++) {
        const char *name = m->extra_keys[d][keys[k]].name;
        const field *f = field_named(fields, nfields, name);
        if (!f) continue;
        return hs_error_set(HS_EINPUT,
                            "%s: %s attribute '%s' would be read back as the column '%s' (headers match whatever "
                            "their case): rename it in %s first",
                            file, d == HS_DOMAIN_NODE ? "vertex" : "edge", name, f->name, m->file);
    }
    return HS_OK;
}

/* One table: the fields' columns (an id column only when some element has
 * an id) then the extras', a row per element of `which`. */
static hs_error write_table(const hs_model *m, hs_domain d, const field *fields, size_t nfields,
                            int (*which)(const hs_model *, size_t), const char *file, int with_id, hs_buf *b) {
    int members = fields == member_fields;
    long id_field = d == HS_DOMAIN_NODE ? -1 : members ? M_ID : E_ID;
    size_t nextra = 0;
    int *keys = used_extras(m, d, which, &nextra);
    if (!keys) return HS_ENOMEM;
    hs_error err = check_extras(m, d, keys, nextra, fields, nfields, file);
    /* by field: the text of its cell in the row being written */
    const char **value = hs_calloc(nfields, sizeof *value);
    char(*text)[48] = hs_calloc(nfields, sizeof *text);
    const char **cells = hs_calloc(nfields + nextra, sizeof *cells);
    if (!err && (!value || !text || !cells)) err = HS_ENOMEM;
    row r = {cells, 0, b};
    size_t count = d == HS_DOMAIN_NODE ? m->nv : m->ne;
    for (long i = -1; !err && i < (long)count; i++) { /* -1: the header */
        if (i >= 0 && which && !which(m, (size_t)i)) continue;
        const hs_extras *x = NULL;
        if (i >= 0) {
            memset(value, 0, nfields * sizeof *value);
            attr_cells a = {fields, nfields, value, text};
            if ((err = hs_model_each_schema_attr(m, d, (size_t)i, take_attr, &a))) break;
            if (d == HS_DOMAIN_NODE) {
                value[N_ID] = m->v[i].id;
                x = &m->v[i].extras;
            } else {
                const hs_edge *e = &m->e[i];
                value[members ? M_MECHANISM : E_SOURCE] = m->v[members ? e->to : e->from].id;
                value[members ? M_STATE : E_TARGET] = m->v[members ? e->from : e->to].id;
                value[id_field] = e->id;
                x = &e->extras;
            }
        }
        r.ncols = 0;
        for (size_t f = 0; f < nfields; f++) {
            if ((long)f == id_field && !with_id) continue;
            cells[r.ncols++] = i < 0 ? fields[f].name : value[f];
        }
        for (size_t k = 0; k < nextra; k++)
            cells[r.ncols++] = i < 0 ? m->extra_keys[d][keys[k]].name : extra_value(x, keys[k]);
        err = end_row(&r);
    }
    free(keys);
    free(value);
    free(text);
    free(cells);
    return err;
}

static int any_edge_id(const hs_model *m, int (*which)(const hs_model *, size_t)) {
    for (size_t i = 0; i < m->ne; i++) {
        if ((!which || which(m, i)) && m->e[i].id && m->e[i].id[0]) return 1;
    }
    return 0;
}

/* Does any vertex carry something only the nodes table holds? */
static int vertices_have_attrs(const hs_model *m) {
    for (size_t i = 0; i < m->nv; i++) {
        const hs_vertex *v = &m->v[i];
        if (v->label || v->type != HS_VERTEX_STATE || v->role != HS_ROLE_UNSET || v->since != HS_SINCE_OPEN ||
            v->until != HS_UNTIL_OPEN || v->extras.count)
            return 1;
    }
    return 0;
}

/* A vertex no edge names is lost without the nodes table. */
static size_t isolated_vertices(const hs_model *m) {
    char *seen = hs_calloc(m->nv + 1, 1);
    if (!seen) return 0;
    for (size_t e = 0; e < m->ne; e++) seen[m->e[e].from] = seen[m->e[e].to] = 1;
    size_t n = 0;
    for (size_t i = 0; i < m->nv; i++) n += !seen[i];
    free(seen);
    return n;
}

static hs_error write_graph_table(const hs_model *m, hs_buf *b) {
    const char *cells[2];
    row r = {cells, 2, b};
    hs_error err;
    cells[0] = "attribute";
    cells[1] = "value";
    if ((err = end_row(&r))) return err;
    cells[0] = "directed";
    cells[1] = m->directed ? "yes" : "no";
    if ((err = end_row(&r))) return err;
    if (m->name) {
        cells[0] = "name";
        cells[1] = m->name;
        if ((err = end_row(&r))) return err;
    }
    static const char *const named[] = {"hub", "period"};
    const char *values[] = {m->hub, m->period};
    for (int k = 0; k < 2; k++) {
        if (!values[k]) continue;
        cells[0] = named[k];
        cells[1] = values[k];
        if ((err = end_row(&r))) return err;
    }
    for (int j = 0; j < m->graph_extras.count; j++) {
        const hs_extra *x = &m->graph_extras.items[j];
        const char *name = m->extra_keys[HS_DOMAIN_GRAPH][x->key].name;
        if (!x->value[0]) continue;
        if (!strcmp(name, "directed") || !strcmp(name, "name") || !strcmp(name, "attribute"))
            return hs_error_set(HS_EINPUT,
                                "%s: graph attribute '%s' is a row of the graph table's own: rename it first", m->file,
                                name);
        cells[0] = name;
        cells[1] = x->value;
        if ((err = end_row(&r))) return err;
    }
    return HS_OK;
}

static int same_file(const char *a, const char *b) {
    struct stat sa, sb;
    if (strcmp(a, b) == 0) return 1;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

hs_error hs_edgelist_write(const hs_model *m, const hs_edgelist_files *files, hs_diagnostics *d) {
    if (!m || !files || !files->edges) return hs_error_set(HS_EARG, "hs_edgelist_write: no model or no edges file");
    const char *paths[4] = {files->edges, files->nodes, files->mechanisms, files->graph};
    for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
            if (paths[i] && paths[j] && same_file(paths[i], paths[j]))
                return hs_error_set(HS_EARG, "'%s' is named for two tables of the edge list", paths[i]);
        }
    }
    hs_buf bufs[4] = {{0}};
    hs_error err = write_table(m, HS_DOMAIN_EDGE, edge_fields, NFIELDS(edge_fields), files->mechanisms ? is_tie : NULL,
                               files->edges, any_edge_id(m, files->mechanisms ? is_tie : NULL), &bufs[0]);
    if (!err && files->nodes)
        err = write_table(m, HS_DOMAIN_NODE, node_fields, NFIELDS(node_fields), NULL, files->nodes, 0, &bufs[1]);
    if (!err && files->mechanisms)
        err = write_table(m, HS_DOMAIN_EDGE, member_fields, NFIELDS(member_fields), is_member_edge, files->mechanisms,
                          any_edge_id(m, is_member_edge), &bufs[2]);
    if (!err && files->graph) err = write_graph_table(m, &bufs[3]);
    /* What the tables asked for cannot hold: said, not silently dropped. */
    if (!err && d && !files->nodes) {
        size_t lost = isolated_vertices(m);
        if (vertices_have_attrs(m))
            err = hs_diagnostics_add(d, HS_SEVERITY_WARNING, "not-exported", files->edges, 0, NULL,
                                     "the vertices' attributes (labels, types, spans, ...) are not written without a "
                                     "nodes table");
        if (!err && lost)
            err = hs_diagnostics_add(d, HS_SEVERITY_WARNING, "not-exported", files->edges, 0, NULL,
                                     "%zu %s in no edge %s not written without a nodes table", lost,
                                     lost == 1 ? "vertex" : "vertices", lost == 1 ? "is" : "are");
    }
    if (!err && d && !files->graph && (m->directed || m->hub || m->period || m->name || m->graph_extras.count)) {
        if (m->directed)
            err = hs_diagnostics_add(d, HS_SEVERITY_WARNING, "not-exported", files->edges, 0, NULL,
                                     "the graph is directed, and without a graph table the edge list does not say so");
        else
            err = hs_diagnostics_add(d, HS_SEVERITY_WARNING, "not-exported", files->edges, 0, NULL,
                                     "the graph's attributes (hub, period, ...) are not written without a graph table");
    }
    for (int i = 0; i < 4 && !err; i++) {
        if (paths[i]) err = hs_file_write_atomic(paths[i], bufs[i].data ? bufs[i].data : "", bufs[i].len);
    }
    for (int i = 0; i < 4; i++) hs_buf_free(&bufs[i]);
    return err;
}
