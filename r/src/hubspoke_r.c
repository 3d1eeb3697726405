/* The R package's C side: libhubspoke's public API through .Call.
 *
 * Every number comes from the library (its tables of results, its
 * classification, its view); this file only turns them into R objects.
 *
 * Two rules keep the R session safe:
 *  - R errors unwind with longjmp, which skips C cleanup. So every library
 *    object is held by a "guard" (an external pointer with a finalizer) from
 *    the moment it exists until it is released, and a library failure is
 *    raised as an R condition only after everything is released.
 *  - A model handed to R is an external pointer whose finalizer destroys it;
 *    a pointer saved and reloaded (NULL address) is refused, never used.
 */
#define R_NO_REMAP
#include <R.h>
#include <R_ext/Rdynload.h>
#include <Rinternals.h>

#include <malloc.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hubspoke/hubspoke.h>

#include "hs_config.h" /* written by configure: HS_R_HELPER, the build tree's DOT helper */

/* ---- guards: library objects owned by R until released ------------------------- */

typedef struct guard {
    void *p;
    void (*destroy)(void *);
} guard;

static void guard_finalize(SEXP x) {
    guard *g = R_ExternalPtrAddr(x);
    if (!g) return;
    if (g->p) g->destroy(g->p);
    free(g);
    R_ClearExternalPtr(x);
}

/* A new, empty guard; the caller PROTECTs it and stores into *guard_slot(). */
static SEXP guard_new(void (*destroy)(void *)) {
    SEXP x = PROTECT(R_MakeExternalPtr(NULL, R_NilValue, R_NilValue));
    guard *g = calloc(1, sizeof *g);
    if (!g) Rf_error("hubspoke: out of memory");
    g->destroy = destroy;
    R_SetExternalPtrAddr(x, g);
    R_RegisterCFinalizerEx(x, guard_finalize, TRUE);
    UNPROTECT(1);
    return x;
}

static void **guard_slot(SEXP x) { return &((guard *)R_ExternalPtrAddr(x))->p; }
/* Destroy what the guard holds now rather than at the next garbage collection. */
static void guard_release(SEXP x) { guard_finalize(x); }

static void d_table(void *p) { hs_table_destroy(p); }
static void d_codebook(void *p) { hs_codebook_destroy(p); }
static void d_classification(void *p) { hs_classification_destroy(p); }
static void d_view(void *p) { hs_view_destroy(p); }
static void d_model(void *p) { hs_model_destroy(p); }
static void d_free(void *p) { free(p); }

/* ---- errors: the library's message as an R condition --------------------------- */

/* Raise the last failure as a condition of class hubspoke_error (see R/errors.R).
 * Call only once every library object of the call is released or guarded. */
static void fail(hs_error err) {
    char msg[2048];
    const char *last = hs_error_last();
    snprintf(msg, sizeof msg, "%s", last && last[0] ? last : "failed");
    SEXP pkg = PROTECT(Rf_mkString("hubspoke"));
    SEXP ns = PROTECT(R_FindNamespace(pkg));
    SEXP code = PROTECT(Rf_mkString(hs_error_name(err))), text = PROTECT(Rf_mkString(msg));
    SEXP call = PROTECT(Rf_lang3(Rf_install(".hs_stop"), code, text));
    Rf_eval(call, ns);
    UNPROTECT(5);
    Rf_error("%s", msg); /* not reached: .hs_stop signals */
}

/* ---- models ----------------------------------------------------------------------- */

static SEXP model_tag;

static void model_finalize(SEXP x) {
    hs_model *m = R_ExternalPtrAddr(x);
    if (m) hs_model_destroy(m);
    R_ClearExternalPtr(x);
}

/* The model an hs_model object holds (the external pointer is its "ptr" element). */
static hs_model *get_model(SEXP x) {
    if (TYPEOF(x) == VECSXP) {
        SEXP names = Rf_getAttrib(x, R_NamesSymbol);
        for (R_xlen_t i = 0; i < XLENGTH(x); i++) {
            if (strcmp(CHAR(STRING_ELT(names, i)), "ptr") == 0) {
                x = VECTOR_ELT(x, i);
                break;
            }
        }
    }
    if (TYPEOF(x) != EXTPTRSXP || R_ExternalPtrTag(x) != model_tag)
        Rf_error("hubspoke: not a hubspoke model (make one with hs_read())");
    hs_model *m = R_ExternalPtrAddr(x);
    if (!m) Rf_error("hubspoke: this model's memory is gone (it was saved and reloaded): read the file again");
    return m;
}

/* Hand a model to R: on failure to allocate, it is destroyed. */
static SEXP wrap_model(hs_model *m) {
    SEXP guard_x = PROTECT(guard_new(d_model));
    *guard_slot(guard_x) = m;
    SEXP x = PROTECT(R_MakeExternalPtr(NULL, model_tag, R_NilValue));
    R_RegisterCFinalizerEx(x, model_finalize, TRUE);
    *guard_slot(guard_x) = NULL; /* from here the model's own finalizer owns it */
    R_SetExternalPtrAddr(x, m);
    UNPROTECT(2);
    return x;
}

static const char *opt_string(SEXP x) {
    if (Rf_isNull(x) || !Rf_isString(x) || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING) return NULL;
    return CHAR(STRING_ELT(x, 0));
}

SEXP hs_r_read(SEXP path, SEXP display) {
    hs_model *m = NULL;
    hs_error err = hs_model_read_file(CHAR(STRING_ELT(path, 0)), HS_FORMAT_UNKNOWN, opt_string(display), &m);
    if (err) fail(err);
    return wrap_model(m);
}

SEXP hs_r_set_helper(SEXP path) {
    hs_error err = hs_dot_helper_set_path(opt_string(path));
    if (err) fail(err);
    return Rf_mkString(hs_dot_helper_path());
}

SEXP hs_r_set_limits(SEXP states, SEXP ties) {
    size_t s, t;
    hs_get_load_limits(&s, &t);
    if (!Rf_isNull(states)) s = (size_t)Rf_asReal(states);
    if (!Rf_isNull(ties)) t = (size_t)Rf_asReal(ties);
    hs_set_load_limits(s, t);
    SEXP out = PROTECT(Rf_allocVector(REALSXP, 2));
    REAL(out)[0] = (double)s;
    REAL(out)[1] = (double)t;
    UNPROTECT(1);
    return out;
}

static SEXP str_or_na(const char *s) { return s ? Rf_mkChar(s) : NA_STRING; }

static SEXP named_list(int n, const char **names) {
    SEXP x = PROTECT(Rf_allocVector(VECSXP, n));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, n));
    for (int i = 0; i < n; i++) SET_STRING_ELT(nm, i, Rf_mkChar(names[i]));
    Rf_setAttrib(x, R_NamesSymbol, nm);
    UNPROTECT(2);
    return x;
}

static double span_bound(int y, int open) { return y == open ? NA_REAL : (double)y; }

