/* The command line's side of the checks (check.h): how every command reads
 * a file with them, and how `hubspoke check` reports (docs/cli.md, "check"). */
#ifndef HS_CLI_DIAG_H
#define HS_CLI_DIAG_H

#include <jansson.h>
#include <stdio.h>

#include "hubspoke/check.h"
#include "hubspoke/model.h"

/* `hubspoke check`'s exit status when a file has warnings and no error. */
enum { HS_EXIT_WARNINGS = 3 };

/* How many warnings a command other than `check` prints for one file before
 * it says how many more there are. */
#define HS_CLI_WARNINGS_SHOWN 10

/* Read FILE (in `format`, or as its name or content says when
 * HS_FORMAT_UNKNOWN) with every check, as every command that reads a graph does:
 * errors are printed to standard error, all of them ("hubspoke: FILE:LINE:
 * element: reason", up to the cap), and stop the command (the return is not
 * HS_OK and already reported: hs_cli_fail prints nothing more); warnings are printed to standard
 * error ("hubspoke: FILE:LINE: warning: element: reason [code]", the first
 * HS_CLI_WARNINGS_SHOWN) unless `quiet`, and with `strict` they are errors.
 * A failure that is no fault of the file (the DOT helper cannot run) is
 * printed as hs_cli_fail prints it. */
hs_error hs_cli_read_checked(const char *path, hs_format format, int quiet, int strict, hs_model **out);

/* Print the errors and warnings of `d` (sorted) as a command other than
 * `check` does, after a read or an import: the errors all, the warnings
 * unless quiet. `file` names the input in the summary lines. */
void hs_cli_print_diagnostics(hs_diagnostics *d, const char *file, int quiet);

/* One line of `check`'s text report: "FILE:LINE: error: element: reason [code]". */
void hs_cli_print_check_line(FILE *out, const hs_diagnostic *g);

/* One file's report as JSON: {"file", "errors", "warnings", "diagnostics": [...]}. */
json_t *hs_cli_diagnostics_json(const hs_diagnostics *d, const char *file);

/* The hint the command line adds to a diagnostic of this code ("" for none):
 * what to do, in terms of the command line (the library names no option). */
const char *hs_cli_diag_hint(const hs_diagnostic *g);

#endif
