/* Views built with recoded kinds and scopes (not installed). */
#ifndef HS_VIEW_INTERNAL_H
#define HS_VIEW_INTERNAL_H

#include "hubspoke/view.h"

/* Kinds and scopes to use instead of the model's, as classify's categorical
 * redraws draw them (docs/typology.md, "Uncertainty"): edge_kind[i] for model
 * edge i, vertex_kind[i] and vertex_scope[i] for model vertex i (hs_kind and
 * hs_scope values). A NULL array keeps the model's codes. A recode must not
 * make or unmake a treaty: roles would change. */
typedef struct hs_view_recode {
    const signed char *edge_kind;
    const signed char *vertex_kind;
    const signed char *vertex_scope;
} hs_view_recode;

/* hs_view_new with a recode (NULL: none); the recode is read only during the call. */
hs_error hs_view_new_recoded(const hs_model *model, const hs_view_options *options, const hs_view_recode *recode,
                             hs_view **out);

#endif
