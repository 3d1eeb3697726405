/* DOT graph (cgraph) to hubspoke's GraphML form; see docs/dot-helper.md. */
#ifndef HS_DOTHELPER_GRAPHML_H
#define HS_DOTHELPER_GRAPHML_H

#include <cgraph.h>

#include "text.h"

/* Appends root graph g as a complete GraphML document to out. Returns 0, or
 * -1 with the reason (without the file name) appended to err; out then holds
 * a partial document that must not be written. */
int hs_dot_to_graphml(Agraph_t *g, buf_t *out, buf_t *err);

/* A subgraph whose name starts with "cluster": a mechanism (rule 4). */
int hs_dot_is_cluster(Agraph_t *sg);

/* Source lines for the GraphML's hs:line attributes (docs/dot-helper.md).
 * The parser is fed one line at a time, and for every object cgraph creates
 * hs_dot_lines_note records the line it had read up to: the line of the
 * parser's lookahead, at or after the object's. hs_dot_to_graphml then looks
 * back from there for the object's name, in the text handed to the parser,
 * which feed keeps (a copy, until end): the input itself is streamed.
 * Without begin (a drawing), feed and note record nothing. */
void hs_dot_lines_begin(void);
void hs_dot_lines_feed(const char *text, size_t len);
void hs_dot_lines_note(int objtype, void *obj, long line);
/* The parse is over: attributes set from now on (by the layout) are not the
 * file's. Values a statement gave a node or edge that already had another
 * are written as hs:redefined elements. */
void hs_dot_lines_parsed(void);
void hs_dot_lines_end(void);

#endif
