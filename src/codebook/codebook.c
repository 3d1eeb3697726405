/* The codebook: built-in depths per kind and scope, overridable from JSON. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "io/io_internal.h"
#include "codebook/codebook_internal.h"
#include "hubspoke/codebook.h"

struct hs_codebook {
    double tie[HS_KIND_COUNT]; /* HS_KIND_MEMBER unused: membership takes the mechanism's depth */
    double untyped;
    double scope[HS_SCOPE_COUNT];
};

/* The ordinal ladder of kinds scored at equal intervals, rank k of 7 at k/7;
 * reasoning for each value: docs/codebook.md. */
static const hs_codebook builtin = {
    .tie = {[HS_KIND_TREATY] = 7.0 / 7.0,
            [HS_KIND_ACCESS] = 6.0 / 7.0,
            [HS_KIND_INTELLIGENCE] = 5.0 / 7.0,
            [HS_KIND_TECHNOLOGY] = 4.0 / 7.0,
            [HS_KIND_EXERCISE] = 3.0 / 7.0,
            [HS_KIND_PARTNERSHIP] = 2.0 / 7.0,
            [HS_KIND_DIALOGUE] = 1.0 / 7.0,
            [HS_KIND_MEMBER] = NAN},
    .untyped = 1.0,
    .scope = {[HS_SCOPE_ISSUE] = 1.0, [HS_SCOPE_BROAD] = 0.5},
};

hs_error hs_codebook_new(hs_codebook **out) {
    hs_codebook *cb = hs_malloc(sizeof *cb);
    if (!cb) return HS_ENOMEM;
    *cb = builtin;
    *out = cb;
    return HS_OK;
}

void hs_codebook_destroy(hs_codebook *cb) { free(cb); }

hs_error hs_codebook_copy(const hs_codebook *cb, hs_codebook **out) {
    hs_codebook *copy = hs_malloc(sizeof *copy);
    if (!copy) return HS_ENOMEM;
    *copy = *cb;
    *out = copy;
    return HS_OK;
}

static hs_error check_depth(const char *what, double w) {
    if (w > 0.0 && w <= 1.0) return HS_OK;
    char text[40];
    hs_format_double(text, sizeof text, w);
    return hs_error_set(HS_EARG, "codebook: %s %s is out of range (0, 1]", what, text);
}

hs_error hs_codebook_set_tie_weight(hs_codebook *cb, hs_kind kind, double weight) {
    if (kind == HS_KIND_MEMBER || kind < HS_KIND_UNSET || kind >= HS_KIND_COUNT)
        return hs_error_set(HS_EARG, "codebook: no depth for kind %d", (int)kind);
    hs_error err = check_depth(hs_kind_name(kind), weight);
    if (err) return err;
    *(kind == HS_KIND_UNSET ? &cb->untyped : &cb->tie[kind]) = weight;
    return HS_OK;
}

hs_error hs_codebook_set_scope_factor(hs_codebook *cb, hs_scope scope, double factor) {
    if (scope <= HS_SCOPE_UNSET || scope >= HS_SCOPE_COUNT)
        return hs_error_set(HS_EARG, "codebook: no factor for scope %d", (int)scope);
    hs_error err = check_depth(hs_scope_name(scope), factor);
    if (err) return err;
    cb->scope[scope] = factor;
    return HS_OK;
}

void hs_codebook_redraw_tie_weight(hs_codebook *cb, hs_kind kind, double weight) {
    if (kind == HS_KIND_UNSET) cb->untyped = weight;
    else if (kind > HS_KIND_UNSET && kind < HS_KIND_COUNT && kind != HS_KIND_MEMBER) cb->tie[kind] = weight;
}

void hs_codebook_redraw_scope_factor(hs_codebook *cb, hs_scope scope, double factor) {
    if (scope > HS_SCOPE_UNSET && scope < HS_SCOPE_COUNT) cb->scope[scope] = factor;
}

static hs_error read_depth(const char *path, const char *where, const char *name, json_t *value, double *slot) {
    if (!json_is_number(value))
        return hs_error_set(HS_EINPUT, "%s: %s.%s: expected a number in (0, 1]", path, where, name);
    double w = json_number_value(value);
    if (!(w > 0.0 && w <= 1.0)) {
        char text[40];
        hs_format_double(text, sizeof text, w);
        return hs_error_set(HS_EINPUT, "%s: %s.%s: %s is out of range (0, 1]", path, where, name, text);
    }
    *slot = w;
    return HS_OK;
}

