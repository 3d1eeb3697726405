#!/usr/bin/env bash
# The layers of docs/HACKING.md: which internal headers each folder of the
# library may include (a lower layer never includes a higher one, the library
# never includes the CLI), and the licence boundary (libhubspoke and the CLI
# never include Graphviz; hubspoke-dot never includes igraph).
set -u
: "${HS_SRC:?}"
cd "$HS_SRC/src" || exit 1
fail=0
# folder: the folders whose internal headers it may include (itself included)
allowed() {
    case $1 in
    core) echo "core" ;;
    model) echo "core model" ;;
    io) echo "core model io" ;;
    codebook) echo "core io codebook" ;;
    view) echo "core model view" ;;
    measures) echo "core measures" ;;
    metrics) echo "core model measures metrics" ;;
    classify) echo "core codebook view measures metrics classify" ;;
    render) echo "core model io render" ;;
    check) echo "core model io check" ;;
    import) echo "core model io check import" ;;
    cli) echo "cli" ;;
    *) echo "?" ;;
    esac
}
for dir in core model io codebook view measures metrics classify render check import cli; do
    for f in "$dir"/*.[ch]; do
        [ -e "$f" ] || continue
        for inc in $(grep -o '^#include "[a-z_]*/' "$f" | sed 's/#include "//; s/\///'); do
            [ "$inc" = hubspoke ] && continue
            case " $(allowed "$dir") " in
            *" $inc "*) ;;
            *) echo "FAIL: src/$f includes $inc/ (src/$dir may include: $(allowed "$dir"))"; fail=1 ;;
            esac
        done
    done
done
# The licence boundary.
if grep -rln '#include <\(graphviz/\)\?\(cgraph\|gvc\|cdt\)\.h>' --include='*.[ch]' . | grep -v '^./dothelper/'; then
    echo "FAIL: the files above include Graphviz outside src/dothelper"; fail=1
fi
if grep -rln '#include <igraph' --include='*.[ch]' dothelper; then
    echo "FAIL: hubspoke-dot includes igraph"; fail=1
fi
if grep -rln '#include "\(cli\|dothelper\)/' --include='*.[ch]' core model io codebook view measures metrics classify render import; then
    echo "FAIL: the library includes the CLI or the helper"; fail=1
fi
# The library's messages name no command-line option (error.h): a string
# literal holding "--word" outside the helper's own argument vectors.
if grep -rn '"[^"]*--[a-z][a-z-]*[^"]*"' --include='*.c' core model io codebook view measures metrics classify render import |
    grep -v 'args\[\] = '; then
    echo "FAIL: the lines above name an option in the library"; fail=1
fi
[ $fail -eq 0 ] && echo "layers: every include within its layer; the igraph/Graphviz boundary holds; no option in the library's messages"
exit $fail
