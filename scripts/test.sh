#!/usr/bin/env bash
# Run the whole test suite: a release build and an ASan+UBSan build, each
# under ctest (cmocka unit tests, end-to-end CLI tests, NetworkX
# cross-checks, corpus sweeps, the Python package's pytest suite, python.*);
# the libFuzzer harnesses in regression mode
# over their committed corpus and the third-party corpus (clang); then
# valgrind on the unit tests and on the end-to-end tests
# (docs/robustness.md, "Memory and time in the tests", for what runs where).
# Tests that need ../shared/corpus skip cleanly when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --deps
jobs=$(nproc)

echo "== release build"
# HUBSPOKE_PYTHON=ON: the Python tests are registered, or configuring fails
# (never a suite that silently lost them).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHUBSPOKE_PYTHON=ON >/dev/null
cmake --build build -j"$jobs" >/dev/null
(cd build && ctest --output-on-failure -j"$jobs")

# ---- R package (issue 20): its testthat suite, on a fresh install of r/
# linked against the release build above (r/tests/testthat) ----
echo "== R package: testthat"
rm -rf build/Rlib && mkdir -p build/Rlib
R CMD INSTALL --library=build/Rlib r >build/r-install.log 2>&1 || { cat build/r-install.log; exit 1; }
(cd r/tests && R_LIBS="$PWD/../../build/Rlib" HS_BUILD="$PWD/../../build" HS_SRC="$PWD/../.." \
  Rscript -e 'testthat::test_dir("testthat", package = "hubspoke", load_package = "installed", stop_on_failure = TRUE)')
# ---- end R package ----

echo "== ASan + UBSan build"
# Every code path, not every case again: a process costs six times as much
# here. Left to the release run above: the sweeps of the third-party corpus
# (the build is configured without it; the corpus meets the sanitizers
# in-process, in the fuzz harnesses below), and the tests that check data
# and outputs over code that other tests run here (cli_roundtrip: the same
# conversions and reports across versions; cli_dataset: the curated data
# year by year; scripts: the case-study scripts' tables).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHUBSPOKE_SANITIZE=ON -DHUBSPOKE_PYTHON=ON -DHS_CORPUS_DIR= >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs" -E '^cli[.](cli_roundtrip|cli_dataset|scripts)$')

echo "== fuzz harnesses: regression mode over tests/fuzz/corpus and ../shared/corpus (clang, libFuzzer, ASan+UBSan)"
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
# The end-to-end tests with hubspoke under valgrind (one log per process,
# each must stay empty); their own expectations must hold as well. They run
# in the background, beside the unit tests and commands below: a process
# costs fifty times as much under valgrind, and the runs are independent.
# Which ones: those whose inputs go through the most distinct paths, where
# uninitialised state (what valgrind sees and ASan does not) would hide:
# hostile inputs (robust_inputs) and every refusal (cli_errors). The
# computations of cli_metrics and cli_classify run under valgrind in the
# commands on the shipped graphs below, and under ASan in full; cli_roundtrip
# repeats conversions and reports (release only); render_errors expects
# posix_spawn's report of a missing helper, which valgrind's emulation of
# vfork turns into an exit 127 (ASan only).
vglogs=$PWD/build/valgrind-logs
rm -rf "$vglogs" && mkdir -p "$vglogs"
e2e=(cli_errors robust_inputs)
for t in "${e2e[@]}"; do
  (rc=0
   HUBSPOKE="$PWD/scripts/valgrind-wrap" HS_VG_PROGRAM="$PWD/build/hubspoke" HS_VG_LOGS="$vglogs" \
     HS_VALGRIND=1 HUBSPOKE_DOT="$PWD/build/hubspoke-dot" HS_SRC="$PWD" HS_BUILD="$PWD/build" \
     bash "tests/cli/$t.sh" >"build/valgrind-e2e-$t.log" 2>&1 || rc=$?
   echo "$rc" >"build/valgrind-e2e-$t.rc") &
done
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
wait
for t in "${e2e[@]}"; do
  if [ "$(cat "build/valgrind-e2e-$t.rc")" != 0 ]; then
    echo "valgrind: tests/cli/$t.sh failed"; tail -20 "build/valgrind-e2e-$t.log"; failed=1
  fi
done
for log in "$vglogs"/*.log; do
  [ -s "$log" ] && { echo "valgrind: $log"; cat "$log"; failed=1; }
done
echo "valgrind: $(ls "$vglogs" | wc -l) hubspoke processes of the end-to-end tests checked"
[ "$failed" -eq 0 ] || exit 1
echo "valgrind: clean"
