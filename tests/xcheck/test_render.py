#!/usr/bin/python3
"""Check the figures of `hubspoke render` and `hubspoke evolve` by reading them.

The SVG is parsed (xml.etree) and compared with what the schema says is
active in each year, computed here from the GraphML form of the input
(docs/schema.md, "Years"), and with `hubspoke info` (roles) and `hubspoke
metrics` (the captions' K, U, C):
  - one panel per year, in the order given;
  - every state and mechanism sits at the same place, relative to its panel,
    in every panel;
  - every tie and membership active in a year is drawn in that panel (ties of
    one kind between the same two states as one line), and no tie or
    membership outside its years is (ghosts are marked as such and are
    inactive);
  - every state's node style is its role that year (`info`, with --focus);
  - the legend lists exactly the tie kinds and roles drawn;
  - the captions carry the year and the indices of `metrics` (with --focus).
A small hand-made system is checked against hand-computed expectations; the
shipped graphs/asia-pacific.gv is checked for the figures of docs/figures/.
Also: PNG, PDF and DOT outputs are valid.

Exit status: 0 pass, 1 fail.
"""

import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

from checks import H, check, run, summary

SRC = os.environ.get("HS_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
SVG = "{http://www.w3.org/2000/svg}"
GML = "{http://graphml.graphdrawing.org/xmlns}"



# ---- the input, read independently ---------------------------------------------------

OPEN_LO, OPEN_HI = -10 ** 9, 10 ** 9


class System:
    def __init__(self, path):
        text = run("convert", path, "-", "--to", "graphml")
        root = ET.fromstring(text)
        keys = {}
        for k in root.iter(GML + "key"):
            keys[k.get("id")] = k.get("attr.name")
        g = root.find(GML + "graph")
        self.directed = g.get("edgedefault", "directed") == "directed"
        self.v = {}  # id -> attrs
        self.order = []
        for n in g.iter(GML + "node"):
            a = {keys[d.get("key")]: (d.text or "") for d in n.findall(GML + "data")}
            self.v[n.get("id")] = a
            self.order.append(n.get("id"))
        self.e = []
        for e in g.iter(GML + "edge"):
            a = {keys[d.get("key")]: (d.text or "") for d in e.findall(GML + "data")}
            s, t = e.get("source"), e.get("target")
            if self.is_mech(s):  # member edges may be written mechanism first
                s, t = t, s
            kind = a.get("kind") or ("member" if self.is_mech(t) else "unspecified")
            self.e.append((s, t, kind, span(a)))

    def is_mech(self, i):
        return self.v[i].get("type") == "mechanism"

    def active_vertex(self, i, y):
        lo, hi = span(self.v[i])
        return lo <= y < hi

    def members(self, m):
        return {s for s, t, k, _ in self.e if k == "member" and t == m}

    def active(self, y, focus=None):
        """(states, mechanisms, ties, memberships) drawn in year y: the
        subsystem of `metrics --focus` (docs/cli.md): the focus states, and
        the mechanisms none of whose members active in y is outside it."""
        states = {i for i in self.v if not self.is_mech(i)} if focus is None else set(focus)
        st = {s for s in states if self.active_vertex(s, y)}
        me = {m for m in self.v if self.is_mech(m) and self.active_vertex(m, y)}
        for s, t, k, (lo, hi) in self.e:
            if k == "member" and lo <= y < hi and self.active_vertex(s, y) and s not in states:
                me.discard(t)
        ties, mem = [], []
        for s, t, k, (lo, hi) in self.e:
            if not lo <= y < hi or s not in st:
                continue
            if k == "member":
                if t in me:
                    mem.append((t, s))
            elif t in st:
                ties.append(self.tie_key(s, t, k))
        # Ties of one kind between the same two states are one line.
        return st, me, sorted(set(ties)), sorted(mem)

    def tie_key(self, s, t, k):
        return (s, t, k) if self.directed else (min(s, t), max(s, t), k)


def span(a):
    lo = int(a["since"]) if a.get("since") else OPEN_LO
    hi = int(a["until"]) if a.get("until") else OPEN_HI
    return lo, hi


# ---- the figure, read from the SVG ------------------------------------------------------


def centre(g):
    """A node's centre: its (first) ellipse's, else its polygon's."""
    e = next(g.iter(SVG + "ellipse"), None)
    if e is not None:
        return round(float(e.get("cx")), 2), round(float(e.get("cy")), 2)
    for tag in ("polygon", "path"):
        el = next(g.iter(SVG + tag), None)
        if el is not None:
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("points") or el.get("d"))]
            xs, ys = nums[0::2], nums[1::2]
            return round((min(xs) + max(xs)) / 2, 2), round((min(ys) + max(ys)) / 2, 2)
    raise ValueError("a node without a shape")


