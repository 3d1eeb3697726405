/* Time-series charts drawn by gnuplot (Debian package gnuplot-nox): the
 * program is run without a shell on a script hubspoke writes, and the chart
 * goes to a temporary file beside OUT renamed into place when complete. */
#ifndef HS_CLI_PLOT_H
#define HS_CLI_PLOT_H

#include <stddef.h>

#include "hubspoke/error.h"

typedef struct hs_plot_series {
    const char *title;
    const double *y; /* n values; NaN: no value (a gap in the line) */
    int count;       /* a count: on the right-hand axis whatever its values */
    const double *lo, *hi; /* n values each: an interval drawn as a band under the line, or NULL */
} hs_plot_series;

typedef struct hs_plot_mark { /* a dashed vertical line with a label */
    double x;
    const char *label;
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
} hs_plot;

/* Is the extension of path one gnuplot writes (.svg, .png, .pdf)? */
int hs_plot_format_ok(const char *path);
hs_error hs_plot_write(const char *path, const hs_plot *plot);

#endif
