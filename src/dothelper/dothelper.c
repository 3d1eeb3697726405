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
#include "ids.h"
#include "readlimits.h"
#include "render.h"
#include "text.h"

#ifndef HS_VERSION
#error "HS_VERSION must be defined by the build"
#endif

/* DOT files are hand-written or generated from codebooks; this bounds memory
 * when FILE is a device or an endless pipe. */
#define MAX_INPUT ((size_t)256 << 20)
/* The input is read in blocks of this size, at most one ahead of the parser. */
#define BLOCK ((size_t)65536)
/* The exit status of a refusal at --max-states or --max-ties, so that hubspoke
 * reports it as it reports the GraphML reader's (HS_ELIMIT). */
#define EXIT_LIMIT 3

static const char usage[] =
    "Usage: hubspoke-dot to-graphml [--name NAME] [--max-states N] [--max-ties N] FILE\n"
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
    "  --max-states N   stop reading and refuse the file past N states\n"
    "                   (nodes and clusters; 0, the default: no limit)\n"
    "  --max-ties N     the same past N ties (edges and cluster memberships)\n"
    "  --format FORMAT  render: svg, png, pdf, json (Graphviz's JSON with the\n"
    "                   computed positions) or dot (DOT with positions)\n"
    "  --engine ENGINE  render: neato (default), fdp, sfdp, dot, circo, twopi,\n"
    "                   nop or nop2 (positions given in the graph, in points)\n"
    "  --help           show this help and exit\n"
    "  --version        show the version and exit\n"
    "\n"
    "Exit status: 0 converted; 1 refused, with one line 'FILE:LINE: reason'\n"
    "or 'FILE: reason' on standard error and nothing on standard output;\n"
    "2 usage error; 3 refused at --max-states or --max-ties (one line, as 1).\n";

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

/* cgraph reads through this channel, which streams the input rather than
 * holding it: a file far over the load limits is abandoned after the line
 * that crosses one (readlimits.c), having cost the memory of that much graph.
 * It hands cgraph's scanner one line at a time, so that the number of lines
 * handed over is the line the parser is on. */
typedef struct {
    int fd;          /* the input, or -1 when all of it is in buf */
    buf_t buf;       /* bytes read and not yet handed over: buf.p[pos..buf.len) */
    size_t pos;
    size_t total;    /* bytes read so far, counted from 0 for NUL offsets */
    long line;       /* the line last handed over, 1 for the first */
    int ends_line;   /* what was handed over ends with a line end */
    int eof;         /* the scanner asked for input past the end */
    int failed;      /* reading failed (NUL byte, size, read error): refusal printed */
} chan_t;

/* Reads the next block into ch->buf; returns 1, or 0 at the end of the input
 * or after a failure. NUL bytes and the size cap are checked here, as the
 * bytes arrive, so that a device like /dev/zero ends early. */
static int chan_fill(chan_t *ch)
{
    if (ch->fd < 0 || ch->failed)
        return 0;
    ch->buf.len = ch->pos = 0;
    for (;;) {
        buf_reserve(&ch->buf, BLOCK);
        ssize_t n = read(ch->fd, ch->buf.p + ch->buf.len, BLOCK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ch->failed = refuse(0, "cannot read: %s", strerror(errno));
            return 0;
        }
        const char *nul = memchr(ch->buf.p + ch->buf.len, '\0', (size_t)n);
        if (nul) {
            ch->failed = refuse(0, "binary file (NUL byte at offset %zu)",
                                ch->total + (size_t)(nul - (ch->buf.p + ch->buf.len)));
            return 0;
        }
        ch->buf.len += (size_t)n;
        ch->total += (size_t)n;
        if (ch->total > MAX_INPUT) {
            ch->failed = refuse(0, "larger than %zu MiB", MAX_INPUT >> 20);
            return 0;
        }
        /* A pipe may deliver the start in pieces: the byte order mark needs
         * three bytes to be recognised. */
        if (n == 0 || ch->total >= 3 || ch->total > ch->buf.len)
            break;
    }
    /* cgraph 2.42 reads a byte order mark followed by a letter as part of one
     * name, so "<BOM>digraph" would be a syntax error. */
    if (ch->total == ch->buf.len && ch->buf.len >= 3 && memcmp(ch->buf.p, "\xEF\xBB\xBF", 3) == 0)
        ch->pos = 3;
    return ch->buf.len > ch->pos;
}

