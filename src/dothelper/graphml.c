#define _GNU_SOURCE /* RTLD_NEXT */
#include "graphml.h"

#include <ctype.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DOM_GRAPH, DOM_NODE, DOM_EDGE, NDOM };
static const int dom_kind[NDOM] = {AGRAPH, AGNODE, AGEDGE};
static const char *const dom_name[NDOM] = {"graph", "node", "edge"};

typedef struct {
    int dom;
    const char *name;
    const char *def; /* "" when the key has no default */
    /* Node keys only: the graph attribute whose cluster-level values this key
     * carries on mechanism nodes. */
    Agsym_t *cluster_sym;
} gkey_t;

typedef struct {
    Agraph_t *root;
    int latin1;
    buf_t *out, *err;
    long bad; /* code point text() refused; -1: invalid UTF-8 */

    Agsym_t **sym[NDOM]; /* declared attributes, in declaration order */
    size_t nsym[NDOM];

    /* Domain d owns keys [first_key[d], first_key[d + 1]); its declared
     * attribute i is key first_key[d] + i, extra keys follow. */
    gkey_t *key;
    size_t nkey;
    size_t first_key[NDOM + 1];
    size_t type_key, kind_key;

    Agraph_t **cluster; /* depth-first, siblings in creation order */
    size_t ncluster;
    Agraph_t **plain; /* named subgraphs that are not clusters, in the same order */
    size_t nplain;
} conv_t;

/* The namespace of hubspoke's additions to the GraphML (docs/dot-helper.md). */
#define HS_NS "https://hubspoke.invalid/dot-helper"

/* ---- source lines ------------------------------------------------------------ */

/* An attribute that a DOT statement set on a node or an edge that an earlier
 * statement had already set to another value: DOT keeps the last one. */
typedef struct {
    int objtype; /* AGRAPH, AGNODE or AGEDGE */
    Agraph_t *graph; /* the root graph or a subgraph */
    char *name, *tail, *head; /* the node's name; the edge's ends */
    char *attr, *first, *value;
    long fed; /* the parser's line when it was set */
} redef_t;

enum { MAX_REDEFS = 1000 }; /* reported; more are counted */

static struct {
    buf_t text; /* what the parser has been handed so far */
    long fed_line; /* the line of the last text handed over */
    size_t newlines; /* line ends handed over */
    int parsing; /* between begin and hs_dot_lines_parsed */
    size_t *start; /* offsets of the lines' starts, built when first needed */
    size_t nlines;
    long *fed[3]; /* by object type (AGRAPH, AGNODE, AGEDGE) and sequence number */
    size_t nfed[3];
    /* (object type, sequence number, attribute) set by a statement so far,
     * open addressing, 0 = empty */
    uint64_t *set;
    size_t nset, capset;
    redef_t *redef;
    size_t nredef, more_redefs;
} lines;

void hs_dot_lines_begin(void)
{
    hs_dot_lines_end();
    lines.parsing = 1;
}

void hs_dot_lines_feed(const char *text, size_t len)
{
    if (!lines.parsing)
        return;
    buf_add(&lines.text, text, len);
    lines.fed_line = (long)lines.newlines + 1;
    for (size_t i = 0; i < len; i++)
        lines.newlines += text[i] == '\n';
}

void hs_dot_lines_parsed(void)
{
    lines.parsing = 0;
}

void hs_dot_lines_end(void)
{
    buf_free(&lines.text);
    free(lines.start);
    for (int t = 0; t < 3; t++)
        free(lines.fed[t]);
    free(lines.set);
    for (size_t i = 0; i < lines.nredef; i++) {
        redef_t *r = &lines.redef[i];
        free(r->name);
        free(r->tail);
        free(r->head);
        free(r->attr);
        free(r->first);
        free(r->value);
    }
    free(lines.redef);
    memset(&lines, 0, sizeof lines);
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n, 1), s, n);
}

