/* hubspoke: the alliance-graph model.
 *
 * One model per input file: states and minilateral mechanisms (vertices),
 * ties between them (edges), each with the attributes of the schema in
 * docs/schema.md, plus every attribute the schema does not know, kept as text
 * so that `convert` writes it back out. A model covers all years; an
 * hs_view (view.h) is the graph active in one year.
 */
#ifndef HUBSPOKE_MODEL_H
#define HUBSPOKE_MODEL_H

#include <limits.h>
#include <stddef.h>

#include "hubspoke/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hs_model hs_model;

typedef enum hs_vertex_type { HS_VERTEX_STATE = 0, HS_VERTEX_MECHANISM = 1 } hs_vertex_type;

typedef enum hs_role {
    HS_ROLE_UNSET = -1,
    HS_ROLE_HUB = 0,
    HS_ROLE_ALLY,
    HS_ROLE_PARTNER,
    HS_ROLE_OTHER,
    HS_ROLE_COUNT
} hs_role;

/* The kinds of tie, deepest first (docs/codebook.md). HS_KIND_UNSET is a tie
 * whose file gives no kind (any plain DOT or GraphML edge). */
typedef enum hs_kind {
    HS_KIND_UNSET = -1,
    HS_KIND_TREATY = 0,
    HS_KIND_ACCESS,
    HS_KIND_INTELLIGENCE,
    HS_KIND_TECHNOLOGY,
    HS_KIND_EXERCISE,
    HS_KIND_PARTNERSHIP,
    HS_KIND_DIALOGUE,
    HS_KIND_MEMBER,
    HS_KIND_COUNT
} hs_kind;

typedef enum hs_scope { HS_SCOPE_UNSET = -1, HS_SCOPE_ISSUE = 0, HS_SCOPE_BROAD, HS_SCOPE_COUNT } hs_scope;

/* Open bounds of an activity span [since, until). */
#define HS_SINCE_OPEN INT_MIN
#define HS_UNTIL_OPEN INT_MAX
/* Years must lie in [HS_YEAR_FIRST, HS_YEAR_LAST]. */
#define HS_YEAR_FIRST (-9999)
#define HS_YEAR_LAST 9999

/* Names of enum values as used in files and output ("treaty", "ally", ...);
 * the *_parse functions return -1 (the UNSET value) for an unknown name. */
const char *hs_kind_name(hs_kind kind);      /* "unspecified" for HS_KIND_UNSET */
const char *hs_role_name(hs_role role);      /* "unset" for HS_ROLE_UNSET */
const char *hs_scope_name(hs_scope scope);   /* "unspecified" for HS_SCOPE_UNSET */
hs_kind hs_kind_parse(const char *name);
hs_role hs_role_parse(const char *name);
hs_scope hs_scope_parse(const char *name);

/* ---- reading and writing (io.c) ---------------------------------------- */

typedef enum hs_format { HS_FORMAT_UNKNOWN = 0, HS_FORMAT_DOT, HS_FORMAT_GRAPHML } hs_format;

/* The format a file name's extension implies: .gv/.dot -> DOT, .graphml/.xml
 * -> GraphML (case-insensitive); HS_FORMAT_UNKNOWN otherwise. */
hs_format hs_format_from_path(const char *path);
/* The format of content: GraphML if its first non-blank byte is '<'. */
hs_format hs_format_sniff(const char *data, size_t len);
const char *hs_format_name(hs_format format);

/* Read a model from `path` ("-" = standard input). `format` may be
 * HS_FORMAT_UNKNOWN: the extension decides, else the content. `display_name`
 * names the file in error messages (NULL = path, or "<stdin>").
 * DOT is read by running the hubspoke-dot helper (hs_dot_helper_path()).
 * On success *out owns a new model; free it with hs_model_destroy. */
hs_error hs_model_read_file(hs_model **out, const char *path, hs_format format,
                            const char *display_name);

/* Read a model from memory. */
hs_error hs_model_read_memory(hs_model **out, const char *data, size_t len, hs_format format,
                              const char *display_name);

/* Write a model to `path` ("-" = standard output). The file is written to a
 * temporary file beside it and renamed into place, so a failure never leaves
 * a half-written file. */
hs_error hs_model_write_file(const hs_model *model, const char *path, hs_format format);

/* Where the hubspoke-dot helper is looked for: the HUBSPOKE_DOT_HELPER
 * environment variable, else a path set with hs_dot_helper_set_path, else the
 * installed libexec path. The returned string is owned by the library. */
const char *hs_dot_helper_path(void);
/* Set the helper path (copied); NULL restores the default. */
hs_error hs_dot_helper_set_path(const char *path);

/* Load limits: a file with more vertices (states and mechanisms) or edges
 * (ties and memberships) than these is refused while it is read, before it
 * can take the machine's memory (docs/robustness.md gives the memory a model
 * of the default size takes). 0 = no limit. Process-wide, like the helper
 * path; the defaults hold until changed. */
#define HS_DEFAULT_MAX_STATES ((size_t)1000000)
#define HS_DEFAULT_MAX_TIES ((size_t)10000000)
void hs_set_load_limits(size_t max_states, size_t max_ties);
void hs_get_load_limits(size_t *max_states, size_t *max_ties);

/* Time limit of the hubspoke-dot helper, in seconds (0 = none): a helper
 * still running then is killed with its whole process group and the read
 * fails with HS_EHELPER. Default HS_DEFAULT_HELPER_TIMEOUT. */
#define HS_DEFAULT_HELPER_TIMEOUT 60
void hs_dot_helper_set_timeout(unsigned seconds);
unsigned hs_dot_helper_timeout(void);

