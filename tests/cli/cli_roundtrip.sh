#!/usr/bin/env bash
# Round trips through `hubspoke convert`: every example in $HS_SRC/graphs (and
# this suite's fixtures $HS_TESTDATA/roundtrip-*) is converted to the other
# format and back several times (DOT -> GraphML -> DOT -> GraphML ...). From
# the second round trip on, each version is byte-identical to the one two
# steps before; the original and the first two versions must give
# byte-identical `info --format json` (with and without --year) and
# `metrics --format json` (the later versions, being the same bytes, would
# only repeat those runs). GraphML -> GraphML and DOT -> DOT conversions are
# fixed points, and attributes the schema does not know survive. One line
# per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
DATA=${HS_TESTDATA:-$SRC/tests/data}

# convert IN OUT: must succeed silently.
convert() {
    pass
    if ! "$H" convert "$1" "$2" >"$T/convert.out" 2>"$T/convert.err"; then
        fail "convert $1 -> $2: $(head -c 300 "$T/convert.err")"
        return 1
    fi
    [[ -s $T/convert.out || -s $T/convert.err ]] && fail "convert $1 -> $2 printed something"
    return 0
}

# same_files A B WHAT: files A and B are byte-identical.
same_files() {
    pass
    cmp -s "$1" "$2" || fail "$3: $(diff "$1" "$2" | head -n 6 | tr '\n' '|')"
}

# report FILE TAG ARGS...: writes $T/r/TAG for `hubspoke ARGS... FILE`.
report() {
    local file=$1 tag=$2
    shift 2
    pass
    # A subshell, so that bash's own "Aborted" notice for a crash stays quiet.
    ("$H" "$@" "$file" >"$T/r/$tag" 2>"$T/r/$tag.err"; exit $?) 2>/dev/null
    local rc=$?
    if [[ $rc -ne 0 ]]; then
        fail "hubspoke $* ${file#"$T"/}: exit $rc$([[ $rc -gt 128 ]] && echo " (signal $((rc - 128)))"): $(head -c 300 "$T/r/$tag.err")"
    elif [[ -s $T/r/$tag.err ]]; then
        fail "hubspoke $* ${file#"$T"/} wrote to stderr: $(head -c 300 "$T/r/$tag.err")"
    fi
}

# The years to look at: the covered range's ends, its middle, one year on
# either side, and some years of the paper's cases.
years_of() {
    local json first last
    json=$("$H" info --format json "$1" 2>/dev/null) || return
    first=$(sed -n 's/^ *"first": \(-\{0,1\}[0-9]*\).*/\1/p' <<<"$json")
    last=$(sed -n 's/^ *"last": \(-\{0,1\}[0-9]*\).*/\1/p' <<<"$json")
    if [[ -n $first && -n $last ]]; then
        printf '%s\n' $((first - 1)) "$first" $(((first + last) / 2)) "$last" $((last + 1)) 1980 1990 2014 2023 | sort -un
    else
        printf '%s\n' 1990 2023
    fi
}

other_ext() { [[ $1 == gv ]] && echo graphml || echo gv; }

shopt -s nullglob
inputs=("$SRC"/graphs/*.gv "$SRC"/graphs/*.graphml "$DATA"/roundtrip-*.gv "$DATA"/roundtrip-*.graphml)
shopt -u nullglob
if [[ ${#inputs[@]} -eq 0 ]]; then
    echo "FAIL: no inputs under $SRC/graphs"
    exit 1
fi

files=0
for f in "${inputs[@]}"; do
    files=$((files + 1))
    base=$(basename "$f")
    stem=${base%.*}
    ext=${base##*.}
    d=$T/$files-$stem
    mkdir -p "$d" "$T/r"
    rm -f "$T"/r/*
    # v0 = the file, v1 = other format, v2 = same format, ... v4.
    versions=("$f")
    cur=$f curext=$ext ok=1
    for i in 1 2 3 4; do
        curext=$(other_ext "$curext")
        next=$d/v$i.$curext
        convert "$cur" "$next" || {
            ok=0
            break
        }
        versions+=("$next")
        cur=$next
    done
    [[ $ok -eq 1 ]] || continue

    # Versions 3 and 4 are the bytes of 1 and 2 (checked below).
    same_files "${versions[1]}" "${versions[3]}" "$base: version 3 differs from version 1 (a second round trip changed it)"
    same_files "${versions[2]}" "${versions[4]}" "$base: version 4 differs from version 2 (a second round trip changed it)"
    versions=("${versions[@]:0:3}")
    mapfile -t years < <(years_of "$f")
    for i in "${!versions[@]}"; do
        v=${versions[$i]}
        report "$v" "$i.info" info --format json
        report "$v" "$i.metrics" metrics --format json
        for y in "${years[@]}"; do
            report "$v" "$i.info.$y" info --format json --year "$y"
            report "$v" "$i.metrics.$y" metrics --format json --year "$y"
        done
        report "$v" "$i.text" info --year "${years[2]}"
    done
    for i in "${!versions[@]}"; do
        [[ $i -eq 0 ]] && continue
        for tag in info metrics; do
            same_files "$T/r/0.$tag" "$T/r/$i.$tag" "$base: $tag --format json differs in version $i (${versions[$i]##*/})"
            for y in "${years[@]}"; do
                same_files "$T/r/0.$tag.$y" "$T/r/$i.$tag.$y" "$base: $tag --year $y differs in version $i (${versions[$i]##*/})"
            done
        done
    done
    # The text report names the file; beyond that line it must agree too.
    for i in "${!versions[@]}"; do
        pass
        cmp -s <(tail -n +2 "$T/r/0.text") <(tail -n +2 "$T/r/$i.text") ||
            fail "$base: info text differs in version $i"
    done

    # Once written by hubspoke, a format is a fixed point of convert, both
    # directly (GraphML -> GraphML, DOT -> DOT) and across formats.
    if [[ $ext == graphml ]]; then g=$f; else g=${versions[1]}; fi
    convert "$g" "$d/gg1.graphml" && convert "$d/gg1.graphml" "$d/gg2.graphml" &&
        same_files "$d/gg1.graphml" "$d/gg2.graphml" "$base: GraphML -> GraphML is not a fixed point"
    if [[ $ext == gv ]]; then
        convert "${versions[2]}" "$d/dd1.gv" && convert "$d/dd1.gv" "$d/dd2.gv" &&
            same_files "$d/dd1.gv" "$d/dd2.gv" "$base: DOT -> DOT is not a fixed point"
        same_files "${versions[2]}" "$d/dd1.gv" "$base: DOT -> DOT changes hubspoke's own DOT"
    else
        same_files "$d/gg1.graphml" "${versions[2]}" "$base: GraphML -> GraphML and GraphML -> DOT -> GraphML differ"
    fi
