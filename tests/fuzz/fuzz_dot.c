/* libFuzzer harness: the DOT path, parser side. The hubspoke-dot helper's
 * own code (src/dothelper: cgraph parse, schema mapping, GraphML writer) runs
 * in-process on each input, as the helper would on a file; the GraphML it
 * builds must be well-formed XML, since hubspoke parses it next. And the load
 * limits, counted while cgraph reads (readlimits.c), must agree with what
 * hubspoke counts in that GraphML: at exactly its numbers of <node> and
 * <edge> elements the same input converts the same, one below either it is
 * refused at the limit (a limit of 0 is none, so from 2 up).
 *
 * This program links Graphviz and libxml2, never igraph: the licensing
 * boundary (README, "Licensing") holds for test programs too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "readlimits.h"
#include "text.h"

int hs_dot_convert(const buf_t *in, buf_t *out, const char *name);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count(const buf_t *b, const char *tag) {
    size_t n = 0;
    for (const char *p = strstr(b->p, tag); p; p = strstr(p + 1, tag)) n++;
    return n;
}

/* Converts under the limits (0 = none); returns the helper's status. */
static int convert_limited(const buf_t *in, buf_t *out, size_t max_states, size_t max_ties) {
    hs_dot_limits_set(max_states, max_ties);
    int rc = hs_dot_convert(in, out, "fuzz.gv");
    hs_dot_limits_set(0, 0);
    return rc;
}

static void check_limits(const buf_t *in, const buf_t *out) {
    size_t states = count(out, "<node "), ties = count(out, "<edge ");
    buf_t again = {0};
    if (convert_limited(in, &again, states, ties) != 0 || again.len != out->len || memcmp(again.p, out->p, out->len))
        abort(); /* refused, or converted otherwise, at its own counts */
    buf_free(&again);
    if (states > 1 && (convert_limited(in, &again, states - 1, 0) != 3 || !hs_dot_limits_crossed()))
        abort(); /* one state too many went unnoticed */
    buf_free(&again);
    if (ties > 1 && (convert_limited(in, &again, 0, ties - 1) != 3 || !hs_dot_limits_crossed()))
        abort(); /* one tie too many went unnoticed */
    buf_free(&again);
}

static void silent(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    xmlSetGenericErrorFunc(NULL, silent);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* The helper refuses a NUL byte while reading, before cgraph sees it. */
    if (memchr(data, '\0', size)) return 0;
    buf_t in = {0}, out = {0};
    buf_add(&in, (const char *)data, size);
    if (!in.p) buf_puts(&in, "");
    if (hs_dot_convert(&in, &out, "fuzz.gv") == 0) {
        xmlDocPtr doc = xmlReadMemory(out.p, (int)out.len, "helper.graphml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!doc) abort(); /* the helper wrote GraphML that is not XML */
        xmlFreeDoc(doc);
        /* Three more parses each: kept to inputs of fuzzing size, so that the
         * megabyte files of the third-party corpus are parsed once. */
        if (size <= 65536) check_limits(&in, &out);
    }
    buf_free(&in);
    buf_free(&out);
    return 0;
}
