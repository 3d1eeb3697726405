/* The command line's one option parser, in the manner of libgit2's
 * cli_opt_spec: each command declares its options in a table (hs_opt[]),
 * shared groups of options are tables that command tables include, and the
 * parser reads argv against the table, checks every value by its type in one
 * place, and writes it into the one hs_cli_args record. The OPTIONS part of
 * each command's --help is generated from the same table.
 *
 * Syntax, the same in every command (docs/cli.md, "Options"):
 *   --name VALUE, --name=VALUE, -x VALUE, -xVALUE, and --name for a flag;
 *   options and operands in any order; "--" ends the options; a long option
 *   may be shortened to any prefix that names one option of the command.
 */
#ifndef HS_CLI_OPT_H
#define HS_CLI_OPT_H

#include <stddef.h>

typedef enum hs_opt_type {
    HS_OPT_END = 0, /* ends a table */
    HS_OPT_GROUP,   /* includes the table `group` (a shared group of options) */
    HS_OPT_HELP,    /* --help, -h: the help on standard output, exit 0 */
    HS_OPT_FLAG,    /* no value: the int is set to 1 */
    HS_OPT_YEAR,    /* an integer year in [HS_YEAR_FIRST, HS_YEAR_LAST] (int) */
    HS_OPT_YEARS,   /* comma-separated years and ranges A:B[:STEP] (hs_cli_years) */
    HS_OPT_ID,      /* one id, surrounding blanks removed, not empty (const char *) */
    HS_OPT_IDS,     /* comma-separated ids, each trimmed, none empty (hs_cli_list) */
    HS_OPT_COUNT,   /* a whole number in [0, max] (unsigned long long) */
    HS_OPT_REAL,    /* a finite number in [min, max] (double) */
    HS_OPT_CHOICE,  /* one of `choices` (int: its index) */
    HS_OPT_FILE,    /* a file name, not empty (const char *) */
    HS_OPT_TEXT,    /* any text (const char *) */
    HS_OPT_EDIT,    /* a what-if edit, repeatable, kept in order (hs_cli_edits; `tag`: its type) */
    HS_OPT_LENGTH,  /* a length with its unit, 6.5in, 16.5cm, 165mm, 468pt, in [min, max] points (double) */
    HS_OPT_GRID     /* ROWSxCOLUMNS, each 1 to 64 (hs_cli_grid) */
} hs_opt_type;

typedef struct hs_opt {
    hs_opt_type type;
    const char *name;           /* the long name, without "--" */
    char alias;                 /* a one-letter short name, or 0 */
    const char *value_name;     /* how --help names the value: Y, IDS, N, FILE... */
    const char *help;           /* --help's text (wrapped there; "\n" starts a new line) */
    size_t offset;              /* where the value goes: offsetof(hs_cli_args, field) */
    unsigned long long max;     /* HS_OPT_COUNT: the largest value; HS_OPT_YEARS: the most years */
    double min_real, max_real;  /* HS_OPT_REAL, HS_OPT_LENGTH */
    const char *const *choices; /* HS_OPT_CHOICE: NULL-terminated */
    const struct hs_opt *group; /* HS_OPT_GROUP */
    int tag;                    /* HS_OPT_EDIT: the edit's type */
} hs_opt;

/* Table entries are written with designated initialisers; a group is
 * included with HS_OPT_INCLUDE and a table ends with HS_OPT_LAST. */
#define HS_OPT_INCLUDE(table) \
    { .type = HS_OPT_GROUP, .group = (table) }
#define HS_OPT_LAST \
    { .type = HS_OPT_END }

/* Values of the list types, owned by hs_cli_args. */
typedef struct hs_cli_list {
    char **items;
    size_t count;
} hs_cli_list;

typedef struct hs_cli_years {
    int *years;
    size_t count;
} hs_cli_years;

typedef struct hs_cli_grid {
    size_t rows, cols;
} hs_cli_grid;

typedef struct hs_cli_edit {
    int type;         /* the option's tag */
    const char *text; /* its value, as given */
} hs_cli_edit;

typedef struct hs_cli_edits {
    hs_cli_edit *items;
    size_t count;
} hs_cli_edits;

/* Parse one value of `type` for the option named `name` (for messages) from
 * `text` into `out`; shared with the readers of option-like files (whatif's
 * scenarios). Returns 0, or -1 after writing the reason to msg. */
int hs_opt_parse_year(const char *name, const char *text, int *out, char *msg, size_t msg_size);
int hs_opt_parse_years(const char *name, const char *text, unsigned long long max_count, hs_cli_years *out, char *msg,
                       size_t msg_size);
int hs_opt_parse_ids(const char *name, const char *text, hs_cli_list *out, char *msg, size_t msg_size);
void hs_cli_list_free(hs_cli_list *list);

/* Parse words (all of argv, options and operands) against `table` into
 * args, as a command line is parsed, for files written in the command
 * line's syntax (whatif's scenarios): 0, or -1 with the reason in msg. */
struct hs_cli_args;
int hs_opt_parse_words(const hs_opt *table, int argc, char **argv, struct hs_cli_args *args, char *msg,
                       size_t msg_size);

#endif
