"""Hang guards for the cross-checks (not a test itself); see tests/cli/guard.bash.

A guard only turns a hang into a failure that names the case; no test claims
how fast anything is. So it is measured in the same run, by the same build:
100 times what one small run of the same program takes now, at least 60 s.
"""

import subprocess
import time


def hang_guard(cmd):
    """Runs cmd once (output discarded) and returns the guard in seconds."""
    t = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return max(60.0, 100 * (time.monotonic() - t))
