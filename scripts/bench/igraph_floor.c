/* The floor of scripts/bench-metrics: the standard measures computed by
 * igraph 0.10 directly, with nothing else (no GraphML parsing, no model, no
 * roles): what a minimal C program pays for the same numbers.
 *
 *     igraph_floor FILE.edges
 *
 * FILE.edges is the security graph S written by gen_system.py: a first line
 * "n m", then m lines "u v w" (0-based vertex ids, w = summed tie depth).
 * Computes degree, strength (w), weighted betweenness and closeness (length
 * 1/w), eigenvector centrality (w, max = 1), Burt's constraint (w),
 * articulation points and bridges, and prints a checksum line in the format
 * of networkx_metrics.py.
 *
 * Build: gcc -O2 igraph_floor.c $(pkg-config --cflags --libs igraph) -o igraph_floor
 */
#define _POSIX_C_SOURCE 200809L
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* IGRAPH_FLOOR_TIMES=1 in the environment: time of each step on stderr. */
static int show_times;
static double last;
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}
static void lap(const char *what) {
    double t = now();
    if (show_times) fprintf(stderr, "igraph_floor: %-20s %8.3f s\n", what, t - last);
    last = t;
}

static void die(const char *msg) {
    fprintf(stderr, "igraph_floor: %s\n", msg);
    exit(1);
}

int main(int argc, char **argv) {
    if (argc != 2) die("usage: igraph_floor FILE.edges");
    show_times = getenv("IGRAPH_FLOOR_TIMES") != NULL;
    last = now();
    FILE *f = fopen(argv[1], "r");
    if (!f) die("cannot open input");
    long n, m;
    if (fscanf(f, "%ld %ld", &n, &m) != 2 || n < 1 || m < 0) die("bad header");

    igraph_vector_int_t edges;
    igraph_vector_t weights, lengths;
    igraph_vector_int_init(&edges, 2 * m);
    igraph_vector_init(&weights, m);
    igraph_vector_init(&lengths, m);
    for (long i = 0; i < m; i++) {
        long u, v;
        double w;
        if (fscanf(f, "%ld %ld %lf", &u, &v, &w) != 3 || u < 0 || v < 0 || u >= n || v >= n || !(w > 0))
            die("bad edge line");
        VECTOR(edges)[2 * i] = u;
        VECTOR(edges)[2 * i + 1] = v;
        VECTOR(weights)[i] = w;
        VECTOR(lengths)[i] = 1.0 / w;
    }
    fclose(f);

    igraph_t g;
    igraph_create(&g, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    lap("read");

    igraph_vector_int_t degree, reach, aps, bridges;
    igraph_vector_t strength, betweenness, closeness, eigen, constraint;
    igraph_vector_int_init(&degree, 0);
    igraph_vector_int_init(&reach, 0);
    igraph_vector_int_init(&aps, 0);
    igraph_vector_int_init(&bridges, 0);
    igraph_vector_init(&strength, 0);
    igraph_vector_init(&betweenness, 0);
    igraph_vector_init(&closeness, 0);
    igraph_vector_init(&eigen, 0);
    igraph_vector_init(&constraint, 0);

    igraph_degree(&g, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
    igraph_strength(&g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS, &weights);
    lap("degree+strength");
    igraph_betweenness(&g, &betweenness, igraph_vss_all(), IGRAPH_UNDIRECTED, &lengths);
    lap("betweenness");
    igraph_bool_t all_reachable;
    igraph_closeness(&g, &closeness, &reach, &all_reachable, igraph_vss_all(), IGRAPH_ALL, &lengths, 1);
    lap("closeness");
    igraph_real_t value;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_eigenvector_centrality(&g, &eigen, &value, IGRAPH_UNDIRECTED, 1, &weights, &arpack);
    lap("eigenvector");
    igraph_constraint(&g, &constraint, igraph_vss_all(), &weights);
    lap("constraint");
    igraph_articulation_points(&g, &aps);
    igraph_bridges(&g, &bridges);
    lap("cut vertices+bridges");

    /* Checksums. Closeness as NetworkX's wf_improved: scale by the share of
     * the other vertices reached; 0 for a vertex that reaches none. */
    long sdeg = 0;
    double sstr = 0, sbet = 0, sclo = 0, seig = 0, scon = 0;
    for (long i = 0; i < n; i++) {
        sdeg += VECTOR(degree)[i];
        sstr += VECTOR(strength)[i];
        sbet += VECTOR(betweenness)[i];
        igraph_integer_t r = VECTOR(reach)[i]; /* the other vertices reached */
        if (r > 0 && n > 1) sclo += VECTOR(closeness)[i] * (double)r / (double)(n - 1);
        seig += fabs(VECTOR(eigen)[i]);
        if (!isnan(VECTOR(constraint)[i])) scon += VECTOR(constraint)[i];
    }
    printf("checksum n=%ld m=%ld degree=%ld strength=%.6f betweenness=%.6f closeness=%.6f "
           "eigenvector=%.6f constraint=%.6f articulation_points=%ld bridges=%ld\n",
           n, (long)igraph_ecount(&g), sdeg, sstr, sbet, sclo, seig, scon, (long)igraph_vector_int_size(&aps),
           (long)igraph_vector_int_size(&bridges));

    igraph_vector_int_destroy(&degree);
    igraph_vector_int_destroy(&reach);
    igraph_vector_int_destroy(&aps);
    igraph_vector_int_destroy(&bridges);
    igraph_vector_destroy(&strength);
    igraph_vector_destroy(&betweenness);
    igraph_vector_destroy(&closeness);
    igraph_vector_destroy(&eigen);
    igraph_vector_destroy(&constraint);
    igraph_vector_destroy(&weights);
    igraph_vector_destroy(&lengths);
    igraph_vector_int_destroy(&edges);
    igraph_destroy(&g);
    return 0;
}
