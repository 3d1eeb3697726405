#!/usr/bin/env bash
# Runs hubspoke-dot over the third-party DOT corpus ($HS_CORPUS/dot and the
# Graphviz files under $HS_CORPUS/bad). Every file must either convert (exit 0,
# well-formed XML on stdout) or be refused cleanly (exit 1, one non-empty stderr
# line starting with the file name); never a signal, a hang (guard.bash) or
# exit 2.
# HS_DOT_WRAP, when set, prefixes every run (for example
# "valgrind --error-exitcode=9 --leak-check=full -q"). Exit 77 without a corpus.
set -u

H=${HUBSPOKE_DOT:-}
if [[ -z $H || ! -x $H ]]; then
    echo "HUBSPOKE_DOT does not name the built hubspoke-dot"
    exit 1
fi
C=${HS_CORPUS:-}
if [[ -z $C || ! -d $C ]]; then
    echo "skipped: no corpus at '${C}'"
    exit 77
fi
if ! command -v xmllint >/dev/null; then
    echo "skipped: xmllint (libxml2-utils) is not installed"
    exit 77
fi
read -r -a wrap <<<"${HS_DOT_WRAP:-}"
SRC=${HS_SRC:?HS_SRC must name the source tree}
# shellcheck source=tests/cli/guard.bash
. "$SRC/tests/cli/guard.bash"
limit=$(hang_guard "${wrap[@]}" "$H" to-graphml "$SRC/graphs/us-japan-rok.gv")

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok=0 refused=0 failures=0
declare -A reasons=()

while IFS= read -r -d '' f; do
    timeout "$limit" "${wrap[@]}" "$H" to-graphml "$f" >"$T/out" 2>"$T/err"
    rc=$?
    if [[ $rc -eq 0 ]]; then
        if [[ -s $T/err ]]; then
            echo "FAIL: $f: exit 0 with stderr: $(head -n 3 "$T/err")"
            failures=$((failures + 1))
        elif ! xmllint --noout "$T/out" 2>/dev/null; then
            echo "FAIL: $f: output is not well-formed XML"
            failures=$((failures + 1))
        else
            ok=$((ok + 1))
        fi
    elif [[ $rc -eq 1 ]]; then
        line=$(head -n 1 "$T/err")
        if [[ -s $T/out ]]; then
            echo "FAIL: $f: refused but wrote to stdout"
            failures=$((failures + 1))
        elif [[ $(wc -l <"$T/err") -ne 1 || $line != "$f:"* || $line == "$f:" ]]; then
            echo "FAIL: $f: refused without one proper stderr line: $(head -c 300 "$T/err")"
            failures=$((failures + 1))
        else
            refused=$((refused + 1))
            # The reason without file name, line number, quoted tokens or offsets.
            reason=${line#"$f:"}
            reason=$(sed -E "s/^[0-9]+: //; s/^ //; s/'.*//; s/\".*//; s/offset [0-9]+/offset N/; s/ +$//" <<<"$reason")
            reasons[$reason]=$((${reasons[$reason]:-0} + 1))
        fi
    else
        echo "FAIL: $f: exit $rc$([[ $rc -ge 124 ]] && echo ' (timeout or signal)'): $(head -c 300 "$T/err")"
        failures=$((failures + 1))
    fi
done < <(find "$C/dot" "$C"/bad/graphviz-* -type f -print0 2>/dev/null | sort -z)

echo "hubspoke-dot corpus: $ok converted, $refused refused, $failures failed"
for r in "${!reasons[@]}"; do
    echo "  refused ${reasons[$r]}x: $r"
done | sort
if [[ $((ok + refused + failures)) -eq 0 ]]; then
    echo "FAIL: no DOT files under $C/dot or $C/bad/graphviz-*"
    exit 1
fi
[[ $failures -eq 0 ]]
