#!/usr/bin/env bash
# The library's tables as the CLI writes them (issue 13): the registry of
# measures and its table in docs/metrics.md, the panel `metrics --years`
# (each row what `metrics --year` prints, the system table what `compare`
# prints), list-valued cells that survive ids with spaces, commas, hyphens and
# quotes, and `whatif` with rows per scenario and year, scenarios from a file,
# added mechanisms, members added before a mechanism's start, and changes
# after - before.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
asia=$GRAPHS/asia-pacific.gv

# ---- the registry -------------------------------------------------------------
succeeds measures-json measures --format json
succeeds measures-csv measures --format csv
succeeds measures-text measures
check $py - "$(out measures-json)" "$(out measures-csv)" "$SRC/docs/metrics.md" <<'PY' "the registry as printed"
import csv, json, sys
reg = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
names = [m["name"] for m in reg]
assert len(names) == len(set(names)), "names repeat"
assert [r["name"] for r in rows] == names
assert {m["kind"] for m in reg} == {"system", "state"}
# Every measure is defined in docs/metrics.md, above the generated table.
doc = open(sys.argv[3]).read().split("<!-- measures table")[0]
missing = [n for n in names if "`%s`" % n not in doc]
assert not missing, missing
PY
check env HUBSPOKE="$H" $py "$SRC/scripts/measures-table" --check "docs/metrics.md's table of measures is not current"

# ---- the panel: metrics --years ------------------------------------------------
years="2000 2003 2016"
succeeds panel-states metrics "$asia" --years 2000,2003,2016 --format csv --table states
: > one-by-one.csv
for y in $years; do
    "$H" metrics "$asia" --year "$y" --format csv --table states | tail -n +2 >> one-by-one.csv
done
check same <(tail -n +2 "$(out panel-states)") one-by-one.csv "metrics --years (states) differs from metrics --year, year by year"
check [ "$(head -1 "$(out panel-states)" | tr -d '\r')" = "$("$H" metrics "$asia" --year 2000 --format csv | head -1 | tr -d '\r')" ] \
    "metrics --years: the states table's header"
succeeds panel-system metrics "$asia" --years 2000:2003 --format csv --table system --permutations 100
: > system-by-year.csv
for y in 2000 2001 2002 2003; do
    "$H" metrics "$asia" --year "$y" --format csv --table system --permutations 100 | tail -n +2 >> system-by-year.csv
done
check same <(tail -n +2 "$(out panel-system)") system-by-year.csv "metrics --years (system) differs from metrics --year"
# --measures default: compare's table without the mechanisms started and ended.
succeeds panel-default metrics "$asia" --years 1951:2025 --format csv --table system --measures default
succeeds compare-default compare "$asia" --years 1951:2025 --format csv
check $py - "$(out panel-default)" "$(out compare-default)" <<'PY' "metrics --years --measures default is not compare's table"
import csv, sys
a = list(csv.DictReader(open(sys.argv[1], newline="")))
b = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(a) == len(b) == 75
for x, y in zip(a, b):
    assert list(x) == list(y)[:-2], (list(x), list(y))
    assert all(x[k] == y[k] for k in x), x["year"]
PY
succeeds panel-json metrics "$asia" --years 2016,2023 --format json --table states --measures degree,hub_dependence
succeeds panel-json-2016 metrics "$asia" --year 2016 --format json --table states --measures degree,hub_dependence
succeeds panel-json-2023 metrics "$asia" --year 2023 --format json --table states --measures degree,hub_dependence
check $py - "$(out panel-json)" "$(out panel-json-2016)" "$(out panel-json-2023)" <<'PY' "metrics --years --format json is not the years' tables, one after the other"
import json, sys
rows = json.load(open(sys.argv[1]))
assert list(rows[0]) == ["year", "name", "role", "degree", "hub_dependence"], list(rows[0])
one = []
for path, year in ((sys.argv[2], 2016), (sys.argv[3], 2023)):
    t = json.load(open(path))
    t = t["states"] if isinstance(t, dict) else t
    assert len(t) > 10
    one += [dict(year=year, **{k: r[k] for k in ("name", "role", "degree", "hub_dependence")}) for r in t]
assert rows == one, (len(rows), len(one))
PY
refused panel-both 2 "hubspoke metrics: --year and --years exclude each other (see 'hubspoke metrics --help')" \
    metrics "$asia" --year 2000 --years 2000:2001
refused panel-measure 2 "hubspoke metrics: --measures: 'kuc' is not a measure (hubspoke measures lists them) (see 'hubspoke metrics --help')" \
    metrics "$asia" --years 2000 --measures kuc

