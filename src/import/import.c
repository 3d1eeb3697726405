/* COW and ATOP alliance files -> alliance-graph models (docs/import.md). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"
#include "hubspoke/codebook.h"
#include "hubspoke/import.h"
#include "import/import_internal.h"

/* ---- obligations and datasets -------------------------------------------------- */

static const struct {
    const char *name;
    unsigned bit;
} obligations[] = {
    {"defense", HS_OBLIG_DEFENSE},           {"offense", HS_OBLIG_OFFENSE},
    {"neutrality", HS_OBLIG_NEUTRALITY},     {"nonaggression", HS_OBLIG_NONAGGRESSION},
    {"entente", HS_OBLIG_ENTENTE},           {"consultation", HS_OBLIG_CONSULTATION},
};

unsigned hs_obligation_parse(const char *name) {
    for (size_t i = 0; i < sizeof obligations / sizeof *obligations; i++) {
        if (strcmp(obligations[i].name, name) == 0) return obligations[i].bit;
    }
    return 0;
}

typedef struct flag_column {
    const char *column;
    unsigned bit;
} flag_column;

/* What differs between the datasets; everything else is shared. */
typedef struct dataset_spec {
    const char *title;      /* in `source` */
    const char *kind_name;  /* in messages: "a COW v4.1 by-member file" */
    const char *id_column, *state_column;
    const char *entry[3], *exit[3]; /* year, month, day */
    flag_column flags[5];
    int nflags;
    const char *mechanism_prefix;
    int exit_zero_open; /* ATOP: yrexit 0 = still in force */
} dataset_spec;

static const dataset_spec specs[2] = {
    [HS_DATASET_COW] = {"COW Formal Alliances v4.1", "a COW v4.1 by-member file", "version4id", "ccode",
                        {"mem_st_year", "mem_st_month", "mem_st_day"},
                        {"mem_end_year", "mem_end_month", "mem_end_day"},
                        {{"defense", HS_OBLIG_DEFENSE},
                         {"neutrality", HS_OBLIG_NEUTRALITY},
                         {"nonaggression", HS_OBLIG_NONAGGRESSION},
                         {"entente", HS_OBLIG_ENTENTE}},
                        4, "cow_", 0},
    [HS_DATASET_ATOP] = {"ATOP", "an ATOP member-level file", "atopid", "member",
                         {"yrent", "moent", "dayent"},
                         {"yrexit", "moexit", "dayexit"},
                         {{"defense", HS_OBLIG_DEFENSE},
                          {"offense", HS_OBLIG_OFFENSE},
                          {"neutral", HS_OBLIG_NEUTRALITY},
                          {"nonagg", HS_OBLIG_NONAGGRESSION},
                          {"consul", HS_OBLIG_CONSULTATION}},
                         5, "atop_", 1},
};

unsigned hs_dataset_obligations(hs_dataset d) {
    unsigned mask = 0;
    if (d != HS_DATASET_COW && d != HS_DATASET_ATOP) return 0;
    for (int i = 0; i < specs[d].nflags; i++) mask |= specs[d].flags[i].bit;
    return mask;
}

const char *hs_dataset_name(hs_dataset d) { return d == HS_DATASET_ATOP ? "atop" : "cow"; }

unsigned hs_atop_mapping_parse(const char *name) {
    if (strcmp(name, "direction") == 0) return HS_MAP_DIRECTION;
    if (strcmp(name, "depth") == 0) return HS_MAP_DEPTH;
    return 0;
}

/* ATOP's provisions that bear on dependence and hierarchy, kept under ATOP's
 * own column names (docs/import.md, "Provisions, direction and depth"). They
 * are coded per alliance (phase), the same on every member's row. */
static const char *const provision_columns[] = {"asymm", "milcon",   "milaid", "intcom", "subord",  "organ1",
                                                "orgpurp1", "organ2", "orgpurp2", "base", "contrib", "ecaid"};
enum { P_ASYMM, P_MILCON, P_MILAID, P_INTCOM, P_SUBORD, P_ORGAN1, P_ORGPURP1, P_ORGAN2, P_ORGPURP2, P_BASE, P_CONTRIB,
       P_ECAID, NPROV };

/* Leeds & Anac's (2005) peacetime military institutionalization, 0 none, 1
 * moderate, 2 high, from an alliance's provisions (-1 = not coded): their
 * replication code, as ATOP 4.01's alliance-level file computes `milinst`.
 * -1 when none of the provisions it rests on is coded. */
