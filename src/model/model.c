/* The alliance-graph model: storage, schema attributes and their checks. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "model/model_internal.h"

/* ---- names of enum values --------------------------------------------------- */

static const char *const kind_names[HS_KIND_COUNT] = {
    "treaty", "access", "intelligence", "technology", "exercise", "partnership", "dialogue", "member"};
static const char *const role_names[HS_ROLE_COUNT] = {"hub", "ally", "partner", "other"};
static const char *const scope_names[HS_SCOPE_COUNT] = {"issue", "broad"};

const char *hs_kind_name(hs_kind kind) {
    return (kind >= 0 && kind < HS_KIND_COUNT) ? kind_names[kind] : "unspecified";
}
const char *hs_role_name(hs_role role) {
    return (role >= 0 && role < HS_ROLE_COUNT) ? role_names[role] : "unset";
}
const char *hs_scope_name(hs_scope scope) {
    return (scope >= 0 && scope < HS_SCOPE_COUNT) ? scope_names[scope] : "unspecified";
}

static int find_name(const char *const *names, int count, const char *name) {
    for (int i = 0; i < count; i++) {
        if (strcmp(names[i], name) == 0) return i;
    }
    return -1;
}
hs_kind hs_kind_parse(const char *name) { return (hs_kind)find_name(kind_names, HS_KIND_COUNT, name); }
hs_role hs_role_parse(const char *name) { return (hs_role)find_name(role_names, HS_ROLE_COUNT, name); }
hs_scope hs_scope_parse(const char *name) {
    return (hs_scope)find_name(scope_names, HS_SCOPE_COUNT, name);
}

/* ---- creation and destruction -------------------------------------------- */

hs_error hs_model_alloc(hs_model **out, const char *file) {
    hs_model *m = hs_calloc(1, sizeof *m);
    if (!m) return HS_ENOMEM;
    m->file = hs_strdup(file ? file : "<input>");
    if (!m->file) {
        free(m);
        return HS_ENOMEM;
    }
    *out = m;
    return HS_OK;
}

static void extras_free(hs_extras *x) {
    for (int i = 0; i < x->count; i++) free(x->items[i].value);
    free(x->items);
}

void hs_model_destroy(hs_model *m) {
    if (!m) return;
    for (size_t i = 0; i < m->nv; i++) {
        free(m->v[i].id);
        free(m->v[i].label);
        free(m->v[i].issue);
        free(m->v[i].spells);
        extras_free(&m->v[i].extras);
    }
    for (size_t i = 0; i < m->ne; i++) {
        free(m->e[i].id);
        free(m->e[i].source);
        free(m->e[i].label);
        extras_free(&m->e[i].extras);
    }
    for (int d = 0; d < HS_DOMAIN_COUNT; d++) {
        for (int k = 0; k < m->extra_key_count[d]; k++) {
            free(m->extra_keys[d][k].name);
            free(m->extra_keys[d][k].graphml_type);
        }
        free(m->extra_keys[d]);
    }
    extras_free(&m->graph_extras);
    for (size_t i = 0; i < m->nnotes; i++) {
        free(m->notes[i].name);
        free(m->notes[i].attrs);
    }
    free(m->notes);
    for (size_t i = 0; i < m->nredefinitions; i++) {
        hs_redefinition *r = &m->redefinitions[i];
        free(r->element);
        free(r->attr);
        free(r->first);
        free(r->value);
    }
    free(m->redefinitions);
    for (unsigned char i = 0; i < m->norigins; i++) free(m->origins[i]);
    free(m->edge_origins);
    free(m->v);
    free(m->e);
    free(m->slots);
    free(m->file);
    free(m->name);
    free(m->hub);
    free(m->period);
    free(m->graphml_namespaces);
    free(m);
}

/* ---- copying ----------------------------------------------------------------------- */

/* Deep copies: every string and array a model owns. A field added to
 * hs_vertex, hs_edge or hs_model that owns memory must be copied here too
 * (test_model's copy test destroys both models, so ASan and valgrind catch a
 * shared pointer). */
static int dup_into(char **dst, const char *src) {
    *dst = NULL;
    return !src || (*dst = hs_strdup(src)) != NULL;
}

static int extras_copy(hs_extras *dst, const hs_extras *src) {
    *dst = (hs_extras){NULL, 0, 0};
    if (!src->count) return 1;
    if (!(dst->items = hs_calloc((size_t)src->count, sizeof *dst->items))) return 0;
    dst->cap = src->count;
    for (int i = 0; i < src->count; i++) {
        dst->items[i] = src->items[i];
        if (!dup_into(&dst->items[i].value, src->items[i].value)) return 0;
        dst->count = i + 1;
    }
    return 1;
}

