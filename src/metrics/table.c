/* Tables of results (table.h): columns of doubles or strings, grown a row at
 * a time by the producers of panel.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "metrics/metrics_internal.h"

typedef struct column {
    char *name;
    hs_value_type type;
    long measure;
    double *numbers; /* numeric types */
    char **texts;    /* text and list types */
} column;

struct hs_table {
    column *cols;
    size_t ncols, nrows, cap_rows;
};

static int numeric(hs_value_type type) { return type != HS_VALUE_TEXT && type != HS_VALUE_LIST; }

const char *hs_value_type_name(hs_value_type type) {
    static const char *const names[] = {"real", "integer", "flag", "text", "list"};
    return (unsigned)type < sizeof names / sizeof *names ? names[type] : "unknown";
}

hs_error hs_table_alloc(hs_table **out) {
    *out = hs_calloc(1, sizeof **out);
    return *out ? HS_OK : HS_ENOMEM;
}

void hs_table_destroy(hs_table *t) {
    if (!t) return;
    for (size_t c = 0; c < t->ncols; c++) {
        for (size_t r = 0; t->cols[c].texts && r < t->nrows; r++) free(t->cols[c].texts[r]);
        free(t->cols[c].texts);
        free(t->cols[c].numbers);
        free(t->cols[c].name);
    }
    free(t->cols);
    free(t);
}

hs_error hs_table_add_column(hs_table *t, const char *name, hs_value_type type, long measure) {
    column *p = hs_realloc(t->cols, (t->ncols + 1) * sizeof *p);
    if (!p) return HS_ENOMEM;
    t->cols = p;
    column *c = &t->cols[t->ncols];
    memset(c, 0, sizeof *c);
    c->type = type;
    c->measure = measure;
    if (!(c->name = hs_strdup(name))) return HS_ENOMEM;
    /* Columns are added before the first row: nothing to fill. */
    if (t->cap_rows) {
        if (numeric(type) ? !(c->numbers = hs_malloc(t->cap_rows * sizeof *c->numbers))
                          : !(c->texts = hs_calloc(t->cap_rows, sizeof *c->texts))) {
            free(c->name);
            return HS_ENOMEM;
        }
        for (size_t r = 0; numeric(type) && r < t->nrows; r++) c->numbers[r] = NAN;
    }
    t->ncols++;
    return HS_OK;
}

hs_error hs_table_add_row(hs_table *t, size_t *row) {
    if (t->nrows == t->cap_rows) {
        size_t cap = t->cap_rows ? 2 * t->cap_rows : 16;
        for (size_t c = 0; c < t->ncols; c++) {
            column *col = &t->cols[c];
            if (numeric(col->type)) {
                double *p = hs_realloc(col->numbers, cap * sizeof *p);
                if (!p) return HS_ENOMEM;
                col->numbers = p;
            } else {
                char **p = hs_realloc(col->texts, cap * sizeof *p);
                if (!p) return HS_ENOMEM;
                col->texts = p;
            }
        }
        t->cap_rows = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        if (numeric(t->cols[c].type))
            t->cols[c].numbers[t->nrows] = NAN;
        else
            t->cols[c].texts[t->nrows] = NULL;
    }
    *row = t->nrows++;
    return HS_OK;
}

void hs_table_set_number(hs_table *t, size_t row, size_t col, double x) {
    if (numeric(t->cols[col].type)) t->cols[col].numbers[row] = x;
}

void hs_table_take_text(hs_table *t, size_t row, size_t col, char *text) {
    if (numeric(t->cols[col].type)) {
        free(text);
        return;
    }
    free(t->cols[col].texts[row]);
    t->cols[col].texts[row] = text;
}

hs_error hs_table_set_text(hs_table *t, size_t row, size_t col, const char *text) {
    char *copy = NULL;
    if (text && !(copy = hs_strdup(text))) return HS_ENOMEM;
    hs_table_take_text(t, row, col, copy);
    return HS_OK;
}

size_t hs_table_row_count(const hs_table *t) { return t->nrows; }
size_t hs_table_column_count(const hs_table *t) { return t->ncols; }
const char *hs_table_column_name(const hs_table *t, size_t col) { return t->cols[col].name; }
hs_value_type hs_table_column_type(const hs_table *t, size_t col) { return t->cols[col].type; }
long hs_table_column_measure(const hs_table *t, size_t col) { return t->cols[col].measure; }

long hs_table_find_column(const hs_table *t, const char *name) {
    for (size_t c = 0; c < t->ncols; c++) {
        if (strcmp(t->cols[c].name, name) == 0) return (long)c;
    }
    return -1;
}

double hs_table_number(const hs_table *t, size_t row, size_t col) {
    return numeric(t->cols[col].type) ? t->cols[col].numbers[row] : NAN;
}

const double *hs_table_numbers(const hs_table *t, size_t col) {
    static const double none[1] = {NAN};
    if (!numeric(t->cols[col].type)) return NULL;
    return t->cols[col].numbers ? t->cols[col].numbers : none;
}

const char *hs_table_text(const hs_table *t, size_t row, size_t col) {
    return numeric(t->cols[col].type) ? NULL : t->cols[col].texts[row];
}

hs_error hs_table_difference(const hs_table *before, const hs_table *after, hs_table **out) {
    if (!before || !after || !out) return hs_error_set(HS_EARG, "hs_table_difference: a NULL argument");
    int same = before->ncols == after->ncols && before->nrows == after->nrows;
    for (size_t c = 0; same && c < after->ncols; c++)
        same = before->cols[c].type == after->cols[c].type && strcmp(before->cols[c].name, after->cols[c].name) == 0;
    if (!same) return hs_error_set(HS_EARG, "hs_table_difference: the tables have different columns or rows");
    hs_table *t;
    hs_error err = hs_table_alloc(&t);
    for (size_t c = 0; !err && c < after->ncols; c++)
        err = hs_table_add_column(t, after->cols[c].name, after->cols[c].type, after->cols[c].measure);
    for (size_t r = 0; !err && r < after->nrows; r++) {
        size_t row;
        if ((err = hs_table_add_row(t, &row))) break;
        for (size_t c = 0; !err && c < after->ncols; c++) {
            const column *b = &before->cols[c], *a = &after->cols[c];
            int key = a->measure < 0;
            if (key && numeric(a->type))
                hs_table_set_number(t, row, c, a->numbers[r]);
            else if (key)
                err = hs_table_set_text(t, row, c, a->texts[r]);
            else if (a->type == HS_VALUE_REAL || a->type == HS_VALUE_INTEGER)
                hs_table_set_number(t, row, c, a->numbers[r] - b->numbers[r]);
        }
    }
    if (err) {
        hs_table_destroy(t);
        return err;
    }
    *out = t;
    return HS_OK;
}
