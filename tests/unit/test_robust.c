/* Unit tests of the library's protections against hostile input and hostile
 * helpers (docs/robustness.md): load limits checked while reading, the DOT
 * helper's time limit (killed with its process group, reaped, one clear
 * error), inputs that are not regular files, codebooks from memory, and the
 * atomic write leaving no temporary file. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hubspoke/codebook.h"
#include "hubspoke/model.h"
#include "io/io_internal.h"

#include "graphml_fixture.h"

static char dir[] = "/tmp/hs-robust-XXXXXX";

static int setup(void **state) {
    (void)state;
    hs_init();
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_in(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static void write_file(const char *path, const char *text, mode_t mode) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- load limits --------------------------------------------------------------- */

/* Three states, two ties. */
static const char three[] = GU("<node id=\"a\"/>\n<node id=\"b\"/>\n<node id=\"c\"/>\n"
                               "<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"c\"/>\n");

static void test_load_limits(void **state) {
    (void)state;
    hs_model *m = NULL;
    size_t s0, t0;
    hs_get_load_limits(&s0, &t0);
    assert_int_equal(s0, HS_DEFAULT_MAX_STATES);
    assert_int_equal(t0, HS_DEFAULT_MAX_TIES);

    /* At the limit: loads. */
    hs_set_load_limits(3, 2);
    assert_int_equal(hs_model_read_memory(three, strlen(three), HS_FORMAT_GRAPHML, "three.graphml", &m), HS_OK);
    assert_int_equal(hs_model_vertex_count(m), 3);
    hs_model_destroy(m);
    m = NULL;

    /* One over: refused at the element that crosses it (line 19, the third node). */
    hs_set_load_limits(2, 0);
    assert_int_equal(hs_model_read_memory(three, strlen(three), HS_FORMAT_GRAPHML, "three.graphml", &m), HS_ELIMIT);
    assert_null(m);
    assert_string_equal(hs_error_last(),
                        "three.graphml:19: more than 2 states and mechanisms (the load limit)");
    hs_set_load_limits(0, 1);
    assert_int_equal(hs_model_read_memory(three, strlen(three), HS_FORMAT_GRAPHML, "three.graphml", &m), HS_ELIMIT);
    assert_string_equal(hs_error_last(), "three.graphml:21: more than 1 ties (the load limit)");

    /* Edge ends that create states count too. */
    static const char implicit[] = GU("<edge source=\"x\" target=\"y\"/>\n");
    hs_set_load_limits(1, 0);
    assert_int_equal(hs_model_read_memory(implicit, strlen(implicit), HS_FORMAT_GRAPHML, "i.graphml", &m), HS_ELIMIT);
    assert_string_equal(hs_error_last(),
                        "i.graphml:17: more than 1 states and mechanisms (the load limit)");
    hs_set_load_limits(s0, t0);
}

/* ---- the helper's time limit -------------------------------------------------- */

/* How long the slow helper would run. Time bounds below are fractions of
 * it, never a figure of this machine: a build under valgrind on a loaded
 * machine is slow, but not minutes slow at answering a timeout. */
#define SLOW_HELPER_SECONDS 300

/* A helper that never answers, and starts a grandchild that would outlive
 * it: the timeout must take both. The grandchild writes its pid first. */
static void slow_helper(char *helper, size_t n, char *pidfile, size_t m) {
    path_in(helper, n, "slow helper; $(touch pwned)");
    path_in(pidfile, m, "grandchild.pid");
    char script[1024];
    snprintf(script, sizeof script,
             "#!/bin/sh\n"
             "sleep %d &\n"
             "echo $! > '%s'\n"
             "exec sleep %d\n",
             SLOW_HELPER_SECONDS, pidfile, SLOW_HELPER_SECONDS);
    write_file(helper, script, 0755);
}

/* Waits up to SLOW_HELPER_SECONDS / 5 for process `pid` to be gone; returns
 * whether it is. */
static int gone(long pid) {
    for (double t = now(); kill((pid_t)pid, 0) == 0 && now() - t < SLOW_HELPER_SECONDS / 5.0;) usleep(20000);
    return kill((pid_t)pid, 0) == -1;
}

