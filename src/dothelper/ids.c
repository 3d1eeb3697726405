#include "ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The r-th new name (from 0) has id NAMED + 2r; anonymous objects have odd
 * ids from 1, as with AgIdDisc (the root graph of "digraph {" is "%1" in
 * Graphviz's messages). NAMED keeps every name after every anonymous object,
 * as heap addresses did. */
#define NAMED ((IDTYPE)1 << 40)

typedef struct {
    char **name;      /* by rank */
    size_t n, cap;
    size_t *slot;     /* open addressing: rank + 1, 0 = empty */
    size_t nslot;     /* a power of two, more than twice n */
    IDTYPE anonymous; /* the last odd id handed out, 0: none yet */
} ids_t;

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot that holds name, or the empty slot where it would go. */
static size_t *find(ids_t *t, const char *name)
{
    for (size_t j = hash(name) & (t->nslot - 1);; j = (j + 1) & (t->nslot - 1))
        if (!t->slot[j] || strcmp(t->name[t->slot[j] - 1], name) == 0)
            return &t->slot[j];
}

static void grow(ids_t *t)
{
    size_t nslot = t->nslot ? 2 * t->nslot : 64;
    free(t->slot);
    t->slot = xrealloc(NULL, nslot, sizeof *t->slot);
    memset(t->slot, 0, nslot * sizeof *t->slot);
    t->nslot = nslot;
    for (size_t k = 0; k < t->n; k++)
        *find(t, t->name[k]) = k + 1;
}

/* The next rank, for name. */
static size_t add(ids_t *t, const char *name)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->name = xrealloc(t->name, t->cap, sizeof *t->name);
    }
    size_t len = strlen(name) + 1;
    t->name[t->n] = memcpy(xrealloc(NULL, len, 1), name, len);
    t->n++;
    if (2 * t->n > t->nslot)
        grow(t);
    else
        *find(t, name) = t->n;
    return t->n - 1;
}

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)g;
    (void)disc;
    ids_t *t = xrealloc(NULL, 1, sizeof *t);
    memset(t, 0, sizeof *t);
    grow(t);
    return t;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
    (void)objtype;
    ids_t *t = state;
    if (!str) {
        t->anonymous += t->anonymous ? 2 : 1;
        *id = t->anonymous;
        return 1;
    }
    size_t rank;
    if (*find(t, str)) {
        rank = *find(t, str) - 1;
    } else if (createflag) {
        rank = add(t, str);
    } else {
        return 0; /* cgraph then looks in its internal map, and finds nothing */
    }
    *id = NAMED + 2 * (IDTYPE)rank;
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0; /* no object is created by a chosen id */
}

/* A name stays until the graph is closed: a node deleted and made again
 * keeps its rank. */
static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    ids_t *t = state;
    return id % 2 == 0 && id >= NAMED && (id - NAMED) / 2 < t->n ? t->name[(id - NAMED) / 2] : NULL;
}

static void ids_close(void *state)
{
    ids_t *t = state;
    for (size_t k = 0; k < t->n; k++)
        free(t->name[k]);
    free(t->name);
    free(t->slot);
    free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

const Agiddisc_t hs_dot_ordered_ids = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
