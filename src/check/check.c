/* The warning checks: mistakes that are valid in form but would change a
 * number without a word. Each rule, its code and the reasoning behind its
 * thresholds are in docs/schema.md, "Checks"; keep the two in step. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "core/internal.h"
#include "hubspoke/import.h"
#include "model/model_internal.h"

typedef struct ctx {
    const hs_model *m;
    hs_diagnostics *d;
    size_t *degree; /* per vertex: edges that end at it (ties and memberships) */
    long hub;       /* the hub over the whole file, or -1 */
} ctx;

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static hs_error
warn(ctx *c, const char *code, hs_domain domain, size_t index, const char *fmt, ...) {
    char what[512], reason[1024];
    int line = 0;
    if (domain == HS_DOMAIN_GRAPH) {
        snprintf(what, sizeof what, "graph");
    } else {
        hs_model_describe(c->m, domain, index, what, sizeof what);
        line = domain == HS_DOMAIN_NODE ? c->m->v[index].line : c->m->e[index].line;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    const char *file = domain == HS_DOMAIN_GRAPH ? c->m->file : hs_model_element_file(c->m, domain, index);
    return hs_diagnostics_add(c->d, HS_SEVERITY_WARNING, code, file, line, what, "%s", reason);
}

static const char *plural(size_t n, const char *one, const char *many) { return n == 1 ? one : many; }

/* ---- attributes ----------------------------------------------------------------- */

/* Attribute names of Graphviz (its attrs.html) and of the common GraphML
 * writers (yEd, Gephi, NetworkX, igraph): a file may use them on purpose, so
 * they are never taken for a misspelt schema attribute (Graphviz's `height`
 * is one letter from `weight`, `xlabel` from `label`). */
static const char *const foreign_names[] = {
    "Damping", "K", "URL", "_background", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "bgcolor", "center",
    "charset", "class", "cluster", "clusterrank", "color", "colorscheme", "comment", "compound", "concentrate",
    "constraint", "decorate", "defaultdist", "dim", "dimen", "dir", "diredgeconstraints", "distortion", "dpi",
    "edgeURL", "edgehref", "edgetarget", "edgetooltip", "epsilon", "esep", "fillcolor", "fixedsize", "fontcolor",
    "fontname", "fontnames", "fontpath", "fontsize", "forcelabels", "gradientangle", "group", "headURL", "head_lp",
    "headclip", "headhref", "headlabel", "headport", "headtarget", "headtooltip", "height", "href", "id", "image",
    "imagepath", "imagepos", "imagescale", "inputscale", "label_scheme", "labelURL", "labelangle", "labeldistance",
    "labelfloat", "labelfontcolor", "labelfontname", "labelfontsize", "labelhref", "labeljust", "labelloc",
    "labeltarget", "labeltooltip", "landscape", "layer", "layerlistsep", "layers", "layerselect", "layersep", "layout",
    "len", "levels", "levelsgap", "lhead", "lheight", "lp", "ltail", "lwidth", "margin", "maxiter", "mclimit",
    "mindist", "minlen", "mode", "model", "mosek", "newrank", "nodesep", "nojustify", "normalize", "notranslate",
    "nslimit", "nslimit1", "ordering", "orientation", "outputorder", "overlap", "overlap_scaling", "overlap_shrink",
    "pack", "packmode", "pad", "page", "pagedir", "pencolor", "penwidth", "peripheries", "pin", "pos", "quadtree",
    "quantum", "rank", "rankdir", "ranksep", "ratio", "rects", "regular", "remincross", "repulsiveforce", "resolution",
    "root", "rotate", "rotation", "samehead", "sametail", "samplepoints", "scale", "searchsize", "sep", "shape",
    "shapefile", "showboxes", "sides", "size", "skew", "smoothing", "sortv", "splines", "start", "style", "stylesheet",
    "tailURL", "tail_lp", "tailclip", "tailhref", "taillabel", "tailport", "tailtarget", "tailtooltip", "target",
    "tooltip", "truecolor", "vertices", "viewport", "voro_margin", "width", "xdotversion", "xlabel", "xlp", "z",
    /* GraphML writers */
    "name", "x", "y", "r", "g", "b", "description", "url", "graphics", "nodegraphics", "edgegraphics", "resources",
    "Description", "value", "title", "timeset", "start", "end", "interval", "note", "notes"};

static int is_foreign(const char *name) {
    for (size_t i = 0; i < sizeof foreign_names / sizeof *foreign_names; i++) {
        if (strcmp(foreign_names[i], name) == 0) return 1;
    }
    return 0;
}

static const char *const domain_names[HS_DOMAIN_COUNT] = {"graph", "node", "edge"};

/* Where a schema attribute of another domain belongs, in words. */
static const char *belongs(const char *name) {
    static const struct {
        const char *name, *where;
    } places[] = {{"hub", "the graph"},
                  {"period", "the graph"},
                  {"type", "vertices"},
                  {"role", "states"},
                  {"kind", "ties and mechanisms"},
                  {"scope", "mechanisms"},
                  {"issue", "mechanisms"},
                  {"weight", "ties and mechanisms"},
                  {"since", "states, ties and mechanisms"},
                  {"until", "states, ties and mechanisms"},
                  {"source", "ties"},
                  {"label", "vertices and ties"}};
    for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
        if (strcmp(places[i].name, name) == 0) return places[i].where;
    }
    return "other elements";
}

