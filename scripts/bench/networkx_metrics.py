#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-metrics.

    networkx_metrics.py FILE.graphml
    networkx_metrics.py FILE.graphml --estimate K   (extrapolated run time, see estimate())

Reads a hubspoke GraphML file, builds the security graph S exactly as
hubspoke does (states = non-mechanism nodes; one tie per state-state edge
with depth = its weight or the codebook depth of its kind; one co-membership
tie per pair of a mechanism's members with depth min(member depths); self-loops
ignored; w = summed depth per pair, length = 1/w), computes the standard
measures (degree, strength, weighted betweenness, closeness, eigenvector,
constraint, articulation points, bridges) and prints one checksum line that
scripts/bench-metrics compares with the other programs'.
"""

import math
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = "{http://graphml.graphdrawing.org/xmlns}"
DEPTH = {"treaty": 1.0, "access": 0.8, "intelligence": 0.7, "technology": 0.6,
         "exercise": 0.4, "partnership": 0.3, "dialogue": 0.2}
SCOPE = {"issue": 1.0, "broad": 0.5}


def read_security_graph(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}

    def data(elem):
        return {keys.get(d.get("key"), d.get("key")): d.text for d in elem.findall(NS + "data")}

    graph = root.find(NS + "graph")
    states, mech_depth = [], {}
    for node in graph.findall(NS + "node"):
        d = data(node)
        if d.get("type") == "mechanism":
            if d.get("weight") is not None:
                mech_depth[node.get("id")] = float(d["weight"])
            else:
                mech_depth[node.get("id")] = DEPTH.get(d.get("kind"), 1.0) * SCOPE.get(d.get("scope"), 1.0)
        else:
            states.append(node.get("id"))
    S = nx.Graph()
    S.add_nodes_from(states)

    def add(a, b, w):
        if S.has_edge(a, b):
            S[a][b]["w"] += w
        else:
            S.add_edge(a, b, w=w)

    members = {m: [] for m in mech_depth}
    for edge in graph.findall(NS + "edge"):
        s, t = edge.get("source"), edge.get("target")
        if s == t:
            continue
        d = data(edge)
        w = float(d["weight"]) if d.get("weight") is not None else None
        if s in mech_depth or t in mech_depth:
            st, m = (t, s) if s in mech_depth else (s, t)
            members[m].append((st, w if w is not None else mech_depth[m]))
        else:
            add(s, t, w if w is not None else DEPTH.get(d.get("kind"), 1.0))
    for m, ms in members.items():
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                add(ms[i][0], ms[j][0], min(ms[i][1], ms[j][1]))
    for _, _, d in S.edges(data=True):
        d["length"] = 1.0 / d["w"]
    return S


def eigenvector(S):
    try:
        ev = nx.eigenvector_centrality_numpy(S, weight="w")
    except Exception:  # no scipy, or too small for ARPACK
        ev = nx.eigenvector_centrality(S, weight="w", max_iter=10000, tol=1e-12)
    m = max(abs(x) for x in ev.values()) or 1.0
    return {v: abs(x) / m for v, x in ev.items()}


def estimate(path, k, seed=1):
    """Extrapolate the run time of main() from sampled work, for sizes where
    a full NetworkX run takes hours. Cheap measures run in full; betweenness
    (nx's own k-source sampling) and closeness (k sampled vertices) scale by
    n/k; constraint is stratified: for each vertex of degree >= 100,
    local_constraint on <= 20 sampled neighbours, scaled by its degree; the
    neighbours of those vertices and the remaining vertices are sampled (k
    each) and scaled by their counts."""
    import random
    import time
    rng = random.Random(seed)
    t0 = time.perf_counter()
    S = read_security_graph(path)
    n = S.number_of_nodes()
    parts = {"read": time.perf_counter() - t0}

    def timed(name, f, scale=1.0):
        t = time.perf_counter()
        f()
        parts[name] = parts.get(name, 0.0) + (time.perf_counter() - t) * scale

    timed("degree+strength", lambda: (dict(S.degree()), dict(S.degree(weight="w"))))
    kk = min(k, n)
    timed("betweenness", lambda: nx.betweenness_centrality(S, k=kk, weight="length", normalized=False, seed=seed),
          n / kk)
    sample = rng.sample(list(S), kk)
    timed("closeness", lambda: [nx.closeness_centrality(S, u=v, distance="length") for v in sample], n / kk)
    timed("eigenvector", lambda: eigenvector(S))
    big = [v for v in S if S.degree(v) >= 100]
    for v in big:
        nb = rng.sample(list(S[v]), min(20, S.degree(v)))
        timed("constraint", lambda: [nx.local_constraint(S, v, u, weight="w") for u in nb], S.degree(v) / len(nb))
    near = list({u for v in big for u in S[v]} - set(big))
    rest = [v for v in S if v not in set(big) and v not in set(near)]
    for group in (near, rest):
        if group:
            smp = rng.sample(group, min(k, len(group)))
            timed("constraint", lambda: nx.constraint(S, nodes=smp, weight="w"), len(group) / len(smp))
    timed("articulation_points+bridges", lambda: (list(nx.articulation_points(S)), list(nx.bridges(S))))
    total = sum(parts.values())
    print("estimate seconds=%.1f " % total + " ".join("%s=%.1f" % (a, b) for a, b in parts.items()))


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "--estimate":
        estimate(sys.argv[1], int(sys.argv[3]))
        return
    S = read_security_graph(sys.argv[1])
    degree = dict(S.degree())
    strength = dict(S.degree(weight="w"))
    betweenness = nx.betweenness_centrality(S, weight="length", normalized=False)
    closeness = nx.closeness_centrality(S, distance="length")
    eig = eigenvector(S)
    constraint = nx.constraint(S, weight="w")
    aps = list(nx.articulation_points(S))
    bridges = list(nx.bridges(S))
    con = sum(c for c in constraint.values() if not math.isnan(c))
    print("checksum n=%d m=%d degree=%d strength=%.6f betweenness=%.6f closeness=%.6f "
          "eigenvector=%.6f constraint=%.6f articulation_points=%d bridges=%d"
          % (S.number_of_nodes(), S.number_of_edges(), sum(degree.values()), sum(strength.values()),
             sum(betweenness.values()), sum(closeness.values()), sum(eig.values()), con, len(aps), len(bridges)))


if __name__ == "__main__":
    main()
