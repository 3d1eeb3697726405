#!/usr/bin/env bash
# hubspoke classify end to end: the output contract (JSON keys, CSV columns,
# text), both syntaxes alike, usage errors, reproducible redraws, no NaN in any
# output, the size outcomes on a NATO coded as one mechanism, and the numbers
# docs/cases.md reports on the shipped dataset (Table 2 and the two case
# studies): when the dataset or the codebook changes, this fails where a
# number of that page stops holding.
. "$(dirname "$0")/lib.sh"
tmp=$T
gv="$HS_SRC/graphs/asia-pacific.gv"
gml="$HS_SRC/graphs/asia-pacific.graphml"

# ---- both syntaxes, byte for byte -------------------------------------------------------
"$H" classify "$gv" --year 2023 --format json --sensitivity 50 > "$tmp/a.json" || fail "classify $gv"
"$H" classify "$gml" --year 2023 --format json --sensitivity 50 > "$tmp/b.json" || fail "classify $gml"
cmp -s "$tmp/a.json" "$tmp/b.json" && pass || fail "DOT and GraphML give different classify output"

# ---- the JSON contract (docs/typology.md, "Output") --------------------------------------
$py - "$tmp/a.json" <<'PY' && pass || fail "JSON contract"
import json, math, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["year", "hub", "critical_mass", "thresholds", "reference", "sensitivity", "mechanisms"], list(d)
assert d["critical_mass"] == 4
assert d["thresholds"] == {"rule": "reference", "quantile": 0.5, "unidirectionality": None, "closedness": None,
                           "tolerance": 1e-9}, d["thresholds"]
assert d["sensitivity"] == {"draws": 50, "seed": 1, "spread": 0.25, "recode": 0.1, "quantile_range": [0.25, 0.75],
                            "ambiguous_below": 0.8}, d["sensitivity"]
for pic in ("system", "lines"):
    r = d["reference"][pic]
    assert list(r) == ["unidirectionality", "closedness", "relations"], r
    assert r["relations"]["unidirectionality"] > 0 and r["unidirectionality"] > 0, r
keys = ["id", "label", "members", "size", "size_class", "outside_members", "exceeds_one_outside_partner", "type",
        "verdict", "agreement", "alternatives", "cell", "system_delta_unidirectionality", "system_delta_closedness",
        "system_unidirectionality_without", "system_unidirectionality_with", "system_closedness_without",
        "system_closedness_with", "type_lines", "cell_lines", "agreement_lines", "delta_unidirectionality",
        "delta_closedness", "unidirectionality_without", "unidirectionality_with", "closedness_without",
        "closedness_with", "explanation"]
types = ("hub-and-spokes", "integrative", "expansive", "loose-multilateral", "bilateral", "multilateral")
for m in d["mechanisms"]:
    assert list(m) == keys, list(m)
    assert all(set(x) == {"id", "role"} for x in m["members"])
    n = len(m["members"])
    assert m["size"] == n
    assert m["size_class"] == ("bilateral" if n == 2 else "minilateral" if n <= 4 else "multilateral"), m
    outside = sum(x["role"] not in ("hub", "ally") for x in m["members"])
    assert m["outside_members"] == outside and m["exceeds_one_outside_partner"] == (outside > 1), m
    assert m["type"] in types and m["cell"] in types[:4] and m["type_lines"] in types, m
    if m["size_class"] == "minilateral":
        assert m["type"] == m["cell"] and m["type_lines"] == m["cell_lines"], m
    else:
        assert m["type"] == m["type_lines"] == m["size_class"], m
    # D1: with minus without
    for pre in ("", "system_"):
        for idx in ("unidirectionality", "closedness"):
            w, o, c = m[pre + idx + "_without"], m[pre + idx + "_with"], m[pre + "delta_" + idx]
            assert c is None or abs(c - (o - w)) < 1e-12, (m["id"], pre, idx)
    for k in ("agreement", "agreement_lines"):
        assert 0 <= m[k] <= 1 and abs(m[k] * 50 - round(m[k] * 50)) < 1e-9, (m["id"], k)
    shares = [a["share"] for a in m["alternatives"]]
    assert abs(sum(shares) - 1) < 1e-9 and shares == sorted(shares, reverse=True), m["alternatives"]
    assert m["alternatives"][0]["type"] == m["type"] or m["agreement"] < 0.5, m["alternatives"]
    assert m["verdict"] == (m["type"] if m["agreement"] >= 0.8 - 1e-9 else "ambiguous"), m
    assert m["id"] in m["explanation"] and "nan" not in m["explanation"].lower()