static int milinst_of(const signed char *p) {
    if (p[P_MILCON] < 0 && p[P_INTCOM] < 0 && p[P_BASE] < 0 && p[P_MILAID] < 0 && p[P_SUBORD] < 0 &&
        p[P_CONTRIB] < 0 && p[P_ORGPURP1] < 0 && p[P_ORGPURP2] < 0)
        return -1;
    if (p[P_MILCON] == 3 || p[P_INTCOM] == 1 || p[P_BASE] > 0) return 2;
    int milorg = p[P_ORGPURP1] == 1 || p[P_ORGPURP1] == 4 || p[P_ORGPURP2] == 1 || p[P_ORGPURP2] == 4;
    if (p[P_MILCON] == 2 || p[P_MILAID] == 3 || p[P_MILAID] == 4 || p[P_SUBORD] > 0 || p[P_CONTRIB] == 1 || milorg)
        return 1;
    return 0;
}

void hs_import_options_init(hs_import_options *o) {
    memset(o, 0, sizeof *o);
    o->dataset = HS_DATASET_COW;
    o->since = HS_SINCE_OPEN;
    o->until = HS_UNTIL_OPEN;
    o->ids = HS_IDS_COW;
}

/* The deepest kind an alliance's obligations carry (docs/import.md, "Kinds"). */
static hs_kind kind_of(unsigned flags) {
    if (flags & (HS_OBLIG_DEFENSE | HS_OBLIG_OFFENSE)) return HS_KIND_TREATY;
    if (flags & (HS_OBLIG_NEUTRALITY | HS_OBLIG_NONAGGRESSION)) return HS_KIND_PARTNERSHIP;
    return HS_KIND_DIALOGUE;
}

/* ---- the rows of the alliance file ------------------------------------------------- */

typedef struct membership {
    long alliance;
    long ccode;
    int since, until; /* [entry year, exit year + 1); until open when in force at the end */
    unsigned flags;
    signed char prov[NPROV]; /* ATOP provisions on this row, -1 when not coded */
    int line;
    size_t order; /* row number, to keep the file's order within an alliance */
} membership;

typedef struct columns {
    long id, state, entry[3], exit[3], flags[5], version, state_name, prov[NPROV];
} columns;

static hs_error require(const hs_csv *csv, const dataset_spec *s, const char *name, long *col) {
    *col = hs_csv_column(csv, name);
    if (*col < 0)
        return hs_error_set(HS_EINPUT, "%s:%d: no column '%s': not %s (docs/import.md)", csv->file, csv->header_line,
                            name, s->kind_name);
    return HS_OK;
}

static hs_error find_columns(const hs_csv *csv, const dataset_spec *s, hs_dataset d, columns *c) {
    hs_error err;
    if ((err = require(csv, s, s->id_column, &c->id)) || (err = require(csv, s, s->state_column, &c->state)) ||
        (err = require(csv, s, s->entry[0], &c->entry[0])) || (err = require(csv, s, s->exit[0], &c->exit[0])))
        return err;
    for (int i = 1; i < 3; i++) {
        c->entry[i] = hs_csv_column(csv, s->entry[i]);
        c->exit[i] = hs_csv_column(csv, s->exit[i]);
    }
    for (int i = 0; i < s->nflags; i++) {
        if ((err = require(csv, s, s->flags[i].column, &c->flags[i]))) return err;
    }
    c->version = hs_csv_column(csv, "version");
    if (d == HS_DATASET_COW && c->version < 0) return require(csv, s, "version", &c->version);
    c->state_name = d == HS_DATASET_COW ? hs_csv_column(csv, "state_name") : -1;
    for (int k = 0; k < NPROV; k++) c->prov[k] = d == HS_DATASET_ATOP ? hs_csv_column(csv, provision_columns[k]) : -1;
    return HS_OK;
}

/* The dataset versions the importer knows; NULL for another. */
static const char *known_version(hs_dataset d, const char *text) {
    char *end;
    double v = strtod(text, &end);
    while (*end == ' ') end++;
    if (end == text || *end) return NULL;
    if (d == HS_DATASET_COW) return fabs(v - 4.1) < 1e-9 ? "4.1" : NULL;
    if (fabs(v - 4.01) < 1e-9) return "4.01";
    if (fabs(v - 5.0) < 1e-9) return "5.0";
    if (fabs(v - 5.1) < 1e-9) return "5.1";
    return NULL;
}

/* A month or day: missing, 0 and COW's -9 are unknown (0). */
static hs_error date_part(const hs_csv *csv, size_t row, long col, long max, long *value) {
    int present = 0;
    *value = 0;
    if (col < 0) return HS_OK;
    hs_error err = hs_csv_int(csv, row, col, value, &present);
    if (err) return err;
    if (!present || *value <= 0) *value = 0;
    else if (*value > max)
        return hs_error_set(HS_EINPUT, "%s:%d: column '%s': %ld is out of range [1, %ld]", csv->file, csv->lines[row],
                            csv->header[col], *value, max);
    return HS_OK;
}