SEXP hs_r_model_info(SEXP model) {
    const hs_model *m = get_model(model);
    static const char *names[] = {"file", "format", "directed", "name", "hub", "period", "states", "mechanisms",
                                  "edges"};
    SEXP out = PROTECT(named_list(9, names));
    size_t nv = hs_model_vertex_count(m), states = 0;
    for (size_t i = 0; i < nv; i++) states += hs_vertex_type_of(m, i) == HS_VERTEX_STATE;
    SET_VECTOR_ELT(out, 0, Rf_ScalarString(str_or_na(hs_model_file(m))));
    SET_VECTOR_ELT(out, 1, Rf_mkString(hs_format_name(hs_model_format(m))));
    SET_VECTOR_ELT(out, 2, Rf_ScalarLogical(hs_model_directed(m)));
    SET_VECTOR_ELT(out, 3, Rf_ScalarString(str_or_na(hs_model_name(m))));
    SET_VECTOR_ELT(out, 4, Rf_ScalarString(str_or_na(hs_model_hub(m))));
    SET_VECTOR_ELT(out, 5, Rf_ScalarString(str_or_na(hs_model_period(m))));
    SET_VECTOR_ELT(out, 6, Rf_ScalarReal((double)states));
    SET_VECTOR_ELT(out, 7, Rf_ScalarReal((double)(nv - states)));
    SET_VECTOR_ELT(out, 8, Rf_ScalarReal((double)hs_model_edge_count(m)));
    UNPROTECT(1);
    return out;
}

/* The model's vertices and edges with the schema's attributes, as columns
 * (list(vertices = list(...), edges = list(...)); R makes the data frames). */
SEXP hs_r_model_tables(SEXP model) {
    const hs_model *m = get_model(model);
    R_xlen_t nv = (R_xlen_t)hs_model_vertex_count(m), ne = (R_xlen_t)hs_model_edge_count(m);
    static const char *vnames[] = {"id", "label", "type", "role", "since", "until", "kind", "scope", "issue",
                                   "weight"};
    static const char *enames[] = {"from", "to", "kind", "weight", "since", "until", "source", "label"};
    static const char *top[] = {"vertices", "edges"};
    SEXP out = PROTECT(named_list(2, top));
    SEXP v = PROTECT(named_list(10, vnames));
    SEXP id = PROTECT(Rf_allocVector(STRSXP, nv)), label = PROTECT(Rf_allocVector(STRSXP, nv)),
         type = PROTECT(Rf_allocVector(STRSXP, nv)), role = PROTECT(Rf_allocVector(STRSXP, nv)),
         since = PROTECT(Rf_allocVector(REALSXP, nv)), until = PROTECT(Rf_allocVector(REALSXP, nv)),
         kind = PROTECT(Rf_allocVector(STRSXP, nv)), scope = PROTECT(Rf_allocVector(STRSXP, nv)),
         issue = PROTECT(Rf_allocVector(STRSXP, nv)), weight = PROTECT(Rf_allocVector(REALSXP, nv));
    for (R_xlen_t i = 0; i < nv; i++) {
        size_t k = (size_t)i;
        int mech = hs_vertex_type_of(m, k) == HS_VERTEX_MECHANISM;
        SET_STRING_ELT(id, i, Rf_mkChar(hs_vertex_id(m, k)));
        SET_STRING_ELT(label, i, str_or_na(hs_vertex_label(m, k)));
        SET_STRING_ELT(type, i, Rf_mkChar(mech ? "mechanism" : "state"));
        hs_role r = hs_vertex_role(m, k);
        SET_STRING_ELT(role, i, r == HS_ROLE_UNSET ? NA_STRING : Rf_mkChar(hs_role_name(r)));
        REAL(since)[i] = span_bound(hs_vertex_since(m, k), HS_SINCE_OPEN);
        REAL(until)[i] = span_bound(hs_vertex_until(m, k), HS_UNTIL_OPEN);
        hs_kind kd = hs_vertex_kind(m, k);
        SET_STRING_ELT(kind, i, kd == HS_KIND_UNSET ? NA_STRING : Rf_mkChar(hs_kind_name(kd)));
        hs_scope sc = hs_vertex_scope(m, k);
        SET_STRING_ELT(scope, i, sc == HS_SCOPE_UNSET ? NA_STRING : Rf_mkChar(hs_scope_name(sc)));
        SET_STRING_ELT(issue, i, str_or_na(hs_vertex_issue(m, k)));
        double w = hs_vertex_weight(m, k);
        REAL(weight)[i] = isnan(w) ? NA_REAL : w;
    }
    SEXP vcols[] = {id, label, type, role, since, until, kind, scope, issue, weight};
    for (int c = 0; c < 10; c++) SET_VECTOR_ELT(v, c, vcols[c]);
    SET_VECTOR_ELT(out, 0, v);
    UNPROTECT(11);

    SEXP e = PROTECT(named_list(8, enames));
    SEXP from = PROTECT(Rf_allocVector(STRSXP, ne)), to = PROTECT(Rf_allocVector(STRSXP, ne)),
         ekind = PROTECT(Rf_allocVector(STRSXP, ne)), ew = PROTECT(Rf_allocVector(REALSXP, ne)),
         esince = PROTECT(Rf_allocVector(REALSXP, ne)), euntil = PROTECT(Rf_allocVector(REALSXP, ne)),
         source = PROTECT(Rf_allocVector(STRSXP, ne)), elabel = PROTECT(Rf_allocVector(STRSXP, ne));
    for (R_xlen_t i = 0; i < ne; i++) {
        size_t k = (size_t)i;
        SET_STRING_ELT(from, i, Rf_mkChar(hs_vertex_id(m, hs_edge_from(m, k))));
        SET_STRING_ELT(to, i, Rf_mkChar(hs_vertex_id(m, hs_edge_to(m, k))));
        hs_kind kd = hs_edge_kind(m, k);
        SET_STRING_ELT(ekind, i, kd == HS_KIND_UNSET ? NA_STRING : Rf_mkChar(hs_kind_name(kd)));
        double w = hs_edge_weight(m, k);
        REAL(ew)[i] = isnan(w) ? NA_REAL : w;
        REAL(esince)[i] = span_bound(hs_edge_since(m, k), HS_SINCE_OPEN);
        REAL(euntil)[i] = span_bound(hs_edge_until(m, k), HS_UNTIL_OPEN);
        SET_STRING_ELT(source, i, str_or_na(hs_edge_source(m, k)));
        SET_STRING_ELT(elabel, i, str_or_na(hs_edge_label(m, k)));
    }
    SEXP ecols[] = {from, to, ekind, ew, esince, euntil, source, elabel};
    for (int c = 0; c < 8; c++) SET_VECTOR_ELT(e, c, ecols[c]);
    SET_VECTOR_ELT(out, 1, e);
    UNPROTECT(10);
    return out;
}

/* ---- view options from R arguments ------------------------------------------------ */

/* A character vector's strings as a C array in a guard (the strings stay R's). */
static const char **c_strings(SEXP x, size_t *n, SEXP *guard_out) {
    *n = Rf_isNull(x) ? 0 : (size_t)XLENGTH(x);
    *guard_out = PROTECT(guard_new(d_free));
    const char **a = NULL;
    if (*n) {
        a = calloc(*n, sizeof *a);
        if (!a) Rf_error("hubspoke: out of memory");
        *guard_slot(*guard_out) = a;
        for (size_t i = 0; i < *n; i++) a[i] = CHAR(STRING_ELT(x, (R_xlen_t)i));
    }
    UNPROTECT(1);
    return a;
}

