/* A GraphML document around a test body, shared by the unit tests.
 * GU()/GD() wrap a body in a GraphML document (undirected/directed) that
 * declares every schema attribute plus `color`. The header is 16 lines: the
 * body's first line is line 17 of the document. */
#ifndef HS_TEST_GRAPHML_FIXTURE_H
#define HS_TEST_GRAPHML_FIXTURE_H

#define GML_HEAD(dir)                                                                  \
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                     \
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"                      \
    "<key id=\"label\" for=\"all\" attr.name=\"label\" attr.type=\"string\"/>\n"       \
    "<key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"        \
    "<key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"        \
    "<key id=\"since\" for=\"all\" attr.name=\"since\" attr.type=\"int\"/>\n"          \
    "<key id=\"until\" for=\"all\" attr.name=\"until\" attr.type=\"int\"/>\n"          \
    "<key id=\"kind\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n"         \
    "<key id=\"scope\" for=\"node\" attr.name=\"scope\" attr.type=\"string\"/>\n"      \
    "<key id=\"issue\" for=\"node\" attr.name=\"issue\" attr.type=\"string\"/>\n"      \
    "<key id=\"weight\" for=\"all\" attr.name=\"weight\" attr.type=\"double\"/>\n"     \
    "<key id=\"source\" for=\"edge\" attr.name=\"source\" attr.type=\"string\"/>\n"    \
    "<key id=\"hub\" for=\"graph\" attr.name=\"hub\" attr.type=\"string\"/>\n"         \
    "<key id=\"period\" for=\"graph\" attr.name=\"period\" attr.type=\"string\"/>\n"   \
    "<key id=\"color\" for=\"all\" attr.name=\"color\" attr.type=\"string\"/>\n"       \
    "<graph id=\"g\" edgedefault=\"" dir "\">\n"
#define GML_TAIL "</graph>\n</graphml>\n"
#define GU(body) GML_HEAD("undirected") body GML_TAIL
#define GD(body) GML_HEAD("directed") body GML_TAIL

#endif
