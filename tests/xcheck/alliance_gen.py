"""Random alliance graphs in the hubspoke GraphML schema, for the cross-check.

gen_graph(rng, recipe) -> GraphSpec; GraphSpec.to_graphml() -> str.
The generator only *designs* a graph (intended hub, allies, partners, ...);
the reference (alliance_ref.py) re-derives everything from the written file.
"""

from xml.sax.saxutils import escape, quoteattr

from alliance_ref import TIE_KINDS

NON_TREATY = tuple(k for k in TIE_KINDS if k != "treaty")
# Mechanisms may have kind "treaty" too (an ANZUS-like pact): docs/schema.md
# says co-membership of a treaty-kind mechanism neither makes allies nor
# counts towards choosing the hub; alliance_ref.py counts bilateral treaty
# edges only.
MECH_KINDS = TIE_KINDS

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="g_hub" for="graph" attr.name="hub" attr.type="string"/>
  <key id="n_type" for="node" attr.name="type" attr.type="string"/>
  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="n_scope" for="node" attr.name="scope" attr.type="string"/>
  <key id="n_weight" for="node" attr.name="weight" attr.type="double"/>
  <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
"""


class GraphSpec:
    def __init__(self, name):
        self.name = name
        self.directed = False
        self.hub_attr = None
        self.nodes = []  # (id, dict of node data)
        self.edges = []  # (source, target, dict of edge data)
        self.hub_option = None   # pass --hub ID to hubspoke
        self.design = {}         # what the generator intended (for messages)
        # variations of the file's form (same content):
        self.interleave_seed = None   # shuffle node and edge elements together
        self.key_prefix = None        # key ids "<prefix>0".. instead of g_hub, n_type, ...
        self.edge_kind_default = None  # <default> of the edge kind key; edges of that kind omit it

    def to_graphml(self):
        keys = ["g_hub", "n_type", "n_kind", "n_scope", "n_weight", "e_kind", "e_weight"]
        kid = {k: (self.key_prefix + str(i) if self.key_prefix else k) for i, k in enumerate(keys)}
        header = HEADER
        for k in keys:
            header = header.replace('<key id="%s"' % k, '<key id="%s"' % kid[k])
        if self.edge_kind_default is not None:
            header = header.replace(
                'attr.name="kind" attr.type="string"/>\n  <key id="%s"' % kid["e_weight"],
                'attr.name="kind" attr.type="string"><default>%s</default></key>\n  <key id="%s"'
                % (self.edge_kind_default, kid["e_weight"]))
        out = [header]
        out.append('  <graph id=%s edgedefault="%s">\n'
                   % (quoteattr(self.name), "directed" if self.directed else "undirected"))
        if self.hub_attr is not None:
            out.append('    <data key="%s">%s</data>\n' % (kid["g_hub"], escape(self.hub_attr)))
        elems = []
        for nid, data in self.nodes:
            if not data:
                elems.append("    <node id=%s/>\n" % quoteattr(nid))
                continue
            e = ["    <node id=%s>" % quoteattr(nid)]
            for k in ("type", "kind", "scope", "weight"):
                if k in data:
                    e.append('<data key="%s">%s</data>' % (kid["n_" + k], escape(_fmt(data[k]))))
            e.append("</node>\n")
            elems.append("".join(e))
        for s, t, data in self.edges:
            e = ["    <edge source=%s target=%s>" % (quoteattr(s), quoteattr(t))]
            for k in ("kind", "weight"):
                if k in data and not (k == "kind" and data[k] == self.edge_kind_default):
                    e.append('<data key="%s">%s</data>' % (kid["e_" + k], escape(_fmt(data[k]))))
            e.append("</edge>\n")
            elems.append("".join(e))
        if self.interleave_seed is not None:
            import random
            random.Random(self.interleave_seed).shuffle(elems)
        out.extend(elems)
        out.append("  </graph>\n</graphml>\n")
        return "".join(out)


def _fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


NAME_SETS = [
    None,  # plain s0, s1, ...
    ["US", "Japan", "ROK", "Australia", "Philippines", "Thailand", "UK", "France", "India",
     "Vietnam", "Indonesia", "Singapore", "Malaysia", "New Zealand", "Canada", "Germany"],
    ["美国", "日本", "韩国", "澳大利亚", "菲律宾", "印度", "越南", "A&B", "x<y>", "q\"uote", "tab\tname",
     "São Tomé", "Côte d'Ivoire"],
]


def _names(rng, n, style):
    base = NAME_SETS[style]
    if base is None or n > len(base):
        names = ["s%d" % i for i in range(n)]
    else:
        names = list(base[:n])
    return names


def _weight(rng):
    r = rng.random()
    if r < 0.1:
        return 1.0
    return round(rng.uniform(0.05, 1.0), 3)


def gen_random(rng, name, n, *, n_allies, n_partners, mean_deg, n_mech, directed=False,
               treaty=True, weight_p=0.15, parallel_p=0.05, hub_attr_p=0.4, self_loop=False,
               name_style=0, extra_treaty=0, isolated=0, components=1):
    """A designed alliance graph with n states.

    hub + n_allies allies (treaties with the hub), n_partners partners tied
    to the system, the rest "other" states tied among themselves and to the
    partners; extra random ties up to mean_deg; n_mech mechanisms."""
    g = GraphSpec(name)
    g.directed = directed
    names = _names(rng, n, name_style)
    rng.shuffle(names)
    hub = names[0] if treaty else None
    n_allies = min(n_allies, n - 1) if treaty else 0
    allies = names[1:1 + n_allies]
    rest = names[1 + n_allies:] if treaty else names[:]
    n_partners = min(n_partners, len(rest))
    partners = rest[:n_partners]
    others = rest[n_partners:]
    iso = others[len(others) - min(isolated, len(others)):] if isolated else []
    others_live = [o for o in others if o not in iso]
    system = ([hub] if hub else []) + allies

    edges = []  # (a, b, kind, weight or None)

    def tie(a, b, kind, weight=None):
        if a == b:
            return
        if weight is None and rng.random() < weight_p:
            weight = _weight(rng)
        edges.append((a, b, kind, weight))

    # hub-ally treaties (ally -> hub in directed files, mostly)
    for a in allies:
        if directed and rng.random() < 0.2:
            tie(hub, a, "treaty")
        else:
            tie(a, hub, "treaty") if rng.random() < 0.7 else tie(hub, a, "treaty")
    # a few treaties not involving the hub (they may change who the hub is)
    pool = allies + others_live
    for _ in range(extra_treaty):
        if len(pool) >= 2:
            a, b = rng.sample(pool, 2)
            tie(a, b, "treaty")

    # every partner tied to the system (state-state tie) or left for a mechanism
    mech_partners = []
    for p in partners:
        if system and rng.random() < 0.8:
            tie(p, rng.choice(system), rng.choice(NON_TREATY))
        else:
            mech_partners.append(p)
    # others tied among themselves and to partners, in `components` groups
    groups = [others_live[i::components] for i in range(components)] if others_live else []
    for gi, grp in enumerate(groups):
        anchors = (partners if gi == 0 else []) + grp
        for o in grp:
            cands = [x for x in anchors if x != o]
            if cands and rng.random() < 0.85:
                tie(o, rng.choice(cands), rng.choice(TIE_KINDS[1:] if rng.random() < 0.9 else TIE_KINDS))

    # extra random ties respecting the design (no other-to-system ties)
    live = system + partners + others_live
    target = int(mean_deg * n / 2)
    grp_of = {}
    for gi, grp in enumerate(groups):
        for o in grp:
            grp_of[o] = gi
    tries = 0
    while len(edges) < target and tries < 20 * target + 100 and len(live) >= 2:
        tries += 1
        a, b = rng.sample(live, 2)
        ra = "s" if a in system else ("p" if a in partners else "o")
        rb = "s" if b in system else ("p" if b in partners else "o")
        if "o" in (ra, rb) and "s" in (ra, rb):
            continue
        if ra == "o" and rb == "o" and grp_of[a] != grp_of[b]:
            continue
        if ("o" in (ra, rb)) and ("p" in (ra, rb)):
            o = a if ra == "o" else b
            if grp_of[o] != 0:
                continue
        tie(a, b, rng.choice(NON_TREATY))
    # parallel ties (same pair, another kind)
    for (a, b, kind, w) in list(edges):
        if rng.random() < parallel_p:
            tie(b, a, rng.choice(NON_TREATY))
    if self_loop and live:
        s = rng.choice(live)
        edges.append((s, s, rng.choice(NON_TREATY), None))

    # mechanisms
    mechs = []  # (id, data, members)
    for k in range(n_mech):
        shape = rng.choice(["integrative", "expansive", "nohub", "outside", "odd"])
        size = rng.choice([3, 3, 4, 4, 2, 5]) if shape != "odd" else rng.choice([1, 2, 5, 6])
        members = []
        if shape in ("integrative", "expansive") and hub:
            members.append(hub)
        if shape in ("integrative", "expansive", "nohub"):
            members += rng.sample(allies, min(len(allies), max(1, size - len(members) - (shape != "integrative"))))
        if shape in ("expansive", "nohub"):
            cands = mech_partners or partners or others_live
            if cands:
                members.append(rng.choice(cands))
        if shape in ("outside", "odd") or len(members) < 2:
            pool2 = [x for x in live if x not in members]
            if shape == "outside":
                pool2 = [x for x in pool2 if x not in system] or pool2
            members += rng.sample(pool2, min(len(pool2), max(0, size - len(members))))
        members = list(dict.fromkeys(members))
        mid = "m%d" % k
        data = {"type": "mechanism"}
        if rng.random() < 0.9:
            data["kind"] = rng.choice(MECH_KINDS)
        sc = rng.random()
        if shape == "integrative" or sc < 0.4:
            data["scope"] = "issue"
        elif shape == "expansive" or sc < 0.8:
            data["scope"] = "broad"
        if rng.random() < 0.15:
            data["weight"] = _weight(rng)
        mechs.append((mid, data, members))
    # partners meant to join through a mechanism but not placed in one: tie them
    placed = {m for _, _, ms in mechs for m in ms}
    for p in mech_partners:
        if p not in placed and system:
            tie(p, rng.choice(system), rng.choice(NON_TREATY))

    # node list, shuffled; some states carry type=state explicitly
    nodes = [(s, {"type": "state"} if rng.random() < 0.2 else {}) for s in names]
    nodes += [(mid, data) for mid, data, _ in mechs]
    rng.shuffle(nodes)
    g.nodes = nodes
    out_edges = []
    for a, b, kind, w in edges:
        d = {"kind": kind}
        if w is not None:
            d["weight"] = w
        out_edges.append((a, b, d))
    for mid, data, members in mechs:
        for m in members:
            out_edges.append((m, mid, {"kind": "member"}))
    rng.shuffle(out_edges)
    g.edges = out_edges
    if hub and rng.random() < hub_attr_p:
        g.hub_attr = hub
    g.design = {"hub": hub, "allies": len(allies), "partners": len(partners), "others": len(others),
                "mechanisms": len(mechs), "edges": len(edges), "directed": directed}
    return g


def fixed_graphs():
    """Hand-made small graphs: tiny cases and the textbook shapes."""
    gs = []

    g = GraphSpec("one-state")
    g.nodes = [("A", {})]
    gs.append(g)

    g = GraphSpec("two-states-no-ties")
    g.nodes = [("A", {}), ("B", {})]
    gs.append(g)

    g = GraphSpec("two-states-treaty")
    g.nodes = [("B", {}), ("A", {})]
    g.edges = [("A", "B", {"kind": "treaty"})]
    gs.append(g)

    g = GraphSpec("three-states-no-ties")
    g.nodes = [("A", {}), ("B", {}), ("C", {"type": "state"})]
    gs.append(g)

    g = GraphSpec("pure-star")
    g.nodes = [("H", {})] + [("A%d" % i, {}) for i in range(1, 5)]
    g.edges = [("A%d" % i, "H", {"kind": "treaty"}) for i in range(1, 5)]
    gs.append(g)

    g = GraphSpec("tisa-triangle")
    g.hub_attr = "US"
    g.nodes = [("US", {}), ("Japan", {}), ("ROK", {}),
               ("TISA", {"type": "mechanism", "kind": "intelligence", "scope": "issue"})]
    g.edges = [("Japan", "US", {"kind": "treaty"}), ("ROK", "US", {"kind": "treaty"}),
               ("US", "TISA", {"kind": "member"}), ("Japan", "TISA", {"kind": "member"}),
               ("ROK", "TISA", {"kind": "member"})]
    gs.append(g)

    g = GraphSpec("quad-expansive")
    g.nodes = [("US", {}), ("Japan", {}), ("Australia", {}), ("India", {}), ("Vietnam", {}),
               ("Quad", {"type": "mechanism", "kind": "partnership", "scope": "broad"})]
    g.edges = [("Japan", "US", {"kind": "treaty"}), ("Australia", "US", {"kind": "treaty"}),
               ("Japan", "Australia", {"kind": "access"}), ("India", "Vietnam", {"kind": "dialogue"})]
    g.edges += [(s, "Quad", {"kind": "member"}) for s in ("US", "Japan", "Australia", "India")]
    gs.append(g)

    g = GraphSpec("no-treaty")
    g.nodes = [("A", {}), ("B", {}), ("C", {}), ("D", {}),
               ("M", {"type": "mechanism", "kind": "dialogue"})]
    g.edges = [("A", "B", {"kind": "access"}), ("B", "C", {"kind": "exercise", "weight": 0.25}),
               ("A", "M", {"kind": "member"}), ("C", "M", {"kind": "member"}), ("D", "M", {"kind": "member"})]
    gs.append(g)

    g = GraphSpec("treaty-tie-first-in-file")
    # B and C both have two treaties; B comes first in the file.
    g.nodes = [("A", {}), ("B", {}), ("C", {}), ("D", {}), ("E", {})]
    g.edges = [("B", "A", {"kind": "treaty"}), ("C", "D", {"kind": "treaty"}),
               ("C", "E", {"kind": "treaty"}), ("B", "E", {"kind": "treaty"}),
               ("A", "D", {"kind": "dialogue"})]
    gs.append(g)

    g = GraphSpec("directed-small")
    g.directed = True
    g.nodes = [("H", {}), ("A", {}), ("B", {}), ("C", {}), ("P", {}),
               ("M", {"type": "mechanism", "kind": "technology", "scope": "issue", "weight": 0.9})]
    g.edges = [("A", "H", {"kind": "treaty"}), ("H", "B", {"kind": "treaty"}),
               ("C", "H", {"kind": "treaty", "weight": 0.5}), ("A", "B", {"kind": "intelligence"}),
               ("B", "A", {"kind": "exercise"}), ("C", "P", {"kind": "partnership"}),
               ("A", "M", {"kind": "member"}), ("C", "M", {"kind": "member"}), ("P", "M", {"kind": "member"})]
    gs.append(g)

    g = GraphSpec("complete-k5")
    g.nodes = [(x, {}) for x in "HABCD"]
    g.edges = [(x, "H", {"kind": "treaty"}) for x in "ABCD"]
    g.edges += [(a, b, {"kind": "dialogue"}) for i, a in enumerate("ABCD") for b in "ABCD"[i + 1:]]
    gs.append(g)

    g = GraphSpec("cycle-separators")
    # a 6-cycle with a pendant path: several minimum separators of size 1/2
    g.nodes = [(x, {}) for x in ["H", "A", "B", "C", "D", "E", "F"]]
    cyc = ["H", "A", "B", "C", "D", "E"]
    g.edges = [(cyc[i], cyc[(i + 1) % 6], {"kind": "exercise"}) for i in range(6)]
    g.edges += [("A", "H", {"kind": "treaty"}), ("E", "H", {"kind": "treaty"}), ("F", "C", {"kind": "dialogue"})]
    gs.append(g)

    g = GraphSpec("hub-attr-overrides")
    # the file names a hub that is not the state with the most treaties
    g.hub_attr = "Q"
    g.nodes = [(x, {}) for x in ["P", "Q", "R", "S", "T", "U"]]
    g.edges = [("R", "P", {"kind": "treaty"}), ("S", "P", {"kind": "treaty"}), ("T", "P", {"kind": "treaty"}),
               ("Q", "R", {"kind": "treaty"}), ("Q", "U", {"kind": "access"}), ("U", "T", {"kind": "dialogue"})]
    gs.append(g)

    g = GraphSpec("member-weights-and-no-kind")
    # member edges with their own weights (pair depth = min of the two members'),
    # a state-state edge without a kind (depth 1.0), a mechanism without kind
    g.nodes = [(x, {}) for x in ["H", "A", "B", "C", "P"]]
    g.nodes += [("M", {"type": "mechanism", "kind": "intelligence", "scope": "issue"}),
                ("N", {"type": "mechanism", "scope": "broad"})]
    g.edges = [("A", "H", {"kind": "treaty"}), ("B", "H", {"kind": "treaty"}), ("C", "H", {"kind": "treaty"}),
               ("C", "P", {}),
               ("A", "M", {"kind": "member", "weight": 0.3}), ("B", "M", {"kind": "member"}),
               ("C", "M", {"kind": "member", "weight": 0.9}), ("H", "M", {"kind": "member"}),
               ("H", "N", {"kind": "member"}), ("P", "N", {"kind": "member", "weight": 0.25}),
               ("A", "N", {"kind": "member"})]
    gs.append(g)

    g = GraphSpec("treaty-mechanism")
    # co-membership of a treaty-kind mechanism does not count when choosing
    # the hub (docs/schema.md, Roles): B is in two treaty mechanisms but H,
    # with its one bilateral treaty, is the hub; H's treaty mechanism T1 then
    # makes B and C allies, B's T2 without the hub makes D no ally
    g.nodes = [(x, {}) for x in ["B", "H", "A", "C", "D"]]
    g.nodes += [("T1", {"type": "mechanism", "kind": "treaty"}), ("T2", {"type": "mechanism", "kind": "treaty"})]
    g.edges = [("A", "H", {"kind": "treaty"}), ("B", "C", {"kind": "dialogue"})]
    g.edges += [(x, "T1", {"kind": "member"}) for x in ("H", "B", "C")]
    g.edges += [(x, "T2", {"kind": "member"}) for x in ("B", "D")]
    gs.append(g)

    g = GraphSpec("isolated-ally-and-loop")
    g.nodes = [(x, {}) for x in ["H", "A", "B", "Z"]]
    g.edges = [("A", "H", {"kind": "treaty"}), ("B", "B", {"kind": "dialogue"}), ("H", "H", {"kind": "treaty"}),
               ("Z", "Z", {"kind": "access"})]
    gs.append(g)
    return gs
