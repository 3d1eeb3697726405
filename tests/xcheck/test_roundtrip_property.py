"""Property test of `hubspoke convert`: DOT -> GraphML -> DOT -> GraphML keeps
every vertex, edge and attribute (docs/robustness.md).

1. Random schema-valid graphs (seeded: HS_SEED, default 20261124; HS_GRAPHS
   graphs, default 60) are written as DOT with states, clusters (mechanisms),
   explicit mechanism vertices with per-member attributes, ties of every kind,
   multi-edges, attributes the schema does not know, and values with spaces,
   quotes, <, &, non-ASCII text and line breaks. The first GraphML must hold
   exactly the generated content; the second GraphML must equal the first.
2. Every file of ../shared/corpus (dot/ and graphml/) that hubspoke loads goes
   the same way; both GraphML versions must be equal, and for GraphML
   originals every node id and the number of edges must be those of the
   original. Skipped (not failed) without the corpus.
A failing graph is written to $HS_BUILD/roundtrip-failure.gv with its seed.
Exit 0 pass, 1 fail.
"""

import math
import os
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.dom import minidom

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from guard import hang_guard  # noqa: E402

HUBSPOKE = os.environ.get("HUBSPOKE")
GUARD = 60.0  # seconds per convert; main() scales it to this build and machine
GML = "{http://graphml.graphdrawing.org/xmlns}"
KINDS = ["treaty", "access", "intelligence", "technology", "exercise", "partnership", "dialogue"]
ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + \
    [" ", "-", "_", ".", ",", ";", ":", "'", '"', "<", ">", "&", "é", "ü", "中", "国", "Ω", "\u00a0", "\n", "#", "/", "="]


def dot_can_hold(s):
    """What cgraph reads back (src/io/dot_write.c): no line end alone between
    quotes, counting the delimiting ones. hubspoke refuses to write such a
    value; in a DOT input cgraph drops the line end, so the generator avoids it."""
    return '"\n"' not in '"' + s + '"'


def text(rng, lo=1, hi=12):
    while True:
        s = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(lo, hi)))
        if dot_can_hold(s):
            return s


def dq(s):
    """A DOT quoted string (the generator never writes backslashes in values)."""
    return '"' + s.replace('"', '\\"') + '"'


def attrs_dot(a):
    return "[" + ", ".join("%s=%s" % (dq(k), dq(v)) for k, v in a.items()) + "]" if a else ""


def span(rng, a):
    if rng.random() < 0.4:
        a["since"] = str(rng.randint(-9999, 9000))
    if rng.random() < 0.3:
        lo = int(a.get("since", -9999)) + 1
        a["until"] = str(rng.randint(lo, 9999))


