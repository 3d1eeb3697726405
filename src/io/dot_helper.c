/* Running hubspoke-dot, the Graphviz-linked helper, through pipes.
 *
 * Protocol (docs/dot-helper.md): every command of the helper reads its input
 * on stdin and writes its whole result on stdout, exit 0; on bad input it
 * writes one line "NAME[:LINE]: reason" on stderr and exits 1. Anything else
 * (cannot start, killed by a signal, other exit codes) is a helper failure.
 * `to-graphml` parses DOT for the readers; `render` lays out and draws for
 * src/render. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

static void close_fd(int *fd) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

/* Feed stdin and drain stdout and stderr together, so that neither side can
 * block on a full pipe. */
static hs_error exchange(int in, int out, int errfd, const char *data, size_t len, hs_buf *o, hs_buf *e) {
    size_t sent = 0;
    if (len == 0) close_fd(&in);
    while (out >= 0 || errfd >= 0) {
        struct pollfd p[3] = {{in, POLLOUT, 0}, {out, POLLIN, 0}, {errfd, POLLIN, 0}};
        if (poll(p, 3, -1) < 0) {
            if (errno == EINTR) continue;
            return hs_error_set(HS_EHELPER, "DOT helper: poll: %s", strerror(errno));
        }
        if (in >= 0 && (p[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
            ssize_t n = (p[0].revents & POLLOUT) ? write(in, data + sent, len - sent) : -1;
            if (n > 0) sent += (size_t)n;
            /* EPIPE: the helper stopped reading (it failed early); its exit
             * status and message tell why. */
            if (n < 0 && errno != EINTR && errno != EAGAIN) sent = len;
            if (sent == len) close_fd(&in);
        }
        int *fds[2] = {&out, &errfd};
        hs_buf *bufs[2] = {o, e};
        for (int k = 0; k < 2; k++) {
            if (*fds[k] < 0 || !(p[k + 1].revents & (POLLIN | POLLERR | POLLHUP))) continue;
            if (hs_buf_reserve(bufs[k], 65536)) return HS_ENOMEM;
            ssize_t n = read(*fds[k], bufs[k]->data + bufs[k]->len, bufs[k]->cap - bufs[k]->len - 1);
            if (n > 0) {
                bufs[k]->len += (size_t)n;
                bufs[k]->data[bufs[k]->len] = '\0';
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                close_fd(fds[k]);
            }
        }
    }
    close_fd(&in);
    return HS_OK;
}

hs_error hs_dot_helper_run(const char *const *args, const char *data, size_t len, const char *display,
                          const char *what, char **out, size_t *out_len) {
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
    /* A helper that dies must not kill us with SIGPIPE while we write. */
    struct sigaction ignore = {.sa_handler = SIG_IGN}, old;
    sigaction(SIGPIPE, &ignore, &old);
    int rc = posix_spawn(&pid, helper, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
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
        err = exchange(pin[1], pout[0], perr[0], data, len, &o, &e);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!err) {
            /* Keep the helper's first line only: the contract is one line. */
            char *nl = e.data ? strchr(e.data, '\n') : NULL;
            if (nl) *nl = '\0';
            if (WIFSIGNALED(status))
                err = hs_error_set(HS_EHELPER, "%s: %s crashed (signal %d)", display, what, WTERMSIG(status));
            else if (WEXITSTATUS(status) == 1 && e.data && e.data[0])
                err = hs_error_set(HS_EINPUT, "%s", e.data);
            else if (WEXITSTATUS(status) != 0)
                err = hs_error_set(HS_EHELPER, "%s: the DOT helper '%s' failed (exit %d)%s%s", display, helper,
                                   WEXITSTATUS(status), e.data && e.data[0] ? ": " : "", e.data ? e.data : "");
        }
    }
    sigaction(SIGPIPE, &old, NULL);
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

hs_error hs_dot_helper_to_graphml(const char *data, size_t len, const char *display, char **graphml,
                                  size_t *graphml_len) {
    const char *const args[] = {"to-graphml", "-", "--name", display, NULL};
    return hs_dot_helper_run(args, data, len, display, "the DOT parser", graphml, graphml_len);
}
