/* Unit tests of the figures' options (render.h): the option values, the
 * figure's size and its text measured in the SVG Graphviz writes, labels,
 * greyscale, the grid, the states' size, and the mechanisms' colours and
 * legend. Figures are drawn by the hubspoke-dot helper: without
 * HUBSPOKE_DOT_HELPER the drawing tests are skipped. */
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

#include "hubspoke/model.h"
#include "hubspoke/render.h"

#include "graphml_fixture.h"

/* |actual - expected| <= tolerance. */
#define assert_double_equal(actual, expected, tolerance) assert_within((actual), (expected), (tolerance), __FILE__, __LINE__)
static void assert_within(double actual, double expected, double tolerance, const char *file, int line) {
    if (!(fabs(actual - expected) <= tolerance)) {
        print_error("%.6g differs from %.6g by more than %g\n", actual, expected, tolerance);
        _fail(file, line);
    }
}

/* A small system over time: a hub, allies whose names are long and short,
 * a partner, three mechanisms, two over the same members (a stack), one of
 * them with a long id. */
#define HUB_DATA "<data key=\"hub\">USA</data>\n"
static const char small_doc[] = GU(
    HUB_DATA
    "<node id=\"USA\"><data key=\"label\">United States</data></node>\n"
    "<node id=\"JPN\"><data key=\"label\">Japan</data></node>\n"
    "<node id=\"CIV\"><data key=\"label\">C\xc3\xb4te d'Ivoire</data></node>\n"
    "<node id=\"X\"/>\n"
    "<node id=\"AUS\"><data key=\"label\">Australia</data></node>\n"
    "<node id=\"A\"><data key=\"type\">mechanism</data><data key=\"label\">Alpha dialogue</data>"
    "<data key=\"kind\">dialogue</data><data key=\"since\">2000</data></node>\n"
    "<node id=\"B\"><data key=\"type\">mechanism</data><data key=\"label\">Beta sharing</data>"
    "<data key=\"kind\">intelligence</data><data key=\"since\">2010</data></node>\n"
    "<node id=\"LongMechanismId\"><data key=\"type\">mechanism</data><data key=\"kind\">dialogue</data>"
    "<data key=\"label\">LongMechanismId</data>"
    "<data key=\"since\">2005</data></node>\n"
    "<edge source=\"USA\" target=\"JPN\"><data key=\"kind\">treaty</data></edge>\n"
    "<edge source=\"USA\" target=\"CIV\"><data key=\"kind\">treaty</data></edge>\n"
    "<edge source=\"USA\" target=\"AUS\"><data key=\"kind\">treaty</data></edge>\n"
    "<edge source=\"JPN\" target=\"X\"><data key=\"kind\">dialogue</data></edge>\n"
    "<edge source=\"USA\" target=\"A\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"JPN\" target=\"A\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"CIV\" target=\"A\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"USA\" target=\"B\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"JPN\" target=\"B\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"CIV\" target=\"B\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"USA\" target=\"LongMechanismId\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"AUS\" target=\"LongMechanismId\"><data key=\"kind\">member</data></edge>\n"
    "<edge source=\"JPN\" target=\"LongMechanismId\"><data key=\"kind\">member</data></edge>\n");

static hs_model *model;

static int setup(void **st) {
    (void)st;
    if (hs_model_read_memory(small_doc, strlen(small_doc), HS_FORMAT_GRAPHML, "small.graphml", &model) != HS_OK) {
        fprintf(stderr, "%s\n", hs_error_last());
        return -1;
    }
    return 0;
}

static int teardown(void **st) {
    (void)st;
    hs_model_destroy(model);
    return 0;
}

static int have_helper(void) {
    const char *h = getenv("HUBSPOKE_DOT_HELPER");
    if (h && h[0]) return 1;
    print_message("skipped: drawing needs HUBSPOKE_DOT_HELPER\n");
    return 0;
}

/* The SVG of a figure; the caller frees it. */
static char *svg_of(const int *years, size_t n, const hs_render_options *o) {
    char *out = NULL;
    size_t len = 0;
    if (hs_render_figure(model, years, n, o, HS_RENDER_SVG, &out, &len) != HS_OK) fail_msg("%s", hs_error_last());
    assert_int_equal(strlen(out), len);
    return out;
}

