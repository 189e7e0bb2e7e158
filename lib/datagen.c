/* datagen: make_classification, make_moons and make_blobs, following
 * scikit-learn 1.2's sklearn/datasets/_samples_generator.py draw for draw
 * (docs/dev/rng-spec.md lists the order of the draws).
 *
 * The order in which numbers are drawn is part of the result: one extra or
 * missing draw anywhere changes everything after it. Each step below says
 * what it draws.
 */
#include "datagen.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

#define SEED_MAX 4294967295LL              // 2^32 - 1, NumPy's largest integer seed
#define SIZE_MAX_32 ((size_t)UINT32_MAX)   // rows and columns are shuffled with 32-bit draws
#define NP_PI 3.141592653589793            // np.pi: the double nearest to pi
#define CUBE_BITS 30                       // scikit-learn picks at most 30 vertex bits at once

/* ---- shared steps ---------------------------------------------------------- */

static int check_seed(const char *who, long long seed, LrError *err) {
    if (seed < 0 || seed > SEED_MAX) {
        return lr_fail(err, "%s: the seed must be a whole number from 0 to 4294967295 (2^32 - 1), "
                            "as in NumPy; got %lld",
                       who, seed);
    }
    return 0;
}

static int check_count(const char *who, const char *name, size_t value, size_t min, LrError *err) {
    if (value < min) return lr_fail(err, "%s: %s must be at least %zu, got %zu", who, name, min, value);
    if (value > SIZE_MAX_32) {
        return lr_fail(err, "%s: %s must be at most %zu, got %zu", who, name, SIZE_MAX_32, value);
    }
    return 0;
}

/* An n x d data set with zero features and labels, columns named x1 .. xd, y. */
static void dataset_alloc(Dataset *ds, size_t n, size_t d) {
    ds->X = mat_new(n, d);
    ds->y = vec_new(n);
    ds->n = n;
    ds->d = d;
    ds->names = lr_malloc((d + 1) * sizeof *ds->names);
    char name[32];
    for (size_t j = 0; j < d; j++) {
        snprintf(name, sizeof name, "x%zu", j + 1);
        ds->names[j] = lr_strdup(name);
    }
    ds->names[d] = lr_strdup("y");
}

// [snippet shuffle-rows]
/* scikit-learn's utils.shuffle(X, y, random_state=rng):
 * idx = permutation(n), then X = X[idx], y = y[idx]. */
static void shuffle_rows(Dataset *ds, Rng *rng) {
    size_t *idx = lr_malloc(ds->n * sizeof *idx);
    rng_permutation(rng, idx, ds->n);
    Matrix X = mat_new(ds->n, ds->d);
    double *y = vec_new(ds->n);
    for (size_t i = 0; i < ds->n; i++) {
        memcpy(mat_row(&X, i), mat_row(&ds->X, idx[i]), ds->d * sizeof(double));
        y[i] = ds->y[idx[i]];
    }
    mat_free(&ds->X);
    free(ds->y);
    ds->X = X;
    ds->y = y;
    free(idx);
}
// [end shuffle-rows]

/* ---- make_classification: the hypercube ------------------------------------- */

/* Whether v is among seen[0 .. n-1]. */
static int contains(const size_t *seen, size_t n, size_t v) {
    for (size_t i = 0; i < n; i++) {
        if (seen[i] == v) return 1;
    }
    return 0;
}

/* scikit-learn's sample_without_replacement(pop, k): k distinct numbers from
 * 0 .. pop-1 into out (k), by one of three methods chosen by k / pop. */
static void sample_without_replacement(Rng *rng, size_t pop, size_t k, size_t *out) {
    double ratio = pop != 0 ? (double)k / (double)pop : 1.0;
    if (ratio > 0.01 && ratio < 0.99) {
        // permutation(pop)[:k]
        size_t *perm = lr_malloc(pop * sizeof *perm);
        rng_permutation(rng, perm, pop);
        memcpy(out, perm, k * sizeof *out);
        free(perm);
    } else if (ratio < 0.2) {
        // tracking selection: randint(pop) until the value is new, k times
        for (size_t i = 0; i < k; i++) {
            size_t j;
            do {
                j = rng_randint(rng, (uint32_t)pop);
            } while (contains(out, i, j));
            out[i] = j;
        }
    } else {
        // reservoir sampling: out = 0 .. k-1; then item i replaces out[j] when j < k
        for (size_t i = 0; i < k; i++) out[i] = i;
        for (size_t i = k; i < pop; i++) {
            size_t j = rng_interval(rng, (uint32_t)i);
            if (j < k) out[j] = i;
        }
    }
}

