#!/usr/bin/env bash
# End-to-end checks of `hubspoke compare` and `hubspoke whatif`: a compare row
# equals `metrics --year` for that year, files mix DOT and GraphML, started
# and ended mechanisms are the hand-counted ones, whatif's before/after values
# are hand-computed on a small system, bad edits are usage errors naming the
# option, and the --plot chart is checked as an image.
. "$(dirname "$0")/lib.sh"
tmp=$T
asia="$HS_SRC/graphs/asia-pacific.gv"

# 1. Every row of compare equals metrics --year for that year, on every
#    measure compare can print (the same seed and permutations for the E-I test).
"$HUBSPOKE" compare "$asia" --years 1951:2025 --measures all --permutations 200 --seed 7 --format json \
  > "$tmp/years.json" 2> "$tmp/err" || fail "compare --years 1951:2025 failed: $(cat "$tmp/err")"
[ -s "$tmp/err" ] && fail "compare wrote to stderr (not a terminal): $(cat "$tmp/err")" || pass
for y in $(seq 1951 2025); do
  "$HUBSPOKE" metrics "$asia" --year "$y" --permutations 200 --seed 7 --format json > "$tmp/m$y.json" ||
    fail "metrics --year $y failed"
done
diffs=$($py - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
rows = json.load(open(d + "/years.json"))
assert [r["year"] for r in rows] == list(range(1951, 2026)), "years"
out = []
for r in rows:
    m = json.load(open("%s/m%d.json" % (d, r["year"])))
    ref = dict(m["system"], **m["indices"])
    ref["hub"] = m["hub"]
    for k, v in r.items():
        if k in ("year", "mechanisms_started", "mechanisms_ended", "note"):
            continue
        if k not in ref:
            out.append("%d: %s not a metrics key" % (r["year"], k))
        elif ref[k] != v:
            out.append("%d: %s compare %r metrics %r" % (r["year"], k, v, ref[k]))
print("\n".join(out[:10]))
PY
)
[ -z "$diffs" ] && pass || fail "compare rows differ from metrics: $diffs"

# The CSV holds the same values as the JSON (RFC 4180: CRLF, header first).
"$HUBSPOKE" compare "$asia" --years 1951:2025 --measures all --permutations 200 --seed 7 --format csv > "$tmp/years.csv"
same=$($py - "$tmp/years.json" "$tmp/years.csv" <<'PY'
import csv, json, sys
rows = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], newline="").read()
assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
table = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(table) == len(rows)
for r, c in zip(rows, table):
    assert list(c) == list(r), (list(c), list(r))
    for k, v in r.items():
        if isinstance(v, list): assert json.loads(c[k]) == v, k  # a JSON array in the cell
        elif v is None: assert c[k] == "", k
        elif isinstance(v, bool): assert c[k] == ("true" if v else "false"), k
        elif isinstance(v, (int, float)): assert float(c[k]) == v, (k, c[k], v)
        else: assert c[k] == v, k
print("same")
PY
)
[ "$same" = same ] && pass || fail "compare CSV and JSON disagree"

