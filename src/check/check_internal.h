/* The diagnostics' side the readers and the model use (not installed). */
#ifndef HS_CHECK_INTERNAL_H
#define HS_CHECK_INTERNAL_H

#include "hubspoke/check.h"

/* Record the last-error message (a reader's "FILE[:LINE]: reason") as an
 * error of `code`, its line taken from the message. Returns HS_OK or
 * HS_ENOMEM. */
hs_error hs_diag_add_last_error(hs_diagnostics *diagnostics, const char *file, const char *code);

/* HS_EINPUT with the last-error message that callers reading only
 * hs_error_last() see for a list of errors: the first, and how many more. */
hs_error hs_diag_summarise(const hs_diagnostics *diagnostics);

/* The warning checks that judge names and statements only (attributes,
 * subgraphs, values set twice), which hold on a model read with errors. */
hs_error hs_check_names(const hs_model *model, hs_diagnostics *diagnostics);

#endif
