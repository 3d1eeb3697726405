/* libFuzzer harness: the GraphML loader and the schema checks.
 *
 * Each input is read as a GraphML file (hs_model_read_memory), which streams
 * it through libxml2 and checks it against the schema (docs/schema.md). A
 * model that loads is then viewed (roles, years, ties) and written back as
 * GraphML and as DOT; the GraphML it writes must load again with the same
 * states and ties, so that a writer bug shows as a crash here too. The same
 * input is read again with every check (check.h): it must load exactly when
 * the plain reader loads it (errors are collected, not invented or lost), and
 * every diagnostic must be one line with a code. */
#include <string.h>

#include <stdint.h>
#include <stdlib.h>

#include "hubspoke/check.h"
#include "hubspoke/codebook.h"
#include "hubspoke/model.h"
#include "hubspoke/view.h"
#include "io/io_internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    hs_init();
    return 0;
}

/* The checked read of the same input: 1 when it loads. */
static int checked_loads(const uint8_t *data, size_t size) {
    hs_diagnostics *d = NULL;
    hs_model *m = NULL;
    if (hs_diagnostics_new(&d) != HS_OK) abort();
    hs_error err = hs_check_read_memory((const char *)data, size, HS_FORMAT_GRAPHML, "fuzz.graphml", d, &m);
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        if (!g->code[0] || strchr(g->reason, '\n') || (g->element && strchr(g->element, '\n'))) abort();
    }
    if (err != HS_OK && err != HS_ENOMEM && !hs_diagnostics_error_count(d)) abort(); /* refused without a word */
    hs_model_destroy(m);
    hs_diagnostics_destroy(d);
    return err == HS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    hs_model *m = NULL;
    hs_error err = hs_model_read_memory((const char *)data, size, HS_FORMAT_GRAPHML, "fuzz.graphml", &m);
    if (checked_loads(data, size) != (err == HS_OK)) abort(); /* the two readers disagree */
    if (err != HS_OK) return 0;

    hs_view *v = NULL;
    hs_view_options opt;
    hs_view_options_init(&opt);
    if (hs_view_new(m, &opt, &v) == HS_OK) hs_view_destroy(v);

    hs_buf dot = {0}, gml = {0};
    (void)hs_dot_format(m, &dot);
    if (hs_graphml_format(m, &gml) == HS_OK) {
        hs_model *again = NULL;
        if (hs_graphml_parse(&again, gml.data, gml.len, "again.graphml", 1, NULL) != HS_OK ||
            hs_model_vertex_count(again) != hs_model_vertex_count(m) ||
            hs_model_edge_count(again) != hs_model_edge_count(m))
            abort(); /* hubspoke wrote GraphML it cannot read back */
        hs_model_destroy(again);
    }
    hs_buf_free(&dot);
    hs_buf_free(&gml);
    hs_model_destroy(m);
    return 0;
}