/* The view options of (year, hub, focus, codebook); the codebook (a JSON
 * file, or NULL: built-in) and the focus array are held by guards the caller
 * PROTECTs (two protections are left on the stack: UNPROTECT(2) after use). */
static void view_options(SEXP year, SEXP hub, SEXP focus, SEXP codebook, hs_view_options *vo) {
    hs_view_options_init(vo);
    if (!Rf_isNull(year) && XLENGTH(year) == 1 && !ISNA(Rf_asReal(year))) {
        vo->has_year = 1;
        vo->year = Rf_asInteger(year);
    }
    vo->hub = opt_string(hub);
    SEXP fg;
    vo->focus = c_strings(focus, &vo->focus_count, &fg);
    PROTECT(fg);
    SEXP cg = PROTECT(guard_new(d_codebook));
    const char *cb_path = opt_string(codebook);
    hs_codebook *cb = NULL;
    hs_error err = cb_path ? hs_codebook_read_file(cb_path, &cb) : hs_codebook_new(&cb);
    if (err) fail(err);
    *guard_slot(cg) = cb;
    vo->codebook = cb;
}

/* ---- tables -------------------------------------------------------------------------- */

/* An hs_table as a named list of columns (R makes the data frame): real ->
 * double, integer -> integer (double when a value does not fit), flag ->
 * logical, text and list -> character (a list cell is its JSON text); NaN and
 * NULL -> NA. The measure registry names the column's type. */
static SEXP table_columns(const hs_table *t) {
    size_t nr = hs_table_row_count(t), nc = hs_table_column_count(t);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, (R_xlen_t)nc));
    SEXP names = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nc));
    SEXP types = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nc));
    for (size_t c = 0; c < nc; c++) {
        SET_STRING_ELT(names, (R_xlen_t)c, Rf_mkChar(hs_table_column_name(t, c)));
        hs_value_type type = hs_table_column_type(t, c);
        SET_STRING_ELT(types, (R_xlen_t)c, Rf_mkChar(hs_value_type_name(type)));
        SEXP col;
        if (type == HS_VALUE_TEXT || type == HS_VALUE_LIST) {
            col = PROTECT(Rf_allocVector(STRSXP, (R_xlen_t)nr));
            for (size_t r = 0; r < nr; r++) SET_STRING_ELT(col, (R_xlen_t)r, str_or_na(hs_table_text(t, r, c)));
        } else if (type == HS_VALUE_FLAG) {
            col = PROTECT(Rf_allocVector(LGLSXP, (R_xlen_t)nr));
            for (size_t r = 0; r < nr; r++) {
                double x = hs_table_number(t, r, c);
                LOGICAL(col)[r] = isnan(x) ? NA_LOGICAL : x != 0.0;
            }
        } else {
            int fits = type == HS_VALUE_INTEGER;
            for (size_t r = 0; fits && r < nr; r++) {
                double x = hs_table_number(t, r, c);
                fits = isnan(x) || (fabs(x) < 2147483647.0 && x == floor(x));
            }
            if (fits) {
                col = PROTECT(Rf_allocVector(INTSXP, (R_xlen_t)nr));
                for (size_t r = 0; r < nr; r++) {
                    double x = hs_table_number(t, r, c);
                    INTEGER(col)[r] = isnan(x) ? NA_INTEGER : (int)x;
                }
            } else {
                col = PROTECT(Rf_allocVector(REALSXP, (R_xlen_t)nr));
                for (size_t r = 0; r < nr; r++) {
                    double x = hs_table_number(t, r, c);
                    REAL(col)[r] = isnan(x) ? NA_REAL : x;
                }
            }
        }
        SET_VECTOR_ELT(out, (R_xlen_t)c, col);
        UNPROTECT(1);
    }
    Rf_setAttrib(out, R_NamesSymbol, names);
    Rf_setAttrib(out, Rf_install("hs_types"), types);
    UNPROTECT(3);
    return out;
}

/* The table a guard holds as columns, then released (NULL: R's NULL). */
static SEXP take_table(SEXP g) {
    hs_table *t = *guard_slot(g);
    SEXP x = t ? table_columns(t) : R_NilValue;
    PROTECT(x);
    guard_release(g);
    UNPROTECT(1);
    return x;
}

static void metrics_options(SEXP measures, SEXP permutations, SEXP seed, hs_metrics_options *mo, SEXP *g) {
    hs_metrics_options_init(mo);
    mo->measures = c_strings(measures, &mo->measure_count, g);
    if (!mo->measure_count) mo->measures = NULL;
    if (!Rf_isNull(permutations)) mo->permutations = (size_t)Rf_asReal(permutations);
    if (!Rf_isNull(seed)) mo->seed = (uint64_t)Rf_asReal(seed);
}

static const int *c_years(SEXP years, size_t *n) {
    *n = Rf_isNull(years) ? 0 : (size_t)XLENGTH(years);
    return *n ? INTEGER(years) : NULL;
}

/* The system and states tables (list(system, states)) of one view
 * (years = NULL, with year in the view options) or a panel (years, integer). */
SEXP hs_r_metrics(SEXP model, SEXP year, SEXP years, SEXP hub, SEXP focus, SEXP codebook, SEXP measures,
                  SEXP permutations, SEXP seed, SEXP want_system, SEXP want_states) {
    const hs_model *m = get_model(model);
    hs_view_options vo;
    view_options(year, hub, focus, codebook, &vo);
    hs_metrics_options mo;
    SEXP mg;
    metrics_options(measures, permutations, seed, &mo, &mg);
    PROTECT(mg);
    SEXP sg = PROTECT(guard_new(d_table)), tg = PROTECT(guard_new(d_table));
    size_t ny;
    const int *ys = c_years(years, &ny);
    hs_table *sys = NULL, *st = NULL;
    hs_error err = hs_metrics_table(m, &vo, ys, ny, &mo, Rf_asLogical(want_system) ? &sys : NULL,
                                    Rf_asLogical(want_states) ? &st : NULL);
    *guard_slot(sg) = sys;
    *guard_slot(tg) = st;
    if (err) fail(err);
    static const char *names[] = {"system", "states"};
    SEXP out = PROTECT(named_list(2, names));
    SET_VECTOR_ELT(out, 0, take_table(sg));
    SET_VECTOR_ELT(out, 1, take_table(tg));
    UNPROTECT(6);
    return out;
}