# ---- list cells survive any id ---------------------------------------------------
cat > odd.graphml <<'XML'
<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="mk" for="node" attr.name="kind" attr.type="string"/>
  <key id="s" for="all" attr.name="since" attr.type="int"/>
  <key id="h" for="graph" attr.name="hub" attr.type="string"/>
  <graph edgedefault="undirected"><data key="h">US-A</data>
    <node id="US-A"/><node id="Korea, Rep."/><node id="B-C"/><node id="New &quot;Zealand&quot;"/>
    <node id="M, 1-2"><data key="t">mechanism</data><data key="mk">dialogue</data><data key="s">2000</data></node>
    <edge source="US-A" target="Korea, Rep."><data key="k">treaty</data></edge>
    <edge source="US-A" target="B-C"><data key="k">treaty</data></edge>
    <edge source="Korea, Rep." target="New &quot;Zealand&quot;"><data key="k">partnership</data></edge>
    <edge source="Korea, Rep." target="M, 1-2"><data key="k">member</data></edge>
    <edge source="B-C" target="M, 1-2"><data key="k">member</data></edge>
  </graph>
</graphml>
XML
succeeds odd-metrics metrics odd.graphml --year 1999 --format csv --table system
succeeds odd-compare compare odd.graphml --years 1999:2000 --format csv
check $py - "$(out odd-metrics)" "$(out odd-compare)" <<'PY' "list cells do not read back"
import csv, json, sys
r = next(csv.DictReader(open(sys.argv[1], newline="")))
# 1999, before M: a path B-C - US-A - Korea, Rep. - New "Zealand".
assert sorted(json.loads(r["articulation_points"])) == ["Korea, Rep.", "US-A"], r["articulation_points"]
assert sorted(map(sorted, json.loads(r["bridges"]))) == [["B-C", "US-A"], ["Korea, Rep.", 'New "Zealand"'],
                                                         ["Korea, Rep.", "US-A"]], r["bridges"]
cuts = json.loads(r["partner_cuts"])
assert cuts[0]["partner"] == 'New "Zealand"' and cuts[0]["ties"] == [["Korea, Rep.", 'New "Zealand"']], cuts
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert json.loads(rows[0]["mechanisms_started"]) == [] and json.loads(rows[1]["mechanisms_started"]) == ["M, 1-2"]
PY

# ---- whatif: scenarios and years ------------------------------------------------
succeeds whatif-long whatif "$asia" --year 2023 --drop-tie JPN-KOR --format csv --measures ties
check [ "$(head -1 "$(out whatif-long)" | tr -d '\r')" = "year,scenario,measure,before,after,difference" ] "whatif long header"
check $py -c 'import csv, sys
r = [x for x in csv.reader(open(sys.argv[1])) if x[:3] == ["2023", "--drop-tie JPN-KOR", "ties"]]
assert len(r) == 1 and int(r[0][4]) == int(r[0][3]) - 1 and r[0][5] == "-1", r' "$(out whatif-long)" "whatif: a dropped tie is -1 (after - before)"

cat > scenarios.txt <<'EOF'
# a comment, then a blank line

no-gsomia   --drop-tie JPN-KOR
"us leaves" --drop-tie USA-Quad
--add-member VNM:Quad
EOF
succeeds whatif-wide whatif "$asia" --years 2021:2023 --scenarios scenarios.txt --format csv --table wide --measures ties
check $py - "$(out whatif-wide)" <<'PY' "whatif --table wide: one row per scenario and year"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [(r["scenario"], r["year"]) for r in rows] == [(s, y) for s in ("no-gsomia", "us leaves", "--add-member VNM:Quad")
                                                      for y in ("2021", "2022", "2023")], rows
assert list(rows[0])[:4] == ["year", "scenario", "hub_before", "hub_after"]
for r in rows:
    for m in ("coordination", "unidirectionality", "closedness", "ties"):
        b, a, d = (float(r[m + s]) for s in ("_before", "_after", "_difference"))
        assert abs(d - (a - b)) < 1e-12, (r, m)
assert all(r["ties_difference"] == "-1" for r in rows[:3])
PY
# Each row is what the scenario gives alone in that year.
for y in 2021 2023; do
    "$H" whatif "$asia" --year $y --drop-tie USA-Quad --format csv --table wide --measures ties | tail -n 1 |
        cut -d, -f3- >> alone.csv
