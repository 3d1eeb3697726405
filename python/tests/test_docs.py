"""docs/python.md: every example runs, and every public function has one."""
import contextlib
import inspect
import io
import os
import re

import pytest

from conftest import path

DOC = path("docs", "python.md")


def blocks():
    with open(DOC) as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def public_api(hubspoke):
    names = set(hubspoke.__all__) - {"Model", "Figure"}
    for cls in (hubspoke.Model, hubspoke.Figure, hubspoke.Codebook):
        for name, member in inspect.getmembers(cls):
            if not name.startswith("_"):
                names.add(name)
    return names


def test_every_example_runs_in_order(hubspoke, tmp_path, monkeypatch):
    """In a scratch directory that sees the repository's graphs/ and tests/
    data, so that the examples' files and figures land there."""
    for d in ("graphs", "tests"):
        os.symlink(path(d), tmp_path / d)
    monkeypatch.chdir(tmp_path)
    namespace = {}
    for i, code in enumerate(blocks()):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, "docs/python.md example %d" % (i + 1), "exec"), namespace)
            except Exception as e:
                raise AssertionError("example %d failed: %r\n%s" % (i + 1, e, code)) from e
    assert len(blocks()) >= 10


def test_every_public_function_has_an_example(hubspoke):
    code = "\n".join(blocks())
    with open(DOC) as f:
        text = f.read()
    missing_doc = sorted(n for n in public_api(hubspoke) if "`%s" % n not in text and ".%s(" % n not in text
                         and "`%s`" % n not in text)
    assert missing_doc == [], "not documented in docs/python.md"
    # The exception classes are documented by their table; two are caught in an example.
    exceptions = {n for n in hubspoke.__all__ if isinstance(getattr(hubspoke, n), type)
                  and issubclass(getattr(hubspoke, n), hubspoke.Error)}
    missing_example = sorted(n for n in public_api(hubspoke) - exceptions
                             if not re.search(r"\b%s\b" % re.escape(n), code))
    assert missing_example == [], "no example in docs/python.md"
