/** @file
 * hubspoke: alliance systems measured as networks. The umbrella header:
 * `#include <hubspoke/hubspoke.h>` gives the whole public API.
 *
 * Start with hs_init(), read a file with hs_model_read_file() (model.h), look
 * at one year with hs_view_new() (view.h), and measure it with the functions
 * of metrics.h. The message of the last failure is hs_error_last() (error.h).
 *
 * @section conventions Conventions of the API
 *
 * These rules hold for every public header; a new function follows them.
 *
 * - **Names.** Every public identifier starts with `hs_` (functions, types)
 *   or `HS_` (macros, enum values); a function is named
 *   `hs_<topic>_<verb>` after the object or header it belongs to
 *   (hs_view_new(), hs_model_read_file(), hs_indices_compute()). Type names
 *   carry no `_t` suffix (POSIX reserves it): ::hs_view, ::hs_krackhardt.
 * - **Errors.** Every fallible function returns an ::hs_error; ::HS_OK is 0.
 *   On failure the last-error object holds a one-line message naming the
 *   file, line or element (hs_error_last()); messages never name a
 *   command-line option: the programs built on the library add their own
 *   hints, keyed on the code (e.g. ::HS_ELIMIT, ::HS_ETIMEOUT).
 * - **Parameters.** Inputs first, outputs last: the object a function works
 *   on, then its inputs, then its options, then what it produces
 *   (`hs_view_new(model, &options, &view)`,
 *   `hs_indices_compute(view, &indices)`). On failure the outputs are not
 *   to be used, except that an `**out` is left untouched or NULL.
 * - **Objects** are opaque handles. `hs_T_new(..., &out)` constructs one;
 *   readers `hs_T_read_file()` / `hs_T_read_memory()`, hs_T_copy() and the
 *   dataset importer hs_import_file() make one too. Each is freed by its
 *   `hs_T_destroy()`, which accepts NULL. Caller-allocated structs that hold
 *   igraph vectors have an `hs_T_init(&x)` / `hs_T_destroy(&x)` pair, as in
 *   igraph (::hs_closedness, ::hs_cutsets).
 * - **Options** are plain structs filled with their documented defaults by
 *   `hs_T_options_init(&o)` and then changed field by field. Passing NULL for
 *   an options pointer means the defaults. The library keeps no pointer into
 *   an options struct after the call returns.
 * - **Ownership.** What a function returns through `**out` is the caller's,
 *   freed with the matching `hs_T_destroy()` (bytes with free()). Every
 *   `const` pointer a function returns belongs to the object it was read
 *   from and stays valid until that object is destroyed (strings of a model
 *   until hs_model_destroy()); names of enum values and hs_version() are
 *   static. Each function's documentation says which applies.
 * - **igraph outputs** (measures.h, metrics.h) are vectors, matrices and lists
 *   the caller initialised and destroys; the function resizes them.
 * - **Undefined values** are NaN (numbers) or NULL (strings); hubspoke's
 *   writers print them as null (JSON), an empty cell (CSV) or n/a (text).
 * - **Threads.** hubspoke is single-threaded, as igraph 0.10 is: settings
 *   such as hs_set_load_limits() and the last error are process-wide.
 * - **Export.** Public functions are declared with ::HS_API; the rest of
 *   libhubspoke is compiled with hidden visibility and is not part of the API.
 */
#ifndef HUBSPOKE_H
#define HUBSPOKE_H

#include "hubspoke/export.h"
#include "hubspoke/error.h"
#include "hubspoke/model.h"
#include "hubspoke/codebook.h"
#include "hubspoke/view.h"
#include "hubspoke/measures.h"
#include "hubspoke/table.h"
#include "hubspoke/metrics.h"
#include "hubspoke/classify.h"
#include "hubspoke/render.h"
#include "hubspoke/report.h"
#include "hubspoke/import.h"
#include "hubspoke/check.h"
#include "hubspoke/edgelist.h"
#include "hubspoke/inference.h"

#endif
