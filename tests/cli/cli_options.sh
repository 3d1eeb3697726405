#!/usr/bin/env bash
# The one option parser (src/cli/opt.c, docs/cli.md "Options"): the same
# syntax for the same thing in every command, --help generated from each
# command's table (to stdout, exit 0), usage errors on stderr (exit 2),
# unambiguous prefixes of long options accepted by every command and
# ambiguous ones refused, and the cases issue 13 lists.
. "$(dirname "$0")/lib.sh"

asia=$GRAPHS/asia-pacific.gv
commands="info convert metrics classify render evolve compare whatif import measures check export"

# ---- --help: stdout, exit 0, OPTIONS from the table, every option in docs/cli.md
for c in $commands; do
    succeeds "help-$c" "$c" --help
    check grep -q "^NAME" "$(out "help-$c")" "$c --help has no NAME"
    check grep -q "^OPTIONS" "$(out "help-$c")" "$c --help has no OPTIONS"
    check grep -q -- "--help  *show this help" "$(out "help-$c")" "$c --help does not list --help"
    succeeds "help2-$c" help "$c"
    check same "$(out "help-$c")" "$(out "help2-$c")" "hubspoke help $c differs from $c --help"
    # Every option of the generated OPTIONS section is documented in docs/cli.md.
    for opt in $(sed -n '/^OPTIONS/,/^[A-Z]/p' "$(out "help-$c")" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        check grep -q -- "$opt" "$SRC/docs/cli.md" "$c $opt is not in docs/cli.md"
    done
    # -h anywhere, even after other options, is the help.
    succeeds "h-$c" "$c" some-file -h
    check same "$(out "help-$c")" "$(out "h-$c")" "$c -h differs from --help"
done
# The options shared by several commands read the same in each help.
for c in info metrics classify render compare whatif; do
    [[ $c == compare ]] ||
        check grep -q -- "--year Y  *look at year Y: the elements with since <= Y < until" "$(out "help-$c")" \
            "$c: --year is not the shared option"
    check grep -q -- "--focus IDS  *a subsystem: only these states" "$(out "help-$c")" "$c: --focus is not the shared option"
    check grep -q -- "--timeout SECONDS" "$(out "help-$c")" "$c has no --timeout"
done
# whatif: --year is optional (issue 13), the synopsis does not demand it.
check grep -q "^    hubspoke whatif FILE EDIT... \[OPTIONS\]$" "$(out help-whatif)" "whatif's synopsis"

# ---- one year syntax everywhere: "- 5" and "-+5" are refused like in info
for c in info metrics classify compare whatif render; do
    extra=()
    [[ $c == whatif ]] && extra=(--drop-state JPN)
    [[ $c == render ]] && extra=(-o x.svg)
    refused "year-space-$c" 2 "hubspoke $c: --year '- 5' is not a year in [-9999, 9999] (see 'hubspoke $c --help')" \
        "$c" "$asia" --year "- 5" "${extra[@]}"
    refused "year-plus-$c" 2 "hubspoke $c: --year '-+5' is not a year in [-9999, 9999] (see 'hubspoke $c --help')" \
        "$c" "$asia" --year "-+5" "${extra[@]}"
    refused "year-plus2-$c" 2 "hubspoke $c: --year '+2000' is not a year in [-9999, 9999] (see 'hubspoke $c --help')" \
        "$c" "$asia" --year "+2000" "${extra[@]}"
done
succeeds year-negative info "$asia" --year -5 --format json
check grep -q '"year": -5' "$(out year-negative)" "info --year -5: the year is not -5"
succeeds year-equals info "$asia" --year=2014 --format=json
check grep -q '"year": 2014' "$(out year-equals)" "--year=2014"

# ---- lists: ids trimmed, years as ranges and lists in every command that takes them
succeeds focus-plain metrics "$asia" --year 2016 --focus USA,JPN,KOR --format json --permutations 0
succeeds focus-spaces metrics "$asia" --year 2016 --focus "USA, JPN ,  KOR" --format json --permutations 0
check same "$(out focus-plain)" "$(out focus-spaces)" "--focus 'USA, JPN ,  KOR' differs from USA,JPN,KOR"
succeeds focus-compare compare "$asia" --years 2016 --focus " USA,JPN, KOR" --format csv
succeeds focus-compare2 compare "$asia" --years 2016 --focus USA,JPN,KOR --format csv
check same "$(out focus-compare)" "$(out focus-compare2)" "compare --focus with blanks"
refused focus-empty 2 "hubspoke info: --focus 'USA,,JPN': an empty item (ids are separated by commas) (see 'hubspoke info --help')" \
    info "$asia" --focus USA,,JPN
refused hub-blank 2 "hubspoke info: --hub needs an id (see 'hubspoke info --help')" info "$asia" --hub "  "
succeeds hub-trimmed info "$asia" --year 2014 --hub " USA " --format json
check grep -q '"hub": "USA"' "$(out hub-trimmed)" "--hub ' USA ' is not USA"

succeeds years-range compare "$asia" --years 1950:1990:10 --format csv --quiet
check [ "$(cut -d, -f1 "$(out years-range)" | tr -d '\r' | tail -n +2 | tr '\n' ' ')" = "1950 1960 1970 1980 1990 " ] \
    "compare --years 1950:1990:10"
succeeds years-mixed compare "$asia" --years "1990:1992, 2000,2010:2020:10" --format csv --quiet
check [ "$(cut -d, -f1 "$(out years-mixed)" | tr -d '\r' | tail -n +2 | tr '\n' ' ')" = "1990 1991 1992 2000 2010 2020 " ] \
    "compare --years '1990:1992, 2000,2010:2020:10'"
refused years-backwards 2 "hubspoke compare: --years: the range '2000:1990' is reversed: it runs from 2000 back to 1990; write 1990:2000 (see 'hubspoke compare --help')" \
    compare "$asia" --years 2000:1990
if [[ -x ${HUBSPOKE_DOT:-} ]]; then
    # evolve takes compare's syntax (issue 13): five panels, 1950 to 1990.
    succeeds evolve-range evolve "$asia" --years 1950:1990:10 -o ev.gv
    check [ "$(grep -c '^  *subgraph "*cluster_panel\|panel year-' ev.gv)" -ge 5 ] "evolve --years 1950:1990:10: not five panels"
    for y in 1950 1960 1970 1980 1990; do check grep -q "panel year-$y" ev.gv "evolve --years 1950:1990:10: no panel $y"; done
    refused evolve-many 2 "hubspoke evolve: --years '1:100' names more than 64 years (see 'hubspoke evolve --help')" \
        evolve "$asia" --years 1:100 -o ev2.gv
    # render takes --codebook (issue 13): shallower treaties change the caption's indices.
    printf '{"ties": {"treaty": 0.2, "access": 1.0}}' > cb.json
    succeeds render-plain render "$asia" --year 2023 -o r1.gv
    succeeds render-codebook render "$asia" --year 2023 --codebook cb.json -o r2.gv
    k1=$(grep -o 'K [0-9.]* &#160; U [0-9.]* &#160; C [0-9.]*' r1.gv | head -1)
    k2=$(grep -o 'K [0-9.]* &#160; U [0-9.]* &#160; C [0-9.]*' r2.gv | head -1)
    check [ -n "$k1" -a -n "$k2" -a "$k1" != "$k2" ] "render --codebook did not change the indices ($k1 / $k2)"
    # The same K, U, C as metrics with that codebook.
    succeeds metrics-codebook metrics "$asia" --year 2023 --codebook cb.json --format csv --table system --permutations 0
    want=$(tr -d '\r' < "$(out metrics-codebook)" | awk -F, 'NR == 2 { printf "K %.2f &#160; U %.2f &#160; C %.2f", $3, $4, $5 }')
    check [ "$k2" = "$want" ] "render --codebook: '$k2', metrics says '$want'"
fi

# info takes --codebook too: the mechanisms' depth follows it.
printf '{"scopes": {"broad": 0.3}}' > scope.json
succeeds info-plain info "$asia" --year 2023 --format json
succeeds info-codebook info "$asia" --year 2023 --codebook scope.json --format json
check differ "$(out info-plain)" "$(out info-codebook)" "info --codebook changed nothing"

# ---- prefixes: unambiguous ones are accepted by every command, ambiguous ones refused
succeeds prefix-classify classify "$asia" --yea 2020 --sens 3 --form json
succeeds full-classify classify "$asia" --year 2020 --sensitivity 3 --format json
check same "$(out prefix-classify)" "$(out full-classify)" "classify --yea 2020 --sens 3 differs from the full names"
refused prefix-ambiguous 2 "hubspoke classify: option '--s' is ambiguous (--state-set, --sensitivity, --spread, --seed, --strict) (see 'hubspoke classify --help')" \
    classify "$asia" --s 3
refused prefix-ambiguous-years 2 "hubspoke metrics: option '--yea' is ambiguous (--year, --years) (see 'hubspoke metrics --help')" \
    metrics "$asia" --yea 2023
refused prefix-ambiguous2 2 "hubspoke classify: option '--threshold' is ambiguous (--threshold-u, --threshold-c) (see 'hubspoke classify --help')" \
    classify "$asia" --threshold 0.2
succeeds prefix-metrics metrics "$asia" --year 2023 --perm 0 --form csv --tab system
succeeds full-metrics metrics "$asia" --year 2023 --permutations 0 --format csv --table system
check same "$(out prefix-metrics)" "$(out full-metrics)" "metrics prefixes"
# An exact name wins over the longer names it is a prefix of (compare --year, --years).
succeeds exact-year compare "$asia" "$asia" --year 2000 --format csv
succeeds prefix-info info "$asia" --yea 2014 --form json
refused prefix-ambiguous3 2 "hubspoke info: option '--fo' is ambiguous (--focus, --format) (see 'hubspoke info --help')" \
    info "$asia" --fo json
refused prefix-unknown 2 "hubspoke info: unknown option '--frob' (see 'hubspoke info --help')" info "$asia" --frob

# ---- forms: --name=value, -o OUT and -oOUT, --, flags take no value
if [[ -x ${HUBSPOKE_DOT:-} ]]; then
    succeeds short-o render "$asia" --year 2023 -oshort.gv
    check [ -s short.gv ] "-oOUT wrote nothing"
    succeeds long-o render "$asia" --year 2023 --output=long.gv
    check [ -s long.gv ] "--output=OUT wrote nothing"
fi
refused flag-value 2 "hubspoke evolve: option '--ghosts' takes no value (see 'hubspoke evolve --help')" \
    evolve "$asia" --years 2000 --ghosts=1 -o x.svg
refused no-value 2 "hubspoke metrics: option '--seed' needs a value (see 'hubspoke metrics --help')" metrics "$asia" --seed
refused dashdash 1 "hubspoke: --year: cannot open: No such file or directory" info -- --year
refused count-sign 2 "hubspoke metrics: --permutations '+5' is not a whole number in [0, 100000000] (see 'hubspoke metrics --help')" \
    metrics "$asia" --permutations +5
refused count-space 2 "hubspoke compare: --seed ' 5' is not a whole number in [0, 9007199254740991] (see 'hubspoke compare --help')" \
    compare "$asia" --years 2000 --seed " 5"
refused real-nan 2 "hubspoke classify: --spread 'nan' is not a number in [0, 10] (see 'hubspoke classify --help')" \
    classify "$asia" --spread nan
refused choice 2 "hubspoke render: --engine 'sfdp' is not one of neato, fdp, dot, circo (see 'hubspoke render --help')" \
    render "$asia" --engine sfdp -o x.svg
# Every command that reads a graph takes the limits, spelled the same.
for c in info metrics classify compare whatif render evolve convert; do
    refused "limit-$c" 2 "hubspoke $c: --max-states 'many' is not a whole number in [0, 18446744073709551615] (see 'hubspoke $c --help')" \
        "$c" "$asia" --max-states many
done

finish
