/* Edit distance, for the "did you mean" of the checks and messages (core/internal.h). */
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

static unsigned char fold_char(unsigned char c, int fold) { return fold && c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int same(const char *a, const char *b, size_t n, int fold) {
    for (size_t i = 0; i < n; i++) {
        if (fold_char((unsigned char)a[i], fold) != fold_char((unsigned char)b[i], fold)) return 0;
    }
    return 1;
}

/* 0, 1 or 2 (meaning "more than one"): linear, for strings of any length. */
static size_t one_edit(const char *a, size_t la, const char *b, size_t lb, int fold) {
    size_t i = 0;
    while (i < la && i < lb && fold_char((unsigned char)a[i], fold) == fold_char((unsigned char)b[i], fold)) i++;
    if (i == la && i == lb) return 0;
    if (la == lb) {
        /* a letter changed, or two adjacent letters swapped */
        if (same(a + i + 1, b + i + 1, la - i - 1, fold)) return 1;
        if (i + 1 < la && fold_char((unsigned char)a[i], fold) == fold_char((unsigned char)b[i + 1], fold) &&
            fold_char((unsigned char)a[i + 1], fold) == fold_char((unsigned char)b[i], fold) &&
            same(a + i + 2, b + i + 2, la - i - 2, fold))
            return 1;
        return 2;
    }
    if (la == lb + 1) return same(a + i + 1, b + i, lb - i, fold) ? 1 : 2;
    if (lb == la + 1) return same(a + i, b + i + 1, la - i, fold) ? 1 : 2;
    return 2;
}

/* Strings longer than this are compared by one_edit only. */
#define DP_MAX 256

size_t hs_osa_distance(const char *a, const char *b, int fold, size_t max) {
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > max) return max + 1;
    if (la > DP_MAX || lb > DP_MAX || max <= 1) {
        size_t d = one_edit(a, la, b, lb, fold);
        return d <= max ? d : max + 1;
    }
    /* Three rows of the optimal string alignment table. */
    size_t rows[3][DP_MAX + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++) prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t best = cur[0];
        unsigned char ca = fold_char((unsigned char)a[i - 1], fold);
        for (size_t j = 1; j <= lb; j++) {
            unsigned char cb = fold_char((unsigned char)b[j - 1], fold);
            size_t v = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == fold_char((unsigned char)b[j - 2], fold) &&
                fold_char((unsigned char)a[i - 2], fold) == cb && prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < best) best = v;
        }
        if (best > max) return max + 1;
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] <= max ? prev[lb] : max + 1;
}
