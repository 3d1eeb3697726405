"""C results to Python values, by the C types cffi reads from the declarations,
so that a field the library adds to a result struct becomes a column without
a change here (the counterpart of _options.fill for outputs)."""
import os

from ._native import native


def count_field(fields, name):
    """The `X_count` field that counts the array field `name`, the longest X
    that starts `name` (focus_count for focus, edit_count for edits,
    member_count for member_ids and member_roles); None if there is none."""
    best = None
    for f in fields:
        if f.endswith("_count") and f != name and name.startswith(f[: -len("_count")]):
            if best is None or len(f) > len(best):
                best = f
    return best


def enum_name(ctype, value):
    """The name the library gives an enum value (hs_T_name(value) for enum
    type hs_T; None where it says NULL), else the constant's name without the
    prefix the enum's constants share, in lower case (HS_MEASURE_STATE: "state")."""
    n = native()
    namer = getattr(n.lib, ctype.cname + "_name", None) if ctype.cname.startswith("hs_") else None
    if namer is not None:
        return n.string(namer(value))
    if value not in ctype.elements:
        return value
    names = list(ctype.relements)
    prefix = os.path.commonprefix(names) if len(names) > 1 else names[0].rsplit("_", 1)[0] + "_"
    prefix = prefix[: prefix.rfind("_") + 1]
    return ctype.elements[value][len(prefix):].lower()


def _scalar(ctype, value):
    n = native()
    if ctype.kind == "enum":
        return enum_name(ctype, value)
    if ctype.kind == "pointer" and ctype.item.cname == "char":
        return n.string(value)
    return value


def struct_dict(ptr, skip=()):
    """A dict of the fields of the struct `ptr` points to. Arrays with a count
    field become lists; other pointers are left out."""
    ffi = native().ffi
    ctype = ffi.typeof(ptr).item
    fields = dict(ctype.fields)
    counts = {c for c in (count_field(fields, f) for f, t in fields.items() if t.type.kind == "pointer") if c}
    out = {}
    for name, field in ctype.fields:
        if name in skip:
            continue
        ftype = field.type
        value = getattr(ptr, name)
        if ftype.kind == "pointer" and not (ftype.item.cname == "char"):
            count = count_field(fields, name)
            if count is None:
                continue
            length = getattr(ptr, count)
            out[name] = [] if value == ffi.NULL else [_scalar(ftype.item, value[i]) for i in range(length)]
        elif name in counts:
            out[name] = value
        elif ftype.kind == "struct":
            out.update({name + "_" + k: v for k, v in struct_dict(ffi.addressof(ptr, name)).items()})
        elif ftype.kind == "array":
            out[name] = [value[i] for i in range(len(value))]
        else:
            out[name] = _scalar(ftype, value)
    return out