quad = next(m for m in d["mechanisms"] if m["id"] == "Quad")
assert [x["id"] for x in quad["members"]] == ["USA", "JPN", "AUS", "IND"], quad["members"]
assert [x["role"] for x in quad["members"]] == ["hub", "ally", "ally", "partner"], quad["members"]
assert "India (partner), ties the system to states outside it" in quad["explanation"], quad["explanation"]
fpda = next(m for m in d["mechanisms"] if m["id"] == "FPDA")
assert fpda["exceeds_one_outside_partner"] and fpda["outside_members"] == 3 and fpda["type"] == "multilateral"
assert "more than the one outside partner" in fpda["explanation"] and "counter-model" in fpda["explanation"]
PY

# ---- CSV: fixed columns, the same values as JSON ------------------------------------------
"$H" classify "$gv" --year 2023 --format csv --sensitivity 50 > "$tmp/c.csv"
$py - "$tmp/c.csv" "$tmp/a.json" <<'PY' && pass || fail "CSV and JSON disagree"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
d = json.load(open(sys.argv[2]))
cols = ["year", "hub", "id", "label", "size", "size_class", "outside_members", "exceeds_one_outside_partner", "type",
        "verdict", "agreement", "alternatives", "cell", "system_delta_unidirectionality", "system_delta_closedness",
        "system_unidirectionality_without", "system_unidirectionality_with", "system_closedness_without",
        "system_closedness_with", "type_lines", "cell_lines", "agreement_lines", "delta_unidirectionality",
        "delta_closedness", "unidirectionality_without", "unidirectionality_with", "closedness_without",
        "closedness_with", "members", "explanation"]
assert list(rows[0]) == cols, list(rows[0])
assert len(rows) == len(d["mechanisms"])
for r, m in zip(rows, d["mechanisms"]):
    assert r["year"] == "2023" and r["hub"] == "USA" and r["id"] == m["id"]
    for k in ("size_class", "type", "verdict", "cell", "type_lines", "cell_lines"):
        assert r[k] == (m[k] or ""), (m["id"], k)
    assert int(r["size"]) == m["size"] and int(r["outside_members"]) == m["outside_members"]
    assert r["exceeds_one_outside_partner"] == ("true" if m["exceeds_one_outside_partner"] else "false")
    for k in cols:
        if k.startswith(("system_", "delta_", "unidirectionality_", "closedness_", "agreement")):
            assert (r[k] == "" and m[k] is None) or abs(float(r[k]) - m[k]) < 1e-12, (m["id"], k)
    assert r["alternatives"] == ";".join("%s:%.15g" % (a["type"], a["share"]) for a in m["alternatives"]), r
    assert r["members"] == ";".join(x["id"] + ":" + x["role"] for x in m["members"])
    assert r["explanation"] == m["explanation"]
PY

# ---- text: every mechanism, its certainty, never NaN ----------------------------------------
"$H" classify "$gv" --year 2023 --sensitivity 50 > "$tmp/t.txt"
grep -qi "nan" "$tmp/t.txt" && fail "text output prints nan" || pass
grep -q "reference (system): U 0.004285 (90 relations), C 0.002307 (148 relations)" "$tmp/t.txt" && pass ||
  fail "text reference line: $(grep reference "$tmp/t.txt")"
grep -q "AMBIGUOUS" "$tmp/t.txt" && grep -q "outside members    3 (more than one outside partner)" "$tmp/t.txt" && pass ||
  fail "text: no ambiguous verdict or outside-partner flag"

