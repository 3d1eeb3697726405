"""The measures of a model as pandas data frames: metrics, panels, compare,
whatif and classify. Model inherits these methods (MeasureMethods); every
number comes from one library call (hs_metrics_table, hs_whatif_table,
hs_classification_new), the calls the CLI prints from."""
import math
import operator
import os

from . import errors, tables
from ._convert import struct_dict
from ._native import check, encode, native
from ._options import fill, view_options, year_value


def _is_year(value):
    try:
        operator.index(value)
        return True
    except TypeError:
        return False


def _year_list(years):
    """A list of years from an iterable of them (range(1951, 2026), a list)."""
    if _is_year(years) or isinstance(years, (str, bytes)):
        raise errors.ArgumentError("years must be an iterable of years (e.g. range(1951, 2026)), not %r"
                                   % (years,))
    out = [year_value(y) for y in years]
    if not out:
        raise errors.ArgumentError("no years given")
    return out


INDICES = ["coordination", "unidirectionality", "closedness"]


def chosen_columns(measures):
    """The measures named, headed by the three indices, which always head the
    system table when measures are chosen (as `hubspoke metrics --measures`);
    None (every measure) when none are."""
    if measures is None:
        return None
    return INDICES + ([measures] if isinstance(measures, str) else list(measures))


def compare_columns(measures):
    """The columns of `hubspoke compare`: the indices, the chosen measures
    (default: the registry's default set), the mechanisms started and ended."""
    return chosen_columns(["default"] if measures is None else measures) + ["mechanisms_started",
                                                                           "mechanisms_ended"]


def _spell(edits):
    """A scenario's name from its edits: "drop_tie JPN KOR; add_member VNM Quad"."""
    parts = []
    for e in edits:
        values = list(e.values()) if isinstance(e, dict) else list(e)
        parts.append(" ".join(str(v) for v in values if v is not None))
    return "; ".join(parts)


def compare(models, year=None, hub=None, focus=None, codebook=None, measures=None, permutations=None, seed=None):
    """The table of `hubspoke compare FILE1 FILE2 ...`: one row per model (a
    file per period), in order, with `file`, `period` (the graph attribute,
    else the file's name without directory and extension), `year`, `hub`, the
    indices, the measures (default: compare's default set) and the mechanisms
    started and ended since the previous model. `year` looks at that year of
    each; None at the whole of each. Options as Model.metrics().

        hubspoke.compare([hubspoke.read("graphs/asia-pacific.gv"), hubspoke.read("graphs/us-japan-rok.gv")])
    """
    from .model import Model

    n = native()
    ffi, lib = n.ffi, n.lib
    models = list(models)
    if not models or not all(isinstance(m, Model) for m in models):
        raise errors.ArgumentError("compare takes a list of hubspoke models")
    keep = []
    vopts = view_options(year, hub, focus, codebook, keep)
    mopts = tables.metrics_options(compare_columns(measures), permutations, seed, keep)
    array = ffi.new("hs_model *[]", [m._ptr for m in models])
    (table,) = tables.tables(lambda t: lib.hs_metrics_table_models(array, len(models), vopts, mopts, t, ffi.NULL),
                             True)
    table.insert(0, "period", [m.period if m.period is not None else
                               os.path.splitext(os.path.basename(m.file))[0] for m in models])
    table.insert(0, "file", [m.file for m in models])
    return table


class Metrics:
    """The measures of one system (Model.metrics()): `system`, a one-row
    DataFrame; `states`, a row per state; `indices`, {coordination,
    unidirectionality, closedness}; `year` and `hub`."""

    def __init__(self, system, states):
        self.system = system
        self.states = states
        row = system.iloc[0] if len(system) else {}
        groups = system.attrs.get("measures", {})
        self.indices = {name: float(row[name]) for name, info in groups.items() if info.get("group") == "indices"}
        self.year = None if not len(system) or _missing(row["year"]) else int(row["year"])
        self.hub = None if not len(system) or _missing(row["hub"]) else row["hub"]

    def __repr__(self):
        return "<hubspoke.Metrics year=%s hub=%s %s, %d states>" % (
            self.year, self.hub, " ".join("%s=%.4f" % kv for kv in self.indices.items()), len(self.states))

    def _repr_html_(self):
        head = ", ".join("%s %.4f" % kv for kv in self.indices.items())
        return "<p><b>%s</b>, hub %s: %s</p>%s" % (self.year if self.year is not None else "all years", self.hub,
                                                   head, self.states.to_html(index=False))


