#!/usr/bin/env bash
# End-to-end tests of hubspoke-dot (src/dothelper, contract in docs/dot-helper.md):
# the GraphML it writes for DOT inputs, and its refusals. One line per failure;
# exit 0 pass, 1 fail, 77 skipped.
set -u

H=${HUBSPOKE_DOT:-}
if [[ -z $H || ! -x $H ]]; then
    echo "HUBSPOKE_DOT does not name the built hubspoke-dot"
    exit 1
fi
if ! command -v xmllint >/dev/null; then
    echo "skipped: xmllint (libxml2-utils) is not installed"
    exit 77
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# run NAME ARGS...: runs the helper; leaves $T/NAME.out, $T/NAME.err and $rc.
run() {
    local name=$1
    shift
    "$H" "$@" >"$T/$name.out" 2>"$T/$name.err"
    rc=$?
}

# convert NAME: converts $T/NAME.dot, which must succeed, into $T/NAME.xml with
# the GraphML namespace removed so that XPath queries can use plain names.
convert() {
    local name=$1
    run "$name" to-graphml "$T/$name.dot"
    if [[ $rc -ne 0 || -s $T/$name.err ]]; then
        fail "$name: exit $rc, stderr: $(head -c 300 "$T/$name.err")"
        return 1
    fi
    if ! xmllint --noout "$T/$name.out" 2>"$T/$name.xmlerr"; then
        fail "$name: output is not well-formed XML: $(head -n 1 "$T/$name.xmlerr")"
        return 1
    fi
    sed 's/ xmlns="[^"]*"//' "$T/$name.out" >"$T/$name.xml"
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

# expect_refusal NAME EXIT STDERR-LINE ARGS...: exit status, empty stdout and
# exactly that one line on stderr.
expect_refusal() {
    local name=$1 want_rc=$2 want_err=$3
    shift 3
    run "$name" "$@"
    [[ $rc -eq $want_rc ]] || fail "$name: exit $rc, expected $want_rc"
    [[ -s $T/$name.out ]] && fail "$name: wrote to stdout"
    local got
    got=$(cat "$T/$name.err")
    [[ $got == "$want_err" ]] || fail "$name: stderr '$got', expected '$want_err'"
    [[ $(wc -l <"$T/$name.err") -eq 1 ]] || fail "$name: stderr is not exactly one line"
}

# ---- the licensing boundary ----------------------------------------------------
if ldd "$H" 2>/dev/null | grep -qi igraph; then
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
    grep -q '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:hs="https://hubspoke.invalid/dot-helper">' "$T/alliance.out" ||
        fail "alliance: root element is not <graphml> in the GraphML namespace with hubspoke's"
    head -n 1 "$T/alliance.out" | grep -qx '<?xml version="1.0" encoding="UTF-8"?>' ||
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
    grep -qF "<data key=\"$note\">a &amp; b &lt; c &gt; &quot;d&quot;&#10;second line</data>" "$T/$x.out" ||
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
    grep -qF '1&#9;2&#13;3' "$T/misc.out" || fail "misc: TAB and CR are not character references"
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

# ---- refusals ---------------------------------------------------------------------
F=$T/bad.dot
expect_refusal missing 1 "$T/missing.dot: cannot open: No such file or directory" to-graphml "$T/missing.dot"
mkdir "$T/dir"
expect_refusal directory 1 "$T/dir: is a directory" to-graphml "$T/dir"
if [[ $(id -u) -ne 0 ]]; then
    printf 'digraph { a }\n' >"$T/locked.dot"
    chmod 000 "$T/locked.dot"
    expect_refusal unreadable 1 "$T/locked.dot: cannot open: Permission denied" to-graphml "$T/locked.dot"
fi
: >"$F"
expect_refusal empty 1 "$F: empty file: no graph" to-graphml "$F"
printf ' \n\t\r\n' >"$F"
expect_refusal whitespace 1 "$F: empty file: no graph" to-graphml "$F"
printf '\xef\xbb\xbf\n' >"$F"
expect_refusal bom-only 1 "$F: empty file: no graph" to-graphml "$F"
printf '/* nothing */\n// here\n' >"$F"
expect_refusal comments 1 "$F: empty file: no graph" to-graphml "$F"
printf 'digraph { a -> b }\0\n' >"$F"
expect_refusal nul 1 "$F: binary file (NUL byte at offset 18)" to-graphml "$F"
printf 'digraph G {\n  a -> b\n  c -> -> d\n}\n' >"$F"
expect_refusal syntax 1 "$F:3: syntax error near '->'" to-graphml "$F"
expect_refusal stdin-name 1 "user.dot:3: syntax error near '->'" to-graphml --name user.dot - <"$F"
expect_refusal stdin 1 "<stdin>:3: syntax error near '->'" to-graphml - <"$F"
printf 'digraph G {\n  a -> "b\n}\n' >"$F"
expect_refusal open-string 1 "$F:2: syntax error scanning a quoted string (missing endquote? longer than 16384?)" to-graphml "$F"
printf 'digraph A { a }\n/* second */\ngraph B { b }\n' >"$F"
expect_refusal two-graphs 1 "$F: more than one graph; hubspoke reads one graph per file" to-graphml "$F"
printf 'digraph A { a }\n}\n' >"$F"
expect_refusal trailing 1 "$F:2: syntax error near '}'" to-graphml "$F"
printf 'digraph A { a } @ digraph B { b }\n' >"$F"
expect_refusal at-sign 1 "$F: unexpected '@' after the graph" to-graphml "$F"
printf 'digraph { a [label="caf\xe9"] }\n' >"$F"
expect_refusal utf8-value 1 "$F: invalid UTF-8 in node \"a\" attribute \"label\"" to-graphml "$F"
printf 'digraph { "\xc0\xaf" }\n' >"$F"
expect_refusal utf8-overlong 1 "$F: invalid UTF-8 in node name \"??\"" to-graphml "$F"
printf 'digraph { a -> b [key="k\xff"] }\n' >"$F"
expect_refusal utf8-edge-key 1 "$F: invalid UTF-8 in key \"k?\" of edge \"a\" -> \"b\"" to-graphml "$F"
printf 'graph "g\x7f\x02" { }\n' >"$F"
expect_refusal control-graph-name 1 "$F: character U+0002 not allowed in XML in graph name \"g??\"" to-graphml "$F"
printf 'digraph { a -> b [note="x\x01y"] }\n' >"$F"
expect_refusal control 1 "$F: character U+0001 not allowed in XML in edge \"a\" -> \"b\" attribute \"note\"" to-graphml "$F"
printf 'digraph { charset=latin1; subgraph cluster_x { label="\x1b" } }\n' >"$F"
expect_refusal control-latin1 1 "$F: character U+001B not allowed in XML in cluster \"cluster_x\" attribute \"label\"" to-graphml "$F"
python3 -c 'print("digraph {" + " -> ".join("n%d" % i for i in range(12000)) + "}")' >"$F"
expect_refusal deep-chain 1 "$F:1: DOT parser stack exhausted (edge chain or nesting too deep) near '->'" to-graphml "$F"

# A syntax error next to a 3000-byte unquoted name: cgraph 2.42's agseterrf()
# path crashes on it; hubspoke-dot's own agerr() must be the one in use.
long=$(printf 'y%.0s' {1..3000})
printf 'graph x %s {}\n' "$long" >"$F"
expect_refusal long-token 1 "$F:1: syntax error near '${long:0:181}..." to-graphml "$F"

# ---- usage ---------------------------------------------------------------------------
expect_refusal bogus 2 "hubspoke-dot: unknown option '--bogus' (see hubspoke-dot --help)" --bogus
expect_refusal bogus-option 2 "hubspoke-dot: unknown option '--bogus' (see hubspoke-dot --help)" to-graphml --bogus "$F"
expect_refusal no-file 2 "hubspoke-dot: missing FILE (see hubspoke-dot --help)" to-graphml
expect_refusal two-files 2 "hubspoke-dot: more than one FILE (see hubspoke-dot --help)" to-graphml a b
expect_refusal no-name 2 "hubspoke-dot: --name needs a file name (see hubspoke-dot --help)" to-graphml "$F" --name
expect_refusal render 2 "hubspoke-dot: render needs --format (see hubspoke-dot --help)" render "$F"
run help --help
[[ $rc -eq 0 && ! -s $T/help.err ]] || fail "--help: exit $rc"
head -n 1 "$T/help.out" | grep -q '^Usage: hubspoke-dot to-graphml' || fail "--help: no usage on stdout"
run version --version
[[ $rc -eq 0 ]] || fail "--version: exit $rc"
grep -Eqx 'hubspoke-dot [0-9]+\.[0-9]+\.[0-9]+.*' "$T/version.out" || fail "--version: '$(cat "$T/version.out")'"

if [[ $failures -ne 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all hubspoke-dot checks passed"
