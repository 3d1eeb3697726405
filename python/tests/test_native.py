"""The declarations the package loads are those of the headers; the library is
found where the docs say; the package installs offline."""
import os
import re
import shutil
import subprocess
import sys
import textwrap


from conftest import BUILD, SRC, cli_json, path


def _cdef(hubspoke):
    from hubspoke._native import native

    n = native()
    with open(n.cdef_path) as f:
        return n, f.read()


def test_cdef_is_generated_from_the_headers_of_the_library_loaded(hubspoke):
    n, _ = _cdef(hubspoke)
    lib = os.path.realpath(n.library)
    assert os.path.dirname(os.path.realpath(n.cdef_path)) == os.path.dirname(lib)
    if os.environ.get("HUBSPOKE_LIB"):
        assert lib == os.path.realpath(os.environ["HUBSPOKE_LIB"])


def test_every_exported_function_is_declared_and_every_declared_one_exported(hubspoke):
    n, cdef = _cdef(hubspoke)
    nm = subprocess.run(["nm", "-D", "--defined-only", n.library], capture_output=True, text=True, check=True)
    exported = {line.split()[-1] for line in nm.stdout.splitlines() if line.split()[-1].startswith("hs_")}
    declared = set(re.findall(r"\b(hs_\w+)\s*\(", cdef))
    assert exported, "nm found no hs_ symbol"
    assert exported - declared == set(), "exported but missing from hubspoke.cdef"
    assert declared - exported == set(), "declared in hubspoke.cdef but not exported"


def test_every_function_the_package_calls_exists(hubspoke):
    n, _ = _cdef(hubspoke)
    used = set()
    pkg = path("python", "hubspoke")
    for name in os.listdir(pkg):
        if name.endswith(".py"):
            with open(os.path.join(pkg, name)) as f:
                used |= set(re.findall(r"\blib\.((?:hs|igraph)_\w+)\b", f.read()))
    assert used
    missing = sorted(u for u in used if not hasattr(n.lib, u))
    assert missing == []


