/* hubspoke measures: the library's registry of measures (metrics.h), the
 * names --measures takes and the columns of every table. docs/metrics.md's
 * table of measures is generated from its JSON (scripts/measures-table). */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char *flag_words(unsigned flags, char *buf, size_t size) {
    static const struct {
        unsigned bit;
        const char *word;
    } words[] = {{HS_MEASURE_DEFAULT, "default"},
                 {HS_MEASURE_NEEDS_HUB, "needs-hub"},
                 {HS_MEASURE_PERMUTATION, "permutation-test"},
                 {HS_MEASURE_CHANGE, "change"},
                 {HS_MEASURE_BOOTSTRAP, "bootstrap"}};
    buf[0] = '\0';
    size_t len = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        if (flags & words[i].bit)
            len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s%s", len ? " " : "", words[i].word);
    }
    return buf;
}

static const char *kind_name(hs_measure_kind kind) { return kind == HS_MEASURE_STATE ? "state" : "system"; }

static int run(const hs_cli_args *args) {
    hs_error err = HS_OK;
    char flags[128];
    if (args->format == HS_OUT_JSON) {
        json_t *root = json_array();
        for (size_t i = 0; root && i < hs_measure_count(); i++) {
            const hs_measure *m = hs_measure_get(i);
            json_t *o = json_object(), *fl = json_array();
            json_object_set_new(o, "name", json_string(m->name));
            json_object_set_new(o, "kind", json_string(kind_name(m->kind)));
            json_object_set_new(o, "group", json_string(m->group));
            json_object_set_new(o, "type", json_string(hs_value_type_name(m->type)));
            json_object_set_new(o, "unit", json_string(m->unit));
            flag_words(m->flags, flags, sizeof flags);
            for (char *w = flags; *w;) {
                size_t n = strcspn(w, " ");
                json_array_append_new(fl, json_stringn(w, n));
                w += n + (w[n] == ' ');
            }
            json_object_set_new(o, "flags", fl);
            json_object_set_new(o, "description", json_string(m->description));
            json_array_append_new(root, o);
        }
        err = root ? hs_cli_print_json(root) : hs_error_set(HS_ENOMEM, "out of memory");
        json_decref(root);
        return err ? hs_cli_fail(err) : HS_EXIT_OK;
    }
    FILE *out = stdout;
    if (args->format == HS_OUT_CSV) fputs("name,kind,group,type,unit,flags,description\r\n", out);
    for (size_t i = 0; i < hs_measure_count(); i++) {
        const hs_measure *m = hs_measure_get(i);
        flag_words(m->flags, flags, sizeof flags);
        if (args->format == HS_OUT_CSV) {
            fprintf(out, "%s,%s,", m->name, kind_name(m->kind));
            hs_cli_csv_field(out, m->group);
            fprintf(out, ",%s,", hs_value_type_name(m->type));
            hs_cli_csv_field(out, m->unit);
            fputc(',', out);
            hs_cli_csv_field(out, flags);
            fputc(',', out);
            hs_cli_csv_field(out, m->description);
            fputs("\r\n", out);
        } else {
            fprintf(out, "%-30s %-6s %-17s %-7s %s%s%s\n    %s\n", m->name, kind_name(m->kind), m->group,
                    hs_value_type_name(m->type), m->unit, flags[0] ? "; " : "", flags, m->description);
        }
    }
    if (fflush(out) != 0) err = hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
    return err ? hs_cli_fail(err) : HS_EXIT_OK;
}

static const hs_opt options[] = {HS_OPT_INCLUDE(hs_opts_format), HS_OPT_INCLUDE(hs_opts_help), HS_OPT_LAST};

const hs_command hs_cmd_measures = {
    "measures",
    "list every measure: name, kind, group, type, unit, description",
    "[OPTIONS]",
    "    Lists the registry of measures of the library, in the order of a full table's\n"
    "    columns: each measure's name (the column name, JSON key and what --measures\n"
    "    takes), its kind (system: one value per year; state: one per state and\n"
    "    year), group, type (real, integer, flag, list), unit, flags and a one-line\n"
    "    description. Every measure is defined, with its formula and source, in\n"
    "    docs/metrics.md. Flags: default (in compare's default columns), needs-hub\n"
    "    (missing in a year without a hub), permutation-test (runs an E-I test:\n"
    "    --permutations draws), change (since the previous row of a panel),\n"
    "    bootstrap (a bound of a bootstrap interval: --bootstrap draws).\n",
    options,
    "EXIT STATUS\n"
    "    0 success, 2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke measures\n"
    "    hubspoke measures --format csv\n",
    NULL,
    0,
    0,
    run};
