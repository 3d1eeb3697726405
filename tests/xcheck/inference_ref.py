"""Reference computations for hubspoke's inference (docs/metrics.md, "Nulls
for closedness", "Inference"), written from the documentation, not from
hubspoke's sources:

- the degree-preserving null of the E-I index: double edge swaps on a
  NetworkX MultiGraph (loops refused), and its exact distribution on small
  graphs by enumerating every loop-free stub matching;
- the label permutation null;
- the instruments of a year and their parts in K, U and C (the bootstrap,
  the jackknife and the events are sums of these parts).

Only the standard library and networkx are used.
"""

import itertools
import math
import random

import networkx as nx


def ei(G, system):
    """(E - I) / (E + I) over the edges of a MultiGraph, each counted by its
    `share` of a relation (1 when it has none: docs/metrics.md, "Membership
    without size inflation"); None when no edge touches the system."""
    internal = external = 0
    for a, b, w in G.edges(data="share", default=1.0):
        k = (a in system) + (b in system)
        internal += (k == 2) * w
        external += (k == 1) * w
    return None if internal + external == 0 else (external - internal) / (external + internal)


def degree_null(G, system, draws, seed, burn_in=20, spacing=2):
    """The degree-preserving null, as docs/measures-algorithms.md describes it:
    a chain of double edge swaps on the loop-free multigraphs with G's degrees,
    from G, burn_in * m proposals before the first draw and spacing * m
    between draws. Returns (expected, p_closed, defined draws)."""
    H = nx.MultiGraph()
    H.add_nodes_from(G)
    H.add_edges_from((a, b, {"share": w}) for a, b, w in G.edges(data="share", default=1.0) if a != b)
    edges = [list(e) for e in H.edges(data="share")]
    m = len(edges)
    observed = ei(H, system)
    rng = random.Random(seed)
    total, total2, defined, closed = 0.0, 0.0, 0, 0
    for t in range(draws):
        for _ in range((burn_in if t == 0 else spacing) * m if m >= 2 else 0):
            i, j = rng.sample(range(m), 2)
            a, b, wi = edges[i]
            c, d = edges[j][:2] if rng.random() < 0.5 else edges[j][1::-1]
            if a == d or c == b:
                continue  # a loop: refused, the chain stays
            edges[i] = [a, d, wi]  # each edge keeps its share
            edges[j] = [c, b, edges[j][2]]
        H = nx.MultiGraph()
        H.add_nodes_from(G)
        H.add_edges_from((a, b, {"share": w}) for a, b, w in edges)
        x = ei(H, system)
        if x is None:
            continue
        defined += 1
        total += x
        total2 += x * x
        closed += x <= observed + 1e-12
    if not defined:
        return None, None, 0
    degree_null.sd = math.sqrt(max(0.0, total2 / defined - (total / defined) ** 2))
    return total / defined, (1 + closed) / (1 + defined), defined


def degree_null_exact(G, system):
    """The exact (mean, P(EI <= observed)) of the degree null, enumerating
    every loop-free perfect matching of G's stubs (small graphs only; every
    edge counts 1)."""
    stubs = [v for a, b in G.edges() if a != b for v in (a, b)]
    observed = ei(G, system)
    total = count = closed = 0

    def walk(rest, internal, external):
        nonlocal total, count, closed
        if not rest:
            if internal + external == 0:
                return
            x = (external - internal) / (external + internal)
            total += x
            count += 1
            closed += x <= observed + 1e-12
            return
        first = rest[0]
        for k in range(1, len(rest)):
            if rest[k] == first:
                continue
            kk = (first in system) + (rest[k] in system)
            walk(rest[1:k] + rest[k + 1:], internal + (kk == 2), external + (kk == 1))

    walk(stubs, 0, 0)
    return total / count, closed / count


def label_null_exact(G, system):
    """The exact (mean, P(EI <= observed)) of the label permutation null: every
    set of the system's size among G's vertices."""
    nodes, k = list(G), len(system)
    observed = ei(G, system)
    xs = [ei(G, set(s)) for s in itertools.combinations(nodes, k)]
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs), sum(1 for x in xs if x <= observed + 1e-12) / len(xs)


def instrument_parts(M):
    """Per instrument of a reference Model (alliance_ref.Model): [hub,
    coordinated, bare, to_hub, to_system, internal, external], in the order of
    the instruments' first ties. A bilateral tie is one instrument, a
    mechanism with all its co-membership ties another."""
    hub, allies, system = M.hub, set(M.allies), M.system_set
    inst, order = {}, []
    for i, t in enumerate(M.ties):
        key = ("m", t.mech) if t.mech is not None else ("e", i)
        if key not in inst:
            inst[key] = [0.0] * 7
            order.append(key)
        p = inst[key]
        ends = {t.a, t.b}
        if hub is not None and hub in ends and len(ends) == 2 and (ends - {hub}) <= allies:
            p[0] += t.depth  # the spokes: kept as a part, not in K
        elif t.a in allies and t.b in allies:
            p[1 if t.mech is not None and hub in M.members[t.mech] else 2] += t.depth
        for a, b, w in [(t.a, t.b, t.arc[0])] + ([(t.b, t.a, t.arc[1])] if t.mutual else []):
            if a in allies and (b == hub or b in allies):
                p[4] += w
                if b == hub:
                    p[3] += w
        ina, inb = t.a in system, t.b in system
        if ina and inb:
            p[5] += t.share
        elif ina or inb:
            p[6] += t.share
    return [(key, inst[key]) for key in order]


def indices_of(parts_sum, has_hub):
    """K, U, C from summed parts; None where undefined."""
    s = parts_sum

    def ratio(a, b):
        return a / b if b > 0 else None

    return (ratio(s[1], s[1] + s[2]), ratio(s[3], s[4]),
            ratio(s[5], s[5] + s[6]) if has_hub else None)


def quantile(xs, q):
    """R's type 7 on sorted xs."""
    h = (len(xs) - 1) * q
    j = int(math.floor(h))
    return xs[j] + (h - j) * (xs[j + 1] - xs[j]) if j + 1 < len(xs) else xs[-1]
