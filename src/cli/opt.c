/* The option parser and the generated help (opt.h). */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* ---- values ---------------------------------------------------------------------- */

static int reason(char *msg, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int reason(char *msg, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, size, fmt, ap);
    va_end(ap);
    return -1;
}

/* The text without the blanks around it, copied; NULL when out of memory. */
static char *trimmed(const char *text, size_t len) {
    while (len && isspace((unsigned char)*text)) text++, len--;
    while (len && isspace((unsigned char)text[len - 1])) len--;
    return strndup(text, len);
}

/* An integer written as digits with an optional leading '-': no blanks, no
 * '+', nothing after. */
static int strict_long(const char *text, long lo, long hi, long *out) {
    const char *p = text + (text[0] == '-');
    if (!isdigit((unsigned char)*p)) return 0;
    for (const char *q = p; *q; q++) {
        if (!isdigit((unsigned char)*q)) return 0;
    }
    errno = 0;
    long x = strtol(text, NULL, 10);
    if (errno || x < lo || x > hi) return 0;
    *out = x;
    return 1;
}

int hs_opt_parse_year(const char *name, const char *text, int *out, char *msg, size_t size) {
    long y;
    if (!strict_long(text, HS_YEAR_FIRST, HS_YEAR_LAST, &y))
        return reason(msg, size, "--%s '%s' is not a year in [%d, %d]", name, text, HS_YEAR_FIRST, HS_YEAR_LAST);
    *out = (int)y;
    return 0;
}

static int push_year(hs_cli_years *out, int year, unsigned long long max) {
    if (max && out->count >= max) return 0;
    /* Capacity 16, doubled each time the count reaches a power of two beyond. */
    if (out->count == 0 || (out->count >= 16 && (out->count & (out->count - 1)) == 0)) {
        size_t cap = out->count ? 2 * out->count : 16;
        int *p = realloc(out->years, cap * sizeof *p);
        if (!p) return -1;
        out->years = p;
    }
    out->years[out->count++] = year;
    return 1;
}