/* The system table over several models (one per period). */
SEXP hs_r_metrics_models(SEXP models, SEXP year, SEXP hub, SEXP focus, SEXP codebook, SEXP measures, SEXP permutations,
                         SEXP seed) {
    size_t n = (size_t)XLENGTH(models);
    SEXP ag = PROTECT(guard_new(d_free));
    const hs_model **ms = calloc(n ? n : 1, sizeof *ms);
    if (!ms) Rf_error("hubspoke: out of memory");
    *guard_slot(ag) = (void *)ms;
    for (size_t i = 0; i < n; i++) ms[i] = get_model(VECTOR_ELT(models, (R_xlen_t)i));
    hs_view_options vo;
    view_options(year, hub, focus, codebook, &vo);
    hs_metrics_options mo;
    SEXP mg;
    metrics_options(measures, permutations, seed, &mo, &mg);
    PROTECT(mg);
    SEXP sg = PROTECT(guard_new(d_table));
    hs_table *sys = NULL;
    hs_error err = hs_metrics_table_models((const hs_model *const *)ms, n, &vo, &mo, &sys, NULL);
    *guard_slot(sg) = sys;
    if (err) fail(err);
    SEXP out = take_table(sg);
    UNPROTECT(5);
    return out;
}

/* The measure registry, as columns. */
SEXP hs_r_measures(void) {
    size_t n = hs_measure_count();
    static const char *names[] = {"name", "kind", "group", "type", "unit", "description", "default", "needs_hub"};
    SEXP out = PROTECT(named_list(8, names));
    SEXP cols[8];
    for (int c = 0; c < 8; c++) {
        cols[c] = Rf_allocVector(c >= 6 ? LGLSXP : STRSXP, (R_xlen_t)n);
        SET_VECTOR_ELT(out, c, cols[c]);
    }
    for (size_t i = 0; i < n; i++) {
        const hs_measure *x = hs_measure_get(i);
        R_xlen_t r = (R_xlen_t)i;
        SET_STRING_ELT(cols[0], r, Rf_mkChar(x->name));
        SET_STRING_ELT(cols[1], r, Rf_mkChar(x->kind == HS_MEASURE_SYSTEM ? "system" : "state"));
        SET_STRING_ELT(cols[2], r, Rf_mkChar(x->group));
        SET_STRING_ELT(cols[3], r, Rf_mkChar(hs_value_type_name(x->type)));
        SET_STRING_ELT(cols[4], r, Rf_mkChar(x->unit));
        SET_STRING_ELT(cols[5], r, Rf_mkChar(x->description));
        LOGICAL(cols[6])[r] = (x->flags & HS_MEASURE_DEFAULT) != 0;
        LOGICAL(cols[7])[r] = (x->flags & HS_MEASURE_NEEDS_HUB) != 0;
    }
    UNPROTECT(1);
    return out;
}

/* ---- classify ------------------------------------------------------------------------ */

/* options: a named list of numbers (NULL or absent: the library's default):
 * critical_mass, reference_quantile, threshold_unidirectionality,
 * threshold_closedness (NA: the reference rule), sensitivity, seed, spread,
 * recode, ambiguous_below. Returns list(mechanisms, reference, settings):
 * the mechanisms' columns in the CLI's CSV order (alternatives a list of
 * named shares), the reference magnitudes, and the options as applied. */
static int opt_number(SEXP options, const char *name, double *out) {
    SEXP names = Rf_getAttrib(options, R_NamesSymbol);
    for (R_xlen_t i = 0; i < XLENGTH(options); i++)
        if (!strcmp(CHAR(STRING_ELT(names, i)), name)) {
            SEXP x = VECTOR_ELT(options, i);
            if (Rf_isNull(x)) return 0;
            *out = Rf_asReal(x);
            return 1;
        }
    return 0;
}

static SEXP num_or_na(double x) { return Rf_ScalarReal(isnan(x) ? NA_REAL : x); }

