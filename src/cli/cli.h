/* The hubspoke command line: shared helpers of the subcommands. */
#ifndef HS_CLI_H
#define HS_CLI_H

#include <jansson.h>
#include <stdio.h>

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

extern const hs_command hs_cmd_info, hs_cmd_convert, hs_cmd_metrics, hs_cmd_classify;
extern const hs_command hs_cmd_render, hs_cmd_evolve, hs_cmd_compare, hs_cmd_whatif;
extern const hs_command hs_cmd_import;

/* The whole command line: argv[1] names the command (dispatch.c). Returns the
 * exit status. Called by main() and by the fuzz harness, many times per
 * process in the latter. */
int hs_cli_main(int argc, char **argv);

/* Print "hubspoke: <message>" to stderr and return the exit code for err. */
int hs_cli_fail(hs_error err);
/* Print "hubspoke COMMAND: <message>" plus a hint to stderr; returns 2. */
int hs_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int hs_cli_help(const hs_command *cmd);

/* Options of every command that reads a graph (docs/cli.md, "Limits"):
 * --max-states N, --max-ties N (0 = no limit) and --timeout SECONDS for the
 * DOT helper (0 = none). Put HS_CLI_LOAD_OPTIONS in a getopt_long table and
 * hand the values it returns to hs_cli_load_option. */
enum { HS_OPT_MAX_STATES = 0x100, HS_OPT_MAX_TIES, HS_OPT_TIMEOUT };
#define HS_CLI_LOAD_OPTIONS                                                                                       \
    {"max-states", required_argument, NULL, HS_OPT_MAX_STATES}, {"max-ties", required_argument, NULL, HS_OPT_MAX_TIES}, \
        {"timeout", required_argument, NULL, HS_OPT_TIMEOUT}
/* Apply load option `c` with `value`: -1 when applied, 2 (usage error,
 * already reported) for a bad value, -2 when c is not a load option. */
int hs_cli_load_option(const char *command, int c, const char *value);
/* The text of the load options for a command's --help. */
#define HS_CLI_LOAD_OPTIONS_HELP                                                                  \
    "    --max-states N      refuse a file of more than N states and mechanisms\n"               \
    "                        (default 1000000; 0 = no limit)\n"                                  \
    "    --max-ties N        refuse a file of more than N ties and memberships\n"                \
    "                        (default 10000000; 0 = no limit)\n"                                 \
    "    --timeout SECONDS   stop the DOT helper after SECONDS (default 60; 0 = no limit)\n"

/* Refuse (usage error, exit 2) an output file that is one of the inputs: the
 * same file by device and inode, whatever its name (a link, ./x, a
 * symlink). Returns -1 when `out` is none of them. NULL inputs and "-" are
 * skipped. */
int hs_cli_check_output(const char *command, const char *out, const char *const *inputs, int ninputs);

/* Options shared by the commands that look at one year of one file. */
typedef struct hs_cli_view_args {
    const char *file;
    int has_year, year;
    const char *hub;
    const char *codebook;
    int format; /* HS_OUT_* */
    const char **focus; /* --focus ID,ID,...: a subsystem; owned, see hs_cli_view_args_free */
    size_t focus_count;
    hs_state_set state_set; /* the states the view holds (view.h); info lists them all */
} hs_cli_view_args;
void hs_cli_view_args_free(hs_cli_view_args *args);

enum { HS_OUT_TEXT, HS_OUT_JSON, HS_OUT_CSV };

/* A year in [HS_YEAR_FIRST, HS_YEAR_LAST]: 1 and *year set, else 0. */
int hs_cli_parse_year(const char *text, int *year);

/* Parse --year/--hub/--focus/--codebook/--format/--help and one FILE. `formats` is a
 * mask of 1 << HS_OUT_* accepted. Returns -1 to go on, else an exit code. */
int hs_cli_parse_view_args(const hs_command *cmd, int argc, char **argv, unsigned formats, int with_codebook,
                           hs_cli_view_args *args);

/* render and evolve: parse the options and write the figure (cmd_render.c). */
int hs_cli_figure_run(const hs_command *cmd, int evolve, int argc, char **argv);
/* A command's own options, before the shared ones are parsed: every
 * "--name V" or "--name=V" of names[0..count-1] in argv[1..] is removed and V
 * stored in values[k] (the last one wins; untouched when absent). *rest gets
 * the remaining arguments, argv[0] first, NULL-terminated; the caller frees
 * it. Returns -1 to go on, else an exit code (a name without its value). */
int hs_cli_take_options(const hs_command *cmd, int argc, char **argv, const char *const *names, size_t count,
                        const char **values, char ***rest, int *nrest);
/* Split text, in place, at its commas: *items (allocated, the caller frees
 * it) points into text. Returns the number of items, -1 when one is empty,
 * -2 when out of memory (*items is then NULL). */
long hs_cli_split_list(char *text, char ***items);
/* Strict numbers: the whole text, within [0, max] / [min, max]; 1 when valid. */
int hs_cli_parse_count(const char *text, long long max, long long *value);
int hs_cli_parse_real(const char *text, double min, double max, double *value);

/* Point the library at the hubspoke-dot next to this executable, unless
 * HUBSPOKE_DOT_HELPER says otherwise. */
void hs_cli_locate_helper(void);

/* Load the model and the codebook the arguments describe. */
hs_error hs_cli_open_model(const hs_cli_view_args *args, hs_model **model, hs_codebook **codebook);
/* The view options the arguments describe, with that codebook. */
hs_view_options hs_cli_view_options(const hs_cli_view_args *args, const hs_codebook *codebook);
/* Load the model, the codebook and the view the arguments describe. */
hs_error hs_cli_open_view(const hs_cli_view_args *args, hs_model **model, hs_codebook **codebook, hs_view **view);

/* JSON helpers: NaN becomes null. */
json_t *hs_json_number(double x);
json_t *hs_json_string_or_null(const char *s);
/* Write JSON (two-space indent, keys in insertion order) plus a newline to stdout. */
hs_error hs_cli_print_json(json_t *root);

/* CSV fields (RFC 4180: quoted when needed) and numbers (empty for NaN);
 * text numbers: four decimals, n/a for NaN. */
void hs_cli_csv_field(FILE *out, const char *s);
void hs_cli_csv_number(FILE *out, double x);
void hs_cli_text_number(FILE *out, double x);

#endif
