/** @file
 * The alliance-graph model: reading, writing, building and inspecting it.
 *
 * One model per input file: states and minilateral mechanisms (vertices),
 * ties between them (edges), each with the attributes of the schema in
 * docs/schema.md, plus every attribute the schema does not know, kept as text
 * so that `convert` writes it back out. A model covers all years; an
 * ::hs_view (view.h) is the graph active in one year.
 *
 * Vertices and edges are numbered from 0 in file order. Every string an
 * accessor returns belongs to the model and stays valid until
 * hs_model_destroy(); NULL means the attribute is absent.
 */
#ifndef HUBSPOKE_MODEL_H
#define HUBSPOKE_MODEL_H

#include <limits.h>
#include <stddef.h>

#include "hubspoke/error.h"
#include "hubspoke/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An alliance graph read from a file or built by a program (opaque).
 * Created by hs_model_read_file(), hs_model_read_memory(), hs_model_new() or
 * hs_import_file(); freed by hs_model_destroy(). */
typedef struct hs_model hs_model;

/** What a vertex stands for (schema attribute `type`). */
typedef enum hs_vertex_type {
    HS_VERTEX_STATE = 0,    /**< a state */
    HS_VERTEX_MECHANISM = 1 /**< a minilateral mechanism; its members are joined to it by member edges */
} hs_vertex_type;

/** A state's place in the alliance system (docs/schema.md, "Roles"). */
typedef enum hs_role {
    HS_ROLE_UNSET = -1, /**< not given by the file: inferred by a view */
    HS_ROLE_HUB = 0,    /**< the hub */
    HS_ROLE_ALLY,       /**< a state with an active treaty with the hub: with the hub, the system */
    HS_ROLE_PARTNER,    /**< any other state tied to the hub or an ally, or sharing a mechanism with them */
    HS_ROLE_OTHER,      /**< any other state */
    HS_ROLE_COUNT       /**< the number of roles */
} hs_role;

/** The kinds of tie, deepest first (docs/codebook.md). */
typedef enum hs_kind {
    HS_KIND_UNSET = -1,   /**< a tie whose file gives no kind (any plain DOT or GraphML edge) */
    HS_KIND_TREATY = 0,   /**< a mutual-defence treaty */
    HS_KIND_ACCESS,       /**< status-of-forces, basing, access and logistics agreements */
    HS_KIND_INTELLIGENCE, /**< intelligence sharing */
    HS_KIND_TECHNOLOGY,   /**< defence-technology and industrial cooperation */
    HS_KIND_EXERCISE,     /**< regular joint exercises */
    HS_KIND_PARTNERSHIP,  /**< a strategic or security partnership */
    HS_KIND_DIALOGUE,     /**< consultations and 2+2 meetings */
    HS_KIND_MEMBER,       /**< membership of a mechanism (state -> mechanism) */
    HS_KIND_COUNT         /**< the number of kinds */
} hs_kind;

/** The breadth of a mechanism's agenda (docs/codebook.md, "Scope"). */
typedef enum hs_scope {
    HS_SCOPE_UNSET = -1, /**< not given: counts as issue-specific */
    HS_SCOPE_ISSUE = 0,  /**< issue-specific: one problem, gone into deeply (TISA, AUKUS) */
    HS_SCOPE_BROAD,      /**< broad and strategic: many agendas (the Quad) */
    HS_SCOPE_COUNT       /**< the number of scopes */
} hs_scope;

/** Who depends on whom through a tie: its `depends` attribute (docs/schema.md,
 * "Direction"), resolved against the tie's two ends. */
typedef enum hs_depends {
    HS_DEPENDS_UNSET = -1, /**< not given: the file's direction rule applies */
    HS_DEPENDS_FROM = 0,   /**< the edge's first end depends on the second */
    HS_DEPENDS_TO,         /**< the edge's second end depends on the first */
    HS_DEPENDS_MUTUAL      /**< both depend on each other */
} hs_depends;

/** The open lower bound of an activity span [since, until). */
#define HS_SINCE_OPEN INT_MIN
/** The open upper bound of an activity span [since, until). */
#define HS_UNTIL_OPEN INT_MAX
/** The earliest year a file may name. */
#define HS_YEAR_FIRST (-9999)
/** The latest year a file may name. */
#define HS_YEAR_LAST 9999

/** The name of a kind as files and outputs spell it ("treaty", ...);
 * "unspecified" for ::HS_KIND_UNSET. Static string. */
