"""classify(): the CLI's classification, to the last printed digit, in every year."""
import math

import pytest

from conftest import cli_json, path


def same_number(ours, printed):
    """The CLI prints a double with 15 significant digits (null for NaN): our
    value printed the same way must read back as the same number."""
    if printed is None:
        return ours is None or (isinstance(ours, float) and math.isnan(ours))
    if isinstance(printed, bool) or not isinstance(printed, (int, float)):
        return ours == printed
    return float("%.15g" % ours) == float(printed)


def compare_row(row, mech):
    """Every key of the CLI's JSON object for a mechanism against the row."""
    checked = 0
    for key, printed in mech.items():
        if key == "members":
            assert row["members"] == [m["id"] for m in printed]
            assert row["member_roles"] == [m["role"] for m in printed]
        elif key in row:
            assert same_number(row[key], printed), (mech["id"], key, row[key], printed)
        else:
            continue
        checked += 1
    return checked


def test_every_year_of_the_curated_dataset_equals_the_cli(asia, asia_years):
    compared = 0
    for year in asia_years:
        df = asia.classify(year, sensitivity=50)
        doc = cli_json("classify", path("graphs", "asia-pacific.gv"), "--year", year, "--sensitivity", 50)
        assert df.attrs == {"year": year, "hub": doc["hub"]}
        assert list(df.id) == [m["id"] for m in doc["mechanisms"]]
        for (_, row), mech in zip(df.iterrows(), doc["mechanisms"]):
            keys = compare_row(row, mech)
            assert keys == len(mech), "the CLI prints keys the frame lacks: %s" % sorted(set(mech) - set(row.index))
            compared += keys
    assert compared >= 500


def test_options_reach_the_library(hubspoke, asia):
    one = asia.classify(2023, mechanism="Quad", sensitivity=200, seed=7)
    doc = cli_json("classify", path("graphs", "asia-pacific.gv"), "--year", 2023, "--mechanism", "Quad",
                   "--sensitivity", 200, "--seed", 7)
    assert list(one.id) == ["Quad"]
    compare_row(one.iloc[0], doc["mechanisms"][0])
    focus = asia.classify(2016, focus=["USA", "JPN", "KOR"])
    doc = cli_json("classify", path("graphs", "asia-pacific.gv"), "--year", 2016, "--focus", "USA,JPN,KOR")
    assert list(focus.id) == [m["id"] for m in doc["mechanisms"]]
    for (_, row), mech in zip(focus.iterrows(), doc["mechanisms"]):
        compare_row(row, mech)
    with pytest.raises(hubspoke.ArgumentError, match="Nothing"):
        asia.classify(2023, mechanism="Nothing")
    with pytest.raises(hubspoke.ArgumentError, match="unknown option"):
        asia.classify(2023, sensitivty=10)
    empty = asia.classify(asia.years.start - 1)  # before the file's first year
    assert len(empty) == 0 and "type" in empty.columns