/* scikit-learn's _generate_hypercube: C (n_clusters, dims) gets one distinct
 * 0/1 vertex per row. Column b holds bit dims-1-b of the chosen vertex number
 * (column 0 is the most significant bit). Beyond 30 dimensions the first
 * dims-30 columns are plain coin flips, drawn first, row by row. */
static void hypercube_vertices(Rng *rng, size_t n_clusters, size_t dims, double *C) {
    size_t flips = dims > CUBE_BITS ? dims - CUBE_BITS : 0;
    size_t bits = dims - flips;
    for (size_t k = 0; k < n_clusters; k++) {
        for (size_t b = 0; b < flips; b++) C[k * dims + b] = rng_randint(rng, 2);
    }
    size_t *vertex = lr_malloc(n_clusters * sizeof *vertex);
    sample_without_replacement(rng, (size_t)1 << bits, n_clusters, vertex);
    for (size_t k = 0; k < n_clusters; k++) {
        for (size_t b = 0; b < bits; b++) {
            C[k * dims + flips + b] = (double)((vertex[k] >> (bits - 1 - b)) & 1U);
        }
    }
    free(vertex);
}

/* Centroids C (n_clusters, n_inf): c = bit * 2 class_sep - class_sep, a vertex
 * of the cube [-class_sep, class_sep]^n_inf. Without hypercube each row k is
 * then scaled by u_k and each column j by u_j (n_clusters + n_inf uniforms). */
static double *centroids_new(Rng *rng, const ClassificationParams *p, size_t n_clusters) {
    size_t n_inf = p->n_informative;
    double *C = lr_malloc(n_clusters * n_inf * sizeof *C);
    hypercube_vertices(rng, n_clusters, n_inf, C);
    for (size_t i = 0; i < n_clusters * n_inf; i++) {
        C[i] = C[i] * (2.0 * p->class_sep) - p->class_sep;
    }
    if (!p->hypercube) {
        for (size_t k = 0; k < n_clusters; k++) {
            double u_k = rng_uniform(rng);
            for (size_t j = 0; j < n_inf; j++) C[k * n_inf + j] *= u_k;
        }
        for (size_t j = 0; j < n_inf; j++) {
            double u_j = rng_uniform(rng);
            for (size_t k = 0; k < n_clusters; k++) C[k * n_inf + j] *= u_j;
        }
    }
    return C;
}

/* ---- make_classification: the steps ----------------------------------------- */

static int check_classification(const ClassificationParams *p, LrError *err) {
    const char *who = "make_classification";
    if (check_seed(who, p->seed, err) != 0) return -1;
    if (check_count(who, "n_samples", p->n_samples, 1, err) != 0) return -1;
    if (check_count(who, "n_features", p->n_features, 1, err) != 0) return -1;
    if (check_count(who, "n_informative", p->n_informative, 1, err) != 0) return -1;
    if (check_count(who, "n_classes", p->n_classes, 1, err) != 0) return -1;
    if (check_count(who, "n_clusters_per_class", p->n_clusters_per_class, 1, err) != 0) return -1;
    size_t used = p->n_informative + p->n_redundant + p->n_repeated;
    if (used > p->n_features || used < p->n_informative) {
        return lr_fail(err, "%s: n_informative + n_redundant + n_repeated (%zu + %zu + %zu) "
                            "must be at most n_features (%zu)",
                       who, p->n_informative,
                       p->n_redundant, p->n_repeated, p->n_features);
    }
    size_t n_clusters = p->n_classes * p->n_clusters_per_class;
    if (n_clusters / p->n_clusters_per_class != p->n_classes || n_clusters > SIZE_MAX_32 ||
        (p->n_informative < 64 && n_clusters > ((size_t)1 << p->n_informative))) {
        return lr_fail(err, "%s: n_classes * n_clusters_per_class (%zu * %zu) must be at most "
                            "2^n_informative (2^%zu): each cluster needs its own vertex of the cube",
                       who, p->n_classes, p->n_clusters_per_class, p->n_informative);
    }
    if (!(p->flip_y >= 0.0 && p->flip_y <= 1.0)) {
        return lr_fail(err, "%s: flip_y is the share of labels made random and must be in [0, 1], got %g",
                       who, p->flip_y);
    }
    if (!isfinite(p->class_sep) || !isfinite(p->shift) || !isfinite(p->scale)) {
        return lr_fail(err, "%s: class_sep, shift and scale must be finite numbers, got %g, %g, %g",
                       who, p->class_sep, p->shift, p->scale);
    }
    for (size_t c = 0; p->weights != NULL && c < p->n_classes; c++) {
        if (!(p->weights[c] >= 0.0 && p->weights[c] <= 1.0)) {
            return lr_fail(err, "%s: weights[%zu] must be a share between 0 and 1, got %g",
                           who, c, p->weights[c]);
        }
    }
    return 0;
}