/* ---- reading the SVG ------------------------------------------------------------------ */

/* The number in attribute `name` of the first element starting at `from`
 * ("<svg", "<text ..."): NAN when absent. */
static double attr_num(const char *from, const char *name) {
    const char *end = strchr(from, '>');
    char key[64];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *a = strstr(from, key);
    if (!a || (end && a > end)) return NAN;
    return strtod(a + strlen(key), NULL);
}

/* The figure's size in points and the scale from SVG units to points: the
 * root's width over its viewBox's, times the scale of its drawing group. */
static double svg_scale(const char *svg, double *width_pt) {
    const char *root = strstr(svg, "<svg");
    assert_non_null(root);
    *width_pt = attr_num(root, "width");
    const char *vb = strstr(root, "viewBox=\"");
    assert_non_null(vb);
    double x0, y0, w, h;
    assert_int_equal(sscanf(vb + 9, "%lf %lf %lf %lf", &x0, &y0, &w, &h), 4);
    const char *t = strstr(svg, "transform=\"scale(");
    assert_non_null(t);
    double sx = strtod(t + strlen("transform=\"scale("), NULL);
    return *width_pt / w * sx;
}

/* The smallest and largest type in the figure, in points at its size. */
static void type_range(const char *svg, double *lo, double *hi) {
    double width, scale = svg_scale(svg, &width);
    *lo = INFINITY, *hi = 0;
    size_t n = 0;
    for (const char *p = strstr(svg, "<text"); p; p = strstr(p + 1, "<text")) {
        double size = attr_num(p, "font-size");
        assert_false(isnan(size));
        *lo = fmin(*lo, size * scale);
        *hi = fmax(*hi, size * scale);
        n++;
    }
    assert_true(n > 10);
}

/* The element with this id (Graphviz writes '-' as &#45;), or NULL. */
static const char *element(const char *svg, const char *id) {
    char esc[256] = "id=\"";
    size_t k = strlen(esc);
    for (const char *s = id; *s && k + 6 < sizeof esc; s++) {
        if (*s == '-') {
            memcpy(esc + k, "&#45;", 5);
            k += 5;
        } else {
            esc[k++] = *s;
        }
    }
    esc[k++] = '"';
    esc[k] = '\0';
    return strstr(svg, esc);
}

/* The group of that element: up to its closing tag. */
static size_t group_len(const char *g) {
    const char *end = strstr(g, "</g>");
    return end ? (size_t)(end - g) : strlen(g);
}

static int group_has(const char *g, const char *what) {
    size_t n = group_len(g);
    const char *p = strstr(g, what);
    return p && (size_t)(p - g) < n;
}

/* The first number after `what` in the group of g (e.g. "rx=\""). */
static double group_num(const char *g, const char *what) {
    size_t n = group_len(g);
    const char *p = strstr(g, what);
    if (!p || (size_t)(p - g) >= n) return NAN;
    return strtod(p + strlen(what), NULL);
}

/* The fill of the first shape of the group with that id. */
static void group_fill(const char *svg, const char *id, char out[16]) {
    const char *g = element(svg, id);
    assert_non_null(g);
    const char *p = g;
    size_t n = group_len(g);
    out[0] = '\0';
    while ((p = strstr(p, "fill=\"")) && (size_t)(p - g) < n) {
        p += 6;
        if (strncmp(p, "none", 4) != 0) {
            snprintf(out, 16, "%.*s", (int)strcspn(p, "\""), p);
            return;
        }
    }
    fail_msg("%s has no fill", id);
}

/* ---- option values ---------------------------------------------------------------------- */

