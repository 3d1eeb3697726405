#!/usr/bin/env bash
# Hostile and extreme inputs, end to end through `hubspoke` (docs/robustness.md
# lists which check guards which protection): file names no shell may see,
# outputs that are inputs, FIFOs and devices, NUL bytes, invalid UTF-8, CRLF,
# deep DOT nesting, 10,000 clusters, very long ids, XML entity attacks and
# external DTDs (no expansion, no file or network access), the load limits and
# the helper's time limit. Each case either loads with the expected content or
# is refused with exactly one expected line, within a hang guard scaled to
# this build and machine (guard.bash).
# One line per failure; exit 0 pass, 1 fail.
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/cli/guard.bash
. "$SRC/tests/cli/guard.bash"
cd "$T" || exit 1  # the checks below name files relative to $T (log/NAME.err, $T/in.gv)

# loads NAME JSON-CHECK ARGS...: `info --format json` succeeds, and the python
# expression JSON-CHECK holds on its output `j`.
loads() {
    local name=$1 check=$2
    shift 2
    pass
    run "$name" info --format json "$@"
    if [[ $rc -ne 0 || -s log/$name.err ]]; then
        fail "$name: exit $rc, stderr: $(head -c 400 "log/$name.err")"
        return
    fi
    /usr/bin/python3 -c "import json,sys
ns = lambda j: sum(len(v) for v in j['states'].values())  # states, all roles
j=json.load(open(sys.argv[1])); sys.exit(0 if ($check) else 1)" \
        "log/$name.out" || fail "$name: $check is false for $(head -c 300 "log/$name.out")"
}

cp "$SRC/graphs/us-japan-rok.gv" ujr.gv
cp "$SRC/graphs/us-japan-rok.graphml" ujr.graphml
guard=$(hang_guard "$H" info ujr.gv)
HS_TEST_TIMEOUT=$guard # every run of lib.sh's run under the hang guard
# A limit refusal names the element that crosses it: the 4th node, the 3rd edge.
node4=$(grep -n '<node' ujr.graphml | sed -n 4p | cut -d: -f1)
edge3=$(grep -n '<edge' ujr.graphml | sed -n 3p | cut -d: -f1)
run ref info --format json ujr.gv
cp log/ref.out ref.json
states_ok='j == json.load(open("ref.json"))'

# ---- file names: spaces, quotes, semicolons, newlines, a leading dash ---------------
# The DOT ones go through the helper (an argv, never a shell); $(...) and ;
# would create ./pwned if any shell saw them.
names=("with space" "quote'\"d" "semi;colon" $'new\nline' "-dash" '$(touch pwned)' '`touch pwned`;touch pwned')
i=0
for n in "${names[@]}"; do
    i=$((i + 1))
    cp -- ujr.gv "$n.gv"
    cp -- ujr.graphml "$n.graphml"
    for ext in gv graphml; do
        loads "name$i-$ext" "j['states'] == json.load(open('ref.json'))['states']" -- "$n.$ext"
    done
    pass
    if ! timeout "$guard" "$H" convert -- "$n.gv" "$n out.graphml" 2>log/conv$i.err ||
        ! timeout "$guard" "$H" convert -- "$n out.graphml" "$n back.gv" 2>>log/conv$i.err; then
        fail "name$i: convert: $(cat log/conv$i.err)"
    fi
    loads "name$i-back" "j['states'] == json.load(open('ref.json'))['states']" -- "$n back.gv"
    run "name$i-metrics" metrics --permutations 0 --format csv -- "$n.gv"
    pass
    [[ $rc -eq 0 && -s log/name$i-metrics.out ]] || fail "name$i: metrics exit $rc"
done
pass
[[ -e pwned || -e $SRC/pwned ]] && fail "a shell ran a file name: pwned exists"

# ---- an output is never an input ----------------------------------------------------
cp ujr.gv in.gv
ln in.gv hard.gv
ln -s in.gv sym.gv
mkdir sub
i=0
for out in in.gv ./in.gv sub/../in.gv "$T/in.gv" hard.gv sym.gv; do
    i=$((i + 1))
    refused "same-$i" 2 "hubspoke convert: output '$out' is the input file 'in.gv'; hubspoke never writes to an input (see 'hubspoke convert --help')" \
        convert in.gv "$out" --to dot
done
refused same-render 2 "hubspoke render: output 'hard.gv' is the input file 'in.gv'; hubspoke never writes to an input (see 'hubspoke render --help')" \
    render in.gv -o hard.gv
