#!/usr/bin/env bash
# Issue 16 end to end: the mistakes a new user makes, each reported by
# `hubspoke check` with its line, the other commands warning (once per file,
# --quiet, --strict), every error of a file at once, the hub's own dates in
# compare, evolve and render, empty years drawn as points, messages that say
# what to do, and the curated dataset through `export edges` and `import
# edges` and back unchanged.
. "$(dirname "$0")/lib.sh"
export HUBSPOKE_DOT_HELPER=${HUBSPOKE_DOT_HELPER:-}

not_grep() { ! grep -q "$@"; }
# expect NAME WANT-FILE: NAME's stdout is exactly WANT-FILE.
expect() {
    check same "$(out "$1")" "$2" "$1: stdout differs: $(diff "$2" "$(out "$1")" | head -c 600)"
}
# stderr_is NAME TEXT: NAME's stderr is exactly TEXT.
stderr_is() {
    check [ "$(cat "$(err "$1")")" = "$2" ] "$1: stderr differs:
$(diff <(printf '%s\n' "$2") "$(err "$1")" | head -c 800)"
}

# ---- the Soviet bloc of the issue, every mistake in one file ------------------------
cat >soviet.gv <<'EOF'
graph soviet {
  hub="SUN";
  SUN [label="Soviet Union", since=1922, until=1992];
  POL [label="Poland"]; HUN [label="Hungary"]; CSK [label="Czechoslovakia"];
  SUN -- POL [kind=treaty, since=1955, untill=1980];
  SUN -- HUN [Kind=treaty, since=1955];
  SUN -- CSK [kind=treaty, since=1955];
  SUN -- HNU [kind=treaty, since=1955];
  subgraph WTO { label="Warsaw Pact"; since=1955; SUN; POL; HUN; CSK; }
}
EOF
run check-soviet check soviet.gv
check [ $rc -eq 3 ] "check soviet.gv: exit $rc, want 3 (warnings only)"
cat >want <<'EOF'
soviet.gv:5: warning: edge 'SUN -- POL': unknown attribute 'untill' (did you mean 'until'?): it is kept as an extra attribute and has no effect [unknown-attribute]
soviet.gv:6: warning: edge 'SUN -- HUN': attribute 'Kind' is not 'kind' (names are case-sensitive): it is kept as an extra attribute and has no effect [attribute-case]
soviet.gv:6: warning: edge 'SUN -- HUN': no kind: it counts as 'unspecified', with the codebook's depth for it (1.0 by default, as deep as a treaty), while 3 other ties of the file have a kind [untyped-tie]
soviet.gv:8: warning: node 'HNU': 'HNU' occurs only here and is one letter from 'HUN' (labelled, 1 edge): a typo adds a state of its own (did you mean 'HUN'?) [similar-id]
soviet.gv:9: warning: subgraph 'WTO': sets label,since and groups 4 states but declares no mechanism: only a subgraph named 'cluster_WTO' does (docs/schema.md, "Mechanisms in DOT") [subgraph-not-cluster]
soviet.gv: 0 errors, 5 warnings
EOF
expect check-soviet want
check [ ! -s "$(err check-soviet)" ] "check soviet.gv wrote to stderr"

# The other commands warn on stderr and go on; --quiet hides, --strict refuses.
run info-soviet info soviet.gv --year 1985
check [ $rc -eq 0 ] "info soviet.gv: exit $rc"
check [ "$(wc -l <"$(err info-soviet)")" -eq 5 ] "info soviet.gv: not five warning lines on stderr"
check grep -qx "hubspoke: soviet.gv:8: warning: node 'HNU': .*\[similar-id\]" "$(err info-soviet)" \
    "info soviet.gv: no similar-id warning"
check grep -q "allies .*HNU" "$(out info-soviet)" "info soviet.gv: HNU should still count as an ally (warned, not changed)"
succeeds info-quiet info soviet.gv --year 1985 --quiet
check same "$(out info-quiet)" "$(out info-soviet)" "info --quiet: other output than without it"
run info-strict info soviet.gv --strict
check [ $rc -eq 1 ] "info --strict: exit $rc, want 1"
check [ ! -s "$(out info-strict)" ] "info --strict wrote to stdout"
check grep -qx "hubspoke: soviet.gv:5: edge 'SUN -- POL': unknown attribute 'untill' (did you mean 'until'?): .*" \
    "$(err info-strict)" "info --strict: the warning is not an error line"