static void test_helper_timeout(void **state) {
    (void)state;
    char helper[512], pidfile[512];
    slow_helper(helper, sizeof helper, pidfile, sizeof pidfile);
    setenv("HUBSPOKE_DOT_HELPER", helper, 1);
    assert_int_equal(hs_dot_helper_timeout(), HS_DEFAULT_HELPER_TIMEOUT);
    hs_dot_helper_set_timeout(1);
    hs_model *m = NULL;
    double t = now();
    static const char dot[] = "graph { a -- b }";
    assert_int_equal(hs_model_read_memory(dot, strlen(dot), HS_FORMAT_DOT, "slow.gv", &m), HS_ETIMEOUT);
    double took = now() - t;
    assert_null(m);
    assert_string_equal(hs_error_last(), "slow.gv: the DOT helper did not finish within 1 s; stopped it");
    /* The deadline was kept, and the helper did not run its course. */
    assert_true(took >= 0.9 && took < SLOW_HELPER_SECONDS / 5.0);
    /* No zombie: the helper was reaped, and it was our only child. */
    errno = 0;
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
    /* The grandchild went with the process group. */
    FILE *f = fopen(pidfile, "r");
    assert_non_null(f);
    long pid = 0;
    assert_int_equal(fscanf(f, "%ld", &pid), 1);
    fclose(f);
    assert_true(gone(pid)); /* init reaps it */
    /* The helper's name went to execve as it is: no shell ran the $(...). */
    char pwned[512];
    path_in(pwned, sizeof pwned, "pwned");
    assert_int_equal(access(pwned, F_OK), -1);
    hs_dot_helper_set_timeout(HS_DEFAULT_HELPER_TIMEOUT);
    unsetenv("HUBSPOKE_DOT_HELPER");
}

/* A helper that exits at once while we still write a large input: no
 * SIGPIPE, no hang, its message comes through. */
static void test_helper_exits_early(void **state) {
    (void)state;
    char helper[512];
    path_in(helper, sizeof helper, "quitter");
    write_file(helper, "#!/bin/sh\necho 'q.gv:1: refused early' >&2\nexit 1\n", 0755);
    setenv("HUBSPOKE_DOT_HELPER", helper, 1);
    size_t n = 8u << 20;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, ' ', n);
    memcpy(big, "graph{}", 7);
    big[n] = '\0';
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(big, n, HS_FORMAT_DOT, "q.gv", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(), "q.gv:1: refused early");
    free(big);
    unsetenv("HUBSPOKE_DOT_HELPER");
}

/* The load limits reach the helper (docs/dot-helper.md), from memory and
 * from a file alike; a helper that refuses at once while a large file is
 * still being streamed to it is reported, no SIGPIPE, no hang. */
