/* Views: the system active in a year, its roles, ties and graphs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/view.h"
#include "model/model_internal.h"
#include "view/view_internal.h"

struct hs_view {
    const hs_model *m;
    int has_year, year;
    size_t ns;
    size_t *state_vertex;  /* state -> model vertex */
    long *vertex_state;    /* model vertex -> state or -1 */
    hs_role *role;
    long hub;
    hs_hub_source hub_source;
    size_t nmech;
    size_t *mech_vertex;
    double *mech_weight;
    size_t *mech_first;    /* members of mechanism k: members[mech_first[k] .. mech_first[k+1]) */
    size_t *members;
    double *member_cap;    /* the member edge's own weight, NaN when it has none */
    size_t nedges;
    size_t *edges;
    size_t nties, cap_ties;
    hs_tie *ties;
    double *tie_path;      /* per tie: its strength for the path measures (hs_path_weight) */
    hs_state_set state_set;
    hs_weight_source wsrc;
    hs_path_weight path_weight;
    /* What-if edits (view.h): edges they add have indices m->ne + i; `edits`
     * is the caller's array, kept while hs_view_new runs to number them in
     * messages. */
    const hs_view_edit *edits;
    hs_edge *added;
    size_t nadded;
    unsigned char *dropped_vertex, *dropped_edge;
    unsigned char *activated; /* mechanisms an add-member edit brought forward into the year */
    igraph_t security;
    igraph_vector_t security_w, security_len;
    int graphs_ready;
    const hs_view_recode *recode; /* only while the view is built */
};

static const char *const hub_source_names[] = {"none", "option", "graph", "role", "treaties"};
const char *hs_hub_source_name(hs_hub_source s) { return hub_source_names[s]; }

void hs_view_options_init(hs_view_options *o) {
    *o = (hs_view_options){.exclude_mechanism = -1, .state_set = HS_STATES_TIED, .weight = HS_WEIGHT_DEPTH,
                           .path_weight = HS_PATH_DEPTH};
}

/* An edit as error messages name it: its number among the edits and its
 * type in words, "edit 2 (add member)". */
static const char *edit_words(hs_view_edit_type type) {
    static const char *const words[] = {"drop tie", "drop state", "drop mechanism", "add tie", "add member",
                                        "add mechanism"};
    return (unsigned)type < sizeof words / sizeof *words ? words[type] : "unknown";
}
#define EDIT_FMT "edit %zu (%s)"
#define EDIT_ARGS(v, ed) (size_t)((ed) - (v)->edits + 1), edit_words((ed)->type)

void hs_view_destroy(hs_view *v) {
    if (!v) return;
    if (v->graphs_ready) {
        igraph_destroy(&v->security);
        igraph_vector_destroy(&v->security_w);
        igraph_vector_destroy(&v->security_len);
    }
    free(v->state_vertex);
    free(v->vertex_state);
    free(v->role);
    free(v->mech_vertex);
    free(v->mech_weight);
    free(v->mech_first);
    free(v->members);
    free(v->member_cap);
    free(v->edges);
    free(v->ties);
    free(v->tie_path);
    free(v->added);
    free(v->dropped_vertex);
    free(v->dropped_edge);
    free(v->activated);
    free(v);
}

static int active(const hs_view *v, int since, int until) {
    return !v->has_year || hs_span_active(since, until, v->year);
}

/* A model edge, or one an edit added. */
static const hs_edge *edge_at(const hs_view *v, size_t i) {
    return i < v->m->ne ? &v->m->e[i] : &v->added[i - v->m->ne];
}

/* A state with spells is active in the years of its spells (docs/schema.md). */
static int vertex_in_year(const hs_view *v, size_t i) { return !v->has_year || hs_vertex_active_in(v->m, i, v->year); }

/* Kinds and scopes as coded, or as a recode of classify's redraws gives them. */
static hs_kind edge_kind_coded(const hs_view *v, size_t i) {
    if (v->recode && v->recode->edge_kind && i < v->m->ne) return (hs_kind)v->recode->edge_kind[i];
    return edge_at(v, i)->kind;
}

static hs_kind mechanism_kind_coded(const hs_view *v, size_t vertex) {
    if (v->recode && v->recode->vertex_kind) return (hs_kind)v->recode->vertex_kind[vertex];
    return v->m->v[vertex].kind;
}

static hs_scope mechanism_scope_coded(const hs_view *v, size_t vertex) {
    if (v->recode && v->recode->vertex_scope) return (hs_scope)v->recode->vertex_scope[vertex];
    return v->m->v[vertex].scope;
}

static int vertex_active(const hs_view *v, size_t i) {
    return !v->dropped_vertex[i] && (v->activated[i] || vertex_in_year(v, i));
}

static int edge_active(const hs_view *v, size_t i) {
    const hs_edge *e = edge_at(v, i);
    return (i >= v->m->ne || !v->dropped_edge[i]) && active(v, e->since, e->until) && vertex_active(v, e->from) &&
           vertex_active(v, e->to);
}

#define ANY_VERTEX (-1)

/* The edit's element `id` of `type` (or ANY_VERTEX), active in the view's year. */
static hs_error edit_vertex(const hs_view *v, const hs_view_edit *ed, const char *id, int type, size_t *out) {
    const hs_model *m = v->m;
    long i = id ? hs_model_find(m, id) : -1;
    const char *what = type == HS_VERTEX_STATE ? "state" : type == HS_VERTEX_MECHANISM ? "mechanism" : "state or mechanism";
    if (i < 0 || (type != ANY_VERTEX && m->v[i].type != (signed char)type))
        return hs_error_set(HS_EARG, "%s: " EDIT_FMT ": '%s' names no %s", m->file, EDIT_ARGS(v, ed),
                            id ? id : "", what);
    if (type == ANY_VERTEX) what = m->v[i].type == HS_VERTEX_STATE ? "state" : "mechanism";
    if (!vertex_active(v, (size_t)i)) {
        if (v->dropped_vertex[i])
            return hs_error_set(HS_EARG, "%s: " EDIT_FMT ": %s '%s' is already dropped", m->file, EDIT_ARGS(v, ed),
                                what, id);
        return hs_error_set(HS_EARG, "%s: " EDIT_FMT ": %s '%s' is not active in %d", m->file, EDIT_ARGS(v, ed),
                            what, id, v->year);
    }
    *out = (size_t)i;
    return HS_OK;
}