hs_error hs_model_copy(const hs_model *m, hs_model **out) {
    if (!m || !out) return hs_error_set(HS_EARG, "hs_model_copy: a NULL argument");
    hs_model *c = hs_calloc(1, sizeof *c);
    if (!c) return HS_ENOMEM;
    c->directed = m->directed;
    c->format = m->format;
    int ok = dup_into(&c->file, m->file) && dup_into(&c->name, m->name) && dup_into(&c->hub, m->hub) &&
             dup_into(&c->period, m->period) && dup_into(&c->graphml_namespaces, m->graphml_namespaces) &&
             extras_copy(&c->graph_extras, &m->graph_extras);
    for (int d = 0; ok && d < HS_DOMAIN_COUNT; d++) {
        if (!m->extra_key_count[d]) continue;
        ok = (c->extra_keys[d] = hs_calloc((size_t)m->extra_key_count[d], sizeof *c->extra_keys[d])) != NULL;
        for (int k = 0; ok && k < m->extra_key_count[d]; k++) {
            ok = dup_into(&c->extra_keys[d][k].name, m->extra_keys[d][k].name) &&
                 dup_into(&c->extra_keys[d][k].graphml_type, m->extra_keys[d][k].graphml_type);
            c->extra_key_count[d] = k + 1;
        }
    }
    if (ok && m->nv) ok = (c->v = hs_calloc(m->nv, sizeof *c->v)) != NULL;
    for (size_t i = 0; ok && i < m->nv; i++) {
        c->v[i] = m->v[i];
        c->v[i].id = c->v[i].label = c->v[i].issue = NULL;
        c->v[i].extras = (hs_extras){NULL, 0, 0};
        c->nv = c->cap_v = i + 1;
        ok = dup_into(&c->v[i].id, m->v[i].id) && dup_into(&c->v[i].label, m->v[i].label) &&
             dup_into(&c->v[i].issue, m->v[i].issue) && extras_copy(&c->v[i].extras, &m->v[i].extras);
    }
    if (ok && m->ne) ok = (c->e = hs_calloc(m->ne, sizeof *c->e)) != NULL;
    for (size_t i = 0; ok && i < m->ne; i++) {
        c->e[i] = m->e[i];
        c->e[i].id = c->e[i].source = c->e[i].label = NULL;
        c->e[i].extras = (hs_extras){NULL, 0, 0};
        c->ne = c->cap_e = i + 1;
        ok = dup_into(&c->e[i].id, m->e[i].id) && dup_into(&c->e[i].source, m->e[i].source) &&
             dup_into(&c->e[i].label, m->e[i].label) && extras_copy(&c->e[i].extras, &m->e[i].extras);
    }
    if (ok && m->nslots && (ok = (c->slots = hs_malloc(m->nslots * sizeof *c->slots)) != NULL)) {
        memcpy(c->slots, m->slots, m->nslots * sizeof *c->slots);
        c->nslots = m->nslots;
    }
    if (!ok) {
        hs_model_destroy(c);
        return hs_error_set(HS_ENOMEM, "out of memory");
    }
    *out = c;
    return HS_OK;
}

/* ---- errors naming elements -------------------------------------------------- */

void hs_model_describe(const hs_model *m, hs_domain domain, size_t index, char *buf, size_t size) {
    switch (domain) {
    case HS_DOMAIN_GRAPH:
        snprintf(buf, size, "graph");
        break;
    case HS_DOMAIN_NODE:
        snprintf(buf, size, "%s '%s'", m->v[index].type == HS_VERTEX_MECHANISM ? "mechanism" : "node",
                 m->v[index].id);
        break;
    default:
        snprintf(buf, size, "edge '%s %s %s'", m->v[m->e[index].from].id, m->directed ? "->" : "--",
                 m->v[m->e[index].to].id);
        break;
    }
}

static int element_line(const hs_model *m, hs_domain domain, size_t index) {
    if (domain == HS_DOMAIN_NODE) return m->v[index].line;
    if (domain == HS_DOMAIN_EDGE) return m->e[index].line;
    return 0;
}

#if defined(__GNUC__)
__attribute__((format(printf, 6, 0)))
#endif
static hs_error
report_v(const hs_model *m, const char *file, const char *code, int line, const char *element, const char *fmt,
         va_list ap) {
    char reason[768], where[64] = "";
    vsnprintf(reason, sizeof reason, fmt, ap);
    if (m->diag) return hs_diagnostics_add(m->diag, HS_SEVERITY_ERROR, code, file, line, element, "%s", reason);
    if (line > 0) snprintf(where, sizeof where, ":%d", line);
    return hs_error_set(HS_EINPUT, "%s%s: %s%s%s", file, where, element ? element : "", element ? ": " : "", reason);
}

static const char *current_file(const hs_model *m) { return m->origin_now ? m->origins[m->origin_now - 1] : m->file; }

hs_error hs_model_report(const hs_model *m, const char *code, int line, const char *element, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    hs_error err = report_v(m, current_file(m), code, line, element, fmt, ap);
    va_end(ap);
    return err;
}

hs_error hs_model_set_origin(hs_model *m, const char *file) {
    unsigned char k = 0;
    for (unsigned char i = 0; file && i < m->norigins && !k; i++) {
        if (strcmp(m->origins[i], file) == 0) k = (unsigned char)(i + 1);
    }
    if (file && !k) {
        if (m->norigins == sizeof m->origins / sizeof *m->origins)
            return hs_error_set(HS_EARG, "%s: more than %zu input files", m->file, sizeof m->origins / sizeof *m->origins);
        if (!(m->origins[m->norigins] = hs_strdup(file))) return HS_ENOMEM;
        k = ++m->norigins;
    }
    m->origin_now = k;
    return HS_OK;
}

const char *hs_model_element_file(const hs_model *m, hs_domain domain, size_t index) {
    unsigned char k = 0;
    if (domain == HS_DOMAIN_NODE) {
        k = m->v[index].origin;
    } else if (domain == HS_DOMAIN_EDGE) {
        for (size_t r = 0; r < m->nedge_origins && m->edge_origins[r].first <= index; r++) k = m->edge_origins[r].origin;
    }
    return k ? m->origins[k - 1] : m->file;
}

hs_error hs_model_error(const hs_model *m, hs_domain domain, size_t index, const char *code, const char *fmt, ...) {
    char what[512];
    hs_model_describe(m, domain, index, what, sizeof what);
    va_list ap;
    va_start(ap, fmt);
    hs_error err = report_v(m, hs_model_element_file(m, domain, index), code, element_line(m, domain, index), what,
                            fmt, ap);
    va_end(ap);
    return err;
}

hs_error hs_model_add_note(hs_model *m, const char *name, int line, size_t nodes, size_t edges, const char *attrs) {
    hs_subgraph_note *notes = hs_realloc(m->notes, (m->nnotes + 1) * sizeof *notes);
    if (!notes) return HS_ENOMEM;
    m->notes = notes;
    hs_subgraph_note *n = &notes[m->nnotes];
    *n = (hs_subgraph_note){hs_strdup(name), line, nodes, edges, attrs && attrs[0] ? hs_strdup(attrs) : NULL};
    if (!n->name || (attrs && attrs[0] && !n->attrs)) {
        free(n->name);
        free(n->attrs);
        return HS_ENOMEM;
    }
    m->nnotes++;
    return HS_OK;
}

