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
  chromium                                  # the report's browser test (tests/browser/)
  libcmocka-dev libxml2-utils valgrind      # tests
  clang libclang-rt-14-dev time             # fuzz harnesses (libFuzzer), peak memory in tests
  hyperfine                                 # scripts/bench-render, scripts/bench-metrics
  python3-networkx python3-igraph           # cross-checks against NetworkX
  python3-cffi python3-pandas python3-venv  # the Python package (python/, docs/python.md)
  python3-pip python3-setuptools python3-wheel  # pip's offline install of it (--no-build-isolation:
                                            # setuptools builds it, and needs `wheel`, from Debian)
  python3-pytest python3-matplotlib         # its tests; the plots of docs/python.md
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
# ---- R package (issue 20, r/): Debian's R and the packages it works with ----
r_packages=(
  r-base-dev r-cran-testthat r-cran-jsonlite  # R CMD INSTALL r; its tests
  r-cran-network r-cran-sna r-cran-igraph     # as.network / as.igraph, the sna cross-checks
)
r_missing=()
for p in "${r_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || r_missing+=("$p")
done
if ((${#r_missing[@]})); then
  echo "setup: installing ${r_missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${r_missing[@]}" >/dev/null
fi
# ---- end R package ----
[ "${1:-}" = "--deps" ] && exit 0

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "setup: built build/hubspoke"

# The Python package (docs/python.md, "Installing"): Debian's Python is
# "externally managed" (PEP 668), so the package goes into a virtual
# environment, .venv, that sees Debian's cffi, pandas, NetworkX and matplotlib;
# CMake installs the library, its declarations, the CLI and the DOT helper
# into the same prefix, pip the package, both offline.
[ -x .venv/bin/python ] || /usr/bin/python3 -m venv --system-site-packages .venv
cmake --install build --prefix .venv >/dev/null
.venv/bin/python -m pip install --no-index --no-build-isolation --quiet --disable-pip-version-check ./python
echo "setup: installed the Python package into .venv ($(.venv/bin/python -c 'import hubspoke; print(hubspoke.library_path())'))"
# ---- R package (issue 20): hubspoke for R, over the library just built ----
# Into R's first library path, else R_LIBS_USER; r/configure finds
# libhubspoke in ../build.
rlib=$(Rscript -e 'cat(.libPaths()[1])')
if [ ! -w "$rlib" ]; then rlib=$(Rscript -e 'cat(path.expand(Sys.getenv("R_LIBS_USER")))'); mkdir -p "$rlib"; fi
R CMD INSTALL --library="$rlib" r >build/r-install.log 2>&1 || { cat build/r-install.log; exit 1; }
echo "setup: installed the R package hubspoke into $rlib"
# ---- end R package ----

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
