/* Readers, writers and file helpers of the library (not installed). */
#ifndef HS_IO_INTERNAL_H
#define HS_IO_INTERNAL_H

#include <stddef.h>

#include "core/internal.h"
#include "model/model_internal.h"

/* The most hs_file_read_all reads (DOT files, codebooks, standard input):
 * the DOT helper's own input limit. GraphML files are streamed from disk and
 * bounded by the load limits instead (hs_set_load_limits). */
#define HS_MAX_READ ((size_t)256 << 20)

/* Read a whole file ("-" = stdin) into a NUL-terminated buffer the caller
 * frees. Errors name `display`. A named file must be a regular file: a FIFO
 * or a device is refused, never waited on. */
hs_error hs_file_read_all(const char *path, const char *display, char **data, size_t *len);

/* Replace `path` ("-" = stdout) with `len` bytes atomically: a temporary file
 * in the same directory, renamed into place on success, removed on failure. */
hs_error hs_file_write_atomic(const char *path, const char *data, size_t len);

/* Refuse empty and binary input with the messages every reader shares. */
hs_error hs_input_check_text(const char *data, size_t len, const char *display);
/* The same checks on a file, read in chunks; *sniffed is the format its
 * content suggests (GraphML when the first non-blank byte is '<'). */
hs_error hs_file_check_text(const char *path, const char *display, hs_format *sniffed);

/* Parse GraphML into a new model. `with_lines`: record source line numbers
 * for messages (off when the GraphML came from the DOT helper, whose lines
 * mean nothing to the user: its hs:line attributes give the DOT file's).
 * `diag` (may be NULL): collect every error there and go on reading; the
 * parse then fails with HS_EINPUT at the end if any was found, and *out is
 * the model read despite them (the caller destroys it), for the checks that
 * judge names only. */
hs_error hs_graphml_parse(hs_model **out, const char *data, size_t len, const char *display,
                          int with_lines, hs_diagnostics *diag);
/* Parse a GraphML file straight from disk, never holding it in memory. */
hs_error hs_graphml_parse_file(hs_model **out, const char *path, const char *display, hs_diagnostics *diag);
hs_error hs_graphml_format(const hs_model *m, hs_buf *out);
hs_error hs_dot_format(const hs_model *m, hs_buf *out);

/* hs_model_read_memory and hs_model_read_file, collecting every error in
 * `diag` when it is not NULL (check.c); as hs_graphml_parse, *out may be set
 * on HS_EINPUT when errors were collected. */
hs_error hs_read_memory_diag(const char *data, size_t len, hs_format format, const char *display,
                             hs_diagnostics *diag, hs_model **out);
hs_error hs_read_file_diag(const char *path, hs_format format, const char *display, hs_diagnostics *diag,
                           hs_model **out);

/* Run the hubspoke-dot helper with the arguments `args` (NULL-terminated,
 * without the program name), `len` bytes of `data` on its standard input. On
 * success *out holds everything it wrote on standard output, NUL-terminated
 * (caller frees). A refusal (exit 1 with one line) is HS_EINPUT with that
 * line; anything else is HS_EHELPER naming `display` and, for a crash, `what`
 * ("the DOT parser"). */
hs_error hs_dot_helper_run(const char *const *args, const char *data, size_t len, const char *display,
                           const char *what, char **out, size_t *out_len);

/* Run the hubspoke-dot helper on DOT text; on success *graphml holds its
 * GraphML output (caller frees). The load limits (hs_set_load_limits) go to
 * the helper, which stops reading at the statement that crosses one. */
hs_error hs_dot_helper_to_graphml(const char *data, size_t len, const char *display,
                                  char **graphml, size_t *graphml_len);
/* The same on the rest of the open file `fd`, streamed to the helper in
 * blocks rather than read whole: a file far over the limits costs little. */
hs_error hs_dot_helper_to_graphml_fd(int fd, const char *display, char **graphml, size_t *graphml_len);

/* Open a named input for reading: only a regular file, else HS_EINPUT naming
 * `display` (a FIFO or a device may never end; '-' is how to read a pipe).
 * *size: its size in bytes. */
hs_error hs_file_open(const char *path, const char *display, int *fd, size_t *size);

#endif
