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


def same_doc(ours, printed, where="$"):
    """A JSON-like value of ours (dicts, lists, numbers with NaN for null)
    against the CLI's, key for key and number for number as printed."""
    if isinstance(printed, dict):
        assert isinstance(ours, dict) and list(ours) == list(printed), where
        for k in printed:
            same_doc(ours[k], printed[k], "%s.%s" % (where, k))
    elif isinstance(printed, list):
        assert isinstance(ours, list) and len(ours) == len(printed), where
        for i, (a, b) in enumerate(zip(ours, printed)):
            same_doc(a, b, "%s[%d]" % (where, i))
    else:
        assert same_number(ours, printed), (where, ours, printed)


def compare_row(row, mech):
    """Every key of the CLI's JSON object for a mechanism against the row."""
    checked = 0
    for key, printed in mech.items():
        if key == "members":
            assert row["members"] == [m["id"] for m in printed]
            assert row["member_roles"] == [m["role"] for m in printed]
        elif key == "alternatives":
            assert list(row["alternatives"]) == [a["type"] for a in printed], mech["id"]
            assert all(same_number(row["alternatives"][a["type"]], a["share"]) for a in printed), mech["id"]
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
        mechanisms = doc.pop("mechanisms")
        same_doc(df.attrs, doc)
        assert list(df.id) == [m["id"] for m in mechanisms]
        for (_, row), mech in zip(df.iterrows(), mechanisms):
            keys = compare_row(row, mech)
            assert keys == len(mech), "the CLI prints keys the frame lacks: %s" % sorted(set(mech) - set(row.index))
            assert list(row.index) == ["id", "label", "members", "member_roles"] + [
                k for k in mech if k not in ("id", "label", "members")], "the frame's columns in the CLI's order"
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
    # The size outcome, the thresholds and the ambiguity level reach the
    # library and df.attrs as they reach the CLI's JSON.
    opts = asia.classify(2023, critical_mass=3, threshold_unidirectionality=0.001, threshold_closedness=0.002,
                         sensitivity=40, spread=0.5, recode=0.2, ambiguous_below=0.95, seed=3)
    doc = cli_json("classify", path("graphs", "asia-pacific.gv"), "--year", 2023, "--critical-mass", 3,
                   "--threshold-u", 0.001, "--threshold-c", 0.002, "--sensitivity", 40, "--spread", 0.5,
                   "--recode", 0.2, "--ambiguous-below", 0.95, "--seed", 3)
    mechanisms = doc.pop("mechanisms")
    same_doc(opts.attrs, doc)
    assert opts.attrs["critical_mass"] == 3 and opts.attrs["thresholds"]["rule"] == "fixed"
    for (_, row), mech in zip(opts.iterrows(), mechanisms):
        assert compare_row(row, mech) == len(mech)
    assert (opts[opts["size"] == 4].type == "multilateral").all() and (opts["size"] == 4).any()
    ambiguous = opts[opts.verdict == "ambiguous"]
    assert len(ambiguous) and (ambiguous.agreement < 0.95).all()
    for alternatives, kind, agreement in zip(opts.alternatives, opts.type, opts.agreement):
        shares = list(alternatives.values())  # the redraws' types, largest share first
        assert shares == sorted(shares, reverse=True) and abs(sum(shares) - 1) < 1e-12
        assert alternatives.get(kind, 0.0) == agreement
    with pytest.raises(hubspoke.ArgumentError, match="Nothing"):
        asia.classify(2023, mechanism="Nothing")
    with pytest.raises(hubspoke.ArgumentError, match="unknown option"):
        asia.classify(2023, sensitivty=10)
    empty = asia.classify(asia.years.start - 1)  # before the file's first year
    assert len(empty) == 0 and "type" in empty.columns
