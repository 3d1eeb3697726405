/* Charts through gnuplot (plot.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/plot.h"

extern char **environ;

typedef enum { PLOT_SVG, PLOT_PNG, PLOT_PDF, PLOT_NONE } plot_format;

static plot_format format_of(const char *path) {
    static const char *const exts[] = {".svg", ".png", ".pdf"};
    size_t len = strlen(path);
    for (int i = 0; i < 3; i++) {
        if (len > 4 && strcasecmp(path + len - 4, exts[i]) == 0) return (plot_format)i;
    }
    return PLOT_NONE;
}

int hs_plot_format_ok(const char *path) { return format_of(path) != PLOT_NONE; }

/* A gnuplot single-quoted string: a quote is written twice. */
static void quoted(FILE *f, const char *s) {
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'') fputc('\'', f);
        if (*s != '\n' && *s != '\r') fputc(*s, f);
    }
    fputc('\'', f);
}

/* Counts and series whose values leave [-1, 1] go on the right-hand axis, so
 * that they do not flatten the indices nor read as shares. */
static int on_y2(const hs_plot *p, size_t s) {
    if (p->series[s].count) return 1;
    if (isfinite(p->series[s].lo)) return p->series[s].lo < -1 || p->series[s].hi > 1;
    for (size_t i = 0; i < p->n; i++) {
        double y = p->series[s].y[i];
        if (isfinite(y) && (y < -1 || y > 1)) return 1;
    }
    return 0;
}

/* The right-hand axis's label: the units of the series on it, each once, in
 * the order drawn ("states", "depth", "states, depth"), so that a sum of
 * depths is not read as a count. */
static void y2_label(FILE *f, const hs_plot *p) {
    char label[256] = "";
    size_t len = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (!on_y2(p, s)) continue;
        const char *unit = p->series[s].unit && *p->series[s].unit ? p->series[s].unit : "count";
        int seen = 0;
        for (size_t r = 0; r < s && !seen; r++) {
            const char *u = p->series[r].unit && *p->series[r].unit ? p->series[r].unit : "count";
            seen = on_y2(p, r) && strcmp(u, unit) == 0;
        }
        if (seen) continue;
        int w = snprintf(label + len, sizeof label - len, "%s%s", len ? ", " : "", unit);
        if (w < 0 || (size_t)w >= sizeof label - len) break; /* the units that fit */
        len += (size_t)w;
    }
    quoted(f, label);
}

/* The terminal: the chart `w` x `h` points with type at `pt` points. SVG:
 * gnuplot's units become points when its size is stated in pt (below);
 * PNG: pixels at `dpi`, type and lines scaled to match; PDF: inches. */
static void terminal(FILE *f, plot_format fmt, double w, double h, double pt, double dpi) {
    switch (fmt) {
    case PLOT_SVG:
        fprintf(f, "set terminal svg size %.0f,%.0f noenhanced font 'Helvetica,%g' background rgb 'white'\n", w, h, pt);
        break;
    case PLOT_PNG: {
        double k = dpi / 72;
        fprintf(f,
                "set terminal pngcairo size %.0f,%.0f noenhanced font 'Helvetica,%g' linewidth %g pointscale %g "
                "background rgb 'white'\n",
                w * k, h * k, pt * k, k, k);
        break;
    }
    default: fprintf(f, "set terminal pdfcairo size %gin,%gin noenhanced font 'Helvetica,%g'\n", w / 72, h / 72, pt);
    }
}

/* The left axis: the union of the ranges its measures are defined on (the
 * indices and shares 0 to 1; a measure like the E-I index -1 to 1), so that
 * the axis shows where each could lie, and a label saying which. */
static void left_axis(const hs_plot *p, double *lo, double *hi, int *only_indices) {
    *lo = 0, *hi = 1, *only_indices = 1;
    for (size_t s = 0; s < p->nseries; s++) {
        if (on_y2(p, s)) continue;
        *only_indices &= s < 3;
        double slo = p->series[s].lo, shi = p->series[s].hi;
        if (!isfinite(slo)) { /* no declared range: its values', outwards to a half */
            slo = 0, shi = 1;
            for (size_t i = 0; i < p->n; i++) {
                double y = p->series[s].y[i];
                if (isfinite(y)) slo = fmin(slo, floor(y * 2) / 2), shi = fmax(shi, ceil(y * 2) / 2);
                const double *b[2] = {p->series[s].band_lo, p->series[s].band_hi};
                for (int k = 0; k < 2; k++) /* the band stays on the axis too */
                    if (b[k] && isfinite(b[k][i])) slo = fmin(slo, floor(b[k][i] * 2) / 2), shi = fmax(shi, ceil(b[k][i] * 2) / 2);
            }
        }
        *lo = fmin(*lo, slo);
        *hi = fmax(*hi, shi);
    }
}