# ---- redraws: reproducible, none by default --------------------------------------------------
"$H" classify "$gv" --year 2023 --format json --sensitivity 50 --seed 1 > "$tmp/s1.json"
cmp -s "$tmp/s1.json" "$tmp/a.json" && pass || fail "same seed, different agreement"
"$H" classify "$gv" --year 2023 --format json > "$tmp/n.json"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(m["agreement"] is None and m["alternatives"] == [] and m["verdict"] == m["type"] for m in d["mechanisms"])' \
  "$tmp/n.json" && pass || fail "agreement without --sensitivity"

# ---- one mechanism, fixed thresholds, focus ----------------------------------------------------
col() { $py -c 'import csv,sys; r=list(csv.DictReader(sys.stdin)); print(" ".join(x[sys.argv[1]] for x in r))' "$1"; }
out=$("$H" classify "$gv" --year 2023 --mechanism Quad --format csv | col type)
[ "$out" = "hub-and-spokes" ] && pass || fail "--mechanism Quad gave '$out'"
# On the lines the Quad lowers C by 1/4 and U by 1/44: fixed thresholds decide.
out=$("$H" classify "$gv" --year 2023 --mechanism Quad --threshold-u 0.02 --threshold-c 0.2 --format csv | col type_lines)
[ "$out" = "loose-multilateral" ] && pass || fail "--threshold-u 0.02 --threshold-c 0.2 gave '$out'"
out=$("$H" classify "$gv" --year 2023 --mechanism Quad --threshold-u 0.05 --threshold-c 0.2 --format csv | col type_lines)
[ "$out" = "expansive" ] && pass || fail "--threshold-u 0.05 gave '$out'"
"$H" classify "$gv" --year 2023 --mechanism Quad --threshold-c 0.2 --format json |
  $py -c 'import json,sys; t=json.load(sys.stdin)["thresholds"]; assert t["rule"]=="fixed" and t["closedness"]==0.2 and t["unidirectionality"] is None, t' &&
  pass || fail "fixed thresholds in JSON"
out=$("$H" classify "$gv" --year 2023 --focus USA,JPN,KOR --format csv | col id)
[ "$out" = "CampDavid DTT ESD MWDS TISA" ] && pass || fail "--focus USA,JPN,KOR gave '$out'"

# ---- the design's parameters from the command line ------------------------------------------
# A critical mass of 5 makes the five-member FPDA a minilateral (its cell, expansive).
out=$("$H" classify "$gv" --year 2023 --mechanism FPDA --critical-mass 5 --format csv | col type)
[ "$out" = "expansive" ] && pass || fail "--critical-mass 5 gave '$out'"
"$H" classify "$gv" --year 2023 --reference-quantile 0.25 --recode 0 --ambiguous-below 0.5 --sensitivity 10 \
  --format json > "$tmp/p.json"
/usr/bin/python3 - "$tmp/p.json" "$tmp/a.json" <<'PY' && pass || fail "--reference-quantile, --recode, --ambiguous-below"
import json, sys
d, a = (json.load(open(f)) for f in sys.argv[1:3])
assert d["thresholds"]["quantile"] == 0.25 and d["sensitivity"]["recode"] == 0 and d["sensitivity"]["ambiguous_below"] == 0.5
# the lower quartile of the same changes is below their median
assert d["reference"]["system"]["unidirectionality"] < a["reference"]["system"]["unidirectionality"]
for m in d["mechanisms"]:
    assert m["verdict"] == (m["type"] if m["agreement"] >= 0.5 else "ambiguous"), m
PY

