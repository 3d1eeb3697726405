/** @file
 * Alliance graphs as CSV edge lists, the tables users keep in spreadsheets.
 *
 * An edge list is up to four CSV files (RFC 4180, a header row): the ties
 * (EDGES.csv: source, target, kind, since, until, weight, citation, label,
 * id), the vertices (NODES.csv: id and the schema's vertex attributes), the
 * memberships of mechanisms (MEMBERS.csv: mechanism, state, since, until,
 * weight, citation, label) and the graph's own attributes (GRAPH.csv:
 * attribute, value). Columns are named by the schema's attributes
 * (docs/schema.md); headers match whatever their case, `from`/`to` (and
 * `tail`/`head`) name a tie's ends, `node` a vertex's id, `member` a
 * mechanism's state; every other column is kept as an extra attribute. The
 * schema's `source` of a tie (a citation) is the column `citation`, since
 * `source` names a tie's first end, as in every edge-list format.
 * docs/import.md, "Edge lists", is the full reference.
 *
 * hs_edgelist_read() builds a model with every check of a file read
 * (check.h), each error naming its CSV file and row line;
 * hs_edgelist_write() writes the same columns, so that a graph goes through
 * CSV and back unchanged.
 */
#ifndef HUBSPOKE_EDGELIST_H
#define HUBSPOKE_EDGELIST_H

#include "hubspoke/check.h"
#include "hubspoke/error.h"
#include "hubspoke/export.h"
#include "hubspoke/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The files of an edge list; NULL for the optional ones not used. */
typedef struct hs_edgelist_files {
    const char *edges;      /**< EDGES.csv: required */
    const char *nodes;      /**< NODES.csv: the vertices and their attributes */
    const char *mechanisms; /**< MEMBERS.csv: memberships of mechanisms */
    const char *graph;      /**< GRAPH.csv: directed, name, hub, period, other graph attributes */
} hs_edgelist_files;

/** How an edge list is read. */
typedef struct hs_edgelist_options {
    hs_edgelist_files files; /**< the tables to read */
    /** 1: a digraph, 0: undirected, -1 (the default): as GRAPH.csv says, else undirected */
    int directed;
    /** the graph attribute hub, overriding GRAPH.csv's; NULL: GRAPH.csv's, if any */
    const char *hub;
} hs_edgelist_options;

/** No files, direction from GRAPH.csv, no hub. */
HS_API void hs_edgelist_options_init(hs_edgelist_options *options);

/** Read an edge list into a new model, with the checks of a file read: every
 * error is collected into `diagnostics` (each naming its CSV file and the
 * row's line), then the warnings. Returns ::HS_OK when there is no error
 * (*out owns the model: free it with hs_model_destroy()); ::HS_EINPUT when
 * there are errors (listed; a file that cannot be opened is one, as for the
 * other readers), ::HS_EARG for options that name no edges file, another
 * code (::HS_EIO, ::HS_ENOMEM) when reading fails part way. *out is NULL on
 * failure. */
HS_API hs_error hs_edgelist_read(const hs_edgelist_options *options, hs_diagnostics *diagnostics, hs_model **out);

/** Write `model` as an edge list to the files named (EDGES.csv required),
 * each atomically. Without `mechanisms`, memberships are rows of EDGES.csv
 * with kind=member; without `nodes` or `graph`, what only they can hold is
 * left out, and each thing left out is a warning in `diagnostics` (code
 * "not-exported"; may be NULL). Errors: ::HS_EARG for an extra attribute
 * whose name is a column of the format (an edge attribute `citation`), or
 * two files that are one; ::HS_EIO when a file cannot be written (files
 * written before it stay written). */
HS_API hs_error hs_edgelist_write(const hs_model *model, const hs_edgelist_files *files, hs_diagnostics *diagnostics);

#ifdef __cplusplus
}
#endif
#endif
