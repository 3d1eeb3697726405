/* hubspoke's load limits (--max-states, --max-ties) applied while cgraph reads
 * the DOT, so that a file far over them is abandoned after the statement that
 * crosses one instead of being parsed whole. See docs/dot-helper.md. */
#ifndef HS_DOTHELPER_READLIMITS_H
#define HS_DOTHELPER_READLIMITS_H

#include <stddef.h>

/* The limits, as hubspoke counts them in the GraphML the helper writes:
 * states = nodes + clusters (mechanisms), ties = edges + memberships (one per
 * node of each cluster, nested clusters' nodes included). 0 = no limit. */
void hs_dot_limits_set(size_t max_states, size_t max_ties);

/* Count from zero while one agread() runs; counting stops at
 * hs_dot_limits_end(). Outside, cgraph's calls are passed through untouched. */
void hs_dot_limits_begin(void);
void hs_dot_limits_end(void);

/* After begin: NULL, or the reason a limit was crossed, e.g. "more than 5
 * states and mechanisms (the load limit)". Static. */
const char *hs_dot_limits_crossed(void);

#endif
