/* libFuzzer harness: the DOT path, parser side. The hubspoke-dot helper's
 * own code (src/dothelper: cgraph parse, schema mapping, GraphML writer) runs
 * in-process on each input, as the helper would on a file; the GraphML it
 * builds must be well-formed XML, since hubspoke parses it next.
 *
 * This program links Graphviz and libxml2, never igraph: the licensing
 * boundary (README, "Licensing") holds for test programs too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "text.h"

int hs_dot_convert(const buf_t *in, buf_t *out, const char *name);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    }
    buf_free(&in);
    buf_free(&out);
    return 0;
}