class WhatIf:
    """What imagined edits change (Model.whatif()): `before`, `after` and
    `change` (after - before), a row per scenario and year with the system
    measures, and `types`, each mechanism's type before and after."""

    def __init__(self, before, after, change, types):
        self.before, self.after, self.change, self.types = before, after, change, types

    def __repr__(self):
        return "<hubspoke.WhatIf %d rows>" % len(self.change)


def _missing(value):
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


class MeasureMethods:
    """The measure methods of hubspoke.Model."""

    def metrics(self, year=None, hub=None, focus=None, codebook=None, measures=None, permutations=None,
                seed=None):
        """Every measure of the system in `year` (None: every element of the
        file, whatever its dates), as `hubspoke metrics` computes it
        (docs/metrics.md): a Metrics with `.system` (one row: year, hub, the
        system measures), `.states` (one row per active state: year, name,
        role, the state measures) and `.indices` ({coordination,
        unidirectionality, closedness}).

        `hub` takes a state as the hub instead of inferring it; `focus`, a
        list of state ids, measures that subsystem; `codebook` a Codebook or
        a codebook file's path; `measures` the columns, by name (see
        hubspoke.measures(); a table none of whose measures is named has them
        all; the three indices always head the system table); `permutations`
        and `seed` those of the E-I test (1000 and 1).

            m = asia.metrics(2023)
            m.indices["unidirectionality"], m.states.set_index("name").loc["JPN", "hub_dependence"]
        """
        system, states = self._tables([], hub, focus, codebook, measures, permutations, seed, True, True,
                                      year=year)
        return Metrics(system, states)

    def panel(self, years, hub=None, focus=None, codebook=None, measures=None, permutations=None, seed=None):
        """The state measures of every year in `years` (an iterable of years,
        e.g. range(1951, 2026)) as one DataFrame: a row per state and year
        (year, name, role, the state measures), the years in the order given.
        The file is read once and each year measured on its own, in one call
        of the library (hs_metrics_table), as `hubspoke metrics --years`.
        Options as metrics().

            p = asia.panel(range(1951, 2026))
            p.pivot(index="year", columns="name", values="hub_dependence")
        """
        return self._tables(_year_list(years), hub, focus, codebook, measures, permutations, seed, False, True)[1]

    def system_panel(self, years, hub=None, focus=None, codebook=None, measures=None, permutations=None,
                     seed=None):
        """The system measures of every year in `years` as one DataFrame, a
        row per year (year, hub, the indices and the system measures), as
        `hubspoke metrics --years --table system`. Options as metrics().

            asia.system_panel(range(1951, 2026)).set_index("year")[["coordination", "closedness"]]
        """
        return self._tables(_year_list(years), hub, focus, codebook, measures, permutations, seed, True, False)[0]

    def compare(self, years, hub=None, focus=None, codebook=None, measures=None, permutations=None, seed=None):
        """The table of `hubspoke compare FILE --years`: a row per year with
        the indices K, U, C, the measures (`measures`; default: compare's
        default set, docs/compare.md) and the mechanisms started and ended
        since the previous row. hubspoke.compare() compares several files.

            asia.compare(range(2010, 2025), measures=["ei_index", "conductance"])
        """
        return self._tables(_year_list(years), hub, focus, codebook, compare_columns(measures), permutations,
                            seed, True, False)[0]

    def whatif(self, edits, year=None, hub=None, focus=None, codebook=None, measures=None, permutations=None,
               seed=None):
        """The system measures before and after imagined edits of the system,
        and the change (after - before, a fall negative), as `hubspoke
        whatif` computes them (docs/compare.md, "whatif"): a WhatIf with
        `.before`, `.after`, `.change` (a row per scenario and year: year,
        scenario, hub, the measures) and `.types` (each mechanism's type
        before and after).

        `edits` is one scenario, a list of edits applied in order, or a dict
        {name: edits} of several. An edit is a tuple (type, a, b, kind,
        scope), as long as it needs, or a dict of those fields: ("drop_tie",
        "JPN", "KOR"), ("drop_state", "PHL"), ("drop_mechanism", "Quad"),
        ("add_tie", "USA", "VNM", "treaty"), ("add_member", "VNM", "Quad"),
        {"type": "add_mechanism", "a": "Pentad", "kind": "exercise"}. `year`
        is a year, a list of years, or None (the whole file). Options as
        metrics().

            w = asia.whatif([("drop_tie", "JPN", "KOR")], 2020)
            w.change[["coordination", "unidirectionality", "closedness"]]
        """
        n = native()
        ffi, lib = n.ffi, n.lib
        scenarios = edits if isinstance(edits, dict) else {_spell(edits): edits}
        if not scenarios:
            raise errors.ArgumentError("whatif needs at least one scenario")
        years = [] if year is None else _year_list([year] if _is_year(year) else year)
        keep = []
        vopts = view_options(None, hub, focus, codebook, keep)
        mopts = tables.metrics_options(chosen_columns(measures), permutations, seed, keep)
        array = ffi.new("hs_scenario[]", len(scenarios))
        models = []
        for i, (name, scenario) in enumerate(scenarios.items()):
            scenario = list(scenario)
            structs = tables.edit_structs(scenario, keep)
            keep.append(ffi.new("char[]", encode(str(name), "a scenario's name")))
            array[i].name = keep[-1]
            array[i].edits = structs
            array[i].edit_count = len(scenario)
            out = ffi.new("hs_model **")
            check(lib.hs_scenario_model(self._ptr, structs, len(scenario), out))
            from .model import _wrap

            models.append((name, structs, len(scenario),
                           _wrap(out[0]) if out[0] != ffi.NULL else self))
        year_array = ffi.new("int[]", years) if years else ffi.NULL
        before, after, change = tables.tables(
            lambda b, a, c: lib.hs_whatif_table(self._ptr, vopts, year_array, len(years), array, len(scenarios),
                                                mopts, b, a, c), True, True, True)
        return WhatIf(before, after, change, self._types(models, years, vopts))

    def _types(self, scenarios, years, vopts):
        """Each mechanism's type before and after each scenario's edits, in each
        year: the mechanisms active before first, in file order, as whatif prints."""
        import pandas as pd

        ffi = native().ffi
        rows = []
        for year in years or [None]:
            opts = ffi.new("hs_view_options *", vopts[0])
            if year is not None:
                opts.has_year, opts.year = 1, year
            before = self._classification(opts)
            for name, structs, count, model in scenarios:
                edited = ffi.new("hs_view_options *", opts[0])
                edited.edits, edited.edit_count = structs, count
                after = model._classification(edited)
                for mech in list(before) + [m for m in after if m not in before]:
                    rows.append({"year": year, "scenario": name, "id": mech, "before": before.get(mech),
                                 "after": after.get(mech), "changed": before.get(mech) != after.get(mech)
                                 or mech not in before or mech not in after})
        return pd.DataFrame(rows, columns=["year", "scenario", "id", "before", "after", "changed"])

    def _classification(self, vopts):
        """{mechanism id: type name ("unclassified" for none)} of a view, in file order."""
        n = native()
        ffi, lib = n.ffi, n.lib
        out = ffi.new("hs_classification **")
        check(lib.hs_classification_new(self._ptr, vopts, ffi.NULL, out))
        c = ffi.gc(out[0], lib.hs_classification_destroy)
        types = {}
        for k in range(lib.hs_classification_count(c)):
            mech = lib.hs_classification_get(c, k)
            types[n.string(mech.id)] = n.string(lib.hs_mechanism_type_name(mech.type)) or "unclassified"
        return types

    def _tables(self, years, hub, focus, codebook, measures, permutations, seed, want_system, want_states,
                year=None):
        """The system and states tables of a panel of `years`, or of the view of
        `year` (None: the whole file) when `years` is empty."""
        n = native()
        ffi, lib = n.ffi, n.lib
        keep = []
        vopts = view_options(year, hub, focus, codebook, keep)
        mopts = tables.metrics_options(chosen_columns(measures), permutations, seed, keep)
        year_array = ffi.new("int[]", [year_value(y) for y in years]) if years else ffi.NULL
        return tables.tables(lambda s, t: lib.hs_metrics_table(self._ptr, vopts, year_array, len(years), mopts,
                                                               s, t), want_system, want_states)

    def classify(self, year=None, hub=None, focus=None, codebook=None, **options):
        """Each mechanism active in `year` placed in the paper's typology, as
        `hubspoke classify` places it (docs/typology.md): a DataFrame with one
        row per mechanism, in file order, and a column for every field of the
        library's hs_mechanism_class, named as the CLI's JSON names them: id,
        label, members and member_roles, size (the number of members) and
        size_class, outside_members, exceeds_one_outside_partner, type (the
        size outcome, else the cell), verdict (the type, or "ambiguous" when
        its agreement is below the level), agreement, alternatives ({type:
        share of the redraws}, largest first), cell, the changes of U and C
        that decide it with the indices with and without the mechanism, on
        the system and on the hub's lines, explanation, and whatever the
        library adds. df.attrs holds the rest of the CLI's JSON: year, hub,
        critical_mass, thresholds, reference (the median changes the
        thresholds come from) and sensitivity (the redraws' settings).

        Options, by the name of their field in hs_classify_options: mechanism
        (one id), critical_mass, sensitivity (codebook redraws for
        `agreement`), seed, spread, recode, the thresholds, ambiguous_below
        and whatever else that struct holds; hub, focus and codebook as for
        metrics().

            asia.classify(2023, sensitivity=1000)[["id", "type", "verdict", "agreement"]]
        """
        import pandas as pd

        n = native()
        ffi, lib = n.ffi, n.lib
        keep = []
        vopts = view_options(year, hub, focus, codebook, keep)
        copts = ffi.new("hs_classify_options *")
        lib.hs_classify_options_init(copts)
        fill(copts, options, keep)
        out = ffi.new("hs_classification **")
        check(lib.hs_classification_new(self._ptr, vopts, copts, out))
        classification = ffi.gc(out[0], lib.hs_classification_destroy)
        rows = [_class_row(struct_dict(lib.hs_classification_get(classification, k), skip=("vertex",)))
                for k in range(lib.hs_classification_count(classification))]
        frame = pd.DataFrame(rows, columns=_class_columns(ffi))
        frame.attrs.update(year=vopts.year if vopts.has_year else None,
                           hub=n.string(lib.hs_classification_hub(classification)),
                           **_classify_settings(copts, classification))
        return frame