HS_API const char *hs_kind_name(hs_kind kind);
/** The name of a role ("hub", "ally", "partner", "other"); "unset" for
 * ::HS_ROLE_UNSET. Static string. */
HS_API const char *hs_role_name(hs_role role);
/** The name of a scope ("issue", "broad"); "unspecified" for
 * ::HS_SCOPE_UNSET. Static string. */
HS_API const char *hs_scope_name(hs_scope scope);
/** The kind a name spells, ::HS_KIND_UNSET for an unknown name. */
HS_API hs_kind hs_kind_parse(const char *name);
/** The role a name spells, ::HS_ROLE_UNSET for an unknown name. */
HS_API hs_role hs_role_parse(const char *name);
/** The scope a name spells, ::HS_SCOPE_UNSET for an unknown name. */
HS_API hs_scope hs_scope_parse(const char *name);

/* ---- reading and writing (io.c) ---------------------------------------- */

/** A file format. */
typedef enum hs_format {
    HS_FORMAT_UNKNOWN = 0, /**< not known: decided by the extension or the content */
    HS_FORMAT_DOT,         /**< Graphviz DOT */
    HS_FORMAT_GRAPHML      /**< GraphML */
} hs_format;

/** The format a file name's extension implies: .gv/.dot -> DOT, .graphml/.xml
 * -> GraphML (case-insensitive); ::HS_FORMAT_UNKNOWN otherwise. */
HS_API hs_format hs_format_from_path(const char *path);
/** The format of content: GraphML if its first non-blank byte is '<'. */
HS_API hs_format hs_format_sniff(const char *data, size_t len);
/** "dot", "graphml" or "unknown". Static string. */
HS_API const char *hs_format_name(hs_format format);

/** Read a model from `path` ("-" = standard input). `format` may be
 * ::HS_FORMAT_UNKNOWN: the extension decides, else the content. `display_name`
 * names the file in error messages (NULL = path, or "<stdin>").
 * DOT is read by running the hubspoke-dot helper (hs_dot_helper_path()).
 * Errors: ::HS_EINPUT for a file that breaks the schema, ::HS_EIO,
 * ::HS_ELIMIT past the load limits, ::HS_EHELPER or ::HS_ETIMEOUT from the
 * helper. On success *out owns a new model: free it with hs_model_destroy(). */
HS_API hs_error hs_model_read_file(const char *path, hs_format format, const char *display_name, hs_model **out);

/** Read a model from `len` bytes of memory, as hs_model_read_file() reads a
 * file. On success *out owns a new model: free it with hs_model_destroy(). */
HS_API hs_error hs_model_read_memory(const char *data, size_t len, hs_format format, const char *display_name,
                                     hs_model **out);

/** Write a model to `path` ("-" = standard output) in `format`
 * (::HS_FORMAT_UNKNOWN: by the extension). The file is written to a temporary
 * file beside it and renamed into place, so a failure never leaves a
 * half-written file. */
HS_API hs_error hs_model_write_file(const hs_model *model, const char *path, hs_format format);

/** Where the hubspoke-dot helper is looked for: the HUBSPOKE_DOT_HELPER
 * environment variable, else a path set with hs_dot_helper_set_path(), else
 * the installed libexec path. The string is owned by the library and valid
 * until the next hs_dot_helper_set_path(). */
HS_API const char *hs_dot_helper_path(void);
/** Set the helper path (copied); NULL restores the default. */
HS_API hs_error hs_dot_helper_set_path(const char *path);

/** The default limit on vertices (states and mechanisms) of a file. */
#define HS_DEFAULT_MAX_STATES ((size_t)1000000)
/** The default limit on edges (ties and memberships) of a file. */
#define HS_DEFAULT_MAX_TIES ((size_t)10000000)
/** Set the load limits: a file with more vertices (states and mechanisms) or
 * edges (ties and memberships) than these is refused with ::HS_ELIMIT while it
 * is read, before it can take the machine's memory (docs/robustness.md gives
 * the memory a model of the default size takes). 0 = no limit. Process-wide,
 * like the helper path; the defaults hold until changed. */
HS_API void hs_set_load_limits(size_t max_states, size_t max_ties);
/** The current load limits (either pointer may be NULL). */
HS_API void hs_get_load_limits(size_t *max_states, size_t *max_ties);

/** The default time limit of the hubspoke-dot helper, in seconds. */
#define HS_DEFAULT_HELPER_TIMEOUT 60
/** Set the time limit of the hubspoke-dot helper, in seconds (0 = none): a
 * helper still running then is killed with its whole process group and the
 * call fails with ::HS_ETIMEOUT. Process-wide. */