/* The schema attribute `name` should have been, or NULL: `code` says why. */
static const char *diagnose_name(hs_domain domain, const char *name, const char **code, size_t *distance) {
    const char *const *own = hs_schema_attr_names(domain);
    /* A schema attribute of another domain, where it means nothing. */
    for (int d = 0; d < HS_DOMAIN_COUNT; d++) {
        for (const char *const *a = hs_schema_attr_names((hs_domain)d); *a; a++) {
            if (strcmp(*a, name) != 0) continue;
            /* A citation on a vertex is a natural extra; on the graph, only a
             * span, a kind or a depth is likely meant for the elements. */
            if ((domain == HS_DOMAIN_NODE && strcmp(name, "source") == 0) ||
                (domain == HS_DOMAIN_GRAPH && strcmp(name, "since") && strcmp(name, "until") && strcmp(name, "kind") &&
                 strcmp(name, "weight") && strcmp(name, "scope")))
                return NULL;
            *code = "misplaced-attribute";
            /* A tie's `type` is most likely its kind. */
            if (domain == HS_DOMAIN_EDGE && strcmp(name, "type") == 0) return "kind";
            if (domain == HS_DOMAIN_NODE && strcmp(name, "hub") == 0) return "role";
            return name;
        }
    }
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (int pass = 0; pass < 2 && !best; pass++) {
        /* The element's own attributes first, then the other domains'. */
        for (int d = 0; d < HS_DOMAIN_COUNT; d++) {
            if ((pass == 0) != (d == (int)domain)) continue;
            for (const char *const *a = hs_schema_attr_names((hs_domain)d); *a; a++) {
                if (hs_osa_distance(*a, name, 1, 0) == 0) {
                    *code = "attribute-case";
                    *distance = 0;
                    return *a;
                }
                if (is_foreign(name)) continue;
                /* One edit in a short name, two in a name of six letters or more. */
                size_t max = strlen(*a) >= 6 ? 2 : 1;
                size_t dist = hs_osa_distance(*a, name, 1, max);
                if (dist <= max && dist < best_d) {
                    best = *a;
                    best_d = dist;
                }
            }
        }
    }
    (void)own;
    if (best) {
        *code = "unknown-attribute";
        *distance = best_d;
    }
    return best;
}

static hs_error check_attributes(ctx *c) {
    const hs_model *m = c->m;
    hs_error err = HS_OK;
    for (int d = 0; d < HS_DOMAIN_COUNT && !err; d++) {
        for (int k = 0; k < m->extra_key_count[d] && !err; k++) {
            const char *name = m->extra_keys[d][k].name, *code = NULL;
            size_t distance = 0;
            const char *meant = diagnose_name((hs_domain)d, name, &code, &distance);
            if (!meant) continue;
            /* The elements that carry it: the first is named, the rest counted. */
            size_t count = 0, first = 0, n = d == HS_DOMAIN_NODE ? m->nv : d == HS_DOMAIN_EDGE ? m->ne : 1;
            for (size_t i = 0; i < n; i++) {
                const hs_extras *x = d == HS_DOMAIN_NODE   ? &m->v[i].extras
                                     : d == HS_DOMAIN_EDGE ? &m->e[i].extras
                                                           : &m->graph_extras;
                for (int j = 0; j < x->count; j++) {
                    if (x->items[j].key != k || !x->items[j].value[0]) continue;
                    if (!count++) first = i;
                    break;
                }
            }
            if (!count) continue; /* declared, never given a value */
            char more[96] = "";
            if (count > 1)
                snprintf(
                    more, sizeof more, " (and %zu more %s)", count - 1,
                    d == HS_DOMAIN_NODE ? plural(count - 1, "vertex", "vertices") : plural(count - 1, "edge", "edges"));
            if (strcmp(code, "attribute-case") == 0)
                err = warn(c, code, (hs_domain)d, first,
                           "attribute '%s' is not '%s' (names are case-sensitive): it is kept as an extra attribute "
                           "and has no effect%s",
                           name, meant, more);
            else if (strcmp(code, "misplaced-attribute") == 0 && strcmp(meant, name) != 0)
                err = warn(c, code, (hs_domain)d, first,
                           "%s attribute '%s' is not in the schema (did you mean '%s'?): it is kept as an extra "
                           "attribute and has no effect%s",
                           domain_names[d], name, meant, more);
            else if (strcmp(code, "misplaced-attribute") == 0)
                err = warn(c, code, (hs_domain)d, first,
                           "'%s' applies to %s, not to %s %s: it is kept as an extra attribute and has no effect%s",
                           name, belongs(name), d == HS_DOMAIN_EDGE ? "an" : "a",
                           d == HS_DOMAIN_GRAPH ? "graph" : domain_names[d], more);
            else
                err = warn(c, code, (hs_domain)d, first,
                           "unknown attribute '%s' (did you mean '%s'?): it is kept as an extra attribute and has no "
                           "effect%s",
                           name, meant, more);
        }
    }
    return err;
}

