#!/usr/bin/env python3
"""Write cffi's declarations of libhubspoke, generated from its public headers.

The Python package calls libhubspoke through cffi in ABI mode: cffi is told the
C declarations (a "cdef") and computes struct layouts and calling conventions
from them, with no compiler at import time. A declaration written by hand
would drift from the headers the day someone adds a field to an options
struct, and a wrong layout corrupts memory silently. So the cdef is generated
here, at build time, from the headers the library is compiled with:

1. the C preprocessor expands include/hubspoke/hubspoke.h against pycparser's
   fake libc headers (standard types by name, no GNU extensions), with the real
   igraph headers for the igraph types that the API's structs hold by value;
2. pycparser parses the result; every top-level declaration made in
   include/hubspoke/ is kept (functions, typedefs, structs, enums), except
   static inline functions, which the shared library does not export; the
   igraph typedefs they use are added, transitively, in header order, with
   the two igraph functions the package calls (IGRAPH_FUNCTIONS);
3. the object-like HS_ macros with an integer value (HS_SINCE_OPEN, ...) become
   `#define NAME VALUE` lines, their values computed by the preprocessor and
   pycparser, not copied;
4. cffi itself parses the output before it is written, so a header construct
   cffi cannot digest fails the build here, naming it, and not at import.

Usage: gen_cdef.py --cc CC --include DIR [--include DIR ...] --output FILE
The first --include is the directory holding hubspoke/hubspoke.h.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import cffi
import pycparser
from pycparser import c_ast, c_generator

# The igraph functions the package calls itself, to read the security graph a
# view owns (hs_view_security_graph); their declarations come from igraph.h too.
IGRAPH_FUNCTIONS = {"igraph_ecount", "igraph_edge"}

# Types cffi knows without a declaration; fake libc declares them as int.
CFFI_STANDARD = {
    "size_t", "ssize_t", "ptrdiff_t", "intptr_t", "uintptr_t", "wchar_t", "bool", "FILE",
    "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t", "uint64_t",
    "intmax_t", "uintmax_t", "va_list",
}


def fake_libc_dir():
    """pycparser's fake libc headers: Debian ships them under /usr/share."""
    candidates = [
        os.path.join(os.path.dirname(pycparser.__file__), "utils", "fake_libc_include"),
        "/usr/share/python3-pycparser/fake_libc_include",
    ]
    for d in candidates:
        if os.path.isfile(os.path.join(d, "_fake_typedefs.h")):
            return d
    sys.exit("gen_cdef: pycparser's fake libc headers not found (Debian: python3-pycparser)")