/* Records key in the set; returns 1 if it was there already. */
static int set_seen(uint64_t key)
{
    if (2 * (lines.nset + 1) > lines.capset) {
        size_t cap = lines.capset ? 2 * lines.capset : 256;
        uint64_t *old = lines.set, *set = xrealloc(NULL, cap, sizeof *set);
        memset(set, 0, cap * sizeof *set);
        for (size_t i = 0; i < lines.capset; i++)
            if (old[i])
                for (size_t j = (size_t)(old[i] * 0x9E3779B97F4A7C15ULL) & (cap - 1);; j = (j + 1) & (cap - 1))
                    if (!set[j]) {
                        set[j] = old[i];
                        break;
                    }
        free(old);
        lines.set = set;
        lines.capset = cap;
    }
    for (size_t j = (size_t)(key * 0x9E3779B97F4A7C15ULL) & (lines.capset - 1);; j = (j + 1) & (lines.capset - 1)) {
        if (lines.set[j] == key)
            return 1;
        if (!lines.set[j]) {
            lines.set[j] = key;
            lines.nset++;
            return 0;
        }
    }
}

/* cgraph's parser sets each attribute of a statement with agxset() (grammar.y,
 * applyattrs; a graph attribute through agattr(), which calls it), called
 * through the PLT as readlimits.c's agnode() is: this definition sees each
 * one while a file is parsed, and records a value that replaces one an
 * earlier statement gave the same node, edge or (sub)graph. Node and edge
 * defaults (node [..], edge [..]) are not set with it; a graph attribute is
 * declared by setting the root's to "", which is not a statement's value, and
 * a subgraph's copy of its parent's values is not set with it either. */
int agxset(void *obj, Agsym_t *sym, char *value)
{
    static int (*real)(void *, Agsym_t *, char *);
    if (!real) {
        *(void **)&real = dlsym(RTLD_NEXT, "agxset");
        if (!real) {
            fprintf(stderr, "hubspoke-dot: cgraph's agxset not found\n");
            exit(70);
        }
    }
    int type = obj && sym && value ? AGTYPE(obj) : -1;
    if (lines.parsing && type >= 0 && (type != AGRAPH || value[0])) {
        int t = type == AGRAPH ? 0 : type == AGNODE ? 1 : 2;
        void *o = t == 2 ? (void *)AGMKOUT((Agedge_t *)obj) : obj;
        uint64_t key = ((uint64_t)AGSEQ(o) << 18 | (uint64_t)(sym->id & 0xffff) << 2 | (uint64_t)t) + 1;
        const char *now = agxget(o, sym);
        if (set_seen(key) && now && strcmp(now, value) != 0) {
            if (lines.nredef == MAX_REDEFS) {
                lines.more_redefs++;
            } else {
                lines.redef = xrealloc(lines.redef, lines.nredef + 1, sizeof *lines.redef);
                redef_t *r = &lines.redef[lines.nredef++];
                *r = (redef_t){.objtype = t == 0 ? AGRAPH : t == 1 ? AGNODE : AGEDGE, .fed = lines.fed_line};
                if (t == 0) {
                    r->graph = o;
                } else if (t == 1) {
                    r->name = xstrdup(agnameof(o));
                } else {
                    r->tail = xstrdup(agnameof(agtail((Agedge_t *)o)));
                    r->head = xstrdup(agnameof(aghead((Agedge_t *)o)));
                }
                r->attr = xstrdup(sym->name);
                r->first = xstrdup(now);
                r->value = xstrdup(value);
            }
        }
    }
    return real(obj, sym, value);
}

