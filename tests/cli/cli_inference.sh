#!/usr/bin/env bash
# Direction and weight from data, the state sets, the nulls and the inference
# from the command line (docs/metrics.md: "Which states count", "Depth and
# amount", "Nulls for closedness", "Inference"), in text, CSV and JSON alike.
# Hand-computed values on small files; the curated data where the docs quote
# numbers; the bad values each get one line.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
asia=$GRAPHS/asia-pacific.gv

# json FILE EXPR: evaluate EXPR on the JSON in FILE (as `d`).
json() { $py -c "import json, sys; d = json.load(open(sys.argv[1])); print($2)" "$1"; }

# ---- one meaning however it is written ---------------------------------------
# A hub H with allies J and K and a mutual intelligence tie J-K: written once
# in an undirected file, as two arcs in a digraph. K = 0 (the J-K tie is bare:
# in no mechanism with the hub), U = 2 / (2 + 2 * 5/7) = 7/12 (codebook v2:
# intelligence 5/7).
cat > und.gv <<'DOT'
graph g { hub=H; H -- J [kind=treaty]; H -- K [kind=treaty]; J -- K [kind=intelligence]; }
DOT
cat > dir.gv <<'DOT'
digraph g { hub=H; J -> H [kind=treaty]; K -> H [kind=treaty]; J -> K [kind=intelligence]; K -> J [kind=intelligence]; }
DOT
succeeds und metrics und.gv --format json
succeeds dir metrics dir.gv --format json
check [ "$(json "$(out und)" '"%.6f %.6f %d" % (d["indices"]["coordination"], d["indices"]["unidirectionality"], d["system"]["ties"])')" = "0.000000 0.583333 3" ] "undirected: K, U, ties"
check [ "$(json "$(out dir)" '"%.6f %.6f %d" % (d["indices"]["coordination"], d["indices"]["unidirectionality"], d["system"]["ties"])')" = "0.000000 0.583333 3" ] "digraph: K, U, ties as undirected"
check [ "$(json "$(out und)" 'sorted((s["name"], round(s["closeness"], 9)) for s in d["states"])')" = "$(json "$(out dir)" 'sorted((s["name"], round(s["closeness"], 9)) for s in d["states"])')" ] "closeness differs between the two writings"

# Closeness stays in [0, 1] on the curated data (it reached 1.17 with path
# lengths 1 / summed depth).
succeeds asia2016 metrics "$asia" --year 2016 --format json
check [ "$(json "$(out asia2016)" 'all(0 <= s["closeness"] <= 1 for s in d["states"])')" = True ] "closeness outside [0, 1]"

# `depends` and `amount`: J depends on K through access (one way); amounts.
cat > dep.gv <<'DOT'
graph g { hub=H; H -- J [kind=treaty, amount=100]; H -- K [kind=treaty, amount=50]; K -- J [kind=access, depends=J, amount=10]; }
DOT
succeeds dep metrics dep.gv --format json
check [ "$(json "$(out dep)" '"%.6f" % d["indices"]["unidirectionality"]')" = "0.700000" ] "depends: U = 2 / (2 + 6/7)"
succeeds dep-amount metrics dep.gv --weight amount --format json
check [ "$(json "$(out dep-amount)" '"%.6f" % d["indices"]["unidirectionality"]')" = "0.937500" ] "amount: U = 150 / 160"
refused amount-missing 1 "hubspoke: $asia: edge 'USA -- AUS' has no amount: weighing ties by amount needs one on every tie active in the year (docs/schema.md)" \
    metrics "$asia" --year 2016 --weight amount
cat > bad1.gv <<'DOT'
graph g { H -- J [kind=treaty, amount=many]; }
DOT
refused bad-amount 1 "hubspoke: bad1.gv:1: edge 'H -- J': amount 'many' is not a number" metrics bad1.gv
cat > bad2.gv <<'DOT'
graph g { H -- J [kind=treaty, depends=USA]; }
DOT
refused bad-depends 1 "hubspoke: bad2.gv:1: edge 'H -- J': depends 'USA' names neither end of the tie ('H', 'J') nor 'mutual'" metrics bad2.gv

