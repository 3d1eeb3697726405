"""Reference computations for the hubspoke cross-check, written from the
specification of `hubspoke metrics` (not from hubspoke's sources).

Reads a GraphML file of the hubspoke schema with the standard library, builds
the security graph S and the dependence digraph D, infers the roles and
computes every measure the cross-check compares, with NetworkX where a
NetworkX function has the same definition and with small independent
implementations otherwise (brute-force separators, Gould-Fernandez
brokerage, an epsilon-tolerant Brandes betweenness used to classify
floating-point ties).

Only the standard library and networkx are required; numpy is used for the
eigenvector reference when importable.
"""

import heapq
import itertools
import math
import xml.etree.ElementTree as ET

import networkx as nx

try:  # Debian's python3-numpy, when present
    import numpy as _np
except ImportError:  # pragma: no cover
    _np = None

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"

# The codebook's ordinal ladder scored at equal intervals, rank k of 7 at k/7
# (docs/codebook.md).
KIND_DEPTH = {
    "treaty": 7 / 7,
    "access": 6 / 7,
    "intelligence": 5 / 7,
    "technology": 4 / 7,
    "exercise": 3 / 7,
    "partnership": 2 / 7,
    "dialogue": 1 / 7,
}
TIE_KINDS = tuple(KIND_DEPTH)
SCOPE_FACTOR = {"issue": 1.0, "broad": 0.5}
ROLES = ("hub", "ally", "partner", "other")


def kind_depth(kind):
    """Codebook depth of a kind; no kind (None) -> 1.0."""
    if kind is None:
        return 1.0
    return KIND_DEPTH[kind]


def scope_factor(scope):
    if scope is None:
        return 1.0
    return SCOPE_FACTOR[scope]


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------

class AllianceFile:
    """The raw content of one GraphML file, in file order."""

    def __init__(self):
        self.directed = False
        self.hub_attr = None
        self.nodes = []   # dicts: id, type, kind, scope, weight
        self.edges = []   # dicts: source, target, kind, weight


def _typed(value, attr_type):
    if value is None:
        return None
    if attr_type in ("double", "float"):
        return float(value)
    if attr_type in ("int", "long"):
        return int(value)
    return value


def parse_graphml(path):
    tree = ET.parse(path)
    root = tree.getroot()
    keys = {}
    defaults = {"graph": {}, "node": {}, "edge": {}}
    for key in root.iter(GRAPHML_NS + "key"):
        name = key.get("attr.name") or key.get("id")
        typ = key.get("attr.type", "string")
        keys[key.get("id")] = (key.get("for"), name, typ)
        dflt = key.find(GRAPHML_NS + "default")
        if dflt is not None:
            for dom in (("graph", "node", "edge") if key.get("for") == "all" else (key.get("for"),)):
                defaults[dom][name] = _typed(dflt.text or "", typ)

    def data_of(elem):
        out = dict(defaults[elem.tag[len(GRAPHML_NS):]])
        for d in elem.findall(GRAPHML_NS + "data"):
            kid = d.get("key")
            _for, name, typ = keys.get(kid, (None, kid, "string"))
            out[name] = _typed(d.text if d.text is not None else "", typ)
        return out

    graph = root.find(GRAPHML_NS + "graph")
    af = AllianceFile()
    af.directed = graph.get("edgedefault", "directed") == "directed"
    gd = data_of(graph)
    af.hub_attr = gd.get("hub")
    for node in graph.findall(GRAPHML_NS + "node"):
        d = data_of(node)
        af.nodes.append({
            "id": node.get("id"),
            "type": d.get("type"),
            "kind": d.get("kind"),
            "scope": d.get("scope"),
            "weight": d.get("weight"),
            "since": _year(d.get("since")),
            "until": _year(d.get("until")),
        })
    for edge in graph.findall(GRAPHML_NS + "edge"):
        d = data_of(edge)
        af.edges.append({
            "source": edge.get("source"),
            "target": edge.get("target"),
            "kind": d.get("kind"),
            "weight": d.get("weight"),
            "depends": d.get("depends"),
            "since": _year(d.get("since")),
            "until": _year(d.get("until")),
        })
    return af


