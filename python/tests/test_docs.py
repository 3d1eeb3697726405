"""docs/python.md: every example runs, every public function has one, and
the numbers its worked example states are the ones measured."""
import inspect
import os
import re
import sys

import pytest

from conftest import path

sys.path.insert(0, path("python", "tools"))
from run_doc_examples import DOC, blocks, run  # noqa: E402


def public_api(hubspoke):
    names = set(hubspoke.__all__) - {"Model", "Figure", "Metrics", "WhatIf"}
    for cls in (hubspoke.Model, hubspoke.Figure, hubspoke.Codebook):
        for name, member in inspect.getmembers(cls):
            if not name.startswith("_"):
                names.add(name)
    return names


@pytest.fixture(scope="module")
def examples(hubspoke, tmp_path_factory):
    """The examples run in order, in a scratch directory that sees the
    repository's graphs/ and tests/ data: their namespace and directory."""
    directory = tmp_path_factory.mktemp("examples")
    return run(str(directory)), directory


def test_every_example_runs_in_order(examples):
    namespace, directory = examples
    assert len(blocks()) >= 15
    for figure in ("us-japan-rok-panel.png", "us-japan-rok.svg"):
        assert os.path.getsize(directory / figure) > 10000
    assert os.path.isfile(path("docs", "python", "us-japan-rok-panel.png"))


def test_the_worked_example_says_what_was_measured(examples):
    """The prose of "Example: the US-Japan-ROK case" quotes these values: if
    the data or a measure changes them, the prose must change too."""
    namespace, _ = examples
    system = namespace["system"]
    stated = {(1999, "unidirectionality"): 0.98, (1999, "coordination"): 1.0,
              (2008, "unidirectionality"): 0.99, (2008, "coordination"): 1.0,
              (2014, "unidirectionality"): 0.92, (2014, "coordination"): 1.0,
              (2016, "coordination"): 0.35, (2016, "unidirectionality"): 0.81,
              (2022, "coordination"): 0.39,
              (2023, "unidirectionality"): 0.77, (2023, "coordination"): 0.56}
    for (year, column), value in stated.items():
        assert round(system.loc[year, column], 2) == value, (year, column)
    assert system.loc[1951:1953, ["coordination", "unidirectionality"]].isna().all().all()
    assert list(system.loc[[1953, 1954, 1959], "closedness"].round(4)) == [0, 0.3333, 0.3333]
    assert (system.loc[1954:1998, "unidirectionality"] == 1).all()
    assert system.loc[1951:1998, "coordination"].isna().all() and system.loc[2004:2007, "coordination"].isna().all()
    assert (system.loc[1999:2003, "coordination"] == 1).all() and (system.loc[2008:2015, "coordination"] == 1).all()
    assert (system.loc[1960:2025, "closedness"] == 1).all()
    types = namespace["types"].set_index("id")
    assert types["type"].to_dict() == {"CampDavid": "hub-and-spokes", "DTT": "hub-and-spokes",
                                       "ESD": "hub-and-spokes", "MWDS": "integrative", "TISA": "integrative"}
    assert (types["verdict"] == types["type"]).all() and (types["agreement"] >= 0.8).all()
    assert types["agreement"].round(3).to_dict() == {"CampDavid": 0.848, "DTT": 0.978, "ESD": 0.871,
                                                     "MWDS": 0.995, "TISA": 0.991}
    assert types.loc["CampDavid", "alternatives"].keys() == {"hub-and-spokes", "integrative"}
    delta = types["system_delta_unidirectionality"].round(4)
    assert delta["TISA"] == delta["MWDS"] == -0.0308 and delta["CampDavid"] == delta["ESD"] == -0.0056
    assert round(types.attrs["reference"]["system"]["unidirectionality"], 3) == 0.011
    assert (types["system_delta_closedness"] == 0).all()


def test_every_public_function_has_an_example(hubspoke):
    code = "\n".join(blocks())
    with open(DOC) as f:
        text = f.read()
    missing_doc = sorted(n for n in public_api(hubspoke) if "`%s" % n not in text and ".%s(" % n not in text
                         and "`%s`" % n not in text)
    assert missing_doc == [], "not documented in docs/python.md"
    # The exception classes are documented by their table; two are caught in an example.
    exceptions = {n for n in hubspoke.__all__ if isinstance(getattr(hubspoke, n), type)
                  and issubclass(getattr(hubspoke, n), hubspoke.Error)}
    missing_example = sorted(n for n in public_api(hubspoke) - exceptions
                             if not re.search(r"\b%s\b" % re.escape(n), code))
    assert missing_example == [], "no example in docs/python.md"
