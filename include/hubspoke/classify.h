/** @file
 * The paper's typology of minilateral mechanisms.
 *
 * Each mechanism active in a view is placed by its size and by what it does
 * to the system's two properties (Li 2024, sections 2.1 and 3.2;
 * docs/typology.md):
 *
 *   2 members: bilateral        more than the critical mass: multilateral
 *   3 .. critical mass (a minilateral): its cell in the 2x2
 *
 *                          closedness kept        closedness weakened
 *   unidirectionality kept  hub-and-spokes         expansive
 *   unidirectionality weak  integrative            loose-multilateral
 *
 * A property is weakened when the mechanism lowers its index (U or C) by at
 * least the reference magnitude: the median change the system's own
 * relations make to it in the same picture (or a fixed threshold). The type
 * is judged on the system as it stands; the same judgement on the hub's
 * lines around the mechanism is reported beside it. Redraws of the codebook,
 * the codes and the threshold give each verdict its agreement.
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

/** A mechanism's outcome: a cell of the 2x2, a size outcome, or a verdict. */
typedef enum hs_mechanism_type {
    HS_MECHANISM_HUB_AND_SPOKES = 0, /**< neither property weakened */
    HS_MECHANISM_INTEGRATIVE,        /**< unidirectionality weakened, closedness kept */
    HS_MECHANISM_EXPANSIVE,          /**< closedness weakened, unidirectionality kept */
    HS_MECHANISM_LOOSE_MULTILATERAL, /**< both weakened */
    HS_MECHANISM_BILATERAL,          /**< two members: a line, not a minilateral */
    HS_MECHANISM_MULTILATERAL,       /**< beyond the critical mass: the counter-model */
    HS_MECHANISM_AMBIGUOUS,          /**< a verdict whose agreement is below the level */
    HS_MECHANISM_UNCLASSIFIED        /**< no hub, fewer than two members, or none in the system */
} hs_mechanism_type;

/** "hub-and-spokes", "integrative", "expansive", "loose-multilateral",
 * "bilateral", "multilateral", "ambiguous"; NULL for
 * ::HS_MECHANISM_UNCLASSIFIED. Static string. */
HS_API const char *hs_mechanism_type_name(hs_mechanism_type type);

/** A mechanism's size against the critical mass. */
typedef enum hs_size_class {
    HS_SIZE_NONE = 0,    /**< fewer than two members */
    HS_SIZE_BILATERAL,   /**< two */
    HS_SIZE_MINILATERAL, /**< three up to the critical mass */
    HS_SIZE_MULTILATERAL /**< more than the critical mass */
} hs_size_class;

/** "bilateral", "minilateral", "multilateral"; NULL for ::HS_SIZE_NONE.
 * Static string. */
HS_API const char *hs_size_class_name(hs_size_class size_class);

/** The two pictures a mechanism is judged in. */
typedef enum hs_picture {
    HS_PICTURE_SYSTEM = 0, /**< the system as it stands: every tie of the view */
    HS_PICTURE_LINES       /**< the hub's lines around the mechanism */
} hs_picture;

/** The tolerance of every comparison of a change with a threshold or a level
 * (docs/typology.md, "Thresholds"). */
#define HS_CLASSIFY_TOLERANCE 1e-9

/** How to classify. Fill with hs_classify_options_init(), then set fields. */
typedef struct hs_classify_options {
    const char *mechanism;              /**< classify only this mechanism id; NULL: every active one */
    size_t critical_mass;               /**< the largest minilateral (at least 3); default 4 */
    double reference_quantile;          /**< q of the reference rule, in (0, 1); default 0.5 */
    double threshold_unidirectionality; /**< a fixed fall of U instead of the reference rule; NaN: none */
    double threshold_closedness;        /**< a fixed fall of C instead of the reference rule; NaN: none */
    size_t sensitivity;                 /**< redraws for `agreement`; 0: none */
    uint64_t seed;                      /**< of the redraws: same seed, same agreement everywhere */
    double spread;                      /**< depths times a factor in [1/(1+spread), 1+spread], uncapped */
    double recode;                      /**< probability of recoding each kind and each scope in a draw */
    double quantile_low;                /**< the lower end of the range q is drawn from */
    double quantile_high;               /**< the upper end */
    double threshold_sweep;             /**< fixed thresholds times a factor in [1/sweep, sweep]; 1: none */
    double ambiguous_below;             /**< agreement below which the verdict is ambiguous */
} hs_classify_options;

