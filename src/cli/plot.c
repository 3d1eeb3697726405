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

static const char *const terminals[][2] = {
    {".svg", "svg size 1000,560 dynamic noenhanced font 'Sans,12' background rgb 'white'"},
    {".png", "pngcairo size 1200,680 noenhanced font 'Sans,11' background rgb 'white'"},
    {".pdf", "pdfcairo size 10in,5.6in noenhanced font 'Sans,10'"}};

static const char *terminal(const char *path) {
    size_t len = strlen(path);
    for (size_t i = 0; i < sizeof terminals / sizeof *terminals; i++) {
        if (len > 4 && strcasecmp(path + len - 4, terminals[i][0]) == 0) return terminals[i][1];
    }
    return NULL;
}

int hs_plot_format_ok(const char *path) { return terminal(path) != NULL; }

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
    for (size_t i = 0; i < p->n; i++) {
        double y = p->series[s].y[i];
        if (isfinite(y) && (y < -1 || y > 1)) return 1;
    }
    return 0;
}

static void write_script(FILE *f, const hs_plot *p, const char *term, const char *output) {
    static const char *const colours[] = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93",
                                          "#00798c", "#8d6346", "#444444", "#e07a5f", "#3d405b"};
    fprintf(f, "set terminal %s\nset output ", term);
    quoted(f, output);
    /* NaN is left undefined (not `missing`): the line breaks there rather than
     * joining across years where a measure has no value. */
    fputs("\nset encoding utf8\n", f);
    if (p->title) {
        fputs("set title ", f);
        quoted(f, p->title);
        fputc('\n', f);
    }
    fputs("set xlabel ", f);
    quoted(f, p->xlabel ? p->xlabel : "");
    fputs("\nset ylabel 'index (0..1)'\nset key outside right top vertical Left reverse noautotitle\n"
          "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n",
          f);
    double lo = 0, hi = 1, xlo = INFINITY, xhi = -INFINITY, y2hi = 1;
    int any_y2 = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (on_y2(p, s)) {
            any_y2 = 1;
            for (size_t i = 0; i < p->n; i++) {
                if (isfinite(p->series[s].y[i])) y2hi = fmax(y2hi, p->series[s].y[i]);
            }
            continue;
        }
        for (size_t i = 0; i < p->n; i++) {
            double y = p->series[s].y[i];
            if (isfinite(y) && y < lo) lo = y;
            if (p->series[s].lo && isfinite(p->series[s].lo[i]) && p->series[s].lo[i] < lo) lo = p->series[s].lo[i];
        }
    }
    for (size_t i = 0; i < p->n; i++) {
        xlo = fmin(xlo, p->x[i]);
        xhi = fmax(xhi, p->x[i]);
    }
    /* Room at the top for the labels of the marks, as long as the longest
     * (about 0.0135 of the plot's height per character at 9 points). */
    size_t longest = 0;
    for (size_t k = 0; k < p->nmarks; k++) longest = strlen(p->marks[k].label) > longest ? strlen(p->marks[k].label) : longest;
    double top = p->nmarks ? fmin(0.6, 0.04 + 0.0135 * (double)longest) : 0.05 / 1.05; /* share of the graph */
    double room = top / (1 - top);
    fprintf(f, "set yrange [%g:%g]\n", lo, hi + room * (hi - lo));
    /* No tics in the room above the data: 1 is the indices' ceiling. */
    fprintf(f, "set ytics %g, %g, %g\n", lo, lo < 0 ? 0.25 : 0.2, hi);
    if (p->n) fprintf(f, "set xrange [%.17g:%.17g]\n", xlo - 0.5, xhi + 0.5);
    if (any_y2)
        fprintf(f, "set y2label 'count'\nset y2tics 0, %g, %g\nset y2range [0:%g]\nset border 11\n",
                y2hi > 10 ? ceil(y2hi / 50) * 10 : 1, y2hi, y2hi * (1 + room));
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
    /* Labels of marks closer than this lean apart: left of the line the
     * first, right of it the second. */
    double close = 0.025 * (xhi - xlo);
    for (size_t k = 0; k < p->nmarks; k++) {
        int near_prev = k > 0 && p->marks[k].x - p->marks[k - 1].x <= close;
        int near_next = k + 1 < p->nmarks && p->marks[k + 1].x - p->marks[k].x <= close;
        double shift = near_prev ? 0.8 : near_next ? -0.8 : 0;
        fprintf(f, "set arrow from %.17g, graph 0 to %.17g, graph %g nohead dt 2 lw 1 lc rgb '#999999'\n",
                p->marks[k].x, p->marks[k].x, 1 - top - 0.005);
        fputs("set label ", f);
        quoted(f, p->marks[k].label);
        fprintf(f, " at %.17g, graph %g rotate by 90 left offset %g,0 font ',9' tc rgb '#555555'\n", p->marks[k].x,
                1 - top + 0.01, shift);
    }
    fputs("$data << EOD\n", f);
    for (size_t i = 0; i < p->n; i++) {
        fprintf(f, "%.17g", p->x[i]);
        for (size_t s = 0; s < p->nseries; s++) {
            double y = p->series[s].y[i];
            if (isfinite(y)) fprintf(f, " %.17g", y);
            else fputs(" NaN", f);
        }
        /* The bands' bounds follow the lines' values, two columns a band. */
        for (size_t s = 0; s < p->nseries; s++) {
            if (!p->series[s].lo || !p->series[s].hi) continue;
            double a = p->series[s].lo[i], b = p->series[s].hi[i];
            if (isfinite(a) && isfinite(b)) fprintf(f, " %.17g %.17g", a, b);
            else fputs(" NaN NaN", f);
        }
        fputc('\n', f);
    }
    fputs("EOD\nplot ", f);
    /* Bands first, under the lines, in the lines' colours. */
    size_t column = p->nseries + 2, drawn = 0;
    for (size_t s = 0; s < p->nseries; s++) {
        if (!p->series[s].lo || !p->series[s].hi) continue;
        fprintf(f, "%s$data using 1:%zu:%zu axes x1y%d with filledcurves fc rgb '%s' fs transparent solid 0.18 "
                   "noborder notitle",
                drawn++ ? ", \\\n     " : "", column, column + 1, on_y2(p, s) ? 2 : 1,
                colours[s % (sizeof colours / sizeof *colours)]);
        column += 2;
    }
    for (size_t s = 0; s < p->nseries; s++) {
        const char *c = colours[s % (sizeof colours / sizeof *colours)];
        int y2 = on_y2(p, s);
        fprintf(f, "%s$data using 1:%zu axes x1y%d with linespoints lw %s pt 7 ps 0.%d lc rgb '%s' dt %d title ",
                s || drawn ? ", \\\n     " : "", s + 2, y2 ? 2 : 1, s < 3 ? "2.5" : "1.5", p->n > 40 ? 3 : 6, c,
                y2 ? 2 : 1);
        quoted(f, p->series[s].title);
    }
    fputc('\n', f);
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
    const char *term = terminal(path);
    if (!term) return hs_error_set(HS_EARG, "--plot '%s': the name must end in .svg, .png or .pdf", path);
    const char *tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    char script[4096], errors[4096], output[4096];
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    if (snprintf(output, sizeof output, "%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path) >= (int)sizeof output ||
        snprintf(script, sizeof script, "%s/hubspoke-plot.XXXXXX", tmpdir) >= (int)sizeof script ||
        snprintf(errors, sizeof errors, "%s/hubspoke-plot-err.XXXXXX", tmpdir) >= (int)sizeof errors)
        return hs_error_set(HS_EARG, "--plot '%s': the name is too long", path);
    int fd_out = mkostemp(output, O_CLOEXEC);
    if (fd_out < 0) return hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    /* The chart gets the permissions any new file would, not mkstemp's 0600. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd_out, 0666 & ~mask) != 0) {} /* a chart readable by its owner only still works */
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
        write_script(f, p, term, output);
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
            err = hs_error_set(HS_EIO, "--plot: gnuplot is not installed; install it (Debian: apt-get install "
                                       "gnuplot-nox) or leave out --plot");
        else if (rc)
            err = hs_error_set(HS_EIO, "--plot: cannot run gnuplot: %s", strerror(rc));
    }
    close(fd_err);
    if (!err) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            char line[512];
            last_line(errors, line, sizeof line);
            err = hs_error_set(HS_EIO, "--plot: gnuplot failed%s%s", line[0] ? ": " : "", line);
        }
    }
    if (!err && rename(output, path) != 0) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (err) unlink(output);
    unlink(script);
    unlink(errors);
    return err;
}