refused same-evolve 2 "hubspoke evolve: output 'sym.gv' is the input file 'in.gv'; hubspoke never writes to an input (see 'hubspoke evolve --help')" \
    evolve in.gv --years 1990,2000 -o sym.gv
ln ujr.graphml plot.svg
refused same-compare 2 "hubspoke compare: output 'plot.svg' is the input file 'ujr.graphml'; hubspoke never writes to an input (see 'hubspoke compare --help')" \
    compare ujr.graphml --years 2000:2002 --plot plot.svg
if [[ -f $SRC/tests/data/import/cow.csv ]]; then
    cp "$SRC/tests/data/import/cow.csv" cow.csv
    ln cow.csv cow.gv
    refused same-import 2 "hubspoke import: output 'cow.gv' is the input file 'cow.csv'; hubspoke never writes to an input (see 'hubspoke import --help')" \
        import cow cow.csv -o cow.gv
    pass
    cmp -s cow.csv "$SRC/tests/data/import/cow.csv" || fail "same-import: the input changed"
fi
refused max-states-whatif 1 "hubspoke: ujr.graphml:$node4: more than 3 states and mechanisms (the load limit); raise it with --max-states or --max-ties" \
    whatif ujr.graphml --year 2010 --drop-state JPN --max-states 3
pass
cmp -s in.gv ujr.gv || fail "same: the input changed"
cmp -s plot.svg ujr.graphml || fail "same-compare: the input changed"
[[ -z $(ls -A | grep -c '\.tmp\.' | grep -v '^0$') ]] || fail "same: a temporary file was left"

# ---- FIFOs and devices: refused at once, never waited on ----------------------------
mkfifo fifo.gv fifo.graphml fifo.json
refused fifo-dot 1 "hubspoke: fifo.gv: not a regular file (a pipe or device; use '-' to read standard input)" info fifo.gv
refused fifo-graphml 1 "hubspoke: fifo.graphml: not a regular file (a pipe or device; use '-' to read standard input)" metrics fifo.graphml
refused fifo-codebook 1 "hubspoke: fifo.json: not a regular file (a pipe or device; use '-' to read standard input)" \
    metrics ujr.gv --codebook fifo.json
refused dev-zero 1 "hubspoke: /dev/zero: not a regular file (a pipe or device; use '-' to read standard input)" info /dev/zero
refused dev-zero-convert 1 "hubspoke: /dev/zero: not a regular file (a pipe or device; use '-' to read standard input)" \
    convert /dev/zero out.graphml --from dot
pass
rc=0
timeout -s KILL "$guard" "$H" info - </dev/zero >/dev/null 2>log/stdin-zero.err || rc=$?
[[ $rc -eq 1 && $(cat log/stdin-zero.err) == "hubspoke: <stdin>: binary file (NUL byte at offset 0)" ]] ||
    fail "stdin /dev/zero: exit $rc, $(cat log/stdin-zero.err)"
# 256 MiB through valgrind takes minutes: the release and sanitizer runs check it.
if [[ ${HS_VALGRIND:-0} != 1 ]]; then
    pass
    rc=0
    yes 'graph g {' 2>/dev/null | timeout -s KILL "$guard" "$H" info - >/dev/null 2>log/stdin-endless.err || rc=$?
    [[ $rc -eq 1 && $(cat log/stdin-endless.err) == "hubspoke: <stdin>: larger than 256 MiB" ]] ||
        fail "endless stdin: exit $rc, $(cat log/stdin-endless.err)"
fi

# ---- NUL bytes, invalid UTF-8, CRLF ---------------------------------------------------
printf 'graph g { A -- B }\n\0' >nul.gv
refused nul-dot 1 "hubspoke: nul.gv: binary file (NUL byte at offset 19)" info nul.gv
{ head -c 300 ujr.graphml; printf '\0'; } >nul.graphml
refused nul-graphml 1 "hubspoke: nul.graphml: binary file (NUL byte at offset 300)" info nul.graphml
printf 'graph g { "A\xff" -- B }\n' >utf8.gv
refused utf8-dot 1 'hubspoke: utf8.gv: invalid UTF-8 in node name "A?"' info utf8.gv
printf '<?xml version="1.0" encoding="UTF-8"?>\n<graphml><graph>\n<node id="A\xc3\x28"/>\n</graph></graphml>\n' >utf8.graphml
refused utf8-graphml 1 "hubspoke: utf8.graphml:3: XML error: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC3 0x28 0x22 0x2F" info utf8.graphml
sed 's/$/\r/' ujr.gv >crlf.gv
sed 's/$/\r/' ujr.graphml >crlf.graphml
loads crlf-dot "$states_ok" crlf.gv
# The GraphML's own name differs in the JSON only by its file name.
loads crlf-graphml "j['states'] == json.load(open('ref.json'))['states']" crlf.graphml

