"""Alliance-graph models: reading, importing, building from NetworkX, writing,
the security graph of a year, and figures."""
import math
import warnings

from . import errors
from ._native import check, encode, native
from ._options import fill, view_options, year_value
from .measures import MeasureMethods
from .figure import Figure

_FORMATS = {None: "HS_FORMAT_UNKNOWN", "dot": "HS_FORMAT_DOT", "gv": "HS_FORMAT_DOT",
            "graphml": "HS_FORMAT_GRAPHML"}


def _format(format):
    key = format.lower() if isinstance(format, str) else format
    if key not in _FORMATS:
        raise errors.ArgumentError("unknown format %r (dot or graphml)" % (format,))
    return getattr(native().lib, _FORMATS[key])


def _wrap(ptr):
    n = native()
    model = Model.__new__(Model)
    model._ptr = n.ffi.gc(ptr, n.lib.hs_model_destroy)
    return model


def read(path, format=None, name=None):
    """Read an alliance graph from a DOT or GraphML file.

    `format` is "dot" or "graphml"; by default the extension decides (.gv,
    .dot, .graphml, .xml), else the content. DOT is parsed by the hubspoke-dot
    helper (Graphviz), GraphML by the library. `name` names the file in error
    messages (default: the path). Raises InputError for a file that breaks the
    schema (docs/schema.md), FileError when it cannot be read, LimitError past
    the load limits, HelperError when the DOT helper cannot run.

        asia = hubspoke.read("graphs/asia-pacific.gv")
    """
    n = native()
    out = n.ffi.new("hs_model **")
    check(n.lib.hs_model_read_file(encode(path, "the path"), _format(format),
                                   encode(name, "name") if name is not None else n.ffi.NULL, out))
    return _wrap(out[0])


def read_string(data, format=None, name=None):
    """Read an alliance graph from DOT or GraphML text (str or bytes). Without
    `format` the content decides (GraphML when it starts with '<'). `name`
    names it in error messages.

        m = hubspoke.read_string('graph { hub=USA; USA -- JPN [kind=treaty] }')
    """
    n = native()
    raw = encode(data, "the data") if isinstance(data, str) else bytes(data)
    out = n.ffi.new("hs_model **")
    check(n.lib.hs_model_read_memory(raw, len(raw), _format(format),
                                     encode(name, "name") if name is not None else n.ffi.NULL, out))
    return _wrap(out[0])


def _import(dataset, path, states, types, since, until, hub, ids):
    n = native()
    ffi, lib = n.ffi, n.lib
    opts = ffi.new("hs_import_options *")
    lib.hs_import_options_init(opts)
    opts.dataset = getattr(lib, "HS_DATASET_" + dataset.upper())
    keep = []
    if states is not None:
        keep.append(ffi.new("char[]", encode(states, "states")))
        opts.states_file = keep[-1]
    if types is not None:
        if isinstance(types, str):
            types = types.split(",")
        mask = 0
        for t in types:
            bit = lib.hs_obligation_parse(encode(t.strip(), "a type"))
            if not bit:
                raise errors.ArgumentError("unknown obligation type %r" % (t,))
            if not bit & lib.hs_dataset_obligations(opts.dataset):
                raise errors.ArgumentError("%s does not code the obligation %r" % (dataset.upper(), t))
            mask |= bit
        opts.types = mask
    if since is not None:
        opts.since = year_value(since)
    if until is not None:
        opts.until = year_value(until)
    if since is not None and until is not None and opts.since >= opts.until:
        raise errors.ArgumentError("since (%d) must come before until (%d)" % (opts.since, opts.until))
    if hub is not None:
        keep.append(ffi.new("char[]", encode(hub, "hub")))
        opts.hub = keep[-1]
    if ids not in ("cow", "iso3"):
        raise errors.ArgumentError("ids must be 'cow' or 'iso3', not %r" % (ids,))
    opts.ids = lib.HS_IDS_ISO3 if ids == "iso3" else lib.HS_IDS_COW
    out = ffi.new("hs_model **")
    check(lib.hs_import_file(encode(path, "the path"), opts, out))
    return _wrap(out[0])


