/* The list of diagnostics (check.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "core/internal.h"

typedef struct entry {
    hs_diagnostic d;
    size_t order; /* the order found, for a stable sort */
} entry;

struct hs_diagnostics {
    entry *items;
    size_t count, cap;
    size_t errors, warnings; /* found, kept or not */
    size_t kept_errors, kept_warnings;
};

hs_error hs_diagnostics_new(hs_diagnostics **out) {
    if (!out) return hs_error_set(HS_EARG, "hs_diagnostics_new: out is NULL");
    *out = hs_calloc(1, sizeof **out);
    return *out ? HS_OK : HS_ENOMEM;
}

static void entry_free(entry *e) {
    free((char *)e->d.file);
    free((char *)e->d.element);
    free((char *)e->d.reason);
}

void hs_diagnostics_clear(hs_diagnostics *d) {
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) entry_free(&d->items[i]);
    d->count = d->errors = d->warnings = d->kept_errors = d->kept_warnings = 0;
}

void hs_diagnostics_destroy(hs_diagnostics *d) {
    if (!d) return;
    hs_diagnostics_clear(d);
    free(d->items);
    free(d);
}

size_t hs_diagnostics_count(const hs_diagnostics *d) { return d ? d->count : 0; }
const hs_diagnostic *hs_diagnostics_get(const hs_diagnostics *d, size_t i) {
    return d && i < d->count ? &d->items[i].d : NULL;
}
size_t hs_diagnostics_error_count(const hs_diagnostics *d) { return d ? d->errors : 0; }
size_t hs_diagnostics_warning_count(const hs_diagnostics *d) { return d ? d->warnings : 0; }

/* A copy that is one line: a value quoted in a reason may hold a line end. */
static char *one_line(const char *s) {
    char *copy = hs_strdup(s);
    if (copy) {
        for (char *p = copy; *p; p++) {
            if (*p == '\n' || *p == '\r') *p = ' ';
        }
    }
    return copy;
}

#if defined(__GNUC__)
__attribute__((format(printf, 7, 0)))
#endif
static hs_error
add_v(hs_diagnostics *d, hs_severity severity, const char *code, const char *file, int line, const char *element,
      const char *fmt, va_list ap) {
    int error = severity == HS_SEVERITY_ERROR;
    size_t *found = error ? &d->errors : &d->warnings, *kept = error ? &d->kept_errors : &d->kept_warnings;
    (*found)++;
    if (*kept >= HS_DIAGNOSTICS_CAP) {
        if (!error) return HS_OK;
        return hs_error_set(HS_EINPUT, "%s: more than %d errors; stopped (the first %d are listed)", file ? file : "",
                            HS_DIAGNOSTICS_CAP, HS_DIAGNOSTICS_CAP);
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        entry *items = hs_realloc(d->items, cap * sizeof *items);
        if (!items) return HS_ENOMEM;
        d->items = items;
        d->cap = cap;
    }
    char reason[1024];
    vsnprintf(reason, sizeof reason, fmt, ap);
    entry *e = &d->items[d->count];
    memset(e, 0, sizeof *e);
    e->d.severity = severity;
    e->d.code = code;
    e->d.line = line > 0 ? line : 0;
    e->order = d->count;
    e->d.file = hs_strdup(file ? file : "");
    e->d.element = element ? one_line(element) : NULL;
    e->d.reason = one_line(reason);
    if (!e->d.file || (element && !e->d.element) || !e->d.reason) {
        entry_free(e);
        return HS_ENOMEM;
    }
    d->count++;
    (*kept)++;
    return HS_OK;
}

hs_error hs_diagnostics_add(hs_diagnostics *d, hs_severity severity, const char *code, const char *file, int line,
                            const char *element, const char *fmt, ...) {
    if (!d || !code || !fmt) return hs_error_set(HS_EARG, "hs_diagnostics_add: a NULL argument");
    va_list ap;
    va_start(ap, fmt);
    hs_error err = add_v(d, severity, code, file, line, element, fmt, ap);
    va_end(ap);
    return err;
}

void hs_diagnostics_promote_warnings(hs_diagnostics *d) {
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) d->items[i].d.severity = HS_SEVERITY_ERROR;
    d->errors += d->warnings;
    d->kept_errors += d->kept_warnings;
    d->warnings = d->kept_warnings = 0;
}

static int by_place(const void *x, const void *y) {
    const entry *a = x, *b = y;
    if (a->d.severity != b->d.severity) return a->d.severity < b->d.severity ? -1 : 1;
    unsigned la = a->d.line ? (unsigned)a->d.line : ~0u, lb = b->d.line ? (unsigned)b->d.line : ~0u;
    if (la != lb) return la < lb ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

void hs_diagnostics_sort(hs_diagnostics *d) {
    if (d && d->count > 1) qsort(d->items, d->count, sizeof *d->items, by_place);
}

size_t hs_diagnostic_format(const hs_diagnostic *g, char *buf, size_t size) {
    char line[24] = "";
    if (g->line > 0) snprintf(line, sizeof line, ":%d", g->line);
    int n = snprintf(buf, size, "%s%s: %s%s%s", g->file, line, g->element ? g->element : "", g->element ? ": " : "",
                     g->reason);
    return n < 0 ? 0 : (size_t)n;
}

/* ---- the bridge from the last-error object ------------------------------------- */

hs_error hs_diag_add_last_error(hs_diagnostics *d, const char *file, const char *code) {
    /* Past the cap (the reader stopped there) nothing more is counted. */
    if (d->errors > HS_DIAGNOSTICS_CAP) return HS_OK;
    const char *msg = hs_error_last();
    size_t n = file ? strlen(file) : 0;
    int line = 0;
    /* "FILE:LINE: reason" or "FILE: reason", as every reader writes them. */
    if (n && strncmp(msg, file, n) == 0 && msg[n] == ':') {
        const char *p = msg + n + 1;
        if (*p >= '0' && *p <= '9') {
            char *end;
            long l = strtol(p, &end, 10);
            if (*end == ':' && l > 0 && l < 1L << 30) {
                line = (int)l;
                p = end + 1;
            }
        }
        while (*p == ' ') p++;
        msg = p;
    }
    /* Copied first: recording the diagnostic may itself set the last error. */
    char *reason = hs_strdup(msg[0] ? msg : "cannot be read");
    if (!reason) return HS_ENOMEM;
    hs_error err = hs_diagnostics_add(d, HS_SEVERITY_ERROR, code, file, line, NULL, "%s", reason);
    free(reason);
    /* Past the cap the fatal error is not kept, but it still ends the reading. */
    return err == HS_EINPUT ? HS_OK : err;
}
