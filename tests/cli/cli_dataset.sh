#!/usr/bin/env bash
# The curated dataset graphs/asia-pacific.{gv,graphml} (docs/data.md):
# 1. both syntaxes give byte-identical `info --format json` in every year
#    from 1945 to 2026 and for the union over time, and the file carries a
#    version and a date;
# 2. every tie other than membership has a kind, a since, a source and an
#    element (its coding unit), and every mechanism a kind, a scope, an issue,
#    a since and a label (read from the GraphML with the standard library,
#    independently of hubspoke);
# 3. provenance: every state, tie and mechanism has a `source` or an
#    `unverified` reason (docs/schema.md, "Provenance"); the counts are
#    printed, docs/data.md's "Unverified facts" lists exactly the elements
#    marked `unverified` and gives their number, and a copy of the file with
#    one tie stripped of both fails the check;
# 4. the mechanisms docs/data.md lists exist with their members and years, and
#    with the kind and scope of the resolved coding (graphs/coding/resolved.csv);
# 5. the coding shipped is the resolved coding: scripts/apply-coding with
#    resolved.csv changes nothing, each coder's file applies to every element,
#    and scripts/kappa gives the agreement docs/data.md reports;
# 6. the roles docs/data.md states in its table of states come out of the
#    schema's role inference in the years it names.
# One line per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
tmp=$T
gv=$HS_SRC/graphs/asia-pacific.gv
gml=$HS_SRC/graphs/asia-pacific.graphml

# 1. Identical content in both syntaxes.
for y in "" $(seq 1945 2026); do
  "$H" info "$gv" ${y:+--year $y} --format json > "$tmp/a.json" 2>&1 || { fail "info $gv $y"; continue; }
  "$H" info "$gml" ${y:+--year $y} --format json > "$tmp/b.json" 2>&1 || { fail "info $gml $y"; continue; }
  cmp -s "$tmp/a.json" "$tmp/b.json" && pass || fail "year '${y:-all}': .gv and .graphml differ"
done

"$H" info "$gv" | grep -qx 'version     [0-9][0-9.]* ([0-9-]*)' && pass || fail "info prints no version (date) line"

