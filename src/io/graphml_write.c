/* GraphML writer: the schema attributes with their GraphML types, then every
 * extra attribute under its original name and type. */
#include <stdio.h>
#include <string.h>

#include "io/io_internal.h"

static hs_error put_escaped(hs_buf *b, const char *s) {
    hs_error err = HS_OK;
    for (; *s && !err; s++) {
        switch (*s) {
        case '&': err = hs_buf_puts(b, "&amp;"); break;
        case '<': err = hs_buf_puts(b, "&lt;"); break;
        case '>': err = hs_buf_puts(b, "&gt;"); break;
        case '"': err = hs_buf_puts(b, "&quot;"); break;
        /* Character references keep these intact through attribute-value
         * normalisation and line-end handling. */
        case '\t': err = hs_buf_puts(b, "&#9;"); break;
        case '\n': err = hs_buf_puts(b, "&#10;"); break;
        case '\r': err = hs_buf_puts(b, "&#13;"); break;
        default: err = hs_buf_append(b, s, 1);
        }
    }
    return err;
}

static const char *const domain_for[HS_DOMAIN_COUNT] = {"graph", "node", "edge"};
static const char *const domain_prefix[HS_DOMAIN_COUNT] = {"g_", "n_", "e_"};

typedef struct writer {
    hs_buf *b;
    hs_domain domain;
    unsigned used; /* bit i: schema attribute i of the domain is used */
} writer;

static hs_error note_used(void *ctx, const char *name, const char *value, const char *type) {
    (void)value;
    (void)type;
    writer *w = ctx;
    const char *const *names = hs_schema_attr_names(w->domain);
    for (unsigned i = 0; names[i]; i++) {
        if (strcmp(names[i], name) == 0) w->used |= 1u << i;
    }
    return HS_OK;
}

static hs_error put_data(void *ctx, const char *name, const char *value, const char *type) {
    (void)type;
    writer *w = ctx;
    hs_error err;
    if ((err = hs_buf_printf(w->b, "%s<data key=\"%s%s\">", w->domain == HS_DOMAIN_GRAPH ? "    " : "      ",
                             domain_prefix[w->domain], name)) ||
        (err = put_escaped(w->b, value)))
        return err;
    return hs_buf_puts(w->b, "</data>\n");
}

static hs_error put_extras(hs_buf *b, hs_domain d, const hs_extras *x) {
    hs_error err;
    for (int i = 0; i < x->count; i++) {
        if ((err = hs_buf_printf(b, "%s<data key=\"x%c%d\">", d == HS_DOMAIN_GRAPH ? "    " : "      ",
                                 domain_for[d][0], x->items[i].key)))
            return err;
        err = x->items[i].raw_xml ? hs_buf_puts(b, x->items[i].value) : put_escaped(b, x->items[i].value);
        if (err || (err = hs_buf_puts(b, "</data>\n"))) return err;
    }
    return HS_OK;
}

static hs_error put_keys(const hs_model *m, hs_buf *b) {
    hs_error err;
    for (int d = 0; d < HS_DOMAIN_COUNT; d++) {
        writer w = {b, (hs_domain)d, 0};
        size_t count = d == HS_DOMAIN_GRAPH ? 1 : d == HS_DOMAIN_NODE ? m->nv : m->ne;
        for (size_t i = 0; i < count; i++) {
            if ((err = hs_model_each_schema_attr(m, (hs_domain)d, i, note_used, &w))) return err;
        }
        const char *const *names = hs_schema_attr_names((hs_domain)d);
        for (unsigned i = 0; names[i]; i++) {
            if (!(w.used & (1u << i))) continue;
            if ((err = hs_buf_printf(b, "  <key id=\"%s%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                                     domain_prefix[d], names[i], domain_for[d], names[i],
                                     hs_schema_attr_type(names[i]))))
                return err;
        }
        for (int k = 0; k < m->extra_key_count[d]; k++) {
            const hs_extra_key *key = &m->extra_keys[d][k];
            if ((err = hs_buf_printf(b, "  <key id=\"x%c%d\" for=\"%s\" attr.name=\"", domain_for[d][0], k,
                                     domain_for[d])) ||
                (err = put_escaped(b, key->name)) || (err = hs_buf_puts(b, "\" attr.type=\"")) ||
                (err = put_escaped(b, key->graphml_type ? key->graphml_type : "string")) ||
                (err = hs_buf_puts(b, "\"/>\n")))
                return err;
        }
    }
    return HS_OK;
}

hs_error hs_graphml_format(const hs_model *m, hs_buf *b) {
    hs_error err;
    if ((err = hs_buf_printf(b,
                             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"%s>\n",
                             m->graphml_namespaces ? m->graphml_namespaces : "")) ||
        (err = put_keys(m, b)) || (err = hs_buf_puts(b, "  <graph")))
        return err;
    if (m->name && ((err = hs_buf_puts(b, " id=\"")) || (err = put_escaped(b, m->name)) || (err = hs_buf_puts(b, "\""))))
        return err;
    if ((err = hs_buf_printf(b, " edgedefault=\"%s\">\n", m->directed ? "directed" : "undirected"))) return err;
    writer w = {b, HS_DOMAIN_GRAPH, 0};
    if ((err = hs_model_each_schema_attr(m, HS_DOMAIN_GRAPH, 0, put_data, &w)) ||
        (err = put_extras(b, HS_DOMAIN_GRAPH, &m->graph_extras)))
        return err;
    w.domain = HS_DOMAIN_NODE;
    for (size_t i = 0; i < m->nv; i++) {
        if ((err = hs_buf_puts(b, "    <node id=\"")) || (err = put_escaped(b, m->v[i].id)) ||
            (err = hs_buf_puts(b, "\">\n")) || (err = hs_model_each_schema_attr(m, HS_DOMAIN_NODE, i, put_data, &w)) ||
            (err = put_extras(b, HS_DOMAIN_NODE, &m->v[i].extras)) || (err = hs_buf_puts(b, "    </node>\n")))
            return err;
    }
    w.domain = HS_DOMAIN_EDGE;
    for (size_t i = 0; i < m->ne; i++) {
        const hs_edge *e = &m->e[i];
        if ((err = hs_buf_puts(b, "    <edge")) ||
            (e->id && ((err = hs_buf_puts(b, " id=\"")) || (err = put_escaped(b, e->id)) || (err = hs_buf_puts(b, "\"")))) ||
            (err = hs_buf_puts(b, " source=\"")) || (err = put_escaped(b, m->v[e->from].id)) ||
            (err = hs_buf_puts(b, "\" target=\"")) || (err = put_escaped(b, m->v[e->to].id)) ||
            (err = hs_buf_puts(b, "\">\n")) || (err = hs_model_each_schema_attr(m, HS_DOMAIN_EDGE, i, put_data, &w)) ||
            (err = put_extras(b, HS_DOMAIN_EDGE, &e->extras)) || (err = hs_buf_puts(b, "    </edge>\n")))
            return err;
    }
    return hs_buf_puts(b, "  </graph>\n</graphml>\n");
}