int hs_opt_parse_years(const char *name, const char *text, unsigned long long max, hs_cli_years *out, char *msg,
                       size_t size) {
    free(out->years);
    out->years = NULL;
    out->count = 0;
    const char *p = text;
    for (;;) {
        size_t len = strcspn(p, ",");
        char *item = trimmed(p, len);
        if (!item) return reason(msg, size, "out of memory");
        /* A year, or A:B or A:B:STEP. */
        char *c1 = strchr(item, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        long a, b = 0, step = 1;
        if (c1) *c1 = '\0';
        if (c2) *c2 = '\0';
        int ok = strict_long(item, HS_YEAR_FIRST, HS_YEAR_LAST, &a) &&
                 (!c1 || strict_long(c1 + 1, HS_YEAR_FIRST, HS_YEAR_LAST, &b)) &&
                 (!c2 || strict_long(c2 + 1, 1, HS_YEAR_LAST - HS_YEAR_FIRST, &step));
        int empty = !item[0];
        free(item);
        if (empty)
            return reason(msg, size, "--%s '%s': an empty item (years and ranges are separated by commas)", name, text);
        /* Years the wrong way round: say so, and how to write them. */
        if (ok && c1 && a > b) {
            char fix[64];
            if (c2) snprintf(fix, sizeof fix, "%ld:%ld:%ld", b, a, step);
            else snprintf(fix, sizeof fix, "%ld:%ld", b, a);
            return reason(msg, size, "--%s: the range '%.*s' is reversed: it runs from %ld back to %ld; write %s", name,
                          (int)len, p, a, b, fix);
        }
        if (!ok)
            return reason(msg, size, "--%s: '%.*s' is not a year or a range A:B[:STEP] (A <= B, years in [%d, %d])",
                          name, (int)len, p, HS_YEAR_FIRST, HS_YEAR_LAST);
        for (long y = a; y <= (c1 ? b : a); y += step) {
            int pushed = push_year(out, (int)y, max);
            if (pushed < 0) return reason(msg, size, "out of memory");
            if (!pushed) return reason(msg, size, "--%s '%s' names more than %llu years", name, text, max);
        }
        if (!p[len]) return 0;
        p += len + 1;
    }
}

void hs_cli_list_free(hs_cli_list *list) {
    for (size_t i = 0; i < list->count; i++) free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

int hs_opt_parse_ids(const char *name, const char *text, hs_cli_list *out, char *msg, size_t size) {
    hs_cli_list_free(out);
    size_t n = 1;
    for (const char *p = text; *p; p++) n += *p == ',';
    if (!(out->items = calloc(n, sizeof *out->items))) return reason(msg, size, "out of memory");
    for (const char *p = text;; p += strcspn(p, ",") + 1) {
        char *item = trimmed(p, strcspn(p, ","));
        if (!item) return reason(msg, size, "out of memory");
        out->items[out->count++] = item;
        if (!item[0]) return reason(msg, size, "--%s '%s': an empty item (ids are separated by commas)", name, text);
        if (!p[strcspn(p, ",")]) return 0;
    }
}

static int parse_count(const char *text, unsigned long long max, unsigned long long *out) {
    if (!isdigit((unsigned char)text[0])) return 0;
    for (const char *q = text; *q; q++) {
        if (!isdigit((unsigned char)*q)) return 0;
    }
    errno = 0;
    unsigned long long x = strtoull(text, NULL, 10);
    if (errno || x > max) return 0;
    *out = x;
    return 1;
}

static int parse_real(const char *text, double min, double max, double *out) {
    char *end;
    if (!text[0] || isspace((unsigned char)text[0])) return 0;
    errno = 0;
    double x = strtod(text, &end);
    if (*end || errno || !isfinite(x) || x < min || x > max) return 0;
    *out = x;
    return 1;
}

/* ---- the table -------------------------------------------------------------------- */

/* The options of a command, its groups expanded, in table order. */
typedef struct flat {
    const hs_opt *opt[64];
    size_t n;
} flat;

static void flatten(const hs_opt *table, flat *f) {
    for (const hs_opt *o = table; o && o->type != HS_OPT_END; o++) {
        if (o->type == HS_OPT_GROUP)
            flatten(o->group, f);
        else if (f->n < sizeof f->opt / sizeof *f->opt)
            f->opt[f->n++] = o;
    }
}

/* The option a long name (or a prefix of one) means: exact names first, then
 * a prefix that only one option has. *ambiguous is set when several do. */
static const hs_opt *find_long(const flat *f, const char *name, size_t len, int *ambiguous) {
    const hs_opt *found = NULL;
    int count = 0;
    *ambiguous = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (strlen(f->opt[i]->name) == len && strncmp(f->opt[i]->name, name, len) == 0) return f->opt[i];
    }
    for (size_t i = 0; i < f->n; i++) {
        if (strncmp(f->opt[i]->name, name, len) == 0) {
            found = f->opt[i];
            count++;
        }
    }
    *ambiguous = count > 1;
    return count == 1 ? found : NULL;
}

static const hs_opt *find_short(const flat *f, char c) {
    for (size_t i = 0; i < f->n; i++) {
        if (f->opt[i]->alias == c) return f->opt[i];
    }
    return NULL;
}

static int takes_value(const hs_opt *o) { return o->type != HS_OPT_FLAG && o->type != HS_OPT_HELP; }

static void note_given(hs_cli_args *a, const hs_opt *o) {
    for (size_t i = 0; i < a->ngiven; i++) {
        if (a->given[i] == o) return;
    }
    if (a->ngiven < sizeof a->given / sizeof *a->given) a->given[a->ngiven++] = o;
}

int hs_cli_given(const hs_cli_args *a, const char *name) {
    for (size_t i = 0; i < a->ngiven; i++) {
        if (strcmp(a->given[i]->name, name) == 0) return 1;
    }
    return 0;
}

/* Store `text` as the value of option o: 0, or -1 with the reason in msg. */
static int set_value(hs_cli_args *a, const hs_opt *o, const char *text, char *msg, size_t size) {
    char *field = (char *)a + o->offset;
    note_given(a, o);
    switch (o->type) {
    case HS_OPT_FLAG: *(int *)field = 1; return 0;
    case HS_OPT_YEAR: return hs_opt_parse_year(o->name, text, (int *)field, msg, size);
    case HS_OPT_YEARS: return hs_opt_parse_years(o->name, text, o->max, (hs_cli_years *)field, msg, size);
    case HS_OPT_IDS: return hs_opt_parse_ids(o->name, text, (hs_cli_list *)field, msg, size);
    case HS_OPT_ID: {
        /* The blanks around an id are dropped where they are in argv (ids
         * never start or end with one): nothing to free. */
        size_t len = strlen(text);
        while (len && isspace((unsigned char)text[len - 1])) len--;
        while (len && isspace((unsigned char)*text)) text++, len--;
        if (!len) return reason(msg, size, "--%s needs an id", o->name);
        ((char *)text)[len] = '\0';
        *(const char **)field = text;
        return 0;
    }
    case HS_OPT_COUNT:
        if (parse_count(text, o->max, (unsigned long long *)field)) return 0;
        return reason(msg, size, "--%s '%s' is not a whole number in [0, %llu]", o->name, text, o->max);
    case HS_OPT_REAL:
        if (parse_real(text, o->min_real, o->max_real, (double *)field)) return 0;
        return reason(msg, size, "--%s '%s' is not a number in [%g, %g]", o->name, text, o->min_real, o->max_real);
    case HS_OPT_CHOICE: {
        for (int i = 0; o->choices[i]; i++) {
            if (strcmp(text, o->choices[i]) == 0) {
                *(int *)field = i;
                return 0;
            }
        }
        int len = snprintf(msg, size, "--%s '%s' is not one of ", o->name, text);
        for (int i = 0; o->choices[i] && len > 0 && (size_t)len < size; i++)
            len += snprintf(msg + len, size - (size_t)len, "%s%s", i ? ", " : "", o->choices[i]);
        return -1;
    }
    case HS_OPT_FILE:
        if (!text[0]) return reason(msg, size, "--%s needs a file name", o->name);
        *(const char **)field = text;
        return 0;
    case HS_OPT_TEXT: *(const char **)field = text; return 0;
    case HS_OPT_LENGTH: {
        /* The units are the library's (render.h), so that every front end
         * reads a length alike. */
        double pt;
        if (hs_render_parse_length(text, &pt) == HS_OK && pt >= o->min_real && pt <= o->max_real) {
            *(double *)field = pt;
            return 0;
        }
        return reason(msg, size,
                      "--%s '%s' is not a length from %gin to %gin: a number and a unit, in, cm, mm or pt (e.g. 6.5in)",
                      o->name, text, o->min_real / 72, o->max_real / 72);
    }
    case HS_OPT_GRID: {
        hs_cli_grid *g = (hs_cli_grid *)field;
        if (hs_render_parse_grid(text, &g->rows, &g->cols) == HS_OK) return 0;
        return reason(msg, size, "--%s '%s' is not ROWSxCOLUMNS, each from 1 to 64 (e.g. 2x3)", o->name, text);
    }
    case HS_OPT_EDIT: {
        hs_cli_edits *e = (hs_cli_edits *)field;
        if (!text[0]) return reason(msg, size, "--%s needs a value", o->name);
        hs_cli_edit *p = realloc(e->items, (e->count + 1) * sizeof *p);
        if (!p) return reason(msg, size, "out of memory");
        e->items = p;
        e->items[e->count++] = (hs_cli_edit){o->tag, text};
        return 0;
    }
    default: return reason(msg, size, "--%s: no value expected", o->name);
    }
}

void hs_cli_args_free(hs_cli_args *a) {
    free(a->operands);
    hs_cli_list_free(&a->focus);
    hs_cli_list_free(&a->measures);
    hs_cli_list_free(&a->types);
    hs_cli_list_free(&a->map);
    hs_cli_list_free(&a->hubs);
    free(a->years.years);
    free(a->layout_years.years);
    free(a->edits.items);
    memset(a, 0, sizeof *a);
}

/* What parse() found: go on, print the help, or stop on an error in msg. */
enum { PARSED, HELP, BAD };

/* The options of `table` and the operands in argv[first..argc-1], into a. */
static int parse(const hs_opt *table, int argc, char **argv, int first, hs_cli_args *a, char *msg, size_t size) {
    flat f = {.n = 0};
    flatten(table, &f);
    if (!a->operands && !(a->operands = calloc((size_t)argc + 1, sizeof *a->operands)))
        return reason(msg, size, "out of memory"), BAD;
    int options_done = 0;
    for (int i = first; i < argc; i++) {
        char *arg = argv[i];
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            a->operands[a->noperands++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        const hs_opt *o;
        const char *value = NULL;
        char shown[64];
        if (arg[1] == '-') {
            const char *name = arg + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            int ambiguous = 0;
            o = len ? find_long(&f, name, len, &ambiguous) : NULL;
            if (!o && ambiguous) {
                char list[256] = "";
                for (size_t k = 0, n = 0; k < f.n; k++) {
                    if (strncmp(f.opt[k]->name, name, len) == 0)
                        n += (size_t)snprintf(list + n, n < sizeof list ? sizeof list - n : 0, "%s--%s", n ? ", " : "",
                                              f.opt[k]->name);
                }
                return reason(msg, size, "option '--%.*s' is ambiguous (%s)", (int)len, name, list), BAD;
            }
            if (!o) return reason(msg, size, "unknown option '%.*s'", (int)(len + 2), arg), BAD;
            if (eq) value = eq + 1;
            snprintf(shown, sizeof shown, "--%s", o->name);
        } else {
            if (!(o = find_short(&f, arg[1]))) return reason(msg, size, "unknown option '-%c'", arg[1]), BAD;
            if (arg[2]) {
                if (!takes_value(o)) return reason(msg, size, "unknown option '%s'", arg), BAD;
                value = arg + 2;
            }
            snprintf(shown, sizeof shown, "-%c", o->alias);
        }
        if (o->type == HS_OPT_HELP) return HELP;
        if (!takes_value(o) && value) return reason(msg, size, "option '%s' takes no value", shown), BAD;
        if (takes_value(o) && !value) {
            if (i + 1 >= argc) return reason(msg, size, "option '%s' needs a value", shown), BAD;
            value = argv[++i];
        }
        if (set_value(a, o, value, msg, size)) return BAD;
    }
    return PARSED;
}

int hs_cli_parse(const hs_command *cmd, int argc, char **argv, hs_cli_args *a) {
    memset(a, 0, sizeof *a);
    a->command = cmd;
    char msg[512];
    int rc = parse(cmd->options, argc, argv, 1, a, msg, sizeof msg);
    if (rc == HELP) {
        hs_cli_print_help(stdout, cmd);
        return fflush(stdout) == 0 ? HS_EXIT_OK : HS_EXIT_FAILURE;
    }
    if (rc == BAD && strcmp(msg, "out of memory") == 0) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    if (rc == BAD) return hs_cli_usage_error(cmd->name, "%s", msg);
    if (a->noperands < cmd->min_operands) {
        const char *missing = "an argument";
        for (size_t k = 0; cmd->operand_names && cmd->operand_names[k]; k++) {
            missing = cmd->operand_names[k];
            if (k >= a->noperands) break;
        }
        return hs_cli_usage_error(cmd->name, "missing %s", missing);
    }
    if (a->noperands > cmd->max_operands)
        return hs_cli_usage_error(cmd->name, "unexpected argument '%s'", a->operands[cmd->max_operands]);
    return -1;
}

int hs_opt_parse_words(const hs_opt *table, int argc, char **argv, hs_cli_args *a, char *msg, size_t size) {
    int rc = parse(table, argc, argv, 0, a, msg, size);
    if (rc == HELP) return reason(msg, size, "--help has no place here");
    return rc == PARSED ? 0 : -1;
}

/* ---- help ----------------------------------------------------------------------- */

/* Words of `text` wrapped at 80 columns; the first line continues at column
 * `col`, the others start at `indent`. "\n" in text starts a new line. */
static void wrapped(FILE *out, const char *text, int col, int indent) {
    const int width = 80;
    int at_start = 1;
    while (*text) {
        if (*text == '\n') {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
            at_start = 1;
            text++;
            continue;
        }
        size_t word = strcspn(text, " \n");
        if (!at_start && col + 1 + (int)word > width) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
            at_start = 1;
        }
        if (!at_start) {
            fputc(' ', out);
            col++;
        }
        fwrite(text, 1, word, out);
        col += (int)word;
        at_start = 0;
        text += word;
        while (*text == ' ') text++;
    }
    fputc('\n', out);
}

void hs_cli_print_help(FILE *out, const hs_command *cmd) {
    fprintf(out, "NAME\n    hubspoke %s - %s\n\nSYNOPSIS\n", cmd->name, cmd->summary);
    for (const char *s = cmd->synopsis; *s;) {
        size_t len = strcspn(s, "\n");
        fprintf(out, "    hubspoke %s %.*s\n", cmd->name, (int)len, s);
        s += len + (s[len] == '\n');
    }
    fprintf(out, "\nDESCRIPTION\n%s\nOPTIONS\n", cmd->description);
    flat f = {.n = 0};
    flatten(cmd->options, &f);
    const int column = 24;
    for (size_t i = 0; i < f.n; i++) {
        const hs_opt *o = f.opt[i];
        char head[80];
        int len = snprintf(head, sizeof head, "    %s%s%s--%s%s%s", o->alias ? "-" : "",
                           o->alias ? (char[]){o->alias, 0} : "", o->alias ? ", " : "", o->name,
                           takes_value(o) ? " " : "", takes_value(o) ? o->value_name : "");
        fputs(head, out);
        if (len + 2 > column) {
            fprintf(out, "\n%*s", column, "");
        } else {
            fprintf(out, "%*s", column - len, "");
        }
        wrapped(out, o->help, column, column);
    }
    fputc('\n', out);
    fputs(cmd->more, out);
}