def _year(v):
    return None if v in (None, "") else int(float(v))


# ---------------------------------------------------------------------------
# The model: ties, roles, S and D
# ---------------------------------------------------------------------------

class Tie:
    """One instrument. When not mutual, a depends on b; arc = (weight of
    a -> b, weight of b -> a) in D; depth = its weight in S and K; `share`
    is its part of one relation (1 bilateral, 1/(n-1) for co-membership in a
    mechanism of n members: docs/metrics.md)."""
    __slots__ = ("a", "b", "depth", "kind", "mech", "share", "mutual", "arc")

    def __init__(self, a, b, depth, kind, mech, share=1.0):
        self.a, self.b, self.depth, self.kind, self.mech, self.share = a, b, depth, kind, mech, share
        self.mutual = True
        self.arc = [depth, depth]

    def __repr__(self):
        via = " via %s" % self.mech if self.mech is not None else ""
        return "Tie(%s-%s %s %.3g%s)" % (self.a, self.b, self.kind, self.depth, via)


class Model:
    """Everything the reference derives from one file (optionally --hub)."""

    def __init__(self, af, hub_override=None, kind_depth=kind_depth, scope_factor=scope_factor):
        """kind_depth(kind) and scope_factor(scope) give the codebook in use
        (by default the built-in one)."""
        self.af = af
        self.directed = af.directed
        node_by_id = {n["id"]: n for n in af.nodes}
        self.mechanisms = [n["id"] for n in af.nodes if n["type"] == "mechanism"]
        mech_set = set(self.mechanisms)
        self.states = [n["id"] for n in af.nodes if n["type"] != "mechanism"]
        state_set = set(self.states)

        # Mechanism depths.
        self.mech_depth = {}
        for m in self.mechanisms:
            n = node_by_id[m]
            if n["weight"] is not None:
                self.mech_depth[m] = float(n["weight"])
            else:
                self.mech_depth[m] = kind_depth(n["kind"]) * scope_factor(n["scope"])

        # State-state ties in file order, and membership lists.
        self.ties = []            # every tie, state-state first (file order), then co-membership
        self.edge_ties = []       # (Tie, source, target) for state-state edges
        members = {m: [] for m in self.mechanisms}
        member_w = {m: {} for m in self.mechanisms}
        for e in af.edges:
            s, t = e["source"], e["target"]
            if s == t:
                continue  # self-loops are ignored
            if s in state_set and t in state_set:
                depth = float(e["weight"]) if e["weight"] is not None else kind_depth(e["kind"])
                tie = Tie(s, t, depth, e["kind"], None)
                self.edge_ties.append(tie)
                self.ties.append(tie)
            elif (s in state_set and t in mech_set) or (s in mech_set and t in state_set):
                st, m = (s, t) if s in state_set else (t, s)
                if st not in member_w[m]:
                    members[m].append(st)
                    member_w[m][st] = float(e["weight"]) if e["weight"] is not None else self.mech_depth[m]
            else:
                raise ValueError("edge %s-%s joins two mechanisms" % (s, t))
        self.members = members
        self.comember_ties = []
        self.mech_kind = {m: node_by_id[m]["kind"] for m in self.mechanisms}
        for m in self.mechanisms:
            ms = members[m]
            if len(ms) < 2:
                continue
            share = 1.0 / (len(ms) - 1)  # a member's one relation, shared among its co-members
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    d = min(member_w[m][ms[i]], member_w[m][ms[j]]) * share
                    tie = Tie(ms[i], ms[j], d, self.mech_kind[m], m, share)
                    self.comember_ties.append(tie)
                    self.ties.append(tie)

        self._hub_and_roles(af, node_by_id, hub_override)
        self._directions(af)
        self._drop_untied()
        self._graphs()

    def _hub_and_roles(self, af, node_by_id, hub_override):
        # Hub.
        treaty_count = {s: 0 for s in self.states}
        for t in self.edge_ties:
            if t.kind == "treaty":
                treaty_count[t.a] += 1
                treaty_count[t.b] += 1
        if hub_override is not None:
            self.hub = hub_override
        elif af.hub_attr is not None:
            self.hub = af.hub_attr
        else:
            self.hub = None
            best = 0
            for s in self.states:  # first in file order wins a tie
                if treaty_count[s] > best:
                    best, self.hub = treaty_count[s], s
        hub = self.hub
        self.treaty_count = treaty_count

        # Roles.
        self.allies = []
        self.partners = []
        self.role = {}
        if hub is not None:
            ally_set = set()
            for t in self.edge_ties:
                if t.kind == "treaty" and hub in (t.a, t.b):
                    ally_set.add(t.b if t.a == hub else t.a)
            for m in self.mechanisms:  # a multilateral defence treaty with the hub
                if node_by_id[m]["kind"] == "treaty" and hub in self.members[m]:
                    ally_set.update(x for x in self.members[m] if x != hub)
            system = ally_set | {hub}
            partner_set = set()
            for t in self.ties:  # state-state ties and shared mechanisms alike
                if t.a in system and t.b not in system:
                    partner_set.add(t.b)
                elif t.b in system and t.a not in system:
                    partner_set.add(t.a)
            for s in self.states:
                if s == hub:
                    self.role[s] = "hub"
                elif s in ally_set:
                    self.role[s] = "ally"
                    self.allies.append(s)
                elif s in partner_set:
                    self.role[s] = "partner"
                    self.partners.append(s)
                else:
                    self.role[s] = "other"
        else:
            for s in self.states:
                self.role[s] = "other"
        self.system = ([hub] + self.allies) if hub is not None else []
        self.system_set = set(self.system)

    def _directions(self, af):
        """Who depends on whom (docs/schema.md, "Direction"): `depends`, else
        the arc in a digraph, else ally -> hub for a treaty with the hub and
        mutual otherwise; then, in a digraph, the i-th arc each way of one
        pair and kind make one mutual tie (docs/metrics.md)."""
        hub = self.hub
        edges = [e for e in af.edges if e["source"] != e["target"]
                 and e["source"] in set(self.states) and e["target"] in set(self.states)]
        assert len(edges) == len(self.edge_ties)
        for e, t in zip(edges, self.edge_ties):
            dep = e.get("depends")
            if dep == "mutual":
                t.mutual = True
            elif dep is not None:
                t.mutual = False
                if dep == t.b:
                    t.a, t.b = t.b, t.a
            elif self.directed:
                t.mutual = False
            elif t.kind == "treaty" and hub is not None and hub in (t.a, t.b):
                t.mutual = False
                if t.a == hub:
                    t.a, t.b = t.b, t.a
        for t in self.comember_ties:
            # A treaty mechanism with the hub: its hub-ally ties are lines, one way.
            if self.is_line(t):
                t.mutual = False
                if t.a == hub:
                    t.a, t.b = t.b, t.a
        if not self.directed:
            return
        merged = []
        gone = set()
        for i, t in enumerate(self.edge_ties):
            if i in gone or t.mutual:
                continue
            for j in range(i + 1, len(self.edge_ties)):
                u = self.edge_ties[j]
                if j in gone or u.mutual or u.kind != t.kind or (u.a, u.b) != (t.b, t.a):
                    continue
                t.mutual = True
                t.arc = [t.depth, u.depth]
                t.depth = max(t.depth, u.depth)
                gone.add(j)
                break
        kept = [t for i, t in enumerate(self.edge_ties) if i not in gone]
        removed = [t for i, t in enumerate(self.edge_ties) if i in gone]
        self.edge_ties = kept
        self.ties = [t for t in self.ties if not any(t is r for r in removed)]

    def _drop_untied(self):
        """The default state set: only states with a tie, and the hub."""
        tied = {t.a for t in self.ties} | {t.b for t in self.ties}
        if self.hub is not None:
            tied.add(self.hub)
        self.states = [s for s in self.states if s in tied]
        self.role = {s: r for s, r in self.role.items() if s in tied}

    def _graphs(self):
        # S: security graph; a pair's path length is 1 / its deepest tie.
        S = nx.Graph()
        S.add_nodes_from(self.states)
        for t in self.ties:
            if S.has_edge(t.a, t.b):
                S[t.a][t.b]["w"] += t.depth
                S[t.a][t.b]["deepest"] = max(S[t.a][t.b]["deepest"], t.depth)
            else:
                S.add_edge(t.a, t.b, w=t.depth, deepest=t.depth)
        for u, v, d in S.edges(data=True):
            d["length"] = 1.0 / d["deepest"]
        self.S = S

        # D: dependence digraph.
        D = nx.DiGraph()
        D.add_nodes_from(self.states)

        def arc(a, b, w):
            if D.has_edge(a, b):
                D[a][b]["w"] += w
            else:
                D.add_edge(a, b, w=w)

        for t in self.ties:
            arc(t.a, t.b, t.arc[0])
            if t.mutual:
                arc(t.b, t.a, t.arc[1])
        self.D = D

    def is_line(self, t):
        """A treaty of the hub with an ally (docs/typology.md, "Lines and relations")."""
        hub = self.hub
        if hub is None or hub not in (t.a, t.b):
            return False
        other = t.b if t.a == hub else t.a
        if self.role.get(other) != "ally":
            return False
        if t.mech is None:
            return t.kind == "treaty"
        return self.mech_kind[t.mech] == "treaty" and hub in self.members[t.mech]


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------