static int chan_open(chan_t *ch, const char *path)
{
    *ch = (chan_t){.fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY)};
    if (ch->fd < 0)
        return refuse(0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(ch->fd, &st) == 0 && S_ISDIR(st.st_mode))
        return refuse(0, "is a directory");
    return 0;
}

/* A channel over text already in memory (the fuzz harness); the same checks. */
static int chan_memory(chan_t *ch, const buf_t *in)
{
    *ch = (chan_t){.fd = -1};
    const char *nul = in->len ? memchr(in->p, '\0', in->len) : NULL;
    if (nul)
        return refuse(0, "binary file (NUL byte at offset %zu)", (size_t)(nul - in->p));
    if (in->len > MAX_INPUT)
        return refuse(0, "larger than %zu MiB", MAX_INPUT >> 20);
    buf_add(&ch->buf, in->len ? in->p : "", in->len);
    ch->total = in->len;
    if (in->len >= 3 && memcmp(in->p, "\xEF\xBB\xBF", 3) == 0)
        ch->pos = 3;
    return 0;
}

static void chan_close(chan_t *ch)
{
    if (ch->fd > STDIN_FILENO)
        close(ch->fd);
    buf_free(&ch->buf);
}

/* The rest of the input, read and dropped: a NUL byte or an oversized file
 * is refused as such wherever it is, before cgraph's own complaints. Returns
 * the channel's failure, 0 if none. */
static int chan_drain(chan_t *ch)
{
    while (chan_fill(ch))
        ;
    return ch->failed;
}

/* One line at a time, so that the line the scanner has reached is known
 * when cgraph creates an object (hs_dot_lines_note). */
static int chan_read(void *chan, char *buf, int bufsize)
{
    chan_t *ch = chan;
    if (bufsize <= 0 || hs_dot_limits_crossed())
        return 0;
    if (ch->pos == ch->buf.len && !chan_fill(ch)) {
        ch->eof |= !ch->failed;
        return 0;
    }
    size_t n = ch->buf.len - ch->pos;
    if (n > (size_t)bufsize)
        n = (size_t)bufsize;
    const char *p = ch->buf.p + ch->pos, *nl = memchr(p, '\n', n);
    if (nl)
        n = (size_t)(nl - p) + 1;
    if (ch->line == 0 || ch->ends_line)
        ch->line++;
    ch->ends_line = nl != NULL;
    memcpy(buf, p, n);
    hs_dot_lines_feed(p, n);
    ch->pos += n;
    return (int)n;
}

static chan_t *reading; /* the channel agread is reading, for note_line */

static void note_line(void *state, int objtype, void *obj)
{
    hs_dot_ordered_ids.idregister(state, objtype, obj);
    hs_dot_lines_note(objtype, obj, reading ? reading->line : 0);
}

/* ---- parsing ---------------------------------------------------------------- */

/* agread() on our channel rather than agmemread(): the channel knows where
 * the input ends, and a second agread() on it shows whether a second graph
 * follows. */
static Agraph_t *parse(chan_t *ch, int *rc)
{
    /* The graph keeps pointers to these until agclose(), which frees ids
     * through the id discipline: they must outlive this function. */
    static Agiodisc_t io;
    static Agiddisc_t id;
    io = (Agiodisc_t){chan_read, AgIoDisc.putstr, AgIoDisc.flush};
    id = hs_dot_ordered_ids; /* subgraphs listed in the file's order (ids.h) */
    id.idregister = note_line;
    Agdisc_t disc = {&AgMemDisc, &id, &io};
    reading = ch;

    /* A parser stack overflow returns the partial graph with an error; an
     * input abandoned at a limit ends in a syntax error at the cut. */
    hs_dot_limits_begin();
    Agraph_t *g = agread(ch, &disc);
    hs_dot_limits_end();
    const char *over = hs_dot_limits_crossed();
    if (ch->failed || over || cg_error.state != CG_NONE) {
        if (g)
            agclose(g);
        if (ch->failed || over)
            *rc = ch->failed ? ch->failed : (refuse(ch->line, "%s", over), EXIT_LIMIT);
        else
            *rc = chan_drain(ch) ? ch->failed : refuse_cgraph_error();
        return NULL;
    }
    if (!g) { /* only blanks and comments */
        *rc = chan_drain(ch) ? ch->failed : refuse(0, "empty file: no graph");
        return NULL;
    }

    /* Whatever a second graph holds, the answer is the same: stop reading it
     * at the limits too. */
    hs_dot_limits_begin();
    Agraph_t *next = agread(ch, &disc);
    hs_dot_limits_end();
    int second = next != NULL || hs_dot_limits_crossed();
    if (next)
        agclose(next);
    /* A NUL byte anywhere is refused as such, as when the input was read whole. */
    if (!hs_dot_limits_crossed() && chan_drain(ch))
        *rc = ch->failed;
    else if (second)
        *rc = refuse(0, "more than one graph; hubspoke reads one graph per file");
    else if (cg_error.state != CG_NONE)
        *rc = refuse_cgraph_error();
    else if (!ch->eof)
        /* The scanner returns end-of-input for '@' (its GRAPH_EOF_TOKEN) and
         * cgraph then discards the rest of the input unseen. */
        *rc = refuse(0, "unexpected '@' after the graph");
    if (*rc != 0) {
        agclose(g);
        return NULL;
    }
    return g;
}

