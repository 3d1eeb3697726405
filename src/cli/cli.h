/* The hubspoke command line: shared helpers of the subcommands. */
#ifndef HS_CLI_H
#define HS_CLI_H

#include <jansson.h>

#include "hubspoke/codebook.h"
#include "hubspoke/error.h"
#include "hubspoke/model.h"
#include "hubspoke/view.h"

/* Exit codes (hubspoke --help, "EXIT STATUS"). */
enum { HS_EXIT_OK = 0, HS_EXIT_FAILURE = 1, HS_EXIT_USAGE = 2 };

typedef struct hs_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    const char *help;
} hs_command;

extern const hs_command hs_cmd_info, hs_cmd_convert, hs_cmd_metrics, hs_cmd_compare, hs_cmd_whatif;

/* Print "hubspoke: <message>" to stderr and return the exit code for err. */
int hs_cli_fail(hs_error err);
/* Print "hubspoke COMMAND: <message>" plus a hint to stderr; returns 2. */
int hs_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int hs_cli_help(const hs_command *cmd);

/* Options shared by the commands that look at one year of one file. */
typedef struct hs_cli_view_args {
    const char *file;
    int has_year, year;
    const char *hub;
    const char *codebook;
    int format; /* HS_OUT_* */
} hs_cli_view_args;

enum { HS_OUT_TEXT, HS_OUT_JSON, HS_OUT_CSV };

/* Parse --year/--hub/--codebook/--format/--help and one FILE. `formats` is a
 * mask of 1 << HS_OUT_* accepted. Returns -1 to go on, else an exit code. */
int hs_cli_parse_view_args(const hs_command *cmd, int argc, char **argv, unsigned formats, int with_codebook,
                           hs_cli_view_args *args);

/* Point the library at the hubspoke-dot next to this executable, unless
 * HUBSPOKE_DOT_HELPER says otherwise. */
void hs_cli_locate_helper(void);

/* Load the model, the codebook and the view the arguments describe. */
hs_error hs_cli_open_view(const hs_cli_view_args *args, hs_model **model, hs_codebook **codebook, hs_view **view);

/* JSON helpers: NaN becomes null. */
json_t *hs_json_number(double x);
json_t *hs_json_string_or_null(const char *s);
/* Write JSON (two-space indent, keys in insertion order) plus a newline to stdout. */
hs_error hs_cli_print_json(json_t *root);

#endif