SEXP hs_r_classify(SEXP model, SEXP year, SEXP hub, SEXP focus, SEXP codebook, SEXP mechanism, SEXP options) {
    const hs_model *m = get_model(model);
    hs_view_options vo;
    view_options(year, hub, focus, codebook, &vo);
    hs_classify_options co;
    hs_classify_options_init(&co);
    co.mechanism = opt_string(mechanism);
    double x;
    if (opt_number(options, "critical_mass", &x)) co.critical_mass = (size_t)x;
    if (opt_number(options, "reference_quantile", &x)) co.reference_quantile = x;
    if (opt_number(options, "threshold_unidirectionality", &x)) co.threshold_unidirectionality = ISNA(x) ? NAN : x;
    if (opt_number(options, "threshold_closedness", &x)) co.threshold_closedness = ISNA(x) ? NAN : x;
    if (opt_number(options, "sensitivity", &x)) co.sensitivity = (size_t)x;
    if (opt_number(options, "seed", &x)) co.seed = (uint64_t)x;
    if (opt_number(options, "spread", &x)) co.spread = x;
    if (opt_number(options, "recode", &x)) co.recode = x;
    if (opt_number(options, "ambiguous_below", &x)) co.ambiguous_below = x;
    SEXP g = PROTECT(guard_new(d_classification));
    hs_classification *c = NULL;
    hs_error err = hs_classification_new(m, &vo, &co, &c);
    *guard_slot(g) = c;
    if (err) fail(err);

    /* The CLI's CSV columns after year and hub; T text, I integer, L logical, R real, A alternatives. */
    static const char *names[] = {"id", "label", "size", "size_class", "outside_members",
                                  "exceeds_one_outside_partner", "type", "verdict", "agreement", "alternatives",
                                  "cell", "system_delta_unidirectionality", "system_delta_closedness",
                                  "system_unidirectionality_without", "system_unidirectionality_with",
                                  "system_closedness_without", "system_closedness_with", "type_lines",
                                  "cell_lines", "agreement_lines", "delta_unidirectionality", "delta_closedness",
                                  "unidirectionality_without", "unidirectionality_with", "closedness_without",
                                  "closedness_with", "members", "explanation", "hub"};
    static const char types[] = "TTITILTTRATRRRRRRTTRRRRRRRTTT";
    enum { NCOL = 29 };
    R_xlen_t n = (R_xlen_t)hs_classification_count(c);
    SEXP out = PROTECT(named_list(NCOL, names));
    for (int k = 0; k < NCOL; k++) {
        SEXPTYPE t = types[k] == 'T' ? STRSXP : types[k] == 'I' ? INTSXP : types[k] == 'L' ? LGLSXP
                   : types[k] == 'R' ? REALSXP : VECSXP;
        SET_VECTOR_ELT(out, k, Rf_allocVector(t, n));
    }
#define COL(k) VECTOR_ELT(out, k)
#define NUM(k, v) (REAL(COL(k))[i] = isnan(v) ? NA_REAL : (v))
    for (R_xlen_t i = 0; i < n; i++) {
        const hs_mechanism_class *mc = hs_classification_get(c, (size_t)i);
        int typed = mc->type != HS_MECHANISM_UNCLASSIFIED;
        SET_STRING_ELT(COL(0), i, Rf_mkChar(mc->id));
        SET_STRING_ELT(COL(1), i, str_or_na(mc->label));
        INTEGER(COL(2))[i] = (int)mc->member_count;
        SET_STRING_ELT(COL(3), i, str_or_na(hs_size_class_name(mc->size_class)));
        INTEGER(COL(4))[i] = (int)mc->outside_members;
        LOGICAL(COL(5))[i] = mc->exceeds_one_outside_partner != 0;
        SET_STRING_ELT(COL(6), i, str_or_na(hs_mechanism_type_name(mc->type)));
        SET_STRING_ELT(COL(7), i, str_or_na(hs_mechanism_type_name(mc->verdict)));
        NUM(8, mc->agreement);
        SEXP alt = Rf_allocVector(REALSXP, (R_xlen_t)mc->alternative_count);
        SET_VECTOR_ELT(COL(9), i, alt);
        SEXP altn = Rf_allocVector(STRSXP, (R_xlen_t)mc->alternative_count);
        Rf_setAttrib(alt, R_NamesSymbol, altn);
        for (size_t a = 0; a < mc->alternative_count; a++) {
            REAL(alt)[a] = mc->alternative_shares[a];
            SET_STRING_ELT(altn, (R_xlen_t)a, str_or_na(hs_mechanism_type_name(mc->alternative_types[a])));
        }
        SET_STRING_ELT(COL(10), i, typed ? str_or_na(hs_mechanism_type_name(mc->cell)) : NA_STRING);
        NUM(11, mc->system_delta_unidirectionality);
        NUM(12, mc->system_delta_closedness);
        NUM(13, mc->system_unidirectionality_without);
        NUM(14, mc->system_unidirectionality_with);
        NUM(15, mc->system_closedness_without);
        NUM(16, mc->system_closedness_with);
        SET_STRING_ELT(COL(17), i, str_or_na(hs_mechanism_type_name(mc->type_lines)));
        SET_STRING_ELT(COL(18), i, typed ? str_or_na(hs_mechanism_type_name(mc->cell_lines)) : NA_STRING);
        NUM(19, mc->agreement_lines);
        NUM(20, mc->delta_unidirectionality);
        NUM(21, mc->delta_closedness);
        NUM(22, mc->unidirectionality_without);
        NUM(23, mc->unidirectionality_with);
        NUM(24, mc->closedness_without);
        NUM(25, mc->closedness_with);
        /* members as the CSV writes them: id:role;id:role */
        size_t len = 1;
        for (size_t j = 0; j < mc->member_count; j++) len += strlen(mc->member_ids[j]) + 16;
        char *buf = R_alloc(len, 1);
        buf[0] = '\0';
        for (size_t j = 0; j < mc->member_count; j++) {
            strcat(buf, j ? ";" : "");
            strcat(buf, mc->member_ids[j]);
            strcat(buf, ":");
            strcat(buf, hs_role_name(mc->member_roles[j]));
        }
        SET_STRING_ELT(COL(26), i, Rf_mkChar(buf));
        SET_STRING_ELT(COL(27), i, str_or_na(mc->explanation));
        SET_STRING_ELT(COL(28), i, str_or_na(hs_classification_hub(c)));
    }
#undef NUM
#undef COL

    /* The reference magnitudes: picture x index, with the relations that entered each. */
    static const char *rnames[] = {"picture", "index", "reference", "relations"};
    SEXP ref = PROTECT(named_list(4, rnames));
    SEXP rp = Rf_allocVector(STRSXP, 4), ri = Rf_allocVector(STRSXP, 4), rv = Rf_allocVector(REALSXP, 4),
         rn = Rf_allocVector(INTSXP, 4);
    SET_VECTOR_ELT(ref, 0, rp);
    SET_VECTOR_ELT(ref, 1, ri);
    SET_VECTOR_ELT(ref, 2, rv);
    SET_VECTOR_ELT(ref, 3, rn);
    for (int k = 0; k < 4; k++) {
        hs_picture pic = k < 2 ? HS_PICTURE_SYSTEM : HS_PICTURE_LINES;
        size_t rel = 0;
        double r = hs_classification_reference(c, pic, k % 2 == 0, &rel);
        SET_STRING_ELT(rp, k, Rf_mkChar(k < 2 ? "system" : "lines"));
        SET_STRING_ELT(ri, k, Rf_mkChar(k % 2 == 0 ? "unidirectionality" : "closedness"));
        REAL(rv)[k] = isnan(r) ? NA_REAL : r;
        INTEGER(rn)[k] = (int)rel;
    }

    /* The options as applied (the CLI's "critical_mass", "thresholds", "sensitivity"). */
    int fixed = !isnan(co.threshold_unidirectionality) || !isnan(co.threshold_closedness);
    static const char *snames[] = {"critical_mass", "rule", "quantile", "threshold_unidirectionality",
                                   "threshold_closedness", "tolerance", "draws", "seed", "spread", "recode",
                                   "quantile_range", "ambiguous_below"};
    SEXP set = PROTECT(named_list(12, snames));
    SET_VECTOR_ELT(set, 0, Rf_ScalarInteger((int)co.critical_mass));
    SET_VECTOR_ELT(set, 1, Rf_mkString(fixed ? "fixed" : "reference"));
    SET_VECTOR_ELT(set, 2, Rf_ScalarReal(co.reference_quantile));
    SET_VECTOR_ELT(set, 3, num_or_na(co.threshold_unidirectionality));
    SET_VECTOR_ELT(set, 4, num_or_na(co.threshold_closedness));
    SET_VECTOR_ELT(set, 5, Rf_ScalarReal(HS_CLASSIFY_TOLERANCE));
    SET_VECTOR_ELT(set, 6, Rf_ScalarReal((double)co.sensitivity));
    SET_VECTOR_ELT(set, 7, Rf_ScalarReal((double)co.seed));
    SET_VECTOR_ELT(set, 8, Rf_ScalarReal(co.spread));
    SET_VECTOR_ELT(set, 9, Rf_ScalarReal(co.recode));
    SEXP range = Rf_allocVector(REALSXP, 2);
    SET_VECTOR_ELT(set, 10, range);
    REAL(range)[0] = co.quantile_low;
    REAL(range)[1] = co.quantile_high;
    SET_VECTOR_ELT(set, 11, Rf_ScalarReal(co.ambiguous_below));

    static const char *onames[] = {"mechanisms", "reference", "settings"};
    SEXP res = PROTECT(named_list(3, onames));
    SET_VECTOR_ELT(res, 0, out);
    SET_VECTOR_ELT(res, 1, ref);
    SET_VECTOR_ELT(res, 2, set);
    guard_release(g);
    UNPROTECT(7);
    return res;
}

/* ---- what-if ------------------------------------------------------------------------- */

static const char *const edit_names[] = {"drop_tie", "drop_state", "drop_mechanism", "add_tie", "add_member",
                                         "add_mechanism"};

/* scenarios: a named list of lists(type, a, b, kind, scope), each a character
 * vector of one entry per edit (NA: absent). */
