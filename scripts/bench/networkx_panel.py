#!/usr/bin/python3
"""The NetworkX contender of scripts/bench-python.

    networkx_panel.py FILE.graphml FIRST LAST OUTDIR [--repeat N]

What a researcher without hubspoke writes to get a country-year panel: reads
the file once, and for every year FIRST..LAST keeps what is active in it,
builds the security graph S, the dependence digraph D and the roles as the
cross-check's reference does (tests/xcheck/alliance_ref.py, written from
docs/metrics.md), computes the standard state measures with NetworkX (degree,
strength, weighted betweenness, closeness, eigenvector, Burt's constraint)
and the system measures of the reference, and writes the two panels as pandas
data frames to OUTDIR/states.csv and OUTDIR/system.csv. With --repeat N it
also times the work alone in this process (the file read once: slicing the
years and measuring them), and prints the median wall and CPU seconds of N
repetitions as "work: WALL CPU" on standard error.
"""

import os
import statistics
import sys
import time

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "bench"))
sys.path.insert(0, os.path.join(ROOT, "tests", "xcheck"))
import alliance_ref as ref  # noqa: E402
from networkx_compare import read, slice_year  # noqa: E402

STATE_COLUMNS = ["degree", "strength", "betweenness", "closeness", "eigenvector", "constraint"]


def panels(base, nodes, edges, first, last):
    states, system = [], []
    for year in range(first, last + 1):
        M = ref.Model(slice_year(base, nodes, edges, year))
        for name, values in ref.state_measures(M).items():
            states.append(dict({"year": year, "name": name, "role": values["role"]},
                               **{c: values.get(c) for c in STATE_COLUMNS}))
        row = {k: v for k, v in ref.system_measures(M).items() if not isinstance(v, (dict, list, set, tuple))}
        row["unidirectionality"] = row.get("hub_dependence_share")  # U, as networkx_compare.py names it
        system.append(dict({"year": year, "hub": M.hub}, **row))
    return pd.DataFrame(states), pd.DataFrame(system)


def main():
    path, first, last, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    data = read(path)
    states, system = panels(*data, first, last)
    os.makedirs(outdir, exist_ok=True)
    states.to_csv(os.path.join(outdir, "states.csv"), index=False)
    system.to_csv(os.path.join(outdir, "system.csv"), index=False)
    if "--repeat" in sys.argv:
        walls, cpus = [], []
        for _ in range(int(sys.argv[sys.argv.index("--repeat") + 1])):
            t, c = time.perf_counter(), time.process_time()
            panels(*data, first, last)
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        print("work: %.6f %.6f" % (statistics.median(walls), statistics.median(cpus)), file=sys.stderr)


if __name__ == "__main__":
    main()
