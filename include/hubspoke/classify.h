/* hubspoke: the paper's typology of minilateral mechanisms.
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
    HS_MECHANISM_BILATERAL,          /* two members: a line, not a minilateral */
    HS_MECHANISM_MULTILATERAL,       /* beyond the critical mass: the counter-model */
    HS_MECHANISM_AMBIGUOUS,          /* a verdict whose agreement is below the level */
    HS_MECHANISM_UNCLASSIFIED        /* no hub, fewer than two members, or none in the system */
} hs_mechanism_type;

/* "hub-and-spokes", "integrative", "expansive", "loose-multilateral",
 * "bilateral", "multilateral", "ambiguous"; NULL for HS_MECHANISM_UNCLASSIFIED. */
const char *hs_mechanism_type_name(hs_mechanism_type type);

typedef enum hs_size_class {
    HS_SIZE_NONE = 0,      /* fewer than two members */
    HS_SIZE_BILATERAL,     /* two */
    HS_SIZE_MINILATERAL,   /* three up to the critical mass */
    HS_SIZE_MULTILATERAL   /* more than the critical mass */
} hs_size_class;

/* "bilateral", "minilateral", "multilateral"; NULL for HS_SIZE_NONE. */
const char *hs_size_class_name(hs_size_class size_class);

/* The two pictures a mechanism is judged in. */
typedef enum hs_picture {
    HS_PICTURE_SYSTEM = 0, /* the system as it stands: every tie of the view */
    HS_PICTURE_LINES       /* the hub's lines around the mechanism */
} hs_picture;

/* The tolerance of every comparison of a change with a threshold or a level
 * (docs/typology.md, "Thresholds"). */
#define HS_CLASSIFY_TOLERANCE 1e-9

typedef struct hs_classify_options {
    const char *mechanism;              /* classify only this mechanism id; NULL: every active one */
    size_t critical_mass;               /* the largest minilateral (>= 3); default 4 */
    double reference_quantile;          /* q of the reference rule, in (0, 1); default 0.5 */
    double threshold_unidirectionality; /* a fixed fall instead of the reference rule; NaN: none */
    double threshold_closedness;        /* likewise for C */
    size_t sensitivity;                 /* redraws for `agreement`; 0: none */
    uint64_t seed;                      /* of the redraws: same seed, same agreement everywhere */
    double spread;                      /* depths times a factor in [1/(1+spread), 1+spread], uncapped */
    double recode;                      /* probability of recoding each kind and scope */
    double quantile_low, quantile_high; /* the range q is drawn from */
    double threshold_sweep;             /* fixed thresholds times a factor in [1/sweep, sweep]; 1: none */
    double ambiguous_below;             /* agreement below which the verdict is ambiguous */
} hs_classify_options;

/* The documented defaults (docs/typology.md). */
hs_classify_options hs_classify_options_default(void);

/* One classified mechanism. Every pointer is owned by the classification.
 * Indices and changes undefined for the mechanism are NaN (printed as null). */
typedef struct hs_mechanism_class {
    const char *id;
    const char *label;                  /* NULL when the file gives none */
    size_t vertex;                      /* model vertex index */
    size_t member_count;
    const char *const *member_ids;      /* active members, in file order */
    const hs_role *member_roles;        /* their roles in the view's year */
    hs_size_class size_class;
    size_t outside_members;             /* members neither hub nor ally */
    int exceeds_one_outside_partner;    /* outside_members > 1 (section 3.2's regularity broken) */
    /* On the system as it stands: the outcome (size, else the cell), the cell
     * whatever the size, the changes (with - without) and the indices. */
    hs_mechanism_type type, cell;
    double system_delta_unidirectionality, system_delta_closedness;
    double system_unidirectionality_without, system_unidirectionality_with;
    double system_closedness_without, system_closedness_with;
    /* The same on the hub's lines around the mechanism. */
    hs_mechanism_type type_lines, cell_lines;
    double delta_unidirectionality, delta_closedness;
    double unidirectionality_without, unidirectionality_with;
    double closedness_without, closedness_with;
    /* Redraws: shares of draws giving `type` and `type_lines` (NaN without
     * redraws); the verdict (`type`, or HS_MECHANISM_AMBIGUOUS); every type
     * that occurred with its share, largest first. */
    double agreement, agreement_lines;
    hs_mechanism_type verdict;
    size_t alternative_count;
    const hs_mechanism_type *alternative_types;
    const double *alternative_shares;
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
/* The reference magnitude of U (unidirectionality != 0) or C in a picture of
 * the undrawn view, NaN when no relation changes it; *relations (may be NULL)
 * the number of relations whose change entered it. */
double hs_classification_reference(const hs_classification *classification, hs_picture picture, int unidirectionality,
                                   size_t *relations);
size_t hs_classification_count(const hs_classification *classification);
const hs_mechanism_class *hs_classification_get(const hs_classification *classification, size_t k);

#ifdef __cplusplus
}
#endif
#endif