static hs_error year_value(const hs_csv *csv, size_t row, long col, long *year) {
    if (*year < HS_YEAR_FIRST || *year >= HS_YEAR_LAST)
        return hs_error_set(HS_EINPUT, "%s:%d: column '%s': year %ld is out of range [%d, %d]", csv->file,
                            csv->lines[row], csv->header[col], *year, HS_YEAR_FIRST, HS_YEAR_LAST - 1);
    return HS_OK;
}

/* 1950, 1950-05 or 1950-05-09, as far as the date is known. */
static const char *date_text(const long d[3], char *buf, size_t size) {
    if (!d[1]) snprintf(buf, size, "%ld", d[0]);
    else if (!d[2]) snprintf(buf, size, "%ld-%02ld", d[0], d[1]);
    else snprintf(buf, size, "%ld-%02ld-%02ld", d[0], d[1], d[2]);
    return buf;
}

static hs_error read_row(const hs_csv *csv, const dataset_spec *s, hs_dataset d, const columns *c, size_t row,
                         membership *m, const char **version) {
    hs_error err;
    const int line = csv->lines[row];
    if (c->version >= 0) {
        const char *text = hs_csv_cell(csv, row, c->version);
        const char *v = known_version(d, text);
        if (!v)
            return hs_error_set(HS_EINPUT, "%s:%d: version '%s' is not one the importer knows (%s)", csv->file, line,
                                text, d == HS_DATASET_COW ? "4.1" : "4.01, 5.0 or 5.1");
        if (*version && strcmp(*version, v) != 0)
            return hs_error_set(HS_EINPUT, "%s:%d: version %s, but earlier rows are version %s", csv->file, line, v,
                                *version);
        *version = v;
    }
    long ent[3], ex[3] = {0, 0, 0};
    int exit_present = 0;
    if ((err = hs_csv_int(csv, row, c->id, &m->alliance, NULL)) ||
        (err = hs_csv_int(csv, row, c->state, &m->ccode, NULL)) ||
        (err = hs_csv_int(csv, row, c->entry[0], &ent[0], NULL)) ||
        (err = hs_csv_int(csv, row, c->exit[0], &ex[0], &exit_present)))
        return err;
    if (m->alliance <= 0)
        return hs_error_set(HS_EINPUT, "%s:%d: %s %ld is not a positive alliance id", csv->file, line, s->id_column,
                            m->alliance);
    if (m->ccode <= 0 || m->ccode > 9999)
        return hs_error_set(HS_EINPUT, "%s:%d: %s %ld is not a COW state code", csv->file, line, s->state_column,
                            m->ccode);
    if ((err = year_value(csv, row, c->entry[0], &ent[0])) ||
        (err = date_part(csv, row, c->entry[1], 12, &ent[1])) || (err = date_part(csv, row, c->entry[2], 31, &ent[2])))
        return err;
    int open = !exit_present || (s->exit_zero_open && ex[0] == 0);
    if (!open) {
        if ((err = year_value(csv, row, c->exit[0], &ex[0])) ||
            (err = date_part(csv, row, c->exit[1], 12, &ex[1])) || (err = date_part(csv, row, c->exit[2], 31, &ex[2])))
            return err;
        /* Compare as far as both dates are known. */
        int before = ex[0] < ent[0];
        for (int k = 1; k < 3 && !before && ex[k - 1] == ent[k - 1]; k++) before = ex[k] && ent[k] && ex[k] < ent[k];
        if (before) {
            char a[32], z[32];
            return hs_error_set(HS_EINPUT, "%s:%d: exit %s is before entry %s", csv->file, line, date_text(ex, z, sizeof z),
                                date_text(ent, a, sizeof a));
        }
    }
    m->since = (int)ent[0];
    m->until = open ? HS_UNTIL_OPEN : (int)ex[0] + 1;
    m->flags = 0;
    for (int i = 0; i < s->nflags; i++) {
        long f;
        int present;
        if ((err = hs_csv_int(csv, row, c->flags[i], &f, &present))) return err;
        if (present && f != 0 && f != 1)
            return hs_error_set(HS_EINPUT, "%s:%d: column '%s': %ld is not 0 or 1", csv->file, line,
                                csv->header[c->flags[i]], f);
        if (present && f == 1) m->flags |= s->flags[i].bit;
    }
    for (int k = 0; k < NPROV; k++) {
        long x = -1;
        int present = 0;
        if (c->prov[k] >= 0 && (err = hs_csv_int(csv, row, c->prov[k], &x, &present))) return err;
        if (present && (x < 0 || x > 99))
            return hs_error_set(HS_EINPUT, "%s:%d: column '%s': %ld is not an ATOP code (0 to 99)", csv->file, line,
                                csv->header[c->prov[k]], x);
        m->prov[k] = (signed char)(present ? x : -1);
    }
    m->line = line;
    m->order = row;
    return HS_OK;
}

