/* hubspoke-dot: reads one DOT graph with Graphviz's cgraph and writes it as
 * GraphML. It is the only hubspoke program that links Graphviz (EPL-1.0), and
 * it never links igraph (GPL-2.0-or-later): hubspoke runs it as a subprocess
 * through pipes, which also keeps a crash in the DOT parser out of hubspoke.
 * The command line, output form and error lines are a contract with hubspoke:
 * see docs/dot-helper.md before changing any of them. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cgraph.h>

#include "graphml.h"
#include "render.h"
#include "text.h"

#ifndef HS_VERSION
#error "HS_VERSION must be defined by the build"
#endif

/* DOT files are hand-written or generated from codebooks; this bounds memory
 * when FILE is a device or an endless pipe. */
#define MAX_INPUT ((size_t)256 << 20)

static const char usage[] =
    "Usage: hubspoke-dot to-graphml [--name NAME] FILE\n"
    "       hubspoke-dot render --format FORMAT [--engine ENGINE] [--name NAME] FILE\n"
    "       hubspoke-dot --help | --version\n"
    "\n"
    "to-graphml reads one DOT graph from FILE ('-' for standard input) and writes\n"
    "it to standard output as GraphML (UTF-8), the form that hubspoke reads.\n"
    "render lays the graph out with Graphviz and writes the drawing to standard\n"
    "output.\n"
    "\n"
    "  --name NAME      the file name used in error messages (default: FILE,\n"
    "                   or <stdin> for '-')\n"
    "  --format FORMAT  render: svg, png, pdf, json (Graphviz's JSON with the\n"
    "                   computed positions) or dot (DOT with positions)\n"
    "  --engine ENGINE  render: neato (default), fdp, sfdp, dot, circo, twopi,\n"
    "                   nop or nop2 (positions given in the graph, in points)\n"
    "  --help           show this help and exit\n"
    "  --version        show the version and exit\n"
    "\n"
    "Exit status: 0 converted; 1 refused, with one line 'FILE:LINE: reason'\n"
    "or 'FILE: reason' on standard error and nothing on standard output;\n"
    "2 usage error.\n";

static const char *g_name; /* the input's name in messages, printable */

_Noreturn void hs_dot_out_of_memory(void)
{
    fprintf(stderr, "%s: out of memory\n", g_name ? g_name : "hubspoke-dot");
    exit(1);
}

/* Prints the one refusal line hubspoke shows to its user; returns exit status 1. */
static int refuse(long line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(long line, const char *fmt, ...)
{
    if (line > 0)
        fprintf(stderr, "%s:%ld: ", g_name, line);
    else
        fprintf(stderr, "%s: ", g_name);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    fputs("hubspoke-dot: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (see hubspoke-dot --help)\n", stderr);
    return 2;
}

/* ---- cgraph messages ------------------------------------------------------- */

/* The first error cgraph reported; later errors follow from it, and warnings
 * (such as "badly delimited number") do not stop the conversion. */
static struct {
    buf_t text;
    enum { CG_NONE, CG_OPEN, CG_DONE } state;
} cg_error;

/* This definition replaces libcgraph's own agerr(), which the library calls
 * through its PLT: every cgraph message ends up here and none is printed.
 * agseterrf() is not used because in Graphviz 2.42 its delivery path
 * (userout) reformats a message of 1024 bytes or more with an exhausted
 * va_list into a freed buffer: a syntax error next to a long unquoted name
 * crashed the parser. tests/cli/dothelper.sh checks that this one is used. */
int agerr(agerrlevel_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int agerr(agerrlevel_t level, const char *fmt, ...)
{
    /* AGPREV continues the previous message; other levels start a new one. */
    if (level == AGPREV) {
        if (cg_error.state != CG_OPEN)
            return 0;
    } else if (cg_error.state == CG_OPEN) {
        cg_error.state = CG_DONE;
        return 0;
    } else if (level == AGWARN || cg_error.state == CG_DONE) {
        return 0;
    } else {
        cg_error.state = CG_OPEN;
    }
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&cg_error.text, fmt, ap);
    va_end(ap);
    return 0;
}

/* cgraph says "[INPUT: ]REASON in line N[ near 'TOKEN'][ more...]", then maybe
 * further lines; INPUT appears only after a '#line N "file"' directive. The
 * refusal keeps REASON, N and what follows on the first line. */
static int refuse_cgraph_error(void)
{
    buf_puts(&cg_error.text, ""); /* allocates it if cgraph said nothing */
    char *msg = cg_error.text.p;
    msg[strcspn(msg, "\n")] = '\0';

    char *at = NULL;
    for (char *p = strstr(msg, " in line "); p; p = strstr(p + 1, " in line "))
        at = p;
    long line = 0;
    char *rest = NULL;
    if (at) {
        line = strtol(at + 9, &rest, 10);
        if (rest == at + 9)
            line = 0;
    }
    buf_t reason = {0};
    if (line > 0) {
        *at = '\0';
        char *head = msg;
        for (char *p = strstr(head, ": "); p; p = strstr(head, ": "))
            head = p + 2;
        /* Bison's parser stack holds YYMAXDEPTH (10000) entries. */
        if (strcmp(head, "memory exhausted") == 0)
            head = "DOT parser stack exhausted (edge chain or nesting too deep)";
        buf_puts(&reason, head);
        buf_puts(&reason, rest);
    } else {
        buf_puts(&reason, *msg ? msg : "cgraph could not read the graph");
    }
    buf_t shown = {0};
    utf8_show(&shown, reason.p, 200, 0);
    int rc = refuse(line, "%s", shown.p);
    buf_free(&reason);
    buf_free(&shown);
    return rc;
}

/* ---- input ------------------------------------------------------------------ */

static int read_input(const char *path, buf_t *in)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0)
        return refuse(0, "cannot open: %s", strerror(errno));
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        rc = refuse(0, "is a directory");
    while (rc == 0) {
        buf_reserve(in, 65536);
        ssize_t n = read(fd, in->p + in->len, in->cap - in->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = refuse(0, "cannot read: %s", strerror(errno));
            break;
        }
        if (n == 0)
            break;
        /* Checked while reading so that a device like /dev/zero ends early. */
        const char *nul = memchr(in->p + in->len, '\0', (size_t)n);
        if (nul) {
            rc = refuse(0, "binary file (NUL byte at offset %zu)", (size_t)(nul - in->p));
            break;
        }
        in->len += (size_t)n;
        in->p[in->len] = '\0';
        if (in->len > MAX_INPUT)
            rc = refuse(0, "larger than %zu MiB", MAX_INPUT >> 20);
    }
    if (fd != STDIN_FILENO)
        close(fd);
    /* cgraph 2.42 reads a byte order mark followed by a letter as part of one
     * name, so "<BOM>digraph" would be a syntax error. */
    if (rc == 0 && in->len >= 3 && memcmp(in->p, "\xEF\xBB\xBF", 3) == 0) {
        memmove(in->p, in->p + 3, in->len - 2);
        in->len -= 3;
    }
    if (rc == 0 && (in->len == 0 || strspn(in->p, " \t\n\r\f\v") == in->len))
        rc = refuse(0, "empty file: no graph");
    return rc;
}

