"""What the Python tests share: a tally of checks, and running hubspoke.

    from checks import check, run, summary
    check(cond, "what went wrong")      # counted; printed when it fails
    out = run("metrics", path, ...)      # $HUBSPOKE's standard output; exits on failure
    return summary("render")             # prints the tally, returns the exit status
"""

import os
import subprocess

H = os.environ.get("HUBSPOKE")
failures = []
_count = [0]


def check(cond, what):
    _count[0] += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    return cond


def run(*args):
    p = subprocess.run([H, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("hubspoke %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def summary(name):
    print("%s checks: %d, failed: %d" % (name, _count[0], len(failures)))
    return 1 if failures else 0