# 2. Started and ended mechanisms. The expectation is worked out here from
#    the mechanisms' dates as `info` lists them (the dataset grows; the rule
#    does not): started = since in (previous row's year, this year], ended
#    the same for until, in file order; the mechanisms column counts those
#    with since <= year < until.
"$HUBSPOKE" info "$asia" --format json > "$tmp/info.json"
expect_rows() { # years...
  $py - "$tmp/info.json" "$@" <<'PY'
import json, sys
mechs = json.load(open(sys.argv[1]))["mechanisms"]
years = [int(y) for y in sys.argv[2:]]
lo, hi = -10**9, 10**9
for i, y in enumerate(years):
    prev = years[i - 1] if i else y - 1
    since = lambda m: m["since"] if m["since"] is not None else lo
    until = lambda m: m["until"] if m["until"] is not None else hi
    active = sum(1 for m in mechs if since(m) <= y < until(m))
    started = " ".join(m["id"] for m in mechs if m["since"] is not None and prev < m["since"] <= y)
    ended = " ".join(m["id"] for m in mechs if m["until"] is not None and prev < m["until"] <= y)
    print("%d,%d,%s,%s" % (y, active, started, ended), end="|")
PY
}
# year,mechanisms,started,ended of compare's CSV, the lists (JSON arrays in
# their cells) joined by spaces.
started_ended() {
  $py -c '
import csv, json, sys
for r in csv.DictReader(sys.stdin):
    print("%s,%s,%s,%s" % (r["year"], r["mechanisms"], " ".join(json.loads(r["mechanisms_started"])),
                           " ".join(json.loads(r["mechanisms_ended"]))), end="|")'
}
got=$("$HUBSPOKE" compare "$asia" --years 1951:2025:5 --format csv --measures mechanisms | started_ended)
want=$(expect_rows $(seq 1951 5 2025))
[ "$got" = "$want" ] && pass || fail "started/ended: got '$got' want '$want'"
# Something must have started and ended for the check to mean anything.
case $want in *,*[A-Za-z]*,*[A-Za-z]*"|"*) pass ;; *) fail "the dataset has no mechanism ending within 1951-2025" ;; esac
got=$("$HUBSPOKE" compare "$asia" --years 1990,2004,2017,2025 --format csv --measures mechanisms | started_ended)
want=$(expect_rows 1990 2004 2017 2025)
[ "$got" = "$want" ] && pass || fail "--years list: got '$got' want '$want'"

# 3. Files: one row per file, DOT and GraphML mixed; period from the graph
#    attribute, else the file name; started/ended against the file before
#    (worked out from `info --year 2023` of each file).
sed '/period=/d' "$asia" > "$tmp/noperiod.gv"
ujr="$HS_SRC/graphs/us-japan-rok.graphml"
"$HUBSPOKE" compare "$asia" "$HS_SRC/graphs/asia-pacific.graphml" "$tmp/noperiod.gv" "$ujr" --year 2023 --format json \
  > "$tmp/files.json" || fail "compare files failed"
"$HUBSPOKE" info "$asia" --year 2023 --format json > "$tmp/i1.json"
"$HUBSPOKE" info "$ujr" --year 2023 --format json > "$tmp/i2.json"
res=$($py - "$tmp/files.json" "$tmp/i1.json" "$tmp/i2.json" 2>&1 <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
i1, i2 = json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
assert [r["period"] for r in rows] == [i1["period"], i1["period"], "noperiod.gv", i2["period"]], [r["period"] for r in rows]
a, b, c, d = rows
strip = lambda r: {k: v for k, v in r.items() if k not in ("file", "period")}
assert strip(a) == strip(b) == strip(c), "DOT and GraphML rows differ"
m1 = [m["id"] for m in i1["mechanisms"]]
m2 = [m["id"] for m in i2["mechanisms"]]
assert d["mechanisms_started"] == [m for m in m2 if m not in m1], d
assert d["mechanisms_ended"] == [m for m in m1 if m not in m2], d
assert d["allies"] == len(i2["states"]["ally"]) and d["states"] == i2["counts"]["states"] and d["year"] == 2023
print("ok")
PY
)
[ "$res" = ok ] && pass || fail "compare files: $res"

# 4. whatif on a hand-computed system: hub H, allies A and B (treaties, depth
#    1), A-B intelligence (5/7), partner P (partnership with H, 2/7).
#    Before: K = 0 (the one ally-ally tie is bare), U = 2 / (2 + 2 x 5/7) = 7/12,
#    C = I/(I+E) = 3/4. --drop-tie A-B: K null (no ally-ally tie), U = 1,
#    C = 2/3. --add-tie H-P:treaty makes P an ally whose hub ties are the treaty
#    (1, P -> H) and the partnership (2/7, both ways): K = 0,
#    U = (3 + 2/7) / (3 + 2/7 + 10/7), C = 1.
cat > "$tmp/small.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <key id="h" for="graph" attr.name="hub" attr.type="string"/>
  <graph edgedefault="undirected"><data key="h">H</data>
    <edge source="A" target="H"><data key="k">treaty</data></edge>
    <edge source="B" target="H"><data key="k">treaty</data></edge>
    <edge source="A" target="B"><data key="k">intelligence</data></edge>
    <edge source="P" target="H"><data key="k">partnership</data></edge>
  </graph>
