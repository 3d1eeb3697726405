#!/usr/bin/env bash
# End-to-end checks of `hubspoke metrics`: every key it prints is defined in
# docs/metrics.md, the formats agree with each other, options do what they
# say, and hand-computed values come out on a small system.
. "$(dirname "$0")/lib.sh"
tmp=$T

cat > "$tmp/star.graphml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <key id="h" for="graph" attr.name="hub" attr.type="string"/>
  <graph edgedefault="undirected"><data key="h">H</data>
    <edge source="A" target="H"><data key="k">treaty</data></edge>
    <edge source="B" target="H"><data key="k">treaty</data></edge>
    <edge source="C" target="H"><data key="k">treaty</data></edge>
    <edge source="A" target="B"><data key="k">intelligence</data></edge>
    <edge source="P" target="H"><data key="k">partnership</data></edge>
  </graph>
</graphml>
XML

# 1. Every key of the JSON output is defined in docs/metrics.md (as `key`).
for g in "$tmp/star.graphml" "$HS_SRC"/graphs/*.gv "$HS_SRC"/graphs/*.graphml; do
  "$HUBSPOKE" metrics "$g" --format json > "$tmp/out.json" || { fail "metrics $g failed"; continue; }
  missing=$($py - "$tmp/out.json" "$HS_SRC/docs/metrics.md" <<'PY'
import json, re, sys
out = json.load(open(sys.argv[1]))
doc = open(sys.argv[2]).read()
keys = set(out) | set(out["indices"]) | set(out["system"])
for s in out["states"]: keys |= set(s)
for c in out["system"]["partner_cuts"]: keys |= set(c)
print(" ".join(sorted(k for k in keys if "`%s`" % k not in doc)))
PY
)
  if [ -n "$missing" ]; then fail "$g: keys not defined in docs/metrics.md: $missing"; else pass; fi
done

# 2. Hand-computed values on the star (docs/metrics.md, "Indices"):
#    intelligence 5/7, partnership 2/7 (docs/codebook.md):
#    U = 3 / (3 + 5/7 + 5/7); K = 0 (the one ally-ally tie is bare); C = 4
#    internal ties / 5 ties.
$py - "$HUBSPOKE" "$tmp/star.graphml" <<'PY' || fail "hand-computed indices"
import json, subprocess, sys
out = json.loads(subprocess.run([sys.argv[1], "metrics", sys.argv[2], "--format", "json"],
                                check=True, capture_output=True, text=True).stdout)
i, s = out["indices"], out["system"]
exp = {"unidirectionality": 21 / 31, "coordination": 0.0, "closedness": 4 / 5}
for k, v in exp.items():
    assert abs(i[k] - v) < 1e-12, (k, i[k], v)
assert abs(s["ei_index"] - (1 - 4) / 5) < 1e-12, s["ei_index"]
assert s["partners_tied_in"] == 1 and s["allies"] == 3 and s["partners"] == 1
cut = s["partner_cuts"]
assert len(cut) == 1 and cut[0]["partner"] == "P" and cut[0]["ties"] == [["H", "P"]], cut
assert abs(cut[0]["value"] - 2 / 7) < 1e-12, cut
assert s["articulation_points"] == ["H"] and s["bridges"] == [["H", "C"], ["H", "P"]] or \
       sorted(map(sorted, s["bridges"])) == [["C", "H"], ["H", "P"]], s["bridges"]
assert s["hub_brokerage_liaison"] == 6, s  # P-H-A, P-H-B, P-H-C, both directions
PY
pass

# 3. --codebook: a deeper intelligence tie lowers U as the formula says.
printf '{"ties": {"intelligence": 1.0}}\n' > "$tmp/cb.json"
u=$("$HUBSPOKE" metrics "$tmp/star.graphml" --codebook "$tmp/cb.json" --format json | $py -c 'import json,sys; print(json.load(sys.stdin)["indices"]["unidirectionality"])')
$py -c "import sys; sys.exit(abs($u - 3/5) > 1e-12)" && pass || fail "--codebook: U=$u, expected 0.6"
printf '{"ties": {"alliance": 1.0}}\n' > "$tmp/badcb.json"
err=$("$HUBSPOKE" metrics "$tmp/star.graphml" --codebook "$tmp/badcb.json" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && [[ "$err" == "hubspoke: $tmp/badcb.json: ties.alliance: unknown kind"* ]] && pass || fail "bad codebook: rc=$rc $err"

# 4. The permutation test: same seed, same p; --permutations 0 gives null.
p1=$("$HUBSPOKE" metrics "$HS_SRC/graphs/asia-pacific.gv" --seed 7 --format json | $py -c 'import json,sys; print(json.load(sys.stdin)["system"]["ei_p_closed"])')
p2=$("$HUBSPOKE" metrics "$HS_SRC/graphs/asia-pacific.gv" --seed 7 --format json | $py -c 'import json,sys; print(json.load(sys.stdin)["system"]["ei_p_closed"])')
[ "$p1" = "$p2" ] && pass || fail "--seed 7 gave $p1 then $p2"
p0=$("$HUBSPOKE" metrics "$HS_SRC/graphs/asia-pacific.gv" --permutations 0 --format json | $py -c 'import json,sys; print(json.load(sys.stdin)["system"]["ei_p_closed"])')
[ "$p0" = "None" ] && pass || fail "--permutations 0 gave p=$p0"

# 5. CSV: RFC 4180 (CRLF), the JSON names as columns, the same numbers as JSON.
$py - "$HUBSPOKE" "$HS_SRC/graphs/asia-pacific.gv" <<'PY' && pass || fail "CSV and JSON disagree"
import csv, io, json, math, subprocess, sys
run = lambda *a: subprocess.run([sys.argv[1], "metrics", sys.argv[2], "--year", "2023", *a],
                                check=True, capture_output=True).stdout.decode()
js = json.loads(run("--format", "json"))
states = run("--format", "csv")
assert states.endswith("\r\n") and "\r\n" in states
rows = list(csv.DictReader(io.StringIO(states, newline="")))
assert [r["name"] for r in rows] == [s["name"] for s in js["states"]]
for r, s in zip(rows, js["states"]):
    assert r["year"] == "2023"
    for k, v in s.items():
        if k == "name": continue
        if v is None: assert r[k] == "", (k, r[k])
        elif isinstance(v, str): assert r[k] == v
        else: assert math.isclose(float(r[k]), v, rel_tol=1e-12, abs_tol=1e-12), (k, r[k], v)
system = list(csv.DictReader(io.StringIO(run("--format", "csv", "--table", "system"), newline="")))
assert len(system) == 1
for k in ("coordination", "unidirectionality", "closedness"):
    assert math.isclose(float(system[0][k]), js["indices"][k], rel_tol=1e-12)
for k, v in js["system"].items():
    assert k in system[0], k
    if isinstance(v, float): assert math.isclose(float(system[0][k]), v, rel_tol=1e-12, abs_tol=1e-12), k
PY

# 6. info: every key of its JSON (top level, mechanisms, counts) is in docs/cli.md.
"$HUBSPOKE" info "$HS_SRC/graphs/asia-pacific.gv" --format json > "$tmp/info.json" &&
  missing=$($py - "$tmp/info.json" "$HS_SRC/docs/cli.md" <<'PY'
import json, sys
out = json.load(open(sys.argv[1]))
doc = open(sys.argv[2]).read()
keys = set(out) | set(out["counts"]) | set(out["states"]) | set(out["years"] or {})
for m in out["mechanisms"]: keys |= set(m)
print(" ".join(sorted(k for k in keys if "`%s`" % k not in doc and '"%s"' % k not in doc)))
PY
) && [ -z "$missing" ] && pass || fail "info keys not in docs/cli.md: $missing"

# 7. Usage errors.
for args in "--permutations -1" "--seed x" "--table foo" "--format xml"; do
  "$HUBSPOKE" metrics "$tmp/star.graphml" $args >/dev/null 2>"$tmp/err"; rc=$?
  [ $rc -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && pass || fail "metrics $args: rc=$rc $(cat "$tmp/err")"
done

finish
