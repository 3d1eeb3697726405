"""Finding and loading libhubspoke, and calling it.

cffi in ABI mode: the library is opened with dlopen and its declarations come
from `hubspoke.cdef`, which the CMake build generates from the public headers
(python/tools/gen_cdef.py) and installs beside the library. The two always
come from one build, so the layouts cffi computes are those the library was
compiled with; no compiler is needed at import.

Where the library is looked for, first match wins (docs/python.md, "Where the
library is found"):
  1. the environment variable HUBSPOKE_LIB, a path to libhubspoke.so;
  2. the build tree of the source checkout this package is imported from
     (<checkout>/build, as scripts/setup.sh builds it);
  3. the prefix of the running Python (a virtual environment that
     `cmake --install build --prefix .venv` installed into, as scripts/setup.sh
     does), then CMake's default prefix /usr/local, then /usr.
"""
import os
import sys
import sysconfig

import cffi

from . import errors

_SONAMES = ("libhubspoke.so", "libhubspoke.so.0")


def _cdef_beside(library):
    """The cdef of the build or install the library belongs to, or None."""
    libdir = os.path.dirname(os.path.realpath(library))
    candidates = [os.path.join(libdir, "hubspoke.cdef")]  # the build tree
    up = libdir
    for _ in range(3):  # lib/, lib/<multiarch>/ -> the prefix's share/
        up = os.path.dirname(up)
        candidates.append(os.path.join(up, "share", "hubspoke", "hubspoke.cdef"))
    return next((c for c in candidates if os.path.isfile(c)), None)


def _helper_beside(library):
    """The hubspoke-dot of the build or install the library belongs to, or None."""
    libdir = os.path.dirname(os.path.realpath(library))
    candidates = [os.path.join(libdir, "hubspoke-dot")]
    up = libdir
    for _ in range(3):
        up = os.path.dirname(up)
        candidates.append(os.path.join(up, "libexec", "hubspoke", "hubspoke-dot"))
    return next((c for c in candidates if os.access(c, os.X_OK)), None)


def _candidates():
    env = os.environ.get("HUBSPOKE_LIB")
    if env:
        yield env, "HUBSPOKE_LIB"
        return
    checkout = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for name in _SONAMES:
        yield os.path.join(checkout, "build", name), "the source checkout's build tree"
    multiarch = sysconfig.get_config_var("MULTIARCH")
    prefixes = []
    for p in (sys.prefix, sys.base_prefix, "/usr/local", "/usr"):
        if p not in prefixes:
            prefixes.append(p)
    for prefix in prefixes:
        for sub in ("lib", os.path.join("lib", multiarch) if multiarch else None, "lib64"):
            if sub:
                for name in _SONAMES:
                    yield os.path.join(prefix, sub, name), "the prefix " + prefix


def locate():
    """(library path, cdef path, helper path or None): the first library found
    with its declarations beside it. Raises hubspoke.LibraryNotFound."""
    tried = []
    for path, origin in _candidates():
        if not os.path.isfile(path):
            tried.append(path)
            continue
        cdef = _cdef_beside(path)
        if cdef is None:
            raise errors.LibraryNotFound(
                "%s (from %s) has no hubspoke.cdef beside it: build it with CMake "
                "(HUBSPOKE_PYTHON=ON) or install it with `cmake --install`" % (path, origin))
        return path, cdef, _helper_beside(path)
    raise errors.LibraryNotFound(
        "libhubspoke not found; set HUBSPOKE_LIB to its path, or build the checkout "
        "(bash scripts/setup.sh). Looked at: " + ", ".join(tried))


class _Native:
    """The loaded library: `ffi`, `lib`, and the paths they came from."""

    def __init__(self):
        self.library, self.cdef_path, helper = locate()
        self.ffi = cffi.FFI()
        with open(self.cdef_path) as f:
            self.ffi.cdef(f.read())
        # free() for the bytes the library hands over (hs_render_figure).
        self.ffi.cdef("void free(void *);")
        self.lib = self.ffi.dlopen(self.library)
        self.libc = self.ffi.dlopen(None)
        check(self.lib.hs_init())
        # The helper of the same build or install, unless the environment or a
        # default that exists says otherwise (the CLI does the same, relative
        # to its executable).
        current = self.string(self.lib.hs_dot_helper_path())
        if not os.environ.get("HUBSPOKE_DOT_HELPER") and not os.access(current, os.X_OK) and helper:
            check(self.lib.hs_dot_helper_set_path(helper.encode()))

    def string(self, ptr):
        """A C string owned by the library as str, None for NULL."""
        if ptr == self.ffi.NULL:
            return None
        return self.ffi.string(ptr).decode("utf-8", "surrogateescape")


_native = None


def native():
    """The loaded library, loaded on first use."""
    global _native
    if _native is None:
        _native = _Native()
    return _native


def check(code):
    """Raise the hubspoke.Error subclass of a failed call, with the library's message."""
    if code == 0:
        return
    n = native()
    message = n.string(n.lib.hs_error_last()) or n.string(n.lib.hs_error_name(code))
    n.lib.hs_error_clear()
    raise errors.from_code(n.string(n.lib.hs_error_name(code)), message)


def encode(text, what="a string"):
    """str -> bytes for the C API; a NUL inside would silently cut it short."""
    if text is None:
        return None
    if isinstance(text, os.PathLike):
        text = os.fspath(text)
    if isinstance(text, bytes):
        data = text
    elif isinstance(text, str):
        data = text.encode("utf-8", "surrogateescape")
    else:
        raise TypeError("%s must be str, not %s" % (what, type(text).__name__))
    if b"\0" in data:
        raise errors.ArgumentError("%s holds a NUL character: %r" % (what, text))
    return data