def gen(rng, name):
    """Returns (dot text, expected content)."""
    directed = rng.random() < 0.5
    ids = set()

    def new_id():
        while True:
            s = text(rng, 1, 8) if rng.random() < 0.5 else "S%d" % rng.randint(0, 10**6)
            if s not in ids and not s.lower().startswith("cluster") and s.strip() and s not in ("graph", "node", "edge"):
                ids.add(s)
                return s

    n = rng.randint(2, 25)
    states = [new_id() for _ in range(n)]
    node_attrs = {}
    hub = rng.choice(states) if rng.random() < 0.7 else None
    for s in states:
        a = {}
        if rng.random() < 0.5:
            a["label"] = text(rng)
        if s == hub and rng.random() < 0.5:
            a["role"] = "hub"
        elif s != hub and rng.random() < 0.3:
            a["role"] = rng.choice(["ally", "partner", "other"])
        span(rng, a)
        if rng.random() < 0.3:
            a["color"] = rng.choice(["red", "blue", "#00ff00"])
        if rng.random() < 0.2:
            a["x-note"] = text(rng, 0, 30)
        node_attrs[s] = a
    graph_attrs = {}
    if hub and rng.random() < 0.5:
        graph_attrs["hub"] = hub
    if rng.random() < 0.5:
        graph_attrs["period"] = text(rng)
    if rng.random() < 0.3:
        graph_attrs["note"] = text(rng)

    def mech_attrs():
        a = {}
        if rng.random() < 0.7:
            a["kind"] = rng.choice(KINDS)
        if rng.random() < 0.5:
            a["scope"] = rng.choice(["issue", "broad"])
        if rng.random() < 0.4:
            a["issue"] = text(rng)
        if rng.random() < 0.3:
            a["weight"] = repr(round(rng.uniform(0.001, 1.0), 6))
        if rng.random() < 0.4:
            a["label"] = text(rng)
        span(rng, a)
        return a

    edges = []  # (source, target, attrs)
    lines = []
    # clusters: members are states; the mechanism id is the name after cluster_
    clusters = []
    for _ in range(rng.randint(0, 4)):
        m = new_id()
        a = mech_attrs()
        members = rng.sample(states, rng.randint(1, min(5, n)))
        clusters.append((m, a, members))
        node_attrs[m] = dict(a, type="mechanism")
    # explicit mechanism vertices, with attributes on member edges
    explicit = []
    for _ in range(rng.randint(0, 3)):
        m = new_id()
        a = dict(mech_attrs(), type="mechanism")
        node_attrs[m] = a
        explicit.append(m)
        for s in rng.sample(states, rng.randint(1, min(4, n))):
            ea = {"kind": "member"}
            span(rng, ea)
            if rng.random() < 0.3:
                ea["weight"] = repr(round(rng.uniform(0.001, 1.0), 4))
            edges.append((s, m, ea))
    for _ in range(rng.randint(0, 3 * n)):
        a, b = rng.sample(states, 2) if rng.random() < 0.95 else [rng.choice(states)] * 2
        ea = {}
        if rng.random() < 0.8:
            ea["kind"] = rng.choice(KINDS)
        if rng.random() < 0.3:
            ea["weight"] = repr(round(rng.uniform(0.001, 1.0), 6))
        span(rng, ea)
        if rng.random() < 0.2:
            ea["source"] = text(rng, 0, 40)
        if rng.random() < 0.2:
            ea["label"] = text(rng)
        if rng.random() < 0.2:
            ea["penwidth"] = str(rng.randint(1, 5))
        edges.append((a, b, ea))

    op = "->" if directed else "--"
    out = ["%s %s {" % ("digraph" if directed else "graph", dq(name))]
    if graph_attrs:
        out.append("  graph %s;" % attrs_dot(graph_attrs))
    order = states + explicit
    rng.shuffle(order)
    for v in order:
        out.append("  %s %s;" % (dq(v), attrs_dot(node_attrs[v])))
    for m, a, members in clusters:
        body = "; ".join("%s=%s" % (dq(k), dq(v)) for k, v in a.items())
        out.append("  subgraph %s { %s%s %s }" % (dq("cluster_" + m), body, ";" if body else "",
                                                  "; ".join(dq(s) for s in members)))
        for s in members:
            edges_member = (s, m, {"kind": "member"})
            edges.append(edges_member)
    for s, t, a in edges:
        if a.get("kind") == "member" and any(m == t for m, _, _ in clusters):
            continue  # declared by the cluster
        out.append("  %s %s %s %s;" % (dq(s), op, dq(t), attrs_dot(a)))
    out.append("}")
    expected = {"directed": directed, "graph": graph_attrs, "nodes": node_attrs,
                "edges": canon_edges(edges, directed)}
    return "\n".join(out) + "\n", expected


def canon_value(name, v):
    if name == "weight":
        return ("num", float(v))
    if isinstance(v, tuple):  # XML content: compared as the text it is
        v = v[1]
    if "<" in v:  # text that may be XML: one serialisation for both forms
        try:
            frag = minidom.parseString("<r>" + v + "</r>").documentElement
            return "".join(c.toxml() for c in frag.childNodes)
        except Exception:
            pass
    return v