# ---- DOT nesting, clusters, long ids ---------------------------------------------------
python3 - <<'PY'
deep = 20000
open("deep.gv", "w").write("graph g {" + "subgraph {" * deep + "A -- B" + "}" * deep + "}\n")
ok = 100
open("nested.gv", "w").write("graph g {" + "".join("subgraph cluster_%d { M%d; " % (i, i) for i in range(ok))
                             + "A -- B" + "}" * ok + "}\n")
with open("clusters.gv", "w") as f:
    f.write("graph g {\n")
    for i in range(10000):
        f.write('subgraph cluster_m%d { kind=dialogue; s%d; s%d }\n' % (i, i, i + 1))
    f.write("}\n")
long_id = "S" * 1_000_000
open("long.gv", "w").write('graph g { "%s" [label="%s"]; "%s" -- B }\n' % (long_id, "L" * 1_000_000, long_id))
open("long-unquoted.gv", "w").write('graph g { %s -- B }\n' % ("x" * 100_000))
PY
refused deep-nesting 1 "hubspoke: deep.gv:1: DOT parser stack exhausted (edge chain or nesting too deep) near 'subgraph'" info deep.gv
loads nested "len(j['mechanisms']) == 100" nested.gv
loads clusters "len(j['mechanisms']) == 10000 and ns(j) == 10001" clusters.gv
loads long-id "ns(j) == 2" long.gv
pass
if timeout "$guard" "$H" convert long.gv long.graphml 2>log/long.err; then
    python3 -c 'import sys; t = open("long.graphml").read(); sys.exit(0 if "\"" + "S" * 1000000 + "\"" in t and ">" + "L" * 1000000 + "<" in t else 1)' ||
        fail "long id: id or label not kept whole in the GraphML"
else
    fail "long id: convert: $(cat log/long.err)"
fi
loads long-unquoted "ns(j) == 2" long-unquoted.gv

# ---- XML entity attacks, external DTDs and entities ------------------------------------
# The external targets are FIFOs: a parser that opened one would block until
# the hang guard. The network one is a port where a listener records any
# connection.
mkfifo dtd.fifo ent.fifo
port_file=log/port
/usr/bin/python3 - "$port_file" <<'PY' &
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(120)
try:
    c, _ = s.accept(); open(sys.argv[1] + ".hit", "w").write("connected")
except OSError:
    pass
PY
listener=$!
until=$((SECONDS + guard))
until [[ -s $port_file || $SECONDS -ge $until ]]; do sleep 0.05; done
port=$(cat "$port_file")
head='<?xml version="1.0"?>'
body='<graphml><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">'
tail='</data></node></graph></graphml>'
{
    echo "$head"
    echo '<!DOCTYPE graphml ['
    echo ' <!ENTITY lol "lol">'
    for i in 1 2 3 4 5 6 7 8 9; do
        p=$((i - 1)); [[ $p -eq 0 ]] && p=""
        printf ' <!ENTITY lol%s "%s">\n' "$i" "$(printf "&lol$p;%.0s" 1 2 3 4 5 6 7 8 9 10)"
    done
    echo ']>'
    echo "$body&lol9;$tail"
} >laughs.graphml
# libxml2 refuses the nested declarations themselves, before any reference.
refused billion-laughs 1 "hubspoke: laughs.graphml:1: XML error: Detected an entity reference loop" info laughs.graphml
python3 -c "
a = 'A' * 50000
print('<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY a \"%s\">]>' % a)
print('$body' + '&a;' * 50000 + '$tail')" >quadratic.graphml
refused quadratic 1 "hubspoke: quadratic.graphml:3: entity reference '&a;' is not supported" info quadratic.graphml
printf '%s\n<!DOCTYPE graphml SYSTEM "%s">\n%s%s\n' "$head" "$T/dtd.fifo" "$body" "x$tail" >extdtd.graphml
loads external-dtd "ns(j) == 1" extdtd.graphml
printf '%s\n<!DOCTYPE graphml [<!ENTITY %% p SYSTEM "%s"> %%p;]>\n%s%s\n' "$head" "$T/ent.fifo" "$body" "x$tail" >param.graphml
loads param-entity "ns(j) == 1" param.graphml
printf '%s\n<!DOCTYPE graphml [<!ENTITY x SYSTEM "%s">]>\n%s&x;%s\n' "$head" "$T/ent.fifo" "$body" "$tail" >xxe.graphml
refused external-entity 1 "hubspoke: xxe.graphml:3: entity reference '&x;' is not supported" info xxe.graphml
printf '%s\n<!DOCTYPE graphml SYSTEM "http://127.0.0.1:%s/g.dtd">\n%s%s\n' "$head" "$port" "$body" "x$tail" >net.graphml
loads network-dtd "ns(j) == 1" net.graphml
printf '%s\n<!DOCTYPE graphml [<!ENTITY x SYSTEM "http://127.0.0.1:%s/x">]>\n%s&x;%s\n' "$head" "$port" "$body" "$tail" >netent.graphml
refused network-entity 1 "hubspoke: netent.graphml:3: entity reference '&x;' is not supported" info netent.graphml
pass
[[ -e $port_file.hit ]] && fail "the XML parser connected to the network"
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null

