/* An id discipline for cgraph whose ids follow creation order. */
#ifndef HS_DOTHELPER_IDS_H
#define HS_DOTHELPER_IDS_H

#include <cgraph.h>

/* cgraph keeps a graph's subgraphs (and lists them: agfstsubg, Graphviz's
 * renderers) in the order of their ids. AgIdDisc's id for a named object is
 * the address of its interned name, so that order followed malloc's
 * addresses, not the file's: evolve's panels could come out of the SVG in
 * another order than the years. Here a name's id grows with the order in
 * which names are first seen (a node and a subgraph of the same name share
 * it, as with AgIdDisc), and is even; an anonymous object's id is odd and
 * numbered as AgIdDisc numbers it, so that agnameof() prints it as "%N" as
 * before. idregister does nothing: a caller that wants it copies the
 * discipline and sets its own. */
extern const Agiddisc_t hs_dot_ordered_ids;

#endif
