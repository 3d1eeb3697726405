/* Whole CSV files through libcsv (Debian's libcsv-dev, RFC 4180). */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/internal.h"
#include "import/import_internal.h"
#include "io/io_internal.h"

typedef struct reader {
    hs_csv *csv;
    char **fields; /* the record being read */
    size_t nfields, cap;
    size_t rows_cap;
    int line;        /* line the parser is on */
    int record_line; /* line the current record started on */
    hs_error err;
} reader;

static void drop_fields(reader *r) {
    for (size_t i = 0; i < r->nfields; i++) free(r->fields[i]);
    r->nfields = 0;
}

static void on_field(void *data, size_t len, void *ctx) {
    reader *r = ctx;
    if (r->err) return;
    if (r->nfields == 0) r->record_line = r->line;
    if (r->nfields == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        char **f = hs_realloc(r->fields, cap * sizeof *f);
        if (!f) {
            r->err = HS_ENOMEM;
            return;
        }
        r->fields = f;
        r->cap = cap;
    }
    char *s = hs_strndup(data ? data : "", data ? len : 0);
    if (!s) {
        r->err = HS_ENOMEM;
        return;
    }
    r->fields[r->nfields++] = s;
}

static hs_error grow_rows(reader *r) {
    hs_csv *c = r->csv;
    if (c->nrows < r->rows_cap) return HS_OK;
    size_t cap = r->rows_cap ? r->rows_cap * 2 : 64;
    char **cells = hs_realloc(c->cells, cap * c->ncols * sizeof *cells);
    if (!cells) return HS_ENOMEM;
    c->cells = cells;
    int *lines = hs_realloc(c->lines, cap * sizeof *lines);
    if (!lines) return HS_ENOMEM;
    c->lines = lines;
    r->rows_cap = cap;
    return HS_OK;
}

static void on_record(int term, void *ctx) {
    (void)term;
    reader *r = ctx;
    hs_csv *c = r->csv;
    if (r->err) return;
    if (!c->header) {
        c->header = r->fields;
        c->ncols = r->nfields;
        c->header_line = r->record_line;
        r->fields = NULL;
        r->nfields = r->cap = 0;
        return;
    }
    /* A line of nothing but separators is no record (spreadsheets write them). */
    int blank = 1;
    for (size_t i = 0; i < r->nfields && blank; i++) blank = r->fields[i][0] == '\0';
    if (blank) {
        drop_fields(r);
        return;
    }
    if (r->nfields != c->ncols) {
        r->err = hs_error_set(HS_EINPUT, "%s:%d: %zu fields, but the header has %zu", c->file, r->record_line,
                              r->nfields, c->ncols);
        drop_fields(r);
        return;
    }
    if ((r->err = grow_rows(r))) {
        drop_fields(r);
        return;
    }
    memcpy(c->cells + c->nrows * c->ncols, r->fields, c->ncols * sizeof *r->fields);
    c->lines[c->nrows++] = r->record_line;
    r->nfields = 0;
}

static hs_error parse_error(struct csv_parser *p, const char *display, int line) {
    int code = csv_error(p);
    if (code == CSV_EPARSE)
        return hs_error_set(HS_EINPUT, "%s:%d: malformed CSV: a quote inside an unquoted field, text after a closing "
                            "quote, or a quoted field never closed (RFC 4180)", display, line);
    return hs_error_set(code == CSV_ENOMEM ? HS_ENOMEM : HS_EINPUT, "%s:%d: %s", display, line, csv_strerror(code));
}

hs_error hs_csv_read(hs_csv *csv, const char *path, const char *display) {
    memset(csv, 0, sizeof *csv);
    if (!display) display = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (!(csv->file = hs_strdup(display))) return HS_ENOMEM;
    char *data = NULL;
    size_t len = 0;
    hs_error err = hs_file_read_all(path, display, &data, &len);
    if (err) {
        hs_csv_destroy(csv);
        return err;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        free(data);
        hs_csv_destroy(csv);
        return hs_error_set(HS_ENOMEM, "%s: cannot start the CSV parser", display);
    }
    reader r = {.csv = csv, .line = 1, .record_line = 1};
    /* A UTF-8 byte order mark (Excel writes one) is not part of the first name. */
    size_t start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    /* Fed one line at a time so that each record knows the line it starts on. */
    for (size_t i = start; i < len && !r.err;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (data + i)) + 1 : len - i;
        if (csv_parse(&p, data + i, n, on_field, on_record, &r) != n && !r.err)
            r.err = parse_error(&p, display, r.line);
        i += n;
        if (nl) r.line++;
    }
    if (!r.err && csv_fini(&p, on_field, on_record, &r) != 0 && !r.err)
        r.err = parse_error(&p, display, r.line);
    csv_free(&p);
    drop_fields(&r);
    free(r.fields);
    free(data);
    if (!r.err && !csv->header) r.err = hs_error_set(HS_EINPUT, "%s: empty file (no header line)", display);
    if (r.err) hs_csv_destroy(csv);
    return r.err;
}

void hs_csv_destroy(hs_csv *csv) {
    for (size_t i = 0; i < csv->nrows * csv->ncols; i++) free(csv->cells[i]);
    if (csv->header) {
        for (size_t i = 0; i < csv->ncols; i++) free(csv->header[i]);
    }
    free(csv->header);
    free(csv->cells);
    free(csv->lines);
    free(csv->file);
    memset(csv, 0, sizeof *csv);
}

/* The text between leading and trailing blanks: [*b, *e). */
static void trim(const char *s, const char **b, const char **e) {
    while (isspace((unsigned char)*s)) s++;
    const char *t = s + strlen(s);
    while (t > s && isspace((unsigned char)t[-1])) t--;
    *b = s;
    *e = t;
}

long hs_csv_column(const hs_csv *csv, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 0; i < csv->ncols; i++) {
        const char *b, *e;
        trim(csv->header[i], &b, &e);
        if ((size_t)(e - b) == n && strncasecmp(b, name, n) == 0) return (long)i;
    }
    return -1;
}

hs_error hs_csv_int(const hs_csv *csv, size_t row, long col, long *value, int *present) {
    const char *text = hs_csv_cell(csv, row, col), *b, *e;
    trim(text, &b, &e);
    size_t n = (size_t)(e - b);
    if (n == 0 || (n == 1 && *b == '.') || (n == 2 && strncasecmp(b, "NA", 2) == 0)) {
        if (present) {
            *present = 0;
            return HS_OK;
        }
        return hs_error_set(HS_EINPUT, "%s:%d: column '%s' is empty", csv->file, csv->lines[row],
                            csv->header[col]);
    }
    char buf[32];
    char *end = NULL;
    long v = 0;
    if (n < sizeof buf) {
        memcpy(buf, b, n);
        buf[n] = '\0';
        errno = 0;
        v = strtol(buf, &end, 10);
        /* Stata exports write whole numbers as "1949.0". */
        if (end != buf && *end == '.') {
            char *z = end + 1;
            while (*z == '0') z++;
            if (*z == '\0') end = z;
        }
    }
    if (n >= sizeof buf || end == buf || *end != '\0' || errno == ERANGE)
        return hs_error_set(HS_EINPUT, "%s:%d: column '%s': '%s' is not a whole number", csv->file,
                            csv->lines[row], csv->header[col], text);
    *value = v;
    if (present) *present = 1;
    return HS_OK;
}