def import_cow(path, states=None, types=None, since=None, until=None, hub=None, ids="cow"):
    """The Correlates of War Formal Alliances data (v4.1, by-member CSV) as a
    model (docs/import.md). `states`: COW's state list (states2016.csv), for
    abbreviations and names; `types`: obligations to keep ("defense",
    "neutrality", "nonaggression", "entente"; a list or a comma-separated
    string); `since`/`until`: keep alliances in force in some year of
    [since, until); `hub`: the graph's hub; `ids`: "cow" or "iso3".

        cow = hubspoke.import_cow("alliance_v4.1_by_member.csv", types="defense", ids="iso3", hub="USA")
    """
    return _import("cow", path, states, types, since, until, hub, ids)


def import_atop(path, states=None, types=None, since=None, until=None, hub=None, ids="cow"):
    """The ATOP member-level data (4.01 or 5.x CSV) as a model (docs/import.md);
    options as import_cow(), with ATOP's obligations ("defense", "offense",
    "neutrality", "nonaggression", "consultation").

        atop = hubspoke.import_atop("atop4_01m.csv", types=["defense", "offense"])
    """
    return _import("atop", path, states, types, since, until, hub, ids)


def _diagnostics_text(n, d, severity):
    """The diagnostics of one severity in a list, formatted as the CLI prints them."""
    out = []
    buf = n.ffi.new("char[]", 1024)
    for i in range(n.lib.hs_diagnostics_count(d)):
        g = n.lib.hs_diagnostics_get(d, i)
        if g.severity == severity:
            n.lib.hs_diagnostic_format(g, buf, 1024)
            out.append(n.string(buf))
    return out


def import_edges(edges, nodes=None, mechanisms=None, graph=None, directed=None, hub=None):
    """A model from the CSV tables of an edge list, as `hubspoke import edges`
    reads them (docs/import.md, "Edge lists"): `edges` (EDGES.csv: source,
    target, kind, since, until, weight, citation, label, id) and optionally
    `nodes` (NODES.csv), `mechanisms` (MEMBERS.csv) and `graph` (GRAPH.csv).
    `directed`: True or False; None takes GRAPH.csv's `directed`, else
    undirected. `hub` sets the graph attribute hub, over GRAPH.csv's.

    Every check of a file read is made: errors raise InputError with the
    library's message, which names the CSV file and the row's line (the
    first error, and how many more; `e.errors` lists them all); warnings
    are issued as hubspoke.InputWarning, one per diagnostic.

        m = hubspoke.import_edges("edges.csv", nodes="nodes.csv", mechanisms="members.csv",
                                  graph="graph.csv")
    """
    n = native()
    ffi, lib = n.ffi, n.lib
    opts = ffi.new("hs_edgelist_options *")
    lib.hs_edgelist_options_init(opts)
    keep = []
    for field, value in (("edges", edges), ("nodes", nodes), ("mechanisms", mechanisms), ("graph", graph)):
        if value is None:
            if field == "edges":
                raise errors.ArgumentError("import_edges: an edges file is required")
            continue
        keep.append(ffi.new("char[]", encode(value, field)))
        setattr(opts.files, field, keep[-1])
    if directed is not None:
        if not isinstance(directed, bool):
            raise errors.ArgumentError("directed must be True, False or None, not %r" % (directed,))
        opts.directed = 1 if directed else 0
    if hub is not None:
        keep.append(ffi.new("char[]", encode(hub, "hub")))
        opts.hub = keep[-1]
    dp = ffi.new("hs_diagnostics **")
    check(lib.hs_diagnostics_new(dp))
    d = ffi.gc(dp[0], lib.hs_diagnostics_destroy)
    out = ffi.new("hs_model **")
    code = lib.hs_edgelist_read(opts, d, out)
    if code:
        listed = _diagnostics_text(n, d, lib.HS_SEVERITY_ERROR)
        try:
            check(code)
        except errors.Error as e:
            e.errors = listed
            raise
    model = _wrap(out[0])
    for text in _diagnostics_text(n, d, lib.HS_SEVERITY_WARNING):
        warnings.warn(text, errors.InputWarning, stacklevel=2)
    return model


