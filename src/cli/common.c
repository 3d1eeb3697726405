/* Helpers shared by the subcommands: errors, loading, JSON and CSV. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/diag.h"

/* The library's messages name no option; the hints that do are added here. */
static const char *hint(hs_error err) {
    switch (err) {
    case HS_ELIMIT: return "; raise it with --max-states or --max-ties";
    case HS_ETIMEOUT: return " (raise the limit with --timeout)";
    default: return "";
    }
}

static int reported;

void hs_cli_set_reported(int yes) { reported = yes; }

int hs_cli_fail(hs_error err) {
    if (!reported) fprintf(stderr, "hubspoke: %s%s\n", hs_error_last()[0] ? hs_error_last() : "failed", hint(err));
    reported = 0;
    return err == HS_EARG ? HS_EXIT_USAGE : HS_EXIT_FAILURE;
}

int hs_cli_usage_error(const char *command, const char *fmt, ...) {
    va_list ap;
    fprintf(stderr, command ? "hubspoke %s: " : "hubspoke: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, " (see 'hubspoke %s%s--help')\n", command ? command : "", command ? " " : "");
    return HS_EXIT_USAGE;
}

int hs_cli_check_output(const char *command, const char *out, const char *const *inputs, int ninputs) {
    struct stat so, si;
    if (!out || strcmp(out, "-") == 0 || stat(out, &so) != 0) return -1;
    for (int i = 0; i < ninputs; i++) {
        if (!inputs[i] || strcmp(inputs[i], "-") == 0 || stat(inputs[i], &si) != 0) continue;
        if (so.st_dev == si.st_dev && so.st_ino == si.st_ino)
            return hs_cli_usage_error(command, "output '%s' is the input file '%s'; hubspoke never writes to an input",
                                      out, inputs[i]);
    }
    return -1;
}

/* The helper sits next to hubspoke in the build tree, and in
 * ../libexec/hubspoke/ of an install wherever it was moved; the environment
 * variable and the configured libexec path cover the rest. */
void hs_cli_locate_helper(void) {
    const char *env = getenv("HUBSPOKE_DOT_HELPER");
    if (env && env[0]) return;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 64);
    if (n <= 0) return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return;
    static const char *const beside[] = {"hubspoke-dot", "../libexec/hubspoke/hubspoke-dot"};
    for (size_t i = 0; i < sizeof beside / sizeof *beside; i++) {
        snprintf(slash + 1, sizeof exe - (size_t)(slash + 1 - exe), "%s", beside[i]);
        if (access(exe, X_OK) == 0) {
            hs_dot_helper_set_path(exe);
            return;
        }
    }
}

hs_error hs_cli_open_model(const hs_cli_args *args, hs_model **model, hs_codebook **codebook) {
    *model = NULL;
    *codebook = NULL;
    hs_error err = hs_cli_read_checked(args->operands[0], HS_FORMAT_UNKNOWN, args->quiet, args->strict, model);
    if (!err) err = args->codebook ? hs_codebook_read_file(args->codebook, codebook) : hs_codebook_new(codebook);
    if (err) {
        hs_codebook_destroy(*codebook);
        hs_model_destroy(*model);
        *codebook = NULL;
        *model = NULL;
    }
    return err;
}

void hs_cli_view_options(const hs_cli_args *args, const hs_codebook *codebook, hs_view_options *opt) {
    hs_view_options_init(opt);
    opt->has_year = hs_cli_given(args, "year");
    opt->year = args->year;
    opt->hub = args->hub;
    opt->codebook = codebook;
    opt->focus = (const char *const *)args->focus.items;
    opt->focus_count = args->focus.count;
    /* info describes the file, so it lists every state unless told otherwise;
     * the measuring commands measure the tied states (docs/metrics.md). */
    opt->state_set = hs_cli_given(args, "state-set") ? (hs_state_set)args->state_set
                     : args->command == &hs_cmd_info  ? HS_STATES_LISTED
                                                      : HS_STATES_TIED;
    opt->weight = (hs_weight_source)args->weight;
    opt->path_weight = (hs_path_weight)args->path_weight;
}

hs_error hs_cli_open_view(const hs_cli_args *args, hs_model **model, hs_codebook **codebook, hs_view **view) {
    *view = NULL;
    hs_error err = hs_cli_open_model(args, model, codebook);
    if (err) return err;
    hs_view_options opt;
    hs_cli_view_options(args, *codebook, &opt);
    if ((err = hs_view_new(*model, &opt, view))) {
        hs_codebook_destroy(*codebook);
        hs_model_destroy(*model);
        *codebook = NULL;
        *model = NULL;
    }
    return err;
}

int hs_cli_check_measures(const char *command, const hs_cli_args *args, hs_measure_kind kind) {
    for (size_t i = 0; i < args->measures.count; i++) {
        const char *name = args->measures.items[i];
        if (strcmp(name, "default") == 0 || strcmp(name, "all") == 0) continue;
        long m = hs_measure_find(name);
        if (m < 0)
            return hs_cli_usage_error(command, "--measures: '%s' is not a measure (hubspoke measures lists them)",
                                      name);
        if (hs_measure_get((size_t)m)->kind != kind)
            return hs_cli_usage_error(command, "--measures: '%s' is a %s measure, not a %s one", name,
                                      kind == HS_MEASURE_SYSTEM ? "state" : "system",
                                      kind == HS_MEASURE_SYSTEM ? "system" : "state");
    }
    return -1;
}

void hs_cli_metrics_options(const hs_cli_args *args, hs_metrics_options *o) {
    hs_metrics_options_init(o);
    if (hs_cli_given(args, "permutations")) o->permutations = (size_t)args->permutations;
    if (hs_cli_given(args, "seed")) o->seed = (uint64_t)args->seed;
    if (hs_cli_given(args, "bootstrap")) o->bootstrap = (size_t)args->bootstrap;
    if (hs_cli_given(args, "level")) o->level = args->level;
}

void hs_cli_bootstrap_options(const hs_cli_args *args, hs_bootstrap_options *o) {
    hs_bootstrap_options_init(o);
    if (hs_cli_given(args, "bootstrap")) o->draws = (long long)args->bootstrap;
    if (hs_cli_given(args, "level")) o->level = args->level;
    if (hs_cli_given(args, "seed")) o->seed = (uint64_t)args->seed;
}

int hs_cli_check_bootstrap(const hs_cli_args *args) {
    if (hs_cli_given(args, "bootstrap") && args->bootstrap == 0)
        return hs_cli_usage_error(args->command->name, "--bootstrap 0: a bootstrap needs at least 1 draw");
    return -1;
}

json_t *hs_json_number(double x) { return isfinite(x) ? json_real(x) : json_null(); }

json_t *hs_json_string_or_null(const char *s) { return s ? json_string(s) : json_null(); }

hs_error hs_cli_print_json(json_t *root) {
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    if (!text) return hs_error_set(HS_ENOMEM, "cannot format JSON");
    int ok = fputs(text, stdout) >= 0 && fputc('\n', stdout) != EOF && fflush(stdout) == 0;
    free(text);
    return ok ? HS_OK : hs_error_set(HS_EIO, "<stdout>: cannot write: %s", strerror(errno));
}

void hs_cli_csv_field(FILE *out, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void hs_cli_csv_number(FILE *out, double x) {
    char buf[40] = "";
    if (isfinite(x)) snprintf(buf, sizeof buf, "%.15g", x);
    fputs(buf, out);
}

void hs_cli_text_number(FILE *out, double x) {
    if (isfinite(x))
        fprintf(out, "%.4f", x);
    else
        fputs("n/a", out);
}