static hs_error add_edge(hs_view *v, size_t from, size_t to, hs_kind kind) {
    hs_edge *p = hs_realloc(v->added, (v->nadded + 1) * sizeof *p);
    if (!p) return HS_ENOMEM;
    v->added = p;
    memset(&p[v->nadded], 0, sizeof *p);
    p[v->nadded].from = (uint32_t)from;
    p[v->nadded].to = (uint32_t)to;
    p[v->nadded].since = HS_SINCE_OPEN;
    p[v->nadded].until = HS_UNTIL_OPEN;
    p[v->nadded].kind = kind;
    p[v->nadded].weight = NAN; /* the codebook's depth, or the mechanism's */
    p[v->nadded].amount = NAN;
    p[v->nadded].depends = HS_DEPENDS_UNSET;
    v->nadded++;
    return HS_OK;
}

static hs_error focus_mask(const hs_view *v, const hs_view_options *opt, unsigned char *keep);

/* Resolve the edits, in order, into dropped vertices and edges and added
 * edges; the model stays as it is. */
static hs_error apply_edits(hs_view *v, const hs_view_options *opt) {
    const hs_model *m = v->m;
    v->dropped_vertex = hs_calloc(m->nv ? m->nv : 1, 1);
    v->dropped_edge = hs_calloc(m->ne ? m->ne : 1, 1);
    v->activated = hs_calloc(m->nv ? m->nv : 1, 1);
    if (!v->dropped_vertex || !v->dropped_edge || !v->activated) return HS_ENOMEM;
    if (opt->exclude_mechanism >= 0 && (size_t)opt->exclude_mechanism < m->nv)
        v->dropped_vertex[opt->exclude_mechanism] = 1;
    /* The focus first: the edits edit the subsystem. */
    unsigned char *keep = hs_malloc(m->nv ? m->nv : 1);
    if (!keep) return HS_ENOMEM;
    v->edits = opt->edits;
    hs_error err = focus_mask(v, opt, keep);
    for (size_t i = 0; i < m->nv; i++) v->dropped_vertex[i] |= !keep[i];
    free(keep);
    for (size_t k = 0; k < opt->edit_count && !err; k++) {
        const hs_view_edit *ed = &opt->edits[k];
        size_t a, b;
        switch (ed->type) {
        case HS_EDIT_DROP_STATE:
        case HS_EDIT_DROP_MECHANISM:
            err = edit_vertex(v, ed, ed->a, ed->type == HS_EDIT_DROP_STATE ? HS_VERTEX_STATE : HS_VERTEX_MECHANISM, &a);
            if (!err) v->dropped_vertex[a] = 1;
            break;
        case HS_EDIT_DROP_TIE: {
            /* b may be a mechanism: the tie is then a's membership. */
            if ((err = edit_vertex(v, ed, ed->a, HS_VERTEX_STATE, &a)) || (err = edit_vertex(v, ed, ed->b, ANY_VERTEX, &b)))
                break;
            size_t dropped = 0;
            for (size_t i = 0; i < m->ne + v->nadded; i++) {
                const hs_edge *e = edge_at(v, i);
                if (!((e->from == a && e->to == b) || (e->from == b && e->to == a)) || !edge_active(v, i)) continue;
                if (i < m->ne) {
                    v->dropped_edge[i] = 1;
                } else { /* an edge an earlier edit added: take it back */
                    memmove(&v->added[i - m->ne], &v->added[i - m->ne + 1],
                            (v->nadded - (i - m->ne) - 1) * sizeof *v->added);
                    v->nadded--;
                    i--;
                }
                dropped++;
            }
            if (!dropped)
                err = hs_error_set(HS_EARG, "%s: " EDIT_FMT ": no active tie between '%s' and '%s'%s", m->file,
                                   EDIT_ARGS(v, ed), ed->a, ed->b, v->has_year ? " in that year" : "");
            break;
        }
        case HS_EDIT_ADD_TIE:
            if ((err = edit_vertex(v, ed, ed->a, HS_VERTEX_STATE, &a)) ||
                (err = edit_vertex(v, ed, ed->b, HS_VERTEX_STATE, &b)))
                break;
            if (a == b)
                err = hs_error_set(HS_EARG, "%s: " EDIT_FMT ": a tie needs two states, not '%s' twice", m->file,
                                   EDIT_ARGS(v, ed), ed->a);
            else if (ed->kind < 0 || ed->kind >= HS_KIND_MEMBER)
                err = hs_error_set(HS_EARG, "%s: " EDIT_FMT ": the kind of a tie must be one of docs/codebook.md's seven kinds",
                                   m->file, EDIT_ARGS(v, ed));
            else
                err = add_edge(v, a, b, ed->kind);
            break;
        case HS_EDIT_ADD_MEMBER: {
            if ((err = edit_vertex(v, ed, ed->a, HS_VERTEX_STATE, &a))) break;
            /* A mechanism not active in the year is brought forward into it,
             * with no members but those the edits give it. */
            long mech = ed->b ? hs_model_find(m, ed->b) : -1;
            if (mech >= 0 && m->v[mech].type == HS_VERTEX_MECHANISM && !v->dropped_vertex[mech] &&
                !vertex_active(v, (size_t)mech)) {
                v->activated[mech] = 1;
                for (size_t i = 0; i < m->ne; i++) v->dropped_edge[i] |= m->e[i].kind == HS_KIND_MEMBER && m->e[i].to == (size_t)mech;
            }
            if ((err = edit_vertex(v, ed, ed->b, HS_VERTEX_MECHANISM, &b))) break;
            int member = 0;
            for (size_t i = 0; i < m->ne + v->nadded && !member; i++) {
                const hs_edge *e = edge_at(v, i);
                member = e->kind == HS_KIND_MEMBER && e->from == a && e->to == b && edge_active(v, i);
            }
            err = member ? hs_error_set(HS_EARG, "%s: " EDIT_FMT ": '%s' is already a member of '%s'", m->file,
                                        EDIT_ARGS(v, ed), ed->a, ed->b)
                         : add_edge(v, a, b, HS_KIND_MEMBER);
            break;
        }
        case HS_EDIT_ADD_MECHANISM: {
            /* The mechanism itself is added to the model by hs_scenario_model(). */
            long mech = ed->a ? hs_model_find(m, ed->a) : -1;
            if (mech < 0 || m->v[mech].type != HS_VERTEX_MECHANISM)
                err = hs_error_set(HS_EARG, "%s: " EDIT_FMT ": '%s' is not a mechanism of the model (hs_scenario_model adds it)",
                                   m->file, EDIT_ARGS(v, ed), ed->a ? ed->a : "");
            break;
        }
        default:
            err = hs_error_set(HS_EARG, "%s: unknown edit type %d", m->file, (int)ed->type);
        }
    }
    return err;
}

