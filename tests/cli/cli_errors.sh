#!/usr/bin/env bash
# The bad-input contract of the hubspoke command line, end to end: for every
# refusal, the exit status (1 bad input, 2 usage), exactly one line on stderr
# ("hubspoke: FILE[:LINE]: reason", or "hubspoke[ COMMAND]: reason" for usage
# errors) with the exact expected text, nothing on stdout, and for `convert` no
# output file and no temporary file left behind. Also --help and --version.
# One line per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
mkdir "$T/in" "$T/out"
cd "$T/in" || exit 1

# out_dir_is NAME EXPECTED: the listing of $T/out (no temporary files).
out_dir_is() {
    local got
    got=$(cd "$T/out" && find . -mindepth 1 -maxdepth 1 -printf '%f\n' | sort | tr '\n' ' ')
    [[ $got == "$2" ]] || fail "$1: output directory holds '$got', expected '$2'"
}

# gml FILE EDGEDEFAULT BODY...: a GraphML file declaring the schema keys; the
# header is 6 lines, so the first BODY line is line 7.
gml() {
    local file=$1 dir=$2
    shift 2
    {
        printf '<?xml version="1.0" encoding="UTF-8"?>\n'
        printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        printf '<key id="k" for="all" attr.name="kind"/><key id="r" for="node" attr.name="role"/><key id="t" for="node" attr.name="type"/>\n'
        printf '<key id="s" for="all" attr.name="since"/><key id="u" for="all" attr.name="until"/><key id="w" for="all" attr.name="weight"/>\n'
        printf '<key id="sc" for="node" attr.name="scope"/><key id="h" for="graph" attr.name="hub"/><key id="c" for="all" attr.name="color"/>\n'
        printf '<graph id="g" edgedefault="%s">\n' "$dir"
        printf '%s\n' "$@"
        printf '</graph>\n</graphml>\n'
    } >"$file"
}

KINDS="(expected treaty, access, intelligence, technology, exercise, partnership, dialogue or member)"

# ---- schema errors, each in DOT and in GraphML --------------------------------
# schema NAME DOT-TEXT GRAPHML-EDGEDEFAULT GRAPHML-BODY-LINE REASON [GRAPHML-LINE]
# The DOT file, one line long, is refused with "NAME.gv:1: REASON" (the DOT
# helper gives each element the line it is written on), the GraphML one with
# "NAME.graphml:LINE: REASON"; an empty LINE: a graph attribute, without one.
schema() {
    local name=$1 dottext=$2 dir=$3 body=$4 reason=$5 line=${6-7}
    printf '%s\n' "$dottext" >"$name.gv"
    gml "$name.graphml" "$dir" "$body"
    if [[ -n $line ]]; then
        refused "$name.gv" 1 "hubspoke: $name.gv:1: $reason" info "$name.gv"
        refused "$name.graphml" 1 "hubspoke: $name.graphml:$line: $reason" info "$name.graphml"
    else
        refused "$name.gv" 1 "hubspoke: $name.gv: $reason" info "$name.gv"
        refused "$name.graphml" 1 "hubspoke: $name.graphml: $reason" info "$name.graphml"
    fi
}

schema kind 'graph g { A -- B [kind=alliance]; }' undirected \
    '<edge source="A" target="B"><data key="k">alliance</data></edge>' \
    "edge 'A -- B': unknown kind 'alliance' $KINDS"
schema role 'graph g { A [role=king]; }' undirected \
    '<node id="A"><data key="r">king</data></node>' \
    "node 'A': unknown role 'king' (expected hub, ally, partner or other)"
schema type 'graph g { A [type=country]; }' undirected \
    '<node id="A"><data key="t">country</data></node>' \
    "node 'A': unknown type 'country' (expected state or mechanism)"
schema scope 'graph g { subgraph cluster_M { scope=wide; A; B; } }' undirected \
    '<node id="M"><data key="t">mechanism</data><data key="sc">wide</data></node>' \
    "mechanism 'M': unknown scope 'wide' (expected issue or broad)"
