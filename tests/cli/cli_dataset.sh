#!/usr/bin/env bash
# The curated dataset graphs/asia-pacific.{gv,graphml} (docs/data.md):
# 1. both syntaxes give byte-identical `info --format json` in every year
#    from 1947 to 2026 and for the union over time;
# 2. every tie other than membership has a kind, a since and a source, and
#    every mechanism a kind, a scope, an issue and a since (read from the
#    GraphML with the standard library, independently of hubspoke);
# 3. the mechanisms issue 4 names exist with the members and years the
#    dataset documents;
# 4. the roles docs/data.md states in its table of states come out of the
#    schema's role inference in the years it names.
# One line per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
tmp=$T
gv=$HS_SRC/graphs/asia-pacific.gv
gml=$HS_SRC/graphs/asia-pacific.graphml

# 1. Identical content in both syntaxes.
for y in "" $(seq 1947 2026); do
  "$HUBSPOKE" info "$gv" ${y:+--year $y} --format json > "$tmp/a.json" 2>&1 || { fail "info $gv $y"; continue; }
  "$HUBSPOKE" info "$gml" ${y:+--year $y} --format json > "$tmp/b.json" 2>&1 || { fail "info $gml $y"; continue; }
  cmp -s "$tmp/a.json" "$tmp/b.json" && pass || fail "year '${y:-all}': .gv and .graphml differ"
done

# 2. Every element dated and sourced.
$py - "$gml" <<'PY' && pass || fail "undated or unsourced elements"
import sys, xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.findall("g:key", ns)}
def attrs(el, kind):
    return {keys[d.get("key")][1]: (d.text or "") for d in el.findall("g:data", ns) if keys[d.get("key")][0] in (kind, "all")}
g = root.find("g:graph", ns)
mechs, errors = set(), []
for n in g.findall("g:node", ns):
    a = attrs(n, "node")
    if a.get("type") == "mechanism":
        mechs.add(n.get("id"))
        for k in ("kind", "scope", "issue", "since", "label"):
            if not a.get(k): errors.append("mechanism %s has no %s" % (n.get("id"), k))
for e in g.findall("g:edge", ns):
    a = attrs(e, "edge")
    if a.get("kind") == "member" or e.get("target") in mechs or e.get("source") in mechs:
        continue
    for k in ("kind", "since", "source"):
        if not a.get(k): errors.append("tie %s-%s has no %s" % (e.get("source"), e.get("target"), k))
    if a.get("until") and int(a["until"]) <= int(a["since"]):
        errors.append("tie %s-%s ends before it starts" % (e.get("source"), e.get("target")))
for m in errors: print(m)
sys.exit(1 if errors else 0)
PY

# 3. The mechanisms and their spells (docs/data.md, "Mechanisms").
"$HUBSPOKE" info "$gml" --format json > "$tmp/all.json" || fail "info union"
$py - "$tmp/all.json" <<'PY' && pass || fail "mechanisms differ from docs/data.md"
import json, sys
got = {m["id"]: m for m in json.load(open(sys.argv[1]))["mechanisms"]}
exp = {  # id: (members, kind, scope, since, until)
    "SEATO": ("USA GBR FRA AUS NZL PHL THA PAK", "treaty", "broad", 1955, 1977),
    "FPDA": ("GBR AUS NZL MYS SGP", "exercise", "issue", 1971, None),
    "TCOG": ("USA JPN KOR", "dialogue", "issue", 1999, 2004),
    "TSD": ("USA JPN AUS", "dialogue", "issue", 2002, None),
    "Quad1": ("USA JPN AUS IND", "dialogue", "broad", 2007, 2008),
    "TISA": ("USA JPN KOR", "intelligence", "issue", 2014, None),
    "Quad": ("USA JPN AUS IND", "dialogue", "broad", 2017, None),
    "FAI": ("FRA AUS IND", "dialogue", "broad", 2020, None),
    "AUKUS": ("USA GBR AUS", "technology", "issue", 2021, None),
    "ESD": ("USA JPN KOR", "technology", "issue", 2022, None),
    "CampDavid": ("USA JPN KOR", "dialogue", "broad", 2023, None),
    "MWDS": ("USA JPN KOR", "intelligence", "issue", 2023, None),
}
bad = []
if set(got) != set(exp): bad.append("ids: %s" % sorted(set(got) ^ set(exp)))
for i, (mem, kind, scope, since, until) in exp.items():
    m = got.get(i)
    if not m: continue
    have = (sorted(m["members"]), m["kind"], m["scope"], m["since"], m["until"])
    want = (sorted(mem.split()), kind, scope, since, until)
    if have != want: bad.append("%s: %s, expected %s" % (i, have, want))
for b in bad: print(b)
sys.exit(1 if bad else 0)
PY
# Pakistan leaves SEATO in 1973; the other members stay to the end.
"$HUBSPOKE" info "$gv" --year 1972 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="SEATO"][0]; sys.exit("PAK" not in m["members"])' && pass || fail "PAK not in SEATO in 1972"
"$HUBSPOKE" info "$gv" --year 1973 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="SEATO"][0]; sys.exit("PAK" in m["members"] or len(m["members"]) != 7)' && pass || fail "SEATO members in 1973"

# 4. Roles by year (docs/data.md, "The states").
check_roles() { # year role ids...
  local y=$1 r=$2; shift 2
  "$HUBSPOKE" info "$gml" --year "$y" --format json |
    $py -c 'import json,sys; s=json.load(sys.stdin)["states"]; r=sys.argv[1]; miss=[i for i in sys.argv[2:] if i not in s.get(r, [])]; print(" ".join(miss)); sys.exit(1 if miss else 0)' "$r" "$@" > "$tmp/miss" &&
    pass || fail "$y: not $r: $(cat "$tmp/miss")"
}
check_roles 1951 ally GBR FRA
check_roles 1951 other JPN KOR AUS NZL THA TWN PAK
check_roles 1951 partner PHL
check_roles 1955 ally JPN KOR AUS NZL PHL THA GBR FRA TWN PAK
check_roles 1973 other PAK
check_roles 1979 ally TWN NZL
check_roles 1980 partner TWN SGP MYS
check_roles 1985 ally NZL
check_roles 1986 partner NZL
check_roles 1995 partner IND
check_roles 1999 other IDN VNM
check_roles 2011 partner VNM IDN IND
check_roles 2024 ally JPN KOR AUS PHL THA GBR FRA
check_roles 2024 partner NZL IND VNM TWN SGP IDN MYS
check_roles 2024 other PAK

finish