</graphml>
XML
check_whatif() { # edit-args... -- K U C allies
  local args=() ; while [ "$1" != -- ]; do args+=("$1"); shift; done; shift
  "$HUBSPOKE" whatif "$tmp/small.graphml" "${args[@]}" --format json > "$tmp/w.json" 2> "$tmp/err" ||
    { fail "whatif ${args[*]}: $(cat "$tmp/err")"; return; }
  r=$($py - "$tmp/w.json" "$@" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
k, u, c, allies = (eval(x) for x in sys.argv[2:6])
b, a, d = w["before"], w["after"], w["difference"]
close = lambda x, y: (x is None and y is None) or (x is not None and y is not None and abs(x - y) < 1e-12)
assert close(b["coordination"], 0.0) and close(b["unidirectionality"], 7 / 12) and close(b["closedness"], 0.75), b
assert close(a["coordination"], k) and close(a["unidirectionality"], u) and close(a["closedness"], c), a
assert a["allies"] == allies, a
for key in ("coordination", "unidirectionality", "closedness", "ties"):
    want = None if a[key] is None or b[key] is None else a[key] - b[key]
    assert close(d[key], want), key
print("ok")
PY
)
  [ "$r" = ok ] && pass || fail "whatif ${args[*]}: $r"
}
check_whatif --drop-tie A-B -- None 1 "2/3" 2
check_whatif --drop-tie B-A -- None 1 "2/3" 2
check_whatif --add-tie H-P:treaty -- 0 "23/33" 1 3
check_whatif --drop-state B -- None 1 "1/2" 1
# The edits apply in order: an added tie dropped again leaves the system as it was.
check_whatif --add-tie A-P:dialogue --drop-tie P-A -- 0 "7/12" 0.75 2

# The typology before and after: before is what `classify` says for the year;
# a dropped mechanism is not active after (null, changed); the others keep
# the type classify gives them when that mechanism is left out of the file.
"$HUBSPOKE" whatif "$asia" --year 2023 --drop-mechanism TISA --measures ties --format json > "$tmp/w.json" &&
  "$HUBSPOKE" classify "$asia" --year 2023 --format json > "$tmp/c.json" &&
  sed '/subgraph cluster_TISA/,/}/d' "$asia" > "$tmp/notisa.gv" &&
  "$HUBSPOKE" classify "$tmp/notisa.gv" --year 2023 --format json > "$tmp/c2.json" || fail "whatif/classify failed"
res=$($py - "$tmp/w.json" "$tmp/c.json" "$tmp/c2.json" <<'PY'
import json, sys
w, c, c2 = (json.load(open(f)) for f in sys.argv[1:4])
types = {m["id"]: m["type"] or "unclassified" for m in c["mechanisms"]}
types2 = {m["id"]: m["type"] or "unclassified" for m in c2["mechanisms"]}
got = {m["id"]: m for m in w["mechanisms"]}
assert set(got) == set(types), (set(got), set(types))
for i, m in got.items():
    assert m["before"] == types[i], (i, m, types[i])
    if i == "TISA":
        assert m["after"] is None and m["changed"] is True, m
    else:
        assert m["after"] == types2[i] and m["changed"] == (types[i] != types2[i]), (i, m, types2[i])
print("ok")
PY
)
[ "$res" = ok ] && pass || fail "whatif types: $res"

# --focus: a compare row of the subsystem equals metrics --focus; the
# mechanisms started are those of the subsystem (info --focus) started since
# the row before.
"$HUBSPOKE" compare "$asia" --years 2016,2023 --focus USA,JPN,KOR --measures all --permutations 0 --format json > "$tmp/fy.json"
"$HUBSPOKE" metrics "$asia" --year 2023 --focus USA,JPN,KOR --permutations 0 --format json > "$tmp/fm.json"
"$HUBSPOKE" info "$asia" --year 2023 --focus USA,JPN,KOR --format json > "$tmp/fi.json"
res=$($py - "$tmp/fy.json" "$tmp/fm.json" "$tmp/fi.json" 2>&1 <<'PY'
import json, sys
rows, m, info = (json.load(open(f)) for f in sys.argv[1:4])
ref = dict(m["system"], **m["indices"])
r = rows[1]
bad = [k for k in r if k not in ("year", "hub", "mechanisms_started", "mechanisms_ended", "note") and r[k] != ref[k]]
assert not bad, bad
want = [x["id"] for x in info["mechanisms"] if x["since"] is not None and 2016 < x["since"] <= 2023]
assert r["mechanisms_started"] == want and want, (r["mechanisms_started"], want)
assert r["states"] == 3
print("ok")
PY
)
[ "$res" = ok ] && pass || fail "compare --focus: $res"