def canon_attrs(a):
    return tuple(sorted((k, canon_value(k, v)) for k, v in a.items() if v not in ("", ("xml", ""))))


def canon_edges(edges, directed):
    out = []
    for s, t, a in edges:
        if not directed:
            s, t = sorted((s, t))
        out.append((s, t, canon_attrs(a)))
    return sorted(out, key=repr)


def read_graphml(path):
    root = ET.parse(path).getroot()
    keys = {}
    for k in root.iter(GML + "key"):
        keys[k.get("id")] = k.get("attr.name") or k.get("id")
    g = root.find(GML + "graph")
    directed = g.get("edgedefault", "directed") == "directed"

    def data(el):
        a = {}
        for d in el.findall(GML + "data"):
            a[keys[d.get("key")]] = "".join(d.itertext()) if len(d) == 0 else ("xml", markup[id(d)])
        return a

    # XML content of <data> (yEd drawings), as text: DOT holds it as a string,
    # so after DOT it comes back as text with the same characters.
    markup = {}
    dom = minidom.parse(path)
    dom_data = [d for d in dom.getElementsByTagName("data")]
    et_data = list(root.iter(GML + "data"))
    for d_et, d_dom in zip(et_data, dom_data):
        if len(d_et):
            markup[id(d_et)] = "".join(c.toxml() for c in d_dom.childNodes)

    nodes = {n.get("id"): {k: v for k, v in data(n).items()} for n in g.iter(GML + "node")}
    edges = [(e.get("source"), e.get("target"), data(e)) for e in g.iter(GML + "edge")]
    return {"directed": directed, "graph": data(g), "nodes": nodes, "edges": canon_edges(edges, directed)}


def normal(c):
    return {"directed": c["directed"], "graph": canon_attrs(c["graph"]),
            "nodes": {k: canon_attrs(v) for k, v in c["nodes"].items()}, "edges": c["edges"]}


def diff(a, b):
    a, b = normal(a), normal(b)
    if a["directed"] != b["directed"]:
        return "directedness differs"
    if a["graph"] != b["graph"]:
        return "graph attributes: %r != %r" % (a["graph"], b["graph"])
    if set(a["nodes"]) != set(b["nodes"]):
        return "vertices: only first %r, only second %r" % (sorted(set(a["nodes"]) - set(b["nodes"]))[:5],
                                                             sorted(set(b["nodes"]) - set(a["nodes"]))[:5])
    for k in a["nodes"]:
        if a["nodes"][k] != b["nodes"][k]:
            return "vertex %r: %r != %r" % (k, a["nodes"][k], b["nodes"][k])
    if a["edges"] != b["edges"]:
        only_a = [e for e in a["edges"] if e not in b["edges"]][:3]
        only_b = [e for e in b["edges"] if e not in a["edges"]][:3]
        return "edges (%d vs %d): only first %r, only second %r" % (len(a["edges"]), len(b["edges"]), only_a, only_b)
    return None


def convert(src, dst, td):
    # No helper time limit (--timeout 0), which a loaded machine could reach;
    # the hang guard catches a hang.
    r = subprocess.run([HUBSPOKE, "convert", "--timeout", "0", src, dst], capture_output=True, text=True,
                       timeout=GUARD)
    return r.returncode, r.stderr.strip()


def chain(src, td, refused=None):
    """src -> g1.graphml -> d1.gv -> g2.graphml; returns (g1, g2) paths or an
    error. `refused` is returned when the first step refuses the input (exit 1)."""
    paths = [os.path.join(td, p) for p in ("g1.graphml", "d1.gv", "g2.graphml")]
    prev = src
    for p in paths:
        rc, err = convert(prev, p, td)
        if rc == 1 and prev == src and refused is not None:
            return None, refused
        if rc != 0:
            return None, "convert %s -> %s: exit %d: %s" % (os.path.basename(prev), os.path.basename(p), rc, err)
        prev = p
    return (paths[0], paths[2]), None