# The GraphML read with the standard library, independently of hubspoke: the
# elements and their attributes (used by checks 2 and 3).
cat > "$tmp/gml.py" <<'PY'
import xml.etree.ElementTree as ET
NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
def elements(path):
    """(states, mechanisms, ties): lists of (id, attrs); ties exclude memberships."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.findall("g:key", NS)}
    def attrs(el, kind):
        return {keys[d.get("key")][1]: (d.text or "") for d in el.findall("g:data", NS)
                if keys[d.get("key")][0] in (kind, "all")}
    g = root.find("g:graph", NS)
    states, mechs, ties = [], [], []
    for n in g.findall("g:node", NS):
        a = attrs(n, "node")
        (mechs if a.get("type") == "mechanism" else states).append((n.get("id"), a))
    ids = {m for m, _ in mechs}
    for e in g.findall("g:edge", NS):
        a = attrs(e, "edge")
        if a.get("kind") == "member" or e.get("target") in ids or e.get("source") in ids:
            continue
        ties.append(("%s-%s" % (e.get("source"), e.get("target")), a))
    return states, mechs, ties
PY

# 2. Every element dated, sourced and tied to its coding unit.
$py - "$gml" "$tmp" <<'PY' && pass || fail "undated or unsourced elements"
import sys; sys.path.insert(0, sys.argv[2]); from gml import elements
states, mechs, ties = elements(sys.argv[1])
errors = []
for i, a in mechs:
    for k in ("kind", "scope", "issue", "since", "label"):
        if not a.get(k): errors.append("mechanism %s has no %s" % (i, k))
for i, a in ties:
    for k in ("kind", "since", "source", "element"):
        if not a.get(k): errors.append("tie %s has no %s" % (i, k))
    if a.get("until") and a.get("since") and int(a["until"]) <= int(a["since"]):
        errors.append("tie %s ends before it starts" % i)
for m in errors: print(m)
sys.exit(1 if errors else 0)
PY

# 3. Provenance: a source, an unverified reason, or both, on every element;
# the counts are printed, and docs/data.md's list of unverified facts names
# exactly the coding units that carry `unverified`, with their number.
cat > "$tmp/prov.py" <<'PY'
import re, sys; sys.path.insert(0, sys.argv[2]); from gml import elements
groups = dict(zip(("states", "mechanisms", "ties"), elements(sys.argv[1])))
neither = []
for what, items in groups.items():
    s = sum(bool(a.get("source")) for _, a in items)
    u = sum(bool(a.get("unverified")) for _, a in items)
    b = sum(bool(a.get("source")) and bool(a.get("unverified")) for _, a in items)
    print("  provenance: %-10s %3d with source, %3d unverified (%d of them with a source too)" % (what, s, u, b))
    neither += ["%s %s" % (what, i) for i, a in items if not a.get("source") and not a.get("unverified")]
for x in neither: print("no source, no unverified: " + x)
units = {a["element"] for _, a in groups["ties"]} | {i for i, _ in groups["mechanisms"]}
unv = {a["element"] for _, a in groups["ties"] if a.get("unverified")}
unv |= {i for i, a in groups["mechanisms"] if a.get("unverified")}
unv_states = {i for i, a in groups["states"] if a.get("unverified")}
print("  provenance: %d coding units, %d with an unverified fact; %d states, %d unverified"
      % (len(units), len(unv), len(groups["states"]), len(unv_states)))
bad = list(neither)
if len(sys.argv) > 3:
    doc = open(sys.argv[3], encoding="utf-8").read()
    sec = doc[doc.index("## Unverified facts"):doc.index("## Where sources disagree")]
    listed = set(re.findall(r"^- \*\*([^*]+)\*\*", sec, re.M))
    if listed != unv | unv_states:
        bad.append("docs/data.md lists %s, the file marks %s" % (sorted(listed - unv - unv_states), sorted((unv | unv_states) - listed)))
    m = re.search(r"\((\d+) of the (\d+) coding units", sec)
    if not m or (int(m.group(1)), int(m.group(2))) != (len(unv), len(units)):
        bad.append("docs/data.md says %s, the file has %d of %d" % (m and m.group(0), len(unv), len(units)))
for x in bad[len(neither):]: print(x)
sys.exit(1 if bad else 0)
PY
$py "$tmp/prov.py" "$gml" "$tmp" "$HS_SRC/docs/data.md" && pass || fail "provenance: elements with neither source nor unverified, or docs/data.md's list is not the file's"
# ... and the check fails on an element with neither (the source and unverified
# of one tie removed).
$py - "$gml" "$tmp/nosource.graphml" <<'PY'
import sys, xml.etree.ElementTree as ET
NS = "http://graphml.graphdrawing.org/xmlns"; ET.register_namespace("", NS)
t = ET.parse(sys.argv[1]); root = t.getroot()
keys = {k.get("id") for k in root.findall("{%s}key" % NS) if k.get("attr.name") in ("source", "unverified")}
e = next(e for e in root.iter("{%s}edge" % NS)
         if any(d.get("key") in keys for d in e.findall("{%s}data" % NS)) and
            not any(d.text == "member" for d in e.findall("{%s}data" % NS)))
for d in [d for d in e.findall("{%s}data" % NS) if d.get("key") in keys]: e.remove(d)
t.write(sys.argv[2], xml_declaration=True, encoding="UTF-8")
PY
$py "$tmp/prov.py" "$tmp/nosource.graphml" "$tmp" > "$tmp/prov.out"
[ $? -eq 1 ] && grep -q '^no source, no unverified: ties ' "$tmp/prov.out" && pass || fail "an unsourced tie passes the provenance check: $(tail -2 "$tmp/prov.out")"

# 4. The mechanisms and their spells (docs/data.md, "Mechanisms"), coded as
# graphs/coding/resolved.csv says.
"$H" info "$gml" --format json > "$tmp/all.json" || fail "info union"
$py - "$tmp/all.json" "$HS_SRC/graphs/coding/resolved.csv" <<'PY' && pass || fail "mechanisms differ from docs/data.md"
import csv, json, sys
got = {m["id"]: m for m in json.load(open(sys.argv[1]))["mechanisms"]}
coded = {r["element_id"]: r for r in csv.DictReader(open(sys.argv[2]))}
exp = {  # id: (members, since, until)
    "ANZAM": ("AUS NZL GBR", 1950, 1957),
    "ANZUK": ("AUS NZL GBR", 1971, 1974),
    "AUKUS": ("USA GBR AUS", 2021, None),
    "CampDavid": ("USA JPN KOR", 2023, None),
    "DTT": ("USA JPN KOR", 2008, None),
    "ESD": ("USA JPN KOR", 2022, None),
    "FAI": ("FRA AUS IND", 2020, None),
    "FESR": ("GBR AUS NZL", 1955, 1971),
    "FPDA": ("GBR AUS NZL MYS SGP", 1971, None),
    "FiveEyes": ("USA GBR CAN AUS NZL", 1946, None),
    "GCAP": ("JPN GBR ITA", 2022, None),
    "JPNAUSIND": ("JPN AUS IND", 2015, None),
    "MSP": ("IDN MYS SGP THA", 2004, None),
    "MWDS": ("USA JPN KOR", 2023, None),
    "OurEyes": ("IDN BRN MYS PHL SGP THA", 2018, None),
    "PacificQuad": ("USA AUS NZL FRA", 1998, None),
    "Quad": ("USA JPN AUS IND", 2017, None),
    "Quad1": ("USA JPN AUS IND", 2007, 2008),
    "SEATO": ("USA GBR FRA AUS NZL PHL THA PAK", 1955, 1977),
    "Squad": ("USA JPN AUS PHL", 2023, None),
    "TCA": ("IDN MYS PHL", 2017, None),
    "TCOG": ("USA JPN KOR", 1999, 2004),
    "TISA": ("USA JPN KOR", 2014, None),
    "TSD": ("USA JPN AUS", 2002, None),
    "USJPNIND": ("USA JPN IND", 2011, None),
    "USJPNPHL": ("USA JPN PHL", 2023, None),
}
bad = []
if set(got) != set(exp): bad.append("ids: %s" % sorted(set(got) ^ set(exp)))
for i, (mem, since, until) in exp.items():
    m = got.get(i)
    if not m: continue
    have = (sorted(m["members"]), m["kind"], m["scope"], m["since"], m["until"])
    want = (sorted(mem.split()), coded[i]["kind"], coded[i]["scope"], since, until)
    if have != want: bad.append("%s: %s, expected %s" % (i, have, want))
for b in bad: print(b)
sys.exit(1 if bad else 0)
PY
# Pakistan leaves SEATO in 1973; the other members stay to the end.
"$H" info "$gv" --year 1972 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="SEATO"][0]; sys.exit("PAK" not in m["members"])' && pass || fail "PAK not in SEATO in 1972"
"$H" info "$gv" --year 1973 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="SEATO"][0]; sys.exit("PAK" in m["members"] or len(m["members"]) != 7)' && pass || fail "SEATO members in 1973"

"$H" info "$gv" --year 1955 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="FiveEyes"][0]; sys.exit(sorted(m["members"]) != ["CAN","GBR","USA"])' && pass || fail "Five Eyes members in 1955"
"$H" info "$gv" --year 2008 --format json | $py -c 'import json,sys; m=[m for m in json.load(sys.stdin)["mechanisms"] if m["id"]=="MSP"][0]; sys.exit("THA" in m["members"])' && pass || fail "THA in the MSP in 2008"

# 5. The coding shipped is the resolved coding; the coder files apply; the
# agreement is the one docs/data.md reports.
coding=$HS_SRC/graphs/coding
$py "$HS_SRC/scripts/apply-coding" "$gml" "$coding/resolved.csv" "$tmp/resolved.graphml" 2> "$tmp/err" && pass || fail "apply-coding resolved.csv: $(cat "$tmp/err")"
for y in "" 1955 1990 2024; do
  "$H" info "$tmp/resolved.graphml" ${y:+--year $y} --format json > "$tmp/r.json" 2>&1
  "$H" info "$gml" ${y:+--year $y} --format json > "$tmp/g.json" 2>&1
  cmp -s "$tmp/r.json" "$tmp/g.json" && pass || fail "year '${y:-all}': the file is not coded as resolved.csv"
done
for c in a b; do
  $py "$HS_SRC/scripts/apply-coding" "$gml" "$coding/coder-$c.csv" "$tmp/coder-$c.graphml" 2> "$tmp/err" &&
    "$H" info "$tmp/coder-$c.graphml" --format json > /dev/null && pass || fail "coder-$c.csv does not apply: $(cat "$tmp/err")"
done
$py "$HS_SRC/scripts/kappa" "$coding/coder-a.csv" "$coding/coder-b.csv" --exclude INDFRAAUS > "$tmp/kappa" 2>&1
grep -q '^kind   n=175  agreement=0.994  expected=0.173  kappa=0.993  disagreements=1$' "$tmp/kappa" && pass || fail "kappa kind: $(head -1 "$tmp/kappa")"
grep -q '^scope  n=26  agreement=1.000  expected=0.527  kappa=1.000  disagreements=0$' "$tmp/kappa" && pass || fail "kappa scope: $(grep ^scope "$tmp/kappa")"
# kappa itself, on a case worked by hand: kind p_o=.8, p_e=.24, kappa=.56/.76=.737.
printf 'element_id,kind,scope,confidence,note\ne1,treaty,n/a,high,\ne2,access,n/a,high,\ne3,access,,medium,\ne4,dialogue,issue,high,\ne5,partnership,broad,low,"x, y"\n' > "$tmp/ka.csv"
printf 'element_id,kind,scope,confidence,note\ne1,treaty,n/a,high,\ne2,partnership,n/a,high,\ne3,access,,medium,\ne4,dialogue,broad,high,\ne5,partnership,broad,low,\n' > "$tmp/kb.csv"
$py "$HS_SRC/scripts/kappa" "$tmp/ka.csv" "$tmp/kb.csv" > "$tmp/k2" 2>&1; head -1 "$tmp/k2" | grep -q 'n=5  agreement=0.800  expected=0.240  kappa=0.737  disagreements=1$' && pass || fail "kappa on the hand-worked case"
# Every disagreement is resolved to one of the two coders' values.
$py - "$coding" <<'PY' && pass || fail "resolved.csv: a disagreement not in resolution.csv, or resolved to a third value"
import csv, sys
d = sys.argv[1]
a = {r["element_id"]: r for r in csv.DictReader(open(d + "/coder-a.csv"))}
b = {r["element_id"]: r for r in csv.DictReader(open(d + "/coder-b.csv"))}
res = {(r["element_id"], r["field"]): r for r in csv.DictReader(open(d + "/resolution.csv"))}
bad = []
for r in csv.DictReader(open(d + "/resolved.csv")):
    e = r["element_id"]
    for f in ("kind", "scope"):
        va, vb = a[e][f].strip(), b[e][f].strip()
        if va == vb:
            if r[f] != va: bad.append("%s %s: both coders %s, resolved %s" % (e, f, va, r[f]))
        elif (e, f) not in res or r[f] not in (va, vb) or res[(e, f)]["resolved"] != r[f]:
            bad.append("%s %s: %s / %s -> %s" % (e, f, va, vb, r[f]))
for x in bad: print(x)
sys.exit(1 if bad else 0)
PY

# 6. Roles by year (docs/data.md, "The states").
check_roles() { # year role ids...
  local y=$1 r=$2; shift 2
  "$H" info "$gml" --year "$y" --format json |
    $py -c 'import json,sys; s=json.load(sys.stdin)["states"]; r=sys.argv[1]; miss=[i for i in sys.argv[2:] if i not in s.get(r, [])]; print(" ".join(miss)); sys.exit(1 if miss else 0)' "$r" "$@" > "$tmp/miss" &&
    pass || fail "$y: not $r: $(cat "$tmp/miss")"
}
check_roles 1947 partner PHL GBR
check_roles 1951 ally GBR FRA CAN ITA
check_roles 1951 partner KOR AUS NZL PHL THA TWN
check_roles 1951 other JPN PAK
check_roles 1955 ally KOR AUS NZL PHL THA GBR FRA PAK TWN CAN ITA
check_roles 1955 partner JPN
check_roles 1960 ally JPN
check_roles 1962 partner IND MYS
check_roles 1971 partner SGP
check_roles 1979 ally TWN NZL PAK
check_roles 1980 other TWN
check_roles 1985 ally NZL
check_roles 1986 partner NZL
check_roles 1999 other IDN VNM BRN
check_roles 2008 partner IDN
check_roles 2010 partner VNM
check_roles 2018 partner BRN
check_roles 2025 ally JPN KOR AUS PHL THA GBR FRA PAK CAN ITA
check_roles 2025 partner NZL IND VNM SGP IDN MYS BRN
check_roles 2025 other TWN

finish
