/** @file
 * The paper's typology of minilateral mechanisms.
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
#include "hubspoke/export.h"
#include "hubspoke/model.h"
#include "hubspoke/view.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A mechanism's type in the paper's 2x2 typology. */
typedef enum hs_mechanism_type {
    HS_MECHANISM_HUB_AND_SPOKES = 0, /**< neither property weakened */
    HS_MECHANISM_INTEGRATIVE,        /**< unidirectionality weakened, closedness kept */
    HS_MECHANISM_EXPANSIVE,          /**< closedness weakened, unidirectionality kept */
    HS_MECHANISM_LOOSE_MULTILATERAL, /**< both weakened */
    HS_MECHANISM_UNCLASSIFIED        /**< no hub, or no member is the hub or an ally */
} hs_mechanism_type;

/** "hub-and-spokes", "integrative", "expansive", "loose-multilateral"; NULL
 * for ::HS_MECHANISM_UNCLASSIFIED. Static string. */
HS_API const char *hs_mechanism_type_name(hs_mechanism_type type);

/** How to classify. Fill with hs_classify_options_init(), then set fields. */
typedef struct hs_classify_options {
    const char *mechanism;              /**< classify only this mechanism id; NULL: every active one */
    double threshold_unidirectionality; /**< a fall of U by at least this weakens unidirectionality */
    double threshold_closedness;        /**< a fall of C by at least this weakens closedness */
    size_t sensitivity;                 /**< codebook redraws for `agreement`; 0: none */
    uint64_t seed;                      /**< of the redraws: same seed, same agreement everywhere */
    double spread;                      /**< redraws: each depth times a factor in [1/(1+spread), 1+spread] */
} hs_classify_options;

/** The documented defaults (docs/typology.md, "Thresholds"): thresholds 0.1,
 * no redraws, seed 1, spread 0.25, every mechanism. */
HS_API void hs_classify_options_init(hs_classify_options *options);

/** One classified mechanism. Every pointer is owned by the classification
 * and valid until hs_classification_destroy(). */
typedef struct hs_mechanism_class {
    const char *id;                     /**< the mechanism's id */
    const char *label;                  /**< NULL when the file gives none */
    size_t vertex;                      /**< model vertex index */
    size_t member_count;                /**< the number of active members */
    const char *const *member_ids;      /**< active members, in file order */
    const hs_role *member_roles;        /**< their roles in the view's year */
    hs_mechanism_type type;             /**< the type */
    /* On the hub-and-spokes skeleton around the mechanism (the hub's treaties
     * with its allied members), without and with the mechanism: the type. */
    double unidirectionality_without;   /**< U on the skeleton without the mechanism */
    double unidirectionality_with;      /**< U on the skeleton with the mechanism */
    double delta_unidirectionality;     /**< the change of U the mechanism makes: with - without (a fall is negative) */
    double closedness_without;          /**< C on the skeleton without the mechanism */
    double closedness_with;             /**< C on the skeleton with the mechanism */
    double delta_closedness;            /**< the change of C the mechanism makes: with - without (a fall is negative) */
    /* The same indices on every tie around the mechanism, as the system stands. */
    double system_unidirectionality_without; /**< U around the mechanism, as the system stands, without it */
    double system_unidirectionality_with;    /**< the same with it */
    double system_closedness_without;        /**< C around the mechanism, as the system stands, without it */
    double system_closedness_with;           /**< the same with it */
    double agreement;                   /**< share of redraws giving `type`; NaN without redraws */
    const char *explanation;            /**< plain words, naming the members and ties responsible */
} hs_mechanism_class;

/** The classified mechanisms of one view (opaque). Created by
 * hs_classification_new(), freed by hs_classification_destroy(). */
typedef struct hs_classification hs_classification;

/** Classify the mechanisms active in the view that `view_options` describe
 * on `model` (NULL options: the defaults). A named mechanism that is not
 * active is ::HS_EARG. On success *out is the caller's: free it with
 * hs_classification_destroy(). */
HS_API hs_error hs_classification_new(const hs_model *model, const hs_view_options *view_options,
                                      const hs_classify_options *options, hs_classification **out);
/** Free a classification (NULL is allowed). */
HS_API void hs_classification_destroy(hs_classification *classification);

/** The hub's id (owned by the classification), NULL without a hub. */
HS_API const char *hs_classification_hub(const hs_classification *classification);
/** The number of classified mechanisms. */
HS_API size_t hs_classification_count(const hs_classification *classification);
/** Mechanism k, in file order (k < hs_classification_count()). */
HS_API const hs_mechanism_class *hs_classification_get(const hs_classification *classification, size_t k);

#ifdef __cplusplus
}
#endif
#endif
