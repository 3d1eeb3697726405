# Hang guards for the end-to-end tests (sourced; not a test itself).
#
# A guard only turns a hang (a FIFO opened, a parser looping) into a failure
# that names the case; no test claims how fast anything is. So a guard must
# not depend on the build or the machine: it is measured in the same run, as
# a multiple of what one small run of the same program takes now, by this
# build (an ASan or valgrind build, a loaded machine are all slower), and
# never less than a minute.

# hang_guard CMD...: runs CMD once, output discarded; prints the guard in
# whole seconds: 100 times CMD's wall time, at least 60.
hang_guard() {
    local t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    LC_ALL=C awk -v a="${t0/,/.}" -v b="${EPOCHREALTIME/,/.}" \
        'BEGIN { g = 100 * (b - a); printf "%d\n", g < 60 ? 60 : g + 1 }'
}