void hs_dot_lines_note(int objtype, void *obj, long line)
{
    if (!lines.parsing)
        return;
    int t = objtype == AGRAPH ? 0 : objtype == AGNODE ? 1 : 2;
    size_t seq = (size_t)AGSEQ(obj);
    if (seq >= lines.nfed[t]) {
        size_t n = seq < 64 ? 64 : 2 * seq;
        lines.fed[t] = xrealloc(lines.fed[t], n, sizeof(long));
        memset(lines.fed[t] + lines.nfed[t], 0, (n - lines.nfed[t]) * sizeof(long));
        lines.nfed[t] = n;
    }
    lines.fed[t][seq] = line;
}

static int id_char(unsigned char ch)
{
    return isalnum(ch) || ch == '_' || ch == '.' || ch >= 0x80;
}

/* Does line k (1-based) hold name as a whole token, quoted or not? */
static int line_has(size_t k, const char *name, size_t n)
{
    const char *b = lines.text.p + lines.start[k - 1];
    const char *e = k < lines.nlines ? lines.text.p + lines.start[k] : lines.text.p + lines.text.len;
    for (const char *p = b; n && (size_t)(e - p) >= n; p++) {
        p = memchr(p, name[0], (size_t)(e - p) - n + 1);
        if (!p)
            return 0;
        if (memcmp(p, name, n) == 0 && (p == b || !id_char((unsigned char)p[-1])) &&
            (p + n == e || !id_char((unsigned char)p[n])))
            return 1;
    }
    return 0;
}

/* The line where the object named `name` was written: the nearest line at or
 * before the parser's position that holds the name (a few lines back at
 * most: the lookahead is one token), else that position; 0 when unknown. */
static long look_back(long fed, const char *name);

static long source_line(int objtype, void *obj, const char *name)
{
    int t = objtype == AGRAPH ? 0 : objtype == AGNODE ? 1 : 2;
    size_t seq = (size_t)AGSEQ(obj);
    return look_back(seq < lines.nfed[t] ? lines.fed[t][seq] : 0, name);
}

/* From line fed back to the line that holds name. */
static long look_back(long fed, const char *name)
{
    if (fed <= 0 || !lines.text.p)
        return fed;
    if (!lines.start) {
        size_t n = 1;
        for (size_t i = 0; i < lines.text.len; i++)
            n += lines.text.p[i] == '\n';
        lines.start = xrealloc(NULL, n, sizeof(size_t));
        lines.start[0] = 0;
        lines.nlines = 1;
        for (size_t i = 0; i < lines.text.len; i++)
            if (lines.text.p[i] == '\n')
                lines.start[lines.nlines++] = i + 1;
    }
    if ((size_t)fed > lines.nlines)
        fed = (long)lines.nlines;
    size_t n = strlen(name);
    for (long k = fed; k > 0 && k > fed - 100; k--)
        if (line_has((size_t)k, name, n))
            return k;
    return fed;
}

/* hs:line="N" on the element being written, when N is known. */
static void put_line(conv_t *c, long line)
{
    if (line > 0)
        buf_printf(c->out, " hs:line=\"%ld\"", line);
}

/* ---- text ----------------------------------------------------------------- */

/* Appends s escaped for XML text and attribute values. TAB, LF and CR become
 * character references because attribute-value normalisation would turn them
 * into spaces, and CR would not survive line-end normalisation in text. */
static int text(conv_t *c, const char *s)
{
    buf_t *o = c->out;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned long cp = *p;
        size_t n = c->latin1 ? 1 : utf8_decode(p, &cp);
        if (n == 0) {
            c->bad = -1;
            return -1;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
            c->bad = (long)cp;
            return -1;
        }
        switch (cp) {
        case '&': buf_puts(o, "&amp;"); break;
        case '<': buf_puts(o, "&lt;"); break;
        case '>': buf_puts(o, "&gt;"); break;
        case '"': buf_puts(o, "&quot;"); break;
        case '\t': buf_puts(o, "&#9;"); break;
        case '\n': buf_puts(o, "&#10;"); break;
        case '\r': buf_puts(o, "&#13;"); break;
        default:
            if (c->latin1)
                utf8_put(o, cp);
            else
                buf_add(o, (const char *)p, n);
        }
        p += n;
    }
    return 0;
}