done

# ---- attributes the schema does not know survive DOT -> GraphML -> DOT -------------------
x=$T/extras
mkdir -p "$x"
cat >"$x/in.gv" <<'EOF'
digraph "styled" {
  bgcolor=white; hub=USA;
  node [shape=box];
  USA [color=red, fontname="Helvetica Bold", note="hub, \"quoted\""];
  JPN [color=blue, label="Japan"];
  JPN -> USA [kind=treaty, since=1952, color="#ff0000", penwidth=2.5, arrowhead=none];
  KOR -> USA [kind=treaty, style=dashed];
  subgraph cluster_TISA { kind=intelligence; color=gray; fontsize=9; USA; JPN; KOR; }
}
EOF
if convert "$x/in.gv" "$x/a.graphml" && convert "$x/a.graphml" "$x/b.gv" && convert "$x/b.gv" "$x/c.graphml"; then
    same_files "$x/a.graphml" "$x/c.graphml" "extras: GraphML differs after DOT -> GraphML -> DOT -> GraphML"
    for want in '"bgcolor"="white"' '"shape"="box"' '"USA" \[.*"color"="red"' '"fontname"="Helvetica Bold"' \
        '"note"="hub, \\"quoted\\""' '"JPN" -> "USA" \[.*"color"="#ff0000"' '"penwidth"="2.5"' '"arrowhead"="none"' \
        '"style"="dashed"' '"TISA" \[.*"color"="gray"' '"fontsize"="9"' '"label"="Japan"'; do
        pass
        grep -q -- "$want" "$x/b.gv" || fail "extras: /$want/ lost in DOT -> GraphML -> DOT"
    done
    pass
    grep -q 'attr.name="penwidth"' "$x/a.graphml" || fail "extras: penwidth has no GraphML key"
    "$H" info --format json "$x/in.gv" >"$x/i0" 2>/dev/null
    "$H" info --format json "$x/b.gv" >"$x/i1" 2>/dev/null
    same_files "$x/i0" "$x/i1" "extras: info differs after DOT -> GraphML -> DOT"
fi

# ---- text values survive GraphML -> DOT -> GraphML ----------------------------------------
# Each value as a node's `note`; the GraphML written before and after the
# round trip through DOT must be identical. Some values cannot be written in
# DOT at all (cgraph reads \" as a quote and drops backslash-newline, so an odd
# run of backslashes before a quote or the end, or a backslash before a
# newline, has no spelling): for those (REFUSABLE=1) a clean refusal of the
# DOT output -- exit 1, one "hubspoke: " line, no file -- is the other
# acceptable outcome; writing a file that does not read back the same is not.
value_case() {
    local name=$1 value=$2 refusable=${3:-0} c=$T/values/$1
    mkdir -p "$c"
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="c" for="node" attr.name="note" attr.type="string"/>\n<graph edgedefault="undirected">\n<node id="A"><data key="c">%s</data></node>\n</graph>\n</graphml>\n' \
        "$value" >"$c/in.graphml"
    convert "$c/in.graphml" "$c/a.graphml" || return
    pass
    "$H" convert "$c/a.graphml" "$c/b.gv" >"$c/out" 2>"$c/err"
    local rc=$?
    if [[ $rc -ne 0 ]]; then
        if [[ $refusable -eq 1 && $rc -eq 1 && ! -s $c/out && $(wc -l <"$c/err") -eq 1 &&
            $(cat "$c/err") == "hubspoke: "* && ! -e $c/b.gv ]]; then
            return
        fi
        fail "value $name ($value): convert to DOT: exit $rc: $(head -c 300 "$c/err")"
        return
    fi
    if ! "$H" convert "$c/b.gv" "$c/c.graphml" >"$c/out" 2>"$c/err"; then
        fail "value $name ($value): the DOT that convert wrote does not read back: $(head -c 300 "$c/err")"
        return
    fi
    same_files "$c/a.graphml" "$c/c.graphml" "value $name ($value) changes through DOT"
}
value_case quote 'say "hi"'
value_case markup 'a &lt;b&gt; &amp; c'
value_case newline 'two&#10;lines'
value_case crlf 'one&#13;&#10;two'
value_case tab 'tab&#9;here'
value_case unicode 'Việt Nam, 日本'
value_case braces 'x; y } z [a=b]'
value_case backslash-n 'x\ny'
value_case double-backslash 'a\\b'
value_case double-backslash-quote 'a\\"b'
value_case backslash-quote 'back\"quote' 1
# shellcheck disable=SC1003 # a value ending in a backslash, on purpose
value_case trailing-backslash 'tail\' 1
value_case backslash-newline 'cont\&#10;inued' 1

echo "cli_roundtrip: $files files"
finish
