/** @file
 * The export macro of libhubspoke's public API.
 *
 * The library is compiled with hidden symbol visibility (-fvisibility=hidden):
 * only the functions declared with HS_API in include/hubspoke/ are exported
 * from the shared library, so that `nm -D libhubspoke.so` lists exactly the
 * documented API and internal helpers can change without breaking programs
 * linked against it (docs/HACKING.md, "The public API").
 */
#ifndef HUBSPOKE_EXPORT_H
#define HUBSPOKE_EXPORT_H

/** Marks a declaration as part of the public API (exported from the shared
 * library). Everything else in libhubspoke is hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define HS_API __attribute__((visibility("default")))
#else
#define HS_API
#endif

#endif
