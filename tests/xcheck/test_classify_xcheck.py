"""Cross-check of `hubspoke classify` against classify_ref.py, an independent
implementation of docs/typology.md on the NetworkX reference model
(alliance_ref.py): every outcome, cell, index, change and reference
magnitude, on the shipped dataset in several years, on random alliance graphs
(test_networkx's generator), with the reference rule and with fixed
thresholds. Then the redraws: an independent Monte Carlo of the uncertainty
scheme (depths uncapped, kinds and scopes recoded, the quantile swept) on the
dataset in 2023 gives each mechanism's agreement, compared with hubspoke's
within four standard errors of the difference.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

hubspoke = os.environ.get("HUBSPOKE")
src = os.environ.get("HS_SRC")
if not hubspoke or not src:
    print("skipped: HUBSPOKE and HS_SRC are needed")
    sys.exit(77)
try:
    import networkx  # noqa: F401
except ImportError:
    print("skipped: networkx is not installed")
    sys.exit(77)

import alliance_ref as ref  # noqa: E402
import classify_ref  # noqa: E402
import test_networkx  # noqa: E402

TOL = 1e-9
NUMBERS = ["unidirectionality_without", "unidirectionality_with", "closedness_without", "closedness_with",
           "delta_unidirectionality", "delta_closedness"]
KEYS = ["size", "size_class", "outside_members", "exceeds_one_outside_partner", "type", "cell", "type_lines",
        "cell_lines"] + NUMBERS + ["system_" + k for k in NUMBERS]
failures = []


def classify(path, *args):
    out = subprocess.run([hubspoke, "classify", path, "--format", "json"] + list(args), check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def compare(label, got, want, refs):
    for name, key in (("system", "unidirectionality"), ("system", "closedness"), ("lines", "unidirectionality"),
                      ("lines", "closedness")):
        r, n = refs[(name, "du" if key == "unidirectionality" else "dc")]
        g = got["reference"][name]
        if g["relations"][key] != n or not same(g[key], r):
            failures.append("%s: reference %s %s: hubspoke %s (%s), reference %s (%s)"
                            % (label, name, key, g[key], g["relations"][key], r, n))
    mechs = {m["id"]: m for m in got["mechanisms"]}
    if set(mechs) != set(want):
        failures.append("%s: mechanisms %s vs %s" % (label, sorted(mechs), sorted(want)))
        return
    for mid, w in want.items():
        m = mechs[mid]
        for k in KEYS:
            if k not in w:
                continue
            if not same(m[k], w[k]):
                failures.append("%s %s %s: hubspoke %r, reference %r" % (label, mid, k, m[k], w[k]))


def same(a, b):
    if a is None or b is None or isinstance(a, (str, bool)) or isinstance(b, (str, bool)):
        return a == b
    return abs(a - b) <= TOL * max(1.0, abs(b))


def check_file(label, path, af, hub=None, *args, q=0.5, fixed_u=None, fixed_c=None, critical_mass=4):
    M = ref.Model(af, hub)
    want, refs = classify_ref.Classifier(M).run(q=q, critical_mass=critical_mass, fixed_u=fixed_u,
                                                 fixed_c=fixed_c)
    extra = list(args) + (["--hub", hub] if hub else [])
    compare(label, classify(path, *extra), want, refs)
    return want


# ---- the dataset, year by year -----------------------------------------------------------
gml = os.path.join(src, "graphs", "asia-pacific.graphml")
af_all = ref.parse_graphml(gml)
checked = 0
for year in (1955, 1960, 1975, 1990, 2000, 2003, 2007, 2014, 2016, 2020, 2023):
    check_file("asia-pacific %d" % year, gml, classify_ref.slice_year(af_all, year), None, "--year", str(year))
    checked += 1
# fixed thresholds (the earlier rule) on the same data
check_file("asia-pacific 2023 fixed", gml, classify_ref.slice_year(af_all, 2023), None, "--year", "2023",
           "--threshold-u", "0.05", "--threshold-c", "0.2", fixed_u=0.05, fixed_c=0.2)

# ---- random graphs ------------------------------------------------------------------------
with tempfile.TemporaryDirectory(prefix="hs-classify-xcheck-") as td:
    graphs = [g for g in test_networkx.random_graphs(20250314, 48)]
    for g in graphs:
        path = os.path.join(td, g.name + ".graphml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(g.to_graphml())
        af = ref.parse_graphml(path)
        if not any(n["type"] == "mechanism" for n in af.nodes):
            continue
        hub = None  # the option picks are test_networkx's own business
        check_file(g.name, path, af, hub)
        checked += 1

print("classify cross-check: %d views compared, %d differences" % (checked, len(failures)))

# ---- redraws: an independent Monte Carlo ------------------------------------------------------
LADDER = ["access", "intelligence", "technology", "exercise", "partnership", "dialogue"]
SPREAD, RECODE, QLOW, QHIGH = 0.25, 0.1, 0.25, 0.75
DRAWS_HS, DRAWS_PY = 4000, 600


def one_draw(rng, af):
    f = math.log1p(SPREAD)
    kinds = {k: d * math.exp(rng.uniform(-f, f)) for k, d in ref.KIND_DEPTH.items()}
    untyped = 1.0 * math.exp(rng.uniform(-f, f))
    scopes = {s: v * math.exp(rng.uniform(-f, f)) for s, v in ref.SCOPE_FACTOR.items()}
    drawn = ref.AllianceFile()
    drawn.directed, drawn.hub_attr = af.directed, af.hub_attr

    def neighbour(kind):
        i = LADDER.index(kind)
        if i == 0:
            return LADDER[1]
        if i == len(LADDER) - 1:
            return LADDER[-2]
        return LADDER[i + rng.choice((-1, 1))]

    for e in af.edges:
        e = dict(e)
        if e["kind"] in LADDER and rng.random() < RECODE:
            e["kind"] = neighbour(e["kind"])
        drawn.edges.append(e)
    for n in af.nodes:
        n = dict(n)
        if n["type"] == "mechanism":
            if n["kind"] in LADDER and rng.random() < RECODE:
                n["kind"] = neighbour(n["kind"])
            if rng.random() < RECODE:
                n["scope"] = "issue" if n["scope"] == "broad" else "broad"
        drawn.nodes.append(n)
    M = ref.Model(drawn, None, kind_depth=lambda k: untyped if k is None else kinds[k],
                  scope_factor=lambda s: scopes["issue" if s is None else s])
    return classify_ref.Classifier(M).run(q=rng.uniform(QLOW, QHIGH))[0]


af23 = classify_ref.slice_year(af_all, 2023)
undrawn = classify_ref.Classifier(ref.Model(af23)).run()[0]
rng = random.Random(7)
counts = {(m, key): {} for m in undrawn for key in ("type", "type_lines")}
for _ in range(DRAWS_PY):
    for m, r in one_draw(rng, af23).items():
        for key in ("type", "type_lines"):
            counts[(m, key)][r[key]] = counts[(m, key)].get(r[key], 0) + 1
hs = {m["id"]: m for m in classify(gml, "--year", "2023", "--sensitivity", str(DRAWS_HS))["mechanisms"]}
redraw_failures = 0
for m, w in undrawn.items():
    if w["type"] is None:
        continue
    for key, agreement in (("type", "agreement"), ("type_lines", "agreement_lines")):
        p_py = counts[(m, key)].get(w[key], 0) / DRAWS_PY
        p_hs = hs[m][agreement]
        se = math.sqrt(max(p_py * (1 - p_py), 1e-4) / DRAWS_PY + max(p_hs * (1 - p_hs), 1e-4) / DRAWS_HS)
        ok = abs(p_py - p_hs) <= 4 * se
        print("%-10s %-10s %-18s agreement: hubspoke %.3f (%d draws), reference %.3f (%d draws), 4 SE %.3f: %s"
              % (m, key, w[key], p_hs, DRAWS_HS, p_py, DRAWS_PY, 4 * se, "ok" if ok else "FAIL"))
        redraw_failures += not ok
for f in failures[:40]:
    print("DIFF:", f)
sys.exit(1 if failures or redraw_failures else 0)
