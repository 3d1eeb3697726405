/* Unit tests of CSV edge lists (edgelist.h): the columns and their aliases,
 * every error with its file and row line, the checks' warnings, mistaken and
 * hostile tables, and the round trip of the curated dataset through CSV. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka.h needs the four above first. */
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hubspoke/check.h"
#include "hubspoke/edgelist.h"
#include "hubspoke/model.h"

static char dir[256];
static hs_diagnostics *diags;
static hs_model *models[8];
static size_t nmodels;

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/hs-edgelist-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    return hs_diagnostics_new(&diags) == HS_OK ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    hs_diagnostics_destroy(diags);
    diags = NULL;
    while (nmodels) hs_model_destroy(models[--nmodels]);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static hs_model *keep(hs_model *m) {
    if (m && nmodels < 8) models[nmodels++] = m;
    return m;
}

/* A file of the test directory, written with `text`; its path. */
static const char *file(const char *name, const char *text) {
    static char paths[8][512];
    static int next;
    char *path = paths[next++ % 8];
    snprintf(path, 512, "%s/%s", dir, name);
    if (text) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    return path;
}

/* The diagnostics, sorted, with the directory cut from the file names. */
static const char *listing(void) {
    static char out[16384];
    char line[2048];
    size_t n = 0, cut = strlen(dir) + 1;
    out[0] = '\0';
    hs_diagnostics_sort(diags);
    for (size_t i = 0; i < hs_diagnostics_count(diags); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(diags, i);
        hs_diagnostic_format(g, line, sizeof line);
        const char *shown = strncmp(line, dir, cut - 1) == 0 ? line + cut : line;
        n += (size_t)snprintf(out + n, sizeof out - n, "%c %s %s\n", g->severity == HS_SEVERITY_ERROR ? 'E' : 'W',
                              g->code, shown);
    }
    return out;
}

static hs_model *read_list(const char *edges, const char *nodes, const char *members, const char *graph,
                           hs_error want) {
    hs_edgelist_options o;
    hs_edgelist_options_init(&o);
    o.files.edges = edges;
    o.files.nodes = nodes;
    o.files.mechanisms = members;
    o.files.graph = graph;
    hs_diagnostics_clear(diags);
    hs_model *m = NULL;
    hs_error err = hs_edgelist_read(&o, diags, &m);
    if (err != want) fail_msg("read ended with %d (%s), expected %d\n%s", err, hs_error_last(), want, listing());
    if (want == HS_OK)
        assert_non_null(m);
    else
        assert_null(m);
    return keep(m);
}

static long edge_of(const hs_model *m, const char *a, const char *b) {
    for (size_t i = 0; i < hs_model_edge_count(m); i++) {
        if (!strcmp(hs_vertex_id(m, hs_edge_from(m, i)), a) && !strcmp(hs_vertex_id(m, hs_edge_to(m, i)), b))
            return (long)i;
    }
    fail_msg("no edge %s -> %s", a, b);
    return -1;
}

/* ---- columns ---------------------------------------------------------------------- */