static int by_alliance(const void *a, const void *b) {
    const membership *x = a, *y = b;
    if (x->alliance != y->alliance) return x->alliance < y->alliance ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- the state list ---------------------------------------------------------------- */

typedef struct state_info {
    long ccode;
    char *abb, *name;
    int *since, *until; /* spells of system membership [styear, endyear + 1), sorted */
    size_t nspells;
} state_info;

typedef struct state_list {
    state_info *s;
    size_t n;
} state_list;

static void states_free(state_list *l) {
    for (size_t i = 0; i < l->n; i++) {
        free(l->s[i].abb);
        free(l->s[i].name);
        free(l->s[i].since);
        free(l->s[i].until);
    }
    free(l->s);
    memset(l, 0, sizeof *l);
}

static const state_info *state_find(const state_list *l, long ccode) {
    for (size_t i = 0; i < l->n; i++) {
        if (l->s[i].ccode == ccode) return &l->s[i];
    }
    return NULL;
}

/* Trimmed copy of a cell. */
static char *cell_text(const hs_csv *csv, size_t row, long col) {
    const char *s = hs_csv_cell(csv, row, col);
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    return hs_strndup(s, n);
}

static hs_error add_spell(state_info *si, int since, int until) {
    int *a = hs_realloc(si->since, (si->nspells + 1) * sizeof *a);
    if (!a) return HS_ENOMEM;
    si->since = a;
    int *b = hs_realloc(si->until, (si->nspells + 1) * sizeof *b);
    if (!b) return HS_ENOMEM;
    si->until = b;
    si->since[si->nspells] = since;
    si->until[si->nspells++] = until;
    return HS_OK;
}

/* Sort a state's spells and merge those that share a year; a spell that runs
 * to the list's last year is open: the state was still a member when the list
 * ends, and would otherwise vanish from every later year of alliance data. */
static void settle_spells(state_info *si, int last_year) {
    for (size_t i = 1; i < si->nspells; i++) {
        for (size_t j = i; j > 0 && si->since[j] < si->since[j - 1]; j--) {
            int t = si->since[j];
            si->since[j] = si->since[j - 1];
            si->since[j - 1] = t;
            t = si->until[j];
            si->until[j] = si->until[j - 1];
            si->until[j - 1] = t;
        }
    }
    size_t out = 0;
    for (size_t i = 0; i < si->nspells; i++) {
        if (out && si->since[i] <= si->until[out - 1]) {
            if (si->until[i] > si->until[out - 1]) si->until[out - 1] = si->until[i];
            continue;
        }
        si->since[out] = si->since[i];
        si->until[out++] = si->until[i];
    }
    si->nspells = out;
    if (out && si->until[out - 1] == last_year + 1) si->until[out - 1] = HS_UNTIL_OPEN;
}

static hs_error read_states(state_list *l, const char *path) {
    hs_csv csv;
    memset(l, 0, sizeof *l);
    hs_error err = hs_csv_read(&csv, path, NULL);
    if (err) return err;
    long cabb = hs_csv_column(&csv, "stateabb"), cc = hs_csv_column(&csv, "ccode"),
         cname = hs_csv_column(&csv, "statenme"), cst = hs_csv_column(&csv, "styear"),
         cend = hs_csv_column(&csv, "endyear");
    const char *missing = cabb < 0 ? "stateabb" : cc < 0 ? "ccode" : cname < 0 ? "statenme" : NULL;
    if (missing) {
        err = hs_error_set(HS_EINPUT, "%s:%d: no column '%s': not a COW state list (states2016.csv)", csv.file,
                           csv.header_line, missing);
        hs_csv_destroy(&csv);
        return err;
    }
    if ((cst < 0) != (cend < 0)) {
        err = hs_error_set(HS_EINPUT, "%s:%d: column '%s' without '%s': a spell needs both (states2016.csv)", csv.file,
                           csv.header_line, cst < 0 ? "endyear" : "styear", cst < 0 ? "styear" : "endyear");
        hs_csv_destroy(&csv);
        return err;
    }
    int last_year = HS_SINCE_OPEN;
    if (csv.nrows && !(l->s = hs_calloc(csv.nrows, sizeof *l->s))) err = HS_ENOMEM;
    for (size_t r = 0; r < csv.nrows && !err; r++) {
        long ccode, st = 0, end = 0;
        if ((err = hs_csv_int(&csv, r, cc, &ccode, NULL))) break;
        if (cst >= 0 && ((err = hs_csv_int(&csv, r, cst, &st, NULL)) || (err = hs_csv_int(&csv, r, cend, &end, NULL))))
            break;
        if (cst >= 0 && (st < HS_YEAR_FIRST || end >= HS_YEAR_LAST || end < st)) {
            err = hs_error_set(HS_EINPUT, "%s:%d: spell %ld-%ld is not a span of years", csv.file, csv.lines[r], st, end);
            break;
        }
        state_info *si = (state_info *)state_find(l, ccode);
        char *abb = cell_text(&csv, r, cabb);
        if (!abb) {
            err = HS_ENOMEM;
            break;
        }
        /* A state with several spells of system membership has several rows. */
        if (si) {
            if (strcmp(si->abb, abb) != 0)
                err = hs_error_set(HS_EINPUT, "%s:%d: ccode %ld is '%s' here but '%s' on an earlier row", csv.file,
                                   csv.lines[r], ccode, abb, si->abb);
            free(abb);
        } else if (!abb[0]) {
            free(abb);
            err = hs_error_set(HS_EINPUT, "%s:%d: column 'stateabb' is empty", csv.file, csv.lines[r]);
        } else {
            si = &l->s[l->n++];
            si->ccode = ccode;
            si->abb = abb;
            if (!(si->name = cell_text(&csv, r, cname))) err = HS_ENOMEM;
        }
        if (!err && cst >= 0) {
            err = add_spell(si, (int)st, (int)end + 1);
            if ((int)end > last_year) last_year = (int)end;
        }
    }
    for (size_t i = 0; !err && i < l->n; i++) settle_spells(&l->s[i], last_year);
    hs_csv_destroy(&csv);
    if (err) states_free(l);
    return err;
}

/* ---- building the model ---------------------------------------------------------- */

typedef struct builder {
    hs_model *m;
    const hs_import_options *o;
    const dataset_spec *spec;
    const hs_csv *csv;
    const columns *cols;
    const state_list *states;
    char source_prefix[64]; /* "COW Formal Alliances v4.1" */
    long *vertex_of_ccode;  /* ccode -> vertex index + 1, 0 = none yet */
    hs_codebook *codebook;  /* the built-in depths, for the depth mapping */
    hs_import_notes notes;
    int horizon;            /* the last year of the data: open memberships run to it */
} builder;

static void state_id(const builder *b, long ccode, char *buf, size_t size) {
    const state_info *si = state_find(b->states, ccode);
    const char *iso = b->o->ids == HS_IDS_ISO3 ? hs_cow_iso3((int)ccode) : NULL;
    if (iso) snprintf(buf, size, "%s", iso);
    else if (si && !(b->o->ids == HS_IDS_ISO3 && hs_iso3_in_table(si->abb))) snprintf(buf, size, "%s", si->abb);
    else snprintf(buf, size, "COW%ld", ccode);
}

static hs_error ensure_state(builder *b, const membership *ms, size_t *index) {
    if (b->vertex_of_ccode[ms->ccode]) {
        *index = (size_t)b->vertex_of_ccode[ms->ccode] - 1;
        return HS_OK;
    }
    char id[64];
    state_id(b, ms->ccode, id, sizeof id);
    hs_error err = hs_model_append_vertex(b->m, id, ms->line, index);
    if (err) return err;
    b->vertex_of_ccode[ms->ccode] = (long)*index + 1;
    const state_info *si = state_find(b->states, ms->ccode);
    char ccode[16];
    snprintf(ccode, sizeof ccode, "%ld", ms->ccode);
    if ((err = hs_vertex_set_attr(b->m, *index, "ccode", ccode))) return err;
    if (b->o->states_file && (!si || !si->nspells)) b->notes.states_without_spells++;
    if (si && si->nspells && (err = hs_vertex_set_spells(b->m, *index, si->since, si->until, si->nspells))) return err;
    if (si) return hs_vertex_set_attr(b->m, *index, "label", si->name);
    if (b->cols->state_name >= 0) {
        char *name = cell_text(b->csv, ms->order, b->cols->state_name);
        if (!name) return HS_ENOMEM;
        err = hs_vertex_set_attr(b->m, *index, "label", name);
        free(name);
    }
    return err;
}

/* An alliance as its elements see it: the union of its obligations, its
 * provisions (the highest value over its phases and rows), and the members
 * that promise military support (defense or offense), by id. */
typedef struct alliance_info {
    long id;
    unsigned flags;
    signed char prov[NPROV];
    char support[256];
} alliance_info;

#define MILITARY_SUPPORT (HS_OBLIG_DEFENSE | HS_OBLIG_OFFENSE)

/* The attributes an alliance's element (a tie or a mechanism) carries. */
static hs_error set_alliance_attrs(builder *b, int vertex, size_t i, const alliance_info *a) {
    char text[160];
    hs_error (*set)(hs_model *, size_t, const char *, const char *) = vertex ? hs_vertex_set_attr : hs_edge_set_attr;
    hs_error err;
    snprintf(text, sizeof text, "%s, %s %ld", b->source_prefix, b->spec->id_column, a->id);
    if ((err = set(b->m, i, "source", text))) return err;
    snprintf(text, sizeof text, "%ld", a->id);
    if ((err = set(b->m, i, b->spec->id_column, text))) return err;
    for (int k = 0; k < b->spec->nflags; k++) {
        if ((err = set(b->m, i, b->spec->flags[k].column, (a->flags & b->spec->flags[k].bit) ? "1" : "0"))) return err;
    }
    for (int k = 0; k < NPROV; k++) {
        if (a->prov[k] < 0) continue;
        snprintf(text, sizeof text, "%d", a->prov[k]);
        if ((err = set(b->m, i, provision_columns[k], text))) return err;
    }
    int milinst = b->o->dataset == HS_DATASET_ATOP ? milinst_of(a->prov) : -1;
    if (milinst >= 0) {
        snprintf(text, sizeof text, "%d", milinst);
        if ((err = set(b->m, i, "milinst", text))) return err;
    }
    if (b->o->dataset == HS_DATASET_ATOP && (err = set(b->m, i, "military_support_by", a->support))) return err;
    hs_kind kind = kind_of(a->flags);
    if (milinst >= 0 && (b->o->mapping & HS_MAP_DEPTH)) {
        /* Equal steps of the ordinal scale, below the kind's depth: a defence
         * pact with high institutionalization is the reference depth 1. */
        /* Twelve digits: the ratio of the scale, without float noise (0.2, not 0.19999999999999998). */
        snprintf(text, sizeof text, "%.12g", hs_codebook_tie_weight(b->codebook, kind) * (1.0 + milinst) / 3.0);
        if ((err = set(b->m, i, "weight", text))) return err;
    }
    return vertex ? hs_vertex_set_kind(b->m, i, kind) : hs_edge_set_kind(b->m, i, kind);
}

/* The years of [since, until) a state is outside its COW spells, up to the
 * data's last year: its ties do not count then (docs/import.md). */
static int years_outside(const builder *b, const membership *r) {
    const state_info *si = state_find(b->states, r->ccode);
    if (!si || !si->nspells) return 0;
    int last = r->until == HS_UNTIL_OPEN ? b->horizon : r->until - 1, outside = 0;
    for (int y = r->since; y <= last; y++) {
        int in = 0;
        for (size_t k = 0; k < si->nspells && !in; k++) in = si->since[k] <= y && y < si->until[k];
        outside += !in;
    }
    return outside;
}

static void note_outside(builder *b, const membership *r, size_t vertex) {
    int outside = years_outside(b, r);
    if (!outside) return;
    b->notes.member_years_outside += (size_t)outside;
    if (!b->notes.memberships_outside++)
        snprintf(b->notes.first_outside, sizeof b->notes.first_outside, "%s in %s %ld (%d)",
                 hs_vertex_id(b->m, vertex), b->spec->id_column, r->alliance, r->since);
}

/* Merge the spells of one state in one alliance that share a year (ATOP's
 * phases, a COW row repeated): rows [0, n) in file order by file order; the
 * survivors are compacted to the front and their count returned. */
static size_t merge_spells(membership *r, size_t n) {
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        for (; j < out; j++) {
            if (r[j].ccode == r[i].ccode && r[i].since < r[j].until && r[j].since < r[i].until) break;
        }
        if (j == out) {
            r[out++] = r[i];
            continue;
        }
        if (r[i].since < r[j].since) r[j].since = r[i].since;
        if (r[i].until > r[j].until) r[j].until = r[i].until;
        r[j].flags |= r[i].flags;
        /* The union may now reach a later spell of the same state: merge again. */
        membership merged = r[j];
        memmove(&r[j], &r[j + 1], (out - j - 1) * sizeof *r);
        out--;
        r[i] = merged;
        i--;
    }
    return out;
}