hs_error hs_model_add_redefinition(hs_model *m, hs_domain domain, const char *element, const char *attr,
                                   const char *first, const char *value, int line) {
    hs_redefinition *rs = hs_realloc(m->redefinitions, (m->nredefinitions + 1) * sizeof *rs);
    if (!rs) return HS_ENOMEM;
    m->redefinitions = rs;
    hs_redefinition *r = &rs[m->nredefinitions];
    *r = (hs_redefinition){domain, hs_strdup(element), hs_strdup(attr), hs_strdup(first), hs_strdup(value), line};
    if (!r->element || !r->attr || !r->first || !r->value) {
        free(r->element);
        free(r->attr);
        free(r->first);
        free(r->value);
        return HS_ENOMEM;
    }
    m->nredefinitions++;
    return HS_OK;
}

/* ---- the id index -------------------------------------------------------------- */

static size_t hash_id(const char *s) {
    size_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static hs_error index_grow(hs_model *m) {
    size_t n = m->nslots ? m->nslots * 2 : 64;
    uint32_t *slots = hs_calloc(n, sizeof *slots);
    if (!slots) return HS_ENOMEM;
    for (size_t i = 0; i < m->nv; i++) {
        size_t h = hash_id(m->v[i].id) & (n - 1);
        while (slots[h]) h = (h + 1) & (n - 1);
        slots[h] = (uint32_t)(i + 1);
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = n;
    return HS_OK;
}

long hs_model_find(const hs_model *m, const char *id) {
    if (!m->nslots) return -1;
    size_t h = hash_id(id) & (m->nslots - 1);
    while (m->slots[h]) {
        size_t i = m->slots[h] - 1;
        if (strcmp(m->v[i].id, id) == 0) return (long)i;
        h = (h + 1) & (m->nslots - 1);
    }
    return -1;
}

/* ---- load limits ------------------------------------------------------------ */

/* Process-wide, like the helper path: the readers check them as each vertex
 * and edge arrives, so that a hostile file is refused before it has taken
 * more memory than a model of the limit's size. */
static size_t max_vertices = HS_DEFAULT_MAX_STATES, max_edges = HS_DEFAULT_MAX_TIES;

void hs_set_load_limits(size_t max_states, size_t max_ties) {
    max_vertices = max_states;
    max_edges = max_ties;
}

void hs_get_load_limits(size_t *max_states, size_t *max_ties) {
    if (max_states) *max_states = max_vertices;
    if (max_ties) *max_ties = max_edges;
}

static hs_error over_limit(const hs_model *m, int line, size_t limit, const char *what) {
    char where[32] = "";
    if (line > 0) snprintf(where, sizeof where, ":%d", line);
    return hs_error_set(HS_ELIMIT, "%s%s: more than %zu %s (the load limit)", m->file, where, limit, what);
}

hs_error hs_model_add_vertex(hs_model *m, const char *id, int line, size_t *index) {
    if (max_vertices && m->nv >= max_vertices)
        return over_limit(m, line, max_vertices, "states and mechanisms");
    if (m->nv >= UINT32_MAX - 1) return hs_error_set(HS_EINPUT, "%s: more than %u vertices", m->file, UINT32_MAX - 1);
    long found = hs_model_find(m, id);
    if (found >= 0) {
        char first[600] = "";
        if (m->v[found].origin != m->origin_now)
            snprintf(first, sizeof first, " (first at %.500s%s%.0d)", hs_model_element_file(m, HS_DOMAIN_NODE, (size_t)found),
                     m->v[found].line > 0 ? ":" : "", m->v[found].line);
        else if (m->v[found].line > 0)
            snprintf(first, sizeof first, " (first at line %d)", m->v[found].line);
        hs_error err = hs_model_report(m, "duplicate-id", line, NULL, "duplicate id '%s'%s", id, first);
        /* Collecting: the second declaration's attributes go to the first. */
        if (!err && index) *index = (size_t)found;
        return err;
    }
    if ((m->nv + 1) * 2 > m->nslots && index_grow(m) != HS_OK) return HS_ENOMEM;
    if (m->nv == m->cap_v) {
        size_t cap = m->cap_v ? m->cap_v * 2 : 16;
        hs_vertex *v = hs_realloc(m->v, cap * sizeof *v);
        if (!v) return HS_ENOMEM;
        m->v = v;
        m->cap_v = cap;
    }
    hs_vertex *v = &m->v[m->nv];
    memset(v, 0, sizeof *v);
    v->id = hs_strdup(id);
    if (!v->id) return HS_ENOMEM;
    v->type = HS_VERTEX_STATE;
    v->role = HS_ROLE_UNSET;
    v->since = HS_SINCE_OPEN;
    v->until = HS_UNTIL_OPEN;
    v->kind = HS_KIND_UNSET;
    v->scope = HS_SCOPE_UNSET;
    v->weight = NAN;
    v->amount = NAN;
    v->line = line;
    v->origin = m->origin_now;
    size_t h = hash_id(id) & (m->nslots - 1);
    while (m->slots[h]) h = (h + 1) & (m->nslots - 1);
    m->slots[h] = (uint32_t)(m->nv + 1);
    if (index) *index = m->nv;
    m->nv++;
    return HS_OK;
}

hs_error hs_model_ensure_vertex(hs_model *m, const char *id, int line, size_t *index) {
    long found = hs_model_find(m, id);
    if (found >= 0) {
        *index = (size_t)found;
        return HS_OK;
    }
    return hs_model_add_vertex(m, id, line, index);
}

hs_error hs_model_add_edge(hs_model *m, size_t from, size_t to, const char *id, int line,
                           size_t *index) {
    if (max_edges && m->ne >= max_edges) return over_limit(m, line, max_edges, "ties");
    unsigned char was = m->nedge_origins ? m->edge_origins[m->nedge_origins - 1].origin : 0;
    if (m->origin_now != was) {
        struct hs_edge_origin *r = hs_realloc(m->edge_origins, (m->nedge_origins + 1) * sizeof *r);
        if (!r) return HS_ENOMEM;
        m->edge_origins = r;
        r[m->nedge_origins++] = (struct hs_edge_origin){m->ne, m->origin_now};
    }
    if (m->ne == m->cap_e) {
        size_t cap = m->cap_e ? m->cap_e * 2 : 16;
        hs_edge *e = hs_realloc(m->e, cap * sizeof *e);
        if (!e) return HS_ENOMEM;
        m->e = e;
        m->cap_e = cap;
    }
    hs_edge *e = &m->e[m->ne];
    memset(e, 0, sizeof *e);
    e->from = (uint32_t)from;
    e->to = (uint32_t)to;
    e->kind = HS_KIND_UNSET;
    e->since = HS_SINCE_OPEN;
    e->until = HS_UNTIL_OPEN;
    e->weight = NAN;
    e->amount = NAN;
    e->depends = HS_DEPENDS_UNSET;
    e->line = line;
    if (id && !(e->id = hs_strdup(id))) return HS_ENOMEM;
    if (index) *index = m->ne;
    m->ne++;
    return HS_OK;
}

/* ---- attributes ------------------------------------------------------------------- */

static hs_error parse_year(const hs_model *m, hs_domain d, size_t i, const char *name,
                           const char *text, int *year) {
    const char *p = text;
    while (*p == ' ' || *p == '\t') p++;
    char *end;
    errno = 0;
    long y = strtol(p, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (end == p || *end != '\0' || errno == ERANGE)
        return hs_model_error(m, d, i, "bad-year", "%s '%s' is not an integer year", name, text);
    if (y < HS_YEAR_FIRST || y > HS_YEAR_LAST)
        return hs_model_error(m, d, i, "year-out-of-range", "%s %ld is out of range [%d, %d]", name, y, HS_YEAR_FIRST,
                              HS_YEAR_LAST);
    *year = (int)y;
    return HS_OK;
}

static hs_error parse_weight(const hs_model *m, hs_domain d, size_t i, const char *text,
                             double *weight) {
    char *end;
    errno = 0;
    double w = strtod(text, &end);
    while (*end == ' ' || *end == '\t') end++;
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(w))
        return hs_model_error(m, d, i, "bad-weight", "weight '%s' is not a number", text);
    if (!(w > 0.0 && w <= 1.0))
        return hs_model_error(m, d, i, "weight-out-of-range", "weight %s is out of range (0, 1]", text);
    *weight = w;
    return HS_OK;
}

/* A ratio-scale magnitude (troops, a transfer's value, a count of
 * agreements): any positive finite number, no upper bound. */
static hs_error parse_amount(const hs_model *m, hs_domain d, size_t i, const char *text, double *amount) {
    char *end;
    errno = 0;
    double a = strtod(text, &end);
    while (*end == ' ' || *end == '\t') end++;
    if (end == text || *end != '\0' || errno == ERANGE || !isfinite(a))
        return hs_model_error(m, d, i, "bad-amount", "amount '%s' is not a number", text);
    if (!(a > 0.0)) return hs_model_error(m, d, i, "amount-out-of-range", "amount %s is not positive", text);
    *amount = a;
    return HS_OK;
}

/* One bound of a spell: empty is open. */
static int spell_bound(const char *p, size_t len, int open, int *year) {
    if (len == 0) {
        *year = open;
        return 1;
    }
    char buf[16];
    if (len >= sizeof buf) return 0;
    memcpy(buf, p, len);
    buf[len] = '\0';
    char *end;
    errno = 0;
    long y = strtol(buf, &end, 10);
    if (end == buf || *end || errno || y < HS_YEAR_FIRST || y > HS_YEAR_LAST) return 0;
    *year = (int)y;
    return 1;
}

/* "1816:1943 1944:2017": spells [since, until) separated by blanks or commas,
 * in increasing order, not overlapping. */
static hs_error parse_spells(hs_model *m, size_t i, const char *text) {
    const hs_domain d = HS_DOMAIN_NODE;
    size_t cap = 1;
    for (const char *p = text; *p; p++) cap += *p == ':';
    int *pairs = hs_malloc(2 * cap * sizeof *pairs);
    if (!pairs) return HS_ENOMEM;
    size_t n = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == ',') p++;
        if (!*p) break;
        size_t len = strcspn(p, " \t,");
        const char *colon = memchr(p, ':', len);
        int since, until;
        if (!colon || memchr(colon + 1, ':', len - (size_t)(colon + 1 - p)) || n == cap ||
            !spell_bound(p, (size_t)(colon - p), HS_SINCE_OPEN, &since) ||
            !spell_bound(colon + 1, len - (size_t)(colon + 1 - p), HS_UNTIL_OPEN, &until)) {
            free(pairs);
            return hs_model_error(m, d, i, "bad-spells", "spells: '%.*s' is not SINCE:UNTIL with years in [%d, %d]", (int)len, p,
                                  HS_YEAR_FIRST, HS_YEAR_LAST);
        }
        if (since != HS_SINCE_OPEN && until != HS_UNTIL_OPEN && since >= until) {
            free(pairs);
            return hs_model_error(m, d, i, "bad-spells", "spells: '%.*s' is empty (until is the first year no longer active)",
                                  (int)len, p);
        }
        if (n && (pairs[2 * n - 1] == HS_UNTIL_OPEN || since == HS_SINCE_OPEN || since < pairs[2 * n - 1])) {
            free(pairs);
            return hs_model_error(m, d, i, "bad-spells", "spells: '%.*s' overlaps or precedes the spell before it", (int)len, p);
        }
        pairs[2 * n] = since;
        pairs[2 * n + 1] = until;
        n++;
        p += len;
    }
    if (!n) {
        free(pairs);
        return hs_model_error(m, d, i, "bad-spells", "spells: no spell in '%s'", text);
    }
    free(m->v[i].spells);
    m->v[i].spells = pairs;
    m->v[i].nspells = (int)n;
    return HS_OK;
}

