#!/usr/bin/env bash
# Runs hubspoke-dot over the third-party DOT corpus ($HS_CORPUS/dot and the
# Graphviz files under $HS_CORPUS/bad). Every file must either convert (exit 0,
# well-formed XML on stdout) or be refused cleanly (exit 1, one non-empty stderr
# line starting with the file name); never a signal, a hang (guard.bash) or
# exit 2.
# HS_DOT_WRAP, when set, prefixes every run (for example
# "valgrind --error-exitcode=9 --leak-check=full -q"). Exit 77 without a corpus.
. "$(dirname "$0")/lib.sh"
DOT=${HUBSPOKE_DOT:-}
[[ -n $DOT && -x $DOT ]] || { echo "HUBSPOKE_DOT does not name the built hubspoke-dot"; exit 1; }
C=${HS_CORPUS:-}
[[ -n $C && -d $C ]] || skip "no corpus at '${C}'"
command -v xmllint >/dev/null || skip "xmllint (libxml2-utils) is not installed"
read -r -a wrap <<<"${HS_DOT_WRAP:-}"
# shellcheck source=tests/cli/guard.bash
. "$SRC/tests/cli/guard.bash"
limit=$(hang_guard "${wrap[@]}" "$DOT" to-graphml "$SRC/graphs/us-japan-rok.gv")
converted=0 refusals=0
declare -A reasons=()

while IFS= read -r -d '' f; do
    timeout "$limit" "${wrap[@]}" "$DOT" to-graphml "$f" >"$T/out" 2>"$T/err"
    rc=$?
    if [[ $rc -eq 0 ]]; then
        if [[ -s $T/err ]]; then
            fail "$f: exit 0 with stderr: $(head -n 3 "$T/err")"
        elif ! xmllint --noout "$T/out" 2>/dev/null; then
            fail "$f: output is not well-formed XML"
        else
            converted=$((converted + 1))
            pass
        fi
    elif [[ $rc -eq 1 ]]; then
        line=$(head -n 1 "$T/err")
        if [[ -s $T/out ]]; then
            fail "$f: refused but wrote to stdout"
        elif [[ $(wc -l <"$T/err") -ne 1 || $line != "$f:"* || $line == "$f:" ]]; then
            fail "$f: refused without one proper stderr line: $(head -c 300 "$T/err")"
        else
            refusals=$((refusals + 1))
            pass
            # The reason without file name, line number, quoted tokens or offsets.
            reason=${line#"$f:"}
            reason=$(sed -E "s/^[0-9]+: //; s/^ //; s/'.*//; s/\".*//; s/offset [0-9]+/offset N/; s/ +$//" <<<"$reason")
            reasons[$reason]=$((${reasons[$reason]:-0} + 1))
        fi
    else
        fail "$f: exit $rc$([[ $rc -ge 124 ]] && echo ' (timeout or signal)'): $(head -c 300 "$T/err")"
    fi
done < <(find "$C/dot" "$C"/bad/graphviz-* -type f -print0 2>/dev/null | sort -z)

echo "hubspoke-dot corpus: $converted converted, $refusals refused, $hs_failures failed"
for r in "${!reasons[@]}"; do
    echo "  refused ${reasons[$r]}x: $r"
done | sort
[[ $hs_checks -eq 0 ]] && fail "no DOT files under $C/dot or $C/bad/graphviz-*"
finish
