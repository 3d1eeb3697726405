/* Reading and writing models: format detection and dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "io/io_internal.h"

hs_format hs_format_from_path(const char *path) {
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) return HS_FORMAT_UNKNOWN;
    if (strcasecmp(dot, ".gv") == 0 || strcasecmp(dot, ".dot") == 0) return HS_FORMAT_DOT;
    if (strcasecmp(dot, ".graphml") == 0 || strcasecmp(dot, ".xml") == 0) return HS_FORMAT_GRAPHML;
    return HS_FORMAT_UNKNOWN;
}

hs_format hs_format_sniff(const char *data, size_t len) {
    size_t i = 0;
    /* A UTF-8 byte-order mark may precede an XML declaration. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && strchr(" \t\r\n", data[i]) && data[i]) i++;
    return i < len && data[i] == '<' ? HS_FORMAT_GRAPHML : HS_FORMAT_DOT;
}

const char *hs_format_name(hs_format format) {
    return format == HS_FORMAT_DOT ? "dot" : format == HS_FORMAT_GRAPHML ? "graphml" : "unknown";
}

/* The helper's GraphML, read as the model of the DOT file `display`. */
static hs_error from_helper(hs_model **out, hs_error err, char *graphml, size_t glen, const char *display,
                            hs_diagnostics *diag) {
    if (!err) err = hs_graphml_parse(out, graphml, glen, display, 0, diag);
    free(graphml);
    if (diag ? *out != NULL : !err) (*out)->format = HS_FORMAT_DOT; /* diag: *out is NULL unless read */
    return err;
}

hs_error hs_read_memory_diag(const char *data, size_t len, hs_format format, const char *display,
                             hs_diagnostics *diag, hs_model **out) {
    if (!display) display = "<input>";
    hs_error err = hs_input_check_text(data, len, display);
    if (err) return err;
    if (format == HS_FORMAT_UNKNOWN) format = hs_format_sniff(data, len);
    if (format == HS_FORMAT_GRAPHML) {
        if (!(err = hs_graphml_parse(out, data, len, display, 1, diag))) (*out)->format = format;
        return err;
    }
    char *graphml = NULL;
    size_t glen = 0;
    err = hs_dot_helper_to_graphml(data, len, display, &graphml, &glen);
    return from_helper(out, err, graphml, glen, display, diag);
}

hs_error hs_model_read_memory(const char *data, size_t len, hs_format format, const char *display, hs_model **out) {
    return hs_read_memory_diag(data, len, format, display, NULL, out);
}

hs_error hs_read_file_diag(const char *path, hs_format format, const char *display, hs_diagnostics *diag,
                           hs_model **out) {
    int is_stdin = strcmp(path, "-") == 0;
    if (!display) display = is_stdin ? "<stdin>" : path;
    if (format == HS_FORMAT_UNKNOWN) format = hs_format_from_path(path);
    if (!is_stdin) {
        /* Neither format is held in memory: a GraphML file is parsed from
         * disk, a DOT file streamed to the helper. Either way a file far
         * over the load limits is abandoned where it crosses one. */
        hs_format sniffed;
        hs_error err = hs_file_check_text(path, display, &sniffed);
        if (err) return err;
        if (format == HS_FORMAT_UNKNOWN) format = sniffed;
        if (format == HS_FORMAT_GRAPHML) {
            if (!(err = hs_graphml_parse_file(out, path, display, diag))) (*out)->format = format;
            return err;
        }
        int fd;
        size_t size;
        if ((err = hs_file_open(path, display, &fd, &size))) return err;
        char *graphml = NULL;
        size_t glen = 0;
        if (size > HS_MAX_READ)
            err = hs_error_set(HS_EINPUT, "%s: larger than %zu MiB", display, HS_MAX_READ >> 20);
        else
            err = hs_dot_helper_to_graphml_fd(fd, display, &graphml, &glen);
        close(fd);
        return from_helper(out, err, graphml, glen, display, diag);
    }
    char *data;
    size_t len;
    hs_error err = hs_file_read_all(path, display, &data, &len);
    if (err) return err;
    err = hs_read_memory_diag(data, len, format, display, diag, out);
    free(data);
    return err;
}

hs_error hs_model_read_file(const char *path, hs_format format, const char *display, hs_model **out) {
    return hs_read_file_diag(path, format, display, NULL, out);
}

hs_error hs_model_write_file(const hs_model *model, const char *path, hs_format format) {
    if (format == HS_FORMAT_UNKNOWN) format = hs_format_from_path(path);
    if (format == HS_FORMAT_UNKNOWN)
        return hs_error_set(HS_EARG, "%s: cannot tell the format from the extension (use .gv, .dot or .graphml)", path);
    hs_buf b = {0};
    hs_error err = format == HS_FORMAT_DOT ? hs_dot_format(model, &b) : hs_graphml_format(model, &b);
    if (err == HS_EINPUT) {
        /* A value the output format cannot hold: name the file it was going to. */
        char reason[512];
        snprintf(reason, sizeof reason, "%s", hs_error_last());
        err = hs_error_set(HS_EINPUT, "%s: %s", path, reason);
    }
    if (!err) err = hs_file_write_atomic(path, b.data, b.len);
    hs_buf_free(&b);
    return err;
}