done
grep '^20\(21\|23\),us leaves,' "$(out whatif-wide)" | cut -d, -f3- > batch.csv
check same alone.csv batch.csv "a scenario in a batch differs from the same edits alone"
succeeds whatif-json whatif "$asia" --years 2022:2023 --scenarios scenarios.txt --format json
check $py - "$(out whatif-json)" <<'PY' "whatif --scenarios --format json"
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 6 and rows[2]["scenario"] == "us leaves" and rows[2]["year"] == 2022, rows[2]
assert rows[0]["edits"] == [{"edit": "drop-tie", "value": "JPN-KOR"}]
for r in rows:
    for k, d in r["difference"].items():
        b, a = r["before"][k], r["after"][k]
        if d is not None: assert abs(d - (a - b)) < 1e-12, (k, d, a, b)
PY
# Scenarios from standard input.
succeeds whatif-stdin whatif "$asia" --year 2023 --scenarios - --format csv --table wide --measures ties < scenarios.txt
check [ "$(wc -l < "$(out whatif-stdin)")" -eq 4 ] "whatif --scenarios -"

# A mechanism that does not exist yet, with members; its type after, none before.
succeeds add-mechanism whatif "$asia" --year 2023 --add-mechanism Hexad:exercise --add-member USA:Hexad \
    --add-member JPN:Hexad --add-member AUS:Hexad --add-member PHL:Hexad --format json --measures mechanisms,ties
check $py - "$(out add-mechanism)" <<'PY' "whatif --add-mechanism"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["difference"]["mechanisms"] == 1 and r["difference"]["ties"] == 6, r["difference"]
hexad = [m for m in r["mechanisms"] if m["id"] == "Hexad"][0]
assert hexad["before"] is None and hexad["after"] is not None and hexad["changed"], hexad
PY
# A member before the mechanism's start: the Quad brought into 2005 with four members.
succeeds early-member whatif "$asia" --year 2005 --add-member USA:Quad --add-member JPN:Quad --add-member AUS:Quad \
    --add-member IND:Quad --format json --measures mechanisms,ties
check $py - "$(out early-member)" <<'PY' "whatif --add-member before the mechanism's start"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["difference"]["mechanisms"] == 1 and r["difference"]["ties"] == 6, r["difference"]
quad = [m for m in r["mechanisms"] if m["id"] == "Quad"][0]
# (which type it gets is classify's business, tested in cli_classify.sh)
assert quad["before"] is None and quad["after"] in ("hub-and-spokes", "integrative", "expansive",
                                                   "loose-multilateral"), quad
PY
refused add-mechanism-exists 2 "hubspoke: $asia: edit 1 (add mechanism): 'Quad' exists already" \
    whatif "$asia" --year 2023 --add-mechanism Quad:dialogue
refused add-mechanism-kind 2 "hubspoke whatif: --add-mechanism 'Hexad:friendship': expected ID:KIND or ID:KIND:SCOPE (a kind of tie; issue or broad) (see 'hubspoke whatif --help')" \
    whatif "$asia" --year 2023 --add-mechanism Hexad:friendship

# Bad scenario files: bad input naming the line; a bad edit names the scenario.
printf 'ok --drop-tie JPN-KOR\nbad --drop-tie JPN-KOR --year 5\n' > bad1.txt
refused scenarios-option 1 "hubspoke: bad1.txt:2: unknown option '--year'" whatif "$asia" --year 2023 --scenarios bad1.txt
printf 'ok --drop-tie "JPN-KOR\n' > bad2.txt
refused scenarios-quote 1 "hubspoke: bad2.txt:1: a quote is not closed" whatif "$asia" --year 2023 --scenarios bad2.txt
printf 'ok --drop-tie JPN-KOR\nalso JPN\n' > bad3.txt
refused scenarios-word 1 "hubspoke: bad3.txt:2: 'JPN' is not an edit (--drop-tie, --add-member, ...)" \
    whatif "$asia" --year 2023 --scenarios bad3.txt
printf 'ok --drop-tie JPN-KOR\nempty\n' > bad4.txt
refused scenarios-empty 1 "hubspoke: bad4.txt:2: scenario 'empty' has no edit" whatif "$asia" --year 2023 --scenarios bad4.txt
printf 'ok --drop-tie JPN-KOR\nnone --drop-state XYZ\n' > bad5.txt
refused scenarios-edit 2 "hubspoke: scenario 'none': $asia: edit 1 (drop state): 'XYZ' names no state" \
    whatif "$asia" --year 2023 --scenarios bad5.txt
refused scenarios-and-edits 2 "hubspoke whatif: --scenarios and edits on the command line exclude each other (see 'hubspoke whatif --help')" \
    whatif "$asia" --scenarios scenarios.txt --drop-tie JPN-KOR
refused scenarios-missing 1 "hubspoke: nope.txt: cannot open: No such file or directory" whatif "$asia" --scenarios nope.txt

finish
