#!/usr/bin/env bash
# Sweeps `hubspoke info` over the third-party corpus: every file under
# $HS_CORPUS/dot, $HS_CORPUS/graphml and $HS_CORPUS/bad (but the fuzzing
# dictionary). Each must load (exit 0, output on stdout, on stderr only the
# checks' warnings, "hubspoke: PATH...: warning: ..." lines and their count) or
# be refused cleanly (exit 1, nothing on stdout, stderr lines "hubspoke:
# PATH..." naming the file, one per error); never a signal, a timeout, exit 2, a
# sanitizer or valgrind report. Prints loaded/refused counts per directory, the
# warnings by code, and the distinct refusal reasons of the first lines (file
# names, ids and numbers stripped).
#
# Environment, for manual sweeps:
#   HS_WRAP      prefix of every run, e.g. "valgrind --error-exitcode=9 --leak-check=full -q"
#   HS_TIMEOUT   seconds per file (default: the hang guard of guard.bash, 100
#                times a small file's run now and at least 60; the largest
#                corpus files take about 20 times a small one)
#   HS_FILES     a file listing the inputs to sweep (one path a line) instead of all
# Exit 77 without a corpus.
. "$(dirname "$0")/lib.sh"
C=${HS_CORPUS:-}
[[ -n $C && -d $C ]] || skip "no corpus at '${C}'"
read -r -a wrap <<<"${HS_WRAP:-}"
# shellcheck source=tests/cli/guard.bash
. "$SRC/tests/cli/guard.bash"
limit=${HS_TIMEOUT:-$(hang_guard "${wrap[@]}" "$H" info "$SRC/graphs/us-japan-rok.gv")}
declare -A loaded=() refused=() reasons=() warned=()

# The reason of a refusal without the file name, line number, quoted tokens
# and numbers, so that equal causes group together.
reason_of() {
    local line=$1 f=$2 r
    r=${line#"hubspoke: $f"}
    r=${r#:}
    sed -E "s/^[0-9]+: //; s/^ //; s/'[^']*'/'…'/g; s/\"[^\"]*\"/\"…\"/g; s/<[^>]*>, not/<…>, not/;
        s/(weight|offset|line|since|until) -?[0-9][0-9.eE+-]*/\1 N/g" <<<"$r"
}

sweep() {
    local f=$1 dir=$2 rc err out line
    # A subshell, so that bash's own notice of a crash stays quiet. No helper
    # time limit (--timeout 0): on a loaded machine it would turn slow files
    # into refusals; the hang guard is what catches a hang.
    (timeout "$limit" "${wrap[@]}" "$H" info --timeout 0 "$f" >"$T/out" 2>"$T/err"; exit $?) 2>/dev/null
    rc=$?
    err=$T/err
    line=$(head -n 1 "$err")
    if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|^==[0-9]+== ' "$err"; then
        fail "$f: sanitizer or valgrind report (exit $rc): $(grep -Em 3 'Sanitizer|runtime error:|^==[0-9]+== ' "$err" | head -c 400)"
    elif [[ $rc -eq 0 ]]; then
        local w
        while IFS= read -r w; do
            if [[ $w == "hubspoke: $f"*": warning: "*" ["*"]" ]]; then
                w=${w##*[}
                warned[${w%]}]=$((${warned[${w%]}]:-0} + 1))
            elif [[ $w != "hubspoke: $f: "*" more warning"* ]]; then
                fail "$f: exit 0 with stderr other than warnings: $(head -c 300 <<<"$w")"
            fi
        done <"$err"
        if [[ ! -s $T/out ]]; then
            fail "$f: exit 0 with nothing on stdout"
        else
            loaded[$dir]=$((${loaded[$dir]:-0} + 1))
        fi
    elif [[ $rc -eq 1 ]]; then
        if [[ -s $T/out ]]; then
            fail "$f: refused but wrote to stdout"
        elif [[ ! -s $err || $line != "hubspoke: $f"* || $line == "hubspoke: $f" ]] ||
            grep -qv "^hubspoke: $(sed 's/[][\.*^$]/\\&/g' <<<"$f")" "$err"; then
            fail "$f: refused without 'hubspoke: $f...' lines on stderr: $(head -c 300 "$err")"
        else
            refused[$dir]=$((${refused[$dir]:-0} + 1))
            out=$(reason_of "$line" "$f")
            reasons[$out]=$((${reasons[$out]:-0} + 1))
        fi
    elif [[ $rc -eq 124 ]]; then
        fail "$f: timed out after ${limit}s"
    elif [[ $rc -gt 128 ]]; then
        fail "$f: killed by signal $((rc - 128)): $(head -c 300 "$err")"
    else
        fail "$f: exit $rc: $(head -c 300 "$err")"
    fi
}

if [[ -n ${HS_FILES:-} ]]; then
    list=$HS_FILES
else
    list=$T/list
    find "$C/dot" "$C/graphml" "$C/bad" -type f ! -name '*.dict' 2>/dev/null | sort >"$list"
fi
total=0
while IFS= read -r f; do
    [[ -n $f ]] || continue
    rel=${f#"$C"/}
    dir=${rel%%/*}
    total=$((total + 1))
    sweep "$f" "$dir"
done <"$list"

echo "hubspoke info over the corpus ($C): $total files, $hs_failures failed"
for dir in dot graphml bad; do
    echo "  $dir: ${loaded[$dir]:-0} loaded, ${refused[$dir]:-0} refused"
done
echo "warnings (shown, at most 10 a file) by code:"
for c in "${!warned[@]}"; do
    printf '  %4d  %s\n' "${warned[$c]}" "$c"
done | sort -k1,1nr -k2
echo "refusal reasons:"
for r in "${!reasons[@]}"; do
    printf '  %4d  %s\n' "${reasons[$r]}" "$r"
done | sort -k1,1nr -k2
[[ $total -eq 0 ]] && fail "no files under $C/dot, $C/graphml or $C/bad"
finish
