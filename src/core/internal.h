/* Internal helpers shared by the library's modules (not installed). */
#ifndef HS_CORE_INTERNAL_H
#define HS_CORE_INTERNAL_H

#include <igraph.h>
#include <stddef.h>

#include "hubspoke/error.h"

/* Convert an igraph error into an hs_error with a message naming `what`. */
hs_error hs_from_igraph(igraph_error_t err, const char *what);

/* Propagate an igraph error as an hs_error from a function returning hs_error. */
#define HS_IGRAPH(call, what)                                  \
    do {                                                       \
        igraph_error_t hs_ig_err_ = (call);                    \
        if (hs_ig_err_ != IGRAPH_SUCCESS) return hs_from_igraph(hs_ig_err_, (what)); \
    } while (0)

/* Allocation helpers that record HS_ENOMEM in the last error on failure. */
void *hs_malloc(size_t size);
void *hs_calloc(size_t count, size_t size);
void *hs_realloc(void *ptr, size_t size);
char *hs_strdup(const char *s);
char *hs_strndup(const char *s, size_t n);

/* A growable byte buffer. */
typedef struct hs_buf {
    char *data;
    size_t len, cap;
} hs_buf;
hs_error hs_buf_reserve(hs_buf *b, size_t extra);
hs_error hs_buf_append(hs_buf *b, const char *s, size_t n);
hs_error hs_buf_puts(hs_buf *b, const char *s);
hs_error hs_buf_printf(hs_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void hs_buf_free(hs_buf *b);

/* Shortest "%.*g" text that reads back as exactly x. */
void hs_format_double(char *buf, size_t size, double x);

/* Optimal string alignment distance (Levenshtein with adjacent
 * transpositions) between a and b, compared byte by byte, or with ASCII
 * letters folded to lower case when `fold`; stops counting past `max` and
 * returns max + 1 then. Linear for strings over 256 bytes (up to one edit). */
size_t hs_osa_distance(const char *a, const char *b, int fold, size_t max);

/* A span [since, until) as a reader says it: "1950-1959", "1950 on",
 * "until 1959", "1950", "every year". Returns buf. */
const char *hs_span_text(int since, int until, char *buf, size_t size);

#endif
