# The shared helpers of the end-to-end tests (tests/README.md). Source it
# first thing:
#
#   . "$(dirname "$0")/lib.sh"
#
# It sets `set -u`, checks the environment ctest gives (HUBSPOKE, HS_SRC), and
# provides:
#   H, SRC, GRAPHS, py   the hubspoke program, the source tree, its graphs/,
#                    the Python interpreter of the checks
#   T                a fresh temporary directory, removed at exit; the test
#                    runs in $T/work, and run's logs go to $T/log
#   skip REASON      exit 77 (ctest's "skipped"), saying why
#   pass             count a check that passed
#   fail MESSAGE     count a check that failed (one line on stdout)
#   check COMMAND... MESSAGE    run the test command (the words before the
#                    last): pass, or fail with MESSAGE
#   run NAME ARGS... run hubspoke ARGS; stdout in $T/log/NAME.out, stderr in
#                    $T/log/NAME.err, the exit status in $rc
#   run_cmd NAME PROGRAM ARGS...  the same for any program
#   succeeds NAME ARGS...       exit 0, nothing on stderr
#   refused NAME RC LINE ARGS...  exit RC, nothing on stdout, exactly LINE
#                    as the one line on stderr, in the CLI's error format; a
#                    LINE ending in '*' is a prefix
#   refused_cmd NAME RC LINE PROGRAM ARGS...  the same for any program
#   out NAME / err NAME         the file run wrote stdout / stderr of NAME to
#   same A B / differ A B       the two files are (not) byte-identical
#   finish           print "NAME: N checks, M failed" and exit 0 or 1
# Every program runs under `timeout -s KILL $HS_TEST_TIMEOUT` (default 300 s),
# so that a hang fails the test instead of stalling the suite. Under
# scripts/test.sh's valgrind pass HUBSPOKE is a wrapper: call hubspoke
# through $H (or run) only.
set -u

H=${HUBSPOKE:-}
SRC=${HS_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
GRAPHS=$SRC/graphs
py=/usr/bin/python3
if [[ -z $H || ! -x $H ]]; then
    echo "HUBSPOKE does not name the built hubspoke"
    exit 1
fi

T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
mkdir -p "$T/work" "$T/log"
cd "$T/work" || exit 1

hs_test_name=$(basename "$0" .sh)
hs_checks=0
hs_failures=0

skip() {
    echo "skip: $*"
    exit 77
}

pass() { hs_checks=$((hs_checks + 1)); }

fail() {
    echo "FAIL: $*"
    hs_checks=$((hs_checks + 1))
    hs_failures=$((hs_failures + 1))
}

check() {
    local message=${*: -1}
    if "${@:1:$#-1}"; then pass; else fail "$message"; fi
}

out() { echo "$T/log/$1.out"; }
err() { echo "$T/log/$1.err"; }
same() { cmp -s "$1" "$2"; }
differ() { ! cmp -s "$1" "$2"; }

run_cmd() {
    local name=$1
    shift
    timeout -s KILL "${HS_TEST_TIMEOUT:-300}" "$@" >"$T/log/$name.out" 2>"$T/log/$name.err"
    rc=$?
}

run() {
    local name=$1
    shift
    run_cmd "$name" "$H" "$@"
}

succeeds() {
    local name=$1 before=$hs_failures
    shift
    run "$name" "$@"
    [[ $rc -eq 0 ]] || fail "$name: exit $rc (stderr: $(head -c 300 "$T/log/$name.err"))"
    [[ -s $T/log/$name.err ]] && fail "$name: wrote to stderr: $(head -c 300 "$T/log/$name.err")"
    [[ $hs_failures -eq $before ]] && pass
    return 0
}

# The checks of a refusal, after run_cmd: the status, an empty stdout, one
# line on stderr, "hubspoke: ..." for bad input and "hubspoke[ COMMAND]: ..."
# for a usage error when the program is hubspoke, and the line itself.
hs_refusal() {
    local name=$1 want_rc=$2 want=$3 program=$4 before=$hs_failures
    local e=$T/log/$name.err got
    got=$(cat "$e")
    [[ $rc -eq $want_rc ]] || fail "$name: exit $rc, expected $want_rc (stderr: $(head -c 300 "$e"))"
    [[ -s $T/log/$name.out ]] && fail "$name: wrote to stdout: $(head -c 200 "$T/log/$name.out")"
    [[ $(wc -l <"$e") -eq 1 && $(tail -c 1 "$e" | od -An -c | tr -d ' ') == '\n' ]] ||
        fail "$name: stderr is not exactly one line: $(head -c 300 "$e")"
    if [[ $program == "$H" && $want_rc -eq 1 ]]; then
        [[ $got == "hubspoke: "* ]] || fail "$name: stderr does not start with 'hubspoke: ': $got"
    elif [[ $program == "$H" && $want_rc -eq 2 ]]; then
        [[ $got =~ ^hubspoke(\ [a-z]+)?:\  ]] || fail "$name: stderr does not start with 'hubspoke[ COMMAND]: ': $got"
    fi
    if [[ $want == *'*' ]]; then
        [[ $got == "${want%\*}"* ]] || fail "$name: stderr
     got: $got
expected: $want"
    else
        [[ $got == "$want" ]] || fail "$name: stderr
     got: $got
expected: $want"
    fi
    [[ $hs_failures -eq $before ]] && pass
    return 0
}

refused() {
    local name=$1 want_rc=$2 want=$3
    shift 3
    run "$name" "$@"
    hs_refusal "$name" "$want_rc" "$want" "$H"
}

refused_cmd() {
    local name=$1 want_rc=$2 want=$3 program=$4
    shift 3
    run_cmd "$name" "$@"
    hs_refusal "$name" "$want_rc" "$want" "$program"
}

finish() {
    echo "$hs_test_name: $hs_checks checks, $hs_failures failed"
    [[ $hs_failures -eq 0 ]]
    exit $?
}
