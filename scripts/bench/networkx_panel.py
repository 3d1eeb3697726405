#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-python.

    networkx_panel.py FILE.graphml FIRST LAST OUTDIR

What a researcher without hubspoke writes to get a country-year panel: reads
the file once, and for every year FIRST..LAST keeps what is active in it,
builds the security graph S, the dependence digraph D and the roles as the
cross-check's reference does (tests/xcheck/alliance_ref.py, written from
docs/metrics.md), computes the standard state measures with NetworkX (degree,
strength, weighted betweenness, closeness, eigenvector, Burt's constraint)
and the system measures of the reference, and writes the two panels as pandas
data frames to OUTDIR/states.csv and OUTDIR/system.csv.
"""

import os
import sys

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench"))
sys.path.insert(0, os.path.join(ROOT, "tests", "xcheck"))
import alliance_ref as ref  # noqa: E402
from networkx_compare import read, slice_year  # noqa: E402

STATE_COLUMNS = ["degree", "strength", "betweenness", "closeness", "eigenvector", "constraint"]


def panels(path, first, last):
    base, nodes, edges = read(path)
    states, system = [], []
    for year in range(first, last + 1):
        M = ref.Model(slice_year(base, nodes, edges, year))
        for name, values in ref.state_measures(M).items():
            states.append(dict({"year": year, "name": name, "role": values["role"]},
                               **{c: values.get(c) for c in STATE_COLUMNS}))
        row = {k: v for k, v in ref.system_measures(M).items() if not isinstance(v, (dict, list, set, tuple))}
        system.append(dict({"year": year, "hub": M.hub}, **row))
    return pd.DataFrame(states), pd.DataFrame(system)


def main():
    path, first, last, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    states, system = panels(path, first, last)
    os.makedirs(outdir, exist_ok=True)
    states.to_csv(os.path.join(outdir, "states.csv"), index=False)
    system.to_csv(os.path.join(outdir, "system.csv"), index=False)


if __name__ == "__main__":
    main()