static hs_error add_alliance(builder *b, membership *r, size_t n) {
    hs_error err = HS_OK;
    unsigned flags = 0;
    int since = HS_UNTIL_OPEN, until = HS_SINCE_OPEN;
    for (size_t i = 0; i < n; i++) flags |= r[i].flags;
    if (!flags)
        return hs_error_set(HS_EINPUT, "%s:%d: %s %ld: no member has any obligation (every flag is 0)", b->csv->file,
                            r[0].line, b->spec->id_column, r[0].alliance);
    long other = -1;
    size_t nstates = 1;
    for (size_t i = 1; i < n; i++) {
        if (r[i].ccode != r[0].ccode && (other < 0 || r[i].ccode != other)) {
            if (other < 0) other = r[i].ccode;
            nstates++;
            if (nstates > 2) break;
        }
    }
    if (nstates == 1)
        return hs_error_set(HS_EINPUT, "%s:%d: %s %ld lists one state only (ccode %ld)", b->csv->file, r[0].line,
                            b->spec->id_column, r[0].alliance, r[0].ccode);
    /* The filters look at the alliance as a whole. */
    int keep_years = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].since < b->o->until && b->o->since < r[i].until) keep_years = 1;
        if (r[i].since < since) since = r[i].since;
        if (r[i].until > until) until = r[i].until;
    }
    if (!keep_years || (b->o->types && !(flags & b->o->types))) return HS_OK;
    alliance_info a = {.id = r[0].alliance, .flags = flags};
    for (int k = 0; k < NPROV; k++) {
        a.prov[k] = -1;
        for (size_t i = 0; i < n; i++) a.prov[k] = r[i].prov[k] > a.prov[k] ? r[i].prov[k] : a.prov[k];
    }
    n = merge_spells(r, n);
    size_t *v = hs_malloc(n * sizeof *v);
    if (!v) return HS_ENOMEM;
    for (size_t i = 0; i < n && !err; i++) err = ensure_state(b, &r[i], &v[i]);
    if (err) goto done;
    int supporting = 0, not_supporting = 0;
    for (size_t i = 0; i < n; i++) {
        note_outside(b, &r[i], v[i]);
        int listed = 0;
        for (size_t j = 0; j < i; j++) listed |= r[j].ccode == r[i].ccode && (r[j].flags & MILITARY_SUPPORT);
        if (!(r[i].flags & MILITARY_SUPPORT)) {
            not_supporting = 1;
        } else if (!listed) {
            supporting = 1;
            size_t len = strlen(a.support);
            snprintf(a.support + len, sizeof a.support - len, "%s%s", len ? " " : "", hs_vertex_id(b->m, v[i]));
        }
    }
    if (nstates == 2) {
        /* One tie per pair of spells of the two states that overlap. */
        for (size_t i = 0; i < n && !err; i++) {
            for (size_t j = i + 1; j < n && !err; j++) {
                if (r[j].ccode == r[i].ccode) continue;
                int s = r[i].since > r[j].since ? r[i].since : r[j].since;
                int u = r[i].until < r[j].until ? r[i].until : r[j].until;
                if (s >= u) continue;
                alliance_info pair = a;
                int si = (r[i].flags & MILITARY_SUPPORT) != 0, sj = (r[j].flags & MILITARY_SUPPORT) != 0;
                snprintf(pair.support, sizeof pair.support, "%s%s%s", si ? hs_vertex_id(b->m, v[i]) : "",
                         si && sj ? " " : "", sj ? hs_vertex_id(b->m, v[j]) : "");
                size_t e;
                if (!(err = hs_model_append_edge(b->m, v[i], v[j], r[j].line, &e)) &&
                    !(err = set_alliance_attrs(b, 0, e, &pair)))
                    err = hs_edge_set_span(b->m, e, s, u);
                /* Only one side promises military support: the other depends on it. */
                if (!err && (b->o->mapping & HS_MAP_DIRECTION) && si != sj)
                    err = hs_edge_set_attr(b->m, e, "depends", hs_vertex_id(b->m, si ? v[j] : v[i]));
            }
        }
        goto done;
    }
    b->notes.asymmetric_multilateral += supporting && not_supporting;
    char id[64];
    size_t mech;
    snprintf(id, sizeof id, "%s%ld", b->spec->mechanism_prefix, r[0].alliance);
    if ((err = hs_model_append_vertex(b->m, id, r[0].line, &mech)) || (err = hs_vertex_set_type(b->m, mech, HS_VERTEX_MECHANISM)))
        goto done;
    char label[96];
    snprintf(label, sizeof label, "%s alliance %ld", b->o->dataset == HS_DATASET_COW ? "COW" : "ATOP", r[0].alliance);
    if ((err = hs_vertex_set_attr(b->m, mech, "label", label)) ||
        (err = set_alliance_attrs(b, 1, mech, &a)) ||
        (err = hs_vertex_set_span(b->m, mech, since, until)))
        goto done;
    for (size_t i = 0; i < n && !err; i++) {
        size_t e;
        if (!(err = hs_model_append_edge(b->m, v[i], mech, r[i].line, &e)) &&
            !(err = hs_edge_set_kind(b->m, e, HS_KIND_MEMBER)))
            err = hs_edge_set_span(b->m, e, r[i].since, r[i].until);
    }
