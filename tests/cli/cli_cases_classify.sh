#!/usr/bin/env bash
# scripts/cases-classify (docs/cases.md, "Reproducing this page"):
# 1. it writes the three classification tables, and the one of every mechanism
#    of 2023 lists exactly the mechanisms `info` gives for 2023;
# 2. the types under each coder's coding are classify's on the file recoded
#    with that coder's file: a coder file that recodes GCAP (allies only,
#    without the hub: integrative) as a broad dialogue makes the coder-A column
#    say hub-and-spokes for it and leaves coder B's alone;
# 3. it replaces a table between its markers and leaves the rest of the page
#    as it was; --check passes on what it wrote and fails on an edited number;
# 4. docs/cases.md and docs/cases-tables/classify-*.csv are what the dataset
#    gives now (regenerate with scripts/cases-classify when this fails).
. "$(dirname "$0")/lib.sh"
script=$SRC/scripts/cases-classify
export HUBSPOKE=$H SENSITIVITY=200

# A copy of the repository's pieces the script reads, so coder files can be edited.
mkdir -p repo/scripts repo/graphs/coding repo/docs
cp "$script" "$SRC/scripts/apply-coding" repo/scripts/
cp "$GRAPHS/asia-pacific.graphml" repo/graphs/
cp "$GRAPHS"/coding/*.csv repo/graphs/coding/
printf 'intro\n\n<!-- BEGIN scripts/cases-classify codings -->\nold table\n<!-- END scripts/cases-classify codings -->\n\nafter\n' > repo/docs/cases.md
run_cmd gen "$py" repo/scripts/cases-classify
check [ "$rc" -eq 0 ] "cases-classify failed: $(cat "$(err gen)")"

# 1. The tables, and every mechanism of 2023.
for t in classify-table2-2023 classify-beyond classify-codings-2023; do
  check [ -s "repo/docs/cases-tables/$t.csv" ] "no $t.csv"
done
"$H" info "$GRAPHS/asia-pacific.graphml" --year 2023 --format json |
  "$py" -c 'import json,sys; print("\n".join(sorted(m["id"] for m in json.load(sys.stdin)["mechanisms"])))' > want
tail -n +2 repo/docs/cases-tables/classify-codings-2023.csv | cut -d, -f1 | sort > got
check same want got "the 2023 table's mechanisms differ from info's: $(diff want got | tr '\n' ' ')"
check grep -q '^TSD,.*,hub-and-spokes,hub-and-spokes$' repo/docs/cases-tables/classify-codings-2023.csv \
  "TSD under both coders: $(grep ^TSD, repo/docs/cases-tables/classify-codings-2023.csv)"

# 2. A coder file that codes GCAP a broad dialogue moves coder A's column only.
sed -i 's/^GCAP,technology,issue,/GCAP,dialogue,broad,/' repo/graphs/coding/coder-a.csv
check grep -q '^GCAP,dialogue,broad,' repo/graphs/coding/coder-a.csv "the edit of coder-a.csv did not apply"
cp repo/docs/cases.md before.md
run_cmd gen2 "$py" repo/scripts/cases-classify --outdir "$T/work/out" --doc "$T/work/before.md"
check [ "$rc" -eq 0 ] "cases-classify on the edited coder file failed: $(cat "$(err gen2)")"
check grep -q '^GCAP,.*,integrative,[0-9.]*,hub-and-spokes,integrative$' out/cases-tables/classify-codings-2023.csv \
  "GCAP under the edited coder A: $(grep ^GCAP, out/cases-tables/classify-codings-2023.csv)"
cp "$GRAPHS"/coding/coder-a.csv repo/graphs/coding/

# 3. The markers: the table replaced, the rest kept; --check.
check grep -q '^| TSD | USA (hub), JPN (ally), AUS (ally) | dialogue, broad | ' repo/docs/cases.md "no TSD row in the generated table"
check [ "$(grep -c 'old table' repo/docs/cases.md)" -eq 0 ] "the old table was kept"
check [ "$(head -2 repo/docs/cases.md)" = "$(printf 'intro\n')" ] "the text before the markers changed"
check [ "$(tail -1 repo/docs/cases.md)" = "after" ] "the text after the markers changed"
run_cmd chk "$py" repo/scripts/cases-classify --check
check [ "$rc" -eq 0 ] "--check fails on what the script wrote: $(cat "$(out chk)")"
sed -i 's/^\(| TSD | [^|]*| [^|]*| \)+0\.00025/\1+0.00026/' repo/docs/cases.md
run_cmd chk2 "$py" repo/scripts/cases-classify --check
check [ "$rc" -eq 1 ] "--check passes on an edited number (rc $rc)"
check grep -q "table 'codings'" "$(out chk2)" "--check does not name the table: $(cat "$(out chk2)")"

# 4. The repository's page and tables are current.
SENSITIVITY=1000 run_cmd repo "$py" "$script" --check
check [ "$rc" -eq 0 ] "docs/cases.md or docs/cases-tables/classify-*.csv are stale (run scripts/cases-classify): $(cat "$(out repo)" "$(err repo)")"

finish