static void test_columns_and_aliases(void **state) {
    (void)state;
    /* A spreadsheet's export: a byte order mark, capitalised headers, from/to,
     * CRLF, a quoted cell with a comma and a line end, blanks around values. */
    const char *edges = file("e.csv",
                             "\xEF\xBB\xBF"
                             "From,To,Kind, Since ,until,Weight,Citation,note\r\n"
                             "USA,JPN,treaty, 1960 ,,,\"Treaty of 1960, art. 5\",\"two\nlines\"\r\n"
                             " USA , KOR ,access,1967,1990,0.5,,\r\n"
                             ",,,,,,,\r\n"
                             "JPN,Quad,member,2017,,,,\r\n");
    const char *nodes = file("n.csv", "Node,Label,role\nUSA,United States,\nJPN,Japan,ally\n");
    const char *members = file("m.csv", "mechanism,member,since\nAUKUS,USA,2021\nAUKUS,AUS,2021\n");
    const char *graph = file("g.csv", "attribute,value\ndirected,no\nhub,USA\nperiod,1951-2024\nrankdir,LR\n");
    hs_model *m = read_list(edges, nodes, members, graph, HS_OK);
    /* Row 6: after a cell of two lines and a blank row. */
    assert_string_equal(listing(),
                        "W mechanism-without-pair e.csv:6: mechanism 'Quad': one member only ('JPN'): a "
                        "mechanism ties its members to each other, so it adds no tie\n");
    assert_int_equal(hs_model_directed(m), 0);
    assert_string_equal(hs_model_hub(m), "USA");
    assert_string_equal(hs_model_period(m), "1951-2024");
    /* Vertices: the nodes file's, then those the edges name, then the members'. */
    assert_int_equal(hs_model_vertex_count(m), 6);
    const char *order[] = {"USA", "JPN", "KOR", "Quad", "AUKUS", "AUS"};
    for (size_t i = 0; i < 6; i++) assert_string_equal(hs_vertex_id(m, i), order[i]);
    assert_string_equal(hs_vertex_label(m, 0), "United States");
    assert_int_equal(hs_vertex_role(m, 1), HS_ROLE_ALLY);
    /* A member edge's end no row declared, and a members file's mechanism, are mechanisms. */
    assert_int_equal(hs_vertex_type_of(m, 3), HS_VERTEX_MECHANISM);
    assert_int_equal(hs_vertex_type_of(m, 4), HS_VERTEX_MECHANISM);
    long e = edge_of(m, "USA", "JPN");
    assert_int_equal(hs_edge_kind(m, (size_t)e), HS_KIND_TREATY);
    assert_int_equal(hs_edge_since(m, (size_t)e), 1960);
    assert_string_equal(hs_edge_source(m, (size_t)e), "Treaty of 1960, art. 5");
    e = edge_of(m, "USA", "KOR");
    assert_int_equal(hs_edge_until(m, (size_t)e), 1990);
    assert_true(hs_edge_weight(m, (size_t)e) == 0.5);
    e = edge_of(m, "AUS", "AUKUS");
    assert_int_equal(hs_edge_kind(m, (size_t)e), HS_KIND_MEMBER);
    assert_int_equal(hs_edge_since(m, (size_t)e), 2021);
}

/* ---- errors: every one, with its file and row line ---------------------------------- */

static void test_row_errors(void **state) {
    (void)state;
    const char *edges = file("edges.csv",
                             "source,target,kind,since,until,weight\n"
                             "USA,JPN,alliance,1960,,\n"   /* 2 */
                             "USA,,treaty,,,\n"            /* 3 */
                             "USA,KOR,treaty,1990,1980,\n" /* 4 */
                             "USA,PHL,treaty,x,,2\n"       /* 5 */
                             "USA,AUS\n");                 /* 6: too few fields */
    read_list(edges, NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(), "E unreadable edges.csv:6: 2 fields, but the header has 6\n");
    edges = file("edges.csv",
                 "source,target,kind,since,until,weight\n"
                 "USA,JPN,alliance,1960,,\n"
                 "USA,,treaty,,,\n"
                 "USA,KOR,treaty,1990,1980,\n"
                 "USA,PHL,treaty,x,,2\n");
    const char *nodes = file("nodes.csv", "id,label,type\nUSA,United States,country\nJPN,Japan,\nUSA,again,\n,,\n");
    read_list(edges, nodes, NULL, NULL, HS_EINPUT);
    assert_string_equal(
        listing(),
        "E unknown-value nodes.csv:2: node 'USA': unknown type 'country' (expected state or mechanism)\n"
        "E unknown-value edges.csv:2: edge 'USA -- JPN': unknown kind 'alliance' (expected treaty, "
        "access, intelligence, technology, exercise, partnership, dialogue or member)\n"
        "E empty-cell edges.csv:3: column 'target' is empty\n"
        "E duplicate-id nodes.csv:4: duplicate id 'USA' (first at line 2)\n"
        "E reversed-span edges.csv:4: edge 'USA -- KOR': since 1990 > until 1980\n"
        "E bad-year edges.csv:5: edge 'USA -- PHL': since 'x' is not an integer year\n"
        "E weight-out-of-range edges.csv:5: edge 'USA -- PHL': weight 2 is out of range (0, 1]\n");
    /* The blank row of nodes.csv is no row. Callers reading only the last error get the first. */
    assert_string_equal(
        strstr(hs_error_last(), "nodes.csv:2:"),
        "nodes.csv:2: node 'USA': unknown type 'country' (expected state or mechanism) (and 6 more errors)");
}

