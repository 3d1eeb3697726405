"""to_networkx() and from_networkx(): the security graph against the CLI's
numbers, and NetworkX graphs back into models."""
import networkx as nx
import pytest

from conftest import assert_close, cli_json, path, printed

YEARS = (1953, 1980, 1999, 2014, 2016, 2023)


def _cli_states(file, year, *extra):
    return {s["name"]: s for s in cli_json("metrics", file, "--year", year, "--permutations", 0, *extra)["states"]}


@pytest.mark.parametrize("year", YEARS)
def test_security_graph_degree_strength_and_roles_equal_the_cli(asia, year):
    G = asia.to_networkx(year)
    states = _cli_states(path("graphs", "asia-pacific.gv"), year)
    assert list(G.nodes) == list(states)
    for name, s in states.items():
        assert G.nodes[name]["role"] == s["role"]
        assert G.degree(name) == s["degree"]
        assert printed(G.degree(name, weight="weight")) == printed(s["strength"])
    info = cli_json("info", path("graphs", "asia-pacific.gv"), "--year", year)
    assert (G.graph["hub"], G.graph["hub_source"], G.graph["year"]) == (info["hub"], info["hub_source"], year)
    assert set(G.graph["mechanisms"]) == {m["id"] for m in info["mechanisms"]}
    for m in info["mechanisms"]:
        assert G.graph["mechanisms"][m["id"]]["members"] == m["members"]
        assert printed(G.graph["mechanisms"][m["id"]]["weight"]) == printed(m["weight"])


def test_ties_on_an_edge_sum_to_its_weight_and_name_their_sources(asia):
    G = asia.to_networkx(2023)
    for u, v, d in G.edges(data=True):
        assert d["ties"] and abs(sum(t["depth"] for t in d["ties"]) - d["weight"]) < 1e-12
        assert d["kinds"] == sorted({t["kind"] for t in d["ties"]})
        for t in d["ties"]:
            assert {t["from"], t["to"]} == {u, v}
            assert (t["mechanism"] is None) == (t["source"] is not None)
    treaty = [t for t in G.edges["USA", "JPN"]["ties"] if t["kind"] == "treaty"]
    assert treaty == [{"kind": "treaty", "depth": 1.0, "from": "JPN", "to": "USA", "mutual": False,
                       "mechanism": None, "source": treaty[0]["source"]}]
    assert "1960" in treaty[0]["source"]
    quad = [t for t in G.edges["USA", "JPN"]["ties"] if t["mechanism"] == "Quad"]
    assert len(quad) == 1 and quad[0]["mutual"]


def without_draws(doc):
    """The metrics document without the bootstrap's bounds (keys *_lo, *_hi,
    *_se), each checked to hold its estimate. The bootstrap draws instruments
    by their place in the file, which a model rebuilt through NetworkX
    changes: its bounds are other draws of the same distribution."""
    for key in [k for k in doc["system"] if k.endswith(("_lo", "_hi", "_se"))]:
        value = doc["system"].pop(key)
        estimate = doc["system"].get(key[:-3], doc["indices"].get(key[:-3]))
        if value is None or estimate is None:
            continue
        if key.endswith("_lo"):
            assert value <= estimate + 1e-12, key
        if key.endswith("_hi"):
            assert value >= estimate - 1e-12, key
    return doc


def test_focus_and_hub_options(asia, hubspoke):
    G = asia.to_networkx(2016, focus=["USA", "JPN", "KOR"])
    assert set(G) == {"USA", "JPN", "KOR"}
    states = _cli_states(path("graphs", "asia-pacific.gv"), 2016, "--focus", "USA,JPN,KOR")
    assert ({n: printed(G.degree(n, weight="weight")) for n in G}
            == {n: printed(s["strength"]) for n, s in states.items()})
    assert asia.to_networkx(2023, hub="JPN").graph["hub_source"] == "option"
    with pytest.raises(hubspoke.ArgumentError, match="XXX"):
        asia.to_networkx(2023, focus=["USA", "XXX"])
    with pytest.raises(hubspoke.ArgumentError, match="year"):
        asia.to_networkx("2023")
    with pytest.raises(hubspoke.ArgumentError, match="outside"):
        asia.to_networkx(12000)


def test_a_codebook_changes_the_depths(asia, hubspoke, tmp_path):
    cb = hubspoke.Codebook()
    cb.set_tie_weight("dialogue", 0.5)
    (tmp_path / "cb.json").write_text('{"ties": {"dialogue": 0.5}}')
    G = asia.to_networkx(2023, codebook=cb)
    G2 = asia.to_networkx(2023, codebook=tmp_path / "cb.json")
    states = _cli_states(path("graphs", "asia-pacific.gv"), 2023, "--codebook", tmp_path / "cb.json")
    for n in G:
        assert G.degree(n, weight="weight") == G2.degree(n, weight="weight") == pytest.approx(
            states[n]["strength"], rel=0, abs=1e-12)
    assert G.degree("USA", weight="weight") != asia.to_networkx(2023).degree("USA", weight="weight")