/* ---- parsing ---------------------------------------------------------------- */

typedef struct {
    const char *p;
    size_t len, pos;
    int eof; /* the scanner has asked for input past the end */
    long line; /* the line of the last byte handed to the scanner */
} chan_t;

/* One line at a time, so that the line the scanner has reached is known
 * when cgraph creates an object (hs_dot_lines_note). */
static int chan_read(void *chan, char *buf, int bufsize)
{
    chan_t *ch = chan;
    if (bufsize <= 0)
        return 0;
    size_t n = ch->len - ch->pos;
    if (n > (size_t)bufsize)
        n = (size_t)bufsize;
    const char *nl = memchr(ch->p + ch->pos, '\n', n);
    if (nl)
        n = (size_t)(nl - (ch->p + ch->pos)) + 1;
    if (ch->pos == 0 || ch->p[ch->pos - 1] == '\n')
        ch->line++;
    memcpy(buf, ch->p + ch->pos, n);
    ch->pos += n;
    ch->eof |= n == 0;
    return (int)n;
}

static chan_t *reading; /* the channel agread is reading, for note_line */

static void note_line(void *state, int objtype, void *obj)
{
    AgIdDisc.idregister(state, objtype, obj);
    hs_dot_lines_note(objtype, obj, reading ? reading->line : 0);
}

/* agread() on a memory channel rather than agmemread(): the channel knows its
 * length, and a second agread() on it shows whether a second graph follows. */
static Agraph_t *parse(const buf_t *in, int *rc)
{
    chan_t ch = {in->p, in->len, 0, 0, 0};
    Agiodisc_t io = {chan_read, AgIoDisc.putstr, AgIoDisc.flush};
    Agiddisc_t id = AgIdDisc;
    id.idregister = note_line;
    Agdisc_t disc = {&AgMemDisc, &id, &io};
    hs_dot_lines_begin(in->p, in->len);
    reading = &ch;

    /* A parser stack overflow returns the partial graph with an error. */
    Agraph_t *g = agread(&ch, &disc);
    reading = NULL;
    if (cg_error.state != CG_NONE) {
        if (g)
            agclose(g);
        *rc = refuse_cgraph_error();
        return NULL;
    }
    if (!g) { /* only comments */
        *rc = refuse(0, "empty file: no graph");
        return NULL;
    }

    reading = &ch;
    Agraph_t *next = agread(&ch, &disc);
    reading = NULL;
    if (next) {
        agclose(next);
        *rc = refuse(0, "more than one graph; hubspoke reads one graph per file");
    } else if (cg_error.state != CG_NONE) {
        *rc = refuse_cgraph_error();
    } else if (!ch.eof) {
        /* The scanner returns end-of-input for '@' (its GRAPH_EOF_TOKEN) and
         * cgraph then discards the rest of the input unseen. */
        *rc = refuse(0, "unexpected '@' after the graph");
    }
    if (*rc != 0) {
        agclose(g);
        return NULL;
    }
    return g;
}

