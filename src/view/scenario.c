/* The model a what-if scenario's edits apply to (view.h): the mechanisms an
 * edit adds are vertices of a copy of the model, so that every later step
 * (views, measures, the typology) sees them as it sees the file's. */
#include "hubspoke/view.h"

#include "core/internal.h"

hs_error hs_scenario_model(const hs_model *model, const hs_view_edit *edits, size_t edit_count, hs_model **out) {
    if (!model || !out || (edit_count && !edits)) return hs_error_set(HS_EARG, "hs_scenario_model: a NULL argument");
    *out = NULL;
    hs_model *copy = NULL;
    hs_error err = HS_OK;
    for (size_t k = 0; !err && k < edit_count; k++) {
        const hs_view_edit *e = &edits[k];
        if (e->type != HS_EDIT_ADD_MECHANISM) continue;
        if (!e->a || !e->a[0]) {
            err = hs_error_set(HS_EARG, "%s: edit %zu (add mechanism): no id", hs_model_file(model), k + 1);
        } else if (hs_model_find(copy ? copy : model, e->a) >= 0) {
            err = hs_error_set(HS_EARG, "%s: edit %zu (add mechanism): '%s' exists already", hs_model_file(model),
                               k + 1, e->a);
        } else if (e->kind < 0 || e->kind >= HS_KIND_MEMBER) {
            err = hs_error_set(HS_EARG,
                               "%s: edit %zu (add mechanism): the kind must be one of docs/codebook.md's seven kinds",
                               hs_model_file(model), k + 1);
        } else {
            size_t v;
            if (!copy) err = hs_model_copy(model, &copy);
            if (!err) err = hs_model_append_vertex(copy, e->a, 0, &v);
            if (!err) err = hs_vertex_set_type(copy, v, HS_VERTEX_MECHANISM);
            if (!err) err = hs_vertex_set_kind(copy, v, e->kind);
            if (!err && e->scope != HS_SCOPE_UNSET) err = hs_vertex_set_scope(copy, v, e->scope);
        }
    }
    if (err) {
        hs_model_destroy(copy);
        return err;
    }
    *out = copy;
    return HS_OK;
}