/* ---- the model ------------------------------------------------------------ */

void hs_model_destroy(hs_model *model);

/* The name given in error messages for this model's file. */
const char *hs_model_file(const hs_model *model);
int hs_model_directed(const hs_model *model);
hs_format hs_model_format(const hs_model *model);   /* the format it was read from */
const char *hs_model_name(const hs_model *model);   /* graph name/id or NULL */
const char *hs_model_hub(const hs_model *model);    /* graph attribute `hub` or NULL */
const char *hs_model_period(const hs_model *model); /* graph attribute `period` or NULL */
/* The value of any graph attribute, by name: `hub` and `period` as above, any
 * other (for instance a dataset's `version` and `date`, docs/schema.md) as the
 * file gave it; NULL when the file does not set it. */
const char *hs_model_graph_attr(const hs_model *model, const char *name);

size_t hs_model_vertex_count(const hs_model *model);
size_t hs_model_edge_count(const hs_model *model);

/* Index of the vertex with this id, or -1. */
long hs_model_find(const hs_model *model, const char *id);

/* Vertex accessors; i < hs_model_vertex_count. Strings are owned by the model
 * and NULL when the attribute is absent. Weights are NaN when absent. */
const char *hs_vertex_id(const hs_model *model, size_t i);
const char *hs_vertex_label(const hs_model *model, size_t i);
hs_vertex_type hs_vertex_type_of(const hs_model *model, size_t i);
hs_role hs_vertex_role(const hs_model *model, size_t i);
int hs_vertex_since(const hs_model *model, size_t i);
int hs_vertex_until(const hs_model *model, size_t i);
hs_kind hs_vertex_kind(const hs_model *model, size_t i);
hs_scope hs_vertex_scope(const hs_model *model, size_t i);
const char *hs_vertex_issue(const hs_model *model, size_t i);
double hs_vertex_weight(const hs_model *model, size_t i);

/* Edge accessors; i < hs_model_edge_count. */
size_t hs_edge_from(const hs_model *model, size_t i);
size_t hs_edge_to(const hs_model *model, size_t i);
hs_kind hs_edge_kind(const hs_model *model, size_t i);
double hs_edge_weight(const hs_model *model, size_t i);
int hs_edge_since(const hs_model *model, size_t i);
int hs_edge_until(const hs_model *model, size_t i);
const char *hs_edge_source(const hs_model *model, size_t i);
const char *hs_edge_label(const hs_model *model, size_t i);

/* ---- building a model (model_build.c) -------------------------------------
 *
 * For importers and programs that make a model rather than read one. Every
 * setter checks its value exactly as the readers check a file's attribute
 * (docs/schema.md) and fails with HS_EINPUT and the readers' message, naming
 * the element and, when the caller gave one, its `line` in the source the
 * element comes from ("ORIGIN:LINE: node 'X': reason"). Checks that need the
 * whole model (spans, member edges, the hub) run in hs_model_check, which must
 * be called once the model is complete and before it is viewed or written.
 * A model that failed a setter or the check is still a valid object to destroy.
 */

/* A new empty model. `directed` as in docs/schema.md, "Direction"; `origin`
 * names the source in error messages and is what hs_model_file returns
 * (copied; NULL = "<built>"); hs_model_format gives HS_FORMAT_UNKNOWN. On success
 * *out owns the model: free it with hs_model_destroy. */
hs_error hs_model_create(hs_model **out, int directed, const char *origin);

/* Add a state with this id (copied); *index (may be NULL) receives its index.
 * An id already present is an error. `line` is 0 when unknown. */
hs_error hs_model_append_vertex(hs_model *model, const char *id, int line, size_t *index);
/* Add an edge between two existing vertices (untyped until a kind is set). */
hs_error hs_model_append_edge(hs_model *model, size_t from, size_t to, int line, size_t *index);

/* Set an attribute from its text, as a file would hold it: a schema attribute
 * (label, type, role, since, until, kind, scope, issue, weight on vertices;
 * kind, weight, since, until, source, label on edges; hub, period on the graph)
 * is parsed and checked, any other name is kept as an extra attribute (a
 * string, written back by the writers). Both strings are copied; an empty
 * value means absent, as in files. */
hs_error hs_vertex_set_attr(hs_model *model, size_t i, const char *name, const char *value);
hs_error hs_edge_set_attr(hs_model *model, size_t i, const char *name, const char *value);
hs_error hs_model_set_graph_attr(hs_model *model, const char *name, const char *value);

/* Typed forms of the same setters. A span bound equal to HS_SINCE_OPEN or
 * HS_UNTIL_OPEN leaves that bound as it is (open unless set before). */
hs_error hs_vertex_set_type(hs_model *model, size_t i, hs_vertex_type type);
hs_error hs_vertex_set_span(hs_model *model, size_t i, int since, int until);
hs_error hs_vertex_set_kind(hs_model *model, size_t i, hs_kind kind);
hs_error hs_vertex_set_scope(hs_model *model, size_t i, hs_scope scope);
hs_error hs_edge_set_kind(hs_model *model, size_t i, hs_kind kind);
hs_error hs_edge_set_span(hs_model *model, size_t i, int since, int until);

/* The whole-model checks the readers run at the end of a file. */
hs_error hs_model_check(hs_model *model);

/* Is an element with span [since, until) active in `year`? */
static inline int hs_span_active(int since, int until, int year) {
    return since <= year && year < until;
}

#ifdef __cplusplus
}
#endif
#endif
