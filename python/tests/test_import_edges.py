"""import_edges() and Model.export_edges(): the CSV edge lists of
docs/import.md, "Edge lists", read and written by the library
(hs_edgelist_read, hs_edgelist_write) as the CLI's import/export edges do."""
import os
import warnings

import pytest

from conftest import cli, path

YEARS = (1953, 1999, 2014, 2023)
TABLES = ("edges.csv", "nodes.csv", "members.csv", "graph.csv")


def cli_export(directory):
    """The curated graph as the CLI exports it: the four tables' paths."""
    files = [str(directory / t) for t in TABLES]
    cli("export", "edges", path("graphs", "asia-pacific.gv"), "-o", files[0], "--nodes", files[1],
        "--mechanisms", files[2], "--graph", files[3])
    return files


def test_the_curated_graph_through_the_cli_export_measures_as_the_file(hubspoke, tmp_path):
    edges, nodes, members, graph = cli_export(tmp_path)
    original = hubspoke.read(path("graphs", "asia-pacific.gv"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", hubspoke.InputWarning)  # the curated graph has no warning
        m = hubspoke.import_edges(edges, nodes=nodes, mechanisms=members, graph=graph)
    assert (m.vertex_count, m.edge_count) == (original.vertex_count, original.edge_count)
    assert (m.hub, m.period, m.directed, m.version) == (original.hub, original.period, original.directed,
                                                        original.version)
    assert m.vertices().equals(original.vertices())
    assert m.edges().equals(original.edges())
    for year in YEARS:
        ours, theirs = m.metrics(year, permutations=0), original.metrics(year, permutations=0)
        assert ours.indices == theirs.indices, year
        assert ours.system.equals(theirs.system) and ours.states.equals(theirs.states), year
    assert m.system_panel(list(YEARS)).equals(original.system_panel(list(YEARS)))
    # The package's export writes what the CLI's does, byte for byte.
    ours = [str(tmp_path / ("py-" + t)) for t in TABLES]
    original.export_edges(ours[0], nodes=ours[1], mechanisms=ours[2], graph=ours[3])
    for a, b in zip(ours, (edges, nodes, members, graph)):
        with open(a, "rb") as fa, open(b, "rb") as fb:
            assert fa.read() == fb.read(), a


def test_the_options_direction_and_hub(hubspoke, tmp_path):
    edges, nodes, members, graph = cli_export(tmp_path)
    m = hubspoke.import_edges(edges, nodes=nodes, mechanisms=members, graph=graph, directed=True, hub="JPN")
    assert m.directed and m.hub == "JPN"
    bare = hubspoke.import_edges(edges)  # no GRAPH.csv: undirected, no hub
    assert not bare.directed and bare.hub is None
    with pytest.raises(hubspoke.ArgumentError, match="directed"):
        hubspoke.import_edges(edges, directed="yes")
    with pytest.raises(hubspoke.Error, match=r"no-such\.csv: cannot open"):
        hubspoke.import_edges(str(tmp_path / "no-such.csv"))


def test_a_bad_csv_raises_naming_its_file_and_line(hubspoke, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,kind,since\nUSA,JPN,treaty,1951\nUSA,KOR,alliance,1953\nUSA,,treaty,1954\n")
    with pytest.raises(hubspoke.InputError) as e:
        hubspoke.import_edges(str(bad), hub="USA")
    message = str(e.value)
    assert message.startswith(str(bad) + ":3: ") and "unknown kind 'alliance'" in message
    assert "(and 1 more errors)" in message and e.value.code == "HS_EINPUT"
    assert len(e.value.errors) == 2 and e.value.errors[1].startswith(str(bad) + ":4: ")
    nodes = tmp_path / "nodes.csv"
    nodes.write_text("id,type\nUSA,state\nUSA,state\n")
    good = tmp_path / "good.csv"
    good.write_text("source,target,kind\nUSA,JPN,treaty\n")
    with pytest.raises(hubspoke.InputError, match=r"nodes\.csv:3: .*duplicate id 'USA'"):
        hubspoke.import_edges(str(good), nodes=str(nodes))
    missing = tmp_path / "nosource.csv"
    missing.write_text("from_state,target\nUSA,JPN\n")
    with pytest.raises(hubspoke.InputError, match=r"nosource\.csv:1: no column 'source'"):
        hubspoke.import_edges(str(missing))


def test_warnings_are_input_warnings(hubspoke, tmp_path):
    original = hubspoke.read(path("graphs", "asia-pacific.gv"))
    with pytest.warns(hubspoke.InputWarning, match="not written without a nodes table"):
        original.export_edges(str(tmp_path / "only.csv"))
    assert os.path.getsize(tmp_path / "only.csv") > 1000
    odd = tmp_path / "odd.csv"
    odd.write_text("source,target,kind,untill\nUSA,JPN,treaty,1960\n")
    with pytest.warns(hubspoke.InputWarning, match="untill"):
        m = hubspoke.import_edges(str(odd))
    assert m.edge_count == 1
