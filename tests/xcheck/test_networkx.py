#!/usr/bin/python3
"""Cross-check `hubspoke metrics --format json` against NetworkX.

Generates random alliance graphs (fixed master seed) plus hand-made ones,
writes each as GraphML, runs $HUBSPOKE on it, rebuilds the security graph S
and the dependence digraph D in Python from the specification, and compares
every measure that has a NetworkX (or independent Python) counterpart.

Exit status: 0 all agree, 1 any mismatch (or hubspoke failed), 77 skipped
(networkx missing). Last line: "xcheck: N passed, M failed", counting
(graph, measure group) comparisons.

Options:
  --selftest        check the reference computations on hand-worked graphs only
  --seed S          master seed (default 20240207)
  --count N         number of random graphs (default 64)
  --only NAME,...   run only these graph names (e.g. r17,pure-star)
  --keep DIR        keep the generated GraphML and hubspoke's JSON in DIR
  --list            print the graph names and designs, then exit
  --fake-hubspoke   compare the reference with itself (tests the checker, not hubspoke)

Debugging a mismatch: rerun with --only NAME --keep DIR, then
tests/xcheck/shrink.py DIR/NAME.graphml --measure MEASURE to shrink the graph.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import networkx as nx
except ImportError:
    print("xcheck: networkx not importable by %s: skipped" % sys.executable)
    sys.exit(77)

import alliance_gen as gen  # noqa: E402
import alliance_ref as ref  # noqa: E402
from guard import hang_guard  # noqa: E402

MASTER_SEED = 20240207
TOL = 1e-9
PERMUTATIONS = 200
BRUTE_FORCE_LIMIT = 60000   # subsets of size k enumerated for the separator brute force
BROKERAGE_TYPES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


# ---------------------------------------------------------------------------
# comparison helpers
# ---------------------------------------------------------------------------

def close(ours, theirs, tol=TOL):
    if ours is None or theirs is None:
        return ours is None and theirs is None
    if isinstance(ours, bool) or isinstance(theirs, bool):
        return isinstance(ours, bool) and isinstance(theirs, bool) and ours == theirs
    if not isinstance(theirs, (int, float)):
        return False
    if isinstance(theirs, float) and math.isnan(theirs):
        return False
    d = abs(float(ours) - float(theirs))
    return d <= tol or d <= tol * max(abs(float(ours)), abs(float(theirs)))


def fmt(v):
    if isinstance(v, float):
        return "%.12g" % v
    if isinstance(v, (set, frozenset)):
        return "{" + ", ".join(sorted(fmt(x) for x in v)) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(fmt(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False) if isinstance(v, str) else str(v)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.notes = []
        self.failures = []

    def group(self, graph, measure, problems):
        """One compared (graph, measure group); problems = list of (state, ours, theirs)."""
        if problems:
            self.failed += 1
            for state, ours, theirs in problems:
                line = "MISMATCH graph=%s measure=%s state=%s ours(reference)=%s theirs(hubspoke)=%s" % (
                    graph, measure, fmt(state) if state is not None else "-", fmt(ours), fmt(theirs))
                self.failures.append(line)
                print(line)
        else:
            self.passed += 1

    def note(self, graph, text):
        line = "note graph=%s: %s" % (graph, text)
        self.notes.append(line)
        print(line)


# ---------------------------------------------------------------------------
# the graphs
# ---------------------------------------------------------------------------

def random_graphs(seed, count):
    rng = random.Random(seed)
    graphs = []
    for i in range(count):
        grng = random.Random(rng.getrandbits(64))
        bucket = i % 3
        if bucket == 0:
            n = grng.randint(3, 14)
        elif bucket == 1:
            n = grng.randint(15, 50)
        else:
            n = grng.randint(51, 120)
        ally_mode = (i // 3) % 5   # 0 allies, 1 ally, several allies (x3)
        if ally_mode == 0:
            n_allies = 0
        elif ally_mode == 1:
            n_allies = 1
        else:
            n_allies = grng.randint(2, max(2, n // 4))
        n_partners = grng.randint(0, max(0, (n - 1 - n_allies) // 2))
        density = grng.choice(["sparse", "sparse", "medium", "dense"])
        mean_deg = {"sparse": 1.3, "medium": 4.0, "dense": min(n - 1, 0.45 * n)}[density]
        if n > 60 and density == "dense":
            mean_deg = 14.0
        name_style = 0
        if i % 9 == 4 and n <= 16:
            name_style = 1
        if i % 9 == 8 and n <= 13:
            name_style = 2
        g = gen.gen_random(
            grng, "r%02d" % i, n,
            n_allies=n_allies, n_partners=n_partners, mean_deg=mean_deg,
            n_mech=grng.randint(0, 4),
            directed=(i % 10 == 3 or i % 17 == 9),
            treaty=(i % 16 != 7),
            weight_p=grng.choice([0.0, 0.1, 0.3]),
            parallel_p=grng.choice([0.0, 0.05, 0.15]),
            hub_attr_p=(0.7 if n_allies == 0 else 0.4),  # no allies: a hub only by name
            self_loop=(i % 7 == 2),
            name_style=name_style,
            extra_treaty=(1 if i % 11 == 6 else 0),
            isolated=(grng.randint(1, 3) if i % 6 == 5 else 0),
            components=(2 if i % 8 == 6 else 1),
        )
        g.design["density"] = density
        # the same content in other forms of GraphML
        if i % 5 == 1:
            g.interleave_seed = i          # edges before the nodes they name
        if i % 7 == 4:
            g.key_prefix = "d"             # key ids d0, d1, ... (as NetworkX writes them)
        if i % 13 == 5:
            g.edge_kind_default = "exercise"
        g.design["form"] = [f for f, on in (("interleaved", g.interleave_seed is not None),
                                            ("key-ids", g.key_prefix is not None),
                                            ("kind-default", g.edge_kind_default is not None)) if on]
        if i % 20 == 11:
            g.hub_option = "__pick__"
        graphs.append(g)
    return graphs


def all_graphs(seed, count):
    return gen.fixed_graphs() + random_graphs(seed, count)


# ---------------------------------------------------------------------------
# comparing one graph
# ---------------------------------------------------------------------------

def reference_output(M):
    """hubspoke's JSON as the reference would write it (for --fake-hubspoke)."""
    sm = ref.system_measures(M)
    st = ref.state_measures(M)
    S = M.S
    n = S.number_of_nodes()
    br = ref.brokerage(S, M.role)
    states = []
    for v in M.states:
        d = {"name": v, "role": M.role[v]}
        for k in ("degree", "strength", "betweenness", "closeness", "constraint"):
            d[k] = st[v][k]
        d["eigenvector"] = st[v].get("eigenvector")
        for t in BROKERAGE_TYPES:
            d["brokerage_" + t] = br[v][t] if M.hub is not None else None
        states.append(d)
    system = {k: sm[k] for k in ("degree_centralization", "betweenness_centralization",
                                 "hub_articulation_point", "hub_only_ally_pairs", "hub_tie_weight",
                                 "coordinated_ally_weight", "bare_ally_weight", "hub_brokered_closure",
                                 "reciprocity", "flow_hierarchy", "hub_dependence_share", "ei_index",
                                 "conductance")}
    system["partners_tied_in"] = len(M.partners) if M.hub is not None else None
    system.update(states=len(M.states), allies=len(M.allies), partners=len(M.partners),
                  mechanisms=len(M.mechanisms), ties=len(M.ties))
    system["ei_expected"] = system["ei_p_closed"] = None
    system["ei_permutations"] = PERMUTATIONS
    cuts = []
    for p, val in sm["partner_cuts"].items():
        cut_value, (side, _) = nx.minimum_cut(_contracted(M), p, ("__system__",), capacity="w")
        ties = [[a, b] for a, b in S.edges() if (a in side) != (b in side)]
        cuts.append({"partner": p, "value": val, "ties": ties})
    system["partner_cuts"] = cuts
    system["articulation_points"] = list(nx.articulation_points(S))
    system["bridges"] = [list(e) for e in nx.bridges(S)]
    system["vertex_connectivity"] = nx.node_connectivity(S) if n >= 2 else None
    if n >= 2 and nx.is_connected(S) and S.number_of_edges() < n * (n - 1) // 2:
        system["minimum_separators"] = [sorted(c) for c in nx.all_node_cuts(S)]
    else:
        system["minimum_separators"] = []
    return {"year": None, "hub": M.hub,
            "indices": {"coordination": sm["coordination"], "unidirectionality": sm["hub_dependence_share"],
                        "closedness": sm["closedness"]},
            "system": system, "states": states}


