/* Unit tests of the report (report.h): the HTML's parts, year by year, its
 * being self-contained, the period's checks. The report is worked in a
 * browser by tests/browser/test_report.py. Drawing needs the hubspoke-dot
 * helper: without HUBSPOKE_DOT_HELPER those tests are skipped. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hubspoke/inference.h"
#include "hubspoke/metrics.h"
#include "hubspoke/model.h"
#include "hubspoke/report.h"
#include "hubspoke/view.h"

#include "graphml_fixture.h"

/* A hub and two allies from 2000, a partner from 2005, a mechanism from 2010. */
static const char doc[] = GU(
    "<data key=\"hub\">H</data>\n"
    "<node id=\"H\"><data key=\"label\">The Hub &amp; Co</data></node>\n"
    "<node id=\"A\"/><node id=\"B\"/>\n"
    "<node id=\"P\"><data key=\"since\">2005</data></node>\n"
    "<node id=\"M\"><data key=\"type\">mechanism</data><data key=\"kind\">dialogue</data>"
    "<data key=\"label\">Trilateral &lt;M&gt;</data><data key=\"since\">2010</data></node>\n"
    "<edge source=\"H\" target=\"A\"><data key=\"kind\">treaty</data><data key=\"since\">2000</data></edge>\n"
    "<edge source=\"H\" target=\"B\"><data key=\"kind\">treaty</data><data key=\"since\">2000</data></edge>\n"
    "<edge source=\"B\" target=\"P\"><data key=\"kind\">dialogue</data><data key=\"since\">2005</data></edge>\n"
    "<edge source=\"H\" target=\"M\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"A\" target=\"M\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"B\" target=\"M\"><data key=\"kind\">member</data></edge>\n");

static hs_model *model;

static int setup(void **st) {
    (void)st;
    return hs_model_read_memory(doc, strlen(doc), HS_FORMAT_GRAPHML, "r.graphml", &model) == HS_OK ? 0 : -1;
}

static int teardown(void **st) {
    (void)st;
    hs_model_destroy(model);
    return 0;
}