# hs_mechanism_class's fields under the CLI's JSON names (docs/typology.md):
# parallel arrays become one column, the count of members the size.
_CLASS_RENAMED = {"member_ids": "members", "member_count": "size"}
_CLASS_FOLDED = {"alternative_types": "alternatives", "alternative_shares": None, "alternative_count": None}


# The order of the CLI's JSON object for a mechanism; a field the library
# adds and this list does not name comes after them, before the explanation.
_CLASS_ORDER = ["id", "label", "members", "member_roles", "size", "size_class", "outside_members",
                "exceeds_one_outside_partner", "type", "verdict", "agreement", "alternatives", "cell",
                "system_delta_unidirectionality", "system_delta_closedness", "system_unidirectionality_without",
                "system_unidirectionality_with", "system_closedness_without", "system_closedness_with",
                "type_lines", "cell_lines", "agreement_lines", "delta_unidirectionality", "delta_closedness",
                "unidirectionality_without", "unidirectionality_with", "closedness_without", "closedness_with"]


def _class_columns(ffi):
    columns = []
    for f, _ in ffi.typeof("hs_mechanism_class").fields:
        name = _CLASS_RENAMED.get(f, _CLASS_FOLDED.get(f, f))
        if f != "vertex" and name is not None and name not in columns:
            columns.append(name)
    rank = {c: i for i, c in enumerate(_CLASS_ORDER + [c for c in columns if c not in _CLASS_ORDER
                                                       and c != "explanation"] + ["explanation"])}
    return sorted(columns, key=rank.get)