# ---- usage errors: exit 2, one line, nothing on stdout ---------------------------------
expect_usage() {
  local want="$1"; shift
  "$H" classify "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -qF -- "$want" "$tmp/err"; then pass
  else fail "classify $* -> rc $rc, stderr: $(cat "$tmp/err")"; fi
}
expect_usage "mechanism 'TCOG' is not active in 2023" "$gv" --year 2023 --mechanism TCOG
expect_usage "no mechanism 'USA'" "$gv" --year 2023 --mechanism USA
expect_usage "--threshold-u '0' is not a number in [1e-09, 1]" "$gv" --threshold-u 0
expect_usage "--threshold-c '1.5' is not a number in [1e-09, 1]" "$gv" --threshold-c 1.5
expect_usage "--sensitivity 'many' is not a whole number in [0, 10000000]" "$gv" --sensitivity many
expect_usage "--spread '-1' is not a number in [0, 10]" "$gv" --spread -1
expect_usage "option '--seed' needs a value" "$gv" --seed
expect_usage "focus 'XYZ' names no state" "$gv" --focus USA,XYZ
expect_usage "--critical-mass 2: a minilateral has at least 3 members" "$gv" --critical-mass 2
expect_usage "--reference-quantile '1'" "$gv" --reference-quantile 1
expect_usage "--recode '1.5'" "$gv" --recode 1.5
"$H" classify --help | grep -q "hub-and-spokes     expansive" && pass || fail "classify --help"

# ---- NATO coded as one mechanism: lines from the treaty, multilateral, no NaN ------------
cat > "$tmp/nato.gv" <<'DOT'
graph { hub=USA;
  subgraph cluster_NATO { kind=treaty; USA; GBR; FRA; CAN; ITA; NLD; }
  subgraph cluster_T { kind=dialogue; USA; GBR; FRA; }
}
DOT
for fmt in text csv json; do
  "$H" classify "$tmp/nato.gv" --format $fmt --sensitivity 20 > "$tmp/nato.$fmt" || fail "nato $fmt"
  grep -qi "nan" "$tmp/nato.$fmt" && fail "nato $fmt prints nan" || pass
done
$py - "$tmp/nato.json" <<'PY' && pass || fail "NATO as one mechanism"
import json, sys
d = {m["id"]: m for m in json.load(open(sys.argv[1]))["mechanisms"]}
n = d["NATO"]
assert [x["role"] for x in n["members"]] == ["hub"] + ["ally"] * 5, n["members"]
assert n["type"] == "multilateral" and n["size"] == 6, n
# its lines are its own hub-ally ties: U on them 1, with the ally-ally part 1/5
assert n["unidirectionality_without"] == 1 and abs(n["unidirectionality_with"] - 0.2) < 1e-12, n
assert "the counter-model (NATO, the Rio Pact, SEATO, the Warsaw Pact)" in n["explanation"]
assert d["T"]["size_class"] == "minilateral" and d["T"]["type"] in ("hub-and-spokes", "integrative")
PY

# ---- docs/cases.md, Table 2 on dataset version 2 ----------------------------------------
# (the table itself is scripts/cases-classify's, checked by cli_cases_classify.sh)
"$H" classify "$gv" --year 2023 --sensitivity 1000 --format json > "$tmp/t2.json"
$py - "$tmp/t2.json" "$HS_SRC/docs/cases.md" <<'PY' && pass || fail "docs/cases.md Table 2 (version 2) differs from classify"
import json, sys
d = json.load(open(sys.argv[1]))
m = {x["id"]: x for x in d["mechanisms"]}
page = open(sys.argv[2]).read().split("## Dataset version 2: what moved")[1]
t2 = {"TSD": "integrative", "TISA": "integrative", "ESD": "integrative", "AUKUS": "integrative",
      "Quad": "expansive", "FAI": "expansive"}
agree = [i for i in t2 if m[i]["type"] == t2[i]]
assert agree == ["FAI"] and m["FAI"]["verdict"] == "ambiguous", agree
assert "**Agreement with Table 2 on version 2: 1 of 6**" in page and "(%.3f)" % m["FAI"]["agreement"] in page
r = d["reference"]["system"]
assert "U %.5f over %d" % (r["unidirectionality"], r["relations"]["unidirectionality"]) in page, r
assert "C %.5f over %d" % (r["closedness"], r["relations"]["closedness"]) in page, r
PY