static void test_table_errors(void **state) {
    (void)state;
    read_list(file("e.csv", "from,to,source\nA,B,C\n"), NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(), "E bad-column e.csv:1: columns 1 and 3 both name 'source'\n");
    read_list(file("e.csv", "a,b\nA,B\n"), NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(),
                        "E missing-column e.csv:1: no column 'source' (or from, tail): an edges file needs one "
                        "(docs/import.md, \"Edge lists\")\n"
                        "E missing-column e.csv:1: no column 'target' (or to, head): an edges file needs one "
                        "(docs/import.md, \"Edge lists\")\n");
    read_list(file("e.csv", "source,target, \nA,B,1\n"), NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(), "E bad-column e.csv:1: column 3 has no name\n");
    read_list(file("e.csv", ""), NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(), "E unreadable e.csv: empty file (no header line)\n");
    read_list(file("e.csv", "source,target\n\"A,B\n"), NULL, NULL, NULL, HS_EINPUT);
    assert_string_equal(listing(),
                        "E unreadable e.csv:3: malformed CSV: a quote inside an unquoted field, text after a "
                        "closing quote, or a quoted field never closed (RFC 4180)\n");
    read_list(file("e.csv", "source,target\nA,B\n"), NULL, NULL, file("g.csv", "attribute,value\ndirected,maybe\n"),
              HS_EINPUT);
    assert_string_equal(listing(), "E unknown-value g.csv:2: directed 'maybe' is not yes or no\n");
    read_list(file("e.csv", "source,target\nA,B\n"), NULL, NULL, file("g.csv", "attribute,value\nhub,A\nhub,B\n"),
              HS_EINPUT);
    assert_string_equal(listing(), "E duplicate-id g.csv:3: attribute 'hub' again (first at line 2)\n");
    read_list(file("e.csv", "source,target,kind\nA,B,treaty\n"), NULL, file("m.csv", "mechanism,state\nB,A\n"), NULL,
              HS_EINPUT);
    assert_string_equal(listing(),
                        "E tie-to-mechanism e.csv:2: edge 'A -- B': a tie of kind treaty cannot involve "
                        "mechanism 'B' (use kind=member for membership)\n");
    /* A members file whose mechanism the nodes file calls a state. */
    read_list(file("e.csv", "source,target\nA,C\n"), file("n.csv", "id,type\nB,state\n"),
              file("m.csv", "mechanism,state\nB,A\n"), NULL, HS_EINPUT);
    assert_string_equal(listing(),
                        "E member-edge m.csv:2: edge 'A -- B': a member edge must end at a mechanism, and 'B' "
                        "is not one (type=mechanism)\n");
}

static void test_error_cap(void **state) {
    (void)state;
    size_t size = 300 * 32 + 64;
    char *text = malloc(size), *p = text;
    assert_non_null(text);
    p += sprintf(p, "source,target,kind\n");
    for (int i = 0; i < 300; i++) p += sprintf(p, "A%d,B%d,bad\n", i, i);
    const char *edges = file("e.csv", text);
    free(text);
    read_list(edges, NULL, NULL, NULL, HS_EINPUT);
    assert_int_equal(hs_diagnostics_count(diags), HS_DIAGNOSTICS_CAP);
    assert_int_equal(hs_diagnostics_error_count(diags), HS_DIAGNOSTICS_CAP + 1);
}