def _text(value, where):
    """An attribute value as the text a file would hold, None for absent."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # a numpy scalar
        return _text(value.item(), where)
    raise errors.ArgumentError("%s: a %s cannot be an attribute of a file" % (where, type(value).__name__))


def from_networkx(G, name=None):
    """A model from a NetworkX graph.

    Two forms are read. A graph in the schema's form (docs/schema.md): nodes
    are states and mechanisms, edges ties and memberships, and attributes are
    named as in the schema (`type`, `role`, `kind`, `since`, `until`,
    `weight`, `scope`, graph attribute `hub`, ...); any other attribute is kept
    as an extra, written back by write(). This is what nx.read_graphml gives
    for a hubspoke GraphML file (the keys' defaults it keeps in
    G.graph["node_default"] and ["edge_default"] are applied), and what a
    graph built by hand naturally looks like. A digraph's arc a -> b means a depends on b. Values are given
    to the library as the text a file would hold and checked as a file is:
    a graph that breaks the schema raises InputError naming the element.

    A security graph made by Model.to_networkx() is read back as the system
    it shows: its states with their roles, its bilateral ties with their kinds
    and depths, its mechanisms (graph attribute `mechanisms`) with their
    members and depth; measured in any year it gives the numbers of the year
    it was made from.

        G = nx.Graph(hub="USA")
        G.add_edge("JPN", "USA", kind="treaty", since=1951)
        m = hubspoke.from_networkx(G)
    """
    if G.graph.get("hubspoke") == "security":
        graph, nodes, edges, directed = _security_to_schema(G)
    else:
        graph, nodes, directed = G.graph, G.nodes(data=True), G.is_directed()
        edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    n = native()
    ffi, lib = n.ffi, n.lib
    origin = name if name is not None else (graph.get("name") or "<networkx>")
    out = ffi.new("hs_model **")
    check(lib.hs_model_new(1 if directed else 0, encode(str(origin), "name"), out))
    model = _wrap(out[0])
    ptr = model._ptr
    # nx.read_graphml keeps the GraphML keys' <default>s here, unapplied.
    node_default = graph.get("node_default") or {}
    edge_default = graph.get("edge_default") or {}
    for key, value in graph.items():
        if key in ("name", "node_default", "edge_default"):
            continue
        text = _text(value, "graph attribute %r" % key)
        if text is not None:
            check(lib.hs_model_set_graph_attr(ptr, encode(str(key), "attribute"), encode(text)))
    index = {}
    for node, attrs in nodes:
        ident = str(node)
        if ident in index:
            raise errors.InputError("node %r: its id %r is also another node's id" % (node, ident))
        i = ffi.new("size_t *")
        check(lib.hs_model_append_vertex(ptr, encode(ident, "a node id"), 0, i))
        index[ident] = i[0]
        for key, value in dict(node_default, **attrs).items():
            text = _text(value, "node %r, attribute %r" % (node, key))
            if text is not None:
                check(lib.hs_vertex_set_attr(ptr, i[0], encode(str(key), "attribute"), encode(text)))
    for e in edges:
        u, v, attrs = e[0], e[1], e[-1]
        i = ffi.new("size_t *")
        check(lib.hs_model_append_edge(ptr, index[str(u)], index[str(v)], 0, i))
        for key, value in dict(edge_default, **attrs).items():
            text = _text(value, "edge %r -- %r, attribute %r" % (u, v, key))
            if text is not None:
                check(lib.hs_edge_set_attr(ptr, i[0], encode(str(key), "attribute"), encode(text)))
    check(lib.hs_model_check(ptr))
    return model


def _security_to_schema(S):
    """The schema-form items of a security graph made by to_networkx(): graph
    attributes, nodes and edges as (u, v, attributes), in the order the
    file's elements had (a NetworkX graph would list edges node by node, and
    so put a mechanism's members in another order than the file's), and
    whether the file was directed."""
    graph = {"hub": S.graph["hub"]} if S.graph.get("hub") is not None else {}
    nodes = [(node, {k: attrs[k] for k in ("label", "role") if attrs.get(k) is not None})
             for node, attrs in S.nodes(data=True)]
    edges = []
    for mech, m in (S.graph.get("mechanisms") or {}).items():
        nodes.append((mech, dict(type="mechanism", **{k: m[k] for k in ("label", "kind", "scope", "weight")
                                                       if m.get(k) is not None})))
        edges += [(member, mech, {"kind": "member"}) for member in m["members"]]
    for _, _, attrs in S.edges(data=True):
        for tie in attrs.get("ties", ()):
            if tie["mechanism"] is None:
                edges.append((tie["from"], tie["to"], dict(weight=tie["depth"], **{
                    k: tie[k] for k in ("kind", "source") if tie.get(k) is not None})))
    return graph, nodes, edges, bool(S.graph.get("directed"))


class _View:
    """An hs_view for a year, kept alive with the model it points into."""

    def __init__(self, model, year=None, hub=None, focus=None, codebook=None):
        n = native()
        self._keep = []
        out = n.ffi.new("hs_view **")
        check(n.lib.hs_view_new(model._ptr, view_options(year, hub, focus, codebook, self._keep), out))
        self.model = model
        self._ptr = n.ffi.gc(out[0], n.lib.hs_view_destroy)


class Model(MeasureMethods):
    """An alliance graph: states and mechanisms (vertices), ties and
    memberships (edges), each with its years, for every year the file covers.
    Made by read(), read_string(), from_networkx(), import_cow(),
    import_atop() and import_edges(); the C model is freed when the object is."""

    def __init__(self, *args, **kwargs):
        raise TypeError("use hubspoke.read(), read_string(), from_networkx(), import_cow(), import_atop() "
                        "or import_edges()")

    def __repr__(self):
        return "<hubspoke.Model %s: %d vertices, %d edges>" % (self.file, self.vertex_count, self.edge_count)

    # ---- the file ------------------------------------------------------------
    @property
    def file(self):
        """The name the model's file goes by in messages."""
        return native().string(native().lib.hs_model_file(self._ptr))

    @property
    def name(self):
        """The graph's name or id, or None."""
        return native().string(native().lib.hs_model_name(self._ptr))

    @property
    def hub(self):
        """The graph attribute `hub`, or None (the hub of a year is inferred then)."""
        return native().string(native().lib.hs_model_hub(self._ptr))

    @property
    def period(self):
        """The graph attribute `period`, or None."""
        return native().string(native().lib.hs_model_period(self._ptr))

    @property
    def version(self):
        """The graph attribute `version`: the dataset version the file is
        ("2.0.0" for graphs/asia-pacific.gv, docs/data.md), or None."""
        return self.graph_attr("version")

    def graph_attr(self, name):
        """Any graph attribute of the file, by name, as the file gives it
        (`hub`, `period`, `version`, `date`, or one of the file's own), or None."""
        n = native()
        return n.string(n.lib.hs_model_graph_attr(self._ptr, encode(name, "an attribute's name")))

    @property
    def directed(self):
        """Whether the file is a digraph (an arc a -> b: a depends on b)."""
        return bool(native().lib.hs_model_directed(self._ptr))

    @property
    def format(self):
        """"dot" or "graphml" as read; None for a model built or imported."""
        n = native()
        f = n.string(n.lib.hs_format_name(n.lib.hs_model_format(self._ptr)))
        return None if f == "unknown" else f

    @property
    def vertex_count(self):
        """The number of states and mechanisms."""
        return native().lib.hs_model_vertex_count(self._ptr)

    @property
    def edge_count(self):
        """The number of ties and memberships."""
        return native().lib.hs_model_edge_count(self._ptr)

    @property
    def years(self):
        """range(first, last + 1) over the years any since/until names (an
        until counts as its last year, until - 1); None when nothing is dated."""
        lib = native().lib
        bounds = []
        for i in range(self.vertex_count):
            bounds += [lib.hs_vertex_since(self._ptr, i), lib.hs_vertex_until(self._ptr, i) - 1]
        for i in range(self.edge_count):
            bounds += [lib.hs_edge_since(self._ptr, i), lib.hs_edge_until(self._ptr, i) - 1]
        bounds = [b for b in bounds if lib.HS_SINCE_OPEN < b < lib.HS_UNTIL_OPEN - 1]
        return range(min(bounds), max(bounds) + 1) if bounds else None

    def vertices(self):
        """The file's states and mechanisms as a DataFrame, one row each in file
        order: id, label, type, role (as the file gives it; None: inferred),
        since, until (None: open), kind, scope, issue, weight (NaN: the
        codebook decides)."""
        n = native()
        lib, s, p = n.lib, n.string, self._ptr
        rows = []
        for i in range(self.vertex_count):
            mech = lib.hs_vertex_type_of(p, i) == lib.HS_VERTEX_MECHANISM
            role = lib.hs_vertex_role(p, i)
            kind = lib.hs_vertex_kind(p, i)
            scope = lib.hs_vertex_scope(p, i)
            rows.append({
                "id": s(lib.hs_vertex_id(p, i)), "label": s(lib.hs_vertex_label(p, i)),
                "type": "mechanism" if mech else "state",
                "role": s(lib.hs_role_name(role)) if role != lib.HS_ROLE_UNSET else None,
                "since": _bound(lib.hs_vertex_since(p, i)), "until": _bound(lib.hs_vertex_until(p, i)),
                "kind": s(lib.hs_kind_name(kind)) if kind != lib.HS_KIND_UNSET else None,
                "scope": s(lib.hs_scope_name(scope)) if scope != lib.HS_SCOPE_UNSET else None,
                "issue": s(lib.hs_vertex_issue(p, i)), "weight": lib.hs_vertex_weight(p, i)})
        return _frame(rows, ["id", "label", "type", "role", "since", "until", "kind", "scope", "issue", "weight"])

    def edges(self):
        """The file's ties and memberships as a DataFrame, one row each in file
        order: source and target ids (a digraph's arc: source depends on
        target), kind (None: untyped), weight (NaN: the codebook decides),
        since, until (None: open), citation (the `source` attribute), label."""
        n = native()
        lib, s, p = n.lib, n.string, self._ptr
        rows = []
        for i in range(self.edge_count):
            kind = lib.hs_edge_kind(p, i)
            rows.append({
                "source": s(lib.hs_vertex_id(p, lib.hs_edge_from(p, i))),
                "target": s(lib.hs_vertex_id(p, lib.hs_edge_to(p, i))),
                "kind": s(lib.hs_kind_name(kind)) if kind != lib.HS_KIND_UNSET else None,
                "weight": lib.hs_edge_weight(p, i),
                "since": _bound(lib.hs_edge_since(p, i)), "until": _bound(lib.hs_edge_until(p, i)),
                "citation": s(lib.hs_edge_source(p, i)), "label": s(lib.hs_edge_label(p, i))})
        return _frame(rows, ["source", "target", "kind", "weight", "since", "until", "citation", "label"])

    def write(self, path, format=None):
        """Write the model to a DOT or GraphML file (format by the extension
        unless given), atomically, as `hubspoke convert` does."""
        check(native().lib.hs_model_write_file(self._ptr, encode(path, "the path"), _format(format)))

    def export_edges(self, edges, nodes=None, mechanisms=None, graph=None):
        """Write the model as the CSV tables of an edge list, as `hubspoke
        export edges` does (docs/import.md, "Edge lists"), each file
        atomically: `edges` (EDGES.csv) and optionally `nodes`, `mechanisms`
        and `graph`, so that import_edges() of the same files gives back the
        same graph. Without `mechanisms`, memberships are kind=member rows of
        EDGES.csv; without `nodes` or `graph`, what only they can hold is left
        out, each thing left out an InputWarning (`not-exported`). Raises
        ArgumentError for an extra attribute named as a column of its table,
        FileError when a file cannot be written.

            asia.export_edges("edges.csv", nodes="nodes.csv", mechanisms="members.csv",
                              graph="graph.csv")
        """
        n = native()
        ffi, lib = n.ffi, n.lib
        files = ffi.new("hs_edgelist_files *")
        keep = []
        for field, value in (("edges", edges), ("nodes", nodes), ("mechanisms", mechanisms), ("graph", graph)):
            if value is None:
                if field == "edges":
                    raise errors.ArgumentError("export_edges: an edges file is required")
                continue
            keep.append(ffi.new("char[]", encode(value, field)))
            setattr(files, field, keep[-1])
        dp = ffi.new("hs_diagnostics **")
        check(lib.hs_diagnostics_new(dp))
        d = ffi.gc(dp[0], lib.hs_diagnostics_destroy)
        check(lib.hs_edgelist_write(self._ptr, files, d))
        for text in _diagnostics_text(n, d, lib.HS_SEVERITY_WARNING):
            warnings.warn(text, errors.InputWarning, stacklevel=2)

    # ---- a year's system ---------------------------------------------------------
    def to_networkx(self, year=None, hub=None, focus=None, codebook=None):
        """The security graph of `year` (None: every element of the file) as a
        networkx.Graph: the measures' graph (include/hubspoke/view.h), one node
        per active state, one edge per pair of tied states.

        - node attributes: `role` (hub, ally, partner, other, as resolved for
          the year), `label`;
        - edge attributes: `weight`, the pair's summed depth (what the measures
          weigh ties by); `kinds`, the sorted kinds of its ties; `ties`, one
          dict per tie: `kind`, `depth`, `from` and `to` (from depends on to),
          `mutual`, `mechanism` (the mechanism's id for co-membership, else
          None), `source` (the citation, for a bilateral tie);
        - graph attributes: `hubspoke` = "security", `year`, `hub`,
          `hub_source`, `directed` (the file's), `file`, and `mechanisms`:
          {id: {label, kind, scope, weight (the co-membership depth used),
          members}} for the active mechanisms.

        `hub`, `focus` (a list of state ids: a subsystem) and `codebook` as for
        metrics(). from_networkx() reads the graph back as the system it shows.

            G = asia.to_networkx(2023)
            nx.betweenness_centrality(G, weight=lambda u, v, d: 1 / d["weight"])
        """
        import networkx as nx

        n = native()
        ffi, lib, s = n.ffi, n.lib, n.string
        view = _View(self, year, hub, focus, codebook)
        v, p = view._ptr, self._ptr
        G = nx.Graph()
        hub_index = lib.hs_view_hub(v)
        G.graph.update({
            "hubspoke": "security", "year": year_value(year) if year is not None else None,
            "hub": s(lib.hs_view_state_id(v, hub_index)) if hub_index >= 0 else None,
            "hub_source": s(lib.hs_hub_source_name(lib.hs_view_hub_source(v))),
            "directed": self.directed, "file": self.file})
        count = lib.hs_view_state_count(v)
        ids = [s(lib.hs_view_state_id(v, i)) for i in range(count)]
        for i in range(count):
            G.add_node(ids[i], role=s(lib.hs_role_name(lib.hs_view_state_role(v, i))),
                       label=s(lib.hs_vertex_label(p, lib.hs_view_state_vertex(v, i))))
        graph = lib.hs_view_security_graph(v)
        weights = lib.hs_view_security_weights(v)
        a, b = ffi.new("igraph_integer_t *"), ffi.new("igraph_integer_t *")
        for e in range(lib.igraph_ecount(graph)):
            check_igraph(lib.igraph_edge(graph, e, a, b))
            G.add_edge(ids[a[0]], ids[b[0]], weight=weights.stor_begin[e], ties=[])
        edge_count = lib.hs_model_edge_count(p)
        ties = lib.hs_view_ties(v)
        for t in range(lib.hs_view_tie_count(v)):
            tie = ties[t]
            mechanism = s(lib.hs_vertex_id(p, tie.source)) if tie.mechanism else None
            source = s(lib.hs_edge_source(p, tie.source)) if not tie.mechanism and tie.source < edge_count else None
            G.edges[ids[tie.a], ids[tie.b]]["ties"].append({
                "kind": s(lib.hs_kind_name(tie.kind)) if tie.kind != lib.HS_KIND_UNSET else None,
                "depth": tie.weight, "from": ids[tie.a], "to": ids[tie.b], "mutual": bool(tie.mutual),
                "mechanism": mechanism, "source": source})
        for _, _, d in G.edges(data=True):
            d["kinds"] = sorted({t["kind"] or "unspecified" for t in d["ties"]})
        mechanisms = {}
        for k in range(lib.hs_view_mechanism_count(v)):
            vertex = lib.hs_view_mechanism_vertex(v, k)
            members = lib.hs_view_mechanism_members(v, k)
            kind, scope = lib.hs_vertex_kind(p, vertex), lib.hs_vertex_scope(p, vertex)
            mechanisms[s(lib.hs_vertex_id(p, vertex))] = {
                "label": s(lib.hs_vertex_label(p, vertex)),
                "kind": s(lib.hs_kind_name(kind)) if kind != lib.HS_KIND_UNSET else None,
                "scope": s(lib.hs_scope_name(scope)) if scope != lib.HS_SCOPE_UNSET else None,
                "weight": lib.hs_view_mechanism_weight(v, k),
                "members": [ids[members[j]] for j in range(lib.hs_view_mechanism_member_count(v, k))]}
        G.graph["mechanisms"] = mechanisms
        return G

    # ---- figures -----------------------------------------------------------------
    def render(self, year=None, format="svg", **options):
        """A figure of the system in `year` (None: the whole file, whatever
        its dates), drawn as `hubspoke render` draws it (docs/render.md).
        `format`: "svg" (default), "png", "pdf" or "dot". Options, by the
        name of their field in hs_render_options: hub, focus (a list of
        state ids), mechanism, engine ("neato", "fdp", "dot", "circo"),
        ghosts, title, codebook, and whatever else that struct holds.

            asia.render(2023, focus=["USA", "JPN", "KOR"])   # shown inline in Jupyter
        """
        return self.evolve([] if year is None else [year], format=format, **options)

    def evolve(self, years, format="svg", **options):
        """One figure of the system in each of `years`, side by side on one
        shared layout, as `hubspoke evolve` draws it ("from points to lines
        to surfaces"). Options as render().

            asia.evolve([1953, 1999, 2014, 2023], focus=["USA", "JPN", "KOR"]).save("usjk.svg")
        """
        n = native()
        ffi, lib = n.ffi, n.lib
        keep = []
        opts = ffi.new("hs_render_options *")
        lib.hs_render_options_init(opts)
        fill(opts, options, keep)
        ys = [year_value(y) for y in years]
        year_array = ffi.new("int[]", ys) if ys else ffi.NULL
        fmt = {"svg": lib.HS_RENDER_SVG, "png": lib.HS_RENDER_PNG, "pdf": lib.HS_RENDER_PDF,
               "dot": lib.HS_RENDER_DOT, "gv": lib.HS_RENDER_DOT}.get(str(format).lower())
        if fmt is None:
            raise errors.ArgumentError("unknown figure format %r (svg, png, pdf or dot)" % (format,))
        out = ffi.new("char **")
        length = ffi.new("size_t *")
        check(lib.hs_render_figure(self._ptr, year_array, len(ys), opts, fmt, out, length))
        try:
            data = ffi.buffer(out[0], length[0])[:]
        finally:
            n.libc.free(out[0])
        return Figure(data, "dot" if fmt == lib.HS_RENDER_DOT else str(format).lower())


def check_igraph(code):
    if code != 0:
        raise errors.InternalError("igraph call failed with code %d" % code)


def _bound(value):
    lib = native().lib
    return None if value in (lib.HS_SINCE_OPEN, lib.HS_UNTIL_OPEN) else value


def _frame(rows, columns):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    for c in ("since", "until"):
        if c in frame:
            frame[c] = frame[c].astype("Int64")
    return frame