/* Samples per cluster, count (n_clusters): int(n_samples * w_c / n_clusters_per_class)
 * with w_c the weight of the cluster's class (1 / n_classes by default), then
 * what is left over one each to clusters 0, 1, 2, ... (round robin). */
static int cluster_sizes(const ClassificationParams *p, size_t n_clusters, size_t *count, LrError *err) {
    size_t total = 0;
    for (size_t k = 0; k < n_clusters; k++) {
        size_t c = k % p->n_classes;
        double w = p->weights != NULL ? p->weights[c] : 1.0 / (double)p->n_classes;
        count[k] = (size_t)((double)p->n_samples * w / (double)p->n_clusters_per_class);
        total += count[k];
    }
    if (total > p->n_samples) {
        return lr_fail(err, "make_classification: the weights give %zu samples, more than n_samples (%zu)",
                       total, p->n_samples);
    }
    for (size_t i = 0; i < p->n_samples - total; i++) count[i % n_clusters]++;
    return 0;
}

// [snippet clusters]
/* Informative columns: standard normals (n_samples x n_inf, row by row); then
 * for each cluster k, over its rows: label k mod n_classes, a random matrix A
 * (n_inf, n_inf) of 2u - 1 (row by row), and each row becomes
 *   x_j <- sum_a x_a A[a][j] + c_kj      (x A plus the centroid: a random covariance) */
static void informative_clusters(Dataset *ds, Rng *rng, const ClassificationParams *p,
                                 const size_t *count, const double *C, size_t n_clusters) {
    size_t n_inf = p->n_informative;
    for (size_t i = 0; i < ds->n; i++) {
        for (size_t j = 0; j < n_inf; j++) *mat_at(&ds->X, i, j) = rng_normal_std(rng);
    }
    double *A = lr_malloc(n_inf * n_inf * sizeof *A);
    double *xA = lr_malloc(n_inf * sizeof *xA);
    size_t start = 0;
    for (size_t k = 0; k < n_clusters; k++) {
        for (size_t a = 0; a < n_inf * n_inf; a++) A[a] = 2.0 * rng_uniform(rng) - 1.0;
        for (size_t i = start; i < start + count[k]; i++) {
            double *x_i = mat_row(&ds->X, i);
            for (size_t j = 0; j < n_inf; j++) {
                double sum = 0.0;
                for (size_t a = 0; a < n_inf; a++) sum += x_i[a] * A[a * n_inf + j];
                xA[j] = sum;
            }
            for (size_t j = 0; j < n_inf; j++) x_i[j] = xA[j] + C[k * n_inf + j];
            ds->y[i] = (double)(k % p->n_classes);
        }
        start += count[k];
    }
    free(xA);
    free(A);
}
// [end clusters]

/* Redundant columns: B (n_inf, n_red) of 2u - 1, then x_{n_inf + r} = sum_a x_a B[a][r].
 * Repeated columns: for each, a column index (int)((n_inf + n_red - 1) u + 0.5)
 * to copy. Useless columns: standard normals, row by row. */
static void other_columns(Dataset *ds, Rng *rng, const ClassificationParams *p) {
    size_t n_inf = p->n_informative, n_red = p->n_redundant, n_rep = p->n_repeated;
    if (n_red > 0) {
        double *B = lr_malloc(n_inf * n_red * sizeof *B);
        for (size_t a = 0; a < n_inf * n_red; a++) B[a] = 2.0 * rng_uniform(rng) - 1.0;
        for (size_t i = 0; i < ds->n; i++) {
            double *x_i = mat_row(&ds->X, i);
            for (size_t r = 0; r < n_red; r++) {
                double sum = 0.0;
                for (size_t a = 0; a < n_inf; a++) sum += x_i[a] * B[a * n_red + r];
                x_i[n_inf + r] = sum;
            }
        }
        free(B);
    }
    size_t n = n_inf + n_red;
    for (size_t r = 0; r < n_rep; r++) {
        size_t source = (size_t)((double)(n - 1) * rng_uniform(rng) + 0.5);
        for (size_t i = 0; i < ds->n; i++) *mat_at(&ds->X, i, n + r) = *mat_at(&ds->X, i, source);
    }
    for (size_t i = 0; i < ds->n; i++) {
        for (size_t j = n + n_rep; j < ds->d; j++) *mat_at(&ds->X, i, j) = rng_normal_std(rng);
    }
}