/* Reports what text() refused. fmt knows two conversions: %s (a literal of
 * ours) and %q (a string from the graph: quoted, shortened, and with invalid
 * or control bytes shown as '?', so it may be the refused string itself). */
static int bad(conv_t *c, const char *fmt, ...)
{
    if (c->bad < 0)
        buf_puts(c->err, "invalid UTF-8 in ");
    else
        buf_printf(c->err, "character U+%04lX not allowed in XML in ", (unsigned long)c->bad);
    va_list ap;
    va_start(ap, fmt);
    for (const char *f = fmt; *f; f++) {
        if (f[0] == '%' && f[1] == 's') {
            buf_puts(c->err, va_arg(ap, const char *));
            f++;
        } else if (f[0] == '%' && f[1] == 'q') {
            buf_puts(c->err, "\"");
            utf8_show(c->err, va_arg(ap, const char *), 60, c->latin1);
            buf_puts(c->err, "\"");
            f++;
        } else {
            buf_add(c->err, f, 1);
        }
    }
    va_end(ap);
    return -1;
}

/* ---- graph structure -------------------------------------------------------- */

static int by_sym_id(const void *a, const void *b)
{
    int x = (*(Agsym_t *const *)a)->id, y = (*(Agsym_t *const *)b)->id;
    return (x > y) - (x < y);
}

static int by_graph_seq(const void *a, const void *b)
{
    unsigned long x = AGSEQ(*(Agraph_t *const *)a), y = AGSEQ(*(Agraph_t *const *)b);
    return (x > y) - (x < y);
}

static int by_edge_seq(const void *a, const void *b)
{
    unsigned long x = AGSEQ(*(Agedge_t *const *)a), y = AGSEQ(*(Agedge_t *const *)b);
    return (x > y) - (x < y);
}

/* agnxtattr() walks a dictionary ordered by name; Agsym_t.id is the order of
 * declaration. */
static void collect_syms(conv_t *c, int d)
{
    size_t n = 0;
    for (Agsym_t *s = agnxtattr(c->root, dom_kind[d], NULL); s; s = agnxtattr(c->root, dom_kind[d], s))
        n++;
    c->sym[d] = xrealloc(NULL, n, sizeof(Agsym_t *));
    n = 0;
    for (Agsym_t *s = agnxtattr(c->root, dom_kind[d], NULL); s; s = agnxtattr(c->root, dom_kind[d], s))
        c->sym[d][n++] = s;
    qsort(c->sym[d], n, sizeof(Agsym_t *), by_sym_id);
    c->nsym[d] = n;
}

int hs_dot_is_cluster(Agraph_t *sg)
{
    return strncmp(agnameof(sg), "cluster", 7) == 0;
}

static const char *mechanism_id(Agraph_t *sg)
{
    const char *name = agnameof(sg);
    const char *id = strncmp(name, "cluster_", 8) == 0 ? name + 8 : name + 7;
    return *id ? id : name;
}

/* agfstsubg() walks subgraphs in the order of their ids, which for named
 * subgraphs are string addresses: sort siblings by creation instead. */
static void collect_clusters(conv_t *c, Agraph_t *g)
{
    size_t n = 0;
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        n++;
    if (n == 0)
        return;
    Agraph_t **kids = xrealloc(NULL, n, sizeof *kids);
    n = 0;
    for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
        kids[n++] = s;
    qsort(kids, n, sizeof *kids, by_graph_seq);
    for (size_t i = 0; i < n; i++) {
        if (hs_dot_is_cluster(kids[i])) {
            c->cluster = xrealloc(c->cluster, c->ncluster + 1, sizeof *c->cluster);
            c->cluster[c->ncluster++] = kids[i];
        } else if (agnameof(kids[i])[0] != '%') { /* cgraph names anonymous subgraphs "%N" */
            c->plain = xrealloc(c->plain, c->nplain + 1, sizeof *c->plain);
            c->plain[c->nplain++] = kids[i];
        }
        collect_clusters(c, kids[i]);
    }
    free(kids);
}

