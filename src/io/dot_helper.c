/* Running hubspoke-dot, the Graphviz-linked helper, through pipes.
 *
 * Protocol (docs/dot-helper.md): every command of the helper reads its input
 * on stdin and writes its whole result on stdout, exit 0; on bad input it
 * writes one line "NAME[:LINE]: reason" on stderr and exits 1, or 3 when the
 * input crossed a load limit (HS_ELIMIT, as from the GraphML reader).
 * Anything else (cannot start, killed by a signal, other exit codes) is a
 * helper failure.
 * `to-graphml` parses DOT for the readers; `render` lays out and draws for
 * src/render. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "io/io_internal.h"

extern char **environ;

static char *helper_override;

hs_error hs_dot_helper_set_path(const char *path) {
    char *copy = NULL;
    if (path && !(copy = hs_strdup(path))) return HS_ENOMEM;
    free(helper_override);
    helper_override = copy;
    return HS_OK;
}

const char *hs_dot_helper_path(void) {
    const char *env = getenv("HUBSPOKE_DOT_HELPER");
    if (env && env[0]) return env;
    return helper_override ? helper_override : HS_HELPER_INSTALL_PATH;
}

static unsigned helper_timeout = HS_DEFAULT_HELPER_TIMEOUT;

void hs_dot_helper_set_timeout(unsigned seconds) { helper_timeout = seconds; }

unsigned hs_dot_helper_timeout(void) { return helper_timeout; }

/* Milliseconds left until `deadline` (CLOCK_MONOTONIC), -1 for no deadline. */
static int ms_left(const struct timespec *deadline) {
    if (!deadline) return -1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 + (deadline->tv_nsec - now.tv_nsec) / 1000000;
    return ms <= 0 ? 0 : ms > 1000000 ? 1000000 : (int)ms;
}

/* The exchange or the wait ran past the deadline. */
#define TIMED_OUT ((hs_error)-1)

static void close_fd(int *fd) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

/* What the helper reads on its standard input: `len` bytes at `data`, or,
 * when `fd` is not -1, the rest of that file, read in blocks as the pipe
 * takes them (a large file is never held whole, and a helper that stops
 * early leaves the rest unread). */
#define SOURCE_BLOCK 65536

typedef struct {
    const char *data;
    size_t len, sent;
    int fd;
    const char *display;
    char *block; /* SOURCE_BLOCK bytes once reading from fd; freed by run() */
} source;

/* Returns 1 while something is left to send, 0 at the end, or an error. */
static int source_next(source *in, hs_error *err) {
    if (in->sent < in->len) return 1;
    if (in->fd < 0) return 0;
    if (!in->block && !(in->block = hs_malloc(SOURCE_BLOCK))) {
        *err = HS_ENOMEM;
        return 0;
    }
    for (;;) {
        ssize_t n = read(in->fd, in->block, SOURCE_BLOCK);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) *err = hs_error_set(HS_EIO, "%s: cannot read: %s", in->display, strerror(errno));
        if (n <= 0) return 0;
        in->data = in->block;
        in->len = (size_t)n;
        in->sent = 0;
        return 1;
    }
}

/* Feed stdin and drain stdout and stderr together, so that neither side can
 * block on a full pipe. fd[0..2]: the helper's stdin, stdout and stderr,
 * each closed and set to -1 once done with; on a timeout or an error the
 * caller closes what is left. */
