/* The model's representation, shared by the library's readers, writers and
 * views (not installed). */
#ifndef HS_MODEL_INTERNAL_H
#define HS_MODEL_INTERNAL_H

#include <stdint.h>

#include "hubspoke/check.h"
#include "hubspoke/model.h"

typedef enum hs_domain { HS_DOMAIN_GRAPH = 0, HS_DOMAIN_NODE, HS_DOMAIN_EDGE, HS_DOMAIN_COUNT } hs_domain;

/* An attribute the schema does not define, declared once per domain. */
typedef struct hs_extra_key {
    char *name;
    char *graphml_type; /* attr.type from a GraphML file, NULL = string */
} hs_extra_key;

typedef struct hs_extra {
    int key;      /* index into model->extra_keys[domain] */
    char *value;
    int raw_xml;  /* value is GraphML element content, written back verbatim */
} hs_extra;

/* A DOT subgraph that declares nothing (no cluster_ prefix). */
typedef struct hs_subgraph_note {
    char *name;
    int line;
    size_t nodes, edges; /* nodes and edges inside it */
    char *attrs;         /* the attributes it sets, comma-separated, or NULL */
} hs_subgraph_note;

/* A DOT attribute that a later statement set again to another value: DOT
 * keeps the last (the helper reports it). */
typedef struct hs_redefinition {
    hs_domain domain; /* HS_DOMAIN_NODE or HS_DOMAIN_EDGE */
    char *element;    /* "node 'HUN'", "edge 'A -- B'" */
    char *attr, *first, *value;
    int line;
} hs_redefinition;

typedef struct hs_extras {
    hs_extra *items;
    int count, cap;
} hs_extras;

/* The enums are kept in single bytes: models of large systems are a good
 * part of hubspoke's memory. */
typedef struct hs_vertex {
    char *id, *label, *issue;
    double weight;
    double amount;        /* mechanisms: ratio-scale magnitude, NaN when absent */
    int since, until;
    int *spells;          /* states: [since, until) pairs of `spells`, NULL when absent */
    int nspells;
    int line;             /* line in the source file, 0 = unknown */
    signed char type;     /* hs_vertex_type */
    signed char role;     /* hs_role */
    signed char kind;     /* hs_kind */
    signed char scope;    /* hs_scope */
    unsigned char origin; /* 0: the model's file, k: origins[k - 1] (a builder's other inputs) */
    hs_extras extras;
} hs_vertex;

/* Laid out small: a large system has many more edges than vertices. */
typedef struct hs_edge {
    uint32_t from, to; /* vertex indices */
    int since, until;
    int line;
    hs_kind kind;
    signed char depends; /* hs_depends */
    double weight;
    double amount;       /* ratio-scale magnitude, NaN when absent */
    char *id, *source, *label;
    hs_extras extras;
} hs_edge;

struct hs_model {
    char *file;
    char *name;
    int directed;
    hs_format format;
    char *hub, *period;
    hs_extras graph_extras;
    /* Prefixed namespace declarations of a GraphML root (xmlns:y="..."), kept
     * so that XML content of extras stays valid when written back. */
    char *graphml_namespaces;
    hs_extra_key *extra_keys[HS_DOMAIN_COUNT];
    int extra_key_count[HS_DOMAIN_COUNT];
    hs_vertex *v;
    size_t nv, cap_v;
    hs_edge *e;
    size_t ne, cap_e;
    /* id -> vertex index, open addressing; slots hold index+1, 0 = empty */
    uint32_t *slots;
    size_t nslots;
    /* Non-cluster subgraphs of a DOT file that may be mechanisms written
     * without the cluster_ prefix (the DOT helper reports them; check.c
     * decides). */
    hs_subgraph_note *notes;
    size_t nnotes;
    /* DOT attributes set twice to different values (the helper reports the
     * first 1000 and counts the rest in more_redefinitions). */
    hs_redefinition *redefinitions;
    size_t nredefinitions, more_redefinitions;
    /* While a checked reader reads: errors are recorded here and reading
     * goes on (hs_model_report); not owned. NULL: the first error stops. */
    hs_diagnostics *diag;
    /* A model built from several files (import edges: nodes, edges,
     * members): the file each element comes from, for messages. Vertices
     * keep an index in their padding; edges, appended file by file, keep
     * ranges of indices. */
    char *origins[8];
    unsigned char norigins, origin_now;
    struct hs_edge_origin {
        size_t first; /* edges from index `first` on come from ... */
        unsigned char origin;
    } *edge_origins;
    size_t nedge_origins;
};

