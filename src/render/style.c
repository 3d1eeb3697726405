/* The figures' colours and text metrics (docs/render.md, "Colours" and
 * "Size and text"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_internal.h"

/* ---- text widths ------------------------------------------------------------------
 *
 * The figures' text is set in Helvetica or a font with its advance widths
 * (RD_FONT: Arial, Liberation Sans, Nimbus Sans, which scripts/setup.sh
 * installs). hubspoke places labels itself, so
 * it needs their widths before Graphviz draws them: these are Helvetica's
 * (Adobe's AFM, in thousandths of the font size) for printable ASCII. Other
 * characters count as the average lower-case letter. */
static const unsigned short helvetica[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, /* space to / */
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                               /* 0-9 */
    278, 278, 584, 584, 584, 556, 1015,                                             /* : to @ */
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                /* A-M */
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                /* N-Z */
    278, 278, 278, 469, 556, 333,                                                   /* [ to ` */
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                /* a-m */
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                /* n-z */
    334, 260, 334, 584,                                                             /* { to ~ */
};

/* Helvetica-Bold is wider by about this much on the mix of ids and digits
 * the figures set in bold (years, headings). */
#define BOLD_WIDER 1.08

double rd_text_width(const char *s, double size, int bold) {
    double units = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 32 && *p < 127)
            units += helvetica[*p - 32];
        else if ((*p & 0xC0) != 0x80) /* one per UTF-8 character, not per byte */
            units += 540;
    }
    return units / 1000.0 * size * (bold ? BOLD_WIDER : 1);
}

/* Break `text` into lines no wider than max_width at `size`, at spaces (a
 * word wider than the line stays whole on its own line). Lines are written
 * to out separated by '\n'; returns the number of lines, *widest the widest. */
size_t rd_wrap(const char *text, double size, double max_width, hs_buf *out, double *widest, hs_error *err) {
    size_t lines = 0;
    *widest = 0;
    const char *p = text;
    hs_buf line = {0};
    *err = HS_OK;
    while (*p && !*err) {
        int space = 0;
        while (*p == ' ') p++, space = 1;
        if (!*p) break;
        /* A word ends at a blank, or after a hyphen inside it, so that a
         * compound ("Australia-Japan-Philippines-US") may break there
         * rather than run past the width. */
        const char *end = p;
        while (*end && *end != ' ') {
            if (*end == '-' && end > p && end[1] && end[1] != ' ') {
                end++;
                break;
            }
            end++;
        }
        hs_buf word = {0};
        *err = hs_buf_append(&word, p, (size_t)(end - p));
        if (!*err) {
            hs_buf trial = {0};
            if (line.len) *err = hs_buf_printf(&trial, "%s%s%s", line.data, space ? " " : "", word.data);
            else *err = hs_buf_puts(&trial, word.data);
            if (!*err && line.len && rd_text_width(trial.data, size, 0) > max_width) {
                /* The line is full: emit it and start the next with the word. */
                if (lines) *err = hs_buf_puts(out, "\n");
                if (!*err) *err = hs_buf_puts(out, line.data);
                *widest = fmax(*widest, rd_text_width(line.data, size, 0));
                lines++;
                line.len = 0;
                if (!*err) *err = hs_buf_puts(&line, word.data);
            } else if (!*err) {
                line.len = 0;
                *err = hs_buf_puts(&line, trial.data);
            }
            hs_buf_free(&trial);
        }
        hs_buf_free(&word);
        p = end;
    }
    if (!*err && line.len) {
        if (lines) *err = hs_buf_puts(out, "\n");
        if (!*err) *err = hs_buf_puts(out, line.data);
        *widest = fmax(*widest, rd_text_width(line.data, size, 0));
        lines++;
    }
    hs_buf_free(&line);
    return lines;
}

/* ---- colours ------------------------------------------------------------------------ */

