#!/usr/bin/env bash
# `hubspoke import` on the synthetic COW and ATOP files of tests/data/import
# (written in the datasets' documented column formats, docs/import.md). Every
# expectation below was worked out by hand from those files; the comments say
# how. The imported graphs are read back by `info`, `metrics`, `convert` and
# NetworkX (an outside GraphML reader). Bad files must be refused with one
# line naming the file and the row, exit 1, and no output file.
. "$(dirname "$0")/lib.sh"
D=${HS_TESTDATA:-${HS_SRC:-.}/tests/data}/import
[[ -f $D/cow.csv ]] || { echo "no test data in $D"; exit 1; }
PY=/usr/bin/python3

expect_text() { # NAME GOT EXPECTED
    pass
    [[ $2 == "$3" ]] || fail "$1
     got: $2
expected: $3"
}

# imp NAME ARGS...: an import that must succeed silently, but for the notes
# of $NOTE (standard error, exactly).
NOTE=
imp() {
    local name=$1
    shift
    pass
    if ! "$H" import "$@" >"$T/$name.out" 2>"$T/$name.err"; then
        fail "$name: import failed: $(head -c 300 "$T/$name.err")"
    elif [[ -s $T/$name.out || $(cat "$T/$name.err") != "$NOTE" ]]; then
        fail "$name: import printed something: $(head -c 300 "$T/$name.out" "$T/$name.err")"
    fi
}
# With states.csv, Japan is outside the system from 1945 to April 1952 (its
# COW spells), so the US-Japan pact of 1951 does not count in 1951, which the
# importer says (docs/import.md, "State spells").
JPN_NOTE="hubspoke import: note: 1 membership-years fall outside their states' COW spells (1 memberships, first: JPN in version4id 4 (1951)); they do not count"

# roles FILE YEAR: "hub=X ally=A,B partner=... other=..." from info --format json.
roles() {
    "$H" info "$1" --year "$2" --format json | $PY -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(r + "=" + ",".join(d["states"][r]) for r in ("hub", "ally", "partner", "other")))'
}

# edges FILE: every edge as read by NetworkX, "A-B kind since until" (sorted
# ends, "-" for an open bound), one per line, sorted.
edges() {
    $PY - "$1" <<'PYEOF'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = []
for a, b, d in g.edges(data=True):
    a, b = sorted((a, b))
    out.append("%s-%s %s %s %s" % (a, b, d.get("kind", "?"), d.get("since", "-"), d.get("until", "-")))
print("\n".join(sorted(out)))
PYEOF
}

# nodes FILE: "id type kind since until label" per vertex, in file order.
nodes() {
    $PY - "$1" <<'PYEOF'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
for n, d in g.nodes(data=True):
    print("%s %s %s %s %s %s" % (n, d.get("type", "state"), d.get("kind", "-"), d.get("since", "-"),
                                  d.get("until", "-"), d.get("label", "-")))
PYEOF
}

# ---- COW ------------------------------------------------------------------------
NOTE=$JPN_NOTE imp cow cow "$D/cow.csv" --states "$D/states.csv" -o "$T/cow.graphml"