static hs_error push_tie(hs_view *v, hs_tie t) {
    if (v->nties == v->cap_ties) {
        size_t cap = v->cap_ties ? v->cap_ties * 2 : 64;
        hs_tie *p = hs_realloc(v->ties, cap * sizeof *p);
        if (!p) return HS_ENOMEM;
        v->ties = p;
        double *q = hs_realloc(v->tie_path, cap * sizeof *q);
        if (!q) return HS_ENOMEM;
        v->tie_path = q;
        v->cap_ties = cap;
    }
    v->ties[v->nties++] = t;
    return HS_OK;
}

/* keep[i] = 0 for the states a focus leaves out, and for the mechanisms with
 * an active member among them: a subsystem keeps the mechanisms among its states. */
static hs_error focus_mask(const hs_view *v, const hs_view_options *opt, unsigned char *keep) {
    const hs_model *m = v->m;
    memset(keep, 1, m->nv ? m->nv : 1);
    if (!opt->focus) return HS_OK;
    for (size_t i = 0; i < m->nv; i++)
        if (m->v[i].type == HS_VERTEX_STATE) keep[i] = 0;
    for (size_t k = 0; k < opt->focus_count; k++) {
        long vertex = hs_model_find(m, opt->focus[k]);
        if (vertex < 0 || m->v[vertex].type != HS_VERTEX_STATE)
            return hs_error_set(HS_EARG, "%s: focus '%s' names no state", m->file, opt->focus[k]);
        keep[vertex] = 1;
    }
    for (size_t i = 0; i < m->ne; i++) {
        const hs_edge *e = &m->e[i];
        if (e->kind == HS_KIND_MEMBER && !keep[e->from] && active(v, e->since, e->until) && vertex_in_year(v, e->from))
            keep[e->to] = 0;
    }
    return HS_OK;
}

/* Active states and mechanisms, active edges between active vertices: the
 * focus, the excluded mechanism and the edits are in dropped_vertex and
 * dropped_edge already (apply_edits). */
static hs_error select_active(hs_view *v) {
    const hs_model *m = v->m;
    v->vertex_state = hs_malloc((m->nv ? m->nv : 1) * sizeof *v->vertex_state);
    v->state_vertex = hs_malloc((m->nv ? m->nv : 1) * sizeof *v->state_vertex);
    v->mech_vertex = hs_malloc((m->nv ? m->nv : 1) * sizeof *v->mech_vertex);
    v->edges = hs_malloc((m->ne + v->nadded + 1) * sizeof *v->edges);
    if (!v->vertex_state || !v->state_vertex || !v->mech_vertex || !v->edges) return HS_ENOMEM;
    for (size_t i = 0; i < m->nv; i++) {
        v->vertex_state[i] = -1;
        if (!vertex_active(v, i)) continue;
        if (m->v[i].type == HS_VERTEX_STATE) {
            v->vertex_state[i] = (long)v->ns;
            v->state_vertex[v->ns++] = i;
        } else {
            v->mech_vertex[v->nmech++] = i;
        }
    }
    for (size_t i = 0; i < m->ne + v->nadded; i++) {
        const hs_edge *e = edge_at(v, i);
        if (!edge_active(v, i) || v->vertex_state[e->from] < 0) continue;
        if (e->kind == HS_KIND_MEMBER || v->vertex_state[e->to] >= 0) v->edges[v->nedges++] = i;
    }
    return HS_OK;
}

static int is_treaty(const hs_view *v, size_t e) { return edge_at(v, e)->kind == HS_KIND_TREATY; }

static hs_error find_hub(hs_view *v, const char *option) {
    const hs_model *m = v->m;
    /* A hub the file names but an edit dropped is inferred again. */
    long named = option || !m->hub ? -1 : hs_model_find(m, m->hub);
    const char *name = option ? option : named >= 0 && v->dropped_vertex[named] ? NULL : m->hub;
    v->hub = -1;
    if (name) {
        long vertex = hs_model_find(m, name);
        const char *what = option ? "hub " : "graph attribute hub=";
        if (vertex < 0 || m->v[vertex].type != HS_VERTEX_STATE)
            return hs_error_set(option ? HS_EARG : HS_EINPUT, "%s: %s'%s' names no state", m->file, what, name);
        if (v->vertex_state[vertex] < 0) {
            const hs_vertex *h = &m->v[vertex];
            char span[48];
            /* The hub's own dates (the USSR until 1991): that year has no system. */
            if (v->has_year && !hs_span_active(h->since, h->until, v->year))
                return hs_error_set(option ? HS_EARG : HS_EINPUT,
                                    "%s: %s'%s' is not active in %d (it is active %s): that year has no system to measure",
                                    m->file, what, name, v->year, hs_span_text(h->since, h->until, span, sizeof span));
            return hs_error_set(option ? HS_EARG : HS_EINPUT, "%s: %s'%s' is not among the states looked at", m->file,
                                what, name);
        }
        v->hub = v->vertex_state[vertex];
        v->hub_source = option ? HS_HUB_OPTION : HS_HUB_GRAPH;
        return HS_OK;
    }
    for (size_t s = 0; s < v->ns; s++) {
        if (m->v[v->state_vertex[s]].role != HS_ROLE_HUB) continue;
        if (v->hub >= 0)
            return hs_error_set(HS_EINPUT, "%s: two states have role=hub: '%s' and '%s'", m->file,
                                m->v[v->state_vertex[v->hub]].id, m->v[v->state_vertex[s]].id);
        v->hub = (long)s;
        v->hub_source = HS_HUB_ROLE;
    }
    if (v->hub >= 0) return HS_OK;
    /* The state with the most active treaty ties; the first in the file wins a tie. */
    size_t *count = hs_calloc(v->ns ? v->ns : 1, sizeof *count);
    if (!count) return HS_ENOMEM;
    for (size_t k = 0; k < v->nedges; k++) {
        size_t e = v->edges[k];
        const hs_edge *ed = edge_at(v, e);
        if (!is_treaty(v, e) || ed->from == ed->to) continue;
        count[v->vertex_state[ed->from]]++;
        count[v->vertex_state[ed->to]]++;
    }
    size_t best = 0;
    for (size_t s = 0; s < v->ns; s++) {
        if (count[s] > best) {
            best = count[s];
            v->hub = (long)s;
            v->hub_source = HS_HUB_TREATIES;
        }
    }
    free(count);
    return HS_OK;
}