def _contracted(M):
    SYS = ("__system__",)
    H = nx.Graph()
    H.add_node(SYS)
    H.add_nodes_from(v for v in M.states if v not in M.system_set)
    for u, v, d in M.S.edges(data=True):
        uu = SYS if u in M.system_set else u
        vv = SYS if v in M.system_set else v
        if uu != vv:
            w = H[uu][vv]["w"] if H.has_edge(uu, vv) else 0.0
            H.add_edge(uu, vv, w=w + d["w"])
    return H


def pick_hub_option(M, rng):
    """For --hub runs: a state with ties that is not the file's own hub."""
    cands = [s for s in M.states if M.S.degree(s) > 0 and s != M.hub]
    return rng.choice(cands) if cands else None


def check_graph(g, out, M, rep, notes_only=False):
    name = g.name
    S = M.S
    n = S.number_of_nodes()
    sm = ref.system_measures(M)
    st = ref.state_measures(M)

    # --- hub and roles
    rep.group(name, "hub", [] if out.get("hub") == M.hub else [(None, M.hub, out.get("hub"))])
    rep.group(name, "year", [] if out.get("year", "missing") is None else [(None, None, out.get("year", "missing"))])
    states = out.get("states") or []
    by_name = {}
    for s in states:
        by_name[s.get("name")] = s
    probs = []
    if set(by_name) != set(M.states) or len(states) != len(M.states):
        probs.append((None, sorted(M.states), sorted(str(k) for k in by_name)))
        rep.group(name, "states", probs)
        return
    rep.group(name, "states", [])
    if [s.get("name") for s in states] != M.states:
        rep.note(name, "states[] not in file order")

    probs = []
    for v in M.states:
        theirs = by_name[v].get("role")
        if M.hub is None:
            if theirs not in ("other", None):
                probs.append((v, "other (or null)", theirs))
        elif theirs != M.role[v]:
            probs.append((v, M.role[v], theirs))
    rep.group(name, "role", probs)

    # --- per-state measures
    for meas in ("degree", "strength", "closeness", "constraint"):
        probs = []
        for v in M.states:
            if not close(st[v][meas], by_name[v].get(meas)):
                probs.append((v, st[v][meas], by_name[v].get(meas)))
        rep.group(name, meas, probs)

    probs = [(v, st[v]["betweenness"], by_name[v].get("betweenness")) for v in M.states
             if not close(st[v]["betweenness"], by_name[v].get("betweenness"))]
    if probs:
        tb = ref.tolerant_betweenness(S)
        if all(close(tb[v], by_name[v].get("betweenness")) for v in M.states):
            rep.note(name, "betweenness differs from NetworkX only through floating-point ties "
                     "(equal path lengths summing to different floats); agrees with an eps=1e-10 Brandes")
            probs = []
    rep.group(name, "betweenness", probs)

    if n >= 2 and nx.is_connected(S):
        probs = [(v, st[v]["eigenvector"], by_name[v].get("eigenvector")) for v in M.states
                 if not close(st[v]["eigenvector"], by_name[v].get("eigenvector"))]
        rep.group(name, "eigenvector", probs)

    # --- brokerage (Gould-Fernandez on S as a symmetric digraph, groups = roles)
    if M.hub is not None:
        br = ref.brokerage(S, M.role)
        probs = []
        for v in M.states:
            for t in BROKERAGE_TYPES:
                theirs = by_name[v].get("brokerage_" + t)
                if not close(br[v][t], theirs):
                    probs.append((v, "%s=%s" % (t, br[v][t]), theirs))
        if probs:
            alt_role = {v: ("system" if r in ("hub", "ally") else r) for v, r in M.role.items()}
            br2 = ref.brokerage(S, alt_role)
            if all(close(br2[v][t], by_name[v].get("brokerage_" + t)) for v in M.states for t in BROKERAGE_TYPES):
                rep.note(name, "brokerage agrees when hub and allies form ONE group (not four role groups)")
        rep.group(name, "brokerage", probs)

    sysj = out.get("system") or {}
    ind = out.get("indices") or {}

    # --- counts (system.states/allies/partners/mechanisms/ties; ties = state-state
    # ties + co-membership ties, as the specification counts them)
    probs = []
    for key, mine in (("states", len(M.states)), ("allies", len(M.allies)), ("partners", len(M.partners)),
                      ("mechanisms", len(M.mechanisms)), ("ties", len(M.ties))):
        theirs = sysj.get(key, "missing")
        if M.hub is None and key in ("allies", "partners") and theirs is None:
            continue
        if theirs != mine:
            probs.append((key, mine, theirs))
    rep.group(name, "counts", probs)

    # --- partners_tied_in: partners with at least one tie to the system (docs/metrics.md);
    # every partner has one by the definition of the roles
    mine = len(M.partners) if M.hub is not None else None
    theirs = sysj.get("partners_tied_in", "missing")
    rep.group(name, "partners_tied_in", [] if close(mine, theirs) else [(None, mine, theirs)])

    # --- the hub's brokerage repeated in system.hub_brokerage_*
    if M.hub is None:
        probs = [(None, "null without a hub", sysj.get("hub_brokerage_" + t)) for t in BROKERAGE_TYPES
                 if sysj.get("hub_brokerage_" + t) is not None]
        rep.group(name, "hub_brokerage", probs)
    elif any(("hub_brokerage_" + t) in sysj for t in BROKERAGE_TYPES):
        probs = []
        for t in BROKERAGE_TYPES:
            a, b = by_name[M.hub].get("brokerage_" + t), sysj.get("hub_brokerage_" + t)
            if not close(a, b):
                probs.append((M.hub, "%s = states[hub] %s" % (t, a), b))
        rep.group(name, "hub_brokerage", probs)

    # --- articulation points, bridges, connectivity, separators
    aps = set(nx.articulation_points(S))
    theirs = sysj.get("articulation_points")
    rep.group(name, "articulation_points",
              [] if theirs is not None and set(theirs) == aps and len(theirs) == len(aps)
              else [(None, aps, theirs)])
    brs = {frozenset(e) for e in nx.bridges(S)}
    theirs = sysj.get("bridges")
    tset = None
    try:
        tset = {frozenset(p) for p in theirs}
        ok = tset == brs and len(theirs) == len(brs)
    except TypeError:
        ok = False
    rep.group(name, "bridges", [] if ok else [(None, sorted(tuple(sorted(b)) for b in brs), theirs)])

    connected = n >= 2 and nx.is_connected(S)
    if n >= 2:
        k = nx.node_connectivity(S)
        rep.group(name, "vertex_connectivity",
                  [] if close(k, sysj.get("vertex_connectivity")) else [(None, k, sysj.get("vertex_connectivity"))])
    complete = S.number_of_edges() == n * (n - 1) // 2
    theirs = sysj.get("minimum_separators")
    if connected and not complete:
        k = nx.node_connectivity(S)
        expected = None
        if math.comb(n, k) <= BRUTE_FORCE_LIMIT:
            _, expected = ref.brute_force_min_separators(S, k)
            nxs = {frozenset(c) for c in nx.all_node_cuts(S, k=k)}
            if nxs != expected:
                rep.note(name, "networkx all_node_cuts disagrees with brute force (trusting brute force): "
                         "missing %s, extra %s" % (fmt([set(x) for x in expected - nxs]), fmt([set(x) for x in nxs - expected])))
        else:
            expected = {frozenset(c) for c in nx.all_node_cuts(S, k=k)}
            bad = [c for c in expected if len(c) != k or not ref.is_separator(S, c)]
            if bad:
                rep.note(name, "networkx all_node_cuts returned non-separators %s" % fmt([set(c) for c in bad]))
                expected -= set(bad)
        probs = []
        try:
            tsets = [frozenset(c) for c in theirs]
        except TypeError:
            tsets = None
        if tsets is None or set(tsets) != expected or len(tsets) != len(set(tsets)):
            extra = [c for c in (tsets or []) if c not in expected]
            missing = [c for c in expected if tsets is None or c not in tsets]
            invalid = [c for c in extra if not ref.is_separator(S, c)]
            probs.append((None, "%d sets" % len(expected),
                          "%s sets; missing %s; extra %s (of which not separating: %s)" % (
                              "null" if tsets is None else len(tsets),
                              fmt([set(c) for c in missing][:8]), fmt([set(c) for c in extra][:8]),
                              fmt([set(c) for c in invalid][:8]))))
        rep.group(name, "minimum_separators", probs)
    elif connected and complete:
        rep.group(name, "minimum_separators(complete)", [] if theirs == [] else [(None, [], theirs)])
    else:
        if n >= 2 and theirs not in ([], None, [[]]):
            rep.note(name, "disconnected S: minimum_separators = %s (not compared)" % fmt(theirs))

    # --- centralizations
    for key in ("degree_centralization", "betweenness_centralization"):
        probs = [] if close(sm[key], sysj.get(key)) else [(None, sm[key], sysj.get(key))]
        if probs and key == "betweenness_centralization" and n >= 3:
            tb = ref.tolerant_betweenness(S)
            mb = max(tb.values())
            alt = sum(mb - b for b in tb.values()) / ((n - 1) * (n - 1) * (n - 2) / 2.0)
            if close(alt, sysj.get(key)):
                probs = []
                rep.note(name, "betweenness_centralization agrees with the eps-tolerant betweenness")
        rep.group(name, key, probs)

    # --- hub-based system measures
    for key in ("hub_articulation_point", "hub_only_ally_pairs", "hub_tie_weight",
                "coordinated_ally_weight", "bare_ally_weight", "hub_brokered_closure",
                "reciprocity", "flow_hierarchy", "hub_dependence_share", "ei_index", "conductance"):
        probs = [] if close(sm[key], sysj.get(key, "missing")) else [(None, sm[key], sysj.get(key, "missing"))]
        rep.group(name, key, probs)

    # --- indices
    for key, mine in (("coordination", sm["coordination"]), ("unidirectionality", sm["hub_dependence_share"]),
                      ("closedness", sm["closedness"])):
        probs = [] if close(mine, ind.get(key, "missing")) else [(None, mine, ind.get(key, "missing"))]
        rep.group(name, "indices." + key, probs)

    # --- E-I permutation test: only sanity (random)
    probs = []
    ee, pc, npm = sysj.get("ei_expected"), sysj.get("ei_p_closed"), sysj.get("ei_permutations")
    if ee is not None and not (-1 - TOL <= ee <= 1 + TOL):
        probs.append(("ei_expected", "in [-1, 1]", ee))
    if pc is not None and not (0 <= pc <= 1):
        probs.append(("ei_p_closed", "in [0, 1]", pc))
    if sm["ei_index"] is None and pc is not None:
        probs.append(("ei_p_closed", "null without ei_index", pc))
    if sm["ei_index"] is None and ee is not None:
        # not in the specification: an expectation over the permutations where
        # E-I is defined is a possible reading, so only a note
        rep.note(name, "ei_index is null but ei_expected = %s (ei_permutations = %s)" % (fmt(ee), fmt(npm)))
    rep.group(name, "ei_permutation_sanity", probs)

    # --- partner cuts
    theirs = sysj.get("partner_cuts")
    probs = []
    if M.hub is None:
        if theirs not in ([], None):
            probs.append((None, [], theirs))
    else:
        tp = {}
        for c in theirs or []:
            tp[c.get("partner")] = c
        if set(tp) != set(M.partners) or len(theirs or []) != len(M.partners):
            probs.append((None, sorted(M.partners), sorted(str(x) for x in tp)))
        for p in M.partners:
            c = tp.get(p)
            if c is None:
                continue
            mine = sm["partner_cuts"][p]
            if not close(mine, c.get("value")):
                probs.append((p, mine, c.get("value")))
            pairs = [tuple(x) for x in (c.get("ties") or [])]
            not_edges = [x for x in pairs if not S.has_edge(*x)]
            total = sum(S[a][b]["w"] for a, b in pairs if S.has_edge(a, b))
            if not_edges:
                probs.append((p, "ties are S edges", "not S edges: %s" % fmt(not_edges)))
            elif not close(total, c.get("value")):
                probs.append((p, "sum of tie weights %.12g = value" % total, c.get("value")))
            elif not ref.cut_separates(M, p, pairs):
                probs.append((p, "ties separate the partner from the system", fmt(pairs)))
    rep.group(name, "partner_cuts", probs)


