"""Codebooks: the depth of each kind of tie (docs/codebook.md)."""
import json
import os

from . import errors
from ._native import check, encode, native


class Codebook:
    """The depth of each kind of tie and the factor of each scope.

    Codebook() is the built-in codebook; Codebook("codebook.json") applies a
    codebook file on top of it (format in docs/codebook.md); Codebook.from_json
    takes the same JSON as text or a dict. Every function that takes
    `codebook=` accepts a Codebook or a file's path.

        cb = hubspoke.Codebook()
        cb.set_tie_weight("dialogue", 0.2)
        model.metrics(2023, codebook=cb)
    """

    def __init__(self, path=None):
        n = native()
        out = n.ffi.new("hs_codebook **")
        if path is None:
            check(n.lib.hs_codebook_new(out))
        else:
            check(n.lib.hs_codebook_read_file(encode(path, "the codebook's path"), out))
        self._ptr = n.ffi.gc(out[0], n.lib.hs_codebook_destroy)
        self.source = None if path is None else os.fspath(path)

    @classmethod
    def from_json(cls, data, name=None):
        """A codebook from JSON text (str or bytes) or a dict in the codebook
        file format; `name` names it in error messages."""
        n = native()
        if isinstance(data, dict):
            data = json.dumps(data)
        raw = encode(data, "the codebook")
        out = n.ffi.new("hs_codebook **")
        check(n.lib.hs_codebook_read_memory(raw, len(raw), encode(name) if name else n.ffi.NULL, out))
        self = cls.__new__(cls)
        self._ptr = n.ffi.gc(out[0], n.lib.hs_codebook_destroy)
        self.source = name
        return self

    def copy(self):
        """An independent copy."""
        n = native()
        out = n.ffi.new("hs_codebook **")
        check(n.lib.hs_codebook_copy(self._ptr, out))
        other = Codebook.__new__(Codebook)
        other._ptr = n.ffi.gc(out[0], n.lib.hs_codebook_destroy)
        other.source = self.source
        return other

    def tie_weight(self, kind):
        """The depth of a bilateral tie of `kind` ("treaty", ...; None: an untyped tie)."""
        return native().lib.hs_codebook_tie_weight(self._ptr, _kind(kind))

    def set_tie_weight(self, kind, weight):
        """Change the depth of `kind`, in (0, 1]."""
        check(native().lib.hs_codebook_set_tie_weight(self._ptr, _kind(kind), float(weight)))

    def scope_factor(self, scope):
        """The factor of a mechanism's scope ("issue", "broad"; None counts as issue)."""
        return native().lib.hs_codebook_scope_factor(self._ptr, _scope(scope))

    def set_scope_factor(self, scope, factor):
        """Change the factor of `scope`, in (0, 1]."""
        check(native().lib.hs_codebook_set_scope_factor(self._ptr, _scope(scope), float(factor)))

    def mechanism_weight(self, kind, scope=None):
        """The default depth of co-membership in a mechanism of `kind` and `scope`."""
        return native().lib.hs_codebook_mechanism_weight(self._ptr, _kind(kind), _scope(scope))

    def weights(self):
        """{kind: depth} for every kind of tie, "unspecified" for untyped ties."""
        n = native()
        out = {}
        for k in range(n.lib.HS_KIND_COUNT):
            if k != n.lib.HS_KIND_MEMBER:
                out[n.string(n.lib.hs_kind_name(k))] = n.lib.hs_codebook_tie_weight(self._ptr, k)
        out["unspecified"] = n.lib.hs_codebook_tie_weight(self._ptr, n.lib.HS_KIND_UNSET)
        return out

    def __repr__(self):
        return "<hubspoke.Codebook %s>" % (self.source or "built-in")


def _kind(kind):
    n = native()
    if kind is None or kind == "unspecified":
        return n.lib.HS_KIND_UNSET
    k = n.lib.hs_kind_parse(encode(kind, "a kind"))
    if k == n.lib.HS_KIND_UNSET:
        raise errors.ArgumentError("unknown kind %r" % (kind,))
    return k


def _scope(scope):
    n = native()
    if scope is None:
        return n.lib.HS_SCOPE_UNSET
    s = n.lib.hs_scope_parse(encode(scope, "a scope"))
    if s == n.lib.HS_SCOPE_UNSET:
        raise errors.ArgumentError("unknown scope %r" % (scope,))
    return s