def preprocess(cc, includes, source, extra=()):
    """Run the preprocessor on `source`; the flags make glibc/igraph headers plain C."""
    flags = ["-E", "-std=c11", "-U__GNUC__", "-U__clang__", "-D__BEGIN_DECLS=", "-D__END_DECLS=",
             "-D__attribute__(x)=", "-nostdinc", "-I" + fake_libc_dir()]
    flags += ["-I" + d for d in includes] + list(extra)
    with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
        f.write(source)
        path = f.name
    try:
        out = subprocess.run([cc] + flags + [path], check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as e:
        sys.exit("gen_cdef: the preprocessor failed:\n" + e.stderr)
    finally:
        os.unlink(path)
    return out.stdout, path


def macro_names(cc, includes):
    """The object-like HS_ macros of the headers, in definition order."""
    text, _ = preprocess(cc, includes, "#include <hubspoke/hubspoke.h>\n", ["-dM"])
    names = []
    for line in sorted(text.splitlines()):
        m = re.match(r"#define (HS_\w+) ", line)
        if m and not m.group(1).endswith("_H") and m.group(1) != "HS_API":
            names.append(m.group(1))
    return names


def evaluate(node):
    """The integer value of a constant expression's AST, or None."""
    if isinstance(node, c_ast.Constant) and node.type in ("int", "unsigned int", "long int",
                                                          "unsigned long int", "long long int",
                                                          "unsigned long long int"):
        return int(node.value.rstrip("uUlL"), 0)
    if isinstance(node, c_ast.Cast):
        return evaluate(node.expr)
    if isinstance(node, c_ast.UnaryOp):
        v = evaluate(node.expr)
        if v is None:
            return None
        return {"-": -v, "+": v, "~": ~v}.get(node.op)
    if isinstance(node, c_ast.BinaryOp):
        a, b = evaluate(node.left), evaluate(node.right)
        if a is None or b is None:
            return None
        ops = {"+": a + b, "-": a - b, "*": a * b, "<<": a << b if b >= 0 else None,
               ">>": a >> b if b >= 0 else None, "|": a | b, "&": a & b}
        return ops.get(node.op)
    return None


def type_names(node):
    """Every typedef name a declaration refers to."""
    found = []

    class Visitor(c_ast.NodeVisitor):
        def visit_IdentifierType(self, n):
            found.extend(n.names)

    Visitor().visit(node)
    return found


def declared_name(node):
    if isinstance(node, c_ast.Typedef):
        return node.name
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cc", required=True)
    ap.add_argument("--include", action="append", required=True)
    ap.add_argument("--output", required=True)
    args = ap.parse_args()
    api_dir = os.path.realpath(os.path.join(args.include[0], "hubspoke"))

    macros = macro_names(args.cc, args.include)
    source = "#include <hubspoke/hubspoke.h>\n" + "".join(
        "long long hs__macro__%s = (%s);\n" % (n, n) for n in macros)
    text, tu_path = preprocess(args.cc, args.include, source)
    ast = pycparser.CParser().parse(text, tu_path)

    def in_api(node):
        return node.coord is not None and os.path.dirname(os.path.realpath(node.coord.file)) == api_dir

    typedefs = {}  # name -> node, for the types outside the API it refers to
    for node in ast.ext:
        name = declared_name(node)
        if name and not in_api(node):
            typedefs.setdefault(name, node)

    keep = set()
    api_typedefs = set()
    for i, node in enumerate(ast.ext):
        if (in_api(node) and not isinstance(node, c_ast.FuncDef)) or (
                isinstance(node, c_ast.Decl) and node.name in IGRAPH_FUNCTIONS):
            keep.add(i)
            if isinstance(node, c_ast.Typedef):
                api_typedefs.add(node.name)
    # The outside typedefs the API needs, transitively.
    pending = [n for i in keep for n in type_names(ast.ext[i])]
    needed = set()
    while pending:
        name = pending.pop()
        if name in needed or name in api_typedefs or name in CFFI_STANDARD or name not in typedefs:
            continue
        node = typedefs[name]
        if "_fake_" in os.path.basename(node.coord.file):
            sys.exit("gen_cdef: the API uses the C type %s, which cffi does not know" % name)
        needed.add(name)
        pending.extend(type_names(node))
    for i, node in enumerate(ast.ext):
        if declared_name(node) in needed and not in_api(node):
            keep.add(i)

    gen = c_generator.CGenerator()
    lines = ["/* cffi declarations of libhubspoke, generated by python/tools/gen_cdef.py",
             " * from include/hubspoke/*.h at build time. Do not edit. */"]
    for i in sorted(keep):
        node = ast.ext[i]
        if isinstance(node, c_ast.Decl) and node.name and node.name.startswith("hs__macro__"):
            continue
        if isinstance(node, c_ast.Decl):
            node.storage = [s for s in node.storage if s not in ("extern", "static")]
            node.funcspec = []
        lines.append(gen.visit(node) + ";")
    for node in ast.ext:
        if isinstance(node, c_ast.Decl) and node.name and node.name.startswith("hs__macro__"):
            value = evaluate(node.init)
            if value is not None:
                lines.append("#define %s %d" % (node.name[len("hs__macro__"):], value))
    cdef = "\n".join(lines) + "\n"

    ffi = cffi.FFI()
    try:
        ffi.cdef(cdef)
    except cffi.CDefError as e:
        sys.exit("gen_cdef: cffi cannot parse the generated declarations: %s" % e)

    tmp = args.output + ".tmp"
    with open(tmp, "w") as f:
        f.write(cdef)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