# Alliance 1 (USA, UKG, 1900-1910): one tie, until = last year + 1. Alliance 2:
# France 1894-1917 with Russia listed twice (1894-1905, 1910-1917): two ties.
# Alliance 3 (four states, Italy from 1955, France out 1966 and back 2009):
# mechanism cow_3, open-ended, one member edge per row. Alliance 4 (USA, JPN,
# open): a tie. Alliance 5 (entente, Russia from 1907): mechanism cow_5 of kind
# dialogue. Alliance 6 (neutrality + non-aggression): a partnership tie.
expect_text "cow: edges" "$(edges "$T/cow.graphml")" "FRN-RUS treaty 1894 1906
FRN-RUS treaty 1910 1918
FRN-cow_3 member 1949 1967
FRN-cow_3 member 2009 -
FRN-cow_5 member 1904 1915
GMY-RUS partnership 1939 1942
ITA-cow_3 member 1955 -
JPN-USA treaty 1951 -
RUS-cow_5 member 1907 1915
UKG-USA treaty 1900 1911
UKG-cow_3 member 1949 -
UKG-cow_5 member 1904 1915
USA-cow_3 member 1949 -"
expect_text "cow: nodes" "$(nodes "$T/cow.graphml")" "USA state - - - United States of America
UKG state - - - United Kingdom
FRN state - - - France
RUS state - - - Russia
ITA state - - - Italy
cow_3 mechanism treaty 1949 - COW alliance 3
JPN state - - - Japan
cow_5 mechanism dialogue 1904 1915 COW alliance 5
GMY state - - - Germany"
# The alliance's id, flags and source travel with it.
expect_text "cow: mechanism attributes" "$($PY - "$T/cow.graphml" <<'PYEOF'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
d = g.nodes["cow_5"]
print(d["version4id"], d["defense"], d["neutrality"], d["nonaggression"], d["entente"], "|", d["source"])
e = [d for a, b, d in g.edges(data=True) if {a, b} == {"GMY", "RUS"}][0]
print(e["version4id"], e["defense"], e["neutrality"], e["nonaggression"], e["entente"], "|", e["source"])
PYEOF
)" "5 0 0 0 1 | COW Formal Alliances v4.1, version4id 5
6 0 1 1 0 | COW Formal Alliances v4.1, version4id 6"

# Roles (docs/schema.md, Roles). 1905: every treaty-holder has one treaty, the
# first in file order (USA) is the hub; UKG its ally; FRN shares cow_5 with
# UKG: partner; RUS's only tie is to FRN (not an ally) and it joins cow_5 in
# 1907: other. 1908: RUS is in cow_5 with UKG: partner. 1960: USA-JPN is the
# only bilateral treaty; UKG, FRN, ITA are allies through cow_3, a defence
# pact the hub belongs to. 1967: France is out of cow_3. 2010: France is back.
# GMY (ccode 255) is outside its COW spells from 1945 to 1990 (states.csv),
# so it is no state in 1960 and 1967 (docs/import.md, "State spells").
expect_text "cow 1905" "$(roles "$T/cow.graphml" 1905)" "hub=USA ally=UKG partner=FRN other=RUS,ITA,JPN,GMY"
expect_text "cow 1908" "$(roles "$T/cow.graphml" 1908)" "hub=USA ally=UKG partner=FRN,RUS other=ITA,JPN,GMY"
expect_text "cow 1960" "$(roles "$T/cow.graphml" 1960)" "hub=USA ally=UKG,FRN,ITA,JPN partner= other=RUS"
expect_text "cow 1967" "$(roles "$T/cow.graphml" 1967)" "hub=USA ally=UKG,ITA,JPN partner= other=FRN,RUS"
expect_text "cow 2010" "$(roles "$T/cow.graphml" 2010)" "hub=USA ally=UKG,FRN,ITA,JPN partner= other=RUS,GMY"
# 1940: only GMY-RUS (a partnership, no treaty): no hub, everyone other.
expect_text "cow 1940" "$(roles "$T/cow.graphml" 1940)" "hub= ally= partner= other=USA,UKG,FRN,RUS,ITA,JPN,GMY"
# metrics gives the same roles (its states table) for the states with a tie:
# RUS and GMY have none in 1960, nor FRN in 1967, and metrics measures the
# tied states by default (docs/metrics.md, "Which states count").
expect_text "cow metrics 1960" "$("$H" metrics "$T/cow.graphml" --year 1960 --format csv --table states --permutations 0 |
    awk -F, 'NR > 1 { printf "%s:%s ", $2, $3 }')" "USA:hub UKG:ally FRN:ally ITA:ally JPN:ally "
expect_text "cow metrics 1967" "$("$H" metrics "$T/cow.graphml" --year 1967 --format csv --table system --permutations 0 |
    awk -F, 'NR > 1 { print $2, $6, $7, $8, $9 }')" "USA 4 3 0 1"

