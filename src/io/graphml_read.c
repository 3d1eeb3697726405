/* GraphML reader on libxml2's streaming xmlTextReader.
 *
 * libxml2 rather than igraph's reader: hubspoke needs the line of every
 * element for its messages, must refuse entity tricks (igraph 0.10.2 reads an
 * external entity as an empty value), and must keep attributes igraph would
 * drop (XML content of yEd's data elements). Streaming rather than a DOM
 * tree: memory stays that of the model, not a multiple of the file. Two
 * passes over the text: keys, the graph and its nodes first, then the edges,
 * so that edges may name nodes declared after them and vertices keep the
 * order the file declares them in. */
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io_internal.h"

typedef struct key_decl {
    char *id, *name, *type;
    int domain;          /* HS_DOMAIN_*, -1 = all, -2 = a domain hubspoke does not read */
    char *default_value; /* NULL when the key has no <default> */
} key_decl;

/* An open element that <data> children attach to. */
typedef struct owner {
    int depth;
    hs_domain domain;
    size_t index;
} owner;

typedef struct reader {
    xmlTextReaderPtr xr;
    hs_model *m;
    const char *display;
    int with_lines;
    /* The GraphML came from the DOT helper: its hs:line attributes give the
     * DOT file's lines, and its hs:subgraph elements the subgraphs that
     * declare nothing. Never honoured in a user's GraphML file. */
    int from_helper;
    key_decl *keys;
    int nkeys, cap_keys;
    owner stack[64];
    int nstack;
    int graph_seen, graph_depth;
    int pass; /* 1: keys, graph, nodes; 2: edges */
    /* A handler that skipped a subtree has moved the reader on already: the
     * main loop must take next_rc as its next step, not read again (which
     * would pass over the node after the subtree unseen). */
    int advanced, next_rc;
    int bad_utf8; /* a value just read is not well-formed UTF-8 */
    /* The keys the graph, and the node or edge being read, have had <data>
     * for, with their values, to find a key given twice (the model keeps the
     * last value). The graph's <data> may come between nodes. */
    struct seen_list {
        struct seen_data {
            const key_decl *key;
            char *value;
        } * items;
        size_t n, cap;
        owner o;
    } seen[2];
} reader;

static hs_error skip(reader *r);

/* The namespace of the DOT helper's additions (docs/dot-helper.md). */
#define HS_HELPER_NS "https://hubspoke.invalid/dot-helper"

static int line_here(const reader *r) {
    if (!r->with_lines) return 0;
    xmlNodePtr n = xmlTextReaderCurrentNode(r->xr);
    return n ? (int)xmlGetLineNo(n) : xmlTextReaderGetParserLineNumber(r->xr);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static hs_error fail(const reader *r, const char *fmt, ...) {
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    int line = line_here(r);
    if (line > 0) return hs_error_set(HS_EINPUT, "%s:%d: %s", r->display, line, reason);
    return hs_error_set(HS_EINPUT, "%s: %s", r->display, reason);
}

/* An attribute of the current element, owned by the caller (xmlFree). */
/* Well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF.
 * libxml2 2.9 lets an overlong sequence through (inside CDATA, in attribute
 * values), which hubspoke would then write back into a file that no XML
 * reader accepts (found by fuzz_graphml, F9 in docs/robustness.md). */
static int utf8_ok(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n = *p >= 0xC2 && *p <= 0xDF ? 1 : (*p & 0xF0) == 0xE0 ? 2 : *p >= 0xF0 && *p <= 0xF4 ? 3 : -1;
        if (n < 0) return 0;
        unsigned long cp = *p & (0x3F >> n);
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80) return 0;
            cp = cp << 6 | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        p += n + 1;
    }
    return 1;
}

static char *attr(reader *r, const char *name) {
    char *v = (char *)xmlTextReaderGetAttribute(r->xr, (const xmlChar *)name);
    if (v && !r->bad_utf8 && !utf8_ok(v)) r->bad_utf8 = 1;
    return v;
}

/* An attribute of the helper's namespace, as a count; 0 when absent. */
static size_t helper_number(reader *r, const char *name) {
    char *v = (char *)xmlTextReaderGetAttributeNs(r->xr, (const xmlChar *)name, (const xmlChar *)HS_HELPER_NS);
    size_t n = 0;
    for (const char *p = v; p && *p >= '0' && *p <= '9' && n < (size_t)1 << 40; p++) n = n * 10 + (size_t)(*p - '0');
    xmlFree(v);
    return n;
}