run check-strict check soviet.gv --strict
check [ $rc -eq 1 ] "check --strict: exit $rc, want 1"
check grep -q "^soviet.gv: 5 errors, 0 warnings$" "$(out check-strict)" "check --strict: not five errors"

# compare reads the file once: the warnings come once, not once per year.
run compare-once compare soviet.gv --years 1960:1990:10
check [ $rc -eq 0 ] "compare soviet.gv: exit $rc"
check [ "$(grep -c 'warning' "$(err compare-once)")" -eq 5 ] "compare: the warnings are not printed once"

# More than ten warnings: ten, then how many more.
{
    echo 'graph many {'
    for i in $(seq 1 14); do echo "  A$i -- A$i [kind=treaty];"; done
    echo '  A1 -- A2 [kind=treaty]; }'
} >many.gv
run info-many info many.gv
check [ "$(grep -c ': warning: ' "$(err info-many)")" -eq 10 ] "info many.gv: not ten warnings shown"
check grep -qx "hubspoke: many.gv: 4 more warnings (hubspoke check many.gv lists them all; --quiet hides them)" \
    "$(err info-many)" "info many.gv: no count of the warnings not shown"

# A state declared twice with different years: DOT keeps the last, silently.
cat >twice.gv <<'EOF2'
graph g {
  hub="SUN";
  HUN [label="Hungary", since=1945];
  SUN -- HUN [kind=treaty, since=1955];
  HUN [since=1949];
}
EOF2
run check-twice check twice.gv
check [ $rc -eq 3 ] "check twice.gv: exit $rc, want 3"
cat >want <<'EOF2'
twice.gv:5: warning: node 'HUN': since is set twice, to '1945' and then to '1949': only the last value counts, so '1945' is lost; set it once [redefined-attribute]
twice.gv: 0 errors, 1 warning
EOF2
expect check-twice want
run info-twice info twice.gv --year 1960
check [ $rc -eq 0 ] "info twice.gv: exit $rc"
stderr_is info-twice "hubspoke: $(head -n 1 want)"

# ---- a digraph drawn the wrong way round: U = 0 without the warning --------------
cat >nato.gv <<'EOF'
digraph nato {
  USA -> JPN [kind=treaty];
  USA -> KOR [kind=treaty];
  JPN -> KOR [kind=dialogue];
}
EOF
run check-nato check nato.gv --format json
check [ $rc -eq 3 ] "check nato.gv --format json: exit $rc"
check /usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["errors"] == 0 and r["warnings"] == 2, r
f = r["files"][0]
assert f["file"] == "nato.gv" and [d["code"] for d in f["diagnostics"]] == ["treaty-direction"] * 2, f
d = f["diagnostics"][0]
assert d["severity"] == "warning" and d["line"] == 2 and d["element"] == "edge '"'"'USA -> JPN'"'"'", d
assert "the ally'"'"'s dependence is '"'"'JPN -> USA'"'"'" in d["message"], d
' "$(out check-nato)" "check --format json: not the two treaty-direction warnings"

# ---- every error at once, at its line --------------------------------------------------
cat >errors.gv <<'EOF'
graph g {
  A -- B [kind=alliance];
  C [role=king];
  D -- E [since=2000, until=1990];
  F [weight=2];
}
EOF
run info-errors info errors.gv
check [ $rc -eq 1 ] "info errors.gv: exit $rc"
stderr_is info-errors "hubspoke: errors.gv:2: edge 'A -- B': unknown kind 'alliance' (expected treaty, access, intelligence, technology, exercise, partnership, dialogue or member)
hubspoke: errors.gv:3: node 'C': unknown role 'king' (expected hub, ally, partner or other)
hubspoke: errors.gv:4: edge 'D -- E': since 2000 > until 1990
hubspoke: errors.gv:5: node 'F': weight 2 is out of range (0, 1]"
run check-errors check errors.gv
check [ $rc -eq 1 ] "check errors.gv: exit $rc"
check grep -qx "errors.gv: 4 errors, 0 warnings" "$(out check-errors)" "check errors.gv: not four errors"
# A file with errors gets its warnings about names in the same run.
printf 'graph g {\n  A -- B [kind=alliance];\n  A -- C [kind=treaty, untill=1990];\n}\n' >both.gv
run check-both check both.gv
check [ $rc -eq 1 ] "check both.gv: exit $rc, want 1"
check grep -qx "both.gv:3: warning: edge 'A -- C': unknown attribute 'untill' .*" "$(out check-both)" \
    "check both.gv: no warning beside the error"