/** The documented defaults (docs/typology.md): critical mass 4, the median as
 * the reference, no fixed thresholds, no redraws, seed 1, spread 0.25,
 * recode 0.1, quantiles 0.25 to 0.75, threshold sweep 2, ambiguous below
 * 0.8, every mechanism. */
HS_API void hs_classify_options_init(hs_classify_options *options);

/** One classified mechanism. Every pointer is owned by the classification
 * and valid until hs_classification_destroy(). Indices and changes
 * undefined for the mechanism are NaN (printed as null). */
typedef struct hs_mechanism_class {
    const char *id;                     /**< the mechanism's id */
    const char *label;                  /**< NULL when the file gives none */
    size_t vertex;                      /**< model vertex index */
    size_t member_count;                /**< the number of active members */
    const char *const *member_ids;      /**< active members, in file order */
    const hs_role *member_roles;        /**< their roles in the view's year */
    hs_size_class size_class;           /**< the size against the critical mass */
    size_t outside_members;             /**< members neither hub nor ally */
    int exceeds_one_outside_partner;    /**< outside_members > 1: section 3.2's regularity broken */
    hs_mechanism_type type;             /**< on the system as it stands: the size outcome, else the cell */
    hs_mechanism_type cell;             /**< the 2x2 cell on the system, whatever the size */
    double system_delta_unidirectionality;   /**< the change of U the mechanism makes: with - without */
    double system_delta_closedness;          /**< the change of C: with - without */
    double system_unidirectionality_without; /**< U of the whole view without the mechanism's own ties */
    double system_unidirectionality_with;    /**< U of the whole view */
    double system_closedness_without;        /**< C of the whole view without the mechanism's own ties */
    double system_closedness_with;           /**< C of the whole view */
    hs_mechanism_type type_lines;       /**< the outcome on the hub's lines around the mechanism */
    hs_mechanism_type cell_lines;       /**< the cell there */
    double delta_unidirectionality;     /**< the change of U on the lines: with - without */
    double delta_closedness;            /**< the change of C on the lines: with - without */
    double unidirectionality_without;   /**< U of the lines around the mechanism */
    double unidirectionality_with;      /**< the same with the mechanism */
    double closedness_without;          /**< C of the lines around the mechanism */
    double closedness_with;             /**< the same with the mechanism */
    double agreement;                   /**< share of redraws giving `type`; NaN without redraws */
    double agreement_lines;             /**< share of redraws giving `type_lines`; NaN without redraws */
    hs_mechanism_type verdict;          /**< `type`, or ::HS_MECHANISM_AMBIGUOUS below the level */
    size_t alternative_count;           /**< the types that occurred in the redraws */
    const hs_mechanism_type *alternative_types; /**< those types, largest share first */
    const double *alternative_shares;   /**< their shares of the draws */
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
/** The reference magnitude of U (`unidirectionality` non-zero) or C in a
 * picture of the undrawn view, NaN when no relation changes it; *relations
 * (may be NULL) receives the number of relations whose change entered it. */
HS_API double hs_classification_reference(const hs_classification *classification, hs_picture picture,
                                          int unidirectionality, size_t *relations);
/** The number of classified mechanisms. */
HS_API size_t hs_classification_count(const hs_classification *classification);
/** Mechanism k, in file order (k < hs_classification_count()). */
HS_API const hs_mechanism_class *hs_classification_get(const hs_classification *classification, size_t k);

#ifdef __cplusplus
}
#endif
#endif