def random_part(seed, count, td):
    failures = 0
    rng = random.Random(seed)
    for i in range(count):
        dot, expected = gen(rng, "g%d" % i)
        src = os.path.join(td, "r.gv")
        with open(src, "w", encoding="utf-8") as f:
            f.write(dot)
        got, err = chain(src, td)
        problem = err
        if not problem:
            problem = diff(expected, read_graphml(got[0]))
            problem = problem and "DOT -> GraphML lost content: " + problem
        if not problem:
            problem = diff(read_graphml(got[0]), read_graphml(got[1]))
            problem = problem and "GraphML -> DOT -> GraphML changed content: " + problem
        if problem:
            failures += 1
            print("FAIL: random graph %d (seed %d): %s" % (i, seed, problem[:600]))
            keep = os.path.join(os.environ.get("HS_BUILD", td), "roundtrip-failure.gv")
            with open(keep, "w", encoding="utf-8") as f:
                f.write(dot)
            print("   the graph is in", keep)
    print("random graphs: %d, %d failed (seed %d)" % (count, failures, seed))
    return failures


def corpus_part(corpus, td):
    failures = loaded = 0
    for sub in ("dot", "graphml"):
        for dirpath, _, files in sorted(os.walk(os.path.join(corpus, sub))):
            for fn in sorted(files):
                path = os.path.join(dirpath, fn)
                # A file hubspoke refuses (exit 1 on the first step) is not loadable.
                got, err = chain(path, td, refused="refused")
                if err == "refused":
                    continue
                loaded += 1
                problem = err
                if not problem:
                    g1 = read_graphml(got[0])
                    problem = diff(g1, read_graphml(got[1]))
                    problem = problem and "GraphML -> DOT -> GraphML changed content: " + problem
                if not problem and sub == "graphml":
                    problem = same_elements(path, g1)
                if problem:
                    failures += 1
                    print("FAIL: %s: %s" % (path, problem[:600]))
    print("corpus files loaded: %d, %d failed the round trip" % (loaded, failures))
    return failures


def same_elements(path, g1):
    """Every node id (declared or an edge end) and every edge of the original."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return None  # an encoding ElementTree does not read: the chain check stands
    g = root.find(GML + "graph")
    if g is None:
        g = root.find("graph")
    if g is None:
        return None
    ns = GML if g.tag.startswith(GML) else ""
    ids = {n.get("id") for n in g.iter(ns + "node")}
    edges = list(g.iter(ns + "edge"))
    ids |= {e.get("source") for e in edges} | {e.get("target") for e in edges}
    if ids != set(g1["nodes"]):
        return "vertices differ from the original: %r" % sorted(ids ^ set(g1["nodes"]))[:5]
    if len(edges) != len(g1["edges"]):
        return "%d edges in the original, %d after conversion" % (len(edges), len(g1["edges"]))
    return None


def main():
    if not HUBSPOKE or not os.access(HUBSPOKE, os.X_OK):
        print("HUBSPOKE does not name the built hubspoke")
        return 1
    seed = int(os.environ.get("HS_SEED", "20261124"))
    count = int(os.environ.get("HS_GRAPHS", "60"))
    global GUARD
    with tempfile.TemporaryDirectory() as td:
        src = os.environ.get("HS_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
        GUARD = hang_guard([HUBSPOKE, "convert", os.path.join(src, "graphs", "us-japan-rok.gv"),
                            os.path.join(td, "guard.graphml")])
        failures = random_part(seed, count, td)
        corpus = os.environ.get("HS_CORPUS", "")
        if corpus and os.path.isdir(corpus):
            failures += corpus_part(corpus, td)
        else:
            print("note: no corpus at %r: corpus round trips skipped" % corpus)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
