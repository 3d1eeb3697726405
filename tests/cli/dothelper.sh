#!/usr/bin/env bash
# End-to-end tests of hubspoke-dot (src/dothelper, contract in docs/dot-helper.md):
# the GraphML it writes for DOT inputs, and its refusals. One line per failure;
# exit 0 pass, 1 fail, 77 skipped.
. "$(dirname "$0")/lib.sh"
DOT=${HUBSPOKE_DOT:-}
[[ -n $DOT && -x $DOT ]] || { echo "HUBSPOKE_DOT does not name the built hubspoke-dot"; exit 1; }
command -v xmllint >/dev/null || skip "xmllint (libxml2-utils) is not installed"

# run_dot NAME ARGS...: runs the helper; $(out NAME), $(err NAME) and $rc.
run_dot() { run_cmd "$1" "$DOT" "${@:2}"; }

# convert NAME: converts $T/NAME.dot, which must succeed, into $T/NAME.xml with
# the GraphML namespace removed so that XPath queries can use plain names.
convert() {
    local name=$1
    run_dot "$name" to-graphml "$T/$name.dot"
    if [[ $rc -ne 0 || -s $T/log/$name.err ]]; then
        fail "$name: exit $rc, stderr: $(head -c 300 "$T/log/$name.err")"
        return 1
    fi
    if ! xmllint --noout "$T/log/$name.out" 2>"$T/$name.xmlerr"; then
        fail "$name: output is not well-formed XML: $(head -n 1 "$T/$name.xmlerr")"
        return 1
    fi
    sed 's/ xmlns="[^"]*"//' "$T/log/$name.out" >"$T/$name.xml"
}

# expect NAME XPATH EXPECTED: the string value of XPATH in $T/NAME.xml.
expect() {
    local got
    got=$(xmllint --xpath "$2" "$T/$1.xml" 2>/dev/null)
    [[ $got == "$3" ]] || fail "$1: $2 is '$got', expected '$3'"
}

# XPath of the <data> value that node/edge/graph element $2 has for attribute $3.
nd() { echo "string(//node[@id='$1']/data[@key=string(//key[@for='node' and @attr.name='$2']/@id)])"; }
ndcount() { echo "count(//node[@id='$1']/data[@key=string(//key[@for='node' and @attr.name='$2']/@id)])"; }
ed() { echo "string((//edge)[$1]/data[@key=string(//key[@for='edge' and @attr.name='$2']/@id)])"; }
keyid() { echo "string(//key[@for='$1' and @attr.name='$2']/@id)"; }

# ---- the licensing boundary ----------------------------------------------------
if ldd "$DOT" 2>/dev/null | grep -qi igraph; then
    fail "hubspoke-dot links igraph"
fi

