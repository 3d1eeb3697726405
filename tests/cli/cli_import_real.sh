#!/usr/bin/env bash
# `hubspoke import` on the real datasets, when they are given (docs/import.md,
# "Checks on the real data"); skipped (77) otherwise. The project ships no
# copy of either dataset.
#   HS_COW_FILE    alliance_v4.1_by_member.csv      (with HS_COW_STATES: states2016.csv)
#   HS_ATOP_FILE   an ATOP member-level file (atop5_1m.csv, atop4_01m.csv); default:
#                  ../shared/data/atop-4.01/atop-member-level_v4.01.csv when present
# Fails when: an import fails, an alliance of the file is missing from the
# graph, convert does not round-trip it, NATO or the Warsaw Pact is not found
# as a mechanism, or an index leaves [0, 1] in any year (one compare over the
# span). Prints the numbers
# docs/import.md asks for (counts per decade, NATO and Warsaw Pact members,
# Soviet and US indices) without judging them.
. "$(dirname "$0")/lib.sh"
# ATOP 4.01 is in the workspace's shared data (../shared/data, beside the
# checkout, as the corpus tests find ../shared/corpus; never copied into it):
# used when no file is named, so CI runs this test wherever the data is.
SHARED_ATOP=$SRC/../shared/data/atop-4.01/atop-member-level_v4.01.csv
if [[ -z ${HS_ATOP_FILE:-} && -r $SHARED_ATOP ]]; then
    HS_ATOP_FILE=$SHARED_ATOP
fi
if [[ -z ${HS_COW_FILE:-} && -z ${HS_ATOP_FILE:-} ]]; then
    skip "no $SRC/../shared/data/atop-4.01; set HS_COW_FILE (and HS_COW_STATES) or HS_ATOP_FILE to real dataset files"
fi
for f in ${HS_COW_FILE:-} ${HS_ATOP_FILE:-} ${HS_COW_STATES:-}; do
    [[ -r $f ]] || { echo "cannot read $f"; exit 1; }
done