def shape_fill(g):
    for el in g.iter():
        if el.tag in (SVG + "ellipse", SVG + "polygon", SVG + "path") and el.get("fill") not in (None, "none"):
            return el.get("fill")
    return None


class Figure:
    def __init__(self, svg_text, directed):
        root = ET.fromstring(svg_text)
        self.panels = []  # (year, x0, y0)
        self.nodes = {}  # title -> dict
        self.edges = []
        self.legend_kinds, self.legend_roles, self.legend_mechanisms = set(), set(), set()
        self.legend_ids, self.stack_frames = set(), 0
        for g in root.iter(SVG + "g"):
            cls = (g.get("class") or "").split()
            gid = g.get("id") or ""
            title = g.find(SVG + "title").text if g.find(SVG + "title") is not None else ""
            if "cluster" in cls and "panel" in cls:
                year = [c[5:] for c in cls if c.startswith("year-")]
                pts = [tuple(map(float, p.split(","))) for p in g.find(SVG + "polygon").get("points").split()]
                self.panels.append((int(year[0]) if year else None, min(p[0] for p in pts), min(p[1] for p in pts)))
            elif "node" in cls and ("state" in cls or "mechanism" in cls) and "legend" not in cls:
                m = re.match(r"p(\d+)-([sm])-(.*)$", gid)
                x, y = centre(g)
                self.nodes[title] = {
                    "panel": int(m.group(1)), "id": m.group(3), "mech": m.group(2) == "m",
                    "ghost": "ghost" in cls, "roles": [c[5:] for c in cls if c.startswith("role-")],
                    "x": x, "y": y, "text": [t.text for t in g.iter(SVG + "text")],
                    "fill": shape_fill(g),
                    "pattern": [c[8:] for c in cls if c.startswith("pattern-")],
                }
            elif "node" in cls and "stack" in cls and "legend" not in cls:
                self.stack_frames += 1
            elif "edge" in cls and "legend" not in cls:
                sep = "->"
                tail, head = title.split(sep)
                kind = [c[5:] for c in cls if c.startswith("kind-")][0]
                # A membership spoke names the mechanisms it stands for
                # (of-vI); its tail is a mechanism or a stack's frame.
                of = [tail.split("/")[0] + "/" + c[3:] for c in cls if c.startswith("of-")]
                self.edges.append({"tail": tail, "head": head, "kind": kind, "ghost": "ghost" in cls,
                                   "member": "member" in cls, "panel": int(gid.split("-")[0][1:]), "of": of})
            elif "legend" in cls:
                self.legend_ids.add(gid)
                if gid.startswith("legend-m-"):
                    self.legend_mechanisms.add(gid[len("legend-m-"):])
                if gid.startswith("legend-kind-"):
                    self.legend_kinds.add(gid[len("legend-kind-"):])
                if gid.startswith("legend-role-"):
                    self.legend_roles.add(gid[len("legend-role-"):])
            elif "caption" in cls:
                texts = [t.text for t in g.iter(SVG + "text")]
                self.captions = getattr(self, "captions", {})
                self.captions[int(gid.split("-")[1])] = " ".join(texts).replace("\u00a0", " ")
        self.directed = directed

    def drawn(self, p, system):
        """(states, mechanisms, ties, memberships, ghost ties) in panel p."""
        st = {n["id"] for n in self.nodes.values() if n["panel"] == p and not n["mech"] and not n["ghost"]}
        me = {n["id"] for n in self.nodes.values() if n["panel"] == p and n["mech"] and not n["ghost"]}
        ties, mem, ghosts = [], [], []
        for e in self.edges:
            if e["panel"] != p:
                continue
            if e["member"]:
                mem += [(self.nodes[t]["id"], self.nodes[e["head"]]["id"]) for t in e["of"]]
                continue
            a, b = self.nodes[e["tail"]]["id"], self.nodes[e["head"]]["id"]
            if False:
                pass
            elif e["ghost"]:
                ghosts.append(system.tie_key(a, b, e["kind"]))
            else:
                ties.append(system.tie_key(a, b, e["kind"]))
        return st, me, sorted(ties), sorted(mem), ghosts

    def relative(self, title):
        n = self.nodes[title]
        _, x0, y0 = self.panels[n["panel"]]
        return round(n["x"] - x0, 2), round(n["y"] - y0, 2)