/* `depends` names the end that depends on the other, or says "mutual". */
static hs_error parse_depends(const hs_model *m, size_t i, const char *text) {
    hs_edge *e = &m->e[i];
    if (strcmp(text, "mutual") == 0) e->depends = HS_DEPENDS_MUTUAL;
    else if (strcmp(text, m->v[e->from].id) == 0) e->depends = HS_DEPENDS_FROM;
    else if (strcmp(text, m->v[e->to].id) == 0) e->depends = HS_DEPENDS_TO;
    else
        return hs_model_error(m, HS_DOMAIN_EDGE, i, "bad-depends", "depends '%s' names neither end of the tie ('%s', '%s') nor 'mutual'",
                              text, m->v[e->from].id, m->v[e->to].id);
    return HS_OK;
}

int hs_vertex_active_in(const hs_model *m, size_t i, int year) {
    const hs_vertex *v = &m->v[i];
    if (!v->spells) return hs_span_active(v->since, v->until, year);
    for (int k = 0; k < v->nspells; k++) {
        if (hs_span_active(v->spells[2 * k], v->spells[2 * k + 1], year)) return 1;
    }
    return 0;
}

static hs_error set_string(char **slot, const char *value) {
    char *copy = hs_strdup(value);
    if (!copy) return HS_ENOMEM;
    free(*slot);
    *slot = copy;
    return HS_OK;
}