# ---- the state sets ------------------------------------------------------------
# Taiwan and Brunei have no tie in 2016: 17 states tied, 19 listed
# (docs/metrics.md; dataset version 2).
succeeds listed metrics "$asia" --year 2016 --state-set listed --format json --permutations 10000
succeeds tied metrics "$asia" --year 2016 --format json --permutations 10000
check [ "$(json "$(out tied)" '"%d %.3f %.3f" % (d["system"]["states"], d["system"]["degree_centralization"], d["system"]["betweenness_centralization"])')" = "17 0.608 0.639" ] "tied: states, centralizations"
check [ "$(json "$(out listed)" '"%d %.3f %.3f" % (d["system"]["states"], d["system"]["degree_centralization"], d["system"]["betweenness_centralization"])')" = "19 0.582 0.502" ] "listed: states, centralizations"
# The label null moves with the state set, the degree null does not.
check [ "$(json "$(out tied)" '"%.3f" % d["system"]["ei_expected"]')" = "0.113" ] "tied: ei_expected"
check [ "$(json "$(out listed)" '"%.3f" % d["system"]["ei_expected"]')" = "0.263" ] "listed: ei_expected"
check [ "$(json "$(out tied)" '"%.4f %.4f" % (d["system"]["ei_degree_expected"], d["system"]["ei_degree_p_closed"])')" = "$(json "$(out listed)" '"%.4f %.4f" % (d["system"]["ei_degree_expected"], d["system"]["ei_degree_p_closed"])')" ] "the degree null depends on the state set"
succeeds info-listed info "$asia" --year 2016 --format json
check [ "$(json "$(out info-listed)" '",".join(sorted(d["states"]["other"]))')" = "BRN,TWN" ] "info lists Taiwan and Brunei"

# ---- intervals -----------------------------------------------------------------
succeeds boot1 metrics "$asia" --year 2016 --bootstrap 500 --seed 7 --table system --format csv
succeeds boot2 metrics "$asia" --year 2016 --bootstrap 500 --seed 7 --table system --format csv
succeeds boot3 metrics "$asia" --year 2016 --bootstrap 500 --seed 8 --table system --format csv
check same "$(out boot1)" "$(out boot2)" "the same seed gives other intervals"
check differ "$(out boot1)" "$(out boot3)" "another seed gives the same intervals"
check $py - "$(out boot1)" <<'PY' "an interval does not hold its estimate"
import csv, sys
r = next(csv.DictReader(open(sys.argv[1], newline="")))
for k in ("coordination", "unidirectionality", "closedness"):
    assert float(r[k + "_lo"]) <= float(r[k]) <= float(r[k + "_hi"]), k
    assert float(r[k + "_se"]) > 0, k
PY
succeeds boot-json metrics "$asia" --year 2016 --bootstrap 500 --seed 7 --format json
succeeds boot-text metrics "$asia" --year 2016 --bootstrap 500 --seed 7
check $py - "$(out boot1)" "$(out boot-json)" "$(out boot-text)" <<'PY' "CSV, JSON and text give other intervals"
import csv, json, sys
r = next(csv.DictReader(open(sys.argv[1], newline="")))
j = json.load(open(sys.argv[2]))["system"]
text = open(sys.argv[3]).read()
for k in ("unidirectionality_lo", "unidirectionality_hi", "closedness_se"):
    assert abs(float(r[k]) - j[k]) < 1e-12, k
    assert ("%s %.4f" % (k.ljust(30), j[k])) in text, k
PY
refused boot0 2 "hubspoke metrics: --bootstrap 0: a bootstrap needs at least 1 draw (see 'hubspoke metrics --help')" \
    metrics "$asia" --year 2016 --bootstrap 0
refused boot-neg 2 "hubspoke compare: --bootstrap '-5' is not a whole number in [0, 100000000] (see 'hubspoke compare --help')" \
    compare "$asia" --years 2016:2017 --bootstrap -5
refused level 2 "hubspoke metrics: --level '1.5' is not a number in [0.01, 0.999] (see 'hubspoke metrics --help')" \
    metrics "$asia" --year 2016 --level 1.5

# compare --bootstrap: the indices' bounds as columns, the same as metrics'.
succeeds cmp-boot compare "$asia" --years 2015:2016 --bootstrap 500 --seed 7 --format csv
check $py - "$(out cmp-boot)" "$(out boot1)" <<'PY' "compare's 2016 interval is not metrics'"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
m = next(csv.DictReader(open(sys.argv[2], newline="")))
r = [x for x in rows if x["year"] == "2016"][0]
for k in ("coordination_lo", "coordination_hi", "unidirectionality_lo", "unidirectionality_hi", "closedness_lo", "closedness_hi"):
    assert r[k] == m[k], (k, r[k], m[k])
PY
# --plot draws them as bands: a filled area per index, under its line.
if command -v gnuplot >/dev/null; then
    succeeds plot compare "$asia" --years 2010:2020 --bootstrap 200 --plot bands.svg --format csv
    check [ "$(grep -c 'fill-opacity\|opacity=' bands.svg)" -ge 3 ] "bands.svg has no bands"
    check grep -q "bands: 95% bootstrap intervals" bands.svg "bands.svg does not say what the bands are"
