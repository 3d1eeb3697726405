/* The hubspoke command line: the command table, the parsed arguments and the
 * helpers the commands share. A thin layer over libhubspoke: it parses,
 * calls the library and writes what the library computed (docs/HACKING.md). */
#ifndef HS_CLI_H
#define HS_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "cli/opt.h"
#include "hubspoke/hubspoke.h"

/* Exit codes (hubspoke --help, "EXIT STATUS"). */
enum { HS_EXIT_OK = 0, HS_EXIT_FAILURE = 1, HS_EXIT_USAGE = 2 };

/* A command's max_operands when it takes any number of them. */
#define HS_ANY_NUMBER ((size_t)-1)

/* Output formats, the values of --format. */
enum { HS_OUT_TEXT = 0, HS_OUT_JSON, HS_OUT_CSV };

/* Every option of every command lands here; a command reads the fields its
 * table fills. hs_cli_given() tells whether an option was on the line. */
typedef struct hs_cli_args {
    const struct hs_command *command;
    char **operands; /* the arguments that are not options, in order (point into argv) */
    size_t noperands;
    /* the view: --year, --hub, --focus, --codebook */
    int year;
    const char *hub;
    hs_cli_list focus;
    const char *codebook;
    /* --state-set, --weight, --path-weight: indices of the view.h enums */
    int state_set, weight, path_weight;
    hs_cli_years years; /* --years */
    /* the limits: --max-states, --max-ties, --timeout */
    unsigned long long max_states, max_ties, timeout;
    /* the measures: --measures, --permutations, --seed, --table */
    hs_cli_list measures;
    unsigned long long permutations, seed;
    /* inference: --bootstrap, --level, metrics --influence and --hubs, compare --events and --window */
    unsigned long long bootstrap;
    double level;
    int influence;
    hs_cli_list hubs;
    int events;
    unsigned long long window;
    int table;
    int format;         /* --format: HS_OUT_* */
    const char *output; /* -o, --output */
    /* classify */
    const char *mechanism;
    unsigned long long sensitivity, critical_mass;
    double threshold_u, threshold_c, spread, reference_quantile, recode, ambiguous_below;
    /* render, evolve, report: the figure (docs/render.md, "Options") */
    int engine, ghosts;
    const char *title;
    double width, font_size, dpi; /* points; 0: the default */
    int labels, mechanisms, greyscale;
    hs_cli_grid grid;
    hs_cli_years layout_years;
    /* compare */
    const char *plot;
    /* the checks: --quiet, --strict */
    int quiet, strict;
    /* convert */
    int from, to;
    /* import, export: the tables of an edge list */
    const char *nodes, *members, *graph_table;
    int directed;
    /* import */
    const char *states;
    hs_cli_list types;
    int since, until, ids;
    hs_cli_list map; /* --map direction,depth */
    /* whatif */
    hs_cli_edits edits;
    const char *scenarios;
    /* the options given, each once */
    const hs_opt *given[64];
    size_t ngiven;
} hs_cli_args;

typedef struct hs_command {
    const char *name;
    const char *summary;               /* one line, for hubspoke --help */
    const char *synopsis;              /* after "hubspoke NAME ": operands and required options, one usage a line */
    const char *description;           /* DESCRIPTION, indented by four spaces */
    const hs_opt *options;             /* the table; OPTIONS of --help is generated from it */
    const char *more;                  /* the sections after OPTIONS (OUTPUT, EXIT STATUS, EXAMPLES) */
    const char *const *operand_names;  /* NULL-terminated: how messages name missing operands */
    size_t min_operands, max_operands; /* max HS_ANY_NUMBER: no limit */
    int (*run)(const hs_cli_args *args);
} hs_command;

extern const hs_command hs_cmd_info, hs_cmd_convert, hs_cmd_metrics, hs_cmd_classify;
extern const hs_command hs_cmd_render, hs_cmd_evolve, hs_cmd_compare, hs_cmd_whatif;
extern const hs_command hs_cmd_import, hs_cmd_measures, hs_cmd_check, hs_cmd_export, hs_cmd_report;

/* The shared groups of options (options.c). */
extern const hs_opt hs_opts_year[];         /* --year */
extern const hs_opt hs_opts_view[];         /* --hub --focus --codebook */
extern const hs_opt hs_opts_state_set[];    /* --state-set tied|listed */
extern const hs_opt hs_opts_weights[];      /* --weight, --path-weight */
extern const hs_opt hs_opts_limits[];       /* --max-states --max-ties --timeout */
extern const hs_opt hs_opts_measures[];     /* --measures */
extern const hs_opt hs_opts_permutations[]; /* --permutations --seed (of the E-I test) */
extern const hs_opt hs_opts_bootstrap[];    /* --bootstrap --level */
extern const hs_opt hs_opts_level[];        /* --level (of the intervals) */
extern const hs_opt hs_opts_format[];       /* --format text|csv|json */
extern const hs_opt hs_opts_format_json[];  /* --format text|json */
extern const hs_opt hs_opts_output[];       /* -o, --output */
extern const hs_opt hs_opts_help[];         /* --help */
extern const hs_opt hs_opts_checks[];       /* --quiet --strict (the checks while reading, diag.h) */
extern const char *const hs_engine_names[]; /* the values of --engine */
extern const hs_opt hs_opts_figure[];       /* --width --font-size --labels --mechanisms --greyscale --engine */

/* The figure options the arguments give (hs_opts_figure, --grid, --dpi,
 * --layout-years, --title, --ghosts), into options. */