# Round trip: GraphML -> DOT -> GraphML keeps everything `info` sees.
pass
if "$H" convert "$T/cow.graphml" "$T/cow.gv" && "$H" convert "$T/cow.gv" "$T/cow2.graphml"; then
    for y in 1905 1960 ""; do
        a=$("$H" info "$T/cow.graphml" ${y:+--year $y} --format json)
        b=$("$H" info "$T/cow2.graphml" ${y:+--year $y} --format json)
        [[ $a == "$b" ]] || fail "round trip changes info ${y:-(all years)}"
    done
    expect_text "round trip edges" "$(edges "$T/cow2.graphml")" "$(edges "$T/cow.graphml")"
else
    fail "convert of the imported file failed"
fi
# DOT output directly, and without a states file: COW<ccode> ids, state_name labels.
imp cow-dot cow "$D/cow.csv" -o "$T/cow.gv"
expect_text "cow without states: ids" "$("$H" info "$T/cow.gv" --year 1960 --format json | $PY -c '
import json, sys; d = json.load(sys.stdin); print(d["hub"], d["states"]["ally"], d["counts"])')" \
    "COW2 ['COW200', 'COW220', 'COW325', 'COW740'] {'states': 7, 'mechanisms': 1, 'ties': 5}"
expect_text "cow without states: label" "$(grep -c '"label"="Japan"' "$T/cow.gv")" "1"

# ---- filters and options ----------------------------------------------------------
# --types entente: alliance 5 only.
imp types cow "$D/cow.csv" --states "$D/states.csv" --types entente -o "$T/entente.graphml"
expect_text "--types entente" "$(edges "$T/entente.graphml" | tr '\n' ';')" \
    "FRN-cow_5 member 1904 1915;RUS-cow_5 member 1907 1915;UKG-cow_5 member 1904 1915;"
# --types neutrality,nonaggression: alliance 6 only.
imp types2 cow "$D/cow.csv" --states "$D/states.csv" --types neutrality,nonaggression -o "$T/neutral.graphml"
expect_text "--types neutrality,nonaggression" "$(edges "$T/neutral.graphml" | tr '\n' ';')" "GMY-RUS partnership 1939 1942;"
# --since 1950: alliances in force in 1950 or later: 3 and 4, kept whole.
NOTE=$JPN_NOTE imp since cow "$D/cow.csv" --states "$D/states.csv" --since 1950 -o "$T/since.graphml"
expect_text "--since 1950" "$(edges "$T/since.graphml" | tr '\n' ';')" \
    "FRN-cow_3 member 1949 1967;FRN-cow_3 member 2009 -;ITA-cow_3 member 1955 -;JPN-USA treaty 1951 -;UKG-cow_3 member 1949 -;USA-cow_3 member 1949 -;"
# --until 1900: alliances in force before 1900: alliance 2 only (1 starts in 1900).
imp until cow "$D/cow.csv" --states "$D/states.csv" --until 1900 -o "$T/until.graphml"
expect_text "--until 1900" "$(edges "$T/until.graphml" | tr '\n' ';')" "FRN-RUS treaty 1894 1906;FRN-RUS treaty 1910 1918;"
# --since 1939 --until 1942: alliance 6 and the open alliances? No: 3 and 4 start later; 2 ended 1917.
imp window cow "$D/cow.csv" --states "$D/states.csv" --since 1939 --until 1942 -o "$T/window.graphml"
expect_text "--since 1939 --until 1942" "$(edges "$T/window.graphml" | tr '\n' ';')" "GMY-RUS partnership 1939 1942;"
# --hub: the graph attribute; in 1905 it overrides the file-order tie-break.
NOTE=$JPN_NOTE imp hub cow "$D/cow.csv" --states "$D/states.csv" --hub FRN -o "$T/hub.graphml"
expect_text "--hub FRN 1905" "$(roles "$T/hub.graphml" 1905)" "hub=FRN ally=RUS partner=UKG other=USA,ITA,JPN,GMY"
# --ids iso3: UKG -> GBR, FRN -> FRA; Russia (365 is also the USSR) and Germany
# (255 is also Prussia and the German Empire) keep their COW ids.
NOTE=$JPN_NOTE imp iso3 cow "$D/cow.csv" --states "$D/states.csv" --ids iso3 -o "$T/iso3.graphml"
expect_text "--ids iso3" "$(nodes "$T/iso3.graphml" | awk '$2 == "state" { printf "%s ", $1 }')" "USA GBR FRA RUS ITA JPN GMY "
# A kept COW id that is some other state's ISO code is not used: COW's CZE is
# Czechoslovakia (315), ISO's CZE the Czech Republic (COW 316, CZR).
imp czech cow "$D/cow-czech.csv" --states "$D/states-czech.csv" -o "$T/czech-cow.graphml"
imp czech-iso cow "$D/cow-czech.csv" --states "$D/states-czech.csv" --ids iso3 -o "$T/czech-iso.graphml"
expect_text "czech, cow ids" "$(nodes "$T/czech-cow.graphml" | awk '{ printf "%s ", $1 }')" "CZE FRN CZR RUS "
expect_text "czech, iso3 ids" "$(nodes "$T/czech-iso.graphml" | awk '{ printf "%s ", $1 }')" "COW315 FRA CZE RUS "