HS_API void hs_dot_helper_set_timeout(unsigned seconds);
/** The helper's time limit in seconds (0 = none). */
HS_API unsigned hs_dot_helper_timeout(void);

/* ---- the model ------------------------------------------------------------ */

/** Free a model (NULL is allowed). */
HS_API void hs_model_destroy(hs_model *model);
/** A deep copy of `model`, to change without touching the original (what-if
 * scenarios add mechanisms to one). On success *out is the caller's: free it
 * with hs_model_destroy(). */
HS_API hs_error hs_model_copy(const hs_model *model, hs_model **out);

/** The name given in error messages for this model's file (or origin). */
HS_API const char *hs_model_file(const hs_model *model);
/** 1 when the file is a digraph (docs/schema.md, "Direction"), else 0. */
HS_API int hs_model_directed(const hs_model *model);
/** The format the model was read from (::HS_FORMAT_UNKNOWN when built). */
HS_API hs_format hs_model_format(const hs_model *model);
/** The graph's name or id, or NULL. */
HS_API const char *hs_model_name(const hs_model *model);
/** The graph attribute `hub`, or NULL. */
HS_API const char *hs_model_hub(const hs_model *model);
/** The graph attribute `period`, or NULL. */
HS_API const char *hs_model_period(const hs_model *model);
/** The value of any graph attribute, by name: `hub` and `period` as above, any
 * other (for instance a dataset's `version` and `date`, docs/schema.md) as the
 * file gave it; NULL when the file does not set it. */
HS_API const char *hs_model_graph_attr(const hs_model *model, const char *name);

/** The number of vertices (states and mechanisms). */
HS_API size_t hs_model_vertex_count(const hs_model *model);
/** The number of edges (ties and memberships). */
HS_API size_t hs_model_edge_count(const hs_model *model);

/** The index of the vertex with this id, or -1. */
HS_API long hs_model_find(const hs_model *model, const char *id);

/** Vertex i's id (i < hs_model_vertex_count()). */
HS_API const char *hs_vertex_id(const hs_model *model, size_t i);
/** Vertex i's label, or NULL. */
HS_API const char *hs_vertex_label(const hs_model *model, size_t i);
/** Whether vertex i is a state or a mechanism. */
HS_API hs_vertex_type hs_vertex_type_of(const hs_model *model, size_t i);
/** Vertex i's role as the file gives it (::HS_ROLE_UNSET: to be inferred). */
HS_API hs_role hs_vertex_role(const hs_model *model, size_t i);
/** The first year vertex i is active (::HS_SINCE_OPEN: always was). */
HS_API int hs_vertex_since(const hs_model *model, size_t i);
/** The first year vertex i is no longer active (::HS_UNTIL_OPEN: still is). */
HS_API int hs_vertex_until(const hs_model *model, size_t i);
/** A mechanism's kind (::HS_KIND_UNSET for states and untyped mechanisms). */
HS_API hs_kind hs_vertex_kind(const hs_model *model, size_t i);
/** A mechanism's scope (::HS_SCOPE_UNSET when not given). */
HS_API hs_scope hs_vertex_scope(const hs_model *model, size_t i);
/** A mechanism's issue, or NULL. */
HS_API const char *hs_vertex_issue(const hs_model *model, size_t i);
/** A mechanism's own co-membership depth, NaN when the codebook decides. */
HS_API double hs_vertex_weight(const hs_model *model, size_t i);
/** A mechanism's `amount` (docs/schema.md), NaN when absent. */
HS_API double hs_vertex_amount(const hs_model *model, size_t i);
/** The number of a state's spells of existence (`spells`); 0 when it has none
 * (its since/until apply). */
HS_API size_t hs_vertex_spell_count(const hs_model *model, size_t i);
/** A state's k-th spell, [*since, *until), k < hs_vertex_spell_count(). */
HS_API void hs_vertex_spell(const hs_model *model, size_t i, size_t k, int *since, int *until);