schema mechkind 'graph g { M [type=mechanism, kind=member]; }' undirected \
    '<node id="M"><data key="t">mechanism</data><data key="k">member</data></node>' \
    "mechanism 'M': unknown kind 'member' (expected treaty, access, intelligence, technology, exercise, partnership or dialogue)"
schema span 'digraph g { A -> B [since=2000, until=1990]; }' directed \
    '<edge source="A" target="B"><data key="s">2000</data><data key="u">1990</data></edge>' \
    "edge 'A -> B': since 2000 > until 1990"
schema emptyspan 'graph g { A [since=2000, until=2000]; }' undirected \
    '<node id="A"><data key="s">2000</data><data key="u">2000</data></node>' \
    "node 'A': since 2000 = until 2000: the span is empty (until is the first year no longer active)"
schema year 'graph g { A -- B [since=nineteen]; }' undirected \
    '<edge source="A" target="B"><data key="s">nineteen</data></edge>' \
    "edge 'A -- B': since 'nineteen' is not an integer year"
schema fracyear 'graph g { A [until=1990.5]; }' undirected \
    '<node id="A"><data key="u">1990.5</data></node>' \
    "node 'A': until '1990.5' is not an integer year"
schema range 'graph g { A [until=12000]; }' undirected \
    '<node id="A"><data key="u">12000</data></node>' \
    "node 'A': until 12000 is out of range [-9999, 9999]"
schema weight0 'graph g { A -- B [weight=0]; }' undirected \
    '<edge source="A" target="B"><data key="w">0</data></edge>' \
    "edge 'A -- B': weight 0 is out of range (0, 1]"
schema weight15 'graph g { A -- B [weight=1.5]; }' undirected \
    '<edge source="A" target="B"><data key="w">1.5</data></edge>' \
    "edge 'A -- B': weight 1.5 is out of range (0, 1]"
schema weightabc 'graph g { A -- B [weight=abc]; }' undirected \
    '<edge source="A" target="B"><data key="w">abc</data></edge>' \
    "edge 'A -- B': weight 'abc' is not a number"
schema member 'graph g { A -- B [kind=member]; }' undirected \
    '<edge source="A" target="B"><data key="k">member</data></edge>' \
    "edge 'A -- B': a member edge must end at a mechanism, and 'B' is not one (type=mechanism)"
schema memberfrom 'digraph g { M [type=mechanism]; N [type=mechanism]; M -> N [kind=member]; }' directed \
    '<node id="M"><data key="t">mechanism</data></node><node id="N"><data key="t">mechanism</data></node><edge source="M" target="N"><data key="k">member</data></edge>' \
    "edge 'M -> N': a member edge must start at a state, and 'M' is a mechanism"
schema treatymech 'graph g { M [type=mechanism]; A -- M [kind=treaty]; }' undirected \
    '<node id="M"><data key="t">mechanism</data></node><edge source="A" target="M"><data key="k">treaty</data></edge>' \
    "edge 'A -- M': a tie of kind treaty cannot involve mechanism 'M' (use kind=member for membership)"
schema statekind 'graph g { A [kind=treaty]; }' undirected \
    '<node id="A"><data key="k">treaty</data></node>' \
    "node 'A': attribute 'kind' applies to mechanisms only (set type=mechanism)"
schema mechrole 'graph g { M [type=mechanism, role=ally]; }' undirected \
    '<node id="M"><data key="t">mechanism</data><data key="r">ally</data></node>' \
    "mechanism 'M': a mechanism has no role (role=ally)"
schema hub 'graph g { hub=ZZZ; A -- B; }' undirected \
    '<data key="h">ZZZ</data><node id="A"/>' \
    "graph attribute hub='ZZZ' names no node" ""