static void write_script(FILE *f, const hs_plot *p, plot_format fmt, const char *output) {
    static const char *const colours[] = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93",
                                          "#00798c", "#8d6346", "#444444", "#e07a5f", "#3d405b"};
    double w = p->width > 0 ? p->width : HS_PLOT_WIDTH, h = round(w * 0.56);
    double pt = p->font_size > 0 ? p->font_size : HS_PLOT_FONT_SIZE, dpi = p->dpi > 0 ? p->dpi : 192;
    terminal(f, fmt, w, h, pt, dpi);
    /* Type sizes given in the script are pixels in a PNG. */
    double px = fmt == PLOT_PNG ? dpi / 72 : 1;
    fputs("set output ", f);
    quoted(f, output);
    /* NaN is left undefined (not `missing`): the line breaks there rather than
     * joining across years where a measure has no value. */
    fputs("\nset encoding utf8\n", f);
    if (p->title) {
        fputs("set title ", f);
        quoted(f, p->title);
        fputc('\n', f);
    }
    double lo, hi;
    int only_indices;
    left_axis(p, &lo, &hi, &only_indices);
    fputs("set xlabel ", f);
    quoted(f, p->xlabel ? p->xlabel : "");
    if (only_indices)
        fprintf(f, "\nset ylabel 'index (%g to %g)'\n", lo, hi);
    else
        fprintf(f, "\nset ylabel 'index or measure (%g to %g)'\n", lo, hi);
    fputs(
        "set key outside right top vertical Left reverse noautotitle\n"
        "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n",
        f);
    double xlo = INFINITY, xhi = -INFINITY, y2hi = 1;
    int any_y2 = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (!on_y2(p, s)) continue;
        any_y2 = 1;
        for (size_t i = 0; i < p->n; i++) {
            if (isfinite(p->series[s].y[i])) y2hi = fmax(y2hi, p->series[s].y[i]);
            if (p->series[s].band_hi && isfinite(p->series[s].band_hi[i])) y2hi = fmax(y2hi, p->series[s].band_hi[i]);
        }
    }
    for (size_t i = 0; i < p->n; i++) {
        xlo = fmin(xlo, p->x[i]);
        xhi = fmax(xhi, p->x[i]);
    }
    /* Room at the top for the labels, set upright, as long as the longest:
     * a character is about 0.6 of the type's size, the plot about 0.75 of
     * the chart's height. */
    size_t longest = 0;
    for (size_t k = 0; k < p->nmarks; k++)
        longest = strlen(p->marks[k].label) > longest ? strlen(p->marks[k].label) : longest;
    double top = p->nmarks ? fmin(0.6, 0.04 + 0.6 * pt * (double)longest / (0.75 * h)) : 0.05 / 1.05;
    double room = top / (1 - top);
    fprintf(f, "set yrange [%g:%g]\n", lo, hi + room * (hi - lo));
    /* No tics in the room above the data: hi is the measures' ceiling. */
    fprintf(f, "set ytics %g, %g, %g\n", lo, hi - lo > 1 ? 0.5 : 0.2, hi);
    if (lo < 0) fputs("set xzeroaxis lt 1 lc rgb '#999999' lw 1\n", f);
    if (p->n) fprintf(f, "set xrange [%.17g:%.17g]\n", xlo - 0.5, xhi + 0.5);
    if (any_y2) {
        fputs("set y2label ", f);
        y2_label(f, p);
        fprintf(f, "\nset y2tics 0, %g, %g\nset y2range [0:%g]\nset border 11\n",
                y2hi > 10 ? ceil(y2hi / 50) * 10 : 1, y2hi, y2hi * (1 + room));
    }
    if (p->xtics) {
        fputs("set xtics rotate by -30 (", f);
        for (size_t i = 0; i < p->n; i++) {
            fputs(i ? ", " : "", f);
            quoted(f, p->xtics[i]);
            fprintf(f, " %.17g", p->x[i]);
        }
        fputs(")\n", f);
    } else if (p->n && xhi - xlo > 30) {
        fputs("set xtics 10\nset mxtics 2\n", f);
    } else if (p->n && xhi - xlo > 12) {
        fputs("set xtics 2\n", f);
    } else {
        fputs("set xtics 1\n", f);
    }
    /* Starts and ends of mechanisms: dashed grey and dotted red lines, each
     * with its label beside it. Labels of marks in neighbouring years would
     * overprint: each is pushed right of the one before by the height of a
     * line of type, on the plot's width (about 0.62 of the chart's, the key
     * taking the rest). */
    double lpt = pt, per_x = 0.62 * w / (xhi - xlo + 1), placed = -INFINITY; /* no text below the type size */
    int any_start = 0, any_end = 0;
    for (size_t k = 0; k < p->nmarks; k++) {
        const hs_plot_mark *mk = &p->marks[k];
        const char *col = mk->end ? (p->greyscale ? "#444444" : "#b2182b") : "#999999";
        any_start |= !mk->end;
        any_end |= mk->end;
        fprintf(f, "set arrow from %.17g, graph 0 to %.17g, graph %g nohead dt %d lw 1 lc rgb '%s'\n", mk->x, mk->x,
                1 - top - 0.005, mk->end ? 3 : 2, col);
        double at = (mk->x - xlo) * per_x + 0.3 * lpt; /* just right of its line */
        if (at < placed + 1.15 * lpt) at = placed + 1.15 * lpt;
        placed = at;
        double shift = (at - (mk->x - xlo) * per_x) / (0.6 * lpt); /* in character widths */
        fputs("set label ", f);
        quoted(f, mk->label);
        fprintf(f, " at %.17g, graph %g rotate by 90 left offset %.2f,0 font ',%g' tc rgb '%s'\n", mk->x,
                1 - top + 0.03, shift - 0.5, lpt * px, mk->end && !p->greyscale ? "#b2182b" : "#555555");
    }
    fputs("$data << EOD\n", f);
    for (size_t i = 0; i < p->n; i++) {
        fprintf(f, "%.17g", p->x[i]);
        for (size_t s = 0; s < p->nseries; s++) {
            double y = p->series[s].y[i];
            if (isfinite(y))
                fprintf(f, " %.17g", y);
            else
                fputs(" NaN", f);
        }
        /* The bands' bounds follow the lines' values, two columns a band. */
        for (size_t s = 0; s < p->nseries; s++) {
            if (!p->series[s].band_lo || !p->series[s].band_hi) continue;
            double a = p->series[s].band_lo[i], b = p->series[s].band_hi[i];
            if (isfinite(a) && isfinite(b)) fprintf(f, " %.17g %.17g", a, b);
            else fputs(" NaN NaN", f);
        }
        fputc('\n', f);
    }
    /* Rows that are files are not a series in time: points, not lines. */
    int points = p->xtics != NULL;
    fputs("EOD\nplot ", f);
    /* Greyscale: greys from dark to light, each series its own dash pattern
     * (counts on the right-hand axis keep theirs). */
    static const char *const greys[] = {"#000000", "#555555", "#888888", "#333333", "#777777", "#aaaaaa"};
    /* Bands first, under the lines, in the lines' colours. */
    size_t column = p->nseries + 2, drawn = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (!p->series[s].band_lo || !p->series[s].band_hi) continue;
        fprintf(f, "%s$data using 1:%zu:%zu axes x1y%d with filledcurves fc rgb '%s' fs transparent solid 0.18 "
                   "noborder notitle",
                drawn++ ? ", \\\n     " : "", column, column + 1, on_y2(p, s) ? 2 : 1,
                p->greyscale ? greys[s % (sizeof greys / sizeof *greys)] : colours[s % (sizeof colours / sizeof *colours)]);
        column += 2;
    }
    for (size_t s = 0; s < p->nseries; s++) {
        const char *c =
            p->greyscale ? greys[s % (sizeof greys / sizeof *greys)] : colours[s % (sizeof colours / sizeof *colours)];
        int y2 = on_y2(p, s);
        if (points)
            fprintf(f, "%s$data using 1:%zu axes x1y%d with points pt %d ps 1.2 lc rgb '%s' title ",
                    s || drawn ? ", \\\n     " : "", s + 2, y2 ? 2 : 1, (int)(s % 6) * 2 + 5, c);
        else /* K, U, C from thick to thin, so that one drawn over another
              * with the same values (K and C at 1) still shows at its edges */
            fprintf(f, "%s$data using 1:%zu axes x1y%d with linespoints lw %.1f pt 7 ps %.2f lc rgb '%s' dt %d title ",
                    s || drawn ? ", \\\n     " : "", s + 2, y2 ? 2 : 1, s < 3 ? 4.0 - (double)s : 1.2,
                    (p->n > 40 ? 0.5 : 1.0) * (s < 3 ? 0.9 - 0.2 * (double)s : 0.4), c,
                    p->greyscale && !y2 ? (int)(s % 5) + 1
                    : y2                ? 2
                                        : 1);
        quoted(f, p->series[s].title);
    }
    /* The marks in the key. */
    if (any_start) fputs(", \\\n     NaN with lines dt 2 lw 1 lc rgb '#999999' title 'mechanism started'", f);
    if (any_end)
        fprintf(f, ", \\\n     NaN with lines dt 3 lw 1 lc rgb '%s' title 'mechanism ended'",
                p->greyscale ? "#444444" : "#b2182b");
    fputc('\n', f);
}

