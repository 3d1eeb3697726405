# The shared helpers of the end-to-end tests (tests/README.md). Source it
# first thing:
#
#   . "$(dirname "$0")/lib.sh"
#
# It sets `set -u`, checks the environment ctest gives (HUBSPOKE, HS_SRC), and
# provides:
#   H, SRC, GRAPHS   the hubspoke program, the source tree, its graphs/
#   T                a fresh temporary directory, removed at exit; the test
#                    runs in $T/work, and run's logs go to $T/log
#   skip REASON      exit 77 (ctest's "skipped"), saying why
#   fail MESSAGE     record a failure (one line on stdout)
#   check COND... MESSAGE   evaluate the test command COND (the words before
#                    the last); a failure records MESSAGE
#   run NAME ARGS... run hubspoke ARGS; stdout in $T/log/NAME.out, stderr in
#                    $T/log/NAME.err, the exit status in $rc
#   succeeds NAME ARGS...       exit 0, nothing on stderr
#   refused NAME RC LINE ARGS...  exit RC, nothing on stdout, exactly LINE
#                    as the one line on stderr; a LINE ending in '*' is a prefix
#   out NAME / err NAME         the file run wrote stdout / stderr of NAME to
#   same A B / differ A B       the two files are (not) byte-identical
#   finish           print "NAME: N checks, M failed" and exit 0 or 1
# Under scripts/test.sh's valgrind pass HUBSPOKE is a wrapper: call hubspoke
# through $H only.
set -u

H=${HUBSPOKE:-}
SRC=${HS_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
GRAPHS=$SRC/graphs
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

fail() {
    echo "FAIL: $*"
    hs_failures=$((hs_failures + 1))
}

check() {
    local message=${*: -1}
    hs_checks=$((hs_checks + 1))
    "${@:1:$#-1}" || fail "$message"
}

out() { echo "$T/log/$1.out"; }
same() { cmp -s "$1" "$2"; }
differ() { ! cmp -s "$1" "$2"; }
err() { echo "$T/log/$1.err"; }

run() {
    local name=$1
    shift
    "$H" "$@" >"$T/log/$name.out" 2>"$T/log/$name.err"
    rc=$?
}

succeeds() {
    local name=$1
    shift
    hs_checks=$((hs_checks + 1))
    run "$name" "$@"
    [[ $rc -eq 0 ]] || fail "$name: exit $rc (stderr: $(head -c 300 "$T/log/$name.err"))"
    [[ -s $T/log/$name.err ]] && fail "$name: wrote to stderr: $(head -c 300 "$T/log/$name.err")"
    return 0
}

refused() {
    local name=$1 want_rc=$2 want=$3
    shift 3
    hs_checks=$((hs_checks + 1))
    run "$name" "$@"
    local e=$T/log/$name.err got
    got=$(cat "$e")
    [[ $rc -eq $want_rc ]] || fail "$name: exit $rc, expected $want_rc (stderr: $(head -c 300 "$e"))"
    [[ -s $T/log/$name.out ]] && fail "$name: wrote to stdout: $(head -c 200 "$T/log/$name.out")"
    [[ $(wc -l <"$e") -eq 1 ]] || fail "$name: stderr is not exactly one line: $(head -c 300 "$e")"
    if [[ $want == *'*' ]]; then
        [[ $got == "${want%\*}"* ]] || fail "$name: stderr
     got: $got
expected: $want"
    else
        [[ $got == "$want" ]] || fail "$name: stderr
     got: $got
expected: $want"
    fi
    return 0
}

finish() {
    echo "$hs_test_name: $hs_checks checks, $hs_failures failed"
    [[ $hs_failures -eq 0 ]]
    exit $?
}
