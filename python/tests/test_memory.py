"""Memory the library owns is freed: a thousand reads (and views, failures,
figures) do not grow the process.

No absolute figure: the yardstick is measured in the same run, as the memory
one result (a model, a view, ...) holds while it is alive: the growth of the
heap's bytes in use (glibc's mallinfo2: C and Python allocations alike, but not
memory malloc merely keeps for reuse) while N of them are held at once,
divided by N. Over a loop that drops each result, the heap in use and the
resident set (VmRSS) may each grow by less than LEAK_SHARE of what keeping
every result of the loop would cost: leaking a twentieth of each model fails.
"""
import gc

import cffi

from conftest import path

LEAK_SHARE = 0.05

_ffi = cffi.FFI()
_ffi.cdef("""struct mallinfo2 { size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks,
                                uordblks, fordblks, keepcost; };
             struct mallinfo2 mallinfo2(void);""")
_libc = _ffi.dlopen(None)


def heap_bytes():
    """Bytes the process has allocated with malloc and not freed."""
    info = _libc.mallinfo2()
    return info.uordblks + info.hblkhd


def rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def growth(make, count):
    """(heap, resident) bytes the process grows by over `count` calls of make()
    whose results are dropped."""
    gc.collect()
    heap, rss = heap_bytes(), rss_bytes()
    for _ in range(count):
        make()
    gc.collect()
    return heap_bytes() - heap, rss_bytes() - rss


def footprint(make, count):
    """Heap bytes one result of make() holds, from `count` of them held at once."""
    gc.collect()
    before = heap_bytes()
    held = [make() for _ in range(count)]
    gc.collect()
    each = (heap_bytes() - before) / count
    del held
    return each


def assert_bounded(grew, loops, each, what):
    heap, rss = grew
    bound = LEAK_SHARE * loops * each
    assert heap < bound and rss < bound, (
        "%s: the heap grew %d bytes and the resident set %d over %d calls, more than %.0f%% of the "
        "%.0f bytes one result holds, times %d" % (what, heap, rss, loops, 100 * LEAK_SHARE, each, loops))


def check_no_leak(make, loops, held=200, warmup=50, what="make"):
    growth(make, warmup)  # the allocator's and cffi's one-time costs
    each = footprint(make, held)
    # The bound must be well above the resident set's granularity (a page).
    assert LEAK_SHARE * loops * each > 16 * 4096, (
        "holding %d results took %.0f bytes each: the yardstick is broken or the loop too short" % (held, each))
    assert_bounded(growth(make, loops), loops, each, what)
    return each


def test_a_thousand_reads_free_their_models(hubspoke):
    with open(path("graphs", "asia-pacific.graphml"), "rb") as f:
        data = f.read()
    check_no_leak(lambda: hubspoke.read_string(data, name="asia.graphml"), 1000, what="read_string")
    check_no_leak(lambda: hubspoke.read(path("graphs", "asia-pacific.graphml")), 1000, what="read")


def test_a_thousand_failed_reads_free_what_they_built(hubspoke):
    with open(path("graphs", "asia-pacific.graphml"), "rb") as f:
        broken = f.read().replace(b'kind">dialogue', b'kind">alliance', 1)
    assert broken != open(path("graphs", "asia-pacific.graphml"), "rb").read()

    def fail():
        try:
            hubspoke.read_string(broken, name="broken.graphml")
        except hubspoke.InputError as e:
            return e
        raise AssertionError("the broken file was read")

    # A failed read holds nothing: the yardstick is a model that succeeds.
    good = open(path("graphs", "asia-pacific.graphml"), "rb").read()
    each = footprint(lambda: hubspoke.read_string(good), 200)
    growth(fail, 50)
    assert_bounded(growth(fail, 1000), 1000, each, "failed reads")


def test_views_and_security_graphs_are_freed(hubspoke, asia):
    from hubspoke.model import _View

    each = check_no_leak(lambda: _View(asia, 2023), 1000, what="view")
    # to_networkx() builds a view and drops it. The graph it returns is
    # thousands of small Python objects, whose churn moves the resident set by
    # pymalloc's arenas (tracemalloc finds nothing kept): the heap alone says
    # whether the library's memory was freed.
    growth(lambda: asia.to_networkx(2023), 20)
    heap, _ = growth(lambda: asia.to_networkx(2023), 300)
    assert heap < LEAK_SHARE * 300 * each, "to_networkx: the heap grew %d bytes over 300 calls" % heap
    cb = hubspoke.Codebook()
    check_no_leak(lambda: cb.copy(), 20000, held=1000, what="Codebook.copy")


def test_dot_reads_and_figures_free_their_buffers(hubspoke, asia):
    # Each spawns the DOT helper: fewer repetitions.
    check_no_leak(lambda: hubspoke.read(path("graphs", "asia-pacific.gv")), 150, held=50, warmup=10,
                  what="read DOT")
    check_no_leak(lambda: asia.evolve([1960, 1990, 2014, 2023]), 20, held=6, warmup=2, what="evolve")