# ---- DOT and GraphML syntax and structure ---------------------------------------
printf 'graph g {\n  A -- B [kind=treaty\n}\n' >syntax.gv
refused syntax.gv 1 "hubspoke: syntax.gv:3: syntax error near '}'" info syntax.gv
printf 'graph g {\n  A -- B;\n' >unterminated.gv
refused unterminated.gv 1 "hubspoke: unterminated.gv:3: syntax error" info unterminated.gv
printf 'graph g {\n  A -- B;\n}\n}\n' >trailing.gv
refused trailing.gv 1 "hubspoke: trailing.gv:4: syntax error near '}'" info trailing.gv

gml dup.graphml undirected '<node id="A"/>' '<node id="B"/>' '<node id="A"/>'
refused dup.graphml 1 "hubspoke: dup.graphml:9: duplicate id 'A' (first at line 7)" info dup.graphml
printf '<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a" x="1" x="2"/>\n</graph>\n</graphml>\n' >xml.graphml
refused xml.graphml 1 "hubspoke: xml.graphml:4: XML error: Attribute x redefined" info xml.graphml
# The first error, at its line (not libxml2's last, "Premature end of data" at line 7).
printf '<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>\n' >mismatch.graphml
refused mismatch.graphml 1 "hubspoke: mismatch.graphml:5: XML error: Opening and ending tag mismatch: node line 4 and graph" \
    info mismatch.graphml
printf '<?xml version="1.0"?>\n<gexf>\n<graph/>\n</gexf>\n' >root.graphml
refused root.graphml 1 "hubspoke: root.graphml:2: root element is <gexf>, not <graphml>" info root.graphml
printf '<?xml version="1.0"?>\n<graphml>\n<graph/>\n<graph/>\n</graphml>\n' >two.graphml
refused two.graphml 1 "hubspoke: two.graphml:4: more than one graph; hubspoke reads one graph per file" info two.graphml
gml undeclared.graphml undirected '<node id="A"><data key="zz">1</data></node>'
refused undeclared.graphml 1 "hubspoke: undeclared.graphml:7: <data> refers to undeclared key 'zz'" info undeclared.graphml
printf '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY foo "bar">]>\n<graphml>\n<key id="l" for="node" attr.name="label"/>\n<graph>\n<node id="a"><data key="l">&foo;</data></node>\n</graph>\n</graphml>\n' >entity.graphml
refused entity.graphml 1 "hubspoke: entity.graphml:6: entity reference '&foo;' is not supported" info entity.graphml
printf '<?xml version="1.0"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<graphml>\n<key id="l" for="node" attr.name="label"/>\n<graph>\n<node id="a"><data key="l">&x;</data></node>\n</graph>\n</graphml>\n' >xxe.graphml
refused xxe.graphml 1 "hubspoke: xxe.graphml:6: entity reference '&x;' is not supported" info xxe.graphml
gml hyper.graphml undirected '<node id="A"/><node id="B"/>' '<hyperedge><endpoint node="A"/><endpoint node="B"/></hyperedge>'
refused hyper.graphml 1 "hubspoke: hyper.graphml:8: hyperedges are not supported" info hyper.graphml

# ---- files that are not graphs ------------------------------------------------------
: >empty.gv
refused empty.gv 1 "hubspoke: empty.gv: empty file: no graph" info empty.gv
: >empty.graphml
refused empty.graphml 1 "hubspoke: empty.graphml: empty file: no graph" info empty.graphml
printf ' \n\t\r\n' >blank.gv
refused blank.gv 1 "hubspoke: blank.gv: empty file: no graph" info blank.gv
printf 'graph g { A -- B; }\0\1\2\3' >nul.gv
refused nul.gv 1 "hubspoke: nul.gv: binary file (NUL byte at offset 19)" info nul.gv
head -c 4096 /proc/self/exe >binary.gv # an ELF file: NUL at offset 7
refused binary.gv 1 "hubspoke: binary.gv: binary file (NUL byte at offset 7)" info binary.gv
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >image.graphml
refused image.graphml 1 "hubspoke: image.graphml: binary file (NUL byte at offset 8)" info image.graphml
refused missing.gv 1 "hubspoke: missing.gv: cannot open: No such file or directory" info missing.gv
mkdir dir.gv
refused dir.gv 1 "hubspoke: dir.gv: is a directory" info dir.gv
refused dir-metrics 1 "hubspoke: dir.gv: is a directory" metrics dir.gv
if [[ $(id -u) -eq 0 ]]; then
    echo "note: running as root, which can read a mode-000 file: unreadable-file case skipped"
