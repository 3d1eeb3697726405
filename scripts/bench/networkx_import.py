#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-import.

    networkx_import.py FILE.csv FIRST LAST [--constraint]

Reads a COW v4.1 by-member file with the csv module, maps it as `hubspoke
import cow` does (docs/import.md: an alliance of two states is a tie per
overlapping pair of spells, one of three or more a mechanism whose members
are tied pairwise; the deepest obligation gives the kind and its codebook
depth; every state of the file is present every year), and for every year
FIRST..LAST slices the graph active that year and computes the standard
measures of scripts/bench/networkx_metrics.py (degree, strength, weighted
betweenness, closeness, eigenvector, articulation points, bridges; Burt's
constraint only with --constraint: NetworkX takes about 9 s per year for it
on the synthetic file's dense years, half an hour for the whole span). Prints per-measure checksums summed over the years, which
scripts/bench-import compares with hubspoke's.
"""
import csv
import math
import sys

import networkx as nx

from networkx_metrics import DEPTH, eigenvector

OPEN = 10 ** 6


def read(path):
    spells = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            flags = [int(r[k]) for k in ("defense", "neutrality", "nonaggression", "entente")]
            end = r["mem_end_year"].strip()
            a = spells.setdefault(int(r["version4id"]), {"flags": [0, 0, 0, 0], "rows": []})
            a["flags"] = [x | y for x, y in zip(a["flags"], flags)]
            a["rows"].append((r["ccode"], int(r["mem_st_year"]), int(end) + 1 if end else OPEN))
    states, ties, mechs = [], [], []
    seen = set()
    for aid in sorted(spells):
        a = spells[aid]
        d, n, na, e = a["flags"]
        kind = "treaty" if d else "partnership" if n or na else "dialogue"
        rows = merge(a["rows"])
        for c, _, _ in rows:
            if c not in seen:
                seen.add(c)
                states.append(c)
        if len({c for c, _, _ in rows}) == 2:
            for i in range(len(rows)):
                for j in range(i + 1, len(rows)):
                    if rows[i][0] != rows[j][0]:
                        s, u = max(rows[i][1], rows[j][1]), min(rows[i][2], rows[j][2])
                        if s < u:
                            ties.append((rows[i][0], rows[j][0], s, u, DEPTH[kind]))
        else:
            lo = min(s for _, s, _ in rows)
            hi = max(u for _, _, u in rows)
            mechs.append((lo, hi, DEPTH[kind], rows))
    return states, ties, mechs


def merge(rows):
    out = []
    for c, s, u in rows:
        for k, (c2, s2, u2) in enumerate(out):
            if c2 == c and s < u2 and s2 < u:
                out[k] = (c, min(s, s2), max(u, u2))
                break
        else:
            out.append((c, s, u))
    return out


def year_graph(states, ties, mechs, y):
    w = {}  # summed depth per unordered pair

    def add(a, b, d):
        key = (a, b) if a < b else (b, a)
        w[key] = w.get(key, 0.0) + d

    for a, b, s, u, d in ties:
        if s <= y < u:
            add(a, b, d)
    for lo, hi, d, rows in mechs:
        if lo <= y < hi:
            ms = [c for c, s, u in rows if s <= y < u]
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    if ms[i] != ms[j]:
                        add(ms[i], ms[j], d)
    S = nx.Graph()
    S.add_nodes_from(states)
    S.add_edges_from((a, b, {"w": x, "length": 1.0 / x}) for (a, b), x in w.items())
    return S


def main():
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with_constraint = "--constraint" in sys.argv[4:]
    states, ties, mechs = read(path)
    tot = dict(degree=0, strength=0.0, betweenness=0.0, closeness=0.0, eigenvector=0.0, constraint=0.0,
               articulation_points=0, bridges=0)
    for y in range(first, last + 1):
        S = year_graph(states, ties, mechs, y)
        tot["degree"] += sum(d for _, d in S.degree())
        tot["strength"] += sum(d for _, d in S.degree(weight="w"))
        tot["betweenness"] += sum(nx.betweenness_centrality(S, weight="length", normalized=False).values())
        tot["closeness"] += sum(nx.closeness_centrality(S, distance="length").values())
        if S.number_of_edges():
            tot["eigenvector"] += sum(eigenvector(S).values())
        if with_constraint:
            tot["constraint"] += sum(c for c in nx.constraint(S, weight="w").values() if not math.isnan(c))
        tot["articulation_points"] += len(list(nx.articulation_points(S)))
        tot["bridges"] += len(list(nx.bridges(S)))
    print("checksum " + " ".join("%s=%s" % (k, ("%.6f" % v) if isinstance(v, float) else v) for k, v in tot.items()))


if __name__ == "__main__":
    main()