def test_the_compiler_agrees_with_cffi_on_every_signature_layout_and_constant(hubspoke, tmp_path):
    """Compile a file that includes the real headers, redeclares every function
    with the cdef's prototype (a conflicting redeclaration does not compile),
    and asserts cffi's size and offset of every struct field, the value of
    every enum constant and macro."""
    n, cdef = _cdef(hubspoke)
    ffi = n.ffi
    lines = ["#include <stddef.h>", "#include <hubspoke/hubspoke.h>"]
    for proto in re.findall(r"^[^\n#{}]*\b(?:hs|igraph)_\w+\([^;{}]*\);$", cdef, re.M):
        if "typedef" not in proto:
            lines.append(proto)
    checked = {"functions": len(lines) - 2, "structs": 0, "constants": 0}
    for name in ffi.list_types()[0]:  # typedef names
        ctype = ffi.typeof(name)
        if ctype.kind == "struct" and ctype.fields is not None:
            lines.append("_Static_assert(sizeof(%s) == %d, \"sizeof %s\");" % (name, ffi.sizeof(ctype), name))
            for field, info in ctype.fields:
                lines.append("_Static_assert(offsetof(%s, %s) == %d, \"%s.%s\");"
                             % (name, field, info.offset, name, field))
            checked["structs"] += 1
        elif ctype.kind == "enum":
            for constant, value in ctype.elements.items():
                lines.append("_Static_assert(%s == %d, \"%s\");" % (value, constant, value))
                checked["constants"] += 1
    for name, value in re.findall(r"^#define (HS_\w+) (-?\d+)$", cdef, re.M):
        lines.append("_Static_assert((long long)(%s) == %sLL, \"%s\");" % (name, value, name))
        checked["constants"] += 1
    source = tmp_path / "layout.c"
    source.write_text("\n".join(lines) + "\n")
    cflags = subprocess.run(["pkg-config", "--cflags", "igraph"], capture_output=True, text=True,
                            check=True).stdout.split()
    result = subprocess.run(["cc", "-std=c11", "-Wall", "-Werror", "-Wno-deprecated-declarations", "-fsyntax-only", "-I", path("include")]
                            + cflags + [str(source)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert checked["functions"] > 100 and checked["structs"] >= 10 and checked["constants"] > 50, checked


def _run_python(code, env, cwd=None, python=sys.executable):
    return subprocess.run([python, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, cwd=cwd)


def test_hubspoke_lib_that_names_nothing_raises_library_not_found(tmp_path):
    env = dict(os.environ, HUBSPOKE_LIB=str(tmp_path / "libnothing.so"), PYTHONPATH=path("python"))
    r = _run_python("""
        import hubspoke
        try:
            hubspoke.read("x.graphml")
        except hubspoke.LibraryNotFound as e:
            print("LibraryNotFound:", e)
        """, env)
    assert r.returncode == 0, r.stderr
    assert "LibraryNotFound: libhubspoke not found" in r.stdout and "libnothing.so" in r.stdout


def test_a_library_without_its_declarations_is_refused(tmp_path):
    lib = tmp_path / "libhubspoke.so"
    shutil.copy(os.path.realpath(os.path.join(BUILD, "libhubspoke.so")), lib)
    env = dict(os.environ, HUBSPOKE_LIB=str(lib), PYTHONPATH=path("python"))
    r = _run_python("""
        import hubspoke
        try:
            hubspoke.library_version()
        except hubspoke.LibraryNotFound as e:
            print("LibraryNotFound:", e)
        """, env)
    assert "has no hubspoke.cdef beside it" in r.stdout, r.stdout + r.stderr


def test_the_checkouts_build_tree_is_found_without_the_environment():
    env = {k: v for k, v in os.environ.items() if k not in ("HUBSPOKE_LIB", "HUBSPOKE_DOT_HELPER")}
    env["PYTHONPATH"] = path("python")
    r = _run_python("""
        import hubspoke
        print(hubspoke.library_path())
        """, env, cwd="/")
    assert r.returncode == 0, r.stderr
    if os.path.isfile(os.path.join(SRC, "build", "libhubspoke.so")):
        assert r.stdout.strip() == os.path.join(SRC, "build", "libhubspoke.so")


def test_pip_and_cmake_install_into_a_virtual_environment_offline(tmp_path):
    """What scripts/setup.sh does: a venv that sees Debian's packages, the
    library installed into it by CMake, the package by pip with no network.
    The installed package then finds the library, its declarations and the
    DOT helper with no environment variable, and gives the CLI's numbers."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                   check=True)
    subprocess.run(["cmake", "--install", BUILD, "--prefix", str(venv)], check=True, capture_output=True)
    source = tmp_path / "python"
    shutil.copytree(path("python"), source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info",
                                                                         "__pycache__"))
    python = str(venv / "bin" / "python")
    # The venv's own pip would be copied from the wheel Debian bundles; the
    # system's pip installs into the venv as well when run by its python.
    pip = subprocess.run([python, "-m", "pip", "install", "--no-index", "--no-build-isolation", "--quiet",
                          str(source)], capture_output=True, text=True,
                         env=dict(os.environ, PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1"))
    assert pip.returncode == 0, pip.stdout + pip.stderr
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert os.path.isfile(os.path.join(purelib, "hubspoke", "__init__.py"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("HUBSPOKE_LIB", "HUBSPOKE_DOT_HELPER", "PYTHONPATH")}
    r = _run_python("""
        import json, hubspoke
        m = hubspoke.read(%r)
        G = m.to_networkx(2023)
        print(json.dumps([hubspoke.library_path(), hubspoke.__file__,
                          {n: G.degree(n) for n in G}]))
        """ % path("graphs", "asia-pacific.gv"), env, cwd=str(tmp_path), python=python)
    assert r.returncode == 0, r.stderr
    import json

    library, module, degrees = json.loads(r.stdout)
    assert library.startswith(str(venv)) and module.startswith(str(venv))
    expected = {s["name"]: s["degree"] for s in cli_json("metrics", path("graphs", "asia-pacific.gv"),
                                                          "--year", 2023, "--permutations", 0)["states"]}
    assert degrees == expected