/* Label noise: n_samples uniforms first (row i is chosen when u_i < flip_y),
 * then for each chosen row in order a new label randint(n_classes). These
 * draws happen even when flip_y is 0. */
static void flip_labels(Dataset *ds, Rng *rng, const ClassificationParams *p) {
    unsigned char *chosen = lr_malloc(ds->n);
    for (size_t i = 0; i < ds->n; i++) chosen[i] = rng_uniform(rng) < p->flip_y;
    for (size_t i = 0; i < ds->n; i++) {
        if (chosen[i]) ds->y[i] = (double)rng_randint(rng, (uint32_t)p->n_classes);
    }
    free(chosen);
}

/* x_ij <- (x_ij + shift_j) * scale_j, with shift_j = (2u - 1) class_sep and
 * scale_j = 1 + 100u drawn (n_features uniforms each) only when asked for. */
static void shift_and_scale(Dataset *ds, Rng *rng, const ClassificationParams *p) {
    double *shift = lr_malloc(ds->d * sizeof *shift);
    double *scale = lr_malloc(ds->d * sizeof *scale);
    for (size_t j = 0; j < ds->d; j++) {
        shift[j] = p->shift_random ? (2.0 * rng_uniform(rng) - 1.0) * p->class_sep : p->shift;
    }
    for (size_t j = 0; j < ds->d; j++) {
        scale[j] = p->scale_random ? 1.0 + 100.0 * rng_uniform(rng) : p->scale;
    }
    for (size_t i = 0; i < ds->n; i++) {
        double *x_i = mat_row(&ds->X, i);
        for (size_t j = 0; j < ds->d; j++) x_i[j] = (x_i[j] + shift[j]) * scale[j];
    }
    free(scale);
    free(shift);
}

/* Rows by utils.shuffle, then the columns: perm = permutation(d), column j
 * becomes the old column perm[j]. */
static void shuffle_rows_and_columns(Dataset *ds, Rng *rng) {
    shuffle_rows(ds, rng);
    size_t *perm = lr_malloc(ds->d * sizeof *perm);
    rng_permutation(rng, perm, ds->d);
    double *row = lr_malloc(ds->d * sizeof *row);
    for (size_t i = 0; i < ds->n; i++) {
        double *x_i = mat_row(&ds->X, i);
        for (size_t j = 0; j < ds->d; j++) row[j] = x_i[perm[j]];
        memcpy(x_i, row, ds->d * sizeof *row);
    }
    free(row);
    free(perm);
}

ClassificationParams datagen_classification_defaults(void) {
    return (ClassificationParams){
        .n_samples = 100,
        .n_features = 20,
        .n_informative = 2,
        .n_redundant = 2,
        .n_repeated = 0,
        .n_classes = 2,
        .n_clusters_per_class = 2,
        .weights = NULL,
        .flip_y = 0.01,
        .class_sep = 1.0,
        .hypercube = true,
        .shift = 0.0,
        .shift_random = false,
        .scale = 1.0,
        .scale_random = false,
        .shuffle = true,
        .seed = 0,
    };
}

int datagen_make_classification(Dataset *ds, const ClassificationParams *p, LrError *err) {
    *ds = (Dataset){0};
    if (check_classification(p, err) != 0) return -1;
    size_t n_clusters = p->n_classes * p->n_clusters_per_class;
    size_t *count = lr_malloc(n_clusters * sizeof *count);
    if (cluster_sizes(p, n_clusters, count, err) != 0) {
        free(count);
        return -1;
    }
    Rng rng;
    rng_seed(&rng, (uint32_t)p->seed);
    dataset_alloc(ds, p->n_samples, p->n_features);
    double *C = centroids_new(&rng, p, n_clusters);
    informative_clusters(ds, &rng, p, count, C, n_clusters);
    other_columns(ds, &rng, p);
    flip_labels(ds, &rng, p);
    shift_and_scale(ds, &rng, p);
    if (p->shuffle) shuffle_rows_and_columns(ds, &rng);
    free(C);
    free(count);
    return 0;
}