/* ---- ids that occur once beside a near one ---------------------------------------- */

/* Ids longer than this are left out of the comparison (and so are files of
 * more states than SIMILAR_MAX_STATES): a typo worth reporting is in a name
 * someone typed, and the index below grows with the ids' lengths. */
#define SIMILAR_MAX_ID     32
#define SIMILAR_MAX_STATES 100000

static int code_like(const char *s) {
    size_t n = strlen(s);
    if (n < 2 || n > 4) return 0;
    for (; *s; s++) {
        if (*s < 'A' || *s > 'Z') return 0;
    }
    return 1;
}

static int has_digit(const char *s) { return strpbrk(s, "0123456789") != NULL; }

/* Is code the ISO 3166-1 alpha-3 code of a COW state (hs_cow_iso3's table)? */
static int iso3_known(const char *code) {
    for (int ccode = 1; ccode < 1000; ccode++) {
        const char *iso = hs_cow_iso3(ccode);
        if (iso && strcmp(iso, code) == 0) return 1;
    }
    return 0;
}

static int fold(int ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

/* Is b what a was meant to be (docs/schema.md, "Checks": similar-id)? */
static int near_id(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    /* Numbered ids (n1, n2, WAR-3PB1) are machine-made, not typed. */
    if (la < 3 || lb < 3 || has_digit(a) || has_digit(b)) return 0;
    if (hs_osa_distance(a, b, 1, 0) == 0) return 1; /* usa for USA */
    if (code_like(a) && code_like(b)) {
        /* Codes one letter apart are mostly both real (AUS and AUT, IRN and
         * IRQ: 165 pairs among ISO's); two swapped letters are a typo, but
         * for four pairs of real codes (IDN and IND, ...). */
        if (la != lb || hs_osa_distance(a, b, 0, 1) != 1) return 0;
        size_t i = 0;
        while (a[i] == b[i]) i++;
        if (i + 1 >= la || a[i] != b[i + 1] || a[i + 1] != b[i]) return 0;
        return !(iso3_known(a) && iso3_known(b));
    }
    /* Names: one edit after the first letter (a word with a letter put in
     * front is another word: open and fopen), in names of four letters or
     * more; or a difference in case only. */
    if (la < 4 || lb < 4 || fold((unsigned char)a[0]) != fold((unsigned char)b[0])) return 0;
    return hs_osa_distance(a, b, 1, 1) <= 1;
}

static uint64_t fnv(const char *s, size_t n, size_t skip) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        if (i == skip) continue;
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z') ch += 32;
        h = (h ^ ch) * 1099511628211ULL;
    }
    return h;
}

typedef struct variant {
    uint64_t hash;
    uint32_t vertex;
} variant;