/* Member states of each active mechanism, in file order, without repeats. */
static hs_error collect_members(hs_view *v, const hs_codebook *cb) {
    const hs_model *m = v->m;
    long *mech_index = hs_malloc((m->nv ? m->nv : 1) * sizeof *mech_index);
    size_t *count = hs_calloc(v->nmech + 1, sizeof *count);
    v->mech_first = hs_calloc(v->nmech + 1, sizeof *v->mech_first);
    v->mech_weight = hs_malloc((v->nmech ? v->nmech : 1) * sizeof *v->mech_weight);
    v->members = hs_malloc((v->nedges ? v->nedges : 1) * sizeof *v->members);
    v->member_cap = hs_malloc((v->nedges ? v->nedges : 1) * sizeof *v->member_cap);
    if (!mech_index || !count || !v->mech_first || !v->mech_weight || !v->members || !v->member_cap) {
        free(mech_index);
        free(count);
        return HS_ENOMEM;
    }
    for (size_t i = 0; i < m->nv; i++) mech_index[i] = -1;
    for (size_t k = 0; k < v->nmech; k++) {
        const hs_vertex *mv = &m->v[v->mech_vertex[k]];
        mech_index[v->mech_vertex[k]] = (long)k;
        v->mech_weight[k] = isnan(mv->weight) ? hs_codebook_mechanism_weight(cb, mechanism_kind_coded(v, v->mech_vertex[k]),
                                                                             mechanism_scope_coded(v, v->mech_vertex[k]))
                                              : mv->weight;
    }
    for (size_t j = 0; j < v->nedges; j++) {
        const hs_edge *e = edge_at(v, v->edges[j]);
        if (e->kind == HS_KIND_MEMBER) count[mech_index[e->to]]++;
    }
    for (size_t k = 0; k < v->nmech; k++) v->mech_first[k + 1] = v->mech_first[k] + count[k];
    memset(count, 0, (v->nmech + 1) * sizeof *count);
    for (size_t j = 0; j < v->nedges; j++) {
        const hs_edge *e = edge_at(v, v->edges[j]);
        if (e->kind != HS_KIND_MEMBER) continue;
        size_t k = (size_t)mech_index[e->to], s = (size_t)v->vertex_state[e->from];
        size_t *list = v->members + v->mech_first[k];
        double *cap = v->member_cap + v->mech_first[k];
        size_t q = 0;
        while (q < count[k] && list[q] != s) q++;
        if (q == count[k]) {
            list[count[k]++] = s;
            cap[q] = NAN;
        }
        if (!isnan(e->weight) && !(cap[q] <= e->weight)) cap[q] = e->weight;
    }
    /* Close the gaps left by repeated memberships. */
    size_t out = 0;
    for (size_t k = 0; k < v->nmech; k++) {
        size_t first = v->mech_first[k];
        v->mech_first[k] = out;
        memmove(v->members + out, v->members + first, count[k] * sizeof *v->members);
        memmove(v->member_cap + out, v->member_cap + first, count[k] * sizeof *v->member_cap);
        out += count[k];
    }
    v->mech_first[v->nmech] = out;
    free(mech_index);
    free(count);
    return HS_OK;
}

/* A role the file sets and inference must respect: any but a stale `hub`. */
static int explicit_role(const hs_view *v, size_t s) {
    hs_role r = v->m->v[v->state_vertex[s]].role;
    return r != HS_ROLE_UNSET && r != HS_ROLE_HUB;
}

