#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-inference: the bootstrap intervals
of K, U and C (docs/metrics.md, "Intervals").

    networkx_bootstrap.py FILE.graphml FIRST LAST DRAWS SEED [HUB] [--measures]

Reads the file once; for every year FIRST..LAST keeps the active elements,
builds the ties, roles, S and D with the cross-check's reference
(tests/xcheck/alliance_ref.py, written from docs/metrics.md), groups the ties
into instruments (a bilateral tie each, a mechanism with all its
co-membership ties), and draws DRAWS bootstrap samples of the instruments
with replacement (Python's random.Random(SEED), not hubspoke's generator, so
the draws differ; the estimates must be equal and the intervals close).
--measures also computes compare's default columns (networkx_compare.row),
as `hubspoke compare` does beside the intervals. Prints CSV:
year,K,K_lo,K_hi,U,U_lo,U_hi,C,C_lo,C_hi.
"""

import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "xcheck"))
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench"))
import alliance_ref as ref  # noqa: E402
import inference_ref as iref  # noqa: E402
import networkx_compare as nc  # noqa: E402


def parts(M):
    """Per instrument: hub, coordinated, bare weights; dependence to the hub
    and to the system; internal and external tie counts (the cross-check's
    reference, tests/xcheck/inference_ref.py)."""
    return [p for _, p in iref.instrument_parts(M)]


def stats(s, has_hub):
    return tuple(float("nan") if x is None else x for x in iref.indices_of(s, has_hub))


quantile = iref.quantile


def interval(draws, level=0.95):
    xs = sorted(x for x in draws if not math.isnan(x))
    if not xs:
        return float("nan"), float("nan")
    return quantile(xs, (1 - level) / 2), quantile(xs, (1 + level) / 2)


def cell(x):
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else "%.15g" % x


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    measures = "--measures" in sys.argv
    path, first, last, draws, seed = args[0], int(args[1]), int(args[2]), int(args[3]), int(args[4])
    hub = args[5] if len(args) > 5 else None
    base, nodes, edges = nc.read(path)
    rng = random.Random(seed)
    print("year,K,K_lo,K_hi,U,U_lo,U_hi,C,C_lo,C_hi")
    for year in range(first, last + 1):
        af = nc.slice_year(base, nodes, edges, year)
        if hub is not None and hub not in {n["id"] for n in af.nodes}:
            continue
        M = ref.Model(af, hub)
        if measures:
            nc.row(af, year, hub)  # computed as compare computes them; the timing is the point
        P = parts(M)
        n = len(P)
        total = [sum(p[k] for p in P) for k in range(7)]
        est = stats(total, M.hub is not None)
        samples = [[], [], []]
        for _ in range(draws):
            s = [0.0] * 7
            for _ in range(n):
                p = P[rng.randrange(n)]
                for k in range(7):
                    s[k] += p[k]
            for k, v in enumerate(stats(s, M.hub is not None)):
                samples[k].append(v)
        out = [str(year)]
        for k in range(3):
            lo, hi = interval(samples[k])
            out += [cell(est[k]), cell(lo), cell(hi)]
        print(",".join(out))


if __name__ == "__main__":
    main()
