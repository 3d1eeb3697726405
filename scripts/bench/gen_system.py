#!/usr/bin/python3
"""Synthetic alliance systems for the metrics benchmark.

    gen_system.py N OUTPREFIX [--seed S]

writes OUTPREFIX.graphml (hubspoke schema) and OUTPREFIX.edges (the security
graph S as a weighted edge list for the igraph floor program:
first line "n m", then m lines "u v w" with 0-based state indices in file
order and w = the summed depth of the pair's ties).

Shape: one hub; allies ~5% (treaty ally->hub); partners ~20% (each tied to
the hub or an ally, some only through a mechanism); the rest "other" states,
tied among themselves and to partners; mechanisms of 3-4 members (with the
hub and allies, with allies and a partner, with the hub, allies and a
partner); extra ties up to a mean degree of ~6 in S; S is connected.
"""

import argparse
import random

DEPTH = {"treaty": 1.0, "access": 0.8, "intelligence": 0.7, "technology": 0.6,
         "exercise": 0.4, "partnership": 0.3, "dialogue": 0.2}
NON_TREATY = [k for k in DEPTH if k != "treaty"]
SCOPE = {"issue": 1.0, "broad": 0.5}

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g_hub" for="graph" attr.name="hub" attr.type="string"/>
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_scope" for="node" attr.name="scope" attr.type="string"/>
  <key id="n_weight" for="node" attr.name="weight" attr.type="double"/>
  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
"""


def generate(n, seed):
    rng = random.Random(seed)
    n_allies = max(2, round(0.05 * n))
    n_partners = max(1, round(0.20 * n))
    hub = 0
    allies = list(range(1, 1 + n_allies))
    partners = list(range(1 + n_allies, 1 + n_allies + n_partners))
    others = list(range(1 + n_allies + n_partners, n))
    system = [hub] + allies

    ties = []      # (a, b, kind, explicit weight or None)
    pairs = set()  # unordered pairs already tied (avoid parallel random ties)

    def tie(a, b, kind, weight=None):
        ties.append((a, b, kind, weight))
        pairs.add((min(a, b), max(a, b)))

    for a in allies:
        tie(a, hub, "treaty")
    # ally-ally ties: about one per ally
    for _ in range(n_allies):
        a, b = rng.sample(allies, 2)
        if (min(a, b), max(a, b)) not in pairs:
            tie(a, b, rng.choice(NON_TREATY), round(rng.uniform(0.1, 1.0), 3) if rng.random() < 0.1 else None)

    # mechanisms of 3-4 members
    n_mech = max(4, n // 40)
    mechs = []
    mech_partners = set()
    for k in range(n_mech):
        shape = k % 4
        size = rng.choice([3, 4])
        if shape == 0:    # integrative: hub + allies, issue scope
            members = [hub] + rng.sample(allies, min(size - 1, n_allies))
            kind, scope = rng.choice(["intelligence", "technology", "access", "exercise"]), "issue"
        elif shape == 1:  # expansive: hub + allies + one partner, broad
            p = rng.choice(partners)
            mech_partners.add(p)
            members = [hub] + rng.sample(allies, min(size - 2, n_allies)) + [p]
            kind, scope = rng.choice(["partnership", "dialogue", "exercise"]), "broad"
        elif shape == 2:  # allies + one partner, no hub (France-Australia-India)
            p = rng.choice(partners)
            mech_partners.add(p)
            members = rng.sample(allies, min(size - 1, n_allies)) + [p]
            kind, scope = rng.choice(NON_TREATY), rng.choice(["issue", "broad"])
        else:             # partners and others among themselves
            members = rng.sample(partners, 1) + rng.sample(others, size - 1)
            kind, scope = rng.choice(NON_TREATY), rng.choice(["issue", "broad"])
        weight = round(rng.uniform(0.1, 1.0), 3) if rng.random() < 0.1 else None
        mechs.append(("m%d" % k, kind, scope, weight, members))

    # partners: tied to the system (unless a mechanism already ties them)
    for p in partners:
        if p not in mech_partners or rng.random() < 0.5:
            s = rng.choice(system)
            tie(p, s, rng.choice(NON_TREATY))
    # others: a random tree hanging from the partners keeps S connected
    attach = list(partners)
    for o in others:
        tie(o, rng.choice(attach), rng.choice(NON_TREATY))
        attach.append(o)

    # co-membership pairs count towards S's edges
    for _, _, _, _, members in mechs:
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                pairs.add((min(a, b), max(a, b)))
    # extra ties up to mean degree ~6: among partners and others, plus some
    # partner-system ties (never other-system: that would make them partners)
    target = 3 * n
    outer = partners + others
    guard = 0
    while len(pairs) < target and guard < 50 * target:
        guard += 1
        if rng.random() < 0.1:
            a, b = rng.choice(partners), rng.choice(system)
        else:
            a, b = rng.sample(outer, 2)
        key = (min(a, b), max(a, b))
        if a == b or key in pairs:
            continue
        tie(a, b, rng.choice(NON_TREATY), round(rng.uniform(0.1, 1.0), 3) if rng.random() < 0.1 else None)
    return n, ties, mechs


def write(n, ties, mechs, prefix):
    name = lambda i: "s%d" % i  # noqa: E731
    with open(prefix + ".graphml", "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write('  <graph id="bench" edgedefault="undirected">\n')
        for i in range(n):
            f.write('    <node id="%s"/>\n' % name(i))
        for mid, kind, scope, weight, _ in mechs:
            f.write('    <node id="%s"><data key="n_type">mechanism</data><data key="n_kind">%s</data>'
                    '<data key="n_scope">%s</data>%s</node>\n'
                    % (mid, kind, scope, '<data key="n_weight">%r</data>' % weight if weight is not None else ""))
        for a, b, kind, w in ties:
            f.write('    <edge source="%s" target="%s"><data key="e_kind">%s</data>%s</edge>\n'
                    % (name(a), name(b), kind, '<data key="e_weight">%r</data>' % w if w is not None else ""))
        for mid, _, _, _, members in mechs:
            for m in members:
                f.write('    <edge source="%s" target="%s"><data key="e_kind">member</data></edge>\n' % (name(m), mid))
        f.write("  </graph>\n</graphml>\n")

    # S: summed tie depths per pair (state-state ties + co-membership ties)
    S = {}

    def add(a, b, d):
        key = (min(a, b), max(a, b))
        S[key] = S.get(key, 0.0) + d

    for a, b, kind, w in ties:
        add(a, b, w if w is not None else DEPTH[kind])
    for _, kind, scope, weight, members in mechs:
        d = weight if weight is not None else DEPTH[kind] * SCOPE[scope]
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                add(members[i], members[j], d)
    with open(prefix + ".edges", "w") as f:
        f.write("%d %d\n" % (n, len(S)))
        for (a, b), w in S.items():
            f.write("%d %d %r\n" % (a, b, w))
    return len(S)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("prefix")
    ap.add_argument("--seed", type=int, default=20240207)
    args = ap.parse_args()
    n, ties, mechs = generate(args.n, args.seed + args.n)
    m = write(n, ties, mechs, args.prefix)
    print("%s: %d states, %d ties, %d mechanisms, %d edges in S (mean degree %.2f)"
          % (args.prefix, n, len(ties), len(mechs), m, 2.0 * m / n))


if __name__ == "__main__":
    main()