/* The line of the element being read: in the file, or, for the helper's
 * GraphML, in the DOT file it came from. */
static int element_line_here(reader *r) {
    if (!r->from_helper) return line_here(r);
    size_t n = helper_number(r, "line");
    return n < (size_t)1 << 30 ? (int)n : 0;
}

/* A problem that leaves the rest of the file readable: recorded when the
 * reader collects every error (and HS_OK returned: the caller skips the
 * element), else the error that stops reading. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static hs_error problem(reader *r, const char *code, const char *fmt, ...) {
    char reason[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (!r->m->diag) return fail(r, "%s", reason);
    return hs_diagnostics_add(r->m->diag, HS_SEVERITY_ERROR, code, r->display, line_here(r), NULL, "%s", reason);
}

static int is_named(const reader *r, const char *name) {
    const xmlChar *n = xmlTextReaderConstLocalName(r->xr);
    return n && strcmp((const char *)n, name) == 0;
}

/* Inner XML outside its CDATA sections and comments, where '<' and '&' are
 * plain characters: does it hold an element or a processing instruction
 * (*markup), and the first entity reference other than the predefined ones
 * and character references (*entity, NULL if none)? */
static void scan_inner(const char *s, int *markup, const char **entity) {
    static const char *const predefined[] = {"amp;", "lt;", "gt;", "quot;", "apos;", "#"};
    *markup = 0;
    *entity = NULL;
    for (const char *p = s; *p; p++) {
        if (*p == '<') {
            const char *end = NULL;
            if (strncmp(p, "<![CDATA[", 9) == 0) end = strstr(p + 9, "]]>");
            else if (strncmp(p, "<!--", 4) == 0) end = strstr(p + 4, "-->");
            else *markup = 1;
            if (end) p = end + 2;
        } else if (*p == '&' && !*entity) {
            int ok = 0;
            for (size_t i = 0; i < sizeof predefined / sizeof *predefined && !ok; i++)
                ok = strncmp(p + 1, predefined[i], strlen(predefined[i])) == 0;
            if (!ok) *entity = p + 1;
        }
    }
}

/* The content of the current element. Text is unescaped (CDATA sections
 * give their characters); content with markup (yEd keeps drawings as XML
 * inside <data>) is kept verbatim. Entity references are refused:
 * substituting them is how XML bombs and external-entity reads work, and no
 * graph needs them. */
static hs_error content(reader *r, char **out, int *markup) {
    *markup = 0;
    *out = NULL;
    if (xmlTextReaderIsEmptyElement(r->xr)) {
        *out = hs_strdup("");
        return *out ? HS_OK : HS_ENOMEM;
    }
    xmlChar *inner = xmlTextReaderReadInnerXml(r->xr);
    if (!inner) return hs_error_set(HS_ENOMEM, "out of memory");
    const char *entity;
    scan_inner((const char *)inner, markup, &entity);
    if (entity) {
        char name[64];
        size_t n = strcspn(entity, ";<& \t\r\n");
        snprintf(name, sizeof name, "%.*s", (int)(n < 60 ? n : 60), entity);
        xmlFree(inner);
        return fail(r, "entity reference '&%s;' is not supported", name);
    }
    if (*markup) {
        *out = hs_strdup((const char *)inner);
    } else {
        xmlChar *text = xmlTextReaderReadString(r->xr);
        *out = hs_strdup(text ? (const char *)text : "");
        xmlFree(text);
    }
    xmlFree(inner);
    if (*out && !utf8_ok(*out)) {
        free(*out);
        *out = NULL;
        return fail(r, "invalid UTF-8 (an overlong, surrogate or out-of-range sequence)");
    }
    return *out ? HS_OK : HS_ENOMEM;
}

static int domain_of(const char *for_value) {
    if (!for_value || strcmp(for_value, "all") == 0) return -1;
    if (strcmp(for_value, "graph") == 0) return HS_DOMAIN_GRAPH;
    if (strcmp(for_value, "node") == 0) return HS_DOMAIN_NODE;
    if (strcmp(for_value, "edge") == 0) return HS_DOMAIN_EDGE;
    return -2; /* graphml, hyperedge, port, endpoint: nothing hubspoke reads */
}

static const key_decl *find_key(const reader *r, const char *id) {
    for (int i = 0; i < r->nkeys; i++) {
        if (strcmp(r->keys[i].id, id) == 0) return &r->keys[i];
    }
    return NULL;
}

