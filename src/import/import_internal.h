/* The importers' shared parts (not installed). */
#ifndef HS_IMPORT_INTERNAL_H
#define HS_IMPORT_INTERNAL_H

#include <stddef.h>

#include "hubspoke/error.h"

/* A whole CSV file (RFC 4180, parsed by libcsv): a header and rows of the
 * same width, each row with the line it starts on. */
typedef struct hs_csv {
    char *file;    /* name in messages */
    size_t ncols;
    char **header; /* ncols names */
    size_t nrows;
    char **cells;  /* nrows * ncols strings */
    int *lines;    /* nrows line numbers (the header is line 1 or later) */
    int header_line;
} hs_csv;

hs_error hs_csv_read(hs_csv *csv, const char *path, const char *display);
void hs_csv_destroy(hs_csv *csv);
/* Column of this name (case-insensitive, surrounding blanks ignored), or -1. */
long hs_csv_column(const hs_csv *csv, const char *name);
static inline const char *hs_csv_cell(const hs_csv *csv, size_t row, long col) {
    return csv->cells[row * csv->ncols + (size_t)col];
}

/* An integer cell. Empty, "." and "NA" are missing: *present = 0 (when
 * present is NULL a missing value is an error). Errors name the line and
 * the column. */
hs_error hs_csv_int(const hs_csv *csv, size_t row, long col, long *value, int *present);



/* Is `code` an ISO-3 code hs_cow_iso3 gives to some state? (A COW id kept
 * under --ids iso3 must not be taken for one: COW's CZE is Czechoslovakia.) */
int hs_iso3_in_table(const char *code);
#endif
