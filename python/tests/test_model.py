"""Reading, writing, importing and inspecting models; errors as exceptions."""
import os

import pytest

from conftest import cli, cli_json, path


def test_dot_and_graphml_of_the_curated_dataset_read_alike(hubspoke):
    dot = hubspoke.read(path("graphs", "asia-pacific.gv"))
    xml = hubspoke.read(path("graphs", "asia-pacific.graphml"))
    assert (dot.format, xml.format) == ("dot", "graphml")
    assert dot.vertex_count == xml.vertex_count == len(dot.vertices())
    assert dot.edge_count == xml.edge_count == len(dot.edges())
    assert dot.vertices().equals(xml.vertices())
    assert dot.edges().equals(xml.edges())
    info = cli_json("info", path("graphs", "asia-pacific.graphml"))
    assert (dot.hub, dot.period, dot.version, dot.directed) == \
        (xml.hub, xml.period, xml.version, xml.directed) == ("USA", info["period"], info["version"], False)
    assert dot.graph_attr("version") == dot.version and dot.graph_attr("no such attribute") is None


def test_model_attributes_match_the_cli_info(hubspoke, asia):
    info = cli_json("info", path("graphs", "asia-pacific.gv"))
    assert asia.years == range(info["years"]["first"], info["years"]["last"] + 1)
    assert asia.period == info["period"] and asia.directed == info["directed"]
    v = asia.vertices()
    mechanisms = v[v.type == "mechanism"]
    assert list(mechanisms.id) == [m["id"] for m in info["mechanisms"]]
    assert list(mechanisms.kind) == [m["kind"] for m in info["mechanisms"]]
    assert list(mechanisms.since.astype(object).where(mechanisms.since.notna(), None)) == \
        [m["since"] for m in info["mechanisms"]]
    assert len(v) - len(mechanisms) == info["counts"]["states"]
    e = asia.edges()
    assert dict(e.kind.fillna("unspecified").value_counts()) == {k: c for k, c in info["ties"].items() if c}


def test_vertices_and_edges_of_a_small_file_by_hand(hubspoke):
    m = hubspoke.read_string("""graph g { hub=USA; period="x";
        USA [label="United States"]; JPN;
        USA -- JPN [kind=treaty, since=1951, source="Treaty"];
        subgraph cluster_Q { kind=dialogue; scope=broad; weight=0.3; since=2017; USA; JPN; } }""")
    v = m.vertices()
    assert list(v.id) == ["USA", "JPN", "Q"]
    assert list(v.type) == ["state", "state", "mechanism"]
    assert v.label[0] == "United States" and v.label[1] is None
    assert (v.kind[2], v.scope[2], v.weight[2], v.since[2]) == ("dialogue", "broad", 0.3, 2017)
    assert v.until.isna().all()
    e = m.edges()
    assert list(zip(e.source, e.target, e.kind)) == [("USA", "JPN", "treaty"), ("USA", "Q", "member"),
                                                      ("JPN", "Q", "member")]
    assert e.citation[0] == "Treaty" and e.since[0] == 1951 and e.weight.isna().all()
    assert m.years == range(1951, 2018) and m.hub == "USA" and m.period == "x" and m.format == "dot"


def test_write_round_trips_through_both_formats(hubspoke, asia, tmp_path):
    for name in ("a.graphml", "a.gv"):
        out = tmp_path / name
        asia.write(out)
        back = hubspoke.read(out)
        assert back.vertices().equals(asia.vertices()) and back.edges().equals(asia.edges())
    # the same bytes as the CLI's convert
    cli("convert", path("graphs", "asia-pacific.gv"), tmp_path / "cli.graphml")
    assert (tmp_path / "cli.graphml").read_bytes() == (tmp_path / "a.graphml").read_bytes()


