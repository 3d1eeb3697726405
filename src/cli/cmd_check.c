/* hubspoke check: every problem of a file, errors and warnings (check.h). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/diag.h"

/* One file: read with every check, its problems listed; 1 when it has an
 * error (or could not be read at all), 3 when only warnings, else 0. */
static int check_one(const hs_cli_args *args, const char *path, json_t *files, size_t *errors, size_t *warnings) {
    const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
    hs_diagnostics *d = NULL;
    hs_model *m = NULL;
    hs_error err = hs_diagnostics_new(&d);
    if (err) return hs_cli_fail(err);
    err = hs_check_read_file(path, HS_FORMAT_UNKNOWN, display, d, &m);
    hs_model_destroy(m);
    if (err && !hs_diagnostics_error_count(d)) {
        /* Not the file's fault (no DOT helper, out of memory): said on standard
         * error, and listed as the file's one error. */
        char message[1024];
        snprintf(message, sizeof message, "%s", hs_error_last());
        hs_cli_fail(err);
        hs_diagnostics_add(d, HS_SEVERITY_ERROR, "failure", display, 0, NULL, "%s", message);
    }
    if (args->strict) hs_diagnostics_promote_warnings(d);
    hs_diagnostics_sort(d);
    size_t e = hs_diagnostics_error_count(d), w = hs_diagnostics_warning_count(d);
    *errors += e;
    *warnings += w;
    if (args->format == HS_OUT_JSON) {
        json_t *report = hs_cli_diagnostics_json(d, display);
        if (report && args->quiet) {
            /* --quiet: the warnings are counted, not listed. */
            json_t *list = json_object_get(report, "diagnostics"), *kept = json_array();
            size_t i;
            json_t *item;
            json_array_foreach(list, i, item) {
                if (strcmp(json_string_value(json_object_get(item, "severity")), "error") == 0)
                    json_array_append(kept, item);
            }
            json_object_set_new(report, "diagnostics", kept);
        }
        json_array_append_new(files, report);
    } else {
        for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
            const hs_diagnostic *g = hs_diagnostics_get(d, i);
            if (g->severity == HS_SEVERITY_ERROR || !args->quiet) hs_cli_print_check_line(stdout, g);
        }
        size_t kept = 0;
        for (size_t i = 0; i < hs_diagnostics_count(d); i++)
            kept += hs_diagnostics_get(d, i)->severity == HS_SEVERITY_ERROR;
        if (e > kept)
            printf("%s: more than %zu errors; stopped reading (the first %zu are listed)\n", display, kept, kept);
        printf("%s: %zu error%s, %zu warning%s\n", display, e, e == 1 ? "" : "s", w, w == 1 ? "" : "s");
    }
    hs_diagnostics_destroy(d);
    return e ? HS_EXIT_FAILURE : w ? HS_EXIT_WARNINGS : HS_EXIT_OK;
}

static int run(const hs_cli_args *args) {
    hs_cli_locate_helper();
    json_t *files = args->format == HS_OUT_JSON ? json_array() : NULL;
    size_t errors = 0, warnings = 0;
    int rc = HS_EXIT_OK;
    for (size_t i = 0; i < args->noperands; i++) {
        int one = check_one(args, args->operands[i], files, &errors, &warnings);
        /* The worst of the files: an error over warnings over clean. */
        if (one == HS_EXIT_FAILURE || (one == HS_EXIT_WARNINGS && rc == HS_EXIT_OK)) rc = one;
    }
    if (files) {
        json_t *root = json_pack("{s:o, s:I, s:I}", "files", files, "errors", (json_int_t)errors, "warnings",
                                 (json_int_t)warnings);
        hs_error err = root ? hs_cli_print_json(root) : hs_error_set(HS_ENOMEM, "out of memory");
        json_decref(root);
        if (err) return hs_cli_fail(err);
    } else if (fflush(stdout) != 0) {
        return hs_cli_fail(hs_error_set(HS_EIO, "<stdout>: cannot write"));
    }
    return rc;
}

static const hs_opt options[] = {
    {.type = HS_OPT_FLAG,
     .name = "strict",
     .help = "warnings are errors: exit 1 when there is any",
     .offset = offsetof(hs_cli_args, strict)},
    {.type = HS_OPT_FLAG,
     .name = "quiet",
     .alias = 'q',
     .help = "list the errors only (the warnings are still counted, and set the exit status)",
     .offset = offsetof(hs_cli_args, quiet)},
    HS_OPT_INCLUDE(hs_opts_format_json),
    HS_OPT_INCLUDE(hs_opts_limits),
    HS_OPT_INCLUDE(hs_opts_help),
    HS_OPT_LAST};

static const char *const operands[] = {"FILE", NULL};

const hs_command hs_cmd_check = {
    "check",
    "list every problem of a file: errors and warnings",
    "FILE... [OPTIONS]",
    "    Reads each FILE (DOT or GraphML; '-' for standard input) with every check of\n"
    "    docs/schema.md (\"Checks\") and lists every problem found, one a line, errors\n"
    "    first, each with its file and line (or element), the reason and a stable code:\n"
    "    the values the schema refuses (errors: the file is not measured), and the\n"
    "    mistakes that are valid in form but would change a number without a word\n"
    "    (warnings): a misspelt attribute (untill: did you mean until?), a name that\n"
    "    differs from the schema's in case (Kind), an id that occurs once beside a\n"
    "    near one (HNU beside HUN), a subgraph meant as a mechanism without the\n"
    "    cluster_ prefix, a treaty arc drawn from the hub in a digraph, ties active in\n"
    "    no year, duplicate ties, and more. At most 100 errors are listed: reading\n"
    "    stops at the 101st. Every other command runs the same checks while it reads:\n"
    "    errors stop it, warnings go to standard error (--quiet hides them).\n",
    options,
    "OUTPUT\n"
    "    text: one line a problem, FILE:LINE: error|warning: ELEMENT: REASON [CODE],\n"
    "    then FILE: N errors, M warnings.\n"
    "    json: {\"files\": [{\"file\", \"errors\", \"warnings\", \"diagnostics\": [{\"severity\",\n"
    "    \"code\", \"file\", \"line\", \"element\", \"message\"}]}], \"errors\", \"warnings\"}.\n"
    "\n"
    "EXIT STATUS\n"
    "    0 no problem, 1 errors (or a file that cannot be read at all), 3 warnings\n"
    "    only (1 with --strict), 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke check graphs/asia-pacific.gv\n"
    "    hubspoke check soviet.gv --format json\n"
    "    hubspoke check --strict graphs/*.gv\n",
    operands,
    1,
    HS_ANY_NUMBER,
    run};