SEXP hs_r_whatif(SEXP model, SEXP years, SEXP hub, SEXP focus, SEXP codebook, SEXP scenarios, SEXP measures,
                 SEXP permutations, SEXP seed) {
    const hs_model *m = get_model(model);
    hs_view_options vo;
    view_options(R_NilValue, hub, focus, codebook, &vo);
    hs_metrics_options mo;
    SEXP mg;
    metrics_options(measures, permutations, seed, &mo, &mg);
    PROTECT(mg);
    size_t ns = (size_t)XLENGTH(scenarios), total = 0;
    for (size_t s = 0; s < ns; s++) total += (size_t)XLENGTH(VECTOR_ELT(VECTOR_ELT(scenarios, (R_xlen_t)s), 0));
    SEXP eg = PROTECT(guard_new(d_free)), scg = PROTECT(guard_new(d_free));
    hs_view_edit *edits = calloc(total ? total : 1, sizeof *edits);
    if (edits) *guard_slot(eg) = edits;
    hs_scenario *sc = calloc(ns ? ns : 1, sizeof *sc);
    if (sc) *guard_slot(scg) = sc;
    if (!edits || !sc) Rf_error("hubspoke: out of memory");
    SEXP snames = Rf_getAttrib(scenarios, R_NamesSymbol);
    size_t at = 0;
    for (size_t s = 0; s < ns; s++) {
        SEXP e = VECTOR_ELT(scenarios, (R_xlen_t)s);
        SEXP type = VECTOR_ELT(e, 0), a = VECTOR_ELT(e, 1), b = VECTOR_ELT(e, 2), kind = VECTOR_ELT(e, 3),
             scope = VECTOR_ELT(e, 4);
        sc[s].name = CHAR(STRING_ELT(snames, (R_xlen_t)s));
        sc[s].edits = edits + at;
        sc[s].edit_count = (size_t)XLENGTH(type);
        for (R_xlen_t i = 0; i < XLENGTH(type); i++, at++) {
            hs_view_edit *x = &edits[at];
            const char *t = CHAR(STRING_ELT(type, i));
            int found = -1;
            for (int k = 0; k < 6; k++)
                if (strcmp(t, edit_names[k]) == 0) found = k;
            if (found < 0) Rf_error("hubspoke: unknown edit type '%s'", t);
            x->type = (hs_view_edit_type)found;
            x->a = STRING_ELT(a, i) == NA_STRING ? NULL : CHAR(STRING_ELT(a, i));
            x->b = STRING_ELT(b, i) == NA_STRING ? NULL : CHAR(STRING_ELT(b, i));
            x->kind = STRING_ELT(kind, i) == NA_STRING ? HS_KIND_UNSET : hs_kind_parse(CHAR(STRING_ELT(kind, i)));
            x->scope =
                STRING_ELT(scope, i) == NA_STRING ? HS_SCOPE_UNSET : hs_scope_parse(CHAR(STRING_ELT(scope, i)));
        }
    }
    SEXP bg = PROTECT(guard_new(d_table)), ag = PROTECT(guard_new(d_table)), cg = PROTECT(guard_new(d_table));
    size_t ny;
    const int *ys = c_years(years, &ny);
    hs_table *before = NULL, *after = NULL, *change = NULL;
    hs_error err = hs_whatif_table(m, &vo, ys, ny, sc, ns, &mo, &before, &after, &change);
    *guard_slot(bg) = before;
    *guard_slot(ag) = after;
    *guard_slot(cg) = change;
    if (err) fail(err);
    static const char *names[] = {"before", "after", "change"};
    SEXP out = PROTECT(named_list(3, names));
    SET_VECTOR_ELT(out, 0, take_table(bg));
    SET_VECTOR_ELT(out, 1, take_table(ag));
    SET_VECTOR_ELT(out, 2, take_table(cg));
    UNPROTECT(9);
    return out;
}

/* ---- the view: states, ties, and the two graphs, for network and igraph ------------- */

static SEXP graph_frame(const igraph_t *g, const igraph_vector_t *w) {
    static const char *names[] = {"from", "to", "weight"};
    igraph_integer_t m = igraph_ecount(g);
    SEXP out = PROTECT(named_list(3, names));
    SEXP from = Rf_allocVector(INTSXP, m);
    SET_VECTOR_ELT(out, 0, from);
    SEXP to = Rf_allocVector(INTSXP, m);
    SET_VECTOR_ELT(out, 1, to);
    SEXP weight = Rf_allocVector(REALSXP, m);
    SET_VECTOR_ELT(out, 2, weight);
    for (igraph_integer_t e = 0; e < m; e++) {
        INTEGER(from)[e] = (int)IGRAPH_FROM(g, e) + 1;
        INTEGER(to)[e] = (int)IGRAPH_TO(g, e) + 1;
        REAL(weight)[e] = VECTOR(*w)[e];
    }
    UNPROTECT(1);
    return out;
}

typedef struct depgraph {
    igraph_t g;
    igraph_vector_t w;
} depgraph;

static void d_depgraph(void *p) {
    depgraph *d = p;
    igraph_destroy(&d->g);
    igraph_vector_destroy(&d->w);
    free(d);
}

