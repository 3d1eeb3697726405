#!/usr/bin/python3
"""Shrink a GraphML file on which the cross-check fails to a minimal one.

    HUBSPOKE=build/hubspoke tests/xcheck/shrink.py FILE.graphml --measure NAME [--hub ID]
        [--timeout S] [-o OUT.graphml]

NAME is a measure group of test_networkx.py (e.g. betweenness, minimum_separators,
partner_cuts, run). "run" means hubspoke fails (non-zero exit, crash) or, with
--timeout S, takes longer than S seconds. Greedily removes edge chunks, single
edges, nodes and attributes while the failure persists, and writes the result
(default: FILE.min.graphml). Not a test: a debugging aid (not run by ctest).
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import contextlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import alliance_gen as gen  # noqa: E402
import alliance_ref as ref  # noqa: E402
import test_networkx as xt  # noqa: E402


def spec_from_file(af):
    g = gen.GraphSpec("shrunk")
    g.directed = af.directed
    g.hub_attr = af.hub_attr
    for n in af.nodes:
        g.nodes.append((n["id"], {k: n[k] for k in ("type", "kind", "scope", "weight") if n[k] is not None}))
    for e in af.edges:
        g.edges.append((e["source"], e["target"], {k: e[k] for k in ("kind", "weight") if e[k] is not None}))
    return g


def fails(g, measure, hub, timeout, hubspoke, td):
    path = os.path.join(td, "candidate.graphml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(g.to_graphml())
    cmd = [hubspoke, "metrics", path, "--format", "json", "--permutations", str(xt.PERMUTATIONS), "--seed", "1"]
    if hub is not None:
        cmd += ["--hub", hub]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return measure == "run"
    if proc.returncode != 0:
        return measure == "run"
    if measure == "run":
        return False
    try:
        M = ref.Model(ref.parse_graphml(path), hub)
        out = json.loads(proc.stdout)
    except Exception:
        return False
    rep = xt.Report()
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            xt.check_graph(g, out, M, rep)
        except Exception:
            return False
    return any(" measure=%s " % measure in line for line in rep.failures)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--measure", required=True)
    ap.add_argument("--hub")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    hubspoke = os.environ.get("HUBSPOKE")
    if not hubspoke:
        sys.exit("shrink: set HUBSPOKE")
    g = spec_from_file(ref.parse_graphml(args.file))
    with tempfile.TemporaryDirectory(prefix="hs-shrink-") as td:
        def bad(c):
            return fails(c, args.measure, args.hub, args.timeout, hubspoke, td)
        if not bad(g):
            sys.exit("shrink: the file does not fail on %s" % args.measure)

        def variant(nodes=None, edges=None, hub_attr="keep"):
            c = gen.GraphSpec(g.name)
            c.directed = g.directed
            c.hub_attr = g.hub_attr if hub_attr == "keep" else hub_attr
            c.nodes = list(g.nodes if nodes is None else nodes)
            c.edges = list(g.edges if edges is None else edges)
            return c

        changed = True
        while changed:
            changed = False
            chunk = max(1, len(g.edges) // 2)
            while chunk >= 1:
                i = 0
                while i < len(g.edges):
                    c = variant(edges=g.edges[:i] + g.edges[i + chunk:])
                    if bad(c):
                        g, changed = c, True
                    else:
                        i += chunk
                chunk //= 2
            for nid, _ in list(g.nodes):
                if nid in (args.hub, g.hub_attr):
                    continue
                c = variant(nodes=[x for x in g.nodes if x[0] != nid],
                            edges=[e for e in g.edges if nid not in (e[0], e[1])])
                if bad(c):
                    g, changed = c, True
            if g.hub_attr is not None and bad(variant(hub_attr=None)):
                g, changed = variant(hub_attr=None), True
            for i, (s, t, d) in enumerate(list(g.edges)):
                if "weight" in d:
                    d2 = {k: v for k, v in d.items() if k != "weight"}
                    c = variant(edges=g.edges[:i] + [(s, t, d2)] + g.edges[i + 1:])
                    if bad(c):
                        g, changed = c, True
    out = args.output or os.path.splitext(args.file)[0] + ".min.graphml"
    with open(out, "w", encoding="utf-8") as f:
        f.write(g.to_graphml())
    print("shrink: %d nodes, %d edges -> %s" % (len(g.nodes), len(g.edges), out))


if __name__ == "__main__":
    main()
