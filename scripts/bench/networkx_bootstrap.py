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
import networkx_compare as nc  # noqa: E402


def parts(M):
    """Per instrument: hub, coordinated, bare weights; dependence to the hub
    and to the system; internal and external tie counts."""
    hub, allies, system = M.hub, set(M.allies), M.system_set
    inst = {}
    for i, t in enumerate(M.ties):
        p = inst.setdefault(("m", t.mech) if t.mech is not None else ("e", i), [0.0] * 7)
        ends = {t.a, t.b}
        if hub is not None and hub in ends and len(ends) == 2 and (ends - {hub}) <= allies:
            p[0] += t.depth
        elif t.a in allies and t.b in allies:
            p[1 if t.mech is not None and hub in M.members[t.mech] else 2] += t.depth
        arcs = [(t.a, t.b, t.arc[0])] + ([(t.b, t.a, t.arc[1])] if t.mutual else [])
        for a, b, w in arcs:
            if a in allies and (b == hub or b in allies):
                p[4] += w
                if b == hub:
                    p[3] += w
        ina, inb = t.a in system, t.b in system
        if ina and inb:
            p[5] += 1
        elif ina or inb:
            p[6] += 1
    return list(inst.values())


def ratio(a, b):
    return a / b if b > 0 else float("nan")


def stats(s, has_hub):
    return (ratio(s[0] + s[1], s[0] + s[1] + s[2]), ratio(s[3], s[4]),
            ratio(s[5], s[5] + s[6]) if has_hub else float("nan"))


def quantile(xs, q):
    """R's type 7."""
    h = (len(xs) - 1) * q
    j = int(math.floor(h))
    return xs[j] + (h - j) * (xs[j + 1] - xs[j]) if j + 1 < len(xs) else xs[-1]


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
