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

import itertools
import json
import math
import os
import random
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

ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench"))
import alliance_ref as ref  # noqa: E402
import networkx_compare as nc  # noqa: E402

H = os.environ.get("HUBSPOKE")
ASIA = os.path.join(ROOT, "graphs", "asia-pacific.gv")

ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench"))
import alliance_ref as ref  # noqa: E402
import networkx_compare as nc  # noqa: E402

H = os.environ.get("HUBSPOKE")
ASIA = os.path.join(ROOT, "graphs", "asia-pacific.gv")

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


def hubspoke(*args):
    return subprocess.run([H] + list(args), check=True, capture_output=True, text=True).stdout


def asia_year(gml, year):
    base, nodes, edges = nc.read(gml)
    return ref.Model(nc.slice_year(base, nodes, edges, year))


def ties_graph(M):
    G = nx.MultiGraph()
    G.add_nodes_from(M.states)
    G.add_edges_from((t.a, t.b, {"share": t.share}) for t in M.ties)
    return G


def nulls_against_reference(gml):
    """hubspoke's two nulls on 2016 against the reference: the label null's
    exact distribution (every set of the system's size), the degree null by
    the reference chain (another generator: means and p within 4 SE)."""
    M = asia_year(gml, 2016)
    G = ties_graph(M)
    d = json.loads(hubspoke("metrics", ASIA, "--year", "2016", "--permutations", "20000", "--format", "json"))["system"]
    check("observed E-I", abs(d["ei_index"] - ir.ei(G, M.system_set)) < 1e-12,
          "%s vs %s" % (d["ei_index"], ir.ei(G, M.system_set)))
    xs = [ir.ei(G, set(s)) for s in itertools.combinations(list(G), len(M.system_set))]
    xs = [x for x in xs if x is not None]
    mean, p = ir.label_null_exact(G, M.system_set)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
    n = d["ei_permutations"]
    check("label null: mean (exact over %d sets)" % len(xs), abs(d["ei_expected"] - mean) <= 4 * sd / math.sqrt(n),
          "%.4f vs %.4f" % (d["ei_expected"], mean))
    check("label null: p", abs(d["ei_p_closed"] - p) <= 4 * math.sqrt(p * (1 - p) / n) + 2.0 / n,
          "%.4f vs %.4f" % (d["ei_p_closed"], p))
    rmean, rp, rn = ir.degree_null(G, M.system_set, 20000, seed=3)
    se = ir.degree_null.sd * math.sqrt(1.0 / rn + 1.0 / d["ei_degree_draws"])
    check("degree null: mean against the NetworkX chain", abs(d["ei_degree_expected"] - rmean) <= 4 * se,
          "%.4f vs %.4f (se %.4f)" % (d["ei_degree_expected"], rmean, se))
    sep = math.sqrt(rp * (1 - rp) * (1.0 / rn + 1.0 / d["ei_degree_draws"]))
    check("degree null: p against the NetworkX chain", abs(d["ei_degree_p_closed"] - rp) <= 4 * sep + 0.002,
          "%.4f vs %.4f" % (d["ei_degree_p_closed"], rp))


def bootstrap_influence_events(gml):
    """Estimates and the jackknife exactly as the reference's instruments give
    them; the bootstrap's spread within a tolerance of the reference's own
    resampling (another generator); the events' changes exactly."""
    M = asia_year(gml, 2016)
    parts = ir.instrument_parts(M)
    total = [sum(p[k] for _, p in parts) for k in range(7)]
    est = ir.indices_of(total, M.hub is not None)
    d = json.loads(hubspoke("metrics", ASIA, "--year", "2016", "--bootstrap", "20000", "--format", "json"))
    names = ("coordination", "unidirectionality", "closedness")
    for k, name in enumerate(names):
        check("estimate %s" % name, abs(d["indices"][name] - est[k]) < 1e-12)
    rng = random.Random(5)
    draws = [[], [], []]
    for _ in range(20000):
        s = [0.0] * 7
        for _ in range(len(parts)):
            p = parts[rng.randrange(len(parts))][1]
            for j in range(7):
                s[j] += p[j]
        for k, v in enumerate(ir.indices_of(s, True)):
            if v is not None:
                draws[k].append(v)
    system = d["system"]
    for k, name in enumerate(names):
        xs = sorted(draws[k])
        m = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))
        lo, hi = ir.quantile(xs, 0.025), ir.quantile(xs, 0.975)
        check("bootstrap %s: se" % name, abs(system[name + "_se"] - sd) <= 0.03 * sd,
              "%.4f vs %.4f" % (system[name + "_se"], sd))
        check("bootstrap %s: interval" % name,
              abs(system[name + "_lo"] - lo) <= 0.02 and abs(system[name + "_hi"] - hi) <= 0.02,
              "[%.4f, %.4f] vs [%.4f, %.4f]" % (system[name + "_lo"], system[name + "_hi"], lo, hi))
    # influence: with - without, every instrument
    infl = json.loads(hubspoke("metrics", ASIA, "--year", "2016", "--influence", "unidirectionality", "--format", "json"))
    ours = sorted(r["unidirectionality_change"] for r in infl)
    theirs = []
    for key, p in parts:
        u = ir.indices_of([total[j] - p[j] for j in range(7)], True)[1]
        theirs.append(est[1] - u)
    theirs.sort()
    check("influence: every instrument's change of U", len(ours) == len(theirs) and
          all(abs(a - b) < 1e-9 for a, b in zip(ours, theirs)), "%d vs %d instruments" % (len(ours), len(theirs)))
    # events: after - before of the reference's yearly indices
    ev = json.loads(hubspoke("compare", ASIA, "--years", "1951:2025", "--events", "--bootstrap", "10", "--format", "json"))
    base, nodes, edges = nc.read(gml)
    yearly = {}
    for y in range(1951, 2026):
        My = ref.Model(nc.slice_year(base, nodes, edges, y))
        ps = ir.instrument_parts(My)
        yearly[y] = ir.indices_of([sum(p[k] for _, p in ps) for k in range(7)], My.hub is not None)
    bad = 0
    for e in ev:
        t = e["year"]
        for k, name in enumerate(names):
            b = [yearly[y][k] for y in range(t - 3, t) if y >= 1951 and yearly[y][k] is not None]
            a = [yearly[y][k] for y in range(t, t + 3) if y <= 2025 and yearly[y][k] is not None]
            want = sum(a) / len(a) - sum(b) / len(b)
            if abs(e[name + "_change"] - want) > 1e-9:
                bad += 1
                print("     %s %s %s: %s vs %s" % (t, e["mechanism"], name, e[name + "_change"], want))
    check("events: after - before over 1951-2025 (%d events)" % len(ev), bad == 0)


def main():
    reference_against_exact()
    if H and os.access(H, os.X_OK):
        gml = os.path.join(os.environ.get("TMPDIR", "/tmp"), "hs-xcheck-inference-%d.graphml" % os.getpid())
        try:
            hubspoke("convert", ASIA, gml)
            nulls_against_reference(gml)
            bootstrap_influence_events(gml)
        finally:
            if os.path.exists(gml):
                os.unlink(gml)
    else:
        check("HUBSPOKE names the built hubspoke", False)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("inference cross-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