# ---- load limits, on both paths -------------------------------------------------------
# DOT: the helper stops at the line (docs/dot-helper.md).
refused max-states-dot 1 "hubspoke: ujr.gv:6: more than 3 states and mechanisms (the load limit); raise it with --max-states or --max-ties" \
    info ujr.gv --max-states 3
refused max-ties-dot 1 "hubspoke: ujr.gv:13: more than 2 ties (the load limit); raise it with --max-states or --max-ties" \
    metrics ujr.gv --max-ties 2
refused max-states-graphml 1 "hubspoke: ujr.graphml:$node4: more than 3 states and mechanisms (the load limit); raise it with --max-states or --max-ties" \
    metrics ujr.graphml --max-states 3
refused max-ties-convert 1 "hubspoke: ujr.graphml:$edge3: more than 2 ties (the load limit); raise it with --max-states or --max-ties" \
    convert ujr.graphml out.gv --max-ties 2
loads max-unlimited "$states_ok" ujr.gv --max-states 0 --max-ties 0
refused max-bad 2 "hubspoke info: --max-states 'many' is not a whole number in [0, 18446744073709551615] (see 'hubspoke info --help')" \
    info ujr.gv --max-states many
refused timeout-bad 2 "hubspoke metrics: --timeout '-1' is not a whole number in [0, 1000000000] (see 'hubspoke metrics --help')" \
    metrics ujr.gv --timeout -1

# ---- the helper's time limit -------------------------------------------------------------
# A helper that never answers and leaves a grandchild: both are killed. Its
# 300 s are the yardstick: hubspoke must answer at its 1 s --timeout, long
# before the helper would have ended (a fifth of its run at most, however
# slow this build and machine), and both processes must be gone by then.
slow=300
cat >slow-helper <<SH
#!/bin/sh
sleep $slow &
echo \$! > "$T/grandchild.pid"
exec sleep $slow
SH
chmod +x slow-helper
# gone PID: waits until process PID is no more, up to a fifth of the helper's run.
gone() {
    local until=$((SECONDS + slow / 5))
    while kill -0 "$1" 2>/dev/null && [[ $SECONDS -lt $until ]]; do sleep 0.1; done
}
pass
start=$SECONDS
HUBSPOKE_DOT_HELPER="$T/slow-helper" run timeout info ujr.gv --timeout 1
took=$((SECONDS - start))
[[ $rc -eq 1 && $(cat log/timeout.err) == "hubspoke: ujr.gv: the DOT helper did not finish within 1 s; stopped it (raise the limit with --timeout)" && $took -lt $((slow / 5)) ]] ||
    fail "timeout: exit $rc after ${took}s, stderr: $(cat log/timeout.err)"
pass
gc=$(cat grandchild.pid 2>/dev/null)
gone "$gc"
if [[ -z $gc ]] || kill -0 "$gc" 2>/dev/null; then
    fail "timeout: the helper's child ${gc:-?} survived"
    [[ -n $gc ]] && kill "$gc"
fi

# The same limit on a drawing: Graphviz's layout is what may run for minutes.
pass
start=$SECONDS
HUBSPOKE_DOT_HELPER="$T/slow-helper" run timeout-render render ujr.graphml -o drawn.svg --timeout 1
took=$((SECONDS - start))
[[ $rc -eq 1 && $(cat log/timeout-render.err) == "hubspoke: ujr.graphml: the DOT helper did not finish within 1 s; stopped it (raise the limit with --timeout)" && $took -lt $((slow / 5)) && ! -e drawn.svg ]] ||
    fail "render timeout: exit $rc after ${took}s, stderr: $(cat log/timeout-render.err)"
gc=$(cat grandchild.pid 2>/dev/null)
gone "$gc"
kill -0 "$gc" 2>/dev/null && { fail "render timeout: the helper's child $gc survived"; kill "$gc"; }

finish