# ---- a small alliance system -----------------------------------------------------
cat >"$T/alliance.dot" <<'EOF'
/* A hand-made alliance system. */
digraph Pacific {
    hub = "USA"; period = "1951-2024";
    node [shape=box];
    USA [label="United States", since=1776];
    JPN [label="Japan"];
    AUS;
    IND [shape=""];
    PHL [label="Philippines", note="a & b < c > \"d\"
second line"];
    JPN -> USA [kind=alliance, since=1951, weight=3];
    AUS -> USA [key=anzus, kind=alliance, since=1951];
    PHL -> USA [kind=alliance, since=1951, until=""];
    USA:north -> PHL:south;
    subgraph cluster_Quad {
        label="Quad"; since=2017; kind=dialogue; scope=broad;
        USA; JPN; AUS; IND;
        subgraph cluster_core { label="Core"; USA; JPN; }
    }
    subgraph cluster_ASEAN { type=organisation; node [color=blue]; PHL; SGP; }
    subgraph { rank=same; AUS; IND; }
    subgraph Trilateral { label="Trilateral"; USA; JPN; AUS; }
    IND -> JPN
        [kind=partnership];
}
EOF
if convert alliance; then
    x=alliance
    grep -q '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:hs="https://hubspoke.invalid/dot-helper">' "$T/log/alliance.out" ||
        fail "alliance: root element is not <graphml> in the GraphML namespace with hubspoke's"
    head -n 1 "$T/log/alliance.out" | grep -qx '<?xml version="1.0" encoding="UTF-8"?>' ||
        fail "alliance: missing XML declaration"

    # Keys: graph, then node, then edge, in declaration order, ids d0, d1, ...
    expect $x "count(//key)" 22
    expect $x "count(//key[@attr.type!='string'])" 0
    expect $x "string(//key[1]/@id)" d0
    expect $x "string(//key[22]/@id)" d21
    expect $x "string(//key[1]/@attr.name)" hub
    expect $x "string(//key[2]/@attr.name)" period
    expect $x "count(//key[@for='graph'])" 8
    expect $x "string(//key[@for='node'][1]/@attr.name)" shape
    expect $x "string(//key[@for='node' and @attr.name='shape']/default)" box
    expect $x "count(//key[@for='node' and @attr.name='label']/default)" 0
    expect $x "count(//key[@for='node' and @attr.name='type'])" 1
    expect $x "count(//key[@for='edge' and @attr.name='kind'])" 1
    expect $x "string(//key[@for='edge'][1]/@attr.name)" kind
    expect $x "string(//key[@for='edge'][last()]/@attr.name)" headport

    # Graph
    expect $x "string(/graphml/graph/@id)" Pacific
    expect $x "string(/graphml/graph/@edgedefault)" directed
    expect $x "string(/graphml/graph/data[@key=string(//key[@for='graph' and @attr.name='hub']/@id)])" USA
    expect $x "string(/graphml/graph/data[@key=$(keyid graph period)])" 1951-2024
    expect $x "count(/graphml/graph/data)" 2

    # Nodes in creation order, then one mechanism node per cluster, depth first.
    expect $x "count(//node)" 9
    ids=$(xmllint --xpath '//node/@id' "$T/$x.xml" | tr -d ' \n')
    [[ $ids == 'id="USA"id="JPN"id="AUS"id="IND"id="PHL"id="SGP"id="Quad"id="core"id="ASEAN"' ]] ||
        fail "alliance: node order $ids"
    expect $x "$(nd USA label)" "United States"
    expect $x "$(nd USA since)" 1776
    expect $x "count(//node[@id='AUS']/data)" 0
    expect $x "$(ndcount IND shape)" 1 # explicit "" overrides the default box
    expect $x "$(nd IND shape)" ""
    expect $x "$(ndcount USA shape)" 0
    expect $x "$(nd SGP color)" blue # a cluster-local node default
    expect $x "$(nd Quad type)" mechanism
    expect $x "$(nd Quad label)" Quad
    expect $x "$(nd Quad since)" 2017
    expect $x "$(nd Quad kind)" dialogue
    expect $x "$(nd Quad scope)" broad
    expect $x "$(ndcount Quad shape)" 0
    expect $x "count(//node[@id='Quad']/data)" 5
    expect $x "$(nd core type)" mechanism
    expect $x "$(nd core label)" Core
    expect $x "$(ndcount core since)" 0 # inherited from Quad, not set by core
    expect $x "$(nd ASEAN type)" organisation
    expect $x "count(//node[@id='ASEAN']/data)" 1

    # Escaping: & < > " and a newline in a value come back unchanged.
    want=$'a & b < c > "d"\nsecond line'
    got=$(xmllint --xpath "$(nd PHL note)" "$T/$x.xml")
    [[ $got == "$want" ]] || fail "alliance: PHL note is '$got'"
    note=$(xmllint --xpath "$(keyid node note)" "$T/$x.xml")
    grep -qF "<data key=\"$note\">a &amp; b &lt; c &gt; &quot;d&quot;&#10;second line</data>" "$T/log/$x.out" ||
        fail "alliance: PHL note is not escaped as expected"

    # Edges in creation order, then membership edges.
    expect $x "count(//edge)" 13
    expect $x "string((//edge)[1]/@source)" JPN
    expect $x "string((//edge)[1]/@target)" USA
    expect $x "$(ed 1 kind)" alliance
    expect $x "$(ed 1 since)" 1951
    expect $x "$(ed 1 weight)" 3
    expect $x "count((//edge)[1]/@id)" 0
    expect $x "string((//edge)[2]/@id)" anzus
    expect $x "string((//edge)[2]/@source)" AUS
    expect $x "count((//edge)[3]/data)" 2 # until="" is the default
    expect $x "$(ed 4 tailport)" north
    expect $x "$(ed 4 headport)" south
    expect $x "string((//edge)[5]/@source)" IND
    expect $x "$(ed 5 kind)" partnership
    member="data[@key=$(keyid edge kind)]='member'"
    expect $x "count(//edge[$member])" 8
    expect $x "count((//edge)[position() <= 5][$member])" 0
    expect $x "count(//edge[$member][@target='Quad'])" 4
    expect $x "count(//edge[$member][@target='core'])" 2
    expect $x "count(//edge[$member][@target='ASEAN'])" 2
    expect $x "string((//edge)[6]/@source)" USA
    expect $x "string((//edge)[6]/@target)" Quad
    expect $x "string((//edge)[9]/@source)" IND
    expect $x "string((//edge)[10]/@target)" core
    expect $x "string((//edge)[13]/@source)" SGP

    # hs:line: the line each element is written on (the parser's lookahead
    # is a line further for the last edge); a membership, its cluster's.
    hl() { echo "string($1/@*[local-name()='line'])"; }
    expect $x "$(hl "//node[@id='USA']")" 5
    expect $x "$(hl "//node[@id='PHL']")" 9
    expect $x "$(hl "//node[@id='SGP']")" 20
    expect $x "$(hl "//node[@id='Quad']")" 15
    expect $x "$(hl "//node[@id='core']")" 18
    expect $x "$(hl "(//edge)[1]")" 11
    expect $x "$(hl "(//edge)[4]")" 14
    expect $x "$(hl "(//edge)[5]")" 23
    expect $x "$(hl "(//edge)[6]")" 15
    # hs:subgraph: the named subgraph that is not a cluster (the anonymous one is not reported)
    sg="//*[local-name()='subgraph']"
    expect $x "count($sg)" 1
    expect $x "string($sg/@name)" Trilateral
    expect $x "string($sg/@attrs)" label
    expect $x "string($sg/@*[local-name()='nodes'])" 3
    expect $x "string($sg/@*[local-name()='edges'])" 0
    expect $x "$(hl "$sg")" 22
    expect $x "count(//*[local-name()='redefined'])" 0
fi

# hs:redefined, in the order of the statements: a value that a later
# statement replaced (on the one edge of a strict graph; on a node), at the
# replacing statement's line; not a default that a statement overrides, not
# the same value again.
printf 'strict graph {\n  a [w=1, c=x];\n  a [w=1];\n  a -- b [k=t];\n  node [w=5]; d; d [w=6];\n  b -- a\n    [k=d];\n  a [c=y];\n}\n' >"$T/redef.dot"
if convert redef; then
    rd="//*[local-name()='redefined']"
    expect redef "count($rd)" 2
    expect redef "concat($rd[1]/@source, ' ', $rd[1]/@target, ' ', $rd[1]/@attr, ' ', $rd[1]/@first, ' ', $rd[1]/@value)" \
        "a b k t d"
    expect redef "string($rd[1]/@*[local-name()='line'])" 7
    expect redef "concat($rd[2]/@node, ' ', $rd[2]/@attr, ' ', $rd[2]/@first, ' ', $rd[2]/@value)" "a c x y"
    expect redef "string($rd[2]/@*[local-name()='line'])" 8
fi
# The first 1000 are listed, the rest counted.
{
    echo 'graph {'
    for i in $(seq 1 1002); do echo "  n$i [w=1]; n$i [w=2];"; done
    echo '}'
} >"$T/redefs.dot"
if convert redefs; then
    expect redefs "count(//*[local-name()='redefined'][@node])" 1000
    expect redefs "string(//*[local-name()='redefined'][@more]/@more)" 2
fi

# ---- Latin-1, HTML labels, TAB and CR, undirected strict anonymous graphs -----------
printf 'graph { charset="Latin1"; "Caf\xe9" [label="Cr\xe8me br\xfbl\xe9e"]; "Caf\xe9" -- b }\n' >"$T/latin1.dot"
if convert latin1; then
    expect latin1 "string(//node[1]/@id)" "Café"
    expect latin1 "$(nd Café label)" "Crème brûlée"
    expect latin1 "string(//edge/@source)" "Café"
    expect latin1 "string(//graph/@edgedefault)" undirected
fi

printf 'strict graph { a [label=<<b>bold</b> &amp; x>]; a -- b; b -- a; a -- b [w=2]; c [tip="1\t2\r3"] }\n' >"$T/misc.dot"
if convert misc; then
    expect misc "count(//graph/@id)" 0
    expect misc "count(//edge)" 1
    expect misc "$(nd a label)" "<b>bold</b> &amp; x"
    expect misc "$(ed 1 w)" 2
    got=$(xmllint --xpath "$(nd c tip)" "$T/misc.xml")
    [[ $got == $'1\t2\r3' ]] || fail "misc: TAB and CR did not round-trip: '$got'"
    grep -qF '1&#9;2&#13;3' "$T/log/misc.out" || fail "misc: TAB and CR are not character references"
fi

# A mechanism id may equal a node id: both are written, hubspoke reports it.
printf 'digraph { USA; subgraph cluster_USA { USA } subgraph cluster { x } subgraph cluster_ { y } }\n' >"$T/dup.dot"
if convert dup; then
    expect dup "count(//node[@id='USA'])" 2
    expect dup "count(//node[@id='cluster'])" 1
    expect dup "count(//node[@id='cluster_'])" 1
fi

# A UTF-8 byte order mark directly before "digraph" (cgraph alone refuses it).
printf '\xef\xbb\xbfdigraph { a }\n' >"$T/bom.dot"
convert bom && expect bom "string(//node/@id)" a

# Warnings from cgraph (here: a badly delimited number) are not refusals and are
# never printed.
printf 'digraph { a -> 2b }\n' >"$T/warn.dot"
convert warn

# ---- load limits: counted while reading, as hubspoke counts the GraphML ----------------
# states = <node> elements (nodes and mechanisms), ties = <edge> elements
# (edges and memberships). For each graph, the helper must accept it at
# exactly its counts, with the same output, and refuse it one below either
# (exit 3, a refusal at a load limit).
cat >"$T/lim-strict.dot" <<'EOF'
strict digraph S {
  a -> b; a -> b; b -> a
  a -> a
  subgraph cluster_x { a; c -> d; subgraph cluster_y { e; a } }
  subgraph cluster_x { subgraph cluster_y { f -> c } }
  subgraph cluster_z { subgraph inner { subgraph cluster_w { a; g } } }
  {h i} -> {j k}
  subgraph cluster_x { e; h }
  subgraph cluster_x { subgraph cluster_v { h } }
  subgraph cluster_empty { }
  subgraph cluster { m }
  subgraph cluster_x { } -> subgraph cluster_n { n; a }
}
EOF
cat >"$T/lim-multi.dot" <<'EOF'
graph U {
  a -- b; a -- b; a -- b [key=k]; a -- b [key=k]; b -- a
  subgraph cluster_q { a -- b; c } -- d
  subgraph cluster_q { subgraph cluster_r { d -- e -- a } }
  node [since=1990]; f; g
}
EOF
cp "$T/alliance.dot" "$T/lim-alliance.dot"
for x in lim-alliance lim-strict lim-multi; do
    convert "$x" || continue
    s=$(grep -o '<node ' "$T/log/$x.out" | wc -l) e=$(grep -o '<edge ' "$T/log/$x.out" | wc -l)
    run_dot "$x-at" to-graphml --max-states "$s" --max-ties "$e" "$T/$x.dot"
    [[ $rc -eq 0 ]] && cmp -s "$T/log/$x.out" "$T/log/$x-at.out" && pass ||
        fail "$x: at its own counts ($s states, $e ties): exit $rc, $(head -c 300 "$T/log/$x-at.err")"
    run_dot "$x-states" to-graphml --max-states $((s - 1)) "$T/$x.dot"
    [[ $rc -eq 3 && ! -s $T/log/$x-states.out &&
        $(cat "$T/log/$x-states.err") =~ ^"$T/$x.dot":[0-9]+": more than $((s - 1)) states and mechanisms (the load limit)"$ ]] && pass ||
        fail "$x: --max-states $((s - 1)): exit $rc, $(head -c 300 "$T/log/$x-states.err")"
    run_dot "$x-ties" to-graphml --max-ties $((e - 1)) "$T/$x.dot"
    [[ $rc -eq 3 && ! -s $T/log/$x-ties.out &&
        $(cat "$T/log/$x-ties.err") =~ ^"$T/$x.dot":[0-9]+": more than $((e - 1)) ties (the load limit)"$ ]] && pass ||
        fail "$x: --max-ties $((e - 1)): exit $rc, $(head -c 300 "$T/log/$x-ties.err")"
done
# The line is the one the parser had reached: the crossing statement's when
# it ends with ';' (else that of the token after it, as in cgraph's own
# messages).
L=$T/lines.dot
printf 'digraph {\n  a;\n  b;\n  subgraph cluster_m {\n    a;\n    c;\n  }\n}\n' >"$L"
refused_cmd limit-states-line 3 "$L:4: more than 2 states and mechanisms (the load limit)" \
    "$DOT" to-graphml --max-states 2 "$L"
refused_cmd limit-ties-line 3 "$L:6: more than 1 ties (the load limit)" \
    "$DOT" to-graphml --max-ties 1 "$L"
# A NUL byte is refused wherever it is, unless a limit stopped the reading
# before the block that holds it (here 70 KB on, past the first 64 KB).
{ head -c 56 "$L"; printf '/*%70000s*/\n}\n\0' ''; } >"$T/lines-nul.dot"
refused_cmd limit-none-nul 1 "$T/lines-nul.dot: binary file (NUL byte at offset 70063)" \
    "$DOT" to-graphml --max-states 0 --max-ties 0 "$T/lines-nul.dot"
refused_cmd limit-before-nul 3 "user.dot:4: more than 2 states and mechanisms (the load limit)" \
    "$DOT" to-graphml --max-states 2 --name user.dot - <"$T/lines-nul.dot"
printf 'digraph A { a }\ndigraph B { b; c; d }\n' >"$L"
refused_cmd limit-second-graph 1 "$L: more than one graph; hubspoke reads one graph per file" \
    "$DOT" to-graphml --max-states 2 "$L"
refused_cmd limit-bad 2 "hubspoke-dot: --max-states needs a whole number, not '-1' (see hubspoke-dot --help)" \
    "$DOT" to-graphml --max-states -1 "$L"
refused_cmd limit-bad-ties 2 "hubspoke-dot: --max-ties needs a whole number, not '1e3' (see hubspoke-dot --help)" \
    "$DOT" to-graphml --max-ties 1e3 "$L"

# ---- refusals ---------------------------------------------------------------------
F=$T/bad.dot
refused_cmd missing 1 "$T/missing.dot: cannot open: No such file or directory" "$DOT" to-graphml "$T/missing.dot"
mkdir "$T/dir"
refused_cmd directory 1 "$T/dir: is a directory" "$DOT" to-graphml "$T/dir"
if [[ $(id -u) -ne 0 ]]; then
    printf 'digraph { a }\n' >"$T/locked.dot"
    chmod 000 "$T/locked.dot"
    refused_cmd unreadable 1 "$T/locked.dot: cannot open: Permission denied" "$DOT" to-graphml "$T/locked.dot"
fi
: >"$F"
refused_cmd empty 1 "$F: empty file: no graph" "$DOT" to-graphml "$F"
printf ' \n\t\r\n' >"$F"
refused_cmd whitespace 1 "$F: empty file: no graph" "$DOT" to-graphml "$F"
printf '\xef\xbb\xbf\n' >"$F"
refused_cmd bom-only 1 "$F: empty file: no graph" "$DOT" to-graphml "$F"
printf '/* nothing */\n// here\n' >"$F"
refused_cmd comments 1 "$F: empty file: no graph" "$DOT" to-graphml "$F"
printf 'digraph { a -> b }\0\n' >"$F"
refused_cmd nul 1 "$F: binary file (NUL byte at offset 18)" "$DOT" to-graphml "$F"
printf 'digraph G {\n  a -> b\n  c -> -> d\n}\n' >"$F"
refused_cmd syntax 1 "$F:3: syntax error near '->'" "$DOT" to-graphml "$F"
refused_cmd stdin-name 1 "user.dot:3: syntax error near '->'" "$DOT" to-graphml --name user.dot - <"$F"
refused_cmd stdin 1 "<stdin>:3: syntax error near '->'" "$DOT" to-graphml - <"$F"
printf 'digraph G {\n  a -> "b\n}\n' >"$F"
refused_cmd open-string 1 "$F:2: syntax error scanning a quoted string (missing endquote? longer than 16384?)" "$DOT" to-graphml "$F"
printf 'digraph A { a }\n/* second */\ngraph B { b }\n' >"$F"
refused_cmd two-graphs 1 "$F: more than one graph; hubspoke reads one graph per file" "$DOT" to-graphml "$F"
printf 'digraph A { a }\n}\n' >"$F"
refused_cmd trailing 1 "$F:2: syntax error near '}'" "$DOT" to-graphml "$F"
printf 'digraph A { a } @ digraph B { b }\n' >"$F"
refused_cmd at-sign 1 "$F: unexpected '@' after the graph" "$DOT" to-graphml "$F"
printf 'digraph { a [label="caf\xe9"] }\n' >"$F"
refused_cmd utf8-value 1 "$F: invalid UTF-8 in node \"a\" attribute \"label\"" "$DOT" to-graphml "$F"
printf 'digraph { "\xc0\xaf" }\n' >"$F"
refused_cmd utf8-overlong 1 "$F: invalid UTF-8 in node name \"??\"" "$DOT" to-graphml "$F"
printf 'digraph { a -> b [key="k\xff"] }\n' >"$F"
refused_cmd utf8-edge-key 1 "$F: invalid UTF-8 in key \"k?\" of edge \"a\" -> \"b\"" "$DOT" to-graphml "$F"
printf 'graph "g\x7f\x02" { }\n' >"$F"
refused_cmd control-graph-name 1 "$F: character U+0002 not allowed in XML in graph name \"g??\"" "$DOT" to-graphml "$F"
printf 'digraph { a -> b [note="x\x01y"] }\n' >"$F"
refused_cmd control 1 "$F: character U+0001 not allowed in XML in edge \"a\" -> \"b\" attribute \"note\"" "$DOT" to-graphml "$F"
printf 'digraph { charset=latin1; subgraph cluster_x { label="\x1b" } }\n' >"$F"
refused_cmd control-latin1 1 "$F: character U+001B not allowed in XML in cluster \"cluster_x\" attribute \"label\"" "$DOT" to-graphml "$F"
python3 -c 'print("digraph {" + " -> ".join("n%d" % i for i in range(12000)) + "}")' >"$F"
refused_cmd deep-chain 1 "$F:1: DOT parser stack exhausted (edge chain or nesting too deep) near '->'" "$DOT" to-graphml "$F"

# A syntax error next to a 3000-byte unquoted name: cgraph 2.42's agseterrf()
# path crashes on it; hubspoke-dot's own agerr() must be the one in use.
long=$(printf 'y%.0s' {1..3000})
printf 'graph x %s {}\n' "$long" >"$F"
refused_cmd long-token 1 "$F:1: syntax error near '${long:0:181}..." "$DOT" to-graphml "$F"

# ---- usage ---------------------------------------------------------------------------
refused_cmd bogus 2 "hubspoke-dot: unknown option '--bogus' (see hubspoke-dot --help)" "$DOT" --bogus
refused_cmd bogus-option 2 "hubspoke-dot: unknown option '--bogus' (see hubspoke-dot --help)" "$DOT" to-graphml --bogus "$F"
refused_cmd no-file 2 "hubspoke-dot: missing FILE (see hubspoke-dot --help)" "$DOT" to-graphml
refused_cmd two-files 2 "hubspoke-dot: more than one FILE (see hubspoke-dot --help)" "$DOT" to-graphml a b
refused_cmd no-name 2 "hubspoke-dot: --name needs a file name (see hubspoke-dot --help)" "$DOT" to-graphml "$F" --name
refused_cmd render 2 "hubspoke-dot: render needs --format (see hubspoke-dot --help)" "$DOT" render "$F"
run_dot help --help
[[ $rc -eq 0 && ! -s $T/log/help.err ]] || fail "--help: exit $rc"
head -n 1 "$T/log/help.out" | grep -q '^Usage: hubspoke-dot to-graphml' || fail "--help: no usage on stdout"
run_dot version --version
[[ $rc -eq 0 ]] || fail "--version: exit $rc"
grep -Eqx 'hubspoke-dot [0-9]+\.[0-9]+\.[0-9]+.*' "$T/log/version.out" || fail "--version: '$(cat "$T/log/version.out")'"

finish