static int by_hash(const void *x, const void *y) {
    const variant *a = x, *b = y;
    return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* An id the check may name as meant: a state with a label of its own or at
 * least two edges. */
static int established(const ctx *c, size_t i) {
    return c->m->v[i].type == HS_VERTEX_STATE && (c->m->v[i].label || c->degree[i] >= 2);
}

/* An id that may be a typo: a state that occurs once, in at most one edge
 * and without a label, as a mistyped end of an edge does. */
static int lone(const ctx *c, size_t i) {
    return c->m->v[i].type == HS_VERTEX_STATE && !c->m->v[i].label && c->degree[i] <= 1;
}

/* Two ids one edit apart share an id with one letter deleted (a letter
 * changed or two swapped: the same deletion; one added: the other id
 * itself). An index of every established id and its deletions finds the
 * candidates in time linear in the ids' lengths; near_id decides. */
static hs_error check_similar_ids(ctx *c) {
    const hs_model *m = c->m;
    if (m->nv > SIMILAR_MAX_STATES) return HS_OK;
    size_t n = 0, lone_count = 0;
    for (size_t i = 0; i < m->nv; i++) {
        size_t len = strlen(m->v[i].id);
        if (len > SIMILAR_MAX_ID) continue;
        if (established(c, i)) n += len + 1;
        lone_count += lone(c, i);
    }
    if (!n || !lone_count) return HS_OK;
    variant *index = hs_malloc(n * sizeof *index);
    if (!index) return HS_ENOMEM;
    n = 0;
    for (size_t i = 0; i < m->nv; i++) {
        const char *id = m->v[i].id;
        size_t len = strlen(id);
        if (len > SIMILAR_MAX_ID || !established(c, i)) continue;
        for (size_t skip = 0; skip <= len; skip++) index[n++] = (variant){fnv(id, len, skip), (uint32_t)i};
    }
    qsort(index, n, sizeof *index, by_hash);
    hs_error err = HS_OK;
    for (size_t i = 0; i < m->nv && !err; i++) {
        const char *id = m->v[i].id;
        size_t len = strlen(id);
        if (len > SIMILAR_MAX_ID || !lone(c, i)) continue;
        long best = -1;
        for (size_t skip = 0; skip <= len; skip++) {
            uint64_t h = fnv(id, len, skip);
            size_t lo = 0, hi = n;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (index[mid].hash < h)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (; lo < n && index[lo].hash == h; lo++) {
                size_t t = index[lo].vertex;
                if (t == i || !near_id(id, m->v[t].id)) continue;
                /* The most used of several near ids; the first in the file on a tie. */
                if (best < 0 || c->degree[t] > c->degree[best] || (c->degree[t] == c->degree[best] && (long)t < best))
                    best = (long)t;
            }
        }
        if (best < 0) continue;
        const char *meant = m->v[best].id;
        char used[64];
        snprintf(used, sizeof used, "%zu %s", c->degree[best], plural(c->degree[best], "edge", "edges"));
        err = warn(c, "similar-id", HS_DOMAIN_NODE, i,
                   "'%s' occurs only here and is one letter from '%s' (%s%s): a typo adds a state of its own "
                   "(did you mean '%s'?)",
                   id, meant, m->v[best].label ? "labelled, " : "", used, meant);
    }
    free(index);
    return err;
}

/* ---- DOT subgraphs that declare nothing --------------------------------------------- */

/* Graph attributes a mechanism has (docs/schema.md), any of which a
 * subgraph sets only to declare one: a label is not even drawn on a
 * subgraph that is not a cluster. */
static int sets_mechanism_attr(const char *attrs) {
    static const char *const names[] = {"label", "type", "kind", "scope", "issue", "weight", "since", "until"};
    for (const char *p = attrs; p && *p;) {
        size_t len = strcspn(p, ",");
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            if (strlen(names[i]) == len && strncmp(names[i], p, len) == 0) return 1;
        }
        p += len + (p[len] == ',');
    }
    return 0;
}

static hs_error check_subgraphs(ctx *c) {
    hs_error err = HS_OK;
    for (size_t i = 0; i < c->m->nnotes && !err; i++) {
        const hs_subgraph_note *s = &c->m->notes[i];
        if (s->nodes < 2) continue;
        /* Set an attribute of a mechanism, or group states and nothing else
         * (layout subgraphs set rank or node styles, or hold edges). */
        int mech = sets_mechanism_attr(s->attrs);
        if (!mech && (s->attrs || s->edges)) continue;
        char what[300];
        snprintf(what, sizeof what, "subgraph '%.256s'", s->name);
        err = hs_diagnostics_add(c->d, HS_SEVERITY_WARNING, "subgraph-not-cluster", c->m->file, s->line, what,
                                 "%s%s%sgroups %zu states but declares no mechanism: only a subgraph named "
                                 "'cluster_%s' does (docs/schema.md, \"Mechanisms in DOT\")",
                                 mech ? "sets " : "", mech ? s->attrs : "", mech ? " and " : "", s->nodes, s->name);
    }
    return err;
}

/* ---- attributes set twice ---------------------------------------------------------------- */

/* DOT lets a later statement give a node or an edge (of a strict graph)
 * another value, GraphML an element a second <data> for a key: the last
 * value counts, and nothing says the first was lost.
 * Only the schema's attributes other than the label and the citation change
 * a number. */