static hs_error assign_roles(hs_view *v) {
    const hs_model *m = v->m;
    v->role = hs_malloc((v->ns ? v->ns : 1) * sizeof *v->role);
    if (!v->role) return HS_ENOMEM;
    for (size_t s = 0; s < v->ns; s++) v->role[s] = HS_ROLE_OTHER;
    if (v->hub >= 0) {
        v->role[v->hub] = HS_ROLE_HUB;
        for (size_t k = 0; k < v->nedges; k++) {
            const hs_edge *e = edge_at(v, v->edges[k]);
            if (!is_treaty(v, v->edges[k])) continue;
            long a = v->vertex_state[e->from], b = v->vertex_state[e->to];
            if (a == v->hub && b != v->hub) v->role[b] = HS_ROLE_ALLY;
            if (b == v->hub && a != v->hub) v->role[a] = HS_ROLE_ALLY;
        }
        /* A multilateral defence treaty the hub is party to (NATO, the Manila
         * Pact) is an alliance with the hub for each of its members. */
        for (size_t k = 0; k < v->nmech; k++) {
            if (m->v[v->mech_vertex[k]].kind != HS_KIND_TREATY) continue;
            int with_hub = 0;
            for (size_t q = v->mech_first[k]; q < v->mech_first[k + 1]; q++) with_hub |= (long)v->members[q] == v->hub;
            for (size_t q = v->mech_first[k]; with_hub && q < v->mech_first[k + 1]; q++)
                if ((long)v->members[q] != v->hub) v->role[v->members[q]] = HS_ROLE_ALLY;
        }
    }
    /* Explicit roles win, except a stale `hub` when the hub is chosen otherwise. */
    for (size_t s = 0; s < v->ns; s++) {
        if ((long)s != v->hub && explicit_role(v, s)) v->role[s] = m->v[v->state_vertex[s]].role;
    }
    /* Partners: tied to the system (hub or an ally) bilaterally or through a mechanism. */
    hs_role *next = hs_malloc((v->ns ? v->ns : 1) * sizeof *next);
    if (!next) return HS_ENOMEM;
    memcpy(next, v->role, v->ns * sizeof *next);
#define IN_SYSTEM(s) (v->role[s] == HS_ROLE_HUB || v->role[s] == HS_ROLE_ALLY)
#define MAKE_PARTNER(s)                                                                                 \
    do {                                                                                                \
        if (v->role[s] == HS_ROLE_OTHER && !explicit_role(v, s)) next[s] = HS_ROLE_PARTNER;             \
    } while (0)
    for (size_t k = 0; k < v->nedges; k++) {
        const hs_edge *e = edge_at(v, v->edges[k]);
        if (e->kind == HS_KIND_MEMBER) continue;
        size_t a = (size_t)v->vertex_state[e->from], b = (size_t)v->vertex_state[e->to];
        if (IN_SYSTEM(a)) MAKE_PARTNER(b);
        if (IN_SYSTEM(b)) MAKE_PARTNER(a);
    }
    for (size_t k = 0; k < v->nmech; k++) {
        int system = 0;
        for (size_t q = v->mech_first[k]; q < v->mech_first[k + 1] && !system; q++) system = IN_SYSTEM(v->members[q]);
        if (!system) continue;
        for (size_t q = v->mech_first[k]; q < v->mech_first[k + 1]; q++) MAKE_PARTNER(v->members[q]);
    }
#undef IN_SYSTEM
#undef MAKE_PARTNER
    free(v->role);
    v->role = next;
    return HS_OK;
}

/* Whether a tie of `kind` between states a and b is a line: a treaty of the
 * hub with an ally (docs/typology.md, "Lines and relations"). */
static int is_line(const hs_view *v, size_t a, size_t b, hs_kind kind) {
    if (kind != HS_KIND_TREATY || v->hub < 0) return 0;
    return ((long)a == v->hub && v->role[b] == HS_ROLE_ALLY) || ((long)b == v->hub && v->role[a] == HS_ROLE_ALLY);
}

/* A line reads as the ally's dependence on the hub: a -> b with b the hub. */
static void read_as_line(const hs_view *v, hs_tie *t) {
    if (t->a == (size_t)v->hub) {
        t->a = t->b;
        t->b = (size_t)v->hub;
    }
    t->mutual = 0;
}

/* ---- a tie's weights and direction (docs/metrics.md, "Depth and amount") ---- */

static hs_error missing_amount(const hs_view *v, const char *what) {
    return hs_error_set(HS_EINPUT, "%s: %s has no amount: weighing ties by amount needs one on every tie active in "
                                   "the year (docs/schema.md)",
                        v->m->file, what);
}

static void describe_edge(const hs_view *v, size_t ei, char *buf, size_t size) {
    if (ei < v->m->ne) {
        hs_model_describe(v->m, HS_DOMAIN_EDGE, ei, buf, size);
    } else {
        const hs_edge *e = edge_at(v, ei);
        snprintf(buf, size, "the tie an edit added (%s -- %s)", v->m->v[e->from].id, v->m->v[e->to].id);
    }
}

/* The weight of a bilateral tie in S, D and K, and its strength for the paths. */
static hs_error bilateral_weights(const hs_view *v, const hs_codebook *cb, size_t ei, double *weight, double *path) {
    const hs_edge *e = edge_at(v, ei);
    double depth = isnan(e->weight) ? hs_codebook_tie_weight(cb, edge_kind_coded(v, ei)) : e->weight;
    if (isnan(e->amount) && (v->wsrc == HS_WEIGHT_AMOUNT || v->path_weight == HS_PATH_AMOUNT)) {
        char what[160];
        describe_edge(v, ei, what, sizeof what);
        return missing_amount(v, what);
    }
    *weight = v->wsrc == HS_WEIGHT_AMOUNT ? e->amount : depth;
    *path = v->path_weight == HS_PATH_DEPTH ? depth : v->path_weight == HS_PATH_AMOUNT ? e->amount : 1.0;
    return HS_OK;
}

/* Who depends on whom: the edge's `depends`, else the file's rule. */
static void tie_direction(const hs_view *v, const hs_edge *e, hs_tie *t) {
    t->mutual = 1;
    switch (e->depends) {
    case HS_DEPENDS_MUTUAL:
        return;
    case HS_DEPENDS_TO: {
        size_t x = t->a;
        t->a = t->b;
        t->b = x;
        t->mutual = 0;
        return;
    }
    case HS_DEPENDS_FROM:
        t->mutual = 0;
        return;
    default:
        break;
    }
    if (v->m->directed) {
        t->mutual = 0;
    } else if (e->kind == HS_KIND_TREATY && v->hub >= 0 && (t->a == (size_t)v->hub || t->b == (size_t)v->hub)) {
        /* An undirected treaty with the hub reads as the other side's
         * dependence on it (a line when that side is an ally). */
        read_as_line(v, t);
    }
}

static int pair_cmp(const void *x, const void *y) {
    const size_t *p = x, *q = y; /* lo, hi, kind, index */
    for (int k = 0; k < 4; k++) {
        if (p[k] != q[k]) return p[k] < q[k] ? -1 : 1;
    }
    return 0;
}

/* In a digraph, an arc a -> b and an arc b -> a of one kind are one mutual
 * instrument written twice: the i-th arc each way, in file order, make one
 * tie, whose dependence arcs keep their own weights and whose weight in S
 * is the larger of the two. Ties [0, n) are the bilateral ones. */
