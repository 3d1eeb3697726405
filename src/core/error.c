/* The last-error object and the bridge from igraph's error handlers. */
#include "hubspoke/error.h"

#include <igraph.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/internal.h"

static char last_message[1024];
static char igraph_message[512];

const char *hs_error_name(hs_error code) {
    static const char *const names[] = {"HS_OK",    "HS_EINPUT",    "HS_EIO",    "HS_ENOMEM",  "HS_EARG",
                                        "HS_EHELPER", "HS_EINTERNAL", "HS_ELIMIT", "HS_ETIMEOUT"};
    return (unsigned)code < sizeof names / sizeof *names ? names[code] : "HS_E?";
}

const char *hs_error_last(void) { return last_message; }

void hs_error_clear(void) { last_message[0] = '\0'; }

hs_error hs_error_set(hs_error code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    /* A message is one line: a newline from a dependency would break the
     * "hubspoke: FILE:LINE: reason" contract. */
    for (char *p = last_message; *p; p++) {
        if (*p == '\n' || *p == '\r') *p = ' ';
    }
    return code;
}

/* igraph calls this instead of aborting; IGRAPH_FINALLY_FREE releases what
 * igraph had registered for cleanup, as the igraph manual requires. */
static void record_igraph_error(const char *reason, const char *file, int line,
                                igraph_error_t igraph_errno) {
    (void)file;
    (void)line;
    IGRAPH_FINALLY_FREE();
    /* IGRAPH_CHECK re-raises an error on its way up with an empty reason:
     * keep the first, informative one. */
    if (reason && reason[0])
        snprintf(igraph_message, sizeof igraph_message, "%s (%s)", reason, igraph_strerror(igraph_errno));
}

/* Warnings are not errors; they are dropped rather than printed so that
 * output stays clean. Conditions that matter are checked by hubspoke itself. */
static void drop_igraph_warning(const char *reason, const char *file, int line) {
    (void)reason;
    (void)file;
    (void)line;
}

hs_error hs_from_igraph(igraph_error_t err, const char *what) {
    if (err == IGRAPH_SUCCESS) return HS_OK;
    hs_error code = err == IGRAPH_ENOMEM
                        ? hs_error_set(HS_ENOMEM, "%s: out of memory", what)
                        : hs_error_set(HS_EINTERNAL, "%s: igraph: %s", what,
                                       igraph_message[0] ? igraph_message : igraph_strerror(err));
    igraph_message[0] = '\0'; /* consumed: a later error must not report it */
    return code;
}

hs_error hs_init(void) {
    igraph_set_error_handler(record_igraph_error);
    igraph_set_warning_handler(drop_igraph_warning);
    /* Numbers are read and written in the C locale whatever the user's. */
    setlocale(LC_NUMERIC, "C");
    return HS_OK;
}

const char *hs_version(void) { return HS_VERSION; }