/** Edge i's source vertex (i < hs_model_edge_count()). */
HS_API size_t hs_edge_from(const hs_model *model, size_t i);
/** Edge i's target vertex. */
HS_API size_t hs_edge_to(const hs_model *model, size_t i);
/** Edge i's kind. */
HS_API hs_kind hs_edge_kind(const hs_model *model, size_t i);
/** Edge i's own depth, NaN when the codebook decides. */
HS_API double hs_edge_weight(const hs_model *model, size_t i);
/** Edge i's ratio-scale `amount`, NaN when absent. */
HS_API double hs_edge_amount(const hs_model *model, size_t i);
/** Who depends on whom through edge i (its `depends`), ::HS_DEPENDS_UNSET when not given. */
HS_API hs_depends hs_edge_depends(const hs_model *model, size_t i);
/** The first year edge i is active (::HS_SINCE_OPEN: always was). */
HS_API int hs_edge_since(const hs_model *model, size_t i);
/** The first year edge i is no longer active (::HS_UNTIL_OPEN: still is). */
HS_API int hs_edge_until(const hs_model *model, size_t i);
/** Edge i's `source` attribute (where the fact comes from), or NULL. */
HS_API const char *hs_edge_source(const hs_model *model, size_t i);
/** Edge i's label, or NULL. */
HS_API const char *hs_edge_label(const hs_model *model, size_t i);

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

/** A new empty model, for programs that build one (the setters below check
 * every value as the readers do; hs_model_check() must run once the model is
 * complete, before it is viewed or written). `directed` as in docs/schema.md,
 * "Direction"; `origin` names the source in error messages and is what
 * hs_model_file() returns (copied; NULL = "<built>"). On success *out owns
 * the model: free it with hs_model_destroy(). */
HS_API hs_error hs_model_new(int directed, const char *origin, hs_model **out);

/** Add a state with this id (copied); *index (may be NULL) receives its index.
 * An id already present is an error. `line` is 0 when unknown. */
HS_API hs_error hs_model_append_vertex(hs_model *model, const char *id, int line, size_t *index);
/** Add an edge between two existing vertices (untyped until a kind is set);
 * *index (may be NULL) receives its index. */
HS_API hs_error hs_model_append_edge(hs_model *model, size_t from, size_t to, int line, size_t *index);

/** Set a vertex attribute from its text, as a file would hold it: a schema
 * attribute (label, type, role, since, until, spells, kind, scope, issue,
 * weight, amount) is
 * parsed and checked, any other name is kept as an extra attribute (a string,
 * written back by the writers). Both strings are copied; an empty value
 * means absent, as in files. Errors: ::HS_EINPUT with the readers' message. */
HS_API hs_error hs_vertex_set_attr(hs_model *model, size_t i, const char *name, const char *value);
/** Set an edge attribute from its text (kind, weight, amount, depends, since,
 * until, source, label, or an extra), as hs_vertex_set_attr(). */
HS_API hs_error hs_edge_set_attr(hs_model *model, size_t i, const char *name, const char *value);
/** Set a graph attribute from its text (hub, period, or an extra), as
 * hs_vertex_set_attr(). */
HS_API hs_error hs_model_set_graph_attr(hs_model *model, const char *name, const char *value);

/** Set a vertex's type. */
HS_API hs_error hs_vertex_set_type(hs_model *model, size_t i, hs_vertex_type type);
/** Set a vertex's span; a bound equal to ::HS_SINCE_OPEN or ::HS_UNTIL_OPEN
 * leaves that bound as it is (open unless set before). */
HS_API hs_error hs_vertex_set_span(hs_model *model, size_t i, int since, int until);
/** Set a mechanism's kind. */
HS_API hs_error hs_vertex_set_kind(hs_model *model, size_t i, hs_kind kind);
/** Set a mechanism's scope. */
HS_API hs_error hs_vertex_set_scope(hs_model *model, size_t i, hs_scope scope);
/** Set an edge's kind. */
HS_API hs_error hs_edge_set_kind(hs_model *model, size_t i, hs_kind kind);
/** Set an edge's span, as hs_vertex_set_span(). */
HS_API hs_error hs_edge_set_span(hs_model *model, size_t i, int since, int until);
/** Set a state's spells of existence, each [since[k], until[k]) (::HS_SINCE_OPEN
 * / ::HS_UNTIL_OPEN for an open bound), in increasing order and not
 * overlapping: written as the attribute `spells`. */
HS_API hs_error hs_vertex_set_spells(hs_model *model, size_t i, const int *since, const int *until, size_t count);

/** The whole-model checks the readers run at the end of a file (spans,
 * member edges, the hub). */
HS_API hs_error hs_model_check(hs_model *model);

/** Is an element with span [since, until) active in `year`? */
static inline int hs_span_active(int since, int until, int year) { return since <= year && year < until; }

#ifdef __cplusplus
}
#endif
#endif