static size_t pair_reciprocal_arcs(hs_view *v, size_t n) {
    size_t *key = hs_malloc((4 * n + 1) * sizeof *key);
    unsigned char *gone = hs_calloc(n + 1, 1);
    if (!key || !gone) {
        free(key);
        free(gone);
        return (size_t)-1;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const hs_tie *t = &v->ties[i];
        if (t->mutual) continue;
        size_t *q = &key[4 * k++];
        q[0] = t->a < t->b ? t->a : t->b;
        q[1] = t->a < t->b ? t->b : t->a;
        q[2] = (size_t)(t->kind + 1);
        q[3] = i;
    }
    qsort(key, k, 4 * sizeof *key, pair_cmp);
    for (size_t g = 0; g < k;) {
        size_t h = g;
        while (h < k && key[4 * h] == key[4 * g] && key[4 * h + 1] == key[4 * g + 1] && key[4 * h + 2] == key[4 * g + 2])
            h++;
        /* Within one pair and kind, in file order: match each arc with the
         * first unmatched arc the other way. */
        for (size_t x = g; x < h; x++) {
            hs_tie *t = &v->ties[key[4 * x + 3]];
            if (gone[key[4 * x + 3]] || t->mutual) continue;
            for (size_t y = x + 1; y < h; y++) {
                size_t j = key[4 * y + 3];
                hs_tie *u = &v->ties[j];
                if (gone[j] || u->mutual || u->a != t->b) continue;
                t->mutual = 1;
                t->arc[1] = u->arc[0];
                t->weight = fmax(t->weight, u->weight);
                v->tie_path[key[4 * x + 3]] = fmax(v->tie_path[key[4 * x + 3]], v->tie_path[j]);
                t->source_back = u->source;
                gone[j] = 1;
                break;
            }
        }
        g = h;
    }
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (gone[i]) continue;
        v->ties[out] = v->ties[i];
        v->tie_path[out++] = v->tie_path[i];
    }
    free(key);
    free(gone);
    return out;
}

static hs_error build_ties(hs_view *v, const hs_codebook *cb) {
    const hs_model *m = v->m;
    hs_error err;
    /* The exact count up front: growing by doubling would hold two copies
     * at once, on large systems the peak of hubspoke's memory. */
    size_t count = v->nedges;
    for (size_t k = 0; k < v->nmech; k++) {
        size_t members = v->mech_first[k + 1] - v->mech_first[k];
        count += members * (members - 1) / 2;
    }
    v->ties = hs_malloc((count ? count : 1) * sizeof *v->ties);
    v->tie_path = hs_malloc((count ? count : 1) * sizeof *v->tie_path);
    if (!v->ties || !v->tie_path) return HS_ENOMEM;
    v->cap_ties = count ? count : 1;
    for (size_t k = 0; k < v->nedges; k++) {
        size_t ei = v->edges[k];
        const hs_edge *e = edge_at(v, ei);
        if (e->kind == HS_KIND_MEMBER || e->from == e->to) continue; /* self-ties carry no relation */
        double w = 0.0, path = 0.0;
        if ((err = bilateral_weights(v, cb, ei, &w, &path))) return err;
        hs_tie t = {.a = (size_t)v->vertex_state[e->from], .b = (size_t)v->vertex_state[e->to], .weight = w,
                    .arc = {w, w}, .source = (long)ei, .source_back = -1, .kind = (signed char)edge_kind_coded(v, ei),
                    .share = 1.0};
        t.line = (unsigned char)is_line(v, t.a, t.b, e->kind);
        tie_direction(v, e, &t);
        v->tie_path[v->nties] = path;
        if ((err = push_tie(v, t))) return err;
    }
    if (m->directed && v->nties) {
        size_t kept = pair_reciprocal_arcs(v, v->nties);
        if (kept == (size_t)-1) return HS_ENOMEM;
        v->nties = kept;
    }
    /* Co-membership: a mechanism closes its members' lines into a surface.
     * Each member's relation of the mechanism's depth (or its member edge's
     * own) is shared among its n-1 co-members; a pair takes the smaller. */
    for (size_t k = 0; k < v->nmech; k++) {
        size_t first = v->mech_first[k], last = v->mech_first[k + 1];
        if (last - first < 2) continue;
        /* Each pair's tie carries 1/(n-1) of a relation, whether it weighs
         * depth or amount: one relation per member, shared. */
        double share = 1.0 / (double)(last - first - 1);
        const hs_vertex *mv = &m->v[v->mech_vertex[k]];
        if (isnan(mv->amount) && (v->wsrc == HS_WEIGHT_AMOUNT || v->path_weight == HS_PATH_AMOUNT)) {
            char what[160];
            hs_model_describe(m, HS_DOMAIN_NODE, v->mech_vertex[k], what, sizeof what);
            return missing_amount(v, what);
        }
        int hub_in = 0;
        for (size_t q = first; q < last; q++) hub_in |= (long)v->members[q] == v->hub;
        hs_kind kind = mechanism_kind_coded(v, v->mech_vertex[k]);
        for (size_t p = first; p < last; p++) {
            double wp = isnan(v->member_cap[p]) ? v->mech_weight[k] : v->member_cap[p];
            for (size_t q = p + 1; q < last; q++) {
                double wq = isnan(v->member_cap[q]) ? v->mech_weight[k] : v->member_cap[q];
                double depth = fmin(wp, wq), w = (v->wsrc == HS_WEIGHT_AMOUNT ? mv->amount : depth) * share;
                hs_tie t = {.a = v->members[p], .b = v->members[q], .weight = w, .arc = {w, w},
                            .source = (long)v->mech_vertex[k], .source_back = -1, .kind = (signed char)kind,
                            .mechanism = 1, .mutual = 1, .hub_in_mechanism = (unsigned char)hub_in, .share = share};
                /* A treaty mechanism with the hub is a treaty with the hub
                 * for each ally: its hub-ally ties are lines, read one way
                 * in every file (membership has no direction of its own). */
                t.line = (unsigned char)(hub_in && is_line(v, t.a, t.b, kind));
                if (t.line) read_as_line(v, &t);
                /* Its strength for the paths is shared too: co-membership in
                 * a large mechanism is a longer path than a bilateral tie of
                 * the same depth. */
                v->tie_path[v->nties] =
                    (v->path_weight == HS_PATH_DEPTH ? depth : v->path_weight == HS_PATH_AMOUNT ? mv->amount : 1.0) * share;
                if ((err = push_tie(v, t))) return err;
            }
        }
    }
    return HS_OK;
}

typedef struct arc {
    igraph_integer_t from, to;
    double w;  /* parallel arcs: summed */
    double w2; /* parallel arcs: the largest */
} arc;