check grep -qx "both.gv: 1 error, 1 warning" "$(out check-both)" "check both.gv: not one error and one warning"
# Several files: the worst status.
run check-two check "$GRAPHS/us-japan-rok.gv" soviet.gv
check [ $rc -eq 3 ] "check of a clean and a warned file: exit $rc, want 3"
run check-three check "$GRAPHS/us-japan-rok.gv" soviet.gv errors.gv
check [ $rc -eq 1 ] "check with a file with errors: exit $rc, want 1"

# ---- the curated dataset is clean -------------------------------------------------------
for g in "$GRAPHS"/*.gv "$GRAPHS"/*.graphml; do
    name=clean-$(basename "$g")
    succeeds "$name" check "$g"
    check grep -qx "$g: 0 errors, 0 warnings" "$(out "$name")" "check $g: not clean"
done

# ---- the hub's own dates ------------------------------------------------------------------
cat >sov.gv <<'EOF'
graph soviet {
  hub="SUN";
  SUN [label="Soviet Union", since=1922, until=1992];
  POL [label="Poland"]; HUN [label="Hungary"]; CSK [label="Czechoslovakia", until=1993];
  SUN -- POL [kind=treaty, since=1955, until=1991];
  SUN -- HUN [kind=treaty, since=1955, until=1991];
  SUN -- CSK [kind=treaty, since=1955, until=1991];
}
EOF
succeeds compare-dates compare sov.gv --years 1985:1995 --format csv
check [ "$(grep -c ',"the hub '"'"'SUN'"'"' is active 1922-1991, not in 199[2-5]: no system to measure"' "$(out compare-dates)")" -eq 4 ] \
    "compare: 1992-1995 are not empty rows with a note"
# K is null in a pure star (docs/metrics.md, model v2), U = C = 1.
check grep -q "^1990,SUN,,1,1," "$(out compare-dates)" "compare: 1990 is not measured"
check grep -q "^1993,,,,,," "$(out compare-dates)" "compare: 1993's values are not empty"
run metrics-1995 metrics sov.gv --year 1995
check [ $rc -eq 1 ] "metrics --year 1995: exit $rc"
stderr_is metrics-1995 "hubspoke: sov.gv: graph attribute hub='SUN' is not active in 1995 (it is active 1922-1991): that year has no system to measure"

if [[ -n $HUBSPOKE_DOT_HELPER ]]; then
    succeeds evolve-dates evolve sov.gv --years 1950,1985,1995 -o sov.svg
    # (Graphviz's SVG writes '-' in attributes and text as &#45;.)
    check grep -q 'class="cluster panel empty year&#45;1995"' sov.svg "evolve: 1995 is not an empty panel"
    check grep -q ">active 1922&#45;1991<" sov.svg "evolve: the empty panel does not say the hub's years"
    check grep -q ">no system<" sov.svg "evolve: the empty panel's caption does not say it has no system"
    check [ "$(grep -c 'class="node state' sov.svg)" -eq 8 ] "evolve: not 4 states in 1950 and 4 in 1985"
    succeeds render-1995 render sov.gv --year 1995 -o one.svg
    check grep -q 'class="cluster panel empty year&#45;1995"' one.svg "render of a year the hub is absent: no empty panel"
    check not_grep 'legend&#45;role' one.svg "render of a year the hub is absent: a legend of nothing"
    # Points to lines to surfaces: a year without ties draws the states alone.
    succeeds evolve-points evolve "$GRAPHS/asia-pacific.gv" --years 1945,1953,1999 --focus USA,JPN,KOR -o ajk.svg
    check grep -q 'id="p0&#45;s&#45;USA"' ajk.svg "evolve 1945: USA is not drawn"
    check grep -q 'id="p0&#45;s&#45;KOR"' ajk.svg "evolve 1945: KOR is not drawn"
    check grep -q '>1945<' ajk.svg "evolve 1945: no caption"
    check grep -q 'legend&#45;role&#45;hub' ajk.svg "evolve 1945: no legend"
fi

# ---- messages that say what to do -----------------------------------------------------------
refused reversed 2 "hubspoke compare: --years: the range '1991:1945' is reversed: it runs from 1991 back to 1945; write 1945:1991 (see 'hubspoke compare --help')" \
    compare "$GRAPHS/asia-pacific.gv" --years 1991:1945
printf 'source,target,kind\nUSA,JPN,treaty\n' >ties.csv
refused csv 1 "hubspoke: ties.csv: looks like CSV, not DOT or GraphML (the formats hubspoke reads); to read a CSV edge list use 'hubspoke import edges' (docs/import.md)" \
    info ties.csv
printf '{"nodes": [], "links": []}\n' >g.json
refused json 1 "hubspoke: g.json: looks like JSON, not DOT or GraphML (the formats hubspoke reads); convert it to GraphML first (igraph and NetworkX write GraphML)" \
    metrics g.json
printf 'graph [\n  node [ id 1 ]\n]\n' >g.gml
refused gml 1 "hubspoke: g.gml: looks like GML, not DOT or GraphML (the formats hubspoke reads); convert it to GraphML first (igraph and NetworkX write GraphML)" \
    info g.gml

# ---- edge lists ------------------------------------------------------------------------------
# The curated dataset through CSV and back: the same GraphML, byte for byte.
for g in asia-pacific.gv us-japan-rok.graphml; do
    n=${g%%.*}
    succeeds "export-$n" export edges "$GRAPHS/$g" -o "$n-e.csv" --nodes "$n-n.csv" --mechanisms "$n-m.csv" \
        --graph "$n-g.csv"
    succeeds "import-$n" import edges "$n-e.csv" --nodes "$n-n.csv" --mechanisms "$n-m.csv" --graph "$n-g.csv" \
        -o "$n-back.graphml"
    succeeds "orig-$n" convert "$GRAPHS/$g" "$n-orig.graphml"
    check same "$n-orig.graphml" "$n-back.graphml" "$g through export edges and import edges is not the same graph"
    succeeds "metrics-$n" metrics "$n-back.graphml" --year 2023 --format json
    succeeds "metrics-orig-$n" metrics "$GRAPHS/$g" --year 2023 --format json
    check same "$(out "metrics-$n")" "$(out "metrics-orig-$n")" "$g: the metrics of the round trip differ"
done
# The schema's columns, then the dataset's extra attributes.
check grep -qx "source,target,kind,since,until,weight,citation,label,element,unverified"$'\r' asia-pacific-e.csv \
    "export edges: not the documented header"
# What the tables left out is said.
run export-lossy export edges "$GRAPHS/us-japan-rok.gv" -o lossy.csv
check [ $rc -eq 0 ] "export edges without --nodes: exit $rc"
stderr_is export-lossy "hubspoke: lossy.csv: warning: the vertices' attributes (labels, types, spans, ...) are not written without a nodes table: give --nodes NODES.csv [not-exported]
hubspoke: lossy.csv: warning: the graph is directed, and without a graph table the edge list does not say so: give --graph GRAPH.csv, or import it with --directed [not-exported]"
# Row-numbered errors, all of them, and nothing written.
printf 'From,To,Kind,Since\nUSA,JPN,alliance,1960\nUSA,,treaty,\nUSA,KOR,treaty,19x4\n' >bad.csv
run import-bad import edges bad.csv -o bad.gv
check [ $rc -eq 1 ] "import edges bad.csv: exit $rc"
stderr_is import-bad "hubspoke: bad.csv:2: edge 'USA -- JPN': unknown kind 'alliance' (expected treaty, access, intelligence, technology, exercise, partnership, dialogue or member)
hubspoke: bad.csv:3: column 'target' is empty
hubspoke: bad.csv:4: edge 'USA -- KOR': since '19x4' is not an integer year"
check [ ! -e bad.gv ] "import edges bad.csv wrote its output"
# The checks' warnings, with the row.
printf 'source,target,kind,untill\nSUN,POL,treaty,1980\n' >warn.csv
run import-warn import edges warn.csv -o warn.gv
check [ $rc -eq 0 ] "import edges warn.csv: exit $rc"
stderr_is import-warn "hubspoke: warn.csv:2: warning: edge 'SUN -- POL': unknown attribute 'untill' (did you mean 'until'?): it is kept as an extra attribute and has no effect [unknown-attribute]"
refused import-mixed 2 "hubspoke import: --states does not apply to edges (see 'hubspoke import --help')" \
    import edges warn.csv --states x.csv -o x.gv
refused import-mixed2 2 "hubspoke import: --nodes does not apply to cow (see 'hubspoke import --help')" \
    import cow warn.csv --nodes x.csv -o x.gv
refused export-same 2 "hubspoke export: output 'soviet.gv' is the input file 'soviet.gv'; hubspoke never writes to an input (see 'hubspoke export --help')" \
    export edges soviet.gv -o soviet.gv

finish