SEXP hs_r_view(SEXP model, SEXP year, SEXP hub, SEXP focus, SEXP codebook) {
    const hs_model *m = get_model(model);
    hs_view_options vo;
    view_options(year, hub, focus, codebook, &vo);
    SEXP vg = PROTECT(guard_new(d_view));
    hs_view *v = NULL;
    hs_error err = hs_view_new(m, &vo, &v);
    *guard_slot(vg) = v;
    if (err) fail(err);
    SEXP dg = PROTECT(guard_new(d_depgraph));
    depgraph *dep = malloc(sizeof *dep);
    if (!dep) Rf_error("hubspoke: out of memory");
    err = hs_view_dependence_graph(v, NULL, &dep->g, &dep->w);
    if (err) {
        free(dep);
        guard_release(vg);
        fail(err);
    }
    *guard_slot(dg) = dep;

    static const char *names[] = {"year", "hub", "hub_source", "states", "ties", "security", "dependence",
                                  "mechanisms"};
    SEXP out = PROTECT(named_list(8, names));
    SET_VECTOR_ELT(out, 0, Rf_ScalarInteger(hs_view_has_year(v) ? hs_view_year(v) : NA_INTEGER));
    long h = hs_view_hub(v);
    SET_VECTOR_ELT(out, 1, Rf_ScalarString(h >= 0 ? Rf_mkChar(hs_view_state_id(v, (size_t)h)) : NA_STRING));
    SET_VECTOR_ELT(out, 2, Rf_mkString(hs_hub_source_name(hs_view_hub_source(v))));

    size_t n = hs_view_state_count(v);
    static const char *snames[] = {"id", "label", "role"};
    SEXP st = PROTECT(named_list(3, snames));
    SEXP id = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(st, 0, id);
    SEXP label = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(st, 1, label);
    SEXP role = Rf_allocVector(STRSXP, (R_xlen_t)n);
    SET_VECTOR_ELT(st, 2, role);
    for (size_t s = 0; s < n; s++) {
        SET_STRING_ELT(id, (R_xlen_t)s, Rf_mkChar(hs_view_state_id(v, s)));
        SET_STRING_ELT(label, (R_xlen_t)s, str_or_na(hs_vertex_label(m, hs_view_state_vertex(v, s))));
        SET_STRING_ELT(role, (R_xlen_t)s, Rf_mkChar(hs_role_name(hs_view_state_role(v, s))));
    }
    SET_VECTOR_ELT(out, 3, st);
    UNPROTECT(1);

    size_t nt = hs_view_tie_count(v);
    const hs_tie *ties = hs_view_ties(v);
    static const char *tnames[] = {"from", "to", "weight", "kind", "mechanism", "mutual", "hub_in_mechanism",
                                   "line", "share"};
    SEXP tt = PROTECT(named_list(9, tnames));
    SEXP cols[9];
    SEXPTYPE types[9] = {INTSXP, INTSXP, REALSXP, STRSXP, STRSXP, LGLSXP, LGLSXP, LGLSXP, REALSXP};
    for (int c = 0; c < 9; c++) {
        cols[c] = Rf_allocVector(types[c], (R_xlen_t)nt);
        SET_VECTOR_ELT(tt, c, cols[c]);
    }
    for (size_t i = 0; i < nt; i++) {
        const hs_tie *t = &ties[i];
        R_xlen_t r = (R_xlen_t)i;
        INTEGER(cols[0])[r] = (int)t->a + 1;
        INTEGER(cols[1])[r] = (int)t->b + 1;
        REAL(cols[2])[r] = t->weight;
        SET_STRING_ELT(cols[3], r, Rf_mkChar(hs_kind_name((hs_kind)t->kind)));
        SET_STRING_ELT(cols[4], r, t->mechanism ? Rf_mkChar(hs_vertex_id(m, (size_t)t->source)) : NA_STRING);
        LOGICAL(cols[5])[r] = t->mutual;
        LOGICAL(cols[6])[r] = t->hub_in_mechanism;
        LOGICAL(cols[7])[r] = t->line;
        REAL(cols[8])[r] = t->share;
    }
    SET_VECTOR_ELT(out, 4, tt);
    UNPROTECT(1);
    SET_VECTOR_ELT(out, 5, graph_frame(hs_view_security_graph(v), hs_view_security_weights(v)));
    SET_VECTOR_ELT(out, 6, graph_frame(&dep->g, &dep->w));

    size_t nm = hs_view_mechanism_count(v);
    static const char *mnames[] = {"id", "label", "kind", "scope", "weight", "members"};
    SEXP mt = PROTECT(named_list(6, mnames));
    SEXPTYPE mtypes[6] = {STRSXP, STRSXP, STRSXP, STRSXP, REALSXP, STRSXP};
    SEXP mc[6];
    for (int c = 0; c < 6; c++) {
        mc[c] = Rf_allocVector(mtypes[c], (R_xlen_t)nm);
        SET_VECTOR_ELT(mt, c, mc[c]);
    }
    for (size_t k = 0; k < nm; k++) {
        size_t vx = hs_view_mechanism_vertex(v, k);
        R_xlen_t r = (R_xlen_t)k;
        SET_STRING_ELT(mc[0], r, Rf_mkChar(hs_vertex_id(m, vx)));
        SET_STRING_ELT(mc[1], r, str_or_na(hs_vertex_label(m, vx)));
        hs_kind kd = hs_vertex_kind(m, vx);
        SET_STRING_ELT(mc[2], r, kd == HS_KIND_UNSET ? NA_STRING : Rf_mkChar(hs_kind_name(kd)));
        hs_scope sc = hs_vertex_scope(m, vx);
        SET_STRING_ELT(mc[3], r, sc == HS_SCOPE_UNSET ? NA_STRING : Rf_mkChar(hs_scope_name(sc)));
        REAL(mc[4])[r] = hs_view_mechanism_weight(v, k);
        size_t nmem = hs_view_mechanism_member_count(v, k), len = 1;
        const size_t *mem = hs_view_mechanism_members(v, k);
        for (size_t j = 0; j < nmem; j++) len += strlen(hs_view_state_id(v, mem[j])) + 1;
        char *buf = R_alloc(len, 1);
        buf[0] = '\0';
        for (size_t j = 0; j < nmem; j++) {
            strcat(buf, j ? ";" : "");
            strcat(buf, hs_view_state_id(v, mem[j]));
        }
        SET_STRING_ELT(mc[5], r, Rf_mkChar(buf));
    }
    SET_VECTOR_ELT(out, 7, mt);
    UNPROTECT(1);
    guard_release(dg);
    guard_release(vg);
    UNPROTECT(5);
    return out;
}

/* ---- building a model from R (network / igraph objects) ----------------------------- */

/* ids: character; vattrs, eattrs: named lists of character vectors (NA:
 * absent); from, to: 0-based vertex indices; gattrs: named character. */
SEXP hs_r_build(SEXP directed, SEXP origin, SEXP ids, SEXP vattrs, SEXP from, SEXP to, SEXP eattrs, SEXP gattrs) {
    SEXP g = PROTECT(guard_new(d_model));
    hs_model *m = NULL;
    hs_error err = hs_model_new(Rf_asLogical(directed), opt_string(origin), &m);
    *guard_slot(g) = m;
    for (R_xlen_t i = 0; !err && i < XLENGTH(ids); i++) err = hs_model_append_vertex(m, CHAR(STRING_ELT(ids, i)), 0, NULL);
    SEXP vn = Rf_getAttrib(vattrs, R_NamesSymbol);
    for (R_xlen_t a = 0; !err && a < XLENGTH(vattrs); a++) {
        SEXP col = VECTOR_ELT(vattrs, a);
        for (R_xlen_t i = 0; !err && i < XLENGTH(col); i++)
            if (STRING_ELT(col, i) != NA_STRING)
                err = hs_vertex_set_attr(m, (size_t)i, CHAR(STRING_ELT(vn, a)), CHAR(STRING_ELT(col, i)));
    }
    for (R_xlen_t e = 0; !err && e < XLENGTH(from); e++)
        err = hs_model_append_edge(m, (size_t)INTEGER(from)[e], (size_t)INTEGER(to)[e], 0, NULL);
    SEXP en = Rf_getAttrib(eattrs, R_NamesSymbol);
    for (R_xlen_t a = 0; !err && a < XLENGTH(eattrs); a++) {
        SEXP col = VECTOR_ELT(eattrs, a);
        for (R_xlen_t i = 0; !err && i < XLENGTH(col); i++)
            if (STRING_ELT(col, i) != NA_STRING)
                err = hs_edge_set_attr(m, (size_t)i, CHAR(STRING_ELT(en, a)), CHAR(STRING_ELT(col, i)));
    }
    SEXP gn = Rf_getAttrib(gattrs, R_NamesSymbol);
    for (R_xlen_t a = 0; !err && a < XLENGTH(gattrs); a++)
        if (STRING_ELT(gattrs, a) != NA_STRING)
            err = hs_model_set_graph_attr(m, CHAR(STRING_ELT(gn, a)), CHAR(STRING_ELT(gattrs, a)));
    if (!err) err = hs_model_check(m);
    if (err) {
        guard_release(g);
        fail(err);
    }
    *guard_slot(g) = NULL;
    UNPROTECT(1);
    return wrap_model(m);
}

/* ---- importers ------------------------------------------------------------------------ */