static int arc_cmp(const void *x, const void *y) {
    const arc *a = x, *b = y;
    if (a->from != b->from) return a->from < b->from ? -1 : 1;
    if (a->to != b->to) return a->to < b->to ? -1 : 1;
    return 0;
}

/* Collapse parallel arcs into one whose weight is their sum. Takes the arcs
 * and frees them as soon as they are copied, before igraph builds its
 * indexes: on large systems that is the peak of memory. */
static hs_error make_graph(arc *arcs, size_t n, igraph_integer_t nv, int directed, igraph_t *g, igraph_vector_t *w,
                           igraph_vector_t *w2) {
    qsort(arcs, n, sizeof *arcs, arc_cmp);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out && arcs[out - 1].from == arcs[i].from && arcs[out - 1].to == arcs[i].to) {
            arcs[out - 1].w += arcs[i].w;
            arcs[out - 1].w2 = fmax(arcs[out - 1].w2, arcs[i].w2);
        } else {
            arcs[out++] = arcs[i];
        }
    }
    igraph_vector_int_t edges;
    igraph_error_t ierr = igraph_vector_int_init(&edges, (igraph_integer_t)(2 * out));
    if (ierr) {
        free(arcs);
        return hs_from_igraph(ierr, "building a graph");
    }
    ierr = igraph_vector_init(w, (igraph_integer_t)out);
    if (!ierr && w2 && (ierr = igraph_vector_init(w2, (igraph_integer_t)out))) igraph_vector_destroy(w);
    for (size_t i = 0; i < out && !ierr; i++) {
        VECTOR(edges)[2 * i] = arcs[i].from;
        VECTOR(edges)[2 * i + 1] = arcs[i].to;
        VECTOR(*w)[i] = arcs[i].w;
        if (w2) VECTOR(*w2)[i] = arcs[i].w2;
    }
    free(arcs);
    if (!ierr) {
        ierr = igraph_create(g, &edges, nv, directed);
        if (ierr) {
            igraph_vector_destroy(w);
            if (w2) igraph_vector_destroy(w2);
        }
    }
    igraph_vector_int_destroy(&edges);
    if (ierr) return hs_from_igraph(ierr, "building a graph");
    return HS_OK;
}

static hs_error build_graphs(hs_view *v) {
    /* Give back the doubling slack before the graphs are made: on large
     * files the ties are a good part of hubspoke's memory. */
    if (v->nties && v->nties < v->cap_ties) {
        hs_tie *fit = realloc(v->ties, v->nties * sizeof *fit);
        if (fit) {
            v->ties = fit;
            v->cap_ties = v->nties;
        }
    }
    arc *arcs = hs_malloc((v->nties + 1) * sizeof *arcs);
    if (!arcs) return HS_ENOMEM;
    double longest = 0.0;
    for (size_t i = 0; i < v->nties; i++) {
        const hs_tie *t = &v->ties[i];
        igraph_integer_t lo = (igraph_integer_t)(t->a < t->b ? t->a : t->b), hi = (igraph_integer_t)(t->a < t->b ? t->b : t->a);
        arcs[i] = (arc){lo, hi, t->weight, v->tie_path[i]};
        longest = fmax(longest, v->tie_path[i]);
    }
    hs_error err = make_graph(arcs, v->nties, (igraph_integer_t)v->ns, 0, &v->security, &v->security_w, &v->security_len);
    if (err) return err;
    v->graphs_ready = 1;
    /* A pair is as close as its strongest tie makes it, on a scale where the
     * strongest possible tie has length 1: depth 1, or the view's largest
     * amount. So no length is below 1 and closeness stays in [0, 1]. */
    double scale = v->path_weight == HS_PATH_AMOUNT ? longest : 1.0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(&v->security_len); i++)
        VECTOR(v->security_len)[i] = v->path_weight == HS_PATH_HOPS ? 1.0 : scale / VECTOR(v->security_len)[i];
    return HS_OK;
}

/* Built on request rather than kept: only the system's part is measured,
 * and a whole one would cost as much memory as the security graph. */
hs_error hs_view_dependence_graph(const hs_view *v, const igraph_vector_bool_t *keep, igraph_t *graph,
                                  igraph_vector_t *weights) {
    igraph_integer_t *renumber = hs_malloc((v->ns + 1) * sizeof *renumber);
    arc *arcs = hs_malloc((2 * v->nties + 1) * sizeof *arcs);
    if (!renumber || !arcs) {
        free(renumber);
        free(arcs);
        return HS_ENOMEM;
    }
    igraph_integer_t kept = 0;
    for (size_t s = 0; s < v->ns; s++) renumber[s] = !keep || VECTOR(*keep)[s] ? kept++ : -1;
    size_t n = 0;
    for (size_t i = 0; i < v->nties; i++) {
        const hs_tie *t = &v->ties[i];
        igraph_integer_t a = renumber[t->a], b = renumber[t->b];
        if (a < 0 || b < 0) continue;
        arcs[n++] = (arc){a, b, t->arc[0], 0.0};
        if (t->mutual) arcs[n++] = (arc){b, a, t->arc[1], 0.0};
    }
    hs_error err = make_graph(arcs, n, kept, 1, graph, weights, NULL);
    free(renumber);
    return err;
}

/* One pass of building a view; `untied` (may be NULL) marks model vertices
 * to leave out after the edits: the states the first pass found without a tie. */
static hs_error view_build(hs_view **out, const hs_model *m, const hs_view_options *opt, const hs_codebook *cb,
                           const hs_view_recode *recode, const unsigned char *untied) {
    hs_view *v = hs_calloc(1, sizeof *v);
    if (!v) return HS_ENOMEM;
    v->m = m;
    v->recode = recode;
    v->has_year = opt->has_year;
    v->year = opt->year;
    v->state_set = opt->state_set;
    v->wsrc = opt->weight;
    v->path_weight = opt->path_weight;
    hs_error err = apply_edits(v, opt);
    for (size_t i = 0; !err && untied && i < m->nv; i++) v->dropped_vertex[i] |= untied[i];
    if (!err && !(err = select_active(v)) && !(err = find_hub(v, opt->hub)) && !(err = collect_members(v, cb)) &&
        !(err = assign_roles(v)) && !(err = build_ties(v, cb)))
        err = build_graphs(v);
    v->recode = NULL;
    v->edits = NULL;
    if (err) {
        hs_view_destroy(v);
        return err;
    }
    *out = v;
    return HS_OK;
}