static hs_error check_redefinitions(ctx *c) {
    hs_error err = HS_OK;
    for (size_t i = 0; i < c->m->nredefinitions && !err; i++) {
        const hs_redefinition *r = &c->m->redefinitions[i];
        if (strcmp(r->attr, "label") == 0 || strcmp(r->attr, "source") == 0) continue;
        int schema = 0;
        for (const char *const *a = hs_schema_attr_names(r->domain); *a && !schema; a++) schema = !strcmp(*a, r->attr);
        if (!schema) continue;
        err = hs_diagnostics_add(c->d, HS_SEVERITY_WARNING, "redefined-attribute", c->m->file, r->line, r->element,
                                 "%s is set twice, to '%.100s' and then to '%.100s': only the last value counts, so "
                                 "'%.100s' is lost; set it once",
                                 r->attr, r->first, r->value, r->first);
    }
    if (!err && c->m->more_redefinitions)
        err = hs_diagnostics_add(c->d, HS_SEVERITY_WARNING, "redefined-attribute", c->m->file, 0, NULL,
                                 "the DOT helper lists the first 1000 attributes set twice to different "
                                 "values; %zu more were not looked at",
                                 c->m->more_redefinitions);
    return err;
}

/* ---- the hub over the whole file ---------------------------------------------------- */

/* The graph attribute, else the one state with role=hub, else the state with
 * the most treaty edges (docs/schema.md, "Roles", over every year). */
static long whole_file_hub(const ctx *c) {
    const hs_model *m = c->m;
    if (m->hub) {
        long h = hs_model_find(m, m->hub);
        return h >= 0 && m->v[h].type == HS_VERTEX_STATE ? h : -1;
    }
    long hub = -1;
    for (size_t i = 0; i < m->nv; i++) {
        if (m->v[i].type != HS_VERTEX_STATE || m->v[i].role != HS_ROLE_HUB) continue;
        if (hub >= 0) return -1; /* several (in different years, if the file is right) */
        hub = (long)i;
    }
    if (hub >= 0) return hub;
    size_t *count = hs_calloc(m->nv ? m->nv : 1, sizeof *count), best = 0;
    if (!count) return -1;
    for (size_t e = 0; e < m->ne; e++) {
        if (m->e[e].kind != HS_KIND_TREATY || m->e[e].from == m->e[e].to) continue;
        count[m->e[e].from]++;
        count[m->e[e].to]++;
    }
    for (size_t i = 0; i < m->nv; i++) {
        if (count[i] > best) best = count[i], hub = (long)i;
    }
    free(count);
    return hub;
}

static int overlap(int s1, int u1, int s2, int u2) { return s1 < u2 && s2 < u1; }

static int by_from(const void *x, const void *y) {
    const hs_edge *const *a = x, *const *b = y;
    return (*a)->from < (*b)->from ? -1 : (*a)->from > (*b)->from;
}

static hs_error check_direction(ctx *c) {
    const hs_model *m = c->m;
    if (!m->directed || c->hub < 0) return HS_OK;
    size_t hub = (size_t)c->hub, n = 0;
    /* The treaty arcs into the hub, by ally, to find a mutual pact fast. */
    const hs_edge **back = hs_malloc((m->ne ? m->ne : 1) * sizeof *back);
    if (!back) return HS_ENOMEM;
    for (size_t i = 0; i < m->ne; i++) {
        if (m->e[i].kind == HS_KIND_TREATY && m->e[i].to == hub && m->e[i].from != hub) back[n++] = &m->e[i];
    }
    qsort(back, n, sizeof *back, by_from);
    hs_error err = HS_OK;
    for (size_t i = 0; i < m->ne && !err; i++) {
        const hs_edge *e = &m->e[i];
        if (e->kind != HS_KIND_TREATY || e->from != hub || e->to == hub) continue;
        /* A treaty arc back from the ally in overlapping years: a mutual pact. */
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (back[mid]->from < e->to)
                lo = mid + 1;
            else
                hi = mid;
        }
        int mutual = 0;
        for (; lo < n && back[lo]->from == e->to && !mutual; lo++)
            mutual = overlap(e->since, e->until, back[lo]->since, back[lo]->until);
        if (mutual) continue;
        const char *h = m->v[hub].id, *ally = m->v[e->to].id;
        err = warn(c, "treaty-direction", HS_DOMAIN_EDGE, i,
                   "treaty arc from the hub: in a digraph 'a -> b' means a depends on b, so this says '%s' depends "
                   "on '%s'; the ally's dependence is '%s -> %s' (docs/schema.md, \"Direction\")",
                   h, ally, ally, h);
    }
    free(back);
    return err;
}

/* ---- spans ------------------------------------------------------------------------------ */

static void meet(int *since, int *until, int s, int u) {
    if (s > *since) *since = s;
    if (u < *until) *until = u;
}

