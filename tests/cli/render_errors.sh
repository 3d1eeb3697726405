#!/usr/bin/env bash
# The failure contract of `hubspoke render` and `hubspoke evolve`, end to end:
# bad engines and options, unwritable outputs, a year with nothing to draw, and
# a DOT helper that is missing, crashes (in the layout or in the drawing) or
# answers nonsense. Each must exit 1 (or 2 for usage), print exactly the one
# expected line on stderr and nothing on stdout, and leave the output as it
# was: no file, no temporary file, an existing file untouched. Also the
# `hubspoke-dot render` usage errors. One line per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
D=${HUBSPOKE_DOT:-}
[[ -n $D && -x $D ]] || { echo "HUBSPOKE_DOT must name the built hubspoke-dot"; exit 1; }
export HUBSPOKE_DOT_HELPER=$D
mkdir "$T/out"
cd "$T" || exit 1

# refused_drawing NAME EXIT LINE PROGRAM ARGS...: lib.sh's refused_cmd, and
# $T/out holding only "keep.svg" with its old content.
refused_drawing() {
    local name=$1
    printf 'old\n' >"$T/out/keep.svg"
    refused_cmd "$@"
    local listing
    listing=$(cd "$T/out" && ls -A | tr '\n' ' ')
    [[ $listing == "keep.svg " ]] || fail "$name: output directory holds '$listing'"
    [[ $(cat "$T/out/keep.svg") == old ]] || fail "$name: the existing output was changed"
}

cat >small.graphml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind"/><key id="s" for="all" attr.name="since"/>
  <graph edgedefault="undirected">
    <node id="A"/><node id="B"/><node id="C"><data key="s">2010</data></node>
    <edge source="A" target="B"><data key="k">treaty</data><data key="s">2000</data></edge>
    <edge source="A" target="C"><data key="k">access</data></edge>
  </graph>
</graphml>
EOF
OUT=$T/out/keep.svg

# ---- usage ---------------------------------------------------------------------------
refused_drawing engine 2 "hubspoke render: --engine 'spring' is not one of neato, fdp, dot, circo (see 'hubspoke render --help')" \
    "$H" render small.graphml --engine spring -o "$OUT"
refused_drawing extension 2 "hubspoke render: '$T/out/x.jpg': the extension names no format (.svg, .png, .pdf, .gv) (see 'hubspoke render --help')" \
    "$H" render small.graphml -o "$T/out/x.jpg"
refused_drawing no-output 2 "hubspoke render: missing -o OUT (see 'hubspoke render --help')" "$H" render small.graphml
refused_drawing no-years 2 "hubspoke evolve: missing --years Y1,Y2,... (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml -o "$OUT"
refused_drawing bad-years 2 "hubspoke evolve: --years: '20x1' is not a year or a range A:B[:STEP] (A <= B, years in [-9999, 9999]) (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001,20x1 -o "$OUT"
refused_drawing empty-year 2 "hubspoke evolve: --years '2001,,2003': an empty item (years and ranges are separated by commas) (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001,,2003 -o "$OUT"
refused_drawing render-years 2 "hubspoke render: unknown option '--years' (see 'hubspoke render --help')" \
    "$H" render small.graphml --years 2001 -o "$OUT"
refused_drawing focus-unknown 2 "hubspoke: small.graphml: focus 'US' names no state" \
    "$H" evolve small.graphml --years 2001 --focus US,A -o "$OUT"
refused_drawing mechanism-unknown 2 "hubspoke: small.graphml: 'A' names no mechanism" \
    "$H" evolve small.graphml --years 2001 --mechanism A -o "$OUT"

# The figure's options (docs/render.md, "Options").
refused_cmd width-unit 2 "hubspoke render: --width '6.5' is not a length from 2in to 200in: a number and a unit, in, cm, mm or pt (e.g. 6.5in) (see 'hubspoke render --help')" \
    "$H" render small.graphml --width 6.5 -o "$OUT"
refused_cmd width-small 2 "hubspoke render: --width '1in' is not a length from 2in to 200in: a number and a unit, in, cm, mm or pt (e.g. 6.5in) (see 'hubspoke render --help')" \
    "$H" render small.graphml --width 1in -o "$OUT"
refused_cmd font-size 2 "hubspoke evolve: --font-size '2' is not a number in [4, 36] (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001 --font-size 2 -o "$OUT"
refused_cmd labels 2 "hubspoke render: --labels 'ids' is not one of id, name, none (see 'hubspoke render --help')" \
    "$H" render small.graphml --labels ids -o "$OUT"
refused_cmd mechanisms 2 "hubspoke render: --mechanisms 'hulls' is not one of auto, nodes, surfaces (see 'hubspoke render --help')" \
    "$H" render small.graphml --mechanisms hulls -o "$OUT"
refused_cmd grid-form 2 "hubspoke evolve: --grid '2by3' is not ROWSxCOLUMNS, each from 1 to 64 (e.g. 2x3) (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001,2012 --grid 2by3 -o "$OUT"
refused_cmd grid-small 2 "hubspoke evolve: --grid 1x1 has room for 1 panels, not 2 (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001,2012 --grid 1x1 -o "$OUT"
refused_cmd grid-empty-row 2 "hubspoke evolve: --grid 3x1 leaves its last row empty with 2 panels (see 'hubspoke evolve --help')" \
    "$H" evolve small.graphml --years 2001,2012 --grid 3x1 -o "$OUT"
