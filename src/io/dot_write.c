/* DOT writer of hubspoke's own: libhubspoke links igraph and so may not link
 * Graphviz (README, "Licensing"). Every ID and value is quoted, so any text
 * survives except an odd run of backslashes before a quote, a line end or
 * the end, and a line end alone between quotes, which cgraph cannot read
 * back: those are refused. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "io/io_internal.h"

/* cgraph's lexer reads "\\" as two backslashes, "\"" as a quote and a
 * backslash before a line end as a line continuation, so an odd run of
 * backslashes cannot come before a quote, a line end or the closing quote.
 * It also drops a single line end that has a quote on both sides (counting
 * the delimiting quotes): "\n" reads as "", "a\"\n" as a" (found by the
 * round-trip property test; Graphviz 2.42 and dot -Tcanon alike). */
static int dot_can_hold(const char *s) {
    const char *start = s;
    for (const char *nl = strchr(s, '\n'); nl; nl = strchr(nl + 1, '\n')) {
        if ((nl == start || nl[-1] == '"') && (nl[1] == '"' || nl[1] == '\0')) return 0;
    }
    size_t run = 0;
    for (;; s++) {
        if (*s == '\\') {
            run++;
            continue;
        }
        if (run % 2 == 1 && (*s == '"' || *s == '\n' || *s == '\0')) return 0;
        if (*s == '\0') return 1;
        run = 0;
    }
}

static hs_error put_quoted(hs_buf *b, const char *s) {
    if (!dot_can_hold(s)) {
        char shown[64];
        snprintf(shown, sizeof shown, "%.60s", s);
        return hs_error_set(HS_EINPUT,
                            "'%s': DOT cannot hold an odd run of backslashes before a quote, a line end or the end of a "
                            "string, nor a line end alone between quotes",
                            shown);
    }
    hs_error err = hs_buf_puts(b, "\"");
    for (; *s && !err; s++) err = *s == '"' ? hs_buf_puts(b, "\\\"") : hs_buf_append(b, s, 1);
    return err ? err : hs_buf_puts(b, "\"");
}

typedef struct list {
    hs_buf *b;
    int count;
    const char *open, *sep, *close;
} list;

static hs_error put_attr(void *ctx, const char *name, const char *value, const char *type) {
    (void)type;
    list *l = ctx;
    hs_error err = hs_buf_puts(l->b, l->count++ ? l->sep : l->open);
    if (!err) err = put_quoted(l->b, name);
    if (!err) err = hs_buf_puts(l->b, "=");
    return err ? err : put_quoted(l->b, value);
}

static hs_error put_extras(const hs_model *m, hs_domain d, const hs_extras *x, list *l) {
    hs_error err = HS_OK;
    for (int i = 0; i < x->count && !err; i++) {
        const char *name = m->extra_keys[d][x->items[i].key].name, *value = x->items[i].value;
        /* Every string hubspoke holds is UTF-8, and so is what it writes; a
         * charset kept from a Latin-1 file would make Graphviz (and the
         * helper) decode this output twice. */
        if (d == HS_DOMAIN_GRAPH && strcmp(name, "charset") == 0 && strcasecmp(value, "utf-8") != 0 &&
            strcasecmp(value, "utf8") != 0)
            value = "UTF-8";
        err = put_attr(l, name, value, NULL);
    }
    return err;
}

static hs_error put_element_attrs(const hs_model *m, hs_domain d, size_t i, const hs_extras *x, hs_buf *b) {
    list l = {b, 0, " [", ", ", "]"};
    hs_error err = hs_model_each_schema_attr(m, d, i, put_attr, &l);
    if (!err) err = put_extras(m, d, x, &l);
    if (!err && l.count) err = hs_buf_puts(b, l.close);
    return err ? err : hs_buf_puts(b, ";\n");
}

hs_error hs_dot_format(const hs_model *m, hs_buf *b) {
    hs_error err = hs_buf_puts(b, m->directed ? "digraph " : "graph ");
    if (!err && m->name && !(err = put_quoted(b, m->name))) err = hs_buf_puts(b, " ");
    if (err || (err = hs_buf_puts(b, "{\n"))) return err;
    list g = {b, 0, "  graph [", ", ", "];\n"};
    if ((err = hs_model_each_schema_attr(m, HS_DOMAIN_GRAPH, 0, put_attr, &g)) ||
        (err = put_extras(m, HS_DOMAIN_GRAPH, &m->graph_extras, &g)) || (g.count && (err = hs_buf_puts(b, g.close))))
        return err;
    for (size_t i = 0; i < m->nv; i++) {
        if ((err = hs_buf_puts(b, "  ")) || (err = put_quoted(b, m->v[i].id)) ||
            (err = put_element_attrs(m, HS_DOMAIN_NODE, i, &m->v[i].extras, b)))
            return err;
    }
    for (size_t i = 0; i < m->ne; i++) {
        const hs_edge *e = &m->e[i];
        if ((err = hs_buf_puts(b, "  ")) || (err = put_quoted(b, m->v[e->from].id)) ||
            (err = hs_buf_puts(b, m->directed ? " -> " : " -- ")) || (err = put_quoted(b, m->v[e->to].id)))
            return err;
        /* An edge id becomes the DOT key, which keeps parallel edges distinct
         * in strict graphs and round-trips the GraphML id. */
        if (e->id) {
            list l = {b, 0, " [", ", ", "]"};
            if ((err = put_attr(&l, "key", e->id, NULL))) return err;
            if ((err = hs_model_each_schema_attr(m, HS_DOMAIN_EDGE, i, put_attr, &l)) ||
                (err = put_extras(m, HS_DOMAIN_EDGE, &e->extras, &l)) || (err = hs_buf_puts(b, "];\n")))
                return err;
        } else if ((err = put_element_attrs(m, HS_DOMAIN_EDGE, i, &e->extras, b))) {
            return err;
        }
    }
    return hs_buf_puts(b, "}\n");
}