/* DOT text to a GraphML document, or to a drawing (render): everything
 * between opening the input and writing the output. Returns 0, or 1 after
 * the refusal line (EXIT_LIMIT at a load limit). */
static int run(chan_t *ch, buf_t *out, int render, const char *engine, const char *format)
{
    buf_free(&cg_error.text);
    cg_error.state = CG_NONE;
    int rc = 0;
    buf_t err = {0};
    /* Source lines and values set twice are for the GraphML only. A drawing
     * is made without them: what the helper allocates while cgraph parses
     * moves the addresses of the names cgraph interns, which are its ids
     * for named objects and so the order in which it lists subgraphs. */
    if (!render)
        hs_dot_lines_begin();
    Agraph_t *g = parse(ch, &rc);
    reading = NULL;
    hs_dot_lines_parsed();
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
 * fuzz harness (tests/fuzz/fuzz_dot.c) runs it in-process on each input,
 * under the limits last given to hs_dot_limits_set(). */
int hs_dot_convert(const buf_t *in, buf_t *out, const char *name);
int hs_dot_convert(const buf_t *in, buf_t *out, const char *name)
{
    g_name = name;
    chan_t ch;
    int rc = chan_memory(&ch, in);
    if (rc == 0)
        rc = run(&ch, out, 0, NULL, NULL);
    chan_close(&ch);
    return rc;
}

/* ---- main ------------------------------------------------------------------- */

#ifndef HS_DOTHELPER_NO_MAIN

typedef struct {
    int render;         /* 0: to-graphml, 1: render */
    const char *path, *name, *format, *engine, *max_states, *max_ties;
} args_t;

/* A limit: a whole number, 0 for none. */
static int parse_limit(const char *s, size_t *n)
{
    if (!s || !*s || strspn(s, "0123456789") != strlen(s))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, NULL, 10);
    if (errno || v > SIZE_MAX)
        return -1;
    *n = (size_t)v;
    return 0;
}

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
        } else if (options && strcmp(o, "--max-states") == 0) {
            value = &a->max_states;
        } else if (options && strcmp(o, "--max-ties") == 0) {
            value = &a->max_ties;
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
    size_t max_states = 0, max_ties = 0;
    if (a->max_states && parse_limit(a->max_states, &max_states) != 0)
        return usage_error("--max-states needs a whole number, not '%s'", a->max_states);
    if (a->max_ties && parse_limit(a->max_ties, &max_ties) != 0)
        return usage_error("--max-ties needs a whole number, not '%s'", a->max_ties);
    hs_dot_limits_set(max_states, max_ties);
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

    buf_t out = {0};
    chan_t in;
    rc = chan_open(&in, a.path);
    if (rc == 0)
        rc = run(&in, &out, a.render, a.engine, a.format);
    chan_close(&in);
    /* Nothing reaches stdout unless the whole document was built. */
    if (rc == 0 && (fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0))
        rc = refuse(0, "cannot write the %s: %s", a.render ? "drawing" : "GraphML", strerror(errno));
    buf_free(&out);
    buf_free(&shown_name);
    return rc;
}
#endif