/* gnuplot's SVG states its size without a unit (CSS pixels): state it in
 * points, so that one unit of the drawing is one point and its text is the
 * size asked for. */
static hs_error svg_in_points(const char *path) {
    FILE *in = fopen(path, "rb");
    if (!in) return hs_error_set(HS_EIO, "%s: cannot read: %s", path, strerror(errno));
    char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            char *q = realloc(data, cap = cap * 2 + 65536);
            if (!q) {
                free(data);
                fclose(in);
                return hs_error_set(HS_ENOMEM, "out of memory");
            }
            data = q;
        }
        size_t got = fread(data + len, 1, cap - len, in);
        len += got;
        if (got == 0) break;
    }
    fclose(in);
    if (data) data[len] = '\0'; /* the last read left room */
    hs_error err = HS_OK;
    char *root = data ? strstr(data, "<svg") : NULL;
    double w, h;
    char *wa = root ? strstr(root, " width=\"") : NULL;
    if (!wa || sscanf(wa, " width=\"%lf\" height=\"%lf\"", &w, &h) != 2) {
        free(data);
        return hs_error_set(HS_EIO, "--plot: gnuplot's SVG has no size");
    }
    char *after = strchr(strstr(wa, "height=\"") + 8, '"') + 1;
    FILE *out = fopen(path, "wb");
    if (!out) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (!err) {
        fwrite(data, 1, (size_t)(wa - data), out);
        fprintf(out, " width=\"%gpt\" height=\"%gpt\"", w, h);
        fwrite(after, 1, len - (size_t)(after - data), out);
        if (fclose(out) != 0) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    }
    free(data);
    return err;
}