# ---- ATOP ---------------------------------------------------------------------------
# 1001 (USA, JPN, yrexit 0): open treaty tie. 1002: three states in two
# phases (1949-1955, 1955-) merged per state, Germany from 1955 (phase 2):
# mechanism atop_1002 with four member edges. 1003 consultation only: dialogue.
# 1004 offense + non-aggression: treaty.
imp atop atop "$D/atop.csv" -o "$T/atop.graphml"
expect_text "atop: edges" "$(edges "$T/atop.graphml")" "COW2-COW20 dialogue 1940 1951
COW2-COW740 treaty 1951 -
COW2-atop_1002 member 1949 -
COW20-atop_1002 member 1949 -
COW200-atop_1002 member 1949 -
COW255-COW365 treaty 1939 1942
COW255-atop_1002 member 1955 -"
expect_text "atop: mechanism" "$(nodes "$T/atop.graphml" | grep atop_)" "atop_1002 mechanism treaty 1949 - ATOP alliance 1002"
expect_text "atop 1956" "$(roles "$T/atop.graphml" 1956)" "hub=COW2 ally=COW740,COW20,COW200,COW255 partner= other=COW365"
# The 4.01 layout (no phase column, columns in another order) reads the same.
imp atop4 atop "$D/atop-v4.csv" --ids iso3 -o "$T/atop4.gv"
expect_text "atop 4.01 layout, info" "$("$H" info "$T/atop4.gv" --format json | $PY -c '
import json, sys; d = json.load(sys.stdin); print(d["hub"], d["states"], d["ties"]["treaty"], d["ties"]["dialogue"], d["years"])')" \
    "USA {'hub': ['USA'], 'ally': ['JPN'], 'partner': ['CAN'], 'other': []} 1 1 {'first': 1940, 'last': 1951}"
# --types consultation keeps 1001, 1002 and 1003 (1004 has none).
imp atop-consul atop "$D/atop.csv" --types consultation -o "$T/atop-consul.graphml"
expect_text "atop --types consultation" "$(edges "$T/atop-consul.graphml" | grep -c .)" "6"