def tolerant_betweenness(G, weight="length", eps=1e-10):
    """Brandes' weighted betweenness (undirected, raw, pairs once) where two
    path lengths within a relative eps count as equal, as igraph does.
    NetworkX compares float sums exactly; the two differ only when
    mathematically equal paths sum to different floats."""
    bc = dict.fromkeys(G, 0.0)
    adj = {u: [(v, d[weight]) for v, d in G[u].items()] for u in G}

    def less(a, b):  # a < b beyond tolerance
        return a < b - eps * max(abs(a), abs(b))

    for s in G:
        S = []
        P = {v: [] for v in G}
        dist = {}
        seen = {s: 0.0}
        heap = [(0.0, 0, s)]
        c = itertools.count(1)
        while heap:
            dv, _, v = heapq.heappop(heap)
            if v in dist:
                continue
            S.append(v)
            dist[v] = dv
            for w, ln in adj[v]:
                if w in dist:
                    continue
                vw = dv + ln
                if w not in seen or less(vw, seen[w]):
                    seen[w] = vw
                    heapq.heappush(heap, (vw, next(c), w))
                    P[w] = [v]
                elif not less(seen[w], vw):  # equal within eps
                    P[w].append(v)
        sigma = dict.fromkeys(S, 0.0)
        sigma[s] = 1.0
        for v in S[1:]:  # every predecessor settles before v
            sigma[v] = sum(sigma[p] for p in P[v])
        delta = dict.fromkeys(S, 0.0)
        for w in reversed(S):
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in P[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
    return {v: b / 2.0 for v, b in bc.items()}


def eigenvector_reference(S):
    """Eigenvector centrality of a connected weighted S, max scaled to 1."""
    nodes = list(S)
    if _np is not None and len(nodes) <= 3000:
        idx = {v: i for i, v in enumerate(nodes)}
        A = _np.zeros((len(nodes), len(nodes)))
        for u, v, d in S.edges(data=True):
            A[idx[u], idx[v]] = A[idx[v], idx[u]] = d["w"]
        vals, vecs = _np.linalg.eigh(A)
        x = _np.abs(vecs[:, -1])
        x = x / x.max()
        return {v: float(x[idx[v]]) for v in nodes}
    ev = nx.eigenvector_centrality(S, weight="w", max_iter=10000, tol=1e-12)
    m = max(ev.values())
    return {v: x / m for v, x in ev.items()}


def brute_force_min_separators(S, k=None):
    """All minimum-size vertex separators of a connected, non-complete S,
    by enumerating subsets of size k (k = node connectivity when None)."""
    nodes = list(S)
    if k is None:
        k = nx.node_connectivity(S)
    out = set()
    for sub in itertools.combinations(nodes, k):
        rest = S.subgraph(set(nodes) - set(sub))
        if rest.number_of_nodes() >= 2 and not nx.is_connected(rest):
            out.add(frozenset(sub))
    return k, out


def is_separator(S, nodes):
    rest = S.subgraph(set(S) - set(nodes))
    return rest.number_of_nodes() >= 2 and not nx.is_connected(rest)


def brokerage(S, role):
    """Gould-Fernandez brokerage on S as a symmetric digraph, groups = role.
    Returns {state: {type: count}} with raw counts of ordered pairs."""
    types = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
    out = {}
    for b in S:
        cnt = dict.fromkeys(types, 0)
        nb = list(S[b])
        gb = role[b]
        for a in nb:
            for c in nb:
                if a == c or S.has_edge(a, c):
                    continue
                ga, gc = role[a], role[c]
                if ga == gb == gc:
                    cnt["coordinator"] += 1
                elif ga == gc != gb:
                    cnt["itinerant"] += 1
                elif ga == gb != gc:
                    cnt["representative"] += 1
                elif gb == gc != ga:
                    cnt["gatekeeper"] += 1
                else:
                    cnt["liaison"] += 1
        out[b] = cnt
    return out


def partner_cut_value(M, partner):
    """Minimum weighted edge cut between a partner and the contracted system."""
    SYS = ("__system__",)
    H = nx.Graph()
    H.add_node(SYS)
    for v in M.states:
        if v not in M.system_set:
            H.add_node(v)
    for u, v, d in M.S.edges(data=True):
        uu = SYS if u in M.system_set else u
        vv = SYS if v in M.system_set else v
        if uu == vv:
            continue
        if H.has_edge(uu, vv):
            H[uu][vv]["w"] += d["w"]
        else:
            H.add_edge(uu, vv, w=d["w"])
    return nx.minimum_cut_value(H, partner, SYS, capacity="w")


def cut_separates(M, partner, pairs):
    """Does removing the S edges `pairs` separate partner from every system state?"""
    H = M.S.copy()
    for a, b in pairs:
        if H.has_edge(a, b):
            H.remove_edge(a, b)
    comp = nx.node_connected_component(H, partner)
    return not (comp & M.system_set)


def _ratio(num, den):
    return None if den == 0 else num / den


def system_measures(M):
    """The hub-based and whole-graph system measures of the specification."""
    S, D, hub = M.S, M.D, M.hub
    n = S.number_of_nodes()
    r = {}
    deg = dict(S.degree())
    if n >= 3:
        md = max(deg.values())
        r["degree_centralization"] = sum(md - d for d in deg.values()) / ((n - 1) * (n - 2))
        bet = nx.betweenness_centrality(S, weight="length", normalized=False)
        mb = max(bet.values())
        r["betweenness_centralization"] = sum(mb - b for b in bet.values()) / ((n - 1) * (n - 1) * (n - 2) / 2.0)
    else:
        r["degree_centralization"] = None
        r["betweenness_centralization"] = None

    if hub is None:
        for k in ("hub_articulation_point", "hub_only_ally_pairs", "hub_tie_weight",
                  "coordinated_ally_weight", "bare_ally_weight", "hub_brokered_closure",
                  "reciprocity", "flow_hierarchy", "hub_dependence_share", "ei_index",
                  "conductance", "coordination", "closedness"):
            r[k] = None
        r["partner_cuts"] = {}
        return r

    allies = M.allies
    ally_set = set(allies)
    aps = set(nx.articulation_points(S))
    r["hub_articulation_point"] = hub in aps

    if len(allies) >= 2:
        comp = {}
        for i, c in enumerate(nx.connected_components(S)):
            for v in c:
                comp[v] = i
        Sm = S.copy()
        Sm.remove_node(hub)
        compm = {}
        for i, c in enumerate(nx.connected_components(Sm)):
            for v in c:
                compm[v] = i
        pairs = list(itertools.combinations(allies, 2))
        hits = sum(1 for a, b in pairs if comp[a] == comp[b] and compm[a] != compm[b])
        r["hub_only_ally_pairs"] = hits / len(pairs)
    else:
        r["hub_only_ally_pairs"] = None

    hub_tie = coord = bare = 0.0
    for t in M.ties:
        ends = {t.a, t.b}
        if hub in ends and (ends - {hub}) <= ally_set:
            hub_tie += t.depth
        elif t.a in ally_set and t.b in ally_set:
            if t.mech is not None and hub in M.members[t.mech]:
                coord += t.depth
            else:
                bare += t.depth
    r["hub_tie_weight"] = hub_tie
    r["coordinated_ally_weight"] = coord
    r["bare_ally_weight"] = bare
    r["hub_brokered_closure"] = _ratio(coord, coord + bare)
    r["coordination"] = _ratio(coord, coord + bare)  # the hub's part in ally-ally cooperation

    Dsys = D.subgraph(M.system)
    if Dsys.number_of_edges() == 0:
        r["reciprocity"] = None
        r["flow_hierarchy"] = None
    else:
        r["reciprocity"] = nx.overall_reciprocity(Dsys)
        r["flow_hierarchy"] = nx.flow_hierarchy(Dsys)

    num = den = 0.0
    for a in allies:
        wah = D[a][hub]["w"] if D.has_edge(a, hub) else 0.0
        num += wah
        den += wah
        for b in allies:
            if b != a and D.has_edge(a, b):
                den += D[a][b]["w"]
    r["hub_dependence_share"] = _ratio(num, den)

    E = I = 0.0
    for t in M.ties:  # counted by their shares of a relation
        ina, inb = t.a in M.system_set, t.b in M.system_set
        if ina and inb:
            I += t.share
        elif ina or inb:
            E += t.share
    r["ei_index"] = _ratio(E - I, E + I)
    r["ei_E"], r["ei_I"] = E, I
    r["closedness"] = None if r["ei_index"] is None else (1.0 - r["ei_index"]) / 2.0

    try:
        r["conductance"] = nx.conductance(S, M.system_set, weight="w")
    except ZeroDivisionError:
        r["conductance"] = None

    r["partner_cuts"] = {p: partner_cut_value(M, p) for p in M.partners}
    return r


def state_measures(M):
    """Per-state measures on S: {state: {measure: value}}."""
    S = M.S
    deg = dict(S.degree())
    strength = dict(S.degree(weight="w"))
    bet = nx.betweenness_centrality(S, weight="length", normalized=False)
    clo = nx.closeness_centrality(S, distance="length")
    con = nx.constraint(S, weight="w")
    out = {}
    for v in M.states:
        c = con.get(v)
        if c is None or (isinstance(c, float) and math.isnan(c)) or deg[v] == 0:
            c = None
        out[v] = {
            "role": M.role[v],
            "degree": deg[v],
            "strength": float(strength[v]),
            "betweenness": bet[v],
            "closeness": clo[v] if deg[v] > 0 else 0.0,
            "constraint": c,
        }
    if S.number_of_nodes() >= 2 and nx.is_connected(S):
        ev = eigenvector_reference(S)
        for v in M.states:
            out[v]["eigenvector"] = ev[v]
    return out