/* DOT text to a GraphML document, or to a drawing (render): everything
 * between reading the input and writing the output. Returns 0, or 1 after
 * the refusal line. */
static int run(const buf_t *in, buf_t *out, int render, const char *engine, const char *format)
{
    buf_free(&cg_error.text);
    cg_error.state = CG_NONE;
    int rc = 0;
    buf_t err = {0};
    Agraph_t *g = parse(in, &rc);
    if (g) {
        int bad = render ? hs_dot_render(g, engine, format, out, &err) : hs_dot_to_graphml(g, out, &err);
        /* Graphviz reports layout and rendering failures through agerr, and
         * some (a malformed pos) without failing: a drawing made despite an
         * error is refused too. */
        if (cg_error.state != CG_NONE && err.len == 0)
            rc = refuse_cgraph_error();
        else if (bad != 0)
            rc = refuse(0, "%s", err.len ? err.p : "Graphviz could not draw the graph");
        agclose(g);
    }
    buf_free(&err);
    buf_free(&cg_error.text);
    hs_dot_lines_end();
    return rc;
}

/* to-graphml on text in memory, callable many times in one process: the DOT
 * fuzz harness (tests/fuzz/fuzz_dot.c) runs it in-process on each input. */
int hs_dot_convert(const buf_t *in, buf_t *out, const char *name);
int hs_dot_convert(const buf_t *in, buf_t *out, const char *name)
{
    g_name = name;
    return run(in, out, 0, NULL, NULL);
}

/* ---- main ------------------------------------------------------------------- */

#ifndef HS_DOTHELPER_NO_MAIN

typedef struct {
    int render;         /* 0: to-graphml, 1: render */
    const char *path, *name, *format, *engine;
} args_t;

/* Returns an exit status, or -1 to go on and run the command. */
static int parse_args(int argc, char **argv, args_t *a)
{
    if (argc < 2)
        return usage_error("missing command");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        puts("hubspoke-dot " HS_VERSION);
        return 0;
    }
    if (strcmp(cmd, "render") == 0)
        a->render = 1;
    else if (strcmp(cmd, "to-graphml") != 0)
        return usage_error(cmd[0] == '-' ? "unknown option '%s'" : "unknown command '%s'", cmd);

    int options = 1;
    for (int i = 2; i < argc; i++) {
        const char *o = argv[i];
        const char **value = NULL;
        if (options && strcmp(o, "--") == 0) {
            options = 0;
            continue;
        } else if (options && strcmp(o, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (options && strcmp(o, "--name") == 0) {
            value = &a->name;
        } else if (options && a->render && strcmp(o, "--format") == 0) {
            value = &a->format;
        } else if (options && a->render && strcmp(o, "--engine") == 0) {
            value = &a->engine;
        } else if (options && o[0] == '-' && o[1] != '\0') {
            return usage_error("unknown option '%s'", o);
        } else if (a->path) {
            return usage_error("more than one FILE");
        } else {
            a->path = o;
            continue;
        }
        if (++i == argc || argv[i][0] == '\0')
            return usage_error(value == &a->name ? "--name needs a file name" : "%s needs a value", o);
        *value = argv[i];
    }
    if (!a->path || !*a->path)
        return usage_error("missing FILE");
    if (a->render) {
        if (!a->format)
            return usage_error("render needs --format");
        if (!hs_dot_format_known(a->format))
            return usage_error("unknown format '%s'", a->format);
        if (!a->engine)
            a->engine = "neato";
        if (!hs_dot_engine_known(a->engine))
            return usage_error("unknown layout engine '%s'", a->engine);
    }
    return -1;
}

int main(int argc, char **argv)
{
    args_t a = {0};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    /* A control character in the name must not break the one-line refusal. */
    buf_t shown_name = {0};
    utf8_show(&shown_name, a.name ? a.name : strcmp(a.path, "-") == 0 ? "<stdin>" : a.path, SIZE_MAX, 0);
    g_name = shown_name.p;

    buf_t in = {0}, out = {0};
    rc = read_input(a.path, &in);
    if (rc == 0)
        rc = run(&in, &out, a.render, a.engine, a.format);
    /* Nothing reaches stdout unless the whole document was built. */
    if (rc == 0 && (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0))
        rc = refuse(0, "cannot write the %s: %s", a.render ? "drawing" : "GraphML", strerror(errno));
    buf_free(&in);
    buf_free(&out);
    buf_free(&shown_name);
    return rc;
}
#endif
