#!/usr/bin/env bash
# Run the whole test suite: a release build and an ASan+UBSan build, each
# under ctest (cmocka unit tests, end-to-end CLI tests, NetworkX
# cross-checks, corpus sweeps), then the unit tests under valgrind.
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

echo "== valgrind: unit tests"
failed=0
for t in build/tests/test_*; do
  [ -x "$t" ] || continue
  if ! HUBSPOKE_DOT_HELPER="$PWD/build/hubspoke-dot" HS_CORPUS="$PWD/../shared/corpus" HS_TESTDATA="$PWD/tests/data" \
      valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
      --suppressions=tests/valgrind.supp "$t" >/dev/null 2>build/valgrind.log; then
    echo "valgrind: $t failed"; cat build/valgrind.log; failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
echo "valgrind: clean"