/* The last line gnuplot printed on stderr, for the error message. */
static void last_line(const char *path, char *buf, size_t size) {
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        size_t start = strspn(line, " \t^");
        if (line[start]) snprintf(buf, size, "%s", line + start);
    }
    fclose(f);
}

hs_error hs_plot_write(const char *path, const hs_plot *p) {
    plot_format fmt = format_of(path);
    if (fmt == PLOT_NONE) return hs_error_set(HS_EARG, "--plot '%s': the name must end in .svg, .png or .pdf", path);
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    char script[4096], errors[4096], output[4096];
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    if (snprintf(output, sizeof output, "%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path) >=
            (int)sizeof output ||
        snprintf(script, sizeof script, "%s/hubspoke-plot.XXXXXX", tmpdir) >= (int)sizeof script ||
        snprintf(errors, sizeof errors, "%s/hubspoke-plot-err.XXXXXX", tmpdir) >= (int)sizeof errors)
        return hs_error_set(HS_EARG, "--plot '%s': the name is too long", path);
    int fd_out = mkostemp(output, O_CLOEXEC);
    if (fd_out < 0) return hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    /* The chart gets the permissions any new file would, not mkstemp's 0600. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd_out, 0666 & ~mask) != 0) {
    } /* a chart readable by its owner only still works */
    close(fd_out);
    int fd_script = mkostemp(script, O_CLOEXEC), fd_err = fd_script >= 0 ? mkostemp(errors, O_CLOEXEC) : -1;
    hs_error err = HS_OK;
    if (fd_script < 0 || fd_err < 0) {
        err = hs_error_set(HS_EIO, "%s: cannot write: %s", tmpdir, strerror(errno));
        if (fd_script >= 0) {
            close(fd_script);
            unlink(script);
        }
        unlink(output);
        return err;
    }
    FILE *f = fdopen(fd_script, "w");
    if (f) {
        write_script(f, p, fmt, output);
        if (fclose(f) != 0) err = hs_error_set(HS_EIO, "%s: cannot write: %s", script, strerror(errno));
    } else {
        close(fd_script);
        err = hs_error_set(HS_ENOMEM, "out of memory");
    }
    posix_spawn_file_actions_t fa;
    pid_t pid = 0;
    if (!err) {
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, fd_err, 2);
        char *argv[] = {"gnuplot", script, NULL};
        int rc = posix_spawnp(&pid, "gnuplot", &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc == ENOENT)
            err = hs_error_set(HS_EIO,
                               "--plot: gnuplot is not installed; install it (Debian: apt-get install "
                               "gnuplot-nox) or leave out --plot");
        else if (rc)
            err = hs_error_set(HS_EIO, "--plot: cannot run gnuplot: %s", strerror(rc));
    }
    close(fd_err);
    if (!err) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            char line[512];
            last_line(errors, line, sizeof line);
            err = hs_error_set(HS_EIO, "--plot: gnuplot failed%s%s", line[0] ? ": " : "", line);
        }
    }
    if (!err && fmt == PLOT_SVG) err = svg_in_points(output);
    if (!err && rename(output, path) != 0) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (err) unlink(output);
    unlink(script);
    unlink(errors);
    return err;
}
