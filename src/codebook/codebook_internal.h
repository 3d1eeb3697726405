/* The codebook's values as classify's redraws set them (not installed). */
#ifndef HS_CODEBOOK_INTERNAL_H
#define HS_CODEBOOK_INTERNAL_H

#include "hubspoke/codebook.h"

/* Set a depth or a scope factor without the (0, 1] check of the public
 * setters: a redrawn value may exceed 1, so that a redraw is as likely to
 * deepen a tie as to make it shallower (docs/typology.md, "Uncertainty").
 * The value must be positive; kinds and scopes the codebook has no value for
 * are ignored. */
void hs_codebook_redraw_tie_weight(hs_codebook *codebook, hs_kind kind, double weight);
void hs_codebook_redraw_scope_factor(hs_codebook *codebook, hs_scope scope, double factor);

#endif