# check_dataset DATASET CSV GRAPHML FIRST LAST: the Python part of the checks.
check_dataset() {
    /usr/bin/python3 - "$@" <<'PYEOF'
import csv, json, subprocess, sys
import networkx as nx

dataset, csv_path, graphml, first, last = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
H = sys.argv[6]
idcol, statecol, entcol = ("version4id", "ccode", "mem_st_year") if dataset == "cow" else ("atopid", "member", "yrent")
prefix = dataset + "_"
bad = 0

def fail(msg):
    global bad
    print("FAIL:", msg)
    bad += 1

with open(csv_path, newline="", encoding="utf-8-sig") as f:
    rows = [{k.strip().lower(): v for k, v in r.items()} for r in csv.DictReader(f)]
members = {}
for r in rows:
    members.setdefault(int(float(r[idcol])), set()).add(int(float(r[statecol])))

g = nx.read_graphml(graphml, force_multigraph=True)
ccode = {n: int(d["ccode"]) for n, d in g.nodes(data=True) if "ccode" in d}
ids_on_ties = {int(d[idcol]) for a, b, d in g.edges(data=True) if idcol in d}
mechs = {n for n, d in g.nodes(data=True) if d.get("type") == "mechanism"}
for aid, ms in sorted(members.items()):
    if len(ms) >= 3 and prefix + str(aid) not in mechs:
        fail("alliance %d (%d states) is not mechanism %s%d" % (aid, len(ms), prefix, aid))
    if len(ms) == 2 and aid not in ids_on_ties:
        print("note: bilateral alliance %d gave no tie (its members' spells share no year)" % aid)
print("%s: %d alliances in the file, %d mechanisms and %d ties in the graph" %
      (dataset, len(members), len(mechs), sum(1 for e in g.edges(data=True) if e[2].get("kind") != "member")))

def spells(mech):
    out = []
    for a, b, d in g.edges(mech, data=True):
        s = a if b == mech else b
        out.append((ccode.get(s, s), s, d.get("since", "?"), d.get("until", "open")))
    return sorted(out, key=lambda x: (str(x[2]), str(x[0])))

def find(name, codes, year):
    found = [m for m in mechs
             if codes <= {ccode.get(s) for a, b, d in g.edges(m, data=True) for s in (a, b)
                          if s != m and str(d.get("since")) == str(year)}]
    if not found:
        fail("%s: no mechanism whose members include ccodes %s all entering in %d" % (name, sorted(codes), year))
    for m in found:
        print("%s = %s (%s), members (ccode id since until):" % (name, m, g.nodes[m].get("source")))
        for c, s, a, u in spells(m):
            print("    %s %s %s %s" % (c, s, a, u))

# ATOP's provisions on the US treaties in Asia (docs/import.md, "Provisions,
# direction and depth"): 3220 US-Japan 1951 and 3375 US-Japan 1960 and 3240
# US-ROK asymmetric with base rights; 3210 US-Philippines and 3215 ANZUS
# symmetric. In 3220 and 3375 only the US promises defense.
if dataset == "atop" and "asymm" in rows[0]:
    by_id = {}
    for a, b, e in g.edges(data=True):
        if "atopid" in e:
            by_id.setdefault(int(e["atopid"]), []).append(e)
    for n, d in g.nodes(data=True):
        if "atopid" in d:
            by_id.setdefault(int(d["atopid"]), []).append(d)
    us = [n for n, c in ccode.items() if c == 2][0]
    for aid, asymm, base, support in ((3220, "1", "3", us), (3375, "1", "3", us), (3240, "1", "3", None),
                                      (3210, "0", "0", None), (3215, "0", "0", None)):
        for e in by_id.get(aid, [{}]):
            got = (str(e.get("asymm")), str(e.get("base")))
            if got != (asymm, base):
                fail("atopid %d: asymm, base = %s, expected %s" % (aid, got, (asymm, base)))
            if support and e.get("military_support_by") != support:
                fail("atopid %d: military support by %r, expected %r" % (aid, e.get("military_support_by"), support))
        print("atopid %d: asymm %s base %s milinst %s military support by %s" %
              (aid, by_id[aid][0].get("asymm"), by_id[aid][0].get("base"), by_id[aid][0].get("milinst"),
               by_id[aid][0].get("military_support_by")))

find("NATO", {2, 20, 200, 220}, 1949)
find("Warsaw Pact", {365, 290, 315, 310, 355, 360}, 1955)

decades = list(range((first // 10) * 10 + 10, last + 1, 10))
# One compare for the decades (states with a tie, ties of S counting each
# co-membership pair, mechanisms), beside the counts of bilateral ties.
p = subprocess.run([H, "compare", graphml, "--years", "%d:%d:10" % (decades[0], decades[-1]), "--format", "csv",
                    "--measures", "states,ties,mechanisms", "--quiet"], capture_output=True, text=True)
if p.returncode != 0:
    fail("compare of the decades: %s" % p.stderr.strip())
counts = {int(r["year"]): r for r in csv.DictReader(p.stdout.splitlines())}
print("%s: active in the first year of each decade (states with a tie / bilateral ties / mechanisms / ties in S):"
      % dataset)
for y in decades:
    bilateral = sum(1 for a, b, e in g.edges(data=True) if e.get("kind") != "member"
                    and int(e.get("since", -10**6)) <= y < int(e.get("until", 10**6)))
    r = counts.get(y, {})
    print("    %d %s %d %s %s" % (y, r.get("states"), bilateral, r.get("mechanisms"), r.get("ties")))

names = ("coordination", "unidirectionality", "closedness")
out_of_range = 0
# One compare over the span reads the file once (docs/compare.md); a row is
# what metrics --year gives for that year.
p = subprocess.run([H, "compare", graphml, "--years", "%d:%d" % (first, last), "--format", "csv",
                    "--measures", "states", "--quiet"], capture_output=True, text=True)
if p.returncode != 0:
    fail("compare --years %d:%d: %s" % (first, last, p.stderr.strip()))
rows = list(csv.DictReader(p.stdout.splitlines()))
if p.returncode == 0 and len(rows) != last - first + 1:
    fail("compare gave %d rows for %d years" % (len(rows), last - first + 1))
for r in rows:
    for k in names:
        if r[k] not in ("", "nan") and not (0.0 <= float(r[k]) <= 1.0):
            fail("%s: %s = %s is outside [0, 1]" % (r["year"], k, r[k]))
            out_of_range += 1
print("%s: compare ran on every year %d-%d; indices outside [0, 1]: %d" % (dataset, first, last, out_of_range))

hubs = {}
for n, c in ccode.items():
    if c in (2, 365):
        hubs[c] = n
for c, years in ((365, (1950, 1954, 1956, 1960)), (2, (1948, 1950, 1952, 1955))):
    if c not in hubs:
        fail("no state with ccode %d" % c)
        continue
    p = subprocess.run([H, "compare", graphml, "--years", ",".join(map(str, years)), "--hub", hubs[c], "--format",
                        "csv", "--measures", "allies,partners", "--quiet"], capture_output=True, text=True)
    if p.returncode != 0:
        print("    hub %s: %s" % (hubs[c], p.stderr.strip()))
        continue
    for r in csv.DictReader(p.stdout.splitlines()):
        print("    hub %s %s: allies %s partners %s  K %s  U %s  C %s" %
              (hubs[c], r["year"], r["allies"], r["partners"], r["coordination"], r["unidirectionality"],
               r["closedness"]))
sys.exit(1 if bad else 0)
PYEOF
}

# import_dataset DATASET FILE FIRST LAST [OPTIONS...]
import_dataset() {
    local ds=$1 file=$2 first=$3 last=$4
    shift 4
    echo "== $ds: $file"
    local t0=$SECONDS
    if ! "$H" import "$ds" "$file" "$@" -o "$T/$ds.graphml"; then
        fail "import $ds"
        return
    fi
    "$H" import "$ds" "$file" "$@" -o "$T/$ds.gv" || fail "import $ds to DOT"
    "$H" convert "$T/$ds.gv" "$T/$ds-back.graphml" || fail "convert $ds"
    for y in "" $first $(( (first + last) / 2 )) $last; do
        [[ $("$H" info "$T/$ds.graphml" ${y:+--year $y} --format json) == "$("$H" info "$T/$ds-back.graphml" ${y:+--year $y} --format json)" ]] ||
            fail "$ds: DOT round trip changes info ${y:-(all years)}"
    done
    check check_dataset "$ds" "$file" "$T/$ds.graphml" "$first" "$last" "$H" "$ds: the dataset's checks"
    echo "$ds: $((SECONDS - t0)) s"
}

[[ -n ${HS_COW_FILE:-} ]] && import_dataset cow "$HS_COW_FILE" 1816 2012 ${HS_COW_STATES:+--states "$HS_COW_STATES"}
[[ -n ${HS_ATOP_FILE:-} ]] && import_dataset atop "$HS_ATOP_FILE" 1815 2018 ${HS_COW_STATES:+--states "$HS_COW_STATES"}
finish
