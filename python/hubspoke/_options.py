"""Options structs of the C API filled from Python keywords, by field name.

Every hs_*_options struct is filled with its documented defaults by its
hs_*_options_init() and then changed field by field (hubspoke.h,
"Conventions"). fill() sets each keyword on the field of that name, converting
by the field's C type as cffi reads it from the generated declarations, so an
option the C library gains is a keyword of the package at once:

  const char *                    str (None: NULL)
  const char *const * + X_count   a list of str (or one str)
  const int * + X_count           a list of int
  an enum                         the constant's name without its prefix,
                                  case-insensitive: labels="name" for HS_LABELS_NAME
  const hs_codebook *             a hubspoke.Codebook, or a codebook file's path
  int, unsigned, size_t, double   a number (bool for the int flags)
"""
import operator
import os

from . import errors
from ._convert import count_field
from ._native import encode, native


def _enum_value(ctype, value, option):
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str):
        raise errors.ArgumentError("option %s: expected a name, not %r" % (option, value))
    want = value.strip().upper().replace("-", "_")
    matches = [v for name, v in ctype.relements.items() if name == want or name.endswith("_" + want)]
    if len(matches) != 1:
        names = sorted(n.split("_", 2)[-1].lower() for n in ctype.relements)
        raise errors.ArgumentError("option %s: unknown value %r (one of %s)" % (option, value, ", ".join(names)))
    return matches[0]


def fill(struct, options, keep, special=None):
    """Set each keyword of `options` on the cdata `struct` (a pointer to an
    options struct). Buffers the struct points into are appended to `keep`,
    which the caller holds until the C call returns. `special` maps an option
    name to a function(struct, value, keep) that sets it, for options that are
    not a plain field."""
    n = native()
    ffi = n.ffi
    ctype = ffi.typeof(struct).item
    fields = dict(ctype.fields)
    special = special or {}
    counts = {c for c in (count_field(fields, f) for f, t in fields.items() if t.type.kind == "pointer") if c}
    for option, value in options.items():
        if option in special:
            special[option](struct, value, keep)
            continue
        if option not in fields or option in counts:
            known = sorted(set(fields) - counts - {"has_year"} | set(special))
            raise errors.ArgumentError("unknown option %r (known: %s)" % (option, ", ".join(known)))
        ftype = fields[option].type
        if ftype.kind == "pointer" and ftype.item.cname == "char":
            buf = ffi.new("char[]", encode(value, "option " + option)) if value is not None else ffi.NULL
            keep.append(buf)
            setattr(struct, option, buf)
        elif ftype.kind == "pointer" and ftype.item.cname == "hs_codebook":
            setattr(struct, option, codebook_pointer(value, keep))
        elif ftype.kind == "pointer" and count_field(fields, option):
            count = count_field(fields, option)
            if value is None:
                setattr(struct, option, ffi.NULL)
                setattr(struct, count, 0)
                continue
            if isinstance(value, (str, bytes, os.PathLike)) or not hasattr(value, "__iter__"):
                value = [value]
            items = list(value)
            if ftype.item.cname == "char *":
                bufs = [ffi.new("char[]", encode(v, "an item of option " + option) if v is not None
                                else _none_item(option)) for v in items]
                keep.extend(bufs)
                array = ffi.new("char *[]", bufs)
            else:
                array = ffi.new(ftype.item.cname + "[]", [int(v) for v in items])
            keep.append(array)
            setattr(struct, option, array)
            setattr(struct, count, len(items))
        elif ftype.kind == "enum":
            setattr(struct, option, _enum_value(ftype, value, option))
        elif ftype.kind == "primitive":
            if value is None:
                raise errors.ArgumentError("option %s needs a value" % option)
            try:
                setattr(struct, option, value)
            except (TypeError, OverflowError) as e:
                raise errors.ArgumentError("option %s: %s" % (option, e)) from None
        else:
            raise errors.ArgumentError("option %s cannot be set from Python" % option)


def _none_item(option):
    raise TypeError("an item of option %s must be str, not None" % option)


def codebook_pointer(value, keep):
    """A `const hs_codebook *` for a Codebook, a path, or None (the built-in one)."""
    from .codebook import Codebook

    if value is None:
        return native().ffi.NULL
    if not isinstance(value, Codebook):
        value = Codebook(value)
    keep.append(value)
    return value._ptr


def year_value(year):
    """A year as the C API takes it: an int in [-9999, 9999]."""
    lib = native().lib
    try:
        y = operator.index(year)
    except TypeError:
        raise errors.ArgumentError("a year must be an integer, not %r" % (year,)) from None
    if not lib.HS_YEAR_FIRST <= y <= lib.HS_YEAR_LAST:
        raise errors.ArgumentError("year %d is outside [%d, %d]" % (y, lib.HS_YEAR_FIRST, lib.HS_YEAR_LAST))
    return y


def view_options(year, hub, focus, codebook, keep):
    """An hs_view_options for a year (None: the whole file), a hub, a focus
    and a codebook; the buffers it points into are appended to `keep`."""
    n = native()
    opts = n.ffi.new("hs_view_options *")
    n.lib.hs_view_options_init(opts)
    if year is not None:
        opts.has_year = 1
        opts.year = year_value(year)
    fill(opts, {k: v for k, v in (("hub", hub), ("focus", focus)) if v is not None}, keep)
    opts.codebook = codebook_pointer(codebook, keep)
    keep.append(opts)
    return opts
