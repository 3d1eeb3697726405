/** @file
 * The codebook: the default depth (weight in (0, 1]) of each kind of tie and
 * the factor a mechanism's scope applies. Values and reasoning:
 * docs/codebook.md. A file's own `weight` attribute overrides the codebook.
 */
#ifndef HUBSPOKE_CODEBOOK_H
#define HUBSPOKE_CODEBOOK_H

#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A codebook (opaque). Created by hs_codebook_new(), hs_codebook_read_file(),
 * hs_codebook_read_memory() or hs_codebook_copy(); freed by
 * hs_codebook_destroy(). */
typedef struct hs_codebook hs_codebook;

/** The built-in codebook. On success *out is the caller's: free it with
 * hs_codebook_destroy(). */
HS_API hs_error hs_codebook_new(hs_codebook **out);
/** The built-in codebook with the values of a JSON codebook file applied on
 * top (format in docs/codebook.md). Errors: ::HS_EIO, ::HS_EINPUT naming the
 * file and the value. On success *out is the caller's. */
HS_API hs_error hs_codebook_read_file(const char *path, hs_codebook **out);
/** The same from `len` bytes of JSON in memory; `display` names it in error
 * messages (NULL: "<codebook>"). On success *out is the caller's. */
HS_API hs_error hs_codebook_read_memory(const char *data, size_t len, const char *display, hs_codebook **out);
/** Free a codebook (NULL is allowed). */
HS_API void hs_codebook_destroy(hs_codebook *codebook);
/** A copy of `codebook`. On success *out is the caller's. */
HS_API hs_error hs_codebook_copy(const hs_codebook *codebook, hs_codebook **out);

/** Change the depth of a kind of tie, as a codebook file would (sensitivity
 * redraws, scripted codebooks). ::HS_KIND_UNSET sets the depth of untyped
 * ties; ::HS_KIND_MEMBER and values outside (0, 1] are ::HS_EARG. */
HS_API hs_error hs_codebook_set_tie_weight(hs_codebook *codebook, hs_kind kind, double weight);
/** Change the factor of a scope; values outside (0, 1] are ::HS_EARG. */
HS_API hs_error hs_codebook_set_scope_factor(hs_codebook *codebook, hs_scope scope, double factor);

/** Depth of a bilateral tie of this kind (::HS_KIND_UNSET: an untyped tie). */
HS_API double hs_codebook_tie_weight(const hs_codebook *codebook, hs_kind kind);
/** Factor for a mechanism's scope (::HS_SCOPE_UNSET counts as issue-specific). */
HS_API double hs_codebook_scope_factor(const hs_codebook *codebook, hs_scope scope);
/** Default depth of co-membership in a mechanism: tie weight of its kind
 * times its scope factor. */
HS_API double hs_codebook_mechanism_weight(const hs_codebook *codebook, hs_kind kind, hs_scope scope);

#ifdef __cplusplus
}
#endif
#endif
