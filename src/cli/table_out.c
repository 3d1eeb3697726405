/* Writing the library's tables (table.h) as text, CSV and JSON: one place for
 * how a value of each type looks in each format (docs/cli.md, "Values in the
 * outputs"). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

json_t *hs_cli_cell_json(const hs_table *t, size_t row, size_t col) {
    double x = hs_table_number(t, row, col);
    const char *text = hs_table_text(t, row, col);
    switch (hs_table_column_type(t, col)) {
    case HS_VALUE_REAL: return hs_json_number(x);
    case HS_VALUE_INTEGER: return isfinite(x) ? json_integer((json_int_t)x) : json_null();
    case HS_VALUE_FLAG: return isfinite(x) ? json_boolean(x != 0) : json_null();
    case HS_VALUE_TEXT: return text ? json_string(text) : json_null();
    case HS_VALUE_LIST: {
        json_t *list = text ? json_loads(text, JSON_DECODE_ANY, NULL) : NULL;
        return list ? list : json_null();
    }
    }
    return json_null();
}

void hs_cli_cell_csv(FILE *out, const hs_table *t, size_t row, size_t col) {
    double x = hs_table_number(t, row, col);
    const char *text = hs_table_text(t, row, col);
    switch (hs_table_column_type(t, col)) {
    case HS_VALUE_REAL: hs_cli_csv_number(out, x); break;
    case HS_VALUE_INTEGER:
        if (isfinite(x)) fprintf(out, "%lld", (long long)x);
        break;
    case HS_VALUE_FLAG:
        if (isfinite(x)) fputs(x != 0 ? "true" : "false", out);
        break;
    case HS_VALUE_TEXT:
    case HS_VALUE_LIST:
        if (text) hs_cli_csv_field(out, text);
        break;
    }
}

void hs_cli_cell_text(FILE *out, const hs_table *t, size_t row, size_t col, int width) {
    double x = hs_table_number(t, row, col);
    const char *text = hs_table_text(t, row, col);
    hs_value_type type = hs_table_column_type(t, col);
    int numeric = type != HS_VALUE_TEXT && type != HS_VALUE_LIST;
    if (numeric ? !isfinite(x) : !text)
        fprintf(out, "%*s", width, "n/a");
    else if (type == HS_VALUE_REAL)
        fprintf(out, "%*.4f", width, x);
    else if (type == HS_VALUE_INTEGER)
        fprintf(out, "%*lld", width, (long long)x);
    else if (type == HS_VALUE_FLAG)
        fprintf(out, "%*s", width, x != 0 ? "true" : "false");
    else
        fprintf(out, "%*s", width, text);
}

void hs_cli_table_csv(FILE *out, const hs_table *t, const hs_cli_keys *keys) {
    size_t ncols = hs_table_column_count(t);
    for (size_t k = 0; keys && k < keys->count; k++) fprintf(out, "%s,", keys->names[k]);
    for (size_t c = 0; c < ncols; c++) fprintf(out, "%s%s", c ? "," : "", hs_table_column_name(t, c));
    fputs("\r\n", out);
    for (size_t r = 0; r < hs_table_row_count(t); r++) {
        for (size_t k = 0; keys && k < keys->count; k++) {
            hs_cli_csv_field(out, keys->values[r * keys->count + k]);
            fputc(',', out);
        }
        for (size_t c = 0; c < ncols; c++) {
            if (c) fputc(',', out);
            hs_cli_cell_csv(out, t, r, c);
        }
        fputs("\r\n", out);
    }
}

json_t *hs_cli_row_json(const hs_table *t, size_t row, const hs_cli_keys *keys, size_t first_col) {
    json_t *o = json_object();
    for (size_t k = 0; keys && k < keys->count; k++)
        json_object_set_new(o, keys->names[k], json_string(keys->values[row * keys->count + k]));
    for (size_t c = first_col; c < hs_table_column_count(t); c++)
        json_object_set_new(o, hs_table_column_name(t, c), hs_cli_cell_json(t, row, c));
    return o;
}

hs_error hs_cli_table_json(const hs_table *t, const hs_cli_keys *keys) {
    json_t *root = json_array();
    for (size_t r = 0; root && r < hs_table_row_count(t); r++)
        json_array_append_new(root, hs_cli_row_json(t, r, keys, 0));
    hs_error err = root ? hs_cli_print_json(root) : hs_error_set(HS_ENOMEM, "out of memory");
    json_decref(root);
    return err;
}

hs_error hs_cli_print_table(const hs_cli_args *args, const hs_table *t, const char *title, size_t first_col) {
    if (args->format == HS_OUT_JSON) return hs_cli_table_json(t, NULL);
    if (args->format == HS_OUT_CSV) {
        hs_cli_table_csv(stdout, t, NULL);
    } else {
        printf("%s\n", title);
        hs_cli_table_text(stdout, t, first_col);
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? HS_OK
                                                  : hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
}

/* A column's width in a text table: its name, at least 7. */
static int width_of(const char *name) { return strlen(name) > 7 ? (int)strlen(name) : 7; }

void hs_cli_table_text(FILE *out, const hs_table *t, size_t first_col) {
    size_t ncols = hs_table_column_count(t);
    int *w = calloc(ncols ? ncols : 1, sizeof *w);
    if (!w) return;
    for (size_t c = 0; c < ncols; c++) {
        w[c] = width_of(hs_table_column_name(t, c));
        if (hs_table_column_type(t, c) != HS_VALUE_TEXT) continue;
        for (size_t r = 0; r < hs_table_row_count(t); r++) {
            const char *s = hs_table_text(t, r, c);
            if (s && (int)strlen(s) > w[c]) w[c] = (int)strlen(s);
        }
    }
    for (size_t c = first_col; c < ncols; c++) {
        int left = hs_table_column_type(t, c) == HS_VALUE_TEXT || hs_table_column_type(t, c) == HS_VALUE_LIST;
        fprintf(out, "%s%*s", c > first_col ? " " : "  ", left ? -w[c] : w[c], hs_table_column_name(t, c));
    }
    fputc('\n', out);
    for (size_t r = 0; r < hs_table_row_count(t); r++) {
        for (size_t c = first_col; c < ncols; c++) {
            int left = hs_table_column_type(t, c) == HS_VALUE_TEXT || hs_table_column_type(t, c) == HS_VALUE_LIST;
            fputs(c > first_col ? " " : "  ", out);
            hs_cli_cell_text(out, t, r, c, left ? -w[c] : w[c]);
        }
        fputc('\n', out);
    }
    free(w);
}