static int hexval(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static double channel_linear(int v) {
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance of "#rrggbb". */
double rd_luminance(const char *hex) {
    int c[3];
    for (int i = 0; i < 3; i++) c[i] = hexval(hex[1 + 2 * i]) * 16 + hexval(hex[2 + 2 * i]);
    return 0.2126 * channel_linear(c[0]) + 0.7152 * channel_linear(c[1]) + 0.0722 * channel_linear(c[2]);
}

/* The grey of the same luminance, so that a greyscale figure keeps every
 * contrast of the colour one. */
static void grey_of(const char *hex, char out[8]) {
    double l = rd_luminance(hex);
    double s = l <= 0.0031308 ? 12.92 * l : 1.055 * pow(l, 1 / 2.4) - 0.055;
    int g = (int)lround(s * 255);
    if (g < 0) g = 0;
    if (g > 255) g = 255;
    snprintf(out, 8, "#%02x%02x%02x", g, g, g);
}

/* Every "#rrggbb" in `colour` (a colour, or a Graphviz colour list "a:invis:b")
 * as written into the figure: unchanged, or its grey. */
hs_error rd_put_colour(const rd_figure *f, hs_buf *b, const char *colour) {
    if (!f->opt->greyscale) return hs_buf_puts(b, colour);
    for (const char *p = colour; *p;) {
        int hex = p[0] == '#';
        for (int i = 1; hex && i <= 6; i++) hex = hexval(p[i]) >= 0;
        if (hex) {
            char g[8];
            grey_of(p, g);
            if (hs_buf_puts(b, g)) return HS_ENOMEM;
            p += 7;
        } else {
            if (hs_buf_append(b, p, 1)) return HS_ENOMEM;
            p++;
        }
    }
    return HS_OK;
}

/* A line in a light colour darkened until it stands out on white as its
 * box does; dark colours unchanged. */
void rd_line_colour(const char *hex, char out[8]) {
    double l = rd_luminance(hex);
    int c[3];
    for (int i = 0; i < 3; i++) c[i] = hexval(hex[1 + 2 * i]) * 16 + hexval(hex[2 + 2 * i]);
    double k = l > 0.35 ? 0.62 : 1.0;
    snprintf(out, 8, "#%02x%02x%02x", (int)lround(c[0] * k), (int)lround(c[1] * k), (int)lround(c[2] * k));
}

/* Black or white, whichever contrasts more with a fill of luminance l. */
const char *rd_text_on(double l) { return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff"; }

/* Mechanisms: Paul Tol's "muted" qualitative scheme, made to be told apart
 * by readers with any common form of colour blindness
 * (https://personal.sron.nl/~pault/, "Colour schemes"). In greyscale, four
 * greys far enough apart to tell. */
static const char *const mech_palette[] = {"#cc6677", "#332288", "#ddcc77", "#117733", "#88ccee",
                                           "#882255", "#44aa99", "#999933", "#aa4499"};
static const char *const mech_greys[] = {"#404040", "#8a8a8a", "#bdbdbd", "#e8e8e8"};
#define NCOLOURS (sizeof mech_palette / sizeof *mech_palette)
#define NGREYS (sizeof mech_greys / sizeof *mech_greys)
#define NPATTERNS 3 /* solid, dashed, dotted */

/* FNV-1a: a mechanism's preferred colour depends on its id alone. */
static unsigned long id_hash(const char *s) {
    unsigned long h = 2166136261UL;
    for (; *s; s++) h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xffffffffUL;
    return h;
}

static int spans_overlap(const hs_model *m, size_t a, size_t b) {
    return hs_vertex_since(m, a) < hs_vertex_until(m, b) && hs_vertex_since(m, b) < hs_vertex_until(m, a);
}

static const hs_model *order_model; /* qsort has no context argument */
static int by_end(const void *x, const void *y) {
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int ea = hs_vertex_until(order_model, a), eb = hs_vertex_until(order_model, b);
    int sa = hs_vertex_since(order_model, a), sb = hs_vertex_since(order_model, b);
    if (ea != eb) return ea > eb ? -1 : 1;
    if (sa != sb) return sa < sb ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* A slot is a colour and a line pattern. Each mechanism of the file takes
 * one no other mechanism of the file has, so that it looks the same in every
 * figure drawn from the file and differs from every other in any of them.
 * Mechanisms are taken from the last to end (those still active first) to
 * the first; each takes the first colour, counting on from its id's hash,
 * that no mechanism active in any of the same years has taken, solid while
 * such a colour is free in the solid pattern, else dashed, else dotted.
 * Mechanisms that are never active together may so share a colour in
 * different patterns, and mechanisms active together share a colour only
 * when there are more of them than colours: colouring intervals in order of
 * their ends uses the fewest colours there can be. Patterns fall to the
 * mechanisms that ended longest ago. */
static hs_error assign(const hs_model *m, int greyscale, long *slot) {
    size_t nv = hs_model_vertex_count(m), ncol = greyscale ? NGREYS : NCOLOURS, nslots = ncol * NPATTERNS;
    unsigned char *taken = hs_calloc(nslots, 1), *near = hs_calloc(ncol, 1);
    size_t *order = hs_calloc(nv ? nv : 1, sizeof *order), n = 0, used = 0;
    if (!taken || !near || !order) {
        free(taken), free(near), free(order);
        return HS_ENOMEM;
    }
    for (size_t i = 0; i < nv; i++) {
        slot[i] = -1;
        if (hs_vertex_type_of(m, i) == HS_VERTEX_MECHANISM) order[n++] = i;
    }
    order_model = m;
    qsort(order, n, sizeof *order, by_end);
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        unsigned long h = id_hash(hs_vertex_id(m, i));
        if (used == nslots) { /* every slot taken: the ids tell them apart */
            slot[i] = (long)(h % nslots);
            continue;
        }
        memset(near, 0, ncol);
        for (size_t j = 0; j < k; j++) {
            if (slot[order[j]] >= 0 && spans_overlap(m, i, order[j])) near[(size_t)slot[order[j]] % ncol] = 1;
        }
        long found = -1;
        for (int pass = 0; pass < 2 && found < 0; pass++) {
            for (size_t p = 0; p < NPATTERNS && found < 0; p++) {
                for (size_t c = 0; c < ncol && found < 0; c++) {
                    size_t colour = (h + c) % ncol;
                    if ((pass == 0 && near[colour]) || taken[p * ncol + colour]) continue;
                    found = (long)(p * ncol + colour);
                }
            }
        }
        taken[found] = 1;
        used++;
        slot[i] = found;
    }
    free(taken);
    free(near);
    free(order);
    return HS_OK;
}

hs_error rd_mechanism_styles(rd_figure *f) {
    const hs_model *m = f->m;
    long *slot = hs_calloc(f->nv ? f->nv : 1, sizeof *slot);
    if (!slot) return HS_ENOMEM;
    hs_error err = assign(m, f->opt->greyscale, slot);
    size_t ncol = f->opt->greyscale ? NGREYS : NCOLOURS;
    for (size_t i = 0; !err && i < f->nv; i++) {
        if (slot[i] < 0) continue;
        const char *c = f->opt->greyscale ? mech_greys[(size_t)slot[i] % ncol] : mech_palette[(size_t)slot[i] % ncol];
        snprintf(f->mstyle[i].fill, sizeof f->mstyle[i].fill, "%s", c);
        snprintf(f->mstyle[i].text, sizeof f->mstyle[i].text, "%s", rd_text_on(rd_luminance(c)));
        f->mstyle[i].pattern = (int)((size_t)slot[i] / ncol);
    }
    free(slot);
    return err;
}

hs_error hs_render_mechanism_colour(const hs_model *model, size_t vertex, int greyscale, char buf[8], int *pattern) {
    if (vertex >= hs_model_vertex_count(model) || hs_vertex_type_of(model, vertex) != HS_VERTEX_MECHANISM)
        return hs_error_set(HS_EARG, "vertex %zu is not a mechanism", vertex);
    long *slot = hs_calloc(hs_model_vertex_count(model), sizeof *slot);
    if (!slot) return HS_ENOMEM;
    hs_error err = assign(model, greyscale, slot);
    if (!err) {
        size_t ncol = greyscale ? NGREYS : NCOLOURS;
        snprintf(buf, 8, "%s", greyscale ? mech_greys[(size_t)slot[vertex] % ncol] : mech_palette[(size_t)slot[vertex] % ncol]);
        if (pattern) *pattern = (int)((size_t)slot[vertex] / ncol);
    }
    free(slot);
    return err;
}

const char *rd_pattern_style(int pattern) { return pattern == 1 ? "dashed" : pattern == 2 ? "dotted" : "solid"; }
