#!/usr/bin/python3
"""The command-line contender of scripts/bench-python.

    cli_panel.py HUBSPOKE FILE FIRST LAST OUTDIR [METRICS-OPTION ...]

How a country-year panel is built without the Python package: one run of
`hubspoke metrics FILE --year Y --format json` per year (a shell loop would do
the same), each output parsed and the rows gathered into two pandas data
frames, written to OUTDIR/states.csv and OUTDIR/system.csv. Options after
OUTDIR are passed to every run (e.g. --permutations 0).
"""

import json
import os
import subprocess
import sys

import pandas as pd


def panels(hubspoke, path, first, last, extra):
    states, system = [], []
    for year in range(first, last + 1):
        out = subprocess.run([hubspoke, "metrics", path, "--year", str(year), "--format", "json"] + extra,
                             check=True, capture_output=True, text=True).stdout
        doc = json.loads(out)
        for s in doc["states"]:
            states.append(dict({"year": year}, **s))
        row = {k: v for k, v in doc["system"].items() if not isinstance(v, (list, dict))}
        system.append(dict({"year": year, "hub": doc["hub"]}, **doc["indices"], **row))
    return pd.DataFrame(states), pd.DataFrame(system)


def main():
    hubspoke, path, first, last, outdir = sys.argv[1:6]
    states, system = panels(hubspoke, path, int(first), int(last), sys.argv[6:])
    os.makedirs(outdir, exist_ok=True)
    states.to_csv(os.path.join(outdir, "states.csv"), index=False)
    system.to_csv(os.path.join(outdir, "system.csv"), index=False)


if __name__ == "__main__":
    main()