SEXP hs_r_import(SEXP path, SEXP dataset, SEXP states, SEXP types, SEXP since, SEXP until, SEXP hub, SEXP ids) {
    hs_import_options o;
    hs_import_options_init(&o);
    o.dataset = strcmp(CHAR(STRING_ELT(dataset, 0)), "atop") == 0 ? HS_DATASET_ATOP : HS_DATASET_COW;
    o.states_file = opt_string(states);
    for (R_xlen_t i = 0; !Rf_isNull(types) && i < XLENGTH(types); i++) {
        unsigned bit = hs_obligation_parse(CHAR(STRING_ELT(types, i)));
        if (!bit) Rf_error("hubspoke: '%s' is not an obligation type", CHAR(STRING_ELT(types, i)));
        o.types |= bit;
    }
    if (!Rf_isNull(since)) o.since = Rf_asInteger(since);
    if (!Rf_isNull(until)) o.until = Rf_asInteger(until);
    o.hub = opt_string(hub);
    o.ids = strcmp(CHAR(STRING_ELT(ids, 0)), "iso3") == 0 ? HS_IDS_ISO3 : HS_IDS_COW;
    hs_model *m = NULL;
    hs_error err = hs_import_file(CHAR(STRING_ELT(path, 0)), &o, &m);
    if (err) fail(err);
    return wrap_model(m);
}

static void d_diagnostics(void *p) { hs_diagnostics_destroy(p); }

/* The diagnostics of one severity, formatted as the CLI prints them. */
static SEXP diagnostics_text(const hs_diagnostics *d, hs_severity severity) {
    R_xlen_t n = 0;
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) n += hs_diagnostics_get(d, i)->severity == severity;
    SEXP out = PROTECT(Rf_allocVector(STRSXP, n));
    char text[1024];
    R_xlen_t k = 0;
    for (size_t i = 0; i < hs_diagnostics_count(d); i++) {
        const hs_diagnostic *g = hs_diagnostics_get(d, i);
        if (g->severity != severity) continue;
        hs_diagnostic_format(g, text, sizeof text);
        SET_STRING_ELT(out, k++, Rf_mkCharCE(text, CE_UTF8));
    }
    UNPROTECT(1);
    return out;
}

/* An edge list (hs_edgelist_read): list(model, warnings), or the library's
 * error (the first, naming its CSV file and line, and how many more). */
SEXP hs_r_import_edges(SEXP edges, SEXP nodes, SEXP mechanisms, SEXP graph, SEXP directed, SEXP hub) {
    hs_edgelist_options o;
    hs_edgelist_options_init(&o);
    o.files.edges = opt_string(edges);
    o.files.nodes = opt_string(nodes);
    o.files.mechanisms = opt_string(mechanisms);
    o.files.graph = opt_string(graph);
    int dir = Rf_asLogical(directed);
    o.directed = dir == NA_LOGICAL ? -1 : dir != 0;
    o.hub = opt_string(hub);
    SEXP g = PROTECT(guard_new(d_diagnostics));
    hs_diagnostics *d = NULL;
    hs_error err = hs_diagnostics_new(&d);
    if (err) {
        UNPROTECT(1);
        fail(err);
    }
    *guard_slot(g) = d;
    hs_model *m = NULL;
    err = hs_edgelist_read(&o, d, &m);
    if (err) {
        guard_release(g);
        UNPROTECT(1);
        fail(err);
    }
    SEXP warn = PROTECT(diagnostics_text(d, HS_SEVERITY_WARNING));
    guard_release(g);
    SEXP out = PROTECT(Rf_allocVector(VECSXP, 2));
    SET_VECTOR_ELT(out, 0, wrap_model(m));
    SET_VECTOR_ELT(out, 1, warn);
    UNPROTECT(3);
    return out;
}

SEXP hs_r_write(SEXP model, SEXP path) {
    hs_error err = hs_model_write_file(get_model(model), CHAR(STRING_ELT(path, 0)), HS_FORMAT_UNKNOWN);
    if (err) fail(err);
    return R_NilValue;
}

/* ---- for the tests: bytes malloc has handed out and not taken back -------------------- */

SEXP hs_r_heap_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 mi = mallinfo2();
    return Rf_ScalarReal((double)mi.uordblks + (double)mi.hblkhd);
#else
    return Rf_ScalarReal(NA_REAL);
#endif
}

SEXP hs_r_version(void) { return Rf_mkString(hs_version()); }

/* The build tree the package was linked against (NA: an installed library),
 * where the tests find the CLI and the curated data. */
SEXP hs_r_build_info(void) {
    SEXP out = PROTECT(Rf_allocVector(STRSXP, 2));
#ifdef HS_R_BUILD
    SET_STRING_ELT(out, 0, Rf_mkChar(HS_R_BUILD));
    SET_STRING_ELT(out, 1, Rf_mkChar(HS_R_SOURCE));
#else
    SET_STRING_ELT(out, 0, NA_STRING);
    SET_STRING_ELT(out, 1, NA_STRING);
#endif
    UNPROTECT(1);
    return out;
}

static const R_CallMethodDef calls[] = {
    {"hs_r_read", (DL_FUNC)&hs_r_read, 2},
    {"hs_r_set_helper", (DL_FUNC)&hs_r_set_helper, 1},
    {"hs_r_set_limits", (DL_FUNC)&hs_r_set_limits, 2},
    {"hs_r_model_info", (DL_FUNC)&hs_r_model_info, 1},
    {"hs_r_model_tables", (DL_FUNC)&hs_r_model_tables, 1},
    {"hs_r_metrics", (DL_FUNC)&hs_r_metrics, 11},
    {"hs_r_metrics_models", (DL_FUNC)&hs_r_metrics_models, 8},
    {"hs_r_measures", (DL_FUNC)&hs_r_measures, 0},
    {"hs_r_classify", (DL_FUNC)&hs_r_classify, 7},
    {"hs_r_whatif", (DL_FUNC)&hs_r_whatif, 9},
    {"hs_r_view", (DL_FUNC)&hs_r_view, 5},
    {"hs_r_build", (DL_FUNC)&hs_r_build, 8},
    {"hs_r_import", (DL_FUNC)&hs_r_import, 8},
    {"hs_r_import_edges", (DL_FUNC)&hs_r_import_edges, 6},
    {"hs_r_write", (DL_FUNC)&hs_r_write, 2},
    {"hs_r_heap_in_use", (DL_FUNC)&hs_r_heap_in_use, 0},
    {"hs_r_version", (DL_FUNC)&hs_r_version, 0},
    {"hs_r_build_info", (DL_FUNC)&hs_r_build_info, 0},
    {NULL, NULL, 0}};

void R_init_hubspoke(DllInfo *dll) {
    R_registerRoutines(dll, NULL, calls, NULL, NULL);
    R_useDynamicSymbols(dll, FALSE);
    R_forceSymbols(dll, TRUE);
    model_tag = Rf_install("hs_model");
    /* igraph's handlers record into the last-error object instead of aborting R. */
    hs_init();
#ifdef HS_R_HELPER
    if (!getenv("HUBSPOKE_DOT_HELPER") || !getenv("HUBSPOKE_DOT_HELPER")[0]) hs_dot_helper_set_path(HS_R_HELPER);
#endif
}
