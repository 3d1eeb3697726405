/* Allocation and byte buffers that report failures through the last error. */
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

void *hs_malloc(size_t size) {
    void *p = malloc(size ? size : 1);
    if (!p) hs_error_set(HS_ENOMEM, "out of memory");
    return p;
}

void *hs_calloc(size_t count, size_t size) {
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) hs_error_set(HS_ENOMEM, "out of memory");
    return p;
}

void *hs_realloc(void *ptr, size_t size) {
    void *p = realloc(ptr, size ? size : 1);
    if (!p) hs_error_set(HS_ENOMEM, "out of memory");
    return p;
}

char *hs_strndup(const char *s, size_t n) {
    char *p = hs_malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *hs_strdup(const char *s) { return hs_strndup(s, strlen(s)); }

hs_error hs_buf_reserve(hs_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return HS_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = hs_realloc(b->data, cap);
    if (!p) return HS_ENOMEM;
    b->data = p;
    b->cap = cap;
    p[b->len] = '\0'; /* an empty buffer is an empty string */
    return HS_OK;
}

hs_error hs_buf_append(hs_buf *b, const char *s, size_t n) {
    if (hs_buf_reserve(b, n) != HS_OK) return HS_ENOMEM;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return HS_OK;
}

hs_error hs_buf_puts(hs_buf *b, const char *s) { return hs_buf_append(b, s, strlen(s)); }

hs_error hs_buf_printf(hs_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return hs_error_set(HS_EINTERNAL, "formatting failed");
    if (hs_buf_reserve(b, (size_t)n) != HS_OK) return HS_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return HS_OK;
}

void hs_format_double(char *buf, size_t size, double x) {
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, size, "%.*g", precision, x);
        if (strtod(buf, NULL) == x) return;
    }
}

void hs_buf_free(hs_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *hs_span_text(int since, int until, char *buf, size_t size) {
    if (since == INT_MIN && until == INT_MAX) snprintf(buf, size, "every year");
    else if (since == INT_MIN) snprintf(buf, size, "until %d", until - 1);
    else if (until == INT_MAX) snprintf(buf, size, "%d on", since);
    else if (until - 1 == since) snprintf(buf, size, "%d", since);
    else snprintf(buf, size, "%d-%d", since, until - 1);
    return buf;
}
