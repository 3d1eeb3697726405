/* GraphML reader on libxml2.
 *
 * libxml2 rather than igraph's reader: hubspoke needs the line of every
 * element for its messages, must refuse entity tricks (igraph 0.10.2 reads an
 * external entity as an empty value), and must keep attributes igraph would
 * drop (XML content of yEd's data elements). */
#include <stdarg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io_internal.h"

typedef struct key_decl {
    const char *id, *name, *type; /* owned by the document */
    int domain;                   /* HS_DOMAIN_* or -1 = all */
    char *default_value;          /* NULL when the key has no <default> */
} key_decl;

typedef struct reader {
    hs_model *m;
    const char *display;
    int with_lines;
    key_decl *keys;
    int nkeys;
} reader;

static int is_element(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int line_of(const reader *r, const xmlNode *n) { return r->with_lines ? (int)xmlGetLineNo(n) : 0; }

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static hs_error fail_at(const reader *r, const xmlNode *n, const char *fmt, ...) {
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int line = line_of(r, n);
    if (line > 0) return hs_error_set(HS_EINPUT, "%s:%d: %s", r->display, line, reason);
    return hs_error_set(HS_EINPUT, "%s: %s", r->display, reason);
}

static const char *attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) == 0 && a->children && a->children->content)
            return (const char *)a->children->content;
        if (strcmp((const char *)a->name, name) == 0) return "";
    }
    return NULL;
}

/* The text of an element. Entity references are refused: substituting them
 * is how XML bombs and external-entity reads work, and no graph needs them. */
static hs_error text_of(const reader *r, const xmlNode *n, hs_buf *out, int *has_markup) {
    *has_markup = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ENTITY_REF_NODE)
            return fail_at(r, n, "entity reference '&%s;' is not supported", (const char *)c->name);
        if (c->type == XML_ELEMENT_NODE) *has_markup = 1;
    }
    if (*has_markup) {
        /* yEd and others keep drawing data as XML inside <data>: keep it verbatim. */
        xmlBufferPtr xb = xmlBufferCreate();
        if (!xb) return hs_error_set(HS_ENOMEM, "out of memory");
        for (xmlNode *c = n->children; c; c = c->next) {
            if (c->type == XML_ENTITY_REF_NODE) continue;
            xmlNodeDump(xb, n->doc, c, 0, 0);
        }
        hs_error err = hs_buf_append(out, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
        xmlBufferFree(xb);
        return err;
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            if (hs_buf_puts(out, (const char *)c->content)) return HS_ENOMEM;
        }
    }
    if (!out->data && hs_buf_reserve(out, 1)) return HS_ENOMEM;
    return HS_OK;
}

static int domain_of(const char *for_value) {
    if (!for_value || strcmp(for_value, "all") == 0) return -1;
    if (strcmp(for_value, "graph") == 0) return HS_DOMAIN_GRAPH;
    if (strcmp(for_value, "node") == 0) return HS_DOMAIN_NODE;
    if (strcmp(for_value, "edge") == 0) return HS_DOMAIN_EDGE;
    return -2; /* graphml, hyperedge, port, endpoint: nothing hubspoke reads */
}

static hs_error read_keys(reader *r, const xmlNode *root) {
    int count = 0;
    for (const xmlNode *c = root->children; c; c = c->next) count += is_element(c, "key");
    r->keys = hs_calloc((size_t)count + 1, sizeof *r->keys);
    if (!r->keys) return HS_ENOMEM;
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!is_element(c, "key")) continue;
        key_decl *k = &r->keys[r->nkeys++];
        k->id = attr(c, "id");
        if (!k->id) return fail_at(r, c, "<key> without an id");
        for (int i = 0; i < r->nkeys - 1; i++) {
            if (strcmp(r->keys[i].id, k->id) == 0) return fail_at(r, c, "duplicate key id '%s'", k->id);
        }
        k->name = attr(c, "attr.name");
        if (!k->name || !k->name[0]) k->name = k->id;
        k->type = attr(c, "attr.type");
        k->domain = domain_of(attr(c, "for"));
        for (const xmlNode *d = c->children; d; d = d->next) {
            if (!is_element(d, "default")) continue;
            hs_buf b = {0};
            int markup;
            hs_error err = text_of(r, d, &b, &markup);
            if (err) {
                hs_buf_free(&b);
                return err;
            }
            free(k->default_value);
            k->default_value = b.data;
        }
    }
    return HS_OK;
}

