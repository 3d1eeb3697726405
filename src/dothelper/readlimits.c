/* The load limits, counted while cgraph's parser builds the graph.
 *
 * agread() builds the whole graph before it returns, and cgraph offers no
 * hook that sees every object it creates: its callback discipline
 * (agpushdisc) is told of new nodes and edges but not of an existing node
 * entering a subgraph, which is what a membership is, and the id
 * discipline's idregister is not told of edges. So, as for agerr() in
 * dothelper.c, this file defines agnode(), agedge() and agsubg(), which
 * replace libcgraph's own for its parser (grammar.y calls them through the
 * PLT) and call the originals found with dlsym(RTLD_NEXT). Every node,
 * subgraph and edge statement of a DOT file goes through one of the three.
 *
 * When a count passes its limit, reading stops: dothelper.c's input channel
 * then answers end of input, and cgraph abandons the graph as for any
 * truncated file (its own error path frees it). docs/dot-helper.md gives the
 * choice and the measurements; tests/cli/dothelper.sh checks exact counts. */
#define _GNU_SOURCE
#include "readlimits.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cgraph.h>

#include "graphml.h"

static struct {
    size_t max_states, max_ties;
    int counting;
    size_t states, ties;
    /* The highest sequence number seen per kind: cgraph numbers objects in
     * creation order, so a larger one is a new object. */
    uint64_t node_seq, edge_seq, graph_seq;
    char reason[128];
} lim;

void hs_dot_limits_set(size_t max_states, size_t max_ties)
{
    lim.max_states = max_states;
    lim.max_ties = max_ties;
}

void hs_dot_limits_begin(void)
{
    lim.counting = lim.max_states > 0 || lim.max_ties > 0;
    lim.states = lim.ties = 0;
    lim.node_seq = lim.edge_seq = lim.graph_seq = 0;
    lim.reason[0] = '\0';
}

void hs_dot_limits_end(void)
{
    lim.counting = 0;
}

const char *hs_dot_limits_crossed(void)
{
    return lim.reason[0] ? lim.reason : NULL;
}

/* The library's own wording (src/model/model.c), so that both paths say the
 * same; the helper's exit status 3 lets hubspoke add its hint as it does for
 * the GraphML path. */
static void count(size_t states, size_t ties)
{
    lim.states += states;
    lim.ties += ties;
    if (lim.reason[0])
        return;
    if (lim.max_states && lim.states > lim.max_states)
        snprintf(lim.reason, sizeof lim.reason, "more than %zu states and mechanisms (the load limit)",
                 lim.max_states);
    else if (lim.max_ties && lim.ties > lim.max_ties)
        snprintf(lim.reason, sizeof lim.reason, "more than %zu ties (the load limit)", lim.max_ties);
}

static void *original(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "hubspoke-dot: cgraph's %s not found\n", name);
        exit(70);
    }
    return f;
}

/* Clusters among g and its ancestors below the root, up to (without) `stop`. */
static size_t clusters_up_to(Agraph_t *g, Agraph_t *stop)
{
    size_t n = 0;
    for (Agraph_t *root = agroot(g); g != root && g != stop; g = agparent(g))
        n += (size_t)hs_dot_is_cluster(g);
    return n;
}

Agnode_t *agnode(Agraph_t *g, char *name, int createflag)
{
    static Agnode_t *(*real)(Agraph_t *, char *, int);
    if (!real)
        *(void **)&real = original("agnode");
    if (!lim.counting || !createflag)
        return real(g, name, createflag);
    /* A node that exists enters g and each ancestor up to the first that
     * holds it already: one membership per cluster among those. */
    Agraph_t *root = agroot(g), *holder = root;
    Agnode_t *old = g == root ? NULL : real(root, name, 0);
    if (old)
        for (holder = g; holder != root && !agsubnode(holder, old, 0); holder = agparent(holder))
            ;
    Agnode_t *n = real(g, name, createflag);
    if (n && AGSEQ(n) > lim.node_seq) { /* new: in g and every ancestor */
        lim.node_seq = AGSEQ(n);
        count(1, clusters_up_to(g, NULL));
    } else if (n && old) {
        count(0, clusters_up_to(g, holder));
    }
    return n;
}

Agedge_t *agedge(Agraph_t *g, Agnode_t *t, Agnode_t *h, char *name, int createflag)
{
    static Agedge_t *(*real)(Agraph_t *, Agnode_t *, Agnode_t *, char *, int);
    if (!real)
        *(void **)&real = original("agedge");
    Agedge_t *e = real(g, t, h, name, createflag);
    if (lim.counting && e && AGSEQ(e) > lim.edge_seq) {
        lim.edge_seq = AGSEQ(e);
        count(0, 1);
    }
    return e;
}

Agraph_t *agsubg(Agraph_t *g, char *name, int cflag)
{
    static Agraph_t *(*real)(Agraph_t *, char *, int);
    if (!real)
        *(void **)&real = original("agsubg");
    Agraph_t *s = real(g, name, cflag);
    if (lim.counting && s && AGSEQ(s) > lim.graph_seq) {
        lim.graph_seq = AGSEQ(s);
        count((size_t)hs_dot_is_cluster(s), 0);
    }
    return s;
}