static hs_error read_ties(hs_codebook *cb, const char *path, json_t *ties) {
    const char *name;
    json_t *value;
    json_object_foreach(ties, name, value) {
        hs_kind k = hs_kind_parse(name);
        double *slot = strcmp(name, "unspecified") == 0 ? &cb->untyped
                       : (k == HS_KIND_UNSET || k == HS_KIND_MEMBER) ? NULL
                                                                     : &cb->tie[k];
        if (!slot)
            return hs_error_set(HS_EINPUT,
                                "%s: ties.%s: unknown kind (expected treaty, access, intelligence, technology, "
                                "exercise, partnership, dialogue or unspecified)", path, name);
        hs_error err = read_depth(path, "ties", name, value, slot);
        if (err) return err;
    }
    return HS_OK;
}

static hs_error read_scopes(hs_codebook *cb, const char *path, json_t *scopes) {
    const char *name;
    json_t *value;
    json_object_foreach(scopes, name, value) {
        hs_scope s = hs_scope_parse(name);
        if (s == HS_SCOPE_UNSET)
            return hs_error_set(HS_EINPUT, "%s: scopes.%s: unknown scope (expected issue or broad)", path, name);
        hs_error err = read_depth(path, "scopes", name, value, &cb->scope[s]);
        if (err) return err;
    }
    return HS_OK;
}

hs_error hs_codebook_read_file(const char *path, hs_codebook **out) {
    /* Read like a graph file: a FIFO or a device is refused, not waited on. */
    char *data;
    size_t len;
    hs_error err = hs_file_read_all(path, path, &data, &len);
    if (err) return err;
    err = hs_codebook_read_memory(data, len, path, out);
    free(data);
    return err;
}

hs_error hs_codebook_read_memory(const char *data, size_t len, const char *display, hs_codebook **out) {
    const char *path = display ? display : "<codebook>";
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        if (jerr.line > 0) return hs_error_set(HS_EINPUT, "%s:%d: %s", path, jerr.line, jerr.text);
        return hs_error_set(HS_EINPUT, "%s: %s", path, jerr.text);
    }
    hs_codebook *cb = NULL;
    hs_error err = HS_OK;
    if (!json_is_object(root)) {
        err = hs_error_set(HS_EINPUT, "%s: a codebook is a JSON object with \"ties\" and \"scopes\"", path);
        goto done;
    }
    if ((err = hs_codebook_new(&cb))) goto done;
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value) {
        int is_ties = strcmp(key, "ties") == 0, is_scopes = strcmp(key, "scopes") == 0;
        if (!is_ties && !is_scopes && strcmp(key, "comment") != 0) {
            err = hs_error_set(HS_EINPUT, "%s: unknown key '%s' (expected ties, scopes or comment)", path, key);
            goto done;
        }
        if ((is_ties || is_scopes) && !json_is_object(value)) {
            err = hs_error_set(HS_EINPUT, "%s: '%s' must be an object", path, key);
            goto done;
        }
        if ((is_ties && (err = read_ties(cb, path, value))) || (is_scopes && (err = read_scopes(cb, path, value))))
            goto done;
    }
    *out = cb;
    cb = NULL;
done:
    hs_codebook_destroy(cb);
    json_decref(root);
    return err;
}

double hs_codebook_tie_weight(const hs_codebook *cb, hs_kind kind) {
    return (kind >= 0 && kind < HS_KIND_COUNT && kind != HS_KIND_MEMBER) ? cb->tie[kind] : cb->untyped;
}

double hs_codebook_scope_factor(const hs_codebook *cb, hs_scope scope) {
    return (scope >= 0 && scope < HS_SCOPE_COUNT) ? cb->scope[scope] : cb->scope[HS_SCOPE_ISSUE];
}

double hs_codebook_mechanism_weight(const hs_codebook *cb, hs_kind kind, hs_scope scope) {
    return hs_codebook_tie_weight(cb, kind) * hs_codebook_scope_factor(cb, scope);
}
