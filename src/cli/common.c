/* Helpers shared by the subcommands: options, errors, loading, JSON. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

/* The library's messages name no option; the hints that do are added here. */
static const char *hint(hs_error err) {
    switch (err) {
    case HS_ELIMIT: return "; raise it with --max-states or --max-ties";
    case HS_ETIMEOUT: return " (raise the limit with --timeout)";
    default: return "";
    }
}

int hs_cli_fail(hs_error err) {
    fprintf(stderr, "hubspoke: %s%s\n", hs_error_last()[0] ? hs_error_last() : "failed", hint(err));
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

int hs_cli_help(const hs_command *cmd) {
    fputs(cmd->help, stdout);
    return HS_EXIT_OK;
}

int hs_cli_parse_year(const char *text, int *year) {
    char *end;
    errno = 0;
    long y = strtol(text, &end, 10);
    if (end == text || *end || errno || y < HS_YEAR_FIRST || y > HS_YEAR_LAST) return 0;
    *year = (int)y;
    return 1;
}

int hs_cli_load_option(const char *command, int c, const char *value) {
    if (c != HS_OPT_MAX_STATES && c != HS_OPT_MAX_TIES && c != HS_OPT_TIMEOUT) return -2;
    static const char *const names[] = {"--max-states", "--max-ties", "--timeout"};
    const char *name = names[c - HS_OPT_MAX_STATES];
    /* The timeout is bounded so that the deadline's arithmetic cannot wrap. */
    unsigned long long max = c == HS_OPT_TIMEOUT ? 1000000000ULL : (unsigned long long)SIZE_MAX;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (!value[0] || value[0] == '-' || value[0] == '+' || *end || errno || n > max)
        return hs_cli_usage_error(command, "%s '%s' is not a whole number in [0, %llu]", name, value, max);
    size_t states, ties;
    hs_get_load_limits(&states, &ties);
    if (c == HS_OPT_MAX_STATES) hs_set_load_limits((size_t)n, ties);
    else if (c == HS_OPT_MAX_TIES) hs_set_load_limits(states, (size_t)n);
    else hs_dot_helper_set_timeout((unsigned)n);
    return -1;
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

static const char *const format_names[] = {"text", "json", "csv"};

static int parse_view_args(const hs_command *cmd, int argc, char **argv, unsigned formats, int with_codebook,
                           hs_cli_view_args *args) {
    static const struct option options[] = {{"year", required_argument, NULL, 'y'},
                                            {"hub", required_argument, NULL, 'H'},
                                            {"codebook", required_argument, NULL, 'c'},
                                            {"format", required_argument, NULL, 'f'},
                                            {"focus", required_argument, NULL, 'F'},
                                            {"help", no_argument, NULL, 'h'},
                                            HS_CLI_LOAD_OPTIONS,
                                            {NULL, 0, NULL, 0}};
    memset(args, 0, sizeof *args);
    args->format = HS_OUT_TEXT;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        switch (c) {
        case 'y':
            if (!hs_cli_parse_year(optarg, &args->year))
                return hs_cli_usage_error(cmd->name, "--year '%s' is not a year in [%d, %d]", optarg, HS_YEAR_FIRST,
                                          HS_YEAR_LAST);
            args->has_year = 1;
            break;
        case 'H':
            if (!optarg[0]) return hs_cli_usage_error(cmd->name, "--hub needs a state id");
            args->hub = optarg;
            break;
        case 'F': {
            char **ids;
            long n = hs_cli_split_list(optarg, &ids);
            free(args->focus);
            args->focus = (const char **)ids;
            args->focus_count = 0;
            if (n == -2) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
            if (n < 0) return hs_cli_usage_error(cmd->name, "--focus needs state ids separated by commas");
            args->focus_count = (size_t)n;
            break;
        }
        case 'c':
            if (!with_codebook) return hs_cli_usage_error(cmd->name, "unknown option '--codebook'");
            args->codebook = optarg;
            break;
        case 'f': {
            int found = -1;
            for (int i = 0; i < 3; i++) {
                if ((formats & (1u << i)) && strcmp(optarg, format_names[i]) == 0) found = i;
            }
            if (found < 0)
                return hs_cli_usage_error(cmd->name, "--format '%s' is not one of %s", optarg,
                                          formats & (1u << HS_OUT_CSV) ? "text, csv, json" : "text, json");
            args->format = found;
            break;
        }
        case 'h':
            return hs_cli_help(cmd);
        case HS_OPT_MAX_STATES:
        case HS_OPT_MAX_TIES:
        case HS_OPT_TIMEOUT: {
            int rc = hs_cli_load_option(cmd->name, c, optarg);
            if (rc >= 0) return rc;
            break;
        }
        case ':':
            return hs_cli_usage_error(cmd->name, "option '%s' needs a value", argv[optind - 1]);
        default:
            return hs_cli_usage_error(cmd->name, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc) return hs_cli_usage_error(cmd->name, "missing FILE");
    if (optind + 1 < argc) return hs_cli_usage_error(cmd->name, "unexpected argument '%s'", argv[optind + 1]);
    args->file = argv[optind];
    return -1;
}

int hs_cli_parse_view_args(const hs_command *cmd, int argc, char **argv, unsigned formats, int with_codebook,
                           hs_cli_view_args *args) {
    int rc = parse_view_args(cmd, argc, argv, formats, with_codebook, args);
    if (rc >= 0) hs_cli_view_args_free(args);
    return rc;
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

hs_error hs_cli_open_model(const hs_cli_view_args *args, hs_model **model, hs_codebook **codebook) {
    *model = NULL;
    *codebook = NULL;
    hs_cli_locate_helper();
    hs_error err = hs_model_read_file(args->file, HS_FORMAT_UNKNOWN, NULL, model);
    if (!err) err = args->codebook ? hs_codebook_read_file(args->codebook, codebook) : hs_codebook_new(codebook);
    if (err) {
        hs_codebook_destroy(*codebook);
        hs_model_destroy(*model);
        *codebook = NULL;
        *model = NULL;
    }
    return err;
}

hs_view_options hs_cli_view_options(const hs_cli_view_args *args, const hs_codebook *codebook) {
    hs_view_options opt;
    hs_view_options_init(&opt);
    opt.has_year = args->has_year;
    opt.year = args->year;
    opt.hub = args->hub;
    opt.codebook = codebook;
    opt.focus = args->focus;
    opt.focus_count = args->focus_count;
    return opt;
}

void hs_cli_view_args_free(hs_cli_view_args *args) {
    free(args->focus);
    args->focus = NULL;
    args->focus_count = 0;
}

hs_error hs_cli_open_view(const hs_cli_view_args *args, hs_model **model, hs_codebook **codebook, hs_view **view) {
    *view = NULL;
    hs_error err = hs_cli_open_model(args, model, codebook);
    if (err) return err;
    hs_view_options opt = hs_cli_view_options(args, *codebook);
    if ((err = hs_view_new(*model, &opt, view))) {
        hs_codebook_destroy(*codebook);
        hs_model_destroy(*model);
        *codebook = NULL;
        *model = NULL;
    }
    return err;
}

int hs_cli_take_options(const hs_command *cmd, int argc, char **argv, const char *const *names, size_t count,
                        const char **values, char ***rest, int *nrest) {
    char **kept = malloc((size_t)(argc + 1) * sizeof *kept);
    if (!kept) return hs_cli_fail(hs_error_set(HS_ENOMEM, "out of memory"));
    int n = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        size_t which = count;
        for (size_t k = 0; k < count && which == count && i > 0; k++) {
            size_t len = strlen(names[k]);
            if (strncmp(a, names[k], len) == 0 && (a[len] == '\0' || a[len] == '=')) which = k;
        }
        if (which == count) {
            kept[n++] = argv[i];
            continue;
        }
        size_t len = strlen(names[which]);
        if (a[len] == '=') {
            values[which] = a + len + 1;
        } else if (i + 1 < argc) {
            values[which] = argv[++i];
        } else {
            free(kept);
            return hs_cli_usage_error(cmd->name, "option '%s' needs a value", names[which]);
        }
    }
    kept[n] = NULL;
    *rest = kept;
    *nrest = n;
    return -1;
}

long hs_cli_split_list(char *text, char ***items) {
    size_t n = 1;
    for (const char *p = text; *p; p++) n += *p == ',';
    *items = malloc(n * sizeof **items);
    if (!*items) return -2;
    n = 0;
    for (char *item = text, *end; item; item = end) {
        end = strchr(item, ',');
        if (end) *end++ = '\0';
        if (!item[0]) return -1;
        (*items)[n++] = item;
    }
    return (long)n;
}

int hs_cli_parse_count(const char *text, long long max, long long *value) {
    char *end;
    errno = 0;
    long long x = strtoll(text, &end, 10);
    if (end == text || *end || errno || x < 0 || x > max) return 0;
    *value = x;
    return 1;
}

int hs_cli_parse_real(const char *text, double min, double max, double *value) {
    char *end;
    errno = 0;
    double x = strtod(text, &end);
    if (end == text || *end || errno || !(x >= min && x <= max)) return 0;
    *value = x;
    return 1;
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
    if (isfinite(x)) fprintf(out, "%.4f", x);
    else fputs("n/a", out);
}
