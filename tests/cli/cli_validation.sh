#!/usr/bin/env bash
# scripts/validation on a small synthetic file in ATOP's member-level format
# (tests/data/import/atop.csv): the expectation rules of docs/validation.md
# applied to known facts, the measured columns filled, nothing written on
# failure. The run on the real ATOP 4.01 files is cli_validation_real.sh.
. "$(dirname "$0")/lib.sh"
tmp=$T
export HUBSPOKE=$H
atop="$HS_SRC/tests/data/import/atop.csv"

$py "$HS_SRC/scripts/validation" --atop "$atop" --years 1950:1960:10 --sensitivity 2 \
  --curated "$HS_SRC/graphs/asia-pacific.graphml" --outdir "$tmp" > "$tmp/out.md" 2> "$tmp/err" && pass || fail "scripts/validation: $(cat "$tmp/err")"
$py - "$tmp/validation-tables/atop.csv" "$tmp/validation-tables/curated.csv" "$tmp/out.md" <<'PY' && pass || fail "tables"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
# Alliance 1002 (defence): the US, Canada and the UK in 1950 (phase 1), with
# West Germany in 1960 (phase 2): the hub and two, then three, allies in a
# deep pact without outside members: integrative by rules U1 and C2. The
# bilateral pacts 1001 and 1003 are ties, not mechanisms; 1004 (1939-1941)
# is not active.
got = [(r["hub"], r["year"], r["id"], r["size"], r["allies"], r["outside"], r["expected"]) for r in rows]
assert got == [("USA", "1950", "atop_1002", "3", "2", "0", "integrative"),
               ("USA", "1960", "atop_1002", "4", "3", "0", "integrative")], got
for r in rows:
    assert r["type"] in ("hub-and-spokes", "integrative", "expansive", "loose-multilateral"), r
    assert 0 <= float(r["agreement"]) <= 1 and r["agrees"].split()[0] in ("yes", "no"), r
cur = list(csv.DictReader(open(sys.argv[2])))
exp = {r["id"]: r["expected"] for r in cur}
assert exp["TISA"] == "integrative" and exp["Quad"] == "expansive" and exp["SEATO"] == "multilateral", exp
assert exp["TCOG"] == "hub-and-spokes" and exp["FPDA"] == "multilateral", exp
md = open(sys.argv[3]).read()
assert "| ATOP, US system (hub USA) | 2 | 0 of 0 | 2 of 2 | 2 | 2 of 2 | 2 of 2 |" in md, md
assert "## ATOP 4.01" in md and "| USA | ATOP 1002 (from 1949) (`atop_1002`) | 1950 |" in md, md
PY
# The headline counts of docs/validation.md, by hand on five rows: size 1 of 2
# (a bilateral measured multilateral); cells 2 of 3, one of them ambiguous;
# unidirectionality 3 of 3 (hub-and-spokes for expansive keeps U, as
# expected); closedness 2 of 3 (it keeps C, expected weakened); an
# expectation with two cells agrees with either.
$py - "$HS_SRC/scripts/validation" <<'PY' && pass || fail "headline counts"
import importlib.machinery, sys
v = importlib.machinery.SourceFileLoader("validation", sys.argv[1]).load_module()
row = lambda e, t, verdict=None: {"expected": e, "type": t, "verdict": verdict or t}
rows = [row("multilateral", "multilateral"), row("bilateral", "multilateral"),
        row("expansive", "hub-and-spokes"), row("integrative", "integrative", "ambiguous"),
        row("expansive|loose-multilateral", "loose-multilateral")]
got = v.headline([("S", rows)]).splitlines()[2]
assert got == "| S | 5 | 1 of 2 | 2 of 3 | 1 | 3 of 3 | 2 of 3 |", got
PY
# A missing ATOP file is a clean skip, and nothing is written.
$py "$HS_SRC/scripts/validation" --atop "$tmp/none" --outdir "$tmp/skip" > /dev/null 2>&1
rc=$?
[ $rc -eq 77 ] && [ ! -e "$tmp/skip" ] && pass || fail "missing ATOP file: rc $rc"
finish