static hs_error read_key(reader *r) {
    char *id = attr(r, "id");
    if (!id) return fail(r, "<key> without an id");
    if (find_key(r, id)) {
        hs_error err = fail(r, "duplicate key id '%.200s'", id);
        xmlFree(id);
        return err;
    }
    if (r->nkeys == r->cap_keys) {
        int cap = r->cap_keys ? 2 * r->cap_keys : 16;
        key_decl *k = hs_realloc(r->keys, (size_t)cap * sizeof *k);
        if (!k) {
            xmlFree(id);
            return HS_ENOMEM;
        }
        r->keys = k;
        r->cap_keys = cap;
    }
    key_decl *k = &r->keys[r->nkeys++];
    memset(k, 0, sizeof *k);
    k->id = id;
    k->name = attr(r, "attr.name");
    if (k->name && !k->name[0]) {
        xmlFree(k->name);
        k->name = NULL;
    }
    k->type = attr(r, "attr.type");
    char *for_value = attr(r, "for");
    k->domain = domain_of(for_value);
    xmlFree(for_value);
    if (xmlTextReaderIsEmptyElement(r->xr)) return HS_OK;
    /* Children: an optional <default>, and <desc>, which is ignored. */
    int depth = xmlTextReaderDepth(r->xr);
    int rc;
    while ((rc = xmlTextReaderRead(r->xr)) == 1 && xmlTextReaderDepth(r->xr) > depth) {
        if (xmlTextReaderNodeType(r->xr) != XML_READER_TYPE_ELEMENT || !is_named(r, "default")) continue;
        int markup;
        char *value;
        hs_error err = content(r, &value, &markup);
        if (err) return err;
        free(k->default_value);
        k->default_value = value;
    }
    return rc < 0 ? HS_EINPUT : HS_OK;
}

static const char *key_name(const key_decl *k) { return k->name ? k->name : k->id; }

static int key_applies(const key_decl *k, hs_domain domain) { return k->domain == -1 || k->domain == (int)domain; }

static hs_error apply_defaults(reader *r, hs_domain domain, size_t index) {
    hs_error err;
    for (int i = 0; i < r->nkeys; i++) {
        const key_decl *k = &r->keys[i];
        if (k->default_value && key_applies(k, domain) &&
            (err = hs_model_set_attr(r->m, domain, index, key_name(k), k->default_value, k->type, 0)))
            return err;
    }
    return HS_OK;
}

static void seen_reset(struct seen_list *l) {
    for (size_t i = 0; i < l->n; i++) free(l->items[i].value);
    l->n = 0;
}

/* A second <data> for key k on the element o: the first value is lost. */
static hs_error note_repeat(reader *r, const owner *o, const key_decl *k, const char *value) {
    struct seen_list *l = &r->seen[o->domain != HS_DOMAIN_GRAPH];
    if (l->o.domain != o->domain || l->o.index != o->index) seen_reset(l);
    l->o = *o;
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].key != k) continue;
        hs_error err = HS_OK;
        if (strcmp(l->items[i].value, value) != 0) {
            char element[600];
            hs_model_describe(r->m, o->domain, o->index, element, sizeof element);
            err = hs_model_add_redefinition(r->m, o->domain, element, key_name(k), l->items[i].value, value,
                                            line_here(r));
        }
        char *copy = err ? NULL : hs_strdup(value);
        if (!err && !copy) return HS_ENOMEM;
        if (copy) {
            free(l->items[i].value);
            l->items[i].value = copy;
        }
        return err;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        struct seen_data *items = hs_realloc(l->items, cap * sizeof *items);
        if (!items) return HS_ENOMEM;
        l->items = items;
        l->cap = cap;
    }
    char *copy = hs_strdup(value);
    if (!copy) return HS_ENOMEM;
    l->items[l->n++] = (struct seen_data){k, copy};
    return HS_OK;
}

static hs_error read_data(reader *r, const owner *o) {
    char *key_id = attr(r, "key");
    hs_error err;
    if (!key_id) return (err = problem(r, "bad-data", "<data> without a key")) ? err : skip(r);
    const key_decl *k = find_key(r, key_id);
    if (!k) {
        err = problem(r, "bad-data", "<data> refers to undeclared key '%.200s'", key_id);
        xmlFree(key_id);
        return err ? err : skip(r);
    }
    xmlFree(key_id);
    if (!key_applies(k, o->domain)) {
        static const char *const elements[] = {"graph", "node", "edge"};
        err = problem(r, "bad-data", "key '%.200s' is not declared for <%s> elements", k->id, elements[o->domain]);
        return err ? err : skip(r);
    }
    int markup;
    char *value;
    err = content(r, &value, &markup);
    if (!err) err = hs_model_set_attr(r->m, o->domain, o->index, key_name(k), value, k->type, markup);
    if (!err && !r->from_helper) err = note_repeat(r, o, k, value);
    free(value);
    /* Markup inside <data> is a value, not more of the graph: never descend
     * into it (a <node> there is no node of this graph). */
    return err ? err : skip(r);
}

