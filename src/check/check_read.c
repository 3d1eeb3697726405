/* Reading with every error collected (check.h): the readers' side is in
 * src/io and src/model, switched on by the model's diagnostics list. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "check/check_internal.h"
#include "core/internal.h"
#include "io/io_internal.h"
#include "model/model_internal.h"

/* ---- files in another format --------------------------------------------------- */

static int ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcasecmp(s + n - m, tail) == 0;
}

/* What text that is neither DOT nor GraphML looks like, by its name and its
 * first line: a JSON document starts with { or [ (DOT never does), GML with
 * "graph [" or its Creator/Version lines, a CSV file with a header of names
 * separated by commas (or tabs) and none of DOT's { [ ; =. */
static const char *foreign_of(const char *data, size_t len, const char *name) {
    if (name && (ends_with(name, ".csv") || ends_with(name, ".tsv"))) return "CSV";
    if (name && ends_with(name, ".json")) return "JSON";
    if (name && ends_with(name, ".gml")) return "GML";
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && isspace((unsigned char)data[i])) i++;
    if (i == len) return NULL;
    if (data[i] == '{' || data[i] == '[') return "JSON";
    size_t end = i;
    while (end < len && data[end] != '\n') end++;
    const char *line = data + i;
    size_t n = end - i;
    if ((n >= 7 && strncmp(line, "Creator", 7) == 0) || (n >= 7 && strncmp(line, "Version", 7) == 0)) return "GML";
    if (n >= 5 && strncmp(line, "graph", 5) == 0) {
        size_t k = 5;
        while (k < n && isspace((unsigned char)line[k])) k++;
        if (k == n || line[k] == '[') return "GML"; /* "graph\n[" or "graph [" */
    }
    int sep = 0;
    for (size_t k = 0; k < n; k++) {
        if (strchr("{[;=", line[k])) return NULL;
        sep |= line[k] == ',' || line[k] == '\t';
    }
    return sep ? "CSV" : NULL;
}

/* The same for a file, from its first 4 KiB: only a regular file is looked
 * into (a FIFO would block the open, a device never end). */
static const char *foreign_file(const char *path) {
    struct stat st;
    if (ends_with(path, ".graphml") || ends_with(path, ".xml")) return NULL;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return NULL;
    FILE *f = fopen(path, "rb");
    char buf[4096];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    return n || ends_with(path, ".csv") || ends_with(path, ".json") || ends_with(path, ".gml")
               ? foreign_of(buf, n, path)
               : NULL;
}

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

/* After a checked read: a fatal input error joins the list (a file in
 * another format said to be one), and a model without errors gets the
 * warning checks. */
static hs_error conclude(hs_error err, const char *display, const char *foreign, hs_diagnostics *d, hs_model **out) {
    if (!err) {
        (*out)->diag = NULL;
        if ((err = hs_check_model(*out, d))) {
            hs_model_destroy(*out);
            *out = NULL;
        }
        return err;
    }
    if (*out) {
        /* Read despite errors: the warnings about names hold all the same,
         * so that one run lists both. */
        hs_error named = hs_check_names(*out, d);
        hs_model_destroy(*out);
        *out = NULL;
        if (named) return named;
    }
    if (!input_failure(err)) return err;
    /* A reader that stopped at a fatal error left its message; one that read
     * on and found errors left none (graphml_read.c). */
    if (hs_error_last()[0] && foreign && !hs_diagnostics_error_count(d)) {
        hs_error added = hs_diagnostics_add(d, HS_SEVERITY_ERROR, "foreign-format", display, 0, NULL,
                                            "looks like %s, not DOT or GraphML (the formats hubspoke reads)", foreign);
        if (added) return added;
    } else if (hs_error_last()[0]) {
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
    hs_error err = hs_read_file_diag(path, format, display, d, out);
    return conclude(err, display, err == HS_EINPUT ? foreign_file(path) : NULL, d, out);
}

hs_error hs_check_read_memory(const char *data, size_t len, hs_format format, const char *display, hs_diagnostics *d,
                              hs_model **out) {
    if (!out || !data || !d) return hs_error_set(HS_EARG, "hs_check_read_memory: a NULL argument");
    *out = NULL;
    if (!display) display = "<input>";
    hs_error_clear();
    hs_error err = hs_read_memory_diag(data, len, format, display, d, out);
    const char *foreign =
        err == HS_EINPUT && hs_format_sniff(data, len) != HS_FORMAT_GRAPHML ? foreign_of(data, len, display) : NULL;
    return conclude(err, display, foreign, d, out);
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