static const key_decl *find_key(const reader *r, const char *id) {
    for (int i = 0; i < r->nkeys; i++) {
        if (strcmp(r->keys[i].id, id) == 0) return &r->keys[i];
    }
    return NULL;
}

static int key_applies(const key_decl *k, hs_domain domain) { return k->domain == -1 || k->domain == (int)domain; }

static hs_error apply_defaults(reader *r, hs_domain domain, size_t index) {
    hs_error err;
    for (int i = 0; i < r->nkeys; i++) {
        const key_decl *k = &r->keys[i];
        if (k->default_value && key_applies(k, domain) &&
            (err = hs_model_set_attr(r->m, domain, index, k->name, k->default_value, k->type, 0)))
            return err;
    }
    return HS_OK;
}

/* Defaults first, then the element's own <data>, which override them. */
static hs_error read_data(reader *r, const xmlNode *el, hs_domain domain, size_t index) {
    hs_error err = apply_defaults(r, domain, index);
    if (err) return err;
    for (const xmlNode *c = el->children; c; c = c->next) {
        if (!is_element(c, "data")) continue;
        const char *key_id = attr(c, "key");
        if (!key_id) return fail_at(r, c, "<data> without a key");
        const key_decl *k = find_key(r, key_id);
        if (!k) return fail_at(r, c, "<data> refers to undeclared key '%s'", key_id);
        if (!key_applies(k, domain)) {
            static const char *const elements[] = {"graph", "node", "edge"};
            char what[300];
            snprintf(what, sizeof what, "key '%.200s' is not declared for <%s> elements", k->id, elements[domain]);
            return fail_at(r, c, "%s", what);
        }
        hs_buf b = {0};
        int markup;
        err = text_of(r, c, &b, &markup);
        if (!err) err = hs_model_set_attr(r->m, domain, index, k->name, b.data, k->type, markup);
        hs_buf_free(&b);
        if (err) return err;
    }
    return HS_OK;
}

/* Nested graphs (yEd groups) are flattened: every node and edge anywhere
 * under the top graph belongs to the model. Nodes come first so that edges
 * may refer to nodes declared later in the file. */
static hs_error read_nodes(reader *r, const xmlNode *graph) {
    for (const xmlNode *c = graph->children; c; c = c->next) {
        if (is_element(c, "hyperedge")) return fail_at(r, c, "hyperedges are not supported");
        if (!is_element(c, "node")) continue;
        const char *id = attr(c, "id");
        if (!id || !id[0]) return fail_at(r, c, "<node> without an id");
        size_t index;
        hs_error err = hs_model_add_vertex(r->m, id, line_of(r, c), &index);
        if (!err) err = read_data(r, c, HS_DOMAIN_NODE, index);
        if (err) return err;
        for (const xmlNode *g = c->children; g; g = g->next) {
            if (is_element(g, "graph") && (err = read_nodes(r, g))) return err;
        }
    }
    return HS_OK;
}

/* GraphML requires declared endpoints, but many writers omit nodes without
 * data; like igraph and NetworkX, create them, with the keys' defaults. */
static hs_error implicit_node(reader *r, const char *id, const xmlNode *edge, size_t *index) {
    long found = hs_model_find(r->m, id);
    if (found >= 0) {
        *index = (size_t)found;
        return HS_OK;
    }
    hs_error err = hs_model_add_vertex(r->m, id, line_of(r, edge), index);
    return err ? err : apply_defaults(r, HS_DOMAIN_NODE, *index);
}

static hs_error read_edges(reader *r, const xmlNode *graph) {
    for (const xmlNode *c = graph->children; c; c = c->next) {
        hs_error err;
        if (is_element(c, "node")) {
            for (const xmlNode *g = c->children; g; g = g->next) {
                if (is_element(g, "graph") && (err = read_edges(r, g))) return err;
            }
            continue;
        }
        if (!is_element(c, "edge")) continue;
        const char *s = attr(c, "source"), *t = attr(c, "target");
        if (!s || !s[0]) return fail_at(r, c, "<edge> without a source");
        if (!t || !t[0]) return fail_at(r, c, "<edge> without a target");
        size_t from, to, index;
        if ((err = implicit_node(r, s, c, &from)) || (err = implicit_node(r, t, c, &to)) ||
            (err = hs_model_add_edge(r->m, from, to, attr(c, "id"), line_of(r, c), &index)) ||
            (err = read_data(r, c, HS_DOMAIN_EDGE, index)))
            return err;
    }
    return HS_OK;
}