# ---- case 1, US-Japan-ROK (docs/cases.md) ---------------------------------------------
metrics() { "$H" metrics "$gv" --permutations 0 --format json "$@"; }
for y in 1999 2004 2014 2015 2016 2023; do metrics --year $y --focus USA,JPN,KOR > "$tmp/k$y.json"; done
$py - "$tmp" <<'PY' && pass || fail "case 1 (US-Japan-ROK)"
import json, sys
i = {y: json.load(open(f"{sys.argv[1]}/k{y}.json"))["indices"] for y in (1999, 2004, 2014, 2015, 2016, 2023)}
U = {y: i[y]["unidirectionality"] for y in i}
r = lambda x: round(x, 3)
assert [r(U[y]) for y in (1999, 2014, 2016, 2023)] == [0.982, 0.925, 0.813, 0.768], U
assert all(i[y]["closedness"] == 1.0 for y in i), i
K = {y: i[y]["coordination"] for y in i}
assert K[2004] is None and K[2014] == K[2015] == 1.0 and r(K[2016]) == 0.355 and r(K[2023]) == 0.556, K
PY
"$H" classify "$gv" --year 2014 --focus USA,JPN,KOR --sensitivity 200 --format json > "$tmp/c1.json"
$py -c 'import json,sys; m={x["id"]: x for x in json.load(open(sys.argv[1]))["mechanisms"]}["TISA"]; assert m["type"]=="integrative" and m["agreement"]==1 and round(m["system_delta_unidirectionality"],3)==-0.067, m' \
  "$tmp/c1.json" && pass || fail "case 1: TISA in the subsystem, 2014"

# ---- case 2, US-Japan-Australia-India ---------------------------------------------------
for y in 2007 2016 2017 2020 2021; do metrics --year $y --focus USA,JPN,AUS,IND > "$tmp/q$y.json"; done
for y in 2017 2020; do "$H" classify "$gv" --year $y --mechanism Quad --sensitivity 500 --format json > "$tmp/cq$y.json"; done
$py - "$tmp" <<'PY' && pass || fail "case 2 (Quad)"
import json, sys
t = sys.argv[1]
m = {y: json.load(open(f"{t}/q{y}.json")) for y in (2007, 2016, 2017, 2020, 2021)}
C = {y: round(m[y]["indices"]["closedness"], 3) for y in m}
assert (C[2007], C[2017], C[2021]) == (0.725, 0.671, 0.563), C
dep = {y: {s["name"]: s["hub_dependence"] for s in m[y]["states"]} for y in m}
for a in ("JPN", "AUS"):
    assert abs(dep[2017][a] - dep[2016][a]) < 0.002, (a, dep)
# Australia's stays above one half on dataset version 2 (below it on version 1)
assert dep[2021]["JPN"] > 0.5 and dep[2007]["AUS"] > 0.5 and dep[2021]["AUS"] > 0.5, dep
q17 = json.load(open(f"{t}/cq2017.json"))["mechanisms"][0]
q20 = json.load(open(f"{t}/cq2020.json"))["mechanisms"][0]
# version 2: the restarted Quad is hub-and-spokes in 2017 already (docs/cases.md)
assert q17["type"] == "hub-and-spokes" and q17["agreement"] == 1, q17
assert q20["type"] == "hub-and-spokes", q20
assert round(q17["system_delta_closedness"], 5) == -0.00206 and round(q20["system_delta_closedness"], 5) == -0.00119
PY

# ---- beyond Table 2 ----------------------------------------------------------------------
out=$("$H" classify "$gv" --year 1976 --mechanism SEATO --format csv | col cell)
typ=$("$H" classify "$gv" --year 1976 --mechanism SEATO --format csv | col type)
[ "$typ $out" = "multilateral integrative" ] && pass || fail "SEATO 1976: $typ $out"
out=$("$H" classify "$gv" --year 2003 --mechanism TCOG --format csv | col type)
[ "$out" = "hub-and-spokes" ] && pass || fail "TCOG 2003: $out"

finish