def test_networkx_reads_hubspokes_graphml_and_from_networkx_gives_the_same_model(hubspoke, asia, tmp_path):
    G = nx.read_graphml(path("graphs", "asia-pacific.graphml"))
    m = hubspoke.from_networkx(G)
    xml = hubspoke.read(path("graphs", "asia-pacific.graphml"))
    assert m.vertices().equals(xml.vertices())
    # NetworkX lists an undirected graph's edges by node, not in file order,
    # each from the end it met first: the same ties, in another order.
    def ordered(frame):
        frame = frame.copy()
        swap = frame.source > frame.target
        frame.loc[swap, ["source", "target"]] = frame.loc[swap, ["target", "source"]].values
        return frame.sort_values(["source", "target", "kind", "since"]).reset_index(drop=True)

    assert ordered(m.edges()).equals(ordered(xml.edges()))
    m.write(tmp_path / "from-nx.graphml")
    for year in YEARS:
        ours = cli_json("metrics", tmp_path / "from-nx.graphml", "--year", year, "--permutations", 0)
        theirs = cli_json("metrics", path("graphs", "asia-pacific.graphml"), "--year", year, "--permutations", 0)
        assert_close(without_draws(ours), without_draws(theirs))


@pytest.mark.parametrize("year", YEARS)
def test_the_security_graph_read_back_measures_as_the_year_it_shows(hubspoke, asia, tmp_path, year):
    G = asia.to_networkx(year)
    m = hubspoke.from_networkx(G)
    out = tmp_path / "back.graphml"
    m.write(out)
    ours = cli_json("metrics", out, "--year", 3000, "--permutations", 200)
    theirs = cli_json("metrics", path("graphs", "asia-pacific.gv"), "--year", year, "--permutations", 200)
    for doc in (ours, theirs):
        doc.pop("year")
        without_draws(doc)
    assert_close(ours, theirs)  # its ties in another order: sums may differ in the last bit
    ours = cli_json("classify", out, "--year", 3000)
    theirs = cli_json("classify", path("graphs", "asia-pacific.gv"), "--year", year)
    for doc in (ours, theirs):
        doc.pop("year")
    assert_close(ours, theirs)


def test_a_graph_built_by_hand(hubspoke):
    G = nx.MultiDiGraph(hub="USA", period="test")
    G.add_edge("JPN", "USA", kind="treaty", since=1951)
    G.add_edge("KOR", "USA", kind="treaty", since=1953)
    G.add_edge("JPN", "KOR", kind="intelligence", since=2016, until=2017, source="GSOMIA")
    G.add_edge("JPN", "KOR", kind="intelligence", since=2019)
    G.add_node("TISA", type="mechanism", kind="intelligence", scope="issue", since=2014)
    for s in ("USA", "JPN", "KOR"):
        G.add_edge(s, "TISA", kind="member")
    m = hubspoke.from_networkx(G, name="hand")
    assert m.directed and m.hub == "USA" and m.period == "test" and m.file == "hand"
    e = m.edges()
    assert list(zip(e.source, e.target, e.kind)) == [(u, v, d["kind"]) for u, v, d in G.edges(data=True)]
    gsomia = e[e.citation == "GSOMIA"]
    assert len(gsomia) == 1 and gsomia.until.iloc[0] == 2017 and gsomia.since.iloc[0] == 2016
    S = m.to_networkx(2016)
    assert S.nodes["KOR"]["role"] == "ally" and S.edges["JPN", "KOR"]["kinds"] == ["intelligence"]
    assert len(S.edges["JPN", "KOR"]["ties"]) == 2  # the bilateral tie and TISA's co-membership
    assert len(m.to_networkx(2018).edges["JPN", "KOR"]["ties"]) == 1


def test_from_networkx_reports_what_breaks_the_schema(hubspoke):
    G = nx.Graph()
    G.add_edge("A", "B", kind="alliance")
    with pytest.raises(hubspoke.InputError, match="alliance"):
        hubspoke.from_networkx(G)
    G = nx.Graph()
    G.add_edge("A", "B", since=2000, until=1990)
    with pytest.raises(hubspoke.InputError):
        hubspoke.from_networkx(G)
    G = nx.Graph()
    G.add_edge("A", "B", tags=["x"])
    with pytest.raises(hubspoke.ArgumentError, match="list"):
        hubspoke.from_networkx(G)
    G = nx.Graph()
    G.add_nodes_from([1, "1"])
    with pytest.raises(hubspoke.InputError, match="also another node"):
        hubspoke.from_networkx(G)
    G = nx.Graph(hub="ZZZ")
    G.add_edge("A", "B")
    with pytest.raises(hubspoke.InputError, match="ZZZ"):
        hubspoke.from_networkx(G)