/* Building a model (used by the readers). */
hs_error hs_model_alloc(hs_model **out, const char *file);
/* Add a vertex; an id already present is an error naming both lines. */
hs_error hs_model_add_vertex(hs_model *m, const char *id, int line, size_t *index);
/* The vertex with this id, created (as a plain state) when absent. */
hs_error hs_model_ensure_vertex(hs_model *m, const char *id, int line, size_t *index);
hs_error hs_model_add_edge(hs_model *m, size_t from, size_t to, const char *id, int line,
                           size_t *index);
/* Set attribute `name` of an element from its text. Schema attributes are
 * parsed and checked here (the error names the element and the line); any
 * other name is kept as an extra. `graphml_type` is the GraphML attr.type of
 * an extra (NULL for DOT). */
hs_error hs_model_set_attr(hs_model *m, hs_domain domain, size_t index, const char *name,
                           const char *value, const char *graphml_type, int raw_xml);
/* Checks that need the whole file (spans, member edges, the hub attribute),
 * run once after reading. */
hs_error hs_model_finish(hs_model *m);

/* Append the spell [since, until) to b as `spells` writes it ("1816:1943"),
 * after a blank when b is not empty. */
struct hs_buf;
hs_error hs_spell_text(struct hs_buf *b, int since, int until);

/* Is vertex i active in `year` (its since/until, or one of its spells)? */
int hs_vertex_active_in(const hs_model *m, size_t i, int year);

/* "node 'USA'", "edge 'JPN -> USA'", "graph" for messages. */
void hs_model_describe(const hs_model *m, hs_domain domain, size_t index, char *buf, size_t size);
/* An input error `code` (docs/schema.md, "Checks") about an element. With
 * diagnostics attached (m->diag) it is recorded there and HS_OK returned, so
 * that reading goes on and every error is found (HS_EINPUT past the cap);
 * else it is the last error, "FILE:LINE: node 'X': reason", and HS_EINPUT. */
hs_error hs_model_error(const hs_model *m, hs_domain domain, size_t index, const char *code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* The same about an element described by the caller (NULL: the file). */
hs_error hs_model_report(const hs_model *m, const char *code, int line, const char *element, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Elements added from now on come from `file` (copied; NULL: the model's
 * own file), which messages about them name. */
hs_error hs_model_set_origin(hs_model *m, const char *file);
/* The file an element comes from. */
const char *hs_model_element_file(const hs_model *m, hs_domain domain, size_t index);

/* Add a redefinition (strings copied). */
hs_error hs_model_add_redefinition(hs_model *m, hs_domain domain, const char *element, const char *attr,
                                   const char *first, const char *value, int line);

/* Add a subgraph note (name and attrs copied). */
hs_error hs_model_add_note(hs_model *m, const char *name, int line, size_t nodes, size_t edges, const char *attrs);

/* Each schema attribute an element has, as the text a file would hold, in
 * the schema's order; `graphml_type` is its GraphML attr.type. Writers use
 * this so that DOT and GraphML always carry the same attributes. */
typedef hs_error (*hs_attr_fn)(void *ctx, const char *name, const char *value, const char *graphml_type);
hs_error hs_model_each_schema_attr(const hs_model *m, hs_domain domain, size_t index, hs_attr_fn fn,
                                   void *ctx);
/* The schema attribute names of a domain, NULL-terminated. */
const char *const *hs_schema_attr_names(hs_domain domain);
/* GraphML attr.type of a schema attribute. */
const char *hs_schema_attr_type(const char *name);

#endif