static hs_error read_node(reader *r, size_t *index) {
    seen_reset(&r->seen[1]);
    char *id = attr(r, "id");
    hs_error err;
    if (!id || !id[0]) {
        err = fail(r, "<node> without an id");
    } else if (r->pass == 2) {
        long found = hs_model_find(r->m, id);
        *index = found >= 0 ? (size_t)found : 0;
        err = HS_OK;
    } else if (!(err = hs_model_add_vertex(r->m, id, element_line_here(r), index))) {
        err = apply_defaults(r, HS_DOMAIN_NODE, *index);
    }
    xmlFree(id);
    return err;
}

/* GraphML requires declared endpoints, but many writers omit nodes without
 * data; like igraph and NetworkX, create them, with the keys' defaults. */
static hs_error edge_end(reader *r, const char *id, size_t *index) {
    long found = hs_model_find(r->m, id);
    if (found >= 0) {
        *index = (size_t)found;
        return HS_OK;
    }
    hs_error err = hs_model_add_vertex(r->m, id, element_line_here(r), index);
    return err ? err : apply_defaults(r, HS_DOMAIN_NODE, *index);
}

static hs_error read_edge(reader *r, size_t *index) {
    seen_reset(&r->seen[1]);
    char *s = attr(r, "source"), *t = attr(r, "target"), *id = attr(r, "id");
    size_t from, to;
    hs_error err;
    if (!s || !s[0]) err = fail(r, "<edge> without a source");
    else if (!t || !t[0]) err = fail(r, "<edge> without a target");
    else if (!(err = edge_end(r, s, &from)) && !(err = edge_end(r, t, &to)) &&
             !(err = hs_model_add_edge(r->m, from, to, id, element_line_here(r), index)))
        err = apply_defaults(r, HS_DOMAIN_EDGE, *index);
    xmlFree(s);
    xmlFree(t);
    xmlFree(id);
    return err;
}

/* <hs:subgraph name=".." hs:line=".." hs:nodes=".." hs:edges=".." attrs=".."/>:
 * a DOT subgraph without the cluster prefix, reported by the helper. */
static hs_error read_note(reader *r) {
    char *name = attr(r, "name"), *attrs = attr(r, "attrs");
    hs_error err = name ? hs_model_add_note(r->m, name, element_line_here(r), helper_number(r, "nodes"),
                                            helper_number(r, "edges"), attrs)
                        : HS_OK;
    xmlFree(name);
    xmlFree(attrs);
    return err;
}

/* <hs:redefined graph=""|mechanism=".."|node=".."|source=".." target=".."
 * attr=".." first=".." value=".." hs:line=".."/>, or <hs:redefined
 * more="N"/>: a DOT attribute set twice to different values, reported by the
 * helper. */
static hs_error read_redefinition(reader *r) {
    char *more = attr(r, "more");
    if (more) {
        r->m->more_redefinitions += strtoul(more, NULL, 10);
        xmlFree(more);
        return HS_OK;
    }
    char *graph = attr(r, "graph"), *mech = attr(r, "mechanism"), *node = attr(r, "node");
    char *src = attr(r, "source"), *tgt = attr(r, "target");
    char *name = attr(r, "attr"), *first = attr(r, "first"), *value = attr(r, "value");
    hs_error err = HS_OK;
    char element[600] = "";
    hs_domain domain = HS_DOMAIN_NODE;
    if (graph) {
        snprintf(element, sizeof element, "graph");
        domain = HS_DOMAIN_GRAPH;
    } else if (mech) {
        snprintf(element, sizeof element, "mechanism '%.256s'", mech);
    } else if (node) {
        snprintf(element, sizeof element, "node '%.256s'", node);
    } else if (src && tgt) {
        snprintf(element, sizeof element, "edge '%.256s %s %.256s'", src, r->m->directed ? "->" : "--", tgt);
        domain = HS_DOMAIN_EDGE;
    }
    if (name && first && value && element[0])
        err = hs_model_add_redefinition(r->m, domain, element, name, first, value, element_line_here(r));
    xmlFree(graph);
    xmlFree(mech);
    xmlFree(node);
    xmlFree(src);
    xmlFree(tgt);
    xmlFree(name);
    xmlFree(first);
    xmlFree(value);
    return err;
}