static void test_warnings(void **state) {
    (void)state;
    /* The checks of a file read run on an edge list too, naming the row. */
    const char *edges = file("e.csv",
                             "source,target,kind,untill\n"
                             "SUN,POL,treaty,1980\n"
                             "SUN,HUN,treaty,\n"
                             "SUN,HNU,treaty,\n"
                             "HUN,POL,,\n");
    read_list(edges, file("n.csv", "id,label\nHUN,Hungary\n"), NULL, NULL, HS_OK);
    assert_string_equal(listing(),
                        "W unknown-attribute e.csv:2: edge 'SUN -- POL': unknown attribute 'untill' (did you mean "
                        "'until'?): it is kept as an extra attribute and has no effect\n"
                        "W similar-id e.csv:4: node 'HNU': 'HNU' occurs only here and is one letter from 'HUN' "
                        "(labelled, 2 edges): a typo adds a state of its own (did you mean 'HUN'?)\n"
                        "W untyped-tie e.csv:5: edge 'HUN -- POL': no kind: it counts as 'unspecified', with the "
                        "codebook's depth for it (1.0 by default, as deep as a treaty), while 3 other ties of the file "
                        "have a kind\n");
}

/* ---- export and the round trip ---------------------------------------------------------- */

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf) buf[n] = '\0';
    return buf;
}

static void test_export_round_trip(void **state) {
    (void)state;
    const char *src = getenv("HS_SRC");
    if (!src) {
        skip();
        return;
    }
    static const char *const names[] = {"graphs/asia-pacific.graphml", "graphs/us-japan-rok.graphml"};
    for (size_t k = 0; k < 2; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", src, names[k]);
        hs_model *m = NULL;
        assert_int_equal(hs_model_read_file(path, HS_FORMAT_UNKNOWN, NULL, &m), HS_OK);
        keep(m);
        hs_edgelist_files f = {file("e.csv", NULL), file("n.csv", NULL), file("m.csv", NULL), file("g.csv", NULL)};
        hs_diagnostics_clear(diags);
        assert_int_equal(hs_edgelist_write(m, &f, diags), HS_OK);
        assert_string_equal(listing(), "");
        hs_model *back = read_list(f.edges, f.nodes, f.mechanisms, f.graph, HS_OK);
        assert_string_equal(listing(), "");
        /* The same graph: its GraphML is byte for byte the original's. */
        const char *a = file("a.graphml", NULL), *b = file("b.graphml", NULL);
        assert_int_equal(hs_model_write_file(m, a, HS_FORMAT_GRAPHML), HS_OK);
        assert_int_equal(hs_model_write_file(back, b, HS_FORMAT_GRAPHML), HS_OK);
        char *ta = slurp(a), *tb = slurp(b);
        assert_non_null(ta);
        assert_non_null(tb);
        int same = strcmp(ta, tb) == 0;
        free(ta);
        free(tb);
        assert_true(same);
        /* And exporting it again gives the same tables. */
        char *e1 = slurp(f.edges), *n1 = slurp(f.nodes);
        hs_edgelist_files f2 = {file("e2.csv", NULL), file("n2.csv", NULL), file("m2.csv", NULL), file("g2.csv", NULL)};
        assert_int_equal(hs_edgelist_write(back, &f2, NULL), HS_OK);
        char *e2 = slurp(f2.edges), *n2 = slurp(f2.nodes);
        same = e1 && e2 && n1 && n2 && !strcmp(e1, e2) && !strcmp(n1, n2);
        free(e1);
        free(e2);
        free(n1);
        free(n2);
        assert_true(same);
    }
}