/* The model vertices of the view's states that have no tie, the hub kept;
 * NULL when there are none. */
static hs_error find_untied(const hs_view *v, unsigned char **out) {
    *out = NULL;
    unsigned char *tied = hs_calloc(v->ns + 1, 1);
    if (!tied) return HS_ENOMEM;
    for (size_t i = 0; i < v->nties; i++) tied[v->ties[i].a] = tied[v->ties[i].b] = 1;
    if (v->hub >= 0) tied[v->hub] = 1;
    size_t missing = 0;
    for (size_t s = 0; s < v->ns; s++) missing += !tied[s];
    if (missing) {
        *out = hs_calloc(v->m->nv + 1, 1);
        for (size_t s = 0; *out && s < v->ns; s++) (*out)[v->state_vertex[s]] = !tied[s];
    }
    free(tied);
    return missing && !*out ? HS_ENOMEM : HS_OK;
}

hs_error hs_view_new(const hs_model *m, const hs_view_options *opt, hs_view **out) {
    return hs_view_new_recoded(m, opt, NULL, out);
}

hs_error hs_view_new_recoded(const hs_model *m, const hs_view_options *opt, const hs_view_recode *recode,
                             hs_view **out) {
    hs_view_options defaults;
    hs_view_options_init(&defaults);
    if (!opt) opt = &defaults;
    if ((unsigned)opt->state_set > HS_STATES_LISTED || (unsigned)opt->weight > HS_WEIGHT_AMOUNT ||
        (unsigned)opt->path_weight > HS_PATH_HOPS)
        return hs_error_set(HS_EARG, "hs_view_new: unknown state set, weight or path weight");
    hs_codebook *own_cb = NULL;
    const hs_codebook *cb = opt->codebook;
    if (!cb) {
        hs_error err = hs_codebook_new(&own_cb);
        if (err) return err;
        cb = own_cb;
    }
    hs_view *v = NULL;
    hs_error err = view_build(&v, m, opt, cb, recode, NULL);
    /* The states without a tie are left out by building the view again
     * without them: the edits, the hub and the roles are as they were, and
     * no number depends on a state the ties do not reach. */
    unsigned char *untied = NULL;
    if (!err && opt->state_set == HS_STATES_TIED && !(err = find_untied(v, &untied)) && untied) {
        hs_view_destroy(v);
        v = NULL;
        err = view_build(&v, m, opt, cb, recode, untied);
    }
    free(untied);
    hs_codebook_destroy(own_cb);
    if (err) return err;
    *out = v;
    return HS_OK;
}

const hs_model *hs_view_model(const hs_view *v) { return v->m; }
int hs_view_has_year(const hs_view *v) { return v->has_year; }
int hs_view_year(const hs_view *v) { return v->year; }
size_t hs_view_state_count(const hs_view *v) { return v->ns; }
size_t hs_view_state_vertex(const hs_view *v, size_t s) { return v->state_vertex[s]; }
const char *hs_view_state_id(const hs_view *v, size_t s) { return v->m->v[v->state_vertex[s]].id; }
hs_role hs_view_state_role(const hs_view *v, size_t s) { return v->role[s]; }
long hs_view_state_of_vertex(const hs_view *v, size_t vertex) { return v->vertex_state[vertex]; }
long hs_view_hub(const hs_view *v) { return v->hub; }
hs_hub_source hs_view_hub_source(const hs_view *v) { return v->hub_source; }
size_t hs_view_mechanism_count(const hs_view *v) { return v->nmech; }
size_t hs_view_mechanism_vertex(const hs_view *v, size_t k) { return v->mech_vertex[k]; }
double hs_view_mechanism_weight(const hs_view *v, size_t k) { return v->mech_weight[k]; }
size_t hs_view_mechanism_member_count(const hs_view *v, size_t k) { return v->mech_first[k + 1] - v->mech_first[k]; }
const size_t *hs_view_mechanism_members(const hs_view *v, size_t k) { return v->members + v->mech_first[k]; }
size_t hs_view_edge_count(const hs_view *v) { return v->nedges; }
const size_t *hs_view_edges(const hs_view *v) { return v->edges; }
hs_kind hs_view_edge_kind(const hs_view *v, size_t e) { return edge_at(v, e)->kind; }
size_t hs_view_tie_count(const hs_view *v) { return v->nties; }
const hs_tie *hs_view_ties(const hs_view *v) { return v->ties; }
const igraph_t *hs_view_security_graph(const hs_view *v) { return &v->security; }
const igraph_vector_t *hs_view_security_weights(const hs_view *v) { return &v->security_w; }
const igraph_vector_t *hs_view_security_lengths(const hs_view *v) { return &v->security_len; }
hs_state_set hs_view_state_set(const hs_view *v) { return v->state_set; }
hs_weight_source hs_view_weight_source(const hs_view *v) { return v->wsrc; }

static const char *const state_set_names[] = {"tied", "listed"};
static const char *const weight_source_names[] = {"depth", "amount"};
static const char *const path_weight_names[] = {"depth", "amount", "hops"};
#define NAME_OF(names, x) ((unsigned)(x) < sizeof names / sizeof *names ? names[x] : "unknown")
const char *hs_state_set_name(hs_state_set x) { return NAME_OF(state_set_names, x); }
const char *hs_weight_source_name(hs_weight_source x) { return NAME_OF(weight_source_names, x); }
const char *hs_path_weight_name(hs_path_weight x) { return NAME_OF(path_weight_names, x); }
static int parse_name(const char *const *names, int count, const char *name) {
    for (int i = 0; name && i < count; i++) {
        if (strcmp(names[i], name) == 0) return i;
    }
    return -1;
}
int hs_state_set_parse(const char *name) { return parse_name(state_set_names, 2, name); }
int hs_weight_source_parse(const char *name) { return parse_name(weight_source_names, 2, name); }
int hs_path_weight_parse(const char *name) { return parse_name(path_weight_names, 3, name); }