/* A new subgraph starts with its parent's values, so only a differing value
 * can have been set by the subgraph itself. */
static int set_by_cluster(Agraph_t *sg, Agsym_t *sym)
{
    return strcmp(agxget(sg, sym), agxget(agparent(sg), sym)) != 0;
}

static size_t add_key(conv_t *c, int dom, const char *name, const char *def)
{
    c->key = xrealloc(c->key, c->nkey + 1, sizeof *c->key);
    c->key[c->nkey] = (gkey_t){dom, name, def, NULL};
    return c->nkey++;
}

static size_t find_key(const conv_t *c, int dom, const char *name)
{
    for (size_t k = c->first_key[dom]; k < c->nkey && c->key[k].dom == dom; k++)
        if (strcmp(c->key[k].name, name) == 0)
            return k;
    return SIZE_MAX;
}

static void build_keys(conv_t *c)
{
    for (int d = 0; d < NDOM; d++) {
        c->first_key[d] = c->nkey;
        for (size_t i = 0; i < c->nsym[d]; i++)
            add_key(c, d, c->sym[d][i]->name, d == DOM_GRAPH ? "" : c->sym[d][i]->defval);
        if (c->ncluster == 0)
            continue;
        if (d == DOM_NODE) {
            c->type_key = find_key(c, DOM_NODE, "type");
            if (c->type_key == SIZE_MAX)
                c->type_key = add_key(c, DOM_NODE, "type", "");
            /* A mechanism is a node: cluster-level attributes become node keys. */
            for (size_t i = 0; i < c->nsym[DOM_GRAPH]; i++) {
                Agsym_t *gs = c->sym[DOM_GRAPH][i];
                size_t j = 0;
                while (j < c->ncluster && !set_by_cluster(c->cluster[j], gs))
                    j++;
                if (j == c->ncluster)
                    continue;
                size_t k = find_key(c, DOM_NODE, gs->name);
                if (k == SIZE_MAX)
                    k = add_key(c, DOM_NODE, gs->name, "");
                c->key[k].cluster_sym = gs;
            }
        } else if (d == DOM_EDGE) {
            c->kind_key = find_key(c, DOM_EDGE, "kind");
            if (c->kind_key == SIZE_MAX)
                c->kind_key = add_key(c, DOM_EDGE, "kind", "");
        }
    }
    c->first_key[NDOM] = c->nkey;
}

/* ---- output ----------------------------------------------------------------- */

static int put_data(conv_t *c, size_t key, const char *value)
{
    buf_printf(c->out, "<data key=\"d%zu\">", key);
    if (text(c, value) != 0)
        return -1;
    buf_puts(c->out, "</data>");
    return 0;
}

/* put_data() for a node or edge whose start tag is still open. */
static int datum(conv_t *c, int *opened, size_t key, const char *value)
{
    if (!*opened)
        buf_puts(c->out, ">");
    *opened = 1;
    return put_data(c, key, value);
}

static void close_element(conv_t *c, int opened, const char *tag)
{
    if (opened)
        buf_printf(c->out, "</%s>\n", tag);
    else
        buf_puts(c->out, "/>\n");
}

static int write_keys(conv_t *c)
{
    for (size_t k = 0; k < c->nkey; k++) {
        const gkey_t *key = &c->key[k];
        buf_printf(c->out, "  <key id=\"d%zu\" for=\"%s\" attr.name=\"", k, dom_name[key->dom]);
        if (text(c, key->name) != 0)
            return bad(c, "%s attribute name %q", dom_name[key->dom], key->name);
        buf_puts(c->out, "\" attr.type=\"string\"");
        if (*key->def) {
            buf_puts(c->out, "><default>");
            if (text(c, key->def) != 0)
                return bad(c, "the default of %s attribute %q", dom_name[key->dom], key->name);
            buf_puts(c->out, "</default></key>\n");
        } else {
            buf_puts(c->out, "/>\n");
        }
    }
    return 0;
}