static hs_error check_spans(ctx *c) {
    const hs_model *m = c->m;
    hs_error err = HS_OK;
    for (size_t i = 0; i < m->ne && !err; i++) {
        const hs_edge *e = &m->e[i];
        const hs_vertex *a = &m->v[e->from], *b = &m->v[e->to];
        int s = e->since, u = e->until;
        meet(&s, &u, a->since, a->until);
        meet(&s, &u, b->since, b->until);
        if (s < u) continue;
        char es[40], as[40], bs[40];
        hs_span_text(e->since, e->until, es, sizeof es);
        hs_span_text(a->since, a->until, as, sizeof as);
        hs_span_text(b->since, b->until, bs, sizeof bs);
        /* Which end rules it out: the edge's own span against each end. */
        int out_a = !overlap(e->since, e->until, a->since, a->until),
            out_b = !overlap(e->since, e->until, b->since, b->until);
        if (out_a || out_b) {
            const hs_vertex *x = out_a ? a : b;
            err = warn(c, "never-active", HS_DOMAIN_EDGE, i,
                       "never active: its years (%s) lie outside those of '%s' (%s)%s, so it counts in no year", es,
                       x->id, out_a ? as : bs, out_a && out_b ? " and of the other end" : "");
        } else {
            err = warn(c, "never-active", HS_DOMAIN_EDGE, i,
                       "never active: '%s' (%s) and '%s' (%s) are never active in the same year within its years "
                       "(%s), so it counts in no year",
                       a->id, as, b->id, bs, es);
        }
    }
    return err;
}

/* ---- mechanisms --------------------------------------------------------------------------- */

typedef struct stint {
    size_t member;
    int since, until;
} stint;

static int by_since(const void *x, const void *y) {
    const stint *a = x, *b = y;
    return a->since < b->since ? -1 : a->since > b->since;
}

/* Does any year see two different members active in the mechanism? Each
 * stint is a member edge's span within its state's and the mechanism's;
 * sorted by start, a stint meets an earlier one of another member when that
 * one ends after it starts. */
static int ever_two(stint *st, size_t n) {
    qsort(st, n, sizeof *st, by_since);
    size_t top = SIZE_MAX;                      /* the member whose stint ends last so far */
    int end_top = INT_MIN, end_other = INT_MIN; /* ... and the last end among the other members */
    for (size_t i = 0; i < n; i++) {
        if ((st[i].member != top && end_top > st[i].since) || (st[i].member == top && end_other > st[i].since))
            return 1;
        if (st[i].member == top) {
            if (st[i].until > end_top) end_top = st[i].until;
        } else if (st[i].until > end_top) {
            end_other = end_top;
            end_top = st[i].until;
            top = st[i].member;
        } else if (st[i].until > end_other) {
            end_other = st[i].until;
        }
    }
    return 0;
}

static hs_error check_mechanisms(ctx *c) {
    const hs_model *m = c->m;
    size_t mechanisms = 0;
    for (size_t i = 0; i < m->nv; i++) mechanisms += m->v[i].type == HS_VERTEX_MECHANISM;
    if (!mechanisms) return HS_OK;
    /* Member edges grouped by mechanism: edges[first[i] .. first[i + 1]). */
    size_t *first = hs_calloc(m->nv + 1, sizeof *first), *edges = hs_malloc((m->ne ? m->ne : 1) * sizeof *edges);
    size_t *fill = hs_calloc(m->nv ? m->nv : 1, sizeof *fill);
    /* seen[v] = i + 1: state v was counted among mechanism i's members. */
    size_t *seen = hs_calloc(m->nv ? m->nv : 1, sizeof *seen);
    stint *st = hs_malloc((m->ne ? m->ne : 1) * sizeof *st);
    hs_error err = first && edges && fill && seen && st ? HS_OK : HS_ENOMEM;
    for (size_t e = 0; e < m->ne && !err; e++) {
        if (m->e[e].kind == HS_KIND_MEMBER) first[m->e[e].to + 1]++;
    }
    for (size_t i = 0; i < m->nv && !err; i++) first[i + 1] += first[i];
    for (size_t e = 0; e < m->ne && !err; e++) {
        if (m->e[e].kind == HS_KIND_MEMBER) edges[first[m->e[e].to] + fill[m->e[e].to]++] = e;
    }
    size_t typed = 0;
    for (size_t i = 0; i < m->nv; i++) typed += m->v[i].type == HS_VERTEX_MECHANISM && m->v[i].kind != HS_KIND_UNSET;
    for (size_t i = 0; i < m->nv && !err; i++) {
        if (m->v[i].type != HS_VERTEX_MECHANISM) continue;
        const hs_vertex *mv = &m->v[i];
        /* Like an untyped tie: the depth of 'unspecified', unless a weight says otherwise. */
        if (mv->kind == HS_KIND_UNSET && isnan(mv->weight) && typed > 0 &&
            (err = warn(c, "untyped-mechanism", HS_DOMAIN_NODE, i,
                        "no kind: its co-membership ties count as 'unspecified', with the codebook's depth for it (1.0 "
                        "by default, as deep as a treaty), while %zu other %s of the file %s a kind",
                        typed, plural(typed, "mechanism", "mechanisms"), plural(typed, "has", "have"))))
            break;
        size_t k = 0, distinct = 0, one = 0;
        for (size_t q = first[i]; q < first[i + 1]; q++) {
            const hs_edge *ed = &m->e[edges[q]];
            if (seen[ed->from] != i + 1 && !distinct++) one = ed->from;
            seen[ed->from] = i + 1;
            int s = ed->since, u = ed->until;
            meet(&s, &u, m->v[ed->from].since, m->v[ed->from].until);
            meet(&s, &u, mv->since, mv->until);
            if (s < u) st[k++] = (stint){ed->from, s, u};
        }
        if (distinct == 0)
            err = warn(c, "mechanism-without-pair", HS_DOMAIN_NODE, i,
                       "no state is a member: it adds no tie (members are joined to it by kind=member edges)");
        else if (distinct == 1)
            err = warn(c, "mechanism-without-pair", HS_DOMAIN_NODE, i,
                       "one member only ('%s'): a mechanism ties its members to each other, so it adds no tie",
                       m->v[one].id);
        else if (!ever_two(st, k))
            err = warn(c, "mechanism-without-pair", HS_DOMAIN_NODE, i,
                       "no two of its %zu members are ever active in it in the same year: it adds no tie", distinct);
    }
    free(fill);
    free(seen);
    free(first);
    free(edges);
    free(st);
    return err;
}

