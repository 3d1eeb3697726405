"""Fixtures of the Python package's tests.

The tests import the package from this checkout (python/) and the library
named by HUBSPOKE_LIB (ctest sets it to the build's libhubspoke); the CLI they
compare with is $HUBSPOKE (ctest) or build/hubspoke. No test is skipped
silently: every skip must name a reason listed in ALLOWED_SKIPS, anything else
fails the run (pytest -ra prints the reasons); a run with an allowed skip and
no failure exits 77, which ctest reports as a skipped test
(tests/CMakeLists.txt), so tests that may be skipped live in files of their
own (test_atop_real.py) and a skip never hides behind a pass.
"""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("HS_SRC") or os.path.dirname(os.path.dirname(HERE))
BUILD = os.environ.get("HS_BUILD") or os.path.join(SRC, "build")
sys.path.insert(0, os.path.join(SRC, "python"))

# Reasons a test may be skipped for: data that is not the project's to ship.
ALLOWED_SKIPS = ("../shared/data absent",)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if hasattr(report, "wasxfail") or not any(a in reason for a in ALLOWED_SKIPS):
            report.outcome = "failed"
            report.longrepr = "skipped without an allowed reason (python/tests/conftest.py): " + reason
        else:
            item.session.hs_allowed_skips = getattr(item.session, "hs_allowed_skips", 0) + 1


def pytest_sessionfinish(session, exitstatus):
    if exitstatus == 0 and getattr(session, "hs_allowed_skips", 0):
        session.exitstatus = 77  # ctest's SKIP_RETURN_CODE: reported, not passed


def path(*parts):
    """A path in the source checkout."""
    return os.path.join(SRC, *parts)


def cli_path():
    return os.environ.get("HUBSPOKE") or os.path.join(BUILD, "hubspoke")


def cli(*args, check=True):
    """Run the hubspoke CLI; its CompletedProcess (text)."""
    env = dict(os.environ)
    env.setdefault("HUBSPOKE_DOT_HELPER", os.path.join(BUILD, "hubspoke-dot"))
    result = subprocess.run([cli_path()] + [str(a) for a in args], capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError("hubspoke %s failed (%d): %s" % (" ".join(map(str, args)), result.returncode,
                                                              result.stderr))
    return result


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json").stdout)


def printed(x):
    """A number as the CLI prints it in JSON and CSV: 15 significant digits
    (docs/cli.md, "real"). The package hands over the library's double; the
    CLI's JSON holds it rounded, so the two are compared in the CLI's form."""
    return "%.15g" % x


def assert_close(ours, theirs, rel=1e-12, where="$"):
    """Two JSON-like values equal, numbers within `rel` (for models rebuilt
    with their ties in another order, whose sums may differ in the last bit)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        assert list(ours) == list(theirs), where
        for k in ours:
            assert_close(ours[k], theirs[k], rel, "%s.%s" % (where, k))
    elif isinstance(ours, list) and isinstance(theirs, list):
        assert len(ours) == len(theirs), where
        for i, (a, b) in enumerate(zip(ours, theirs)):
            assert_close(a, b, rel, "%s[%d]" % (where, i))
    elif isinstance(ours, float) and isinstance(theirs, (int, float)) and not isinstance(theirs, bool):
        assert ours == pytest.approx(theirs, rel=rel, abs=rel), where
    else:
        assert ours == theirs, where


@pytest.fixture(scope="session")
def hubspoke():
    import hubspoke as hs

    return hs


@pytest.fixture(scope="session")
def asia(hubspoke):
    return hubspoke.read(path("graphs", "asia-pacific.gv"))


# In the ASan/UBSan build (tests/CMakeLists.txt sets HS_SANITIZED) the tests
# that compare every year with the CLI take a sample of years: there they look
# for memory errors on the paths, which the years repeat; the release build
# compares every year.
SANITIZED = bool(os.environ.get("HS_SANITIZED"))


@pytest.fixture(scope="session")
def asia_years(asia):
    """Every year of the curated dataset's span (1951-2025); a sample of them,
    the years of the paper's events among them, in the sanitizer build."""
    if SANITIZED:
        return [1951, 1953, 1986, 1999, 2004, 2014, 2016, 2017, 2022, 2023, 2025]
    return list(range(1951, 2026))