else
    printf 'graph g { A -- B; }\n' >unreadable.gv
    chmod 000 unreadable.gv
    refused unreadable.gv 1 "hubspoke: unreadable.gv: cannot open: Permission denied" info unreadable.gv
fi
pass
printf 'graph g { A -- B [kind=alliance]; }\n' | {
    "$H" info - >"$T/log/stdin.out" 2>"$T/log/stdin.err"
    echo $? >"$T/log/stdin.rc"
}
[[ $(cat "$T/log/stdin.rc") -eq 1 && ! -s $T/log/stdin.out &&
    $(cat "$T/log/stdin.err") == "hubspoke: <stdin>:1: edge 'A -- B': unknown kind 'alliance' $KINDS" ]] ||
    fail "stdin: exit $(cat "$T/log/stdin.rc"), stderr: $(cat "$T/log/stdin.err")"

# ---- the same refusals through metrics and convert ----------------------------------
refused metrics-kind 1 "hubspoke: kind.gv:1: edge 'A -- B': unknown kind 'alliance' $KINDS" metrics kind.gv
refused metrics-kind-json 1 "hubspoke: kind.graphml:7: edge 'A -- B': unknown kind 'alliance' $KINDS" \
    metrics kind.graphml --format json

printf 'graph g {\n  hub=USA;\n  USA -- JPN [kind=treaty];\n  B [since=2000];\n  USA -- B [kind=access];\n}\n' >ok.gv
succeeds ok.gv info ok.gv

refused convert-kind 1 "hubspoke: kind.gv:1: edge 'A -- B': unknown kind 'alliance' $KINDS" convert kind.gv "$T/out/kind.graphml"
out_dir_is convert-kind ""
refused convert-syntax 1 "hubspoke: syntax.gv:3: syntax error near '}'" convert syntax.gv "$T/out/syntax.graphml"
out_dir_is convert-syntax ""
refused convert-dup 1 "hubspoke: dup.graphml:9: duplicate id 'A' (first at line 7)" convert dup.graphml "$T/out/dup.gv"
out_dir_is convert-dup ""
refused convert-empty 1 "hubspoke: empty.gv: empty file: no graph" convert empty.gv "$T/out/empty.graphml"
refused convert-missing 1 "hubspoke: missing.gv: cannot open: No such file or directory" convert missing.gv "$T/out/m.graphml"
out_dir_is convert-missing ""
# A bad input leaves an existing OUT as it was.
printf 'keep\n' >"$T/out/keep.graphml"
refused convert-keep 1 "hubspoke: weight15.graphml:7: edge 'A -- B': weight 1.5 is out of range (0, 1]" \
    convert weight15.graphml "$T/out/keep.graphml"
[[ $(cat "$T/out/keep.graphml") == keep ]] || fail "convert-keep: OUT was changed"
out_dir_is convert-keep "keep.graphml "
rm -f "$T/out/keep.graphml"
refused convert-ext 2 "hubspoke convert: cannot tell the format of '$T/out/ok.txt' from its extension (use .gv, .dot or .graphml, or --to) (see 'hubspoke convert --help')" \
    convert ok.gv "$T/out/ok.txt"
out_dir_is convert-ext ""
refused convert-noext 2 "hubspoke convert: cannot tell the format of '$T/out/ok' from its extension (use .gv, .dot or .graphml, or --to) (see 'hubspoke convert --help')" \
    convert ok.gv "$T/out/ok"