def test_a_bad_file_raises_input_error_with_the_librarys_message(hubspoke, tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_text('<graphml><key id="k" for="edge" attr.name="kind"/><graph edgedefault="undirected">\n'
                   '<node id="A"/><node id="B"/>\n<edge source="A" target="B"><data key="k">alliance</data></edge>'
                   '</graph></graphml>')
    with pytest.raises(hubspoke.InputError) as e:
        hubspoke.read(bad)
    cli_message = cli("info", bad, check=False).stderr.strip()
    assert cli_message == "hubspoke: " + str(e.value)
    assert "alliance" in str(e.value) and str(bad) in str(e.value)
    assert e.value.code == "HS_EINPUT" and isinstance(e.value, ValueError)


def test_errors_of_each_kind(hubspoke, tmp_path):
    with pytest.raises(hubspoke.InputError, match="nothing-here.gv"):
        hubspoke.read(tmp_path / "nothing-here.gv")
    with pytest.raises(hubspoke.InputError, match="syntax"):
        hubspoke.read_string("graph { A -- }", format="dot", name="broken.gv")
    with pytest.raises(hubspoke.ArgumentError, match="unknown format"):
        hubspoke.read(path("graphs", "asia-pacific.gv"), format="xml")
    with pytest.raises(hubspoke.ArgumentError, match="NUL"):
        hubspoke.read("a\0b.gv")
    with pytest.raises(TypeError):
        hubspoke.read(42)
    with pytest.raises(TypeError):
        hubspoke.Model()


def test_the_load_limits_raise_limit_error_and_are_restored(hubspoke):
    before = hubspoke.load_limits()
    vertices = hubspoke.read(path("graphs", "asia-pacific.graphml")).vertex_count
    hubspoke.set_load_limits(max_states=5)
    try:
        with pytest.raises(hubspoke.LimitError, match="more than 5 states"):
            hubspoke.read(path("graphs", "asia-pacific.graphml"))
    finally:
        hubspoke.set_load_limits(*before)
    assert hubspoke.load_limits() == before == (1000000, 10000000)
    assert hubspoke.read(path("graphs", "asia-pacific.graphml")).vertex_count == vertices > 5


def test_a_missing_helper_raises_helper_error_and_graphml_still_reads(hubspoke, asia, tmp_path, monkeypatch):
    monkeypatch.setenv("HUBSPOKE_DOT_HELPER", str(tmp_path / "no-helper"))
    with pytest.raises(hubspoke.HelperError):
        hubspoke.read(path("graphs", "asia-pacific.gv"))
    assert hubspoke.read(path("graphs", "asia-pacific.graphml")).edge_count == asia.edge_count > 100


def test_a_helper_that_hangs_raises_helper_timeout_error(hubspoke, tmp_path, monkeypatch):
    hang = tmp_path / "hang"
    hang.write_text("#!/bin/sh\nexec sleep 30\n")
    hang.chmod(0o755)
    monkeypatch.setenv("HUBSPOKE_DOT_HELPER", str(hang))
    before = hubspoke.helper_timeout()
    hubspoke.set_helper_timeout(1)
    try:
        with pytest.raises(hubspoke.HelperTimeoutError) as e:
            hubspoke.read(path("graphs", "asia-pacific.gv"))
    finally:
        hubspoke.set_helper_timeout(before)
    assert isinstance(e.value, TimeoutError) and isinstance(e.value, hubspoke.HelperError)
    assert hubspoke.helper_timeout() == 60


def test_import_cow_and_atop_equal_the_cli_import(hubspoke, tmp_path):
    data = path("tests", "data", "import")
    m = hubspoke.import_cow(os.path.join(data, "cow.csv"), states=os.path.join(data, "states.csv"), ids="iso3",
                            hub="USA")
    m.write(tmp_path / "py.graphml")
    cli("import", "cow", os.path.join(data, "cow.csv"), "--states", os.path.join(data, "states.csv"),
        "--ids", "iso3", "--hub", "USA", "-o", tmp_path / "cli.graphml")
    assert (tmp_path / "py.graphml").read_bytes() == (tmp_path / "cli.graphml").read_bytes()
    assert m.hub == "USA" and m.vertex_count > 2

    a = hubspoke.import_atop(os.path.join(data, "atop.csv"), types="defense,offense", since=1950, until=2000)
    a.write(tmp_path / "py-atop.graphml")
    cli("import", "atop", os.path.join(data, "atop.csv"), "--types", "defense,offense", "--since", 1950,
        "--until", 2000, "-o", tmp_path / "cli-atop.graphml")
    assert (tmp_path / "py-atop.graphml").read_bytes() == (tmp_path / "cli-atop.graphml").read_bytes()


def test_import_errors(hubspoke):
    data = path("tests", "data", "import")
    with pytest.raises(hubspoke.InputError, match=r"cow-fields.csv:3: 22 fields, but the header has 23"):
        hubspoke.import_cow(os.path.join(data, "bad", "cow-fields.csv"))
    with pytest.raises(hubspoke.ArgumentError, match="does not code the obligation"):
        hubspoke.import_cow(os.path.join(data, "cow.csv"), types=["offense"])
    with pytest.raises(hubspoke.ArgumentError, match="unknown obligation"):
        hubspoke.import_atop(os.path.join(data, "atop.csv"), types=["war"])
    with pytest.raises(hubspoke.ArgumentError, match="must come before"):
        hubspoke.import_cow(os.path.join(data, "cow.csv"), since=2000, until=1990)
    with pytest.raises(hubspoke.ArgumentError, match="ids"):
        hubspoke.import_cow(os.path.join(data, "cow.csv"), ids="iso2")


def test_codebook_values_and_errors(hubspoke, tmp_path):
    cb = hubspoke.Codebook()
    weights = cb.weights()
    assert weights["treaty"] == 1.0 and set(weights) == {"treaty", "access", "intelligence", "technology",
                                                         "exercise", "partnership", "dialogue", "unspecified"}
    cb.set_tie_weight("dialogue", 0.25)
    assert cb.tie_weight("dialogue") == 0.25 and hubspoke.Codebook().tie_weight("dialogue") != 0.25
    assert cb.mechanism_weight("dialogue", "broad") == 0.25 * cb.scope_factor("broad")
    copy = cb.copy()
    copy.set_tie_weight("dialogue", 0.5)
    assert cb.tie_weight("dialogue") == 0.25
    with pytest.raises(hubspoke.ArgumentError):
        cb.set_tie_weight("treaty", 1.5)
    with pytest.raises(hubspoke.ArgumentError, match="unknown kind"):
        cb.tie_weight("alliance")
    f = tmp_path / "cb.json"
    f.write_text('{"ties": {"treaty": 0.9}}')
    assert hubspoke.Codebook(f).tie_weight("treaty") == 0.9
    assert hubspoke.Codebook.from_json({"ties": {"treaty": 0.8}}).tie_weight("treaty") == 0.8
    f.write_text('{"ties": {"treaty": 2}}')
    with pytest.raises(hubspoke.InputError, match="cb.json"):
        hubspoke.Codebook(f)


def test_options_of_the_wrong_type_or_range_raise_not_crash(hubspoke, asia):
    with pytest.raises(hubspoke.ArgumentError, match="permutations"):
        asia.metrics(2023, permutations=-1)
    with pytest.raises(hubspoke.ArgumentError, match="sensitivity"):
        asia.classify(2023, sensitivity="many")
    with pytest.raises(hubspoke.ArgumentError, match="ghosts"):
        asia.render(2023, ghosts="yes")
    with pytest.raises(TypeError, match="engine"):
        asia.render(2023, engine=5)
    with pytest.raises(TypeError, match="focus"):
        asia.render(2023, focus=[None])
    with pytest.raises(TypeError, match="measures"):
        asia.metrics(2023, measures=[1, 2])
    with pytest.raises(hubspoke.ArgumentError, match="a year must be an integer"):
        asia.panel(["x"])
    with pytest.raises(hubspoke.ArgumentError, match="edit 1"):
        asia.whatif([("drop_tie", "JPN")], 2023)
    with pytest.raises(hubspoke.ArgumentError, match="at least one scenario"):
        asia.whatif({}, 2023)
    # a string where a list is expected is one item
    assert list(asia.metrics(2023, focus="USA").states.name) == ["USA"]
