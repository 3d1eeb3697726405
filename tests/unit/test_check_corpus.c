/* The checks over the third-party corpus (../shared/corpus: Graphviz's,
 * igraph's and other projects' DOT and GraphML files, valid and hostile):
 * every file is read with every check, none crashes or fails otherwise than
 * as bad input, every diagnostic is one line with a code, and the checks
 * that judge names (ids, attributes, subgraphs) report on these files, none
 * of which is an alliance file, exactly the few false positives
 * docs/schema.md ("Checks") counts. Skips without the corpus or the helper. */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four above first. */
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hubspoke/check.h"

static const char *const codes[] = {"unknown-attribute",
                                    "attribute-case",
                                    "misplaced-attribute",
                                    "similar-id",
                                    "subgraph-not-cluster",
                                    "treaty-direction",
                                    "never-active",
                                    "mechanism-without-pair",
                                    "duplicate-tie",
                                    "untyped-tie",
                                    "self-tie",
                                    "hub-without-ties",
                                    "two-hubs",
                                    "untyped-mechanism",
                                    "redefined-attribute"};
#define NCODES (sizeof codes / sizeof *codes)

static struct {
    size_t files, clean, warned, refused, failed;
    size_t warnings[NCODES], files_with[NCODES];
    size_t other_code, bad_text;
} tally;

static void count(const hs_diagnostics *d) {
    int seen[NCODES] = {0};
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        if (!g->code || !g->code[0] || !g->reason || !g->reason[0] || strchr(g->reason, '\n') ||
            (g->element && strchr(g->element, '\n')))
            tally.bad_text++;
        if (g->severity != HS_SEVERITY_WARNING) continue;
        size_t k = 0;
        while (k < NCODES && strcmp(codes[k], g->code) != 0) k++;
        if (k == NCODES) {
            tally.other_code++;
            continue;
        }
        tally.warnings[k]++;
        if (!seen[k]++) tally.files_with[k]++;
    }
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st;
    (void)ftw;
    if (type != FTW_F || strstr(path, ".dict") || strstr(path, ".md")) return 0;
    hs_diagnostics *d = NULL;
    if (hs_diagnostics_new(&d) != HS_OK) return 1;
    hs_model *m = NULL;
    hs_error err = hs_check_read_file(path, HS_FORMAT_UNKNOWN, NULL, d, &m);
    tally.files++;
    if (err == HS_OK) {
        if (hs_diagnostics_warning_count(d))
            tally.warned++;
        else
            tally.clean++;
    } else if (err == HS_EINPUT || err == HS_ELIMIT) {
        tally.refused++;
        if (!hs_diagnostics_error_count(d)) tally.bad_text++; /* refused without saying why */
    } else {
        fprintf(stderr, "%s: %s (%s)\n", path, hs_error_name(err), hs_error_last());
        tally.failed++;
    }
    count(d);
    hs_model_destroy(m);
    hs_diagnostics_destroy(d);
    return 0;
}

static void test_corpus(void **state) {
    (void)state;
    const char *corpus = getenv("HS_CORPUS"), *helper = getenv("HUBSPOKE_DOT_HELPER");
    if (!corpus || access(corpus, R_OK) != 0 || !helper || access(helper, X_OK) != 0) {
        skip();
        return;
    }
    static const char *const dirs[] = {"dot", "graphml", "bad"};
    for (size_t i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", corpus, dirs[i]);
        assert_int_equal(nftw(path, visit, 16, FTW_PHYS), 0);
    }
    printf("checks over the corpus: %zu files, %zu clean, %zu with warnings, %zu refused, %zu failed\n", tally.files,
           tally.clean, tally.warned, tally.refused, tally.failed);
    for (size_t k = 0; k < NCODES; k++)
        printf("  %-24s %5zu warnings in %3zu files\n", codes[k], tally.warnings[k], tally.files_with[k]);
    assert_true(tally.files > 400);
    assert_int_equal(tally.failed, 0);
    assert_int_equal(tally.bad_text, 0);
    assert_int_equal(tally.other_code, 0);
    /* The checks that judge names and shapes, on files that are no alliance
     * files: every report is a false positive, and there are these few. */
    assert_int_equal(tally.warnings[0], 0);   /* unknown-attribute */
    assert_int_equal(tally.warnings[1], 0);   /* attribute-case */
    assert_int_equal(tally.files_with[2], 2); /* misplaced-attribute: an edge attribute 'type' (GraphML) */
    assert_int_equal(tally.warnings[3], 1);   /* similar-id: COPPA beside COPA (b71.gv) */
    assert_int_equal(tally.warnings[4], 0);   /* subgraph-not-cluster, of 25 named subgraphs */
    assert_int_equal(tally.warnings[5], 0);   /* treaty-direction: no file has a treaty */
    assert_int_equal(tally.warnings[14], 0);  /* redefined-attribute (1 value set twice in 1 file, a color) */
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_corpus)};
    hs_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