# ---- bad files: one line naming the file and the row, exit 1, no output ---------------
refused_import() { # NAME EXPECTED-STDERR ARGS... (run in $D/bad, output in $T/out)
    local name=$1 want=$2
    shift 2
    pass
    mkdir -p "$T/out"
    local got rc
    got=$(cd "$D/bad" && "$H" import "$@" -o "$T/out/x.graphml" 2>&1 >/dev/null)
    rc=$?
    [[ $rc -eq 1 ]] || fail "$name: exit $rc, expected 1"
    [[ $got == "$want" ]] || fail "$name: stderr
     got: $got
expected: $want"
    [[ -z $(ls -A "$T/out") ]] && return
    fail "$name: left $(ls -A "$T/out")"
    rm -f "$T/out"/*
}
refused_import no-column "hubspoke: cow-no-ccode.csv:1: no column 'ccode': not a COW v4.1 by-member file (docs/import.md)" cow cow-no-ccode.csv
refused_import version "hubspoke: cow-version.csv:3: version '4.0' is not one the importer knows (4.1)" cow cow-version.csv
refused_import year "hubspoke: cow-year.csv:3: column 'mem_st_year': '19OO' is not a whole number" cow cow-year.csv
refused_import exit-year "hubspoke: cow-exit-year.csv:3: exit 1899-06-01 is before entry 1900-03-01" cow cow-exit-year.csv
refused_import exit-month "hubspoke: cow-exit-month.csv:3: exit 1900-06-01 is before entry 1900-07-01" cow cow-exit-month.csv
refused_import month "hubspoke: cow-month.csv:3: column 'mem_end_month': 13 is out of range [1, 12]" cow cow-month.csv
refused_import one-state "hubspoke: cow-one-state.csv:4: version4id 4 lists one state only (ccode 2)" cow cow-one-state.csv
refused_import no-obligation "hubspoke: cow-no-obligation.csv:2: version4id 1: no member has any obligation (every flag is 0)" cow cow-no-obligation.csv
refused_import flag "hubspoke: cow-flag.csv:3: column 'defense': 2 is not 0 or 1" cow cow-flag.csv
refused_import fields "hubspoke: cow-fields.csv:3: 22 fields, but the header has 23" cow cow-fields.csv
refused_import quote "hubspoke: cow-quote.csv:3: malformed CSV: a quote inside an unquoted field, text after a closing quote, or a quoted field never closed (RFC 4180)" cow cow-quote.csv
refused_import header-only "hubspoke: cow-header-only.csv: no rows after the header" cow cow-header-only.csv
refused_import empty "hubspoke: cow-empty.csv: empty file (no header line)" cow cow-empty.csv
refused_import ccode "hubspoke: cow-ccode.csv:3: ccode -5 is not a COW state code" cow cow-ccode.csv
refused_import atop-column "hubspoke: atop-no-consul.csv:1: no column 'consul': not an ATOP member-level file (docs/import.md)" atop atop-no-consul.csv
refused_import atop-exit "hubspoke: atop-exit.csv:3: exit 1950 is before entry 1951-09-08" atop atop-exit.csv
refused_import atop-version "hubspoke: atop-version.csv:3: version '6.0' is not one the importer knows (4.01, 5.0 or 5.1)" atop atop-version.csv
refused_import states-conflict "hubspoke: states-conflict.csv:4: ccode 200 is 'UK' here but 'UKG' on an earlier row" cow ../cow.csv --states states-conflict.csv
refused_import states-column "hubspoke: states-no-ccode.csv:1: no column 'ccode': not a COW state list (states2016.csv)" cow ../cow.csv --states states-no-ccode.csv
refused_import missing "hubspoke: nosuch.csv: cannot open: No such file or directory" cow nosuch.csv
refused_import cow-as-atop "hubspoke: ../cow.csv:1: no column 'atopid': not an ATOP member-level file (docs/import.md)" atop ../cow.csv
refused_import hub "hubspoke: ../cow.csv: graph attribute hub='XYZ' names no node" cow ../cow.csv --hub XYZ

# ---- compare over the whole COW period: the indices stay in [0, 1] -----------------------
pass
if "$H" compare "$T/cow.graphml" --years 1816:2012 --format csv --quiet > "$T/compare.csv"; then
    $PY - "$T/compare.csv" <<'PYEOF' || fail "compare 1816-2012: an index outside [0, 1] or a missing year"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [int(r["year"]) for r in rows] == list(range(1816, 2013))
for r in rows:
    for k in ("coordination", "unidirectionality", "closedness"):
        assert r[k] == "" or 0.0 <= float(r[k]) <= 1.0, (r["year"], k, r[k])
assert any(r["unidirectionality"] for r in rows)
PYEOF
else
    fail "compare over the imported file failed"
fi

# ---- usage ---------------------------------------------------------------------------
usage() { # NAME ARGS...: exit 2, one line on stderr, nothing on stdout
    local name=$1
    shift
    pass
    "$H" import "$@" >"$T/u.out" 2>"$T/u.err"
    local rc=$?
    [[ $rc -eq 2 ]] || fail "usage $name: exit $rc, expected 2 ($(head -c 200 "$T/u.err"))"
    [[ -s $T/u.out ]] && fail "usage $name: wrote to stdout"
    [[ $(wc -l <"$T/u.err") -eq 1 ]] || fail "usage $name: stderr is not one line: $(cat "$T/u.err")"
}
usage dataset nato "$D/cow.csv" -o "$T/x.graphml"
usage no-output cow "$D/cow.csv"
usage extension cow "$D/cow.csv" -o "$T/x.txt"
usage cow-offense cow "$D/cow.csv" --types offense -o "$T/x.graphml"
usage atop-entente atop "$D/atop.csv" --types entente -o "$T/x.graphml"
usage bad-type cow "$D/cow.csv" --types alliance -o "$T/x.graphml"
usage since cow "$D/cow.csv" --since 19x0 -o "$T/x.graphml"
usage window cow "$D/cow.csv" --since 1950 --until 1950 -o "$T/x.graphml"
usage ids cow "$D/cow.csv" --ids iso2 -o "$T/x.graphml"
usage option cow "$D/cow.csv" --year 1950 -o "$T/x.graphml"
usage arity cow -o "$T/x.graphml"
usage map-cow cow "$D/cow.csv" --map depth -o "$T/x.graphml"
usage map-unknown atop "$D/atop.csv" --map weight -o "$T/x.graphml"

# ATOP's provisions and --map (docs/import.md, "Provisions, direction and
# depth") on atop-provisions.csv: 3220 USA-JPN (only the US promises defense,
# base 3: milinst 2), 3240 USA-ROK (both promise), 3400 USA-UKG
# (non-aggression and consultation: a partnership; milaid 3: milinst 1),
# 3500 USA-FRN (consultation, no provision coded), 3300 a multilateral pact
# in which HUN promises no defense.
NOTE="hubspoke import: note: 1 membership-years fall outside their states' COW spells (1 memberships, first: JPN in atopid 3220 (1951)); they do not count
hubspoke import: note: 3 states have no spell in $D/states.csv; they count in every year
hubspoke import: note: 1 multilateral alliances have members that promise military support and members that do not; their co-membership stays mutual" \
    imp map atop "$D/atop-provisions.csv" --states "$D/states.csv" --map direction,depth -o "$T/map.graphml"
expect_text "map: depends, weight, milinst" "$($PY - "$T/map.graphml" <<'PYEOF'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = []
for a, b, d in g.edges(data=True):
    if "atopid" in d:
        out.append("%s %s %s %s %s" % (d["atopid"], d.get("depends", "-"), d.get("weight", "-"), d.get("milinst", "-"),
                                       d.get("military_support_by") or "-"))
print(";".join(sorted(out)))
PYEOF
)" "3220 JPN 1.0 2 USA;3240 - 1.0 2 USA COW732;3400 - 0.190476190476 1 -;3500 - - - -"
# Without --map the provisions are attributes only: no depends, no weight.
NOTE= imp nomap atop "$D/atop-provisions.csv" -o "$T/nomap.graphml"
expect_text "no map: no depends, no weight" "$($PY -c '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
print(sum(1 for a, b, d in g.edges(data=True) if "depends" in d or "weight" in d), sum(1 for a, b, d in g.edges(data=True) if "asymm" in d))' "$T/nomap.graphml")" "0 4"
pass
"$H" import --help >"$T/help.out" 2>"$T/help.err" && [[ -s $T/help.out && ! -s $T/help.err ]] &&
    grep -q '^SYNOPSIS' "$T/help.out" || fail "import --help"
"$H" --help | grep -q '^    import ' || fail "hubspoke --help does not list import"

finish
