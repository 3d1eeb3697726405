#!/usr/bin/python3
"""The Python package's contender of scripts/bench-python.

    python_panel.py FILE FIRST LAST OUTDIR [--standard] [--repeat N]

Reads FILE with hubspoke.read() and builds the country-year panel with
Model.panel(range(FIRST, LAST + 1)) and the system panel with
Model.system_panel(): one library call each (hs_metrics_table). --standard
limits them to the standard measures the NetworkX contender computes (degree,
strength, betweenness, closeness, eigenvector, constraint; K, U, C) and turns
off the E-I permutation test. Writes OUTDIR/states.csv and OUTDIR/system.csv.
With --repeat N it also times the two calls alone, in this process (the
file read, the modules imported), and prints the median wall and CPU seconds
of N repetitions as "work: WALL CPU" on standard error.
"""

import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "python"))
import hubspoke  # noqa: E402

STANDARD = ["degree", "strength", "betweenness", "closeness", "eigenvector", "constraint"]


def panels(model, years, standard):
    if standard:
        return (model.panel(years, measures=STANDARD, permutations=0),
                model.system_panel(years, measures=[], permutations=0))
    return model.panel(years), model.system_panel(years)


def main():
    args = sys.argv[1:]
    standard = "--standard" in args
    repeat = 0
    if "--repeat" in args:
        repeat = int(args[args.index("--repeat") + 1])
        del args[args.index("--repeat"):args.index("--repeat") + 2]
    args = [a for a in args if a != "--standard"]
    path, first, last, outdir = args[0], int(args[1]), int(args[2]), args[3]
    model = hubspoke.read(path)
    years = range(first, last + 1)
    states, system = panels(model, years, standard)
    os.makedirs(outdir, exist_ok=True)
    states.to_csv(os.path.join(outdir, "states.csv"), index=False)
    system.to_csv(os.path.join(outdir, "system.csv"), index=False)
    if repeat:
        walls, cpus = [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            panels(model, years, standard)
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        print("work: %.6f %.6f" % (statistics.median(walls), statistics.median(cpus)), file=sys.stderr)


if __name__ == "__main__":
    main()