/* libxml2 keeps its last error; the first one is where the file went wrong. */
typedef struct first_error {
    int set, line;
    char message[400];
} first_error;

static void keep_first_error(void *ctx, xmlErrorPtr e) {
    first_error *f = ctx;
    if (f->set || !e || e->level < XML_ERR_ERROR) return;
    f->set = 1;
    f->line = e->line;
    snprintf(f->message, sizeof f->message, "%s", e->message ? e->message : "not well-formed XML");
    size_t n = strlen(f->message);
    while (n && (f->message[n - 1] == '\n' || f->message[n - 1] == ' ')) f->message[--n] = '\0';
}

static void silent(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

hs_error hs_graphml_parse(hs_model **out, const char *data, size_t len, const char *display,
                          int with_lines) {
    hs_error err = hs_input_check_text(data, len, display);
    if (err) return err;
    if (len > (size_t)INT32_MAX) return hs_error_set(HS_EINPUT, "%s: file too large", display);
    xmlSetGenericErrorFunc(NULL, silent);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) return hs_error_set(HS_ENOMEM, "out of memory");
    /* No NOENT (entities stay references and are refused), no DTD loading,
     * no network; big lines so that line numbers past 65535 stay right. */
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    first_error first = {0, 0, "not well-formed XML"};
    xmlSetStructuredErrorFunc(&first, keep_first_error);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, display, NULL, options);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc || !ctxt->wellFormed) {
        if (first.line > 0 && with_lines)
            err = hs_error_set(HS_EINPUT, "%s:%d: XML error: %s", display, first.line, first.message);
        else
            err = hs_error_set(HS_EINPUT, "%s: XML error: %s", display, first.message);
        xmlFreeDoc(doc);
        xmlFreeParserCtxt(ctxt);
        return err;
    }
    xmlFreeParserCtxt(ctxt);

    reader r = {.display = display, .with_lines = with_lines};
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *graph = NULL;
    if (!root || !is_element(root, "graphml")) {
        err = root ? fail_at(&r, root, "root element is <%s>, not <graphml>", (const char *)root->name)
                   : hs_error_set(HS_EINPUT, "%s: no root element", display);
        goto done;
    }
    for (xmlNode *c = root->children; c; c = c->next) {
        if (!is_element(c, "graph")) continue;
        if (graph) {
            err = fail_at(&r, c, "more than one graph; hubspoke reads one graph per file");
            goto done;
        }
        graph = c;
    }
    if (!graph) {
        err = hs_error_set(HS_EINPUT, "%s: no <graph> element", display);
        goto done;
    }
    if ((err = hs_model_new(&r.m, display)) || (err = read_keys(&r, root))) goto done;
    for (const xmlNs *ns = root->nsDef; ns; ns = ns->next) {
        if (!ns->prefix || !ns->href) continue;
        hs_buf b = {.data = r.m->graphml_namespaces};
        b.len = b.data ? strlen(b.data) : 0;
        b.cap = b.data ? b.len + 1 : 0;
        if (hs_buf_printf(&b, " xmlns:%s=\"%s\"", (const char *)ns->prefix, (const char *)ns->href)) {
            err = HS_ENOMEM;
            goto done;
        }
        r.m->graphml_namespaces = b.data;
    }
    const char *edgedefault = attr(graph, "edgedefault");
    if (edgedefault && strcmp(edgedefault, "directed") && strcmp(edgedefault, "undirected")) {
        err = fail_at(&r, graph, "edgedefault '%s' is neither directed nor undirected", edgedefault);
        goto done;
    }
    /* GraphML's default is directed. */
    r.m->directed = !edgedefault || strcmp(edgedefault, "directed") == 0;
    const char *gid = attr(graph, "id");
    if (gid && gid[0] && !(r.m->name = hs_strdup(gid))) {
        err = HS_ENOMEM;
        goto done;
    }
    if ((err = read_data(&r, graph, HS_DOMAIN_GRAPH, 0)) || (err = read_nodes(&r, graph)) ||
        (err = read_edges(&r, graph)) || (err = hs_model_finish(r.m)))
        goto done;
    *out = r.m;
    r.m = NULL;
done:
    for (int i = 0; i < r.nkeys; i++) free(r.keys[i].default_value);
    free(r.keys);
    hs_model_destroy(r.m);
    xmlFreeDoc(doc);
    return err;
}