static void test_option_values(void **st) {
    (void)st;
    double pt = 0;
    assert_int_equal(hs_render_parse_length("6.5in", &pt), HS_OK);
    assert_double_equal(pt, 468.0, 1e-9);
    assert_int_equal(hs_render_parse_length("16.5cm", &pt), HS_OK);
    assert_double_equal(pt, 16.5 / 2.54 * 72, 1e-9);
    assert_int_equal(hs_render_parse_length("165mm", &pt), HS_OK);
    assert_double_equal(pt, 165 / 25.4 * 72, 1e-9);
    assert_int_equal(hs_render_parse_length("468pt", &pt), HS_OK);
    assert_double_equal(pt, 468.0, 1e-9);
    static const char *const bad_lengths[] = {"6.5", "in", "-1in", "0in", "6.5 in", " 6.5in", "6.5inch", "6.5IN",
                                              "infin", "nanin", "1e999in", ""};
    for (size_t i = 0; i < sizeof bad_lengths / sizeof *bad_lengths; i++) {
        pt = -1;
        assert_int_equal(hs_render_parse_length(bad_lengths[i], &pt), HS_EARG);
        assert_double_equal(pt, -1, 0);
    }
    assert_string_equal(hs_error_last(), "'' is not a length: a number and a unit, in, cm, mm or pt (e.g. 6.5in)");

    size_t r = 0, c = 0;
    assert_int_equal(hs_render_parse_grid("2x3", &r, &c), HS_OK);
    assert_int_equal(r, 2);
    assert_int_equal(c, 3);
    assert_int_equal(hs_render_parse_grid("64x1", &r, &c), HS_OK);
    static const char *const bad_grids[] = {"0x3", "2x0", "2x", "x3", "2x3x4", "65x1", "2X3", " 2x3", "2x 3", "2x3 ",
                                            "-2x3", "2x+3", "3", ""};
    for (size_t i = 0; i < sizeof bad_grids / sizeof *bad_grids; i++)
        assert_int_equal(hs_render_parse_grid(bad_grids[i], &r, &c), HS_EARG);

    hs_render_labels l;
    assert_int_equal(hs_render_parse_labels("name", &l), HS_OK);
    assert_int_equal(l, HS_LABELS_NAME);
    assert_int_equal(hs_render_parse_labels("ids", &l), HS_EARG);
    hs_render_mechanisms mm;
    assert_int_equal(hs_render_parse_mechanisms("surfaces", &mm), HS_OK);
    assert_int_equal(mm, HS_MECHANISMS_SURFACES);
    assert_int_equal(hs_render_parse_mechanisms("hulls", &mm), HS_EARG);

    /* Out of range, refused before anything is drawn. */
    hs_render_options o;
    hs_render_options_init(&o);
    int years[] = {2012};
    char *out = NULL;
    size_t len = 0;
    o.width = 100;
    assert_int_equal(hs_render_figure(model, years, 1, &o, HS_RENDER_SVG, &out, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a figure's width must be from 144 pt (2in) to 14400 pt (200in), not 100 pt");
    hs_render_options_init(&o);
    o.font_size = 3;
    assert_int_equal(hs_render_figure(model, years, 1, &o, HS_RENDER_SVG, &out, &len), HS_EARG);
    hs_render_options_init(&o);
    o.rows = 1, o.cols = 1;
    int three[] = {2000, 2005, 2012};
    assert_int_equal(hs_render_figure(model, three, 3, &o, HS_RENDER_SVG, &out, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a grid of 1x1 has room for 1 panels, not 3");
    o.rows = 3, o.cols = 2;
    assert_int_equal(hs_render_figure(model, three, 3, &o, HS_RENDER_SVG, &out, &len), HS_EARG);
    assert_string_equal(hs_error_last(), "a grid of 3x2 leaves its last row empty with 3 panels");
    assert_null(out);
}

/* ---- size and type --------------------------------------------------------------------------- */

/* At a stated width the SVG is that wide and no text is smaller than the
 * stated type; the title is 1.25 times it. */
static void test_width_and_type(void **st) {
    (void)st;
    if (!have_helper()) return;
    static const struct {
        double width, font;
    } cases[] = {{468, 8}, {252, 7}, {504, 9}, {16.5 / 2.54 * 72, 6}, {1000, 12}};
    int years[] = {2000, 2005, 2012};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        hs_render_options o;
        hs_render_options_init(&o);
        o.width = cases[i].width;
        o.font_size = cases[i].font;
        char *svg = svg_of(years, 3, &o);
        double width, scale = svg_scale(svg, &width);
        assert_double_equal(width, round(cases[i].width), 0.5);
        assert_double_equal(scale, 1.0, 0.002);
        double lo, hi;
        type_range(svg, &lo, &hi);
        assert_double_equal(lo, cases[i].font, 0.01);
        assert_double_equal(hi, 1.25 * cases[i].font, 0.01);
        free(svg);
    }
    /* Natural size: the default type. */
    hs_render_options o;
    hs_render_options_init(&o);
    char *svg = svg_of(years, 3, &o);
    double lo, hi;
    type_range(svg, &lo, &hi);
    assert_double_equal(lo, HS_RENDER_FONT_SIZE, 0.01);
    free(svg);
    /* A width too small for the panels asked for is refused, not squeezed. */
    o.width = 144;
    o.font_size = 14;
    o.rows = 1, o.cols = 3;
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(hs_render_figure(model, years, 3, &o, HS_RENDER_SVG, &out, &len), HS_EARG);
    assert_non_null(strstr(hs_error_last(), "too little room"));
}

/* Every state's circle is the same size, whatever its label. */
static void test_state_size(void **st) {
    (void)st;
    if (!have_helper()) return;
    int years[] = {2012};
    static const hs_render_labels labels[] = {HS_LABELS_ID, HS_LABELS_NAME, HS_LABELS_NONE};
    for (size_t k = 0; k < 3; k++) {
        hs_render_options o;
        hs_render_options_init(&o);
        o.labels = labels[k];
        char *svg = svg_of(years, 1, &o);
        static const char *const ids[] = {"p0-s-JPN", "p0-s-CIV", "p0-s-X", "p0-s-AUS"};
        double rx0 = group_num(element(svg, ids[0]), "rx=\"");
        for (size_t i = 1; i < 4; i++) assert_double_equal(group_num(element(svg, ids[i]), "rx=\""), rx0, 0.01);
        /* The hub: the same circle, in a ring. */
        const char *hub = strstr(element(svg, "p0-s-USA"), "<ellipse");
        assert_double_equal(attr_num(hub, "rx"), rx0, 0.01);
        assert_true(attr_num(strstr(hub + 1, "<ellipse"), "rx") > rx0 + 1);
        free(svg);
    }
}

static void test_labels(void **st) {
    (void)st;
    if (!have_helper()) return;
    int years[] = {2012};
    hs_render_options o;
    hs_render_options_init(&o);
    char *svg = svg_of(years, 1, &o);
    assert_true(group_has(element(svg, "p0-s-JPN"), ">JPN</text>"));
    assert_true(group_has(element(svg, "p0-s-X"), ">X</text>"));
    assert_null(element(svg, "p0-l-JPN"));
    free(svg);

    o.labels = HS_LABELS_NAME;
    svg = svg_of(years, 1, &o);
    assert_false(group_has(element(svg, "p0-s-JPN"), "<text"));
    assert_true(group_has(element(svg, "p0-l-JPN"), ">Japan</text>"));
    assert_true(group_has(element(svg, "p0-l-CIV"), ">C\xc3\xb4te d&#39;Ivoire</text>"));
    assert_true(group_has(element(svg, "p0-l-X"), ">X</text>")); /* no name: its id */
    free(svg);

    o.labels = HS_LABELS_NONE;
    svg = svg_of(years, 1, &o);
    static const char *const ids[] = {"p0-s-USA", "p0-s-JPN", "p0-s-CIV", "p0-s-X", "p0-s-AUS"};
    for (size_t i = 0; i < 5; i++) {
        assert_false(group_has(element(svg, ids[i]), "<text"));
        assert_true(group_has(element(svg, ids[i]), "<title>")); /* the name stays in the tooltip */
    }
    assert_null(element(svg, "p0-l-JPN"));
    free(svg);
}

/* Is "#rrggbb" a grey? */
static int is_grey(const char *c) {
    unsigned r, g, b;
    if (sscanf(c, "#%2x%2x%2x", &r, &g, &b) != 3) return 1; /* a name: white, black, none, transparent */
    return r == g && g == b;
}

static void test_greyscale(void **st) {
    (void)st;
    if (!have_helper()) return;
    int years[] = {2000, 2012};
    hs_render_options o;
    hs_render_options_init(&o);
    o.greyscale = 1;
    o.mechanisms = HS_MECHANISMS_SURFACES; /* surfaces too */
    char *svg = svg_of(years, 2, &o);
    size_t colours = 0;
    for (const char *p = svg; (p = strpbrk(p, "fs"));) {
        if (strncmp(p, "fill=\"#", 7) == 0 || strncmp(p, "stroke=\"#", 9) == 0) {
            const char *c = strchr(p, '#');
            if (!is_grey(c)) fail_msg("a colour in greyscale: %.16s", p);
            colours++;
        }
        p++;
    }
    assert_true(colours > 20);
    /* The mechanisms still differ from one another. */
    char a[16], b[16], l[16];
    group_fill(svg, "p1-m-A", a);
    group_fill(svg, "p1-m-B", b);
    group_fill(svg, "p1-m-LongMechanismId", l);
    assert_string_not_equal(a, b);
    assert_string_not_equal(a, l);
    assert_string_not_equal(b, l);
    free(svg);
}

/* ---- the grid ------------------------------------------------------------------------------------ */

static void panel_corner(const char *svg, size_t p, double *x, double *y) {
    char id[16];
    snprintf(id, sizeof id, "panel-%zu", p);
    const char *g = element(svg, id);
    assert_non_null(g);
    const char *pts = strstr(g, "points=\"");
    assert_non_null(pts);
    assert_int_equal(sscanf(pts + 8, "%lf,%lf", x, y), 2);
}

static void test_grid(void **st) {
    (void)st;
    if (!have_helper()) return;
    int years[] = {2000, 2005, 2010, 2012};
    static const struct {
        size_t rows, cols;
    } grids[] = {{1, 4}, {2, 2}, {4, 1}, {2, 3}};
    for (size_t k = 0; k < sizeof grids / sizeof *grids; k++) {
        hs_render_options o;
        hs_render_options_init(&o);
        o.rows = grids[k].rows;
        o.cols = grids[k].cols;
        o.width = 7 * 72;
        o.font_size = 7;
        char *svg = svg_of(years, 4, &o);
        double x[4], y[4];
        for (size_t p = 0; p < 4; p++) panel_corner(svg, p, &x[p], &y[p]);
        for (size_t p = 0; p < 4; p++) {
            size_t row = p / grids[k].cols, col = p % grids[k].cols;
            /* Same row: same y; same column: same x; rows go down, columns right. */
            assert_double_equal(y[p], y[row * grids[k].cols], 0.01);
            assert_double_equal(x[p], x[col], 0.01);
            if (col) assert_true(x[p] > x[p - 1]);
            if (row) assert_true(y[p] > y[p - grids[k].cols]); /* SVG's y grows downwards */
        }
        free(svg);
    }
}

/* ---- mechanisms ------------------------------------------------------------------------------------ */

/* A mechanism has the same colour in every figure of the file, mechanisms
 * active together differ, and the legend names each one drawn. */
static void test_mechanism_colours(void **st) {
    (void)st;
    if (!have_helper()) return;
    char fill[3][16], pat[3][8];
    static const char *const ids[] = {"A", "B", "LongMechanismId"};
    for (size_t i = 0; i < 3; i++) {
        int pattern = -1;
        assert_int_equal(hs_render_mechanism_colour(model, (size_t)hs_model_find(model, ids[i]), 0, fill[i], &pattern),
                         HS_OK);
        assert_int_equal(pattern, 0); /* three mechanisms, nine colours: all solid */
        snprintf(pat[i], sizeof pat[i], "%d", pattern);
    }
    assert_string_not_equal(fill[0], fill[1]);
    assert_string_not_equal(fill[0], fill[2]);
    assert_string_not_equal(fill[1], fill[2]);
    assert_int_equal(hs_render_mechanism_colour(model, (size_t)hs_model_find(model, "USA"), 0, fill[0], NULL), HS_EARG);
    assert_int_equal(hs_render_mechanism_colour(model, (size_t)hs_model_find(model, "A"), 0, fill[0], NULL), HS_OK);

    int y1[] = {2012}, y2[] = {2000, 2006, 2012};
    hs_render_options o;
    hs_render_options_init(&o);
    char *one = svg_of(y1, 1, &o);
    o.mechanisms = HS_MECHANISMS_SURFACES;
    o.width = 6.5 * 72;
    char *three = svg_of(y2, 3, &o);
    for (size_t i = 0; i < 3; i++) {
        char id[64], a[16], b[16];
        snprintf(id, sizeof id, "p0-m-%s", ids[i]);
        group_fill(one, id, a);
        snprintf(id, sizeof id, "p2-m-%s", ids[i]);
        group_fill(three, id, b);
        assert_string_equal(a, fill[i]);
        assert_string_equal(b, fill[i]);
        /* The legend names it, in its colour. */
        snprintf(id, sizeof id, "legend-m-%s", ids[i]);
        group_fill(one, id, a);
        assert_string_equal(a, fill[i]);
    }
    assert_non_null(strstr(one, ">A: Alpha dialogue</text>"));
    assert_non_null(strstr(one, ">B: Beta sharing</text>"));
    /* A name that is the id is not said twice. */
    assert_non_null(strstr(one, ">LongMechanismId</text>"));
    assert_null(strstr(one, ">LongMechanismId:"));
    free(three);

    /* Only the mechanisms drawn are in the legend. */
    int y0[] = {2001};
    char *early = svg_of(y0, 1, &o);
    assert_non_null(element(early, "legend-m-A"));
    assert_null(element(early, "legend-m-B"));
    assert_null(element(early, "legend-m-LongMechanismId"));
    free(early);

    /* A and B have the same members: drawn as nodes they share a stack,
     * whose spokes stand for both. */
    assert_non_null(element(one, "p0-k-0"));
    assert_non_null(strstr(one, "class=\"edge member kind&#45;member of&#45;v5 of&#45;v6\""));
    free(one);
    hs_render_options_init(&o);
    o.mechanisms = HS_MECHANISMS_SURFACES;
    one = svg_of(y1, 1, &o);
    assert_null(element(one, "p0-k-0"));
    free(one);
}

/* Many mechanisms at once: colours first, then patterns, each slot once. */
static void test_many_mechanisms(void **st) {
    (void)st;
    hs_model *m = NULL;
    assert_int_equal(hs_model_new(0, "many", &m), HS_OK);
    size_t h, s;
    assert_int_equal(hs_model_append_vertex(m, "H", 0, &h), HS_OK);
    assert_int_equal(hs_model_append_vertex(m, "S", 0, &s), HS_OK);
    char seen[40][16];
    size_t mech[30];
    for (size_t i = 0; i < 30; i++) {
        char id[16];
        snprintf(id, sizeof id, "M%zu", i);
        assert_int_equal(hs_model_append_vertex(m, id, 0, &mech[i]), HS_OK);
        assert_int_equal(hs_vertex_set_type(m, mech[i], HS_VERTEX_MECHANISM), HS_OK);
    }
    int solid = 0, dashed = 0, dotted = 0;
    for (size_t i = 0; i < 30; i++) {
        char c[8];
        int p = -1;
        assert_int_equal(hs_render_mechanism_colour(m, mech[i], 0, c, &p), HS_OK);
        snprintf(seen[i], sizeof seen[i], "%s/%d", c, p);
        solid += p == 0, dashed += p == 1, dotted += p == 2;
        for (size_t j = 0; j < i && i < 27; j++) assert_string_not_equal(seen[i], seen[j]);
    }
    /* Nine colours in three patterns make 27 slots; the rest repeat. */
    assert_int_equal(solid + dashed + dotted, 30);
    assert_true(solid >= 9 && dashed >= 9 && dotted >= 9);
    hs_model_destroy(m);
}

int main(void) {
    hs_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_option_values),     cmocka_unit_test(test_width_and_type),
        cmocka_unit_test(test_state_size),        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_greyscale),         cmocka_unit_test(test_grid),
        cmocka_unit_test(test_mechanism_colours), cmocka_unit_test(test_many_mechanisms),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