/* ---- make_moons ----------------------------------------------------------- */

/* NumPy's linspace(0, pi, m)[i]: i * (pi / (m - 1)), the last point exactly pi. */
static double linspace_pi(size_t i, size_t m) {
    if (m < 2) return 0.0;
    if (i == m - 1) return NP_PI;
    return (double)i * (NP_PI / (double)(m - 1));
}

// [snippet moons]
int datagen_make_moons(Dataset *ds, size_t n_samples, double noise, bool shuffle, long long seed,
                       LrError *err) {
    *ds = (Dataset){0};
    if (check_seed("make_moons", seed, err) != 0) return -1;
    if (check_count("make_moons", "n_samples", n_samples, 1, err) != 0) return -1;
    if (!(noise >= 0.0 && isfinite(noise))) {
        return lr_fail(err, "make_moons: noise is a standard deviation and must be >= 0, got %g", noise);
    }
    size_t n_out = n_samples / 2, n_in = n_samples - n_out;
    dataset_alloc(ds, n_samples, 2);
    // outer moon (label 0): (cos t, sin t); inner (label 1): (1 - cos t, 1 - sin t - 0.5)
    for (size_t i = 0; i < n_out; i++) {
        double t = linspace_pi(i, n_out);
        *mat_at(&ds->X, i, 0) = cos(t);
        *mat_at(&ds->X, i, 1) = sin(t);
        ds->y[i] = 0.0;
    }
    for (size_t i = 0; i < n_in; i++) {
        double t = linspace_pi(i, n_in);
        *mat_at(&ds->X, n_out + i, 0) = 1.0 - cos(t);
        *mat_at(&ds->X, n_out + i, 1) = 1.0 - sin(t) - 0.5;
        ds->y[n_out + i] = 1.0;
    }
    Rng rng;
    rng_seed(&rng, (uint32_t)seed);
    if (shuffle) shuffle_rows(ds, &rng);
    // x_ij += normal(0, noise), row by row, after the shuffle
    for (size_t i = 0; noise > 0.0 && i < n_samples; i++) {
        for (size_t j = 0; j < 2; j++) *mat_at(&ds->X, i, j) += rng_normal(&rng, 0.0, noise);
    }
    return 0;
}
// [end moons]

/* ---- make_blobs ----------------------------------------------------------- */

int datagen_make_blobs(Dataset *ds, size_t n_samples, size_t n_centers, size_t n_features,
                       double cluster_std, double box_lo, double box_hi, bool shuffle,
                       long long seed, LrError *err) {
    *ds = (Dataset){0};
    const char *who = "make_blobs";
    if (check_seed(who, seed, err) != 0) return -1;
    if (check_count(who, "n_samples", n_samples, 1, err) != 0) return -1;
    if (check_count(who, "n_centers", n_centers, 1, err) != 0) return -1;
    if (check_count(who, "n_features", n_features, 1, err) != 0) return -1;
    if (!(cluster_std >= 0.0 && isfinite(cluster_std))) {
        return lr_fail(err, "%s: cluster_std is a standard deviation and must be >= 0, got %g",
                       who, cluster_std);
    }
    if (!isfinite(box_hi - box_lo)) {
        return lr_fail(err, "%s: center_box must be two finite numbers, got (%g, %g)", who, box_lo, box_hi);
    }
    Rng rng;
    rng_seed(&rng, (uint32_t)seed);
    // centers (n_centers, n_features): uniform(box_lo, box_hi), row by row
    double *centers = lr_malloc(n_centers * n_features * sizeof *centers);
    for (size_t a = 0; a < n_centers * n_features; a++) {
        centers[a] = rng_uniform_range(&rng, box_lo, box_hi);
    }
    // n_samples / n_centers rows per center, the remainder one each to the first
    // centers; each row x_ij = normal(center_kj, cluster_std), row by row.
    dataset_alloc(ds, n_samples, n_features);
    size_t i = 0;
    for (size_t k = 0; k < n_centers; k++) {
        size_t count = n_samples / n_centers + (k < n_samples % n_centers ? 1 : 0);
        for (size_t r = 0; r < count; r++, i++) {
            for (size_t j = 0; j < n_features; j++) {
                *mat_at(&ds->X, i, j) = rng_normal(&rng, centers[k * n_features + j], cluster_std);
            }
            ds->y[i] = (double)k;
        }
    }
    if (shuffle) shuffle_rows(ds, &rng);
    free(centers);
    return 0;
}