static size_t count(const char *s, const char *what) {
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

static void test_period_refused(void **st) {
    (void)st;
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(hs_report_html(model, 2010, 2000, NULL, &out, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a report needs a period FIRST:LAST with FIRST <= LAST in [-9999, 9999], not 2010:2000");
    assert_int_equal(hs_report_html(model, 1000, 2000, NULL, &out, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a report covers at most 500 years, not 1000:2000");
    assert_null(out);
}

static void test_report(void **st) {
    (void)st;
    if (!getenv("HUBSPOKE_DOT_HELPER")) {
        print_message("skipped: drawing needs HUBSPOKE_DOT_HELPER\n");
        return;
    }
    hs_report_options o;
    hs_report_options_init(&o);
    o.sensitivity = 20;
    char *html = NULL;
    size_t len = 0;
    /* 1998 and 1999: nothing is active yet. */
    if (hs_report_html(model, 1998, 2012, &o, &html, &len) != HS_OK) fail_msg("%s", hs_error_last());
    assert_int_equal(strlen(html), len);
    /* One section per year, a network for each year with something to draw. */
    assert_int_equal(count(html, "<section class=\"year\""), 15);
    assert_non_null(strstr(html, "<section class=\"year\" id=\"y1998\" data-year=\"1998\""));
    assert_non_null(strstr(html, "<section class=\"year\" id=\"y2012\" data-year=\"2012\""));
    assert_int_equal(count(html, "<svg class=\"net\""), 13);
    assert_non_null(strstr(html, "No tie or mechanism is active in 1998."));
    /* Every year's timeline; the tables; the mechanism, from 2010, classified with its redraws. */
    assert_int_equal(count(html, "<svg class=\"timeline\""), 15);
    assert_int_equal(count(html, "<table class=\"states sortable\">"), 15);
    assert_int_equal(count(html, "<table class=\"mechanisms sortable\">"), 3);
    assert_non_null(strstr(html, "<span class=\"name\">Trilateral &lt;M&gt;</span>"));
    assert_non_null(strstr(html, "title=\"The Hub &amp; Co\""));
    /* In 2000: H the hub, A and B allies; each state's id is its row. */
    const char *y2000 = strstr(html, "id=\"y2000\"");
    assert_non_null(y2000);
    assert_non_null(strstr(y2000, "<tr><th scope=\"row\" data-v=\"A\">A</th><td data-v=\"ally\">ally</td>"));
    /* The star H-A, H-B, each tie of depth 1, by hand. Degree, strength,
     * betweenness (A-B through H), Wasserman-Faust closeness (H: 2/(1+1);
     * A: 2/(1+2)), eigenvector (H 1, allies 1/sqrt 2), Burt's constraint
     * (H: 2 x 0.5^2; A: 1), hub dependence (an ally's all goes to H; none
     * for the hub), brokerage (A-H-B both ways: itinerant, the allies one
     * group, the hub another). Integers without decimals, as `metrics`
     * prints them; the exact value in data-v. */
    assert_non_null(strstr(y2000, "<td data-v=\"hub\">hub</td><td class=\"n\" data-v=\"2\">2</td>"
                                  "<td class=\"n\" data-v=\"2\">2.0000</td><td class=\"n\" data-v=\"1\">1.0000</td>"
                                  "<td class=\"n\" data-v=\"1\">1.0000</td><td class=\"n\" data-v=\"1\">1.0000</td>"
                                  "<td class=\"n\" data-v=\"0.5\">0.5000</td><td class=\"n\" data-v=\"\">n/a</td>"
                                  "<td class=\"n\" data-v=\"0\">0</td><td class=\"n\" data-v=\"2\">2</td>"
                                  "<td class=\"n\" data-v=\"0\">0</td><td class=\"n\" data-v=\"0\">0</td>"
                                  "<td class=\"n\" data-v=\"0\">0</td></tr>"));
    assert_non_null(strstr(y2000, "<td data-v=\"ally\">ally</td><td class=\"n\" data-v=\"1\">1</td>"
                                  "<td class=\"n\" data-v=\"1\">1.0000</td><td class=\"n\" data-v=\"0\">0.0000</td>"
                                  "<td class=\"n\" data-v=\"0.666666666666667\">0.6667</td>"
                                  "<td class=\"n\" data-v=\"0.707106781186548\">0.7071</td>"
                                  "<td class=\"n\" data-v=\"1\">1.0000</td><td class=\"n\" data-v=\"1\">1.0000</td>"
                                  "<td class=\"n\" data-v=\"0\">0</td><td class=\"n\" data-v=\"0\">0</td>"));
    /* Each heading's title is the registry's description of its measure. */
    {
        char want[256];
        snprintf(want, sizeof want, "<th data-key=\"constraint\" aria-sort=\"none\" title=\"%s\">",
                 hs_measure_get((size_t)hs_measure_find("constraint"))->description);
        assert_int_equal(count(html, want), 15);
    }
    /* The data as columns, one value per year (null where undefined). */
    assert_non_null(strstr(html, "<script type=\"application/json\" id=\"hs-data\">{\"first\":1998,\"last\":2012,\"columns\":{\"coordination\":["));
    /* The intervals (HS_REPORT_BOOTSTRAP draws by default): a band per index
     * on the timeline, their bounds as columns, and beside each year's values
     * those of hs_bootstrap_view() with the report's seed. */
    assert_int_equal(count(html, "<polygon class=\"band\""), 3);
    assert_non_null(strstr(html, "bands: 95% intervals"));
    assert_non_null(strstr(html, ",\"coordination.lo\":["));
    assert_non_null(strstr(html, ",\"closedness.hi\":["));
    {
        hs_view_options vo;
        hs_view_options_init(&vo);
        vo.has_year = 1;
        vo.year = 2010;
        hs_view *v = NULL;
        assert_int_equal(hs_view_new(model, &vo, &v), HS_OK);
        hs_bootstrap_options bo;
        hs_bootstrap_options_init(&bo);
        bo.draws = HS_REPORT_BOOTSTRAP;
        bo.seed = o.seed;
        hs_interval iv[HS_BOOT_STAT_COUNT];
        assert_int_equal(hs_bootstrap_view(v, &bo, iv), HS_OK);
        hs_view_destroy(v);
        char want[160];
        snprintf(want, sizeof want, "<span class=\"interval\" data-lo=\"%.15g\" data-hi=\"%.15g\"", iv[HS_BOOT_UNIDIRECTIONALITY].lo,
                 iv[HS_BOOT_UNIDIRECTIONALITY].hi);
        const char *y2010 = strstr(html, "id=\"y2010\"");
        assert_non_null(y2010);
        const char *u = strstr(y2010, "data-key=\"unidirectionality\"");
        assert_non_null(u);
        assert_true(isfinite(iv[HS_BOOT_UNIDIRECTIONALITY].lo));
        assert_non_null(strstr(u, want));
        assert_true(strstr(u, want) < strstr(u, "data-key=\"closedness\""));
    }
    /* Self-contained: nothing from elsewhere. */
    assert_null(strstr(html, "src=\""));
    assert_null(strstr(html, "http://www.w3.org/1999/xlink\" href"));
    assert_null(strstr(html, "https:"));
    assert_int_equal(count(html, "href=\""), count(html, "href=\"#hs-timeline\""));
    /* The script shows one year at a time; without it, all are shown. */
    assert_non_null(strstr(html, "<html lang=\"en\" class=\"no-js\">"));
    assert_non_null(strstr(html, ".js section.year:not(.current){display:none}"));
    assert_non_null(strstr(html, "<input type=\"range\" id=\"year\" min=\"1998\" max=\"2012\""));
    free(html);

    /* Without a bootstrap, no interval anywhere; a bad level is refused. */
    o.bootstrap = 0;
    if (hs_report_html(model, 2009, 2011, &o, &html, &len) != HS_OK) fail_msg("%s", hs_error_last());
    assert_null(strstr(html, "class=\"band\""));
    assert_null(strstr(html, "class=\"interval\""));
    assert_null(strstr(html, ".lo\":["));
    free(html);
    html = NULL;
    o.bootstrap = 10;
    o.level = 1.5;
    assert_int_equal(hs_report_html(model, 2009, 2011, &o, &html, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a report's bootstrap needs 0 or more draws and a level in (0, 1), not 10 draws at 1.5");
    assert_null(html);
    o.level = 0.95;

    /* Written atomically: a file in a missing directory is refused, no file left. */
    assert_int_equal(hs_report_file(model, 2000, 2001, &o, "/nonexistent-dir/r.html"), HS_EIO);
    char path[] = "/tmp/hs-report-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(hs_report_file(model, 2000, 2001, &o, path), HS_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char head[16] = {0};
    assert_true(fread(head, 1, 15, f) == 15);
    fclose(f);
    assert_string_equal(head, "<!DOCTYPE html>");
    unlink(path);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_period_refused), cmocka_unit_test(test_report)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
