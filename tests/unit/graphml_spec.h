/* Small undirected test graphs written as lines, shared by the unit tests
 * (include after cmocka.h, stdio.h, stdlib.h and string.h). The hub is H. */
#ifndef HS_TEST_GRAPHML_SPEC_H
#define HS_TEST_GRAPHML_SPEC_H

/* An undirected GraphML file from "A B kind [weight]" lines and mechanism
 * lines "@M kind scope [w=0.5] A B C" (w: the mechanism's own weight). */
static inline char *graphml(const char *spec) {
    size_t cap = 8192 + 8 * strlen(spec);
    char *out = malloc(cap), *p = out;
    p += sprintf(p, "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                    "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
                    "<key id=\"mk\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                    "<key id=\"ms\" for=\"node\" attr.name=\"scope\" attr.type=\"string\"/>\n"
                    "<key id=\"mw\" for=\"node\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                    "<key id=\"h\" for=\"graph\" attr.name=\"hub\" attr.type=\"string\"/>\n"
                    "<graph edgedefault=\"undirected\"><data key=\"h\">H</data>\n");
    char *copy = strdup(spec), *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char a[32], b[32], kind[32], scope[32], members[256];
        double w;
        if (line[0] == '@') {
            int n = 0;
            sscanf(line + 1, "%31s %31s %31s %n", a, kind, scope, &n);
            p += sprintf(p, "<node id=\"%s\"><data key=\"t\">mechanism</data><data key=\"mk\">%s</data>"
                            "<data key=\"ms\">%s</data>", a, kind, scope);
            int m = 0;
            if (sscanf(line + 1 + n, "w=%lf %n", &w, &m) == 1) {
                p += sprintf(p, "<data key=\"mw\">%.17g</data>", w);
                n += m;
            }
            p += sprintf(p, "</node>\n");
            snprintf(members, sizeof members, "%s", line + 1 + n);
            char *s2 = NULL;
            for (char *mem = strtok_r(members, " ", &s2); mem; mem = strtok_r(NULL, " ", &s2))
                p += sprintf(p, "<edge source=\"%s\" target=\"%s\"><data key=\"k\">member</data></edge>\n", mem, a);
            continue;
        }
        int n = sscanf(line, "%31s %31s %31s %lf", a, b, kind, &w);
        p += sprintf(p, "<edge source=\"%s\" target=\"%s\"><data key=\"k\">%s</data>", a, b, kind);
        if (n == 4) p += sprintf(p, "<data key=\"w\">%.17g</data>", w);
        p += sprintf(p, "</edge>\n");
    }
    free(copy);
    sprintf(p, "</graph></graphml>\n");
    return out;
}

#endif
