/* libFuzzer harness: the codebook reader (JSON, docs/codebook.md). A codebook
 * that loads must give every kind and scope a depth in (0, 1]. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "hubspoke/codebook.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    hs_codebook *cb = NULL;
    if (hs_codebook_read_memory((const char *)data, size, "fuzz.json", &cb) != HS_OK) return 0;
    for (int k = HS_KIND_UNSET; k < HS_KIND_COUNT; k++) {
        for (int s = HS_SCOPE_UNSET; s < HS_SCOPE_COUNT; s++) {
            double w = hs_codebook_mechanism_weight(cb, (hs_kind)k, (hs_scope)s);
            if (k != HS_KIND_MEMBER && !(w > 0.0 && w <= 1.0)) abort();
        }
    }
    hs_codebook_destroy(cb);
    return 0;
}