def _class_row(row):
    """A mechanism's dict of struct fields as the frame's row: alternatives as
    {type: share} in the library's order (largest share first), the flag a bool."""
    row["alternatives"] = dict(zip(row.pop("alternative_types"), row.pop("alternative_shares")))
    row.pop("alternative_count")
    row["exceeds_one_outside_partner"] = bool(row["exceeds_one_outside_partner"])
    return {_CLASS_RENAMED.get(k, k): v for k, v in row.items()}


def _classify_settings(copts, classification):
    """The settings and references `hubspoke classify` prints beside the
    mechanisms, with the same keys (NaN where the JSON has null)."""
    ffi, lib = native().ffi, native().lib
    fixed = not (math.isnan(copts.threshold_unidirectionality) and math.isnan(copts.threshold_closedness))

    def reference(picture):
        relations = ffi.new("size_t[2]")
        u = lib.hs_classification_reference(classification, picture, 1, relations)
        c = lib.hs_classification_reference(classification, picture, 0, relations + 1)
        return {"unidirectionality": u, "closedness": c,
                "relations": {"unidirectionality": relations[0], "closedness": relations[1]}}

    return {"critical_mass": copts.critical_mass,
            "thresholds": {"rule": "fixed" if fixed else "reference", "quantile": copts.reference_quantile,
                           "unidirectionality": copts.threshold_unidirectionality,
                           "closedness": copts.threshold_closedness, "tolerance": CLASSIFY_TOLERANCE},
            "reference": {"system": reference(lib.HS_PICTURE_SYSTEM), "lines": reference(lib.HS_PICTURE_LINES)},
            "sensitivity": {"draws": copts.sensitivity, "seed": copts.seed, "spread": copts.spread,
                            "recode": copts.recode, "quantile_range": [copts.quantile_low, copts.quantile_high],
                            "ambiguous_below": copts.ambiguous_below}}


# HS_CLASSIFY_TOLERANCE of classify.h: a floating-point #define, which cffi's
# declarations cannot carry; test_classify checks it against the CLI's JSON.
CLASSIFY_TOLERANCE = 1e-9