static int write_nodes(conv_t *c)
{
    size_t k0 = c->first_key[DOM_NODE];
    for (Agnode_t *n = agfstnode(c->root); n; n = agnxtnode(c->root, n)) {
        buf_puts(c->out, "    <node id=\"");
        if (text(c, agnameof(n)) != 0)
            return bad(c, "node name %q", agnameof(n));
        buf_puts(c->out, "\"");
        put_line(c, source_line(AGNODE, n, agnameof(n)));
        int opened = 0;
        for (size_t i = 0; i < c->nsym[DOM_NODE]; i++) {
            Agsym_t *s = c->sym[DOM_NODE][i];
            const char *v = agxget(n, s);
            if (strcmp(v, s->defval) != 0 && datum(c, &opened, k0 + i, v) != 0)
                return bad(c, "node %q attribute %q", agnameof(n), s->name);
        }
        close_element(c, opened, "node");
    }
    return 0;
}

static int write_mechanisms(conv_t *c)
{
    for (size_t j = 0; j < c->ncluster; j++) {
        Agraph_t *sg = c->cluster[j];
        buf_puts(c->out, "    <node id=\"");
        if (text(c, mechanism_id(sg)) != 0)
            return bad(c, "cluster name %q", agnameof(sg));
        buf_puts(c->out, "\"");
        put_line(c, source_line(AGRAPH, sg, agnameof(sg)));
        int opened = 0;
        for (size_t k = c->first_key[DOM_NODE]; k < c->first_key[DOM_NODE + 1]; k++) {
            Agsym_t *gs = c->key[k].cluster_sym;
            const char *v = NULL;
            if (gs && set_by_cluster(sg, gs))
                v = agxget(sg, gs);
            else if (k == c->type_key)
                v = "mechanism";
            if (v && datum(c, &opened, k, v) != 0)
                return bad(c, "cluster %q attribute %q", agnameof(sg), c->key[k].name);
        }
        close_element(c, opened, "node");
    }
    return 0;
}

static int write_edges(conv_t *c)
{
    size_t ne = 0;
    Agedge_t **edges = xrealloc(NULL, (size_t)agnedges(c->root), sizeof *edges);
    for (Agnode_t *n = agfstnode(c->root); n; n = agnxtnode(c->root, n))
        for (Agedge_t *e = agfstout(c->root, n); e; e = agnxtout(c->root, e))
            edges[ne++] = e;
    qsort(edges, ne, sizeof *edges, by_edge_seq);

    const char *op = agisdirected(c->root) ? "->" : "--";
    size_t k0 = c->first_key[DOM_EDGE];
    int rc = 0;
    for (size_t i = 0; i < ne && rc == 0; i++) {
        Agedge_t *e = edges[i];
        const char *tail = agnameof(agtail(e)), *head = agnameof(aghead(e)), *key = agnameof(e);
        buf_puts(c->out, "    <edge");
        if (key && key[0] != '%') {
            buf_puts(c->out, " id=\"");
            if (text(c, key) != 0) {
                rc = bad(c, "key %q of edge %q %s %q", key, tail, op, head);
                break;
            }
            buf_puts(c->out, "\"");
        }
        /* Node names were accepted when the nodes were written. */
        buf_puts(c->out, " source=\"");
        (void)text(c, tail);
        buf_puts(c->out, "\" target=\"");
        (void)text(c, head);
        buf_puts(c->out, "\"");
        put_line(c, source_line(AGEDGE, e, head));
        int opened = 0;
        for (size_t j = 0; j < c->nsym[DOM_EDGE] && rc == 0; j++) {
            Agsym_t *s = c->sym[DOM_EDGE][j];
            const char *v = agxget(e, s);
            if (strcmp(v, s->defval) != 0 && datum(c, &opened, k0 + j, v) != 0)
                rc = bad(c, "edge %q %s %q attribute %q", tail, op, head, s->name);
        }
        close_element(c, opened, "edge");
    }
    free(edges);
    return rc;
}

