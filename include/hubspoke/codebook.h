/* hubspoke: the codebook, the default depth (weight in (0, 1]) of each kind
 * of tie and the factor a mechanism's scope applies. Values and reasoning:
 * docs/codebook.md. A file's own `weight` attribute overrides the codebook. */
#ifndef HUBSPOKE_CODEBOOK_H
#define HUBSPOKE_CODEBOOK_H

#include "hubspoke/error.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hs_codebook hs_codebook;

/* The built-in codebook. *out is owned by the caller. */
hs_error hs_codebook_new(hs_codebook **out);
/* The built-in codebook with the values of a JSON codebook file applied on
 * top (format in docs/codebook.md). */
hs_error hs_codebook_read_file(hs_codebook **out, const char *path);
void hs_codebook_destroy(hs_codebook *codebook);
/* A copy of codebook; *out is owned by the caller. */
hs_error hs_codebook_copy(hs_codebook **out, const hs_codebook *codebook);

/* Change one value, as a codebook file would (sensitivity redraws, scripted
 * codebooks). kind HS_KIND_UNSET sets the depth of untyped ties; HS_KIND_MEMBER
 * and values outside (0, 1] are HS_EARG. */
hs_error hs_codebook_set_tie_weight(hs_codebook *codebook, hs_kind kind, double weight);
hs_error hs_codebook_set_scope_factor(hs_codebook *codebook, hs_scope scope, double factor);

/* Depth of a bilateral tie of this kind (HS_KIND_UNSET: an untyped tie). */
double hs_codebook_tie_weight(const hs_codebook *codebook, hs_kind kind);
/* Factor for a mechanism's scope (HS_SCOPE_UNSET counts as issue-specific). */
double hs_codebook_scope_factor(const hs_codebook *codebook, hs_scope scope);
/* Default depth of co-membership in a mechanism: tie weight of its kind
 * times its scope factor. */
double hs_codebook_mechanism_weight(const hs_codebook *codebook, hs_kind kind, hs_scope scope);

#ifdef __cplusplus
}
#endif
#endif