# ---- checks -----------------------------------------------------------------------------


def check_figure(name, path, years, focus=None, ghosts=False, expect=None):
    system = System(path)
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "f.svg")
        args = ["evolve", path, "--years", ",".join(map(str, years)), "-o", out]
        if focus:
            args += ["--focus", ",".join(focus)]
        if ghosts:
            args.append("--ghosts")
        run(*args)
        fig = Figure(open(out, encoding="utf-8").read(), system.directed)
    check([p[0] for p in fig.panels] == years, "%s: panels %s, expected one per year %s" % (name, [p[0] for p in fig.panels], years))

    # Same place in every panel.
    where = {}
    for title, n in fig.nodes.items():
        where.setdefault((n["mech"], n["id"]), set()).add(fig.relative(title))
    moved = {k: v for k, v in where.items() if len(v) != 1}
    check(not moved, "%s: elements at different places in different panels: %s" % (name, moved))

    kinds, roles = set(), set()
    for p, y in enumerate(years):
        st, me, ties, mem = system.active(y, focus)
        dst, dme, dties, dmem, dghosts = fig.drawn(p, system)
        check(dst == st, "%s %d: states drawn %s, active %s" % (name, y, sorted(dst), sorted(st)))
        check(dme == me, "%s %d: mechanisms drawn %s, active %s" % (name, y, sorted(dme), sorted(me)))
        check(dties == ties, "%s %d: ties drawn %s, active %s" % (name, y, dties, ties))
        check(dmem == mem, "%s %d: memberships drawn %s, active %s" % (name, y, dmem, mem))
        check(not set(dghosts) & set(ties), "%s %d: active ties drawn as ghosts: %s" % (name, y, set(dghosts) & set(ties)))
        if not ghosts:
            check(not dghosts and all(not n["ghost"] for n in fig.nodes.values()), "%s %d: ghosts without --ghosts" % (name, y))
        if expect:
            check((sorted(st), ties) == expect[y], "%s %d: hand-computed %s, found %s" % (name, y, expect[y], (sorted(st), ties)))
        kinds |= {k for _, _, k in dties}

        # Roles as `info` infers them.
        sub = ["--focus", ",".join(focus)] if focus else []
        info = json.loads(run("info", path, "--year", str(y), "--format", "json", *sub))
        role_of = {s: r for r, ids in info["states"].items() for s in ids}
        for title, n in fig.nodes.items():
            if n["panel"] == p and not n["mech"] and not n["ghost"]:
                check(n["roles"] == [role_of[n["id"]]], "%s %d: %s drawn as %s, info says %s" % (name, y, n["id"], n["roles"], role_of[n["id"]]))
                roles.add(role_of[n["id"]])

        # The caption: the year and K, U, C as metrics computes them.
        met = json.loads(run("metrics", path, "--year", str(y), "--format", "json", "--table", "system", "--permutations", "0", *sub))
        idx = met["indices"]
        want = "%d K %s U %s C %s" % (y, *("n/a" if idx[k] is None else "%.2f" % idx[k] for k in ("coordination", "unidirectionality", "closedness")))
        got = re.sub(r"\s+", " ", fig.captions.get(p, "")).strip()
        check(got == want, "%s %d: caption '%s', expected '%s'" % (name, y, got, want))

    drawn_mechs = {n["id"] for n in fig.nodes.values() if n["mech"] and not n["ghost"]}
    check(fig.legend_mechanisms == drawn_mechs,
          "%s: legend mechanisms %s, drawn %s" % (name, sorted(fig.legend_mechanisms), sorted(drawn_mechs)))
    # One colour per mechanism in the figure, and the same in every panel.
    fills = {}
    for n in fig.nodes.values():
        if n["mech"] and not n["ghost"]:
            fills.setdefault(n["id"], set()).add(n["fill"])
    check(all(len(v) == 1 for v in fills.values()), "%s: a mechanism in several colours: %s" % (name, fills))
    fig.fills = {k: next(iter(v)) for k, v in fills.items()}
    check(fig.legend_kinds == kinds, "%s: legend kinds %s, drawn %s" % (name, sorted(fig.legend_kinds), sorted(kinds)))
    check(fig.legend_roles == roles, "%s: legend roles %s, drawn %s" % (name, sorted(fig.legend_roles), sorted(roles)))
    # The keys of how mechanisms are drawn, exactly when the figure draws
    # that: a stack's frame (two of its mechanisms active in one panel), and
    # as nodes, the shade under a mechanism of two or more members.
    check(("legend-stack" in fig.legend_ids) == (fig.stack_frames > 0),
          "%s: stack key %s, %d frames drawn" % (name, "legend-stack" in fig.legend_ids, fig.stack_frames))
    nodes = "legend-member" in fig.legend_ids
    shaded = nodes and any(len([m for m in fig.drawn(p, system)[3] if m[0] == mid]) >= 2
                           for p in range(len(years)) for mid in fig.drawn(p, system)[1])
    check(("legend-shade-0" in fig.legend_ids) == shaded,
          "%s: shade key %s, shades drawn %s" % (name, "legend-shade-0" in fig.legend_ids, shaded))
    return fig