static hs_error extra_key_index(hs_model *m, hs_domain d, const char *name, const char *type,
                                int *key) {
    for (int k = 0; k < m->extra_key_count[d]; k++) {
        if (strcmp(m->extra_keys[d][k].name, name) == 0) {
            *key = k;
            return HS_OK;
        }
    }
    hs_extra_key *keys = hs_realloc(m->extra_keys[d], (size_t)(m->extra_key_count[d] + 1) * sizeof *keys);
    if (!keys) return HS_ENOMEM;
    m->extra_keys[d] = keys;
    hs_extra_key *nk = &keys[m->extra_key_count[d]];
    nk->name = hs_strdup(name);
    nk->graphml_type = type ? hs_strdup(type) : NULL;
    if (!nk->name || (type && !nk->graphml_type)) {
        free(nk->name);
        free(nk->graphml_type);
        return HS_ENOMEM;
    }
    *key = m->extra_key_count[d]++;
    return HS_OK;
}

static hs_error set_extra(hs_model *m, hs_domain d, hs_extras *x, const char *name,
                          const char *value, const char *type, int raw_xml) {
    int key;
    hs_error err = extra_key_index(m, d, name, type, &key);
    if (err) return err;
    for (int i = 0; i < x->count; i++) {
        if (x->items[i].key == key) {
            x->items[i].raw_xml = raw_xml;
            return set_string(&x->items[i].value, value);
        }
    }
    if (x->count == x->cap) {
        int cap = x->cap ? x->cap * 2 : 4;
        hs_extra *items = hs_realloc(x->items, (size_t)cap * sizeof *items);
        if (!items) return HS_ENOMEM;
        x->items = items;
        x->cap = cap;
    }
    char *copy = hs_strdup(value);
    if (!copy) return HS_ENOMEM;
    x->items[x->count++] = (hs_extra){key, copy, raw_xml};
    return HS_OK;
}

static hs_error set_vertex_attr(hs_model *m, size_t i, const char *name, const char *value) {
    hs_vertex *v = &m->v[i];
    const hs_domain d = HS_DOMAIN_NODE;
    if (strcmp(name, "label") == 0) {
        /* Graphviz's "\N" stands for the node's own name: no label of its own. */
        return strcmp(value, "\\N") == 0 ? HS_OK : set_string(&v->label, value);
    }
    if (strcmp(name, "type") == 0) {
        if (strcmp(value, "state") == 0) v->type = HS_VERTEX_STATE;
        else if (strcmp(value, "mechanism") == 0) v->type = HS_VERTEX_MECHANISM;
        else return hs_model_error(m, d, i, "unknown-value", "unknown type '%s' (expected state or mechanism)", value);
        return HS_OK;
    }
    if (strcmp(name, "role") == 0) {
        hs_role role = hs_role_parse(value);
        if (role == HS_ROLE_UNSET)
            return hs_model_error(m, d, i, "unknown-value", "unknown role '%s' (expected hub, ally, partner or other)",
                                  value);
        v->role = (signed char)role;
        return HS_OK;
    }
    if (strcmp(name, "since") == 0) return parse_year(m, d, i, "since", value, &v->since);
    if (strcmp(name, "until") == 0) return parse_year(m, d, i, "until", value, &v->until);
    if (strcmp(name, "kind") == 0) {
        /* A refused value leaves the attribute as it was (the builder's callers may go on). */
        hs_kind kind = hs_kind_parse(value);
        if (kind == HS_KIND_UNSET || kind == HS_KIND_MEMBER)
            return hs_model_error(m, d, i, "unknown-value",
                                  "unknown kind '%s' (expected treaty, access, intelligence, technology, "
                                  "exercise, partnership or dialogue)", value);
        v->kind = (signed char)kind;
        return HS_OK;
    }
    if (strcmp(name, "scope") == 0) {
        hs_scope scope = hs_scope_parse(value);
        if (scope == HS_SCOPE_UNSET)
            return hs_model_error(m, d, i, "unknown-value", "unknown scope '%s' (expected issue or broad)", value);
        v->scope = (signed char)scope;
        return HS_OK;
    }
    if (strcmp(name, "issue") == 0) return set_string(&v->issue, value);
    if (strcmp(name, "spells") == 0) return parse_spells(m, i, value);
    if (strcmp(name, "amount") == 0) return parse_amount(m, d, i, value, &v->amount);
    return parse_weight(m, d, i, value, &v->weight);
}

