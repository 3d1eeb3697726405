#!/usr/bin/env bash
# Run the whole test suite: a release build and an ASan+UBSan build, each
# under ctest (cmocka unit tests, end-to-end CLI tests, NetworkX
# cross-checks, corpus sweeps); the libFuzzer harnesses in regression mode
# over their committed corpus (clang); then valgrind on the unit tests and on
# the end-to-end tests (docs/robustness.md).
# Tests that need ../shared/corpus skip cleanly when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps
jobs=$(nproc)

echo "== release build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" >/dev/null
(cd build && ctest --output-on-failure -j"$jobs")

echo "== ASan + UBSan build"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHUBSPOKE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")

echo "== fuzz harnesses: regression mode over tests/fuzz/corpus (clang, libFuzzer, ASan+UBSan)"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DHUBSPOKE_FUZZ=ON \
  -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_graphml fuzz_dot fuzz_codebook fuzz_cli >/dev/null
(cd build-fuzz && ctest --output-on-failure -j"$jobs" -R '^fuzz[.]')

echo "== valgrind: unit tests, the CLI on the shipped graphs, and the end-to-end tests"
failed=0
check() { # a command that must run clean under valgrind
  if ! valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,possible \
      "$@" >/dev/null 2>build/valgrind.log; then
    echo "valgrind: $* failed"; cat build/valgrind.log; failed=1
  fi
}
export HUBSPOKE_DOT_HELPER="$PWD/build/hubspoke-dot" HS_CORPUS="$PWD/../shared/corpus" HS_TESTDATA="$PWD/tests/data"
for t in build/tests/test_*; do
  # (test_check_corpus reads 412 third-party files, five minutes under
  # valgrind for paths the other suites cover: it runs under ASan only.)
  case $t in */test_check_corpus) continue ;; esac
  [ -x "$t" ] && check "$t"
done
for g in graphs/*.gv graphs/*.graphml; do
  check build/hubspoke metrics "$g" --year 2023 --format json
  check build/hubspoke info "$g" --format json
  check build/hubspoke classify "$g" --year 2023 --sensitivity 20 --format json
done
check build/hubspoke convert graphs/asia-pacific.gv build/valgrind-asia.graphml
check build/hubspoke compare graphs/asia-pacific.gv --years 2000:2024:4 --measures all --permutations 50 --format json
check build/hubspoke compare graphs/asia-pacific.gv graphs/us-japan-rok.graphml --format csv
check build/hubspoke compare graphs/asia-pacific.gv --years 2010:2024 --plot build/valgrind-kuc.svg
check build/hubspoke whatif graphs/asia-pacific.gv --year 2023 --add-member VNM:Quad --drop-tie JPN-KOR --format json
check build/hubspoke evolve graphs/asia-pacific.gv --years 1960,2014,2023 --ghosts -o build/valgrind-asia.svg
check build/hubspoke import cow tests/data/import/cow.csv --states tests/data/import/states.csv --ids iso3 -o build/valgrind-cow.gv
# The end-to-end tests with hubspoke under valgrind (one log per process,
# each must stay empty); their own expectations must hold as well.
vglogs=$PWD/build/valgrind-logs
rm -rf "$vglogs" && mkdir -p "$vglogs"
# (cli_roundtrip repeats convert, info and metrics a thousand times: nine
# minutes under valgrind for no new path; render_errors expects posix_spawn's
# report of a missing helper, which valgrind's emulation of vfork turns into
# an exit 127; both run under ASan only.)
for t in cli_errors cli_metrics cli_classify robust_inputs; do
  if ! HUBSPOKE="$PWD/scripts/valgrind-wrap" HS_VG_PROGRAM="$PWD/build/hubspoke" HS_VG_LOGS="$vglogs" \
      HS_VALGRIND=1 HUBSPOKE_DOT="$PWD/build/hubspoke-dot" HS_SRC="$PWD" HS_BUILD="$PWD/build" \
      bash "tests/cli/$t.sh" >build/valgrind-e2e.log 2>&1; then
    echo "valgrind: tests/cli/$t.sh failed"; tail -20 build/valgrind-e2e.log; failed=1
  fi
done
for log in "$vglogs"/*.log; do
  [ -s "$log" ] && { echo "valgrind: $log"; cat "$log"; failed=1; }
done
echo "valgrind: $(ls "$vglogs" | wc -l) hubspoke processes of the end-to-end tests checked"
[ "$failed" -eq 0 ] || exit 1
echo "valgrind: clean"
