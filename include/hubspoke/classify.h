/* hubspoke: the paper's typology of minilateral mechanisms.
 *
 * Each mechanism active in a view is classified in the 2x2 of Li (2024),
 * section 3.2 (docs/typology.md):
 *
 *                          closedness kept        closedness weakened
 *   unidirectionality kept  hub-and-spokes         expansive
 *   unidirectionality weak  integrative            loose-multilateral
 *
 * by what the mechanism itself changes: the indices U and C around its
 * members and the hub, on the hub-and-spokes skeleton there (the hub's
 * treaties with its allied members, "the lines") with and without the
 * mechanism's co-membership ties ("the surface"). A property is "weakened"
 * when its index falls by at least its threshold. docs/typology.md gives the
 * sets, formulas and the reasons for them.
 */
#ifndef HUBSPOKE_CLASSIFY_H
#define HUBSPOKE_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "hubspoke/error.h"
#include "hubspoke/model.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hs_mechanism_type {
    HS_MECHANISM_HUB_AND_SPOKES = 0, /* neither property weakened */
    HS_MECHANISM_INTEGRATIVE,        /* unidirectionality weakened, closedness kept */
    HS_MECHANISM_EXPANSIVE,          /* closedness weakened, unidirectionality kept */
    HS_MECHANISM_LOOSE_MULTILATERAL, /* both weakened */
    HS_MECHANISM_UNCLASSIFIED        /* no hub, or no member is the hub or an ally */
} hs_mechanism_type;

/* "hub-and-spokes", "integrative", "expansive", "loose-multilateral"; NULL
 * for HS_MECHANISM_UNCLASSIFIED. */
const char *hs_mechanism_type_name(hs_mechanism_type type);

typedef struct hs_classify_options {
    const char *mechanism;              /* classify only this mechanism id; NULL: every active one */
    double threshold_unidirectionality; /* a fall of U by at least this weakens unidirectionality */
    double threshold_closedness;        /* a fall of C by at least this weakens closedness */
    size_t sensitivity;                 /* codebook redraws for `agreement`; 0: none */
    uint64_t seed;                      /* of the redraws: same seed, same agreement everywhere */
    double spread;                      /* redraws: each depth times a factor in [1/(1+spread), 1+spread] */
} hs_classify_options;

/* The documented defaults (docs/typology.md, "Thresholds"). */
hs_classify_options hs_classify_options_default(void);

/* One classified mechanism. Every pointer is owned by the classification. */
typedef struct hs_mechanism_class {
    const char *id;
    const char *label;                  /* NULL when the file gives none */
    size_t vertex;                      /* model vertex index */
    size_t member_count;
    const char *const *member_ids;      /* active members, in file order */
    const hs_role *member_roles;        /* their roles in the view's year */
    hs_mechanism_type type;
    /* On the hub-and-spokes skeleton around the mechanism (the hub's treaties
     * with its allied members), without and with the mechanism: the type. */
    double unidirectionality_without, unidirectionality_with, delta_unidirectionality;
    double closedness_without, closedness_with, delta_closedness;
    /* The same indices on every tie around the mechanism, as the system stands. */
    double system_unidirectionality_without, system_unidirectionality_with;
    double system_closedness_without, system_closedness_with;
    double agreement;                   /* share of redraws giving `type`; NaN without redraws */
    const char *explanation;            /* plain words, naming the members and ties responsible */
} hs_mechanism_class;

typedef struct hs_classification hs_classification;

/* Classify the mechanisms active in the view that view_options describe on
 * model. *out is the caller's, freed with hs_classification_destroy. A named
 * mechanism that is not active is HS_EARG. */
hs_error hs_classify(hs_classification **out, const hs_model *model, const hs_view_options *view_options,
                     const hs_classify_options *options);
void hs_classification_destroy(hs_classification *classification);

/* The hub's id, NULL without a hub. */
const char *hs_classification_hub(const hs_classification *classification);
size_t hs_classification_count(const hs_classification *classification);
const hs_mechanism_class *hs_classification_get(const hs_classification *classification, size_t k);

#ifdef __cplusplus
}
#endif
#endif
