/* Growable byte buffers and strict UTF-8 decoding for hubspoke-dot. */
#ifndef HS_DOTHELPER_TEXT_H
#define HS_DOTHELPER_TEXT_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *p;    /* NUL-terminated once anything was added */
    size_t len;
    size_t cap;
} buf_t;

/* Allocation failure ends the process through hs_dot_out_of_memory(). */
void buf_reserve(buf_t *b, size_t extra);
void buf_add(buf_t *b, const char *s, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf_t *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_free(buf_t *b);

/* Decodes one well-formed UTF-8 sequence (no overlongs, surrogates or values
 * above U+10FFFF). Returns its length, or 0 when s does not start one. */
size_t utf8_decode(const unsigned char *s, unsigned long *cp);

/* Appends code point cp (at most U+10FFFF) encoded as UTF-8. */
void utf8_put(buf_t *b, unsigned long cp);

/* Appends s for a one-line message: invalid UTF-8 bytes and control characters
 * become '?', Latin-1 input is converted, and after max_chars characters
 * "..." ends it. */
void utf8_show(buf_t *b, const char *s, size_t max_chars, int latin1);

/* realloc for n elements of size bytes; failure ends the process. */
void *xrealloc(void *p, size_t n, size_t size);

/* Defined by the program: reports that memory ran out and exits. */
_Noreturn void hs_dot_out_of_memory(void);

#endif