static void test_helper_gets_limits(void **state) {
    (void)state;
    char helper[512], file[512];
    path_in(helper, sizeof helper, "echo-args");
    write_file(helper, "#!/bin/sh\necho \"args: $*\" >&2\nexit 1\n", 0755);
    setenv("HUBSPOKE_DOT_HELPER", helper, 1);
    size_t s0, t0;
    hs_get_load_limits(&s0, &t0);
    hs_set_load_limits(7, 0);
    hs_model *m = NULL;
    static const char dot[] = "graph { a -- b }";
    assert_int_equal(hs_model_read_memory(dot, strlen(dot), HS_FORMAT_DOT, "m.gv", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(), "args: to-graphml - --name m.gv --max-states 7 --max-ties 0");

    path_in(file, sizeof file, "big.gv");
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("graph {", f);
    for (int i = 0; i < 200000; i++) fprintf(f, " n%d --  n%d;\n", i, i + 1);
    fputs("}\n", f);
    assert_int_equal(fclose(f), 0);
    hs_set_load_limits(0, 9);
    assert_int_equal(hs_model_read_file(file, HS_FORMAT_UNKNOWN, "f.gv", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(), "args: to-graphml - --name f.gv --max-states 0 --max-ties 9");
    assert_null(m);
    hs_set_load_limits(s0, t0);
    unsetenv("HUBSPOKE_DOT_HELPER");
}

/* ---- inputs that are not regular files ------------------------------------------- */

static void test_not_regular(void **state) {
    (void)state;
    char fifo[512];
    path_in(fifo, sizeof fifo, "fifo.graphml");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    hs_model *m = NULL;
    /* Opening a FIFO without a writer would block: refused at once instead. */
    assert_int_equal(hs_model_read_file(fifo, HS_FORMAT_UNKNOWN, "fifo.graphml", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(),
                        "fifo.graphml: not a regular file (a pipe or device; use '-' to read standard input)");
    assert_int_equal(hs_model_read_file("/dev/zero", HS_FORMAT_DOT, NULL, &m), HS_EINPUT);
    assert_string_equal(hs_error_last(),
                        "/dev/zero: not a regular file (a pipe or device; use '-' to read standard input)");
    hs_codebook *cb = NULL;
    assert_int_equal(hs_codebook_read_file(fifo, &cb), HS_EINPUT);
    assert_null(cb);
    char *data;
    size_t len;
    assert_int_equal(hs_file_read_all(dir, "dir", &data, &len), HS_EINPUT);
    assert_string_equal(hs_error_last(), "dir: is a directory");
}

/* ---- codebooks from memory -------------------------------------------------------- */

static void test_codebook_memory(void **state) {
    (void)state;
    hs_codebook *cb = NULL;
    static const char good[] = "{\"ties\": {\"treaty\": 0.9}, \"scopes\": {\"broad\": 0.25}}";
    assert_int_equal(hs_codebook_read_memory(good, strlen(good), "cb.json", &cb), HS_OK);
    assert_true(hs_codebook_tie_weight(cb, HS_KIND_TREATY) == 0.9);
    assert_true(hs_codebook_mechanism_weight(cb, HS_KIND_TREATY, HS_SCOPE_BROAD) == 0.9 * 0.25);
    hs_codebook_destroy(cb);
    cb = NULL;
    static const char nul[] = "{\"comment\": \"a\\u0000b\"}";
    assert_int_equal(hs_codebook_read_memory(nul, strlen(nul), "nul.json", &cb), HS_EINPUT);
    static const char deep[] = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[";
    assert_int_equal(hs_codebook_read_memory(deep, strlen(deep), "deep.json", &cb), HS_EINPUT);
    assert_null(cb);
}

/* ---- atomic writes ------------------------------------------------------------------- */

static void test_atomic_write(void **state) {
    (void)state;
    char out[512];
    path_in(out, sizeof out, "-out; 'x'\n.gv");
    write_file(out, "old\n", 0644);
    assert_int_equal(hs_file_write_atomic(out, "new\n", 4), HS_OK);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    char line[16] = "";
    assert_non_null(fgets(line, sizeof line, f));
    fclose(f);
    assert_string_equal(line, "new\n");
    /* Only the output is left: no temporary file. */
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s' | grep -c tmp)\" = 0", dir);
    assert_int_equal(system(cmd), 0);
    /* A directory that cannot be written: an error naming the file, the old one kept. */
    assert_int_equal(hs_file_write_atomic("/proc/hs-no-such/out.gv", "x", 1), HS_EIO);
}

/* ---- regressions found by fuzzing (docs/robustness.md) ------------------------------ */

/* fuzz_graphml, run 1: after skipping an element (an edge in the first pass,
 * a <data>), the reader read once more and passed over the next node unseen;
 * and it descended into markup inside <data>, taking a <node> there for a
 * node of the graph. */
static void test_reader_skips(void **state) {
    (void)state;
    static const char adjacent[] = "<?xml version=\"1.0\"?>\n<graphml><graph edgedefault=\"undirected\">"
                                   "<edge source=\"a\" target=\"b\"/><node id=\"x\"/><node id=\"y\"/>"
                                   "</graph></graphml>\n";
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(adjacent, strlen(adjacent), HS_FORMAT_GRAPHML, "a.graphml", &m), HS_OK);
    assert_int_equal(hs_model_vertex_count(m), 4);
    assert_string_equal(hs_vertex_id(m, 0), "x"); /* declared nodes first, in file order */
    assert_string_equal(hs_vertex_id(m, 1), "y");
    hs_model_destroy(m);
    m = NULL;

    static const char markup[] = GU("<node id=\"A\"><data key=\"color\">red<node id=\"B\"><data key=\"zz\">1</data>"
                                    "</node></data></node><node id=\"C\"/>\n");
    assert_int_equal(hs_model_read_memory(markup, strlen(markup), HS_FORMAT_GRAPHML, "m.graphml", &m), HS_OK);
    assert_int_equal(hs_model_vertex_count(m), 2);
    assert_string_equal(hs_vertex_id(m, 1), "C");
    /* The markup is kept as the value, and written back loads again. */
    hs_buf b = {0};
    assert_int_equal(hs_graphml_format(m, &b), HS_OK);
    assert_non_null(strstr(b.data, ">red<node "));
    assert_non_null(strstr(b.data, " id=\"B\"><data key=\"zz\">1</data></node></data>"));
    hs_model *again = NULL;
    assert_int_equal(hs_graphml_parse(&again, b.data, b.len, "again.graphml", 1, NULL), HS_OK);
    assert_int_equal(hs_model_vertex_count(again), 2);
    hs_model_destroy(again);
    hs_buf_free(&b);
    hs_model_destroy(m);
}

/* Round-trip property test (tests/xcheck/test_roundtrip_property.py) and the
 * corpus: CDATA was kept as markup and written to DOT as "<![CDATA[...]]>"
 * text, and '&' inside CDATA or a comment was refused as an entity. */
static void test_cdata_is_text(void **state) {
    (void)state;
    static const char doc[] = GU("<node id=\"A\"><data key=\"label\"><!-- <b> &q; --><![CDATA[x & <node id=\"n\">]]>"
                                 " &amp; z</data></node>\n");
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(doc, strlen(doc), HS_FORMAT_GRAPHML, "c.graphml", &m), HS_OK);
    assert_string_equal(hs_vertex_label(m, 0), "x & <node id=\"n\"> & z");
    hs_buf b = {0};
    assert_int_equal(hs_dot_format(m, &b), HS_OK);
    assert_non_null(strstr(b.data, "\"label\"=\"x & <node id=\\\"n\\\"> & z\""));
    hs_buf_free(&b);
    hs_model_destroy(m);
    m = NULL;
    static const char entity[] = GU("<node id=\"A\"><data key=\"label\"><![CDATA[&]]>&bad;</data></node>\n");
    assert_int_equal(hs_model_read_memory(entity, strlen(entity), HS_FORMAT_GRAPHML, "e.graphml", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(), "e.graphml:17: XML error: Entity 'bad' not defined");
}

/* The corpus round trip: a Latin-1 DOT file's charset went into the DOT that
 * convert writes, in UTF-8, and was decoded twice on the way back. */
static void test_dot_writes_utf8_charset(void **state) {
    (void)state;
    static const char doc[] = "<?xml version=\"1.0\"?>\n<graphml><key id=\"c\" for=\"graph\" attr.name=\"charset\"/>"
                              "<graph edgedefault=\"undirected\"><data key=\"c\">latin1</data><node id=\"\xc3\xa9\"/>"
                              "</graph></graphml>\n";
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(doc, strlen(doc), HS_FORMAT_GRAPHML, "l.graphml", &m), HS_OK);
    hs_buf b = {0};
    assert_int_equal(hs_dot_format(m, &b), HS_OK);
    assert_string_equal(b.data, "graph {\n  graph [\"charset\"=\"UTF-8\"];\n  \"\xc3\xa9\";\n}\n");
    hs_buf_free(&b);
    hs_model_destroy(m);
}

/* The property test's first finding: cgraph drops a line end that has a
 * quote on both sides, so such a value is refused rather than changed. */
static void test_dot_refuses_quote_newline(void **state) {
    (void)state;
    static const char *const bad[] = {"\n", "a\"\n", "\n\"b", "a\"\n\"b"};
    static const char *const good[] = {"a\n", "\n\n", "\"\na", "a\" \n"};
    for (size_t i = 0; i < 8; i++) {
        const char *label = i < 4 ? bad[i] : good[i - 4];
        char doc[512];
        snprintf(doc, sizeof doc,
                 "<?xml version=\"1.0\"?>\n<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/>"
                 "<graph><node id=\"a\"><data key=\"l\"><![CDATA[%s]]></data></node></graph></graphml>\n",
                 label);
        hs_model *m = NULL;
        assert_int_equal(hs_model_read_memory(doc, strlen(doc), HS_FORMAT_GRAPHML, "q.graphml", &m), HS_OK);
        hs_buf b = {0};
        assert_int_equal(hs_dot_format(m, &b), i < 4 ? HS_EINPUT : HS_OK);
        hs_buf_free(&b);
        hs_model_destroy(m);
    }
}

/* fuzz_graphml run 3: libxml2 2.9 passes an overlong UTF-8 sequence inside
 * CDATA, which hubspoke then wrote back as text that no reader accepts. */
static void test_cdata_overlong_utf8(void **state) {
    (void)state;
    static const char bad[] = GU("<node id=\"A\"><data key=\"label\"><![CDATA[a\xc1\x97\x62]]></data></node>\n");
    static const char good[] = GU("<node id=\"A\"><data key=\"label\"><![CDATA[\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80]]></data></node>\n");
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(bad, strlen(bad), HS_FORMAT_GRAPHML, "o.graphml", &m), HS_EINPUT);
    assert_string_equal(hs_error_last(), "o.graphml:17: invalid UTF-8 (an overlong, surrogate or out-of-range sequence)");
    assert_int_equal(hs_model_read_memory(good, strlen(good), HS_FORMAT_GRAPHML, "g.graphml", &m), HS_OK);
    assert_string_equal(hs_vertex_label(m, 0), "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    hs_model_destroy(m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_limits),       cmocka_unit_test(test_helper_timeout),
        cmocka_unit_test(test_helper_gets_limits), cmocka_unit_test(test_helper_exits_early),
        cmocka_unit_test(test_not_regular),
        cmocka_unit_test(test_codebook_memory),   cmocka_unit_test(test_atomic_write),
        cmocka_unit_test(test_reader_skips),      cmocka_unit_test(test_cdata_is_text),
        cmocka_unit_test(test_dot_writes_utf8_charset), cmocka_unit_test(test_dot_refuses_quote_newline),
        cmocka_unit_test(test_cdata_overlong_utf8),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
