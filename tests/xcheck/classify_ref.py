"""Reference computation of `hubspoke classify`, written from docs/typology.md
(not from hubspoke's sources), on the ties and roles of alliance_ref.Model.

For every mechanism: its size and outcome, outside members, and, in the two
pictures (the system as it stands, the hub's lines around it), U and C
without and with it, the changes, the reference magnitudes of the changes of
the system's relations, and the verdicts. Where hubspoke subtracts a
relation's part from the system's sums, this recomputes the sums from the
other ties; where hubspoke interpolates quantiles itself, this uses NumPy's
default (linear) quantile when NumPy is present.
"""

import copy
import math

import alliance_ref as ref

try:
    import numpy as _np
except ImportError:  # pragma: no cover
    _np = None

TOL = 1e-9
CELLS = {(False, False): "hub-and-spokes", (True, False): "integrative", (False, True): "expansive",
         (True, True): "loose-multilateral"}


def slice_year(af, year):
    """The elements of an AllianceFile active in `year` (docs/schema.md,
    "Years"): since <= year < until; an edge needs both ends active."""
    def active(x):
        return (x.get("since") is None or x["since"] <= year) and (x.get("until") is None or year < x["until"])
    out = copy.copy(af)
    out.nodes = [n for n in af.nodes if active(n)]
    alive = {n["id"] for n in out.nodes}
    out.edges = [e for e in af.edges if active(e) and e["source"] in alive and e["target"] in alive]
    return out


def quantile(values, q):
    xs = sorted(values)
    if not xs:
        return None
    if _np is not None:
        return float(_np.quantile(_np.array(xs), q))
    h = (len(xs) - 1) * q
    lo = int(math.floor(h))
    if lo + 1 >= len(xs):
        return xs[-1]
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


class Classifier:
    def __init__(self, M):
        self.M = M
        hub = M.hub
        self.allies = set(M.allies)
        # Each tie's dependence arcs (a depends on b) as alliance_ref builds D.
        self.arcs = {}
        for t in M.edge_ties:
            if M.directed:
                self.arcs[id(t)] = [(t.a, t.b)]
            elif t.kind == "treaty" and hub is not None and hub in (t.a, t.b):
                self.arcs[id(t)] = [(t.b if t.a == hub else t.a, hub)]
            else:
                self.arcs[id(t)] = [(t.a, t.b), (t.b, t.a)]
        for t in M.comember_ties:
            if M.is_line(t):
                self.arcs[id(t)] = [(t.b if t.a == hub else t.a, hub)]
            else:
                self.arcs[id(t)] = [(t.a, t.b), (t.b, t.a)]
        self.lines = [t for t in M.ties if M.is_line(t)]
        # Relations: each bilateral non-line tie, each mechanism of two or more members.
        self.relations = []
        for t in M.edge_ties:
            if not M.is_line(t):
                self.relations.append(("edge", t, [t.a, t.b], [t]))
        for m in M.mechanisms:
            if len(M.members[m]) >= 2:
                ties = [t for t in M.comember_ties if t.mech == m and not M.is_line(t)]
                self.relations.append(("mech", m, M.members[m], ties))

    def index(self, ties, allies_present):
        """U and C of a picture (docs/typology.md conventions)."""
        M, hub = self.M, self.M.hub
        to_hub = to_sys = 0.0
        arcs = 0
        internal = external = 0.0
        touching = 0
        for t in ties:
            for a, b in self.arcs[id(t)]:
                if a in self.allies and (b == hub or b in self.allies):
                    to_sys += t.depth
                    arcs += 1
                    if b == hub:
                        to_hub += t.depth
            ia, ib = t.a in M.system_set, t.b in M.system_set
            if ia and ib:
                internal += t.share
                touching += 1
            elif ia or ib:
                external += t.share
                touching += 1
        u = None if not allies_present else (to_hub / to_sys if arcs else 1.0)
        c = None if hub is None else (internal / (internal + external) if touching else 1.0)
        return u, c

    def pictures(self, rel):
        """((u0, u1, c0, c1) system, (u0, u1, c0, c1) lines) of a relation."""
        _, _, members, rties = rel
        own = {id(t) for t in rties}
        every = self.M.ties
        any_ally = bool(self.allies)
        s0 = self.index([t for t in every if id(t) not in own], any_ally)
        s1 = self.index(every, any_ally)
        allied = {x for x in members if x in self.allies}
        around = [t for t in self.lines if (t.a in allied or t.b in allied)]
        l0 = self.index(around, bool(allied))
        l1 = self.index(around + list(rties), bool(allied))
        return (s0[0], s1[0], s0[1], s1[1]), (l0[0], l1[0], l0[1], l1[1])

    def run(self, q=0.5, critical_mass=4, fixed_u=None, fixed_c=None):
        M = self.M
        results, changes = {}, []
        for rel in self.relations:
            sysp, linp = self.pictures(rel)
            d = {}
            for name, p in (("system", sysp), ("lines", linp)):
                u0, u1, c0, c1 = p
                d[name] = {"u0": u0, "u1": u1, "c0": c0, "c1": c1,
                           "du": None if u0 is None else u1 - u0, "dc": None if c0 is None else c1 - c0}
            has_ally = any(x in self.allies for x in rel[2])
            changes.append((d, has_ally))
            if rel[0] == "mech":
                results[rel[1]] = d
        refs = {}
        for name in ("system", "lines"):
            for key in ("du", "dc"):
                vals = [abs(d[name][key]) for d, has_ally in changes
                        if d[name][key] is not None and abs(d[name][key]) > TOL and (name == "system" or has_ally)]
                refs[(name, key)] = (quantile(vals, q), len(vals))
        out = {}
        for m in M.mechanisms:
            members = M.members[m]
            n = len(members)
            in_sys = [x for x in members if x in M.system_set]
            outside = sum(1 for x in members if x not in M.system_set)
            size_class = None if n < 2 else "bilateral" if n == 2 else \
                "minilateral" if n <= critical_mass else "multilateral"
            r = {"size": n, "size_class": size_class, "outside_members": outside,
                 "exceeds_one_outside_partner": outside > 1}
            if M.hub is None or n < 2 or not in_sys:
                r.update(type=None, cell=None, type_lines=None, cell_lines=None)
                out[m] = r
                continue
            d = results[m]
            for name, prefix in (("system", "system_"), ("lines", "")):
                weak = {}
                for key, fixed in (("du", fixed_u), ("dc", fixed_c)):
                    x = d[name][key]
                    thr = fixed if fixed is not None else refs[(name, key)][0]
                    weak[key] = x is not None and thr is not None and x < -TOL and -x >= thr - TOL
                cell = CELLS[(weak["du"], weak["dc"])]
                typ = {"bilateral": "bilateral", "multilateral": "multilateral"}.get(size_class, cell)
                suffix = "" if name == "system" else "_lines"
                r["cell" + suffix] = cell
                r["type" + suffix] = typ
                r[prefix + "unidirectionality_without"] = d[name]["u0"]
                r[prefix + "unidirectionality_with"] = d[name]["u1"]
                r[prefix + "closedness_without"] = d[name]["c0"]
                r[prefix + "closedness_with"] = d[name]["c1"]
                r[prefix + "delta_unidirectionality"] = d[name]["du"]
                r[prefix + "delta_closedness"] = d[name]["dc"]
            out[m] = r
        return out, refs
