"""metrics(), panel(), system_panel(), compare(), whatif() and measures(): the
CLI's JSON, to the last printed digit, over every year of the curated dataset."""
import math

import pandas as pd
import pytest

from conftest import cli_json, path

ASIA = path("graphs", "asia-pacific.gv")


def printed(value):
    """A frame's value as the CLI's JSON holds it once parsed: None for
    missing, a double as printed with 15 significant digits and read back."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        return float("%.15g" % value)
    return value


def same(ours, theirs, where):
    """Every value of a frame's row equals the CLI's, numbers as printed."""
    if isinstance(theirs, list):
        assert ours == theirs, where
    elif isinstance(theirs, bool) or theirs is None or isinstance(theirs, str):
        assert printed(ours) == theirs, where
    else:
        assert printed(ours) == float(theirs), where


def compare_rows(frame, objects, what):
    """The rows of a frame against the CLI's JSON objects, key by key; the
    frame must have every key and no column the CLI does not print."""
    assert len(frame) == len(objects), what
    for i, ((_, row), obj) in enumerate(zip(frame.iterrows(), objects)):
        assert list(row.index) == list(obj), "%s row %d: columns differ" % (what, i)
        for key, value in obj.items():
            same(row[key], value, "%s row %d, %s" % (what, i, key))
    return len(frame) * len(frame.columns)


def test_metrics_of_every_year_equal_the_cli(asia, asia_years):
    cells = 0
    for year in asia_years + [None]:
        ours = asia.metrics(year)
        theirs = cli_json("metrics", ASIA, *(("--year", year) if year is not None else ()))
        assert (ours.year, ours.hub) == (theirs["year"], theirs["hub"])
        assert list(ours.indices) == list(theirs["indices"])
        for k, v in theirs["indices"].items():
            same(ours.indices[k], v, "%s %s" % (year, k))
        system = dict(theirs["indices"], **theirs["system"])
        cells += compare_rows(ours.system.drop(columns=["year", "hub"]), [system], "%s system" % year)
        states = ours.states.drop(columns=["year"])
        cells += compare_rows(states, theirs["states"], "%s states" % year)
    assert cells > 200 * len(asia_years)


def test_panels_equal_the_clis_panel_and_the_years_measured_alone(asia, asia_years):
    span = ",".join(map(str, asia_years))
    panel = asia.panel(asia_years)
    compare_rows(panel, cli_json("metrics", ASIA, "--years", span, "--table", "states"), "states panel")
    system = asia.system_panel(asia_years)
    compare_rows(system, cli_json("metrics", ASIA, "--years", span, "--table", "system"), "system panel")
    assert list(panel.year.unique()) == asia_years and list(system.year) == asia_years
    # A panel is the years measured one by one.
    for year in [y for y in (1953, 1990, 2016, 2023) if y in asia_years]:
        one = asia.metrics(year)
        pd.testing.assert_frame_equal(panel[panel.year == year].reset_index(drop=True), one.states,
                                      check_dtype=False)
        pd.testing.assert_frame_equal(system[system.year == year].reset_index(drop=True), one.system,
                                      check_dtype=False)


def test_the_columns_are_the_registrys(hubspoke, asia):
    registry = hubspoke.measures()
    m = asia.metrics(2023)
    state = registry[(registry.kind == "state") & ~registry.change]
    system = registry[(registry.kind == "system") & ~registry.change]
    assert list(m.states.columns) == ["year", "name", "role"] + list(state.name)
    assert list(m.system.columns) == ["year", "hub"] + list(system.name)
    for name in m.states.columns[3:]:
        info = m.states.attrs["measures"][name]
        assert info["kind"] == "state" and info["description"]
    ints = registry[registry.type == "integer"].name
    assert all(str(m.states[c].dtype) == "Int64" for c in ints if c in m.states)
    assert m.system.hub_articulation_point.dtype == "boolean"
    assert isinstance(m.system.articulation_points[0], list)


def test_measures_equal_the_clis_registry(hubspoke):
    ours = hubspoke.measures()
    theirs = cli_json("measures")
    assert list(ours.name) == [m["name"] for m in theirs]
    for (_, row), m in zip(ours.iterrows(), theirs):
        for key in ("kind", "group", "type", "unit", "description"):
            assert row[key] == m[key], (m["name"], key)


def test_choosing_measures_options_and_focus(hubspoke, asia):
    m = asia.metrics(2016, measures=["degree", "betweenness", "coordination"], focus=["USA", "JPN", "KOR"],
                     permutations=0)
    assert list(m.states.columns) == ["year", "name", "role", "degree", "betweenness"]
    assert list(m.system.columns) == ["year", "hub", "coordination", "unidirectionality", "closedness"]
    theirs = cli_json("metrics", ASIA, "--year", 2016, "--focus", "USA,JPN,KOR", "--measures",
                      "degree,betweenness,coordination", "--permutations", 0)
    compare_rows(m.states.drop(columns="year"), theirs["states"], "focus states")
    seeded = asia.system_panel([2020, 2023], measures=["ei_p_closed"], permutations=200, seed=9)
    theirs = cli_json("metrics", ASIA, "--years", "2020,2023", "--table", "system", "--measures", "ei_p_closed",
                      "--permutations", 200, "--seed", 9)
    compare_rows(seeded, theirs, "seeded")
    with pytest.raises(hubspoke.ArgumentError, match="nonsense"):
        asia.metrics(2023, measures=["nonsense"])
    with pytest.raises(hubspoke.ArgumentError, match="iterable"):
        asia.panel(2023)
    with pytest.raises(hubspoke.ArgumentError, match="no years"):
        asia.panel([])
    with pytest.raises(hubspoke.ArgumentError, match="XXX"):
        asia.panel(range(2000, 2005), hub="XXX")


def test_compare_equals_the_cli_over_years_and_files(hubspoke, asia, asia_years):
    ours = asia.compare(asia_years)
    theirs = cli_json("compare", ASIA, "--years", ",".join(map(str, asia_years)))
    compare_rows(ours, theirs, "compare years")
    chosen = asia.compare(range(2010, 2025), measures=["ei_index", "conductance"])
    theirs = cli_json("compare", ASIA, "--years", "2010:2024", "--measures", "ei_index,conductance")
    compare_rows(chosen, theirs, "compare measures")
    usjk = hubspoke.read(path("graphs", "us-japan-rok.graphml"))
    files = hubspoke.compare([asia, usjk], year=2016)
    theirs = cli_json("compare", ASIA, path("graphs", "us-japan-rok.graphml"), "--year", 2016)
    assert [r["file"] for r in theirs] == [ASIA, path("graphs", "us-japan-rok.graphml")]
    compare_rows(files, theirs, "compare files")


def test_whatif_equals_the_cli(hubspoke, asia):
    edits = [("drop_tie", "JPN", "KOR"), ("add_member", "VNM", "Quad")]
    w = asia.whatif(edits, 2020)
    theirs = cli_json("whatif", ASIA, "--year", 2020, "--drop-tie", "JPN-KOR", "--add-member", "VNM:Quad")
    for part, key in (("before", "before"), ("after", "after"), ("change", "difference")):
        frame = getattr(w, part).drop(columns=["year", "scenario"])
        obj = theirs[key]
        frame = frame[[c for c in frame.columns if c in obj or c == "hub"]]
        compare_rows(frame.drop(columns=[c for c in frame.columns if c not in obj]), [obj], part)
    assert [(r.id, r.before, r.after, r.changed) for r in w.types.itertuples()] == \
        [(m["id"], m["before"], m["after"], m["changed"]) for m in theirs["mechanisms"]]
    # several scenarios, several years, a mechanism added
    many = asia.whatif({"no GSOMIA": [("drop_tie", "JPN", "KOR")],
                        "Pentad": [{"type": "add_mechanism", "a": "Pentad", "kind": "exercise"},
                                  ("add_member", "USA", "Pentad"), ("add_member", "AUS", "Pentad"),
                                  ("add_member", "JPN", "Pentad"), ("add_member", "PHL", "Pentad")]},
                       [2023, 2024])
    assert list(many.change.scenario) == ["no GSOMIA", "no GSOMIA", "Pentad", "Pentad"]
    assert list(many.change.year) == [2023, 2024, 2023, 2024]
    squad = many.types[(many.types.scenario == "Pentad") & (many.types.id == "Pentad")]
    assert len(squad) == 2 and squad.before.isna().all() and squad.changed.all()
    theirs = cli_json("whatif", ASIA, "--year", 2023, "--add-mechanism", "Pentad:exercise", "--add-member",
                      "USA:Pentad", "--add-member", "AUS:Pentad", "--add-member", "JPN:Pentad", "--add-member",
                      "PHL:Pentad")
    row = many.after[(many.after.scenario == "Pentad") & (many.after.year == 2023)]
    for key, value in theirs["after"].items():
        same(row[key].iloc[0], value, "Pentad after " + key)
    with pytest.raises(hubspoke.ArgumentError, match="XXX"):
        asia.whatif([("drop_state", "XXX")], 2023)
    with pytest.raises(hubspoke.ArgumentError, match="unknown value"):
        asia.whatif([("destroy", "JPN")], 2023)