static hs_error set_edge_attr(hs_model *m, size_t i, const char *name, const char *value) {
    hs_edge *e = &m->e[i];
    const hs_domain d = HS_DOMAIN_EDGE;
    if (strcmp(name, "kind") == 0) {
        hs_kind kind = hs_kind_parse(value);
        if (kind == HS_KIND_UNSET)
            return hs_model_error(m, d, i, "unknown-value",
                                  "unknown kind '%s' (expected treaty, access, intelligence, technology, "
                                  "exercise, partnership, dialogue or member)", value);
        e->kind = kind;
        return HS_OK;
    }
    if (strcmp(name, "weight") == 0) return parse_weight(m, d, i, value, &e->weight);
    if (strcmp(name, "amount") == 0) return parse_amount(m, d, i, value, &e->amount);
    if (strcmp(name, "depends") == 0) return parse_depends(m, i, value);
    if (strcmp(name, "since") == 0) return parse_year(m, d, i, "since", value, &e->since);
    if (strcmp(name, "until") == 0) return parse_year(m, d, i, "until", value, &e->until);
    if (strcmp(name, "source") == 0) return set_string(&e->source, value);
    return set_string(&e->label, value);
}

static hs_error set_graph_attr(hs_model *m, const char *name, const char *value) {
    if (strcmp(name, "hub") == 0) return set_string(&m->hub, value);
    return set_string(&m->period, value);
}

static const char *const schema_attrs[HS_DOMAIN_COUNT][12] = {
    [HS_DOMAIN_GRAPH] = {"hub", "period", NULL},
    [HS_DOMAIN_NODE] = {"label", "type", "role", "since", "until", "spells", "kind", "scope", "issue", "weight",
                        "amount", NULL},
    [HS_DOMAIN_EDGE] = {"kind", "weight", "amount", "depends", "since", "until", "source", "label", NULL},
};

static int is_schema_attr(hs_domain domain, const char *name) {
    for (const char *const *a = schema_attrs[domain]; *a; a++) {
        if (strcmp(*a, name) == 0) return 1;
    }
    return 0;
}

hs_error hs_model_set_attr(hs_model *m, hs_domain domain, size_t index, const char *name,
                           const char *value, const char *graphml_type, int raw_xml) {
    if (!is_schema_attr(domain, name)) {
        hs_extras *x = domain == HS_DOMAIN_NODE   ? &m->v[index].extras
                       : domain == HS_DOMAIN_EDGE ? &m->e[index].extras
                                                  : &m->graph_extras;
        return set_extra(m, domain, x, name, value, graphml_type, raw_xml);
    }
    if (raw_xml) {
        return domain == HS_DOMAIN_GRAPH
                   ? hs_model_report(m, "markup-value", 0, NULL, "graph attribute '%s' holds XML markup, not text", name)
                   : hs_model_error(m, domain, index, "markup-value", "attribute '%s' holds XML markup, not text", name);
    }
    /* An empty value means "absent": DOT gives "" to every object for an
     * attribute declared on any of them. */
    if (value[0] == '\0') return HS_OK;
    if (domain == HS_DOMAIN_NODE) return set_vertex_attr(m, index, name, value);
    if (domain == HS_DOMAIN_EDGE) return set_edge_attr(m, index, name, value);
    return set_graph_attr(m, name, value);
}

/* ---- whole-file checks --------------------------------------------------------------- */

static hs_error check_span(const hs_model *m, hs_domain d, size_t i, int since, int until) {
    if (since != HS_SINCE_OPEN && until != HS_UNTIL_OPEN && since >= until)
        return hs_model_error(m, d, i, since > until ? "reversed-span" : "empty-span",
                              since > until ? "since %d > until %d"
                                            : "since %d = until %d: the span is empty (until is the first year no longer active)",
                              since, until);
    return HS_OK;
}

static hs_error check_vertex(const hs_model *m, size_t i) {
    const hs_vertex *v = &m->v[i];
    hs_error err = check_span(m, HS_DOMAIN_NODE, i, v->since, v->until);
    if (err) return err;
    if (v->type == HS_VERTEX_STATE) {
        const char *misplaced = v->kind != HS_KIND_UNSET ? "kind"
                                : v->scope != HS_SCOPE_UNSET ? "scope"
                                : v->issue                   ? "issue"
                                : !isnan(v->weight)          ? "weight"
                                : !isnan(v->amount)          ? "amount"
                                                             : NULL;
        if (misplaced)
            return hs_model_error(m, HS_DOMAIN_NODE, i, "mechanism-attribute",
                                  "attribute '%s' applies to mechanisms only (set type=mechanism)", misplaced);
        if (v->spells && (v->since != HS_SINCE_OPEN || v->until != HS_UNTIL_OPEN))
            return hs_model_error(m, HS_DOMAIN_NODE, i, "spells-and-span", "a state has either spells or since/until, not both");
    } else if (v->role != HS_ROLE_UNSET) {
        return hs_model_error(m, HS_DOMAIN_NODE, i, "mechanism-role", "a mechanism has no role (role=%s)",
                              hs_role_name(v->role));
    } else if (v->spells) {
        return hs_model_error(m, HS_DOMAIN_NODE, i, "mechanism-attribute", "attribute 'spells' applies to states only (use since/until)");
    }
    return HS_OK;
}

