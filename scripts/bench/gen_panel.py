#!/usr/bin/python3
"""Synthetic panel for the compare benchmark: N states over Y years.

    gen_panel.py N YEARS OUT.graphml [--seed S] [--last 2025]

The system of gen_system.py (one hub, ~5% allies, ~20% partners, mechanisms
of 3-4 members, mean degree ~6), with dates: every tie and mechanism is
active over a random span inside the panel [last-YEARS+1, last] (some open
at either end), so that the system active in a year changes from year to
year. The treaties of the hub stay open, so every year has the same hub.
States are undated.
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_system  # noqa: E402

KEYS = """  <key id="n_since" for="node" attr.name="since" attr.type="int"/>
  <key id="n_until" for="node" attr.name="until" attr.type="int"/>
  <key id="e_since" for="edge" attr.name="since" attr.type="int"/>
  <key id="e_until" for="edge" attr.name="until" attr.type="int"/>
"""


def span(rng, first, last):
    """A random activity span as GraphML data, some ends open."""
    since = rng.randint(first - 20, last)
    until = since + rng.randint(5, 120)
    out = ""
    if rng.random() < 0.9:
        out += '<data key="%%s_since">%d</data>' % since
    if rng.random() < 0.7 and until <= last:
        out += '<data key="%%s_until">%d</data>' % until
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("years", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20240207)
    ap.add_argument("--last", type=int, default=2025)
    a = ap.parse_args()
    first = a.last - a.years + 1
    n, ties, mechs = gen_system.generate(a.n, a.seed + a.n)
    rng = random.Random(a.seed)
    name = lambda i: "s%d" % i  # noqa: E731
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(gen_system.HEADER + KEYS)
        f.write('  <graph id="panel" edgedefault="undirected"><data key="g_hub">s0</data>\n')
        for i in range(n):
            f.write('    <node id="%s"/>\n' % name(i))
        for mid, kind, scope, weight, _ in mechs:
            f.write('    <node id="%s"><data key="n_type">mechanism</data><data key="n_kind">%s</data>'
                    '<data key="n_scope">%s</data>%s%s</node>\n'
                    % (mid, kind, scope, '<data key="n_weight">%r</data>' % weight if weight is not None else "",
                       span(rng, first, a.last).replace("%s", "n")))
        for x, y, kind, w in ties:
            dates = "" if kind == "treaty" and 0 in (x, y) else span(rng, first, a.last).replace("%s", "e")
            f.write('    <edge source="%s" target="%s"><data key="e_kind">%s</data>%s%s</edge>\n'
                    % (name(x), name(y), kind, '<data key="e_weight">%r</data>' % w if w is not None else "", dates))
        for mid, _, _, _, members in mechs:
            for m in members:
                f.write('    <edge source="%s" target="%s"><data key="e_kind">member</data></edge>\n' % (name(m), mid))
        f.write("  </graph>\n</graphml>\n")
    print("%s: %d states, %d ties, %d mechanisms, years %d-%d" % (a.out, n, len(ties), len(mechs), first, a.last))


if __name__ == "__main__":
    main()