static void write_memberships(conv_t *c)
{
    for (size_t j = 0; j < c->ncluster; j++) {
        Agraph_t *sg = c->cluster[j];
        long line = source_line(AGRAPH, sg, agnameof(sg));
        for (Agnode_t *n = agfstnode(sg); n; n = agnxtnode(sg, n)) {
            buf_puts(c->out, "    <edge source=\"");
            (void)text(c, agnameof(n));
            buf_puts(c->out, "\" target=\"");
            (void)text(c, mechanism_id(sg));
            buf_puts(c->out, "\"");
            put_line(c, line);
            buf_printf(c->out, "><data key=\"d%zu\">member</data></edge>\n", c->kind_key);
        }
    }
}

/* The attributes a subgraph sets itself, comma-separated: graph attributes
 * that differ from its parent's, and node or edge defaults ("node shape"). */
static void subgraph_attrs(conv_t *c, Agraph_t *sg, buf_t *out)
{
    for (size_t i = 0; i < c->nsym[DOM_GRAPH]; i++)
        if (set_by_cluster(sg, c->sym[DOM_GRAPH][i]))
            buf_printf(out, "%s%s", out->len ? "," : "", c->sym[DOM_GRAPH][i]->name);
    for (int d = DOM_NODE; d <= DOM_EDGE; d++)
        for (size_t i = 0; i < c->nsym[d]; i++) {
            Agsym_t *here = agattr(sg, dom_kind[d], c->sym[d][i]->name, NULL);
            Agsym_t *up = agattr(agparent(sg), dom_kind[d], c->sym[d][i]->name, NULL);
            if (here && up && strcmp(here->defval, up->defval) != 0)
                buf_printf(out, "%s%s %s", out->len ? "," : "", dom_name[d], c->sym[d][i]->name);
        }
}

/* Subgraphs that declare nothing, for hubspoke's check "subgraph-not-cluster":
 * hs:subgraph elements, which other GraphML readers ignore. */
static int write_plain_subgraphs(conv_t *c)
{
    for (size_t j = 0; j < c->nplain; j++) {
        Agraph_t *sg = c->plain[j];
        buf_t attrs = {0};
        subgraph_attrs(c, sg, &attrs);
        buf_puts(c->out, "    <hs:subgraph name=\"");
        int rc = text(c, agnameof(sg));
        if (rc == 0) {
            buf_puts(c->out, "\" attrs=\"");
            rc = text(c, attrs.p ? attrs.p : "");
        }
        buf_free(&attrs);
        if (rc != 0)
            return bad(c, "subgraph %q", agnameof(sg));
        buf_printf(c->out, "\" hs:nodes=\"%d\" hs:edges=\"%d\"", agnnodes(sg), agnedges(sg));
        put_line(c, source_line(AGRAPH, sg, agnameof(sg)));
        buf_puts(c->out, "/>\n");
    }
    return 0;
}

/* Values that replaced others, for hubspoke's check "redefined-attribute":
 * hs:redefined elements, which other GraphML readers ignore. */
