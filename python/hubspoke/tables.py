"""The library's tables of results as pandas data frames, and the registry of
measures they are made of (include/hubspoke/table.h, metrics.h).

Every number of metrics(), panel(), system_panel(), compare() and whatif()
comes out of one library call that fills hs_table objects, the same the CLI
prints from; the columns are whatever the library's registry holds, so a
measure added to the library is a column here without a change.
"""
import json

from . import errors
from ._convert import enum_name, struct_dict
from ._native import check, native
from ._options import fill


def frame(table):
    """An hs_table as a DataFrame: reals as float64 (NaN: missing), integers
    as Int64 and flags as boolean (pandas' nullable types: <NA>), texts as str
    or None, lists as Python lists (parsed from their JSON) or None. The
    registry's description of each measure column is in df.attrs["measures"]."""
    import numpy as np
    import pandas as pd

    n = native()
    ffi, lib = n.ffi, n.lib
    rows = lib.hs_table_row_count(table)
    data, measures = {}, {}
    for c in range(lib.hs_table_column_count(table)):
        name = n.string(lib.hs_table_column_name(table, c))
        kind = enum_name(ffi.typeof("hs_value_type"), lib.hs_table_column_type(table, c))
        if kind in ("real", "integer", "flag"):
            ptr = lib.hs_table_numbers(table, c)
            values = np.frombuffer(ffi.buffer(ptr, 8 * rows), dtype=np.float64).copy() if rows else \
                np.zeros(0, dtype=np.float64)
            column = pd.Series(values)
            if kind == "integer":
                column = column.astype("Int64")
            elif kind == "flag":
                column = column.astype("boolean")
        else:
            texts = [n.string(lib.hs_table_text(table, r, c)) for r in range(rows)]
            if kind == "list":
                texts = [None if t is None else json.loads(t) for t in texts]
            column = pd.Series(texts, dtype=object)
        data[name] = column
        m = lib.hs_table_column_measure(table, c)
        if m >= 0:
            measures[name] = measure_info(m)
    df = pd.DataFrame(data)
    df.attrs["measures"] = measures
    return df


def measure_info(i):
    """The registry's entry i as a dict: its fields, and one boolean per flag."""
    n = native()
    ptr = n.lib.hs_measure_get(i)
    info = struct_dict(ptr, skip=("flags",))
    for flag, bit in _flags().items():
        info[flag] = bool(ptr.flags & bit)
    return info


def _flags():
    """{"default": HS_MEASURE_DEFAULT, ...}: the flag constants of hs_measure."""
    n = native()
    enum_values = set(n.ffi.typeof("hs_measure_kind").relements)
    return {name[len("HS_MEASURE_"):].lower(): getattr(n.lib, name) for name in dir(n.lib)
            if name.startswith("HS_MEASURE_") and name not in enum_values
            and isinstance(getattr(n.lib, name), int)}


def measures():
    """The registry of measures: a DataFrame with one row per measure the
    library computes, in the order of a full table's columns: name, kind
    ("system" or "state"), group, type, unit, description, and a boolean
    column per flag (default: one of compare's default columns; needs_hub:
    missing without a hub; permutation: a result of the E-I permutation test;
    change: a change since the previous row of a panel). docs/metrics.md
    defines each under the same name.

        hubspoke.measures().query("kind == 'state'")[["name", "description"]]
    """
    import pandas as pd

    return pd.DataFrame([measure_info(i) for i in range(native().lib.hs_measure_count())])


def metrics_options(measures, permutations, seed, keep):
    n = native()
    opts = n.ffi.new("hs_metrics_options *")
    n.lib.hs_metrics_options_init(opts)
    given = {"measures": [measures] if isinstance(measures, str) else measures,
             "permutations": permutations, "seed": seed}
    fill(opts, {k: v for k, v in given.items() if v is not None}, keep)
    keep.append(opts)
    return opts


def tables(call, *outputs):
    """Run a library call that fills hs_table **outputs (a name each, None for
    a table not wanted) and return their frames."""
    n = native()
    ffi, lib = n.ffi, n.lib
    slots = [ffi.new("hs_table **") if o else ffi.NULL for o in outputs]
    try:
        check(call(*slots))
        return [frame(s[0]) if o else None for s, o in zip(slots, outputs)]
    finally:
        for s in slots:
            if s != ffi.NULL and s[0] != ffi.NULL:
                lib.hs_table_destroy(s[0])


def edit_structs(edits, keep):
    """hs_view_edit structs for a list of edits: each a tuple (type, a, b,
    kind, scope), as long as needed, or a dict of those fields by name; the
    type by its name ("drop_tie", "drop_state", "drop_mechanism", "add_tie",
    "add_member", ...), kinds and scopes by theirs."""
    n = native()
    ffi = n.ffi
    fields = [f for f, _ in ffi.typeof("hs_view_edit").fields]
    array = ffi.new("hs_view_edit[]", max(len(edits), 1))
    keep.append(array)
    for i, edit in enumerate(edits):
        if isinstance(edit, dict):
            values = dict(edit)
        elif isinstance(edit, (tuple, list)):
            if len(edit) > len(fields):
                raise errors.ArgumentError("edit %d: %r has more than the fields %s" % (i + 1, edit, fields))
            values = dict(zip(fields, edit))
        else:
            raise errors.ArgumentError("edit %d: a tuple (type, a, b, kind) or a dict, not %r" % (i + 1, edit))
        if "type" not in values:
            raise errors.ArgumentError("edit %d: no type" % (i + 1))
        if "kind" not in values:
            values["kind"] = None
        if values["kind"] is None:
            values["kind"] = n.lib.HS_KIND_UNSET
        if "scope" in fields and values.get("scope") is None:
            values["scope"] = n.lib.HS_SCOPE_UNSET
        fill(array + i, {k: v for k, v in values.items() if v is not None}, keep)
    return array