static hs_error exchange(int fd[3], source *in, hs_buf *o, hs_buf *e, const struct timespec *deadline) {
    hs_error read_err = HS_OK;
    if (!source_next(in, &read_err)) close_fd(&fd[0]);
    while (fd[1] >= 0 || fd[2] >= 0) {
        struct pollfd p[3] = {{fd[0], POLLOUT, 0}, {fd[1], POLLIN, 0}, {fd[2], POLLIN, 0}};
        int ms = ms_left(deadline), ready = ms == 0 ? 0 : poll(p, 3, ms);
        if (ready == 0) return TIMED_OUT;
        if (ready < 0) {
            if (errno == EINTR) continue;
            return hs_error_set(HS_EHELPER, "DOT helper: poll: %s", strerror(errno));
        }
        if (fd[0] >= 0 && (p[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = (p[0].revents & POLLOUT) ? write(fd[0], in->data + in->sent, in->len - in->sent) : -1;
            if (n > 0) in->sent += (size_t)n;
            /* EPIPE: the helper stopped reading (it refused the input, or
             * abandoned it at a limit); its exit status and message tell why. */
            if (n < 0 && errno != EINTR && errno != EAGAIN) close_fd(&fd[0]);
            else if (!source_next(in, &read_err)) close_fd(&fd[0]);
        }
        hs_buf *bufs[3] = {NULL, o, e};
        for (int k = 1; k < 3; k++) {
            if (fd[k] < 0 || !(p[k].revents & (POLLIN | POLLERR | POLLHUP))) continue;
            if (hs_buf_reserve(bufs[k], 65536)) return HS_ENOMEM;
            ssize_t n = read(fd[k], bufs[k]->data + bufs[k]->len, bufs[k]->cap - bufs[k]->len - 1);
            if (n > 0) {
                bufs[k]->len += (size_t)n;
                bufs[k]->data[bufs[k]->len] = '\0';
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                close_fd(&fd[k]);
            }
        }
    }
    close_fd(&fd[0]);
    return read_err;
}

/* Reap the helper; past the deadline, kill its process group (the helper and
 * anything it started) and reap it all the same, so that no zombie stays. */
static hs_error reap(pid_t pid, int *status, const struct timespec *deadline, int kill_now) {
    hs_error err = HS_OK;
    for (;;) {
        if (kill_now) {
            if (kill(-pid, SIGKILL) != 0) kill(pid, SIGKILL);
            err = TIMED_OUT;
            deadline = NULL;
            kill_now = 0;
        }
        pid_t r = waitpid(pid, status, deadline ? WNOHANG : 0);
        if (r == pid) return err;
        if (r < 0 && errno != EINTR) return err;
        if (r == 0) {
            if (ms_left(deadline) == 0) kill_now = 1;
            else nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
        }
    }
}

static hs_error run(const char *const *args, source *in, const char *display, const char *what, char **out,
                    size_t *out_len) {
    const char *helper = hs_dot_helper_path();
    size_t nargs = 0;
    while (args[nargs]) nargs++;
    char **argv = hs_calloc(nargs + 2, sizeof *argv);
    if (!argv) return HS_ENOMEM;
    argv[0] = (char *)helper;
    for (size_t i = 0; i < nargs; i++) argv[i + 1] = (char *)args[i];
    int pin[2] = {-1, -1}, pout[2] = {-1, -1}, perr[2] = {-1, -1};
    if (pipe2(pin, O_CLOEXEC) || pipe2(pout, O_CLOEXEC) || pipe2(perr, O_CLOEXEC)) {
        hs_error err = hs_error_set(HS_EHELPER, "DOT helper: pipe: %s", strerror(errno));
        for (int i = 0; i < 2; i++) close_fd(&pin[i]), close_fd(&pout[i]), close_fd(&perr[i]);
        free(argv);
        return err;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pin[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa, pout[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, perr[1], STDERR_FILENO);
    pid_t pid;
    /* Its own process group, so that a timeout kills whatever it started too.
     * posix_spawn, not posix_spawnp and never a shell: no file name is ever
     * interpreted. */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    /* A helper that dies must not kill us with SIGPIPE while we write. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigaction(SIGPIPE, &ignore, &old);
    int rc = posix_spawn(&pid, helper, &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    free(argv);
    close_fd(&pin[0]);
    close_fd(&pout[1]);
    close_fd(&perr[1]);
    hs_buf o = {0}, e = {0};
    hs_error err = HS_OK;
    if (rc != 0) {
        err = hs_error_set(HS_EHELPER, "%s: cannot run the DOT helper '%s': %s (set HUBSPOKE_DOT_HELPER)", display,
                           helper, strerror(rc));
        close_fd(&pin[1]);
        close_fd(&pout[0]);
        close_fd(&perr[0]);
    } else {
        struct timespec deadline;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += (time_t)helper_timeout;
        const struct timespec *limit = helper_timeout ? &deadline : NULL;
        int fd[3] = {pin[1], pout[0], perr[0]};
        err = exchange(fd, in, &o, &e, limit);
        /* Closing our ends first: a helper blocked on a pipe then gets EPIPE. */
        for (int k = 0; k < 3; k++) close_fd(&fd[k]);
        int status = 0;
        hs_error waited = reap(pid, &status, limit, err == TIMED_OUT);
        if (err == TIMED_OUT || waited == TIMED_OUT)
            err = hs_error_set(HS_ETIMEOUT, "%s: the DOT helper did not finish within %u s; stopped it",
                               display, helper_timeout);
        if (!err) {
            /* Keep the helper's first line only: the contract is one line. */
            char *nl = e.data ? strchr(e.data, '\n') : NULL;
            if (nl) *nl = '\0';
            if (WIFSIGNALED(status))
                err = hs_error_set(HS_EHELPER, "%s: %s crashed (signal %d)", display, what, WTERMSIG(status));
            else if (WEXITSTATUS(status) == 1 && e.data && e.data[0])
                err = hs_error_set(HS_EINPUT, "%s", e.data);
            else if (WEXITSTATUS(status) == 3 && e.data && e.data[0]) /* stopped at a load limit */
                err = hs_error_set(HS_ELIMIT, "%s", e.data);
            else if (WEXITSTATUS(status) != 0)
                err = hs_error_set(HS_EHELPER, "%s: the DOT helper '%s' failed (exit %d)%s%s", display, helper,
                                   WEXITSTATUS(status), e.data && e.data[0] ? ": " : "", e.data ? e.data : "");
        }
    }
    sigaction(SIGPIPE, &old, NULL);
    free(in->block);
    in->block = NULL;
    hs_buf_free(&e);
    if (err) {
        hs_buf_free(&o);
        return err;
    }
    /* An empty result still gets a buffer, so that callers can rely on one. */
    if (!o.data && hs_buf_reserve(&o, 1)) return HS_ENOMEM;
    o.data[o.len] = '\0';
    *out = o.data;
    *out_len = o.len;
    return HS_OK;
}

hs_error hs_dot_helper_run(const char *const *args, const char *data, size_t len, const char *display,
                          const char *what, char **out, size_t *out_len) {
    source in = {.data = data, .len = len, .fd = -1, .display = display};
    return run(args, &in, display, what, out, out_len);
}

/* The load limits go to the helper, which stops reading at the statement
 * that crosses one (docs/dot-helper.md); hubspoke checks them again on the
 * GraphML it gets back. */
static hs_error to_graphml(source *in, const char *display, char **graphml, size_t *graphml_len) {
    size_t max_states, max_ties;
    hs_get_load_limits(&max_states, &max_ties);
    char states[32], ties[32];
    snprintf(states, sizeof states, "%zu", max_states);
    snprintf(ties, sizeof ties, "%zu", max_ties);
    const char *const args[] = {"to-graphml", "-", "--name", display, "--max-states", states, "--max-ties", ties, NULL};
    return run(args, in, display, "the DOT parser", graphml, graphml_len);
}

hs_error hs_dot_helper_to_graphml(const char *data, size_t len, const char *display, char **graphml,
                                  size_t *graphml_len) {
    source in = {.data = data, .len = len, .fd = -1, .display = display};
    return to_graphml(&in, display, graphml, graphml_len);
}

hs_error hs_dot_helper_to_graphml_fd(int fd, const char *display, char **graphml, size_t *graphml_len) {
    source in = {.fd = fd, .display = display};
    return to_graphml(&in, display, graphml, graphml_len);
}
