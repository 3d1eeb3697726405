/* hubspoke: error codes and the last-error object.
 *
 * Every fallible hubspoke function returns an hs_error code (HS_OK on
 * success). On failure a one-line message describing the cause, such as
 * "graphs/asia.gv: edge JPN -> KOR: unknown kind 'alliance'", is kept in a
 * per-process last-error object and read with hs_error_last().
 */
#ifndef HUBSPOKE_ERROR_H
#define HUBSPOKE_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hs_error {
    HS_OK = 0,
    HS_EINPUT,    /* the input (a file, a codebook, a value read from it) is invalid */
    HS_EIO,       /* reading or writing a file or pipe failed */
    HS_ENOMEM,    /* out of memory */
    HS_EARG,      /* the caller passed an invalid argument or option value */
    HS_EHELPER,   /* the hubspoke-dot helper could not be run or crashed */
    HS_EINTERNAL  /* a bug or an unexpected failure inside a dependency */
} hs_error;

/* The message of the last failure; "" when none. The string is owned by the
 * library and stays valid until the next failing call. Not thread-safe:
 * igraph 0.10 is not either, so hubspoke is single-threaded by design. */
const char *hs_error_last(void);

/* Forget the last error. */
void hs_error_clear(void);

/* Record a failure and return its code (for use as `return hs_error_set(...)`).
 * Exposed for the CLI and for extensions that call hubspoke's conventions. */
hs_error hs_error_set(hs_error code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Prepare the library: installs igraph error and warning handlers that record
 * into the last-error object instead of aborting the process, and fixes the
 * numeric locale that igraph's readers depend on. Call once before any other
 * hubspoke function; calling it again is harmless. */
hs_error hs_init(void);

/* The version string of the library, e.g. "0.1.0". */
const char *hs_version(void);

#ifdef __cplusplus
}
#endif
#endif