out_dir_is convert-noext ""
refused convert-from 2 "hubspoke convert: --from 'xml' is not one of dot, graphml (see 'hubspoke convert --help')" \
    convert --from xml ok.gv "$T/out/ok.graphml"
refused convert-to 2 "hubspoke convert: --to 'svg' is not one of dot, graphml (see 'hubspoke convert --help')" \
    convert ok.gv "$T/out/ok.svg" --to svg
refused convert-args 2 "hubspoke convert: missing OUT (see 'hubspoke convert --help')" \
    convert ok.gv
refused convert-args3 2 "hubspoke convert: unexpected argument '$T/out/b.graphml' (see 'hubspoke convert --help')" \
    convert ok.gv "$T/out/a.graphml" "$T/out/b.graphml"
out_dir_is convert-usage ""
refused convert-nodir 1 "hubspoke: $T/out/nodir/ok.graphml: cannot create: No such file or directory" \
    convert ok.gv "$T/out/nodir/ok.graphml"
out_dir_is convert-nodir ""
refused convert-option 2 "hubspoke convert: unknown option '--frob' (see 'hubspoke convert --help')" \
    convert --frob ok.gv "$T/out/ok.graphml"
out_dir_is convert-option ""
# And a good one, for contrast: exactly OUT appears.
pass
run convert-ok convert ok.gv "$T/out/ok.graphml"
[[ $rc -eq 0 && ! -s $T/log/convert-ok.out && ! -s $T/log/convert-ok.err ]] ||
    fail "convert-ok: exit $rc, stderr $(cat "$T/log/convert-ok.err")"
out_dir_is convert-ok "ok.graphml "

# ---- usage -------------------------------------------------------------------------
refused unknown-command 2 "hubspoke: unknown command 'frobnicate' (see 'hubspoke --help')" frobnicate ok.gv
refused unknown-help 2 "hubspoke: unknown command 'frobnicate' (see 'hubspoke --help')" help frobnicate
refused unknown-top-option 2 "hubspoke: unknown option '--frob' (see 'hubspoke --help')" --frob
refused unknown-option 2 "hubspoke info: unknown option '--frob' (see 'hubspoke info --help')" info --frob ok.gv
refused unknown-short 2 "hubspoke info: unknown option '-x' (see 'hubspoke info --help')" info -x ok.gv
refused metrics-unknown-option 2 "hubspoke metrics: unknown option '--frob' (see 'hubspoke metrics --help')" \
    metrics ok.gv --frob
refused info-codebook 1 "hubspoke: x.json: cannot open: No such file or directory" \
    info ok.gv --codebook x.json
refused year-abc 2 "hubspoke info: --year 'abc' is not a year in [-9999, 9999] (see 'hubspoke info --help')" \
    info --year abc ok.gv
refused year-range 2 "hubspoke metrics: --year '10000' is not a year in [-9999, 9999] (see 'hubspoke metrics --help')" \
    metrics --year 10000 ok.gv
refused year-empty 2 "hubspoke info: --year '' is not a year in [-9999, 9999] (see 'hubspoke info --help')" \
    info --year= ok.gv
refused year-novalue 2 "hubspoke info: option '--year' needs a value (see 'hubspoke info --help')" info ok.gv --year
refused format-xml 2 "hubspoke info: --format 'xml' is not one of text, json (see 'hubspoke info --help')" \
    info --format xml ok.gv
refused info-format-csv 2 "hubspoke info: --format 'csv' is not one of text, json (see 'hubspoke info --help')" \
    info --format csv ok.gv
refused metrics-format-xml 2 "hubspoke metrics: --format 'xml' is not one of text, json, csv (see 'hubspoke metrics --help')" \
    metrics --format xml ok.gv
refused permutations 2 "hubspoke metrics: --permutations 'many' is not a whole number in [0, 100000000] (see 'hubspoke metrics --help')" \
    metrics ok.gv --permutations many
refused table 2 "hubspoke metrics: --table 'edges' is not one of states, system (see 'hubspoke metrics --help')" \
    metrics ok.gv --format csv --table edges