refused_cmd too-narrow 2 "hubspoke: small.graphml: in a figure 144 pt wide, 2 panels to a row leave too little room for this system at 36 pt type: make it wider, the type smaller or the rows longer" \
    "$H" evolve small.graphml --years 2001,2012 --grid 1x2 --width 2in --font-size 36 -o "$OUT"
refused_cmd report-list 2 "hubspoke report: --years names a period A:B of consecutive years, not a list (see 'hubspoke report --help')" \
    "$H" report small.graphml --years 2001,2012 -o "$T/out/r.html"
refused_cmd report-no-years 2 "hubspoke report: missing --years A:B (see 'hubspoke report --help')" \
    "$H" report small.graphml -o "$T/out/r.html"
refused_cmd chart-no-plot 2 "hubspoke compare: --width is the chart's: give --plot OUT (see 'hubspoke compare --help')" \
    "$H" compare small.graphml --years 2001:2002 --width 7in

# ---- nothing to draw, unwritable output ---------------------------------------------
# A year without ties draws its states alone; a figure with no state at all is refused.
refused_drawing nothing 1 "hubspoke: small.graphml: nothing to draw: none of the states drawn is active in that year" \
    "$H" evolve small.graphml --years 1990 --focus C -o "$OUT"
refused_drawing nothing-years 1 "hubspoke: small.graphml: nothing to draw: none of the states drawn is active in those years" \
    "$H" evolve small.graphml --years 1990,2005 --focus C -o "$OUT"
refused_drawing no-dir 1 "hubspoke: $T/out/none/x.svg: cannot create: No such file or directory" \
    "$H" render small.graphml --year 2001 -o "$T/out/none/x.svg"
refused_drawing not-dir 1 "hubspoke: $T/out/keep.svg/x.png: cannot create: Not a directory" \
    "$H" render small.graphml --year 2001 -o "$T/out/keep.svg/x.png"

# ---- the helper ----------------------------------------------------------------------
refused_drawing helper-missing 1 "hubspoke: small.graphml: cannot run the DOT helper '$T/none/hubspoke-dot': No such file or directory (set HUBSPOKE_DOT_HELPER)" \
    env HUBSPOKE_DOT_HELPER="$T/none/hubspoke-dot" "$H" render small.graphml -o "$OUT"
printf '#!/bin/sh\nkill -SEGV $$\n' >crash.sh
chmod +x crash.sh
refused_drawing helper-crash 1 "hubspoke: small.graphml: Graphviz's layout crashed (signal 11)" \
    env HUBSPOKE_DOT_HELPER="$T/crash.sh" "$H" render small.graphml -o "$OUT"
# Lays out, then dies while drawing: the figure must not appear.
printf '#!/bin/sh\ncase "$*" in *json*) exec "%s" "$@";; esac\ncat >/dev/null\nkill -KILL $$\n' "$D" >crash-draw.sh
chmod +x crash-draw.sh
refused_drawing helper-crash-draw 1 "hubspoke: small.graphml: Graphviz's renderer crashed (signal 9)" \
    env HUBSPOKE_DOT_HELPER="$T/crash-draw.sh" "$H" evolve small.graphml --years 2001,2012 -o "$OUT"
printf '#!/bin/sh\necho "not json"\n' >nonsense.sh
chmod +x nonsense.sh
refused_drawing helper-nonsense 1 "hubspoke: small.graphml: the layout from the DOT helper is not JSON: *" \
    env HUBSPOKE_DOT_HELPER="$T/nonsense.sh" "$H" render small.graphml -o "$OUT"
printf '#!/bin/sh\necho "partial" ; exit 3\n' >exit3.sh
chmod +x exit3.sh
refused_drawing helper-exit3 1 "hubspoke: small.graphml: the DOT helper '$T/exit3.sh' failed (exit 3)" \
    env HUBSPOKE_DOT_HELPER="$T/exit3.sh" "$H" render small.graphml -o "$OUT"

# ---- hubspoke-dot render ---------------------------------------------------------------
printf 'graph { a -- b }\n' >g.gv
refused_drawing dot-no-format 2 "hubspoke-dot: render needs --format (see hubspoke-dot --help)" "$D" render g.gv
refused_drawing dot-format 2 "hubspoke-dot: unknown format 'gif' (see hubspoke-dot --help)" "$D" render --format gif g.gv
refused_drawing dot-engine 2 "hubspoke-dot: unknown layout engine 'spring' (see hubspoke-dot --help)" \
    "$D" render --format svg --engine spring g.gv
refused_drawing dot-engine-value 2 "hubspoke-dot: --engine needs a value (see hubspoke-dot --help)" "$D" render --format svg g.gv --engine
printf 'graph { a -- }\n' >bad.gv
refused_drawing dot-syntax 1 "bad.gv:1: syntax error near '}'" "$D" render --format svg bad.gv
printf 'graph { a [pos="1,1"]; b }\n' >nopos.gv
refused_drawing dot-no-pos 1 "nopos.gv: node b in graph %1 has no position" "$D" render --format svg --engine nop2 nopos.gv

finish