# 5. Usage errors: exit 2, one line naming the option, nothing on stdout.
usage() { # expected-stderr-substring args...
  local want=$1; shift
  "$HUBSPOKE" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?
  if [ $rc -ne 2 ] || [ -s "$tmp/out" ] || ! grep -qF -- "$want" "$tmp/err" || [ "$(wc -l < "$tmp/err")" -ne 1 ]; then
    fail "$* -> rc $rc, stderr '$(cat "$tmp/err")', want '$want'"
  else pass; fi
}
usage "edit 1 (drop tie): 'Z' names no state or mechanism" whatif "$tmp/small.graphml" --drop-tie A-Z
usage "edit 1 (drop tie): no active tie between 'A' and 'P'" whatif "$tmp/small.graphml" --drop-tie A-P
usage "edit 1 (drop state): 'Q' names no state" whatif "$tmp/small.graphml" --drop-state Q
usage "edit 1 (drop mechanism): 'A' names no mechanism" whatif "$tmp/small.graphml" --drop-mechanism A
usage "edit 1 (add member): 'Qua' names no mechanism" whatif "$asia" --year 2023 --add-member VNM:Qua
usage "edit 1 (add member): state 'VNM' is already dropped" whatif "$asia" --year 2010 --focus USA,JPN --add-member VNM:Quad
usage "'friend' is not a kind of tie" whatif "$tmp/small.graphml" --add-tie A-B:friend
usage "--drop-tie 'AB': expected two ids" whatif "$tmp/small.graphml" --drop-tie AB
usage "no edit" whatif "$tmp/small.graphml"
usage "--years: the range '2000:1990' is reversed: it runs from 2000 back to 1990; write 1990:2000" compare "$asia" --years 2000:1990
usage "--years: '19x0' is not a year or a range" compare "$asia" --years 19x0
usage "--measures: 'kuc' is not a measure" compare "$asia" --years 2000:2001 --measures allies,kuc
usage "x.gif': the name must end in .svg, .png or .pdf" compare "$asia" --years 2000:2001 --plot "$tmp/x.gif"
usage "not 2 files" compare "$asia" "$asia" --years 2000:2001
usage "hub 'NOPE' names no state" compare "$asia" --years 2000:2001 --hub NOPE
"$HUBSPOKE" compare "$tmp/missing.gv" --years 2000:2001 > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] && [ ! -s "$tmp/out" ] && pass || fail "a missing file is not exit 1"

# 6. Every key compare and whatif print is defined in docs/metrics.md or
#    docs/compare.md (as `key`).
"$HUBSPOKE" compare "$asia" "$HS_SRC/graphs/us-japan-rok.graphml" --measures all --permutations 10 --format json \
  > "$tmp/f.json"
"$HUBSPOKE" whatif "$asia" --year 2023 --drop-tie USA-Quad --measures all --permutations 10 --format json > "$tmp/w.json"
missing=$($py - "$tmp/years.json" "$tmp/f.json" "$tmp/w.json" "$HS_SRC/docs/metrics.md" "$HS_SRC/docs/compare.md" <<'PY'
import json, sys
doc = open(sys.argv[4]).read() + open(sys.argv[5]).read()
keys = set()
for f in sys.argv[1:3]:
    for r in json.load(open(f)): keys |= set(r)
w = json.load(open(sys.argv[3]))
keys |= set(w) | set(w["before"]) | set(w["difference"])
for m in w["mechanisms"]: keys |= set(m)
for e in w["edits"]: keys |= set(e)
print(" ".join(sorted(k for k in keys if "`%s`" % k not in doc)))
PY
)
[ -z "$missing" ] && pass || fail "keys not defined in the docs: $missing"
"$HUBSPOKE" whatif "$asia" --year 2023 --drop-tie USA-Quad --format csv | tr -d '\r' | head -1 |
  grep -qx "year,scenario,measure,before,after,difference" &&
  grep -qF '`year,scenario,measure,before,after,difference`' "$HS_SRC/docs/compare.md" &&
  pass || fail "whatif CSV header not as documented"

