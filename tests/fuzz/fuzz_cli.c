/* libFuzzer harness: the command line. Each input is an argument vector, one
 * argument per line, handed to hs_cli_main() -- the dispatcher main() calls --
 * so that every command in its table, including those added later, is
 * fuzzed with every option it parses.
 *
 * The commands read and write real files, so the harness works in a
 * directory of its own under $TMPDIR, holding a few small graphs and a
 * codebook (copied from the source tree at start-up), and it skips any input
 * whose arguments could reach outside it (a '/'). Whatever a run creates
 * there is removed after it. Standard input is /dev/null, and DOT, which
 * hubspoke reads through a helper process, points at a helper that does not
 * exist: that path is fuzzed in-process by fuzz_dot. PATH names no directory,
 * so that gnuplot (compare --plot) is not found either. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef HS_FUZZ_SRC
#error "HS_FUZZ_SRC (the source tree) must be defined by the build"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 32

/* Files every run finds in the working directory. */
static const char *const seeds[][2] = {
    {"graphs/asia-pacific.graphml", "a.graphml"},
    {"graphs/us-japan-rok.graphml", "b.graphml"},
    {"graphs/us-japan-rok.graphml", "c.xml"},
    {"tests/fuzz/corpus/fuzz_codebook/full.json", "cb.json"},
};
#define NSEEDS (sizeof seeds / sizeof *seeds)

static void copy(const char *from, const char *to) {
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out) {
        fprintf(stderr, "fuzz_cli: cannot copy %s to %s\n", from, to);
        exit(1);
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

static char dir[4096];
static void clean(void);

/* At exit: the run's files, the seeds, then the directory itself. */
static void remove_dir(void) {
    if (chdir(dir) != 0) return;
    clean();
    for (size_t i = 0; i < NSEEDS; i++) unlink(seeds[i][1]);
    if (chdir("/") == 0) rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/hubspoke-fuzz-cli.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("fuzz_cli: mkdtemp");
        exit(1);
    }
    for (size_t i = 0; i < NSEEDS; i++) {
        char from[4096], to[4200];
        snprintf(from, sizeof from, "%s/%s", HS_FUZZ_SRC, seeds[i][0]);
        snprintf(to, sizeof to, "%s/%s", dir, seeds[i][1]);
        copy(from, to);
    }
    if (chdir(dir) != 0) {
        perror("fuzz_cli: chdir");
        exit(1);
    }
    atexit(remove_dir);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    setenv("HUBSPOKE_DOT_HELPER", "/nonexistent/hubspoke-dot", 1);
    /* compare --plot runs gnuplot through PATH: no process per input either. */
    setenv("PATH", "/nonexistent", 1);
    return 0;
}

static int is_seed(const char *name) {
    for (size_t i = 0; i < NSEEDS; i++) {
        if (strcmp(name, seeds[i][1]) == 0) return 1;
    }
    return 0;
}

/* Remove what the run wrote, so that runs stay independent. */
static void clean(void) {
    DIR *d = opendir(".");
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !is_seed(e->d_name)) unlink(e->d_name);
    }
    closedir(d);
}

/* Options whose value is a number of repetitions: thousands of E-I
 * permutations, codebook redraws or compared years are slow by request, not
 * a hang (seconds each under ASan), so the harness keeps them small.
 * The parser accepts any unambiguous prefix ("--sens") and "--opt=value". */
static int asks_for_many(char **argv, int argc) {
    static const char *const counted[] = {"--permutations", "--sensitivity"};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        for (size_t k = 0; k < sizeof counted / sizeof *counted; k++) {
            if (n < 4 || strncmp(a, counted[k], n) != 0) continue;
            const char *value = eq ? eq + 1 : i + 1 < argc ? argv[i + 1] : "";
            if (strtod(value, NULL) > 100 || strlen(value) > 3) return 1;
        }
        /* --years A:B measures every year between: a wide span is as slow
         * as many permutations. Counted with the parser's own reader. */
        if (n >= 4 && strncmp(a, "--years", n) == 0) {
            const char *value = eq ? eq + 1 : i + 1 < argc ? argv[i + 1] : "";
            hs_cli_years years = {NULL, 0};
            char msg[256];
            (void)hs_opt_parse_years("years", value, 41, &years, msg, sizeof msg);
            int many = years.count > 40;
            free(years.years);
            if (many) return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 4096 || memchr(data, '/', size)) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char prog[] = "hubspoke";
    char *argv[MAX_ARGS + 2] = {prog};
    int argc = 1;
    for (char *p = text; argc <= MAX_ARGS;) {
        argv[argc++] = p;
        char *nl = memchr(p, '\n', (size_t)(text + size - p));
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }
    argv[argc] = NULL;
    if (asks_for_many(argv, argc)) {
        free(text);
        return 0;
    }
    int rc = hs_cli_main(argc, argv);
    fflush(stdout);
    clean();
    free(text);
    if (rc < 0 || rc > 2) abort(); /* the exit status is 0, 1 or 2 */
    return 0;
}