static hs_error check_edge(hs_model *m, size_t i) {
    hs_edge *e = &m->e[i];
    hs_error err = check_span(m, HS_DOMAIN_EDGE, i, e->since, e->until);
    if (err) return err;
    int from_mech = m->v[e->from].type == HS_VERTEX_MECHANISM;
    int to_mech = m->v[e->to].type == HS_VERTEX_MECHANISM;
    /* In an undirected file the mechanism may be written first. */
    if (!m->directed && from_mech && !to_mech) {
        uint32_t t = e->from;
        e->from = e->to;
        e->to = t;
        from_mech = 0;
        to_mech = 1;
    }
    if (e->kind == HS_KIND_UNSET && to_mech) e->kind = HS_KIND_MEMBER;
    if (e->kind == HS_KIND_MEMBER && (e->depends != HS_DEPENDS_UNSET || !isnan(e->amount)))
        return hs_model_error(m, HS_DOMAIN_EDGE, i, "member-attribute", "attribute '%s' applies to ties between states, not to membership",
                              e->depends != HS_DEPENDS_UNSET ? "depends" : "amount");
    /* An arc a -> b already says that a depends on b. */
    if (m->directed && e->depends == HS_DEPENDS_TO)
        return hs_model_error(m, HS_DOMAIN_EDGE, i, "bad-depends",
                              "depends '%s' contradicts the arc, which says that '%s' depends on '%s' (docs/schema.md)",
                              m->v[e->to].id, m->v[e->from].id, m->v[e->to].id);
    if (e->kind == HS_KIND_MEMBER) {
        if (!to_mech)
            return hs_model_error(m, HS_DOMAIN_EDGE, i, "member-edge",
                                  "a member edge must end at a mechanism, and '%s' is not one (type=mechanism)",
                                  m->v[e->to].id);
        if (from_mech)
            return hs_model_error(m, HS_DOMAIN_EDGE, i, "member-edge", "a member edge must start at a state, and '%s' is a mechanism",
                                  m->v[e->from].id);
    } else if (from_mech || to_mech) {
        return hs_model_error(m, HS_DOMAIN_EDGE, i, "tie-to-mechanism",
                              "a tie of kind %s cannot involve mechanism '%s' (use kind=member for membership)",
                              hs_kind_name(e->kind), m->v[from_mech ? e->from : e->to].id);
    }
    return HS_OK;
}

/* Give back the doubling slack of the element arrays. */
static void shrink_to_fit(hs_model *m) {
    if (m->nv && m->nv < m->cap_v) {
        hs_vertex *v = realloc(m->v, m->nv * sizeof *v);
        if (v) m->v = v, m->cap_v = m->nv;
    }
    if (m->ne && m->ne < m->cap_e) {
        hs_edge *e = realloc(m->e, m->ne * sizeof *e);
        if (e) m->e = e, m->cap_e = m->ne;
    }
}

hs_error hs_model_finish(hs_model *m) {
    hs_error err;
    shrink_to_fit(m);
    for (size_t i = 0; i < m->nv; i++) {
        if ((err = check_vertex(m, i))) return err;
    }
    for (size_t i = 0; i < m->ne; i++) {
        if ((err = check_edge(m, i))) return err;
    }
    if (m->hub) {
        long h = hs_model_find(m, m->hub);
        if (h < 0) {
            /* The id it most likely means: the same but for case, else one edit away. */
            const char *near = NULL;
            for (size_t i = 0; i < m->nv && !near; i++)
                if (m->v[i].type == HS_VERTEX_STATE && hs_osa_distance(m->v[i].id, m->hub, 1, 0) == 0) near = m->v[i].id;
            for (size_t i = 0; i < m->nv && !near && strlen(m->hub) >= 3; i++)
                if (m->v[i].type == HS_VERTEX_STATE && strlen(m->v[i].id) >= 3 &&
                    hs_osa_distance(m->v[i].id, m->hub, 0, 1) <= 1)
                    near = m->v[i].id;
            return near ? hs_model_report(m, "unknown-hub", 0, NULL,
                                          "graph attribute hub='%s' names no node (did you mean '%s'?)", m->hub, near)
                        : hs_model_report(m, "unknown-hub", 0, NULL, "graph attribute hub='%s' names no node", m->hub);
        }
        if (m->v[h].type != HS_VERTEX_STATE)
            return hs_model_report(m, "unknown-hub", 0, NULL, "graph attribute hub='%s' names a mechanism, not a state",
                                   m->hub);
    }
    return HS_OK;
}

/* ---- accessors ---------------------------------------------------------------------- */

const char *hs_model_file(const hs_model *m) { return m->file; }
int hs_model_directed(const hs_model *m) { return m->directed; }
hs_format hs_model_format(const hs_model *m) { return m->format; }
const char *hs_model_name(const hs_model *m) { return m->name; }
const char *hs_model_hub(const hs_model *m) { return m->hub; }
const char *hs_model_period(const hs_model *m) { return m->period; }

const char *hs_model_graph_attr(const hs_model *m, const char *name) {
    if (strcmp(name, "hub") == 0) return m->hub;
    if (strcmp(name, "period") == 0) return m->period;
    for (int i = 0; i < m->graph_extras.count; i++) {
        const hs_extra *x = &m->graph_extras.items[i];
        if (!x->raw_xml && strcmp(m->extra_keys[HS_DOMAIN_GRAPH][x->key].name, name) == 0) return x->value;
    }
    return NULL;
}
size_t hs_model_vertex_count(const hs_model *m) { return m->nv; }
size_t hs_model_edge_count(const hs_model *m) { return m->ne; }

const char *hs_vertex_id(const hs_model *m, size_t i) { return m->v[i].id; }
const char *hs_vertex_label(const hs_model *m, size_t i) { return m->v[i].label; }
hs_vertex_type hs_vertex_type_of(const hs_model *m, size_t i) { return m->v[i].type; }
hs_role hs_vertex_role(const hs_model *m, size_t i) { return m->v[i].role; }
int hs_vertex_since(const hs_model *m, size_t i) { return m->v[i].since; }
int hs_vertex_until(const hs_model *m, size_t i) { return m->v[i].until; }
hs_kind hs_vertex_kind(const hs_model *m, size_t i) { return m->v[i].kind; }
hs_scope hs_vertex_scope(const hs_model *m, size_t i) { return m->v[i].scope; }
const char *hs_vertex_issue(const hs_model *m, size_t i) { return m->v[i].issue; }
double hs_vertex_weight(const hs_model *m, size_t i) { return m->v[i].weight; }
double hs_vertex_amount(const hs_model *m, size_t i) { return m->v[i].amount; }
size_t hs_vertex_spell_count(const hs_model *m, size_t i) { return (size_t)m->v[i].nspells; }
void hs_vertex_spell(const hs_model *m, size_t i, size_t k, int *since, int *until) {
    *since = m->v[i].spells[2 * k];
    *until = m->v[i].spells[2 * k + 1];
}