# ---------------------------------------------------------------------------
# self-test of the reference on hand-worked graphs
# ---------------------------------------------------------------------------

def selftest():
    errs = []

    def expect(label, got, want):
        if not close(got, want) if not isinstance(want, (set, frozenset, list, str)) else got != want:
            errs.append("%s: got %s, want %s" % (label, fmt(got), fmt(want)))

    graphs = {g.name: g for g in gen.fixed_graphs()}
    with tempfile.TemporaryDirectory(prefix="hs-xcheck-self-") as td:
        def model(gname, hub=None):
            p = os.path.join(td, gname + ".graphml")
            with open(p, "w", encoding="utf-8") as f:
                f.write(graphs[gname].to_graphml())
            return ref.Model(ref.parse_graphml(p), hub)

        M = model("pure-star")
        sm = ref.system_measures(M)
        expect("star hub", M.hub, "H")
        expect("star allies", M.allies, ["A1", "A2", "A3", "A4"])
        for k, v in (("hub_dependence_share", 1.0), ("closedness", 1.0), ("coordination", None),
                     ("ei_index", -1.0), ("hub_only_ally_pairs", 1.0), ("reciprocity", 0.0),
                     ("flow_hierarchy", 1.0), ("degree_centralization", 1.0),
                     ("betweenness_centralization", 1.0), ("hub_tie_weight", 4.0), ("bare_ally_weight", 0.0),
                     ("hub_articulation_point", True), ("conductance", None)):
            expect("star " + k, sm[k], v)
        st = ref.state_measures(M)
        expect("star hub betweenness", st["H"]["betweenness"], 6.0)
        expect("star hub closeness", st["H"]["closeness"], 1.0)
        expect("star leaf closeness", st["A1"]["closeness"], 4.0 / 7.0)
        expect("star eigenvector leaf", st["A1"]["eigenvector"], 0.5)
        expect("star constraint leaf", st["A1"]["constraint"], 1.0)
        expect("star constraint hub", st["H"]["constraint"], 0.25)
        br = ref.brokerage(M.S, M.role)
        expect("star hub itinerant", br["H"]["itinerant"], 12)
        expect("star hub liaison", br["H"]["liaison"], 0)

        M = model("tisa-triangle")
        sm = ref.system_measures(M)
        expect("tisa hub", M.hub, "US")
        # TISA: intelligence 5/7, each member's relation shared by two: 5/14 a pair
        expect("tisa hub_tie", sm["hub_tie_weight"], 2 + 2 * 5 / 14)
        expect("tisa coordinated", sm["coordinated_ally_weight"], 5 / 14)
        expect("tisa bare", sm["bare_ally_weight"], 0.0)
        expect("tisa K", sm["coordination"], 1.0)
        expect("tisa closure", sm["hub_brokered_closure"], 1.0)
        expect("tisa U", sm["hub_dependence_share"], 19 / 24)
        expect("tisa C", sm["closedness"], 1.0)
        expect("tisa reciprocity", sm["reciprocity"], 1.0)  # co-membership gives US->J and US->K too
        expect("tisa S weight US-Japan", M.S["US"]["Japan"]["w"], 1 + 5 / 14)
        expect("tisa hub articulation", sm["hub_articulation_point"], False)
        expect("tisa hub_only_ally_pairs", sm["hub_only_ally_pairs"], 0.0)

        M = model("quad-expansive")
        sm = ref.system_measures(M)
        expect("quad roles", [M.role[s] for s in M.states], ["hub", "ally", "ally", "partner", "other"])
        # ties: 2 treaties + access J-A (6/7) + dialogue I-V + 6 Quad pairs: a broad
        # partnership (2/7 x 1/2 = 1/7) shared by three co-members, 1/21 a pair,
        # each a third of a relation: inside 1 (US-J, US-A, J-A), across 1 (India's)
        expect("quad E", sm["ei_E"], 1)
        expect("quad I", sm["ei_I"], 4)
        expect("quad ei", sm["ei_index"], -3.0 / 5.0)
        expect("quad C", sm["closedness"], 4.0 / 5.0)
        expect("quad bare", sm["bare_ally_weight"], 6 / 7)
        expect("quad coordinated", sm["coordinated_ally_weight"], 1 / 21)
        expect("quad hub_tie", sm["hub_tie_weight"], 2 + 2 / 21)
        expect("quad K", sm["coordination"], (1 / 21) / (1 / 21 + 6 / 7))
        expect("quad partner cut India", sm["partner_cuts"]["India"], 3 / 21)
        expect("quad U", sm["hub_dependence_share"], 22 / 41)

        M = model("no-treaty")
        sm = ref.system_measures(M)
        expect("no-treaty hub", M.hub, None)
        expect("no-treaty K", sm["coordination"], None)
        expect("no-treaty U", sm["hub_dependence_share"], None)
        expect("no-treaty C", sm["closedness"], None)
        expect("no-treaty A-C weight", M.S["A"]["C"]["w"], 1 / 14)
        expect("no-treaty B-C weight", M.S["B"]["C"]["w"], 0.25)

        M = model("treaty-tie-first-in-file")
        expect("tie-break hub", M.hub, "B")
        expect("tie-break allies", M.allies, ["A", "E"])
        expect("tie-break roles", [M.role[s] for s in M.states], ["ally", "hub", "partner", "partner", "ally"])

        M = model("directed-small")
        sm = ref.system_measures(M)
        expect("directed allies", M.allies, ["A", "B", "C"])
        # D arcs: A->H 1, H->B 1, C->H 0.5, A->B 5/7, B->A 3/7, C->P 2/7,
        # mechanism {A, C, P} depth 0.9 shared by two: A<->C, A<->P, C<->P 0.45
        expect("directed D C->P", M.D["C"]["P"]["w"], 2 / 7 + 0.45)
        expect("directed U", sm["hub_dependence_share"], 1.5 / (1.5 + 5 / 7 + 0.45 + 3 / 7 + 0.45))
        expect("directed reciprocity", sm["reciprocity"], 4.0 / 7.0)
        expect("directed flow_hierarchy", sm["flow_hierarchy"], 0.0)  # A->H->B->A: one SCC

        M = model("complete-k5")
        expect("k5 connectivity", nx.node_connectivity(M.S), 4)

        M = model("cycle-separators")
        k, seps = ref.brute_force_min_separators(M.S)
        expect("cycle k", k, 1)
        expect("cycle separators", seps, {frozenset({"C"})})
        M.S.remove_node("F")
        k, seps = ref.brute_force_min_separators(M.S)
        expect("cycle6 k", k, 2)
        expect("cycle6 separators count", len(seps), 9)

        M = model("hub-attr-overrides")
        expect("attr hub", M.hub, "Q")
        expect("attr allies", M.allies, ["R"])
        expect("attr roles", [M.role[s] for s in M.states], ["partner", "hub", "ally", "other", "other", "partner"])
        M2 = model("hub-attr-overrides", hub="P")
        expect("--hub allies", M2.allies, ["R", "S", "T"])

        M = model("member-weights-and-no-kind")
        # M (5/7, four members: pairs / 3): A 0.3, B 5/7, C 0.9, H 5/7;
        # N (1.0 * 0.5, three members: pairs / 2): H 0.5, P 0.25, A 0.5
        expect("member-weights A-B", M.S["A"]["B"]["w"], 0.3 / 3)
        expect("member-weights B-C", M.S["B"]["C"]["w"], 5 / 21)
        expect("member-weights H-C", M.S["H"]["C"]["w"], 1 + 5 / 21)
        expect("member-weights H-A", M.S["H"]["A"]["w"], 1.0 + 0.1 + 0.25)
        expect("member-weights C-P (no kind)", M.S["C"]["P"]["w"], 1.0)
        expect("member-weights H-P", M.S["H"]["P"]["w"], 0.125)
        expect("member-weights roles", [M.role[s] for s in M.states], ["hub", "ally", "ally", "ally", "partner"])

        M = model("treaty-mechanism")
        expect("treaty-mechanism hub", M.hub, "H")
        expect("treaty-mechanism roles", [M.role[s] for s in M.states], ["ally", "hub", "ally", "ally", "partner"])
        expect("treaty-mechanism H-B weight", M.S["H"]["B"]["w"], 0.5)  # T1's line, shared by two
        expect("treaty-mechanism D B->H", M.D["B"]["H"]["w"], 0.5)
        expect("treaty-mechanism no D H->B", M.D.has_edge("H", "B"), False)

        M = model("isolated-ally-and-loop")
        expect("loop hub", M.hub, "H")
        # B and Z have only self-ties: no tie, so not among the states (tied set)
        expect("loop states", M.states, ["H", "A"])

        # the tolerant Brandes equals NetworkX on unit lengths
        G = nx.gnm_random_graph(30, 70, seed=3)
        for u, v in G.edges:
            G[u][v]["length"] = 1.0
        a = nx.betweenness_centrality(G, weight="length", normalized=False)
        b = ref.tolerant_betweenness(G)
        if not all(close(a[v], b[v]) for v in G):
            errs.append("tolerant Brandes differs from NetworkX on unit lengths")
        G = nx.gnm_random_graph(40, 120, seed=4)
        r = random.Random(5)
        for u, v in G.edges:
            G[u][v]["length"] = 1.0 / r.choice([0.2, 0.3, 0.5, 0.7, 0.9])
        a = nx.betweenness_centrality(G, weight="length", normalized=False)
        b = ref.tolerant_betweenness(G)
        if sum(a.values()) and not close(sum(a.values()), sum(b.values()), 1e-6):
            pass  # float ties may legitimately differ; no assertion
    return errs


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("--seed", type=int, default=MASTER_SEED)
    ap.add_argument("--count", type=int, default=64)
    ap.add_argument("--only")
    ap.add_argument("--keep")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--fake-hubspoke", action="store_true",
                    help="compare the reference with itself (tests the checker, not hubspoke)")
    args = ap.parse_args()

    errs = selftest()
    for e in errs:
        print("REFERENCE SELF-TEST FAILED: " + e)
    if args.selftest:
        print("xcheck: reference self-test %s" % ("failed" if errs else "passed"))
        return 1 if errs else 0
    if errs:
        print("xcheck: 0 passed, %d failed" % len(errs))
        return 1

    graphs = all_graphs(args.seed, args.count)
    if args.only:
        wanted = set(args.only.split(","))
        graphs = [g for g in graphs if g.name in wanted]
    if args.list:
        for g in graphs:
            print(g.name, json.dumps(g.design, ensure_ascii=False))
        return 0

    hubspoke = os.environ.get("HUBSPOKE")
    if args.fake_hubspoke:
        hubspoke = None
    elif not hubspoke or not os.access(hubspoke, os.X_OK):
        print("xcheck: HUBSPOKE (%r) is not an executable; set HUBSPOKE to the built hubspoke" % hubspoke)
        print("xcheck: 0 passed, 1 failed")
        return 1

    rep = Report()
    src = os.environ.get("HS_SRC", os.path.join(HERE, "..", ".."))
    guard = None if args.fake_hubspoke else hang_guard(
        [hubspoke, "metrics", os.path.join(src, "graphs", "us-japan-rok.graphml"), "--format", "json",
         "--permutations", str(PERMUTATIONS), "--seed", "1"])
    t0 = time.time()
    workdir = args.keep or tempfile.mkdtemp(prefix="hs-xcheck-")
    os.makedirs(workdir, exist_ok=True)
    pick_rng = random.Random(args.seed + 1)
    try:
        for g in graphs:
            path = os.path.join(workdir, g.name + ".graphml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(g.to_graphml())
            af = ref.parse_graphml(path)
            hub_opt = None
            if g.hub_option == "__pick__":
                hub_opt = pick_hub_option(ref.Model(af), pick_rng)
            M = ref.Model(af, hub_opt)
            if args.fake_hubspoke:
                rep.group(g.name, "run", [])
                out = json.loads(json.dumps(reference_output(M)))
                check_graph(g, out, M, rep)
                continue
            cmd = [hubspoke, "metrics", path, "--format", "json",
                   "--permutations", str(PERMUTATIONS), "--seed", "1"]
            if hub_opt is not None:
                cmd += ["--hub", hub_opt]
            try:
                proc = subprocess.run(cmd, capture_output=True, timeout=guard)
            except subprocess.TimeoutExpired:
                rep.group(g.name, "run", [(None, "finishes within the hang guard (%.0f s)" % guard,
                                           "timeout: " + " ".join(cmd))])
                continue
            if args.keep:
                with open(os.path.join(workdir, g.name + ".json"), "wb") as f:
                    f.write(proc.stdout)
            if proc.returncode != 0:
                rep.group(g.name, "run", [(None, "exit 0", "exit %d: %s" % (
                    proc.returncode, proc.stderr.decode("utf-8", "replace").strip()[:400]))])
                continue
            try:
                out = json.loads(proc.stdout.decode("utf-8"))
            except ValueError as e:
                rep.group(g.name, "json", [(None, "valid JSON", "%s: %r" % (e, proc.stdout[:200]))])
                continue
            rep.group(g.name, "run", [])
            try:
                check_graph(g, out, M, rep)
            except Exception as e:  # a malformed answer must not hide the others
                import traceback
                traceback.print_exc()
                rep.group(g.name, "check", [(None, "well-formed output", "%s: %s" % (type(e).__name__, e))])
    finally:
        if not args.keep:
            import shutil
            shutil.rmtree(workdir, ignore_errors=True)

    print("xcheck: %d graphs (%d fixed + random, master seed %d), %d notes, %.1f s"
          % (len(graphs), len(gen.fixed_graphs()), args.seed, len(rep.notes), time.time() - t0))
    print("xcheck: %d passed, %d failed" % (rep.passed, rep.failed))
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
