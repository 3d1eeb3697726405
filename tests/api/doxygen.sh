#!/usr/bin/env bash
# The API reference is generated from the public headers by Doxygen without a
# single warning: every public function, type, member and enum value is
# documented, and no reference is broken. Skips when doxygen is absent
# (scripts/setup.sh installs it).
set -euo pipefail
: "${HS_SRC:?}" "${HS_BUILD:?}"
command -v doxygen >/dev/null || { echo "skip: doxygen is not installed"; exit 77; }
out="$HS_BUILD/doc-test"
rm -rf "$out" && mkdir -p "$out"
(cd "$HS_SRC" && HS_DOXYGEN_OUT="$out" HS_VERSION=test doxygen docs/Doxyfile)
if [ -s "$out/warnings.log" ]; then
    echo "FAIL: Doxygen warnings:"; cat "$out/warnings.log"; exit 1
fi
for page in index.html hubspoke_8h.html view_8h.html metrics_8h.html; do
    [ -s "$out/html/$page" ] || { echo "FAIL: $page was not generated"; exit 1; }
done
grep -q "Conventions of the API" "$out/html/hubspoke_8h.html" || { echo "FAIL: the conventions are not in the reference"; exit 1; }
echo "doxygen: no warnings, $(ls "$out/html" | grep -c '_8h\.html$') header pages"