size_t hs_edge_from(const hs_model *m, size_t i) { return m->e[i].from; }
size_t hs_edge_to(const hs_model *m, size_t i) { return m->e[i].to; }
hs_kind hs_edge_kind(const hs_model *m, size_t i) { return m->e[i].kind; }
double hs_edge_weight(const hs_model *m, size_t i) { return m->e[i].weight; }
double hs_edge_amount(const hs_model *m, size_t i) { return m->e[i].amount; }
hs_depends hs_edge_depends(const hs_model *m, size_t i) { return (hs_depends)m->e[i].depends; }
int hs_edge_since(const hs_model *m, size_t i) { return m->e[i].since; }
int hs_edge_until(const hs_model *m, size_t i) { return m->e[i].until; }
const char *hs_edge_source(const hs_model *m, size_t i) { return m->e[i].source; }
const char *hs_edge_label(const hs_model *m, size_t i) { return m->e[i].label; }

/* ---- the schema as text, for the writers ---------------------------------------- */

const char *const *hs_schema_attr_names(hs_domain domain) { return schema_attrs[domain]; }

const char *hs_schema_attr_type(const char *name) {
    if (strcmp(name, "since") == 0 || strcmp(name, "until") == 0) return "int";
    if (strcmp(name, "weight") == 0 || strcmp(name, "amount") == 0) return "double";
    return "string";
}

static hs_error emit(hs_attr_fn fn, void *ctx, const char *name, const char *value) {
    return value ? fn(ctx, name, value, hs_schema_attr_type(name)) : HS_OK;
}

static hs_error emit_year(hs_attr_fn fn, void *ctx, const char *name, int year, int open) {
    char buf[16];
    if (year == open) return HS_OK;
    snprintf(buf, sizeof buf, "%d", year);
    return fn(ctx, name, buf, "int");
}

static hs_error emit_number(hs_attr_fn fn, void *ctx, const char *name, double w) {
    char buf[40];
    if (isnan(w)) return HS_OK;
    hs_format_double(buf, sizeof buf, w);
    return fn(ctx, name, buf, "double");
}

static hs_error emit_weight(hs_attr_fn fn, void *ctx, double w) { return emit_number(fn, ctx, "weight", w); }

hs_error hs_spell_text(hs_buf *b, int since, int until) {
    hs_error err = b->len ? hs_buf_puts(b, " ") : HS_OK;
    if (!err && since != HS_SINCE_OPEN) err = hs_buf_printf(b, "%d", since);
    if (!err) err = hs_buf_puts(b, ":");
    if (!err && until != HS_UNTIL_OPEN) err = hs_buf_printf(b, "%d", until);
    return err;
}

static hs_error emit_spells(hs_attr_fn fn, void *ctx, const hs_vertex *v) {
    if (!v->spells) return HS_OK;
    hs_buf b = {0};
    hs_error err = HS_OK;
    for (int k = 0; k < v->nspells && !err; k++) err = hs_spell_text(&b, v->spells[2 * k], v->spells[2 * k + 1]);
    if (!err) err = fn(ctx, "spells", b.data, "string");
    hs_buf_free(&b);
    return err;
}

static const char *depends_text(const hs_model *m, const hs_edge *e) {
    switch (e->depends) {
    case HS_DEPENDS_FROM: return m->v[e->from].id;
    case HS_DEPENDS_TO: return m->v[e->to].id;
    case HS_DEPENDS_MUTUAL: return "mutual";
    default: return NULL;
    }
}

hs_error hs_model_each_schema_attr(const hs_model *m, hs_domain domain, size_t index, hs_attr_fn fn,
                                   void *ctx) {
    hs_error err;
    if (domain == HS_DOMAIN_GRAPH) {
        if ((err = emit(fn, ctx, "hub", m->hub))) return err;
        return emit(fn, ctx, "period", m->period);
    }
    if (domain == HS_DOMAIN_NODE) {
        const hs_vertex *v = &m->v[index];
        if ((err = emit(fn, ctx, "label", v->label)) ||
            (err = emit(fn, ctx, "type", v->type == HS_VERTEX_MECHANISM ? "mechanism" : NULL)) ||
            (err = emit(fn, ctx, "role", v->role == HS_ROLE_UNSET ? NULL : hs_role_name(v->role))) ||
            (err = emit_year(fn, ctx, "since", v->since, HS_SINCE_OPEN)) ||
            (err = emit_year(fn, ctx, "until", v->until, HS_UNTIL_OPEN)) || (err = emit_spells(fn, ctx, v)) ||
            (err = emit(fn, ctx, "kind", v->kind == HS_KIND_UNSET ? NULL : hs_kind_name(v->kind))) ||
            (err = emit(fn, ctx, "scope", v->scope == HS_SCOPE_UNSET ? NULL : hs_scope_name(v->scope))) ||
            (err = emit(fn, ctx, "issue", v->issue)) || (err = emit_weight(fn, ctx, v->weight)))
            return err;
        return emit_number(fn, ctx, "amount", v->amount);
    }
    const hs_edge *e = &m->e[index];
    if ((err = emit(fn, ctx, "kind", e->kind == HS_KIND_UNSET ? NULL : hs_kind_name(e->kind))) ||
        (err = emit_weight(fn, ctx, e->weight)) || (err = emit_number(fn, ctx, "amount", e->amount)) ||
        (err = emit(fn, ctx, "depends", depends_text(m, e))) ||
        (err = emit_year(fn, ctx, "since", e->since, HS_SINCE_OPEN)) ||
        (err = emit_year(fn, ctx, "until", e->until, HS_UNTIL_OPEN)) || (err = emit(fn, ctx, "source", e->source)))
        return err;
    return emit(fn, ctx, "label", e->label);
}
