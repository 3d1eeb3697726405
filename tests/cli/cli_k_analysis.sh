#!/usr/bin/env bash
# scripts/k-analysis (docs/metrics.md, "K: the analysis that redefined it"):
# its Pearson correlation by hand, and the correlations of the redefined K
# that the page reports as its result, recomputed: on the curated dataset
# always, on the US system of ATOP 4.01 where ../shared/data holds it.
. "$(dirname "$0")/lib.sh"
export HUBSPOKE=$H

# r of (1,2,3) and (1,3,2): sxy = 1, sxx = syy = 2, r = 1/2. A year where a
# measure is null drops out; fewer than three pairs or no variance: undefined.
$py - "$SRC/scripts/k-analysis" <<'PY' && pass || fail "pearson by hand"
import importlib.machinery, sys
k = importlib.machinery.SourceFileLoader("k_analysis", sys.argv[1]).load_module()
assert k.pearson([1, 2, 3], [1, 3, 2]) == (0.5, 3)
assert k.pearson([1, 2, None, 3], [1, 3, 7, 2]) == (0.5, 3)
assert k.pearson([1, 2, None], [1, 3, 2]) == (None, 2)
assert k.pearson([1, 1, 1], [1, 3, 2]) == (None, 3)
PY

run_cmd k "$py" "$SRC/scripts/k-analysis" --atop "${HS_DATA:-$SRC/../shared/data}/atop-4.01"
[ "$rc" -eq 0 ] && pass || fail "k-analysis: exit $rc: $(head -c 300 "$(err k)")"
$py - "$(out k)" "$SRC/docs/metrics.md" <<'PY' && pass || fail "K's correlations differ from docs/metrics.md"
import sys
out = open(sys.argv[1]).read()
# The K row of each matrix the script prints, in its order: K-U, K-C,
# K-hierarchy, K-reciprocity.
got = [l.split(" | ")[2:6] for l in out.splitlines() if l.startswith("| K | 1.000 |")]
got = [c[:3] + [c[3].rstrip(" |")] for c in got]
doc = open(sys.argv[2]).read().split("**Result.**", 1)[1]
want = [l.rstrip(" |").split(" | ")[2:6] for l in doc.splitlines()
        if l.startswith("| the curated dataset, hub USA |") or l.startswith("| ATOP 4.01, hub USA |")]
assert len(want) == 4, want
atop = "ATOP: skipped" not in out
assert len(got) == (4 if atop else 2), out
assert got == want[:len(got)], (got, want)
if atop:
    print("K's correlations as on the page, ATOP included")
PY
finish