done:
    free(v);
    return err;
}

static hs_error build(builder *b, membership *rows, size_t n) {
    hs_error err = HS_OK;
    qsort(rows, n, sizeof *rows, by_alliance);
    for (size_t a = 0; a < n && !err;) {
        size_t z = a + 1;
        while (z < n && rows[z].alliance == rows[a].alliance) z++;
        err = add_alliance(b, rows + a, z - a);
        a = z;
    }
    if (!err && b->o->hub) err = hs_model_set_graph_attr(b->m, "hub", b->o->hub);
    if (!err) err = hs_model_check(b->m);
    return err;
}

hs_error hs_import_file(const char *path, const hs_import_options *o, hs_model **out) {
    return hs_import_file_notes(path, o, NULL, out);
}

hs_error hs_import_file_notes(const char *path, const hs_import_options *o, hs_import_notes *notes, hs_model **out) {
    if (!out || !path) return hs_error_set(HS_EARG, "hs_import_file: a NULL argument");
    hs_import_options defaults;
    hs_import_options_init(&defaults);
    if (!o) o = &defaults;
    *out = NULL;
    if (o->dataset != HS_DATASET_COW && o->dataset != HS_DATASET_ATOP)
        return hs_error_set(HS_EARG, "hs_import_file: unknown dataset %d", (int)o->dataset);
    if (o->types & ~hs_dataset_obligations(o->dataset))
        return hs_error_set(HS_EARG, "%s does not code that obligation type (it codes %s)",
                            o->dataset == HS_DATASET_COW ? "COW" : "ATOP",
                            o->dataset == HS_DATASET_COW ? "defense, neutrality, nonaggression, entente"
                                                         : "defense, offense, neutrality, nonaggression, consultation");
    if (o->mapping & ~(unsigned)(HS_MAP_DIRECTION | HS_MAP_DEPTH))
        return hs_error_set(HS_EARG, "hs_import_file: unknown mapping bits %#x", o->mapping);
    if (o->mapping && o->dataset != HS_DATASET_ATOP)
        return hs_error_set(HS_EARG, "the mapping of provisions to direction and depth needs ATOP's provisions, not COW's");
    const dataset_spec *spec = &specs[o->dataset];
    state_list states = {0};
    hs_csv csv;
    membership *rows = NULL;
    builder b = {.o = o, .spec = spec, .states = &states};
    hs_error err = HS_OK;
    if (o->states_file && (err = read_states(&states, o->states_file))) return err;
    if ((err = hs_csv_read(&csv, path, NULL))) {
        states_free(&states);
        return err;
    }
    columns cols;
    const char *version = NULL;
    b.csv = &csv;
    b.cols = &cols;
    if ((err = find_columns(&csv, spec, o->dataset, &cols))) goto done;
    if (!csv.nrows) {
        err = hs_error_set(HS_EINPUT, "%s: no rows after the header", csv.file);
        goto done;
    }
    if (!(rows = hs_malloc(csv.nrows * sizeof *rows))) {
        err = HS_ENOMEM;
        goto done;
    }
    for (size_t r = 0; r < csv.nrows && !err; r++) err = read_row(&csv, spec, o->dataset, &cols, r, &rows[r], &version);
    if (err) goto done;
    b.horizon = HS_SINCE_OPEN;
    for (size_t r = 0; r < csv.nrows; r++) {
        int last = rows[r].until == HS_UNTIL_OPEN ? rows[r].since : rows[r].until - 1;
        if (last > b.horizon) b.horizon = last;
    }
    if ((err = hs_codebook_new(&b.codebook))) goto done;
    if (o->dataset == HS_DATASET_COW) snprintf(b.source_prefix, sizeof b.source_prefix, "%s", spec->title);
    else if (version) snprintf(b.source_prefix, sizeof b.source_prefix, "ATOP %s", version);
    else snprintf(b.source_prefix, sizeof b.source_prefix, "ATOP");
    if (!(b.vertex_of_ccode = hs_calloc(10000, sizeof *b.vertex_of_ccode))) {
        err = HS_ENOMEM;
        goto done;
    }
    if ((err = hs_model_new(0, csv.file, &b.m))) goto done;
    err = build(&b, rows, csv.nrows);
done:
    if (err) hs_model_destroy(b.m);
    else *out = b.m;
    if (!err && notes) *notes = b.notes;
    hs_codebook_destroy(b.codebook);
    free(b.vertex_of_ccode);
    free(rows);
    hs_csv_destroy(&csv);
    states_free(&states);
    return err;
}