refused missing-file 2 "hubspoke info: missing FILE (see 'hubspoke info --help')" info
refused metrics-missing-file 2 "hubspoke metrics: missing FILE (see 'hubspoke metrics --help')" metrics --year 2000
refused two-files 2 "hubspoke info: unexpected argument 'kind.gv' (see 'hubspoke info --help')" info ok.gv kind.gv
refused hub-empty 2 "hubspoke info: --hub needs an id (see 'hubspoke info --help')" info --hub= ok.gv
pass
run no-args
[[ $rc -eq 2 && ! -s $T/log/no-args.out && $(wc -l <"$T/log/no-args.err") -eq 1 ]] ||
    fail "no arguments: exit $rc, stderr $(cat "$T/log/no-args.err")"

# --hub: an invalid option value, so a usage error (HS_EARG -> exit 2), naming the file.
refused hub-nope 2 "hubspoke: ok.gv: hub 'NOPE' names no state" info ok.gv --hub NOPE
refused hub-nope-metrics 2 "hubspoke: ok.gv: hub 'NOPE' names no state" metrics ok.gv --hub NOPE
refused hub-inactive 2 "hubspoke: ok.gv: hub 'B' is not active in 1990 (it is active 2000 on): that year has no system to measure" info ok.gv --year 1990 --hub B
succeeds hub-active info ok.gv --year 2000 --hub B
# The file's own hub attribute naming a state absent that year, two role=hub
# states: bad input (exit 1).
printf 'graph g { hub=B; A -- B [kind=treaty]; B [since=2000]; }\n' >hubyear.gv
refused hub-attr-inactive 1 "hubspoke: hubyear.gv: graph attribute hub='B' is not active in 1990 (it is active 2000 on): that year has no system to measure" info hubyear.gv --year 1990
printf 'graph g { A [role=hub]; B [role=hub]; A -- B [kind=treaty]; }\n' >tworoles.gv
# (--quiet: the check's warning two-hubs would come first.)
refused two-role-hubs 1 "hubspoke: tworoles.gv: two states have role=hub: 'A' and 'B'" info tworoles.gv --quiet

# ---- codebooks -----------------------------------------------------------------------
printf '{"ties": {"alliance": 0.5}}\n' >cb-kind.json
refused codebook-kind 1 "hubspoke: cb-kind.json: ties.alliance: unknown kind (expected treaty, access, intelligence, technology, exercise, partnership, dialogue or unspecified)" \
    metrics ok.gv --codebook cb-kind.json
printf '{"ties": {"treaty": 2}}\n' >cb-range.json
refused codebook-range 1 "hubspoke: cb-range.json: ties.treaty: 2 is out of range (0, 1]" metrics ok.gv --codebook cb-range.json
printf 'ties: treaty\n' >cb-json.json
refused codebook-json 1 "hubspoke: cb-json.json:1: '[' or '{' expected near 'ties'" metrics ok.gv --codebook cb-json.json
refused codebook-missing 1 "hubspoke: nope.json: cannot open: No such file or directory" \
    metrics ok.gv --codebook nope.json

# ---- help and version ------------------------------------------------------------------
succeeds help --help
succeeds help-h -h
succeeds help-info help info
succeeds info-help info --help
succeeds convert-help convert --help
succeeds metrics-help metrics --help
succeeds info-help-with-file info ok.gv --help
grep -q '^EXIT STATUS' "$T/log/help.out" || fail "hubspoke --help has no EXIT STATUS section"
grep -q 'hubspoke info' "$T/log/info-help.out" || fail "info --help does not describe info"
grep -q 'hubspoke convert' "$T/log/convert-help.out" || fail "convert --help does not describe convert"
grep -q 'hubspoke metrics' "$T/log/metrics-help.out" || fail "metrics --help does not describe metrics"
succeeds version --version
[[ $(cat "$T/log/version.out") == "hubspoke 0.1.0" ]] || fail "--version printed '$(cat "$T/log/version.out")'"

finish