void hs_cli_render_options(const hs_cli_args *args, hs_render_options *options);

/* The whole command line: argv[1] names the command (dispatch.c). Returns the
 * exit status. Called by main() and by the fuzz harness, many times per
 * process in the latter. */
int hs_cli_main(int argc, char **argv);

/* Parse a command's arguments (argv[0] is the command's name) into args.
 * Returns -1 to go on, else the exit status (help printed, usage error
 * reported). args must be freed with hs_cli_args_free either way. */
int hs_cli_parse(const hs_command *cmd, int argc, char **argv, hs_cli_args *args);
void hs_cli_args_free(hs_cli_args *args);
/* Was option `name` (its long name) on the command line? */
int hs_cli_given(const hs_cli_args *args, const char *name);
/* The command's --help, generated around its option table. */
void hs_cli_print_help(FILE *out, const hs_command *cmd);

/* Print "hubspoke: <message>" (with the CLI's hint for the code) to stderr
 * and return the exit code for err; nothing is printed when the failure was
 * reported already (hs_cli_set_reported: a checked read lists its errors). */
int hs_cli_fail(hs_error err);
/* 1: the failure about to be returned has been reported, and the next
 * hs_cli_fail prints nothing; 0 (each command line starts so): it has not. */
void hs_cli_set_reported(int yes);
/* Print "hubspoke COMMAND: <message> (see 'hubspoke COMMAND --help')" to
 * stderr; returns 2. */
int hs_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Refuse (usage error, exit 2) an output file that is one of the inputs: the
 * same file by device and inode, whatever its name (a link, ./x, a
 * symlink). Returns -1 when `out` is none of them. NULL inputs and "-" are
 * skipped. */
int hs_cli_check_output(const char *command, const char *out, const char *const *inputs, int ninputs);

/* Point the library at the hubspoke-dot next to this executable, unless
 * HUBSPOKE_DOT_HELPER says otherwise. */
void hs_cli_locate_helper(void);

/* The view options the arguments describe (--year, --hub, --focus), with
 * that codebook. */
void hs_cli_view_options(const hs_cli_args *args, const hs_codebook *codebook, hs_view_options *options);
/* Load the model (the first operand, with the checks: --quiet, --strict;
 * diag.h) and the codebook (--codebook). */
hs_error hs_cli_open_model(const hs_cli_args *args, hs_model **model, hs_codebook **codebook);
/* Load the model, the codebook and the view the arguments describe. */
hs_error hs_cli_open_view(const hs_cli_args *args, hs_model **model, hs_codebook **codebook, hs_view **view);

/* JSON helpers: NaN becomes null. */
json_t *hs_json_number(double x);
json_t *hs_json_string_or_null(const char *s);
/* Write JSON (two-space indent, keys in insertion order) plus a newline to stdout. */
hs_error hs_cli_print_json(json_t *root);

/* ---- writing tables (table_out.c) ----
 * A value of each type as JSON (NaN: null; a list cell's JSON text parsed),
 * as a CSV cell (missing: empty; real "%.15g"; a list: its JSON text, quoted),
 * and as text (missing: n/a; real "%.4f"), `width` as printf's. */
json_t *hs_cli_cell_json(const hs_table *t, size_t row, size_t col);
void hs_cli_cell_csv(FILE *out, const hs_table *t, size_t row, size_t col);
void hs_cli_cell_text(FILE *out, const hs_table *t, size_t row, size_t col, int width);

/* Key columns the CLI puts before a table's own (compare's file and period,
 * whatif's scenario): names[k], and values[row * count + k] per row. */
typedef struct hs_cli_keys {
    size_t count;
    const char *const *names;
    const char *const *values;
} hs_cli_keys;

/* The whole table: CSV with a header row; JSON, an array of one object per
 * row; text, aligned columns from first_col on. keys may be NULL. */
void hs_cli_table_csv(FILE *out, const hs_table *t, const hs_cli_keys *keys);
hs_error hs_cli_table_json(const hs_table *t, const hs_cli_keys *keys);
void hs_cli_table_text(FILE *out, const hs_table *t, size_t first_col);
/* A table of the library in the format --format asks: JSON, CSV, or `title`
 * and the text table from column first_col. */
hs_error hs_cli_print_table(const hs_cli_args *args, const hs_table *t, const char *title, size_t first_col);
/* One row as a JSON object: the keys, then the columns from first_col on. */
json_t *hs_cli_row_json(const hs_table *t, size_t row, const hs_cli_keys *keys, size_t first_col);

/* The names --measures gives, checked against the registry for a table of
 * `kind` (the words `default` and `all` pass): -1, or the exit status of a
 * usage error, reported. */
int hs_cli_check_measures(const char *command, const hs_cli_args *args, hs_measure_kind kind);
/* The E-I test's options: --permutations (default 1000) and --seed (default 1). */
void hs_cli_metrics_options(const hs_cli_args *args, hs_metrics_options *options);
/* The bootstrap's options (--bootstrap, --level, --seed). */
void hs_cli_bootstrap_options(const hs_cli_args *args, hs_bootstrap_options *options);
/* A usage error (exit 2) for --bootstrap 0, else -1. */
int hs_cli_check_bootstrap(const hs_cli_args *args);

/* CSV fields (RFC 4180: quoted when needed) and numbers (empty for NaN);
 * text numbers: four decimals, n/a for NaN. */
void hs_cli_csv_field(FILE *out, const char *s);
void hs_cli_csv_number(FILE *out, double x);
void hs_cli_text_number(FILE *out, double x);

#endif
