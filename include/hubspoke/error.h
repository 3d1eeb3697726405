/** @file
 * Error codes and the last-error object.
 *
 * Every fallible hubspoke function returns an ::hs_error code (::HS_OK on
 * success). On failure a one-line message describing the cause, such as
 * "graphs/asia.gv: edge JPN -> KOR: unknown kind 'alliance'", is kept in a
 * per-process last-error object and read with hs_error_last(). Messages
 * name files, lines and elements, never a command-line option: the programs
 * built on the library (the hubspoke CLI, the Python and R packages) add
 * their own hints, keyed on the code.
 */
#ifndef HUBSPOKE_ERROR_H
#define HUBSPOKE_ERROR_H

#include "hubspoke/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What went wrong. The values are stable: bindings may map them to
 * exception classes. */
typedef enum hs_error {
    HS_OK = 0,    /**< success */
    HS_EINPUT,    /**< the input (a file, a codebook, a value read from it) is invalid */
    HS_EIO,       /**< reading or writing a file or pipe failed */
    HS_ENOMEM,    /**< out of memory */
    HS_EARG,      /**< the caller passed an invalid argument or option value */
    HS_EHELPER,   /**< the hubspoke-dot helper could not be run or crashed */
    HS_EINTERNAL, /**< a bug or an unexpected failure inside a dependency */
    HS_ELIMIT,    /**< a file holds more states or ties than the load limits allow (hs_set_load_limits()) */
    HS_ETIMEOUT   /**< the hubspoke-dot helper ran longer than its time limit (hs_dot_helper_set_timeout()) */
} hs_error;

/** The name of a code, "HS_OK", "HS_EINPUT", ...; "HS_E?" for a value that
 * is none of them. The string is static. */
HS_API const char *hs_error_name(hs_error code);

/** The message of the last failure; "" when none. The string is owned by the
 * library and stays valid until the next failing call. Not thread-safe:
 * igraph 0.10 is not either, so hubspoke is single-threaded by design. */
HS_API const char *hs_error_last(void);

/** Forget the last error. */
HS_API void hs_error_clear(void);

/** Record a failure and return its code (for use as `return hs_error_set(...)`).
 * Exposed for programs and extensions built on hubspoke that report their own
 * failures through the same last-error object. */
HS_API hs_error hs_error_set(hs_error code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Prepare the library: installs igraph error and warning handlers that record
 * into the last-error object instead of aborting the process, and fixes the
 * numeric locale that igraph's readers depend on. Call once before any other
 * hubspoke function; calling it again is harmless. */
HS_API hs_error hs_init(void);

/** The version string of the library, e.g. "0.1.0". The string is static. */
HS_API const char *hs_version(void);

#ifdef __cplusplus
}
#endif
#endif
