/* Whole-file reads and atomic writes. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/io_internal.h"

/* `hint`: the expected size, so that a regular file is read into a buffer
 * of its own size rather than a doubled one. A pipe could stream forever:
 * a NUL byte ends the read at once (no text has one) and HS_MAX_READ bounds
 * the rest. */
static hs_error read_fd(int fd, const char *display, size_t hint, char **data, size_t *len) {
    if (hint > HS_MAX_READ)
        return hs_error_set(HS_EINPUT, "%s: larger than %zu MiB; read a GraphML file from disk, not from memory",
                            display, HS_MAX_READ >> 20);
    hs_buf b = {0};
    if (hint && hs_buf_reserve(&b, hint) != HS_OK) return HS_ENOMEM;
    for (;;) {
        if (b.len + 1 >= b.cap && hs_buf_reserve(&b, 65536) != HS_OK) {
            hs_buf_free(&b);
            return HS_ENOMEM;
        }
        ssize_t n = read(fd, b.data + b.len, b.cap - b.len - 1);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            hs_buf_free(&b);
            return hs_error_set(e == EISDIR ? HS_EINPUT : HS_EIO, "%s: %s", display,
                                e == EISDIR ? "is a directory" : strerror(e));
        }
        if (memchr(b.data + b.len, '\0', (size_t)n)) {
            size_t at = b.len + (size_t)((char *)memchr(b.data + b.len, '\0', (size_t)n) - (b.data + b.len));
            hs_buf_free(&b);
            return hs_error_set(HS_EINPUT, "%s: binary file (NUL byte at offset %zu)", display, at);
        }
        b.len += (size_t)n;
        b.data[b.len] = '\0';
        if (b.len > HS_MAX_READ) {
            hs_buf_free(&b);
            return hs_error_set(HS_EINPUT, "%s: larger than %zu MiB", display, HS_MAX_READ >> 20);
        }
    }
    if (!b.data && hs_buf_reserve(&b, 1) != HS_OK) return HS_ENOMEM;
    b.data[b.len] = '\0';
    *data = b.data;
    *len = b.len;
    return HS_OK;
}

/* Open a named input: only a regular file. O_NONBLOCK so that a FIFO
 * without a writer is refused at once rather than waited on; a FIFO, a
 * device (/dev/zero, a tty) or a socket is refused, since it may never end
 * (standard input, '-', is the way to read a pipe). */
static hs_error open_regular(const char *path, const char *display, int *fd, struct stat *st) {
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (*fd < 0) return hs_error_set(HS_EINPUT, "%s: cannot open: %s", display, strerror(errno));
    const char *refusal = NULL;
    if (fstat(*fd, st) != 0) refusal = strerror(errno);
    else if (S_ISDIR(st->st_mode)) refusal = "is a directory";
    else if (!S_ISREG(st->st_mode)) refusal = "not a regular file (a pipe or device; use '-' to read standard input)";
    if (refusal) {
        close(*fd);
        *fd = -1;
        return hs_error_set(HS_EINPUT, "%s: %s", display, refusal);
    }
    /* Reads of a regular file never block; clear the flag all the same. */
    (void)fcntl(*fd, F_SETFL, fcntl(*fd, F_GETFL) & ~O_NONBLOCK);
    return HS_OK;
}

hs_error hs_file_open(const char *path, const char *display, int *fd, size_t *size) {
    struct stat st;
    hs_error err = open_regular(path, display, fd, &st);
    if (!err) *size = (size_t)st.st_size;
    return err;
}

hs_error hs_file_read_all(const char *path, const char *display, char **data, size_t *len) {
    if (strcmp(path, "-") == 0) return read_fd(STDIN_FILENO, display, 0, data, len);
    int fd;
    struct stat st;
    hs_error err = open_regular(path, display, &fd, &st);
    if (err) return err;
    err = read_fd(fd, display, (size_t)st.st_size, data, len);
    close(fd);
    return err;
}

hs_error hs_file_check_text(const char *path, const char *display, hs_format *sniffed) {
    int fd;
    struct stat st;
    hs_error open_err = open_regular(path, display, &fd, &st);
    if (open_err) return open_err;
    char chunk[65536];
    size_t offset = 0;
    int first = -1; /* the first byte that is not blank, -1 until seen */
    hs_error err = HS_OK;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = hs_error_set(errno == EISDIR ? HS_EINPUT : HS_EIO, "%s: %s", display,
                               errno == EISDIR ? "is a directory" : strerror(errno));
            break;
        }
        if (n == 0) break;
        const char *nul = memchr(chunk, '\0', (size_t)n);
        if (nul) {
            err = hs_error_set(HS_EINPUT, "%s: binary file (NUL byte at offset %zu)", display,
                               offset + (size_t)(nul - chunk));
            break;
        }
        for (ssize_t i = 0; i < n && first < 0; i++) {
            /* A UTF-8 byte-order mark may precede an XML declaration. */
            if (offset + (size_t)i < 3 && (unsigned char)chunk[i] == "\xEF\xBB\xBF"[offset + (size_t)i]) continue;
            if (!strchr(" \t\r\n\f\v", chunk[i])) first = (unsigned char)chunk[i];
        }
        offset += (size_t)n;
    }
    close(fd);
    if (!err && first < 0) err = hs_error_set(HS_EINPUT, "%s: empty file: no graph", display);
    if (!err) *sniffed = first == '<' ? HS_FORMAT_GRAPHML : HS_FORMAT_DOT;
    return err;
}

hs_error hs_input_check_text(const char *data, size_t len, const char *display) {
    const char *nul = memchr(data, '\0', len);
    if (nul) return hs_error_set(HS_EINPUT, "%s: binary file (NUL byte at offset %zu)", display, (size_t)(nul - data));
    for (size_t i = 0; i < len; i++) {
        if (!strchr(" \t\r\n\f\v", data[i])) return HS_OK;
    }
    return hs_error_set(HS_EINPUT, "%s: empty file: no graph", display);
}

static hs_error write_all(int fd, const char *data, size_t len, const char *display) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return hs_error_set(HS_EIO, "%s: cannot write: %s", display, strerror(errno));
        }
        data += n;
        len -= (size_t)n;
    }
    return HS_OK;
}

/* Make the rename itself durable: after a power cut the directory names the
 * new file, not the old one or none. Best effort: some file systems refuse. */
static void sync_directory(const char *path) {
    const char *slash = strrchr(path, '/');
    char *dir = slash ? hs_malloc((size_t)(slash - path) + 2) : NULL;
    if (slash && !dir) return;
    if (dir) {
        memcpy(dir, path, (size_t)(slash - path));
        dir[slash == path ? 1 : slash - path] = '\0';
        if (slash == path) dir[0] = '/';
    }
    int fd = open(dir ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

hs_error hs_file_write_atomic(const char *path, const char *data, size_t len) {
    if (strcmp(path, "-") == 0) return write_all(STDOUT_FILENO, data, len, "<stdout>");
    size_t n = strlen(path);
    char *tmp = hs_malloc(n + 16);
    if (!tmp) return HS_ENOMEM;
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        hs_error err = hs_error_set(HS_EIO, "%s: cannot create: %s", path, strerror(errno));
        free(tmp);
        return err;
    }
    /* mkstemp makes the file 0600; give it the mode a plain create would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    hs_error err = write_all(fd, data, len, path);
    if (!err && fsync(fd) != 0 && errno != EINVAL)
        err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (close(fd) != 0 && !err) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (!err && rename(tmp, path) != 0) err = hs_error_set(HS_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (err) unlink(tmp);
    free(tmp);
    if (!err) sync_directory(path);
    return err;
}
