"""Cross-check of classify's codebook redraws (docs/typology.md, "Sensitivity").

For the Quad and France-Australia-India in 2023 the closed forms of
docs/typology.md give the type as a function of three redrawn values: the
depth of a dialogue, the broad-scope factor and the treaty depth (capped at 1).
With each factor log-uniform on [1/1.25, 1.25], the share of draws that keep
the undrawn type is an integral, computed here on a fine grid and compared
with `hubspoke classify --sensitivity 20000` within four standard errors.
"""
import csv
import io
import math
import os
import subprocess
import sys

hubspoke = os.environ.get("HUBSPOKE")
src = os.environ.get("HS_SRC")
if not hubspoke or not src:
    print("skipped: HUBSPOKE and HS_SRC are needed")
    sys.exit(77)

DRAWS = 20000
GRID = 160
SPREAD = 0.25
THRESHOLD = 0.1
step = math.log1p(SPREAD)
factors = [math.exp(-step + 2 * step * (i + 0.5) / GRID) for i in range(GRID)]


def share(keeps):
    """Share of (dialogue, broad, treaty) factor triples for which keeps(d, T)."""
    hits = 0
    for a in factors:
        for b in factors:
            d = min(1.0, 0.2 * a) * min(1.0, 0.5 * b)
            for t in factors:
                hits += keeps(d, min(1.0, 1.0 * t))
    return hits / GRID ** 3


expected = {
    # the hub and two allies, broad dialogue: the fall of U, -delta_U = d / (T + 2d), stays below 0.1
    "Quad": share(lambda d, T: d / (T + 2 * d) < THRESHOLD),
    # two allies without the hub: -delta_U = d / (T + d) stays below 0.1
    "FAI": share(lambda d, T: d / (T + d) < THRESHOLD),
}

out = subprocess.run([hubspoke, "classify", os.path.join(src, "graphs", "asia-pacific.gv"), "--year", "2023",
                      "--sensitivity", str(DRAWS), "--format", "csv"], check=True, capture_output=True, text=True)
rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.stdout))}
failed = 0
for mech, p in expected.items():
    got = float(rows[mech]["agreement"])
    se = math.sqrt(p * (1 - p) / DRAWS)
    ok = abs(got - p) <= 4 * se
    print(f"{mech}: agreement {got:.4f}, integral {p:.4f}, 4 SE {4 * se:.4f}: {'ok' if ok else 'FAIL'}")
    failed += not ok
# the other Table 2 mechanisms the dataset classifies as the paper does sit far
# from both thresholds (TSD, which dataset version 2 puts just below the U
# threshold, is not one of them: docs/cases.md, "Dataset version 2")
for mech in ("TISA", "ESD", "AUKUS"):
    if float(rows[mech]["agreement"]) != 1.0:
        print(f"{mech}: agreement {rows[mech]['agreement']}, expected 1: FAIL")
        failed += 1
sys.exit(1 if failed else 0)
