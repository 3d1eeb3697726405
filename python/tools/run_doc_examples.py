#!/usr/bin/python3
"""Run the examples of docs/python.md, in order, in one namespace.

    python/tools/run_doc_examples.py [--figures]

The examples run in a scratch directory that sees the repository's graphs/
and tests/ (the files they read), so the files they write land there. With
--figures the figures they draw (*.png) are copied to docs/python/, where
docs/python.md shows them: how docs/python/us-japan-rok-panel.png is made.
Uses the library as the package finds it (docs/python.md, "Where the library
is found"); run it after building.
"""
import contextlib
import io
import os
import re
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC = os.path.join(ROOT, "docs", "python.md")


def blocks():
    """The ```python blocks of docs/python.md, in order."""
    with open(DOC) as f:
        return re.findall(r"```python\n(.*?)```", f.read(), re.S)


def run(directory, quiet=True):
    """Run every example in `directory`; raise AssertionError naming the one that fails."""
    for d in ("graphs", "tests"):
        os.symlink(os.path.join(ROOT, d), os.path.join(directory, d))
    here = os.getcwd()
    os.chdir(directory)
    namespace = {}
    try:
        for i, code in enumerate(blocks()):
            out = io.StringIO()
            with contextlib.redirect_stdout(out) if quiet else contextlib.nullcontext():
                try:
                    exec(compile(code, "docs/python.md example %d" % (i + 1), "exec"), namespace)
                except Exception as e:
                    raise AssertionError("example %d failed: %r\n%s" % (i + 1, e, code)) from e
    finally:
        os.chdir(here)
    return namespace


def main():
    sys.path.insert(0, os.path.join(ROOT, "python"))
    with tempfile.TemporaryDirectory() as tmp:
        run(tmp, quiet=False)
        if "--figures" in sys.argv:
            os.makedirs(os.path.join(ROOT, "docs", "python"), exist_ok=True)
            for name in sorted(os.listdir(tmp)):
                if name.endswith(".png"):
                    shutil.copy(os.path.join(tmp, name), os.path.join(ROOT, "docs", "python", name))
                    print("run_doc_examples: docs/python/%s" % name, file=sys.stderr)


if __name__ == "__main__":
    main()
