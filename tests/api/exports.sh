#!/usr/bin/env bash
# The shared library exports exactly the documented API: every function
# declared with HS_API in include/hubspoke/*.h, and nothing else (internal
# helpers are compiled with hidden visibility). Skips for a static build.
set -euo pipefail
: "${HUBSPOKE_LIB:?}" "${HS_SRC:?}"
case "$HUBSPOKE_LIB" in *.so*) ;; *) echo "skip: $HUBSPOKE_LIB is not a shared library"; exit 77 ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every dynamic symbol the library defines (functions, data, anything).
nm -D --defined-only "$HUBSPOKE_LIB" | awk '{print $3}' | sort -u > "$tmp/exported"
# Every function the public headers declare with HS_API (possibly over two lines).
cat "$HS_SRC"/include/hubspoke/*.h | perl -0ne 'print "$1\n" while /HS_API\s[^(;]*?\b(hs_\w+)\s*\(/g' |
    sort -u > "$tmp/declared"

fail=0
if ! [ -s "$tmp/declared" ]; then echo "FAIL: no HS_API declaration found"; exit 1; fi
extra=$(comm -23 "$tmp/exported" "$tmp/declared")
missing=$(comm -13 "$tmp/exported" "$tmp/declared")
[ -z "$extra" ] || { echo "FAIL: exported but not declared HS_API: $extra"; fail=1; }
[ -z "$missing" ] || { echo "FAIL: declared HS_API but not exported: $missing"; fail=1; }
echo "exports: $(wc -l < "$tmp/exported") symbols, all declared in include/hubspoke/"
exit $fail
