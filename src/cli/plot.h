/* Time-series charts drawn by gnuplot (Debian package gnuplot-nox): the
 * program is run without a shell on a script hubspoke writes, and the chart
 * goes to a temporary file beside OUT renamed into place when complete. Its
 * size is physical: an SVG or PDF `width` points wide, its text at
 * `font_size` points (docs/compare.md, "Charts"). Rows that are years are
 * joined by lines; rows that are files are separate points. */
#ifndef HS_CLI_PLOT_H
#define HS_CLI_PLOT_H

#include <stddef.h>

#include "hubspoke/error.h"

typedef struct hs_plot_series {
    const char *title;
    const double *y; /* n values; NaN: no value (a gap in the line) */
    int count;       /* a count: on the right-hand axis whatever its values */
    const char *unit; /* what its values count or measure ("states", "depth"), for the right-hand axis; NULL: "count" */
    double lo, hi;   /* the range the measure is defined on (0, 1 or -1, 1); NaN, NaN: its values' */
    const double *band_lo, *band_hi; /* n values each: an interval drawn as a band under the line, or NULL */
} hs_plot_series;

typedef struct hs_plot_mark { /* a vertical line with a label */
    double x;
    const char *label;
    int end;         /* 0: mechanisms started (dashed grey), 1: ended (dotted red) */
} hs_plot_mark;

typedef struct hs_plot {
    const char *title, *xlabel;
    size_t n;
    const double *x;
    const char *const *xtics; /* labels of the n points (files), or NULL: x is numeric (years) */
    size_t nseries;
    const hs_plot_series *series;
    size_t nmarks;
    const hs_plot_mark *marks;
    double width;        /* points; 0: HS_PLOT_WIDTH */
    double font_size;    /* points at that width; 0: HS_PLOT_FONT_SIZE */
    double dpi;          /* PNG; 0: 192 */
    int greyscale;       /* greys, each series in its own dash pattern */
} hs_plot;

#define HS_PLOT_WIDTH 720.0 /* 10 in; the height is 0.56 of the width */
#define HS_PLOT_FONT_SIZE 10.0

/* Is the extension of path one gnuplot writes (.svg, .png, .pdf)? */
int hs_plot_format_ok(const char *path);
hs_error hs_plot_write(const char *path, const hs_plot *plot);

#endif
