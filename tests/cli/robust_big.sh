#!/usr/bin/env bash
# Large inputs and lost output (docs/robustness.md):
#  - a GraphML file of N states and 1.25 N ties loads with the default limits,
#    and its states and ties are all there;
#  - --max-states / --max-ties stop the reading at the element that crosses
#    the limit: quickly and in little memory, not after loading everything
#    (GraphML read from disk, and DOT through the helper);
#  - `convert` killed with SIGKILL while it writes leaves the previous output
#    byte for byte, whatever moment the kill lands.
# N is 100,000 (a 20 MB file) by default so that CI stays fast; HS_BIG=1 makes
# it the issue's 1,000,000 states (a 208 MB file; about 7 s and 480 MB to load in a
# release build). The file is generated into a temporary directory.
# One line per failure; exit 0 pass, 1 fail.
set -u

H=${HUBSPOKE:?HUBSPOKE must name the built hubspoke}
N=100000
[[ ${HS_BIG:-0} == 1 ]] && N=1000000
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
failures=0 checks=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
# A peak-RSS probe when GNU time is there (Debian: package time).
rss() { # rss FILE CMD...: runs CMD, peak KB into FILE (0 when unknown)
    local f=$1
    shift
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -o "$f.time" -f %M "$@"
        local rc=$?
        tail -n 1 "$f.time" >"$f" # after "Command exited with non-zero status N"
        return $rc
    else
        echo 0 >"$f"
        "$@"
    fi
}

# The hub US, N-1 allies with a treaty each, and a ring of exercises among
# every fourth ally: N states, (N-1) + ceil((N-1)/4) ties.
/usr/bin/python3 - "$N" <<'PY'
import sys
n = int(sys.argv[1])
with open("big.graphml", "w", buffering=1 << 20) as out:
    w = out.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
      '<key id="role" for="node" attr.name="role" attr.type="string"/>\n'
      '<key id="since" for="all" attr.name="since" attr.type="int"/>\n'
      '<key id="kind" for="edge" attr.name="kind" attr.type="string"/>\n'
      '<graph id="big" edgedefault="undirected">\n<node id="US"><data key="role">hub</data></node>\n')
    for i in range(1, n):
        w('<node id="s%07d"><data key="role">ally</data><data key="since">%d</data></node>\n' % (i, 1950 + i % 70))
    for i in range(1, n):
        w('<edge source="s%07d" target="US"><data key="kind">treaty</data><data key="since">%d</data></edge>\n'
          % (i, 1950 + i % 70))
    for i in range(1, n, 4):
        w('<edge source="s%07d" target="s%07d"><data key="kind">exercise</data></edge>\n' % (i, i % (n - 1) + 1))
    w('</graph>\n</graphml>\n')
PY
ties=$(((N - 1) + (N - 1 + 3) / 4))

# ---- it loads, whole ---------------------------------------------------------------
checks=$((checks + 1))
if rss full.rss "$H" info big.graphml --format json >full.json 2>full.err; then
    /usr/bin/python3 - "$N" "$ties" <<'PY' || fail "full load: counts differ"
import json, sys
j = json.load(open("full.json"))
n, ties = int(sys.argv[1]), int(sys.argv[2])
states = sum(len(v) for v in j["states"].values())
if states != n or len(j["states"]["ally"]) != n - 1:
    print("states", states, "allies", len(j["states"]["ally"])); sys.exit(1)
PY
else
    fail "full load: $(head -c 300 full.err)"
fi
echo "note: $N states, $ties ties, $(($(stat -c %s big.graphml) / 1000000)) MB: peak $(($(cat full.rss) / 1024)) MB"

# ---- the limits stop the reading early -----------------------------------------------
# Line 7 is US, so state N-1+... the (limit+1)-th node is on line limit + 7.
checks=$((checks + 1))
rss small.rss "$H" info big.graphml --max-states 1000 >/dev/null 2>small.err
[[ $(cat small.err) == "hubspoke: big.graphml:1007: more than 1000 states and mechanisms (the load limit); raise it with --max-states or --max-ties" ]] ||
    fail "max-states: $(cat small.err)"
# Stopping at the 1001st node means memory of a small model, whatever N.
full=$(cat full.rss) small=$(cat small.rss)
checks=$((checks + 1))
[[ $small -eq 0 || $small -lt 60000 ]] || fail "max-states: peak $small KB: the file was not abandoned early"
checks=$((checks + 1))
"$H" metrics big.graphml --max-ties 5000 >/dev/null 2>ties.err
[[ $(cat ties.err) == "hubspoke: big.graphml:$((N + 5007)): more than 5000 ties (the load limit); raise it with --max-states or --max-ties" ]] ||
    fail "max-ties: $(cat ties.err)"

# The DOT path: the limit applies to what the helper hands back.
"$H" convert big.graphml big.gv 2>conv.err || fail "convert to DOT: $(cat conv.err)"
checks=$((checks + 1))
"$H" info big.gv --max-states 1000 >/dev/null 2>dot.err
[[ $(cat dot.err) == "hubspoke: big.gv: more than 1000 states and mechanisms (the load limit); raise it with --max-states or --max-ties" ]] ||
    fail "DOT max-states: $(cat dot.err)"

# ---- SIGKILL while writing leaves the previous output ----------------------------------
# The old output is a small valid file; the new one is large. A watcher kills
# convert the moment anything happens to the output's directory entry (its
# temporary file appears, or the output itself changes, as a write in place
# would truncate it), then later and later on each attempt. Whenever it
# lands, out.gv must be the old file or the whole new one (a kill after the
# rename), never anything else; and at least one kill must land while the
# temporary file was being written, with the old file then intact.
cp big.graphml in.graphml
"$H" convert in.graphml expected.gv || fail "convert: reference output"
printf 'graph old { A -- B }\n' >out.gv
cp out.gv out.before
midwrite=0
for attempt in 1 2 3 4 5 6; do
    "$H" convert in.graphml out.gv 2>/dev/null &
    pid=$!
    /usr/bin/python3 - "$pid" "$attempt" <<'PY' >watch.out
import os, signal, sys, time
pid, attempt = int(sys.argv[1]), int(sys.argv[2])
before = os.stat("out.gv")
delay = (attempt - 1) * 0.002  # later and later into the write
while True:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(0)
    tmp = [f for f in os.listdir(".") if f.startswith("out.gv.tmp.")]
    st = os.stat("out.gv")
    if tmp or st.st_ino != before.st_ino or st.st_size != before.st_size or st.st_mtime_ns != before.st_mtime_ns:
        time.sleep(delay)
        tmp = [f for f in os.listdir(".") if f.startswith("out.gv.tmp.")]
        os.kill(pid, signal.SIGKILL)
        print("midwrite" if tmp else "other")
        sys.exit(0)
    time.sleep(0.0005)
PY
    { wait "$pid"; } 2>/dev/null
    status=$?
    checks=$((checks + 1))
    if cmp -s out.gv out.before; then
        [[ $status -eq 137 && $(cat watch.out) == midwrite ]] && midwrite=$((midwrite + 1))
    elif ! cmp -s out.gv expected.gv; then
        fail "SIGKILL (attempt $attempt, exit $status): out.gv is neither the old file nor the whole new one"
    fi
    cp out.before out.gv
    rm -f out.gv.tmp.*
done
checks=$((checks + 1))
[[ $midwrite -ge 1 ]] || fail "SIGKILL: no attempt killed convert while it wrote its temporary file"
echo "note: $midwrite of 6 attempts killed convert mid-write, the old output intact"

echo "robust_big: $checks checks, $failures failed"
[[ $failures -eq 0 ]]