static void test_export_columns_and_losses(void **state) {
    (void)state;
    const char *gml =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"l\" for=\"node\" attr.name=\"label\"/><key id=\"k\" for=\"edge\" attr.name=\"kind\"/>"
        "<key id=\"s\" for=\"edge\" attr.name=\"source\"/><key id=\"n\" for=\"edge\" attr.name=\"note\"/>"
        "<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n"
        "<graph edgedefault=\"directed\">\n"
        "<node id=\"A\"><data key=\"l\"> spaced </data></node><node id=\"Q\"><data key=\"t\">mechanism</data></node>"
        "<node id=\"Z\"/>\n"
        "<edge id=\"e1\" source=\"A\" target=\"B\"><data key=\"k\">treaty</data><data key=\"s\">a, \"b\"</data>"
        "<data key=\"n\">x\ny</data></edge>\n"
        "<edge source=\"A\" target=\"Q\"/><edge source=\"B\" target=\"Q\"/>\n"
        "</graph></graphml>\n";
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(gml, strlen(gml), HS_FORMAT_GRAPHML, "x.graphml", &m), HS_OK);
    keep(m);
    hs_edgelist_files f = {file("e.csv", NULL), NULL, NULL, NULL};
    hs_diagnostics_clear(diags);
    assert_int_equal(hs_edgelist_write(m, &f, diags), HS_OK);
    /* Memberships are kind=member rows; quoting as RFC 4180 says; CRLF. */
    char *text = slurp(f.edges);
    assert_non_null(text);
    int same = !strcmp(text,
                       "source,target,id,kind,since,until,weight,citation,label,note\r\n"
                       "A,B,e1,treaty,,,,\"a, \"\"b\"\"\",,\"x\ny\"\r\n"
                       "A,Q,,member,,,,,,\r\n"
                       "B,Q,,member,,,,,,\r\n");
    if (!same) fprintf(stderr, "%s", text);
    free(text);
    assert_true(same);
    assert_string_equal(listing(),
                        "W not-exported e.csv: the vertices' attributes (labels, types, spans, ...) are not "
                        "written without a nodes table\n"
                        "W not-exported e.csv: 1 vertex in no edge is not written without a nodes table\n"
                        "W not-exported e.csv: the graph is directed, and without a graph table the edge list "
                        "does not say so\n");
    /* Nodes: a value with blanks around it is quoted, so that it comes back whole. */
    f.nodes = file("n.csv", NULL);
    assert_int_equal(hs_edgelist_write(m, &f, NULL), HS_OK);
    text = slurp(f.nodes);
    assert_non_null(text);
    same = !strcmp(text,
                   "id,label,type,role,since,until,kind,scope,issue,weight\r\n"
                   "A,\" spaced \",,,,,,,,\r\n"
                   "Q,,mechanism,,,,,,,\r\n"
                   "Z,,,,,,,,,\r\n"
                   "B,,,,,,,,,\r\n");
    free(text);
    assert_true(same);
    /* Two tables in one file are refused. */
    f.nodes = f.edges;
    assert_int_equal(hs_edgelist_write(m, &f, NULL), HS_EARG);
}

static void test_export_refuses_colliding_names(void **state) {
    (void)state;
    /* An edge attribute 'Kind' would come back as the kind: refused. */
    const char *gml =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"k\" for=\"edge\" attr.name=\"Kind\"/>\n<graph edgedefault=\"undirected\">\n"
        "<edge source=\"A\" target=\"B\"><data key=\"k\">treaty</data></edge>\n</graph></graphml>\n";
    hs_model *m = NULL;
    assert_int_equal(hs_model_read_memory(gml, strlen(gml), HS_FORMAT_GRAPHML, "x.graphml", &m), HS_OK);
    keep(m);
    hs_edgelist_files f = {file("e.csv", NULL), NULL, NULL, NULL};
    unlink(f.edges);
    assert_int_equal(hs_edgelist_write(m, &f, NULL), HS_EINPUT);
    assert_non_null(strstr(hs_error_last(),
                           "e.csv: edge attribute 'Kind' would be read back as the column 'kind' "
                           "(headers match whatever their case): rename it in x.graphml first"));
    assert_int_equal(access(f.edges, F_OK), -1); /* nothing written */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_columns_and_aliases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_row_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_cap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_warnings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_columns_and_losses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_refuses_colliding_names, setup, teardown),
    };
    hs_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
