/* `hubspoke-dot render`: Graphviz lays out and draws a graph that hubspoke
 * wrote. hubspoke never links Graphviz (README, "Licensing"), so everything
 * that needs gvc happens here, and the drawing goes back through a pipe. */
#include "render.h"

#include <string.h>

#include <gvc.h>

/* Graphviz names: png and pdf from the cairo plugin (anti-aliased, embedded
 * fonts), svg from the core plugin, which writes the `id` and `class`
 * attributes hubspoke's tests look for. */
static const struct {
    const char *name, *graphviz;
} formats[] = {
    {"svg", "svg:svg:core"}, {"png", "png:cairo"}, {"pdf", "pdf:cairo"},
    {"json", "json"},        {"dot", "dot"},
};

static const char *const engines[] = {"neato", "fdp", "sfdp", "dot", "circo", "twopi", "nop", "nop2"};

static const char *graphviz_format(const char *format)
{
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(format, formats[i].name) == 0)
            return formats[i].graphviz;
    return NULL;
}

int hs_dot_format_known(const char *format)
{
    return graphviz_format(format) != NULL;
}

int hs_dot_engine_known(const char *engine)
{
    for (size_t i = 0; i < sizeof engines / sizeof *engines; i++)
        if (strcmp(engine, engines[i]) == 0)
            return 1;
    return 0;
}

int hs_dot_render(Agraph_t *g, const char *engine, const char *format, buf_t *out, buf_t *err)
{
    GVC_t *gvc = gvContext();
    if (!gvc) {
        buf_puts(err, "cannot start Graphviz");
        return -1;
    }
    int rc = -1;
    if (gvLayout(gvc, g, engine) != 0) {
        /* The engine's plugin is missing (the package that holds it). */
        if (err->len == 0)
            buf_printf(err, "Graphviz has no layout engine '%s' (is the graphviz package installed?)", engine);
    } else {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, g, graphviz_format(format), &data, &len) != 0 || !data) {
            buf_printf(err, "Graphviz cannot write %s (is the graphviz package with its cairo plugin installed?)",
                       format);
        } else {
            buf_add(out, data, len);
            rc = 0;
        }
        gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    gvFreeContext(gvc);
    return rc;
}

#ifdef HS_SANITIZE
/* LeakSanitizer (the -DHUBSPOKE_SANITIZE build) on Graphviz 2.42's own leaks,
 * which the helper cannot free: the plugin configuration gvContext() reads
 * (gvconfig), fontconfig's caches, HTML-like labels (htmlparse, and pango's
 * markup parser), and neato's layout state (scan_graph_mode in nop mode and
 * frames without symbols in its plugin). Stacks are walked slowly so that the
 * named frames are seen through Graphviz's libraries, which have no frame
 * pointers. The helper's own buffers and the parse are still checked, as is
 * to-graphml, which never loads gvc. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:gvconfig\nleak:libfontconfig.so\nleak:htmlparse\nleak:pango_parse_markup\n"
           "leak:scan_graph_mode\nleak:libgvplugin_neato_layout.so\n";
}
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "fast_unwind_on_malloc=0:print_suppressions=0";
}
#endif