# 7. --help to stdout, exit 0.
for c in compare whatif; do
  "$HUBSPOKE" "$c" --help > "$tmp/out" && grep -q "^SYNOPSIS" "$tmp/out" && pass || fail "$c --help"
done

# 8. The chart: written atomically, in the format of its extension, read as an image.
if command -v gnuplot > /dev/null; then
  mkdir "$tmp/plots"
  for ext in svg png pdf; do
    "$HUBSPOKE" compare "$asia" --years 1951:2025 --plot "$tmp/plots/kuc.$ext" --quiet > /dev/null 2> "$tmp/err" ||
      fail "--plot kuc.$ext: $(cat "$tmp/err")"
  done
  [ "$(ls -A "$tmp/plots" | sort | tr '\n' ' ')" = "kuc.pdf kuc.png kuc.svg " ] && pass ||
    fail "plot directory holds $(ls -A "$tmp/plots")"
  head -c 5 "$tmp/plots/kuc.pdf" | grep -q '%PDF-' && pass || fail "kuc.pdf is not a PDF"
  # SVG: the three series and every mechanism start labelled with its ids
  # (file order) and year.
  labels=$($py - "$tmp/info.json" <<'PY'
import json, sys
starts = {}
for m in json.load(open(sys.argv[1]))["mechanisms"]:
    if m["since"] is not None and 1951 <= m["since"] <= 2025:
        starts.setdefault(m["since"], []).append(m["id"])
for y, ids in sorted(starts.items()):
    print("%s %d" % (" ".join(ids), y))
PY
)
  [ "$(echo "$labels" | wc -l)" -ge 5 ] && pass || fail "too few mechanism starts to check: $labels"
  # Ends too, marked apart ("end IDS YEAR"): SEATO's in 1977 explains U's jump.
  ends=$($py - "$tmp/info.json" <<'PY'
import json, sys
ends = {}
for m in json.load(open(sys.argv[1]))["mechanisms"]:
    if m["until"] is not None and 1951 < m["until"] <= 2025:
        ends.setdefault(m["until"], []).append(m["id"])
for y, ids in sorted(ends.items()):
    print("end %s %d" % (" ".join(ids), y))
PY
)
  echo "$ends" | grep -qx "end SEATO 1977" && pass || fail "no SEATO end to check: $ends"
  while IFS= read -r want; do
    grep -qF ">$want<" "$tmp/plots/kuc.svg" && pass || fail "kuc.svg lacks '$want'"
  done <<< "K coordination