static int in_helper_ns(const reader *r) {
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r->xr);
    return ns && strcmp((const char *)ns, HS_HELPER_NS) == 0;
}

static hs_error read_graph(reader *r) {
    if (r->pass == 2) return HS_OK;
    if (r->graph_seen) return fail(r, "more than one graph; hubspoke reads one graph per file");
    r->graph_seen = 1;
    r->graph_depth = xmlTextReaderDepth(r->xr);
    char *edgedefault = attr(r, "edgedefault"), *gid = attr(r, "id");
    hs_error err = HS_OK;
    if (edgedefault && strcmp(edgedefault, "directed") && strcmp(edgedefault, "undirected"))
        err = fail(r, "edgedefault '%.100s' is neither directed nor undirected", edgedefault);
    /* GraphML's default is directed. */
    r->m->directed = !edgedefault || strcmp(edgedefault, "directed") == 0;
    if (!err && gid && gid[0] && !(r->m->name = hs_strdup(gid))) err = HS_ENOMEM;
    if (!err) err = apply_defaults(r, HS_DOMAIN_GRAPH, 0);
    xmlFree(edgedefault);
    xmlFree(gid);
    return err;
}

static hs_error keep_namespaces(reader *r) {
    hs_buf b = {0};
    xmlNodePtr root = xmlTextReaderCurrentNode(r->xr);
    for (const xmlNs *ns = root ? root->nsDef : NULL; ns; ns = ns->next) {
        /* The helper's namespace describes the DOT file, not the graph. */
        if (r->from_helper && ns->href && strcmp((const char *)ns->href, HS_HELPER_NS) == 0) continue;
        if (ns->prefix && ns->href &&
            hs_buf_printf(&b, " xmlns:%s=\"%s\"", (const char *)ns->prefix, (const char *)ns->href)) {
            hs_buf_free(&b);
            return HS_ENOMEM;
        }
    }
    r->m->graphml_namespaces = b.data;
    return HS_OK;
}

/* Past the current element and everything inside it; an XML error there is
 * reported by the main loop, from next_rc. */
static hs_error skip(reader *r) {
    r->next_rc = xmlTextReaderNext(r->xr);
    r->advanced = 1;
    return HS_OK;
}

/* One element start; nested graphs (yEd groups) are flattened: every node
 * and edge anywhere under the top graph belongs to the model. */
