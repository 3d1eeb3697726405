#!/usr/bin/env bash
# The compare scripts keep working: scripts/cases regenerates the case-study
# tables and charts (into a temporary directory, not docs/), and each table
# equals what hubspoke prints for it; scripts/compare-dir builds one table
# from a directory of period files.
. "$(dirname "$0")/lib.sh"
tmp=$T
asia="$HS_SRC/graphs/asia-pacific.gv"

# 1. scripts/cases
if command -v gnuplot > /dev/null; then
  HUBSPOKE="$HUBSPOKE" bash "$HS_SRC/scripts/cases" --outdir "$tmp/docs" 2> "$tmp/err" && pass ||
    fail "scripts/cases failed: $(cat "$tmp/err")"
  for f in us-japan-rok-indices us-japan-rok-system quad-system us-japan-rok-states us-japan-rok-whatif-gsomia-2020 us-japan-rok-whatif-gsomia-2023 \
      quad-indices quad-states quad-whatif-us-leaves-2023 quad-whatif-vietnam-joins-2023 quad-whatif-no-quad-2023; do
    [ -s "$tmp/docs/cases-tables/$f.csv" ] && pass || fail "cases: no $f.csv"
  done
  for f in us-japan-rok.svg us-japan-rok.png quad.svg quad.png; do
    [ -s "$tmp/docs/cases-plots/$f" ] && pass || fail "cases: no $f"
  done
  "$HUBSPOKE" compare "$asia" --years 2007:2024 --focus USA,JPN,AUS,IND --measures default,hub_dependence_share \
    --format csv | cmp -s - "$tmp/docs/cases-tables/quad-indices.csv" && pass || fail "quad-indices.csv is not compare's table"
  "$HUBSPOKE" compare "$asia" --years 2007:2024 --measures default,hub_dependence_share --format csv |
    cmp -s - "$tmp/docs/cases-tables/quad-system.csv" && pass || fail "quad-system.csv is not compare's table"
  "$HUBSPOKE" whatif "$asia" --year 2020 --focus USA,JPN,KOR --drop-tie JPN-KOR --format csv \
    --measures default,hub_tie_weight,coordinated_ally_weight,bare_ally_weight |
    cmp -s - "$tmp/docs/cases-tables/us-japan-rok-whatif-gsomia-2020.csv" && pass || fail "gsomia table differs"
  # The states table: one header, then the three states in each of the 26 years,
  # each row as metrics prints it.
  t="$tmp/docs/cases-tables/us-japan-rok-states.csv"
  [ "$(wc -l < "$t")" -eq $((1 + 26 * 3)) ] && pass || fail "us-japan-rok-states.csv has $(wc -l < "$t") lines"
  [ "$(cut -d, -f2 "$t" | sort -u | tr -d '\r' | tr '\n' ' ')" = "JPN KOR USA name " ] && pass || fail "states: names"
  "$HUBSPOKE" metrics "$asia" --year 2016 --format csv --permutations 0 | grep '^2016,KOR,' > "$tmp/row"
  grep -qxF "$(cat "$tmp/row")" "$t" && pass || fail "states: KOR 2016 differs from metrics"
else
  echo "note: gnuplot absent, scripts/cases not run"
fi

# 2. scripts/compare-dir: period files of several formats, in name order;
#    other files are left out.
mkdir "$tmp/periods"
sed 's/period="[^"]*"/period="cold war"/' "$asia" > "$tmp/periods/1-cold-war.gv"
"$HUBSPOKE" convert "$asia" "$tmp/periods/2-today.graphml"
sed '/period=/d' "$asia" > "$tmp/periods/3-noperiod.dot"
echo "not a graph" > "$tmp/periods/README.txt"
HUBSPOKE="$HUBSPOKE" bash "$HS_SRC/scripts/compare-dir" "$tmp/periods" --year 1990 > "$tmp/table.csv" 2> "$tmp/err" ||
  fail "compare-dir failed: $(cat "$tmp/err")"
got=$(cut -d, -f2,3 "$tmp/table.csv" | tr -d '\r' | tr '\n' '|')
period=$("$HUBSPOKE" info "$asia" --format json | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["period"])')
[ "$got" = "period,year|cold war,1990|$period,1990|3-noperiod.dot,1990|" ] && pass || fail "compare-dir table: $got"
HUBSPOKE="$HUBSPOKE" bash "$HS_SRC/scripts/compare-dir" "$tmp/nothing" > /dev/null 2>&1
[ $? -eq 2 ] && pass || fail "compare-dir on a missing directory is not exit 2"
mkdir "$tmp/empty"
HUBSPOKE="$HUBSPOKE" bash "$HS_SRC/scripts/compare-dir" "$tmp/empty" > /dev/null 2>&1
[ $? -eq 1 ] && pass || fail "compare-dir on a directory without graphs is not exit 1"

finish
