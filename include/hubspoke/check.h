/** @file
 * Diagnostics: every problem of a file at once, errors and warnings.
 *
 * A file can be wrong in two ways. An *error* is a value the schema refuses
 * (docs/schema.md, "Values that are errors"): the file cannot be measured.
 * A *warning* is a mistake that is valid in form but would change a number
 * without a word: a misspelt attribute kept as an extra (`untill=1980`), a
 * kind written `Kind`, an id that occurs once beside a near one (`HNU` beside
 * `HUN`), a treaty arc drawn from the hub in a digraph, a subgraph that looks
 * like a mechanism but lacks the `cluster_` prefix, ... (docs/schema.md,
 * "Checks", lists every code with its rule).
 *
 * The checked readers collect every error instead of stopping at the first
 * (up to a cap: reading stops at error HS_DIAGNOSTICS_CAP + 1), then run the
 * warning checks on the model read. Each diagnostic has a stable code for
 * scripts, the file, the line (0 when unknown: DOT elements the helper could
 * not place), the element ("edge 'SUN -- HNU'") and a one-line reason.
 */
#ifndef HUBSPOKE_CHECK_H
#define HUBSPOKE_CHECK_H

#include <stddef.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** How bad a problem is. */
typedef enum hs_severity {
    HS_SEVERITY_ERROR = 0,  /**< the file cannot be measured */
    HS_SEVERITY_WARNING = 1 /**< the file can be measured, but a number may not mean what the author meant */
} hs_severity;

/** One problem. Strings belong to the list that holds it. */
typedef struct hs_diagnostic {
    hs_severity severity; /**< error or warning */
    const char *code;     /**< stable code, e.g. "unknown-attribute" (docs/schema.md, "Checks") */
    const char *file;     /**< the file as its reader names it */
    int line;             /**< 1-based line, 0 when unknown */
    const char *element;  /**< "node 'X'", "mechanism 'Q'", "edge 'A -- B'", "graph", or NULL (the file) */
    const char *reason;   /**< one line, without the file, line or element */
} hs_diagnostic;

/** A list of diagnostics (opaque). */
typedef struct hs_diagnostics hs_diagnostics;

/** How many errors and how many warnings a list keeps. The readers stop at
 * the error past this cap ("more than 100 errors"); warnings past it are
 * counted but not kept. */
#define HS_DIAGNOSTICS_CAP 100

/** A new empty list. On success *out owns it: free it with
 * hs_diagnostics_destroy(). */
HS_API hs_error hs_diagnostics_new(hs_diagnostics **out);
/** Free a list (NULL is allowed). */
HS_API void hs_diagnostics_destroy(hs_diagnostics *diagnostics);
/** Forget every diagnostic. */
HS_API void hs_diagnostics_clear(hs_diagnostics *diagnostics);

/** The number of diagnostics kept (at most 2 x HS_DIAGNOSTICS_CAP). */
HS_API size_t hs_diagnostics_count(const hs_diagnostics *diagnostics);
/** Diagnostic i (i < hs_diagnostics_count()). */
HS_API const hs_diagnostic *hs_diagnostics_get(const hs_diagnostics *diagnostics, size_t i);
/** The number of errors found, kept or not. */
HS_API size_t hs_diagnostics_error_count(const hs_diagnostics *diagnostics);
/** The number of warnings found, kept or not. */
HS_API size_t hs_diagnostics_warning_count(const hs_diagnostics *diagnostics);

/** Record a problem. The strings are copied; `code` must be a static string.
 * `line` 0 and `element` NULL when unknown. Returns ::HS_OK, ::HS_ENOMEM, or
 * for an error past the cap ::HS_EINPUT with the last-error message
 * "FILE: more than 100 errors; stopped (the first 100 are listed)". */
HS_API hs_error hs_diagnostics_add(hs_diagnostics *diagnostics, hs_severity severity, const char *code,
                                   const char *file, int line, const char *element, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/** Make every warning an error (the CLI's --strict). */
HS_API void hs_diagnostics_promote_warnings(hs_diagnostics *diagnostics);

/** Order the list for reading: errors before warnings, each by line (lines
 * unknown last), in the order found otherwise. */
HS_API void hs_diagnostics_sort(hs_diagnostics *diagnostics);

/** Write "FILE:LINE: element: reason" (":LINE" and "element: " only when
 * known) into buf, like snprintf: returns the length the whole text needs. */
HS_API size_t hs_diagnostic_format(const hs_diagnostic *diagnostic, char *buf, size_t size);

/** Read a model as hs_model_read_file() does, collecting every error into
 * `diagnostics` instead of stopping at the first, then, when there is none,
 * run the warning checks (hs_check_model()). Returns ::HS_OK when the file
 * has no error (warnings allowed) and *out owns the model (free it with
 * hs_model_destroy()); ::HS_EINPUT when it has errors (listed in
 * `diagnostics`; the last-error message is the first of them); another code
 * (::HS_EIO, ::HS_EHELPER, ::HS_ENOMEM) when the file could not be read at
 * all, with the last-error message. *out is NULL on failure. */
HS_API hs_error hs_check_read_file(const char *path, hs_format format, const char *display, hs_diagnostics *diagnostics,
                                   hs_model **out);
/** hs_check_read_file() on text in memory. */
HS_API hs_error hs_check_read_memory(const char *data, size_t len, hs_format format, const char *display,
                                     hs_diagnostics *diagnostics, hs_model **out);

/** The warning checks on a complete, error-free model (docs/schema.md,
 * "Checks"): the warnings are added to `diagnostics`. Returns ::HS_OK or
 * ::HS_ENOMEM. */
HS_API hs_error hs_check_model(const hs_model *model, hs_diagnostics *diagnostics);

/** For programs that build a model (model.h, "Building a model"): from now
 * on the setters record each error in `diagnostics` and return ::HS_OK, so
 * that every error of the input is found (the value refused is left as it
 * was); NULL stops collecting. The list must outlive the model's building;
 * hs_check_built_model() ends the collection. */
HS_API void hs_check_collect(hs_model *model, hs_diagnostics *diagnostics);

/** hs_model_check() collecting every error into `diagnostics` (besides those
 * the setters collected), then, when there is none, the warning checks.
 * Returns ::HS_OK when the model has no error, else as hs_check_read_file()
 * (the model is then still the caller's to destroy). */
HS_API hs_error hs_check_built_model(hs_model *model, hs_diagnostics *diagnostics);

/** Is the hub that `hub` names (NULL: the graph attribute `hub`) active in
 * `year`? 1 when it is, or when neither names a state; 0 when the hub is a
 * state of the file that is not active in `year` (a view of that year then
 * has no system to measure: compare gives an empty row, render an empty
 * panel). When it is not and `reason` is not NULL, the reason is written
 * there as snprintf() would: "the hub 'SUN' is active 1922-1991, not in
 * 1995". */
HS_API int hs_check_hub_active(const hs_model *model, const char *hub, int year, char *reason, size_t size);

#ifdef __cplusplus
}
#endif
#endif
