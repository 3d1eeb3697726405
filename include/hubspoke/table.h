/** @file
 * Tables of results: rows by typed, named columns, with missing values.
 *
 * The measures of a year or of a panel of years come out of the library as an
 * ::hs_table (hs_metrics_table(), metrics.h), and every program built on it
 * writes them from there: the hubspoke CLI as text, CSV and JSON, the Python
 * and R packages as data frames. A table is read-only once made.
 *
 * Each column has a name (the CSV header and JSON key), a ::hs_value_type and,
 * when it holds a measure, the measure's index in the registry
 * (hs_measure_get()). Key columns (year, hub, name, role) have no measure.
 * Numbers are doubles, also for whole numbers and flags, so that a numeric
 * column is one array (hs_table_numbers()). A missing value -- a measure
 * undefined for the row (no hub, no allies, a share of nothing) -- is NaN in
 * a numeric column and NULL in a text or list column.
 */
#ifndef HUBSPOKE_TABLE_H
#define HUBSPOKE_TABLE_H

#include <stddef.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a column holds. */
typedef enum hs_value_type {
    HS_VALUE_REAL = 0, /**< a real number (NaN: missing) */
    HS_VALUE_INTEGER,  /**< a whole number, stored as a double (NaN: missing) */
    HS_VALUE_FLAG,     /**< 1 (true) or 0 (false), stored as a double (NaN: missing) */
    HS_VALUE_TEXT,     /**< a string (NULL: missing) */
    HS_VALUE_LIST      /**< a list, as the text of a JSON array (NULL: missing); its items are
                            documented with the measure: state ids, pairs or sets of ids, objects */
} hs_value_type;

/** "real", "integer", "flag", "text" or "list". Static string. */
HS_API const char *hs_value_type_name(hs_value_type type);

/** A table of results (opaque). Made by the library (hs_metrics_table(),
 * hs_metrics_table_models()), freed by hs_table_destroy(). */
typedef struct hs_table hs_table;

/** Free a table (NULL is allowed). */
HS_API void hs_table_destroy(hs_table *table);

/** The number of rows. */
HS_API size_t hs_table_row_count(const hs_table *table);
/** The number of columns. */
HS_API size_t hs_table_column_count(const hs_table *table);
/** Column col's name (owned by the table). */
HS_API const char *hs_table_column_name(const hs_table *table, size_t col);
/** Column col's type. */
HS_API hs_value_type hs_table_column_type(const hs_table *table, size_t col);
/** The registry index of the measure column col holds (hs_measure_get()), or
 * -1 for a key column. */
HS_API long hs_table_column_measure(const hs_table *table, size_t col);
/** The index of the column with this name, or -1. */
HS_API long hs_table_find_column(const hs_table *table, const char *name);

/** The value in a numeric column (real, integer, flag); NaN when missing,
 * and for a text or list column. */
HS_API double hs_table_number(const hs_table *table, size_t row, size_t col);
/** The whole of a numeric column, hs_table_row_count() values owned by the
 * table; NULL for a text or list column. */
HS_API const double *hs_table_numbers(const hs_table *table, size_t col);
/** The value in a text or list column (owned by the table); NULL when
 * missing, and for a numeric column. */
HS_API const char *hs_table_text(const hs_table *table, size_t row, size_t col);

/** The change from `before` to `after`, two tables of the same columns and
 * rows (the same measures of a system before and after an edit, or of two
 * years): every real and integer measure column holds after - before, the
 * one sign convention of hubspoke (docs/cli.md, "Changes": a fall is
 * negative), missing when either value is; flag, text and list measure
 * columns are missing; key columns are copied from `after`. ::HS_EARG when
 * the tables' shapes differ. On success *out is the caller's: free it with
 * hs_table_destroy(). */
HS_API hs_error hs_table_difference(const hs_table *before, const hs_table *after, hs_table **out);

#ifdef __cplusplus
}
#endif
#endif