/* ---- ties ---------------------------------------------------------------------------------- */

typedef struct tie_key {
    uint32_t a, b;
    int kind, since;
    const char *source; /* "" when none */
    size_t edge;
} tie_key;

static int same_group(const tie_key *p, const tie_key *q) {
    return p->a == q->a && p->b == q->b && p->kind == q->kind && strcmp(p->source, q->source) == 0;
}

static int by_pair(const void *x, const void *y) {
    const tie_key *p = x, *q = y;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    if (p->kind != q->kind) return p->kind < q->kind ? -1 : 1;
    int sc = strcmp(p->source, q->source);
    if (sc) return sc;
    if (p->since != q->since) return p->since < q->since ? -1 : 1;
    return p->edge < q->edge ? -1 : p->edge > q->edge;
}

static hs_error check_ties(ctx *c) {
    const hs_model *m = c->m;
    size_t typed = 0, ties = 0;
    for (size_t e = 0; e < m->ne; e++) {
        if (m->e[e].kind == HS_KIND_MEMBER || m->e[e].from == m->e[e].to) continue;
        ties++;
        typed += m->e[e].kind != HS_KIND_UNSET;
    }
    tie_key *keys = hs_malloc((ties ? ties : 1) * sizeof *keys);
    if (!keys) return HS_ENOMEM;
    size_t n = 0;
    hs_error err = HS_OK;
    for (size_t e = 0; e < m->ne && !err; e++) {
        const hs_edge *ed = &m->e[e];
        if (ed->kind == HS_KIND_MEMBER) continue;
        if (ed->from == ed->to) {
            err = warn(c, "self-tie", HS_DOMAIN_EDGE, e,
                       "a tie of '%s' with itself carries no relation and counts nowhere", m->v[ed->from].id);
            continue;
        }
        if (ed->kind == HS_KIND_UNSET && typed > 0)
            err = warn(c, "untyped-tie", HS_DOMAIN_EDGE, e,
                       "no kind: it counts as 'unspecified', with the codebook's depth for it (1.0 by default, as "
                       "deep as a treaty), while %zu other %s of the file %s a kind",
                       typed, plural(typed, "tie", "ties"), plural(typed, "has", "have"));
        uint32_t a = ed->from, b = ed->to;
        if (!m->directed && a > b) a = ed->to, b = ed->from;
        keys[n++] = (tie_key){a, b, ed->kind, ed->since, ed->source ? ed->source : "", e};
    }
    qsort(keys, n, sizeof *keys, by_pair);
    /* Ties of one pair, kind and source (two instruments of one kind are
     * two ties, told apart by their sources), by start: a tie that starts
     * before the latest end so far overlaps the tie of that end. */
    size_t last = 0;
    for (size_t i = 0; i < n && !err; i++) {
        const hs_edge *q = &m->e[keys[i].edge];
        if (i == 0 || !same_group(&keys[i], &keys[i - 1])) {
            last = i;
            continue;
        }
        const hs_edge *p = &m->e[keys[last].edge];
        if (overlap(p->since, p->until, q->since, q->until)) {
            char where[48] = "", ps[40];
            if (p->line > 0) snprintf(where, sizeof where, " at line %d", p->line);
            err = warn(c, "duplicate-tie", HS_DOMAIN_EDGE, keys[i].edge,
                       "a second %s tie between the same states as the one%s (%s), in overlapping years and %s: both "
                       "count, so the pair's depth is their sum",
                       hs_kind_name(q->kind), where, hs_span_text(p->since, p->until, ps, sizeof ps),
                       q->source ? "with the same source" : "with no source to tell them apart");
        }
        if (q->until > p->until) last = i;
    }
    free(keys);
    return err;
}

