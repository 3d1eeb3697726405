/* Reading with every error collected (check.h): the readers' side is in
 * src/io and src/model, switched on by the model's diagnostics list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "core/internal.h"
#include "io/io_internal.h"
#include "model/model_internal.h"

/* A failure that is the input's fault, reported as a diagnostic. */
static int input_failure(hs_error err) { return err == HS_EINPUT || err == HS_ELIMIT; }

hs_error hs_diag_summarise(const hs_diagnostics *d) {
    size_t errors = hs_diagnostics_error_count(d);
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        if (g->severity != HS_SEVERITY_ERROR) continue;
        char text[1024];
        hs_diagnostic_format(g, text, sizeof text);
        if (errors > 1) return hs_error_set(HS_EINPUT, "%s (and %zu more errors)", text, errors - 1);
        return hs_error_set(HS_EINPUT, "%s", text);
    }
    return hs_error_set(HS_EINPUT, "the file has errors");
}

/* After a checked read: a fatal input error joins the list, and a model
 * without errors gets the warning checks. */
static hs_error conclude(hs_error err, const char *display, hs_diagnostics *d, hs_model **out) {
    if (!err) {
        (*out)->diag = NULL;
        if ((err = hs_check_model(*out, d))) {
            hs_model_destroy(*out);
            *out = NULL;
        }
        return err;
    }
    *out = NULL;
    if (!input_failure(err)) return err;
    /* A reader that stopped at a fatal error left its message; one that read
     * on and found errors left none (graphml_read.c). */
    if (hs_error_last()[0]) {
        hs_error added = hs_diag_add_last_error(d, display, err == HS_ELIMIT ? "limit" : "unreadable");
        if (added) return added;
    }
    return hs_diag_summarise(d);
}

hs_error hs_check_read_file(const char *path, hs_format format, const char *display, hs_diagnostics *d,
                            hs_model **out) {
    if (!out || !path || !d) return hs_error_set(HS_EARG, "hs_check_read_file: a NULL argument");
    *out = NULL;
    if (!display) display = strcmp(path, "-") == 0 ? "<stdin>" : path;
    hs_error_clear();
    return conclude(hs_read_file_diag(path, format, display, d, out), display, d, out);
}

hs_error hs_check_read_memory(const char *data, size_t len, hs_format format, const char *display, hs_diagnostics *d,
                              hs_model **out) {
    if (!out || !data || !d) return hs_error_set(HS_EARG, "hs_check_read_memory: a NULL argument");
    *out = NULL;
    if (!display) display = "<input>";
    hs_error_clear();
    return conclude(hs_read_memory_diag(data, len, format, display, d, out), display, d, out);
}

void hs_check_collect(hs_model *m, hs_diagnostics *d) {
    if (m) m->diag = d;
}

hs_error hs_check_built_model(hs_model *m, hs_diagnostics *d) {
    if (!m || !d) return hs_error_set(HS_EARG, "hs_check_built_model: a NULL argument");
    m->diag = d;
    hs_error_clear();
    hs_error err = hs_model_finish(m);
    m->diag = NULL;
    if (err) {
        if (input_failure(err) && hs_error_last()[0]) {
            hs_error added = hs_diag_add_last_error(d, m->file, "unreadable");
            if (added) return added;
        }
        return input_failure(err) ? hs_diag_summarise(d) : err;
    }
    if (hs_diagnostics_error_count(d)) return hs_diag_summarise(d);
    return hs_check_model(m, d);
}
