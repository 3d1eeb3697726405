#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-compare.

    networkx_compare.py FILE.graphml FIRST LAST

Does what `hubspoke compare FILE --years FIRST:LAST --format csv` does with
its default measures: reads the file once, and for every year keeps the
states, mechanisms and edges active in it (since <= year < until), builds
the security graph S and dependence digraph D and the roles as the
cross-check's reference does (tests/xcheck/alliance_ref.py, written from
docs/metrics.md), and computes the same columns with NetworkX. Prints the
table as CSV on stdout, which bench-compare compares with hubspoke's.
"""

import itertools
import math
import os
import sys
import xml.etree.ElementTree as ET

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "xcheck"))
import alliance_ref as ref  # noqa: E402

NS = ref.GRAPHML_NS
COLUMNS = ["year", "coordination", "unidirectionality", "closedness", "states", "allies", "partners",
           "mechanisms", "ties", "degree_centralization", "betweenness_centralization", "hub_brokered_closure",
           "reciprocity", "krackhardt_hierarchy", "flow_hierarchy", "ei_index", "conductance", "partners_tied_in"]


def read(path):
    """The file's nodes and edges with their spans, read once."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(NS + "key")}
    graph = root.find(NS + "graph")

    def data(elem):
        return {keys.get(d.get("key"), d.get("key")): d.text for d in elem.findall(NS + "data")}

    def span(d):
        """The element's spans [since, until): its spells, else since/until."""
        if d.get("spells"):
            out = []
            for sp in d["spells"].replace(",", " ").split():
                a, b = sp.split(":")
                out.append((int(a) if a else -10**9, int(b) if b else 10**9))
            return out
        return [(int(d["since"]) if d.get("since") else -10**9, int(d["until"]) if d.get("until") else 10**9)]

    af = ref.AllianceFile()
    af.directed = graph.get("edgedefault", "directed") == "directed"
    af.hub_attr = data(graph).get("hub")
    nodes, edges = [], []
    for n in graph.findall(NS + "node"):
        d = data(n)
        nodes.append(({"id": n.get("id"), "type": d.get("type"), "kind": d.get("kind"), "scope": d.get("scope"),
                       "weight": float(d["weight"]) if d.get("weight") else None}, span(d)))
    for e in graph.findall(NS + "edge"):
        d = data(e)
        edges.append(({"source": e.get("source"), "target": e.get("target"), "kind": d.get("kind"),
                       "weight": float(d["weight"]) if d.get("weight") else None, "depends": d.get("depends")},
                      span(d)))
    return af, nodes, edges


def slice_year(base, nodes, edges, year):
    af = ref.AllianceFile()
    af.directed, af.hub_attr = base.directed, base.hub_attr
    af.nodes = [n for n, spans in nodes if any(s <= year < u for s, u in spans)]
    alive = {n["id"] for n in af.nodes}
    af.edges = [e for e, spans in edges
                if any(s <= year < u for s, u in spans) and e["source"] in alive and e["target"] in alive]
    return af


def krackhardt_hierarchy(D):
    """A / (A + M) over the pairs where one reaches the other."""
    reach = {v: nx.descendants(D, v) for v in D}
    one = both = 0
    for a, b in itertools.combinations(D.nodes, 2):
        ab, ba = b in reach[a], a in reach[b]
        if ab and ba:
            both += 1
        elif ab or ba:
            one += 1
    return None if one + both == 0 else one / (one + both)


def row(af, year, hub=None):
    M = ref.Model(af, hub)
    r = ref.system_measures(M)
    out = {"year": year, "coordination": r.get("coordination"), "unidirectionality": r.get("hub_dependence_share"),
           "closedness": r.get("closedness"), "states": len(M.states), "allies": len(M.allies),
           "partners": len(M.partners), "mechanisms": len(M.mechanisms), "ties": len(M.ties)}
    for k in ("degree_centralization", "betweenness_centralization", "hub_brokered_closure", "reciprocity",
              "flow_hierarchy", "ei_index", "conductance"):
        out[k] = r.get(k)
    Dsys = M.D.subgraph(M.system)
    out["krackhardt_hierarchy"] = krackhardt_hierarchy(Dsys) if M.hub is not None else None
    out["partners_tied_in"] = (sum(1 for p in M.partners
                                   if any(t.a == p and t.b in M.system_set or t.b == p and t.a in M.system_set
                                          for t in M.ties))
                               if M.hub is not None else None)
    return out


def cell(x):
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return ""
    return "%.15g" % x if isinstance(x, float) else str(x)


def main():
    path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    base, nodes, edges = read(path)
    print(",".join(COLUMNS))
    for year in range(first, last + 1):
        r = row(slice_year(base, nodes, edges, year), year)
        print(",".join(cell(r[c]) for c in COLUMNS))


if __name__ == "__main__":
    main()
