/* Building a model in code (model.h, "Building a model"): the importers'
 * way in. Every setter goes through hs_model_set_attr, the function the
 * readers use, so that a built model is checked exactly as a file is. */
#include <stdio.h>
#include <string.h>

#include "core/internal.h"
#include "model/model_internal.h"

hs_error hs_model_new(int directed, const char *origin, hs_model **out) {
    if (!out) return hs_error_set(HS_EARG, "hs_model_new: out is NULL");
    *out = NULL;
    hs_model *m = NULL;
    hs_error err = hs_model_alloc(&m, origin ? origin : "<built>");
    if (err) return err;
    m->directed = directed ? 1 : 0;
    /* A built model has no format of its own; writers are told one. */
    m->format = HS_FORMAT_UNKNOWN;
    *out = m;
    return HS_OK;
}

hs_error hs_model_append_vertex(hs_model *m, const char *id, int line, size_t *index) {
    if (!id || !id[0]) return hs_error_set(HS_EARG, "%s: a vertex needs a non-empty id", m->file);
    return hs_model_add_vertex(m, id, line > 0 ? line : 0, index);
}

hs_error hs_model_append_edge(hs_model *m, size_t from, size_t to, int line, size_t *index) {
    if (from >= m->nv || to >= m->nv)
        return hs_error_set(HS_EARG, "%s: edge %zu -> %zu names a vertex the model does not have (%zu vertices)",
                            m->file, from, to, m->nv);
    return hs_model_add_edge(m, from, to, NULL, line > 0 ? line : 0, index);
}

/* ---- attributes as text ------------------------------------------------------------ */

hs_error hs_vertex_set_attr(hs_model *m, size_t i, const char *name, const char *value) {
    if (i >= m->nv) return hs_error_set(HS_EARG, "%s: no vertex %zu", m->file, i);
    if (!name || !name[0] || !value) return hs_error_set(HS_EARG, "%s: attribute name or value missing", m->file);
    return hs_model_set_attr(m, HS_DOMAIN_NODE, i, name, value, NULL, 0);
}

hs_error hs_edge_set_attr(hs_model *m, size_t i, const char *name, const char *value) {
    if (i >= m->ne) return hs_error_set(HS_EARG, "%s: no edge %zu", m->file, i);
    if (!name || !name[0] || !value) return hs_error_set(HS_EARG, "%s: attribute name or value missing", m->file);
    return hs_model_set_attr(m, HS_DOMAIN_EDGE, i, name, value, NULL, 0);
}

hs_error hs_model_set_graph_attr(hs_model *m, const char *name, const char *value) {
    if (!name || !name[0] || !value) return hs_error_set(HS_EARG, "%s: attribute name or value missing", m->file);
    return hs_model_set_attr(m, HS_DOMAIN_GRAPH, 0, name, value, NULL, 0);
}

/* ---- typed setters: the text a file would hold, then the readers' checks ---------- */

static hs_error set_years(hs_model *m, hs_domain d, size_t i, int since, int until) {
    char buf[16];
    hs_error err;
    if (since != HS_SINCE_OPEN) {
        snprintf(buf, sizeof buf, "%d", since);
        if ((err = hs_model_set_attr(m, d, i, "since", buf, NULL, 0))) return err;
    }
    if (until != HS_UNTIL_OPEN) {
        snprintf(buf, sizeof buf, "%d", until);
        if ((err = hs_model_set_attr(m, d, i, "until", buf, NULL, 0))) return err;
    }
    return HS_OK;
}

hs_error hs_vertex_set_span(hs_model *m, size_t i, int since, int until) {
    if (i >= m->nv) return hs_error_set(HS_EARG, "%s: no vertex %zu", m->file, i);
    return set_years(m, HS_DOMAIN_NODE, i, since, until);
}

hs_error hs_edge_set_span(hs_model *m, size_t i, int since, int until) {
    if (i >= m->ne) return hs_error_set(HS_EARG, "%s: no edge %zu", m->file, i);
    return set_years(m, HS_DOMAIN_EDGE, i, since, until);
}

hs_error hs_vertex_set_type(hs_model *m, size_t i, hs_vertex_type type) {
    if (type != HS_VERTEX_STATE && type != HS_VERTEX_MECHANISM)
        return hs_error_set(HS_EARG, "%s: unknown vertex type %d", m->file, (int)type);
    return hs_vertex_set_attr(m, i, "type", type == HS_VERTEX_MECHANISM ? "mechanism" : "state");
}

hs_error hs_vertex_set_kind(hs_model *m, size_t i, hs_kind kind) {
    /* hs_kind_name gives "unspecified" for a value out of range, which the
     * readers' check refuses with the list of kinds. */
    return hs_vertex_set_attr(m, i, "kind", hs_kind_name(kind));
}

hs_error hs_edge_set_kind(hs_model *m, size_t i, hs_kind kind) {
    return hs_edge_set_attr(m, i, "kind", hs_kind_name(kind));
}

hs_error hs_vertex_set_scope(hs_model *m, size_t i, hs_scope scope) {
    return hs_vertex_set_attr(m, i, "scope", hs_scope_name(scope));
}

hs_error hs_model_check(hs_model *m) { return hs_model_finish(m); }

hs_error hs_vertex_set_spells(hs_model *m, size_t i, const int *since, const int *until, size_t count) {
    if (i >= m->nv) return hs_error_set(HS_EARG, "%s: no vertex %zu", m->file, i);
    hs_buf b = {0};
    hs_error err = HS_OK;
    for (size_t k = 0; k < count && !err; k++) err = hs_spell_text(&b, since[k], until[k]);
    if (!err) err = count ? hs_vertex_set_attr(m, i, "spells", b.data) : hs_error_set(HS_EARG, "%s: no spells", m->file);
    hs_buf_free(&b);
    return err;
}
