#!/usr/bin/env bash
# Install everything hubspoke needs on Debian 12, build it, and run the main
# job on the shipped data. Idempotent: packages already present are not
# reinstalled, and an existing build directory is reused.
#   bash scripts/setup.sh            install, build, run the main job
#   bash scripts/setup.sh --deps     install the Debian packages only
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config          # toolchain
  libigraph-dev libxml2-dev libjansson-dev  # libhubspoke
  libcsv-dev                                # libhubspoke: hubspoke import
  libgraphviz-dev graphviz                  # hubspoke-dot; graphviz pulls libgvc6, whose
                                            # core, layout and cairo plugins draw the figures
  fonts-urw-base35                          # Helvetica's metrics (Nimbus Sans) for figure text
  libcmocka-dev libxml2-utils valgrind      # tests
  clang libclang-rt-14-dev time             # fuzz harnesses (libFuzzer), peak memory in tests
  hyperfine                                 # scripts/bench-render, scripts/bench-metrics
  python3-networkx python3-igraph           # cross-checks against NetworkX
  gnuplot-nox python3-pil                   # compare --plot, and its image check
  doxygen                                   # the API reference (tests/api/doxygen.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ "${1:-}" = "--deps" ] && exit 0

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "setup: built build/hubspoke"

# The main job: the Asia-Pacific system from points to lines to surfaces.
echo
./build/hubspoke metrics graphs/asia-pacific.gv --year 2023
echo
echo "Indices by year (K coordination, U unidirectionality, C closedness):"
printf '%6s %8s %8s %8s\n' year K U C
for year in 1960 1990 2000 2010 2014 2016 2020 2023; do
  ./build/hubspoke metrics graphs/asia-pacific.gv --year "$year" --format csv --table system --permutations 0 |
    awk -F, -v y="$year" 'NR == 2 { printf "%6s %8.4f %8.4f %8.4f\n", y, $3, $4, $5 }'
done