/* ---- the hub ---------------------------------------------------------------------------------- */

static hs_error check_hub(ctx *c) {
    const hs_model *m = c->m;
    hs_error err = HS_OK;
    if (m->hub) {
        long h = hs_model_find(m, m->hub);
        if (h >= 0 && m->v[h].type == HS_VERTEX_STATE) {
            /* Allies come from treaties with the hub or treaty mechanisms it belongs to. */
            int treaty = 0;
            for (size_t e = 0; e < m->ne && !treaty; e++) {
                const hs_edge *ed = &m->e[e];
                if (ed->from != (size_t)h && ed->to != (size_t)h) continue;
                treaty =
                    ed->kind == HS_KIND_TREATY || (ed->kind == HS_KIND_MEMBER && m->v[ed->to].kind == HS_KIND_TREATY);
            }
            if (!c->degree[h])
                err = warn(c, "hub-without-ties", HS_DOMAIN_GRAPH, 0,
                           "the hub '%s' has no tie at all: it has no allies and every index is empty", m->hub);
            else if (!treaty)
                err = warn(c, "hub-without-ties", HS_DOMAIN_GRAPH, 0,
                           "the hub '%s' has no treaty: without one it has no allies (docs/schema.md, \"Roles\"), so "
                           "the system is the hub alone",
                           m->hub);
        }
        return err;
    }
    /* Two role=hub states in the same year: a view of that year is refused. */
    for (size_t i = 0; i < m->nv && !err; i++) {
        const hs_vertex *a = &m->v[i];
        if (a->type != HS_VERTEX_STATE || a->role != HS_ROLE_HUB) continue;
        for (size_t j = i + 1; j < m->nv && !err; j++) {
            const hs_vertex *b = &m->v[j];
            if (b->type != HS_VERTEX_STATE || b->role != HS_ROLE_HUB ||
                !overlap(a->since, a->until, b->since, b->until))
                continue;
            err = warn(c, "two-hubs", HS_DOMAIN_NODE, j,
                       "role=hub, as '%s' has, in overlapping years: those years have two hubs and cannot be measured "
                       "(set the graph attribute hub)",
                       a->id);
        }
    }
    return err;
}

/* ---- all of them ------------------------------------------------------------------------------- */

hs_error hs_check_model(const hs_model *m, hs_diagnostics *d) {
    if (!m || !d) return hs_error_set(HS_EARG, "hs_check_model: a NULL argument");
    ctx c = {m, d, hs_calloc(m->nv ? m->nv : 1, sizeof *c.degree), -1};
    if (!c.degree) return HS_ENOMEM;
    for (size_t e = 0; e < m->ne; e++) {
        c.degree[m->e[e].from]++;
        if (m->e[e].to != m->e[e].from) c.degree[m->e[e].to]++;
    }
    c.hub = whole_file_hub(&c);
    hs_error err;
    if (!(err = check_attributes(&c)) && !(err = check_similar_ids(&c)) && !(err = check_subgraphs(&c)) &&
        !(err = check_redefinitions(&c)) && !(err = check_direction(&c)) && !(err = check_spans(&c)) &&
        !(err = check_mechanisms(&c)) && !(err = check_ties(&c)))
        err = check_hub(&c);
    free(c.degree);
    return err;
}

hs_error hs_check_names(const hs_model *m, hs_diagnostics *d) {
    ctx c = {m, d, NULL, -1};
    hs_error err;
    if (!(err = check_attributes(&c)) && !(err = check_subgraphs(&c))) err = check_redefinitions(&c);
    return err;
}

int hs_check_hub_active(const hs_model *m, const char *hub, int year, char *reason, size_t size) {
    const char *name = hub ? hub : m->hub;
    long h = name ? hs_model_find(m, name) : -1;
    if (h < 0 || m->v[h].type != HS_VERTEX_STATE || hs_span_active(m->v[h].since, m->v[h].until, year)) return 1;
    char span[48];
    if (reason)
        snprintf(reason, size, "the hub '%s' is active %s, not in %d", name,
                 hs_span_text(m->v[h].since, m->v[h].until, span, sizeof span), year);
    return 0;
}