fi

# ---- influence -------------------------------------------------------------------
# What drives U in 2016 (docs/metrics.md, "Influence"; dataset version 2):
# ten access agreements among allies lower it most, by 0.0102 each (with -
# without), the first in file order AUS--FRA; the FPDA, whose co-membership
# ties share one relation per member (measurement model v2), by 0.0029. The
# parts of every instrument are checked against the reference in
# tests/xcheck/test_inference.py.
succeeds infl-csv metrics "$asia" --year 2016 --influence unidirectionality --format csv
succeeds infl-json metrics "$asia" --year 2016 --influence unidirectionality --format json
succeeds infl-text metrics "$asia" --year 2016 --influence unidirectionality
check [ "$(sed -n 2p "$(out infl-csv)" | cut -d, -f1-4,6 | cut -c1-41)" = "2016,AUS--FRA access,tie,access,-0.010236" ] "the largest part in U"
check [ "$(json "$(out infl-json)" 'd[0]["instrument"] + " %.4f" % d[0]["unidirectionality_change"]')" = "AUS--FRA access -0.0102" ] "influence JSON"
check [ "$(json "$(out infl-json)" '"%.4f" % [r for r in d if r["instrument"] == "mechanism FPDA"][0]["unidirectionality_change"]')" = "-0.0029" ] "the FPDA's part in U"
check grep -q "^  AUS--FRA access  .* -0.0102 " "$(out infl-text)" "influence text"
# A mechanism is one instrument: the nine of 2016 once each.
check [ "$(json "$(out infl-json)" 'sorted(r["instrument"] for r in d if r["type"] == "mechanism")')" = "['mechanism DTT', 'mechanism FPDA', 'mechanism FiveEyes', 'mechanism JPNAUSIND', 'mechanism MSP', 'mechanism PacificQuad', 'mechanism TISA', 'mechanism TSD', 'mechanism USJPNIND']" ] "the mechanisms as instruments"
refused infl-years 2 "hubspoke metrics: --influence looks at one year (--year), not --years or --hub (see 'hubspoke metrics --help')" \
    metrics "$asia" --years 2015:2016 --influence closedness

# ---- events ------------------------------------------------------------------------
# U fell when TISA started (2014): -0.076, interval entirely below 0
# (dataset version 2; one other event in the window).
succeeds events compare "$asia" --years 1951:2025 --events --format json
check [ "$(json "$(out events)" '" ".join("%.3f" % [e for e in d if e["mechanism"] == "TISA"][0][k] for k in ("unidirectionality_change", "unidirectionality_change_lo", "unidirectionality_change_hi"))')" = "-0.076 -0.136 -0.029" ] "TISA's change of U"
check [ "$(json "$(out events)" 'len(d)')" = 30 ] "the number of events 1951-2025"
succeeds events-w compare "$asia" --years 1951:2025 --events --window 1 --format csv
check [ "$(grep -c ',TISA,start,1,1,' "$(out events-w)")" = 1 ] "--window 1"
refused events-files 2 "hubspoke compare: --events and --window look at the years of one FILE (--years) (see 'hubspoke compare --help')" \
    compare "$asia" "$asia" --events

# ---- several hubs -------------------------------------------------------------------
cat > two.gv <<'DOT'
graph g { U -- A [kind=treaty]; U -- B [kind=treaty]; V -- C [kind=treaty]; P -- A [kind=dialogue];
          P -- C [kind=dialogue]; V -- B [kind=access]; }
DOT
succeeds hubs metrics two.gv --hubs U,V --bootstrap 100 --format json
check [ "$(json "$(out hubs)" '"|".join("%s %d %d %s %s" % (r["hub"], r["allies"], r["partners"], r["shared_partners"], r["crossing"]) for r in d)')" = "U 2 2 ['P'] ['B']|V 1 2 ['P'] []" ] "the systems and what they share"
succeeds hubs-csv metrics two.gv --hubs U,V --format csv
check [ "$(head -1 "$(out hubs-csv)" | tr -d '\r')" = "year,hub,allies,partners,coordination,coordination_lo,coordination_hi,unidirectionality,unidirectionality_lo,unidirectionality_hi,closedness,closedness_lo,closedness_hi,ally_ids,partner_ids,shared_partners,crossing,shared_allies" ] "hubs CSV header"
refused hubs-twice 2 "hubspoke: several hubs: 'U' is given twice" metrics two.gv --hubs U,U

finish