SMALL = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="hub" for="graph" attr.name="hub" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="since" for="all" attr.name="since" attr.type="int"/>
  <key id="until" for="all" attr.name="until" attr.type="int"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="undirected">
    <data key="hub">A</data>
    <node id="A"/><node id="B"/><node id="C"/>
    <node id="D"><data key="since">2010</data></node>
    <node id="M"><data key="type">mechanism</data><data key="since">2005</data></node>
    <edge source="A" target="B"><data key="kind">treaty</data><data key="since">2000</data></edge>
    <edge source="A" target="C"><data key="kind">access</data><data key="since">2000</data><data key="until">2008</data></edge>
    <edge source="B" target="C"><data key="kind">dialogue</data><data key="since">2006</data></edge>
    <edge source="C" target="D"><data key="kind">partnership</data><data key="since">2012</data></edge>
    <edge source="A" target="M"><data key="kind">member</data></edge>
    <edge source="B" target="M"><data key="kind">member</data></edge>
    <edge source="C" target="M"><data key="kind">member</data></edge>
  </graph>
</graphml>
"""


def main():
    if not H or not os.access(H, os.X_OK):
        print("HUBSPOKE does not name the built hubspoke")
        return 1
    with tempfile.TemporaryDirectory() as d:
        small = os.path.join(d, "small.graphml")
        with open(small, "w") as f:
            f.write(SMALL)
        # Worked by hand from docs/schema.md: D exists from 2010, A-C ends
        # before 2008, B-C starts in 2006, C-D in 2012.
        expect = {
            2001: (["A", "B", "C"], [("A", "B", "treaty"), ("A", "C", "access")]),
            2007: (["A", "B", "C"], [("A", "B", "treaty"), ("A", "C", "access"), ("B", "C", "dialogue")]),
            2012: (["A", "B", "C", "D"], [("A", "B", "treaty"), ("B", "C", "dialogue"), ("C", "D", "partnership")]),
        }
        fig = check_figure("small", small, [2001, 2007, 2012], expect=expect)
        check(fig.legend_kinds == {"treaty", "access", "dialogue", "partnership"}, "small: legend kinds %s" % fig.legend_kinds)
        # A hub; B ally; C partner (tied to the hub, then to an ally); D
        # other: its one tie is to C, a partner.
        check(fig.legend_roles == {"hub", "ally", "partner", "other"}, "small: legend roles %s" % fig.legend_roles)
        mem = [fig.drawn(p, System(small))[3] for p in range(3)]
        check(mem == [[], [("M", "A"), ("M", "B"), ("M", "C")], [("M", "A"), ("M", "B"), ("M", "C")]],
              "small: memberships by panel %s" % mem)
        # Focus on A and B: M has an active member left out, so it is not drawn.
        fig = check_figure("small-focus", small, [2007, 2012], focus=["A", "B"])
        check(not any(n["mech"] for n in fig.nodes.values()), "small-focus: mechanism M drawn without its member C")
        check_figure("small-ghosts", small, [2001, 2007, 2012], ghosts=True)

        # Names as ids (schema-valid, not ISO codes): labels beside circles
        # of the same size as any other, same checks.
        names = os.path.join(d, "names.gv")
        with open(names, "w") as f:
            f.write('graph g { hub="United States"; "United States" -- "Japan" [kind=treaty];'
                    ' "United States" -- "Republic of Korea" [kind=treaty, since=1954];'
                    ' "Japan" -- "Republic of Korea" [kind=intelligence, since=2016];'
                    ' subgraph cluster_TISA { since=2014; "United States"; "Japan"; "Republic of Korea"; } }')
        fig = check_figure("names", names, [1953, 2014, 2016])
        with tempfile.TemporaryDirectory() as d2:
            run("evolve", names, "--years", "2014", "-o", os.path.join(d2, "n.svg"))
            root = ET.parse(os.path.join(d2, "n.svg")).getroot()
            radii = set()
            for g in root.iter(SVG + "g"):
                if "state" in (g.get("class") or "").split():
                    radii.add(float(next(g.iter(SVG + "ellipse")).get("rx")))
                    check(not list(g.iter(SVG + "text")), "names: a long id written inside its circle")
            labels = {g.get("id") for g in root.iter(SVG + "g") if "label" in (g.get("class") or "").split()}
            check(len(radii) == 1, "names: circles of different sizes %s" % radii)
            check(labels == {"p0-l-United States", "p0-l-Japan", "p0-l-Republic of Korea"}, "names: labels %s" % labels)

        asia = os.path.join(SRC, "graphs", "asia-pacific.gv")
        figs = [check_figure("us-japan-rok", asia, [1953, 1999, 2014, 2016, 2019, 2023], focus=["USA", "JPN", "KOR"]),
                check_figure("quad", asia, [2007, 2009, 2017, 2021], focus=["USA", "JPN", "AUS", "IND"], ghosts=True),
                check_figure("system", asia, [1960, 1990, 2000, 2010, 2014, 2016, 2020, 2023])]
        # A mechanism has the same colour in every figure of the file; those
        # active in 2023 each have a colour and pattern of their own, and as
        # many colours as the palette's nine allow.
        colour = {}
        for f in figs:
            for mid, fill in f.fills.items():
                colour.setdefault(mid, set()).add(fill)
        check(all(len(v) == 1 for v in colour.values()), "mechanisms' colours differ between figures: %s" % colour)
        last = [n for n in figs[2].nodes.values() if n["mech"] and not n["ghost"] and n["panel"] == 7]
        styles = {(n["fill"], tuple(n["pattern"])) for n in last}
        fills = {n["fill"] for n in last}
        check(9 <= len(last) <= 27 and len(styles) == len(last) and len(fills) == min(len(last), 9),
              "system 2023: %d mechanisms in %d colours and %d styles" % (len(last), len(fills), len(styles)))
        rok = os.path.join(SRC, "graphs", "us-japan-rok.gv")
        check_figure("us-japan-rok digraph", rok, [1999, 2016, 2023])

        # Physical size from the command line: exactly that wide, no text
        # smaller than the type size at that width.
        for width, pt, font in (("7in", 504, 8), ("3.5in", 252, 7), ("16.5cm", 468, 8)):
            out = os.path.join(d, "w.svg")
            run("evolve", asia, "--years", "1990,2025", "--width", width, "--font-size", str(font), "-o", out)
            root = ET.parse(out).getroot()
            w = float(root.get("width")[:-2])
            scale = w / float(root.get("viewBox").split()[2])
            sizes = [float(t.get("font-size")) * scale for t in root.iter(SVG + "text")]
            check(root.get("width").endswith("pt") and abs(w - pt) <= 0.5, "--width %s: the SVG is %s wide" % (width, root.get("width")))
            check(sizes and min(sizes) >= font - 0.01, "--width %s --font-size %d: text down to %.2f pt" % (width, font, min(sizes)))

        # Within a page once drawn: the whole system's last year at 7 in and
        # 8 pt was estimated to fit 9 in (648 pt) but ended at 672 pt once its
        # labels and mechanisms were placed; it is drawn smaller until it fits.
        # Its states keep their size (the type size decides it, not the scale).
        for years in ("2025", "1960,1990"):
            out = os.path.join(d, "page.svg")
            run("evolve", asia, "--years", years, "--width", "7in", "--font-size", "8", "-o", out)
            root = ET.parse(out).getroot()
            h = float(root.get("height")[:-2])
            check(h <= 648.5, "--years %s at 7in: %.0f pt tall, over a page (648 pt)" % (years, h))
            rx = {float(e.get("rx")) for g in root.iter(SVG + "g") if "state" in (g.get("class") or "").split()
                  for e in [next(g.iter(SVG + "ellipse"))]}
            check(len(rx) == 1, "--years %s at 7in: states of sizes %s" % (years, rx))

        # Three panels in two rows: the legend takes the empty cell (the
        # fourth), not a band below the grid.
        out = os.path.join(d, "cell.svg")
        run("evolve", asia, "--years", "1953,1999,2023", "--focus", "USA,JPN,KOR", "--width", "3.5in", "--font-size", "7",
            "--grid", "2x2", "-o", out)
        fig = Figure(open(out, encoding="utf-8").read(), False)
        root = ET.parse(out).getroot()
        legend_xy = [centre(g) for g in root.iter(SVG + "g")
                     if "legend" in (g.get("class") or "").split() and g.find(SVG + "ellipse") is not None]
        xs = sorted(p[1] for p in fig.panels)
        ys = sorted(p[2] for p in fig.panels)
        check(legend_xy and all(x > xs[-1] and y > ys[-1] for x, y in legend_xy),
              "three panels: legend outside the empty cell (panels at %s, legend at %s)" % (fig.panels, legend_xy[:3]))

        # --layout-years: a figure of one year on the layout of a period is
        # that year's panel of evolve over the period, element for element.
        period = list(range(1990, 2026))
        evo = os.path.join(d, "period.svg")
        run("evolve", asia, "--years", ",".join(map(str, period)), "-o", evo)
        one = os.path.join(d, "one.svg")
        run("render", asia, "--year", "2014", "--layout-years", "1990:2025", "-o", one)
        fe = Figure(open(evo, encoding="utf-8").read(), False)
        fo = Figure(open(one, encoding="utf-8").read(), False)
        pe = {(n["mech"], n["id"]): fe.relative(t) for t, n in fe.nodes.items() if n["panel"] == period.index(2014)}
        po = {(n["mech"], n["id"]): fo.relative(t) for t, n in fo.nodes.items()}
        check(pe == po and len(po) > 15, "render --layout-years: 2014 differs from evolve's panel: %s" %
              sorted(set(pe.items()) ^ set(po.items()))[:6])

        # Every format, from render and evolve.
        for cmd in (["render", asia, "--year", "2014"], ["evolve", asia, "--years", "1960,2023"]):
            for ext, magic in (("svg", None), ("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-"), ("gv", b"digraph figure {")):
                out = os.path.join(d, "out." + ext)
                run(*cmd, "-o", out)
                data = open(out, "rb").read()
                if magic:
                    check(data.startswith(magic), "%s .%s: no %r signature" % (cmd[0], ext, magic))
                else:
                    ET.fromstring(data)
                check(len(data) > 10000, "%s .%s: only %d bytes" % (cmd[0], ext, len(data)))
                check(not [f for f in os.listdir(d) if ".tmp." in f], "%s .%s: temporary file left" % (cmd[0], ext))
        info = json.loads(run("info", asia, "--year", "2023", "--format", "json"))
        want = sorted(s for ids in info["states"].values() for s in ids)
        for engine in ("neato", "fdp", "dot", "circo"):
            out = os.path.join(d, "e.svg")
            run("render", asia, "--year", "2023", "--engine", engine, "-o", out)
            root = ET.parse(out).getroot()
            states = sorted(g.get("id")[len("p0-s-"):] for g in root.iter(SVG + "g")
                            if "state" in (g.get("class") or "").split())
            check(states == want, "render --engine %s: states drawn %s, active %s" % (engine, states, want))

    return summary("render")


if __name__ == "__main__":
    sys.exit(main())
