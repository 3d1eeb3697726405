/* Reading with the checks, and reporting them (diag.h). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"

const char *hs_cli_diag_hint(const hs_diagnostic *g) {
    if (strcmp(g->code, "limit") == 0) return "; raise it with --max-states or --max-ties";
    if (strcmp(g->code, "not-exported") == 0)
        return strstr(g->reason, "nodes table") ? ": give --nodes NODES.csv"
               : strstr(g->reason, "directed")  ? ": give --graph GRAPH.csv, or import it with --directed"
                                                : ": give --graph GRAPH.csv";
    if (strcmp(g->code, "foreign-format") == 0)
        return strstr(g->reason, "CSV") ? "; to read a CSV edge list use 'hubspoke import edges' (docs/import.md)"
                                        : "; convert it to GraphML first (igraph and NetworkX write GraphML)";
    return "";
}

static const char *severity_name(hs_severity s) { return s == HS_SEVERITY_ERROR ? "error" : "warning"; }

void hs_cli_print_check_line(FILE *out, const hs_diagnostic *g) {
    fputs(g->file, out);
    if (g->line > 0) fprintf(out, ":%d", g->line);
    fprintf(out, ": %s: ", severity_name(g->severity));
    if (g->element) fprintf(out, "%s: ", g->element);
    fprintf(out, "%s%s [%s]\n", g->reason, hs_cli_diag_hint(g), g->code);
}

/* The errors a reader stopped counting at: the cap's line. */
static void print_cap(FILE *out, const hs_diagnostics *d, const char *file, const char *prefix) {
    size_t kept = 0;
    for (size_t i = 0; i < hs_diagnostics_count(d); i++)
        kept += hs_diagnostics_get(d, i)->severity == HS_SEVERITY_ERROR;
    if (hs_diagnostics_error_count(d) > kept)
        fprintf(out, "%s%s: more than %zu errors; stopped reading (the first %zu are listed)\n", prefix, file, kept,
                kept);
}

void hs_cli_print_diagnostics(hs_diagnostics *d, const char *file, int quiet) {
    hs_diagnostics_sort(d);
    size_t shown = 0, warnings = hs_diagnostics_warning_count(d);
    char text[2048];
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        if (g->severity == HS_SEVERITY_ERROR) {
            /* The one-line error of every command: no severity word, no code. */
            hs_diagnostic_format(g, text, sizeof text);
            fprintf(stderr, "hubspoke: %s%s\n", text, hs_cli_diag_hint(g));
        } else if (!quiet && shown < HS_CLI_WARNINGS_SHOWN) {
            fputs("hubspoke: ", stderr);
            hs_cli_print_check_line(stderr, g);
            shown++;
        }
    }
    print_cap(stderr, d, file, "hubspoke: ");
    if (!quiet && warnings > shown)
        fprintf(stderr, "hubspoke: %s: %zu more warning%s (hubspoke check %s lists them all; --quiet hides them)\n",
                file, warnings - shown, warnings - shown == 1 ? "" : "s", file);
}

hs_error hs_cli_read_checked(const char *path, hs_format format, int quiet, int strict, hs_model **out) {
    *out = NULL;
    hs_diagnostics *d = NULL;
    hs_error err = hs_diagnostics_new(&d);
    if (err) {
        hs_cli_fail(err);
        return err;
    }
    hs_cli_locate_helper();
    const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
    err = hs_check_read_file(path, format, display, d, out);
    if (!err && strict && hs_diagnostics_warning_count(d)) {
        hs_diagnostics_promote_warnings(d);
        hs_model_destroy(*out);
        *out = NULL;
        err = HS_EINPUT;
    }
    if (err && !hs_diagnostics_error_count(d)) {
        /* Not the file's fault (no helper, out of memory): said as any failure is. */
        hs_cli_fail(err);
        hs_cli_set_reported(1);
    } else {
        hs_cli_print_diagnostics(d, display, quiet);
        if (err) hs_cli_set_reported(1);
    }
    hs_diagnostics_destroy(d);
    return err;
}

json_t *hs_cli_diagnostics_json(const hs_diagnostics *d, const char *file) {
    json_t *list = json_array();
    for (size_t i = 0; list && i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        char reason[2048];
        snprintf(reason, sizeof reason, "%s%s", g->reason, hs_cli_diag_hint(g));
        json_array_append_new(
            list, json_pack("{s:s, s:s, s:s, s:o, s:o, s:s}", "severity", severity_name(g->severity), "code", g->code,
                            "file", g->file, "line", g->line > 0 ? json_integer(g->line) : json_null(), "element",
                            hs_json_string_or_null(g->element), "message", reason));
    }
    return json_pack("{s:s, s:I, s:I, s:o}", "file", file, "errors", (json_int_t)hs_diagnostics_error_count(d),
                     "warnings", (json_int_t)hs_diagnostics_warning_count(d), "diagnostics",
                     list ? list : json_array());
}