static hs_error element(reader *r, int depth) {
    while (r->nstack > 0 && r->stack[r->nstack - 1].depth >= depth) r->nstack--;
    const owner *top = r->nstack ? &r->stack[r->nstack - 1] : NULL;
    if (depth == 0) {
        if (!is_named(r, "graphml"))
            return fail(r, "root element is <%.100s>, not <graphml>", (const char *)xmlTextReaderConstLocalName(r->xr));
        return r->pass == 1 ? keep_namespaces(r) : HS_OK;
    }
    if (depth == 1 && is_named(r, "key")) return r->pass == 1 ? read_key(r) : skip(r);
    owner o = {depth, HS_DOMAIN_GRAPH, 0};
    hs_error err = HS_OK;
    if (is_named(r, "data")) {
        /* Only a direct child of the graph, a node or an edge carries data,
         * read in the pass that reads its owner. */
        int mine = top && top->depth == depth - 1 && (top->domain == HS_DOMAIN_EDGE) == (r->pass == 2);
        return mine ? read_data(r, top) : skip(r);
    }
    if (is_named(r, "graph")) {
        if (depth == 1) err = read_graph(r);
        else if (!(top && top->domain == HS_DOMAIN_NODE)) return HS_OK;
        o.depth = depth == 1 ? depth : -1; /* a nested graph's data is not the top graph's */
    } else if (!r->graph_seen || depth <= r->graph_depth) {
        return HS_OK;
    } else if (is_named(r, "node")) {
        o.domain = HS_DOMAIN_NODE;
        err = read_node(r, &o.index);
    } else if (is_named(r, "edge")) {
        if (r->pass == 1) return skip(r);
        o.domain = HS_DOMAIN_EDGE;
        err = read_edge(r, &o.index);
    } else if (r->from_helper && in_helper_ns(r)) {
        if (r->pass != 1) return HS_OK;
        return is_named(r, "subgraph") ? read_note(r) : is_named(r, "redefined") ? read_redefinition(r) : HS_OK;
    } else if (is_named(r, "hyperedge")) {
        return fail(r, "hyperedges are not supported");
    } else {
        return HS_OK;
    }
    if (err) return err;
    if (!xmlTextReaderIsEmptyElement(r->xr)) {
        if (r->nstack == (int)(sizeof r->stack / sizeof *r->stack)) return fail(r, "elements nested too deeply");
        r->stack[r->nstack++] = o;
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

/* Text in memory (data) or a file on disk (path), read once per pass. */
static hs_error parse(hs_model **out, const char *data, size_t len, const char *path, const char *display,
                      int with_lines, hs_diagnostics *diag) {
    hs_error err = HS_OK;
    xmlSetGenericErrorFunc(NULL, silent);
    /* No NOENT (entities stay references and are refused), no DTD loading,
     * no network; big lines so that line numbers past 65535 stay right. */
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
    reader r = {.display = display, .with_lines = with_lines, .from_helper = !with_lines};
    first_error first = {0, 0, "not well-formed XML"};
    err = hs_model_alloc(&r.m, display);
    if (!err) r.m->diag = diag;
    for (r.pass = 1; r.pass <= 2 && !err; r.pass++) {
        r.xr = path ? xmlReaderForFile(path, NULL, options) : xmlReaderForMemory(data, (int)len, display, NULL, options);
        if (!r.xr) {
            err = hs_error_set(HS_ENOMEM, "out of memory");
            break;
        }
        xmlTextReaderSetStructuredErrorHandler(r.xr, keep_first_error, &first);
        r.nstack = 0;
        int rc = xmlTextReaderRead(r.xr);
        while (!err && rc == 1) {
            r.advanced = 0;
            int type = xmlTextReaderNodeType(r.xr);
            if (type == XML_READER_TYPE_ELEMENT) err = element(&r, xmlTextReaderDepth(r.xr));
            if (!err && r.bad_utf8) err = fail(&r, "invalid UTF-8 (an overlong, surrogate or out-of-range sequence)");
            else if (type == XML_READER_TYPE_ENTITY_REFERENCE)
                err = fail(&r, "entity reference '&%.100s;' is not supported", (const char *)xmlTextReaderConstName(r.xr));
            rc = r.advanced ? r.next_rc : xmlTextReaderRead(r.xr);
        }
        /* An XML error also stops the reader inside content() or a skip. */
        if (rc < 0 || first.set) {
            err = first.line > 0 && with_lines
                      ? hs_error_set(HS_EINPUT, "%s:%d: XML error: %s", display, first.line, first.message)
                      : hs_error_set(HS_EINPUT, "%s: XML error: %s", display, first.message);
        } else if (!err && !r.graph_seen) {
            err = hs_error_set(HS_EINPUT, "%s: no <graph> element", display);
        }
        xmlFreeTextReader(r.xr);
        r.xr = NULL;
    }
    if (!err) err = hs_model_finish(r.m);
    /* Every error was recorded and reading went on: the model is not one,
     * but it is handed out for the checks of names (check_read.c). */
    int collected = 0;
    if (!err && diag && hs_diagnostics_error_count(diag)) {
        hs_error_clear(); /* the errors are in the list; no fatal one (check_read.c) */
        err = HS_EINPUT;
        collected = 1;
    }
    if (r.m) r.m->diag = NULL;
    if (!err || collected) {
        *out = r.m;
        r.m = NULL;
    }
    for (int i = 0; i < r.nkeys; i++) {
        xmlFree(r.keys[i].id);
        xmlFree(r.keys[i].name);
        xmlFree(r.keys[i].type);
        free(r.keys[i].default_value);
    }
    free(r.keys);
    for (int i = 0; i < 2; i++) {
        seen_reset(&r.seen[i]);
        free(r.seen[i].items);
    }
    hs_model_destroy(r.m);
    return err;
}

hs_error hs_graphml_parse(hs_model **out, const char *data, size_t len, const char *display, int with_lines,
                          hs_diagnostics *diag) {
    hs_error err = hs_input_check_text(data, len, display);
    if (err) return err;
    if (len > (size_t)INT32_MAX) return hs_error_set(HS_EINPUT, "%s: file too large", display);
    return parse(out, data, len, NULL, display, with_lines, diag);
}

hs_error hs_graphml_parse_file(hs_model **out, const char *path, const char *display, hs_diagnostics *diag) {
    return parse(out, NULL, 0, path, display, 1, diag);
}