U unidirectionality
C closedness
index (0 to 1)
mechanism started
mechanism ended
$labels
$ends"
  # Physical size: 10 in wide, in points.
  grep -q 'width="720pt" height="403pt"' "$tmp/plots/kuc.svg" && pass || fail "kuc.svg: $(grep -m1 -o 'width="[^"]*" height="[^"]*"' "$tmp/plots/kuc.svg")"
  # The chart's options: a single column at 7 pt in greys. Exactly that
  # size, no text below 7 pt, and no colour (every stroke and fill grey).
  "$HUBSPOKE" compare "$asia" --years 1990:2025 --plot "$tmp/col.svg" --width 3.5in --font-size 7 --greyscale \
    --quiet > /dev/null && grep -q 'width="252pt" height="141pt"' "$tmp/col.svg" && pass ||
    fail "col.svg: $(grep -m1 -o 'width="[^"]*" height="[^"]*"' "$tmp/col.svg")"
  sizes=$(grep -o 'font-size="[0-9.]*"' "$tmp/col.svg" | tr -dc '0-9.\n' | sort -n | uniq | tr '\n' ' ')
  [ "${sizes%% *}" = 7.00 ] && pass || fail "col.svg: font sizes $sizes (7 pt asked)"
  colours=$(grep -o "rgb([ 0-9]*,[ 0-9]*,[ 0-9]*)" "$tmp/col.svg" | tr -d ' ' | sort -u |
    awk -F'[(,)]' '$2 != $3 || $3 != $4' | tr '\n' ' ')
  [ -z "$colours" ] && pass || fail "col.svg: colours in --greyscale: $colours"
  "$HUBSPOKE" compare "$asia" --years 1990:2025 --plot "$tmp/colour.svg" --quiet > /dev/null &&
    grep -q "rgb( 27, 108, 168)" "$tmp/colour.svg" && pass || fail "colour.svg: K not in its colour (the greyscale check means nothing)"
  # A measure on -1 to 1 (the E-I index) widens the axis and its label.
  "$HUBSPOKE" compare "$asia" --years 1951:2025 --measures ei_index --plot "$tmp/ei.svg" --quiet > /dev/null &&
    grep -qF ">index or measure (-1 to 1)<" "$tmp/ei.svg" && pass || fail "ei.svg: no -1 to 1 axis"
  # The right-hand axis names the units of what it carries: a sum of depths
  # is not a count; two units, each once.
  "$HUBSPOKE" compare "$asia" --years 1990:2025 --measures hub_tie_weight --plot "$tmp/depth.svg" --quiet > /dev/null &&
    grep -qF ">depth<" "$tmp/depth.svg" && ! grep -qF ">count<" "$tmp/depth.svg" && pass ||
    fail "depth.svg: right-hand axis $(grep -o '>[a-z, ]*<' "$tmp/depth.svg" | grep -E 'depth|count|states' | head -2)"
  "$HUBSPOKE" compare "$asia" --years 1990:2025 --measures hub_tie_weight,states,allies --plot "$tmp/units.svg" --quiet > /dev/null &&
    grep -qF ">depth, states<" "$tmp/units.svg" && pass || fail "units.svg: right-hand axis not 'depth, states'"
  # Rows that are files are points, not a line: no path in K's colour.
  "$HUBSPOKE" compare "$asia" "$HS_SRC/graphs/us-japan-rok.gv" --plot "$tmp/files.svg" > /dev/null &&
    grep -q "color='rgb( 27, 108, 168)'" "$tmp/files.svg" && ! grep -q "<path stroke='rgb( 27, 108, 168)'" "$tmp/files.svg" &&
    pass || fail "files.svg: K drawn as a line between files"
  if $py -c 'import PIL' 2> /dev/null; then
    res=$($py - "$tmp/plots/kuc.png" <<'PY'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
assert im.size == (1920, 1075), im.size  # 720 x 403 pt at 192 dpi
px = im.load()
count = {}
for x in range(im.size[0]):
    for y in range(im.size[1]):
        count[px[x, y]] = count.get(px[x, y], 0) + 1
# The K, U and C lines in their colours, the dashed grey starts and the
# dotted red ends.
for name, rgb in (("K", (0x1b, 0x6c, 0xa8)), ("U", (0xd1, 0x49, 0x5b)), ("C", (0x2e, 0x93, 0x3c)), ("starts", (0x99, 0x99, 0x99)),
                  ("ends", (0xb2, 0x18, 0x2b))):
    assert count.get(rgb, 0) > 150, (name, count.get(rgb, 0))
# Mostly white background: a chart, not a blank or black image.
assert count.get((255, 255, 255), 0) > 0.7 * 1920 * 1075
print("ok")
PY
)
    [ "$res" = ok ] && pass || fail "kuc.png does not look like the chart: $res"
  fi
  # A failed run leaves nothing behind: gnuplot missing (empty PATH).
  PATH=/nonexistent "$HUBSPOKE" compare "$asia" --years 2000:2001 --plot "$tmp/plots/none.svg" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  [ $rc -eq 1 ] && grep -q "gnuplot-nox" "$tmp/err" && [ ! -s "$tmp/out" ] && pass || fail "no gnuplot: rc $rc $(cat "$tmp/err")"
  [ "$(ls -A "$tmp/plots" | wc -l)" -eq 3 ] && pass || fail "a failed plot left files: $(ls -A "$tmp/plots")"
else
  echo "note: gnuplot absent, --plot not checked"
fi

finish
