"""hubspoke: alliance systems measured as networks, from Python.

A thin layer over libhubspoke's C API (cffi, ABI mode): every number comes from
the library, so it equals what the hubspoke command prints. docs/python.md
documents each function with an example.

    import hubspoke
    asia = hubspoke.read("graphs/asia-pacific.gv")
    G = asia.to_networkx(2023)
    asia.evolve([1953, 2014, 2023], focus=["USA", "JPN", "KOR"])
"""
from ._native import native as _native_lib
from .codebook import Codebook
from .errors import (ArgumentError, Error, FileError, HelperError, HelperTimeoutError, InputError,
                     InputWarning, InternalError, LibraryNotFound, LimitError, OutOfMemoryError)
from .figure import Figure
from .measures import Metrics, WhatIf, compare
from .model import Model, from_networkx, import_atop, import_cow, import_edges, read, read_string
from .tables import measures

__version__ = "0.1.0"

__all__ = [
    "read", "read_string", "from_networkx", "import_cow", "import_atop",
    "import_edges", "compare", "measures", "Model",
    "Metrics", "WhatIf", "Codebook", "Figure",
    "library_version", "library_path", "set_load_limits", "load_limits", "set_helper_timeout",
    "helper_timeout", "Error", "InputError", "LimitError", "FileError", "OutOfMemoryError", "ArgumentError",
    "HelperError", "HelperTimeoutError", "InternalError", "LibraryNotFound",
    "InputWarning",
]


def library_version():
    """The version of the libhubspoke in use, e.g. "0.1.0"."""
    n = _native_lib()
    return n.string(n.lib.hs_version())


def library_path():
    """The path of the libhubspoke in use (docs/python.md, "Where the library is found")."""
    return _native_lib().library


def set_load_limits(max_states=None, max_ties=None):
    """Refuse files with more vertices (states and mechanisms) or edges (ties
    and memberships) than these, with LimitError, while they are read; 0 = no
    limit, None = leave as is. Process-wide, like the CLI's --max-states and
    --max-ties (defaults 1,000,000 and 10,000,000)."""
    n = _native_lib()
    states, ties = load_limits()
    states = states if max_states is None else int(max_states)
    ties = ties if max_ties is None else int(max_ties)
    if states < 0 or ties < 0:
        raise ArgumentError("load limits must be 0 (none) or positive")
    n.lib.hs_set_load_limits(states, ties)


def load_limits():
    """(max_states, max_ties): the load limits in force (0 = none)."""
    n = _native_lib()
    s, t = n.ffi.new("size_t *"), n.ffi.new("size_t *")
    n.lib.hs_get_load_limits(s, t)
    return s[0], t[0]


def set_helper_timeout(seconds):
    """Stop the hubspoke-dot helper (DOT reading, figures) after `seconds`
    (0 = never) with HelperTimeoutError; the CLI's --timeout. Default 60."""
    seconds = int(seconds)
    if seconds < 0:
        raise ArgumentError("the helper's timeout must be 0 (none) or positive")
    _native_lib().lib.hs_dot_helper_set_timeout(seconds)


def helper_timeout():
    """The helper's time limit in seconds (0 = none)."""
    return _native_lib().lib.hs_dot_helper_timeout()