static int write_redefinitions(conv_t *c)
{
    for (size_t i = 0; i < lines.nredef; i++) {
        const redef_t *r = &lines.redef[i];
        int rc;
        if (r->objtype == AGRAPH && r->graph == c->root) {
            buf_puts(c->out, "    <hs:redefined graph=\"");
            rc = 0;
        } else if (r->objtype == AGRAPH) {
            if (!hs_dot_is_cluster(r->graph))
                continue; /* declares nothing */
            buf_puts(c->out, "    <hs:redefined mechanism=\"");
            rc = text(c, mechanism_id(r->graph));
        } else if (r->objtype == AGNODE) {
            buf_puts(c->out, "    <hs:redefined node=\"");
            rc = text(c, r->name);
        } else {
            buf_puts(c->out, "    <hs:redefined source=\"");
            rc = text(c, r->tail);
            buf_puts(c->out, "\" target=\"");
            rc = rc ? rc : text(c, r->head);
        }
        buf_puts(c->out, "\" attr=\"");
        rc = rc ? rc : text(c, r->attr);
        buf_puts(c->out, "\" first=\"");
        rc = rc ? rc : text(c, r->first);
        buf_puts(c->out, "\" value=\"");
        rc = rc ? rc : text(c, r->value);
        if (rc != 0)
            return bad(c, "attribute %q", r->attr);
        buf_puts(c->out, "\"");
        put_line(c, look_back(r->fed, r->attr));
        buf_puts(c->out, "/>\n");
    }
    if (lines.more_redefs)
        buf_printf(c->out, "    <hs:redefined more=\"%zu\"/>\n", lines.more_redefs);
    return 0;
}

static int is_latin1(Agraph_t *g)
{
    static const char *const names[] = {"latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1"};
    const char *cs = agget(g, "charset");
    if (!cs)
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t j = 0;
        while (names[i][j] && tolower((unsigned char)cs[j]) == names[i][j])
            j++;
        if (!names[i][j] && !cs[j])
            return 1;
    }
    return 0;
}

static int write_document(conv_t *c)
{
    buf_puts(c->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:hs=\"" HS_NS "\">\n");
    if (write_keys(c) != 0)
        return -1;

    buf_puts(c->out, "  <graph");
    const char *name = agnameof(c->root);
    /* cgraph names anonymous graphs "%<id>". */
    if (name && name[0] != '%') {
        buf_puts(c->out, " id=\"");
        if (text(c, name) != 0)
            return bad(c, "graph name %q", name);
        buf_puts(c->out, "\"");
    }
    buf_printf(c->out, " edgedefault=\"%s\">\n", agisdirected(c->root) ? "directed" : "undirected");
    for (size_t i = 0; i < c->nsym[DOM_GRAPH]; i++) {
        Agsym_t *s = c->sym[DOM_GRAPH][i];
        const char *v = agxget(c->root, s);
        if (!*v)
            continue;
        /* The text is UTF-8 from here on: a Latin-1 charset would have the
         * next reader of a DOT version decode it twice. */
        if (c->latin1 && strcmp(s->name, "charset") == 0)
            v = "UTF-8";
        buf_puts(c->out, "    ");
        if (put_data(c, c->first_key[DOM_GRAPH] + i, v) != 0)
            return bad(c, "graph attribute %q", s->name);
        buf_puts(c->out, "\n");
    }

    if (write_nodes(c) != 0 || write_mechanisms(c) != 0 || write_edges(c) != 0)
        return -1;
    write_memberships(c);
    if (write_plain_subgraphs(c) != 0 || write_redefinitions(c) != 0)
        return -1;
    buf_puts(c->out, "  </graph>\n</graphml>\n");
    return 0;
}

int hs_dot_to_graphml(Agraph_t *g, buf_t *out, buf_t *err)
{
    conv_t c = {.root = g, .latin1 = is_latin1(g), .out = out, .err = err,
                .type_key = SIZE_MAX, .kind_key = SIZE_MAX};
    for (int d = 0; d < NDOM; d++)
        collect_syms(&c, d);
    collect_clusters(&c, g);
    build_keys(&c);

    int rc = write_document(&c);

    for (int d = 0; d < NDOM; d++)
        free(c.sym[d]);
    free(c.key);
    free(c.cluster);
    free(c.plain);
    return rc;
}
